/* numset.c: see numset.h. */
#include "config.h"

#include "numset.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

typedef struct run {
  unsigned long first, last;
} run;

struct pk_numset {
  run *runs; /* sorted, apart, not touching */
  size_t run_count, run_cap;
  char **texts;
  size_t text_count, text_cap;
  bool texts_full; /* NUMSET_TEXT_MAX reached: other numbers count as present */
};

pk_numset *pk_numset_new(void) { return calloc(1, sizeof(pk_numset)); }

void pk_numset_free(pk_numset *set) {
  if (!set) return;
  for (size_t i = 0; i < set->text_count; i++) free(set->texts[i]);
  free(set->texts);
  free(set->runs);
  free(set);
}

/* The value of NUMBER when it is a whole number of at most nine digits. */
static bool whole_number(const char *number, unsigned long *value) {
  size_t len = strlen(number);
  if (len == 0 || len > 9 || strspn(number, "0123456789") != len) return false;
  *value = strtoul(number, NULL, 10);
  return true;
}

/* Index of the first run that does not end before VALUE - 1 (runs one apart merge). */
static size_t run_at(const pk_numset *set, unsigned long value) {
  size_t low = 0, high = set->run_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (set->runs[mid].last + 1 < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

static bool add_whole(pk_numset *set, unsigned long value) {
  size_t at = run_at(set, value);
  if (at < set->run_count && set->runs[at].first <= value + 1) {
    run *found = &set->runs[at];
    if (value < found->first) found->first = value;
    if (value > found->last) found->last = value;
    /* Growing up to the next run joins them. */
    if (at + 1 < set->run_count && found->last + 1 >= set->runs[at + 1].first) {
      found->last = set->runs[at + 1].last;
      memmove(&set->runs[at + 1], &set->runs[at + 2], (set->run_count - at - 2) * sizeof *set->runs);
      set->run_count--;
    }
    return true;
  }
  if (!pk_reserve((void **)&set->runs, &set->run_cap, set->run_count + 1, sizeof *set->runs))
    return false;
  memmove(&set->runs[at + 1], &set->runs[at], (set->run_count - at) * sizeof *set->runs);
  set->runs[at] = (run){value, value};
  set->run_count++;
  return true;
}

static bool has_text(const pk_numset *set, const char *number) {
  for (size_t i = 0; i < set->text_count; i++)
    if (strcmp(set->texts[i], number) == 0) return true;
  return false;
}

static bool add_text(pk_numset *set, const char *number) {
  if (set->texts_full || has_text(set, number)) return true;
  if (set->text_count == NUMSET_TEXT_MAX) {
    set->texts_full = true;
    return true;
  }
  if (!pk_reserve((void **)&set->texts, &set->text_cap, set->text_count + 1, sizeof *set->texts))
    return false;
  char *copy = pk_strndup(number, strlen(number));
  if (!copy) return false;
  set->texts[set->text_count++] = copy;
  return true;
}

bool pk_numset_add(pk_numset *set, const char *number) {
  unsigned long value;
  return whole_number(number, &value) ? add_whole(set, value) : add_text(set, number);
}

bool pk_numset_has(const pk_numset *set, const char *number) {
  unsigned long value;
  if (whole_number(number, &value)) {
    size_t at = run_at(set, value);
    return at < set->run_count && set->runs[at].first <= value && value <= set->runs[at].last;
  }
  return set->texts_full || has_text(set, number);
}
