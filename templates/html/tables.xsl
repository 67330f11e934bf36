<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables: a caption led by the table's number, column headings (th scope="col"),
  the first cell of each body row as the row's heading (th scope="row"), numbers
  aligned right, and the source under the table.  The table scrolls sideways inside
  its frame on a narrow screen, so the page itself never does.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template match="b:table">
    <xsl:variable name="table" select="."/>
    <div class="table-block">
      <div class="table-wrap">
        <table id="{@id}">
          <caption>
            <xsl:call-template name="numbered-caption">
              <xsl:with-param name="label">
                <xsl:variable name="n"><xsl:call-template name="table-number"/></xsl:variable>
                <xsl:value-of select="bg:msg('table.number', number($n))"/>
              </xsl:with-param>
            </xsl:call-template>
          </caption>
          <xsl:if test="b:thead/b:row">
            <thead>
              <xsl:for-each select="b:thead/b:row">
                <tr>
                  <xsl:for-each select="b:cell">
                    <xsl:variable name="numeric">
                      <xsl:call-template name="column-is-number">
                        <xsl:with-param name="table" select="$table"/>
                        <xsl:with-param name="column" select="position()"/>
                      </xsl:call-template>
                    </xsl:variable>
                    <th scope="col">
                      <xsl:if test="$numeric = 1"><xsl:attribute name="class">n</xsl:attribute></xsl:if>
                      <xsl:call-template name="lang-attr"/>
                      <xsl:apply-templates mode="inline"/>
                    </th>
                  </xsl:for-each>
                </tr>
              </xsl:for-each>
            </thead>
          </xsl:if>
          <tbody>
            <xsl:for-each select="b:tbody/b:row">
              <tr>
                <xsl:for-each select="b:cell">
                  <xsl:variable name="name">
                    <xsl:choose>
                      <xsl:when test="position() = 1">th</xsl:when>
                      <xsl:otherwise>td</xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <xsl:variable name="numeric"><xsl:call-template name="cell-is-number"/></xsl:variable>
                  <xsl:element name="{$name}">
                    <xsl:if test="position() = 1"><xsl:attribute name="scope">row</xsl:attribute></xsl:if>
                    <xsl:if test="$numeric = 1"><xsl:attribute name="class">n</xsl:attribute></xsl:if>
                    <xsl:call-template name="lang-attr"/>
                    <xsl:call-template name="cell-content"/>
                  </xsl:element>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:apply-templates select="b:source"/>
    </div>
  </xsl:template>

  <!-- A cell's content: a number in the output language's format when the cell is
       marked type="number", else its text and inline markup. -->
  <xsl:template name="cell-content">
    <xsl:choose>
      <xsl:when test="@type = 'number'"><xsl:value-of select="bg:number(number(.))"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A caption led by its label in bold: "Table 2. Votes by issue" (caption.numbered);
       the context is the table or figure. -->
  <xsl:template name="numbered-caption">
    <xsl:param name="label"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:msg('caption.numbered', $marker, $marker2)"/>
      <xsl:with-param name="content"><strong class="label"><xsl:value-of select="$label"/></strong></xsl:with-param>
      <xsl:with-param name="content2">
        <xsl:for-each select="b:caption">
          <span>
            <xsl:call-template name="lang-attr"/>
            <xsl:value-of select="normalize-space(.)"/>
          </span>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- one mark for the whole table or figure, not one per cell -->
    <xsl:call-template name="fallback-mark">
      <xsl:with-param name="node" select="b:caption | b:thead/b:row/b:cell | b:tbody/b:row/b:cell | b:source | b:alt"/>
      <xsl:with-param name="after" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The source of a table or figure: "Source: …" (source), the text with its
       links. -->
  <xsl:template match="b:source">
    <p class="source">
      <xsl:call-template name="lang-attr"/>
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:msg('source', $marker)"/>
        <xsl:with-param name="content"><xsl:apply-templates mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </p>
  </xsl:template>

</xsl:stylesheet>
