<?xml version="1.0" encoding="UTF-8"?>
<!--
  Case studies for DocBook: a section per case with its municipality, and the
  challenge, response and result as a variablelist.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The cases section. -->
  <xsl:template match="b:cases">
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.cases'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.cases')"/></title>
      <xsl:apply-templates select="b:case"/>
    </section>
  </xsl:template>

  <!-- One case: section xml:id=@id, title, the place in italics, and a
       variablelist of its parts. -->
  <xsl:template match="b:case">
    <xsl:variable name="m" select="id(@municipality)"/>
    <section>
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </title>
      <xsl:if test="$m">
        <para role="place"><emphasis><xsl:apply-templates select="$m" mode="place"/></emphasis></para>
      </xsl:if>
      <variablelist>
        <xsl:apply-templates select="b:challenge | b:response | b:result"/>
      </variablelist>
    </section>
  </xsl:template>

  <!-- A part of a case: its label ("Challenge") as the term, its body (paragraphs,
       lists, boxes, tables, figures). -->
  <xsl:template match="b:challenge | b:response | b:result">
    <varlistentry>
      <term><xsl:value-of select="bg:msg(concat('case.', local-name()))"/></term>
      <listitem>
        <xsl:apply-templates select="*"/>
      </listitem>
    </varlistentry>
  </xsl:template>

</xsl:stylesheet>
