/* cut_runtime.c - a build step: the two files of the runtime's bitcode codegen reads.
**
**   sl_cut_runtime SRT_INLINE_BC SRT_DECLS_BC SRT_HOT_BC
**
** Codegen opens the runtime's bitcode lazily and reads only the bodies it links, but it still
** read every record of srt_inline.bc (declarations, constant tables, attributes) twice a unit:
** once for the declarations, once to link the hot helpers, about 7% of the flagship's build.
** srt_decls.bc holds the declarations alone, srt_hot.bc what codegen links (cg_cut_runtime).
*/
#include <stdio.h>

#include "codegen/cg.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s SRT_INLINE_BC SRT_DECLS_BC SRT_HOT_BC\n", argv[0]);
        return 2;
    }
    if (cg_cut_runtime(argv[1], argv[2], argv[3]) != 0) {
        fprintf(stderr, "%s: cannot cut %s into %s and %s\n", argv[0], argv[1], argv[2], argv[3]);
        return 1;
    }
    return 0;
}
