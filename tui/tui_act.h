/* SPDX-License-Identifier: MIT */
/* tui/tui_act.h — the actions table: every user action of the dashboard defined once (name,
 * default keys, help text, action-bar label). The key handler (tui_act_for_key), the help
 * screen (tui_help.c) and the action bar (tui_draw.c) are all generated from it, so help
 * never goes stale. Pure: no curses. */
#ifndef LND_TUI_ACT_H
#define LND_TUI_ACT_H

#include <stdbool.h>
#include <stddef.h>
#include "tui_key.h"

/* The full-screen lists over the panes, one line each: the action that opens it (ACT_<act>,
 * its key in the actions table below), its kind (VK_<kind>) and its view (tui_view_<view>,
 * defined in its own file). A new screen is its file, a line here and its key below: the
 * kind bit, the declaration (tui_int.h) and the action -> view table (tui_viewreg.c) follow. */
#define TUI_LIST_VIEWS(X)                                                                   \
    X(KPIS, KPI, kpi) X(PROGRAMMES, PROG, prog) X(DUE, DUE, due) X(LOG, LOG, log)           \
    X(REVIEW, REVIEW, review) X(CHAIN, CHAIN, chain) X(HEALTH, HEALTH, health)              \
    X(CYCLES, CYCLES, cycles) X(ARCHIVED, ARCHIVED, archived)

/* Kinds of view, as bits: an action says in which kinds it does something (its `where`), so
 * the action bar and the help screen list only what works in the view on top. */
enum {
    VK_TREE = 1u << 0, VK_KRS = 1u << 1, VK_CIS = 1u << 2,           /* the three panes */
    VK_HELP = 1u << 3, VK_ZOOM = 1u << 4,                             /* scrolling overlays */
    VK_FORM = 1u << 5, VK_PROMPT = 1u << 6, VK_SEARCH = 1u << 7,      /* take raw keys */
    VK_PICKER = 1u << 8                                               /* takes raw keys */
};
#define VK_LIST_FIRST_ 9   /* the lists' bits follow, one each in TUI_LIST_VIEWS order */
#define VK_INDEX_(act, kind, view) VKI_##kind,
enum { TUI_LIST_VIEWS(VK_INDEX_) VKI_N_ };
#define VK_BIT_(act, kind, view) VK_##kind = 1u << (VK_LIST_FIRST_ + VKI_##kind),
enum { TUI_LIST_VIEWS(VK_BIT_) };
_Static_assert(VK_LIST_FIRST_ + VKI_N_ <= 31, "too many kinds of view for the bits");
#define VK_PANES (VK_TREE | VK_KRS | VK_CIS)
#define VK_LISTS ((unsigned)((1u << VKI_N_) - 1) << VK_LIST_FIRST_)
#define VK_MOVES (VK_PANES | VK_LISTS | VK_HELP | VK_ZOOM)

/* X(ID, where, name, group, bar label or NULL, help text, keys...) — up to four keys each;
 * where = the VK_ kinds of view the action works in. */
