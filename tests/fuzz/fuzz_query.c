/* fuzz_query.c - set up the program of the query object linked into a runtime fuzz target. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_query.h"

static SrtInitFn captured;

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
