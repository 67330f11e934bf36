<?xml version="1.0" encoding="UTF-8"?>
<!--
  Publication details for DocBook: in info the publisher, the DOI and ISBN as
  biblioid, the licence and the disclaimer as legal notices; after the bibliography
  the acknowledgements (funding) and a colophon with the suggested citation, the
  publication details and the disclaimer again, because converters such as pandoc
  show nothing of info but the title, authors and date.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- ================================================================ -->
  <!-- info                                                              -->
  <!-- ================================================================ -->

  <xsl:template match="b:publisher" mode="info">
    <publisher>
      <publishername>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="name" select="'xml:lang'"/>
          <xsl:with-param name="node" select="b:name"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:name)"/>
      </publishername>
      <xsl:for-each select="b:place">
        <address>
          <city>
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(.)"/>
          </city>
        </address>
      </xsl:for-each>
    </publisher>
  </xsl:template>

  <xsl:template match="b:doi | b:isbn" mode="info">
    <biblioid class="{local-name()}"><xsl:value-of select="normalize-space(.)"/></biblioid>
  </xsl:template>

  <xsl:template match="b:license" mode="info">
    <legalnotice role="license">
      <title><xsl:value-of select="bg:msg('label.license')"/></title>
      <xsl:apply-templates select="." mode="para"/>
    </legalnotice>
  </xsl:template>

  <xsl:template match="b:disclaimer" mode="info">
    <legalnotice role="disclaimer">
      <title><xsl:value-of select="bg:msg('heading.disclaimer')"/></title>
      <xsl:apply-templates select="b:p"/>
    </legalnotice>
  </xsl:template>

  <!-- The licence as a sentence with a link to its text. -->
  <xsl:template match="b:license" mode="para">
    <para>
      <xsl:call-template name="message-with-markup">
        <xsl:with-param name="message" select="bg:msg('license.text', $marker)"/>
        <xsl:with-param name="content">
          <link xlink:href="{@href}">
            <xsl:call-template name="lang-attr">
              <xsl:with-param name="name" select="'xml:lang'"/>
              <xsl:with-param name="node" select="b:name"/>
            </xsl:call-template>
            <xsl:value-of select="normalize-space(b:name)"/>
          </link>
        </xsl:with-param>
      </xsl:call-template>
    </para>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- After the bibliography                                            -->
  <!-- ================================================================ -->

  <!-- Acknowledgements and funding.  The heading is the run-in title of the first
       paragraph: pandoc drops the title of acknowledgements (and of colophon), not
       that of a formalpara. -->
  <xsl:template match="b:funding" mode="acknowledgements">
    <acknowledgements>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.funding'"/>
        </xsl:call-template>
      </xsl:attribute>
      <formalpara role="funding">
        <title><xsl:value-of select="bg:msg('heading.funding')"/></title>
        <xsl:apply-templates select="b:p[1]"/>
      </formalpara>
      <xsl:apply-templates select="b:p[position() &gt; 1]"/>
    </acknowledgements>
  </xsl:template>

  <!-- The colophon: the authors with their roles and organisations and the
       contributors (as the HTML's footer has them), the suggested citation, the publication details as a
       variablelist, the licence and the disclaimer. -->
  <xsl:template match="b:meta" mode="colophon">
    <colophon>
      <xsl:attribute name="xml:id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="'heading.publication'"/>
        </xsl:call-template>
      </xsl:attribute>
      <title><xsl:value-of select="bg:msg('heading.publication')"/></title>
      <xsl:call-template name="authors"/>
      <formalpara role="citation">
        <title><xsl:value-of select="bg:msg('heading.citation')"/></title>
        <para><xsl:call-template name="citation"/></para>
      </formalpara>
      <xsl:if test="b:publisher or b:doi or b:isbn or b:contact">
        <variablelist>
          <xsl:apply-templates select="b:publisher | b:doi | b:isbn | b:contact" mode="colophon"/>
        </variablelist>
      </xsl:if>
      <xsl:apply-templates select="b:license" mode="para"/>
      <xsl:for-each select="b:disclaimer">
        <formalpara role="disclaimer">
          <title><xsl:value-of select="bg:msg('heading.disclaimer')"/></title>
          <xsl:apply-templates select="b:p[1]"/>
        </formalpara>
        <xsl:apply-templates select="b:p[position() &gt; 1]"/>
      </xsl:for-each>
    </colophon>
  </xsl:template>

  <!-- The authors as a variablelist, each name with "role, organisation"
       (author.details), under a bridgehead; then the contributors in a sentence.
       pandoc 2.17 reduces info/author to the name (it drops affiliation, and runs
       contrib into the surname) and drops othercredit, so without these the docx
       named the authors only. -->
  <xsl:template name="authors">
    <xsl:variable name="authors" select="b:person[not(@credit = 'contributor')]"/>
    <xsl:variable name="contributors" select="b:person[@credit = 'contributor']"/>
    <xsl:if test="$authors">
      <bridgehead renderas="sect2"><xsl:value-of select="bg:msg('heading.authors')"/></bridgehead>
      <variablelist role="authors">
        <xsl:for-each select="$authors">
          <xsl:variable name="org" select="../b:org[@id = current()/@org]"/>
          <varlistentry>
            <term><xsl:apply-templates select="b:name" mode="text"/></term>
            <listitem>
              <para>
                <xsl:choose>
                  <xsl:when test="b:role and $org">
                    <xsl:call-template name="message-with-markup">
                      <xsl:with-param name="message" select="bg:msg('author.details', $marker, $marker2)"/>
                      <xsl:with-param name="content"><xsl:apply-templates select="b:role" mode="text"/></xsl:with-param>
                      <xsl:with-param name="content2"><xsl:apply-templates select="$org/b:name" mode="text"/></xsl:with-param>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="b:role | $org/b:name" mode="text"/></xsl:otherwise>
                </xsl:choose>
              </para>
            </listitem>
          </varlistentry>
        </xsl:for-each>
      </variablelist>
    </xsl:if>
    <xsl:if test="$contributors">
      <para role="contributors">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('contributors', $marker)"/>
          <xsl:with-param name="content">
            <xsl:call-template name="splice-list">
              <xsl:with-param name="joined" select="bg:list($contributors/b:name)"/>
              <xsl:with-param name="items" select="$contributors/b:name"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- A contributor's name in the contributors' sentence, with their role
       ("Iryna Melnyk (editor)", person.with-role). -->
  <xsl:template match="b:person/b:name" mode="list-item">
    <xsl:choose>
      <xsl:when test="../b:role">
        <xsl:call-template name="message-with-markup">
          <xsl:with-param name="message" select="bg:msg('person.with-role', $marker, $marker2)"/>
          <xsl:with-param name="content"><xsl:apply-templates select="." mode="text"/></xsl:with-param>
          <xsl:with-param name="content2"><xsl:apply-templates select="../b:role" mode="text"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A plain translatable text (name, role): a phrase marked with its language
       when it fell back, else the text. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="@xml:lang and @xml:lang != $lang">
        <phrase xml:lang="{@xml:lang}"><xsl:value-of select="normalize-space(.)"/></phrase>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One publication detail: its label as the term. -->
  <xsl:template name="detail">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <varlistentry>
      <term><xsl:value-of select="bg:msg($key)"/></term>
      <listitem><para><xsl:copy-of select="$value"/></para></listitem>
    </varlistentry>
  </xsl:template>

  <xsl:template match="b:publisher" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.publisher'"/>
      <xsl:with-param name="value">
        <xsl:choose>
          <xsl:when test="b:place">
            <xsl:value-of select="bg:msg('publisher.with-place', normalize-space(b:name), normalize-space(b:place))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(b:name)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:doi" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.doi'"/>
      <xsl:with-param name="value">
        <link xlink:href="https://doi.org/{normalize-space(.)}">https://doi.org/<xsl:value-of select="normalize-space(.)"/></link>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:isbn" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.isbn'"/>
      <xsl:with-param name="value" select="normalize-space(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="b:contact" mode="colophon">
    <xsl:call-template name="detail">
      <xsl:with-param name="key" select="'label.contact'"/>
      <xsl:with-param name="value">
        <xsl:for-each select="b:email">
          <email><xsl:value-of select="normalize-space(.)"/></email>
        </xsl:for-each>
        <xsl:if test="b:email and b:href"><xsl:text> · </xsl:text></xsl:if>
        <xsl:for-each select="b:href">
          <link xlink:href="{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></link>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The suggested citation's parts (bg:citation): the title in italics, the DOI as
       a link. -->
  <xsl:template match="em" mode="citation">
    <emphasis><xsl:value-of select="."/></emphasis>
  </xsl:template>

  <xsl:template match="link" mode="citation">
    <link xlink:href="{.}"><xsl:value-of select="."/></link>
  </xsl:template>

</xsl:stylesheet>
