<?xml version="1.0" encoding="UTF-8"?>
<!--
  DocBook entry point: one DocBook 5.0 article for one language.

  Input      the brief resolved for $lang (docs/templates.md)
  Output     NAME.LANG.dbk, valid against docbook5-xml's 5.0 RELAX NG schema and
             readable by pandoc (-f docbook)
  Words      none here: every generated word is a message in locales/*.xlf (bg:msg)

  One file per concern:
    brief.xsl            the article and its info (title, authors, date, abstract …)
    boxes.xsl            the key messages, and boxes as sidebars
    sections.xsl         free sections, blocks (para, lists, blockquote), inline markup
                         and footnotes
    tables.xsl           tables (CALS)
    figures.xsl          figures: informalfigure with the image copied beside the
                         output, the numbered caption and the source
    colophon.xsl         publication details in info (publisher, DOI, ISBN, licence,
                         disclaimer); acknowledgements; the colophon with the
                         authors' roles and organisations and the suggested citation
    municipalities.xsl   the participating municipalities
    findings.xsl         key findings
    cases.xsl            case studies
    recommendations.xsl  recommendations by priority, and the votes chart's figure
    ../common/chart-svg.xsl  the votes chart's SVG (shared with HTML), the file
                         beside the output ($part = 'votes-svg')
    references.xsl       the bibliography
    ../common/common.xsl ids, numbers and text splicing shared with HTML

  pandoc 2.17 notes that shaped this output: it reads <date> (not <pubdate>) and
  neither <abstract> nor <subtitle>, runs <firstname><surname> together unless a
  space stands between them, appends <contrib>/<personblurb> to the author's name,
  and names an <xref> to a bibliography entry by its xreflabel.  It also drops
  affiliations, othercredit and a sidebar's title, numbers no tables or figures, and
  makes a figure's title the image's description: docs/templates.md, "DocBook and
  Word", says how the templates carry these into a docx.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="b:p b:item b:note b:text b:em b:strong b:a b:cite b:term b:title b:name
                                b:fn b:cell b:caption b:alt b:source b:given b:family b:place"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="basename" select="'brief'"/>
  <!-- the site's address and the run's formats (docs/templates.md); unused here -->
  <xsl:param name="base-url" select="''"/>
  <xsl:param name="formats" select="''"/>
  <!-- '' for the article; 'votes-svg' for the votes chart's SVG file alone (nothing
       when the chart is not shown), which build writes beside the article as
       NAME.LANG.votes.svg (recommendations.xsl refers to it). -->
  <xsl:param name="part" select="''"/>

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="boxes.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="tables.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="colophon.xsl"/>
  <xsl:include href="municipalities.xsl"/>
  <xsl:include href="findings.xsl"/>
  <xsl:include href="cases.xsl"/>
  <xsl:include href="recommendations.xsl"/>
  <xsl:include href="../common/chart-svg.xsl"/>
  <xsl:include href="references.xsl"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$part = 'votes-svg'">
        <xsl:if test="$chart-shown">
          <xsl:call-template name="chart-svg">
            <xsl:with-param name="standalone" select="true()"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="b:brief"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The article: info, the key messages and the summary as the first sections
       (pandoc drops info/abstract), the parts in source order, the bibliography,
       then acknowledgements and the colophon. -->
  <xsl:template match="b:brief">
    <article version="5.0" xml:lang="{$lang}">
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <xsl:apply-templates select="b:meta" mode="info"/>
      <xsl:apply-templates select="b:key-messages"/>
      <xsl:apply-templates select="b:summary" mode="section"/>
      <xsl:apply-templates select="b:section | b:municipalities | b:findings | b:cases
                                   | b:recommendations"/>
      <xsl:apply-templates select="b:references"/>
      <xsl:apply-templates select="b:meta/b:funding" mode="acknowledgements"/>
      <xsl:apply-templates select="b:meta" mode="colophon"/>
    </article>
  </xsl:template>

  <!-- info: title, subtitle, series, authors with affiliations (and contributors as
       othercredit), organisations, the date (as pubdate, and as date for pandoc),
       publisher, DOI and ISBN, legal notices, abstract and keywords. -->
  <xsl:template match="b:meta" mode="info">
    <info>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </title>
      <xsl:for-each select="b:subtitle">
        <subtitle>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(.)"/>
        </subtitle>
      </xsl:for-each>
      <xsl:if test="b:person">
        <authorgroup>
          <xsl:apply-templates select="b:person[not(@credit = 'contributor')]"/>
          <xsl:apply-templates select="b:person[@credit = 'contributor']"/>
        </authorgroup>
      </xsl:if>
      <xsl:for-each select="b:org">
        <org>
          <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
          <orgname>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
              <xsl:with-param name="node" select="b:name"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:name)"/>
          </orgname>
          <xsl:if test="@href">
            <uri xlink:href="{@href}"><xsl:value-of select="@href"/></uri>
          </xsl:if>
        </org>
      </xsl:for-each>
      <xsl:for-each select="b:series">
        <biblioset relation="series">
          <title>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(.)"/>
          </title>
        </biblioset>
      </xsl:for-each>
      <pubdate><xsl:value-of select="bg:date(../@date)"/></pubdate>
      <date><xsl:value-of select="bg:date(../@date)"/></date>
      <xsl:apply-templates select="b:publisher | b:doi | b:isbn | b:license | b:disclaimer" mode="info"/>
      <abstract>
        <title><xsl:value-of select="bg:msg('heading.summary')"/></title>
        <xsl:apply-templates select="../b:summary/b:p">
          <xsl:with-param name="notes" select="false()"/>
        </xsl:apply-templates>
      </abstract>
      <xsl:if test="b:keywords/b:keyword">
        <keywordset>
          <xsl:for-each select="b:keywords/b:keyword">
            <keyword>
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="name" select="'xml:lang'"/>
              </xsl:call-template>
              <xsl:value-of select="normalize-space(.)"/>
            </keyword>
          </xsl:for-each>
        </keywordset>
      </xsl:if>
    </info>
  </xsl:template>

  <!-- An author (a contributor: othercredit, their role as contrib): personname
       (firstname and surname, a space between, from given and family or else when
       the name is two words; the name as written otherwise) and an affiliation
       holding the role as jobtitle and the organisation's name. -->
  <xsl:template match="b:person">
    <xsl:variable name="name" select="normalize-space(b:name)"/>
    <xsl:variable name="org" select="../b:org[@id = current()/@org]"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="@credit = 'contributor'">othercredit</xsl:when>
        <xsl:otherwise>author</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:if test="@credit = 'contributor'">
        <xsl:attribute name="class">other</xsl:attribute>
      </xsl:if>
      <personname>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:name"/>
        </xsl:call-template>
        <xsl:choose>
          <xsl:when test="b:family and b:given">
            <firstname><xsl:value-of select="normalize-space(b:given)"/></firstname>
            <xsl:text> </xsl:text>
            <surname><xsl:value-of select="normalize-space(b:family)"/></surname>
          </xsl:when>
          <xsl:when test="contains($name, ' ') and not(contains(substring-after($name, ' '), ' '))">
            <firstname><xsl:value-of select="substring-before($name, ' ')"/></firstname>
            <xsl:text> </xsl:text>
            <surname><xsl:value-of select="substring-after($name, ' ')"/></surname>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
        </xsl:choose>
      </personname>
      <xsl:if test="b:role or $org">
        <affiliation>
          <xsl:for-each select="b:role">
            <jobtitle>
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="name" select="'xml:lang'"/>
              </xsl:call-template>
              <xsl:value-of select="normalize-space(.)"/>
            </jobtitle>
          </xsl:for-each>
          <xsl:if test="$org">
            <orgname>
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="name" select="'xml:lang'"/>
                <xsl:with-param name="node" select="$org/b:name"/>
              </xsl:call-template>
              <xsl:value-of select="normalize-space($org/b:name)"/>
            </orgname>
          </xsl:if>
        </affiliation>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- The summary again as the first section, so that converters which ignore
       info/abstract (pandoc) keep it. -->
  <xsl:template match="b:summary" mode="section">
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.summary'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.summary')"/></title>
      <xsl:apply-templates select="b:p"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
