<?xml version="1.0" encoding="UTF-8"?>
<!--
  Typst entry point: one Typst source file for one language, for an A4 PDF.

  Input      the brief resolved for $lang (docs/templates.md)
  Output     NAME.LANG.typ: Typst 0.14 markup, self-contained but for the figures'
             images, which build writes beside it as NAME.ID.svg / NAME.ID.png
  Words      none here: every generated word is a message in locales/*.xlf (bg:msg)
  Text       every text of the brief and every message goes through bg:typst, so
             no text can become Typst code; only these templates write code
  Markers    each block starts with a line "// brief:LINE", the line of its element
             in the brief (bg:line), so an error Typst reports at a line of the .typ
             can be told at the brief's line

  One file per concern:
    page.xsl             the document: metadata, page, running head, footer, the
                         styles and the functions the parts below call
    summary.xsl          the masthead (series, title, authors, date) and the summary
    boxes.xsl            the key messages, and boxes (sidebars)
    sections.xsl         free sections, blocks (p, list, quote), inline markup and
                         footnotes
    tables.xsl           tables
    figures.xsl          figures: the image file beside the .typ
    municipalities.xsl   the participating municipalities
    findings.xsl         key findings
    cases.xsl            case studies
    recommendations.xsl  recommendations grouped by priority, and the votes table
    chart.xsl            the bar chart of the votes, drawn by Typst
    references.xsl       references
    colophon.xsl         authors, funding, disclaimer, citation, publication details
    ../common/common.xsl ids, numbers and text splicing shared with HTML and DocBook
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>
  <xsl:preserve-space elements="b:p b:item b:note b:text b:em b:strong b:a b:cite b:term b:title b:name
                                b:fn b:cell b:caption b:alt b:source b:given b:family b:place"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="langs" select="$lang"/>
  <xsl:param name="basename" select="'brief'"/>
  <!-- the site's address and the run's formats (docs/templates.md); unused here -->
  <xsl:param name="base-url" select="''"/>
  <xsl:param name="formats" select="''"/>

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="summary.xsl"/>
  <xsl:include href="boxes.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="tables.xsl"/>
  <xsl:include href="figures.xsl"/>
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

  <!-- Text reached through XSLT's built-in rules (an element no template here knows,
       in a part applied with select="*") is escaped like all other text: without
       this it would be copied as it is, and could become Typst code. -->
  <xsl:template match="text()">
    <xsl:value-of select="bg:typst(.)"/>
  </xsl:template>

</xsl:stylesheet>
