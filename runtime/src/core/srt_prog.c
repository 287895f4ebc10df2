/* srt_prog.c - the program registry: what the generated init function registers
** (sources, sinks, queries with their options, columns, stateful operators and ORDER BY).
** Registration never fails loudly: the first error is kept in p->err and srt_run
** reports it before anything starts.
*/
#include <stdarg.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "srt_int.h"
#include "state/srt_operator.h"

void srt_prog_init(SrtProgram *p, SrtMem *m)
{
    memset(p, 0, sizeof *p);
    p->mem = m;
    srt_arena_init(&p->arena, m, 4096);
}

void srt_prog_free(SrtProgram *p)
{
    srt_arena_free(&p->arena);
}

/* A copy of opts whose option array is out's own (the strings stay shared), so changing it
   leaves the original alone. */
static int copy_opts(SrtProgram *out, SrtOptions *o)
{
    if (!o->n)
        return 0;
    SrtOption *v = srt_arena_alloc(&out->arena, sizeof *v * (size_t)o->n);
    if (!v)
        return -SRT_ERR_NOMEM;
    memcpy(v, o->v, sizeof *v * (size_t)o->n);
    o->v = v;
    o->cap = o->n;
    return 0;
}

int srt_prog_derive(const SrtProgram *p, SrtMem *m, SrtProgram *out)
{
    srt_prog_init(out, m);
    out->err = p->err;
    size_t ns = sizeof *p->sources * (size_t)p->n_sources, nk = sizeof *p->sinks * (size_t)p->n_sinks,
           nq = sizeof *p->queries * (size_t)p->n_queries;
    out->sources = srt_arena_alloc(&out->arena, ns ? ns : 1);
    out->sinks = srt_arena_alloc(&out->arena, nk ? nk : 1);
    out->queries = srt_arena_alloc(&out->arena, nq ? nq : 1);
    if (!out->sources || !out->sinks || !out->queries)
        return -SRT_ERR_NOMEM;
    memcpy(out->sources, p->sources, ns);
    memcpy(out->sinks, p->sinks, nk);
    memcpy(out->queries, p->queries, nq);
    out->n_sources = out->cap_sources = p->n_sources;
    out->n_sinks = out->cap_sinks = p->n_sinks;
    out->n_queries = out->cap_queries = p->n_queries;
    int rc = 0;
    for (int i = 0; i < p->n_sources && !rc; i++)
        rc = copy_opts(out, &out->sources[i].opts);
    for (int i = 0; i < p->n_sinks && !rc; i++)
        rc = copy_opts(out, &out->sinks[i].opts);
    for (int i = 0; i < p->n_queries && !rc; i++)
        rc = copy_opts(out, &out->queries[i].opts);
    return rc;
}

static int fail(SrtProgram *p, int code, const char *fmt, ...) SRT_PRINTF(3, 4);

static int fail(SrtProgram *p, int code, const char *fmt, ...)
{
    if (!p->err.code) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->err.msg, sizeof p->err.msg, fmt, ap);
        va_end(ap);
        p->err.code = code;
    }
    return -code;
}

static int nomem(SrtProgram *p)
{
    if (!p->err.code)
        srt_err_nomem(&p->err, "registration");
    return -SRT_ERR_NOMEM;
}

/* Grow an arena-held array of elem-sized items to hold n + 1. */
static int grow(SrtProgram *p, void **v, uint32_t *cap, size_t elem, uint32_t n)
{
    if (n < *cap)
        return 0;
    uint32_t ncap = *cap ? *cap * 2 : 8;
    void *nv = srt_arena_alloc(&p->arena, elem * ncap);
    if (!nv)
        return nomem(p);
    if (n)
        memcpy(nv, *v, elem * n);
    *v = nv;
    *cap = ncap;
    return 0;
}

static const char *dup(SrtProgram *p, const char *s)
{
    char *d = srt_arena_strdup(&p->arena, s ? s : "");
    if (!d)
        nomem(p);
    return d;
}

