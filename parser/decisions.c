/* decisions.c: a decision's outcome, votes and minority notes, and an item's absent and
 * conflicts, read by the rules of rules/decisions.rules (see decisions.h). */
#include "config.h"

#include "decisions.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "explain.h"
#include "ocrwords.h"

const char *const pk_outcome_values[] = {"approved",  "rejected", "recommended", "noted",
                                         "postponed", "referred", "withdrawn",   "amended",
                                         "discussed", "other",    NULL};

enum { OTHER_PHRASE_MAX = 200 }; /* bytes of a first sentence given as "other"'s phrase */

/* Adds RULES' rules with any= words to GROUP while there is a tag for them. */
static void add_worded(pk_word_group *group, const pk_rule **rules, size_t count) {
  for (size_t i = 0; i < count && group->worded_count < PK_WORDED_MAX; i++)
    if (pk_rule_has_words(rules[i])) group->worded[group->worded_count++] = rules[i];
}

static uintptr_t address_of(const pk_rule *rule) { return (uintptr_t)(const void *)rule; }

/* Sorts GROUP's BY_ADDRESS (an insertion sort: a group holds a few dozen rules), so that
 * a rule's list is found in a few steps for each text it is searched in. */
static void sort_by_address(pk_word_group *group) {
  for (size_t k = 0; k < group->worded_count; k++) {
    size_t at = k;
    for (; at > 0 && address_of(group->worded[group->by_address[at - 1]]) >
                          address_of(group->worded[k]);
         at--)
      group->by_address[at] = group->by_address[at - 1];
    group->by_address[at] = k;
  }
}

/* GROUP's word set: the any= words of its rules, WORDED[K]'s tagged K. */
static bool build_words(pk_word_group *group) {
  const char *any[PK_WORDED_MAX];
  for (size_t k = 0; k < group->worded_count; k++)
    any[k] = pk_rule_option(group->worded[k], "any");
  sort_by_address(group);
  return pk_wordset_build(&group->words, any, group->worded_count) &&
         pk_wordset_index_pairs(&group->words);
}

static bool build_groups(pk_decision_rules *set) {
  add_worded(&set->decision_words, set->outcome, set->outcome_count);
  add_worded(&set->decision_words, set->vote, set->vote_count);
  add_worded(&set->decision_words, set->minority, set->minority_count);
  add_worded(&set->presence_words, set->presence, set->presence_count);
  add_worded(&set->start_words, set->start, set->start_count);
  return build_words(&set->decision_words) && build_words(&set->presence_words) &&
         build_words(&set->start_words);
}

bool pk_decision_rules_select(pk_decision_rules *set, const pk_rules *rules, const char *profile) {
  *set = (pk_decision_rules){0};
  set->outcome = pk_rules_select(rules, "outcome", profile, &set->outcome_count);
  set->vote = pk_rules_select(rules, "vote", profile, &set->vote_count);
  set->minority = pk_rules_select(rules, "minority", profile, &set->minority_count);
  set->presence = pk_rules_select(rules, "presence", profile, &set->presence_count);
  set->start = pk_rules_select(rules, "decision-start", profile, &set->start_count);
  if (set->outcome && set->vote && set->minority && set->presence && set->start &&
      build_groups(set))
    return true;
  pk_decision_rules_free(set);
  return false;
}

void pk_decision_rules_free(pk_decision_rules *set) {
  pk_wordset_free(&set->decision_words.words);
  pk_wordset_free(&set->presence_words.words);
  pk_wordset_free(&set->start_words.words);
  free(set->outcome);
  free(set->vote);
  free(set->minority);
  free(set->presence);
  free(set->start);
  *set = (pk_decision_rules){0};
}

static const char *outcome_value(const char *arg) {
  for (size_t i = 0; pk_outcome_values[i]; i++)
    if (strcmp(pk_outcome_values[i], arg) == 0) return pk_outcome_values[i];
  return NULL;
}

/* ---- matches ------------------------------------------------------------------------- */

/* The named groups a reading uses: a vote's counts, its sides' groups and its sides named
 * by members (for_names ...: a side is named, its names are no groups), the rows of a vote's
 * table, the words that say the vote's proposal lost; a note's who. */
enum { G_PHRASE, G_FOR, G_AGAINST, G_ABSTAIN, G_FOR_GROUPS, G_AGAINST_GROUPS, G_ABSTAIN_GROUPS,
       G_WHO, G_FOR_NAMES, G_AGAINST_NAMES, G_ABSTAIN_NAMES, G_ROWS, G_LOST, G_SLOTS,
       G_THEN = G_FOR /* an outcome's adverb ("herefter"), in the slot a vote's count takes */ };

typedef struct hit {
  const pk_rule *rule;
  size_t order; /* the rule's place in its list */
  size_t start, end;
  /* the named groups this reading uses, as spans ((size_t)-1: unset) */
  size_t group_start[G_SLOTS], group_end[G_SLOTS];
} hit;

typedef struct hits {
  hit *items;
  size_t count, cap;
} hits;

/* A text being read: where a word group's words stand in it, found in one pass before any
 * of its rules is searched.  The rules read TEXT, the printed text with OCR's digits for
 * letters read as the letters and a sentence's line ends as spaces (reading_text: a byte
 * for a byte, so a match's offsets hold in both); phrases, notes' texts and absentees'
 * names are copied from PRINTED, a vote's groups and a note's who from TEXT (the party O
 * that OCR read as 0). */
typedef struct reading {
  pk_matcher *matcher;
  const pk_decision_rules *set;
  const pk_word_group *group;
  const char *text;
  size_t len;
  pk_wordhits words;
  const char *printed;
  char *mended; /* TEXT where it differs from PRINTED (owned), else NULL */
} reading;

enum { WRAPPED_LINE_MIN = 30 }; /* bytes of a line the writer's width broke, not a cell's */

/* Whether BYTE, after 0xC3 in UTF-8, is æ, ø, å or é (SMALL) or Æ, Ø, Å or É. */
static bool danish_second_byte(unsigned char byte, bool small) {
  return small ? byte == 0xA6 || byte == 0xB8 || byte == 0xA5 || byte == 0xA9
               : byte == 0x86 || byte == 0x98 || byte == 0x85 || byte == 0x89;
}

/* The bytes of the letter that ends at TEXT[END] (a-z, æ ø å é; with CAPITALS, A-Z and Æ Ø Å
 * É too), else 0. */
static size_t letter_before(const char *text, size_t end, bool capitals) {
  unsigned char last = end ? (unsigned char)text[end - 1] : 0;
  if ((last >= 'a' && last <= 'z') || (capitals && last >= 'A' && last <= 'Z')) return 1;
  if (end >= 2 && (unsigned char)text[end - 2] == 0xC3 &&
      (danish_second_byte(last, true) || (capitals && danish_second_byte(last, false))))
    return 2;
  return 0;
}

/* Whether TEXT[AT, LEN) opens with a letter in small letters (a-z, æ ø å é). */
static bool small_letter_at(const char *text, size_t len, size_t at) {
  unsigned char first = (unsigned char)text[at];
  return (first >= 'a' && first <= 'z') ||
         (first == 0xC3 && at + 1 < len && danish_second_byte((unsigned char)text[at + 1], true));
}

/* Whether the line ending at TEXT[END] (blanks trimmed) is a long line whose last word is in
 * small letters ("... godkendt med 14 stemmer mod" / "11. For stemte ...", "... Et mindretal"
 * / "(V) anbefaler"): a sentence the width broke before a number or a bracket, not a table's
 * cell or a heading over a numbered list.  The
 * line's length is counted from its first character, its indent left out. */
