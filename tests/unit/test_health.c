/* SPDX-License-Identifier: MIT */
/* tests/unit/test_health.c — the alignment health rules as a facilitator meets them: for
 * H01-H06 a plan that triggers each (id, severity, the O/K/P named in the message) and the
 * same plan fixed, the cascade edges, the rules table and options from the config. H07-H11
 * and the cross-rule checks are in test_health_more.c; the fixture in test_health_fixture.h. */
#include "test_health_fixture.h"
#include "test_main.h"

/* ---- the whole plan ---- */

static void healthy_plan_has_no_findings(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    assert_int_equal(total(p, &o), 0);
    plan_free(p);
}

static void rules_table_is_complete_and_stable(void **st)
{
    (void)st;
    size_t n;
    const health_rule *r = health_rules(&n);
    assert_int_equal(n, 15);
    static const lnd_health_sev sev[] = {HEALTH_ERROR, HEALTH_WARNING, HEALTH_WARNING, HEALTH_ERROR,
                                         HEALTH_WARNING, HEALTH_WARNING, HEALTH_WARNING, HEALTH_WARNING,
                                         HEALTH_WARNING, HEALTH_WARNING, HEALTH_INFO, HEALTH_WARNING,
                                         HEALTH_ERROR, HEALTH_WARNING, HEALTH_WARNING};
    for (size_t i = 0; i < n; i++) {
        char id[24];
        snprintf(id, sizeof id, "H%02zu", i + 1);
        assert_string_equal(r[i].id, id);
        assert_int_equal(r[i].sev, sev[i]);
        assert_true(strlen(r[i].title) > 10);
        assert_true(strlen(r[i].fix) > 10);
        assert_ptr_equal(health_rule_find(id), &r[i]);
    }
    assert_ptr_equal(health_rule_find("h07"), &r[6]);
    assert_null(health_rule_find("H16"));
    assert_null(health_rule_find("H0"));
    assert_string_equal(health_sev_name(HEALTH_ERROR), "error");
    assert_string_equal(health_sev_name(HEALTH_WARNING), "warning");
    assert_string_equal(health_sev_name(HEALTH_INFO), "info");
}

static void options_come_from_the_config(void **st)
{
    (void)st;
    lnd_config c;
    cfg_defaults(&c);
    c.max_krs = 3;
    c.late_weeks = 4;
    c.quiet_grace_days = 2;
    c.cadence_days = 14;
    snprintf(c.disabled_rules, sizeof c.disabled_rules, "H07,H11");
    health_opts o;
    health_opts_from_config(&c, &o);
    assert_int_equal(o.max_objectives, c.max_objectives);
    assert_int_equal(o.max_krs, 3);
    assert_int_equal(o.late_weeks, 4);
    assert_int_equal(o.quiet_grace_days, 2);
    assert_int_equal(o.cadence_default, 14);
    assert_string_equal(o.disabled, "H07,H11");
}

/* ---- H01 line of sight ---- */

static void h01_ld_objective_without_business_parent(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].parent_id = 0;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H01", &f), 2);     /* O2, and O3 whose cascade breaks at O2 */
    assert_int_equal(f.sev, HEALTH_ERROR);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': L&D objective has no business parent (no line of sight)");
    HAS(FIX(&f), "lnd objective edit O2 --parent O1");   /* the one business objective is named */
    p->objs[1].parent_id = 1;
    plan_index(p);
    assert_int_equal(count(p, &o, "H01", NULL), 0);
    plan_free(p);
}

static void h01_parent_archived_or_missing(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[0].archived = true;                 /* the business parent is archived */
    lnd_finding f;
    count(p, &o, "H01", &f);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "its parent O1 is archived");
    HAS(FIX(&f), "--parent O<business objective>"); /* no live business objective to suggest */
    p->objs[0].archived = false;
    p->objs[1].parent_id = 99;                  /* a parent not in this cycle */
    plan_index(p);
    count(p, &o, "H01", &f);
    HAS(f.msg, "its parent O99 is not in this cycle");
    plan_free(p);
}

