/* fuzz_front.c - libFuzzer target: the whole front end on arbitrary query text.
**
** Each input is one query file: parse, then (when it parses) the AST dump, sema and the
** bound-tree dump, plan and explain, and codegen to a discarded object at -O0 for every
** script the front end accepts.  Diagnostics are formatted (to /dev/null) as the driver
** formats them.  Any crash, sanitizer report, leak, hang or exit (an internal compiler
** error exits 70) is a finding: bad input must only ever produce diagnostics.
**
** Schema inference reads the files a script names, relative to the current directory:
** scripts/fuzz.sh runs the target in an empty directory so the inputs stay self-contained.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "codegen/cg.h"
#include "front/parse.h"
#include "plan/plan.h"
#include "sema/sema.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    devnull = fopen("/dev/null", "w");
    if (access(SL_FUZZ_INLINE_BC, R_OK) != 0 || !devnull) {
        perror("fuzz_front: setup");
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, NULL, devnull);
    SrcFile *file = srcfile_from_text(&arena, "fuzz.sql", (const char *)data, size);
    diag.file = file;
    StrBuf sb;
    sb_init(&sb, &arena);
    AstScript *script = parse_script(&arena, &diag, file);
    if (script && !diag_errors(&diag)) {
        ast_dump_script(&sb, script);
        SProgram *prog = sema_check(&arena, &diag, script);
        if (prog && !diag_errors(&diag)) {
            sema_dump_program(&sb, prog);
            PProgram *plan = plan_build(&arena, &diag, prog);
            if (plan && !diag_errors(&diag)) {
                plan_explain(&sb, plan);
                CgOptions co = {0};
                co.opt_level = 0;
                co.cpu = "native";
                co.inline_bc = SL_FUZZ_INLINE_BC;
                co.obj_path = "/dev/null";
                co.module_name = "fuzz.sql";
                cg_compile(&arena, &diag, plan, &co);
            }
        }
    }
    arena_free(&arena);
    return 0;
}
