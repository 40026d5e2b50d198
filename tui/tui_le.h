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
    bool sel;             /* the whole text is selected (a prefilled value on entry): the
                           * first typed key replaces it, Backspace/Delete/^U/^K/^W clear it,
                           * a movement key keeps the text and drops the selection */
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
void tui_le_select(tui_le *e);                 /* select the whole text (if any), cursor at the end */
tui_le_rc tui_le_key(tui_le *e, int key);
/* Horizontal scroll for a field width columns wide: sets *start to the first byte shown (the
 * text from the start when the cursor fits, else scrolled just enough to show the cursor) and
 * returns the cursor's column inside the field. */
int tui_le_view(const tui_le *e, int width, size_t *start);

/* Soft wrap for a multi-line field width columns wide: fills starts[] with the first byte of
 * each row (words kept whole when they fit; one column stays free for the cursor) and returns
 * the number of rows (at least 1, at most max). */
size_t tui_le_wrap(const tui_le *e, int width, size_t *starts, size_t max);
/* Row and column of the cursor in that wrap. */
int tui_le_rowcol(const tui_le *e, const size_t *starts, size_t rows, size_t *row);
/* Up (dir -1) or Down (+1) one wrapped row, keeping the column as near as it can; false (and
 * nothing moves) on the first/last row, so the caller moves to the previous/next field. */
bool tui_le_vmove(tui_le *e, int width, int dir);

#endif
