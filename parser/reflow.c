/* reflow.c: soft line ends of a printed page joined (see reflow.h). */
#include "config.h"

#include "reflow.h"

#include <stdlib.h>
#include <string.h>

#include "../util/leader.h"
#include "dates.h"

/* A line may fall this many code points short of the measure and still be full: a
 * proportional font fits more narrow letters on one line than on another. */
enum { SLACK_PERCENT = 10, MAX_CONJUNCTION = 6, MIN_FULL_LINES = 2,
       CLUSTER_PERCENT = 5, /* full lines stand this close below the measure */
       MAX_LABEL = 40, MAX_ABBREVIATION = 4, MAX_LABEL_WORDS = 3, MAX_LABELS = 12, MAX_VALUE = 60,
       MAX_CELLS = 4 /* columns of a table row read cell by cell */ };

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v'; }

bool pk_reflow_tidy_line(const char *line, size_t len, pk_buf *out) {
  size_t start = 0, end = len;
  while (start < end && is_space(line[start])) start++;
  while (end > start && is_space(line[end - 1])) end--;
  for (size_t i = start; i < end; i++) {
    if (is_space(line[i]) && is_space(line[i - 1])) continue;
    if (!pk_buf_append_char(out, is_space(line[i]) ? ' ' : line[i])) return false;
  }
  return true;
}

/* Code points of a tidied line. */
static size_t width(const char *line, size_t len) { return pk_utf8_count(line, len); }

size_t pk_reflow_width(const char *line, size_t len) {
  size_t count = 0;
  bool space = true; /* leading white space is not counted, nor a run after the first */
  for (size_t i = 0; i < len; i++) {
    if (is_space(line[i])) {
      if (!space) count++;
      space = true;
    } else if ((unsigned char)line[i] < 0x80 || (unsigned char)line[i] >= 0xC0) {
      count++, space = false;
    }
  }
  return count && space && is_space(line[len - 1]) ? count - 1 : count;
}

void pk_measure_add(pk_measure *measure, size_t width) {
  measure->widths[width < PK_REFLOW_BINS ? width : PK_REFLOW_BINS - 1]++;
  measure->known = false;
}

static size_t slack(size_t width) { return width * SLACK_PERCENT / 100; }

/* Of the widths that have at least half as many lines near below them as the best one
 * (and two), the largest: a short document has few full lines, and a cluster of short
 * paragraphs of like length may match them, but a measure taken too wide only leaves
 * line ends as they are, while one taken too narrow would join a heading to its text.
 * Not a width that more lines go far beyond than end near it: that is a text whose lines
 * were never broken to a measure (paragraphs of any length, each a line), where lines
 * of like length are chance. */
static size_t measure_of(const pk_measure *measure);

size_t pk_measure_get(pk_measure *measure) {
  if (!measure->known) measure->known_width = measure_of(measure);
  measure->known = true;
  return measure->known_width;
}

static size_t measure_of(const pk_measure *measure) {
  /* The lines near below a width (in (WIDTH - 5%, WIDTH]) and far above it (over WIDTH +
   * slack) as differences of running sums: every page of a sheet asks for the measure,
   * and a loop over the bins for each width made each question a quarter million steps. */
  unsigned long sum[PK_REFLOW_BINS + 1]; /* SUM[W]: lines of widths below W */
  sum[0] = 0;
  for (size_t w = 0; w < PK_REFLOW_BINS; w++) sum[w + 1] = sum[w] + measure->widths[w];
#define PK_NEAR_BELOW(width) (sum[(width) + 1] - sum[(width) - (width) * CLUSTER_PERCENT / 100 + 1])
#define PK_FAR_ABOVE(width)                                                               \
  ((width) + slack(width) + 1 < PK_REFLOW_BINS                                           \
       ? sum[PK_REFLOW_BINS] - sum[(width) + slack(width) + 1]                            \
       : 0UL)
  unsigned long best = 0;
  for (size_t width = PK_REFLOW_MIN_MEASURE; width < PK_REFLOW_BINS - 1; width++) {
    unsigned long count = PK_NEAR_BELOW(width);
    if (count > best) best = count;
  }
  unsigned long enough = best / 2 > MIN_FULL_LINES ? best / 2 : MIN_FULL_LINES;
  for (size_t width = PK_REFLOW_BINS - 2; width >= PK_REFLOW_MIN_MEASURE; width--) {
    unsigned long near = PK_NEAR_BELOW(width);
    if (near >= enough && PK_FAR_ABOVE(width) <= near) return width;
  }
#undef PK_NEAR_BELOW
#undef PK_FAR_ABOVE
  return 0;
}

/* The first word of LINE in code points. */
static size_t first_word(const char *line, size_t len) {
  size_t end = 0;
  while (end < len && line[end] != ' ') end++;
  return width(line, end);
}

/* Whether the UTF-8 letter ending at TEXT[AT] (exclusive) or starting at TEXT[AT] is a
 * lower-case letter: ASCII, or a Latin-1 letter (æ ø å é ü ...: C3 A0-BF but ÷). */
static bool lower_at(const char *text, size_t len, size_t at) {
  unsigned char c = (unsigned char)text[at];
  if (c >= 'a' && c <= 'z') return true;
  return c == 0xC3 && at + 1 < len && (unsigned char)text[at + 1] >= 0xA0 &&
         (unsigned char)text[at + 1] != 0xB7;
}

/* An upper-case letter at TEXT[AT]: ASCII, or Latin-1's Æ Ø Å É ... (C3 80-9E but ×). */
static bool upper_at(const char *text, size_t len, size_t at) {
  unsigned char c = (unsigned char)text[at];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && at + 1 < len && (unsigned char)text[at + 1] >= 0x80 &&
         (unsigned char)text[at + 1] <= 0x9E && (unsigned char)text[at + 1] != 0x97;
}

static bool lower_before(const char *text, size_t end) {
  if (end >= 1 && text[end - 1] >= 'a' && text[end - 1] <= 'z') return true;
  return end >= 2 && lower_at(text, end, end - 2);
}

/* "og", "eller" ...: after "Arbejdsmarkeds-" a hyphen of the text, not of the line end. */
static bool is_conjunction(const char *word, size_t len) {
  static const char *const WORDS[] = {"og", "eller", "samt", "til", "som", "end"};
  for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++)
    if (strlen(WORDS[i]) == len && memcmp(WORDS[i], word, len) == 0) return true;
  return false;
}

static size_t word_bytes(const char *line, size_t len) {
  size_t end = 0;
  while (end < len && line[end] != ' ') end++;
  return end;
}

typedef enum { JOIN_LINE, JOIN_SPACE, JOIN_DROP_HYPHEN, JOIN_TIGHT } join;

/* How line A, ending in a hyphen after a letter or digit, goes on in line B (not blank):
 * a word the typesetter broke ("beskæfti-" / "gelse") is joined and the hyphen dropped; a
 * compound's own hyphen ("Nord-" / "Danmark", "CO2-" / "udledning") is kept, joined
 * tight; a hyphen before a conjunction ("Arbejdsmarkeds-" / "og") is the text's, and a
 * space follows it.  JOIN_LINE when A does not end so. */
