/* srt_ckpt_schema.c - the schema of each stateful operator's state in a checkpoint, and the
** check that a restarted query's state still fits it.
**
** state/<op>/_metadata/schema (a checksummed file of srt_ckpt.c) holds
**     v1\n<operator name>\n<key schema>\n<value schema>\n
** with schemas as the compiler registers them (srt_prog_query_state): Spark simpleStrings
** struct<name:type,...>, names in backticks when they are not plain identifiers.
**
** The rule is Spark 3.5's StateSchemaCompatibilityChecker.check: the file is written when
** absent; when present, equal schemas pass, and otherwise both the key and the value schema
** must be compatible by DataType.equalsIgnoreNameAndCompatibleNullability: the same number
** of fields with the same types, position by position, recursively into structs, arrays and
** maps; names never count.  Every state field is nullable here, so nullability never refuses.
** A compatible change is allowed and leaves the file as it was (3.5 does not rewrite it).
** An incompatible one fails with Spark's StateSchemaNotCompatible message.
**
** Beyond Spark (whose operators are matched by position and fail later, or misread, when
** they change), the operator's name is kept too: a checkpoint written by another kind of
** operator (an aggregation restarted as a session window, a dedup added or removed) is
** refused at once with the operator named.
*/
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"
#include "state/srt_operator.h"

#define SCHEMA_PATH_MAX 4096

/* ==== Spark's equalsIgnoreNameAndCompatibleNullability over simpleStrings ==== */

static int starts(const char *p, const char *word)
{
    return strncmp(p, word, strlen(word)) == 0;
}

/* Skip a field name ending at ':' (plain, or `quoted` with `` for a backtick). */
static const char *skip_name(const char *p)
{
    if (*p == '`') {
        for (p++; *p; p++) {
            if (*p == '`' && p[1] == '`')
                p++;
            else if (*p == '`')
                return p[1] == ':' ? p + 2 : NULL;
        }
        return NULL;
    }
    const char *c = strchr(p, ':');
    return c && c > p ? c + 1 : NULL;
}

/* An atomic type name ("bigint", "decimal(10,2)", "interval day to second": words joined by
   single spaces): its length, 0 when there is none. */
static size_t atom_len(const char *p)
{
    size_t n = 0;
    while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') || p[n] == '_' ||
           (n > 0 && p[n] == ' ' && p[n + 1] >= 'a' && p[n + 1] <= 'z'))
        n++;
    if (n > 0 && p[n] == '(') {
        const char *e = strchr(p + n, ')');
        if (e == NULL)
            return 0;
        n = (size_t)(e - p) + 1;
    }
    return n;
}

/* Compare the types at *a and *b and advance both past them: 1 compatible, 0 not,
   -1 malformed text.  depth bounds the recursion on hostile input. */
static int types_compatible(const char **a, const char **b, int depth)
{
    if (depth > 64)
        return -1;
    const char *x = *a, *y = *b;
    if (starts(x, "struct<") && starts(y, "struct<")) {
        x += 7;
        y += 7;
        int ok = 1;
        for (;;) {
            if (*x == '>' || *y == '>') {
                if (*x != '>' || *y != '>')
                    ok = 0; /* field counts differ */
                break;
            }
            if ((x = skip_name(x)) == NULL || (y = skip_name(y)) == NULL)
                return -1;
            int r = types_compatible(&x, &y, depth + 1);
            if (r <= 0)
                return r;
            if (*x == ',' && *y == ',') {
                x++;
                y++;
            } else if (*x != '>' || *y != '>') {
                if ((*x != ',' && *x != '>') || (*y != ',' && *y != '>'))
                    return -1;
                ok = 0;
                break;
            }
        }
        *a = x + (*x == '>');
        *b = y + (*y == '>');
        return ok;
    }
    if ((starts(x, "array<") && starts(y, "array<")) || (starts(x, "map<") && starts(y, "map<"))) {
        int is_map = *x == 'm';
        x += is_map ? 4 : 6;
        y += is_map ? 4 : 6;
        int r = types_compatible(&x, &y, depth + 1);
        if (r > 0 && is_map) {
            if (*x != ',' || *y != ',')
                return -1;
            x++;
            y++;
            r = types_compatible(&x, &y, depth + 1);
        }
        if (r <= 0)
            return r;
        if (*x != '>' || *y != '>')
            return -1;
        *a = x + 1;
        *b = y + 1;
        return 1;
    }
    size_t nx = atom_len(x), ny = atom_len(y);
    int nested_x = starts(x, "struct<") || starts(x, "array<") || starts(x, "map<");
    int nested_y = starts(y, "struct<") || starts(y, "array<") || starts(y, "map<");
    if ((nx == 0 && !nested_x) || (ny == 0 && !nested_y))
        return -1;
    if (nested_x || nested_y)
        return 0; /* a struct against an atom, or array against map */
    *a = x + nx;
    *b = y + ny;
    return nx == ny && memcmp(x, y, nx) == 0;
}

