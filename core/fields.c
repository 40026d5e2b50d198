/* SPDX-License-Identifier: MIT */
/* core/fields.c — what the field tables of core/fields.h generate in core/: the form
 * metadata arrays (fields_kr[]) and the diffs of two rows (audit details, conflict screens).
 * No I/O and no formatting beyond model_fmt_num; it must not know about SQL, JSON or curses. */
#include "fields.h"

#include <stdio.h>
#include <string.h>

/* ---- enum names as int -> name, for form choices ---- */
#define FIELDS_ENUM_NAME_(fam) \
    static const char *fields_name_##fam(int v) { return model_##fam##_name(v); }
FIELDS_ENUM_NAME_(direction)
FIELDS_ENUM_NAME_(evidence)
FIELDS_ENUM_NAME_(indicator)
FIELDS_ENUM_NAME_(level)
FIELDS_ENUM_NAME_(otype)
FIELDS_ENUM_NAME_(cycle_state)

#define FM_CHOICE_ENUM(aux) fields_name_##aux
#define FM_N_ENUM(aux) FIELDS_N_##aux
#define FM_CHOICE_ID(aux) NULL
#define FM_CHOICE_REF(aux) NULL
#define FM_CHOICE_TEXT(aux) NULL
#define FM_CHOICE_OPTTEXT(aux) NULL
#define FM_CHOICE_DEFTEXT(aux) NULL
#define FM_CHOICE_NUM(aux) NULL
#define FM_CHOICE_POS(aux) NULL
#define FM_CHOICE_OPTNUM(aux) NULL
#define FM_CHOICE_INT(aux) NULL
#define FM_CHOICE_POSINT(aux) NULL
#define FM_CHOICE_BOOL(aux) NULL
#define FM_CHOICE_STAMP(aux) NULL
#define FM_CHOICE_OPTINT(aux) NULL
#define FM_N_ID(aux) 0
#define FM_N_REF(aux) 0
#define FM_N_TEXT(aux) 0
#define FM_N_OPTTEXT(aux) 0
#define FM_N_DEFTEXT(aux) 0
#define FM_N_NUM(aux) 0
#define FM_N_POS(aux) 0
#define FM_N_OPTNUM(aux) 0
#define FM_N_INT(aux) 0
#define FM_N_POSINT(aux) 0
#define FM_N_BOOL(aux) 0
#define FM_N_STAMP(aux) 0
#define FM_N_OPTINT(aux) 0
#define FM_HAS_OPTNUM(T, aux) offsetof(T, aux)
#define FM_HAS_ID(T, aux) 0
#define FM_HAS_REF(T, aux) 0
#define FM_HAS_TEXT(T, aux) 0
#define FM_HAS_OPTTEXT(T, aux) 0
#define FM_HAS_DEFTEXT(T, aux) 0
#define FM_HAS_NUM(T, aux) 0
#define FM_HAS_POS(T, aux) 0
#define FM_HAS_INT(T, aux) 0
#define FM_HAS_POSINT(T, aux) 0
#define FM_HAS_ENUM(T, aux) 0
#define FM_HAS_BOOL(T, aux) 0
#define FM_HAS_STAMP(T, aux) 0
#define FM_HAS_OPTINT(T, aux) 0
#define FM_LETTER_ID(aux) aux
#define FM_LETTER_REF(aux) aux
#define FM_LETTER_TEXT(aux) 0
#define FM_LETTER_OPTTEXT(aux) 0
#define FM_LETTER_DEFTEXT(aux) 0
#define FM_LETTER_NUM(aux) 0
#define FM_LETTER_POS(aux) 0
#define FM_LETTER_OPTNUM(aux) 0
#define FM_LETTER_INT(aux) 0
#define FM_LETTER_POSINT(aux) 0
#define FM_LETTER_ENUM(aux) 0
#define FM_LETTER_BOOL(aux) 0
#define FM_LETTER_STAMP(aux) 0
#define FM_LETTER_OPTINT(aux) 0
#define FM_PARSE_ENUM(aux) model_##aux##_parse
#define FM_PARSE_ID(aux) NULL
#define FM_PARSE_REF(aux) NULL
#define FM_PARSE_TEXT(aux) NULL
#define FM_PARSE_OPTTEXT(aux) NULL
#define FM_PARSE_DEFTEXT(aux) NULL
#define FM_PARSE_NUM(aux) NULL
#define FM_PARSE_POS(aux) NULL
#define FM_PARSE_OPTNUM(aux) NULL
#define FM_PARSE_INT(aux) NULL
#define FM_PARSE_POSINT(aux) NULL
#define FM_PARSE_BOOL(aux) NULL
#define FM_PARSE_STAMP(aux) NULL
#define FM_PARSE_OPTINT(aux) NULL
#define FM_EDIT_EDIT true
#define FM_EDIT_KEEP false
#define FM_EDIT_HIDE false

