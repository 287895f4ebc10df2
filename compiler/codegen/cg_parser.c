/* cg_parser.c - one JSON record parser per source and column set, shared by the queries reading it.
**
** A source whose columns are read by one query keeps its parser inlined into that query's
** fused loop (the fastest code).  When several queries read the same columns of the same
** JSON source, the parser is generated once, as
**     i64 sl_parse_<k>(SrtQuery *q, i8 **p, i8 *end, state *rec)
** returning 1 when a record is in *rec, 0 at the end of input and -1 when the query failed
** (FAILFAST); each query's loop calls it and keeps only its own WHERE, outputs and
** aggregation.  Inlined into every query, the parser was most of the code of a simple query,
** and optimising and compiling its copies cost about 0.1 s per query.  The state struct, in
** the caller's frame, holds the record's slots and what a top-level array keeps between
** records; the caller sets "not in an array" once per call, as the inlined parser does.
*/
#include <string.h>

#include "codegen/cg_emit.h"

typedef struct CgParser {
    struct CgParser *next;
    const PQuery *pq; /* the first query of the group: its source and columns */
    LLVMValueRef fn;
    LLVMTypeRef state_t;
} CgParser;

enum { ST_IN_ARRAY, ST_PASS2, ST_BAD, ST_FIRST, ST_LINE, ST_COLS };

static bool reads(const PQuery *pq, int i)
{
    return i < pq->n_needed && pq->needed[i];
}

static bool same_record(const PQuery *a, const PQuery *b)
{
    if (a->source != b->source)
        return false;
    for (int i = 0; i < a->source->schema.n; i++)
        if (reads(a, i) != reads(b, i))
            return false;
    return true;
}

static LLVMTypeRef value_type(CgCtx *cg, const Type *t)
{
    return type_is_nested(t) ? cg->t_datum : cg_type_of(cg, t);
}

/* { i1 in array, i1 second pass, i1 bad element, i8* first element, i8* its line, then per
   column read:
   i1 null, its value, an i32 length for a STRING } */
static LLVMTypeRef state_type(CgCtx *cg, const PQuery *pq)
{
    const SSchema *sc = &pq->source->schema;
    LLVMTypeRef *fields = ARENA_NEW_N(cg->arena, LLVMTypeRef, ST_COLS + 3 * sc->n);
    unsigned n = 0;
    fields[n++] = cg->t_i1;
    fields[n++] = cg->t_i1;
    fields[n++] = cg->t_i1;
    fields[n++] = cg->t_ptr;
    fields[n++] = cg->t_ptr;
    for (int i = 0; i < sc->n; i++) {
        if (!reads(pq, i))
            continue;
        fields[n++] = cg->t_i1;
        fields[n++] = value_type(cg, sc->cols[i].type);
        if (sc->cols[i].type->kind == TY_STRING)
            fields[n++] = cg->t_i32;
    }
    return LLVMStructTypeInContext(cg->ctx, fields, n, 0);
}

/* Point rec's slots at the fields of the state at s (GEPs at the builder's position). */
static void bind_state(CgCtx *cg, const PQuery *pq, LLVMTypeRef st, LLVMValueRef s, CgRecord *rec)
{
    const SSchema *sc = &pq->source->schema;
    memset(rec, 0, sizeof *rec);
    rec->null_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, sc->n + 1);
    rec->val_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, sc->n + 1);
    rec->len_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, sc->n + 1);
    rec->state = LLVMBuildPointerCast(cg->b, s, LLVMPointerType(st, 0), "rec");
    LLVMValueRef *fixed[ST_COLS] = {&rec->in_array, &rec->arr_pass2, &rec->arr_bad, &rec->arr_first,
                                    &rec->line_start};
    for (unsigned f = 0; f < ST_COLS; f++)
        *fixed[f] = LLVMBuildStructGEP2(cg->b, st, rec->state, f, "");
    unsigned f = ST_COLS;
    for (int i = 0; i < sc->n; i++) {
        if (!reads(pq, i))
            continue;
        const char *name = sc->cols[i].name;
        rec->null_slots[i] = LLVMBuildStructGEP2(cg->b, st, rec->state, f++,
                                                 arena_sprintf(cg->arena, "%s.null", name));
        rec->val_slots[i] = LLVMBuildStructGEP2(cg->b, st, rec->state, f++, name);
        if (sc->cols[i].type->kind == TY_STRING)
            rec->len_slots[i] = LLVMBuildStructGEP2(cg->b, st, rec->state, f++,
                                                    arena_sprintf(cg->arena, "%s.len", name));
    }
}

