/* SPDX-License-Identifier: MIT */
/* tui/tui_edit.c — the editors: the objective and KR forms (add and edit, every field; the
 * check-in form is tui_checkin.c, prompts, archive and the conflict screen tui_prompt.c)
 * with confirmation, and what happens when saving meets another user: STORE_BUSY says so at
 * once, freezes the draft (keys but Esc ignored) and retries, saying how long it waited; STORE_CONFLICT shows both values and who changed it (keep mine / take
 * theirs / edit again). Nothing is overwritten silently and no draft is lost. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/learning.h"
#include "tui_int.h"

#define BUSY_WAIT_MS 100      /* each attempt waits this long for the lock, so the notice is at once */
#define BUSY_RETRY_MS 500     /* between attempts */
#define BUSY_PATIENCE_MS 10000 /* plus the configured busy timeout; then the user decides */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static const char *levels[LEVEL_N], *otypes[OTYPE_N], *dirs[DIR_N], *evs[EV_N], *inds[IND_N];

static void names_init(void)
{
    for (int i = 0; i < LEVEL_N; i++) levels[i] = model_level_name((lnd_level)i);
    for (int i = 0; i < OTYPE_N; i++) otypes[i] = model_otype_name((lnd_otype)i);
    for (int i = 0; i < DIR_N; i++) dirs[i] = model_direction_name((lnd_direction)i);
    for (int i = 0; i < EV_N; i++) evs[i] = model_evidence_name((lnd_evidence)i);
    for (int i = 0; i < IND_N; i++) inds[i] = model_indicator_name((lnd_indicator)i);
}

static void fmt(double v, char *buf, size_t n) { model_fmt_num(v, buf, n); }

void tui_edit_open_form(tui_app *a)
{
    if (!tui_has(a, VK_FORM)) tui_push(a, &tui_view_form);
    a->dirty = D_ALL;
}

/* Back to the view the form was opened from (a prompt over it goes too). */
static void close_form(tui_app *a)
{
    while (tui_has(a, VK_FORM)) tui_pop(a);
    a->return_due = false;
    a->dirty = D_ALL;
}

/* ---- objectives ---- */

enum { OF_LEVEL, OF_PARENT, OF_TYPE, OF_TITLE, OF_PROBLEM, OF_OUTCOME, OF_CAP, OF_OWNER,
       OF_BOWNER, OF_CADENCE, OF_HYP };

static const tui_form_ops obj_add_ops, obj_edit_ops, kr_add_ops, kr_edit_ops;

static void objective_form(tui_app *a, bool add, const lnd_objective *o, const char *title)
{
    tui_form *f = &a->form;
    char parent[32] = "", cad[16];
    if (o->parent_id) tui_fmt_id('O', o->parent_id, parent, sizeof parent);
    snprintf(cad, sizeof cad, "%d", o->cadence_days > 0 ? o->cadence_days : 7);
    tui_form_init(f, add ? &obj_add_ops : &obj_edit_ops, title);
    tui_form_choice(f, "Level", levels, LEVEL_N, o->level);
    tui_form_text(f, "Parent", parent, false);
    f->f[OF_PARENT].hint = "O id; empty = top level";
    tui_form_choice(f, "Type", otypes, OTYPE_N, o->type);
    tui_form_text(f, "Title", o->title, true);
    tui_form_textarea(f, "Problem", o->problem, false);
    f->f[OF_PROBLEM].hint = "the business issue that must shift";
    tui_form_textarea(f, "Outcome", o->outcome, false);
    f->f[OF_OUTCOME].hint = "what is different if it works";
    tui_form_text(f, "Capability", o->capability, false);
    f->f[OF_CAP].hint = "what people must know, do or believe";
    tui_form_text(f, "Owner", o->owner, true);
    tui_form_text(f, "Business owner", o->business_owner, false);
    tui_form_num(f, "Cadence (days)", cad, true, 1, 366, true);
    tui_form_text(f, "Hypothesis", o->hypothesis ? o->hypothesis : "", false);
    f->f[OF_HYP].hint = "learning: what it tests (required)";
    f->id = o->id;
    f->version = o->version;
    f->cur = add ? OF_TITLE : 0;
}

