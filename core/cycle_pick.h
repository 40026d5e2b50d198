/* SPDX-License-Identifier: MIT */
/* core/cycle_pick.h — which cycle a command or screen shows when none is named, as one rule
 * (issue 14). Pure: the cycles and today are handed in; no I/O, no SQL. */
#ifndef LND_CYCLE_PICK_H
#define LND_CYCLE_PICK_H

#include <stddef.h>
#include "dates.h"
#include "model.h"

typedef enum {
    /* status and the dashboard: the cycle whose dates contain today (active first, then one in
     * review), else the newest active one, else the one in review, else the newest by start */
    CYCLE_FOR_NOW,
    /* review and report: the cycle in review until it is closed (the earliest-starting one if
     * several are), else as CYCLE_FOR_NOW */
    CYCLE_FOR_REVIEW,
} cycle_purpose;

/* Index into cs (any order) of the cycle shown for that purpose; -1 when n is 0. Ties go to
 * the later start, then the higher id. */
long cycle_pick(const lnd_cycle *cs, size_t n, lnd_day today, cycle_purpose why);
/* Index of the cycle whose review is pending (state review; the earliest-starting one), -1
 * when none is: "review of 2026-Q4 pending". */
long cycle_review_pending(const lnd_cycle *cs, size_t n);

/* What the dashboard offers when a cycle is to be created: after the newest cycle (by start)
 * the next one, starting the day after it ends; with none, the quarter containing today,
 * starting the Monday on or after its first day (2027-Q1: 2027-01-04). The name is the
 * quarter the start falls in, "YYYY-Qn" (name >= 8 bytes). */
void cycle_suggest(const lnd_cycle *cs, size_t n, lnd_day today, char *name, size_t nn, lnd_day *start);

#endif
