#!/usr/bin/env python3
"""forms_eval.py: every form of the documents the tests have, scored against one gold.

    forms_eval.py --punktum BIN --srcdir DIR --shared DIR --tmp DIR [--floor FILE]
                  [--update-floor] [--ocr N] [--ocr-pages N]

For each set (seeds and corpus from SHARED, read in place; the project's fixtures) the
documents are made into their other forms by tests/mkforms.py under TMP: a PDF (given to
punktum itself, and read back by pdftotext plain, -layout and -raw) and, for web pages'
text, HTML pages in three council systems' shapes.  With --ocr N the PDFs of the first N
documents of each set of at most --ocr-pages pages (default 4) are also made scans (pages rendered
by pdftoppm, written as image-only PDFs by mkpdf.py --scan) and given to punktum --ocr.
Every form is scored with SHARED/blind/goldscore.py against the same gold and printed
beside the text form's figures (the HTML forms beside the text form's on the same
documents).  With --floor, a figure below its floor (lines "SET FORM KEY MIN") fails;
--update-floor writes the figures reached as the floor.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys

KEYS = ["item_f1", "heading_recall", "decision", "negative_clean"]
SCAN_DPI = 150
PDF_READS = {"pdftotext": [], "layout": ["-layout"], "raw": ["-raw"]}
HTML_SHAPES = ["print", "item", "meeting"]


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def parse_all(punktum, in_dir, out_dir, options=()):
    """punktum over every input of IN_DIR, NAME.json under OUT_DIR (failures score empty)."""
    os.makedirs(out_dir, exist_ok=True)
    if os.listdir(in_dir):
        run([punktum, "-q", "-j", "1", *options, "-o", out_dir, in_dir])


def score(shared, gold_dir, pred_dir):
    result = run([sys.executable, os.path.join(shared, "blind", "goldscore.py"), gold_dir, pred_dir, "--json"])
    return json.loads(result.stdout.decode() or "{}")


def link_gold(names, gold_src, gold_dir):
    os.makedirs(gold_dir, exist_ok=True)
    for name in names:
        os.symlink(os.path.join(gold_src, name + ".json"), os.path.join(gold_dir, name + ".json"))


def make_forms(args, set_name, docs_dir, gold_src):
    """The forms of every document of a set; returns {form: (input dir, gold dir)}."""
    base = os.path.join(args.tmp, set_name)
    names = sorted(n[:-5] for n in os.listdir(gold_src) if n.endswith(".json")
                   and os.path.exists(os.path.join(docs_dir, n[:-5] + ".txt")))
    dirs = {form: os.path.join(base, form) for form in
            ["text", "pdf", *PDF_READS, *("html-" + s for s in HTML_SHAPES), "made", "ocr"]}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)
    html_names, ocr_names = [], []
    for index, name in enumerate(names):
        source = os.path.join(docs_dir, name + ".txt")
        os.symlink(source, os.path.join(dirs["text"], name + ".txt"))
        made = run([sys.executable, os.path.join(args.srcdir, "tests", "mkforms.py"), source,
                    os.path.join(gold_src, name + ".json"), dirs["made"], str(index)])
        if made.returncode != 0:
            sys.exit("mkforms.py failed on %s: %s" % (source, made.stderr.decode()))
        pdf = os.path.join(dirs["made"], name + ".pdf")
        shutil.copy(pdf, dirs["pdf"])
        for form, options in PDF_READS.items():
            run(["pdftotext", "-enc", "UTF-8", *options, pdf, os.path.join(dirs[form], name + ".txt")])
        if len(ocr_names) < args.ocr and scan(args, pdf, os.path.join(dirs["ocr"], name + ".pdf")):
            ocr_names.append(name)
        if os.path.exists(os.path.join(dirs["made"], name + ".print.html")):
            html_names.append(name)
            for shape in HTML_SHAPES:
                os.rename(os.path.join(dirs["made"], "%s.%s.html" % (name, shape)),
                          os.path.join(dirs["html-" + shape], name + ".html"))
    gold_all = os.path.join(base, "gold-all")
    gold_html = os.path.join(base, "gold-html")
    gold_ocr = os.path.join(base, "gold-ocr")
    link_gold(names, gold_src, gold_all)
    link_gold(html_names, gold_src, gold_html)
    link_gold(ocr_names, gold_src, gold_ocr)
    forms = {"text": (dirs["text"], gold_all), "pdf": (dirs["pdf"], gold_all)}
    forms.update({form: (dirs[form], gold_all) for form in PDF_READS})
    if html_names:
        forms["text (web pages)"] = (dirs["text"], gold_html)
        forms.update({"html-" + s: (dirs["html-" + s], gold_html) for s in HTML_SHAPES})
    if ocr_names:
        forms["text (ocr docs)"] = (dirs["text"], gold_ocr)
        forms["ocr"] = (dirs["ocr"], gold_ocr)
    return forms


def scan(args, pdf, out_path):
    """The PDF as a scan (its pages as images only) at OUT_PATH, when it has at most
    args.ocr_pages pages; false when it has more."""
    pages_dir = out_path + ".pages"
    os.makedirs(pages_dir)
    run(["pdftoppm", "-l", str(args.ocr_pages + 1), "-r", str(SCAN_DPI), "-gray", pdf, os.path.join(pages_dir, "p")])
    pages = sorted(os.listdir(pages_dir), key=lambda n: int(n.rsplit("-", 1)[1].split(".")[0]))
    made = 0 < len(pages) <= args.ocr_pages
    if made:
        run([sys.executable, os.path.join(args.srcdir, "tests", "mkpdf.py"), "--scan", out_path, str(SCAN_DPI),
             *(os.path.join(pages_dir, p) for p in pages)])
    shutil.rmtree(pages_dir)
    return made


def baseline_of(form):
    if form.startswith("html-"):
        return "text (web pages)"
    return "text (ocr docs)" if form == "ocr" else "text"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--punktum", required=True)
    ap.add_argument("--srcdir", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--floor")
    ap.add_argument("--update-floor", action="store_true")
    ap.add_argument("--ocr", type=int, default=0)
    ap.add_argument("--ocr-pages", type=int, default=4)
    ap.add_argument("--json")
    args = ap.parse_args()
    for path in ("punktum", "srcdir", "shared", "tmp"):
        setattr(args, path, os.path.abspath(getattr(args, path)))
    sets = [("fixtures", os.path.join(args.srcdir, "fixtures"), os.path.join(args.srcdir, "fixtures", "gold"))]
    if os.path.isdir(os.path.join(args.shared, "seeds")):
        sets = [("seeds", os.path.join(args.shared, "seeds"), os.path.join(args.shared, "gold")),
                ("corpus", os.path.join(args.shared, "corpus", "docs"), os.path.join(args.shared, "corpus", "gold"))] + sets
    else:
        print("SKIP: no %s/seeds: seed and corpus forms not scored" % args.shared)
    figures = {}
    print("%-9s %-17s %7s %15s %15s %15s" % ("set", "form", "item_f1", "heading_recall", "decision", "negative_clean"))
    for set_name, docs_dir, gold_src in sets:
        for form, (in_dir, gold_dir) in make_forms(args, set_name, docs_dir, gold_src).items():
            pred = os.path.join(args.tmp, set_name, "pred", form.replace(" ", "_"))
            parse_all(args.punktum, in_dir, pred, ["--ocr"] if form == "ocr" else [])
            figures[(set_name, form)] = score(args.shared, gold_dir, pred)
        for (s, form), got in figures.items():
            if s != set_name:
                continue
            base = figures[(s, baseline_of(form))]
            cells = []
            for key in KEYS:
                value, ref = got.get(key), base.get(key)
                if value is None:
                    cells.append("%15s" % "-")
                elif form.startswith("text"):
                    cells.append("%15.3f" % value)
                else:
                    cells.append("%7.3f (%+.3f)" % (value, value - (ref or 0)))
            print("%-9s %-17s %s" % (s, form, " ".join(c if i else c.strip().rjust(7) for i, c in enumerate(cells))))
    if args.json:
        json.dump({"%s %s" % k: v for k, v in figures.items()}, open(args.json, "w"), indent=1)
    return check_floor(args, figures)


def check_floor(args, figures):
    if args.update_floor and args.floor:
        lines = ["# forms-floor.txt: SET FORM KEY MINIMUM; make check fails when a form's score drops",
                 "# below it.  Written by FORMS_UPDATE_FLOOR=1 make eval-forms from the figures reached."]
        for (s, form), got in figures.items():
            if form.startswith("text ("):
                continue
            for key in KEYS:
                if got.get(key) is not None:
                    lines.append("%s %s %s %.3f" % (s, form, key, math.floor(got[key] * 1000) / 1000))
        open(args.floor, "w").write("\n".join(lines) + "\n")
        print("floor written to %s" % args.floor)
        return 0
    if not args.floor:
        return 0
    failed = 0
    for line in open(args.floor):
        if not line.strip() or line.startswith("#"):
            continue
        s, form, key, minimum = line.split()
        if (s, form) not in figures:
            continue  # a set or form not made here (no ../shared, no tesseract)
        value = figures[(s, form)].get(key) or 0.0
        if value + 1e-9 < float(minimum):
            print("FAIL: %s %s %s %.3f < %s" % (s, form, key, value, minimum))
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