/* Field `field` of the open form names an objective of this cycle ("O7", "7" or empty for
 * none). false with the error next to the field when it does not. Shared by every form. */
bool tui_form_objective(tui_app *a, int field, lnd_id *out)
{
    tui_field *fl = &a->form.f[field];
    const char *s = fl->le.buf;
    while (*s == ' ') s++;
    *out = 0;
    if (!*s) return true;
    if (*s == 'O' || *s == 'o') s++;
    char *end;
    long long v = strtoll(s, &end, 10);
    long oi = *end == '\0' && v > 0 ? plan_obj_index(a->plan, v) : -1;
    if (oi < 0 || a->plan->objs[oi].archived) {
        snprintf(fl->err, sizeof fl->err, "no such objective in this cycle");
        a->form.cur = field;
        return false;
    }
    *out = v;
    return true;
}

bool tui_edit_parent_field(tui_app *a, lnd_id *out)
{
    if (!tui_form_objective(a, OF_PARENT, out)) return false;
    if (*out && *out == a->form.id) {
        tui_field *fl = &a->form.f[OF_PARENT];
        snprintf(fl->err, sizeof fl->err, "cannot be its own parent");
        a->form.cur = OF_PARENT;
        return false;
    }
    return true;
}

void tui_edit_objective_from_form(tui_app *a, lnd_objective *o, lnd_id parent)
{
    const tui_form *f = &a->form;
    o->parent_id = parent;
    o->level = (lnd_level)f->f[OF_LEVEL].choice;
    o->type = (lnd_otype)f->f[OF_TYPE].choice;
    o->title = (char *)tui_form_str(f, OF_TITLE);
    o->problem = (char *)tui_form_str(f, OF_PROBLEM);
    o->outcome = (char *)tui_form_str(f, OF_OUTCOME);
    o->capability = (char *)tui_form_str(f, OF_CAP);
    o->owner = (char *)tui_form_str(f, OF_OWNER);
    o->business_owner = (char *)tui_form_str(f, OF_BOWNER);
    o->cadence_days = (int)tui_form_double(f, OF_CADENCE, NULL);
    o->hypothesis = (char *)tui_form_str(f, OF_HYP);
}

/* ---- key results ---- */

enum { KF_TITLE, KF_UNIT, KF_BASE, KF_TARGET, KF_DIR, KF_DUE, KF_OWNER, KF_CO, KF_WEIGHT, KF_EV,
       KF_IND };

static void kr_form(tui_app *a, bool add, const lnd_kr *k, const char *title)
{
    tui_form *f = &a->form;
    char b[48] = "", t[48] = "", due[16], w[48];
    if (k->has_baseline) fmt(k->baseline, b, sizeof b);
    if (!add) fmt(k->target, t, sizeof t);
    snprintf(due, sizeof due, "%d", k->due_week);
    fmt(k->weight > 0 ? k->weight : 1, w, sizeof w);
    int weeks = a->plan ? a->plan->cycle.weeks : 13;
    tui_form_init(f, add ? &kr_add_ops : &kr_edit_ops, title);
    tui_form_text(f, "Metric", k->title, true);
    tui_form_text(f, "Unit", k->unit, false);
    f->f[KF_UNIT].hint = "%, days, $M ... or empty";
    tui_form_num(f, "Baseline", b, false, 1, 0, false);
    f->f[KF_BASE].hint = "before the programme; empty = unknown";
    tui_form_num(f, "Target", t, true, 1, 0, false);
    tui_form_choice(f, "Direction", dirs, DIR_N, k->direction);
    tui_form_num(f, "Due week", due, true, 0, weeks, true);
    f->f[KF_DUE].hint = "0 = end of cycle";
    tui_form_text(f, "Owner", k->owner, true);
    tui_form_text(f, "Co-owner", k->coowner, false);
    f->f[KF_CO].hint = "business co-owner";
    tui_form_num(f, "Weight", w, true, 0.001, 1000, false);
    /* a new KR starts with no evidence level or indicator: nothing defaults to `results` */
    tui_form_choice(f, "Evidence", evs, EV_N, add ? -1 : (int)k->evidence);
    tui_form_choice(f, "Indicator", inds, IND_N, add ? -1 : (int)k->indicator);
    f->id = k->id;
    f->parent = k->objective_id;
    f->version = k->version;
}

