<?xml version="1.0" encoding="UTF-8"?>
<!--
  Recommendations: an introduction, the votes chart (chart.xsl; only for two voted
  recommendations or more, and the PDF's only view of the votes together: its alt
  text carries the numbers), the recommendations grouped by priority (high, medium,
  low, then those without one) and ordered by votes within a group, each with a
  rule in its priority's colour.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:recommendations">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.recommendations'"/>
    </xsl:call-template>
    <xsl:if test="$recs[@priority] or $recs[@votes]">
      <xsl:text>#block(sticky: true)[</xsl:text>
      <xsl:value-of select="bg:typst(bg:msg('recommendations.intro'))"/>
      <xsl:text>]&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$chart-shown">
      <xsl:call-template name="votes-chart"/>
    </xsl:if>
    <xsl:call-template name="priority-group">
      <xsl:with-param name="priority" select="'high'"/>
      <xsl:with-param name="members" select="$recs-high"/>
    </xsl:call-template>
    <xsl:call-template name="priority-group">
      <xsl:with-param name="priority" select="'medium'"/>
      <xsl:with-param name="members" select="$recs-medium"/>
    </xsl:call-template>
    <xsl:call-template name="priority-group">
      <xsl:with-param name="priority" select="'low'"/>
      <xsl:with-param name="members" select="$recs-low"/>
    </xsl:call-template>
    <xsl:call-template name="priority-group">
      <xsl:with-param name="priority" select="'none'"/>
      <xsl:with-param name="members" select="$recs-none"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One priority group: a level-2 heading ("High priority") led by a square of
       its colour, and its recommendations, most votes first. -->
  <xsl:template name="priority-group">
    <xsl:param name="priority"/>
    <xsl:param name="members"/>
    <xsl:if test="$members">
      <xsl:variable name="key" select="concat('heading.priority.', $priority)"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/>
        <xsl:with-param name="content">
          <xsl:text>#box(width: 0.65em, height: 0.65em, fill: priority-</xsl:text>
          <xsl:value-of select="$priority"/>
          <xsl:text>)#h(0.45em)</xsl:text>
          <xsl:value-of select="bg:typst(bg:msg($key))"/>
        </xsl:with-param>
        <xsl:with-param name="id">
          <xsl:call-template name="part-id">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$members">
        <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
        <xsl:apply-templates select=".">
          <xsl:with-param name="priority" select="$priority"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- One recommendation: "Recommendation N of M", the title as a level-3 heading,
       its paragraphs and a line of facts: addressee, votes, the findings it
       answers (linked). -->
  <xsl:template match="b:recommendation">
    <xsl:param name="priority" select="'none'"/>
    <xsl:variable name="n"><xsl:call-template name="recommendation-number"/></xsl:variable>
    <xsl:call-template name="marker"/>
    <xsl:text>#block(width: 100%, stroke: (left: 3pt + priority-</xsl:text>
    <xsl:value-of select="$priority"/>
    <xsl:text>), inset: (left: 11pt, y: 3pt), above: 1.2em, below: 1.2em, {&#10;  show heading: set block(above: 0.3em, below: 0.5em)&#10;  block(sticky: true, above: 0em, below: 0em, text(font: sans, size: 8pt, fill: muted)[</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg('recommendation.position', number($n), $rec-count))"/>
    <xsl:text>])&#10;  [</xsl:text>
    <xsl:call-template name="marked-heading">
      <xsl:with-param name="level" select="3"/>
      <xsl:with-param name="content">
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:title"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="id" select="@id"/>
    </xsl:call-template>
    <xsl:apply-templates select="b:p"/>
    <xsl:text>]&#10;  facts([</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg(concat('recommendation.addressee.', @addressee)))"/>
    <xsl:text>]</xsl:text>
    <xsl:if test="@votes">
      <xsl:text>, text(fill: ink, weight: "bold")[</xsl:text>
      <xsl:value-of select="bg:typst(bg:msg('votes.count', number(@votes)))"/>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:variable name="findings" select="id(@findings)[self::b:finding]"/>
    <xsl:if test="$findings">
      <xsl:text>, [</xsl:text>
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:typst(bg:msg('recommendation.findings', count($findings), $marker))"/>
        <xsl:with-param name="content">
          <xsl:call-template name="typst-splice-list">
            <xsl:with-param name="joined" select="bg:list($findings/@id)"/>
            <xsl:with-param name="items" select="$findings/@id"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>)&#10;})&#10;</xsl:text>
  </xsl:template>

  <!-- A finding in a recommendation's list of findings: its number, linked to it. -->
  <xsl:template match="b:finding/@id" mode="list-item">
    <xsl:text>#link(label(</xsl:text>
    <xsl:value-of select="bg:typst(string(.), 'string')"/>
    <xsl:text>))[</xsl:text>
    <xsl:call-template name="finding-number">
      <xsl:with-param name="node" select=".."/>
    </xsl:call-template>
    <xsl:text>];</xsl:text>
  </xsl:template>

</xsl:stylesheet>
