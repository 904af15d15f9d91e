/* files.h: a test's input file read whole. */
#ifndef PK_TEST_FILES_H
#define PK_TEST_FILES_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* The bytes of the file at PATH, NUL-terminated (LEN: how many, the NUL not counted); the
 * caller frees them.  A test fails where the file cannot be read. */
static inline char *read_all(const char *path, size_t *len) {
  FILE *file = fopen(path, "rb");
  ck_assert_msg(file != NULL, "%s: cannot open", path);
  char *text = NULL;
  size_t cap = 0, got;
  *len = 0;
  do {
    if (*len + 4096 + 1 > cap) {
      cap = cap ? cap * 2 : 8192;
      text = realloc(text, cap);
      ck_assert_ptr_nonnull(text);
    }
    got = fread(text + *len, 1, cap - *len - 1, file);
    *len += got;
  } while (got);
  fclose(file);
  text[*len] = '\0';
  return text;
}

#endif
