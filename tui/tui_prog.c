/* SPDX-License-Identifier: MIT */
/* tui/tui_prog.c — programmes: the week timeline of the cycle (P: one row per programme over
 * weeks 1..N, the current week marked, the objective each serves) and the programme form
 * (a add, e edit, d archive with confirmation). Saving goes through tui_edit.c's form
 * machinery (busy retries, conflicts by version); this file builds the form, saves it and
 * explains a conflict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_fields.h"
#include "tui_int.h"

/* the programme view's private state: plan->progs indexes of the rows shown */
typedef struct {
    tui_list l;
    size_t *rows;
} prog_state;

static prog_state *pst(const tui_app *a) { return (prog_state *)tui_view_list((tui_app *)a); }

static void prog_load(tui_app *a)
{
    if (!a->plan) return;
    size_t *rows = arena_alloc(a->v_arena, (a->plan->nprogs ? a->plan->nprogs : 1) * sizeof *rows);
    size_t n = 0;
    for (size_t i = 0; i < a->plan->nprogs; i++)
        if (!a->plan->progs[i].archived) rows[n++] = i;
    pst(a)->rows = rows;
    pst(a)->l.count = n;
}

static const lnd_programme *sel_prog(const tui_app *a)
{
    const prog_state *S = pst(a);
    if (!a->plan || !S || S->l.sel >= S->l.count) return NULL;
    return &a->plan->progs[S->rows[S->l.sel]];
}

/* The columns of the timeline, as prog_draw sized them. */
typedef struct {
    int iw, tw, gx, cw, weeks;   /* id and title widths, grid start, week width, weeks */
} prog_cols;

static void prog_row(tui_app *a, WINDOW *w, size_t r, int y, bool sel, void *ud)
{
    const prog_cols *c = ud;
    int iw = c->iw, tw = c->tw, gx = c->gx, cw = c->cw, weeks = c->weeks, cols = getmaxx(w);
    const lnd_programme *p = &a->plan->progs[pst(a)->rows[r]];
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    if (sel) {
        wattrset(w, A_REVERSE);
        mvwhline(w, y, 0, ' ', gx - 1);
    }
    char id[32], serves[32], wks[32];
    tui_fmt_id('P', p->id, id, sizeof id);
    if (p->objective_id) tui_fmt_id('O', p->objective_id, serves, sizeof serves);
    else snprintf(serves, sizeof serves, "none");
    snprintf(wks, sizeof wks, "%d-%d", p->start_week, p->end_week);
    tui_put(a, w, y, 1, id, iw, a->attr[R_ID] | s);
    tui_put(a, w, y, iw + 2, p->title, tw, A_BOLD | s);
    tui_put(a, w, y, iw + 3 + tw, serves, 6, (p->objective_id ? 0 : a->attr[R_RED] | A_BOLD) | s);
    tui_put(a, w, y, iw + 10 + tw, wks, 6, s);
    attr_t on = a->week > p->end_week ? a->attr[R_GREEN] : a->attr[R_BAR];
    for (int wk = 1; wk <= weeks && gx + (wk - 1) * cw + cw <= cols - 1; wk++) {
        bool in = wk >= p->start_week && wk <= p->end_week;
        bool now = wk == a->week;
        for (int k = 0; k < cw; k++) {
            const char *g = in ? a->g->full : k == cw - 1 && cw > 1 ? " " : now ? "|" : a->g->ascii ? "." : a->g->dot;
            if (now && !in && k != (cw - 1) / 2) g = " ";
            tui_glyph_put(w, y, gx + (wk - 1) * cw + k, g,
                          now ? (in ? a->attr[R_NOTICE] | A_BOLD : a->attr[R_NOTICE]) : in ? on : a->attr[R_DIM]);
        }
    }
}

