/* SPDX-License-Identifier: MIT */
/* core/cycle_pick.c — the default cycle of a command or screen (see cycle_pick.h). Must stay
 * pure: no clock (today is handed in), no store, no printing. */
#include "cycle_pick.h"

#include <stdio.h>

static lnd_day start_of(const lnd_cycle *c)
{
    lnd_day d = 0;
    return date_parse(c->start ? c->start : "", &d) ? d : 0;
}

/* Higher is preferred: the cycle containing today (active, then in review), then any active
 * one, then one in review, then anything else. */
static int rank(const lnd_cycle *c, lnd_day today)
{
    lnd_day s = start_of(c);
    bool now = s <= today && today < s + 7L * c->weeks;
    if (c->state == CYCLE_ACTIVE && now) return 4;
    if (c->state == CYCLE_REVIEW && now) return 3;
    if (c->state == CYCLE_ACTIVE) return 2;
    if (c->state == CYCLE_REVIEW) return 1;
    return 0;
}

static bool later(const lnd_cycle *a, const lnd_cycle *b)
{
    lnd_day sa = start_of(a), sb = start_of(b);
    return sa != sb ? sa > sb : a->id > b->id;
}

long cycle_review_pending(const lnd_cycle *cs, size_t n)
{
    long best = -1;
    for (size_t i = 0; i < n; i++)
        if (cs[i].state == CYCLE_REVIEW && (best < 0 || later(&cs[best], &cs[i]))) best = (long)i;
    return best;
}

long cycle_pick(const lnd_cycle *cs, size_t n, lnd_day today, cycle_purpose why)
{
    if (why == CYCLE_FOR_REVIEW) {
        long r = cycle_review_pending(cs, n);
        if (r >= 0) return r;
    }
    long best = -1;
    int best_rank = -1;
    for (size_t i = 0; i < n; i++) {
        int r = rank(&cs[i], today);
        if (r > best_rank || (r == best_rank && later(&cs[i], &cs[best]))) {
            best = (long)i;
            best_rank = r;
        }
    }
    return best;
}

static void ymd(lnd_day d, int *y, int *m)
{
    char b[16];
    date_format(d, b, sizeof b);
    if (sscanf(b, "%4d-%2d", y, m) != 2) *y = 1970, *m = 1;
}

void cycle_suggest(const lnd_cycle *cs, size_t n, lnd_day today, char *name, size_t nn, lnd_day *start)
{
    long last = -1;
    for (size_t i = 0; i < n; i++)
        if (last < 0 || later(&cs[i], &cs[last])) last = (long)i;
    int y, m;
    if (last >= 0) {
        *start = start_of(&cs[last]) + 7L * cs[last].weeks;
        ymd(*start + 3, &y, &m);   /* a Monday start names the quarter its week falls in */
    } else {
        ymd(today, &y, &m);
        lnd_day first = date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
        long wd = ((first + 3) % 7 + 7) % 7;   /* 0 = Monday (1970-01-01 was a Thursday) */
        *start = first + (7 - wd) % 7;
    }
    snprintf(name, nn, "%04d-Q%d", y, (m - 1) / 3 + 1);
}
