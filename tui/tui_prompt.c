/* SPDX-License-Identifier: MIT */
/* tui/tui_prompt.c — one-line prompts over the action bar: archive with confirmation, and
 * the conflict screen shown when a save meets another user's change (each changed field,
 * mine and theirs, and who changed it: keep mine / take theirs / edit again). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/fields.h"
#include "tui_int.h"

/* ---- prompts ---- */

void tui_prompt_open(tui_app *a, tui_prompt_fn fn, const char *keys)
{
    a->prompt = fn;
    a->prompt_alert = false;
    a->nprompt_lines = 0;
    snprintf(a->prompt_keys, sizeof a->prompt_keys, "%s", keys);
    if (tui_kind(a) != VK_PROMPT) tui_push(a, &tui_view_prompt);
    a->dirty = D_ALL;
}

void tui_prompt_line(tui_app *a, const char *f, ...)
{
    if (a->nprompt_lines >= TUI_PROMPT_LINES) return;
    va_list ap;
    va_start(ap, f);
    vsnprintf(a->prompt_lines[a->nprompt_lines++], sizeof a->prompt_lines[0], f, ap);
    va_end(ap);
}

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
