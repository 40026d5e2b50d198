/* SPDX-License-Identifier: MIT */
/* tui/tui_le.c — the line editor's key handling: pure functions over a tui_le buffer (UTF-8
 * aware, emacs keys). It must not draw or know about curses; tui_form.c draws the result. */
#include "tui_le.h"

#include <string.h>
#include "../core/utf8.h"
#include "tui_key.h"

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

static size_t next_char(const tui_le *e, size_t i)
{
    if (i >= e->len) return e->len;
    i++;
    while (i < e->len && is_cont((unsigned char)e->buf[i])) i++;
    return i;
}

static size_t prev_char(const tui_le *e, size_t i)
{
    if (i == 0) return 0;
    i--;
    while (i > 0 && is_cont((unsigned char)e->buf[i])) i--;
    return i;
}

/* Display width of the character at s (n bytes available); *len gets its byte length. */
static int char_width(const char *s, size_t n, size_t *len)
{
    uint32_t cp;
    *len = utf8_next(s, n, &cp);
    return utf8_cp_width(cp);
}

void tui_le_set(tui_le *e, const char *s)
{
    if (!s) s = "";
    size_t n = strlen(s);
    if (n >= TUI_LE_MAX) {
        n = TUI_LE_MAX - 1;
        while (n > 0 && is_cont((unsigned char)s[n])) n--;   /* never split a character */
    }
    memcpy(e->buf, s, n);
    e->buf[n] = '\0';
    e->len = e->cur = n;
    e->sel = false;
}

void tui_le_select(tui_le *e)
{
    e->cur = e->len;
    e->sel = e->len > 0;
}

/* A selection meets a key: editing keys replace (or clear) the whole text, movement keys and
 * Tab/Enter/Esc leave the text as it is. */
static void selection_meets(tui_le *e, int key)
{
    bool typed = key >= 0x20 && key != 127 && key < TK_BASE && !(key >= 0x80 && key < 0xA0);
    bool erase = key == TK_CTRL('h') || key == 127 || key == TK_BACKSPACE || key == TK_CTRL('d') ||
                 key == TK_DC || key == TK_CTRL('u') || key == TK_CTRL('k') || key == TK_CTRL('w');
    bool moves = key == TK_CTRL('a') || key == TK_HOME || key == TK_CTRL('e') || key == TK_END ||
                 key == TK_CTRL('b') || key == TK_LEFT || key == TK_CTRL('f') || key == TK_RIGHT;
    if (typed || erase) {
        e->buf[0] = '\0';
        e->len = e->cur = 0;
    }
    if (typed || erase || moves) e->sel = false;
}

static void cut(tui_le *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->cur = from;
}

