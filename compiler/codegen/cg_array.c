/* cg_array.c - the array functions of functions.def (Spark 3.5's collectionExpressions.scala):
** element_at, array_contains, array_position, array_size, array_join, array_max, array_min,
** slice, array_repeat, flatten, array_remove, arrays_overlap, sequence, array_insert and concat of
** arrays.
**
** An ARRAY value is a pointer to its element datums and their count (CgVal.v, .len); loops
** over the elements are emitted inline, each element read as its SQL type (cg_array_elem).
*/
#include "codegen/cg_emit.h"
#include "srt_abi.h"

static CgVal array_repeat(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal flatten(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal array_remove(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal arrays_overlap(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal sequence(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal array_insert(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal set_op(CgCtx *cg, const SExpr *e, CgVal *a);
static CgVal arrays_zip(CgCtx *cg, const SExpr *e, CgVal *a);

static CgVal scalar(LLVMValueRef null, LLVMValueRef v)
{
    CgVal r = {0};
    r.null = null;
    r.v = v;
    return r;
}

LLVMValueRef cg_loop_begin(CgCtx *cg, CgLoop *l, CgVal arr)
{
    LLVMValueRef n = cg_select(cg, arr.null, cg_i32(cg, 0), arr.len);
    l->i_slot = cg_alloca(cg, cg->t_i32, "arr.i");
    cg_store(cg, cg_i32(cg, 0), l->i_slot);
    l->bb_cond = cg_block(cg, "arr.cond");
    LLVMBasicBlockRef body = cg_block(cg, "arr.body");
    l->bb_done = cg_block(cg, "arr.done");
    LLVMBuildBr(cg->b, l->bb_cond);
    cg_at(cg, l->bb_cond);
    LLVMValueRef i = cg_load(cg, cg->t_i32, l->i_slot, "i");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, i, n, ""), body, l->bb_done);
    cg_at(cg, body);
    return i;
}

void cg_loop_end(CgCtx *cg, CgLoop *l, LLVMValueRef i)
{
    cg_store(cg, LLVMBuildAdd(cg->b, i, cg_i32(cg, 1), ""), l->i_slot);
    LLVMBuildBr(cg->b, l->bb_cond);
    cg_at(cg, l->bb_done);
}

LLVMValueRef cg_flag_slot(CgCtx *cg, const char *name)
{
    LLVMValueRef s = cg_alloca(cg, cg->t_i1, name);
    cg_store(cg, cg_i1(cg, 0), s);
    return s;
}

/* element_at(arr, i) (ElementAt, non-ANSI): 1-based, negative from the end, NULL out of
   range; an index of 0 fails the query whatever spark.sql.ansi.enabled says. */
static CgVal element_at(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef i = a[1].v;
    LLVMValueRef live = cg_not(cg, cg_or(cg, a[0].null, a[1].null));
    cg_fail_if(cg, cg_and(cg, live, LLVMBuildICmp(cg->b, LLVMIntEQ, i, cg_i32(cg, 0), "")),
               "[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 "
               "or > 0 (the first element has index 1).");
    LLVMValueRef pos = LLVMBuildICmp(cg->b, LLVMIntSGT, i, cg_i32(cg, 0), "");
    /* from the end: n + i, computed in 64 bits so INT_MIN stays out of range */
    LLVMValueRef n64 = LLVMBuildZExt(cg->b, a[0].len, cg->t_i64, "");
    LLVMValueRef i64 = LLVMBuildSExt(cg->b, i, cg->t_i64, "");
    LLVMValueRef idx = cg_select(cg, pos, LLVMBuildSub(cg->b, i64, cg_i64(cg, 1), ""),
                                 LLVMBuildAdd(cg->b, n64, i64, ""));
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, idx, cg_i64(cg, 0), "");
    idx = cg_select(cg, neg, cg_i64(cg, INT32_MAX), idx); /* out of range either way */
    CgVal r = cg_array_elem(cg, e->type, a[0], LLVMBuildTrunc(cg->b, idx, cg->t_i32, ""));
    r.null = cg_or(cg, r.null, a[1].null);
    return r;
}

/* array_contains(arr, v) (ArrayContains): true if an element equals v; else NULL if an
   element is NULL, else false; NULL when arr or v is.  array_position(arr, v)
   (ArrayPosition): the 1-based BIGINT position of the first element equal to v, 0 if none
   (NULL elements are skipped); NULL when arr or v is.  Equality is `=`'s, in v's type (sema
   cast v to the common type; each element is cast when read). */
static CgVal array_search(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *elem = e->u.call.args[0]->type->elem, *t = e->u.call.args[1]->type;
    bool position = e->u.call.fn == FN_ARRAY_POSITION;
    LLVMValueRef found = cg_flag_slot(cg, "found"), saw_null = cg_flag_slot(cg, "saw_null");
    LLVMValueRef at = cg_alloca(cg, cg->t_i64, "pos");
    cg_store(cg, cg_i64(cg, 0), at);
    CgVal v = a[1];
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, a[0]);
    CgVal x = cg_array_elem(cg, elem, a[0], i);
    x = cg_cast(cg, x, elem, t, e->span);
    LLVMValueRef before = cg_load(cg, cg->t_i1, found, "");
    LLVMValueRef eq =
        cg_and(cg, cg_not(cg, cg_or(cg, x.null, v.null)), cg_compare(cg, BOP_EQ, t, x, v, e->span));
    LLVMValueRef first = cg_and(cg, eq, cg_not(cg, before));
    cg_store(
        cg,
        cg_select(cg, first,
                  LLVMBuildAdd(cg->b, LLVMBuildZExt(cg->b, i, cg->t_i64, ""), cg_i64(cg, 1), ""),
                  cg_load(cg, cg->t_i64, at, "")),
        at);
    cg_store(cg, cg_or(cg, before, eq), found);
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, saw_null, ""), x.null), saw_null);
    cg_loop_end(cg, &l, i);
    LLVMValueRef null = cg_or(cg, a[0].null, v.null);
    if (position)
        return scalar(null, cg_load(cg, cg->t_i64, at, "array_position"));
    LLVMValueRef f = cg_load(cg, cg->t_i1, found, "array_contains");
    null = cg_or(cg, null, cg_and(cg, cg_not(cg, f), cg_load(cg, cg->t_i1, saw_null, "")));
    return scalar(null, f);
}

/* array_max/array_min (ArrayMax, ArrayMin): the greatest/least non-NULL element as `>`/`<`
   order them (NaN is the greatest double; a STRUCT or ARRAY by its interpretedOrdering), the
   first of equal ones; NULL when there is none.  The best element is kept by its index (-1:
   none yet, which cg_array_elem reads as NULL). */
