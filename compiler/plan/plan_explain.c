/* plan_explain.c - `sluice explain`: logical operator trees and physical pipelines as text.
**
** The format is stable (golden tests compare it): Spark-like operator names,
** one operator per line, children indented under `+- `.
*/
#include "common/cm_ansi_iv.h"
#include "plan/plan.h"
#include "common/cm_time.h"

#include <inttypes.h>
#include <string.h>

/* ==== Durations and expressions ==== */

void plan_format_duration(StrBuf *sb, int64_t us)
{
    static const struct { int64_t us; const char *unit; } units[] = {
        {7LL * 86400000000LL, "week"}, {86400000000LL, "day"}, {3600000000LL, "hour"},
        {60000000LL, "minute"}, {1000000LL, "second"}, {1000LL, "millisecond"}, {1, "microsecond"}};
    if (us == 0) {
        sb_puts(sb, "0 seconds");
        return;
    }
    if (us < 0) {
        sb_putc(sb, '-');
        us = -us;
    }
    int first = 1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        int64_t n = us / units[i].us;
        if (n == 0)
            continue;
        us -= n * units[i].us;
        sb_printf(sb, "%s%" PRId64 " %s%s", first ? "" : " ", n, units[i].unit, n == 1 ? "" : "s");
        first = 0;
    }
}

static void put_expr(StrBuf *sb, const SExpr *e, const SSelect *s);

/* Key i of s's GROUP BY: its expression, or the hidden spark_grouping_id / _gen_grouping_pos
   of a ROLLUP, CUBE or GROUPING SETS. */
static void put_group_key(StrBuf *sb, const SSelect *s, int i)
{
    if (s->n_gsets && i >= s->n_gkeys)
        sb_puts(sb, i == s->n_gkeys ? "spark_grouping_id" : "_gen_grouping_pos");
    else
        put_expr(sb, s->group[i], s);
}

/* Spark's Expand of a ROLLUP, CUBE or GROUPING SETS: its sets (the first 16). */
static void put_expand(StrBuf *sb, const SSelect *a)
{
    if (!a->n_gsets)
        return;
    sb_printf(sb, "  Expand %d grouping set%s [", a->n_gsets, a->n_gsets > 1 ? "s" : "");
    for (int g = 0; g < a->n_gsets && g < 16; g++) {
        sb_puts(sb, g ? ", (" : "(");
        for (int i = 0, k = 0; i < a->n_gkeys; i++)
            if (!(a->gset_nulls[g] >> i & 1)) {
                sb_puts(sb, k++ ? ", " : "");
                put_expr(sb, a->group[i], a);
            }
        sb_putc(sb, ')');
    }
    sb_puts(sb, a->n_gsets > 16 ? ", ...]" : "]");
    sb_puts(sb, " with spark_grouping_id\n");
}

static void put_agg(StrBuf *sb, const SAgg *a, const SSelect *s)
{
    if (a->kind == AGG_COUNT_STAR) {
        sb_puts(sb, "count(1)");
        return;
    }
    sb_printf(sb, "%s(%s", a->pct_disc ? "percentile_disc" : sema_agg_name(a->kind),
              a->distinct ? "DISTINCT " : "");
    put_expr(sb, a->arg, s);
    for (int d = 1; d < a->n_dargs; d++) {
        sb_puts(sb, ", ");
        put_expr(sb, a->dargs[d], s);
    }
    /* first/last's arg2 is its FILTER (sema.h's SAgg), a DISTINCT pair's y is dargs[1] */
    bool filter = a->kind == AGG_FIRST || a->kind == AGG_LAST;
    if (a->arg2 && !filter && a->n_dargs < 2) {
        sb_puts(sb, ", ");
        put_expr(sb, a->arg2, s);
    }
    if (a->kind == AGG_PERCENTILE) /* Percentile(child, percentage, frequency 1), PercentileDisc */
        sb_printf(sb, ", %g%s%s", a->pct, a->pct_disc ? "" : ", 1", a->pct_desc ? ", reverse" : "");
    if (a->kind == AGG_PERCENTILE_APPROX) { /* ApproximatePercentile(child, percentage, accuracy) */
        for (int p = 0; p < a->n_pcts; p++)
            sb_printf(sb, "%s%g", p ? ", " : a->pct_array ? ", array(" : ", ", a->pcts[p]);
        sb_printf(sb, "%s, %lld", a->pct_array ? ")" : "", (long long)a->accuracy);
    }
    if (a->kind == AGG_HISTOGRAM_NUMERIC) /* HistogramNumeric(child, nBins, 0, 0) */
        sb_printf(sb, ", %d, 0, 0", a->nbins);
    sb_putc(sb, ')');
    if (a->arg2 && filter) {
        sb_puts(sb, " FILTER (WHERE ");
        put_expr(sb, a->arg2, s);
        sb_putc(sb, ')');
    }
}

static const char *op_text(AstBinaryOp op)
{
    return ast_binary_op_name(op);
}

/* A lambda function as Spark's explain shows one: lambdafunction(body, variables...). */
static void put_lambda(StrBuf *sb, const SExpr *body, SExpr *const *vars, int n, const SSelect *s)
{
    sb_puts(sb, "lambdafunction(");
    put_expr(sb, body, s);
    for (int i = 0; i < n; i++) {
        sb_puts(sb, ", ");
        put_expr(sb, vars[i], s);
    }
    sb_putc(sb, ')');
}

