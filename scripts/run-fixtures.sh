#!/bin/sh
# run-fixtures.sh: command (1) of the README.  Installs what is missing, builds, and runs
# punktum over every fixture, writing NAME.json and NAME.xml into results/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/scripts/deps.sh"
"$top/scripts/build.sh" build
out="$top/results"
mkdir -p "$out"
cd "$top"
status=0
for input in fixtures/*.txt; do
  name=$(basename "$input" .txt)
  build/punktum -f json -o "$out/$name.json" "$input" || status=1
  build/punktum -f xml -o "$out/$name.xml" "$input" || status=1
  items=$(jq '.items | length' "$out/$name.json" 2>/dev/null || echo '?')
  printf '%-40s %3s items\n' "$input" "$items"
done
echo "JSON and XML written to $out/"
exit $status
