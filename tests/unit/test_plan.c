/* SPDX-License-Identifier: MIT */
/* tests/unit/test_plan.c — the in-memory plan: lookups by id, KRs of an objective and the
 * cascade order a user sees in `lnd status` and the dashboard. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include "../../core/plan.h"

static lnd_plan *mk(size_t nobj, size_t nkr)
{
    lnd_plan *p = plan_new();
    p->objs = arena_alloc(p->arena, nobj * sizeof *p->objs);
    p->nobjs = nobj;
    p->krs = arena_alloc(p->arena, (nkr ? nkr : 1) * sizeof *p->krs);
    p->nkrs = nkr;
    return p;
}

static void obj(lnd_plan *p, size_t i, lnd_id id, lnd_id parent, lnd_level lvl)
{
    p->objs[i].id = id;
    p->objs[i].parent_id = parent;
    p->objs[i].level = lvl;
    p->objs[i].title = arena_printf(p->arena, "O%lld", id);
}

static void cascade_orders_business_first_children_beneath(void **st)
{
    (void)st;
    lnd_plan *p = mk(6, 0);
    obj(p, 0, 1, 0, LEVEL_LD);         /* orphan L&D objective: a root after business */
    obj(p, 1, 2, 0, LEVEL_BUSINESS);
    obj(p, 2, 3, 2, LEVEL_LD);
    obj(p, 3, 4, 0, LEVEL_BUSINESS);
    obj(p, 4, 5, 3, LEVEL_TEAM);
    obj(p, 5, 6, 2, LEVEL_LD);
    plan_index(p);
    plan_row *rows;
    size_t n = plan_cascade(p, false, &rows);
    assert_int_equal(n, 6);
    lnd_id want[] = {2, 3, 5, 6, 4, 1};
    int depth[] = {0, 1, 2, 1, 0, 0};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(p->objs[rows[i].obj].id, want[i]);
        assert_int_equal(rows[i].depth, depth[i]);
    }
    plan_free(p);
}

static void archived_hidden_and_their_children_surface(void **st)
{
    (void)st;
    lnd_plan *p = mk(3, 0);
    obj(p, 0, 1, 0, LEVEL_BUSINESS);
    obj(p, 1, 2, 1, LEVEL_LD);
    obj(p, 2, 3, 2, LEVEL_TEAM);
    p->objs[1].archived = true;
    plan_index(p);
    plan_row *rows;
    size_t n = plan_cascade(p, false, &rows);
    assert_int_equal(n, 2);       /* O2 hidden; O3 still shown, at top level */
    assert_int_equal(p->objs[rows[1].obj].id, 3);
    assert_int_equal(rows[1].depth, 0);
    assert_int_equal(plan_cascade(p, true, &rows), 3);
    plan_free(p);
}

static void parent_loop_still_listed(void **st)
{
    (void)st;
    lnd_plan *p = mk(2, 0);
    obj(p, 0, 1, 2, LEVEL_LD);
    obj(p, 1, 2, 1, LEVEL_LD);
    plan_index(p);
    plan_row *rows;
    assert_int_equal(plan_cascade(p, false, &rows), 2);
    plan_free(p);
}

static void krs_grouped_and_found_by_id(void **st)
{
    (void)st;
    lnd_plan *p = mk(2, 3);
    obj(p, 0, 10, 0, LEVEL_BUSINESS);
    obj(p, 1, 20, 10, LEVEL_LD);
    p->krs[0] = (lnd_kr){.id = 9, .objective_id = 10};
    p->krs[1] = (lnd_kr){.id = 3, .objective_id = 20};
    p->krs[2] = (lnd_kr){.id = 7, .objective_id = 20};
    plan_index(p);
    size_t first;
    assert_int_equal(plan_krs_of(p, 1, &first), 2);
    assert_int_equal(first, 1);
    assert_int_equal(plan_krs_of(p, 0, &first), 1);
    assert_int_equal(plan_kr_index(p, 7), 2);
    assert_int_equal(plan_kr_index(p, 9), 0);
    assert_int_equal(plan_kr_index(p, 8), -1);
    assert_int_equal(plan_obj_index(p, 20), 1);
    assert_int_equal(plan_obj_index(p, 15), -1);
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(cascade_orders_business_first_children_beneath),
              cmocka_unit_test(archived_hidden_and_their_children_surface),
              cmocka_unit_test(parent_loop_still_listed), cmocka_unit_test(krs_grouped_and_found_by_id))
