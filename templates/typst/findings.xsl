<?xml version="1.0" encoding="UTF-8"?>
<!--
  Key findings: numbered, each with its paragraphs, the evidence set apart in a
  tinted block, and participants' quotes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:findings">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.findings'"/>
    </xsl:call-template>
    <xsl:apply-templates select="b:finding"/>
  </xsl:template>

  <!-- One finding: a level-2 heading led by its number in the accent colour, then
       its body (paragraphs, lists, boxes, tables, figures), evidence and quotes. -->
  <xsl:template match="b:finding">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="marked-heading">
      <xsl:with-param name="level" select="2"/>
      <xsl:with-param name="content">
        <xsl:text>#text(fill: accent)[</xsl:text>
        <xsl:call-template name="finding-number"/>
        <xsl:text>] </xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:title"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="id" select="@id"/>
    </xsl:call-template>
    <xsl:apply-templates select="*[not(self::b:title)]"/>
  </xsl:template>

  <!-- The evidence of a finding: a tinted block with the label "Evidence". -->
  <xsl:template match="b:evidence">
    <xsl:call-template name="marker"/>
    <xsl:text>#block(width: 100%, fill: tint, inset: (x: 12pt, top: 8pt, bottom: 9pt), above: 1em, below: 1em, {&#10;  set text(font: sans, size: 9.5pt)&#10;  set par(justify: false, spacing: 0.7em)&#10;  part-label(muted)[</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg('finding.evidence'))"/>
    <xsl:text>]&#10;  [</xsl:text>
    <xsl:apply-templates select="b:p"/>
    <xsl:text>]})&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
