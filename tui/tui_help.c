/* SPDX-License-Identifier: MIT */
/* tui/tui_help.c — the two full-screen overlays: the help screen, generated from the actions
 * table (tui_act_help_lines), and presentation mode (`z`): the selected business objective's
 * whole cascade — problem and outcome statements, L&D objectives, KRs with baseline -> current
 * -> target in bold, bars and latest check-ins — with generous spacing for
 * a projector. Both are views on the stack with their own scroll state; they scroll with the
 * movement keys, and their key, q or Esc closes them. */
#include <stdio.h>
#include <string.h>

#include "../core/numfmt.h"
#include "tui_int.h"

static void full_overlay(tui_app *a)
{
    tui_overlay(a, LINES - 2, COLS);
    werase(a->wo);
}

/* private state of both: the first line shown; help also lists the actions of the kind of
 * view it was opened over */
typedef struct {
    int top;
    unsigned under;
} help_state;

static help_state *hst(tui_app *a) { return tui_priv(a); }

static bool scroll_key(int *top, tui_action act, int page)
{
    switch (act) {
    case ACT_UP: if (*top > 0) (*top)--; return true;
    case ACT_DOWN: (*top)++; return true;
    case ACT_PGUP: *top = *top > page ? *top - page : 0; return true;
    case ACT_PGDN: *top += page; return true;
    case ACT_TOP: *top = 0; return true;
    case ACT_BOTTOM: *top = 100000; return true;   /* the draw clamps it */
    default: return false;
    }
}

static bool help_open(tui_app *a)
{
    tui_frame *f = a->stack.n > 1 ? &a->stack.f[a->stack.n - 2] : NULL;
    static const unsigned pane_kind[PANE_N] = {VK_TREE, VK_KRS, VK_CIS};
    hst(a)->under = f ? f->kind : pane_kind[a->focus];
    return true;
}

/* The help lines wrapped to width columns (they are our ASCII text): a long description goes
 * on below itself, indented to the description column. Returns the number of lines. */
static size_t help_wrap(const char *const *in, size_t nin, int width, char *buf, size_t n,
                        const char **out, size_t max)
{
    size_t used = 0, nl = 0;
    for (size_t i = 0; i < nin && nl < max; i++) {
        const char *s = in[i];
        int indent = 0;
        while (nl < max) {
            int room = width - indent;
            if (room < 10) room = 10;
            size_t len = strlen(s), take = len;
            if ((int)len > room) {   /* break at the last space that fits, else mid-word */
                take = (size_t)room;
                while (take > 0 && s[take] != ' ') take--;
                if (take == 0) take = (size_t)room;
            }
            if (used + (size_t)indent + take + 1 > n) return nl;
            out[nl++] = buf + used;
            used += (size_t)snprintf(buf + used, n - used, "%*s%.*s", indent, "", (int)take, s) + 1;
            s += take;
            while (*s == ' ') s++;
            if (!*s) break;
            indent = in[i][0] == ' ' ? 25 : 2;   /* "  %-22s " puts descriptions at 25 */
        }
    }
    return nl;
}

static void help_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)w;
    (void)focused;
    full_overlay(a);
    w = a->wo;
    static char raw[8192], buf[16384];
    const char *rl[128], *lines[512];
    help_state *S = hst(a);
    int h = getmaxy(w), cols = getmaxx(w);
    size_t nr = tui_act_help_lines(S->under, raw, sizeof raw, rl, 128);
    size_t n = help_wrap(rl, nr, cols - 2, buf, sizeof buf, lines, 512);
    tui_pane_title(a, w, "Help: every key (? or q or Esc closes; j/k scroll)", true);
    if (S->top > (int)n - (h - 1)) S->top = (int)n - (h - 1) > 0 ? (int)n - (h - 1) : 0;
    for (int i = 0; i + 1 < h && S->top + i < (int)n; i++) {
        const char *l = lines[S->top + i];
        tui_put(a, w, i + 1, 1, l, cols - 2, l[0] && l[0] != ' ' ? a->attr[R_TITLE] : A_NORMAL);
    }
    curs_set(0);
    wnoutrefresh(w);
}

static bool help_key(tui_app *a, tui_action act, int key)
{
    if (act == ACT_HELP || act == ACT_QUIT || key == TK_ESC) {
        tui_pop(a);
        return true;
    }
    scroll_key(&hst(a)->top, act, LINES - 4);
    a->dirty |= D_OVERLAY;
    return true;
}

const tui_view tui_view_help = {"help", VK_HELP, sizeof(help_state), help_draw, help_key, NULL, NULL,
                                help_open};

/* Root (top-level) row in all[] of the selected objective. */
static long root_row(const tui_app *a)
{
    if (a->tl.sel >= a->tl.count) return -1;
    long r = (long)a->vis[a->tl.sel];
    while (r > 0 && a->all[r].depth > 0) r--;
    return r;
}

static int zline(tui_app *a, WINDOW *w, int line, int x, const char *s, attr_t at)
{
    int y = line - hst(a)->top + 1;
    if (y >= 1 && y < getmaxy(w)) tui_put(a, w, y, x, s, getmaxx(w) - x - 1, at);
    return line + 1;
}

