/* srt_connectors.c - the implementations of the connectors common/cm_connectors.c specifies,
** found by the spec's name: a connector is its spec plus one vtable listed here.
**
** A connector whose spec names a system library (`lib`: librdkafka, libpq, sqlite3) is listed
** through a weak reference to its vtable, srt_source_<name>_vt / srt_sink_<name>_vt:
** libsrt.a's member with it is linked only when the driver asks for that symbol, which it
** does for the connectors a program names, adding the library.  Unlinked, the entry is NULL.
*/
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "srt_int.h"

/* Linked only into programs that name them (driver_build.c add_connectors): NULL otherwise. */
#pragma weak srt_source_kafka_vt
#pragma weak srt_sink_postgres_vt
#pragma weak srt_sink_sqlite_vt
#pragma weak srt_sink_kafka_vt

static const SrtSourceVt *const sources[] = {&srt_source_files_vt, &srt_source_rate_vt,
                                             &srt_source_rate_micro_vt, &srt_source_socket_vt,
                                             &srt_source_kafka_vt};

static const SrtSinkVt *const sinks[] = {&srt_sink_console_vt, &srt_sink_files_vt,
                                         &srt_sink_exec_vt,    &srt_sink_postgres_vt,
                                         &srt_sink_sqlite_vt,  &srt_sink_kafka_vt,
                                         &srt_sink_memory_vt};

const SrtSourceVt *const *srt_source_impls(int *n)
{
    *n = (int)(sizeof sources / sizeof sources[0]);
    return sources;
}

/* Entries of connectors that were not linked are NULL. */
const SrtSinkVt *const *srt_sink_impls(int *n)
{
    *n = (int)(sizeof sinks / sizeof sinks[0]);
    return sinks;
}

const SrtSourceVt *srt_source_lookup(const char *connector)
{
    const CmConnector *spec = cm_connector_find(connector, CM_ROLE_SOURCE | CM_ROLE_TABLE);
    for (size_t i = 0; spec && i < sizeof sources / sizeof sources[0]; i++)
        if (sources[i] && strcmp(sources[i]->connector, spec->name) == 0)
            return sources[i];
    return NULL;
}

const SrtSinkVt *srt_sink_lookup(const char *connector)
{
    const CmConnector *spec = cm_connector_find(connector, CM_ROLE_SINK);
    for (size_t i = 0; spec && i < sizeof sinks / sizeof sinks[0]; i++)
        if (sinks[i] && strcmp(sinks[i]->connector, spec->name) == 0)
            return sinks[i];
    return NULL;
}

int srt_source_gives_text(const SrtSource *s)
{
    const CmConnector *spec = cm_connector_find(s->vt->connector, CM_ROLE_SOURCE | CM_ROLE_TABLE);
    return spec && spec->input == CM_INPUT_FORMAT;
}

/* Whether t's Spark simpleString is simple (a false answer when out of memory). */
static int type_is(const SrtType *t, const char *simple)
{
    SrtMem m;
    srt_mem_init(&m);
    SrtBuf b;
    srt_buf_init(&b, &m);
    srt_type_print(t, &b);
    int eq = !b.oom && b.n == strlen(simple) && memcmp(b.p, simple, b.n) == 0;
    srt_buf_free(&b);
    return eq;
}

/* The fixed schema of the source's connector spec (rate: timestamp, value; socket: value
   and, with includeTimestamp = true, timestamp; kafka: its columns and, with includeHeaders =
   true, headers), which the compiled schema must be. */
int srt_source_check_schema(const SrtSource *s, const SrtOptions *opts, const SrtSchema *schema,
                            SrtErr *err)
{
    const CmConnector *spec = cm_connector_find(s->vt->connector, CM_ROLE_SOURCE);
    if (!spec || !spec->cols || !schema || schema->n_cols == 0)
        return 0;
    char want[256];
    size_t w = 0;
    uint32_t n = 0;
    int ok = 1;
    want[0] = '\0';
    for (int i = 0; i < spec->n_cols; i++) {
        const CmFixedCol *c = &spec->cols[i];
        const char *on = c->when ? srt_opts_value(opts, c->when) : "true";
        if (!on || !srt_str_ieq(on, "true"))
            continue;
        SrtKind kind = SRT_T_STRING;
        const char *tname = "STRING", *simple = NULL; /* simple: a nested type's simpleString */
        switch (c->type) {
        case CM_COL_STRING: break;
        case CM_COL_BIGINT: kind = SRT_T_BIGINT, tname = "BIGINT"; break;
        case CM_COL_TIMESTAMP: kind = SRT_T_TIMESTAMP, tname = "TIMESTAMP"; break;
        case CM_COL_BINARY: kind = SRT_T_BINARY, tname = "BINARY"; break;
        case CM_COL_INT: kind = SRT_T_INT, tname = "INT"; break;
        case CM_COL_HEADERS:
            kind = SRT_T_ARRAY, tname = "ARRAY<STRUCT<key: STRING, value: BINARY>>";
            simple = "array<struct<key:string,value:binary>>";
            break;
        }
        if (n >= schema->n_cols || !srt_str_ieq(schema->cols[n].name, c->name) ||
            schema->cols[n].type->kind != kind || (simple && !type_is(schema->cols[n].type, simple)))
            ok = 0;
        n++;
        int k = snprintf(want + w, sizeof want - w, "%s%s %s", w ? ", " : "", c->name, tname);
        if (k > 0 && (size_t)k < sizeof want - w)
            w += (size_t)k;
    }
    if (ok && n == schema->n_cols)
        return 0;
    return srt_err_set(err, SRT_ERR_OPTION, "source '%s': the %s source has the fixed schema (%s)",
                       s->name, spec->name, want);
}
