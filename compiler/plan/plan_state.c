/* plan_state.c - the key and value schemas of a query's stateful operators, as Spark records them.
**
** A checkpoint keeps, per stateful operator, the schema of its state keys and values
** (Spark: state/<op>/_metadata/schema, StateSchemaCompatibilityChecker), so a restart with a
** query whose state no longer fits is refused instead of misread.  The schemas follow Spark
** 3.5's physical operators:
**   aggregation (StreamingAggregationStateManagerImplV2): key = the GROUP BY keys, value = the
**       aggregation buffer (count: count; sum: sum; avg: sum double, count bigint; min; max;
**       collect_list, collect_set: buf binary, the serialized collection);
**   session window (StreamingSessionWindowStateManagerImplV1): key = the keys but the
**       session window, then sessionStartTime timestamp; value = every key (the session window
**       as a struct) then the buffer;
**   DROP DUPLICATES (StreamingDeduplicateExec): key = the columns, value = __dummy__ void;
**   ... WITHIN WATERMARK (StreamingDeduplicateWithinWatermarkExec): value = expiresAtMicros
**       bigint.
** Schemas are Spark simpleStrings, struct<name:type,...>, names in backticks unless they are
** plain identifiers.  Field names never decide compatibility (the runtime compares counts and
** types only), they make the error message readable.
*/
#include <string.h>

#include "plan/plan.h"

