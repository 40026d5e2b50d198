/* SPDX-License-Identifier: MIT */
/* core/fields_text.c — one field of a table row (core/fields.h) read from and written as
 * text, by kind: the single parser behind the CLI's --FIELD/--expect-FIELD options and the
 * dashboard's form fields. Generic rules of a kind only (a number, a date, an id, a name of
 * the enum); an entity's own bounds stay with its front end. No I/O, no messages beyond the
 * short reason a front end puts after the value. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "fields.h"
#include "numfmt.h"

static const void *cat(const void *row, size_t off) { return (const char *)row + off; }
static void *at(void *row, size_t off) { return (char *)row + off; }

long fields_get_int(const void *row, const fields_meta *m)
{
    if (m->size == sizeof(long)) return *(const long *)cat(row, m->offset);
    if (m->size == sizeof(bool)) return *(const bool *)cat(row, m->offset);
    return *(const int *)cat(row, m->offset);
}

void fields_set_int(void *row, const fields_meta *m, long v)
{
    if (m->size == sizeof(long)) *(long *)at(row, m->offset) = v;
    else if (m->size == sizeof(bool)) *(bool *)at(row, m->offset) = v != 0;
    else *(int *)at(row, m->offset) = (int)v;
}

static bool num(const char *s, double *out) { return num_parse(s, out); }
static bool whole(const char *s, long lo, long hi, long *out) { return num_parse_long(s, lo, hi, out); }

static const char *noun(char letter)
{
    switch (letter) {
    case 'O': return "an objective";
    case 'K': return "a key result";
    case 'P': return "a programme";
    case 'C': return "a cycle";
    default: return NULL;
    }
}

static bool fail(char *err, size_t n, const char *why)
{
    if (err && n) snprintf(err, n, "%s", why);
    return false;
}

bool fields_set_from_text(const fields_meta *m, void *row, const char *text, char *err, size_t errlen)
{
    char why[160];
    const char *s = text ? text : "";
    double d = 0;
    long l = 0;
    switch (m->kind) {
    case FIELD_STAMP:
    case FIELD_TEXT:
    case FIELD_OPTTEXT:
    case FIELD_DEFTEXT:
        if (m->form == FORM_DATE) {
            lnd_day day;
            if (strcmp(s, "none") == 0) s = "";
            else if (*s && !date_parse(s, &day)) return fail(err, errlen, "is not a date; use YYYY-MM-DD");
        }
        *(char **)at(row, m->offset) = (char *)s;
        return true;
    case FIELD_ID:
    case FIELD_REF:
        if (m->kind == FIELD_REF && strcmp(s, "none") == 0) {
            *(lnd_id *)at(row, m->offset) = 0;
            return true;
        }
        if (*s == m->letter || *s == m->letter + ('a' - 'A')) s++;
        if (!whole(s, 1, 0x7fffffffL, &l)) {
            if (!noun(m->letter)) return fail(err, errlen, "is not an id");
            snprintf(why, sizeof why, "is not %s id; use %c and a number, e.g. %c3", noun(m->letter), m->letter,
                     m->letter);
            return fail(err, errlen, why);
        }
        *(lnd_id *)at(row, m->offset) = l;
        return true;
    case FIELD_OPTNUM:
        if (strcmp(s, "none") == 0) {
            *(bool *)at(row, m->has_offset) = false;
            return true;
        }
        if (!num(s, &d)) return fail(err, errlen, "is not a number (or 'none')");
        *(double *)at(row, m->offset) = d;
        *(bool *)at(row, m->has_offset) = true;
        return true;
    case FIELD_NUM:
    case FIELD_POS:
        if (!num(s, &d)) return fail(err, errlen, m->kind == FIELD_POS ? "must be a number above 0" : "is not a number");
        if (m->kind == FIELD_POS && d <= 0) return fail(err, errlen, "must be a number above 0");
        *(double *)at(row, m->offset) = d;
        return true;
    case FIELD_OPTINT:
        if (strcmp(s, "none") == 0 || !*s) {
            fields_set_int(row, m, -1);
            return true;
        }
        if (!whole(s, 0, 0x7fffffffL, &l)) return fail(err, errlen, "must be a whole number from 0 (or 'none')");
        fields_set_int(row, m, l);
        return true;
    case FIELD_INT:
    case FIELD_POSINT:
        if (!whole(s, m->kind == FIELD_POSINT ? 1 : -0x7fffffffL, 0x7fffffffL, &l))
            return fail(err, errlen, m->kind == FIELD_POSINT ? "must be a whole number above 0" : "is not a whole number");
        fields_set_int(row, m, l);
        return true;
    case FIELD_ENUM: {
        int v = m->parse ? m->parse(s) : -1;
        if (v < 0) {
            size_t k = (size_t)snprintf(why, sizeof why, "must be ");
            for (int i = 0; i < m->nchoices && k < sizeof why; i++)
                k += (size_t)snprintf(why + k, sizeof why - k, "%s%s", i == 0 ? "" : i + 1 == m->nchoices ? " or " : ", ",
                                      m->choice(i));
            return fail(err, errlen, why);
        }
        fields_set_int(row, m, v);
        return true;
    }
    case FIELD_BOOL:
        if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0 || strcmp(s, "1") == 0) l = 1;
        else if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0 || strcmp(s, "0") == 0) l = 0;
        else return fail(err, errlen, "must be yes or no");
        fields_set_int(row, m, l);
        return true;
    }
    return fail(err, errlen, "cannot be set");
}

const char *fields_text(const fields_meta *m, const void *row, char *buf, size_t n)
{
    switch (m->kind) {
    case FIELD_STAMP:
    case FIELD_TEXT:
    case FIELD_OPTTEXT:
    case FIELD_DEFTEXT: {
        const char *s = *(char *const *)cat(row, m->offset);
        return s ? s : "";
    }
    case FIELD_ID:
    case FIELD_REF: {
        lnd_id id = *(const lnd_id *)cat(row, m->offset);
        if (id || m->kind == FIELD_ID) snprintf(buf, n, "%c%lld", m->letter, id);
        else snprintf(buf, n, "none");
        return buf;
    }
    case FIELD_OPTNUM:
        if (!*(const bool *)cat(row, m->has_offset)) {
            snprintf(buf, n, "none");
            return buf;
        }
        /* fall through */
    case FIELD_NUM:
    case FIELD_POS:
        model_fmt_num(*(const double *)cat(row, m->offset), buf, n);
        return buf;
    case FIELD_INT:
    case FIELD_POSINT: snprintf(buf, n, "%ld", fields_get_int(row, m)); return buf;
    case FIELD_ENUM: return m->choice((int)fields_get_int(row, m));
    case FIELD_BOOL: return fields_get_int(row, m) ? "yes" : "no";
    case FIELD_OPTINT:
        if (fields_get_int(row, m) < 0) snprintf(buf, n, "none");
        else snprintf(buf, n, "%ld", fields_get_int(row, m));
        return buf;
    }
    return "";
}