static CgVal array_extremum(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *t = e->type;
    AstBinaryOp op = e->u.call.fn == FN_ARRAY_MAX ? BOP_GT : BOP_LT;
    LLVMValueRef best_i = cg_alloca(cg, cg->t_i32, "best.i");
    cg_store(cg, cg_i32(cg, -1), best_i);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, a[0]);
    CgVal x = cg_array_elem(cg, t, a[0], i);
    LLVMValueRef bi = cg_load(cg, cg->t_i32, best_i, "");
    CgVal best = cg_array_elem(cg, t, a[0], bi);
    LLVMValueRef take = cg_and(cg, cg_not(cg, x.null),
                               cg_or(cg, best.null, cg_compare(cg, op, t, x, best, e->span)));
    cg_store(cg, cg_select(cg, take, i, bi), best_i);
    cg_loop_end(cg, &l, i);
    return cg_array_elem(cg, t, a[0], cg_load(cg, cg->t_i32, best_i, "extremum.i"));
}

/* slice(arr, start, length) (Slice): length elements from the 1-based start (negative: from
   the end); an empty array when start is out of range; start 0 and a negative length fail
   the query.  The result points into arr (no copy). */
static CgVal slice(CgCtx *cg, CgVal *a)
{
    LLVMValueRef live = cg_not(cg, cg_or(cg, cg_or(cg, a[0].null, a[1].null), a[2].null));
    LLVMValueRef start = a[1].v, len = a[2].v;
    cg_fail_if(cg, cg_and(cg, live, LLVMBuildICmp(cg->b, LLVMIntEQ, start, cg_i32(cg, 0), "")),
               "[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in `slice` is "
               "invalid: Expects a positive or a negative value for `start`, but got 0.");
    cg_fail_if(cg, cg_and(cg, live, LLVMBuildICmp(cg->b, LLVMIntSLT, len, cg_i32(cg, 0), "")),
               "[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) `length` in `slice` is "
               "invalid: Expects `length` greater than or equal to 0, but got a negative value.");
    LLVMValueRef n = LLVMBuildZExt(cg->b, a[0].len, cg->t_i64, "");
    LLVMValueRef s64 = LLVMBuildSExt(cg->b, start, cg->t_i64, "");
    LLVMValueRef from =
        cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, s64, cg_i64(cg, 0), ""),
                  LLVMBuildAdd(cg->b, s64, n, ""), LLVMBuildSub(cg->b, s64, cg_i64(cg, 1), ""));
    LLVMValueRef out = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, from, cg_i64(cg, 0), ""),
                             LLVMBuildICmp(cg->b, LLVMIntSGE, from, n, ""));
    from = cg_select(cg, out, cg_i64(cg, 0), from);
    LLVMValueRef rest = LLVMBuildSub(cg->b, n, from, "");
    LLVMValueRef l64 = LLVMBuildSExt(cg->b, len, cg->t_i64, "");
    LLVMValueRef cnt = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntSLT, l64, rest, ""), l64, rest);
    cnt = cg_select(cg, cg_or(cg, out, LLVMBuildICmp(cg->b, LLVMIntSLT, l64, cg_i64(cg, 0), "")),
                    cg_i64(cg, 0), cnt);
    LLVMValueRef off = LLVMBuildMul(cg->b, from, cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
    CgVal r = scalar(cg_not(cg, live), cg_gep(cg, a[0].v, off, "slice"));
    r.len = LLVMBuildTrunc(cg->b, cnt, cg->t_i32, "slice.n");
    return r;
}

/* sort_array(arr[, asc]) (SortArray, ascending by default) and array_distinct(arr)
   (ArrayDistinct): a new array made by the runtime from the elements and their kind. */
static CgVal distinct_of(CgCtx *cg, const Type *elem, CgVal arr, bool sort, int asc);

static CgVal sort_distinct(CgCtx *cg, const SExpr *e, CgVal *a)
{
    bool sort = e->u.call.fn == FN_SORT_ARRAY;
    int asc = e->u.call.n_args < 2 || e->u.call.args[1]->u.value.i != 0;
    return distinct_of(cg, e->type->elem, a[0], sort, asc);
}

/* The runtime's SRT_COLLECT_* kind of an atomic element type. */
static int elem_kind(const Type *elem)
{
    switch (elem->kind) {
    case TY_BOOLEAN:
        return SRT_COLLECT_BOOLEAN;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_DATE:
        return SRT_COLLECT_INT;
    case TY_FLOAT:
        return SRT_COLLECT_FLOAT;
    case TY_DOUBLE:
        return SRT_COLLECT_DOUBLE;
    case TY_DECIMAL:
        return SRT_COLLECT_DECIMAL;
    case TY_STRING:
        return SRT_COLLECT_STRING;
    default:
        return SRT_COLLECT_LONG;
    }
}

/* sort_array or array_distinct of arr, of elements of type elem, by the runtime (STRUCT and
   ARRAY elements sorted by srt_sort_array, with the comparator of `<`). */
static CgVal distinct_of(CgCtx *cg, const Type *elem, CgVal arr, bool sort, int asc)
{
    bool nested = sort && type_is_nested(elem);
    LLVMValueRef out_p = cg_alloca(cg, cg->t_ptr, "arr.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "arr.n");
    LLVMValueRef args[7] = {cg->q};
    unsigned k = 1;
    if (nested)
        args[k++] = cg_type_text(cg, elem);
    args[k++] = arr.v;
    args[k++] = cg_select(cg, arr.null, cg_i32(cg, 0), arr.len);
    if (!nested)
        args[k++] = cg_i32(cg, elem_kind(elem));
    if (sort)
        args[k++] = cg_i32(cg, asc);
    args[k++] = out_p;
    args[k++] = out_n;
    const char *fn = sort ? "srt_array_sort" : "srt_array_distinct";
    cg_call(cg, nested ? "srt_sort_array" : fn, args, k, "");
    CgVal r =
        scalar(arr.null, cg_load(cg, cg->t_ptr, out_p, sort ? "sort_array" : "array_distinct"));
    r.len = cg_load(cg, cg->t_i32, out_n, "");
    return r;
}

/* The elements of arr cast to STRING, as ArrayJoin's implicit cast of its array to
   ARRAY<STRING>: new datums in scratch memory. */
static CgVal strings_of(CgCtx *cg, const Type *elem, CgVal arr, SrcSpan span)
{
    LLVMValueRef n = cg_select(cg, arr.null, cg_i32(cg, 0), arr.len);
    LLVMValueRef size = LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, n, cg->t_i64, ""),
                                     cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
    size = LLVMBuildAdd(cg->b, size, cg_i64(cg, 1), ""); /* never 0 */
    LLVMValueRef args[2] = {cg->q, size};
    LLVMValueRef out = cg_call(cg, "srt_scratch_alloc", args, 2, "strs");
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal s = cg_cast(cg, cg_array_elem(cg, elem, arr, i), elem, &type_string, span);
    LLVMValueRef off = LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, i, cg->t_i64, ""),
                                    cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
    cg_store_datum(cg, &type_string, s, cg_gep(cg, out, off, "str"), false);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(arr.null, out);
    r.len = n;
    return r;
}