static void h01_cascades_through_deeper_levels(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* an L&D objective under another L&D objective still sees the business objective */
    p->objs[3] = (lnd_objective){.id = 4, .parent_id = 2, .level = LEVEL_LD, .title = "Sub-programme",
                                 .problem = "x", .outcome = "y", .cadence_days = 7};
    p->nobjs = 4;
    plan_index(p);
    assert_int_equal(count(p, &o, "H01", NULL), 0);
    /* a team objective with no parent */
    p->objs[2].parent_id = 0;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H01", &f), 1);
    assert_int_equal(f.obj_id, 3);
    HAS(f.msg, "O3 'Coach the AMs': team objective has no parent to cascade from");
    HAS(FIX(&f), "lnd objective edit O3 --parent");
    /* a team objective under an orphaned L&D objective: both lack line of sight; the team's
     * finding points at where the cascade breaks */
    p->objs[2].parent_id = 2;
    p->objs[1].parent_id = 0;
    plan_index(p);
    assert_int_equal(count(p, &o, "H01", NULL), 3);     /* O2, O3 and O4 */
    lnd_arena *a = arena_new();
    lnd_finding *v;
    size_t n = health_check(p, &o, today(), a, &v);
    bool team_seen = false;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].id, "H01") && v[i].obj_id == 3) {
            team_seen = true;
            HAS(v[i].msg, "O3 'Coach the AMs': team objective has no line of sight");
            HAS(v[i].msg, "breaks at O2");
            HAS(FIX(&v[i]), "lnd objective edit O2 --parent");
        }
    assert_true(team_seen);
    arena_free(a);
    plan_free(p);
}

/* ---- H02 evidence ---- */

static void h02_vanity_only_or_no_results(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].evidence = EV_ACTIVITY;
    p->krs[1].evidence = EV_ACTIVITY;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': every KR measures activity (vanity metrics only)");
    HAS(FIX(&f), "--objective O2");
    p->krs[1].evidence = EV_BEHAVIOUR;          /* no longer all activity, still no results */
    assert_int_equal(count(p, &o, "H02", &f), 1);
    HAS(f.msg, "O2 'Equip sales': no results KR");
    p->krs[1].evidence = EV_RESULTS;
    assert_int_equal(count(p, &o, "H02", NULL), 0);
    plan_free(p);
}

static void h02_business_objectives_need_a_results_kr_too(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* O1 gets a KR of its own: a satisfaction score (reaction) is not a business result */
    memmove(&p->krs[1], &p->krs[0], 4 * sizeof *p->krs);   /* keep KRs sorted by objective */
    p->krs[0] = (lnd_kr){.id = 5, .objective_id = 1, .title = "Sales team CSAT", .has_baseline = true,
                         .baseline = 3, .target = 4, .weight = 1, .evidence = EV_REACTION,
                         .indicator = IND_LAGGING, .coowner = "", .has_current = true, .current = 3.5,
                         .last_at = "2027-02-16 10:00:00"};
    p->nkrs = 5;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_int_equal(f.obj_id, 1);
    HAS(f.msg, "O1 'Grow revenue': no results KR");
    p->krs[0].evidence = EV_RESULTS;
    assert_int_equal(count(p, &o, "H02", NULL), 0);
    plan_free(p);
}

/* ---- H03 leading and lagging ---- */

static void h03_needs_leading_and_lagging(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].indicator = IND_LEADING;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H03", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    HAS(f.msg, "O2 'Equip sales': no lagging indicator");
    p->krs[1].indicator = IND_LAGGING;
    p->krs[0].indicator = IND_LAGGING;
    assert_int_equal(count(p, &o, "H03", &f), 1);
    HAS(f.msg, "O2 'Equip sales': no leading indicator");
    p->krs[0].indicator = IND_LEADING;
    assert_int_equal(count(p, &o, "H03", NULL), 0);
    /* O1 has no KRs at all: nothing to mix, not judged */
    assert_int_equal(p->objs[0].level, LEVEL_BUSINESS);
    plan_free(p);
}

