/* SPDX-License-Identifier: MIT */
/* tui/tui_main.c — tui_run: starts curses on the terminal (newterm, so an unknown TERM is a
 * one-line hint and not a crash), owns the windows and the main loop: input with a 500 ms
 * timeout that also polls the database for other users' commits, the key dispatch through the
 * actions table, KEY_RESIZE, and redrawing only what changed (werase + wnoutrefresh +
 * doupdate; no full-screen erase per key). Signals only set a flag; the loop restores the terminal. */
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui_int.h"
#include "../core/sanitize.h"
#include <term.h>   /* setupterm, cur_term: probe TERM before newterm */

#define INPUT_TIMEOUT_MS 500
#define EX_USAGE_TTY 64
#define EX_NO_TERMINAL 69   /* unknown or unusable TERM: the terminal is "unavailable" */

static volatile sig_atomic_t got_signal;

static void on_signal(int sig) { got_signal = sig; }

static const tui_view *const panes[PANE_N] = {&tui_view_tree, &tui_view_krs, &tui_view_cis};

static void del(WINDOW **w)
{
    if (*w) delwin(*w);
    *w = NULL;
}

static WINDOW *mk(tui_rect r)
{
    WINDOW *w = newwin(r.h, r.w, r.y, r.x);
    if (w) leaveok(w, TRUE);
    return w;
}

void tui_layout_windows(tui_app *a)
{
    del(&a->wo);
    del(&a->wv);
    del(&a->wh);
    del(&a->wb);
    for (int i = 0; i < PANE_N; i++) del(&a->w[i]);
    tui_layout_compute(LINES, COLS, &a->lay);
    a->dirty = D_ALL;
    if (a->lay.too_small) return;
    a->wh = mk(a->lay.header);
    a->wb = mk(a->lay.bar);
    a->w[PANE_TREE] = mk(a->lay.tree);
    a->w[PANE_KRS] = mk(a->lay.krs);
    a->w[PANE_CIS] = mk(a->lay.cis);
    a->wv = newwin(LINES - 2, COLS, 1, 0);   /* full-screen views, between header and bar */
    if (a->wv) leaveok(a->wv, TRUE);
    for (int i = 0; i < PANE_N; i++)
        if (a->w[i]) panes[i]->resize(a, getmaxy(a->w[i]), getmaxx(a->w[i]));
}

static int detail_pane(const tui_app *a)
{
    return a->lay.stacked && a->focus == PANE_CIS ? PANE_CIS : PANE_KRS;
}

static void draw_pane(tui_app *a, int p)
{
    WINDOW *w = a->w[p];
    if (!w) return;
    werase(w);
    panes[p]->draw(a, w, a->focus == p);
    wnoutrefresh(w);
}

static void render(tui_app *a)
{
    if (!a->dirty) return;
    if (a->lay.too_small || !a->wh || !a->wb || !a->w[PANE_TREE]) {
        tui_draw_small(a);
        doupdate();
        a->dirty = 0;
        return;
    }
    tui_frame *top = tui_vstack_top(&a->stack);
    bool overlay_full = tui_has(a, VK_LISTS | VK_HELP | VK_ZOOM);   /* they cover the panes */
    unsigned d = a->dirty;
    if (d & D_HEADER) tui_draw_header(a);
    if (!overlay_full) {
        if (d & D_TREE) draw_pane(a, PANE_TREE);
        if (a->lay.stacked) {
            if (d & (D_KRS | D_CIS)) draw_pane(a, detail_pane(a));
        } else {
            if (d & D_KRS) draw_pane(a, PANE_KRS);
            if (d & D_CIS) draw_pane(a, PANE_CIS);
        }
    }
    bool list_shown = tui_has(a, VK_LISTS) && !tui_has(a, VK_HELP | VK_ZOOM);
    if (list_shown && (d & ~(unsigned)(D_HEADER | D_BAR))) tui_views_draw(a);
    if (d & D_BAR) tui_draw_bar(a);
    curs_set(top && top->kind == VK_SEARCH ? 1 : 0);
    if (top && (top->kind & (VK_HELP | VK_ZOOM | VK_FORM | VK_PROMPT | VK_PICKER)))
        top->ops->draw(a, a->wo, true);   /* the overlay on top */
    doupdate();
    a->dirty = 0;
}

static int translate(int r, wint_t ch)
{
    if (r != KEY_CODE_YES) return (int)ch;
    switch (ch) {
    case KEY_UP: return TK_UP;
    case KEY_DOWN: return TK_DOWN;
    case KEY_LEFT: return TK_LEFT;
    case KEY_RIGHT: return TK_RIGHT;
    case KEY_HOME: return TK_HOME;
    case KEY_END: return TK_END;
    case KEY_PPAGE: return TK_PGUP;
    case KEY_NPAGE: return TK_PGDN;
    case KEY_BTAB: return TK_BTAB;
    case KEY_BACKSPACE: return TK_BACKSPACE;
    case KEY_DC: return TK_DC;
    case KEY_ENTER: return TK_ENTER;
    case KEY_RESIZE: return TK_RESIZE;
    case KEY_F(1): return TK_F1;
    default: return TK_OTHER;
    }
}

