/* SPDX-License-Identifier: MIT */
/* tui/tui_layout.c — computes pane rectangles from the terminal size (pure; tui_main.c
 * creates the windows). Every rectangle lies inside the screen and none overlap. */
#include "tui_layout.h"

#include <string.h>

static tui_rect rect(int y, int x, int h, int w)
{
    tui_rect r = {y, x, h, w};
    return r;
}

void tui_layout_compute(int lines, int cols, tui_layout *l)
{
    memset(l, 0, sizeof *l);
    if (lines < TUI_MIN_LINES || cols < TUI_MIN_COLS) {
        l->too_small = true;
        return;
    }
    l->header = rect(0, 0, 1, cols);
    l->bar = rect(lines - 1, 0, 1, cols);
    int body = lines - 2;
    if (cols >= TUI_PROJECTOR_COLS && lines >= TUI_PROJECTOR_LINES) {
        /* projector: the cascade across the whole width (long titles in full), the key
         * results (wide bars, whole metric names) and check-ins side by side below it */
        int th = body * 2 / 5;
        if (th < 12) th = 12;
        int kw = cols * 13 / 20;
        l->tree = rect(1, 0, th, cols);
        l->krs = rect(1 + th, 0, body - th, kw);
        l->cis = rect(1 + th, kw + 1, body - th, cols - kw - 1);
    } else if (cols >= TUI_WIDE_COLS) {
        int tw = cols * 2 / 5;
        if (tw < 44) tw = 44;
        if (tw > 80) tw = 80;
        int rw = cols - tw - 1;   /* one column for the separator */
        int kh = body * 11 / 20;
        l->tree = rect(1, 0, body, tw);
        l->krs = rect(1, tw + 1, kh, rw);
        l->cis = rect(1 + kh, tw + 1, body - kh, rw);
    } else {
        l->stacked = true;
        int th = body * 5 / 11;
        if (th < 6) th = 6;
        l->tree = rect(1, 0, th, cols);
        l->krs = l->cis = rect(1 + th, 0, body - th, cols);
    }
}
