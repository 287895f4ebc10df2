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
    LLVMValueRef args[8] = {cg->q, cg_type_text(cg, t), keys, cg_select(cg, null, zero, n_keys),
                            values, cg_select(cg, null, zero, n_values), out, out_n};
    cg_call(cg, "srt_map_build", args, 8, "map.rc");
    return value_of(null, cg_load(cg, cg->t_ptr, out, "map"), cg_load(cg, cg->t_i32, out_n, "map.len"));
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
    LLVMValueRef pair = cg_gep(cg, pairs, bytes_of(cg, LLVMBuildMul(cg->b, i, cg_i32(cg, 2), "")), "pair");
    LLVMBuildMemCpy(cg->b, pair, 8, cg_gep(cg, m.v, bytes_of(cg, i), ""), 8, cg_i64(cg, (int64_t)size));
    LLVMBuildMemCpy(cg->b, cg_gepc(cg, pair, size, ""), 8, cg_gep(cg, vals.v, bytes_of(cg, i), ""), 8,
                    cg_i64(cg, (int64_t)size));
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
   expressions, ',' and ':' by default; NULL when an argument is. */
static CgVal str_to_map(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    static const char *const dflt[3] = {NULL, ",", ":"};
    LLVMValueRef re[3] = {NULL, NULL, NULL}, null = a[0].null;
    for (int i = 1; i < 3; i++) {
        const SExpr *pat = i < n ? e->u.call.args[i] : NULL;
        if (pat && (pat->u.value.is_null || pat->type->kind == TY_NULL))
            return cg_null_of(cg, e->type);
        SExpr c = {0};
        if (!pat) {
            c.kind = SX_CONST;
            c.type = &type_string;
            c.u.value.s = dflt[i];
            c.u.value.n = 1;
            pat = &c;
        }
        re[i] = cg_regex_of(cg, pat, i < n ? a[i] : value_of(cg_i1(cg, 0), NULL, NULL));
        if (i < n)
            null = cg_or(cg, null, a[i].null);
    }
    LLVMValueRef out = cg_alloca(cg, cg->t_ptr, "map.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "map.n");
    LLVMValueRef args[8] = {cg->q, cg_type_text(cg, e->type), re[1], re[2], a[0].v, a[0].len, out, out_n};
    cg_call(cg, "srt_str_to_map", args, 8, "map.rc");
    return value_of(null, cg_load(cg, cg->t_ptr, out, "map"), cg_load(cg, cg->t_i32, out_n, "map.len"));
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
        return build(cg, e->type, a[0].v, a[0].len, a[1].v, a[1].len, cg_or(cg, a[0].null, a[1].null));
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
    default:
        SL_UNREACHABLE();
    }
}