void tui_edit_kr_from_form(tui_app *a, lnd_kr *k)
{
    const tui_form *f = &a->form;
    k->title = (char *)tui_form_str(f, KF_TITLE);
    k->unit = (char *)tui_form_str(f, KF_UNIT);
    k->baseline = tui_form_double(f, KF_BASE, &k->has_baseline);
    k->target = tui_form_double(f, KF_TARGET, NULL);
    k->direction = (lnd_direction)f->f[KF_DIR].choice;
    k->due_week = (int)tui_form_double(f, KF_DUE, NULL);
    k->owner = (char *)tui_form_str(f, KF_OWNER);
    k->coowner = (char *)tui_form_str(f, KF_CO);
    k->weight = tui_form_double(f, KF_WEIGHT, NULL);
    k->evidence = (lnd_evidence)f->f[KF_EV].choice;
    k->indicator = (lnd_indicator)f->f[KF_IND].choice;
}

/* ---- opening forms ---- */

void tui_edit_add(tui_app *a, bool top_level)
{
    if (!a->plan) {
        tui_notice(a, true, "no cycle yet: lnd cycle add 2027-Q1 --start 2027-01-04");
        return;
    }
    if (!levels[0]) names_init();
    long oi = tui_sel_obj(a);
    char title[200], id[32];
    if (a->focus != PANE_TREE && oi >= 0 && !top_level) {
        lnd_kr k = {.objective_id = a->plan->objs[oi].id, .owner = (char *)a->o->user,
                    .coowner = "", .title = "", .unit = "", .weight = 1};
        tui_fmt_id('O', k.objective_id, id, sizeof id);
        snprintf(title, sizeof title, "New key result of %s", id);
        kr_form(a, true, &k, title);
    } else {
        lnd_objective o = {.level = LEVEL_BUSINESS, .type = OTYPE_COMMITTED, .title = "",
                           .owner = (char *)a->o->user,
                           .cadence_days = a->o->cfg ? a->o->cfg->cadence_days : 7};
        if (!top_level && oi >= 0) {
            const lnd_objective *p = &a->plan->objs[oi];
            o.parent_id = p->id;
            o.level = p->level == LEVEL_BUSINESS ? LEVEL_LD : LEVEL_TEAM;
            o.type = OTYPE_ASPIRATIONAL;
            o.business_owner = p->business_owner;
        }
        objective_form(a, true, &o, top_level || oi < 0 ? "New business objective"
                                                             : "New objective in the cascade");
    }
    tui_edit_open_form(a);
}

void tui_edit_edit(tui_app *a)
{
    if (!levels[0]) names_init();
    long oi = tui_sel_obj(a), ki = tui_sel_kr(a);
    char title[200], id[32];
    if (a->focus != PANE_TREE && ki >= 0) {
        tui_fmt_id('K', a->plan->krs[ki].id, id, sizeof id);
        snprintf(title, sizeof title, "Edit %s", id);
        kr_form(a, false, &a->plan->krs[ki], title);
    } else if (oi >= 0) {
        tui_fmt_id('O', a->plan->objs[oi].id, id, sizeof id);
        snprintf(title, sizeof title, "Edit %s", id);
        objective_form(a, false, &a->plan->objs[oi], title);
    } else {
        tui_notice(a, true, "nothing selected to edit");
        return;
    }
    tui_edit_open_form(a);
}

/* ---- saving ---- */

static store_rc objective_save(tui_app *a)
{
    tui_form *f = &a->form;
    bool add = f->ops == &obj_add_ops;
    lnd_id parent;
    if (!tui_edit_parent_field(a, &parent)) return STORE_INVALID;
    lnd_objective o = {.id = f->id, .version = f->version, .cycle_id = a->plan->cycle.id};
    if (!add) {
        long oi = plan_obj_index(a->plan, f->id);
        if (oi >= 0) o = a->plan->objs[oi];   /* keeps fields the form does not show */
        o.version = f->version;
    }
    lnd_otype was = o.type;
    tui_edit_objective_from_form(a, &o, parent);
    if (learning_missing_hypothesis(&o) && (add || was != OTYPE_LEARNING)) {
        snprintf(f->f[OF_HYP].err, sizeof f->f[OF_HYP].err, "a learning objective needs one");
        f->cur = OF_HYP;
        return STORE_INVALID;
    }
    store_rc rc = add ? store_add_objective(a->st, &o, a->o->user)
                      : store_update_objective(a->st, &o, a->o->user);
    if (rc == STORE_OK) f->id = o.id;
    return rc;
}

