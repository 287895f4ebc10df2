/* check_sema.c - unit tests of compiler/sema: bound-program dumps, diagnostics, intervals,
*robustness.
**
** Table-driven: each dump case parses a script, binds it and compares
** sema_dump_program() byte for byte (types, generated names, group refs, window
** parameters); each error case compares the machine-format diagnostics.  Cases
** marked prelude get PRELUDE (4 lines: the `events` source with a watermark and
** the `out` console sink) in front, so their diagnostics start at line 5.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "base/strbuf.h"
#include "front/parse.h"
#include "sema/sema.h"
#include "sema/sema_int.h"

#define PRELUDE                                                                                    \
    "CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, v DOUBLE, big BIGINT,\n"          \
    "  WATERMARK FOR time AS time - INTERVAL '10 minutes')\n"                                      \
    "  WITH (connector = 'files', path = 'data/events');\n"                                        \
    "CREATE SINK out WITH (connector = 'console');\n"

/* The head of the dump of a PRELUDE query in append mode without options. */
#define EVENTS_APPEND_HEAD                                                                         \
    "query out #0 -> out mode=Append trigger=default\n"                                            \
    "  defaults: outputMode=append trigger=default mode=errorifexists "                            \
    "spark.sql.streaming.multipleWatermarkPolicy=min\n"                                            \
    "  select\n"                                                                                   \
    "    from: source events\n"                                                                    \
    "    input: time timestamp, action string, n int, v double, big bigint\n"

typedef struct DumpCase {
    const char *name;
    bool prelude; /* PRELUDE goes in front of sql */
    const char *sql;
    bool full; /* compare the whole dump, else from the first "query " line */
    const char *want;
} DumpCase;

typedef struct ErrorCase {
    const char *name;
    const char *sql;  /* after PRELUDE */
    const char *want; /* error|t.sql|line|col|message lines */
} ErrorCase;

/* ==== Running sema on text ==== */

typedef struct Run {
    const char *diags; /* machine-format diagnostics */
    const char *dump;  /* sema_dump_program() if sema succeeded, else "" */
    bool parsed;
    SProgram *prog;
} Run;

static Run run_sql(Arena *arena, const char *sql)
{
    Run r = {"", "", false, NULL};
    SrcFile *f = srcfile_from_text(arena, "t.sql", sql, strlen(sql));
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(mem);
    Diag diag;
    diag_init(&diag, f, mem);
    diag.format = DIAG_MACHINE;
    AstScript *script = parse_script(arena, &diag, f);
    if (script) {
        r.parsed = true;
        r.prog = sema_check(arena, &diag, script);
        if (r.prog) {
            StrBuf sb;
            sb_init(&sb, arena);
            sema_dump_program(&sb, r.prog);
            r.dump = sb.data;
        }
    }
    fclose(mem);
    r.diags = arena_strndup(arena, buf ? buf : "", len);
    free(buf);
    return r;
}

static const char *with_prelude(Arena *arena, bool prelude, const char *sql)
{
    return prelude ? arena_sprintf(arena, "%s%s", PRELUDE, sql) : sql;
}

