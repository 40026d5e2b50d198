/* SPDX-License-Identifier: MIT */
/* tui/tui_undo.c — taking a change back from the dashboard (issue 14): undo (u) shows your own
 * last change to an objective, key result or programme, asks, then reverts exactly that one
 * (store_undo with the peeked audit id: if it is another by now, or someone changed the row
 * since, the store's message is shown and nothing changes; check-ins are never undone); the
 * archived view (X) lists the shown cycle's archived objectives, key results and programmes
 * and restores the selected one after a confirmation (store_unarchive_*, version-checked).
 * The rules live in store/; this file asks, calls and says what happened. */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

/* ---- the store's refusal, whole (the header would cut it at 80 columns) ---- */

static void alert_key(tui_app *a, int key)
{
    (void)a;
    (void)key;
}

void tui_alert(tui_app *a, const char *title, const char *msg)
{
    tui_prompt_open(a, alert_key, "\r");
    tui_prompt_state *p = tui_prompt(a);
    if (!p) return;
    p->alert = true;
    tui_prompt_line(a, "%s", title);
    /* split at spaces into lines of at most 66 bytes (UTF-8 is never cut inside a character) */
    const char *s = msg;
    while (*s && p->nlines < TUI_PROMPT_LINES - 2) {
        size_t n = strlen(s), cut = n;
        if (n > 66) {
            cut = 66;
            while (cut > 0 && s[cut] != ' ') cut--;
            if (cut == 0) cut = 66;
            while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80) cut++;
        }
        tui_prompt_line(a, "%.*s", (int)cut, s);
        s += cut;
        while (*s == ' ') s++;
    }
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "Enter or Esc closes");
}

/* ---- undo ---- */

static const char *action_word(const char *action)
{
    if (strcmp(action, "add") == 0) return "addition";
    if (strcmp(action, "unarchive") == 0) return "restore";
    return action;   /* edit, archive */
}

static void undo_key(tui_app *a, int key)
{
    if (key != 'y') return;
    lnd_arena *t = arena_new();
    store_undo_info u;
    store_rc rc = store_undo(a->st, t, (lnd_id)tui_prompt(a)->ctx[0], a->o->user, &u);
    if (rc == STORE_OK) {
        char res[200];   /* an edit's detail is the change reverted: the notice names it only */
        snprintf(res, sizeof res, "%s%s", strcmp(u.action, "edit") ? ": " : "",
                 strcmp(u.action, "edit") ? store_undo_result(&u) : "");
        char what[32];
        snprintf(what, sizeof what, "%s", action_word(u.action));
        lnd_id obj = 0, kr = 0;
        if (strcmp(u.entity, "objective") == 0) obj = u.entity_id;
        if (strcmp(u.entity, "kr") == 0 && a->plan) {
            long k = plan_kr_index(a->plan, u.entity_id);
            if (k >= 0) obj = a->plan->krs[k].objective_id, kr = u.entity_id;
        }
        char label[32];
        snprintf(label, sizeof label, "%s", u.label);
        tui_data_reload(a);
        if (obj && !tui_view_open_list(a)) tui_goto(a, obj, kr);
        tui_notice(a, false, "undid the %s of %s%s", what, label, res);
    } else {
        char msg[256];
        snprintf(msg, sizeof msg, "%s", store_errmsg(a->st));
        tui_data_reload(a);
        tui_notice(a, true, "nothing undone");
        tui_alert(a, "Nothing undone", msg);
    }
    arena_free(t);
}

void tui_undo(tui_app *a)
{
    lnd_arena *t = arena_new();
    store_undo_info u;
    store_rc rc = store_undo_peek(a->st, t, &u);
    if (rc == STORE_NOTFOUND) {
        tui_notice(a, false, "nothing of yours to undo");
    } else if (rc != STORE_OK) {
        tui_notice(a, true, "%s", store_errmsg(a->st));
    } else if (tui_prompt_open(a, undo_key, "yn"), tui_prompt(a)) {
        tui_prompt(a)->ctx[0] = u.audit_id;
        /* yours = this OS account; made under another --user name: say so */
        const char *me = a->o->user ? a->o->user : "";
        if (u.user && strcmp(u.user, me))
            tui_prompt_line(a, "Undo your %s (as %s) of %s?", action_word(u.action), u.user, u.label);
        else
            tui_prompt_line(a, "Undo your %s of %s?", action_word(u.action), u.label);
        tui_prompt_line(a, "%s", u.title ? u.title : "");
        tui_prompt_line(a, "changed %s", tui_local_stamp(u.at));
        tui_prompt_line(a, "Undoing it: %s", strcmp(u.action, "add") ? store_undo_result(&u) : "archives it");
        tui_prompt_line(a, "Check-ins are never undone: correct one with a new check-in.");
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "y undo it    n keep it");
    }
    arena_free(t);
}

/* ---- the archived view ---- */

typedef struct {
    char kind;      /* 'O', 'K', 'P' */
    size_t i;       /* index into the plan's objs, krs or progs */
} arch_row;

/* the archived view's private state */
typedef struct {
    tui_list l;
    arch_row *rows;
} arch_state;

static arch_state *ast(tui_app *a) { return (arch_state *)tui_view_list(a); }

