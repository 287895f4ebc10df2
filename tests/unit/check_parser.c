/* check_parser.c - unit tests of the grammar (grammar/parser.y) and the AST (front/ast*.c).
**
** Table-driven: whole statements against their exact S-expression dump, single
** expressions against their one-line dump, invalid input against the exact
** machine-format diagnostic (line, column, message), node spans against the
** text they must cover.  Then the keyword table against the grammar, and a
** fuzz-ish sweep (every prefix, every single-byte edit of a valid script) that
** must never crash and must end in either a tree or exactly one error.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "base/strbuf.h"
#include "front/ast.h"
#include "front/parse.h"

/* ==== Harness ==== */

typedef struct Parsed {
    AstScript *script;   /* NULL on error */
    const char *diag;    /* machine-format diagnostics, "" if none */
    const SrcFile *file;
} Parsed;

static Parsed parse_n(Arena *arena, const char *src, size_t len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(out);
    Parsed p;
    p.file = srcfile_from_text(arena, "q.sql", src, len);
    Diag diag;
    diag_init(&diag, p.file, out);
    diag.format = DIAG_MACHINE;
    p.script = parse_script(arena, &diag, p.file);
    fclose(out);
    p.diag = arena_strdup(arena, buf ? buf : "");
    free(buf);
    return p;
}

static Parsed parse(Arena *arena, const char *src)
{
    return parse_n(arena, src, strlen(src));
}

static const char *dump(Arena *arena, const AstScript *s)
{
    StrBuf sb;
    sb_init(&sb, arena);
    ast_dump_script(&sb, s);
    return sb.data;
}

/* The text a span covers. */
static const char *text_of(Arena *arena, const Parsed *p, SrcSpan span)
{
    ck_assert_uint_le(span.begin, span.end);
    ck_assert_uint_le(span.end, p->file->len);
    return arena_strndup(arena, p->file->text + span.begin, span.end - span.begin);
}

/* ==== Statements ==== */

typedef struct StmtCase {
    const char *src;
    const char *dump;
} StmtCase;

