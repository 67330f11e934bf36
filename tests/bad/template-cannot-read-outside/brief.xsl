<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile override: tries to read an XML file outside the template folders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body><p><xsl:value-of select="document('@TMP@/secret.xml')"/></p></body></html>
  </xsl:template>
</xsl:stylesheet>
