<?xml version="1.0" encoding="UTF-8"?>
<!--
  The masthead (series, language switch, title, subtitle, authors with their
  organisations, date, reading time) and the summary box with the keywords.
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
  <xsl:variable name="number-orgs"
      select="count($orgs[@id = $authors/@org]) &gt; 1"/>

  <!-- The page header: series and language switch on one line, the h1, subtitles,
       "Prepared by …" with affiliations, the date and the reading time. -->
  <xsl:template match="b:meta" mode="masthead">
    <header class="masthead">
      <div class="top">
        <xsl:for-each select="b:series">
          <p class="series">
            <xsl:call-template name="lang-attr"/>
            <xsl:value-of select="normalize-space(.)"/>
          </p>
        </xsl:for-each>
        <xsl:call-template name="language-switch"/>
      </div>
      <h1>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </h1>
      <xsl:for-each select="b:subtitle">
        <p class="subtitle">
          <xsl:call-template name="lang-attr"/>
          <xsl:value-of select="normalize-space(.)"/>
        </p>
      </xsl:for-each>
      <xsl:if test="$authors">
        <p class="byline">
          <xsl:call-template name="message-with-markup">
            <xsl:with-param name="message"
                select="bg:msg('prepared-by', $marker, count($authors))"/>
            <xsl:with-param name="content">
              <xsl:call-template name="splice-list">
                <xsl:with-param name="joined" select="bg:list($authors/b:name)"/>
                <xsl:with-param name="items" select="$authors/b:name"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="affiliations"/>
      <!-- the date and the reading time (bg:reading-minutes: what `briefgen stats`
           says), on one line -->
      <p class="date">
        <time datetime="{../@date}"><xsl:value-of select="bg:date(../@date)"/></time>
        <span class="sep" aria-hidden="true"> · </span>
        <span class="reading-time"><xsl:value-of select="bg:msg('reading.time', bg:reading-minutes())"/></span>
      </p>
    </header>
  </xsl:template>

  <!-- A person's name in a list: in the byline an author, with the superscript
       number of their organisation when authors come from several; in the
       colophon's line of contributors a contributor, with their role ("Iryna Melnyk
       (editor)"). -->
  <xsl:template match="b:person/b:name" mode="list-item">
    <xsl:choose>
      <xsl:when test="../@credit = 'contributor'">
        <xsl:call-template name="contributor-name"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="author-name"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="contributor-name">
    <xsl:choose>
      <xsl:when test="../b:role">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('person.with-role', $marker, $marker2)"/>
          <xsl:with-param name="content"><xsl:apply-templates select="." mode="inline-text"/></xsl:with-param>
          <xsl:with-param name="content2"><xsl:apply-templates select="../b:role" mode="inline-text"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="inline-text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="author-name">
    <span class="author">
      <xsl:call-template name="lang-attr"/>
      <xsl:value-of select="normalize-space(.)"/>
    </span>
    <xsl:variable name="org" select="$orgs[@id = current()/../@org]"/>
    <xsl:if test="$number-orgs and $org">
      <sup><xsl:value-of select="count($org/preceding-sibling::b:org) + 1"/></sup>
    </xsl:if>
  </xsl:template>

  <!-- The organisations under the byline: a numbered list matching the authors'
       superscripts, or one line joined by the list formatter. -->
  <xsl:template name="affiliations">
    <xsl:choose>
      <xsl:when test="$number-orgs">
        <ul class="affiliations">
          <xsl:for-each select="$orgs">
            <li>
              <sup><xsl:value-of select="position()"/></sup>
              <xsl:text> </xsl:text>
              <xsl:apply-templates select="." mode="org-name"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:when test="$orgs">
        <p class="affiliations">
          <xsl:call-template name="splice-list">
            <xsl:with-param name="joined" select="bg:list($orgs/b:name)"/>
            <xsl:with-param name="items" select="$orgs/b:name"/>
          </xsl:call-template>
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- An organisation's name in a list (see "affiliations"). -->
  <xsl:template match="b:org/b:name" mode="list-item">
    <xsl:apply-templates select=".." mode="org-name"/>
  </xsl:template>

  <!-- An organisation's name, a link to its site when it has one. -->
  <xsl:template match="b:org" mode="org-name">
    <xsl:choose>
      <xsl:when test="@href">
        <a href="{@href}">
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The summary box: a labelled section with the summary's paragraphs and the
       keywords. -->
  <xsl:template match="b:summary">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.summary'"/>
      </xsl:call-template>
    </xsl:variable>
    <section class="summary" aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="bg:msg('heading.summary')"/></h2>
      <xsl:apply-templates select="b:p"/>
      <xsl:variable name="keywords" select="../b:meta/b:keywords/b:keyword"/>
      <xsl:if test="$keywords">
        <p class="label"><xsl:value-of select="bg:msg('keywords.label')"/></p>
        <ul class="keywords">
          <xsl:for-each select="$keywords">
            <li>
              <xsl:call-template name="lang-attr"/>
              <xsl:value-of select="normalize-space(.)"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
