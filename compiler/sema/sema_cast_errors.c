/* sema_cast_errors.c - Spark 3.5's refusal of a cast (Cast.typeCheckFailureMessage without
** ANSI mode): DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION where Spark names functions that
** convert the value, else CAST_WITHOUT_SUGGESTION (CAST_WITH_CONF_SUGGESTION is ANSI mode's).
**
** One builder for both.  Must not: decide whether a cast is allowed (sema_can_cast and
** sema_func_try.c's can_try_cast do).
*/
#include "sema/sema_int.h"

SExpr *sema_cast_refuse(Binder *b, SrcSpan at, const AstExpr *arg, const Type *from, const Type *to,
                        bool try_cast, const char *funcs)
{
    const char *src = sema_sql_type(b, from), *dst = sema_sql_type(b, to);
    /* Cast.sql: the child's alone for an ARRAY, MAP or STRUCT target ("HiveQL doesn't allow
       casting to complex types") */
    const char *sql = sema_expr_sql(b->sc, b->blk, arg);
    if (!type_is_nested(to))
        sql = arena_sprintf(b->sc->arena, "%s(%s AS %s)", try_cast ? "TRY_CAST" : "CAST", sql, dst);
    if (funcs)
        sema_mismatch_sql(b, at, sql, "CAST_WITH_FUNC_SUGGESTION",
                          arena_sprintf(b->sc->arena,
                                        "cannot cast \"%s\" to \"%s\". To convert values from "
                                        "\"%s\" to \"%s\", you can use the functions %s instead.",
                                        src, dst, src, dst, funcs));
    else
        sema_mismatch_sql(b, at, sql, "CAST_WITHOUT_SUGGESTION",
                          arena_sprintf(b->sc->arena, "cannot cast \"%s\" to \"%s\".", src, dst));
    return NULL;
}
