<?xml version="1.0" encoding="UTF-8"?>
<!--
  Figures: the image file build writes beside the .typ (NAME.ID.svg or .png, the
  DocBook output's file too), its alternative text in the output language, the
  caption led by the figure's number, and the source; never split.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:figure">
    <xsl:variable name="ext"><xsl:call-template name="figure-ext"/></xsl:variable>
    <xsl:call-template name="marker"/>
    <xsl:text>#figure(kind: image, numbering: none,&#10;  image(</xsl:text>
    <xsl:value-of select="bg:typst(concat($basename, '.', @id, '.', $ext), 'string')"/>
    <xsl:text>, alt: </xsl:text>
    <xsl:value-of select="bg:typst(normalize-space(b:alt), 'string')"/>
    <xsl:text>),&#10;  caption: [</xsl:text>
    <xsl:call-template name="numbered-caption">
      <xsl:with-param name="label">
        <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
        <xsl:value-of select="bg:msg('figure.number', number($n))"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="b:source"/>
    <xsl:text>],&#10;)</xsl:text>
    <xsl:call-template name="label"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
