/* SPDX-License-Identifier: MIT */
/* core/digest.c — the weekly digest's three lists (see digest.h). */
#include "digest.h"

#include <string.h>

#include "carry.h"
#include "summary.h"

static bool same(const char *a, const char *b) { return a && b && *a && !strcmp(a, b); }

static bool mine_kr(const lnd_plan *p, size_t k, const char *user)
{
    if (!user) return true;
    const lnd_kr *kr = &p->krs[k];
    long oi = plan_obj_index(p, kr->objective_id);
    return same(kr->owner, user) || same(kr->coowner, user) ||
           (oi >= 0 && (same(p->objs[oi].owner, user) || same(p->objs[oi].business_owner, user)));
}

/* The local day of a stored stamp (core/dates.c's one reading of stamps); false if none. */
static bool day_of(const char *at, lnd_day *d)
{
    *d = at ? date_stamp_day(at) : -1;
    return *d >= 0;
}

static bool is_off(lnd_status s) { return s == STATUS_OFF_TRACK || s == STATUS_MISSED; }

/* The KR as it stood at the end of day: its latest check-in on or before it. */
static lnd_kr as_of(const lnd_kr *kr, const report_history *h, lnd_day day)
{
    lnd_kr k = *kr;
    k.has_current = false;
    k.confidence = -1;
    k.last_at = NULL;
    for (size_t i = 0; h && i < h->n; i++) {   /* newest first */
        lnd_day d;
        if (!day_of(h->items[i].at, &d) || d > day) continue;
        k.has_current = true;
        k.current = h->items[i].value;
        k.confidence = h->items[i].confidence;
        k.last_at = h->items[i].at;
        break;
    }
    return k;
}

void digest_build(const lnd_plan *p, const report_history *h, const progress_rules *r, lnd_day today,
                  lnd_day since, const char *mine, lnd_arena *a, digest *out)
{
    memset(out, 0, sizeof *out);
    size_t n = p->nkrs + 1;
    out->due = arena_alloc(a, 2 * n * sizeof *out->due);
    out->off = arena_alloc(a, n * sizeof *out->off);
    size_t ncis = 0;
    for (size_t k = 0; h && k < p->nkrs; k++) ncis += h[k].n;
    out->drop = arena_alloc(a, (ncis + 1) * sizeof *out->drop);
    lnd_day start;
    if (!date_parse(p->cycle.start, &start)) return;
    lnd_day end = start + 7L * p->cycle.weeks - 1;
    bool running = p->cycle.state == CYCLE_ACTIVE && today >= start && today <= end;
    plan_row *rows;
    size_t nrows = plan_cascade(p, false, &rows);
    for (size_t ri = 0; ri < nrows; ri++) {
        size_t oi = rows[ri].obj, first, nk = plan_krs_of(p, oi, &first);
        int cadence = p->objs[oi].cadence_days > 0 ? p->objs[oi].cadence_days : 7;
        for (size_t k = first; k < first + nk; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived || !mine_kr(p, k, mine)) continue;
            bool done = carry_kr_done(kr);
            if (running && !done) {
                lnd_day last;
                if (!day_of(kr->last_at, &last) || last < start) last = start;
                lnd_day due = last + cadence;
                if (due <= today + 7) out->due[out->ndue++] = (digest_due){.kr = k, .checkin = true, .when = due};
                if (kr->due_week > 0) {
                    lnd_day by = start + 7L * kr->due_week - 1;
                    if (by >= today && by <= today + 7)
                        out->due[out->ndue++] = (digest_due){.kr = k, .checkin = false, .when = by};
                }
            }
            summary_kr now, then;
            summary_key_result(p, kr, r, today, &now);
            lnd_kr old = as_of(kr, h ? &h[k] : NULL, since);
            summary_key_result(p, &old, r, since, &then);
            if (is_off(now.status) && !is_off(then.status) && since < today)
                out->off[out->noff++] = (digest_off){.kr = k, .before = then.status, .now = now.status};
            for (size_t i = 0; h && i < h[k].n; i++) {   /* newest first */
                const lnd_checkin *c = &h[k].items[i];
                lnd_day d;
                if (!day_of(c->at, &d) || d <= since || d > today || c->confidence < 0) continue;
                int before = -1;
                for (size_t j = i + 1; j < h[k].n && before < 0; j++) before = h[k].items[j].confidence;
                if (before >= 0 && c->confidence < before)
                    out->drop[out->ndrop++] = (digest_drop){.kr = k, .c = c, .from = before};
            }
        }
    }
}
