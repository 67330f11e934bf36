<?xml version="1.0" encoding="UTF-8"?>
<!--
  Figures for DocBook: figure > mediaobject with the alternative text (alt and
  textobject) and the image, which `briefgen build` copies beside the output as
  NAME.ID.svg or NAME.ID.png (the SVG in the safe form the HTML embeds); the source
  is the mediaobject's caption.
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
    <figure>
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:caption"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:caption)"/>
      </title>
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
        <xsl:if test="b:source">
          <caption>
            <xsl:apply-templates select="b:source"/>
          </caption>
        </xsl:if>
      </mediaobject>
    </figure>
  </xsl:template>

</xsl:stylesheet>
