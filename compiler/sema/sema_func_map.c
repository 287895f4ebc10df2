/* sema_func_map.c - typing of the map functions of functions.def (FN_CASES_MAP: map,
** map_from_arrays, str_to_map, map_keys, map_values, map_entries, map_contains_key,
** map_concat; Spark 3.5's complexTypeCreator.scala and collectionOperations.scala), element_at
** and m[key] of a map (ElementAt, GetMapValue), and the refusals of a MAP where Spark needs an
** orderable type.  sema_func.c dispatches to it.
*/
#include <ctype.h>

#include "sema/sema_int.h"

/* QuotingUtils.quoteIfNeeded: a name other than [a-zA-Z_][a-zA-Z0-9_]* in backticks, its
   backticks doubled. */
static void put_field_name(StrBuf *sb, const char *name)
{
    bool plain = *name && !isdigit((unsigned char)*name);
    for (const char *p = name; *p; p++)
        plain = plain && (isalnum((unsigned char)*p) || *p == '_');
    if (plain) {
        sb_puts(sb, name);
        return;
    }
    sb_putc(sb, '`');
    for (const char *p = name; *p; p++)
        sb_puts(sb, *p == '`' ? "``" : (char[]){*p, 0});
    sb_putc(sb, '`');
}

static void put_sql_type(StrBuf *sb, const Type *t)
{
    if (t->kind == TY_MAP) {
        sb_puts(sb, "MAP<");
        put_sql_type(sb, t->key);
        sb_puts(sb, ", ");
        put_sql_type(sb, t->elem);
        sb_putc(sb, '>');
    } else if (t->kind == TY_ARRAY) {
        sb_puts(sb, "ARRAY<");
        put_sql_type(sb, t->elem);
        sb_putc(sb, '>');
    } else if (t->kind == TY_STRUCT) {
        sb_puts(sb, "STRUCT<");
        for (int i = 0; i < t->n_fields; i++) {
            if (i)
                sb_puts(sb, ", ");
            put_field_name(sb, t->fields[i].name);
            sb_puts(sb, ": ");
            put_sql_type(sb, t->fields[i].type);
        }
        sb_putc(sb, '>');
    } else {
        sb_puts(sb, type_sql_name(sb->arena, t));
    }
}

/* Spark's toSQLType of a type holding a map (DataType.sql: MAP<STRING, INT>,
   STRUCT<m: MAP<STRING, INT>>). */
const char *sema_map_sql_type(Arena *arena, const Type *t)
{
    StrBuf sb;
    sb_init(&sb, arena);
    put_sql_type(&sb, t);
    return sb.data;
}

bool sema_map_refuse_ordering(Binder *b, const Type *t, const char *what, const char *fn_name,
                              SrcSpan span)
{
    if (!type_has_map(t))
        return false;
    diag_error(b->sc->diag, span,
               "[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve \"%s\" due to data type "
               "mismatch: The `%s` does not support ordering on type \"%s\".",
               what, fn_name, sema_sql_type(b, t));
    return true;
}

bool sema_map_refuse_grouping(SemaCtx *sc, const Type *t, const char *expr_sql, SrcSpan span)
{
    if (!type_has_map(t))
        return false;
    /* CheckAnalysis: checkValidGroupingExprs (RowOrdering.isOrderable) */
    diag_error(sc->diag, span,
               "[GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] The expression \"%s\" cannot be used as "
               "a grouping expression because its data type \"%s\" is not an orderable data type.",
               expr_sql, sema_map_sql_type(sc->arena, t));
    return true;
}

bool sema_map_refuse_set_op(SemaCtx *sc, const Type *t, const char *col, SrcSpan span)
{
    if (!type_has_map(t))
        return false;
    /* CheckAnalysis: mapColumnInSetOperation (Distinct, and Deduplicate's keys) */
    diag_error(sc->diag, span,
               "[UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE] The feature is not supported: "
               "Cannot have MAP type columns in DataFrame which calls set operations (INTERSECT, "
               "EXCEPT, etc.), but the type of column `%s` is \"%s\".",
               col, sema_map_sql_type(sc->arena, t));
    return true;
}

/* The key of element_at(m, k), m[k] and map_contains_key(m, k): cast to the map's key type
   (ImplicitCastInputTypes: a NULL, or a value whose wider type with the key's is the key's);
   NULL when it cannot be. */
