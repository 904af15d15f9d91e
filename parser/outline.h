/* outline.h: an item's number read as its place in the agenda's outline.  Agendas number
 * their items 1, 2, 3 or, under numbered groups, 1.1, 1.2, 2.1 ("1. Sager til beslutning",
 * "1.1 Godkendelse af dagsorden"); an item rule's number must rise in that order, and the
 * decoder counts items whose numbers run on one after another. */
#ifndef PK_OUTLINE_H
#define PK_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pk_outline {
  long major; /* the leading whole number ("12" of "12", "1" of "1.2", "4" of "04/14"); -1: none */
  long minor; /* the number after a full stop ("2" of "1.2"), or a letter's place ("46a",
                 an item added after 46: 1); -1: none */
} pk_outline;

/* The outline place of the number printed in TEXT[0, LEN) (digits from its first digit; a
 * number of one letter and no digit at the letter's place: A is 1; a Roman numeral at its
 * value: IV is 4). */
pk_outline pk_outline_of(const char *text, size_t len);
/* The outline place of NUMBER, a NUL-terminated printed number; {-1, -1} for NULL. */
pk_outline pk_outline_of_number(const char *number);
/* <0, 0 or >0 as A stands before, at or after B (a group's number before its first
 * sub-item's: 1 < 1.1 < 1.2 < 2). */
int pk_outline_compare(pk_outline a, pk_outline b);
/* Whether B is the next place after A: 3 after 2, 1.3 after 1.2, 1.1 after 1 (a group's
 * first item), 2 or 2.1 after 1.3 (the next group), 2.0 after 1.0 (items numbered with
 * their level's zero). */
bool pk_outline_follows(pk_outline a, pk_outline b);
/* Whether B is a point inside item A, which is numbered with its level's zero: agendas
 * that number their items "1.0", "2.0" number an item's points "2.1", "2.2". */
bool pk_outline_point_of(pk_outline a, pk_outline b);
/* Whether the printed number TEXT[0, LEN) is a letter past C ("P."), which cannot open a
 * lettered list: a name's initial ("P. Lauridsen" under a letter). */
bool pk_outline_late_letter(const char *text, size_t len);
/* Whether an item numbered PLACE may follow the item numbered BEFORE (major -1: none) in
 * a rising sequence, as far as the number's width goes.  Numbers of four digits and more
 * run on from the item before, within a few numbers (a council that numbers its items
 * through the year: "1041.", "1042.", closed ones left out), or, first, are labelled
 * ("Punkt 1041"); a year at a line's start is neither ("2024. Budgettet holder"). */
bool pk_outline_wide_in_place(pk_outline before, pk_outline place, bool labelled);
/* Whether a bare number PLACE (BARE: no word before it) after an item numbered BEFORE
 * under a label word (BEFORE_WORDED: "Punkt 3") leaps from the items' numbering: a
 * section's number inside the item ("3. Baggrund") or a count of a table read one cell
 * a line ("25" over "Imod"), not the next item, which keeps the items' label. */
bool pk_outline_leaps(pk_outline before, pk_outline place, bool before_worded, bool bare);
/* PLACE as one number, the key of indexes by place. */
static inline uint64_t pk_outline_key(pk_outline place) {
  return (uint64_t)(uint32_t)place.major << 32 | (uint32_t)place.minor;
}
/* Whether B is a sub-item of the group A (1.1 of 1). */
bool pk_outline_opens_group(pk_outline a, pk_outline b);

#endif
