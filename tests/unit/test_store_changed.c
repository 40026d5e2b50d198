/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_changed.c — store_changed_after, the dashboard poll's partial reload
 * (issue 15): after another connection's check-ins it names only the objectives whose KRs
 * took them, reads only the audit rows newer than the one seen, and says `other` (a full
 * reload) for any other kind of change. */
#include "test_store_fixture.h"

static void names_only_the_checked_in_objective(void **state)
{
    fx *f = *state;
    store *w = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(w, &x);
    lnd_kr other = {.objective_id = x.biz.id, .title = "Repeat calls", .unit = "%", .has_baseline = true,
                    .baseline = 30, .target = 20, .direction = DIR_DECREASE, .weight = 1,
                    .evidence = EV_RESULTS, .due_week = 13, .owner = "head of support"};
    assert_int_equal(store_add_kr(w, &other, "alice"), STORE_OK);
    store *r = fx_open(f->path, 0);   /* the dashboard's own connection */
    lnd_id seen;
    assert_int_equal(store_audit_last(r, &seen), STORE_OK);
    assert_true(seen > 0);
    lnd_arena *a = arena_new();
    store_changed ch;
    assert_int_equal(store_changed_after(r, a, seen, &ch), STORE_OK);   /* nothing new */
    assert_int_equal(ch.rows, 0);
    assert_int_equal(ch.nobjs, 0);
    assert_false(ch.other);
    assert_true(ch.last == seen);
    /* two check-ins on the L&D objective's KR from another process */
    assert_int_equal(fx_checkin(w, x.kr.id, "2027-02-01", 66, 7), STORE_OK);
    assert_int_equal(fx_checkin(w, x.kr.id, "2027-02-08", 68, 8), STORE_OK);
    assert_int_equal(store_changed_after(r, a, seen, &ch), STORE_OK);
    assert_int_equal(ch.rows, 2);           /* only the rows after the one seen */
    assert_int_equal(ch.nobjs, 1);          /* the objective once, not the business one */
    assert_true(ch.objs[0] == x.ld.id);
    assert_false(ch.other);
    assert_true(ch.last > seen);
    seen = ch.last;
    /* an edit is not a check-in: only a full reload is sure to be right */
    assert_int_equal(store_archive_kr(w, other.id, other.version, "alice"), STORE_OK);
    assert_int_equal(fx_checkin(w, x.kr.id, "2027-02-09", 69, 8), STORE_OK);
    assert_int_equal(store_changed_after(r, a, seen, &ch), STORE_OK);
    assert_true(ch.other);
    lnd_id newest;
    assert_int_equal(store_audit_last(r, &newest), STORE_OK);
    assert_true(ch.last == newest);         /* the next poll starts after everything read */
    arena_free(a);
    store_close(r);
    store_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(names_only_the_checked_in_objective, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
