/* srt_output.c - the rows a batch writes: from process, or from the operator that emits groups.
**
** Without an aggregating operator the rows are the ones the generated process function
** appended (srt_out_row).  Otherwise every operator with an output step (state/srt_operator.h)
** adds its groups' rows by output mode, each through the generated emit function, minus the
** rows HAVING rejected (srt_op_agg.c, srt_op_session.c say which groups each mode emits).
*/
#include "srt_int.h"
#include "state/srt_operator.h"

int srt_output_emit(SrtQuery *q, const uint8_t *key, uint32_t key_len, uint8_t *state)
{
    SrtDatum *row = srt_out_row(q);
    if (!q->def->emit(q, key, key_len, state, row))
        q->n_rows--; /* rejected; its memory goes with the batch */
    return q->failed ? -SRT_ERR_QUERY : 0;
}

int srt_output_collect(SrtQuery *q)
{
    for (uint32_t i = 0; i < q->n_ops; i++) {
        SrtOperator *op = q->ops[i];
        int rc = op->vt->output ? op->vt->output(op) : 0;
        if (rc < 0)
            return rc;
    }
    return 0;
}
