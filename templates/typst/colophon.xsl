<?xml version="1.0" encoding="UTF-8"?>
<!--
  The colophon at the end, in smaller sans-serif type, in two columns: on the left
  the authors with their roles
  and organisations, the contributors, acknowledgements and funding, the
  disclaimer; on the right the suggested citation (bg:citation, in the style of the
  language),
  the publication details (licence, publisher, DOI, ISBN, contact), and the series
  with the date.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template name="colophon">
    <xsl:variable name="meta" select="b:meta"/>
    <xsl:variable name="contributors" select="$meta/b:person[@credit = 'contributor']"/>
    <xsl:text>&#10;#block(above: 2em, width: 100%, stroke: (top: 0.6pt + rule), inset: (top: 4pt))[
#set text(font: sans, size: 8.5pt)
#set par(justify: false, leading: 0.5em, spacing: 0.6em)
#show heading: set text(size: 9.5pt)
#show heading: set block(above: 1.3em, below: 0.5em)
#grid(columns: (1fr, 1fr), column-gutter: 1.8em)[
</xsl:text>
    <xsl:if test="$authors">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="key" select="'heading.authors'"/>
      </xsl:call-template>
      <xsl:for-each select="$authors">
        <xsl:call-template name="marker"/>
        <xsl:text>- #strong[</xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
        <xsl:text>]</xsl:text>
        <xsl:call-template name="fallback-mark">
          <xsl:with-param name="node" select="b:name"/>
          <xsl:with-param name="how" select="'tag'"/>
        </xsl:call-template>
        <xsl:call-template name="person-details">
          <xsl:with-param name="org" select="$meta/b:org[@id = current()/@org]"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$contributors">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:typst(bg:msg('contributors', $marker))"/>
        <xsl:with-param name="content">
          <xsl:call-template name="typst-splice-list">
            <xsl:with-param name="joined" select="bg:list($contributors/b:name)"/>
            <xsl:with-param name="items" select="$contributors/b:name"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$meta/b:org[@href]">
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="$meta/b:org[@href]">
        <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
        <xsl:apply-templates select="." mode="org-name"/>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each select="$meta/b:funding">
      <xsl:call-template name="marker"/>
      <xsl:call-template name="part-heading">
        <xsl:with-param name="key" select="'heading.funding'"/>
      </xsl:call-template>
      <xsl:apply-templates select="b:p"/>
    </xsl:for-each>
    <xsl:for-each select="$meta/b:disclaimer">
      <xsl:call-template name="marker"/>
      <xsl:call-template name="part-heading">
        <xsl:with-param name="key" select="'heading.disclaimer'"/>
      </xsl:call-template>
      <xsl:apply-templates select="b:p"/>
    </xsl:for-each>
    <xsl:text>&#10;][&#10;</xsl:text>
    <xsl:call-template name="part-heading">
      <xsl:with-param name="key" select="'heading.citation'"/>
    </xsl:call-template>
    <xsl:text>#block(width: 100%, fill: tint, stroke: (left: 2pt + accent), inset: (x: 10pt, y: 7pt), breakable: false, text(font: serif, size: 9.5pt)[</xsl:text>
    <xsl:call-template name="citation"/>
    <xsl:text>])&#10;</xsl:text>
    <xsl:if test="$meta/b:publisher or $meta/b:license or $meta/b:doi or $meta/b:isbn or $meta/b:contact">
      <xsl:call-template name="part-heading">
        <xsl:with-param name="key" select="'heading.publication'"/>
      </xsl:call-template>
      <xsl:apply-templates select="$meta/b:license" mode="colophon"/>
      <xsl:text>#grid(columns: (auto, 1fr), column-gutter: 1.2em, row-gutter: 0.55em,&#10;</xsl:text>
      <xsl:apply-templates select="$meta/b:publisher | $meta/b:doi | $meta/b:isbn | $meta/b:contact" mode="colophon"/>
      <xsl:text>)&#10;</xsl:text>
    </xsl:if>
    <xsl:text>#block(above: 1.4em, text(fill: muted)[</xsl:text>
    <xsl:if test="$meta/b:series">
      <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$meta/b:series"/></xsl:call-template>
      <xsl:text> · </xsl:text>
    </xsl:if>
    <xsl:value-of select="bg:typst(bg:date(@date))"/>
    <xsl:text>])&#10;]]&#10;</xsl:text>
  </xsl:template>

  <!-- After an author's name: ", role, organisation", either alone, or nothing. -->
  <xsl:template name="person-details">
    <xsl:param name="org"/>
    <xsl:if test="b:role or $org">
      <xsl:text>#linebreak()#text(fill: muted)[</xsl:text>
      <xsl:choose>
        <xsl:when test="b:role and $org">
          <xsl:call-template name="message-with-markup">
            <xsl:with-param name="message" select="bg:typst(bg:msg('author.details', $marker, $marker2))"/>
            <xsl:with-param name="content">
              <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:role"/></xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="content2">
              <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$org/b:name"/></xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="b:role">
          <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:role"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="plain-text"><xsl:with-param name="node" select="$org/b:name"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>];</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The licence as a sentence with a link to its text. -->
  <xsl:template match="b:license" mode="colophon">
    <xsl:call-template name="marker"/>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst(bg:msg('license.text', $marker))"/>
      <xsl:with-param name="content">
        <xsl:text>#link(</xsl:text>
        <xsl:value-of select="bg:typst(normalize-space(@href), 'string')"/>
        <xsl:text>)[</xsl:text>
        <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
        <xsl:text>];</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- One row of the publication details: its label and its value. -->
  <xsl:template name="detail">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:text>  text(weight: "bold")[</xsl:text>
    <xsl:value-of select="bg:typst(bg:msg($key))"/>
    <xsl:text>], [</xsl:text>
    <xsl:copy-of select="$value"/>
    <xsl:text>],&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="b:publisher" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.publisher'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="b:place">
            <xsl:call-template name="message-with-markup">
              <xsl:with-param name="message" select="bg:typst(bg:msg('publisher.with-place', $marker, $marker2))"/>
              <xsl:with-param name="content">
                <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="content2">
                <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:place"/></xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="plain-text"><xsl:with-param name="node" select="b:name"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:doi" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.doi'"/>
      <xsl:with-param name="value">
        <xsl:text>#link(</xsl:text>
        <xsl:value-of select="bg:typst(concat('https://doi.org/', normalize-space(.)), 'string')"/>
        <xsl:text>);</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:isbn" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.isbn'"/>
      <xsl:with-param name="value" select="bg:typst(normalize-space(.))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:contact" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.contact'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="b:email">
          <xsl:text>#link(</xsl:text>
          <xsl:value-of select="bg:typst(concat('mailto:', normalize-space(.)), 'string')"/>
          <xsl:text>)[</xsl:text>
          <xsl:value-of select="bg:typst(normalize-space(.))"/>
          <xsl:text>];</xsl:text>
        </xsl:for-each>
        <xsl:if test="b:email and b:href"><xsl:text> · </xsl:text></xsl:if>
        <xsl:for-each select="b:href">
          <xsl:text>#link(</xsl:text>
          <xsl:value-of select="bg:typst(normalize-space(.), 'string')"/>
          <xsl:text>);</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The suggested citation's parts (bg:citation): text escaped, the title in
       italics, a URL as a link. -->
  <xsl:template match="text()" mode="citation">
    <xsl:value-of select="bg:typst(.)"/>
  </xsl:template>

  <xsl:template match="em" mode="citation">
    <xsl:text>#emph[</xsl:text>
    <xsl:value-of select="bg:typst(.)"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <xsl:template match="link" mode="citation">
    <xsl:text>#link(</xsl:text>
    <xsl:value-of select="bg:typst(string(.), 'string')"/>
    <xsl:text>);</xsl:text>
  </xsl:template>

</xsl:stylesheet>
