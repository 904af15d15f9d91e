#!/usr/bin/env python3
"""decisions_eval.py: scores the decisions punktum reads (outcome, votes, minority notes,
absent and conflicts) against a set's gold (format: tests/decisions/GOLD-DECISIONS.md).

    decisions_eval.py --gold-dir DIR --pred-dir DIR [--verbose] [--json OUT]
                      [--require KEY=MIN ...] [--totals-only]
    decisions_eval.py --self-test

Each gold file NAME.json is scored against the punktum JSON output PRED-DIR/NAME.json.
A gold decision is looked up in the predicted item of its number (or title, where the
number is null): among that item's decision sections, the one whose body agrees (equal
after normalising; the second of a body's decisions in the item is its second such
section, where the gold names the item by number or title: items with neither cannot be
told apart, and each of their decisions is matched to the body's first section), else the
one at the same place among the item's decisions.  Figures:
  outcome         gold decisions whose predicted outcome is equal
  outcome_phrase  ... whose outcome phrase agrees: one holds the other (white space
                  collapsed, case folded, a final stop dropped)
  votes           gold votes (in order within their decision) equal in counts and in the
                  three lists of groups (compared as sets)
  vote_precision  predicted votes that are right, over all predicted votes of the matched
                  decisions (a vote where the gold has none was invented)
  no_invented     gold decisions without a vote whose prediction has none either
  minority_notes  gold minority notes found: a predicted note with the same "who"
  absent, conflicts   gold names found in the item's lists (recall), names compared with
                  white space collapsed, case folded and a trailing "(A)" dropped
  decisions_found gold decisions that matched a predicted decision section at all
  items_found     gold items found by number (or title, where the number is null)
"""
import argparse
import json
import os
import re
import sys


def collapse(text):
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def name_key(name):
    return collapse(re.sub(r"\([^)]*\)\s*$", "", name or ""))


def item_key(item):
    return str(item.get("number")) if item.get("number") is not None else collapse(item.get("title"))


def decisions_of(item):
    return [s for s in item.get("sections") or [] if s.get("kind") == "decision"]


def find_item(pred_items, number, title):
    for item in pred_items:
        if number is not None and str(item.get("number")) == str(number):
            return item
    for item in pred_items:
        if number is None and collapse(item.get("title")) == collapse(title):
            return item
    return None


def find_decision(sections, body, place, body_place):
    """The section of the gold decision that is the item's PLACE-th, and the BODY_PLACE-th
    of its body's (a committee that decides twice, "Udsat." and later "Anbefales.")."""
    same_body = [s for s in sections
                 if body is not None and collapse(s.get("body")) == collapse(body)]
    if body_place < len(same_body):
        return same_body[body_place]
    return sections[place] if place < len(sections) else None


def phrase_agrees(gold, pred):
    """The words that said the outcome: the gold may give its whole sentence, the
    prediction the words only ("Indstillingen blev godkendt." against "godkendt"), or the
    other way round; one must hold the other, with its end's stop dropped."""
    g, p = collapse(gold).rstrip(".!"), collapse(pred).rstrip(".!")
    return bool(p) and (p in g or g in p)


def vote_key(vote):
    return (vote.get("for"), vote.get("against"), vote.get("abstain"),
            frozenset(collapse(g) for g in vote.get("for_groups") or []),
            frozenset(collapse(g) for g in vote.get("against_groups") or []),
            frozenset(collapse(g) for g in vote.get("abstain_groups") or []))


class Tally:
    def __init__(self):
        self.right, self.total, self.misses = {}, {}, []

    def add(self, key, right, where=None, gold=None, got=None):
        self.right[key] = self.right.get(key, 0) + (1 if right else 0)
        self.total[key] = self.total.get(key, 0) + 1
        if not right and where:
            self.misses.append(f"{where}: {key}: gold {gold!r}, got {got!r}")

    def summary(self):
        return {k: self.right[k] / self.total[k] for k in self.total if self.total[k]}