#define TUI_ACTIONS(X) \
    X(UP, (VK_MOVES),         "up",          "Move",   NULL,       "Move the selection up",                      'k', TK_UP, 0, 0) \
    X(DOWN, (VK_MOVES),       "down",        "Move",   NULL,       "Move the selection down",                    'j', TK_DOWN, 0, 0) \
    X(PGUP, (VK_MOVES),       "page-up",     "Move",   NULL,       "Move one page up",                           TK_PGUP, TK_CTRL('b'), 0, 0) \
    X(PGDN, (VK_MOVES),       "page-down",   "Move",   NULL,       "Move one page down",                         TK_PGDN, TK_CTRL('f'), 0, 0) \
    X(TOP, (VK_MOVES),        "first",       "Move",   NULL,       "Go to the first row",                        'g', TK_HOME, 0, 0) \
    X(BOTTOM, (VK_MOVES),     "last",        "Move",   NULL,       "Go to the last row",                         'G', TK_END, 0, 0) \
    X(COLLAPSE, (VK_PANES),   "collapse",    "Move",   NULL,       "Collapse the objective (or go to its parent)", 'h', TK_LEFT, 0, 0) \
    X(EXPAND, (VK_TREE),     "expand",      "Move",   NULL,       "Expand the objective",                       'l', TK_RIGHT, 0, 0) \
    X(NEXT_PANE, (VK_PANES),  "next-pane",   "Move",   "Pane",     "Next pane: cascade, key results, check-ins", '\t', 0, 0, 0) \
    X(PREV_PANE, (VK_PANES),  "prev-pane",   "Move",   NULL,       "Previous pane",                              TK_BTAB, 0, 0, 0) \
    X(ENTER, (VK_PANES|VK_PROG|VK_DUE|VK_REVIEW|VK_HEALTH|VK_CYCLES|VK_ARCHIVED),      "open",        "Move",   NULL,       "Open: toggle the objective, or check in on the key result", '\r', TK_ENTER, 0, 0) \
    X(CHECKIN, (VK_PANES|VK_DUE|VK_REVIEW),    "checkin",     "Plan",   "Check-in", "Log a check-in on the selected key result",  'c', 0, 0, 0) \
    X(ADD, (VK_PANES|VK_PROG|VK_CYCLES), "add",       "Plan",   "Add",      "Add a child objective (cascade) or a key result (key results pane); a cycle in the cycles view", 'a', 0, 0, 0) \
    X(ADD_TOP, (VK_PANES),    "add-business","Plan",   NULL,       "Add a business objective at the top level",  'A', 0, 0, 0) \
    X(EDIT, (VK_PANES|VK_PROG|VK_REVIEW),       "edit",        "Plan",   "Edit",     "Edit the selected objective or key result",  'e', 0, 0, 0) \
    X(ARCHIVE, (VK_PANES|VK_PROG),    "archive",     "Plan",   NULL,       "Archive the selected objective or key result (asks first)", 'd', 0, 0, 0) \
    X(UNDO, (VK_PANES|VK_LISTS),  "undo",        "Plan",   NULL,       "Undo your last change to an objective, key result or programme (asks first)", 'u', 0, 0, 0) \
    X(CYCLE_STATE, (VK_PANES|VK_CYCLES), "cycle-state", "Plan", NULL,   "Move the cycle on (the shown one, or the one selected in C): activate, start its review, close (asks first)", 's', 0, 0, 0) \
    X(SEARCH, (VK_PANES),     "search",      "Find",   "Search",   "Search ids and titles as you type",          '/', 0, 0, 0) \
    X(NEXT_MATCH, (VK_PANES), "next-match",  "Find",   NULL,       "Next search match",                          'n', 0, 0, 0) \
    X(PREV_MATCH, (VK_PANES), "prev-match",  "Find",   NULL,       "Previous search match",                      'N', 0, 0, 0) \
    X(FILTER, (VK_PANES),     "filter",      "Find",   "Filter",   "Filter: all, mine, at risk",                 'f', 0, 0, 0) \
    X(PREV_CYCLE, (VK_PANES|VK_LISTS), "prev-cycle",  "View",   NULL,       "Previous cycle",                             '[', 0, 0, 0) \
    X(NEXT_CYCLE, (VK_PANES|VK_LISTS), "next-cycle",  "View",   NULL,       "Next cycle",                                 ']', 0, 0, 0) \
    X(ZOOM, (VK_PANES|VK_ZOOM),       "present",     "View",   "Present",  "Presentation mode: the business objective's whole cascade", 'z', 0, 0, 0) \
    X(RELOAD, (VK_PANES|VK_LISTS),     "reload",      "View",   NULL,       "Reload from the database",                   'r', 0, 0, 0) \
    X(REDRAW, (VK_PANES|VK_LISTS),     "redraw",      "View",   NULL,       "Repaint the whole screen (after line noise)", TK_CTRL('l'), 0, 0, 0) \
    X(HELP, (VK_PANES|VK_LISTS|VK_HELP),       "help",        "View",   "Help",     "This help",                                  '?', TK_F1, 0, 0) \
    X(QUIT, (VK_PANES|VK_LISTS|VK_HELP|VK_ZOOM),       "quit",        "View",   "Quit",     "Quit (asks only when a draft would be lost)", 'q', 0, 0, 0) \
    X(KPIS, (VK_PANES|VK_LISTS),       "kpis",        "More views", "KPIs",     "KPIs: steady-state health indicators, kept apart from OKRs", 'K', 0, 0, 0) \
    X(PROGRAMMES, (VK_PANES|VK_LISTS), "programmes",  "More views", "Progs",    "Programmes on a week timeline (a add, e edit, d archive)", 'P', 0, 0, 0) \
    X(DUE, (VK_PANES|VK_LISTS),        "due",         "More views", "Due",      "Due follow-ups (Enter checks in on the KR)", 'D', 0, 0, 0) \
    X(LOG, (VK_PANES|VK_LISTS),        "log",         "More views", "Log",      "Audit log: who changed what, when",          'L', 0, 0, 0) \
    X(REVIEW, (VK_PANES|VK_LISTS),     "review",      "More views", "Review",   "Review mode: score, verdict and retrospective per objective", 'R', 0, 0, 0) \
    X(CHAIN, (VK_PANES|VK_LISTS),      "evidence",    "More views", "Evidence", "Chain of evidence of the business objective: programmes to results", 'E', 0, 0, 0) \
    X(HEALTH, (VK_PANES|VK_LISTS),     "health",      "More views", "Health",   "Alignment health findings (Enter goes to the objective)", 'H', 0, 0, 0) \
    X(CYCLES, (VK_PANES|VK_LISTS),     "cycles",      "More views", NULL,    "Cycles: add one, show one (Enter), move one on (s)", 'C', 0, 0, 0) \
    X(ARCHIVED, (VK_PANES|VK_LISTS),   "archived",    "More views", NULL,    "Archived objectives, key results and programmes (Enter restores one)", 'X', 0, 0, 0)

