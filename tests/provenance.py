#!/usr/bin/env python3
"""provenance.py: checks punktum's JSON against the cleaned text it came from.

Usage: provenance.py DOCUMENT.json CLEANED.txt

Independently of punktum's own coverage count, this proves that the offsets are right and
that nothing is lost: every text node (preamble, each item's header, each section's heading
and text, each appendix) must equal the cleaned text between its offsets, up to white space
(punktum trims node edges and collapses white space inside headings), and the nodes, in
document order, must tile the cleaned text: whatever lies between or around them is white
space only.  Offsets count code points, as Python indexes a str.  Exit 1 on the first
mismatch, naming it."""
import json
import re
import sys

SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def squeeze(text):
    return SPACE.sub("", text)


def nodes(doc):
    """(name, [start, end], text) for each text node, in document order."""
    pre = doc["preamble"]
    yield "preamble", pre["offsets"], pre["text"]
    for item in doc["items"]:
        name = "item %s" % item["id"]
        yield name + " header", item["header_offsets"], item["header"]
        for i, section in enumerate(item["sections"]):
            yield ("%s section %d (%s)" % (name, i + 1, section["heading"]), section["offsets"],
                   section["heading"] + section["text"])
    for i, app in enumerate(doc["appendices"]):
        yield "appendix %d" % (i + 1), app["offsets"], app["text"]


def check(doc, cleaned):
    at = 0
    for name, (start, end), text in nodes(doc):
        if not text.strip() and start == end:
            continue  # an empty node (no preamble) stands anywhere
        if start < at:
            return "%s starts at %d, inside the node before it (which ends at %d)" % (name, start, at)
        if squeeze(cleaned[at:start]):
            return "text before %s is in no node: %r" % (name, cleaned[at:start][:80])
        if squeeze(cleaned[start:end]) != squeeze(text):
            return "%s: offsets [%d, %d) hold %r, the node holds %r" % (
                name, start, end, cleaned[start:end][:80], text[:80])
        at = end
    if squeeze(cleaned[at:]):
        return "text after the last node is in no node: %r" % cleaned[at:][:80]
    for item in doc["items"]:
        start, end = item["offsets"]
        parts = [item["header_offsets"]] + [s["offsets"] for s in item["sections"]]
        if any(s < start or e > end for s, e in parts):
            return "item %s: its header or a section lies outside the item's offsets" % item["id"]
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    with open(sys.argv[2], encoding="utf-8", newline="") as f:
        cleaned = f.read()
    problem = check(doc, cleaned)
    if problem:
        print("%s: %s" % (sys.argv[1], problem))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
