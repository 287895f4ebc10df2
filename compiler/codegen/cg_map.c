/* cg_map.c - the map functions of functions.def (FN_CASES_MAP; Spark 3.5's
** complexTypeCreator.scala and collectionOperations.scala), element_at(m, k) and m[k].
**
** A MAP value is an array's CgVal over 2 * len datums: the len keys, then the len values
** (srt_abi.h), so map_keys and map_values are views of it.  Maps are built by the runtime's
** srt_map_build, which refuses NULL and duplicate keys as Spark's ArrayBasedMapBuilder does;
** lookups are inline loops comparing keys with `=`'s equality (NaN = NaN, -0.0 = 0.0, as
** GetMapValueUtil's interpreted ordering has it).
*/
#include "codegen/cg_emit.h"
#include "srt_abi.h"

static CgVal value_of(LLVMValueRef null, LLVMValueRef v, LLVMValueRef len)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    r.len = len;
    return r;
}

static LLVMValueRef bytes_of(CgCtx *cg, LLVMValueRef n32)
{
    return LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, n32, cg->t_i64, ""),
                        cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
}

/* The keys and the values of map m as arrays. */
static CgVal keys_of(CgVal m)
{
    return value_of(m.null, m.v, m.len);
}

static CgVal values_of(CgCtx *cg, CgVal m)
{
    return value_of(m.null, cg_gep(cg, m.v, bytes_of(cg, m.len), "map.values"), m.len);
}

/* n32 datums of scratch memory (at least one). */
static LLVMValueRef datums(CgCtx *cg, LLVMValueRef n32)
{
    LLVMValueRef args[2] = {cg->q, LLVMBuildAdd(cg->b, bytes_of(cg, n32), cg_i64(cg, 1), "")};
    return cg_call(cg, "srt_scratch_alloc", args, 2, "map.datums");
}

/* srt_map_build of the n_keys key datums at keys and n_values value datums at values into
   a map of type t, NULL when null. */
static CgVal build(CgCtx *cg, const Type *t, LLVMValueRef keys, LLVMValueRef n_keys,
                   LLVMValueRef values, LLVMValueRef n_values, LLVMValueRef null)
{
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "map.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "map.n");
    LLVMValueRef zero = cg_i32(cg, 0);
    LLVMValueRef args[8] = {cg->q,  cg_type_text(cg, t),
                            keys,   cg_select(cg, null, zero, n_keys),
                            values, cg_select(cg, null, zero, n_values),
                            out,    out_n};
    cg_call(cg, "srt_map_build", args, 8, "map.rc");
    return value_of(null, cg_load(cg, cg->t_ptr, out, "map"),
                    cg_load(cg, cg->t_i32, out_n, "map.len"));
}

/* The index of the first key of m equal to k (m and k not NULL), and whether there is one. */
static LLVMValueRef find_key(CgCtx *cg, const Type *mt, CgVal m, CgVal k, SrcSpan span,
                             LLVMValueRef *found)
{
    LLVMValueRef found_slot = cg_flag_slot(cg, "map.found");
    LLVMValueRef at = cg_alloca(cg, cg->t_i32, "map.at");
    cg_store(cg, cg_i32(cg, 0), at);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, m);
    CgVal key = cg_array_elem(cg, mt->key, keys_of(m), i);
    LLVMValueRef before = cg_load(cg, cg->t_i1, found_slot, "");
    LLVMValueRef eq = cg_and(cg, cg_not(cg, cg_or(cg, key.null, k.null)),
                             cg_compare(cg, BOP_EQ, mt->key, key, k, span));
    LLVMValueRef first = cg_and(cg, eq, cg_not(cg, before));
    cg_store(cg, cg_select(cg, first, i, cg_load(cg, cg->t_i32, at, "")), at);
    cg_store(cg, cg_or(cg, before, eq), found_slot);
    cg_loop_end(cg, &l, i);
    *found = cg_load(cg, cg->t_i1, found_slot, "map.has");
    return cg_load(cg, cg->t_i32, at, "map.idx");
}

/* element_at(m, k) and m[k] (ElementAt, GetMapValue; non-ANSI): the value of the first key
   equal to k, NULL when there is none or m or k is NULL.  map_contains_key(m, k)
   (MapContainsKey): whether there is one, NULL when m or k is. */