/* i64 (SrtQuery *q, i8 **p, i8 *end, state *rec) */
static LLVMTypeRef parser_type(CgCtx *cg, LLVMTypeRef st)
{
    LLVMTypeRef params[4] = {cg->t_ptr, LLVMPointerType(cg->t_ptr, 0), cg->t_ptr,
                             LLVMPointerType(st, 0)};
    return LLVMFunctionType(cg->t_i64, params, 4, 0);
}

/* Not inlined; cold: the caller's loop lays the shape's path out straight, the call aside (on
   a declaration too: block placement reads it at the call). */
static void keys_attributes(CgCtx *cg, LLVMValueRef fn)
{
    cg_fn_attribute(cg, fn, "noinline");
    cg_fn_attribute(cg, fn, "cold");
}

/* The record parser of pq's source and columns as a function of its own, named name;
   not optimised when optnone. */
static LLVMValueRef parser_fn(CgCtx *cg, const PQuery *pq, LLVMTypeRef st, const char *name,
                              bool optnone)
{
    CgResume r = {cg->fn, cg->q, cg->entry, LLVMGetInsertBlock(cg->b)};
    LLVMValueRef fn = cg_begin_function(cg, name, parser_type(cg, st));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    cg_fn_attribute(cg, fn, "noinline");
    if (optnone)
        cg_fn_attribute(cg, fn, "optnone");
    cg->q = LLVMGetParam(fn, 0);
    LLVMSetValueName2(cg->q, "q", 1);
    CgRecord rec;
    bind_state(cg, pq, st, LLVMGetParam(fn, 3), &rec);
    LLVMBasicBlockRef bb_eof = cg_block(cg, "eof");
    cg_json_record(cg, pq, &rec, LLVMGetParam(fn, 1), LLVMGetParam(fn, 2), bb_eof);
    LLVMBuildRet(cg->b, cg_i64(cg, 1));
    cg_at(cg, bb_eof);
    LLVMBuildRet(cg->b, cg_i64(cg, 0));
    cg_reader_end(cg, &r); /* resume the query's function where it was */
    return fn;
}

LLVMValueRef cg_parser_shared(CgCtx *cg, const PQuery *pq, CgRecord *rec)
{
    CgParser *p = cg->parsers;
    int k = 0;
    for (; p && !same_record(p->pq, pq); p = p->next)
        k++;
    if (!p) {
        int n = 0;
        for (int i = 0; i < cg->plan->n_queries && n < 2; i++)
            n += same_record(cg->plan->queries[i], pq);
        if (n < 2)
            return NULL;
        p = ARENA_NEW(cg->arena, CgParser);
        p->pq = pq;
        p->state_t = state_type(cg, pq);
        p->fn = parser_fn(cg, pq, p->state_t, arena_sprintf(cg->arena, "sl_parse_%d", k), false);
        CgParser **tail = &cg->parsers;
        while (*tail)
            tail = &(*tail)->next;
        *tail = p;
    }
    bind_state(cg, pq, p->state_t, cg_alloca(cg, p->state_t, "rec"), rec);
    cg_store(cg, cg_i1(cg, 0), rec->in_array);
    return p->fn;
}

