<?xml version="1.0" encoding="UTF-8"?>
<!--
  The first page's masthead (series, title, subtitle, authors with their
  organisations, date, reading time) and the summary with the keywords.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- Authors are marked with the number of their organisation (¹ ²) only when they
       come from more than one organisation. -->
  <xsl:variable name="orgs" select="/b:brief/b:meta/b:org"/>
  <xsl:variable name="authors" select="/b:brief/b:meta/b:person[not(@credit = 'contributor')]"/>
  <xsl:variable name="number-orgs" select="count($orgs[@id = $authors/@org]) &gt; 1"/>

  <!-- The masthead: the series in small capitals, the title (the document's
       title element), subtitles, "Prepared by …", the organisations and the date,
       over a rule. -->
  <xsl:template match="b:meta" mode="masthead">
    <xsl:call-template name="marker"/>
    <xsl:for-each select="b:series">
      <xsl:text>#block(below: 0.4em, part-label(accent, [</xsl:text>
      <xsl:call-template name="plain-text"/>
      <xsl:text>]))&#10;</xsl:text>
    </xsl:for-each>
    <xsl:call-template name="marker">
      <xsl:with-param name="node" select="b:title"/>
    </xsl:call-template>
    <xsl:text>#title[</xsl:text>
    <xsl:call-template name="plain-text">
      <xsl:with-param name="node" select="b:title"/>
    </xsl:call-template>
    <xsl:text>]&#10;</xsl:text>
    <xsl:for-each select="b:subtitle">
      <xsl:call-template name="marker"/>
      <xsl:text>#block(above: 0em, below: 1em, text(font: sans, size: 12.5pt, fill: muted, hyphenate: false)[</xsl:text>
      <xsl:call-template name="plain-text"/>
      <xsl:text>])&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>#block(above: 0.8em, below: 0.9em)[&#10;#set text(font: sans, size: 9.5pt)&#10;#set par(justify: false, spacing: 0.4em)&#10;</xsl:text>
    <xsl:if test="$authors">
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:typst(bg:msg('prepared-by', $marker, count($authors)))"/>
        <xsl:with-param name="content">
          <xsl:call-template name="typst-splice-list">
            <xsl:with-param name="joined" select="bg:list($authors/b:name)"/>
            <xsl:with-param name="items" select="$authors/b:name"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
    <xsl:call-template name="affiliations"/>
    <xsl:text>#text(fill: muted)[</xsl:text>
    <xsl:value-of select="bg:typst(bg:date(../@date))"/>
    <xsl:text>#h(0.5em)·#h(0.5em)</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg('reading.time', bg:reading-minutes()))"/>
    <xsl:text>]&#10;]&#10;#line(length: 100%, stroke: 0.5pt + rule)&#10;</xsl:text>
  </xsl:template>

  <!-- A person's name in a list: in the byline an author, with the superscript
       number of their organisation when authors come from several; in the
       colophon's line of contributors a contributor, with their role. -->
  <xsl:template match="b:person/b:name" mode="list-item">
    <xsl:choose>
      <xsl:when test="../@credit = 'contributor'">
        <xsl:choose>
          <xsl:when test="../b:role">
            <xsl:call-template name="message-with-markup">
              <xsl:with-param name="message" select="bg:typst(bg:msg('person.with-role', $marker, $marker2))"/>
              <xsl:with-param name="content"><xsl:call-template name="plain-text"/></xsl:with-param>
              <xsl:with-param name="content2">
                <xsl:call-template name="plain-text"><xsl:with-param name="node" select="../b:role"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="plain-text"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#strong[</xsl:text>
        <xsl:call-template name="plain-text"/>
        <xsl:text>];</xsl:text>
        <xsl:variable name="org" select="$orgs[@id = current()/../@org]"/>
        <xsl:if test="$number-orgs and $org">
          <xsl:text>#super[</xsl:text>
          <xsl:value-of select="count($org/preceding-sibling::b:org) + 1"/>
          <xsl:text>];</xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The organisations under the byline: numbered lines matching the authors'
       superscripts, or one line joined by the list formatter. -->
  <xsl:template name="affiliations">
    <xsl:choose>
      <xsl:when test="$number-orgs">
        <xsl:for-each select="$orgs">
          <xsl:text>#text(fill: muted)[#super[</xsl:text>
          <xsl:value-of select="position()"/>
          <xsl:text>] </xsl:text>
          <xsl:apply-templates select="." mode="org-name"/>
          <xsl:text>]&#10;&#10;</xsl:text>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$orgs">
        <xsl:text>#text(fill: muted)[</xsl:text>
        <xsl:call-template name="typst-splice-list">
          <xsl:with-param name="joined" select="bg:list($orgs/b:name)"/>
          <xsl:with-param name="items" select="$orgs/b:name"/>
        </xsl:call-template>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="b:org/b:name" mode="list-item">
    <xsl:apply-templates select=".." mode="org-name"/>
  </xsl:template>

  <!-- An organisation's name, a link to its site when it has one. -->
  <xsl:template match="b:org" mode="org-name">
    <xsl:choose>
      <xsl:when test="@href">
        <xsl:text>#link(</xsl:text>
        <xsl:value-of select="bg:typst(normalize-space(@href), 'string')"/>
        <xsl:text>)[</xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The summary: a tinted block with its heading, paragraphs and keywords. -->
  <xsl:template match="b:summary">
    <xsl:call-template name="marker"/>
    <xsl:text>#block(width: 100%, fill: accent-soft, stroke: (left: 3pt + accent), inset: (x: 14pt, top: 10pt, bottom: 12pt), above: 1.2em, below: 1.4em)[&#10;</xsl:text>
    <xsl:text>#show heading: set text(fill: accent)&#10;#show heading: set block(above: 0.2em)&#10;</xsl:text>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.summary'"/>
    </xsl:call-template>
    <xsl:apply-templates select="b:p"/>
    <xsl:variable name="keywords" select="../b:meta/b:keywords/b:keyword"/>
    <xsl:if test="$keywords">
      <xsl:call-template name="marker">
        <xsl:with-param name="node" select="../b:meta/b:keywords"/>
      </xsl:call-template>
      <xsl:text>#block(above: 1em, text(font: sans, size: 8.5pt)[#part-label(accent)[</xsl:text>
      <xsl:value-of select="bg:typst(bg:msg('keywords.label'))"/>
      <xsl:text>] </xsl:text>
      <xsl:for-each select="$keywords">
        <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
        <xsl:call-template name="plain-text"/>
      </xsl:for-each>
      <xsl:text>])&#10;</xsl:text>
    </xsl:if>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
