/* fuzz_reader.c - libFuzzer target: the generated JSON or CSV record parser of a real query.
**
** Linked with the instrumented object of queries/reader_json.sql (fuzz_json),
** queries/reader_csv.sql (fuzz_csv) or queries/reader_csv_ml.sql (fuzz_csv_ml, built with
** FUZZ_CSV_ML: the input is a whole file read with multiLine = true).  The query runs as the
*executable runs it
** (srt_query_new, then srt_query_run_batch per input), except that its source is replaced
** by one that hands the input bytes over as one buffer of records, and the console sink
** writes to /dev/null.  So every input goes through the generated process function
** (parser, corrupt-record handling, copies into batch memory), the output step and the
** console formatting of every value parsed.
**
** The queries read in PERMISSIVE mode, where no record can fail a batch (Spark puts a
** malformed record in the corrupt-record column): a failed batch aborts, as a finding.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_query.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static SrtMem mem;
static SrtProgram prog;
static SrtEnv env;
static SrtQuery *query;
static long long batches;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    srt_mem_init(&mem);
    fuzz_program(&prog, &mem);
#ifdef FUZZ_CSV_ML
    fuzz_use_csv_ml();
#endif
    env = (SrtEnv){.mem = &mem, .out = fuzz_output(), .err = fuzz_output()};
    SrtErr err;
    srt_err_clear(&err);
    if (srt_query_new(&prog, 0, &env, NULL, -1, &query, &err) < 0) {
        fprintf(stderr, "fuzz_reader: cannot start the query: %s\n", err.msg);
        exit(1);
    }
    fuzz_use_input_source(query);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy of exactly size bytes, as a mapped file is: reads past it are caught. */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    fuzz_set_input(copy, size);
    char end[32];
    snprintf(end, sizeof end, "{\"fuzz\":%lld}", ++batches);
    srt_buf_clear(&query->in[0].end_offset);
    srt_buf_puts(&query->in[0].end_offset, end);
    if (srt_query_run_batch(query) < 0) {
        fprintf(stderr, "fuzz_reader: a PERMISSIVE batch failed: %s\n", query->err.msg);
        abort();
    }
    free(copy);
    return 0;
}
