/* SPDX-License-Identifier: MIT */
/* tests/unit/test_health_fixture.h — the plans and helpers shared by the health-rule tests
 * (test_health.c: H01-H06 and the whole plan; test_health_more.c: H07-H11 and across rules).
 * Static functions: each test binary includes it once. */
#ifndef LND_TEST_HEALTH_FIXTURE_H
#define LND_TEST_HEALTH_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../core/health.h"
#include "../../cli/cli.h"

/* A finding's fix as `lnd check` words it (core keeps it as data; cli/advice.c words it). */
static const char *FIX(const lnd_finding *f)
{
    static char b[4][200];
    static int k;
    k = (k + 1) % 4;
    return cli_fix_text(f, b[k], sizeof b[k]);
}

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
    for (size_t i = 0; i < n; i++) print_message("finding: %s %s | %s\n", f[i].id, f[i].msg, FIX(&f[i]));
    arena_free(a);
    return n;
}

#define HAS(hay, needle) assert_non_null(strstr((hay), (needle)))

#endif
