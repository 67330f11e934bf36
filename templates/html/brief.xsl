<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML entry point: one self-contained HTML5 page for one language.

  Input      the brief resolved for $lang (docs/templates.md)
  Output     NAME.LANG.html: inline CSS, no script (the JSON-LD is data), no
             external resources
  Words      none here: every generated word is a message in locales/*.xlf (bg:msg)

  One file per concern:
    page.xsl             page shell, CSS, language links, table of contents
    meta.xsl             the head's metadata: citation_*, Dublin Core, OpenGraph,
                         JSON-LD, hreflang and canonical links
    summary.xsl          masthead (series, title, authors, date) and the summary box
    boxes.xsl            the key messages, and boxes (sidebars)
    sections.xsl         free sections, blocks (p, list, quote) and inline markup
    tables.xsl           tables
    figures.xsl          figures: the image embedded (inline SVG, PNG data URI)
    notes.xsl            footnotes: the marks in the text and the notes at the end
    municipalities.xsl   the participating municipalities
    findings.xsl         key findings
    cases.xsl            case studies
    recommendations.xsl  recommendations grouped by priority, and the votes table
    chart.xsl            the SVG bar chart of the votes
    references.xsl       references and citations
    colophon.xsl         the footer: authors, funding, disclaimer, citation,
                         publication details
    ../common/common.xsl ids, numbers and text splicing shared with DocBook
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- doctype-system "about:legacy-compat" makes libxslt write exactly <!DOCTYPE html> -->
  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="b:p b:item b:note b:text b:em b:strong b:a b:cite b:term b:title b:name
                                b:fn b:cell b:caption b:alt b:source b:given b:family b:place"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="basename" select="'brief'"/>
  <xsl:param name="base-url" select="''"/>
  <!-- The formats the run writes, space-separated ("html docbook pdf cite"): a page
       links only files that are made. -->
  <xsl:param name="formats" select="''"/>

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="meta.xsl"/>
  <xsl:include href="summary.xsl"/>
  <xsl:include href="boxes.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="tables.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="municipalities.xsl"/>
  <xsl:include href="findings.xsl"/>
  <xsl:include href="cases.xsl"/>
  <xsl:include href="recommendations.xsl"/>
  <xsl:include href="chart.xsl"/>
  <xsl:include href="references.xsl"/>
  <xsl:include href="colophon.xsl"/>

  <xsl:template match="/">
    <xsl:apply-templates select="b:brief"/>
  </xsl:template>

</xsl:stylesheet>
