/* SPDX-License-Identifier: MIT */
/* core/summary.h — what every view shows for an objective or KR at a given week: progress,
 * roll-up, pace and status, computed once here so `lnd status`, JSON and the dashboard
 * agree. Pure functions over a loaded plan. */
#ifndef LND_SUMMARY_H
#define LND_SUMMARY_H

#include "plan.h"
#include "progress.h"

typedef struct {
    double progress;      /* weighted KR progress, -1 = no KRs */
    double rollup;        /* business objectives: mean of L&D children, -1 = none */
    double pace;          /* expected progress this week */
    int confidence;       /* lowest last confidence of its KRs, -1 = none given */
    int nkrs;             /* non-archived KRs */
    bool has_data;        /* any KR has a check-in */
    lnd_status status;
} summary_obj;

typedef struct {
    double progress;
    double pace;          /* against the KR's due week */
    lnd_status status;
} summary_kr;

/* Week of the plan's cycle today (0 before start, weeks+1 after), via date_today(). */
int summary_week(const lnd_plan *p);
void summary_objective(const lnd_plan *p, size_t oi, const progress_rules *r, int week,
                       summary_obj *out);
void summary_key_result(const lnd_kr *kr, const progress_rules *r, int week, int weeks,
                        summary_kr *out);

#endif