SExpr *sema_map_key_arg(Binder *b, const Type *map, SExpr *k)
{
    const Type *w = sema_wider_type(b->sc->arena, map->key, k->type);
    if (!w || !type_equal(w, map->key))
        return NULL;
    return sema_coerce(b->sc, k, map->key);
}

bool sema_map_key_common(Binder *b, const AstExpr *e, SExpr **args, SemaCommonFn common)
{
    const Type *m = args[0]->type, *k = args[1]->type;
    const Type *t = common(b->sc->arena, m->key, k);
    if (!t || !sema_can_cast(m->key, t) || sema_cast_force_nullable(m->key, t))
        return sema_mismatch(b, e, e->span, "MAP_FUNCTION_DIFF_TYPES",
                             arena_sprintf(b->sc->arena,
                                           "Input to `%s` should have been \"MAP\" followed by a "
                                           "value with same key type, but it's [\"%s\", \"%s\"].",
                                           sema_func_name((SFunc)sema_func_lookup(e->u.call.name)),
                                           sema_sql_type(b, m), sema_sql_type(b, k)));
    if (!type_equal(t, m->key))
        args[0] = sema_coerce(b->sc, args[0], type_map(b->sc->arena, t, m->elem));
    args[1] = sema_coerce(b->sc, args[1], t);
    return true;
}

static const Type *entries_type(Binder *b, const Type *m)
{
    TypeField f[2] = {{"key", m->key}, {"value", m->elem}};
    return type_array(b->sc->arena, type_struct(b->sc->arena, 2, f));
}

/* CreateMap.checkInputDataTypes: 2n arguments, keys of one type, values of one type
   (FunctionArgumentConversion casts each side to its wider common type first), a key type
   with no MAP in it. */
static bool type_create_map(Binder *b, const AstExpr *e, SExpr **args, int n, const Type **rt)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (n % 2) {
        sema_wrong_num_args(b, e, "map", "2n (n > 0)");
        return false;
    }
    SExpr **side[2];
    const AstExpr **at[2];
    const Type *t[2];
    for (int s = 0; s < 2; s++) {
        side[s] = ARENA_NEW_N(b->sc->arena, SExpr *, n / 2);
        at[s] = ARENA_NEW_N(b->sc->arena, const AstExpr *, n / 2);
        for (int i = 0; i < n / 2; i++)
            side[s][i] = args[2 * i + s], at[s][i] = asts[2 * i + s];
        const Type **types = ARENA_NEW_N(b->sc->arena, const Type *, n / 2 + 1);
        for (int i = 0; i < n / 2; i++)
            types[i] = side[s][i]->type;
        if (sema_wider_fold(b->sc->arena, types, n / 2, sema_wider_type, true, &t[s]) >= 0) {
            StrBuf sb;
            sb_init(&sb, b->sc->arena);
            sb_printf(&sb,
                      "The given %s of function `map` should all be the same type, but they "
                      "are [",
                      s ? "values" : "keys");
            for (int i = 0; i < n / 2; i++)
                sb_printf(&sb, "%s\"%s\"", i ? ", " : "", sema_sql_type(b, side[s][i]->type));
            sb_puts(&sb, "].");
            return sema_mismatch(b, e, e->span,
                                 s ? "CREATE_MAP_VALUE_DIFF_TYPES" : "CREATE_MAP_KEY_DIFF_TYPES",
                                 sb.data);
        }
        for (int i = 0; i < n / 2; i++)
            args[2 * i + s] = sema_coerce(b->sc, side[s][i], t[s]);
    }
    if (type_has_map(t[0]))
        return sema_mismatch(b, e, e->span, "INVALID_MAP_KEY_TYPE",
                             arena_sprintf(b->sc->arena, "The key of map cannot be/contain \"%s\".",
                                           sema_sql_type(b, t[0])));
    *rt = type_map(b->sc->arena, t[0], t[1]);
    return true;
}

