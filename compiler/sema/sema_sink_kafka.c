/* sema_sink_kafka.c - what a query writing a Kafka sink must output: Spark's
** KafkaWriter.validateQuery, so `sluice check` accepts exactly the queries `sluice build` builds.
**
** Columns are found by exact, case-sensitive name (Spark: schema.find(_.name == attrName)),
** the first of that name; other columns are ignored.  Spark checks topic, key, value,
** headers, partition in that order and stops at the first problem: one error per query.
**   topic      string; required unless the sink's `topic` option is set (which then wins,
**              and the column is not looked at)
**   key        string or binary, optional (null key)
**   value      string or binary, required
**   headers    array<struct<key:string,value:binary>>, optional
**   partition  int, optional (null: the producer's partitioner chooses)
** A missing column is reported at the query, a mistyped one at its select item.  Spark 3.5
** has no `timestamp` column in the sink (4.0 adds one): a column of that name is ignored.
*/
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

/* Spark's BinaryType.  sluice has no BINARY type yet; when it has, this is
   `return t->kind == TY_BINARY;`. */
static bool is_binary(const Type *t)
{
    return t->kind == TY_BINARY;
}

static bool is_string_or_binary(const Type *t)
{
    return t->kind == TY_STRING || is_binary(t);
}

static bool is_string(const Type *t)
{
    return t->kind == TY_STRING;
}

static bool is_int(const Type *t)
{
    return t->kind == TY_INT;
}

/* KafkaRecordToRowConverter.headersType; DataType.sameType ignores nullability and, with
   spark.sql.caseSensitive false, the case of field names. */
static bool is_headers(const Type *t)
{
    if (t->kind != TY_ARRAY || !t->elem || t->elem->kind != TY_STRUCT || t->elem->n_fields != 2)
        return false;
    const TypeField *f = t->elem->fields;
    return strcasecmp(f[0].name, "key") == 0 && is_string(f[0].type) &&
           strcasecmp(f[1].name, "value") == 0 && is_binary(f[1].type);
}

typedef struct KafkaAttr {
    const char *name;
    bool (*ok)(const Type *t);
    const char *want; /* Spark's desired.map(_.catalogString).mkString(" or ") */
} KafkaAttr;

/* KafkaWriter.validateQuery's order. */
static const KafkaAttr kafka_attrs[] = {
    {"topic", is_string, "string"},
    {"key", is_string_or_binary, "string or binary"},
    {"value", is_string_or_binary, "string or binary"},
    {"headers", is_headers, "array<struct<key:string,value:binary>>"},
    {"partition", is_int, "int"},
};

static const SOutCol *find_col(const SSelect *s, const char *name)
{
    for (int i = 0; i < s->n_out; i++)
        if (s->out[i].name && strcmp(s->out[i].name, name) == 0)
            return &s->out[i];
    return NULL;
}

void sema_kafka_sink_check(SemaCtx *sc, const SQuery *q)
{
    const SSink *k = q->sink;
    if (!k || !k->connector || strcmp(k->connector, "kafka") != 0 || !q->select)
        return;
    sema_stream_require_checkpoint(sc, q);
    bool topic_option = soptions_find(&k->options, "topic") != NULL;
    for (size_t i = 0; i < sizeof kafka_attrs / sizeof kafka_attrs[0]; i++) {
        const KafkaAttr *a = &kafka_attrs[i];
        if (i == 0 && topic_option)
            continue;
        const SOutCol *c = find_col(q->select, a->name);
        if (!c) {
            if (strcmp(a->name, "topic") == 0) {
                diag_error(sc->diag, q->span,
                           "topic option required when no 'topic' attribute is present. Use the "
                           "topic option for setting a topic.");
                return;
            }
            if (strcmp(a->name, "value") == 0) {
                diag_error(sc->diag, q->span, "Required attribute 'value' not found");
                return;
            }
            continue;
        }
        const Type *t = c->expr ? c->expr->type : NULL;
        if (!t || t == &sema_type_unknown)
            return; /* a binding error was reported */
        if (!a->ok(t)) {
            diag_error(sc->diag, c->span, "%s attribute unsupported type %s. %s must be a(n) %s",
                       a->name, type_name(sc->arena, t), a->name, a->want);
            return;
        }
    }
}
