<?xml version="1.0" encoding="UTF-8"?>
<!--
  The votes chart in HTML: a numbered figure ("Figure 3. Participants' votes…",
  then its source line) holding the chart's inline SVG (../common/chart-svg.xsl,
  which DocBook's file beside the output shares), drawn only for two voted
  recommendations or more (common.xsl: chart-shown).  The bars' colours are CSS
  custom properties (page.xsl: the chart's block, light and dark).  Accessible: the
  SVG is hidden from screen readers, which read the votes table inside the figure
  instead (visually hidden; recommendations.xsl) — the same numbers, once for each
  kind of reader.  The SVG scales to the column width.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:include href="../common/chart-svg.xsl"/>

  <!-- The figure: number, caption and source line; the SVG; the votes table as the
       chart's text for screen readers.  The context is b:recommendations. -->
  <xsl:template name="votes-chart">
    <figure class="figure chart" id="votes-chart" aria-labelledby="votes-chart-caption">
      <xsl:call-template name="chart-svg"/>
      <!-- before the figcaption, which must be the figure's first or last child -->
      <xsl:call-template name="votes-table"/>
      <figcaption id="votes-chart-caption">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('caption.numbered', $marker, bg:msg('chart.title'))"/>
          <xsl:with-param name="content">
            <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
            <strong class="label"><xsl:value-of select="bg:msg('figure.number', number($n))"/></strong>
          </xsl:with-param>
        </xsl:call-template>
        <p class="source"><xsl:value-of select="bg:msg('source', bg:msg('chart.source'))"/></p>
      </figcaption>
    </figure>
  </xsl:template>

</xsl:stylesheet>
