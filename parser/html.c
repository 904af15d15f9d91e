/* html.c: an HTML page's text, line by line, through libxml2's HTML push parser.
 *
 * The SAX events are turned into text as a browser's innerText would give it: the text of
 * an element that is dropped is counted and left out; block elements ask for line breaks
 * before the next text (a paragraph or heading for a blank line), which collapse with
 * each other and with <br>'s; inline white space collapses to one space.  No tree is
 * built: what is held is libxml2's input buffer, the text not yet handed on, and a stack
 * of open lists and table rows (at most FRAME_MAX; deeper ones are read as plain blocks). */
#include "config.h"

#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "reader.h"
#include "stylesheet.h"

enum {
  FRAME_MAX = 256,          /* open lists and rows tracked; deeper ones are plain blocks */
  OUT_CHUNK = 16 * 1024,    /* text handed on in pieces of about this size */
  FEED_MAX = 1024 * 1024,   /* bytes given to libxml2 at once (it takes an int) */
  CSS_MAX = 64 * 1024,      /* bytes of one <style> element read for hidden classes */
  HOLD_MAX = 64 * 1024,     /* bytes of a tag begun held back at most (see held_from) */
  SNIFF_MAX = 4 * 1024,     /* bytes read for the charset before the parser starts */
  PARSE_OPTIONS = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                  HTML_PARSE_RECOVER
};

typedef enum { FRAME_OL, FRAME_UL, FRAME_ROW } frame_kind;

typedef struct frame {
  frame_kind kind;
  long next;    /* FRAME_OL: the next item's number */
  size_t cells; /* FRAME_ROW: cells begun */
} frame;

struct pk_html {
  htmlParserCtxtPtr ctxt;
  htmlSAXHandler sax;
  char *forced;
  char *encoding;
  pk_text_fn emit;
  void *ctx;
  pk_report *report;
  pk_buf out;
  frame frames[FRAME_MAX];
  size_t frame_count, frames_lost; /* lists and rows open beyond FRAME_MAX */
  size_t skip;        /* > 0: inside a dropped element, this many levels deep */
  size_t style_level; /* > 0: inside a <style> (dropped, at this skip depth): its CSS is read */
  pk_buf css;         /* the <style> element's text so far (at most CSS_MAX bytes) */
  pk_buf held;        /* input not yet given to libxml2 (see held_from) */
  pk_hidden_classes hidden; /* classes the page's style sheets hide */
  size_t pre;         /* open <pre> elements */
  size_t sectioning;  /* open article, aside, main, nav, section: their header is kept */
  int breaks;         /* line ends wanted before the next text */
  int newlines;       /* line ends at the end of what was written */
  bool space;         /* a space wanted before the next text */
  bool tab;           /* a cell separator wanted before the next text */
  bool written;       /* any text has been written */
  bool failed;        /* out of memory, or EMIT said stop */
  bool emit_stopped;
};

/* ---- sniffing ------------------------------------------------------------------------------ */

static bool starts_with_ci(const char *data, size_t len, const char *word) {
  size_t n = strlen(word);
  return len >= n && strncasecmp(data, word, n) == 0;
}

/* A tag name that only a page starts with, or holds near its start. */
static bool is_page_tag(const char *data, size_t len) {
  static const char *const TAGS[] = {"html", "head", "body", "div", "p", "meta", "title",
                                     "table", "h1", "h2", "h3", "section", "article"};
  for (size_t i = 0; i < sizeof TAGS / sizeof *TAGS; i++) {
    size_t n = strlen(TAGS[i]);
    if (starts_with_ci(data, len, TAGS[i]) &&
        (len == n || data[n] == '>' || data[n] == ' ' || data[n] == '\t' || data[n] == '\n' ||
         data[n] == '\r' || data[n] == '/'))
      return true;
  }
  return false;
}

bool pk_html_sniff(const char *data, size_t len) {
  size_t at = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) at = 3;
  /* Blanks and comments may come first; then the page must begin with a tag. */
  for (;;) {
    while (at < len && pk_is_ascii_space((unsigned char)data[at])) at++;
    if (!starts_with_ci(data + at, len - at, "<!--")) break;
    const char *end = NULL;
    for (size_t i = at + 4; i + 2 < len && !end; i++)
      if (memcmp(data + i, "-->", 3) == 0) end = data + i + 3;
    if (!end) return false;
    at = (size_t)(end - data);
  }
  if (at >= len || data[at] != '<') return false;
  if (starts_with_ci(data + at, len - at, "<!doctype html") || starts_with_ci(data + at, len - at, "<?xml"))
    return starts_with_ci(data + at, len - at, "<!doctype html") || memmem(data, len, "<html", 5);
  for (size_t i = at; i + 1 < len; i++)
    if (data[i] == '<' && is_page_tag(data + i + 1, len - i - 1)) return true;
  return false;
}

