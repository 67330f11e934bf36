<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collection's Atom 1.0 feed (RFC 4287), feed.LANG.xml: one entry per brief
  built in $lang, newest first, as the index page orders them.

  Input      the collection document (src/collection.h); written only with the
             the base-url option, which every address here is made absolute with
  Output     feed.LANG.xml.  No clock: <updated> is the newest brief's date
  Words      collection.title (the feed's title)

  An entry's id is its page's address (its PDF's when no HTML is built): stable
  as long as the site keeps its address.  Text is written as text (type="text"),
  so a brief's title can never become markup in a reader.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2005/Atom"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:c="urn:briefgen:collection:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b c bg">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="base-url" select="''"/>

  <xsl:include href="../common/common.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="c:collection"/>
  </xsl:template>

  <xsl:template match="c:collection">
    <xsl:variable name="versions" select="c:brief/c:version[@lang = $lang]"/>
    <xsl:variable name="self" select="concat($base-url, 'feed.', $lang, '.xml')"/>
    <feed xml:lang="{$lang}">
      <id><xsl:value-of select="$self"/></id>
      <title type="text"><xsl:value-of select="bg:msg('collection.title')"/></title>
      <updated>
        <xsl:for-each select="$versions">
          <xsl:sort select="b:brief/@date" order="descending"/>
          <xsl:if test="position() = 1">
            <xsl:call-template name="timestamp"/>
          </xsl:if>
        </xsl:for-each>
      </updated>
      <link rel="self" type="application/atom+xml" href="{$self}"/>
      <link rel="alternate" type="text/html" href="{concat($base-url, 'index.', $lang, '.html')}"/>
      <xsl:for-each select="$versions">
        <xsl:sort select="b:brief/@date" order="descending"/>
        <xsl:sort select="normalize-space(b:brief/b:meta/b:title)" lang="{$lang}"/>
        <xsl:apply-templates select="." mode="entry"/>
      </xsl:for-each>
    </feed>
  </xsl:template>

  <!-- The brief's date as an RFC 3339 time: midnight UTC of that day. -->
  <xsl:template name="timestamp">
    <xsl:value-of select="concat(b:brief/@date, 'T00:00:00Z')"/>
  </xsl:template>

  <xsl:template match="c:version" mode="entry">
    <xsl:variable name="meta" select="b:brief/b:meta"/>
    <xsl:variable name="authors" select="$meta/b:person[not(@credit = 'contributor')]/b:name"/>
    <xsl:variable name="main" select="(@html | @pdf | @docbook)[1]"/>
    <entry>
      <id><xsl:value-of select="concat($base-url, $main)"/></id>
      <title type="text"><xsl:value-of select="normalize-space($meta/b:title)"/></title>
      <updated><xsl:call-template name="timestamp"/></updated>
      <published><xsl:call-template name="timestamp"/></published>
      <!-- Atom wants an author for every entry: the brief's authors, else its
           publisher, else its first organisation -->
      <xsl:for-each select="($authors | $meta/b:publisher/b:name[not($authors)]
                             | $meta/b:org[1]/b:name[not($authors) and not($meta/b:publisher)])">
        <author><name><xsl:value-of select="normalize-space(.)"/></name></author>
      </xsl:for-each>
      <xsl:if test="not($authors | $meta/b:publisher | $meta/b:org)">
        <author><name><xsl:value-of select="bg:msg('collection.title')"/></name></author>
      </xsl:if>
      <xsl:variable name="lead" select="(b:brief/b:key-messages/b:item | b:brief/b:summary/b:p)[1]"/>
      <xsl:if test="$lead">
        <xsl:variable name="text">
          <xsl:apply-templates select="$lead" mode="plain"/>
        </xsl:variable>
        <summary type="text"><xsl:value-of select="normalize-space($text)"/></summary>
      </xsl:if>
      <xsl:if test="@html">
        <link rel="alternate" type="text/html" hreflang="{$lang}" href="{concat($base-url, @html)}"/>
      </xsl:if>
      <xsl:if test="@pdf">
        <link rel="alternate" type="application/pdf" hreflang="{$lang}" href="{concat($base-url, @pdf)}"/>
      </xsl:if>
      <xsl:if test="not(@html) and @docbook">
        <link rel="alternate" type="application/docbook+xml" hreflang="{$lang}" href="{concat($base-url, @docbook)}"/>
      </xsl:if>
    </entry>
  </xsl:template>

</xsl:stylesheet>