static const StmtCase stmt_cases[] = {
    /* 0: the language sketch's full example */
    {"CREATE SOURCE events (\n"
     "    time   TIMESTAMP,\n"
     "    action STRING,\n"
     "    payload STRUCT<a INT, tags ARRAY<STRING>>,\n"
     "    WATERMARK FOR time AS time - INTERVAL '10 minutes'\n"
     ") WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);\n"
     "CREATE SOURCE r WITH (connector = 'rate-micro-batch', rowsPerBatch = 1000);   -- no column list\n"
     "CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = 'd.csv', "
     "format = 'csv', header = true);\n"
     "CREATE SINK counts WITH (connector = 'console', numRows = 20, truncate = false);\n"
     "INSERT INTO counts\n"
     "SELECT action, window(time, '1 hour', '30 minutes') AS window, count(*) AS count\n"
     "FROM events\n"
     "WHERE action IS NOT NULL AND NOT (action LIKE 'x%') AND action IN ('Open', 'Close')\n"
     "GROUP BY action, window(time, '1 hour', '30 minutes')\n"
     "HAVING count(*) > 1\n"
     "ORDER BY window.start DESC NULLS LAST, action\n"
     "LIMIT 10 OFFSET 2\n"
     "WITH (name = 'counts', outputMode = 'complete', trigger = '2 seconds');\n",
     "(create-source events\n"
     "  (columns\n"
     "    (time TIMESTAMP)\n"
     "    (action STRING)\n"
     "    (payload STRUCT<a INT, tags ARRAY<STRING>>)\n"
     "    (WATERMARK time (- time (INTERVAL '10 minutes'))))\n"
     "  (with\n"
     "    (connector 'files')\n"
     "    (path 'data/events')\n"
     "    (format 'json')\n"
     "    (maxFilesPerTrigger 1)))\n"
     "(create-source r\n"
     "  (with\n"
     "    (connector 'rate-micro-batch')\n"
     "    (rowsPerBatch 1000)))\n"
     "(create-table devices\n"
     "  (columns\n"
     "    (device STRING)\n"
     "    (owner STRING))\n"
     "  (with\n"
     "    (connector 'files')\n"
     "    (path 'd.csv')\n"
     "    (format 'csv')\n"
     "    (header TRUE)))\n"
     "(create-sink counts\n"
     "  (with\n"
     "    (connector 'console')\n"
     "    (numRows 20)\n"
     "    (truncate FALSE)))\n"
     "(insert counts\n"
     "  (select\n"
     "    (items\n"
     "      action\n"
     "      (AS (call window time '1 hour' '30 minutes') window)\n"
     "      (AS (call count *) count))\n"
     "    (from events)\n"
     "    (where (AND (AND (IS NOT NULL action) (NOT (LIKE action 'x%'))) (IN action 'Open' 'Close')))\n"
     "    (group-by action (call window time '1 hour' '30 minutes'))\n"
     "    (having (> (call count *) 1))\n"
     "    (order-by (sort window.start DESC NULLS LAST) (sort action))\n"
     "    (limit 10)\n"
     "    (offset 2))\n"
     "  (with\n"
     "    (name 'counts')\n"
     "    (outputMode 'complete')\n"
     "    (trigger '2 seconds')))\n"},
    /* 1: no trailing semicolon */
    {"CREATE SOURCE r WITH (connector = 'rate-micro-batch', rowsPerBatch = 1000)",
     "(create-source r\n  (with\n    (connector 'rate-micro-batch')\n    (rowsPerBatch 1000)))\n"},
    /* 2: an empty column list and empty options are kept apart from none */
    {"CREATE SOURCE s () WITH ()", "(create-source s\n  (columns)\n  (with))\n"},
    /* 3: every type spelling */
    {"CREATE SOURCE x (a BOOLEAN, b INT, c INTEGER, d BIGINT, e LONG, f DOUBLE, g FLOAT, h STRING, "
     "i VARCHAR, r REAL, j VARCHAR(20), k TIMESTAMP, l DATE, m ARRAY<ARRAY<INT>>, "
     "n STRUCT<x: INT, y STRUCT<z DATE>>) WITH (c = 'x')",
     "(create-source x\n  (columns\n    (a BOOLEAN)\n    (b INT)\n    (c INT)\n    (d BIGINT)\n"
     "    (e BIGINT)\n    (f DOUBLE)\n    (g FLOAT)\n    (h STRING)\n    (i STRING)\n    (r FLOAT)\n    (j STRING)\n"
     "    (k TIMESTAMP)\n    (l DATE)\n    (m ARRAY<ARRAY<INT>>)\n"
     "    (n STRUCT<x INT, y STRUCT<z DATE>>))\n  (with\n    (c 'x')))\n"},
    /* 4: keywords as column and field names; the watermark anywhere in the list */
    {"CREATE SOURCE x (end TIMESTAMP, from STRING, watermark STRING, "
     "window STRUCT<start TIMESTAMP, end TIMESTAMP>, WATERMARK FOR end AS `end` - INTERVAL 5 SECONDS) "
     "WITH (c = 'x')",
     "(create-source x\n  (columns\n    (end TIMESTAMP)\n    (from STRING)\n    (watermark STRING)\n"
     "    (window STRUCT<start TIMESTAMP, end TIMESTAMP>)\n"
     "    (WATERMARK end (- end (INTERVAL '5 SECONDS'))))\n  (with\n    (c 'x')))\n"},
    {"CREATE TABLE t (WATERMARK FOR ts AS ts, ts TIMESTAMP) WITH (c = 'x')",
     "(create-table t\n  (columns\n    (ts TIMESTAMP)\n    (WATERMARK ts ts))\n  (with\n    (c 'x')))\n"},
    /* 6: option keys and values */
    {"CREATE SINK k WITH (kafka.bootstrap.servers = 'h:9092', 'kafka.group.id' = 'g', "
     "kafka.group.id = x, n = -5, d = 1.5, m = -0.5, p = +2, b = true, f = FALSE, format = json, "
     "mode = PERMISSIVE, 'a b' = 'c')",
     "(create-sink k\n  (with\n    (kafka.bootstrap.servers 'h:9092')\n    (kafka.group.id 'g')\n"
     "    (kafka.group.id x)\n    (n -5)\n    (d 1.5)\n    (m -0.5)\n    (p 2)\n    (b TRUE)\n"
     "    (f FALSE)\n    (format json)\n    (mode PERMISSIVE)\n    ('a b' 'c')))\n"},
    /* 7 */
    {"INSERT INTO out SELECT * FROM events",
     "(insert out\n  (select\n    (items\n      *)\n    (from events)))\n"},
    {"INSERT INTO out SELECT DISTINCT e.*, e.a AS x, b y FROM events AS e",
     "(insert out\n  (select DISTINCT\n    (items\n      e.*\n      (AS e.a x)\n      (AS b y))\n"
     "    (from events AS e)))\n"},
    {"INSERT INTO out SELECT e.a FROM events e;",
     "(insert out\n  (select\n    (items\n      e.a)\n    (from events AS e)))\n"},
    /* 10: word count (seed 002) */
    {"INSERT INTO out SELECT word, count(*) FROM (SELECT explode(split(value, ' ')) AS word FROM lines) "
     "GROUP BY word WITH (outputMode = 'complete', trigger = '2 seconds')",
     "(insert out\n  (select\n    (items\n      word\n      (call count *))\n    (from\n      (select\n"
     "        (items\n          (AS (call explode (call split value ' ')) word))\n        (from lines)))\n"
     "    (group-by word))\n  (with\n    (outputMode 'complete')\n    (trigger '2 seconds')))\n"},
    {"INSERT INTO o SELECT a FROM (SELECT a FROM t) AS s; INSERT INTO o SELECT a FROM (SELECT a FROM t) s",
     "(insert o\n  (select\n    (items\n      a)\n    (from AS s\n      (select\n        (items\n"
     "          a)\n        (from t)))))\n"
     "(insert o\n  (select\n    (items\n      a)\n    (from AS s\n      (select\n        (items\n"
     "          a)\n        (from t)))))\n"},
    {"INSERT INTO o SELECT ALL a FROM t", "(insert o\n  (select\n    (items\n      a)\n    (from t)))\n"},
    /* 13: empty statements */
    {";;CREATE SINK a WITH (c='console');;", "(create-sink a\n  (with\n    (c 'console')))\n"},
    {"", ""},
    {"-- nothing here\n/* at all */;\n", ""},
    /* 16 */
    {"INSERT INTO o SELECT a FROM t ORDER BY a ASC, b DESC, c NULLS FIRST, d DESC NULLS LAST",
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n"
     "    (order-by (sort a) (sort b DESC) (sort c NULLS FIRST) (sort d DESC NULLS LAST))))\n"},
    {"INSERT INTO o SELECT a FROM t LIMIT 5; INSERT INTO o SELECT a FROM t OFFSET 3",
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (limit 5)))\n"
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (offset 3)))\n"},
    {"INSERT INTO o SELECT 1", "(insert o\n  (select\n    (items\n      1)))\n"},
    {"INSERT INTO o SELECT count(*) FROM t HAVING count(*) > 0",
     "(insert o\n  (select\n    (items\n      (call count *))\n    (from t)\n"
     "    (having (> (call count *) 0))))\n"},
    /* 20: any keyword after '.' and AS */
    {"INSERT INTO o SELECT window.start AS start, window.end AS end, x AS from FROM t",
     "(insert o\n  (select\n    (items\n      (AS window.start start)\n      (AS window.end end)\n"
     "      (AS x from))\n    (from t)))\n"},
    {"INSERT INTO o SELECT a FROM t WITH ()", "(insert o\n  (select\n    (items\n      a)\n    (from t)))\n"},
    {"insert into S select A from T where A = 1 group by A",
     "(insert S\n  (select\n    (items\n      A)\n    (from T)\n    (where (= A 1))\n    (group-by A)))\n"},
    {"INSERT INTO `my sink` SELECT `a b` AS `c``d`, `null` FROM `t`",
     "(insert `my sink`\n  (select\n    (items\n      (AS `a b` `c``d`)\n      `null`)\n    (from t)))\n"},
    {"/* c */ CREATE SINK /* x */ s -- y\nWITH (c = 'console') ; -- end\n",
     "(create-sink s\n  (with\n    (c 'console')))\n"},
    /* 25: seed 003 and 004 queries */
    {"INSERT INTO o SELECT gt, model, arrival_time, creation_time FROM activity "
     "WHERE gt LIKE '%stairs%' AND gt IS NOT NULL WITH (trigger = 'once')",
     "(insert o\n  (select\n    (items\n      gt\n      model\n      arrival_time\n      creation_time)\n"
     "    (from activity)\n    (where (AND (LIKE gt '%stairs%') (IS NOT NULL gt))))\n"
     "  (with\n    (trigger 'once')))\n"},
    {"INSERT INTO o SELECT user_id, event_timestamp, device IN ('iOS', 'Android') AS mobile FROM events "
     "WHERE traffic_source = 'email'",
     "(insert o\n  (select\n    (items\n      user_id\n      event_timestamp\n"
     "      (AS (IN device 'iOS' 'Android') mobile))\n    (from events)\n"
     "    (where (= traffic_source 'email'))))\n"},
    /* 27: rate source columns and a windowed count over them */
    {"INSERT INTO o SELECT window(timestamp, '10 seconds').end AS t, value % 2 AS parity, count(*) "
     "FROM r GROUP BY window(timestamp, '10 seconds'), value % 2",
     "(insert o\n  (select\n    (items\n      (AS (field (call window timestamp '10 seconds') end) t)\n"
     "      (AS (% value 2) parity)\n      (call count *))\n    (from r)\n"
     "    (group-by (call window timestamp '10 seconds') (% value 2))))\n"},
    /* 28: a time window as a struct column, with its fields named after keywords */
    {"INSERT INTO o SELECT w.window.start, w.window.end FROM (SELECT window(ts, '1 minute') AS window "
     "FROM e) w WHERE w.window.end > TIMESTAMP '2024-01-01 00:00:00'",
     "(insert o\n  (select\n    (items\n      w.window.start\n      w.window.end)\n"
     "    (from AS w\n      (select\n        (items\n          (AS (call window ts '1 minute') window))\n"
     "        (from e)))\n"
     "    (where (> w.window.end (CAST '2024-01-01 00:00:00' TIMESTAMP)))))\n"},
    /* 29: DROP DUPLICATES after FROM, after an alias, after WHERE, before GROUP BY */
    {"INSERT INTO o SELECT * FROM events DROP DUPLICATES (user_id, time)",
     "(insert o\n  (select\n    (items\n      *)\n    (from events)\n"
     "    (drop-duplicates user_id time)))\n"},
    {"INSERT INTO o SELECT * FROM events e drop duplicates; "
     "INSERT INTO o SELECT * FROM events AS e DROP DUPLICATES WITHIN WATERMARK (e.user_id, `end`, end)",
     "(insert o\n  (select\n    (items\n      *)\n    (from events AS e)\n    (drop-duplicates)))\n"
     "(insert o\n  (select\n    (items\n      *)\n    (from events AS e)\n"
     "    (drop-duplicates-within-watermark e.user_id end end)))\n"},
    {"INSERT INTO o SELECT a, count(*) FROM events WHERE x > 0 DROP DUPLICATES WITHIN WATERMARK "
     "GROUP BY a",
     "(insert o\n  (select\n    (items\n      a\n      (call count *))\n    (from events)\n"
     "    (where (> x 0))\n    (drop-duplicates-within-watermark)\n    (group-by a)))\n"},
    {"INSERT INTO o SELECT * FROM (SELECT * FROM e) DROP DUPLICATES (a) WITH (name = 'q')",
     "(insert o\n  (select\n    (items\n      *)\n    (from\n      (select\n        (items\n"
     "          *)\n        (from e)))\n    (drop-duplicates a))\n  (with\n    (name 'q')))\n"},
    /* 33: DROP, DUPLICATES and WITHIN stay names: an alias `drop`, then the clause */
    {"INSERT INTO o SELECT drop, duplicates within FROM t drop DROP DUPLICATES (within); "
     "INSERT INTO o SELECT 1 FROM drop drop WHERE drop.duplicates",
     "(insert o\n  (select\n    (items\n      drop\n      (AS duplicates within))\n"
     "    (from t AS drop)\n    (drop-duplicates within)))\n"
     "(insert o\n  (select\n    (items\n      1)\n    (from drop AS drop)\n"
     "    (where drop.duplicates)))\n"},    /* 34: joins: every join type, ON, USING, aliases, a chain, DROP DUPLICATES after ON */
    {"INSERT INTO o SELECT e.a, d.b FROM events AS e LEFT OUTER JOIN dim d ON e.k = d.k AND d."
     "b <> 'x'",
     "(insert o\n  (select\n    (items\n      e.a\n      d.b)\n    (from LeftOuter\n      (fro"
     "m events AS e)\n      (from dim AS d)\n      (on (AND (= e.k d.k) (<> d.b 'x'))))))\n"},
    {"INSERT INTO o SELECT * FROM s JOIN t USING (k, `end`) INNER JOIN u ON true CROSS JOIN v "
     "w RIGHT JOIN x ON 1 = 1",
     "(insert o\n  (select\n    (items\n      *)\n    (from RightOuter\n      (from Cross\n   "
     "     (from Inner\n          (from Inner\n            (from s)\n            (from t)\n   "
     "         (using k end))\n          (from u)\n          (on TRUE))\n        (from v AS w)"
     ")\n      (from x)\n      (on (= 1 1)))))\n"},
    {"INSERT INTO o SELECT * FROM s LEFT SEMI JOIN t ON s.k = t.k LEFT ANTI JOIN u USING (k) S"
     "EMI JOIN v ON 1 = 1 ANTI JOIN w ON 2 = 2 FULL JOIN x ON 3 = 3 FULL OUTER JOIN y ON 4 = 4"
     " RIGHT OUTER JOIN z ON 5 = 5 LEFT JOIN q ON 6 = 6",
     "(insert o\n  (select\n    (items\n      *)\n    (from LeftOuter\n      (from RightOuter"
     "\n        (from FullOuter\n          (from FullOuter\n            (from LeftAnti\n      "
     "        (from LeftSemi\n                (from LeftAnti\n                  (from LeftSemi"
     "\n                    (from s)\n                    (from t)\n                    (on (="
     " s.k t.k)))\n                  (from u)\n                  (using k))\n                ("
     "from v)\n                (on (= 1 1)))\n              (from w)\n              (on (= 2 2"
     ")))\n            (from x)\n            (on (= 3 3)))\n          (from y)\n          (on "
     "(= 4 4)))\n        (from z)\n        (on (= 5 5)))\n      (from q)\n      (on (= 6 6))))"
     ")\n"},
    {"INSERT INTO o SELECT * FROM s JOIN t ON s.k = t.k DROP DUPLICATES (k)",
     "(insert o\n  (select\n    (items\n      *)\n    (from Inner\n      (from s)\n      (from"
     " t)\n      (on (= s.k t.k)))\n    (drop-duplicates k)))\n"},
    /* LATERAL VIEW [OUTER] after the FROM items: names with or without AS, none; VIEW a name */
    {"INSERT INTO o SELECT view FROM s view LATERAL VIEW explode(a) t AS x LATERAL VIEW OUTER "
     "posexplode(m) u p, k, v LATERAL VIEW json_tuple() view WHERE x > 0",
     "(insert o\n  (select\n    (items\n      view)\n    (from s AS view)\n"
     "    (lateral-view (call explode a) t x)\n    (lateral-view-outer (call posexplode m) u p k v)\n"
     "    (lateral-view (call json_tuple) view)\n    (where (> x 0))))\n"},
    /* sort, cluster, distribute and tablesample stay names but before BY or '(' */
    {"INSERT INTO o SELECT sort, cluster FROM t sort WHERE distribute > 0 ORDER BY 1 CLUSTER BY a "
     "DISTRIBUTE BY b, c SORT BY d DESC; INSERT INTO o SELECT * FROM s tablesample; "
     "INSERT INTO o SELECT * FROM s TABLESAMPLE (10 PERCENT) x JOIN (SELECT 1 FROM u) "
     "TABLESAMPLE (BUCKET 1 OUT OF 4) ON 1 = 1 DISTRIBUTE BY `sort` SORT BY tablesample",
     "(insert o\n  (select\n    (items\n      sort\n      cluster)\n    (from t AS sort)\n"
     "    (where (> distribute 0))\n    (order-by (sort 1))\n    (cluster-by a)\n"
     "    (distribute-by b c)\n    (sort-by (sort d DESC))))\n"
     "(insert o\n  (select\n    (items\n      *)\n    (from s AS tablesample)))\n"
     "(insert o\n  (select\n    (items\n      *)\n    (from Inner\n"
     "      (from s (tablesample percent) AS x)\n      (from (tablesample bucket)\n"
     "        (select\n          (items\n            1)\n          (from u)))\n"
     "      (on (= 1 1)))\n    (distribute-by sort)\n    (sort-by (sort tablesample))))\n"},
    /* GROUP BY ROLLUP / CUBE / GROUPING SETS (Spark's groupingAnalytics), the Hive forms */
    {"INSERT INTO o SELECT a FROM t GROUP BY a, ROLLUP((a, b), c), CUBE(b), "
     "GROUPING SETS ((a), (), CUBE(a), GROUPING SETS ((b)), (a, b))",
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (group-by a (rollup (a b) (c)) "
     "(cube (b)) (grouping-sets (a) () (cube (a)) (b) (a b)))))\n"},
    {"INSERT INTO o SELECT a FROM t GROUP BY a, b WITH ROLLUP WITH (x = 1); "
     "INSERT INTO o SELECT a FROM t GROUP BY a with\n cube; "
     "INSERT INTO o SELECT a FROM t GROUP BY a, b GROUPING SETS ((a), ()) HAVING rollup(x) > 0",
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (group-by (rollup (a) (b))))\n"
     "  (with\n    (x 1)))\n"
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (group-by (cube (a)))))\n"
     "(insert o\n  (select\n    (items\n      a)\n    (from t)\n    (group-by (grouping-sets (a) () "
     "(user a b)))\n    (having (> (call rollup x) 0))))\n"},
};

