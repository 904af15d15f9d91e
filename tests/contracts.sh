#!/bin/sh
# contracts.sh: the output contracts hold on every fixture (and on the seeds and the
# corpus when ../shared is there): the XML validates against output/punktum.rng, the JSON against
# output/punktum.schema.json, every JSON Lines record against output/punktum-line.schema.json
# with ids stable across runs, the CSV reads back with one row per item, --coverage finds
# no unplaced character, and the offsets are checked against --cleaned by an independent
# script.  Each check is also shown to fail on a broken output.  Then hostile characters.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"
SCHEMAS="$SRCDIR/output"

# An interpreter with jsonschema (Debian's python3-jsonschema; scripts/deps.sh installs it).
PY=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import jsonschema' 2>/dev/null; then
    PY=$candidate
    break
  fi
done
if [ -z "$PY" ]; then
  echo "python3 with jsonschema is missing: run scripts/deps.sh (package python3-jsonschema)" >&2
  exit 1
fi

contract() { "$PY" "$SRCDIR/tests/contracts.py" "$@"; }
coverage_zero() { grep -q ', unplaced 0$' "$1"; }
fails() { ! "$@" >/dev/null 2>&1; }
# The pretty JSON's layout is jq's (its strings are escaped as jansson escapes them: jq also
# escapes DEL, which no fixture or corpus document holds).
same_as_jq() { "$JQ" . "$1" | cmp -s - "$1"; }

# check_input NAME INPUT: every contract on one input.
check_input() {
  name=$1 input=$2
  "$PUNKTUM" -f json --coverage --cleaned "$TMP/$name.cleaned" "$input" > "$TMP/$name.json" 2> "$TMP/$name.coverage"
  check "$name: --coverage exits 0" test $? -eq 0
  check "$name: --coverage reports 0 unplaced" coverage_zero "$TMP/$name.coverage"
  check "$name: JSON valid against the JSON Schema" contract json "$SCHEMAS" "$TMP/$name.json"
  check "$name: JSON laid out as \`jq .\` lays it out" same_as_jq "$TMP/$name.json"
  check "$name: offsets hold the node texts and nodes tile the cleaned text" \
    "$PY" "$SRCDIR/tests/provenance.py" "$TMP/$name.json" "$TMP/$name.cleaned"
  "$PUNKTUM" -f xml "$input" > "$TMP/$name.xml"
  check "$name: XML valid against the RELAX NG schema" \
    "$XMLLINT" --noout --relaxng "$SCHEMAS/punktum.rng" "$TMP/$name.xml"
  items=$("$JQ" '.items | length' "$TMP/$name.json")
  "$PUNKTUM" -f jsonl "$input" > "$TMP/$name.jsonl"
  "$PUNKTUM" -f jsonl "$input" > "$TMP/$name.again.jsonl"
  check "$name: JSON Lines: $items valid records, unique ids" contract jsonl "$SCHEMAS" "$TMP/$name.jsonl" "$items"
  check "$name: JSON Lines identical on a second run (stable ids)" same "$TMP/$name.jsonl" "$TMP/$name.again.jsonl"
  "$PUNKTUM" -f csv "$input" > "$TMP/$name.csv"
  check "$name: CSV reads back with $items rows" contract csv "$TMP/$name.csv" "$items"
}

for input in fixtures/*.txt; do
  check_input "$(basename "$input" .txt)" "$input"
done
# The HTML pages (fixtures/forms): the same contracts hold on text read from HTML.
for input in fixtures/forms/*.html; do
  check_input "html-$(basename "$input" .html)" "$input"
done
if [ -d "$SHARED_DIR/seeds" ]; then
  for input in "$SHARED_DIR"/seeds/*; do
    check_input "seed-$(basename "$input")" "$input"
  done
  for input in "$SHARED_DIR"/corpus/docs/*; do
    [ -f "$input" ] && check_input "corpus-$(basename "$input")" "$input"
  done
else
  echo "# SKIP seeds and corpus: $SHARED_DIR/seeds is absent"
fi

# ---- each check can fail ------------------------------------------------------------------
base="$TMP/transcript-referat"
"$JQ" '.items[0].offsets[0] += 1 | .items[0].header_offsets[0] += 1' "$base.json" > "$TMP/shifted.json"
check "provenance check fails when an offset is off by one" \
  fails "$PY" "$SRCDIR/tests/provenance.py" "$TMP/shifted.json" "$base.cleaned"
"$JQ" '.items[1].sections[0].text |= .[10:]' "$base.json" > "$TMP/cut.json"
check "provenance check fails when a section lost text" \
  fails "$PY" "$SRCDIR/tests/provenance.py" "$TMP/cut.json" "$base.cleaned"
"$JQ" '.items[0].sections = []' "$base.json" > "$TMP/dropped.json"
check "provenance check fails when sections are dropped" \
  fails "$PY" "$SRCDIR/tests/provenance.py" "$TMP/dropped.json" "$base.cleaned"
"$JQ" '.items[0].extra = 1' "$base.json" > "$TMP/extra.json"
check "JSON Schema check fails on an unknown field" fails contract json "$SCHEMAS" "$TMP/extra.json"
sed 's|<coverage [^>]*/>||' "$base.xml" > "$TMP/nocoverage.xml"
check "RELAX NG check fails without the coverage element" \
  fails "$XMLLINT" --noout --relaxng "$SCHEMAS/punktum.rng" "$TMP/nocoverage.xml"
