/* check_infer.c - unit tests of schema inference (compiler/sema/sema_infer.c) and of the
** files source's csv/text options.
**
** Each test writes files into a fresh temp dir, checks a one-source script with
** `inferSchema = true` pointing at it, and compares the schema (name type, ...) or the
** machine-format diagnostics: every JSON rule (types, sorting, nested merge, conflicts,
** nulls, corrupt records per mode), CSV with and without header, widening, quoting, the
** read bounds, the file listing (hidden files, order), and the errors.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "front/parse.h"
#include "rt_testutil.h"
#include "sema/sema.h"

/* ==== Helpers ==== */

typedef struct Run {
    const char *diags; /* machine-format diagnostics */
    SProgram *prog;
} Run;

static Run run_sql(Arena *arena, const char *sql)
{
    Run r = {"", NULL};
    SrcFile *f = srcfile_from_text(arena, "t.sql", sql, strlen(sql));
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(mem);
    Diag diag;
    diag_init(&diag, f, mem);
    diag.format = DIAG_MACHINE;
    AstScript *script = parse_script(arena, &diag, f);
    ck_assert_ptr_nonnull(script);
    r.prog = sema_check(arena, &diag, script);
    fclose(mem);
    r.diags = arena_strndup(arena, buf ? buf : "", len);
    free(buf);
    return r;
}

/* "name type, ..." of a source's schema (Spark's simpleString types). */
static const char *schema_text(Arena *arena, const SSource *src)
{
    StrBuf sb;
    sb_init(&sb, arena);
    for (int i = 0; i < src->schema.n; i++)
        sb_printf(&sb, "%s%s %s", i ? ", " : "", src->schema.cols[i].name,
                  type_name(arena, src->schema.cols[i].type));
    return sb.data;
}

/* Write dir/name with the given text and an mtime of 1000000000 + age_s seconds. */
static void put_file(const char *dir, const char *name, const char *text, int age_s)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    ck_assert_int_eq(fclose(f), 0);
    struct timeval tv[2] = {{1000000000 + age_s, 0}, {1000000000 + age_s, 0}};
    ck_assert_int_eq(utimes(path, tv), 0);
}

/* The directories a test made, removed when it ends (ARENA_TEST). */
static char made_dirs[64][256];
static int n_made_dirs;

static void new_dir(char *buf, size_t n)
{
    rt_make_temp_dir(buf, n, "sl-infer");
    ck_assert_int_lt(n_made_dirs, 64);
    snprintf(made_dirs[n_made_dirs++], sizeof made_dirs[0], "%s", buf);
}

static void remove_made_dirs(void)
{
    while (n_made_dirs > 0)
        rt_remove_dir(made_dirs[--n_made_dirs]);
}

/* A one-source script reading dir with inferSchema = true and extra options. */
static const char *infer_sql(Arena *arena, const char *dir, const char *extra)
{
    return arena_sprintf(arena,
                         "CREATE SOURCE s WITH (connector = 'files', path = '%s', inferSchema = "
                         "true%s);\n",
                         dir, extra ? extra : "");
}

/* The inferred schema; fails the test with the diagnostics if there is none. */
static const char *infer(Arena *arena, const char *dir, const char *extra)
{
    Run r = run_sql(arena, infer_sql(arena, dir, extra));
    ck_assert_msg(r.prog && r.prog->n_sources == 1, "inference failed: %s", r.diags);
    ck_assert_str_eq(r.diags, "");
    return schema_text(arena, r.prog->sources[0]);
}

/* The schema inferred from one file a.json holding text, with extra options. */
static const char *infer_text(Arena *arena, const char *text, const char *extra)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", text, 0);
    return infer(arena, dir, extra);
}

/* The diagnostics of a script that must fail. */
static const char *infer_error(Arena *arena, const char *sql)
{
    Run r = run_sql(arena, sql);
    ck_assert_ptr_null(r.prog);
    return r.diags;
}

/* The diagnostics of inferring from one file a.json holding text with extra options (a failure),
   its script in *sql. */
static const char *infer_text_error(Arena *arena, const char *text, const char *extra,
                                    const char **sql)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", text, 0);
    *sql = infer_sql(arena, dir, extra);
    return infer_error(arena, *sql);
}

/* "error|t.sql|1|<col>|" where col is the 1-based column of needle in the first line. */
static const char *error_at(Arena *arena, const char *sql, const char *needle)
{
    const char *p = strstr(sql, needle);
    ck_assert_ptr_nonnull(p);
    return arena_sprintf(arena, "error|t.sql|1|%d|", (int)(p - sql) + 1);
}

#define ARENA_TEST(name)                                                                           \
    static void name##_body(Arena *arena);                                                         \
    START_TEST(name)                                                                               \
    {                                                                                              \
        Arena arena;                                                                               \
        arena_init(&arena);                                                                        \
        name##_body(&arena);                                                                       \
        arena_free(&arena);                                                                        \
        remove_made_dirs();                                                                        \
    }                                                                                              \
    END_TEST                                                                                       \
    static void name##_body(Arena *arena)

/* ==== JSON ==== */

