<?xml version="1.0" encoding="UTF-8"?>
<!--
  Recommendations: an introduction, the votes chart (chart.xsl, with the votes table
  as its text for screen readers; only for two voted recommendations or more), the
  recommendations grouped by priority (high, medium, low, then those without one)
  and ordered by votes within a group.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The recommendations section. -->
  <xsl:template match="b:recommendations">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.recommendations'"/>
      </xsl:call-template>
    </xsl:variable>
    <section id="{$id}" class="recommendations">
      <h2><xsl:value-of select="bg:msg('heading.recommendations')"/></h2>
      <xsl:if test="$recs[@priority] or $recs[@votes]">
        <p class="intro"><xsl:value-of select="bg:msg('recommendations.intro')"/></p>
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

  <!-- One priority group: a section with an h3 ("High priority") and its
       recommendations, most votes first; nothing when the group is empty. -->
  <xsl:template name="priority-group">
    <xsl:param name="priority"/>
    <xsl:param name="members"/>
    <xsl:if test="$members">
      <xsl:variable name="key" select="concat('heading.priority.', $priority)"/>
      <xsl:variable name="id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </xsl:variable>
      <section id="{$id}" class="priority-group priority-{$priority}">
        <h3><xsl:value-of select="bg:msg($key)"/></h3>
        <xsl:for-each select="$members">
          <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One recommendation: "Recommendation N of M", the h4 title, its paragraphs and
       a line of facts: addressee, votes, and links to the findings it answers. -->
  <xsl:template match="b:recommendation">
    <xsl:variable name="n">
      <xsl:call-template name="recommendation-number"/>
    </xsl:variable>
    <article id="{@id}" class="rec">
      <p class="position">
        <xsl:value-of select="bg:msg('recommendation.position', number($n), $rec-count)"/>
      </p>
      <h4>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:call-template name="fallback-mark">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </h4>
      <xsl:apply-templates select="b:p"/>
      <ul class="facts">
        <li class="addressee">
          <xsl:value-of select="bg:msg(concat('recommendation.addressee.', @addressee))"/>
        </li>
        <xsl:if test="@votes">
          <li class="votes">
            <xsl:value-of select="bg:msg('votes.count', number(@votes))"/>
          </li>
        </xsl:if>
        <xsl:variable name="findings"
            select="id(@findings)[self::b:finding]"/>
        <xsl:if test="$findings">
          <li class="answers">
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
          </li>
        </xsl:if>
      </ul>
    </article>
  </xsl:template>

  <!-- A finding in a recommendation's list of findings: its number, linked to it,
       with its title as the link's tooltip. -->
  <xsl:template match="b:finding/@id" mode="list-item">
    <a href="#{.}" title="{normalize-space(../b:title)}">
      <xsl:call-template name="finding-number">
        <xsl:with-param name="node" select=".."/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <!-- The votes as a table: number, recommendation (linked), addressee, votes, with
       one row group per priority; only recommendations that were voted on, in display
       order.  The chart's text for screen readers, inside its figure and hidden from
       sight (the chart shows the same numbers), so not a numbered table; the context
       is the recommendations element. -->
  <xsl:template name="votes-table">
    <div class="visually-hidden">
      <table class="votes-table">
        <caption><xsl:value-of select="bg:msg('votes.table.caption')"/></caption>
        <thead>
          <tr>
            <th scope="col" class="n"><xsl:value-of select="bg:msg('votes.table.number')"/></th>
            <th scope="col"><xsl:value-of select="bg:msg('votes.table.recommendation')"/></th>
            <th scope="col"><xsl:value-of select="bg:msg('votes.table.addressee')"/></th>
            <th scope="col" class="n"><xsl:value-of select="bg:msg('votes.table.votes')"/></th>
          </tr>
        </thead>
        <xsl:call-template name="votes-table-group">
          <xsl:with-param name="priority" select="'high'"/>
          <xsl:with-param name="members" select="$recs-high[@votes]"/>
        </xsl:call-template>
        <xsl:call-template name="votes-table-group">
          <xsl:with-param name="priority" select="'medium'"/>
          <xsl:with-param name="members" select="$recs-medium[@votes]"/>
        </xsl:call-template>
        <xsl:call-template name="votes-table-group">
          <xsl:with-param name="priority" select="'low'"/>
          <xsl:with-param name="members" select="$recs-low[@votes]"/>
        </xsl:call-template>
        <xsl:call-template name="votes-table-group">
          <xsl:with-param name="priority" select="'none'"/>
          <xsl:with-param name="members" select="$recs-none[@votes]"/>
        </xsl:call-template>
      </table>
    </div>
  </xsl:template>

  <!-- One row group of the votes table: a row naming the priority ("High
       priority"), then a row per recommendation, most votes first. -->
  <xsl:template name="votes-table-group">
    <xsl:param name="priority"/>
    <xsl:param name="members"/>
    <xsl:if test="$members">
      <tbody class="priority-{$priority}">
        <tr class="group">
          <th scope="rowgroup" colspan="4"><xsl:value-of select="bg:msg(concat('heading.priority.', $priority))"/></th>
        </tr>
        <xsl:for-each select="$members">
          <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
          <tr>
            <td class="n"><xsl:call-template name="recommendation-number"/></td>
            <th scope="row">
              <a href="#{@id}">
                <xsl:call-template name="lang-attr">
                  <xsl:with-param name="node" select="b:title"/>
                </xsl:call-template>
                <xsl:value-of select="normalize-space(b:title)"/>
              </a>
            </th>
            <td><xsl:value-of select="bg:msg(concat('addressee.', @addressee))"/></td>
            <td class="n"><xsl:value-of select="bg:number(number(@votes))"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
