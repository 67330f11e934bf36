<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile override: includes a stylesheet from outside the template folders. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="@TMP@/elsewhere/secret.xsl"/>
  <xsl:output method="html"/>
  <xsl:template match="/">
    <html><body><p><xsl:call-template name="secret"/></p></body></html>
  </xsl:template>
</xsl:stylesheet>
