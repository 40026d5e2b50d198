/* SPDX-License-Identifier: MIT */
/* tui/tui_fields.h — forms built from the field tables of core/fields.h: one form field per
 * labelled table row, in table order, read back into the row the same way. The one adapter
 * between fields_meta and tui_form; it must not know any entity's fields by name. */
#ifndef LND_TUI_FIELDS_H
#define LND_TUI_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/fields.h"
#include "tui_form.h"

struct tui_app;

/* Append a field for every labelled row of table t (n rows), filled from row (the struct the
 * table describes): those named in order (JSON keys, NULL-terminated; NULL = none) first, then
 * the rest in table order, so a labelled row added to the table is on the form. add: a new
 * row, so plain NUM fields (no default) start empty and an enum value out of its range starts
 * as "(choose)". Each field remembers its table row, so fields of other kinds may sit among them. */
void tui_fields_build(tui_form *f, const fields_meta *t, size_t n, const void *row, bool add, const char *const *order);
/* Append the one field of the table row named name (a form that shows some of a table's
 * fields, e.g. a check-in's); its index, -1 when that row is not on forms. */
int tui_fields_add(tui_form *f, const fields_meta *t, size_t n, const void *row, bool add, const char *name);
/* Write the form's values into row (text points into the form). Checks what a kind needs
 * beyond tui_form_validate: dates, ids that must name an objective of the plan, positive
 * numbers. false with the error next to the first bad field (and the cursor on it). */
bool tui_fields_read(struct tui_app *a, const fields_meta *t, size_t n, void *row);
/* Form index of the field whose JSON name is name, -1 when it is not on the form. */
int tui_fields_index(const tui_form *f, const fields_meta *t, size_t n, const char *name);
/* Bounds of a number field (a rule of its entity, e.g. due week 0..weeks). */
void tui_fields_bounds(tui_form *f, const fields_meta *t, size_t n, const char *name, double lo, double hi);

#endif