static bool wrapped_before_number(const char *text, size_t end) {
  size_t word = end;
  for (size_t n; (n = letter_before(text, word, false)) > 0;) word -= n;
  size_t start = word;
  while (start > 0 && text[start - 1] != '\n') start--;
  while (start < word && (text[start] == ' ' || text[start] == '\t')) start++;
  return word < end && (word == 0 || text[word - 1] == ' ') && end - start >= WRAPPED_LINE_MIN;
}

/* Whether TEXT[AT], a line end, breaks a sentence: the line before it ends in a letter, a
 * digit, a comma, a bracket or a word's hyphen (no stop, colon, dash or quote) and the next
 * opens with a word in small letters ("... godkendte indstillingen. C og D" / "stemte
 * imod.", a text wrapped at a width no reflow learnt), or a long line's last word in small
 * letters stands over a number or a bracket (wrapped_before_number: "... Et mindretal" /
 * "(V) anbefaler, at ...").  A line in capitals, a label's
 * value, a table's cell opens with a capital or a digit. */
static bool soft_line_end(const char *text, size_t len, size_t at) {
  size_t before = at;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' || text[before - 1] == '\r'))
    before--;
  if (before == 0) return false;
  unsigned char last = (unsigned char)text[before - 1];
  /* a word hyphenated at the line end goes on too ("kommunal-" / "bestyrelsen") */
  bool hyphenated = last == '-' && letter_before(text, before - 1, true) > 0;
  if (!(letter_before(text, before, true) || (last >= '0' && last <= '9') || last == ',' ||
        last == ')' || hyphenated))
    return false;
  size_t next = at + 1;
  while (next < len && (text[next] == ' ' || text[next] == '\t')) next++;
  if (next >= len) return false;
  if ((text[next] >= '0' && text[next] <= '9') || text[next] == '(')
    return wrapped_before_number(text, before);
  return small_letter_at(text, len, next);
}

/* The text the rules read: TEXT[0, LEN) with OCR's digits for letters read as the letters
 * (pk_ocr_digits_as_letters) and a line end inside a sentence read as a space
 * (soft_line_end), a byte for a byte; NULL where it reads as printed, or, setting *FAILED,
 * out of memory. */
static char *reading_text(const char *text, size_t len, bool *failed) {
  char *read = pk_ocr_digits_as_letters(text, len, failed);
  if (*failed) return NULL;
  for (const char *nl = memchr(text, '\n', len); nl; nl = memchr(nl + 1, '\n', len - (size_t)(nl + 1 - text))) {
    size_t at = (size_t)(nl - text);
    if (!soft_line_end(text, len, at)) continue;
    if (!read) {
      read = malloc(len + 1);
      if (!read) return *failed = true, NULL;
      memcpy(read, text, len);
      read[len] = '\0';
    }
    read[at] = ' ';
  }
  return read;
}

/* Opens a reading of TEXT[0, len) with GROUP's words found in it from FROM on.  False
 * when out of memory. */
static bool reading_open_from(reading *r, pk_matcher *matcher, const pk_decision_rules *set,
                              const pk_word_group *group, const char *text, size_t from,
                              size_t len) {
  bool failed = false;
  char *mended = reading_text(text, len, &failed);
  *r = (reading){matcher, set, group, mended ? mended : text, len, {0}, text, mended};
  return !failed && pk_wordset_scan(&group->words, r->text, len, from, &r->words);
}

static bool reading_open(reading *r, pk_matcher *matcher, const pk_decision_rules *set,
                         const pk_word_group *group, const char *text) {
  return reading_open_from(r, matcher, set, group, text, 0, strlen(text));
}

static void reading_close(reading *r) {
  pk_wordhits_free(&r->words);
  free(r->mended);
  r->mended = NULL;
}

/* RULE's list in GROUP's word set; PK_WORDED_MAX when it has none there. */
static size_t word_list(const pk_word_group *group, const pk_rule *rule) {
  size_t low = 0, high = group ? group->worded_count : 0;
  while (low < high) {
    size_t mid = low + (high - low) / 2, k = group->by_address[mid];
    if (group->worded[k] == rule) return k;
    if (address_of(group->worded[k]) < address_of(rule)) low = mid + 1;
    else high = mid;
  }
  return PK_WORDED_MAX;
}

/* minority's text and presence's names take the slots of for and against. */
enum { G_TEXT = G_FOR, G_NAMES = G_AGAINST };

static size_t next_char(const char *text, size_t len, size_t at) {
  at++;
  while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}


/* Every match of RULE in TEXT[0, len) from BASE on (positions in TEXT + BASE's terms),
 * starting at LAST_START or before ((size_t)-1: anywhere), added to OUT with the groups
 * named in NAMES. */
static bool collect_in(pk_matcher *matcher, const pk_rule *rule, size_t order, const char *text,
                       size_t len, size_t base, size_t last_start,
                       const char *const names[G_SLOTS], hits *out) {
  for (size_t from = 0; from <= len && from <= last_start;) {
    if (!pk_rule_may_hold_after(rule, text, len, from) ||
        pk_match_starting_by(matcher, rule, text, len, from, last_start) != PK_MATCH_FOUND)
      break;
    hit h = {rule, order, base + pk_match_start(matcher), base + pk_match_end(matcher), {0}, {0}};
    for (size_t g = 0; g < G_SLOTS; g++) {
      h.group_start[g] = h.group_end[g] = (size_t)-1;
      if (names[g] && pk_match_group(matcher, names[g], &h.group_start[g], &h.group_end[g])) {
        if (h.group_end[g] < h.group_start[g]) h.group_start[g] = h.group_end[g] = (size_t)-1;
        else h.group_start[g] += base, h.group_end[g] += base;
      }
    }
    if (h.end > h.start) {
      if (!pk_reserve((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items))
        return false;
      out->items[out->count++] = h;
    }
    size_t end = h.end - base;
    from = end > from ? end : next_char(text, len, from);
  }
  return true;
}

/* A rule with any=WORDS matches where one of its words stands, and a match reaches at most
 * NEAR_BYTES before and after it (a list of names, the rest of a sentence): the rule is
 * searched in those spans of TEXT only, not through a long item from every capital letter
 * (a name-first pattern).  A rule whose matches stay inside a line (pk_rule_line_bound) is
 * searched in the word's line only, within the same reach.  Words within reach of each
 * other share one span. */
enum { NEAR_BYTES = 512 };

/* Where a rule's words next stand, kept between calls: a search from FROM on found the
 * first at FOUND, which stays the answer for any place in [FROM, FOUND]. */
typedef struct word_cursor {
  const reading *r;
  const pk_rule *rule;
  size_t list; /* the rule's list in the set's words (PK_WORDED_MAX: it looks for its own) */
  size_t from, found;
  bool searched;
} word_cursor;

static size_t word_cursor_next(word_cursor *cursor, size_t from) {
  if (cursor->searched && cursor->from <= from && from <= cursor->found) return cursor->found;
  const reading *r = cursor->r;
  cursor->searched = true;
  cursor->from = from;
  cursor->found = cursor->list < PK_WORDED_MAX
                      ? pk_wordhits_next(&r->words, cursor->list, from, r->len)
                      : pk_rule_next_word(cursor->rule, r->text, r->len, from);
  return cursor->found;
}

/* The span searched for a match around the word at WORD: its reach, cut to its line (with
 * the newlines around it, which a line-bound pattern may look at) when LINE. */
static void word_span(const char *text, size_t len, size_t word, bool line, size_t *start,
                      size_t *end) {
  *start = word > NEAR_BYTES ? word - NEAR_BYTES : 0;
  *end = word + NEAR_BYTES < len ? word + NEAR_BYTES : len;
  if (!line) return;
  size_t line_start = word;
  while (line_start > *start && text[line_start - 1] != '\n') line_start--;
  if (line_start > *start) *start = line_start - 1; /* the newline before the line */
  const char *newline = memchr(text + word, '\n', *end - word);
  if (newline) *end = (size_t)(newline - text) + 1;
}

/* Every match of RULE in R's text, added to OUT with the groups named in NAMES. */
static bool collect(const reading *r, const pk_rule *rule, size_t order,
                    const char *const names[G_SLOTS], hits *out) {
  const char *text = r->text;
  size_t len = r->len;
  if (!pk_rule_has_words(rule))
    return collect_in(r->matcher, rule, order, text, len, 0, (size_t)-1, names, out);
  bool line = pk_rule_line_bound(rule);
  word_cursor cursor = {r, rule, word_list(r->group, rule), 0, 0, false};
  /* Where the spans before tried their last start: a span from there on may reach back
   * into the last one, for a match starting after its last word and holding the next. */
  size_t tried = 0;
  for (size_t word = word_cursor_next(&cursor, 0); word < len;) {
    size_t start, end, next_start, next_end;
    word_span(text, len, word, line, &start, &end);
    if (start < tried) start = tried;
    /* A word within reach of the last one runs the span on to its own reach (for a
     * line-bound rule, also only while its line's span meets this one). */
    size_t last = word; /* the span's last word: every match holding one starts by it */
    for (size_t next = word_cursor_next(&cursor, word + 1); next < len;
         last = next, next = word_cursor_next(&cursor, next + 1)) {
      word_span(text, len, next, line, &next_start, &next_end);
      if (next > last + NEAR_BYTES || (line && next_start > end)) break;
      end = next_end;
    }
    /* whole characters */
    while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80) start--;
    while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80) end++;
    if (!collect_in(r->matcher, rule, order, text + start, end - start, start, last - start,
                    names, out))
      return false;
    tried = next_char(text, len, last);
    word = word_cursor_next(&cursor, end);
  }
  return true;
}

