/* batch.c: many inputs, in parallel.
 *
 * Workers take the inputs in order.  Under -o DIR each writes its output to an unnamed
 * file in the target directory (O_TMPFILE) and links it into place only when complete,
 * so a run killed at any moment leaves no partial output and no temporary file.  For one
 * combined stream each worker writes to a temporary file that the main thread copies to
 * standard output in input order, so two runs give the same bytes whatever the timing;
 * workers stay within a window of the next input to copy, to bound open files. */
#include "config.h"

#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { WINDOW_PER_WORKER = 32, COPY_BATCH = 8, PROGRESS_MS = 250, MESSAGE_SIZE = 1200 };

typedef struct job {
  const cli_input *in;
  FILE *part;          /* a combined stream's piece, waiting to be copied */
  bool done, failed, skipped;
  size_t items;
  unsigned long long bytes;
  char *message;       /* why it failed (malloc'd): most inputs never need one */
} job;

typedef struct run {
  const cli_batch *batch;
  const pk_rules *rules;
  job *jobs;
  size_t count;
  pthread_mutex_t lock;
  /* Waking a thread is a system call: each side is woken only when it has something to
   * do.  The main thread when COPY_BATCH pieces wait, a worker waits for the window, or
   * all is done (else its timed wait redraws the progress line); workers when the
   * copying frees the window. */
  pthread_cond_t main_wakes, workers_wake;
  size_t workers_waiting;
  size_t next;         /* the next job to start */
  size_t emitted;      /* jobs copied to standard output (combined stream) */
  size_t finished, failed, skipped, items;
  unsigned long long bytes_done, bytes_total;
  bool output_failed;  /* standard output could not be written */
  struct timespec started;
} run;

const char *cli_format_extension(pk_format format) {
  switch (format) {
  case PK_FORMAT_JSON: return ".json";
  case PK_FORMAT_XML: return ".xml";
  case PK_FORMAT_JSONL: return ".jsonl";
  case PK_FORMAT_CSV: return ".csv";
  }
  return ".out";
}

static void fail(job *work, const char *format, const char *detail) {
  work->failed = true;
  char text[MESSAGE_SIZE];
  snprintf(text, sizeof text, format, work->in->path, detail);
  free(work->message);
  work->message = strdup(text);
}

/* ---- output files: directories, freshness, atomic placement ------------------------------ */

/* Creates the directories above PATH. */
static bool make_parents(const char *path) {
  char *dir = strdup(path);
  if (!dir) return false;
  for (char *slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
      free(dir);
      return false;
    }
    *slash = '/';
  }
  free(dir);
  return true;
}

/* True when OUTPUT exists and is not older than INPUT: a re-run may leave it. */
static bool is_fresh(const char *output, const char *input) {
  struct stat out, in;
  if (strcmp(input, "-") == 0 || stat(output, &out) != 0 || stat(input, &in) != 0) return false;
  return out.st_mtim.tv_sec > in.st_mtim.tv_sec ||
         (out.st_mtim.tv_sec == in.st_mtim.tv_sec && out.st_mtim.tv_nsec >= in.st_mtim.tv_nsec);
}

/* A file being written: unnamed (O_TMPFILE) where the file system allows, else under a
 * hidden temporary name; it gets its real name only in place_file. */
typedef struct pending_file {
  FILE *out;
  char *temp_name; /* NULL for an unnamed file */
} pending_file;

static char *directory_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return strdup(".");
  if (slash == path) return strdup("/");
  return strndup(path, (size_t)(slash - path));
}

