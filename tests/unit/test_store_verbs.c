/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_verbs.c — the store's verbs as a user meets them: validation
 * messages that name the field and the fix, the audit log, the plan `lnd status` loads (its
 * contents and order), finding the current cycle, read-only files, grouped transactions.
 * Reviews, import, KPIs and programmes: test_store_entities.c. Real files in a temporary dir. */
#include "test_store_fixture.h"

#include <math.h>

static void bad_values_are_refused_with_a_message_naming_the_field(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_cycle c = {.name = "", .start = "2027-04-05", .weeks = 13};
    expect_invalid(s, store_add_cycle(s, &c, "u"), "cycle name is empty");
    c.name = "2027-Q2";
    c.start = "2027-02-30";
    expect_invalid(s, store_add_cycle(s, &c, "u"), "start '2027-02-30' is not a date; use YYYY-MM-DD");
    c.start = "2027-04-05";
    c.weeks = 0;
    expect_invalid(s, store_add_cycle(s, &c, "u"), "weeks 0 is out of range; use 1 to 53");
    c.weeks = 54;
    expect_invalid(s, store_add_cycle(s, &c, "u"), "weeks 54");
    c.weeks = 13;
    c.name = "2027-Q1";
    expect_invalid(s, store_add_cycle(s, &c, "u"), "a cycle named 2027-Q1 already exists");

    lnd_objective o = {.cycle_id = x.cy.id, .level = LEVEL_LD, .title = "   "};
    expect_invalid(s, store_add_objective(s, &o, "u"), "objective title is empty");
    o.title = "Fine";
    o.level = (lnd_level)7;
    expect_invalid(s, store_add_objective(s, &o, "u"), "use business, ld or team");
    o.level = LEVEL_LD;
    o.type = (lnd_otype)9;
    expect_invalid(s, store_add_objective(s, &o, "u"), "use committed, aspirational or learning");
    o.type = OTYPE_LEARNING;
    o.parent_id = 999;
    expect_invalid(s, store_add_objective(s, &o, "u"), "parent O999 does not exist");
    /* parent loops: O(biz) under O(ld) when O(ld) is already under O(biz) */
    lnd_arena *a = arena_new();
    lnd_objective biz;
    assert_int_equal(store_get_objective(s, a, x.biz.id, &biz), STORE_OK);
    biz.parent_id = x.ld.id;
    expect_invalid(s, store_update_objective(s, &biz, "u"), "that would make a loop");
    biz.parent_id = biz.id;
    expect_invalid(s, store_update_objective(s, &biz, "u"), "cannot be its own parent");
    lnd_cycle q2 = {.name = "2027-Q2", .start = "2027-04-05", .weeks = 13};
    assert_int_equal(store_add_cycle(s, &q2, "u"), STORE_OK);
    lnd_objective other = {.cycle_id = q2.id, .parent_id = x.biz.id, .level = LEVEL_LD, .title = "Elsewhere"};
    expect_invalid(s, store_add_objective(s, &other, "u"), "is in another cycle");

    lnd_kr k = x.kr;
    k.title = "";
    expect_invalid(s, store_add_kr(s, &k, "u"), "key result title is empty");
    k.title = "Ramp time";
    k.weight = -1;
    expect_invalid(s, store_add_kr(s, &k, "u"), "weight must be more than 0");
    k.weight = 1;
    k.due_week = 14;
    expect_invalid(s, store_add_kr(s, &k, "u"), "due week 14 is after the end of cycle 2027-Q1 (13 weeks)");
    k.due_week = 6;
    k.target = NAN;
    expect_invalid(s, store_add_kr(s, &k, "u"), "target must be a finite number");
    k.target = 30;
    k.evidence = (lnd_evidence)11;
    expect_invalid(s, store_add_kr(s, &k, "u"), "evidence");

    assert_int_equal(fx_checkin(s, x.kr.id, NULL, 70, 11), STORE_INVALID);
    assert_string_equal(store_errmsg(s), "confidence 11 is out of range; give a whole number from 0 to 10");
    expect_invalid(s, fx_checkin(s, x.kr.id, NULL, INFINITY, 5), "finite");
    expect_invalid(s, fx_checkin(s, x.kr.id, "17/02/2027", 70, 5), "check-in time '17/02/2027' is not valid");
    lnd_checkin b = {.kr_id = x.kr.id, .value = 1, .confidence = -1, .observed = 8, .applied = 9};
    expect_invalid(s, store_add_checkin(s, &b, "u"), "applied (9) is more than observed (8)");
    b.observed = 0;
    b.applied = 0;
    expect_invalid(s, store_add_checkin(s, &b, "u"), "observed must be at least 1");
    /* behaviour observations only on behaviour KRs: the rule lives in the store, so the CLI,
     * the dashboard and CSV import all meet it */
    b.observed = 8;
    b.applied = 6;
    expect_invalid(s, store_add_checkin(s, &b, "u"), "measures results, not behaviour");

    lnd_programme p = {.cycle_id = x.cy.id, .objective_id = x.ld.id, .title = "Workshop", .start_week = 5,
                       .end_week = 3};
    expect_invalid(s, store_add_programme(s, &p, "u"), "programme starts in week 5 but ends in week 3");
    p.start_week = 1;
    p.end_week = 14;
    expect_invalid(s, store_add_programme(s, &p, "u"), "outside cycle 2027-Q1; use weeks 1 to 13");
    p.end_week = 4;
    p.objective_id = 0;
    p.title = "";
    expect_invalid(s, store_add_programme(s, &p, "u"), "programme title is empty");
    lnd_kpi kp = {.name = "Uptime", .has_min = true, .min = 99, .has_max = true, .max = 90};
    expect_invalid(s, store_add_kpi(s, &kp, "u"), "minimum is above maximum");

    /* nothing of the above was written */
    lnd_plan *pl;
    assert_int_equal(store_load_plan(s, x.cy.id, &pl), STORE_OK);
    assert_int_equal(pl->nobjs, 2);
    assert_int_equal(pl->nkrs, 1);
    assert_int_equal(pl->nprogs, 0);
    assert_int_equal(fx_count_checkins(s, x.kr.id), 0);
    assert_int_equal(store_rc_exit(STORE_INVALID), 65);
    plan_free(pl);
    arena_free(a);
    store_close(s);
}

