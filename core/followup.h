/* SPDX-License-Identifier: MIT */
/* core/followup.h — the follow-up schedule of one cycle's plan: the programme serving a
 * behaviour or results KR (the latest-ending live one on its objective or above it) schedules
 * check-ins at +30, +60 and +90 days after it ends (configurable; core/window.h). A follow-up
 * is done when a check-in settled it (marked by the store, or, for older check-ins, dated in
 * its span). Pure: computed from a loaded plan, its check-ins and today. */
#ifndef LND_FOLLOWUP_H
#define LND_FOLLOWUP_H

#include "dates.h"
#include "plan.h"
#include "window.h"

typedef struct {
    size_t prog;          /* index into plan->progs */
    size_t kr;            /* index into plan->krs */
    int offset_days;      /* 30, 60, 90 ... */
    lnd_day due;
    lnd_day window_close; /* last day of the KR's measurement window */
    window_fu_state state;
} lnd_followup;

/* Last day of a programme: the Sunday of its end week. */
lnd_day followup_programme_end(const lnd_plan *p, size_t prog);

/* The programme serving KR index k whose end starts its window (latest end, then highest
 * id); -1 when none serves it or the KR is not a behaviour or results KR. */
long followup_serving(const lnd_plan *p, size_t k);

/* Every follow-up of the plan, sorted by due date then KR id. cs: the cycle's check-ins (any
 * order, may be NULL). */
size_t followup_list(const lnd_plan *p, const window_rules *r, const lnd_checkin *cs, size_t ncs,
                     lnd_day today, lnd_arena *a, lnd_followup **out);

#endif
