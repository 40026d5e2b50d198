/* SPDX-License-Identifier: MIT */
/* tui/tui_key.h — lnd's own key codes, so the pure modules (line editor, actions table) never
 * need <curses.h>: a key is a Unicode code point (control characters included), or one of the
 * TK_* values above the Unicode range that tui_main.c translates from curses' KEY_* codes. */
#ifndef LND_TUI_KEY_H
#define LND_TUI_KEY_H

#include <stddef.h>

enum {
    TK_NONE = 0,
    TK_ESC = 27,
    TK_BASE = 0x110000,
    TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT, TK_HOME, TK_END, TK_PGUP, TK_PGDN,
    TK_BTAB, TK_BACKSPACE, TK_DC, TK_ENTER, TK_RESIZE, TK_F1, TK_OTHER
};
#define TK_CTRL(c) ((c) & 0x1f)

/* A key as the help screen names it: "k", "Up", "Tab", "S-Tab", "^W", "Enter", "Esc". */
void tui_key_name(int key, char *buf, size_t n);

#endif
