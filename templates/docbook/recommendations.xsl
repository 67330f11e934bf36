<?xml version="1.0" encoding="UTF-8"?>
<!--
  Recommendations for DocBook: an introduction, the votes chart as a figure (for two
  voted recommendations or more, common.xsl: chart-shown; numbered among the
  figures as in HTML and Typst): the chart's SVG file with its text alternative,
  then its caption and source line,
  then a section per priority (high, medium, low, none) with the recommendations
  ordered by votes.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The recommendations section. -->
  <xsl:template match="b:recommendations">
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.recommendations'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.recommendations')"/></title>
      <xsl:if test="$recs[@priority] or $recs[@votes]">
        <para><xsl:value-of select="bg:msg('recommendations.intro')"/></para>
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
    </section>
  </xsl:template>

  <!-- A priority group: a section titled "High priority" with its recommendations,
       most votes first; nothing when the group is empty. -->
  <xsl:template name="priority-group">
    <xsl:param name="priority"/>
    <xsl:param name="members"/>
    <xsl:if test="$members">
      <xsl:variable name="key" select="concat('heading.priority.', $priority)"/>
      <section role="priority-{$priority}">
        <xsl:attribute name="xml:id">
          <xsl:call-template name="part-id">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </xsl:attribute>
        <title><xsl:value-of select="bg:msg($key)"/></title>
        <xsl:for-each select="$members">
          <!-- xsl:sort is stable: ties keep document order -->
          <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One recommendation: section xml:id=@id, title, "Recommendation N of M", its
       paragraphs, then a compact list: addressee, votes, the findings it answers
       (linked by number). -->
  <xsl:template match="b:recommendation">
    <xsl:variable name="n"><xsl:call-template name="recommendation-number"/></xsl:variable>
    <section>
      <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </title>
      <para role="position">
        <emphasis><xsl:value-of select="bg:msg('recommendation.position', number($n), $rec-count)"/></emphasis>
      </para>
      <xsl:apply-templates select="b:p"/>
      <xsl:variable name="findings"
          select="id(@findings)[self::b:finding]"/>
      <itemizedlist spacing="compact" role="facts">
        <listitem>
          <para><xsl:value-of select="bg:msg(concat('recommendation.addressee.', @addressee))"/></para>
        </listitem>
        <xsl:if test="@votes">
          <listitem>
            <para><xsl:value-of select="bg:msg('votes.count', number(@votes))"/></para>
          </listitem>
        </xsl:if>
        <xsl:if test="$findings">
          <listitem>
            <para>
              <xsl:call-template name="message-with-markup">
                <xsl:with-param name="message"
                    select="bg:msg('recommendation.findings', count($findings), $marker)"/>
                <xsl:with-param name="content">
                  <xsl:call-template name="splice-list">
                    <xsl:with-param name="joined" select="bg:list($findings/@id)"/>
                    <xsl:with-param name="items" select="$findings/@id"/>
                  </xsl:call-template>
                </xsl:with-param>
              </xsl:call-template>
            </para>
          </listitem>
        </xsl:if>
      </itemizedlist>
    </section>
  </xsl:template>

  <!-- A finding in a recommendation's list of findings: its number as a link. -->
  <xsl:template match="b:finding/@id" mode="list-item">
    <link linkend="{.}">
      <xsl:call-template name="finding-number">
        <xsl:with-param name="node" select=".."/>
      </xsl:call-template>
    </link>
  </xsl:template>

  <!-- The votes chart as a figure: the chart's image, NAME.LANG.votes.svg, which
       build writes beside the output (the docbook stylesheet with part='votes-svg',
       brief.xsl), with its text alternative (every bar's number, title and votes:
       chart-alt), then its numbered caption and the source line.  The votes are
       not repeated as a table: the alternative carries them, each recommendation's
       facts its count. -->
  <xsl:template name="votes-chart">
    <!-- An informalfigure with its label in the caption's text, as figures.xsl
         makes the brief's own figures (pandoc keeps neither a figure's title nor
         its number). -->
    <xsl:variable name="alt"><xsl:call-template name="chart-alt"/></xsl:variable>
    <informalfigure role="figure" xml:id="votes-chart">
      <mediaobject>
        <alt><xsl:value-of select="$alt"/></alt>
        <imageobject>
          <imagedata fileref="{concat($basename, '.', $lang, '.votes.svg')}" format="SVG"/>
        </imageobject>
        <textobject>
          <phrase><xsl:value-of select="$alt"/></phrase>
        </textobject>
      </mediaobject>
      <para role="caption">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('caption.numbered', $marker, $marker2)"/>
          <xsl:with-param name="content">
            <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
            <emphasis role="strong"><xsl:value-of select="bg:msg('figure.number', number($n))"/></emphasis>
          </xsl:with-param>
          <xsl:with-param name="content2" select="bg:msg('chart.title')"/>
        </xsl:call-template>
      </para>
      <para role="source"><xsl:value-of select="bg:msg('source', bg:msg('chart.source'))"/></para>
    </informalfigure>
  </xsl:template>

</xsl:stylesheet>