START_TEST(test_statements)
{
    const StmtCase *c = &stmt_cases[_i];
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, c->src);
    ck_assert_msg(p.script != NULL, "case %d: %s", _i, p.diag);
    ck_assert_str_eq(p.diag, "");
    ck_assert_str_eq(dump(&arena, p.script), c->dump);
    arena_free(&arena);
}
END_TEST

/* ==== Expressions ==== */

typedef struct ExprCase {
    const char *src;  /* parsed as INSERT INTO s SELECT <src> FROM t */
    const char *dump;
} ExprCase;

static const ExprCase expr_cases[] = {
    /* precedence and associativity */
    {"1 + 2 * 3", "(+ 1 (* 2 3))"},
    {"(1 + 2) * 3", "(* (+ 1 2) 3)"},
    {"1 - 2 - 3", "(- (- 1 2) 3)"},
    {"a * b % c / d", "(/ (% (* a b) c) d)"},
    {"a || b || c", "(|| (|| a b) c)"},
    {"a + b || c", "(|| (+ a b) c)"},
    {"-a * b", "(* (- a) b)"},
    {"- -a", "(- (- a))"},
    {"+a", "(+ a)"},
    {"-1", "-1"},
    /* a minus right before an integer literal's digits is part of it (Spark's grammar) */
    {"-(1) - -2 - - -3", "(- (- (- 1) -2) (- -3))"},
    {"-9223372036854775808", "-9223372036854775808"},
    {"a = 1 AND b <> 2 OR NOT c < 3", "(OR (AND (= a 1) (<> b 2)) (NOT (< c 3)))"},
    {"a == 1 OR a != 2", "(OR (= a 1) (<> a 2))"},
    {"a <= 1 AND a >= 0 AND a > -1", "(AND (AND (<= a 1) (>= a 0)) (> a -1))"},
    {"NOT a AND b", "(AND (NOT a) b)"},
    {"NOT NOT a", "(NOT (NOT a))"},
    {"a OR b AND c", "(OR a (AND b c))"},
    {"a < b = c", "(= (< a b) c)"},
    {"a = b IS NULL", "(IS NULL (= a b))"},
    /* predicates */
    {"a IS NULL", "(IS NULL a)"},
    {"a IS NOT NULL", "(IS NOT NULL a)"},
    {"a NOT LIKE 'x%'", "(NOT LIKE a 'x%')"},
    {"a LIKE b || '%'", "(LIKE a (|| b '%'))"},
    {"a IN (1, 2, 3)", "(IN a 1 2 3)"},
    {"a NOT IN ('x')", "(NOT IN a 'x')"},
    {"a BETWEEN 1 AND 2 AND b", "(AND (BETWEEN a 1 2) b)"},
    {"a NOT BETWEEN b - 1 AND b + 1", "(NOT BETWEEN a (- b 1) (+ b 1))"},
    /* CASE, CAST, typed literals, intervals */
    {"CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none' END",
     "(CASE (WHEN (> a 1) 'big') (WHEN (> a 0) 'small') (ELSE 'none'))"},
    {"CASE a WHEN 1 THEN 'one' END", "(CASE a (WHEN 1 'one'))"},
    {"CAST(a AS BIGINT)", "(CAST a BIGINT)"},
    {"CAST(x AS ARRAY<STRUCT<a INT>>)", "(CAST x ARRAY<STRUCT<a INT>>)"},
    {"DATE '2024-01-01'", "(CAST '2024-01-01' DATE)"},
    {"TIMESTAMP '2024-01-01 00:00:00'", "(CAST '2024-01-01 00:00:00' TIMESTAMP)"},
    {"INTERVAL '10 minutes'", "(INTERVAL '10 minutes')"},
    {"INTERVAL 10 MINUTES", "(INTERVAL '10 MINUTES')"},
    {"INTERVAL 1 HOUR 30 minutes", "(INTERVAL '1 HOUR 30 minutes')"},
    {"INTERVAL 1.5 hours", "(INTERVAL '1.5 hours')"},
    {"ts - INTERVAL 10 seconds", "(- ts (INTERVAL '10 seconds'))"},
    /* Spark's ANSI forms: a unit after a string continues the literal, TO makes from-to */
    {"INTERVAL '2' DAY", "(INTERVAL '2 DAY')"},
    {"INTERVAL '1.5' second", "(INTERVAL '1.5 second')"},
    {"INTERVAL '1' DAY '2' HOURS 30 minutes", "(INTERVAL '1 DAY 2 HOURS 30 minutes')"},
    {"INTERVAL -'5' DAY", "(INTERVAL '-5 DAY')"},
    {"INTERVAL -'-5' DAY", "(INTERVAL '5 DAY')"},
    {"INTERVAL -2 DAY", "(INTERVAL '-2 DAY')"},
    {"INTERVAL '2 10:30' DAY TO MINUTE", "(INTERVAL '2 10:30' DAY TO MINUTE)"},
    {"INTERVAL -'10:30' hour to minute", "(INTERVAL '-10:30' hour TO minute)"},
    {"INTERVAL '1' DAY - x", "(- (INTERVAL '1 DAY') x)"},
    {"INTERVAL '10 minutes' x", "(INTERVAL '10 minutes')"}, /* an alias: x is no unit */
    {"X'0A1b'", "X'0A1b'"},
    {"x'ff' = b", "(= X'ff' b)"},
    {"position('b' IN s)", "(call locate 'b' s)"},
    {"position('b', s, 2)", "(call position 'b' s 2)"},
    {"if(a IN (1, 2), day, hour)", "(call if (IN a 1 2) day hour)"},
    /* calls */
    {"current_timestamp()", "(call current_timestamp)"},
    {"CURRENT_TIMESTAMP", "(call CURRENT_TIMESTAMP)"},
    {"current_date", "(call current_date)"},
    {"count(*)", "(call count *)"},
    {"count(DISTINCT a, b)", "(call count DISTINCT a b)"},
    {"f()", "(call f)"},
    {"coalesce(a, b, 'x')", "(call coalesce a b 'x')"},
    {"row_number() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
     "(call row_number OVER)"},
    {"sum(x) OVER ()", "(call sum x OVER)"},
    {"avg(x) OVER (ORDER BY t RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW)",
     "(call avg x OVER)"},
    {"f(x) OVER (ROWS 5 PRECEDING)", "(call f x OVER)"},
    {"max(x) OVER (PARTITION BY a, b ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)",
     "(call max x OVER)"},
    /* names, fields, indexes */
    {"window(time, '1 hour').start", "(field (call window time '1 hour') start)"},
    {"window.end", "window.end"},
    {"a.b.c", "a.b.c"},
    {"a[0]", "(index a 0)"},
    {"a[0].b", "(field (index a 0) b)"},
    {"a.b[1][2]", "(index (index a.b 1) 2)"},
    {"f(x)[0]", "(index (call f x) 0)"},
    {"(a).b", "(field a b)"},
    {"m['k'].end", "(field (index m 'k') end)"},
    /* literals */
    {"NULL", "NULL"},
    {"TRUE", "TRUE"},
    {"false", "FALSE"},
    {"1.5", "1.5"},
    {"1e3", "1000.0"},
    {".5", ".5"}, /* a DECIMAL literal keeps its text (sema reads its digits) */
    {"0.1", "0.1"},
    {"'it''s'", "'its'"},
    {"'a\\nb'", "'a\\nb'"},
    {"9223372036854775807", "9223372036854775807"},
    /* unreserved keywords as names */
    {"timestamp", "timestamp"},
    {"date(ts)", "(call date ts)"},
    {"first(x)", "(call first x)"},
    {"array(1, 2)", "(call array 1 2)"},
    {"left(s, 2)", "(call left s 2)"},
    {"value + key", "(+ value key)"},
    {"source.table.rows", "source.table.rows"},
    {"`select`.`from`", "select.from"},
    /* lambda functions, only as a call's argument; the body is a whole expression */
    {"transform(xs, x -> x + 1)", "(call transform xs (LAMBDA (x) (+ x 1)))"},
    {"filter(xs, (x, i) -> x > i OR i = 0)", "(call filter xs (LAMBDA (x i) (OR (> x i) (= i 0))))"},
    {"aggregate(xs, 0, (acc, x, y) -> acc, acc -> acc)",
     "(call aggregate xs 0 (LAMBDA (acc x y) acc) (LAMBDA (acc) acc))"},
    {"transform(xs, x -> filter(x, y -> (y) > 0))",
     "(call transform xs (LAMBDA (x) (call filter x (LAMBDA (y) (> y 0)))))"},
    {"f((a), (a, b) -> a)", "(call f a (LAMBDA (a b) a))"},
};

