<?xml version="1.0" encoding="UTF-8"?>
<!--
  Free sections, the blocks that stand where a paragraph may (para, itemizedlist,
  orderedlist, blockquote) and inline markup with footnotes, for DocBook.  Inline
  templates pass on $notes: false where a paragraph is shown a second time (the
  abstract in info repeats the summary), so each footnote is written once.
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
    <xsl:param name="notes" select="true()"/>
    <para>
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline">
        <xsl:with-param name="notes" select="$notes"/>
      </xsl:apply-templates>
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
          <xsl:apply-templates select="id(@municipality)" mode="place"/>
        </attribution>
      </xsl:if>
      <xsl:apply-templates select="b:p"/>
    </blockquote>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Inline markup                                                     -->
  <!-- ================================================================ -->

  <xsl:template match="b:em" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <emphasis>
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates>
    </emphasis>
  </xsl:template>

  <xsl:template match="b:strong" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <emphasis role="strong">
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates>
    </emphasis>
  </xsl:template>

  <xsl:template match="b:a" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <link xlink:href="{@href}">
      <xsl:call-template name="inline-lang-attr">
        <xsl:with-param name="name" select="'xml:lang'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates>
    </link>
  </xsl:template>

  <!-- A term: foreignphrase when it is marked as another language, otherwise
       emphasis role="term" (italic in pandoc and the DocBook stylesheets alike). -->
  <xsl:template match="b:term" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="@xml:lang and @xml:lang != $outer">
        <foreignphrase xml:lang="{@xml:lang}"><xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates></foreignphrase>
      </xsl:when>
      <xsl:otherwise>
        <emphasis role="term"><xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates></emphasis>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A cross-reference: a <link> to the target with the number the target shows
       (or its label, form="full"; a section's title), common.xsl's xref-text.  Not
       an <xref>: a DocBook processor would make its own label ("Table 2" in the
       nominative, its own numbering), which may not be the brief's. -->
  <xsl:template match="b:xref" mode="inline">
    <link linkend="{@ref}"><xsl:call-template name="xref-text"/></link>
  </xsl:template>

  <!-- A citation: with text, a link to the bibliography entry; empty, an xref
       to it (shown as the entry's xreflabel, "[2]"). -->
  <xsl:template match="b:cite" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <link linkend="{@ref}">
          <xsl:call-template name="inline-lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"><xsl:with-param name="notes" select="$notes"/></xsl:apply-templates>
        </link>
      </xsl:when>
      <xsl:otherwise>
        <xref linkend="{@ref}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A footnote where it is written (DocBook processors number it); nothing when
       $notes is false. -->
  <xsl:template match="b:fn" mode="inline">
    <xsl:param name="notes" select="true()"/>
    <xsl:if test="$notes">
      <footnote>
        <para>
          <xsl:call-template name="inline-lang-attr">
            <xsl:with-param name="name" select="'xml:lang'"/>
          </xsl:call-template>
          <xsl:apply-templates mode="inline"/>
        </para>
      </footnote>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
