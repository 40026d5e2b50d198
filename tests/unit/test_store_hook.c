/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_hook.c — store_hook.h: the commit callback fires once per committed
 * transaction (a grouped import of many check-ins is one call) with the range of audit ids
 * it wrote, never after a rollback or a refused write; store_changes reads those changes
 * back, check-ins with their values, and caps the list while counting them all. */
#include "test_store_fixture.h"

#include "../../store/store_hook.h"

typedef struct {
    int calls;
    lnd_id first, last;
} seen;

static void on_commit(void *ud, store *s, lnd_id first, lnd_id last)
{
    (void)s;
    seen *v = ud;
    v->calls++;
    v->first = first;
    v->last = last;
}

static void one_call_per_transaction_never_after_a_rollback(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    seen v = {0};
    store_on_commit(s, on_commit, &v);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-01", 66, 7), STORE_OK);
    assert_int_equal(v.calls, 1);
    assert_true(v.first == v.last);
    /* a refused write: no call */
    assert_int_equal(fx_checkin(s, 9999, "2027-02-01", 66, 7), STORE_NOTFOUND);
    assert_int_equal(v.calls, 1);
    /* 300 check-ins in one transaction: one call covering 300 audit rows */
    assert_int_equal(store_tx_begin(s), STORE_OK);
    for (int i = 0; i < 300; i++) {
        char at[32];
        snprintf(at, sizeof at, "2027-01-%02d %02d:%02d:00", i % 28 + 1, i % 24, i % 60);
        assert_int_equal(fx_checkin(s, x.kr.id, at, 60 + i % 10, -1), STORE_OK);
    }
    assert_int_equal(v.calls, 1);
    assert_int_equal(store_tx_commit(s), STORE_OK);
    assert_int_equal(v.calls, 2);
    assert_int_equal(v.last - v.first + 1, 300);
    lnd_arena *a = arena_new();
    store_change *c;
    size_t n, total;
    assert_int_equal(store_changes(s, a, v.first, v.last, 100, &c, &n, &total), STORE_OK);
    assert_int_equal(n, 100);
    assert_int_equal(total, 300);
    assert_true(c[0].is_checkin);
    assert_int_equal(c[0].checkin.kr_id, x.kr.id);
    assert_true(c[0].checkin.value == 60);
    assert_string_equal(c[0].audit.action, "checkin");
    arena_free(a);
    /* rolled back: no call, and the next commit reports only its own rows */
    assert_int_equal(store_tx_begin(s), STORE_OK);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-02", 70, -1), STORE_OK);
    store_tx_rollback(s);
    assert_int_equal(v.calls, 2);
    lnd_objective o = {.cycle_id = x.cy.id, .level = LEVEL_BUSINESS, .title = "Another", .owner = "u",
                       .cadence_days = 7, .problem = "", .outcome = "", .capability = "", .business_owner = ""};
    assert_int_equal(store_add_objective(s, &o, "u"), STORE_OK);
    assert_int_equal(v.calls, 3);
    a = arena_new();
    assert_int_equal(store_changes(s, a, v.first, v.last, 0, &c, &n, &total), STORE_OK);
    assert_int_equal(total, 1);
    assert_false(c[0].is_checkin);
    assert_string_equal(c[0].audit.entity, "objective");
    assert_int_equal(c[0].audit.entity_id, o.id);
    arena_free(a);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(one_call_per_transaction_never_after_a_rollback, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
