/* reader.c: bytes -> UTF-8 text, with encoding detection, replacement of invalid input
 * and line-end normalisation.  Chunks may end anywhere: an incomplete character or a
 * trailing CR is carried over to the next chunk. */
#include "config.h"

#include "reader.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/error.h"

enum { SNIFF_BYTES = 64 * 1024, OUT_CHUNK = 16 * 1024 };

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* MODE_UNDOUBLE: UTF-8 that was UTF-8 read as Windows-1252 and written as UTF-8 again
 * ("vÃ¦lger" for "vælger"): each character is taken back to the byte it was read from,
 * and those bytes are read as UTF-8. */
typedef enum { MODE_SNIFF, MODE_UTF8, MODE_ICONV, MODE_UNDOUBLE } reader_mode;

struct pk_reader {
  reader_mode mode;
  char *forced_encoding;
  const char *encoding;   /* name reported; points into a literal or forced_encoding */
  iconv_t cd;
  size_t unit;            /* code unit size of the iconv source encoding, for skipping */
  pk_buf pending;         /* sniff window, or carried incomplete input */
  pk_buf out;             /* UTF-8 output not yet handed on */
  pk_buf undone;          /* MODE_UNDOUBLE: bytes taken back, an incomplete character */
  bool last_was_cr;
  bool line_ended;        /* the last byte handed on was a line end (or none was) */
  bool at_text_start;     /* a U+FEFF here is a byte-order mark, not text */
  bool stopped;
  size_t replacements;
  size_t mixed;           /* UTF-8 sequences in a start read as Windows-1252 */
  unsigned long long bytes;
  pk_text_fn emit;
  void *ctx;
};

pk_reader *pk_reader_new(const char *encoding, pk_text_fn emit, void *ctx) {
  pk_reader *reader = calloc(1, sizeof *reader);
  if (!reader) return NULL;
  reader->cd = (iconv_t)-1;
  reader->emit = emit;
  reader->ctx = ctx;
  reader->at_text_start = true;
  reader->line_ended = true;
  if (encoding && !(reader->forced_encoding = pk_strndup(encoding, strlen(encoding)))) {
    free(reader);
    return NULL;
  }
  return reader;
}

void pk_reader_free(pk_reader *reader) {
  if (!reader) return;
  if (reader->cd != (iconv_t)-1) iconv_close(reader->cd);
  pk_buf_free(&reader->pending);
  pk_buf_free(&reader->out);
  pk_buf_free(&reader->undone);
  free(reader->forced_encoding);
  free(reader);
}

const char *pk_reader_encoding(const pk_reader *reader) { return reader->encoding; }
size_t pk_reader_replacements(const pk_reader *reader) { return reader->replacements; }
size_t pk_reader_mixed(const pk_reader *reader) { return reader->mixed; }
unsigned long long pk_reader_bytes(const pk_reader *reader) { return reader->bytes; }

/* ---- output: line ends, NUL, byte-order mark ------------------------------------ */

static bool flush_out(pk_reader *reader) {
  if (!reader->out.len || reader->stopped) return !reader->stopped;
  reader->line_ended = reader->out.data[reader->out.len - 1] == '\n';
  if (!reader->emit(reader->ctx, reader->out.data, reader->out.len)) reader->stopped = true;
  pk_buf_clear(&reader->out);
  return !reader->stopped;
}

/* What a byte of decoded UTF-8 needs: nothing, a line end, a page break, a space or a
 * replacement. */
typedef enum {
  BYTE_TEXT, BYTE_CR, BYTE_LF, BYTE_LINE_BREAK, BYTE_PAGE_BREAK, BYTE_SPACE, BYTE_REPLACE
} byte_class;

/* Width of a space other than U+0020 at S (no-break U+00A0, U+2000..U+200A, narrow no-break
 * U+202F, medium mathematical U+205F), 0 if none.  Web pages and Word put them between a
 * number and its title and inside headings; read as a plain space, they are still white
 * space to the coverage account and one code point to every offset. */
static size_t unicode_space_width(const unsigned char *s, size_t avail) {
  if (s[0] == 0xC2) return avail > 1 && s[1] == 0xA0 ? 2 : 0;
  if (s[0] != 0xE2 || avail < 3) return 0;
  if (s[1] == 0x80) return s[2] <= 0x8A || s[2] == 0xAF ? 3 : 0;
  return s[1] == 0x81 && s[2] == 0x9F ? 3 : 0;
}

