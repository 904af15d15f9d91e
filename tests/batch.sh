#!/bin/sh
# batch.sh: many inputs.  A tree of 2,000 files (the fixtures replicated into nested
# folders) plus an unreadable, a binary and an empty file: -j 2 -o DIR gives every good
# output, identical to -j 1, reports the three bad ones, exits 1 and leaves no temporary
# file.  A run killed with SIGKILL midway leaves only complete outputs, and --skip-existing
# finishes it.  Combined jsonl/csv streams keep input order.  --stream over the
# concatenated fixtures gives the same items as the files one by one, also cut up by GNU
# parallel --pipe, and so does a document too long to be held in memory; one that cannot
# be spooled either is named and skipped.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"

tree="$TMP/tree"
i=0
while [ $i -lt 223 ]; do
  dir="$tree/$((i % 10))/$((i / 10 % 5))/batch$i"
  mkdir -p "$dir"
  for f in fixtures/*.txt; do cp "$f" "$dir/"; done
  i=$((i + 1))
done
good=$(find "$tree" -type f | wc -l)
bad="$tree/3/bad"
mkdir -p "$bad"
: > "$bad/empty.txt"
{ printf 'PK\003\004'; head -c 4096 /dev/zero; } > "$bad/binary.txt"
if [ "$(id -u)" -eq 0 ]; then
  ln -s "$TMP/nowhere" "$bad/unreadable.txt" # root reads any file: a link to nothing instead
else
  echo x > "$bad/unreadable.txt" && chmod 000 "$bad/unreadable.txt"
fi
fixture_count=$(find fixtures -maxdepth 1 -name '*.txt' | wc -l)
check "the tree holds 223 copies of each fixture and 3 bad files" test "$good" -eq $((223 * fixture_count))

"$PUNKTUM" -q -j 2 -o "$TMP/out2" "$tree" 2> "$TMP/err2"
code=$?
"$PUNKTUM" -q -j 1 -o "$TMP/out1" "$tree" 2> "$TMP/err1"
check "-j 2 exits 1 when inputs failed" test "$code" -eq 1
check "every good file has its output" test "$(find "$TMP/out2" -name '*.json' | wc -l)" -eq "$good"
check "-j 2 gives the same outputs as -j 1" diff -r "$TMP/out1" "$TMP/out2"
check "the three bad files are reported, one line each" test "$(grep -c "^punktum: $bad/" "$TMP/err2")" -eq 3
check "the empty file is reported as empty" grep -q "^punktum: $bad/empty.txt: empty file" "$TMP/err2"
check "the binary file is reported as not text" grep -q "^punktum: $bad/binary.txt: .*not a text file" "$TMP/err2"
check "the unreadable file is reported" grep -q "^punktum: $bad/unreadable.txt: " "$TMP/err2"
check "no output for a bad file" test ! -e "$TMP/out2/3/bad/empty.json"
check "no temporary files are left" test -z "$(find "$TMP/out2" "$TMP/out1" -name '.*' -o -name '*.tmp*')"
check "an output mirrors its input's place" test -f "$TMP/out2/0/0/batch0/web-nr-item.json"
"$PUNKTUM" fixtures/web-nr-item.txt | "$JQ" -S 'del(.source.name)' > "$TMP/one.json"
"$JQ" -S 'del(.source.name)' "$TMP/out2/0/0/batch0/web-nr-item.json" > "$TMP/mirrored.json"
check "a batch output equals the single-file output" same "$TMP/one.json" "$TMP/mirrored.json"

# ---- killed midway, then resumed -----------------------------------------------------------
# The run is stopped deterministically in the middle: one listed input is a FIFO that no
# one writes, so -j 1 blocks opening it after the inputs before it are done.
list="$TMP/list"
find "$tree/0" -type f | sort > "$list.all"
half=$(($(wc -l < "$list.all") / 2))
head -n "$half" "$list.all" > "$list"
mkfifo "$TMP/blocker.txt"
echo "$TMP/blocker.txt" >> "$list"
tail -n +"$((half + 1))" "$list.all" >> "$list"
"$PUNKTUM" -q -j 1 -o "$TMP/killed" --files-from "$list" 2>/dev/null &
pid=$!
n=0
while [ "$(find "$TMP/killed" -name '*.json' 2>/dev/null | wc -l)" -lt "$half" ] && [ $n -lt 300 ]; do
  sleep 0.1
  n=$((n + 1))
done
all_complete() {
  for f in $(find "$TMP/killed" -type f); do "$JQ" -e .coverage.complete "$f" >/dev/null || return 1; done
}
check "midway, every output present is complete" all_complete
check "midway, there is no temporary file" test -z "$(find "$TMP/killed" -name '.*' -type f)"
kill -9 "$pid"
wait "$pid" 2>/dev/null
check "after SIGKILL, the outputs before the stop are there and complete" all_complete
check "after SIGKILL, no temporary file is left" test -z "$(find "$TMP/killed" -name '.*' -type f)"
before=$(find "$TMP/killed" -name '*.json' | wc -l)
check "the kill came midway ($before of $(wc -l < "$list.all") done)" test "$before" -eq "$half"
sleep 1 # a later modification time shows which outputs the resumed run rewrote
touch "$TMP/mark"
"$PUNKTUM" -q -j 2 -o "$TMP/killed" --skip-existing --files-from "$list.all" 2>/dev/null
check "the resumed run succeeds" test $? -eq 0
check "the resumed run wrote only what was missing" \
  test "$(find "$TMP/killed" -name '*.json' -newer "$TMP/mark" | wc -l)" -eq "$(($(wc -l < "$list.all") - half))"
"$PUNKTUM" -q -j 2 -o "$TMP/whole" --files-from "$list.all" 2>/dev/null
check "resumed outputs equal an uninterrupted run's" diff -r "$TMP/whole" "$TMP/killed"

# ---- one combined stream ---------------------------------------------------------------------
for f in fixtures/*.txt; do "$PUNKTUM" -f jsonl "$f"; done > "$TMP/each.jsonl"
"$PUNKTUM" -f jsonl -j 2 fixtures/*.txt > "$TMP/combined.jsonl"
check "a combined JSON Lines stream keeps input order" same "$TMP/each.jsonl" "$TMP/combined.jsonl"
"$PUNKTUM" -f csv -j 2 --glob "*.txt" fixtures > "$TMP/combined.csv"
check "a combined CSV has one header row" test "$(grep -c '^id,source,' "$TMP/combined.csv")" -eq 1
# Rows, not lines: a decision's text may hold a line break (quoted).
csv_rows() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$1"; }
check "a combined CSV has one row per item" \
  test "$(csv_rows "$TMP/combined.csv")" -eq "$(wc -l < "$TMP/each.jsonl")"
ls fixtures/*.txt | "$PUNKTUM" -f jsonl --files-from - > "$TMP/listed.jsonl"
check "--files-from - gives the same stream" same "$TMP/each.jsonl" "$TMP/listed.jsonl"

# ---- --stream and GNU parallel ------------------------------------------------------------------
# NUL separates documents; the UTF-16 fixture holds NUL bytes, so it goes by form feed.
: > "$TMP/stream.nul"
: > "$TMP/expected.nul"
for f in fixtures/*.txt; do
  case $f in *utf16*) continue ;; esac
  { printf '%s\n' "$f"; cat "$f"; printf '\000'; } >> "$TMP/stream.nul"
  "$PUNKTUM" -f jsonl "$f" >> "$TMP/expected.nul"
done
"$PUNKTUM" --stream --names -f jsonl < "$TMP/stream.nul" > "$TMP/streamed.jsonl"
check "--stream (NUL) gives the same items as file by file" same "$TMP/expected.nul" "$TMP/streamed.jsonl"
for f in fixtures/*.txt; do printf '%s\n' "$f"; cat "$f"; printf '\f'; done > "$TMP/stream.ff"
"$PUNKTUM" --stream --names --separator ff -f jsonl < "$TMP/stream.ff" > "$TMP/streamed-ff.jsonl"
check "--stream --separator ff gives the same items, UTF-16 included" same "$TMP/each.jsonl" "$TMP/streamed-ff.jsonl"
# A document past what the stream holds in memory (4 MiB) goes through a temporary file;
# a small one after it is held again.  Both give the items they give alone.
python3 -c 'import sys; sys.path.insert(0, "bench"); import gen; gen.transcript(sys.argv[1], 5)' "$TMP/big.txt"
check "bench/gen.py wrote a 5 MB transcript" test "$(wc -c < "$TMP/big.txt")" -gt 4194304
{ printf '%s\n' "$TMP/big.txt"; cat "$TMP/big.txt"; printf '\000%s\n' fixtures/web-nr-item.txt
  cat fixtures/web-nr-item.txt; } > "$TMP/big.nul"
{ "$PUNKTUM" -f jsonl "$TMP/big.txt"; "$PUNKTUM" -f jsonl fixtures/web-nr-item.txt; } > "$TMP/big-expected.jsonl"
"$PUNKTUM" --stream --names -f jsonl < "$TMP/big.nul" > "$TMP/big-streamed.jsonl"
check "--stream: a 5 MB document and a small one after it give the same items as alone" \
  same "$TMP/big-expected.jsonl" "$TMP/big-streamed.jsonl"
# A document that cannot be spooled (a file-size limit makes the temporary file's writes
# fail, with the signal ignored) is skipped and named with the reason; the next one comes out.
( trap '' XFSZ; ulimit -f 1024; "$PUNKTUM" --stream --names -f jsonl < "$TMP/big.nul" \
    > "$TMP/unheld.jsonl" 2> "$TMP/unheld.err" )
check "--stream exits 1 when a document cannot be held" test $? -eq 1
check "--stream names the document it cannot hold, and why" \
  grep -q "^punktum: $TMP/big.txt: cannot hold the document: File too large" "$TMP/unheld.err"
"$PUNKTUM" -f jsonl fixtures/web-nr-item.txt > "$TMP/small-expected.jsonl"
check "--stream gives the items of the document after it" \
  same "$TMP/small-expected.jsonl" "$TMP/unheld.jsonl"
# Read from a pipe, a document past that limit is spooled after the part already read.
"$PUNKTUM" -f jsonl - < "$TMP/big.txt" > "$TMP/big-file.jsonl"
cat "$TMP/big.txt" | "$PUNKTUM" -f jsonl - > "$TMP/big-pipe.jsonl"
check "a 5 MB document from a pipe gives the same items as from the file" \
  same "$TMP/big-file.jsonl" "$TMP/big-pipe.jsonl"
printf 'kun et navn\n' | "$PUNKTUM" --stream --names -f csv > "$TMP/nameonly.csv"
check "--stream reads a document without a separator at its end" test -s "$TMP/nameonly.csv"
{ cat fixtures/web-nr-item.txt; printf '\000'; printf 'PK\003\004\001\002\003\004\005\006\007\010\016\017\020'; printf '\000'; cat fixtures/inline-items.txt; } |
  "$PUNKTUM" --stream -f jsonl > "$TMP/badstream.jsonl" 2> "$TMP/badstream.err"
check "--stream goes past a bad document and exits 1" test $? -eq 1
check "--stream reports the bad document by its number" grep -q '^punktum: stdin:2: ' "$TMP/badstream.err"
check "--stream still gives the good documents' items" test "$(wc -l < "$TMP/badstream.jsonl")" -eq \
  "$(($("$PUNKTUM" -f jsonl fixtures/web-nr-item.txt | wc -l) + $("$PUNKTUM" -f jsonl fixtures/inline-items.txt | wc -l)))"
if command -v parallel >/dev/null 2>&1; then
  parallel --will-cite --pipe --recend '\0' --block 1k -k "$PUNKTUM" --stream --names -f jsonl \
    < "$TMP/stream.nul" > "$TMP/parallel.jsonl" 2>/dev/null
  check "GNU parallel --pipe over --stream gives the same items" same "$TMP/expected.nul" "$TMP/parallel.jsonl"
  ls fixtures/*.txt | parallel --will-cite -k "$PUNKTUM" -f jsonl {} > "$TMP/parallel-files.jsonl"
  check "GNU parallel, one punktum per file, gives the same items" same "$TMP/each.jsonl" "$TMP/parallel-files.jsonl"
else
  echo "# SKIP GNU parallel tests: parallel is not installed (scripts/deps.sh installs it)"
fi
finish
