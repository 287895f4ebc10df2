/* fuzz_emit_ir.c - build-time tool: compile a query file to its optimised LLVM IR, no linking.
**
**   fuzz_emit_ir SRT_INLINE_BC QUERY.sql OUT.ll
**
** The same phases as `sluice build` (parse, sema, plan, codegen at -O2 for the generic
** x86-64 CPU), but the object file is discarded and no executable is linked: the fuzz
** build compiles OUT.ll again with coverage and sanitizer instrumentation.
*/
#include <stdio.h>

#include "codegen/cg.h"
#include "front/parse.h"
#include "sema/sema.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: fuzz_emit_ir SRT_INLINE_BC QUERY.sql OUT.ll\n");
        return 2;
    }
    Arena arena;
    arena_init(&arena);
    Diag diag;
    diag_init(&diag, NULL, stderr);
    const char *err = NULL;
    SrcFile *file = srcfile_load(&arena, argv[2], &err);
    if (!file) {
        fprintf(stderr, "fuzz_emit_ir: %s\n", err);
        return 1;
    }
    diag.file = file;
    int rc = 1;
    AstScript *script = parse_script(&arena, &diag, file);
    SProgram *prog = script && !diag_errors(&diag) ? sema_check(&arena, &diag, script) : NULL;
    PProgram *plan = prog && !diag_errors(&diag) ? plan_build(&arena, &diag, prog) : NULL;
    if (plan && !diag_errors(&diag)) {
        CgOptions co = {0};
        co.opt_level = 2;
        co.cpu = "x86-64";
        co.inline_bc = argv[1];
        co.obj_path = "/dev/null";
        co.ir_path = argv[3];
        co.module_name = argv[2];
        rc = cg_compile(&arena, &diag, plan, &co) == 0 ? 0 : 1;
    }
    arena_free(&arena);
    return rc;
}
