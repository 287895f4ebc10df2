/* sema_func_math.c - typing of the math functions of functions.def that are SPECIAL
** (FN_CASES_MATH): log, isnan, nanvl, factorial, the shifts, bit_count, bin, conv,
** width_bucket, and the number and text functions grouped with them (format_number,
** format_string/printf, encode/decode, levenshtein, overlay, url_encode, url_decode,
** parse_url, mask, luhn_check, getbit, to_number, try_to_number and to_char's numeric
** form).  sema_func.c dispatches to it.
*/
#include <stdlib.h>
#include <string.h>

#include "common/cm_charset.h"
#include "common/cm_decfmt.h"
#include "common/cm_numfmt.h"
#include "common/cm_utf8.h"
#include "sema/sema_int.h"

/* ==== More math: log ... positive (mathExpressions.scala, arithmetic.scala) ==== */

/* A DOUBLE operand, or a FLOAT kept (IsNaN and NaNvl take TypeCollection(DoubleType,
   FloatType): other numbers and strings are cast to DOUBLE). */
static SExpr *to_fractional_arg(Binder *b, SExpr *e)
{
    return e->type->kind == TY_FLOAT ? e : sema_fn_double_arg(b, e);
}

/* Does a constant format_string format use only the conversions srt_printf.c implements
   (%s %S %d %x %X %o %f %e %E %g %G %a %A %% %n, flags - + space 0 ',', width, precision,
   n$)? */
static bool format_supported(const char *f)
{
    for (const char *p = f; (p = strchr(p, '%')); ) {
        p++;
        p += strspn(p, "0123456789$-+ ,.");
        if (!*p || !strchr("sSdxXofeEgGaA%n", *p))
            return false;
        p++;
    }
    return true;
}

/* A constant format_number pattern that DecimalFormat refuses, or that cm_decfmt does not
   support, is an error at its position. */
static void format_number_pattern(Binder *b, const SExpr *pat)
{
    CmDecFmt f;
    char why[200];
    const char *e = cm_decfmt_parse(pat->u.value.s, pat->u.value.n, &f, why, sizeof why);
    if (e)
        diag_error(b->sc->diag, pat->span, "format_number: %s", e);
}

/* ==== url_encode ... bit_get (urlExpressions.scala, maskExpressions.scala, Luhncheck,
   bitwiseExpressions.scala) ==== */

/* A STRING argument of ExpectsInputTypes (no implicit cast; NULL is a NULL STRING). */
static SExpr *string_no_cast(Binder *b, SExpr *e)
{
    TypeKind k = e->type->kind;
    return k == TY_STRING ? e : k == TY_NULL ? sema_coerce(b->sc, e, &type_string) : NULL;
}

/* Mask.checkInputDataTypes: each replacement argument foldable and, unless NULL, of one
   character; false after reporting Spark's message. */
static bool mask_replacements(Binder *b, const AstExpr *e, SExpr **args, int n)
{
    static const char *const names[] = {"upperChar", "lowerChar", "digitChar", "otherChar"};
    for (int i = 1; i < n; i++) {
        const AstExpr *a = e->u.call.args.items[i];
        const SExpr *x = args[i];
        if (x->kind != SX_CONST)
            return sema_mismatch(b, e, a->span, "NON_FOLDABLE_INPUT",
                                 sema_non_foldable_msg(b, names[i - 1], "STRING",
                                                       sema_expr_sql(b->sc, b->blk, a), false));
        if (x->u.value.is_null)
            continue;
        uint32_t chars = 0; /* UTF8String.numChars */
        for (uint32_t k = 0; k < x->u.value.n;
             k += cm_utf8_lead_len((unsigned char)x->u.value.s[k]))
            chars++;
        if (chars != 1)
            return sema_mismatch(
                b, e, a->span, "INPUT_SIZE_NOT_ONE",
                arena_sprintf(b->sc->arena, "Length of %s should be 1.", names[i - 1]));
    }
    return true;
}