static bool open_pending(const char *path, pending_file *file) {
  *file = (pending_file){0};
  char *dir = directory_of(path);
  if (!dir) return false;
  int fd = -1;
#ifdef O_TMPFILE
  fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
#endif
  if (fd < 0) {
    size_t size = strlen(dir) + 32;
    file->temp_name = malloc(size);
    if (file->temp_name) {
      snprintf(file->temp_name, size, "%s/.punktum-XXXXXX", dir);
      fd = mkstemp(file->temp_name);
      if (fd >= 0) fchmod(fd, 0644);
    }
  }
  free(dir);
  if (fd >= 0 && !(file->out = fdopen(fd, "wb"))) close(fd);
  if (!file->out) {
    free(file->temp_name);
    file->temp_name = NULL;
  }
  return file->out != NULL;
}

/* Gives the complete file its name PATH, replacing any earlier one in one step. */
static bool place_file(pending_file *file, const char *path) {
  if (file->temp_name) return rename(file->temp_name, path) == 0;
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(file->out));
  if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno != EEXIST) return false;
  /* An older output is there: link beside it, then rename over it. */
  size_t size = strlen(path) + 32;
  char *beside = malloc(size);
  if (!beside) return false;
  bool ok = false;
  for (int attempt = 0; attempt < 100 && !ok; attempt++) {
    snprintf(beside, size, "%s.%ld.%d", path, (long)getpid(), attempt);
    if (linkat(AT_FDCWD, proc, AT_FDCWD, beside, AT_SYMLINK_FOLLOW) == 0) {
      ok = rename(beside, path) == 0;
      if (!ok) unlink(beside);
    } else if (errno != EEXIST) {
      break;
    }
  }
  free(beside);
  return ok;
}

/* Closes the file; places it at PATH when KEEP, else lets it vanish. */
static bool close_pending(pending_file *file, const char *path, bool keep) {
  bool ok = fflush(file->out) == 0 && !ferror(file->out);
  keep = keep && ok;
  if (keep) ok = place_file(file, path);
  bool closed = fclose(file->out) == 0;
  if (file->temp_name && !(keep && ok)) unlink(file->temp_name);
  free(file->temp_name);
  *file = (pending_file){0};
  return ok && closed;
}

/* ---- one input ----------------------------------------------------------------------------- */

static pk_status parse_into(const run *state, job *work, FILE *in, FILE *out, bool header) {
  pk_sink *sink = pk_sink_new(state->batch->format, out);
  if (!sink) {
    fail(work, "%s: %s", "out of memory");
    return PK_ERR_NOMEM;
  }
  pk_sink_set_header(sink, header);
  pk_stats stats = {0};
  pk_options options = {.encoding = state->batch->encoding, .profile = state->batch->profile,
                        .source_name = work->in->path, .form = cli_form_of(work->in->path),
                        .pdf_timeout = state->batch->pdf_timeout, .ocr = state->batch->ocr,
                        .coverage = state->batch->coverage ? stderr : NULL, .stats = &stats};
  pk_error err;
  pk_status status = pk_parse_stream(state->rules, in, &options, sink, &err);
  pk_sink_free(sink);
  work->items = stats.items;
  work->bytes = stats.bytes;
  if (status != PK_OK) {
    char text[MESSAGE_SIZE - 100];
    pk_error_format(&err, text, sizeof text);
    /* Errors about the input name it themselves ("FILE: offset 0: ..."). */
    if (err.file[0]) {
      free(work->message);
      work->message = strdup(text);
    } else {
      fail(work, "%s: %s", text);
    }
    work->failed = true;
  }
  return status;
}

static FILE *open_input(job *work) {
  const char *reason;
  FILE *in = cli_open_input(work->in->path, &reason);
  if (!in) fail(work, "%s: %s", reason);
  return in;
}