/* The activity data of seed 003: Spark's printSchema shows exactly these types. */
ARENA_TEST(test_json_activity)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "part-0.json",
             "{\"Arrival_Time\":1424686735090,\"Creation_Time\":1424686733090638193,\"Device\":"
             "\"nexus4_1\",\"Index\":18,\"Model\":\"nexus4\",\"User\":\"g\",\"gt\":\"stand\",\"x\":"
             "3.356934E-4,\"y\":-5.645752E-4,\"z\":-0.018814087}\n"
             "{\"Arrival_Time\":1424686735292,\"Creation_Time\":1424688581345918092,\"Device\":"
             "\"nexus4_2\",\"Index\":66,\"Model\":\"nexus4\",\"User\":\"g\",\"gt\":null,\"x\":0,"
             "\"y\":0.029083252,\"z\":0.005569458}\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "Arrival_Time bigint, Creation_Time bigint, Device string, Index bigint, "
                     "Model string, User string, gt string, x double, y double, z double");
}
END_TEST

/* Every scalar rule, arrays, nulls, empty strings, fields sorted by name. */
ARENA_TEST(test_json_rules)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"s\":\"x\",\"i\":-1,\"d\":1.5,\"e\":1e3,\"b\":true,\"n\":null,\"es\":\"\","
             "\"big\":123456789012345678901,\"arr\":[1,2.5],\"ea\":[],\"na\":[null,null],"
             "\"o\":{\"z\":1,\"a\":\"q\"},\"bf\":false}\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "arr array<double>, b boolean, bf boolean, big decimal(21,0), d double, e double, "
                     "ea array<string>, es string, i bigint, n string, na array<string>, "
                     "o struct<a:string,z:bigint>, s string");
}
END_TEST

/* Integers beyond 64 bits are decimals (JsonInferSchema: BIG_INTEGER => DecimalType), and
   decimals merge as compatibleType does. */
ARENA_TEST(test_json_decimals)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"a\":12345678901234567890,\"b\":1,\"c\":99999999999999999999,\"d\":1,"
             "\"e\":1234567890123456789012345678901234567890,\"f\":[1,123456789012345678901]}\n"
             "{\"a\":1,\"b\":12345678901234567890123,\"c\":1.5,\"d\":null}\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "a decimal(20,0), b decimal(23,0), c double, d bigint, e double, "
                     "f array<decimal(21,0)>");
}
END_TEST

/* Field names are decoded as the reader decodes keys (common/cm_json_lex.h): escapes, single
   quotes, and an unpaired surrogate as '?'. */
ARENA_TEST(test_json_names)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", "{\"a\\u0062\":1,'c\\'d':2,\"e\\ud800\":3,\"\\u00e9\":4}\n", 0);
    ck_assert_str_eq(infer(arena, dir, NULL), "ab bigint, c'd bigint, e? bigint, \xc3\xa9 bigint");
}
END_TEST

/* Byte order of names: upper case before '_' before lower case, as Spark's sort. */
ARENA_TEST(test_json_sorting)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"b\":1,\"_x\":1,\"a\":1,\"B1\":1,\"Aa\":{\"y\":1,\"Z\":2,\"x\":3}}\n", 0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "Aa struct<Z:bigint,x:bigint,y:bigint>, B1 bigint, _x bigint, a bigint, "
                     "b bigint");
}
END_TEST

/* Structs merge field by field, across records and files, inside arrays too. */
ARENA_TEST(test_json_nested_merge)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "1.json", "{\"s\":{\"b\":1,\"arr\":[{\"q\":1}]},\"k\":1}\n", 0);
    put_file(dir, "2.json",
             "{\"s\":{\"a\":\"x\",\"arr\":[{\"p\":true},{\"q\":2.5}],\"b\":2.0}}\n"
             "{\"s\":null,\"k\":null}\n",
             1);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "k bigint, s struct<a:string,arr:array<struct<p:boolean,q:double>>,b:double>");
}
END_TEST

/* Records merged into the schema as they are read: keys in another order, new keys sorting
   before known ones, objects where scalars were (at any depth), and a malformed record whose
   changes (a new field, a conflict, a nested struct) must all be undone: Spark gives it only
   the corrupt-record column. */
ARENA_TEST(test_json_merge_in_place)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"m\":1,\"c\":{\"y\":1,\"x\":[1]},\"z\":true}\n"
             "{\"z\":false,\"c\":{\"x\":[2],\"y\":2},\"m\":2}\n"
             "{\"a\":\"s\",\"m\":3,\"b\":null,\"c\":{\"w\":1.5,\"y\":3}}\n"
             "{\"m\":4.5,\"c\":{\"y\":{\"deep\":1},\"x\":\"no\"},\"q\":1\n"
             "{\"m\":{\"k\":1},\"c\":{\"x\":[{\"o\":1}]}}\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "_corrupt_record string, a string, b string, "
                     "c struct<w:double,x:array<string>,y:bigint>, m string, z boolean");
}
END_TEST

/* Conflicts: bigint + double -> double; anything else -> string, at any depth. */
ARENA_TEST(test_json_conflicts)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(
        dir, "a.json",
        "{\"a\":1,\"b\":true,\"c\":{\"x\":1},\"d\":[1],\"e\":\"s\",\"f\":[1],\"g\":{\"h\":1}}\n"
        "{\"a\":2.5,\"b\":1,\"c\":\"str\",\"d\":{\"k\":1},\"e\":5,\"f\":[\"x\"],"
        "\"g\":{\"h\":false}}\n",
        0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "a double, b string, c string, d string, e string, f array<string>, "
                     "g struct<h:string>");
}
END_TEST

