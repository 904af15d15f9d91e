/* inputs.h: the list of inputs of one run, from paths, directory trees and file lists,
 * in a stable order, each with the place its output takes under -o DIR. */
#ifndef PK_CLI_INPUTS_H
#define PK_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cli_input {
  char *path;     /* as opened; "-" is standard input */
  char *relative; /* its output's path under -o DIR, before the format's extension: the
                     path as given (without leading "/" or "./"), or for a file found in
                     a directory, its path below that directory */
  unsigned long long size; /* bytes (0 when unknown) */
  char *error;    /* why it cannot be read, found while listing; NULL if none */
} cli_input;

typedef struct cli_inputs {
  cli_input *items;
  size_t count, cap;
  bool walked;    /* a directory was given: its tree's files are inputs */
} cli_inputs;

/* The files a directory gives by default: the forms punktum reads. */
#define CLI_DEFAULT_GLOB "*.txt,*.pdf,*.htm,*.html"

/* "html" for a path ending in .htm or .html (an HTML page, whatever its start looks
 * like), else NULL: the input's first bytes tell. */
const char *cli_form_of(const char *path);

/* Adds PATH: a file, "-", or a directory walked recursively in name order, taking the
 * regular files whose name matches one of GLOB's comma-separated patterns (fnmatch) and skipping hidden entries and
 * symbolic links to directories.  False only when out of memory; a path that cannot be
 * read becomes an input with its error set. */
bool cli_inputs_add(cli_inputs *list, const char *path, const char *glob);
/* Adds the paths listed in FILE ("-": standard input), one a line, or NUL-separated when
 * the list holds a NUL byte.  False (with *ERROR set, static) when FILE cannot be read. */
bool cli_inputs_add_list(cli_inputs *list, const char *file, const char *glob, const char **error);
void cli_inputs_free(cli_inputs *list);

/* Opens PATH ("-": standard input) for reading; NULL with *REASON (static) when it
 * cannot be opened, is a directory, or is an empty file (nothing to parse). */
FILE *cli_open_input(const char *path, const char **reason);

/* malloc'd DIR/RELATIVE with RELATIVE's extension replaced by EXTENSION (".json"). */
char *cli_output_path(const char *dir, const char *relative, const char *extension);

#endif