int srt_prog_source(SrtProgram *p, const char *name, const char *connector)
{
    if (!srt_source_lookup(connector))
        return fail(p, SRT_ERR_OPTION, "source '%s': unknown connector '%s'", name, connector);
    uint32_t cap = (uint32_t)p->cap_sources;
    if (grow(p, (void **)&p->sources, &cap, sizeof *p->sources, (uint32_t)p->n_sources) < 0)
        return -SRT_ERR_NOMEM;
    p->cap_sources = (int)cap;
    SrtSourceDef *s = &p->sources[p->n_sources];
    memset(s, 0, sizeof *s);
    s->name = dup(p, name);
    s->connector = dup(p, connector);
    if (!s->name || !s->connector)
        return -SRT_ERR_NOMEM;
    srt_opts_bind(&s->opts, connector, CM_ROLE_SOURCE | CM_ROLE_TABLE);
    return p->n_sources++;
}

static SrtSourceDef *source_at(SrtProgram *p, int i)
{
    if (i < 0 || i >= p->n_sources) {
        fail(p, SRT_ERR_QUERY, "internal: no source #%d", i);
        return NULL;
    }
    return &p->sources[i];
}

void srt_prog_source_option(SrtProgram *p, int source, const char *key, const char *value)
{
    SrtSourceDef *s = source_at(p, source);
    if (s && srt_opts_set(&s->opts, &p->arena, key, value) < 0)
        nomem(p);
}

static int add_column(SrtProgram *p, SrtColumn **cols, uint32_t *n, uint32_t *cap, const char *name,
                      const char *type, int hidden)
{
    if (grow(p, (void **)cols, cap, sizeof **cols, *n) < 0)
        return -SRT_ERR_NOMEM;
    SrtColumn *c = &(*cols)[*n];
    c->name = dup(p, name);
    c->hidden = hidden;
    SrtErr err;
    srt_err_clear(&err);
    if (srt_type_parse(&p->arena, type, &c->type, &err) < 0) {
        if (!p->err.code)
            p->err = err;
        return -err.code;
    }
    (*n)++;
    return 0;
}

void srt_prog_source_column(SrtProgram *p, int source, const char *name, const char *type)
{
    SrtSourceDef *s = source_at(p, source);
    if (s)
        add_column(p, &s->cols, &s->n_cols, &s->cap_cols, name, type, 0);
}

int srt_prog_sink(SrtProgram *p, const char *name, const char *connector)
{
    if (!srt_sink_lookup(connector))
        return fail(p, SRT_ERR_OPTION, "sink '%s': unknown connector '%s'", name, connector);
    uint32_t cap = (uint32_t)p->cap_sinks;
    if (grow(p, (void **)&p->sinks, &cap, sizeof *p->sinks, (uint32_t)p->n_sinks) < 0)
        return -SRT_ERR_NOMEM;
    p->cap_sinks = (int)cap;
    SrtSinkDef *k = &p->sinks[p->n_sinks];
    memset(k, 0, sizeof *k);
    k->name = dup(p, name);
    k->connector = dup(p, connector);
    if (!k->name || !k->connector)
        return -SRT_ERR_NOMEM;
    srt_opts_bind(&k->opts, connector, CM_ROLE_SINK);
    return p->n_sinks++;
}

void srt_prog_sink_option(SrtProgram *p, int sink, const char *key, const char *value)
{
    if (sink < 0 || sink >= p->n_sinks) {
        fail(p, SRT_ERR_QUERY, "internal: no sink #%d", sink);
        return;
    }
    if (srt_opts_set(&p->sinks[sink].opts, &p->arena, key, value) < 0)
        nomem(p);
}

static int add_input(SrtProgram *p, SrtQueryDef *q, int source, SrtProcessFn process)
{
    if (grow(p, (void **)&q->inputs, &q->cap_inputs, sizeof *q->inputs, q->n_inputs) < 0)
        return -SRT_ERR_NOMEM;
    SrtInputDef *in = &q->inputs[q->n_inputs++];
    memset(in, 0, sizeof *in);
    in->source = source;
    in->process = process;
    return 0;
}

/* The watermark of input i of q (delay_us >= 0). */
static void set_watermark(SrtProgram *p, SrtQueryDef *q, uint32_t i, int64_t delay_us)
{
    if (delay_us < 0) {
        fail(p, SRT_ERR_QUERY, "query '%s': negative watermark delay", q->name);
        return;
    }
    q->inputs[i].has_watermark = 1;
    q->inputs[i].watermark_delay_us = delay_us;
    q->has_watermark = 1;
}