static byte_class classify(const char *text, size_t len, size_t i, size_t *width) {
  unsigned char c = (unsigned char)text[i];
  *width = 1;
  if (c == '\r') return BYTE_CR;
  if (c == '\n') return BYTE_LF;
  if (c == '\f') return BYTE_PAGE_BREAK;              /* pdftotext's and text exports' pages */
  if (c == '\v') return BYTE_LINE_BREAK;
  if (c < 0x20 && c != '\t') return BYTE_REPLACE;      /* NUL and controls: not text, not XML */
  if ((*width = unicode_space_width((const unsigned char *)text + i, len - i))) return BYTE_SPACE;
  *width = 1;
  /* U+FFFE and U+FFFF are not characters, and XML 1.0 cannot carry them. */
  if (c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBF &&
      ((unsigned char)text[i + 2] & 0xFE) == 0xBE) {
    *width = 3;
    return BYTE_REPLACE;
  }
  return BYTE_TEXT;
}

/* A form feed is handed on as a line of its own, "\f": the cleaner starts a page there. */
static bool put_page_break(pk_reader *reader) {
  bool ended = reader->out.len ? reader->out.data[reader->out.len - 1] == '\n' : reader->line_ended;
  return pk_buf_append(&reader->out, ended ? "\f\n" : "\n\f\n", ended ? 2 : 3);
}

/* Appends decoded UTF-8 (whole characters only), turning CRLF, CR and VT into LF, a form
 * feed into a line "\f", and control characters and non-characters into U+FFFD. */
static bool put_text(pk_reader *reader, const char *text, size_t len) {
  if (reader->at_text_start && len) {
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
      text += 3;
      len -= 3;
    }
    if (len) reader->at_text_start = false;
  }
  size_t run = 0, width;
  for (size_t i = 0; i < len; i += width) {
    i += pk_ascii_prefix((const unsigned char *)text + i, len - i, true);
    if (i >= len) break;
    byte_class kind = classify(text, len, i, &width);
    if (kind == BYTE_TEXT) continue;
    if (!pk_buf_append(&reader->out, text + run, i - run)) return false;
    if (i > run) reader->last_was_cr = false;
    run = i + width;
    bool ok = true;
    if (kind == BYTE_REPLACE) {
      reader->replacements++;
      ok = pk_buf_append(&reader->out, REPLACEMENT, 3);
    } else if (kind == BYTE_PAGE_BREAK) {
      ok = put_page_break(reader);
    } else if (kind == BYTE_SPACE) {
      ok = pk_buf_append_char(&reader->out, ' ');
    } else if (kind != BYTE_LF || !reader->last_was_cr) {
      ok = pk_buf_append_char(&reader->out, '\n');
    }
    if (!ok) return false;
    reader->last_was_cr = kind == BYTE_CR;
  }
  if (run < len) {
    if (!pk_buf_append(&reader->out, text + run, len - run)) return false;
    reader->last_was_cr = false;
  }
  return reader->out.len < OUT_CHUNK || flush_out(reader);
}

static bool put_replacement(pk_reader *reader) {
  reader->replacements++;
  return put_text(reader, REPLACEMENT, 3);
}

/* ---- UTF-8 ------------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at S (AVAIL bytes available): >0 valid length,
 * 0 incomplete but valid so far, -1 invalid. */
