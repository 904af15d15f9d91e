#!/bin/sh
# fixtures.sh: every fixture gives exactly its reviewed JSON and XML (fixtures/expected),
# the JSON parses, the XML is well-formed, and the encoded copies of a fixture give the
# same document as the UTF-8 original.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"
for input in fixtures/*.txt; do
  name=$(basename "$input" .txt)
  "$PUNKTUM" -f json "$input" > "$TMP/$name.json"
  check "$name: JSON parses" "$JQ" -e . "$TMP/$name.json" >/dev/null
  check "$name: JSON is as reviewed" same "fixtures/expected/$name.json" "$TMP/$name.json"
  "$PUNKTUM" -f xml "$input" > "$TMP/$name.xml"
  check "$name: XML is well-formed" "$XMLLINT" --noout "$TMP/$name.xml"
  check "$name: XML is as reviewed" same "fixtures/expected/$name.xml" "$TMP/$name.xml"
done

# The same document in other encodings: equal apart from the source and the ids.
strip='del(.source) | del(.items[].id) | del(.diagnostics)'
"$JQ" -S "$strip" "$TMP/transcript-referat.json" > "$TMP/utf8.stripped"
for variant in cp1252 utf16le; do
  f="$TMP/transcript-referat-$variant.json"
  [ -f "$f" ] || continue
  "$JQ" -S "$strip" "$f" > "$TMP/$variant.stripped"
  check "transcript-referat in $variant equals the UTF-8 original" same "$TMP/utf8.stripped" "$TMP/$variant.stripped"
done
check "cp1252 copy is detected as WINDOWS-1252" sh -c '"$JQ" -e ".source.encoding == \"WINDOWS-1252\"" "$1" >/dev/null' _ "$TMP/transcript-referat-cp1252.json"
check "utf16le copy is detected as UTF-16LE" sh -c '"$JQ" -e ".source.encoding == \"UTF-16LE\"" "$1" >/dev/null' _ "$TMP/transcript-referat-utf16le.json"
finish