static void prog_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    char title[200];
    int weeks = a->plan ? a->plan->cycle.weeks : 0;
    char when[64] = "";
    if (a->plan) summary_when_text(a->plan, a->today, when, sizeof when);
    snprintf(title, sizeof title, "Programmes %s timeline of %s, %s %s a add  e edit  d archive",
             a->g->dot, a->plan ? a->plan->cycle.name : "", when, a->g->dot);
    tui_views_title(a, w, title);
    int cols = getmaxx(w), lines = getmaxy(w);
    prog_state *S = pst(a);
    if (!a->plan) return;
    if (!S->l.count) {
        tui_put(a, w, 2, 2, "No programmes in this cycle: press a to add one.", cols - 3, a->attr[R_DIM]);
        return;
    }
    int tw = cols >= 150 ? 40 : cols >= 100 ? 30 : 20;
    int iw = 5;                    /* the id column: as wide as the widest id (P12, P1234) */
    for (size_t r = 0; r < S->l.count; r++) {
        char pid[32];
        tui_fmt_id('P', a->plan->progs[S->rows[r]].id, pid, sizeof pid);
        if ((int)strlen(pid) > iw) iw = (int)strlen(pid);
    }
    int gx = iw + 1 + tw + 1 + 7 + 7;   /* grid start: id, title, serves, weeks */
    int cw = weeks > 0 ? (cols - gx - 2) / weeks : 1;
    if (cw > 4) cw = 4;
    if (cw < 1) cw = 1;
    char hdr[256];
    snprintf(hdr, sizeof hdr, "%-*s %-*s %-6s %-6s", iw, "ID", tw, "PROGRAMME", "SERVES", "WEEKS");
    tui_put(a, w, 1, 1, hdr, gx - 1, A_BOLD);
    for (int wk = 1; wk <= weeks && gx + (wk - 1) * cw < cols - 1; wk++) {
        char n[16];
        if (cw >= 3) snprintf(n, sizeof n, "%*d", cw - 1, wk);
        else snprintf(n, sizeof n, "%d", wk % 10);
        tui_put(a, w, 1, gx + (wk - 1) * cw, n, cw, wk == a->week ? (A_REVERSE | A_BOLD) : a->attr[R_DIM]);
    }
    int h = lines - 5 > 1 ? lines - 5 : 1;
    prog_cols c = {iw, tw, gx, cw, weeks};
    tui_list_rows(a, w, &S->l, 2, h, 1, prog_row, &c);
    int y = 2 + (int)(S->l.count - S->l.top < (size_t)h ? S->l.count - S->l.top : (size_t)h);
    /* the current week marked under the grid */
    if (a->week >= 1 && a->week <= weeks) {
        int mx = gx + (a->week - 1) * cw + (cw - 1) / 2;
        char m[64];
        snprintf(m, sizeof m, "^ week %d (now)", a->week);
        if (mx + 15 >= cols) mx = cols - 16;
        if (mx >= 0 && y < lines) tui_put(a, w, y, mx, m, cols - mx - 1, a->attr[R_NOTICE] | A_BOLD);
    }
    const lnd_programme *p = sel_prog(a);
    if (p && y + 2 < lines) {
        char line[600];
        long oi = p->objective_id ? plan_obj_index(a->plan, p->objective_id) : -1;
        snprintf(line, sizeof line, "serves: %s %s audience: %s",
                 oi >= 0 ? a->plan->objs[oi].title : "no objective (a programme should serve one)",
                 a->g->dot, p->audience && *p->audience ? p->audience : "-");
        tui_put(a, w, y + 2, 2, line, cols - 3, oi >= 0 ? A_NORMAL : a->attr[R_AMBER]);
    }
}

/* ---- the form ---- */

static store_rc prog_save(tui_app *a);
static void prog_conflict(tui_app *a);
static const tui_form_ops prog_add_ops = {'P', "saved", prog_save, prog_conflict, NULL};
static const tui_form_ops prog_edit_ops = {'P', "saved", prog_save, prog_conflict, NULL};

#define PROG_T fields_prog, FIELDS_PROG_N
/* The form's order where it is not the table's (core/fields.h FIELDS_PROG); a labelled field
 * added to the table follows these. */
static const char *const prog_order[] = {"title", "objective", "start_week", "end_week", "audience", NULL};

static void prog_form(tui_app *a, bool add, const lnd_programme *p)
{
    tui_form *f = &a->form;
    char title[200], id[32];
    int weeks = a->plan->cycle.weeks;
    if (!add) {
        tui_fmt_id('P', p->id, id, sizeof id);
        snprintf(title, sizeof title, "Edit programme %s", id);
    } else {
        snprintf(title, sizeof title, "New programme in %s", a->plan->cycle.name);
    }
    tui_form_init(f, add ? &prog_add_ops : &prog_edit_ops, title);
    tui_fields_build(f, PROG_T, p, add, prog_order);
    tui_fields_bounds(f, PROG_T, "start_week", 1, weeks);
    tui_fields_bounds(f, PROG_T, "end_week", 1, weeks);
    f->id = p->id;
    f->version = p->version;
    tui_edit_open_form(a);
}

/* The form's values into p (which holds what the form does not show), with the rule of a
 * programme the table cannot say: it does not end before it starts. */
