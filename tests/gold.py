#!/usr/bin/env python3
"""gold.py: scores punktum's JSON against hand-made gold answers (format: shared/GOLD.md).

Scoring rules
  * A gold null is "not scored".
  * Titles and headings compare after collapsing white space, ignoring case and a
    trailing colon or full stop.
  * Items are aligned in order: a dynamic programme maximises the number of gold/predicted
    pairs whose titles are equal (or, for a gold item marked "complete": false, where one
    title is a prefix of the other, or whose similarity ratio is at least 0.8).
    Aligned pairs are true positives for item precision, recall and F1.
  * Per aligned item: number, title, access, case_number, first page, last page, the
    heading list (exact, in order), decision (the first decision section's text: right
    when one normalised text starts with the other and the shorter has at least
    min(len(gold), 10) characters), and decisions (each gold decision's body, date and
    text found among the item's decision sections).
  * Heading precision/recall count normalised headings over all aligned items.
  * Per document: kind, municipality, body, date; for documents that are not minutes,
    "zero items".

Usage
  gold.py score --gold GOLD.json --pred PRED.json
  gold.py eval --gold-dir DIR --pred-dir DIR [--only NAME ...] [--json OUT]
               [--require KEY=MIN ...] [--require-perfect NAME ...]
"""
import argparse
import difflib
import json
import os
import re
import sys


def norm(text):
    if text is None:
        return None
    text = re.sub(r"\s+", " ", str(text)).strip().casefold()
    return re.sub(r"[:.]$", "", text).strip()


def decision_matches(gold, pred):
    if gold is None:
        return None
    if pred is None:
        return False
    g, p = norm(gold), norm(pred)
    shorter = min(len(g), len(p))
    return (g.startswith(p) or p.startswith(g)) and shorter >= min(len(g), 10)


def titles_match(gold_item, pred_item):
    g, p = norm(gold_item.get("title")), norm(pred_item.get("title"))
    if g is None or p is None:
        return False
    if g == p:
        return True
    if gold_item.get("complete") is False and (g.startswith(p) or p.startswith(g)) and p:
        return True
    return difflib.SequenceMatcher(None, g, p).ratio() >= 0.8