static void switch_cycle(tui_app *a, int dir)
{
    if (!a->ncycles) return;
    if ((dir < 0 && a->cy == 0) || (dir > 0 && a->cy + 1 >= a->ncycles)) {
        tui_notice(a, false, "no %s cycle", dir < 0 ? "earlier" : "later");
        return;
    }
    a->cy += (size_t)(long)dir;
    a->tl.sel = a->tl.top = a->kl.sel = 0;
    tui_data_reload(a);
    tui_notice(a, false, "cycle %s", a->cycles[a->cy].name);
}

/* The panes and the app-wide actions: act was looked up once, in handle_key. */
static void main_key(tui_app *a, tui_action act, int key)
{
    switch (act) {
    case ACT_QUIT: a->quit = true; return;   /* no draft exists outside a form */
    case ACT_HELP: tui_push(a, &tui_view_help); return;
    case ACT_ZOOM: tui_push(a, &tui_view_zoom); return;
    case ACT_SEARCH: tui_push(a, &tui_view_search); return;
    case ACT_NEXT_MATCH: case ACT_PREV_MATCH:
        if (!a->last_search[0]) tui_notice(a, false, "no search yet: press / to search");
        else if (!tui_search_next(a, a->last_search, a->tl.sel, act == ACT_NEXT_MATCH ? 1 : -1, false))
            tui_notice(a, true, "no match for \"%s\"", a->last_search);
        return;
    case ACT_FILTER: {
        static const char *const names[FILTER_N] = {"all objectives", "mine", "at risk"};
        a->filter = (a->filter + 1) % FILTER_N;
        a->tl.sel = a->tl.top = 0;
        tui_data_rows(a);
        tui_data_sync(a);
        tui_notice(a, false, "filter: %s", names[a->filter]);
        a->dirty = D_ALL;
        return;
    }
    case ACT_PREV_CYCLE: switch_cycle(a, -1); return;
    case ACT_NEXT_CYCLE: switch_cycle(a, +1); return;
    case ACT_RELOAD: {
        lnd_id cur = a->ncycles ? a->cycles[a->cy].id : 0;
        tui_data_load_cycles(a, NULL);
        for (size_t i = 0; i < a->ncycles; i++)
            if (a->cycles[i].id == cur) a->cy = i;
        tui_data_reload(a);
        tui_notice(a, false, "reloaded");
        return;
    }
    case ACT_REDRAW:   /* the one full repaint: on request, never per keystroke */
        clearok(curscr, TRUE);
        a->dirty = D_ALL;
        return;
    case ACT_NEXT_PANE: a->focus = (a->focus + 1) % PANE_N; a->dirty = D_ALL; return;
    case ACT_PREV_PANE: a->focus = (a->focus + PANE_N - 1) % PANE_N; a->dirty = D_ALL; return;
    case ACT_CHECKIN: tui_edit_checkin(a); return;
    case ACT_ADD:
    case ACT_ADD_TOP:   /* an empty database: the first step is a cycle */
        if (a->plan) tui_edit_add(a, act == ACT_ADD_TOP);
        else tui_cycle_add(a);
        return;
    case ACT_EDIT: tui_edit_edit(a); return;
    case ACT_ARCHIVE: tui_edit_archive(a); return;
    case ACT_UNDO: tui_undo(a); return;
    case ACT_CYCLE_STATE: tui_cycle_state(a); return;
    default:
        if (tui_views_open(a, act)) return;
        if (a->plan) panes[a->focus]->key(a, act, key);
        return;
    }
}

static void handle_key(tui_app *a, int key)
{
    if (key == TK_RESIZE) {
        tui_layout_windows(a);
        return;
    }
    if (a->lay.too_small) {   /* keys wait; an open draft stays */
        if (key == 'q' && !tui_has(a, VK_FORM | VK_PROMPT)) a->quit = true;
        return;
    }
    if (a->notice[0] && tui_kind(a) != VK_SEARCH) {
        a->notice[0] = '\0';
        a->dirty |= D_HEADER;
    }
    tui_action act = tui_act_for_key(key);   /* the one lookup of this press */
    static const unsigned pane_kind[PANE_N] = {VK_TREE, VK_KRS, VK_CIS};
    unsigned kind = tui_kind(a);
    tui_frame *top = tui_vstack_top(&a->stack);
    /* forms, prompts and search take keys as typed */
    switch (tui_vstack_route(&a->stack, act, pane_kind[a->focus], VK_FORM | VK_PROMPT | VK_SEARCH | VK_PICKER)) {
    case ROUTE_TOP:   /* the view on top first; what it leaves and applies here runs app-wide */
        if ((top->kind & VK_LISTS) ? tui_views_key(a, act, key) : top->ops->key(a, act, key)) return;
        if (tui_act_applies(act, kind)) main_key(a, act, key);
        return;
    case ROUTE_BASE: main_key(a, act, key); return;
    case ROUTE_DROP: return;
    }
}

