/* SPDX-License-Identifier: MIT */
/* tests/unit/test_health_more.c — health rules H07-H11 (focus, programmes, going quiet,
 * capability gaps, KPI-like) and what holds across rules: disabling, archived rows, order,
 * UTF-8 title cutting. Fixture in test_health_fixture.h. */
#include "test_health_fixture.h"
#include "test_main.h"

/* ---- H07 focus ---- */

static void h07_too_many_krs_threshold_from_options(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    o.max_krs = 1;                                     /* O2 and O3 have two each */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H07", &f), 2);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': 2 KRs (focus: at most 1)");
    p->krs[1].archived = true;                         /* archived KRs do not count */
    assert_int_equal(count(p, &o, "H07", NULL), 1);
    o.max_krs = 2;
    p->krs[1].archived = false;
    assert_int_equal(count(p, &o, "H07", NULL), 0);
    plan_free(p);
}

static void h07_too_many_objectives_per_level(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    for (int i = 3; i < 6; i++)                        /* three more L&D objectives under O1 */
        p->objs[i] = (lnd_objective){.id = i + 1, .parent_id = 1, .level = LEVEL_LD, .title = "More",
                                     .problem = "x", .outcome = "y", .cadence_days = 7};
    p->nobjs = 6;
    plan_index(p);
    o.max_objectives = 3;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H07", &f), 1);      /* 4 L&D; 1 business, 1 team are fine */
    assert_int_equal(f.obj_id, 0);
    HAS(f.msg, "cycle 2027-Q1: 4 L&D objectives (focus: at most 3)");
    HAS(FIX(&f), "lnd objective archive");
    p->objs[5].archived = true;
    assert_int_equal(count(p, &o, "H07", NULL), 0);
    plan_free(p);
}

/* ---- H08 programmes ---- */

static void h08_programme_serving_nothing(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->progs[0].objective_id = 0;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H08", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.prog_id, 1);
    assert_int_equal(f.obj_id, 0);
    HAS(f.msg, "P1 'Workshop': serves no objective");
    HAS(FIX(&f), "lnd programme edit P1 --objective");
    p->progs[0].objective_id = 42;                     /* not in this cycle */
    assert_int_equal(count(p, &o, "H08", &f), 1);
    HAS(f.msg, "O42 is not in this cycle");
    p->progs[0].objective_id = 3;
    p->objs[2].archived = true;                        /* serves an archived objective */
    assert_int_equal(count(p, &o, "H08", &f), 1);
    HAS(f.msg, "O3 is archived");
    p->objs[2].archived = false;
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    p->progs[0].objective_id = 0;
    p->progs[0].archived = true;                       /* archived programmes are not judged */
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    plan_free(p);
}

static void h08_programme_ending_after_its_krs_are_due(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].due_week = 6;
    p->krs[1].due_week = 9;
    p->progs[0].end_week = 10;                         /* after K1 (week 6) and K2 (week 9) */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H08", &f), 1);
    assert_int_equal(f.obj_id, 2);
    assert_int_equal(f.kr_id, 1);                      /* the earliest-due KR is named */
    HAS(f.msg, "P1 'Workshop': ends in week 10, after a KR it serves is due (week 6)");
    HAS(FIX(&f), "lnd programme edit P1 --end-week 6");
    p->progs[0].end_week = 6;                          /* ending the week it is due is in time */
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    p->krs[0].archived = true;                         /* an archived KR sets no deadline */
    p->progs[0].end_week = 8;
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    plan_free(p);
}

static void h08_programme_ending_in_the_last_weeks(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->progs[0].end_week = 12;                         /* due week 0 = week 13: not after it */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H08", &f), 1);
    HAS(f.msg, "P1 'Workshop': ends in week 12 of 13, too late");
    HAS(FIX(&f), "--end-week 11");
    p->progs[0].end_week = 11;
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    o.late_weeks = 3;                                  /* threshold from the options */
    assert_int_equal(count(p, &o, "H08", NULL), 1);
    o.late_weeks = 0;                                  /* 0: nothing is late */
    p->progs[0].end_week = 13;
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    plan_free(p);
}

