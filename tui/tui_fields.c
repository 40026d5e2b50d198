/* SPDX-License-Identifier: MIT */
/* tui/tui_fields.c — the adapter from core/fields.h's tables (fields_kr[], fields_obj[]) to a
 * tui_form: builds the fields from a row and reads them back, by kind (text, date, id,
 * number, integer, choice). Generic rules of a kind only; an entity's own rules (bounds, "not
 * its own parent", a learning objective's hypothesis) stay with its form in tui_edit.c. No
 * store calls, no drawing. */
#include "tui_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "tui_int.h"

#define NAMES_MAX 16

/* The choice names of an enum row, as the array a choice field wants (filled once). */
static const char *const *choices(const fields_meta *m)
{
    static struct {
        const char *(*fn)(int);
        const char *v[NAMES_MAX];
    } cache[8];
    static const char *const yesno[] = {"no", "yes"};
    if (m->kind == FIELD_BOOL) return yesno;
    for (size_t i = 0; i < sizeof cache / sizeof cache[0]; i++) {
        if (!cache[i].fn) {
            cache[i].fn = m->choice;
            for (int j = 0; j < m->nchoices && j < NAMES_MAX; j++) cache[i].v[j] = m->choice(j);
        }
        if (cache[i].fn == m->choice) return cache[i].v;
    }
    return NULL;
}

static const void *cat(const void *row, size_t off) { return (const char *)row + off; }
static void *at(void *row, size_t off) { return (char *)row + off; }

/* The labelled rows of t in form order: those named in order first, then the rest in table order. */
static size_t form_rows(const fields_meta *t, size_t n, const char *const *order, size_t *out)
{
    size_t k = 0;
    for (const char *const *o = order; o && *o; o++)
        for (size_t i = 0; i < n; i++)
            if (t[i].label && strcmp(t[i].name, *o) == 0) out[k++] = i;
    for (size_t i = 0; i < n; i++)
        if (t[i].label && !fields_named(order, t[i].name)) out[k++] = i;
    return k;
}

/* One form field for table row r of t, filled from row; its index, -1 when it is not on forms. */
static int add_field(tui_form *f, const fields_meta *t, size_t r, const void *row, bool add)
{
    const fields_meta *m = &t[r];
    char buf[64] = "";
    const char *s = buf;
    double d = 0;
    bool has = true;
    int idx = -1;
    if (!m->label) return -1;
    switch (m->kind) {
    case FIELD_TEXT:
    case FIELD_OPTTEXT:
    case FIELD_DEFTEXT:
        s = *(char *const *)cat(row, m->offset);
        idx = m->form == FORM_MULTILINE ? tui_form_textarea(f, m->label, s ? s : "", m->required)
                                        : tui_form_text(f, m->label, s ? s : "", m->required);
        break;
    case FIELD_ID:
    case FIELD_REF: {
        lnd_id id = *(const lnd_id *)cat(row, m->offset);
        if (id) tui_fmt_id(m->letter, id, buf, sizeof buf);
        idx = tui_form_text(f, m->label, buf, m->required);
        break;
    }
    case FIELD_OPTNUM:
        has = *(const bool *)cat(row, m->has_offset);
        /* fall through */
    case FIELD_NUM:
    case FIELD_POS:
        d = *(const double *)cat(row, m->offset);
        if (has && !(add && m->kind == FIELD_NUM) && !(m->kind == FIELD_POS && d <= 0))
            model_fmt_num(d, buf, sizeof buf);
        idx = tui_form_num(f, m->label, buf, m->required, 1, 0, false);
        break;
    case FIELD_OPTINT:   /* -1 = none: empty */
        if (fields_get_int(row, m) < 0) {
            idx = tui_form_num(f, m->label, "", m->required, 1, 0, true);
            break;
        }
        /* fall through */
    case FIELD_INT:
    case FIELD_POSINT:
        snprintf(buf, sizeof buf, "%ld", fields_get_int(row, m));
        idx = tui_form_num(f, m->label, buf, m->required, 1, 0, true);
        break;
    case FIELD_ENUM:
    case FIELD_BOOL: {
        int nc = m->kind == FIELD_BOOL ? 2 : m->nchoices;
        long v = fields_get_int(row, m);
        idx = tui_form_choice(f, m->label, choices(m), nc, v >= 0 && v < nc ? (int)v : -1);
        break;
    }
    case FIELD_STAMP: break;   /* set by the store, never typed */
    }
    if (idx >= 0) {
        f->f[idx].hint = m->hint;
        f->f[idx].row = (int)r + 1;
    }
    return idx;
}

