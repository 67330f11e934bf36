<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page shell: <html>, <head> with the inline style sheet, the landmarks (header,
  nav, main, footer), the links to the other language versions and the table of
  contents.  The footer is colophon.xsl's.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    extension-element-prefixes="bg"
    exclude-result-prefixes="b bg">

  <!-- The whole page. -->
  <xsl:template match="b:brief">
    <html lang="{$lang}">
      <head>
        <!-- libxslt's HTML serialiser always writes this encoding declaration; writing
             it here keeps it the only one (a <meta charset> beside it is an error) -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <!-- the whole title: it names the page in tabs, bookmarks, history and any
             PDF printed from it, where a title cut short ("…keep…") misleads; a
             browser that lacks room cuts it itself (html-validate's long-title rule
             is off for this reason) -->
        <title><xsl:value-of select="normalize-space(b:meta/b:title)"/></title>
        <xsl:if test="b:summary/b:p">
          <xsl:variable name="description">
            <xsl:apply-templates select="b:summary/b:p[1]" mode="plain"/>
          </xsl:variable>
          <meta name="description" content="{normalize-space($description)}"/>
        </xsl:if>
        <xsl:if test="b:meta/b:person[not(@credit = 'contributor')]/b:name">
          <meta name="author" content="{bg:list(b:meta/b:person[not(@credit = 'contributor')]/b:name)}"/>
        </xsl:if>
        <xsl:if test="b:meta/b:keywords/b:keyword">
          <meta name="keywords">
            <xsl:attribute name="content">
              <xsl:for-each select="b:meta/b:keywords/b:keyword">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </xsl:attribute>
          </meta>
        </xsl:if>
        <xsl:call-template name="head-meta"/>
        <style>
          <xsl:call-template name="css"/>
          <xsl:call-template name="page-css"/>
        </style>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:value-of select="bg:msg('nav.skip')"/></a>
        <xsl:apply-templates select="b:meta" mode="masthead"/>
        <main id="main">
          <xsl:apply-templates select="b:key-messages"/>
          <xsl:apply-templates select="b:summary"/>
          <xsl:call-template name="toc"/>
          <xsl:apply-templates select="b:section | b:municipalities | b:findings | b:cases
                                       | b:recommendations"/>
          <xsl:call-template name="notes"/>
          <xsl:apply-templates select="b:references"/>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- The language switch: a nav with a link to each other language version, labelled
       with the language's own name (bg:autonym) and marked with its language. -->
  <xsl:template name="language-switch">
    <xsl:if test="contains(normalize-space($langs), ' ')">
      <nav class="langs" aria-label="{bg:msg('nav.languages')}">
        <ul>
          <xsl:call-template name="each-other-language">
            <xsl:with-param name="what" select="'nav'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- For each language in $langs other than $lang: a list item with a link
       ($what 'nav'; the head's links are meta.xsl's).  $rest is the part of $langs
       still to do. -->
  <xsl:template name="each-other-language">
    <xsl:param name="what"/>
    <xsl:param name="rest" select="normalize-space($langs)"/>
    <xsl:variable name="code">
      <xsl:choose>
        <xsl:when test="contains($rest, ' ')"><xsl:value-of select="substring-before($rest, ' ')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$code != '' and $code != $lang">
      <xsl:variable name="href" select="concat($basename, '.', $code, '.html')"/>
      <li><a href="{$href}" hreflang="{$code}" lang="{$code}"><xsl:value-of select="bg:autonym($code)"/></a></li>
    </xsl:if>
    <xsl:if test="contains($rest, ' ')">
      <xsl:call-template name="each-other-language">
        <xsl:with-param name="what" select="$what"/>
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A small mark, "In Ukrainian" (fallback.mark), at the start of a passage
       ($node: a paragraph, a list item, a heading's title) shown in another
       language for want of a translation: lang= tells screen readers the
       language, this tells sighted readers.  The mark is in the page's language
       and is read once, as the passage's first words.  $node may be a set (a
       table's caption and cells, a list of names): one mark for all of them,
       naming the language of the first that fell back.  $after: the mark after
       the text (at a caption's end) rather than before it. -->
  <xsl:template name="fallback-mark">
    <xsl:param name="node" select="."/>
    <xsl:param name="after" select="false()"/>
    <xsl:variable name="fallen" select="$node[@xml:lang and @xml:lang != $lang][1]"/>
    <xsl:if test="$fallen">
      <xsl:variable name="code" select="string($fallen/@xml:lang)"/>
      <xsl:if test="$after"><xsl:text> </xsl:text></xsl:if>
      <span class="fallback-mark" lang="{$lang}">
        <xsl:value-of select="bg:msg('fallback.mark', $code, bg:autonym($code))"/>
      </span>
      <xsl:if test="not($after)"><xsl:text> </xsl:text></xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Table of contents                                                 -->
  <!-- ================================================================ -->

  <!-- The table of contents: a nav with a heading and a nested list of links to every
       part after the summary, free sections with their subsections, the notes. -->
  <xsl:template name="toc">
    <xsl:variable name="id">
      <xsl:call-template name="part-id">
        <xsl:with-param name="key" select="'heading.contents'"/>
      </xsl:call-template>
    </xsl:variable>
    <nav class="toc" aria-labelledby="{$id}">
      <h2 id="{$id}"><xsl:value-of select="bg:msg('heading.contents')"/></h2>
      <ol>
        <xsl:apply-templates mode="toc"
            select="b:section | b:municipalities | b:findings | b:cases | b:recommendations"/>
        <xsl:if test="$fn-count &gt; 0">
          <li>
            <a>
              <xsl:attribute name="href">
                <xsl:text>#</xsl:text>
                <xsl:call-template name="part-id">
                  <xsl:with-param name="key" select="'heading.notes'"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:value-of select="bg:msg('heading.notes')"/>
            </a>
          </li>
        </xsl:if>
        <xsl:apply-templates mode="toc" select="b:references"/>
      </ol>
    </nav>
  </xsl:template>

  <!-- A table-of-contents entry for a free section, with its subsections nested. -->
  <xsl:template match="b:section" mode="toc">
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:text>#</xsl:text>
          <xsl:call-template name="section-id"/>
        </xsl:attribute>
        <xsl:call-template name="lang-attr">
          <xsl:with-param name="node" select="b:title"/>
        </xsl:call-template>
        <xsl:value-of select="normalize-space(b:title)"/>
      </a>
      <xsl:if test="b:section">
        <ol>
          <xsl:apply-templates select="b:section" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A table-of-contents entry for a fixed part, named by its heading message. -->
  <xsl:template match="b:municipalities | b:findings | b:cases | b:recommendations | b:references"
      mode="toc">
    <xsl:variable name="key" select="concat('heading.', local-name())"/>
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:text>#</xsl:text>
          <xsl:call-template name="part-id">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:value-of select="bg:msg($key)"/>
      </a>
    </li>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Style sheet                                                       -->
  <!-- ================================================================ -->

  <!-- The printed page (@page): A4, the page number "2 / 7" at the foot of every page
       and, from page 2 on, the brief's short title (else its title) as the running head.  Chromium's margin
       boxes take only strings and counters, so the title goes into a CSS string,
       escaped by css-string: the brief's text never becomes CSS. -->
  <xsl:template name="page-css">
    <xsl:variable name="head">
      <xsl:call-template name="shorten">
        <xsl:with-param name="text" select="(b:meta/b:short-title | b:meta/b:title[not(../b:short-title)])[1]"/>
        <xsl:with-param name="max" select="90"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:text>@page {
  size: A4; margin: 15mm 17mm 14mm;
  @top-left {
    content: </xsl:text>
    <xsl:call-template name="css-string">
      <xsl:with-param name="text" select="$head"/>
    </xsl:call-template>
    <xsl:text>;
    font: 7.5pt/1.2 "PT Sans", system-ui, "Noto Sans", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
    color: #56606b; vertical-align: bottom; padding-bottom: 3mm;
  }
  @bottom-right {
    content: counter(page) " / " counter(pages);
    font: 7.5pt/1.2 "PT Sans", system-ui, "Noto Sans", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
    color: #56606b; vertical-align: top; padding-top: 3mm;
  }
}
@page :first { @top-left { content: none; } }
</xsl:text>
  </xsl:template>

  <!-- $text as a CSS string in double quotes, whitespace normalised (a line break
       would end the string).  Inside, a backslash and a double quote are escaped with
       a backslash, and "<" is written as the escape "\3c " so that the text cannot
       close the <style> element ("</style>"), which the HTML writer does not escape. -->
  <xsl:template name="css-string">
    <xsl:param name="text"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="css-escape">
      <xsl:with-param name="text" select="normalize-space($text)"/>
    </xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <!-- $text with each backslash, double quote and "<" escaped for a CSS string; one
       call per character escaped (the characters between are copied at once). -->
  <xsl:template name="css-escape">
    <xsl:param name="text"/>
    <xsl:variable name="marked" select="translate($text, '&quot;&lt;', '\\')"/>
    <xsl:choose>
      <xsl:when test="contains($marked, '\')">
        <xsl:variable name="n" select="string-length(substring-before($marked, '\'))"/>
        <xsl:variable name="c" select="substring($text, $n + 1, 1)"/>
        <xsl:value-of select="substring($text, 1, $n)"/>
        <xsl:choose>
          <xsl:when test="$c = '&lt;'">\3c </xsl:when>
          <xsl:otherwise>\<xsl:value-of select="$c"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="css-escape">
          <xsl:with-param name="text" select="substring($text, $n + 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inline CSS: calm serif text in a ~70ch column, sans-serif headings and
       labels, one blue accent and three priority colours; phone (320 px up) and A4
       print rules.  System fonts only. -->
  <xsl:template name="css">
    <xsl:text>
:root {
  --ink: #1c232b; --muted: #56606b; --rule: #d5dbe1; --paper: #ffffff;
  --accent: #0d4a82; --accent-soft: #eef3f8; --tint: #f6f7f8;
  --high: #b3422a; --medium: #a15c00; --low: #7d8a97;
  --on-accent: #ffffff; --banner: #0d4a82; --good: #2f7d4f; --case-soft: #f1f6f2; --target: #fff7d6;
  --serif: Georgia, Cambria, "Noto Serif", "PT Serif", "DejaVu Serif", "Liberation Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 var(--serif);
  border-top: 6px solid var(--accent);
  overflow-wrap: break-word; hyphens: auto;
}
body > header, main, body > footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
p, li, blockquote, dd { max-width: 70ch; }
/* inside a box the box is the measure: its text fills it, no gap on the right */
:is(.key-messages, .summary, .evidence, .case, .box) :is(p, li, blockquote, dd) { max-width: none; }
h1, h2, h3, h4, h5, h6 { font-family: var(--sans); line-height: 1.25; color: var(--ink); hyphens: manual; }
h2 { font-size: 1.45rem; margin: 3rem 0 1rem; padding-top: .75rem; border-top: 1px solid var(--rule); }
h3 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
h5, h6 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
a { color: var(--accent); text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
i.term { font-style: italic; }
small, .meta, figcaption, caption, .label, nav, .colophon, .byline, .series, table { font-family: var(--sans); }

.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; }
.skip:focus { left: .5rem; top: .5rem; z-index: 1; }

/* masthead */
.masthead { padding-top: 1.25rem; padding-bottom: 1.5rem; }
.masthead .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem 1rem; }
.series { margin: 0; font-size: .8rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
.langs ul { list-style: none; margin: 0; padding: 0; display: flex; gap: .75rem; font-size: .9rem; }
.langs a { text-decoration: none; border: 1px solid var(--rule); border-radius: 1rem; padding: .15rem .7rem; }
h1 { font-size: clamp(1.7rem, 1.2rem + 2.2vw, 2.3rem); margin: 1rem 0 .6rem; letter-spacing: -.01em; }
.subtitle { font-size: 1.2rem; color: var(--muted); margin: 0 0 1.25rem; max-width: 60ch; }
.byline { font-size: .95rem; margin: 0; }
.affiliations { list-style: none; margin: .25rem 0 0; padding: 0; font-family: var(--sans); font-size: .85rem; color: var(--muted); }
.byline sup, .affiliations sup { font-size: .7em; padding-left: .1em; }
.date { font-family: var(--sans); font-size: .9rem; color: var(--muted); margin: .5rem 0 0; }

/* key messages: the highlighted box at the very top */
.key-messages { background: var(--banner); color: #fff; padding: .25rem 1.25rem 1rem; margin: 0 -1.25rem 1.25rem; }
.key-messages h2 { border-top: 0; margin: 1rem 0 .5rem; padding-top: 0; font-size: 1.1rem; text-transform: uppercase; letter-spacing: .06em; color: #fff; }
.key-messages ul { margin: 0; padding-left: 1.25rem; }
.key-messages li { margin: .5rem 0; font-size: 1.08rem; }
.key-messages li::marker { color: #9fc3e6; }
.key-messages a { color: #fff; }

/* summary box */
.summary { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: .25rem 1.25rem 1rem; margin: 0 -1.25rem; }
.summary h2 { border-top: 0; margin-top: 1rem; padding-top: 0; font-size: 1.1rem; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); }
.summary p { font-size: 1.08rem; }
.summary .label { font-family: var(--sans); font-size: .72rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 1.25rem 0 .4rem; }
.keywords { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; margin: 0; padding: 0; font-family: var(--sans); font-size: .8rem; }
.keywords li { background: var(--paper); border: 1px solid var(--rule); border-radius: 1rem; padding: .1rem .6rem; }

/* contents */
.toc h2 { font-size: 1.1rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.toc ol { margin: 0; padding-left: 0; list-style: none; counter-reset: toc; }
.toc ol ol { padding-left: 1.6rem; }
.toc li { margin: .2rem 0; counter-increment: toc; display: flex; flex-wrap: wrap; column-gap: .5rem; }
.toc li::before { content: counters(toc, ".") "."; min-width: 1.1rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.toc li > ol { flex-basis: 100%; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }

/* blocks */
ul, ol { padding-left: 1.4rem; }
li { margin: .25rem 0; }
figure { margin: 1.5rem 0; }
.quote { margin: 1.5rem 0; padding: .25rem 0 .25rem 1.25rem; border-left: 3px solid var(--rule); }
.quote blockquote { margin: 0; font-style: italic; font-size: 1.08rem; }
.quote blockquote p { margin: .4rem 0; }
.quote blockquote p:first-child::before { content: open-quote; }
.quote blockquote p:last-child::after { content: close-quote; }
.quote figcaption { font-size: .85rem; color: var(--muted); }
:lang(uk) { quotes: "«" "»" "„" "“"; }
:lang(en) { quotes: "“" "”" "‘" "’"; }
:lang(pl) { quotes: "„" "”" "«" "»"; }
.meta { font-size: .85rem; color: var(--muted); }

/* municipalities */
.count { font-family: var(--sans); font-size: 1.1rem; font-weight: 600; margin: 0 0 .25rem; }
.municipality-list { list-style: none; padding: 0; columns: 2 16rem; column-gap: 2rem; margin: 1rem 0; }
.municipality-list li { break-inside: avoid; margin: 0 0 .6rem; padding-left: 1rem; position: relative; line-height: 1.35; }
.municipality-list li::before { content: ""; position: absolute; left: 0; top: .45em; width: .45rem; height: .45rem; border: 1.5px solid var(--low); border-radius: 50%; }
.municipality-list li.network::before { background: var(--accent); border-color: var(--accent); }
.municipality-list .name { font-weight: 700; font-family: var(--sans); font-size: .95rem; }
.municipality-list .where, .municipality-list .note { display: block; font-size: .85rem; color: var(--muted); }
.municipality-list .where { font-family: var(--sans); font-size: .8rem; }
.municipality-list .note { font-style: italic; }
.legend { font-family: var(--sans); font-size: .85rem; color: var(--muted); }
.legend .dot { display: inline-block; width: .55rem; height: .55rem; border-radius: 50%; background: var(--accent); margin-right: .35rem; }

/* findings */
.finding { margin: 2rem 0; }
.finding h3 { display: flex; gap: .6rem; align-items: baseline; }
.num { flex: none; display: inline-grid; place-items: center; min-width: 1.7rem; height: 1.7rem; border-radius: 50%; background: var(--accent); color: var(--on-accent); font-size: .9rem; font-weight: 700; }
.evidence { background: var(--tint); border-top: 2px solid var(--accent); padding: .1rem 1rem .5rem; margin: 1rem 0; font-family: var(--sans); font-size: .92rem; }
.evidence h4, .case h4 { font-size: .75rem; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); margin: .75rem 0 .25rem; }

/* cases */
.case { border: 1px solid var(--rule); border-radius: 4px; padding: 0 1.25rem .75rem; margin: 1.5rem 0; }
.case h3 { margin-top: 1rem; }
.case .meta { margin-top: -.3rem; }
.case-part { padding-left: .9rem; border-left: 3px solid var(--rule); margin: .75rem 0; }
.case-part.challenge { border-color: var(--high); }
.case-part.response { border-color: var(--accent); }
.case-part.result { border-color: var(--good); }
.case-part.challenge h4 { color: var(--high); }
.case-part.result h4 { color: var(--good); }
.case-part p { margin: .3rem 0; }

/* recommendations */
.priority-group { margin-top: 2rem; }
.priority-group h3 { display: flex; align-items: center; gap: .5rem; }
.priority-group h3::before { content: ""; width: .8rem; height: .8rem; border-radius: 2px; background: var(--low); }
.priority-high h3::before { background: var(--high); }
.priority-medium h3::before { background: var(--medium); }
.rec { border-left: 4px solid var(--low); padding: .1rem 0 .1rem 1rem; margin: 1.25rem 0 1.75rem; }
.priority-high .rec { border-color: var(--high); }
.priority-medium .rec { border-color: var(--medium); }
.rec h4 { margin: .2rem 0 .4rem; font-size: 1.1rem; }
.rec .position { margin: 0; font-family: var(--sans); font-size: .8rem; color: var(--muted); }
.rec p { margin: .4rem 0; }
.rec .facts { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-family: var(--sans); font-size: .85rem; color: var(--muted); }
.rec .facts li { margin: 0; }
.rec .votes { font-weight: 700; color: var(--ink); }

/* chart and tables */
/* ---- votes chart (templates/html/chart.xsl): begin ----
   Its own palette, light and dark: every bar and the axis at least 3:1 and every
   text at least 4.5:1 against --chart-paper, the chart's own background (WCAG 1.4.11,
   1.4.3; computed by tests/cases/chart-contrast).  The SVG's fill attributes are the
   light values, for the SVG read without this CSS. */
.chart { --chart-paper: #ffffff; --chart-text: #1c232b; --chart-axis: #6b7682;
  --chart-high: #b3422a; --chart-medium: #a15c00; --chart-low: #7d8a97; }
@media (prefers-color-scheme: dark) {
  .chart { --chart-paper: #161b22; --chart-text: #e6e9ed; --chart-axis: #8d99a6;
    --chart-high: #f08a72; --chart-medium: #e0a040; --chart-low: #9aa7b4; }
}
.chart svg { display: block; width: 100%; max-width: 28rem; height: auto; background: var(--chart-paper); }
.chart text { font-family: var(--sans); font-size: 13px; fill: var(--chart-text); }
.chart text.value, .chart text.group-label { font-weight: 700; }
.chart .axis { stroke: var(--chart-axis); }
.chart .bar.high { fill: var(--chart-high); }
.chart .bar.medium { fill: var(--chart-medium); }
.chart .bar.low, .chart .bar.none { fill: var(--chart-low); }
/* ---- votes chart: end ---- */
.table-wrap { overflow-x: auto; margin: 1.5rem 0; }
/* a table is as wide as its content needs, up to the column (its frame scrolls past
   that), and at least 22rem so that its caption, never wider than the table, does
   not wrap word by word; the votes table spans the column */
table { border-collapse: collapse; width: auto; min-width: min(100%, 22rem); font-size: .85rem; line-height: 1.35; }
table.votes-table { width: 100%; }
caption { text-align: left; font-weight: 700; font-size: .95rem; padding-bottom: .5rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); font-weight: 700; }
tbody th { font-weight: 400; }
tbody th a { text-decoration: none; }
tr.group th { font-weight: 700; font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); padding-top: .9rem; }
tbody.priority-high tr.group th { color: var(--high); }
tbody.priority-medium tr.group th { color: #9a6310; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }

td.n, th.n { padding-left: 1rem; }
thead th.n { white-space: normal; }
.table-block { margin: 1.5rem 0; }
.table-block .table-wrap { margin: 0; }
caption .label { font-weight: 700; }
.source { font-family: var(--sans); font-size: .8rem; color: var(--muted); margin: .4rem 0 0; }

/* figures */
.figure { margin: 1.75rem 0; }
/* an image at its natural size (its width and height), never scaled up, down to the
   column's width when wider */
.figure-image svg, .figure-image img { display: block; max-width: 100%; height: auto; }
.figure figcaption { font-family: var(--sans); font-size: .9rem; margin-top: .6rem; }
.figure figcaption .source { margin-top: .2rem; }

/* the mark of a passage shown in another language (no translation) */
.fallback-mark { display: inline-block; font: 600 .72rem/1.3 var(--sans); font-style: normal; letter-spacing: .02em; color: var(--muted); border: 1px solid var(--rule); border-radius: 3px; padding: 0 .3rem; margin-right: .15rem; vertical-align: .1em; white-space: nowrap; }
.key-messages .fallback-mark { color: inherit; border-color: currentColor; }

/* boxes */
.box { margin: 1.5rem 0; padding: .6rem 1.25rem .5rem; background: var(--accent-soft); border-left: 4px solid var(--accent); font-family: var(--sans); font-size: .95rem; line-height: 1.5; }
.box p { margin: .4rem 0; }
.box-label { font-size: .72rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
.box .box-label { margin: .2rem 0 .1rem; }
.box-title { margin: .2rem 0 .4rem; font-size: 1.05rem; }
.box-case { background: var(--case-soft); border-left-color: var(--good); }
.box-case .box-label { color: var(--good); }
.box-quote { background: none; border-left: 3px solid var(--medium); font-family: var(--serif); font-style: italic; font-size: 1.1rem; }

/* footnotes */
sup.fnref { font-family: var(--sans); font-size: .7em; line-height: 0; padding-left: .1em; }
sup.fnref a { text-decoration: none; padding: 0 .1em; }
.notes-list { font-size: .9rem; padding-left: 1.75rem; }
.notes-list li { margin: .45rem 0; }
.notes-list li:target { background: var(--target); }
.fnback { text-decoration: none; font-family: var(--sans); padding: 0 .2em; }

/* references */
.references { padding-left: 2rem; font-size: .95rem; }
.references li { margin: .5rem 0; }
.references li:target, .finding:target, .rec:target { background: var(--target); }
.references .url { word-break: break-all; font-family: var(--sans); font-size: .85rem; }
a.cite { text-decoration: none; font-family: var(--sans); font-size: .85em; }

/* footer */
.colophon { margin-top: 3rem; padding-bottom: 2.5rem; font-size: .9rem; color: var(--muted); }
.colophon h2 { font-size: 1rem; color: var(--ink); }
.colophon ul { list-style: none; padding: 0; }
.colophon .details { display: block; }
.colophon .orgs { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.colophon p { max-width: none; }
.colophon section h2 { margin-top: 2rem; }
.colophon .citation-text { color: var(--ink); font-family: var(--serif); font-size: .95rem; background: var(--tint); padding: .75rem 1rem; border-left: 3px solid var(--accent); overflow-wrap: anywhere; }
.colophon .citation-files { font-family: var(--sans); font-size: .85rem; margin: .4rem 0 0; }
.colophon dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: .75rem 0; }
.colophon dt { font-weight: 700; color: var(--ink); }
.colophon dd { margin: 0; overflow-wrap: anywhere; }
.imprint { border-top: 1px solid var(--rule); padding-top: .75rem; }

/* dark scheme (screens only: paper stays light): the same roles, light on dark,
   with the light scheme's guarantees — text 4.5:1 and graphics 3:1 against the
   paper and every tint it stands on (tests/browser/a11y.test.js runs axe on both) */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #e4e8ec; --muted: #a7b1bc; --rule: #3a434d; --paper: #14181d;
    --accent: #8cbcf0; --accent-soft: #1a2633; --tint: #1d2329;
    --high: #f0937a; --medium: #e3a54a; --low: #8f9ba8;
    --on-accent: #14181d; --banner: #0f3a66; --good: #6cc58e; --case-soft: #16261c; --target: #3a3210;
    color-scheme: dark;
  }
  tbody.priority-medium tr.group th { color: var(--medium); }
  /* a figure's own drawing keeps the light ground it was drawn for */
  .figure-image svg, .figure-image img { background: #ffffff; border-radius: 3px; }
}

@media (max-width: 30rem) {
  body { font-size: 1rem; }
  /* the votes table as stacked rows: number, title, votes; the addressee below */
  .votes-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); }
  .votes-table tr { display: grid; grid-template-columns: 1.6rem 1fr auto; grid-template-areas: "n title votes" ". addr addr"; border-bottom: 1px solid var(--rule); padding: .3rem 0; }
  .votes-table tr.group { display: block; border-bottom: 0; }
  .votes-table tr.group th { display: block; }
  .votes-table td, .votes-table th { border: 0; padding: .1rem .25rem; }
  .votes-table td:nth-child(1) { grid-area: n; }
  .votes-table tbody th { grid-area: title; }
  .votes-table td:nth-child(3) { grid-area: addr; color: var(--muted); }
  .votes-table td:nth-child(4) { grid-area: votes; font-weight: 700; }
  body > header, main, body > footer { padding: 0 1rem; }
  .summary, .key-messages { margin-left: -1rem; margin-right: -1rem; padding: .25rem 1rem .75rem; }
  .case { padding: 0 .9rem .5rem; }
  .box { padding: .5rem .9rem .4rem; }
  th, td { padding: .35rem .3rem; }
}

/* print (Ctrl-P): A4, compact type, nothing interactive, blocks kept whole; the
   page number and the running head are the @page rule's margin boxes, written after
   this sheet because the head is the brief's title */
@media print {
  .colophon .citation-files { display: none; }
  :root {
    --serif: "PT Serif", Georgia, Cambria, "Noto Serif", "DejaVu Serif", "Liberation Serif", serif;
    --sans: "PT Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  }
  html { font-size: 10pt; }
  body { font-size: 1.02rem; line-height: 1.33; border-top: 0; orphans: 3; widows: 3; }
  body > header, main, body > footer { max-width: none; padding: 0; }
  p, li, blockquote, dd { max-width: none; }
  .skip, .langs, .toc, .fnback, sup.fnref a::after { display: none; }
  a { color: inherit; text-decoration: none; }
  main p a[href^="http"]::after, main li a[href^="http"]::after { content: " (" attr(href) ")"; font-family: var(--sans); font-size: .85em; color: var(--muted); }
  .references a.url::after { content: none; }
  /* URLs wrap after a slash or a dot when they must, never inside "https://", and
     are never hyphenated */
  .references .url, .colophon dd, .colophon .citation-text, main p a[href^="http"]::after, main li a[href^="http"]::after { word-break: normal; overflow-wrap: anywhere; hyphens: manual; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }

  /* masthead and the boxes at the top: light tints, dark text */
  .masthead { padding: 0 0 .6rem; border-bottom: 2px solid var(--accent); margin-bottom: .9rem; }
  h1 { font-size: 2rem; margin: .3rem 0 .3rem; }
  .subtitle { font-size: 1.15rem; margin-bottom: .5rem; max-width: none; }
  .key-messages { background: var(--accent-soft); color: var(--ink); border-top: 3px solid var(--accent); margin: 0 0 .9rem; padding: .1rem 1rem .5rem; }
  .key-messages h2 { color: var(--accent); margin: .6rem 0 .3rem; }
  .key-messages li { font-size: 1rem; margin: .25rem 0; }
  .key-messages li::marker { color: var(--accent); }
  .key-messages a { color: inherit; }
  .summary { margin: 0 0 .9rem; padding: .1rem 1rem .5rem; background: none; border-left: 3px solid var(--accent); }
  .summary h2 { margin-top: .6rem; }
  .summary p { font-size: 1rem; margin: .4rem 0; }
  .summary .label { margin: .6rem 0 .3rem; }

  /* headings: smaller steps, kept with what follows.  break-after alone is not
     enough in Chromium, so each heading also reserves room below itself: a block of
     5rem that takes no space (its negative margin) but cannot be split from the
     heading, which moves the heading to the next page when less room is left. */
  h2 { font-size: 1.35rem; margin: 1.4rem 0 .5rem; padding-top: .45rem; }
  h3 { font-size: 1.12rem; margin: 1.1rem 0 .35rem; }
  h4 { margin: .9rem 0 .3rem; }
  p { margin: .45rem 0; }
  h1, h2, h3, h4, h5, h6, .rec .position, .case .meta, .count, .legend, .recommendations .intro,
  .box-label, caption, .chart figcaption { break-after: avoid; }
  h2, h3, h4, h5, h6, .recommendations .intro { break-inside: avoid; }
  h2::after, h3::after, h4::after, h5::after, h6::after { content: ""; display: block; height: 5rem; margin-bottom: -5rem; }
  /* the chart follows the short introduction of the recommendations: keep them together */
  .recommendations .intro::after { content: ""; display: block; height: 24rem; margin-bottom: -24rem; }
  .finding h3, .priority-group h3 { display: block; }
  .finding h3 .num { margin-right: .4rem; min-width: 1.5rem; height: 1.5rem; font-size: .85rem; }
  .priority-group h3::before { display: inline-block; margin-right: .5rem; }

  /* blocks that are never split */
  figure, tr, .rec, .case, .case-part, .evidence, .quote, .box, .summary,
  .key-messages, .municipality-list li, .references li, .notes-list li, .colophon section,
  .colophon .authors li { break-inside: avoid; }

  figure, .figure, .quote, .box, .case, .table-block, .table-wrap { margin: .8rem 0; }
  .quote blockquote { font-size: 1rem; }
  .quote blockquote p { margin: .2rem 0; }
  .figure-image svg, .figure-image img { max-width: 27rem; margin: 0 auto; }
  .chart svg { max-width: 22rem; }
  .municipality-list { columns: 4; column-gap: 1.25rem; margin: .6rem 0; }
  .municipality-list li { margin-bottom: .3rem; }
  .finding { margin: 1rem 0; }
  .evidence { margin: .6rem 0; padding: .1rem .9rem .35rem; }
  .evidence h4, .case h4 { margin-top: .5rem; }
  /* a case's challenge, response and result side by side */
  .case { padding: 0 .9rem .5rem; display: grid; grid-template-columns: repeat(3, 1fr); column-gap: 1rem; }
  .case > :not(.case-part) { grid-column: 1 / -1; }
  .case h3 { margin-top: .7rem; }
  .case-part { margin: .3rem 0 0; }
  .priority-group { margin-top: 1rem; }
  /* the recommendations of a priority two by two */
  .priority-group { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; align-items: start; }
  .priority-group > h3 { grid-column: 1 / -1; }
  .rec { margin: .6rem 0 .8rem; }
  .rec h4 { font-size: 1.05rem; }
  .rec p { margin: .25rem 0; }
  .rec .facts { margin-top: .3rem; }
  .notes-list, .references { font-size: .88rem; line-height: 1.3; columns: 2; column-gap: 1.5rem; }
  .notes-list li, .references li { margin: .25rem 0; }
  .colophon { margin-top: 1.2rem; padding-bottom: 0; font-size: .85rem; line-height: 1.3; columns: 2; column-gap: 1.5rem; }
  .colophon h2 { margin: .8rem 0 .3rem; padding-top: .3rem; }
  .colophon .citation-text { font-size: .92rem; padding: .5rem .8rem; }
  .colophon .details { display: inline; margin-left: .4em; }
  .colophon .authors li { margin: .1rem 0; }
  .colophon ul, .colophon p { margin: .3rem 0; }
  .imprint { margin-top: .5rem; padding-top: .4rem; }
  .finding:target, .rec:target, .references li:target, .notes-list li:target { background: none; }
}
</xsl:text>
  </xsl:template>

</xsl:stylesheet>
