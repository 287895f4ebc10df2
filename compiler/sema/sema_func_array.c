/* sema_func_array.c - typing of the array functions of functions.def (FN_CASES_ARRAY:
** element_at ... sequence, collectionExpressions.scala) and the array form of concat.
** sema_func.c dispatches to it.
*/
#include "sema/sema_int.h"

/* ==== Arrays: element_at ... slice (collectionExpressions.scala) ==== */

const char *sema_sql_type(Binder *b, const Type *t)
{
    return sema_map_sql_type(b->sc->arena, t);
}

/* array_contains(arr, v) and array_position(arr, v): v and the elements compared in
   TypeCoercion.findWiderTypeWithoutStringPromotionForTwo's type, to which v is cast (the
   elements are cast when read); Spark's messages for a NULL v and for no such type. */
static bool type_array_search(Binder *b, const AstExpr *e, SFunc fn, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    const Type *elem = args[0]->type->elem, *vt = args[1]->type;
    if (vt->kind == TY_NULL && fn == FN_ARRAY_CONTAINS) {
        diag_error(b->sc->diag, asts[1]->span,
                   "Null typed values cannot be used as arguments of `%s`", sema_func_name(fn));
        return false;
    }
    const Type *t = vt->kind == TY_NULL ? NULL : sema_wider_type_no_string(b->sc->arena, elem, vt);
    if (!t || (t->kind != TY_STRUCT && !type_is_numeric(t) && t->kind != TY_DECIMAL &&
               t->kind != TY_STRING && t->kind != TY_BOOLEAN && t->kind != TY_DATE &&
               t->kind != TY_TIMESTAMP && t->kind != TY_BINARY)) {
        diag_error(b->sc->diag, e->span,
                   "Input to `%s` should have been \"ARRAY\" followed by a value with same "
                   "element type, but it's [\"%s\", \"%s\"]",
                   sema_func_name(fn), sema_sql_type(b, args[0]->type), sema_sql_type(b, vt));
        return false;
    }
    args[1] = sema_coerce(b->sc, args[1], t);
    return true;
}

/* array_append(arr, v), array_prepend(arr, v), array_insert(arr, pos, v) (v is args[iv]): arr
   and v cast to ARRAY<T> and T, T the tightest common type of the element type and v's
   (ArrayAppend.inputTypes, ArrayInsert's); Spark's ARRAY_FUNCTION_DIFF_TYPES when there is none
   or arr is no array. */
static bool type_array_pend(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int iv,
                            const Type **rt)
{
    const Type *t = args[0]->type->kind == TY_ARRAY
                        ? sema_tightest_type(b->sc->arena, args[0]->type->elem, args[iv]->type)
                        : NULL;
    if (!t) {
        diag_error(
            b->sc->diag, e->span,
            "[DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] Cannot resolve \"%s\" due to data type "
            "mismatch: Input to `%s` should have been \"ARRAY\" followed by a value with "
            "same element type, but it's [\"%s\", \"%s\"].",
            sema_expr_sql(b->sc, b->blk, e), sema_func_name(fn), sema_sql_type(b, args[0]->type),
            sema_sql_type(b, args[iv]->type));
        return false;
    }
    if (t->kind == TY_NULL) /* array(NULL) and NULL: Spark's VOID elements; kept as STRING */
        t = &type_string;
    *rt = type_array(b->sc->arena, t);
    /* the array keeps its type: code generation casts its elements (cg_array.c) */
    args[iv] = sema_coerce(b->sc, args[iv], t);
    return true;
}

/* array_insert(arr, pos, v) (ArrayInsert.checkInputDataTypes): pos an INT after the implicit
   casts, which apply only when arr is an array, pos an integer narrower than BIGINT (a NULL
   pos is refused) and v has a tightest common type with the elements; then as
   array_append. */
