/* srt_opts.c - connector and query options (text key/value pairs, keys case-insensitive),
** their typed readers, and Spark's duration strings ("5 seconds").
*/
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

const char *srt_opts_get(const SrtOptions *o, const char *key)
{
    for (int i = 0; i < o->n; i++)
        if (srt_str_ieq(o->v[i].key, key))
            return o->v[i].value;
    return NULL;
}

int srt_opts_int(const SrtOptions *o, const char *key, int64_t dflt, int64_t min, int64_t *out,
                 SrtErr *err)
{
    const char *v = srt_opts_get(o, key);
    if (!v) {
        *out = dflt;
        return 0;
    }
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

int srt_opts_bool(const SrtOptions *o, const char *key, int dflt, int *out, SrtErr *err)
{
    const char *v = srt_opts_get(o, key);
    if (!v) {
        *out = dflt;
        return 0;
    }
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

static const struct {
    const char *unit;
    int64_t us;
} duration_units[] = {
    {"microsecond", 1},         {"microseconds", 1},        {"us", 1},
    {"millisecond", 1000},      {"milliseconds", 1000},     {"ms", 1000},
    {"second", 1000000},        {"seconds", 1000000},       {"s", 1000000},
    {"sec", 1000000},           {"secs", 1000000},          {"minute", 60000000},
    {"minutes", 60000000},      {"min", 60000000},          {"mins", 60000000},
    {"hour", 3600000000},       {"hours", 3600000000},      {"h", 3600000000},
    {"day", 86400000000},       {"days", 86400000000},      {"d", 86400000000},
    {"week", 604800000000},     {"weeks", 604800000000},
};

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

int srt_parse_duration_us(const char *s, int64_t *out_us)
{
    s = skip_spaces(s);
    if (strncasecmp(s, "interval", 8) == 0 && (s[8] == ' ' || s[8] == '\t'))
        s = skip_spaces(s + 8);
    if (*s == '\0')
        return -1;
    int64_t total = 0;
    int n_parts = 0;
    while (*s) {
        char *end;
        errno = 0;
        long long x = strtoll(s, &end, 10);
        if (errno || end == s || x < 0)
            return -1;
        s = skip_spaces(end);
        const char *u = s;
        while (isalpha((unsigned char)*s))
            s++;
        size_t un = (size_t)(s - u);
        int64_t mult = -1;
        if (un == 0) {
            if (n_parts == 0 && *s == '\0') { /* a bare number: milliseconds */
                *out_us = x * 1000;
                return 0;
            }
            return -1;
        }
        for (size_t i = 0; i < sizeof duration_units / sizeof duration_units[0]; i++)
            if (strlen(duration_units[i].unit) == un && strncasecmp(u, duration_units[i].unit, un) == 0)
                mult = duration_units[i].us;
        if (mult < 0 || x > INT64_MAX / mult || total > INT64_MAX - x * mult)
            return -1;
        total += x * mult;
        n_parts++;
        s = skip_spaces(s);
    }
    *out_us = total;
    return 0;
}
