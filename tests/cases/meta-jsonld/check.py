"""The sample's head as machines read it: the schema.org JSON-LD expanded by a
JSON-LD processor (pyld), the Highwire, OpenGraph and link tags parsed as HTML.

usage: check.py PAGE.uk.html PAGE.en.html BASE

There is no network here, so the context "https://schema.org" cannot be fetched:
a document loader gives pyld a local stand-in with what the real context
(https://schema.org/docs/jsonldcontext.jsonld) says of the terms used here: the
vocabulary http://schema.org/, and url, license and sameAs as IRIs.  Any other
remote document is refused, so the page may name no other context."""
import json
import sys
from html.parser import HTMLParser

from pyld import jsonld

S = "http://schema.org/"
CONTEXT = {"@context": {"@vocab": S, "schema": S, "url": {"@id": S + "url", "@type": "@id"},
                        "license": {"@id": S + "license", "@type": "@id"},
                        "sameAs": {"@id": S + "sameAs", "@type": "@id"}}}


def loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise RuntimeError("the page names a remote document: %s" % url)


class Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ld, self.in_ld, self.meta, self.links = "", False, {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self.in_ld = True
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content"))
        if tag == "link":
            self.links.append((a.get("rel"), a.get("hreflang"), a.get("href")))

    def handle_endtag(self, tag):
        self.in_ld = False if tag == "script" else self.in_ld

    def handle_data(self, data):
        if self.in_ld:
            self.ld += data


failures = []


def check(what, have, want):
    if have != want:
        failures.append("%s: %r, want %r" % (what, have, want))


def one(node, prop):
    """The single value of `prop` in an expanded node: its @value or @id."""
    values = node.get(S + prop, [])
    if len(values) != 1:
        failures.append("%s: %d values, want 1" % (prop, len(values)))
        return None
    v = values[0]
    return v.get("@value", v.get("@id", v))


def page(path, lang, base):
    h = Head()
    h.feed(open(path, encoding="utf-8").read())
    self_url = base + "wartime-participation.%s.html" % lang
    [report] = jsonld.expand(json.loads(h.ld), {"documentLoader": loader})
    check(lang + " @type", report.get("@type"), [S + "Report"])
    check(lang + " @id", report.get("@id"), self_url)
    check(lang + " url", one(report, "url"), self_url)
    check(lang + " inLanguage", one(report, "inLanguage"), lang)
    check(lang + " datePublished", one(report, "datePublished"), "2025-03-14")
    check(lang + " license", one(report, "license"), "https://creativecommons.org/licenses/by/4.0/")
    names = {"uk": ["Оксана Ткачук", "Ярослав Ґудзь", "Наталія Євтушенко"],
             "en": ["Oksana Tkachuk", "Yaroslav Gudz", "Nataliia Yevtushenko"]}[lang]
    authors = report.get(S + "author", [])
    # an expanded @list-less array keeps its order in pyld
    check(lang + " authors' names", [one(a, "name") for a in authors], names)
    check(lang + " authors' types", [a.get("@type") for a in authors], [[S + "Person"]] * 3)
    check(lang + " family names", [one(a, "familyName") for a in authors], [n.split()[-1] for n in names])
    kse = {"uk": "Київська школа економіки", "en": "Kyiv School of Economics"}[lang]
    aff = authors[0].get(S + "affiliation", [{}])[0] if authors else {}
    check(lang + " affiliation type", aff.get("@type"), [S + "Organization"])
    check(lang + " affiliation", one(aff, "name"), kse)
    check(lang + " no affiliation for the third author", S + "affiliation" in authors[2], False)
    publisher = report.get(S + "publisher", [{}])[0]
    check(lang + " publisher", one(publisher, "name"), kse)
    series = report.get(S + "isPartOf", [{}])[0]
    check(lang + " isPartOf type", series.get("@type"), [S + "CreativeWorkSeries"])
    check(lang + " series", one(series, "name"), {"uk": "Аналітична записка", "en": "Policy brief"}[lang])
    ids = sorted((one(i, "propertyID"), one(i, "value")) for i in report.get(S + "identifier", []))
    check(lang + " identifiers", ids, [("DOI", "10.5555/briefgen.wartime-participation"), ("ISBN", "978-617-95377-0-7")])
    check(lang + " keywords", len(report.get(S + "keywords", [])), 4)
    # Ukrainian is the source language: its page lists the translation, the
    # English page names its original
    other = {"uk": "en", "en": "uk"}[lang]
    rel = "workTranslation" if lang == "uk" else "translationOfWork"
    versions = report.get(S + rel, [])
    check(lang + " " + rel, [(v.get("@id"), one(v, "inLanguage")) for v in versions],
          [(base + "wartime-participation.%s.html" % other, other)])
    gone = "translationOfWork" if lang == "uk" else "workTranslation"
    check(lang + " no " + gone, S + gone in report, False)

    # Highwire Press, OpenGraph, links
    authors_fg = {"uk": ["Ткачук, Оксана", "Ґудзь, Ярослав", "Євтушенко, Наталія"],
                  "en": ["Tkachuk, Oksana", "Gudz, Yaroslav", "Yevtushenko, Nataliia"]}[lang]
    check(lang + " citation_author", h.meta.get("citation_author"), authors_fg)
    check(lang + " citation_publication_date", h.meta.get("citation_publication_date"), ["2025/03/14"])
    check(lang + " citation_language", h.meta.get("citation_language"), [lang])
    check(lang + " citation_doi", h.meta.get("citation_doi"), ["10.5555/briefgen.wartime-participation"])
    check(lang + " citation_pdf_url (no PDF in this run)", h.meta.get("citation_pdf_url"), None)
    check(lang + " og:url", h.meta.get("og:url"), [self_url])
    check(lang + " og:locale", h.meta.get("og:locale"), [{"uk": "uk_UA", "en": "en_GB"}[lang]])
    check(lang + " og:locale:alternate", h.meta.get("og:locale:alternate"), [{"uk": "en_GB", "en": "uk_UA"}[lang]])
    check(lang + " DC.language", h.meta.get("DC.language"), [lang])
    check(lang + " hreflang", sorted((hl, href) for rel_, hl, href in h.links if rel_ == "alternate"),
          [("en", base + "wartime-participation.en.html"), ("uk", base + "wartime-participation.uk.html"),
           ("x-default", base + "wartime-participation.uk.html")])
    check(lang + " canonical", [href for rel_, hl, href in h.links if rel_ == "canonical"], [self_url])


page(sys.argv[1], "uk", sys.argv[3])
page(sys.argv[2], "en", sys.argv[3])
if failures:
    print("\n".join(failures))
    sys.exit(1)
