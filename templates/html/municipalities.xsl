<?xml version="1.0" encoding="UTF-8"?>
<!--
  The participating municipalities: how many, how many belong to a network, and the
  list in the alphabetical order of the output language (ICU collation through
  xsl:sort lang).  Also the "place" of a municipality (name and oblast) used by
  quotes and cases.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:set="http://exslt.org/sets"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg set">

  <!-- The municipalities section: heading, the count (and the network members'
       count), the sorted list, and a legend for the network mark. -->
  <xsl:template match="b:municipalities">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.municipalities'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="networks" select="b:municipality[@network]"/>
    <section id="{$id}" class="municipalities">
      <h2><xsl:value-of select="bg:msg('heading.municipalities')"/></h2>
      <p class="count">
        <xsl:value-of select="bg:msg('municipalities.count', count(b:municipality))"/>
        <!-- one mark for the list, not one per name -->
        <xsl:call-template name="fallback-mark">
          <xsl:with-param name="node" select="b:municipality/b:name | b:municipality/b:note"/>
          <xsl:with-param name="after" select="true()"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$networks">
        <!-- one line per network, in order of first appearance (set:distinct keeps
             the first of each value; Muenchian grouping with key()[1] would copy a
             network's every member for each of them) -->
        <xsl:for-each select="set:distinct($networks/@network)">
          <xsl:variable name="network" select="string(.)"/>
          <p class="legend">
            <span class="dot"></span>
            <xsl:call-template name="network-message">
              <xsl:with-param name="network" select="$network"/>
              <xsl:with-param name="what" select="'count'"/>
              <xsl:with-param name="count" select="count($networks[@network = $network])"/>
              <xsl:with-param name="linked" select="true()"/>
            </xsl:call-template>
          </p>
          <xsl:for-each select="id($network)/b:note">
            <p class="legend">
              <xsl:call-template name="lang-attr"/>
              <xsl:apply-templates mode="inline"/>
            </p>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:if>
      <ul class="municipality-list">
        <xsl:for-each select="b:municipality">
          <xsl:sort select="normalize-space(b:name)" lang="{$lang}"/>
          <li id="{@id}">
            <xsl:if test="@network">
              <xsl:attribute name="class">network</xsl:attribute>
            </xsl:if>
            <span class="name">
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="node" select="b:name"/>
              </xsl:call-template>
              <xsl:value-of select="normalize-space(b:name)"/>
            </span>
            <xsl:if test="@oblast">
              <span class="where"><xsl:call-template name="oblast-name"/></span>
            </xsl:if>
            <xsl:if test="@network">
              <span class="visually-hidden">
                <xsl:call-template name="network-message">
                  <xsl:with-param name="network" select="@network"/>
                  <xsl:with-param name="what" select="'member'"/>
                </xsl:call-template>
              </span>
            </xsl:if>
            <xsl:for-each select="b:note">
              <span class="note">
                <xsl:call-template name="lang-attr"/>
                <xsl:apply-templates mode="inline"/>
              </span>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- The name of a network (for network-message): its <name> in the output
       language, a link to its site when $linked and it has @href, marked with its
       language when it fell back. -->
  <xsl:template match="b:network" mode="network-name">
    <xsl:param name="linked" select="false()"/>
    <xsl:choose>
      <xsl:when test="$linked and @href">
        <a href="{@href}">
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </a>
      </xsl:when>
      <xsl:when test="b:name/@xml:lang and b:name/@xml:lang != $lang">
        <span>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(b:name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A municipality as a place: its name, with the oblast when known
       ("Izium, Kharkiv Oblast"), the name marked with its language on fallback. -->
  <xsl:template match="b:municipality" mode="place">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="b:name/@xml:lang and b:name/@xml:lang != $lang">
          <span>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="node" select="b:name"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:name)"/>
          </span>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(b:name)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@oblast">
        <xsl:variable name="oblast"><xsl:call-template name="oblast-name"/></xsl:variable>
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('place.with-oblast', $marker, string($oblast))"/>
          <xsl:with-param name="content" select="$name"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="$name"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
