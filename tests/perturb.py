#!/usr/bin/env python3
"""perturb.py: the corpus again in the forms the same minutes take elsewhere.

A document that reads right in one form should read the same way when a site or a
program changes only how it is written: CR LF line ends, no-break spaces, a site's menu
above it, blank lines dropped, Windows-1252 bytes, all its lines run into one (a page
pasted as one paragraph; the hardest: where a title ends is then a guess), its items numbered in another common
shape ("N - Title", "Pkt. N Title", "Punkt N: Title" ...), its titles or its headings in
capitals, its headings run into their text ("Beslutning: Godkendt.") or marked as a
converter to Markdown marks them ("**Beslutning**", "## 2. Title"), a contents list of its
items put in above the body (with dot leaders and page numbers, plain, or a page number a
line of its own), its lines wrapped at a width, indented, or its pages' running headers
and numbers pasted in.  Each
variant keeps the document's gold, so a drop under a variant is a mechanism that holds
only for the form the rules were written from; but for the excerpts cut at half and at
seven tenths of the text, as a page's first kilobytes are (cut-50, cut-70), or right
after the last item's title (cut-title), whose gold keeps the items, headings and
decisions that end before the cut.  The documents stay where they are (public
records): the variants are written to a scratch folder and scored there.

  perturb.py make DOCS GOLD OUT        write OUT/docs/VARIANT--NAME.txt and OUT/gold/
  perturb.py table GOLD PRED           item F1, titles and headings by variant
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gold as scorer  # noqa: E402

# Item numbering shapes: {n} the number, {z} the number of two digits or more ("03"), {t}
# the rest of the item's line.
NUMBERINGS = {
    "num-dot": "{n}. {t}",
    "num-paren": "{n}) {t}",
    "num-dash": "{n} - {t}",
    "num-bare": "{n}  {t}",
    "num-tab": "{n}.\t{t}",
    "num-punkt": "Punkt {n}: {t}",
    "num-pkt": "Pkt. {n} {t}",
    "num-nr": "Nr. {n} - {t}",
    "num-sag": "Sag nr. {n}: {t}",
    "num-zero": "{z}. {t}",
    "num-hash": "#{n} {t}",
    "num-punkt-nr": "Punkt nr. {n} - {t}",
    "num-parens": "({n}) {t}",
    "num-bracket": "[{n}] {t}",
    "num-dagsordenspunkt": "Dagsordenspunkt {n}: {t}",
    "num-own-line": "{n}.\n{t}",
    "num-punkt-own-line": "Punkt {n}\n{t}",
}

FILLER_TITLES = ["Godkendelse af dagsorden", "Meddelelser fra formanden", "Orientering om status på anlægsprojekter", "Eventuelt"]

MENU = "Forside\nPolitik\nDagsordener og referater\nSøg\nMenu\nLog ind\n"
FOOTER = "\nKontakt\nCookies\nTilgængelighedserklæring\n"


def renumber(text, gold, shape):
    """TEXT with every line that opens an item of GOLD rewritten to SHAPE; None where an
    item's line is not found (the variant is then left out for this document)."""
    items = gold.get("items") or []
    if not items:
        return None
    lines = text.split("\n")
    for item in items:
        number, title = str(item.get("number") or ""), item.get("title") or ""
        if not re.fullmatch(r"\d+", number) or len(title) < 6:
            return None
        head = re.escape(title[:12]).replace("\\ ", r"\s+")
        opening = re.compile(r"^(\s*)(?:Punkt\s+|Pkt\.\s*|Nr\.\s*|Sag\s+(?:nr\.\s*)?)?0*" + number +
                             r"\s*[.):\-–]?\s+(?=" + head + ")")
        found = False
        for k, line in enumerate(lines):
            match = opening.match(line)
            if match:
                lines[k] = match.group(1) + shape.format(n=number, z=number.zfill(2), t=line[match.end():])
                found = True
        if not found:
            return None
    # The contents list's entries of items the excerpt cuts off are in the same shape.
    numbers = [int(item["number"]) for item in items]
    entry = re.compile(r"^(\s*)0*(\d{1,3})[.)]?\s+(?=[A-ZÆØÅ])")
    for k, line in enumerate(lines):
        match = entry.match(line)
        if match and max(numbers) < int(match.group(2)) <= max(numbers) + 30:
            lines[k] = match.group(1) + shape.format(n=match.group(2), z=match.group(2).zfill(2),
                                                     t=line[match.end():])
    return "\n".join(lines)


