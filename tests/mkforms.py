#!/usr/bin/env python3
"""mkforms.py: the other forms of a document, for tests/forms-eval.sh (standard library only).

    mkforms.py IN.txt GOLD.json OUT_DIR INDEX

writes OUT_DIR/NAME.pdf and, for a document that is a council web page's text (not a
PDF's transcript), OUT_DIR/NAME.print.html, NAME.item.html and NAME.meeting.html.

The PDF is the document as its municipality would have printed it.  A document-sharing
site's transcript (the site's wrapper, "Transkript", a line per page, then a list of
related documents) becomes its PDF again: one transcript page a PDF page, the site's
wrapper and list left out (they were never in the PDF).  Any other text becomes pages
of 20 lines.  Lines are wrapped at MEASURE characters, long words hyphenated at the
line end (in every third document), a running header (the document's first line) stands on every page of a
document of two pages or more, and the page number at the foot takes one of the common
forms ("Side 3 af 9", "- 3 -", "3", "Side 3") by INDEX.  Case fields ("Sagsnr.: 22/3307")
are set as a label column beside a value column, and in every fourth document the
headings (known from the gold answer) in a column beside their text.

The HTML pages are the shapes of the council systems: a print view (tables, <b>
headings), an item page (<h1> title, <strong> paragraph headings, a <th> field table)
and a whole-meeting page (<h2> titles, <h3> headings, numbered lists as <ol>).  Which
line is a title or a heading comes from the gold answer: a council system knows its
own headings and marks them up; the test is whether punktum reads the markup.
"""
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkpdf  # noqa: E402

