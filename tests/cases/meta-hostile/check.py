"""The head of a page built from hostile texts, read as a browser reads it
(html.parser ends a <script> at the first "</script", whatever its case): one
script element, the JSON-LD; its JSON gives back each text exactly; the meta tags'
attributes too; no element was made from a text."""
import json
import sys
from html.parser import HTMLParser

TITLE = 'A "quoted" back\\slash \\", "@type": "Evil"} </script><script>alert(1)</script> <!-- & \' end'
SERIES = "Series </SCRIPT ><img src=x onerror=alert(2)>"
AUTHOR = 'Olena "</script>" Kovalenko'
KEYWORD = 'water"}]</script>'
PUBLISHER = "Press & Co </script>"


class Head(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.meta, self.in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "script":
            self.in_script = True
            self.scripts.append([a.get("type"), ""])
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.append((a.get("name") or a.get("property"), a.get("content")))

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1][1] += data


def fail(msg):
    print(msg)
    sys.exit(1)


h = Head()
h.feed(open(sys.argv[1], encoding="utf-8").read())
if [s[0] for s in h.scripts] != ["application/ld+json"]:
    fail("script elements: %r (want the JSON-LD alone)" % [s[0] for s in h.scripts])
if "img" in h.tags:
    fail("an <img> element was made from a text")
try:
    ld = json.loads(h.scripts[0][1])
except ValueError as e:
    fail("the JSON-LD is not JSON: %s" % e)
checks = [
    ("@type", ld.get("@type"), "Report"),
    ("name", ld.get("name"), TITLE),
    ("isPartOf.name", ld.get("isPartOf", {}).get("name"), SERIES),
    ("author[0].name", ld["author"][0].get("name"), AUTHOR),
    ("author[0].familyName", ld["author"][0].get("familyName"), "Kovalenko"),
    ("keywords", ld.get("keywords"), [KEYWORD]),
    ("author count", len(ld["author"]), 2),
    ("publisher.name", ld.get("publisher", {}).get("name"), PUBLISHER),
]
meta = {}
for k, v in h.meta:
    meta.setdefault(k, []).append(v)
checks += [
    ("citation_title", meta.get("citation_title"), [TITLE]),
    ("og:title", meta.get("og:title"), [TITLE]),
    ("DC.title", meta.get("DC.title"), [TITLE]),
    # "Family, Given" in the brief's order; without <given>/<family> the last word
    # of the name is the family name
    ("citation_author", meta.get("citation_author"), ['Kovalenko, Olena "</script>"', "Dijk, Jan van"]),
    ("citation_keywords", meta.get("citation_keywords"), [KEYWORD]),
    ("citation_publisher", meta.get("citation_publisher"), [PUBLISHER]),
    # the publisher, though the organisation stands first in the brief
    ("citation_technical_report_institution", meta.get("citation_technical_report_institution"), [PUBLISHER]),
]
for what, have, want in checks:
    if have != want:
        fail("%s: %r, want %r" % (what, have, want))
