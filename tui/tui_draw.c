/* SPDX-License-Identifier: MIT */
/* tui/tui_draw.c — drawing helpers shared by the panes: sanitised text (every string from the
 * database goes through san_text() here, cut by display width), glyph strings, status colours,
 * pane titles, the header line and the action bar generated from the actions table. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/sanitize.h"
#include "../core/numfmt.h"
#include "tui_int.h"

int tui_put(tui_app *a, WINDOW *w, int y, int x, const char *s, int maxw, attr_t at)
{
    char buf[2048];
    if (maxw > getmaxx(w) - x) maxw = getmaxx(w) - x;   /* never wrap onto the next line */
    if (maxw <= 0) return 0;
    if (maxw > 400) maxw = 400;
    int width = san_text(s, maxw, a->g->ascii, buf, sizeof buf);
    wattrset(w, at);
    mvwaddstr(w, y, x, buf);
    wattrset(w, A_NORMAL);
    return width;
}

/* Our own glyph strings (never user data): drawn as they are. */
int tui_glyph_put(WINDOW *w, int y, int x, const char *glyphs, attr_t at)
{
    wattrset(w, at);
    mvwaddstr(w, y, x, glyphs);
    wattrset(w, A_NORMAL);
    return 0;
}

attr_t tui_status_attr(const tui_app *a, lnd_status s)
{
    switch (s) {
    case STATUS_ON_TRACK: case STATUS_DONE: case STATUS_MET: return a->attr[R_GREEN];
    case STATUS_AT_RISK: case STATUS_NOT_MEASURED: return a->attr[R_AMBER];
    case STATUS_OFF_TRACK: case STATUS_MISSED: return a->attr[R_RED];
    default: return a->attr[R_NODATA];
    }
}

/* Four columns, readable without colour. */
const char *tui_status_tag(lnd_status s)
{
    switch (s) {
    case STATUS_ON_TRACK: return "ok  ";
    case STATUS_DONE: return "done";
    case STATUS_AT_RISK: return "risk";
    case STATUS_OFF_TRACK: return "off ";
    case STATUS_NOT_DUE: return "due ";
    case STATUS_NOT_MEASURED: return "n/m ";
    case STATUS_MET: return "met ";
    case STATUS_MISSED: return "miss";
    default: return "--  ";
    }
}

void tui_fmt_id(char prefix, lnd_id id, char *buf, size_t n)
{
    snprintf(buf, n, "%c%lld", prefix, id);
}

void tui_pane_title(tui_app *a, WINDOW *w, const char *title, bool focused)
{
    int cols = getmaxx(w);
    attr_t at = focused ? a->attr[R_TITLE_FOCUS] : a->attr[R_TITLE];
    wattrset(w, at);
    wmove(w, 0, 0);
    for (int i = 0; i < cols; i++) waddch(w, ' ');
    tui_put(a, w, 0, 1, title, cols - 2, at);
}

void tui_notice(tui_app *a, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
    a->notice_error = error;
    a->dirty |= D_HEADER;
}

static const char *const filter_names[FILTER_N] = {"all", "mine", "at risk"};

void tui_draw_header(tui_app *a)
{
    WINDOW *w = a->wh;
    int cols = getmaxx(w);
    werase(w);
    wbkgdset(w, ' ' | a->attr[R_HEADER]);
    wattrset(w, a->attr[R_HEADER]);
    for (int i = 0; i < cols; i++) mvwaddch(w, 0, i, ' ');
    char line[512], ro[32] = "";
    if (a->o->readonly) snprintf(ro, sizeof ro, " %s read-only", a->g->dot);
    if (a->plan) {
        const lnd_cycle *c = &a->plan->cycle;
        char wk[64], pace[24] = "";
        summary_when_text(a->plan, a->today, wk, sizeof wk);
        if (a->week >= 1 && a->week <= c->weeks) {
            lnd_day start = 0;
            date_parse(c->start, &start);
            snprintf(pace, sizeof pace, " pace %ld%%", num_pct_round(pace_elapsed(start, start + 7L * c->weeks, a->today)));
        }
        /* another cycle's review is pending (tui_data.c): the hint gives way to a notice, first
         * shortened, then dropped, so a notice always shows */
        size_t note = a->notice[0] ? (size_t)san_width(a->notice, false) + 3 : 0;
        for (int form = a->review_pending[0] ? 0 : 2; form < 3; form++) {
            char rv[128] = "";
            if (form == 0)
                snprintf(rv, sizeof rv, " %s review of %s pending: R reviews it %s", a->g->dot, a->review_pending,
                         a->g->dot);
            else if (form == 1)
                snprintf(rv, sizeof rv, " %s %s in review %s", a->g->dot, a->review_pending, a->g->dot);
            snprintf(line, sizeof line, "lnd %s (%s)%s %s%s %s %s%s", c->name, model_cycle_state_name(c->state),
                     rv, wk, pace, a->g->dot, a->o->user ? a->o->user : "", ro);
            if (!note || (size_t)san_width(line, false) + note + 2 <= (size_t)cols) break;
        }
    } else {
        snprintf(line, sizeof line, "lnd %s no cycle yet %s %s%s", a->g->dot, a->g->dot,
                 a->o->user ? a->o->user : "", ro);
    }
    int x = tui_put(a, w, 0, 1, line, cols - 2, a->attr[R_HEADER]) + 1;
    if (a->filter != FILTER_ALL && x < cols - 12) {
        snprintf(line, sizeof line, " [%s]", filter_names[a->filter]);
        x += tui_put(a, w, 0, x, line, cols - x - 1, a->attr[R_HEADER]);
    }
    const char *flag = tui_has(a, VK_FORM) && a->form.changed ? " [draft]" : "";
    if ((a->notice[0] || *flag) && x < cols - 6) {
        snprintf(line, sizeof line, "%s %s", flag, a->notice);
        int room = cols - x - 2;
        int len = (int)strlen(line);
        int nx = len < room ? cols - 1 - len : x + 1;
        tui_put(a, w, 0, nx, line, cols - nx - 1,
                a->notice_error ? a->attr[R_ERROR] : (a->attr[R_HEADER] | A_BOLD));
    }
    wbkgdset(w, ' ');
    wnoutrefresh(w);
}

