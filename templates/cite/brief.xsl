<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citation files' entry point: the record of one language version of the brief,
  which briefgen (src/citefile.c) writes, with the other languages' records, into
  NAME.ris, NAME.bib and NAME.csl.json.  Not a file of its own.

  Input      the brief resolved for $lang (docs/templates.md)
  Output     <record key="tkachuk2025participation-en" lang="en" isbn="…">
               <work …> (common.xsl's $citation-work: what the suggested citation
                        is made of: authors, organisations, title, series, publisher,
                        place, date, pages, DOI)
               <keyword>…</keyword>*  <abstract>…</abstract>?
             </record>
  Words      none: every text is the brief's, in $lang
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="bg exsl"
    exclude-result-prefixes="b bg exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="b:p b:em b:strong b:a b:cite b:term b:title b:name b:given b:family b:place"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="basename" select="'brief'"/>

  <xsl:include href="../common/common.xsl"/>

  <xsl:template match="/b:brief">
    <xsl:variable name="work" select="exsl:node-set($citation-work)/work"/>
    <xsl:variable name="meta" select="b:meta"/>
    <record lang="{$lang}" isbn="{normalize-space($meta/b:isbn)}">
      <xsl:attribute name="key">
        <xsl:call-template name="record-key">
          <xsl:with-param name="work" select="$work"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:copy-of select="$work"/>
      <xsl:for-each select="$meta/b:keywords/b:keyword">
        <keyword><xsl:value-of select="normalize-space(.)"/></keyword>
      </xsl:for-each>
      <xsl:if test="b:summary/b:p">
        <xsl:variable name="abstract">
          <xsl:for-each select="b:summary/b:p">
            <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:apply-templates select="." mode="plain"/>
          </xsl:for-each>
        </xsl:variable>
        <abstract><xsl:value-of select="normalize-space($abstract)"/></abstract>
      </xsl:if>
    </record>
  </xsl:template>

  <!-- The record's key, as reference managers make them: the first author's family
       name (or the first organisation's first word), the year, the title's first
       word of four letters or more (else its first word), and the language —
       "tkachuk2025participation-en", "tkachuk2025uchast-uk" — in ASCII (bg:slug). -->
  <xsl:template name="record-key">
    <xsl:param name="work"/>
    <xsl:variable name="person" select="$work/person[1]"/>
    <xsl:variable name="who">
      <xsl:choose>
        <xsl:when test="$person/@family != ''"><xsl:value-of select="$person/@family"/></xsl:when>
        <xsl:when test="$person">
          <xsl:call-template name="last-word">
            <xsl:with-param name="text" select="$person/@name"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="normalize-space($work/org[1]) != ''">
          <xsl:value-of select="substring-before(concat(bg:slug(string($work/org[1])), '-'), '-')"/>
        </xsl:when>
        <xsl:otherwise>anon</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="word">
      <xsl:call-template name="key-word">
        <xsl:with-param name="slug" select="concat(bg:slug(string($work/title)), '-')"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="concat(bg:slug(string($who)), substring($work/@date, 1, 4), $word, '-', $lang)"/>
  </xsl:template>

  <!-- The last word of $text (a full name's family name). -->
  <xsl:template name="last-word">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="last-word">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The first word of four characters or more of $slug ("a-b-c-", ending in '-'),
       else its first word. -->
  <xsl:template name="key-word">
    <xsl:param name="slug"/>
    <xsl:param name="rest" select="$slug"/>
    <xsl:variable name="w" select="substring-before($rest, '-')"/>
    <xsl:choose>
      <xsl:when test="string-length($w) >= 4"><xsl:value-of select="$w"/></xsl:when>
      <xsl:when test="$rest = ''"><xsl:value-of select="substring-before($slug, '-')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="key-word">
          <xsl:with-param name="slug" select="$slug"/>
          <xsl:with-param name="rest" select="substring-after($rest, '-')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
