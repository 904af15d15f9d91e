#!/usr/bin/env python3
"""gold.py: scores punktum's JSON output against hand-made gold answers.

The gold format is described in ../shared/GOLD.md; the fixtures' gold is in fixtures/gold/.
Python 3 standard library only.

Scoring rules
  * A gold null (or a missing gold field) means "not scored", never "must be null".
  * norm(): titles, headings, bodies and municipalities compare after collapsing white
    space, ignoring case (casefold) and a trailing colon or full stop.
  * Items.  Gold and predicted items are aligned in order by a dynamic programme that
    maximises the number of pairs whose titles match, and among equal counts the summed
    title similarity.  Titles match when equal after norm(), or (gold item with
    "complete": false, whose title may be cut) when one is a prefix of the other, or when
    difflib's similarity ratio is >= 0.8, or when neither has a title (a title-less
    export's items pair in order).  Aligned pairs are true positives:
    item precision = TP / predicted items, recall = TP / gold items, F1 from both.
    A missing or unreadable prediction counts as a document with zero items.
  * Per aligned item, where the gold is not null:
      number        string equal
      title         equal after norm()
      access, case_number   equal (white space collapsed)
      first_page, last_page gold pages[0] / pages[1] against the predicted pages
      headings      the list of section headings, exact and in order after norm() (a
                    section with no heading printed has none to compare)
      heading_precision / heading_recall   per item, the multiset of normalised
                    headings (predicted vs gold), summed over all aligned items
      decision      the text of the item's own decision, by the prefix rule: its decision
                    section with no deciding body and some text (a plain "Beslutning",
                    the meeting's own), else the one by the meeting's own body (the
                    document's body, where the heading names each body: "Byrådet,
                    22.11.2016" in the council's minutes), else its first decision section
      decisions     each gold {body, date, text} must be found among the item's decision
                    sections: body equal after norm(), date equal, text by the prefix rule
      outcome, outcome_phrase, votes, minority_notes   (1.3, where the gold has them)
                    read on the item's own decision (as for "decision"): outcome equal;
                    outcome_phrase equal after collapse(); each gold vote {for, against,
                    abstain, for_groups, against_groups, abstain_groups} right when the
                    predicted vote in the same place is equal in all six (a null count
                    here means "not printed": the prediction must be null too, and the
                    lists are compared in order); vote_precision: the predicted votes that
                    are right, over all predicted votes (a vote the gold does not have was
                    invented); each gold minority note {who, text} found among the
                    predicted ones, who equal after norm() and text by the prefix rule
      absent, conflicts   the item's lists of names, equal as sets after collapse()
    Prefix rule: both texts white-space-collapsed and casefolded; right when one is a
    prefix of the other and the shorter has at least min(len(gold), 10) characters.
  * Attachments (when the gold has an "attachments" list): each gold attachment
    {item, number, title, ref} is looked up among the attachments of the predicted items
    whose number equals its "item"; a key is (number, norm(title), reference), each
    predicted attachment used once.  attachment_recall = found / gold attachments,
    attachment_precision = found / predicted attachments in the document.  For found
    attachments whose gold access is not null, attachment_access scores the access.
  * Per document: kind, municipality (norm), body (norm), date (equal).  For a document
    with "is_minutes": false, zero_items is right when the prediction has zero items
    (a missing or unreadable prediction is not a correct parse: it counts as wrong here).
  * Totals are summed over documents (micro averages).  A field with total 0 is "n/a"
    (null in --json) and passes any --require.

Usage
  gold.py score --gold GOLD.json --pred PRED.json [--name NAME]
      per-field report for one document (with every difference); exit 0.
  gold.py eval (--gold-dir DIR --pred-dir DIR | --pairs-file FILE) [--only NAME ...]
               [--verbose] [--json OUT] [--require KEY=MIN ...] [--require-perfect NAME ...]
      one line per gold document (NAME.json in the gold dir; the prediction is
      PRED-DIR/NAME.json) and a summary table.  A pairs file has one document a line,
      "GOLD.json PRED.json [NAME]" (relative paths are taken from the file's folder; the
      name defaults to the gold file's base name; blank lines and # comments ignored).
      --json writes the summary: {KEY: ratio or null, ..., "counts": {KEY: [right, total]},
      "documents": N, "missing_predictions": N}.
      --require KEY=MIN fails (exit 1) when summary[KEY] < MIN; an unknown KEY fails too.
      --require-perfect NAME fails (exit 1, differences printed) unless every scored field
      of document NAME is right (all items found, no extra items or attachments).
"""
import argparse
import difflib
import json
import os
import re
import signal
import sys

