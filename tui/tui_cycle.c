/* SPDX-License-Identifier: MIT */
/* tui/tui_cycle.c — cycles from the dashboard (issue 14): the cycles view (C) lists every
 * cycle with its state and week, Enter shows one, a opens the new-cycle form (prefilled with
 * cycle_suggest: the next quarter, or on an empty database this quarter's first Monday), s
 * moves the selected cycle on (activate, start the review, close) after a confirmation; s
 * over the panes does the same for the shown cycle. The
 * rules (states only move forward, versions) live in store/; this file asks and calls. */
#include <stdio.h>
#include <string.h>

#include "../core/cycle_pick.h"
#include "../core/review_left.h"
#include "tui_fields.h"
#include "../core/numfmt.h"
#include "../store/store_io.h"
#include "tui_int.h"

/* the cycles view's private state */
typedef struct {
    tui_list l;
} cycles_state;

static tui_list *cl(tui_app *a) { return tui_view_list(a); }

static void cycles_load(tui_app *a) { cl(a)->count = a->ncycles; }

/* Read the cycles again and show the one with id show (0: keep the shown one). */
static void cycles_refresh(tui_app *a, lnd_id show)
{
    lnd_id cur = show ? show : a->ncycles ? a->cycles[a->cy].id : 0;
    tui_data_load_cycles(a, NULL);
    for (size_t i = 0; i < a->ncycles; i++)
        if (a->cycles[i].id == cur) a->cy = i;
    tui_data_reload(a);
}

static void cycle_row(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    const lnd_cycle *c = &a->cycles[r];
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    lnd_day st = 0;
    date_parse(c->start, &st);
    char end[16], when[48], line[64];
    date_format(st + 7L * c->weeks - 1, end, sizeof end);
    int wk = date_week_of_cycle(st, c->weeks, date_today());
    if (wk == 0) snprintf(when, sizeof when, "not started");
    else if (wk > c->weeks || c->state == CYCLE_CLOSED) snprintf(when, sizeof when, "ended");
    else snprintf(when, sizeof when, "week %d of %d", wk, c->weeks);
    tui_put(a, w, y, 2, c->name, 16, A_BOLD | s);
    tui_put(a, w, y, 19, model_cycle_state_name(c->state), 9, s);
    snprintf(line, sizeof line, "%s %s %s", c->start, a->g->arrow, end);
    tui_put(a, w, y, 29, line, 26, s);
    tui_put(a, w, y, 56, when, 14, s);
    if (r == a->cy) tui_put(a, w, y, 71, "(shown)", getmaxx(w) - 72, a->attr[R_DIM] | s);
}

static void cycles_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    tui_list *l = cl(a);
    tui_views_title(a, w, "Cycles: planning, active, review, closed");
    int cols = getmaxx(w);
    if (!l->count) {
        tui_put(a, w, 2, 2, "No cycle yet: press a to create the first one.", cols - 3, A_NORMAL);
        return;
    }
    char hdr[128];
    snprintf(hdr, sizeof hdr, " %-16s %-9s %-26s %s", "NAME", "STATE", "DATES", "WHEN");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    int h = getmaxy(w) - 4;
    tui_list_draw(a, w, l, 2, h, 1, cycle_row);
    tui_put(a, w, getmaxy(w) - 1, 1,
            "Enter shows the cycle   a adds one   s moves it on: activate, review, close",
            cols - 2, a->attr[R_DIM]);
}

/* ---- moving a cycle on ---- */

static void state_key(tui_app *a, int key)
{
    if (key != 'y') return;
    lnd_id id = (lnd_id)tui_prompt(a)->ctx[0];
    long version = (long)tui_prompt(a)->ctx[1];
    lnd_cycle_state next = (lnd_cycle_state)tui_prompt(a)->ctx[2];
    const char *name = "";
    for (size_t i = 0; i < a->ncycles; i++)
        if (a->cycles[i].id == id) name = a->cycles[i].name;
    char nm[64];
    snprintf(nm, sizeof nm, "%s", name);
    store_rc rc = store_set_cycle_state(a->st, id, next, version, a->o->user);
    if (rc == STORE_OK) {
        cycles_refresh(a, next == CYCLE_ACTIVE ? id : 0);
        tui_notice(a, false, "cycle %s is now %s%s", nm, next == CYCLE_REVIEW ? "in " : "", model_cycle_state_name(next));
    } else {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", store_errmsg(a->st));
        cycles_refresh(a, 0);
        tui_notice(a, true, "cycle %s unchanged", nm);
        tui_alert(a, "The cycle did not move on", msg);
    }
}

/* How many live objectives of a cycle have no review yet, and of how many (for the close
 * question; closing does not wait for them). */
static size_t unreviewed(tui_app *a, lnd_id cycle_id, size_t *live)
{
    lnd_plan *p = NULL;
    lnd_arena *ar = arena_new();
    lnd_review *rv;
    size_t nr, open = 0;
    *live = 0;
    if (store_load_plan(a->st, cycle_id, &p) == STORE_OK && store_reviews(a->st, ar, cycle_id, &rv, &nr) == STORE_OK)
        open = review_left(p, rv, nr, live);
    plan_free(p);
    arena_free(ar);
    return open;
}

