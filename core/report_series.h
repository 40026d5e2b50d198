/* core/report_series.h — after the quarter, in business terms, for the report and the chain
 * of evidence: a KR's series from its baseline through its follow-ups ("First-call resolution
 * 64% (baseline, 2 Oct) → 69% (+30 d) → 71% (+60 d) → +90 d due 13 Feb, target 75%") and
 * the cohort comparison ("trained: 64 → 71; not yet trained: 64 → 65; difference +6 points
 * (5 and 4 check-ins)"). Pure: text into an lnd_buf from the plan and check-ins handed in. */
#ifndef LND_REPORT_SERIES_H
#define LND_REPORT_SERIES_H

#include <stdbool.h>

#include "buf.h"
#include "report.h"
#include "window.h"

/* The series of KR index k; false (nothing written) when no programme schedules follow-ups
 * for it. h: its check-ins, newest first (NULL = none). */
bool report_series(const lnd_plan *p, size_t k, const report_history *h, const window_rules *r, lnd_buf *b);

/* The cohort comparison of KR index k; false (nothing written) when no check-in names a
 * cohort. */
bool report_cohorts(const lnd_plan *p, size_t k, const report_history *h, lnd_buf *b);

/* "2 Oct" (buf >= 8). */
void report_short_date(lnd_day d, char *buf, size_t n);

#endif