static store_rc kr_save(tui_app *a)
{
    tui_form *f = &a->form;
    bool add = f->ops == &kr_add_ops;
    lnd_kr k = {.id = f->id, .objective_id = f->parent, .version = f->version};
    if (!add) {
        long ki = plan_kr_index(a->plan, f->id);
        if (ki >= 0) k = a->plan->krs[ki];
        k.version = f->version;
    }
    tui_edit_kr_from_form(a, &k);
    store_rc rc = add ? store_add_kr(a->st, &k, a->o->user) : store_update_kr(a->st, &k, a->o->user);
    if (rc == STORE_OK) f->id = k.id;
    return rc;
}

/* A new row is selected once saved. */
static bool objective_after(tui_app *a, lnd_id id)
{
    tui_select_obj(a, id);
    tui_data_sync(a);
    return false;
}

static bool kr_after(tui_app *a, lnd_id id)
{
    for (size_t k = 0; k < a->kl.count; k++)
        if (a->plan->krs[a->krs[k]].id == id) a->kl.sel = k;
    tui_data_sync(a);
    return false;
}

static const tui_form_ops obj_add_ops = {'O', "saved", objective_save, tui_edit_conflict, objective_after};
static const tui_form_ops obj_edit_ops = {'O', "saved", objective_save, tui_edit_conflict, NULL};
static const tui_form_ops kr_add_ops = {'K', "saved", kr_save, tui_edit_conflict, kr_after};
static const tui_form_ops kr_edit_ops = {'K', "saved", kr_save, tui_edit_conflict, NULL};

static void try_save(tui_app *a, bool retry)
{
    tui_form *f = &a->form;
    if (!retry && !tui_form_validate(f)) {
        snprintf(f->msg, sizeof f->msg, "fix the marked field; your draft is kept");
        f->msg_error = true;
        a->dirty |= D_OVERLAY;
        return;
    }
    long long t0 = now_ms();
    store_busy_wait(a->st, BUSY_WAIT_MS);
    store_rc rc = f->ops->save(a);
    store_busy_wait(a->st, -1);
    if (!retry) f->busy_since_ms = t0;
    f->last_try_ms = now_ms();
    double waited = (f->last_try_ms - f->busy_since_ms) / 1000.0;
    char id[32];
    switch (rc) {
    case STORE_OK: {
        const tui_form_ops *ops = f->ops;
        lnd_id saved = f->id;
        bool back = a->return_due;   /* a check-in opened from the due follow-ups */
        close_form(a);
        tui_data_reload(a);
        if (ops->after && ops->after(a, saved)) return;
        tui_fmt_id(ops->prefix, saved, id, sizeof id);
        if (back) tui_views_open(a, ACT_DUE);   /* back to the follow-ups it came from */
        if (retry)   /* with the wait it took; short enough for the header at 80 columns */
            tui_notice(a, false, "%s %s (%.1f s)", ops->done, id, waited);
        else tui_notice(a, false, "%s %s", ops->done, id);
        return;
    }
    case STORE_BUSY:
        f->retries = waited * 1000 < BUSY_PATIENCE_MS + store_busy_timeout();
        if (f->retries)
            snprintf(f->msg, sizeof f->msg, "database busy (someone else is saving): waited %.1f s, "
                     "retrying; draft frozen, Esc to stop", waited);
        else
            snprintf(f->msg, sizeof f->msg, "database still busy after %.1f s: Enter to try again", waited);
        f->msg_error = true;
        tui_notice(a, true, "database busy for %.1f s: retrying, draft kept", waited);
        break;
    case STORE_CONFLICT:
        f->retries = 0;
        if (f->ops->conflict) f->ops->conflict(a);
        tui_notice(a, true, "conflict: someone else saved this meanwhile");
        break;
    case STORE_INVALID:
        f->retries = 0;
        if (!f->msg[0] || f->msg_error) {
            bool field_err = false;
            for (int i = 0; i < f->nf; i++) field_err |= f->f[i].err[0] != '\0';
            snprintf(f->msg, sizeof f->msg, "%s", field_err ? "fix the marked field; your draft is kept"
                                                           : store_errmsg(a->st));
        }
        f->msg_error = true;
        break;
    default:
        f->retries = 0;
        snprintf(f->msg, sizeof f->msg, "%s", store_errmsg(a->st));
        f->msg_error = true;
        break;
    }
    a->dirty |= D_OVERLAY | D_HEADER;
}

