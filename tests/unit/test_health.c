/* tests/unit/test_health.c — the alignment health rules H01..H11 as a facilitator meets them:
 * for every rule a plan that triggers it (id, severity, the O/K/P named in the message) and
 * the same plan fixed; plus the edges (cascades, archived rows, thresholds and the default
 * cadence from the options, disabling), the order of findings and the rules table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../core/health.h"

/* A healthy cascade, cycle 2027-Q1 (starts 2027-01-04, 13 weeks, active), today 2027-02-17
 * (week 7):
 *   O1 business "Grow revenue", names a capability gap, no KRs of its own
 *   O2 ld "Equip sales" under O1: K1 learning/leading, K2 results/lagging co-owned by dana
 *   O3 team "Coach the AMs" under O2: K3 behaviour/leading, K4 results/lagging (no co-owner:
 *      the shared outcome is O2's to carry)
 *   P1 "Workshop" serves O2, weeks 2-4.
 * Arrays have spare room so a test can add rows (then call plan_index). */
static lnd_plan *healthy(void)
{
    lnd_plan *p = plan_new();
    lnd_arena *a = p->arena;
    p->cycle = (lnd_cycle){.id = 1, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE};
    p->objs = arena_alloc(a, 16 * sizeof *p->objs);
    p->nobjs = 3;
    p->objs[0] = (lnd_objective){.id = 1, .level = LEVEL_BUSINESS, .title = "Grow revenue", .problem = "flat",
                                 .outcome = "growth", .capability = "consultative selling", .owner = "dana",
                                 .business_owner = "dana", .cadence_days = 7};
    p->objs[1] = (lnd_objective){.id = 2, .parent_id = 1, .level = LEVEL_LD, .title = "Equip sales",
                                 .problem = "pitching", .outcome = "diagnosing", .capability = "",
                                 .owner = "priya", .business_owner = "dana", .cadence_days = 7};
    p->objs[2] = (lnd_objective){.id = 3, .parent_id = 2, .level = LEVEL_TEAM, .title = "Coach the AMs",
                                 .problem = "no coaching", .outcome = "weekly coaching", .capability = "",
                                 .owner = "lee", .business_owner = "", .cadence_days = 14};
    p->krs = arena_alloc(a, 16 * sizeof *p->krs);
    p->nkrs = 4;
    p->krs[0] = (lnd_kr){.id = 1, .objective_id = 2, .title = "Role-play pass rate", .unit = "%", .has_baseline = true,
                         .baseline = 35, .target = 80, .weight = 1, .evidence = EV_LEARNING, .indicator = IND_LEADING,
                         .owner = "priya", .coowner = "", .has_current = true, .current = 60,
                         .last_at = "2027-02-15 10:00:00", .confidence = 7, .checkins = 3};
    p->krs[1] = (lnd_kr){.id = 2, .objective_id = 2, .title = "Revenue growth", .unit = "%", .has_baseline = true,
                         .baseline = 0, .target = 25, .weight = 1, .evidence = EV_RESULTS, .indicator = IND_LAGGING,
                         .owner = "priya", .coowner = "dana", .has_current = true, .current = 8,
                         .last_at = "2027-02-12 10:00:00", .confidence = 6, .checkins = 2};
    p->krs[2] = (lnd_kr){.id = 3, .objective_id = 3, .title = "AMs coached weekly", .unit = "%", .has_baseline = true,
                         .baseline = 10, .target = 70, .weight = 1, .evidence = EV_BEHAVIOUR, .indicator = IND_LEADING,
                         .owner = "lee", .coowner = "", .has_current = true, .current = 30,
                         .last_at = "2027-02-10 09:00:00", .confidence = 5, .checkins = 2};
    p->krs[3] = (lnd_kr){.id = 4, .objective_id = 3, .title = "Deals with a discovery call", .unit = "%",
                         .has_baseline = true, .baseline = 40, .target = 60, .weight = 1, .evidence = EV_RESULTS,
                         .indicator = IND_LAGGING, .owner = "lee", .coowner = "", .has_current = true,
                         .current = 45, .last_at = "2027-02-09 09:00:00", .confidence = 6, .checkins = 2};
    p->progs = arena_alloc(a, 8 * sizeof *p->progs);
    p->nprogs = 1;
    p->progs[0] = (lnd_programme){.id = 1, .cycle_id = 1, .objective_id = 2, .title = "Workshop", .audience = "AMs",
                                  .start_week = 2, .end_week = 4};
    plan_index(p);
    return p;
}

static health_opts opts(void)
{
    return (health_opts){.max_objectives = 5, .max_krs = 5, .late_weeks = 2, .quiet_grace_days = 0,
                         .disabled = "", .cadence_default = 7};
}

static lnd_day day(const char *s)
{
    lnd_day d = 0;
    assert_true(date_parse(s, &d));
    return d;
}

static lnd_day today(void) { return day("2027-02-17"); }

/* Findings of rule id on day `on`; the first in *first. */
static size_t count_on(lnd_plan *p, const health_opts *o, lnd_day on, const char *id, lnd_finding *first)
{
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, o, on, a, &f), c = 0;
    assert_non_null(f);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].id, id) && c++ == 0 && first) *first = f[i];
    arena_free(a);
    return c;
}

static size_t count(lnd_plan *p, const health_opts *o, const char *id, lnd_finding *first)
{
    return count_on(p, o, today(), id, first);
}

static size_t total(lnd_plan *p, const health_opts *o)
{
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, o, today(), a, &f);
    for (size_t i = 0; i < n; i++) print_message("finding: %s %s | %s\n", f[i].id, f[i].msg, f[i].hint);
    arena_free(a);
    return n;
}