int srt_prog_query(SrtProgram *p, const char *name, int source, int sink, SrtProcessFn process)
{
    if (source < 0 || source >= p->n_sources || sink < -1 || sink >= p->n_sinks || !process)
        return fail(p, SRT_ERR_QUERY, "query '%s': bad source, sink or process function", name);
    uint32_t cap = (uint32_t)p->cap_queries;
    if (grow(p, (void **)&p->queries, &cap, sizeof *p->queries, (uint32_t)p->n_queries) < 0)
        return -SRT_ERR_NOMEM;
    p->cap_queries = (int)cap;
    SrtQueryDef *q = &p->queries[p->n_queries];
    memset(q, 0, sizeof *q);
    q->name = dup(p, name);
    q->sink = sink;
    srt_opts_bind_query(&q->opts);
    if (!q->name || add_input(p, q, source, process) < 0)
        return -SRT_ERR_NOMEM;
    return p->n_queries++;
}

static SrtQueryDef *query_at(SrtProgram *p, int i)
{
    if (i < 0 || i >= p->n_queries) {
        fail(p, SRT_ERR_QUERY, "internal: no query #%d", i);
        return NULL;
    }
    return &p->queries[i];
}

void srt_prog_query_option(SrtProgram *p, int query, const char *key, const char *value)
{
    SrtQueryDef *q = query_at(p, query);
    if (q && srt_opts_set(&q->opts, &p->arena, key, value) < 0)
        nomem(p);
}

void srt_prog_query_column(SrtProgram *p, int query, const char *name, const char *type, int hidden)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        add_column(p, &q->cols, &q->n_cols, &q->cap_cols, name, type, hidden);
}

void srt_prog_query_key(SrtProgram *p, int query, int column)
{
    SrtQueryDef *q = query_at(p, query);
    if (q && (column < 0 || (uint32_t)column >= q->n_cols))
        fail(p, SRT_ERR_QUERY, "query '%s': key column #%d of %u", q->name, column, q->n_cols);
    else if (q && grow(p, (void **)&q->keys, &q->cap_keys, sizeof *q->keys, q->n_keys) == 0)
        q->keys[q->n_keys++] = (uint32_t)column;
}

/* Stateful operators (srt_abi.h): one SrtOpDef per operator, in declaration order. */

static SrtOpDef *op_find(SrtQueryDef *q, int32_t op)
{
    for (uint32_t i = 0; i < q->n_ops; i++)
        if (q->ops[i].id == op)
            return &q->ops[i];
    return NULL;
}

void srt_prog_query_operator(SrtProgram *p, int query, int32_t op, int32_t kind)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (op < 0 || op > SRT_OP_MAX || op_find(q, op)) {
        fail(p, SRT_ERR_QUERY, "query '%s': stateful operator number %d is invalid or used twice",
             q->name, op);
        return;
    }
    if (!srt_operator_vt(kind)) {
        fail(p, SRT_ERR_QUERY, "query '%s': stateful operator %d has unknown kind %d", q->name, op,
             kind);
        return;
    }
    if (grow(p, (void **)&q->ops, &q->cap_ops, sizeof *q->ops, q->n_ops) < 0)
        return;
    SrtOpDef *d = &q->ops[q->n_ops++];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->id = op;
    d->event_key_offset = -1;
    d->session_slot = -1;
}

/* Operator op of query, declared as kind if it was not declared yet; NULL (the error
   recorded) when there is no such query. */
static SrtOpDef *op_declared(SrtProgram *p, int query, int32_t op, int32_t kind)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return NULL;
    SrtOpDef *d = op_find(q, op);
    if (!d) {
        srt_prog_query_operator(p, query, op, kind);
        d = op_find(q, op);
    }
    return d;
}

void srt_prog_query_agg_at(SrtProgram *p, int query, int32_t op, uint32_t state_size, SrtEmitFn emit)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (!emit) {
        fail(p, SRT_ERR_QUERY, "query '%s': aggregation without an emit function", q->name);
        return;
    }
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_AGGREGATE);
    if (!d)
        return;
    d->state_size = state_size;
    d->emit = emit;
    q->emit = emit; /* the last level registered makes the rows */
}