CgVal cg_array_make(CgCtx *cg, const Type *elem, const CgVal *v, int n)
{
    uint64_t size = cg_datum_size(cg);
    LLVMValueRef args[2] = {cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)(n ? n : 1)))};
    LLVMValueRef out = cg_call(cg, "srt_scratch_alloc", args, 2, "arr");
    for (int i = 0; i < n; i++)
        cg_store_datum(cg, elem, v[i], cg_gepc(cg, out, size * (uint64_t)i, ""), false);
    CgVal r = scalar(cg_i1(cg, 0), out);
    r.len = cg_i32(cg, n);
    return r;
}

CgVal cg_array_fn(CgCtx *cg, const SExpr *e, CgVal *a)
{
    switch (e->u.call.fn) {
    case FN_ELEMENT_AT:
        return element_at(cg, e, a);
    case FN_ARRAY_CONTAINS:
    case FN_ARRAY_POSITION:
        return array_search(cg, e, a);
    case FN_ARRAY_SIZE: /* Size(legacySizeOfNull = false): NULL for NULL */
        return scalar(a[0].null, a[0].len);
    case FN_ARRAY_JOIN: {
        int n = e->u.call.n_args;
        const Type *elem = e->u.call.args[0]->type->elem;
        if (elem->kind != TY_STRING)
            a[0] = strings_of(cg, elem, a[0], e->span);
        CgVal rep = n > 2 ? a[2] : scalar(cg_i1(cg, 0), LLVMConstNull(cg->t_ptr));
        LLVMValueRef args[9] = {cg->q,
                                a[0].v,
                                a[0].len,
                                a[1].v,
                                a[1].len,
                                rep.v,
                                n > 2 ? rep.len : cg_i32(cg, 0),
                                cg_i32(cg, n > 2)};
        LLVMValueRef out_p = cg_alloca(cg, cg->t_ptr, "join.p");
        LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "join.n");
        LLVMValueRef call[10];
        for (int i = 0; i < 8; i++)
            call[i] = args[i];
        call[8] = out_p;
        call[9] = out_n;
        cg_call(cg, "srt_array_join", call, 10, "");
        CgVal r = scalar(cg_or(cg, cg_or(cg, a[0].null, a[1].null), rep.null),
                         cg_load(cg, cg->t_ptr, out_p, "array_join"));
        r.len = cg_load(cg, cg->t_i32, out_n, "");
        return r;
    }
    case FN_ARRAY_MAX:
    case FN_ARRAY_MIN:
        return array_extremum(cg, e, a);
    case FN_SLICE:
        return slice(cg, a);
    case FN_SORT_ARRAY:
    case FN_ARRAY_DISTINCT:
        return sort_distinct(cg, e, a);
    case FN_ARRAY_UNION:
    case FN_ARRAY_INTERSECT:
    case FN_ARRAY_EXCEPT:
        return set_op(cg, e, a);
    case FN_ARRAY_REPEAT:
        return array_repeat(cg, e, a);
    case FN_FLATTEN:
        return flatten(cg, e, a);
    case FN_ARRAY_REMOVE:
    case FN_ARRAY_COMPACT:
        return array_remove(cg, e, a);
    case FN_ARRAYS_ZIP:
        return arrays_zip(cg, e, a);
    case FN_ARRAY_APPEND:    /* ArrayAppend: NULL for a NULL array; a NULL value is appended */
    case FN_ARRAY_PREPEND: { /* ArrayInsert(arr, 1, v) */
        CgVal parts[2];
        bool append = e->u.call.fn == FN_ARRAY_APPEND;
        parts[append ? 0 : 1] =
            cg_array_cast(cg, NULL, a[0], e->u.call.args[0]->type->elem, e->type->elem, e->span);
        parts[append ? 1 : 0] = cg_array_make(cg, e->type->elem, &a[1], 1);
        return cg_array_concat(cg, parts, 2);
    }
    case FN_ARRAYS_OVERLAP:
        return arrays_overlap(cg, e, a);
    case FN_SEQUENCE:
        return sequence(cg, e, a);
    case FN_ARRAY_INSERT:
        return array_insert(cg, e, a);
    default:
        SL_UNREACHABLE();
    }
}

/* ==== array_repeat, flatten, concat, array_remove, arrays_overlap, sequence ==== */

static LLVMValueRef bytes_of(CgCtx *cg, LLVMValueRef n32)
{
    return LLVMBuildMul(cg->b, LLVMBuildZExt(cg->b, n32, cg->t_i64, ""),
                        cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
}

/* n32 datums of scratch memory (at least one byte). */
static LLVMValueRef datums_alloc(CgCtx *cg, LLVMValueRef n32)
{
    LLVMValueRef args[2] = {cg->q, LLVMBuildAdd(cg->b, bytes_of(cg, n32), cg_i64(cg, 1), "")};
    return cg_call(cg, "srt_scratch_alloc", args, 2, "arr.new");
}

/* Copy the n32 datums at src to dst + at (datums), returning at + n32. */
static LLVMValueRef copy_datums(CgCtx *cg, LLVMValueRef dst, LLVMValueRef at, LLVMValueRef src,
                                LLVMValueRef n32)
{
    LLVMBuildMemCpy(cg->b, cg_gep(cg, dst, bytes_of(cg, at), ""), 8, src, 8, bytes_of(cg, n32));
    return LLVMBuildAdd(cg->b, at, n32, "");
}

/* The length of an array value, 0 when it is NULL. */
static LLVMValueRef len_or_0(CgCtx *cg, CgVal a)
{
    return cg_select(cg, a.null, cg_i32(cg, 0), a.len);
}

/* array_repeat(x, count) (ArrayRepeat): count copies of x (NULL or not); empty for a count
   below 1; NULL for a NULL count; more than ByteArrayMethods.MAX_ROUNDED_ARRAY_LENGTH
   elements fail the query. */
static CgVal array_repeat(CgCtx *cg, const SExpr *e, CgVal *a)
{
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, a[1].v, cg_i32(cg, 0), "");
    LLVMValueRef cnt = cg_select(cg, cg_or(cg, a[1].null, neg), cg_i32(cg, 0), a[1].v);
    cg_fail_if(cg, LLVMBuildICmp(cg->b, LLVMIntUGT, cnt, cg_i32(cg, 2147483632), ""),
               "array_repeat: Unsuccessful try to create array with more than 2147483632 "
               "elements due to exceeding the array size limit 2147483632.");
    LLVMValueRef out = datums_alloc(cg, cnt);
    CgVal range = scalar(cg_i1(cg, 0), NULL);
    range.len = cnt;
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, range);
    cg_store_datum(cg, e->type->elem, a[0], cg_gep(cg, out, bytes_of(cg, i), ""), false);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(a[1].null, out);
    r.len = cnt;
    return r;
}

