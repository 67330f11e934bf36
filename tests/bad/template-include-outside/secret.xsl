<?xml version="1.0" encoding="UTF-8"?>
<!-- A stylesheet outside the template folders, holding text it must not give away. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="secret">BRIEFGEN-SECRET-CANARY</xsl:template>
</xsl:stylesheet>