/* "key label  " at x if it fits; returns the next x. */
static int bar_item(tui_app *a, WINDOW *w, int x, const char *key, const char *label)
{
    int cols = getmaxx(w);
    int need = (int)strlen(key) + (int)strlen(label) + 4;
    if (x + need > cols) return cols;
    char k[24];
    snprintf(k, sizeof k, " %s ", key);
    x += tui_put(a, w, 0, x, k, cols - x, a->attr[R_KEY]);
    x += tui_put(a, w, 0, x, label, cols - x, a->attr[R_BAR]);
    return x + 1;
}

void tui_draw_bar(tui_app *a)
{
    WINDOW *w = a->wb;
    int cols = getmaxx(w);
    werase(w);
    int x = 0;
    unsigned kind = tui_kind(a);
    tui_frame *top = tui_vstack_top(&a->stack);
    if (kind == VK_SEARCH && top && top->ops->draw) {   /* the search view draws its line here */
        top->ops->draw(a, w, true);
        wnoutrefresh(w);
        return;
    }
    if (kind == VK_FORM) {
        const char *txt[][2] = {{"Enter", "Save"}, {"Esc", "Cancel"}, {"Tab", "Next field"},
                                {"^U", "Clear"}, {"Left/Right", "Choice"}};
        for (size_t i = 0; i < sizeof txt / sizeof txt[0]; i++)
            x = bar_item(a, w, x, txt[i][0], txt[i][1]);
        wnoutrefresh(w);
        return;
    }
    /* labelled actions that work in the view on top, in table order while they fit; help and
     * quit (or, over the panes, Esc back) always show */
    bool panes = kind & VK_PANES;
    if (!panes) x = bar_item(a, w, x, "Esc", "Back");
    int reserve = 0;
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < ACT_N - 1; i++) {
            const tui_action_def *d = &tui_actions[i];
            bool last = d->id == ACT_HELP || d->id == ACT_QUIT;
            if (!d->label || !(d->where & kind) || (!panes && d->id == ACT_QUIT)) continue;
            char key[16];
            tui_act_key1(d, key, sizeof key);
            if (pass == 0) {
                if (last) reserve += (int)(strlen(key) + strlen(d->label)) + 4;
                continue;
            }
            if ((pass == 2) != last) continue;
            if (pass == 1 && x + (int)(strlen(key) + strlen(d->label)) + 4 + reserve > cols) continue;
            x = bar_item(a, w, x, key, d->label);
        }
    }
    wnoutrefresh(w);
}

void tui_draw_small(tui_app *a)
{
    (void)a;
    erase();
    int y = LINES / 2 - 1 > 0 ? LINES / 2 - 1 : 0;
    char l1[96], l2[96];
    snprintf(l1, sizeof l1, "terminal too small (%dx%d)", COLS, LINES);
    snprintf(l2, sizeof l2, "lnd needs %dx%d; resize, or q to quit", TUI_MIN_COLS, TUI_MIN_LINES);
    mvaddnstr(y, 0, l1, COLS);
    if (LINES > 1) mvaddnstr(y + 1, 0, l2, COLS);
    wnoutrefresh(stdscr);
}

const char *tui_local_stamp(const char *stamp)
{
    static char buf[48];
    date_stamp_local(stamp, true, buf, sizeof buf);
    return buf;
}

/* The centred overlay window forms, prompts, help and the picker draw into, h by w (kept
 * when it already has that place). */
void tui_overlay(tui_app *a, int h, int w)
{
    if (h < 3) h = 3;
    if (w < 10) w = 10;
    if (h > LINES) h = LINES;
    if (w > COLS) w = COLS;
    int y = (LINES - h) / 2, x = (COLS - w) / 2;
    if (a->wo && getmaxy(a->wo) == h && getmaxx(a->wo) == w && getbegy(a->wo) == y &&
        getbegx(a->wo) == x)
        return;
    if (a->wo) delwin(a->wo);
    a->wo = newwin(h, w, y, x);
}