void srt_prog_query_agg(SrtProgram *p, int query, uint32_t state_size, SrtEmitFn emit)
{
    srt_prog_query_agg_at(p, query, SRT_OP_AGG, state_size, emit);
}

void srt_prog_query_order(SrtProgram *p, int query, int column, int desc, int nulls_first)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (grow(p, (void **)&q->order, &q->cap_order, sizeof *q->order, q->n_order) < 0)
        return;
    q->order[q->n_order].column = column;
    q->order[q->n_order].desc = desc != 0;
    q->order[q->n_order].nulls_first = nulls_first != 0;
    q->n_order++;
}

void srt_prog_query_join(SrtProgram *p, int query, int32_t join, int32_t build, SrtJoinKeyFn key)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (join != (int32_t)q->n_joins || build < 0 || build >= p->n_queries || build == query ||
        p->queries[build].sink != -1 || !key) {
        fail(p, SRT_ERR_QUERY, "query '%s': bad join #%d", q->name, join);
        return;
    }
    if (grow(p, (void **)&q->joins, &q->cap_joins, sizeof *q->joins, q->n_joins) < 0)
        return;
    q->joins[q->n_joins].build = build;
    q->joins[q->n_joins].key = key;
    q->joins[q->n_joins].unmatched = NULL;
    q->n_joins++;
}

void srt_prog_query_join_unmatched(SrtProgram *p, int query, int32_t join, SrtJoinUnmatchedFn fn)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (join < 0 || (uint32_t)join >= q->n_joins || !fn) {
        fail(p, SRT_ERR_QUERY, "query '%s': bad full outer join #%d", q->name, join);
        return;
    }
    q->joins[join].unmatched = fn;
}

void srt_prog_query_watermark(SrtProgram *p, int query, int64_t delay_us)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        set_watermark(p, q, 0, delay_us);
}

void srt_prog_query_lines_raw(SrtProgram *p, int query, int input)
{
    SrtQueryDef *q = query_at(p, query);
    if (q && (input < 0 || (uint32_t)input >= q->n_inputs))
        fail(p, SRT_ERR_QUERY, "query '%s': no input #%d", q->name, input);
    else if (q)
        q->inputs[input].lines_raw = 1;
}

void srt_prog_query_csv_header(SrtProgram *p, int query, int input, const char *cols)
{
    SrtQueryDef *q = query_at(p, query);
    if (q && (input < 0 || (uint32_t)input >= q->n_inputs || !cols))
        fail(p, SRT_ERR_QUERY, "query '%s': no input #%d for a csv header check", q->name, input);
    else if (q)
        q->inputs[input].csv_header = cols;
}

void srt_prog_query_input(SrtProgram *p, int query, int source, SrtProcessFn process,
                          int64_t delay_us)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (source < 0 || source >= p->n_sources || !process) {
        fail(p, SRT_ERR_QUERY, "query '%s': bad source or process function of an input", q->name);
        return;
    }
    if (add_input(p, q, source, process) == 0 && delay_us >= 0)
        set_watermark(p, q, q->n_inputs - 1, delay_us);
}

void srt_prog_query_agg_event_key_at(SrtProgram *p, int query, int32_t op, uint32_t key_offset)
{
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_AGGREGATE);
    if (d)
        d->event_key_offset = key_offset;
}

void srt_prog_query_agg_event_null_at(SrtProgram *p, int query, int32_t op, uint32_t null_offset)
{
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_AGGREGATE);
    if (d)
        d->event_null_at = null_offset + 1;
}

void srt_prog_query_agg_event_key(SrtProgram *p, int query, uint32_t key_offset)
{
    srt_prog_query_agg_event_key_at(p, query, SRT_OP_AGG, key_offset);
}

void srt_prog_query_agg_global_at(SrtProgram *p, int query, int32_t op)
{
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_AGGREGATE);
    if (d)
        d->global = 1;
}

void srt_prog_query_agg_global(SrtProgram *p, int query)
{
    srt_prog_query_agg_global_at(p, query, SRT_OP_AGG);
}

