/* main.c: the punktum command: options, then the library does the work.  One input goes
 * straight through; several, or a directory, go to the batch runner (batch.c); --stream
 * reads many documents from standard input (stream.c). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "inputs.h"
#include "punktum.h"
#include "stream.h"

/* Exit codes, in one place. */
typedef enum {
  EXIT_FINE = 0,   /* everything went well */
  EXIT_INPUT = 1,  /* an input could not be read or parsed, or output could not be written */
  EXIT_USAGE = 2   /* bad options or bad rule files */
} exit_code;

/* The option table: getopt_long's options and the --help text come from here. */
typedef struct option_doc {
  const char *name;
  int key;
  const char *arg;
  const char *help;
} option_doc;

enum {
  OPT_ENCODING = 256, OPT_RULES, OPT_PROFILE, OPT_LIST_PROFILES, OPT_EXPLAIN, OPT_COVERAGE,
  OPT_CLEANED, OPT_GLOB, OPT_FILES_FROM, OPT_SKIP_EXISTING, OPT_STREAM, OPT_SEPARATOR,
  OPT_NAMES, OPT_NO_JIT, OPT_OCR, OPT_PDF_TIMEOUT, OPT_VERSION
};

static const option_doc OPTIONS[] = {
    {"format", 'f', "FORMAT", "output format: json (default), xml, jsonl (one line per item) or csv (one row per item)"},
    {"output", 'o', "FILE|DIR", "write to FILE, or with several inputs one file per input under DIR, mirroring the input tree; each is written under a temporary name and put in place when complete"},
    {"jobs", 'j', "N", "parse N inputs at a time (default: the number of processors)"},
    {"glob", OPT_GLOB, "PATTERNS", "in directories, take the files whose name matches one of the comma-separated PATTERNS (default: " CLI_DEFAULT_GLOB ")"},
    {"files-from", OPT_FILES_FROM, "FILE", "also take the inputs listed in FILE, one a line or NUL-separated (- for standard input)"},
    {"skip-existing", OPT_SKIP_EXISTING, NULL, "with -o DIR, leave an output that is newer than its input (resume an interrupted run)"},
    {"quiet", 'q', NULL, "no progress line and no summary (failures are still reported)"},
    {"stream", OPT_STREAM, NULL, "read many documents from standard input, separated by NUL (or --separator), and write one jsonl or csv stream"},
    {"separator", OPT_SEPARATOR, "nul|ff", "with --stream, the byte between documents: NUL (default) or form feed"},
    {"names", OPT_NAMES, NULL, "with --stream, the first line of each document is its name"},
    {"encoding", OPT_ENCODING, "NAME", "input encoding (iconv name); default: detect"},
    {"pdf-timeout", OPT_PDF_TIMEOUT, "SECONDS", "stop pdftotext on a PDF that takes longer than SECONDS (default: 60), and with --ocr pdftoppm or tesseract on a page"},
    {"ocr", OPT_OCR, NULL, "read a PDF without a text layer (a scan) by OCR: each page rendered by pdftoppm and read by tesseract -l dan (tesseract-ocr, tesseract-ocr-dan)"},
    {"rules", OPT_RULES, "DIR", "add the *.rules files of DIR; a rule of the same name replaces a built-in one"},
    {"profile", OPT_PROFILE, "NAME", "use layout profile NAME instead of detecting it"},
    {"list-profiles", OPT_LIST_PROFILES, NULL, "list the layout profiles and exit"},
    {"no-jit", OPT_NO_JIT, NULL, "match rules with PCRE2's interpreter instead of its JIT (same results, slower)"},
    {"explain", OPT_EXPLAIN, NULL, "print which rule fired where, and why each item starts where it does, instead of the document (which still goes to -o FILE); one input only"},
    {"coverage", OPT_COVERAGE, NULL, "print to standard error the characters in, placed, removed (by kind) and unplaced; exit 1 if any is unplaced"},
    {"cleaned", OPT_CLEANED, "FILE", "write the cleaned text, in which the output's offsets count, to FILE; one input only"},
    {"help", 'h', NULL, "show this help and exit"},
    {"version", OPT_VERSION, NULL, "show the version and exit"},
};
enum { OPTION_COUNT = sizeof OPTIONS / sizeof OPTIONS[0] };

