<?xml version="1.0" encoding="UTF-8"?>
<!--
  Footnotes: a superscript number where the note is written, linked to the note in
  the list at the end of the brief, which links back.  Numbered per language in
  reading order (common.xsl: fn-index); the ids are fn-N and fnref-N.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The mark in the text. -->
  <xsl:template match="b:fn" mode="inline">
    <xsl:variable name="n"><xsl:call-template name="fn-number"/></xsl:variable>
    <sup class="fnref">
      <a id="fnref-{$n}" href="#fn-{$n}" aria-label="{bg:msg('footnote.mark', number($n))}">
        <xsl:value-of select="$n"/>
      </a>
    </sup>
  </xsl:template>

  <!-- The notes: a section with a heading and the notes in reading order; nothing
       when the brief has none. -->
  <xsl:template name="notes">
    <xsl:if test="$fn-count &gt; 0">
      <xsl:variable name="id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.notes'"/>
        </xsl:call-template>
      </xsl:variable>
      <section id="{$id}" class="notes">
        <h2><xsl:value-of select="bg:msg('heading.notes')"/></h2>
        <ol class="notes-list">
          <xsl:apply-templates select="$fn-before" mode="note"/>
          <xsl:for-each select="$recs">
            <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                              + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
            <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
            <xsl:apply-templates select=".//b:fn" mode="note"/>
          </xsl:for-each>
          <xsl:apply-templates select="$fn-after" mode="note"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One note: its text, marked with its language when that is not the page's
       (a fallback paragraph), and a link back to its mark. -->
  <xsl:template match="b:fn" mode="note">
    <xsl:variable name="n"><xsl:call-template name="fn-number"/></xsl:variable>
    <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
    <li id="fn-{$n}">
      <xsl:choose>
        <xsl:when test="@xml:lang and @xml:lang != $lang">
          <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="not(@xml:lang) and $outer != $lang">
          <xsl:attribute name="lang"><xsl:value-of select="$outer"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
      <!-- a no-break space: the arrow never starts a line of its own -->
      <xsl:text>&#160;</xsl:text>
      <a class="fnback" href="#fnref-{$n}" aria-label="{bg:msg('footnote.back', number($n))}">&#x21A9;&#xFE0E;</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
