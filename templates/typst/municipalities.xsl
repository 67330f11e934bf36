<?xml version="1.0" encoding="UTF-8"?>
<!--
  The participating municipalities: how many, how many belong to each network, and
  the list in the alphabetical order of the output language (ICU collation through
  xsl:sort lang), in two columns.  Also the "place" of a municipality (name and
  oblast) used by quotes and cases, and a network's name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:set="http://exslt.org/sets"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg set">

  <xsl:template match="b:municipalities">
    <xsl:variable name="networks" select="b:municipality[@network]"/>
    <xsl:call-template name="marker"/>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.municipalities'"/>
    </xsl:call-template>
    <xsl:value-of select="bg:typst(bg:msg('municipalities.count', count(b:municipality)))"/>
    <!-- one mark for the list, not one per name -->
    <xsl:call-template name="fallback-mark">
      <xsl:with-param name="node" select="b:municipality/b:name | b:municipality/b:note"/>
      <xsl:with-param name="how" select="'tag'"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
    <!-- one line per network, in order of first appearance -->
    <xsl:for-each select="set:distinct($networks/@network)">
      <xsl:variable name="network" select="string(.)"/>
      <xsl:call-template name="marker">
        <xsl:with-param name="node" select="id($network)"/>
      </xsl:call-template>
      <xsl:text>#network-mark#h(0.4em)</xsl:text>
      <xsl:call-template name="typst-network-message">
        <xsl:with-param name="network" select="$network"/>
        <xsl:with-param name="message" select="bg:msg('network.count', count($networks[@network = $network]), $marker)"/>
        <xsl:with-param name="linked" select="true()"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="id($network)/b:note">
        <xsl:call-template name="marker"/>
        <xsl:call-template name="in-lang">
          <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </xsl:for-each>
    <!-- two columns, each a list, filled down: Typst's columns() would fill the
         first to the foot of the page -->
    <xsl:variable name="half" select="ceiling(count(b:municipality) div 2)"/>
    <xsl:text>&#10;#block(above: 1em, below: 1.2em)[
#set text(font: sans, size: 9pt)
#set par(justify: false, leading: 0.45em)
#set list(marker: none, indent: 0pt, body-indent: 0pt, spacing: 0.6em)
#grid(columns: (1fr, 1fr), column-gutter: 1.5em)[</xsl:text>
    <xsl:for-each select="b:municipality">
      <xsl:sort select="normalize-space(b:name)" lang="{$lang}"/>
      <xsl:if test="position() = $half + 1">
        <xsl:text>&#10;][</xsl:text>
      </xsl:if>
      <xsl:apply-templates select="." mode="list-entry"/>
    </xsl:for-each>
    <xsl:text>&#10;]]&#10;</xsl:text>
  </xsl:template>

  <!-- A municipality in the list: its name (with the mark of a network's member),
       its oblast and its note. -->
  <xsl:template match="b:municipality" mode="list-entry">
    <xsl:call-template name="marker"/>
    <xsl:text>- #strong[</xsl:text>
    <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
    <xsl:text>]</xsl:text>
    <xsl:if test="@network">
      <xsl:text>#h(0.3em)#network-mark</xsl:text>
    </xsl:if>
    <xsl:if test="@oblast">
      <xsl:text> #text(fill: muted)[</xsl:text>
      <xsl:value-of select="bg:typst(bg:msg(concat('oblast.', @oblast)))"/>
      <xsl:text>];</xsl:text>
    </xsl:if>
    <xsl:for-each select="b:note">
      <xsl:text> #text(size: 8.5pt, style: "italic")[</xsl:text>
      <xsl:call-template name="in-lang">
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
      <xsl:text>];</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- A message about a network ($message, made with $marker for its name): the
       words from the locale files escaped, the network's own name in the output
       language put in (a link to its site when $linked and it has one). -->
  <xsl:template name="typst-network-message">
    <xsl:param name="network"/>
    <xsl:param name="message"/>
    <xsl:param name="linked" select="false()"/>
    <xsl:variable name="n" select="id(string($network))"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst($message)"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$linked and $n/@href">
            <xsl:text>#link(</xsl:text>
            <xsl:value-of select="bg:typst(normalize-space($n/@href), 'string')"/>
            <xsl:text>)[</xsl:text>
            <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$n/b:name"/></xsl:call-template>
            <xsl:text>];</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$n/b:name"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A municipality as a place: its name, with the oblast when known ("Izium,
       Kharkiv Oblast"), the name marked with its language on fallback. -->
  <xsl:template match="b:municipality" mode="place">
    <xsl:variable name="name">
      <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@oblast">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message"
              select="bg:typst(bg:msg('place.with-oblast', $marker, bg:msg(concat('oblast.', @oblast))))"/>
          <xsl:with-param name="content" select="$name"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
