/* SPDX-License-Identifier: MIT */
/* tui/tui_editdraw.c — draws the open form or prompt in the centred overlay window: labels,
 * each field's line editor (scrolled so the cursor shows; a selected prefilled value in
 * reverse; a multi-line field wrapped over its rows), choices, the validation message
 * next to its field, the live behaviour percentage, and the form-wide message. Drawing only:
 * tui_form.c and tui_edit.c own the state. */
#include <stdio.h>
#include <string.h>

#include "../core/sanitize.h"
#include "tui_int.h"

#define LABEL_W 16

static void box_border(tui_app *a, WINDOW *w)
{
    /* our glyph table, not the alternate character set: no "lqqk" on odd terminals */
    int h = getmaxy(w), cols = getmaxx(w);
    for (int x = 1; x < cols - 1; x++) {
        mvwaddstr(w, 0, x, a->g->hline);
        mvwaddstr(w, h - 1, x, a->g->hline);
    }
    for (int y = 1; y < h - 1; y++) {
        mvwaddstr(w, y, 0, a->g->sep);
        mvwaddstr(w, y, cols - 1, a->g->sep);
    }
    mvwaddstr(w, 0, 0, a->g->tl);
    mvwaddstr(w, 0, cols - 1, a->g->tr);
    mvwaddstr(w, h - 1, 0, a->g->bl);
    mvwaddstr(w, h - 1, cols - 1, a->g->br);
}

bool tui_edit_live(const tui_form *f, char *buf, size_t n);

/* The form's width: 80 columns (or the screen) up to 80, then growing with the screen so
 * hints and messages are not cut on a projector. */
static int form_width(void)
{
    if (COLS - 2 <= 80) return COLS - 2;
    int w = COLS * 4 / 5;
    return w < 80 ? 80 : w;
}

/* Rows a field takes: a multi-line field its TUI_FORM_AREA_ROWS when the form fits. */
static int field_rows(const tui_field *fl, bool areas) { return fl->multiline && areas ? TUI_FORM_AREA_ROWS : 1; }

/* Width of a text field: the old 48 columns at 80; wider forms leave room for the longest
 * hint or message beside the fields. */
static int text_width(const tui_form *f, int avail, int cols)
{
    if (cols <= 80) return avail * 2 / 3 > 48 ? 48 : avail * 2 / 3;
    int side = 0;
    for (int i = 0; i < f->nf; i++) {
        int l = (int)strlen(f->f[i].err[0] ? f->f[i].err : f->f[i].hint ? f->f[i].hint : "");
        if (l > side) side = l;
    }
    int fw = avail - side - 1;
    if (fw > avail * 2 / 3) fw = avail * 2 / 3;
    return fw < 24 ? 24 : fw;
}

/* A line editor's text: selected (reverse, the first key replaces it) or underlined. */
static void draw_text(tui_app *a, WINDOW *w, int y, int x, int fw, const char *s, bool cur, bool sel)
{
    attr_t at = sel && cur ? A_REVERSE : (A_UNDERLINE | (cur ? A_BOLD : 0));
    wattrset(w, A_UNDERLINE);
    mvwhline(w, y, x, ' ', fw);
    tui_put(a, w, y, x, s, fw, at);
}

static void draw_area(tui_app *a, WINDOW *w, int y, int x, int fw, int rows, tui_field *fl, bool cur,
                      int *cy, int *cx)
{
    size_t st[TUI_LE_MAX], n = tui_le_wrap(&fl->le, fw, st, TUI_LE_MAX), r;
    int col = tui_le_rowcol(&fl->le, st, n, &r);
    fl->wrap_w = fw;
    size_t first = cur && r >= (size_t)rows ? r - (size_t)rows + 1 : 0;   /* the cursor's row shows */
    for (int i = 0; i < rows; i++) {
        size_t k = first + (size_t)i;
        char row[TUI_LE_MAX] = "";
        if (k < n) {
            size_t e = k + 1 < n ? st[k + 1] : fl->le.len;
            memcpy(row, fl->le.buf + st[k], e - st[k]);
            row[e - st[k]] = '\0';
        }
        draw_text(a, w, y + i, x, fw, row, cur, fl->le.sel);
    }
    *cy = y + (int)(r - first);
    *cx = x + col;
}

/* Draws one field (rows rows) at y; *cy, *cx get where its cursor goes. Returns 1 when its
 * validation message did not fit beside it. */
