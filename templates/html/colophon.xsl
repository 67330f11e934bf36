<?xml version="1.0" encoding="UTF-8"?>
<!--
  The footer, the brief's colophon: the authors with their roles and organisations,
  the contributors, the organisations' sites, acknowledgements and funding, the
  disclaimer, the suggested citation (bg:citation, in the style of the language),
  the publication details (publisher, licence, DOI, ISBN, contact), and the series
  with the date.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <xsl:template name="footer">
    <xsl:variable name="meta" select="b:meta"/>
    <xsl:variable name="authors" select="$meta/b:person[not(@credit = 'contributor')]"/>
    <xsl:variable name="contributors" select="$meta/b:person[@credit = 'contributor']"/>
    <footer class="colophon">
      <xsl:if test="$authors">
        <xsl:call-template name="colophon-heading">
          <xsl:with-param name="key" select="'heading.authors'"/>
        </xsl:call-template>
        <ul class="authors">
          <xsl:for-each select="$authors">
            <li>
              <xsl:call-template name="fallback-mark">
                <xsl:with-param name="node" select="b:name"/>
              </xsl:call-template>
              <strong>
                <xsl:call-template name="lang-attr">
                  <xsl:with-param name="node" select="b:name"/>
                </xsl:call-template>
                <xsl:value-of select="normalize-space(b:name)"/>
              </strong>
              <xsl:call-template name="person-details">
                <xsl:with-param name="org" select="$meta/b:org[@id = current()/@org]"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$contributors">
        <p class="contributors">
          <xsl:call-template name="message-with-markup">
            <xsl:with-param name="message" select="bg:msg('contributors', $marker)"/>
            <xsl:with-param name="content">
              <xsl:call-template name="splice-list">
                <xsl:with-param name="joined" select="bg:list($contributors/b:name)"/>
                <xsl:with-param name="items" select="$contributors/b:name"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:if test="$meta/b:org[@href]">
        <ul class="orgs">
          <xsl:for-each select="$meta/b:org[@href]">
            <li>
              <a href="{@href}">
                <xsl:call-template name="lang-attr">
                  <xsl:with-param name="node" select="b:name"/>
                </xsl:call-template>
                <xsl:value-of select="normalize-space(b:name)"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:for-each select="$meta/b:funding">
        <section class="funding">
          <xsl:call-template name="colophon-heading">
            <xsl:with-param name="key" select="'heading.funding'"/>
          </xsl:call-template>
          <xsl:apply-templates select="b:p"/>
        </section>
      </xsl:for-each>
      <xsl:for-each select="$meta/b:disclaimer">
        <section class="disclaimer">
          <xsl:call-template name="colophon-heading">
            <xsl:with-param name="key" select="'heading.disclaimer'"/>
          </xsl:call-template>
          <xsl:apply-templates select="b:p"/>
        </section>
      </xsl:for-each>
      <section class="citation">
        <xsl:call-template name="colophon-heading">
          <xsl:with-param name="key" select="'heading.citation'"/>
        </xsl:call-template>
        <p class="citation-text"><xsl:call-template name="citation"/></p>
        <xsl:if test="contains(concat(' ', $formats, ' '), ' cite ')">
          <p class="citation-files">
            <xsl:call-template name="message-with-markup">
              <xsl:with-param name="message" select="bg:msg('citation.download', $marker)"/>
              <xsl:with-param name="content">
                <a href="{$basename}.ris" type="application/x-research-info-systems">RIS</a>
                <xsl:text> · </xsl:text>
                <a href="{$basename}.bib" type="application/x-bibtex">BibTeX</a>
                <xsl:text> · </xsl:text>
                <a href="{$basename}.csl.json" type="application/vnd.citationstyles.csl+json">CSL JSON</a>
              </xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:if>
      </section>
      <xsl:if test="$meta/b:publisher or $meta/b:license or $meta/b:doi or $meta/b:isbn or $meta/b:contact">
        <section class="publication">
          <xsl:call-template name="colophon-heading">
            <xsl:with-param name="key" select="'heading.publication'"/>
          </xsl:call-template>
          <xsl:apply-templates select="$meta/b:license" mode="colophon"/>
          <dl>
            <xsl:apply-templates select="$meta/b:publisher | $meta/b:doi | $meta/b:isbn | $meta/b:contact"
                mode="colophon"/>
          </dl>
        </section>
      </xsl:if>
      <p class="imprint">
        <xsl:if test="$meta/b:series">
          <span>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="node" select="$meta/b:series"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space($meta/b:series)"/>
          </span>
          <xsl:text> · </xsl:text>
        </xsl:if>
        <time datetime="{@date}"><xsl:value-of select="bg:date(@date)"/></time>
      </p>
    </footer>
  </xsl:template>

  <!-- An h2 of the colophon, with the slug of its words as id. -->
  <xsl:template name="colophon-heading">
    <xsl:param name="key"/>
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </xsl:variable>
    <h2 id="{$id}"><xsl:value-of select="bg:msg($key)"/></h2>
  </xsl:template>

  <!-- Under an author's name: "role, organisation", either alone, or nothing. -->
  <xsl:template name="person-details">
    <xsl:param name="org"/>
    <xsl:if test="b:role or $org">
      <span class="details">
        <xsl:choose>
          <xsl:when test="b:role and $org">
            <xsl:call-template name="message-with-markup">
              <xsl:with-param name="message" select="bg:msg('author.details', $marker, $marker2)"/>
              <xsl:with-param name="content">
                <xsl:apply-templates select="b:role" mode="inline-text"/>
              </xsl:with-param>
              <xsl:with-param name="content2">
                <xsl:apply-templates select="$org/b:name" mode="inline-text"/>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="b:role">
            <xsl:apply-templates select="b:role" mode="inline-text"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$org/b:name" mode="inline-text"/>
          </xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A plain translatable text (role, name) as a span, marked with its language when
       it fell back. -->
  <xsl:template match="*" mode="inline-text">
    <span>
      <xsl:call-template name="lang-attr"/>
      <xsl:value-of select="normalize-space(.)"/>
    </span>
  </xsl:template>

  <!-- The licence as a sentence with a link to its text. -->
  <xsl:template match="b:license" mode="colophon">
    <p class="license">
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:msg('license.text', $marker)"/>
        <xsl:with-param name="content">
          <a href="{@href}" rel="license">
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="node" select="b:name"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:name)"/>
          </a>
        </xsl:with-param>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template match="b:publisher" mode="colophon">
    <dt><xsl:value-of select="bg:msg('label.publisher')"/></dt>
    <dd>
      <xsl:choose>
        <xsl:when test="b:place">
          <xsl:call-template name="message-with-markup">
            <xsl:with-param name="message" select="bg:msg('publisher.with-place', $marker, $marker2)"/>
            <xsl:with-param name="content"><xsl:apply-templates select="b:name" mode="inline-text"/></xsl:with-param>
            <xsl:with-param name="content2"><xsl:apply-templates select="b:place" mode="inline-text"/></xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="b:name" mode="inline-text"/></xsl:otherwise>
      </xsl:choose>
    </dd>
  </xsl:template>

  <xsl:template match="b:doi" mode="colophon">
    <dt><xsl:value-of select="bg:msg('label.doi')"/></dt>
    <dd><a href="https://doi.org/{normalize-space(.)}">https://doi.org/<xsl:value-of select="normalize-space(.)"/></a></dd>
  </xsl:template>

  <xsl:template match="b:isbn" mode="colophon">
    <dt><xsl:value-of select="bg:msg('label.isbn')"/></dt>
    <dd><xsl:value-of select="normalize-space(.)"/></dd>
  </xsl:template>

  <xsl:template match="b:contact" mode="colophon">
    <dt><xsl:value-of select="bg:msg('label.contact')"/></dt>
    <dd>
      <xsl:for-each select="b:email">
        <a href="mailto:{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></a>
      </xsl:for-each>
      <xsl:if test="b:email and b:href"><xsl:text> · </xsl:text></xsl:if>
      <xsl:for-each select="b:href">
        <a href="{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></a>
      </xsl:for-each>
    </dd>
  </xsl:template>

  <!-- The suggested citation's parts (bg:citation): the title in italics, the DOI as
       a link. -->
  <xsl:template match="em" mode="citation">
    <i><xsl:value-of select="."/></i>
  </xsl:template>

  <xsl:template match="link" mode="citation">
    <a href="{.}"><xsl:value-of select="."/></a>
  </xsl:template>

</xsl:stylesheet>