/* Ask to move cycle i on (the cycles view's selection, or the shown cycle over the panes). */
static void ask_state(tui_app *a, size_t i)
{
    if (i >= a->ncycles) {
        tui_notice(a, true, "no cycle yet: press a to create one");
        return;
    }
    const lnd_cycle *c = &a->cycles[i];
    if (c->state == CYCLE_CLOSED) {
        tui_notice(a, true, "already closed");
        return;
    }
    lnd_cycle_state next = (lnd_cycle_state)(c->state + 1);
    tui_prompt_open(a, state_key, "yn");
    tui_prompt_state *p = tui_prompt(a);
    if (!p) return;
    p->ctx[0] = c->id;
    p->ctx[1] = c->version;
    p->ctx[2] = next;
    if (next == CYCLE_ACTIVE) {
        tui_prompt_line(a, "Activate cycle %s?", c->name);
        tui_prompt_line(a, "The dashboard and status open on it while today is in its dates.");
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "y activate    n not now");
    } else if (next == CYCLE_REVIEW) {
        tui_prompt_line(a, "Start the review of cycle %s?", c->name);
        tui_prompt_line(a, "Score each objective in review mode (R); review and report use");
        tui_prompt_line(a, "this cycle until it is closed. States only move forward.");
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "y start the review    n not now");
    } else {
        tui_prompt_line(a, "Close cycle %s?", c->name);
        tui_prompt_line(a, "Its check-ins are locked for good (follow-ups inside their");
        tui_prompt_line(a, "measurement window still count). This cannot be undone.");
        size_t live, open = unreviewed(a, c->id, &live);
        if (open)
            tui_prompt_line(a, "%zu of %zu %s not reviewed (R scores them).", open, live,
                            num_plural((long)live, "objective", "objectives"));
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "y close it    n keep it open");
    }
}

static bool cycles_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    tui_list *l = cl(a);
    switch (act) {
    case ACT_ENTER:
        if (l->sel < a->ncycles) {
            a->cy = l->sel;
            a->tl.sel = a->tl.top = a->kl.sel = 0;
            tui_views_close(a);
            tui_data_reload(a);
            tui_notice(a, false, "cycle %s", a->cycles[a->cy].name);
        }
        return true;
    case ACT_ADD: tui_cycle_add(a); return true;
    case ACT_CYCLE_STATE: ask_state(a, l->sel); return true;
    default: return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 4);
    }
}

const tui_view tui_view_cycles = {"cycles", VK_CYCLES, sizeof(cycles_state), cycles_draw, cycles_key,
                                  NULL, cycles_load, NULL};

void tui_cycle_state(tui_app *a) { ask_state(a, a->ncycles ? a->cy : 0); }

/* ---- the new-cycle form ---- */

#define CY_T fields_cycle, FIELDS_CYCLE_N   /* the form's fields: core/fields.h */

static store_rc cycle_save(tui_app *a)
{
    tui_form *f = &a->form;
    lnd_day d;
    int is = tui_fields_index(f, CY_T, "start");
    if (is >= 0 && !date_parse(tui_form_str(f, is), &d)) {   /* a start date is required here */
        snprintf(f->f[is].err, sizeof f->f[is].err, "not a date; use YYYY-MM-DD");
        f->cur = is;
        return STORE_INVALID;
    }
    lnd_cycle c = {.state = CYCLE_PLANNING};
    if (!tui_fields_read(a, CY_T, &c)) return STORE_INVALID;
    store_rc rc = store_add_cycle(a->st, &c, a->o->user);
    if (rc != STORE_OK) return rc;
    f->id = c.id;
    tui_data_load_cycles(a, NULL);
    for (size_t i = 0; i < a->ncycles; i++)
        if (a->cycles[i].id == c.id) a->cy = i;
    a->tl.sel = a->tl.top = a->kl.sel = 0;
    return STORE_OK;
}

static bool cycle_after(tui_app *a, lnd_id id)
{
    for (size_t i = 0; i < a->ncycles; i++)
        if (a->cycles[i].id == id) {
            tui_list *l = cl(a);
            if (l && tui_view_open_list(a) == &tui_view_cycles) l->sel = i;
            tui_notice(a, false, "created cycle %s (planning): C then s activates it", a->cycles[i].name);
        }
    return true;
}

static const tui_form_ops cycle_ops = {'C', "created", cycle_save, NULL, cycle_after};

void tui_cycle_add(tui_app *a)
{
    char name[32], start[16];
    lnd_day d;
    cycle_suggest(a->cycles, a->ncycles, date_today(), name, sizeof name, &d);
    date_format(d, start, sizeof start);
    tui_form *f = &a->form;
    tui_form_init(f, &cycle_ops, a->ncycles ? "New cycle" : "Create the first cycle");
    lnd_cycle c = {.name = name, .start = start, .weeks = 13, .state = CYCLE_PLANNING};
    tui_fields_build(f, CY_T, &c, true, NULL);
    tui_fields_bounds(f, CY_T, "weeks", 1, 53);
    f->cur = 0;
    tui_edit_open_form(a);
}