# Summary keys in report order, with their labels.  item_f1 is derived from P and R.
FIELDS = [
    ("item_precision", "item precision"), ("item_recall", "item recall"),
    ("item_f1", "item F1"), ("title", "title exact"), ("number", "number"),
    ("access", "access"), ("case_number", "case number"), ("first_page", "first page"),
    ("last_page", "last page"), ("headings", "headings exact"),
    ("heading_precision", "heading precision"), ("heading_recall", "heading recall"),
    ("decision", "decision"), ("decisions", "decisions"),
    ("outcome", "decision outcome"), ("outcome_phrase", "outcome phrase"),
    ("votes", "votes exact"), ("vote_precision", "vote precision"),
    ("minority_notes", "minority notes"), ("absent", "item absent"),
    ("conflicts", "item conflicts"),
    ("attachment_precision", "attachment precision"),
    ("attachment_recall", "attachment recall"), ("attachment_access", "attachment access"),
    ("kind", "document kind"), ("municipality", "municipality"), ("body", "body"),
    ("date", "date"), ("zero_items", "zero items (non-minutes)"),
]
KEYS = [key for key, _ in FIELDS]
EMPTY_PREDICTION = {"document": {}, "items": []}


# ---------------------------------------------------------------- normalisation

def collapse(text):
    """White space collapsed and stripped; None stays None."""
    return None if text is None else re.sub(r"\s+", " ", str(text)).strip()


def norm(text):
    """For titles and headings: collapsed, casefolded, without a trailing ':' or '.'."""
    if text is None:
        return None
    return re.sub(r"\s*[:.]$", "", collapse(text).casefold())


def prefix_match(gold, pred):
    """The decision rule: one normalised text is a prefix of the other, and the shorter
    has at least min(len(gold), 10) characters."""
    if pred is None:
        return False
    g, p = collapse(gold).casefold(), collapse(pred).casefold()
    if not (g.startswith(p) or p.startswith(g)):
        return False
    return min(len(g), len(p)) >= min(len(g), 10)


# ---------------------------------------------------------------- tallies

class Tally:
    """right/total per key, and the differences found (field, message)."""

    def __init__(self):
        self.counts = {}
        self.diffs = []

    def add(self, key, right, total=1):
        have = self.counts.setdefault(key, [0, 0])
        have[0] += right
        have[1] += total

    def check(self, key, ok, where, gold, pred):
        """One scored comparison; a wrong one is recorded as a difference."""
        self.add(key, 1 if ok else 0)
        if not ok:
            self.diffs.append((key, f"{where}{key}: gold {gold!r}, got {pred!r}"))

    def merge(self, other):
        for key, (right, total) in other.counts.items():
            self.add(key, right, total)
        self.diffs.extend(other.diffs)


# ---------------------------------------------------------------- items

def title_similarity(gold_item, pred_item):
    """A similarity in (0, 1] when the titles match under the alignment rule, else None."""
    g, p = norm(gold_item.get("title")), norm(pred_item.get("title"))
    if not g and not p:
        return 1.0  # title-less exports: items that print no title pair in order, as in goldscore.py
    if not g or not p:
        return None
    if g == p:
        return 1.0
    if gold_item.get("complete") is False and (g.startswith(p) or p.startswith(g)):
        return 0.99
    matcher = difflib.SequenceMatcher(None, g, p)
    if matcher.real_quick_ratio() < 0.8 or matcher.quick_ratio() < 0.8:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= 0.8 else None