static CgVal lookup(CgCtx *cg, const SExpr *e, CgVal *a, bool contains)
{
    const Type *mt = e->u.call.args[0]->type;
    LLVMValueRef found;
    LLVMValueRef idx = find_key(cg, mt, a[0], a[1], e->span, &found);
    LLVMValueRef null = cg_or(cg, a[0].null, a[1].null);
    if (contains)
        return value_of(null, found, NULL);
    CgVal v = cg_array_elem(cg, mt->elem, values_of(cg, a[0]), idx);
    v.null = cg_or(cg, v.null, cg_or(cg, null, cg_not(cg, found)));
    return v;
}

/* map(k1, v1, ...) (CreateMap): never NULL itself. */
static CgVal create_map(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args / 2;
    CgVal *k = ARENA_NEW_N(cg->arena, CgVal, n), *v = ARENA_NEW_N(cg->arena, CgVal, n);
    for (int i = 0; i < n; i++)
        k[i] = a[2 * i], v[i] = a[2 * i + 1];
    CgVal keys = cg_array_make(cg, e->type->key, k, n);
    CgVal values = cg_array_make(cg, e->type->elem, v, n);
    return build(cg, e->type, keys.v, keys.len, values.v, values.len, cg_i1(cg, 0));
}

/* map_entries(m) (MapEntries): ARRAY<STRUCT<key, value>>, each struct two datums copied. */
static CgVal entries(CgCtx *cg, CgVal m)
{
    uint64_t size = cg_datum_size(cg);
    LLVMValueRef out = datums(cg, m.len);
    LLVMValueRef pairs = datums(cg, LLVMBuildMul(cg->b, m.len, cg_i32(cg, 2), ""));
    CgVal vals = values_of(cg, m);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, m);
    LLVMValueRef pair =
        cg_gep(cg, pairs, bytes_of(cg, LLVMBuildMul(cg->b, i, cg_i32(cg, 2), "")), "pair");
    LLVMBuildMemCpy(cg->b, pair, 8, cg_gep(cg, m.v, bytes_of(cg, i), ""), 8,
                    cg_i64(cg, (int64_t)size));
    LLVMBuildMemCpy(cg->b, cg_gepc(cg, pair, size, ""), 8, cg_gep(cg, vals.v, bytes_of(cg, i), ""),
                    8, cg_i64(cg, (int64_t)size));
    LLVMValueRef d = cg_gep(cg, out, bytes_of(cg, i), "entry");
    LLVMBuildMemSet(cg->b, d, LLVMConstInt(cg->t_i8, 0, 0), cg_i64(cg, (int64_t)size), 8);
    cg_store(cg, pair, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P));
    cg_store(cg, cg_i32(cg, 2), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N));
    cg_loop_end(cg, &l, i);
    return value_of(m.null, out, m.len);
}

/* map_concat(m1, ...) (MapConcat): the entries of all in order, NULL when one is NULL;
   duplicate keys fail as in map(). */
static CgVal concat(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    LLVMValueRef total = cg_i32(cg, 0), null = cg_i1(cg, 0);
    for (int i = 0; i < n; i++) {
        total = LLVMBuildAdd(cg->b, total, a[i].len, "");
        null = cg_or(cg, null, a[i].null);
    }
    LLVMValueRef keys = datums(cg, total), values = datums(cg, total), at = cg_i32(cg, 0);
    for (int i = 0; i < n; i++) {
        LLVMValueRef len = bytes_of(cg, a[i].len), off = bytes_of(cg, at);
        LLVMBuildMemCpy(cg->b, cg_gep(cg, keys, off, ""), 8, a[i].v, 8, len);
        LLVMBuildMemCpy(cg->b, cg_gep(cg, values, off, ""), 8, values_of(cg, a[i]).v, 8, len);
        at = LLVMBuildAdd(cg->b, at, a[i].len, "");
    }
    return build(cg, e->type, keys, total, values, total, null);
}

/* str_to_map(s[, pairDelim[, keyValueDelim]]) (StringToMap): the delimiters are regular
   expressions, ',' and ':' by default, constants or foldable expressions (concat(',', ''))
   cg_regex_of compiles when they are evaluated; NULL when an argument is. */
