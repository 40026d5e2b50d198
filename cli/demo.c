/* SPDX-License-Identifier: MIT */
/* cli/demo.c — the demo plan: the worked examples of shared/DOMAIN.md (enterprise sales,
 * onboarding, support first-call resolution, privacy incidents, plus a leadership objective
 * with deliberate gaps) as an active 13-week cycle in which today falls in week 7, with
 * weekly check-ins for the weeks so far. Written through the store verbs in one transaction. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "cli.h"

#define NV NAN
#define MAXW 13

typedef struct {
    int obj;                 /* index into demo_objs */
    const char *title, *unit;
    double baseline;         /* NAN = no baseline */
    double target;
    int due;
    lnd_evidence ev;
    lnd_indicator ind;
    const char *owner, *coowner;
    int confidence;
    double v[MAXW];          /* value per week 1..13, NAN = no check-in */
    int observed[MAXW];      /* behaviour: observed per week, 0 = none */
    int applied[MAXW];
    const char *note;        /* on the latest check-in */
} demo_kr;

typedef struct {
    int parent;              /* index, -1 = none */
    lnd_level level;
    lnd_otype type;
    const char *title, *problem, *outcome, *capability, *owner, *bowner;
} demo_obj;

/* What the learning objective (O9) tests. */
static const char demo_hypothesis[] =
    "Peer coaching circles make first-time managers coach weekly, and their teams' engagement follows";

static const demo_obj demo_objs[] = {
    {-1, LEVEL_BUSINESS, OTYPE_ASPIRATIONAL,
     "Grow enterprise revenue 25% through deeper relationship management and consultative selling",
     "Enterprise deals stall at proposal stage; win rate on accounts over $500k fell to 18%",
     "Account managers lead value conversations with senior buyers and expand existing accounts",
     "Account managers run consultative discovery and present data-driven proposals to senior stakeholders",
     "dana", "dana"},
    {0, LEVEL_LD, OTYPE_ASPIRATIONAL,
     "Equip the enterprise sales team to win and deepen high-value client relationships",
     "Account managers pitch features instead of diagnosing client problems",
     "Every enterprise AM runs consultative discovery calls and co-builds proposals with clients",
     "Consultative questioning; data-driven proposals for senior stakeholders", "priya", "dana"},
    {-1, LEVEL_BUSINESS, OTYPE_ASPIRATIONAL, "Get new support hires productive faster",
     "New hires take 45 days to their first solo shift; queues grow every hiring wave",
     "New hires resolve common tickets on their own within a month",
     "New hires resolve common tickets independently using the knowledge base", "sam", "sam"},
    {2, LEVEL_LD, OTYPE_ASPIRATIONAL, "Onboard new support hires to productivity faster",
     "Onboarding is a week of slides followed by shadowing with no checkpoints",
     "A certified, buddy-supported path to the first solo shift",
     "Product troubleshooting on the top 20 ticket types", "priya", "sam"},
    {-1, LEVEL_BUSINESS, OTYPE_COMMITTED, "Improve customer support: first-call resolution from 64% to 75%",
     "A third of customers call back about the same issue", "Most issues are solved on the first call",
     "Tier-1 agents diagnose systematically and de-escalate upset callers", "sam", "sam"},
    {4, LEVEL_LD, OTYPE_ASPIRATIONAL, "Build tier-1 troubleshooting and de-escalation capability",
     "Agents escalate instead of diagnosing", "Agents follow the diagnostic checklist and close on the first call",
     "Structured diagnosis with the checklist; calm de-escalation", "lee", "sam"},
    {-1, LEVEL_BUSINESS, OTYPE_COMMITTED, "Protect customer data: cut privacy incidents by two thirds",
     "12 privacy incidents last quarter, most from everyday data handling",
     "Privacy-by-default is how teams work, not a yearly course",
     "Staff handle customer data by the checklist without being reminded", "kim", "kim"},
    {6, LEVEL_LD, OTYPE_COMMITTED, "Make privacy-by-default habits stick after compliance training",
     "Compliance training is completed but habits do not change",
     "Teams follow the data-handling checklist in spot checks", "Data-handling checklist applied daily",
     "lee", "kim"},
    {-1, LEVEL_LD, OTYPE_LEARNING, "Grow first-time managers' coaching habits", "",
     "Managers coach weekly instead of only at reviews", "", "priya", ""},
};

