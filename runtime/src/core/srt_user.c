/* srt_user.c - current_user(): the user Spark 3.5 names, read from the environment as it runs.
**
** Spark's ReplaceCurrentLike puts CurrentUserContext.CURRENT_USER in current_user()'s place,
** which only the Thrift server and Spark Connect set; otherwise Utils.getCurrentUserName:
** $SPARK_USER, else Hadoop's UserGroupInformation.getCurrentUser().getShortUserName(), which
** without Kerberos is $HADOOP_USER_NAME, else the operating system's login user.  Spark reads
** it on the driver as it plans a batch; sluice reads it in the executable, each call (the
** environment does not change under a running query).
*/
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "srt_int.h"

/* s (n bytes) copied into scratch memory of q. */
static void put_scratch(SrtQuery *q, const char *s, size_t n, const char **out, uint32_t *out_n)
{
    char *c = srt_scratch_alloc(q, n ? n : 1);
    memcpy(c, s, n);
    *out = c;
    *out_n = (uint32_t)n;
}

void srt_current_user(SrtQuery *q, const char **out, uint32_t *out_n)
{
    const char *env = getenv("SPARK_USER");
    if (!env)
        env = getenv("HADOOP_USER_NAME");
    if (env) {
        put_scratch(q, env, strlen(env), out, out_n);
        return;
    }
    struct passwd pw, *found = NULL;
    char buf[1024];
    if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &found) != 0 || !found) {
        put_scratch(q, "", 0, out, out_n);
        return;
    }
    put_scratch(q, found->pw_name, strlen(found->pw_name), out, out_n);
}
