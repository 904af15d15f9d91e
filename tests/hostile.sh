#!/bin/sh
# hostile.sh: inputs meant to break a parser, generated here (some are large), each with
# its expected behaviour: a clear diagnostic where something is wrong, valid JSON and XML
# always, never a crash or a hang.  HOSTILE_BIG=1 uses the full sizes of the hostile-input
# list (a 100 MB line); make check uses 10 MB.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"
big=${HOSTILE_BIG:-0}
line_mb=$([ "$big" = 1 ] && echo 100 || echo 10)
limit() { timeout 300 "$@"; } # a hang fails instead of stalling the suite

# valid NAME [OPTIONS...] FILE: exit 0, strict JSON with a complete coverage account, and
# well-formed XML.
valid() {
  name=$1
  shift
  limit "$PUNKTUM" "$@" > "$TMP/$name.json" 2> "$TMP/$name.err" &&
    "$JQ" -e '.coverage.complete' "$TMP/$name.json" >/dev/null &&
    limit "$PUNKTUM" -f xml "$@" > "$TMP/$name.xml" 2>/dev/null &&
    "$XMLLINT" --noout --huge "$TMP/$name.xml"
}
diagnostic() { "$JQ" -e --arg re "$2" '[.diagnostics[].message | test($re)] | any' "$TMP/$1.json" >/dev/null; }

printf '1. Punkt \303\050 med \355\240\200 og \370\210\200\200\200\nBeslutning\nGodkendt.\n' > "$TMP/invalid-utf8.txt"
check "invalid UTF-8: valid output" valid invalid-utf8 "$TMP/invalid-utf8.txt"
check "invalid UTF-8: read as Windows-1252, said so in source.encoding" \
  "$JQ" -e '.source.encoding == "WINDOWS-1252" and (.items | length) == 1' "$TMP/invalid-utf8.json"

printf '1. Punkt\000med\000NUL\nBeslutning\nGodkendt.\000\n' > "$TMP/nul.txt"
check "NUL bytes: valid output" valid nul "$TMP/nul.txt"
check "NUL bytes: replaced, counted and reported" sh -c \
  '"$1" -e ".source.replaced_characters == 3" "$2" >/dev/null' _ "$JQ" "$TMP/nul.json"
check "NUL bytes: a diagnostic says so" diagnostic nul 'replaced by U\+FFFD'