static CgVal str_to_map(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    static const char *const dflt[3] = {NULL, ",", ":"};
    LLVMValueRef re[3] = {NULL, NULL, NULL}, null = a[0].null;
    for (int i = 1; i < 3; i++) {
        const SExpr *pat = i < n ? e->u.call.args[i] : NULL;
        if (pat && ((pat->kind == SX_CONST && pat->u.value.is_null) || pat->type->kind == TY_NULL))
            return cg_null_of(cg, e->type);
        SExpr c = {0};
        if (!pat) {
            c.kind = SX_CONST;
            c.type = &type_string;
            c.u.value.s = dflt[i];
            c.u.value.n = 1;
            pat = &c;
        }
        CgVal pv = i < n ? a[i] : value_of(cg_i1(cg, 0), NULL, NULL);
        if (pat->kind != SX_CONST) { /* a NULL delimiter compiles as '' (the result is NULL) */
            pv.v = cg_select(cg, pv.null, cg_str_const(cg, "", 0, "re.none"), pv.v);
            pv.len = cg_select(cg, pv.null, cg_i32(cg, 0), pv.len);
        }
        re[i] = cg_regex_of(cg, pat, pv);
        if (i < n)
            null = cg_or(cg, null, a[i].null);
    }
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "map.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "map.n");
    cg_store(cg, LLVMConstNull(cg->t_ptr), out);
    cg_store(cg, cg_i32(cg, 0), out_n);
    LLVMBasicBlockRef run = cg_block(cg, "map.run"), done = cg_block(cg, "map.done");
    LLVMBuildCondBr(cg->b, null, done, run); /* nullSafeEval: no map of a NULL argument */
    cg_at(cg, run);
    LLVMValueRef args[8] = {cg->q, cg_type_text(cg, e->type), re[1], re[2], a[0].v, a[0].len, out,
                            out_n};
    cg_call(cg, "srt_str_to_map", args, 8, "map.rc");
    LLVMBuildBr(cg->b, done);
    cg_at(cg, done);
    return value_of(null, cg_load(cg, cg->t_ptr, out, "map"),
                    cg_load(cg, cg->t_i32, out_n, "map.len"));
}

/* ==== Higher-order functions ==== */

/* The datum i of the datums at p. */
static LLVMValueRef datum_at(CgCtx *cg, LLVMValueRef p, LLVMValueRef i)
{
    return cg_gep(cg, p, bytes_of(cg, i), "");
}

static void copy_datum(CgCtx *cg, LLVMValueRef dst, LLVMValueRef src)
{
    LLVMBuildMemCpy(cg->b, dst, 8, src, 8, cg_i64(cg, (int64_t)cg_datum_size(cg)));
}

/* n keys at keys and n values at values as one map's datums (scratch memory). */
static CgVal join_entries(CgCtx *cg, LLVMValueRef keys, LLVMValueRef values, LLVMValueRef n,
                          LLVMValueRef null)
{
    LLVMValueRef out = datums(cg, LLVMBuildMul(cg->b, n, cg_i32(cg, 2), ""));
    LLVMBuildMemCpy(cg->b, out, 8, keys, 8, bytes_of(cg, n));
    LLVMBuildMemCpy(cg->b, datum_at(cg, out, n), 8, values, 8, bytes_of(cg, n));
    return value_of(null, out, n);
}

/* map_filter(m, p) (MapFilter): the entries p is true for (a NULL p drops one);
   transform_values(m, f) (TransformValues): the keys with f's values; transform_keys(m, f)
   (TransformKeys): f's keys, built as map() builds (NULL and duplicate keys fail).  NULL
   when m is. */
