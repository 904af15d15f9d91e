#!/bin/sh
# linear.sh: cost grows linearly with every dimension of the input, and memory stays
# bounded.  Each shape is generated here at a size N and at 2N; the processor time of the
# larger run must stay under RATIO_MAX times the smaller one's (linear work doubles, work
# that is quadratic in a dimension quadruples), and where the shape has many items or
# pages, its peak memory must not grow with them.  Processor time, not wall time, so a
# busy machine does not fail the test.
. "${SRCDIR}/tests/lib.sh"
RATIO_MAX=3

# cost FILE: "SECONDS KB", the processor time (user and system) and the peak memory of a
# JSON Lines run over FILE, measured by GNU time (a fork of this shell's Python would
# count its own image in the peak); the run must succeed.
TIME=/usr/bin/time
[ -x "$TIME" ] || skip "GNU time (/usr/bin/time, package time) missing: no cost measured"
cost() {
  # A sanitizer build holds freed memory in a quarantine, which would grow with the input.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
    "$TIME" -f '%U %S %M' -o "$TMP/cost" "$PUNKTUM" -f jsonl "$1" > /dev/null 2>&1 || {
    echo "punktum failed on $1" >&2
    echo "fail fail"
    return
  }
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$TMP/cost"
}

# generate SHAPE N: a document of that shape and size on standard output.
generate() {
  case $1 in
  items) # N short items, numbered on past 999
    awk -v n="$2" 'BEGIN { print "Referat"; print "Byrådet"; print ""
      for (i = 1; i <= n; i++) printf "%d. Punkt %d\nBeslutning\nGodkendt.\n\n", i, i }' ;;
  headings) # one item holding N decision headings
    awk -v n="$2" 'BEGIN { print "Referat"; print ""; print "1. Punkt et"
      for (i = 1; i <= n; i++) printf "Beslutning\nGodkendt.\n\n"
      print "2. Punkt to"; print "Beslutning"; print "Godkendt." }' ;;
  line) # one line of N KB
    awk -v n="$2" 'BEGIN { s = "ord "; while (length(s) < 1024) s = s s
      for (i = 0; i < n; i++) printf "%s", substr(s, 1, 1024); print "" }' ;;
  sentences) # short minutes run into one line, the last item's minute N KB of sentences
    awk -v n="$2" 'BEGIN { printf "Referat fra Lokalrådets møde 18. september 2006 1. Valg af "
      printf "formand. Valg: Mogens. 2. Godkendelse af referat. Godkendt. 3. Kort drøftelse. "
      s = "Der var en kort snak. "; while (length(s) < 1024) s = s s
      for (i = 0; i < n; i++) printf "%s", substr(s, 1, 1024); print "" }' ;;
  pages) # N pages, an item every ten
    awk -v n="$2" 'BEGIN { print "Referat"; print ""
      for (i = 1; i <= n; i++) {
        if (i % 10 == 1) printf "%d. Punkt nummer %d\nBeslutning\n", (i + 9) / 10, i
        printf "Tekst på side %d.\n\fSide %d af %d\n", i, i, n } }' ;;
  contents) # a contents list of N entries, then the N items
    awk -v n="$2" 'BEGIN { print "Dagsorden"; print ""; print "Indholdsfortegnelse"
      for (i = 1; i <= n; i++) printf "%d. Punkt nummer %d ........ %d\n", i, i, i + 2
      print ""
      for (i = 1; i <= n; i++)
        printf "%d. Punkt nummer %d\nSagsfremstilling\nTekst.\n\n", i, i }' ;;
  esac > "$TMP/$1-$2.txt"
}

# within RATIO A B: B is under RATIO times A (times in seconds, or memory in KB).
within() {
  python3 -c 'import sys; r, a, b = map(float, sys.argv[1:]); sys.exit(b >= r * max(a, 0.01))' \
    "$@" 2> /dev/null
}

# scales SHAPE N WHAT: the shape's cost at 2N against N, for time, and for memory too
# when WHAT is "bounded" (memory may grow by a quarter, not with the input).
scales() {
  shape=$1 n=$2
  generate "$shape" "$n"
  generate "$shape" $((n * 2))
  set -- $(cost "$TMP/$shape-$n.txt") $(cost "$TMP/$shape-$((n * 2)).txt") "$3"
  check "$shape: time at 2N ($3 s) within $RATIO_MAX times N's ($1 s)" within $RATIO_MAX "$1" "$3"
  [ "$5" = bounded ] &&
    check "$shape: memory at 2N ($4 KB) as at N ($2 KB)" within 1.25 "$2" "$4"
  return 0
}

scales items 20000 bounded
# count JQ FILE: what the filter JQ gives for punktum's JSON of FILE ("" where it fails).
count() { "$PUNKTUM" "$2" 2> /dev/null | "$JQ" -r "$1" 2> /dev/null; }
check "items: every item of 40000 found, numbers past 999 included" \
  test "$(count '.items | length' "$TMP/items-40000.txt")" = 40000
scales headings 20000 grows
scales line 8192 grows
scales sentences 2048 grows
scales pages 50000 bounded
check "pages: 100000 pages counted, 10000 items" \
  test "$(count '"\(.source.pages) \(.items | length)"' "$TMP/pages-100000.txt")" = \
  "100001 10000"
scales contents 5000 grows
check "contents: 10000 items after a list of 10000 entries" \
  test "$(count '.items | length' "$TMP/contents-10000.txt")" = 10000
finish