START_TEST(test_expressions)
{
    const ExprCase *c = &expr_cases[_i];
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, arena_sprintf(&arena, "INSERT INTO s SELECT %s FROM t", c->src));
    ck_assert_msg(p.script != NULL, "case %d '%s': %s", _i, c->src, p.diag);
    ck_assert_int_eq(p.script->stmts[0]->query->n_items, 1);
    StrBuf sb;
    sb_init(&sb, &arena);
    ast_dump_expr(&sb, p.script->stmts[0]->query->items[0].expr);
    ck_assert_str_eq(sb.data, c->dump);
    arena_free(&arena);
}
END_TEST

/* ==== Syntax errors ==== */

typedef struct ErrCase {
    const char *src;
    const char *diag; /* exact machine-format output: one line */
} ErrCase;

static const ErrCase err_cases[] = {
    {"INSERT INTO s SELECT a, FROM t",
     "error|q.sql|1|25|syntax error: unexpected FROM, expected expression or '*'\n"},
    {"CREATE SINK s\nWITH (a = 1,\n  b = 2,)",
     "error|q.sql|3|9|syntax error: unexpected ')', expected identifier or string\n"},
    {"DELETE FROM t", "error|q.sql|1|1|syntax error: unexpected identifier 'DELETE'\n"},
    {"SELECT a FROM t WITH (numRows = 5) SELECT",
     "error|q.sql|1|36|syntax error: unexpected SELECT, expected ';' or end of input\n"},
    {"CREATE SOURCE select WITH (a = 1)",
     "error|q.sql|1|15|syntax error: unexpected SELECT, expected identifier "
     "(SELECT is a reserved word: write `select` to use it as a name)\n"},
    {"CREATE SINK s", "error|q.sql|1|14|syntax error: unexpected end of input, expected WITH\n"},
    {"CREATE", "error|q.sql|1|7|syntax error: unexpected end of input, expected SINK, SOURCE or TABLE\n"},
    {"CREATE SINK s WITH (a = 1) CREATE SINK t WITH (a = 1)",
     "error|q.sql|1|28|syntax error: unexpected CREATE, expected ';' or end of input\n"},
    {"INSERT INTO s SELECT (a FROM t",
     "error|q.sql|1|25|syntax error: unexpected FROM, expected operator or ')'\n"},
    {"INSERT INTO s SELECT a FROM t WHERE",
     "error|q.sql|1|36|syntax error: unexpected end of input, expected expression\n"},
    {"CREATE SOURCE x (a ,) WITH ()", "error|q.sql|1|20|syntax error: unexpected ',', expected type\n"},
    {"CREATE SINK s WITH (a = )", "error|q.sql|1|25|syntax error: unexpected ')', expected value\n"},
    {"INSERT INTO s SELECT CAST(a AS foo) FROM t",
     "error|q.sql|1|32|syntax error: unexpected identifier 'foo', expected type\n"},
    {"INSERT INTO s SELECT a FROM t ORDER a",
     "error|q.sql|1|37|syntax error: unexpected identifier 'a', expected BY\n"},
    {"INSERT INTO s SELECT a b c FROM t", "error|q.sql|1|26|syntax error: unexpected identifier 'c'\n"},
    {"INSERT INTO s SELECT INTERVAL '1 day 2' HOUR FROM t",
     "error|q.sql|1|31|Can only use numbers in the interval value part for multiple unit value "
     "pairs interval form, but got invalid value: 1 day 2\n"},
    {"INSERT INTO s SELECT INTERVAL '10 minutes' day FROM t", /* day is a unit, not an alias */
     "error|q.sql|1|31|Can only use numbers in the interval value part for multiple unit value "
     "pairs interval form, but got invalid value: 10 minutes\n"},
    {"INSERT INTO s SELECT INTERVAL 2 DAY TO HOUR FROM t",
     "error|q.sql|1|40|syntax error: unexpected HOUR\n"}, /* TO is an alias there */
    {"INSERT INTO s SELECT a BETWEEN 1 OR 2 FROM t",
     "error|q.sql|1|34|syntax error: unexpected OR, expected operator or AND\n"},
    {"CREATE SOURCE x (a INT,\n  WATERMARK FOR a AS a,\n  WATERMARK FOR a AS a) WITH ()",
     "error|q.sql|3|3|only one WATERMARK clause is allowed in a column list\n"},
    {"INSERT INTO s SELECT 'abc", "error|q.sql|1|22|unterminated string literal\n"},
    {"INSERT INTO s SELECT a /* FROM t", "error|q.sql|1|24|unterminated comment\n"},
    {"INSERT INTO s SELECT a FROM t WHERE a # 1", "error|q.sql|1|39|unexpected character '#'\n"},
    {"INSERT INTO s SELECT a FROM t LEFT u ON a = b",
     "error|q.sql|1|36|syntax error: unexpected identifier 'u', expected JOIN, OUTER, ANTI or SEMI\n"},
    {"INSERT INTO s SELECT a FROM t natural JOIN u ON a = b",
     "error|q.sql|1|46|syntax error: unexpected ON (ON is a reserved word: write `on` to use it "
     "as a name)\n"}, /* Spark: no ON after NATURAL */
    {"INSERT INTO s SELECT a FROM t NATURAL JOIN u USING (a)",
     "error|q.sql|1|46|syntax error: unexpected USING (USING is a reserved word: write `using` to "
     "use it as a name)\n"},
    {"INSERT INTO s SELECT a FROM t JOIN u USING k",
     "error|q.sql|1|44|syntax error: unexpected identifier 'k', expected '('\n"},
    /* ORDER BY and LIMIT close a union: a branch after them is Spark's syntax error too */
    {"INSERT INTO s SELECT a FROM t LIMIT 1 UNION SELECT 1",
     "error|q.sql|1|39|syntax error: unexpected UNION\n"},
    {"CREATE SOURCE x (a STRUCT<b INT) WITH ()",
     "error|q.sql|1|32|syntax error: unexpected ')', expected ',' or '>'\n"},
    {"INSERT INTO s SELECT count(*) OVER (PARTITION a) FROM t",
     "error|q.sql|1|47|syntax error: unexpected identifier 'a', expected BY\n"},
    {"INSERT INTO s SELECT CASE WHEN a THEN b",
     "error|q.sql|1|40|syntax error: unexpected end of input, expected operator, ELSE, END or WHEN\n"},
    {"INSERT INTO s SELECT a FROM t LIMIT",
     "error|q.sql|1|36|syntax error: unexpected end of input, expected expression or ALL\n"},
    /* columns count UTF-8 code points */
    {"INSERT INTO s SELECT '\xc3\xa9', FROM t",
     "error|q.sql|1|27|syntax error: unexpected FROM, expected expression or '*'\n"},
    {"INSERT INTO s SELECT end FROM t",
     "error|q.sql|1|22|syntax error: unexpected END, expected expression, ALL, DISTINCT or '*' "
     "(END is a reserved word: write `end` to use it as a name)\n"},
    {"INSERT INTO s SELECT a FROM on",
     "error|q.sql|1|29|syntax error: unexpected ON, expected identifier or '(' "
     "(ON is a reserved word: write `on` to use it as a name)\n"},
    {"INSERT INTO s SELECT 1 FROM t WITH (a = 1",
     "error|q.sql|1|42|syntax error: unexpected end of input, expected ',' or ')'\n"},
    {"CREATE SOURCE x (a INT) WITH (a = 1);\nINSERT INTO s\nSELECT a\nFROM x\nWHERE a = = 1",
     "error|q.sql|5|11|syntax error: unexpected '=', expected expression\n"},
    {"INSERT INTO s SELECT a IN (1 2) FROM t",
     "error|q.sql|1|30|syntax error: unexpected integer 2, expected operator, ',' or ')'\n"},
    {"CREATE SINK s (a INT) WITH (a = 1)",
     "error|q.sql|1|15|syntax error: unexpected '(', expected WITH\n"},
    {"INSERT s SELECT a FROM t", "error|q.sql|1|8|syntax error: unexpected identifier 's', expected INTO\n"},
    {"INSERT INTO s SELECT f(a,) FROM t",
     "error|q.sql|1|26|syntax error: unexpected ')', expected expression\n"},
    {"INSERT INTO s SELECT a FROM t WITH (x = 1) WITH (y = 2)",
     "error|q.sql|1|44|syntax error: unexpected WITH, expected ';' or end of input\n"},
    {"CREATE SOURCE x (a INT) WITH (a = 1) extra",
     "error|q.sql|1|38|syntax error: unexpected identifier 'extra', expected ';' or end of input\n"},
    {"CREATE SOURCE x WITH (a = 1 + 2)",
     "error|q.sql|1|29|syntax error: unexpected '+', expected ',' or ')'\n"},
    {"INSERT INTO s SELECT a FROM t ORDER BY a NULLS",
     "error|q.sql|1|47|syntax error: unexpected end of input, expected FIRST or LAST\n"},
    {"INSERT INTO s SELECT 'x' 2 FROM t", "error|q.sql|1|26|syntax error: unexpected integer 2\n"},
    {"INSERT INTO s SELECT 1.5.5 FROM t", "error|q.sql|1|25|syntax error: unexpected number .5\n"},
    {"INSERT INTO s SELECT `a b` `c d` `e` FROM t",
     "error|q.sql|1|34|syntax error: unexpected identifier `e`\n"},
    {"INSERT INTO s SELECT a FROM t\n\n   WHERE (((a)) FROM",
     "error|q.sql|3|17|syntax error: unexpected FROM, expected operator or ')'\n"},
    {"INSERT INTO s SELECT a 'multi\nline string' FROM t",
     "error|q.sql|1|24|syntax error: unexpected string 'multi...\n"},
    /* DROP DUPLICATES: a column list of names, after FROM or WHERE, before GROUP BY */
    {"INSERT INTO s SELECT * FROM t DROP DUPLICATES ()",
     "error|q.sql|1|48|syntax error: unexpected ')', expected identifier\n"},
    {"INSERT INTO s SELECT * FROM t DROP DUPLICATES (a + 1)",
     "error|q.sql|1|50|syntax error: unexpected '+', expected ',', ')' or '.'\n"},
    {"INSERT INTO s SELECT * FROM t DROP a",
     "error|q.sql|1|36|syntax error: unexpected identifier 'a'\n"},
    {"INSERT INTO s SELECT * FROM t DROP DUPLICATES WITHIN (a)",
     "error|q.sql|1|54|syntax error: unexpected '(', expected WATERMARK\n"},
    {"INSERT INTO s SELECT a FROM t GROUP BY a DROP DUPLICATES",
     "error|q.sql|1|42|syntax error: unexpected DROP\n"},
    {"INSERT INTO s SELECT 1 DROP DUPLICATES",
     "error|q.sql|1|29|syntax error: unexpected DUPLICATES\n"},
    /* a lambda is a call's argument only; Spark's second form has two names or more */
    {"INSERT INTO s SELECT x -> x FROM t",
     "error|q.sql|1|24|syntax error: unexpected '->' (a lambda function, x -> ... or (x, y) -> ..., "
     "is only allowed as an argument of a higher-order function)\n"},
    {"INSERT INTO s SELECT f((x) -> x) FROM t",
     "error|q.sql|1|28|syntax error: unexpected '->' (a lambda function, x -> ... or (x, y) -> ..., "
     "is only allowed as an argument of a higher-order function)\n"},
};