/* ---- H09 going quiet ---- */

static void h09_kr_gone_quiet(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].last_at = "2027-02-01 10:00:00";        /* 16 days > cadence 7 */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H09", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 2);
    assert_int_equal(f.kr_id, 2);
    HAS(f.msg, "K2 'Revenue growth': quiet for 16 days (cadence 7 days)");
    HAS(FIX(&f), "lnd checkin K2");
    o.quiet_grace_days = 9;                            /* 16 <= 7 + 9 */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    o.quiet_grace_days = 8;                            /* 16 > 15 */
    assert_int_equal(count(p, &o, "H09", NULL), 1);
    o.quiet_grace_days = 0;
    p->objs[1].cadence_days = 30;                      /* a monthly cadence is not quiet yet */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->objs[1].cadence_days = 0;                       /* no cadence: the default from options */
    o.cadence_default = 20;
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    o.cadence_default = 0;                             /* and without one, weekly */
    assert_int_equal(count(p, &o, "H09", &f), 1);
    HAS(f.msg, "(cadence 7 days)");
    plan_free(p);
}

static void h09_never_checked_in_counts_from_the_cycle_start(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[3].last_at = NULL;
    p->krs[3].has_current = false;
    p->krs[3].checkins = 0;
    lnd_finding f;
    assert_int_equal(count_on(p, &o, day("2027-01-18"), "H09", &f), 0);   /* 14 days, cadence 14 */
    assert_int_equal(count_on(p, &o, day("2027-01-19"), "H09", &f), 1);
    assert_int_equal(f.kr_id, 4);
    HAS(f.msg, "K4 'Deals with a discovery call': no check-in in the 15 days since the cycle began");
    /* a steady KR (target = baseline) with no check-in is not "done": it is quiet too */
    p->krs[3].target = p->krs[3].baseline;
    assert_int_equal(count_on(p, &o, day("2027-01-19"), "H09", NULL), 1);
    plan_free(p);
}

static void h09_only_inside_an_active_cycle(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].last_at = "2027-02-01 10:00:00";
    assert_int_equal(count(p, &o, "H09", NULL), 1);
    p->cycle.state = CYCLE_REVIEW;
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->cycle.state = CYCLE_PLANNING;
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->cycle.state = CYCLE_ACTIVE;
    assert_int_equal(count_on(p, &o, day("2027-01-03"), "H09", NULL), 0);   /* before week 1 */
    assert_true(count_on(p, &o, day("2027-04-04"), "H09", NULL) > 0);      /* last day of week 13 */
    assert_int_equal(count_on(p, &o, day("2027-04-05"), "H09", NULL), 0);   /* after the cycle */
    p->krs[1].current = 25;                            /* done: nothing left to report */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->krs[1].current = 8;
    p->krs[1].archived = true;
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    plan_free(p);
}

/* ---- H10 capability gap ---- */

static void h10_capability_gap_without_ld_objective(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].archived = true;                        /* O2 (and O3 below it) archived */
    p->objs[2].archived = true;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H10", &f), 1);
    assert_int_equal(f.sev, HEALTH_WARNING);
    assert_int_equal(f.obj_id, 1);
    HAS(f.msg, "O1 'Grow revenue': names a capability gap but has no L&D objective beneath it");
    HAS(FIX(&f), "lnd objective add --parent O1");
    p->objs[0].capability = "  ";                     /* no gap named: nothing to flag */
    assert_int_equal(count(p, &o, "H10", NULL), 0);
    plan_free(p);
}

static void h10_ld_objective_deeper_down_counts(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* O1 -> O4 (business, a sub-goal) -> O2 (ld): the gap is covered lower down */
    p->objs[3] = (lnd_objective){.id = 4, .parent_id = 1, .level = LEVEL_BUSINESS, .title = "Enterprise deals",
                                 .problem = "x", .outcome = "y", .capability = "", .cadence_days = 7};
    p->nobjs = 4;
    p->objs[1].parent_id = 4;
    plan_index(p);
    assert_int_equal(count(p, &o, "H10", NULL), 0);
    p->objs[1].archived = true;
    p->objs[2].archived = true;
    assert_int_equal(count(p, &o, "H10", NULL), 1);
    plan_free(p);
}

