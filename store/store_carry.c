/* SPDX-License-Identifier: MIT */
/* store/store_carry.c — carrying reviewed objectives forward into the next cycle (what goes
 * and under which parent is decided by core/carry.c) with their KRs, each KR's last value
 * becoming the new baseline; and reading where a cycle's carried objectives came from. One
 * transaction; an audit row for every objective created. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "store_io.h"

/* Create the KRs of objective `from_obj` on `to_obj`, last value as the new baseline; KRs
 * already done stay behind unless done_krs. */
static store_rc carry_krs(store *s, const lnd_plan *p, size_t oi, lnd_id to_obj, int weeks, bool done_krs,
                          const char *user)
{
    size_t first, n = plan_krs_of(p, oi, &first);
    store_rc rc = STORE_OK;
    for (size_t i = first; i < first + n && rc == STORE_OK; i++) {
        lnd_kr k = p->krs[i];
        if (k.archived || (carry_kr_done(&k) && !done_krs)) continue;
        lnd_id old = k.id;
        k.id = 0;
        k.objective_id = to_obj;
        k.carried_from = old;
        if (k.has_current) {
            k.baseline = k.current;
            k.has_baseline = true;
            /* a target already reached carries as "hold at least this"; the facilitator sets
             * the new stretch (health rule H11 points it out) */
            bool reached = k.direction == DIR_DECREASE ? k.baseline <= k.target : k.baseline >= k.target;
            if (reached) k.target = k.baseline;
        }
        k.has_current = false;
        if (k.due_week > weeks) k.due_week = 0;
        rc = store_add_kr(s, &k, user);
    }
    return rc;
}

/* Objectives of cycle `to` carried from somewhere: (carried_from, id) pairs. */
static store_rc carried_before(store *s, lnd_arena *a, lnd_id to, lnd_id **from, lnd_id **id, size_t *n)
{
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT carried_from, id FROM objective WHERE cycle_id = ? AND "
                                  "carried_from IS NOT NULL ORDER BY id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, to);
    size_t cap = 0;
    *from = *id = NULL;
    int x;
    while ((x = db_step(st)) == DB_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            lnd_id *nf = arena_alloc(a, ncap * sizeof *nf), *ni = arena_alloc(a, ncap * sizeof *ni);
            if (cap) {
                memcpy(nf, *from, cap * sizeof *nf);
                memcpy(ni, *id, cap * sizeof *ni);
            }
            *from = nf;
            *id = ni;
            cap = ncap;
        }
        (*from)[*n] = db_column_int64(st, 0);
        (*id)[(*n)++] = db_column_int64(st, 1);
    }
    db_reset(st);
    return x == DB_DONE ? STORE_OK : st_sqlfail(s, x, "reading carried objectives");
}

static lnd_id copy_of(const lnd_id *from, const lnd_id *id, size_t n, lnd_id old)
{
    for (size_t i = 0; i < n; i++)
        if (from[i] == old) return id[i];
    return 0;
}

store_rc store_carry_forward(store *s, lnd_id from, lnd_id to, const carry_opts *opts, const char *user,
                             lnd_arena *out_arena, store_carried **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (from == to) return st_fail(s, STORE_INVALID, "carry forward needs another cycle to carry into");
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    lnd_arena *a = arena_new();
    lnd_cycle cf, ct;
    lnd_plan *p = NULL;
    lnd_review *rv = NULL;
    size_t nrv = 0, nb = 0;
    lnd_id *bfrom = NULL, *bid = NULL;
    rc = st_get_cycle(s, a, from, &cf);
    if (rc == STORE_OK) rc = st_get_cycle(s, a, to, &ct);
    if (rc == STORE_OK && ct.state == CYCLE_CLOSED)
        rc = st_fail(s, STORE_LOCKED, "cycle %s is closed; carry forward into an open cycle", ct.name);
    if (rc == STORE_OK) rc = store_load_plan(s, from, &p);
    if (rc == STORE_OK) rc = store_reviews(s, a, from, &rv, &nrv);
    if (rc == STORE_OK) rc = carried_before(s, a, to, &bfrom, &bid, &nb);
    carry_opts o = opts ? *opts : (carry_opts){0};
    o.before = bfrom;
    o.nbefore = nb;
    carry_pick *picks = NULL;
    long np = 0;
    if (rc == STORE_OK) {
        picks = arena_alloc(a, (p->nobjs + 1) * sizeof *picks);
        char err[512];
        np = carry_choose(p, rv, nrv, &o, picks, err, sizeof err);
        if (np < 0) rc = st_fail(s, STORE_INVALID, "%s", err);
    }
    store_carried *res = np > 0 ? arena_alloc(out_arena, (size_t)np * sizeof *res) : NULL;
    for (long i = 0; i < np && rc == STORE_OK; i++) {
        const lnd_objective *src = &p->objs[picks[i].obj];
        res[i].from = src->id;
        res[i].marked = picks[i].marked;
        lnd_id had = copy_of(bfrom, bid, nb, src->id);
        if (had) {                            /* already carried: nothing new */
            res[i].to = had;
            continue;
        }
        lnd_objective ob = *src;
        ob.id = 0;
        ob.cycle_id = to;
        ob.carried_from = src->id;
        ob.parent_id = picks[i].parent_pick >= 0 ? res[picks[i].parent_pick].to
                       : picks[i].new_parent   ? picks[i].new_parent
                       : picks[i].parent_before ? copy_of(bfrom, bid, nb, picks[i].parent_before)
                                                : 0;
        rc = store_add_objective(s, &ob, user);
        if (rc != STORE_OK) break;
        res[i].to = ob.id;
        res[i].created = true;
        char detail[256];
        snprintf(detail, sizeof detail, "O%lld carried forward from O%lld (%.100s) into %.100s", ob.id, src->id,
                 cf.name, ct.name);
        rc = st_audit(s, user, "carry", "objective", ob.id, detail);
        if (rc == STORE_OK) rc = carry_krs(s, p, picks[i].obj, ob.id, ct.weeks, o.done_krs, user);
    }
    plan_free(p);
    arena_free(a);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) {
        *out = res;
        *nout = (size_t)np;
    }
    return rc;
}

static void origin_row(lnd_arena *a, db_stmt *st, void *row)
{
    carry_origin *c = row;
    c->objective_id = db_column_int64(st, 0);
    c->from = db_column_int64(st, 1);
    c->cycle = st_col_str(a, st, 2);
    c->has_score = db_column_type(st, 3) != DB_T_NULL;
    c->score = c->has_score ? db_column_double(st, 3) : 0;
    c->carry = st_col_str(a, st, 4);
    c->finding = st_col_str(a, st, 5);
}

store_rc store_carry_origins(store *s, lnd_arena *a, lnd_id cycle_id, carry_origin **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT o.id, o.carried_from, c.name, r.score, r.carry, r.finding "
                                  "FROM objective o JOIN objective f ON f.id = o.carried_from "
                                  "JOIN cycle c ON c.id = f.cycle_id LEFT JOIN review r ON r.objective_id = f.id "
                                  "WHERE o.cycle_id = ? ORDER BY o.id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    return st_rows(s, a, st, sizeof **out, origin_row, (void **)out, n, "reading where carried objectives came from");
}
