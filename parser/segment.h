/* segment.h: the segmenter's state and the functions its files share (private to parser/).
 *
 * The segmenter is one stage in five files: segmenter.c reads units into blocks (where
 * items, appendices and back matter start; the feed/finish interface), lookahead.c tries
 * the item rules that see the lines after a unit, contents.c tells a table of contents
 * from the items it lists, assemble.c turns a finished block into the model's records
 * (the document, an item with its sections, an appendix), and blocks.c holds the helpers
 * on blocks and captures they all use. */
#ifndef PK_SEGMENT_H
#define PK_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/keyindex.h"
#include "decisions.h"
#include "decoder.h"
#include "outline.h"
#include "numset.h"
#include "segmenter.h"
#include "toc.h"

enum { META_WITHIN = 4000 }; /* bytes of the preamble searched for metadata by default */

/* Item rules with lines=N see a unit and the N-1 non-blank units after it, with at most
 * PK_LOOKAHEAD_UNITS units after it in all and PROBE_BYTES of each: the look-ahead, and so
 * the memory it holds, is bounded. */
enum { PROBE_BYTES = 2048, PROBES_MAX = PK_LOOKAHEAD_UNITS + 1 };

typedef enum { BLOCK_PREAMBLE, BLOCK_ITEM, BLOCK_APPENDIX, BLOCK_UNCLASSIFIED } block_kind;

typedef struct unit_mark {
  size_t at; /* offset of the unit in the block's text */
  long page;
} unit_mark;

/* A contents list's entry: the title an item of that number takes when its start gives
 * none ("Ad 3." in the minutes after "3. Trafiksikkerhed på Skolevej" in the agenda). */
typedef struct listed_title {
  pk_outline place; /* the entry's number as an outline place ("4", "4.2") */
  char *title;
} listed_title;

/* Text captured by the rule that started a block. */
typedef struct captures {
  char *number, *title, *access, *case_number, *responsible, *item, *reference;
  char *slot, *slot_end; /* a time slot's start and end ("19.00", "19.15") */
  bool labelled;         /* a word stands before the number ("Pkt. 2", not "2.") */
  bool worded;           /* ... in small letters: a label, not a column's code ("ØK 2") */
} captures;

typedef struct block {
  block_kind kind;
  pk_buf text;
  unit_mark *marks;
  size_t mark_count, mark_cap;
  size_t char_start;    /* code point offset of the block in the cleaned text */
  size_t byte_start;    /* byte offset of the block in the cleaned text */
  size_t counted_to, counted_chars; /* code points in text[0, counted_to): spans are
                                       asked for in rising order, so counting resumes */
  size_t body_from;     /* where the start rule's match ended (or its cut title) */
  size_t start_end;     /* where the match ended, where body_from opens the body before it
                           at a title cut short (0: body_from is the match's end) */
  bool from_toc;        /* an item the table of contents placed: its number is as listed */
  bool inside_unit;     /* started inside a unit by an at=anywhere rule */
  bool contents_tail;   /* the last entry of a contents list: the body restarted after it */
  bool title_open;      /* its title ends its first line: the next line may carry it on */
  unsigned title_lines; /* lines its title runs over so far, beyond the first */
  unsigned title_held;  /* lines after the title held for it (see go_on_title) ... */
  size_t title_held_from; /* ... from this byte of text on */
  bool title_held_sentence; /* ... one of which ends a sentence */
  captures caught;
} block;

/* A section heading found in an item's text. */
typedef struct heading_hit {
  const pk_rule *rule;
  size_t start, heading_end;
  size_t body_start, body_end, date_start, date_end;
  bool has_body, has_date;
  size_t rule_order; /* the rule's place in the section rules: the earlier wins a tie */
  bool decides;      /* a heading of another kind over the item's decision ("Referat:") */
} heading_hit;

/* A unit held for the item rules that look ahead: its start, and where it stands, so
 * that a match found once the units after it have come can still start an item there. */
typedef struct probe {
  char *text;           /* the unit's first PROBE_BYTES (a copy) */
  size_t len;
  bool truncated;       /* the unit was longer: nothing after it can be seen from here */
  bool blank;
  bool pending;         /* look-ahead rules are still to be tried here */
  size_t block_at;      /* offset of the unit in the text of the block it went into */
  size_t char_at;       /* code point offset of the unit in the cleaned text */
  long page;
  unsigned long block_id; /* the block it went into */
} probe;

/* The rules of one kind that apply under the chosen profile, in load order: looked up
 * once when the profile is chosen, not at every unit. */
typedef enum {
  SET_ITEM, SET_APPENDIX, SET_BACKMATTER, SET_SECTION, SET_ATTACHMENT, SET_ACCESS, SET_FIELD,
  SET_KIND, SET_META, SET_CONTENTS, SET_GROUP, SET_ENTRY, SET_TITLE_END, SET_TITLE_WRAP, SET_COUNT
} rule_set;

typedef struct rule_list {
  const pk_rule **rules;
  size_t count;
} rule_list;