/* flatten(arr) (Flatten): the inner arrays one after another; NULL when arr or any inner
   array is NULL. */
static CgVal flatten(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *inner = e->u.call.args[0]->type->elem;
    LLVMValueRef total = cg_alloca(cg, cg->t_i32, "flat.n");
    LLVMValueRef any_null = cg_flag_slot(cg, "flat.null");
    cg_store(cg, cg_i32(cg, 0), total);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, a[0]);
    CgVal x = cg_array_elem(cg, inner, a[0], i);
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, any_null, ""), x.null), any_null);
    cg_store(cg, LLVMBuildAdd(cg->b, cg_load(cg, cg->t_i32, total, ""), len_or_0(cg, x), ""), total);
    cg_loop_end(cg, &l, i);
    LLVMValueRef null = cg_or(cg, a[0].null, cg_load(cg, cg->t_i1, any_null, ""));
    LLVMValueRef n = cg_select(cg, null, cg_i32(cg, 0), cg_load(cg, cg->t_i32, total, ""));
    LLVMValueRef out = datums_alloc(cg, n);
    LLVMValueRef at = cg_alloca(cg, cg->t_i32, "flat.at");
    cg_store(cg, cg_i32(cg, 0), at);
    CgVal outer = a[0];
    outer.null = null;
    i = cg_loop_begin(cg, &l, outer);
    x = cg_array_elem(cg, inner, a[0], i);
    cg_store(cg, copy_datums(cg, out, cg_load(cg, cg->t_i32, at, ""), x.v, len_or_0(cg, x)), at);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(null, out);
    r.len = n;
    return r;
}

CgVal cg_array_cast(CgCtx *cg, LLVMValueRef failed, CgVal arr, const Type *from, const Type *to,
                    SrcSpan span)
{
    if (type_equal(from, to))
        return arr;
    LLVMValueRef out = datums_alloc(cg, len_or_0(cg, arr));
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal y =
        cg_cast_flagged(cg, failed, cg_i1(cg, 1), cg_array_elem(cg, from, arr, i), from, to, span);
    cg_store_datum(cg, to, y, cg_gep(cg, out, bytes_of(cg, i), ""), false);
    cg_loop_end(cg, &l, i);
    CgVal r = arr;
    r.v = out;
    return r;
}

/* arrays_zip(a1, ..., an) (ArraysZip): element i is the struct of the arrays' i-th elements,
   as long as the longest array, a shorter one's fields NULL past its end; NULL when any
   array is. */
static CgVal arrays_zip(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    const Type *st = e->type->elem;
    LLVMValueRef null = cg_i1(cg, 0), len = cg_i32(cg, 0);
    for (int k = 0; k < n; k++) {
        null = cg_or(cg, null, a[k].null);
        LLVMValueRef lk = len_or_0(cg, a[k]);
        len = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntUGT, lk, len, ""), lk, len);
    }
    CgVal range = scalar(null, LLVMConstNull(cg->t_ptr));
    range.len = len;
    LLVMValueRef out = datums_alloc(cg, len_or_0(cg, range));
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, range);
    CgVal row = scalar(cg_i1(cg, 0), NULL);
    row.n_fields = n;
    row.fields = ARENA_NEW_N(cg->arena, CgVal, n);
    for (int k = 0; k < n; k++)
        row.fields[k] = cg_array_elem(cg, st->fields[k].type, a[k], i);
    cg_store_datum(cg, st, row, cg_gep(cg, out, bytes_of(cg, i), ""), false);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(null, out);
    r.len = len_or_0(cg, range);
    return r;
}

CgVal cg_array_concat(CgCtx *cg, const CgVal *a, int n)
{
    LLVMValueRef null = cg_i1(cg, 0), total = cg_i32(cg, 0);
    for (int k = 0; k < n; k++) {
        null = cg_or(cg, null, a[k].null);
        total = LLVMBuildAdd(cg->b, total, len_or_0(cg, a[k]), "");
    }
    LLVMValueRef out = datums_alloc(cg, total), at = cg_i32(cg, 0);
    for (int k = 0; k < n; k++)
        at = copy_datums(cg, out, at, a[k].v, len_or_0(cg, a[k]));
    CgVal r = scalar(null, out);
    r.len = cg_select(cg, null, cg_i32(cg, 0), total);
    return r;
}

/* array_remove(arr, x) (ArrayRemove): arr without the elements equal to x (NULL elements
   stay); NULL when arr or x is.  array_compact(arr) (ArrayCompact): arr without its NULL
   elements, NULL when arr is. */
static CgVal array_remove(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *el = e->type->elem;
    bool compact = e->u.call.fn == FN_ARRAY_COMPACT;
    LLVMValueRef null = compact ? a[0].null : cg_or(cg, a[0].null, a[1].null);
    CgVal arr = a[0];
    arr.null = null;
    LLVMValueRef out = datums_alloc(cg, len_or_0(cg, arr));
    LLVMValueRef kept = cg_alloca(cg, cg->t_i32, "rm.n");
    cg_store(cg, cg_i32(cg, 0), kept);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal x = cg_array_elem(cg, el, arr, i);
    LLVMValueRef keep =
        compact ? cg_not(cg, x.null)
                : cg_or(cg, x.null, cg_not(cg, cg_compare(cg, BOP_EQ, el, x, a[1], e->span)));
    LLVMValueRef k = cg_load(cg, cg->t_i32, kept, "");
    LLVMValueRef src = cg_gep(cg, arr.v, bytes_of(cg, i), "");
    copy_datums(cg, out, k, src, LLVMBuildZExt(cg->b, keep, cg->t_i32, ""));
    cg_store(cg, LLVMBuildAdd(cg->b, k, LLVMBuildZExt(cg->b, keep, cg->t_i32, ""), ""), kept);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(null, out);
    r.len = cg_load(cg, cg->t_i32, kept, "array_remove.n");
    return r;
}

