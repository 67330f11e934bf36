<?xml version="1.0" encoding="UTF-8"?>
<!--
  Case studies: boxes two a row (the cells of a grid, so the two of a row are as
  tall), each never split, with its title, its municipality, then challenge,
  response and result, each led by its label in the part's colour.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:cases">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.cases'"/>
    </xsl:call-template>
    <xsl:text>#grid(columns: </xsl:text>
    <xsl:choose>
      <xsl:when test="count(b:case) &gt; 1">(1fr, 1fr)</xsl:when>
      <xsl:otherwise>(1fr,)</xsl:otherwise>
    </xsl:choose>
    <xsl:text>, column-gutter: 10pt, row-gutter: 10pt, stroke: 0.6pt + rule,&#10;  inset: (x: 11pt, top: 9pt, bottom: 10pt),&#10;</xsl:text>
    <xsl:for-each select="b:case">
      <xsl:text>[</xsl:text>
      <xsl:apply-templates select="."/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="count(b:case) mod 2 = 1 and count(b:case) &gt; 1">
      <xsl:text>grid.cell(stroke: none)[],&#10;</xsl:text>
    </xsl:if>
    <xsl:text>)&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="b:case">
    <xsl:variable name="m" select="id(@municipality)"/>
    <xsl:call-template name="marker"/>
    <xsl:text>#block(width: 100%, breakable: false, {&#10;  set text(size: 9.5pt)&#10;  set par(justify: false, spacing: 0.6em, leading: 0.5em)&#10;  show heading: set block(above: 0em, below: 0.35em)&#10;  show heading: set text(size: 10.5pt)&#10;  [</xsl:text>
    <xsl:call-template name="marked-heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="content">
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:title"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="id" select="@id"/>
    </xsl:call-template>
    <xsl:if test="$m">
      <xsl:text>#block(below: 0.8em, text(font: sans, size: 8.5pt, fill: muted)[</xsl:text>
      <xsl:apply-templates select="$m" mode="place"/>
      <xsl:text>])&#10;</xsl:text>
    </xsl:if>
    <xsl:apply-templates select="b:challenge | b:response | b:result"/>
    <xsl:text>]})&#10;</xsl:text>
  </xsl:template>

  <!-- A part of a case: its label ("Challenge", "Response", "Result") in its
       colour, beside a rule of that colour, and its body. -->
  <xsl:template match="b:challenge | b:response | b:result">
    <xsl:variable name="colour">
      <xsl:choose>
        <xsl:when test="self::b:challenge">high</xsl:when>
        <xsl:when test="self::b:result">green</xsl:when>
        <xsl:otherwise>accent</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="marker"/>
    <xsl:text>#block(stroke: (left: 2pt + </xsl:text>
    <xsl:value-of select="$colour"/>
    <xsl:text>), inset: (left: 8pt, y: 2pt), above: 0.65em, below: 0.65em, {&#10;  part-label(</xsl:text>
    <xsl:value-of select="$colour"/>
    <xsl:text>)[</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg(concat('case.', local-name())))"/>
    <xsl:text>]&#10;  [</xsl:text>
    <xsl:apply-templates select="*"/>
    <xsl:text>]})&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