struct pk_segmenter {
  const pk_rules *rules;
  rule_list sets[SET_COUNT];
  pk_decision_rules decisions; /* the rules that read decisions (decisions.h) */
  const char *profile; /* chosen layout profile, or NULL */
  const char *kind;    /* the document's kind, once the item rules are chosen */
  long profile_score;
  char *start_text;    /* the document's first units, for its kind and metadata */
  size_t start_len;
  pk_scan *start_scan; /* START_TEXT scanned for the rules' literals, or NULL */
  pk_toc toc;          /* items listed in a table of contents, if the profile reads one */
  size_t toc_next;     /* the next listed item not yet started */
  pk_matcher *matcher;
  pk_report *report;
  pk_sink *sink;
  const char *sha256;
  block current;
  block preamble;      /* held until the first item with content is known */
  bool document_sent;
  char meeting_date[11]; /* the document's date and body, once it is sent: which */
  char *meeting_body;    /* decisions are this meeting's */
  bool failed;
  size_t cleaned_chars;  /* code points of cleaned text seen so far */
  size_t cleaned_bytes;  /* and bytes */
  size_t window_whole;   /* start_text's whole lines end here (after its last newline) */
  pk_window_matches *window_found; /* each section rule's matches in start_text, as the
                                      decoder found them (NULL: none) */
  size_t window_found_count;
  const pk_rule *started_by; /* the rule of the last block start */
  long list_next;        /* the next number of a numbered list inside the item, or 0 */
  size_t *decoded;       /* where the decoder's chosen item starts stand in start_text, in
                            order (malloc'd) */
  size_t decoded_count;
  size_t unit_byte;      /* where the unit being read starts in the cleaned text */
  bool list_labelled;    /* ... whose numbers stand after a word ("Pkt. 1"), not alone */
  bool contents_seen;    /* a contents heading stood in the preamble */
  bool contents_bare;    /* ... or a heading of a list whose entries have nothing under
                            them (entries=bare: "Dagsorden 1. ... 2. ..." in a page's line) */
  char *contents_number; /* number and title of the first contents entry, or NULL */
  char *contents_title;
  bool contents_closed;  /* the body has restarted the contents list */
  bool restart_pending;  /* the last item start accepted restarts the contents list */
  long next_start;       /* while a block is finished: the number of the item start that
                            ends it, or -1 */
  listed_title *listed;  /* the titles of the contents list's entries, by number */
  size_t listed_count, listed_cap;
  pk_keyindex listed_by_place; /* listed's entries by pk_outline_key of their place */
  bool listed_parts;     /* ... some of whose numbers have parts ("2.1") */
  block *held;           /* contents entries read so far, before any item with content */
  size_t held_count, held_cap;
  pk_keyindex held_by_place; /* held's entries by pk_outline_key of their number */
  char *sequence_before; /* while a unit is searched for starts inside it: the number of
                            the item its piece starts, which those starts follow */
  const char *group_access; /* access of the group of items being read ("Åbne punkter") */
  size_t item_count;
  char *last_number;     /* number of the previous item, for inference */
  pk_numset *item_numbers; /* numbers of the items sent, to link appendices */
  unsigned lines_max;    /* the longest look-ahead of the item rules (1: none) */
  bool run_together;     /* plain text whose lines ran into one (pk_rule_inside_units) */
  bool inner_rising;     /* an item rule has at=anywhere: the starts inside a unit follow
                            the one it starts with (they rise above it, and closely) */
  probe probes[PROBES_MAX]; /* the units held for it, oldest first */
  size_t probe_count;
  unsigned long block_id;  /* counts the blocks started */
  bool unit_taken;       /* the unit coming is part of a look-ahead match: it starts nothing */
  pk_buf lookahead;      /* the subject a look-ahead rule is matched against */
  bool by_template;      /* items start where the template of headings repeats */
  bool template_titles;  /* ... and each takes the line before its first heading as title */
  long last_page;        /* the page of the unit before */
  bool opens_page;       /* the unit being read is its page's first */
  bool piece_opens_page; /* ... and the piece being read starts it */
  pk_evidence evidence;  /* the section and field rules: item matter (malloc'd array) */
  pk_template template;
  bool template_start;   /* the block start just found is a heading that opens an item */
};

/* A section rule's search through an item's text, match by match (search.c). */
typedef struct rule_search {
  pk_segmenter *seg;
  const pk_rule *rule;
  const char *text;
  size_t len, from;
  const pk_window_matches *found; /* the window's matches, when they are taken */
  const pk_scan *scan;            /* the window's scan, where the window holds the text */
  size_t scan_at, scan_len;       /* the text's offset in it, and how much of the text */
  size_t window_at;               /* the text's offset in the window */
  size_t head_end, window_end;    /* where the first and the second part end */
  size_t next_found;
  int part;
} rule_search;

