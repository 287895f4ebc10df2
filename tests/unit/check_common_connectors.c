/* check_common_connectors.c - the connector specs (common/cm_connectors.c) against the
** runtime's implementations: every spec has one, every implementation has a spec, and the
** specs' defaults are values their own kinds accept.
*/
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_connectors.h"
#include "common/cm_interval.h"
#include "srt_int.h"

/* The connectors with a system library are weak in the registry: these strong references
   link them into this test, so their entries are not NULL. */
const SrtSourceVt *const check_linked_sources[] = {&srt_source_kafka_vt};

START_TEST(test_every_spec_has_an_implementation)
{
    for (int i = 0; i < cm_n_connectors; i++) {
        const CmConnector *c = &cm_connectors[i];
        const SrtSourceVt *src = srt_source_lookup(c->name);
        const SrtSinkVt *sink = srt_sink_lookup(c->name);
        if (c->roles & (CM_ROLE_SOURCE | CM_ROLE_TABLE))
            ck_assert_msg(src && strcmp(src->connector, c->name) == 0,
                          "source connector '%s' has no implementation", c->name);
        else
            ck_assert_msg(!src, "'%s' is not a source but has a source implementation", c->name);
        if (c->roles & CM_ROLE_SINK)
            ck_assert_msg(sink && strcmp(sink->connector, c->name) == 0,
                          "sink connector '%s' has no implementation", c->name);
        else
            ck_assert_msg(!sink, "'%s' is not a sink but has a sink implementation", c->name);
    }
}
END_TEST

START_TEST(test_every_implementation_has_a_spec)
{
    int n;
    const SrtSourceVt *const *srcs = srt_source_impls(&n);
    ck_assert_int_gt(n, 0);
    for (int i = 0; i < n; i++) {
        const CmConnector *c = cm_connector_find(srcs[i]->connector, CM_ROLE_SOURCE | CM_ROLE_TABLE);
        ck_assert_msg(c && strcmp(c->name, srcs[i]->connector) == 0,
                      "source implementation '%s' has no spec", srcs[i]->connector);
        ck_assert_ptr_eq(srt_source_lookup(srcs[i]->connector), srcs[i]);
    }
    const SrtSinkVt *const *sinks = srt_sink_impls(&n);
    ck_assert_int_gt(n, 0);
    for (int i = 0; i < n; i++) {
        ck_assert_msg(sinks[i], "sink implementation #%d is not linked into the test", i);
        const CmConnector *c = cm_connector_find(sinks[i]->connector, CM_ROLE_SINK);
        ck_assert_msg(c && strcmp(c->name, sinks[i]->connector) == 0,
                      "sink implementation '%s' has no spec", sinks[i]->connector);
        ck_assert_ptr_eq(srt_sink_lookup(sinks[i]->connector), sinks[i]);
    }
}
END_TEST

