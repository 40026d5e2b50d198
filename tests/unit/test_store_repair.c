/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_repair.c — the repair migration (the newest step): a database at the
 * schema before it, holding raw Latin-1 bytes (what an older lnd stored from a Latin-1
 * terminal or $USER), comes back as UTF-8 in every text column, check-ins and audit included,
 * with one audit row per repaired field, and the append-only triggers still in force. */
#include "test_store_fixture.h"

#define BEFORE_REPAIR 7   /* the repair is schema step 8; later steps (v9: undo history) follow it */

static void a_previous_schema_database_with_raw_bytes_is_repaired(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, BEFORE_REPAIR, err, sizeof err), STORE_OK);
    store_rc rc = store_raw_path(f->path,
        "INSERT INTO cycle(name, start, weeks, state) VALUES ('2027-Q1', '2027-01-04', 13, 'active');"
        "INSERT INTO objective(cycle_id, level, type, title, owner) VALUES (1, 'business', 'committed',"
        " CAST(X'4772C3BC6E' AS TEXT), CAST(X'4AF67267' AS TEXT));"        /* "Grün" ok, "J\xf6rg" */
        "INSERT INTO kr(objective_id, title, target, evidence, indicator) VALUES (1, 'Win rate', 80, 'results', 'lagging');"
        "INSERT INTO checkin(kr_id, at, value, note, author) VALUES (1, '2027-02-01 10:00:00', 70,"
        " CAST(X'636166E9' AS TEXT), CAST(X'4AF67267' AS TEXT));"         /* "caf\xe9", "J\xf6rg" */
        "INSERT INTO audit(at, user, action, entity, entity_id, detail) VALUES ('2027-02-01 10:00:00',"
        " CAST(X'4AF67267' AS TEXT), 'checkin', 'checkin', 1, 'K1: 70');",
        err, sizeof err);
    assert_int_equal(rc, STORE_OK);

    store *s = fx_open(f->path, 0);
    int v = 0;
    assert_int_equal(store_user_version(f->path, &v), STORE_OK);
    assert_int_equal(v, store_schema_version());
    lnd_arena *a = arena_new();
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, 1, &o), STORE_OK);
    assert_string_equal(o.title, "Gr\xc3\xbcn");                     /* valid text untouched */
    assert_string_equal(o.owner, "J\xc3\xb6rg");
    lnd_checkin *c;
    size_t n;
    assert_int_equal(store_checkins(s, a, 1, &c, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(c[0].note, "caf\xc3\xa9");
    assert_string_equal(c[0].author, "J\xc3\xb6rg");
    lnd_audit *au;
    assert_int_equal(store_audit(s, a, NULL, 0, &au, &n), STORE_OK);
    size_t repairs = 0;
    bool audit_user_fixed = false;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(au[i].action, "repair")) repairs++;
        if (!strcmp(au[i].action, "checkin")) audit_user_fixed = !strcmp(au[i].user, "J\xc3\xb6rg");
    }
    assert_int_equal(repairs, 4);             /* objective.owner, checkin.note/author, audit.user */
    assert_true(audit_user_fixed);
    /* the triggers are back: check-ins and the audit log are still append-only */
    assert_int_not_equal(store_exec_raw(s, "UPDATE checkin SET note = 'x'"), STORE_OK);
    assert_int_not_equal(store_exec_raw(s, "DELETE FROM audit"), STORE_OK);
    arena_free(a);
    store_close(s);
}

static void a_clean_previous_schema_database_gets_no_repair_rows(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_create_at_version(f->path, BEFORE_REPAIR, err, sizeof err), STORE_OK);
    store *s = fx_open(f->path, 0);
    lnd_arena *a = arena_new();
    lnd_audit *au;
    size_t n;
    assert_int_equal(store_audit(s, a, NULL, 0, &au, &n), STORE_OK);
    assert_int_equal(n, 0);
    arena_free(a);
    store_close(s);
}

FX_MAIN(FX_TEST(a_previous_schema_database_with_raw_bytes_is_repaired),
        FX_TEST(a_clean_previous_schema_database_gets_no_repair_rows))
