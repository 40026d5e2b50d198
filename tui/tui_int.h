/* SPDX-License-Identifier: MIT */
/* tui/tui_int.h — what the dashboard's curses modules share: the application state, the
 * view interface (tig's view_ops: every pane, list, overlay, form, prompt and search is a
 * view; modal ones live on the view stack), the form ops, colour roles and drawing helpers.
 * Only tui/ includes this (and <curses.h>); nothing outside tui/ may depend on it. */
#ifndef LND_TUI_INT_H
#define LND_TUI_INT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>

#include "../core/arena.h"
#include "../core/dates.h"
#include "../core/fields.h"
#include "../core/carry.h"
#include "../core/health.h"
#include "../core/plan.h"
#include "../core/progress.h"
#include "../core/summary.h"
#include "tui.h"
#include "tui_act.h"
#include "tui_form.h"
#include "tui_glyph.h"
#include "tui_layout.h"
#include "tui_vstack.h"

/* Colour roles: a theme maps each to colours and attributes (tui_theme.c). */
typedef enum {
    R_NORMAL, R_HEADER, R_TITLE, R_TITLE_FOCUS, R_GREEN, R_AMBER, R_RED, R_NODATA, R_DIM,
    R_KEY, R_BAR, R_NOTICE, R_ERROR, R_PACE, R_ID, R_N
} tui_role;

enum { PANE_TREE, PANE_KRS, PANE_CIS, PANE_N };
enum { FILTER_ALL, FILTER_MINE, FILTER_RISK, FILTER_N };
/* What needs drawing before the next doupdate(). */
enum { D_HEADER = 1, D_TREE = 2, D_KRS = 4, D_CIS = 8, D_BAR = 16, D_OVERLAY = 32, D_ALL = 63 };
typedef struct tui_app tui_app;

/* What a form edits: tui_edit.c runs every form through these hooks (no switch on a kind),
 * so a new form is its field table and its ops, in its own file. */
typedef struct tui_form_ops {
    char prefix;                          /* id letter of the "saved O7" notice */
    const char *done;                     /* its verb: "saved", "checked in on" */
    store_rc (*save)(tui_app *a);         /* checks beyond the fields', then writes; sets form.id */
    void (*conflict)(tui_app *a);         /* someone saved the row meanwhile: open the prompt */
    bool (*after)(tui_app *a, lnd_id id); /* after save and reload (select the new row...);
                                           * true when it said itself what happened */
} tui_form_ops;

/* A prompt's answer: one of the prompt's keys (Esc arrives as the last of them). */
typedef void (*tui_prompt_fn)(tui_app *a, int key);

/* A pane, overlay or full-screen view: tig's view_ops in small. A view pushed on the stack
 * gets private_size zeroed bytes of its own state (tui_priv); a full-screen list's state
 * starts with its tui_list. open runs once after the push (false: pop it again); load reads
 * what it shows (on open and after every reload); draw paints into w (already erased); key
 * gets the action looked up once per press and the raw key, returns true when used. */
typedef struct tui_view {
    const char *name;
    unsigned kind;              /* one VK_ bit (tui_act.h) */
    size_t private_size;
    void (*draw)(tui_app *a, WINDOW *w, bool focused);
    bool (*key)(tui_app *a, tui_action act, int key);
    void (*resize)(tui_app *a, int h, int w);
    void (*load)(tui_app *a);
    bool (*open)(tui_app *a);
} tui_view;

#define TUI_MAX_KRS 64
#define TUI_PROMPT_LINES 16

struct tui_app {
    store *st;
    const tui_opts *o;
    progress_rules rules;
    const tui_glyphs *g;
    bool color;
    attr_t attr[R_N];
    char theme_note[200];      /* theme problem, shown once as a notice */

    /* cycles and the plan of the shown one */
    lnd_arena *cy_arena;
    lnd_cycle *cycles;
    size_t ncycles, cy;
    char review_pending[64];   /* another cycle in review: "review of 2026-Q4 pending" */
    lnd_plan *plan;            /* NULL when there is no cycle */
    int week;
    lnd_day today;             /* the day every figure is judged on */
    long long data_version;
    lnd_id audit_seen;         /* the newest audit row the plan shown reflects (tui_data_refresh) */

    /* cascade: all rows of the plan, and the visible ones (collapse + filter) */
    plan_row *all;
    size_t nall;
    size_t *vis;
    tui_list tl;               /* over vis: selection, first row shown, visible rows */
    lnd_id *collapsed;
    size_t ncollapsed, capcollapsed;
    int filter;

    /* key results of the selected objective (plan->krs indexes, archived skipped) */
    size_t krs[TUI_MAX_KRS];
    tui_list kl;               /* over krs */

    /* check-ins of the selected key result, newest first */
    lnd_arena *ci_arena;
    lnd_checkin *cis;
    size_t ncis, ctop;
    lnd_id ci_kr;

    /* layout and windows */
    tui_layout lay;
    WINDOW *w[PANE_N], *wh, *wb, *wo;   /* panes, header, action bar, overlay */
    int focus;
    unsigned dirty;

