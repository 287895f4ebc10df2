/* srt_buf.c - SrtBuf: a growable text buffer whose out-of-memory state is sticky, so
** formatting code can write freely and check once at the end.
*/
#include <stdarg.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "srt_int.h"

void srt_buf_init(SrtBuf *b, SrtMem *m)
{
    memset(b, 0, sizeof *b);
    b->mem = m;
}

void srt_buf_free(SrtBuf *b)
{
    srt_mem_free(b->mem, b->p, b->cap);
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

void srt_buf_clear(SrtBuf *b)
{
    b->n = 0;
    b->oom = 0;
    if (b->p)
        b->p[0] = '\0';
}

/* Room for n more bytes plus a NUL. */
static int reserve(SrtBuf *b, size_t n)
{
    if (b->oom)
        return 0;
    if (b->n + n + 1 <= b->cap)
        return 1;
    if (srt_mem_grow(b->mem, (void **)&b->p, &b->cap, 1, b->n + n + 1) < 0) {
        b->oom = 1;
        return 0;
    }
    return 1;
}

void srt_buf_put(SrtBuf *b, const void *s, size_t n)
{
    if (!reserve(b, n))
        return;
    if (n) /* s may be NULL for nothing (an empty value) */
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void srt_buf_puts(SrtBuf *b, const char *s)
{
    srt_buf_put(b, s, strlen(s));
}

void srt_buf_put_u64(SrtBuf *b, uint64_t v)
{
    uint8_t w[8];
    for (int k = 0; k < 8; k++)
        w[k] = (uint8_t)(v >> (8 * k));
    srt_buf_put(b, w, 8);
}

void srt_buf_put_double(SrtBuf *b, double x)
{
    uint64_t v;
    memcpy(&v, &x, sizeof v);
    srt_buf_put_u64(b, v);
}

uint64_t srt_get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int k = 0; k < 8; k++)
        v |= (uint64_t)p[k] << (8 * k);
    return v;
}

double srt_get_double(const uint8_t *p)
{
    uint64_t v = srt_get_u64(p);
    double x;
    memcpy(&x, &v, sizeof x);
    return x;
}

int64_t srt_java_d2l(double v, int64_t lo, int64_t hi)
{
    if (v != v)
        return 0;
    if (v <= (double)lo)
        return lo;
    if (v >= (double)hi)
        return hi;
    return (int64_t)v;
}

void srt_buf_putc(SrtBuf *b, char c)
{
    if (!reserve(b, 1))
        return;
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
}

void srt_buf_fill(SrtBuf *b, char c, size_t n)
{
    if (!reserve(b, n))
        return;
    memset(b->p + b->n, c, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void srt_buf_printf(SrtBuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if ((size_t)k < sizeof small) {
        srt_buf_put(b, small, (size_t)k);
        return;
    }
    if (!reserve(b, (size_t)k))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

const char *srt_buf_cstr(SrtBuf *b)
{
    if (!b->p || b->oom)
        return "";
    return b->p;
}

/* Newlines in [p, p + n) (the line numbers of error positions), sixteen bytes at a time:
   each byte lane counts its matches (at most 255 blocks), then the lanes are summed. */
int64_t srt_count_lines(const char *p, size_t n)
{
    int64_t k = 0;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n');
    while (n - i >= 16) {
        size_t blocks = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
        __m128i acc = _mm_setzero_si128();
        for (size_t b = 0; b < blocks; b++, i += 16)
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), nl));
        __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
        k += _mm_cvtsi128_si64(sum) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum));
    }
#endif
    for (; i < n; i++)
        k += p[i] == '\n';
    return k;
}
