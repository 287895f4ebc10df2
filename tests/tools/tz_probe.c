/* tz_probe.c - reads a zone's rules as sluice does (cm_zone_resolve) and answers queries on
** stdin, for check_tz.py to compare with python3's zoneinfo: "u T" prints the offset at UTC
** second T (cm_tz_offset_at), "l L" the offset ZonedDateTime.of gives local second L
** (cm_tz_local_offset).  Usage: tz_probe ZONE_ID
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_tz.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: tz_probe ZONE_ID\n");
        return 2;
    }
    CmZone z;
    cm_zone_resolve(argv[1], strlen(argv[1]), &z);
    if (z.kind != CM_ZONE_RULES) {
        fprintf(stderr, "tz_probe: %s\n", z.kind == CM_ZONE_FIXED ? "a fixed offset" : z.msg);
        return 1;
    }
    char op;
    int64_t v;
    while (scanf(" %c %" SCNd64, &op, &v) == 2)
        printf("%" PRId32 "\n",
               op == 'u' ? cm_tz_offset_at(z.table, v) : cm_tz_local_offset(z.table, v, false));
    free(z.table);
    return 0;
}