/* ---- H04 baseline ---- */

static void h04_kr_without_baseline_is_an_error(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[3].has_baseline = false;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H04", &f), 1);
    assert_int_equal(f.sev, HEALTH_ERROR);
    assert_int_equal(f.obj_id, 3);
    assert_int_equal(f.kr_id, 4);
    HAS(f.msg, "K4 'Deals with a discovery call': no baseline");
    assert_string_equal(FIX(&f), "measure it before the programme runs: lnd kr edit K4 --baseline N");
    p->krs[3].has_baseline = true;
    assert_int_equal(count(p, &o, "H04", NULL), 0);
    plan_free(p);
}

/* ---- H05 business co-owner ---- */

static void h05_no_business_coowner_in_the_cascade(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].coowner = "";
    lnd_finding f;
    assert_int_equal(count(p, &o, "H05", &f), 1);      /* O2; O3 is not judged (L&D parent) */
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': no KR has a business co-owner");
    HAS(FIX(&f), "--coowner");
    p->krs[1].coowner = "   ";                         /* blanks are no co-owner */
    assert_int_equal(count(p, &o, "H05", NULL), 1);
    p->krs[3].coowner = "sales lead";                  /* a co-owned KR below O2 counts for it */
    assert_int_equal(count(p, &o, "H05", NULL), 0);
    p->krs[3].coowner = "";
    p->krs[0].coowner = "dana";
    assert_int_equal(count(p, &o, "H05", NULL), 0);
    plan_free(p);
}

static void h05_judges_only_the_ld_layer(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* a team objective straight under the business stands in for the L&D layer */
    p->objs[2].parent_id = 1;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H05", &f), 1);
    assert_int_equal(f.obj_id, 3);
    HAS(f.msg, "O3 'Coach the AMs'");
    p->krs[3].coowner = "sales lead";
    assert_int_equal(count(p, &o, "H05", NULL), 0);
    /* an L&D objective with no KRs anywhere below it: nothing to co-own yet */
    p->objs[3] = (lnd_objective){.id = 4, .parent_id = 1, .level = LEVEL_LD, .title = "Empty",
                                 .problem = "x", .outcome = "y", .cadence_days = 7};
    p->nobjs = 4;
    plan_index(p);
    assert_int_equal(count(p, &o, "H05", NULL), 0);
    plan_free(p);
}

/* ---- H06 problem and outcome ---- */

static void h06_problem_and_outcome_statements(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].outcome = "";
    lnd_finding f;
    assert_int_equal(count(p, &o, "H06", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': no outcome statement");
    HAS(FIX(&f), "lnd objective edit O2 --problem");
    p->objs[1].problem = " \t";                        /* blanks say nothing */
    assert_int_equal(count(p, &o, "H06", &f), 1);
    HAS(f.msg, "no problem or outcome statement");
    p->objs[1].outcome = "diagnosing";
    assert_int_equal(count(p, &o, "H06", &f), 1);
    HAS(f.msg, "no problem statement");
    p->objs[1].problem = "pitching";
    assert_int_equal(count(p, &o, "H06", NULL), 0);
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(healthy_plan_has_no_findings),
              cmocka_unit_test(rules_table_is_complete_and_stable),
              cmocka_unit_test(options_come_from_the_config),
              cmocka_unit_test(h01_ld_objective_without_business_parent),
              cmocka_unit_test(h01_parent_archived_or_missing),
              cmocka_unit_test(h01_cascades_through_deeper_levels),
              cmocka_unit_test(h02_vanity_only_or_no_results),
              cmocka_unit_test(h02_business_objectives_need_a_results_kr_too),
              cmocka_unit_test(h03_needs_leading_and_lagging),
              cmocka_unit_test(h04_kr_without_baseline_is_an_error),
              cmocka_unit_test(h05_no_business_coowner_in_the_cascade),
              cmocka_unit_test(h05_judges_only_the_ld_layer),
              cmocka_unit_test(h06_problem_and_outcome_statements))
