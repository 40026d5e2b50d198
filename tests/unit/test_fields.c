/* SPDX-License-Identifier: MIT */
/* tests/unit/test_fields.c — the field tables of core/fields.h as a user meets them: every
 * key-result and objective field survives add, edit, read and import (restore) unchanged; an
 * edit's audit detail and fields_*_diff name exactly the fields that changed, old → new; the
 * form metadata describes every field. Fields are compared through fields_kr[]/fields_obj[],
 * so a field added to a table is checked here without touching this file. Real files. */
#include "test_store_fixture.h"

#include "../../core/fields.h"

/* Is field m the same in rows a and b (text by content, the rest by bytes)? */
static bool same_field(const fields_meta *m, const void *a, const void *b)
{
    const char *pa = (const char *)a + m->offset, *pb = (const char *)b + m->offset;
    if (m->kind == FIELD_TEXT || m->kind == FIELD_OPTTEXT || m->kind == FIELD_DEFTEXT) {
        const char *x = *(char *const *)pa, *y = *(char *const *)pb;
        return strcmp(x ? x : "", y ? y : "") == 0;
    }
    return memcmp(pa, pb, m->size) == 0;
}

static void expect_same_rows(const fields_meta *t, size_t n, const void *a, const void *b)
{
    for (size_t i = 0; i < n; i++)
        if (!same_field(&t[i], a, b)) fail_msg("field %s differs after the round trip", t[i].name);
}

/* The edit fields that differ between a and b, generically; each must be in the diff. */
static size_t edits_differing(const fields_meta *t, size_t n, const void *a, const void *b)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += t[i].edit && !same_field(&t[i], a, b);
    return k;
}

static void every_kr_field_survives_add_edit_and_read(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_kr got;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &got), STORE_OK);
    expect_same_rows(fields_kr, FIELDS_KR_N, &x.kr, &got);

    /* change every field a user can edit */
    lnd_kr k = got;
    k.objective_id = x.biz.id;
    k.title = "Days to resolve a ticket";
    k.unit = "days";
    k.baseline = 40;
    k.baseline_at = "2027-01-05";
    k.target = 20;
    k.direction = DIR_DECREASE;
    k.due_week = 10;
    k.owner = "support lead";
    k.coowner = "ops";
    k.weight = 2.5;
    k.evidence = EV_BEHAVIOUR;
    k.indicator = IND_LEADING;
    size_t want = edits_differing(fields_kr, FIELDS_KR_N, &got, &k);
    assert_int_equal(want, 13);
    assert_int_equal(store_update_kr(s, &k, "bob"), STORE_OK);
    lnd_kr back;
    assert_int_equal(store_get_kr(s, a, k.id, &back), STORE_OK);
    expect_same_rows(fields_kr, FIELDS_KR_N, &k, &back);
    assert_int_equal(back.version, 2);

    /* the audit detail names each changed field, in table order */
    fields_change ch[FIELDS_KR_N];
    assert_int_equal(fields_kr_diff(&got, &back, ch, FIELDS_KR_N), want);
    lnd_audit au;
    assert_int_equal(store_last_change(s, a, "kr", k.id, &au), STORE_OK);
    const char *at = au.detail;
    for (size_t i = 0; i < want; i++) {
        char part[600];
        snprintf(part, sizeof part, ch[i].text ? "%s: '%s' \xe2\x86\x92 '%s'" : "%s: %s \xe2\x86\x92 %s",
                 ch[i].field, ch[i].old, ch[i].new_);
        const char *p = strstr(at, part);
        if (!p) fail_msg("audit detail '%s' lacks '%s'", au.detail, part);
        at = p + strlen(part);
    }
    assert_non_null(strstr(au.detail, "baseline date: '' \xe2\x86\x92 '2027-01-05'"));
    assert_non_null(strstr(au.detail, "due week: 13 \xe2\x86\x92 10"));
    arena_free(a);
    store_close(s);
}