START_TEST(test_errors)
{
    const ErrCase *c = &err_cases[_i];
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, c->src);
    ck_assert_msg(p.script == NULL, "case %d parsed", _i);
    ck_assert_str_eq(p.diag, c->diag);
    arena_free(&arena);
}
END_TEST

/* Too deep for bison's stack: an error, not a crash. */
START_TEST(test_too_deep)
{
    Arena arena;
    arena_init(&arena);
    size_t depth = 20000;
    StrBuf sb;
    sb_init(&sb, &arena);
    sb_puts(&sb, "INSERT INTO s SELECT ");
    for (size_t i = 0; i < depth; i++)
        sb_putc(&sb, '(');
    sb_putc(&sb, '1');
    for (size_t i = 0; i < depth; i++)
        sb_putc(&sb, ')');
    Parsed p = parse(&arena, sb.data);
    ck_assert_ptr_null(p.script);
    ck_assert_ptr_nonnull(strstr(p.diag, "|syntax error: the query is nested too deeply\n"));
    arena_free(&arena);
}
END_TEST

/* Long flat lists (select items, IN values) have no limit; an operator chain is a tree as
   deep as it is long and stops at AST_MAX_DEPTH (a chain of AST_MAX_DEPTH terms is fine). */
START_TEST(test_long_lists)
{
    Arena arena;
    arena_init(&arena);
    StrBuf sb;
    sb_init(&sb, &arena);
    sb_puts(&sb, "INSERT INTO s SELECT 0");
    for (int i = 1; i < AST_MAX_DEPTH; i++)
        sb_printf(&sb, " + %d", i);
    for (int i = 0; i < 3000; i++)
        sb_printf(&sb, ", c%d", i);
    sb_puts(&sb, " FROM t WHERE a IN (0");
    for (int i = 1; i < 3000; i++)
        sb_printf(&sb, ", %d", i);
    sb_puts(&sb, ")");
    Parsed p = parse(&arena, sb.data);
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    const AstSelect *q = p.script->stmts[0]->query;
    ck_assert_int_eq(q->n_items, 3001);
    ck_assert_str_eq(q->items[3000].expr->u.name.parts[0], "c2999");
    ck_assert_int_eq(q->where->u.in.list.n, 3000);
    ck_assert_int_eq(q->where->u.in.list.items[2999]->u.ival, 2999);
    arena_free(&arena);
}
END_TEST

