/* SPDX-License-Identifier: MIT */
/* tui/tui_review.c — review mode (R): every objective of the cycle with its suggested score
 * (from its progress or roll-up), the stored score and the verdict judged by its type
 * (committed / aspirational / learning), whether it carries forward, and the selected one's
 * retrospective; Enter or e opens the review form (score 0..1, what worked, what did not,
 * what carries forward, the carry-forward flag; a learning objective's finding, its verdict).
 * Saving goes through tui_edit.c (busy retries; a stale version is a conflict showing both
 * sides and who changed it). c carries the marked objectives into the next cycle: when one
 * would lose its parent, a prompt offers to carry the parent too or to name one there.
 * R opens on the cycle `lnd review` defaults to (store_default_cycle, CYCLE_FOR_REVIEW): the
 * one in review, when the dashboard shows another. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/learning.h"
#include "../store/store_io.h"
#include "../core/numfmt.h"
#include "tui_int.h"

enum { RF_SCORE, RF_WORKED, RF_DIDNT, RF_CARRY, RF_FWD, RF_FINDING };
static const char *const yesno[] = {"no", "yes"};

/* the review view's private state: rows are the cascade's (a->all), reviews as stored */
typedef struct {
    tui_list l;
    lnd_review *reviews;
    size_t nreviews;
} review_state;

static review_state *rst(const tui_app *a) { return (review_state *)tui_view_list((tui_app *)a); }

static void review_load(tui_app *a)
{
    if (!a->plan) return;
    lnd_review *r = NULL;
    size_t n = 0;
    if (store_reviews(a->st, a->v_arena, a->plan->cycle.id, &r, &n) != STORE_OK)
        tui_notice(a, true, "cannot read reviews: %s", store_errmsg(a->st));
    review_state *S = rst(a);
    S->reviews = r;
    S->nreviews = n;
    S->l.count = a->nall;   /* the cascade rows, in order */
}

static const lnd_review *review_of(const tui_app *a, lnd_id obj)
{
    const review_state *S = rst(a);
    const lnd_review *r = S->reviews;
    for (size_t i = 0; i < S->nreviews; i++)
        if (r[i].objective_id == obj) return &r[i];
    return NULL;
}

static double suggested(tui_app *a, size_t oi)
{
    summary_obj s;
    summary_objective(a->plan, oi, &a->rules, a->today, &s);
    return summary_suggested_score(&a->plan->objs[oi], &s);   /* -1: nothing to suggest */
}

static attr_t verdict_attr(const tui_app *a, lnd_verdict v)
{
    switch (v) {
    case VERDICT_MET: case VERDICT_SUCCESS: return a->attr[R_GREEN] | A_BOLD;
    case VERDICT_PARTIAL: return a->attr[R_AMBER] | A_BOLD;
    case VERDICT_MISSED: return a->attr[R_RED] | A_BOLD;
    default: return a->attr[R_ID];
    }
}

/* The id column: as wide as the widest id of the cycle's objectives (O12, O12345), at least 5. */
static int id_w(const tui_app *a)
{
    int iw = 5;
    char id[32];
    for (size_t r = 0; r < a->nall; r++) {
        tui_fmt_id('O', a->plan->objs[a->all[r].obj].id, id, sizeof id);
        if ((int)strlen(id) > iw) iw = (int)strlen(id);
    }
    return iw;
}

/* The title column: what the id and the columns after it leave (a wider id takes from it). */
static int title_w(int cols, int iw)
{
    int tw = cols >= 150 ? 70 : cols >= 110 ? 50 : cols - 66;
    tw -= iw - 5;
    return tw > 16 ? tw : 16;
}

