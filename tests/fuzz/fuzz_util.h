/* fuzz_util.h - temporary directories of the fuzz targets. */
#ifndef SL_FUZZ_UTIL_H
#define SL_FUZZ_UTIL_H

/* Create a fresh directory sluice-fuzz-<what>-XXXXXX in $TMPDIR, else /dev/shm (no disk
   writes for fsync-heavy targets), else /tmp; its path goes to out[4096].  Exits on
   failure.  The first directory made is removed at exit. */
void fuzz_temp_dir(const char *what, char *out);
/* Remove everything below dir (dir itself stays). */
void fuzz_clear_dir(const char *dir);
/* Remove dir and everything below it. */
void fuzz_remove_dir(const char *dir);

#endif