static bool has_group(const hit *h, int g) { return h->group_start[g] != (size_t)-1; }

/* Sorted by start, the longer first, then by rule order. */
static int by_start(const void *a, const void *b) {
  const hit *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Keeps, in text order, the matches that overlap no match kept before them. */
static void drop_overlaps(hits *list) {
  if (list->count < 2) return; /* nothing to sort (and qsort takes no NULL array) */
  qsort(list->items, list->count, sizeof *list->items, by_start);
  size_t kept = 0, reach = 0;
  for (size_t i = 0; i < list->count; i++) {
    if (kept && list->items[i].start < reach) continue;
    list->items[kept++] = list->items[i];
    reach = list->items[i].end;
  }
  list->count = kept;
}

/* ---- sentences --------------------------------------------------------------------------- */

static bool starts_sentence(const char *text, size_t len, size_t at) {
  if (at >= len) return true;
  unsigned char c = (unsigned char)text[at];
  if (isupper(c) || isdigit(c) || c == '"' || c == '(') return true;
  /* Æ, Ø, Å and the other capitals of Latin-1 in UTF-8 */
  return c == 0xC3 && at + 1 < len && (unsigned char)text[at + 1] >= 0x80 &&
         (unsigned char)text[at + 1] < 0x9F;
}

/* Whether the full stop before AT ends an abbreviation ("kl.", "nr.", "jf.") or a number
 * that starts its line ("1. Formand ..."): no sentence ends there. */
static bool abbreviation_before(const char *text, size_t at) {
  static const char *const WORDS[] = {"kl", "nr", "pkt", "jf", "ca", "evt", "inkl", "ekskl", "stk",
                                      "vedr", "bl.a", "mht", "dvs", "f.eks", "pga", "ang", "mv",
                                      "m.v", "etc", "tlf", "ad", "afd", "att"};
  size_t end = at - 1, start = end;
  while (start > 0 && (isalpha((unsigned char)text[start - 1]) || text[start - 1] == '.')) start--;
  for (size_t w = 0; w < sizeof WORDS / sizeof *WORDS; w++)
    if (end - start == strlen(WORDS[w]) && strncasecmp(text + start, WORDS[w], end - start) == 0)
      return true;
  if (start == end) { /* digits: a number alone at its line's start */
    while (start > 0 && isdigit((unsigned char)text[start - 1])) start--;
    while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) start--;
    return start < end && (start == 0 || text[start - 1] == '\n');
  }
  return false;
}

/* Whether a sentence ends at AT (just after its full stop, question or exclamation mark). */
static bool sentence_ends_at(const char *text, size_t len, size_t at) {
  if (at == 0 || !strchr(".!?", text[at - 1])) return false;
  if (text[at - 1] == '.' && abbreviation_before(text, at)) return false;
  if (at >= len) return true;
  if (text[at] != ' ' && text[at] != '\t' && text[at] != '\n') return false;
  size_t next = at;
  while (next < len && (text[next] == ' ' || text[next] == '\t')) next++;
  return next >= len || text[next] == '\n' || starts_sentence(text, len, next);
}

static size_t sentence_start(const char *text, size_t at) {
  size_t len = strlen(text);
  while (at > 0 && text[at - 1] != '\n') {
    size_t before = at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) before--;
    if (before < at && sentence_ends_at(text, len, before)) break;
    at--;
  }
  while (text[at] == ' ' || text[at] == '\t') at++;
  return at;
}

static size_t sentence_end(const char *text, size_t len, size_t at) {
  while (at < len && text[at] != '\n') {
    at++;
    if (sentence_ends_at(text, len, at)) break;
  }
  return at;
}

/* TEXT[start, end) with white space collapsed and a trailing comma or colon dropped. */
static char *phrase_of(const char *text, size_t start, size_t end) {
  pk_trim_span(text, &start, &end);
  while (end > start && strchr(",:;", text[end - 1])) end--;
  return pk_collapse_ws(text, start, end);
}

/* ---- outcome ------------------------------------------------------------------------------ */

static bool inside(const hits *spans, size_t at) {
  for (size_t i = 0; i < spans->count; i++)
    if (spans->items[i].start <= at && at < spans->items[i].end) return true;
  return false;
}

/* An outcome hit's weight: its rule's, one more where it says what came of it all. */
static long outcome_weight(const hit *h) {
  return pk_rule_weight(h->rule) + has_group(h, G_THEN);
}

/* The heaviest outcome hit of FOUND, first in the text among equals, not inside another's
 * match; outside the spans of SKIP, HELD (NULL: none) and FALLEN, or (AS_FALLEN) a
 * rejection inside FALLEN's.  A hit whose group then is set ("Sagen blev herefter udsat")
 * weighs one more; of two hits over the same words, the lighter is the one dropped. */
static const hit *best_outcome(const hits *found, const hits *skip, const hits *held,
                               const hits *fallen, bool as_fallen) {
  const hit *best = NULL;
  long best_weight = 0;
  for (size_t i = 0; i < found->count; i++) {
    const hit *h = &found->items[i];
    if (inside(skip, h->start) || (held && inside(held, h->start))) continue;
    if (inside(fallen, h->start) != as_fallen ||
        (as_fallen && strcmp(pk_rule_arg(h->rule), "rejected") != 0))
      continue;
    bool contained = false;
    for (size_t k = 0; k < found->count && !contained; k++) {
      const hit *o = &found->items[k];
      contained = k != i && o->start <= h->start && h->end <= o->end &&
                  (o->end - o->start > h->end - h->start ||
                   outcome_weight(o) > outcome_weight(h) ||
                   (outcome_weight(o) == outcome_weight(h) && k < i));
    }
    if (contained) continue;
    long weight = outcome_weight(h);
    if (!best || weight > best_weight ||
        (weight == best_weight && (h->start < best->start ||
                                   (h->start == best->start && h->order < best->order)))) {
      best = h;
      best_weight = weight;
    }
  }
  return best;
}

