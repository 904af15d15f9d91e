#!/bin/sh
# forms.sh: HTML pages and PDFs give the items their text gives.  The HTML pages are
# fixtures/forms (written from the text fixtures in the shapes of council systems); the
# PDFs are typeset here from the text fixtures by tests/mkpdf.py and read back through
# pdftotext.  Then hostile forms: broken, encrypted, scanned and fake PDFs, a pdftotext
# that never ends or is missing, HTML nested 100,000 deep, a 50 MB attribute, a page of
# only script.
. "${SRCDIR}/tests/lib.sh"
cd "$SRCDIR"

# What an item is, white space aside (a page break or a table cell is a line end or a TAB
# where the text has a space or a blank line).
items='[.items[] | {number, title, access, case_number,
  sections: [.sections[] | {kind, heading, text: (.text | gsub("\\s+"; " "))}]}]'
same_items() { # FORM TEXT
  "$PUNKTUM" "$1" | "$JQ" -S "$items" > "$TMP/form.items" &&
  "$PUNKTUM" "$2" | "$JQ" -S "$items" > "$TMP/text.items" &&
  "$JQ" -e 'length > 0' "$TMP/text.items" >/dev/null && same "$TMP/text.items" "$TMP/form.items"
}

# ---- HTML ------------------------------------------------------------------------------------
for pair in meeting-page:web-meeting-untitled item-page:web-nr-item print-view:unknown-layout; do
  page=fixtures/forms/${pair%%:*}.html text=fixtures/${pair#*:}.txt
  check "$page gives the items of $text" same_items "$page" "$text"
  "$PUNKTUM" "$page" > "$TMP/page.json"
  check "$page: input html by libxml2, nothing lost, its wrapper removed" "$JQ" -e \
    '.document.input.form == "html" and (.document.input.converter | startswith("libxml2 "))
     and .coverage.complete and .removed.wrapper > 0' "$TMP/page.json" >/dev/null
done
check "print view: the charset its meta tag names" "$JQ" -e '.source.encoding == "windows-1252"' \
  "$TMP/page.json" >/dev/null
check "text input says so" sh -c '"$1" fixtures/web-nr-item.txt | "$2" -e ".document.input == {form: \"text\", converter: null}" >/dev/null' _ "$PUNKTUM" "$JQ"
# A page fragment that starts with text is HTML by its name.
{ printf 'Nr.41 - Ny legeplads ved Søndervang Skole\n'; sed -n '/<table class="case">/,$p' fixtures/forms/item-page.html; } > "$TMP/fragment.html"
check "a .html name is read as HTML whatever its start" sh -c \
  '"$1" "$2" | "$3" -e ".document.input.form == \"html\" and .items[0].number == \"41\" and .items[0].case_number == \"22/3307\"" >/dev/null' \
  _ "$PUNKTUM" "$TMP/fragment.html" "$JQ"
# A saved page that declares no charset (the server's header named it): UTF-8 bytes are
# read as UTF-8, other bytes as libxml2 reads them (Windows-1252's letters as Latin-1's).
printf '<html><body><h1>Referat</h1><p>1. Godkendelse af dagsorden</p><p>Beslutning</p><p>Godkendt. N\303\246ste m\303\270de p\303\245 r\303\245dhuset.</p></body></html>' > "$TMP/undeclared-utf8.html"
check "a page with no charset declared, in UTF-8, is read as UTF-8" sh -c \
  '"$1" "$2" | "$3" -e ".source.encoding == \"UTF-8\" and (.items[0].sections[0].text | startswith(\"Godkendt. Næste møde på rådhuset\"))" >/dev/null' \
  _ "$PUNKTUM" "$TMP/undeclared-utf8.html" "$JQ"
printf '<html><body><h1>Referat</h1><p>1. Godkendelse af dagsorden</p><p>Beslutning</p><p>Godkendt. N\346ste m\370de p\345 r\345dhuset.</p></body></html>' > "$TMP/undeclared-latin1.html"
check "a page with no charset declared, in Latin-1, is read as Latin-1" sh -c \
  '"$1" "$2" | "$3" -e ".items[0].sections[0].text | startswith(\"Godkendt. Næste møde på rådhuset\")" >/dev/null' \
  _ "$PUNKTUM" "$TMP/undeclared-latin1.html" "$JQ"
check "the HTML pages in a directory are read with the text files" sh -c \
  '"$1" -q -f jsonl fixtures/forms | "$2" -s -e "map(.document.input.form) | unique == [\"html\"] and length == 7" >/dev/null' _ "$PUNKTUM" "$JQ"

# ---- PDF -------------------------------------------------------------------------------------
if command -v pdftotext >/dev/null 2>&1; then
  for name in web-meeting-untitled web-nr-item unknown-layout minute-book-latin1; do
    python3 tests/mkpdf.py "fixtures/$name.txt" "$TMP/$name.pdf" --lines 12 \
      --header "Vestby Kommune - Referat" --footer
    check "$name as a PDF gives the items of the text" same_items "$TMP/$name.pdf" "fixtures/$name.txt"
    "$PUNKTUM" "$TMP/$name.pdf" > "$TMP/pdf.json"
    check "$name as a PDF: pages, header and page numbers removed, input pdf" "$JQ" -e \
      '.document.input.form == "pdf" and (.document.input.converter | startswith("pdftotext "))
       and .source.pages > 1 and (.items | all(.pages != null)) and .coverage.complete
       and .removed.running_header > 0 and .removed.printed_page_number > 0' "$TMP/pdf.json" >/dev/null
  done
  # The page number in its common forms, each found by repetition and counted.
  for form in '- %(n)d -' '%(n)d' 'Side %(n)d' 'Page %(n)d of %(m)d'; do
    python3 tests/mkpdf.py fixtures/web-meeting-untitled.txt "$TMP/numbered.pdf" --lines 10 --footer "$form"
    check "page numbers \"$form\": removed as printed page numbers, the items kept" sh -c \
      '"$1" "$2" | "$3" -e ".removed.printed_page_number > 0 and (.removed | has(\"running_footer\") | not) and (.items | length) == 3 and .coverage.complete" >/dev/null' \
      _ "$PUNKTUM" "$TMP/numbered.pdf" "$JQ"
  done
  # Lines wrapped to the page's measure, with a word hyphenated at a line end, are read as
  # the paragraphs they were; the hyphen is counted.
  python3 - "$TMP/wrapped.txt" <<'PY'
import sys
lines = ["1. Ny sti langs Møllebækken", "Sagsfremstilling"]
prose = ("Forvaltningen har undersøgt, om stien kan anlægges langs bækken uden at skade engen, "
         "og finder at det kan lade sig gøre, hvis stien føres på den nordlige side af vandløbet "
         "og belægningen holdes i grus, så regnvandet kan sive ned.")
words, line = prose.split(), ""
for word in words:
    if len(line) + 1 + len(word) > 60:
        lines.append(line)
        line = word
    else:
        line = (line + " " + word).strip()
lines += [line, "Beslutning", "Godkendt."]
sys.stdout = open(sys.argv[1], "w")
print("\n".join(lines))
PY
  python3 - "$TMP/wrapped.txt" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read().replace("regnvandet kan", "regn-\nvandet kan", 1)
open(path, "w").write(text)
PY
  python3 tests/mkpdf.py "$TMP/wrapped.txt" "$TMP/wrapped.pdf" --lines 1000
  check "wrapped lines of a PDF are one paragraph, the hyphen counted" sh -c \
    '"$1" "$2" | "$3" -e "(.items[0].sections[0].text | test(\"^Forvaltningen har undersøgt, .* så regnvandet kan sive ned\\\\.$\")) and .removed.line_end_hyphen == 1 and .items[0].sections[1].text == \"Godkendt.\" and .coverage.complete" >/dev/null' \
    _ "$PUNKTUM" "$TMP/wrapped.pdf" "$JQ"
  python3 tests/mkpdf.py fixtures/web-nr-item.txt "$TMP/plain.pdf" --lines 1000
  check "a one-page PDF without furniture gives the items of the text" same_items "$TMP/plain.pdf" fixtures/web-nr-item.txt
  check "PDF: each CSV row says the input form" sh -c '"$1" -f csv "$2" | python3 -c "import csv, sys
rows = list(csv.DictReader(sys.stdin))
sys.exit(not rows or any(r[\"input_form\"] != \"pdf\" for r in rows))"' _ "$PUNKTUM" "$TMP/web-nr-item.pdf"
  "$PUNKTUM" -f xml "$TMP/web-nr-item.pdf" > "$TMP/pdf.xml"
  check "PDF: XML valid, with its input" sh -c '"$1" --noout --relaxng "$2" "$3" && grep -q "<input form=\"pdf\" converter=\"pdftotext " "$3"' \
    _ "$XMLLINT" "$SRCDIR/output/punktum.rng" "$TMP/pdf.xml"

  fails_saying() { # MESSAGE COMMAND...: exits 1 and says MESSAGE on standard error
    message=$1
    shift
    "$@" > "$TMP/out" 2> "$TMP/err"
    code=$?
    [ "$code" -eq 1 ] && grep -q -- "$message" "$TMP/err" && [ ! -s "$TMP/out" ] || { cat "$TMP/err" >&2; false; }
  }
  head -c 1200 "$TMP/web-nr-item.pdf" > "$TMP/truncated.pdf"
  check "a truncated PDF: a clear error naming it" fails_saying "truncated.pdf: not a readable PDF" "$PUNKTUM" "$TMP/truncated.pdf"
  python3 tests/mkpdf.py fixtures/web-nr-item.txt "$TMP/encrypted.pdf" --encrypt
  check "an encrypted PDF: said so" fails_saying "encrypted.pdf: an encrypted PDF" "$PUNKTUM" "$TMP/encrypted.pdf"
  python3 tests/mkpdf.py fixtures/web-nr-item.txt "$TMP/scan.pdf" --no-text
  check "a PDF without a text layer: said so" fails_saying "scan.pdf: no text layer (a scanned PDF?)" "$PUNKTUM" "$TMP/scan.pdf"
  python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 20)' > "$TMP/random.pdf"
  check "binary bytes named .pdf: a clear error" fails_saying "random.pdf: offset 0: not a text file" "$PUNKTUM" "$TMP/random.pdf"
  printf '%%PDF-1.4\n' > "$TMP/magic-only.pdf"
  check "a PDF of only its magic: a clear error" fails_saying "magic-only.pdf: not a readable PDF" "$PUNKTUM" "$TMP/magic-only.pdf"
  mkdir -p "$TMP/slow"
  printf '#!/bin/sh\nexec sleep 600\n' > "$TMP/slow/pdftotext"
  chmod +x "$TMP/slow/pdftotext"
  started=$(date +%s)
  check "a pdftotext that never ends is stopped at --pdf-timeout" fails_saying "took more than 1 s" \
    env PATH="$TMP/slow:$PATH" "$PUNKTUM" --pdf-timeout 1 "$TMP/web-nr-item.pdf"
  check "... within seconds" test $(($(date +%s) - started)) -lt 10
  # Without pdftotext on PATH (the program itself, not libtool's wrapper script, which needs PATH).
  real=$(dirname "$PUNKTUM")/.libs/punktum
  [ -x "$real" ] || real=$PUNKTUM
  check "pdftotext missing: says to install poppler-utils" fails_saying "install poppler-utils" \
    env PATH="$TMP/nowhere" LD_LIBRARY_PATH="$(dirname "$PUNKTUM")/.libs" "$real" "$TMP/web-nr-item.pdf"
  # A scan: its pages images only.  Without --ocr it is said so; with it, read by tesseract.
  if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx dan; then
    pdftoppm -r 150 -gray "$TMP/web-nr-item.pdf" "$TMP/scan-page"
    python3 tests/mkpdf.py --scan "$TMP/scanned.pdf" 150 "$TMP"/scan-page-*.pgm
    check "a scan without --ocr: no text layer, --ocr named" fails_saying "scanned.pdf: no text layer (a scanned PDF?).*--ocr" \
      "$PUNKTUM" "$TMP/scanned.pdf"
    "$PUNKTUM" --ocr "$TMP/scanned.pdf" > "$TMP/ocr.json"
    check "a scan with --ocr: read by tesseract, input ocr with its converter and version" "$JQ" -e \
      '.document.input.form == "ocr" and (.document.input.converter | test("^tesseract [0-9.]+ -l dan, pdftoppm [0-9.]+$"))
       and .source.pages > 1 and .coverage.complete and .removed.running_header > 0' "$TMP/ocr.json" >/dev/null
    check "... its item and headings as the PDF's" sh -c '"$1" -e "(.items | length) == 1 and .items[0].number == \"41\" and
      ([.items[0].sections[].heading] | index(\"Beslutningstema\") != null and index(\"Indstilling\") != null)" "$2" >/dev/null' _ "$JQ" "$TMP/ocr.json"
    check "... XML valid" sh -c '"$1" -f xml --ocr "$2" | "$3" --noout --relaxng "$4" -' _ "$PUNKTUM" "$TMP/scanned.pdf" "$XMLLINT" "$SRCDIR/output/punktum.rng"
    mkdir -p "$TMP/only-poppler" "$TMP/slow-ocr"
    ln -sf "$(command -v pdftotext)" "$TMP/only-poppler/pdftotext"
    ln -sf "$(command -v pdftoppm)" "$TMP/only-poppler/pdftoppm"
    check "a scan with --ocr, no tesseract on PATH: says to install it" fails_saying "install tesseract-ocr and tesseract-ocr-dan" \
      env PATH="$TMP/only-poppler" LD_LIBRARY_PATH="$(dirname "$PUNKTUM")/.libs" "$real" --ocr "$TMP/scanned.pdf"
    printf '#!/bin/sh\nexec sleep 600\n' > "$TMP/slow-ocr/tesseract"
    chmod +x "$TMP/slow-ocr/tesseract"
    started=$(date +%s)
    check "a tesseract that never ends is stopped at --pdf-timeout" fails_saying "tesseract took more than 4 s on page 1" \
      env PATH="$TMP/slow-ocr:$PATH" "$PUNKTUM" --ocr --pdf-timeout 4 "$TMP/scanned.pdf"
    check "... within seconds" test $(($(date +%s) - started)) -lt 20
  else
    echo "# tesseract with Danish (tesseract-ocr-dan) missing: OCR checks not run"
  fi
  mkdir -p "$TMP/batch"
  cp "$TMP/web-nr-item.pdf" "$TMP/truncated.pdf" "$TMP/scan.pdf" fixtures/forms/item-page.html fixtures/web-nr-item.txt "$TMP/batch/"
  "$PUNKTUM" -q -j 2 -o "$TMP/batch-out" "$TMP/batch" 2> "$TMP/batch.err"
  check "a batch goes on past bad PDFs and exits 1" test $? -eq 1
  check "... naming each" sh -c 'grep -q "truncated.pdf: not a readable PDF" "$1" && grep -q "scan.pdf: no text layer" "$1"' _ "$TMP/batch.err"
  check "... and writes the others" sh -c 'test -s "$1/web-nr-item.json" && test -s "$1/item-page.json" && test ! -e "$1/scan.json"' _ "$TMP/batch-out"
else
  echo "# pdftotext missing (poppler-utils): PDF checks not run"
fi

# ---- form feeds in a text file are pages ------------------------------------------------------
printf '1. Godkendelse\nBeslutning\nGodkendt.\nSide 1 af 2\n\f2. Budget\nBeslutning\nUdsat.\nSide 2 af 2\n\f' > "$TMP/paged.txt"
check "form feeds make pages; the page numbers are removed" sh -c '"$1" "$2" | "$3" -e \
  "[.items[].pages] == [[1,1],[2,2]] and .removed.printed_page_number == 16 and .coverage.complete" >/dev/null' \
  _ "$PUNKTUM" "$TMP/paged.txt" "$JQ"

# ---- hostile HTML -------------------------------------------------------------------------------
python3 -c 'import sys; d = 100000
sys.stdout.write("<!DOCTYPE html><html><body>" + "<div>" * d + "<p>1. Dybt punkt</p>" + "</div>" * d + "</body></html>")' > "$TMP/deep.html"
check "HTML nested 100,000 deep: read, its text placed, in seconds" sh -c \
  '"$1" --cleaned "$3/deep.cleaned" "$2" | "$4" -e ".coverage.complete" >/dev/null && grep -q "^1. Dybt punkt$" "$3/deep.cleaned"' \
  _ "$PUNKTUM" "$TMP/deep.html" "$TMP" "$JQ"
python3 -c 'import sys
sys.stdout.write("<!DOCTYPE html><html><body><p title=\"" + "a" * 50000000 + "\">Efter attributten</p></body></html>")' > "$TMP/attribute.html"
peak_kb() { python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"; }
check "a 50 MB attribute: its text placed" sh -c \
  '"$1" --cleaned "$3/attr.cleaned" "$2" >/dev/null && grep -q "^Efter attributten$" "$3/attr.cleaned"' _ "$PUNKTUM" "$TMP/attribute.html" "$TMP"
attribute_kb=$(peak_kb "$PUNKTUM" "$TMP/attribute.html")
echo "# 50 MB attribute: peak $attribute_kb KB"
# AddressSanitizer keeps freed memory in quarantine: the bound is for the plain build.
bound_kb=400000
[ -n "${ASAN_OPTIONS:-}" ] && bound_kb=2000000
check "... in memory bounded by a few times the attribute (under $bound_kb KB)" test "$attribute_kb" -lt "$bound_kb"
{ printf '<!DOCTYPE html><html><head><script>'; i=0; while [ $i -lt 2000 ]; do printf 'var x%d = "1. Punkt";\n' $i; i=$((i + 1)); done
  printf '</script></head><body><script>document.write("Referat")</script><noscript>Slå JavaScript til</noscript></body></html>'; } > "$TMP/script.html"
check "a page of only script: an empty document, the script counted as wrapper" sh -c '"$1" "$2" | "$3" -e \
  ".items == [] and .preamble.text == \"\" and .removed.wrapper > 10000 and .coverage.complete" >/dev/null' _ "$PUNKTUM" "$TMP/script.html" "$JQ"
finish