START_TEST(test_lookup)
{
    ck_assert_ptr_eq(srt_source_lookup("FILES"), &srt_source_files_vt);
    ck_assert_ptr_eq(srt_source_lookup("Rate-Micro-Batch"), &srt_source_rate_micro_vt);
    ck_assert_ptr_eq(srt_sink_lookup("Console"), &srt_sink_console_vt);
    /* Strong references: they link the connectors the registry refers to weakly. */
    ck_assert_ptr_eq(srt_sink_lookup("Postgres"), &srt_sink_postgres_vt);
    ck_assert_ptr_eq(srt_sink_lookup("SQLITE"), &srt_sink_sqlite_vt);
    ck_assert_ptr_null(srt_source_lookup("console"));
    ck_assert_ptr_null(srt_sink_lookup("rate"));
    ck_assert_ptr_eq(srt_source_lookup("Kafka"), &srt_source_kafka_vt);
    ck_assert_ptr_null(srt_source_lookup("kafkaa"));
    ck_assert_ptr_null(cm_connector_find(NULL, 0));
    ck_assert_ptr_nonnull(cm_connector_find("socket", 0));
    const CmConnector *files = cm_connector_find("files", CM_ROLE_SINK);
    ck_assert_ptr_nonnull(cm_opt_find(files->sink_opts, files->n_sink_opts, "IGNORELEADINGWHITESPACE"));
    ck_assert_ptr_null(cm_opt_find(files->sink_opts, files->n_sink_opts, "maxFilesPerTrigger"));
    /* A connector with a system library: this test refers to its vtable, so it is linked. */
    ck_assert_ptr_eq(srt_sink_lookup("KAFKA"), &srt_sink_kafka_vt);
    ck_assert_ptr_eq(srt_sink_lookup("exec"), &srt_sink_exec_vt);
    /* Prefix keys: an exact key wins, "kafka.<anything>" is the pass-through spec. */
    const CmConnector *kafka = cm_connector_find("kafka", CM_ROLE_SINK);
    const CmOptSpec *o = cm_opt_find(kafka->sink_opts, kafka->n_sink_opts, "Kafka.Bootstrap.Servers");
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->key, "kafka.bootstrap.servers");
    o = cm_opt_find(kafka->sink_opts, kafka->n_sink_opts, "kafka.linger.ms");
    ck_assert_ptr_nonnull(o);
    ck_assert(cm_opt_is_prefix(o));
    ck_assert_ptr_null(cm_opt_find(kafka->sink_opts, kafka->n_sink_opts, "kafka."));
    ck_assert_ptr_null(cm_opt_find(kafka->sink_opts, kafka->n_sink_opts, "kafkax"));
    ck_assert_ptr_nonnull(cm_opt_find(kafka->sink_opts, kafka->n_sink_opts, "kafka.key.serializer")->refused);
}
END_TEST

/* Is v one of the '|'-separated alternatives (exact spelling: defaults are canonical)? */
static bool in_choices(const char *alts, const char *v)
{
    size_t n = strlen(v);
    for (const char *p = alts; *p;) {
        const char *bar = strchr(p, '|');
        size_t k = bar ? (size_t)(bar - p) : strlen(p);
        if (k == n && strncmp(p, v, n) == 0)
            return true;
        p = bar ? bar + 1 : p + k;
    }
    return false;
}

static void check_table(const char *owner, const CmOptSpec *opts, int n)
{
    for (int i = 0; i < n; i++) {
        const CmOptSpec *o = &opts[i];
        for (int j = 0; j < i; j++)
            ck_assert_msg(strcasecmp(opts[j].key, o->key) != 0, "%s: option '%s' twice", owner,
                          o->key);
        ck_assert_msg(!(o->required && o->def), "%s: required option '%s' has a default", owner,
                      o->key);
        ck_assert_msg(!o->missing || o->required || o->one_of, "%s: '%s'", owner, o->key);
        ck_assert_msg(!o->conflict || o->one_of, "%s: '%s' has a conflict message but no group",
                      owner, o->key);
        ck_assert_msg(!(o->one_of && o->required), "%s: '%s' is required and in a group", owner,
                      o->key);
        ck_assert_msg((o->kind == CM_OPT_CHOICE) == (o->choices != NULL), "%s: '%s'", owner,
                      o->key);
        if (!o->def)
            continue;
        int64_t us;
        CmTrigger tr;
        bool ok = false;
        switch (o->kind) {
        case CM_OPT_STRING: ok = true; break;
        case CM_OPT_POS_INT:
        case CM_OPT_PORT: ok = strspn(o->def, "0123456789") == strlen(o->def) && atoi(o->def) > 0; break;
        case CM_OPT_NONNEG: ok = *o->def && strspn(o->def, "0123456789") == strlen(o->def); break;
        case CM_OPT_BOOL: ok = strcmp(o->def, "true") == 0 || strcmp(o->def, "false") == 0; break;
        case CM_OPT_DURATION: ok = cm_duration_parse(o->def, 1000, &us); break;
        case CM_OPT_CHOICE: ok = in_choices(o->choices, o->def); break;
        case CM_OPT_TRIGGER: ok = cm_trigger_parse(o->def, &tr, NULL, 0) == CM_TRIGGER_OK; break;
        }
        ck_assert_msg(ok, "%s: the default '%s' of '%s' is not valid", owner, o->def, o->key);
    }
}

