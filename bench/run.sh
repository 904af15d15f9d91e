#!/bin/sh
# run.sh SRCDIR PUNKTUM LIBTOOL: what `make bench` runs (not part of make check).
# Generates the corpus once (bench-data/ in the build directory, about 1.4 GB), then
# times punktum against the floors on the same data: cat (I/O), one grep -P (or rg) scan
# with the heading patterns (the regex floor), and naive.py (the script a user would write
# instead).  Prints a Markdown report: MB/s, items/s and peak RSS; the memory bound of
# 32 MB is checked on the 500 MB document and the 500 MB stream.
set -eu
srcdir=$1 punktum=$2
# grep -P and the Python script read UTF-8 patterns and text.
LC_ALL=C.UTF-8
export LC_ALL
data=${BENCH_DATA:-bench-data}
single=${BENCH_SINGLE_MB:-500}
tree_mb=${BENCH_TREE_MB:-300}
[ -f "$data/transcript.txt" ] || python3 "$srcdir/bench/gen.py" "$data" "$single" "$tree_mb"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time (/usr/bin/time, package time) is needed" >&2; exit 1; }
cores=$(nproc)
mb() { du -sbL "$1" | awk '{printf "%.1f", $1 / 1e6}'; }
single_mb=$(mb "$data/transcript.txt")
stream_mb=$(mb "$data/stream.nul")
tree_size=$(mb "$data/tree")
items_single=$("$punktum" -f csv "$data/transcript.txt" | tail -n +2 | wc -l)

# row LABEL MEGABYTES ITEMS COMMAND...: runs COMMAND with its output thrown away.
row() {
  label=$1 size=$2 items=$3
  shift 3
  $TIME -f '%e %M' -o "$data/time" "$@" > /dev/null 2>"$data/stderr" || true
  read -r seconds rss < "$data/time"
  awk -v l="$label" -v s="$seconds" -v m="$size" -v i="$items" -v r="$rss" 'BEGIN {
    printf "| %s | %.2f | %.1f | %s | %.1f |\n", l, s, m / s, (i > 0 ? sprintf("%.0f", i / s) : "-"), r / 1024 }'
  echo "$rss" > "$data/last-rss"
}

echo "## $(date -u +%Y-%m-%d), $(uname -srm)"
echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $cores cores," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; $(gcc --version | head -n 1)."
echo
echo "Single document: $single_mb MB transcript, $items_single items. Stream: $stream_mb MB. Tree: $tree_size MB."
echo
echo "| run | seconds | MB/s | items/s | peak RSS MB |"
echo "|---|---|---|---|---|"
row "cat (I/O floor), single" "$single_mb" 0 cat "$data/transcript.txt"
pattern='RESUMÉ|SAGSFREMSTILLING|INDSTILLING|BESLUTNING|Åben sag|Lukket sag|^[0-9]+\. '
# Every match counted (-o), through a pipe: grep stops at the first match when its output
# is /dev/null.
if command -v rg >/dev/null 2>&1; then
  row "rg -o, heading patterns (regex floor)" "$single_mb" 0 sh -c 'rg -o "$1" "$2" | wc -l' _ "$pattern" "$data/transcript.txt"
else
  row "grep -P -o, heading patterns (regex floor)" "$single_mb" 0 sh -c 'grep -P -o "$1" "$2" | wc -l' _ "$pattern" "$data/transcript.txt"
fi
row "naive.py (Python regex script)" "$single_mb" "$items_single" python3 "$srcdir/bench/naive.py" "$data/transcript.txt"
for format in jsonl json xml; do
  row "punktum -f $format, single" "$single_mb" "$items_single" "$punktum" -f "$format" "$data/transcript.txt"
  [ "$format" = jsonl ] && single_rss=$(cat "$data/last-rss")
done
row "punktum --stream -f jsonl" "$stream_mb" 0 sh -c '"$1" --stream --names -f jsonl < "$2"' _ "$punktum" "$data/stream.nul"
stream_rss=$(cat "$data/last-rss")
# Every run reads from the page cache: the tree is read once before, as cat reads the
# single document in the first row (else the first tree run also measures the disk).
find "$data/tree" -type f -exec cat {} + > /dev/null
for jobs in 1 "$cores"; do
  row "punktum -j $jobs -f jsonl, tree" "$tree_size" 0 "$punktum" -q -j "$jobs" -f jsonl "$data/tree"
done
# One unit that is itself huge: memory is bounded by the largest item, not by 32 MB.
[ -f "$data/long-line.txt" ] || head -c 100000000 /dev/zero | tr '\0' 'a' > "$data/long-line.txt"
row "punktum -f jsonl, one 100 MB line" 100 0 "$punktum" -f jsonl "$data/long-line.txt"
line_rss_jsonl=$(cat "$data/last-rss")
row "punktum -f json, one 100 MB line" 100 0 "$punktum" -f json "$data/long-line.txt"
line_rss_json=$(cat "$data/last-rss")
echo
echo "- Peak RSS, one 100 MB line (one unit, no item boundary inside): jsonl $((line_rss_jsonl / 1024)) MB," \
  "json $((line_rss_json / 1024)) MB: bounded by the size of the largest unit, not by the input."
for pair in "500 MB document:$single_rss" "500 MB stream:$stream_rss"; do
  rss=${pair#*:}
  verdict=$([ "$rss" -le 32768 ] && echo "within" || echo "OVER")
  echo "- Peak RSS, ${pair%%:*}: $((rss / 1024)) MB, $verdict the 32 MB bound."
done
