/* SPDX-License-Identifier: MIT */
/* core/health_result.c — the health rules about honest numbers (see health.h): H12 an
 * objective with nothing measured in its subtree, H13 on track on delivery while the business
 * result is off track, H14 a KR whose target equals its baseline or whose baseline is dated
 * after the programme serving it began, H15 a learning objective without a hypothesis. Pure,
 * like health.c. */
#include "health_int.h"

#include "learning.h"
#include "numfmt.h"
#include "summary.h"

#include <stdio.h>

static bool good(lnd_status s)
{
    return s == STATUS_ON_TRACK || s == STATUS_DONE || s == STATUS_MET;
}

static bool bad(lnd_status s)
{
    return s == STATUS_OFF_TRACK || s == STATUS_MISSED;
}

static void rule_target_is_baseline(hctx *h, size_t oi)
{
    const lnd_plan *p = h->p;
    size_t first, nk = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + nk; k++) {
        const lnd_kr *kr = &p->krs[k];
        if (kr->archived || !kr->has_baseline || kr->target != kr->baseline) continue;
        char kt[HEALTH_TITLE_MAX];
        health_title(kr->title, kt, sizeof kt);
        health_add(h, "H14", p->objs[oi].id, kr->id, 0, NULL,
                   "K%lld '%s': target equals baseline: nothing to move", kr->id, kt);
    }
}

/* H14, second half: a baseline dated after the serving programme began was not captured
 * before the programme ran, so the change it shows is not the programme's. */
static void baseline_after_programme(hctx *h, size_t oi)
{
    const lnd_plan *p = h->p;
    int week = plan_serving_week(p, oi);
    lnd_day start;
    if (!week || !date_parse(p->cycle.start, &start)) return;
    lnd_day began = date_week_start(start, week);
    size_t first, nk = plan_krs_of(p, oi, &first);
    for (size_t k = first; k < first + nk; k++) {
        const lnd_kr *kr = &p->krs[k];
        lnd_day bd;
        if (kr->archived || !kr->has_baseline || !kr->baseline_at || !date_parse(kr->baseline_at, &bd) ||
            bd <= began)
            continue;
        char kt[HEALTH_TITLE_MAX], b1[16];
        health_title(kr->title, kt, sizeof kt);
        date_format(began, b1, sizeof b1);
        lnd_fix fix = {.kind = FIX_BASELINE_AT, .level = -1, .id = kr->id};
        health_add(h, "H14", p->objs[oi].id, kr->id, 0, &fix,
                   "K%lld '%s': baseline dated %s, after the programme serving it began (%s): "
                   "capture it before the programme runs", kr->id, kt, kr->baseline_at, b1);
    }
}

void health_rules_result(hctx *h, const plan_row *rows, size_t nrows)
{
    const lnd_plan *p = h->p;
    progress_rules dflt;
    progress_defaults(&dflt);
    const progress_rules *r = h->o->rules ? h->o->rules : &dflt;
    for (size_t i = 0; i < nrows; i++) {
        size_t oi = rows[i].obj;
        const lnd_objective *o = &p->objs[oi];
        char t[HEALTH_TITLE_MAX];
        health_title(o->title, t, sizeof t);
        summary_obj s;
        summary_objective(p, oi, r, h->today, &s);
        if (s.nresults + s.ndelivery == 0)
            health_add(h, "H12", o->id, 0, 0, NULL, "O%lld '%s': no key result anywhere beneath it: nothing is measured",
                       o->id, t);
        else if (s.nresults && bad(s.result_status) && s.ndelivery && good(s.delivery_status))
            health_add(h, "H13", o->id, 0, 0, NULL,
                       "O%lld '%s': delivery %ld%% is %s while the business result %ld%% is %s",
                       o->id, t, num_pct_round(s.delivery), model_status_name(s.delivery_status), num_pct_round(s.result),
                       model_status_name(s.result_status));
        rule_target_is_baseline(h, oi);
        if (learning_missing_hypothesis(o))
            health_add(h, "H15", o->id, 0, 0, NULL, "O%lld '%s': learning objective with no hypothesis: nothing "
                       "says what it tests", o->id, t);
        baseline_after_programme(h, oi);
    }
}
