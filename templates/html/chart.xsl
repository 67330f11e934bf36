<?xml version="1.0" encoding="UTF-8"?>
<!--
  The votes chart: an inline SVG of horizontal bars, one per recommendation that was
  voted on, in display order (priority, then votes).  Each bar is labelled with the
  recommendation's number and title (wrapped onto at most two lines) and its vote
  count as visible text; the bar colour shows the priority, explained by a legend.
  Accessible: role="img" with <title> and a <desc> that lists every figure.
  Sizes are in viewBox units; the SVG scales to the column width.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="bg exsl"
    exclude-result-prefixes="b bg exsl">

  <!-- Geometry (viewBox units).  A title longer than $chart-line characters takes
       two label lines. -->
  <xsl:variable name="chart-width" select="360"/>
  <xsl:variable name="chart-bar-max" select="310"/>
  <xsl:variable name="chart-line" select="38"/>
  <xsl:variable name="chart-row" select="46"/>
  <xsl:variable name="chart-extra-line" select="16"/>
  <xsl:variable name="chart-top" select="4"/>

  <!-- The vertical place of each row, computed once: the charted recommendations
       in display order, then each row's y from the rows above it. -->
  <xsl:variable name="chart-order">
    <xsl:for-each select="$recs[@votes]">
      <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                        + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
      <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
      <r of="{generate-id()}" extra="{number(string-length(normalize-space(b:title)) &gt; $chart-line)}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="chart-y">
    <xsl:call-template name="chart-places">
      <xsl:with-param name="rows" select="exsl:node-set($chart-order)/r"/>
      <xsl:with-param name="y" select="$chart-top"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- Produces <n of="…" n="y"/> for each of $rows placed from $y down: the first
       half, then the second half below it.  Halving keeps the work n log n and the
       recursion shallow, where "the rows before me" per row would be quadratic. -->
  <xsl:template name="chart-places">
    <xsl:param name="rows"/>
    <xsl:param name="y"/>
    <xsl:choose>
      <xsl:when test="count($rows) = 1">
        <n of="{$rows/@of}" n="{$y}"/>
      </xsl:when>
      <xsl:when test="count($rows) &gt; 1">
        <xsl:variable name="half" select="floor(count($rows) div 2)"/>
        <xsl:variable name="first" select="$rows[position() &lt;= $half]"/>
        <xsl:call-template name="chart-places">
          <xsl:with-param name="rows" select="$first"/>
          <xsl:with-param name="y" select="$y"/>
        </xsl:call-template>
        <xsl:call-template name="chart-places">
          <xsl:with-param name="rows" select="$rows[position() &gt; $half]"/>
          <xsl:with-param name="y" select="$y + $half * $chart-row + count($first[@extra = 1]) * $chart-extra-line"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The figure: caption, SVG and legend. -->
  <xsl:template name="votes-chart">
    <xsl:variable name="voted" select="$recs[@votes]"/>
    <xsl:variable name="height"
        select="$chart-top + count($voted) * $chart-row
                + count($voted[string-length(normalize-space(b:title)) &gt; $chart-line]) * $chart-extra-line"/>
    <figure class="chart" aria-labelledby="votes-chart-caption">
      <figcaption id="votes-chart-caption"><xsl:value-of select="bg:msg('chart.title')"/></figcaption>
      <svg xmlns="http://www.w3.org/2000/svg" role="img"
          viewBox="0 0 {$chart-width} {$height}" width="{$chart-width}" height="{$height}"
          aria-labelledby="votes-chart-title votes-chart-desc">
        <title id="votes-chart-title"><xsl:value-of select="bg:msg('chart.title')"/></title>
        <desc id="votes-chart-desc">
          <xsl:value-of select="bg:msg('chart.desc', count($voted))"/>
          <xsl:for-each select="$voted">
            <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                              + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
            <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
            <xsl:variable name="n"><xsl:call-template name="recommendation-number"/></xsl:variable>
            <xsl:text> </xsl:text>
            <xsl:value-of select="bg:msg('chart.row', number($n), normalize-space(b:title),
                                         bg:msg('votes.count', number(@votes)))"/>
          </xsl:for-each>
        </desc>
        <line x1="0.5" y1="0" x2="0.5" y2="{$height}" stroke="#9aa5b1" stroke-width="1"/>
        <xsl:for-each select="$voted">
          <xsl:call-template name="chart-row"/>
        </xsl:for-each>
      </svg>
      <div class="legend">
        <ul>
          <xsl:for-each select="$voted[@priority = 'high'][1] | $voted[@priority = 'medium'][1]
                                | $voted[@priority = 'low'][1] | $voted[not(@priority)][1]">
            <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                              + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
            <li>
              <span class="swatch {@priority}"></span>
              <xsl:choose>
                <xsl:when test="@priority"><xsl:value-of select="bg:msg(concat('heading.priority.', @priority))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="bg:msg('heading.priority.none')"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </figure>
  </xsl:template>

  <!-- One row of the chart for the context recommendation: label (one or two
       lines), bar and vote count.  Its vertical place is the height of the rows that
       come before it in display order, computed from $voted (all charted rows). -->
  <xsl:template name="chart-row">
    <xsl:variable name="votes" select="number(@votes)"/>
    <xsl:variable name="y">
      <xsl:call-template name="index-number">
        <xsl:with-param name="node" select="."/>
        <xsl:with-param name="index" select="$chart-y"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="title" select="normalize-space(b:title)"/>
    <xsl:variable name="lines" select="1 + (string-length($title) &gt; $chart-line)"/>
    <xsl:variable name="n"><xsl:call-template name="recommendation-number"/></xsl:variable>
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="$lines = 1"><xsl:value-of select="$title"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="before-last-space">
            <xsl:with-param name="text" select="substring($title, 1, $chart-line + 1)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="bar-y" select="$y + 16 * $lines + 4"/>
    <xsl:variable name="width">
      <xsl:choose>
        <xsl:when test="number($max-votes) &gt; 0 and $votes &gt; 0">
          <xsl:value-of select="round($votes div number($max-votes) * $chart-bar-max * 10) div 10 + 2 * ($votes div number($max-votes) * $chart-bar-max &lt; 2)"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <g xmlns="http://www.w3.org/2000/svg" class="row {@priority}">
      <text x="4" y="{$y + 13}" class="label">
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <tspan font-weight="700"><xsl:value-of select="concat($n, '.')"/></tspan>
        <xsl:value-of select="concat(' ', $first)"/>
        <xsl:if test="$lines = 2">
          <tspan x="4" dy="16">
            <xsl:call-template name="shorten">
              <xsl:with-param name="text" select="substring($title, string-length($first) + 1)"/>
              <xsl:with-param name="max" select="$chart-line + 3"/>
            </xsl:call-template>
          </tspan>
        </xsl:if>
      </text>
      <rect x="1" y="{$bar-y}" width="{$width}" height="14">
        <xsl:attribute name="fill">
          <xsl:choose>
            <xsl:when test="@priority = 'high'">#b3422a</xsl:when>
            <xsl:when test="@priority = 'medium'">#d08a1f</xsl:when>
            <xsl:otherwise>#7d8a97</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </rect>
      <text x="{$width + 7}" y="{$bar-y + 11.5}" class="value">
        <xsl:value-of select="bg:number($votes)"/>
      </text>
    </g>
  </xsl:template>

  <!-- Produces $text up to (not including) its last space; all of $text when it
       has none.  Used to wrap a label at a word boundary. -->
  <xsl:template name="before-last-space">
    <xsl:param name="text"/>
    <xsl:param name="done" select="''"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="before-last-space">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="done" select="concat($done, substring-before($text, ' '), ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$done = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring($done, 1, string-length($done) - 1)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
