/* SPDX-License-Identifier: MIT */
/* tests/unit/test_tui_fields.c — forms built from the field tables (tui/tui_fields.c): every
 * labelled field of a key result and an objective comes back from the form unchanged, a new
 * row starts with no target and no evidence chosen, a bad date is refused next to its field.
 * Walks fields_kr[]/fields_obj[], so a field added to a table is checked without touching
 * this file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../tui/tui_fields.h"
#include "../../tui/tui_int.h"

static bool same_field(const fields_meta *m, const void *a, const void *b)
{
    const char *pa = (const char *)a + m->offset, *pb = (const char *)b + m->offset;
    if (m->kind == FIELD_TEXT || m->kind == FIELD_OPTTEXT || m->kind == FIELD_DEFTEXT) {
        const char *x = *(char *const *)pa, *y = *(char *const *)pb;
        return strcmp(x ? x : "", y ? y : "") == 0;
    }
    if (m->kind == FIELD_OPTNUM && memcmp((const char *)a + m->has_offset, (const char *)b + m->has_offset, 1))
        return false;
    return memcmp(pa, pb, m->size) == 0;
}

static int labelled(const fields_meta *t, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) k += t[i].label != NULL;
    return k;
}

static const lnd_kr full_kr = {.id = 8, .objective_id = 6, .title = "First-call resolution", .unit = "%",
                               .has_baseline = true, .baseline = 64.5, .baseline_at = "2026-10-02",
                               .target = 75, .direction = DIR_DECREASE, .due_week = 10, .owner = "lee",
                               .coowner = "sam", .weight = 2.5, .evidence = EV_BEHAVIOUR,
                               .indicator = IND_LEADING, .version = 3};

static void test_every_kr_field_round_trips_through_the_form(void **st)
{
    (void)st;
    static tui_app a;
    tui_form_init(&a.form, NULL, "Edit K8");
    tui_fields_build(&a.form, fields_kr, FIELDS_KR_N, &full_kr, false, NULL);
    assert_int_equal(a.form.nf, labelled(fields_kr, FIELDS_KR_N));
    assert_true(tui_form_validate(&a.form));
    lnd_kr back = {.objective_id = 6, .version = 3};   /* what the form does not show */
    assert_true(tui_fields_read(&a, fields_kr, FIELDS_KR_N, &back));
    for (size_t i = 0; i < FIELDS_KR_N; i++)
        if (!same_field(&fields_kr[i], &full_kr, &back)) fail_msg("KR field %s differs", fields_kr[i].name);
}

static void test_every_objective_field_round_trips_through_the_form(void **st)
{
    (void)st;
    static tui_app a;
    lnd_objective o = {.id = 4, .cycle_id = 1, .level = LEVEL_LD, .type = OTYPE_LEARNING, .title = "Coach",
                       .problem = "p", .outcome = "o", .capability = "c", .hypothesis = "h",
                       .owner = "ld", .business_owner = "vp", .cadence_days = 14, .version = 2};
    tui_form_init(&a.form, NULL, "Edit O4");
    tui_fields_build(&a.form, fields_obj, FIELDS_OBJ_N, &o, false, NULL);
    assert_int_equal(a.form.nf, labelled(fields_obj, FIELDS_OBJ_N));
    assert_true(tui_form_validate(&a.form));
    lnd_objective back = {.cycle_id = 1, .version = 2};
    assert_true(tui_fields_read(&a, fields_obj, FIELDS_OBJ_N, &back));
    for (size_t i = 0; i < FIELDS_OBJ_N; i++)
        if (!same_field(&fields_obj[i], &o, &back)) fail_msg("objective field %s differs", fields_obj[i].name);
}

static void test_a_new_kr_starts_without_target_or_evidence(void **st)
{
    (void)st;
    static tui_app a;
    lnd_kr k = full_kr;
    k.evidence = EV_N;
    tui_form_init(&a.form, NULL, "New key result");
    tui_fields_build(&a.form, fields_kr, FIELDS_KR_N, &k, true, NULL);
    int t = tui_fields_index(&a.form, fields_kr, FIELDS_KR_N, "target");
    int e = tui_fields_index(&a.form, fields_kr, FIELDS_KR_N, "evidence");
    assert_string_equal(a.form.f[t].le.buf, "");
    assert_int_equal(a.form.f[e].choice, -1);
    assert_false(tui_form_validate(&a.form));   /* target required, evidence to choose */
    assert_string_equal(a.form.f[e].err, "choose one");
}

static void test_a_bad_date_is_refused_next_to_its_field(void **st)
{
    (void)st;
    static tui_app a;
    lnd_kr k = full_kr;
    k.baseline_at = "2027-13-40";
    tui_form_init(&a.form, NULL, "Edit K8");
    tui_fields_build(&a.form, fields_kr, FIELDS_KR_N, &k, false, NULL);
    lnd_kr back = {0};
    assert_false(tui_fields_read(&a, fields_kr, FIELDS_KR_N, &back));
    int d = tui_fields_index(&a.form, fields_kr, FIELDS_KR_N, "baseline_at");
    assert_int_equal(a.form.cur, d);
    assert_string_equal(a.form.f[d].err, "YYYY-MM-DD, please");
}

/* A form in its own order (the programme form: title first) still reads each field back into
 * its own member, and a field the form's builder adds itself is left alone. */