/* ==== Cases ==== */
static const DumpCase dump_cases[] = {
    {"events_sliding_complete", false,
     "CREATE SOURCE events (time TIMESTAMP, action STRING)\n"
     "  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = "
     "1);\n"
     "CREATE SINK out WITH (connector = 'console', truncate = false);\n"
     "INSERT INTO out\n"
     "SELECT action, window(time, '1 hour', '30 minutes') AS window, count(*) AS count\n"
     "FROM events GROUP BY action, window(time, '1 hour', '30 minutes')\n"
     "WITH (outputMode = 'complete', trigger = '2 seconds', checkpointLocation = 'chk/counts');\n",
     true,
     "source events #0 connector=files format=json\n"
     "  columns: time timestamp, action string\n"
     "  options: connector=files path=data/events format=json maxFilesPerTrigger=1\n"
     "  defaults: latestFirst=false maxFileAge=7d mode=PERMISSIVE "
     "columnNameOfCorruptRecord=_corrupt_record inferSchema=false\n"
     "sink out #0 connector=console\n"
     "  options: connector=console truncate=false\n"
     "  defaults: numRows=20\n"
     "query out #0 -> out mode=Complete trigger=2000ms\n"
     "  options: outputMode=complete trigger=2 seconds checkpointLocation=chk/counts\n"
     "  defaults: mode=errorifexists spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string\n"
     "    aggregate\n"
     "      group[0]: action#1:string\n"
     "      group[1] window: window(time#0:timestamp, size=1h, slide=30m, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "      agg[0]: count(*):bigint\n"
     "    out[0] action: group#0:string\n"
     "    out[1] window: group#1:struct<start:timestamp,end:timestamp>\n"
     "    out[2] count: agg#0:bigint\n"
     "    output: action string, window struct<start:timestamp,end:timestamp>, count bigint\n"},
    {"catalog_options", false,
     "CREATE SOURCE Src (a INT, b STRUCT<x INT, y ARRAY<STRING>>)\n"
     "  WITH (CONNECTOR = 'FILES', PATH = 'in', FORMAT = JSON, LATESTFIRST = TRUE, maxfileage = "
     "'1h',\n"
     "        Mode = 'failfast', columnNameOfCorruptRecord = '_bad', inferSchema = false);\n"
     "CREATE TABLE devices (device STRING, owner STRING) WITH (connector = 'files', path = "
     "'devices');\n"
     "CREATE SINK Out WITH (connector = 'Console', NUMROWS = '7', Truncate = 'FALSE');\n",
     true,
     "source Src #0 connector=files format=json\n"
     "  columns: a int, b struct<x:int,y:array<string>>\n"
     "  options: connector=files path=in format=json latestFirst=true maxFileAge=1h mode=FAILFAST "
     "columnNameOfCorruptRecord=_bad inferSchema=false\n"
     "table devices #1 connector=files format=json\n"
     "  columns: device string, owner string\n"
     "  options: connector=files path=devices\n"
     "  defaults: format=json latestFirst=false maxFileAge=7d mode=PERMISSIVE "
     "columnNameOfCorruptRecord=_corrupt_record inferSchema=false\n"
     "sink Out #0 connector=console\n"
     "  options: connector=console numRows=7 truncate=false\n"},
    {"append_window_watermark", true,
     "INSERT INTO out\n"
     "SELECT window(time, '10 minutes', '5 minutes', '1 minute') AS w, action, count(*) AS c\n"
     "FROM events GROUP BY window(time, '10 minutes', '5 minutes', '1 minute'), action;\n",
     true,
     "source events #0 connector=files format=json\n"
     "  columns: time timestamp, action string, n int, v double, big bigint\n"
     "  watermark: time#0 delay=10m\n"
     "  options: connector=files path=data/events\n"
     "  defaults: format=json latestFirst=false maxFileAge=7d mode=PERMISSIVE "
     "columnNameOfCorruptRecord=_corrupt_record inferSchema=false\n"
     "sink out #0 connector=console\n"
     "  options: connector=console\n"
     "  defaults: numRows=20 truncate=true\n"
     EVENTS_APPEND_HEAD
     "    aggregate\n"
     "      group[0] window: window(time#0:timestamp, size=10m, slide=5m, "
     "start=1m):struct<start:timestamp,end:timestamp>\n"
     "      group[1]: action#1:string\n"
     "      agg[0]: count(*):bigint\n"
     "    out[0] w: group#0:struct<start:timestamp,end:timestamp>\n"
     "    out[1] action: group#1:string\n"
     "    out[2] c: agg#0:bigint\n"
     "    output: w struct<start:timestamp,end:timestamp>, action string, c bigint\n"},
    {"generated_names", true,
     "INSERT INTO out\n"
     "SELECT action, count(*), count(1), count(action), sum(n), sum(v), avg(n), max(time), "
     "min(action),\n"
     "       Count(*) + 1, window(time, '1 hour')\n"
     "FROM events GROUP BY action, window(time, '1 hour') WITH (outputMode = 'update');\n",
     false,
     "query out #0 -> out mode=Update trigger=default\n"
     "  options: outputMode=update\n"
     "  defaults: trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    aggregate\n"
     "      group[0]: action#1:string\n"
     "      group[1] window: window(time#0:timestamp, size=1h, slide=1h, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "      agg[0]: count(*):bigint\n"
     "      agg[1]: count(action#1:string):bigint\n"
     "      agg[2]: sum(cast(n#2:int):bigint):bigint\n"
     "      agg[3]: sum(v#3:double):double\n"
     "      agg[4]: avg(cast(n#2:int):double):double\n"
     "      agg[5]: max(time#0:timestamp):timestamp\n"
     "      agg[6]: min(action#1:string):string\n"
     "    out[0] action: group#0:string\n"
     "    out[1] count(1): agg#0:bigint\n"
     "    out[2] count(1): agg#0:bigint\n"
     "    out[3] count(action): agg#1:bigint\n"
     "    out[4] sum(n): agg#2:bigint\n"
     "    out[5] sum(v): agg#3:double\n"
     "    out[6] avg(n): agg#4:double\n"
     "    out[7] max(time): agg#5:timestamp\n"
     "    out[8] min(action): agg#6:string\n"
     "    out[9] (count(1) + 1): (agg#0:bigint + 1:bigint):bigint\n"
     "    out[10] window: group#1:struct<start:timestamp,end:timestamp>\n"
     "    output: action string, count(1) bigint, count(1) bigint, count(action) bigint, sum(n) "
     "bigint, sum(v) double, avg(n) double, max(time) timestamp, min(action) string, (count(1) + "
     "1) bigint, window struct<start:timestamp,end:timestamp>\n"},
    {"arithmetic_types", true,
     "INSERT INTO out\n"
     "SELECT n + 1, n + big, n * v, n / 2, big % 3, v % 2, -n, +v, n - 2147483648, '3' + n, NULL + "
     "n,\n"
     "       time + INTERVAL 1 HOUR, INTERVAL '1 day' + time\n"
     "FROM events;\n",
     false,
     EVENTS_APPEND_HEAD
     "    out[0] (n + 1): (n#2:int + 1:int):int\n"
     "    out[1] (n + big): (cast(n#2:int):bigint + big#4:bigint):bigint\n"
     "    out[2] (n * v): (cast(n#2:int):double * v#3:double):double\n"
     "    out[3] (n / 2): (cast(n#2:int):double / 2.0:double):double\n"
     "    out[4] (big % 3): (big#4:bigint % 3:bigint):bigint\n"
     "    out[5] (v % 2): (v#3:double % 2.0:double):double\n"
     "    out[6] (- n): (- n#2:int):int\n"
     "    out[7] (+ v): v#3:double\n"
     "    out[8] (n - 2147483648): (cast(n#2:int):bigint - 2147483648:bigint):bigint\n"
     "    out[9] (3 + n): (3.0:double + cast(n#2:int):double):double\n"
     "    out[10] (NULL + n): (NULL:int + n#2:int):int\n"
     "    out[11] time + INTERVAL '01' HOUR: (time#0:timestamp + INTERVAL 1h:interval hour):timestamp\n"
     "    out[12] time + INTERVAL '1' DAY: (time#0:timestamp + INTERVAL 1d:interval day):timestamp\n"
     "    output: (n + 1) int, (n + big) bigint, (n * v) double, (n / 2) double, (big % 3) bigint, "
     "(v % 2) double, (- n) int, (+ v) double, (n - 2147483648) bigint, (3 + n) double, (NULL + n) "
     "int, time + INTERVAL '01' HOUR timestamp, time + INTERVAL '1' DAY timestamp\n"},
    /* lambda variables are numbered by level: an inner lambda's after the outer's, a
       sibling's from 0 again; the variables follow the body among the call's arguments */
    {"lambda_levels", true,
     "INSERT INTO out\n"
     "SELECT transform(split(action, ','), x -> transform(split(action, ','), y -> concat(x, y))) AS t,\n"
     "       filter(split(action, ','), (z, i) -> i > n) AS f\n"
     "FROM events;\n",
     false,
     EVENTS_APPEND_HEAD
     "    out[0] t: transform(split(action#1:string, ',':string):array<string>, "
     "transform(split(action#1:string, ',':string):array<string>, concat(lambda#0:string, "
     "lambda#1:string):string, lambda#1:string):array<string>, lambda#0:string):array<array<string>>\n"
     "    out[1] f: filter(split(action#1:string, ',':string):array<string>, (lambda#1:int > "
     "n#2:int):boolean, lambda#0:string, lambda#1:int):array<string>\n"
     "    output: t array<array<string>>, f array<string>\n"},
    {"comparison_types", true,
     "INSERT INTO out\n"
     "SELECT action FROM events\n"
     "WHERE n = big AND v > n AND action = 1 AND time >= '2016-07-26 02:54:35' AND time < "
     "TIMESTAMP '2016-07-27T00:00:00Z'\n"
     "  AND n IN (1, 2.5, NULL) AND action NOT IN ('a', 'b') AND n NOT BETWEEN 1 AND 10\n"
     "  AND action LIKE '%Op%' AND action NOT LIKE 'x' AND n IS NOT NULL AND NOT (v IS NULL) AND "
     "(n = 1 OR NULL);\n",
     false,
     EVENTS_APPEND_HEAD
     "    where: (((((((((((((cast(n#2:int):bigint = big#4:bigint):boolean AND (v#3:double > "
     "cast(n#2:int):double):boolean):boolean AND (cast(action#1:string):int = "
     "1:int):boolean):boolean AND (time#0:timestamp >= TIMESTAMP '2016-07-26 "
     "02:54:35':timestamp):boolean):boolean AND (time#0:timestamp < TIMESTAMP '2016-07-27 "
     "00:00:00':timestamp):boolean):boolean AND (cast(n#2:int):decimal(11,1) IN (cast(1:int):decimal(11,1), "
     "cast(2.5:decimal(2,1)):decimal(11,1), NULL:decimal(11,1))):boolean):boolean AND (action#1:string NOT IN ('a':string, "
     "'b':string)):boolean):boolean AND (NOT ((n#2:int >= 1:int):boolean AND (n#2:int <= "
     "10:int):boolean):boolean):boolean):boolean AND (action#1:string LIKE "
     "'%Op%':string):boolean):boolean AND (action#1:string NOT LIKE 'x':string):boolean):boolean "
     "AND (n#2:int IS NOT NULL):boolean):boolean AND (NOT (v#3:double IS "
     "NULL):boolean):boolean):boolean AND ((n#2:int = 1:int):boolean OR "
     "NULL:boolean):boolean):boolean\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"},
    {"case_cast_functions", true,
     "INSERT INTO out\n"
     "SELECT CASE n WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS simple,\n"
     "       CASE WHEN n > 1 THEN n WHEN n < 0 THEN big ELSE v END AS searched,\n"
     "       CASE WHEN n > 1 THEN action ELSE n END AS mixed,\n"
     "       CAST(n AS STRING), CAST(action AS BIGINT), CAST(time AS BIGINT), CAST(n AS "
     "TIMESTAMP), CAST('12' AS INT),\n"
     "       coalesce(n, big), coalesce(action, 'none'), lower(action), upper(n), length(action), "
     "abs(v),\n"
     "       date_format(time, 'MMM-dd HH:mm'), year(time), month(time), day(time), hour(time), "
     "minute(time), second(time),\n"
     "       action || n, DATE '2020-02-29'\n"
     "FROM events;\n",
     false,
     EVENTS_APPEND_HEAD
     "    out[0] simple: CASE WHEN (n#2:int = 1:int):boolean THEN 'one':string WHEN (n#2:int = "
     "2:int):boolean THEN 'two':string ELSE NULL:string END:string\n"
     "    out[1] searched: CASE WHEN (n#2:int > 1:int):boolean THEN cast(n#2:int):double WHEN "
     "(n#2:int < 0:int):boolean THEN cast(big#4:bigint):double ELSE v#3:double END:double\n"
     "    out[2] mixed: CASE WHEN (n#2:int > 1:int):boolean THEN action#1:string ELSE "
     "cast(n#2:int):string END:string\n"
     "    out[3] CAST(n AS STRING): cast(n#2:int):string\n"
     "    out[4] CAST(action AS BIGINT): cast(action#1:string):bigint\n"
     "    out[5] CAST(time AS BIGINT): cast(time#0:timestamp):bigint\n"
     "    out[6] CAST(n AS TIMESTAMP): cast(n#2:int):timestamp\n"
     "    out[7] CAST(12 AS INT): 12:int\n"
     "    out[8] coalesce(n, big): coalesce(cast(n#2:int):bigint, big#4:bigint):bigint\n"
     "    out[9] coalesce(action, none): coalesce(action#1:string, 'none':string):string\n"
     "    out[10] lower(action): lower(action#1:string):string\n"
     "    out[11] upper(n): upper(cast(n#2:int):string):string\n"
     "    out[12] length(action): length(action#1:string):int\n"
     "    out[13] abs(v): abs(v#3:double):double\n"
     "    out[14] date_format(time, MMM-dd HH:mm): date_format(time#0:timestamp, 'MMM-dd "
     "HH:mm':string):string\n"
     "    out[15] year(time): year(cast(time#0:timestamp):date):int\n"
     "    out[16] month(time): month(cast(time#0:timestamp):date):int\n"
     "    out[17] day(time): day(cast(time#0:timestamp):date):int\n"
     "    out[18] hour(time): hour(time#0:timestamp):int\n"
     "    out[19] minute(time): minute(time#0:timestamp):int\n"
     "    out[20] second(time): second(time#0:timestamp):int\n"
     "    out[21] concat(action, n): (action#1:string || cast(n#2:int):string):string\n"
     "    out[22] DATE '2020-02-29': DATE '2020-02-29':date\n"
     "    output: simple string, searched double, mixed string, CAST(n AS STRING) string, "
     "CAST(action AS BIGINT) bigint, CAST(time AS BIGINT) bigint, CAST(n AS TIMESTAMP) timestamp, "
     "CAST(12 AS INT) int, coalesce(n, big) bigint, coalesce(action, none) string, lower(action) "
     "string, upper(n) string, length(action) int, abs(v) double, date_format(time, MMM-dd HH:mm) "
     "string, year(time) int, month(time) int, day(time) int, hour(time) int, minute(time) int, "
     "second(time) int, concat(action, n) string, DATE '2020-02-29' date\n"},
    {"subquery_window_struct", true,
     "INSERT INTO out\n"
     "SELECT t.window.start AS s, window.end, cnt, cnt * 2 AS twice\n"
     "FROM (SELECT window(time, '1 hour') AS window, count(*) AS cnt FROM events GROUP BY "
     "window(time, '1 hour')) AS t\n"
     "WHERE cnt > 1;\n",
     false,
     "query out #0 -> out mode=Append trigger=default\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: subquery\n"
     "      select\n"
     "        from: source events\n"
     "        input: time timestamp, action string, n int, v double, big bigint\n"
     "        aggregate\n"
     "          group[0] window: window(time#0:timestamp, size=1h, slide=1h, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "          agg[0]: count(*):bigint\n"
     "        out[0] window: group#0:struct<start:timestamp,end:timestamp>\n"
     "        out[1] cnt: agg#0:bigint\n"
     "        output: window struct<start:timestamp,end:timestamp>, cnt bigint\n"
     "    input: window struct<start:timestamp,end:timestamp>, cnt bigint\n"
     "    where: (cnt#1:bigint > 1:bigint):boolean\n"
     "    out[0] s: window#0.start:timestamp\n"
     "    out[1] end: window#0.end:timestamp\n"
     "    out[2] cnt: cnt#1:bigint\n"
     "    out[3] twice: (cnt#1:bigint * 2:bigint):bigint\n"
     "    output: s timestamp, end timestamp, cnt bigint, twice bigint\n"},
    {"order_by_resolution", true,
     "INSERT INTO out\n"
     "SELECT action AS a, window(time, '1 hour') AS window, count(*) AS c\n"
     "FROM events GROUP BY action, window(time, '1 hour')\n"
     "ORDER BY window.start, c DESC, 1 DESC NULLS FIRST, max(n), a NULLS LAST\n"
     "WITH (outputMode = 'complete');\n",
     false,
     "query out #0 -> out mode=Complete trigger=default\n"
     "  options: outputMode=complete\n"
     "  defaults: trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    aggregate\n"
     "      group[0]: action#1:string\n"
     "      group[1] window: window(time#0:timestamp, size=1h, slide=1h, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "      agg[0]: count(*):bigint\n"
     "      agg[1]: max(n#2:int):int\n"
     "    out[0] a: group#0:string\n"
     "    out[1] window: group#1:struct<start:timestamp,end:timestamp>\n"
     "    out[2] c: agg#0:bigint\n"
     "    order[0] asc nulls first: group#1.start:timestamp\n"
     "    order[1] desc nulls last: agg#0:bigint\n"
     "    order[2] desc nulls first: group#0:string\n"
     "    order[3] asc nulls first: agg#1:int\n"
     "    order[4] asc nulls last: group#0:string\n"
     "    output: a string, window struct<start:timestamp,end:timestamp>, c bigint\n"},
    {"group_by_alias_and_position", true,
     "INSERT INTO out\n"
     "SELECT lower(action) AS act, window(time, '5 minutes') AS w, sum(n) AS total\n"
     "FROM events GROUP BY act, 2 HAVING total > 10 AND act <> 'x' AND count(*) > 1;\n",
     false,
     EVENTS_APPEND_HEAD
     "    aggregate\n"
     "      group[0]: lower(action#1:string):string\n"
     "      group[1] window: window(time#0:timestamp, size=5m, slide=5m, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "      agg[0]: sum(cast(n#2:int):bigint):bigint\n"
     "      agg[1]: count(*):bigint\n"
     "    having: (((agg#0:bigint > 10:bigint):boolean AND (group#0:string != "
     "'x':string):boolean):boolean AND (agg#1:bigint > 1:bigint):boolean):boolean\n"
     "    out[0] act: group#0:string\n"
     "    out[1] w: group#1:struct<start:timestamp,end:timestamp>\n"
     "    out[2] total: agg#0:bigint\n"
     "    output: act string, w struct<start:timestamp,end:timestamp>, total bigint\n"},
    {"star_and_qualified", true,
     "INSERT INTO out SELECT * FROM events;\n"
     "INSERT INTO out SELECT e.*, e.action AS act FROM events e WHERE e.n > 0;\n"
     "INSERT INTO out SELECT count(*) FROM events WITH (outputMode = 'complete');\n",
     false,
     "query out_1 #0 -> out mode=Append trigger=default\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] time: time#0:timestamp\n"
     "    out[1] action: action#1:string\n"
     "    out[2] n: n#2:int\n"
     "    out[3] v: v#3:double\n"
     "    out[4] big: big#4:bigint\n"
     "    output: time timestamp, action string, n int, v double, big bigint\n"
     "query out_2 #1 -> out mode=Append trigger=default\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    where: (n#2:int > 0:int):boolean\n"
     "    out[0] time: time#0:timestamp\n"
     "    out[1] action: action#1:string\n"
     "    out[2] n: n#2:int\n"
     "    out[3] v: v#3:double\n"
     "    out[4] big: big#4:bigint\n"
     "    out[5] act: action#1:string\n"
     "    output: time timestamp, action string, n int, v double, big bigint, act string\n"
     "query out_3 #2 -> out mode=Complete trigger=default\n"
     "  options: outputMode=complete\n"
     "  defaults: trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    aggregate\n"
     "      agg[0]: count(*):bigint\n"
     "    out[0] count(1): agg#0:bigint\n"
     "    output: count(1) bigint\n"},
    {"query_names_and_triggers", true,
     "CREATE SINK other WITH (connector = 'console');\n"
     "INSERT INTO out SELECT action FROM events WITH (trigger = 'once');\n"
     "INSERT INTO out SELECT action FROM events WITH (name = 'named', trigger = 'AvailableNow');\n"
     "INSERT INTO out SELECT action FROM events WITH (trigger = '1 minute 30 seconds', outputMode "
     "= 'Update');\n"
     "INSERT INTO other SELECT action FROM events WITH (trigger = '0 seconds');\n"
     "INSERT INTO other SELECT action FROM events WITH (trigger = 'default', name = 'other_2');\n",
     false,
     "query out_1 #0 -> out mode=Append trigger=once\n"
     "  options: trigger=once\n"
     "  defaults: outputMode=append mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"
     "query named #1 -> out mode=Append trigger=availableNow\n"
     "  options: name=named trigger=availableNow\n"
     "  defaults: outputMode=append mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"
     "query out_3 #2 -> out mode=Update trigger=90000ms\n"
     "  options: trigger=1 minute 30 seconds outputMode=update\n"
     "  defaults: mode=errorifexists spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"
     "query other_1 #3 -> other mode=Append trigger=default\n"
     "  options: trigger=0 seconds\n"
     "  defaults: outputMode=append mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"
     "query other_2 #4 -> other mode=Append trigger=default\n"
     "  options: trigger=default name=other_2\n"
     "  defaults: outputMode=append mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"},
    /* session_window: a struct key named session_window, its fields usable above it; the
       watermark on time makes it an event-time key (Append is legal) */
    {"session_window", true,
     "INSERT INTO out\n"
     "SELECT action, session_window.start AS s, session_window.end, c FROM (\n"
     "  SELECT action, session_window(time, '5 minutes'), count(*) AS c FROM events\n"
     "  GROUP BY action, SESSION_WINDOW(time, '5 minutes'))\n"
     "WITH (name = 'q');\n",
     false,
     "query q #0 -> out mode=Append trigger=default\n"
     "  options: name=q\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: subquery\n"
     "      select\n"
     "        from: source events\n"
     "        input: time timestamp, action string, n int, v double, big bigint\n"
     "        aggregate\n"
     "          group[0]: action#1:string\n"
     "          group[1] window: session_window(time#0:timestamp, "
     "gap=5m):struct<start:timestamp,end:timestamp>\n"
     "          agg[0]: count(*):bigint\n"
     "        out[0] action: group#0:string\n"
     "        out[1] session_window: group#1:struct<start:timestamp,end:timestamp>\n"
     "        out[2] c: agg#0:bigint\n"
     "        output: action string, session_window struct<start:timestamp,end:timestamp>, c "
     "bigint\n"
     "    input: action string, session_window struct<start:timestamp,end:timestamp>, c bigint\n"
     "    out[0] action: action#0:string\n"
     "    out[1] s: session_window#1.start:timestamp\n"
     "    out[2] end: session_window#1.end:timestamp\n"
     "    out[3] c: c#2:bigint\n"
     "    output: action string, s timestamp, end timestamp, c bigint\n"},
    /* DROP DUPLICATES: keys in the order written, the watermark followed through a subquery
       (event_key: time is a key), every column when no list is written, WHERE before it */
    {"drop_duplicates", true,
     "INSERT INTO out SELECT a, count(*) AS c FROM (SELECT action AS a, time AS t, n FROM events)\n"
     "  WHERE n > 0 DROP DUPLICATES (N, T, a) GROUP BY a, window(t, '1 hour')\n"
     "  WITH (outputMode = 'complete');\n"
     "INSERT INTO out SELECT action FROM events DROP DUPLICATES WITHIN WATERMARK (action);\n"
     "CREATE SOURCE plain (k STRING, ts TIMESTAMP) WITH (connector = 'files', path = 'p');\n"
     "INSERT INTO out SELECT k FROM plain p DROP DUPLICATES;\n",
     false,
     "query out_1 #0 -> out mode=Complete trigger=default\n"
     "  options: outputMode=complete\n"
     "  defaults: trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: subquery\n"
     "      select\n"
     "        from: source events\n"
     "        input: time timestamp, action string, n int, v double, big bigint\n"
     "        out[0] a: action#1:string\n"
     "        out[1] t: time#0:timestamp\n"
     "        out[2] n: n#2:int\n"
     "        output: a string, t timestamp, n int\n"
     "    input: a string, t timestamp, n int\n"
     "    where: (n#2:int > 0:int):boolean\n"
     "    dedup: [n#2, t#1, a#0] watermark=t#1 delay=10m event_key=1\n"
     "    aggregate\n"
     "      group[0]: a#0:string\n"
     "      group[1] window: window(t#1:timestamp, size=1h, slide=1h, "
     "start=0):struct<start:timestamp,end:timestamp>\n"
     "      agg[0]: count(*):bigint\n"
     "    out[0] a: group#0:string\n"
     "    out[1] c: agg#0:bigint\n"
     "    output: a string, c bigint\n"
     "query out_2 #1 -> out mode=Append trigger=default\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source events\n"
     "    input: time timestamp, action string, n int, v double, big bigint\n"
     "    dedup within watermark: [action#1] watermark=time#0 delay=10m event_key=-1\n"
     "    out[0] action: action#1:string\n"
     "    output: action string\n"
     "query out_3 #2 -> out mode=Append trigger=default\n"
     "  defaults: outputMode=append trigger=default mode=errorifexists "
     "spark.sql.streaming.multipleWatermarkPolicy=min\n"
     "  select\n"
     "    from: source plain\n"
     "    input: k string, ts timestamp\n"
     "    dedup: [k#0, ts#1] all\n"
     "    out[0] k: k#0:string\n"
     "    output: k string\n"},
};

static const ErrorCase error_cases[] = {
    {"keeps_going",
     "INSERT INTO out SELECT actoin, lower(n, 1) FROM events WHERE action\n"
     "  WITH (outputMode = 'complete', nmae = 'x');\n"
     "INSERT INTO nowhere SELECT action FROM events;\n",
     "error|t.sql|5|24|"
     "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `actoin` cannot "
     "be resolved. Did you mean one of the following? [`action`, `big`, `n`, `time`, `v`].\n"
     "error|t.sql|5|32|"
     "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `lower` requires 1 parameters but the actual "
     "number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' "
     "for a fix.\n"
     "error|t.sql|5|62|[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"action\" due "
     "to data type mismatch: Filter expression \"action\" of type \"STRING\" is not a boolean.\n"
     "error|t.sql|6|34|unknown query option 'nmae' (did you mean 'name'?)\n"
     "error|t.sql|6|9|Complete output mode not supported when there are no streaming aggregations "
     "on streaming DataFrames/Datasets\n"
     "error|t.sql|7|13|unknown sink 'nowhere'\n"},
    {"one_error_per_expression", "INSERT INTO out SELECT (foo + 1) * 2 + lower(foo) FROM events;\n",
     "error|t.sql|5|25|"
     "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `foo` cannot "
     "be resolved. Did you mean one of the following? [`n`, `v`, `big`, `time`, `action`].\n"
     "error|t.sql|5|46|"
     "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `foo` cannot "
     "be resolved. Did you mean one of the following? [`n`, `v`, `big`, `time`, `action`].\n"},
    {"unknown_source_silences_columns", "INSERT INTO out SELECT a, b, c FROM nothere;\n",
     "error|t.sql|5|37|unknown source 'nothere' (sources and tables: events)\n"},
    {"failed_subquery_column_silent",
     "INSERT INTO out SELECT x, y + 1 FROM (SELECT nope AS x, n AS y FROM events);\n",
     "error|t.sql|5|46|"
     "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nope` cannot "
     "be resolved. Did you mean one of the following? [`n`, `v`, `big`, `time`, `action`].\n"},
    {"window_checks",
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '0 seconds') WITH "
     "(outputMode = 'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hour', '-1 hour') WITH "
     "(outputMode = 'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hour', '1 hourz') WITH "
     "(outputMode = 'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, 1 + 1) WITH (outputMode = "
     "'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time) WITH (outputMode = "
     "'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 year') WITH (outputMode "
     "= 'update');\n"
     "INSERT INTO out SELECT window(time, '2 hours'), count(*) FROM events GROUP BY window(time, "
     "'1 hour') WITH (outputMode = 'update');\n",
     "error|t.sql|5|67|[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve \"window(time, 0, 0, "
     "0)\" due to data type mismatch: The `window_duration` must be between (0, "
     "9223372036854775807] (current value = 0L).\n"
     "error|t.sql|6|77|[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve \"window(time, "
     "3600000000, -3600000000, 0)\" due to data type mismatch: The `slide_duration` must be "
     "between (0, 9223372036854775807] (current value = -3600000000L).\n"
     "error|t.sql|7|77|invalid interval '1 hourz' (expected e.g. '10 minutes' or '1 hour 30 "
     "minutes')\n"
     "error|t.sql|8|67|The duration and time inputs to window must be an integer, long or string "
     "literal.\n"
     "error|t.sql|9|54|"
     "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `window` requires [2, 3, 4] parameters but the "
     "actual "
     "number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' "
     "for a fix.\n"
     "error|t.sql|10|67|[FAILED_FUNCTION_CALL] Failed preparing of the function `window` for "
     "call. Please, double check function's arguments.\n"
     "error|t.sql|11|24|this window() does not match the window of the GROUP BY clause\n"},
    {"aggregate_placement",
     "INSERT INTO out SELECT n FROM events GROUP BY count(*) WITH (outputMode = 'update');\n"
     "INSERT INTO out SELECT action, count(*) FROM events GROUP BY 3 WITH (outputMode = "
     "'update');\n"
     "INSERT INTO out SELECT action, count(*) FROM events GROUP BY 2 WITH (outputMode = "
     "'update');\n"
     "INSERT INTO out SELECT max(window(time, '1 hour')) FROM events WITH (outputMode = "
     "'update');\n"
     "INSERT INTO out SELECT sum(*) FROM events WITH (outputMode = 'update');\n"
     "INSERT INTO out SELECT lower(DISTINCT action) FROM events;\n"
     "INSERT INTO out SELECT action FROM events GROUP BY action ORDER BY 5 WITH (outputMode = "
     "'complete');\n",
     "error|t.sql|5|47|[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but "
     "found count(1).\n"
     "error|t.sql|6|62|[GROUP_BY_POS_OUT_OF_RANGE] GROUP BY position 3 is not in select list "
     "(valid range is [1, 2]).\n"
     "error|t.sql|7|62|[GROUP_BY_POS_AGGREGATE] GROUP BY 2 refers to an expression count(1) AS "
     "`count(1)` that contains an aggregate function. Aggregate functions are not allowed in "
     "GROUP BY.\n"
     "error|t.sql|8|28|window() is only supported as a GROUP BY key or in the SELECT list of a "
     "query without aggregation\n"
     "error|t.sql|9|24|'*' is only allowed in count(*)\n"
     "error|t.sql|10|30|DISTINCT specified, but 'lower' is not an aggregate function\n"
     "error|t.sql|11|68|[ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position 5 is not in select list "
     "(valid range is [1, 1]).\n"},
    {"types",
     "INSERT INTO out SELECT time + 1, action - 1, n AND true, NOT n, CASE WHEN n THEN 1 END FROM "
     "events;\n"
     "INSERT INTO out SELECT CASE WHEN n > 1 THEN time ELSE true END, coalesce(time, true), "
     "abs(time),   year(n) FROM events;\n"
     "INSERT INTO out SELECT avg(time), min(window(time, '1 hour')) FROM events WITH (outputMode = "
     "'update');\n",
     "error|t.sql|5|24|[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(time + 1)\" "
     "due to data type mismatch: the left and right operands of the binary operator have "
     "incompatible types (\"TIMESTAMP\" and \"INT\").\n"
     "error|t.sql|5|46|[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(n AND true)\" "
     "due to data type mismatch: the left and right operands of the binary operator have "
     "incompatible types (\"INT\" and \"BOOLEAN\").\n"
     "error|t.sql|5|62|[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"(NOT n)\" due "
     "to data type mismatch: Parameter 1 requires the \"BOOLEAN\" type, however \"n\" has the "
     "type \"INT\".\n"
     "error|t.sql|5|75|[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"CASE WHEN n "
     "THEN 1 END\" due to data type mismatch: Parameter 1 requires the \"BOOLEAN\" type, however "
     "\"n\" has the type \"INT\".\n"
     "error|t.sql|6|24|[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"CASE WHEN (n > 1) THEN "
     "time ELSE true END\" due to data type mismatch: Input to `casewhen` should all be the same "
     "type, but it's [\"TIMESTAMP\", \"BOOLEAN\"].\n"
     "error|t.sql|6|65|[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve \"coalesce(time, "
     "true)\" due to data type mismatch: Input to `coalesce` should all be the same type, but "
     "it's (\"TIMESTAMP\" or \"BOOLEAN\").\n"
     "error|t.sql|6|91|[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"abs(time)\" "
     "due to data type mismatch: Parameter 1 requires the (\"NUMERIC\" or \"INTERVAL DAY TO "
     "SECOND\" or \"INTERVAL YEAR TO MONTH\") type, however \"time\" has the type "
     "\"TIMESTAMP\".\n"
     "error|t.sql|6|105|[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"year(n)\" "
     "due to data type mismatch: Parameter 1 requires the \"DATE\" type, however \"n\" has the "
     "type \"INT\".\n"
     "error|t.sql|7|28|[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"avg(time)\" due "
     "to data type mismatch: Parameter 1 requires the \"NUMERIC\" or \"ANSI INTERVAL\" type, "
     "however \"time\" has the type \"TIMESTAMP\".\n"
     "error|t.sql|7|39|window() is only supported as a GROUP BY key or in the SELECT list of a "
     "query without aggregation\n"},
    {"batch_query_refusals",
     "CREATE TABLE t (k STRING) WITH (connector = 'files', path = 't');\n"
     "INSERT INTO out SELECT DISTINCT count(DISTINCT k), row_number() OVER (ORDER BY k) FROM t "
     "ORDER BY 1 LIMIT 1;\n"
     "INSERT INTO out SELECT k FROM t LIMIT -1 OFFSET 2 WITH (outputMode = 'complete');\n"
     "SELECT * FROM (SELECT k FROM t LIMIT 2);\n"
     "SELECT * FROM t WITH (numRows = 5, truncate = 3, name = 'x');\n"
     "SELECT * FROM events;\n",
     "error|t.sql|6|52|window functions (OVER) are not supported yet\n"
     "error|t.sql|6|24|SELECT DISTINCT over an aggregation is not supported yet in "
     "batch queries\n"
     "error|t.sql|7|39|The limit expression must be equal to or greater than 0, but got -1\n"
     "error|t.sql|7|42|OFFSET is not supported yet in batch queries\n"
     "error|t.sql|7|57|option 'outputMode' is for streaming queries: this query reads only "
     "static tables, so it runs once as a batch query\n"
     "error|t.sql|8|32|LIMIT is supported only in the outermost SELECT of a batch query yet\n"
     "error|t.sql|9|47|Invalid value '3' for option 'truncate', must be 'true' or 'false'\n"
     "error|t.sql|9|50|unknown option 'name' for a SELECT statement (show) (valid: numRows, "
     "truncate)\n"
     "error|t.sql|10|15|Queries with streaming sources must be executed with "
     "writeStream.start(); write INSERT INTO a sink to run a streaming query\n"},
    {"session_window_checks",
     "INSERT INTO out SELECT count(*) FROM events GROUP BY n, session_window(time, '-1 minute') "
     "WITH (outputMode = 'complete'); -- accepted: no session (SessionWindowing's end > start)\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY n, session_window(time, action) WITH "
     "(outputMode = 'complete'); -- accepted: a per-row gap, cast to an interval per row\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY n, session_window(time, '1 minutez') "
     "WITH (outputMode = 'complete'); -- accepted: the cast to an interval is NULL, no session\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY n, session_window(*) WITH (outputMode "
     "= 'complete');\n"
     "INSERT INTO out SELECT session_window(time, '1 hour') FROM events; -- accepted "
     "(SessionWindowing)\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY session_window(time, '1 hour') WITH "
     "(outputMode = 'update');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY session_window(time, '1 hour') WITH "
     "(outputMode = 'complete');\n"
     "INSERT INTO out SELECT count(*) FROM events GROUP BY session_window(time, '1 hour'), "
     "session_window(time, '2 hours') WITH (outputMode = 'complete');\n",
     "error|t.sql|8|57|function 'session_window' takes a timestamp and a gap duration\n"
     "error|t.sql|10|54|Update output mode not supported for session window on streaming "
     "DataFrames/DataSets\n"
     "error|t.sql|11|54|Global aggregation with session window in streaming query is not "
     "supported.\n"
     "error|t.sql|12|86|Multiple time/session window expressions would result in a cartesian "
     "product of rows, therefore they are currently not supported.\n"},
    {"drop_duplicates_checks",
     "INSERT INTO out SELECT action AS a FROM events DROP DUPLICATES (a, Action, action, n.x);\n"
     "INSERT INTO out SELECT * FROM (SELECT * FROM events DROP DUPLICATES) DROP DUPLICATES (n);\n"
     "INSERT INTO out SELECT * FROM (SELECT n, count(*) AS c FROM events GROUP BY n) AS g\n"
     "  DROP DUPLICATES WITHIN WATERMARK (g.c) WITH (outputMode = 'complete');\n"
     "CREATE SOURCE plain (k STRING) WITH (connector = 'files', path = 'p');\n"
     "INSERT INTO out SELECT k FROM plain DROP DUPLICATES WITHIN WATERMARK (k);\n"
     "CREATE TABLE tab (k STRING) WITH (connector = 'files', path = 'p');\n"
     "INSERT INTO out SELECT k FROM tab DROP DUPLICATES WITHIN WATERMARK (nope);\n",
     "error|t.sql|5|65|Cannot resolve column name \"a\" among (time, action, n, v, big).\n"
     /* Action, action: one key (Dataset.dropDuplicates' colNames.toSet) */
     "error|t.sql|5|86|[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"n\". Need "
     "a complex type [STRUCT, ARRAY, MAP] but got \"INT\".\n"
     /* line 6: two DROP DUPLICATES, one per block, pass (Spark 3.5 chains them) */
     /* Spark 3.5: a complete-mode aggregation below DeduplicateWithinWatermark */
     "error|t.sql|7|68|Detected pattern of possible 'correctness' issue due to global "
     "watermark. The query contains stateful operation which can emit rows older than the "
     "current watermark plus allowed late record delay, which are \"late rows\" in downstream "
     "stateful operations and these rows can be discarded. Please refer the programming guide "
     "doc for more details. If you understand the possible risk of correctness issue and still "
     "need to run the query, you can disable this check by setting the config "
     "`spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.\n"
     "error|t.sql|10|53|dropDuplicatesWithinWatermark is not supported on streaming "
     "DataFrames/DataSets without watermark\n"
     "error|t.sql|12|69|Cannot resolve column name \"nope\" among (k).\n"},
    {"names",
     "CREATE SOURCE events (x INT) WITH (connector = 'files', path = 'p');\n"
     "CREATE TABLE out (x INT) WITH (connector = 'files', path = 'p');\n"
     "CREATE SINK s2 WITH (connector = 'console');\n"
     "INSERT INTO s2 SELECT action FROM out WITH (name = 'q');\n"
     "INSERT INTO s2 SELECT action FROM events WITH (name = 'Q');\n"
     "INSERT INTO s2 SELECT x FROM s2;\n",
     "error|t.sql|5|15|source 'events' is already defined\n"
     "error|t.sql|6|14|'out' is already defined as a sink\n"
     "error|t.sql|8|35|'out' is a sink, not a source\n"
     "error|t.sql|9|55|query name 'Q' is already used\n"
     "error|t.sql|10|30|'s2' is a sink, not a source\n"},
};

/* ==== Dumps and diagnostics ==== */

START_TEST(test_dump)
{
    const DumpCase *c = &dump_cases[_i];
    Arena arena;
    arena_init(&arena);
    Run r = run_sql(&arena, with_prelude(&arena, c->prelude, c->sql));
    ck_assert_msg(r.parsed, "%s: syntax error:\n%s", c->name, r.diags);
    ck_assert_msg(r.prog != NULL, "%s: sema failed:\n%s", c->name, r.diags);
    const char *got = r.dump;
    if (!c->full) {
        const char *q = strstr(got, "\nquery ");
        got = q ? q + 1 : "";
    }
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: dump differs; got:\n%s\nwant:\n%s", c->name, got,
                  c->want);
    arena_free(&arena);
}
END_TEST

