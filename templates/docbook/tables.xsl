<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables for DocBook: a CALS table titled by its caption (processors number it; the
  HTML numbers the same tables in the same order), number columns aligned right,
  and the source in a paragraph after it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:table">
    <xsl:variable name="table" select="."/>
    <xsl:variable name="first" select="(b:thead/b:row | b:tbody/b:row)[1]"/>
    <table frame="topbot" rowsep="1" colsep="0">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:call-template name="numbered-title">
          <xsl:with-param name="label">
            <xsl:variable name="n"><xsl:call-template name="table-number"/></xsl:variable>
            <xsl:value-of select="bg:msg('table.number', number($n))"/>
          </xsl:with-param>
        </xsl:call-template>
      </title>
      <tgroup cols="{count($first/b:cell)}">
        <xsl:for-each select="$first/b:cell">
          <xsl:variable name="numeric">
            <xsl:call-template name="column-is-number">
              <xsl:with-param name="table" select="$table"/>
              <xsl:with-param name="column" select="position()"/>
            </xsl:call-template>
          </xsl:variable>
          <colspec colname="c{position()}">
            <xsl:if test="$numeric = 1"><xsl:attribute name="align">right</xsl:attribute></xsl:if>
          </colspec>
        </xsl:for-each>
        <xsl:if test="b:thead/b:row">
          <thead>
            <xsl:apply-templates select="b:thead/b:row"/>
          </thead>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="b:tbody/b:row"/>
        </tbody>
      </tgroup>
    </table>
    <xsl:apply-templates select="b:source"/>
  </xsl:template>

  <xsl:template match="b:row">
    <row>
      <xsl:for-each select="b:cell">
        <entry>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="@type = 'number'"><xsl:value-of select="bg:number(number(.))"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
          </xsl:choose>
        </entry>
      </xsl:for-each>
    </row>
  </xsl:template>

  <!-- A table's or figure's title led by its label, as the HTML shows it: "Таблиця
       1. Caption" (caption.numbered), the caption marked with its language when it
       fell back.  The label is in the text because pandoc 2.17 numbers neither
       tables nor figures in a docx (a DocBook processor adds its own label before
       it too: the price of a Word copy that says which table is which). -->
  <xsl:template name="numbered-title">
    <xsl:param name="label"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:msg('caption.numbered', $marker, $marker2)"/>
      <xsl:with-param name="content" select="$label"/>
      <xsl:with-param name="content2">
        <xsl:choose>
          <xsl:when test="b:caption/@xml:lang and b:caption/@xml:lang != $lang">
            <phrase xml:lang="{b:caption/@xml:lang}"><xsl:value-of select="normalize-space(b:caption)"/></phrase>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(b:caption)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The source of a table or figure: a paragraph "Source: …". -->
  <xsl:template match="b:source">
    <para role="source">
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:msg('source', $marker)"/>
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </para>
  </xsl:template>

</xsl:stylesheet>
