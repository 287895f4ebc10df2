/* srt_connectors.c - the implementations of the connectors common/cm_connectors.c specifies,
** found by the spec's name: a connector is its spec plus one vtable listed here.
*/
#include <stddef.h>
#include <string.h>

#include "common/cm_connectors.h"
#include "srt_int.h"

static const SrtSourceVt *const sources[] = {&srt_source_files_vt, &srt_source_rate_vt,
                                             &srt_source_rate_micro_vt, &srt_source_socket_vt};
static const SrtSinkVt *const sinks[] = {&srt_sink_console_vt, &srt_sink_files_vt};

const SrtSourceVt *const *srt_source_impls(int *n)
{
    *n = (int)(sizeof sources / sizeof sources[0]);
    return sources;
}

const SrtSinkVt *const *srt_sink_impls(int *n)
{
    *n = (int)(sizeof sinks / sizeof sinks[0]);
    return sinks;
}

const SrtSourceVt *srt_source_lookup(const char *connector)
{
    const CmConnector *spec = cm_connector_find(connector, CM_ROLE_SOURCE | CM_ROLE_TABLE);
    for (size_t i = 0; spec && i < sizeof sources / sizeof sources[0]; i++)
        if (strcmp(sources[i]->connector, spec->name) == 0)
            return sources[i];
    return NULL;
}

const SrtSinkVt *srt_sink_lookup(const char *connector)
{
    const CmConnector *spec = cm_connector_find(connector, CM_ROLE_SINK);
    for (size_t i = 0; spec && i < sizeof sinks / sizeof sinks[0]; i++)
        if (strcmp(sinks[i]->connector, spec->name) == 0)
            return sinks[i];
    return NULL;
}
