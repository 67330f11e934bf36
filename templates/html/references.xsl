<?xml version="1.0" encoding="UTF-8"?>
<!--
  References: a numbered list; each entry has the id that citations link to, its
  description and, when it has one, its address as a visible link (so it prints).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The references section: h2 and an ordered list whose numbers are the ones
       citations show. -->
  <xsl:template match="b:references">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.references'"/>
      </xsl:call-template>
    </xsl:variable>
    <section id="{$id}" class="references-part">
      <h2><xsl:value-of select="bg:msg('heading.references')"/></h2>
      <ol class="references">
        <xsl:apply-templates select="b:ref"/>
      </ol>
    </section>
  </xsl:template>

  <!-- One reference: <li id> with the description and the URL. -->
  <xsl:template match="b:ref">
    <li id="{@id}">
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="node" select="b:text"/>
      </xsl:call-template>
      <xsl:apply-templates select="b:text/node()" mode="inline"/>
      <xsl:if test="@href">
        <xsl:text> </xsl:text>
        <a class="url" href="{@href}"><xsl:value-of select="@href"/></a>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