/* url_encode, url_decode, luhn_check (ImplicitCastInputTypes: STRING), parse_url and mask
   (ExpectsInputTypes: STRING), getbit and bit_get (ImplicitCastInputTypes: an integral
   type, INT); Spark's UNEXPECTED_INPUT_TYPE for an argument it refuses.  getbit's result
   is a TINYINT (BitwiseGet.dataType: ByteType). */
static bool type_url_mask_bits(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                               const Type **rt)
{
    *rt = fn == FN_LUHN_CHECK                   ? &type_boolean
          : fn == FN_GETBIT || fn == FN_BIT_GET ? &type_tinyint
                                                : &type_string;
    if (fn == FN_GETBIT || fn == FN_BIT_GET) {
        TypeKind k = args[0]->type->kind;
        if (k == TY_NULL)
            args[0] = sema_coerce(b->sc, args[0], &type_int);
        else if (k != TY_TINYINT && k != TY_SMALLINT && k != TY_INT && k != TY_BIGINT)
            return sema_unexpected_input_type(b, e, 0, "\"INTEGRAL\"", args[0]->type), false;
        const Type *pos = args[1]->type;
        if (!(args[1] = sema_fn_int_arg(b, args[1])))
            return sema_unexpected_input_type(b, e, 1, "\"INT\"", pos), false;
        return true;
    }
    bool cast = fn == FN_URL_ENCODE || fn == FN_URL_DECODE || fn == FN_LUHN_CHECK;
    for (int i = 0; i < n; i++) {
        const Type *t = args[i]->type;
        if (!(args[i] = cast ? sema_to_string(b, args[i]) : string_no_cast(b, args[i])))
            return sema_unexpected_input_type(b, e, i, "\"STRING\"", t), false;
    }
    return fn != FN_MASK || mask_replacements(b, e, args, n);
}

/* ==== to_number, try_to_number, to_char (numberFormatExpressions.scala) ==== */

/* Expression.prettyName of the format as ToNumberBase sees it (after the implicit cast to
   STRING): Cast's "cast", a column's class name "attributereference", a call's name; NULL
   for other expressions. */