static void every_change_writes_an_audit_row_saying_who_and_what(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    lnd_arena *a = arena_new();
    lnd_objective o;
    assert_int_equal(store_get_objective(s, a, x.ld.id, &o), STORE_OK);
    o.title = "Equip agents to resolve first time";
    assert_int_equal(store_update_objective(s, &o, "carol"), STORE_OK);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-16 09:30:00", 68, 6), STORE_OK);
    lnd_kr k;
    assert_int_equal(store_get_kr(s, a, x.kr.id, &k), STORE_OK);
    k.target = 80;
    k.coowner = "";
    assert_int_equal(store_update_kr(s, &k, "dave"), STORE_OK);
    assert_int_equal(store_set_cycle_state(s, x.cy.id, CYCLE_REVIEW, 1, "erin"), STORE_OK);

    lnd_audit *au;
    size_t n;
    assert_int_equal(store_audit(s, a, NULL, 0, &au, &n), STORE_OK);
    assert_int_equal(n, 8);   /* cycle, 2 objectives, KR, edit, check-in, KR edit, state */
    assert_string_equal(au[0].user, "erin");
    assert_string_equal(au[0].action, "state");
    assert_string_equal(au[0].entity, "cycle");
    assert_string_equal(au[0].detail, "state: active \xe2\x86\x92 review");
    assert_string_equal(au[1].user, "dave");
    assert_string_equal(au[1].entity, "kr");
    assert_int_equal(au[1].entity_id, x.kr.id);
    assert_string_equal(au[1].detail, "target: 75 \xe2\x86\x92 80; co-owner: 'support lead' \xe2\x86\x92 ''");
    assert_string_equal(au[2].action, "checkin");
    assert_string_equal(au[2].user, "bob");
    assert_non_null(strstr(au[2].detail, "- \xe2\x86\x92 68"));
    assert_non_null(strstr(au[2].detail, "confidence 6"));
    assert_string_equal(au[3].action, "edit");
    assert_string_equal(au[3].detail, "title: 'Equip agents to diagnose on the first call' \xe2\x86\x92 "
                                      "'Equip agents to resolve first time'");
    assert_string_equal(au[3].at, "2027-02-17 12:00:00");   /* LND_TODAY: noon */
    assert_string_equal(au[7].action, "add");
    assert_string_equal(au[7].entity, "cycle");
    assert_string_equal(au[7].user, "alice");
    /* limit and since */
    assert_int_equal(store_audit(s, a, NULL, 2, &au, &n), STORE_OK);
    assert_int_equal(n, 2);
    assert_int_equal(store_audit(s, a, "2027-02-18", 0, &au, &n), STORE_OK);
    assert_int_equal(n, 0);
    lnd_audit last;
    assert_int_equal(store_last_change(s, a, "objective", x.ld.id, &last), STORE_OK);
    assert_string_equal(last.user, "carol");
    arena_free(a);
    store_close(s);
}