head -n 2 "$base.csv" > "$TMP/short.csv"
check "CSV check fails on a missing row" fails contract csv "$TMP/short.csv" \
  "$("$JQ" '.items | length' "$base.json")"
printf 'a\r\nb' > "$TMP/nocrlf.csv"
check "CSV check fails without CRLF" fails contract csv "$TMP/nocrlf.csv" 1

# ---- hostile characters: well-formed XML, valid JSON, in every format ------------------------
printf '1. Punkt med \001kontrol\037tegn og \000 NUL\nBeslutning\nGodkendt \357\277\276 og \357\277\277 slut\n' \
  > "$TMP/controls-utf8.txt"
printf '1. Punkt \355\240\200 surrogat \300\257 overlang \377 slut\nBeslutning\nGodkendt\n' > "$TMP/invalid-utf8.txt"
{ printf '\377\376'; printf '1. Punkt\nBeslutning\nA' | iconv -f UTF-8 -t UTF-16LE
  printf '\000\330B\000\000\334C\000\n\000'; } > "$TMP/surrogates-utf16.txt"
printf '1. Komma, "citat" og\tfane\nBeslutning\nJa, "godkendt"\n' > "$TMP/csv-quoting.txt"
printf '1. Punkt\nBeslutning\nGodkendt\n' > "$TMP/name$(printf '\001')with-control.txt"
for input in "$TMP/controls-utf8.txt" "$TMP/invalid-utf8.txt" "$TMP/surrogates-utf16.txt" \
             "$TMP/csv-quoting.txt" "$TMP/name$(printf '\001')with-control.txt"; do
  name=$(basename "$input" .txt | tr -c 'a-z0-9\n-' '_')
  "$PUNKTUM" -f xml "$input" > "$TMP/h-$name.xml"
  check "hostile $name: XML well-formed and valid" \
    "$XMLLINT" --noout --relaxng "$SCHEMAS/punktum.rng" "$TMP/h-$name.xml"
  "$PUNKTUM" -f json --coverage "$input" > "$TMP/h-$name.json" 2> "$TMP/h-$name.coverage"
  check "hostile $name: JSON valid" contract json "$SCHEMAS" "$TMP/h-$name.json"
  check "hostile $name: 0 unplaced" coverage_zero "$TMP/h-$name.coverage"
  check "hostile $name: one item" "$JQ" -e '.items | length == 1' "$TMP/h-$name.json"
  "$PUNKTUM" -f jsonl "$input" > "$TMP/h-$name.jsonl"
  check "hostile $name: JSON Lines valid" contract jsonl "$SCHEMAS" "$TMP/h-$name.jsonl" 1
  "$PUNKTUM" -f csv "$input" > "$TMP/h-$name.csv"
  check "hostile $name: CSV reads back" contract csv "$TMP/h-$name.csv" 1
done
check "control characters, NUL and U+FFFE/U+FFFF are replaced and counted" \
  "$JQ" -e '.source.replaced_characters == 5' "$TMP/h-controls-utf8.json"
check "lone UTF-16 surrogates are replaced and counted" \
  "$JQ" -e '.source.encoding == "UTF-16LE" and .source.replaced_characters == 2' "$TMP/h-surrogates-utf16.json"
check "CSV keeps commas and quotes inside a field" \
  "$PY" -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8"))); sys.exit(r[1][6]!="Komma, \"citat\" og fane" or r[1][11]!="Ja, \"godkendt\"")' "$TMP/h-csv-quoting.csv"
finish
