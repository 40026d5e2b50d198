/* SPDX-License-Identifier: MIT */
/* tui/tui_layout.h — layout math of the dashboard: where the header, the cascade pane, the
 * key-results pane, the check-ins pane and the action bar go for a terminal size. Pure.
 * Wide terminals (>= TUI_WIDE_COLS) put the cascade left and the two detail panes right;
 * narrower ones stack the cascade above one detail pane that takes turns with the other;
 * projector-sized ones (>= 160x45) put the cascade across the top and both detail panes
 * side by side beneath it. */
#ifndef LND_TUI_LAYOUT_H
#define LND_TUI_LAYOUT_H

#include <stdbool.h>

#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 16
#define TUI_WIDE_COLS 110
#define TUI_PROJECTOR_COLS 160   /* and TUI_PROJECTOR_LINES: cascade on top, full width */
#define TUI_PROJECTOR_LINES 45

typedef struct {
    int y, x, h, w;
} tui_rect;

typedef struct {
    bool too_small;
    bool stacked;        /* one detail pane at a time below the cascade */
    tui_rect header, tree, krs, cis, bar;   /* in stacked mode krs == cis (same place) */
} tui_layout;

void tui_layout_compute(int lines, int cols, tui_layout *l);

#endif