/* One term more than the limit: refused where the expression starts, with the limit named. */
START_TEST(test_chain_too_deep)
{
    Arena arena;
    arena_init(&arena);
    StrBuf sb;
    sb_init(&sb, &arena);
    sb_puts(&sb, "INSERT INTO s SELECT a FROM t WHERE a > 0");
    for (int i = 1; i < AST_MAX_DEPTH; i++)
        sb_printf(&sb, " AND a > %d", i);
    Parsed p = parse(&arena, sb.data);
    ck_assert_ptr_null(p.script);
    ck_assert_ptr_nonnull(strstr(p.diag, "|1|37|the expression is nested too deeply: more than 1000 levels"));
    arena_free(&arena);
}
END_TEST

/* ==== Spans ==== */

typedef struct SpanCase {
    const char *src;   /* an expression */
    const char *spans; /* the text of every node, pre-order, each followed by '|' */
} SpanCase;

static const SpanCase span_cases[] = {
    {"a + b * c", "a + b * c|a|b * c|b|c|"},
    {"(a + b) * c", "(a + b) * c|(a + b)|a|b|c|"},
    {"f(x).start", "f(x).start|f(x)|x|"},
    {"window.end", "window.end|"},
    {"a[1 + 2]", "a[1 + 2]|a|1 + 2|1|2|"},
    {"NOT a IS NULL", "NOT a IS NULL|a IS NULL|a|"},
    {"x NOT BETWEEN 1 AND 2", "x NOT BETWEEN 1 AND 2|x|1|2|"},
    {"CASE a WHEN 1 THEN 'x' ELSE 'y' END", "CASE a WHEN 1 THEN 'x' ELSE 'y' END|a|1|'x'|'y'|"},
    {"count(*) OVER (PARTITION BY a)", "count(*) OVER (PARTITION BY a)|"},
    {"CAST(x AS INT)", "CAST(x AS INT)|x|"},
    {"INTERVAL 10 MINUTES", "INTERVAL 10 MINUTES|"},
    {"- x", "- x|x|"},
    {"a IN (1, 2)", "a IN (1, 2)|a|1|2|"},
    {"a NOT LIKE 'b'", "a NOT LIKE 'b'|a|'b'|"},
    {"DATE '2020-01-01'", "DATE '2020-01-01'|'2020-01-01'|"},
    {"lower( s ) || 'x'", "lower( s ) || 'x'|lower( s )|s|'x'|"},
    {"current_timestamp", "current_timestamp|"},
    {"t . a . b", "t . a . b|"},
    {"`my col`", "`my col`|"},
    {"'it''s'", "'it''s'|"},
};

typedef struct Collect {
    Arena *arena;
    const Parsed *p;
    StrBuf sb;
} Collect;

static int collect(AstExpr *e, void *ctx)
{
    Collect *c = ctx;
    sb_puts(&c->sb, text_of(c->arena, c->p, e->span));
    sb_putc(&c->sb, '|');
    return 0;
}

START_TEST(test_spans)
{
    const SpanCase *c = &span_cases[_i];
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, arena_sprintf(&arena, "INSERT INTO s SELECT %s FROM t", c->src));
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    Collect col = {&arena, &p, {0}};
    sb_init(&col.sb, &arena);
    AstSelectItem *it = &p.script->stmts[0]->query->items[0];
    ck_assert_int_eq(ast_walk_expr(it->expr, collect, &col), 0);
    ck_assert_str_eq(col.sb.data, c->spans);
    ck_assert_str_eq(text_of(&arena, &p, it->span), c->src);
    arena_free(&arena);
}
END_TEST

#define SPAN_IS(span, text) ck_assert_str_eq(text_of(&arena, &p, (span)), (text))

