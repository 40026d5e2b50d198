/* SPDX-License-Identifier: MIT */
/* tui/tui_edit.c — the editors: the objective and KR forms (add and edit; their fields come
 * from core/fields.h through tui_fields.c, so none is listed here; the check-in form is
 * tui_checkin.c, prompts and the archive prompt tui_prompt.c) with confirmation, and
 * what happens when saving meets another user: STORE_BUSY says so at once, freezes the draft
 * (keys but Esc ignored) and retries, saying how long it waited; STORE_CONFLICT shows both
 * values and who changed it (keep mine / take theirs / edit again). Nothing is overwritten
 * silently and no draft is lost. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/learning.h"
#include "tui_fields.h"
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

/* ---- the forms: their fields come from core/fields.h (tui_fields.c); here only what is
 * particular to each: where the cursor starts, bounds, the parent rule ---- */

#define OBJ_T fields_obj, FIELDS_OBJ_N
#define KR_T fields_kr, FIELDS_KR_N

static const tui_form_ops obj_add_ops, obj_edit_ops, kr_add_ops, kr_edit_ops;

static void objective_form(tui_app *a, bool add, const lnd_objective *o, const char *title)
{
    tui_form *f = &a->form;
    tui_form_init(f, add ? &obj_add_ops : &obj_edit_ops, title);
    tui_fields_build(f, OBJ_T, o, add, NULL);
    tui_fields_bounds(f, OBJ_T, "cadence_days", 1, 366);
    f->id = o->id;
    f->version = o->version;
    f->cur = add ? tui_fields_index(&a->form, OBJ_T, "title") : 0;
}

bool tui_edit_objective_from_form(tui_app *a, lnd_objective *o)
{
    if (!tui_fields_read(a, OBJ_T, o)) return false;
    if (o->parent_id && o->parent_id == a->form.id) {
        int i = tui_fields_index(&a->form, OBJ_T, "parent");
        snprintf(a->form.f[i].err, sizeof a->form.f[i].err, "cannot be its own parent");
        a->form.cur = i;
        return false;
    }
    return true;
}

static void kr_form(tui_app *a, bool add, const lnd_kr *k, const char *title)
{
    tui_form *f = &a->form;
    tui_form_init(f, add ? &kr_add_ops : &kr_edit_ops, title);
    tui_fields_build(f, KR_T, k, add, NULL);
    tui_fields_bounds(f, KR_T, "due_week", 0, a->plan ? a->plan->cycle.weeks : 13);
    tui_fields_bounds(f, KR_T, "weight", 0.001, 1000);
    f->id = k->id;
    f->parent = k->objective_id;
    f->version = k->version;
}

bool tui_edit_kr_from_form(tui_app *a, lnd_kr *k)
{
    return tui_fields_read(a, KR_T, k);
}

/* ---- opening forms ---- */

void tui_edit_add(tui_app *a, bool top_level)
{
    if (!a->plan) return;   /* the caller offers a cycle first (tui_main.c) */
    long oi = tui_sel_obj(a);
    char title[200], id[32];
    if (a->focus != PANE_TREE && oi >= 0 && !top_level) {
        /* a new KR starts with no evidence level or indicator (out of range = "(choose)"):
         * nothing defaults to `results` */
        lnd_kr k = {.objective_id = a->plan->objs[oi].id, .owner = (char *)a->o->user,
                    .coowner = "", .title = "", .unit = "", .weight = 1, .evidence = EV_N,
                    .indicator = IND_N};
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
    lnd_objective o = {.id = f->id, .version = f->version, .cycle_id = a->plan->cycle.id};
    if (!add) {
        long oi = plan_obj_index(a->plan, f->id);
        if (oi >= 0) o = a->plan->objs[oi];   /* keeps fields the form does not show */
        o.version = f->version;
    }
    lnd_otype was = o.type;
    if (!tui_edit_objective_from_form(a, &o)) return STORE_INVALID;
    if (learning_missing_hypothesis(&o) && (add || was != OTYPE_LEARNING)) {
        int i = tui_fields_index(&a->form, OBJ_T, "hypothesis");
        snprintf(f->f[i].err, sizeof f->f[i].err, "a learning objective needs one");
        f->cur = i;
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
    if (!tui_edit_kr_from_form(a, &k)) return STORE_INVALID;
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
    if (tui_prompt(a)) tui_prompt(a)->alert = true;
}

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
    if (key == TK_CTRL('p') && (a->form.ops == &obj_add_ops || a->form.ops == &obj_edit_ops)) {
        tui_picker_open(a, tui_fields_index(&a->form, OBJ_T, "parent"));   /* the parent picker (tui_picker.c) */
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

/* ---- the conflict screen of a KR or objective form ---- */

void tui_conflict_lines(tui_app *a, const fields_change *ch, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tui_prompt_line(a, "%s:", ch[i].field);
        tui_prompt_line(a, "  mine:   %s", ch[i].new_);
        tui_prompt_line(a, "  theirs: %s", ch[i].old);
    }
}

/* Someone saved the row while we edited: show both and who, then keep mine / take theirs /
 * edit again. */
void tui_edit_conflict(tui_app *a)
{
    tui_form *f = &a->form;
    bool is_kr = f->ops && f->ops->prefix == 'K';
    lnd_arena *t = arena_new();
    lnd_audit au = {0};
    char id[32];
    tui_fmt_id(is_kr ? 'K' : 'O', f->id, id, sizeof id);
    store_rc lc = store_last_change(a->st, t, is_kr ? "kr" : "objective", f->id, &au);
    tui_edit_conflict_open(a);
    tui_prompt_line(a, "%s was changed while you were editing it", id);
    if (lc == STORE_OK)
        {
        char who[300];
        tui_prompt_line(a, "by %s at %s: %s", model_who(au.user, au.account, who, sizeof who),
                        tui_local_stamp(au.at), au.detail ? au.detail : au.action);
    }
    tui_prompt_line(a, "%s", "");
    fields_change ch[FIELDS_KR_N + FIELDS_OBJ_N];
    if (is_kr) {
        lnd_kr th, mine;
        if (store_get_kr(a->st, t, f->id, &th) == STORE_OK) {
            mine = th;   /* what the form does not show is theirs */
            tui_edit_kr_from_form(a, &mine);
            a->conflict_version = th.version;
            tui_conflict_lines(a, ch, fields_kr_diff(&th, &mine, ch, sizeof ch / sizeof ch[0]));
        }
    } else {
        lnd_objective th, mine;
        if (store_get_objective(a->st, t, f->id, &th) == STORE_OK) {
            mine = th;
            tui_edit_objective_from_form(a, &mine);
            a->conflict_version = th.version;
            tui_conflict_lines(a, ch, fields_obj_diff(&th, &mine, ch, sizeof ch / sizeof ch[0]));
        }
    }
    arena_free(t);
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "m keep mine (save over theirs)   t take theirs   e edit again");
}