START_TEST(test_errors)
{
    const ErrorCase *c = &error_cases[_i];
    Arena arena;
    arena_init(&arena);
    Run r = run_sql(&arena, with_prelude(&arena, true, c->sql));
    ck_assert_msg(r.parsed, "%s: syntax error:\n%s", c->name, r.diags);
    ck_assert_msg(r.prog == NULL, "%s: sema accepted the script", c->name);
    ck_assert_msg(strcmp(r.diags, c->want) == 0, "%s: diagnostics differ; got:\n%s\nwant:\n%s",
                  c->name, r.diags, c->want);
    arena_free(&arena);
}
END_TEST

/* ==== Intervals ==== */

#define H 3600000000LL
#define M 60000000LL
#define S 1000000LL
#define D (24 * H)

static const struct {
    const char *text;
    int rc;
    int64_t us;
} interval_cases[] = {
    /* The rule itself is common/cm_interval.c's (check_common_interval.c); these are the
       adapter's: days folded into µs, months kept apart, malformed text refused. */
    {"1 hour 30 minutes", 0, H + 30 * M},
    {"INTERVAL 2 days 3 hours", 0, 2 * D + 3 * H},
    {"2 weeks", 0, 14 * D},
    {"-10 minutes", 0, -10 * M},
    {"1 month", -2, 0},
    {"1 day 1 month", -2, 0},
    {"", -1, 0},
    {"10minutes", -1, 0},
    {"9999999999999 weeks", -1, 0},
};

