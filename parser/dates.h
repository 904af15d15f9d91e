/* dates.h: Danish dates and clock times as printed in minutes, to ISO forms. */
#ifndef PK_DATES_H
#define PK_DATES_H

#include <stddef.h>

/* Finds the first complete, valid date in TEXT (LEN bytes of UTF-8, not NUL-terminated):
 * "Tirsdag den 19. maj 2015", "19 maj 2015", "15-maj-2002", "19-05-2015", "19.05.15",
 * "19/5-2015", "2015-05-19" ...  Writes "YYYY-MM-DD" into ISO, sets *START and *END (when
 * not NULL) to the date's bytes, and returns 1; returns 0 when there is none.  A day and
 * month without a year is not a complete date. */
int pk_date_find(const char *text, size_t len, char iso[11], size_t *start, size_t *end);

/* Finds the first clock time ("9:00", "kl. 16.30", "16:30-18:00" gives 16:30) and writes
 * "HH:MM" into HHMM.  Same contract as pk_date_find. */
int pk_time_find(const char *text, size_t len, char hhmm[6], size_t *start, size_t *end);

#endif