static void put_name(StrBuf *sb, const char *name)
{
    bool plain = *name != '\0';
    for (const char *p = name; *p; p++)
        plain &= (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '_';
    if (plain)
        sb_puts(sb, name);
    else
        sb_put_backquoted(sb, name);
}

static void put_field(StrBuf *sb, Arena *arena, const char *name, const Type *t)
{
    if (sb->len > 0 && sb->data[sb->len - 1] != '<')
        sb_putc(sb, ',');
    put_name(sb, name);
    sb_putc(sb, ':');
    sb_puts(sb, type_name(arena, t));
}

/* The name of GROUP BY key i: its column, window/session_window, or the select item
   that is exactly that key. */
static const char *group_name(const SSelect *s, int i)
{
    const SExpr *g = s->group[i];
    if (s->n_gsets && i >= s->n_gkeys) /* VirtualColumn.groupingIdName, Expand's position */
        return i == s->n_gkeys ? "spark_grouping_id" : "_gen_grouping_pos";
    if (g->kind == SX_COLUMN)
        return s->input.cols[g->u.column].name;
    if (g->kind == SX_WINDOW)
        return g->u.window.session ? "session_window" : "window";
    for (int k = 0; k < s->n_out; k++)
        if (s->out[k].expr->kind == SX_GROUP_REF && s->out[k].expr->u.ref == i)
            return s->out[k].name;
    return "key";
}

/* The state's fields beyond Spark's buffer: the batch's partial sum and the batch id + 1 it
   belongs to.  They change the schema, so a checkpoint of the one-sum layout is refused. */
static void put_batch_sum(StrBuf *sb, Arena *arena, const SAgg *a, const Type *sum_t)
{
    if (!plan_agg_batch_sum(a))
        return;
    put_field(sb, arena, "partialSum", sum_t);
    put_field(sb, arena, "partialBatch", &type_bigint);
}

/* Average.sumDataType: DECIMAL(min(38, p + 10), s) of a DECIMAL(p, s), an interval's
   result type, else DOUBLE. */
static const Type *avg_sum_type(const SAgg *a)
{
    const Type *t = a->arg->type;
    if (type_is_ansi_interval(a->type))
        return a->type;
    if (a->type->kind != TY_DECIMAL)
        return &type_double;
    return type_decimal(t->precision + 10 > 38 ? 38 : t->precision + 10, t->scale);
}

static void put_buffer(StrBuf *sb, Arena *arena, const SSelect *s)
{
    for (int i = 0; i < s->n_agg; i++) {
        const SAgg *a = &s->aggs[i];
        switch (sema_agg_info(a->kind)->body) {
        case AGGB_COUNT:
            put_field(sb, arena, "count", &type_bigint);
            break;
        case AGGB_SUM:
            put_field(sb, arena, "sum", a->type);
            /* Sum.shouldTrackIsEmpty: a DECIMAL; TrySum's: an integer or interval too */
            if (a->type->kind == TY_DECIMAL ||
                (sema_agg_has(a->kind, AGGP_TRY) &&
                 (a->type->kind == TY_BIGINT || type_is_ansi_interval(a->type))))
                put_field(sb, arena, "isEmpty", &type_boolean);
            put_batch_sum(sb, arena, a, a->type);
            break;
        case AGGB_AVG:
            put_field(sb, arena, "sum", avg_sum_type(a));
            put_field(sb, arena, "count", &type_bigint);
            put_batch_sum(sb, arena, a, avg_sum_type(a));
            break;
        case AGGB_MINMAX: /* Min/Max, BitAggregate.aggBufferAttributes: named as the function */
        case AGGB_BIT:
            put_field(sb, arena, sema_agg_name(a->kind), a->type);
            break;
        case AGGB_MOMENTS:
            if (plan_agg_moment_order(a) > 0) {
                /* CentralMomentAgg.aggBufferAttributes: n, avg, m2 to m<order> */
                static const char *const names[] = {"n", "avg", "m2", "m3", "m4"};
                for (int m = 0; m <= plan_agg_moment_order(a); m++)
                    put_field(sb, arena, names[m], &type_double);
            } else {
                /* PearsonCorrelation.aggBufferAttributes; Covariance's: the first four;
                   RegrSlope's: Covariance's, then VariancePop's */
                static const char *const corr[] = {"n", "xAvg", "yAvg", "ck", "xMk", "yMk"};
                static const char *const regr[] = {"n", "xAvg", "yAvg", "ck", "n", "avg", "m2"};
                const char *const *names = plan_agg_buffer_doubles(a) == 7 ? regr : corr;
                for (int m = 0; m < plan_agg_buffer_doubles(a); m++)
                    put_field(sb, arena, names[m], &type_double);
            }
            break;
        case AGGB_FIRST_LAST: /* First/Last.aggBufferAttributes */
            put_field(sb, arena, sema_agg_name(a->kind), a->type);
            put_field(sb, arena, "valueSet", &type_boolean);
            break;
        case AGGB_COLLECT: /* TypedImperativeAggregate.aggBufferAttributes */
        case AGGB_PERCENTILE:
        case AGGB_MODE:
        case AGGB_APPROX:
        case AGGB_HISTOGRAM:
            if (sb->len > 0 && sb->data[sb->len - 1] != '<')
                sb_putc(sb, ',');
            sb_puts(sb, "buf:binary");
            break;
        case AGGB_BY: /* MaxMinBy.aggBufferAttributes */
            put_field(sb, arena, "valueWithExtremumOrdering", a->type);
            put_field(sb, arena, "extremumOrdering", a->arg2->type);
            break;
        case AGGB_HLL: /* HyperLogLogPlusPlus.aggBufferAttributes */
            for (uint32_t w = 0; w < plan_hll_words(a->hll_p); w++)
                put_field(sb, arena, arena_sprintf(arena, "MS[%u]", w), &type_bigint);
            break;
        }
    }
}

uint32_t plan_hll_words(int p)
{
    return (1u << p) / 10u + 1u; /* HyperLogLogPlusPlusHelper.numWords: 10 registers a word */
}

int plan_agg_moment_order(const SAgg *a)
{
    return sema_agg_info(a->kind)->moments;
}

int plan_agg_buffer_doubles(const SAgg *a)
{
    return sema_agg_info(a->kind)->doubles;
}

bool plan_agg_two_level(const SAgg *a)
{
    return plan_agg_buffer_doubles(a) > 0;
}

bool plan_agg_slot_bytes(const Type *t)
{
    return type_is_bytes(t) || type_is_nested(t);
}

bool plan_agg_collects(const SAgg *a)
{
    return sema_agg_has(a->kind, AGGP_COLLECTS);
}

bool plan_agg_batch_sum(const SAgg *a)
{
    SAggBody body = sema_agg_info(a->kind)->body;
    return (body == AGGB_SUM || body == AGGB_AVG) &&
           (a->type->kind == TY_DOUBLE || a->type->kind == TY_DECIMAL ||
            type_is_ansi_interval(a->type) ||
            (a->type->kind == TY_BIGINT && sema_agg_has(a->kind, AGGP_TRY)));
}

uint32_t plan_agg_state_size(const SAgg *a)
{
    /* the state's sum, has-value or count, (a DECIMAL's overflow flags,) the batch's sum,
       its id (, an interval's overflow flags: cg_agg.c) */
    if (plan_agg_batch_sum(a))
        return a->type->kind == TY_DECIMAL ? 64 : type_is_ansi_interval(a->type) ? 48 : 32;
    switch (sema_agg_info(a->kind)->body) {
    case AGGB_COUNT:
    case AGGB_SUM:
    case AGGB_MINMAX:
    case AGGB_AVG:
    case AGGB_BIT: /* as min/max: the value, its has-value word (cg_agg.c) */
    case AGGB_FIRST_LAST:
    case AGGB_COLLECT:    /* a pointer to the values (srt_collect.c) */
    case AGGB_PERCENTILE: /* its values as a collect_list's (of DOUBLE) */
    case AGGB_MODE:
    case AGGB_APPROX:    /* a pointer to its digest (srt_quantile.c) */
    case AGGB_HISTOGRAM: /* a pointer to its bins (srt_histogram.c) */
        /* a DECIMAL sum/avg/min/max: a 128-bit value and two 64-bit words (cg_agg.c) */
        return a->type->kind == TY_DECIMAL ? 32 : 16;
    case AGGB_BY: /* the value, the ordering (16 bytes each), the flags (cg_agg.c) */
        return 48;
    case AGGB_HLL:
        return (plan_hll_words(a->hll_p) * 8u + 15u) & ~15u;
    case AGGB_MOMENTS:
        /* the state's buffer of doubles, the batch's, the batch's id (cg_agg.c) */
        return (16u * (uint32_t)plan_agg_buffer_doubles(a) + 8u + 15u) & ~15u;
    }
    return 16;
}

static void agg_schemas(Arena *arena, const PQuery *pq, PStateSchema *out)
{
    const SSelect *s = pq->agg;
    StrBuf k, v;
    sb_init(&k, arena);
    sb_init(&v, arena);
    sb_puts(&k, "struct<");
    sb_puts(&v, "struct<");
    for (int i = 0; i < s->n_group; i++) {
        if (pq->session && i == s->window_group)
            continue;
        put_field(&k, arena, group_name(s, i), s->group[i]->type);
    }
    if (pq->session) {
        put_field(&k, arena, "sessionStartTime", &type_timestamp);
        for (int i = 0; i < s->n_group; i++)
            put_field(&v, arena, group_name(s, i), s->group[i]->type);
    }
    put_buffer(&v, arena, s);
    sb_putc(&k, '>');
    sb_putc(&v, '>');
    out->name = pq->session ? "sessionWindowStateStoreSaveExec" : "stateStoreSave";
    out->layout = &pq->key;
    out->key = k.data;
    out->value = v.data;
}

static void dedup_schemas(Arena *arena, const PStatefulOp *op, PStateSchema *out)
{
    const SSelect *s = op->block;
    const SDedup *d = s->dedup;
    StrBuf k;
    sb_init(&k, arena);
    sb_puts(&k, "struct<");
    for (int c = 0; c < d->n; c++)
        put_field(&k, arena, s->input.cols[d->cols[c]].name, s->input.cols[d->cols[c]].type);
    sb_putc(&k, '>');
    out->name = d->within_watermark ? "dedupeWithinWatermark" : "dedupe";
    out->layout = op->key;
    out->key = k.data;
    out->value = d->within_watermark ? "struct<expiresAtMicros:bigint>" : "struct<__dummy__:void>";
}

/* A stream-stream join: the join keys (named as the left side's, else field<k> as Spark's
   KeyToNumValuesStore), and per side its columns with the matched flag of
   SymmetricHashJoinStateManager's state format 2. */
static void ssjoin_schemas(Arena *arena, const PQuery *pq, PStateSchema *out)
{
    const SJoin *j = plan_join_of(pq, pq->ssjoin_block);
    StrBuf k, v;
    sb_init(&k, arena);
    sb_init(&v, arena);
    sb_puts(&k, "struct<");
    for (int i = 0; i < j->n_keys; i++) {
        const SExpr *e = j->probe_keys[i];
        const char *name = e->kind == SX_COLUMN ? j->raw.cols[e->u.column].name
                                                : arena_sprintf(arena, "field%d", i);
        put_field(&k, arena, name, e->type);
    }
    sb_putc(&k, '>');
    sb_puts(&v, "struct<");
    for (int s = 0; s < 2; s++) {
        const SSchema *cols = &j->sides[s]->output;
        sb_puts(&v, s ? ",right:struct<" : "left:struct<");
        StrBuf side;
        sb_init(&side, arena);
        for (int c = 0; c < cols->n; c++)
            put_field(&side, arena, cols->cols[c].name, cols->cols[c].type);
        put_field(&side, arena, "matched", &type_boolean);
        sb_printf(&v, "%s>", side.data);
    }
    sb_putc(&v, '>');
    out->name = "symmetricHashJoin";
    out->layout = &pq->ssjoin_key;
    out->key = k.data;
    out->value = v.data;
}

void plan_state_schema(Arena *arena, const PQuery *pq, const PStatefulOp *op, PStateSchema *out)
{
    memset(out, 0, sizeof *out);
    switch (op->kind) {
    case POP_AGGREGATE:
    case POP_SESSION_WINDOW:
        agg_schemas(arena, op->level ? op->level : pq, out);
        return;
    case POP_DEDUPLICATE:
        dedup_schemas(arena, op, out);
        return;
    case POP_SSJOIN:
        ssjoin_schemas(arena, pq, out);
        return;
    case POP_GLOBAL_LIMIT: /* StreamingGlobalLimitExec's keySchema and valueSchema */
        out->name = "globalLimit";
        out->layout = op->key;
        out->key = "struct<key:void>";
        out->value = "struct<value:bigint>";
        return;
    }
}
