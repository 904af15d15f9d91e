/* builtin.h: the rule files compiled into the library (generated builtin.c). */
#ifndef PK_BUILTIN_H
#define PK_BUILTIN_H

#include <stddef.h>

typedef struct pk_builtin_file {
  const char *name;
  const unsigned char *data;
  size_t size;
} pk_builtin_file;

extern const pk_builtin_file pk_builtin_rule_files[];
extern const size_t pk_builtin_rule_file_count;

#endif
