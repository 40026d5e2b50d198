/* SPDX-License-Identifier: MIT */
/* core/report_digest.c — what the report says about one KR's check-ins (its first move, its
 * confidence trend, who really logged the newest one, its follow-up series and its cohort
 * comparison), worked out once per KR as the histories stream past, so `lnd report` never
 * holds every check-in of the cycle at once. The words are those report.c and
 * report_series.c write from a whole history. Pure. */
#include "report_int.h"

#include <string.h>

#include "report_series.h"

static const char *kept(lnd_arena *a, lnd_buf *t)
{
    const char *s = arena_strdup(a, buf_str(t));
    buf_free(t);
    *t = (lnd_buf){0};
    return s;
}

void report_digest(const report_input *in, size_t k, const report_history *h, lnd_arena *a, report_kr_digest *d)
{
    const lnd_plan *p = in->plan;
    memset(d, 0, sizeof *d);
    d->first_move = report_first_move(p, &p->krs[k], h);
    lnd_buf t = {0};
    report_confidence_trend(h, &t);
    d->trend = kept(a, &t);
    const lnd_checkin *last = h && h->n ? &h->items[0] : NULL;
    char who[300];
    if (last && strcmp(model_who(last->author, last->account, who, sizeof who), last->author ? last->author : ""))
        d->last_by = arena_strdup(a, who);
    window_rules def;
    const window_rules *r = in->followups;
    if (!r) {
        window_rules_default(&def);
        r = &def;
    }
    if (report_series(p, k, h, r, &t)) d->series = kept(a, &t);
    buf_free(&t);
    t = (lnd_buf){0};
    if (report_cohorts(p, k, h, &t)) d->cohorts = kept(a, &t);
    buf_free(&t);
}