    /* every modal screen is a frame on the view stack: help, presentation, the full-screen
     * lists, the form (its draft in `form`), prompts and search; empty = the panes */
    tui_vstack stack;
    tui_form form;             /* the open form's draft (it stays under a prompt) */
    bool return_due;           /* the check-in form was opened from the due view: saving returns */
    struct tui_prompt_state *answering;   /* the prompt whose handler runs (tui_prompt.c) */
    long conflict_version;     /* version of the row someone else saved meanwhile */
    char last_search[TUI_LE_MAX];   /* the last search kept (n, N); its line: tui_search.c */

    /* the full-screen views over the panes (tui_views.c) draw into wv; what the open one
     * loaded lives in v_arena, its selection and pointers in its private state */
    WINDOW *wv;
    lnd_arena *v_arena;

    /* where the shown plan's carried objectives came from (in the plan's arena) */
    carry_origin *orig;
    size_t norig;

    /* alignment health of the shown plan, recomputed on every reload */
    lnd_arena *h_arena;
    lnd_finding *findings;
    size_t nfindings;
    bool health_stale;         /* a partial reload drew first: recomputed right after the frame */

    /* header notices */
    char notice[256];
    bool notice_error;
    bool quit;
};

extern const tui_view tui_view_tree, tui_view_krs, tui_view_cis, tui_view_help, tui_view_zoom,
    tui_view_form, tui_view_prompt;
extern const tui_view tui_view_picker, tui_view_search;
#define TUI_VIEW_DECL_(act, kind, view) extern const tui_view tui_view_##view;
TUI_LIST_VIEWS(TUI_VIEW_DECL_)   /* the full-screen lists (tui_act.h) */

/* tui_theme.c */
void tui_theme_init(tui_app *a);