static int utf8_sequence(const unsigned char *s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F; /* no surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int i = 1; i < need; i++) {
    if ((size_t)i >= avail) return 0;
    unsigned char b = s[i];
    unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
    if (b < min || b > max) return -1;
  }
  return need;
}

/* Decodes UTF-8; returns the number of bytes consumed (the rest is an incomplete tail). */
static size_t decode_utf8(pk_reader *reader, const char *data, size_t len, bool final,
                          bool *ok) {
  const unsigned char *s = (const unsigned char *)data;
  size_t i = 0, run = 0;
  *ok = true;
  while (i < len) {
    i += pk_ascii_prefix(s + i, len - i, false);
    if (i >= len) break;
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    int n = utf8_sequence(s + i, len - i);
    if (n > 0) {
      i += (size_t)n;
      continue;
    }
    if (n == 0 && !final) break;
    if (!put_text(reader, data + run, i - run) || !put_replacement(reader)) return *ok = false, i;
    i++;
    run = i;
  }
  if (!put_text(reader, data + run, i - run)) *ok = false;
  return i;
}

bool pk_valid_utf8(const char *data, size_t len, bool final) {
  const unsigned char *s = (const unsigned char *)data;
  for (size_t i = 0; i < len;) {
    i += pk_ascii_prefix(s + i, len - i, false);
    if (i >= len) break;
    int n = s[i] < 0x80 ? 1 : utf8_sequence(s + i, len - i);
    if (n < 0 || (n == 0 && final)) return false;
    if (n == 0) return true;
    i += (size_t)n;
  }
  return true;
}

/* Multibyte UTF-8 sequences in DATA: in a text read as Windows-1252 they show that
 * encodings are mixed (each would read as two or three wrong letters). */
static size_t utf8_sequences(const char *data, size_t len) {
  const unsigned char *s = (const unsigned char *)data;
  size_t found = 0;
  for (size_t i = 0; i < len;) {
    i += pk_ascii_prefix(s + i, len - i, false);
    if (i >= len) break;
    int n = s[i] < 0x80 ? 1 : utf8_sequence(s + i, len - i);
    found += n > 1;
    i += n > 0 ? (size_t)n : 1;
  }
  return found;
}

/* ---- UTF-8 written twice ---------------------------------------------------------- */

/* The Windows-1252 byte that reads as code point CP, or -1: 0x80-0x9F hold letters and
 * punctuation there, not C1 controls. */
static const uint16_t CP1252_HIGH[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static int cp1252_byte(uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return (int)cp;
  for (int i = 0; i < 32; i++)
    if (CP1252_HIGH[i] && CP1252_HIGH[i] == cp) return 0x80 + i;
  return -1;
}

static uint32_t code_point(const unsigned char *s, int n) {
  if (n == 1) return s[0];
  uint32_t cp = s[0] & (0x7F >> n);
  for (int i = 1; i < n; i++) cp = cp << 6 | (s[i] & 0x3F);
  return cp;
}

/* MODE_UNDOUBLE: DATA's characters taken back to their Windows-1252 bytes (a character
 * that has none stays as it is), and the bytes read as UTF-8. */
static size_t decode_undouble(pk_reader *reader, const char *data, size_t len, bool final,
                              bool *ok) {
  const unsigned char *s = (const unsigned char *)data;
  size_t i = 0;
  *ok = true;
  while (i < len && *ok) {
    int n = s[i] < 0x80 ? 1 : utf8_sequence(s + i, len - i);
    if (n == 0 && !final) break;
    int byte = n > 0 ? cp1252_byte(code_point(s + i, n)) : -1;
    char one = (char)byte;
    *ok = byte >= 0 ? pk_buf_append(&reader->undone, &one, 1)
                    : pk_buf_append(&reader->undone, data + i, n > 0 ? (size_t)n : 1);
    i += n > 0 ? (size_t)n : 1;
  }
  if (!*ok) return i;
  size_t used = decode_utf8(reader, reader->undone.data, reader->undone.len, final, ok);
  pk_buf_consume(&reader->undone, used);
  return i;
}

/* Whether the start of a UTF-8 text shows Danish letters written twice ("Ã¦", "Ã¸",
 * "Ã¥", "Ã†", "Ã˜", "Ã…", "Ã©") more often than written once, and at least twice. */
static bool written_twice(const unsigned char *s, size_t len) {
  static const char *const TWICE[] = {"\xC3\x83\xC2\xA6", "\xC3\x83\xC2\xB8", "\xC3\x83\xC2\xA5",
                                      "\xC3\x83\xE2\x80\xA0", "\xC3\x83\xCB\x9C",
                                      "\xC3\x83\xE2\x80\xA6", "\xC3\x83\xC2\xA9"};
  static const unsigned char ONCE[] = {0xA6, 0xB8, 0xA5, 0x86, 0x98, 0x85, 0xA9};
  size_t twice = 0, once = 0;
  /* Each 0xC3 found by memchr: most of a text's bytes are ASCII. */
  for (const unsigned char *at = len > 1 ? memchr(s, 0xC3, len - 1) : NULL; at;) {
    size_t i = (size_t)(at - s);
    if (memchr(ONCE, s[i + 1], sizeof ONCE)) once++;
    for (size_t k = 0; s[i + 1] == 0x83 && k < sizeof TWICE / sizeof *TWICE; k++) {
      size_t n = strlen(TWICE[k]);
      if (i + n <= len && memcmp(s + i, TWICE[k], n) == 0) twice++;
    }
    at = i + 2 < len ? memchr(s + i + 1, 0xC3, len - i - 2) : NULL;
  }
  return twice >= 2 && twice > once;
}

/* ---- iconv ------------------------------------------------------------------------ */

static size_t decode_iconv(pk_reader *reader, const char *data, size_t len, bool final,
                           bool *ok) {
  char *in = (char *)data;
  size_t in_left = len;
  char out_block[4096];
  *ok = true;
  while (in_left > 0) {
    char *out = out_block;
    size_t out_left = sizeof out_block;
    size_t rc = iconv(reader->cd, &in, &in_left, &out, &out_left);
    int saved = errno;
    if (!put_text(reader, out_block, sizeof out_block - out_left)) return *ok = false, 0;
    if (rc != (size_t)-1 || saved == E2BIG) continue;
    if (saved == EINVAL && !final) break; /* incomplete character: carry it over */
    size_t skip = saved == EINVAL ? in_left : (reader->unit < in_left ? reader->unit : in_left);
    in += skip;
    in_left -= skip;
    if (!put_replacement(reader)) return *ok = false, 0;
  }
  return len - in_left;
}

/* ---- detection ---------------------------------------------------------------------- */

/* UTF-16 without a byte-order mark: most code units of Danish text have a zero high byte. */
static const char *sniff_utf16(const unsigned char *s, size_t len) {
  size_t pairs = len / 2, zero_odd = 0, zero_even = 0, i = 0;
  if (pairs < 2) return NULL;
  /* Eight bytes at a time; byte I of a word is at an even offset when I is even. */
  const uint64_t even = 0x0080008000800080ull, odd = 0x8000800080008000ull;
  for (; len - i >= 8; i += 8) {
    uint64_t word;
    memcpy(&word, s + i, sizeof word);
    uint64_t zeros = pk_bytes_equal8(word, 0);
    zero_even += pk_count_marks8(zeros & even);
    zero_odd += pk_count_marks8(zeros & odd);
  }
  for (; i + 1 < len; i += 2) {
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  if (zero_odd * 10 >= pairs * 4 && zero_even * 10 < pairs) return "UTF-16LE";
  if (zero_even * 10 >= pairs * 4 && zero_odd * 10 < pairs) return "UTF-16BE";
  return NULL;
}

static bool is_binary_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B;
}

/* Binary data, not text: more than one byte in ten of the sniff window is NUL or another
 * C0 control character other than the usual white space.  Text with a few stray control
 * characters is still text; a PDF, an image or an archive is not. */
static bool looks_binary(const unsigned char *s, size_t len) {
  size_t controls = 0, i = 0;
  for (; len - i >= 8; i += 8) {
    uint64_t word;
    memcpy(&word, s + i, sizeof word);
    uint64_t white = (pk_bytes_below8(word, 0x0E) & ~pk_bytes_below8(word, '\t')) |
                     pk_bytes_equal8(word, 0x1B);
    controls += pk_count_marks8(pk_bytes_below8(word, 0x20) & ~white);
  }
  for (; i < len; i++) controls += is_binary_control(s[i]);
  return len > 0 && controls * 10 > len;
}

/* The Danish letters (æ ø å Æ Ø Å é) at their bytes in the two single-byte encodings old
 * minutes come in: Windows-1252 (and Latin-1, the same at these bytes) and the DOS code
 * page 865 of a 1990s word processor (850 puts them at the same bytes).  Each reads the
 * other's as punctuation or a box-drawing character. */
static const unsigned char WINDOWS_LETTERS[] = {0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5, 0xE9};
static const unsigned char DOS_LETTERS[] = {0x91, 0x9B, 0x86, 0x92, 0x9D, 0x8F, 0x82};

static bool is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* How many bytes of LETTERS in S stand beside an ASCII letter: inside a word. */
static size_t letters_in_words(const unsigned char *s, size_t len, const unsigned char *letters,
                               size_t count) {
  size_t found = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] < 0x80 || !memchr(letters, s[i], count)) continue;
    found += (i > 0 && is_ascii_letter(s[i - 1])) || (i + 1 < len && is_ascii_letter(s[i + 1]));
  }
  return found;
}

