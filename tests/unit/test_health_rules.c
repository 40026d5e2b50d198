/* tests/unit/test_health_rules.c — every alignment health rule: a plan that triggers it and
 * the same plan fixed, plus disabling, thresholds, archived rows and a healthy plan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../core/health.h"

/* A healthy cascade: O1 business (capability named) -> O2 L&D with a learning/leading KR
 * and a results/lagging co-owned KR, both checked in recently; P1 serves O2 weeks 2-4.
 * Cycle 2027-Q1 starts 2027-01-04, 13 weeks; today 2027-02-17 (week 7). */
static lnd_plan *healthy(void)
{
    lnd_plan *p = plan_new();
    lnd_arena *a = p->arena;
    p->cycle = (lnd_cycle){.id = 1, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE};
    p->objs = arena_alloc(a, 8 * sizeof *p->objs);
    p->nobjs = 2;
    p->objs[0] = (lnd_objective){.id = 1, .level = LEVEL_BUSINESS, .title = "Grow revenue", .problem = "flat",
                                 .outcome = "growth", .capability = "consultative selling", .owner = "dana",
                                 .business_owner = "dana", .cadence_days = 7};
    p->objs[1] = (lnd_objective){.id = 2, .parent_id = 1, .level = LEVEL_LD, .title = "Equip sales",
                                 .problem = "pitching", .outcome = "diagnosing", .capability = "",
                                 .owner = "priya", .business_owner = "dana", .cadence_days = 7};
    p->krs = arena_alloc(a, 8 * sizeof *p->krs);
    p->nkrs = 2;
    p->krs[0] = (lnd_kr){.id = 1, .objective_id = 2, .title = "Role-play pass rate", .unit = "%", .has_baseline = true,
                         .baseline = 35, .target = 80, .weight = 1, .evidence = EV_LEARNING, .indicator = IND_LEADING,
                         .owner = "priya", .coowner = "", .has_current = true, .current = 60,
                         .last_at = "2027-02-15 10:00:00", .confidence = 7};
    p->krs[1] = (lnd_kr){.id = 2, .objective_id = 2, .title = "Revenue growth", .unit = "%", .has_baseline = true,
                         .baseline = 0, .target = 25, .weight = 1, .evidence = EV_RESULTS, .indicator = IND_LAGGING,
                         .owner = "priya", .coowner = "dana", .has_current = true, .current = 8,
                         .last_at = "2027-02-12 10:00:00", .confidence = 6};
    p->progs = arena_alloc(a, 4 * sizeof *p->progs);
    p->nprogs = 1;
    p->progs[0] = (lnd_programme){.id = 1, .objective_id = 2, .title = "Workshop", .audience = "AMs",
                                  .start_week = 2, .end_week = 4};
    plan_index(p);
    return p;
}

static health_opts opts(void)
{
    return (health_opts){.max_objectives = 5, .max_krs = 5, .late_weeks = 2, .quiet_grace_days = 0, .disabled = ""};
}

static lnd_day today(void)
{
    lnd_day d;
    date_parse("2027-02-17", &d);
    return d;
}

/* Findings of rule id; the first one in *first. */
static size_t count(lnd_plan *p, const health_opts *o, const char *id, lnd_finding *first)
{
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, o, today(), a, &f), c = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].id, id)) {
            if (c++ == 0 && first) *first = f[i];
        }
    arena_free(a);
    return c;
}

static void healthy_plan_has_no_findings(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, &o, today(), a, &f);
    for (size_t i = 0; i < n; i++) print_message("unexpected: %s %s\n", f[i].id, f[i].msg);
    assert_int_equal(n, 0);
    arena_free(a);
    plan_free(p);
}

static void h01_no_business_parent(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].parent_id = 0;
    plan_index(p);
    lnd_finding f;
    assert_int_equal(count(p, &o, "H01", &f), 1);
    assert_int_equal(f.sev, HEALTH_ERROR);
    assert_int_equal(f.obj_id, 2);
    assert_non_null(strstr(f.msg, "O2 'Equip sales'"));
    assert_non_null(strstr(f.hint, "lnd objective edit O2 --parent"));
    p->objs[1].parent_id = 1;
    plan_index(p);
    assert_int_equal(count(p, &o, "H01", NULL), 0);
    plan_free(p);
}

static void h02_vanity_only_or_no_results(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].evidence = EV_ACTIVITY;
    p->krs[1].evidence = EV_ACTIVITY;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_non_null(strstr(f.msg, "vanity"));
    p->krs[1].evidence = EV_BEHAVIOUR;          /* no longer all activity, still no results */
    assert_int_equal(count(p, &o, "H02", &f), 1);
    assert_non_null(strstr(f.msg, "no results KR"));
    p->krs[1].evidence = EV_RESULTS;
    assert_int_equal(count(p, &o, "H02", NULL), 0);
    plan_free(p);
}

static void h03_leading_and_lagging(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].indicator = IND_LEADING;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H03", &f), 1);
    assert_non_null(strstr(f.msg, "no lagging"));
    p->krs[1].indicator = IND_LAGGING;
    assert_int_equal(count(p, &o, "H03", NULL), 0);
    plan_free(p);
}

static void h04_baseline(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].has_baseline = false;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H04", &f), 1);
    assert_int_equal(f.kr_id, 1);
    assert_int_equal(f.sev, HEALTH_ERROR);
    assert_non_null(strstr(f.hint, "lnd kr edit K1 --baseline"));
    p->krs[0].has_baseline = true;
    assert_int_equal(count(p, &o, "H04", NULL), 0);
    plan_free(p);
}