/* A higher-order function (its arguments laid out as sema.h's FN_CASES_LAMBDA says) with its
   lambda functions. */
static void put_lambda_fn(StrBuf *sb, const SExpr *e, const SSelect *s)
{
    SExpr *const *a = e->u.call.args;
    sb_printf(sb, "%s(", sema_func_name(e->u.call.fn));
    put_expr(sb, a[0], s);
    if (e->u.call.n_args == 1) { /* array_sort(arr): the default comparator */
        sb_putc(sb, ')');
        return;
    }
    sb_puts(sb, ", ");
    if (e->u.call.fn == FN_AGGREGATE) {
        put_expr(sb, a[1], s);
        sb_puts(sb, ", ");
        put_lambda(sb, a[2], &a[4], 2, s);
        sb_puts(sb, ", ");
        put_lambda(sb, a[3], &a[6], 1, s);
    } else if (e->u.call.fn == FN_ZIP_WITH || e->u.call.fn == FN_MAP_ZIP_WITH) {
        put_expr(sb, a[1], s);
        sb_puts(sb, ", ");
        put_lambda(sb, a[2], &a[3], e->u.call.n_args - 3, s);
    } else {
        put_lambda(sb, a[1], &a[2], e->u.call.n_args - 2, s);
    }
    sb_putc(sb, ')');
}

static void put_expr(StrBuf *sb, const SExpr *e, const SSelect *s)
{
    switch (e->kind) {
    case SX_CONST:
        if (e->u.value.is_null)
            sb_puts(sb, "NULL");
        else if (e->type->kind == TY_STRING)
            sb_printf(sb, "'%.*s'", (int)e->u.value.n, e->u.value.s);
        else if (type_is_fractional(e->type))
            sb_printf(sb, "%g", e->u.value.d);
        else if (e->type->kind == TY_DECIMAL)
            sema_put_decimal(sb, e->u.value.dec, e->type->scale);
        else if (e->type->kind == TY_BOOLEAN)
            sb_puts(sb, e->u.value.i ? "true" : "false");
        else if (e->type->kind == TY_INTERVAL)
            plan_format_duration(sb, e->u.value.i);
        else
            sb_printf(sb, "%" PRId64, e->u.value.i);
        return;
    case SX_COLUMN:
        if (e->u.column >= 0 && e->u.column < s->input.n)
            sb_puts(sb, s->input.cols[e->u.column].name);
        else
            sb_printf(sb, "#%d", e->u.column);
        return;
    case SX_GROUP_REF:
        put_group_key(sb, s, e->u.ref);
        return;
    case SX_AGG_REF:
        put_agg(sb, &s->aggs[e->u.ref], s);
        return;
    case SX_LAMBDA_VAR:
        sb_printf(sb, "lambda#%d", e->u.ref);
        return;
    case SX_FIELD:
        put_expr(sb, e->u.field.arg, s);
        sb_printf(sb, ".%s", e->u.field.arg->type->fields[e->u.field.index].name);
        return;
    case SX_EXPLODE:
        sb_puts(sb, e->u.gen.in_line ? (e->u.gen.outer ? "inline_outer(" : "inline(")
                                     : (e->u.gen.outer ? "explode_outer(" : "explode("));
        put_expr(sb, e->u.gen.arg, s);
        sb_putc(sb, ')');
        return;
    case SX_INDEX:
        put_expr(sb, e->u.index.arg, s);
        sb_putc(sb, '[');
        put_expr(sb, e->u.index.index, s);
        sb_putc(sb, ']');
        return;
    case SX_NOT:
        sb_puts(sb, "NOT ");
        put_expr(sb, e->u.arg, s);
        return;
    case SX_NEG:
        sb_putc(sb, '-');
        put_expr(sb, e->u.arg, s);
        return;
    case SX_ARITH:
    case SX_CMP:
    case SX_AND:
    case SX_OR:
    case SX_CONCAT:
        sb_putc(sb, '(');
        put_expr(sb, e->u.bin.lhs, s);
        sb_printf(sb, " %s ", op_text(e->u.bin.op));
        put_expr(sb, e->u.bin.rhs, s);
        sb_putc(sb, ')');
        return;
    case SX_IS_NULL:
        put_expr(sb, e->u.is_null.arg, s);
        sb_puts(sb, e->u.is_null.negated ? " IS NOT NULL" : " IS NULL");
        return;
    case SX_LIKE:
        put_expr(sb, e->u.like.arg, s);
        sb_puts(sb, e->u.like.negated ? " NOT LIKE " : " LIKE ");
        put_expr(sb, e->u.like.pattern, s);
        return;
    case SX_IN:
        put_expr(sb, e->u.in.arg, s);
        sb_puts(sb, e->u.in.negated ? " NOT IN (" : " IN (");
        for (int i = 0; i < e->u.in.n_values; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_expr(sb, e->u.in.values[i], s);
        }
        sb_putc(sb, ')');
        return;
    case SX_CASE:
        sb_puts(sb, "CASE");
        for (int i = 0; i < e->u.kase.n_whens; i++) {
            sb_puts(sb, " WHEN ");
            put_expr(sb, e->u.kase.whens[i], s);
            sb_puts(sb, " THEN ");
            put_expr(sb, e->u.kase.thens[i], s);
        }
        if (e->u.kase.else_) {
            sb_puts(sb, " ELSE ");
            put_expr(sb, e->u.kase.else_, s);
        }
        sb_puts(sb, " END");
        return;
    case SX_CAST:
        sb_puts(sb, "CAST(");
        put_expr(sb, e->u.arg, s);
        sb_printf(sb, " AS %s)", type_sql_name(sb->arena, e->type));
        return;
    case SX_CALL:
        switch (e->u.call.fn) {
        FN_CASES_LAMBDA:
            put_lambda_fn(sb, e, s);
            return;
        default:
            break;
        }
        sb_printf(sb, "%s(", sema_func_name(e->u.call.fn));
        for (int i = 0; i < e->u.call.n_args; i++) {
            if (i)
                sb_puts(sb, ", ");
            if (i == 0 &&
                (e->u.call.fn == FN_TIMESTAMPADD || e->u.call.fn == FN_TIMESTAMPDIFF))
                sb_puts(sb, cm_ts_unit_name((int)e->u.call.args[0]->u.value.i)); /* its unit */
            else
                put_expr(sb, e->u.call.args[i], s);
        }
        sb_putc(sb, ')');
        return;
    case SX_WINDOW:
        if (e->u.window.session) {
            sb_puts(sb, "session_window(");
            put_expr(sb, e->u.window.ts, s);
            sb_puts(sb, ", ");
            if (e->u.window.gap) {
                put_expr(sb, e->u.window.gap, s);
                sb_putc(sb, ')');
                return;
            }
            sb_putc(sb, '\'');
            int32_t cal[2] = {e->u.window.gap_months, e->u.window.gap_days};
            const char *unit[2] = {"month", "day"};
            bool any = false;
            for (int i = 0; i < 2 && e->u.window.gap_cal; i++)
                if (cal[i]) {
                    sb_printf(sb, "%s%d %s%s", any ? " " : "", cal[i], unit[i],
                              cal[i] == 1 ? "" : "s");
                    any = true;
                }
            if (e->u.window.gap_us || !any) {
                if (any)
                    sb_putc(sb, ' ');
                plan_format_duration(sb, e->u.window.gap_us);
            }
            sb_puts(sb, "')");
            return;
        }
        /* As a user writes it: the slide only when sliding, the start only when set. */
        sb_puts(sb, "window(");
        put_expr(sb, e->u.window.ts, s);
        sb_puts(sb, ", '");
        plan_format_duration(sb, e->u.window.size_us);
        sb_putc(sb, '\'');
        if (e->u.window.slide_us != e->u.window.size_us || e->u.window.start_us != 0) {
            sb_puts(sb, ", '");
            plan_format_duration(sb, e->u.window.slide_us);
            sb_putc(sb, '\'');
        }
        if (e->u.window.start_us != 0) {
            sb_puts(sb, ", '");
            plan_format_duration(sb, e->u.window.start_us);
            sb_putc(sb, '\'');
        }
        sb_putc(sb, ')');
        return;
    }
}