static const char *format_pretty_name(Binder *b, const AstExpr *a, bool cast)
{
    if (cast)
        return "cast";
    if (a->kind == AST_COLUMN)
        return "attributereference";
    if (a->kind != AST_CALL)
        return NULL;
    char *s = arena_strdup(b->sc->arena, a->u.call.name);
    for (char *p = s; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    return s;
}

/* The format argument of ToNumberBase and ToCharacter (checkInputDataTypes): foldable, then
   ToNumberParser's checks of a non-NULL one.  Sets *rt to to_number's DECIMAL (DECIMAL(10, 0),
   DecimalType.USER_DEFAULT, for a NULL format); false after reporting. */
static bool number_format_arg(Binder *b, const AstExpr *e, SExpr **args, const Type **rt,
                              bool to_number)
{
    const AstExpr *a = e->u.call.args.items[1];
    const Type *t = args[1]->type;
    if (!(args[1] = sema_to_string(b, args[1])))
        return sema_unexpected_input_type(b, e, 1, "\"STRING\"", t), false;
    bool cast = t->kind != TY_STRING && t->kind != TY_NULL;
    const SExpr *f = args[1];
    if (!sema_foldable(f)) {
        const char *name = format_pretty_name(b, a, cast);
        const char *sql = sema_expr_sql(b->sc, b->blk, a);
        if (!name) {
            diag_error(b->sc->diag, a->span, "the format of %s must be a constant", e->u.call.name);
            return false;
        }
        return sema_mismatch(
            b, e, a->span, "NON_FOLDABLE_INPUT",
            sema_non_foldable_msg(b, name, "STRING", sql, cast));
    }
    *rt = type_decimal(10, 0);
    const SExpr *lit = f->kind == SX_CAST && f->u.arg->kind == SX_CONST ? f->u.arg : f;
    if (lit->kind == SX_CONST && lit->u.value.is_null)
        return true; /* a NULL format: NULL values */
    if (lit != f || f->kind != SX_CONST) {
        diag_error(b->sc->diag, a->span,
                   "%s with a format that is not a string literal is not supported yet",
                   e->u.call.name);
        return false;
    }
    if (f->u.value.n > CM_NUMFMT_MAX) {
        diag_error(b->sc->diag, a->span,
                   "%s with a format of more than %d bytes is not supported yet", e->u.call.name,
                   CM_NUMFMT_MAX);
        return false;
    }
    CmNumFmt *nf = ARENA_NEW(b->sc->arena, CmNumFmt);
    const char *sub;
    char why[512];
    if (cm_numfmt_compile(f->u.value.s, f->u.value.n, nf, &sub, why, sizeof why)) {
        diag_error(b->sc->diag, a->span, "[INVALID_FORMAT.%s] %s", sub, why);
        return false;
    }
    if (to_number && nf->precision > TYPE_DECIMAL_MAX_PRECISION) { /* ToNumber's dataType */
        diag_error(b->sc->diag, a->span,
                   "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision %d exceeds max "
                   "precision %d.",
                   nf->precision, TYPE_DECIMAL_MAX_PRECISION);
        return false;
    }
    *rt = type_decimal(nf->precision, nf->scale);
    return true;
}

/* to_number(s, fmt) and try_to_number (ToNumberBase: ImplicitCastInputTypes of STRING,
   STRING): DECIMAL(precision, scale) of the format; to_char(x, fmt) of a number
   (ToCharacter: x implicitly cast to DECIMAL, a number by DecimalType.forType, a string to
   DECIMAL(38, 18)): STRING. */
static bool type_number_format(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, const Type **rt)
{
    const Type *t = args[0]->type;
    if (fn == FN_TO_CHAR_NUMBER) {
        const Type *d = type_is_numeric(t) || t->kind == TY_DECIMAL  ? type_decimal_for(t)
                        : t->kind == TY_STRING || t->kind == TY_NULL ? type_decimal(38, 18)
                                                                     : NULL;
        if (!d)
            return sema_unexpected_input_type(b, e, 0, "\"DECIMAL\"", t), false;
        args[0] = sema_coerce(b->sc, args[0], d);
    } else if (!(args[0] = sema_to_string(b, args[0]))) {
        return sema_unexpected_input_type(b, e, 0, "\"STRING\"", t), false;
    }
    if (!number_format_arg(b, e, args, rt, fn != FN_TO_CHAR_NUMBER))
        return false;
    if (fn == FN_TO_CHAR_NUMBER)
        *rt = &type_string;
    return true;
}

/* ==== to_binary, try_to_binary (stringExpressions.scala's ToBinary, Spark 3.5) ==== */

/* ToBinary.fmt: the format's text lower-cased (toLowerCase(Locale.ROOT); only ASCII letters
   here: no other letter lowers into a format name, so only a message could differ), or NULL
   for a constant sluice cannot read as Spark's cast to STRING would (sets *unsupported). */
static const char *binary_format_text(Binder *b, const AstExpr *a, const SExpr *lit,
                                      bool *unsupported)
{
    const char *v = lit->u.value.s;
    uint32_t n = lit->u.value.n;
    TypeKind k = lit->type->kind;
    if (k != TY_STRING && k != TY_BINARY) {
        if (!type_is_integral(lit->type) && k != TY_BOOLEAN && k != TY_DECIMAL) {
            *unsupported = true;
            return NULL;
        }
        v = sema_expr_sql(b->sc, b->blk, a); /* a literal's text is its cast to STRING */
        n = (uint32_t)strlen(v);
    }
    char *low = arena_strndup(b->sc->arena, v, n);
    for (uint32_t i = 0; i < n; i++)
        low[i] = (char)(low[i] >= 'A' && low[i] <= 'Z' ? low[i] + 32 : low[i]);
    return low;
}

/* Spark's text of the ToBinary that to_binary or try_to_binary (TryEval(ToBinary(...))) makes,
   the expression whose check fails: to_binary(...). */
static const char *to_binary_sql(Binder *b, const AstExpr *e)
{
    const char *paren = strchr(sema_expr_sql(b->sc, b->blk, e), '(');
    return arena_sprintf(b->sc->arena, "to_binary%s", paren ? paren : "()");
}

/* A DATATYPE_MISMATCH of ToBinary.checkInputDataTypes at the span at; false. */
static bool binary_mismatch(Binder *b, const AstExpr *e, SrcSpan at, const char *sub,
                            const char *msg)
{
    diag_error(b->sc->diag, at,
               "[DATATYPE_MISMATCH.%s] Cannot resolve \"%s\" due to data type mismatch: %s", sub,
               to_binary_sql(b, e), msg);
    return false;
}

/* to_binary(s[, fmt]) and try_to_binary: BINARY.  ToBinary.checkInputDataTypes: a format
   that is a foldable STRING (or NULL) must name 'hex', 'utf-8', 'utf8' or 'base64' (any
   case, not trimmed: INVALID_ARG_VALUE; try_to_binary is NULL instead), one that is not
   foldable is NON_FOLDABLE_INPUT for both; then s is implicitly cast to STRING.  args[1]
   becomes the STRING constant "hex", "utf-8" or "base64" (cg_func.c's call_to_binary), or a
   NULL when the result is NULL (a NULL format, try_to_binary's invalid one). */
static bool type_to_binary(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                           const Type **rt)
{
    *rt = &type_binary;
    if (n > 1) {
        const AstExpr *a = e->u.call.args.items[1];
        const Type *t = args[1]->type;
        SExpr *f = sema_to_string(b, args[1]);
        if (!sema_foldable(f ? f : args[1])) {
            const char *sql = sema_expr_sql(b->sc, b->blk, a);
            bool cast = f && t->kind != TY_STRING && t->kind != TY_NULL;
            return binary_mismatch(
                b, e, a->span, "NON_FOLDABLE_INPUT",
                sema_non_foldable_msg(b, "fmt", "STRING", sql, cast));
        }
        const SExpr *lit = f && f->kind == SX_CAST && f->u.arg->kind == SX_CONST ? f->u.arg : f;
        bool unsupported = !lit || lit->kind != SX_CONST;
        const char *fmt = unsupported || lit->u.value.is_null
                              ? NULL
                              : binary_format_text(b, a, lit, &unsupported);
        if (unsupported) {
            diag_error(b->sc->diag, a->span,
                       "%s with a format that is not a literal is not supported yet",
                       e->u.call.name);
            return false;
        }
        const char *canon = !fmt                                                    ? NULL
                            : strcmp(fmt, "hex") == 0                               ? "hex"
                            : strcmp(fmt, "base64") == 0                            ? "base64"
                            : strcmp(fmt, "utf-8") == 0 || strcmp(fmt, "utf8") == 0 ? "utf-8"
                                                                                    : NULL;
        if (fmt && !canon && fn == FN_TO_BINARY)
            return binary_mismatch(
                b, e, a->span, "INVALID_ARG_VALUE",
                arena_sprintf(b->sc->arena,
                              "The fmt value must to be a case-insensitive \"STRING\" literal of "
                              "'hex', 'utf-8', 'utf8', or 'base64', but got %s.",
                              sema_sql_string_value(b->sc->arena, fmt)));
        SExpr *c = sema_new_expr(b->sc, SX_CONST, &type_string, a->span);
        c->u.value.is_null = !canon;
        c->u.value.s = canon ? canon : "";
        c->u.value.n = (uint32_t)strlen(c->u.value.s);
        args[1] = c;
    }
    const AstExpr *a0 = e->u.call.args.items[0];
    const Type *t0 = args[0]->type;
    if (!(args[0] = sema_to_string(b, args[0])))
        return binary_mismatch(
            b, e, a0->span, "UNEXPECTED_INPUT_TYPE",
            arena_sprintf(b->sc->arena,
                          "Parameter 1 requires the \"STRING\" type, however \"%s\" has the "
                          "type \"%s\".",
                          sema_expr_sql(b->sc, b->blk, a0), sema_map_sql_type(b->sc->arena, t0)));
    return true;
}

bool sema_type_math_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                       int *bad, const char **want)
{
    *want = "\"DOUBLE\""; /* ImplicitCastInputTypes of DoubleType */
    switch (fn) {
    case FN_LOG: /* Logarithm(base, x), log(x) = Logarithm(EulerNumber(), x) */
        *rt = &type_double;
        sema_fn_convert_all(b, args, n, sema_fn_double_arg, bad);
        return true;
    case FN_ISNAN: /* IsNaN: BOOLEAN, never NULL; TypeCollection(DoubleType, FloatType) */
        *rt = &type_boolean;
        if (!(args[0] = to_fractional_arg(b, args[0])))
            *bad = 0, *want = "(\"DOUBLE\" or \"FLOAT\")";
        return true;
    case FN_NANVL: /* NaNvl: a FLOAT pair stays FLOAT (TypeCoercion casts a mixed pair to DOUBLE) */
        if (args[0]->type->kind == TY_FLOAT &&
            (args[1]->type->kind == TY_FLOAT || args[1]->type->kind == TY_NULL)) {
            args[1] = sema_coerce(b->sc, args[1], &type_float);
            *rt = &type_float;
            return true;
        }
        *rt = &type_double;
        sema_fn_convert_all(b, args, n, sema_fn_double_arg, bad);
        *want = "(\"DOUBLE\" or \"FLOAT\")";
        return true;
    case FN_FACTORIAL: /* Factorial(INT): BIGINT, ImplicitCastInputTypes */
        *rt = &type_bigint;
        if (!(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0, *want = "\"INT\"";
        return true;
    case FN_SHIFTLEFT: /* ShiftLeft and the others: (INT | BIGINT, INT), the left's type; */
    case FN_SHIFTRIGHT: /* other numbers, strings and NULL are cast to INT (the first of */
    case FN_SHIFTRIGHTUNSIGNED: /* TypeCollection(IntegerType, LongType)) */
        if (args[0]->type->kind != TY_BIGINT && !(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0, *want = "(\"INT\" or \"BIGINT\")";
        else if (!(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "\"INT\"";
        else
            *rt = args[0]->type;
        return true;
    case FN_BIT_COUNT: /* BitwiseCount: TypeCollection(IntegralType, BooleanType) -> INT,
                          ExpectsInputTypes */
        *rt = &type_int;
        *want = "(\"INTEGRAL\" or \"BOOLEAN\")";
        if (args[0]->type->kind == TY_NULL)
            args[0] = sema_coerce(b->sc, args[0], &type_int);
        else if (!type_is_integral(args[0]->type) && args[0]->type->kind != TY_BOOLEAN)
            *bad = 0;
        return true;
    case FN_BIN: /* Bin(LongType) -> STRING, ImplicitCastInputTypes */
        *rt = &type_string;
        *want = "\"BIGINT\"";
        if (!(args[0] = sema_fn_long_arg(b, args[0])))
            *bad = 0;
        return true;
    case FN_CONV: /* Conv(STRING, INT, INT) -> STRING, ImplicitCastInputTypes */
        *rt = &type_string;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        for (int i = 1; *bad < 0 && i < 3; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "\"INT\"";
        return true;
    case FN_WIDTH_BUCKET: /* WidthBucket(DOUBLE, DOUBLE, DOUBLE, BIGINT) -> BIGINT; each of the
                             first three TypeCollection(DoubleType, YearMonthIntervalType,
                             DayTimeIntervalType), whose intervals sluice does not take yet */
        *rt = &type_bigint;
        sema_fn_convert_all(b, args, 3, sema_fn_double_arg, bad);
        *want = "(\"DOUBLE\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")";
        if (*bad < 0 && !(args[3] = sema_fn_long_arg(b, args[3])))
            *bad = 3, *want = "\"BIGINT\"";
        return true;
    case FN_FORMAT_NUMBER: /* FormatNumber(numeric, INT d | STRING pattern) -> STRING; a string
                              or NULL x is read as DOUBLE; a constant pattern is checked here
                              (cm_decfmt.h), a computed one when it is used */
        *rt = &type_string; /* ImplicitCastInputTypes (NumericType, (IntegerType, StringType)) */
        if (args[0]->type->kind != TY_DECIMAL && !(args[0] = sema_fn_numeric_arg(b, args[0])))
            *bad = 0, *want = "\"NUMERIC\"";
        else if (args[1]->type->kind != TY_STRING && !(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "(\"INT\" or \"STRING\")";
        else if (sema_fn_is_string_const(args[1]))
            format_number_pattern(b, args[1]);
        return true;
    case FN_FORMAT_STRING: /* FormatString(STRING fmt, any...) -> STRING; the values go to */
    case FN_PRINTF: /* java.util.Formatter as Spark passes them (DECIMAL as its text) */
        *rt = &type_string; /* ImplicitCastInputTypes: StringType, then AnyDataType */
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "\"STRING\"";
        for (int i = 1; *bad < 0 && i < n; i++) {
            TypeKind k = args[i]->type->kind;
            if (k == TY_DECIMAL || k == TY_NULL)
                args[i] = sema_coerce(b->sc, args[i], &type_string);
            else if (k == TY_INTERVAL || k == TY_BINARY || type_is_nested(args[i]->type))
                *bad = i, *want = "a number, string, boolean, date or timestamp";
        }
        if (*bad < 0 && sema_fn_is_string_const(args[0]) && !format_supported(args[0]->u.value.s))
            *bad = 0, *want = "only %s %S %d %x %X %o %f %e %E %g %G %a %A %% %n conversions";
        return true;
    case FN_ENCODE: /* Encode(STRING, STRING charset) -> BINARY */
    case FN_DECODE: /* StringDecode(BINARY, STRING charset) -> STRING; ImplicitCastInputTypes */
        *rt = fn == FN_ENCODE ? &type_binary : &type_string;
        if (fn == FN_ENCODE ? !(args[0] = sema_to_string(b, args[0]))
                            : !(args[0] = sema_fn_bytes_arg(b, args[0])))
            *bad = 0, *want = fn == FN_ENCODE ? "\"STRING\"" : "\"BINARY\"";
        else if (!(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        else if (sema_fn_is_string_const(args[1]) &&
                 cm_charset_code(args[1]->u.value.s, args[1]->u.value.n) < 0)
            *bad = 1, *want = "UTF-8, US-ASCII, ISO-8859-1 or UTF-16[BE|LE]";
        return true;
    case FN_OVERLAY: /* Overlay(STRING | BINARY, STRING | BINARY, INT, INT) -> input's type,
                        ImplicitCastInputTypes */
        for (int i = 0; *bad < 0 && i < 2; i++)
            if (args[i]->type->kind != TY_BINARY && !(args[i] = sema_to_string(b, args[i])))
                *bad = i, *want = SPARK_T_STRING_OR_BINARY;
        for (int i = 2; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "\"INT\"";
        if (*bad < 0 && args[0]->type->kind != args[1]->type->kind) {
            /* TypeUtils.checkForSameTypeInputExpr */
            const Type *types[] = {args[0]->type, args[1]->type};
            return sema_diff_types(b, (SChecked){e, NULL, "overlay"}, types, 2);
        }
        *rt = args[0]->type;
        return true;
    case FN_URL_ENCODE:
    case FN_URL_DECODE:
    case FN_PARSE_URL:
    case FN_MASK:
    case FN_LUHN_CHECK:
    case FN_GETBIT:
    case FN_BIT_GET:
        return type_url_mask_bits(b, e, fn, args, n, rt);
    case FN_LEVENSHTEIN: /* Levenshtein(STRING, STRING[, INT threshold]) -> INT */
        *rt = &type_int;
        sema_fn_convert_all(b, args, 2, sema_to_string, bad); /* ImplicitCastInputTypes */
        if (*bad >= 0)
            *want = "\"STRING\"";
        else if (n > 2 && !(args[2] = sema_fn_int_arg(b, args[2])))
            *bad = 2, *want = "\"INT\"";
        return true;
    case FN_TO_NUMBER:
    case FN_TRY_TO_NUMBER:
    case FN_TO_CHAR_NUMBER:
        return type_number_format(b, e, fn, args, rt);
    case FN_TO_BINARY:
    case FN_TRY_TO_BINARY:
        return type_to_binary(b, e, fn, args, n, rt);
    default:
        SL_UNREACHABLE();
    }
}