/* "problem: ..." wrapped to the width (at most 4 lines), the label dim, the text bold. */
static int zpara(tui_app *a, WINDOW *w, int line, int x, const char *label, const char *text)
{
    if (!text || !*text) return line;
    static tui_le e;
    tui_le_set(&e, text);
    int lw = (int)strlen(label) + 1, width = getmaxx(w) - x - lw - 1;
    size_t st[8], n = tui_le_wrap(&e, width, st, 8);
    for (size_t r = 0; r < n && r < 4; r++) {
        int y = line - hst(a)->top + 1;
        size_t end = r + 1 < n ? st[r + 1] : e.len;
        char row[TUI_LE_MAX];
        snprintf(row, sizeof row, "%.*s%s", (int)(end - st[r]), e.buf + st[r], r == 3 && n > 4 ? "..." : "");
        if (y >= 1 && y < getmaxy(w)) {
            if (r == 0) tui_put(a, w, y, x, label, lw, a->attr[R_DIM]);
            tui_put(a, w, y, x + lw, row, width, A_BOLD);
        }
        line++;
    }
    return line;
}

static int zbar(tui_app *a, WINDOW *w, int line, int x, double prog, double pace, lnd_status st,
                const char *after)
{
    int y = line - hst(a)->top + 1, cols = getmaxx(w);
    int bw = cols / 4 > 40 ? 40 : cols / 4;
    bool wrap = after && x + bw + 16 + (int)strlen(after) > cols;
    if (y >= 1 && y < getmaxy(w)) {
        char bar[512], pct[64];
        tui_glyph_bar(a->g, prog, pace, bw, bar, sizeof bar);
        tui_glyph_put(w, y, x, bar, tui_status_attr(a, st));
        if (prog >= 0) snprintf(pct, sizeof pct, " %3ld%% %s", num_pct_round(prog), model_status_name(st));
        else snprintf(pct, sizeof pct, "    - %s", model_status_name(st));
        int px = x + bw;
        px += tui_put(a, w, y, px, pct, cols - px - 1, tui_status_attr(a, st) | A_BOLD);
        if (after && !wrap && px + 3 < cols) tui_put(a, w, y, px + 2, after, cols - px - 3, a->attr[R_DIM]);
    }
    if (wrap && *after) return zline(a, w, line + 1, x, after, a->attr[R_DIM]);
    return line + 1;
}

/* baseline -> current -> target of a KR, in its unit, bold: what a room reads first. */
static int zvalues(tui_app *a, WINDOW *w, int line, int x, const lnd_kr *kr)
{
    char b[96] = "no baseline", c[96] = "-", t[96], buf[320];
    if (kr->has_baseline) tui_fmt_value(kr->baseline, kr->unit, b, sizeof b);
    if (kr->has_current) tui_fmt_value(kr->current, kr->unit, c, sizeof c);
    tui_fmt_value(kr->target, kr->unit, t, sizeof t);
    snprintf(buf, sizeof buf, "%s %s %s %s %s", b, a->g->arrow, c, a->g->arrow, t);
    int y = line - hst(a)->top + 1;
    if (y >= 1 && y < getmaxy(w)) {
        int n = tui_put(a, w, y, x, buf, getmaxx(w) - x - 1, A_BOLD);
        if (x + n + 4 < getmaxx(w))
            tui_put(a, w, y, x + n + 2, "baseline / current / target", getmaxx(w) - x - n - 3, a->attr[R_DIM]);
    }
    return line + 1;
}

/* When the cascade is taller than the screen, the action bar says so at its right end, with
 * the keys that scroll it (the bar is drawn before this overlay, every frame). */
static void zoom_scroll_hint(tui_app *a, bool below, bool above)
{
    WINDOW *b = a->wb;
    const char *key = " j/k PgUp PgDn ";
    const char *label = below && above ? "Scroll: more above and below"
                        : below        ? "Scroll: more below"
                        : above        ? "Scroll: more above"
                                       : "";
    char lab[40], blank[64];
    snprintf(lab, sizeof lab, " %-28s", label);   /* one width, so a shorter label covers a longer one */
    int x = getmaxx(b) - (int)strlen(key) - (int)strlen(lab);
    if (x < 22) return;   /* never over "Esc Back  z Present" */
    if (!below && !above) {   /* nothing hidden: blank out a label an earlier frame left */
        snprintf(blank, sizeof blank, "%*s", (int)(strlen(key) + strlen(lab)), "");
        tui_put(a, b, 0, x, blank, getmaxx(b) - x, a->attr[R_BAR]);
        wnoutrefresh(b);
        return;
    }
    x += tui_put(a, b, 0, x, key, getmaxx(b) - x, a->attr[R_KEY]);
    tui_put(a, b, 0, x, lab, getmaxx(b) - x, a->attr[R_BAR]);
    wnoutrefresh(b);
}

