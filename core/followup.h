/* SPDX-License-Identifier: MIT */
/* core/followup.h — behaviour follow-ups: a programme's end schedules check-ins on the
 * behaviour KRs it serves (its objective's and that objective's descendants') at +30, +60
 * and +90 days (configurable). Pure: computed from a loaded plan and today. */
#ifndef LND_FOLLOWUP_H
#define LND_FOLLOWUP_H

#include "dates.h"
#include "plan.h"

typedef enum { FOLLOWUP_OVERDUE, FOLLOWUP_DUE, FOLLOWUP_UPCOMING, FOLLOWUP_DONE } followup_state;

typedef struct {
    size_t prog;          /* index into plan->progs */
    size_t kr;            /* index into plan->krs */
    int offset_days;      /* 30, 60, 90 ... */
    lnd_day due;
    followup_state state;
} lnd_followup;

/* A follow-up counts as logged when the KR has a check-in dated no more than this many days
 * before it is due (or any time after). */
#define FOLLOWUP_EARLY_DAYS 7

/* Last day of a programme: the Sunday of its end week. */
lnd_day followup_programme_end(const lnd_plan *p, size_t prog);

/* Every follow-up of the plan's non-archived programmes, sorted by due date then KR id. */
size_t followup_list(const lnd_plan *p, const int *offsets, size_t noffsets, lnd_day today,
                     lnd_arena *a, lnd_followup **out);

const char *followup_state_name(followup_state s);

#endif