/* Builds: O1 biz, O2 ld under O1, O3 biz (archived later), O4 team under O2; KRs added out
 * of objective order; a programme; check-ins. Another cycle with its own rows. */
static void build_plan(store *s, lnd_cycle *cy, lnd_id *oid, lnd_id *kid)
{
    *cy = (lnd_cycle){.name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE};
    assert_int_equal(store_add_cycle(s, cy, "u"), STORE_OK);
    lnd_level lv[4] = {LEVEL_BUSINESS, LEVEL_LD, LEVEL_BUSINESS, LEVEL_TEAM};
    for (int i = 0; i < 4; i++) {
        char t[32];
        snprintf(t, sizeof t, "Objective %d", i + 1);
        lnd_objective o = {.cycle_id = cy->id, .level = lv[i], .title = t,
                           .parent_id = i == 1 ? oid[0] : i == 3 ? oid[1] : 0};
        assert_int_equal(store_add_objective(s, &o, "u"), STORE_OK);
        oid[i] = o.id;
    }
    int on[5] = {1, 0, 1, 3, 0};   /* KRs on O2, O1, O2, O4, O1 in that order */
    for (int i = 0; i < 5; i++) {
        char t[32];
        snprintf(t, sizeof t, "KR %d", i + 1);
        lnd_kr k = {.objective_id = oid[on[i]], .title = t, .unit = "%", .target = 10 * (i + 1),
                    .weight = 1, .evidence = EV_BEHAVIOUR, .indicator = IND_LEADING, .owner = "ld"};
        assert_int_equal(store_add_kr(s, &k, "u"), STORE_OK);
        kid[i] = k.id;
    }
    lnd_programme p = {.cycle_id = cy->id, .objective_id = oid[1], .title = "Coaching", .audience = "managers",
                       .start_week = 2, .end_week = 6};
    assert_int_equal(store_add_programme(s, &p, "u"), STORE_OK);
    assert_int_equal(fx_checkin(s, kid[0], "2027-02-01", 4, 5), STORE_OK);
    assert_int_equal(fx_checkin(s, kid[0], "2027-02-08", 6, 7), STORE_OK);
    assert_int_equal(store_archive_objective(s, oid[2], 1, "u"), STORE_OK);
}

static void check_plan(lnd_plan *p, const lnd_id *oid, const lnd_id *kid)
{
    assert_string_equal(p->cycle.name, "2027-Q1");
    assert_int_equal(p->nobjs, 4);
    for (int i = 0; i < 4; i++) assert_int_equal(p->objs[i].id, oid[i]);   /* by id */
    assert_true(p->objs[2].archived);                                      /* archived kept, flagged */
    assert_int_equal(p->objs[1].parent_id, oid[0]);
    assert_int_equal(p->nkrs, 5);
    /* by objective, then id: O1: K2 K5; O2: K1 K3; O4: K4 */
    lnd_id want[5] = {kid[1], kid[4], kid[0], kid[2], kid[3]};
    for (int i = 0; i < 5; i++) assert_int_equal(p->krs[i].id, want[i]);
    long k1 = plan_kr_index(p, kid[0]);
    assert_true(k1 >= 0);
    assert_true(p->krs[k1].has_current && p->krs[k1].current == 6);
    assert_int_equal(p->krs[k1].confidence, 7);
    assert_int_equal(p->krs[k1].checkins, 2);
    assert_string_equal(p->krs[k1].unit, "%");
    assert_false(p->krs[plan_kr_index(p, kid[1])].has_current);
    size_t first;
    assert_int_equal(plan_krs_of(p, 1, &first), 2);
    assert_int_equal(p->krs[first].id, kid[0]);
    assert_int_equal(p->nprogs, 1);
    assert_string_equal(p->progs[0].title, "Coaching");
    assert_string_equal(p->progs[0].audience, "managers");
    assert_int_equal(p->progs[0].objective_id, oid[1]);
    plan_row *rows;
    size_t n = plan_cascade(p, false, &rows);
    assert_int_equal(n, 3);   /* O1 > O2 > O4; O3 archived */
    assert_int_equal(p->objs[rows[2].obj].id, oid[3]);
    assert_int_equal(rows[2].depth, 2);
}