/* ==== Joins ==== */

/* The join's type as it runs, then a space; with the written one when the optimizer changed
   it (plan_joinopt.c). */
static void put_join_type(StrBuf *sb, const SJoin *j)
{
    sb_printf(sb, "%s ", ast_join_type_name(j->type));
    if (j->type != j->written)
        sb_printf(sb, "(written %s; EliminateOuterJoin: WHERE drops its NULL rows) ",
                  ast_join_type_name(j->written));
}

/* The join's keys and condition, over its raw space: "[l.k = r.k] AND cond". */
static void put_join_on(StrBuf *sb, const SJoin *j)
{
    SSelect raw = {0};
    raw.input = j->raw;
    sb_putc(sb, '[');
    for (int k = 0; k < j->n_keys; k++) {
        sb_puts(sb, k ? ", " : "");
        put_expr(sb, j->probe_keys[k], &raw);
        sb_puts(sb, " = ");
        put_expr(sb, j->build_keys[k], &raw);
    }
    sb_putc(sb, ']');
    if (j->cond) {
        sb_puts(sb, " condition ");
        put_expr(sb, j->cond, &raw);
    }
    for (int side = 0; side < 2; side++)
        if (j->side_cond[side]) {
            sb_printf(sb, " %s condition ", side ? "right" : "left");
            put_expr(sb, j->side_cond[side], &raw);
        }
}

/* How side `side` of a stream-stream join leaves its state (plan_state's eviction). */
static void put_eviction(StrBuf *sb, const SJoin *j, int side)
{
    if (j->key_wm >= 0) {
        sb_printf(sb, "key %d <= watermark", j->key_wm);
        return;
    }
    if (j->wm_col[side] < 0 || j->n_bounds[side] == 0) {
        sb_puts(sb, "none (unbounded)");
        return;
    }
    sb_printf(sb, "%s <= min(", j->sides[side]->output.cols[j->wm_col[side]].name);
    for (int b = 0; b < j->n_bounds[side]; b++) {
        sb_printf(sb, "%swatermark", b ? ", " : "");
        if (j->bounds[side][b].c_us) {
            StrBuf d;
            sb_init(&d, sb->arena);
            int64_t c = j->bounds[side][b].c_us;
            plan_format_duration(&d, c < 0 ? -c : c);
            sb_printf(sb, " %c %s", c < 0 ? '-' : '+', d.data);
        }
        if (j->bounds[side][b].inclusive)
            sb_puts(sb, " - 1 ms");
    }
    sb_putc(sb, ')');
}