START_TEST(test_interval)
{
    int64_t us = -12345;
    int rc = sema_parse_interval(interval_cases[_i].text, &us);
    ck_assert_msg(rc == interval_cases[_i].rc, "'%s': rc %d, want %d", interval_cases[_i].text, rc,
                  interval_cases[_i].rc);
    if (rc == 0)
        ck_assert_msg(us == interval_cases[_i].us, "'%s': %lld us, want %lld",
                      interval_cases[_i].text, (long long)us, (long long)interval_cases[_i].us);
}
END_TEST

/* INTERVAL literals as Spark 3.5 reads and names them; names worked out by hand from
   IntervalUtils.toDayTimeIntervalString (first field unpadded if DAY, else 2 digits; seconds
   with a leading 0 under 10 and BigDecimal.stripTrailingZeros). */
static const struct {
    const char *text;
    bool pairs;
    const char *from, *to; /* unit-to-unit form */
    const char *name;      /* Literal.sql, or the message's start */
    int64_t us;
} ansi_cases[] = {
    {"10 minutes", false, NULL, NULL, "INTERVAL '10' MINUTE", 10 * M},
    {"1 hour 30 minutes", false, NULL, NULL, "INTERVAL '01:30' HOUR TO MINUTE", H + 30 * M},
    {"2 DAY", true, NULL, NULL, "INTERVAL '2' DAY", 2 * D},
    {"1.5 SECOND", true, NULL, NULL, "INTERVAL '01.5' SECOND", 1500000},
    {"90 SECONDS", true, NULL, NULL, "INTERVAL '90' SECOND", 90000000},
    {"1 WEEK", true, NULL, NULL, "INTERVAL '7' DAY", 7 * D},
    {"500 milliseconds", true, NULL, NULL, "INTERVAL '00.5' SECOND", 500000},
    {"-2 DAY 3 HOURS", true, NULL, NULL, "INTERVAL '-1 21' DAY TO HOUR", -2 * D + 3 * H},
    {"1 02:03:04.5", false, "DAY", "SECOND", "INTERVAL '1 02:03:04.5' DAY TO SECOND",
     D + 2 * H + 3 * M + 4500000},
    {"-10:30", false, "hour", "minute", "INTERVAL '-10:30' HOUR TO MINUTE", -(10 * H + 30 * M)},
    {"|5 10", false, "day", "hour", "INTERVAL '5 10' DAY TO HOUR", 5 * D + 10 * H},
    {" 2 10 ", false, "day", "hour", "INTERVAL '2 10' DAY TO HOUR", 2 * D + 10 * H},
    {"100:00", false, "hour", "minute", "INTERVAL '100:00' HOUR TO MINUTE", 100 * H},
    {"0:0:0.000000999", false, "hour", "second", "INTERVAL '00:00:00' HOUR TO SECOND", 0},
    {"12:34.000001", false, "minute", "second", "INTERVAL '12:34.000001' MINUTE TO SECOND",
     12 * M + 34000001},
    {"2 10", false, "day", "minute", "Interval string does not match day-time format", 0},
    {"2 10:60", false, "day", "minute", "requirement failed: minute 60 outside range [0, 59]", 0},
    {"1:2:3", false, "day", "second", "Interval string does not match day-time format", 0},
    {"1", false, "second", "second", "Intervals FROM second TO second are not supported.", 0},
    {"1-2", false, "year", "month", "INTERVAL '1-2' YEAR TO MONTH", 0},
    {"1 year 2 days", false, NULL, NULL, "Cannot mix year-month and day-time fields", 0},
};

