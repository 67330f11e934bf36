<?xml version="1.0" encoding="UTF-8"?>
<!-- An override with an XPath syntax error in a select. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body>
      <p><xsl:value-of select="count(//b:finding[@id = ])"/></p>
    </body></html>
  </xsl:template>
</xsl:stylesheet>