/* arrays_overlap(a, b) (ArraysOverlap): true when a non-NULL element of a equals one of b;
   else NULL when both are non-empty and either has a NULL element; else false. */
static CgVal arrays_overlap(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *el = e->u.call.args[0]->type->elem;
    LLVMValueRef found = cg_flag_slot(cg, "ov.found"), has_null = cg_flag_slot(cg, "ov.null");
    CgLoop l1, l2;
    LLVMValueRef i = cg_loop_begin(cg, &l1, a[0]);
    CgVal x = cg_array_elem(cg, el, a[0], i);
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, has_null, ""), x.null), has_null);
    LLVMValueRef j = cg_loop_begin(cg, &l2, a[1]);
    CgVal y = cg_array_elem(cg, el, a[1], j);
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, has_null, ""), y.null), has_null);
    LLVMValueRef eq = el->kind == TY_NULL ? cg_i1(cg, 0) : cg_compare(cg, BOP_EQ, el, x, y, e->span);
    eq = cg_and(cg, eq, cg_not(cg, cg_or(cg, x.null, y.null)));
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, found, ""), eq), found);
    cg_loop_end(cg, &l2, j);
    cg_loop_end(cg, &l1, i);
    LLVMValueRef f = cg_load(cg, cg->t_i1, found, "overlap");
    LLVMValueRef nonempty = cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntUGT, len_or_0(cg, a[0]), cg_i32(cg, 0), ""),
                                   LLVMBuildICmp(cg->b, LLVMIntUGT, len_or_0(cg, a[1]), cg_i32(cg, 0), ""));
    LLVMValueRef null = cg_or(cg, cg_or(cg, a[0].null, a[1].null),
                              cg_and(cg, cg_not(cg, f), cg_and(cg, nonempty, cg_load(cg, cg->t_i1, has_null, ""))));
    return scalar(null, f);
}

/* The array the runtime function fn makes of args[0, n) (args has room for two more: its
   out and out_n); NULL when null, and then fn is not called (it may fail the query). */
static CgVal call_array_rt(CgCtx *cg, const char *fn, LLVMValueRef *args, unsigned n,
                           LLVMValueRef null)
{
    LLVMValueRef out_p = cg_alloca(cg, cg->t_ptr, "arr.p");
    LLVMValueRef out_n = cg_alloca(cg, cg->t_i32, "arr.n");
    args[n] = out_p;
    args[n + 1] = out_n;
    LLVMBasicBlockRef run = cg_block(cg, "arr.run"), done = cg_block(cg, "arr.done");
    cg_store(cg, LLVMConstNull(cg->t_ptr), out_p);
    cg_store(cg, cg_i32(cg, 0), out_n);
    LLVMBuildCondBr(cg->b, null, done, run);
    cg_at(cg, run);
    cg_call(cg, fn, args, n + 2, "arr.rc");
    LLVMBuildBr(cg->b, done);
    cg_at(cg, done);
    CgVal r = scalar(null, cg_load(cg, cg->t_ptr, out_p, fn + 4));
    r.len = cg_load(cg, cg->t_i32, out_n, "");
    return r;
}

/* sequence(start, stop[, step]) (Sequence) by srt_array_sequence: of TINYINT, SMALLINT, INT
   or BIGINT (start, stop and step of that type; IntegralSequenceImpl's elements lie between
   start and stop, so they fit it); of DATE as days stepping by the interval's whole days; of
   TIMESTAMP as microseconds stepping by the interval (TemporalSequenceImpl in UTC with no
   months; 1 day, or -1 day, by default); of either by an INTERVAL YEAR TO MONTH step by
   srt_array_sequence_months. */
static CgVal sequence(CgCtx *cg, const SExpr *e, CgVal *a)
{
    int n = e->u.call.n_args;
    const Type *et = e->type->elem;
    TypeKind k = et->kind;
    bool is_int = type_is_int32(et) || k == TY_DATE;
    if (n > 2 && e->u.call.args[2]->type->kind == TY_YM_INTERVAL) { /* PeriodSequenceImpl */
        LLVMValueRef args[7] = {cg->q, a[0].v, a[1].v, a[2].v, cg_i32(cg, k == TY_DATE)};
        return call_array_rt(cg, "srt_array_sequence_months", args, 5,
                             cg_or(cg, cg_or(cg, a[0].null, a[1].null), a[2].null));
    }
    LLVMValueRef v[3] = {NULL, NULL, NULL};
    for (int i = 0; i < n; i++)
        v[i] = type_is_int32(et) ? LLVMBuildSExt(cg->b, a[i].v, cg->t_i64, "") : a[i].v;
    if (k == TY_DATE && n > 2)
        v[2] = LLVMBuildSDiv(cg->b, v[2], cg_i64(cg, 86400000000LL), "days");
    if (k == TY_TIMESTAMP && n < 3) {
        LLVMValueRef up = LLVMBuildICmp(cg->b, LLVMIntSLE, v[0], v[1], "");
        v[2] = cg_select(cg, up, cg_i64(cg, 86400000000LL), cg_i64(cg, -86400000000LL));
        n = 3;
    }
    LLVMValueRef null = cg_or(cg, a[0].null, a[1].null);
    if (e->u.call.n_args > 2)
        null = cg_or(cg, null, a[2].null);
    LLVMValueRef args[8] = {
        cg->q, v[0], v[1], n > 2 ? v[2] : cg_i64(cg, 0), cg_i32(cg, n > 2), cg_i32(cg, is_int)};
    return call_array_rt(cg, "srt_array_sequence", args, 6, null);
}

/* array_insert(arr, pos, v) (ArrayInsert) by srt_array_insert: arr's elements cast to the
   result's element type, v in a datum of its own; NULL when arr or pos is (a NULL v is
   inserted). */
static CgVal array_insert(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *el = e->type->elem;
    CgVal arr = cg_array_cast(cg, NULL, a[0], e->u.call.args[0]->type->elem, el, e->span);
    CgVal item = cg_array_make(cg, el, &a[2], 1);
    LLVMValueRef args[7] = {cg->q, arr.v, arr.len, a[1].v, item.v};
    return call_array_rt(cg, "srt_array_insert", args, 5, cg_or(cg, a[0].null, a[1].null));
}

/* array_union(a, b) (ArrayUnion): the distinct elements of a then b, in order of first
   appearance, one NULL at most; array_intersect (ArrayIntersect) and array_except
   (ArrayExcept): the distinct elements of a that are (are not) in b, a NULL element counting
   as in b when b has one.  NULL when a or b is.  NaN equals NaN as array_distinct has it. */
