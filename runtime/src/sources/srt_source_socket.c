/* srt_source_socket.c - the `socket` source connector: lines of text read from a TCP
** server, as Spark's TextSocketMicroBatchStream, delivered as value rows
** `value STRING[, timestamp TIMESTAMP]` (SrtDatum arrays, see SrtProcessFn in srt_abi.h).
**
** Options: host, port (required), includeTimestamp (default false), numPartitions
** (accepted, unused).  open() prints Spark's WARN that the source does not support
** recovery (stderr), then connects as a TCP client (getaddrinfo: IPv4 or IPv6, 30 s
** timeout); a refused or unreachable server fails the query with the source, host,
** port and the system's reason.
**
** Each plan first reads, without blocking, everything the server sent so far.  Every
** complete line is one row (a line ends at "\n", "\r" or "\r\n", BufferedReader.readLine); a partial last
** line waits for the rest.  A line longer than SRT_LINE_MAX (64 MiB) fails the query with the
** source, host, port and the limit, as soon as that many bytes arrived without a '\n' (Spark's
** TextSocketMicroBatchStream reads with BufferedReader.readLine(), unbounded and with no
** option for it: one endless line would take all memory).  With includeTimestamp the row's timestamp is the time its
** line was received (wall clock, millisecond precision like Spark).  Offsets are Spark's
** LongOffset of the line index: the batch ending at offset N holds lines up to index N
** (the first line is 0, "-1" is the initial offset), printed as a plain number.  Lines
** stay in memory until commit(end) releases them; there is no replay after a restart.
**
** Checkpoints: socket data is not replayable (as Spark's socket source, which "does not
** support recovery"), so the connector has no restore() and writes nothing to log_dir.  A
** query restarted from a checkpoint opens a new connection and starts from its first line
** (offset -1 again: no previous end offset applies to it); lines sent to the old connection
** and a batch that was planned but not committed before the restart are lost.
**
** End of stream: when the server closes the connection (or it fails), the remaining
** complete lines and a final unterminated line are delivered, WARN "Stream closed by
** host:port" is printed, and finished() reports the end once all of them are planned,
** so the query runs its last batch and stops (exit 0).  No reconnect is attempted:
** Spark's reader thread also just stops at the end of the stream.
**
** Rows go out in chunks of at most SRT_VALUE_CHUNK_ROWS from one buffer owned by the
** source; string bytes point into the kept lines.  `what` of the read callback is the
** source name.
*/
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "srt_int.h"

#define SOCK_READ_SIZE 65536                 /* one recv() */
#define SOCK_MAX_PER_PLAN ((size_t)16 << 20) /* bytes read per plan before planning */
#define SOCK_CONNECT_TIMEOUT_US 30000000

typedef struct SockLine {
    size_t off;    /* into Sock.bytes */
    uint32_t len;  /* without its end ("\n", "\r" or "\r\n") */
    int64_t ts_ms; /* receipt time */
} SockLine;

typedef struct Sock {
    SrtMem *mem;
    SrtClockFn clock; /* µs since the epoch */
    void *clock_ud;
    FILE *warn;       /* borrowed: stderr */
    const char *host; /* borrowed option text */
    int64_t port;
    int include_ts;
    uint32_t n_cols;
    int fd;  /* -1 once the stream ended */
    int eof; /* the stream ended: no more lines will come */

    char *bytes; /* the kept lines, then the partial last line */
    size_t n_bytes, cap_bytes;
    size_t tail;     /* start of the partial last line in bytes */
    int skip_lf;     /* the bytes read so far end in "\r": a "\n" first in the next read is its end */
    SockLine *lines; /* complete lines not yet released; lines[0] has index base */
    size_t n_lines, cap_lines;
    int64_t base;
    int64_t planned; /* end offset of the last planned batch (-1: none) */
    int snapshot;
    int64_t snapshot_end;

    SrtDatum *rows; /* SRT_VALUE_CHUNK_ROWS * n_cols, allocated on the first read */
} Sock;

static int64_t wall_clock(void *ud)
{
    SRT_UNUSED(ud);
    return srt_now_us();
}

static int64_t now_ms(const Sock *k)
{
    int64_t us = k->clock(k->clock_ud);
    return us >= 0 ? us / 1000 : -((-us + 999) / 1000);
}

/* Restate an option error with the source's name in front. */
static int named(const SrtSource *s, int rc, SrtErr *err)
{
    char msg[sizeof err->msg];
    snprintf(msg, sizeof msg, "%s", err->msg);
    srt_err_set(err, err->code ? err->code : -rc, "source '%s': %s", s->name, msg);
    return rc;
}

