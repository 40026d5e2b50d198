/* SPDX-License-Identifier: MIT */
/* tui/tui_form.h — a form: a table of labelled fields (text, number, integer, choice) each
 * with its own line editor, field navigation and generic validation, plus the ops of what it
 * edits (save, conflict and after-save hooks: tui_int.h's tui_form_ops), so tui_edit.c runs
 * every form the same way without knowing them. Pure: each form's own file builds it;
 * tests/unit/test_tui_le.c tests keys and roles. */
#ifndef LND_TUI_FORM_H
#define LND_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include "tui_le.h"

#define TUI_FORM_MAXF 16
#define TUI_FORM_AREA_ROWS 3    /* rows of a multi-line field */

typedef enum { FF_TEXT, FF_NUM, FF_INT, FF_CHOICE } tui_ff_kind;

/* What a field holds when code other than its builder must find it (the live behaviour
 * percentage, the cohort), so nothing compares labels. FR_NONE for the rest. */
typedef enum { FR_NONE, FR_OBSERVED, FR_APPLIED, FR_COHORT } tui_ff_role;

typedef struct {
    const char *label;
    tui_ff_kind kind;
    tui_ff_role role;
    tui_le le;                  /* text of TEXT, NUM and INT fields */
    size_t scroll;              /* first byte shown (tui_le_view) */
    bool multiline;             /* TEXT shown over TUI_FORM_AREA_ROWS rows, wrapped; Up/Down
                                 * move between its rows before they move to the next field */
    int wrap_w;                 /* multi-line: the width it was last drawn with (0 = not yet) */
    const char *const *choices; /* CHOICE: names, nchoices of them */
    int nchoices, choice;
    bool required;              /* empty is an error */
    double lo, hi;              /* NUM/INT bounds, ignored when lo > hi */
    const char *hint;           /* shown after the field when there is no error */
    int row;                    /* tui_fields.c: 1 + its row in the field table, 0 = none */
    char err[128];              /* validation message shown next to the field */
} tui_field;

typedef enum { FORM_CONT, FORM_SAVE, FORM_CANCEL } tui_form_rc;

struct tui_form_ops;            /* tui_int.h: what the form edits, its hooks */

typedef struct {
    const struct tui_form_ops *ops;
    char title[160];
    tui_field f[TUI_FORM_MAXF];
    int nf, cur;
    bool changed;               /* the user changed something: a draft would be lost */
    char msg[256];              /* form-wide message (store error, busy) */
    bool msg_error;
    /* what is being edited */
    long long id;               /* row id (0 = new) */
    long long parent;           /* objective of a new KR, parent of a new objective */
    long version;               /* version the edit started from */
    int retries;                /* BUSY: retrying (draft frozen: keys but Esc ignored) */
    long long busy_since_ms;    /* BUSY: when the first attempt met the lock (monotonic) */
    long long last_try_ms;      /* BUSY: the last attempt */
} tui_form;

void tui_form_init(tui_form *f, const struct tui_form_ops *ops, const char *title);
/* Add a field; returns its index (or -1 when full). */
int tui_form_text(tui_form *f, const char *label, const char *value, bool required);
/* A multi-line text field (problem, outcome, retrospectives): wraps; Enter still saves. */
int tui_form_textarea(tui_form *f, const char *label, const char *value, bool required);
int tui_form_num(tui_form *f, const char *label, const char *value, bool required, double lo,
                 double hi, bool integer);
int tui_form_choice(tui_form *f, const char *label, const char *const *choices, int n, int sel);

/* A prefilled field's text is selected when the form opens on it and whenever the cursor
 * enters it, so the first typed key replaces it; arrows, Home and End keep it. */
tui_form_rc tui_form_key(tui_form *f, int key);
/* Generic checks (required, number syntax and bounds); sets each field's err, moves the cursor
 * to the first bad field. True when everything is valid. */
bool tui_form_validate(tui_form *f);
/* Parsed values (after tui_form_validate). has: false when the field is empty. */
double tui_form_double(const tui_form *f, int i, bool *has);
const char *tui_form_str(const tui_form *f, int i);
/* Index of the field with this role, -1 when the form has none. */
int tui_form_find(const tui_form *f, tui_ff_role role);

#endif
