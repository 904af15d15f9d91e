#!/bin/sh
# cli.sh: the command line: help, version, exit codes, error messages, -o, rule errors.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"
fixture=fixtures/transcript-short.txt

check "--help exits 0 and lists every option" sh -c '
  "$PUNKTUM" --help > "$1/help" &&
  for o in --format --output --encoding --rules --help --version; do grep -q -- "$o" "$1/help" || exit 1; done' _ "$TMP"
# The man page and --help come from different places; each names every option of the other.
help_matches_man() {
  "$PUNKTUM" --help | grep -o -- '--[a-z][a-z-]*' | sort -u > "$TMP/help-options"
  # In OPTIONS, each option is the line after a .TP: ".BR \-f ", " \-\-format ...".
  awk '/^\.SH /{in_options = ($2 == "OPTIONS")} in_options && tp {print} {tp = ($0 ~ /^\.TP/)}' doc/punktum.1 |
    sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u > "$TMP/man-options"
  same "$TMP/help-options" "$TMP/man-options"
}
check "--help and punktum(1) name the same options" help_matches_man
check "--no-jit gives the same document as the JIT" sh -c '
  "$PUNKTUM" "$1" > "$2/jit.json" && "$PUNKTUM" --no-jit "$1" > "$2/nojit.json" && cmp "$2/jit.json" "$2/nojit.json"' _ "$fixture" "$TMP"
check "--version names the program" sh -c '"$PUNKTUM" --version | grep -q "^punktum "'
check "no input is a usage error (2)" sh -c '"$PUNKTUM" >/dev/null 2>&1; [ $? -eq 2 ]'
check "an unknown option is a usage error (2)" sh -c '"$PUNKTUM" --bogus x >/dev/null 2>&1; [ $? -eq 2 ]'
check "an unknown format is a usage error (2)" sh -c '"$PUNKTUM" -f yaml x >/dev/null 2>&1; [ $? -eq 2 ]'
check "a missing file is an input error (1) naming the file" sh -c '
  "$PUNKTUM" /no/such/file 2> "$1/err"; [ $? -eq 1 ] && grep -q "^punktum: /no/such/file: " "$1/err"' _ "$TMP"
check "a directory as JSON to standard output is a usage error (2): one stream needs jsonl or csv" \
  sh -c '"$PUNKTUM" fixtures 2>/dev/null >/dev/null; [ $? -eq 2 ]'
check "JSON output parses with jq" sh -c '"$PUNKTUM" "$1" | "$JQ" -e ".items | length > 0" >/dev/null' _ "$fixture"
check "XML output passes xmllint" sh -c '"$PUNKTUM" -f xml "$1" | "$XMLLINT" --noout -' _ "$fixture"
check "stdin gives the same items as the file" sh -c '
  "$PUNKTUM" "$1" | "$JQ" -c .items > "$2/a" && "$PUNKTUM" - < "$1" | "$JQ" -c .items > "$2/b" &&
  cmp -s "$2/a" "$2/b"' _ "$fixture" "$TMP"
check "a pipe (not seekable) gives the same items as the file" sh -c '
  "$PUNKTUM" "$1" | "$JQ" -c .items > "$2/a" && cat "$1" | "$PUNKTUM" - | "$JQ" -c .items > "$2/b" &&
  cmp -s "$2/a" "$2/b"' _ "$fixture" "$TMP"
check "-o writes the file and leaves no temporary" sh -c '
  "$PUNKTUM" -o "$2/out.json" "$1" && "$JQ" . "$2/out.json" >/dev/null &&
  [ -z "$(ls "$2" | grep tmp)" ]' _ "$fixture" "$TMP"
check "-o leaves nothing behind when the input fails" sh -c '
  "$PUNKTUM" -o "$1/bad.json" /no/such/file 2>/dev/null; [ ! -e "$1/bad.json" ] && [ -z "$(ls "$1" | grep tmp)" ]' _ "$TMP"
check "a bad rule file stops the run with FILE:LINE: offset N" sh -c '
  mkdir -p "$1/rules" && printf "# comment\nsection.summary broken = (unclosed\n" > "$1/rules/bad.rules" &&
  "$PUNKTUM" --rules "$1/rules" "$2" > /dev/null 2> "$1/err"; code=$?
  [ $code -eq 2 ] && grep -q "^punktum: $1/rules/bad.rules:2: offset [0-9]*: bad pattern: missing closing parenthesis" "$1/err"' _ "$TMP" "$fixture"
