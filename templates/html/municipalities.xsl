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
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

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
      </p>
      <xsl:if test="$networks">
        <!-- one line per network, in order of first appearance -->
        <xsl:for-each select="$networks[not(@network = preceding-sibling::b:municipality/@network)]">
          <p class="legend">
            <span class="dot"></span>
            <xsl:call-template name="network-message">
              <xsl:with-param name="network" select="@network"/>
              <xsl:with-param name="what" select="'count'"/>
              <xsl:with-param name="count" select="count($networks[@network = current()/@network])"/>
            </xsl:call-template>
          </p>
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

  <!-- Networks the locale files name (network.ID.count, network.ID.member); any
       other network id is shown as it is written, through network.other.*. -->
  <xsl:variable name="known-networks" select="' resilience '"/>

  <!-- A message about network $network: 'count' ("7 in the democratic-resilience
       network", $count members) or 'member' ("member of …"). -->
  <xsl:template name="network-message">
    <xsl:param name="network"/>
    <xsl:param name="what"/>
    <xsl:param name="count" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($known-networks, concat(' ', $network, ' '))">
        <xsl:value-of select="bg:msg(concat('network.', $network, '.', $what), $count)"/>
      </xsl:when>
      <xsl:when test="$what = 'count'">
        <xsl:value-of select="bg:msg('network.other.count', $count, string($network))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="bg:msg('network.other.member', string($network))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ISO 3166-2:UA codes the locale files name (oblast.UA-NN). -->
  <xsl:variable name="oblast-codes"
      select="' UA-05 UA-07 UA-09 UA-12 UA-14 UA-18 UA-21 UA-23 UA-26 UA-30 UA-32 UA-35 UA-40 UA-43 UA-46 UA-48 UA-51 UA-53 UA-56 UA-59 UA-61 UA-63 UA-65 UA-68 UA-71 UA-74 UA-77 '"/>

  <!-- The name of the context municipality's oblast ("Kyiv Oblast"), or the code
       as written when the locale files do not know it. -->
  <xsl:template name="oblast-name">
    <xsl:param name="code" select="@oblast"/>
    <xsl:choose>
      <xsl:when test="contains($oblast-codes, concat(' ', $code, ' '))">
        <xsl:value-of select="bg:msg(concat('oblast.', $code))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A municipality as a place: its name, with the oblast when known
       ("Izium, Kharkiv Oblast"), the name marked with its language on fallback. -->
  <xsl:template match="b:municipality" mode="place">
    <xsl:variable name="name">
      <span>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:name"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:name)"/>
      </span>
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
