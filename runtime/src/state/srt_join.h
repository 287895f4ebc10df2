/* srt_join.h - the hash tables of a query's joins (srt_join.c), for the query's life cycle.
**
** A query holds one SrtJoin per registered join (srt_prog_query_join).  Before a batch reads
** its input, srt_query_joins_refresh brings every table up to date: the first time, and
** whenever the version of the build side's input changed (files: listed names, sizes and
** modification times), the build query runs again as a batch over all of it and its result
** rows replace the table; a batch sees one version throughout.
*/
#ifndef SRT_JOIN_H
#define SRT_JOIN_H

#include "srt_int.h"

/* Create the query's join tables (empty; nothing is read yet). */
int srt_query_joins_create(SrtQuery *q, SrtErr *err);
/* Rebuild the tables whose input changed (or was never read).  0 or a negative code. */
int srt_query_joins_refresh(SrtQuery *q, SrtErr *err);
/* Make the build rows no probe row matched of each full outer join into rows of the batch
   (after its input was read).  0 or a negative code (the query failed). */
int srt_query_joins_unmatched(SrtQuery *q);
void srt_query_joins_free(SrtQuery *q);

/* The sink of a build query: its rows stay with the query (srt_join.c reads them). */
extern const SrtSinkVt srt_sink_join_vt;

#endif
