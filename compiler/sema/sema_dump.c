/* sema_dump.c - a stable text dump of a bound program, for tests and `sluice explain`.
**
** One line per object or clause, two-space indentation, every expression with its
** type after a colon.  Columns print as name#index, group keys and aggregates of
** the aggregated space as group#i and agg#i, durations compactly (1h30m).  The
** format is what tests compare byte for byte: change it only with the tests.
** Must not: allocate outside sb's arena, or depend on anything but the SProgram.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_time.h"
#include "sema/sema_int.h"

/* ==== Values ==== */

static void put_date(StrBuf *sb, int64_t days)
{
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    sb_printf(sb, "%04lld-%02d-%02d", (long long)y, m, d);
}

static void put_timestamp(StrBuf *sb, int64_t us)
{
    int64_t day = 86400000000LL;
    int64_t days = us >= 0 ? us / day : -((-us + day - 1) / day);
    int64_t rest = us - days * day;
    put_date(sb, days);
    int64_t s = rest / 1000000;
    sb_printf(sb, " %02d:%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
    if (rest % 1000000)
        sb_printf(sb, ".%06d", (int)(rest % 1000000));
}

static void put_value(StrBuf *sb, const SValue *v, const Type *t)
{
    if (v->is_null) {
        sb_puts(sb, "NULL");
        return;
    }
    switch (t->kind) {
    case TY_BOOLEAN:
        sb_puts(sb, v->i ? "true" : "false");
        break;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT:
        sb_printf(sb, "%lld", (long long)v->i);
        break;
    case TY_FLOAT:
    case TY_DOUBLE:
        sema_put_double(sb, v->d);
        break;
    case TY_DECIMAL:
        sema_put_decimal(sb, v->dec, t->scale);
        break;
    case TY_STRING:
        sb_putc(sb, '\'');
        for (uint32_t i = 0; i < v->n; i++) {
            if (v->s[i] == '\'')
                sb_putc(sb, '\'');
            sb_putc(sb, v->s[i]);
        }
        sb_putc(sb, '\'');
        break;
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
        sb_puts(sb, t->kind == TY_TIMESTAMP ? "TIMESTAMP '" : "TIMESTAMP_NTZ '");
        put_timestamp(sb, v->i);
        sb_putc(sb, '\'');
        break;
    case TY_DATE:
        sb_puts(sb, "DATE '");
        put_date(sb, v->i);
        sb_putc(sb, '\'');
        break;
    case TY_INTERVAL:
        sb_puts(sb, "INTERVAL ");
        sema_put_duration(sb, v->i);
        break;
    default:
        sb_puts(sb, "?");
        break;
    }
}

/* ==== Expressions ==== */

static void put_expr(StrBuf *sb, const SExpr *e, const SSchema *in);
static void put_node(StrBuf *sb, const SExpr *e, const SSchema *in);

static void put_list(StrBuf *sb, SExpr *const *items, int n, const SSchema *in)
{
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(sb, ", ");
        put_expr(sb, items[i], in);
    }
}

/* An expression and its type: node:type. */
static void put_expr(StrBuf *sb, const SExpr *e, const SSchema *in)
{
    if (!e) {
        sb_puts(sb, "<null>");
        return;
    }
    put_node(sb, e, in);
    sb_printf(sb, ":%s", e->type ? type_name(sb->arena, e->type) : "?");
}