def align(gold_items, pred_items):
    """Order-preserving alignment maximising matched pairs: list of (gold_i, pred_j)."""
    n, m = len(gold_items), len(pred_items)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = best[i + 1][j + 1] + 1 if titles_match(gold_items[i], pred_items[j]) else -1
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if titles_match(gold_items[i], pred_items[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def decision_sections(pred_item):
    return [s for s in pred_item.get("sections", []) if s.get("kind") == "decision"]


class Tally:
    """right/total per field, plus a list of differences for the report."""

    def __init__(self):
        self.right, self.total, self.diffs = {}, {}, []

    def add(self, field, ok, where="", gold=None, pred=None):
        if ok is None:
            return
        self.total[field] = self.total.get(field, 0) + 1
        self.right[field] = self.right.get(field, 0) + (1 if ok else 0)
        if not ok:
            self.diffs.append(f"{where}{field}: gold {gold!r}, got {pred!r}")

    def merge(self, other):
        for key, value in other.total.items():
            self.total[key] = self.total.get(key, 0) + value
            self.right[key] = self.right.get(key, 0) + other.right.get(key, 0)
        self.diffs.extend(other.diffs)


def score_item(tally, gold, pred, where):
    def same(field, g, p, compare=lambda a, b: a == b):
        if g is not None:
            tally.add(field, compare(g, p), where, g, p)

    same("number", gold.get("number"), pred.get("number"))
    same("title", gold.get("title"), pred.get("title"), lambda a, b: norm(a) == norm(b))
    same("access", gold.get("access"), pred.get("access"))
    same("case_number", gold.get("case_number"), pred.get("case_number"))
    gold_pages, pred_pages = gold.get("pages"), pred.get("pages") or [None, None]
    if gold_pages:
        same("first_page", gold_pages[0], pred_pages[0])
        same("last_page", gold_pages[1], pred_pages[1])
    pred_headings = [s.get("heading") for s in pred.get("sections", [])]
    if gold.get("headings") is not None:
        same("headings", [norm(h) for h in gold["headings"]], [norm(h) for h in pred_headings])
        g_left = [norm(h) for h in gold["headings"]]
        p_all = [norm(h) for h in pred_headings]
        hits = 0
        for h in p_all:
            if h in g_left:
                g_left.remove(h)
                hits += 1
        tally.total["heading_tp"] = tally.total.get("heading_tp", 0) + hits
        tally.total["heading_gold"] = tally.total.get("heading_gold", 0) + len(gold["headings"])
        tally.total["heading_pred"] = tally.total.get("heading_pred", 0) + len(p_all)
    decisions = decision_sections(pred)
    first = decisions[0]["text"] if decisions else None
    if gold.get("decision") is not None:
        tally.add("decision", decision_matches(gold["decision"], first), where, gold["decision"], first)
    for g in gold.get("decisions") or []:
        found = any(norm(g.get("body")) == norm(d.get("body")) and g.get("date") == d.get("date")
                    and decision_matches(g.get("text"), d.get("text")) for d in decisions)
        tally.add("decisions", found, where, g, [(d.get("body"), d.get("date")) for d in decisions])


def score_document(gold, pred, name=""):
    tally = Tally()
    gdoc, pdoc = gold.get("document", {}), pred.get("document", {})
    for field in ("kind", "municipality", "body", "date"):
        if gdoc.get(field) is not None:
            ok = norm(gdoc[field]) == norm(pdoc.get(field))
            tally.add(field, ok, f"{name}: document.", gdoc[field], pdoc.get(field))
    gold_items, pred_items = gold.get("items", []), pred.get("items", [])
    if gold.get("is_minutes") is False:
        tally.add("zero_items", len(pred_items) == 0, f"{name}: ", 0, len(pred_items))
    pairs = align(gold_items, pred_items)
    tally.total["item_tp"] = len(pairs)
    tally.total["item_gold"] = len(gold_items)
    tally.total["item_pred"] = len(pred_items)
    matched_gold = {i for i, _ in pairs}
    for i, g in enumerate(gold_items):
        if i not in matched_gold:
            tally.diffs.append(f"{name}: item {g.get('number')} {g.get('title')!r} not found")
    for j in set(range(len(pred_items))) - {j for _, j in pairs}:
        tally.diffs.append(f"{name}: extra item {pred_items[j].get('number')} {pred_items[j].get('title')!r}")
    for i, j in pairs:
        score_item(tally, gold_items[i], pred_items[j], f"{name}: item {gold_items[i].get('number') or i + 1}: ")
    score_attachments(tally, gold, pred_items, name)
    return tally


def score_attachments(tally, gold, pred_items, name):
    gold_atts = gold.get("attachments") or []
    if not gold_atts:
        return
    key = lambda number, title, ref: (str(number), norm(title), ref)
    predicted = [key(a.get("number"), a.get("title"), a.get("reference"))
                 for item in pred_items for a in item.get("attachments", [])]
    wanted = [key(a.get("number"), a.get("title"), a.get("ref")) for a in gold_atts]
    hits = sum(1 for w in wanted if w in predicted)
    tally.total["attachment_tp"] = tally.total.get("attachment_tp", 0) + hits
    tally.total["attachment_gold"] = tally.total.get("attachment_gold", 0) + len(wanted)
    tally.total["attachment_pred"] = tally.total.get("attachment_pred", 0) + len(predicted)
    for w in wanted:
        if w not in predicted:
            tally.diffs.append(f"{name}: attachment {w} not found")


def ratio(a, b):
    return a / b if b else None


def summary(tally):
    t, r = tally.total, tally.right
    tp, gold, pred = t.get("item_tp", 0), t.get("item_gold", 0), t.get("item_pred", 0)
    precision, recall = ratio(tp, pred), ratio(tp, gold)
    if gold == 0 and pred == 0:
        precision = recall = None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out = {"item_precision": precision, "item_recall": recall, "item_f1": f1,
           "heading_precision": ratio(t.get("heading_tp", 0), t.get("heading_pred", 0)),
           "heading_recall": ratio(t.get("heading_tp", 0), t.get("heading_gold", 0)),
           "attachment_precision": ratio(t.get("attachment_tp", 0), t.get("attachment_pred", 0)),
           "attachment_recall": ratio(t.get("attachment_tp", 0), t.get("attachment_gold", 0))}
    for field in ("title", "number", "access", "case_number", "first_page", "last_page",
                  "headings", "decision", "decisions", "kind", "municipality", "body",
                  "date", "zero_items"):
        out[field] = ratio(r.get(field, 0), t.get(field, 0))
    out["counts"] = {k: [r.get(k, t[k]) if k in r else None, t[k]] for k in sorted(t)}
    return out


def print_summary(summ):
    for key, value in summ.items():
        if key == "counts":
            continue
        shown = "n/a" if value is None else f"{value:.3f}"
        count = summ["counts"].get(key)
        extra = f"  ({count[0]}/{count[1]})" if count and count[0] is not None else ""
        print(f"  {key:22s} {shown}{extra}")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def cmd_score(args):
    tally = score_document(load(args.gold), load(args.pred), args.name or "")
    for diff in tally.diffs:
        print("  " + diff)
    print_summary(summary(tally))
    return 0


def cmd_eval(args):
    total = Tally()
    perfect_failures = []
    names = sorted(f[:-5] for f in os.listdir(args.gold_dir) if f.endswith(".json"))
    if args.only:
        names = [n for n in names if n in args.only]
    for name in names:
        gold = load(os.path.join(args.gold_dir, name + ".json"))
        pred_path = os.path.join(args.pred_dir, name + ".json")
        pred = load(pred_path) if os.path.exists(pred_path) else {"items": [], "document": {}}
        tally = score_document(gold, pred, name)
        total.merge(tally)
        t = tally.total
        status = "ok" if not tally.diffs else f"{len(tally.diffs)} wrong"
        print(f"{name}: items gold {t['item_gold']} pred {t['item_pred']} matched {t['item_tp']}: {status}")
        for diff in tally.diffs[:12]:
            print("    " + diff)
        if name in (args.require_perfect or []) and tally.diffs:
            perfect_failures.append(name)
    summ = summary(total)
    print("summary:")
    print_summary(summ)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(summ, handle, indent=2)
    failed = False
    for name in args.require_perfect or []:
        if name not in names:
            print(f"FAIL: {name} has no gold file")
            failed = True
    for name in perfect_failures:
        print(f"FAIL: {name} does not match its gold on every scored field")
        failed = True
    for requirement in args.require or []:
        key, minimum = requirement.split("=")
        value = summ.get(key)
        if value is not None and value < float(minimum):
            print(f"FAIL: {key} {value:.3f} < {minimum}")
            failed = True
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score")
    score.add_argument("--gold", required=True)
    score.add_argument("--pred", required=True)
    score.add_argument("--name")
    ev = sub.add_parser("eval")
    ev.add_argument("--gold-dir", required=True)
    ev.add_argument("--pred-dir", required=True)
    ev.add_argument("--only", action="append")
    ev.add_argument("--json")
    ev.add_argument("--require", action="append")
    ev.add_argument("--require-perfect", action="append")
    args = parser.parse_args()
    return cmd_score(args) if args.command == "score" else cmd_eval(args)


if __name__ == "__main__":
    sys.exit(main())
