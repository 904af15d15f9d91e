#!/usr/bin/env python3
"""probes_eval.py: scores the decisions punktum reads from the lexicon probes.

A probe file (tests/decisions-probes/*.json) is a list of decision texts as minutes print
them under an item's "Beslutning" heading, each with its answer: "outcome", "note_who" (the
who of each minority note), "absent" and "conflicts" (names), and in a probe of votes
"votes" (each vote's counts and groups, in order, as in tests/decisions/GOLD-DECISIONS.md:
right where equal in order; "no_invented" where none is recorded and none is read).  Each text is read as the
decision of a one-item document; the scores are the share of outcomes, notes' whos and
names found.  --require KEY=MIN fails (exit 1) when a score is below MIN."""
import argparse, json, os, subprocess, sys, tempfile

from decisions_eval import collapse as norm, holds_floors, name_key, vote_key

DOC = ("Referat af Byrådets møde den 3. juni 2025\n\n201. Lokalplan for Engvej\n\n"
       "Sagsfremstilling\nForvaltningen har udarbejdet et forslag.\n\nBeslutning\n{}\n")


def read(punktum, text, tmp):
    path = os.path.join(tmp, "probe.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(DOC.format(text))
    result = subprocess.run([punktum, path], capture_output=True, text=True)
    try:
        items = json.loads(result.stdout).get("items") or []
    except ValueError:
        items = []
    return items[0] if items else {}


def score(punktum, files, verbose):
    right, total, misses = {}, {}, []

    def tally(key, ok, where, gold, got):
        right[key] = right.get(key, 0) + bool(ok)
        total[key] = total.get(key, 0) + 1
        if not ok:
            misses.append(f"{where}: {key}: gold {gold!r}, got {got!r}")

    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            for i, probe in enumerate(json.load(open(path, encoding="utf-8"))):
                where = f"{os.path.basename(path)}#{i}"
                item = read(punktum, probe["text"], tmp)
                decisions = [s for s in item.get("sections") or [] if s.get("kind") == "decision"]
                section = decisions[0] if decisions else {}
                tally("outcome", section.get("outcome") == probe["outcome"], where,
                      probe["outcome"], section.get("outcome"))
                if "votes" in probe:
                    gold_votes = [vote_key(v) for v in probe["votes"]]
                    got_votes = [vote_key(v) for v in section.get("votes") or []]
                    for k, vote in enumerate(gold_votes):
                        got = got_votes[k] if k < len(got_votes) else None
                        tally("votes", got == vote, where, vote, got)
                    if not gold_votes:
                        tally("no_invented", not got_votes, where, [], got_votes)
                whos = [name_key(n.get("who")) for n in section.get("minority_notes") or []]
                for who in probe.get("note_who", []):
                    tally("minority_notes", name_key(who) in whos, where, who, whos)
                for field in ("absent", "conflicts"):
                    names = [name_key(n) for n in item.get(field) or []]
                    for name in probe.get(field, []):
                        tally(field, name_key(name) in names, where, name, item.get(field))
    if verbose:
        print("\n".join(misses))
    return {k: right[k] / total[k] for k in total}, right, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--punktum", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--json")
    parser.add_argument("--require", action="append", default=[])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    files = sorted(os.path.join(args.dir, f) for f in os.listdir(args.dir) if f.endswith(".json"))
    summary, right, total = score(args.punktum, files, args.verbose)
    print(f"summary ({len(files)} probe files):")
    for key in sorted(summary):
        print(f"  {key:16s} {right[key]}/{total[key]} = {summary[key]:.3f}")
    if args.json:
        json.dump(summary, open(args.json, "w"))
    return 0 if holds_floors(summary, args.require) else 1


if __name__ == "__main__":
    sys.exit(main())