/* One objective of the cascade: id, title, type, suggested and given score, verdict, carry. */
static void review_row(tui_app *a, WINDOW *w, size_t r, int y, bool sel)
{
    size_t oi = a->all[r].obj;
    const lnd_objective *o = &a->plan->objs[oi];
    const lnd_review *rv = review_of(a, o->id);
    int cols = getmaxx(w), iw = id_w(a), tw = title_w(cols, iw);
    attr_t s = sel ? A_REVERSE : A_NORMAL;
    char id[32], sug[16], sc[16] = "-", vd[40];
    tui_fmt_id('O', o->id, id, sizeof id);
    double sg = suggested(a, oi);
    bool has = rv && rv->has_score;
    if (sg >= 0) snprintf(sug, sizeof sug, "%.2f", sg);
    else snprintf(sug, sizeof sug, "-");
    if (has) snprintf(sc, sizeof sc, "%.2f", rv->score);
    lnd_verdict v = progress_verdict(o->type, has ? rv->score : sg < 0 ? 0 : sg);
    if (o->type == OTYPE_LEARNING)   /* its verdict is the finding, shown below */
        snprintf(vd, sizeof vd, "%s", rv && rv->finding && *rv->finding ? "finding given" : "no finding yet");
    else if (!has && sg < 0) snprintf(vd, sizeof vd, "not measured");
    else if (!summary_verdict_time(&a->plan->cycle)) snprintf(vd, sizeof vd, "so far, no verdict");
    else snprintf(vd, sizeof vd, "%s%s", progress_verdict_name(v), has ? "" : " (suggested)");
    int ind = a->all[r].depth * 2;
    tui_put(a, w, y, 1, id, iw, a->attr[R_ID] | s);
    tui_put(a, w, y, 2 + iw + ind, o->title, tw - ind, (o->level == LEVEL_BUSINESS ? A_BOLD : 0) | s);
    int x = 3 + iw + tw;
    tui_put(a, w, y, x, model_otype_name(o->type), 12, s);
    char num[16];
    snprintf(num, sizeof num, "%9s", sug);
    tui_put(a, w, y, x + 13, num, 9, a->attr[R_DIM] | s);
    snprintf(num, sizeof num, "%5s", sc);
    tui_put(a, w, y, x + 23, num, 5, A_BOLD | s);
    tui_put(a, w, y, x + 30, vd, 20, (has ? verdict_attr(a, v) : a->attr[R_DIM]) | s);
    tui_put(a, w, y, x + 51, rv && rv->carry_forward ? "yes" : "", cols - x - 52,
            a->attr[R_NOTICE] | s);
}

static void review_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)focused;
    char title[240];
    int cols = getmaxx(w), lines = getmaxy(w);
    review_state *S = rst(a);
    if (!a->plan) {
        tui_views_title(a, w, "Review");
        return;
    }
    snprintf(title, sizeof title, "Review of %s (%s) %s %zu of %zu %s reviewed %s Enter scores one %s "
             "c carries forward",
             a->plan->cycle.name, model_cycle_state_name(a->plan->cycle.state), a->g->dot,
             S->nreviews, a->nall, num_plural((long)a->nall, "objective", "objectives"), a->g->dot, a->g->dot);
    tui_views_title(a, w, title);
    int iw = id_w(a), tw = title_w(cols, iw);
    char hdr[256];
    snprintf(hdr, sizeof hdr, "%-*s %-*s %-12s %9s %5s  %-20s %s", iw, "ID", tw, "OBJECTIVE", "TYPE",
             "SUGGESTED", "SCORE", "VERDICT", "CARRY");
    tui_put(a, w, 1, 1, hdr, cols - 2, A_BOLD);
    size_t h = (size_t)(lines - 8 > 1 ? lines - 8 : 1);
    tui_list_draw(a, w, &S->l, 2, (int)h, 1, review_row);
    /* the selected objective's retrospective */
    if (S->l.sel >= a->nall) return;
    const lnd_objective *o = &a->plan->objs[a->all[S->l.sel].obj];
    const lnd_review *rv = review_of(a, o->id);
    int y = lines - 5;
    char id[32], line[600];
    tui_fmt_id('O', o->id, id, sizeof id);
    wattrset(w, a->attr[R_DIM]);
    mvwhline(w, y, 0, ' ', cols);
    for (int x = 0; x < cols; x++) mvwaddstr(w, y, x, a->g->hline);
    if (!rv) {
        snprintf(line, sizeof line, "%s not reviewed yet: Enter to score it and write the retrospective", id);
        tui_put(a, w, y + 1, 2, line, cols - 3, a->attr[R_DIM]);
        return;
    }
    snprintf(line, sizeof line, "%s reviewed by %s at %s", id, rv->updated_by ? rv->updated_by : "",
             rv->updated_at ? rv->updated_at : "");
    tui_put(a, w, y + 1, 2, line, cols - 3, a->attr[R_DIM]);
    bool learning = o->type == OTYPE_LEARNING;
    const char *lab[3] = {learning ? "finding:" : "worked:", learning ? "worked:" : "did not:", "carry:"};
    const char *txt[3] = {learning ? rv->finding : rv->worked, learning ? rv->worked : rv->didnt, rv->carry};
    for (int i = 0; i < 3 && y + 2 + i < lines; i++) {
        tui_put(a, w, y + 2 + i, 2, lab[i], 9, A_BOLD);
        tui_put(a, w, y + 2 + i, 12, txt[i] && *txt[i] ? txt[i] : "-", cols - 13, A_NORMAL);
    }
}

