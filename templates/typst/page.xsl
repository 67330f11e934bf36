<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document: its metadata (title, authors, keywords, description, date), the A4
  page with the running head from page 2 and the footer "2 / 9", the type (PT Serif
  for text, PT Sans for headings, captions, boxes, tables), and the functions the
  parts call (boxes, labels, quotes, references).  The order of the parts, and the
  helpers every part uses: the source-line marker, the language of fallback text.

  Only this file and the parts write Typst code; every text in it comes through
  bg:typst (markup, or 'string' for a string literal).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The whole document. -->
  <xsl:template match="b:brief">
    <xsl:call-template name="document-metadata"/>
    <xsl:call-template name="preamble"/>
    <xsl:apply-templates select="b:meta" mode="masthead"/>
    <xsl:apply-templates select="b:key-messages"/>
    <xsl:apply-templates select="b:summary"/>
    <xsl:apply-templates select="b:section | b:municipalities | b:findings | b:cases | b:recommendations"/>
    <xsl:apply-templates select="b:references"/>
    <xsl:call-template name="colophon"/>
  </xsl:template>

  <!-- #set document: the whole title, the authors, the keywords, the first
       paragraph of the summary (else the subtitle) as the description, and the
       brief's date as the document's date. -->
  <xsl:template name="document-metadata">
    <xsl:variable name="meta" select="b:meta"/>
    <xsl:text>// brief:</xsl:text>
    <xsl:value-of select="bg:line(.)"/>
    <xsl:text>&#10;#set document(&#10;  title: </xsl:text>
    <xsl:value-of select="bg:typst(normalize-space($meta/b:title), 'string')"/>
    <xsl:text>,&#10;  author: (</xsl:text>
    <xsl:for-each select="$meta/b:person[not(@credit = 'contributor')]/b:name">
      <xsl:value-of select="bg:typst(normalize-space(.), 'string')"/>
      <xsl:text>, </xsl:text>
    </xsl:for-each>
    <xsl:text>),&#10;  keywords: (</xsl:text>
    <xsl:for-each select="$meta/b:keywords/b:keyword">
      <xsl:value-of select="bg:typst(normalize-space(.), 'string')"/>
      <xsl:text>, </xsl:text>
    </xsl:for-each>
    <xsl:text>),&#10;</xsl:text>
    <xsl:variable name="description">
      <xsl:choose>
        <xsl:when test="b:summary/b:p">
          <xsl:apply-templates select="b:summary/b:p[1]" mode="plain"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$meta/b:subtitle"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="normalize-space($description) != ''">
      <xsl:text>  description: </xsl:text>
      <xsl:value-of select="bg:typst(normalize-space($description), 'string')"/>
      <xsl:text>,&#10;</xsl:text>
    </xsl:if>
    <xsl:text>  date: datetime(year: </xsl:text>
    <xsl:value-of select="number(substring(@date, 1, 4))"/>
    <xsl:text>, month: </xsl:text>
    <xsl:value-of select="number(substring(@date, 6, 2))"/>
    <xsl:text>, day: </xsl:text>
    <xsl:value-of select="number(substring(@date, 9, 2))"/>
    <xsl:text>),&#10;)&#10;</xsl:text>
  </xsl:template>

  <!-- The page, the type and the functions of the parts.  Colours are the HTML's. -->
  <xsl:template name="preamble">
    <xsl:text>#let ink = rgb("#1c232b")
