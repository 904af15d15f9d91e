#!/usr/bin/env python3
"""mkpdf.py: typesets a text file as a PDF, for the tests (standard library only).

    mkpdf.py IN.txt OUT.pdf [--lines N] [--header TEXT] [--footer [FORM]] [--no-text] [--encrypt]
    mkpdf.py --scan OUT.pdf DPI PAGE.pgm...

Each line of IN becomes a line of text (Helvetica, WinAnsiEncoding, so Danish letters
read back through pdftotext), N lines a page (default 40), or pages where IN has form
feeds.  --header puts TEXT at the top of every page after the first, --footer
"Side N af M" (or FORM, with %(n)d and %(m)d, after it: "- %(n)d -") at the bottom of
every page: the furniture the cleaner must remove.
--no-text draws only a rectangle on each page (a scan has no text layer either).
--encrypt writes an /Encrypt dictionary, which pdftotext refuses without the password.
--scan writes a scanned PDF: each page only an image (grey PGM files, as pdftoppm -gray
writes them, taken as DPI dots an inch), no text layer: what OCR must read.
"""
import sys
import zlib

WIDTH, HEIGHT, SIZE, LEADING, MARGIN = 1190, 842, 9, 12, 40


def read_text(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def paginate(text, per_page):
    if "\f" in text:
        return [page.split("\n") for page in text.rstrip("\f").split("\f")]
    lines = text.rstrip("\n").split("\n")
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def pdf_string(line):
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def line_ops(entry):
    """The operators for one line: a string at the margin, or cells [(x, text), ...] at
    their offsets from the margin (a label column beside a text column)."""
    if isinstance(entry, str):
        return [pdf_string(entry) + b" Tj T*" if entry.strip() else b"T*"]
    ops = []
    for x, text in entry:
        ops += [b"%d 0 Td" % x, pdf_string(text) + b" Tj", b"%d 0 Td" % -x]
    return ops + [b"T*"]


def page_stream(lines, header, footer, no_text, width=WIDTH, height=HEIGHT, size=SIZE,
                leading=LEADING):
    if no_text:
        return b"0.5 g 100 100 400 300 re f"
    out = [b"BT", b"/F1 %d Tf" % size, b"%d TL" % leading, b"%d %d Td" % (MARGIN, height - MARGIN)]
    if header:
        out += [pdf_string(header) + b" Tj", b"T* T*"]
    for line in lines:
        out += line_ops(line)
    out.append(b"ET")
    if footer:
        out += [b"BT", b"/F1 %d Tf" % size, b"%d %d Td" % (width // 2 - 30, MARGIN // 2),
                pdf_string(footer) + b" Tj", b"ET"]
    return b"\n".join(out)


def write_pdf(pages, out_path, header, footer, no_text, encrypt, footer_form="Side %(n)d af %(m)d",
              width=WIDTH, height=HEIGHT, size=SIZE, leading=LEADING, header_on_first=False):
    """PAGES: lists of lines (see line_ops).  A page taller than HEIGHT gets a taller box."""
    objects = [None, None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                           b"/Encoding /WinAnsiEncoding >>"]
    kids = []
    for number, lines in enumerate(pages, 1):
        page_height = max(height, (len(lines) + 4) * leading + 2 * MARGIN)
        stream = page_stream(lines, header if number > 1 or header_on_first else None,
                             footer_form % {"n": number, "m": len(pages)} if footer else None,
                             no_text, width, page_height, size, leading)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                       % (width, page_height, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    trailer_extra = b""
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <"
                       + b"22" * 32 + b"> /P -4 >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff>" \
                        b"<00112233445566778899aabbccddeeff>]" % len(objects)
    write_objects(objects, out_path, trailer_extra)


def write_objects(objects, out_path, trailer_extra):
    """OBJECTS (1-based numbers, the first the catalog) as a PDF file with its xref."""
    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        body += b"%010d 00000 n \n" % offset
    body += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer_extra
    body += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    with open(out_path, "wb") as handle:
        handle.write(body)


def read_pgm(path):
    """(width, height, grey bytes) of a binary PGM (P5) file of 8-bit samples."""
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        if data[at:at + 1] == b"#":
            at = data.index(b"\n", at)
            continue
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    if fields[0] != b"P5" or fields[3] != b"255":
        sys.exit("%s: not an 8-bit binary PGM" % path)
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[at + 1:at + 1 + width * height]


def write_scan(images, out_path, dpi):
    objects, kids = [None, None], []
    for path in images:
        width, height, grey = read_pgm(path)
        w_pt, h_pt = width * 72 // dpi, height * 72 // dpi
        packed = zlib.compress(grey)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
                       % (width, height, len(packed)) + packed + b"\nendstream")
        image = len(objects)
        stream = b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (w_pt, h_pt)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject "
                       b"<< /Im1 %d 0 R >> >> /Contents %d 0 R >>" % (w_pt, h_pt, image, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    write_objects(objects, out_path, b"")


def main(argv):
    if len(argv) >= 4 and argv[1] == "--scan":
        write_scan(argv[4:], argv[2], int(argv[3]))
        return
    args, per_page, header, footer, no_text, encrypt = [], 40, None, False, False, False
    footer_form = "Side %(n)d af %(m)d"
    i = 1
    while i < len(argv):
        if argv[i] == "--lines":
            per_page, i = int(argv[i + 1]), i + 1
        elif argv[i] == "--header":
            header, i = argv[i + 1], i + 1
        elif argv[i] == "--footer":
            footer = True
            if i + 1 < len(argv) and "%(n)d" in argv[i + 1]:
                footer_form, i = argv[i + 1], i + 1
        elif argv[i] == "--no-text":
            no_text = True
        elif argv[i] == "--encrypt":
            encrypt = True
        else:
            args.append(argv[i])
        i += 1
    if len(args) != 2:
        sys.exit(__doc__)
    write_pdf(paginate(read_text(args[0]), per_page), args[1], header, footer, no_text, encrypt,
              footer_form=footer_form)


if __name__ == "__main__":
    main(sys.argv)