static void the_plan_holds_one_cycle_in_plan_order(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    lnd_cycle cy;
    lnd_id oid[4], kid[5];
    build_plan(s, &cy, oid, kid);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s, cy.id, &p), STORE_OK);   /* the cycle is the whole db: scan path */
    check_plan(p, oid, kid);
    plan_free(p);

    /* a bigger other cycle: now this one is a small part and loads by index */
    lnd_cycle big = {.name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_PLANNING};
    assert_int_equal(store_add_cycle(s, &big, "u"), STORE_OK);
    for (int i = 0; i < 20; i++) {
        lnd_objective o = {.cycle_id = big.id, .level = LEVEL_LD, .title = "old"};
        assert_int_equal(store_add_objective(s, &o, "u"), STORE_OK);
        lnd_kr k = {.objective_id = o.id, .title = "old kr", .target = 1, .evidence = EV_RESULTS};
        assert_int_equal(store_add_kr(s, &k, "u"), STORE_OK);
    }
    /* closed once its plan is in (a closed cycle's plan is locked) */
    assert_int_equal(store_set_cycle_state(s, big.id, CYCLE_CLOSED, big.version, "u"), STORE_OK);
    assert_int_equal(store_load_plan(s, cy.id, &p), STORE_OK);
    check_plan(p, oid, kid);
    plan_free(p);
    assert_int_equal(store_load_plan(s, big.id, &p), STORE_OK);
    assert_int_equal(p->nobjs, 20);
    assert_int_equal(p->nkrs, 20);
    assert_int_equal(p->cycle.state, CYCLE_CLOSED);
    plan_free(p);
    assert_int_equal(store_load_plan(s, 999, &p), STORE_NOTFOUND);
    assert_null(p);
    store_close(s);
}

static void the_current_cycle_is_the_active_one_containing_today(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    lnd_arena *a = arena_new();
    lnd_cycle c;
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_NOTFOUND);
    assert_non_null(strstr(store_errmsg(s), "no cycles yet"));
    lnd_cycle planning = {.name = "2027-Q3", .start = "2027-07-05", .weeks = 13, .state = CYCLE_PLANNING};
    assert_int_equal(store_add_cycle(s, &planning, "u"), STORE_OK);
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_OK);
    assert_string_equal(c.name, "2027-Q3");                 /* newest by start */
    lnd_cycle old = {.name = "2026-Q4", .start = "2026-10-05", .weeks = 13, .state = CYCLE_ACTIVE};
    assert_int_equal(store_add_cycle(s, &old, "u"), STORE_OK);
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_OK);
    assert_string_equal(c.name, "2026-Q4");                 /* the only active one */
    lnd_cycle now = {.name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE};
    assert_int_equal(store_add_cycle(s, &now, "u"), STORE_OK);
    lnd_cycle later = {.name = "2027-Q2", .start = "2027-04-05", .weeks = 13, .state = CYCLE_ACTIVE};
    assert_int_equal(store_add_cycle(s, &later, "u"), STORE_OK);
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_OK);
    assert_string_equal(c.name, "2027-Q1");                 /* contains 2027-02-17 */
    setenv("LND_TODAY", "2027-04-04", 1); cli_clock_init();                   /* last day of 2027-Q1 (start + 91 - 1) */
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_OK);
    assert_string_equal(c.name, "2027-Q1");
    setenv("LND_TODAY", "2028-01-01", 1); cli_clock_init();                   /* none contains it: newest active */
    assert_int_equal(store_find_cycle(s, a, NULL, &c), STORE_OK);
    assert_string_equal(c.name, "2027-Q2");
    assert_int_equal(store_find_cycle(s, a, "2026-Q4", &c), STORE_OK);
    assert_int_equal(c.id, old.id);
    assert_int_equal(store_find_cycle(s, a, "2031-Q1", &c), STORE_NOTFOUND);
    assert_string_equal(store_errmsg(s), "no cycle named 2031-Q1");
    lnd_cycle *cs;
    size_t n;
    assert_int_equal(store_cycles(s, a, &cs, &n), STORE_OK);
    assert_int_equal(n, 4);
    assert_string_equal(cs[0].name, "2026-Q4");             /* by start date */
    assert_string_equal(cs[3].name, "2027-Q3");
    arena_free(a);
    store_close(s);
}