/* ==== Logical plan ==== */

static void put_outputs(StrBuf *sb, const SSelect *s)
{
    sb_putc(sb, '[');
    for (int i = 0; i < s->n_out; i++) {
        if (i)
            sb_puts(sb, ", ");
        put_expr(sb, s->out[i].expr, s);
        sb_printf(sb, " AS %s", s->out[i].name);
    }
    sb_putc(sb, ']');
}

/* Spark's Deduplicate [keys] / DeduplicateWithinWatermark [keys], keys by name. */
static void put_dedup(StrBuf *sb, const SSelect *s)
{
    const SDedup *d = s->dedup;
    sb_puts(sb, d->within_watermark ? "DeduplicateWithinWatermark [" : "Deduplicate [");
    for (int i = 0; i < d->n; i++)
        sb_printf(sb, "%s%s", i ? ", " : "",
                  d->cols[i] >= 0 && d->cols[i] < s->input.n ? s->input.cols[d->cols[i]].name
                                                             : "?");
    sb_putc(sb, ']');
}

static void put_lplan_indent(StrBuf *sb, int depth)
{
    for (int i = 0; i < depth; i++)
        sb_puts(sb, i + 1 == depth ? "+- " : "   ");
}

/* Logical plan p of pq (its joins as they run, plan_join_of) at depth. */
static void put_lplan(StrBuf *sb, const PQuery *pq, const LPlan *p, int depth)
{
    put_lplan_indent(sb, depth);
    const SSelect *s = p->select;
    switch (p->kind) {
    case LP_SINK: {
        const SQuery *q = p->query;
        if (q->batch) { /* runs once over all the tables' files (sema_stream.c) */
            sb_printf(sb, "Sink %s '%s' [query=%s, batch, %s", q->sink->connector, q->sink->name,
                      q->name, q->show ? "show" : "written once");
            if (q->limit >= 0)
                sb_printf(sb, ", limit=%" PRId64, q->limit);
            sb_puts(sb, "]\n");
            break;
        }
        sb_printf(sb, "Sink %s '%s' [query=%s, outputMode=%s, trigger=", q->sink->connector,
                  q->sink->name, q->name, sema_mode_name(q->mode));
        switch (q->trigger) {
        case TRIGGER_DEFAULT: sb_puts(sb, "ProcessingTime(0)"); break;
        case TRIGGER_INTERVAL: sb_printf(sb, "ProcessingTime(%" PRId64 " ms)", q->trigger_ms); break;
        case TRIGGER_ONCE: sb_puts(sb, "Once"); break;
        case TRIGGER_AVAILABLE_NOW: sb_puts(sb, "AvailableNow"); break;
        }
        sb_puts(sb, "]\n");
        break;
    }
    case LP_SORT:
        sb_puts(sb, "Sort [");
        for (int i = 0; i < s->n_order; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_expr(sb, s->order[i].expr, s);
            sb_printf(sb, " %s NULLS %s", s->order[i].desc ? "DESC" : "ASC",
                      s->order[i].nulls_first ? "FIRST" : "LAST");
        }
        sb_puts(sb, "]\n");
        break;
    case LP_AGGREGATE:
        sb_puts(sb, "Aggregate [");
        for (int i = 0; i < s->n_group; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_group_key(sb, s, i);
        }
        sb_puts(sb, "] ");
        put_outputs(sb, s);
        if (s->having) {
            sb_puts(sb, " HAVING ");
            put_expr(sb, s->having, s);
        }
        sb_putc(sb, '\n');
        break;
    case LP_PROJECT:
        sb_puts(sb, "Project ");
        put_outputs(sb, s);
        sb_putc(sb, '\n');
        break;
    case LP_JOIN:
        sb_puts(sb, "Join ");
        put_join_type(sb, plan_join_of(pq, s));
        put_join_on(sb, plan_join_of(pq, s));
        sb_putc(sb, '\n');
        put_lplan(sb, pq, p->child, depth + 1);
        put_lplan(sb, pq, p->right, depth + 1);
        return;
    case LP_FILTER:
        sb_puts(sb, "Filter ");
        put_expr(sb, s->where, s);
        sb_putc(sb, '\n');
        break;
    case LP_UNION:
        sb_printf(sb, "Union [%d inputs]\n", p->n_inputs);
        for (int i = 0; i < p->n_inputs; i++)
            put_lplan(sb, pq, p->inputs[i], depth + 1);
        break;
    case LP_SCAN: {
        const SSource *src = s->source;
        sb_printf(sb, "%s %s '%s' [", src->is_static ? "Scan" : "StreamingScan", src->connector,
                  src->name);
        for (int i = 0; i < src->schema.n; i++)
            sb_printf(sb, "%s%s: %s", i ? ", " : "", src->schema.cols[i].name,
                      type_name(sb->arena, src->schema.cols[i].type));
        sb_putc(sb, ']');
        if (src->watermark)
            sb_printf(sb, " watermark(%s)", src->schema.cols[src->watermark->column].name);
        const SOption *group = soptions_find(&src->options, "consumerGroup");
        if (group) /* runtime/src/core/srt_group.c */
            sb_printf(sb,
                      " grouped(consumerGroup=%s: one lane per partition this process is "
                      "assigned, with its own checkpoint, state and watermark)",
                      group->value);
        sb_putc(sb, '\n');
        break;
    }
    }
    if (p->child) {
        /* A block's DROP DUPLICATES sits between its Filter and its Aggregate or Project. */
        if ((p->kind == LP_AGGREGATE || p->kind == LP_PROJECT) && s->dedup) {
            put_lplan_indent(sb, ++depth);
            put_dedup(sb, s);
            sb_putc(sb, '\n');
        }
        put_lplan(sb, pq, p->child, depth + 1);
    }
}

