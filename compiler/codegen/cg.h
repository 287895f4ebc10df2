/* cg.h - code generation: a physical plan to a native object file through the LLVM C API.
**
** The only door into compiler/codegen/, and the only part of the compiler that
** includes llvm-c (behind cg_emit.h).  The object defines `main`, which hands
** the program to the runtime (srt_main), one process function per query (the
** fused per-record loop with the schema-specialised record parser), and one
** emit function per aggregating query.  Linking is the driver's job.
*/
#ifndef SL_CG_H
#define SL_CG_H

#include "base/arena.h"
#include "base/diag.h"
#include "plan/plan.h"

typedef struct CgOptions {
    int opt_level;           /* 0..3: the LLVM pipeline default<On> and codegen level */
    const char *cpu;         /* "native" (host CPU and features) or an LLVM CPU name */
    const char *inline_bc;   /* path of srt_hot.bc (or srt_inline.bc), the runtime's inline
                                helpers */
    const char *decls_bc;    /* path of srt_decls.bc, the declarations of the runtime's functions
                                (NULL: taken from inline_bc) */
    const char *obj_path;    /* the object file to write (unit 0's, see threads) */
    const char *ir_path;     /* if non-NULL, also write the optimised IR here (unit k > 0's
                                to CG_UNIT_FILE of it) */
    const char *module_name; /* shown in the IR */
    int threads;             /* a program of several queries is split into at most this many
                                units, LLVM modules optimised and emitted at once on their own
                                threads, and one left over takes the side unit (cg_compile.c);
                                unit k > 0 writes CG_UNIT_FILE of obj_path (0, 1: one) */
    int *units;              /* if non-NULL, receives how many units (object files) were written */
    struct CgTimes *times;   /* if non-NULL, receives the phases' times (--time) */
    bool *calls_digest;      /* if non-NULL, set when the program calls a function of the
                                runtime's srt_digest.c (cg_digest_functions), the only code
                                that needs libcrypto and zlib */
} CgOptions;

/* The file of unit k > 0 beside `path` (an object or IR file): "<path>.<k>". */
#define CG_UNIT_FILE "%s.%d"
/* The most threads a build may use (sluice build -j) and so the most object files: one unit a
   thread and the cold unit of the parsers' fallbacks (the side unit takes a spare thread's
   place, cg_compile.c). */
#define CG_MAX_THREADS 64
#define CG_MAX_UNITS (CG_MAX_THREADS + 1)

/* Where cg_compile's time went, in milliseconds.  With several units, optimise and emit are
   those of the slowest unit (they run at once). */
typedef struct CgTimes {
    double runtime_bc; /* reading and linking the runtime's inline bitcode */
    double generate;   /* building the IR of the queries */
    double optimise;   /* the LLVM pass pipeline */
    double emit;       /* machine code into the object file */
    int units;         /* the modules the program was split into */
} CgTimes;

/* Generate and write the object files. Returns 0, or -1 after reporting through diag. */
int cg_compile(Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts);

/*
** The codegen module.  The driver does not link codegen: it loads libsluice-codegen.so (this
** directory and LLVM) on its first build, so what compiles nothing (check, explain, a run
** whose executable is cached) never pays LLVM's start-up, about 30 ms.  The module exports
** one CgPlugin under CG_PLUGIN_SYMBOL and takes everything else (arenas, diagnostics, the
** plan's types) from the sluice executable, which exports its symbols: one copy of each, so
** the plan's pointers mean the same on both sides.  cg_stamp(), computed by each side from
** its own headers, refuses a module built from other headers.
*/
#define CG_PLUGIN_SYMBOL "sl_codegen_plugin"
#define CG_PLUGIN_FILE "libsluice-codegen.so"

typedef struct CgPlugin {
    unsigned long long (*stamp)(void); /* the module's cg_stamp */
    int (*compile)(Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts);
} CgPlugin;

static inline unsigned long long cg_stamp(void)
{
    const unsigned long long sizes[] = {sizeof(Arena), sizeof(Diag), sizeof(PProgram), sizeof(struct PQuery),
                                        sizeof(SProgram), sizeof(struct SQuery), sizeof(struct SSelect),
                                        sizeof(struct SExpr), sizeof(Type), sizeof(CgOptions),
                                        sizeof(struct CgTimes)};
    unsigned long long h = 0xcbf29ce484222325ULL;
    for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        h = (h ^ sizes[i]) * 0x100000001b3ULL;
    return h;
}

/* For tests: which of names[0..n-1] the runtime bitcode at inline_bc declares or defines
   as functions (found[i] = 1), i.e. which cg_call can call.  0, or -1 if it cannot be read. */
int cg_runtime_declared(const char *inline_bc, const char *const *names, int n,
                        unsigned char *found);

/* The functions of the runtime's formats/srt_digest.c (md5, sha1, sha2, crc32, hex and base64),
   which link libcrypto and zlib; only generated code calls them (check_cg_abi checks both). */
const char *const *cg_digest_functions(int *n);

/* For the build (compiler/cut_runtime.c): cut the runtime's bitcode at inline_bc into the two
   files codegen reads, decls_bc (every function a declaration, no constant table) and hot_bc
   (the helpers codegen inlines, cg_hot.def and cg_func_inlined, with what they use; every
   other function a declaration).  0, or -1. */
int cg_cut_runtime(const char *inline_bc, const char *decls_bc, const char *hot_bc);

/* For tests: 0 if the bitcode at hot_bc defines every helper that the bitcode at inline_bc
   defines (external) and codegen inlines (cg_hot.def, cg_func_inlined), else -1 with the first
   missing one's name in missing[cap]. */
int cg_hot_complete(const char *inline_bc, const char *hot_bc, char *missing, size_t cap);

/* The layout codegen assumes for SrtDatum on the host: byte offsets of its five
   fields (SRT_FIELDNO_* order) and its size.  check_cg_abi compares it with offsetof. */
void cg_datum_layout(unsigned long long offsets[6], unsigned long long *size);

#endif
