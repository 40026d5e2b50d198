/* SPDX-License-Identifier: MIT */
/* tests/unit/test_planfile.c — core/planfile.c: header columns, row values, parents by title
 * and id, rows already in the cycle, creation order (parents first) and parent loops. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_main.h"

#include <stdio.h>
#include <string.h>

#include "../../core/planfile.h"

static char errs[2048];
static void on_err(void *ud, long line, const char *msg)
{
    (void)ud;
    size_t n = strlen(errs);
    snprintf(errs + n, sizeof errs - n, "%ld: %s\n", line, msg);
}

static pf_header hdr(const char *cols)
{
    static char buf[256];
    static char *f[32];
    snprintf(buf, sizeof buf, "%s", cols);
    int n = 0;
    for (char *t = strtok(buf, ","); t && n < 32; t = strtok(NULL, ",")) f[n++] = t;
    pf_header h;
    errs[0] = '\0';
    assert_true(pf_parse_header(&h, f, n, 1, on_err, NULL));
    return h;
}

static bool row(const pf_header *h, char **f, int n, long line, pf_row *out)
{
    bool blank;
    return pf_parse_row(h, f, n, line, "me", 7, out, &blank, on_err, NULL) && !blank;
}

static void test_header_names_are_forgiving(void **st)
{
    (void)st;
    pf_header h = hdr("\xef\xbb\xbfKind,Title,Business owner,Due-Week,Co-owner,objective");
    assert_int_equal(h.at[PF_KIND], 0);
    assert_int_equal(h.at[PF_BOWNER], 2);
    assert_int_equal(h.at[PF_DUE], 3);
    assert_int_equal(h.at[PF_COOWNER], 4);
    assert_int_equal(h.at[PF_PARENT], 5);
    char *f[] = {"kind", "colour"};
    pf_header h2;
    errs[0] = '\0';
    assert_false(pf_parse_header(&h2, f, 2, 1, on_err, NULL));
    assert_non_null(strstr(errs, "1: unknown column 'colour'"));
}

static void test_kr_row_values(void **st)
{
    (void)st;
    pf_header h = hdr("kind,title,parent,baseline,target,evidence,indicator,due_week");
    char *f[] = {"kr", "Defects per shift", "O3", "12", "4", "results", "lagging", "9"};
    pf_row r;
    assert_true(row(&h, f, 8, 5, &r));
    assert_true(r.is_kr);
    assert_true(r.k.has_baseline);
    assert_true(r.k.target == 4);
    assert_int_equal(r.k.direction, DIR_DECREASE);   /* target below baseline */
    assert_int_equal(r.k.evidence, EV_RESULTS);
    assert_int_equal(r.k.indicator, IND_LAGGING);
    assert_int_equal(r.k.due_week, 9);
    assert_string_equal(r.k.owner, "me");
    char *g[] = {"kr", "x", "O3", "", "1,5", "", "sideways", "x"};
    errs[0] = '\0';
    assert_false(row(&h, g, 8, 6, &r));
    assert_non_null(strstr(errs, "6: target '1,5' must be a number"));
    assert_non_null(strstr(errs, "6: evidence is required"));
    assert_non_null(strstr(errs, "6: indicator 'sideways' must be leading or lagging"));
    assert_non_null(strstr(errs, "6: due_week 'x'"));
}

static void test_blank_rows_are_skipped(void **st)
{
    (void)st;
    pf_header h = hdr("kind,title");
    char *f[] = {" ", ""};
    pf_row r;
    bool blank;
    assert_true(pf_parse_row(&h, f, 2, 3, "me", 7, &r, &blank, on_err, NULL));
    assert_true(blank);
}

/* a cycle with one objective (O4 "Existing") and its KR K9 "Kept" */
static lnd_plan *cycle(void)
{
    lnd_plan *p = plan_new();
    p->cycle = (lnd_cycle){.id = 1, .name = "2027-Q1", .weeks = 13};
    p->objs = arena_alloc(p->arena, sizeof *p->objs);
    p->objs[0] = (lnd_objective){.id = 4, .cycle_id = 1, .title = "Existing"};
    p->nobjs = 1;
    p->krs = arena_alloc(p->arena, sizeof *p->krs);
    p->krs[0] = (lnd_kr){.id = 9, .objective_id = 4, .title = "Kept"};
    p->nkrs = 1;
    return p;
}

static void test_resolve_parents_order_and_present(void **st)
{
    (void)st;
    pf_header h = hdr("kind,title,parent,target,evidence,indicator");
    char *rowsf[][6] = {
        {"kr", "New KR", "Child", "1", "activity", "leading"},  /* parent defined further down */
        {"objective", "Child", "Top", "", "", ""},
        {"objective", "Top", "", "", "", ""},
        {"kr", "Kept", "Existing", "1", "activity", "leading"},  /* already there: skipped */
        {"objective", "Existing", "", "", "", ""},               /* already there: skipped */
        {"kr", "By id", "O4", "2", "results", "lagging"},
    };
    pf_row r[6];
    for (int i = 0; i < 6; i++) assert_true(row(&h, rowsf[i], 6, i + 2, &r[i]));
    lnd_plan *p = cycle();
    size_t order[6];
    errs[0] = '\0';
    assert_int_equal(pf_resolve(r, 6, p, order, on_err, NULL), 0);
    assert_int_equal(r[0].parent_row, 1);
    assert_int_equal(r[1].parent_row, 2);
    assert_int_equal(r[3].present, 9);
    assert_int_equal(r[3].parent_id, 4);
    assert_int_equal(r[4].present, 4);
    assert_int_equal(r[5].parent_id, 4);
    /* objectives first, parents before children */
    size_t pos[6];
    for (size_t i = 0; i < 6; i++) pos[order[i]] = i;
    assert_true(pos[2] < pos[1]);
    assert_true(pos[1] < pos[0]);
    assert_int_equal(r[1].o.level, LEVEL_LD);
    assert_int_equal(r[2].o.level, LEVEL_BUSINESS);
    plan_free(p);
}

static void test_resolve_refuses_loops_and_unknown_parents(void **st)
{
    (void)st;
    pf_header h = hdr("kind,title,parent");
    char *rowsf[][3] = {{"objective", "A", "B"}, {"objective", "B", "A"}, {"objective", "C", "O77"},
                        {"objective", "D", "Nowhere"}};
    pf_row r[4];
    for (int i = 0; i < 4; i++) assert_true(row(&h, rowsf[i], 3, i + 2, &r[i]));
    lnd_plan *p = cycle();
    size_t order[4];
    errs[0] = '\0';
    assert_int_equal(pf_resolve(r, 4, p, order, on_err, NULL), 2);
    assert_non_null(strstr(errs, "4: parent O77 is not an objective of cycle 2027-Q1"));
    assert_non_null(strstr(errs, "5: parent 'Nowhere' is no objective"));
    errs[0] = '\0';
    assert_int_equal(pf_resolve(r, 2, p, order, on_err, NULL), 2);
    assert_non_null(strstr(errs, "2: objective 'A' is part of a parent loop"));
    plan_free(p);
}

LND_TEST_MAIN(cmocka_unit_test(test_header_names_are_forgiving), cmocka_unit_test(test_kr_row_values),
              cmocka_unit_test(test_blank_rows_are_skipped),
              cmocka_unit_test(test_resolve_parents_order_and_present),
              cmocka_unit_test(test_resolve_refuses_loops_and_unknown_parents))