START_TEST(test_interval_literal)
{
    Arena arena;
    arena_init(&arena);
    AstExpr *e = ast_new_interval(&arena, ansi_cases[_i].text, ansi_cases[_i].pairs,
                                  ansi_cases[_i].from, ansi_cases[_i].to, (SrcSpan){0});
    SIntervalLit lit;
    const char *err = sema_interval_literal(&arena, e, &lit);
    StrBuf sb;
    sb_init(&sb, &arena);
    if (err)
        sb_puts(&sb, err);
    else if (lit.year_month)
        sema_put_year_month(&sb, lit.months, lit.from, lit.to);
    else
        sema_put_day_time(&sb, lit.us, lit.from, lit.to);
    ck_assert_msg(strncmp(sb.data, ansi_cases[_i].name, strlen(ansi_cases[_i].name)) == 0,
                  "'%s': got %s", ansi_cases[_i].text, sb.data);
    if (!err && !lit.year_month)
        ck_assert_msg(lit.us == ansi_cases[_i].us, "'%s': %lld us", ansi_cases[_i].text,
                      (long long)lit.us);
    arena_free(&arena);
}
END_TEST

START_TEST(test_names_and_suggestions)
{
    ck_assert_int_eq(sema_edit_distance("nmae", "name"), 1);
    ck_assert_int_eq(sema_edit_distance("maxFilePerTrigger", "maxFilesPerTrigger"), 1);
    ck_assert_int_eq(sema_edit_distance("PATH", "path"), 0);
    ck_assert_int_eq(sema_edit_distance("", "abc"), 3);
    const char *opts[] = {"path", "format", "maxFilesPerTrigger"};
    ck_assert_str_eq(sema_did_you_mean("fromat", opts, 3), "format");
    ck_assert_ptr_null(sema_did_you_mean("foo", opts, 3));
    ck_assert_str_eq(sema_func_name(FN_DATE_FORMAT), "date_format");
    ck_assert_str_eq(sema_agg_name(AGG_AVG), "avg");
    ck_assert_str_eq(sema_mode_name(MODE_COMPLETE), "Complete");
    Arena arena;
    arena_init(&arena);
    StrBuf sb;
    sb_init(&sb, &arena);
    sema_put_duration(&sb, 5400000000LL);
    sb_puts(&sb, " ");
    sema_put_duration(&sb, 1500000);
    sb_puts(&sb, " ");
    sema_put_duration(&sb, -7 * D);
    ck_assert_str_eq(sb.data, "1h30m 1s500ms -7d");
    arena_free(&arena);
}
END_TEST

