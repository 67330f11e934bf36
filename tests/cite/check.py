#!/usr/bin/python3
"""tests/cite/check.py — the citation files (NAME.ris, NAME.bib, NAME.csl.json) read
back by real clients: pandoc's BibTeX and biblatex readers, its CSL JSON reader and
citeproc.  Pandoc 2.17 has no RIS reader, so the RIS file is held to the format's
line grammar ("TAG  - value" lines, CRLF, TY … ER records) and compared field by
field.

    BUILD=build /usr/bin/python3 tests/cite/check.py   (tests/run calls it)

Prints "ok NAME" / "FAIL NAME" lines and a closing "N passed, N failed".
What it holds the files to (issue 16): one record per language, in order; authors
(family, given), year, title, publisher, DOI intact in Cyrillic and Latin, through
pandoc -f bibtex, -f biblatex and -f csljson, and through --citeproc; a hostile
title and family name ({ } \\ % $ & # _ ~ ^ " @, a lone brace) stay text in BibTeX
and cannot start a RIS line.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")
BG = os.environ.get("BRIEFGEN_CMD") or os.path.join(ROOT, BUILD, "briefgen")
SAMPLE = os.path.join(ROOT, "samples/wartime-participation.xml")
NS = {"b": "urn:briefgen:brief:1"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
passed = failed = 0


def check(name, problems):
    global passed, failed
    if problems:
        failed += 1
        print("FAIL " + name)
        for p in problems:
            print("    " + str(p).replace("\n", "\n    "))
    else:
        passed += 1
        print("ok " + name)


def build(brief, out, *args):
    r = subprocess.run([BG, "build", "-f", "cite,html", "-o", out, *args, brief], capture_output=True, text=True)
    return r.returncode, r.stderr


def pandoc(*args, stdin=None):
    r = subprocess.run(["pandoc", *args], capture_output=True, text=True, input=stdin)
    if r.returncode != 0:
        raise RuntimeError("pandoc %s: %s" % (" ".join(args), r.stderr))
    return r.stdout


def expected(brief_path):
    """What each language's record must say, read from the brief itself."""
    meta = ET.parse(brief_path).getroot().find("b:meta", NS)
    root = ET.parse(brief_path).getroot()

    def text(el, lang):
        for t in el:
            if t.get(XML_LANG) == lang:
                return " ".join("".join(t.itertext()).split())
        return None

    want = {}
    for lang in root.get("langs").split():
        authors = [(text(p.findall("b:family", NS), lang), text(p.findall("b:given", NS), lang))
                   for p in meta.findall("b:person", NS) if p.get("credit") != "contributor"]
        want[lang] = {
            "authors": authors,
            "year": int(root.get("date")[:4]),
            "title": text(meta.findall("b:title", NS), lang),
            "publisher": text(meta.findall("b:publisher/b:name", NS), lang),
            "doi": meta.findtext("b:doi", namespaces=NS).strip(),
        }
    return want


def plain_title(t):
    # pandoc marks a brace-protected word as <span class="nocase">, and its BibTeX
    # reader sets an English title in sentence case ("…: How …")
    return re.sub(r"</?span[^>]*>", "", t or "").casefold()


def csl_problems(items, want, how, exact_title=True, lossy=None):
    problems = []
    langs = list(want)
    if len(items) != len(langs):
        return ["%s: %d items, want %d (one per language)" % (how, len(items), len(langs))]
    for item, lang in zip(items, langs):
        w = want[lang]
        got_authors = [(a.get("family"), a.get("given")) for a in item.get("author", [])]
        if got_authors != w["authors"]:
            problems.append("%s %s: authors %r, want %r" % (how, lang, got_authors, w["authors"]))
        year = item.get("issued", {}).get("date-parts", [[None]])[0][0]
        if int(year or 0) != w["year"]:
            problems.append("%s %s: year %r, want %r" % (how, lang, year, w["year"]))
        title = item.get("title")
        if lossy and lang in lossy:
            if " ".join(title.split()) != lossy[lang]:
                problems.append("%s %s: title %r, want %r" % (how, lang, title, lossy[lang]))
        elif (title != w["title"]) if exact_title else (plain_title(title) != plain_title(w["title"])):
            problems.append("%s %s: title %r, want %r" % (how, lang, title, w["title"]))
        if item.get("publisher") != w["publisher"]:
            problems.append("%s %s: publisher %r, want %r" % (how, lang, item.get("publisher"), w["publisher"]))
        if item.get("DOI") != w["doi"]:
            problems.append("%s %s: DOI %r, want %r" % (how, lang, item.get("DOI"), w["doi"]))
        if not (item.get("language") or "").startswith(lang):
            problems.append("%s %s: language %r" % (how, lang, item.get("language")))
    return problems


RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def read_ris(data):
    """The records of a RIS file, strictly: every line "TAG  - value" ending in CRLF,
    records from TY to ER.  Returns (records, problems)."""
    problems, records, cur = [], [], None
    if not data.endswith("\r\n"):
        problems.append("RIS: the file does not end with CRLF")
    for n, line in enumerate(data.split("\r\n")[:-1], 1):
        m = RIS_LINE.match(line)
        if not m or "\n" in line or "\r" in line:
            problems.append("RIS line %d is not TAG  - value: %r" % (n, line[:80]))
            continue
        tag, value = m.groups()
        if tag == "TY":
            if cur is not None:
                problems.append("RIS line %d: TY inside a record" % n)
            cur = {"TY": [value]}
        elif cur is None:
            problems.append("RIS line %d: %s outside a record" % (n, tag))
        elif tag == "ER":
            records.append(cur)
            cur = None
        else:
            cur.setdefault(tag, []).append(value)
    if cur is not None:
        problems.append("RIS: the last record has no ER")
    return records, problems


def ris_problems(data, want, csl):
    records, problems = read_ris(data)
    if len(records) != len(want):
        return problems + ["RIS: %d records, want %d" % (len(records), len(want))]
    for rec, (lang, w), item in zip(records, want.items(), csl):
        au = ["%s, %s" % a for a in w["authors"]]
        for tag, value in (("TY", ["RPRT"]), ("AU", au), ("PY", [str(w["year"])]), ("TI", [item["title"]]),
                           ("PB", [w["publisher"]]), ("DO", [w["doi"]]), ("LA", [lang])):
            if rec.get(tag) != value:
                problems.append("RIS %s: %s %r, want %r" % (lang, tag, rec.get(tag), value))
    return problems


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def round_trips(name, out, stem, want, exact_title, lossy=None):
    """pandoc reads the three files back; returns the CSL JSON as written."""
    base = os.path.join(out, stem)
    written = json.loads(read(base + ".csl.json"))
    check(name + "/csljson", csl_problems(written, want, "csl.json", exact_title))
    p = []
    for fmt in ("bibtex", "biblatex"):
        try:
            p += csl_problems(json.loads(pandoc("-f", fmt, "-t", "csljson", base + ".bib")), want,
                              "pandoc -f " + fmt, False, lossy)
        except RuntimeError as e:
            p.append(str(e))
    check(name + "/bibtex", p)
    try:
        back = json.loads(pandoc("-f", "csljson", "-t", "csljson", base + ".csl.json"))
        p = csl_problems(back, want, "pandoc -f csljson", exact_title)
    except RuntimeError as e:
        p = [str(e)]
    check(name + "/csljson-pandoc", p)
    check(name + "/ris", ris_problems(read(base + ".ris"), want, written))
    return written


def citeproc(name, out, stem, written, want):
    md = " ".join("[@%s]" % item["id"] for item in written) + "\n"
    p = []
    try:
        text = pandoc("--citeproc", "--bibliography", os.path.join(out, stem + ".csl.json"), "-f", "markdown",
                      "-t", "plain", "--wrap=none", stdin=md)
    except RuntimeError as e:
        text, p = "", [str(e)]
    flat = " ".join(text.split())
    for lang, w in want.items():
        for family, given in w["authors"]:
            if family not in flat:
                p.append("citeproc: no %r (%s)" % (family, lang))
        for what in (w["title"], w["publisher"], w["doi"], str(w["year"])):
            if what.casefold() not in flat.casefold():  # the style sets English titles in title case
                p.append("citeproc: no %r (%s) in:\n%s" % (what, lang, flat))
    check(name + "/citeproc", p)