void cg_parser_call(CgCtx *cg, LLVMValueRef parser, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    LLVMValueRef args[4] = {cg->q, p_slot, end, rec->state};
    LLVMValueRef r =
        LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(parser), parser, args, 4, "parsed");
    LLVMBasicBlockRef bb_rec = cg_block(cg, "rec.read");
    LLVMBasicBlockRef bb_fail = cg_block(cg, "rec.failed");
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, r, bb_fail, 2);
    LLVMAddCase(sw, cg_i64(cg, 1), bb_rec);
    LLVMAddCase(sw, cg_i64(cg, 0), bb_eof);
    cg_at(cg, bb_fail);
    LLVMBuildRet(cg->b, cg_i64(cg, -1));
    cg_at(cg, bb_rec);
}

/* The key loop's function (cg_parser_keys) in cg, named name. */
static LLVMValueRef keys_fn(CgCtx *cg, const PQuery *pq, const char *name)
{
    LLVMTypeRef st = state_type(cg, pq);
    CgResume r = {cg->fn, cg->q, cg->entry, LLVMGetInsertBlock(cg->b)};
    LLVMValueRef fn = cg_begin_function(cg, name, parser_type(cg, st));
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    keys_attributes(cg, fn);
    cg->q = LLVMGetParam(fn, 0);
    LLVMSetValueName2(cg->q, "q", 1);
    CgRecord rec;
    bind_state(cg, pq, st, LLVMGetParam(fn, 3), &rec);
    /* the columns' slots only: top-level arrays are the fallback's */
    rec.in_array = rec.arr_pass2 = rec.arr_bad = rec.arr_first = rec.line_start = NULL;
    LLVMBasicBlockRef bb_eof = cg_block(cg, "eof");
    cg_json_keys(cg, pq, &rec, LLVMGetParam(fn, 1), LLVMGetParam(fn, 2), bb_eof);
    LLVMBuildRet(cg->b, cg_i64(cg, 1));
    cg_at(cg, bb_eof);
    LLVMBuildRet(cg->b, cg_i64(cg, 0));
    cg_reader_end(cg, &r);
    return fn;
}

/* The key loop is compiled in the side unit when there is one (a quarter of the flagship's
   code generation off the driver's thread: bench/README.md); a call across units costs the
   loop nothing more, as it never inlines. */
LLVMValueRef cg_parser_keys(CgCtx *cg, const PQuery *pq)
{
    CgCtx *side = cg_side_unit(cg);
    if (!side)
        return keys_fn(cg, pq, "sl_keys");
    /* defined in the side unit (external there, hidden: cg_module.c), declared here */
    const char *name = arena_sprintf(cg->arena, "sl_keys_%d", side->n_exported++);
    cg_export(keys_fn(side, pq, name));
    cg->failed |= side->failed;
    LLVMValueRef fn = LLVMAddFunction(cg->mod, name, parser_type(cg, state_type(cg, pq)));
    keys_attributes(cg, fn);
    return fn;
}

LLVMValueRef cg_parser_fallback(CgCtx *cg, const PQuery *pq, CgRecord *state)
{
    LLVMTypeRef st = state_type(cg, pq);
    CgCtx *cold = cg_cold_unit(cg);
    LLVMValueRef fn;
    if (!cold) {
        fn = parser_fn(cg, pq, st, "sl_parse_slow", true);
    } else {
        /* defined in the cold unit (external there, hidden: cg_module.c), declared here */
        const char *name = arena_sprintf(cg->arena, "sl_fallback_%d", cold->n_exported++);
        cg_export(parser_fn(cold, pq, state_type(cold, pq), name, true));
        cg->failed |= cold->failed;
        fn = LLVMAddFunction(cg->mod, name, parser_type(cg, st));
    }
    /* The state and its fields' addresses in the entry block, "not in an array" once per call. */
    LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
    LLVMValueRef a = cg_alloca(cg, st, "rec.slow");
    LLVMValueRef next = LLVMGetNextInstruction(a);
    if (next)
        LLVMPositionBuilderBefore(cg->b, next);
    else
        LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    bind_state(cg, pq, st, a, state);
    cg_store(cg, cg_i1(cg, 0), state->in_array);
    LLVMPositionBuilderAtEnd(cg->b, here);
    return fn;
}