#define HAS(hay, needle) assert_non_null(strstr((hay), (needle)))

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
    assert_int_equal(n, 11);
    static const lnd_health_sev sev[] = {HEALTH_ERROR, HEALTH_WARNING, HEALTH_WARNING, HEALTH_ERROR,
                                         HEALTH_WARNING, HEALTH_WARNING, HEALTH_WARNING, HEALTH_WARNING,
                                         HEALTH_WARNING, HEALTH_WARNING, HEALTH_INFO};
    for (size_t i = 0; i < n; i++) {
        char id[24];
        snprintf(id, sizeof id, "H%02zu", i + 1);
        assert_string_equal(r[i].id, id);
        assert_int_equal(r[i].sev, sev[i]);
        assert_true(strlen(r[i].title) > 10);
        assert_true(strlen(r[i].hint) > 10);
        assert_ptr_equal(health_rule_find(id), &r[i]);
    }
    assert_ptr_equal(health_rule_find("h07"), &r[6]);
    assert_null(health_rule_find("H12"));
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
    HAS(f.hint, "lnd objective edit O2 --parent O1");   /* the one business objective is named */
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
    HAS(f.hint, "--parent O<business objective>"); /* no live business objective to suggest */
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
    HAS(f.hint, "lnd objective edit O3 --parent");
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
            HAS(v[i].hint, "lnd objective edit O2 --parent");
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
    HAS(f.hint, "--objective O2");
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
    assert_string_equal(f.hint, "measure it before the programme runs: lnd kr edit K4 --baseline N");
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
    HAS(f.hint, "--coowner");
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
    HAS(f.hint, "lnd objective edit O2 --problem");
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
    HAS(f.hint, "lnd objective archive");
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
    HAS(f.hint, "lnd programme edit P1 --objective");
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
    HAS(f.hint, "lnd programme edit P1 --end-week 6");
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
    HAS(f.hint, "--end-week 11");
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
    HAS(f.hint, "lnd checkin K2");
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
    HAS(f.hint, "lnd objective add --parent O1");
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
    HAS(f.hint, "lnd kpi add");
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
    o.disabled = "H01,H02,H03,H04,H05,H06,H07,H08,H09,H10,H11";
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
    assert_int_equal(total(p, &o), 0);
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
    assert_int_equal(nw, 7);                           /* H08 P1; H10 O1 (O2 orphaned); H02 H03
                                                        * H05 H06 H09 on O2 */
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
    assert_string_equal(f[5].id, "H02");
    assert_int_equal(f[5].obj_id, 2);
    assert_string_equal(f[9].id, "H09");
    assert_int_equal(f[9].kr_id, 1);
    assert_string_equal(f[n - 1].id, "H11");
    assert_int_equal(health_worst_for_obj(f, n, 2), HEALTH_ERROR);
    assert_int_equal(health_worst_for_obj(f, n, 3), HEALTH_ERROR);
    assert_int_equal(health_worst_for_obj(f, n, 1), HEALTH_WARNING);
    assert_int_equal(health_worst_for_obj(f, n, 0), -1);   /* cycle-wide findings mark no row */
    assert_int_equal(health_worst_for_kr(f, n, 1), HEALTH_ERROR);
    assert_int_equal(health_worst_for_kr(f, n, 4), -1);
    assert_int_equal(health_worst_for_kr(f, n, 0), -1);
    arena_free(a);
    plan_free(p);
}

static void long_titles_are_cut_on_a_utf8_boundary(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    /* 39 ASCII bytes then "é" (2 bytes) straddling the 40-byte cut, then more */
    p->objs[1].title = "Equip the enterprise sales team to win!\xc3\xa9 and deepen relationships";
    p->objs[1].parent_id = 0;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H01", &f), 2);
    assert_int_equal(f.obj_id, 2);
    HAS(f.msg, "O2 'Equip the enterprise sales team to win!\xe2\x80\xa6': L&D objective");
    p->objs[1].title = "\xc3\x89quipe d'\xc3\xa9t\xc3\xa9, formation \xc3\xa0 l'\xc3\xa9" "coute client, \xc3\xa0 r\xc3\xa9ussir";
    assert_int_equal(count(p, &o, "H01", &f), 2);
    const char *q = strchr(f.msg, '\'') + 1, *e = strstr(q, "\xe2\x80\xa6'");
    assert_non_null(e);
    assert_true(e - q <= 40);
    for (const char *c = q; c < e; c++)                 /* no broken sequence before the cut */
        if (((unsigned char)*c & 0xE0) == 0xC0) assert_true(((unsigned char)c[1] & 0xC0) == 0x80);
    plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(healthy_plan_has_no_findings),
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
        cmocka_unit_test(h06_problem_and_outcome_statements),
        cmocka_unit_test(h07_too_many_krs_threshold_from_options),
        cmocka_unit_test(h07_too_many_objectives_per_level),
        cmocka_unit_test(h08_programme_serving_nothing),
        cmocka_unit_test(h08_programme_ending_after_its_krs_are_due),
        cmocka_unit_test(h08_programme_ending_in_the_last_weeks),
        cmocka_unit_test(h09_kr_gone_quiet),
        cmocka_unit_test(h09_never_checked_in_counts_from_the_cycle_start),
        cmocka_unit_test(h09_only_inside_an_active_cycle),
        cmocka_unit_test(h10_capability_gap_without_ld_objective),
        cmocka_unit_test(h10_ld_objective_deeper_down_counts),
        cmocka_unit_test(h11_steady_state_objective),
        cmocka_unit_test(disabled_rules_report_nothing),
        cmocka_unit_test(archived_rows_are_not_judged),
        cmocka_unit_test(findings_sorted_by_severity_then_cascade),
        cmocka_unit_test(long_titles_are_cut_on_a_utf8_boundary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