def score_decision(tally, gold, section, where):
    tally.add("decisions_found", section is not None, where, gold.get("outcome_phrase"), None)
    section = section or {}
    tally.add("outcome", section.get("outcome") == gold.get("outcome"), where,
              gold.get("outcome"), section.get("outcome"))
    if gold.get("outcome_phrase"):
        tally.add("outcome_phrase", phrase_agrees(gold["outcome_phrase"], section.get("outcome_phrase")),
                  where, gold["outcome_phrase"], section.get("outcome_phrase"))
    gold_votes = [vote_key(v) for v in gold.get("votes") or []]
    pred_votes = [vote_key(v) for v in section.get("votes") or []]
    for i, vote in enumerate(gold_votes):
        tally.add("votes", i < len(pred_votes) and pred_votes[i] == vote, where, vote,
                  pred_votes[i] if i < len(pred_votes) else None)
    for i, vote in enumerate(pred_votes):
        tally.add("vote_precision", i < len(gold_votes) and gold_votes[i] == vote)
    if not gold_votes:
        tally.add("no_invented", not pred_votes, where, [], pred_votes)
    pred_who = [collapse(n.get("who")) for n in section.get("minority_notes") or []]
    for note in gold.get("minority_notes") or []:
        tally.add("minority_notes", collapse(note.get("who")) in pred_who, where, note.get("who"),
                  pred_who)


def score_document(tally, gold, pred, name):
    items = pred.get("items") or []
    places = {}
    for g in gold.get("decisions") or []:
        key = (str(g.get("item")), collapse(g.get("item_title")))
        body_key = key + (collapse(g.get("body")),)
        place, body_place = places.get(key, 0), places.get(body_key, 0)
        places[key] = place + 1
        if g.get("item") is not None or g.get("item_title"):  # an item of its own
            places[body_key] = body_place + 1
        item = find_item(items, g.get("item"), g.get("item_title"))
        section = (find_decision(decisions_of(item), g.get("body"), place, body_place)
                   if item else None)
        score_decision(tally, g, section, f"{name} item {g.get('item')}")
    for g in gold.get("items") or []:
        item = find_item(items, g.get("number"), g.get("title")) or {}
        tally.add("items_found", bool(item), f"{name} item {g.get('number')}", g.get("title"), None)
        for field in ("absent", "conflicts"):
            got = {name_key(n) for n in item.get(field) or []}
            for person in g.get(field) or []:
                tally.add(field, name_key(person) in got, f"{name} item {g.get('number')}",
                          person, sorted(got))


def self_test():
    """The scorer's own cases: a committee that decides an item twice is scored section by
    section, its second decision against its second section."""
    section = lambda body, outcome: {"kind": "decision", "body": body, "outcome": outcome,
                                     "outcome_phrase": outcome, "votes": [],
                                     "minority_notes": []}
    decision = lambda outcome: {"item": "3", "item_title": "Plan", "body": "Udvalget",
                                "outcome": outcome, "outcome_phrase": outcome, "votes": [],
                                "minority_notes": []}
    gold = {"decisions": [decision("postponed"), decision("referred")], "items": []}
    pred = {"items": [{"number": "3", "title": "Plan", "sections": [
        section("Udvalget", "postponed"), section("Udvalget", "referred")]}]}
    tally = Tally()
    score_document(tally, gold, pred, "self-test")
    if tally.summary().get("outcome") != 1.0:
        print("FAIL: self-test: a body's second decision scored against its first section")
        return 1
    print("self-test: passed")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--self-test", action="store_true",
                        help="check the scorer on its own cases, then stop")
    parser.add_argument("--gold-dir")
    parser.add_argument("--pred-dir")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--totals-only", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--require", action="append", default=[])
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.gold_dir or not args.pred_dir:
        parser.error("--gold-dir and --pred-dir are required")
    tally = Tally()
    names = sorted(f[:-5] for f in os.listdir(args.gold_dir) if f.endswith(".json"))
    for name in names:
        gold = json.load(open(os.path.join(args.gold_dir, name + ".json"), encoding="utf-8"))
        path = os.path.join(args.pred_dir, name + ".json")
        try:
            pred = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            pred = {}
        score_document(tally, gold, pred, name)
    summary = tally.summary()
    decisions = tally.total.get("outcome", 0)
    print(f"summary ({len(names)} documents, {decisions} decisions):")
    for key in sorted(summary):
        print(f"  {key:<16} {tally.right[key]}/{tally.total[key]} = {summary[key]:.3f}")
    if args.verbose and not args.totals_only:
        for miss in tally.misses:
            print("  " + miss)
    if args.json:
        json.dump(summary, open(args.json, "w"))
    return 0 if holds_floors(summary, args.require) else 1


def holds_floors(summary, requirements):
    """Whether each KEY=MIN of REQUIREMENTS holds in SUMMARY; prints each that does not."""
    held = True
    for requirement in requirements:
        key, _, minimum = requirement.partition("=")
        if summary.get(key, 0.0) + 1e-9 < float(minimum):
            print(f"FAIL: {key} {summary.get(key, 0.0):.3f} < {float(minimum):.3f}")
            held = False
    return held


if __name__ == "__main__":
    sys.exit(main())