/* ==== Physical plan ==== */

/* The probe step of a block that reads a join. */
static void put_probe(StrBuf *sb, const PQuery *pq, const SSelect *s, const char *indent)
{
    if (s == pq->ssjoin_block) {
        const SJoin *j = plan_join_of(pq, s);
        sb_printf(sb, "%sSymmetricHashJoin ", indent);
        put_join_type(sb, j);
        sb_puts(sb, "keys=");
        put_join_on(sb, j);
        sb_printf(sb, " state=%d key=%u+ bytes\n", PSTATE_SSJOIN, pq->ssjoin_key.fixed_size);
        for (int side = 0; side < 2; side++) {
            sb_printf(sb, "%s  %s state evicted: ", indent, side ? "right" : "left");
            put_eviction(sb, j, side);
            sb_putc(sb, '\n');
        }
        if (pq->n_ops > 1) /* the operators after it: Spark 3.5's propagated watermark */
            sb_printf(sb,
                      "%s  output watermark (of the operators after it): the least of the "
                      "watermark and the sides' state watermarks\n",
                      indent);
    }
    for (int k = 0; k < pq->n_joins; k++) {
        const PJoin *pj = &pq->joins[k];
        if (pj->block != s)
            continue;
        sb_printf(sb, "%sHashJoin ", indent);
        put_join_type(sb, pj->join);
        sb_printf(sb, "probe=%s keys=", pj->join->probe_left ? "left" : "right");
        put_join_on(sb, pj->join);
        sb_printf(sb, " key=%u+ bytes build='%s'\n", pj->key.fixed_size, pj->build->name);
    }
}

/* The windows of a row: of a GROUP BY window key, or of a window() projected without
   aggregation (Spark's TimeWindowing: a Project, or an Expand for a sliding window). */
static void put_window_assign(StrBuf *sb, const char *indent, const SExpr *w, const SSelect *s)
{
    if (w->u.window.session) {
        sb_printf(sb, "%sSessionWindowAssign ", indent);
        put_expr(sb, w, s);
        sb_puts(sb, " (the row's own session)\n");
        return;
    }
    int n = sema_window_count(w);
    sb_printf(sb, "%sWindowAssign %s ", indent,
              w->u.window.size_us == w->u.window.slide_us ? "tumbling" : "sliding");
    put_expr(sb, w, s);
    sb_printf(sb, " (up to %d window%s per row)\n", n, n == 1 ? "" : "s");
}

static void put_filter(StrBuf *sb, const char *indent, const SExpr *e, const SSelect *s,
                       const char *note)
{
    sb_printf(sb, "%sFilter ", indent);
    put_expr(sb, e, s);
    sb_printf(sb, "%s\n", note);
}

/* Does pd move a conjunct out of its own block's place: below the watermark from a block
   above its first, from the aggregation's HAVING or from a join; or split its first block's
   WHERE? */
static bool pushdown_moves(const PPushdown *pd)
{
    int below = 0, stays = 0;
    for (int k = 0; k < pd->n_preds; k++) {
        const PPred *p = &pd->preds[k];
        if (p->below_watermark && (p->at > 0 || p->having || p->join || p->inferred))
            return true;
        below += p->at == 0 && !p->having && p->below_watermark;
        stays += p->at == 0 && !p->having && !p->below_watermark;
    }
    return below && stays;
}

/* A filter over a join's side (PPred.join), over the join's raw space, and where it came
   from. */
static void put_join_filter(StrBuf *sb, const char *indent, const PPred *p)
{
    static const char *const from[] = {"", "IsNotNull inferred from the join", "ON",
                                       "WHERE above the join"};
    SSelect raw = {0};
    raw.input = p->block->join->raw;
    sb_printf(sb, "%sFilter ", indent);
    put_expr(sb, p->expr, &raw);
    sb_printf(sb, " (%s, over the %s side, %s)\n",
              p->inferred ? "IsNotNull inferred from a filter above the watermark" : from[p->join],
              p->side ? "right" : "left",
              p->below_watermark ? "below the watermark" : "before the join");
}

/* The filters of block s where plan_pushdown put them (pd NULL: a block over the aggregate's
   rows; its WHERE), around its join: when pd moves a conjunct (pushdown_moves), the first
   block shows every conjunct tested below the watermark, then the filters over the join's
   side that stay above it, then the join, then each block the conjuncts it keeps.  A HAVING
   conjunct on keys shows where it is tested before the aggregation. */