static int draw_field(tui_app *a, WINDOW *w, int y, tui_field *fl, bool cur, int fwt, int rows,
                      int *cy, int *cx)
{
    int cols = getmaxx(w);
    int x = LABEL_W + 3, avail = cols - x - 2;
    int fw = fl->kind == FF_TEXT ? fwt : 12;
    if (fw > avail) fw = avail;
    char label[64];
    snprintf(label, sizeof label, "%*s", LABEL_W, fl->label);
    tui_put(a, w, y, 2, label, LABEL_W, cur ? A_BOLD : a->attr[R_DIM]);
    *cx = x;
    *cy = y;
    if (fl->kind == FF_CHOICE) {
        int cxx = x;
        if (fl->choice < 0) {   /* nothing chosen yet: say so; the cursor sits on the list */
            cxx += tui_put(a, w, y, cxx, "(choose)", cols - 2 - cxx, a->attr[R_NOTICE] | (cur ? A_BOLD : 0)) + 1;
        }
        for (int i = 0; i < fl->nchoices && cxx < cols - 2; i++) {
            attr_t at = i == fl->choice ? (A_REVERSE | (cur ? A_BOLD : 0)) : a->attr[R_DIM];
            if (i == fl->choice) *cx = cxx;
            cxx += tui_put(a, w, y, cxx, fl->choices[i], cols - 2 - cxx, at) + 1;
        }
        fw = cxx - x;
    } else if (rows > 1) {
        draw_area(a, w, y, x, fw, rows, fl, cur, cy, cx);
    } else {
        fl->wrap_w = 0;
        int cur_col = tui_le_view(&fl->le, fw, &fl->scroll);
        if (!cur) fl->scroll = 0;   /* other fields show their beginning */
        draw_text(a, w, y, x, fw, fl->le.buf + fl->scroll, cur, fl->le.sel);
        *cx = x + cur_col;
    }
    int tx = x + fw + 1;
    if (tx < cols - 3) {
        if (fl->err[0]) tui_put(a, w, y, tx, fl->err, cols - tx - 2, a->attr[R_ERROR]);
        else if (fl->hint) tui_put(a, w, y, tx, fl->hint, cols - tx - 2, a->attr[R_DIM]);
    } else if (fl->err[0]) {   /* too narrow: the message replaces the label */
        tui_put(a, w, y, 1, fl->err, LABEL_W + 1, a->attr[R_ERROR]);
        return 1;
    }
    return fl->err[0] && san_width(fl->err, a->g->ascii) > cols - tx - 2;   /* 1: the message was cut */
}

static void draw_form(tui_app *a)
{
    tui_form *f = &a->form;
    bool live = tui_form_find(f, FR_OBSERVED) >= 0;   /* a behaviour check-in */
    int extra = 0;
    bool areas = false;
    for (int i = 0; i < f->nf; i++) extra += field_rows(&f->f[i], true) - 1;
    int h = f->nf + 5 + (live ? 1 : 0);
    if (extra && h + extra <= LINES - 2) {   /* multi-line fields when they fit, else one row */
        areas = true;
        h += extra;
    }
    int wdt = form_width();
    if (h > LINES - 2) h = LINES - 2;
    tui_overlay(a, h, wdt);
    WINDOW *w = a->wo;
    werase(w);
    box_border(a, w);
    tui_put(a, w, 0, 2, f->title, getmaxx(w) - 4, A_BOLD);
    int fwt = text_width(f, getmaxx(w) - LABEL_W - 5, getmaxx(w));
    int y = 2, cy = 2, cx = LABEL_W + 3, cur_cut = 0;
    for (int i = 0; i < f->nf && y < h - 2; i++) {
        int fy, fx, rows = field_rows(&f->f[i], areas);
        if (y + rows > h - 2) rows = h - 2 - y;
        int cut = draw_field(a, w, y, &f->f[i], i == f->cur, fwt, rows, &fy, &fx);
        if (i == f->cur) {
            cur_cut = cut;
            cy = fy;
            cx = fx;
        }
        y += rows;
    }
    if (live && y < h - 1) {
        char buf[160], line[200];
        bool ok = tui_edit_live(f, buf, sizeof buf);
        snprintf(line, sizeof line, "%s %s", a->g->arrow, buf);
        tui_put(a, w, y, LABEL_W + 3, line, getmaxx(w) - LABEL_W - 5,
                ok ? (a->attr[R_GREEN] | A_BOLD) : a->attr[R_DIM]);
        y++;
    }
    const tui_field *cf = f->nf ? &f->f[f->cur] : NULL;
    char whole[600];
    if (cur_cut) {
        /* the message beside the field is cut: the bottom line says it whole */
        snprintf(whole, sizeof whole, "%s: %s%s%s", cf->label, cf->err, f->msg[0] ? "  " : "", f->msg);
        tui_put(a, w, h - 2, 2, whole, getmaxx(w) - 4, a->attr[R_ERROR]);
    } else if (f->msg[0])
        tui_put(a, w, h - 2, 2, f->msg, getmaxx(w) - 4, f->msg_error ? a->attr[R_ERROR] : a->attr[R_NOTICE]);
    else
        tui_put(a, w, h - 2, 2, areas ? "Enter saves  Esc cancels  Tab/Up/Down move (in a wrapped field: by line)"
                                      : "Enter saves  Esc cancels  Tab next field", getmaxx(w) - 4, a->attr[R_DIM]);
    wmove(w, cy, cx);
    curs_set(1);
    wnoutrefresh(w);
}

/* The form view draws into the centred overlay window (tui_overlay), not w. */
void tui_edit_draw_form(tui_app *a, WINDOW *w, bool focused)
{
    (void)w;
    (void)focused;
    draw_form(a);
}

void tui_box(tui_app *a, WINDOW *w) { box_border(a, w); }