/* The presence rules' matches in R's text, overlaps dropped, added to FOUND. */
static bool collect_presence(const reading *r, hits *found) {
  static const char *const NAME_GROUPS[G_SLOTS] = {NULL, NULL, "names"};
  bool ok = true;
  for (size_t i = 0; ok && i < r->set->presence_count; i++)
    ok = collect(r, r->set->presence[i], i, NAME_GROUPS, found);
  if (ok) drop_overlaps(found);
  return ok;
}

static bool starts_between(const hits *spans, size_t from, size_t to) {
  for (size_t i = 0; i < spans->count; i++)
    if (from <= spans->items[i].start && spans->items[i].start < to) return true;
  return false;
}

/* Bytes of a field's label: one word, the longest labels of presence fields fit. */
enum { FIELD_LABEL_MAX = 24 };

/* Whether TEXT[AT, STOP) is a field's line, a capitalised label, its colon and a single word
 * ("Fraværende: Ingen", "Inhabil: -"): no sentence that decides. */
static bool field_line(const char *text, size_t at, size_t stop) {
  size_t colon = at;
  while (colon < stop && colon - at <= FIELD_LABEL_MAX && text[colon] != ':' && text[colon] != ' ')
    colon++;
  if (colon == at || colon >= stop || text[colon] != ':' || !pk_utf8_starts_capital(text + at, colon - at))
    return false;
  size_t value = colon + 1;
  while (value < stop && text[value] == ' ') value++;
  size_t end = value;
  while (end < stop && text[end] != ' ' && text[end] != '\n') end++;
  while (end < stop && (text[end] == ' ' || text[end] == '.')) end++;
  return end >= stop;
}

/* The span of R's text's first sentence that tells no one's presence and is no field's line
 * (field_line), else of its first. */
static bool first_sentence_of_decision(const reading *r, size_t *start, size_t *end) {
  const char *text = r->text;
  size_t len = r->len;
  hits presence = {0};
  bool ok = collect_presence(r, &presence);
  size_t first = 0;
  while (first < len && isspace((unsigned char)text[first])) first++;
  *start = first;
  *end = sentence_end(text, len, first);
  for (size_t at = first; ok && at < len;) {
    size_t stop = sentence_end(text, len, at);
    if (!starts_between(&presence, at, stop) && !field_line(text, at, stop)) {
      *start = at, *end = stop;
      break;
    }
    for (at = stop; at < len && isspace((unsigned char)text[at]);) at++;
  }
  free(presence.items);
  return ok;
}

/* The first of ADOPTED's amendments told before AT outside SKIP's spans, or NULL. */
static const hit *adopted_before(const hits *adopted, const hits *skip, size_t at) {
  const hit *first = NULL;
  for (size_t i = 0; i < adopted->count; i++) {
    const hit *h = &adopted->items[i];
    if (h->end <= at && !inside(skip, h->start) && (!first || h->start < first->start)) first = h;
  }
  return first;
}

static bool read_outcome(const reading *r, pk_section *section, const pk_decision_trace *trace) {
  const pk_decision_rules *set = r->set;
  const char *text = r->text;
  static const char *const PHRASE_THEN[G_SLOTS] = {[G_PHRASE] = "phrase", [G_THEN] = "then"};
  static const char *const NONE[G_SLOTS] = {0};
  hits skip = {0}, fallen = {0}, adopted = {0}, found = {0};
  bool ok = true;
  for (size_t i = 0; ok && i < set->outcome_count; i++) {
    const pk_rule *rule = set->outcome[i];
    const char *arg = pk_rule_arg(rule);
    hits *into = strcmp(arg, "skip") == 0      ? &skip
                 : strcmp(arg, "fallen") == 0  ? &fallen
                 : strcmp(arg, "adopted") == 0 ? &adopted
                                               : &found;
    ok = collect(r, rule, i, into == &found ? PHRASE_THEN : NONE, into);
  }
  /* A phrase inside another's match, or inside text that says no outcome, is not read;
   * but a proposal that fell (outcome.fallen) is the decision's outcome where nothing else
   * is read ("Enhedslistens forslag blev forkastet." on a member's proposal), and an
   * amendment's adoption is where nothing outside it is ("Ændringsforslaget blev vedtaget.
   * Forslaget oversendes herefter til ..." was referred).  An approval after an adopted
   * amendment passed the proposal as changed: amended, said by the amendment's words
   * ("Ændringsforslaget blev vedtaget. Indstillingen blev herefter godkendt."). */
  const hit *best = NULL;
  for (int pass = 0; ok && !best && pass < 4; pass++)
    best = best_outcome(&found, &skip, pass % 2 == 0 ? &adopted : NULL, &fallen, pass >= 2);
  const hit *change = best && strcmp(pk_rule_arg(best->rule), "approved") == 0
                          ? adopted_before(&adopted, &skip, best->start)
                          : NULL;
  if (change) best = change;
  if (ok && best) {
    section->outcome = outcome_value(change ? "amended" : pk_rule_arg(best->rule));
    size_t from = has_group(best, G_PHRASE) ? best->group_start[G_PHRASE] : best->start;
    size_t to = has_group(best, G_PHRASE) ? best->group_end[G_PHRASE] : best->end;
    section->outcome_phrase = phrase_of(r->printed, from, to);
    ok = section->outcome_phrase != NULL;
    if (trace->explain) {
      char what[96];
      snprintf(what, sizeof what, "item %s decision outcome %s", trace->item ? trace->item : "?",
               section->outcome);
      pk_explain_match(trace->explain, best->rule, what, trace->page, -1, text, best->start,
                       best->end);
    }
  } else if (ok) {
    /* Nothing reads it: "other", with the first sentence as printed that tells no one's
     * presence ("Pia Holm (B) erklærede sig inhabil ..." before "Kommissionen valgte ..."). */
    size_t start = 0, end = 0;
    ok = first_sentence_of_decision(r, &start, &end);
    end = start + pk_utf8_prefix(text + start, end - start, OTHER_PHRASE_MAX);
    section->outcome = "other";
    section->outcome_phrase = ok ? phrase_of(r->printed, start, end) : NULL;
    ok = section->outcome_phrase != NULL;
    if (trace->explain)
      pk_explain_note(trace->explain,
                      "item %s decision outcome other: no outcome rule reads \"%s\"",
                      trace->item ? trace->item : "?", ok ? section->outcome_phrase : "");
  }
  free(skip.items);
  free(fallen.items);
  free(adopted.items);
  free(found.items);
  return ok;
}

/* ---- lists of names ------------------------------------------------------------------------ */

/* TEXT[S, E), an entry after a comma after one that ended in its bracket ("Mette Juul
 * (A)"), is that member's place when it is one capitalised word ("Aalborg"). */
static bool is_place(const char *text, size_t s, size_t e) {
  if (e <= s || !pk_utf8_starts_capital(text + s, e - s)) return false;
  for (size_t i = s; i < e; i++)
    if (text[i] == ' ' || text[i] == '(') return false;
  return true;
}

/* TEXT[S, E) without a count in brackets after a group's name ("V (8)": "V"). */
static size_t without_count(const char *text, size_t s, size_t e) {
  if (e - s < 4 || text[e - 1] != ')') return e;
  size_t open = e - 1;
  while (open > s && text[open - 1] >= '0' && text[open - 1] <= '9') open--;
  if (open == e - 1 || open == s || text[open - 1] != '(') return e;
  open--;
  while (open > s && text[open - 1] == ' ') open--;
  return open > s ? open : e;
}

/* The entry of a list that starts at AT, before END: its span trimmed [*S, *E), where the
 * next starts (*NEXT), and the separator after it (*SEP: ',', '+', ..., 'o' for "og" or
 * "samt", '\0' at the end).  A separator inside brackets parts nothing. */