static tui_le_rc insert(tui_le *e, unsigned cp)
{
    char u[4];
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return LE_NOOP;
    size_t k = utf8_put(cp, u);
    if (e->len + k >= TUI_LE_MAX) return LE_NOOP;
    memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
    memcpy(e->buf + e->cur, u, k);
    e->len += k;
    e->cur += k;
    return LE_CHANGED;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

tui_le_rc tui_le_key(tui_le *e, int key)
{
    if (e->sel) {
        bool had = e->len > 0;
        selection_meets(e, key);
        if (had && !e->len && !(key >= 0x20 && key != 127 && key < TK_BASE && !(key >= 0x80 && key < 0xA0)))
            return LE_CHANGED;   /* an erasing key cleared the selected text */
    }
    size_t c = e->cur;
    switch (key) {
    case '\r': case '\n': case TK_ENTER: return LE_SAVE;
    case TK_ESC: return LE_CANCEL;
    case TK_CTRL('a'): case TK_HOME:
        e->cur = 0;
        return c ? LE_MOVED : LE_NOOP;
    case TK_CTRL('e'): case TK_END:
        e->cur = e->len;
        return c != e->len ? LE_MOVED : LE_NOOP;
    case TK_CTRL('b'): case TK_LEFT:
        e->cur = prev_char(e, c);
        return c ? LE_MOVED : LE_NOOP;
    case TK_CTRL('f'): case TK_RIGHT:
        e->cur = next_char(e, c);
        return c != e->len ? LE_MOVED : LE_NOOP;
    case TK_CTRL('h'): case 127: case TK_BACKSPACE:
        if (!c) return LE_NOOP;
        cut(e, prev_char(e, c), c);
        return LE_CHANGED;
    case TK_CTRL('d'): case TK_DC:
        if (c == e->len) return LE_NOOP;
        cut(e, c, next_char(e, c));
        e->cur = c;
        return LE_CHANGED;
    case TK_CTRL('u'):
        if (!c) return LE_NOOP;
        cut(e, 0, c);
        return LE_CHANGED;
    case TK_CTRL('k'):
        if (c == e->len) return LE_NOOP;
        e->buf[c] = '\0';
        e->len = c;
        return LE_CHANGED;
    case TK_CTRL('w'): {
        if (!c) return LE_NOOP;
        size_t i = c;
        while (i > 0 && is_space(e->buf[i - 1])) i--;
        while (i > 0 && !is_space(e->buf[i - 1])) i--;
        cut(e, i, c);
        return LE_CHANGED;
    }
    default:
        if (key >= 0x20 && key != 127 && key < TK_BASE && !(key >= 0x80 && key < 0xA0))
            return insert(e, (unsigned)key);
        return LE_UNHANDLED;
    }
}

int tui_le_view(const tui_le *e, int width, size_t *start)
{
    if (width < 1) width = 1;
    *start = 0;
    for (;;) {   /* the first start from which the cursor (plus one cell for it) fits */
        int col = 0;
        size_t i = *start, k;
        while (i < e->cur) {
            col += char_width(e->buf + i, e->len - i, &k);
            i += k;
        }
        if (col < width || *start >= e->cur) return col < width ? col : width - 1;
        *start = next_char(e, *start);
    }
}

size_t tui_le_wrap(const tui_le *e, int width, size_t *starts, size_t max)
{
    if (width < 2) width = 2;
    size_t rows = 0, i = 0;
    if (max == 0) return 0;
    starts[rows++] = 0;
    while (i < e->len && rows < max) {
        int col = 0;
        size_t j = i, k, brk = 0;
        while (j < e->len) {
            int w = char_width(e->buf + j, e->len - j, &k);
            if (col + w > width - 1) break;
            col += w;
            j += k;
            if (e->buf[j - 1] == ' ') brk = j;   /* a row may end after a space */
        }
        if (j >= e->len) break;
        i = brk > i ? brk : (j > i ? j : next_char(e, i));
        starts[rows++] = i;
    }
    return rows;
}

int tui_le_rowcol(const tui_le *e, const size_t *starts, size_t rows, size_t *row)
{
    size_t r = 0;
    while (r + 1 < rows && starts[r + 1] <= e->cur) r++;
    int col = 0;
    size_t i = starts[r], k;
    while (i < e->cur) {
        col += char_width(e->buf + i, e->len - i, &k);
        i += k;
    }
    *row = r;
    return col;
}

bool tui_le_vmove(tui_le *e, int width, int dir)
{
    size_t starts[TUI_LE_MAX], rows = tui_le_wrap(e, width, starts, TUI_LE_MAX), r;
    int col = tui_le_rowcol(e, starts, rows, &r);
    if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= rows)) return false;
    size_t to = dir < 0 ? r - 1 : r + 1;
    size_t i = starts[to], end = to + 1 < rows ? starts[to + 1] : e->len, k;
    int c = 0;
    while (i < end) {   /* the nearest column not past col, never past the row's end */
        int w = char_width(e->buf + i, e->len - i, &k);
        if (c + w > col || (to + 1 < rows && i + k >= end)) break;
        c += w;
        i += k;
    }
    e->cur = i;
    e->sel = false;
    return true;
}
