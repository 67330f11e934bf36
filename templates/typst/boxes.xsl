<?xml version="1.0" encoding="UTF-8"?>
<!--
  The key messages (the accent box on the first page) and boxes: sidebars of
  background, a short case or a participant's words, never split across pages.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The key messages: white on the accent colour, a heading and a list. -->
  <xsl:template match="b:key-messages">
    <xsl:call-template name="marker"/>
    <xsl:text>#block(width: 100%, breakable: false, fill: accent, inset: (x: 14pt, top: 11pt, bottom: 13pt), above: 1.2em, below: 1.2em)[
#set text(fill: white, font: sans, size: 10.5pt)
#set par(justify: false, leading: 0.55em)
#set list(marker: box(baseline: -0.1em, square(size: 0.45em, fill: rgb("#9fc3e6"))), body-indent: 0.7em, spacing: 0.8em)
#show heading: set text(fill: white, size: 10pt, tracking: 0.06em)
#show heading: set block(above: 0em, below: 0.9em)
#show link: set text(fill: white)
</xsl:text>
    <xsl:call-template name="heading">
      <xsl:with-param name="content" select="bg:typst(bg:msg('heading.key-messages'))"/>
      <xsl:with-param name="id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.key-messages'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="b:item">
      <xsl:call-template name="marker"/>
      <xsl:text>- </xsl:text>
      <xsl:call-template name="fallback-mark"/>
      <xsl:call-template name="in-lang">
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>&#10;]&#10;</xsl:text>
  </xsl:template>

  <!-- A box: its kind's label (not for a quote), its title as a heading one level
       below the part it stands in, and its paragraphs and lists, in the kind's
       colours. -->
  <xsl:template match="b:box">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@kind"><xsl:value-of select="@kind"/></xsl:when>
        <xsl:otherwise>info</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="marker"/>
    <xsl:choose>
      <xsl:when test="$kind = 'case'">#side-box(green, green-soft, [</xsl:when>
      <xsl:when test="$kind = 'quote'">#side-box(medium, white, none, </xsl:when>
      <xsl:otherwise>#side-box(accent, accent-soft, [</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$kind != 'quote'">
      <xsl:value-of select="bg:typst(bg:msg(concat('box.', $kind)))"/>
      <xsl:text>], </xsl:text>
    </xsl:if>
    <xsl:text>[</xsl:text>
    <xsl:if test="$kind = 'quote'">
      <xsl:text>#set text(font: serif, style: "italic", size: 10.5pt)&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="b:title">
      <xsl:call-template name="marker"/>
      <xsl:call-template name="marked-heading">
        <xsl:with-param name="node" select="."/>
        <xsl:with-param name="level">
          <xsl:call-template name="box-heading-level">
            <xsl:with-param name="box" select=".."/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="content"><xsl:call-template name="plain-text"/></xsl:with-param>
        <xsl:with-param name="outlined" select="false()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="b:p | b:list"/>
    <xsl:text>])&#10;</xsl:text>
  </xsl:template>

  <!-- The level of a box's heading: one below the heading of the part it stands
       in (a section's, a finding's 2, a case part's 3), at most 6. -->
  <xsl:template name="box-heading-level">
    <xsl:param name="box" select="."/>
    <xsl:variable name="under">
      <xsl:choose>
        <xsl:when test="$box/ancestor::b:challenge or $box/ancestor::b:response or $box/ancestor::b:result">3</xsl:when>
        <xsl:when test="$box/ancestor::b:finding">2</xsl:when>
        <xsl:otherwise><xsl:value-of select="count($box/ancestor::b:section)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="(number($under) &gt;= 6) * 6 + (number($under) &lt; 6) * (number($under) + 1)"/>
  </xsl:template>

</xsl:stylesheet>
