#!/bin/sh
# forms-eval.sh: the seeds, the corpus (../shared, read in place) and the fixtures made into
# the other forms minutes come in (a PDF given to punktum, and read back by pdftotext
# plain, -layout and -raw; HTML pages in three council systems' shapes; with tesseract,
# a few short PDFs as scans read by punktum --ocr: FORMS_OCR documents a set, default 3,
# of at most FORMS_OCR_PAGES pages, default 4), every form scored against the same gold by
# ../shared/blind/goldscore.py and printed beside the text form's figures (see
# tests/forms_eval.py).  `make eval-forms` prints the table; `make check` runs it as a
# test that fails when a figure drops below tests/forms-floor.txt.  The forms are written
# under a temporary directory only.
. "${SRCDIR}/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 missing: no forms scored"
command -v pdftotext >/dev/null || skip "pdftotext missing (poppler-utils): no forms scored"
[ -f "$SHARED_DIR/blind/goldscore.py" ] || skip "no $SHARED_DIR/blind/goldscore.py: no forms scored"
ocr=0
if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx dan; then
  ocr=${FORMS_OCR:-3}
else
  echo "SKIP: tesseract with Danish (tesseract-ocr-dan) missing: the OCR form not scored"
fi
update=
[ "${FORMS_UPDATE_FLOOR:-}" = 1 ] && update=--update-floor
# shellcheck disable=SC2086
check "every form holds its floor (tests/forms-floor.txt)" python3 "$SRCDIR/tests/forms_eval.py" \
  --punktum "$PUNKTUM" --srcdir "$SRCDIR" --shared "$SHARED_DIR" --tmp "$TMP" \
  --floor "$SRCDIR/tests/forms-floor.txt" --ocr "$ocr" --ocr-pages "${FORMS_OCR_PAGES:-4}" $update
finish