/* Empty structs and fields with empty names are dropped; top-level arrays give rows. */
ARENA_TEST(test_json_empty_and_arrays)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"a\":{},\"b\":1,\"\":5,\"c\":[{}],\"d\":{\"e\":{}}}\n"
             "[{\"x\":1},{\"y\":\"z\"}]\n"
             "[]\n"
             "null\n"
             "\"\"\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL), "b bigint, x bigint, y string");
}
END_TEST

/* A malformed line or a non-object value: the corrupt-record column in PERMISSIVE mode
   (named by columnNameOfCorruptRecord), nothing in DROPMALFORMED, an error in FAILFAST. */
ARENA_TEST(test_json_corrupt_records)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", "{\"a\":1}\n{\"a\":2\n", 0);
    ck_assert_str_eq(infer(arena, dir, NULL), "_corrupt_record string, a bigint");
    ck_assert_str_eq(infer(arena, dir, ", columnNameOfCorruptRecord = 'bad'"),
                     "a bigint, bad string");
    ck_assert_str_eq(infer(arena, dir, ", mode = 'DROPMALFORMED'"), "a bigint");
    const char *sql = infer_sql(arena, dir, ", mode = 'FAILFAST'");
    const char *d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, error_at(arena, sql, "'FAILFAST'")) &&
                      strstr(d, "Malformed records are detected in schema inference. Parse "
                                "Mode: FAILFAST. (") &&
                      strstr(d, "a.json, line 2)"),
                  "got %s", d);

    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "a.json", "{\"a\":1}\n42\n", 0);
    ck_assert_str_eq(infer(arena, dir2, NULL), "_corrupt_record string, a bigint");
    ck_assert_str_eq(infer(arena, dir2, ", mode = 'dropmalformed'"), "a bigint");
    sql = infer_sql(arena, dir2, ", mode = 'FAILFAST'");
    d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, "Failed to infer a common schema. Struct types are expected, but "
                            "`bigint` was found."),
                  "got %s", d);

    /* Strict JSON, as the runtime's reader: these lines are all malformed. */
    static const char *const bad[] = {
        "{\"a\":01}",     "{\"a\":1.}",      "{\"a\":INF}", "{\"a\":1,}",  "{\"a\":tru}",
        "{\"a\":nan}",    "{\"a\":\"\\q\"}", "{\"a\":NaNx}", "{a:1}",       "{\"a\":\"\t\"}",
        "{\"a\":[1,]}",   "{\"a\":1e}",      "{\"a\":-}",   "{\"a\":-NaN}", "{\"a\":\"\\u12\"}",
        "{\"a\":'x\"}",   "{'a\":1}",        "{\"a\":+1}",  "{\"a\":+Inf}", "\xEF\xBB{\"a\":1}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char dir3[256];
        new_dir(dir3, sizeof dir3);
        put_file(dir3, "a.json", arena_sprintf(arena, "{\"ok\":true}\n%s\n", bad[i]), 0);
        ck_assert_msg(strcmp(infer(arena, dir3, NULL), "_corrupt_record string, ok boolean") == 0,
                      "line %s not taken as malformed", bad[i]);
    }
    /* ... and these are fine. */
    char dir4[256];
    new_dir(dir4, sizeof dir4);
    put_file(dir4, "a.json",
             " { \"a\" : -0 , \"b\":\"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\n\" }\r\n"
             "{\"c\":[[1],[2.5]],\"d\":1E+2,\"e\":-1.5e-3}\n",
             0);
    ck_assert_str_eq(infer(arena, dir4, NULL),
                     "a bigint, b string, c array<array<double>>, d double, e double");
}
END_TEST

/* What Spark's reader enables in Jackson by default, as the runtime's reader: single-quoted
   strings and names, the non-numeric numbers (DOUBLE), text after the first value ignored, a
   byte order mark at the start of a line skipped (a line of only one is blank). */
ARENA_TEST(test_json_spark_defaults)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{'s':'it\\'s', \"q\":'a\"b', 'e':'', \"dq\":\"\\'\", \"x\":1}\n"
             "{\"n\":NaN,\"i\":Infinity,\"p1\":+Infinity,\"p2\":+INF,\"m\":-Infinity,"
             "\"m2\":-INF,\"x\":NaN,\"arr\":[1,-INF]}\n"
             "{\"t\":true} xyz\n"
             "{\"u\":1}}\n"
             "\xEF\xBB\xBF{\"b\":1}\n"
             "\xEF\xBB\xBF\n"
             "\xEF\xBB\xBF  [{\"c\":'z'}] [1]\n",
             0);
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "arr array<double>, b bigint, c string, dq string, e string, i double, "
                     "m double, m2 double, n double, p1 double, p2 double, q string, s string, "
                     "t boolean, u bigint, x double");
    /* A top-level non-numeric number is not an object, as any number. */
    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "a.json", "{\"a\":1}\nNaN\n", 0);
    const char *sql = infer_sql(arena, dir2, ", mode = 'FAILFAST'");
    const char *d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, "Failed to infer a common schema. Struct types are expected, but "
                            "`double` was found."),
                  "got %s", d);
}
END_TEST

