<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables: a figure of kind table whose caption, above it, is led by the table's
  number; the header row repeated on every page the table runs onto (its cells are
  the table's header cells in the PDF's tags); numbers aligned right; the source
  under the table.  The table may break across pages; its rows do not.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:table">
    <xsl:variable name="table" select="."/>
    <xsl:variable name="columns" select="count((b:thead/b:row | b:tbody/b:row)[1]/b:cell)"/>
    <xsl:call-template name="marker"/>
    <xsl:text>#figure(kind: table, numbering: none,&#10;  caption: [</xsl:text>
    <xsl:call-template name="numbered-caption">
      <xsl:with-param name="label">
        <xsl:variable name="n"><xsl:call-template name="table-number"/></xsl:variable>
        <xsl:value-of select="bg:msg('table.number', number($n))"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>],&#10;  [#table(&#10;    columns: (auto</xsl:text>
    <xsl:for-each select="(b:thead/b:row | b:tbody/b:row)[1]/b:cell[position() &gt; 1]">
      <xsl:text>, auto</xsl:text>
    </xsl:for-each>
    <xsl:text>),&#10;    align: (</xsl:text>
    <xsl:for-each select="(b:thead/b:row | b:tbody/b:row)[1]/b:cell">
      <xsl:variable name="numeric">
        <xsl:call-template name="column-is-number">
          <xsl:with-param name="table" select="$table"/>
          <xsl:with-param name="column" select="position()"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$numeric = 1">right, </xsl:when>
        <xsl:otherwise>left, </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:text>),&#10;</xsl:text>
    <xsl:if test="b:thead/b:row">
      <xsl:text>    table.header(repeat: true,&#10;</xsl:text>
      <xsl:for-each select="b:thead/b:row">
        <xsl:text>     </xsl:text>
        <xsl:for-each select="b:cell">
          <xsl:text> [#strong[</xsl:text>
          <xsl:call-template name="in-lang">
            <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
          </xsl:call-template>
          <xsl:text>]],</xsl:text>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>      table.hline(stroke: 0.8pt + ink),&#10;    ),&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="b:tbody/b:row">
      <xsl:if test="position() &gt; 1">
        <xsl:text>    table.hline(stroke: 0.4pt + rule),&#10;</xsl:text>
      </xsl:if>
      <xsl:text>    </xsl:text>
      <xsl:for-each select="b:cell">
        <xsl:text>[</xsl:text>
        <xsl:call-template name="in-lang">
          <xsl:with-param name="content"><xsl:call-template name="cell-content"/></xsl:with-param>
        </xsl:call-template>
        <xsl:text>], </xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>  )</xsl:text>
    <xsl:apply-templates select="b:source"/>
    <xsl:text>])</xsl:text>
    <xsl:call-template name="label"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A cell's content: a number in the output language's format when the cell is
       marked type="number", else its text and inline markup. -->
  <xsl:template name="cell-content">
    <xsl:choose>
      <xsl:when test="@type = 'number'"><xsl:value-of select="bg:typst(bg:number(number(.)))"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A caption led by its label in bold: "Table 2. Votes by issue"
       (caption.numbered); the context is the table or figure. -->
  <xsl:template name="numbered-caption">
    <xsl:param name="label"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst(bg:msg('caption.numbered', $marker, $marker2))"/>
      <xsl:with-param name="content">
        <xsl:text>#strong[</xsl:text>
        <xsl:value-of select="bg:typst(string($label))"/>
        <xsl:text>];</xsl:text>
      </xsl:with-param>
      <xsl:with-param name="content2">
        <xsl:for-each select="b:caption">
          <xsl:call-template name="plain-text"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- one mark for the whole table or figure, not one per cell -->
    <xsl:call-template name="fallback-mark">
      <xsl:with-param name="node" select="b:caption | b:thead/b:row/b:cell | b:tbody/b:row/b:cell | b:source | b:alt"/>
      <xsl:with-param name="how" select="'tag'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The source of a table or figure: "Source: …", with its links. -->
  <xsl:template match="b:source">
    <xsl:text>&#10;#source-line[</xsl:text>
    <xsl:call-template name="in-lang">
      <xsl:with-param name="content">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:typst(bg:msg('source', $marker))"/>
          <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>]</xsl:text>
  </xsl:template>

</xsl:stylesheet>
