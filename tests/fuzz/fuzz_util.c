/* fuzz_util.c - temporary directories of the fuzz targets. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_util.h"

static char made[4096];

static void remove_made(void)
{
    fuzz_remove_dir(made);
}

void fuzz_temp_dir(const char *what, char *out)
{
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(out, 4096, "%s/sluice-fuzz-%s-XXXXXX", base, what);
    if (!mkdtemp(out)) {
        perror("fuzz: cannot create a temporary directory");
        exit(1);
    }
    if (!made[0]) {
        memcpy(made, out, sizeof made);
        atexit(remove_made);
    }
}

static const char *clear_root;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    if (ftw->level == 0 && clear_root && strcmp(path, clear_root) == 0)
        return 0;
    remove(path);
    return 0;
}

void fuzz_clear_dir(const char *dir)
{
    clear_root = dir;
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    clear_root = NULL;
}

void fuzz_remove_dir(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