static store_rc review_save(tui_app *a);
static void review_conflict(tui_app *a);
static const tui_form_ops review_ops = {'O', "saved", review_save, review_conflict, NULL};

static void review_form(tui_app *a)
{
    review_state *S = rst(a);
    if (!a->plan || S->l.sel >= a->nall) return;
    size_t oi = a->all[S->l.sel].obj;
    const lnd_objective *o = &a->plan->objs[oi];
    const lnd_review *rv = review_of(a, o->id);
    tui_form *f = &a->form;
    char title[200], id[32], sc[16];
    tui_fmt_id('O', o->id, id, sizeof id);
    snprintf(title, sizeof title, "Review %s (%s) %s", id, model_otype_name(o->type), o->title ? o->title : "");
    double sv = rv && rv->has_score ? rv->score : suggested(a, oi);
    snprintf(sc, sizeof sc, "%.2f", sv < 0 ? 0 : sv);
    bool learning = o->type == OTYPE_LEARNING;
    if (learning && !(rv && rv->has_score)) sc[0] = '\0';   /* no suggested score: the finding is its verdict */
    tui_form_init(f, &review_ops, title);
    tui_form_num(f, "Score", sc, !learning, 0, 1, false);
    f->f[RF_SCORE].hint = o->type == OTYPE_COMMITTED ? "0.0-1.0; committed: 1.0 or a miss"
                          : o->type == OTYPE_ASPIRATIONAL ? "0.0-1.0; aspirational: 0.7 is success"
                                                          : "0.0-1.0; learning: say what was learned";
    tui_form_textarea(f, "What worked", rv ? rv->worked : "", false);
    tui_form_textarea(f, "What did not", rv ? rv->didnt : "", false);
    tui_form_textarea(f, "Carries forward", rv ? rv->carry : "", false);
    f->f[RF_CARRY].hint = "which capability need, and why";
    tui_form_choice(f, "Carry forward", yesno, 2, rv && rv->carry_forward ? 1 : 0);
    f->f[RF_FWD].hint = "create it in the next cycle";
    if (learning) {
        tui_form_text(f, "Finding", rv && rv->finding ? rv->finding : "", false);
        f->f[RF_FINDING].hint = "what the hypothesis met: the verdict";
    }
    f->id = o->id;
    f->version = rv ? rv->version : 0;
    tui_edit_open_form(a);
}

static store_rc review_save(tui_app *a)
{
    tui_form *f = &a->form;
    lnd_review r = {.objective_id = f->id, .version = f->version};
    r.score = tui_form_double(f, RF_SCORE, &r.has_score);
    r.worked = (char *)tui_form_str(f, RF_WORKED);
    r.didnt = (char *)tui_form_str(f, RF_DIDNT);
    r.carry = (char *)tui_form_str(f, RF_CARRY);
    r.carry_forward = f->f[RF_FWD].choice == 1;
    r.finding = f->nf > RF_FINDING ? (char *)tui_form_str(f, RF_FINDING) : "";
    if (f->nf <= RF_FINDING) {   /* not a learning objective: keep a finding stored before */
        const lnd_review *old = review_of(a, f->id);
        if (old && old->finding) r.finding = old->finding;
    }
    return store_set_review(a->st, &r, a->o->user);
}

