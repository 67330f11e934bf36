<?xml version="1.0" encoding="UTF-8"?>
<!--
  Key findings: numbered, each with its paragraphs, the evidence set apart in a
  tinted box, and participants' quotes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The findings section: h2 and one subsection per finding. -->
  <xsl:template match="b:findings">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.findings'"/>
      </xsl:call-template>
    </xsl:variable>
    <section id="{$id}" class="findings">
      <h2><xsl:value-of select="bg:msg('heading.findings')"/></h2>
      <xsl:apply-templates select="b:finding"/>
    </section>
  </xsl:template>

  <!-- One finding: <section id> with an h3 led by its number, its body (paragraphs,
       lists, boxes, tables, figures), the evidence and the quotes. -->
  <xsl:template match="b:finding">
    <section id="{@id}" class="finding">
      <h3>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <span class="num"><xsl:call-template name="finding-number"/></span>
        <span>
          <xsl:call-template name="fallback-mark">
            <xsl:with-param name="node" select="b:title"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:title)"/>
        </span>
      </h3>
      <xsl:apply-templates select="*[not(self::b:title)]"/>
    </section>
  </xsl:template>

  <!-- The evidence of a finding: a tinted box with an h4 "Evidence". -->
  <xsl:template match="b:evidence">
    <div class="evidence">
      <h4><xsl:value-of select="bg:msg('finding.evidence')"/></h4>
      <xsl:apply-templates select="b:p"/>
    </div>
  </xsl:template>

</xsl:stylesheet>
