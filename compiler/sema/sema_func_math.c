/* sema_func_math.c - typing of the math functions of functions.def that are SPECIAL
** (FN_CASES_MATH): log, isnan, nanvl, factorial, the shifts, bit_count, bin, conv,
** width_bucket, and the number and text functions grouped with them (format_number,
** format_string/printf, encode/decode, levenshtein, overlay).  sema_func.c dispatches to it.
*/
#include <stdlib.h>
#include <string.h>

#include "common/cm_charset.h"
#include "common/cm_decfmt.h"
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

bool sema_type_math_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n, const Type **rt,
                       int *bad, const char **want)
{
    *want = "a numeric value";
    switch (fn) {
    case FN_LOG: /* Logarithm(base, x), log(x) = Logarithm(EulerNumber(), x) */
        *rt = &type_double;
        sema_fn_convert_all(b, args, n, sema_fn_double_arg, bad);
        return true;
    case FN_ISNAN: /* IsNaN: BOOLEAN, never NULL */
        *rt = &type_boolean;
        if (!(args[0] = to_fractional_arg(b, args[0])))
            *bad = 0;
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
        return true;
    case FN_FACTORIAL: /* Factorial(INT): BIGINT */
        *rt = &type_bigint;
        if (!(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0, *want = "an integer";
        return true;
    case FN_SHIFTLEFT: /* ShiftLeft and the others: (INT | BIGINT, INT), the left's type; */
    case FN_SHIFTRIGHT: /* other numbers, strings and NULL are cast to INT (the first of */
    case FN_SHIFTRIGHTUNSIGNED: /* TypeCollection(IntegerType, LongType)) */
        *want = "an integer";
        if (args[0]->type->kind != TY_BIGINT && !(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0;
        else if (!(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1;
        else
            *rt = args[0]->type;
        return true;
    case FN_BIT_COUNT: /* BitwiseCount: TypeCollection(IntegralType, BooleanType) -> INT */
        *rt = &type_int;
        *want = "an integer or a boolean";
        if (args[0]->type->kind == TY_NULL)
            args[0] = sema_coerce(b->sc, args[0], &type_int);
        else if (!type_is_integral(args[0]->type) && args[0]->type->kind != TY_BOOLEAN)
            *bad = 0;
        return true;
    case FN_BIN: /* Bin(LongType) -> STRING */
        *rt = &type_string;
        *want = "an integer";
        if (!(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0;
        else
            args[0] = sema_coerce(b->sc, args[0], &type_bigint);
        return true;
    case FN_CONV: /* Conv(STRING, INT, INT) -> STRING */
        *rt = &type_string;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "a string";
        for (int i = 1; *bad < 0 && i < 3; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "an integer";
        return true;
    case FN_WIDTH_BUCKET: /* WidthBucket(DOUBLE, DOUBLE, DOUBLE, BIGINT) -> BIGINT */
        *rt = &type_bigint;
        sema_fn_convert_all(b, args, 3, sema_fn_double_arg, bad);
        if (*bad < 0 && !(args[3] = sema_fn_int_arg(b, args[3])))
            *bad = 3, *want = "an integer";
        else if (*bad < 0)
            args[3] = sema_coerce(b->sc, args[3], &type_bigint);
        return true;
    case FN_FORMAT_NUMBER: /* FormatNumber(numeric, INT d | STRING pattern) -> STRING; a string
                              or NULL x is read as DOUBLE; a constant pattern is checked here
                              (cm_decfmt.h), a computed one when it is used */
        *rt = &type_string;
        if (args[0]->type->kind != TY_DECIMAL && !(args[0] = sema_fn_numeric_arg(b, args[0])))
            *bad = 0;
        else if (args[1]->type->kind != TY_STRING && !(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "an integer number of decimal places or a DecimalFormat pattern";
        else if (sema_fn_is_string_const(args[1]))
            format_number_pattern(b, args[1]);
        return true;
    case FN_FORMAT_STRING: /* FormatString(STRING fmt, any...) -> STRING; the values go to */
    case FN_PRINTF: /* java.util.Formatter as Spark passes them (DECIMAL as its text) */
        *rt = &type_string;
        if (!(args[0] = sema_to_string(b, args[0])))
            *bad = 0, *want = "a format string";
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
    case FN_DECODE: /* StringDecode(BINARY, STRING charset) -> STRING */
        *rt = fn == FN_ENCODE ? &type_binary : &type_string;
        if (fn == FN_ENCODE ? !(args[0] = sema_to_string(b, args[0]))
                            : !(args[0] = sema_fn_bytes_arg(b, args[0])))
            *bad = 0, *want = fn == FN_ENCODE ? "a string" : "a binary value";
        else if (!(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "a charset name";
        else if (sema_fn_is_string_const(args[1]) &&
                 cm_charset_code(args[1]->u.value.s, args[1]->u.value.n) < 0)
            *bad = 1, *want = "UTF-8, US-ASCII, ISO-8859-1 or UTF-16[BE|LE]";
        return true;
    case FN_OVERLAY: /* Overlay(STRING | BINARY, STRING | BINARY, INT, INT) -> input's type */
        for (int i = 0; *bad < 0 && i < 2; i++)
            if (args[i]->type->kind != TY_BINARY && !(args[i] = sema_to_string(b, args[i])))
                *bad = i, *want = "a string or a binary value";
        for (int i = 2; *bad < 0 && i < n; i++)
            if (!(args[i] = sema_fn_int_arg(b, args[i])))
                *bad = i, *want = "an integer";
        if (*bad < 0 && args[0]->type->kind != args[1]->type->kind) {
            /* TypeUtils.checkForSameTypeInputExpr */
            diag_error(b->sc->diag, e->span,
                       "[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"%s\" due to data "
                       "type mismatch: Input to `overlay` should all be the same type, but it's "
                       "[\"%s\", \"%s\"].",
                       sema_expr_sql(b->sc, b->blk, e), sema_sql_type(b, args[0]->type),
                       sema_sql_type(b, args[1]->type));
            return false;
        }
        *rt = args[0]->type;
        return true;
    case FN_LEVENSHTEIN: /* Levenshtein(STRING, STRING[, INT threshold]) -> INT */
        *rt = &type_int;
        sema_fn_convert_all(b, args, 2, sema_to_string, bad);
        if (*bad >= 0)
            *want = "a string";
        else if (n > 2 && !(args[2] = sema_fn_int_arg(b, args[2])))
            *bad = 2, *want = "an integer";
        return true;
    default:
        SL_UNREACHABLE();
    }
}
