<?xml version="1.0" encoding="UTF-8"?>
<!-- bg:splice: each marker (U+E000, U+E001) is replaced, at its first place, by a
     copy of its content, whichever comes first in the text; content may be a
     result tree fragment, a node-set or a string. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="lang"/>
  <xsl:param name="langs"/>
  <xsl:param name="basename"/>
  <xsl:variable name="m0" select="'&#xE000;'"/>
  <xsl:variable name="m1" select="'&#xE001;'"/>
  <xsl:variable name="a"><b>A</b> and <i>a</i></xsl:variable>
  <xsl:variable name="z"><em>Z</em></xsl:variable>
  <xsl:template match="/">
    <html><body>
      <p id="in-order"><xsl:copy-of select="bg:splice(concat('1 ', $m0, ' 2 ', $m1, ' 3'), $a, $z)"/></p>
      <p id="reversed"><xsl:copy-of select="bg:splice(concat($m1, ' before ', $m0), $a, $z)"/></p>
      <p id="second-only"><xsl:copy-of select="bg:splice(concat('x ', $m1, ' y'), $a, $z)"/></p>
      <p id="none"><xsl:copy-of select="bg:splice('plain', $a, $z)"/></p>
      <p id="one-argument"><xsl:copy-of select="bg:splice(concat('[', $m0, ']'))"/></p>
      <p id="string"><xsl:copy-of select="bg:splice(concat('[', $m0, ']'), 'text &lt;b&gt;')"/></p>
      <p id="node-set"><xsl:copy-of select="bg:splice(concat('title: ', $m0), /b:brief/b:meta/b:title[1])"/></p>
      <p id="repeated"><xsl:value-of select="string-length(bg:splice(concat($m0, $m0), 'x'))"/></p>
    </body></html>
  </xsl:template>
</xsl:stylesheet>