/* What of an item's text the window holds, worked out once for all its rules. */
typedef struct window_view {
  bool usable;      /* the window holds the text's lines from its head's end on */
  size_t at;        /* the text's offset in the window */
  size_t head_start, head_end; /* the line the search starts in (HEAD_END after its newline) */
  bool head_whole;  /* that line is a whole line of the window */
  size_t window_end; /* the window holds the text's whole lines up to here, its last excluded */
  bool whole_text;  /* ... and the last one too: the text ends with a newline the window holds */
  size_t same_len;  /* the text's first bytes that are the window's (0: none) */
} window_view;

void pk_seg_window_view(const pk_segmenter *seg, const block *blk, window_view *view);
void pk_seg_search_start(rule_search *search, pk_segmenter *seg, const block *blk,
                         const window_view *view, size_t rule_index);
bool pk_seg_search_next(rule_search *search, pk_window_match *match);

/* ---- blocks.c: helpers on blocks and captures */
long pk_seg_leading_integer(const char *number);
const char *pk_seg_classify_access(pk_segmenter *seg, const char *printed);
long long pk_seg_explain_offset(const pk_segmenter *seg, size_t base, const char *text, size_t at);
char *pk_seg_trimmed_copy(const char *text, size_t start, size_t end);
char *pk_seg_take_trimmed(pk_buf *text);
void pk_seg_block_reset(block *blk, block_kind kind, size_t char_start);
bool pk_seg_move_tail(block *from, size_t at, block *to);
char *pk_seg_next_number(const char *previous);
pk_span pk_seg_block_span(block *blk);
char *pk_seg_group_text(pk_matcher *matcher, const char *subject, const char *name);
/* The same, a table row's cells kept apart (pk_collapse_ws_cells). */
char *pk_seg_group_cells(pk_matcher *matcher, const char *subject, const char *name);
long pk_seg_page_at(const block *blk, size_t at);
pk_span pk_seg_span_of(block *blk, size_t start, size_t end);

/* ---- assemble.c: finished blocks -> records */
void pk_seg_note_group_access(pk_segmenter *seg, const block *blk, size_t from);
/* The document's kind by the kind rules ("other" where none matches); *NAMED (may be
 * NULL): a rule named it, "other" included (rules of procedure, a news page). */
const char *pk_seg_document_kind(pk_segmenter *seg, const char *text, size_t len, bool *named);
bool pk_seg_send_document(pk_segmenter *seg, block *preamble);
size_t pk_seg_find_headings(pk_segmenter *seg, const block *blk, heading_hit **out);
bool pk_seg_send_appendix(pk_segmenter *seg, block *blk);
size_t pk_seg_next_char(const char *text, size_t len, size_t at);
bool pk_seg_send_item(pk_segmenter *seg, block *blk);

/* ---- contents.c: a table of contents and the items it lists */
bool pk_seg_absorb_into_preamble(pk_segmenter *seg, block *blk);
bool pk_seg_is_contents_entry(pk_segmenter *seg, const block *blk);
const char *pk_seg_listed_title_of(const pk_segmenter *seg, const char *number);
bool pk_seg_lists_item(const pk_segmenter *seg, long major);
bool pk_seg_ensure_document(pk_segmenter *seg);
bool pk_seg_note_entry_line(pk_segmenter *seg, const char *unit, size_t end, size_t from);
bool pk_seg_whole_line_of(pk_segmenter *seg, rule_set set, const char *arg, const char *text,
                          size_t from, size_t stop);
/* The value group of the first field rule of kind NAME ("case") that matches in TEXT[0,
 * LEN), malloc'd; NULL where none does. */
char *pk_seg_field_value(pk_segmenter *seg, const char *name, const char *text, size_t len);
bool pk_seg_absorb_held(pk_segmenter *seg);
bool pk_seg_settle_held(pk_segmenter *seg, const block *blk);
/* Whether BLK, the first item with content, is the last entry of a list of bare items
 * (the held entries number on into it, nothing after it is an item). */
bool pk_seg_ends_list(pk_segmenter *seg, const block *blk);
bool pk_seg_hold_entry(pk_segmenter *seg, block *blk);

/* ---- lookahead.c: item rules that look ahead (lines=N) */
void pk_seg_drop_probes(pk_segmenter *seg, size_t count);
bool pk_seg_look_ahead(pk_segmenter *seg, const char *next, size_t next_len);
bool pk_seg_hold_probe(pk_segmenter *seg, const char *text, size_t len, long page,
                       size_t block_at, size_t char_at, bool started_inside);

/* ---- segmenter.c: units -> blocks */
void pk_seg_capture_start(pk_segmenter *seg, const char *text, captures *caught);
bool pk_seg_finish_block(pk_segmenter *seg);
/* Whether the item rule's match in TEXT numbers on as an item; AT is where the match
 * starts in the cleaned text (PK_SEG_NOWHERE: not known). */
#define PK_SEG_NOWHERE ((size_t)-1)
bool pk_seg_in_sequence(pk_segmenter *seg, const pk_rule *rule, const char *text, size_t at);

#endif
