<?xml version="1.0" encoding="UTF-8"?>
<!--
  Figures: the image embedded in the page, so the file stays self-contained — an
  SVG inline (in the safe form bg:image gives: no script, no outside reference, its
  ids prefixed with the figure's id), a PNG as a data: URI — then the caption led by
  the figure's number, and the source.  The alternative text names the image in the
  page's language (aria-label of the inline SVG, alt of the PNG).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:svg="http://www.w3.org/2000/svg"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg svg">

  <xsl:template match="b:figure">
    <xsl:variable name="image" select="bg:image(@src, concat(@id, '-'))"/>
    <xsl:variable name="alt" select="normalize-space(b:alt)"/>
    <figure class="figure" id="{@id}">
      <div class="figure-image">
        <xsl:choose>
          <xsl:when test="$image/self::svg:svg">
            <xsl:apply-templates select="$image" mode="svg-root">
              <xsl:with-param name="alt" select="$alt"/>
              <xsl:with-param name="alt-lang" select="b:alt"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <img src="{$image/@uri}" width="{$image/@width}" height="{$image/@height}" alt="{$alt}">
              <xsl:call-template name="lang-attr">
                <xsl:with-param name="node" select="b:alt"/>
              </xsl:call-template>
            </img>
          </xsl:otherwise>
        </xsl:choose>
      </div>
      <figcaption>
        <xsl:call-template name="numbered-caption">
          <xsl:with-param name="label">
            <xsl:variable name="n"><xsl:call-template name="figure-number"/></xsl:variable>
            <xsl:value-of select="bg:msg('figure.number', number($n))"/>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="b:source"/>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- The <svg> of a figure: an image named by the figure's alternative text (its
       own title and description, in whatever language the file has them, give way to
       it). -->
  <xsl:template match="svg:svg" mode="svg-root">
    <xsl:param name="alt"/>
    <xsl:param name="alt-lang"/>
    <xsl:copy>
      <xsl:copy-of select="@*[not(local-name() = 'role' or starts-with(local-name(), 'aria-'))]"/>
      <xsl:attribute name="role">img</xsl:attribute>
      <xsl:attribute name="aria-label"><xsl:value-of select="$alt"/></xsl:attribute>
      <xsl:call-template name="lang-attr">
        <xsl:with-param name="node" select="$alt-lang"/>
      </xsl:call-template>
      <xsl:copy-of select="node()[not(self::svg:title or self::svg:desc)]"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
