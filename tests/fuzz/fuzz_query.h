/* fuzz_query.h - the program of a query compiled at build time, for the runtime fuzz targets.
**
** CMake compiles a fixed query (tests/fuzz/queries/) to IR with fuzz_emit_ir, compiles that
** IR with coverage and sanitizer instrumentation and renames two symbols of the object:
** its `main` becomes fuzz_query_main and its call of srt_main becomes a call of
** fuzz_capture_init, which keeps the generated init function instead of running it.
*/
#ifndef SL_FUZZ_QUERY_H
#define SL_FUZZ_QUERY_H

#include <stdint.h>

#include "srt_int.h"

/* The generated main (renamed); defined by the query object. */
int fuzz_query_main(int argc, char **argv);
/* What the generated main calls instead of srt_main. */
int fuzz_capture_init(int argc, char **argv, SrtInitFn init);

/* Register the generated program into *p (memory from m).  Exits on failure: a target
   that cannot set up its program must not pass quietly. */
void fuzz_program(SrtProgram *p, SrtMem *m);

/* Replace q's sources (opened by srt_query_new) by ones that hand over, as one buffer of
   records, the bytes of the last fuzz_set_input call (none before the first). */
void fuzz_use_input_source(SrtQuery *q);
void fuzz_set_input(const char *p, size_t n);
/* Hand the bytes over as the files source hands a csv file read with multiLine = true. */
void fuzz_use_csv_ml(void);

/* Where sinks and query diagnostics go: /dev/null, or stdout when SLUICE_FUZZ_SHOW is set
   (to look at what an input does).  Exits on failure. */
FILE *fuzz_output(void);

#endif