static const demo_kr demo_krs[] = {
    {1, "Enterprise AMs completing the consultative selling workshop", "%", 0, 100, 4,
     EV_ACTIVITY, IND_LEADING, "priya", "", 10, {25, 50, 88, 100, NV, NV, NV}, {0}, {0},
     "All 16 AMs through the workshop"},
    {1, "AMs demonstrating consultative questioning in role-play assessments", "%", 35, 80, 6,
     EV_LEARNING, IND_LEADING, "priya", "", 8, {NV, 42, 55, 66, 76, 82, NV}, {0}, {0},
     "13 of 16 passed the role-play rubric"},
    {1, "Participants applying consultative questioning (manager check-ins)", "%", 20, 75, 8,
     EV_BEHAVIOUR, IND_LEADING, "marco", "dana", 6, {NV, NV, NV, NV, NV, NV, NV},
     {0, 0, 0, 8, 8, 8}, {0, 0, 0, 2, 3, 5}, "5 of 8 observed using open questions in discovery calls"},
    {1, "Enterprise revenue growth vs Q1", "%", 0, 25, 13, EV_RESULTS, IND_LAGGING, "priya",
     "dana", 2, {NV, NV, NV, NV, 2, 2, NV}, {0}, {0},
     "Two expansion deals slipped to next quarter; renewals flat"},
    {3, "Time to productivity (days to first solo shift)", "days", 45, 30, 13, EV_RESULTS,
     IND_LAGGING, "priya", "sam", 7, {45, 44, 42, 41, 39, 38, NV}, {0}, {0},
     "March cohort soloed on day 38"},
    {3, "New hires passing product certification first time", "%", 60, 85, 13, EV_LEARNING,
     IND_LEADING, "priya", "", 8, {62, 66, 70, 74, 78, 80, NV}, {0}, {0}, ""},
    {3, "Buddy programme sessions held", "sessions", 0, 24, 12, EV_ACTIVITY, IND_LEADING,
     "priya", "", 9, {2, 5, 8, 10, 12, 14, NV}, {0}, {0}, ""},
    {5, "First-call resolution", "%", 64, 75, 13, EV_RESULTS, IND_LAGGING, "lee", "sam", 7,
     {64, 64, 64, 66, 68, 71, NV}, {0}, {0}, "Checklist calls resolve 9 points more often"},
    {5, "Agents using the diagnostic checklist on observed calls", "%", 10, 80, 10,
     EV_BEHAVIOUR, IND_LEADING, "ana", "sam", 8, {NV}, {0, 0, 10, 10, 10, 10},
     {0, 0, 3, 4, 6, 7}, "7 of 10 agents used the checklist unprompted"},
    {5, "Troubleshooting assessment average score", "%", 55, 80, 13, EV_LEARNING, IND_LEADING,
     "lee", "", 7, {NV, NV, 58, 63, 67, 70, NV}, {0}, {0}, ""},
    {7, "Privacy incidents in the 90 days after training", "incidents", 12, 4, 13, EV_RESULTS,
     IND_LAGGING, "lee", "kim", 3, {12, 12, 12, 12, 11, 10, NV}, {0}, {0},
     "Two incidents were misdirected emails again"},
    {7, "Staff completing privacy compliance training", "%", 40, 100, 6, EV_ACTIVITY,
     IND_LEADING, "lee", "", 4, {55, 68, 80, 88, 92, 95, NV}, {0}, {0}, "Field staff lagging"},
    {7, "Teams following the data-handling checklist in spot checks", "%", 30, 90, 13,
     EV_BEHAVIOUR, IND_LEADING, "kim", "kim", 3, {NV}, {0, 0, 0, 12, 0, 12},
     {0, 0, 0, 4, 0, 5}, "Only 5 of 12 teams used the checklist"},
    {8, "Engagement score of direct reports", "pts", 3.6, 4.0, 13, EV_RESULTS, IND_LAGGING,
     "priya", "", 6, {NV, 3.6, NV, 3.7, NV, NV, NV}, {0}, {0}, "Pulse survey"},
    {8, "Attrition of direct reports (annualised)", "%", NV, 8, 13, EV_RESULTS, IND_LAGGING,
     "priya", "", -1, {NV}, {0}, {0}, ""},
};

