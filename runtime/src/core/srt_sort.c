/* srt_sort.c - ORDER BY for a batch's rows: a stable merge sort of row pointers,
** comparing by column type (strings byte-wise, doubles with NaN largest and
** -0.0 == 0.0, structs field by field, arrays element by element), with per-key
** DESC and NULLS FIRST/LAST.
**
** The comparison of two values is Spark's ordering of their type (AtomicType.ordering, and
** for a STRUCT or ARRAY the type's interpretedOrdering: InterpretedOrdering.forSchema, every
** field Ascending and so NULLS FIRST; an array element by element, then the shorter first).
** It is the one comparator of nested values that generated code calls (srt_sort_cmp: `<`,
** `=`, `IN`, greatest/least, array_max/array_min of STRUCT and ARRAY values) and that sorts
** the elements of an array of them (srt_sort_array: sort_array, array_sort).
*/
#include <string.h>

#include "srt_int.h"

typedef struct SortCtx {
    const SrtSchema *schema;
    const SrtOrderKey *keys;
    uint32_t n_keys;
} SortCtx;

static int cmp_value(const SrtDatum *a, const SrtDatum *b, const SrtType *t);

static int cmp_nullable(const SrtDatum *a, const SrtDatum *b, const SrtType *t, int nulls_first)
{
    if (a->is_null || b->is_null) {
        if (a->is_null && b->is_null)
            return 0;
        return a->is_null == nulls_first ? -1 : 1;
    }
    return cmp_value(a, b, t);
}

static int cmp_double(double x, double y)
{
    int xn = x != x, yn = y != y;
    if (xn || yn)
        return xn - yn;
    return x < y ? -1 : x > y;
}

static int cmp_value(const SrtDatum *a, const SrtDatum *b, const SrtType *t)
{
    switch (t->kind) {
    case SRT_T_DOUBLE:
    case SRT_T_FLOAT: /* compareFloats orders as compareDoubles */
        return cmp_double(a->d, b->d);
    case SRT_T_DECIMAL: /* one column's values share the scale */
        return srt_dec_cmp(srt_datum_dec(a), srt_datum_dec(b));
    case SRT_T_STRING:
    case SRT_T_BINARY: /* ByteArray.compareBinary: unsigned bytes, as UTF8String */
        return srt_str_cmp(a->p, a->n, b->p, b->n);
    case SRT_T_STRUCT: {
        const SrtDatum *fa = a->p, *fb = b->p;
        for (uint32_t i = 0; i < t->n_fields; i++) {
            int c = cmp_nullable(&fa[i], &fb[i], t->fields[i].type, 1);
            if (c)
                return c;
        }
        return 0;
    }
    case SRT_T_ARRAY: {
        const SrtDatum *ea = a->p, *eb = b->p;
        uint32_t n = a->n < b->n ? a->n : b->n;
        for (uint32_t i = 0; i < n; i++) {
            int c = cmp_nullable(&ea[i], &eb[i], t->elem, 1);
            if (c)
                return c;
        }
        return a->n < b->n ? -1 : a->n > b->n;
    }
    default:
        return a->i < b->i ? -1 : a->i > b->i;
    }
}

static int cmp_rows(const SortCtx *c, const SrtDatum *a, const SrtDatum *b)
{
    for (uint32_t k = 0; k < c->n_keys; k++) {
        const SrtOrderKey *key = &c->keys[k];
        const SrtDatum *x = &a[key->column], *y = &b[key->column];
        int r;
        if (x->is_null || y->is_null)
            r = cmp_nullable(x, y, NULL, key->nulls_first);
        else {
            r = cmp_value(x, y, c->schema->cols[key->column].type);
            if (key->desc)
                r = -r;
        }
        if (r)
            return r;
    }
    return 0;
}

static void merge_sort(const SortCtx *c, SrtDatum **v, SrtDatum **tmp, size_t n)
{
    if (n < 16) { /* insertion sort: stable */
        for (size_t i = 1; i < n; i++) {
            SrtDatum *x = v[i];
            size_t j = i;
            while (j > 0 && cmp_rows(c, v[j - 1], x) > 0) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2;
    merge_sort(c, v, tmp, h);
    merge_sort(c, v + h, tmp, n - h);
    if (cmp_rows(c, v[h - 1], v[h]) <= 0)
        return;
    memcpy(tmp, v, h * sizeof *v);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        v[k++] = cmp_rows(c, v[j], tmp[i]) < 0 ? v[j++] : tmp[i++];
    while (i < h)
        v[k++] = tmp[i++];
}

int32_t srt_sort_cmp(SrtQuery *q, const char *type, const SrtDatum *a, const SrtDatum *b)
{
    const SrtType *t = srt_query_type(q, type);
    return t ? cmp_value(a, b, t) : 0;
}

void srt_sort_array(SrtQuery *q, const char *elem_type, const void *elems, uint32_t n, int32_t asc,
                    const void **out, uint32_t *out_n)
{
    /* The elements as the rows of one column, sorted as ORDER BY sorts them: SortArray's lt
       (asc 1, NULLs first) and gt (asc 0: the order reversed, NULLs last), ArraySort's
       default comparator (asc 2: NULLs last); stable, as java.util.Arrays.sort of objects. */
    SrtColumn col = {NULL, srt_query_type(q, elem_type), 0};
    SrtSchema schema = {&col, 1};
    SrtOrderKey key = {0, asc == 0, asc == 1};
    SortCtx c = {&schema, &key, 1};
    const SrtDatum *e = elems;
    SrtDatum **rows = srt_scratch_alloc(q, (n ? n : 1) * sizeof *rows);
    SrtDatum **tmp = srt_scratch_alloc(q, (n / 2 + 1) * sizeof *tmp);
    SrtDatum *o = srt_scratch_alloc(q, (n ? n : 1) * sizeof *o);
    for (uint32_t i = 0; i < n; i++)
        rows[i] = (SrtDatum *)&e[i];
    if (col.type)
        merge_sort(&c, rows, tmp, n);
    for (uint32_t i = 0; i < n; i++)
        o[i] = *rows[i];
    *out = o;
    *out_n = n;
}

int srt_sort_rows(SrtMem *m, SrtDatum **rows, size_t n, const SrtSchema *schema,
                  const SrtOrderKey *keys, uint32_t n_keys)
{
    if (n < 2 || n_keys == 0)
        return 0;
    SrtDatum **tmp = srt_mem_alloc(m, sizeof *tmp * (n / 2 + 1));
    if (!tmp)
        return -SRT_ERR_NOMEM;
    SortCtx c = {schema, keys, n_keys};
    merge_sort(&c, rows, tmp, n);
    srt_mem_free(m, tmp, sizeof *tmp * (n / 2 + 1));
    return 0;
}