static void a_diff_names_exactly_the_changed_fields(void **state)
{
    (void)state;
    lnd_kr a = {.objective_id = 3, .title = "Completion", .unit = "%", .has_baseline = true, .baseline = 64,
                .target = 75, .due_week = 13, .owner = "ld", .coowner = "", .weight = 1, .version = 4};
    lnd_kr b = a;
    fields_change ch[FIELDS_KR_N];
    assert_int_equal(fields_kr_diff(&a, &b, ch, FIELDS_KR_N), 0);
    b.version = 9;
    b.archived = true;
    assert_int_equal(fields_kr_diff(&a, &b, ch, FIELDS_KR_N), 0);   /* not edits */
    b.due_week = 5;
    b.has_baseline = false;
    b.owner = "Ana";
    assert_int_equal(fields_kr_diff(&a, &b, ch, FIELDS_KR_N), 3);
    assert_string_equal(ch[0].field, "baseline");
    assert_string_equal(ch[0].old, "64");
    assert_string_equal(ch[0].new_, "none");
    assert_string_equal(ch[1].field, "due week");
    assert_string_equal(ch[1].new_, "5");
    assert_string_equal(ch[2].field, "owner");
    assert_true(ch[2].text);
    assert_string_equal(ch[2].new_, "Ana");
    /* room for one: the count is still the whole */
    assert_int_equal(fields_kr_diff(&a, &b, ch, 1), 3);

    lnd_objective o = {.cycle_id = 1, .parent_id = 2, .title = "T", .cadence_days = 7};
    lnd_objective p = o;
    p.parent_id = 0;
    p.cadence_days = 0;   /* 0 means the default, 7: no change */
    assert_int_equal(fields_obj_diff(&o, &p, ch, FIELDS_KR_N), 1);
    assert_string_equal(ch[0].field, "parent");
    assert_string_equal(ch[0].old, "O2");
    assert_string_equal(ch[0].new_, "none");
}

static void an_import_restores_every_field_exactly(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    lnd_cycle cy = {.id = 3, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE,
                    .version = 2};
    lnd_objective o = {.id = 5, .cycle_id = 3, .level = LEVEL_LD, .type = OTYPE_LEARNING, .title = "Test coaching",
                       .problem = "p", .outcome = "o", .capability = "c", .hypothesis = "h", .owner = "ana",
                       .business_owner = "bo", .cadence_days = 14, .archived = true, .version = 6};
    lnd_kr first = {.id = 8, .objective_id = 5, .title = "Earlier", .unit = "", .target = 1, .owner = "",
                    .coowner = "", .weight = 1, .version = 1};
    lnd_kr k = {.id = 9, .objective_id = 5, .title = "Coached calls", .unit = "calls", .has_baseline = true,
                .baseline = 3, .baseline_at = "2026-12-01", .target = 12, .direction = DIR_INCREASE, .due_week = 7,
                .owner = "ana", .coowner = "ops", .weight = 0.5, .evidence = EV_LEARNING, .indicator = IND_LAGGING,
                .carried_from = 8, .archived = true, .version = 5};
    assert_int_equal(store_tx_begin(s), STORE_OK);
    assert_int_equal(store_restore_cycle(s, &cy), STORE_OK);
    assert_int_equal(store_restore_objective(s, &o), STORE_OK);
    assert_int_equal(store_restore_kr(s, &first), STORE_OK);
    assert_int_equal(store_restore_kr(s, &k), STORE_OK);
    assert_int_equal(store_tx_commit(s), STORE_OK);
    lnd_arena *a = arena_new();
    lnd_kr got;
    assert_int_equal(store_get_kr(s, a, 9, &got), STORE_OK);
    expect_same_rows(fields_kr, FIELDS_KR_N, &k, &got);
    lnd_objective og;
    assert_int_equal(store_get_objective(s, a, 5, &og), STORE_OK);
    expect_same_rows(fields_obj, FIELDS_OBJ_N, &o, &og);
    arena_free(a);
    store_close(s);
}