/* ---- H11 KPI-like ---- */

static void h11_steady_state_objective(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].target = p->krs[0].baseline;
    p->krs[1].target = p->krs[1].baseline;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H11", &f), 1);
    assert_int_equal(f.sev, HEALTH_INFO);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip sales': every KR holds a level");
    HAS(FIX(&f), "lnd kpi add");
    p->krs[1].target = 25;                             /* one KR that improves is enough */
    assert_int_equal(count(p, &o, "H11", NULL), 0);
    p->krs[1].baseline = 0;                            /* a milestone (0 -> 1) is not steady */
    p->krs[1].target = 1;
    assert_int_equal(count(p, &o, "H11", NULL), 0);
    p->krs[1].target = 0;
    p->krs[1].has_baseline = false;                    /* no baseline: cannot tell, not steady */
    assert_int_equal(count(p, &o, "H11", NULL), 0);
    plan_free(p);
}

/* ---- across rules ---- */

/* Breaks every rule it can at once. */
static lnd_plan *broken(void)
{
    lnd_plan *p = healthy();
    p->objs[1].parent_id = 0;                          /* H01 */
    p->objs[1].problem = "";                           /* H06 */
    p->krs[0].evidence = EV_ACTIVITY;                  /* H02 */
    p->krs[1].evidence = EV_ACTIVITY;
    p->krs[1].indicator = IND_LEADING;                 /* H03 */
    p->krs[1].coowner = "";                            /* H05 */
    p->krs[0].has_baseline = false;                    /* H04 */
    p->krs[3].target = p->krs[3].baseline;             /* H11 on O3 */
    p->krs[2].target = p->krs[2].baseline;
    p->krs[0].last_at = "2027-01-20 10:00:00";         /* H09 on K1 */
    p->progs[0].objective_id = 0;                      /* H08 */
    plan_index(p);
    return p;
}

static void disabled_rules_report_nothing(void **st)
{
    (void)st;
    lnd_plan *p = broken();
    health_opts o = opts();
    o.max_krs = 1;                                     /* H07 */
    assert_true(count(p, &o, "H04", NULL) == 1);
    o.disabled = "H07, h04";                           /* spaces and case do not matter */
    assert_int_equal(count(p, &o, "H04", NULL), 0);
    assert_int_equal(count(p, &o, "H07", NULL), 0);
    assert_int_equal(count(p, &o, "H01", NULL), 2);
    o.disabled = "H040,H0";                            /* ids match whole, not by prefix */
    assert_int_equal(count(p, &o, "H04", NULL), 1);
    o.disabled = NULL;
    assert_int_equal(count(p, &o, "H04", NULL), 1);
    o.disabled = "H01,H02,H03,H04,H05,H06,H07,H08,H09,H10,H11,H12,H13,H14";
    assert_int_equal(total(p, &o), 0);
    assert_true(health_rule_disabled("H09", "H09"));
    assert_false(health_rule_disabled("H090", "H09"));
    assert_false(health_rule_disabled("", "H09"));
    assert_false(health_rule_disabled(NULL, "H09"));
    plan_free(p);
}

static void archived_rows_are_not_judged(void **st)
{
    (void)st;
    lnd_plan *p = broken();
    health_opts o = opts();
    p->objs[1].archived = true;                        /* O2 and O3 with all their problems */
    p->objs[2].archived = true;
    p->progs[0].archived = true;
    p->objs[0].capability = "";                        /* else O1 would now miss an L&D child */
    assert_int_equal(total(p, &o), 1);                 /* only: O1 now measures nothing (H12) */
    assert_int_equal(count(p, &o, "H12", NULL), 1);
    plan_free(p);
}