static void put_filters_and_join(StrBuf *sb, const PQuery *pq, const PPushdown *pd,
                                 const SSelect *s, const char *indent)
{
    int at = pd ? plan_pushdown_at(pd, s) : -1;
    bool moves = at >= 0 && pushdown_moves(pd);
    for (int k = 0; moves && at == 0 && k < pd->n_preds; k++) {
        const PPred *p = &pd->preds[k];
        if (p->below_watermark && p->join)
            put_join_filter(sb, indent, p);
        else if (p->below_watermark)
            put_filter(sb, indent, p->expr, p->block,
                       p->having ? " (HAVING on keys, pushed below the aggregate and the watermark)"
                       : p->inferred
                           ? " (IsNotNull inferred from a filter above the watermark, below it)"
                       : p->at ? " (pushed down from a block above, below the watermark)"
                               : " (below the watermark)");
    }
    for (int k = 0; pd && k < pd->n_preds; k++)
        if (pd->preds[k].join && pd->preds[k].block == s && !pd->preds[k].below_watermark)
            put_join_filter(sb, indent, &pd->preds[k]);
    put_probe(sb, pq, s, indent);
    if (s->where && !moves)
        put_filter(sb, indent, s->where, s, "");
    for (int k = 0; pd && k < pd->n_preds; k++) {
        const PPred *p = &pd->preds[k];
        if (p->block != s || p->below_watermark || p->join || (!p->having && !moves))
            continue;
        put_filter(sb, indent, p->expr, s,
                   p->having ? " (HAVING on keys, pushed below the aggregate)"
                   : at == 0 ? " (above the watermark)"
                             : "");
    }
}

static void put_block_ops(StrBuf *sb, const PQuery *pq, const PPushdown *pd, const SSelect *s,
                          const char *indent)
{
    put_filters_and_join(sb, pq, pd, s, indent);
    if (s->dedup) {
        sb_puts(sb, indent);
        put_dedup(sb, s);
        sb_putc(sb, '\n');
    }
    if (!s->has_agg) {
        if (s->window)
            put_window_assign(sb, indent, s->window, s);
        sb_printf(sb, "%sProject ", indent);
        put_outputs(sb, s);
        sb_putc(sb, '\n');
    }
    if (s == pq->query->row_limit_block) /* Spark's StreamingGlobalLimitExec, per record */
        sb_printf(sb, "%sStreamingGlobalLimit %" PRId64 " state=%d\n", indent, pq->query->row_limit,
                  PSTATE_LIMIT);
}

/* The aggregation of level pq (window assignment, hash aggregate), pipeline n over its groups,
   and the levels above it (several aggregation levels of a batch query: plan_levels.c). */
static void put_agg_level(StrBuf *sb, const PQuery *pq, int n)
{
    const SSelect *a = pq->agg;
    if (a->window_group >= 0 && a->group[a->window_group]->u.window.session) {
        sb_puts(sb, "  SessionWindowAssign ");
        put_expr(sb, a->group[a->window_group], a);
        sb_puts(sb, " (sessions merged per key)\n");
    } else if (a->window_group >= 0) {
        put_window_assign(sb, "  ", a->group[a->window_group], a);
    }
    put_expand(sb, a);
    sb_puts(sb, "  HashAggregate keys=[");
    for (int i = 0; i < a->n_group; i++) {
        sb_puts(sb, i ? ", " : "");
        put_group_key(sb, a, i);
    }
    sb_puts(sb, "] aggs=[");
    for (int i = 0; i < a->n_agg; i++) {
        sb_puts(sb, i ? ", " : "");
        put_agg(sb, &a->aggs[i], a);
    }
    sb_printf(sb, "] key=%u+ bytes state=%u bytes\n", pq->key.fixed_size, pq->state_size);
    if (n == 2)
        sb_printf(sb, "Pipeline 2: per group, at the end of each batch (%s mode)\n",
                  sema_mode_name(pq->query->mode));
    else
        sb_printf(sb, "Pipeline %d: per group, after pipeline %d\n", n, n - 1);
    if (a->having) {
        sb_puts(sb, "  Filter ");
        put_expr(sb, a->having, a);
        sb_putc(sb, '\n');
    }
    sb_puts(sb, "  Project ");
    put_outputs(sb, a);
    sb_putc(sb, '\n');
    for (int i = 0; i < pq->n_post; i++)
        put_block_ops(sb, pq, NULL, pq->post[i], "  ");
    if (pq->next)
        put_agg_level(sb, pq->next, n + 1);
}

/* The scan and per-record blocks of one branch of the query. */
static void put_branch(StrBuf *sb, const PQuery *pq, const PBranch *br)
{
    const SSource *src = br->source;
    const SOption *fmt = soptions_find(&src->options, "format");
    sb_printf(sb, "  Scan %s%s%s '%s' reading [", src->connector, fmt ? " " : "", fmt ? fmt->value : "",
              src->name);
    int first = 1;
    for (int i = 0; i < br->n_needed; i++) {
        if (!br->needed[i])
            continue;
        sb_printf(sb, "%s%s", first ? "" : ", ", src->schema.cols[i].name);
        first = 0;
    }
    sb_puts(sb, "]\n");
    for (int i = 0; i < br->n_pre; i++)
        put_block_ops(sb, pq, &br->pushdown, br->pre[i], "  ");
}

