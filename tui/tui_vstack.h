/* SPDX-License-Identifier: MIT */
/* tui/tui_vstack.h — the view stack and the list type, the parts of "every screen is a view"
 * that need no terminal: modal screens (help, presentation, the full-screen lists) are frames
 * pushed on a small stack, each with its own zeroed private state of the size its ops table
 * asks for (tig's view_ops + private_size); the kind of the top frame (or of the focused pane
 * under an empty stack) decides which actions apply; one list (selection, first row shown,
 * count) moves and scrolls the same way in every list. Pure: no curses, no store. */
#ifndef LND_TUI_VSTACK_H
#define LND_TUI_VSTACK_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_act.h"

/* One list: the selected row, the first row shown, how many rows can be selected. */
typedef struct {
    size_t sel, top, count;
} tui_list;

/* Move the selection for a movement action (page = rows per page); false if act is not one. */
bool tui_list_move(tui_list *l, tui_action act, size_t page);
/* Keep the selection inside count and visible in h rows (h < 1 counts as 1). */
void tui_list_scroll(tui_list *l, size_t h);

struct tui_view;   /* the ops table (tui_int.h: it draws with curses) */

typedef struct {
    const struct tui_view *ops;
    unsigned kind;   /* one VK_ bit */
    void *priv;      /* zeroed private state, owned by the stack */
} tui_frame;

#define TUI_VSTACK_MAX 8

typedef struct {
    tui_frame f[TUI_VSTACK_MAX];
    size_t n;
} tui_vstack;

/* Push a frame with private_size zeroed bytes of state; returns the frame, NULL when the
 * stack is full or memory ran out (nothing pushed). */
tui_frame *tui_vstack_push(tui_vstack *s, const struct tui_view *ops, unsigned kind,
                           size_t private_size);
void tui_vstack_pop(tui_vstack *s);                 /* frees the top frame's state */
void tui_vstack_clear(tui_vstack *s);
tui_frame *tui_vstack_top(tui_vstack *s);           /* NULL when empty */
/* The nearest frame from the top whose kind is in mask, NULL if none. */
tui_frame *tui_vstack_find(tui_vstack *s, unsigned mask);
/* Kind of the screen the user looks at: the top frame's, or base (the focused pane's). */
unsigned tui_vstack_kind(const tui_vstack *s, unsigned base);

/* Where an action goes, decided once per key press. */
typedef enum {
    ROUTE_DROP,   /* does nothing here (the bar and help do not offer it) */
    ROUTE_TOP,    /* the top frame's key handler first (it gets unbound keys such as Esc;
                   * a raw-key frame gets every key); what it leaves runs app-wide */
    ROUTE_BASE    /* the panes and the app-wide actions (cycles, reload, views...) */
} tui_route;
/* Frames of a kind in raw take keys as typed (forms, prompts, search). */
tui_route tui_vstack_route(const tui_vstack *s, tui_action act, unsigned base, unsigned raw);

#endif
