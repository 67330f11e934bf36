<?xml version="1.0" encoding="UTF-8"?>
<!--
  Case studies: each a bordered card with its municipality, then challenge,
  response and result.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The cases section: h2 and one card per case. -->
  <xsl:template match="b:cases">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.cases'"/>
      </xsl:call-template>
    </xsl:variable>
    <section id="{$id}" class="cases">
      <h2><xsl:value-of select="bg:msg('heading.cases')"/></h2>
      <xsl:apply-templates select="b:case"/>
    </section>
  </xsl:template>

  <!-- One case: <section id> with an h3 title, the municipality (and oblast) as a
       line of metadata linked to the list of municipalities, and its parts. -->
  <xsl:template match="b:case">
    <xsl:variable name="m" select="id(@municipality)"/>
    <section id="{@id}" class="case">
      <h3>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:call-template name="fallback-mark">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </h3>
      <xsl:if test="$m">
        <p class="meta">
          <xsl:apply-templates select="$m" mode="place"/>
        </p>
      </xsl:if>
      <xsl:apply-templates select="b:challenge | b:response | b:result"/>
    </section>
  </xsl:template>

  <!-- A part of a case: h4 label ("Challenge", "Response", "Result") and its
       body (paragraphs, lists, boxes, tables, figures), with a coloured rule by
       kind. -->
  <xsl:template match="b:challenge | b:response | b:result">
    <div class="case-part {local-name()}">
      <h4><xsl:value-of select="bg:msg(concat('case.', local-name()))"/></h4>
      <xsl:apply-templates select="*"/>
    </div>
  </xsl:template>

</xsl:stylesheet>