/* The node without its type (a struct before .field shows its type at the field). */
static void put_node(StrBuf *sb, const SExpr *e, const SSchema *in)
{
    switch (e->kind) {
    case SX_CONST:
        put_value(sb, &e->u.value, e->type);
        break;
    case SX_COLUMN:
        if (in && e->u.column >= 0 && e->u.column < in->n)
            sb_printf(sb, "%s#%d", in->cols[e->u.column].name, e->u.column);
        else
            sb_printf(sb, "#%d", e->u.column);
        break;
    case SX_FIELD:
        if (e->u.field.arg)
            put_node(sb, e->u.field.arg, in);
        if (e->u.field.arg && e->u.field.arg->type->kind == TY_STRUCT &&
            e->u.field.index < e->u.field.arg->type->n_fields)
            sb_printf(sb, ".%s", e->u.field.arg->type->fields[e->u.field.index].name);
        else
            sb_printf(sb, ".#%d", e->u.field.index);
        break;
    case SX_EXPLODE:
        sb_puts(sb, e->u.gen.outer ? "(explode_outer " : "(explode ");
        put_expr(sb, e->u.gen.arg, in);
        sb_putc(sb, ')');
        break;
    case SX_INDEX:
        put_expr(sb, e->u.index.arg, in);
        sb_putc(sb, '[');
        put_expr(sb, e->u.index.index, in);
        sb_putc(sb, ']');
        break;
    case SX_NOT:
    case SX_NEG:
        sb_puts(sb, e->kind == SX_NOT ? "(NOT " : "(- ");
        put_expr(sb, e->u.arg, in);
        sb_putc(sb, ')');
        break;
    case SX_ARITH:
    case SX_CMP:
    case SX_AND:
    case SX_OR:
    case SX_CONCAT:
        sb_putc(sb, '(');
        put_expr(sb, e->u.bin.lhs, in);
        sb_printf(sb, " %s ", sema_binary_symbol(e->u.bin.op));
        put_expr(sb, e->u.bin.rhs, in);
        sb_putc(sb, ')');
        break;
    case SX_IS_NULL:
        sb_putc(sb, '(');
        put_expr(sb, e->u.is_null.arg, in);
        sb_puts(sb, e->u.is_null.negated ? " IS NOT NULL)" : " IS NULL)");
        break;
    case SX_LIKE:
        sb_putc(sb, '(');
        put_expr(sb, e->u.like.arg, in);
        sb_puts(sb, e->u.like.negated ? " NOT LIKE " : " LIKE ");
        put_expr(sb, e->u.like.pattern, in);
        sb_putc(sb, ')');
        break;
    case SX_IN:
        sb_putc(sb, '(');
        put_expr(sb, e->u.in.arg, in);
        sb_puts(sb, e->u.in.negated ? " NOT IN (" : " IN (");
        put_list(sb, e->u.in.values, e->u.in.n_values, in);
        sb_puts(sb, "))");
        break;
    case SX_CASE:
        sb_puts(sb, "CASE");
        for (int i = 0; i < e->u.kase.n_whens; i++) {
            sb_puts(sb, " WHEN ");
            put_expr(sb, e->u.kase.whens[i], in);
            sb_puts(sb, " THEN ");
            put_expr(sb, e->u.kase.thens[i], in);
        }
        sb_puts(sb, " ELSE ");
        put_expr(sb, e->u.kase.else_, in);
        sb_puts(sb, " END");
        break;
    case SX_CAST:
        sb_puts(sb, "cast(");
        put_expr(sb, e->u.arg, in);
        sb_putc(sb, ')');
        break;
    case SX_CALL:
        sb_printf(sb, "%s(", sema_func_name(e->u.call.fn));
        put_list(sb, e->u.call.args, e->u.call.n_args, in);
        sb_putc(sb, ')');
        break;
    case SX_GROUP_REF:
        sb_printf(sb, "group#%d", e->u.ref);
        break;
    case SX_AGG_REF:
        sb_printf(sb, "agg#%d", e->u.ref);
        break;
    case SX_LAMBDA_VAR:
        sb_printf(sb, "lambda#%d", e->u.ref);
        break;
    case SX_WINDOW:
        if (e->u.window.session) {
            sb_puts(sb, "session_window(");
            put_expr(sb, e->u.window.ts, in);
            sb_puts(sb, ", gap=");
            if (e->u.window.gap) {
                put_expr(sb, e->u.window.gap, in);
            } else {
                if (e->u.window.gap_cal)
                    sb_printf(sb, "%dmo%dd+", e->u.window.gap_months, e->u.window.gap_days);
                sema_put_duration(sb, e->u.window.gap_us);
            }
            sb_putc(sb, ')');
            break;
        }
        sb_puts(sb, "window(");
        put_expr(sb, e->u.window.ts, in);
        sb_puts(sb, ", size=");
        sema_put_duration(sb, e->u.window.size_us);
        sb_puts(sb, ", slide=");
        sema_put_duration(sb, e->u.window.slide_us);
        sb_puts(sb, ", start=");
        sema_put_duration(sb, e->u.window.start_us);
        sb_putc(sb, ')');
        break;
    }
}

/* ==== Catalog ==== */

static void put_schema(StrBuf *sb, const SSchema *s)
{
    for (int i = 0; i < s->n; i++)
        sb_printf(sb, "%s%s %s", i ? ", " : "", s->cols[i].name,
                  type_name(sb->arena, s->cols[i].type));
}

static void put_options(StrBuf *sb, int depth, const SOptions *o)
{
    int n_written = 0, n_default = 0;
    for (int i = 0; i < o->n; i++)
        o->items[i].is_default ? n_default++ : n_written++;
    if (n_written) {
        sb_indent(sb, depth);
        sb_puts(sb, "options:");
        for (int i = 0; i < o->n; i++)
            if (!o->items[i].is_default)
                sb_printf(sb, " %s=%s", o->items[i].key, o->items[i].value);
        sb_putc(sb, '\n');
    }
    if (n_default) {
        sb_indent(sb, depth);
        sb_puts(sb, "defaults:");
        for (int i = 0; i < o->n; i++)
            if (o->items[i].is_default)
                sb_printf(sb, " %s=%s", o->items[i].key, o->items[i].value);
        sb_putc(sb, '\n');
    }
}