static void next_entry(const char *text, size_t at, size_t end, size_t *s, size_t *e,
                       size_t *next, char *sep) {
  size_t stop = end;
  *next = end, *sep = '\0';
  int depth = 0;
  for (size_t i = at; i < end; i++) {
    char c = text[i];
    if (c == '(') depth++;
    if (c == ')' && depth) depth--;
    if (depth) continue;
    if (c == ',' || c == '+' || c == '/' || c == '&' || c == ';' || c == '\n') {
      stop = i, *next = i + 1, *sep = c;
      break;
    }
    if (c == ' ' && (strncmp(text + i, " og ", 4) == 0 || strncmp(text + i, " samt ", 6) == 0) &&
        i + 4 <= end) {
      stop = i, *next = i + (text[i + 1] == 'o' ? 4 : 6), *sep = 'o';
      break;
    }
  }
  *s = at, *e = stop;
  pk_trim_span(text, s, e);
  while (*e > *s && strchr(".:", text[*e - 1])) (*e)--;
}

static bool split_list(const char *text, size_t start, size_t end, bool persons,
                       pk_strings *out);

/* Where the letters in brackets after a party's name open in TEXT[S, E) (the '(' of
 * "Socialdemokraterne (A)", "Folkeparti (V, C)"), or E where the entry ends in no such
 * bracket (a count, "(8)", is none). */
static size_t letters_bracket(const char *text, size_t s, size_t e) {
  if (e - s < 4 || text[e - 1] != ')') return e;
  size_t open = e - 1;
  while (open > s && text[open - 1] != '(') {
    if (isdigit((unsigned char)text[open - 1])) return e;
    open--;
  }
  return open > s + 1 ? open - 1 : e;
}

static bool add_once(pk_strings *out, char *name) {
  if (!name) return false;
  for (size_t i = 0; i < out->count; i++)
    if (strcmp(out->values[i], name) == 0) {
      free(name);
      return true;
    }
  return pk_strings_add(out, name);
}

/* A list's entries since the last that carried its letters: the first's place in OUT and
 * how many were read (all of them added where OUT holds as many after FIRST). */
typedef struct name_run {
  size_t first, read;
} name_run;

/* The entry TEXT[S, E) whose letters open at OPEN: its letters stand for it ("(A)"), or for
 * it and the names of RUN before it where they are as many ("Venstre og Det Konservative
 * Folkeparti (V, C)"); else its name stands without them. */
static bool add_lettered(const char *text, size_t s, size_t open, size_t e, name_run *run,
                         pk_strings *out) {
  pk_strings letters = {0};
  bool ok = split_list(text, open + 1, e - 1, false, &letters);
  bool for_run = letters.count > 1;
  bool fits = letters.count == 1 || (for_run && letters.count == run->read + 1 &&
                                     out->count == run->first + run->read);
  if (ok && !fits) {
    size_t name_end = open;
    while (name_end > s && text[name_end - 1] == ' ') name_end--;
    ok = add_once(out, pk_collapse_ws(text, s, name_end));
  } else if (ok) {
    if (for_run)
      while (out->count > run->first) free(out->values[--out->count]);
    for (size_t i = 0; ok && i < letters.count; i++) {
      ok = add_once(out, letters.values[i]);
      letters.values[i] = NULL;
    }
  }
  pk_strings_free(&letters);
  *run = (name_run){out->count, 0};
  return ok;
}

/* Where the name in TEXT[S, E), a list's entry of a person, starts: past the words in small
 * letters of an office before it ("rådmand Inge Thorsen (A)"; the rules' dec_office). */
static size_t past_office(const char *text, size_t s, size_t e) {
  size_t at = s;
  while (at < e && small_letter_at(text, e, at)) {
    const char *space = memchr(text + at, ' ', e - at);
    if (!space) return s;
    at = (size_t)(space - text) + 1;
  }
  return at < e ? at : s;
}

/* Splits a list as printed ("A, C, O og V", "V+A+C+N", "Hans Jensen (V) og Eva Holm") into
 * its entries, added to OUT in order, each once.  In a list of PERSONS a member's place
 * after a comma stays with the name before it ("Mette Juul (A), Aalborg") and an office
 * before it goes; a group's count goes ("V (8)": "V") and its letters stand for its name
 * ("Socialdemokraterne (A)": "A"). */
static bool split_list(const char *text, size_t start, size_t end, bool persons,
                       pk_strings *out) {
  size_t at = start;
  name_run run = {out->count, 0};
  while (at < end) {
    size_t s, e, next;
    char sep;
    next_entry(text, at, end, &s, &e, &next, &sep);
    if (!persons) e = without_count(text, s, e);
    if (persons) s = past_office(text, s, e);
    if (persons && e > s && text[e - 1] == ')' && sep == ',') {
      size_t place_s, place_e, after;
      char place_sep;
      next_entry(text, next, end, &place_s, &place_e, &after, &place_sep);
      if (is_place(text, place_s, place_e)) e = place_e, next = after;
    }
    size_t open = persons ? e : letters_bracket(text, s, e);
    if (open < e) {
      if (!add_lettered(text, s, open, e, &run, out)) return false;
    } else if (e > s) {
      if (!add_once(out, pk_collapse_ws(text, s, e))) return false;
      run.read++;
    }
    at = next;
  }
  return true;
}

/* ---- votes ---------------------------------------------------------------------------------- */

/* A digit's value, or the digit OCR read as a letter (l or I for 1, O for 0: the rules'
 * dec_number reads such a count only beside a digit); -1 for any other character. */
static int ocr_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return c == 'l' || c == 'I' ? 1 : c == 'O' ? 0 : -1;
}

/* Whether TEXT[start, end) is all digits and OCR's letters for them, a digit among them
 * ("l8"; not "Ingen"). */
static bool is_ocr_number(const char *text, size_t start, size_t end) {
  bool digit = false;
  for (size_t i = start; i < end; i++) {
    if (ocr_digit(text[i]) < 0) return false;
    digit = digit || isdigit((unsigned char)text[i]);
  }
  return digit;
}

/* The value of a number word of a council's size in TEXT[0, LEN): "ingen", "en" to "nitten",
 * the tens to "halvtreds" and their compounds ("otteogtyve"); -1 where it is none.  The
 * rules' words dec_count_word find the same words. */
static long number_word(const char *text, size_t len) {
  static const char *const SMALL[] = {"ingen", "en",     "to",     "tre",     "fire",
                                      "fem",   "seks",   "syv",    "otte",    "ni",
                                      "ti",    "elleve", "tolv",   "tretten", "fjorten",
                                      "femten", "seksten", "sytten", "atten", "nitten"};
  static const char *const TENS[] = {"tyve", "tredive", "fyrre", "halvtreds"};
  for (size_t w = 0; w < sizeof SMALL / sizeof *SMALL; w++)
    if (len == strlen(SMALL[w]) && strncasecmp(text, SMALL[w], len) == 0) return (long)w;
  if ((len == 2 && strncasecmp(text, "et", 2) == 0) ||
      (len == 3 && (memcmp(text, "\xC3\xA9", 2) == 0 || memcmp(text, "\xC3\x89", 2) == 0) &&
       (tolower((unsigned char)text[2]) == 't' || tolower((unsigned char)text[2]) == 'n')))
    return 1; /* et, ét, én */
  for (size_t t = 0; t < sizeof TENS / sizeof *TENS; t++) {
    size_t tens_len = strlen(TENS[t]);
    if (len < tens_len || strncasecmp(text + len - tens_len, TENS[t], tens_len) != 0) continue;
    if (len == tens_len) return 20 + 10 * (long)t;
    /* "otteogtyve": a unit, "og", the tens */
    if (len < tens_len + 3 || strncasecmp(text + len - tens_len - 2, "og", 2) != 0) return -1;
    long unit = number_word(text, len - tens_len - 2);
    return unit >= 1 && unit <= 9 ? 20 + 10 * (long)t + unit : -1;
  }
  return -1;
}