typedef enum {
    ACT_NONE,
#define TUI_ACT_ENUM(id, ...) ACT_##id,
    TUI_ACTIONS(TUI_ACT_ENUM)
#undef TUI_ACT_ENUM
    ACT_N
} tui_action;

typedef struct {
    tui_action id;
    unsigned where;      /* VK_ bits: the kinds of view it works in */
    const char *name;    /* stable name, e.g. "checkin" */
    const char *group;   /* help screen section */
    const char *label;   /* action bar label, NULL = not on the bar */
    const char *help;    /* one line for the help screen */
    int keys[4];         /* default keys, 0-terminated */
} tui_action_def;

/* Keys of the line editor and forms, for the help screen (documentation only: tui_le.c and
 * tui_form.c handle them). */
typedef struct {
    const char *keys;
    const char *help;
} tui_editor_key;

extern const tui_action_def tui_actions[ACT_N - 1];
extern const tui_editor_key tui_editor_keys[];
extern const size_t tui_n_editor_keys;

tui_action tui_act_for_key(int key);                 /* ACT_NONE if unbound */
/* Does the action do something in a view of this kind (one VK_ bit)? */
bool tui_act_applies(tui_action a, unsigned kind);
const tui_action_def *tui_act_def(tui_action a);     /* NULL for ACT_NONE */
/* "j/Down" — the keys of an action as the help screen shows them. */
void tui_act_keys(const tui_action_def *d, char *buf, size_t n);
/* The first key's name, as the action bar shows it ("c"). */
void tui_act_key1(const tui_action_def *d, char *buf, size_t n);
/* Help screen as text lines for a view of this kind (the actions that work there): section
 * headers ("Move"), then "  keys   help". Returns the number of lines; lines[i] point into buf. */
size_t tui_act_help_lines(unsigned kind, char *buf, size_t n, const char **lines, size_t max);

#endif
