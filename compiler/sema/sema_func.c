/* sema_func.c - typing of the scalar functions of functions.def: by signature class, or by
** the function's own case when its class is SPECIAL.  type_special lists every SPECIAL
** function; the date and time, math and array rules it dispatches to are in sema_func_date.c,
** sema_func_math.c and sema_func_array.c, the TRY functions in sema_func_try.c.
** functions.def stays the one registry of functions.
**
** Arguments are bound first; each rule then converts them (an explicit SX_CAST, as the
** operators do) and gives the result type.  A wrong argument is reported once, as
** "function 'f' expects <what> as argument <i>, but 'x' is of type t".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_regex.h"
#include "front/parse.h"
#include "sema/sema_int.h"

/* ==== Argument conversions ==== */

/* The operand types ImplicitTypeCasts casts to an integral input type: numbers, strings and
   NULL. */
static bool fn_integral_castable(const SExpr *e)
{
    switch (e->type->kind) {
    case TY_NULL:
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT:
    case TY_FLOAT:
    case TY_DOUBLE:
    case TY_DECIMAL:
    case TY_STRING:
        return true;
    default:
        return false;
    }
}

/* An INT operand (substring positions, indexes, limits): numbers and strings are cast. */
SExpr *sema_fn_int_arg(Binder *b, SExpr *e)
{
    if (e->type->kind == TY_INT)
        return e;
    return fn_integral_castable(e) ? sema_coerce(b->sc, e, &type_int) : NULL;
}

/* A BIGINT operand (Bin's input, WidthBucket's numBucket: LongType): numbers and strings are
   cast straight to BIGINT, a BIGINT keeps its 64 bits. */
SExpr *sema_fn_long_arg(Binder *b, SExpr *e)
{
    if (e->type->kind == TY_BIGINT)
        return e;
    return fn_integral_castable(e) ? sema_coerce(b->sc, e, &type_bigint) : NULL;
}

/* A numeric operand of round/floor/ceil: STRING and NULL are read as DOUBLE. */
SExpr *sema_fn_numeric_arg(Binder *b, SExpr *e)
{
    if (type_is_numeric(e->type))
        return e;
    if (e->type->kind == TY_STRING || e->type->kind == TY_NULL)
        return sema_coerce(b->sc, e, &type_double);
    return NULL;
}

/* A DOUBLE operand of the math functions (Spark's ImplicitCastInputTypes to DoubleType):
   numbers, STRING and NULL are cast. */
SExpr *sema_fn_double_arg(Binder *b, SExpr *e)
{
    if (e->type->kind == TY_DECIMAL) /* ImplicitTypeCasts: DecimalType to DoubleType */
        return sema_coerce(b->sc, e, &type_double);
    if (!(e = sema_fn_numeric_arg(b, e)))
        return NULL;
    return sema_coerce(b->sc, e, &type_double);
}

/* Convert every argument with conv; *bad is the first that cannot be. */
void sema_fn_convert_all(Binder *b, SExpr **args, int n, SExpr *(*conv)(Binder *, SExpr *), int *bad)
{
    for (int i = 0; *bad < 0 && i < n; i++)
        if (!(args[i] = conv(b, args[i])))
            *bad = i;
}

/* ==== The special functions ==== */

bool sema_fn_is_string_const(const SExpr *e)
{
    return e->kind == SX_CONST && !e->u.value.is_null && e->type->kind == TY_STRING;
}

/* A constant pattern of regexp_extract/split/regexp_replace must be one the runtime
   accepts (the same common/cm_regex.c compiles it there); *groups gets Java's group
   count (-1 when the pattern is not a constant).  With rep, a constant replacement of
   regexp_replace is checked too: Java's Matcher.appendReplacement would throw at the
   first match (Spark fails the query then; sluice refuses it here). */
static bool check_pattern(Binder *b, const AstExpr *at, const SExpr *pat, int *groups,
                          const AstExpr *rep_at, const SExpr *rep)
{
    *groups = -1;
    if (!sema_fn_is_string_const(pat))
        return true;
    char err[256];
    CmRegex *re = cm_regex_compile(pat->u.value.s, pat->u.value.n, err, sizeof err);
    if (!re) {
        diag_error(b->sc->diag, at->span, "invalid regular expression '%s': %s", pat->u.value.s,
                   err);
        return false;
    }
    *groups = cm_regex_groups(re);
    bool ok = !rep || !sema_fn_is_string_const(rep) ||
              cm_regex_expand(re, rep->u.value.s, rep->u.value.n, NULL, NULL, NULL, NULL, err,
                              sizeof err) == 0;
    cm_regex_free(re);
    if (!ok)
        diag_error(b->sc->diag, rep_at->span, "regexp_replace: invalid replacement '%s': %s",
                   rep->u.value.s, err);
    return ok;
}

/* The arguments of a regular expression function: n_str STRINGs, then an optional INT.
   False with *bad and *want set when one cannot be converted. */
static bool regex_args(Binder *b, SExpr **args, int n, int n_str, int *bad, const char **want)
{
    for (int i = 0; *bad < 0 && i < n_str; i++)
        if (!(args[i] = sema_to_string(b, args[i])))
            *bad = i, *want = "\"STRING\"";
    if (*bad < 0 && n > n_str && !(args[n_str] = sema_fn_int_arg(b, args[n_str])))
        *bad = n_str, *want = "\"INT\"";
    return *bad < 0;
}

/* The columns of `CREATE SOURCE s (<cols>)` with cols the text given, or NULL (a syntax
   error, whose message goes to msg). */
static const AstStmt *ddl_columns(Binder *b, const char *prefix, const char *text, char *msg, size_t cap)
{
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    sb_printf(&sb, "CREATE SOURCE s (%s%s) WITH (connector = 'files');", prefix, text);
    SrcFile *f = srcfile_from_text(b->sc->arena, "schema", sb.data, sb.len);
    char *out = NULL;
    size_t out_n = 0;
    FILE *mem = open_memstream(&out, &out_n);
    if (!mem)
        return NULL;
    Diag d;
    diag_init(&d, f, mem);
    d.format = DIAG_MACHINE;
    AstScript *sc = parse_script(b->sc->arena, &d, f);
    fclose(mem);
    const char *m = out ? strrchr(out, '|') : NULL; /* error|file|line|col|message */
    snprintf(msg, cap, "%.*s", m ? (int)strcspn(m + 1, "\n") : 0, m ? m + 1 : "");
    free(out);
    if (!sc || sc->n_stmts != 1 || sc->stmts[0]->n_columns == 0)
        return NULL;
    return sc->stmts[0];
}

/* from_json's schema (ExprUtils.evalTypeExpr, DataType.fromDDL): a string literal with a
   type ('STRUCT<a: INT>') or a column list ('a INT, b STRING'); it must be a struct here
   (Spark also takes an array or a map). */
bool sema_json_map_keys(const Type *t)
{
    if (t->kind == TY_MAP)
        return t->key->kind == TY_STRING && sema_json_map_keys(t->elem);
    if (t->kind == TY_ARRAY)
        return sema_json_map_keys(t->elem);
    for (int i = 0; t->kind == TY_STRUCT && i < t->n_fields; i++)
        if (!sema_json_map_keys(t->fields[i].type))
            return false;
    return true;
}

/* ExprUtils.checkJsonSchema: false after Spark's message when a MAP in schema t has keys of
   another type than STRING. */
static bool json_map_keys_ok(Binder *b, const AstExpr *at, const Type *t)
{
    if (sema_json_map_keys(t))
        return true;
    diag_error(b->sc->diag, at->span,
               "[DATATYPE_MISMATCH.INVALID_JSON_MAP_KEY_TYPE] Cannot resolve \"%s\" due to "
               "data type mismatch: Input schema \"%s\" can only contain \"STRING\" as a key "
               "type for a \"MAP\".",
               sema_expr_sql(b->sc, b->blk, at), sema_map_sql_type(b->sc->arena, t));
    return false;
}

const Type *sema_fn_ddl_type(Binder *b, const AstExpr *at, const SExpr *schema, const char *fn)
{
    if (!sema_fn_is_string_const(schema)) { /* QueryCompilationErrors.unexpectedSchemaTypeError */
        diag_error(b->sc->diag, at->span,
                   "[INVALID_SCHEMA.NON_STRING_LITERAL] The input schema \"%s\" is not a valid "
                   "schema string. The input expression must be string literal and not null.",
                   sema_expr_sql(b->sc, b->blk, at));
        return NULL;
    }
    const char *text = schema->u.value.s;
    char msg[256], msg2[256];
    const AstStmt *one = ddl_columns(b, "c ", text, msg2, sizeof msg2);
    if (one && one->n_columns == 1)
        return one->columns[0].type;
    const AstStmt *cols = ddl_columns(b, "", text, msg, sizeof msg);
    if (!cols) {
        diag_error(b->sc->diag, at->span, "%s: cannot parse the schema '%s': %s", fn, text, msg);
        return NULL;
    }
    TypeField *f = ARENA_NEW_N(b->sc->arena, TypeField, cols->n_columns);
    for (int i = 0; i < cols->n_columns; i++)
        f[i] = (TypeField){cols->columns[i].name, cols->columns[i].type};
    return type_struct(b->sc->arena, cols->n_columns, f);
}

/* Spark's DATATYPE_MISMATCH and WRONG_NUM_ARGS errors of a call (sema_int.h). */
bool sema_mismatch_sql(Binder *b, SrcSpan at, const char *sql, const char *sub, const char *msg)
{
    diag_error(b->sc->diag, at,
               "[DATATYPE_MISMATCH.%s] Cannot resolve \"%s\" due to data type mismatch: %s", sub,
               sql, msg);
    return false;
}

bool sema_mismatch(Binder *b, const AstExpr *e, SrcSpan at, const char *sub, const char *msg)
{
    return sema_mismatch_sql(b, at, sema_expr_sql(b->sc, b->blk, e), sub, msg);
}

static const char *checked_sql(Binder *b, SChecked who)
{
    return who.sql ? who.sql : sema_expr_sql(b->sc, b->blk, who.e);
}