static CgVal map_lambda_1(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal m)
{
    SExpr *const *x = e->u.call.args;
    const Type *mt = x[0]->type;
    SFunc fn = e->u.call.fn;
    LLVMValueRef n = cg_select(cg, m.null, cg_i32(cg, 0), m.len);
    LLVMValueRef keys = datums(cg, n), values = datums(cg, n);
    LLVMValueRef kept = cg_alloca(cg, cg->t_i32, "hof.n");
    cg_store(cg, cg_i32(cg, 0), kept);
    CgVal vals = values_of(cg, m);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, m);
    CgVal kv[2] = {cg_array_elem(cg, mt->key, keys_of(m), i), cg_array_elem(cg, mt->elem, vals, i)};
    CgVal r = cg_lambda_apply(cg, env, x[1], &x[2], kv, 2);
    LLVMValueRef k = cg_load(cg, cg->t_i32, kept, "");
    if (fn == FN_MAP_FILTER) {
        LLVMBasicBlockRef keep = cg_block(cg, "filter.keep"), next = cg_block(cg, "filter.next");
        LLVMBuildCondBr(cg->b, cg_is_true(cg, r), keep, next);
        cg_at(cg, keep);
        copy_datum(cg, datum_at(cg, keys, k), datum_at(cg, m.v, i));
        copy_datum(cg, datum_at(cg, values, k), datum_at(cg, vals.v, i));
        cg_store(cg, LLVMBuildAdd(cg->b, k, cg_i32(cg, 1), ""), kept);
        LLVMBuildBr(cg->b, next);
        cg_at(cg, next);
    } else if (fn == FN_TRANSFORM_VALUES) {
        copy_datum(cg, datum_at(cg, keys, i), datum_at(cg, m.v, i));
        cg_store_datum(cg, e->type->elem, r, datum_at(cg, values, i), false);
    } else {
        cg_store_datum(cg, e->type->key, r, datum_at(cg, keys, i), false);
    }
    cg_loop_end(cg, &l, i);
    if (fn == FN_TRANSFORM_KEYS)
        return build(cg, e->type, keys, n, vals.v, n, m.null);
    if (fn == FN_MAP_FILTER)
        n = cg_load(cg, cg->t_i32, kept, "filter.n");
    return join_entries(cg, keys, values, n, m.null);
}

/* map_zip_with(m1, m2, f) (MapZipWith): for each key of m1 in order, then each key of m2
   not in m1, f(k, v1, v2) with the value the other map lacks NULL.  NULL when m1 or m2 is. */
static CgVal map_zip_with(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal m1)
{
    SExpr *const *x = e->u.call.args;
    const Type *t1 = x[0]->type, *t2 = x[1]->type;
    CgVal m2 = cg_expr(cg, env, x[1]);
    LLVMValueRef null = cg_or(cg, m1.null, m2.null);
    m1.null = null, m2.null = null;
    LLVMValueRef zero = cg_i32(cg, 0);
    LLVMValueRef cap = LLVMBuildAdd(cg->b, cg_select(cg, null, zero, m1.len),
                                    cg_select(cg, null, zero, m2.len), "");
    LLVMValueRef keys = datums(cg, cap), values = datums(cg, cap);
    LLVMValueRef count = cg_alloca(cg, cg->t_i32, "zip.n");
    cg_store(cg, zero, count);
    for (int side = 0; side < 2; side++) {
        CgVal own = side ? m2 : m1, other = side ? m1 : m2;
        const Type *ot = side ? t1 : t2;
        CgLoop l;
        LLVMValueRef i = cg_loop_begin(cg, &l, own);
        CgVal k = cg_array_elem(cg, t1->key, keys_of(own), i);
        LLVMValueRef found;
        LLVMValueRef idx = find_key(cg, ot, other, k, e->span, &found);
        LLVMBasicBlockRef use = cg_block(cg, "zip.use"), next = cg_block(cg, "zip.next");
        LLVMBuildCondBr(cg->b, side ? cg_not(cg, found) : cg_i1(cg, 1), use, next);
        cg_at(cg, use);
        CgVal v_own = cg_array_elem(cg, (side ? t2 : t1)->elem, values_of(cg, own), i);
        CgVal v_other = cg_array_elem(cg, ot->elem, values_of(cg, other), idx);
        v_other.null = cg_or(cg, v_other.null, cg_not(cg, found));
        CgVal args[3] = {k, side ? v_other : v_own, side ? v_own : v_other};
        CgVal r = cg_lambda_apply(cg, env, x[2], &x[3], args, 3);
        LLVMValueRef c = cg_load(cg, cg->t_i32, count, "");
        copy_datum(cg, datum_at(cg, keys, c), datum_at(cg, own.v, i));
        cg_store_datum(cg, e->type->elem, r, datum_at(cg, values, c), false);
        cg_store(cg, LLVMBuildAdd(cg->b, c, cg_i32(cg, 1), ""), count);
        LLVMBuildBr(cg->b, next);
        cg_at(cg, next);
        cg_loop_end(cg, &l, i);
    }
    return join_entries(cg, keys, values, cg_load(cg, cg->t_i32, count, "zip.len"), null);
}