static void zoom_draw(tui_app *a, WINDOW *w, bool focused)
{
    (void)w;
    (void)focused;
    full_overlay(a);
    w = a->wo;
    long root = root_row(a);
    char buf[512], id[32];
    if (root < 0) {
        tui_pane_title(a, w, "Presentation", true);
        wnoutrefresh(w);
        return;
    }
    const lnd_plan *p = a->plan;
    char when[64];
    summary_when_text(p, a->today, when, sizeof when);
    snprintf(buf, sizeof buf, "%s %s %s (z or Esc returns)", p->cycle.name, a->g->dot, when);
    tui_pane_title(a, w, buf, true);
    int line = 1;
    for (size_t r = (size_t)root; r < a->nall; r++) {
        if (r > (size_t)root && a->all[r].depth == 0) break;
        size_t oi = a->all[r].obj;
        const lnd_objective *o = &p->objs[oi];
        int x = 2 + a->all[r].depth * 4;
        summary_obj s;
        summary_objective(p, oi, &a->rules, a->today, &s);
        tui_fmt_id('O', o->id, id, sizeof id);
        snprintf(buf, sizeof buf, "%s  %s", id, o->title ? o->title : "");
        line = zline(a, w, line, x, buf, A_BOLD | (o->level == LEVEL_BUSINESS ? A_UNDERLINE : 0));
        snprintf(buf, sizeof buf, "%s %s %s %s owner %s", model_level_name(o->level), a->g->dot,
                 model_otype_name(o->type), a->g->dot, o->owner ? o->owner : "");
        line = zline(a, w, line, x + 4, buf, a->attr[R_DIM]);
        if (o->capability && *o->capability) {
            snprintf(buf, sizeof buf, "capability: %s", o->capability);
            line = zline(a, w, line, x + 4, buf, A_NORMAL);
        }
        line = zpara(a, w, line, x + 4, "problem:", o->problem);
        line = zpara(a, w, line, x + 4, "outcome:", o->outcome);
        char roll[128] = "", rp[16], dp[16];
        num_pct(s.result, rp, sizeof rp);
        num_pct(s.delivery < 0 ? 0 : s.delivery, dp, sizeof dp);
        if (s.result >= 0 && s.delivery >= 0)
            snprintf(roll, sizeof roll, "business result %s; delivery %s", rp, dp);
        else if (s.result >= 0)
            snprintf(roll, sizeof roll, "business result %s", rp);
        else if (s.result_note)
            snprintf(roll, sizeof roll, "%s; delivery %s", s.result_note, dp);
        else if (s.delivery >= 0)
            snprintf(roll, sizeof roll, "delivery %s (no results KR)", dp);
        line = zbar(a, w, line, x + 4, o->level == LEVEL_BUSINESS ? s.result : summary_headline(&s),
                    summary_headline_pace(&s), s.status, roll);
        size_t first, n = plan_krs_of(p, oi, &first);
        for (size_t k = first; k < first + n; k++) {
            const lnd_kr *kr = &p->krs[k];
            if (kr->archived) continue;
            summary_kr ks;
            summary_key_result(a->plan, kr, &a->rules, a->today, &ks);
            tui_fmt_id('K', kr->id, id, sizeof id);
            line++;
            snprintf(buf, sizeof buf, "%s  %s  (%s, %s)", id, kr->title ? kr->title : "",
                     model_evidence_name(kr->evidence), model_indicator_name(kr->indicator));
            line = zline(a, w, line, x + 4, buf, A_NORMAL);
            line = zvalues(a, w, line, x + 8, kr);
            char cur[96] = "-", tgt[96], last[256] = "no check-in yet";
            if (kr->has_current) tui_fmt_value(kr->current, kr->unit, cur, sizeof cur);
            tui_fmt_value(kr->target, kr->unit, tgt, sizeof tgt);
            char lastday[16];
            date_stamp_local_day(kr->last_at, lastday, sizeof lastday);
            if (kr->last_at)
                snprintf(last, sizeof last, "%s of %s, latest %s, confidence %d", cur, tgt, lastday, kr->confidence);
            line = zbar(a, w, line, x + 8, ks.progress, ks.pace, ks.status, last);
        }
        line += 2;
    }
    /* the last line drawn is line - 3; scroll no further than puts it on the last row */
    int last_top = line - 1 - getmaxy(w);
    if (hst(a)->top > 0 && hst(a)->top > last_top) {   /* scrolled past it: draw again from there */
        hst(a)->top = last_top > 0 ? last_top : 0;
        zoom_draw(a, w, focused);
        return;
    }
    zoom_scroll_hint(a, line - 2 - hst(a)->top > getmaxy(w) - 1, hst(a)->top > 0);
    curs_set(0);
    wnoutrefresh(w);
}

static bool zoom_key(tui_app *a, tui_action act, int key)
{
    if (act == ACT_ZOOM || act == ACT_QUIT || key == TK_ESC) {
        tui_pop(a);
        return true;
    }
    scroll_key(&hst(a)->top, act, LINES - 4);
    a->dirty |= D_OVERLAY;
    return true;
}

/* Only over a selected objective. */
static bool zoom_open(tui_app *a) { return tui_sel_obj(a) >= 0; }

const tui_view tui_view_zoom = {"present", VK_ZOOM, sizeof(help_state), zoom_draw, zoom_key, NULL, NULL,
                                zoom_open};
