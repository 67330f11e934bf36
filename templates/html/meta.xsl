<?xml version="1.0" encoding="UTF-8"?>
<!--
  The machine-readable head of the page, for search engines, reference managers and
  link previews (docs/templates.md, "The page's metadata"):

    Highwire Press   citation_* (Google Scholar, Zotero, Mendeley)
    Dublin Core      DC.* with <link rel="schema.DC">
    OpenGraph        og:* (link previews)
    schema.org       a Report in JSON-LD (<script type="application/ld+json">)
    links            rel="alternate" hreflang for every language version and
                     x-default (the source language's), rel="canonical"

  Addresses are made from the params base-url (the site's address ending in "/",
  or '' when build is given no base URL) and basename: relative without a base where
  the tag allows it, left out where only an absolute URL is valid (og:url, the
  canonical link).  citation_pdf_url only when the run writes the PDF ($formats).

  No generated words here: only the brief's text and codes.  Every text in the
  JSON-LD goes through bg:json, which escapes < > & too, so a brief's text can
  never end the script element or become code; in attributes the serialiser
  escapes it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The page's own address: absolute with a base, else its file name. -->
  <xsl:template name="page-url">
    <xsl:param name="code" select="$lang"/>
    <xsl:param name="ext" select="'html'"/>
    <xsl:value-of select="concat($base-url, $basename, '.', $code, '.', $ext)"/>
  </xsl:template>

  <!-- The source language: the original the other versions translate. -->
  <xsl:variable name="source-lang" select="string(/b:brief/@source-lang)"/>

  <!-- The authors: the persons but contributors, or the organisations when no
       person is named (as the suggested citation has them). -->
  <xsl:variable name="meta-persons" select="/b:brief/b:meta/b:person[not(@credit = 'contributor')]"/>

  <!-- Everything this file writes into the head, in order. -->
  <xsl:template name="head-meta">
    <xsl:variable name="meta" select="b:meta"/>
    <xsl:variable name="title" select="normalize-space($meta/b:title)"/>
    <xsl:variable name="description">
      <xsl:apply-templates select="b:summary/b:p[1]" mode="plain"/>
    </xsl:variable>
    <xsl:variable name="self">
      <xsl:call-template name="page-url"/>
    </xsl:variable>

    <xsl:call-template name="alternate-links"/>
    <xsl:if test="$base-url != ''">
      <link rel="canonical" href="{$self}"/>
    </xsl:if>

    <!-- Highwire Press -->
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$meta-persons">
      <meta name="citation_author">
        <xsl:attribute name="content"><xsl:call-template name="family-given"/></xsl:attribute>
      </meta>
    </xsl:for-each>
    <xsl:if test="not($meta-persons)">
      <xsl:for-each select="$meta/b:org">
        <meta name="citation_author" content="{normalize-space(b:name)}"/>
      </xsl:for-each>
    </xsl:if>
    <meta name="citation_publication_date" content="{translate(/b:brief/@date, '-', '/')}"/>
    <meta name="citation_language" content="{$lang}"/>
    <xsl:if test="$meta/b:publisher/b:name">
      <meta name="citation_publisher" content="{normalize-space($meta/b:publisher/b:name)}"/>
    </xsl:if>
    <!-- the publisher, else the first organisation (not a union: that would take
         whichever stands first in the brief) -->
    <xsl:choose>
      <xsl:when test="$meta/b:publisher/b:name">
        <meta name="citation_technical_report_institution" content="{normalize-space($meta/b:publisher/b:name)}"/>
      </xsl:when>
      <xsl:when test="$meta/b:org/b:name">
        <meta name="citation_technical_report_institution" content="{normalize-space($meta/b:org[1]/b:name)}"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$meta/b:doi">
      <meta name="citation_doi" content="{normalize-space($meta/b:doi)}"/>
    </xsl:if>
    <xsl:if test="$meta/b:isbn">
      <meta name="citation_isbn" content="{normalize-space($meta/b:isbn)}"/>
    </xsl:if>
    <xsl:for-each select="$meta/b:keywords/b:keyword">
      <meta name="citation_keywords" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="contains(concat(' ', normalize-space($formats), ' '), ' pdf ')">
      <meta name="citation_pdf_url">
        <xsl:attribute name="content">
          <xsl:call-template name="page-url">
            <xsl:with-param name="ext" select="'pdf'"/>
          </xsl:call-template>
        </xsl:attribute>
      </meta>
    </xsl:if>

    <!-- Dublin Core -->
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="$meta-persons">
      <meta name="DC.creator">
        <xsl:attribute name="content"><xsl:call-template name="family-given"/></xsl:attribute>
      </meta>
    </xsl:for-each>
    <xsl:if test="not($meta-persons)">
      <xsl:for-each select="$meta/b:org">
        <meta name="DC.creator" content="{normalize-space(b:name)}"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$meta/b:publisher/b:name">
      <meta name="DC.publisher" content="{normalize-space($meta/b:publisher/b:name)}"/>
    </xsl:if>
    <meta name="DC.date" content="{/b:brief/@date}"/>
    <meta name="DC.language" content="{$lang}"/>
    <xsl:if test="$meta/b:doi">
      <meta name="DC.identifier" content="https://doi.org/{normalize-space($meta/b:doi)}"/>
    </xsl:if>
    <xsl:if test="$meta/b:license">
      <meta name="DC.rights" content="{normalize-space($meta/b:license/b:name)}"/>
    </xsl:if>

    <!-- OpenGraph -->
    <meta property="og:type" content="article"/>
    <meta property="og:title" content="{$title}"/>
    <xsl:if test="normalize-space($description) != ''">
      <meta property="og:description" content="{normalize-space($description)}"/>
    </xsl:if>
    <xsl:if test="$base-url != ''">
      <meta property="og:url" content="{$self}"/>
    </xsl:if>
    <xsl:if test="$meta/b:publisher/b:name">
      <meta property="og:site_name" content="{normalize-space($meta/b:publisher/b:name)}"/>
    </xsl:if>
    <meta property="og:locale">
      <xsl:attribute name="content"><xsl:call-template name="og-locale"/></xsl:attribute>
    </meta>
    <xsl:call-template name="each-language">
      <xsl:with-param name="what" select="'og'"/>
    </xsl:call-template>
    <meta property="article:published_time" content="{/b:brief/@date}"/>

    <!-- schema.org -->
    <script type="application/ld+json">
      <xsl:call-template name="json-ld">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="description" select="normalize-space($description)"/>
        <xsl:with-param name="self" select="$self"/>
      </xsl:call-template>
    </script>
  </xsl:template>

  <!-- <link rel="alternate" hreflang> for every language version, this one
       included (search engines want the set to name itself), and x-default: the
       source language's version (the first language's when it is not among them). -->
  <xsl:template name="alternate-links">
    <xsl:if test="contains(normalize-space($langs), ' ')">
      <xsl:call-template name="each-language">
        <xsl:with-param name="what" select="'link'"/>
      </xsl:call-template>
      <xsl:variable name="all" select="concat(' ', normalize-space($langs), ' ')"/>
      <link rel="alternate" hreflang="x-default">
        <xsl:attribute name="href">
          <xsl:call-template name="page-url">
            <xsl:with-param name="code">
              <xsl:choose>
                <xsl:when test="contains($all, concat(' ', $source-lang, ' '))"><xsl:value-of select="$source-lang"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="substring-before(substring($all, 2), ' ')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:attribute>
      </link>
    </xsl:if>
  </xsl:template>

  <!-- For each language of $langs: a <link rel="alternate"> ($what 'link'), an
       og:locale:alternate for the others ('og'), or a JSON-LD reference to the
       other versions ('json': a comma before each but the first). -->
  <xsl:template name="each-language">
    <xsl:param name="what"/>
    <xsl:param name="rest" select="normalize-space($langs)"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="code">
      <xsl:choose>
        <xsl:when test="contains($rest, ' ')"><xsl:value-of select="substring-before($rest, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="href">
      <xsl:call-template name="page-url">
        <xsl:with-param name="code" select="$code"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="other" select="$code != '' and $code != $lang"/>
    <xsl:choose>
      <xsl:when test="$code = ''"/>
      <xsl:when test="$what = 'link'">
        <link rel="alternate" hreflang="{$code}" href="{$href}"/>
      </xsl:when>
      <xsl:when test="$what = 'og' and $other">
        <meta property="og:locale:alternate">
          <xsl:attribute name="content">
            <xsl:call-template name="og-locale">
              <xsl:with-param name="code" select="$code"/>
            </xsl:call-template>
          </xsl:attribute>
        </meta>
      </xsl:when>
      <xsl:when test="$what = 'json' and $other">
        <xsl:if test="not($first)">,</xsl:if>
        <xsl:call-template name="json-version">
          <xsl:with-param name="code" select="$code"/>
          <xsl:with-param name="href" select="$href"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="contains($rest, ' ')">
      <xsl:call-template name="each-language">
        <xsl:with-param name="what" select="$what"/>
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
        <xsl:with-param name="first" select="$first and not($what = 'json' and $other)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An OpenGraph locale, language_TERRITORY, for the language $code: the
       territory where the language is at home (uk_UA, pl_PL, en_GB as the English
       of the locale files); a tag with a region keeps it (pt-BR: pt_BR); any other
       language, its code twice (de_DE). -->
  <xsl:template name="og-locale">
    <xsl:param name="code" select="$lang"/>
    <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
    <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
    <xsl:choose>
      <xsl:when test="$code = 'uk'">uk_UA</xsl:when>
      <xsl:when test="$code = 'en'">en_GB</xsl:when>
      <xsl:when test="$code = 'be'">be_BY</xsl:when>
      <xsl:when test="$code = 'cs'">cs_CZ</xsl:when>
      <xsl:when test="$code = 'da'">da_DK</xsl:when>
      <xsl:when test="$code = 'el'">el_GR</xsl:when>
      <xsl:when test="$code = 'et'">et_EE</xsl:when>
      <xsl:when test="$code = 'ka'">ka_GE</xsl:when>
      <xsl:when test="$code = 'kk'">kk_KZ</xsl:when>
      <xsl:when test="$code = 'sv'">sv_SE</xsl:when>
      <xsl:when test="contains($code, '-')">
        <xsl:value-of select="concat(substring-before($code, '-'), '_', translate(substring-after($code, '-'), $lower, $upper))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($code, '_', translate($code, $lower, $upper))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person (context) as "Family, Given": their family and given names, or,
       without them, the last word of the name and the words before it (the rule of
       the suggested citation, docs/format.md). -->
  <xsl:template name="family-given">
    <xsl:variable name="family">
      <xsl:call-template name="person-family"/>
    </xsl:variable>
    <xsl:variable name="given">
      <xsl:call-template name="person-given"/>
    </xsl:variable>
    <xsl:value-of select="$family"/>
    <xsl:if test="$given != ''">
      <xsl:value-of select="concat(', ', $given)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="person-family">
    <xsl:choose>
      <xsl:when test="normalize-space(b:family) != ''"><xsl:value-of select="normalize-space(b:family)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="last-word">
          <xsl:with-param name="text" select="normalize-space(b:name)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="person-given">
    <xsl:choose>
      <xsl:when test="normalize-space(b:family) != ''"><xsl:value-of select="normalize-space(b:given)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="last">
          <xsl:call-template name="last-word">
            <xsl:with-param name="text" select="normalize-space(b:name)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="name" select="normalize-space(b:name)"/>
        <xsl:value-of select="normalize-space(substring($name, 1, string-length($name) - string-length($last)))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The last space-separated word of $text (normalised). -->
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

  <!-- ================================================================ -->
  <!-- schema.org JSON-LD                                                -->
  <!-- ================================================================ -->

  <!-- The brief as a schema.org Report.  Written by hand, one member after
       another; every text through bg:json. -->
  <xsl:template name="json-ld">
    <xsl:param name="title"/>
    <xsl:param name="description"/>
    <xsl:param name="self"/>
    <xsl:variable name="meta" select="b:meta"/>
    <xsl:text>{"@context":"https://schema.org","@type":"Report"</xsl:text>
    <xsl:if test="$base-url != ''">
      <xsl:value-of select="concat(',&quot;@id&quot;:', bg:json($self))"/>
    </xsl:if>
    <xsl:value-of select="concat(',&quot;url&quot;:', bg:json($self))"/>
    <xsl:value-of select="concat(',&quot;name&quot;:', bg:json($title))"/>
    <xsl:if test="$meta/b:subtitle">
      <xsl:value-of select="concat(',&quot;alternativeHeadline&quot;:', bg:json(normalize-space($meta/b:subtitle)))"/>
    </xsl:if>
    <xsl:if test="$description != ''">
      <xsl:value-of select="concat(',&quot;description&quot;:', bg:json($description))"/>
    </xsl:if>
    <xsl:value-of select="concat(',&quot;inLanguage&quot;:', bg:json($lang))"/>
    <xsl:value-of select="concat(',&quot;datePublished&quot;:', bg:json(/b:brief/@date))"/>
    <xsl:text>,"author":[</xsl:text>
    <xsl:for-each select="$meta-persons">
      <xsl:if test="position() &gt; 1">,</xsl:if>
      <xsl:call-template name="json-person"/>
    </xsl:for-each>
    <xsl:if test="not($meta-persons)">
      <xsl:for-each select="$meta/b:org">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:call-template name="json-org"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:text>]</xsl:text>
    <xsl:if test="$meta/b:person[@credit = 'contributor']">
      <xsl:text>,"contributor":[</xsl:text>
      <xsl:for-each select="$meta/b:person[@credit = 'contributor']">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:call-template name="json-person"/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:if test="$meta/b:publisher/b:name">
      <xsl:text>,"publisher":{"@type":"Organization","name":</xsl:text>
      <xsl:value-of select="bg:json(normalize-space($meta/b:publisher/b:name))"/>
      <xsl:if test="$meta/b:publisher/b:place">
        <xsl:value-of select="concat(',&quot;location&quot;:', bg:json(normalize-space($meta/b:publisher/b:place)))"/>
      </xsl:if>
      <xsl:text>}</xsl:text>
    </xsl:if>
    <xsl:if test="$meta/b:keywords/b:keyword">
      <xsl:text>,"keywords":[</xsl:text>
      <xsl:for-each select="$meta/b:keywords/b:keyword">
        <xsl:if test="position() &gt; 1">,</xsl:if>
        <xsl:value-of select="bg:json(normalize-space(.))"/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:if test="$meta/b:license">
      <xsl:value-of select="concat(',&quot;license&quot;:', bg:json(normalize-space($meta/b:license/@href)))"/>
    </xsl:if>
    <xsl:if test="$meta/b:doi or $meta/b:isbn">
      <xsl:text>,"identifier":[</xsl:text>
      <xsl:if test="$meta/b:doi">
        <xsl:text>{"@type":"PropertyValue","propertyID":"DOI","value":</xsl:text>
        <xsl:value-of select="bg:json(normalize-space($meta/b:doi))"/>
        <xsl:text>}</xsl:text>
      </xsl:if>
      <xsl:if test="$meta/b:isbn">
        <xsl:if test="$meta/b:doi">,</xsl:if>
        <xsl:text>{"@type":"PropertyValue","propertyID":"ISBN","value":</xsl:text>
        <xsl:value-of select="bg:json(normalize-space($meta/b:isbn))"/>
        <xsl:text>}</xsl:text>
      </xsl:if>
      <xsl:text>]</xsl:text>
      <xsl:if test="$meta/b:doi">
        <xsl:value-of select="concat(',&quot;sameAs&quot;:', bg:json(concat('https://doi.org/', normalize-space($meta/b:doi))))"/>
      </xsl:if>
    </xsl:if>
    <xsl:if test="$meta/b:series">
      <xsl:text>,"isPartOf":{"@type":"CreativeWorkSeries","name":</xsl:text>
      <xsl:value-of select="bg:json(normalize-space($meta/b:series))"/>
      <xsl:text>}</xsl:text>
    </xsl:if>
    <xsl:if test="contains(normalize-space($langs), ' ')">
      <xsl:choose>
        <!-- the original lists its translations; a translation names its original -->
        <xsl:when test="$lang = $source-lang or $source-lang = ''">
          <xsl:text>,"workTranslation":[</xsl:text>
          <xsl:call-template name="each-language">
            <xsl:with-param name="what" select="'json'"/>
          </xsl:call-template>
          <xsl:text>]</xsl:text>
        </xsl:when>
        <xsl:when test="contains(concat(' ', normalize-space($langs), ' '), concat(' ', $source-lang, ' '))">
          <xsl:text>,"translationOfWork":</xsl:text>
          <xsl:call-template name="json-version">
            <xsl:with-param name="code" select="$source-lang"/>
            <xsl:with-param name="href">
              <xsl:call-template name="page-url">
                <xsl:with-param name="code" select="$source-lang"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
    <xsl:text>}</xsl:text>
  </xsl:template>

  <!-- Another language version of this brief: its address and language. -->
  <xsl:template name="json-version">
    <xsl:param name="code"/>
    <xsl:param name="href"/>
    <xsl:text>{"@type":"Report"</xsl:text>
    <xsl:if test="$base-url != ''">
      <xsl:value-of select="concat(',&quot;@id&quot;:', bg:json($href))"/>
    </xsl:if>
    <xsl:value-of select="concat(',&quot;url&quot;:', bg:json($href), ',&quot;inLanguage&quot;:', bg:json($code), '}')"/>
  </xsl:template>

  <!-- A person (context) with their names and their organisation. -->
  <xsl:template name="json-person">
    <xsl:variable name="family">
      <xsl:call-template name="person-family"/>
    </xsl:variable>
    <xsl:variable name="given">
      <xsl:call-template name="person-given"/>
    </xsl:variable>
    <xsl:text>{"@type":"Person","name":</xsl:text>
    <xsl:value-of select="bg:json(normalize-space(b:name))"/>
    <xsl:if test="$given != ''">
      <xsl:value-of select="concat(',&quot;givenName&quot;:', bg:json($given))"/>
    </xsl:if>
    <xsl:value-of select="concat(',&quot;familyName&quot;:', bg:json($family))"/>
    <xsl:if test="@org and id(@org)[self::b:org]">
      <xsl:text>,"affiliation":</xsl:text>
      <xsl:for-each select="id(@org)[self::b:org][1]">
        <xsl:call-template name="json-org"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:text>}</xsl:text>
  </xsl:template>

  <!-- An organisation (context): its name and site. -->
  <xsl:template name="json-org">
    <xsl:text>{"@type":"Organization","name":</xsl:text>
    <xsl:value-of select="bg:json(normalize-space(b:name))"/>
    <xsl:if test="@href">
      <xsl:value-of select="concat(',&quot;url&quot;:', bg:json(normalize-space(@href)))"/>
    </xsl:if>
    <xsl:text>}</xsl:text>
  </xsl:template>

</xsl:stylesheet>