static join hyphen_join(const char *a, size_t a_len, const char *b, size_t b_len, bool full) {
  if (a_len < 3 || a[a_len - 1] != '-' || a[a_len - 2] == ' ' || a[a_len - 2] == '-') return JOIN_LINE;
  size_t next = word_bytes(b, b_len);
  if (lower_at(b, b_len, 0) && next <= MAX_CONJUNCTION && is_conjunction(b, next)) return JOIN_SPACE;
  if (lower_at(b, b_len, 0) && lower_before(a, a_len - 1)) return JOIN_DROP_HYPHEN;
  return full && (upper_at(b, b_len, 0) || (b[0] >= '0' && b[0] <= '9')) ? JOIN_TIGHT : JOIN_LINE;
}

/* Whether LINE starts with an agenda item's label and its number ("Ad pkt. 4:", "Punkt 4",
 * "Pkt. 4"): the rules' item-label words, asked through LEXICON (NULL: none). */
static bool starts_labelled_item(const pk_heading_words *lexicon, const char *line, size_t len) {
  return lexicon && lexicon->opens_item && lexicon->opens_item(lexicon->ctx, line, len);
}

/* Whether LINE opens with a paragraph sign and its number ("§ 41", "§41"). */
static bool starts_paragraph_sign(const char *line, size_t len) {
  if (len < 3 || memcmp(line, "\xc2\xa7", 2) != 0) return false;
  size_t at = line[2] == ' ' ? 3 : 2;
  return at < len && line[at] >= '0' && line[at] <= '9';
}

/* "• ", "- ", "– ", "* ", "3. ", "3) ", "a) ", "3.Valg", "Ad pkt. 4": a line that starts a
 * list item or an agenda item starts a line. */
