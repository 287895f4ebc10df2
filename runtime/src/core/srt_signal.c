/* srt_signal.c - graceful stop: SIGINT/SIGTERM set a flag that the run loop checks
** between batches.  The flag is the runtime's only mutable global; the handler does
** nothing else.  A second signal gets the default action (SA_RESETHAND).
*/
#include <signal.h>
#include <string.h>

#include "srt_int.h"

static volatile sig_atomic_t stop_flag;

static void on_stop_signal(int sig)
{
    SRT_UNUSED(sig);
    stop_flag = 1;
}

int srt_signal_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; /* no SA_RESTART: sleeps end early */
    if (sigaction(SIGINT, &sa, NULL) < 0 || sigaction(SIGTERM, &sa, NULL) < 0)
        return -SRT_ERR_IO;
    /* A closed stdout is a write error reported by the sink, not a silent death. */
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, NULL);
    return 0;
}

int srt_stop_requested(void)
{
    return stop_flag != 0;
}

void srt_stop_reset(void)
{
    stop_flag = 0;
}