/* The typing of the map functions; false after reporting an error. */
bool sema_type_map_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                      int *bad, const char **want)
{
    bool map = n > 0 && args[0]->type->kind == TY_MAP;
    *want = "\"MAP\""; /* MapKeys, MapValues, MapEntries, MapContainsKey: MapType */
    switch (fn) {
    case FN_MAP:
        return type_create_map(b, e, args, n, rt);
    case FN_MAP_FROM_ARRAYS: { /* MapFromArrays(ARRAY<K>, ARRAY<V>): MAP<K, V>
                                  (ExpectsInputTypes ArrayType, ArrayType) */
        *want = "\"ARRAY\"";
        for (int i = 0; *bad < 0 && i < 2; i++)
            if (args[i]->type->kind != TY_ARRAY)
                *bad = i;
        if (*bad >= 0)
            return true;
        const Type *k = args[0]->type->elem;
        if (type_has_map(k))
            return sema_mismatch(b, e, e->span, "INVALID_MAP_KEY_TYPE",
                                 arena_sprintf(b->sc->arena,
                                               "The key of map cannot be/contain \"%s\".",
                                               sema_sql_type(b, k)));
        *rt = type_map(b->sc->arena, k, args[1]->type->elem);
        return true;
    }
    case FN_STR_TO_MAP: /* StringToMap(text, pairDelim = ',', keyValueDelim = ':'):
                           checkInputDataTypes, the delimiters foldable (NON_FOLDABLE_INPUT)
                           before ExpectsInputTypes' STRINGs (not cast; NULL typed STRING) */
        *rt = type_map(b->sc->arena, &type_string, &type_string);
        for (int i = 1; i < n; i++)
            if (!sema_foldable(args[i]))
                return sema_mismatch(
                    b, e, e->span, "NON_FOLDABLE_INPUT",
                    sema_non_foldable_msg(b, i == 1 ? "pairDelim" : "keyValueDelim", "STRING",
                                          sema_expr_sql(b->sc, b->blk, e->u.call.args.items[i]),
                                          false));
        *want = "\"STRING\"";
        for (int i = 0; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_string_only_arg(b, args[i])))
                *bad = i;
        return true; /* a foldable delimiter sema does not fold is a regex the code compiles */
    case FN_MAP_KEYS:
    case FN_MAP_VALUES:
    case FN_MAP_ENTRIES:
        if (!map) {
            *bad = 0;
            return true;
        }
        *rt = fn == FN_MAP_KEYS     ? type_array(b->sc->arena, args[0]->type->key)
              : fn == FN_MAP_VALUES ? type_array(b->sc->arena, args[0]->type->elem)
                                    : entries_type(b, args[0]->type);
        return true;
    case FN_MAP_CONTAINS_KEY: /* MapContainsKey: ArrayContains(MapKeys(m), k) */
        *rt = &type_boolean;
        if (!map) {
            *bad = 0;
            return true;
        }
        if (args[1]->type->kind == TY_NULL) /* MapContainsKey.checkInputDataTypes */
            return sema_mismatch(
                b, e, e->span, "NULL_TYPE",
                "Null typed values cannot be used as arguments of `map_contains_key`.");
        return sema_map_key_common(b, e, args, sema_wider_type_no_string);
    case FN_MAP_FROM_ENTRIES: { /* MapFromEntries(ARRAY<STRUCT<K, V>>): MAP<K, V> */
        const Type *t = args[0]->type, *s = t->kind == TY_ARRAY ? t->elem : NULL;
        if (!s || s->kind != TY_STRUCT || s->n_fields != 2) {
            sema_unexpected_input_type(b, e, 0, "\"ARRAY\" of pair \"STRUCT\"", t);
            return false;
        }
        if (type_has_map(s->fields[0].type))
            return sema_mismatch(b, e, e->span, "INVALID_MAP_KEY_TYPE",
                                 arena_sprintf(b->sc->arena,
                                               "The key of map cannot be/contain \"%s\".",
                                               sema_sql_type(b, s->fields[0].type)));
        *rt = type_map(b->sc->arena, s->fields[0].type, s->fields[1].type);
        return true;
    }
    case FN_MAP_CONCAT: { /* MapConcat: maps of one type (its coercion widens them) */
        for (int i = 0; i < n; i++)
            if (args[i]->type->kind != TY_MAP && args[i]->type->kind != TY_NULL) {
                StrBuf sb; /* MapConcat.checkInputDataTypes: every argument's type */
                sb_init(&sb, b->sc->arena);
                sb_puts(&sb, "The `map_concat` should all be of type map, but it's [");
                for (int j = 0; j < n; j++)
                    sb_printf(&sb, "%s\"%s\"", j ? ", " : "", sema_sql_type(b, args[j]->type));
                sb_puts(&sb, "].");
                return sema_mismatch(b, e, e->span, "MAP_CONCAT_DIFF_TYPES", sb.data);
            }
        const Type *t = sema_unify(b, (SChecked){e, NULL, "map_concat"}, args, n);
        if (!t)
            return false;
        if (t->kind == TY_NULL) {
            *bad = 0;
            return true;
        }
        *rt = t;
        return true;
    }
    default:
        SL_UNREACHABLE();
    }
}