/* Is aggregate i of pq replayed and the first of its name and type to be? */
static bool first_replayed(const PQuery *pq, int i)
{
    const SAgg *a = &pq->agg->aggs[i];
    if (!plan_agg_replays(a))
        return false;
    for (int j = 0; j < i; j++) {
        const SAgg *b = &pq->agg->aggs[j];
        if (b->kind == a->kind && type_equal(b->type, a->type) && plan_agg_replays(b))
            return false;
    }
    return true;
}

/* Is aggregate i of pq one whose collected values a task's group hands to the fold (a
   collect_list, collect_set, percentile or mode that splits: srt_collect_fold), and the first
   of its name to be? */
static bool first_collected(const PQuery *pq, int i)
{
    const SAgg *a = &pq->agg->aggs[i];
    if (a->distinct || !sema_agg_has(a->kind, AGGP_COLLECTS))
        return false;
    for (int j = 0; j < i; j++)
        if (pq->agg->aggs[j].kind == a->kind && !pq->agg->aggs[j].distinct)
            return false;
    return true;
}

/* ", then the table's unmatched rows" after a full outer join's probe rows. */
static void put_unmatched(StrBuf *sb, const PQuery *pq)
{
    for (int k = 0; k < pq->n_joins; k++)
        if (pq->joins[k].join->full) {
            sb_puts(sb, ", then the table's unmatched rows");
            return;
        }
}

/* How a split query's tasks fold: groups merged, the values of its replayed aggregates
   (plan_agg_replays) named once each as "avg(double)" and of its collecting ones as
   "collect_list", rows kept; the updates the tasks logged made (plan_agg_logs_updates), those
   of keys new to DROP DUPLICATES before it; a full outer join's unmatched table rows after. */
static void put_split(StrBuf *sb, const PQuery *pq)
{
    if (plan_splits_at_join(pq)) {
        sb_puts(sb, "each side's rows keyed, joined on the query's thread, in input order");
        return;
    }
    if (!pq->agg) {
        sb_puts(sb, pq->n_dedups ? "rows kept, DROP DUPLICATES keys tested, in input order"
                                 : "rows kept in input order");
        put_unmatched(sb, pq);
        return;
    }
    if (plan_agg_logs_updates(pq)) {
        sb_puts(sb,
                plan_dedup_before_agg(pq)
                    ? "DROP DUPLICATES keys tested, the aggregation's updates made, in input order"
                    : "the aggregation's updates made on the query's thread, in input order");
        put_unmatched(sb, pq);
        return;
    }
    sb_puts(sb, "groups merged");
    int n = 0;
    for (int i = 0; i < pq->agg->n_agg; i++)
        if (first_replayed(pq, i))
            sb_printf(sb, "%s%s(%s)", n++ ? ", " : ", values of ",
                      sema_agg_name(pq->agg->aggs[i].kind),
                      type_name(sb->arena, pq->agg->aggs[i].type));
    if (n)
        sb_puts(sb, " replayed");
    int k = 0;
    for (int i = 0; i < pq->agg->n_agg; i++)
        if (first_collected(pq, i))
            sb_printf(sb, "%s%s", k++ ? ", " : ", values of ",
                      sema_agg_name(pq->agg->aggs[i].kind));
    if (k)
        sb_puts(sb, " added");
    sb_puts(sb, n || k ? ", in input order" : " in input order");
    put_unmatched(sb, pq);
}

static void put_pquery(StrBuf *sb, const PQuery *pq)
{
    if (pq->serial) {
        sb_printf(sb, "Pipeline 1: per record, fused, on one thread (%s)\n", pq->serial);
    } else {
        sb_puts(sb, "Pipeline 1: per record, fused, split across threads (");
        put_split(sb, pq);
        sb_puts(sb, ")\n");
    }
    for (int b = 0; b < pq->n_branches; b++) {
        if (pq->branches[b].side >= 0)
            sb_printf(sb, " stream-stream join, %s side (its own process function):\n",
                      pq->branches[b].side ? "right" : "left");
        else if (pq->n_branches > 1)
            sb_printf(sb, " UNION ALL branch %d (its own process function):\n", b);
        put_branch(sb, pq, &pq->branches[b]);
    }
    if (pq->n_branches > 1 && pq->agg)
        sb_puts(sb, " then, for the rows of every branch:\n");
    if (pq->agg) {
        const SSelect *a = pq->agg;
        put_filters_and_join(sb, pq, pq->pushdown, a, "  ");
        if (a->dedup) {
            sb_puts(sb, "  ");
            put_dedup(sb, a);
            sb_putc(sb, '\n');
        }
        put_agg_level(sb, pq, 2);
    }
    if (pq->n_order) {
        sb_puts(sb, "  Sort [");
        for (int i = 0; i < pq->n_order; i++)
            sb_printf(sb, "%s%s %s", i ? ", " : "", pq->columns[pq->order[i].column].name,
                      pq->order[i].desc ? "DESC" : "ASC");
        sb_puts(sb, "]\n");
    }
    if (pq->query->limit_stateful) /* Spark's StreamingGlobalLimitExec */
        sb_printf(sb, "  StreamingGlobalLimit %" PRId64 " state=%d\n", pq->query->limit,
                  PSTATE_LIMIT);
    else if (pq->query->limit >= 0)
        sb_printf(sb, "  Limit %" PRId64 "\n", pq->query->limit);
    if (pq->query->build)
        sb_puts(sb, "  JoinBuildSide [");
    else
        sb_printf(sb, "  Sink %s '%s' [", pq->query->sink->connector, pq->query->sink->name);
    int first = 1;
    for (int i = 0; i < pq->n_columns; i++) {
        if (pq->columns[i].hidden)
            continue;
        sb_printf(sb, "%s%s: %s", first ? "" : ", ", pq->columns[i].name,
                  type_name(sb->arena, pq->columns[i].type));
        first = 0;
    }
    sb_puts(sb, "]\n");
}

