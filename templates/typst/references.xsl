<?xml version="1.0" encoding="UTF-8"?>
<!--
  References: each with the number citations show ("[2]"), its description and,
  when it has one, its address as a visible link; labelled with its id, which
  citations link to.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:references">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.references'"/>
    </xsl:call-template>
    <xsl:apply-templates select="b:ref"/>
  </xsl:template>

  <xsl:template match="b:ref">
    <xsl:variable name="n"><xsl:call-template name="ref-number"/></xsl:variable>
    <xsl:call-template name="marker"/>
    <xsl:text>#reference([</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg('cite.number', number($n)))"/>
    <xsl:text>], [</xsl:text>
    <xsl:call-template name="in-lang">
      <xsl:with-param name="node" select="b:text"/>
      <xsl:with-param name="content"><xsl:apply-templates select="b:text/node()" mode="inline"/></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="@href">
      <xsl:text> #text(font: sans, size: 8.5pt, link(</xsl:text>
      <xsl:value-of select="bg:typst(normalize-space(@href), 'string')"/>
      <xsl:text>))</xsl:text>
    </xsl:if>
    <xsl:text>])</xsl:text>
    <xsl:call-template name="label"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