/* A count as printed: digits (OCR's letters for them too) or a number word; -1 where it is
 * neither. */
static long count_of(const char *text, size_t start, size_t end) {
  pk_trim_span(text, &start, &end);
  if (start == end) return -1;
  if (isdigit((unsigned char)text[start]) || is_ocr_number(text, start, end)) {
    long value = 0;
    for (size_t i = start; i < end && ocr_digit(text[i]) >= 0; i++)
      value = value * 10 + ocr_digit(text[i]);
    return value < 100000 ? value : -1;
  }
  return number_word(text + start, end - start);
}

typedef struct side_fill {
  bool count, groups;
} side_fill;

/* Whether the part H starts a vote of its own after the parts that filled FILL (and VOTE).
 * A part that gives a side's groups the vote already has, or a count other than the one it
 * has, starts another vote.  A part that repeats a side's count and adds what the vote lacks
 * tells the same vote again in more detail ("Vedtaget med 18 stemmer mod 11. For stemte A og
 * F (18)."); one that only repeats counts sums up a vote its lists told ("For stemte A og F
 * (18). Imod stemte V (11). Vedtaget med 18 stemmer mod 11."), else it is a second vote with
 * the same result (two points voted alike). */
static bool starts_another_vote(const hit *h, const side_fill fill[3], const pk_vote *vote,
                                const char *text, bool against_told) {
  const long counts[3] = {vote->for_count, vote->against_count, vote->abstain_count};
  /* A unanimous vote is whole: a count in a sentence after it, where that sentence or the
   * next tells members against (AGAINST_TOLD, of a part in a sentence of its own), is another
   * vote's ("Ad 2: Enstemmigt
   * godkendt. Ad 3: Godkendt med 25 stemmer mod 4."); its own tally ("For: 27 Imod: 0"),
   * abstainers, or a side named after it ("Et enigt udvalg minus O anbefaler ... O stemte
   * imod ...") tell the same vote. */
  bool told = false;
  for (int side = 0; side < 3; side++) told = told || fill[side].count || fill[side].groups;
  if (!told && against_told) return true;
  bool adds = true; /* a part that names no side ("Enstemmigt") ... */
  for (int g = G_FOR; g < G_SLOTS && adds; g++) adds = g == G_WHO || !has_group(h, g);
  /* ... is a vote of its own in a sentence of its own (see counted_beside) after one that
   * had someone against or abstaining: an amendment's, then the proposal's ("... forkastet
   * med 2 stemmer mod 5. Indstillingen blev derefter godkendt enstemmigt."); after one
   * with no one against it sums that one up ("Imod stemte ingen. ... enstemmigt vedtaget") */
  if (adds)
    return vote->against_count > 0 || vote->abstain_count > 0 || vote->against_groups.count ||
           vote->abstain_groups.count;
  for (int side = 0; side < 3; side++) {
    bool names = has_group(h, G_FOR_GROUPS + side) || has_group(h, G_FOR_NAMES + side) ||
                 has_group(h, G_ROWS);
    if (names && fill[side].groups) return true;
    if (has_group(h, G_FOR + side) && fill[side].count &&
        count_of(text, h->group_start[G_FOR + side], h->group_end[G_FOR + side]) != counts[side])
      return true;
    adds = adds || (names && !fill[side].groups) ||
           (has_group(h, G_FOR + side) && !fill[side].count);
  }
  bool listed = fill[0].groups || fill[1].groups || fill[2].groups;
  return !adds && !listed;
}

static bool add_vote(pk_section *section) {
  pk_vote *votes = realloc(section->votes, (section->vote_count + 1) * sizeof *votes);
  if (!votes) return false;
  section->votes = votes;
  votes[section->vote_count++] = (pk_vote){-1, -1, -1, {0}, {0}, {0}, NULL};
  return true;
}

/* The rows of a vote's table, a group and its counts for, against and abstaining (cells
 * apart by white space or "|", one a line where a table is flattened): "A 11 0 0", "Slesvigsk
 * Parti 1 0 0".  A group goes to each side it gave a vote; the sides' counts are the rows'
 * sums where the table prints no total (the rule's for, against and abstain). */
/* Past the blanks and bars between a table's cells. */
static size_t next_cell(const char *text, size_t at, size_t end) {
  while (at < end && (isspace((unsigned char)text[at]) || text[at] == '|')) at++;
  return at;
}

static bool parts_cells(char c) { return isspace((unsigned char)c) || c == '|'; }

/* The length of the cell at AT if it holds "-" or "–" (a table's none), else 0. */
static size_t dash_cell(const char *text, size_t at, size_t end) {
  static const char EN_DASH[] = "\xE2\x80\x93";
  size_t len = 0;
  if (text[at] == '-') len = 1;
  else if (end - at >= 3 && memcmp(text + at, EN_DASH, 3) == 0) len = 3;
  if (!len || (at > 0 && !parts_cells(text[at - 1]))) return 0;
  return at + len == end || parts_cells(text[at + len]) ? len : 0;
}

static bool count_cell_at(const char *text, size_t at, size_t end) {
  return isdigit((unsigned char)text[at]) || dash_cell(text, at, end);
}

static bool read_vote_table(const char *text, size_t start, size_t end, pk_vote *vote,
                            side_fill fill[3]) {
  pk_strings *lists[3] = {&vote->for_groups, &vote->against_groups, &vote->abstain_groups};
  long sums[3] = {0, 0, 0};
  int columns = 0;
  for (size_t at = next_cell(text, start, end); at < end;) {
    size_t label_start = at, label_end = at; /* the row's group: words up to its first count */
    while (at < end && !count_cell_at(text, at, end)) {
      while (at < end && !strchr("\n|\t", text[at]) && !count_cell_at(text, at, end)) at++;
      label_end = at;
      at = next_cell(text, at, end);
    }
    int side = 0;
    for (; at < end && count_cell_at(text, at, end); side++, at = next_cell(text, at, end)) {
      size_t dash = dash_cell(text, at, end);
      if (dash) {
        at += dash;
        continue;
      }
      size_t count_start = at;
      while (at < end && isdigit((unsigned char)text[at])) at++;
      long count = count_of(text, count_start, at);
      if (side >= 3 || count <= 0) continue;
      sums[side] += count;
      if (label_end > label_start &&
          !split_list(text, label_start, label_end, false, lists[side]))
        return false;
    }
    if (side > columns) columns = side;
  }
  long *counts[3] = {&vote->for_count, &vote->against_count, &vote->abstain_count};
  for (int side = 0; side < 3; side++) {
    if (side < columns && !fill[side].count) *counts[side] = sums[side];
    fill[side].count = fill[side].count || side < columns;
    fill[side].groups = true;
  }
  return true;
}

/* A vote its proposal lost, counted from the winners' side ("Ansøgningen blev afvist med 30
 * stemmer mod 10 (F, B og Ø)"): the larger side was against.  Counted from the proposal's
 * side ("forkastet med 4 stemmer mod 23") it stands as it is.  Only a vote that part
 * began: sides told before it ("For stemte: F, B og Ø.") are named as they voted. */
static void winners_against(pk_vote *vote, side_fill fill[3]) {
  if (vote->against_count < 0 || vote->for_count <= vote->against_count) return;
  long count = vote->for_count;
  vote->for_count = vote->against_count, vote->against_count = count;
  pk_strings groups = vote->for_groups;
  vote->for_groups = vote->against_groups, vote->against_groups = groups;
  side_fill side = fill[0];
  fill[0] = fill[1], fill[1] = side;
}

