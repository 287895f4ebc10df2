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

/* Functions of functions.def whose Spark class is NullIntolerant. */
static bool fn_null_intolerant(SFunc fn)
{
    switch (fn) {
    case FN_ABS:              /* Abs (arithmetic.scala) */
    case FN_PMOD:             /* Pmod extends BinaryArithmetic */
    case FN_UPPER:            /* Upper, Lower: String2StringExpression with NullIntolerant */
    case FN_LOWER:
    case FN_UCASE:
    case FN_LCASE:
    case FN_LENGTH:           /* Length (char_length, character_length, len) */
    case FN_CHAR_LENGTH:
    case FN_CHARACTER_LENGTH:
    case FN_LEN:
    case FN_SUBSTRING:        /* Substring: TernaryExpression with NullIntolerant */
    case FN_SUBSTR:
    case FN_RLIKE:            /* RLike extends StringRegexExpression (NullIntolerant) */
    case FN_REGEXP_LIKE:
    case FN_REGEXP:
    case FN_YEAR:             /* GetDateField (datetimeExpressions.scala) */
    case FN_MONTH:
    case FN_DAY:
    case FN_DAYOFMONTH:
    case FN_DAYOFWEEK:
    case FN_WEEKDAY:
    case FN_DAYOFYEAR:
    case FN_QUARTER:
    case FN_WEEKOFYEAR:
    case FN_HOUR:             /* GetTimeField */
    case FN_MINUTE:
    case FN_SECOND:
    case FN_UNIX_SECONDS:     /* TimestampToLongBase */
    case FN_UNIX_MILLIS:
    case FN_UNIX_MICROS:
    case FN_SQRT:             /* UnaryMathExpression (mathExpressions.scala), and */
    case FN_EXP:              /* UnaryLogExpression which extends it */
    case FN_EXPM1:
    case FN_SIGN:
    case FN_SIGNUM:
    case FN_LN:
    case FN_LOG10:
    case FN_LOG2:
    case FN_LOG1P:
    case FN_COS:
    case FN_SIN:
    case FN_TAN:
    case FN_ACOS:
    case FN_ASIN:
    case FN_ATAN:
    case FN_COSH:
    case FN_SINH:
    case FN_TANH:
    case FN_ACOSH:
    case FN_ASINH:
    case FN_ATANH:
    case FN_SEC:
    case FN_CSC:
    case FN_COT:
    case FN_DEGREES:
    case FN_RADIANS:
    case FN_CBRT:
    case FN_RINT:
    case FN_POW:              /* BinaryMathExpression: Pow, Atan2, Hypot, Logarithm */
    case FN_POWER:
    case FN_ATAN2:
    case FN_HYPOT:
    case FN_LOG:
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
    case SX_CMP:   /* EqualTo, LessThan, ... (NOT (a = b) for <>); not EqualNullSafe */
        return e->u.bin.op != BOP_NSEQ;
    case SX_CALL:
        return fn_null_intolerant(e->u.call.fn);
    default:
        return false;
    }
}
