<?xml version="1.0" encoding="UTF-8"?>
<!--
  The collection's index page, index.LANG.html: every brief built in $lang, newest
  first (date, then title by ICU collation in $lang), each with its series, title,
  authors, date, reading time when known, first key message (else the first
  paragraph of its summary) and links to its outputs.

  Input      the collection document (src/collection.h), every brief resolved
  Output     index.LANG.html: the brief pages' inline CSS and landmarks, no script
  Words      collection.* messages in locales/*.xlf (bg:msg)

  brief.xsl is imported for the brief pages' style sheet and shared templates
  (lang-attr, the language switch, plain text); its templates for a brief are
  never applied here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:c="urn:briefgen:collection:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b c bg">

  <xsl:import href="brief.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <!-- the language switch links index.LANG.html -->
  <xsl:param name="basename" select="'index'"/>
  <xsl:param name="base-url" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="c:collection"/>
  </xsl:template>

  <xsl:template match="c:collection">
    <html lang="{$lang}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="bg:msg('collection.title')"/></title>
        <xsl:call-template name="alternate-links"/>
        <xsl:if test="$base-url != ''">
          <link rel="canonical" href="{concat($base-url, 'index.', $lang, '.html')}"/>
          <link rel="alternate" type="application/atom+xml" href="{concat('feed.', $lang, '.xml')}"
              title="{bg:msg('collection.title')}"/>
        </xsl:if>
        <style>
          <xsl:call-template name="css"/>
          <xsl:call-template name="collection-css"/>
        </style>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="bg:msg('nav.skip')"/></a>
        <header class="masthead">
          <div class="top">
            <xsl:call-template name="language-switch"/>
          </div>
          <h1><xsl:value-of select="bg:msg('collection.title')"/></h1>
        </header>
        <main id="main">
          <ul class="collection">
            <xsl:for-each select="c:brief/c:version[@lang = $lang]">
              <xsl:sort select="b:brief/@date" order="descending"/>
              <xsl:sort select="normalize-space(b:brief/b:meta/b:title)" lang="{$lang}"/>
              <xsl:apply-templates select="." mode="entry">
                <xsl:with-param name="id" select="concat('brief-', position())"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </ul>
        </main>
        <xsl:if test="$base-url != ''">
          <footer class="colophon">
            <p><a href="{concat('feed.', $lang, '.xml')}" type="application/atom+xml">
              <xsl:value-of select="bg:msg('collection.feed')"/>
            </a></p>
          </footer>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- One brief: an article named by its title, the title linking to its page. -->
  <xsl:template match="c:version" mode="entry">
    <xsl:param name="id"/>
    <xsl:variable name="meta" select="b:brief/b:meta"/>
    <xsl:variable name="authors" select="$meta/b:person[not(@credit = 'contributor')]"/>
    <li>
      <article class="entry" aria-labelledby="{$id}">
        <xsl:for-each select="$meta/b:series">
          <p class="series">
            <xsl:call-template name="lang-attr"/>
            <xsl:value-of select="normalize-space(.)"/>
          </p>
        </xsl:for-each>
        <h2 id="{$id}">
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="node" select="$meta/b:title"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="@html">
              <a href="{@html}"><xsl:value-of select="normalize-space($meta/b:title)"/></a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($meta/b:title)"/></xsl:otherwise>
          </xsl:choose>
        </h2>
        <xsl:if test="$authors">
          <p class="byline"><xsl:value-of select="bg:list($authors/b:name)"/></p>
        </xsl:if>
        <p class="date">
          <time datetime="{b:brief/@date}"><xsl:value-of select="bg:date(b:brief/@date)"/></time>
          <!-- the reading time, where collection.c was given it -->
          <xsl:if test="@reading-minutes">
            <xsl:text> · </xsl:text>
            <xsl:value-of select="bg:msg('reading.time', number(@reading-minutes))"/>
          </xsl:if>
        </p>
        <xsl:variable name="lead" select="(b:brief/b:key-messages/b:item | b:brief/b:summary/b:p)[1]"/>
        <xsl:if test="$lead">
          <p class="lead">
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="node" select="$lead"/>
            </xsl:call-template>
            <xsl:call-template name="fallback-mark">
              <xsl:with-param name="node" select="$lead"/>
            </xsl:call-template>
            <xsl:variable name="text">
              <xsl:apply-templates select="$lead" mode="plain"/>
            </xsl:variable>
            <xsl:value-of select="normalize-space($text)"/>
          </p>
        </xsl:if>
        <xsl:if test="@pdf or @docbook">
          <ul class="formats">
            <xsl:if test="@pdf">
              <li><a href="{@pdf}" type="application/pdf"><xsl:value-of select="bg:msg('collection.pdf')"/></a></li>
            </xsl:if>
            <xsl:if test="@docbook">
              <li><a href="{@docbook}" type="application/docbook+xml"><xsl:value-of select="bg:msg('collection.docbook')"/></a></li>
            </xsl:if>
          </ul>
        </xsl:if>
      </article>
    </li>
  </xsl:template>

  <!-- What the index adds to the brief pages' style sheet: a plain list of
       entries divided by rules. -->
  <xsl:template name="collection-css">
    <xsl:text>
.masthead .top { justify-content: flex-end; }
.collection { list-style: none; margin: 0; padding: 0; }
.collection > li { margin: 0; padding: 1.25rem 0 1.5rem; border-top: 1px solid var(--rule); max-width: none; }
.entry h2 { font-size: 1.35rem; margin: .35rem 0 .5rem; padding-top: 0; border-top: 0; }
.entry h2 a { text-decoration: none; }
.entry h2 a:hover { text-decoration: underline; }
.entry .date { margin: .25rem 0 .6rem; }
.entry .lead { margin: .5rem 0; }
.formats { list-style: none; margin: .75rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; font-family: var(--sans); font-size: .9rem; }
.formats li { margin: 0; }
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
