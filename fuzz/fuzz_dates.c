/* fuzz_dates.c: the Danish date and time reader on arbitrary text: any result must be a
 * well-formed ISO date or time inside the text it was read from. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  char iso[11], hhmm[6];
  size_t start = 0, end = 0;
  if (pk_date_find(text, size, iso, &start, &end) == 1) {
    if (strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-' || start > end || end > size) abort();
  }
  if (pk_time_find(text, size, hhmm, &start, &end) == 1) {
    if (strlen(hhmm) != 5 || hhmm[2] != ':' || start > end || end > size) abort();
  }
  return 0;
}