MEASURE = 95
LINES_PER_PAGE = 20
PAGE_FORMS = ["Side %(n)d af %(m)d", "- %(n)d -", "%(n)d", "Side %(n)d"]
FIELD = re.compile(r"^(Sagsnr\.?|Sags nr\.?|Sagsnummer|J\.\s?nr\.?|Journalnr\.?|Dato|Mødedato|"
                   r"Mødested|Sted|Tidspunkt|Mødetidspunkt)\s*:\s*(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
LABEL_COLUMN = 130
HYPHENATE_EVERY = 3  # most councils' word processors do not hyphenate; some do
HEADING_COLUMN_EVERY = 4  # some systems set headings in a column beside their text
HEADING_COLUMN, HEADING_COLUMN_CHARS = 150, 24


def norm(text):
    text = re.sub(r"\s+", " ", text or "").strip().casefold()
    text = re.sub(r"^nr\.?\s*\d+\s*[-–.]\s*", "", text)
    return text.rstrip(" :.")


def transcript_pages(lines):
    """The page texts of a transcript, or None when LINES are not one."""
    starts = [i for i, line in enumerate(lines[:60]) if line.strip() == "Transkript"]
    if not starts:
        return None
    pages, expected = [], 1
    for line in lines[starts[0] + 1:]:
        if not line.strip():
            continue
        match = re.match(r"^(\d{1,4})(?: (.*))?$", line)
        if not match or not expected <= int(match.group(1)) <= expected + 3:
            break
        while expected < int(match.group(1)):  # lost pages stay pages
            pages.append("")
            expected += 1
        pages.append(match.group(2) or "")
        expected += 1
    return pages


def wrap(text, measure=MEASURE, hyphenate=False):
    """TEXT in lines of at most MEASURE characters; with HYPHENATE, a long word that does
    not fit is hyphenated where at least five letters fit and four remain."""
    out, line = [], ""
    for word in text.split():
        room = measure - len(line) - (1 if line else 0)
        if len(word) <= room:
            line = line + " " + word if line else word
            continue
        if hyphenate and len(word) >= 10 and word.isalpha() and word.islower() and room >= 6 and len(word) - (room - 1) >= 4:
            cut = room - 1
            out.append((line + " " if line else "") + word[:cut] + "-")
            line = word[cut:]
            continue
        if line:
            out.append(line)
        line = word
    if line or not out:
        out.append(line)
    return out


def typeset_line(line, hyphenate):
    """One text line as PDF lines: a case field as two cells, else wrapped text."""
    field = FIELD.match(line.strip())
    if field:
        return [[(0, field.group(1) + ":"), (LABEL_COLUMN, field.group(2))]]
    return wrap(line, hyphenate=hyphenate) if line.strip() else [""]


def heading_column(lines, headings, hyphenate):
    """The lines with each heading (short enough) in a label column beside the first
    lines of the paragraph after it, which is set to the narrower text column."""
    out, i = [], 0
    while i < len(lines):
        line = lines[i].strip()
        j = i + 1 if i + 1 < len(lines) and lines[i + 1].strip() else i + 2
        following = j < len(lines) and lines[j].strip()
        if norm(line) in headings and len(line) <= HEADING_COLUMN_CHARS and following and not FIELD.match(following):
            text = wrap(lines[j], MEASURE - HEADING_COLUMN_CHARS - 2, hyphenate)
            out.append([(0, line), (HEADING_COLUMN, text[0])])
            out += [[(HEADING_COLUMN, rest)] for rest in text[1:]]
            i = j + 1
            continue
        out += typeset_line(lines[i], hyphenate)
        i += 1
    return out


def pdf_pages(text, hyphenate, headings=None):
    lines = text.split("\n")
    pages = transcript_pages(lines)
    if pages is not None:
        return [wrap(page, hyphenate=hyphenate) for page in pages], True
    if headings:
        flat = heading_column(lines, headings, hyphenate)
    else:
        flat = [out for line in lines for out in typeset_line(line, hyphenate)]
    while flat and flat[-1] == "":
        flat.pop()
    return [flat[i:i + LINES_PER_PAGE] for i in range(0, len(flat), LINES_PER_PAGE)] or [[]], False


def header_of(text, pages):
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if pages and pages[0] and isinstance(pages[0][0], str) and first.startswith(pages[0][0][:20]):
        first = "Referat"  # a page text starting with the header would lose its own first line
    return first[:60] if len(pages) > 1 else None


def write_pdf(text, out_path, index, gold):
    headings = None
    if index % HEADING_COLUMN_EVERY == 1:
        headings = {norm(h) for item in gold.get("items", []) for h in item.get("headings", [])}
    pages, _ = pdf_pages(text, index % HYPHENATE_EVERY == 0, headings)
    mkpdf.write_pdf(pages, out_path, header_of(text, pages), True, False, False,
                    footer_form=PAGE_FORMS[index % len(PAGE_FORMS)], width=595, height=842,
                    size=9, leading=12, header_on_first=True)


# ---- HTML ----------------------------------------------------------------------------------

def classify(lines, gold):
    """Each line as (kind, text): title, heading, field, numbered, text or blank."""
    titles = {norm(item.get("title")) for item in gold.get("items", []) if item.get("title")}
    headings = {norm(h) for item in gold.get("items", []) for h in item.get("headings", [])}
    out = []
    for line in lines:
        stripped = line.strip()
        bare = norm(re.sub(r"^(?:punkt\s+|pkt\.\s*)?\d{1,3}[.:)]?\s+", "", stripped, flags=re.I))
        if not stripped:
            out.append(("blank", ""))
        elif norm(stripped) in titles or (bare in titles and bare):
            out.append(("title", stripped))
        elif norm(stripped) in headings:
            out.append(("heading", stripped))
        elif FIELD.match(stripped):
            out.append(("field", stripped))
        elif NUMBERED.match(stripped):
            out.append(("numbered", stripped))
        else:
            out.append(("text", stripped))
    return out


def esc(text):
    return html.escape(text, quote=False)


def field_row(text, label_cell):
    label, value = FIELD.match(text).groups()
    return "<tr><%s>%s:</%s><td>%s</td></tr>" % (label_cell, esc(label), label_cell, esc(value))


def blocks(classified):
    """Runs of lines: consecutive text lines form a paragraph, fields a table, numbered
    lines a list; titles and headings stand alone."""
    out = []
    for kind, text in classified:
        if kind == "blank":
            out.append(("break", []))
        elif out and out[-1][0] == kind and kind in ("text", "field", "numbered"):
            out[-1][1].append(text)
        else:
            out.append((kind, [text]))
    return [b for b in out if b[0] != "break"]


def numbered_list(lines):
    first = int(NUMBERED.match(lines[0]).group(1))
    numbers = [int(NUMBERED.match(line).group(1)) for line in lines]
    if numbers != list(range(first, first + len(lines))):
        return "".join("<p>%s</p>\n" % esc(line) for line in lines)
    items = "".join("<li>%s</li>" % esc(NUMBERED.match(line).group(2)) for line in lines)
    return '<ol start="%d">%s</ol>\n' % (first, items)


PAGE_HEAD = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>%s</title>
<style>body { font-family: Arial } .noprint { display: none }</style>
<script>window.dataLayer = window.dataLayer || [];</script></head>
"""


def render(classified, title, opening, markup, closing):
    """A page: OPENING, each block of the text in the shape's MARKUP (kind -> function of
    the block's lines giving the page's lines; "text" for any kind without its own), and
    CLOSING."""
    body = list(opening)
    for kind, lines in blocks(classified):
        body += markup.get(kind, markup["text"])(lines)
    body += closing
    return PAGE_HEAD % esc(title) + "\n".join(body) + "\n"


def print_view(classified, title):
    return render(classified, title,
                  ['<body onload="window.print()"><div class="noprint">Luk vinduet</div>',
                   '<table width="100%" border="0">'],
                  {"title": lambda l: ['</table>\n<table width="100%%" border="0"><tr><td><b>%s</b></td></tr>' % esc(l[0])],
                   "heading": lambda l: ["<tr><td><b>%s</b></td></tr>" % esc(l[0])],
                   "field": lambda l: [field_row(line, "td") for line in l],
                   "text": lambda l: ["<tr><td>%s</td></tr>" % "<br>\n".join(esc(line) for line in l)]},
                  ["</table></body></html>"])


def item_page(classified, title):
    return render(classified, title,
                  ['<body><div id="topbar"><nav><a href="/">Forside</a> | <a href="/moeder">Møder</a></nav></div>',
                   '<div id="wrapper"><article class="agenda-item">'],
                  {"title": lambda l: ["<header><h1>%s</h1></header>" % esc(l[0])],
                   "heading": lambda l: ["<p><strong>%s</strong></p>" % esc(l[0])],
                   "field": lambda l: ['<table class="case">%s</table>' % "".join(field_row(x, "th") for x in l)],
                   "text": lambda l: ["<p>%s</p>" % esc(line) for line in l]},
                  ['</article></div><footer>Vestby Kommune · Rådhuset · Tlf. 7000 0000</footer></body></html>'])


def meeting_page(classified, title):
    sections = []  # the items' sections opened so far: each title closes the one before

    def item(lines):
        out = ["</section>"] if sections else []
        sections.append(lines[0])
        return out + ['<section class="agenda-item">', "<h2>%s</h2>" % esc(lines[0])]

    page = render(classified, title,
                  ['<body class="meeting"><header class="site-header"><a href="/">Vestby Kommune</a>',
                   '<nav><ul><li><a href="/borger">Borger</a></li><li><a href="/politik">Politik</a></li></ul></nav></header>',
                   '<main id="content">'],
                  {"title": item,
                   "heading": lambda l: ["<h3>%s</h3>" % esc(l[0])],
                   "field": lambda l: ['<table class="case-fields">%s</table>' % "".join(field_row(x, "td") for x in l)],
                   "numbered": lambda l: [numbered_list(l)],
                   "text": lambda l: ["<div>%s</div>" % "<br>".join(esc(line) for line in l)]},
                  [])
    return page + ("</section>" if sections else "") + "</main><footer><p>Cookies og privatliv</p></footer></body></html>\n"


HTML_SHAPES = {"print": print_view, "item": item_page, "meeting": meeting_page}


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    source, gold_path, out_dir, index = argv[1], argv[2], argv[3], int(argv[4])
    text = mkpdf.read_text(source)
    gold = json.load(open(gold_path, encoding="utf-8"))
    name = os.path.splitext(os.path.basename(source))[0]
    write_pdf(text, os.path.join(out_dir, name + ".pdf"), index, gold)
    lines = text.rstrip("\n").split("\n")
    if transcript_pages(lines) is not None:
        return
    classified = classify(lines, gold)
    title = next((line for kind, line in classified if kind != "blank"), "Referat")
    for shape, make in HTML_SHAPES.items():
        with open(os.path.join(out_dir, "%s.%s.html" % (name, shape)), "w", encoding="utf-8") as out:
            out.write(make(classified, title))


if __name__ == "__main__":
    main(sys.argv)
