"""The Atom feeds of a collection read by a real client, feedparser (Debian's
python3-feedparser): run with /usr/bin/python3 by tests/collection/run as

    check_feed.py DIR BASE_URL HOSTILE_TITLE

Prints one line per problem and exits 1 when there is any."""
import sys

import feedparser

folder, base, hostile = sys.argv[1], sys.argv[2], sys.argv[3]
problems = []
# the briefs built in each language, newest first (date, then title by collation)
expected = {
    "uk": ["schools-shelters", "water-networks", "wartime-participation"],
    "en": ["energy-hubs", "schools-shelters", "water-networks", "wartime-participation"],
    "pl": ["energy-hubs"],
}
for lang, stems in expected.items():
    path = f"{folder}/feed.{lang}.xml"
    d = feedparser.parse(path)
    if d.bozo:
        problems.append(f"{path}: not a valid feed: {d.bozo_exception}")
        continue
    if d.version != "atom10":
        problems.append(f"{path}: read as {d.version!r}, not Atom 1.0")
    if d.feed.get("language") != lang:
        problems.append(f"{path}: xml:lang is {d.feed.get('language')!r}, not {lang!r}")
    if d.feed.get("id") != f"{base}feed.{lang}.xml":
        problems.append(f"{path}: feed id {d.feed.get('id')!r}")
    got = [e.id[len(base):].split(".")[0] if e.id.startswith(base) else e.id for e in d.entries]
    if got != stems:
        problems.append(f"{path}: entries {got}, expected {stems}")
    dates = [e.published_parsed for e in d.entries]
    if dates != sorted(dates, reverse=True):
        problems.append(f"{path}: entries not newest first")
    if d.entries and d.feed.get("updated_parsed") != d.entries[0].updated_parsed:
        problems.append(f"{path}: feed updated {d.feed.get('updated')} is not the newest brief's date")
    for e in d.entries:
        links = {(l.get("type"), l.get("href")) for l in e.links}
        for l in e.links:
            if not l.href.startswith(base):
                problems.append(f"{path}: {e.id}: link {l.href} is not absolute under {base}")
        stem = e.id[len(base):].split(".")[0]
        for want in (("text/html", f"{base}{stem}.{lang}.html"), ("application/pdf", f"{base}{stem}.{lang}.pdf")):
            if want not in links:
                problems.append(f"{path}: {e.id}: no link {want}")
        if not e.get("authors") or not all(a.get("name") for a in e.authors):
            problems.append(f"{path}: {e.id}: no author")
        if not e.get("summary"):
            problems.append(f"{path}: {e.id}: no summary")
        if stem == "energy-hubs" and lang == "en" and e.title != hostile:
            problems.append(f"{path}: the hostile title came back as {e.title!r}, not as the text {hostile!r}")
    if lang == "uk":
        authors = [a.name for a in d.entries[-1].authors]
        if authors != ["Оксана Ткачук", "Ярослав Ґудзь", "Наталія Євтушенко"]:
            problems.append(f"{path}: the sample's authors are {authors}")
        publisher = [a.name for a in d.entries[1].authors]
        if publisher != ["Київська школа економіки"]:
            problems.append(f"{path}: a brief without authors is authored by {publisher}, not its publisher")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
