/* SPDX-License-Identifier: MIT */
/* core/digest.h — what a manager's weekly mail says (`lnd digest`): what is due (check-ins
 * by cadence, KRs by their due week), which KRs went off track since a day, and which
 * check-ins lowered confidence. Stateless: recomputed from the plan and check-in history
 * each time. Pure. */
#ifndef LND_DIGEST_H
#define LND_DIGEST_H

#include "arena.h"
#include "dates.h"
#include "plan.h"
#include "progress.h"
#include "report.h"

typedef struct {
    size_t kr;            /* index into plan->krs */
    bool checkin;         /* true: a check-in is due by cadence; false: the KR is due */
    lnd_day when;         /* due date (before today: overdue) */
} digest_due;

typedef struct {
    size_t kr;
    lnd_status before, now;   /* status on the since day and today */
} digest_off;

typedef struct {
    size_t kr;
    const lnd_checkin *c;     /* the check-in that lowered it (in the caller's history) */
    int from;                 /* the confidence before it */
} digest_drop;

typedef struct {
    digest_due *due;   size_t ndue;
    digest_off *off;   size_t noff;
    digest_drop *drop; size_t ndrop;
} digest;

/* h: per KR of p, newest first. mine: only KRs whose owner or co-owner, or whose objective's
 * owner or business owner, is this user (NULL = all). Lists in cascade order. */
void digest_build(const lnd_plan *p, const report_history *h, const progress_rules *r, lnd_day today,
                  lnd_day since, const char *mine, lnd_arena *a, digest *out);

#endif
