/* srt_opts.c - connector and query options (text key/value pairs, keys case-insensitive),
** their typed readers, and duration options ("7d", "5 seconds").  An option that was not set
** reads as its default in the connector's spec (common/cm_connectors.c), the one place
** defaults are written.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_connectors.h"
#include "common/cm_interval.h"
#include "srt_int.h"

int srt_str_ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

int srt_opts_set(SrtOptions *o, SrtArena *a, const char *key, const char *value)
{
    char *v = srt_arena_strdup(a, value);
    if (!v)
        return -SRT_ERR_NOMEM;
    for (int i = 0; i < o->n; i++) {
        if (srt_str_ieq(o->v[i].key, key)) {
            o->v[i].value = v;
            return 0;
        }
    }
    if (o->n == o->cap) {
        int ncap = o->cap ? o->cap * 2 : 8;
        SrtOption *nv = srt_arena_alloc(a, sizeof *nv * (size_t)ncap);
        if (!nv)
            return -SRT_ERR_NOMEM;
        if (o->n)
            memcpy(nv, o->v, sizeof *nv * (size_t)o->n);
        o->v = nv;
        o->cap = ncap;
    }
    char *k = srt_arena_strdup(a, key);
    if (!k)
        return -SRT_ERR_NOMEM;
    o->v[o->n].key = k;
    o->v[o->n].value = v;
    o->n++;
    return 0;
}

void srt_opts_unset(SrtOptions *o, const char *key)
{
    for (int i = 0; i < o->n; i++)
        if (srt_str_ieq(o->v[i].key, key)) {
            o->v[i] = o->v[--o->n];
            return;
        }
}

const char *srt_opts_get(const SrtOptions *o, const char *key)
{
    for (int i = 0; i < o->n; i++)
        if (srt_str_ieq(o->v[i].key, key))
            return o->v[i].value;
    return NULL;
}

int srt_opts_bind(SrtOptions *o, const char *connector, unsigned role)
{
    const CmConnector *c = cm_connector_find(connector, role);
    if (!c)
        return -1;
    o->spec = role == CM_ROLE_SINK ? c->sink_opts : c->opts;
    o->n_spec = role == CM_ROLE_SINK ? c->n_sink_opts : c->n_opts;
    return 0;
}

void srt_opts_bind_query(SrtOptions *o)
{
    o->spec = cm_query_opts;
    o->n_spec = cm_n_query_opts;
}

const char *srt_opts_value(const SrtOptions *o, const char *key)
{
    const char *v = srt_opts_get(o, key);
    const CmOptSpec *spec = v ? NULL : cm_opt_find(o->spec, o->n_spec, key);
    return v ? v : spec ? spec->def : NULL;
}

int srt_opts_int(const SrtOptions *o, const char *key, int64_t min, int64_t *out, SrtErr *err)
{
    const char *v = srt_opts_value(o, key);
    if (!v)
        return 1;
    char *end;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    while (*end == ' ')
        end++;
    if (errno || end == v || *end != '\0' || x < min) {
        if (min == 1)
            return srt_err_set(err, SRT_ERR_OPTION,
                               "Invalid value '%s' for option '%s', must be a positive integer", v, key);
        return srt_err_set(err, SRT_ERR_OPTION, "Invalid value '%s' for option '%s', must be an integer",
                           v, key);
    }
    *out = x;
    return 0;
}

int srt_opts_bool(const SrtOptions *o, const char *key, int *out, SrtErr *err)
{
    const char *v = srt_opts_value(o, key);
    if (!v)
        return 1;
    if (srt_str_ieq(v, "true")) {
        *out = 1;
        return 0;
    }
    if (srt_str_ieq(v, "false")) {
        *out = 0;
        return 0;
    }
    return srt_err_set(err, SRT_ERR_OPTION, "Invalid value '%s' for option '%s', must be true or false",
                       v, key);
}

/* A duration option in µs: Spark's timeStringAsMs ("7d"; a bare number is ms) or an
   interval string (common/cm_interval.c, as sema checks it). */
int srt_parse_duration_us(const char *s, int64_t *out_us)
{
    return cm_duration_parse(s, 1000, out_us) ? 0 : -1;
}
