/* SPDX-License-Identifier: MIT */
/* tests/unit/test_fields_rest.c — core/fields_rest.c, the part of the field tables that reaches
 * hand-laid-out renderings (`lnd kr show`, `lnd status --format json`, the plan spreadsheet):
 * every name those renderings place exists in the table; a table field they do not place is
 * handed to them, in table order, with its value typed as a user reads it in JSON; the plan
 * sheet's error names every column it accepts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <stdio.h>
#include <string.h>

#include "../../core/fields.h"
#include "../../core/planfile.h"

static const fields_meta *kr_field(const char *name)
{
    for (size_t i = 0; i < FIELDS_KR_N; i++)
        if (strcmp(fields_kr[i].name, name) == 0) return &fields_kr[i];
    fail_msg("no KR field %s", name);
    return NULL;
}

/* Every name kr show / status place is a field of the table (a rename would drop it silently). */
static void test_placed_names_are_fields(void **st)
{
    (void)st;
    assert_null(fields_unnamed(fields_kr, FIELDS_KR_N, fields_kr_placed));
    assert_null(fields_unnamed(fields_obj, FIELDS_OBJ_N, fields_obj_placed));
    const char *const typo[] = {"title", "co_owner", NULL};
    assert_string_equal(fields_unnamed(fields_kr, FIELDS_KR_N, typo), "co_owner");
}

/* What a rendering does not place comes back from the table, EDIT fields only, in table order:
 * leave coowner and weight out of the placed list and they are handed back, besides any field
 * added to the table since (and nothing else). */
static void test_rest_is_the_unplaced_edit_fields(void **st)
{
    (void)st;
    const char *few[FIELDS_KR_N + 1];
    size_t nf = 0;
    for (const char *const *p = fields_kr_placed; *p; p++)
        if (strcmp(*p, "coowner") != 0 && strcmp(*p, "weight") != 0) few[nf++] = *p;
    few[nf] = NULL;
    const fields_meta *all[FIELDS_KR_N], *rest[FIELDS_KR_N];
    size_t before = fields_rest(fields_kr, FIELDS_KR_N, fields_kr_placed, all, FIELDS_KR_N);
    size_t n = fields_rest(fields_kr, FIELDS_KR_N, few, rest, FIELDS_KR_N);
    assert_int_equal(n, before + 2);
    size_t seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(rest[i]->name, "coowner") == 0) assert_int_equal(seen++, 0);
        if (strcmp(rest[i]->name, "weight") == 0) assert_int_equal(seen++, 1);
        if (i > 0) assert_true(rest[i] > rest[i - 1]);   /* table order */
    }
    assert_int_equal(seen, 2);
    /* KEEP fields (carried_from, archived, version) are never handed out */
    const char *const none[] = {NULL};
    size_t edits = 0;
    for (size_t i = 0; i < FIELDS_KR_N; i++) edits += fields_kr[i].edit;
    n = fields_rest(fields_kr, FIELDS_KR_N, none, rest, FIELDS_KR_N);
    assert_int_equal(n, edits);
    assert_true(edits < FIELDS_KR_N);
    for (size_t i = 0; i < n; i++) assert_true(rest[i]->edit);
    /* max bounds the writes, not the count */
    assert_int_equal(fields_rest(fields_kr, FIELDS_KR_N, none, rest, 1), edits);
}

static void test_values_are_typed(void **st)
{
    (void)st;
    lnd_kr k = {.objective_id = 3, .title = "Ticket days", .target = 20, .direction = DIR_DECREASE,
                .due_week = 10, .weight = 2.5, .carried_from = 0, .has_baseline = false, .baseline = 9};
    fields_value v = fields_value_of(kr_field("objective"), &k);
    assert_int_equal(v.type, FV_ID);
    assert_int_equal(v.letter, 'O');
    assert_int_equal(v.i, 3);
    assert_int_equal(fields_value_of(kr_field("carried_from"), &k).type, FV_NULL);   /* REF 0 = none */
    assert_int_equal(fields_value_of(kr_field("baseline"), &k).type, FV_NULL);       /* not measured */
    k.has_baseline = true;
    v = fields_value_of(kr_field("baseline"), &k);
    assert_int_equal(v.type, FV_REAL);
    assert_true(v.d == 9);
    v = fields_value_of(kr_field("direction"), &k);
    assert_int_equal(v.type, FV_STR);
    assert_string_equal(v.s, "decrease");
    v = fields_value_of(kr_field("due_week"), &k);
    assert_int_equal(v.type, FV_INT);
    assert_int_equal(v.i, 10);
    assert_int_equal(fields_value_of(kr_field("archived"), &k).type, FV_BOOL);
    assert_int_equal(fields_value_of(kr_field("unit"), &k).type, FV_NULL);   /* NULL text */
}

static char errs[1024];
static void on_err(void *ud, long line, const char *msg)
{
    (void)ud;
    (void)line;
    snprintf(errs, sizeof errs, "%s", msg);
}

/* The plan sheet's unknown-column error lists the columns it reads, the generated ones too. */
static void test_plan_sheet_names_its_columns(void **st)
{
    (void)st;
    char *f[] = {"kind", "title", "colour"};
    pf_header h;
    assert_false(pf_parse_header(&h, f, 3, 1, on_err, NULL));
    assert_non_null(strstr(errs, "unknown column 'colour'; the columns are kind, title, parent, "));
    const fields_meta *rest[FIELDS_KR_N];
    size_t n = fields_rest(fields_kr, FIELDS_KR_N, fields_kr_placed, rest, FIELDS_KR_N);
    for (size_t i = 0; i < n && i < FIELDS_KR_N; i++) {
        char want[64];
        snprintf(want, sizeof want, ", %s", rest[i]->name);
        assert_non_null(strstr(errs, want));
        char *g[] = {"kind", "title", (char *)rest[i]->name};   /* and it is accepted as a column */
        assert_true(pf_parse_header(&h, g, 3, 1, on_err, NULL));
    }
    assert_non_null(strstr(errs, "indicator, hypothesis"));
}

LND_TEST_MAIN(cmocka_unit_test(test_placed_names_are_fields),
              cmocka_unit_test(test_rest_is_the_unplaced_edit_fields),
              cmocka_unit_test(test_values_are_typed), cmocka_unit_test(test_plan_sheet_names_its_columns))