/* prefersDecimal (JsonInferSchema.inferField): a floating number is the DecimalType of its
   BigDecimal, DecimalType(max(precision, scale), scale), a double past 38 digits; a string
   that BigDecimal reads (commas dropped) is the DecimalType of its precision and scale when
   that type exists (0 <= scale <= precision <= 38), else a string; integers stay bigint and
   decimals widen as compatibleType does.  Records merged in place and read whole agree. */
ARENA_TEST(test_json_prefers_decimal)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json",
             "{\"a\":1.5,\"b\":0.001,\"c\":\"12.50\",\"d\":1,\"e\":1.5,\"f\":[1.25,2],"
             "\"g\":\"1e3\",\"h\":\"abc\",\"i\":-0.0,\"j\":1.5e-40,\"k\":\"0.05\"}\n"
             "{\"a\":10.25,\"b\":1,\"c\":\"1,234\",\"d\":2.5,\"e\":\"x\",\"f\":[10.5],"
             "\"i\":123456789012345678901234567890.5,\"j\":2.5,\"k\":\"5\"}\n",
             0);
    ck_assert_str_eq(infer(arena, dir, ", prefersDecimal = 'true'"),
                     "a decimal(4,2), b decimal(23,3), c decimal(6,2), d decimal(21,1), e string, "
                     "f array<decimal(22,2)>, g string, h string, i decimal(31,1), j double, "
                     "k string");
    ck_assert_str_eq(infer(arena, dir, NULL),
                     "a double, b double, c string, d double, e string, f array<double>, "
                     "g string, h string, i double, j double, k string");
    /* Jackson's getDecimalValue of NaN throws NumberFormatException: a malformed record,
       whose changes to the schema are undone; primitivesAsString is tried first */
    const char *nan = "{\"a\":1.5}\n{\"z\":2.5,\"a\":NaN}\n[{\"a\":1}]\n";
    ck_assert_str_eq(infer_text(arena, nan, ", prefersDecimal = 'true'"),
                     "_corrupt_record string, a decimal(21,1)");
    ck_assert_str_eq(
        infer_text(arena, nan, ", prefersDecimal = 'true', primitivesAsString = 'true'"),
        "a string, z string");
    /* A negative scale: DecimalType throws a SparkException no parse mode catches */
    const char *sql;
    const char *d = infer_text_error(arena, "{\"a\":1.5}\n{\"a\":1.5E+3}\n",
                                     ", prefersDecimal = 'true', mode = 'DROPMALFORMED'", &sql);
    ck_assert_msg(strstr(d, error_at(arena, sql, "true, pref")) &&
                      strstr(d, "Negative scale is not allowed: -2. You can use "
                                "spark.sql.legacy.allowNegativeScaleOfDecimal=true to enable "
                                "legacy mode to allow it. (") &&
                      strstr(d, "a.json, line 2)"),
                  "got %s", d);
}
END_TEST

/* dropFieldIfAllNull (JsonInferSchema.canonicalizeType): what stays NullType (null, "", an
   empty array's element) is dropped, then arrays of it and structs left empty; a field typed
   in any record stays. */
ARENA_TEST(test_json_drop_all_null)
{
    const char *text = "{\"a\":null,\"b\":\"\",\"c\":[],\"d\":[null],\"e\":{\"x\":null},\"f\":[{}],"
                       "\"g\":null,\"h\":{\"x\":null,\"y\":1},\"i\":[[]]}\n"
                       "{\"g\":1,\"h\":{\"x\":[]},\"k\":{}}\n";
    ck_assert_str_eq(infer_text(arena, text, ", dropFieldIfAllNull = 'true'"),
                     "g bigint, h struct<y:bigint>");
    ck_assert_str_eq(infer_text(arena, text, NULL),
                     "a string, b string, c array<string>, d array<string>, e struct<x:string>, "
                     "g bigint, h struct<x:array<string>,y:bigint>, i array<array<string>>");
}
END_TEST

/* primitivesAsString: numbers and booleans are strings, on the in-place merge too; null
   and objects are not primitives. */
ARENA_TEST(test_json_primitives_as_string)
{
    ck_assert_str_eq(infer_text(arena,
                                "{\"a\":1,\"b\":true,\"c\":NaN,\"d\":[1.5],\"e\":{\"f\":2}}\n",
                                ", primitivesAsString = 'true'"),
                     "a string, b string, c string, d array<string>, e struct<f:string>");
}
END_TEST

/* Names that differ only in case are one column to Spark's analysis: refused. */
ARENA_TEST(test_json_duplicate_names)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", "{\"Ab\":1,\"ab\":2,\"c\":1,\"C\":2,\"d\":3}\n", 0);
    const char *sql = infer_sql(arena, dir, NULL);
    const char *d = infer_error(arena, sql);
    ck_assert_str_eq(d, arena_sprintf(arena,
                                      "%sFound duplicate column(s) in the data schema: `ab`, `c`\n",
                                      error_at(arena, sql, "'/")));
}
END_TEST

/* The listing: hidden ('.', '_') files, directories and other kinds are not read. */
ARENA_TEST(test_listing)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", "{\"a\":1}\n", 0);
    put_file(dir, ".hidden.json", "{\"h\":1}\n", 0);
    put_file(dir, "_SUCCESS", "{\"s\":1}\n", 0);
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    put_file(sub, "b.json", "{\"b\":1}\n", 0);
    char link[300];
    snprintf(link, sizeof link, "%s/link.json", dir);
    ck_assert_int_eq(symlink("a.json", link), 0); /* followed, as the runtime does */
    ck_assert_str_eq(infer(arena, dir, NULL), "a bigint");
}
END_TEST

