/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_undo.c — un-archive (restore) and undo of your own last change, as a
 * facilitator meets them: the row comes back exactly as it was, versions are checked, every
 * step is in the audit log, another person's later change blocks the undo with their name,
 * and check-ins are never undone. Real database files in a temporary directory. */
#include "test_store_fixture.h"

static lnd_objective get_obj(store *s, lnd_arena *a, lnd_id id)
{
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, id, &o), STORE_OK);
    return o;
}

static const char *last_action(store *s, lnd_arena *a)
{
    lnd_audit *au;
    size_t n;
    assert_int_equal(store_audit(s, a, NULL, 1, &au, &n), STORE_OK);
    assert_int_equal(n, 1);
    return au[0].action;
}

static void undo_reverts_your_edits_one_by_one_then_your_add(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    store_set_account(s, "alice");
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    k.title = "First-contact resolution";
    k.has_baseline = false;   /* baseline cleared: must come back as 64, not 0 */
    assert_int_equal(store_update_kr(s, &k, "alice"), STORE_OK);
    k.target = 80;
    assert_int_equal(store_update_kr(s, &k, "alice"), STORE_OK);

    store_undo_info u;
    assert_int_equal(store_undo_peek(s, a, &u), STORE_OK);
    assert_string_equal(u.action, "edit");
    assert_string_equal(u.label, "K1");
    assert_non_null(strstr(u.detail, "target: 75 \xe2\x86\x92 80"));
    assert_int_equal(store_undo(s, a, u.audit_id, "alice", &u), STORE_OK);
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.target == 75);
    assert_string_equal(k.title, "First-contact resolution");
    assert_int_equal(k.version, 4);
    assert_string_equal(last_action(s, a), "undo");

    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);   /* the edit before */
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_string_equal(k.title, "First-call resolution");
    assert_true(k.has_baseline);
    assert_true(k.baseline == 64);
    assert_false(k.archived);

    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);   /* then the add: archived */
    assert_string_equal(u.action, "add");
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.archived);
    /* next is the L&D objective added before the KR */
    assert_int_equal(store_undo_peek(s, a, &u), STORE_OK);
    assert_int_equal(u.entity_id, x.ld.id);
    assert_string_equal(u.entity, "objective");
    arena_free(a);
    store_close(s);
}

static void someone_elses_later_change_blocks_the_undo_and_names_them(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    store_set_account(s, "alice");
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_objective o = get_obj(s, a, x.ld.id);
    o.title = "Alice's wording";
    assert_int_equal(store_update_objective(s, &o, "alice"), STORE_OK);
    store *t = fx_open(f->path, 0);
    store_set_account(t, "bob");
    o = get_obj(t, a, x.ld.id);
    o.owner = "bob";
    assert_int_equal(store_update_objective(t, &o, "bob"), STORE_OK);

    store_undo_info u;
    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "O2 was changed by bob at "));
    assert_non_null(strstr(store_errmsg(s), "nothing undone"));
    o = get_obj(s, a, x.ld.id);
    assert_string_equal(o.title, "Alice's wording");   /* nothing written */
    assert_string_equal(o.owner, "bob");
    assert_string_equal(last_action(s, a), "edit");

    /* bob undoes his own change; then alice's undo goes through */
    assert_int_equal(store_undo(t, a, 0, "bob", &u), STORE_OK);
    assert_string_equal(get_obj(s, a, x.ld.id).owner, "ld");
    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);
    o = get_obj(s, a, x.ld.id);
    assert_string_equal(o.title, "Equip agents to diagnose on the first call");
    /* bob has nothing left of his own */
    assert_int_equal(store_undo_peek(t, a, &u), STORE_NOTFOUND);
    assert_non_null(strstr(store_errmsg(t), "nothing of yours to undo"));
    store_close(t);
    arena_free(a);
    store_close(s);
}

