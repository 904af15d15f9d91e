/* markdown.c: a Markdown text's markup taken off its lines (see markdown.h). */
#include "config.h"

#include "markdown.h"

#include <stdlib.h>
#include <string.h>

/* ---- telling Markdown ---------------------------------------------------------------- */

/* Lines opening with an emphasis that make a text marked up: a mail's plain text with its
 * labels and titles in "*...*" ("*Pkt. 1: Title*", "*Beslutning:* Godkendt."). */
enum { EMPHASIZED_LINES_MIN = 3 };

/* The bytes of LINE's heading mark: up to three blanks kept, one to six hashes and the
 * blanks after them; 0 where the line is no such heading. */
static size_t heading_mark(const char *line, size_t len, size_t *kept) {
  size_t at = 0;
  while (at < len && at < 3 && line[at] == ' ') at++;
  *kept = at;
  size_t hashes = 0;
  while (at + hashes < len && line[at + hashes] == '#') hashes++;
  if (hashes == 0 || hashes > 6 || at + hashes == len || line[at + hashes] != ' ') return 0;
  size_t end = at + hashes;
  while (end < len && line[end] == ' ') end++;
  return end == len ? 0 : end - at;
}

/* Both look for their mark's byte with memchr: most lines of a text hold neither. */
static bool has_link(const char *line, size_t len) {
  for (const char *at = len > 2 ? memchr(line, ']', len - 2) : NULL; at;) {
    size_t i = (size_t)(at - line);
    if (line[i + 1] == '(' && memchr(line + i + 2, ')', len - i - 2)) return true;
    at = i + 3 < len ? memchr(line + i + 1, ']', len - i - 3) : NULL;
  }
  return false;
}

static bool has_strong(const char *line, size_t len) {
  for (const char *at = len > 3 ? memchr(line, '*', len - 3) : NULL; at;) {
    size_t i = (size_t)(at - line);
    if (line[i + 1] == '*') {
      for (size_t j = i + 3; j + 1 < len; j++)
        if (line[j] == '*' && line[j + 1] == '*') return true;
      return false;
    }
    at = i + 4 < len ? memchr(line + i + 1, '*', len - i - 4) : NULL;
  }
  return false;
}

/* Where the emphasis opened by the single '*' at OPEN closes ("*Pkt. 2: Title*", as a
 * mail's plain text marks bold): a '*' after a character that is no blank; 0 where none. */
static size_t emphasis_close(const char *line, size_t len, size_t open) {
  if (open + 2 >= len || line[open + 1] == ' ' || line[open + 1] == '\t' || line[open + 1] == '*')
    return 0;
  for (size_t i = open + 2; i < len; i++)
    if (line[i] == '*') return line[i - 1] != ' ' && line[i - 1] != '\t' ? i : 0;
  return 0;
}

static size_t strong_close(const char *line, size_t len, size_t open);

/* Whether LINE opens with an emphasis that closes on it ("*Beslutning:* Godkendt.", or
 * strong, "**Beslutning**", as a converter of a web page marks its bold headings). */
static bool opens_emphasis(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  if (at + 1 < len && line[at] == '*' && line[at + 1] == '*')
    return at + 2 < len && line[at + 2] != ' ' && strong_close(line, len, at) > 0;
  return at < len && line[at] == '*' && emphasis_close(line, len, at) > 0;
}

/* Whether LINE is one strong emphasis, a letter first (a section's heading in "**...**", a
 * dated one too): a converter's bold heading, which plain text never writes. */