void tui_fields_build(tui_form *f, const fields_meta *t, size_t n, const void *row, bool add, const char *const *order)
{
    size_t seq[64], ns = form_rows(t, n < 64 ? n : 64, order, seq);
    for (size_t q = 0; q < ns; q++) add_field(f, t, seq[q], row, add);
}

int tui_fields_add(tui_form *f, const fields_meta *t, size_t n, const void *row, bool add, const char *name)
{
    for (size_t r = 0; r < n; r++)
        if (strcmp(t[r].name, name) == 0) return add_field(f, t, r, row, add);
    return -1;
}

static bool bad(tui_form *f, int i, bool *ok, const char *msg)
{
    snprintf(f->f[i].err, sizeof f->f[i].err, "%s", msg);
    if (*ok) f->cur = i;
    *ok = false;
    return false;
}

/* Field `field` of the open form names an objective of this cycle ("O7", "7" or empty for
 * none). false with the error next to the field when it does not. Shared by every form. */
bool tui_form_objective(tui_app *a, int field, lnd_id *out)
{
    tui_field *fl = &a->form.f[field];
    const char *s = fl->le.buf;
    while (*s == ' ') s++;
    *out = 0;
    if (!*s) return true;
    if (*s == 'O' || *s == 'o') s++;
    char *end;
    long long v = strtoll(s, &end, 10);
    long oi = *end == '\0' && v > 0 ? plan_obj_index(a->plan, v) : -1;
    if (oi < 0 || a->plan->objs[oi].archived) {
        snprintf(fl->err, sizeof fl->err, "no such objective in this cycle");
        a->form.cur = field;
        return false;
    }
    *out = v;
    return true;
}

bool tui_fields_read(struct tui_app *a, const fields_meta *t, size_t n, void *row)
{
    tui_form *f = &a->form;
    bool ok = true;
    for (int i = 0; i < f->nf; i++) {
        if (f->f[i].row < 1 || (size_t)f->f[i].row > n) continue;   /* not from the table */
        const fields_meta *m = &t[f->f[i].row - 1];
        double d;
        bool has;
        switch (m->kind) {
        case FIELD_TEXT:
        case FIELD_OPTTEXT:
        case FIELD_DEFTEXT: {
            const char *s = tui_form_str(f, i);
            if (!fields_set_from_text(m, row, s, NULL, 0)) {
                bad(f, i, &ok, "YYYY-MM-DD, please");   /* the one text kind that can fail: a date */
                *(char **)at(row, m->offset) = (char *)s;
            }
            break;
        }
        case FIELD_ID:
        case FIELD_REF: {
            lnd_id id = 0;
            if (m->letter == 'O') {
                if (!tui_form_objective(a, i, &id)) ok = false;
            } else {
                const char *s = tui_form_str(f, i);
                lnd_id *dst = at(row, m->offset);
                *dst = 0;
                if (*s && !fields_set_from_text(m, row, s, NULL, 0)) bad(f, i, &ok, "not an id");
                id = *dst;
            }
            if (m->kind == FIELD_ID && !id) bad(f, i, &ok, "required");
            *(lnd_id *)at(row, m->offset) = id;
            break;
        }
        case FIELD_NUM:
        case FIELD_POS:
        case FIELD_OPTNUM:
            d = tui_form_double(f, i, &has);
            if (m->kind == FIELD_POS && has && d <= 0) bad(f, i, &ok, "more than 0, please");
            *(double *)at(row, m->offset) = d;
            if (m->kind == FIELD_OPTNUM) *(bool *)at(row, m->has_offset) = has;
            break;
        case FIELD_INT:
        case FIELD_POSINT:
            d = tui_form_double(f, i, &has);
            if (m->kind == FIELD_POSINT && has && d < 1) bad(f, i, &ok, "1 or more, please");
            fields_set_int(row, m, (long)d);
            break;
        case FIELD_OPTINT:
            d = tui_form_double(f, i, &has);
            fields_set_int(row, m, has ? (long)d : -1);
            break;
        case FIELD_STAMP: break;
        case FIELD_ENUM:
        case FIELD_BOOL:
            fields_set_int(row, m, f->f[i].choice);
            break;
        }
    }
    return ok;
}

int tui_fields_index(const tui_form *f, const fields_meta *t, size_t n, const char *name)
{
    for (int i = 0; i < f->nf; i++)
        if (f->f[i].row >= 1 && (size_t)f->f[i].row <= n && strcmp(t[f->f[i].row - 1].name, name) == 0) return i;
    return -1;
}

void tui_fields_bounds(tui_form *f, const fields_meta *t, size_t n, const char *name, double lo, double hi)
{
    int i = tui_fields_index(f, t, n, name);
    if (i < 0) return;
    f->f[i].lo = lo;
    f->f[i].hi = hi;
}