static const struct {
    int obj;   /* -1: serves no objective */
    const char *title, *audience;
    int start, end;
} demo_progs[] = {
    {1, "Consultative selling workshop", "Enterprise account managers", 2, 4},
    {3, "New-hire buddy programme", "Support hires, waves 1-3", 1, 12},
    {5, "Troubleshooting clinics", "Tier-1 support agents", 3, 9},
    {7, "Privacy habits pathway", "All customer-facing staff", 1, 12},
    {-1, "Coaching circles", "First-time managers", 5, 10},
};

static const struct {
    const char *name, *unit;
    bool has_min;
    double min, value;
} demo_kpis[] = {
    {"Compliance training completion", "%", true, 95, 97},
    {"Learning platform uptime", "%", true, 99.5, 99.2},
    {"Learner satisfaction (CSAT)", "/5", true, 4.0, 4.4},
};

#define N_OF(t) (sizeof(t) / sizeof((t)[0]))

/* Week w (0-based) has a check-in: a behaviour observation, or a value that is neither
 * NaN nor 0 (the tables leave unset weeks 0). Only the six weeks before today count. */
static bool demo_has(const demo_kr *d, int w)
{
    return w < 6 && (d->observed[w] > 0 || (!isnan(d->v[w]) && d->v[w] != 0));
}

