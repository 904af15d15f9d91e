#!/bin/sh
# eval.sh: scores punktum against gold answers (tests/gold.py) on four sets: the seeds
# and the corpus in ../shared (public records, read in place, never copied), the
# project's own fixtures (fixtures/gold), and tests/layouts: invented documents in
# layouts no rule was written for, kept to measure how the rules carry over (their floor
# is what is reached, not 1).  `make eval` prints the figures; `make check`
# runs it as a test that fails when a figure drops below tests/eval-floor.txt.
# Without ../shared the seed and corpus sets are skipped, and the output says so.
. "${SRCDIR}/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing: nothing scored"
floor="$SRCDIR/tests/eval-floor.txt"

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
else
  echo "SKIP: no $SHARED_DIR/seeds: seed and corpus scores not checked"
fi
# EVAL_UPDATE_FLOOR=1 make eval: the figures reached now become the floor.
if [ "${EVAL_UPDATE_FLOOR:-}" = 1 ]; then
  python3 - "$floor" "$TMP" <<'PY'
import json, math, os, sys
floor, tmp = sys.argv[1], sys.argv[2]
keys = ["item_f1", "item_precision", "item_recall", "title", "number", "access", "case_number",
        "first_page", "headings", "heading_recall", "heading_precision", "decision", "decisions",
        "attachment_recall", "kind", "municipality", "body", "date", "zero_items"]
lines = ["# eval-floor.txt: SET KEY MINIMUM; make check fails when a score drops below it.",
         "# Written by EVAL_UPDATE_FLOOR=1 make eval from the figures reached."]
for name in ("fixtures", "layouts", "seeds", "corpus"):
    path = os.path.join(tmp, name + ".summary.json")
    if not os.path.exists(path):
        continue
    summary = json.load(open(path))
    for key in keys:
        if summary.get(key) is not None:
            lines.append(f"{name} {key} {math.floor(summary[key] * 1000) / 1000:.3f}")
open(floor, "w").write("\n".join(lines) + "\n")
PY
  echo "floor written to $floor"
fi
finish
