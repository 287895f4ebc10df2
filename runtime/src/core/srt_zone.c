/* srt_zone.c - time zones named in data, resolved on first use and kept for the process.
**
** The compiler embeds the rules of the zones a query names as constants (common/cm_tz.h).
** A zone that appears only in data (the zone of a timestamp string a CAST, to_timestamp or
** a JSON/CSV column reads, the zone column of from_utc_timestamp) is resolved here by the
** same rule, cm_zone_resolve (Spark's getZoneId: ZoneId.of with SHORT_IDS, a region's TZif
** file under $TZDIR or /usr/share/zoneinfo), the first time the process meets its id; the
** answer (a fixed offset, a region's rules, or java.time's message for an unknown id) is kept
** for the life of the process, so the machine needs tzdata only for zones found in data.
**
** One cache for the process, shared by every query and the worker threads of --threads (as
** srt_map.c's slots): a fixed open-addressing table of entry pointers that lookups probe
** without a lock (an entry is immutable once published by a release store); a miss takes the
** mutex, probes again, resolves and publishes.  Entries are never freed.  The regions are
** bounded by the tz database; other answers (fixed offsets, unknown ids, which data can make
** up without end) stop being kept after ZONE_OTHER_MAX of them and are then resolved on each
** use (no file is read for most: cm_zone_resolve refuses a malformed id by its text).
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_tz.h"
#include "srt_int.h"

#define ZONE_SLOTS 4096     /* a power of two */
#define ZONE_OTHER_MAX 2048 /* kept answers other than regions */
#define ZONE_ID_MAX 128     /* longer ids are never kept (none is a zone) */

typedef struct ZoneEntry {
    CmZone z;
    uint32_t n;
    char id[ZONE_ID_MAX];
} ZoneEntry;

static _Atomic(ZoneEntry *) slots[ZONE_SLOTS];
static pthread_mutex_t slots_mu = PTHREAD_MUTEX_INITIALIZER;
static int n_other; /* under slots_mu */

/* FNV-1a */
static uint32_t zone_hash(const char *s, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The entry of id s[0, n), or NULL; *slot: where the probe ended (the first empty slot, or
   -1 when the table is full). */
static ZoneEntry *zone_probe(const char *s, uint32_t n, int *slot)
{
    uint32_t i = zone_hash(s, n) & (ZONE_SLOTS - 1);
    for (int k = 0; k < ZONE_SLOTS; k++, i = (i + 1) & (ZONE_SLOTS - 1)) {
        ZoneEntry *e = atomic_load_explicit(&slots[i], memory_order_acquire);
        if (!e) {
            *slot = (int)i;
            return NULL;
        }
        if (e->n == n && memcmp(e->id, s, n) == 0)
            return e;
    }
    *slot = -1;
    return NULL;
}

static int zone_answer(const CmZone *z, int32_t *off_s, const int64_t **rules, char *msg,
                       uint32_t msg_cap)
{
    *off_s = z->off_s;
    *rules = z->table;
    if (msg && msg_cap) {
        snprintf(msg, msg_cap, "%s", z->kind == CM_ZONE_INVALID ? z->msg : "");
        if (z->kind == CM_ZONE_INVALID && z->no_db)
            snprintf(msg + strlen(msg), msg_cap - strlen(msg),
                     " (the tz database at %s is missing: install tzdata, or set TZDIR)",
                     cm_tz_dir());
    }
    return (int)z->kind;
}

/* Resolve and keep id s[0, n) (the caller holds slots_mu and found no entry); NULL when it
   is not kept (*z then holds the answer, with no table). */
static ZoneEntry *zone_add(const char *s, uint32_t n, int slot, CmZone *z)
{
    cm_zone_resolve(s, n, z);
    bool keep =
        slot >= 0 && n < ZONE_ID_MAX && (z->kind == CM_ZONE_RULES || n_other < ZONE_OTHER_MAX);
    ZoneEntry *e = keep ? malloc(sizeof *e) : NULL;
    if (!e) {
        if (z->kind == CM_ZONE_RULES) { /* no memory to keep it: the id reads as unknown */
            free(z->table);
            z->table = NULL;
            z->kind = CM_ZONE_INVALID;
            snprintf(z->msg, sizeof z->msg, "Unknown time-zone ID: %s", z->region);
        }
        return NULL;
    }
    e->z = *z;
    e->n = n;
    memcpy(e->id, s, n);
    if (z->kind != CM_ZONE_RULES)
        n_other++;
    atomic_store_explicit(&slots[slot], e, memory_order_release);
    return e;
}

/* The answer for id s[0, n): the kept one, or *z when it is not kept. */
static const CmZone *zone_lookup(const char *s, uint32_t n, CmZone *z)
{
    int slot;
    ZoneEntry *e = n < ZONE_ID_MAX ? zone_probe(s, n, &slot) : NULL;
    if (e)
        return &e->z;
    pthread_mutex_lock(&slots_mu);
    e = n < ZONE_ID_MAX ? zone_probe(s, n, &slot) : NULL;
    if (!e)
        e = zone_add(s, n, n < ZONE_ID_MAX ? slot : -1, z);
    pthread_mutex_unlock(&slots_mu);
    return e ? &e->z : z;
}

int srt_zone_find(const char *s, uint32_t n, int32_t *off_s, const int64_t **rules, char *msg,
                  uint32_t msg_cap)
{
    CmZone z;
    return zone_answer(zone_lookup(s, n, &z), off_s, rules, msg, msg_cap);
}

int srt_zone_region(const char *s, uint32_t n, int32_t *off_s, const int64_t **rules)
{
    CmZone tmp;
    const CmZone *z = zone_lookup(s, n, &tmp);
    zone_answer(z, off_s, rules, NULL, 0);
    /* A fixed answer for an id that starts with a letter is one of the tz database's fixed
       zones (Etc/GMT+5, Zulu, ...; SHORT_IDS' EST, MST and HST are such zones too), unless it
       is an offset-based id (UTC+01:00: cm_zone_offset's prefix form) */
    if (z->kind == CM_ZONE_FIXED) {
        bool letter = n > 0 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'));
        bool ut = n > 2 && memcmp(s, "UT", 2) == 0 && (s[2] == '+' || s[2] == '-');
        bool utc = n > 3 && (memcmp(s, "UTC", 3) == 0 || memcmp(s, "GMT", 3) == 0) &&
                   (s[3] == '+' || s[3] == '-');
        return letter && !ut && !utc;
    }
    return z->kind == CM_ZONE_RULES && strlen(z->region) == n && memcmp(z->region, s, n) == 0;
}
