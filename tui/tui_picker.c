/* SPDX-License-Identifier: MIT */
/* tui/tui_picker.c — the parent picker of the objective form (issue 14): ^P in the form lists
 * where the objective may sit (plan_parent_choices: its own subtree left out), indented as
 * in the cascade, with "top level" first and the current parent marked; Enter writes the
 * choice into the form's Parent field (saving stays the form's job), Esc keeps the field as
 * it was. Reads the shown plan only; writes nothing to the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/plan_parent.h"
#include "tui_int.h"

/* the picker's private state: row 0 is "top level", row r > 0 is choice idx[r - 1] */
typedef struct {
    tui_list l;
    size_t *idx;
    size_t n;
    long at;       /* row of the current parent (0: top level) */
    int field;     /* the form field it fills */
} picker_state;

static picker_state *pst(tui_app *a) { return tui_priv(a); }

static int depth_of(const lnd_plan *p, size_t oi)
{
    int d = 0;
    for (long q = plan_obj_index(p, p->objs[oi].parent_id); q >= 0 && d < 20;
         q = plan_obj_index(p, p->objs[q].parent_id))
        d++;
    return d;
}

/* One row of the picker: "top level" first, then each objective indented by its depth. */
static void picker_row(tui_app *a, WINDOW *o, size_t r, int y, bool sel, void *ud)
{
    const picker_state *S = pst(a);
    int wd = *(const int *)ud, x = 2;
    attr_t at = sel ? A_REVERSE : A_NORMAL;
    if (sel) {
        wattrset(o, A_REVERSE);
        mvwhline(o, y, 1, ' ', wd - 2);
        wattrset(o, A_NORMAL);
    }
    const char *mark = (long)r == S->at ? "(current)" : "";
    int markw = 10;
    if (r == 0) {
        x += tui_put(a, o, y, x, "top level (no parent)", wd - 4 - markw, at);
    } else {
        char id[32];
        const lnd_objective *ob = &a->plan->objs[S->idx[r - 1]];
        x += 2 * depth_of(a->plan, S->idx[r - 1]);
        tui_fmt_id('O', ob->id, id, sizeof id);
        x += tui_put(a, o, y, x, id, 8, a->attr[R_ID] | at) + 1;
        x += tui_put(a, o, y, x, ob->title, wd - 3 - x - markw, at);
    }
    if (*mark) tui_put(a, o, y, wd - 2 - markw, mark, markw, A_BOLD | at);
}

static void picker_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)w;
    (void)focused;
    picker_state *S = pst(a);
    int wd = COLS - 4 < 100 ? COLS - 4 : 100;
    int h = (int)S->l.count + 4 < LINES - 2 ? (int)S->l.count + 4 : LINES - 2;
    tui_overlay(a, h, wd);
    WINDOW *o = a->wo;
    werase(o);
    tui_box(a, o);
    char title[200], id[32];
    if (a->form.id) tui_fmt_id('O', a->form.id, id, sizeof id);
    snprintf(title, sizeof title, "Parent of %s", a->form.id ? id : "the new objective");
    tui_put(a, o, 0, 2, title, wd - 4, A_BOLD);
    tui_list_rows(a, o, &S->l, 1, h - 3, 1, picker_row, &wd);
    tui_put(a, o, h - 2, 2, "Enter picks   Esc keeps the field as it was", wd - 4, a->attr[R_DIM]);
    curs_set(0);
    wnoutrefresh(o);
}

static bool picker_key(tui_app *a, tui_action act, int key)
{
    picker_state *S = pst(a);
    if (key == TK_ESC || act == ACT_QUIT) {
        tui_pop(a);
        return true;
    }
    if (act == ACT_ENTER) {
        char id[32] = "";
        if (S->l.sel > 0) tui_fmt_id('O', a->plan->objs[S->idx[S->l.sel - 1]].id, id, sizeof id);
        tui_field *fl = &a->form.f[S->field];
        if (strcmp(fl->le.buf, id) != 0) a->form.changed = true;
        tui_le_set(&fl->le, id);
        fl->err[0] = '\0';
        fl->scroll = 0;
        tui_pop(a);
        a->dirty = D_ALL;
        return true;
    }
    if (tui_list_move(&S->l, act, (size_t)(LINES > 10 ? LINES - 8 : 2))) a->dirty |= D_OVERLAY;
    return true;
}

static bool picker_open(tui_app *a)
{
    if (!a->plan) return false;
    picker_state *S = pst(a);
    long at = -1;
    S->n = plan_parent_choices(a->plan, a->form.id, &S->idx, &at);
    S->at = at + 1;   /* -1 (no parent) is row 0 */
    S->l.count = S->n + 1;
    return true;
}

const tui_view tui_view_picker = {"picker", VK_PICKER, sizeof(picker_state), picker_draw, picker_key,
                                  NULL, NULL, picker_open};

void tui_picker_open(tui_app *a, int field)
{
    if (!tui_push(a, &tui_view_picker)) return;
    picker_state *S = pst(a);
    S->field = field;
    /* the current parent is what the field says now ("O7", "7", empty), else the stored one */
    const char *s = a->form.f[field].le.buf;
    while (*s == ' ') s++;
    if (!*s) S->at = 0;
    if (*s == 'O' || *s == 'o') s++;
    char *end;
    long long v = strtoll(s, &end, 10);
    for (size_t i = 0; *s && *end == '\0' && i < S->n; i++)
        if (a->plan->objs[S->idx[i]].id == v) S->at = (long)i + 1;
    S->l.sel = (size_t)S->at;
}
