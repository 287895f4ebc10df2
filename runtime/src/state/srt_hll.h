/* srt_hll.h - HLL++ constants shared by srt_hll.c and its data table (runtime-internal). */
#ifndef SRT_HLL_H
#define SRT_HLL_H

typedef struct SrtHllTable {
    const double *v;
    int n;
} SrtHllTable;

/* Indexed by precision - 4 (precisions 4..18), as Spark's HyperLogLogPlusPlusHelper. */
extern const double srt_hll_thresholds[15];
extern const SrtHllTable srt_hll_raw[15];
extern const SrtHllTable srt_hll_bias[15];

#endif
