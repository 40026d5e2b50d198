/* SPDX-License-Identifier: MIT */
/* tests/unit/test_report.c — the quarter report in business terms and the behaviour
 * follow-up schedule: what a leader reads and what a manager is asked to log. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/followup.h"
#include "../../core/report.h"
#include "../../core/report_series.h"

/* A small cascade: O1 business, O2 L&D beneath it with a learning, a behaviour and a
 * results KR; one programme in weeks 2-4 serving O2. Cycle starts Monday 2027-01-04. */
static lnd_plan *mk_plan(void)
{
    lnd_plan *p = plan_new();
    lnd_arena *a = p->arena;
    p->cycle = (lnd_cycle){.id = 1, .name = "2027-Q1", .start = "2027-01-04", .weeks = 13,
                           .state = CYCLE_ACTIVE};
    p->nobjs = 2;
    p->objs = arena_alloc(a, 2 * sizeof *p->objs);
    p->objs[0] = (lnd_objective){.id = 1, .cycle_id = 1, .level = LEVEL_BUSINESS,
                                 .title = "Improve support", .problem = "Callbacks",
                                 .outcome = "Solved first time", .capability = "Diagnosis",
                                 .owner = "sam", .business_owner = "sam"};
    p->objs[1] = (lnd_objective){.id = 2, .cycle_id = 1, .parent_id = 1, .level = LEVEL_LD,
                                 .type = OTYPE_ASPIRATIONAL,
                                 .title = "Build troubleshooting | skills", .problem = "",
                                 .outcome = "", .capability = "", .owner = "lee",
                                 .business_owner = ""};
    p->nkrs = 3;
    p->krs = arena_alloc(a, 3 * sizeof *p->krs);
    p->krs[0] = (lnd_kr){.id = 1, .objective_id = 2, .title = "Assessment score", .unit = "%",
                         .has_baseline = true, .baseline = 55, .target = 80, .weight = 1,
                         .evidence = EV_LEARNING, .has_current = true, .current = 70,
                         .owner = "lee", .coowner = "", .confidence = 7};
    p->krs[1] = (lnd_kr){.id = 2, .objective_id = 2, .title = "Checklist use", .unit = "%",
                         .has_baseline = true, .baseline = 10, .target = 80, .weight = 1,
                         .evidence = EV_BEHAVIOUR, .has_current = true, .current = 70,
                         .owner = "ana", .coowner = "", .confidence = 7,
                         .last_at = "2027-02-05 15:00:00"};
    p->krs[2] = (lnd_kr){.id = 3, .objective_id = 2, .title = "First-call resolution",
                         .unit = "%", .has_baseline = true, .baseline = 64, .target = 75,
                         .weight = 1, .evidence = EV_RESULTS, .indicator = IND_LAGGING,
                         .has_current = true, .current = 71, .owner = "lee", .coowner = "sam",
                         .confidence = 7};
    p->nprogs = 1;
    p->progs = arena_alloc(a, sizeof *p->progs);
    p->progs[0] = (lnd_programme){.id = 1, .cycle_id = 1, .objective_id = 2,
                                  .title = "Troubleshooting clinics", .audience = "Tier 1",
                                  .start_week = 2, .end_week = 4};
    plan_index(p);
    return p;
}

static void kr_sentence_in_business_terms(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan();
    lnd_buf b = {0};
    report_kr_sentence(&p->krs[2], &b);
    assert_string_equal(buf_str(&b), "First-call resolution moved from 64% to 71% (target 75%)");
    buf_free(&b);
    lnd_kr ramp = {.title = "Ramp time", .unit = "days", .has_baseline = true, .baseline = 45,
                   .target = 30, .direction = DIR_DECREASE, .has_current = true, .current = 50};
    report_kr_sentence(&ramp, &b);
    assert_string_equal(buf_str(&b), "Ramp time moved the wrong way, from 45 days to 50 days (target 30 days)");
    buf_free(&b);
    ramp.has_current = false;
    report_kr_sentence(&ramp, &b);
    assert_string_equal(buf_str(&b), "Ramp time: no measurement yet (baseline 45 days, target 30 days)");
    buf_free(&b);
    plan_free(p);
}