static void findings_sorted_by_severity_then_cascade(void **st)
{
    (void)st;
    lnd_plan *p = broken();
    health_opts o = opts();
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, &o, today(), a, &f);
    size_t ne = health_count(f, n, HEALTH_ERROR), nw = health_count(f, n, HEALTH_WARNING),
           ni = health_count(f, n, HEALTH_INFO);
    assert_int_equal(ne, 3);                           /* H01 on O2 and O3, H04 on K1 */
    assert_int_equal(nw, 10);                          /* H08 P1; H10 O1 (O2 orphaned); H12 O1;
                                                        * H02 H03 H05 H06 H09 on O2; H14 on O3's
                                                        * two steady KRs */
    assert_int_equal(ni, 1);                           /* H11 on O3 */
    assert_int_equal(ne + nw + ni, n);
    for (size_t i = 1; i < n; i++) assert_true(f[i - 1].sev <= f[i].sev);
    /* errors in cascade order (O2 before O3), by rule id within one objective */
    assert_string_equal(f[0].id, "H01");
    assert_int_equal(f[0].obj_id, 2);
    assert_string_equal(f[1].id, "H04");
    assert_int_equal(f[1].kr_id, 1);
    assert_string_equal(f[2].id, "H01");
    assert_int_equal(f[2].obj_id, 3);
    /* warnings: the unlinked programme (no objective) first, then O1's, then O2's by rule id */
    assert_string_equal(f[3].id, "H08");
    assert_string_equal(f[4].id, "H10");
    assert_int_equal(f[4].obj_id, 1);
    assert_string_equal(f[5].id, "H12");
    assert_int_equal(f[5].obj_id, 1);
    assert_string_equal(f[6].id, "H02");
    assert_int_equal(f[6].obj_id, 2);
    assert_string_equal(f[10].id, "H09");
    assert_int_equal(f[10].kr_id, 1);
    assert_string_equal(f[n - 1].id, "H11");
    assert_int_equal(health_worst_for_obj(f, n, 2), HEALTH_ERROR);
    assert_int_equal(health_worst_for_obj(f, n, 3), HEALTH_ERROR);
    assert_int_equal(health_worst_for_obj(f, n, 1), HEALTH_WARNING);
    assert_int_equal(health_worst_for_obj(f, n, 0), -1);   /* cycle-wide findings mark no row */
    assert_int_equal(health_worst_for_kr(f, n, 1), HEALTH_ERROR);
    assert_int_equal(health_worst_for_kr(f, n, 4), HEALTH_WARNING);   /* H14: target = baseline */
    assert_int_equal(health_worst_for_kr(f, n, 0), -1);
    arena_free(a);
    plan_free(p);
}

/* Issue 16: a finding quotes the title whole, so `lnd check | grep WORD` finds a word at the
 * end of a long title; the front ends cut to their width (the sanitiser, by display width). */
static void long_titles_are_quoted_whole(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].title = "Equip the enterprise sales team to win!\xc3\xa9 and deepen relationships";
    p->objs[1].parent_id = 0;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H01", &f), 2);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip the enterprise sales team to win!\xc3\xa9 and deepen relationships': L&D objective");
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(h07_too_many_krs_threshold_from_options),
              cmocka_unit_test(h07_too_many_objectives_per_level),
              cmocka_unit_test(h08_programme_serving_nothing),
              cmocka_unit_test(h08_programme_ending_after_its_krs_are_due),
              cmocka_unit_test(h08_programme_ending_in_the_last_weeks), cmocka_unit_test(h09_kr_gone_quiet),
              cmocka_unit_test(h09_never_checked_in_counts_from_the_cycle_start),
              cmocka_unit_test(h09_only_inside_an_active_cycle),
              cmocka_unit_test(h10_capability_gap_without_ld_objective),
              cmocka_unit_test(h10_ld_objective_deeper_down_counts),
              cmocka_unit_test(h11_steady_state_objective), cmocka_unit_test(disabled_rules_report_nothing),
              cmocka_unit_test(archived_rows_are_not_judged),
              cmocka_unit_test(findings_sorted_by_severity_then_cascade),
              cmocka_unit_test(long_titles_are_quoted_whole))
