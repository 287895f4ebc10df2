/* srt_group.c - a query whose source shares its partitions among processes (kafka's
** consumerGroup): one lane per partition this process owns, each lane a whole query.
**
** A lane is the query built by srt_query_new over a variant of the program (srt_prog_derive)
** whose source reads that one partition (SrtGroupVt.narrow: kafka `assign`), whose checkpoint
** is <checkpointLocation>/partitions/<topic>-<partition>/ and whose files sink writes into
** <path>/<topic>-<partition>/ with its own _spark_metadata: the single-partition query as it
** always ran, restartable from its own checkpoint by whichever process owns the partition next.
** A lane runs only while it holds an exclusive flock on <lane checkpoint>/lock: a partition
** assigned here while its previous owner still runs it (a process stopping, or one the group
** has not yet declared dead) waits, and is tried again at every poll, until that lock is free;
** the kernel frees the lock of a killed process.  Changes are taken only between batches
** (srt_group_poll, from the scheduler), so a revoked lane is closed with nothing half done.
*/
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <unistd.h>

#include "common/cm_connectors.h"
#include "srt_int.h"

typedef struct SrtLane {
    char topic[256];
    int32_t part;
    int lock_fd;      /* -1: waiting for the lock */
    SrtProgram prog;  /* the lane's variant of the program, while q runs */
    SrtQuery *q;      /* NULL: not started */
    char dir[PATH_MAX];
} SrtLane;

struct SrtGroup {
    const SrtProgram *prog;
    int qi, source;
    const SrtEnv *env;
    const char *trig;
    int64_t max_batches;
    const SrtGroupVt *vt;
    SrtGroupMember *member;
    const char *ckpt; /* the query's checkpointLocation */
    SrtLane **lanes;
    size_t n_lanes, cap_lanes;
    SrtQuery **qs; /* the running lanes' queries (n_qs), for the scheduler */
    size_t n_qs, cap_qs;
    SrtErr change_err; /* the first failure inside a change callback */
};

/* The grouped source of query qi, or -1. */
static int grouped_source(const SrtProgram *p, int qi)
{
    const SrtQueryDef *d = &p->queries[qi];
    for (uint32_t i = 0; i < d->n_inputs; i++) {
        const SrtSourceDef *sd = &p->sources[d->inputs[i].source];
        const SrtSourceVt *vt = srt_source_lookup(sd->connector);
        if (vt && vt->group && vt->group->wanted(&sd->opts))
            return d->inputs[i].source;
    }
    return -1;
}

int srt_group_find(const SrtProgram *p)
{
    for (int i = 0; i < p->n_queries; i++)
        if (p->queries[i].sink >= 0 && grouped_source(p, i) >= 0)
            return i;
    return -1;
}

static void lane_free(SrtGroup *g, SrtLane *l)
{
    if (l->q) {
        srt_report_status(l->q, "Stopped", 0, 0);
        srt_query_free(l->q);
        srt_prog_free(&l->prog);
    }
    if (l->lock_fd >= 0)
        close(l->lock_fd); /* releases the flock */
    srt_mem_free(g->env->mem, l, sizeof *l);
}

/* The lane's variant of the program: its partition, its checkpoint, its sink directory. */
static int lane_program(SrtGroup *g, SrtLane *l, SrtErr *err)
{
    SrtProgram *lp = &l->prog;
    if (srt_prog_derive(g->prog, g->env->mem, lp) < 0)
        return srt_err_nomem(err, "lane");
    SrtQueryDef *d = &lp->queries[g->qi];
    char name[512], path[PATH_MAX + 300];
    const char *qname = srt_opts_get(&d->opts, "name");
    if (!qname)
        qname = srt_opts_get(&d->opts, "queryName");
    snprintf(name, sizeof name, "%s[%s-%d]", qname ? qname : d->name, l->topic, (int)l->part);
    int rc = g->vt->narrow(&lp->sources[g->source].opts, &lp->arena, l->topic, l->part);
    if (!rc)
        rc = srt_opts_set(&d->opts, &lp->arena, "checkpointLocation", l->dir);
    if (!rc)
        rc = srt_opts_set(&d->opts, &lp->arena, "name", name);
    SrtSinkDef *kd = &lp->sinks[d->sink];
    const char *sink_path = srt_opts_get(&kd->opts, "path");
    if (!rc && sink_path && srt_sink_lookup(kd->connector) == &srt_sink_files_vt) {
        snprintf(path, sizeof path, "%s/%s-%d", sink_path, l->topic, (int)l->part);
        rc = srt_opts_set(&kd->opts, &lp->arena, "path", path);
    }
    return rc < 0 ? srt_err_nomem(err, "lane") : 0;
}