START_TEST(test_statement_spans)
{
    Arena arena;
    arena_init(&arena);
    const char *src =
        "CREATE SOURCE ev (ts TIMESTAMP, tags ARRAY<STRING>, WATERMARK FOR ts AS ts - INTERVAL '1 minute')\n"
        "  WITH (path = 'x', kafka.group.id = -1);\n"
        "INSERT INTO out SELECT DISTINCT a AS x, count(DISTINCT b) OVER (ORDER BY c), e.*\n"
        "FROM (SELECT * FROM ev) AS e WHERE a > 1 GROUP BY a, b HAVING count(*) > 2\n"
        "ORDER BY b DESC NULLS LAST LIMIT 10 OFFSET 5 WITH (name = 'q');";
    Parsed p = parse(&arena, src);
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    ck_assert_int_eq(p.script->n_stmts, 2);

    const AstStmt *cr = p.script->stmts[0];
    ck_assert_int_eq(cr->kind, STMT_CREATE_SOURCE);
    SPAN_IS(cr->span, "CREATE SOURCE ev (ts TIMESTAMP, tags ARRAY<STRING>, WATERMARK FOR ts AS ts - "
                      "INTERVAL '1 minute')\n  WITH (path = 'x', kafka.group.id = -1)");
    SPAN_IS(cr->name_span, "ev");
    ck_assert(cr->has_columns);
    ck_assert_int_eq(cr->n_columns, 2);
    SPAN_IS(cr->columns[1].span, "tags");
    SPAN_IS(cr->columns[1].type_span, "ARRAY<STRING>");
    ck_assert_ptr_nonnull(cr->watermark);
    SPAN_IS(cr->watermark->span, "WATERMARK FOR ts AS ts - INTERVAL '1 minute'");
    SPAN_IS(cr->watermark->column_span, "ts");
    SPAN_IS(cr->watermark->expr->span, "ts - INTERVAL '1 minute'");
    SPAN_IS(cr->watermark->expr->u.binary.op_span, "-");
    SPAN_IS(cr->options_span, "WITH (path = 'x', kafka.group.id = -1)");
    ck_assert_int_eq(cr->n_options, 2);
    SPAN_IS(cr->options[1].span, "kafka.group.id = -1");
    SPAN_IS(cr->options[1].key_span, "kafka.group.id");
    ck_assert_str_eq(cr->options[1].key, "kafka.group.id");
    SPAN_IS(cr->options[1].value->span, "-1");
    ck_assert_int_eq(cr->options[1].value->u.ival, -1);

    const AstStmt *ins = p.script->stmts[1];
    ck_assert_int_eq(ins->kind, STMT_INSERT);
    SPAN_IS(ins->name_span, "out");
    SPAN_IS(ins->options_span, "WITH (name = 'q')");
    const AstSelect *q = ins->query;
    ck_assert(q->distinct);
    SPAN_IS(q->distinct_span, "DISTINCT");
    ck_assert_int_eq(q->n_items, 3);
    SPAN_IS(q->items[0].span, "a AS x");
    SPAN_IS(q->items[0].alias_span, "x");
    const AstExpr *call = q->items[1].expr;
    ck_assert_int_eq(call->kind, AST_CALL);
    SPAN_IS(call->span, "count(DISTINCT b) OVER (ORDER BY c)");
    SPAN_IS(call->u.call.name_span, "count");
    ck_assert(call->u.call.distinct);
    SPAN_IS(call->u.call.distinct_span, "DISTINCT");
    ck_assert(call->u.call.has_over);
    SPAN_IS(call->u.call.over_span, "OVER (ORDER BY c)");
    ck_assert_int_eq(q->items[2].expr->kind, AST_STAR);
    SPAN_IS(q->items[2].expr->span, "e.*");
    ck_assert_ptr_nonnull(q->from);
    ck_assert_int_eq(q->from->kind, FROM_SUBQUERY);
    ck_assert_str_eq(q->from->alias, "e");
    SPAN_IS(q->from->span, "(SELECT * FROM ev) AS e");
    SPAN_IS(q->from->sub->span, "SELECT * FROM ev");
    SPAN_IS(q->where->span, "a > 1");
    SPAN_IS(q->group_by_span, "GROUP BY");
    ck_assert_int_eq(q->group_by.n, 2);
    SPAN_IS(q->having->span, "count(*) > 2");
    SPAN_IS(q->order_by_span, "ORDER BY");
    ck_assert_int_eq(q->n_order_by, 1);
    SPAN_IS(q->order_by[0].span, "b DESC NULLS LAST");
    ck_assert(q->order_by[0].desc);
    ck_assert_int_eq(q->order_by[0].nulls, 2);
    SPAN_IS(q->limit_span, "LIMIT 10");
    ck_assert_int_eq(q->limit->u.ival, 10);
    SPAN_IS(q->offset_span, "OFFSET 5");
    SPAN_IS(q->span, "SELECT DISTINCT a AS x, count(DISTINCT b) OVER (ORDER BY c), e.*\n"
                     "FROM (SELECT * FROM ev) AS e WHERE a > 1 GROUP BY a, b HAVING count(*) > 2\n"
                     "ORDER BY b DESC NULLS LAST LIMIT 10 OFFSET 5");
    SPAN_IS(ins->span, "INSERT INTO out SELECT DISTINCT a AS x, count(DISTINCT b) OVER (ORDER BY c), e.*\n"
                       "FROM (SELECT * FROM ev) AS e WHERE a > 1 GROUP BY a, b HAVING count(*) > 2\n"
                       "ORDER BY b DESC NULLS LAST LIMIT 10 OFFSET 5 WITH (name = 'q')");
    ck_assert_ptr_null(q->dedup);
    arena_free(&arena);
}
END_TEST

/* DROP DUPLICATES: the clause, WITHIN WATERMARK and each column keep their spans, whichever
   of the three rules (after FROM, after an alias, after WHERE) parsed them. */
START_TEST(test_dedup_spans)
{
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, "INSERT INTO o SELECT * FROM ev  DROP  DUPLICATES WITHIN  WATERMARK (a, t.b)\n"
                             "GROUP BY a;\n"
                             "INSERT INTO o SELECT * FROM ev AS e DROP DUPLICATES;\n"
                             "INSERT INTO o SELECT * FROM ev e WHERE a > 1 DROP DUPLICATES (c) LIMIT 1");
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    const AstSelect *q = p.script->stmts[0]->query;
    ck_assert_ptr_nonnull(q->dedup);
    ck_assert(q->dedup->within_watermark);
    SPAN_IS(q->dedup->span, "DROP  DUPLICATES WITHIN  WATERMARK (a, t.b)");
    SPAN_IS(q->dedup->within_span, "WITHIN  WATERMARK");
    ck_assert_int_eq(q->dedup->columns.n, 2);
    SPAN_IS(q->dedup->columns.items[0]->span, "a");
    ck_assert_int_eq(q->dedup->columns.items[1]->kind, AST_COLUMN);
    ck_assert_int_eq(q->dedup->columns.items[1]->u.name.n, 2);
    SPAN_IS(q->dedup->columns.items[1]->span, "t.b");
    SPAN_IS(q->from->span, "ev");
    SPAN_IS(q->span, "SELECT * FROM ev  DROP  DUPLICATES WITHIN  WATERMARK (a, t.b)\nGROUP BY a");

    q = p.script->stmts[1]->query;
    ck_assert(!q->dedup->within_watermark);
    ck_assert_int_eq(q->dedup->columns.n, 0);
    SPAN_IS(q->dedup->span, "DROP DUPLICATES");
    SPAN_IS(q->from->span, "ev AS e");
    ck_assert_str_eq(q->from->alias, "e");
    SPAN_IS(q->span, "SELECT * FROM ev AS e DROP DUPLICATES");

    q = p.script->stmts[2]->query;
    SPAN_IS(q->from->span, "ev e");
    SPAN_IS(q->where->span, "a > 1");
    SPAN_IS(q->dedup->span, "DROP DUPLICATES (c)");
    SPAN_IS(q->span, "SELECT * FROM ev e WHERE a > 1 DROP DUPLICATES (c) LIMIT 1");
    arena_free(&arena);
}
END_TEST

/* Struct fields, column parts and AST_FIELD names keep their own spans. */
START_TEST(test_name_spans)
{
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, "INSERT INTO s SELECT t.window.end, f(x).start, a FROM t\n"
                             "  WITH (a = 1)");
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    const AstSelect *q = p.script->stmts[0]->query;
    const AstExpr *col = q->items[0].expr;
    ck_assert_int_eq(col->kind, AST_COLUMN);
    ck_assert_int_eq(col->u.name.n, 3);
    ck_assert_str_eq(col->u.name.parts[2], "end");
    SPAN_IS(col->u.name.spans[0], "t");
    SPAN_IS(col->u.name.spans[2], "end");
    const AstExpr *fld = q->items[1].expr;
    ck_assert_int_eq(fld->kind, AST_FIELD);
    ck_assert_str_eq(fld->u.field.name, "start");
    SPAN_IS(fld->u.field.name_span, "start");
    /* no alias: an empty alias span at the end of the item */
    ck_assert_ptr_null(q->items[2].alias);
    ck_assert_uint_eq(q->items[2].alias_span.begin, q->items[2].span.end);
    ck_assert_uint_eq(q->items[2].alias_span.end, q->items[2].span.end);
    arena_free(&arena);
}
END_TEST

/* Types are built with base/type.h and compare structurally. */
START_TEST(test_types)
{
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, "CREATE SOURCE s (p STRUCT<a INT, tags ARRAY<STRING>>, d DOUBLE, f FLOAT) "
                             "WITH (c = 'x')");
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    const AstStmt *st = p.script->stmts[0];
    const Type *t = st->columns[0].type;
    ck_assert_int_eq(t->kind, TY_STRUCT);
    ck_assert_int_eq(t->n_fields, 2);
    ck_assert_str_eq(t->fields[1].name, "tags");
    ck_assert_int_eq(t->fields[1].type->kind, TY_ARRAY);
    ck_assert_ptr_eq(t->fields[1].type->elem, &type_string);
    ck_assert_str_eq(type_name(&arena, t), "struct<a:int,tags:array<string>>");
    ck_assert_ptr_eq(st->columns[1].type, &type_double);
    ck_assert_ptr_eq(st->columns[2].type, &type_float);
    arena_free(&arena);
}
END_TEST

/* MAP<K, V> (Spark's MapType): simpleString map<string,int>, DataType.sql-like MAP<STRING, INT>;
   `map` stays a name (a column, a function). */
START_TEST(test_map_type)
{
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, "CREATE SOURCE s (map MAP<STRING, ARRAY<MAP<INT, DOUBLE>>>) WITH (c = 'x');"
                             "SELECT map(1, map) AS m, map['k'] FROM s");
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    const Type *t = p.script->stmts[0]->columns[0].type;
    ck_assert_int_eq(t->kind, TY_MAP);
    ck_assert_ptr_eq(t->key, &type_string);
    ck_assert_int_eq(t->elem->elem->kind, TY_MAP);
    ck_assert_str_eq(type_name(&arena, t), "map<string,array<map<int,double>>>");
    ck_assert_str_eq(type_sql_name(&arena, t), "MAP<STRING, ARRAY<MAP<INT, DOUBLE>>>");
    ck_assert(type_has_map(t) && !type_has_map(t->key));
    ck_assert(type_equal(t, type_map(&arena, &type_string, t->elem)));
    ck_assert(!type_equal(t, type_map(&arena, &type_int, t->elem)));
    arena_free(&arena);
}
END_TEST