static void report_has_chain_verdict_and_escapes_markdown(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan();
    progress_rules r;
    progress_defaults(&r);
    /* behaviour first moved in week 3, results in week 5 */
    lnd_checkin beh[] = {{.value = 70, .at = "2027-02-05 15:00:00"}, {.value = 30, .at = "2027-01-20 15:00:00"}};
    lnd_checkin res[] = {{.value = 71, .at = "2027-02-05 15:00:00"}, {.value = 66, .at = "2027-02-02 15:00:00"},
                         {.value = 64, .at = "2027-01-12 15:00:00"}};
    report_history h[3] = {{NULL, 0}, {beh, 2}, {res, 3}};
    lnd_finding hf[] = {{.id = "H05", .sev = HEALTH_WARNING, .obj_id = 2,
                         .msg = "O2 'Build troubleshooting | skills': no business co-owner"}};
    lnd_review rev = {.objective_id = 2, .has_score = true, .score = 0.7, .worked = "Clinics",
                      .didnt = "Night shift", .carry = "De-escalation", .carry_forward = true};
    p->cycle.state = CYCLE_REVIEW;
    lnd_day day;
    assert_true(date_parse("2027-02-10", &day));
    report_input in = {.plan = p, .day = day, .rules = &r, .hist = h, .reviews = &rev,
                       .nreviews = 1, .health = hf, .nhealth = 1, .today = "2027-02-10"};
    lnd_buf b = {0};
    report_markdown(&in, &b);
    const char *md = buf_str(&b);
    assert_non_null(strstr(md, "---\ntitle: \"2027-Q1: learning in business terms\"\n"));
    assert_non_null(strstr(md, "First-call resolution moved from 64% to 71% (target 75%)"));
    assert_non_null(strstr(md, "1. Programmes delivered: Troubleshooting clinics (weeks 2–4, Tier 1)"));
    assert_non_null(strstr(md, "Behaviour moved (week 3) before results did (week 5)."));
    assert_non_null(strstr(md, "**Verdict:** 0.7, success."));
    assert_non_null(strstr(md, "Build troubleshooting \\| skills"));   /* table-safe */
    assert_non_null(strstr(md, "- O2 Build troubleshooting \\| skills: De-escalation"));
    /* the appendix: a plain sentence with the full title, no rule id, no command */
    assert_non_null(strstr(md, "- O2 “Build troubleshooting \\| skills” has no key result co-owned by the business."));
    assert_null(strstr(md, "H05"));
    assert_null(strstr(md, "lnd "));
    /* in review: the verdict, no live status, no week */
    assert_non_null(strstr(md, "| Objective | Type | Result | Delivery | Verdict |"));
    assert_null(strstr(md, "on track"));
    assert_null(strstr(md, "week 6 of"));
    buf_free(&b);

    /* while the cycle runs: a projection, clearly called that, never a verdict */
    p->cycle.state = CYCLE_ACTIVE;
    in.nreviews = 0;
    report_markdown(&in, &b);
    md = buf_str(&b);
    assert_null(strstr(md, "**Verdict:**"));
    assert_non_null(strstr(md, "**Score so far (a projection, not a verdict):** 0.64 at today's business result"));
    assert_null(strstr(md, "| Verdict |"));
    buf_free(&b);
    /* in planning: nothing to judge */
    p->cycle.state = CYCLE_PLANNING;
    report_markdown(&in, &b);
    md = buf_str(&b);
    assert_null(strstr(md, "Verdict"));
    assert_null(strstr(md, "projection"));
    buf_free(&b);
    /* the same week is "together", not "before" */
    res[1].at = "2027-01-20 16:00:00";
    p->cycle.state = CYCLE_ACTIVE;
    report_markdown(&in, &b);
    md = buf_str(&b);
    assert_non_null(strstr(md, "Behaviour and results moved together (week 3)"));
    assert_null(strstr(md, "before results did"));
    buf_free(&b);
    /* after the last week: "ended N days ago", never "week 14 of 13" */
    assert_true(date_parse("2027-04-14", &in.day));
    report_markdown(&in, &b);
    md = buf_str(&b);
    assert_non_null(strstr(md, "ended 10 days ago"));
    assert_null(strstr(md, "week 14"));
    buf_free(&b);
    plan_free(p);
}

