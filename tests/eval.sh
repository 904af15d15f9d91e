#!/bin/sh
# eval.sh: scores punktum against gold answers (tests/gold.py) on six sets: the seeds
# and the corpus in ../shared (public records, read in place, never copied), the
# project's own fixtures (fixtures/gold), and tests/layouts: invented documents in
# layouts no rule was written for, kept to measure how the rules carry over (their floor
# is what is reached, not 1).  `make eval` prints the figures; `make check`
# runs it as a test that fails when a figure drops below tests/eval-floor.txt.
# tests/holdout: invented documents in further layouts, held out (scored for totals only,
# never tuned to).  perturbed: the corpus again in other forms (tests/perturb.py: CR LF,
# no-break spaces, a site's menu, other item numbering ...).  The last is ../shared/blind: documents nobody has seen, of which its
# score script prints totals only.  Without ../shared the seed, corpus and blind sets are skipped, and the
# output says so.
. "${SRCDIR}/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing: nothing scored"
floor="$SRCDIR/tests/eval-floor.txt"

# The perturbed corpus (see below), its per-document lines left out: the summary, then
# the figures by variant.
perturbed_score() {
  input="$TMP/perturbed-input"
  mkdir -p "$TMP/perturbed"
  for doc in "$input"/docs/*.txt; do
    "$PUNKTUM" "$doc" > "$TMP/perturbed/$(basename "$doc" .txt).json" 2>/dev/null || true
  done
  requires=$(awk '$1 == "perturbed" { printf " --require %s=%s", $2, $3 }' "$floor")
  # shellcheck disable=SC2086
  python3 "$SRCDIR/tests/gold.py" eval --gold-dir "$input/gold" --pred-dir "$TMP/perturbed" \
    --json "$TMP/perturbed.summary.json" $requires > "$TMP/perturbed.out"
  status=$?
  sed -n '/^summary/,$p' "$TMP/perturbed.out"
  python3 "$SRCDIR/tests/perturb.py" table "$input/gold" "$TMP/perturbed"
  return $status
}

# score SET DOCS_DIR GOLD_DIR
score() {
  set_name=$1 docs=$2 gold=$3
  mkdir -p "$TMP/$set_name"
  for input in "$docs"/*.txt; do
    name=$(basename "$input" .txt)
    [ -f "$gold/$name.json" ] || continue
    "$PUNKTUM" "$input" > "$TMP/$set_name/$name.json" 2>/dev/null ||
      echo "$set_name/$name: punktum failed"
  done
  requires=$(awk -v s="$set_name" '$1 == s { printf " --require %s=%s", $2, $3 }' "$floor")
  echo "== $set_name ($docs)"
  # shellcheck disable=SC2086
  check "$set_name scores hold their floor" python3 "$SRCDIR/tests/gold.py" eval \
    --gold-dir "$gold" --pred-dir "$TMP/$set_name" --json "$TMP/$set_name.summary.json" $requires
}

score fixtures "$SRCDIR/fixtures" "$SRCDIR/fixtures/gold"
score layouts "$SRCDIR/tests/layouts" "$SRCDIR/tests/layouts/gold"
if [ -d "$SHARED_DIR/seeds" ]; then
  score seeds "$SHARED_DIR/seeds" "$SHARED_DIR/gold"
  score corpus "$SHARED_DIR/corpus/docs" "$SHARED_DIR/corpus/gold"
  # The corpus again in the forms the same minutes take elsewhere (tests/perturb.py):
  # written to the scratch folder, scored as one set, and by variant.
  if python3 "$SRCDIR/tests/perturb.py" make "$SHARED_DIR/corpus/docs" "$SHARED_DIR/corpus/gold" "$TMP/perturbed-input"; then
    echo "== perturbed (the corpus in other forms: tests/perturb.py; summary and variants)"
    check "perturbed scores hold their floor" perturbed_score
  fi
else
  echo "SKIP: no $SHARED_DIR/seeds: seed, corpus and perturbed-corpus scores not checked"
fi
# The held-out set: invented documents in layouts nobody wrote a rule from
# (tests/holdout/README.md), scored for totals only, like the blind set.
holdout_score() {
  mkdir -p "$TMP/holdout"
  for input in "$SRCDIR"/tests/holdout/*.txt; do
    "$PUNKTUM" "$input" > "$TMP/holdout/$(basename "$input" .txt).json" 2>/dev/null || true
  done
  requires=$(awk '$1 == "holdout" { printf " --require %s=%s", $2, $3 }' "$floor")
  # shellcheck disable=SC2086
  python3 "$SRCDIR/tests/gold.py" eval --gold-dir "$SRCDIR/tests/holdout/gold" \
    --pred-dir "$TMP/holdout" --json "$TMP/holdout.summary.json" $requires > "$TMP/holdout.out"
  status=$?
  sed -n '/^summary/,$p' "$TMP/holdout.out"
  return $status
}
if [ -d "$SRCDIR/tests/holdout/gold" ]; then
  echo "== holdout ($SRCDIR/tests/holdout, totals only)"
  check "holdout scores hold their floor" holdout_score
fi
# Decisions as data: the outcomes, votes, minority notes and absentees of invented minutes
# (tests/decisions, development; tests/decisions-holdout, held out: totals only), scored by
# tests/decisions_eval.py.
decisions_score() {
  set_name=$1 dir=$2
  mkdir -p "$TMP/$set_name"
  for input in "$dir"/*.txt; do
    "$PUNKTUM" "$input" > "$TMP/$set_name/$(basename "$input" .txt).json" 2>/dev/null || true
  done
  requires=$(awk -v s="$set_name" '$1 == s { printf " --require %s=%s", $2, $3 }' "$floor")
  # shellcheck disable=SC2086
  python3 "$SRCDIR/tests/decisions_eval.py" --gold-dir "$dir/gold" --pred-dir "$TMP/$set_name" \
    --json "$TMP/$set_name.summary.json" $requires
}
check "the decisions scorer passes its own cases" \
  python3 "$SRCDIR/tests/decisions_eval.py" --self-test
for set_name in decisions decisions-holdout; do
  if [ -d "$SRCDIR/tests/$set_name/gold" ]; then
    echo "== $set_name ($SRCDIR/tests/$set_name)"
    check "$set_name scores hold their floor" decisions_score "$set_name" "$SRCDIR/tests/$set_name"
  fi
done
# The lexicon probes: invented decision texts, one a document, each with its answer
# (tests/decisions-probes, scored by tests/probes_eval.py).
probes_score() {
  requires=$(awk '$1 == "decisions-probes" { printf " --require %s=%s", $2, $3 }' "$floor")
  # shellcheck disable=SC2086
  python3 "$SRCDIR/tests/probes_eval.py" --punktum "$PUNKTUM" --dir "$SRCDIR/tests/decisions-probes" \
    --json "$TMP/decisions-probes.summary.json" $requires
}
if [ -d "$SRCDIR/tests/decisions-probes" ]; then
  echo "== decisions-probes ($SRCDIR/tests/decisions-probes)"
  check "decisions-probes scores hold their floor" probes_score
fi
# The corpus's own decisions, annotated under tests/corpus-decisions (the documents are
# read in place from ../shared, never copied).
corpus_decisions_score() {
  mkdir -p "$TMP/corpus-decisions"
  for gold in "$SRCDIR"/tests/corpus-decisions/*.json; do
    name=$(basename "$gold" .json)
    "$PUNKTUM" "$SHARED_DIR/corpus/docs/$name.txt" > "$TMP/corpus-decisions/$name.json" 2>/dev/null || true
  done
  requires=$(awk '$1 == "corpus-decisions" { printf " --require %s=%s", $2, $3 }' "$floor")
  # shellcheck disable=SC2086
  python3 "$SRCDIR/tests/decisions_eval.py" --gold-dir "$SRCDIR/tests/corpus-decisions" \
    --pred-dir "$TMP/corpus-decisions" --json "$TMP/corpus-decisions.summary.json" $requires
}
if [ -d "$SRCDIR/tests/corpus-decisions" ] && [ -d "$SHARED_DIR/corpus/docs" ]; then
  echo "== corpus-decisions ($SRCDIR/tests/corpus-decisions)"
  check "corpus-decisions scores hold their floor" corpus_decisions_score
elif [ -d "$SRCDIR/tests/corpus-decisions" ]; then
  echo "SKIP: no $SHARED_DIR/corpus/docs: the corpus's decisions not scored"
fi
# The blind set: real documents nobody has seen, scored by ../shared/blind/score, which
# prints totals only; its figures are the honest measure of how the rules carry over.
blind_score() {
  "$SHARED_DIR/blind/score" "$PUNKTUM" --json > "$TMP/blind.raw.json" &&
    python3 - "$TMP/blind.raw.json" "$TMP/blind.summary.json" "$floor" <<'PY'
import json, sys
raw = json.load(open(sys.argv[1]))
summary = {k: v for k, v in raw["all"].items() if v is not None}
json.dump(summary, open(sys.argv[2], "w"))
print("blind set: %d documents, %d runs failed" % (raw["documents"], raw["failed_runs"]))
print("  " + " ".join("%s=%.3f" % kv for kv in sorted(summary.items())))
low = [(k, summary.get(k, 0.0), float(m)) for s, k, m in
       (l.split() for l in open(sys.argv[3]) if l.strip() and not l.startswith("#"))
       if s == "blind" and summary.get(k, 0.0) + 1e-9 < float(m)]
for k, v, m in low:
    print("FAIL: %s %.3f < %.3f" % (k, v, m))
sys.exit(1 if low or raw["failed_runs"] else 0)
PY
}
if [ -x "$SHARED_DIR/blind/score" ]; then
  echo "== blind ($SHARED_DIR/blind, totals only)"
  check "blind scores hold their floor" blind_score
else
  echo "SKIP: no $SHARED_DIR/blind/score: blind scores not checked"
fi
# EVAL_UPDATE_FLOOR=1 make eval: the figures reached now become the floor.
if [ "${EVAL_UPDATE_FLOOR:-}" = 1 ]; then
  python3 - "$floor" "$TMP" <<'PY'
import json, math, os, sys
floor, tmp = sys.argv[1], sys.argv[2]
blind_keys = ["item_f1", "item_precision", "item_recall", "title_exact", "number", "access",
              "heading_recall", "heading_precision", "decision", "negative_clean", "doc_kind",
              "doc_body", "doc_date"]
keys = ["item_f1", "item_precision", "item_recall", "title", "number", "access", "case_number",
        "first_page", "headings", "heading_recall", "heading_precision", "decision", "decisions",
        "attachment_recall", "kind", "municipality", "body", "date", "zero_items", "outcome",
        "outcome_phrase", "votes", "vote_precision", "minority_notes", "absent", "conflicts",
        "no_invented", "decisions_found", "items_found"]
lines = ["# eval-floor.txt: SET KEY MINIMUM; make check fails when a score drops below it.",
         "# Written by EVAL_UPDATE_FLOOR=1 make eval from the figures reached."]
for name in ("fixtures", "layouts", "holdout", "seeds", "corpus", "perturbed", "decisions",
             "decisions-holdout", "decisions-probes", "corpus-decisions", "blind"):
    path = os.path.join(tmp, name + ".summary.json")
    if not os.path.exists(path):
        continue
    summary = json.load(open(path))
    for key in (blind_keys if name == "blind" else keys):
        if summary.get(key) is not None:
            lines.append(f"{name} {key} {math.floor(summary[key] * 1000) / 1000:.3f}")
open(floor, "w").write("\n".join(lines) + "\n")
PY
  echo "floor written to $floor"
fi
finish