static store_rc demo_fill(store *s, const char *user, lnd_day start)
{
    char name[32], next[32], sday[16], nday[16];
    lnd_day today = date_today();
    char tb[16];
    date_format(today, tb, sizeof tb);
    int year = 0, month = 0;
    sscanf(tb, "%d-%d", &year, &month);
    int q = (month - 1) / 3 + 1;
    snprintf(name, sizeof name, "%d-Q%d", year, q);
    snprintf(next, sizeof next, "%d-Q%d", q == 4 ? year + 1 : year, q == 4 ? 1 : q + 1);
    date_format(start, sday, sizeof sday);
    date_format(start + 7 * 13, nday, sizeof nday);
    lnd_cycle cy = {.name = name, .start = sday, .weeks = 13, .state = CYCLE_ACTIVE};
    lnd_cycle cn = {.name = next, .start = nday, .weeks = 13, .state = CYCLE_PLANNING};
    store_rc rc = store_add_cycle(s, &cy, user);
    if (rc == STORE_OK) rc = store_add_cycle(s, &cn, user);

    lnd_id oid[N_OF(demo_objs)];
    for (size_t i = 0; i < N_OF(demo_objs) && rc == STORE_OK; i++) {
        const demo_obj *d = &demo_objs[i];
        lnd_objective o = {.cycle_id = cy.id, .parent_id = d->parent >= 0 ? oid[d->parent] : 0,
                           .level = d->level, .type = d->type, .title = (char *)d->title,
                           .problem = (char *)d->problem, .outcome = (char *)d->outcome,
                           .capability = (char *)d->capability, .owner = (char *)d->owner,
                           .business_owner = (char *)d->bowner, .cadence_days = 7,
                           .hypothesis = (char *)(d->type == OTYPE_LEARNING ? demo_hypothesis : "")};
        rc = store_add_objective(s, &o, user);
        oid[i] = o.id;
    }
    int this_week = date_week_of_cycle(start, 13, today);
    for (size_t i = 0; i < N_OF(demo_krs) && rc == STORE_OK; i++) {
        const demo_kr *d = &demo_krs[i];
        lnd_kr k = {.objective_id = oid[d->obj], .title = (char *)d->title,
                    .unit = (char *)d->unit, .has_baseline = !isnan(d->baseline),
                    .baseline = isnan(d->baseline) ? 0 : d->baseline, .target = d->target,
                    .due_week = d->due, .owner = (char *)d->owner, .coowner = (char *)d->coowner,
                    .weight = 1, .evidence = d->ev, .indicator = d->ind};
        k.direction = k.has_baseline && k.target < k.baseline ? DIR_DECREASE : DIR_INCREASE;
        if (!k.has_baseline) k.direction = DIR_DECREASE;
        rc = store_add_kr(s, &k, user);
        int last = -1;
        for (int w = 0; w < MAXW && w + 1 < this_week; w++)
            if (demo_has(d, w)) last = w;
        for (int w = 0; w <= last && rc == STORE_OK; w++) {
            if (!demo_has(d, w)) continue;
            bool beh = d->observed[w] > 0;
            char at[32], day[16];
            date_format(start + 7 * w + 4, day, sizeof day);
            snprintf(at, sizeof at, "%s 15:00:00", day);
            lnd_checkin c = {.kr_id = k.id, .at = at, .confidence = d->confidence,
                             .note = (char *)(w == last ? d->note : ""),
                             .author = (char *)d->owner, .observed = -1, .applied = -1};
            if (beh) {
                c.observed = d->observed[w];
                c.applied = d->applied[w];
                c.value = 100.0 * c.applied / c.observed;
            } else {
                c.value = d->v[w];
            }
            rc = store_add_checkin(s, &c, d->owner);
        }
    }
    for (size_t i = 0; i < N_OF(demo_progs) && rc == STORE_OK; i++) {
        lnd_programme p = {.cycle_id = cy.id,
                           .objective_id = demo_progs[i].obj >= 0 ? oid[demo_progs[i].obj] : 0,
                           .title = (char *)demo_progs[i].title,
                           .audience = (char *)demo_progs[i].audience,
                           .start_week = demo_progs[i].start, .end_week = demo_progs[i].end};
        rc = store_add_programme(s, &p, user);
    }
    if (rc == STORE_OK)
        rc = store_set_waiver(s, oid[8], "H03",
                              "a learning objective: it tests whether coaching circles move engagement "
                              "and attrition; no leading measure is agreed yet", user);
    for (size_t i = 0; i < N_OF(demo_kpis) && rc == STORE_OK; i++) {
        lnd_kpi k = {.name = (char *)demo_kpis[i].name, .unit = (char *)demo_kpis[i].unit,
                     .has_min = demo_kpis[i].has_min, .min = demo_kpis[i].min};
        rc = store_add_kpi(s, &k, user);
        if (rc == STORE_OK) rc = store_set_kpi_value(s, k.id, demo_kpis[i].value, user);
    }
    return rc;
}

/* The quarter before: the support programme's pilot ran with a trained and a not-yet-trained
 * cohort; its +30 follow-up was logged inside that cycle, its +60 after the cycle closed.
 * Created after the current cycle's rows, so today's ids (O1-O9, K1-K15, P1-P5) stay put. */
