/* check_plan_nulleval.c - unit tests of plan_filters_out_null (compiler/plan/plan_nulleval.c).
**
** Table-driven: each case binds `WHERE <expr>` over a source (every column read is then NULL,
** as canFilterOutNull's row of NULLs) and states whether Spark's EliminateOuterJoin finds the
** conjunct NULL or false over it, worked out by hand from Spark's non-ANSI evaluation.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "front/parse.h"
#include "plan/plan.h"
#include "sema/sema.h"

#define PRELUDE                                                                                    \
    "CREATE SOURCE r (v BIGINT, i INT, t TINYINT, k STRING, d DOUBLE, c DECIMAL(4, 2),\n"          \
    "  ts TIMESTAMP) WITH (connector = 'files', path = 'data/r', format = 'json');\n"              \
    "CREATE SINK out WITH (connector = 'console');\n"                                              \
    "INSERT INTO out SELECT * FROM r WHERE "

typedef struct NullCase {
    const char *where;
    bool rejects; /* NULL or false over a row of NULLs */
} NullCase;

static const NullCase cases[] = {
    /* comparisons and NULL propagation */
    {"v > 2", true},
    {"v IS NOT NULL", true},
    {"v IS NULL", false},
    {"NOT (v = 1)", true},
    {"v <=> NULL", false},
    {"NOT (v <=> NULL)", true},
    {"v <=> 1", true},
    {"v > 2 OR v IS NULL", false},
    {"v > 2 OR coalesce(k, 'a') = 'b'", true},
    {"upper(k) = 'A'", true},
    /* coalesce and its spellings */
    {"coalesce(v, 0) > 2", true},
    {"coalesce(v, 5) > 2", false},
    {"nvl(v, 0) > 2", true},
    {"ifnull(v, 3) = 3", false},
    {"coalesce(v, i, 1) = 1", false},
    {"coalesce(v * 0, 0) = 0", false},
    /* conditionals */
    {"if(v IS NULL, false, true)", true},
    {"if(v IS NULL, true, false)", false},
    {"nvl2(v, true, false)", true},
    {"CASE WHEN v IS NULL THEN 0 ELSE 1 END = 1", true},
    {"CASE WHEN v > 1 THEN 1 END = 1", true},
    {"CASE WHEN v > 1 THEN 1 ELSE 2 END = 2", false},
    {"nullif(coalesce(v, 0), 0) > 1", true},
    /* IN lists */
    {"coalesce(v, 1) IN (2, 3)", true},
    {"coalesce(v, 1) IN (1, 3)", false},
    {"coalesce(v, 1) IN (2, NULL)", true},
    {"coalesce(v, 1) NOT IN (2, 3)", false},
    {"coalesce(k, '') NOT IN ('', 'a')", true},
    {"k IN ('a', 'b')", true},
    /* strings, by bytes */
    {"coalesce(k, 'x') = 'x'", false},
    {"coalesce(k, 'x') = 'y'", true},
    {"coalesce(k, 'b') < 'ab'", true},
    {"coalesce(k, 'b') > 'ab'", false},
    {"coalesce(k, 'ab') > 'a'", false},
    /* arithmetic: integral wraps, x / 0 and x % 0 are NULL */
    {"coalesce(v, 0) + 1 > 1", true},
    {"coalesce(v, 9223372036854775807) + 1 < 0", false},
    {"coalesce(i, 2147483647) + 1 < 0", false},
    {"coalesce(v, 0) / 0 > 1", true},
    {"coalesce(v, 7) % 0 = 1", true},
    {"-coalesce(v, 1) < 0", false},
    {"coalesce(d, 0.0) * 2 > 1", true},
    {"coalesce(d, double('NaN')) = double('NaN')", false},
    {"coalesce(d, double('NaN')) > 1e308", false},
    /* casts */
    {"CAST(coalesce(v, 0) AS DOUBLE) > 0.5", true},
    {"CAST(coalesce(v, 1) AS DOUBLE) > 0.5", false},
    {"CAST(coalesce(v, 300) AS TINYINT) = 44", false},
    {"CAST(coalesce(v, 300) AS TINYINT) = 45", true},
    {"CAST(coalesce(d, 3.9) AS INT) = 3", false},
    {"CAST(coalesce(d, 1e20) AS INT) = 2147483647", false},
    {"CAST(coalesce(v, 0) AS BOOLEAN)", true},
    /* DECIMAL */
    {"coalesce(v, 0) > 2.5", true},
    {"coalesce(v, 3) > 2.5", false},
    {"coalesce(c, 2.45) > 2.4", false},
    {"coalesce(c, 2.45) > 2.5", true},
    {"CAST(coalesce(c, 3.75) AS DECIMAL(2, 1)) = 3.8", false},
    {"CAST(coalesce(v, 3.7) AS INT) = 4", true},
    {"coalesce(ts, TIMESTAMP '2024-01-01 00:00:00') < TIMESTAMP '2000-01-01 00:00:00'", true},
    /* what is not computed keeps the join type (Spark finds these true too) */
    {"coalesce(k, 'b') LIKE 'b%'", false},
    {"length(coalesce(k, 'abc')) = 3", false},
    /* not deterministic: never rejects */
    {"coalesce(v, 0) > 2 OR v + length(uuid()) > 0", false},
    {"coalesce(v, 0) > 2 OR v + 1 > 0", true},
};

START_TEST(test_filters_out_null)
{
    const NullCase *c = &cases[_i];
    Arena arena;
    arena_init(&arena);
    const char *sql = arena_sprintf(&arena, "%s%s;\n", PRELUDE, c->where);
    SrcFile *f = srcfile_from_text(&arena, "t.sql", sql, strlen(sql));
    Diag diag;
    diag_init(&diag, f, stderr);
    AstScript *script = parse_script(&arena, &diag, f);
    ck_assert_msg(script != NULL, "%s: syntax error", c->where);
    SProgram *prog = sema_check(&arena, &diag, script);
    ck_assert_msg(prog != NULL && prog->n_queries == 1, "%s: does not bind", c->where);
    const SExpr *where = prog->queries[0]->select->where;
    ck_assert_msg(where != NULL, "%s: no WHERE", c->where);
    ck_assert_msg(plan_filters_out_null(where) == c->rejects, "%s: want %s", c->where,
                  c->rejects ? "rejects NULLs" : "keeps NULLs");
    arena_free(&arena);
}
END_TEST

Suite *plan_nulleval_suite(void)
{
    Suite *s = suite_create("plan_nulleval");
    TCase *tc = tcase_create("filters_out_null");
    tcase_add_loop_test(tc, test_filters_out_null, 0, (int)(sizeof cases / sizeof cases[0]));
    suite_add_tcase(s, tc);
    return s;
}