typedef struct settings {
  pk_format format;
  const char *output;
  const char *encoding;
  const char *rules_dir;
  const char *profile;
  const char *glob;
  const char *files_from;
  const char *cleaned;
  int jobs;
  unsigned pdf_timeout;
  char separator;
  bool list_profiles, explain, coverage, skip_existing, quiet, stream, names, no_jit, ocr;
  char **paths;
  int path_count;
} settings;

static void print_help(FILE *out) {
  fprintf(out, "Usage: punktum [OPTION]... PATH...\n"
               "       punktum --stream [OPTION]... < DOCUMENTS\n"
               "Turn exported Danish meeting texts (referat, dagsorden) into JSON, XML, JSON Lines\n"
               "or CSV.  A PATH is a file, a directory (walked recursively) or - (standard input).\n\n");
  for (size_t i = 0; i < OPTION_COUNT; i++) {
    char left[64];
    const option_doc *opt = &OPTIONS[i];
    if (opt->key < 256)
      snprintf(left, sizeof left, "-%c, --%s%s%s", opt->key, opt->name, opt->arg ? " " : "",
               opt->arg ? opt->arg : "");
    else
      snprintf(left, sizeof left, "    --%s%s%s", opt->name, opt->arg ? " " : "",
               opt->arg ? opt->arg : "");
    fprintf(out, "  %-26s %s\n", left, opt->help);
  }
  fprintf(out, "\nExit status: 0 success, 1 an input or output failed (the others are still done),\n"
               "2 usage or rule error.\n");
}

static void build_getopt(struct option *longs, char *shorts) {
  size_t s = 0;
  for (size_t i = 0; i < OPTION_COUNT; i++) {
    longs[i] = (struct option){OPTIONS[i].name, OPTIONS[i].arg ? required_argument : no_argument,
                               NULL, OPTIONS[i].key};
    if (OPTIONS[i].key < 256) {
      shorts[s++] = (char)OPTIONS[i].key;
      if (OPTIONS[i].arg) shorts[s++] = ':';
    }
  }
  longs[OPTION_COUNT] = (struct option){0};
  shorts[s] = '\0';
}

static int usage_error(const char *message, const char *detail) {
  fprintf(stderr, "punktum: %s%s%s\nTry 'punktum --help'.\n", message, detail ? ": " : "",
          detail ? detail : "");
  return EXIT_USAGE;
}

static bool format_named(const char *name, pk_format *format) {
  static const struct {
    const char *name;
    pk_format format;
  } FORMATS[] = {{"json", PK_FORMAT_JSON}, {"xml", PK_FORMAT_XML},
                 {"jsonl", PK_FORMAT_JSONL}, {"csv", PK_FORMAT_CSV}};
  for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
    if (strcmp(name, FORMATS[i].name) == 0) {
      *format = FORMATS[i].format;
      return true;
    }
  }
  return false;
}

static int parse_pdf_timeout(const char *text, unsigned *seconds) {
  char *end;
  long value = strtol(text, &end, 10);
  if (*end || value < 1 || value > 86400)
    return usage_error("--pdf-timeout takes a number of seconds from 1 to 86400", text);
  *seconds = (unsigned)value;
  return -1;
}

static int parse_jobs(const char *text, int *jobs) {
  char *end;
  long value = strtol(text, &end, 10);
  if (*end || value < 1 || value > 1024) return usage_error("-j takes a number from 1 to 1024", text);
  *jobs = (int)value;
  return -1;
}

