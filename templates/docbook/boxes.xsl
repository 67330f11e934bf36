<?xml version="1.0" encoding="UTF-8"?>
<!--
  The key messages (a section before the summary) and boxes (sidebars, with the
  kind as role) for DocBook.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:key-messages">
    <section role="key-messages">
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.key-messages'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.key-messages')"/></title>
      <itemizedlist>
        <xsl:for-each select="b:item">
          <listitem>
            <para>
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="name" select="'xml:lang'"/>
              </xsl:call-template>
              <xsl:apply-templates mode="inline"/>
            </para>
          </listitem>
        </xsl:for-each>
      </itemizedlist>
    </section>
  </xsl:template>

  <!-- A box: sidebar role="info|case|quote", headed by its title or, without one, by
       the label of its kind ("From practice").  The heading is a bridgehead, not the
       sidebar's title: pandoc 2.17 drops a sidebar's title (and would take an
       info/title for the document's), so in Word the box's text ran on from the
       body; a bridgehead reaches the docx as a bold paragraph. -->
  <xsl:template match="b:box">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@kind"><xsl:value-of select="@kind"/></xsl:when>
        <xsl:otherwise>info</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <sidebar role="{$kind}">
      <xsl:choose>
        <xsl:when test="b:title">
          <bridgehead renderas="sect4">
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
              <xsl:with-param name="node" select="b:title"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:title)"/>
          </bridgehead>
        </xsl:when>
        <xsl:when test="$kind != 'quote'">
          <bridgehead renderas="sect4"><xsl:value-of select="bg:msg(concat('box.', $kind))"/></bridgehead>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="b:p | b:list"/>
    </sidebar>
  </xsl:template>

</xsl:stylesheet>