/* Whether a hit other than FOUND's I counts or names a side in I's sentence: "Enstemmigt"
 * there ("Vedtaget enstemmigt med 29 stemmer") says nothing the counts do not; in a sentence
 * of its own it is a vote of its own ("Ændringsforslaget blev forkastet med 2 stemmer mod 5.
 * Indstillingen blev derefter godkendt enstemmigt."). */
static bool counted_beside(const hits *found, size_t i, const char *text) {
  size_t sentence = sentence_start(text, found->items[i].start);
  for (size_t j = 0; j < found->count; j++) {
    const hit *other = &found->items[j];
    bool counts = false;
    for (int g = G_FOR; g < G_SLOTS; g++) counts = counts || (g != G_WHO && has_group(other, g));
    if (j != i && counts && sentence_start(text, other->start) == sentence) return true;
  }
  return false;
}

/* Whether a count of FOUND's hits from I on, in I's sentence or the next, is of members
 * against ("... godkendt med 23 stemmer. Imod stemte 4 (O, D).": the 4). */
static bool against_told_from(const hits *found, size_t i, const char *text, size_t len) {
  size_t sentence = sentence_end(text, len, found->items[i].start);
  size_t next = sentence_end(text, len, sentence < len ? sentence + 1 : len);
  for (size_t j = i; j < found->count && found->items[j].start < next; j++) {
    const hit *h = &found->items[j];
    if (has_group(h, G_AGAINST) &&
        count_of(text, h->group_start[G_AGAINST], h->group_end[G_AGAINST]) > 0)
      return true;
  }
  return false;
}

/* Whether TEXT[from, to) tells a proposal's fall ("Ændringsforslaget bortfaldt."): the vote
 * before it is done, and counts after it are another vote's. */
static bool fall_told(const char *text, size_t from, size_t to) {
  static const char *const FALLS[] = {"faldt", "forkastet", "forkastedes", "nedstemt"};
  for (size_t at = from; at < to; at++) {
    if (letter_before(text, at, true)) continue; /* inside a word */
    for (size_t i = 0; i < sizeof FALLS / sizeof *FALLS; i++) {
      size_t len = strlen(FALLS[i]), word = at + (strncmp(text + at, "bort", 4) == 0 ? 4 : 0);
      if (word + len <= to && strncmp(text + word, FALLS[i], len) == 0 &&
          (word + len == to || !isalpha((unsigned char)text[word + len])))
        return true;
    }
  }
  return false;
}

/* The votes R's text records, added to SECTION's. */
static bool read_votes(const reading *r, pk_section *section, const pk_decision_trace *trace) {
  const char *text = r->text;
  size_t len = r->len;
  /* A unanimous decision ("Enstemmigt vedtaget") is a vote without counts or groups: its
   * rule's group "unanimous" stands in the slot a note's "who" takes. */
  static const char *const VOTE_GROUPS[G_SLOTS] = {NULL, "for", "against", "abstain", "for_groups",
                                                   "against_groups", "abstain_groups", "unanimous",
                                                   "for_names", "against_names", "abstain_names",
                                                   "rows", "lost"};
  hits found = {0};
  bool ok = true;
  for (size_t i = 0; ok && i < r->set->vote_count; i++)
    ok = collect(r, r->set->vote[i], i, VOTE_GROUPS, &found);
  if (ok) drop_overlaps(&found);
  side_fill fill[3] = {{0}};
  size_t first = 0, last = 0; /* the current vote's first and last match */
  for (size_t i = 0; ok && i < found.count; i++) {
    const hit *h = &found.items[i];
    bool sets_any = false;
    for (int g = G_FOR; g < G_SLOTS; g++)
      sets_any = sets_any || (has_group(h, g) && (g != G_WHO || !counted_beside(&found, i, text)));
    if (!sets_any) continue;
    bool new_sentence = sentence_start(text, h->start) !=
                        sentence_start(text, found.items[last].start);
    if (!section->vote_count ||
        (new_sentence && fall_told(text, found.items[last].end, sentence_start(text, h->start))) ||
        starts_another_vote(h, fill, &section->votes[section->vote_count - 1], text,
                            new_sentence && against_told_from(&found, i, text, len))) {
      if (section->vote_count) {
        pk_vote *done = &section->votes[section->vote_count - 1];
        done->phrase = phrase_of(r->printed, sentence_start(text, found.items[first].start),
                                 sentence_end(text, len, found.items[last].end - 1));
        if (!done->phrase) ok = false;
      }
      if (!ok || !add_vote(section)) {
        ok = false;
        break;
      }
      memset(fill, 0, sizeof fill);
      first = i;
    }
    last = i;
    pk_vote *vote = &section->votes[section->vote_count - 1];
    long *counts[3] = {&vote->for_count, &vote->against_count, &vote->abstain_count};
    pk_strings *lists[3] = {&vote->for_groups, &vote->against_groups, &vote->abstain_groups};
    for (int side = 0; ok && side < 3; side++) {
      if (has_group(h, G_FOR + side)) {
        *counts[side] = count_of(text, h->group_start[G_FOR + side], h->group_end[G_FOR + side]);
        fill[side].count = true;
      }
      if (has_group(h, G_FOR_GROUPS + side)) {
        ok = split_list(text, h->group_start[G_FOR_GROUPS + side],
                        h->group_end[G_FOR_GROUPS + side], false, lists[side]);
        fill[side].groups = true;
      }
      if (has_group(h, G_FOR_NAMES + side)) fill[side].groups = true;
    }
    if (ok && has_group(h, G_ROWS))
      ok = read_vote_table(text, h->group_start[G_ROWS], h->group_end[G_ROWS], vote, fill);
    if (ok && has_group(h, G_LOST) && first == i) winners_against(vote, fill);
    if (trace->explain) {
      char what[96];
      snprintf(what, sizeof what, "item %s decision vote %zu", trace->item ? trace->item : "?",
               section->vote_count);
      pk_explain_match(trace->explain, h->rule, what, trace->page, -1, text, h->start, h->end);
    }
  }
  if (ok && section->vote_count) {
    pk_vote *done = &section->votes[section->vote_count - 1];
    done->phrase = phrase_of(r->printed, sentence_start(text, found.items[first].start),
                             sentence_end(text, len, found.items[last].end - 1));
    ok = done->phrase != NULL;
  }
  free(found.items);
  return ok;
}

/* ---- minority notes ------------------------------------------------------------------------ */

/* The minority notes TEXT records, added to SECTION's. */
static bool read_notes(const reading *r, pk_section *section, const pk_decision_trace *trace) {
  const char *text = r->text;
  size_t len = r->len;
  static const char *const NOTE_GROUPS[G_SLOTS] = {NULL, "text", NULL, NULL,
                                                   NULL, NULL,   NULL, "who"};
  hits found = {0};
  bool ok = true;
  for (size_t i = 0; ok && i < r->set->minority_count; i++)
    ok = collect(r, r->set->minority[i], i, NOTE_GROUPS, &found);
  if (ok) drop_overlaps(&found);
  for (size_t i = 0; ok && i < found.count; i++) {
    const hit *h = &found.items[i];
    size_t from = has_group(h, G_TEXT) ? h->group_start[G_TEXT] : sentence_start(text, h->start);
    size_t to = has_group(h, G_TEXT) ? h->group_end[G_TEXT] : sentence_end(text, len, h->end - 1);
    pk_note *notes = realloc(section->notes, (section->note_count + 1) * sizeof *notes);
    if (!notes) {
      ok = false;
      break;
    }
    section->notes = notes;
    pk_note *note = &notes[section->note_count++];
    *note = (pk_note){NULL, NULL};
    size_t s = from, e = to;
    pk_trim_span(text, &s, &e);
    note->text = pk_collapse_ws(r->printed, s, e);
    if (has_group(h, G_WHO)) {
      note->who = phrase_of(text, h->group_start[G_WHO], h->group_end[G_WHO]);
      ok = note->who != NULL;
    }
    ok = ok && note->text;
    if (trace->explain) {
      char what[96];
      snprintf(what, sizeof what, "item %s decision minority note",
               trace->item ? trace->item : "?");
      pk_explain_match(trace->explain, h->rule, what, trace->page, -1, text, h->start, h->end);
    }
  }
  free(found.items);
  return ok;
}