/* Checks what the options say together; -1 to go on, or the exit code. */
static int check_combination(const settings *set) {
  bool list_input = set->files_from != NULL;
  if (set->list_profiles)
    return set->path_count || list_input ? usage_error("--list-profiles takes no PATH", NULL) : -1;
  if (set->stream) {
    if (set->path_count || list_input || set->output)
      return usage_error("--stream reads standard input and writes standard output", NULL);
    if (set->format != PK_FORMAT_JSONL && set->format != PK_FORMAT_CSV)
      return usage_error("--stream writes -f jsonl or -f csv", NULL);
    return -1;
  }
  if (!set->path_count && !list_input) return usage_error("no input PATH (use - for standard input)", NULL);
  return -1;
}

/* Returns -1 to go on, or the exit code to leave with. */
static int parse_options(int argc, char **argv, settings *set) {
  struct option longs[OPTION_COUNT + 1];
  char shorts[2 * OPTION_COUNT + 1];
  build_getopt(longs, shorts);
  int key, code;
  while ((key = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    switch (key) {
    case 'f':
      if (!format_named(optarg, &set->format)) return usage_error("unknown format", optarg);
      break;
    case 'o': set->output = optarg; break;
    case 'j':
      if ((code = parse_jobs(optarg, &set->jobs)) >= 0) return code;
      break;
    case 'q': set->quiet = true; break;
    case OPT_GLOB: set->glob = optarg; break;
    case OPT_FILES_FROM: set->files_from = optarg; break;
    case OPT_SKIP_EXISTING: set->skip_existing = true; break;
    case OPT_STREAM: set->stream = true; break;
    case OPT_SEPARATOR:
      if (strcmp(optarg, "nul") == 0) set->separator = '\0';
      else if (strcmp(optarg, "ff") == 0) set->separator = '\f';
      else return usage_error("--separator is nul or ff", optarg);
      break;
    case OPT_NAMES: set->names = true; break;
    case OPT_NO_JIT: set->no_jit = true; break;
    case OPT_OCR: set->ocr = true; break;
    case OPT_ENCODING: set->encoding = optarg; break;
    case OPT_PDF_TIMEOUT:
      if ((code = parse_pdf_timeout(optarg, &set->pdf_timeout)) >= 0) return code;
      break;
    case OPT_RULES: set->rules_dir = optarg; break;
    case OPT_PROFILE: set->profile = optarg; break;
    case OPT_LIST_PROFILES: set->list_profiles = true; break;
    case OPT_EXPLAIN: set->explain = true; break;
    case OPT_COVERAGE: set->coverage = true; break;
    case OPT_CLEANED: set->cleaned = optarg; break;
    case 'h': print_help(stdout); return ferror(stdout) ? EXIT_INPUT : EXIT_FINE;
    case OPT_VERSION:
      printf("punktum %s (output format %s)\n", pk_version(), pk_format_version());
      return ferror(stdout) ? EXIT_INPUT : EXIT_FINE;
    default: return usage_error("bad option", NULL);
    }
  }
  set->paths = argv + optind;
  set->path_count = argc - optind;
  return check_combination(set);
}

static void print_error(const char *context, const pk_error *err) {
  char text[1200];
  pk_error_format(err, text, sizeof text);
  /* Rule errors name their own file and line; input errors get the input's name. */
  if (err->file[0]) fprintf(stderr, "punktum: %s\n", text);
  else fprintf(stderr, "punktum: %s: %s\n", context, text);
}

static pk_rules *load_rules(const settings *set, int *code) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  if (!rules) {
    fprintf(stderr, "punktum: out of memory\n");
    *code = EXIT_INPUT;
    return NULL;
  }
  if (set->no_jit) pk_rules_set_jit(rules, 0);
  pk_status status = pk_rules_add_builtin(rules, &err);
  if (status == PK_OK && set->rules_dir) status = pk_rules_add_dir(rules, set->rules_dir, &err);
  if (status != PK_OK) {
    print_error("rules", &err);
    pk_rules_free(rules);
    *code = EXIT_USAGE;
    return NULL;
  }
  return rules;
}