static void put_source(StrBuf *sb, const SSource *s)
{
    sb_printf(sb, "%s %s #%d connector=%s", s->is_static ? "table" : "source", s->name, s->index,
              s->connector ? s->connector : "?");
    if (s->format)
        sb_printf(sb, " format=%s", s->format);
    sb_puts(sb, "\n  columns: ");
    put_schema(sb, &s->schema);
    sb_putc(sb, '\n');
    if (s->watermark) {
        int c = s->watermark->column;
        sb_printf(sb, "  watermark: %s#%d delay=",
                  c >= 0 && c < s->schema.n ? s->schema.cols[c].name : "?", c);
        sema_put_duration(sb, s->watermark->delay_us);
        sb_putc(sb, '\n');
    }
    put_options(sb, 1, &s->options);
}

static void put_sink(StrBuf *sb, const SSink *s)
{
    sb_printf(sb, "sink %s #%d connector=%s\n", s->name, s->index,
              s->connector ? s->connector : "?");
    put_options(sb, 1, &s->options);
}

/* ==== Queries ==== */

static void put_line_expr(StrBuf *sb, int depth, const char *label, const SExpr *e,
                          const SSchema *in)
{
    sb_indent(sb, depth);
    sb_printf(sb, "%s: ", label);
    put_expr(sb, e, in);
    sb_putc(sb, '\n');
}

/* dedup: [a#1, t#0] all watermark=t#0 delay=10m event_key=1 */
static void put_dedup(StrBuf *sb, int depth, const SDedup *d, const SSchema *in)
{
    sb_indent(sb, depth);
    sb_puts(sb, d->within_watermark ? "dedup within watermark: [" : "dedup: [");
    for (int i = 0; i < d->n; i++) {
        int c = d->cols[i];
        sb_printf(sb, "%s%s#%d", i ? ", " : "", c >= 0 && c < in->n ? in->cols[c].name : "?", c);
    }
    sb_putc(sb, ']');
    if (d->all_columns)
        sb_puts(sb, " all");
    if (d->watermark_col >= 0) {
        int c = d->watermark_col;
        sb_printf(sb, " watermark=%s#%d delay=", c < in->n ? in->cols[c].name : "?", c);
        sema_put_duration(sb, d->delay_us);
        sb_printf(sb, " event_key=%d", d->event_key);
    }
    sb_putc(sb, '\n');
}

/* "grouping sets: (0 1)=0 (0)=1 ()=3": each set's keys and its grouping id */
static void put_grouping_sets(StrBuf *sb, int depth, const SSelect *s)
{
    if (!s->n_gsets)
        return;
    sb_indent(sb, depth);
    sb_puts(sb, "grouping sets:");
    for (int g = 0; g < s->n_gsets; g++) {
        sb_puts(sb, " (");
        for (int i = 0, k = 0; i < s->n_gkeys; i++)
            if (!(s->gset_nulls[g] >> i & 1))
                sb_printf(sb, k++ ? " %d" : "%d", i);
        sb_printf(sb, ")=%lld", (long long)s->gset_ids[g]);
    }
    sb_putc(sb, '\n');
}