static void run_to_dir(const run *state, job *work, FILE *in) {
  const cli_batch *batch = state->batch;
  char *path = cli_output_path(batch->out_dir, work->in->relative,
                               cli_format_extension(batch->format));
  pending_file file;
  if (!path) {
    fail(work, "%s: %s", "out of memory");
  } else if (batch->skip_existing && is_fresh(path, work->in->path)) {
    work->skipped = true;
  } else if (!make_parents(path) || !open_pending(path, &file)) {
    fail(work, "%s: cannot write its output: %s", strerror(errno));
  } else {
    pk_status status = parse_into(state, work, in, file.out, true);
    /* Text the coverage account missed is reported, but the output is whole. */
    bool keep = status == PK_OK || status == PK_ERR_LOST;
    if (!close_pending(&file, path, keep) && keep) {
      char detail[600];
      snprintf(detail, sizeof detail, "%.300s: %s", path, strerror(errno));
      fail(work, "%s: cannot write its output %s", detail);
    }
  }
  free(path);
}

static void run_to_part(const run *state, job *work, FILE *in) {
  work->part = tmpfile();
  if (!work->part) {
    fail(work, "%s: cannot create a temporary file: %s", strerror(errno));
    return;
  }
  pk_status status = parse_into(state, work, in, work->part, false);
  if (fflush(work->part) != 0 || ferror(work->part)) fail(work, "%s: %s", strerror(errno));
  /* A failed input adds nothing to the stream, not even the items before its failure;
   * text the coverage account missed leaves the output whole, so it stays. */
  if (work->failed && status != PK_ERR_LOST) {
    fclose(work->part);
    work->part = NULL;
  }
}

static void run_job(const run *state, job *work) {
  if (work->in->error) {
    fail(work, "%s: %s", work->in->error);
    return;
  }
  FILE *in = open_input(work);
  if (!in) return;
  if (state->batch->out_dir) run_to_dir(state, work, in);
  else run_to_part(state, work, in);
  if (in != stdin) fclose(in);
}

/* ---- workers, ordered output, progress ---------------------------------------------------- */

static size_t window(const run *state) {
  return (size_t)state->batch->jobs * WINDOW_PER_WORKER;
}

static void *worker(void *opaque) {
  run *state = opaque;
  pthread_mutex_lock(&state->lock);
  for (;;) {
    /* A combined stream copies in order: do not run too far ahead of the copying. */
    while (state->next < state->count && !state->batch->out_dir &&
           state->next >= state->emitted + window(state)) {
      state->workers_waiting++;
      pthread_cond_signal(&state->main_wakes); /* whatever is done, copy it */
      pthread_cond_wait(&state->workers_wake, &state->lock);
      state->workers_waiting--;
    }
    if (state->next >= state->count) break;
    job *work = &state->jobs[state->next++];
    pthread_mutex_unlock(&state->lock);
    run_job(state, work);
    pthread_mutex_lock(&state->lock);
    work->done = true;
    state->finished++;
    state->failed += work->failed;
    state->skipped += work->skipped;
    state->items += work->items;
    state->bytes_done += work->skipped ? work->in->size : work->bytes;
    bool worth_copying = !state->batch->out_dir && state->finished - state->emitted >= COPY_BATCH;
    if (worth_copying || state->finished == state->count) pthread_cond_signal(&state->main_wakes);
  }
  pthread_mutex_unlock(&state->lock);
  return NULL;
}

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void draw_progress(const run *state, bool last) {
  double elapsed = seconds_since(&state->started);
  double rate = elapsed > 0 ? (double)state->bytes_done / elapsed : 0;
  char eta[32] = "--";
  if (rate > 0 && state->bytes_total > state->bytes_done) {
    long left = (long)((double)(state->bytes_total - state->bytes_done) / rate);
    snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
  }
  fprintf(stderr, "\r%zu/%zu files  %.1f MB/s  %zu items  %zu errors  ETA %s\033[K%s",
          state->finished, state->count, rate / 1e6, state->items, state->failed, eta,
          last ? "\r\033[K" : "");
  fflush(stderr);
}

/* Copies finished pieces of a combined stream to standard output, in input order.  Called
 * with the lock held; it lets go of it while copying, so workers can report meanwhile (a
 * finished job's piece is the main thread's alone). */
