<?xml version="1.0" encoding="UTF-8"?>
<!--
  References for DocBook: a bibliography of bibliomixed entries, each numbered as
  citations show it and labelled with that number (xreflabel) for xref.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The bibliography. -->
  <xsl:template match="b:references">
    <bibliography>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.references'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.references')"/></title>
      <xsl:apply-templates select="b:ref"/>
    </bibliography>
  </xsl:template>

  <!-- One entry: "[n] " then the description, then the address as a biblioid.
       bibliomixed admits no link, so links inside the description become phrases
       carrying xlink:href. -->
  <xsl:template match="b:ref">
    <xsl:variable name="n"><xsl:call-template name="ref-number"/></xsl:variable>
    <xsl:variable name="label" select="bg:msg('cite.number', number($n))"/>
    <bibliomixed xreflabel="{$label}">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
        <xsl:with-param name="node" select="b:text"/>
      </xsl:call-template>
      <xsl:value-of select="concat($label, ' ')"/>
      <xsl:apply-templates select="b:text/node()" mode="biblio"/>
      <xsl:if test="@href">
        <xsl:text> </xsl:text>
        <biblioid class="uri" xlink:href="{@href}"><xsl:value-of select="@href"/></biblioid>
      </xsl:if>
    </bibliomixed>
  </xsl:template>

  <!-- Inline markup inside a bibliography entry: as in paragraphs, except what
       bibliomixed does not admit. -->
  <xsl:template match="node()" mode="biblio">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <xsl:template match="b:a | b:cite" mode="biblio">
    <phrase>
      <xsl:if test="self::b:a"><xsl:attribute name="xlink:href"><xsl:value-of select="@href"/></xsl:attribute></xsl:if>
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="biblio"/>
    </phrase>
  </xsl:template>

  <xsl:template match="b:em | b:strong" mode="biblio">
    <emphasis>
      <xsl:if test="self::b:strong"><xsl:attribute name="role">strong</xsl:attribute></xsl:if>
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="biblio"/>
    </emphasis>
  </xsl:template>

</xsl:stylesheet>
