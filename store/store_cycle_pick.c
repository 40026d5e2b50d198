/* SPDX-License-Identifier: MIT */
/* store/store_cycle_pick.c — the default cycle read from the database (store_default_cycle,
 * store_review_pending): the cycles are loaded here, the rule is core/cycle_pick.c. No rule
 * of its own. */
#include "store_int.h"

#include <string.h>

#include "../core/dates.h"

static store_rc pick(store *s, lnd_arena *a, long (*fn)(const lnd_cycle *, size_t, void *), void *ud,
                     lnd_cycle *out)
{
    lnd_cycle *cs;
    size_t n;
    store_rc rc = store_cycles(s, a, &cs, &n);
    if (rc != STORE_OK) return rc;
    long i = fn(cs, n, ud);
    if (i < 0) return st_fail(s, STORE_NOTFOUND, "no cycles yet");
    *out = cs[i];
    return STORE_OK;
}

static long by_purpose(const lnd_cycle *cs, size_t n, void *ud)
{
    return cycle_pick(cs, n, date_today(), *(cycle_purpose *)ud);
}

static long in_review(const lnd_cycle *cs, size_t n, void *ud)
{
    (void)ud;
    return cycle_review_pending(cs, n);
}

store_rc store_default_cycle(store *s, lnd_arena *a, cycle_purpose why, lnd_cycle *out)
{
    return pick(s, a, by_purpose, &why, out);
}

store_rc store_review_pending(store *s, lnd_arena *a, lnd_cycle *out)
{
    store_rc rc = pick(s, a, in_review, NULL, out);
    if (rc == STORE_NOTFOUND) st_fail(s, STORE_NOTFOUND, "no cycle is in review");
    return rc;
}
