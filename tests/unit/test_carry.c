/* SPDX-License-Identifier: MIT */
/* tests/unit/test_carry.c — carrying forward keeps knowledge: done KRs stay behind unless
 * asked, an objective never arrives without its parent (carried too, named, or carried
 * before), parents come first, the "carried from" line reads as the issue asks; and a
 * learning objective's verdict is its finding, with no score suggested for it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../core/carry.h"
#include "../../core/learning.h"
#include "../../core/summary.h"

static lnd_plan *mk(void)
{
    lnd_plan *p = plan_new();
    p->objs = arena_alloc(p->arena, 4 * sizeof *p->objs);
    p->nobjs = 4;
    p->krs = arena_alloc(p->arena, sizeof *p->krs);
    lnd_level lv[] = {LEVEL_BUSINESS, LEVEL_LD, LEVEL_BUSINESS, LEVEL_LD};
    lnd_id parent[] = {0, 1, 0, 0};
    for (size_t i = 0; i < 4; i++) {
        p->objs[i].id = (lnd_id)i + 1;
        p->objs[i].parent_id = parent[i];
        p->objs[i].level = lv[i];
        p->objs[i].title = arena_printf(p->arena, "O%zu", i + 1);
    }
    plan_index(p);
    return p;
}

static long choose(const lnd_plan *p, const lnd_review *rv, size_t n, const carry_opts *o, carry_pick *pk,
                   char *err)
{
    return carry_choose(p, rv, n, o, pk, err, 256);
}

static void an_objective_without_its_parent_is_refused_by_default(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    lnd_review rv[] = {{.objective_id = 2, .carry_forward = true}};
    carry_pick pk[4];
    char err[256];
    carry_opts o = {0};
    assert_int_equal(choose(p, rv, 1, &o, pk, err), -1);
    assert_string_equal(err, "O2 would arrive without its parent O1, which is not carried");
    plan_free(p);
}

static void with_parents_carries_the_parent_first(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    lnd_review rv[] = {{.objective_id = 2, .carry_forward = true}};
    carry_pick pk[4];
    char err[256];
    carry_opts o = {.with_parents = true};
    assert_int_equal(choose(p, rv, 1, &o, pk, err), 2);
    assert_int_equal(p->objs[pk[0].obj].id, 1);
    assert_false(pk[0].marked);                   /* pulled in as a parent */
    assert_int_equal(p->objs[pk[1].obj].id, 2);
    assert_true(pk[1].marked);
    assert_int_equal(pk[1].parent_pick, 0);       /* sits under the carried parent */
    plan_free(p);
}

static void a_named_parent_or_one_carried_before_is_used(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    lnd_review rv[] = {{.objective_id = 2, .carry_forward = true}};
    carry_pick pk[4];
    char err[256];
    carry_opts o = {.parent = 42};
    assert_int_equal(choose(p, rv, 1, &o, pk, err), 1);
    assert_int_equal(pk[0].new_parent, 42);
    assert_int_equal(pk[0].parent_pick, -1);
    lnd_id before[] = {1};
    carry_opts b = {.before = before, .nbefore = 1};
    assert_int_equal(choose(p, rv, 1, &b, pk, err), 1);
    assert_int_equal(pk[0].parent_before, 1);     /* its parent's copy in the next cycle */
    plan_free(p);
}

static void parents_marked_too_keep_the_link_and_orphans_carry_alone(void **st)
{
    (void)st;
    lnd_plan *p = mk();
    lnd_review rv[] = {{.objective_id = 1, .carry_forward = true}, {.objective_id = 2, .carry_forward = true},
                       {.objective_id = 4, .carry_forward = true}, {.objective_id = 3, .carry_forward = false}};
    carry_pick pk[4];
    char err[256];
    assert_int_equal(choose(p, rv, 4, NULL, pk, err), 3);
    assert_int_equal(p->objs[pk[1].obj].id, 2);
    assert_int_equal(pk[1].parent_pick, 0);
    assert_int_equal(p->objs[pk[2].obj].id, 4);   /* no parent in the old cycle: none needed */
    assert_int_equal(pk[2].parent_pick, -1);
    assert_int_equal(pk[2].new_parent, 0);
    plan_free(p);
}

static void done_krs_are_those_that_reached_their_target(void **st)
{
    (void)st;
    lnd_kr up = {.has_baseline = true, .baseline = 64, .target = 75, .has_current = true, .current = 75};
    assert_true(carry_kr_done(&up));
    up.current = 74.9;
    assert_false(carry_kr_done(&up));
    lnd_kr down = {.has_baseline = true, .baseline = 12, .target = 4, .direction = DIR_DECREASE,
                   .has_current = true, .current = 4};
    assert_true(carry_kr_done(&down));
    down.current = 5;
    assert_false(carry_kr_done(&down));
    lnd_kr none = {.target = 1};
    assert_false(carry_kr_done(&none));           /* never measured: not done */
}

static void the_carried_from_line_reads_as_people_say_it(void **st)
{
    (void)st;
    char b[300];
    carry_origin c = {.objective_id = 11, .from = 8, .cycle = "2027-Q2", .has_score = true, .score = 0.4,
                      .carry = "Consultative selling for new AMs"};
    carry_origin_text(&c, b, sizeof b);
    assert_string_equal(b, "carried from O8 (2027-Q2, scored 0.4): Consultative selling for new AMs");
    c.has_score = false;
    c.carry = "";
    carry_origin_text(&c, b, sizeof b);
    assert_string_equal(b, "carried from O8 (2027-Q2, not scored)");
    assert_ptr_equal(carry_origin_of(&c, 1, 11), &c);
    assert_null(carry_origin_of(&c, 1, 8));
}

static void a_learning_verdict_is_its_finding_never_a_score(void **st)
{
    (void)st;
    char b[200];
    lnd_review r = {.objective_id = 9, .has_score = true, .score = 0.2, .finding = ""};
    assert_false(learning_verdict(&r, b, sizeof b));
    assert_string_equal(b, "no finding yet");
    assert_false(learning_verdict(NULL, b, sizeof b));
    r.finding = "Circles work only with protected manager time";
    assert_true(learning_verdict(&r, b, sizeof b));
    assert_string_equal(b, "finding: Circles work only with protected manager time");
    lnd_objective o = {.id = 9, .type = OTYPE_LEARNING, .hypothesis = " "};
    summary_obj s = {.progress = 0.8, .rollup = -1, .result = 0.8};
    assert_true(summary_suggested_score(&o, &s) < 0);   /* no suggested score */
    assert_true(learning_missing_hypothesis(&o));
    o.hypothesis = "Peer circles make managers coach weekly";
    assert_false(learning_missing_hypothesis(&o));
    o.type = OTYPE_COMMITTED;
    o.hypothesis = "";
    assert_false(learning_missing_hypothesis(&o));      /* only learning objectives need one */
    assert_true(summary_suggested_score(&o, &s) > 0.79);
}

int main(void)
{
    const struct CMUnitTest t[] = {
        cmocka_unit_test(an_objective_without_its_parent_is_refused_by_default),
        cmocka_unit_test(with_parents_carries_the_parent_first),
        cmocka_unit_test(a_named_parent_or_one_carried_before_is_used),
        cmocka_unit_test(parents_marked_too_keep_the_link_and_orphans_carry_alone),
        cmocka_unit_test(done_krs_are_those_that_reached_their_target),
        cmocka_unit_test(the_carried_from_line_reads_as_people_say_it),
        cmocka_unit_test(a_learning_verdict_is_its_finding_never_a_score),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
