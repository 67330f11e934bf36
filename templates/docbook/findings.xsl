<?xml version="1.0" encoding="UTF-8"?>
<!--
  Key findings for DocBook: a section with one numbered subsection per finding; the
  evidence under a run-in title, and participants' quotes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The findings section. -->
  <xsl:template match="b:findings">
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.findings'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.findings')"/></title>
      <xsl:apply-templates select="b:finding"/>
    </section>
  </xsl:template>

  <!-- One finding: section xml:id=@id, its title led by its number (the
       number recommendations refer to), its body (paragraphs, lists, boxes, tables,
       figures), evidence, quotes. -->
  <xsl:template match="b:finding">
    <xsl:variable name="n"><xsl:call-template name="finding-number"/></xsl:variable>
    <section>
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="bg:msg('finding.title', number($n), normalize-space(b:title))"/>
      </title>
      <xsl:apply-templates select="*[not(self::b:title)]"/>
    </section>
  </xsl:template>

  <!-- The evidence: its first paragraph as a formalpara titled "Evidence", the
       others as paragraphs after it. -->
  <xsl:template match="b:evidence">
    <formalpara role="evidence">
      <title><xsl:value-of select="bg:msg('finding.evidence')"/></title>
      <xsl:apply-templates select="b:p[1]"/>
    </formalpara>
    <xsl:apply-templates select="b:p[position() &gt; 1]"/>
  </xsl:template>

</xsl:stylesheet>
