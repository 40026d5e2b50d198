/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_identity.c — who made a change, for real: schema 4 records the
 * operating-system account beside the display name on audit rows and check-ins; a schema 3
 * database with data migrates (old rows keep an empty account and show the name alone);
 * model_who() renders "bob (as alice)" only when the two differ. */
#include "test_store_fixture.h"

static void who_is_the_name_alone_unless_the_account_differs(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(model_who("alice", "alice", b, sizeof b), "alice");
    assert_string_equal(model_who("alice", "", b, sizeof b), "alice");      /* before schema 4 */
    assert_string_equal(model_who("alice", NULL, b, sizeof b), "alice");
    assert_string_equal(model_who("alice", "bob", b, sizeof b), "bob (as alice)");
    assert_string_equal(model_who("the CFO", "bob", b, sizeof b), "bob (as the CFO)");
    assert_string_equal(model_who("", "bob", b, sizeof b), "bob");
}

static void a_schema_3_database_is_migrated_with_its_data(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, 3, err, sizeof err), STORE_OK);
    /* what an lnd of schema 3 would have written: check-ins, audit rows, a review */
    store_rc rc = store_raw_path(f->path,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2027-Q1', '2027-01-04', 13, 'active');"
        "INSERT INTO objective(cycle_id, level, type, title) VALUES (1, 'ld', 'committed', 'Coach weekly');"
        "INSERT INTO kr(objective_id, title, unit, baseline, target, evidence, indicator) "
        " VALUES (1, 'Managers coaching weekly', '%', 10, 60, 'behaviour', 'leading');"
        "INSERT INTO checkin(kr_id, at, value, confidence, author) VALUES (1, '2027-01-20 10:00:00', 30, 6, 'carol');"
        "INSERT INTO audit(at, user, action, entity, entity_id, detail) "
        " VALUES ('2027-01-20 10:00:00', 'carol', 'checkin', 'checkin', 1, 'K1: - → 30');"
        "INSERT INTO review(objective_id, score, worked) VALUES (1, 0.5, 'peer groups');",
        err, sizeof err);
    assert_int_equal(rc, STORE_OK);

    store *s = fx_open(f->path, 0);
    int v = 0;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());   /* migrated all the way */
    lnd_arena *a = arena_new();
    lnd_checkin *cs;
    size_t n;
    assert_int_equal(store_checkins(s, a, 1, &cs, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(cs[0].author, "carol");
    assert_string_equal(cs[0].account, "");                 /* unknown before schema 4 */
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, 1, &k), STORE_OK);
    assert_true(k.has_current && k.current == 30);
    lnd_review *rv;
    assert_int_equal(store_reviews(s, a, 1, &rv, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(rv[0].worked, "peer groups");

    /* new changes carry the account beside the label */
    store_set_account(s, "bob");
    assert_int_equal(fx_checkin(s, 1, "2027-02-01 10:00:00", 40, 7), STORE_OK);   /* as "bob" */
    lnd_checkin c = {.kr_id = 1, .at = "2027-02-02", .value = 45, .confidence = 7, .note = "",
                     .author = "the CFO", .observed = -1, .applied = -1};
    assert_int_equal(store_add_checkin(s, &c, "the CFO"), STORE_OK);
    assert_int_equal(store_checkins(s, a, 1, &cs, &n), STORE_OK);
    assert_int_equal(n, 3);
    assert_string_equal(cs[0].author, "the CFO");
    assert_string_equal(cs[0].account, "bob");
    assert_string_equal(cs[1].author, "bob");
    assert_string_equal(cs[1].account, "bob");
    lnd_audit *au;
    assert_int_equal(store_audit(s, a, NULL, 0, &au, &n), STORE_OK);
    assert_int_equal(n, 3);
    assert_string_equal(au[0].user, "the CFO");
    assert_string_equal(au[0].account, "bob");
    assert_string_equal(au[2].user, "carol");
    assert_string_equal(au[2].account, "");
    /* the audit log stays append-only after the migration */
    assert_int_not_equal(store_exec_raw(s, "UPDATE audit SET account = 'mallory'"), STORE_OK);
    assert_int_not_equal(store_exec_raw(s, "UPDATE checkin SET account = 'mallory'"), STORE_OK);
    arena_free(a);
    store_close(s);
}

static void a_conflict_names_the_account_behind_the_label(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    store *t = fx_open(f->path, 0);
    store_set_account(t, "bob");
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(t, a, x.kr.id, &k), STORE_OK);
    k.title = "First-contact resolution";
    assert_int_equal(store_update_kr(t, &k, "alice"), STORE_OK);
    x.kr.title = "Stale edit";
    assert_int_equal(store_update_kr(s, &x.kr, "carol"), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "changed by bob (as alice)"));
    arena_free(a);
    store_close(t);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(who_is_the_name_alone_unless_the_account_differs),
        FX_TEST(a_schema_3_database_is_migrated_with_its_data),
        FX_TEST(a_conflict_names_the_account_behind_the_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