CgVal cg_map_cast(CgCtx *cg, LLVMValueRef failed, CgVal m, const Type *from, const Type *to,
                  SrcSpan span)
{
    /* Cast.castMap: the keys and the values cast one by one, in order (no builder: sema
       allows no key cast that could give NULL; keys cast equal stay two entries) */
    LLVMValueRef n = cg_select(cg, m.null, cg_i32(cg, 0), m.len);
    LLVMValueRef out = datums(cg, LLVMBuildMul(cg->b, n, cg_i32(cg, 2), ""));
    CgVal vals = values_of(cg, m);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, m);
    LLVMValueRef live = cg_i1(cg, 1);
    CgVal k = cg_cast_flagged(cg, failed, live, cg_array_elem(cg, from->key, keys_of(m), i),
                              from->key, to->key, span);
    CgVal v = cg_cast_flagged(cg, failed, live, cg_array_elem(cg, from->elem, vals, i), from->elem,
                              to->elem, span);
    cg_store_datum(cg, to->key, k, datum_at(cg, out, i), false);
    cg_store_datum(cg, to->elem, v, datum_at(cg, out, LLVMBuildAdd(cg->b, n, i, "")), false);
    cg_loop_end(cg, &l, i);
    return value_of(m.null, out, n);
}

/* map_from_entries(arr) (MapFromEntries): each struct's two fields a key and its value, built
   as map() builds (a NULL key fails the query); NULL when arr or one of its structs is. */
static CgVal from_entries(CgCtx *cg, const SExpr *e, CgVal arr)
{
    const Type *st = e->u.call.args[0]->type->elem;
    LLVMValueRef n = cg_select(cg, arr.null, cg_i32(cg, 0), arr.len);
    LLVMValueRef keys = datums(cg, n), values = datums(cg, n);
    LLVMValueRef any_null = cg_flag_slot(cg, "entries.null");
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal s = cg_array_elem(cg, st, arr, i);
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, any_null, ""), s.null), any_null);
    cg_store_datum(cg, e->type->key, s.fields[0], datum_at(cg, keys, i), false);
    cg_store_datum(cg, e->type->elem, s.fields[1], datum_at(cg, values, i), false);
    cg_loop_end(cg, &l, i);
    return build(cg, e->type, keys, n, values, n,
                 cg_or(cg, arr.null, cg_load(cg, cg->t_i1, any_null, "entries.null")));
}

CgVal cg_map_lambda_fn(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal m)
{
    if (e->u.call.fn == FN_MAP_ZIP_WITH)
        return map_zip_with(cg, env, e, m);
    return map_lambda_1(cg, env, e, m);
}

CgVal cg_map_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    switch (e->u.call.fn) {
    case FN_ELEMENT_AT:
        return lookup(cg, e, a, false);
    case FN_MAP_CONTAINS_KEY:
        return lookup(cg, e, a, true);
    case FN_MAP:
        return create_map(cg, e, a);
    case FN_MAP_FROM_ARRAYS: /* MapFromArrays: NULL when either array is */
        return build(cg, e->type, a[0].v, a[0].len, a[1].v, a[1].len,
                     cg_or(cg, a[0].null, a[1].null));
    case FN_STR_TO_MAP:
        return str_to_map(cg, e, a);
    case FN_MAP_KEYS:
        return keys_of(a[0]);
    case FN_MAP_VALUES:
        return values_of(cg, a[0]);
    case FN_MAP_ENTRIES:
        return entries(cg, a[0]);
    case FN_MAP_CONCAT:
        return concat(cg, e, a);
    case FN_MAP_FROM_ENTRIES:
        return from_entries(cg, e, a[0]);
    default:
        SL_UNREACHABLE();
    }
}