/* Take the lane's lock if it is free and start its query; 0 also while the lock is held. */
static int lane_try_start(SrtGroup *g, SrtLane *l, SrtErr *err)
{
    if (l->lock_fd < 0) {
        char lock[PATH_MAX + 8];
        int rc = srt_fs_mkdirs(l->dir, "lane checkpoint", err);
        if (rc < 0)
            return rc;
        snprintf(lock, sizeof lock, "%s/lock", l->dir);
        int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return srt_err_set(err, SRT_ERR_IO, "cannot open %s: %s", lock, strerror(errno));
        if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
            int e = errno;
            close(fd);
            if (e == EWOULDBLOCK || e == EINTR)
                return 0; /* its previous owner still runs it */
            return srt_err_set(err, SRT_ERR_IO, "cannot lock %s: %s", lock, strerror(e));
        }
        l->lock_fd = fd;
    }
    int rc = lane_program(g, l, err);
    if (rc < 0) {
        srt_prog_free(&l->prog);
        return rc;
    }
    if ((rc = srt_query_new(&l->prog, g->qi, g->env, g->trig, g->max_batches, &l->q, err)) < 0) {
        srt_query_free(l->q);
        l->q = NULL;
        srt_prog_free(&l->prog);
        return rc;
    }
    return 0;
}

static void on_change(void *ctx, const char *topic, int32_t part, int assigned)
{
    SrtGroup *g = ctx;
    for (size_t i = 0; i < g->n_lanes; i++) {
        SrtLane *l = g->lanes[i];
        if (l->part == part && strcmp(l->topic, topic) == 0) {
            if (assigned)
                return; /* already this process's */
            lane_free(g, l);
            g->lanes[i] = g->lanes[--g->n_lanes];
            return;
        }
    }
    if (!assigned)
        return;
    SrtLane *l = srt_mem_calloc(g->env->mem, sizeof *l);
    if (!l || srt_mem_grow(g->env->mem, (void **)&g->lanes, &g->cap_lanes, sizeof *g->lanes,
                           g->n_lanes + 1) < 0) {
        if (l)
            srt_mem_free(g->env->mem, l, sizeof *l);
        if (!g->change_err.code)
            srt_err_nomem(&g->change_err, "lane");
        return;
    }
    snprintf(l->topic, sizeof l->topic, "%s", topic);
    l->part = part;
    l->lock_fd = -1;
    snprintf(l->dir, sizeof l->dir, "%s/partitions/%s-%d", g->ckpt, topic, (int)part);
    g->lanes[g->n_lanes++] = l;
}

int srt_group_open(const SrtProgram *p, int qi, const SrtEnv *env, const char *trig, int64_t max_batches,
                   SrtGroup **out, SrtErr *err)
{
    SrtGroup *g = srt_mem_calloc(env->mem, sizeof *g);
    *out = g;
    if (!g)
        return srt_err_nomem(err, "consumer group");
    g->prog = p;
    g->qi = qi;
    g->env = env;
    g->trig = trig;
    g->max_batches = max_batches;
    g->source = grouped_source(p, qi);
    const SrtSourceDef *sd = &p->sources[g->source];
    g->vt = srt_source_lookup(sd->connector)->group;
    const SrtQueryDef *d = &p->queries[qi];
    g->ckpt = srt_opts_get(&d->opts, "checkpointLocation");
    if (!g->ckpt || !*g->ckpt)
        return srt_err_set(err, SRT_ERR_OPTION, "consumerGroup: the query must set checkpointLocation "
                                                "(the lanes' checkpoints are shared by every process)");
    const char *sink = p->sinks[d->sink].connector;
    const char *mode = srt_opts_get(&d->opts, "outputMode");
    const char *why = cm_group_sink_refusal(cm_connector_find(sink, CM_ROLE_SINK),
                                            mode && strcasecmp(mode, "complete") == 0);
    if (why)
        return srt_err_set(err, SRT_ERR_OPTION, "consumerGroup: the %s sink %s", sink, why);
    return g->vt->join(&sd->opts, sd->name, env->mem, &g->member, err);
}

int srt_group_poll(SrtGroup *g, SrtQuery ***qs, int *n, SrtErr *err)
{
    srt_err_clear(&g->change_err);
    int rc = g->vt->poll(g->member, on_change, g, err);
    if (rc < 0)
        return rc;
    if (g->change_err.code) {
        *err = g->change_err;
        return -err->code;
    }
    g->n_qs = 0;
    for (size_t i = 0; i < g->n_lanes; i++) {
        SrtLane *l = g->lanes[i];
        if (!l->q && (rc = lane_try_start(g, l, err)) < 0)
            return rc;
        if (!l->q)
            continue;
        if (srt_mem_grow(g->env->mem, (void **)&g->qs, &g->cap_qs, sizeof *g->qs, g->n_qs + 1) < 0)
            return srt_err_nomem(err, "lanes");
        g->qs[g->n_qs++] = l->q;
    }
    *qs = g->qs;
    *n = (int)g->n_qs;
    return 0;
}

void srt_group_close(SrtGroup *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_lanes; i++)
        lane_free(g, g->lanes[i]);
    g->n_lanes = 0;
    if (g->member)
        g->vt->leave(g->member);
    srt_mem_free(g->env->mem, g->lanes, sizeof *g->lanes * g->cap_lanes);
    srt_mem_free(g->env->mem, g->qs, sizeof *g->qs * g->cap_qs);
    srt_mem_free(g->env->mem, g, sizeof *g);
}