START_TEST(test_options_lookup)
{
    Arena arena;
    arena_init(&arena);
    Run r = run_sql(&arena, PRELUDE
                    "INSERT INTO out SELECT action FROM events WITH (TRIGGER = '10 seconds');\n");
    ck_assert_ptr_nonnull(r.prog);
    const SSource *src = r.prog->sources[0];
    ck_assert_str_eq(soptions_find(&src->options, "path")->value, "data/events");
    ck_assert_str_eq(soptions_find(&src->options, "MAXFILEAGE")->value, "7d");
    ck_assert(soptions_find(&src->options, "maxFileAge")->is_default);
    ck_assert_ptr_null(soptions_find(&src->options, "maxFilesPerTrigger"));
    ck_assert_str_eq(src->connector, "files");
    ck_assert_str_eq(src->format, "json");
    ck_assert_int_eq(src->watermark->column, 0);
    ck_assert_int_eq(src->watermark->delay_us, 10 * M);
    const SQuery *q = r.prog->queries[0];
    ck_assert_int_eq(q->trigger, TRIGGER_INTERVAL);
    ck_assert_int_eq(q->trigger_ms, 10000);
    ck_assert_int_eq(q->mode, MODE_APPEND);
    ck_assert_str_eq(q->name, "out");
    ck_assert_ptr_eq(q->sink, r.prog->sinks[0]);
    ck_assert_ptr_eq(q->select->source, src);
    ck_assert_int_eq(q->select->window_group, -1);
    ck_assert(!q->select->has_agg);
    arena_free(&arena);
}
END_TEST

