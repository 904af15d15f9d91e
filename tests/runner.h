/* runner.h: every unit test program ends the same way. */
#ifndef PK_TEST_RUNNER_H
#define PK_TEST_RUNNER_H

#include <check.h>
#include <stdlib.h>

/* Runs SUITE, prints Check's summary, and gives the process's exit status. */
static inline int run_suite(Suite *suite) {
  SRunner *runner = srunner_create(suite);
  srunner_run_all(runner, CK_NORMAL);
  int failed = srunner_ntests_failed(runner);
  srunner_free(runner);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
