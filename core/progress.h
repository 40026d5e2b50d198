/* SPDX-License-Identifier: MIT */
/* core/progress.h — the numbers of the domain: KR and objective progress, roll-ups, pace,
 * status, colour bands, type-aware verdicts and behaviour check-in values. Pure functions. */
#ifndef LND_PROGRESS_H
#define LND_PROGRESS_H

#include "model.h"
#include "plan.h"

/* Thresholds; defaults from progress_defaults(), overridden by the config. */
typedef struct {
    double at_risk_margin;   /* at risk when progress < pace - at_risk_margin (default 0.10) */
    double off_track_margin; /* off track when progress < pace - off_track_margin (default 0.25) */
    int low_confidence;      /* last confidence <= this is at risk (default 4) */
    int very_low_confidence; /* last confidence <= this is off track (default 2) */
    double band_green;       /* score >= band_green is green (default 0.7) */
    double band_amber;       /* score >= band_amber is amber, else red (default 0.4) */
    int lag_weeks;           /* a lagging KR's pace starts this many weeks late (default 4) */
    int confidence_drop;     /* a drop this big needs a note (default 3; 0 = never) */
} progress_rules;

void progress_defaults(progress_rules *r);

/* A check-in whose confidence (now) falls confidence_drop or more below the last one given
 * (before; -1 = none) needs a note saying why: true when the note is missing or blank. */
bool progress_drop_needs_note(const progress_rules *r, int before, int now, const char *note);

/* (current - baseline) / (target - baseline) clamped to [0,1]. Without a check-in the value
 * is the baseline (progress 0). target == baseline: 1 if current meets or beats the target in
 * the KR's direction, else 0. A KR without a baseline counts from 0. */
double progress_kr(const lnd_kr *kr);

/* A KR's weight: a weight that is not > 0 (unset, zero, negative, NaN) counts as 1. */
double progress_kr_weight(const lnd_kr *kr);

/* Weighted mean of the non-archived KRs of objective oi; -1 when it has no KRs. A weight
 * that is not > 0 counts as the default 1. */
double progress_objective(const lnd_plan *p, size_t oi);

/* Roll-up of a business objective: mean of its direct non-archived children's progress
 * (children with no KRs are skipped); -1 when there is nothing to roll up. */
double progress_rollup(const lnd_plan *p, size_t oi);

/* Expected progress at week w of n: w / n, clamped to [0,1]. */
double progress_pace(int week, int weeks);

/* Status from progress vs pace and the last confidence (-1 = none), in this order:
 * has_data false: STATUS_NONE ("no data yet") while pace <= at_risk_margin, else AT_RISK
 * (missing check-ins are a risk, never OFF_TRACK by themselves); progress >= 1 is DONE;
 * confidence <= very_low_confidence or progress < pace - off_track_margin is OFF_TRACK;
 * progress < pace - at_risk_margin or confidence <= low_confidence is AT_RISK; else ON_TRACK.
 * Exactly at a margin counts as not behind. */
lnd_status progress_status(const progress_rules *r, double progress, double pace,
                           int confidence, bool has_data);

/* How bad a status is, for "the weakest wins": no data 0, done / met / not due 1, on track 2,
 * at risk 3, not measured 4, off track / missed 5. */
int progress_status_severity(lnd_status s);
/* The worse of two statuses (a tie keeps a). */
lnd_status progress_status_worse(lnd_status a, lnd_status b);

lnd_band progress_band(const progress_rules *r, double score);

/* Verdict for an end-of-cycle score judged by type: committed is "met" only at 1.0, else
 * "missed"; aspirational is "success" at >= 0.7, "partial" at 0.4 up to 0.7, "missed" below;
 * learning is always "learning" (the retrospective carries the result). A 1e-9 tolerance
 * applies at every threshold. progress_verdict_name gives the short phrase. */
typedef enum { VERDICT_MET, VERDICT_MISSED, VERDICT_SUCCESS, VERDICT_PARTIAL, VERDICT_LEARNING } lnd_verdict;
lnd_verdict progress_verdict(lnd_otype type, double score);
const char *progress_verdict_name(lnd_verdict v);

/* Behaviour check-in: applied of observed as a percentage (0..100).
 * Returns 0 on success, -1 when observed <= 0, applied < 0 or applied > observed. */
int progress_behaviour_value(int observed, int applied, double *out);

#endif