#define FM_ROW_(T, kd, m, col, json, role, aux, diff_, fm, fkind, req, width_, hint_, csv)          \
    {.name = json, .column = col, .diff = diff_, .label = fm, .hint = hint_, .kind = FIELD_##kd,     \
     .form = FORM_##fkind, .required = req, .edit = FM_EDIT_##role, .width = width_,                \
     .offset = offsetof(T, m), .size = sizeof(((T *)0)->m), .has_offset = FM_HAS_##kd(T, aux),       \
     .letter = FM_LETTER_##kd(aux), .choice = FM_CHOICE_##kd(aux), .nchoices = FM_N_##kd(aux),    \
     .parse = FM_PARSE_##kd(aux)},

#define FM_KR_(...) FM_ROW_(lnd_kr, __VA_ARGS__)
#define FM_OBJ_(...) FM_ROW_(lnd_objective, __VA_ARGS__)
#define FM_PROG_(...) FM_ROW_(lnd_programme, __VA_ARGS__)
#define FM_CHECKIN_(...) FM_ROW_(lnd_checkin, __VA_ARGS__)
#define FM_CYCLE_(...) FM_ROW_(lnd_cycle, __VA_ARGS__)

const fields_meta fields_kr[FIELDS_KR_N] = {FIELDS_KR(FM_KR_)};
const fields_meta fields_obj[FIELDS_OBJ_N] = {FIELDS_OBJ(FM_OBJ_)};
const fields_meta fields_prog[FIELDS_PROG_N] = {FIELDS_PROG(FM_PROG_)};
const fields_meta fields_checkin[FIELDS_CHECKIN_N] = {FIELDS_CHECKIN(FM_CHECKIN_)};
const fields_meta fields_cycle[FIELDS_CYCLE_N] = {FIELDS_CYCLE(FM_CYCLE_)};

/* ---- diffs ---- */
static void put_text(char *dst, const char *s)
{
    snprintf(dst, 256, "%s", s ? s : "");
}

static void put_num(char *dst, bool has, double v)
{
    if (has) model_fmt_num(v, dst, 256);
    else snprintf(dst, 256, "none");
}

static void put_ref(char *dst, char letter, lnd_id id)
{
    if (id) snprintf(dst, 256, "%c%lld", letter, id);
    else snprintf(dst, 256, "none");
}

static bool add(fields_change *out, size_t max, size_t *n, const char *field, bool text)
{
    if (*n >= max) {
        (*n)++;
        return false;
    }
    out[*n].field = field;
    out[*n].text = text;
    (*n)++;
    return true;
}

static bool same_text(const char *x, const char *y) { return strcmp(x ? x : "", y ? y : "") == 0; }

/* One EDIT field: compare, and when it differs write old and new as a user reads them. */
#define FD_ID(m, aux, diff)                                                                   \
    if (a->m != b->m && add(out, max, &n, diff, false)) {                                     \
        snprintf(out[n - 1].old, 256, "%c%lld", aux, a->m);                                   \
        snprintf(out[n - 1].new_, 256, "%c%lld", aux, b->m);                                  \
    }
#define FD_REF(m, aux, diff)                                                                  \
    if (a->m != b->m && add(out, max, &n, diff, false)) {                                     \
        put_ref(out[n - 1].old, aux, a->m);                                                   \
        put_ref(out[n - 1].new_, aux, b->m);                                                  \
    }
#define FD_TEXT(m, aux, diff)                                                                 \
    if (!same_text(a->m, b->m) && add(out, max, &n, diff, true)) {                            \
        put_text(out[n - 1].old, a->m);                                                       \
        put_text(out[n - 1].new_, b->m);                                                      \
    }
#define FD_OPTTEXT FD_TEXT
/* blank new value = unchanged: not a change */
#define FD_DEFTEXT(m, aux, diff)                                                              \
    if (b->m && *b->m && !same_text(a->m, b->m) && add(out, max, &n, diff, true)) {           \
        put_text(out[n - 1].old, a->m);                                                       \
        put_text(out[n - 1].new_, b->m);                                                      \
    }
#define FD_NUM(m, aux, diff)                                                                  \
    if ((double)a->m != (double)b->m && add(out, max, &n, diff, false)) {                     \
        put_num(out[n - 1].old, true, a->m);                                                  \
        put_num(out[n - 1].new_, true, b->m);                                                 \
    }
#define FD_POS(m, aux, diff)                                                                  \
    if ((a->m > 0 ? a->m : aux) != (b->m > 0 ? b->m : aux) && add(out, max, &n, diff, false)) { \
        put_num(out[n - 1].old, true, a->m > 0 ? a->m : aux);                                 \
        put_num(out[n - 1].new_, true, b->m > 0 ? b->m : aux);                                \
    }
#define FD_POSINT FD_POS
#define FD_INT FD_NUM
#define FD_OPTNUM(m, aux, diff)                                                               \
    {                                                                                         \
        char o_[256], n_[256];                                                                \
        put_num(o_, a->aux, a->m);                                                            \
        put_num(n_, b->aux, b->m);                                                            \
        if (strcmp(o_, n_) != 0 && add(out, max, &n, diff, false)) {                          \
            memcpy(out[n - 1].old, o_, sizeof o_);                                            \
            memcpy(out[n - 1].new_, n_, sizeof n_);                                           \
        }                                                                                     \
    }
#define FD_ENUM(m, aux, diff)                                                                 \
    if (a->m != b->m && add(out, max, &n, diff, false)) {                                     \
        put_text(out[n - 1].old, model_##aux##_name(a->m));                                   \
        put_text(out[n - 1].new_, model_##aux##_name(b->m));                                  \
    }
#define FD_BOOL(m, aux, diff)                                                                 \
    if (a->m != b->m && add(out, max, &n, diff, false)) {                                     \
        put_text(out[n - 1].old, a->m ? "yes" : "no");                                        \
        put_text(out[n - 1].new_, b->m ? "yes" : "no");                                       \
    }
#define FD_FIELD(kind, m, col, json, role, aux, diff, ...) FIELDS_IF_EDIT_##role(FD_##kind(m, aux, diff))

size_t fields_kr_diff(const lnd_kr *a, const lnd_kr *b, fields_change *out, size_t max)
{
    size_t n = 0;
    FIELDS_KR(FD_FIELD)
    return n;
}

size_t fields_obj_diff(const lnd_objective *a, const lnd_objective *b, fields_change *out, size_t max)
{
    size_t n = 0;
    FIELDS_OBJ(FD_FIELD)
    return n;
}

size_t fields_prog_diff(const lnd_programme *a, const lnd_programme *b, fields_change *out, size_t max)
{
    size_t n = 0;
    FIELDS_PROG(FD_FIELD)
    return n;
}
