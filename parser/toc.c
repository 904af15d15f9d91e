/* toc.c: a table of contents -> item titles and first pages.
 *
 * The entries are the toc.entry matches after the toc.start match, in the same line:
 *     1.2 Referat...2 Bilag 1: Referat rådmandsmøde Justering af ...i SOC...6 Bilag 1: ...
 * Entries for attachments (toc.attachment: "Bilag 1:") are listed under their item, and
 * an attachment listed without a page runs straight into the next item's title.  Two
 * facts untangle this: an item's own entry always has a page, and its attachments are
 * numbered from 1 again.  So an entry holds an item when it does not start as an
 * attachment, or when the entry after it starts a fresh count ("Bilag 1:").  Where it
 * starts as an attachment, the item's title begins at the first capitalised word, past
 * the attachment's first word, that a lower-case word follows (Danish titles are written
 * in sentence case) or that ends the entry. */
#include "config.h"

#include "toc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

typedef struct raw_entry {
  size_t start, end; /* the entry's text */
  long page;
  long attachment_number; /* 0 when it does not start as an attachment */
  size_t after_prefix;    /* where the text after "Bilag N:" starts */
} raw_entry;

static const pk_rule *toc_rule(const pk_rules *rules, const char *profile, const char *arg) {
  for (size_t i = 0; i < pk_rules_size(rules); i++) {
    const pk_rule *rule = pk_rules_at(rules, i);
    if (rule && pk_rule_is(rule, "toc") && strcmp(pk_rule_arg(rule), arg) == 0 &&
        pk_rule_in_profile(rule, profile))
      return rule;
  }
  return NULL;
}

void pk_toc_free(pk_toc *toc) {
  for (size_t i = 0; i < toc->count; i++) {
    free(toc->entries[i].number);
    free(toc->entries[i].title);
  }
  free(toc->entries);
  *toc = (pk_toc){0};
}

/* (A string's first two bytes may be read where the first is no NUL.) */
static bool is_upper_start(const char *word) {
  return pk_utf8_starts_capital(word, word[0] ? 2 : 0);
}

static bool is_lower_start(const char *word) {
  unsigned char c = (unsigned char)word[0];
  return (c >= 'a' && c <= 'z') || (c == 0xC3 && (unsigned char)word[1] >= 0x9F);
}

/* A capitalised word, not an acronym: upper case, then a lower-case letter. */
static bool is_capitalised(const char *word) {
  if (!is_upper_start(word)) return false;
  const char *next = word + ((unsigned char)word[0] >= 0x80 ? 2 : 1);
  return is_lower_start(next);
}

/* Where the item title starts in TEXT[from, end), after an attachment's title. */
static size_t title_start(const char *text, size_t from, size_t end) {
  /* Returns FROM when no word qualifies. */
  size_t word = from;
  bool first = true;
  while (word < end) {
    size_t stop = word;
    while (stop < end && text[stop] != ' ') stop++;
    size_t next = stop;
    while (next < end && text[next] == ' ') next++;
    if (!first && is_capitalised(text + word) && (next >= end || is_lower_start(text + next)))
      return word;
    first = false;
    word = next;
  }
  return from;
}

static bool add_entry(pk_toc *toc, char *number, char *title, long page) {
  pk_toc_entry *grown = realloc(toc->entries, (toc->count + 1) * sizeof *grown);
  if (!grown || !title) {
    free(number);
    free(title);
    return false;
  }
  toc->entries = grown;
  grown[toc->count++] = (pk_toc_entry){number, title, page};
  return true;
}

/* Splits off a printed number ("1.2 Referat") with the toc.number rule. */
static bool add_item(pk_toc *toc, pk_matcher *matcher, const pk_rule *number_rule,
                     const char *text, size_t start, size_t end, long page) {
  char *number = NULL;
  pk_trim_span(text, &start, &end);
  if (number_rule && pk_match(matcher, number_rule, text, end, start, true) == PK_MATCH_FOUND) {
    size_t n_start, n_end;
    if (pk_match_group(matcher, "number", &n_start, &n_end))
      number = pk_strndup(text + n_start, n_end - n_start);
    start = pk_match_end(matcher);
  }
  return add_entry(toc, number, pk_collapse_ws(text, start, end), page);
}

static size_t read_entries(const pk_rules *rules, pk_matcher *matcher, const char *profile,
                           const char *text, size_t from, size_t end, raw_entry **out) {
  const pk_rule *entry = toc_rule(rules, profile, "entry");
  const pk_rule *attachment = toc_rule(rules, profile, "attachment");
  raw_entry *entries = NULL;
  size_t count = 0;
  while (entry && from < end &&
         pk_match(matcher, entry, text, end, from, false) == PK_MATCH_FOUND) {
    size_t t_start, t_end, p_start, p_end, next = pk_match_end(matcher);
    if (!pk_match_group(matcher, "text", &t_start, &t_end) ||
        !pk_match_group(matcher, "page", &p_start, &p_end) || next <= from)
      break;
    raw_entry raw = {t_start, t_end, strtol(text + p_start, NULL, 10), 0, t_start};
    pk_trim_span(text, &raw.start, &raw.end);
    if (attachment && pk_match(matcher, attachment, text, raw.end, raw.start, true) == PK_MATCH_FOUND) {
      size_t n_start, n_end;
      raw.attachment_number = pk_match_group(matcher, "number", &n_start, &n_end)
                                  ? strtol(text + n_start, NULL, 10) : 1;
      raw.after_prefix = pk_match_end(matcher);
    }
    raw_entry *grown = realloc(entries, (count + 1) * sizeof *grown);
    if (!grown) break;
    entries = grown;
    entries[count++] = raw;
    from = next;
  }
  *out = entries;
  return count;
}

bool pk_toc_parse(pk_toc *toc, const pk_rules *rules, pk_matcher *matcher,
                  const char *profile, const char *text, size_t len) {
  *toc = (pk_toc){0};
  const pk_rule *start = toc_rule(rules, profile, "start");
  if (!start || pk_match(matcher, start, text, len, 0, false) != PK_MATCH_FOUND) return true;
  size_t from = pk_match_end(matcher);
  const char *nl = memchr(text + from, '\n', len - from);
  size_t end = nl ? (size_t)(nl - text) : len; /* the table stands in one line (page) */
  raw_entry *raw;
  size_t count = read_entries(rules, matcher, profile, text, from, end, &raw);
  const pk_rule *number_rule = toc_rule(rules, profile, "number");
  bool ok = true;
  for (size_t i = 0; ok && i < count; i++) {
    size_t title_at = title_start(text, raw[i].after_prefix, raw[i].end);
    bool fresh_count_next = i + 1 < count && raw[i + 1].attachment_number == 1;
    /* The last entry has no next one to tell: a title after the attachment's decides. */
    bool last_with_title = i + 1 == count && title_at != raw[i].after_prefix;
    if (!raw[i].attachment_number)
      ok = add_item(toc, matcher, number_rule, text, raw[i].start, raw[i].end, raw[i].page);
    else if (fresh_count_next || last_with_title)
      ok = add_item(toc, matcher, number_rule, text, title_at, raw[i].end, raw[i].page);
  }
  free(raw);
  return ok;
}
