<?xml version="1.0" encoding="UTF-8"?>
<!--
  The participating municipalities for DocBook: a section with the count, the
  network members' count, and an itemized list in the output language's
  alphabetical order (ICU collation through xsl:sort lang).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:set="http://exslt.org/sets"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg set">

  <!-- The municipalities section. -->
  <xsl:template match="b:municipalities">
    <xsl:variable name="networks" select="b:municipality[@network]"/>
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.municipalities'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.municipalities')"/></title>
      <para>
        <emphasis role="strong">
          <xsl:value-of select="bg:msg('municipalities.count', count(b:municipality))"/>
        </emphasis>
      </para>
      <!-- one paragraph per network, in order of first appearance (set:distinct keeps
           the first of each value; Muenchian grouping with key()[1] would copy a
           network's every member for each of them) -->
      <xsl:for-each select="set:distinct($networks/@network)">
        <xsl:variable name="network" select="string(.)"/>
        <para>
          <xsl:call-template name="network-message">
            <xsl:with-param name="network" select="$network"/>
            <xsl:with-param name="what" select="'count'"/>
            <xsl:with-param name="count" select="count($networks[@network = $network])"/>
            <xsl:with-param name="linked" select="true()"/>
          </xsl:call-template>
        </para>
        <xsl:for-each select="id($network)/b:note">
          <para>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
            </xsl:call-template>
            <xsl:apply-templates mode="inline"/>
          </para>
        </xsl:for-each>
      </xsl:for-each>
      <itemizedlist spacing="compact">
        <xsl:for-each select="b:municipality">
          <xsl:sort select="normalize-space(b:name)" lang="{$lang}"/>
          <listitem>
            <xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
            <para>
              <xsl:choose>
                <xsl:when test="@network">
                  <xsl:variable name="member">
                    <xsl:call-template name="network-message">
                      <xsl:with-param name="network" select="@network"/>
                      <xsl:with-param name="what" select="'member'"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <!-- the member text as markup: the network's name keeps its
                       xml:lang when it fell back -->
                  <xsl:call-template name="message-with-markup">
                    <xsl:with-param name="message"
                        select="bg:msg('municipality.with-network', $marker, $marker2)"/>
                    <xsl:with-param name="content">
                      <xsl:apply-templates select="." mode="place"/>
                    </xsl:with-param>
                    <xsl:with-param name="content2" select="$member"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="." mode="place"/>
                </xsl:otherwise>
              </xsl:choose>
            </para>
            <xsl:for-each select="b:note">
              <para>
                <xsl:call-template name="lang-attr">
                  <xsl:with-param name="name" select="'xml:lang'"/>
                </xsl:call-template>
                <xsl:apply-templates mode="inline"/>
              </para>
            </xsl:for-each>
          </listitem>
        </xsl:for-each>
      </itemizedlist>
    </section>
  </xsl:template>

  <!-- The name of a network (for network-message): its <name> in the output
       language, a link to its site when $linked and it has @href, a phrase with
       xml:lang when it fell back. -->
  <xsl:template match="b:network" mode="network-name">
    <xsl:param name="linked" select="false()"/>
    <xsl:choose>
      <xsl:when test="$linked and @href">
        <link xlink:href="{@href}">
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </link>
      </xsl:when>
      <xsl:when test="b:name/@xml:lang and b:name/@xml:lang != $lang">
        <phrase>
          <xsl:call-template name="lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
            <xsl:with-param name="node" select="b:name"/>
          </xsl:call-template>
          <xsl:value-of select="normalize-space(b:name)"/>
        </phrase>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(b:name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A municipality as a place: its name (a phrase with xml:lang when it fell
       back), with the oblast when known ("Izium, Kharkiv Oblast"). -->
  <xsl:template match="b:municipality" mode="place">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="b:name/@xml:lang and b:name/@xml:lang != $lang">
          <phrase>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
              <xsl:with-param name="node" select="b:name"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:name)"/>
          </phrase>
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
