<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parts shared by the HTML and DocBook templates: ids and numbers of the things a
  brief links to (findings, references, recommendations, tables, figures,
  footnotes), the fallback-language attribute, the description of the brief that
  bg:citation formats, and two ways of putting markup (links, superscripts) inside
  text that an extension function has formatted.

  Input: the brief resolved for one language (docs/templates.md).
  Parameters every entry stylesheet declares: $lang, $langs, $basename.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:briefgen:brief:1"
    xmlns:bg="urn:briefgen:xslt"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="bg exsl"
    exclude-result-prefixes="b bg exsl">

  <!-- Characters no brief contains (private use), passed to bg:msg as placeholder
       arguments and replaced by markup afterwards (template "message-with-markup"). -->
  <xsl:variable name="marker" select="'&#xE000;'"/>
  <xsl:variable name="marker2" select="'&#xE001;'"/>

  <!-- Cross-references (@ref, @municipality, @findings) are followed with XPath's
       id(): briefgen declares every @id of the brief an ID.  An xsl:key over all
       elements with an id would make libxslt scan the whole brief, testing each
       key's pattern against every node, in every transform. -->

  <!-- ================================================================ -->
  <!-- Languages                                                         -->
  <!-- ================================================================ -->

  <!-- Produces the attribute $name (lang for HTML, xml:lang for DocBook) with the
       context element's xml:lang, but only when that differs from the output
       language: text that fell back to the source language is marked so screen
       readers and hyphenation use the right language. -->
  <xsl:template name="lang-attr">
    <xsl:param name="name" select="'lang'"/>
    <xsl:param name="node" select="."/>
    <xsl:if test="$node/@xml:lang and $node/@xml:lang != $lang">
      <xsl:attribute name="{$name}">
        <xsl:value-of select="$node/@xml:lang"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Produces the language around the context element: the nearest ancestor's
       xml:lang, else $lang. -->
  <xsl:template name="outer-lang">
    <xsl:choose>
      <xsl:when test="ancestor::*[@xml:lang]"><xsl:value-of select="ancestor::*[@xml:lang][1]/@xml:lang"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$lang"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces the attribute $name with the xml:lang of an inline element (em,
       strong, a, cite, term) when it differs from the language around it: it marks
       a phrase in another language ("OECD Guidelines…" in a Ukrainian reference). -->
  <xsl:template name="inline-lang-attr">
    <xsl:param name="name" select="'lang'"/>
    <xsl:if test="@xml:lang">
      <xsl:variable name="outer"><xsl:call-template name="outer-lang"/></xsl:variable>
      <xsl:if test="@xml:lang != $outer">
        <xsl:attribute name="{$name}">
          <xsl:value-of select="@xml:lang"/>
        </xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Ids and numbers                                                   -->
  <!-- ================================================================ -->

  <!-- Produces a valid, readable id from $text: bg:slug, prefixed with "s-" when it
       would start with a digit or be empty (ids must start with a letter). -->
  <xsl:template name="safe-slug">
    <xsl:param name="text"/>
    <xsl:variable name="slug" select="bg:slug(string($text))"/>
    <xsl:choose>
      <xsl:when test="$slug = ''">s</xsl:when>
      <xsl:when test="translate(substring($slug, 1, 1), '0123456789', '') = ''">
        <xsl:value-of select="concat('s-', $slug)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$slug"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces the id of a section: its own @id, or the slug of its title, with
       "-2", "-3" … appended when an earlier untitled-id section has the same
       title. -->
  <xsl:template name="section-id">
    <xsl:param name="section" select="."/>
    <xsl:choose>
      <xsl:when test="$section/@id"><xsl:value-of select="$section/@id"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="title" select="normalize-space($section/b:title)"/>
        <xsl:variable name="same"
            select="count($section/preceding::b:section[not(@id)][normalize-space(b:title) = $title])
                    + count($section/ancestor::b:section[not(@id)][normalize-space(b:title) = $title])"/>
        <xsl:call-template name="safe-slug">
          <xsl:with-param name="text" select="$title"/>
        </xsl:call-template>
        <xsl:if test="$same &gt; 0">
          <xsl:value-of select="concat('-', $same + 1)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces the id of one of the fixed parts of a brief (summary, findings …):
       the slug of its heading, the message $key, so anchors read in the output
       language (#kliuchovi-vysnovky, #key-findings). -->
  <xsl:template name="part-id">
    <xsl:param name="key"/>
    <xsl:call-template name="safe-slug">
      <xsl:with-param name="text" select="bg:msg($key)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Numbers of findings, references and recommendations, computed once per
       transform as small index documents (a sorted pass each) and looked up by
       key: asking each element for count(preceding-sibling::…) would make a
       brief with thousands of them quadratic. -->
  <xsl:key name="number" match="n" use="@of"/>

  <xsl:variable name="finding-index">
    <xsl:for-each select="/b:brief/b:findings/b:finding">
      <n of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="ref-index">
    <xsl:for-each select="/b:brief/b:references/b:ref">
      <n of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <!-- Produces the number looked up for $node in the index document $index. -->
  <xsl:template name="index-number">
    <xsl:param name="node"/>
    <xsl:param name="index"/>
    <xsl:variable name="id" select="generate-id($node)"/>
    <xsl:for-each select="exsl:node-set($index)">
      <xsl:value-of select="key('number', $id)/@n"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Produces the number of finding $node (1, 2, …; document order). -->
  <xsl:template name="finding-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$finding-index"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Produces the number of reference $node (1, 2, …; document order). -->
  <xsl:template name="ref-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$ref-index"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The recommendations in display order are: priority high, medium, low, none;
       within a group by votes, most first; ties in document order.  These give the
       number a recommendation has in that order ("Recommendation 3 of 12"). -->
  <xsl:variable name="recs" select="/b:brief/b:recommendations/b:recommendation"/>
  <!-- Per-element templates use these numbers, never count($recs): libxslt copies a
       node-set variable each time it is referenced, so a reference per element is
       quadratic in a brief with thousands of recommendations. -->
  <xsl:variable name="rec-count" select="count($recs)"/>
  <xsl:variable name="recs-high" select="$recs[@priority = 'high']"/>
  <xsl:variable name="recs-medium" select="$recs[@priority = 'medium']"/>
  <xsl:variable name="recs-low" select="$recs[@priority = 'low']"/>
  <xsl:variable name="recs-none" select="$recs[not(@priority)]"/>

  <!-- Sort key of a recommendation's priority group: high, medium, low, none. -->
  <xsl:variable name="recommendation-order">
    <xsl:for-each select="$recs">
      <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                        + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
      <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
      <n of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <!-- The votes chart's text alternative, for a reader who cannot see it (the SVG's
       desc in HTML and DocBook, the PDF figure's alt): chart.desc ("Bar chart of the
       votes for 4 recommendations, …:"), then chart.row for each bar in display
       order ("1. Title: 25 votes."), on one line. -->
  <xsl:template name="chart-alt">
    <xsl:variable name="alt">
      <xsl:value-of select="bg:msg('chart.desc', count($recs[@votes]))"/>
      <xsl:for-each select="$recs[@votes]">
        <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                          + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
        <xsl:sort select="number(@votes)" data-type="number" order="descending"/>
        <xsl:variable name="n"><xsl:call-template name="recommendation-number"/></xsl:variable>
        <xsl:text> </xsl:text>
        <xsl:value-of select="bg:msg('chart.row', number($n), normalize-space(b:title),
                                     bg:msg('votes.count', number(@votes)))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="normalize-space($alt)"/>
  </xsl:template>

  <!-- Produces the 1-based place of recommendation $node in display order (xsl:sort
       is stable, so ties keep document order). -->
  <xsl:template name="recommendation-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$recommendation-order"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The largest vote count (0 when no recommendation has votes). -->
  <xsl:variable name="max-votes">
    <xsl:for-each select="$recs[@votes]">
      <xsl:sort select="@votes" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="number(@votes)"/></xsl:if>
    </xsl:for-each>
    <xsl:if test="not($recs[@votes])">0</xsl:if>
  </xsl:variable>

  <!-- ================================================================ -->
  <!-- Municipalities: networks and oblasts                              -->
  <!-- ================================================================ -->

  <!-- A message about the network with id $network, declared in the brief (briefgen
       checks that every municipality/@network names one): 'count' ("7 of them belong
       to the democratic-resilience network", $count members) or 'member' ("member
       of …").  The locale files give only the words around the name; the name is the
       network's own <name> in the output language, made by each format's template
       for mode "network-name" (a link to its @href when $linked). -->
  <xsl:template name="network-message">
    <xsl:param name="network"/>
    <xsl:param name="what"/>
    <xsl:param name="count" select="0"/>
    <xsl:param name="linked" select="false()"/>
    <xsl:variable name="message">
      <xsl:choose>
        <xsl:when test="$what = 'count'">
          <xsl:value-of select="bg:msg('network.count', $count, $marker)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="bg:msg('network.member', $marker)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="message-with-markup">
      <xsl:with-param name="message" select="string($message)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="id(string($network))" mode="network-name">
          <xsl:with-param name="linked" select="$linked"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The name of the context municipality's oblast ("Kyiv Oblast") from the locale
       files: briefgen checks that every @oblast is one of the ISO 3166-2:UA codes
       whose names they hold (oblast.UA-NN). -->
  <xsl:template name="oblast-name">
    <xsl:param name="code" select="@oblast"/>
    <xsl:value-of select="bg:msg(concat('oblast.', $code))"/>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Markup inside formatted text                                      -->
  <!-- ================================================================ -->

  <!-- Produces the list $joined (the result of bg:list over the string values of
       $items, in the same order) with each item replaced by the result of applying
       templates to it in mode "list-item": the conjunctions and commas stay as ICU
       wrote them for the language, the items become links, names with
       superscripts …  Items are found in order, so each is looked for only after
       the previous one. -->
  <xsl:template name="splice-list">
    <xsl:param name="joined"/>
    <xsl:param name="items"/>
    <xsl:param name="i" select="1"/>
    <xsl:choose>
      <xsl:when test="$i &gt; count($items)">
        <xsl:value-of select="$joined"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="item" select="$items[$i]"/>
        <xsl:variable name="text" select="normalize-space($item)"/>
        <xsl:choose>
          <xsl:when test="$text != '' and contains($joined, $text)">
            <xsl:value-of select="substring-before($joined, $text)"/>
            <xsl:apply-templates select="$item" mode="list-item"/>
            <xsl:call-template name="splice-list">
              <xsl:with-param name="joined" select="substring-after($joined, $text)"/>
              <xsl:with-param name="items" select="$items"/>
              <xsl:with-param name="i" select="$i + 1"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="splice-list">
              <xsl:with-param name="joined" select="$joined"/>
              <xsl:with-param name="items" select="$items"/>
              <xsl:with-param name="i" select="$i + 1"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces the text $message, made by bg:msg with $marker and $marker2 as
       arguments, with $marker replaced by $content and $marker2 by $content2 (result
       tree fragments): "Prepared by {0}" with a list of names carrying superscripts in
       place of {0}.  The translator may put the two arguments in either order.
       bg:splice does it in one pass (a template recursing on substring-before and
       -after cost a tenth of a DocBook transform). -->
  <xsl:template name="message-with-markup">
    <xsl:param name="message"/>
    <xsl:param name="content"/>
    <xsl:param name="content2"/>
    <xsl:copy-of select="bg:splice($message, $content, $content2)"/>
  </xsl:template>

  <!-- Produces $text cut to at most $max characters at a word boundary, with an
       ellipsis when it was cut (for chart labels). -->
  <xsl:template name="shorten">
    <xsl:param name="text"/>
    <xsl:param name="max" select="48"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="string-length($t) &lt;= $max"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cut-at-space">
          <xsl:with-param name="text" select="substring($t, 1, $max - 1)"/>
        </xsl:call-template>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces $text without its last (possibly partial) word and any trailing
       punctuation; $text itself when it holds no space. -->
  <xsl:template name="cut-at-space">
    <xsl:param name="text"/>
    <xsl:param name="done" select="''"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="cut-at-space">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="done">
            <xsl:value-of select="$done"/>
            <xsl:if test="$done != ''"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="substring-before($text, ' ')"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$done = ''"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="trim-punctuation">
          <xsl:with-param name="text" select="$done"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces $text without trailing , ; : – — characters. -->
  <xsl:template name="trim-punctuation">
    <xsl:param name="text"/>
    <xsl:variable name="last" select="substring($text, string-length($text))"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &gt; 1 and contains(',;:–—-', $last)">
        <xsl:call-template name="trim-punctuation">
          <xsl:with-param name="text" select="normalize-space(substring($text, 1, string-length($text) - 1))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- Tables, figures and footnotes                                     -->
  <!-- ================================================================ -->

  <!-- The votes chart is drawn when at least two recommendations were voted on
       (one bar compares nothing; its count is in the recommendation's facts).  The
       votes are then shown once: as the chart, a numbered figure, whose data table
       (HTML: hidden from sight, read by screen readers; DocBook: inside the figure)
       is not a numbered table of its own.  With fewer, neither chart nor table. -->
  <xsl:variable name="chart-shown" select="count($recs[@votes]) &gt; 1"/>

  <!-- Tables are numbered in document order ("Table 2"); DocBook processors number
       the same tables in the same order. -->
  <xsl:variable name="table-index">
    <xsl:for-each select="/b:brief//b:table">
      <n of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <!-- Figures are numbered in document order; the votes chart counts as one where
       the recommendations stand (it leads them), in HTML, Typst and DocBook alike. -->
  <xsl:variable name="figure-index">
    <xsl:for-each select="/b:brief//b:figure
                          | /b:brief/b:recommendations[count(b:recommendation[@votes]) &gt; 1]">
      <n of="{generate-id()}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <!-- Produces what an <xref> (the context) shows: the number of the table,
       figure, finding or recommendation it names, the number shown on the target
       (bg:number: "2"); with form="full", the target's label in the nominative
       (table.number, figure.number, finding.number, recommendation.number: "Таблиця
       2"); a section, which has no number, by its title.  Nothing when @ref names
       none of them (briefgen refuses such a brief before rendering). -->
  <xsl:template name="xref-text">
    <xsl:variable name="target" select="id(@ref)"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$target/self::b:table">
          <xsl:call-template name="table-number"><xsl:with-param name="node" select="$target"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$target/self::b:figure">
          <xsl:call-template name="figure-number"><xsl:with-param name="node" select="$target"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$target/self::b:finding">
          <xsl:call-template name="finding-number"><xsl:with-param name="node" select="$target"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$target/self::b:recommendation">
          <xsl:call-template name="recommendation-number"><xsl:with-param name="node" select="$target"/></xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$target/self::b:section">
        <xsl:value-of select="normalize-space($target/b:title)"/>
      </xsl:when>
      <xsl:when test="string($n) = ''"/>
      <xsl:when test="@form = 'full'">
        <xsl:value-of select="bg:msg(concat(local-name($target), '.number'), number($n))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="bg:number(number($n))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces the number of table $node (a b:table). -->
  <xsl:template name="table-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$table-index"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Produces the number of figure $node (a b:figure, or b:recommendations for the
       votes chart). -->
  <xsl:template name="figure-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$figure-index"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Footnotes are numbered in the order a reader meets them, which is document
       order except inside the recommendations: those are shown by priority and
       votes (see recommendation-order), and so are their notes.  The brief is
       resolved for one language, so every language counts its own notes.
       fn-before, the recommendations in display order, fn-after: the notes in
       reading order; fn-index numbers them. -->
  <xsl:variable name="fn-before" select="/b:brief/b:recommendations/preceding::b:fn"/>
  <xsl:variable name="fn-after" select="/b:brief/b:recommendations/following::b:fn"/>
  <xsl:variable name="fn-order">
    <xsl:for-each select="$fn-before">
      <f of="{generate-id()}"/>
    </xsl:for-each>
    <xsl:for-each select="$recs">
      <xsl:sort select="(@priority = 'high') * 1 + (@priority = 'medium') * 2
                        + (@priority = 'low') * 3 + not(@priority) * 4" data-type="number"/>
      <xsl:sort select="number(concat('0', @votes))" data-type="number" order="descending"/>
      <xsl:for-each select=".//b:fn">
        <f of="{generate-id()}"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="$fn-after">
      <f of="{generate-id()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="fn-index">
    <xsl:for-each select="exsl:node-set($fn-order)/f">
      <n of="{@of}" n="{position()}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="fn-count" select="count(exsl:node-set($fn-order)/f)"/>

  <!-- Produces the number of footnote $node (1, 2, … in reading order). -->
  <xsl:template name="fn-number">
    <xsl:param name="node" select="."/>
    <xsl:call-template name="index-number">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="index" select="$fn-index"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Produces "svg" or "png": the kind of figure $node's image, from its @src. -->
  <xsl:template name="figure-ext">
    <xsl:param name="node" select="."/>
    <xsl:variable name="src" select="translate($node/@src, 'SVGPN', 'svgpn')"/>
    <xsl:choose>
      <xsl:when test="substring($src, string-length($src) - 3) = '.svg'">svg</xsl:when>
      <xsl:otherwise>png</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces 1 when the table cell $cell holds a number: marked type="number", or
       digits with only signs, separators and spaces around them ("144", "21,5 %").
       Number cells and the headings of all-number columns are aligned right. -->
  <xsl:template name="cell-is-number">
    <xsl:param name="cell" select="."/>
    <xsl:variable name="t" select="normalize-space($cell)"/>
    <xsl:choose>
      <xsl:when test="$cell/@type = 'number'">1</xsl:when>
      <xsl:when test="$t != '' and translate($t, '0123456789', '') != $t
                      and translate($t, '0123456789 .,%+-&#x2212;&#x2013;&#xA0;&#x202F;', '') = ''">1</xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Produces 1 when every body cell in column $column of table $table holds a
       number (see cell-is-number). -->
  <xsl:template name="column-is-number">
    <xsl:param name="table"/>
    <xsl:param name="column"/>
    <xsl:variable name="cells" select="$table/b:tbody/b:row/b:cell[$column]"/>
    <xsl:variable name="text">
      <xsl:for-each select="$cells">
        <xsl:call-template name="cell-is-number"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="number($cells and not(contains($text, '0')))"/>
  </xsl:template>

  <!-- ================================================================ -->
  <!-- The suggested citation                                            -->
  <!-- ================================================================ -->

  <!-- The brief described for bg:citation (docs/templates.md): its authors (people
       whose credit is not "contributor"; with given and family names when the brief
       gives them), its organisations (the author when there is no person), title,
       series as the type, publisher, place, date, pages and DOI, all in the output
       language. -->
  <xsl:variable name="citation-work">
    <xsl:variable name="meta" select="/b:brief/b:meta"/>
    <work date="{/b:brief/@date}" pages="{normalize-space($meta/b:pages)}" doi="{normalize-space($meta/b:doi)}">
      <xsl:for-each select="$meta/b:person[not(@credit = 'contributor')]">
        <person name="{normalize-space(b:name)}" given="{normalize-space(b:given)}"
                family="{normalize-space(b:family)}"/>
      </xsl:for-each>
      <xsl:for-each select="$meta/b:org">
        <org><xsl:value-of select="normalize-space(b:name)"/></org>
      </xsl:for-each>
      <title><xsl:value-of select="normalize-space($meta/b:title)"/></title>
      <type><xsl:value-of select="normalize-space($meta/b:series)"/></type>
      <publisher><xsl:value-of select="normalize-space($meta/b:publisher/b:name)"/></publisher>
      <place><xsl:value-of select="normalize-space($meta/b:publisher/b:place)"/></place>
    </work>
  </xsl:variable>

  <!-- The suggested citation: a <citation> element holding text, <em> (a title the
       style sets in italics) and <link> (a URL); each format maps them in mode
       "citation". -->
  <xsl:template name="citation">
    <xsl:apply-templates select="bg:citation(exsl:node-set($citation-work)/work)/node()" mode="citation"/>
  </xsl:template>

  <!-- Plain text of inline content without its footnotes (a page's description). -->
  <xsl:template match="b:fn" mode="plain"/>
  <xsl:template match="b:xref" mode="plain">
    <xsl:call-template name="xref-text"/>
  </xsl:template>
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

</xsl:stylesheet>