/* ---- writing the text ------------------------------------------------------------------------ */

static bool flush_out(pk_html *html) {
  if (html->out.len && !html->failed && !html->emit(html->ctx, html->out.data, html->out.len))
    html->failed = html->emit_stopped = true;
  pk_buf_clear(&html->out);
  return !html->failed;
}

static void stop(pk_html *html) {
  html->failed = true;
  if (html->ctxt) xmlStopParser(html->ctxt);
}

static void write_bytes(pk_html *html, const char *bytes, size_t len) {
  if (html->failed || !len) return;
  if (!pk_buf_append(&html->out, bytes, len)) return stop(html);
  if (html->out.len >= OUT_CHUNK && !flush_out(html)) stop(html);
}

static void write_newlines(pk_html *html, int count) {
  for (; count > 0; count--) write_bytes(html, "\n", 1);
}

/* What stands between the text written and the text to come: line ends, a cell's TAB or
 * a space, as they were asked for. */
static void before_text(pk_html *html) {
  if (html->written && html->breaks > html->newlines) {
    write_newlines(html, html->breaks - html->newlines);
    html->newlines = html->breaks;
  } else if (html->written && !html->newlines && (html->tab || html->space)) {
    write_bytes(html, html->tab ? "\t" : " ", 1);
  }
  html->breaks = 0;
  html->space = html->tab = false;
}

/* Text that is not white space, as it stands. */
static void write_text(pk_html *html, const char *text, size_t len) {
  if (!len) return;
  before_text(html);
  write_bytes(html, text, len);
  html->written = true;
  html->newlines = 0;
}

static void want_breaks(pk_html *html, int count) {
  if (count > html->breaks) html->breaks = count;
}

/* <br>: a line end of its own, which the blocks' line ends around it count in. */
static void line_break(pk_html *html) {
  if (!html->written) return;
  html->space = html->tab = false;
  if (html->breaks > html->newlines) write_newlines(html, html->breaks - html->newlines);
  if (html->breaks > html->newlines) html->newlines = html->breaks;
  html->breaks = 0;
  write_bytes(html, "\n", 1);
  html->newlines++;
}

/* Text inside <pre>: as it is, line ends included. */
static void preformatted(pk_html *html, const char *text, size_t len) {
  size_t trailing = 0;
  while (trailing < len && text[len - 1 - trailing] == '\n') trailing++;
  if (trailing == len) {
    if (!html->written) return;
    write_bytes(html, text, len);
    html->newlines += (int)len;
    return;
  }
  if (html->written && html->breaks > html->newlines) write_newlines(html, html->breaks - html->newlines);
  html->breaks = 0;
  html->space = html->tab = false;
  write_bytes(html, text, len);
  html->written = true;
  html->newlines = (int)trailing;
}

/* Text outside <pre>: runs of white space become one space (none at a line's start). */
static void collapsed(pk_html *html, const char *text, size_t len) {
  size_t at = 0;
  while (at < len) {
    size_t start = at;
    while (at < len && !pk_is_ascii_space((unsigned char)text[at])) at++;
    write_text(html, text + start, at - start);
    if (at < len) html->space = true;
    while (at < len && pk_is_ascii_space((unsigned char)text[at])) at++;
  }
}

/* ---- elements ------------------------------------------------------------------------------ */

static bool is_named(const xmlChar *name, const char *const *names, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (strcmp((const char *)name, names[i]) == 0) return true;
  return false;
}

#define NAMED(name, list) is_named(name, list, sizeof list / sizeof *list)

static const char *const DROPPED[] = {"script", "style", "noscript", "template", "nav",
                                      "form", "button", "select", "textarea", "head",
                                      "title", "svg", "iframe", "object"};