/* Blank lines are no records; a directory whose files hold none cannot be inferred. */
ARENA_TEST(test_no_records)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.json", "\n   \r\n\t\nnull\n", 0);
    put_file(dir, "b.json", "", 0);
    const char *sql = infer_sql(arena, dir, NULL);
    const char *d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, arena_sprintf(arena,
                                          "%sUnable to infer schema for JSON. It must be "
                                          "specified manually.\n",
                                          error_at(arena, sql, "true"))) == d,
                  "got %s", d);
    ck_assert_msg(strstr(d, "note|") && strstr(d, "found no records"), "got %s", d);
}
END_TEST

ARENA_TEST(test_empty_dir)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    const char *sql = infer_sql(arena, dir, NULL);
    const char *d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, arena_sprintf(arena,
                                          "%sUnable to infer schema for JSON. It must be "
                                          "specified manually.\n",
                                          error_at(arena, sql, "true"))) == d,
                  "got %s", d);
    ck_assert_msg(strstr(d, "and it has none"), "got %s", d);
    sql = infer_sql(arena, dir, ", format = 'csv'");
    d = infer_error(arena, sql);
    ck_assert_msg(strstr(d, "|Unable to infer schema for CSV. It must be specified manually.\n"),
                  "got %s", d);
}
END_TEST

ARENA_TEST(test_bad_path)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    const char *missing = arena_sprintf(arena, "%s/nope", dir);
    const char *sql = infer_sql(arena, missing, NULL);
    ck_assert_str_eq(infer_error(arena, sql), arena_sprintf(arena, "%sPath does not exist: %s\n",
                                                            error_at(arena, sql, "'/"), missing));
    /* a file is not a directory to list */
    put_file(dir, "f.json", "{\"a\":1}\n", 0);
    const char *file = arena_sprintf(arena, "%s/f.json", dir);
    sql = infer_sql(arena, file, NULL);
    ck_assert_str_eq(infer_error(arena, sql),
                     arena_sprintf(arena, "%scannot list %s: Not a directory\n",
                                   error_at(arena, sql, "'/"), file));
}
END_TEST

/* A file that cannot be read: /proc/self/mem fails with EIO even for root. */
ARENA_TEST(test_unreadable_file)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    char link[300];
    snprintf(link, sizeof link, "%s/mem", dir);
    ck_assert_int_eq(symlink("/proc/self/mem", link), 0);
    const char *sql = infer_sql(arena, dir, NULL);
    ck_assert_str_eq(infer_error(arena, sql),
                     arena_sprintf(arena, "%scannot read %s/mem: Input/output error\n",
                                   error_at(arena, sql, "'/"), dir));
}
END_TEST

/* The path is relative to the current directory. */
ARENA_TEST(test_relative_path)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    char data[300];
    snprintf(data, sizeof data, "%s/data", dir);
    ck_assert_int_eq(mkdir(data, 0755), 0);
    put_file(data, "a.json", "{\"v\":true}\n", 0);
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_str_eq(infer(arena, "data", NULL), "v boolean");
    ck_assert_str_eq(infer(arena, "./data/", NULL), "v boolean");
}
END_TEST

/* At most 1000 records per file and 10 MB in all are read. */
ARENA_TEST(test_bounds)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    StrBuf sb;
    sb_init(&sb, arena);
    for (int i = 0; i < 1000; i++)
        sb_puts(&sb, i % 2 ? "{\"a\":1}\n" : "\n{\"a\":1}\n"); /* blank lines do not count */
    sb_puts(&sb, "{\"late\":1}\n");
    put_file(dir, "1.json", sb.data, 0);
    put_file(dir, "2.json", "{\"b\":1}\n", 1);
    ck_assert_str_eq(infer(arena, dir, NULL), "a bigint, b bigint");

    /* A line that would pass the 10 MB bound is not read, nor anything after it. */
    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "1.json", "{\"a\":1}\n", 0);
    size_t big = (size_t)10 << 20;
    char *line = malloc(big + 32);
    ck_assert_ptr_nonnull(line);
    memcpy(line, "{\"b\":\"", 6);
    memset(line + 6, 'x', big);
    memcpy(line + 6 + big, "\"}\n", 4);
    put_file(dir2, "2.json", line, 1);
    free(line);
    put_file(dir2, "3.json", "{\"c\":1}\n", 2);
    ck_assert_str_eq(infer(arena, dir2, NULL), "a bigint");

    /* The same for a line whose "\r\n" passes the bound by its last byte (the bytes left
       once wrapped below zero, and everything after was read). */
    char dir3[256];
    new_dir(dir3, sizeof dir3);
    put_file(dir3, "1.json", "{\"a\":1}\n", 0);
    size_t n = big - 8 - 1; /* the line, its '\r' just fitting the 10 MB left after 1.json */
    line = malloc(n + 8);
    ck_assert_ptr_nonnull(line);
    memcpy(line, "{\"b\":\"", 6);
    memset(line + 6, 'x', n - 8);
    memcpy(line + n - 2, "\"}\r\n", 5);
    put_file(dir3, "2.json", line, 1);
    free(line);
    put_file(dir3, "3.json", "{\"c\":1}\n", 2);
    ck_assert_str_eq(infer(arena, dir3, NULL), "a bigint");
}
END_TEST

