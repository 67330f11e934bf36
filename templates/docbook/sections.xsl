<?xml version="1.0" encoding="UTF-8"?>
<!--
  Free sections, the blocks that stand where a paragraph may (para, itemizedlist,
  orderedlist, blockquote) and inline markup, for DocBook.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- A free section with xml:id (its @id or the slug of its title).  DocBook wants
       a section's blocks before its subsections, so blocks written after a
       subsection move up to join the others. -->
  <xsl:template match="b:section">
    <section>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="section-id"/>
      </xsl:attribute>
      <title>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </title>
      <xsl:apply-templates select="*[not(self::b:title or self::b:section)]"/>
      <xsl:apply-templates select="b:section"/>
    </section>
  </xsl:template>

  <!-- A paragraph, with xml:lang when it fell back. -->
  <xsl:template match="b:p">
    <para>
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </para>
  </xsl:template>

  <!-- A list: itemizedlist (bullet) or orderedlist (ordered), one para per item. -->
  <xsl:template match="b:list">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@type = 'ordered'">orderedlist</xsl:when>
        <xsl:otherwise>itemizedlist</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
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
    </xsl:element>
  </xsl:template>

  <!-- A participant's quotation: blockquote, attributed to the municipality and
       oblast when it names one (converters add the dash). -->
  <xsl:template match="b:quote">
    <blockquote>
      <xsl:if test="@municipality">
        <attribution>
          <xsl:apply-templates select="key('by-id', @municipality)" mode="place"/>
        </attribution>
      </xsl:if>
      <xsl:apply-templates select="b:p"/>
    </blockquote>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Inline markup                                                     -->
  <!-- ================================================================ -->

  <xsl:template match="b:em" mode="inline">
    <emphasis>
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </emphasis>
  </xsl:template>

  <xsl:template match="b:strong" mode="inline">
    <emphasis role="strong">
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </emphasis>
  </xsl:template>

  <xsl:template match="b:a" mode="inline">
    <link xlink:href="{@href}">
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </link>
  </xsl:template>

  <!-- A term: foreignphrase when it is marked as another language, otherwise
       emphasis role="term" (italic in pandoc and the DocBook stylesheets alike). -->
  <xsl:template match="b:term" mode="inline">
    <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="@xml:lang and @xml:lang != $outer">
        <foreignphrase xml:lang="{@xml:lang}"><xsl:apply-templates mode="inline"/></foreignphrase>
      </xsl:when>
      <xsl:otherwise>
        <emphasis role="term"><xsl:apply-templates mode="inline"/></emphasis>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A citation: with text, a link to the bibliography entry; empty, an xref
       to it (shown as the entry's xreflabel, "[2]"). -->
  <xsl:template match="b:cite" mode="inline">
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <link linkend="{@ref}">
          <xsl:call-template name="inline-lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </link>
      </xsl:when>
      <xsl:otherwise>
        <xref linkend="{@ref}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