static bool starts_list_item(const pk_heading_words *lexicon, const char *line, size_t len,
                             bool after_sentence) {
  if (starts_labelled_item(lexicon, line, len)) return true;
  if (len >= 4 && memcmp(line, "\xe2\x80", 2) == 0 && (line[2] == '\xa2' || line[2] == '\x93') && line[3] == ' ')
    return true; /* U+2022 bullet, U+2013 en dash */
  if (len >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') return true;
  /* "§ 41 Kvartalsrapport" after a sentence: a protocol's paragraph, numbered on through
   * the year ("jf. lovens" / "§ 97" is a reference the line end broke). */
  if (starts_paragraph_sign(line, len)) return after_sentence;
  size_t i = 0;
  while (i < len && i < 3 && line[i] >= '0' && line[i] <= '9') i++;
  /* "17 Investeringsprojekter": an item's number and title, as in a list of contents;
   * "8.Hospice": one without its space, after a sentence ("efter pkt." / "4.Borgmesteren" is
 * one sentence). */
  if (i && i + 1 < len && line[i] == ' ' && upper_at(line, len, i + 1)) return true;
  if (i && i + 1 < len && line[i] == '.' && upper_at(line, len, i + 1)) return after_sentence;
  if (i == 0 && len >= 1 && line[0] >= 'a' && line[0] <= 'z') i = 1;
  return i && i + 1 < len && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ' &&
         (line[i] == ')' || (line[0] >= '0' && line[0] <= '9'));
}

/* Whether LINE ends a sentence: in . : ! or ?, but not in an abbreviation ("pkt.",
 * "nr.", "jf.": a short lower-case word with its full stop). */
bool pk_reflow_ends_sentence(const char *line, size_t len) {
  char last = len ? line[len - 1] : '\0';
  if (last == '.') {
    size_t word = len - 1;
    while (word > 0 && line[word - 1] >= 'a' && line[word - 1] <= 'z') word--;
    if ((word == 0 || line[word - 1] == ' ') && len - 1 - word >= 1 && len - 1 - word <= MAX_ABBREVIATION)
      return false;
  }
  return last == '.' || last == ':' || last == '!' || last == '?';
}

bool pk_reflow_is_full(const char *a, size_t a_len, const char *b, size_t b_len, size_t measure) {
  if (!a_len || !b_len || measure < PK_REFLOW_MIN_MEASURE) return false;
  size_t full = measure - slack(measure), a_width = width(a, a_len);
  /* A line well over the measure is two that pdftotext joined at a hyphen: its end is the
   * second's, of about the part over the measure. */
  if (a_width > measure + slack(measure)) a_width -= measure;
  return a_width + 1 + first_word(b, b_len) > full;
}

/* Code points of a label cut short with a stop, a case field's the longest. */
enum { ABBREVIATION_MAX = 8 };

/* Whether B, one word alone on its line under a full line (a title set to the measure),
 * stands apart: a word of the heading lexicon, or a capitalised label ending in a colon or
 * cut short with a stop (a label column that plain pdftotext reads as lines of their own);
 * not the paragraph's last word ("... opslag på" / "Facebook.", "... for I/S Infra" /
 * "Service."). */
static bool cut_short(const char *word, size_t len) {
  if (len < 2 || word[len - 1] != '.' || width(word, len) > ABBREVIATION_MAX) return false;
  /* An abbreviation stops after a consonant ("Sagsnr.", "Pkt.", "Vedr."); a word ending
   * in a vowel ("Service.") ends its sentence. */
  char last = word[len - 2];
  return !strchr("aeiouyAEIOUY", last) && (unsigned char)last < 0x80;
}

/* Whether WORD[0, LEN) is a word of the heading lexicon HEADINGS asks (NULL: none). */
static bool is_lexicon_heading(const pk_heading_words *headings, const char *word, size_t len) {
  return headings && headings->is_heading && headings->is_heading(headings->ctx, word, len);
}

static bool word_stands_alone(const pk_heading_words *headings, const char *b, size_t b_len) {
  if (word_bytes(b, b_len) != b_len) return false;
  bool label = upper_at(b, b_len, 0) && (b[b_len - 1] == ':' || cut_short(b, b_len));
  return label || is_lexicon_heading(headings, b, b_len);
}

enum { DATE_TAIL = 32 }; /* bytes at a line's end read for a date ("onsdag den 13. marts 2019") */

/* AT moved on to the start of a character of TEXT[0, END). */
static size_t char_start(const char *text, size_t at, size_t end) {
  while (at < end && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}

/* Where LINE's last date starts when it ends in one ("... i mødet den 13. marts 2019",
 * "Byrådet den 26-06-2013:", a colon after it allowed); LEN when it does not. */
static size_t final_date(const char *line, size_t len) {
  size_t end = len;
  if (end && line[end - 1] == ':') end--;
  size_t from = char_start(line, end > DATE_TAIL ? end - DATE_TAIL : 0, end);
  char iso[11];
  size_t start, stop;
  /* the last date of the tail: search on after each one found */
  while (from < end && pk_date_find(line + from, end - from, iso, &start, &stop)) {
    if (from + stop == end) return from + start;
    from = char_start(line, from + start + 1, end);
  }
  return len;
}

static bool ends_in_date(const char *line, size_t len) { return final_date(line, len) < len; }

/* Whether B opens with a word of the heading lexicon and ends in a date or a colon
 * ("Beslutning Byrådet den 26-06-2013"): a decision's heading line with its body and date
 * (a title's second line may open with a word of the lexicon: "Beslutning om budget
 * 2025-2028"). */
static bool dated_heading(const pk_heading_words *headings, const char *b,
                                         size_t b_len) {
  size_t word = word_bytes(b, b_len);
  return word < b_len && (b[b_len - 1] == ':' || ends_in_date(b, b_len)) &&
         is_lexicon_heading(headings, b, word);
}

enum { LINKING_WORD_MAX = 3 }; /* letters of a word that carries a sentence on ("i", "til") */

/* Whether A ends in a short word in small letters that carries its sentence on into the
 * next line ("... ordlyden i", "... fordelt til"). */
static bool ends_in_linking_word(const char *a, size_t a_len) {
  size_t start = a_len;
  while (start > 0 && a[start - 1] >= 'a' && a[start - 1] <= 'z') start--;
  return start < a_len && a_len - start <= LINKING_WORD_MAX && (start == 0 || a[start - 1] == ' ');
}

/* Words of a body's heading: two bodies in the genitive, "og" and the lexicon's word;
 * bytes of a word the lexicon is asked about. */
enum { BODY_HEADING_WORDS_MAX = 4, HEADING_WORD_MAX = 64 };

/* Whether TEXT[AT, END), a word, is a word of the heading lexicon after a genitive
 * ("Byrådets beslutning", "FORRETNINGSUDVALGETS BESLUTNING", "Omsorgsudvalgets behandling"):
 * a body's heading, in words the rules know. */
static bool heading_after_genitive(const pk_heading_words *headings, const char *text, size_t at,
                                   size_t end) {
  if (!headings || at < 3 || text[at - 1] != ' ' || (text[at - 2] != 's' && text[at - 2] != 'S') ||
      end - at > HEADING_WORD_MAX || end == at)
    return false;
  /* the lexicon's words open with a capital, as a heading's first word does */
  char word[HEADING_WORD_MAX];
  memcpy(word, text + at, end - at);
  if (word[0] >= 'a' && word[0] <= 'z') word[0] = (char)(word[0] - 'a' + 'A');
  return is_lexicon_heading(headings, word, end - at);
}

/* Whether B is a body's heading: a few words, capitalised, the last a word of the heading
 * lexicon after a genitive; a title's second line goes on in words of its own ("... til" /
 * "OFFENTLIG HØRING"). */
static bool body_heading(const pk_heading_words *headings, const char *b, size_t b_len) {
  size_t last = b_len, words = 1;
  while (last > 0 && b[last - 1] != ' ') last--;
  for (size_t i = 0; i < last; i++) words += b[i] == ' ';
  return upper_at(b, b_len, 0) && words <= BODY_HEADING_WORDS_MAX &&
         heading_after_genitive(headings, b, last, b_len);
}

/* Words before a label's date: a body's name of up to three words and "den". */
enum { LABEL_WORDS_MAX = 4 };

/* Whether a word of LINE[0, DATE), the words before a label's date, is a body's heading
 * (heading_after_genitive: "Økonomiudvalgets beslutning i mødet den"); *WORDS gets how many
 * words stand before the date. */
static bool label_names_heading(const pk_heading_words *headings, const char *line, size_t date,
                                size_t *words) {
  bool names_heading = false;
  for (size_t i = 0; i < date; i++) {
    if (line[i] != ' ') continue;
    ++*words;
    size_t end = i + 1;
    while (end < date && line[end] != ' ') end++;
    names_heading = names_heading || heading_after_genitive(headings, line, i + 1, end);
  }
  return names_heading;
}

/* Whether B, a capitalised line that ends in a date, names a body's heading before it
 * ("Økonomiudvalgets beslutning i mødet den 17. januar 2023"): a decision's label. */
static bool dated_body_label(const pk_heading_words *headings, const char *b, size_t b_len) {
  size_t date = final_date(b, b_len), words = 0;
  return upper_at(b, b_len, 0) && date < b_len && label_names_heading(headings, b, date, &words);
}

/* Whether A opens an item's numbered title: its label and number ("Pkt. 63.") or a
 * number as a list's ("145. Udpegning ..."). */
static bool starts_numbered_title(const pk_heading_words *headings, const char *a, size_t a_len) {
  return starts_labelled_item(headings, a, a_len) ||
         (a[0] >= '0' && a[0] <= '9' && starts_list_item(headings, a, a_len, true));
}

/* Whether A, an item's numbered title line ("145. Udpegning ...", "Pkt. 63. Ansøgning
 * ..."), ends above B: a section's heading line (dated_heading, dated_body_label,
 * body_heading) or, where the title ends its own sentence (in a word's stop: "... 4." ends
 * in the next item's number, a list run into lines; with no comma: "2. Kommunen har
 * modtaget 12 høringssvar, som ..." is a numbered paragraph), B's capitalised first line
 * of text, however full each came. */
static bool numbered_title_ends(const pk_heading_words *headings, const char *a, size_t a_len,
                                const char *b, size_t b_len) {
  return starts_numbered_title(headings, a, a_len) &&
         (dated_heading(headings, b, b_len) || dated_body_label(headings, b, b_len) ||
                      (body_heading(headings, b, b_len) && !ends_in_linking_word(a, a_len)) ||
                      (pk_reflow_ends_sentence(a, a_len) && a[a_len - 1] == '.' &&
                       a_len >= 2 && !(a[a_len - 2] >= '0' && a[a_len - 2] <= '9') &&
                       !memchr(a, ',', a_len) && upper_at(b, b_len, 0)));
}

/* Whether A, a capitalised line that ends in a date, labels B, a capitalised line
 * ("Sundheds- og Omsorgsudvalgets beslutning i mødet den 13. marts 2019" / "Indstillingen
 * blev godkendt ...", "Byrådet den 26-06-2013" / "Godkendt."): a decision's label names a
 * body's heading (heading_after_genitive), or is a body and a date in a few words.  A
 * sentence that breaks after a date runs on ("... godkendte på sit møde den 15. december
 * 2021" / "Handleplan for ..."). */
static bool dated_label_over(const pk_heading_words *headings, const char *a, size_t a_len,
                             const char *b, size_t b_len) {
  if (!upper_at(a, a_len, 0) || !upper_at(b, b_len, 0)) return false;
  size_t date = final_date(a, a_len);
  if (date == a_len) return false;
  size_t words = 0;
  bool names_heading = label_names_heading(headings, a, date, &words);
  return words <= LABEL_WORDS_MAX || names_heading;
}

/* Whether LINE is a rule drawn under a line ("-----", "_____", "====="): a typewriter's
 * underline, never a paragraph's words. */
bool pk_is_rule_line(const char *line, size_t len) {
  size_t marks = 0;
  for (size_t i = 0; i < len; i++) {
    if (line[i] == '-' || line[i] == '_' || line[i] == '=') marks++;
    else if (line[i] != ' ') return false;
  }
  return marks >= 3;
}

/* Whether B, a line short of the measure that opens with a capital and ends in its only
 * colon, labels what follows it ("Byrådets beslutning 23.11.2022:" under a title that came
 * near the measure): a heading of its own, not a paragraph's last words, which follow a word
 * that carries the sentence on ("... på grundlag af ordlyden i" / "Byrådets beslutning:"),
 * nor a line of fields ("Sagsnr.: 15/11238 Fraværende: Afbud:"). */
static bool labels_what_follows(const char *a, size_t a_len, const char *b, size_t b_len,
                                size_t measure) {
  return upper_at(b, b_len, 0) && memchr(b, ':', b_len) == b + b_len - 1 &&
         width(b, b_len) < measure - slack(measure) && !ends_in_linking_word(a, a_len) &&
         !pk_reflow_ends_sentence(a, a_len) && a[a_len - 1] != ',';
}

/* Words of a dated heading's line: its lexicon word, a body's name of up to five words
 * ("Teknik- og Miljøudvalget" is three), "den" and the date's three. */
enum { HEADING_LINE_WORDS_MAX = 10 };

/* Whether B, a line that ends in a date, is short enough for a heading's line, with no
 * comma: not a sentence that ends in a date ("Sagen blev drøftet på et borgermøde, som
 * forvaltningen holdt den 4. marts 2024"). */
static bool short_heading_line(const char *b, size_t b_len) {
  size_t words = 1;
  for (size_t i = 0; i < b_len; i++) {
    if (b[i] == ',') return false;
    words += b[i] == ' ';
  }
  return words <= HEADING_LINE_WORDS_MAX;
}

/* How the line end between tidied lines A and B is read.  (A decision's dated heading
 * after any stop starts its line: "... Tilbuddet foreligger nu." / "Beslutning i Byrådet den
 * 26. oktober 2021", where "nu." reads as an abbreviation's stop.) */
static join line_join(const char *a, size_t a_len, const char *b, size_t b_len, size_t measure,
                      const pk_heading_words *headings) {
  if (!a_len || !b_len || pk_is_rule_line(a, a_len) || pk_is_rule_line(b, b_len)) return JOIN_LINE;
  /* A contents entry's dot leader and page number end its line, however full, where the
   * next entry's number opens the next ("46/2025 - Dispensation ..."); a list set as one
   * paragraph runs on ("... Socialforvaltningen...10" / "Oversigt over projekter"). */
  if (b[0] >= '0' && b[0] <= '9' && pk_ends_in_leader(a, 0, a_len)) return JOIN_LINE;
  /* A number kept in the margin (keep_margin_numbers) ends its line, which a title holds. */
  if (memchr(a, '\t', a_len) || memchr(b, '\t', b_len)) return JOIN_LINE;
  bool full = pk_reflow_is_full(a, a_len, b, b_len, measure);
  join hyphen = hyphen_join(a, a_len, b, b_len, full);
  if (hyphen != JOIN_LINE) return hyphen;
  if (!full || starts_list_item(headings, b, b_len, pk_reflow_ends_sentence(a, a_len)) ||
      word_stands_alone(headings, b, b_len) || labels_what_follows(a, a_len, b, b_len, measure) ||
      numbered_title_ends(headings, a, a_len, b, b_len) ||
      dated_label_over(headings, a, a_len, b, b_len) ||
      (strchr(".!?", a[a_len - 1]) && (b[b_len - 1] == ':' || short_heading_line(b, b_len)) &&
       dated_heading(headings, b, b_len)))
    return JOIN_LINE;
  /* A protocol's paragraph title ("§ 41 Kvartalsrapport 1. kvartal 2022 og
   * budgetopfølgning") ends its line where a full line opening with a capital follows: its
   * text, a paragraph of its own.  (What is left of a title is a short line: "på
   * Bækkerød" / "Rådhus, etape 2".)  Not a list's point: "1. At ... til" / "Aarhus
   * Kommune ..." goes on. */
  size_t b_full = measure - slack(measure);
  if (starts_paragraph_sign(a, a_len) && upper_at(b, b_len, 0) && width(b, b_len) >= b_full &&
      !pk_reflow_ends_sentence(a, a_len) && a[a_len - 1] != ',')
    return JOIN_LINE;
  /* After a sentence, a capitalised line that is not full itself is a heading or a
   * paragraph of its own more often than the sentence's last words. */
  bool digit = b[0] >= '0' && b[0] <= '9';
  bool new_start = pk_reflow_ends_sentence(a, a_len) &&
                   (upper_at(b, b_len, 0) || (digit && a[a_len - 1] != ':'));
  return !new_start || width(b, b_len) >= b_full ? JOIN_SPACE : JOIN_LINE;
}

enum { WORD_COLS = 6 }; /* a line's words after its first whose columns are kept */

typedef struct span {
  size_t at, len; /* in the tidied text */
  bool glued;     /* joined to the span before it by a space whatever its width */
  size_t measure; /* a column's measure (0: the page's) */
  size_t indent;  /* code points before its first character in the line as read */
  size_t gap;     /* -layout: the column where text resumes after a gap of spaces, or 0 */
  size_t head;    /* ... and the bytes of the tidied line before that gap */
  bool row;       /* a label column's row: starts a line */
  /* the columns its second to seventh words start at, as read (0: none) */
  size_t word_col[WORD_COLS];
  /* -layout: the line's pieces parted by gaps of spaces (MAX_CELLS + 1: more than that),
   * each piece's column as read and its start in the tidied line (bytes). */
  unsigned char cells;
  size_t cell_col[MAX_CELLS], cell_at[MAX_CELLS];
} span;

typedef struct lines {
  pk_buf text; /* the tidied lines, back to back */
  span *spans;
  size_t count, cap;
} lines;

enum { COLUMN_GAP = 3 }; /* spaces that part two columns of pdftotext -layout */

static void add_cell(span *sp, size_t column, size_t at) {
  if (sp->cells < MAX_CELLS) sp->cell_col[sp->cells] = column, sp->cell_at[sp->cells] = at;
  if (sp->cells <= MAX_CELLS) sp->cells++;
}

/* The indent of LINE, and where text resumes after its first gap of COLUMN_GAP spaces
 * (in code points; *HEAD the tidied bytes before the gap). */
static void measure_columns(const char *line, size_t len, span *sp) {
  size_t column = 0, spaces = 0, tidied = 0;
  bool started = false;
  for (size_t i = 0; i < len; i++) {
    if ((unsigned char)line[i] >= 0x80 && (unsigned char)line[i] < 0xC0) continue; /* inside a character */
    if (is_space(line[i])) {
      spaces++, column++;
      continue;
    }
    if (!started) {
      sp->indent = column, started = true;
      add_cell(sp, column, tidied);
    } else if (spaces >= COLUMN_GAP) {
      if (!sp->gap) sp->gap = column, sp->head = tidied;
      add_cell(sp, column, ++tidied);
    } else if (spaces) {
      tidied++;
    }
    for (size_t w = 0; started && spaces && w < WORD_COLS; w++)
      if (!sp->word_col[w]) {
        sp->word_col[w] = column;
        break;
      }
    spaces = 0;
    column++;
    tidied += ((unsigned char)line[i] & 0xE0) == 0xC0 ? 2 : ((unsigned char)line[i] & 0xF0) == 0xE0 ? 3
              : ((unsigned char)line[i] & 0xF8) == 0xF0 ? 4 : 1;
  }
}

static bool tidy_lines(const char *text, size_t len, lines *out) {
  for (size_t at = 0; at <= len;) {
    const char *nl = memchr(text + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - text) : len, start = out->text.len;
    if (!pk_reserve((void **)&out->spans, &out->cap, out->count + 1, sizeof *out->spans) ||
        !pk_reflow_tidy_line(text + at, end - at, &out->text))
      return false;
    span *sp = &out->spans[out->count++];
    *sp = (span){.at = start, .len = out->text.len - start};
    measure_columns(text + at, end - at, sp);
    if (!nl) break;
    at = end + 1;
  }
  return true;
}

/* "Sagsnr.:", "Mødedato:": a field's label alone on its line. */
static bool is_label(const char *line, size_t len) {
  if (len < 2 || len > MAX_LABEL || line[len - 1] != ':' || line[len - 2] == ':' ||
      !upper_at(line, len, 0))
    return false;
  size_t words = 1;
  for (size_t i = 0; i < len; i++) words += line[i] == ' ';
  return words <= MAX_LABEL_WORDS;
}

/* Index of the first line from I on that is not blank (COUNT when none). */
static size_t next_filled(const lines *all, size_t i) {
  while (i < all->count && all->spans[i].len == 0) i++;
  return i;
}

static bool filled(const lines *all, size_t i) { return i < all->count && all->spans[i].len; }

/* pdftotext (plain) reads a label column before the value column beside it: K labels on
 * lines in a row, a blank line, K values on lines in a row, then a blank line or the end.
 * Puts each value after its label again, from line FIRST; returns the line after the
 * block, or FIRST when there is no block there.  One label pairs with the next line only
 * when that starts with a digit ("Sagsnr.:" / "22/131") and is no item ("1. Godkendelse"):
 * a label may have no value ("Lokation:" above an item's title), and a heading with a
 * colon stands above its paragraph. */
static size_t pair_labels(lines *all, size_t first, span *scratch) {
  const char *text = all->text.data ? all->text.data : "";
  size_t k = 0, i = first;
  while (k < MAX_LABELS && filled(all, i) && is_label(text + all->spans[i].at, all->spans[i].len))
    k++, i++;
  if (k == 0) return first;
  size_t values = next_filled(all, i), end = values + k;
  bool apart = values > i && !filled(all, end); /* blank lines before and after the values */
  for (size_t j = values; j < end; j++) {
    const span *v = &all->spans[j];
    if (!filled(all, j) || is_label(text + v->at, v->len) || v->len > MAX_VALUE) return first;
  }
  const span *value = &all->spans[values];
  const char *v = text + value->at;
  bool digit = v[0] >= '0' && v[0] <= '9';
  /* (A value opening with a digit opens with no item's label: no lexicon asked.) */
  if (k > 1 ? !apart : !digit || starts_list_item(NULL, v, value->len, true)) return first;
  size_t n = 0;
  for (size_t j = 0; j < k; j++) {
    scratch[n++] = all->spans[first + j];
    scratch[n] = all->spans[values + j];
    scratch[n++].glued = true;
  }
  while (n < end - first) scratch[n++] = (span){0}; /* the blank lines between */
  memcpy(all->spans + first, scratch, n * sizeof *scratch);
  return end;
}

/* Whether a span's text before its gap is a label of a label column: a few words. */
static bool column_label(const char *text, const span *sp) {
  if (!sp->gap || sp->head == 0 || sp->head > MAX_LABEL) return false;
  size_t words = 1;
  for (size_t i = 0; i < sp->head; i++) words += text[sp->at + i] == ' ';
  return words <= MAX_LABEL_WORDS + 1;
}

/* A one-line row of the two columns: a field (a label with its colon beside "22/3307") is
 * one line; a heading without a colon beside its text is two. */
static bool heading_beside_text(const char *text, const span *sp) {
  return text[sp->at + sp->head - 1] != ':';
}

static bool at_column(const span *sp, size_t column) {
  return sp->len && sp->indent + 1 >= column && sp->indent <= column + 1;
}

/* The column of ROW's cells (±1) that COLUMN stands at, or -1. */
static int cell_column(const span *row, size_t column) {
  for (int m = 0; m < row->cells && m < MAX_CELLS; m++)
    if (column + 1 >= row->cell_col[m] && column <= row->cell_col[m] + 1) return m;
  return -1;
}

enum { MARGIN_PIECE_MAX = 24, /* bytes of a line of a margin column's text */
       MARGIN_NUMBER_MAX = 12, /* ... of its first line, the item's number */
       MARGIN_SHIFT_MAX = 3 };  /* columns the text beside it may stand left of its column */

static span cell_piece(const span *sp, int c);

/* Whether the first piece of line HEAD is an item's number ("Pkt. 23.", "§ 4", "17."),
 * not one of a column of labels (words, each beside its text). */
static bool margin_numbered(const char *text, const span *head) {
  span number = cell_piece(head, 0);
  if (!number.len || number.len > MARGIN_NUMBER_MAX) return false;
  char last = text[number.at + number.len - 1];
  bool digit = false;
  for (size_t k = 0; k < number.len; k++) digit |= text[number.at + k] >= '0' && text[number.at + k] <= '9';
  return digit && (last == '.' || (last >= '0' && last <= '9'));
}

/* A margin column beside the text, down to a blank line: "Pkt. 23.          <text>" /
 * "Vejnavne i        Ved udstykningen af ..." / "udstykningen      skal der ..." / "ved
 * Lindegården   Lokalhistorisk ..." / "                  navnene Lindevej ...": the item's
 * number and its title broken over the margin's short lines, the text going on beside
 * and after them.  Not a column of labels beside their values ("Dato:" / "Sted:").
 * Returns the block's lines from line FIRST, *ALONE when it is one. */
static size_t margin_block(const lines *all, size_t first, bool *alone) {
  const char *text = all->text.data ? all->text.data : "";
  const span *head = &all->spans[first];
  size_t i = first, margin_lines = 0, text_after = 0, beside = 0;
  *alone = false;
  if (head->cells < 2 || head->cells > MAX_CELLS) return 1;
  for (; i < all->count && all->spans[i].len; i++) {
    const span *sp = &all->spans[i];
    if (i > first && sp->cells > 2) break;
    int m0 = cell_column(head, sp->cell_col[0]);
    /* OCR may shrink the gap before the text by a few columns. */
    size_t text_col = head->cell_col[1];
    bool at_text = sp->cells >= 2 && sp->cell_col[1] + MARGIN_SHIFT_MAX >= text_col &&
                   sp->cell_col[1] <= text_col + 1;
    if (m0 < 0 || (sp->cells >= 2 && !at_text)) break;
    beside += i > first && (m0 == 1 || sp->cells >= 2);
    if (m0 == 1) {
      text_after++;
      continue;
    }
    span left = cell_piece(sp, 0);
    if (text_after || left.len > MARGIN_PIECE_MAX || text[left.at + left.len - 1] == ':') break;
    /* A number of its own in the margin opens the next item: a list of numbered lines
     * ("1    Anlægsbevilling ...", "2    Takster ..."), not one title broken over it. */
    if (i > first && margin_numbered(text, sp)) break;
    margin_lines++;
  }
  /* The text goes on beside the margin or under it in its column; lines of the margin's
   * column alone are text under a numbered title ("1    Title" / "Acadre: 22-31907"). */
  *alone = margin_lines >= 3 && beside && margin_numbered(text, head);
  return *alone ? i - first : 1;
}

/* A row of a table that pdftotext -layout set side by side: its first line parted into
 * columns by gaps ("1     Velkomst og godkendelse af     Formanden bød velkommen."),
 * the lines under it holding pieces at those columns only, the first column's only where
 * its cell wraps (a piece in lower case).  A row of three or more columns, one of them
 * but the first going on under the first line, or of two both going on, is a table's (*ALONE): the
 * cells are read one after the other, not line by line across them.  Returns the lines
 * from line FIRST that would be its row (0: the line has no columns). */
static size_t table_row(const lines *all, size_t first, bool *alone) {
  const char *text = all->text.data ? all->text.data : "";
  const span *head = &all->spans[first];
  *alone = false;
  if (head->cells < 2 || head->cells > MAX_CELLS) return 0;
  int last = head->cells - 1;
  bool first_wraps = false, last_goes_on = false, later_goes_on = false;
  size_t i = first + 1;
  for (; i < all->count && all->spans[i].len; i++) {
    const span *sp = &all->spans[i];
    bool fits = sp->cells <= MAX_CELLS;
    for (int c = 0; fits && c < sp->cells; c++) {
      int m = cell_column(head, sp->cell_col[c]);
      fits = m >= 0 && (m > 0 || lower_at(text + sp->at, sp->len, 0));
      first_wraps |= fits && m == 0, last_goes_on |= fits && m == last;
      later_goes_on |= fits && m >= 1;
    }
    if (!fits) break;
  }
  size_t rows = i - first;
  *alone = rows >= 2 && (last >= 2 ? later_goes_on : last_goes_on && first_wraps);
  return rows;
}

enum { MAX_TABLES = 4 }; /* tables of different columns told apart on one page */
typedef struct tables {
  span heads[MAX_TABLES]; /* the first line of a row of each */
  size_t count;
} tables;

/* Whether LINE's cells stand at the columns of a table's rows told by themselves, as a
 * row does that fits on one line ("5     Eventuelt          Intet.") or goes on in a
 * column but the last. */
static bool one_line_row(const span *line, const tables *known) {
  for (size_t t = 0; line->cells >= 2 && line->cells <= MAX_CELLS && t < known->count; t++) {
    const span *head = &known->heads[t];
    bool same = head->cells == line->cells;
    for (int c = 0; same && c < line->cells; c++) same = cell_column(head, line->cell_col[c]) == c;
    if (same) return true;
  }
  return false;
}

/* The tables of ALL's lines: the first line of each row told by itself whose columns no
 * table so far has. */
static void find_tables(const lines *all, tables *known) {
  known->count = 0;
  for (size_t i = 0; i < all->count && known->count < MAX_TABLES; i++) {
    bool alone;
    size_t rows = table_row(all, i, &alone);
    if (!alone) continue;
    if (!one_line_row(&all->spans[i], known)) known->heads[known->count++] = all->spans[i];
    i += rows - 1;
  }
}

/* The column of ROW's cells nearest COLUMN: every piece of a row read goes in one. */
static int nearest_column(const span *row, size_t column) {
  int best = 0;
  for (int m = 1; m < row->cells && m < MAX_CELLS; m++) {
    size_t d = column > row->cell_col[m] ? column - row->cell_col[m] : row->cell_col[m] - column;
    size_t b = column > row->cell_col[best] ? column - row->cell_col[best] : row->cell_col[best] - column;
    if (d < b) best = m;
  }
  return best;
}

/* The piece of line SP in its cell C, as a span. */
static span cell_piece(const span *sp, int c) {
  size_t end = c + 1 < sp->cells ? sp->cell_at[c + 1] - 1 : sp->len;
  return (span){.at = sp->at + sp->cell_at[c], .len = end - sp->cell_at[c], .indent = sp->cell_col[c]};
}

/* Appends ROWS lines of a table row from line FIRST to SPANS, cell by cell: each cell
 * starts a line; a cell's pieces are one line (a title wrapped in its column), but for
 * the last cell's, read as a column of its own measure. */
static bool read_table_row(const lines *all, size_t first, size_t rows, size_t measure, span **spans,
                           size_t *count, size_t *cap) {
  const span *head = &all->spans[first];
  size_t column = head->cell_col[head->cells - 1];
  size_t col_measure = measure > column + PK_REFLOW_MIN_MEASURE / 2 ? measure - column : 0;
  for (int m = 0; m < head->cells; m++) {
    bool started = false, last = m + 1 == head->cells;
    for (size_t i = first; i < first + rows; i++) {
      const span *sp = &all->spans[i];
      for (int c = 0; c < sp->cells; c++) {
        if (nearest_column(head, sp->cell_col[c]) != m) continue;
        if (!pk_reserve((void **)spans, cap, *count + 1, sizeof **spans)) return false;
        span piece = cell_piece(sp, c);
        piece.row = !started, piece.glued = started && !last, piece.measure = last ? col_measure : 0;
        (*spans)[(*count)++] = piece;
        started = true;
      }
    }
  }
  return true;
}

/* A typed page's number in the right margin of a line, after a gap: "Regionplantillæg nr. 4
 * om råstofindvinding i            42." (a minute book's item number).  The gap before it
 * is kept as a tab, a cell's bound, so that the rules can tell the number from one in the
 * text ("lokalplan nr. 42"). */
static void keep_margin_numbers(lines *all) {
  char *text = all->text.data;
  for (size_t i = 0; text && i < all->count; i++) {
    const span *sp = &all->spans[i];
    if (sp->cells < 2 || sp->cells > MAX_CELLS) continue;
    size_t at = sp->cell_at[sp->cells - 1], digits = 0;
    while (at + digits < sp->len && digits < 5 && text[sp->at + at + digits] >= '0' &&
           text[sp->at + at + digits] <= '9')
      digits++;
    size_t end = at + digits + (at + digits < sp->len && text[sp->at + at + digits] == '.');
    if (digits >= 1 && digits <= 4 && end == sp->len && text[sp->at + at - 1] == ' ')
      text[sp->at + at - 1] = '\t';
  }
}

/* Appends a margin block's ROWS lines from line FIRST to SPANS: the margin's pieces as one
 * line (the item's number and title), then the text beside and after them, line by line
 * in its column's measure (the first line's fields beyond the text column with it). */
static bool read_margin_block(const lines *all, size_t first, size_t rows, size_t measure,
                              span **spans, size_t *count, size_t *cap) {
  const span *head = &all->spans[first];
  size_t column = head->cell_col[1];
  size_t col_measure = measure > column + PK_REFLOW_MIN_MEASURE / 2 ? measure - column : 0;
  for (int pass = 0; pass < 2; pass++) {
    bool started = false;
    for (size_t i = first; i < first + rows; i++) {
      const span *sp = &all->spans[i];
      bool in_margin = cell_column(head, sp->cell_col[0]) == 0;
      span piece;
      if (pass == 0 && in_margin) piece = cell_piece(sp, 0);
      else if (pass == 1 && !in_margin) piece = *sp;
      else if (pass == 1 && sp->cells >= 2)
        piece = (span){.at = sp->at + sp->cell_at[1], .len = sp->len - sp->cell_at[1], .indent = sp->cell_col[1]};
      else continue;
      if (!pk_reserve((void **)spans, cap, *count + 1, sizeof **spans)) return false;
      piece.gap = piece.head = 0, piece.cells = 0;
      piece.row = !started, piece.glued = started && pass == 0;
      piece.measure = pass == 1 ? col_measure : 0;
      (*spans)[(*count)++] = piece;
      started = true;
    }
  }
  return true;
}

/* pdftotext -layout sets a label column beside a text column on the same lines: "<label>
 * <gap> Godkendt, idet ..." and the text's next lines indented to its column.  Such a
 * label is put on a line of its own, before the text, and the text's lines are read as a
 * column of their own measure.  A label beside a single line stays one line with it
 * when it is a field (see heading_beside_text).  A row starts a line. */
static bool split_columns(lines *all, size_t measure) {
  span *spans = NULL;
  size_t count = 0, cap = 0;
  const char *text = all->text.data ? all->text.data : "";
  tables known;
  find_tables(all, &known);
  for (size_t i = 0; i < all->count; i++) {
    bool alone, margin = false;
    size_t rows = table_row(all, i, &alone);
    /* A row of a table the page shows goes before a margin block, but for two columns:
     * a margin's title beside its text is read as that. */
    bool known_row = !alone && rows && one_line_row(&all->spans[i], &known);
    if (!alone && (!known_row || all->spans[i].cells == 2)) {
      size_t block = margin_block(all, i, &margin);
      if (margin) rows = block, known_row = false;
    }
    if (margin) {
      if (!read_margin_block(all, i, rows, measure, &spans, &count, &cap)) return free(spans), false;
      i += rows - 1;
      continue;
    }
    if (alone || known_row) {
      if (!read_table_row(all, i, rows, measure, &spans, &count, &cap)) return free(spans), false;
      i += rows - 1;
      continue;
    }
    span line = all->spans[i];
    size_t column = line.gap;
    /* An item's number beside its title is no label, nor the first cell of a row of three
     * or more ("Parti   For   Imod   Undlod", "A   3   0   0"): the line stays one. */
    bool label = line.cells <= 2 && column_label(text, &line) && !margin_numbered(text, &line);
    bool block = label && i + 1 < all->count && at_column(&all->spans[i + 1], column);
    if (!pk_reserve((void **)&spans, &cap, count + 2, sizeof *spans)) return free(spans), false;
    if (label && !block && heading_beside_text(text, &line)) {
      spans[count++] = (span){.at = line.at, .len = line.head, .indent = line.indent, .row = true};
      spans[count++] = (span){.at = line.at + line.head + 1, .len = line.len - line.head - 1, .indent = column};
      continue;
    }
    if (!block) {
      spans[count] = line;
      spans[count++].row = label;
      continue;
    }
    size_t col_measure = measure > column + PK_REFLOW_MIN_MEASURE / 2 ? measure - column : 0;
    spans[count++] = (span){.at = line.at, .len = line.head, .indent = line.indent, .row = true};
    spans[count++] = (span){.at = line.at + line.head + 1, .len = line.len - line.head - 1, .measure = col_measure, .indent = column};
    for (; i + 1 < all->count && at_column(&all->spans[i + 1], column); i++) {
      if (!pk_reserve((void **)&spans, &cap, count + 1, sizeof *spans)) return free(spans), false;
      spans[count] = all->spans[i + 1];
      spans[count++].measure = col_measure;
    }
  }
  free(all->spans);
  all->spans = spans, all->count = count, all->cap = cap;
  return true;
}

/* Whether the blank line I, after line PREV, lies inside a paragraph: OCR parts a page
 * into blocks by blank lines, and a full line goes on after one in lower case (no
 * sentence, heading or item starts so). */
static bool bridges_blank(const lines *all, size_t i, const span *prev, size_t measure) {
  const char *base = all->text.data ? all->text.data : "";
  if (!prev || all->spans[i].len || prev->len == 0 || i + 1 >= all->count) return false;
  const span *next = &all->spans[i + 1];
  if (!next->len || next->glued || next->row || next->measure || prev->measure ||
      !lower_at(base + next->at, next->len, 0))
    return false;
  return pk_reflow_is_full(base + prev->at, prev->len, base + next->at, next->len, measure);
}

/* Whether LINE, under PREV, opens a typewriter's paragraph: indented past PREV's start by
 * two columns or more and opening with a capital, where a paragraph's later lines go back
 * to the margin ("Pkt. 2. Title. J.nr. l8.15.04" / "   Regnskabsgennemgangen viser ...").
 * Not a table's or a column's line, nor a hanging indent's, at a column where one of the
 * line above's first words or cells starts ("36. Anlægsbevilling ... på Bækkerød" / "
 * Rådhus, etape 2"), or under a line its comma, hyphen or short last word leaves open
 * ("... ved Skovvænget," / "Nørre Brokøbing"); in small letters it goes on anyway. */
static bool opens_indented_paragraph(const char *base, const span *prev, const span *line) {
  if (line->cells > 1 || line->measure || prev->measure || !prev->len) return false;
  if (line->indent < prev->indent + 2 || !upper_at(base + line->at, line->len, 0)) return false;
  /* a title's hanging indent, or a value column's: at a column where a word or a cell of
   * the line above starts, or one past it (OCR read two spaces as one) */
  for (size_t w = 0; w < WORD_COLS + MAX_CELLS; w++) {
    size_t col = w < WORD_COLS ? prev->word_col[w] : w - WORD_COLS < prev->cells ? prev->cell_col[w - WORD_COLS] : 0;
    if (col && (line->indent == col || line->indent == col + 1)) return false;
  }
  char last = base[prev->at + prev->len - 1];
  bool open = last == ',' || last == '-' || ends_in_linking_word(base + prev->at, prev->len);
  return !open || base[line->at + line->len - 1] == ':'; /* a label's line ends in its colon */
}

enum { RIGHT_FIELD_MAX = 32 }; /* bytes of a field set off at a line's right end */

/* Whether SP ends in a case's field set off to the right by a gap of spaces, short (a
 * typewriter's journal number: "... Ladegårdsparken     J.nr. l7.0l.05"). */
static bool ends_in_right_field(const pk_heading_words *headings, const char *base, const span *sp) {
  if (!headings || !headings->is_case_field || sp->cells != 2 || sp->measure) return false;
  size_t field = sp->cell_at[1];
  if (field >= sp->len || sp->len - field > RIGHT_FIELD_MAX) return false;
  return headings->is_case_field(headings->ctx, base + sp->at + field, sp->len - field);
}

/* Whether PREV, an item's numbered title line, ends in such a field: a header's line, which
 * the capitalised LINE under it does not go on; in small letters it does. */
static bool right_field_ends(const pk_heading_words *headings, const char *base, const span *prev,
                             const span *line) {
  if (!line->len || line->measure || !upper_at(base + line->at, line->len, 0) ||
      !ends_in_right_field(headings, base, prev))
    return false;
  return starts_numbered_title(headings, base + prev->at, prev->len);
}

enum { LABEL_LINE_WORDS_MAX = 3 }; /* words of an item's label alone: "Sag nr. 41" */

/* Whether LABEL is an item's label and number with no title after it, but for a case's
 * field set off to its right ("Punkt 1.          Sagsnr. 01.02.05-P16-3-86"), and TITLE, the line under
 * it, ends its sentence: a typewritten item's title, which the text under it does not go
 * on, even a full line, or one whose capital OCR read as a digit ("0konomiudvalget"). */
static bool title_under_label(const pk_heading_words *headings, const char *base,
                              const span *label, const span *title, const span *line) {
  const char *a = base + label->at;
  size_t label_len = label->gap ? label->head : label->len, words = 1;
  if (!starts_labelled_item(headings, a, label->len) || label->measure || title->measure ||
      (label->gap && !ends_in_right_field(headings, base, label)))
    return false;
  for (size_t i = 0; i < label_len; i++) words += a[i] == ' ';
  /* the label ends in its number ("Punkt 1.", "Sag nr. 41"), no title's word after it */
  size_t end = label_len;
  while (end > 0 && (a[end - 1] == ' ' || a[end - 1] == '.' || a[end - 1] == ':')) end--;
  if (!end || a[end - 1] < '0' || a[end - 1] > '9') return false;
  const char *b = base + line->at;
  return words <= LABEL_LINE_WORDS_MAX && title->len && line->len &&
         pk_reflow_ends_sentence(base + title->at, title->len) &&
         base[title->at + title->len - 1] == '.' &&
         (upper_at(b, line->len, 0) || (b[0] >= '0' && b[0] <= '9'));
}

bool pk_reflow(const char *text, size_t len, size_t measure, const pk_heading_words *headings,
               pk_buf *out, unsigned long long *hyphens) {
  lines all = {0};
  span *scratch = NULL;
  bool ok = tidy_lines(text, len, &all);
  if (ok) keep_margin_numbers(&all);
  ok = ok && split_columns(&all, measure) &&
            (scratch = malloc(all.count * sizeof *scratch)) != NULL;
  for (size_t i = 0; ok && i < all.count;) {
    size_t next = pair_labels(&all, i, scratch);
    i = next > i ? next : i + 1;
  }
  const char *base = all.text.data ? all.text.data : "";
  const span *prev = NULL, *before_prev = NULL;
  for (size_t i = 0; ok && i < all.count; i++) {
    const span *line = &all.spans[i];
    if (bridges_blank(&all, i, prev, measure)) continue;
    if (prev) {
      /* Within a column, its own measure; from a label to its column's text, a line end. */
      size_t lines_measure = line->measure && prev->measure ? line->measure : line->measure ? 0 : measure;
      join how = line->glued ? JOIN_SPACE
                 : line->row || opens_indented_paragraph(base, prev, line) ||
                         right_field_ends(headings, base, prev, line) ||
                         (before_prev && title_under_label(headings, base, before_prev, prev, line))
                     ? JOIN_LINE
                             : line_join(base + prev->at, prev->len, base + line->at, line->len, lines_measure,
                                         headings);
      if (how == JOIN_DROP_HYPHEN) {
        out->data[--out->len] = '\0'; /* the hyphen, last byte of OUT */
        ++*hyphens;
      } else if (how != JOIN_TIGHT) {
        ok = pk_buf_append_char(out, how == JOIN_SPACE ? ' ' : '\n');
      }
    }
    ok = ok && pk_buf_append(out, base + line->at, line->len);
    before_prev = prev;
    prev = line;
  }
  free(scratch);
  free(all.spans);
  pk_buf_free(&all.text);
  return ok;
}

/* ---- OCR's misreadings ------------------------------------------------------------------ */

static bool is_letter_or_dot(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'; }

/* "]" for "J" at a word's start, and "J .nr." run together again. */
static size_t repair_brackets(char *line, size_t len, unsigned long long *repairs) {
  for (size_t i = 0; i < len; i++) {
    if (line[i] != ']' || (i > 0 && !is_space(line[i - 1]))) continue;
    size_t next = i + 1;
    if (next + 1 < len && line[next] == ' ' && line[next + 1] == '.') { /* "] .nr." */
      memmove(line + next, line + next + 1, len - next - 1);
      len--;
    }
    if (next < len && is_letter_or_dot(line[next]) && (line[next] == '.' || lower_at(line, len, next))) {
      line[i] = 'J';
      ++*repairs;
    }
  }
  for (size_t i = 0; i + 3 < len; i++) /* "J .nr." */
    if (line[i] == 'J' && (i == 0 || is_space(line[i - 1])) && line[i + 1] == ' ' && line[i + 2] == '.' &&
        line[i + 3] == 'n') {
      memmove(line + i + 1, line + i + 2, len - i - 2);
      len--;
    }
  return len;
}

/* Letters of a label before an item's number, the rules' item labels cut short. */
enum { LABEL_MIN = 2, LABEL_MAX = 6 };

/* Where a short word at LINE[at, len) (LABEL_MIN to LABEL_MAX ASCII letters, a full stop
 * after them or not: an item's label; not "l." itself) and the blanks after it end, else
 * AT. */
static size_t skip_item_label(const char *line, size_t len, size_t at) {
  size_t end = at;
  while (end < len && end - at <= LABEL_MAX && (line[end] | 0x20) >= 'a' &&
         (line[end] | 0x20) <= 'z')
    end++;
  if (end - at < LABEL_MIN || end - at > LABEL_MAX) return at;
  if (end < len && line[end] == '.') end++;
  if (end == len || !is_space(line[end])) return at;
  while (end < len && is_space(line[end])) end++;
  return end;
}

/* An item's number at the line's start with O, l or I for digits ("1O. Budget", "l.
 * Godkendelse", "Pkt. 1O7"): the token before ". " and a capital (blanks between them
 * too: a typewriter's tab), or after a short word (an item's label) before blanks or a
 * stop, of digits but for those letters, one of them a digit or the token a lone "l" (no
 * word, unlike the numeral "I"). */
static void repair_item_number(char *line, size_t len, unsigned long long *repairs) {
  size_t start = 0;
  while (start < len && is_space(line[start])) start++;
  size_t label_end = skip_item_label(line, len, start);
  bool labelled = label_end > start;
  start = label_end;
  size_t end = start, digits = 0, letters = 0;
  for (; end < len && end - start < 4; end++) {
    char c = line[end];
    if (c >= '0' && c <= '9') digits++;
    else if (c == 'O' || c == 'l' || c == 'I') letters++;
    else break;
  }
  if (!letters) return;
  size_t after = end < len && line[end] == '.' ? end + 1 : end;
  size_t title = after;
  while (title < len && is_space(line[title])) title++;
  bool numbered = after > end && title > after && upper_at(line, len, title);
  bool after_label = labelled && (end == len || is_space(line[end]) || after > end);
  if (!numbered && !after_label) return;
  bool lone_l = digits == 0 && end - start == 1 && line[start] == 'l';
  if (!digits && !lone_l) return;
  for (size_t i = start; i < end; i++) {
    if (line[i] >= '0' && line[i] <= '9') continue;
    line[i] = line[i] == 'O' ? '0' : '1';
    ++*repairs;
  }
}

size_t pk_ocr_repair_number(char *line, size_t len, unsigned long long *repairs) {
  repair_item_number(line, len, repairs);
  return len;
}

size_t pk_ocr_repair(char *line, size_t len, unsigned long long *repairs) {
  len = repair_brackets(line, len, repairs);
  repair_item_number(line, len, repairs);
  return len;
}
