<?xml version="1.0" encoding="UTF-8"?>
<!--
  Free sections (nested to any depth), the blocks that stand where a paragraph may
  (p, list, quote), the inline markup inside paragraphs, and footnotes (Typst sets
  them at the foot of their page and numbers them in reading order).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- A free section: a heading one level below its parent's (1 at the top, never
       deeper than 6), labelled with the section's id, then its blocks and
       subsections in order. -->
  <xsl:template match="b:section">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="marked-heading">
      <xsl:with-param name="level" select="count(ancestor::b:section) + 1"/>
      <xsl:with-param name="content">
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:title"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="id"><xsl:call-template name="section-id"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::b:title)]"/>
  </xsl:template>

  <!-- A paragraph: its text on one line, a blank line after it. -->
  <xsl:template match="b:p">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="fallback-mark"/>
    <xsl:call-template name="in-lang">
      <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A bullet list (- item) or numbered list (+ item), one item a line. -->
  <xsl:template match="b:list">
    <xsl:call-template name="marker"/>
    <xsl:variable name="mark">
      <xsl:choose>
        <xsl:when test="@type = 'ordered'">+ </xsl:when>
        <xsl:otherwise>- </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="b:item">
      <xsl:value-of select="$mark"/>
      <xsl:call-template name="fallback-mark"/>
      <xsl:call-template name="in-lang">
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- A participant's quotation: its paragraphs between the language's quotation
       marks and, when it names a municipality, who said it. -->
  <xsl:template match="b:quote">
    <xsl:call-template name="marker"/>
    <xsl:text>#participant-quote(</xsl:text>
    <xsl:choose>
      <xsl:when test="@municipality">
        <xsl:text>[</xsl:text>
        <xsl:call-template name="quote-attribution"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
    <xsl:text>, [</xsl:text>
    <xsl:for-each select="b:p">
      <xsl:if test="position() &gt; 1"><xsl:text>&#10;&#10;</xsl:text></xsl:if>
      <xsl:call-template name="in-lang">
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>])&#10;</xsl:text>
  </xsl:template>

  <!-- The attribution of a quote: "Participant, Irpin (Kyiv Oblast)". -->
  <xsl:template name="quote-attribution">
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst(bg:msg('quote.attribution', $marker))"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="id(@municipality)" mode="place"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Inline markup                                                     -->
  <!-- ================================================================ -->

  <!-- Text: escaped, so that it stays text. -->
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="bg:typst(.)"/>
  </xsl:template>

  <xsl:template match="b:em | b:term" mode="inline">
    <xsl:text>#emph[</xsl:text>
    <xsl:call-template name="inline-body"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <xsl:template match="b:strong" mode="inline">
    <xsl:text>#strong[</xsl:text>
    <xsl:call-template name="inline-body"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <xsl:template match="b:a" mode="inline">
    <xsl:text>#link(</xsl:text>
    <xsl:value-of select="bg:typst(normalize-space(@href), 'string')"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="inline-body"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <!-- The content of an inline element, inside #text(lang: …) when it is a phrase
       in another language than the text around it. -->
  <xsl:template name="inline-body">
    <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="@xml:lang and @xml:lang != $outer">
        <xsl:call-template name="lang-open">
          <xsl:with-param name="code" select="@xml:lang"/>
        </xsl:call-template>
        <xsl:apply-templates mode="inline"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A cross-reference: a link to the target showing its number (or its label,
       form="full"; a section's title), common.xsl's xref-text. -->
  <xsl:template match="b:xref" mode="inline">
    <xsl:variable name="text"><xsl:call-template name="xref-text"/></xsl:variable>
    <xsl:text>#link(label(</xsl:text>
    <xsl:value-of select="bg:typst(string(@ref), 'string')"/>
    <xsl:text>))[</xsl:text>
    <xsl:value-of select="bg:typst(string($text))"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <!-- A citation: its text, or when empty the reference's number ("[2]"), linked to
       the reference. -->
  <xsl:template match="b:cite" mode="inline">
    <xsl:text>#link(label(</xsl:text>
    <xsl:value-of select="bg:typst(string(@ref), 'string')"/>
    <xsl:text>))[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:call-template name="inline-body"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n">
          <xsl:call-template name="ref-number">
            <xsl:with-param name="node" select="id(@ref)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="bg:typst(bg:msg('cite.number', number($n)))"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <!-- A footnote: Typst numbers it and sets it at the foot of the page, in the
       language of the text it stands in when that is not the page's. -->
  <xsl:template match="b:fn" mode="inline">
    <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
    <xsl:text>#footnote[</xsl:text>
    <xsl:choose>
      <xsl:when test="@xml:lang and @xml:lang != $lang">
        <xsl:call-template name="lang-open"><xsl:with-param name="code" select="@xml:lang"/></xsl:call-template>
        <xsl:apply-templates mode="inline"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:when test="not(@xml:lang) and $outer != $lang">
        <xsl:call-template name="lang-open"><xsl:with-param name="code" select="$outer"/></xsl:call-template>
        <xsl:apply-templates mode="inline"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>];</xsl:text>
  </xsl:template>

</xsl:stylesheet>