static CgVal set_op(CgCtx *cg, const SExpr *e, CgVal *a)
{
    const Type *el = e->type->elem;
    if (e->u.call.fn == FN_ARRAY_UNION)
        return distinct_of(cg, el, cg_array_concat(cg, a, 2), false, 1);
    bool want_in = e->u.call.fn == FN_ARRAY_INTERSECT;
    LLVMValueRef null = cg_or(cg, a[0].null, a[1].null);
    CgVal da = distinct_of(cg, el, a[0], false, 1);
    da.null = null;
    LLVMValueRef out = datums_alloc(cg, len_or_0(cg, da));
    LLVMValueRef kept = cg_alloca(cg, cg->t_i32, "set.n");
    LLVMValueRef found = cg_flag_slot(cg, "set.in");
    cg_store(cg, cg_i32(cg, 0), kept);
    CgLoop l1, l2;
    LLVMValueRef i = cg_loop_begin(cg, &l1, da);
    CgVal x = cg_array_elem(cg, el, da, i);
    cg_store(cg, cg_i1(cg, 0), found);
    LLVMValueRef j = cg_loop_begin(cg, &l2, a[1]);
    CgVal y = cg_array_elem(cg, el, a[1], j);
    LLVMValueRef eq = el->kind == TY_NULL ? cg_i1(cg, 0) : cg_compare(cg, BOP_EQ, el, x, y, e->span);
    eq = cg_or(cg, cg_and(cg, x.null, y.null), cg_and(cg, eq, cg_not(cg, cg_or(cg, x.null, y.null))));
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, found, ""), eq), found);
    cg_loop_end(cg, &l2, j);
    LLVMValueRef f = cg_load(cg, cg->t_i1, found, "");
    LLVMValueRef keep = LLVMBuildZExt(cg->b, want_in ? f : cg_not(cg, f), cg->t_i32, "");
    LLVMValueRef k = cg_load(cg, cg->t_i32, kept, "");
    copy_datums(cg, out, k, cg_gep(cg, da.v, bytes_of(cg, i), ""), keep);
    cg_store(cg, LLVMBuildAdd(cg->b, k, keep, ""), kept);
    cg_loop_end(cg, &l1, i);
    CgVal r = scalar(null, out);
    r.len = cg_load(cg, cg->t_i32, kept, "set.len");
    return r;
}

/* ==== Higher-order functions: transform, filter, exists, forall, aggregate ==== */

CgVal cg_lambda_apply(CgCtx *cg, const CgEnv *env, const SExpr *body, SExpr *const *vars,
                      const CgVal *vals, int n)
{
    CgLambdaBind *bs = ARENA_NEW_N(cg->arena, CgLambdaBind, n);
    const CgLambdaBind *up = env->lambdas;
    for (int i = 0; i < n; i++) {
        bs[i].ref = vars[i]->u.ref;
        bs[i].v = vals[i];
        bs[i].up = up;
        up = &bs[i];
    }
    CgEnv in = *env;
    in.lambdas = up;
    return cg_expr(cg, &in, body);
}

/* The body of transform, filter, exists or forall for element i of arr (and the index i,
   when the lambda has two parameters). */
static CgVal apply_elem(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal arr, LLVMValueRef i)
{
    SExpr *const *x = e->u.call.args;
    CgVal vals[2] = {cg_array_elem(cg, x[0]->type->elem, arr, i), scalar(cg_i1(cg, 0), i)};
    return cg_lambda_apply(cg, env, x[1], &x[2], vals, e->u.call.n_args - 2);
}

/* transform(arr, f) (ArrayTransform): f of each element; filter(arr, p) (ArrayFilter): the
   elements for which p is true (a NULL p drops one).  NULL when arr is. */
static CgVal transform_filter(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal arr)
{
    bool filter = e->u.call.fn == FN_FILTER;
    LLVMValueRef out = datums_alloc(cg, len_or_0(cg, arr));
    LLVMValueRef kept = cg_alloca(cg, cg->t_i32, "hof.n");
    cg_store(cg, cg_i32(cg, 0), kept);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal r = apply_elem(cg, env, e, arr, i);
    LLVMValueRef k = cg_load(cg, cg->t_i32, kept, "");
    if (filter) {
        LLVMValueRef keep = LLVMBuildZExt(cg->b, cg_is_true(cg, r), cg->t_i32, "");
        copy_datums(cg, out, k, cg_gep(cg, arr.v, bytes_of(cg, i), ""), keep);
        cg_store(cg, LLVMBuildAdd(cg->b, k, keep, ""), kept);
    } else {
        cg_store_datum(cg, e->type->elem, r, cg_gep(cg, out, bytes_of(cg, k), ""), false);
        cg_store(cg, LLVMBuildAdd(cg->b, k, cg_i32(cg, 1), ""), kept);
    }
    cg_loop_end(cg, &l, i);
    CgVal res = scalar(arr.null, out);
    res.len = cg_load(cg, cg->t_i32, kept, filter ? "filter.n" : "transform.n");
    return res;
}

/* exists(arr, p) (ArrayExists, spark.sql.legacy.followThreeValuedLogicInArrayExists true):
   true at the first element p is true for, else NULL if p was NULL for one, else false;
   forall(arr, p) (ArrayForAll): false at the first element p is false for, else NULL if p was
   NULL for one, else true.  Both stop at the deciding element, as Spark does.  NULL when arr
   is. */
static CgVal exists_forall(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal arr)
{
    bool exists = e->u.call.fn == FN_EXISTS;
    LLVMValueRef decided = cg_flag_slot(cg, "hof.decided");
    LLVMValueRef saw_null = cg_flag_slot(cg, "hof.null");
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal r = apply_elem(cg, env, e, arr, i);
    LLVMValueRef hit = cg_and(cg, cg_not(cg, r.null), exists ? r.v : cg_not(cg, r.v));
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, saw_null, ""), r.null), saw_null);
    cg_store(cg, hit, decided);
    LLVMBasicBlockRef bb_next = cg_block(cg, "hof.next");
    LLVMBuildCondBr(cg->b, hit, l.bb_done, bb_next);
    cg_at(cg, bb_next);
    cg_loop_end(cg, &l, i);
    LLVMValueRef d = cg_load(cg, cg->t_i1, decided, "");
    LLVMValueRef null = cg_and(cg, cg_not(cg, d), cg_load(cg, cg->t_i1, saw_null, ""));
    return scalar(cg_or(cg, arr.null, null), exists ? d : cg_not(cg, d));
}

/* aggregate(arr, zero, merge, finish) (ArrayAggregate): acc = zero, acc = merge(acc, x) for
   each element x in order, then finish(acc).  NULL when arr is. */