static void check_ins_are_never_undone(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    store_set_account(s, "alice");
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    k.due_week = 6;
    assert_int_equal(store_update_kr(s, &k, "alice"), STORE_OK);
    assert_int_equal(fx_checkin(s, x.kr.id, NULL, 70, 7), STORE_OK);
    store_undo_info u;
    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);
    assert_string_equal(u.action, "edit");          /* the edit, not the check-in */
    assert_int_equal(fx_count_checkins(s, x.kr.id), 1);
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_int_equal(k.due_week, 13);
    assert_true(k.current == 70);                   /* the check-in still sets the value */
    arena_free(a);
    store_close(s);
}

static void a_stale_preview_is_a_conflict(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    store_set_account(s, "alice");
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    store_undo_info u;
    assert_int_equal(store_undo_peek(s, a, &u), STORE_OK);
    lnd_id seen = u.audit_id;
    lnd_objective o = get_obj(s, a, x.biz.id);
    o.title = "Changed after the preview";
    assert_int_equal(store_update_objective(s, &o, "alice"), STORE_OK);
    assert_int_equal(store_undo(s, a, seen, "alice", &u), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "your last change is now edit O1"));
    assert_string_equal(get_obj(s, a, x.biz.id).title, "Changed after the preview");
    arena_free(a);
    store_close(s);
}

static void restore_brings_an_archived_row_back_under_live_parents_only(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    store_set_account(s, "alice");
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_int_equal(store_unarchive_kr(s, x.kr.id, k.version, "alice"), STORE_INVALID);
    assert_string_equal(store_errmsg(s), "K1 is not archived; nothing to restore");
    assert_int_equal(store_archive_kr(s, x.kr.id, k.version, "alice"), STORE_OK);
    lnd_objective o = get_obj(s, a, x.ld.id);
    assert_int_equal(store_archive_objective(s, x.ld.id, o.version, "alice"), STORE_OK);
    /* the KR hangs from an archived objective */
    assert_int_equal(store_unarchive_kr(s, x.kr.id, k.version + 1, "alice"), STORE_INVALID);
    assert_string_equal(store_errmsg(s), "K1's objective O2 is archived; restore O2 first");
    /* a stale version is a conflict naming who */
    assert_int_equal(store_unarchive_objective(s, x.ld.id, o.version, "alice"), STORE_CONFLICT);
    assert_non_null(strstr(store_errmsg(s), "O2 was changed by alice"));
    assert_int_equal(store_unarchive_objective(s, x.ld.id, o.version + 1, "alice"), STORE_OK);
    assert_false(get_obj(s, a, x.ld.id).archived);
    assert_string_equal(last_action(s, a), "unarchive");
    assert_int_equal(store_unarchive_kr(s, x.kr.id, k.version + 1, "alice"), STORE_OK);
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_false(k.archived);
    assert_int_equal(store_unarchive_objective(s, 99, 1, "alice"), STORE_NOTFOUND);

    /* undo of the restore archives it again; undo of an archive restores */
    store_undo_info u;
    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);
    assert_string_equal(u.action, "unarchive");
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    assert_true(k.archived);

    lnd_programme p = {.cycle_id = x.cy.id, .objective_id = x.ld.id, .title = "Diagnosis clinic",
                       .audience = "agents", .start_week = 2, .end_week = 4};
    assert_int_equal(store_add_programme(s, &p, "alice"), STORE_OK);
    assert_int_equal(store_archive_programme(s, p.id, p.version, "alice"), STORE_OK);
    assert_int_equal(store_undo(s, a, 0, "alice", &u), STORE_OK);
    assert_string_equal(u.label, "P1");
    lnd_programme q;
    assert_int_equal(store_get_programme(s, a, p.id, &q), STORE_OK);
    assert_false(q.archived);
    assert_string_equal(q.title, "Diagnosis clinic");
    assert_int_equal(q.end_week, 4);
    arena_free(a);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(undo_reverts_your_edits_one_by_one_then_your_add),
        FX_TEST(someone_elses_later_change_blocks_the_undo_and_names_them),
        FX_TEST(check_ins_are_never_undone),
        FX_TEST(a_stale_preview_is_a_conflict),
        FX_TEST(restore_brings_an_archived_row_back_under_live_parents_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
