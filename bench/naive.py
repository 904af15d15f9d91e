#!/usr/bin/env python3
"""naive.py FILE: the plain regular-expression script a user would write instead of
punktum, for comparison in the benchmark: read the file, drop the page numbers, cut it
into items at "Åben sag"/"Lukket sag" pages or numbered lines, cut each item at the
headings punktum's built-in rules know, print one JSON line per item."""
import json
import re
import sys

PAGE = re.compile(r"^\d+ ", re.M)
ITEM = re.compile(r"(?m)^(?:\d+\.\s+\S.*$|.*?(?:Åben|Lukket) sag)")
HEADING = re.compile(r"\b(RESUMÉ|SAGSFREMSTILLING|INDSTILLING|ØKONOMI|BESLUTNING(?: I [A-ZÆØÅ -]+ DEN)?|"
                     r"Resumé|Sagsfremstilling|Indstilling|Beslutning)\b")


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        text = PAGE.sub("", f.read())
    starts = [m.start() for m in ITEM.finditer(text)] + [len(text)]
    out = sys.stdout
    for n, (a, b) in enumerate(zip(starts, starts[1:]), 1):
        item = text[a:b]
        cuts = [(m.start(), m.group(1)) for m in HEADING.finditer(item)]
        sections = []
        for (at, heading), nxt in zip(cuts, cuts[1:] + [(len(item), None)]):
            sections.append({"heading": heading, "text": item[at + len(heading):nxt[0]].strip()})
        out.write(json.dumps({"n": n, "header": item[:cuts[0][0] if cuts else len(item)].strip(),
                              "sections": sections}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