/* ==== CSV ==== */

ARENA_TEST(test_csv_header)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv",
             "name,age,big,score,ok,when,day,mixed,empty,ws\n"
             "ann,31,3000000000,1.5,true,2016-07-26 02:54:35,2016-07-26,1,,5\n"
             "bob,,7,2,FALSE,2016-07-26T03:00:00Z,2016-07-27,x,, 6\n",
             0);
    put_file(dir, "b.csv", "name,age,big,score,ok,when,day,mixed,empty,ws\nc,7,8,9,false\n", 1);
    /* CSVOptions.prefersDate (true by default in Spark 3.5): a column of yyyy-MM-dd dates is
       a DATE; without it tryParseTimestampNTZ reads them as timestamps. */
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true"),
                     "name string, age int, big bigint, score double, ok boolean, "
                     "when timestamp, day date, mixed string, empty string, ws double");
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true, prefersDate = false"),
                     "name string, age int, big bigint, score double, ok boolean, "
                     "when timestamp, day timestamp, mixed string, empty string, ws double");
}
END_TEST

/* Dates and timestamps under CSVInferSchema's rules: dates then timestamps in one column are
   a STRING (compatibleType), a date only strictly as yyyy-MM-dd (or as dateFormat reads it),
   a timestamp as the default NTZ parser (no zone) or as timestampFormat reads it, and once
   a column is a TIMESTAMP only as the latter reads it. */
ARENA_TEST(test_csv_dates)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv",
             "2024-01-15,2024-01-15,15/01/2024,15/01/2024 10:30,2024-01-15T10:00:00Z,2024-1-5,"
             "2024-02-30\n"
             "2024-02-29,2024-01-15 10:00:00,31/12/2023,01/02/2024 23:59,2024-01-15 10:00:00,"
             "2024-01-05,2024-02-28\n",
             0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv'"),
                     "_c0 date, _c1 string, _c2 string, _c3 string, _c4 timestamp, "
                     "_c5 timestamp, _c6 string");
    ck_assert_str_eq(
        infer(arena, dir, ", format = 'csv', dateFormat = 'dd/MM/yyyy', "
                          "timestampFormat = 'dd/MM/yyyy HH:mm'"),
        "_c0 string, _c1 string, _c2 date, _c3 timestamp, _c4 string, _c5 string, _c6 string");
}
END_TEST

/* tryParseTimestampNTZ reads timestampNTZFormat only when spark.sql.timestampType is
   TIMESTAMP_NTZ (Spark 3.5.1 on: SPARK-45433, SPARK-46769); with the default TIMESTAMP_LTZ a
   value is a TIMESTAMP only if timestampFormat's parser reads it, so a timestampNTZFormat
   changes nothing and a value timestampFormat does not read is a STRING (SPARK-45433's
   example). */
ARENA_TEST(test_csv_ntz_pattern)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv", "15/01/2024 10:30,15/01/2024 10:30 +01:00,2024-01-15T10:30:00+01:00\n", 0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv'"),
                     "_c0 string, _c1 string, _c2 timestamp");
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', timestampNTZFormat = 'dd/MM/yyyy HH:mm'"),
                     "_c0 string, _c1 string, _c2 timestamp");
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', timestampFormat = 'dd/MM/yyyy HH:mm'"),
                     "_c0 timestamp, _c1 string, _c2 string");
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', timestampNTZFormat = 'dd/MM/yyyy HH:mm XXX'"),
                     "_c0 string, _c1 string, _c2 timestamp");
    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "a.csv", "2884-06-24T02:45:51.138\n", 0);
    ck_assert_str_eq(infer(arena, dir2, ", format = 'csv', timestampFormat = \"yyyy-MM-dd'T'HH:mm:ss\""),
                     "_c0 string");
    ck_assert_str_eq(infer(arena, dir2, ", format = 'csv'"), "_c0 timestamp");
}
END_TEST

ARENA_TEST(test_csv_no_header)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv", "1,a,2.5\n2,b,3\n\n3,c\n", 0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv'"), "_c0 int, _c1 string, _c2 double");
    /* with header = false the first line is data */
    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "a.csv", "x,y\n1,2\n", 0);
    ck_assert_str_eq(infer(arena, dir2, ", format = 'csv', header = false"),
                     "_c0 string, _c1 string");
}
END_TEST

/* Spark's makeSafeHeader: empty names -> _c<i>, case-insensitive duplicates -> name<i>. */
ARENA_TEST(test_csv_header_names)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv", "a,,A,b,\"\"\n1,2,3,4,5\n", 0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true"),
                     "a0 int, _c1 int, A2 int, b int, _c4 int");
}
END_TEST

/* Widening tries from the type seen so far, as CSVInferSchema.inferField. */
ARENA_TEST(test_csv_widening)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv",
             "1,1,1,true,2016-07-26,1.5,NaN,x\n"
             "2,9999999999,2.5,1,5,-Inf,1e10,\n"
             "+3,-4,1,false,2016-07-27,2,1.5d,\n",
             0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv'"),
                     "_c0 int, _c1 bigint, _c2 double, _c3 string, _c4 string, _c5 double, "
                     "_c6 double, _c7 string");
}
END_TEST

