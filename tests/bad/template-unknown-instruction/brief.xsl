<?xml version="1.0" encoding="UTF-8"?>
<!-- An override with a misspelt instruction (xsl:foreach for xsl:for-each). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body>
      <xsl:foreach select="//b:finding">
        <p><xsl:value-of select="@id"/></p>
      </xsl:foreach>
    </body></html>
  </xsl:template>
</xsl:stylesheet>
