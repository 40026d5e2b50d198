/* SPDX-License-Identifier: MIT */
/* core/report_int.h — private to the report files (report.c, report_scorecard.c,
 * report_findings.c, report_cascade.c): the sections each file adds (the Markdown-safe writer report_md is in
 * report.h, for report_series.c too). */
#ifndef LND_REPORT_INT_H
#define LND_REPORT_INT_H

#include "report.h"

/* report.c: hand the text so far to the caller's writer, if any (report_input.flush). */
void report_emit(const report_input *in, lnd_buf *b);

/* report_scorecard.c */
/* "KRs: 40% activity, 20% learning, 20% behaviour, 20% results" for objective oi, or for the
 * whole plan when oi < 0; nothing when there are no KRs. */
void report_evidence_mix(const lnd_plan *p, long oi, lnd_buf *b);
/* "; confidence 9 → 5 → 7" (runs of one value collapse; "confidence 8, steady"); nothing
 * when no check-in gave one. h newest first. */
void report_confidence_trend(const report_history *h, lnd_buf *b);
void report_kpis(const report_input *in, lnd_buf *b);        /* "## KPIs" */
void report_discipline(const report_input *in, lnd_buf *b);  /* "## Check-in discipline" */

/* report_cascade.c */
/* The cascades the chain of evidence walks, found once per business objective from the child
 * index instead of by walking every objective's ancestors for every business objective
 * (quadratic: 2,000 x 10,000 at the enterprise size). An objective is inside the cascade
 * rooted at R when R is itself or one of its first 63 ancestors (the guard that bounds a
 * parent loop); members and their programmes come out in plan order. */
typedef struct {
    size_t *sub, nsub;      /* the current cascade's objective indexes, in plan order */
    int *depth;             /* per queued member: distance from the root */
    unsigned char *mark;    /* per objective index: in the current cascade */
    size_t *pfirst, *pidx;  /* live programmes per objective index (CSR), in plan order */
    size_t *progs, nprogs;  /* the current cascade's programmes, in plan order */
} cascade_index;
bool report_cascade_init(const lnd_plan *p, cascade_index *ci);   /* false: out of memory */
void report_cascade_free(cascade_index *ci);
/* Fill ci with the cascade rooted at objective index root; report_cascade_done clears it. */
void report_cascade_of(const lnd_plan *p, cascade_index *ci, size_t root);
void report_cascade_done(cascade_index *ci);

/* report_findings.c: "## Appendix: health findings", one plain sentence each */
void report_findings(const report_input *in, lnd_buf *b);

#endif