void tui_edit_tick(tui_app *a)
{
    if (tui_kind(a) == VK_FORM && a->form.retries > 0 && now_ms() - a->form.last_try_ms >= BUSY_RETRY_MS)
        try_save(a, true);
}

static void discard_key(tui_app *a, int key)
{
    if (key == 'y') close_form(a);
}

static void conflict_key(tui_app *a, int key)
{
    a->form.version = a->conflict_version;
    if (key == 'm') {
        try_save(a, false);
    } else if (key == 't') {
        close_form(a);
        tui_data_reload(a);
        tui_notice(a, false, "took their version");
    } else {
        snprintf(a->form.msg, sizeof a->form.msg, "editing again on top of their version");
        a->form.msg_error = false;
    }
}

void tui_edit_conflict_open(tui_app *a)
{
    tui_prompt_open(a, conflict_key, "mte");
    a->prompt_alert = true;
}

/* The prompt view: Esc answers with the prompt's last key (n, or e: edit again); an answer
 * closes the prompt, then its handler runs over what is beneath (the form, a view). */
static bool prompt_key(tui_app *a, tui_action act, int key)
{
    (void)act;
    size_t nk = strlen(a->prompt_keys);
    if (key == TK_ESC && nk) key = a->prompt_keys[nk - 1];
    if (key > 127 || !strchr(a->prompt_keys, key) || !key) return true;
    tui_prompt_fn fn = a->prompt;
    tui_pop(a);
    fn(a, key);
    return true;
}

const tui_view tui_view_prompt = {"prompt", VK_PROMPT, 0, tui_edit_draw_prompt, prompt_key, NULL, NULL,
                                  NULL};

/* The form view: keys as typed go to the form's fields. */
static bool form_key(tui_app *a, tui_action act, int key)
{
    (void)act;
    if (a->form.retries > 0) {
        /* retrying a busy save: the draft is what the user confirmed, so it stays frozen
         * (a key typed now must never change what gets saved); Esc stops the retry */
        if (key == TK_ESC) {
            a->form.retries = 0;
            snprintf(a->form.msg, sizeof a->form.msg, "stopped after waiting %.1f s; your draft is kept: "
                     "Enter to try again", (now_ms() - a->form.busy_since_ms) / 1000.0);
            a->dirty |= D_OVERLAY;
        } else {
            tui_edit_tick(a);
        }
        return true;
    }
    bool was_changed = a->form.changed;
    tui_form_rc rc = tui_form_key(&a->form, key);
    a->dirty |= D_OVERLAY;
    if (a->form.changed != was_changed) a->dirty |= D_HEADER;   /* its [draft] flag */
    if (rc == FORM_SAVE) {
        try_save(a, false);
    } else if (rc == FORM_CANCEL) {
        if (a->form.changed) {
            tui_prompt_open(a, discard_key, "yn");
            tui_prompt_line(a, "Discard this draft?");
            tui_prompt_line(a, "%s", "");
            tui_prompt_line(a, "y discard it    n keep editing");
        } else {
            close_form(a);
        }
    } else if (a->form.msg[0] && !a->form.retries) {
        a->form.msg[0] = '\0';
    }
    return true;
}

const tui_view tui_view_form = {"form", VK_FORM, 0, tui_edit_draw_form, form_key, NULL, NULL, NULL};