def align(gold_items, pred_items):
    """Order-preserving alignment: list of (gold index, predicted index) maximising
    (number of pairs, summed similarity)."""
    n, m = len(gold_items), len(pred_items)
    sim = [[title_similarity(g, p) for p in pred_items] for g in gold_items]
    best = [[(0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if sim[i][j] is not None:
                count, total = best[i + 1][j + 1]
                options.append((count + 1, total + sim[i][j]))
            best[i][j] = max(options)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sim[i][j] is not None:
            count, total = best[i + 1][j + 1]
            if best[i][j] == (count + 1, total + sim[i][j]):
                pairs.append((i, j))
                i, j = i + 1, j + 1
                continue
        if best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def decision_sections(pred_item):
    return [s for s in pred_item.get("sections") or [] if s.get("kind") == "decision"]


def multiset_hits(gold, pred):
    """Size of the multiset intersection of two lists."""
    left, hits = list(gold), 0
    for value in pred:
        if value in left:
            left.remove(value)
            hits += 1
    return hits


def score_headings(tally, gold, pred, where):
    if gold.get("headings") is None:
        return
    g = [norm(h) for h in gold["headings"]]
    # A section the text prints no heading for (a decision under an item's text) has no
    # heading to score, as ../shared/blind/goldscore.py reads it.
    p = [norm(s.get("heading")) for s in pred.get("sections") or [] if s.get("heading")]
    tally.check("headings", g == p, where, g, p)
    hits = multiset_hits(g, p)
    tally.add("heading_precision", hits, len(p))
    tally.add("heading_recall", hits, len(g))


def own_decisions(sections, meeting_body):
    """The item's own decision sections, best first (see "decision" above)."""
    plain = [s for s in sections if not s.get("body") and (s.get("text") or "").strip()]
    by_meeting = [s for s in sections if meeting_body and norm(s.get("body")) == norm(meeting_body)]
    return plain or by_meeting or sections


def score_decisions(tally, gold, pred, where, meeting_body):
    sections = decision_sections(pred)
    if gold.get("decision") is not None:
        own = own_decisions(sections, meeting_body)
        first = own[0].get("text") if own else None
        tally.check("decision", prefix_match(gold["decision"], first), where,
                    gold["decision"], first)
    for g in gold.get("decisions") or []:
        found = any(norm(g.get("body")) == norm(s.get("body")) and g.get("date") == s.get("date")
                    and prefix_match(g.get("text") or "", s.get("text"))
                    for s in sections)
        got = [(s.get("body"), s.get("date"), (s.get("text") or "")[:40]) for s in sections]
        tally.check("decisions", found, where, (g.get("body"), g.get("date")), got)


VOTE_FIELDS = ("for", "against", "abstain", "for_groups", "against_groups", "abstain_groups")


def vote_key(vote):
    return tuple(tuple(collapse(g) for g in vote.get(f) or []) if f.endswith("_groups")
                 else vote.get(f) for f in VOTE_FIELDS)


def score_reading(tally, gold, pred, where, meeting_body):
    """The reading of the item's own decision (format 1.3), and the item's absent and
    conflicts, where the gold has them."""
    keys = ("outcome", "outcome_phrase", "votes", "minority_notes")
    if any(gold.get(k) is not None for k in keys):
        own = own_decisions(decision_sections(pred), meeting_body)
        section = own[0] if own else {}
        if gold.get("outcome") is not None:
            tally.check("outcome", section.get("outcome") == gold["outcome"], where,
                        gold["outcome"], section.get("outcome"))
        if gold.get("outcome_phrase") is not None:
            p = section.get("outcome_phrase")
            tally.check("outcome_phrase", collapse(p) == collapse(gold["outcome_phrase"]), where,
                        gold["outcome_phrase"], p)
        if gold.get("votes") is not None:
            g = [vote_key(v) for v in gold["votes"]]
            p = [vote_key(v) for v in section.get("votes") or []]
            for i, vote in enumerate(g):
                tally.check("votes", i < len(p) and p[i] == vote, where, vote,
                            p[i] if i < len(p) else None)
            tally.add("vote_precision", sum(1 for i, v in enumerate(p) if i < len(g) and g[i] == v),
                      len(p))
        for note in gold.get("minority_notes") or []:
            notes = section.get("minority_notes") or []
            found = any(norm(n.get("who")) == norm(note.get("who")) and
                        prefix_match(note.get("text") or "", n.get("text")) for n in notes)
            tally.check("minority_notes", found, where, note,
                        [(n.get("who"), (n.get("text") or "")[:40]) for n in notes])
    for field in ("absent", "conflicts"):
        if gold.get(field) is not None:
            g = {collapse(n) for n in gold[field]}
            p = {collapse(n) for n in pred.get(field) or []}
            tally.check(field, g == p, where, sorted(g), sorted(p))


def score_item(tally, gold, pred, where, meeting_body):
    """Every non-null gold field of one aligned item."""
    simple = [("number", str), ("title", norm), ("access", collapse), ("case_number", collapse)]
    for field, key in simple:
        if gold.get(field) is not None:
            g, p = gold[field], pred.get(field)
            tally.check(field, p is not None and key(g) == key(p), where, g, p)
    gold_pages, pred_pages = gold.get("pages") or [None, None], pred.get("pages") or [None, None]
    for index, field in ((0, "first_page"), (1, "last_page")):
        if gold_pages[index] is not None:
            tally.check(field, gold_pages[index] == pred_pages[index], where,
                        gold_pages[index], pred_pages[index])
    score_headings(tally, gold, pred, where)
    score_decisions(tally, gold, pred, where, meeting_body)
    score_reading(tally, gold, pred, where, meeting_body)


def score_items(tally, gold_items, pred_items, name, meeting_body):
    pairs = align(gold_items, pred_items)
    tally.add("item_precision", len(pairs), len(pred_items))
    tally.add("item_recall", len(pairs), len(gold_items))
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, item in enumerate(gold_items):
        if i not in matched_gold:
            tally.diffs.append(("missing item", f"{name}: gold item {item.get('number')} "
                                                f"{item.get('title')!r} not found"))
    for j, item in enumerate(pred_items):
        if j not in matched_pred:
            tally.diffs.append(("extra item", f"{name}: extra item {item.get('number')} "
                                              f"{item.get('title')!r}"))
    for i, j in pairs:
        label = gold_items[i].get("number") or f"#{i + 1}"
        score_item(tally, gold_items[i], pred_items[j], f"{name}: item {label}: ", meeting_body)


# ---------------------------------------------------------------- attachments

def attachment_key(number, title, reference):
    return (collapse(number), norm(title), collapse(reference))


def score_attachments(tally, gold, pred_items, name):
    gold_atts = gold.get("attachments")
    if gold_atts is None:
        return
    by_item = {}
    for item in pred_items:
        by_item.setdefault(collapse(item.get("number")), []).extend(item.get("attachments") or [])
    n_pred = sum(len(item.get("attachments") or []) for item in pred_items)
    used = set()
    for att in gold_atts:
        key = attachment_key(att.get("number"), att.get("title"), att.get("ref"))
        candidates = by_item.get(collapse(att.get("item")), [])
        found = next((p for p in candidates if id(p) not in used and
                      attachment_key(p.get("number"), p.get("title"), p.get("reference")) == key),
                     None)
        if found is None:
            tally.diffs.append(("attachment", f"{name}: item {att.get('item')}: attachment "
                                              f"{key} not found"))
            continue
        used.add(id(found))
        if att.get("access") is not None:
            tally.check("attachment_access", att["access"] == found.get("access"),
                        f"{name}: attachment {att.get('number')}: ", att["access"], found.get("access"))
    tally.add("attachment_recall", len(used), len(gold_atts))
    tally.add("attachment_precision", len(used), n_pred)
    if n_pred > len(used):
        tally.diffs.append(("extra attachment", f"{name}: {n_pred - len(used)} predicted "
                                                f"attachment(s) not in the gold"))


# ---------------------------------------------------------------- documents

def score_document(gold, pred, name="", missing=False):
    """A Tally for one document; pred None means a missing prediction."""
    tally = Tally()
    pred = pred if pred is not None else EMPTY_PREDICTION
    gdoc, pdoc = gold.get("document") or {}, pred.get("document") or {}
    for field, key in (("kind", str), ("municipality", norm), ("body", norm), ("date", str)):
        g, p = gdoc.get(field), pdoc.get(field)
        if g is not None:
            tally.check(field, p is not None and key(g) == key(p), f"{name}: document.", g, p)
    gold_items, pred_items = gold.get("items") or [], pred.get("items") or []
    if gold.get("is_minutes") is False:
        tally.check("zero_items", not missing and not pred_items, f"{name}: ", 0,
                    "no prediction" if missing else len(pred_items))
    score_items(tally, gold_items, pred_items, name, pdoc.get("body"))
    score_attachments(tally, gold, pred_items, name)
    return tally


def summary(tally, documents=0, missing=0):
    """{KEY: ratio or None} for every key, plus counts, documents and missing_predictions."""
    out = {}
    for key in KEYS:
        right, total = tally.counts.get(key, [0, 0])
        out[key] = right / total if total else None
    p, r = out["item_precision"], out["item_recall"]
    out["item_f1"] = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    out["counts"] = {key: list(tally.counts[key]) for key in KEYS if key in tally.counts}
    out["documents"] = documents
    out["missing_predictions"] = missing
    return out


def print_summary(summ):
    for key, label in FIELDS:
        value = summ[key]
        if key == "item_f1":
            shown = "n/a" if value is None else f"{value:.3f}"
        elif value is None:
            shown = "n/a"
        else:
            right, total = summ["counts"][key]
            shown = f"{right}/{total} = {value:.3f}"
        print(f"  {label:26s} {shown}")


def document_line(name, tally, missing):
    """'NAME: items gold 8 pred 7 TP 6; wrong: title, decision x2, missing item'."""
    tp, gold_n = tally.counts["item_recall"]
    pred_n = "-" if missing else tally.counts["item_precision"][1]
    seen = {}
    for field, _ in tally.diffs:
        seen[field] = seen.get(field, 0) + 1
    wrong = ", ".join(f if n == 1 else f"{f} x{n}" for f, n in seen.items())
    return (f"{name}: items gold {gold_n} pred {pred_n} TP {tp}"
            + (" (no prediction)" if missing else "")
            + (f"; wrong: {wrong}" if wrong else "; all right"))


# ---------------------------------------------------------------- input

def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_prediction(path):
    """The prediction, or None when it is missing, empty or not JSON."""
    try:
        data = load(path)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def read_pairs(path):
    """[(name, gold path, pred path)] from a pairs file."""
    base, pairs = os.path.dirname(os.path.abspath(path)), []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.split("#", 1)[0].split()
            if not fields:
                continue
            if len(fields) not in (2, 3):
                sys.exit(f"{path}:{number}: expected 'GOLD.json PRED.json [NAME]'")
            gold, pred = (os.path.join(base, f) for f in fields[:2])
            name = fields[2] if len(fields) == 3 else os.path.basename(gold)[:-5]
            pairs.append((name, gold, pred))
    return pairs


def dir_pairs(gold_dir, pred_dir):
    names = sorted(f[:-5] for f in os.listdir(gold_dir) if f.endswith(".json"))
    return [(n, os.path.join(gold_dir, n + ".json"), os.path.join(pred_dir, n + ".json"))
            for n in names]


# ---------------------------------------------------------------- commands

def cmd_score(args):
    pred = load_prediction(args.pred)
    name = args.name or os.path.basename(args.gold)[:-5]
    if pred is None:
        print(f"{name}: no readable prediction in {args.pred}: scored as zero items")
    tally = score_document(load(args.gold), pred, name, missing=pred is None)
    print(document_line(name, tally, pred is None))
    for _, message in tally.diffs:
        print("  " + message)
    print_summary(summary(tally, 1, int(pred is None)))
    return 0


def check_requirements(summ, requirements):
    """Messages for every failed --require KEY=MIN."""
    failures = []
    for requirement in requirements:
        key, sep, minimum = requirement.partition("=")
        if not sep or key not in KEYS:
            failures.append(f"--require {requirement}: expected KEY=MIN with KEY one of "
                            + ", ".join(KEYS))
            continue
        try:
            floor = float(minimum)
        except ValueError:
            failures.append(f"--require {requirement}: MIN is not a number")
            continue
        if summ[key] is not None and summ[key] < floor:
            failures.append(f"{key} {summ[key]:.3f} < {floor}")
    return failures


def cmd_eval(args):
    if args.pairs_file:
        pairs = read_pairs(args.pairs_file)
    elif args.gold_dir and args.pred_dir:
        pairs = dir_pairs(args.gold_dir, args.pred_dir)
    else:
        sys.exit("eval: give --pairs-file, or --gold-dir and --pred-dir")
    if args.only:
        pairs = [p for p in pairs if p[0] in args.only]
    total, tallies, missing = Tally(), {}, 0
    for name, gold_path, pred_path in pairs:
        pred = load_prediction(pred_path)
        missing += pred is None
        tally = score_document(load(gold_path), pred, name, missing=pred is None)
        tallies[name] = tally
        total.merge(tally)
        print(document_line(name, tally, pred is None))
        if args.verbose:
            for _, message in tally.diffs:
                print("    " + message)
    summ = summary(total, len(pairs), missing)
    print(f"summary ({len(pairs)} documents, {missing} without prediction):")
    print_summary(summ)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(summ, handle, indent=2)
            handle.write("\n")
    failures = check_requirements(summ, args.require or [])
    for name in args.require_perfect or []:
        if name not in tallies:
            failures.append(f"{name}: no such document among those scored")
        elif tallies[name].diffs:
            failures.append(f"{name} differs from its gold:\n" +
                            "\n".join("    " + m for _, m in tallies[name].diffs))
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="report on one document")
    score.add_argument("--gold", required=True)
    score.add_argument("--pred", required=True)
    score.add_argument("--name")
    ev = sub.add_parser("eval", help="score a set of documents")
    ev.add_argument("--gold-dir")
    ev.add_argument("--pred-dir")
    ev.add_argument("--pairs-file")
    ev.add_argument("--only", action="append", metavar="NAME")
    ev.add_argument("--verbose", "-v", action="store_true", help="print every difference")
    ev.add_argument("--json", metavar="OUT")
    ev.add_argument("--require", action="append", metavar="KEY=MIN")
    ev.add_argument("--require-perfect", action="append", metavar="NAME")
    args = parser.parse_args()
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    return cmd_score(args) if args.command == "score" else cmd_eval(args)


if __name__ == "__main__":
    sys.exit(main())