static bool strong_line(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  while (len > at && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
    len--;
  if (at + 4 >= len || line[at] != '*' || line[at + 1] != '*') return false;
  unsigned char first = (unsigned char)line[at + 2];
  bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0xC3;
  return letter && strong_close(line, len, at) == len - 2;
}

/* Stops where the answer is known: three headings, or two and a line with a link or
 * strong emphasis (only whether some line has one matters), a line that is one strong
 * emphasis, or enough lines opening with an emphasis. */
bool pk_markdown_sniff(const char *text, size_t len) {
  size_t headings = 0, emphasized = 0, kept;
  bool marked = false, bold_line = false;
  for (size_t start = 0; start < len && !(headings >= 3 || (headings >= 2 && marked) || bold_line ||
                                          emphasized >= EMPHASIZED_LINES_MIN);) {
    const char *newline = memchr(text + start, '\n', len - start);
    size_t end = newline ? (size_t)(newline - text) : len;
    headings += heading_mark(text + start, end - start, &kept) > 0;
    marked = marked || has_link(text + start, end - start) || has_strong(text + start, end - start);
    bold_line = strong_line(text + start, end - start);
    emphasized += opens_emphasis(text + start, end - start);
    start = end + 1;
  }
  return headings >= 3 || (headings >= 2 && marked) || bold_line ||
         emphasized >= EMPHASIZED_LINES_MIN;
}

/* ---- taking the markup off ------------------------------------------------------------ */

typedef struct {
  const char *line;
  size_t len;
  pk_buf *out;
  size_t removed; /* weighed as pk_text_weight does */
  bool ok;
} stripping;

static void keep(stripping *st, size_t from, size_t to) {
  if (st->ok && to > from) st->ok = pk_buf_append(st->out, st->line + from, to - from);
}

static void drop(stripping *st, size_t from, size_t to) {
  if (to > from) st->removed += pk_text_weight(st->line + from, to - from);
}

/* A line of only three or more of one of '*', '-', '_' (blanks between): a break. */
static bool thematic_break(const char *line, size_t len) {
  char mark = 0;
  size_t count = 0;
  for (size_t i = 0; i < len; i++) {
    if (line[i] == ' ' || line[i] == '\t') continue;
    if (line[i] != '*' && line[i] != '-' && line[i] != '_') return false;
    if (mark && line[i] != mark) return false;
    mark = line[i];
    count++;
  }
  return count >= 3;
}

/* Where the link's "](address)" closing the text opened at OPEN ends (after its ')'), and
 * *CLOSE where its ']' stands; 0 where OPEN starts no link. */
static size_t link_end(const char *line, size_t len, size_t open, size_t *close) {
  for (size_t i = open + 1; i + 1 < len; i++) {
    if (line[i] == '[') return 0;
    if (line[i] != ']') continue;
    if (line[i + 1] != '(') return 0;
    const char *paren = memchr(line + i + 2, ')', len - i - 2);
    if (!paren) return 0;
    *close = i;
    return (size_t)(paren - line) + 1;
  }
  return 0;
}

/* Where the strong emphasis opened by the pair at OPEN closes ("**...**", "__...__"). */
static size_t strong_close(const char *line, size_t len, size_t open) {
  char mark = line[open];
  for (size_t i = open + 3; i + 1 < len; i++)
    if (line[i] == mark && line[i + 1] == mark) return i;
  return 0;
}

static bool escaped_punctuation(char c) { return c && strchr("\\`*_{}[]()#+-.!>|", c) != NULL; }

/* The words of LINE[from, to) kept, their inline markup dropped.  Brackets and pairs
 * close within the span they open in. */
static void strip_inline(stripping *st, size_t from, size_t to) {
  const char *line = st->line;
  size_t run = from, i = from;
  while (i < to) {
    char c = line[i];
    size_t close = 0, end = 0;
    if (c == '\\' && i + 1 < to && escaped_punctuation(line[i + 1])) {
      keep(st, run, i), drop(st, i, i + 1);
      run = i + 1, i += 2;
    } else if ((c == '*' || c == '_') && i + 1 < to && line[i + 1] == c &&
               (close = strong_close(line, to, i)) > 0) {
      keep(st, run, i), drop(st, i, i + 2);
      strip_inline(st, i + 2, close);
      drop(st, close, close + 2);
      run = i = close + 2;
    } else if (c == '*' && (close = emphasis_close(line, to, i)) > 0) {
      keep(st, run, i), drop(st, i, i + 1);
      strip_inline(st, i + 1, close);
      drop(st, close, close + 1);
      run = i = close + 1;
    } else if (c == '[' && (end = link_end(line, to, i, &close)) > 0) {
      bool image = i > from && line[i - 1] == '!';
      keep(st, run, image ? i - 1 : i), drop(st, image ? i - 1 : i, i + 1);
      strip_inline(st, i + 1, close);
      drop(st, close, end);
      run = i = end;
    } else {
      i++;
    }
  }
  keep(st, run, to);
}

size_t pk_markdown_line(const char *line, size_t len, pk_buf *out) {
  stripping st = {line, len, out, 0, true};
  if (thematic_break(line, len)) {
    drop(&st, 0, len);
    return st.removed;
  }
  size_t kept_blanks = 0, mark = heading_mark(line, len, &kept_blanks), end = len;
  if (mark) {
    /* A closing sequence of hashes after a blank is the heading's too. */
    size_t back = len;
    while (back > 0 && line[back - 1] == ' ') back--;
    size_t hashes = back;
    while (hashes > 0 && line[hashes - 1] == '#') hashes--;
    if (hashes < back && hashes > kept_blanks + mark && line[hashes - 1] == ' ') end = hashes - 1;
  }
  keep(&st, 0, kept_blanks);
  drop(&st, kept_blanks, kept_blanks + mark);
  strip_inline(&st, kept_blanks + mark, end);
  drop(&st, end, len);
  return st.ok ? st.removed : (size_t)-1;
}

/* ---- the stage ------------------------------------------------------------------------ */

struct pk_markdown {
  pk_report *report;
  pk_text_fn emit;
  void *ctx;
  bool decided, markdown;
  pk_buf line;     /* a line not yet ended */
  pk_buf stripped; /* a line without its markup */
};

pk_markdown *pk_markdown_new(pk_report *report, pk_text_fn emit, void *ctx) {
  pk_markdown *md = calloc(1, sizeof *md);
  if (md) *md = (pk_markdown){.report = report, .emit = emit, .ctx = ctx};
  return md;
}

void pk_markdown_free(pk_markdown *md) {
  if (!md) return;
  pk_buf_free(&md->line);
  pk_buf_free(&md->stripped);
  free(md);
}

/* LINE[0, LEN) without its markup, and ENDED's line end, handed on. */
static bool hand_on_line(pk_markdown *md, const char *line, size_t len, bool ended) {
  pk_buf_clear(&md->stripped);
  size_t removed = pk_markdown_line(line, len, &md->stripped);
  if (removed == (size_t)-1 || (ended && !pk_buf_append(&md->stripped, "\n", 1))) return false;
  pk_report_removed(md->report, "markup", removed);
  return md->emit(md->ctx, md->stripped.data ? md->stripped.data : "", md->stripped.len);
}

bool pk_markdown_text(void *opaque, const char *utf8, size_t len) {
  pk_markdown *md = opaque;
  if (!md->decided) {
    md->decided = true;
    md->markdown = pk_markdown_sniff(utf8, len);
  }
  if (!md->markdown) return md->emit(md->ctx, utf8, len);
  for (size_t start = 0; start < len;) {
    const char *newline = memchr(utf8 + start, '\n', len - start);
    size_t end = newline ? (size_t)(newline - utf8) : len;
    if (!pk_buf_append(&md->line, utf8 + start, end - start)) return false;
    if (!newline) break;
    if (!hand_on_line(md, md->line.data ? md->line.data : "", md->line.len, true)) return false;
    pk_buf_clear(&md->line);
    start = end + 1;
  }
  return true;
}

bool pk_markdown_finish(pk_markdown *md) {
  if (!md->markdown || !md->line.len) return true;
  bool ok = hand_on_line(md, md->line.data, md->line.len, false);
  pk_buf_clear(&md->line);
  return ok;
}