START_TEST(test_specs_are_consistent)
{
    for (int i = 0; i < cm_n_connectors; i++) {
        const CmConnector *c = &cm_connectors[i];
        for (int j = 0; j < i; j++)
            ck_assert_msg(strcasecmp(cm_connectors[j].name, c->name) != 0, "'%s' twice", c->name);
        ck_assert_msg(((c->roles & (CM_ROLE_SOURCE | CM_ROLE_TABLE)) != 0) == (c->opts != NULL),
                      "'%s': source options iff a source", c->name);
        ck_assert_msg(((c->roles & CM_ROLE_SINK) != 0) == (c->sink_opts != NULL),
                      "'%s': sink options iff a sink", c->name);
        check_table(c->name, c->opts, c->n_opts);
        check_table(c->name, c->sink_opts, c->n_sink_opts);
        /* A fixed column's condition is a boolean option of the source. */
        for (int k = 0; k < c->n_cols; k++) {
            if (!c->cols[k].when)
                continue;
            const CmOptSpec *o = cm_opt_find(c->opts, c->n_opts, c->cols[k].when);
            ck_assert_msg(o && o->kind == CM_OPT_BOOL, "'%s': column '%s'", c->name,
                          c->cols[k].name);
        }
        ck_assert_msg(c->input == CM_INPUT_VALUES || cm_opt_find(c->opts, c->n_opts, "format"),
                      "'%s': text input needs a format option", c->name);
        /* Sink properties are a sink's: writing by the GROUP BY keys, needing a checkpoint. */
        ck_assert_msg(!(c->upsert_keys || c->checkpoint_required) || (c->roles & CM_ROLE_SINK),
                      "'%s': a sink property on a connector that is no sink", c->name);
    }
    check_table("query", cm_query_opts, cm_n_query_opts);
    /* The database sinks upsert by the keys; Spark's foreachBatch-like sinks and the console
       run without a checkpoint (DataStreamWriter.SOURCES_ALLOW_ONE_TIME_QUERY), file and
       Kafka sinks need one. */
    ck_assert(cm_connector_find("postgres", CM_ROLE_SINK)->upsert_keys);
    ck_assert(cm_connector_find("sqlite", CM_ROLE_SINK)->upsert_keys);
    ck_assert(!cm_connector_find("exec", CM_ROLE_SINK)->upsert_keys);
    ck_assert(cm_connector_find("files", CM_ROLE_SINK)->checkpoint_required);
    ck_assert(cm_connector_find("kafka", CM_ROLE_SINK)->checkpoint_required);
    ck_assert(!cm_connector_find("console", CM_ROLE_SINK)->checkpoint_required);
    ck_assert(!cm_connector_find("postgres", CM_ROLE_SINK)->checkpoint_required);
}
END_TEST

/* An option not set reads as its spec's default, the spec's own text (cm_connectors.c is the
   one place defaults are written); a set value wins; an option without a default has none. */