void srt_prog_query_agg_string(SrtProgram *p, int query, uint32_t state_offset)
{
    srt_prog_query_agg_string_at(p, query, SRT_OP_AGG, state_offset);
}

void srt_prog_query_agg_string_at(SrtProgram *p, int query, int32_t op, uint32_t state_offset)
{
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_AGGREGATE);
    if (!d)
        return;
    if (grow(p, (void **)&d->string_slots, &d->cap_string_slots, sizeof *d->string_slots,
             d->n_string_slots) < 0)
        return;
    d->string_slots[d->n_string_slots++] = state_offset;
}

void srt_prog_query_agg_collect(SrtProgram *p, int query, uint32_t state_offset, uint32_t kind)
{
    SrtOpDef *d = op_declared(p, query, SRT_OP_AGG, SRT_OPK_AGGREGATE);
    if (!d)
        return;
    if (grow(p, (void **)&d->collect_slots, &d->cap_collect_slots, sizeof *d->collect_slots,
             d->n_collect_slots) < 0)
        return;
    d->collect_slots[d->n_collect_slots].offset = state_offset;
    d->collect_slots[d->n_collect_slots].kind = kind;
    d->n_collect_slots++;
}

/* Side `side` of query's stream-stream join (declared as SRT_OP_SSJOIN), or NULL. */
static SrtSsJoinSideDef *ssjoin_side(SrtProgram *p, int query, int32_t side)
{
    SrtOpDef *d = op_declared(p, query, SRT_OP_SSJOIN, SRT_OPK_SSJOIN);
    if (!d)
        return NULL;
    if (side != 0 && side != 1) {
        fail(p, SRT_ERR_QUERY, "stream-stream join: no side %d", side);
        return NULL;
    }
    return &d->ssjoin[side];
}

void srt_prog_query_ssjoin_side(SrtProgram *p, int query, int32_t side, const char *cols,
                                int32_t evict)
{
    SrtSsJoinSideDef *s = ssjoin_side(p, query, side);
    if (!s)
        return;
    size_t n = strlen(cols);
    if (!(s->kinds = srt_arena_alloc(&p->arena, n ? n : 1))) {
        nomem(p);
        return;
    }
    for (size_t c = 0; c < n; c++)
        s->kinds[c] = cols[c] == 'b'   ? SRT_SSJOIN_COL_BYTES
                      : cols[c] == 't' ? SRT_SSJOIN_COL_STRUCT
                                       : SRT_SSJOIN_COL_SCALAR;
    s->n_cols = (uint32_t)n;
    s->evict = evict;
}

void srt_prog_query_ssjoin_outer(SrtProgram *p, int query, int32_t side, SrtSsJoinOuterFn fn)
{
    SrtSsJoinSideDef *s = ssjoin_side(p, query, side);
    if (s)
        s->outer = fn;
}

void srt_prog_query_ssjoin_bound(SrtProgram *p, int query, int32_t side, int64_t c_us,
                                 int32_t inclusive)
{
    SrtSsJoinSideDef *s = ssjoin_side(p, query, side);
    if (!s)
        return;
    if (s->n_bounds == SRT_SSJOIN_MAX_BOUNDS) {
        fail(p, SRT_ERR_QUERY, "stream-stream join: more than %d bounds", SRT_SSJOIN_MAX_BOUNDS);
        return;
    }
    s->bound_us[s->n_bounds] = c_us;
    s->bound_inclusive[s->n_bounds++] = (uint8_t)(inclusive != 0);
}

void srt_prog_query_dedup(SrtProgram *p, int query)
{
    op_declared(p, query, SRT_OP_DEDUP, SRT_OPK_DEDUPLICATE);
}

void srt_prog_query_global_limit(SrtProgram *p, int query, int32_t op, int64_t limit,
                                 int32_t per_record)
{
    SrtOpDef *d = op_declared(p, query, op, SRT_OPK_GLOBAL_LIMIT);
    if (d) {
        d->limit = limit;
        d->limit_per_record = per_record != 0;
    }
}

