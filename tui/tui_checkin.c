/* SPDX-License-Identifier: MIT */
/* tui/tui_checkin.c — the check-in form: a value, or observed/applied for a behaviour KR with
 * the percentage shown live; confidence, a note (asked for when confidence drops), and the
 * cohort when a programme serves the KR. Saving goes through store_add_checkin, whose rules
 * (behaviour values, cohorts, follow-ups, windows) the form shows in place, draft kept. */
#include <stdio.h>
#include <string.h>

#include "../core/numfmt.h"
#include "tui_fields.h"
#include "tui_int.h"

/* ---- check-in ---- */

/* Field indexes of the check-in form; a behaviour KR's has observed and applied (their
 * roles FR_OBSERVED, FR_APPLIED say so) where others have the value. */
enum { CI_OBS = 0, CI_APP = 1 };
#define CI_T fields_checkin, FIELDS_CHECKIN_N   /* the fields come from core/fields.h */

static bool is_behaviour(const tui_form *f) { return tui_form_find(f, FR_OBSERVED) >= 0; }

static store_rc checkin_save(tui_app *a);
static const tui_form_ops checkin_ops = {'K', "checked in on", checkin_save, NULL, NULL};

/* The cohort names of the programme serving KR kr (on its objective or above), NULL if none. */
static const char *serving_cohorts(const lnd_plan *p, const lnd_kr *kr)
{
    long oi = plan_obj_index(p, kr->objective_id);
    for (int guard = 0; oi >= 0 && guard < 64; guard++) {
        for (size_t i = 0; i < p->nprogs; i++)
            if (!p->progs[i].archived && p->progs[i].objective_id == p->objs[oi].id)
                return p->progs[i].cohorts && *p->progs[i].cohorts ? p->progs[i].cohorts : "trained,not yet trained";
        oi = p->objs[oi].parent_id ? plan_obj_index(p, p->objs[oi].parent_id) : -1;
    }
    return NULL;
}

void tui_edit_checkin(tui_app *a)
{
    a->return_due = false;
    long ki = tui_sel_kr(a);
    if (ki < 0) {
        tui_notice(a, true, "select a key result first (Tab to the key results pane)");
        return;
    }
    const lnd_kr *kr = &a->plan->krs[ki];
    char title[200], id[32];
    tui_fmt_id('K', kr->id, id, sizeof id);
    snprintf(title, sizeof title, "Check in on %s %s", id, kr->title ? kr->title : "");
    tui_form *f = &a->form;
    tui_form_init(f, &checkin_ops, title);
    f->id = kr->id;
    /* what the form starts with: the KR's value (else its baseline) and confidence; a behaviour
     * KR's last observed and applied */
    lnd_checkin start = {.kr_id = kr->id, .value = kr->has_current ? kr->current : kr->baseline,
                         .confidence = kr->confidence, .observed = -1, .applied = -1, .note = "", .cohort = ""};
    if (kr->evidence == EV_BEHAVIOUR) {
        if (a->ncis && a->cis[0].observed > 0) {
            start.observed = a->cis[0].observed;
            start.applied = a->cis[0].applied;
        }
        int io = tui_fields_add(f, CI_T, &start, false, "observed"), ia = tui_fields_add(f, CI_T, &start, false, "applied");
        if (io < 0 || ia < 0) return;
        f->f[io].role = FR_OBSERVED;
        f->f[ia].role = FR_APPLIED;
        tui_fields_bounds(f, CI_T, "observed", 1, 100000);
        tui_fields_bounds(f, CI_T, "applied", 0, 100000);
    } else {
        int i = tui_fields_add(f, CI_T, &start, !kr->has_current && !kr->has_baseline, "value");
        if (i >= 0) f->f[i].hint = kr->unit && *kr->unit ? kr->unit : NULL;
    }
    tui_fields_add(f, CI_T, &start, false, "confidence");
    tui_fields_bounds(f, CI_T, "confidence", 0, 10);
    tui_fields_add(f, CI_T, &start, false, "note");
    const char *cohorts = serving_cohorts(a->plan, kr);
    if (cohorts) {   /* a KR served by a programme: which group was measured (blank = everyone) */
        static char hint[200];
        snprintf(hint, sizeof hint, "%s", cohorts);
        int ico = tui_fields_add(f, CI_T, &start, false, "cohort");
        if (ico >= 0) {
            f->f[ico].hint = hint;
            f->f[ico].role = FR_COHORT;
        }
    }
    tui_edit_open_form(a);
}

/* Live behaviour share for the form ("7 of 8 applying: 87.5%"); false when invalid. */
bool tui_edit_live(const tui_form *f, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!is_behaviour(f)) return false;
    bool ho, ha;
    double o = tui_form_double(f, CI_OBS, &ho), ap = tui_form_double(f, CI_APP, &ha);
    if (!ho || !ha) {
        snprintf(buf, n, "applied must be a whole number from 0 to observed");
        return false;
    }
    /* the share exactly as the check-in will store it: "7 of 8 applying: 87.5%" */
    return num_share_text((int)ap, (int)o, buf, n) == 0;
}

static store_rc checkin_save(tui_app *a)
{
    tui_form *f = &a->form;
    lnd_checkin c = {.kr_id = f->id, .observed = -1, .applied = -1, .confidence = -1, .note = "", .cohort = ""};
    if (!tui_fields_read(a, CI_T, &c)) return STORE_INVALID;
    if (is_behaviour(f)) {
        char live[128];
        if (!tui_edit_live(f, live, sizeof live)) {
            snprintf(f->f[CI_APP].err, sizeof f->f[CI_APP].err, "0 to observed");
            f->cur = CI_APP;
            return STORE_INVALID;
        }
        progress_behaviour_value(c.observed, c.applied, &c.value);
    }
    int in = tui_fields_index(f, CI_T, "note");
    c.author = (char *)a->o->user;
    int was = -1;   /* the last confidence stated: a check-in without one does not reset it */
    if (store_last_confidence(a->st, f->id, &was) != STORE_OK) was = -1;
    if (progress_drop_needs_note(&a->rules, was, c.confidence, c.note)) {
        /* a confidence drop needs a reason: ask for it in the form, save nothing */
        snprintf(f->f[in].err, sizeof f->f[in].err, "say why: %d -> %d", was, c.confidence);
        snprintf(f->msg, sizeof f->msg, "confidence drops from %d to %d: say why in the note", was, c.confidence);
        f->msg_error = true;
        f->cur = in;
        return STORE_INVALID;
    }
    return store_add_checkin(a->st, &c, a->o->user);
}