static void review_conflict(tui_app *a)
{
    tui_form *f = &a->form;
    char id[32];
    tui_fmt_id('O', f->id, id, sizeof id);
    tui_edit_conflict_open(a);
    tui_prompt_line(a, "The review of %s was changed while you were editing it", id);
    lnd_arena *t = arena_new();
    lnd_review *r = NULL;
    size_t n = 0;
    if (store_reviews(a->st, t, a->plan->cycle.id, &r, &n) == STORE_OK)
        for (size_t i = 0; i < n; i++) {
            if (r[i].objective_id != f->id) continue;
            a->conflict_version = r[i].version;
            char th[16] = "-";
            if (r[i].has_score) snprintf(th, sizeof th, "%.2f", r[i].score);
            tui_prompt_line(a, "by %s at %s", r[i].updated_by, r[i].updated_at);
            tui_prompt_line(a, "%s", "");
            tui_prompt_line(a, "score     mine: %s   theirs: %s", tui_form_str(f, RF_SCORE), th);
            tui_prompt_line(a, "worked    mine: %s", tui_form_str(f, RF_WORKED));
            tui_prompt_line(a, "        theirs: %s", r[i].worked);
            tui_prompt_line(a, "did not   mine: %s", tui_form_str(f, RF_DIDNT));
            tui_prompt_line(a, "        theirs: %s", r[i].didnt);
            tui_prompt_line(a, "carry     mine: %s (%s)", tui_form_str(f, RF_CARRY), tui_form_str(f, RF_FWD));
            tui_prompt_line(a, "        theirs: %s (%s)", r[i].carry, r[i].carry_forward ? "yes" : "no");
        }
    arena_free(t);
    tui_prompt_line(a, "%s", "");
    tui_prompt_line(a, "m keep mine (save over theirs)   t take theirs   e edit again");
}

/* ---- carry forward into the next cycle ---- */

static char carried_msg[300];

/* The first cycle after this one (by start) that is not closed. */
static bool next_cycle(tui_app *a, lnd_arena *t, lnd_cycle *out)
{
    lnd_cycle *cs;
    size_t n;
    if (store_cycles(a->st, t, &cs, &n) != STORE_OK) return false;
    bool after = false;
    for (size_t i = 0; i < n; i++) {
        if (after && cs[i].state != CYCLE_CLOSED) {
            *out = cs[i];
            return true;
        }
        after = after || cs[i].id == a->plan->cycle.id;
    }
    return false;
}

/* Carry with opts; STORE_OK sets carried_msg. A lost parent opens the prompt unless
 * from_form (then the error stays in the form). */
static void carry_key(tui_app *a, int key);
static void carried_notice(tui_app *a);

static store_rc carry(tui_app *a, const carry_opts *o, bool from_form)
{
    lnd_arena *t = arena_new();
    lnd_cycle to;
    store_rc rc = STORE_OK;
    if (!a->plan || !next_cycle(a, t, &to)) {
        tui_notice(a, true, "no next cycle to carry into: add one (lnd cycle add NAME --start DATE)");
        arena_free(t);
        return STORE_NOTFOUND;
    }
    store_carried *cv;
    size_t n;
    rc = store_carry_forward(a->st, a->plan->cycle.id, to.id, o, a->o->user, t, &cv, &n);
    if (rc == STORE_INVALID && !from_form && strstr(store_errmsg(a->st), "without its parent")) {
        tui_prompt_open(a, carry_key, "pon");
        tui_prompt_line(a, "Carry forward into %s", to.name);
        tui_prompt_line(a, "%s", store_errmsg(a->st));
        tui_prompt_line(a, "%s", "");
        tui_prompt_line(a, "p carry the parent too   o name a parent in %s   n cancel", to.name);
    } else if (rc == STORE_OK) {
        int len = snprintf(carried_msg, sizeof carried_msg, "carried into %s:", to.name);
        size_t made = 0;
        for (size_t i = 0; i < n && len > 0 && (size_t)len < sizeof carried_msg; i++) {
            made += cv[i].created;
            len += snprintf(carried_msg + len, sizeof carried_msg - (size_t)len, " O%lld->O%lld%s", cv[i].from,
                            cv[i].to, cv[i].created ? "" : " (before)");
        }
        if (!n) snprintf(carried_msg, sizeof carried_msg, "nothing marked to carry forward into %s", to.name);
        (void)made;
        if (!from_form) {
            tui_data_reload(a);
            carried_notice(a);
        }
    } else if (!from_form) {
        tui_notice(a, true, "%s", store_errmsg(a->st));
    }
    arena_free(t);
    return rc;
}