static void put_select(StrBuf *sb, int depth, const SSelect *s)
{
    sb_indent(sb, depth);
    sb_puts(sb, "select\n");
    depth++;
    sb_indent(sb, depth);
    if (s->source) {
        sb_printf(sb, "from: %s %s\n", s->source->is_static ? "table" : "source", s->source->name);
    } else if (s->n_branches) {
        sb_printf(sb, "from: union all of %d\n", s->n_branches);
        for (int i = 0; i < s->n_branches; i++)
            put_select(sb, depth + 1, s->branches[i]);
    } else if (s->sub) {
        sb_puts(sb, "from: subquery\n");
        put_select(sb, depth + 1, s->sub);
    } else {
        sb_puts(sb, "from: nothing\n");
    }
    sb_indent(sb, depth);
    sb_puts(sb, "input: ");
    put_schema(sb, &s->input);
    sb_putc(sb, '\n');
    if (s->where)
        put_line_expr(sb, depth, "where", s->where, &s->input);
    if (s->dedup)
        put_dedup(sb, depth, s->dedup, &s->input);
    if (s->has_agg) {
        sb_indent(sb, depth);
        sb_puts(sb, "aggregate\n");
        for (int i = 0; i < s->n_group; i++) {
            char label[40];
            snprintf(label, sizeof label, "group[%d]%s", i,
                     i == s->window_group  ? " window"
                     : !s->n_gsets         ? ""
                     : i == s->n_gkeys     ? " spark_grouping_id"
                     : i == s->n_gkeys + 1 ? " _gen_grouping_pos"
                                           : "");
            put_line_expr(sb, depth + 1, label, s->group[i], &s->input);
        }
        put_grouping_sets(sb, depth + 1, s);
        for (int i = 0; i < s->n_agg; i++) {
            const SAgg *a = &s->aggs[i];
            sb_indent(sb, depth + 1);
            if (a->kind == AGG_COUNT_STAR) {
                sb_printf(sb, "agg[%d]: count(*):%s\n", i, type_name(sb->arena, a->type));
                continue;
            }
            sb_printf(sb, "agg[%d]: %s(%s", i, sema_agg_name(a->kind), a->distinct ? "DISTINCT " : "");
            put_expr(sb, a->arg, &s->input);
            for (int d = 1; d < a->n_dargs; d++) {
                sb_puts(sb, ", ");
                put_expr(sb, a->dargs[d], &s->input);
            }
            if (a->arg2 && a->n_dargs < 2) { /* a DISTINCT pair's y is dargs[1] */
                sb_puts(sb, ", ");
                put_expr(sb, a->arg2, &s->input);
            }
            if (a->kind == AGG_PERCENTILE) {
                sb_puts(sb, ", ");
                sema_put_double(sb, a->pct);
                sb_puts(sb, a->pct_disc ? ", discrete" : "");
                sb_puts(sb, a->pct_desc ? ", reverse" : "");
            }
            for (int p = 0; a->kind == AGG_PERCENTILE_APPROX && p < a->n_pcts; p++) {
                sb_puts(sb, p ? ", " : a->pct_array ? ", array(" : ", ");
                sema_put_double(sb, a->pcts[p]);
            }
            if (a->kind == AGG_PERCENTILE_APPROX)
                sb_printf(sb, "%s, %lld", a->pct_array ? ")" : "", (long long)a->accuracy);
            if (a->kind == AGG_HISTOGRAM_NUMERIC)
                sb_printf(sb, ", %d", a->nbins);
            sb_printf(sb, "):%s\n", type_name(sb->arena, a->type));
        }
    }
    if (s->having)
        put_line_expr(sb, depth, "having", s->having, &s->input);
    for (int i = 0; i < s->n_out; i++) {
        sb_indent(sb, depth);
        sb_printf(sb, "out[%d] %s: ", i, s->out[i].name);
        put_expr(sb, s->out[i].expr, &s->input);
        sb_putc(sb, '\n');
    }
    for (int i = 0; i < s->n_order; i++) {
        const SOrder *o = &s->order[i];
        sb_indent(sb, depth);
        sb_printf(sb, "order[%d] %s nulls %s: ", i, o->desc ? "desc" : "asc",
                  o->nulls_first ? "first" : "last");
        put_expr(sb, o->expr, &s->input);
        sb_putc(sb, '\n');
    }
    sb_indent(sb, depth);
    sb_puts(sb, "output: ");
    put_schema(sb, &s->output);
    sb_putc(sb, '\n');
}

static void put_query(StrBuf *sb, const SQuery *q)
{
    sb_printf(sb, "query %s #%d -> %s mode=%s trigger=", q->name, q->index,
              q->sink ? q->sink->name : "?", sema_mode_name(q->mode));
    switch (q->trigger) {
    case TRIGGER_DEFAULT:
        sb_puts(sb, "default");
        break;
    case TRIGGER_ONCE:
        sb_puts(sb, "once");
        break;
    case TRIGGER_AVAILABLE_NOW:
        sb_puts(sb, "availableNow");
        break;
    case TRIGGER_INTERVAL:
        sb_printf(sb, "%lldms", (long long)q->trigger_ms);
        break;
    }
    sb_putc(sb, '\n');
    put_options(sb, 1, &q->options);
    if (q->select)
        put_select(sb, 1, q->select);
}

/* Appends the dump of p to sb (see the file comment for the format). */
void sema_dump_program(StrBuf *sb, const SProgram *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_sources; i++)
        put_source(sb, p->sources[i]);
    for (int i = 0; i < p->n_sinks; i++)
        put_sink(sb, p->sinks[i]);
    for (int i = 0; i < p->n_queries; i++)
        put_query(sb, p->queries[i]);
}
