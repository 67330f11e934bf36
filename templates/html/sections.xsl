<?xml version="1.0" encoding="UTF-8"?>
<!--
  Free sections (nested to any depth), the blocks that stand where a paragraph may
  (p, list, quote) and the inline markup inside paragraphs.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- A free section: <section id> with a heading one level below its parent's (h2 at
       the top, never deeper than h6), then its blocks and subsections in order. -->
  <xsl:template match="b:section">
    <xsl:variable name="level" select="count(ancestor::b:section) + 2"/>
    <section>
      <xsl:attribute name="id">
        <xsl:call-template name="section-id"/>
      </xsl:attribute>
      <xsl:element name="h{($level &gt; 6) * 6 + ($level &lt;= 6) * $level}">
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:call-template name="fallback-mark">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </xsl:element>
      <xsl:apply-templates select="*[not(self::b:title)]"/>
    </section>
  </xsl:template>

  <!-- A paragraph, marked with its language when it fell back. -->
  <xsl:template match="b:p">
    <p>
      <xsl:call-template name="lang-attr"/>
      <xsl:call-template name="fallback-mark"/>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- A bullet list (ul) or numbered list (ol). -->
  <xsl:template match="b:list">
    <xsl:variable name="name">
      <xsl:choose>
        <xsl:when test="@type = 'ordered'">ol</xsl:when>
        <xsl:otherwise>ul</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$name}">
      <xsl:for-each select="b:item">
        <li>
          <xsl:call-template name="lang-attr"/>
          <xsl:call-template name="fallback-mark"/>
          <xsl:apply-templates mode="inline"/>
        </li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- A participant's quotation: a figure holding the blockquote (quotation marks
       come from CSS, «» or “” by language) and, when the quote names a municipality,
       a caption attributing it. -->
  <xsl:template match="b:quote">
    <figure class="quote">
      <blockquote>
        <xsl:apply-templates select="b:p"/>
      </blockquote>
      <xsl:if test="@municipality">
        <figcaption>
          <xsl:call-template name="quote-attribution"/>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <!-- The attribution of a quote: "Participant, Irpin (Kyiv Oblast)". -->
  <xsl:template name="quote-attribution">
    <xsl:variable name="m" select="id(@municipality)"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:msg('quote.attribution', $marker)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="$m" mode="place"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Inline markup                                                     -->
  <!-- ================================================================ -->

  <xsl:template match="b:em" mode="inline">
    <em><xsl:call-template name="inline-lang-attr"/><xsl:apply-templates mode="inline"/></em>
  </xsl:template>

  <xsl:template match="b:strong" mode="inline">
    <strong><xsl:call-template name="inline-lang-attr"/><xsl:apply-templates mode="inline"/></strong>
  </xsl:template>

  <xsl:template match="b:a" mode="inline">
    <a href="{@href}"><xsl:call-template name="inline-lang-attr"/><xsl:apply-templates mode="inline"/></a>
  </xsl:template>

  <!-- A term of art or a foreign word: <i class="term"> (HTML's element for it). -->
  <xsl:template match="b:term" mode="inline">
    <i class="term"><xsl:call-template name="inline-lang-attr"/><xsl:apply-templates mode="inline"/></i>
  </xsl:template>

  <!-- A cross-reference: a link to the target showing its number (or its label,
       form="full"; a section's title), common.xsl's xref-text. -->
  <xsl:template match="b:xref" mode="inline">
    <a class="xref" href="#{@ref}"><xsl:call-template name="xref-text"/></a>
  </xsl:template>

  <!-- A citation: its text, or when empty the reference's number ("[2]"), linked to
       the reference. -->
  <xsl:template match="b:cite" mode="inline">
    <xsl:variable name="ref" select="id(@ref)"/>
    <a class="cite" href="#{@ref}">
      <xsl:call-template name="inline-lang-attr"/>
      <xsl:choose>
        <xsl:when test="normalize-space(.) != ''">
          <xsl:apply-templates mode="inline"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="n">
            <xsl:call-template name="ref-number">
              <xsl:with-param name="node" select="$ref"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="bg:msg('cite.number', number($n))"/>
        </xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

</xsl:stylesheet>