/* ---- one input, straight through --------------------------------------------------------- */

static FILE *open_single(const char *path) {
  const char *reason;
  FILE *in = cli_open_input(path, &reason);
  if (!in) fprintf(stderr, "punktum: %s: %s\n", path, reason);
  return in;
}

/* Parses one input into OUT; returns the exit code. */
static int run_one(const settings *set, const pk_rules *rules, const char *path, FILE *out) {
  FILE *in = open_single(path);
  if (!in) return EXIT_INPUT;
  FILE *cleaned = set->cleaned ? fopen(set->cleaned, "wb") : NULL;
  if (set->cleaned && !cleaned) {
    fprintf(stderr, "punktum: %s: %s\n", set->cleaned, strerror(errno));
    if (in != stdin) fclose(in);
    return EXIT_INPUT;
  }
  pk_sink *sink = pk_sink_new(set->format, out);
  pk_error err;
  pk_options options = {.encoding = set->encoding, .profile = set->profile,
                        .source_name = path, .form = cli_form_of(path),
                        .pdf_timeout = set->pdf_timeout, .ocr = set->ocr,
                        .explain = set->explain ? stdout : NULL, .cleaned = cleaned,
                        .coverage = set->coverage ? stderr : NULL};
  pk_status status = sink ? pk_parse_stream(rules, in, &options, sink, &err) : PK_ERR_NOMEM;
  if (!sink) fprintf(stderr, "punktum: out of memory\n");
  else if (status != PK_OK) print_error(path, &err);
  pk_sink_free(sink);
  if (in != stdin) fclose(in);
  if (cleaned && fclose(cleaned) != 0 && status == PK_OK) {
    fprintf(stderr, "punktum: %s: %s\n", set->cleaned, strerror(errno));
    return EXIT_INPUT;
  }
  return status == PK_OK ? EXIT_FINE : (status == PK_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT);
}

/* Writes to OUTPUT.tmp.PID and renames it into place only when complete. */
static int run_to_file(const settings *set, const pk_rules *rules, const char *path) {
  char temp[4096];
  snprintf(temp, sizeof temp, "%s.tmp.%ld", set->output, (long)getpid());
  FILE *out = fopen(temp, "wb");
  if (!out) {
    fprintf(stderr, "punktum: %s: %s\n", temp, strerror(errno));
    return EXIT_INPUT;
  }
  int code = run_one(set, rules, path, out);
  if (fclose(out) != 0 && code == EXIT_FINE) {
    fprintf(stderr, "punktum: %s: %s\n", set->output, strerror(errno));
    code = EXIT_INPUT;
  }
  if (code == EXIT_FINE && rename(temp, set->output) != 0) {
    fprintf(stderr, "punktum: %s: %s\n", set->output, strerror(errno));
    code = EXIT_INPUT;
  }
  if (code != EXIT_FINE) remove(temp);
  return code;
}