int srt_state_schema_compatible(const char *stored, const char *provided)
{
    if (!starts(stored, "struct<") || !starts(provided, "struct<"))
        return -1;
    const char *a = stored, *b = provided;
    int r = types_compatible(&a, &b, 0);
    if (r > 0 && (*a != '\0' || *b != '\0'))
        return -1;
    return r;
}

/* ==== The schema file ==== */

typedef struct Stored {
    SrtBuf text;
    const char *name, *key, *value; /* NUL-terminated lines inside text */
} Stored;

static int schema_path(const SrtCkpt *c, int op, const char *tail, char *out, SrtErr *err)
{
    int k = snprintf(out, SCHEMA_PATH_MAX, "%s/state/%d%s", srt_ckpt_dir(c), op, tail);
    if (k < 0 || k >= SCHEMA_PATH_MAX)
        return srt_err_set(err, SRT_ERR_IO, "checkpoint path of operator %d is too long", op);
    return 0;
}

/* Read the schema file of op: 0 with *st filled, 1 absent, or -err. */
static int read_schema(const char *path, Stored *st, SrtErr *err)
{
    int rc = srt_ckpt_read_file(path, &st->text, err);
    if (rc != 0)
        return rc;
    char *lines[4] = {0};
    char *p = st->text.p ? st->text.p : (char *)"";
    char *e = p + st->text.n;
    int n = 0;
    while (n < 4 && p < e) {
        char *nl = memchr(p, '\n', (size_t)(e - p));
        if (nl == NULL)
            break;
        *nl = '\0';
        lines[n++] = p;
        p = nl + 1;
    }
    if (n != 4 || p != e || strcmp(lines[0], "v1") != 0 || lines[1][0] == '\0' ||
        srt_state_schema_compatible(lines[2], lines[2]) < 0 ||
        srt_state_schema_compatible(lines[3], lines[3]) < 0)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "checkpoint file %s is not a state schema (v1, operator, key schema, "
                           "value schema); it was not written by sluice or was damaged",
                           path);
    st->name = lines[1];
    st->key = lines[2];
    st->value = lines[3];
    return 0;
}

static int write_schema(SrtCkpt *c, int op, const struct SrtStateSchema *s, SrtMem *m,
                        SrtErr *err)
{
    char dir[SCHEMA_PATH_MAX], path[SCHEMA_PATH_MAX + 8];
    int rc = schema_path(c, op, "/_metadata", dir, err);
    if (rc == 0)
        rc = srt_fs_mkdirs(dir, "checkpoint", err);
    if (rc < 0)
        return rc;
    snprintf(path, sizeof path, "%s/schema", dir);
    size_t n = strlen(s->name) + strlen(s->key) + strlen(s->value) + 8;
    char *text = srt_mem_alloc(m, n);
    if (text == NULL)
        return srt_err_nomem(err, "state schema");
    int k = snprintf(text, n, "v1\n%s\n%s\n%s\n", s->name, s->key, s->value);
    rc = srt_ckpt_write_file(path, text, (size_t)k, err);
    srt_mem_free(m, text, n);
    return rc;
}