static CgVal aggregate(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal arr)
{
    SExpr *const *x = e->u.call.args;
    const Type *acc_t = x[1]->type;
    LLVMValueRef acc = cg_alloca(cg, cg->t_datum, "agg.acc");
    cg_store_datum(cg, acc_t, cg_expr(cg, env, x[1]), acc, false);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, arr);
    CgVal vals[2] = {cg_load_datum(cg, acc_t, acc), cg_array_elem(cg, x[0]->type->elem, arr, i)};
    cg_store_datum(cg, acc_t, cg_lambda_apply(cg, env, x[2], &x[4], vals, 2), acc, false);
    cg_loop_end(cg, &l, i);
    CgVal done = cg_load_datum(cg, acc_t, acc);
    CgVal r = cg_lambda_apply(cg, env, x[3], &x[6], &done, 1);
    r.null = cg_or(cg, r.null, arr.null);
    return r;
}

/* zip_with(left, right, f) (ZipWith): f(left[i], right[i]) for i below the longer array's
   length, the shorter array's missing elements NULL.  NULL when left or right is. */
static CgVal zip_with(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal left)
{
    SExpr *const *x = e->u.call.args;
    CgVal right = cg_expr(cg, env, x[1]);
    LLVMValueRef nl = len_or_0(cg, left), nr = len_or_0(cg, right);
    CgVal both = scalar(cg_or(cg, left.null, right.null), left.v);
    both.len = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntUGT, nl, nr, ""), nl, nr);
    LLVMValueRef out = datums_alloc(cg, both.len);
    CgLoop l;
    LLVMValueRef i = cg_loop_begin(cg, &l, both);
    CgVal vals[2] = {cg_array_elem(cg, x[0]->type->elem, left, i), cg_array_elem(cg, x[1]->type->elem, right, i)};
    cg_store_datum(cg, e->type->elem, cg_lambda_apply(cg, env, x[2], &x[3], vals, 2), cg_gep(cg, out, bytes_of(cg, i), ""),
                   false);
    cg_loop_end(cg, &l, i);
    CgVal r = scalar(both.null, out);
    r.len = cg_select(cg, both.null, cg_i32(cg, 0), both.len);
    return r;
}

/* Spark's COMPARATOR_RETURNS_NULL (QueryExecutionErrors.comparatorReturnsNull, which is given
   o1.toString twice). */
static const char comparator_null_msg[] =
    "[COMPARATOR_RETURNS_NULL] The comparator has returned a NULL for a comparison between %s "
    "and %s. It should return a positive integer for \"greater than\", 0 for \"equal\" and a "
    "negative integer for \"less than\". To revert to deprecated behavior where NULL is treated "
    "as 0 (equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to "
    "\"true\".";

/* The comparator of array_sort applied to the elements at pa and pb: its INT.  A NULL fails
   the query naming the first element as Java's toString has it (a DATE or TIMESTAMP is its
   Integer or Long; a NULL element, where Spark's o1.toString throws, is "null"), and counts
   as 0 meanwhile. */
static LLVMValueRef compare_at(CgCtx *cg, const CgEnv *env, const SExpr *e, LLVMValueRef pa, LLVMValueRef pb)
{
    SExpr *const *x = e->u.call.args;
    const Type *el = x[0]->type->elem;
    CgVal vals[2] = {cg_load_datum(cg, el, pa), cg_load_datum(cg, el, pb)};
    CgVal c = cg_lambda_apply(cg, env, x[1], &x[2], vals, 2);
    LLVMBasicBlockRef bb_null = cg_block(cg, "sort.cmp.null"), bb_ok = cg_block(cg, "sort.cmp.ok");
    LLVMBuildCondBr(cg->b, c.null, bb_null, bb_ok);
    cg_at(cg, bb_null);
    const Type *as = el->kind == TY_DATE ? &type_int : el->kind == TY_TIMESTAMP ? &type_bigint : el;
    CgVal o1 = vals[0];
    if (as != el)
        o1 = cg_cast(cg, o1, el, as, e->span);
    CgVal s = el->kind == TY_NULL ? o1 : cg_cast(cg, o1, as, &type_string, e->span);
    LLVMValueRef args[4] = {cg->q, cg_str_const(cg, comparator_null_msg, sizeof comparator_null_msg, "msg"),
                            el->kind == TY_NULL ? LLVMConstNull(cg->t_ptr) : cg_select(cg, s.null, LLVMConstNull(cg->t_ptr), s.v),
                            el->kind == TY_NULL ? cg_i32(cg, 0) : cg_select(cg, s.null, cg_i32(cg, 0), s.len)};
    cg_call(cg, "srt_query_fail_value", args, 4, "");
    LLVMBuildBr(cg->b, bb_ok);
    cg_at(cg, bb_ok);
    return cg_select(cg, c.null, cg_i32(cg, 0), c.v);
}

/* A loop while the i32 in slot is below n (or below the i32 in n_slot, read at each pass,
   when n is NULL): returns its value in the body, which ends each pass with a branch to
   *cond (or to *done). */
static LLVMValueRef sort_loop(CgCtx *cg, LLVMValueRef slot, LLVMValueRef n, LLVMValueRef n_slot,
                              LLVMBasicBlockRef *cond, LLVMBasicBlockRef *done, const char *name)
{
    *cond = cg_block(cg, name);
    LLVMBasicBlockRef body = cg_block(cg, "sort.body");
    *done = cg_block(cg, "sort.done");
    LLVMBuildBr(cg->b, *cond);
    cg_at(cg, *cond);
    LLVMValueRef i = cg_load(cg, cg->t_i32, slot, "");
    if (!n)
        n = cg_load(cg, cg->t_i32, n_slot, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, i, n, ""), body, *done);
    cg_at(cg, body);
    return i;
}

/* array_sort(arr, (a, b) -> cmp) (ArraySort): java.util.Arrays.sort(arr, comparator), which
   is TimSort.  Below 32 elements (MIN_MERGE) TimSort is countRunAndMakeAscending (the run
   at the start, reversed when strictly descending) then binarySort of the rest, comparing
   in the order written here; that is done for every length, so an array of 32 elements or
   more gets the same order as TimSort for any comparator that is a consistent order (both
   are stable) but its comparisons differ from TimSort's merges.  Without a comparator, the
   runtime sorts (srt_array_sort, mode 2).  NULL when arr is. */