static void check_defaults(const char *connector, unsigned role, const CmOptSpec *opts, int n)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtArena a;
    srt_arena_init(&a, &mem, 1024);
    SrtOptions none = {0}, set = {0};
    ck_assert_int_eq(srt_opts_bind(&none, connector, role), 0);
    ck_assert_int_eq(srt_opts_bind(&set, connector, role), 0);
    for (int i = 0; i < n; i++) {
        const CmOptSpec *o = &opts[i];
        ck_assert_ptr_null(srt_opts_get(&none, o->key));
        ck_assert_msg(srt_opts_value(&none, o->key) == o->def, "%s %s: the spec's default",
                      connector, o->key);
        int64_t v = -7;
        int b = -7;
        switch (o->kind) {
        case CM_OPT_POS_INT:
        case CM_OPT_NONNEG:
            ck_assert_int_eq(srt_opts_int(&none, o->key, 0, &v, NULL), o->def ? 0 : 1);
            ck_assert_int_eq(v, o->def ? strtoll(o->def, NULL, 10) : -7);
            break;
        case CM_OPT_BOOL:
            ck_assert_int_eq(srt_opts_bool(&none, o->key, &b, NULL), o->def ? 0 : 1);
            ck_assert_int_eq(b, !o->def ? -7 : strcmp(o->def, "true") == 0);
            break;
        case CM_OPT_STRING:
        case CM_OPT_PORT:
        case CM_OPT_DURATION:
        case CM_OPT_CHOICE:
        case CM_OPT_TRIGGER:
            break;
        }
        ck_assert_int_eq(srt_opts_set(&set, &a, o->key, "7"), 0);
        ck_assert_str_eq(srt_opts_value(&set, o->key), "7");
    }
    ck_assert_ptr_null(srt_opts_value(&none, "noSuchOption"));
    srt_arena_free(&a);
}

START_TEST(test_defaults_from_spec)
{
    for (int i = 0; i < cm_n_connectors; i++) {
        const CmConnector *c = &cm_connectors[i];
        if (c->roles & (CM_ROLE_SOURCE | CM_ROLE_TABLE))
            check_defaults(c->name, CM_ROLE_SOURCE | CM_ROLE_TABLE, c->opts, c->n_opts);
        if (c->roles & CM_ROLE_SINK)
            check_defaults(c->name, CM_ROLE_SINK, c->sink_opts, c->n_sink_opts);
    }
    SrtOptions o = {0};
    ck_assert_int_eq(srt_opts_bind(&o, "no-such-connector", CM_ROLE_SINK), -1);
}
END_TEST