/* Does state/<op>/ hold any state file (<v>.delta or <v>.snapshot)? */
static int has_state_files(const SrtCkpt *c, int op)
{
    char dir[SCHEMA_PATH_MAX];
    SrtErr ignored;
    if (schema_path(c, op, "", dir, &ignored) < 0)
        return 0;
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    int found = 0;
    struct dirent *de;
    while (!found && (de = readdir(d)) != NULL) {
        const char *dot = strchr(de->d_name, '.');
        found = dot && dot > de->d_name && strspn(de->d_name, "0123456789") == (size_t)(dot - de->d_name) &&
                (strcmp(dot, ".delta") == 0 || strcmp(dot, ".snapshot") == 0);
    }
    closedir(d);
    return found;
}

static int incompatible(SrtErr *err, const char *dir, int op, const struct SrtStateSchema *s,
                        const Stored *st)
{
    /* The text of Spark 3.5's StateSchemaNotCompatible (StateSchemaCompatibilityChecker.check),
       after where it happened; sluice has no switch to skip the check. */
    return srt_err_set(
        err, SRT_ERR_QUERY,
        "checkpoint %s, stateful operator %d (%s): Provided schema doesn't match to the schema "
        "for existing state! Please note that Spark allow difference of field name: check count "
        "of fields and data type of each field.\n"
        "- Provided key schema: %s\n"
        "- Provided value schema: %s\n"
        "- Existing key schema: %s\n"
        "- Existing value schema: %s\n"
        "The query's state changed since the checkpoint was written: restore the previous "
        "query, or start over with a new checkpoint location.",
        dir, op, s->name, s->key, s->value, st->key, st->value);
}

/* Check (or record) the schema of one operator slot. version: the state version the
   restart loads (0: nothing was committed yet); has: the query has this operator. */
static int check_op(SrtCkpt *c, int op, int has, const struct SrtStateSchema *s, int64_t version,
                    SrtMem *m, SrtErr *err)
{
    if (has && s->name == NULL)
        return 0; /* registered without its schema: nothing to compare */
    char path[SCHEMA_PATH_MAX];
    int rc = schema_path(c, op, "/_metadata/schema", path, err);
    if (rc < 0)
        return rc;
    const char *dir = srt_ckpt_dir(c);
    Stored st;
    srt_buf_init(&st.text, m);
    rc = read_schema(path, &st, err);
    if (rc < 0)
        goto out;
    int present = rc == 0;
    rc = 0;
    if (!has) {
        const char *label = srt_operator_label(op, present ? st.name : NULL);
        if (present || has_state_files(c, op))
            rc = srt_err_set(err, SRT_ERR_QUERY,
                             "checkpoint %s holds the state of stateful operator %d (%s) but the "
                             "query has no %s any more: its stateful operators changed since the "
                             "checkpoint was written; restore the previous query, or start over "
                             "with a new checkpoint location",
                             dir, op, present ? st.name : srt_operator_label(op, NULL), label);
        goto out;
    }
    if (!present) {
        if (version > 0 && !has_state_files(c, op))
            rc = srt_err_set(err, SRT_ERR_QUERY,
                             "the query's stateful operator %d (%s) has no state in checkpoint %s, "
                             "which was written by a query without it: its stateful operators "
                             "changed; restore the previous query, or start over with a new "
                             "checkpoint location",
                             op, s->name, dir);
        else
            rc = write_schema(c, op, s, m, err); /* a new checkpoint, or one from before schemas */
        goto out;
    }
    if (strcmp(st.name, s->name) != 0) {
        rc = srt_err_set(err, SRT_ERR_QUERY,
                         "checkpoint %s, stateful operator %d: the state was written by a %s "
                         "operator, the query now has a %s operator there; restore the previous "
                         "query, or start over with a new checkpoint location",
                         dir, op, st.name, s->name);
        goto out;
    }
    if (strcmp(st.key, s->key) == 0 && strcmp(st.value, s->value) == 0)
        goto out;
    int kc = srt_state_schema_compatible(st.key, s->key);
    int vc = srt_state_schema_compatible(st.value, s->value);
    if (kc < 0 || vc < 0)
        rc = srt_err_set(err, SRT_ERR_QUERY, "query state schema %s or %s is malformed", s->key,
                         s->value);
    else if (!kc || !vc)
        rc = incompatible(err, dir, op, s, &st);
out:
    srt_buf_free(&st.text);
    return rc;
}