#let muted = rgb("#56606b")
#let rule = rgb("#d5dbe1")
#let accent = rgb("#0d4a82")
#let accent-soft = rgb("#eef3f8")
#let tint = rgb("#f6f7f8")
#let high = rgb("#b3422a")
#let medium = rgb("#a15c00")
#let low = rgb("#7d8a97")
#let green = rgb("#2f7d4f")
#let green-soft = rgb("#f1f6f2")
#let serif = "PT Serif"
#let sans = "PT Sans"
#let priority-high = high
#let priority-medium = medium
#let priority-low = low
#let priority-none = low
</xsl:text>
    <xsl:text>#let running-title = [</xsl:text>
    <xsl:variable name="short">
      <xsl:call-template name="shorten">
        <xsl:with-param name="text" select="(b:meta/b:short-title | b:meta/b:title[not(../b:short-title)])[1]"/>
        <xsl:with-param name="max" select="90"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="in-lang">
      <xsl:with-param name="node" select="(b:meta/b:short-title | b:meta/b:title[not(../b:short-title)])[1]"/>
      <xsl:with-param name="content" select="bg:typst($short)"/>
    </xsl:call-template>
    <xsl:text>]&#10;#let running-series = [</xsl:text>
    <xsl:if test="b:meta/b:series">
      <xsl:call-template name="in-lang">
        <xsl:with-param name="node" select="b:meta/b:series"/>
        <xsl:with-param name="content" select="bg:typst(normalize-space(b:meta/b:series))"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>]&#10;#let page-number = context [</xsl:text>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="bg:typst(bg:msg('page.number', $marker, $marker2))"/>
      <xsl:with-param name="content">#counter(page).display();</xsl:with-param>
      <xsl:with-param name="content2">#counter(page).final().first();</xsl:with-param>
    </xsl:call-template>
    <xsl:text>]&#10;</xsl:text>
    <xsl:text>#set page(
  paper: "a4",
  margin: (top: 21mm, bottom: 19mm, x: 19mm),
  header-ascent: 35%,
  footer-descent: 35%,
  header: context if here().page() > 1 {
    set text(font: sans, size: 7.5pt, fill: muted, hyphenate: false)
    grid(columns: (1fr, auto), column-gutter: 2em, align: (left + bottom, right + bottom),
      running-title, running-series)
    v(-3pt)
    line(length: 100%, stroke: 0.5pt + rule)
  },
  footer: {
    set text(font: sans, size: 7.5pt, fill: muted)
    align(center, page-number)
  },
)
#set text(font: serif, size: 10.5pt, fill: ink, </xsl:text>
    <xsl:call-template name="lang-args">
      <xsl:with-param name="code" select="$lang"/>
    </xsl:call-template>
    <xsl:text>, hyphenate: true)
#set par(justify: true, leading: 0.58em, spacing: 0.85em)
#set heading(numbering: none)
#show heading: set text(font: sans, fill: ink, hyphenate: false)
#show heading: set par(justify: false)
#show heading: set block(sticky: true, above: 1.4em, below: 0.65em)
#show heading.where(level: 1): set text(size: 14.5pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#show heading.where(level: 4): set text(size: 10pt)
#show title: set text(font: sans, size: 22pt, fill: ink, hyphenate: false)
#show title: set par(justify: false, leading: 0.45em)
#show title: set block(above: 0.6em, below: 0.8em)
#show link: set text(fill: accent)
#show footnote.entry: set text(size: 8.5pt)
#show footnote.entry: set par(justify: false)
#set footnote.entry(separator: line(length: 25%, stroke: 0.5pt + rule), clearance: 0.9em, gap: 0.45em)
#set list(indent: 0.3em, body-indent: 0.6em, marker: text(fill: accent)[•])
#set enum(indent: 0.3em, body-indent: 0.6em)
#set table(stroke: none, inset: (x: 5pt, y: 4pt))
#show table: set text(font: sans, size: 8.5pt)
#show table: set par(justify: false, leading: 0.5em)
#show figure: set block(breakable: false, above: 1.3em, below: 1.3em)
#show figure.where(kind: table): set block(breakable: true)
#show figure.where(kind: table): set align(left)
#show figure.caption: set text(font: sans, size: 8.5pt)
#show figure.caption: set par(justify: false)
#show figure.where(kind: table): set figure.caption(position: top)
#show figure.caption: it => align(left, it.body)
</xsl:text>
    <xsl:call-template name="quote-marks"/>
    <xsl:text>
// A small label in capitals: "INFO", "CHALLENGE", "HIGH PRIORITY".
#let part-label(colour, body) = text(font: sans, size: 7.5pt, weight: "bold", tracking: 0.08em, fill: colour, upper(body))
// A box (sidebar) of the kind background, case or quote; never split.
#let side-box(colour, fill, label, body) = block(breakable: false, width: 100%, fill: fill,
  stroke: (left: 3pt + colour), inset: (left: 12pt, right: 12pt, top: 8pt, bottom: 9pt), above: 1.2em, below: 1.2em, {
  set text(font: sans, size: 9.5pt)
  set par(justify: false, leading: 0.55em, spacing: 0.7em)
  show heading: set block(above: 0.4em, below: 0.5em)
  show heading: set text(size: 10.5pt)
  if label != none { part-label(colour, label); v(0pt) }
  body
})
// A participant's words: the language's quotation marks, and who said it.
#let participant-quote(attribution, body) = block(breakable: false, width: 100%, above: 1.1em, below: 1.1em,
  stroke: (left: 2pt + medium), inset: (left: 12pt, y: 3pt), {
  set text(style: "italic", size: 10.5pt)
  set par(justify: false)
  quote(block: false, quotes: true, body)
  if attribution != none {
    v(0.35em)
    align(left, text(font: sans, style: "normal", size: 8.5pt, fill: muted, attribution))
  }
})
// The mark of a network's members in the list of municipalities (a shape: the
// fonts have no such glyph).
#let network-mark = box(baseline: -0.12em, circle(radius: 0.25em, fill: accent))
// The mark above a passage shown in another language for want of a translation:
// "In Ukrainian", small and muted, in the page's language.  A block of its own, kept
// with the passage: inside the paragraph it would take the paragraph's language tag
// (the PDF tags a paragraph with one language).
#let fallback-mark(label) = block(above: 0.7em, below: 0.3em, sticky: true,
  text(font: sans, size: 7pt, weight: "semibold", fill: muted, hyphenate: false, label))
