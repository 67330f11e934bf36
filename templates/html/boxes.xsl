<?xml version="1.0" encoding="UTF-8"?>
<!--
  The key messages (a highlighted box before everything else) and boxes: sidebars
  of background, a short case or a participant's words, set apart as <aside>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The key messages: a labelled section with a heading and a list. -->
  <xsl:template match="b:key-messages">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.key-messages'"/>
      </xsl:call-template>
    </xsl:variable>
    <section class="key-messages" aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="bg:msg('heading.key-messages')"/></h2>
      <ul>
        <xsl:for-each select="b:item">
          <li>
            <xsl:call-template name="lang-attr"/>
            <xsl:call-template name="fallback-mark"/>
            <xsl:apply-templates mode="inline"/>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- A box: <aside> named by its title (or by its kind when it has none), with a
       small label for the kinds info and case, the title as a heading one level
       below the heading it stands under, and its paragraphs and lists. -->
  <xsl:template match="b:box">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@kind"><xsl:value-of select="@kind"/></xsl:when>
        <xsl:otherwise>info</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="label" select="bg:msg(concat('box.', $kind))"/>
    <xsl:variable name="level">
      <xsl:call-template name="box-heading-level"/>
    </xsl:variable>
    <aside class="box box-{$kind}">
      <xsl:attribute name="aria-label">
        <xsl:choose>
          <xsl:when test="b:title"><xsl:value-of select="normalize-space(b:title)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$kind != 'quote'">
        <p class="box-label"><xsl:value-of select="$label"/></p>
      </xsl:if>
      <xsl:for-each select="b:title">
        <xsl:element name="h{$level}">
          <xsl:attribute name="class">box-title</xsl:attribute>
          <xsl:call-template name="lang-attr"/>
          <xsl:call-template name="fallback-mark"/>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:element>
      </xsl:for-each>
      <xsl:apply-templates select="b:p | b:list"/>
    </aside>
  </xsl:template>

  <!-- Produces the level of a box's heading: one below the heading of the part it
       stands in (a section's h2 … h6, a finding's h3, a case part's h4), at most 6. -->
  <xsl:template name="box-heading-level">
    <xsl:variable name="under">
      <xsl:choose>
        <xsl:when test="ancestor::b:challenge or ancestor::b:response or ancestor::b:result">4</xsl:when>
        <xsl:when test="ancestor::b:finding">3</xsl:when>
        <xsl:otherwise><xsl:value-of select="count(ancestor::b:section) + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="(number($under) &gt;= 6) * 6 + (number($under) &lt; 6) * (number($under) + 1)"/>
  </xsl:template>

</xsl:stylesheet>
