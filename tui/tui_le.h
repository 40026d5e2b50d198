/* SPDX-License-Identifier: MIT */
/* tui/tui_le.h — the line editor's pure half: a UTF-8 text buffer with a cursor and the emacs
 * keys (^A ^E ^B ^F ^U ^W ^K ^D, arrows, Home/End, Backspace/Delete); Enter saves, Esc
 * cancels. No curses here: tui_form.c draws it, tests/unit/test_tui_le.c tests it. */
#ifndef LND_TUI_LE_H
#define LND_TUI_LE_H

#include <stdbool.h>
#include <stddef.h>

#define TUI_LE_MAX 1024   /* bytes, NUL included */

typedef struct {
    char buf[TUI_LE_MAX];
    size_t len;           /* bytes */
    size_t cur;           /* cursor, a byte offset on a character boundary */
} tui_le;

typedef enum {
    LE_UNHANDLED,   /* not an editing key: the caller may use it (Tab, Up, Down...) */
    LE_MOVED,       /* cursor moved, text unchanged */
    LE_CHANGED,     /* text changed */
    LE_NOOP,        /* an editing key that had nothing to do (Backspace at the start, full) */
    LE_SAVE,        /* Enter */
    LE_CANCEL,      /* Esc */
} tui_le_rc;

void tui_le_set(tui_le *e, const char *s);     /* text (NULL = ""), cursor at the end */
tui_le_rc tui_le_key(tui_le *e, int key);
/* Horizontal scroll for a field width columns wide: sets *start to the first byte shown (the
 * text from the start when the cursor fits, else scrolled just enough to show the cursor) and
 * returns the cursor's column inside the field. */
int tui_le_view(const tui_le *e, int width, size_t *start);

#endif