head -c $((line_mb * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$TMP/long-line.txt"
check "a single ${line_mb} MB line: valid output" valid long-line "$TMP/long-line.txt"
check "a single ${line_mb} MB line: all of it is placed" \
  "$JQ" -e --argjson n $((line_mb * 1024 * 1024)) '.coverage.placed == $n' "$TMP/long-line.json"

awk 'BEGIN { print "Transkript:"; for (i = 1; i <= 1000000; i++) printf "%d ord\n", i }' > "$TMP/pages.txt"
check "a million one-word pages: valid output" valid pages "$TMP/pages.txt"
check "a million one-word pages: all counted" "$JQ" -e '.source.pages == 1000000' "$TMP/pages.json"

# Lines between pages wait in a probe (the start of a related-documents list?); blank
# ones must cost nothing there, however many there are.
awk 'BEGIN { print "Transkript:"; print "1 ord"; print "tekst"; for (i = 0; i < 1000000; i++) print ""
             print "2 ord" }' > "$TMP/blank-lines.txt"
check "a million blank lines between two pages: done within 20 s" \
  timeout 20 "$PUNKTUM" -o "$TMP/blank-lines.json" "$TMP/blank-lines.txt"
check "a million blank lines between two pages: two pages, the text on page 1" "$JQ" -e \
  '.source.pages == 2 and .preamble.text == "ord\ntekst\nord"' "$TMP/blank-lines.json"

# Start markers among the pages wait for a page 1 that may never come: a million of them
# in a row must not be held (memory as for a million lines of text, not a probe of them).
peak_kb() { python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"; }
awk 'BEGIN { print "Transkript:"; print "1 ord"; for (i = 0; i < 1000000; i++) print "Transkript"
             print "2 ord" }' > "$TMP/markers.txt"
sed 's/^Transkript$/Transkrip/' "$TMP/markers.txt" > "$TMP/not-markers.txt"
markers_kb=$(peak_kb "$PUNKTUM" "$TMP/markers.txt")
text_kb=$(peak_kb "$PUNKTUM" "$TMP/not-markers.txt")
check "a million start markers between pages: memory as for text ($markers_kb against $text_kb KB)" \
  test $((markers_kb * 4)) -lt $((text_kb * 5)) # within 1.25 times; held, they took 3 times
check "a million start markers between pages: valid output" valid markers "$TMP/markers.txt"

printf '1. M\303\270de om budget\n\nBeslutning\n\nGodkendt.\n' | iconv -f UTF-8 -t UTF-16LE > "$TMP/utf16-nobom.txt"
check "UTF-16 without a BOM: valid output" valid utf16-nobom "$TMP/utf16-nobom.txt"
check "UTF-16 without a BOM: detected, title intact" \
  "$JQ" -e '.source.encoding == "UTF-16LE" and .items[0].title == "Møde om budget"' "$TMP/utf16-nobom.json"

printf '1. M\303\270de i udvalget\nBeslutning\nGodkendt p\345 m\370det.\n' > "$TMP/mixed.txt"
check "mixed encodings: valid output" valid mixed "$TMP/mixed.txt"
check "mixed encodings: a diagnostic says so" diagnostic mixed '^mixed encodings'

: > "$TMP/empty.txt"
check "an empty file: exit 1 with a clear message" sh -c \
  '"$1" "$2" >/dev/null 2>"$3/empty.err"; [ $? -eq 1 ] && grep -q "empty file" "$3/empty.err"' _ \
  "$PUNKTUM" "$TMP/empty.txt" "$TMP"
check "empty standard input: an empty document" sh -c \
  '"$1" - < /dev/null | "$2" -e ".items == [] and .coverage.complete" >/dev/null' _ "$PUNKTUM" "$JQ"

mkdir -p "$TMP/only-docs" && : > "$TMP/only-docs/a.docx"
check "a directory with no text files: exit 1, saying what was searched" sh -c \
  '"$1" -f jsonl "$2" >/dev/null 2>"$3/dir.err"; [ $? -eq 1 ] && grep -q "no input files found" "$3/dir.err"' _ \
  "$PUNKTUM" "$TMP/only-docs" "$TMP"
mkfifo "$TMP/fifo.txt"
# One writer for each reader, each waited for: a second writer opening the FIFO before
# the first reader has seen the end would feed that reader both copies.
read_fifo() { # OUTPUT OPTIONS...
  out=$1
  shift
  cat fixtures/web-nr-item.txt > "$TMP/fifo.txt" &
  limit "$PUNKTUM" "$@" "$TMP/fifo.txt" > "$out"
  status=$?
  wait
  return $status
}
check "a FIFO: read like a file, JSON" read_fifo "$TMP/fifo.json"
check "a FIFO: read like a file, XML" read_fifo "$TMP/fifo.xml" -f xml
check "a FIFO: well-formed XML" "$XMLLINT" --noout "$TMP/fifo.xml"
check "a FIFO: same items as the file" sh -c \
  '"$1" fixtures/web-nr-item.txt | "$2" -c .items > "$3/file.items"; "$2" -c .items "$3/fifo.json" | cmp -s - "$3/file.items"' _ \
  "$PUNKTUM" "$JQ" "$TMP"

# A catastrophically backtracking rule over about 2 MB: the limits stop it, it is named.
mkdir -p "$TMP/evil-rules"
printf 'section.other evil = (?:a|a)+$\nitem evil-item = ^(\\w+\\s?)*\\d$\n' > "$TMP/evil-rules/evil.rules"
awk 'BEGIN { print "Referat"; for (i = 1; i <= 100; i++) { printf "%d. Punkt %d\nBeslutning\n", i, i;
  s = ""; for (j = 0; j < 20000; j++) s = s "a"; print s "!" } }' > "$TMP/evil.txt"
check "a catastrophic rule: valid output, no hang" valid evil --rules "$TMP/evil-rules" "$TMP/evil.txt"
check "a catastrophic rule: named, and given up on" diagnostic evil '^rule evil .*match limit.*not tried again'
check "a catastrophic rule: the other rules still find the items" "$JQ" -e '(.items | length) == 100' "$TMP/evil.json"

awk 'BEGIN { print "Referat"; n = ""; for (i = 1; i <= 60; i++) { n = n (i > 1 ? "." : "") "1";
  printf "%s Niveau %d\nTekst.\n", n, i } }' > "$TMP/nested.txt"
check "deeply nested numbering: valid output" valid nested "$TMP/nested.txt"

{ printf 'Dagsordenspunkter med bilag\n\nTranskript\n\n'
  printf '1 Dagsordenspunkter med bilag Indhold Godkendelse af referat...2 Budget...3 Tillæg...40\n\n'
  printf '2 Referat Tekst.\n\n3 Budget Tekst.\n'; } > "$TMP/toc-past-end.txt"
check "contents pointing past the last page: valid output" valid toc-past-end --profile toc-pages "$TMP/toc-past-end.txt"
check "contents pointing past the last page: a diagnostic names the entry" \
  diagnostic toc-past-end 'does not reach|past the last page'

# Two transcripts saved into one file (a year's minutes, say): the text stays placed, and
# a warning says where the second begins, so nobody takes its items for the first's.
cat fixtures/transcript-referat.txt fixtures/transcript-referat.txt > "$TMP/two-transcripts.txt"
check "two transcripts in one file: valid output" valid two-transcripts "$TMP/two-transcripts.txt"
check "two transcripts in one file: a warning says where the second starts" \
  diagnostic two-transcripts '^a second transcript starts after page [0-9]+'
finish