/* The state schema of operator op of query, or NULL (the error recorded). */
static SrtStateSchema *state_at(SrtProgram *p, int query, int op)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return NULL;
    SrtOpDef *d = op_find(q, op);
    if (!d) {
        fail(p, SRT_ERR_QUERY, "query '%s': unknown stateful operator %d", q->name, op);
        return NULL;
    }
    return &d->schema;
}

void srt_prog_query_state(SrtProgram *p, int query, int op, const char *name,
                          const char *key_schema, const char *value_schema, uint32_t key_nulls,
                          uint32_t key_fixed)
{
    SrtStateSchema *s = state_at(p, query, op);
    if (!s)
        return;
    if (key_fixed < key_nulls) {
        fail(p, SRT_ERR_QUERY, "query %d: state key layout of operator %d is inconsistent", query,
             op);
        return;
    }
    s->name = dup(p, name);
    s->key = dup(p, key_schema);
    s->value = dup(p, value_schema);
    s->key_nulls = key_nulls;
    s->key_fixed = key_fixed;
}

static void state_var_key(SrtProgram *p, int query, int op, uint32_t len_offset,
                          uint32_t null_index, const SrtType *nested)
{
    SrtStateSchema *s = state_at(p, query, op);
    if (!s)
        return;
    if ((uint64_t)len_offset + 8 > s->key_fixed || len_offset < s->key_nulls ||
        null_index >= s->key_nulls) {
        fail(p, SRT_ERR_QUERY, "query %d: string key of operator %d at byte %u is outside the key",
             query, op, len_offset);
        return;
    }
    if (grow(p, (void **)&s->key_strings, &s->cap_key_strings, sizeof *s->key_strings,
             s->n_key_strings) < 0)
        return;
    s->key_strings[s->n_key_strings++] = (struct SrtStateKeyString){len_offset, null_index, nested};
}

void srt_prog_query_state_string(SrtProgram *p, int query, int op, uint32_t len_offset,
                                 uint32_t null_index)
{
    state_var_key(p, query, op, len_offset, null_index, NULL);
}

void srt_prog_query_state_nested(SrtProgram *p, int query, int op, uint32_t len_offset,
                                 uint32_t null_index, const char *type)
{
    const SrtType *t = NULL;
    SrtErr err;
    srt_err_clear(&err);
    if (srt_type_parse(&p->arena, type, &t, &err) < 0) {
        fail(p, err.code, "query %d: nested key of operator %d: %s", query, op, err.msg);
        return;
    }
    state_var_key(p, query, op, len_offset, null_index, t);
}

void srt_prog_query_parallel(SrtProgram *p, int query, SrtMergeFn merge)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (merge) {
        SrtOpDef *d = op_find(q, SRT_OP_AGG);
        if (!d || (d->kind != SRT_OPK_AGGREGATE && d->kind != SRT_OPK_SESSION_WINDOW)) {
            fail(p, SRT_ERR_QUERY, "query '%s': a merge function without an aggregation", q->name);
            return;
        }
        d->task_merge = merge;
    }
    q->parallel = 1;
}

void srt_prog_query_distinct_fold(SrtProgram *p, int query, SrtDistinctFoldFn fold)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        q->distinct_fold = fold;
}

void srt_prog_query_replay(SrtProgram *p, int query, SrtReplayFn replay)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        q->replay = replay;
}

void srt_prog_query_update_log(SrtProgram *p, int query, SrtUpdateLogFn update_log)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        q->update_log = update_log;
}

void srt_prog_query_ssjoin_row(SrtProgram *p, int query, SrtSsJoinRowFn row)
{
    SrtQueryDef *q = query_at(p, query);
    if (q)
        q->ssjoin_row = row;
}

void srt_prog_query_session(SrtProgram *p, int query, uint32_t slot_offset, SrtMergeFn merge)
{
    SrtQueryDef *q = query_at(p, query);
    if (!q)
        return;
    if (!merge) {
        fail(p, SRT_ERR_QUERY, "query '%s': session window without a merge function", q->name);
        return;
    }
    SrtOpDef *d = op_declared(p, query, SRT_OP_AGG, SRT_OPK_SESSION_WINDOW);
    if (!d)
        return;
    d->kind = SRT_OPK_SESSION_WINDOW; /* an aggregation over session windows */
    d->session_slot = slot_offset;
    d->merge = merge;
}