/* Another process committed: reload under whatever is open (drafts stay as typed). */
static void poll_db(tui_app *a)
{
    long long v;
    if (store_data_version(a->st, &v) != STORE_OK || v == a->data_version) return;
    tui_data_refresh(a);   /* only what the new audit rows name, when they are check-ins */
    tui_notice(a, false, "updated by another user");
}

static bool locale_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static void cleanup(tui_app *a)
{
    del(&a->wo);
    del(&a->wv);
    del(&a->wh);
    del(&a->wb);
    for (int i = 0; i < PANE_N; i++) del(&a->w[i]);
    tui_vstack_clear(&a->stack);
    plan_free(a->plan);
    arena_free(a->v_arena);
    arena_free(a->h_arena);
    arena_free(a->cy_arena);
    arena_free(a->ci_arena);
    free(a->vis);
    free(a->collapsed);
}

/* The terminal went away without a SIGHUP (an SSH drop behind su or runuser): reads fail at
 * once, so the loop would spin; the hang-up shows in poll. */
static bool terminal_gone(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

int tui_run(store *s, const tui_opts *o)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("lnd: the dashboard needs a terminal on stdin and stdout; for a quick look use "
              "`lnd status`\n", stderr);
        return EX_USAGE_TTY;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);   /* no SA_RESTART: the input wait returns at once */
    struct sigaction old_term, old_hup, old_int;
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    sigaction(SIGINT, &sa, &old_int);

    const char *term = getenv("TERM");
    /* ask terminfo first: a failed newterm() leaves ncurses' allocations behind */
    int terr = 0;
    bool known = term && *term && setupterm(term, STDOUT_FILENO, &terr) == OK;
    if (known) del_curterm(cur_term);
    SCREEN *scr = known ? newterm(NULL, stdout, stdin) : NULL;
    if (scr) {
        const char *cup = tigetstr("cup");
        if (!cup || cup == (char *)-1) {   /* dumb terminals cannot place text */
            endwin();
            delscreen(scr);
            scr = NULL;
        }
    }
    if (!scr) {
        char tsafe[256];
        san_text(term ? term : "", 60, true, tsafe, sizeof tsafe);
        fprintf(stderr, "lnd: unknown terminal type '%s'; try TERM=xterm-256color, or `lnd status`\n", tsafe);
        sigaction(SIGTERM, &old_term, NULL);
        sigaction(SIGHUP, &old_hup, NULL);
        sigaction(SIGINT, &old_int, NULL);
        return EX_NO_TERMINAL;
    }
    if (!getenv("ESCDELAY")) set_escdelay(25);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    curs_set(0);

    tui_app app;
    memset(&app, 0, sizeof app);
    tui_app *a = &app;
    a->st = s;
    a->o = o;
    a->g = o->ascii || !locale_utf8() ? &tui_glyphs_ascii : &tui_glyphs_utf8;
    if (o->cfg) a->rules = o->cfg->rules;
    else progress_defaults(&a->rules);
    tui_theme_init(a);
    if (a->theme_note[0]) tui_notice(a, true, "%s", a->theme_note);

    /* input comes through a 1x1 window that is never drawn, so waiting for a key never
     * repaints anything */
    WINDOW *in = newwin(1, 1, 0, 0);
    keypad(in, TRUE);
    wtimeout(in, INPUT_TIMEOUT_MS);
    wnoutrefresh(in);

    int rc = 0;
    if (tui_data_load_cycles(a, o->cycle) != STORE_OK) {
        rc = -1;
    } else {
        tui_data_reload(a);
        tui_layout_windows(a);
        render(a);
        while (!a->quit && !got_signal) {
            wint_t ch;
            int r = wget_wch(in, &ch);
            if (got_signal) break;
            if (o->tick_clock) o->tick_clock();   /* every save and redraw sees the time now */
            if (r == ERR && terminal_gone()) break;   /* no SIGHUP came: do not spin on a dead tty */
            if (r == ERR) {
                poll_db(a);
                tui_edit_tick(a);
            } else {
                handle_key(a, translate(r, ch));
            }
            render(a);
            if (a->health_stale) {   /* an outside check-in is on screen: now its findings */
                tui_health_compute(a);
                a->health_stale = false;
                tui_views_load(a);   /* an open list (the health view) reads the new findings */
                a->dirty = D_ALL;
                render(a);
            }
        }
    }
    char err[300] = "";
    if (rc < 0) {
        char esafe[256];
        san_text(store_errmsg(s), 200, false, esafe, sizeof esafe);
        snprintf(err, sizeof err, "lnd: %s\n", esafe);
    }
    cleanup(a);
    delwin(in);
    endwin();
    delscreen(scr);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    sigaction(SIGINT, &old_int, NULL);
    if (rc < 0) {
        fputs(err, stderr);
        return o->cycle ? 66 : 74;
    }
    return got_signal ? 128 + got_signal : 0;
}
