/* SPDX-License-Identifier: MIT */
/* core/pace.h — fair pace for key results: how much progress is expected by a given day.
 * Pace counts elapsed days (not weeks); it starts when the earliest programme serving the KR
 * starts (else the cycle start), a lagging KR starts a configurable lag after that, and a
 * milestone (0 -> 1) is judged by its due week only. After the cycle's last day a KR reads
 * met / missed / not measured. Pure functions: the caller hands in every date. */
#ifndef LND_PACE_H
#define LND_PACE_H

#include "dates.h"
#include "model.h"
#include "progress.h"

/* Everything pace needs to know about when "now" is, for one KR. */
typedef struct {
    lnd_day start;        /* the cycle's first day */
    int weeks;            /* the cycle's length in weeks */
    lnd_day today;
    int prog_week;        /* start week of the earliest programme serving the KR, 0 = none */
} pace_when;

/* A milestone: done / not done, stored as baseline 0 and target 1 (increase). */
bool pace_is_milestone(const lnd_kr *kr);
/* The day after the KR's due week ends (due week 0 or beyond the cycle = the last week). */
lnd_day pace_due_end(const lnd_kr *kr, const pace_when *w);
/* The day the KR's pace starts: the serving programme's first day (else the cycle's), plus
 * lag_weeks for a lagging KR. */
lnd_day pace_start(const lnd_kr *kr, const pace_when *w, int lag_weeks);
/* Fraction of [from, to) elapsed by today: 0 on the first day, 1 from `to` on. A span of no
 * days is 0 before `to` and 1 from it. */
double pace_elapsed(lnd_day from, lnd_day to, lnd_day today);
/* Expected progress of the KR today, 0..1 (a milestone: 0 until its due week is over). */
double pace_expected(const lnd_kr *kr, const pace_when *w, int lag_weeks);
/* True once the cycle's last day is behind today. */
bool pace_cycle_ended(const pace_when *w);
/* The KR's status today, in this order: after the cycle: MET (progress 1), MISSED, or
 * NOT_MEASURED (no check-in); a milestone: DONE, NOT_DUE until its due week is over, then
 * OFF_TRACK; no check-in: NONE while the expected progress is within the at-risk margin,
 * else AT_RISK; otherwise progress_status against the expected progress. */
lnd_status pace_kr_status(const progress_rules *r, const lnd_kr *kr, const pace_when *w);

#endif