/* ==== The walker ==== */

typedef struct WalkCount {
    int visits;
    int stop_at;
    int result;
} WalkCount;

static int count_visit(AstExpr *e, void *ctx)
{
    (void)e;
    WalkCount *w = ctx;
    return ++w->visits == w->stop_at ? w->result : 0;
}

START_TEST(test_walk_prune_abort)
{
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, "INSERT INTO s SELECT (a + b) * (c - d)");
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    AstExpr *e = p.script->stmts[0]->query->items[0].expr;
    WalkCount all = {0, 0, 0};
    ck_assert_int_eq(ast_walk_expr(e, count_visit, &all), 0);
    ck_assert_int_eq(all.visits, 7);
    WalkCount prune = {0, 2, 1}; /* prune (a + b): skips a and b */
    ck_assert_int_eq(ast_walk_expr(e, count_visit, &prune), 0);
    ck_assert_int_eq(prune.visits, 5);
    WalkCount abort_ = {0, 3, 2}; /* abort at a */
    ck_assert_int_eq(ast_walk_expr(e, count_visit, &abort_), 2);
    ck_assert_int_eq(abort_.visits, 3);
    arena_free(&arena);
}
END_TEST

/* ==== Keywords: keywords.def against the grammar ==== */

typedef struct Keyword {
    const char *token;
    const char *spelling;
    int reserved;
} Keyword;

#define RESERVED 1
#define UNRESERVED 0
static const Keyword keywords[] = {
#define KW(tok, spelling, cat) {#tok, spelling, cat},
#include "../../grammar/keywords.def"
#undef KW
};

#define N_KEYWORDS ((int)(sizeof keywords / sizeof keywords[0]))

/* An UNRESERVED keyword is a name everywhere (source, column, alias, function); a RESERVED one
   is refused as a source name but accepted after '.', after AS and in backticks. */
START_TEST(test_keyword_category)
{
    const Keyword *k = &keywords[_i];
    Arena arena;
    arena_init(&arena);
    const char *w = k->spelling;
    Parsed p = parse(&arena, arena_sprintf(&arena, "CREATE SOURCE %s WITH (a = 1)", w));
    if (k->reserved) {
        ck_assert_msg(p.script == NULL, "reserved '%s' accepted as a name", w);
        ck_assert_ptr_nonnull(strstr(p.diag, "is a reserved word"));
    } else {
        ck_assert_msg(p.script != NULL, "unreserved '%s' refused: %s", w, p.diag);
        ck_assert_str_eq(p.script->stmts[0]->name, w);
        p = parse(&arena, arena_sprintf(&arena, "INSERT INTO %s SELECT %s, %s(%s) %s FROM %s %s", w, w,
                                        w, w, w, w, w));
        ck_assert_msg(p.script != NULL, "unreserved '%s' refused: %s", w, p.diag);
    }
    p = parse(&arena, arena_sprintf(&arena, "INSERT INTO s SELECT t.%s AS %s, `%s` FROM t AS %s", w, w, w,
                                    w));
    ck_assert_msg(p.script != NULL, "'%s' after '.' or AS refused: %s", w, p.diag);
    p = parse(&arena, arena_sprintf(&arena, "CREATE SOURCE s (%s STRUCT<%s INT>) WITH (%s.%s = 1)", w, w,
                                    w, w));
    ck_assert_msg(p.script != NULL, "'%s' as a column, field or key refused: %s", w, p.diag);
    arena_free(&arena);
}
END_TEST

/* ==== Robustness ==== */

static const char *fuzz_script =
    "CREATE SOURCE events (time TIMESTAMP, action STRING, p STRUCT<a INT, t ARRAY<STRING>>,\n"
    "  WATERMARK FOR time AS time - INTERVAL '10 minutes') WITH (connector = 'files', n = -1);\n"
    "CREATE SINK out WITH (connector = 'console', kafka.x = true); -- comment\n"
    "INSERT INTO out SELECT DISTINCT action, window(time, '1 hour').end AS `end`, count(*) c,\n"
    "  CASE WHEN a[0] BETWEEN 1 AND 2 THEN CAST(x AS BIGINT) ELSE -1.5e3 END, f(x) OVER (ROWS 1 PRECEDING)\n"
    "FROM (SELECT * FROM events) AS e /* block */ WHERE action NOT IN ('a', \"b\") AND x IS NOT NULL\n"
    "DROP DUPLICATES WITHIN WATERMARK (action, e.x) GROUP BY action HAVING count(DISTINCT y) > 1 ORDER BY c DESC NULLS FIRST LIMIT 1 OFFSET 2\n"
    "WITH (outputMode = 'complete');";

/* A parse must end in a tree and no diagnostic, or in no tree and exactly one error line. */
static void check_outcome(Arena *arena, const char *src, size_t len)
{
    Parsed p = parse_n(arena, src, len);
    if (p.script) {
        ck_assert_str_eq(p.diag, "");
        StrBuf sb;
        sb_init(&sb, arena);
        ast_dump_script(&sb, p.script);
    } else {
        ck_assert_msg(strncmp(p.diag, "error|q.sql|", 12) == 0, "no error for '%.*s'", (int)len, src);
        const char *nl = strchr(p.diag, '\n');
        ck_assert_msg(nl && nl[1] == '\0', "not one error for '%.*s': %s", (int)len, src, p.diag);
    }
}

START_TEST(test_every_prefix)
{
    size_t len = strlen(fuzz_script);
    for (size_t n = 0; n <= len; n++) {
        Arena arena;
        arena_init(&arena);
        check_outcome(&arena, fuzz_script, n);
        arena_free(&arena);
    }
    /* the whole script is valid */
    Arena arena;
    arena_init(&arena);
    Parsed p = parse(&arena, fuzz_script);
    ck_assert_msg(p.script != NULL, "%s", p.diag);
    ck_assert_int_eq(p.script->n_stmts, 3);
    arena_free(&arena);
}
END_TEST

/* Every single-byte deletion, and every replacement by a troublesome character. */
START_TEST(test_single_byte_edits)
{
    static const char repl[] = {'(', ')', ',', '\'', '"', '`', '*', '/', '-', ';', '.', '\0', 'x', ' '};
    size_t len = strlen(fuzz_script);
    char *buf = malloc(len + 1);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < len; i++) {
        Arena arena;
        arena_init(&arena);
        memcpy(buf, fuzz_script, i);
        memcpy(buf + i, fuzz_script + i + 1, len - i - 1);
        check_outcome(&arena, buf, len - 1);
        for (size_t r = 0; r < sizeof repl; r++) {
            memcpy(buf, fuzz_script, len);
            buf[i] = repl[r];
            check_outcome(&arena, buf, len);
        }
        arena_free(&arena);
    }
    free(buf);
}
END_TEST

Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("statements");
    tcase_add_loop_test(tc, test_statements, 0, (int)(sizeof stmt_cases / sizeof stmt_cases[0]));
    tcase_add_test(tc, test_types);
    tcase_add_test(tc, test_map_type);
    suite_add_tcase(s, tc);
    tc = tcase_create("expressions");
    tcase_add_loop_test(tc, test_expressions, 0, (int)(sizeof expr_cases / sizeof expr_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_test(tc, test_too_deep);
    tcase_add_test(tc, test_long_lists);
    tcase_add_test(tc, test_chain_too_deep);
    suite_add_tcase(s, tc);
    tc = tcase_create("spans");
    tcase_add_loop_test(tc, test_spans, 0, (int)(sizeof span_cases / sizeof span_cases[0]));
    tcase_add_test(tc, test_statement_spans);
    tcase_add_test(tc, test_dedup_spans);
    tcase_add_test(tc, test_name_spans);
    tcase_add_test(tc, test_walk_prune_abort);
    suite_add_tcase(s, tc);
    tc = tcase_create("keywords");
    tcase_add_loop_test(tc, test_keyword_category, 0, N_KEYWORDS);
    suite_add_tcase(s, tc);
    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_prefix);
    tcase_add_test(tc, test_single_byte_edits);
    suite_add_tcase(s, tc);
    return s;
}