def titles_upper(text, gold):
    """TEXT with every item's title in capitals where it stands as printed."""
    out, hits = text, 0
    for item in gold.get("items") or []:
        title = item.get("title") or ""
        if len(title) >= 8 and "\n" not in title and title in out:
            out, hits = out.replace(title, title.upper()), hits + 1
    return out if hits else None


def gold_headings(gold):
    """The headings GOLD's items name, longest first."""
    names = {h for item in gold.get("items") or [] for h in item.get("headings") or [] if h}
    return sorted(names, key=len, reverse=True)


def headings_rewritten(text, gold, form):
    """TEXT with each line that is one of GOLD's headings in capitals (FORM "upper"), in
    Markdown's strong emphasis ("bold", as a converter of a web page marks it), or run into
    the line of text after it ("inline": "Beslutning: Godkendt."); None where none is found."""
    names = set(gold_headings(gold))
    lines, out, hits, k = text.split("\n"), [], 0, 0
    while k < len(lines):
        line = lines[k]
        if line.strip() in names:
            hits += 1
            heading = line.strip()
            following = lines[k + 1].strip() if k + 1 < len(lines) else ""
            if form == "upper":
                out.append(line.replace(heading, heading.upper()))
            elif form == "bold":
                out.append(line.replace(heading, "**" + heading + "**"))
            elif following and following not in names:
                out.append(heading.rstrip(":") + ": " + following)
                k += 1
            else:
                out.append(line)
        else:
            out.append(line)
        k += 1
    return "\n".join(out) if hits else None