/* CSVInferSchema.tryParseDecimal: a java.math.BigDecimal of scale 0 and at most 38 digits
   is a decimal, widened with integers (as decimal(10,0) and decimal(20,0)) and decimals,
   a double beyond 38 digits or with a double. */
ARENA_TEST(test_csv_decimals)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv",
             "12345678901234567890,1,1e0,5,99999999999999999999999999999999999999,0x1p3,1e10\n"
             "1,12345678901234567890123,2,1.5,1,2.5,1\n",
             0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv'"),
                     "_c0 decimal(20,0), _c1 decimal(23,0), _c2 decimal(1,0), _c3 double, "
                     "_c4 decimal(38,0), _c5 double, _c6 double");
}
END_TEST

/* Header names are unquoted as the reader unquotes values (common/cm_csv_lex.h): a doubled
   quote leaves the name as it is, as univocity's handleUnescapedQuote does. */
ARENA_TEST(test_csv_escapes)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv", "\"a\\\\b\",\"c\\d\",\"e\\\"f\",\"g\"\"h\"\n1,2,3,4\n", 0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true"),
                     "a\\b int, c\\d int, e\"f int, \"g\"\"h\" int");
}
END_TEST

/* sep, quote and escape split fields as Spark's reader does. */
ARENA_TEST(test_csv_quoting)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "a.csv",
             "\"x;y\";\"q\\\"r\";n\n"
             "\"1\";\"a;b\";\"2\"\n"
             "\"3\";\"c\"\"d\";4\n",
             0);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', sep = ';', header = true"),
                     "x;y int, q\"r string, n int");
    /* tab as '\\t' (Spark's spelling), quoting off */
    char dir2[256];
    new_dir(dir2, sizeof dir2);
    put_file(dir2, "a.csv", "\"a\tb\n\"1\t2\n", 0);
    ck_assert_str_eq(infer(arena, dir2,
                           ", format = 'csv', sep = '\\\\t', quote = '', header = "
                           "true"),
                     "\"a string, b int");
    /* another separator and another quote (the reader takes one-byte separators) */
    char dir3[256];
    new_dir(dir3, sizeof dir3);
    put_file(dir3, "a.csv", "'a;b';c\n1;2\n", 0);
    ck_assert_str_eq(infer(arena, dir3,
                           ", format = 'csv', sep = ';', quote = '\\'', header = "
                           "true"),
                     "a;b int, c int");
}
END_TEST

/* The header comes from the first file in the runtime's order: oldest first, or newest with
   latestFirst. */
ARENA_TEST(test_csv_file_order)
{
    char dir[256];
    new_dir(dir, sizeof dir);
    put_file(dir, "z.csv", "old1,old2\n1,2\n", 0);
    put_file(dir, "a.csv", "new1,new2\n3,4\n", 5);
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true"),
                     "old1 string, old2 string");
    ck_assert_str_eq(infer(arena, dir, ", format = 'csv', header = true, latestFirst = true"),
                     "new1 string, new2 string");
}
END_TEST

/* ==== Options and refusals ==== */

