/* SPDX-License-Identifier: MIT */
/* tui/tui_prompt.c — one-line prompts over the action bar (the prompt view: a key from the
 * prompt's set answers it) and the archive prompt of an objective or key result. The conflict
 * screen a save can open is tui_edit.c's. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/fields.h"
#include "tui_int.h"

/* ---- prompts ---- */

tui_prompt_state *tui_prompt(tui_app *a)
{
    tui_frame *f = tui_vstack_top(&a->stack);
    if (f && f->kind == VK_PROMPT) return f->priv;
    return a->answering;
}

void tui_prompt_open(tui_app *a, tui_prompt_fn fn, const char *keys)
{
    if (tui_kind(a) != VK_PROMPT && !tui_push(a, &tui_view_prompt)) return;
    tui_prompt_state *p = tui_vstack_top(&a->stack)->priv;
    memset(p, 0, sizeof *p);
    p->fn = fn;
    snprintf(p->keys, sizeof p->keys, "%s", keys);
    a->dirty = D_ALL;
}

void tui_prompt_line(tui_app *a, const char *f, ...)
{
    tui_prompt_state *p = tui_prompt(a);
    if (!p || p->nlines >= TUI_PROMPT_LINES) return;
    va_list ap;
    va_start(ap, f);
    vsnprintf(p->lines[p->nlines++], sizeof p->lines[0], f, ap);
    va_end(ap);
}

/* The prompt draws into the centred overlay window (tui_overlay), not w: its lines, the first
 * bold (or in the error colour for a conflict). */
static void prompt_draw(tui_app *a, WINDOW *unused, bool focused)
{
    (void)unused;
    (void)focused;
    const tui_prompt_state *p = tui_prompt(a);
    if (!p) return;
    int wmax = 20;
    for (int i = 0; i < p->nlines; i++) {
        int l = (int)strlen(p->lines[i]) + 4;
        if (l > wmax) wmax = l;
    }
    int wdt = wmax < COLS - 2 ? wmax : COLS - 2;
    if (wdt > 90) wdt = 90;
    int h = p->nlines + 2;
    if (h > LINES - 2) h = LINES - 2;
    tui_overlay(a, h, wdt);
    WINDOW *w = a->wo;
    werase(w);
    tui_box(a, w);
    for (int i = 0; i < p->nlines && i + 1 < h - 1; i++)
        tui_put(a, w, i + 1, 2, p->lines[i], wdt - 4, i == 0 ? (p->alert ? a->attr[R_ERROR] : A_BOLD) : A_NORMAL);
    curs_set(0);
    wnoutrefresh(w);
}

/* The prompt view: Esc answers with the prompt's last key (n, or e: edit again); an answer
 * closes the prompt, then its handler runs over what is beneath (the form, a view). */
static bool prompt_key(tui_app *a, tui_action act, int key)
{
    (void)act;
    tui_prompt_state *p = tui_prompt(a), answered;
    size_t nk = strlen(p->keys);
    if (key == TK_ESC && nk) key = p->keys[nk - 1];
    if (key > 127 || !strchr(p->keys, key) || !key) return true;
    answered = *p;   /* the handler reads what it is about after the prompt is gone */
    tui_pop(a);
    tui_prompt_state *outer = a->answering;
    a->answering = &answered;
    answered.fn(a, key);
    a->answering = outer;
    return true;
}

const tui_view tui_view_prompt = {"prompt", VK_PROMPT, sizeof(tui_prompt_state), prompt_draw, prompt_key,
                                  NULL, NULL, NULL};

/* y: archive the selected KR (over the KR panes) or objective. */
static void archive_key(tui_app *a, int key)
{
    if (key != 'y') return;
    long oi = tui_sel_obj(a), ki = tui_sel_kr(a);
    bool kr = a->focus != PANE_TREE && ki >= 0;
    long i = kr ? ki : oi;
    if (i < 0) return;
    lnd_id id = kr ? a->plan->krs[i].id : a->plan->objs[i].id;
    long v = kr ? a->plan->krs[i].version : a->plan->objs[i].version;
    store_rc rc = kr ? store_archive_kr(a->st, id, v, a->o->user)
                     : store_archive_objective(a->st, id, v, a->o->user);
    char sid[32];
    tui_fmt_id(kr ? 'K' : 'O', id, sid, sizeof sid);
    if (rc == STORE_OK) tui_notice(a, false, "archived %s", sid);
    else if (rc == STORE_CONFLICT) tui_notice(a, true, "%s changed meanwhile; look again, then archive", sid);
    else tui_notice(a, true, "%s", store_errmsg(a->st));
    tui_data_reload(a);
}

void tui_edit_archive(tui_app *a)
{
    long oi = tui_sel_obj(a), ki = tui_sel_kr(a);
    char id[32];
    if (a->focus != PANE_TREE && ki >= 0) {
        tui_fmt_id('K', a->plan->krs[ki].id, id, sizeof id);
        tui_prompt_open(a, archive_key, "yn");
        tui_prompt_line(a, "Archive key result %s?", id);
        tui_prompt_line(a, "%s", a->plan->krs[ki].title);
        tui_prompt_line(a, "Its check-ins are kept; it leaves the plan and the roll-ups.");
    } else if (oi >= 0) {
        tui_fmt_id('O', a->plan->objs[oi].id, id, sizeof id);
        tui_prompt_open(a, archive_key, "yn");
        tui_prompt_line(a, "Archive objective %s?", id);
        tui_prompt_line(a, "%s", a->plan->objs[oi].title);
        tui_prompt_line(a, "Its key results leave the plan with it; nothing is deleted.");
    } else {
        return;
    }
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "y archive    n keep it");
}