/* Connect to one address, waiting at most SOCK_CONNECT_TIMEOUT_US.  0 or an errno. */
static int connect_one(const struct addrinfo *ai, int *out)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0)
        return errno;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
        *out = fd;
        return 0;
    }
    int e = errno;
    if (e == EINPROGRESS) {
        int64_t deadline = srt_mono_us() + SOCK_CONNECT_TIMEOUT_US;
        for (;;) {
            int64_t left = deadline - srt_mono_us();
            if (left <= 0) {
                e = ETIMEDOUT;
                break;
            }
            struct pollfd p = {fd, POLLOUT, 0};
            int n = poll(&p, 1, (int)(left > 100000 ? 100 : (left + 999) / 1000));
            if (n < 0 && errno != EINTR) {
                e = errno;
                break;
            }
            if (srt_stop_requested()) {
                e = EINTR;
                break;
            }
            if (n > 0) {
                socklen_t len = sizeof e;
                if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len) < 0)
                    e = errno;
                break;
            }
        }
    }
    if (e == 0) {
        *out = fd;
        return 0;
    }
    close(fd);
    return e;
}

static int sock_connect(const SrtSource *s, Sock *k, SrtErr *err)
{
    char port[24];
    snprintf(port, sizeof port, "%lld", (long long)k->port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    int g = getaddrinfo(k->host, port, &hints, &res);
    if (g != 0)
        return srt_err_set(err, SRT_ERR_IO,
                           "source '%s': cannot resolve socket host '%s' (port %s): %s", s->name,
                           k->host, port, g == EAI_SYSTEM ? strerror(errno) : gai_strerror(g));
    int e = EADDRNOTAVAIL;
    for (const struct addrinfo *ai = res; ai; ai = ai->ai_next)
        if ((e = connect_one(ai, &k->fd)) == 0)
            break;
    freeaddrinfo(res);
    if (e != 0) {
        k->fd = -1;
        return srt_err_set(err, SRT_ERR_IO, "source '%s': cannot connect to socket %s:%s: %s",
                           s->name, k->host, port, strerror(e));
    }
    return 0;
}

static int sock_open(SrtSource *s, const SrtOptions *opts, const SrtSchema *schema, SrtErr *err)
{
    Sock *k = srt_mem_calloc(s->mem, sizeof *k);
    if (!k)
        return srt_err_nomem(err, "socket source");
    s->impl = k;
    k->mem = s->mem;
    k->clock = wall_clock;
    k->warn = stderr;
    k->fd = -1;
    k->planned = -1;
    fprintf(k->warn, "WARN: The socket source should not be used for production applications! "
                     "It does not support recovery.\n");
    fflush(k->warn);
    k->host = srt_opts_get(opts, "host");
    if (!k->host || !*k->host)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Set a host to read from with option(\"host\", ...).",
                           s->name);
    if (!srt_opts_get(opts, "port"))
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Set a port to read from with option(\"port\", ...).",
                           s->name);
    int64_t parts;
    int rc = srt_opts_int(opts, "port", 1, &k->port, err);
    if (rc < 0)
        return named(s, rc, err);
    if (k->port > 65535)
        return srt_err_set(err, SRT_ERR_OPTION,
                           "source '%s': Invalid value '%lld' for option 'port', must be a port "
                           "number (1 to 65535)",
                           s->name, (long long)k->port);
    const char *its = srt_opts_value(opts, "includeTimestamp");
    if (its && !srt_str_ieq(its, "true") && !srt_str_ieq(its, "false"))
        return srt_err_set(
            err, SRT_ERR_OPTION,
            "source '%s': includeTimestamp must be set to either \"true\" or \"false\"", s->name);
    k->include_ts = its && srt_str_ieq(its, "true");
    k->n_cols = k->include_ts ? 2 : 1;
    if ((rc = srt_opts_int(opts, "numPartitions", 1, &parts, err)) < 0)
        return named(s, rc, err);
    if ((rc = srt_source_check_schema(s, opts, schema, err)) < 0)
        return rc;
    return sock_connect(s, k, err);
}

static int line_too_long(const SrtSource *s, const Sock *k, SrtErr *err)
{
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "source '%s': a line from socket %s:%lld is longer than %zu bytes, the "
                       "limit of a line",
                       s->name, k->host, (long long)k->port, SRT_LINE_MAX);
}

/* Keep the line [from, to) of bytes, received at ts_ms. */
static int add_line(const SrtSource *s, Sock *k, size_t from, size_t to, int64_t ts_ms, SrtErr *err)
{
    if (to - from > SRT_LINE_MAX)
        return line_too_long(s, k, err);
    if (srt_mem_grow(k->mem, (void **)&k->lines, &k->cap_lines, sizeof *k->lines, k->n_lines + 1) <
        0)
        return srt_err_nomem(err, "socket lines");
    SockLine *l = &k->lines[k->n_lines++];
    l->off = from;
    l->len = (uint32_t)(to - from);
    l->ts_ms = ts_ms;
    return 0;
}