/* --explain without -o: the trace is the output; the document is written nowhere. */
static int run_discarding_document(const settings *set, const pk_rules *rules, const char *path) {
  FILE *nowhere = fopen("/dev/null", "wb");
  if (!nowhere) {
    fprintf(stderr, "punktum: /dev/null: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  int code = run_one(set, rules, path, nowhere);
  fclose(nowhere);
  return code;
}

static int run_single(const settings *set, const pk_rules *rules, const char *path) {
  if (set->output) return run_to_file(set, rules, path);
  if (set->explain) return run_discarding_document(set, rules, path);
  return run_one(set, rules, path, stdout);
}

/* ---- many inputs ------------------------------------------------------------------------------ */

static bool is_directory(const char *path) {
  struct stat info;
  size_t len = strlen(path);
  return (len && path[len - 1] == '/') || (stat(path, &info) == 0 && S_ISDIR(info.st_mode));
}

static int default_jobs(void) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  return cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
}

static int run_batch(const settings *set, const pk_rules *rules, const cli_inputs *list) {
  if (set->explain || set->cleaned)
    return usage_error("--explain and --cleaned take one input", NULL);
  if (!set->output && (set->format == PK_FORMAT_JSON || set->format == PK_FORMAT_XML))
    return usage_error("several inputs make one stream only as -f jsonl or -f csv; "
                       "use -o DIR for one JSON or XML file per input", NULL);
  if (set->output && mkdir(set->output, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "punktum: %s: %s\n", set->output, strerror(errno));
    return EXIT_INPUT;
  }
  cli_batch batch = {.format = set->format, .out_dir = set->output,
                     .skip_existing = set->skip_existing,
                     .jobs = set->jobs ? set->jobs : default_jobs(), .quiet = set->quiet,
                     .progress = isatty(STDERR_FILENO), .summary = true,
                     .encoding = set->encoding, .profile = set->profile,
                     .coverage = set->coverage, .pdf_timeout = set->pdf_timeout, .ocr = set->ocr};
  return cli_batch_run(&batch, rules, list);
}

static int run_paths(const settings *set, const pk_rules *rules) {
  cli_inputs list = {0};
  const char *glob = set->glob ? set->glob : CLI_DEFAULT_GLOB;
  for (int i = 0; i < set->path_count; i++) {
    if (!cli_inputs_add(&list, set->paths[i], glob)) {
      cli_inputs_free(&list);
      fprintf(stderr, "punktum: out of memory\n");
      return EXIT_INPUT;
    }
  }
  const char *error;
  if (set->files_from && !cli_inputs_add_list(&list, set->files_from, glob, &error)) {
    fprintf(stderr, "punktum: %s: %s\n", set->files_from, error);
    cli_inputs_free(&list);
    return EXIT_INPUT;
  }
  bool single = list.count == 1 && !list.walked && !set->files_from &&
                !(set->output && is_directory(set->output));
  int code;
  if (single) {
    code = run_single(set, rules, list.items[0].path);
  } else if (list.count == 0) {
    fprintf(stderr, "punktum: no input files found (directories are searched for %s)\n", glob);
    code = EXIT_INPUT;
  } else {
    code = run_batch(set, rules, &list);
  }
  cli_inputs_free(&list);
  return code;
}

static int list_profiles(const pk_rules *rules) {
  const char *profile;
  for (size_t i = 0; (profile = pk_rules_profile(rules, i)) != NULL; i++) puts(profile);
  return EXIT_FINE;
}

static int run_stream(const settings *set, const pk_rules *rules) {
  cli_stream stream = {.format = set->format, .separator = set->separator, .names = set->names,
                       .encoding = set->encoding, .profile = set->profile,
                       .coverage = set->coverage, .pdf_timeout = set->pdf_timeout, .ocr = set->ocr};
  return cli_stream_run(&stream, rules, stdin, stdout);
}

int main(int argc, char **argv) {
  settings set = {.format = PK_FORMAT_JSON, .separator = '\0'};
  int code = parse_options(argc, argv, &set);
  if (code >= 0) return code;
  /* Libraries that keep process-wide state set it up once, before any worker thread. */
  xmlInitParser();
  json_object_seed(0);
  pk_rules *rules = load_rules(&set, &code);
  if (!rules) return code;
  /* Into a pipe or a file, stdio would write 4 KiB at a time: a tenth of a run went to
   * those system calls.  A terminal keeps its line buffering. */
  static char stdout_buffer[256 * 1024];
  if (!isatty(STDOUT_FILENO)) setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  if (set.list_profiles) code = list_profiles(rules);
  else if (set.stream) code = run_stream(&set, rules);
  else code = run_paths(&set, rules);
  pk_rules_free(rules);
  if (code == EXIT_FINE && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "punktum: cannot write to standard output\n");
    code = EXIT_INPUT;
  }
  xmlCleanupParser();
  return code;
}