def page_numbers(text, every=20):
    """TEXT as a PDF's pages pasted without their breaks: "Side N af 9" alone on a line
    after every EVERY lines."""
    lines, out = text.split("\n"), []
    for k, line in enumerate(lines):
        out.append(line)
        if k and k % every == 0:
            out.append("Side %d af 9" % (k // every + 1))
    return "\n".join(out)


def wrapped(text, width=60):
    """TEXT as a PDF's text comes out of a converter that keeps the printed lines: every
    line longer than WIDTH broken at the last space before it, titles too."""
    out = []
    for line in text.split("\n"):
        while len(line) > width and " " in line[1:width]:
            cut = line.rindex(" ", 1, width)
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def running_header(text, gold, every=30):
    """TEXT as a PDF's pages pasted with their running header: the body's name and the
    date, then "Side N", after every EVERY lines."""
    document = gold.get("document") or {}
    body, date = document.get("body") or "Byrådet", document.get("date") or "2019-03-12"
    header = "%s den %s" % (body, ".".join(reversed(date.split("-"))))
    lines, out = text.split("\n"), []
    for k, line in enumerate(lines):
        out.append(line)
        if k and k % every == 0:
            out.append("%s\nSide %d" % (header, k // every + 1))
    return "\n".join(out)


def contents_list(text, gold, shape):
    """TEXT with a contents list of GOLD's items put in above its first item, each
    entry in SHAPE ("leaders": "N. Title ........ 4", "plain": "N. Title", "bare": "N
    Title" a line, the page number on the next): a print view's or a PDF's list over the
    body.  None where an item has no number or title."""
    items = gold.get("items") or []
    if not items or any(not item.get("number") or not item.get("title") for item in items):
        return None
    listed = [(item["number"], item["title"]) for item in items]
    if shape == "meeting":
        # The meeting's whole list, as a site shows it beside one item's page: the items
        # before and after the page's own, under titles of their own.
        if not all(re.fullmatch(r"\d+", number) for number, _ in listed):
            return None
        first, last = int(listed[0][0]), int(listed[-1][0])
        before = [(str(n), FILLER_TITLES[k]) for k, n in enumerate(range(max(1, first - 2), first))]
        after = [(str(last + 1 + k), FILLER_TITLES[2 + k]) for k in range(2)]
        listed = before + listed + after
    entries = []
    for page, (number, title) in enumerate(listed, start=3):
        if shape == "leaders":
            entries.append("%s. %s %s %d" % (number, title, "." * max(4, 60 - len(title)), page))
        elif shape in ("plain", "meeting"):
            entries.append("%s. %s" % (number, title))
        else:
            entries.append("%s %s\n%d" % (number, title, page))
    lines = text.split("\n")
    opening = items[0]["title"][:12]
    if text.count(opening) > 1:
        return None  # the page lists its items already
    at = next((k for k, line in enumerate(lines) if opening in line), 0)
    # Above the first item's line (and its number, where that stands on a line before it).
    while at > 0 and re.fullmatch(r"\s*(?:\S{0,12}\s*)?\d{1,4}[.:]?\s*", lines[at - 1]):
        at -= 1
    listed = "Indholdsfortegnelse\n\n" + "\n".join(entries) + "\n"
    return "\n".join(lines[:at] + [listed] + lines[at:])


def marked_above(text, gold, mark):
    """TEXT with the line MARK ("Åben sag", "Sagsnr.: 19/1234") above each of GOLD's items'
    start lines in the body (the last line that opens it), as templates print an item's
    access or case over its title; None where an item's line is not found."""
    items = gold.get("items") or []
    if not items:
        return None
    lines = text.split("\n")
    at = []
    for item in items:
        number, title = str(item.get("number") or ""), item.get("title") or ""
        if not re.fullmatch(r"\d+", number) or len(title) < 6:
            return None
        head = re.escape(title[:12]).replace("\\ ", r"\s+")
        opening = re.compile(r"^\s*(?:Punkt\s+|Pkt\.\s*)?0*" + number + r"\s*[.):\-–]?\s+(?=" + head + ")")
        found = [k for k, line in enumerate(lines) if opening.match(line)]
        if not found:
            return None
        at.append(found[-1])
    marks = {}
    for k, item in zip(at, items):
        # A case line gives the item's own case number where the gold has one.
        case = item.get("case_number")
        marks[k] = mark if not case or "Sagsnr" not in mark else "Sagsnr.: " + case
    for k in sorted(marks, reverse=True):
        lines.insert(k, marks[k])
    return "\n".join(lines)


POINTS = "\nForvaltningen har set på tre forhold:\n1. Trafiksikkerhed\n2. Cykelstier\n3. Parkering\n"


def points_inside(text, gold):
    """TEXT with a numbered list of capitalised points ("1. Trafiksikkerhed" ...) put in
    under each item's first heading's text, as a case's text lists what it looked at;
    None where an item's first heading is not found on a line of its own."""
    items = gold.get("items") or []
    lines, hits = text.split("\n"), 0
    for item in items:
        headings = item.get("headings") or []
        if not headings:
            continue
        heading = headings[0].strip()
        for k, line in enumerate(lines):
            if line.strip() == heading and k + 1 < len(lines):
                # after the heading's first line of text
                j = k + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                lines.insert(j + 1, POINTS)
                hits += 1
                break
    return "\n".join(lines) if hits else None


def find_norm(text, needle, start):
    """Where NEEDLE ends in TEXT from START on, white space collapsed in both; -1 if not."""
    words = needle.split()
    if not words:
        return -1
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.compile(pattern).search(text, start)
    return match.end() if match else -1


def find_title(text, item, start):
    """Where ITEM's title ends in TEXT from START on: where its first heading follows it
    within a few lines (the body's header, not an overview's entry), else the first."""
    first = end = find_norm(text, item.get("title") or "", start)
    headings = item.get("headings") or []
    while end >= 0 and headings:
        after = find_norm(text, headings[0], end)
        if 0 <= after <= end + 300:
            return end
        end = find_norm(text, item.get("title") or "", end)
    return first


def before_cut(text, things, place, at, find):
    """THINGS found in order in TEXT from PLACE on by FIND(text, thing, place), those
    that end before AT, and where the last of them ends; None where one is not found."""
    kept = []
    for thing in things:
        end = find(text, thing, place)
        if end < 0:
            return None
        if end > at:
            break
        kept.append((thing, end))
        place = end
    return kept


def cut(text, gold, share):
    """TEXT cut off after SHARE of its characters, as a page's excerpt is, with GOLD's
    items, headings and decisions kept only where they end before the cut; None where an
    item's title or heading is not found in order, or no item's title ends before it."""
    at = int(len(text) * share)
    items = before_cut(text, gold.get("items") or [], 0, at, find_title)
    if not items:
        return None
    kept = []
    for item, place in items:
        item = dict(item)
        heads = before_cut(text, item.get("headings") or [], place, at, find_norm)
        if heads is None:
            return None
        if len(heads) < len(item.get("headings") or []):
            item["complete"] = False
        item["headings"] = [heading for heading, _ in heads]
        place = heads[-1][1] if heads else place
        decision = item.get("decision")
        if decision and not 0 <= find_norm(text, decision, place) <= at:
            item["decision"] = None
        kept.append(item)
    trimmed = dict(gold)
    trimmed["items"] = kept
    return text[:at], trimmed


def cut_after_title(text, gold):
    """TEXT cut off right after its last item's title, as a page's excerpt may end, with
    GOLD's items (the last one with no headings and no decision); None where a title is
    not found in order or there are fewer than two items."""
    items = before_cut(text, gold.get("items") or [], 0, len(text), find_title)
    if not items or len(items) < 2 or len(items) < len(gold.get("items") or []):
        return None
    last = dict(items[-1][0], headings=[], decision=None, complete=False)
    trimmed = dict(gold, items=[item for item, _ in items[:-1]] + [last])
    return text[:items[-1][1] + 1], trimmed


def variants(text, gold):
    """(variant, text or bytes) for each form of TEXT, the first TEXT as it is."""
    yield "as-is", text
    yield "crlf", text.replace("\n", "\r\n")
    yield "nbsp", text.replace(" ", "\u00a0")
    yield "menu", MENU + text
    yield "footer", text + FOOTER
    yield "no-blank-lines", re.sub(r"\n\s*\n", "\n", text)
    yield "cp1252", text.encode("cp1252", "replace")
    yield "one-line", re.sub(r"\s*\n\s*", " ", text).strip() + "\n"
    yield "page-numbers", page_numbers(text)
    yield "wrapped", wrapped(text)
    yield "indented", re.sub(r"(?m)^(?=.)", "    ", text)
    yield "double-spaced", text.replace("\n", "\n\n")
    yield "running-header", running_header(text, gold)
    if gold.get("is_minutes", True) and gold.get("items"):
        for name, shape in NUMBERINGS.items():
            renumbered = renumber(text, gold, shape)
            if renumbered is not None:
                yield name, renumbered
        for shape in ("leaders", "plain", "bare", "meeting"):
            listed = contents_list(text, gold, shape)
            if listed is not None:
                yield "contents-" + shape, listed
        for name, mark in (("access-above", "Åben sag"), ("case-above", "Sagsnr.: 19/01234")):
            marked = marked_above(text, gold, mark)
            if marked is not None:
                yield name, marked
        for share in (0.5, 0.7):
            excerpt = cut(text, gold, share)
            if excerpt is not None:
                yield ("cut-%d" % int(share * 100),) + excerpt
        excerpt = cut_after_title(text, gold)
        if excerpt is not None:
            yield ("cut-title",) + excerpt
        inside = points_inside(text, gold)
        if inside is not None:
            yield "points-inside", inside
        upper = titles_upper(text, gold)
        if upper is not None:
            yield "titles-upper", upper
        markdown = renumber(text, gold, "## {n}. {t}")
        if markdown is not None:
            yield "titles-markdown", markdown
        for form in ("upper", "inline", "bold"):
            rewritten = headings_rewritten(text, gold, form)
            if rewritten is not None:
                yield "headings-" + form, rewritten


def cmd_make(docs, gold_dir, out):
    os.makedirs(os.path.join(out, "docs"), exist_ok=True)
    os.makedirs(os.path.join(out, "gold"), exist_ok=True)
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        stem = name[:-5]
        path = os.path.join(docs, stem + ".txt")
        if not os.path.exists(path):
            continue
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError:
            continue
        gold = scorer.load(os.path.join(gold_dir, name))
        for variant, body, *trimmed in variants(text, gold):
            data = body if isinstance(body, bytes) else body.encode("utf-8")
            answer = trimmed[0] if trimmed else gold
            target = f"{variant}--{stem}"
            with open(os.path.join(out, "docs", target + ".txt"), "wb") as handle:
                handle.write(data)
            with open(os.path.join(out, "gold", target + ".json"), "w", encoding="utf-8") as handle:
                json.dump(answer, handle, ensure_ascii=False)


def cmd_table(gold_dir, pred_dir):
    tallies = {}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        variant = name.split("--", 1)[0]
        pred = scorer.load_prediction(os.path.join(pred_dir, name))
        tally = scorer.score_document(scorer.load(os.path.join(gold_dir, name)), pred, name, pred is None)
        tallies.setdefault(variant, [scorer.Tally(), 0])
        tallies[variant][0].merge(tally)
        tallies[variant][1] += 1
    print("variant            documents  item F1  titles  headings")
    for variant, (tally, count) in sorted(tallies.items()):
        summ = scorer.summary(tally, count)
        cells = [summ.get(key) for key in ("item_f1", "title", "headings")]
        print(f"{variant:<18} {count:9d}  " +
              "  ".join("   -  " if v is None else f"{v:6.3f}" for v in cells))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "make":
        cmd_make(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        cmd_table(*sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