/* Dropped only as the page's own (banner, footer), not an article's or a section's. */
static const char *const PAGE_PARTS[] = {"header", "footer"};
static const char *const SECTIONING[] = {"article", "aside", "main", "section"};
static const char *const PARAGRAPHS[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6"};
static const char *const BLOCKS[] = {
    "address", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "html", "legend",
    "li", "listing", "main", "menu", "ol", "pre", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul", "xmp", "article", "aside", "section", "header", "footer", "plaintext"};
static const char *const PREFORMATTED[] = {"pre", "listing", "xmp", "plaintext"};

static const xmlChar *attribute(const xmlChar **atts, const char *name) {
  for (size_t i = 0; atts && atts[i]; i += 2)
    if (strcasecmp((const char *)atts[i], name) == 0) return atts[i + 1] ? atts[i + 1] : (const xmlChar *)"";
  return NULL;
}

/* hidden, or a style that hides it: style="display: none" / "visibility:hidden". */
static bool is_hidden(const xmlChar **atts) {
  if (attribute(atts, "hidden")) return true;
  const xmlChar *style = attribute(atts, "style");
  if (!style) return false;
  char compact[64];
  size_t n = 0;
  for (const xmlChar *c = style; *c; c++) {
    if (pk_is_ascii_space(*c)) continue;
    compact[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    if (n == sizeof compact - 1 || *c == ';') {
      compact[n] = '\0';
      if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden")) return true;
      n = 0;
    }
  }
  compact[n] = '\0';
  return strstr(compact, "display:none") || strstr(compact, "visibility:hidden");
}

/* An element of a class the page's style sheet hides (class="noprint"). */
static bool of_hidden_class(const pk_html *html, const xmlChar **atts) {
  const xmlChar *classes = html->hidden.count ? attribute(atts, "class") : NULL;
  return classes && pk_stylesheet_hides(&html->hidden, (const char *)classes);
}

static bool drops(const pk_html *html, const xmlChar *name, const xmlChar **atts) {
  if (NAMED(name, DROPPED) || is_hidden(atts) || of_hidden_class(html, atts)) return true;
  return NAMED(name, PAGE_PARTS) && !html->sectioning;
}

static long number_attribute(const xmlChar **atts, const char *name, long fallback) {
  const xmlChar *value = attribute(atts, name);
  if (!value) return fallback;
  char *end;
  long number = strtol((const char *)value, &end, 10);
  return end == (const char *)value || number < -1000000 || number > 1000000 ? fallback : number;
}

static frame *innermost(pk_html *html, int kinds) {
  if (html->frames_lost) return NULL;
  for (size_t i = html->frame_count; i > 0; i--)
    if ((1 << html->frames[i - 1].kind) & kinds) return &html->frames[i - 1];
  return NULL;
}

static void push_frame(pk_html *html, frame_kind kind, long next) {
  if (html->frame_count == FRAME_MAX) html->frames_lost++;
  else html->frames[html->frame_count++] = (frame){kind, next, 0};
}

static void pop_frame(pk_html *html) {
  if (html->frames_lost) html->frames_lost--;
  else if (html->frame_count) html->frame_count--;
}

/* <li>: "N. " in an <ol>, "• " elsewhere, as browsers draw the marker. */
static void list_item(pk_html *html, const xmlChar **atts) {
  frame *list = innermost(html, 1 << FRAME_OL | 1 << FRAME_UL);
  want_breaks(html, 1);
  if (list && list->kind == FRAME_OL) {
    long number = number_attribute(atts, "value", list->next);
    char marker[32];
    snprintf(marker, sizeof marker, "%ld.", number);
    list->next = number + 1;
    write_text(html, marker, strlen(marker));
  } else {
    write_text(html, "\xE2\x80\xA2", 3);
  }
  html->space = true;
}

static void table_cell(pk_html *html) {
  frame *row = innermost(html, 1 << FRAME_ROW);
  if (row && row->cells++) html->tab = true;
  else html->space = true;
}

static void start_element(void *opaque, const xmlChar *name, const xmlChar **atts) {
  pk_html *html = opaque;
  if (html->skip || drops(html, name, atts)) {
    html->skip++;
    if (!html->style_level && strcmp((const char *)name, "style") == 0) html->style_level = html->skip;
    return;
  }
  if (NAMED(name, SECTIONING)) html->sectioning++;
  if (NAMED(name, PREFORMATTED)) html->pre++;
  if (NAMED(name, PARAGRAPHS)) want_breaks(html, 2);
  else if (NAMED(name, BLOCKS)) want_breaks(html, 1);
  if (strcmp((const char *)name, "br") == 0) line_break(html);
  else if (strcmp((const char *)name, "ol") == 0) push_frame(html, FRAME_OL, number_attribute(atts, "start", 1));
  else if (strcmp((const char *)name, "ul") == 0 || strcmp((const char *)name, "menu") == 0) push_frame(html, FRAME_UL, 0);
  else if (strcmp((const char *)name, "tr") == 0) push_frame(html, FRAME_ROW, 0);
  else if (strcmp((const char *)name, "li") == 0) list_item(html, atts);
  else if (strcmp((const char *)name, "td") == 0 || strcmp((const char *)name, "th") == 0) table_cell(html);
}

static void end_element(void *opaque, const xmlChar *name) {
  pk_html *html = opaque;
  if (html->skip) {
    if (html->skip-- == html->style_level) {
      pk_stylesheet_read(&html->hidden, html->css.data ? html->css.data : "", html->css.len);
      pk_buf_clear(&html->css);
      html->style_level = 0;
    }
    return;
  }
  if (NAMED(name, SECTIONING) && html->sectioning) html->sectioning--;
  if (NAMED(name, PREFORMATTED) && html->pre) html->pre--;
  if (NAMED(name, PARAGRAPHS)) want_breaks(html, 2);
  else if (NAMED(name, BLOCKS)) want_breaks(html, 1);
  if (strcmp((const char *)name, "ol") == 0 || strcmp((const char *)name, "ul") == 0 ||
      strcmp((const char *)name, "menu") == 0 || strcmp((const char *)name, "tr") == 0)
    pop_frame(html);
}

static void characters(void *opaque, const xmlChar *text, int len) {
  pk_html *html = opaque;
  if (len <= 0 || html->failed) return;
  const char *chars = (const char *)text;
  if (html->skip) {
    /* Dropped: counted as text that came in and was removed as the page's wrapper. */
    unsigned long long weight = pk_text_weight(chars, (size_t)len);
    if (html->style_level && html->skip == html->style_level && html->css.len + (size_t)len <= CSS_MAX &&
        !pk_buf_append(&html->css, chars, (size_t)len))
      return stop(html);
    html->report->coverage.in += weight;
    pk_report_removed(html->report, "wrapper", weight);
  } else if (html->pre) {
    preformatted(html, chars, (size_t)len);
  } else {
    collapsed(html, chars, (size_t)len);
  }
}

static void ignore_error(void *opaque, xmlErrorPtr error) {
  (void)opaque;
  (void)error;
}

/* ---- the parser ------------------------------------------------------------------------------ */

pk_html *pk_html_new(const char *encoding, pk_text_fn emit, void *ctx, pk_report *report) {
  pk_html *html = calloc(1, sizeof *html);
  if (!html) return NULL;
  html->emit = emit;
  html->ctx = ctx;
  html->report = report;
  html->sax.startElement = start_element;
  html->sax.endElement = end_element;
  html->sax.characters = characters;
  html->sax.ignorableWhitespace = characters;
  html->sax.cdataBlock = characters;
  html->sax.serror = ignore_error;
  html->sax.initialized = XML_SAX2_MAGIC;
  if (encoding && !(html->forced = pk_strndup(encoding, strlen(encoding)))) {
    free(html);
    return NULL;
  }
  return html;
}

void pk_html_free(pk_html *html) {
  if (!html) return;
  if (html->ctxt) htmlFreeParserCtxt(html->ctxt);
  pk_buf_free(&html->out);
  pk_buf_free(&html->css);
  pk_buf_free(&html->held);
  free(html->forced);
  free(html->encoding);
  free(html);
}

const char *pk_html_encoding(const pk_html *html) { return html->encoding; }

const char *pk_html_converter(void) { return "libxml2 " LIBXML_DOTTED_VERSION; }

/* Whether the word "charset" or "encoding" stands in DATA[0, LEN), in any case: the page
 * names its charset (a meta tag, an XML declaration), which libxml2 reads. */
static bool names_charset(const char *data, size_t len) {
  static const char *const WORDS[] = {"charset", "encoding"};
  for (size_t w = 0; w < sizeof WORDS / sizeof *WORDS; w++) {
    size_t word_len = strlen(WORDS[w]);
    for (size_t at = 0; at + word_len <= len; at++)
      if (strncasecmp(data + at, WORDS[w], word_len) == 0) return true;
  }
  return false;
}

/* The parser, made with the page's first bytes (a byte-order mark among them).  DATA[0,
 * SEEN) is the page's start, of which its first SNIFF_MAX bytes are read (FINAL: SEEN is the
 * whole page; the parser is made with the first four of DATA's LEN bytes): a page saved
 * without its server's header, which named the charset, and naming none itself is read
 * as UTF-8 where its bytes are UTF-8, as the text reader reads a text; libxml2 would read
 * it as Latin-1 ("NÃ¦ste" for "Næste"). */
static pk_status start_parser(pk_html *html, const char *data, size_t len, size_t seen,
                              bool final, pk_error *err) {
  int first = len < 4 ? (int)len : 4;
  xmlCharEncoding detected = first == 4 ? xmlDetectCharEncoding((const xmlChar *)data, 4)
                                        : XML_CHAR_ENCODING_NONE;
  size_t sniffed = seen < SNIFF_MAX ? seen : SNIFF_MAX;
  if (detected == XML_CHAR_ENCODING_NONE && !html->forced && !names_charset(data, sniffed) &&
      pk_valid_utf8(data, sniffed, final && sniffed == seen))
    detected = XML_CHAR_ENCODING_UTF8;
  html->ctxt = htmlCreatePushParserCtxt(&html->sax, html, data, first, NULL, detected);
  if (!html->ctxt) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  htmlCtxtUseOptions(html->ctxt, PARSE_OPTIONS);
  if (html->forced) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(html->forced);
    if (!handler || xmlSwitchToEncoding(html->ctxt, handler) != 0)
      return pk_error_set(err, PK_ERR_USAGE, NULL, 0, -1, "unknown encoding '%s'", html->forced);
  }
  return PK_OK;
}

static pk_status parse_chunk(pk_html *html, const char *data, size_t len, bool last,
                             pk_error *err) {
  htmlParseChunk(html->ctxt, data, (int)len, last);
  if (html->emit_stopped) return PK_ERR_IO;
  if (html->failed || html->ctxt->errNo == XML_ERR_NO_MEMORY)
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  return PK_OK;
}

/* LEN bytes of DATA given to libxml2 (the parser made with their first four); SEEN (at
 * least LEN) bytes of DATA are read, the page's first: the parser's charset is sniffed
 * there, whatever the pieces the page came in; FINAL: the page ends with them. */
static pk_status release(pk_html *html, const char *data, size_t len, size_t seen, bool final,
                         pk_error *err) {
  pk_status status = PK_OK;
  size_t at = 0;
  if (!html->ctxt && len) {
    status = start_parser(html, data, len, seen, final, err);
    at = len < 4 ? len : 4;
  }
  for (; status == PK_OK && at < len; at += FEED_MAX)
    status = parse_chunk(html, data + at, len - at < FEED_MAX ? len - at : FEED_MAX, false, err);
  return status;
}

/* Where the bytes held back from libxml2 start in DATA: at a tag begun and not ended
 * ("</scr"), as libxml2's push parser takes a script's or style's end tag cut by a piece's
 * end for text, and everything after it with it; and the page's first SNIFF_MAX bytes are
 * held until they are all there, for the byte-order mark and the charset (start_parser).
 * Nothing is held past HOLD_MAX bytes. */
static size_t held_from(const pk_html *html, const char *data, size_t len) {
  if (!html->ctxt && len < SNIFF_MAX) return 0;
  size_t at = len;
  while (at > 0 && len - at < HOLD_MAX && data[at - 1] != '>' && data[at - 1] != '<') at--;
  return at > 0 && data[at - 1] == '<' && len - at < HOLD_MAX ? at - 1 : len;
}

pk_status pk_html_feed(pk_html *html, const char *data, size_t len, pk_error *err) {
  if (!len) return PK_OK;
  const char *bytes = data;
  if (html->held.len) {
    if (!pk_buf_append(&html->held, data, len))
      return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    bytes = html->held.data;
    len = html->held.len;
  }
  size_t cut = held_from(html, bytes, len);
  pk_status status = release(html, bytes, cut, len, false, err);
  if (status != PK_OK) return status;
  if (bytes == data) return pk_buf_append(&html->held, data + cut, len - cut) ? PK_OK
             : pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  memmove(html->held.data, html->held.data + cut, len - cut);
  html->held.len = len - cut;
  return PK_OK;
}

/* The name of the charset the parser read the page in: what the page declared, or UTF-8. */
static pk_status keep_encoding(pk_html *html, pk_error *err) {
  const xmlChar *name = html->ctxt ? html->ctxt->encoding : NULL;
  if (!name && html->ctxt && html->ctxt->input && html->ctxt->input->buf &&
      html->ctxt->input->buf->encoder)
    name = (const xmlChar *)html->ctxt->input->buf->encoder->name;
  const char *text = name ? (const char *)name : "UTF-8";
  if (!(html->encoding = pk_strndup(text, strlen(text))))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  return PK_OK;
}

pk_status pk_html_finish(pk_html *html, pk_error *err) {
  pk_status status = release(html, html->held.data, html->held.len, html->held.len, true, err);
  pk_buf_clear(&html->held);
  if (status == PK_OK && html->ctxt) status = parse_chunk(html, NULL, 0, true, err);
  if (status == PK_OK) status = keep_encoding(html, err);
  if (status == PK_OK && html->written) write_bytes(html, "\n", 1);
  if (status == PK_OK && !flush_out(html)) status = PK_ERR_IO;
  return status;
}
