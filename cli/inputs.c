/* inputs.c: listing a run's inputs. */
#include "config.h"

#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { MAX_DEPTH = 64 };

static char *copy(const char *text) {
  size_t len = strlen(text);
  char *out = malloc(len + 1);
  if (out) memcpy(out, text, len + 1);
  return out;
}

static char *join(const char *dir, const char *name) {
  size_t dir_len = strlen(dir), name_len = strlen(name);
  bool slash = dir_len > 0 && dir[dir_len - 1] != '/';
  char *out = malloc(dir_len + slash + name_len + 1);
  if (!out) return NULL;
  memcpy(out, dir, dir_len);
  if (slash) out[dir_len] = '/';
  memcpy(out + dir_len + slash, name, name_len + 1);
  return out;
}

/* Takes PATH and RELATIVE (malloc'd); ERROR is copied. */
static bool append(cli_inputs *list, char *path, char *relative, unsigned long long size,
                   const char *error) {
  if (!path || !relative) goto fail;
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 64;
    cli_input *grown = realloc(list->items, cap * sizeof *grown);
    if (!grown) goto fail;
    list->items = grown;
    list->cap = cap;
  }
  cli_input *in = &list->items[list->count];
  *in = (cli_input){path, relative, size, NULL};
  if (error && !(in->error = copy(error))) goto fail;
  list->count++;
  return true;
fail:
  free(path);
  free(relative);
  return false;
}

/* The part of PATH under -o DIR: without leading "/" and "./", and without any ".."
 * (which would leave DIR): then only its last component. */
static char *relative_of(const char *path) {
  while (*path == '/') path++;
  while (strncmp(path, "./", 2) == 0) path += 2;
  if (strcmp(path, "..") == 0 || strncmp(path, "../", 3) == 0 || strstr(path, "/../") ||
      (strlen(path) >= 3 && strcmp(path + strlen(path) - 3, "/..") == 0)) {
    const char *slash = strrchr(path, '/');
    path = slash ? slash + 1 : path;
  }
  return copy(*path ? path : "input");
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible entries of DIR, sorted; NULL with errno set when it cannot be read. */
static char **entries_of(const char *dir, size_t *count) {
  DIR *handle = opendir(dir);
  if (!handle) return NULL;
  char **names = NULL;
  size_t cap = 0;
  *count = 0;
  struct dirent *entry;
  while ((entry = readdir(handle)) != NULL) {
    if (entry->d_name[0] == '.') continue;
    if (*count == cap) {
      cap = cap ? cap * 2 : 32;
      char **grown = realloc(names, cap * sizeof *grown);
      if (!grown) break;
      names = grown;
    }
    if (!(names[*count] = copy(entry->d_name))) break;
    (*count)++;
  }
  closedir(handle);
  if (*count) qsort(names, *count, sizeof *names, by_name);
  if (!names) names = calloc(1, sizeof *names);
  return names;
}

/* Whether NAME matches one of the comma-separated patterns of GLOB. */
static bool glob_matches(const char *glob, const char *name) {
  char pattern[512];
  for (const char *part = glob;;) {
    const char *comma = strchr(part, ',');
    size_t len = comma ? (size_t)(comma - part) : strlen(part);
    if (len < sizeof pattern) {
      memcpy(pattern, part, len);
      pattern[len] = '\0';
      if (len && fnmatch(pattern, name, 0) == 0) return true;
    }
    if (!comma) return false;
    part = comma + 1;
  }
}

const char *cli_form_of(const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && strchr(dot, '/')) dot = NULL;
  return dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0) ? "html" : NULL;
}

static bool walk(cli_inputs *list, const char *dir, const char *relative, const char *glob,
                 int depth) {
  size_t count = 0;
  char **names = entries_of(dir, &count);
  if (!names) return append(list, copy(dir), copy(relative), 0, strerror(errno));
  bool ok = true;
  for (size_t i = 0; i < count; i++) {
    char *path = join(dir, names[i]);
    char *rel = join(relative, names[i]);
    struct stat info, target;
    bool listed = path && rel && lstat(path, &info) == 0;
    if (listed && S_ISDIR(info.st_mode) && depth < MAX_DEPTH) {
      ok = ok && walk(list, path, rel, glob, depth + 1);
    } else if (listed && glob_matches(glob, names[i])) {
      /* A symbolic link to a file is that file; one that points nowhere is reported. */
      bool is_link = S_ISLNK(info.st_mode);
      bool found = !is_link || stat(path, &target) == 0;
      if (!found) {
        ok = ok && append(list, path, rel, 0, strerror(errno)), path = rel = NULL;
      } else if (S_ISREG(is_link ? target.st_mode : info.st_mode)) {
        unsigned long long size = (unsigned long long)(is_link ? target.st_size : info.st_size);
        ok = ok && append(list, path, rel, size, NULL), path = rel = NULL;
      }
    }
    free(path);
    free(rel);
    free(names[i]);
  }
  free(names);
  return ok;
}