/* A text that is not UTF-8: the single-byte encoding whose Danish letters stand inside
 * its words more often. */
static const char *single_byte_encoding(const unsigned char *s, size_t len) {
  size_t windows = letters_in_words(s, len, WINDOWS_LETTERS, sizeof WINDOWS_LETTERS);
  size_t dos = letters_in_words(s, len, DOS_LETTERS, sizeof DOS_LETTERS);
  return dos > windows ? "CP865" : "WINDOWS-1252";
}

static size_t unit_size(const char *encoding) {
  if (strncasecmp(encoding, "UTF-16", 6) == 0 || strncasecmp(encoding, "UCS-2", 5) == 0)
    return 2;
  if (strncasecmp(encoding, "UTF-32", 6) == 0 || strncasecmp(encoding, "UCS-4", 5) == 0)
    return 4;
  return 1;
}

static bool is_utf8_name(const char *encoding) {
  return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

/* Chooses the encoding from the sniff window; returns how many BOM bytes to skip. */
static pk_status choose_encoding(pk_reader *reader, bool final, size_t *skip, pk_error *err) {
  const unsigned char *s = (const unsigned char *)reader->pending.data;
  size_t len = reader->pending.len;
  const char *name = reader->forced_encoding;
  *skip = 0;
  if (!name) {
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) name = "UTF-8", *skip = 3;
    else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) name = "UTF-16LE", *skip = 2;
    else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) name = "UTF-16BE", *skip = 2;
    else if ((name = sniff_utf16(s, len)) == NULL && looks_binary(s, len))
      return pk_error_set(err, PK_ERR_INPUT, NULL, 0, 0,
                          "not a text file (binary data: over 10%% control bytes in the first %zu bytes)",
                          len);
    else if (!name)
      name = pk_valid_utf8(reader->pending.data, len, final) ? "UTF-8"
                                                             : single_byte_encoding(s, len);
    if (strcmp(name, "WINDOWS-1252") == 0) reader->mixed = utf8_sequences(reader->pending.data, len);
  }
  reader->encoding = name;
  if (!reader->forced_encoding && is_utf8_name(name) && written_twice(s, len)) {
    reader->encoding = "UTF-8 (written twice)";
    reader->mode = MODE_UNDOUBLE;
    return PK_OK;
  }
  if (is_utf8_name(name)) {
    reader->mode = MODE_UTF8;
    return PK_OK;
  }
  reader->cd = iconv_open("UTF-8", name);
  if (reader->cd == (iconv_t)-1)
    return pk_error_set(err, PK_ERR_USAGE, NULL, 0, -1, "unknown encoding '%s'", name);
  reader->unit = unit_size(name);
  reader->mode = MODE_ICONV;
  return PK_OK;
}