check "--rules adds a heading that the built-in rules lack" sh -c '
  mkdir -p "$1/extra" && printf "section.other caps-kultur = \\\\bKULTURPOLITIK\\\\b\n" > "$1/extra/x.rules" &&
  printf "x\n" > /dev/null && "$PUNKTUM" --rules "$1/extra" "$2" >/dev/null' _ "$TMP" "$fixture"
check "a decision-start rule whose heading label is looked behind for heads nothing, and the run goes on" sh -c '
  mkdir -p "$1/ds" && printf "decision-start behind = (?m)(?<=^(?<heading>Vores resultat):\\x20)Godkendt(?=\\.)\n" > "$1/ds/x.rules" &&
  printf "Referat af møde i Udvalget\n\n1. Sag\nTekst om sagen.\nVores resultat: Godkendt.\n\n2. Anden sag\nMere tekst.\n" > "$1/ds.txt" &&
  "$PUNKTUM" --rules "$1/ds" "$1/ds.txt" | "$JQ" -e ".items[0].sections[0].kind == \"decision\" and .items[0].sections[0].heading == \"\"" >/dev/null' _ "$TMP"
check "writing to a full device fails with exit 1" sh -c '
  [ -w /dev/full ] || exit 0; "$PUNKTUM" "$1" > /dev/full 2>/dev/null; [ $? -eq 1 ]' _ "$fixture"
check "--list-profiles lists the built-in profiles, generic included" sh -c '
  "$PUNKTUM" --list-profiles > "$1/profiles" && grep -qx sag-page "$1/profiles" && grep -qx generic "$1/profiles"' _ "$TMP"
check "the chosen profile is reported in document.profile" sh -c '
  "$PUNKTUM" "$1" | "$JQ" -e ".document.profile.name == \"sag-page\" and .document.profile.score > 0" >/dev/null' _ "$fixture"
check "--profile forces a profile" sh -c '
  "$PUNKTUM" --profile generic "$1" | "$JQ" -e ".document.profile.name == \"generic\"" >/dev/null' _ "$fixture"
check "an unknown --profile is a usage error (2)" sh -c '"$PUNKTUM" --profile nosuch "$1" >/dev/null 2>&1; [ $? -eq 2 ]' _ "$fixture"
check "--explain names the rule file, line, page and offset of each item start" sh -c '
  "$PUNKTUM" --explain "$1" > "$2/explain" &&
  grep -q "^builtin:sag-page.rules:[0-9]*: page 2 offset [0-9]*: item starts by sag-page/sag-page-item (item): \"Vintervedligeholdelse" "$2/explain" &&
  grep -q "section heading by" "$2/explain" && grep -q "^profile sag-page chosen" "$2/explain"' _ "$fixture" "$TMP"
check "a layout-only rule file in a fresh profile, no recompile" sh -c '
  mkdir -p "$1/p" && printf "profile punkt-colon\ndetect punkt-line weight=9 = (?m)^Punkt \\\\d+: \\\\S\nitem punkt-item = Punkt (?<number>\\\\d+): (?<title>.+)\n" > "$1/p/x.rules" &&
  printf "Punkt 1: Første sag\nTekst.\nPunkt 2: Anden sag\nMere tekst.\n" > "$1/doc.txt" &&
  "$PUNKTUM" --rules "$1/p" "$1/doc.txt" | "$JQ" -e "[.items[].title] == [\"Første sag\", \"Anden sag\"] and .document.profile.name == \"punkt-colon\"" >/dev/null' _ "$TMP"
# A member's presence in a header whose title ran into it names no word of the title.
check "presence after a run-on title names only the member" sh -c '
  printf "%s%s%s%s\n" "Referat Skoleudvalget Dato: 02-03-2021 Sted: Rådhuset 1) Godkendelse af dagsorden " \
    "Skoleudvalget, 02-03-2021 Godkendt. 2) Tilskud til lejrskole Skoleudvalget, 02-03-2021 " \
    "Godkendt. 3) Lokaletilskud til Vester Rideklub Hans Berg (V) deltog ikke i behandlingen. " \
    "Skoleudvalget, 02-03-2021 Godkendt." > "$1/presence.txt" &&
  "$PUNKTUM" "$1/presence.txt" | "$JQ" -e ".items[2].title == \"Lokaletilskud til Vester Rideklub\"
    and .items[2].absent == [\"Hans Berg (V)\"]" >/dev/null' _ "$TMP"
finish