bool cli_inputs_add(cli_inputs *list, const char *path, const char *glob) {
  if (strcmp(path, "-") == 0) return append(list, copy("-"), copy("stdin"), 0, NULL);
  struct stat info;
  if (stat(path, &info) != 0) return append(list, copy(path), relative_of(path), 0, strerror(errno));
  if (S_ISDIR(info.st_mode)) {
    list->walked = true;
    return walk(list, path, "", glob, 0);
  }
  return append(list, copy(path), relative_of(path),
                S_ISREG(info.st_mode) ? (unsigned long long)info.st_size : 0, NULL);
}

/* Reads all of IN (a file list is small next to the files it names). */
static char *read_all(FILE *in, size_t *len) {
  size_t cap = 4096;
  char *data = malloc(cap + 1);
  *len = 0;
  for (size_t got; data && (got = fread(data + *len, 1, cap - *len, in)) > 0;) {
    *len += got;
    if (*len == cap) {
      char *grown = realloc(data, cap * 2 + 1);
      if (!grown) {
        free(data);
        return NULL;
      }
      data = grown;
      cap *= 2;
    }
  }
  if (data) data[*len] = '\0';
  return data;
}

bool cli_inputs_add_list(cli_inputs *list, const char *file, const char *glob,
                         const char **error) {
  FILE *in = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
  if (!in) {
    *error = strerror(errno);
    return false;
  }
  size_t len;
  char *data = read_all(in, &len);
  bool failed = ferror(in);
  if (in != stdin) fclose(in);
  if (!data || failed) {
    free(data);
    *error = failed ? "cannot read" : "out of memory";
    return false;
  }
  char separator = memchr(data, '\0', len) ? '\0' : '\n';
  bool ok = true;
  for (size_t at = 0; ok && at < len;) {
    char *end = memchr(data + at, separator, len - at);
    size_t stop = end ? (size_t)(end - data) : len;
    data[stop] = '\0';
    if (separator == '\n' && stop > at && data[stop - 1] == '\r') data[stop - 1] = '\0';
    if (data[at]) ok = cli_inputs_add(list, data + at, glob);
    at = stop + 1;
  }
  free(data);
  if (!ok) *error = "out of memory";
  return ok;
}

void cli_inputs_free(cli_inputs *list) {
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].path);
    free(list->items[i].relative);
    free(list->items[i].error);
  }
  free(list->items);
  *list = (cli_inputs){0};
}

FILE *cli_open_input(const char *path, const char **reason) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen(path, "rb");
  if (!in) {
    *reason = strerror(errno);
    return NULL;
  }
  struct stat info;
  *reason = NULL;
  if (fstat(fileno(in), &info) == 0 && S_ISDIR(info.st_mode)) *reason = "is a directory";
  else if (fstat(fileno(in), &info) == 0 && S_ISREG(info.st_mode) && info.st_size == 0)
    *reason = "empty file: nothing to parse";
  if (!*reason) return in;
  if (!is_stdin) fclose(in);
  return NULL;
}

char *cli_output_path(const char *dir, const char *relative, const char *extension) {
  const char *slash = strrchr(relative, '/');
  const char *dot = strrchr(slash ? slash + 1 : relative, '.');
  size_t stem = dot && dot != (slash ? slash + 1 : relative) ? (size_t)(dot - relative)
                                                             : strlen(relative);
  size_t dir_len = strlen(dir);
  bool sep = dir_len > 0 && dir[dir_len - 1] != '/';
  size_t size = dir_len + sep + stem + strlen(extension) + 1;
  char *out = malloc(size);
  if (out) snprintf(out, size, "%s%s%.*s%s", dir, sep ? "/" : "", (int)stem, relative, extension);
  return out;
}
