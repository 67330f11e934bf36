<?xml version="1.0" encoding="UTF-8"?>
<!-- An override whose transform fails. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:message terminate="yes">this template always fails</xsl:message>
  </xsl:template>
</xsl:stylesheet>