static void h05_business_coowner(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].coowner = "";
    assert_int_equal(count(p, &o, "H05", NULL), 1);
    p->krs[0].coowner = "sales lead";
    assert_int_equal(count(p, &o, "H05", NULL), 0);
    plan_free(p);
}

static void h06_problem_and_outcome(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].outcome = "";
    lnd_finding f;
    assert_int_equal(count(p, &o, "H06", &f), 1);
    assert_non_null(strstr(f.msg, "no outcome statement"));
    p->objs[1].outcome = "x";
    assert_int_equal(count(p, &o, "H06", NULL), 0);
    plan_free(p);
}

static void h07_focus_thresholds_from_options(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    o.max_krs = 1;                               /* two KRs on O2 */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H07", &f), 1);
    assert_non_null(strstr(f.msg, "2 KRs (focus: at most 1)"));
    o.max_krs = 5;
    o.max_objectives = 0;                        /* one business, one L&D objective */
    assert_int_equal(count(p, &o, "H07", NULL), 2);
    o.max_objectives = 5;
    assert_int_equal(count(p, &o, "H07", NULL), 0);
    plan_free(p);
}

static void h08_programmes(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->progs[0].objective_id = 0;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H08", &f), 1);
    assert_non_null(strstr(f.msg, "P1 'Workshop': serves no objective"));
    p->progs[0].objective_id = 2;
    p->krs[0].due_week = 6;
    p->progs[0].end_week = 8;                    /* after K1 is due */
    assert_int_equal(count(p, &o, "H08", &f), 1);
    assert_non_null(strstr(f.msg, "after a KR it serves is due (week 6)"));
    p->krs[0].due_week = 0;
    p->progs[0].end_week = 12;                   /* in the last 2 weeks of 13 */
    assert_int_equal(count(p, &o, "H08", &f), 1);
    assert_non_null(strstr(f.msg, "too late"));
    p->progs[0].end_week = 4;
    assert_int_equal(count(p, &o, "H08", NULL), 0);
    plan_free(p);
}

static void h09_going_quiet(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[1].last_at = "2027-02-01 10:00:00";   /* 16 days > cadence 7 */
    lnd_finding f;
    assert_int_equal(count(p, &o, "H09", &f), 1);
    assert_int_equal(f.kr_id, 2);
    assert_non_null(strstr(f.msg, "quiet for 16 days"));
    o.quiet_grace_days = 10;
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    o.quiet_grace_days = 0;
    p->objs[1].cadence_days = 30;                /* a monthly cadence is not quiet yet */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->objs[1].cadence_days = 7;
    p->cycle.state = CYCLE_CLOSED;               /* only active cycles go quiet */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    p->cycle.state = CYCLE_ACTIVE;
    p->krs[1].current = 25;                      /* done: nothing left to report */
    assert_int_equal(count(p, &o, "H09", NULL), 0);
    plan_free(p);
}

static void h10_capability_without_ld_objective(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].archived = true;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H10", &f), 1);
    assert_int_equal(f.obj_id, 1);
    p->objs[0].capability = "";                  /* no gap named: nothing to flag */
    assert_int_equal(count(p, &o, "H10", NULL), 0);
    plan_free(p);
}

static void h11_kpi_like(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].target = p->krs[0].baseline;
    p->krs[1].target = p->krs[1].baseline;
    lnd_finding f;
    assert_int_equal(count(p, &o, "H11", &f), 1);
    assert_int_equal(f.sev, HEALTH_INFO);
    p->krs[1].target = 25;
    assert_int_equal(count(p, &o, "H11", NULL), 0);
    plan_free(p);
}

static void disabled_rules_and_archived_rows_are_silent(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->krs[0].has_baseline = false;
    o.disabled = "H07,H04";
    assert_int_equal(count(p, &o, "H04", NULL), 0);
    o.disabled = "H040";                         /* ids match whole, not by prefix */
    assert_int_equal(count(p, &o, "H04", NULL), 1);
    o.disabled = "";
    p->krs[0].archived = true;                   /* archived KR: not judged */
    assert_int_equal(count(p, &o, "H04", NULL), 0);
    plan_free(p);
}

static void errors_sort_first(void **st)
{
    (void)st;
    lnd_plan *p = healthy();
    health_opts o = opts();
    p->objs[1].problem = "";                     /* warning on O2 */
    p->krs[1].has_baseline = false;              /* error on K2 */
    lnd_arena *a = arena_new();
    lnd_finding *f;
    size_t n = health_check(p, &o, today(), a, &f);
    assert_true(n >= 2);
    assert_string_equal(f[0].id, "H04");
    assert_int_equal(health_count(f, n, HEALTH_ERROR), 1);
    assert_int_equal(health_worst_for_obj(f, n, 2), HEALTH_ERROR);
    assert_int_equal(health_worst_for_obj(f, n, 1), -1);
    arena_free(a);
    plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(healthy_plan_has_no_findings),
        cmocka_unit_test(h01_no_business_parent),
        cmocka_unit_test(h02_vanity_only_or_no_results),
        cmocka_unit_test(h03_leading_and_lagging),
        cmocka_unit_test(h04_baseline),
        cmocka_unit_test(h05_business_coowner),
        cmocka_unit_test(h06_problem_and_outcome),
        cmocka_unit_test(h07_focus_thresholds_from_options),
        cmocka_unit_test(h08_programmes),
        cmocka_unit_test(h09_going_quiet),
        cmocka_unit_test(h10_capability_without_ld_objective),
        cmocka_unit_test(h11_kpi_like),
        cmocka_unit_test(disabled_rules_and_archived_rows_are_silent),
        cmocka_unit_test(errors_sort_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
