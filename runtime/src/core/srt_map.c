/* srt_map.c - private mappings of input files, guarded against truncation.
**
** The files source maps a large file instead of copying it with pread: the parser reads the
** page cache directly (the kernel's copy was about a tenth of a JSON query's time); a page
** it writes (a lone '\r' made '\n') becomes its own copy.  A file
** cut shorter while it is mapped makes the pages past its new end raise SIGBUS when touched.
** That cannot be turned back into a read error (the generated loop may be half way through
** a record on any thread), so the handler installed here names the file, says that the
** batch was not committed, and ends the process with exit status 1, the status of any failed
** query: nothing of the batch was committed, so a restart from the checkpoint reads it again
** (the same as a process killed mid-batch).  The storage failing to give a page (an I/O
** error: BUS_OBJERR) is reported the same way.  A SIGBUS at an address no mapping covers gets
** the default action.
**
** The guard knows the live mappings through a fixed table of slots (base address, length,
** name) that the handler reads without locks; a mapping is published by storing its base
** last and withdrawn by clearing it before munmap.  When every slot is taken, srt_map_open
** declines and the caller reads the file instead.
*/
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "srt_int.h"

#define MAP_SLOTS 64
#define MAP_NAME 512

typedef struct MapSlot {
    atomic_uintptr_t base; /* 0: free; 1: being filled; else the mapping's address */
    size_t len;
    char name[MAP_NAME];
} MapSlot;

struct SrtMap {
    MapSlot *slot;
    char *data;
    size_t len;
};

static MapSlot slots[MAP_SLOTS];
static atomic_int guard_state; /* 0: not installed, 1: installing, 2: installed */

/* Append s to buf[*n, cap) for the handler's message (async-signal-safe). */
static void put(char *buf, size_t cap, size_t *n, const char *s)
{
    while (*s && *n < cap)
        buf[(*n)++] = *s++;
}

static void put_u64(char *buf, size_t cap, size_t *n, uint64_t v)
{
    char d[24];
    int k = 0;
    do
        d[k++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    while (k > 0 && *n < cap)
        buf[(*n)++] = d[--k];
}

static void on_sigbus(int sig, siginfo_t *si, void *uctx)
{
    SRT_UNUSED(uctx);
    uintptr_t a = (uintptr_t)si->si_addr;
    for (int i = 0; i < MAP_SLOTS; i++) {
        uintptr_t b = atomic_load(&slots[i].base);
        if (b <= 1 || a < b || a - b >= slots[i].len)
            continue;
        char msg[MAP_NAME + 400];
        size_t n = 0;
        put(msg, sizeof msg, &n, "error: cannot read ");
        put(msg, sizeof msg, &n, slots[i].name);
        if (si->si_code == BUS_ADRERR) { /* a page past the file's end */
            put(msg, sizeof msg, &n, ": the file became shorter while it was read (it had ");
            put_u64(msg, sizeof msg, &n, slots[i].len);
            put(msg, sizeof msg, &n, " bytes; byte ");
            put_u64(msg, sizeof msg, &n, a - b);
            put(msg, sizeof msg, &n, " is gone): files must not change once in the source directory");
        } else { /* BUS_OBJERR: the storage failed to give the page */
            put(msg, sizeof msg, &n, ": an I/O error at byte ");
            put_u64(msg, sizeof msg, &n, a - b);
            put(msg, sizeof msg, &n, " of its ");
            put_u64(msg, sizeof msg, &n, slots[i].len);
            put(msg, sizeof msg, &n, " bytes");
        }
        put(msg, sizeof msg, &n, "; the batch was not committed, a restart reads it again\n");
        ssize_t w = write(STDERR_FILENO, msg, n);
        SRT_UNUSED(w);
        _exit(1);
    }
    /* Not ours: the default action, on the same fault when the handler returns. */
    signal(sig, SIG_DFL);
}

static int install_guard(void)
{
    int st = atomic_load(&guard_state);
    if (st == 2)
        return 0;
    int expect = 0;
    if (!atomic_compare_exchange_strong(&guard_state, &expect, 1))
        return atomic_load(&guard_state) == 2 ? 0 : -1; /* another thread installs: read instead */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    if (sigaction(SIGBUS, &sa, NULL) < 0) {
        atomic_store(&guard_state, 0);
        return -1;
    }
    atomic_store(&guard_state, 2);
    return 0;
}

SrtMap *srt_map_open(SrtMem *mem, int fd, size_t len, const char *name)
{
    if (len == 0 || install_guard() < 0)
        return NULL;
    MapSlot *slot = NULL;
    for (int i = 0; i < MAP_SLOTS && !slot; i++) {
        uintptr_t free_ = 0;
        if (atomic_compare_exchange_strong(&slots[i].base, &free_, 1))
            slot = &slots[i];
    }
    if (!slot)
        return NULL;
    SrtMap *m = srt_mem_alloc(mem, sizeof *m);
    /* Private and writable: the reader may rewrite a byte (a lone '\r' as '\n'), which copies
       that page and never reaches the file; the others stay the page cache's. */
    void *p = m ? mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    if (p == MAP_FAILED) {
        srt_mem_free(mem, m, sizeof *m);
        atomic_store(&slot->base, 0);
        return NULL;
    }
    slot->len = len;
    size_t n = strlen(name);
    if (n >= MAP_NAME)
        n = MAP_NAME - 1;
    memcpy(slot->name, name, n);
    slot->name[n] = '\0';
    atomic_store(&slot->base, (uintptr_t)p);
    *m = (SrtMap){slot, p, len};
    return m;
}

char *srt_map_data(const SrtMap *m)
{
    return m->data;
}

size_t srt_map_len(const SrtMap *m)
{
    return m->len;
}

void srt_map_close(SrtMem *mem, SrtMap *m)
{
    if (!m)
        return;
    munmap(m->data, m->len);
    atomic_store(&m->slot->base, 0);
    srt_mem_free(mem, m, sizeof *m);
}