static void followups_at_30_60_90_days_after_programme_end(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan();
    window_rules r;
    window_rules_default(&r);
    lnd_arena *a = arena_new();
    lnd_followup *f;
    /* programme ends Sunday of week 4 = 2027-01-31; +30 = 2027-03-02 */
    lnd_day today;
    assert_true(date_parse("2027-03-18", &today));
    size_t n = followup_list(p, &r, NULL, 0, today, a, &f);
    assert_int_equal(n, 6);                       /* the behaviour KR and the results KR */
    assert_int_equal(p->krs[f[0].kr].id, 2);
    assert_int_equal(p->krs[f[1].kr].id, 3);
    char d[16];
    date_format(f[0].due, d, sizeof d);
    assert_string_equal(d, "2027-03-02");
    date_format(f[0].window_close, d, sizeof d);
    assert_string_equal(d, "2027-05-15");
    assert_int_equal(f[0].state, FU_MISSED);      /* 16 days late: its span is over */
    assert_int_equal(f[2].state, FU_UPCOMING);
    /* a check-in in the span settles that follow-up only: a late one settles no earlier one */
    lnd_checkin cs[] = {{.kr_id = 2, .at = "2027-02-24 09:00:00", .value = 70},
                        {.kr_id = 3, .at = "2027-04-03 09:00:00", .value = 70, .followup = 60}};
    n = followup_list(p, &r, cs, 2, today, a, &f);
    assert_int_equal(f[0].state, FU_DONE);        /* K2 +30, by date (7 days early) */
    assert_int_equal(f[1].state, FU_MISSED);      /* K3 +30 */
    assert_int_equal(f[3].state, FU_DONE);        /* K3 +60, by its mark */
    assert_int_equal(f[2].state, FU_UPCOMING);    /* K2 +60 */
    /* due: within a week before the date */
    assert_true(date_parse("2027-03-28", &today));
    n = followup_list(p, &r, cs, 2, today, a, &f);
    assert_int_equal(f[2].state, FU_DUE);
    /* archived programme schedules nothing */
    p->progs[0].archived = true;
    assert_int_equal(followup_list(p, &r, NULL, 0, today, a, &f), 0);
    arena_free(a);
    plan_free(p);
}

static void series_and_cohorts_in_business_terms(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan();   /* the programme ends 2027-01-31 */
    window_rules r;
    window_rules_default(&r);
    p->krs[2].baseline_at = "2027-01-02";
    lnd_checkin cs[] = {   /* newest first, as the store returns them */
        {.id = 6, .kr_id = 3, .at = "2027-03-03 12:00:00", .value = 90, .cohort = "not yet trained",
         .comparison = true, .followup = 30},
        {.id = 5, .kr_id = 3, .at = "2027-03-02 12:00:00", .value = 69, .cohort = "trained", .followup = 30},
        {.id = 4, .kr_id = 3, .at = "2027-01-20 12:00:00", .value = 64, .cohort = "not yet trained",
         .comparison = true},
        {.id = 3, .kr_id = 3, .at = "2027-01-20 12:00:00", .value = 64, .cohort = "trained"},
    };
    report_history h = {cs, 4};
    lnd_buf b = {0};
    assert_true(report_series(p, 2, &h, &r, &b));
    assert_string_equal(buf_str(&b), "First-call resolution 64% (baseline, 2 Jan) \xe2\x86\x92 69% (+30 d) "
                                     "\xe2\x86\x92 +60 d due 1 Apr \xe2\x86\x92 +90 d due 1 May, target 75%");
    buf_free(&b);
    b = (lnd_buf){0};
    assert_true(report_cohorts(p, 2, &h, &b));
    assert_string_equal(buf_str(&b), "trained: First-call resolution 64% \xe2\x86\x92 69%; not yet trained: 64% "
                                     "\xe2\x86\x92 90%; difference -21 points (2 and 2 check-ins)");
    buf_free(&b);
    /* an activity KR has no series; a KR without cohort check-ins no comparison */
    b = (lnd_buf){0};
    assert_false(report_series(p, 0, &h, &r, &b));
    report_history none = {cs + 1, 0};
    assert_false(report_cohorts(p, 2, &none, &b));
    assert_int_equal(b.len, 0);
    /* a comparison cohort's move is not the KR's first move */
    lnd_checkin only[] = {{.id = 1, .kr_id = 3, .at = "2027-01-20 12:00:00", .value = 70, .comparison = true}};
    report_history ho = {only, 1};
    assert_int_equal(report_first_move(p, &p->krs[2], &ho), 0);
    plan_free(p);
}