ARENA_TEST(test_csv_option_errors)
{
    static const struct {
        const char *opt, *at, *msg;
    } cases[] = {
        {"sep = ''", "''", "Delimiter cannot be empty string"},
        {"sep = '\\\\'", "'\\\\'",
         "Single backslash is prohibited. It has special meaning as beginning of an escape "
         "sequence. To get the backslash character, pass a string with two backslashes as the "
         "delimiter."},
        {"sep = '\\\\q'", "'\\\\q'", "Unsupported special character for delimiter: \\q"},
        {"quote = 'ab'", "'ab'", "quote cannot be more than one character"},
        {"escape = '//'", "'//'", "escape cannot be more than one character"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *sql = arena_sprintf(arena,
                                        "CREATE SOURCE s (a INT) WITH (connector = 'files', "
                                        "path = 'd', format = 'csv', %s);\n",
                                        cases[i].opt);
        ck_assert_str_eq(
            infer_error(arena, sql),
            arena_sprintf(arena, "%s%s\n", error_at(arena, sql, cases[i].at), cases[i].msg));
    }
}
END_TEST

/* CSV defaults belong to csv sources only; a csv source keeps them. */
ARENA_TEST(test_csv_defaults)
{
    Run r = run_sql(arena, "CREATE SOURCE j (a INT) WITH (connector = 'files', path = 'd');\n"
                           "CREATE SOURCE c (a INT) WITH (connector = 'files', path = 'd', "
                           "format = 'csv');\n");
    ck_assert_ptr_nonnull(r.prog);
    const SOptions *j = &r.prog->sources[0]->options, *c = &r.prog->sources[1]->options;
    ck_assert_ptr_null(soptions_find(j, "header"));
    ck_assert_ptr_null(soptions_find(j, "sep"));
    ck_assert_str_eq(soptions_find(c, "header")->value, "false");
    ck_assert_str_eq(soptions_find(c, "sep")->value, ",");
    ck_assert_str_eq(soptions_find(c, "quote")->value, "\"");
    ck_assert_str_eq(soptions_find(c, "escape")->value, "\\");
    /* delimiter is sep's alias (CSVOptions.delimiter); sep wins when both are given */
    static const char *const given[] = {"delimiter = ';'", "sep = '|', delimiter = ';'",
                                        "DELIMITER = ';', sep = '|'"};
    static const char *const want[] = {";", "|", "|"};
    for (int i = 0; i < 3; i++) {
        r = run_sql(arena, arena_sprintf(arena,
                                         "CREATE SOURCE c (a INT) WITH (connector = 'files', "
                                         "path = 'd', format = 'csv', %s);\n",
                                         given[i]));
        ck_assert_ptr_nonnull(r.prog);
        ck_assert_str_eq(soptions_find(&r.prog->sources[0]->options, "sep")->value, want[i]);
    }
}
END_TEST

ARENA_TEST(test_infer_with_columns)
{
    const char *sql = "CREATE SOURCE s (a INT) WITH (connector = 'files', path = 'd', "
                      "inferSchema = true);\n";
    ck_assert_str_eq(infer_error(arena, sql),
                     arena_sprintf(arena,
                                   "%sinferSchema cannot be used with a column list: write the "
                                   "columns or infer them, not both\n",
                                   error_at(arena, sql, "inferSchema")));
    /* without inferSchema a schema is required, as Spark's streaming sources */
    sql = "CREATE SOURCE s WITH (connector = 'files', path = 'd', format = 'csv');\n";
    ck_assert_msg(strstr(infer_error(arena, sql), "|1|15|Schema must be specified"),
                  "no schema error");
    /* a bad inferSchema value is one message */
    sql = "CREATE SOURCE s WITH (connector = 'files', path = 'd', inferSchema = 'maybe');\n";
    ck_assert_str_eq(infer_error(arena, sql),
                     arena_sprintf(arena,
                                   "%sInvalid value 'maybe' for option 'inferSchema', must be "
                                   "'true' or 'false'\n",
                                   error_at(arena, sql, "'maybe'")));
}
END_TEST

ARENA_TEST(test_text_schema)
{
    Run r = run_sql(arena, "CREATE SOURCE t WITH (connector = 'files', path = 'd', format = "
                           "'text');\n"
                           "CREATE SOURCE u (line STRING) WITH (connector = 'files', path = 'd', "
                           "format = 'text');\n");
    ck_assert_msg(r.prog != NULL, "%s", r.diags);
    ck_assert_str_eq(schema_text(arena, r.prog->sources[0]), "value string");
    ck_assert_str_eq(schema_text(arena, r.prog->sources[1]), "line string");
    ck_assert_ptr_null(soptions_find(&r.prog->sources[0]->options, "sep"));

    const char *sql = "CREATE SOURCE t (a STRING, b STRING) WITH (connector = 'files', path = "
                      "'d', format = 'text');\n";
    ck_assert_str_eq(infer_error(arena, sql),
                     "error|t.sql|1|18|Text data source supports only a single column, and you "
                     "have 2 columns.\n");
    sql = "CREATE SOURCE t (a INT) WITH (connector = 'files', path = 'd', format = 'text');\n";
    ck_assert_str_eq(infer_error(arena, sql),
                     "error|t.sql|1|20|Text data source does not support int data type.\n");
}
END_TEST

Suite *infer_suite(void)
{
    Suite *s = suite_create("infer");
    TCase *tc = tcase_create("json");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_json_activity);
    tcase_add_test(tc, test_json_rules);
    tcase_add_test(tc, test_json_decimals);
    tcase_add_test(tc, test_json_names);
    tcase_add_test(tc, test_json_sorting);
    tcase_add_test(tc, test_json_nested_merge);
    tcase_add_test(tc, test_json_merge_in_place);
    tcase_add_test(tc, test_json_conflicts);
    tcase_add_test(tc, test_json_empty_and_arrays);
    tcase_add_test(tc, test_json_corrupt_records);
    tcase_add_test(tc, test_json_spark_defaults);
    tcase_add_test(tc, test_json_duplicate_names);
    tcase_add_test(tc, test_json_prefers_decimal);
    tcase_add_test(tc, test_json_drop_all_null);
    tcase_add_test(tc, test_json_primitives_as_string);
    suite_add_tcase(s, tc);
    tc = tcase_create("files");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_listing);
    tcase_add_test(tc, test_no_records);
    tcase_add_test(tc, test_empty_dir);
    tcase_add_test(tc, test_bad_path);
    tcase_add_test(tc, test_unreadable_file);
    tcase_add_test(tc, test_relative_path);
    tcase_add_test(tc, test_bounds);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, test_csv_header);
    tcase_add_test(tc, test_csv_dates);
    tcase_add_test(tc, test_csv_ntz_pattern);
    tcase_add_test(tc, test_csv_no_header);
    tcase_add_test(tc, test_csv_header_names);
    tcase_add_test(tc, test_csv_widening);
    tcase_add_test(tc, test_csv_quoting);
    tcase_add_test(tc, test_csv_decimals);
    tcase_add_test(tc, test_csv_escapes);
    tcase_add_test(tc, test_csv_file_order);
    suite_add_tcase(s, tc);
    tc = tcase_create("options");
    tcase_add_test(tc, test_csv_option_errors);
    tcase_add_test(tc, test_csv_defaults);
    tcase_add_test(tc, test_infer_with_columns);
    tcase_add_test(tc, test_text_schema);
    suite_add_tcase(s, tc);
    return s;
}
