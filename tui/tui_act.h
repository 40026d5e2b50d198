/* SPDX-License-Identifier: MIT */
/* tui/tui_act.h — the actions table: every user action of the dashboard defined once (name,
 * default keys, help text, action-bar label). The key handler (tui_act_for_key), the help
 * screen (tui_help.c) and the action bar (tui_draw.c) are all generated from it, so help
 * never goes stale. Pure: no curses. */
#ifndef LND_TUI_ACT_H
#define LND_TUI_ACT_H

#include <stddef.h>
#include "tui_key.h"

/* X(ID, name, group, bar label or NULL, help text, keys...) — up to four keys each. */
#define TUI_ACTIONS(X) \
    X(UP,         "up",          "Move",   NULL,       "Move the selection up",                      'k', TK_UP, 0, 0) \
    X(DOWN,       "down",        "Move",   NULL,       "Move the selection down",                    'j', TK_DOWN, 0, 0) \
    X(PGUP,       "page-up",     "Move",   NULL,       "Move one page up",                           TK_PGUP, TK_CTRL('b'), 0, 0) \
    X(PGDN,       "page-down",   "Move",   NULL,       "Move one page down",                         TK_PGDN, TK_CTRL('f'), 0, 0) \
    X(TOP,        "first",       "Move",   NULL,       "Go to the first row",                        'g', TK_HOME, 0, 0) \
    X(BOTTOM,     "last",        "Move",   NULL,       "Go to the last row",                         'G', TK_END, 0, 0) \
    X(COLLAPSE,   "collapse",    "Move",   NULL,       "Collapse the objective (or go to its parent)", 'h', TK_LEFT, 0, 0) \
    X(EXPAND,     "expand",      "Move",   NULL,       "Expand the objective",                       'l', TK_RIGHT, 0, 0) \
    X(NEXT_PANE,  "next-pane",   "Move",   "Pane",     "Next pane: cascade, key results, check-ins", '\t', 0, 0, 0) \
    X(PREV_PANE,  "prev-pane",   "Move",   NULL,       "Previous pane",                              TK_BTAB, 0, 0, 0) \
    X(ENTER,      "open",        "Move",   NULL,       "Open: toggle the objective, or check in on the key result", '\r', TK_ENTER, 0, 0) \
    X(CHECKIN,    "checkin",     "Plan",   "Check-in", "Log a check-in on the selected key result",  'c', 0, 0, 0) \
    X(ADD,        "add",         "Plan",   "Add",      "Add a child objective (cascade) or a key result (key results pane)", 'a', 0, 0, 0) \
    X(ADD_TOP,    "add-business","Plan",   NULL,       "Add a business objective at the top level",  'A', 0, 0, 0) \
    X(EDIT,       "edit",        "Plan",   "Edit",     "Edit the selected objective or key result",  'e', 0, 0, 0) \
    X(ARCHIVE,    "archive",     "Plan",   NULL,       "Archive the selected objective or key result (asks first)", 'd', 0, 0, 0) \
    X(SEARCH,     "search",      "Find",   "Search",   "Search ids and titles as you type",          '/', 0, 0, 0) \
    X(NEXT_MATCH, "next-match",  "Find",   NULL,       "Next search match",                          'n', 0, 0, 0) \
    X(PREV_MATCH, "prev-match",  "Find",   NULL,       "Previous search match",                      'N', 0, 0, 0) \
    X(FILTER,     "filter",      "Find",   "Filter",   "Filter: all, mine, at risk",                 'f', 0, 0, 0) \
    X(PREV_CYCLE, "prev-cycle",  "View",   NULL,       "Previous cycle",                             '[', 0, 0, 0) \
    X(NEXT_CYCLE, "next-cycle",  "View",   NULL,       "Next cycle",                                 ']', 0, 0, 0) \
    X(ZOOM,       "present",     "View",   "Present",  "Presentation mode: the business objective's whole cascade", 'z', 0, 0, 0) \
    X(RELOAD,     "reload",      "View",   NULL,       "Reload from the database",                   'r', 0, 0, 0) \
    X(REDRAW,     "redraw",      "View",   NULL,       "Repaint the whole screen (after line noise)", TK_CTRL('l'), 0, 0, 0) \
    X(HELP,       "help",        "View",   "Help",     "This help",                                  '?', TK_F1, 0, 0) \
    X(QUIT,       "quit",        "View",   "Quit",     "Quit (asks only when a draft would be lost)", 'q', 0, 0, 0) \
    X(KPIS,       "kpis",        "More views", "KPIs",     "KPIs: steady-state health indicators, kept apart from OKRs", 'K', 0, 0, 0) \
    X(PROGRAMMES, "programmes",  "More views", "Progs",    "Programmes on a week timeline (a add, e edit, d archive)", 'P', 0, 0, 0) \
    X(DUE,        "due",         "More views", "Due",      "Due follow-ups (Enter checks in on the KR)", 'D', 0, 0, 0) \
    X(LOG,        "log",         "More views", "Log",      "Audit log: who changed what, when",          'L', 0, 0, 0) \
    X(REVIEW,     "review",      "More views", "Review",   "Review mode: score, verdict and retrospective per objective", 'R', 0, 0, 0) \
    X(CHAIN,      "evidence",    "More views", "Evidence", "Chain of evidence of the business objective: programmes to results", 'E', 0, 0, 0) \
    X(HEALTH,     "health",      "More views", "Health",   "Alignment health findings (Enter goes to the objective)", 'H', 0, 0, 0)

typedef enum {
    ACT_NONE,
#define TUI_ACT_ENUM(id, ...) ACT_##id,
    TUI_ACTIONS(TUI_ACT_ENUM)
#undef TUI_ACT_ENUM
    ACT_N
} tui_action;

typedef struct {
    tui_action id;
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
const tui_action_def *tui_act_def(tui_action a);     /* NULL for ACT_NONE */
/* "j/Down" — the keys of an action as the help screen shows them. */
void tui_act_keys(const tui_action_def *d, char *buf, size_t n);
/* The first key's name, as the action bar shows it ("c"). */
void tui_act_key1(const tui_action_def *d, char *buf, size_t n);
/* Help screen as text lines: section headers ("Move"), then "  keys   help". Returns the
 * number of lines; lines[i] point into buf. */
size_t tui_act_help_lines(char *buf, size_t n, const char **lines, size_t max);

#endif