/* tui_draw.c: drawing helpers (every user string passes san_text here) */
int tui_put(tui_app *a, WINDOW *w, int y, int x, const char *s, int maxw, attr_t at);
int tui_glyph_put(WINDOW *w, int y, int x, const char *glyphs, attr_t at);
attr_t tui_status_attr(const tui_app *a, lnd_status s);
const char *tui_status_tag(lnd_status s);
void tui_pane_title(tui_app *a, WINDOW *w, const char *title, bool focused);
void tui_draw_header(tui_app *a);
void tui_draw_bar(tui_app *a);
void tui_draw_small(tui_app *a);
void tui_fmt_id(char prefix, lnd_id id, char *buf, size_t n);
void tui_fmt_value(double v, const char *unit, char *buf, size_t n);   /* tui_detail.c: "55.56 weeks" */
void tui_notice(tui_app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* tui_data.c: cycles, plan, visible rows, selection, check-ins, filter, search */
int tui_data_load_cycles(tui_app *a, const char *name);
void tui_data_reload(tui_app *a);          /* reload the plan keeping the selection */
/* Another process committed: re-read only the objectives whose KRs took check-ins since the
 * last audit row seen; anything else, a full reload. */
void tui_data_refresh(tui_app *a);
void tui_data_rows(tui_app *a);            /* rebuild visible rows (collapse, filter) */
void tui_data_sync(tui_app *a);            /* KRs and check-ins of the selection */
long tui_sel_obj(const tui_app *a);        /* plan->objs index of the selection, -1 none */
long tui_sel_kr(const tui_app *a);         /* plan->krs index, -1 none */
bool tui_is_collapsed(const tui_app *a, lnd_id id);
void tui_set_collapsed(tui_app *a, lnd_id id, bool on);
bool tui_has_children(const tui_app *a, size_t oi);
/* A stored UTC stamp as local time with its zone (static buffer, one per call site use). */
const char *tui_local_stamp(const char *stamp);
bool tui_search_next(tui_app *a, const char *q, size_t from, int dir, bool include_from);
void tui_select_obj(tui_app *a, lnd_id id);

/* tui_edit.c: forms and prompts */
void tui_edit_checkin(tui_app *a);
void tui_edit_add(tui_app *a, bool top_level);
void tui_edit_edit(tui_app *a);
void tui_edit_archive(tui_app *a);

void tui_edit_tick(tui_app *a);            /* timeout: retry a busy save */
/* tui_editdraw.c: the form and prompt views' draw (into the overlay window) */
void tui_edit_draw_form(tui_app *a, WINDOW *w, bool focused);
bool tui_edit_live(const tui_form *f, char *buf, size_t n);   /* behaviour percentage */
void tui_prompt_open(tui_app *a, tui_prompt_fn fn, const char *keys);
/* The prompt view's private state: what tui_prompt_open and tui_prompt_line fill in. */
typedef struct tui_prompt_state {
    tui_prompt_fn fn;
    bool alert;                /* first line in the error colour (a conflict) */
    char lines[TUI_PROMPT_LINES][200];
    int nlines;
    char keys[64];             /* keys the prompt accepts */
    long long ctx[3];          /* what it is about (an audit id, a row id...), set after opening */
} tui_prompt_state;
/* The open prompt's state, or while its handler runs, the answered one's; NULL when none. */
tui_prompt_state *tui_prompt(tui_app *a);
void tui_prompt_line(tui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The view stack in the app (tui_views.c). */
void *tui_priv(tui_app *a);                 /* the top frame's private state, NULL if none */
tui_list *tui_view_list(tui_app *a);        /* the open full-screen list's tui_list, or NULL */
const tui_view *tui_view_open_list(tui_app *a);   /* the open full-screen list, or NULL */
bool tui_push(tui_app *a, const tui_view *v);     /* push, open, load; false if refused */
void tui_pop(tui_app *a);
/* VK_ kind of what the user looks at: the top frame's, or the focused pane's. */
static inline unsigned tui_kind(tui_app *a)
{
    static const unsigned pane_kind[PANE_N] = {VK_TREE, VK_KRS, VK_CIS};
    return tui_vstack_kind(&a->stack, pane_kind[a->focus]);
}
/* A frame of one of these kinds is open. */
static inline bool tui_has(tui_app *a, unsigned kinds) { return tui_vstack_find(&a->stack, kinds) != NULL; }
/* The one row-drawing helper of every list (panes, views, picker): scrolls l into h lines
 * (row_h lines a row, from y0) and calls row() per visible row with its index, line, whether
 * it is selected and ud. The row paints its own selection (tui_row_bg, or its own attribute). */
typedef void (*tui_row_fn)(tui_app *a, WINDOW *w, size_t i, int y, bool sel, void *ud);
void tui_list_rows(tui_app *a, WINDOW *w, tui_list *l, int y0, int h, int row_h, tui_row_fn row, void *ud);
/* The same for rows that need nothing more: the selected row's line is reversed first. */
void tui_list_draw(tui_app *a, WINDOW *w, tui_list *l, int y0, int h, int row_h,
                   void (*row)(tui_app *a, WINDOW *w, size_t i, int y, bool sel));
void tui_row_bg(WINDOW *w, int y, bool sel);   /* a selected row's line, reversed */

/* tui_views.c: full-screen views (frames of a VK_LISTS kind), jumping to an objective; tui_health.c: health */
bool tui_views_open(tui_app *a, tui_action act);   /* the view of an action; false if none */
void tui_views_close(tui_app *a);
bool tui_views_key(tui_app *a, tui_action act, int key);
void tui_views_draw(tui_app *a);
void tui_views_load(tui_app *a);                   /* after every reload */
void tui_health_compute(tui_app *a);
int tui_health_obj(const tui_app *a, lnd_id obj);  /* worst severity, -1 none */
int tui_health_kr(const tui_app *a, lnd_id kr);
const char *tui_health_mark(int sev);              /* "!" error, "~" warning, "i" info, " " */
attr_t tui_health_attr(const tui_app *a, int sev);
void tui_goto(tui_app *a, lnd_id obj, lnd_id kr);  /* show and select (expands, unfilters) */
/* List helpers: move the selection; keep it visible in h rows. */
bool tui_views_move(tui_app *a, tui_action act, size_t page);   /* the open list's move */
void tui_views_title(tui_app *a, WINDOW *w, const char *title);


/* tui_cycle.c: the cycles view (C) and the new-cycle form; tui_undo.c: undo (u) and the
 * archived view (X); tui_picker.c: the parent picker of the objective form (^P) */
void tui_cycle_add(tui_app *a);                    /* the new-cycle form, prefilled */
void tui_cycle_state(tui_app *a);                  /* ask to move the shown cycle on */
void tui_undo(tui_app *a);                         /* show your last change, ask, undo it */
void tui_alert(tui_app *a, const char *title, const char *msg);   /* a refusal, whole */
void tui_picker_open(tui_app *a, int field);       /* pick the form field's parent objective */
void tui_box(tui_app *a, WINDOW *w);               /* tui_editdraw.c: an overlay's border */

/* tui_main.c */
void tui_layout_windows(tui_app *a);
void tui_overlay(tui_app *a, int h, int w);   /* (re)create the centred overlay window */

/* The form field names an objective of this cycle (tui_edit.c). */
bool tui_form_objective(tui_app *a, int field, lnd_id *out);

/* The editors' shared steps (tui_edit.c). */
void tui_edit_open_form(tui_app *a);
void tui_edit_conflict_open(tui_app *a);   /* the m/t/e prompt of a conflicting save */
/* The fields that differ, one "name:", "  mine:", "  theirs:" group each, in table order
 * (ch: fields_*_diff of theirs against mine; n at most the entries of ch). */
void tui_conflict_lines(tui_app *a, const fields_change *ch, size_t n);
void tui_edit_conflict(tui_app *a);   /* tui_prompt.c: objective and KR conflicts */
/* A form's values back into a row (tui_edit.c), for saving and for the conflict screen. */
/* The open KR / objective form's values written into the row (fields it does not show are
 * left alone); false with the error next to the first bad field. */
bool tui_edit_kr_from_form(tui_app *a, lnd_kr *k);
bool tui_edit_objective_from_form(tui_app *a, lnd_objective *o);

#endif