bool pk_decision_read(pk_matcher *matcher, const pk_decision_rules *set, pk_section *section,
                      const char *text, const pk_decision_trace *trace) {
  pk_section_free_reading(section);
  if (!text || !text[0]) return true;
  reading r;
  bool ok = reading_open(&r, matcher, set, &set->decision_words, text) &&
            read_outcome(&r, section, trace) && read_votes(&r, section, trace) &&
            read_notes(&r, section, trace);
  reading_close(&r);
  return ok;
}

/* ---- absent and conflicts -------------------------------------------------------------------- */

bool pk_presence_read(pk_matcher *matcher, const pk_decision_rules *set, const char *text,
                      pk_item *item, const pk_decision_trace *trace) {
  if (!text || !text[0]) return true;
  reading r;
  hits found = {0};
  bool ok = reading_open(&r, matcher, set, &set->presence_words, text) &&
            collect_presence(&r, &found);
  for (size_t i = 0; ok && i < found.count; i++) {
    const hit *h = &found.items[i];
    if (!has_group(h, G_NAMES)) continue;
    bool conflict = strcmp(pk_rule_arg(h->rule), "conflict") == 0;
    ok = split_list(r.printed, h->group_start[G_NAMES], h->group_end[G_NAMES], true,
                    conflict ? &item->conflicts : &item->absent);
    if (trace->explain) {
      char what[96];
      snprintf(what, sizeof what, "item %s %s", trace->item ? trace->item : "?",
               conflict ? "conflicts" : "absent");
      pk_explain_match(trace->explain, h->rule, what, trace->page, -1, text, h->start, h->end);
    }
  }
  free(found.items);
  reading_close(&r);
  return ok;
}

/* A name as compared: up to its bracket ("Kurt Vinther (V)" is "Kurt Vinther"). */
static size_t name_length(const char *name) {
  const char *bracket = strstr(name, " (");
  return bracket ? (size_t)(bracket - name) : strlen(name);
}

void pk_presence_settle(pk_item *item) {
  size_t kept = 0;
  for (size_t i = 0; i < item->absent.count; i++) {
    const char *name = item->absent.values[i];
    size_t len = name_length(name);
    bool conflicted = false;
    for (size_t k = 0; k < item->conflicts.count && !conflicted; k++) {
      const char *other = item->conflicts.values[k];
      conflicted = name_length(other) == len && strncmp(other, name, len) == 0;
    }
    if (conflicted) free(item->absent.values[i]);
    else item->absent.values[kept++] = item->absent.values[i];
  }
  item->absent.count = kept;
}

/* ---- a decision without a heading ------------------------------------------------------- */

/* Whether RULE, a decision-start rule, matches in R's text from FROM on, before BEFORE;
 * the matcher holds the match.  A rule with any=WORDS opens its decision on a line that
 * holds one of them: it is tried on those lines only, not through a long item. */
static bool match_start_line(const reading *r, const pk_rule *rule, size_t from, size_t before) {
  const char *text = r->text;
  size_t len = r->len;
  if (!pk_rule_has_words(rule))
    return pk_match(r->matcher, rule, text, len, from, false) == PK_MATCH_FOUND;
  word_cursor cursor = {r, rule, word_list(r->group, rule), 0, 0, false};
  for (size_t word = word_cursor_next(&cursor, from); word < len && word < before;) {
    size_t line = word;
    while (line > from && text[line - 1] != '\n') line--;
    const char *newline = memchr(text + word, '\n', len - word);
    size_t line_end = newline ? (size_t)(newline - text) : len;
    if (pk_match(r->matcher, rule, text, line_end, line, false) == PK_MATCH_FOUND) return true;
    word = word_cursor_next(&cursor, line_end);
  }
  return false;
}

size_t pk_decision_start_find(pk_matcher *matcher, const pk_decision_rules *set, const char *text,
                              size_t from, size_t len, const pk_rule **rule, size_t *label_end) {
  size_t best = len;
  *rule = NULL;
  *label_end = len;
  reading r;
  if (!reading_open_from(&r, matcher, set, &set->start_words, text, from, len)) {
    /* out of memory: each rule looks for its own words */
    reading_close(&r);
    r = (reading){matcher, set, NULL, text, len, {0}, text, NULL};
  }
  for (size_t i = 0; i < set->start_count; i++) {
    const pk_rule *candidate = set->start[i];
    /* A rule's words are looked for first where it has them: they say more, for less. */
    if ((!pk_rule_has_words(candidate) && !pk_rule_may_hold_after(candidate, text, len, from)) ||
        !match_start_line(&r, candidate, from, best) ||
        pk_match_start(matcher) >= best)
      continue;
    best = pk_match_start(matcher);
    *rule = candidate;
    size_t label_start;
    if (!pk_match_group(matcher, "heading", &label_start, label_end) || *label_end < best)
      *label_end = best; /* a label looked behind for is no heading of the section */
  }
  reading_close(&r);
  return best;
}

enum { SENTENCE_WINDOW = 600, /* bytes of a sentence's line a decision-start rule reads */
       SENTENCE_MARGIN = 64 }; /* bytes of the next sentence it reads too */

/* The start of the first sentence in TEXT[FROM, LEN) after a stop and blanks, LEN if none. */
static size_t next_sentence(const char *text, size_t from, size_t len) {
  for (size_t at = from; at + 2 < len; at++) {
    if (text[at] != '.' && text[at] != '!' && text[at] != '?') continue;
    size_t next = at + 1;
    if (text[next] != ' ') continue;
    while (next < len && text[next] == ' ') next++;
    if (next < len && pk_utf8_starts_capital(text + next, len - next)) return next;
  }
  return len;
}

size_t pk_decision_start_find_in_sentences(pk_matcher *matcher, const pk_decision_rules *set,
                                           const char *text, size_t from, size_t len,
                                           const pk_rule **rule, size_t *label_end) {
  while (from < len && (text[from] == ' ' || text[from] == '\n' || text[from] == '\t')) from++;
  bool opens = from < len && pk_utf8_starts_capital(text + from, len - from);
  size_t sentence = opens ? from : next_sentence(text, from, len);
  size_t line_end = 0; /* the end of the line the sentence is on, found once per line */
  while (sentence < len) {
    size_t next = next_sentence(text, sentence + 1, len);
    if (sentence >= line_end) {
      const char *newline = memchr(text + sentence, '\n', len - sentence);
      line_end = newline ? (size_t)(newline - text) : len;
    }
    /* A rule reads its sentence and a little of the next (its outcome word's company),
     * not a whole page's line. */
    size_t limit = next < line_end ? next + SENTENCE_MARGIN - sentence : SENTENCE_WINDOW;
    if (limit > SENTENCE_WINDOW) limit = SENTENCE_WINDOW;
    size_t end = sentence + pk_utf8_prefix(text + sentence, line_end - sentence, limit);
    size_t at = pk_decision_start_find(matcher, set, text + sentence, 0, end - sentence, rule,
                                       label_end);
    if (at < end - sentence) {
      *label_end += sentence;
      return sentence + at;
    }
    sentence = next;
  }
  *rule = NULL;
  *label_end = len;
  return len;
}
