/* SPDX-License-Identifier: MIT */
/* core/summary.h — what every view shows for an objective or KR on a given day: the business
 * result and the delivery of an objective's subtree, its status, and a KR's progress, fair
 * pace and status, computed once here so `lnd status`, JSON, the report and the dashboard
 * agree. Pure functions over a loaded plan; "today" is handed in.
 *
 * An objective's subtree is the objective and every non-archived objective beneath it.
 * Result: the weighted mean progress of the non-archived `results` KRs in the subtree; its
 * status is the weakest of theirs. Delivery: the weighted mean progress of all other KRs in
 * the subtree, judged against their weighted mean expected progress (fair pace). Status: the
 * worse of the two; a business objective with no results KR in its subtree is "not measured"
 * (it never borrows the L&D average). */
#ifndef LND_SUMMARY_H
#define LND_SUMMARY_H

#include "dates.h"
#include "pace.h"
#include "plan.h"
#include "progress.h"

typedef struct {
    double progress;      /* weighted progress of its own KRs, -1 = no KRs (JSON "progress") */
    double rollup;        /* business objectives: mean of direct children, -1 = none */
    double result;        /* business result of the subtree, -1 = no results KR */
    double delivery;      /* delivery of the subtree, -1 = no other KR */
    lnd_status result_status, delivery_status;
    int nresults, ndelivery;  /* KRs behind each number */
    const char *result_note;  /* "no business result measured" or NULL (static text) */
    double pace;          /* share of the cycle's days elapsed */
    double result_pace;   /* expected progress of the result today (its KRs' fair pace) */
    double delivery_pace; /* the same for the delivery */
    int confidence;       /* lowest last confidence of its own KRs, -1 = none given */
    int nkrs;             /* its own non-archived KRs */
    bool has_data;        /* any KR in the subtree has a check-in */
    lnd_status status;
} summary_obj;

typedef struct {
    double progress;
    double pace;          /* expected progress today (fair pace) */
    lnd_status status;
} summary_kr;

/* Week of the plan's cycle on day today (0 before start, weeks+1 after). */
int summary_week_on(const lnd_plan *p, lnd_day today);
/* Where the cycle stands, as people say it: "starts 2027-01-04 (in 3 days)", "week 7 of 13",
 * "ended 5 days ago" / "ended yesterday" / "ended today". buf >= 48. */
void summary_when_text(const lnd_plan *p, lnd_day today, char *buf, unsigned long n);
/* The headline of an objective: its result when it has one, else its delivery (-1 = none). */
double summary_headline(const summary_obj *s);
/* Where the headline should be by today (its KRs' weighted fair pace), for a bar's marker. */
double summary_headline_pace(const summary_obj *s);

/* Verdicts (met / missed / success / learning) exist only once the cycle is in review (or
 * closed); before that a view shows a labelled "score so far", or nothing in planning. */
bool summary_verdict_time(const lnd_cycle *c);

/* The review score suggested for an objective, to the two decimals shown (an objective at
 * 69.96% is suggested as 0.70): from its business result when a results KR is in its subtree
 * (the result leads); a business objective without one gets nothing (-1: no business result
 * measured); another objective's from its own KRs, else its children. -1 = nothing;
 * always -1 for a learning objective (its verdict is its finding, core/learning.h). */
double summary_suggested_score(const lnd_objective *o, const summary_obj *s);

void summary_objective(const lnd_plan *p, size_t oi, const progress_rules *r, lnd_day today,
                       summary_obj *out);
void summary_key_result(const lnd_plan *p, const lnd_kr *kr, const progress_rules *r,
                        lnd_day today, summary_kr *out);
/* The same for a KR known outside a loaded plan (the caller fills w). */
void summary_kr_at(const lnd_kr *kr, const progress_rules *r, const pace_when *w, summary_kr *out);

#endif