static void the_form_metadata_describes_every_field(void **state)
{
    (void)state;
    const struct {
        const fields_meta *t;
        size_t n;
    } tabs[] = {{fields_kr, FIELDS_KR_N}, {fields_obj, FIELDS_OBJ_N}, {fields_prog, FIELDS_PROG_N},
                {fields_checkin, FIELDS_CHECKIN_N}};
    for (size_t j = 0; j < sizeof tabs / sizeof tabs[0]; j++)
        for (size_t i = 0; i < tabs[j].n; i++) {
            const fields_meta *m = &tabs[j].t[i];
            assert_non_null(m->name);
            assert_non_null(m->column);
            assert_non_null(m->diff);
            assert_true(m->size > 0);
            assert_true((m->label != NULL) == (m->form != FORM_NONE));
            if (m->label) assert_true(m->width > 0);
            if (m->kind == FIELD_ENUM) {
                assert_non_null(m->choice);
                assert_true(m->nchoices > 1);
                assert_string_not_equal(m->choice(m->nchoices - 1), "?");
                assert_string_equal(m->choice(m->nchoices), "?");
                assert_int_equal(m->form, FORM_ENUM);
            } else {
                assert_null(m->choice);
            }
            for (size_t k = 0; k < i; k++) assert_string_not_equal(tabs[j].t[k].name, m->name);
        }
    assert_string_equal(fields_kr[1].label, "Metric");
    assert_int_equal(fields_kr[4].form, FORM_DATE);
}

/* Every editable field read back as text and typed in again (the CLI's --FIELD and
 * --expect-FIELD, the dashboard's form) gives the same value; text that does not fit is
 * refused with a reason and leaves the row as it was. */
static void each_field_reads_back_from_its_own_text(void **state)
{
    (void)state;
    lnd_kr k = {.objective_id = 3, .title = "t", .unit = "%", .baseline = 2.5, .has_baseline = true,
                .baseline_at = "2027-01-04", .target = 75, .direction = DIR_DECREASE, .due_week = 9,
                .owner = "o", .coowner = "", .weight = 2, .evidence = EV_RESULTS, .indicator = IND_LAGGING};
    lnd_objective o = {.parent_id = 0, .level = LEVEL_TEAM, .type = OTYPE_LEARNING, .title = "x",
                       .problem = "", .outcome = "", .capability = "", .hypothesis = "h", .owner = "o",
                       .business_owner = "", .cadence_days = 14};
    const struct {
        const fields_meta *t;
        size_t n;
        void *row;
        size_t size;
    } tabs[] = {{fields_kr, FIELDS_KR_N, &k, sizeof k}, {fields_obj, FIELDS_OBJ_N, &o, sizeof o}};
    for (size_t j = 0; j < 2; j++)
        for (size_t i = 0; i < tabs[j].n; i++) {
            const fields_meta *m = &tabs[j].t[i];
            if (!m->edit) continue;
            char b1[64], b2[64], err[160] = "", copy[sizeof(lnd_kr) > sizeof(lnd_objective) ? sizeof(lnd_kr)
                                                                                              : sizeof(lnd_objective)];
            const char *text = fields_text(m, tabs[j].row, b1, sizeof b1);
            memcpy(copy, tabs[j].row, tabs[j].size);
            assert_true(fields_set_from_text(m, copy, text, err, sizeof err));
            assert_string_equal(fields_text(m, copy, b2, sizeof b2), text);
            if (m->kind == FIELD_TEXT || m->kind == FIELD_OPTTEXT || m->kind == FIELD_DEFTEXT)
                if (m->form != FORM_DATE) continue;   /* any text is a title */
            assert_false(fields_set_from_text(m, copy, "x?", err, sizeof err));
            assert_true(err[0] != '\0');
            assert_string_equal(fields_text(m, copy, b2, sizeof b2), text);
        }
    char err[160];
    assert_false(fields_set_from_text(&fields_kr[6], &k, "sideways", err, sizeof err));
    assert_string_equal(err, "must be increase or decrease");
    assert_true(fields_set_from_text(&fields_kr[3], &k, "none", err, sizeof err));
    assert_false(k.has_baseline);
    assert_true(fields_set_from_text(&fields_obj[1], &o, "o7", err, sizeof err));
    assert_int_equal(o.parent_id, 7);
}

FX_MAIN(FX_TEST(every_kr_field_survives_add_edit_and_read), FX_TEST(a_diff_names_exactly_the_changed_fields),
        FX_TEST(an_import_restores_every_field_exactly), FX_TEST(the_form_metadata_describes_every_field),
        FX_TEST(each_field_reads_back_from_its_own_text))
