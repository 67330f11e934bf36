<?xml version="1.0" encoding="UTF-8"?>
<!--
  The votes chart drawn as SVG, shared by HTML (inline in the page: html/chart.xsl)
  and DocBook (a file of its own beside the output, NAME.LANG.votes.svg: the
  docbook stylesheet run with part='votes-svg', docbook/brief.xsl).  Horizontal
  bars, one per recommendation that was voted on, in display order: a group per
  priority (high, medium, low, none), each under its label (heading.priority.*)
  and apart from the next by a gap, most votes first within a group (ties in
  document order).  Each bar is labelled with the recommendation's number and
  title (wrapped onto at most two lines) and its vote count as visible text.
  Drawn only for two voted recommendations or more (common.xsl: chart-shown).
  The fill, stroke and font-weight attributes are the light scheme's, for an SVG
  read without the page's CSS; in HTML the page's CSS sets each scheme's own
  (page.xsl: the chart's block).  Sizes are in viewBox units.
  The standalone SVG (chart-svg with $standalone) is static and self-contained:
  no script, no CSS, no external reference, a generic sans-serif font, a white
  background (its colours are the light ones: each bar 3:1, its text 4.5:1 on
  white), text as <text>, role="img" with its <title> (chart.title) and <desc>
  (chart-alt, in common.xsl: every bar's number, title and votes).
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
  <!-- Above each priority group: a gap and its label. -->
  <xsl:variable name="chart-group" select="30"/>
  <!-- Which priority groups have bars, and how many groups there are. -->
  <xsl:variable name="chart-has-high" select="boolean($recs-high[@votes])"/>
  <xsl:variable name="chart-has-medium" select="boolean($recs-medium[@votes])"/>
  <xsl:variable name="chart-has-low" select="boolean($recs-low[@votes])"/>
  <xsl:variable name="chart-has-none" select="boolean($recs-none[@votes])"/>
  <xsl:variable name="chart-groups"
      select="$chart-has-high + $chart-has-medium + $chart-has-low + $chart-has-none"/>

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

  <!-- The chart's <svg> element.  $standalone: a file of its own (role="img",
       title, desc, language, font, fill and background as attributes); else the
       page's inline drawing, hidden from screen readers, which read the votes
       table beside it.  Any context: the rows are found from $recs. -->
  <xsl:template name="chart-svg">
    <xsl:param name="standalone" select="false()"/>
    <xsl:variable name="voted" select="$recs[@votes]"/>
    <xsl:variable name="height"
        select="$chart-top + count($voted) * $chart-row + $chart-groups * $chart-group
                + count($voted[string-length(normalize-space(b:title)) &gt; $chart-line]) * $chart-extra-line"/>
    <svg xmlns="http://www.w3.org/2000/svg">
      <xsl:choose>
        <xsl:when test="$standalone">
          <xsl:attribute name="role">img</xsl:attribute>
          <xsl:attribute name="aria-labelledby">chart-title</xsl:attribute>
          <xsl:attribute name="aria-describedby">chart-desc</xsl:attribute>
          <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="aria-hidden">true</xsl:attribute>
          <xsl:attribute name="focusable">false</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:attribute name="viewBox"><xsl:value-of select="concat('0 0 ', $chart-width, ' ', $height)"/></xsl:attribute>
      <xsl:attribute name="width"><xsl:value-of select="$chart-width"/></xsl:attribute>
      <xsl:attribute name="height"><xsl:value-of select="$height"/></xsl:attribute>
      <xsl:if test="$standalone">
        <xsl:attribute name="font-family">sans-serif</xsl:attribute>
        <xsl:attribute name="font-size">13</xsl:attribute>
        <xsl:attribute name="fill">#1c232b</xsl:attribute>
        <title id="chart-title"><xsl:value-of select="bg:msg('chart.title')"/></title>
        <desc id="chart-desc"><xsl:call-template name="chart-alt"/></desc>
        <rect x="0" y="0" width="{$chart-width}" height="{$height}" fill="#ffffff"/>
      </xsl:if>
      <line class="axis" x1="0.5" y1="{$chart-top}" x2="0.5" y2="{$height}" stroke="#6b7682" stroke-width="1"/>
      <xsl:call-template name="chart-group-label">
        <xsl:with-param name="priority" select="'high'"/>
        <xsl:with-param name="first" select="$recs-high[@votes]"/>
      </xsl:call-template>
      <xsl:call-template name="chart-group-label">
        <xsl:with-param name="priority" select="'medium'"/>
        <xsl:with-param name="first" select="$recs-medium[@votes]"/>
      </xsl:call-template>
      <xsl:call-template name="chart-group-label">
        <xsl:with-param name="priority" select="'low'"/>
        <xsl:with-param name="first" select="$recs-low[@votes]"/>
      </xsl:call-template>
      <xsl:call-template name="chart-group-label">
        <xsl:with-param name="priority" select="'none'"/>
        <xsl:with-param name="first" select="$recs-none[@votes]"/>
      </xsl:call-template>
      <xsl:for-each select="$voted">
        <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                          + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
        <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
        <xsl:call-template name="chart-row">
          <xsl:with-param name="standalone" select="$standalone"/>
        </xsl:call-template>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <!-- The label of priority group $priority above its first bar: the priority's
       name ("High priority") after a swatch of its colour; nothing when the group
       has no bars.  $first: the group's voted recommendations. -->
  <xsl:template name="chart-group-label">
    <xsl:param name="priority"/>
    <xsl:param name="first"/>
    <xsl:if test="$first">
      <!-- the group's first bar in display order: the most votes, the first of ties -->
      <xsl:variable name="top">
        <xsl:for-each select="$first">
          <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="generate-id()"/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:for-each select="$first[generate-id() = $top]">
        <xsl:variable name="y">
          <xsl:call-template name="chart-row-y"/>
        </xsl:variable>
        <g xmlns="http://www.w3.org/2000/svg" class="group {$priority}">
          <rect class="bar {$priority}" x="4" y="{$y - 18}" width="10" height="10">
            <xsl:attribute name="fill"><xsl:call-template name="chart-fill"/></xsl:attribute>
          </rect>
          <text x="19" y="{$y - 8.5}" class="group-label" font-weight="700">
            <xsl:value-of select="bg:msg(concat('heading.priority.', $priority))"/>
          </text>
        </g>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The y of the context recommendation's row: the rows above it (chart-y) and
       the label of its group and of every group before it. -->
  <xsl:template name="chart-row-y">
    <xsl:variable name="rows">
      <xsl:call-template name="index-number">
        <xsl:with-param name="node" select="."/>
        <xsl:with-param name="index" select="$chart-y"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rank" select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                                      + (@priority = 'low') * 3 + not(@priority) * 4"/>
    <xsl:value-of select="number($rows) + $chart-group * ($chart-has-high
                          + ($rank &gt; 1 and $chart-has-medium) + ($rank &gt; 2 and $chart-has-low)
                          + ($rank &gt; 3 and $chart-has-none))"/>
  </xsl:template>

  <!-- The light fill of the context recommendation's bar (the page's CSS sets the
       scheme's own, the chart-high, chart-medium and chart-low properties). -->
  <xsl:template name="chart-fill">
    <xsl:choose>
      <xsl:when test="@priority = 'high'">#b3422a</xsl:when>
      <xsl:when test="@priority = 'medium'">#a15c00</xsl:when>
      <xsl:otherwise>#7d8a97</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One row of the chart for the context recommendation: label (one or two
       lines), bar and vote count, at chart-row-y. -->
  <xsl:template name="chart-row">
    <xsl:param name="standalone" select="false()"/>
    <xsl:variable name="votes" select="number(@votes)"/>
    <xsl:variable name="y">
      <xsl:call-template name="chart-row-y"/>
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
    <g xmlns="http://www.w3.org/2000/svg" class="row">
      <text x="4" y="{$y + 13}" class="label">
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name">
            <xsl:choose>
              <xsl:when test="$standalone">xml:lang</xsl:when>
              <xsl:otherwise>lang</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
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
      <rect class="bar {@priority}{substring('none', 1, 4 * not(@priority))}" x="1" y="{$bar-y}" width="{$width}" height="14">
        <xsl:attribute name="fill"><xsl:call-template name="chart-fill"/></xsl:attribute>
      </rect>
      <text x="{$width + 7}" y="{$bar-y + 11.5}" class="value" font-weight="700">
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