static store_rc demo_before(store *s, const char *user, lnd_day start, const char *cur)
{
    int year = 0, q = 0;
    sscanf(cur, "%d-Q%d", &year, &q);
    char name[32], sday[16], bday[16];
    snprintf(name, sizeof name, "%d-Q%d", q == 1 ? year - 1 : year, q == 1 ? 4 : q - 1);
    lnd_day ps = start - 7 * 13;
    date_format(ps, sday, sizeof sday);
    date_format(ps - 3, bday, sizeof bday);
    lnd_cycle cy = {.name = name, .start = sday, .weeks = 13, .state = CYCLE_ACTIVE};
    store_rc rc = store_add_cycle(s, &cy, user);
    lnd_objective biz = {.cycle_id = cy.id, .level = LEVEL_BUSINESS, .type = OTYPE_COMMITTED,
                         .title = "Resolve more support calls first time",
                         .problem = "A third of customers call back about the same problem",
                         .outcome = "Customers get a fix on the first call", .owner = "head of support",
                         .business_owner = "head of support", .cadence_days = 7};
    if (rc == STORE_OK) rc = store_add_objective(s, &biz, user);
    lnd_objective ld = {.cycle_id = cy.id, .parent_id = biz.id, .level = LEVEL_LD, .type = OTYPE_ASPIRATIONAL,
                        .title = "Pilot troubleshooting clinics with half of tier 1",
                        .problem = "Agents escalate what they could diagnose",
                        .outcome = "Clinic-trained agents resolve more on the first call",
                        .capability = "structured diagnosis on the first call", .owner = "priya",
                        .cadence_days = 14};
    if (rc == STORE_OK) rc = store_add_objective(s, &ld, user);
    lnd_kr k = {.objective_id = ld.id, .title = "First-call resolution", .unit = "%", .has_baseline = true,
                .baseline = 64, .baseline_at = bday, .target = 75, .owner = "priya",
                .coowner = "head of support", .weight = 1, .evidence = EV_RESULTS, .indicator = IND_LAGGING};
    if (rc == STORE_OK) rc = store_add_kr(s, &k, user);
    lnd_programme p = {.cycle_id = cy.id, .objective_id = ld.id, .title = "Troubleshooting clinics pilot",
                       .audience = "Half of tier-1 agents", .start_week = 2, .end_week = 6};
    if (rc == STORE_OK) rc = store_add_programme(s, &p, user);
    static const struct { int day; double v; const char *cohort; bool after; } ck[] = {
        {2, 64, "trained", false},  {2, 64, "not yet trained", false}, {23, 66, "trained", false},
        {44, 68, "trained", false}, {44, 64, "not yet trained", false}, {72, 69, "trained", false},
        {72, 65, "not yet trained", false}, {102, 71, "trained", true}, {102, 65, "not yet trained", true}};
    for (size_t i = 0; i < N_OF(ck) && rc == STORE_OK; i++) {
        if (ck[i].after && (i == 0 || !ck[i - 1].after)) {   /* the review, then the close */
            rc = store_set_cycle_state(s, cy.id, CYCLE_REVIEW, 1, user);
            if (rc == STORE_OK) rc = store_set_cycle_state(s, cy.id, CYCLE_CLOSED, 2, user);
            if (rc != STORE_OK) break;
        }
        char at[32], day[16];
        date_format(ps + ck[i].day, day, sizeof day);
        snprintf(at, sizeof at, "%s 15:00:00", day);
        lnd_checkin c = {.kr_id = k.id, .at = at, .value = ck[i].v, .confidence = 7, .note = "",
                         .author = "priya", .observed = -1, .applied = -1, .cohort = (char *)ck[i].cohort};
        rc = store_add_checkin(s, &c, "priya");
    }
    return rc;
}

store_rc demo_load(store *s, const char *user)
{
    lnd_day today = date_today();
    lnd_day monday = today - ((today + 3) % 7 + 7) % 7;   /* 1970-01-01 was a Thursday */
    lnd_day start = monday - 6 * 7;                        /* today falls in week 7 */
    store_rc rc = store_tx_begin(s);
    if (rc != STORE_OK) return rc;
    rc = demo_fill(s, user, start);
    if (rc == STORE_OK) {
        char cur[32], tb[16];
        int year = 0, month = 0;
        date_format(date_today(), tb, sizeof tb);
        sscanf(tb, "%d-%d", &year, &month);
        snprintf(cur, sizeof cur, "%d-Q%d", year, (month - 1) / 3 + 1);
        rc = demo_before(s, user, start, cur);
    }
    if (rc != STORE_OK) {
        store_tx_rollback(s);
        return rc;
    }
    return store_tx_commit(s);
}
