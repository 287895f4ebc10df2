/* fuzz_query.c - set up the program of the query object linked into a runtime fuzz target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_csv_ml.h"
#include "fuzz_query.h"

static SrtInitFn captured;
static const char *input = "";
static size_t input_n;
static bool csv_ml;

int fuzz_capture_init(int argc, char **argv, SrtInitFn init)
{
    (void)argc;
    (void)argv;
    captured = init;
    return 0;
}

void fuzz_program(SrtProgram *p, SrtMem *m)
{
    char name[] = "fuzz";
    char *argv[] = {name, NULL};
    fuzz_query_main(1, argv);
    if (!captured) {
        fprintf(stderr, "fuzz: the query object did not hand over its init function\n");
        exit(1);
    }
    srt_prog_init(p, m);
    captured(p);
    if (p->err.code) {
        fprintf(stderr, "fuzz: registering the query failed: %s\n", p->err.msg);
        exit(1);
    }
}

FILE *fuzz_output(void)
{
    FILE *f = getenv("SLUICE_FUZZ_SHOW") ? stdout : fopen("/dev/null", "w");
    if (!f) {
        perror("fuzz: /dev/null");
        exit(1);
    }
    return f;
}

static int input_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                      SrtErr *err)
{
    (void)s, (void)start, (void)end, (void)err;
    if (!csv_ml)
        return fn(ctx, "fuzz input", input, input_n, NULL);
    /* as the files source hands a csv multiLine file over: its byte order mark dropped,
       its line separator detected (srt_source_files.c) */
    size_t bom = input_n >= 3 && memcmp(input, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    SrtReadPos at = {1, (int64_t)bom, NULL, 0, 0, cm_csv_ml_nl(NULL, input, input_n), 0, 1, 0};
    return fn(ctx, "fuzz input", input + bom, input_n - bom, &at);
}

static int input_commit(SrtSource *s, const char *end, SrtErr *err)
{
    (void)s, (void)end, (void)err;
    return 0;
}

static void input_close(SrtSource *s)
{
    (void)s;
}

static void input_describe(SrtSource *s, SrtBuf *out)
{
    (void)s;
    srt_buf_puts(out, "FuzzInput");
}

static const SrtSourceVt input_vt = {
    .connector = "fuzz",
    .read = input_read,
    .commit = input_commit,
    .close = input_close,
    .describe = input_describe,
};

void fuzz_use_input_source(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_in; i++) {
        SrtSource *src = &q->in[i].source;
        src->vt->close(src);
        src->impl = NULL;
        src->vt = &input_vt;
    }
}

void fuzz_use_csv_ml(void)
{
    csv_ml = true;
}

void fuzz_set_input(const char *p, size_t n)
{
    input = p;
    input_n = n;
}
