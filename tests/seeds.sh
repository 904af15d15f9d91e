#!/bin/sh
# seeds.sh: the founding documents in ../shared/seeds against their gold answers.
# They are public records kept outside the project; where ../shared is absent (a bare
# checkout), this test says so and is skipped.
. "${SRCDIR}/tests/lib.sh"
seeds="$SHARED_DIR/seeds"
gold="$SHARED_DIR/gold"
[ -d "$seeds" ] && [ -d "$gold" ] || skip "no seeds at $seeds: seed scores not checked"
command -v python3 >/dev/null || skip "python3 missing: seed scores not checked"

mkdir -p "$TMP/pred"
for input in "$seeds"/*.txt; do
  name=$(basename "$input" .txt)
  check "$name: parses" sh -c '"$PUNKTUM" "$1" > "$2"' _ "$input" "$TMP/pred/$name.json"
  check "$name: XML is well-formed" sh -c '"$PUNKTUM" -f xml "$1" | "$XMLLINT" --noout -' _ "$input"
done

# Seeds whose layouts the rules cover must match their gold on every scored field.
for name in 000_66c707d8b0d6a1c9 001_17cdf78f0264d158 002_dd3ea0848bc64ddc 003_7c55826f173d61a7 004_6dbc08057c66eee5; do
  check "$name: every scored field matches the gold" \
    python3 "$SRCDIR/tests/gold.py" eval --gold-dir "$gold" --pred-dir "$TMP/pred" \
    --only "$name" --require-perfect "$name"
done
python3 "$SRCDIR/tests/gold.py" eval --gold-dir "$gold" --pred-dir "$TMP/pred" || true

# The reports keep their text: zero items, kind other, a non-empty preamble.
for name in 001_17cdf78f0264d158 004_6dbc08057c66eee5; do
  check "$name: a report keeps its text in the preamble" "$JQ" -e \
    '.items == [] and .document.kind == "other" and (.preamble.text | length) > 10000' "$TMP/pred/$name.json"
done

# Seed 000 re-encoded gives the same document (apart from source fields and ids).
referat="$seeds/000_66c707d8b0d6a1c9.txt"
strip='del(.source) | del(.items[].id) | del(.diagnostics)'
"$JQ" -S "$strip" "$TMP/pred/000_66c707d8b0d6a1c9.json" > "$TMP/utf8"
iconv -f UTF-8 -t WINDOWS-1252 "$referat" > "$TMP/cp1252.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$referat"; } > "$TMP/utf16le.txt"
for variant in cp1252 utf16le; do
  "$PUNKTUM" "$TMP/$variant.txt" | "$JQ" -S "$strip" > "$TMP/$variant"
  check "seed 000 in $variant gives the same JSON as in UTF-8" same "$TMP/utf8" "$TMP/$variant"
done
finish