/* ==== Robustness: odd trees never crash ==== */

static AstExpr *col(Arena *a, const char *name)
{
    AstExpr *e = ast_expr_new(a, AST_COLUMN, (SrcSpan){0, 0, 0});
    e->u.name.parts = ARENA_NEW_N(a, const char *, 1);
    e->u.name.parts[0] = name;
    e->u.name.n = 1;
    return e;
}

static AstExpr *call(Arena *a, const char *name, int n, AstExpr **args)
{
    AstExpr *e = ast_expr_new(a, AST_CALL, (SrcSpan){0, 0, 0});
    e->u.call.name = name;
    e->u.call.args.items = args;
    e->u.call.args.n = n;
    return e;
}

START_TEST(test_hand_built_odd_trees)
{
    Arena arena;
    arena_init(&arena);
    Diag diag;
    FILE *devnull = fopen("/dev/null", "w");
    diag_init(&diag, NULL, devnull);
    ck_assert_ptr_nonnull(sema_check(&arena, &diag, NULL));

    /* CREATE SOURCE with no name, no options; a sink; INSERTs with holes everywhere. */
    AstStmt *src = ARENA_NEW(&arena, AstStmt);
    src->kind = STMT_CREATE_SOURCE;
    AstStmt *good = ARENA_NEW(&arena, AstStmt);
    good->kind = STMT_CREATE_SOURCE;
    good->name = "s";
    good->has_columns = true;
    good->n_columns = 2;
    good->columns = ARENA_NEW_N(&arena, AstColumnDef, 2);
    good->columns[0].name = "t";
    good->columns[0].type = &type_timestamp;
    good->columns[1].name = NULL; /* a column without a name */
    good->n_options = 3;
    good->options = ARENA_NEW_N(&arena, AstOption, 3);
    good->options[0].key = "connector";
    good->options[0].value = ast_expr_new(&arena, AST_STRING, (SrcSpan){0, 0, 0});
    good->options[0].value->u.str = "files";
    good->options[1].key = "path"; /* value missing */
    good->options[2].key = NULL;
    good->watermark = ARENA_NEW(&arena, AstWatermark); /* no column, no expression */
    AstStmt *sink = ARENA_NEW(&arena, AstStmt);
    sink->kind = STMT_CREATE_SINK;
    sink->name = "k";
    sink->n_options = 1;
    sink->options = ARENA_NEW_N(&arena, AstOption, 1);
    sink->options[0].key = "connector";
    sink->options[0].value = col(&arena, "console");

    AstSelect *sel = ARENA_NEW(&arena, AstSelect);
    sel->n_items = 6;
    sel->items = ARENA_NEW_N(&arena, AstSelectItem, 6);
    sel->items[0].expr = NULL;
    sel->items[1].expr = call(&arena, NULL, 0, NULL);
    AstExpr **wargs = ARENA_NEW_N(&arena, AstExpr *, 3);
    wargs[0] = col(&arena, "t");
    sel->items[2].expr = call(&arena, "window", 3, wargs);                     /* NULL durations */
    sel->items[3].expr = ast_expr_new(&arena, AST_COLUMN, (SrcSpan){0, 0, 0}); /* no parts */
    AstExpr *kase = ast_expr_new(&arena, AST_CASE, (SrcSpan){0, 0, 0});        /* no WHENs */
    sel->items[4].expr = kase;
    AstExpr **cargs = ARENA_NEW_N(&arena, AstExpr *, 1);
    sel->items[5].expr = call(&arena, "count", 1, cargs); /* count(<null>) */
    sel->from = ARENA_NEW(&arena, AstFrom);
    sel->from->kind = FROM_NAME;
    sel->from->name = "s";
    sel->group_by.n = 1;
    sel->group_by.items = ARENA_NEW_N(&arena, AstExpr *, 1);
    sel->n_order_by = 1;
    sel->order_by = ARENA_NEW_N(&arena, AstOrderItem, 1);
    AstStmt *ins = ARENA_NEW(&arena, AstStmt);
    ins->kind = STMT_INSERT;
    ins->name = "k";
    ins->query = sel;
    AstStmt *ins2 = ARENA_NEW(&arena, AstStmt);
    ins2->kind = STMT_INSERT; /* no target, no query */
    AstSelect *sub = ARENA_NEW(&arena, AstSelect);
    sub->from = ARENA_NEW(&arena, AstFrom);
    sub->from->kind = FROM_SUBQUERY; /* a subquery with no select */
    AstStmt *ins3 = ARENA_NEW(&arena, AstStmt);
    ins3->kind = STMT_INSERT;
    ins3->name = "k";
    ins3->query = sub;

    /* DROP DUPLICATES with a missing column, a session window with missing arguments. */
    AstSelect *dd = ARENA_NEW(&arena, AstSelect);
    dd->from = ARENA_NEW(&arena, AstFrom);
    dd->from->kind = FROM_NAME;
    dd->from->name = "s";
    dd->dedup = ARENA_NEW(&arena, AstDedup);
    dd->dedup->within_watermark = true;
    dd->dedup->columns.n = 2;
    dd->dedup->columns.items = ARENA_NEW_N(&arena, AstExpr *, 2);
    dd->dedup->columns.items[1] = col(&arena, "t");
    dd->group_by.n = 1;
    dd->group_by.items = ARENA_NEW_N(&arena, AstExpr *, 1);
    dd->group_by.items[0] = call(&arena, "session_window", 2, ARENA_NEW_N(&arena, AstExpr *, 2));
    AstStmt *ins4 = ARENA_NEW(&arena, AstStmt);
    ins4->kind = STMT_INSERT;
    ins4->name = "k";
    ins4->query = dd;

    AstStmt *stmts[] = {src, NULL, good, sink, ins, ins2, ins3, ins4};
    AstScript script = {stmts, 8};
    ck_assert_ptr_null(sema_check(&arena, &diag, &script));
    ck_assert_int_gt(diag_errors(&diag), 0);
    fclose(devnull);
    arena_free(&arena);
}
END_TEST

/* Every script obtained by deleting one word of a rich query must bind or fail cleanly. */
START_TEST(test_word_deletion_sweep)
{
    static const char *const bases[] = {
        PRELUDE
        "INSERT INTO out SELECT action AS a, window(time, '1 hour', '30 minutes') AS w, count(*) "
        "AS c , "
        "sum ( n ) FROM events e WHERE e.n BETWEEN 1 AND 3 AND action LIKE '%x%' GROUP BY action , "
        "window(time, '1 hour', '30 minutes') HAVING count(*) > 1 ORDER BY c DESC , 1 "
        "WITH (outputMode = 'complete', trigger = '1 second');\n",
        PRELUDE "INSERT INTO out SELECT t.window.start , CASE n WHEN 1 THEN 'a' ELSE n END , "
                "CAST ( n AS STRING ) , coalesce ( n , big , NULL ) , n IN ( 1 , 2.5 ) FROM ( "
                "SELECT n , big , "
                "window(time, '1 hour') AS window FROM events ) AS t ;\n",
        PRELUDE "INSERT INTO out SELECT s.session_window.end , c FROM ( SELECT action , "
                "session_window ( time , '5 minutes' ) , count ( * ) AS c FROM events AS e "
                "WHERE n > 1 DROP DUPLICATES WITHIN WATERMARK ( e.action , time ) GROUP BY "
                "action , session_window ( time , '5 minutes' ) ) s DROP DUPLICATES ( c ) "
                "WITH ( outputMode = 'complete' ) ;\n",
    };
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        const char *base = bases[b];
        size_t start = strlen(PRELUDE);
        for (size_t i = start; base[i]; i++) {
            if (base[i] == ' ' || (i > start && base[i - 1] != ' '))
                continue;
            size_t j = i;
            while (base[j] && base[j] != ' ')
                j++;
            Arena arena;
            arena_init(&arena);
            char *text = arena_sprintf(&arena, "%.*s%s", (int)i, base, base + j);
            Run r = run_sql(&arena, text);
            ck_assert(r.prog != NULL || r.diags[0] != '\0');
            arena_free(&arena);
        }
    }
}
END_TEST

