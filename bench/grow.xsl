<?xml version="1.0" encoding="UTF-8"?>
<!-- Make a synthetic brief of a chosen size from the sample, for `make bench`.

     copies=N   repeat the municipalities, findings, cases and recommendations N times
                (ids get a suffix -K, references follow them), both languages kept
     copies=0   a small brief: the first half of the findings, cases and
                recommendations, the first section only

     xsltproc -stringparam copies 12 bench/grow.xsl samples/wartime-participation.xml -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:b="urn:briefgen:brief:1"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str">

  <xsl:param name="copies" select="1"/>

  <xsl:template match="@* | node()">
    <xsl:param name="k"/>
    <xsl:copy>
      <xsl:apply-templates select="@* | node()">
        <xsl:with-param name="k" select="$k"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <!-- The lists that grow. -->
  <xsl:template match="b:brief/b:section[preceding-sibling::b:section]">
    <xsl:if test="$copies != 0">
      <xsl:copy-of select="."/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="b:municipalities | b:findings | b:cases | b:recommendations">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:choose>
        <xsl:when test="$copies = 0 and self::b:municipalities">
          <xsl:apply-templates select="*">
            <xsl:with-param name="k" select="''"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:when test="$copies = 0">
          <xsl:variable name="half" select="ceiling(count(*) div 2)"/>
          <xsl:apply-templates select="*[position() &lt;= $half]">
            <xsl:with-param name="k" select="''"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <!-- Every copy's networks first: <municipalities> holds them before the
               municipalities. -->
          <xsl:call-template name="repeat">
            <xsl:with-param name="n" select="$copies"/>
            <xsl:with-param name="items" select="b:network"/>
          </xsl:call-template>
          <xsl:call-template name="repeat">
            <xsl:with-param name="n" select="$copies"/>
            <xsl:with-param name="items" select="*[not(self::b:network)]"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:copy>
  </xsl:template>

  <!-- Copy `items` (children of the current list) n times, copy K suffixing ids with -K. -->
  <xsl:template name="repeat">
    <xsl:param name="n"/>
    <xsl:param name="items"/>
    <xsl:param name="k" select="1"/>
    <xsl:if test="$k &lt;= $n">
      <xsl:apply-templates select="$items">
        <xsl:with-param name="k" select="concat('-', $k)"/>
      </xsl:apply-templates>
      <xsl:call-template name="repeat">
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="items" select="$items"/>
        <xsl:with-param name="k" select="$k + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Ids and the references to copied elements take the copy's suffix. -->
  <xsl:template match="b:municipality/@id | b:network/@id | b:municipality/@network | b:finding/@id | b:case/@id | b:recommendation/@id
                       | b:case/@municipality | b:quote/@municipality">
    <xsl:param name="k"/>
    <xsl:attribute name="{name()}">
      <xsl:value-of select="concat(., $k)"/>
    </xsl:attribute>
  </xsl:template>

  <!-- A quote outside the copied lists keeps pointing at the first copy. -->
  <xsl:template match="b:section//b:quote/@municipality">
    <xsl:attribute name="municipality">
      <xsl:value-of select="concat(., substring('-1', 1, 2 * number($copies != 0)))"/>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="b:recommendation/@findings">
    <xsl:param name="k"/>
    <xsl:variable name="self" select="."/>
    <xsl:attribute name="findings">
      <xsl:for-each select="str:tokenize(., ' ')">
        <!-- In the small brief only the first half of the findings exists. -->
        <xsl:variable name="id" select="string(.)"/>
        <xsl:if test="$copies != 0 or count($self/ancestor::b:brief/b:findings/b:finding[@id = $id]/preceding-sibling::b:finding) &lt; ceiling(count($self/ancestor::b:brief/b:findings/b:finding) div 2)">
          <xsl:if test="position() > 1">
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:value-of select="concat(., $k)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
