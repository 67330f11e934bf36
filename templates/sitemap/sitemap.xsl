<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collection's sitemap (sitemaps.org 0.9), sitemap.xml: the index page of each
  language and every brief's HTML page, each with an <xhtml:link rel="alternate"
  hreflang> to every language version of the same page, itself included (as
  search engines ask).

  Input      the collection document (src/collection.h); written only with the
             option base-url: a sitemap's addresses must be absolute
  Output     sitemap.xml; <lastmod> is a brief's date, no clock
  Words      none
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:xhtml="http://www.w3.org/1999/xhtml"
    xmlns:c="urn:briefgen:collection:1"
    xmlns:b="urn:briefgen:brief:1"
    exclude-result-prefixes="c b">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="base-url" select="''"/>

  <xsl:template match="/">
    <urlset>
      <xsl:call-template name="index-pages"/>
      <xsl:for-each select="c:collection/c:brief/c:version[@html]">
        <url>
          <loc><xsl:value-of select="concat($base-url, @html)"/></loc>
          <lastmod><xsl:value-of select="b:brief/@date"/></lastmod>
          <xsl:for-each select="../c:version[@html]">
            <xhtml:link rel="alternate" hreflang="{@lang}" href="{concat($base-url, @html)}"/>
          </xsl:for-each>
        </url>
      </xsl:for-each>
    </urlset>
  </xsl:template>

  <!-- One <url> per language in $langs (index.LANG.html), each with all of them as
       alternates; $rest is what is left of the list. -->
  <xsl:template name="index-pages">
    <xsl:param name="rest" select="normalize-space($langs)"/>
    <xsl:variable name="code" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:if test="$code != ''">
      <url>
        <loc><xsl:value-of select="concat($base-url, 'index.', $code, '.html')"/></loc>
        <xsl:call-template name="index-alternates"/>
      </url>
      <xsl:call-template name="index-pages">
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-alternates">
    <xsl:param name="rest" select="normalize-space($langs)"/>
    <xsl:variable name="code" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:if test="$code != ''">
      <xhtml:link rel="alternate" hreflang="{$code}" href="{concat($base-url, 'index.', $code, '.html')}"/>
      <xsl:call-template name="index-alternates">
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