/* Whether Spark lists the types of fn's DATA_DIFF_TYPES as ["A", "B"]: the expressions that
   check themselves (If, CaseWhen, Greatest, Least, In); the others call
   TypeUtils.checkForSameTypeInputExpr, which lists them as ("A" or "B") (Coalesce,
   CreateArray, Concat, MapConcat, Overlay ...). */
static bool diff_types_bracketed(const char *fn)
{
    static const char *const own[] = {"casewhen", "if", "greatest", "least", "in"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (strcmp(fn, own[i]) == 0)
            return true;
    return false;
}

bool sema_diff_types(Binder *b, SChecked who, const Type *const *types, int n)
{
    bool bracketed = diff_types_bracketed(who.fn);
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    sb_printf(&sb, "Input to `%s` should all be the same type, but it's %c", who.fn,
              bracketed ? '[' : '(');
    const char *sep = bracketed ? ", " : " or ";
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s\"%s\"", i ? sep : "", sema_sql_type(b, types[i]));
    sb_puts(&sb, bracketed ? "]." : ").");
    return sema_mismatch_sql(b, who.e->span, checked_sql(b, who), "DATA_DIFF_TYPES", sb.data);
}

bool sema_unexpected_input(Binder *b, SChecked who, int i, const char *want, const AstExpr *arg,
                           const Type *t)
{
    const char *msg = arena_sprintf(
        b->sc->arena, "Parameter %d requires the %s type, however \"%s\" has the type \"%s\".", i,
        want, sema_expr_sql(b->sc, b->blk, arg), sema_sql_type(b, t));
    return sema_mismatch_sql(b, arg->span, checked_sql(b, who), "UNEXPECTED_INPUT_TYPE", msg);
}

SChecked sema_checked_call(Binder *b, const AstExpr *e, SFunc fn)
{
    SChecked who = {e, NULL, sema_func_name(fn)};
    if (fn == FN_MAKE_TIMESTAMP_LTZ || fn == FN_MAKE_TIMESTAMP_NTZ) {
        /* RuntimeReplaceable by MakeTimestamp(..., dataType), which checks the arguments */
        StrBuf sb;
        sb_init(&sb, b->sc->arena);
        sb_puts(&sb, "make_timestamp(");
        for (int i = 0; i < e->u.call.args.n; i++)
            sb_printf(&sb, "%s%s", i ? ", " : "",
                      sema_expr_sql(b->sc, b->blk, e->u.call.args.items[i]));
        sb_putc(&sb, ')');
        who.sql = sb.data;
        who.fn = "make_timestamp";
    }
    return who;
}

bool sema_is_spark_type_text(const char *want)
{
    return want && (want[0] == '"' || want[0] == '(');
}

const char *sema_non_foldable_msg(Binder *b, const char *input, const char *type, const char *sql,
                                  bool cast)
{
    if (cast)
        sql = arena_sprintf(b->sc->arena, "CAST(%s AS %s)", sql, type);
    return arena_sprintf(b->sc->arena,
                         "the input %s should be a foldable \"%s\" expression; however, got "
                         "\"%s\".",
                         input, type, sql);
}

const char *sema_sql_string_value(Arena *arena, const char *v)
{
    StrBuf sb;
    sb_init(&sb, arena);
    sb_putc(&sb, '\'');
    for (; *v; v++) {
        if (*v == '\\' || *v == '\'')
            sb_putc(&sb, '\\');
        sb_putc(&sb, *v);
    }
    sb_putc(&sb, '\'');
    return sb.data;
}

/* JsonToStructs.checkInputDataTypes and StructsToJson's: DATATYPE_MISMATCH.INVALID_JSON_SCHEMA
   of the call e over the type t; false. */
static bool invalid_json_schema(Binder *b, const AstExpr *e, const Type *t)
{
    return sema_mismatch(b, e, e->span, "INVALID_JSON_SCHEMA",
                         arena_sprintf(b->sc->arena,
                                       "Input schema \"%s\" must be a struct, an array or a map.",
                                       sema_sql_type(b, t)));
}

static const Type *from_json_schema(Binder *b, const AstExpr *e, const AstExpr *at,
                                    const SExpr *schema)
{
    const Type *t = sema_fn_ddl_type(b, at, schema, "from_json");
    if (!t)
        return NULL;
    if (!json_map_keys_ok(b, at, t))
        return NULL;
    if (t->kind == TY_MAP || t->kind == TY_ARRAY)
        return t;
    if (t->kind != TY_STRUCT)
        return invalid_json_schema(b, e, t), NULL;
    return t;
}

/* regexp_extract(s, pattern[, group]) and split(s, pattern[, limit]). */
static bool type_regex(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, int *bad,
                       const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    int groups;
    if (!regex_args(b, args, n, 2, bad, want))
        return true;
    if (!check_pattern(b, asts[1], args[1], &groups, NULL, NULL))
        return false;
    bool extract = fn == FN_REGEXP_EXTRACT || fn == FN_REGEXP_EXTRACT_ALL;
    const char *name = sema_func_name(fn);
    if (extract && groups >= 0 && n > 2 && args[2]->kind == SX_CONST &&
        !args[2]->u.value.is_null) {
        int64_t idx = args[2]->u.value.i;
        if (idx < 0) {
            diag_error(b->sc->diag, asts[2]->span,
                       "%s: the specified group index cannot be less than zero", name);
            return false;
        }
        if (idx > groups) {
            diag_error(b->sc->diag, asts[2]->span,
                       "%s: regex group count is %d, but the specified group index is %lld",
                       name, groups, (long long)idx);
            return false;
        }
    }
    if (extract && groups == 0 && n == 2) {
        diag_error(b->sc->diag, e->span,
                   "%s: regex group count is 0, but the specified group index is 1", name);
        return false;
    }
    return true;
}

/* regexp_replace(s, pattern, rep[, position]), RegExpReplace: STRING arguments and an INT
   position that must be foldable and positive (checkInputDataTypes); a NULL position
   gives NULL. */
static bool type_regexp_replace(Binder *b, const AstExpr *e, SExpr **args, int n, int *bad,
                                const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    int groups;
    if (!regex_args(b, args, n, 3, bad, want))
        return true;
    if (n > 3 && args[3]->kind != SX_CONST) {
        diag_error(b->sc->diag, asts[3]->span,
                   "regexp_replace: the position must be a constant (Spark: position "
                   "expression must be foldable)");
        return false;
    }
    if (n > 3 && !args[3]->u.value.is_null && args[3]->type->kind != TY_NULL &&
        args[3]->u.value.i <= 0) {
        diag_error(b->sc->diag, asts[3]->span,
                   "regexp_replace: position expression must be positive, but got: %lld",
                   (long long)args[3]->u.value.i);
        return false;
    }
    return check_pattern(b, asts[1], args[1], &groups, asts[2], args[2]);
}

/* ==== concat_ws ... get_json_object ====
   Spark 3.5: stringExpressions.scala (ConcatWs, StringLPad, StringRPad, StringRepeat,
   Reverse, InitCap, StringInstr, StringLocate), datetimeExpressions.scala (CurrentDate via
   CurrentBatchTimestamp, ParseToDate, TruncTimestamp, DateDiff; DateAdd and DateSub are
   sema_func_date.c's) and jsonExpressions.scala (GetJsonObject, LengthOfJsonArray,
   JsonObjectKeys). */

SExpr *sema_fn_string_only_arg(Binder *b, SExpr *e)
{
    if (e->type->kind == TY_STRING)
        return e;
    return e->type->kind == TY_NULL ? sema_coerce(b->sc, e, &type_string) : NULL;
}

/* concat_ws(sep, s...): ConcatWs.inputTypes, StringType then TypeCollection(ArrayType(
   StringType), StringType) (other atomic values are cast to STRING). */
static void type_concat_ws(Binder *b, SExpr **args, int n, int *bad, const char **want)
{
    for (int i = 0; *bad < 0 && i < n; i++) {
        const Type *t = args[i]->type;
        if (i > 0 && t->kind == TY_ARRAY && t->elem->kind == TY_STRING)
            continue;
        if (!(args[i] = sema_to_string(b, args[i])))
            *bad = i, *want = i ? "(\"ARRAY<STRING>\" or \"STRING\")" : "\"STRING\"";
    }
}

/* A BINARY operand of the hash functions (Md5, Sha1, Sha2, Crc32, Base64: inputTypes
   BinaryType): a BINARY, or a STRING's bytes (ImplicitTypeCasts casts only STRING to
   BINARY); NULL if neither. */
SExpr *sema_fn_bytes_arg(Binder *b, SExpr *e)
{
    TypeKind k = e->type->kind;
    if (k == TY_BINARY || k == TY_STRING)
        return e;
    return k == TY_NULL ? sema_coerce(b->sc, e, &type_binary) : NULL;
}

/* negative(x) and positive(x): Spark's UnaryMinus and UnaryPositive, bound as -x and +x. */
static SExpr *bind_sign_fn(Binder *b, const AstExpr *e, SFunc fn)
{
    AstExpr *u = ast_expr_new(b->sc->arena, AST_UNARY, e->span);
    u->u.unary.op = fn == FN_NEGATIVE ? UOP_NEG : UOP_PLUS;
    u->u.unary.arg = e->u.call.args.items[0];
    /* UnaryMinus.sql with FunctionRegistry's alias "negative": negative(x) */
    const AstExpr *outer = b->op_call;
    b->op_call = fn == FN_NEGATIVE ? e : NULL;
    SExpr *r = sema_bind_expr(b, u);
    b->op_call = outer;
    return r;
}


/* ==== Functions bound as other expressions (class REPLACED) ==== */

/* Spark's If(cond, a, x) as CASE WHEN cond THEN a ELSE x END, a and x cast to their common
   type (else If's DATA_DIFF_TYPES, under the SQL text sql: NULL for e's own). */
static SExpr *if_case(Binder *b, const AstExpr *e, const char *sql, SExpr *cond, SExpr *a, SExpr *x)
{
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, 2);
    whens[0] = cond;
    vals[0] = a, vals[1] = x;
    return sema_new_case(b, (SChecked){e, sql, "if"}, whens, vals, 1, true, e->span);
}

static SExpr *is_null_of(Binder *b, SExpr *x, bool negated, SrcSpan span)
{
    SExpr *r = sema_new_expr(b->sc, SX_IS_NULL, &type_boolean, span);
    r->u.is_null.arg = x;
    r->u.is_null.negated = negated;
    return r;
}

