/* SPDX-License-Identifier: MIT */
/* core/pace.c — fair pace and KR status over time (see pace.h). No I/O. */
#include "pace.h"

#define EPS 1e-9

bool pace_is_milestone(const lnd_kr *kr)
{
    return kr->has_baseline && kr->baseline == 0 && kr->target == 1 && kr->direction == DIR_INCREASE;
}

lnd_day pace_due_end(const lnd_kr *kr, const pace_when *w)
{
    int due = kr->due_week > 0 && kr->due_week <= w->weeks ? kr->due_week : w->weeks;
    if (due < 1) due = 1;
    return w->start + 7L * due;
}

lnd_day pace_start(const lnd_kr *kr, const pace_when *w, int lag_weeks)
{
    lnd_day s = w->start;
    if (w->prog_week > 1) s = date_week_start(w->start, w->prog_week);
    if (kr->indicator == IND_LAGGING && lag_weeks > 0) s += 7L * lag_weeks;
    return s;
}

double pace_elapsed(lnd_day from, lnd_day to, lnd_day today)
{
    if (today >= to) return 1;
    if (to <= from || today <= from) return 0;
    return (double)(today - from) / (double)(to - from);
}

double pace_expected(const lnd_kr *kr, const pace_when *w, int lag_weeks)
{
    lnd_day end = pace_due_end(kr, w);
    if (pace_is_milestone(kr)) return w->today >= end ? 1 : 0;
    return pace_elapsed(pace_start(kr, w, lag_weeks), end, w->today);
}

bool pace_cycle_ended(const pace_when *w)
{
    return w->today >= w->start + 7L * (w->weeks > 0 ? w->weeks : 1);
}

lnd_status pace_kr_status(const progress_rules *r, const lnd_kr *kr, const pace_when *w)
{
    double progress = progress_kr(kr);
    if (pace_cycle_ended(w)) {
        if (!kr->has_current) return STATUS_NOT_MEASURED;
        return progress >= 1 - EPS ? STATUS_MET : STATUS_MISSED;
    }
    if (pace_is_milestone(kr)) {
        if (kr->has_current && progress >= 1 - EPS) return STATUS_DONE;
        return w->today < pace_due_end(kr, w) ? STATUS_NOT_DUE : STATUS_OFF_TRACK;
    }
    double expected = pace_expected(kr, w, r->lag_weeks);
    return progress_status(r, progress, expected, kr->confidence, kr->has_current);
}