static bool type_array_insert(Binder *b, const AstExpr *e, SExpr **args, const Type **rt)
{
    TypeKind pk = args[1]->type->kind;
    if (args[0]->type->kind == TY_ARRAY && pk != TY_INT) {
        /* sluice's INT holds TINYINT and SMALLINT too: the one integral type ImplicitCast
           casts to INT, so a pos of another type is refused as Spark refuses it */
        sema_unexpected_input_type(b, e, 1, "\"INT\"", args[1]->type);
        return false;
    }
    return type_array_pend(b, e, FN_ARRAY_INSERT, args, 2, rt);
}

void sema_unexpected_input_type(Binder *b, const AstExpr *e, int i, const char *want,
                                const Type *got)
{
    sema_unexpected_input(b, (SChecked){e, NULL, NULL}, i + 1, want, e->u.call.args.items[i], got);
}

/* An element type the array functions read as a scalar: numbers, strings, booleans, times. */
bool sema_is_atomic_elem(const Type *t)
{
    return type_is_numeric(t) || t->kind == TY_DECIMAL || t->kind == TY_STRING ||
           t->kind == TY_BOOLEAN || t->kind == TY_DATE || t->kind == TY_TIMESTAMP;
}

/* The typing of the array functions; false after reporting an error. */
/* Sequence.checkInputDataTypes' DATATYPE_MISMATCH.SEQUENCE_WRONG_INPUT_TYPES of e; false. */
static bool sequence_wrong_types(Binder *b, const AstExpr *e)
{
    return sema_mismatch(
        b, e, e->span, "SEQUENCE_WRONG_INPUT_TYPES",
        "`sequence` uses the wrong parameter type. The parameter type must conform to: 1. The "
        "start and stop expressions must resolve to the same type. 2. If start and stop "
        "expressions resolve to the (\"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"DATE\") type, then "
        "the step expression must resolve to the (\"INTERVAL\" or \"INTERVAL YEAR TO MONTH\" or "
        "\"INTERVAL DAY TO SECOND\") type. 3. Otherwise, if start and stop expressions resolve "
        "to the \"INTEGRAL\" type, then the step expression must resolve to the same type.");
}

/* sequence(start, stop[, step]): TypeCoercion's Sequence rule casts start, stop and a step
   that is no interval to their findWiderCommonType (sequence(1Y, 5Y) is ARRAY<TINYINT>,
   sequence(1, 5, 2L) ARRAY<BIGINT>); then integers with an integer step, or dates or
   timestamps with an interval step, else SEQUENCE_WRONG_INPUT_TYPES. */
static bool type_sequence(Binder *b, const AstExpr *e, SExpr **args, int n, const Type **rt)
{
    TypeKind k0 = args[0]->type->kind, k1 = args[1]->type->kind;
    bool dates = k0 == TY_DATE || k1 == TY_DATE, stamps = k0 == TY_TIMESTAMP || k1 == TY_TIMESTAMP;
    if (dates || stamps) {
        const Type *t = stamps ? &type_timestamp : &type_date;
        for (int i = 0; i < 2; i++) {
            TypeKind k = args[i]->type->kind;
            if (k != TY_DATE && k != TY_TIMESTAMP && k != TY_NULL)
                return sequence_wrong_types(b, e);
            args[i] = sema_coerce(b->sc, args[i], t);
        }
        if (n > 2 && args[2]->type->kind == TY_YM_INTERVAL) { /* PeriodSequenceImpl */
            *rt = type_array(b->sc->arena, t);
            return true;
        }
        if (n > 2 && args[2]->type->kind != TY_INTERVAL)
            return sequence_wrong_types(b, e);
        if (n > 2 && !stamps &&
            !(args[2]->kind == SX_CONST && !args[2]->u.value.is_null &&
              args[2]->u.value.i % 86400000000LL == 0)) {
            diag_error(b->sc->diag, e->u.call.args.items[2]->span,
                       "sequence of dates: the step must be a constant interval of whole days in "
                       "sluice");
            return false;
        }
        *rt = type_array(b->sc->arena, t);
        return true;
    }
    const Type *t = NULL;
    for (int i = 0; i < n; i++) {
        const Type *ti = args[i]->type;
        if (type_is_integral(ti))
            t = t ? sema_wider_type(b->sc->arena, t, ti) : ti;
        else if (ti->kind != TY_NULL)
            return sequence_wrong_types(b, e);
    }
    if (!t)
        t = &type_int;
    for (int i = 0; i < n; i++)
        args[i] = sema_coerce(b->sc, args[i], t);
    *rt = type_array(b->sc->arena, t);
    return true;
}