/* Elt.checkInputDataTypes of values that are not all STRING or BINARY after the casts:
   UNEXPECTED_INPUT_TYPE of "2...", every value and its type listed; NULL. */
static SExpr *elt_refuse(Binder *b, const AstExpr *e, SExpr **vals, int n)
{
    StrBuf sql, types;
    sb_init(&sql, b->sc->arena);
    sb_init(&types, b->sc->arena);
    for (int i = 0; i < n; i++) {
        sb_printf(&sql, "%s\"%s\"", i ? "," : "",
                  sema_expr_sql(b->sc, b->blk, e->u.call.args.items[i + 1]));
        sb_printf(&types, "%s\"%s\"", i ? "," : "", sema_sql_type(b, vals[i]->type));
    }
    sema_mismatch(b, e, e->span, "UNEXPECTED_INPUT_TYPE",
                  arena_sprintf(b->sc->arena,
                                "Parameter 2... requires the \"STRING\" or \"BINARY\" type, "
                                "however %s has the type %s.",
                                sql.data, types.data));
    return NULL;
}

/* elt(n, v1, v2, ...) as CASE WHEN n = 1 THEN v1 WHEN n = 2 THEN v2 ... END (TypeCoercion's Elt
   rule: n cast to INT, the values to STRING unless all are BINARY; then Elt's
   checkInputDataTypes). */
static SExpr *bind_elt(Binder *b, const AstExpr *e, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    int n = e->u.call.args.n - 1;
    bool all_binary = true;
    for (int i = 1; i <= n; i++)
        all_binary = all_binary && args[i]->type->kind == TY_BINARY;
    SExpr *idx = sema_fn_int_arg(b, args[0]);
    if (!idx) {
        sema_unexpected_input(b, (SChecked){e, NULL, "elt"}, 1, "\"INT\"", asts[0], args[0]->type);
        return NULL;
    }
    SExpr **cast = ARENA_NEW_N(b->sc->arena, SExpr *, n);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        SExpr *s = all_binary ? args[i + 1] : sema_to_string(b, args[i + 1]);
        cast[i] = s ? s : args[i + 1];
        ok = ok && s;
    }
    if (!ok)
        return elt_refuse(b, e, cast, n);
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, n);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, n + 1);
    for (int i = 0; i < n; i++) {
        SExpr *k = sema_new_expr(b->sc, SX_CONST, &type_int, e->span);
        k->u.value.i = i + 1;
        whens[i] = sema_compare(b, BOP_EQ, idx, k, asts[0], asts[0], e->span);
        vals[i] = cast[i];
        if (!whens[i])
            return NULL;
    }
    vals[n] = sema_new_expr(b->sc, SX_CONST, all_binary ? &type_binary : &type_string, e->span);
    vals[n]->u.value.is_null = true;
    return sema_new_case(b, (SChecked){e, NULL, "elt"}, whens, vals, n, true, e->span);
}

static SExpr *type_call(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n);

static SExpr *const_of(Binder *b, const Type *t, int64_t i, double d, SrcSpan span)
{
    SExpr *k = sema_new_expr(b->sc, SX_CONST, t, span);
    k->u.value.i = i;
    k->u.value.d = d;
    return k;
}

/* sign(d) and signum(d) of an ANSI interval (Signum since Spark 3.3, SPARK-36922: the sign of
   its months or microseconds as a DOUBLE): CASE WHEN d > 0 THEN 1.0 WHEN d < 0 THEN -1.0
   WHEN d = 0 THEN 0.0 END, NULL for a NULL d. */
static SExpr *bind_interval_signum(Binder *b, const AstExpr *e, SExpr *d)
{
    const AstExpr *a = e->u.call.args.items[0];
    static const AstBinaryOp ops[3] = {BOP_GT, BOP_LT, BOP_EQ};
    static const double signs[3] = {1.0, -1.0, 0.0};
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, 3);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, 4);
    for (int i = 0; i < 3; i++) {
        SExpr *zero = const_of(b, d->type, 0, 0, e->span);
        if (!(whens[i] = sema_compare(b, ops[i], d, zero, a, a, e->span)))
            return NULL;
        vals[i] = const_of(b, &type_double, 0, signs[i], e->span);
    }
    vals[3] = const_of(b, &type_double, 0, 0, e->span);
    vals[3]->u.value.is_null = true;
    return sema_new_case(b, (SChecked){e, NULL, "signum"}, whens, vals, 3, true, e->span);
}

/* get(arr, i) (Get, RuntimeReplaceable by GetArrayItem(arr, i, failOnError = false)): arr[i],
   0-based, NULL out of range; i an integer (GetArrayItem's ExpectsInputTypes, IntegralType:
   UNEXPECTED_INPUT_TYPE of the replacement, named arr[i]), cast to INT. */
static SExpr *bind_get(Binder *b, const AstExpr *e, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (args[0]->type->kind != TY_ARRAY) {
        /* Spark's GetArrayItem takes any child and fails on its dataType: no message of its own */
        sema_type_error(b, asts[0], "function 'get' expects an array as argument 1", asts[0],
                        args[0]->type);
        return NULL;
    }
    if (!type_is_integral(args[1]->type) && args[1]->type->kind != TY_NULL) {
        SChecked who = {e,
                        arena_sprintf(b->sc->arena, "%s[%s]", sema_expr_sql(b->sc, b->blk, asts[0]),
                                      sema_expr_sql(b->sc, b->blk, asts[1])),
                        "get"};
        sema_unexpected_input(b, who, 2, "\"INTEGRAL\"", asts[1], args[1]->type);
        return NULL;
    }
    SExpr *i = sema_coerce(b->sc, args[1], &type_int);
    SExpr *r = sema_new_expr(b->sc, SX_INDEX, args[0]->type->elem, e->span);
    r->u.index.arg = args[0];
    r->u.index.index = i;
    return r;
}

/* decode(x, search1, result1, ..., [default]) (Decode.createExpr): CASE WHEN x <=> search1
   THEN result1 ... ELSE default (NULL without one); the results cast to their common type. */
static SExpr *bind_decode_case(Binder *b, const AstExpr *e, SExpr **args, int n)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    int pairs = (n - 1) / 2;
    bool has_else = (n - 1) % 2 == 1;
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, pairs);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, pairs + 1);
    StrBuf sql; /* CaseWhen.sql of the replacement, for its DATA_DIFF_TYPES */
    sb_init(&sql, b->sc->arena);
    sb_puts(&sql, "CASE");
    for (int i = 0; i < pairs; i++) {
        whens[i] = sema_compare(b, BOP_NSEQ, args[0], args[1 + 2 * i], asts[0], asts[1 + 2 * i],
                                e->span);
        if (!whens[i])
            return NULL;
        vals[i] = args[2 + 2 * i];
        sb_printf(&sql, " WHEN (%s <=> %s) THEN %s", sema_expr_sql(b->sc, b->blk, asts[0]),
                  sema_expr_sql(b->sc, b->blk, asts[1 + 2 * i]),
                  sema_expr_sql(b->sc, b->blk, asts[2 + 2 * i]));
    }
    if (has_else) {
        vals[pairs] = args[n - 1];
        sb_printf(&sql, " ELSE %s", sema_expr_sql(b->sc, b->blk, asts[n - 1]));
    }
    sb_puts(&sql, " END");
    return sema_new_case(b, (SChecked){e, sql.data, "casewhen"}, whens, vals, pairs, has_else,
                         e->span);
}

/* to_char(x, fmt) and to_varchar (ToCharacterBuilder, Spark 3.5): a date or timestamp is
   DateFormatClass (date_format); a BINARY by its constant format (lower-cased, trimmed):
   'base64' Base64, 'hex' Hex, 'utf-8' Decode(x, fmt); anything else the numeric ToCharacter
   (TO_CHAR_NUMBER). */
static SExpr *to_char_as(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n)
{
    if (b->blk) { /* the call is named as fn's */
        SRenamedCall *r = ARENA_NEW(b->sc->arena, SRenamedCall);
        *r = (SRenamedCall){e, sema_func_name(fn), n};
        ptrvec_push(b->sc->arena, &b->blk->renamed, r);
    }
    return type_call(b, e, fn, args, n);
}