def main():
    tmp = tempfile.mkdtemp(prefix="briefgen-cite.")
    try:
        stem = "wartime-participation"
        out = os.path.join(tmp, "sample")
        rc, err = build(SAMPLE, out)
        check("cite/sample-build", [] if rc == 0 and not err else ["exit %d: %s" % (rc, err)])
        want = expected(SAMPLE)
        written = round_trips("cite/sample", out, stem, want, True)
        citeproc("cite/sample", out, stem, written, want)
        bib = read(os.path.join(out, stem + ".bib"))
        keys = re.findall(r"^@techreport\{([^,]+),", bib, re.M)
        check("cite/sample/keys", [] if keys == ["tkachuk2025uchast-uk", "tkachuk2025participation-en"]
              else ["keys %r" % keys])
        check("cite/sample/protected-capital",
              [] if "how {Ukrainian} municipalities" in bib else ["no {Ukrainian} in the English title"])
        html = read(os.path.join(out, stem + ".uk.html"))
        links = re.findall(r'href="(%s\.(?:ris|bib|csl\.json))"' % stem, html)
        check("cite/html-links", [] if links == [stem + ".ris", stem + ".bib", stem + ".csl.json"]
              else ["the uk page links %r" % links])
        rc, _ = build(SAMPLE, os.path.join(tmp, "html-only"), "-f", "html")
        html = read(os.path.join(tmp, "html-only", stem + ".uk.html"))
        check("cite/html-no-links", [] if rc == 0 and ".ris" not in html else ["-f html links the citation files"])

        # Incremental builds: a build of one language writes its record alone; a
        # build of every language then rewrites the files (the RIS file's LA lines
        # say which languages they hold), and a third finds them up to date.
        inc = os.path.join(tmp, "inc")
        rc1, _ = build(SAMPLE, inc, "-l", "en")
        one = read(os.path.join(inc, stem + ".ris")).count("TY  - ")
        rc2, _ = build(SAMPLE, inc)
        two = read(os.path.join(inc, stem + ".ris")).count("TY  - ")
        before = [os.stat(os.path.join(inc, stem + "." + e)).st_mtime_ns for e in ("ris", "bib", "csl.json")]
        rc3, err3 = build(SAMPLE, inc, "--deps", os.path.join(tmp, "inc.d"))
        after = [os.stat(os.path.join(inc, stem + "." + e)).st_mtime_ns for e in ("ris", "bib", "csl.json")]
        deps = read(os.path.join(tmp, "inc.d"))
        p = []
        if (rc1, rc2, rc3) != (0, 0, 0):
            p.append("exit statuses %r" % ((rc1, rc2, rc3),))
        if (one, two) != (1, 2):
            p.append("records after -l en, then every language: %d, %d (want 1, 2)" % (one, two))
        if before != after or "5 outputs up to date" not in err3:
            p.append("a third build rebuilt the citation files: %s" % err3)
        rule = "%s/%s.ris %s/%s.bib %s/%s.csl.json:" % (inc, stem, inc, stem, inc, stem)
        if rule not in deps or "templates/cite/brief.xsl" not in deps:
            p.append("--deps has no rule for the citation files naming templates/cite/brief.xsl")
        check("cite/incremental", p)

        # A hostile title and family name: every BibTeX special character, a quote,
        # an @, a lone brace; they must stay text.
        hostile_title = 'Tricky {x} \\ 100% $5 &amp; #1 a_b ~c ^d "q" @e'
        lone = "Lone { brace"
        src = read(SAMPLE)
        src = src.replace(">Participation under fire: how Ukrainian municipalities keep residents involved<",
                          ">" + hostile_title + "<")
        src = src.replace('<family xml:lang="en">Tkachuk</family>', '<family xml:lang="en">Tk{a}chuk %$&amp;#_~^\\</family>')
        src = src.replace('<title xml:lang="uk">Участь під час війни: як українські громади залучають мешканців</title>',
                          '<title xml:lang="uk">' + lone + '</title>')
        hdir = os.path.join(tmp, "hostile")
        os.mkdir(hdir)
        shutil.copy(os.path.join(ROOT, "samples/wartime-participation-map.svg"), hdir)
        hostile = os.path.join(hdir, stem + ".xml")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(src)
        hout = os.path.join(tmp, "hostile-out")
        rc, err = build(hostile, hout)
        check("cite/hostile-build", [] if rc == 0 else ["exit %d: %s" % (rc, err)])
        hwant = expected(hostile)
        hwant["en"]["title"] = hwant["en"]["title"].replace('"q"', "\u201cq\u201d")  # typo.c's quotes
        # A lone brace is \textbraceleft{} (LaTeX's textcomp), which pandoc's reader
        # drops: only the rest of that title is asked of the BibTeX readers.
        hwritten = round_trips("cite/hostile", hout, stem, hwant, True, {"uk": "Lone brace"})
        en = hwritten[1]["title"]
        check("cite/hostile/special-characters",
              [] if all(c in en for c in "{}\\%$&#_~^@") else ["the English title lost characters: %r" % en])
        hbib = read(os.path.join(hout, stem + ".bib"))
        check("cite/hostile/lone-brace-balanced",
              [] if hbib.count("{") == hbib.count("}") and "\\textbraceleft{}" in hbib
              else ["the .bib's braces do not balance"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