/* ---- feeding ------------------------------------------------------------------------ */

static pk_status decode(pk_reader *reader, const char *data, size_t len, bool final,
                        pk_error *err) {
  bool ok;
  size_t used = reader->mode == MODE_UTF8       ? decode_utf8(reader, data, len, final, &ok)
                : reader->mode == MODE_UNDOUBLE ? decode_undouble(reader, data, len, final, &ok)
                                                : decode_iconv(reader, data, len, final, &ok);
  if (!ok)
    return reader->stopped ? PK_ERR_IO
                           : pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  /* Keep the undecoded tail (at most one incomplete character) for the next chunk. */
  pk_buf tail = {0};
  if (used < len && !pk_buf_append(&tail, data + used, len - used))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  pk_buf_free(&reader->pending);
  reader->pending = tail;
  return PK_OK;
}

/* Runs the pending bytes (sniff window or carried tail) plus DATA through the decoder. */
static pk_status decode_with_pending(pk_reader *reader, const char *data, size_t len,
                                     bool final, pk_error *err) {
  if (!reader->pending.len) return decode(reader, data, len, final, err);
  if (!pk_buf_append(&reader->pending, data, len))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  pk_buf joined = reader->pending;
  reader->pending = (pk_buf){0};
  pk_status status = decode(reader, joined.data, joined.len, final, err);
  pk_buf_free(&joined);
  return status;
}

static pk_status leave_sniff(pk_reader *reader, bool final, pk_error *err) {
  size_t skip;
  pk_status status = choose_encoding(reader, final, &skip, err);
  if (status != PK_OK) return status;
  pk_buf_consume(&reader->pending, skip);
  return decode_with_pending(reader, "", 0, final, err);
}

pk_status pk_reader_feed(pk_reader *reader, const void *data, size_t len, pk_error *err) {
  reader->bytes += len;
  if (reader->mode == MODE_SNIFF) {
    if (!pk_buf_append(&reader->pending, data, len))
      return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    if (reader->pending.len < SNIFF_BYTES) return PK_OK;
    return leave_sniff(reader, false, err);
  }
  return decode_with_pending(reader, data, len, false, err);
}

pk_status pk_reader_finish(pk_reader *reader, pk_error *err) {
  pk_status status = reader->mode == MODE_SNIFF
                         ? leave_sniff(reader, true, err)
                         : decode_with_pending(reader, "", 0, true, err);
  if (status != PK_OK) return status;
  if (!flush_out(reader)) return PK_ERR_IO;
  return PK_OK;
}