static void test_a_form_in_its_own_order_reads_back_by_field(void **st)
{
    (void)st;
    static tui_app a;
    const char *const order[] = {"title", "objective", "start_week", "end_week", "audience", NULL};
    lnd_programme p = {.id = 3, .cycle_id = 1, .title = "Negotiation lab", .audience = "Tier-1",
                       .start_week = 8, .end_week = 9, .cohorts = "a,b", .version = 4};
    tui_form_init(&a.form, NULL, "Edit P3");
    tui_fields_build(&a.form, fields_prog, FIELDS_PROG_N, &p, false, order);
    int extra = tui_form_text(&a.form, "Note", "not a programme field", false);
    assert_int_equal(a.form.nf, labelled(fields_prog, FIELDS_PROG_N) + 1);
    const char *labels[] = {"Title", "Serves", "Start week", "End week", "Audience"};
    for (int i = 0; i < 5; i++) assert_string_equal(a.form.f[i].label, labels[i]);
    assert_int_equal(tui_fields_index(&a.form, fields_prog, FIELDS_PROG_N, "audience"), 4);
    assert_int_equal(tui_fields_index(&a.form, fields_prog, FIELDS_PROG_N, "cohorts"), -1);   /* not on it */
    assert_int_equal(extra, 5);
    lnd_programme back = {.id = 3, .cycle_id = 1, .cohorts = "a,b", .version = 4};
    assert_true(tui_fields_read(&a, fields_prog, FIELDS_PROG_N, &back));
    for (size_t i = 0; i < FIELDS_PROG_N; i++)
        if (!same_field(&fields_prog[i], &p, &back)) fail_msg("programme field %s differs", fields_prog[i].name);
}

/* A form that takes some fields of a table by name (the check-in form): a behaviour check-in's
 * observed and applied start empty when there is none before and read back as none (-1), the
 * rest come back as typed; a field that is not on forms (the time) is refused. */
static void test_a_check_in_form_from_its_table(void **st)
{
    (void)st;
    static tui_app a;
    lnd_checkin start = {.kr_id = 4, .confidence = 7, .observed = -1, .applied = -1, .note = "", .cohort = ""};
    tui_form_init(&a.form, NULL, "Check in on K4");
    const char *names[] = {"observed", "applied", "confidence", "note", "cohort"};
    for (int i = 0; i < 5; i++)
        assert_int_equal(tui_fields_add(&a.form, fields_checkin, FIELDS_CHECKIN_N, &start, false, names[i]), i);
    assert_int_equal(tui_fields_add(&a.form, fields_checkin, FIELDS_CHECKIN_N, &start, false, "at"), -1);
    assert_string_equal(a.form.f[0].label, "Observed");
    assert_string_equal(tui_form_str(&a.form, 0), "");   /* none yet */
    assert_string_equal(tui_form_str(&a.form, 2), "7");
    assert_true(a.form.f[0].required);
    tui_le_set(&a.form.f[0].le, "8");
    tui_le_set(&a.form.f[3].le, "two left early");
    tui_le_set(&a.form.f[4].le, "trained");
    lnd_checkin back = {.kr_id = 4, .observed = -1, .applied = -1, .confidence = -1, .note = "", .cohort = ""};
    assert_true(tui_fields_read(&a, fields_checkin, FIELDS_CHECKIN_N, &back));
    assert_int_equal(back.observed, 8);
    assert_int_equal(back.applied, -1);   /* left empty */
    assert_int_equal(back.confidence, 7);
    assert_string_equal(back.note, "two left early");
    assert_string_equal(back.cohort, "trained");
    assert_int_equal(back.kr_id, 4);      /* not on the form: kept */
}

/* The new-cycle form from its table: name, start and weeks prefilled, read back into a cycle. */
static void test_the_cycle_form_from_its_table(void **st)
{
    (void)st;
    static tui_app a;
    char name[] = "2027-Q1", start[] = "2027-01-04";
    lnd_cycle c = {.name = name, .start = start, .weeks = 13, .state = CYCLE_PLANNING};
    tui_form_init(&a.form, NULL, "New cycle");
    tui_fields_build(&a.form, fields_cycle, FIELDS_CYCLE_N, &c, true, NULL);
    assert_int_equal(a.form.nf, 3);
    assert_string_equal(a.form.f[1].label, "Start");
    assert_string_equal(tui_form_str(&a.form, 2), "13");
    tui_le_set(&a.form.f[2].le, "12");
    lnd_cycle back = {.state = CYCLE_PLANNING};
    assert_true(tui_fields_read(&a, fields_cycle, FIELDS_CYCLE_N, &back));
    assert_string_equal(back.name, "2027-Q1");
    assert_string_equal(back.start, "2027-01-04");
    assert_int_equal(back.weeks, 12);
    tui_le_set(&a.form.f[1].le, "Jan 4");   /* a start that is no date is refused next to it */
    assert_false(tui_fields_read(&a, fields_cycle, FIELDS_CYCLE_N, &back));
    assert_int_equal(a.form.cur, 1);
}

LND_TEST_MAIN(cmocka_unit_test(test_every_kr_field_round_trips_through_the_form),
              cmocka_unit_test(test_every_objective_field_round_trips_through_the_form),
              cmocka_unit_test(test_a_new_kr_starts_without_target_or_evidence),
              cmocka_unit_test(test_a_bad_date_is_refused_next_to_its_field),
              cmocka_unit_test(test_a_form_in_its_own_order_reads_back_by_field),
              cmocka_unit_test(test_a_check_in_form_from_its_table),
              cmocka_unit_test(test_the_cycle_form_from_its_table))
