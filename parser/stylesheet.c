/* stylesheet.c: the classes a page's own style sheet hides (see stylesheet.h).
 *
 * The CSS is walked once, rule by rule: a selector list up to '{', its declarations up
 * to '}'.  An at-rule with a block ("@media print {", "@font-face {") opens a level whose
 * rules are read only when it is "@media" for print; other at-rules (@import ...;) are
 * skipped to their ';'.  Comments are skipped. */
#include "config.h"

#include "stylesheet.h"

#include <string.h>
#include <strings.h>

#include "../util/buf.h"

typedef struct css_cursor {
  const char *text;
  size_t len, at;
} css_cursor;

static void skip_blanks_and_comments(css_cursor *css) {
  for (;;) {
    while (css->at < css->len && pk_is_ascii_space((unsigned char)css->text[css->at])) css->at++;
    if (css->at + 1 >= css->len || css->text[css->at] != '/' || css->text[css->at + 1] != '*') return;
    const char *end = NULL;
    for (size_t i = css->at + 2; i + 1 < css->len && !end; i++)
      if (css->text[i] == '*' && css->text[i + 1] == '/') end = css->text + i + 2;
    css->at = end ? (size_t)(end - css->text) : css->len;
  }
}

/* The bytes up to the next of STOPS (not taken), as [*start, *end). */
static char read_until(css_cursor *css, const char *stops, size_t *start, size_t *end) {
  *start = css->at;
  while (css->at < css->len && !strchr(stops, css->text[css->at])) css->at++;
  *end = css->at;
  return css->at < css->len ? css->text[css->at++] : '\0';
}

/* Whether the declarations [start, end) hide: display:none or visibility:hidden, blanks
 * and case aside. */
static bool declarations_hide(const char *text, size_t start, size_t end) {
  char compact[128];
  size_t n = 0;
  for (size_t i = start; i <= end; i++) {
    char c = i < end ? text[i] : ';';
    if (pk_is_ascii_space((unsigned char)c)) continue;
    if (c == ';' || n == sizeof compact - 1) {
      compact[n] = '\0';
      if (strncmp(compact, "display:none", 12) == 0 || strncmp(compact, "visibility:hidden", 17) == 0)
        return true;
      n = 0;
      continue;
    }
    compact[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return false;
}

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || (unsigned char)c >= 0x80;
}

static void add_class(pk_hidden_classes *hidden, const char *name, size_t len) {
  if (!len || len > PK_HIDDEN_CLASS_LEN || hidden->count == PK_HIDDEN_CLASSES_MAX) return;
  for (size_t i = 0; i < hidden->count; i++)
    if (strlen(hidden->names[i]) == len && memcmp(hidden->names[i], name, len) == 0) return;
  memcpy(hidden->names[hidden->count], name, len);
  hidden->names[hidden->count++][len] = '\0';
}

/* Each selector of the list [start, end) that is one class (after an element's name or
 * not) is added. */
static void add_selectors(pk_hidden_classes *hidden, const char *text, size_t start, size_t end) {
  size_t at = start;
  while (at < end) {
    size_t from = at;
    while (at < end && text[at] != ',') at++;
    size_t stop = at++;
    while (from < stop && pk_is_ascii_space((unsigned char)text[from])) from++;
    while (stop > from && pk_is_ascii_space((unsigned char)text[stop - 1])) stop--;
    size_t dot = from;
    while (dot < stop && ((text[dot] >= 'a' && text[dot] <= 'z') || (text[dot] >= 'A' && text[dot] <= 'Z') ||
                          (dot > from && text[dot] >= '0' && text[dot] <= '9')))
      dot++;
    if (dot >= stop || text[dot] != '.') continue;
    size_t name = dot + 1, name_end = name;
    while (name_end < stop && is_name_char(text[name_end])) name_end++;
    if (name_end == stop) add_class(hidden, text + name, name_end - name);
  }
}

/* Whether the at-rule's prelude [start, end) opens rules a printed page follows: @media
 * whose queries name print (or all). */
static bool prelude_prints(const char *text, size_t start, size_t end) {
  if (end - start < 6 || strncasecmp(text + start, "@media", 6) != 0) return false;
  for (size_t i = start + 6; i + 5 <= end; i++)
    if (strncasecmp(text + i, "print", 5) == 0 || (i + 3 <= end && strncasecmp(text + i, "all", 3) == 0))
      return true;
  return false;
}

void pk_stylesheet_read(pk_hidden_classes *hidden, const char *text, size_t len) {
  css_cursor css = {text, len, 0};
  size_t depth = 0, skipped_from = 0; /* skipped_from > 0: inside a block not read, from that depth */
  while (skip_blanks_and_comments(&css), css.at < css.len) {
    size_t start, end;
    if (css.text[css.at] == '}') {
      css.at++;
      if (depth) depth--;
      if (skipped_from > depth) skipped_from = 0;
      continue;
    }
    bool at_rule = css.text[css.at] == '@';
    char stop = read_until(&css, at_rule ? "{;}" : "{}", &start, &end);
    if (stop != '{') continue; /* "@import ...;", or a stray '}' taken next round */
    depth++;
    if (at_rule) {
      if (!skipped_from && !prelude_prints(text, start, end)) skipped_from = depth;
      continue;
    }
    size_t decl_start, decl_end;
    char closed = read_until(&css, "}", &decl_start, &decl_end);
    if (closed == '}') depth--;
    if (!skipped_from && declarations_hide(text, decl_start, decl_end))
      add_selectors(hidden, text, start, end);
  }
}

bool pk_stylesheet_hides(const pk_hidden_classes *hidden, const char *classes) {
  for (size_t at = 0; classes[at];) {
    while (classes[at] && pk_is_ascii_space((unsigned char)classes[at])) at++;
    size_t start = at;
    while (classes[at] && !pk_is_ascii_space((unsigned char)classes[at])) at++;
    for (size_t i = 0; at > start && i < hidden->count; i++)
      if (strlen(hidden->names[i]) == at - start && memcmp(hidden->names[i], classes + start, at - start) == 0)
        return true;
  }
  return false;
}