static void end_stream(Sock *k, const char *why)
{
    if (k->fd >= 0)
        close(k->fd);
    k->fd = -1;
    k->eof = 1;
    if (why)
        fprintf(k->warn, "WARN: Stream from %s:%lld failed: %s\n", k->host, (long long)k->port,
                why);
    else
        fprintf(k->warn, "WARN: Stream closed by %s:%lld\n", k->host, (long long)k->port);
    fflush(k->warn);
}

/* Read what the server sent so far (without blocking) and split it into lines. */
static int drain(const SrtSource *s, Sock *k, SrtErr *err)
{
    size_t got = 0;
    int rc = 0;
    while (k->fd >= 0 && got < SOCK_MAX_PER_PLAN) {
        if (srt_mem_grow(k->mem, (void **)&k->bytes, &k->cap_bytes, 1,
                         k->n_bytes + SOCK_READ_SIZE) < 0)
            return srt_err_nomem(err, "socket data");
        ssize_t n = recv(k->fd, k->bytes + k->n_bytes, SOCK_READ_SIZE, MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            end_stream(k, strerror(errno));
            break;
        }
        if (n == 0) {
            end_stream(k, NULL);
            break;
        }
        size_t from = k->n_bytes;
        k->n_bytes += (size_t)n;
        got += (size_t)n;
        int64_t ts = now_ms(k);
        /* A line ends at "\n", "\r" or "\r\n", as Spark's TextSocketMicroBatchStream reads
           it (BufferedReader.readLine): a "\r" ends its line at once, and a "\n" right after
           it, in this read or the next, ends nothing (skip_lf). */
        if (k->skip_lf && from < k->n_bytes) {
            k->skip_lf = 0;
            if (k->bytes[from] == '\n')
                k->tail = ++from;
        }
        for (size_t at = from; at < k->n_bytes; at++) {
            char c = k->bytes[at];
            if (c != '\n' && c != '\r')
                continue;
            if ((rc = add_line(s, k, k->tail, at, ts, err)) < 0)
                return rc;
            if (c == '\r' && at + 1 < k->n_bytes && k->bytes[at + 1] == '\n')
                at++;
            else if (c == '\r' && at + 1 == k->n_bytes)
                k->skip_lf = 1;
            k->tail = at + 1;
        }
        if (k->n_bytes - k->tail > SRT_LINE_MAX) /* a line that cannot end in time */
            return line_too_long(s, k, err);
    }
    if (k->eof && k->tail < k->n_bytes) { /* the final line without '\n' */
        if ((rc = add_line(s, k, k->tail, k->n_bytes, now_ms(k), err)) < 0)
            return rc;
        k->tail = k->n_bytes;
    }
    return 0;
}

static int64_t last_line(const Sock *k)
{
    return k->base + (int64_t)k->n_lines - 1;
}

static int sock_snapshot(SrtSource *s, SrtErr *err)
{
    Sock *k = s->impl;
    int rc = drain(s, k, err);
    if (rc < 0)
        return rc;
    k->snapshot = 1;
    k->snapshot_end = last_line(k);
    return 0;
}

static int sock_plan(SrtSource *s, SrtReadLimit lim, SrtBuf *end, int *has_data, SrtErr *err)
{
    SRT_UNUSED(lim);
    Sock *k = s->impl;
    *has_data = 0;
    if (!k->snapshot) {
        int rc = drain(s, k, err);
        if (rc < 0)
            return rc;
    }
    int64_t upto = k->snapshot ? k->snapshot_end : last_line(k);
    if (upto <= k->planned)
        return 0;
    srt_buf_clear(end);
    srt_buf_printf(end, "%lld", (long long)upto);
    if (end->oom)
        return srt_err_nomem(err, "offsets");
    k->planned = upto;
    *has_data = 1;
    return 0;
}

/* A line offset ("-1", "12"); 0, or -1 if the text is not one. */
static int parse_offset(const char *text, int64_t *out)
{
    char *e;
    errno = 0;
    long long v = strtoll(text, &e, 10);
    while (*e == ' ')
        e++;
    if (errno || e == text || *e != '\0' || v < -1)
        return -1;
    *out = v;
    return 0;
}