static SExpr *bind_to_char(Binder *b, const AstExpr *e, SExpr **args)
{
    TypeKind k = args[0]->type->kind;
    if (k == TY_DATE || k == TY_TIMESTAMP || k == TY_TIMESTAMP_NTZ) /* DatetimeType */
        return to_char_as(b, e, FN_DATE_FORMAT, args, 2);
    if (k != TY_BINARY)
        return type_call(b, e, FN_TO_CHAR_NUMBER, args, 2);
    const AstExpr *at = e->u.call.args.items[1];
    const SExpr *f = args[1];
    if (f->kind != SX_CONST || f->type->kind != TY_STRING) {
        diag_error(b->sc->diag, at->span,
                   "[NON_FOLDABLE_ARGUMENT] The function `%s` requires the parameter `format` "
                   "to be a foldable expression of the type \"STRING\", but the actual argument "
                   "is a non-foldable.",
                   e->u.call.name);
        return NULL;
    }
    if (f->u.value.is_null) {
        diag_error(b->sc->diag, at->span,
                   "[INVALID_PARAMETER_VALUE.NULL] The value of parameter(s) `format` in `%s` is "
                   "invalid: expects a non-NULL value.",
                   e->u.call.name);
        return NULL;
    }
    const char *v = f->u.value.s;
    uint32_t n = f->u.value.n;
    while (n > 0 && (unsigned char)v[0] <= ' ') /* String.trim */
        v++, n--;
    while (n > 0 && (unsigned char)v[n - 1] <= ' ')
        n--;
    if (n == 6 && strncasecmp(v, "base64", 6) == 0)
        return to_char_as(b, e, FN_BASE64, args, 1);
    if (n == 3 && strncasecmp(v, "hex", 3) == 0)
        return to_char_as(b, e, FN_HEX, args, 1);
    if (n == 5 && strncasecmp(v, "utf-8", 5) == 0)
        return to_char_as(b, e, FN_DECODE, args, 2);
    char *low = arena_strndup(b->sc->arena, v, n); /* toLowerCase(Locale.ROOT), ASCII here */
    for (char *p = low; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    diag_error(b->sc->diag, at->span,
               "[INVALID_PARAMETER_VALUE.BINARY_FORMAT] The value of parameter(s) `format` in "
               "`%s` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but "
               "got '%s'.",
               e->u.call.name, low);
    return NULL;
}

/* The STRING constant s (a C string that outlives the compilation). */
static SExpr *const_string(Binder *b, const char *s, SrcSpan span)
{
    SExpr *r = sema_new_expr(b->sc, SX_CONST, &type_string, span);
    r->u.value.s = s;
    r->u.value.n = (uint32_t)strlen(s);
    return r;
}

/* assert_true(cond[, msg]): AssertTrue (misc.scala), RuntimeReplaceable by If(cond, NULL,
   RaiseError(msg)) of type VOID; msg a STRING (ImplicitCastInputTypes), by default
   "'<cond>' is not true!" (sema_assert_true_message). */
static SExpr *bind_assert_true(Binder *b, const AstExpr *e, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SExpr *c = sema_to_bool(b, args[0], asts[0], "function 'assert_true'");
    if (!c)
        return NULL;
    SExpr **msg = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    msg[0] = e->u.call.args.n > 1
                 ? sema_to_string(b, args[1])
                 : const_string(b, sema_assert_true_message(b->sc, b->blk, asts[0]), e->span);
    if (!msg[0]) {
        sema_type_error(b, asts[1], "function 'assert_true' expects a string as argument 2",
                        asts[1], args[1]->type);
        return NULL;
    }
    SExpr *raise = type_call(b, e, FN_RAISE_ERROR, msg, 1);
    if (!raise)
        return NULL;
    SExpr *null = sema_new_expr(b->sc, SX_CONST, &type_null, e->span);
    null->u.value.is_null = true;
    return if_case(b, e, NULL, c, null, raise);
}

/* A REPLACED function as the expression Spark makes of it. */
static SExpr *bind_replaced(Binder *b, const AstExpr *e, SFunc fn, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    switch (fn) {
    case FN_NULLIF: {
        /* NullIf (nullExpressions.scala): RuntimeReplaceable by If(EqualTo(a, b), NULL, a):
           the comparison casts as `=` does; the type is a's. */
        SExpr *eq = sema_compare(b, BOP_EQ, args[0], args[1], asts[0], asts[1], e->span);
        if (!eq)
            return NULL;
        SExpr *null = sema_new_expr(b->sc, SX_CONST, args[0]->type, e->span);
        null->u.value.is_null = true;
        return if_case(b, e, NULL, eq, null, args[0]);
    }
    case FN_IF: {
        /* If (conditionalExpressions.scala): a BOOLEAN predicate (IfCoercion makes a NULL one
           BOOLEAN; else UNEXPECTED_INPUT_TYPE), the values coerced to their wider type as
           CASE's are. */
        SExpr *c = args[0];
        if (c->type->kind == TY_NULL)
            c = sema_coerce(b->sc, c, &type_boolean);
        else if (c->type->kind != TY_BOOLEAN) {
            sema_unexpected_input(b, (SChecked){e, NULL, "if"}, 1, "\"BOOLEAN\"", asts[0], c->type);
            return NULL;
        }
        return if_case(b, e, NULL, c, args[1], args[2]);
    }
    case FN_LIKE: /* what parse_like_call left a call: an escape that is no one-character literal */
    case FN_ILIKE:
        diag_error(b->sc->diag, asts[2]->span,
                   "the escape character of %s() must be a string literal of one character",
                   fn == FN_LIKE ? "like" : "ilike");
        return NULL;
    case FN_NVL2: /* Nvl2 (nullExpressions.scala): If(IsNotNull(a), b, c), its SQL text */
        return if_case(b, e,
                       arena_sprintf(b->sc->arena, "(IF((%s IS NOT NULL), %s, %s))",
                                     sema_expr_sql(b->sc, b->blk, asts[0]),
                                     sema_expr_sql(b->sc, b->blk, asts[1]),
                                     sema_expr_sql(b->sc, b->blk, asts[2])),
                       is_null_of(b, args[0], true, e->span), args[1], args[2]);
    case FN_ISNULL: /* IsNull, IsNotNull (nullExpressions.scala) */
    case FN_ISNOTNULL:
        return is_null_of(b, args[0], fn == FN_ISNOTNULL, e->span);
    case FN_ELT: /* Elt (non-ANSI): the n-th of the values (1-based), NULL out of range: a CASE
                    over n = 1, n = 2 ...; the values are strings, or BINARY when all are */
        return bind_elt(b, e, args);
    case FN_GET:
        return bind_get(b, e, args);
    case FN_TO_CHAR:
    case FN_TO_VARCHAR:
        return bind_to_char(b, e, args);
    case FN_TRY_ELEMENT_AT: /* TryElementAt: ElementAt(failOnError = false), element_at's
                               non-ANSI behaviour */
        return type_call(b, e, FN_ELEMENT_AT, args, 2);
    case FN_CURRENT_TIMEZONE: /* CurrentTimeZone: the session zone, UTC in sluice */
        return const_string(b, "UTC", e->span);
    case FN_VERSION: /* SparkVersion, functions.def */
        return const_string(b, "3.5.2 sluice-" SL_VERSION, e->span);
    case FN_CURRENT_DATABASE: /* ReplaceCurrentLike: the catalog's current database */
    case FN_CURRENT_SCHEMA:
        return const_string(b, "default", e->span);
    case FN_ASSERT_TRUE:
        return bind_assert_true(b, e, args);
    case FN_CURRENT_CATALOG: /* ReplaceCurrentLike: CatalogManager.currentCatalog.name */
        return const_string(b, "spark_catalog", e->span);
    case FN_FROM_UTC_TIMESTAMP:
    case FN_TO_UTC_TIMESTAMP:
        return sema_bind_utc_shift(b, e, fn, args);
    case FN_CONVERT_TIMEZONE:
        return sema_bind_convert_timezone(b, e, args, e->u.call.args.n);
    case FN_SCHEMA_OF_JSON:
    case FN_SCHEMA_OF_CSV:
        return sema_bind_schema_of(b, e, fn, args);
    case FN_EQUAL_NULL: /* EqualNull (predicates.scala): RuntimeReplaceable by EqualNullSafe */
        return sema_compare(b, BOP_NSEQ, args[0], args[1], asts[0], asts[1], e->span);
    case FN_MOD: /* Remainder, as `%` (its sql, with the alias, mod(a, b)) */
    case FN_DIV: /* IntegralDivide, as DIV */ {
        const AstExpr *outer = b->op_call;
        b->op_call = fn == FN_MOD ? e : NULL;
        SExpr *r = sema_arith(b, fn == FN_MOD ? BOP_MOD : BOP_IDIV, args[0], args[1], asts[0],
                              asts[1], e->span);
        b->op_call = outer;
        return r;
    }
    case FN_CAST_BOOLEAN:
    case FN_CAST_TINYINT:
    case FN_CAST_SMALLINT:
    case FN_CAST_INT:
    case FN_CAST_BIGINT:
    case FN_CAST_FLOAT:
    case FN_CAST_DOUBLE:
    case FN_CAST_DECIMAL:
    case FN_CAST_DATE:
    case FN_CAST_TIMESTAMP:
    case FN_CAST_BINARY:
    case FN_CAST_STRING:
        return sema_cast(b, args[0], asts[0], sema_func_cast_type(fn), e->span);
#define FN(id, sql, min_args, max_args, sig, sym) FN_CASE_UNLESS_REPLACED_##sig(id)
#include "sema/functions.def"
#undef FN
    case FN__COUNT:
        break;
    }
    SL_UNREACHABLE();
}

/* greatest/least (Spark's Greatest and Least in arithmetic.scala): the arguments are cast
   to their wider common type without string promotion (FunctionArgumentConversion's
   findWiderTypeWithoutStringPromotion), which must be orderable. */
static bool type_extremum(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                          const Type **rt)
{
    const Type **types = ARENA_NEW_N(b->sc->arena, const Type *, n ? n : 1);
    for (int i = 0; i < n; i++)
        types[i] = args[i]->type;
    if (sema_wider_fold(b->sc->arena, types, n, sema_wider_type_no_string, false, rt) >= 0)
        return sema_diff_types(b, (SChecked){e, NULL, sema_func_name(fn)}, types, n);
    for (int i = 0; i < n; i++)
        args[i] = sema_coerce(b->sc, args[i], *rt);
    if (sema_map_refuse_ordering(b, *rt, sema_expr_sql(b->sc, b->blk, e), sema_func_name(fn),
                                 e->span))
        return false;
    switch ((*rt)->kind) {
    case TY_NULL:
    case TY_BOOLEAN:
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT:
    case TY_FLOAT:
    case TY_DOUBLE:
    case TY_DECIMAL:
    case TY_STRING:
    case TY_BINARY:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
    case TY_DATE:
        return true;
    case TY_INTERVAL: /* ANSI intervals are AtomicTypes, ordered by their value */
    case TY_YM_INTERVAL:
        return true;
    case TY_STRUCT: /* by the type's interpretedOrdering, as `<` (no MAP: refused above) */
    case TY_ARRAY:
        if (sema_nested_comparable(*rt, *rt))
            return true;
        break;
    case TY_MAP:
        break;
    }
    diag_error(b->sc->diag, e->span, "function '%s' cannot order values of type %s",
               sema_func_name(fn), type_name(b->sc->arena, *rt));
    return false;
}

/* pmod(a, n) (Spark's Pmod in arithmetic.scala, a BinaryArithmetic): numeric operands, a
   STRING read as DOUBLE, both cast to the wider of the two (a NULL takes the other's type; two
   NULLs are DOUBLE).  Beside a decimal, a DOUBLE wins and an integer becomes a decimal
   (DecimalPrecision.nondecimalAndDecimal, as for `%`); two decimals keep their types and the
   result is Pmod.resultDecimalType, Remainder's rule. */
static void type_pmod(Binder *b, const AstExpr *e, SExpr **args, const Type **rt)
{
    for (int i = 0; i < 2; i++) {
        if (args[i]->type->kind == TY_STRING)
            args[i] = sema_coerce(b->sc, args[i], &type_double);
        else if (!type_is_numeric(args[i]->type) && args[i]->type->kind != TY_NULL &&
                 args[i]->type->kind != TY_DECIMAL) { /* Pmod: a BinaryArithmetic, pmod(a, n) */
            const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
            const AstExpr *outer = b->op_call;
            b->op_call = e;
            sema_binop_refuse(b, BOP_MOD, asts[0], asts[1], args[0]->type, args[1]->type, e->span);
            b->op_call = outer;
            *rt = NULL;
            return;
        }
    }
    TypeKind k0 = args[0]->type->kind, k1 = args[1]->type->kind;
    if ((k0 == TY_DECIMAL || k1 == TY_DECIMAL) && k0 != TY_DOUBLE && k1 != TY_DOUBLE) {
        const Type *d0 = k0 == TY_NULL ? args[1]->type : sema_dec_operand(args[0]);
        const Type *d1 = k1 == TY_NULL ? args[0]->type : sema_dec_operand(args[1]);
        args[0] = sema_coerce(b->sc, args[0], d0);
        args[1] = sema_coerce(b->sc, args[1], d1);
        *rt = sema_dec_arith_type(BOP_MOD, d0, d1);
        return;
    }
    if (args[0]->type->kind == TY_NULL && args[1]->type->kind == TY_NULL)
        args[0] = sema_coerce(b->sc, args[0], &type_double);
    /* numbers and NULL always have a common type */
    *rt = sema_unify(b, (SChecked){e, NULL, "pmod"}, args, 2);
}

/* round(DECIMAL(p, s), scale) as Spark's RoundBase.dataType (mathExpressions.scala): one
   more integral digit than the input (9.9 rounds to 10); a negative scale gives DECIMAL(max(
   p - s + 1, 1 - scale), 0), otherwise the scale is min(s, scale); at most 38 digits. */
static bool type_round_floor_ceil(Binder *b, const AstExpr *e, SExpr **args, const Type **rt,
                                  int *bad, const char **want);

static const Type *round_dec_type(const Type *t, int scale)
{
    int64_t p = t->precision, s = t->scale, integral = p - s + 1, np, ns;
    if (scale < 0)
        np = integral > 1 - (int64_t)scale ? integral : 1 - (int64_t)scale, ns = 0;
    else
        ns = s < scale ? s : scale, np = integral + ns;
    return type_decimal(np > TYPE_DECIMAL_MAX_PRECISION ? TYPE_DECIMAL_MAX_PRECISION : (int)np,
                        (int)ns);
}

/* floor(x, scale), ceil(x, scale) (Spark 3.3+'s CeilFloorExpressionBuilderBase: RoundFloor
   and RoundCeil, RoundBase with FLOOR or CEILING over a DECIMAL): x implicitly cast to a
   decimal (ImplicitTypeCasts: a number by DecimalType.forType, type_decimal_for; a string to
   DECIMAL(38,18)),
   the scale a constant INT that is not NULL. */
static bool type_round_floor_ceil(Binder *b, const AstExpr *e, SExpr **args, const Type **rt,
                                  int *bad, const char **want)
{
    const SExpr *s = args[1];
    if (s->kind != SX_CONST || s->type->kind != TY_INT || s->u.value.is_null) {
        diag_error(b->sc->diag, e->u.call.args.items[1]->span,
                   "[NON_FOLDABLE_ARGUMENT] The function `%s` requires the parameter `scale` to "
                   "be a foldable expression of the type \"INT\", but the actual argument is a "
                   "non-foldable.",
                   e->u.call.name);
        return false;
    }
    const Type *t = args[0]->type, *d;
    if (type_is_numeric(t) || t->kind == TY_DECIMAL) {
        d = type_decimal_for(t);
    } else if (t->kind == TY_STRING || t->kind == TY_NULL) {
        d = type_decimal(38, 18);
    } else {
        *rt = &type_null;
        *bad = 0, *want = "a numeric value";
        return true;
    }
    args[0] = sema_coerce(b->sc, args[0], d);
    *rt = round_dec_type(d, (int)s->u.value.i);
    return true;
}

bool sema_check_window_column(Binder *b, const SExpr *w, SrcSpan at)
{
    if (w->kind == SX_WINDOW || w->kind == SX_GROUP_REF || sema_is_window_column(b->blk->sel, w))
        return true;
    /* a struct not made by window(): ResolveWindowTime's message, whose Scala string has no
       s interpolator, so Spark prints "$windowTime" as is */
    diag_error(b->sc->diag, at, "The input is not a correct window column: $windowTime");
    return false;
}

SExpr *sema_window_time(Binder *b, SExpr *w, SrcSpan at)
{
    if (!sema_check_window_column(b, w, at))
        return NULL;
    SExpr *c = sema_new_expr(b->sc, SX_CALL, w->type->fields[0].type, at); /* WindowTime */
    c->u.call.fn = FN_WINDOW_TIME;
    c->u.call.args = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    c->u.call.args[0] = w;
    c->u.call.n_args = 1;
    return c;
}

/* CreateStruct.create's name of argument x, the i-th (0-based): a column's last name part, the
   string literal of an UnresolvedExtractValue (x.f of no column, x['f'], m['k']), else
   col<i + 1>. */
static const char *struct_field_name(Binder *b, const AstExpr *x, int i)
{
    const AstExpr *ix = x->kind == AST_INDEX ? x->u.index.index : NULL;
    if (x->kind == AST_COLUMN)
        return x->u.name.parts[x->u.name.n - 1];
    if (x->kind == AST_FIELD && x->u.field.name)
        return x->u.field.name;
    if (ix && ix->kind == AST_STRING && ix->u.str)
        return ix->u.str;
    return arena_sprintf(b->sc->arena, "col%d", i + 1);
}

/* The typing rule of a SPECIAL function.  Sets *rt, or *bad and *want for the message of
   the caller; false after reporting an error itself. */
/* The seed of rand and randn (randomExpressions.scala's RDG, ExpectsInputTypes of INT or
   BIGINT: a NULL is an INT NULL, seed 0), made a BIGINT; it must be foldable (CheckAnalysis's
   SEED_EXPRESSION_IS_UNFOLDABLE, after the type check).  False after reporting. */
static bool rand_seed(Binder *b, const AstExpr *e, SExpr **args)
{
    const Type *t = args[0]->type;
    if (t->kind != TY_INT && t->kind != TY_BIGINT && t->kind != TY_NULL)
        return sema_unexpected_input_type(b, e, 0, "(\"INT\" or \"BIGINT\")", t), false;
    if (args[0]->kind != SX_CONST) {
        const AstExpr *a = e->u.call.args.items[0];
        diag_error(b->sc->diag, a->span,
                   "[SEED_EXPRESSION_IS_UNFOLDABLE] The seed expression \"%s\" of the expression "
                   "\"%s\" must be foldable.",
                   sema_expr_sql(b->sc, b->blk, a), sema_expr_sql(b->sc, b->blk, e));
        return false;
    }
    args[0] = sema_coerce(b->sc, args[0], &type_bigint);
    return true;
}

static bool type_special(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                         const Type **rt, int *bad, const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    switch (fn) {
    case FN_DATE_FORMAT:
        /* DateFormatClass: TimestampType, StringType */
        if (!(args[0] = sema_to_timestamp(b, args[0])))
            *bad = 0, *want = "\"TIMESTAMP\"";
        else if (!(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        else
            sema_check_pattern(b, args[1], CM_DTPAT_FORMAT);
        *rt = &type_string;
        return true;
    case FN_ABS:
        /* Abs (ImplicitCastInputTypes of NumericAndAnsiInterval): a STRING or a NULL is read
           as a DOUBLE (NumericType's defaultConcreteType); a decimal or an ANSI interval keeps
           its type */
        if (args[0]->type->kind == TY_NULL || args[0]->type->kind == TY_STRING)
            args[0] = sema_coerce(b->sc, args[0], &type_double);
        if (!type_is_numeric(args[0]->type) && args[0]->type->kind != TY_DECIMAL &&
            !type_is_ansi_interval(args[0]->type))
            *bad = 0, *want = "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or "
                              "\"INTERVAL YEAR TO MONTH\")";
        *rt = args[0]->type;
        return true;
    case FN_COALESCE:
    case FN_NVL:
    case FN_IFNULL: {
        /* Spark's Nvl (nullExpressions.scala): RuntimeReplaceable by Coalesce(Seq(a, b)), whose
           DATA_DIFF_TYPES names coalesce(a, b) */
        const char *sql = NULL;
        if (fn != FN_COALESCE)
            sql = arena_sprintf(b->sc->arena, "coalesce(%s, %s)",
                                sema_expr_sql(b->sc, b->blk, asts[0]),
                                sema_expr_sql(b->sc, b->blk, asts[1]));
        *rt = sema_unify(b, (SChecked){e, sql, "coalesce"}, args, n);
        return *rt != NULL;
    }
    case FN_GREATEST:
    case FN_LEAST:
        return type_extremum(b, e, fn, args, n, rt);
    case FN_PMOD:
        type_pmod(b, e, args, rt);
        return *rt != NULL;
    case FN_SUBSTRING:
    case FN_SUBSTR:
        *rt = &type_string;
        /* Substring: TypeCollection(StringType, BinaryType), IntegerType, IntegerType */
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = SPARK_T_STRING_OR_BINARY;
        for (int i = 1; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "\"INT\"";
        return true;
    case FN_CONCAT:
        if (sema_concat_of_arrays(args, n)) { /* Concat of arrays: one array type, NULL if any is */
            *rt = sema_unify(b, (SChecked){e, NULL, "concat"}, args, n);
            return *rt != NULL;
        }
        *rt = &type_string;
        for (int i = 0; i < n; i++)
            if (!sema_to_string(b, args[i]))
                return sema_concat_refuse(b, e, asts, args, n), false;
        /* fall through */
    case FN_TRIM: /* StringTrim, StringTrimLeft, StringTrimRight: StringType... */
    case FN_LTRIM:
    case FN_RTRIM:
        *rt = &type_string;
        sema_fn_convert_all(b, args, n, sema_to_string, bad);
        *want = "\"STRING\"";
        return true;
    case FN_REGEXP_EXTRACT:
    case FN_SPLIT:
    case FN_REGEXP_EXTRACT_ALL: /* RegExpExtractAll(s, p[, idx = 1]): ARRAY<STRING> */
    case FN_REGEXP_COUNT: /* RegExpCount: Size(RegExpExtractAll(s, p, 0)), an INT */
    case FN_REGEXP_SUBSTR: /* RegExpSubStr: NullIf(RegExpExtract(s, p, 0), '') */
    case FN_REGEXP_INSTR:  /* RegExpInStr(s, p[, idx = 0]): an INT */
        *rt = fn == FN_SPLIT || fn == FN_REGEXP_EXTRACT_ALL ? type_array(b->sc->arena, &type_string)
              : fn == FN_REGEXP_COUNT || fn == FN_REGEXP_INSTR ? &type_int
                                                               : &type_string;
        return type_regex(b, e, fn, args, n, bad, want);
    case FN_REGEXP_REPLACE:
        *rt = &type_string;
        return type_regexp_replace(b, e, args, n, bad, want);
    case FN_RLIKE: /* RLike (regexpExpressions.scala): STRING, STRING -> BOOLEAN */
    case FN_REGEXP_LIKE:
    case FN_REGEXP: {
        int groups;
        *rt = &type_boolean;
        if (!regex_args(b, args, n, 2, bad, want))
            return true;
        return check_pattern(b, asts[1], args[1], &groups, NULL, NULL);
    }
    case FN_SIZE:
    case FN_CARDINALITY: /* Size, registered as cardinality too */
        *rt = &type_int;
        if (args[0]->type->kind != TY_ARRAY && args[0]->type->kind != TY_MAP &&
            args[0]->type->kind != TY_NULL)
            *bad = 0, *want = "(\"ARRAY\" or \"MAP\")"; /* Size: (ArrayType, MapType) */
        return true;
    case FN_ROUND:
    case FN_BROUND: /* BRound: RoundBase as Round, HALF_EVEN */
        /* RoundBase: ImplicitCastInputTypes of (NumericType, IntegerType), then a foldable
           scale (NON_FOLDABLE_INPUT) */
        if (args[0]->type->kind != TY_DECIMAL && !(args[0] = sema_fn_numeric_arg(b, args[0]))) {
            *bad = 0, *want = "\"NUMERIC\"";
            return true;
        }
        *rt = args[0]->type;
        if (n > 1 && !(args[1] = sema_fn_int_arg(b, args[1]))) {
            *bad = 1, *want = "\"INT\"";
            return true;
        }
        if (n > 1 && args[1]->kind != SX_CONST)
            return sema_mismatch(b, e, asts[1]->span, "NON_FOLDABLE_INPUT",
                                 sema_non_foldable_msg(b, "scale", "INT",
                                                       sema_expr_sql(b->sc, b->blk, asts[1]),
                                                       false));
        if (args[0]->type->kind == TY_DECIMAL)
            *rt = round_dec_type(args[0]->type, n > 1 && !args[1]->u.value.is_null
                                                    ? (int)args[1]->u.value.i : 0);
        return true;
    case FN_FLOOR:
    case FN_CEIL:
    case FN_CEILING:
        if (n == 2)
            return type_round_floor_ceil(b, e, args, rt, bad, want);
        *rt = &type_bigint;
        if (args[0]->type->kind == TY_DECIMAL) /* Floor/Ceil.dataType (mathExpressions.scala) */
            *rt = args[0]->type->scale == 0 ? args[0]->type
                                            : sema_dec_bounded(args[0]->type->precision -
                                                                   args[0]->type->scale + 1, 0);
        else if (!(args[0] = sema_fn_numeric_arg(b, args[0])))
            *bad = 0, /* Floor, Ceil: TypeCollection(DoubleType, DecimalType, LongType) */
                *want = "(\"DOUBLE\" or \"DECIMAL\" or \"BIGINT\")";
        return true;
    case FN_TO_TIMESTAMP:
    case FN_TRY_TO_TIMESTAMP:
    case FN_TO_TIMESTAMP_LTZ:
    case FN_UNIX_TIMESTAMP:
    case FN_TO_UNIX_TIMESTAMP: /* ToUnixTimestamp: UnixTimestamp without its no-argument form */
        *rt = sema_func_is_to_timestamp(fn) ? &type_timestamp : &type_bigint;
        sema_type_parse_time(b, fn, args, n, bad, want);
        return true;
    case FN_FROM_UNIXTIME:
        *rt = &type_string;
        if (type_is_numeric(args[0]->type) || args[0]->type->kind == TY_STRING ||
            args[0]->type->kind == TY_NULL)
            args[0] = sema_coerce(b->sc, args[0], &type_bigint);
        else
            *bad = 0, *want = "\"BIGINT\""; /* FromUnixTime: LongType, StringType */
        if (*bad < 0 && n > 1 && !(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        else if (*bad < 0 && n > 1) /* FromUnixTime: TimestampFormatter too */
            sema_check_pattern(b, args[1], CM_DTPAT_FORMAT);
        return true;
    case FN_CURRENT_TIMESTAMP:
    case FN_NOW:
        *rt = &type_timestamp;
        return true;
    case FN_LOCALTIMESTAMP: /* LocalTimestamp: the batch's time in the session zone UTC */
        *rt = &type_timestamp_ntz;
        return true;
    case FN_TO_TIMESTAMP_NTZ:
        *rt = &type_timestamp_ntz;
        sema_type_to_timestamp_ntz(b, args, n, bad, want);
        return true;
    case FN_INPUT_FILE_NAME: /* InputFileName: never NULL */
        *rt = &type_string;
        return true;
    case FN_TIMESTAMPADD: /* bound by sema_bind_timestamp_unit_fn */
    case FN_TIMESTAMPDIFF:
        SL_UNREACHABLE();
    case FN_RAISE_ERROR: /* RaiseError: ImplicitCastInputTypes(StringType), NullType */
        *rt = &type_null;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        return true;
    case FN_CURRENT_USER: /* CurrentUser (misc.scala): srt_current_user */
    case FN_USER:
        *rt = &type_string;
        return true;
    case FN_UUID: /* Uuid (misc.scala): a STRING, never NULL, another each row */
        *rt = &type_string;
        return true;
    case FN_RAND:
    case FN_RANDOM:
    case FN_RANDN:
        *rt = &type_double;
        return n == 0 || rand_seed(b, e, args);
    case FN_MONOTONICALLY_INCREASING_ID: /* never NULL */
        *rt = &type_bigint;
        return true;
    case FN_SPARK_PARTITION_ID: /* never NULL */
        *rt = &type_int;
        return true;
    case FN_GROUPING: /* Grouping: ByteType; GroupingID: LongType (GroupingID.dataType without */
        *rt = &type_tinyint; /* spark.sql.legacy.integerGroupingId) */
        return sema_grouping_fn_allowed(b, e);
    case FN_GROUPING_ID:
        *rt = &type_bigint;
        return sema_grouping_fn_allowed(b, e);
    case FN_WINDOW_TIME:
        /* WindowTime (datetimeExpressions.scala): the representative event time of a window
           column, window.end - 1 µs (ResolveWindowTime, ResolveTimeWindows.scala), which keeps
           the window's watermark metadata (sema_stream.c's is_event_time follows it); its
           type is the window's start's (WindowTime.dataType), a TIMESTAMP_NTZ for a window
           over one. */
        if (!type_is_window(args[0]->type))
            *bad = 0, *want = "\"STRUCT\""; /* WindowTime: StructType */
        else if (!sema_check_window_column(b, args[0], e->span))
            return false;
        *rt = type_is_window(args[0]->type) ? args[0]->type->fields[0].type : &type_timestamp;
        return true;
    case FN_CONCAT_WS:
        *rt = &type_string;
        type_concat_ws(b, args, n, bad, want);
        return true;
    case FN_LPAD:
    case FN_RPAD:
    case FN_REPEAT:
        /* StringLPad/StringRPad(str, len INT, pad), StringRepeat(str, times INT) */
        *rt = &type_string;
        for (int i = 0; *bad < 0 && i < n; i++)
            if (!(args[i] = i == 1 ? sema_fn_int_arg(b, args[i]) : sema_to_string(b, args[i])))
                *bad = i, *want = i == 1 ? "\"INT\"" : "\"STRING\"";
        return true;
    case FN_LEFT:
    case FN_RIGHT:
        /* Left(str, len INT), Right(str, len INT) (stringExpressions.scala): Left's str a
           TypeCollection(StringType, BinaryType), Right's a StringType */
        *rt = &type_string;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = fn == FN_LEFT ? SPARK_T_STRING_OR_BINARY : "\"STRING\"";
        else if (!(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "\"INT\"";
        return true;
    case FN_SUBSTRING_INDEX:
        /* SubstringIndex(str, delim, count INT) */
        *rt = &type_string;
        for (int i = 0; *bad < 0 && i < n; i++)
            if (!(args[i] = i == 2 ? sema_fn_int_arg(b, args[i]) : sema_to_string(b, args[i])))
                *bad = i, *want = i == 2 ? "\"INT\"" : "\"STRING\"";
        return true;
    case FN_LOCATE:
    case FN_POSITION: /* position: StringLocate by another name */
        /* StringLocate(substr, str, start INT) */
        *rt = &type_int;
        for (int i = 0; *bad < 0 && i < n; i++)
            if (!(args[i] = i == 2 ? sema_fn_int_arg(b, args[i]) : sema_to_string(b, args[i])))
                *bad = i, *want = i == 2 ? "\"INT\"" : "\"STRING\"";
        return true;
    case FN_REPLACE:    /* StringReplace(src, search, replace = '') */
    case FN_CONTAINS:   /* Contains, StartsWith, EndsWith: STRING, STRING -> BOOLEAN */
    case FN_STARTSWITH:
    case FN_ENDSWITH:
    case FN_BTRIM:      /* StringTrimBoth(src[, trimStr]) */
        *rt = fn == FN_REPLACE || fn == FN_BTRIM ? &type_string : &type_boolean;
        sema_fn_convert_all(b, args, n, sema_to_string, bad);
        /* StringTrimBoth is InheritAnalysisRules: Spark checks its replacement */
        *want = fn == FN_BTRIM ? "a string" : "\"STRING\"";
        return true;
    case FN_CHR: /* Chr(BIGINT) */
    case FN_CHAR:
        *rt = &type_string;
        if (type_is_numeric(args[0]->type) || args[0]->type->kind == TY_STRING ||
            args[0]->type->kind == TY_NULL || args[0]->type->kind == TY_DECIMAL)
            args[0] = sema_coerce(b->sc, args[0], &type_bigint);
        else
            *bad = 0, *want = "\"BIGINT\""; /* Chr: LongType */
        return true;
    case FN_SPLIT_PART: /* SplitPart(str, delimiter, partNum INT) */
        *rt = &type_string;
        for (int i = 0; *bad < 0 && i < n; i++)
            if (!(args[i] = i == 2 ? sema_fn_int_arg(b, args[i]) : sema_to_string(b, args[i])))
                *bad = i, *want = i == 2 ? "\"INT\"" : "\"STRING\"";
        return true;
    case FN_SPACE: /* StringSpace(INT) */
        *rt = &type_string;
        if (!(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0, *want = "\"INT\"";
        return true;
    case FN_MD5: /* hash.scala: Md5, Sha1 (sha), Sha2(BINARY, INT), Crc32 -> BIGINT */
    case FN_SHA1:
    case FN_SHA:
    case FN_SHA2:
    case FN_CRC32:
    case FN_BASE64: /* stringExpressions.scala: Base64(BINARY) */
        *rt = fn == FN_CRC32 ? &type_bigint : &type_string;
        if (!(args[0] = sema_fn_bytes_arg(b, args[0])))
            *bad = 0, *want = "\"BINARY\"";
        else if (n > 1 && !(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "\"INT\"";
        return true;
    case FN_HASH: /* hash.scala: Murmur3Hash -> INT, XxHash64 -> BIGINT, of any values but
                     maps (HashExpression.checkInputDataTypes) */
    case FN_XXHASH64:
        *rt = fn == FN_HASH ? &type_int : &type_bigint;
        if (n == 0) {
            sema_wrong_num_args(b, e, fn == FN_HASH ? "hash" : "xxhash64", "> 0");
            return false;
        }
        for (int i = 0; i < n; i++)
            if (type_has_map(args[i]->type)) {
                diag_error(
                    b->sc->diag, e->span,
                    "[DATATYPE_MISMATCH.HASH_MAP_TYPE] Cannot resolve \"%s\" due to data type "
                    "mismatch: Input to the function `%s` cannot contain elements of the "
                    "\"MAP\" type. In Spark, same maps may have different hashcode, thus "
                    "hash expressions are prohibited on \"MAP\" elements. To restore "
                    "previous behavior set \"spark.sql.legacy.allowHashOnMapType\" to "
                    "\"true\".",
                    sema_expr_sql(b->sc, b->blk, e), fn == FN_HASH ? "hash" : "xxhash64");
                return false;
            }
        return true;
    case FN_UNBASE64: /* UnBase64(STRING), Unhex(STRING) -> BINARY */
    case FN_UNHEX:
        *rt = &type_binary;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        return true;
    case FN_HEX: /* Hex: TypeCollection(LongType, BinaryType, StringType): numbers cast to
                    BIGINT, other atomic values (a DATE, a TIMESTAMP) to STRING */
        *rt = &type_string;
        if (type_is_numeric(args[0]->type) || args[0]->type->kind == TY_DECIMAL)
            args[0] = sema_coerce(b->sc, args[0], &type_bigint);
        else if (args[0]->type->kind != TY_BINARY && !(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "(\"BIGINT\" or \"BINARY\" or \"STRING\")";
        return true;
    case FN_SHUFFLE: /* Shuffle (ExpectsInputTypes ArrayType): the array's type */
        if (args[0]->type->kind != TY_ARRAY) {
            sema_unexpected_input_type(b, e, 0, "\"ARRAY\"", args[0]->type);
            return false;
        }
        *rt = args[0]->type;
        return true;
    case FN_REVERSE: /* Reverse: a string (other atomic values cast) or an array */
        if (args[0]->type->kind == TY_ARRAY)
            *rt = args[0]->type;
        else if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "(\"STRING\" or \"ARRAY\")"; /* Reverse */
        else
            *rt = &type_string;
        return true;
    case FN_CURRENT_DATE:
    case FN_CURDATE:
        *rt = &type_date;
        return true;
    case FN_TO_DATE:
        /* ParseToDate: CAST(s AS DATE), or with a format CAST(to_timestamp(s, fmt) AS DATE) */
        /* inputTypes TypeCollection(StringType, DateType, TimestampType, TimestampNTZType) then
           StringType: another atomic value (a number, a boolean) is cast to STRING, the first
           member it can be cast to (ImplicitTypeCasts) */
        *rt = &type_date;
        if (args[0]->type->kind != TY_DATE && !type_is_any_timestamp(args[0]->type) &&
            args[0]->type->kind != TY_NULL && !(args[0] = sema_to_string(b, args[0]))) {
            *bad = 0, *want = "(\"STRING\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\")";
            return true;
        }
        if (n == 2 && !(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        else if (n == 2 && args[0]->type->kind == TY_STRING)
            sema_check_pattern(b, args[1], CM_DTPAT_PARSE); /* GetTimestamp's formatter */
        if (*bad < 0 && (n == 1 || args[0]->type->kind != TY_STRING))
            args[0] = sema_fn_date_arg(b, args[0]);
        return true;
    case FN_DATE_TRUNC:
        /* TruncTimestamp(format STRING, timestamp TIMESTAMP) */
        *rt = &type_timestamp;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        else if (!(args[1] = sema_to_timestamp(b, args[1])))
            *bad = 1, *want = "\"TIMESTAMP\"";
        return true;
    case FN_DATE_ADD:
    case FN_DATEADD:
    case FN_DATE_SUB:
        *rt = &type_date;
        return sema_type_date_add(b, e, fn, args, bad, want);
    case FN_DATEDIFF:
    case FN_DATE_DIFF:
        /* DateDiff(endDate DATE, startDate DATE) */
        *rt = &type_int;
        sema_fn_convert_all(b, args, n, sema_fn_date_arg, bad);
        *want = "\"DATE\"";
        return true;
    case FN_JSON_TUPLE: /* the generator's row, bound by sema_gen_rows.c */
        SL_UNREACHABLE();
    case FN_GET_JSON_OBJECT:
    case FN_JSON_ARRAY_LENGTH: /* LengthOfJsonArray: INT */
    case FN_JSON_OBJECT_KEYS:  /* JsonObjectKeys: ARRAY<STRING> */
        *rt = fn == FN_JSON_ARRAY_LENGTH  ? &type_int
              : fn == FN_JSON_OBJECT_KEYS ? type_array(b->sc->arena, &type_string)
                                          : &type_string;
        sema_fn_convert_all(b, args, n, sema_fn_string_only_arg, bad);
        *want = "\"STRING\""; /* ExpectsInputTypes StringType: no implicit cast */
        return true;
    case FN_SENTENCES:
        /* Sentences: ImplicitCastInputTypes (StringType x 3), ARRAY<ARRAY<STRING>> */
        *rt = type_array(b->sc->arena, type_array(b->sc->arena, &type_string));
        for (int i = 0; i < n; i++)
            if (!(args[i] = sema_to_string(b, args[i]))) {
                *bad = i, *want = "\"STRING\"";
                return true;
            }
        return true;
    case FN_ARRAY: {
        /* CreateArray (complexTypeCreator.scala): the elements cast to their wider common type
           (FunctionArgumentConversion), never NULL itself; array() and array(NULL) are
           ARRAY<VOID> (defaultElementType NullType: createEmptyCollectionUsingStringType is
           false by default). */
        const Type *t = sema_unify(b, (SChecked){e, NULL, "array"}, args, n);
        if (!t)
            return false;
        for (int i = 0; i < n; i++)
            args[i] = sema_coerce(b->sc, args[i], t);
        *rt = type_array(b->sc->arena, t);
        return true;
    }
    case FN_TO_JSON: /* StructsToJson: a STRUCT, an ARRAY or a MAP, its options map (below) */
        if (args[0]->type->kind != TY_STRUCT && args[0]->type->kind != TY_ARRAY &&
            args[0]->type->kind != TY_MAP)
            return invalid_json_schema(b, e, args[0]->type);
        *rt = &type_string;
        return true;
    case FN_FROM_CSV:
    case FN_TO_CSV:
        return sema_type_csv_fn(b, e, fn, args, n, rt, bad, want);
    case FN_FROM_JSON: /* JsonToStructs: ExpectsInputTypes StringType, no implicit cast */
        if (!(*rt = from_json_schema(b, e, asts[1], args[1])))
            return false;
        if (!(args[0] = sema_fn_string_only_arg(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        return true;
    case FN_STRUCT: {
        /* CreateStruct.create (complexTypeCreator.scala): a field per argument, named as the
           column it names (a NamedExpression: its last name part), an UnresolvedExtractValue
           of a string literal by the literal (x['f'], x.f of no column; m['k'] too), else
           col<i> from 1; struct() is STRUCT<>. */
        TypeField *f = ARENA_NEW_N(b->sc->arena, TypeField, n);
        for (int i = 0; i < n; i++) {
            f[i].name = struct_field_name(b, asts[i], i);
            f[i].type = args[i]->type;
        }
        *rt = type_struct(b->sc->arena, n, f);
        return true;
    }
    case FN_NAMED_STRUCT: {
        /* CreateNamedStruct.checkInputDataTypes: name, value pairs (none: STRUCT<>); a name is
           a constant, non-NULL STRING. */
        if (n % 2) {
            diag_error(b->sc->diag, e->span,
                       "named_struct requires 2n (n > 0) parameters but the actual number is %d", n);
            return false;
        }
        TypeField *f = ARENA_NEW_N(b->sc->arena, TypeField, n / 2);
        for (int i = 0; i < n; i += 2) {
            if (asts[i]->kind == AST_NULL) {
                diag_error(b->sc->diag, asts[i]->span, "named_struct: Field name should not be null");
                return false;
            }
            if (asts[i]->kind != AST_STRING) {
                diag_error(b->sc->diag, asts[i]->span,
                           "named_struct: only foldable STRING expressions are allowed to appear "
                           "at odd positions");
                return false;
            }
            f[i / 2].name = asts[i]->u.str;
            f[i / 2].type = args[i + 1]->type;
        }
        *rt = type_struct(b->sc->arena, n / 2, f);
        return true;
    }
    FN_CASES_DATE:
        return sema_type_date_fn(b, e, fn, args, n, rt, bad, want);
    FN_CASES_MATH:
        return sema_type_math_fn(b, e, fn, args, n, rt, bad, want);
    FN_CASES_ARRAY:
        return sema_type_array_fn(b, e, fn, args, n, rt, bad, want);
    FN_CASES_MAP:
        return sema_type_map_fn(b, e, fn, args, n, rt, bad, want);
    case FN_NEGATIVE: /* bind_sign_fn */
    case FN_POSITIVE:
    case FN_SPECIAL_DATETIME: /* no name: sema_special_datetime makes it */
    case FN_TRY_CAST: /* sema_bind_try_cast */
    FN_CASES_TRY: /* sema_bind_try_fn */
    FN_CASES_LAMBDA: /* sema_bind_lambda_fn */
#define FN(id, sql, min_args, max_args, sig, sym) FN_CASE_IF_GENERIC_##sig(id)
#include "sema/functions.def"
#undef FN
    case FN__COUNT:
        break;
    }
    SL_UNREACHABLE();
}

/* ==== Typing by class ==== */

static SExpr *type_call(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n)
{
    const Type *rt = NULL;
    int bad = -1;
    const char *want = NULL;
    const Type **orig = ARENA_NEW_N(b->sc->arena, const Type *, n ? n : 1);
    for (int i = 0; i < n; i++)
        orig[i] = args[i]->type;
    switch (sema_func_info(fn)->sig) {
    case FSIG_SPECIAL:
        if (!type_special(b, e, fn, args, n, &rt, &bad, &want))
            return NULL;
        break;
    case FSIG_STR_STR:
    case FSIG_STR_INT:
        rt = sema_func_info(fn)->sig == FSIG_STR_STR ? &type_string : &type_int;
        /* Length of a BINARY counts its bytes (stringExpressions.scala, Length); other
           functions read a BINARY as the STRING of its bytes (ImplicitTypeCasts). */
        if (sema_func_is_length(fn) && n == 1 && args[0]->type->kind == TY_BINARY)
            break;
        sema_fn_convert_all(b, args, n, sema_to_string, &bad);
        /* Length, OctetLength, BitLength: TypeCollection(StringType, BinaryType) */
        want = sema_func_is_length(fn) || fn == FN_OCTET_LENGTH || fn == FN_BIT_LENGTH
                   ? SPARK_T_STRING_OR_BINARY
                   : "\"STRING\"";
        break;
    case FSIG_TS_INT: /* GetTimeField: AnyTimestampType */
        rt = &type_int;
        sema_fn_convert_all(b, args, n, sema_to_any_timestamp, &bad);
        want = SPARK_T_ANY_TIMESTAMP;
        break;
    case FSIG_DATE_INT: /* GetDateField: DateType */
        rt = &type_int;
        sema_fn_convert_all(b, args, n, sema_fn_date_arg, &bad);
        want = "\"DATE\"";
        break;
    case FSIG_DBL_DBL: /* UnaryMathExpression, BinaryMathExpression: DoubleType */
    case FSIG_DBL_LOG:
        rt = &type_double;
        sema_fn_convert_all(b, args, n, sema_fn_double_arg, &bad);
        /* Signum (3.3+): TypeCollection(DoubleType, YearMonthIntervalType, DayTimeIntervalType) */
        want = fn == FN_SIGN || fn == FN_SIGNUM ? "(\"DOUBLE\" or \"INTERVAL YEAR TO MONTH\" or "
                                                  "\"INTERVAL DAY TO SECOND\")"
                                                : "\"DOUBLE\"";
        break;
    case FSIG_REPLACED: /* bind_replaced */
        SL_UNREACHABLE();
    }
    if (bad >= 0) {
        const AstExpr *a = e->u.call.args.items[bad];
        if (sema_is_spark_type_text(want)) {
            sema_unexpected_input(b, sema_checked_call(b, e, fn), bad + 1, want, a, orig[bad]);
            return NULL;
        }
        char what[256];
        snprintf(what, sizeof what, "function '%s' expects %s as argument %d", sema_func_name(fn),
                 want, bad + 1);
        sema_type_error(b, a, what, a, orig[bad]);
        return NULL;
    }
    const SJsonFnOpts *json = NULL;
    if (fn == FN_FROM_JSON || (fn == FN_TO_JSON && n == 2)) {
        bool given = fn == FN_TO_JSON || n == 3;
        json = sema_json_fn_options(b, fn, rt, given ? args[n - 1] : NULL,
                                    e->u.call.args.items[given ? n - 1 : 1]);
        if (!json)
            return NULL;
    }
    SExpr *c = sema_new_expr(b->sc, SX_CALL, rt, e->span);
    c->u.call.fn = fn;
    c->u.call.args = args;
    c->u.call.n_args = n;
    if (sema_is_partition_fn(fn))
        c->u.call.site = b->sc->n_sites++;
    c->u.call.json = json;
    return c;
}

SExpr *sema_lower(Binder *b, SExpr *x, SrcSpan span)
{
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    args[0] = x;
    SExpr *c = sema_new_expr(b->sc, SX_CALL, &type_string, span);
    c->u.call.fn = FN_LOWER;
    c->u.call.args = args;
    c->u.call.n_args = 1;
    return c;
}

SExpr *sema_bind_func(Binder *b, const AstExpr *e)
{
    SemaCtx *sc = b->sc;
    const char *name = e->u.call.name ? e->u.call.name : "";
    int fn = sema_func_lookup(name);
    if (fn < 0 && strcasecmp(name, "make_interval") == 0) {
        /* MakeInterval (intervalExpressions.scala): a CalendarIntervalType value */
        diag_error(sc->diag, e->u.call.name_span,
                   "make_interval is not supported: Spark's MakeInterval returns a "
                   "CalendarIntervalType (months, days and microseconds apart), which sluice has "
                   "no values of; make_ym_interval and make_dt_interval make the ANSI intervals");
        return NULL;
    }
    if (fn < 0) {
        sema_unresolved_routine(sc, e->u.call.name_span, name);
        return NULL;
    }
    const SFuncInfo *info = sema_func_info((SFunc)fn);
    if (e->u.call.distinct) {
        diag_error(sc->diag, e->u.call.distinct_span,
                   "DISTINCT specified, but '%s' is not an aggregate function", info->name);
        return NULL;
    }
    if (e->u.call.star && fn == FN_STRUCT && b->blk && b->blk->input) {
        /* struct(*): CreateStruct of every input column (not a join's hidden ones), each
           field named as its column */
        const SSchema *in = b->blk->input;
        SExpr **cols = ARENA_NEW_N(sc->arena, SExpr *, in->n ? in->n : 1);
        TypeField *f = ARENA_NEW_N(sc->arena, TypeField, in->n ? in->n : 1);
        int n = 0;
        for (int c = 0; c < in->n; c++) {
            if (sema_input_hidden(b->blk, c))
                continue;
            cols[n] = sema_new_expr(sc, SX_COLUMN, in->cols[c].type, e->span);
            cols[n]->u.column = c;
            f[n].name = in->cols[c].name;
            f[n++].type = in->cols[c].type;
        }
        SExpr *s = sema_new_expr(sc, SX_CALL, type_struct(sc->arena, n, f), e->span);
        s->u.call.fn = FN_STRUCT;
        s->u.call.args = cols;
        s->u.call.n_args = n;
        return s;
    }
    if (e->u.call.star) {
        diag_error(sc->diag, e->span, "'*' is only allowed in count(*)");
        return NULL;
    }
    int n = e->u.call.args.n;
    if (n < info->min_args || n > info->max_args) {
        if (sema_func_cast_type((SFunc)fn)) /* FunctionRegistry.castAlias */
            diag_error(sc->diag, e->span, "Function %s accepts only one argument.", info->name);
        else
            sema_arity_error(b, e, info->name, info->min_args, info->max_args,
                             sema_func_arity((SFunc)fn));
        return NULL;
    }
    if (fn == FN_NEGATIVE || fn == FN_POSITIVE)
        return bind_sign_fn(b, e, (SFunc)fn);
    if (fn == FN_TRY_CAST)
        return sema_bind_try_cast(b, e);
    /* TIMESTAMPADD(unit, n, ts) and TIMESTAMPDIFF(unit, start, end), which DATEADD, DATE_ADD,
       DATEDIFF and DATE_DIFF are with three arguments (SqlBaseParser): the unit is a word */
    if (fn == FN_TIMESTAMPADD || fn == FN_TIMESTAMPDIFF ||
        (n == 3 &&
         (fn == FN_DATE_ADD || fn == FN_DATEADD || fn == FN_DATEDIFF || fn == FN_DATE_DIFF)))
        return sema_bind_timestamp_unit_fn(
            b, e, fn == FN_TIMESTAMPADD || fn == FN_DATE_ADD || fn == FN_DATEADD);
    switch (fn) {
    FN_CASES_LAMBDA:
        return sema_bind_lambda_fn(b, e, (SFunc)fn);
    default:
        break;
    }
    SExpr **args = ARENA_NEW_N(sc->arena, SExpr *, n ? n : 1);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        args[i] = sema_bind_expr(b, e->u.call.args.items[i]);
        ok = ok && args[i];
    }
    if (!ok)
        return NULL;
    if (info->sig == FSIG_REPLACED)
        return bind_replaced(b, e, (SFunc)fn, args);
    if (fn == FN_DECODE && n > 2)
        return bind_decode_case(b, e, args, n);
    if ((fn == FN_SIGN || fn == FN_SIGNUM) &&
        (args[0]->type->kind == TY_INTERVAL || args[0]->type->kind == TY_YM_INTERVAL))
        return bind_interval_signum(b, e, args[0]);
    switch (fn) {
    FN_CASES_TRY:
        return sema_bind_try_fn(b, e, (SFunc)fn, args);
    default:
        break;
    }
    return type_call(b, e, (SFunc)fn, args, n);
}
