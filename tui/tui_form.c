/* SPDX-License-Identifier: MIT */
/* tui/tui_form.c — form state and key handling (pure: no curses, no store). A form never
 * loses its draft: validation only writes messages next to the fields. */
#include "tui_form.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"
#include "tui_key.h"

void tui_form_init(tui_form *f, const struct tui_form_ops *ops, const char *title)
{
    memset(f, 0, sizeof *f);
    f->ops = ops;
    snprintf(f->title, sizeof f->title, "%s", title);
}

static tui_field *add(tui_form *f, const char *label, tui_ff_kind k)
{
    if (f->nf >= TUI_FORM_MAXF) return NULL;
    tui_field *fl = &f->f[f->nf++];
    memset(fl, 0, sizeof *fl);
    fl->label = label;
    fl->kind = k;
    fl->lo = 1;
    fl->hi = 0;
    return fl;
}

int tui_form_text(tui_form *f, const char *label, const char *value, bool required)
{
    tui_field *fl = add(f, label, FF_TEXT);
    if (!fl) return -1;
    tui_le_set(&fl->le, value);
    fl->required = required;
    if (f->nf == 1) tui_le_select(&fl->le);   /* the form opens on it */
    return f->nf - 1;
}

int tui_form_textarea(tui_form *f, const char *label, const char *value, bool required)
{
    int i = tui_form_text(f, label, value, required);
    if (i >= 0) f->f[i].multiline = true;
    return i;
}

int tui_form_num(tui_form *f, const char *label, const char *value, bool required, double lo,
                 double hi, bool integer)
{
    tui_field *fl = add(f, label, integer ? FF_INT : FF_NUM);
    if (!fl) return -1;
    tui_le_set(&fl->le, value);
    fl->required = required;
    fl->lo = lo;
    fl->hi = hi;
    if (f->nf == 1) tui_le_select(&fl->le);
    return f->nf - 1;
}

int tui_form_choice(tui_form *f, const char *label, const char *const *choices, int n, int sel)
{
    tui_field *fl = add(f, label, FF_CHOICE);
    if (!fl) return -1;
    fl->choices = choices;
    fl->nchoices = n;
    /* sel -1: nothing chosen yet; the form will not save until one is (a required choice) */
    fl->choice = sel >= 0 && sel < n ? sel : -1;
    fl->required = sel < 0;
    return f->nf - 1;
}

/* The cursor enters field i: a prefilled text is selected. */
static void enter_field(tui_form *f, int i)
{
    if (f->f[f->cur].kind != FF_CHOICE) f->f[f->cur].le.sel = false;
    f->cur = i;
    if (f->f[i].kind != FF_CHOICE) tui_le_select(&f->f[i].le);
}

tui_form_rc tui_form_key(tui_form *f, int key)
{
    if (f->nf == 0) return key == TK_ESC ? FORM_CANCEL : FORM_CONT;
    tui_field *fl = &f->f[f->cur];
    if (fl->multiline && fl->wrap_w > 0 && (key == TK_UP || key == TK_DOWN) &&
        tui_le_vmove(&fl->le, fl->wrap_w, key == TK_UP ? -1 : +1))
        return FORM_CONT;   /* between the rows of a multi-line field */
    switch (key) {
    case '\t': case TK_DOWN:
        enter_field(f, (f->cur + 1) % f->nf);
        return FORM_CONT;
    case TK_BTAB: case TK_UP:
        enter_field(f, (f->cur + f->nf - 1) % f->nf);
        return FORM_CONT;
    default: break;
    }
    if (fl->kind == FF_CHOICE) {
        switch (key) {
        case TK_RIGHT: case ' ':
            fl->choice = (fl->choice + 1) % fl->nchoices;
            f->changed = true;
            fl->err[0] = '\0';
            return FORM_CONT;
        case TK_LEFT:
            fl->choice = fl->choice < 0 ? fl->nchoices - 1 : (fl->choice + fl->nchoices - 1) % fl->nchoices;
            f->changed = true;
            fl->err[0] = '\0';
            return FORM_CONT;
        case '\r': case '\n': case TK_ENTER: return FORM_SAVE;
        case TK_ESC: return FORM_CANCEL;
        default:
            /* a letter picks the next choice starting with it */
            for (int i = 1; key > ' ' && key < 127 && i <= fl->nchoices; i++) {
                int c = (fl->choice + i + (fl->choice < 0 ? fl->nchoices : 0)) % fl->nchoices;
                if (fl->choices[c][0] == key) {
                    fl->choice = c;
                    f->changed = true;
                    fl->err[0] = '\0';
                    break;
                }
            }
            return FORM_CONT;
        }
    }
    switch (tui_le_key(&fl->le, key)) {
    case LE_SAVE: return FORM_SAVE;
    case LE_CANCEL: return FORM_CANCEL;
    case LE_CHANGED:
        f->changed = true;
        fl->err[0] = '\0';
        return FORM_CONT;
    default: return FORM_CONT;
    }
}

static bool parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    while (*s == ' ') s++;
    double v = strtod(s, &end);
    while (*end == ' ') end++;
    if (end == s || *end || errno || !isfinite(v)) return false;
    *out = v;
    return true;
}

static bool blank(const char *s)
{
    while (*s == ' ') s++;
    return !*s;
}

bool tui_form_validate(tui_form *f)
{
    int bad = -1;
    for (int i = 0; i < f->nf; i++) {
        tui_field *fl = &f->f[i];
        fl->err[0] = '\0';
        if (fl->kind == FF_CHOICE) {
            if (fl->choice < 0) snprintf(fl->err, sizeof fl->err, "choose one");
            if (fl->err[0] && bad < 0) bad = i;
            continue;
        }
        size_t off;
        if (!utf8_valid(fl->le.buf, &off)) {   /* a value loaded from an unrepaired database */
            snprintf(fl->err, sizeof fl->err, "not valid UTF-8 at byte %zu; retype it", off);
        } else if (blank(fl->le.buf)) {
            if (fl->required) snprintf(fl->err, sizeof fl->err, "required");
        } else if (fl->kind != FF_TEXT) {
            double v;
            if (!parse_num(fl->le.buf, &v) || (fl->kind == FF_INT && v != floor(v)))
                snprintf(fl->err, sizeof fl->err, "%s", fl->kind == FF_INT ? "a whole number, please"
                                                                           : "a number, please");
            else if (fl->lo <= fl->hi && (v < fl->lo || v > fl->hi))
                snprintf(fl->err, sizeof fl->err, "between %g and %g", fl->lo, fl->hi);
        }
        if (fl->err[0] && bad < 0) bad = i;
    }
    if (bad >= 0) {   /* the cursor goes to the first bad field to fix what was typed there */
        f->cur = bad;
        if (f->f[bad].kind != FF_CHOICE) f->f[bad].le.sel = false;
    }
    return bad < 0;
}

double tui_form_double(const tui_form *f, int i, bool *has)
{
    double v = 0;
    bool ok = i >= 0 && i < f->nf && parse_num(f->f[i].le.buf, &v);
    if (has) *has = ok;
    return ok ? v : 0;
}

const char *tui_form_str(const tui_form *f, int i)
{
    if (i < 0 || i >= f->nf) return "";
    if (f->f[i].kind == FF_CHOICE) return f->f[i].choice >= 0 ? f->f[i].choices[f->f[i].choice] : "";
    return f->f[i].le.buf;
}

int tui_form_find(const tui_form *f, tui_ff_role role)
{
    for (int i = 0; i < f->nf; i++)
        if (f->f[i].role == role) return i;
    return -1;
}