static int sock_read(SrtSource *s, const char *start, const char *end, SrtReadFn fn, void *ctx,
                     SrtErr *err)
{
    Sock *k = s->impl;
    int64_t first = -1, upto;
    if ((start && parse_offset(start, &first) < 0) || !end || parse_offset(end, &upto) < 0 ||
        upto < first)
        return srt_err_set(err, SRT_ERR_QUERY, "source '%s': invalid socket offsets %s to %s",
                           s->name, start ? start : "start", end ? end : "null");
    first++;
    if (first < k->base || upto > last_line(k))
        return srt_err_set(
            err, SRT_ERR_QUERY,
            "source '%s': lines %lld to %lld are not available (kept: %lld to %lld); "
            "the socket source does not support recovery",
            s->name, (long long)first, (long long)upto, (long long)k->base,
            (long long)last_line(k));
    if (first > upto)
        return 0;
    if (!k->rows) {
        k->rows = srt_mem_alloc(k->mem, sizeof(SrtDatum) * SRT_VALUE_CHUNK_ROWS * k->n_cols);
        if (!k->rows)
            return srt_err_nomem(err, "socket source rows");
    }
    for (int64_t i = first; i <= upto;) {
        int64_t n = upto - i + 1 < SRT_VALUE_CHUNK_ROWS ? upto - i + 1 : SRT_VALUE_CHUNK_ROWS;
        memset(k->rows, 0, sizeof(SrtDatum) * (size_t)n * k->n_cols);
        for (int64_t j = 0; j < n; j++, i++) {
            const SockLine *l = &k->lines[i - k->base];
            SrtDatum *d = &k->rows[j * k->n_cols];
            d[0].p = k->bytes + l->off;
            d[0].n = l->len;
            if (k->include_ts)
                d[1].i = l->ts_ms * 1000;
        }
        int rc = fn(ctx, s->name, (const char *)k->rows, sizeof(SrtDatum) * (size_t)n * k->n_cols, NULL);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Release the lines up to offset end. */
static int sock_commit(SrtSource *s, const char *end, SrtErr *err)
{
    Sock *k = s->impl;
    int64_t upto;
    if (!end || parse_offset(end, &upto) < 0)
        return srt_err_set(err, SRT_ERR_QUERY, "source '%s': invalid socket offset %s", s->name,
                           end ? end : "null");
    if (upto < k->base)
        return 0;
    size_t drop = (size_t)(upto - k->base + 1);
    if (drop > k->n_lines)
        drop = k->n_lines;
    if (drop == 0)
        return 0;
    size_t keep_from = drop < k->n_lines ? k->lines[drop].off : k->tail;
    if (keep_from > 0)
        memmove(k->bytes, k->bytes + keep_from, k->n_bytes - keep_from);
    k->n_bytes -= keep_from;
    k->tail -= keep_from;
    memmove(k->lines, k->lines + drop, (k->n_lines - drop) * sizeof *k->lines);
    k->n_lines -= drop;
    for (size_t i = 0; i < k->n_lines; i++)
        k->lines[i].off -= keep_from;
    k->base += (int64_t)drop;
    /* Do not keep the buffers of one huge batch forever. */
    if (k->cap_bytes > ((size_t)64 << 20) && k->n_bytes < k->cap_bytes / 8) {
        size_t ncap = k->n_bytes + SOCK_READ_SIZE;
        char *nb = srt_mem_realloc(k->mem, k->bytes, k->cap_bytes, ncap);
        if (nb) {
            k->bytes = nb;
            k->cap_bytes = ncap;
        }
    }
    return 0;
}

static int sock_finished(SrtSource *s)
{
    const Sock *k = s->impl;
    return k && k->eof && k->planned >= last_line(k);
}

/* The connection, until the stream ended (and not for Trigger.AvailableNow's snapshot). */
static int sock_wait_fd(SrtSource *s)
{
    const Sock *k = s->impl;
    return k && !k->snapshot && !k->eof ? k->fd : -1;
}

static void sock_close(SrtSource *s)
{
    Sock *k = s->impl;
    if (!k)
        return;
    if (k->fd >= 0)
        close(k->fd);
    srt_mem_free(k->mem, k->bytes, k->cap_bytes);
    srt_mem_free(k->mem, k->lines, k->cap_lines * sizeof *k->lines);
    if (k->rows)
        srt_mem_free(k->mem, k->rows, sizeof(SrtDatum) * SRT_VALUE_CHUNK_ROWS * k->n_cols);
    srt_mem_free(k->mem, k, sizeof *k);
    s->impl = NULL;
}

static void sock_describe(SrtSource *s, SrtBuf *out)
{
    Sock *k = s->impl;
    srt_buf_printf(out, "TextSocketV2[host: %s, port: %lld]", k->host ? k->host : "",
                   (long long)k->port);
}

void srt_source_socket_set_clock(SrtSource *s, SrtClockFn fn, void *ud)
{
    Sock *k = s->impl;
    if (k && s->vt == &srt_source_socket_vt) {
        k->clock = fn ? fn : wall_clock;
        k->clock_ud = ud;
    }
}

const SrtSourceVt srt_source_socket_vt = {
    .connector = "socket",
    .open = sock_open,
    .snapshot = sock_snapshot,
    .plan = sock_plan,
    .read = sock_read,
    .commit = sock_commit,
    .close = sock_close,
    .describe = sock_describe,
    .finished = sock_finished,
    .wait_fd = sock_wait_fd,
};
