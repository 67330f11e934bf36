<?xml version="1.0" encoding="UTF-8"?>
<!--
  Figures for DocBook: an informalfigure holding the mediaobject (the alternative
  text as alt and textobject, and the image, which `briefgen build` copies beside
  the output as NAME.ID.svg or NAME.ID.png, the SVG in the safe form the HTML
  embeds), then the caption led by its label ("Рисунок 1. …") and the source, each
  a paragraph.

  Not a <figure> with a <title>: pandoc 2.17 makes a figure's title the image's
  description, so a docx lost the alternative text, and keeps no mediaobject
  caption.  Without a title pandoc describes the image by its alt, and keeps the
  paragraphs; the label is text, as pandoc numbers no figures.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:figure">
    <xsl:variable name="ext"><xsl:call-template name="figure-ext"/></xsl:variable>
    <informalfigure role="figure">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <mediaobject>
        <alt>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
            <xsl:with-param name="node" select="b:alt"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:alt)"/>
        </alt>
        <imageobject>
          <imagedata fileref="{concat($basename, '.', @id, '.', $ext)}" format="{translate($ext, 'svgpn', 'SVGPN')}"/>
        </imageobject>
        <textobject>
          <phrase>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
              <xsl:with-param name="node" select="b:alt"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:alt)"/>
          </phrase>
        </textobject>
      </mediaobject>
      <para role="caption">
        <xsl:call-template name="numbered-title">
          <xsl:with-param name="label">
            <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
            <emphasis role="strong"><xsl:value-of select="bg:msg('figure.number', number($n))"/></emphasis>
          </xsl:with-param>
        </xsl:call-template>
      </para>
      <xsl:apply-templates select="b:source"/>
    </informalfigure>
  </xsl:template>

</xsl:stylesheet>
