<?xml version="1.0" encoding="UTF-8"?>
<!-- A hostile override: tries to write a file beside the outputs with exsl:document. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="html"/>
  <xsl:template match="/">
    <exsl:document href="@TMP@/pwned.txt" method="text">pwned</exsl:document>
    <html><body><p>page</p></body></html>
  </xsl:template>
</xsl:stylesheet>
