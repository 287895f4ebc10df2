/* srt_connectors.c - the table of source and sink connectors, by `connector` name. */
#include <stddef.h>

#include "srt_int.h"

static const SrtSourceVt *const sources[] = {&srt_source_files_vt, &srt_source_rate_vt,
                                             &srt_source_rate_micro_vt, &srt_source_socket_vt};
static const SrtSinkVt *const sinks[] = {&srt_sink_console_vt, &srt_sink_files_vt};

const SrtSourceVt *srt_source_lookup(const char *connector)
{
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
        if (srt_str_ieq(sources[i]->connector, connector))
            return sources[i];
    return NULL;
}

const SrtSinkVt *srt_sink_lookup(const char *connector)
{
    for (size_t i = 0; i < sizeof sinks / sizeof sinks[0]; i++)
        if (srt_str_ieq(sinks[i]->connector, connector))
            return sinks[i];
    return NULL;
}
