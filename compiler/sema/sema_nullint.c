/* sema_nullint.c - which bound expressions are Spark's NullIntolerant ones.
**
** A NullIntolerant expression (Spark 3.5, Expression.scala: "null in, null out") is NULL when
** any of its operands is.  The optimizer reads it to infer IsNotNull filters
** (QueryPlanConstraints.scanNullIntolerantAttribute: the columns a constraint reaches through
** NullIntolerant expressions only), which plan_pushdown.c puts below a join's sides.  Each
** kind below names the Spark class that mixes the trait in; an expression not listed (In,
** Concat, Coalesce, CaseWhen, IsNull, EqualNullSafe, And, Or, most functions) is not one.
** Must not: know about plans or codegen.
*/
#include "sema/sema.h"

/* Functions of functions.def whose Spark class is NullIntolerant: every row of the classes
   TS_INT (GetTimeField: hour, minute, second), DATE_INT (GetDateField: year .. weekofyear),
   DBL_DBL and DBL_LOG (UnaryMathExpression, UnaryLogExpression, BinaryMathExpression:
   sqrt, ln, pow, atan2, ...; pi() and e() read nothing), and these. */
static bool fn_null_intolerant(SFunc fn)
{
    SFnSig sig = sema_func_info(fn)->sig;
    if (sig == FSIG_TS_INT || sig == FSIG_DATE_INT || sig == FSIG_DBL_DBL || sig == FSIG_DBL_LOG)
        return true;
    switch (fn) {
    case FN_ABS:   /* Abs (arithmetic.scala) */
    case FN_PMOD:  /* Pmod extends BinaryArithmetic */
    case FN_UPPER: /* Upper, Lower: String2StringExpression with NullIntolerant */
    case FN_LOWER:
    case FN_UCASE:
    case FN_LCASE:
    case FN_LENGTH: /* Length (char_length, character_length, len) */
    case FN_CHAR_LENGTH:
    case FN_CHARACTER_LENGTH:
    case FN_LEN:
    case FN_SUBSTRING: /* Substring: TernaryExpression with NullIntolerant */
    case FN_SUBSTR:
    case FN_RLIKE: /* RLike extends StringRegexExpression (NullIntolerant) */
    case FN_REGEXP_LIKE:
    case FN_REGEXP:
    case FN_UNIX_SECONDS: /* TimestampToLongBase */
    case FN_UNIX_MILLIS:
    case FN_UNIX_MICROS:
    case FN_LOG: /* Logarithm, a BinaryMathExpression (log(x): base e) */
        return true;
    default:
        return false;
    }
}

bool sema_null_intolerant(const SExpr *e)
{
    switch (e->kind) {
    case SX_NOT:   /* Not */
    case SX_NEG:   /* UnaryMinus */
    case SX_CAST:  /* Cast */
    case SX_ARITH: /* BinaryArithmetic: Add, Subtract, Multiply, Divide, IntegralDivide,
                      Remainder, BitwiseAnd/Or/Xor; TimeAdd for TIMESTAMP +/- INTERVAL */
    case SX_LIKE:  /* Like extends StringRegexExpression */
        return true;
    case SX_CMP: /* EqualTo, LessThan, ... (NOT (a = b) for <>); not EqualNullSafe */
        return e->u.bin.op != BOP_NSEQ;
    case SX_CALL:
        return fn_null_intolerant(e->u.call.fn);
    default:
        return false;
    }
}