static bool prog_read(tui_app *a, lnd_programme *p)
{
    tui_form *f = &a->form;
    p->id = f->id;
    p->version = f->version;
    if (!tui_fields_read(a, PROG_T, p)) return false;
    if (p->end_week < p->start_week) {
        int e = tui_fields_index(f, PROG_T, "end_week");
        snprintf(f->f[e].err, sizeof f->f[e].err, "not before the start week");
        f->cur = e;
        return false;
    }
    return true;
}

static store_rc prog_save(tui_app *a)
{
    lnd_programme p = {.cycle_id = a->plan->cycle.id};
    if (a->form.ops == &prog_edit_ops)
        for (size_t i = 0; i < a->plan->nprogs; i++)
            if (a->plan->progs[i].id == a->form.id) p = a->plan->progs[i];
    if (!prog_read(a, &p)) return STORE_INVALID;
    store_rc rc = a->form.ops == &prog_add_ops ? store_add_programme(a->st, &p, a->o->user)
                                             : store_update_programme(a->st, &p, a->o->user);
    if (rc == STORE_OK) a->form.id = p.id;
    return rc;
}

static void prog_conflict(tui_app *a)
{
    tui_form *f = &a->form;
    char id[32];
    tui_fmt_id('P', f->id, id, sizeof id);
    lnd_arena *t = arena_new();
    lnd_audit au = {0};
    tui_edit_conflict_open(a);
    tui_prompt_line(a, "%s was changed while you were editing it", id);
    if (store_last_change(a->st, t, "programme", f->id, &au) == STORE_OK)
        {
        char who[300];
        tui_prompt_line(a, "by %s at %s: %s", model_who(au.user, au.account, who, sizeof who),
                        tui_local_stamp(au.at), au.detail ? au.detail : au.action);
    }
    lnd_plan *fresh = NULL;
    if (store_load_plan(a->st, a->plan->cycle.id, &fresh) == STORE_OK) {
        for (size_t i = 0; i < fresh->nprogs; i++) {
            const lnd_programme *th = &fresh->progs[i];
            if (th->id != f->id) continue;
            lnd_programme mine = *th;   /* what the form does not show is theirs */
            a->conflict_version = th->version;
            prog_read(a, &mine);
            fields_change ch[FIELDS_PROG_N];
            tui_prompt_line(a, "%s", "");
            tui_conflict_lines(a, ch, fields_prog_diff(th, &mine, ch, FIELDS_PROG_N));
        }
        plan_free(fresh);
    }
    arena_free(t);
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "m keep mine (save over theirs)   t take theirs   e edit again");
}

static void archive_key(tui_app *a, int key)
{
    const lnd_programme *p = sel_prog(a);
    if (key != 'y' || !p) return;
    char id[32];
    tui_fmt_id('P', p->id, id, sizeof id);
    store_rc rc = store_archive_programme(a->st, p->id, p->version, a->o->user);
    if (rc == STORE_OK) tui_notice(a, false, "archived %s", id);
    else if (rc == STORE_CONFLICT) tui_notice(a, true, "%s changed meanwhile; look again, then archive", id);
    else tui_notice(a, true, "%s", store_errmsg(a->st));
    tui_data_reload(a);
}

static bool prog_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (tui_views_move(a, act, (size_t)getmaxy(a->wv) - 5)) return true;
    if (!a->plan) return false;
    const lnd_programme *p = sel_prog(a);
    switch (act) {
    case ACT_ADD: {
        long oi = tui_sel_obj(a);
        int wk = a->week >= 1 && a->week <= a->plan->cycle.weeks ? a->week : 1;
        lnd_programme n = {.title = "", .audience = "", .start_week = wk,
                           .end_week = wk + 1 <= a->plan->cycle.weeks ? wk + 1 : wk,
                           .objective_id = oi >= 0 ? a->plan->objs[oi].id : 0};
        prog_form(a, true, &n);
        return true;
    }
    case ACT_EDIT: case ACT_ENTER:
        if (p) prog_form(a, false, p);
        return true;
    case ACT_ARCHIVE:
        if (!p) return true;
        char id[32];
        tui_fmt_id('P', p->id, id, sizeof id);
        tui_prompt_open(a, archive_key, "yn");
        tui_prompt_line(a, "Archive programme %s?", id);
        tui_prompt_line(a, "%s", p->title);
        tui_prompt_line(a, "It leaves the timeline and its follow-ups; nothing is deleted.");
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "y archive    n keep it");
        return true;
    default: return false;
    }
}

const tui_view tui_view_prog = {"programmes", VK_PROG, sizeof(prog_state), prog_draw, prog_key, NULL,
                                 prog_load, NULL};