/* The report's writer in the test: everything handed out so far, in order. */
static void take_all(void *ud, lnd_buf *b)
{
    buf_addn(ud, b->s ? b->s : "", b->len);
    b->len = 0;
}

/* issue 15: `lnd report` keeps a digest per KR, not the cycle's check-ins, and writes as it
 * goes; the text must be the one the whole histories give, byte for byte. */
static void streamed_digests_say_what_whole_histories_say(void **st)
{
    (void)st;
    lnd_plan *p = mk_plan();
    progress_rules r;
    progress_defaults(&r);
    p->krs[2].baseline_at = "2027-01-02";
    lnd_checkin beh[] = {{.id = 8, .value = 70, .confidence = 5, .at = "2027-02-05 15:00:00", .author = "ana",
                          .account = "robot"},
                         {.id = 7, .value = 30, .confidence = 8, .at = "2027-01-20 15:00:00", .author = "ana"}};
    lnd_checkin res[] = {
        {.id = 6, .kr_id = 3, .at = "2027-03-03 12:00:00", .value = 90, .cohort = "not yet trained",
         .comparison = true, .followup = 30, .confidence = -1},
        {.id = 5, .kr_id = 3, .at = "2027-03-02 12:00:00", .value = 69, .cohort = "trained", .followup = 30,
         .confidence = 7},
        {.id = 4, .kr_id = 3, .at = "2027-01-20 12:00:00", .value = 64, .cohort = "not yet trained",
         .comparison = true, .confidence = 7},
        {.id = 3, .kr_id = 3, .at = "2027-01-20 12:00:00", .value = 66, .cohort = "trained", .confidence = 9},
    };
    report_history h[3] = {{NULL, 0}, {beh, 2}, {res, 4}};
    lnd_day day;
    assert_true(date_parse("2027-03-10", &day));
    report_input in = {.plan = p, .day = day, .rules = &r, .hist = h, .today = "2027-03-10"};
    lnd_buf whole = {0}, streamed = {0}, rest = {0};
    report_markdown(&in, &whole);
    /* the parts the digests carry are in the text, so the comparison below can fail */
    assert_non_null(strstr(buf_str(&whole), "confidence 8 → 5; last check-in by robot (as ana)"));
    assert_non_null(strstr(buf_str(&whole), "After the programme: First-call resolution 64% (baseline, 2 Jan) → 69% (+30 d)"));
    assert_non_null(strstr(buf_str(&whole), "Cohorts: trained: First-call resolution 66% → 69%"));
    assert_non_null(strstr(buf_str(&whole), "first moved in week 3"));
    lnd_arena *a = arena_new();
    report_kr_digest dig[3];
    for (size_t k = 0; k < 3; k++) report_digest(&in, k, k ? &h[k] : NULL, a, &dig[k]);
    in.hist = NULL;
    in.dig = dig;
    in.flush = take_all;
    in.flush_ud = &streamed;
    report_markdown(&in, &rest);
    assert_int_equal(rest.len, 0);   /* all of it was handed out */
    assert_string_equal(buf_str(&streamed), buf_str(&whole));
    buf_free(&whole);
    buf_free(&streamed);
    buf_free(&rest);
    arena_free(a);
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(kr_sentence_in_business_terms),
              cmocka_unit_test(report_has_chain_verdict_and_escapes_markdown),
              cmocka_unit_test(followups_at_30_60_90_days_after_programme_end),
              cmocka_unit_test(series_and_cohorts_in_business_terms),
              cmocka_unit_test(streamed_digests_say_what_whole_histories_say))