/* ==== consumerGroup: state keyed by partition ==== */

#define GROUP_PRELUDE                                                                              \
    "CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')\n"               \
    "  WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'b:9092', consumerGroup = 'g',\n"    \
    "        subscribe = 't');\n"                                                                  \
    "CREATE SOURCE ks WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'b:9092',\n"          \
    "                       consumerGroup = 'g', subscribePattern = 't.*');\n"                     \
    "CREATE SINK f WITH (connector = 'files', path = 'o');\n"                                      \
    "CREATE SINK c WITH (connector = 'console');\n"

#define W1 "window(timestamp, '1 minute')"

/* sema_stream.c's rule_group_state: which keys put all of a group's rows in one partition. */
static const struct {
    const char *sql; /* after GROUP_PRELUDE; ends WITH (checkpointLocation = 'ck'...) */
    bool accepted;
} group_key_cases[] = {
    {"INSERT INTO f SELECT key, " W1 " AS w, count(*) AS n FROM k GROUP BY key, " W1, true},
    {"INSERT INTO f SELECT CAST(key AS STRING) AS u, " W1 " AS w, count(*) AS n FROM k"
     " GROUP BY CAST(key AS STRING), " W1,
     true},
    {"INSERT INTO f SELECT CAST(CAST(key AS STRING) AS BINARY) AS u, " W1 " AS w, count(*) AS n"
     " FROM k GROUP BY CAST(CAST(key AS STRING) AS BINARY), " W1,
     true},
    {"INSERT INTO f SELECT CAST(partition AS BIGINT) AS p, " W1 " AS w, count(*) AS n FROM k"
     " GROUP BY CAST(partition AS BIGINT), " W1,
     true},
    {"INSERT INTO c SELECT partition, count(*) AS n FROM k GROUP BY partition ORDER BY n",
     true}, /* complete mode below */
    /* through a subquery's alias, an aggregation's key, each level */
    {"INSERT INTO f SELECT u, " W1 " AS w, count(*) AS n"
     " FROM (SELECT CAST(key AS STRING) AS u, timestamp FROM k WHERE partition > 0)"
     " GROUP BY u, " W1,
     true},
    {"INSERT INTO f SELECT u, window(w, '1 hour') AS h, sum(n) AS n FROM (SELECT CAST(key AS "
     "STRING) AS u, " W1 " AS w, count(*) AS n FROM k GROUP BY CAST(key AS STRING), " W1 ")"
     " GROUP BY u, window(w, '1 hour')",
     true},
    {"INSERT INTO f SELECT * FROM (SELECT u, " W1 " AS w, count(*) AS n FROM (SELECT CAST(key AS"
     " STRING) AS u, timestamp FROM k) GROUP BY u, " W1 ") DROP DUPLICATES (u, w)",
     true},
    {"INSERT INTO f SELECT CAST(value AS STRING) AS v, timestamp FROM k"
     " DROP DUPLICATES (key, timestamp)",
     true},
    {"INSERT INTO c SELECT key, session_window(timestamp, '5 minutes') AS s, count(*) AS n"
     " FROM k GROUP BY key, session_window(timestamp, '5 minutes')",
     true},
    {"INSERT INTO c SELECT topic, partition, count(*) AS n FROM ks GROUP BY topic, partition",
     true},
    {"INSERT INTO c SELECT topic, key, count(*) AS n FROM ks GROUP BY topic, key", true},
    /* refused: no such key, a function that merges keys, an aggregate, several topics */
    {"INSERT INTO c SELECT count(*) AS n FROM k", false},
    {"INSERT INTO c SELECT topic, count(*) AS n FROM k GROUP BY topic", false},
    {"INSERT INTO c SELECT length(key) AS l, count(*) AS n FROM k GROUP BY length(key)", false},
    {"INSERT INTO c SELECT partition % 2 AS h, count(*) AS n FROM k GROUP BY partition % 2",
     false},
    {"INSERT INTO c SELECT CAST(partition AS BOOLEAN) AS p, count(*) AS n FROM k"
     " GROUP BY CAST(partition AS BOOLEAN)",
     false},
    {"INSERT INTO c SELECT lower(CAST(key AS STRING)) AS u, count(*) AS n FROM k"
     " GROUP BY lower(CAST(key AS STRING))",
     false},
    {"INSERT INTO f SELECT n, w, count(*) AS c FROM (SELECT key, " W1 " AS w, count(*) AS n"
     " FROM k GROUP BY key, " W1 ") GROUP BY n, w",
     false},
    {"INSERT INTO f SELECT m, w, count(*) AS c FROM (SELECT max(key) AS m, " W1 " AS w"
     " FROM k GROUP BY key, " W1 ") GROUP BY m, w",
     false},
    {"INSERT INTO f SELECT CAST(value AS STRING) AS v FROM k DROP DUPLICATES (value)", false},
    {"INSERT INTO c SELECT partition, count(*) AS n FROM ks GROUP BY partition", false},
    {"INSERT INTO c SELECT key, count(*) AS n FROM ks GROUP BY key", false},
};

START_TEST(test_group_keys)
{
    Arena arena;
    arena_init(&arena);
    const char *q = group_key_cases[_i].sql;
    bool console = strncmp(q, "INSERT INTO c ", 14) == 0;
    const char *with = console ? " WITH (outputMode = 'complete', checkpointLocation = 'ck');\n"
                               : " WITH (checkpointLocation = 'ck');\n";
    if (strstr(q, "session_window"))
        with = " WITH (checkpointLocation = 'ck');\n";
    size_t n = strlen(GROUP_PRELUDE) + strlen(q) + strlen(with) + 1;
    char *sql = arena_alloc(&arena, n);
    snprintf(sql, n, "%s%s%s", GROUP_PRELUDE, q, with);
    Run r = run_sql(&arena, sql);
    ck_assert_msg(r.parsed, "%s: syntax error:\n%s", q, r.diags);
    if (group_key_cases[_i].accepted)
        ck_assert_msg(r.prog != NULL, "%s: refused:\n%s", q, r.diags);
    else
        ck_assert_msg(r.prog == NULL && strstr(r.diags, "|consumerGroup: ") != NULL,
                      "%s: not refused by consumerGroup:\n%s", q, r.diags);
    arena_free(&arena);
}
END_TEST

/* An unkeyed aggregation below more subqueries than the streaming rules' chain of 16 blocks. */
START_TEST(test_group_keys_deep)
{
    Arena arena;
    arena_init(&arena);
    StrBuf sb;
    sb_init(&sb, &arena);
    sb_puts(&sb, GROUP_PRELUDE "INSERT INTO c ");
    for (int i = 0; i < 20; i++)
        sb_puts(&sb, "SELECT * FROM (");
    sb_puts(&sb, "SELECT topic, count(*) AS n FROM k GROUP BY topic");
    for (int i = 0; i < 20; i++)
        sb_putc(&sb, ')');
    sb_puts(&sb, " WITH (outputMode = 'complete', checkpointLocation = 'ck');\n");
    Run r = run_sql(&arena, sb.data);
    ck_assert_msg(r.prog == NULL && strstr(r.diags, "|consumerGroup: the state") != NULL,
                  "not refused by consumerGroup:\n%s", r.diags);
    arena_free(&arena);
}
END_TEST

Suite *sema_suite(void)
{
    Suite *s = suite_create("sema");
    TCase *tc = tcase_create("dump");
    tcase_add_loop_test(tc, test_dump, 0, (int)(sizeof dump_cases / sizeof dump_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof error_cases / sizeof error_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("interval");
    tcase_add_loop_test(tc, test_interval, 0,
                        (int)(sizeof interval_cases / sizeof interval_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("group_keys");
    tcase_add_loop_test(tc, test_group_keys, 0,
                        (int)(sizeof group_key_cases / sizeof group_key_cases[0]));
    tcase_add_test(tc, test_group_keys_deep);
    suite_add_tcase(s, tc);
    tc = tcase_create("interval_literal");
    tcase_add_loop_test(tc, test_interval_literal, 0,
                        (int)(sizeof ansi_cases / sizeof ansi_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("misc");
    tcase_add_test(tc, test_names_and_suggestions);
    tcase_add_test(tc, test_options_lookup);
    suite_add_tcase(s, tc);
    tc = tcase_create("robust");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_hand_built_odd_trees);
    tcase_add_test(tc, test_word_deletion_sweep);
    suite_add_tcase(s, tc);
    return s;
}
