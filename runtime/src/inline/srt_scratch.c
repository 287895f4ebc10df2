/* srt_scratch.c - srt_scratch_reset as an inline helper: generated code calls it at the
** start of every record, and inlined it is one test of the arena's head (most records
** allocate nothing); the arena is reset (srt_arena_reset) only after a record that did.
*/
#include "srt_int.h"

void srt_scratch_reset(SrtQuery *q)
{
    if (SRT_UNLIKELY(q->scratch.head != NULL))
        srt_arena_reset(&q->scratch);
}