/* ==== State keys read back ==== */

int srt_state_key_check(const struct SrtStateSchema *s, const uint8_t *key, uint32_t key_len,
                        SrtErr *err)
{
    if (s->name == NULL)
        return 0; /* no layout registered */
    if (key_len < s->key_fixed)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "a state key has %u bytes, fewer than the %u bytes of its fixed part",
                           key_len, s->key_fixed);
    for (uint32_t i = 0; i < s->key_nulls; i++)
        if (key[i] > 1)
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "a state key has %u as the null flag of key %u (0 or 1 expected)",
                               key[i], i);
    uint64_t left = key_len - s->key_fixed;
    for (uint32_t k = 0; k < s->n_key_strings; k++) {
        uint32_t off = s->key_strings[k].len_offset;
        uint64_t n;
        memcpy(&n, key + off, 8);
        if (n != 0 && key[s->key_strings[k].null_index])
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "a state key gives its NULL string at byte %u a length of %" PRIu64
                               " bytes (0 expected)", off, n);
        if (n > left)
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "a state key gives its string at byte %u a length of %" PRIu64
                               " bytes, but only %" PRIu64 " bytes of strings follow",
                               off, n, left);
        const SrtType *t = s->key_strings[k].nested;
        if (t && !key[s->key_strings[k].null_index] &&
            srt_key_nested_check(t, key + key_len - left, (uint32_t)n) < 0)
            return srt_err_set(err, SRT_ERR_FORMAT,
                               "a state key's nested value at byte %u (%" PRIu64
                               " bytes) is not a value of its type", off, n);
        left -= n;
    }
    if (left != 0)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "a state key has %" PRIu64 " bytes after its last string", left);
    return 0;
}

/* The highest operator number (at most SRT_OP_MAX) with a directory in state/ (-1: none). */
static int max_state_dir(const SrtCkpt *c)
{
    char dir[SCHEMA_PATH_MAX];
    int k = snprintf(dir, sizeof dir, "%s/state", srt_ckpt_dir(c));
    DIR *d = k > 0 && k < SCHEMA_PATH_MAX ? opendir(dir) : NULL;
    if (d == NULL)
        return -1;
    int max = -1;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strspn(de->d_name, "0123456789");
        if (n > 0 && n < 4 && de->d_name[n] == '\0') {
            int id = atoi(de->d_name);
            if (id <= SRT_OP_MAX && id > max)
                max = id;
        }
    }
    closedir(d);
    return max;
}

int srt_ckpt_check_schemas(SrtCkpt *c, const struct SrtQueryDef *def, int64_t version, SrtMem *m,
                           SrtErr *err)
{
    /* Every operator number the query has or the checkpoint holds state of, in order: the
       query's operators are checked against their schemas, the others must have no state. */
    int max = max_state_dir(c);
    for (uint32_t i = 0; i < def->n_ops; i++)
        if (def->ops[i].id > max)
            max = def->ops[i].id;
    for (int op = 0; op <= max; op++) {
        const SrtOpDef *d = NULL;
        for (uint32_t i = 0; i < def->n_ops && !d; i++)
            if (def->ops[i].id == op)
                d = &def->ops[i];
        static const SrtStateSchema none;
        int rc = check_op(c, op, d != NULL, d ? &d->schema : &none, version, m, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}