static CgVal array_sort(CgCtx *cg, const CgEnv *env, const SExpr *e, CgVal arr)
{
    if (e->u.call.n_args == 1)
        return e->type->elem->kind == TY_NULL ? arr : distinct_of(cg, e->type->elem, arr, true, 2);
    LLVMValueRef n = len_or_0(cg, arr);
    LLVMValueRef out = datums_alloc(cg, n);
    copy_datums(cg, out, cg_i32(cg, 0), arr.v, n);
    LLVMValueRef one = cg_i32(cg, 1);
    /* countRunAndMakeAscending: compare(a[runHi], a[runHi - 1]) from runHi = 1, the first
       deciding the direction, while the direction holds */
    LLVMValueRef hi_slot = cg_alloca(cg, cg->t_i32, "sort.run");
    LLVMValueRef desc_slot = cg_flag_slot(cg, "sort.desc");
    cg_store(cg, one, hi_slot);
    LLVMBasicBlockRef cond, done;
    LLVMValueRef hi = sort_loop(cg, hi_slot, n, NULL, &cond, &done, "sort.run.cond");
    LLVMValueRef c = compare_at(cg, env, e, cg_gep(cg, out, bytes_of(cg, hi), ""),
                                cg_gep(cg, out, bytes_of(cg, LLVMBuildSub(cg->b, hi, one, "")), ""));
    LLVMValueRef neg = LLVMBuildICmp(cg->b, LLVMIntSLT, c, cg_i32(cg, 0), "");
    LLVMValueRef first = LLVMBuildICmp(cg->b, LLVMIntEQ, hi, one, "");
    LLVMValueRef desc = cg_select(cg, first, neg, cg_load(cg, cg->t_i1, desc_slot, ""));
    cg_store(cg, desc, desc_slot);
    LLVMBasicBlockRef bb_more = cg_block(cg, "sort.run.more");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, neg, desc, ""), bb_more, done);
    cg_at(cg, bb_more);
    cg_store(cg, LLVMBuildAdd(cg->b, hi, one, ""), hi_slot);
    LLVMBuildBr(cg->b, cond);
    cg_at(cg, done);
    LLVMValueRef run = cg_load(cg, cg->t_i32, hi_slot, "run");
    /* reverseRange(a, 0, run) of a descending run */
    LLVMValueRef tmp = cg_alloca(cg, cg->t_datum, "sort.tmp");
    LLVMValueRef size = cg_i64(cg, (int64_t)cg_datum_size(cg));
    LLVMValueRef lo_slot = cg_alloca(cg, cg->t_i32, "sort.lo");
    cg_store(cg, cg_i32(cg, 0), lo_slot);
    LLVMValueRef half = cg_select(cg, cg_load(cg, cg->t_i1, desc_slot, ""), LLVMBuildLShr(cg->b, run, one, ""),
                                  cg_i32(cg, 0));
    LLVMValueRef lo = sort_loop(cg, lo_slot, half, NULL, &cond, &done, "sort.rev.cond");
    LLVMValueRef pl = cg_gep(cg, out, bytes_of(cg, lo), "");
    LLVMValueRef ph = cg_gep(cg, out, bytes_of(cg, LLVMBuildSub(cg->b, LLVMBuildSub(cg->b, run, lo, ""), one, "")), "");
    LLVMBuildMemCpy(cg->b, tmp, 8, pl, 8, size);
    LLVMBuildMemCpy(cg->b, pl, 8, ph, 8, size);
    LLVMBuildMemCpy(cg->b, ph, 8, tmp, 8, size);
    cg_store(cg, LLVMBuildAdd(cg->b, lo, one, ""), lo_slot);
    LLVMBuildBr(cg->b, cond);
    cg_at(cg, done);
    /* binarySort(a, 0, n, run): each next pivot goes after the last element not greater */
    LLVMValueRef start_slot = cg_alloca(cg, cg->t_i32, "sort.start");
    cg_store(cg, run, start_slot);
    LLVMBasicBlockRef s_cond, s_done;
    LLVMValueRef start = sort_loop(cg, start_slot, n, NULL, &s_cond, &s_done, "sort.ins.cond");
    LLVMBuildMemCpy(cg->b, tmp, 8, cg_gep(cg, out, bytes_of(cg, start), ""), 8, size);
    LLVMValueRef left_slot = cg_alloca(cg, cg->t_i32, "sort.left");
    LLVMValueRef right_slot = cg_alloca(cg, cg->t_i32, "sort.right");
    cg_store(cg, cg_i32(cg, 0), left_slot);
    cg_store(cg, start, right_slot);
    LLVMValueRef left = sort_loop(cg, left_slot, NULL, right_slot, &cond, &done, "sort.bin.cond");
    LLVMValueRef right = cg_load(cg, cg->t_i32, right_slot, "");
    LLVMValueRef mid = LLVMBuildLShr(cg->b, LLVMBuildAdd(cg->b, left, right, ""), one, "mid");
    c = compare_at(cg, env, e, tmp, cg_gep(cg, out, bytes_of(cg, mid), ""));
    LLVMValueRef below = LLVMBuildICmp(cg->b, LLVMIntSLT, c, cg_i32(cg, 0), "");
    cg_store(cg, cg_select(cg, below, mid, right), right_slot);
    cg_store(cg, cg_select(cg, below, left, LLVMBuildAdd(cg->b, mid, one, "")), left_slot);
    LLVMBuildBr(cg->b, cond);
    cg_at(cg, done);
    LLVMValueRef at = cg_load(cg, cg->t_i32, left_slot, "at");
    LLVMValueRef pat = cg_gep(cg, out, bytes_of(cg, at), "");
    LLVMBuildMemMove(cg->b, cg_gep(cg, pat, size, ""), 8, pat, 8, bytes_of(cg, LLVMBuildSub(cg->b, start, at, "")));
    LLVMBuildMemCpy(cg->b, pat, 8, tmp, 8, size);
    cg_store(cg, LLVMBuildAdd(cg->b, start, one, ""), start_slot);
    LLVMBuildBr(cg->b, s_cond);
    cg_at(cg, s_done);
    CgVal r = scalar(arr.null, out);
    r.len = n;
    return r;
}

CgVal cg_array_lambda_fn(CgCtx *cg, const CgEnv *env, const SExpr *e)
{
    CgVal arr = cg_expr(cg, env, e->u.call.args[0]);
    switch (e->u.call.fn) {
    case FN_TRANSFORM:
    case FN_FILTER:
        return transform_filter(cg, env, e, arr);
    case FN_EXISTS:
    case FN_FORALL:
        return exists_forall(cg, env, e, arr);
    case FN_AGGREGATE:
        return aggregate(cg, env, e, arr);
    case FN_ZIP_WITH:
        return zip_with(cg, env, e, arr);
    case FN_ARRAY_SORT:
        return array_sort(cg, env, e, arr);
    FN_CASES_MAP_LAMBDA:
        return cg_map_lambda_fn(cg, env, e, arr);
    default:
        SL_UNREACHABLE();
    }
}
