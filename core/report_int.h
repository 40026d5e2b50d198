/* SPDX-License-Identifier: MIT */
/* core/report_int.h — private to the report files (report.c, report_scorecard.c,
 * report_findings.c): the sections each file adds (the Markdown-safe writer report_md is in
 * report.h, for report_series.c too). */
#ifndef LND_REPORT_INT_H
#define LND_REPORT_INT_H

#include "report.h"

/* report_scorecard.c */
/* "KRs: 40% activity, 20% learning, 20% behaviour, 20% results" for objective oi, or for the
 * whole plan when oi < 0; nothing when there are no KRs. */
void report_evidence_mix(const lnd_plan *p, long oi, lnd_buf *b);
/* "; confidence 9 → 5 → 7" (runs of one value collapse; "confidence 8, steady"); nothing
 * when no check-in gave one. h newest first. */
void report_confidence_trend(const report_history *h, lnd_buf *b);
void report_kpis(const report_input *in, lnd_buf *b);        /* "## KPIs" */
void report_discipline(const report_input *in, lnd_buf *b);  /* "## Check-in discipline" */

/* report_findings.c: "## Appendix: health findings", one plain sentence each */
void report_findings(const report_input *in, lnd_buf *b);

#endif
