/* SPDX-License-Identifier: MIT */
/* core/fields_rest.c — the fields of a table (core/fields.h) that a hand-laid-out rendering
 * does not name: `lnd kr show`, `lnd status --format json` and the plan spreadsheet place the
 * fields they know among figures of their own (current, progress, status), and then show the
 * rest, in table order, from the table. So a field added to FIELDS_KR reaches them with no edit
 * there. Also one field's value as a typed value, for a front end's JSON writer. No I/O. */
#include <string.h>

#include "fields.h"

const char *const fields_kr_placed[] = {"objective", "title", "unit", "baseline", "baseline_at", "target",
                                       "direction", "due_week", "owner", "coowner", "weight", "evidence",
                                       "indicator", NULL};
const char *const fields_obj_placed[] = {"parent", "level", "type", "title", "problem", "outcome", "capability",
                                        "hypothesis", "owner", "business_owner", "cadence_days", NULL};

bool fields_named(const char *const *names, const char *name)
{
    for (; names && *names; names++)
        if (strcmp(*names, name) == 0) return true;
    return false;
}

size_t fields_rest(const fields_meta *t, size_t n, const char *const *named, const fields_meta **out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].edit && !fields_named(named, t[i].name)) {
            if (k < max) out[k] = &t[i];
            k++;
        }
    return k;
}

const char *fields_unnamed(const fields_meta *t, size_t n, const char *const *named)
{
    for (; named && *named; named++) {
        size_t i = 0;
        while (i < n && strcmp(t[i].name, *named) != 0) i++;
        if (i == n) return *named;
    }
    return NULL;
}

fields_value fields_value_of(const fields_meta *m, const void *row)
{
    const char *r = row;
    fields_value v = {.type = FV_NULL};
    switch (m->kind) {
    case FIELD_TEXT:
    case FIELD_OPTTEXT:
    case FIELD_DEFTEXT:
    case FIELD_STAMP:
        v.s = *(char *const *)(r + m->offset);
        v.type = v.s ? FV_STR : FV_NULL;
        break;
    case FIELD_ID:
    case FIELD_REF:
        v.i = *(const lnd_id *)(r + m->offset);
        v.letter = m->letter;
        v.type = v.i || m->kind == FIELD_ID ? FV_ID : FV_NULL;
        break;
    case FIELD_OPTNUM:
        if (!*(const bool *)(r + m->has_offset)) break;
        /* fall through */
    case FIELD_NUM:
    case FIELD_POS:
        v.d = *(const double *)(r + m->offset);
        v.type = FV_REAL;
        break;
    case FIELD_INT:
    case FIELD_POSINT:
        v.i = fields_get_int(row, m);
        v.type = FV_INT;
        break;
    case FIELD_ENUM:
        v.s = m->choice((int)fields_get_int(row, m));
        v.type = FV_STR;
        break;
    case FIELD_BOOL:
        v.i = fields_get_int(row, m);
        v.type = FV_BOOL;
        break;
    case FIELD_OPTINT:   /* -1 = none */
        v.i = fields_get_int(row, m);
        v.type = v.i >= 0 ? FV_INT : FV_NULL;
        break;
    }
    return v;
}