static void arch_load(tui_app *a)
{
    arch_state *S = ast(a);
    const lnd_plan *p = a->plan;
    if (!p) return;
    size_t n = p->nobjs + p->nkrs + p->nprogs, m = 0;
    S->rows = arena_alloc(a->v_arena, (n ? n : 1) * sizeof *S->rows);
    for (size_t i = 0; i < p->nobjs; i++)
        if (p->objs[i].archived) S->rows[m++] = (arch_row){'O', i};
    for (size_t i = 0; i < p->nkrs; i++)
        if (p->krs[i].archived) S->rows[m++] = (arch_row){'K', i};
    for (size_t i = 0; i < p->nprogs; i++)
        if (p->progs[i].archived) S->rows[m++] = (arch_row){'P', i};
    S->l.count = m;
}

static void row_info(const tui_app *a, const arch_row *r, lnd_id *id, long *version, const char **title,
                     const char **what)
{
    const lnd_plan *p = a->plan;
    if (r->kind == 'O') {
        *id = p->objs[r->i].id, *version = p->objs[r->i].version, *title = p->objs[r->i].title;
        *what = "objective";
    } else if (r->kind == 'K') {
        *id = p->krs[r->i].id, *version = p->krs[r->i].version, *title = p->krs[r->i].title;
        *what = "key result";
    } else {
        *id = p->progs[r->i].id, *version = p->progs[r->i].version, *title = p->progs[r->i].title;
        *what = "programme";
    }
}

static void arch_row_draw(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    const arch_row *row = &ast(a)->rows[r];
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    lnd_id id;
    long v;
    const char *title, *what;
    row_info(a, row, &id, &v, &title, &what);
    char sid[32], under[48] = "";
    tui_fmt_id(row->kind, id, sid, sizeof sid);
    /* what it sits under: a KR's objective, an objective's parent, the objective a programme serves */
    lnd_id up = row->kind == 'K'   ? a->plan->krs[row->i].objective_id
                : row->kind == 'O' ? a->plan->objs[row->i].parent_id
                                   : a->plan->progs[row->i].objective_id;
    if (up) tui_fmt_id('O', up, under, sizeof under);
    tui_put(a, w, y, 2, sid, 8, a->attr[R_ID] | s);
    tui_put(a, w, y, 11, what, 11, s);
    tui_put(a, w, y, 23, under, 7, a->attr[R_DIM] | s);
    tui_put(a, w, y, 31, title, getmaxx(w) - 32, s);
}

static void arch_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    arch_state *S = ast(a);
    char title[160];
    snprintf(title, sizeof title, "Archived in %s %s Enter restores the selected row",
             a->plan ? a->plan->cycle.name : "no cycle", a->g->dot);
    tui_views_title(a, w, title);
    int cols = getmaxx(w);
    if (!S->l.count) {
        tui_put(a, w, 2, 2, "Nothing archived in this cycle.", cols - 3, a->attr[R_DIM]);
        return;
    }
    char hdr[128];
    snprintf(hdr, sizeof hdr, " %-8s %-11s %-7s %s", "ID", "WHAT", "UNDER", "TITLE");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    tui_list_draw(a, w, &S->l, 2, getmaxy(w) - 2, 1, arch_row_draw);
}

static void restore_key(tui_app *a, int key)
{
    if (key != 'y') return;
    char kind = (char)tui_prompt(a)->ctx[0];
    lnd_id id = (lnd_id)tui_prompt(a)->ctx[1];
    long version = (long)tui_prompt(a)->ctx[2];
    store_rc rc = kind == 'O' ? store_unarchive_objective(a->st, id, version, a->o->user)
                : kind == 'K' ? store_unarchive_kr(a->st, id, version, a->o->user)
                              : store_unarchive_programme(a->st, id, version, a->o->user);
    char sid[32], msg[256];
    tui_fmt_id(kind, id, sid, sizeof sid);
    snprintf(msg, sizeof msg, "%s", rc == STORE_OK ? "" : store_errmsg(a->st));
    tui_data_reload(a);
    if (rc == STORE_OK) {
        tui_notice(a, false, "restored %s", sid);
    } else {
        tui_notice(a, true, "%s not restored", sid);
        tui_alert(a, "Not restored", msg);
    }
}

static void ask_restore(tui_app *a)
{
    arch_state *S = ast(a);
    if (S->l.sel >= S->l.count) return;
    const arch_row *row = &S->rows[S->l.sel];
    lnd_id id;
    long v;
    const char *title, *what;
    row_info(a, row, &id, &v, &title, &what);
    char sid[32];
    tui_fmt_id(row->kind, id, sid, sizeof sid);
    tui_prompt_open(a, restore_key, "yn");
    tui_prompt_state *p = tui_prompt(a);
    if (!p) return;
    p->ctx[0] = row->kind;
    p->ctx[1] = id;
    p->ctx[2] = v;
    tui_prompt_line(a, "Restore %s %s?", what, sid);
    tui_prompt_line(a, "%s", title ? title : "");
    tui_prompt_line(a, "It comes back into the plan and the roll-ups as it was.");
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "y restore    n leave it archived");
}

static bool arch_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (act == ACT_ENTER) {
        ask_restore(a);
        return true;
    }
    return tui_views_move(a, act, (size_t)getmaxy(a->wv) - 2);
}

const tui_view tui_view_archived = {"archived", VK_ARCHIVED, sizeof(arch_state), arch_draw, arch_key,
                                    NULL, arch_load, NULL};