bool sema_type_array_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                          const Type **rt, int *bad, const char **want)
{
    bool arr = args[0]->type->kind == TY_ARRAY;
    *want = "an array";
    switch (fn) {
    /* ElementAt.inputTypes and checkInputDataTypes */
    case FN_ELEMENT_AT:
        if (args[0]->type->kind == TY_MAP) { /* ElementAt(MAP<K, V>, K): V, NULL if absent */
            *rt = args[0]->type->elem;
            return sema_map_key_common(b, e, args, sema_tightest_type);
        }
        *want = "(\"ARRAY\" or \"MAP\")";
        if (!arr) {
            *bad = 0;
            return true;
        }
        *rt = args[0]->type->elem;
        /* (ArrayType, IntegralType but LongType): the index cast to INT; a BIGINT, a NULL or
           any other type is refused */
        if (type_is_int32(args[1]->type))
            args[1] = sema_coerce(b->sc, args[1], &type_int);
        else
            *bad = 1, *want = "\"INT\"";
        return true;
    case FN_ARRAY_CONTAINS:
    case FN_ARRAY_POSITION:
        *rt = fn == FN_ARRAY_CONTAINS ? &type_boolean : &type_bigint;
        if (!arr) {
            *bad = 0;
            return true;
        }
        return type_array_search(b, e, fn, args);
    case FN_ARRAY_SIZE: /* ArraySize: Size(child, legacySizeOfNull = false) */
        *rt = &type_int;
        if (args[0]->type->kind == TY_NULL)
            args[0] = sema_coerce(b->sc, args[0], type_array(b->sc->arena, &type_string));
        else if (!arr)
            *bad = 0;
        return true;
    case FN_ARRAY_JOIN: /* ArrayJoin(ARRAY<STRING>, STRING[, STRING]), ExpectsInputTypes: an
                           array of other atomic values is cast to ARRAY<STRING> (TypeCoercion's
                           ArrayJoin rule), the delimiter and replacement are not cast */
        *rt = &type_string;
        if (arr && args[0]->type->elem->kind == TY_NULL) /* implicitCast(NullType, StringType) */
            args[0] = sema_coerce(b->sc, args[0], type_array(b->sc->arena, &type_string));
        if (!arr || !sema_is_atomic_elem(args[0]->type->elem))
            *bad = 0, *want = "\"ARRAY<STRING>\"";
        for (int i = 1; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_string_only_arg(b, args[i])))
                *bad = i, *want = "\"STRING\"";
        return true;
    case FN_ARRAY_MAX:
    case FN_ARRAY_MIN:
        if (!arr) {
            *bad = 0;
            return true;
        }
        /* ArrayMax, ArrayMin: TypeUtils.checkForOrderingExpr(elementType) */
        *rt = args[0]->type->elem;
        if (sema_map_refuse_ordering(b, *rt, sema_expr_sql(b->sc, b->blk, e), sema_func_name(fn),
                                     e->span))
            return false;
        if (!sema_is_atomic_elem(*rt) && (*rt)->kind != TY_BINARY && (*rt)->kind != TY_NULL &&
            !sema_nested_comparable(*rt, *rt))
            *bad = 0, *want = "an array of orderable values";
        return true;
    case FN_SORT_ARRAY: /* SortArray.checkInputDataTypes: an ARRAY (else UNEXPECTED_INPUT_TYPE)
                           of orderable elements (RowOrdering.isOrderable; else
                           INVALID_ORDERING_TYPE of the array), then the order a BOOLEAN
                           literal (a column or NULL too is UNEXPECTED_INPUT_TYPE) */
        if (!arr) {
            *bad = 0, *want = "\"ARRAY\"";
            return true;
        }
        if (sema_map_refuse_ordering(b, args[0]->type, sema_expr_sql(b->sc, b->blk, e),
                                     sema_func_name(fn), e->span))
            return false;
        /* fall through */
    case FN_ARRAY_DISTINCT:
        if (!arr || !(sema_is_atomic_elem(args[0]->type->elem) ||
                      args[0]->type->elem->kind == TY_NULL || /* array(): NullType orders */
                      (fn == FN_SORT_ARRAY &&
                       sema_nested_comparable(args[0]->type->elem, args[0]->type->elem)))) {
            *bad = 0;
            *want = fn == FN_SORT_ARRAY
                        ? "an array of numbers, strings, booleans, times, structs or arrays"
                        : "an array of numbers, strings, booleans or times";
            return true;
        }
        *rt = args[0]->type;
        if (fn == FN_SORT_ARRAY && n > 1 && e->u.call.args.items[1]->kind != AST_BOOL) {
            /* ImplicitTypeCasts types a NULL BOOLEAN (ExpectsInputTypes) */
            const Type *t = args[1]->type->kind == TY_NULL ? &type_boolean : args[1]->type;
            return sema_unexpected_input(b, sema_checked_call(b, e, fn), 2, "\"BOOLEAN\"",
                                         e->u.call.args.items[1], t);
        }
        return true;
    case FN_SLICE: /* Slice(ARRAY, INT, INT), ImplicitCastInputTypes */
        if (!arr) {
            *bad = 0, *want = "\"ARRAY\"";
            return true;
        }
        *rt = args[0]->type;
        for (int i = 1; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "\"INT\"";
        return true;
    case FN_ARRAY_REPEAT: /* ArrayRepeat(any, INT), ExpectsInputTypes: the count an INT (not
                             cast; NULL typed INT): ARRAY of the element's type */
        *rt = type_array(b->sc->arena, args[0]->type);
        if (args[1]->type->kind == TY_NULL)
            args[1] = sema_coerce(b->sc, args[1], &type_int);
        else if (args[1]->type->kind != TY_INT)
            *bad = 1, *want = "\"INT\"";
        return true;
    case FN_FLATTEN: /* Flatten(ARRAY<ARRAY<T>>): ARRAY<T> (checkInputDataTypes) */
        if (!arr || args[0]->type->elem->kind != TY_ARRAY) {
            *bad = 0, *want = "\"ARRAY\" of \"ARRAY\"";
            return true;
        }
        *rt = args[0]->type->elem;
        return true;
    case FN_ARRAY_REMOVE: { /* ArrayRemove(ARRAY<T>, T): the value cast to the element type */
        if (!arr) {
            *bad = 0;
            return true;
        }
        const Type *el = args[0]->type->elem, *w = sema_wider_type(b->sc->arena, el, args[1]->type);
        if (el->kind == TY_NULL && sema_is_atomic_elem(args[1]->type)) {
            /* inputTypes: ARRAY<findTightestCommonType(NullType, T)>, ARRAY<T> */
            args[0] = sema_coerce(b->sc, args[0], type_array(b->sc->arena, args[1]->type));
            el = w = args[1]->type;
        }
        *rt = args[0]->type;
        if (w && type_equal(w, el) && (sema_is_atomic_elem(el) || el->kind == TY_NULL))
            args[1] = sema_coerce(b->sc, args[1], el);
        else
            *bad = 1, *want = arena_sprintf(b->sc->arena, "a value of the array's element type %s",
                                           type_name(b->sc->arena, el));
        return true;
    }
    case FN_ARRAY_APPEND: /* ArrayAppend(ARRAY<T>, U), ArrayPrepend (ArrayInsert at 1) */
    case FN_ARRAY_PREPEND:
        if (!arr) {
            *bad = 0;
            return true;
        }
        return type_array_pend(b, e, fn, args, 1, rt);
    case FN_ARRAY_INSERT:
        return type_array_insert(b, e, args, rt);
    case FN_ARRAYS_ZIP: { /* ArraysZip: ARRAY<STRUCT<...>>, a field per array, named as the
                             column it is (the last name part) or else by its position from 0 */
        TypeField *f = ARENA_NEW_N(b->sc->arena, TypeField, n);
        for (int i = 0; i < n; i++) {
            if (args[i]->type->kind != TY_ARRAY) {
                *bad = i;
                return true;
            }
            const AstExpr *x = e->u.call.args.items[i];
            f[i].name = x->kind == AST_COLUMN ? x->u.name.parts[x->u.name.n - 1]
                                              : arena_sprintf(b->sc->arena, "%d", i);
            f[i].type = args[i]->type->elem;
        }
        *rt = type_array(b->sc->arena, type_struct(b->sc->arena, n, f));
        return true;
    }
    case FN_ARRAY_COMPACT: /* ArrayCompact: ArrayFilter(arr, x -> x IS NOT NULL) */
        if (!arr)
            *bad = 0;
        *rt = args[0]->type;
        return true;
    case FN_ARRAY_UNION: /* ArrayUnion, ArrayIntersect, ArrayExcept: ARRAY<T> of two */
    case FN_ARRAY_INTERSECT:
    case FN_ARRAY_EXCEPT:
    case FN_ARRAYS_OVERLAP: { /* ArraysOverlap(ARRAY<T>, ARRAY<T>): BOOLEAN */
        *rt = &type_boolean;
        const Type *t;
        const Type *types[] = {args[0]->type, args[1]->type};
        bool arrays = true;
        for (int i = 0; i < 2; i++)
            arrays = arrays && (types[i]->kind == TY_ARRAY || types[i]->kind == TY_NULL);
        if (!arrays || sema_wider_fold(b->sc->arena, types, 2, sema_tightest_type, false, &t) >= 0)
            /* BinaryArrayExpressionWithImplicitCast: the elements cast to their
               findTightestCommonType, else BINARY_ARRAY_DIFF_TYPES */
            return sema_mismatch(
                b, e, e->span, "BINARY_ARRAY_DIFF_TYPES",
                arena_sprintf(b->sc->arena,
                              "Input to function `%s` should have been two \"ARRAY\" with same "
                              "element type, but it's [\"%s\", \"%s\"].",
                              sema_func_name(fn), sema_sql_type(b, types[0]),
                              sema_sql_type(b, types[1])));
        args[0] = sema_coerce(b->sc, args[0], t);
        args[1] = sema_coerce(b->sc, args[1], t);
        if (t->kind == TY_NULL) {
            t = type_array(b->sc->arena, &type_null);
            args[0] = sema_coerce(b->sc, args[0], t);
            args[1] = sema_coerce(b->sc, args[1], t);
        }
        if (!sema_is_atomic_elem(t->elem) && t->elem->kind != TY_NULL) {
            *bad = 0, *want = "an array of numbers, strings, booleans or times";
            return true;
        }
        if (fn != FN_ARRAYS_OVERLAP)
            *rt = t;
        return true;
    }
    case FN_SEQUENCE: /* Sequence(start, stop[, step]) of integers (the widest), or of DATE
                         or TIMESTAMP stepping by an INTERVAL (1 day by default) */
        return type_sequence(b, e, args, n, rt);
    default:
        SL_UNREACHABLE();
    }
}

/* Is concat(args) Concat's array form: an ARRAY among the arguments, the others ARRAY or
   NULL? */
bool sema_concat_of_arrays(SExpr **args, int n)
{
    bool any = false;
    for (int i = 0; i < n; i++) {
        if (args[i]->type->kind == TY_ARRAY)
            any = true;
        else if (args[i]->type->kind != TY_NULL)
            return false;
    }
    return any;
}