static void read_only_files_and_directories_say_so(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    fx_sample(s, &x);
    store_close(s);
    char want[700];
    snprintf(want, sizeof want, "cannot write %s: read-only; check permissions", f->path);
    s = fx_open(f->path, STORE_OPEN_READONLY);
    lnd_cycle c = {.name = "2027-Q2", .start = "2027-04-05", .weeks = 13};
    assert_int_equal(store_add_cycle(s, &c, "u"), STORE_READONLY);
    assert_string_equal(store_errmsg(s), want);
    assert_int_equal(store_rc_exit(STORE_READONLY), 73);
    store_close(s);
    if (geteuid() == 0) return;   /* root writes through permissions; the rest needs a user */
    chmod(f->path, 0444);
    s = fx_open(f->path, 0);      /* reading still works */
    lnd_plan *p;
    assert_int_equal(store_load_plan(s, x.cy.id, &p), STORE_OK);
    plan_free(p);
    assert_int_equal(fx_checkin(s, x.kr.id, NULL, 70, 7), STORE_READONLY);
    assert_string_equal(store_errmsg(s), want);
    store_close(s);
    char dir[600], path[700], err[800];
    snprintf(dir, sizeof dir, "%s/locked", f->dir);
    mkdir(dir, 0555);
    snprintf(path, sizeof path, "%s/new.db", dir);
    assert_int_equal(store_open(path, STORE_OPEN_CREATE, &s, err, sizeof err), STORE_READONLY);
    assert_non_null(strstr(err, "read-only; check permissions"));
    /* a WAL database in a directory nobody may write: still readable, never written */
    snprintf(dir, sizeof dir, "%s/shared", f->dir);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/team.db", dir);
    s = fx_open(path, STORE_OPEN_CREATE);
    fx_sample(s, &x);
    store_close(s);
    chmod(path, 0444);
    chmod(dir, 0555);
    s = fx_open(path, 0);
    assert_int_equal(store_load_plan(s, x.cy.id, &p), STORE_OK);
    assert_int_equal(p->nkrs, 1);
    plan_free(p);
    assert_int_equal(fx_checkin(s, x.kr.id, NULL, 70, 7), STORE_READONLY);
    store_close(s);
}

static void a_grouped_transaction_commits_or_discards_everything(void **state)
{
    fx *f = *state;
    store *s = fx_open(f->path, STORE_OPEN_CREATE);
    sample x;
    assert_int_equal(store_tx_begin(s), STORE_OK);
    fx_sample(s, &x);
    store_tx_rollback(s);
    lnd_arena *a = arena_new();
    lnd_cycle *cs;
    size_t n;
    assert_int_equal(store_cycles(s, a, &cs, &n), STORE_OK);
    assert_int_equal(n, 0);

    assert_int_equal(store_tx_begin(s), STORE_OK);
    assert_int_equal(store_tx_begin(s), STORE_INVALID);
    fx_sample(s, &x);
    /* a failing verb inside the group undoes only itself */
    lnd_kr bad = x.kr;
    bad.due_week = 40;
    assert_int_equal(store_add_kr(s, &bad, "u"), STORE_INVALID);
    assert_int_equal(fx_checkin(s, x.kr.id, "2027-02-01", 66, 5), STORE_OK);
    assert_int_equal(store_tx_commit(s), STORE_OK);
    store *s2 = fx_open(f->path, 0);
    lnd_plan *p;
    assert_int_equal(store_load_plan(s2, x.cy.id, &p), STORE_OK);
    assert_int_equal(p->nobjs, 2);
    assert_int_equal(p->nkrs, 1);
    assert_true(p->krs[0].current == 66);
    plan_free(p);
    assert_int_equal(store_tx_commit(s), STORE_INVALID);
    arena_free(a);
    store_close(s2);
    store_close(s);
}

FX_MAIN(FX_TEST(bad_values_are_refused_with_a_message_naming_the_field),
        FX_TEST(every_change_writes_an_audit_row_saying_who_and_what),
        FX_TEST(the_plan_holds_one_cycle_in_plan_order),
        FX_TEST(the_current_cycle_is_the_active_one_containing_today),
        FX_TEST(read_only_files_and_directories_say_so),
        FX_TEST(a_grouped_transaction_commits_or_discards_everything))