static void copy_ready_parts(run *state) {
  char block[64 * 1024];
  while (state->emitted < state->count && state->jobs[state->emitted].done) {
    job *work = &state->jobs[state->emitted];
    pthread_mutex_unlock(&state->lock);
    bool failed = false;
    if (work->part) {
      rewind(work->part);
      size_t got;
      while ((got = fread(block, 1, sizeof block, work->part)) > 0)
        if (fwrite(block, 1, got, stdout) != got) failed = true;
      fclose(work->part);
      work->part = NULL;
    }
    pthread_mutex_lock(&state->lock);
    state->output_failed = state->output_failed || failed;
    state->emitted++;
    if (state->workers_waiting) pthread_cond_broadcast(&state->workers_wake);
  }
}

static void wait_for_workers(run *state) {
  bool draw = state->batch->progress && !state->batch->quiet;
  pthread_mutex_lock(&state->lock);
  while (state->finished < state->count || (!state->batch->out_dir && state->emitted < state->count)) {
    if (!state->batch->out_dir) copy_ready_parts(state);
    if (draw) draw_progress(state, false);
    if (state->finished == state->count && (state->batch->out_dir || state->emitted == state->count))
      break;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += PROGRESS_MS * 1000000L;
    if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
    pthread_cond_timedwait(&state->main_wakes, &state->lock, &until);
  }
  if (draw) draw_progress(state, true);
  pthread_mutex_unlock(&state->lock);
}

static void print_summary(const run *state) {
  double elapsed = seconds_since(&state->started);
  double megabytes = (double)state->bytes_done / 1e6;
  fprintf(stderr,
          "punktum: %zu files (%zu skipped), %zu items, %.1f MB in %.2f s "
          "(%.1f MB/s, %.0f files/s); %zu failed\n",
          state->count, state->skipped, state->items, megabytes, elapsed,
          elapsed > 0 ? megabytes / elapsed : 0, elapsed > 0 ? (double)state->count / elapsed : 0,
          state->failed);
}

int cli_batch_run(const cli_batch *batch, const pk_rules *rules, const cli_inputs *list) {
  run state = {.batch = batch, .rules = rules, .count = list->count};
  state.jobs = calloc(list->count ? list->count : 1, sizeof *state.jobs);
  if (!state.jobs) {
    fprintf(stderr, "punktum: out of memory\n");
    return 1;
  }
  for (size_t i = 0; i < list->count; i++) {
    state.jobs[i].in = &list->items[i];
    state.bytes_total += list->items[i].size;
  }
  clock_gettime(CLOCK_MONOTONIC, &state.started);
  pthread_mutex_init(&state.lock, NULL);
  pthread_cond_init(&state.main_wakes, NULL);
  pthread_cond_init(&state.workers_wake, NULL);
  if (!batch->out_dir && pk_sink_header(batch->format, stdout) != 0) state.output_failed = true;
  int workers = batch->jobs < 1 ? 1 : batch->jobs;
  pthread_t *threads = calloc((size_t)workers, sizeof *threads);
  int started = 0;
  for (; threads && started < workers; started++)
    if (pthread_create(&threads[started], NULL, worker, &state) != 0) break;
  if (started == 0) {
    fprintf(stderr, "punktum: cannot start a worker thread\n");
    state.output_failed = true;
  } else {
    wait_for_workers(&state);
  }
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
  free(threads);
  for (size_t i = 0; i < state.count; i++) {
    if (state.jobs[i].failed)
      fprintf(stderr, "punktum: %s\n", state.jobs[i].message ? state.jobs[i].message : "out of memory");
    free(state.jobs[i].message);
  }
  if (batch->summary && !batch->quiet) print_summary(&state);
  pthread_cond_destroy(&state.main_wakes);
  pthread_cond_destroy(&state.workers_wake);
  pthread_mutex_destroy(&state.lock);
  int code = state.failed || state.output_failed ? 1 : 0;
  if (state.output_failed) fprintf(stderr, "punktum: cannot write to standard output\n");
  free(state.jobs);
  return code;
}
