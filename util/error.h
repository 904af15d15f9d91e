/* error.h: filling the library's one error record. */
#ifndef PK_ERROR_H
#define PK_ERROR_H

#include "punktum.h"

/* Fills ERR (if not NULL) and returns STATUS, so callers can `return pk_error_set(...)`. */
pk_status pk_error_set(pk_error *err, pk_status status, const char *file, long line,
                       long offset, const char *format, ...)
    __attribute__((format(printf, 6, 7)));
void pk_error_clear(pk_error *err);

#endif