static void carried_notice(tui_app *a)
{
    tui_notice(a, false, "%s", carried_msg);
}

/* The carry form: the parent in the next cycle, when the prompt's o names one. */
static store_rc carry_save(tui_app *a);
static bool carry_after(tui_app *a, lnd_id id)
{
    (void)id;
    carried_notice(a);
    return true;
}
static const tui_form_ops carry_ops = {'O', "saved", carry_save, NULL, carry_after};

static void carry_key(tui_app *a, int key)
{
    if (key == 'p') {
        carry_opts o = {.with_parents = true};
        carry(a, &o, false);
    } else if (key == 'o') {
        lnd_arena *t = arena_new();
        lnd_cycle to;
        char title[160];
        snprintf(title, sizeof title, "Carry forward: the parent in %s", next_cycle(a, t, &to) ? to.name : "?");
        arena_free(t);
        tui_form_init(&a->form, &carry_ops, title);
        tui_form_text(&a->form, "Parent", "", true);
        a->form.f[0].hint = "O id of an objective in the next cycle";
        tui_edit_open_form(a);
    }
}

static store_rc carry_save(tui_app *a)
{
    tui_form *f = &a->form;
    const char *s = tui_form_str(f, 0);
    while (*s == ' ') s++;
    if (*s == 'O' || *s == 'o') s++;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (v <= 0 || *end) {
        snprintf(f->f[0].err, sizeof f->f[0].err, "an objective id, e.g. O12");
        return STORE_INVALID;
    }
    carry_opts o = {.parent = v};
    store_rc rc = carry(a, &o, true);
    if (rc == STORE_INVALID) snprintf(f->msg, sizeof f->msg, "%s", store_errmsg(a->st));
    f->id = v;
    return rc;
}

static bool review_key(tui_app *a, tui_action act, int key)
{
    (void)key;
    if (tui_views_move(a, act, (size_t)getmaxy(a->wv) - 8)) return true;
    if (act == ACT_CHECKIN) {
        carry_opts o = {0};
        carry(a, &o, false);
        return true;
    }
    if (act == ACT_ENTER || act == ACT_EDIT) {
        if (a->plan && !summary_verdict_time(&a->plan->cycle))
            tui_notice(a, true, "scores wait for the review: move %s to review when the quarter ends",
                       a->plan->cycle.name);
        else
            review_form(a);
        return true;
    }
    return false;
}

/* The cycle in review, if the dashboard shows another: switch to it (the rule is `lnd review`'s). */
static bool review_open(tui_app *a)
{
    lnd_arena *t = arena_new();
    lnd_cycle c;
    if (a->plan && store_default_cycle(a->st, t, CYCLE_FOR_REVIEW, &c) == STORE_OK && c.state == CYCLE_REVIEW &&
        c.id != a->plan->cycle.id) {
        for (size_t i = 0; i < a->ncycles; i++)
            if (a->cycles[i].id == c.id) {
                a->cy = i;
                a->tl.sel = a->tl.top = a->kl.sel = 0;
                tui_data_reload(a);
                tui_notice(a, false, "reviewing %s (in review)", c.name);
            }
    }
    arena_free(t);
    return true;
}

const tui_view tui_view_review = {"review", VK_REVIEW, sizeof(review_state), review_draw, review_key,
                                   NULL, review_load, review_open};
