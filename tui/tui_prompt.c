/* SPDX-License-Identifier: MIT */
/* tui/tui_prompt.c — one-line prompts over the action bar: archive with confirmation, and
 * the conflict screen shown when a save meets another user's change (each changed field,
 * mine and theirs, and who changed it: keep mine / take theirs / edit again). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

static void diff_line(tui_app *a, const char *field, const char *mine, const char *theirs)
{
    if (strcmp(mine ? mine : "", theirs ? theirs : "") == 0) return;
    tui_prompt_line(a, "%s:", field);
    tui_prompt_line(a, "  mine:   %s", mine ? mine : "");
    tui_prompt_line(a, "  theirs: %s", theirs ? theirs : "");
}

static void diff_num(tui_app *a, const char *field, double mine, bool hm, double theirs, bool ht)
{
    char m[48] = "", t[48] = "";
    if (hm) model_fmt_num(mine, m, sizeof m);
    if (ht) model_fmt_num(theirs, t, sizeof t);
    diff_line(a, field, m, t);
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
    if (is_kr) {
        lnd_kr th, mine = {0};
        if (store_get_kr(a->st, t, f->id, &th) == STORE_OK) {
            tui_edit_kr_from_form(a, &mine);
            a->conflict_version = th.version;
            diff_line(a, "metric", mine.title, th.title);
            diff_line(a, "unit", mine.unit, th.unit);
            diff_num(a, "baseline", mine.baseline, mine.has_baseline, th.baseline, th.has_baseline);
            diff_num(a, "target", mine.target, true, th.target, true);
            diff_line(a, "owner", mine.owner, th.owner);
            diff_line(a, "co-owner", mine.coowner, th.coowner);
            diff_num(a, "due week", mine.due_week, true, th.due_week, true);
            diff_num(a, "weight", mine.weight, true, th.weight, true);
            diff_line(a, "evidence", model_evidence_name(mine.evidence), model_evidence_name(th.evidence));
            diff_line(a, "indicator", model_indicator_name(mine.indicator), model_indicator_name(th.indicator));
            diff_line(a, "direction", model_direction_name(mine.direction), model_direction_name(th.direction));
        }
    } else {
        lnd_objective th, mine = {0};
        if (store_get_objective(a->st, t, f->id, &th) == STORE_OK) {
            lnd_id parent = 0;
            tui_edit_parent_field(a, &parent);
            tui_edit_objective_from_form(a, &mine, parent);
            a->conflict_version = th.version;
            diff_line(a, "title", mine.title, th.title);
            diff_line(a, "level", model_level_name(mine.level), model_level_name(th.level));
            diff_line(a, "type", model_otype_name(mine.type), model_otype_name(th.type));
            diff_line(a, "problem", mine.problem, th.problem);
            diff_line(a, "outcome", mine.outcome, th.outcome);
            diff_line(a, "capability", mine.capability, th.capability);
            diff_line(a, "owner", mine.owner, th.owner);
            diff_line(a, "business owner", mine.business_owner, th.business_owner);
            diff_num(a, "cadence", mine.cadence_days, true, th.cadence_days, true);
            diff_num(a, "parent", (double)mine.parent_id, true, (double)th.parent_id, true);
        }
    }
    arena_free(t);
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "m keep mine (save over theirs)   t take theirs   e edit again");
}