/* The runtime refuses a compiled schema that is not the spec's fixed one, in the spec's words. */
START_TEST(test_fixed_schema_check)
{
    static const SrtType ts = {SRT_T_TIMESTAMP, .n_fields = 0}, str = {SRT_T_STRING, .n_fields = 0},
                         big = {SRT_T_BIGINT, .n_fields = 0};
    SrtMem mem;
    srt_mem_init(&mem);
    SrtArena a;
    srt_arena_init(&a, &mem, 1024);
    SrtOptions opts = {0};
    SrtSource sock = {.vt = &srt_source_socket_vt, .name = "lines"};
    SrtColumn value_only[] = {{"value", &str, 0}};
    SrtColumn value_ts[] = {{"VALUE", &str, 0}, {"timestamp", &ts, 0}};
    SrtSchema one = {value_only, 1}, two = {value_ts, 2};
    SrtErr err;
    srt_err_clear(&err);
    ck_assert_int_eq(srt_source_check_schema(&sock, &opts, &one, &err), 0);
    ck_assert_int_lt(srt_source_check_schema(&sock, &opts, &two, &err), 0);
    ck_assert_str_eq(err.msg, "source 'lines': the socket source has the fixed schema (value STRING)");
    ck_assert_int_eq(srt_opts_set(&opts, &a, "includeTimestamp", "TRUE"), 0);
    ck_assert_int_eq(srt_source_check_schema(&sock, &opts, &two, &err), 0);
    ck_assert_int_lt(srt_source_check_schema(&sock, &opts, &one, &err), 0);
    ck_assert_str_eq(err.msg, "source 'lines': the socket source has the fixed schema (value "
                              "STRING, timestamp TIMESTAMP)");
    SrtSource rate = {.vt = &srt_source_rate_vt, .name = "r"};
    SrtColumn rate_cols[] = {{"timestamp", &ts, 0}, {"value", &big, 0}};
    SrtColumn rate_bad[] = {{"timestamp", &ts, 0}, {"value", &str, 0}};
    SrtSchema rs = {rate_cols, 2}, rb = {rate_bad, 2}, none = {NULL, 0};
    ck_assert_int_eq(srt_source_check_schema(&rate, &opts, &rs, &err), 0);
    ck_assert_int_eq(srt_source_check_schema(&rate, &opts, &none, &err), 0);
    ck_assert_int_lt(srt_source_check_schema(&rate, &opts, &rb, &err), 0);
    ck_assert_str_eq(err.msg, "source 'r': the rate source has the fixed schema (timestamp "
                              "TIMESTAMP, value BIGINT)");
    SrtSource files = {.vt = &srt_source_files_vt, .name = "f"};
    ck_assert_int_eq(srt_source_check_schema(&files, &opts, &rb, &err), 0); /* no fixed schema */
    /* kafka: headers ARRAY<STRUCT<key: STRING, value: BINARY>> last with includeHeaders */
    static const SrtType bin = {SRT_T_BINARY, .n_fields = 0}, i32 = {SRT_T_INT, .n_fields = 0};
    static const SrtField kv[] = {{"key", &str}, {"value", &bin}}, kk[] = {{"key", &str}, {"value", &str}};
    static const SrtType kv_st = {SRT_T_STRUCT, .n_fields = 2, .fields = kv},
                         kk_st = {SRT_T_STRUCT, .n_fields = 2, .fields = kk};
    static const SrtType hdrs = {SRT_T_ARRAY, .elem = &kv_st}, bad_hdrs = {SRT_T_ARRAY, .elem = &kk_st};
    static const SrtSourceVt kafka_vt = {.connector = "kafka"};
    SrtSource kafka = {.vt = &kafka_vt, .name = "k"};
    SrtColumn kc[] = {{"key", &bin, 0},       {"value", &bin, 0},         {"topic", &str, 0},
                      {"partition", &i32, 0}, {"offset", &big, 0},        {"timestamp", &ts, 0},
                      {"timestampType", &i32, 0}, {"headers", &hdrs, 0}};
    SrtSchema k7 = {kc, 7}, k8 = {kc, 8};
    SrtOptions kopts = {0};
    ck_assert_int_eq(srt_source_check_schema(&kafka, &kopts, &k7, &err), 0);
    ck_assert_int_lt(srt_source_check_schema(&kafka, &kopts, &k8, &err), 0);
    ck_assert_int_eq(srt_opts_set(&kopts, &a, "includeHeaders", "true"), 0);
    ck_assert_int_eq(srt_source_check_schema(&kafka, &kopts, &k8, &err), 0);
    ck_assert_int_lt(srt_source_check_schema(&kafka, &kopts, &k7, &err), 0);
    ck_assert_str_eq(err.msg, "source 'k': the kafka source has the fixed schema (key BINARY, value BINARY, "
                              "topic STRING, partition INT, offset BIGINT, timestamp TIMESTAMP, timestampType "
                              "INT, headers ARRAY<STRUCT<key: STRING, value: BINARY>>)");
    kc[7].type = &bad_hdrs; /* the nested type is checked, not only ARRAY */
    ck_assert_int_lt(srt_source_check_schema(&kafka, &kopts, &k8, &err), 0);
    srt_arena_free(&a);
}
END_TEST

Suite *common_connectors_suite(void)
{
    Suite *s = suite_create("common_connectors");
    TCase *tc = tcase_create("connectors");
    tcase_add_test(tc, test_every_spec_has_an_implementation);
    tcase_add_test(tc, test_every_implementation_has_a_spec);
    tcase_add_test(tc, test_lookup);
    tcase_add_test(tc, test_specs_are_consistent);
    tcase_add_test(tc, test_fixed_schema_check);
    tcase_add_test(tc, test_defaults_from_spec);
    suite_add_tcase(s, tc);
    return s;
}