// The same above a heading whose title fell back, the heading close under it: the
// mark is not in the heading, so neither in the outline nor in the bookmarks.
#let fallback-heading(label, body) = {
  block(below: 0.25em, sticky: true,
    text(font: sans, size: 7pt, weight: "semibold", fill: muted, hyphenate: false, label))
  { show heading: set block(above: 0em); body }
}
// The mark inline, after a caption or a count: one for a whole table or list.
#let fallback-tag(label) = box(text(font: sans, size: 7pt, weight: "semibold", fill: muted, hyphenate: false, label))
// The source line under a table or figure.
#let source-line(body) = align(left, block(above: 0.5em, below: 0em, text(font: sans, size: 8pt, fill: muted, body)))
// A numbered reference: its number and its text.
#let reference(number, body) = block(above: 0.55em, below: 0.55em, breakable: false,
  grid(columns: (2.2em, 1fr), column-gutter: 0.3em, text(font: sans, size: 9pt, fill: muted, number),
    { set par(justify: false); set text(size: 9.5pt); body }))
// A fact under a recommendation: addressee, votes, the findings it answers.
#let facts(..items) = block(above: 0.6em, below: 0em, {
  set text(font: sans, size: 8.5pt, fill: muted)
  items.pos().join(h(0.7em) + text(fill: rule)[|] + h(0.7em))
})
</xsl:text>
  </xsl:template>

  <!-- #set smartquote for a block quote: the marks the HTML's style sheet gives
       each language (Typst's own for another). -->
  <xsl:template name="quote-marks">
    <xsl:choose>
      <xsl:when test="$lang = 'uk'">#set smartquote(quotes: (double: ("«", "»"), single: ("„", "“")))&#10;</xsl:when>
      <xsl:when test="$lang = 'en'">#set smartquote(quotes: (double: ("“", "”"), single: ("‘", "’")))&#10;</xsl:when>
      <xsl:when test="$lang = 'pl'">#set smartquote(quotes: (double: ("„", "”"), single: ("«", "»")))&#10;</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Helpers of every part                                             -->
  <!-- ================================================================ -->

  <!-- A line "// brief:LINE" before the block made from $node: the line of its
       element in the brief, so that an error at a line of the .typ can be told at
       the brief's.  Nothing for a node without a line. -->
  <xsl:template name="marker">
    <xsl:param name="node" select="."/>
    <xsl:variable name="line" select="bg:line($node)"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:if test="$line &gt; 0">
      <xsl:text>// brief:</xsl:text>
      <xsl:value-of select="$line"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The arguments of text() for the language tag $code: lang: "uk", and
       region: "GB" when the tag has one ("en-GB"). -->
  <xsl:template name="lang-args">
    <xsl:param name="code"/>
    <xsl:variable name="tag" select="translate($code, '_', '-')"/>
    <xsl:variable name="primary">
      <xsl:choose>
        <xsl:when test="contains($tag, '-')"><xsl:value-of select="substring-before($tag, '-')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$tag"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="region" select="substring-after($tag, '-')"/>
    <xsl:text>lang: </xsl:text>
    <xsl:value-of select="bg:typst(translate($primary, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), 'string')"/>
    <xsl:if test="string-length($region) = 2">
      <xsl:text>, region: </xsl:text>
      <xsl:value-of select="bg:typst($region, 'string')"/>
    </xsl:if>
  </xsl:template>

  <!-- "#fallback-mark("In Ukrainian")" (fallback.mark) above a passage ($node: a
       paragraph, a list item) shown in another language for want of a translation;
       nothing for one in the page's language.  $node may be a set (a table's
       caption and cells, a list of names): one mark for all, naming the language
       of the first that fell back.  $how: 'block' (above a passage), 'tag' (inline,
       after a caption or a count: " #fallback-tag(…)"), or 'heading' (the opening
       of "#fallback-heading(…, [", which the caller closes with "])"). -->
  <xsl:template name="fallback-mark">
    <xsl:param name="node" select="."/>
    <xsl:param name="how" select="'block'"/>
    <xsl:variable name="fallen" select="$node[@xml:lang and @xml:lang != $lang][1]"/>
    <xsl:if test="$fallen">
      <xsl:variable name="code" select="string($fallen/@xml:lang)"/>
      <xsl:choose>
        <xsl:when test="$how = 'tag'"> #fallback-tag(</xsl:when>
        <xsl:when test="$how = 'heading'">#fallback-heading(</xsl:when>
        <xsl:otherwise>#fallback-mark(</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="bg:typst(bg:msg('fallback.mark', $code, bg:autonym($code)), 'string')"/>
      <xsl:choose>
        <xsl:when test="$how = 'heading'">, [</xsl:when>
        <xsl:otherwise>);</xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A heading (as the heading template makes it) whose title $node may have
       fallen back: then under its mark (fallback-heading). -->
  <xsl:template name="marked-heading">
    <xsl:param name="node" select="b:title"/>
    <xsl:param name="level" select="1"/>
    <xsl:param name="content"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="outlined" select="true()"/>
    <xsl:call-template name="fallback-mark">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="how" select="'heading'"/>
    </xsl:call-template>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="outlined" select="$outlined"/>
    </xsl:call-template>
    <xsl:if test="$node[@xml:lang and @xml:lang != $lang]">
      <xsl:text>])&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- $content (Typst markup) as it is, or inside #text(lang: …)[…] when $node's
       language is not the output language: text that fell back to the source
       language is hyphenated, and tagged, as its own. -->
  <xsl:template name="in-lang">
    <xsl:param name="node" select="."/>
    <xsl:param name="content"/>
    <xsl:choose>
      <xsl:when test="$node/@xml:lang and $node/@xml:lang != $lang">
        <xsl:call-template name="lang-open">
          <xsl:with-param name="code" select="$node/@xml:lang"/>
        </xsl:call-template>
        <xsl:copy-of select="$content"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="lang-open">
    <xsl:param name="code"/>
    <xsl:text>#text(</xsl:text>
    <xsl:call-template name="lang-args">
      <xsl:with-param name="code" select="$code"/>
    </xsl:call-template>
    <xsl:text>)[</xsl:text>
  </xsl:template>

  <!-- The text of $node (a title, a name) as markup, white space made one, marked
       with its language when it fell back. -->
  <xsl:template name="plain-text">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="in-lang">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="content" select="bg:typst(normalize-space($node))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A heading of level $level (1 for the parts) with the text $content (markup),
       its label $id when given; in the outline and the PDF's bookmarks unless
       $outlined is false (a box's or a case part's title). -->
  <xsl:template name="heading">
    <xsl:param name="level" select="1"/>
    <xsl:param name="content"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="outlined" select="true()"/>
    <xsl:text>#heading(level: </xsl:text>
    <xsl:value-of select="(number($level) &gt; 6) * 6 + (number($level) &lt;= 6) * number($level)"/>
    <xsl:if test="not($outlined)">
      <xsl:text>, outlined: false, bookmarked: false</xsl:text>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:copy-of select="$content"/>
    <xsl:text>]</xsl:text>
    <xsl:if test="string($id) != ''">
      <xsl:text> #label(</xsl:text>
      <xsl:value-of select="bg:typst(string($id), 'string')"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A heading of a fixed part (summary, findings …): the message $key, labelled
       with its slug as the HTML's id is. -->
  <xsl:template name="part-heading">
    <xsl:param name="key"/>
    <xsl:param name="level" select="1"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="content" select="bg:typst(bg:msg($key))"/>
      <xsl:with-param name="id">
        <xsl:call-template name="part-id">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- common.xsl's splice-list for Typst: the list $joined (bg:list of the string
       values of $items) with each item replaced by what mode "list-item" makes of
       it, and the words between them (the language's commas and conjunctions, or
       an item not found) escaped, as every text is. -->
  <xsl:template name="typst-splice-list">
    <xsl:param name="joined"/>
    <xsl:param name="items"/>
    <xsl:param name="i" select="1"/>
    <xsl:variable name="item" select="$items[$i]"/>
    <xsl:variable name="text" select="normalize-space($item)"/>
    <xsl:choose>
      <xsl:when test="$i &gt; count($items)">
        <xsl:value-of select="bg:typst($joined)"/>
      </xsl:when>
      <xsl:when test="$text != '' and contains($joined, $text)">
        <xsl:value-of select="bg:typst(substring-before($joined, $text))"/>
        <xsl:apply-templates select="$item" mode="list-item"/>
        <xsl:call-template name="typst-splice-list">
          <xsl:with-param name="joined" select="substring-after($joined, $text)"/>
          <xsl:with-param name="items" select="$items"/>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="typst-splice-list">
          <xsl:with-param name="joined" select="$joined"/>
          <xsl:with-param name="items" select="$items"/>
          <xsl:with-param name="i" select="$i + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A label after the element just written: #label("id"). -->
  <xsl:template name="label">
    <xsl:param name="id" select="@id"/>
    <xsl:if test="string($id) != ''">
      <xsl:text> #label(</xsl:text>
      <xsl:value-of select="bg:typst(string($id), 'string')"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