/* ==== Source schemas ==== */

/* Spark's DataType.typeName, as printSchema shows it. */
static const char *schema_type_name(const Type *t)
{
    switch (t->kind) {
    case TY_NULL: return "void";
    case TY_BOOLEAN: return "boolean";
    case TY_TINYINT: return "byte";
    case TY_SMALLINT: return "short";
    case TY_INT: return "integer";
    case TY_BIGINT: return "long";
    case TY_FLOAT: return "float";
    case TY_DOUBLE: return "double";
    case TY_DECIMAL: { /* decimal(p,s); printed at once by the caller */
        static char name[32];
        snprintf(name, sizeof name, "decimal(%d,%d)", t->precision, t->scale);
        return name;
    }
    case TY_STRING: return "string";
    case TY_BINARY: return "binary";
    case TY_TIMESTAMP: return "timestamp";
    case TY_TIMESTAMP_NTZ:
        return "timestamp_ntz";
    case TY_DATE: return "date";
    case TY_INTERVAL:
        return cm_dt_type_name(t->start_field, t->end_field, false);
    case TY_YM_INTERVAL:
        return cm_ym_type_name(t->start_field, t->end_field, false);
    case TY_STRUCT: return "struct";
    case TY_ARRAY: return "array";
    case TY_MAP: return "map";
    }
    return "?";
}

/* The lines below a field of type t: struct fields, an array's element, a map's key and value. */
static void put_schema_children(StrBuf *sb, const Type *t, const char *prefix)
{
    const char *inner = arena_sprintf(sb->arena, "%s    |", prefix);
    if (t->kind == TY_STRUCT) {
        for (int i = 0; i < t->n_fields; i++) {
            sb_printf(sb, "%s-- %s: %s (nullable = true)\n", prefix, t->fields[i].name,
                      schema_type_name(t->fields[i].type));
            put_schema_children(sb, t->fields[i].type, inner);
        }
    } else if (t->kind == TY_ARRAY) {
        sb_printf(sb, "%s-- element: %s (containsNull = true)\n", prefix,
                  schema_type_name(t->elem));
        put_schema_children(sb, t->elem, inner);
    } else if (t->kind == TY_MAP) { /* StructType.buildFormattedString of a MapType */
        sb_printf(sb, "%s-- key: %s\n", prefix, schema_type_name(t->key));
        put_schema_children(sb, t->key, inner);
        sb_printf(sb, "%s-- value: %s (valueContainsNull = true)\n", prefix,
                  schema_type_name(t->elem));
        put_schema_children(sb, t->elem, inner);
    }
}

/* A source's schema as Spark's printSchema() prints it, under a header naming the source;
   "(inferred)" when inferSchema read it from the files. */
static void put_source_schema(StrBuf *sb, const SSource *src)
{
    const SOption *inf = soptions_find(&src->options, "inferSchema");
    bool inferred =
        inf && strcmp(inf->value, "true") == 0 && src->format && strcmp(src->format, "text") != 0;
    sb_printf(sb, "== %s '%s': %s%s%s%s ==\nroot\n", src->is_static ? "Table" : "Source", src->name,
              src->connector, src->format ? " " : "", src->format ? src->format : "",
              inferred ? " (inferred)" : "");
    for (int i = 0; i < src->schema.n; i++) {
        const SColumn *c = &src->schema.cols[i];
        sb_printf(sb, " |-- %s: %s (nullable = true)\n", c->name, schema_type_name(c->type));
        put_schema_children(sb, c->type, " |    |");
    }
}

void plan_explain(StrBuf *sb, const PProgram *plan)
{
    const SProgram *prog = plan->sema;
    for (int i = 0; prog && i < prog->n_sources; i++) {
        put_source_schema(sb, prog->sources[i]);
        sb_putc(sb, '\n');
    }
    for (int i = 0; i < plan->n_queries; i++) {
        const PQuery *pq = plan->queries[i];
        if (i)
            sb_putc(sb, '\n');
        if (pq->query->build) { /* its logical plan is part of its query's */
            sb_printf(sb, "== Build side '%s' (a batch query) ==\n== Physical Plan ==\n", pq->name);
            put_pquery(sb, pq);
            continue;
        }
        sb_printf(sb, "== Query '%s' ==\n", pq->name);
        sb_puts(sb, "== Logical Plan ==\n");
        put_lplan(sb, pq, pq->logical, 0);
        sb_puts(sb, "== Physical Plan ==\n");
        put_pquery(sb, pq);
    }
}
