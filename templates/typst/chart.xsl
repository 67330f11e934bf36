<?xml version="1.0" encoding="UTF-8"?>
<!--
  The votes chart, drawn by Typst as vector graphics: one horizontal bar per
  recommendation that was voted on, in display order: a group per priority, each
  under its label (a square of its colour and heading.priority.*) and apart from the
  next by a gap, most votes first within a group (ties in document order); each bar
  in its priority's colour, after the recommendation's number and title, with its
  vote count as text.  A numbered figure like the brief's own ("Figure 3. …", then
  its source line, chart.source) whose alternative text lists every figure
  (chart.desc, chart.row), so the PDF's tags carry the numbers the HTML's hidden
  votes table does.  Drawn only for two voted recommendations or more (common.xsl:
  chart-shown).  Its colours are the HTML chart's light ones: each bar at least 3:1
  on the white page, as the priority colours of the rest of the PDF (page.xsl).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The longest bar takes this share of its column, leaving room for the count. -->
  <xsl:variable name="chart-bar-max" select="86"/>

  <xsl:template name="votes-chart">
    <xsl:variable name="alt"><xsl:call-template name="chart-alt"/></xsl:variable>
    <xsl:text>&#10;#let chart-high = rgb("#b3422a")&#10;#let chart-medium = rgb("#a15c00")&#10;#let chart-low = rgb("#7d8a97")&#10;#let chart-none = chart-low&#10;#figure(kind: image, numbering: none,&#10;  alt: </xsl:text>
    <xsl:value-of select="bg:typst(normalize-space($alt), 'string')"/>
    <xsl:text>,&#10;  caption: [</xsl:text>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst(bg:msg('caption.numbered', $marker, bg:msg('chart.title')))"/>
      <xsl:with-param name="content">
        <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
        <xsl:text>#strong[</xsl:text>
        <xsl:value-of select="bg:typst(bg:msg('figure.number', number($n)))"/>
        <xsl:text>];</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>&#10;#source-line[</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg('source', bg:msg('chart.source')))"/>
    <xsl:text>]],&#10;  block(width: 100%, {&#10;  set text(font: sans, size: 8.5pt)&#10;  set par(justify: false, leading: 0.4em)&#10;  grid(columns: (46%, 1fr), column-gutter: 10pt, row-gutter: 5pt, align: (left + horizon, left + horizon),&#10;</xsl:text>
    <xsl:call-template name="chart-group">
      <xsl:with-param name="priority" select="'high'"/>
      <xsl:with-param name="members" select="$recs-high[@votes]"/>
    </xsl:call-template>
    <xsl:call-template name="chart-group">
      <xsl:with-param name="priority" select="'medium'"/>
      <xsl:with-param name="members" select="$recs-medium[@votes]"/>
    </xsl:call-template>
    <xsl:call-template name="chart-group">
      <xsl:with-param name="priority" select="'low'"/>
      <xsl:with-param name="members" select="$recs-low[@votes]"/>
    </xsl:call-template>
    <xsl:call-template name="chart-group">
      <xsl:with-param name="priority" select="'none'"/>
      <xsl:with-param name="members" select="$recs-none[@votes]"/>
    </xsl:call-template>
    <xsl:text>  )}),&#10;)&#10;</xsl:text>
  </xsl:template>

  <!-- The rows of one priority group: its label across both columns, set apart from
       the group above, then a row per recommendation, most votes first. -->
  <xsl:template name="chart-group">
    <xsl:param name="priority"/>
    <xsl:param name="members"/>
    <xsl:if test="$members">
      <xsl:text>    grid.cell(colspan: 2, inset: (top: 9pt), [#box(width: 7pt, height: 7pt, fill: chart-</xsl:text>
      <xsl:value-of select="$priority"/>
      <xsl:text>)#h(4pt)#strong[</xsl:text>
      <xsl:value-of select="bg:typst(bg:msg(concat('heading.priority.', $priority)))"/>
      <xsl:text>]]),&#10;</xsl:text>
      <xsl:for-each select="$members">
        <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
        <xsl:variable name="votes" select="number(@votes)"/>
        <xsl:variable name="share">
          <xsl:choose>
            <xsl:when test="number($max-votes) &gt; 0 and $votes &gt; 0">
              <xsl:value-of select="round($votes div number($max-votes) * $chart-bar-max * 10) div 10"/>
            </xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:text>    [#strong[</xsl:text>
        <xsl:call-template name="recommendation-number"/>
        <xsl:text>.] </xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:title"/></xsl:call-template>
        <xsl:text>], [#box(width: </xsl:text>
        <xsl:value-of select="$share"/>
        <xsl:text>%, height: 9pt, fill: chart-</xsl:text>
        <xsl:value-of select="$priority"/>
        <xsl:text>)#h(5pt)#strong[</xsl:text>
        <xsl:value-of select="bg:typst(bg:number($votes))"/>
        <xsl:text>]],&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
