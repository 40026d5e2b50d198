/* SPDX-License-Identifier: MIT */
/* store/store_plan.c — store_load_plan: one cycle's objectives, KRs (with their latest
 * check-in, kept on the KR row by a trigger) and programmes, read in one read transaction
 * with a few plain SELECTs, in the order plan.h documents, strings packed into the plan's
 * arena. Must stay fast: `lnd status` on 10,000 objectives and 40,000 KRs loads through
 * here (budget: the whole command in 150 ms and 40 MB). Read-only.
 *
 * KRs are placed straight into their objective's slot (counts first, from the kr_objective
 * index), so no sort is needed. When the cycle holds most of the database, one sequential
 * scan of the kr table beats probing the index objective by objective. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "../core/plan.h"

static store_rc one_int(store *s, const char *sql, lnd_id cycle_id, long long *n)
{
    db_stmt *st = st_prep(s, sql);
    if (!st) return STORE_IO;
    if (strchr(sql, '?') != NULL) db_bind_int64(st, 1, cycle_id);
    int rc = db_step(st);
    *n = rc == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    return rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "loading the plan");
}

static store_rc load_objectives(store *s, st_strs *ss, lnd_plan *p, size_t cap)
{
    db_stmt *st = st_prep(s, "SELECT " ST_OBJ_COLS " FROM objective WHERE cycle_id = ? ORDER BY id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, p->cycle.id);
    int rc;
    while ((rc = db_step(st)) == DB_ROW && p->nobjs < cap) st_objective_row(ss, st, &p->objs[p->nobjs++]);
    db_reset(st);
    return rc == DB_DONE || rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "loading objectives");
}

/* KRs per objective (slot starts), then the rows into their slots. */
static store_rc load_krs(store *s, st_strs *ss, lnd_plan *p, bool scan)
{
    size_t n = p->nobjs;
    size_t *start = calloc(n + 1, sizeof *start), *cnt = calloc(n + 1, sizeof *cnt);
    size_t *fill = calloc(n + 1, sizeof *fill);
    if (!start || !cnt || !fill) {
        free(start);
        free(cnt);
        free(fill);
        return st_fail(s, STORE_IO, "out of memory loading the plan");
    }
    store_rc ret = STORE_OK;
    bool lite = db_dialect(s->db) == DB_SQLITE;   /* INDEXED BY is SQLite's */
    db_stmt *st = scan ? (lite ? st_prep(s, "SELECT objective_id, count(*) FROM kr INDEXED BY kr_objective "
                                            "GROUP BY objective_id")
                               : st_prep(s, "SELECT objective_id, count(*) FROM kr GROUP BY objective_id"))
                            : st_prep(s, "SELECT objective_id, count(*) FROM kr WHERE objective_id IN "
                                         "(SELECT id FROM objective WHERE cycle_id = ?) GROUP BY objective_id");
    int rc = DB_DONE;
    if (!st) ret = STORE_IO;
    else {
        if (!scan) db_bind_int64(st, 1, p->cycle.id);
        while ((rc = db_step(st)) == DB_ROW) {
            long oi = plan_obj_index(p, db_column_int64(st, 0));
            if (oi >= 0) cnt[oi] = (size_t)db_column_int64(st, 1);
        }
        db_reset(st);
        if (rc != DB_DONE) ret = st_sqlfail(s, rc, "loading key results");
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        start[i] = total;
        total += cnt[i];
    }
    p->krs = arena_alloc(p->arena, (total + 1) * sizeof *p->krs);
    if (ret == STORE_OK) {
        st = scan ? st_prep(s, "SELECT " ST_KR_COLS " FROM kr ORDER BY id")   /* SQLite: its rowid order */
                  : st_prep(s, "SELECT " ST_KR_COLS " FROM kr WHERE objective_id IN "
                               "(SELECT id FROM objective WHERE cycle_id = ?) ORDER BY objective_id, id");
        if (!st) ret = STORE_IO;
    }
    if (ret == STORE_OK) {
        if (!scan) db_bind_int64(st, 1, p->cycle.id);
        lnd_id last_obj = 0;
        long oi = -1;
        while ((rc = db_step(st)) == DB_ROW) {
            lnd_id obj = db_column_int64(st, 1);
            if (obj != last_obj || oi < 0) {
                oi = plan_obj_index(p, obj);
                last_obj = obj;
            }
            if (oi < 0 || fill[oi] >= cnt[oi]) continue;   /* another cycle's KR */
            st_kr_row(ss, st, &p->krs[start[oi] + fill[oi]++]);
        }
        db_reset(st);
        if (rc != DB_DONE) ret = st_sqlfail(s, rc, "loading key results");
        /* Keep the arrays dense even if counts and rows disagreed. */
        size_t w = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < fill[i]; j++) {
                if (w != start[i] + j) p->krs[w] = p->krs[start[i] + j];
                w++;
            }
        p->nkrs = w;
    }
    free(start);
    free(cnt);
    free(fill);
    return ret;
}

static store_rc load_programmes(store *s, st_strs *ss, lnd_plan *p)
{
    long long np = 0;
    store_rc rc = one_int(s, "SELECT count(*) FROM programme WHERE cycle_id = ?", p->cycle.id, &np);
    if (rc != STORE_OK) return rc;
    p->progs = arena_alloc(p->arena, ((size_t)np + 1) * sizeof *p->progs);
    db_stmt *st = st_prep(s, "SELECT " ST_PROG_COLS " FROM programme WHERE cycle_id = ? ORDER BY id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, p->cycle.id);
    int r;
    while ((r = db_step(st)) == DB_ROW && p->nprogs < (size_t)np)
        st_programme_row(ss, st, &p->progs[p->nprogs++]);
    db_reset(st);
    return r == DB_DONE || r == DB_ROW ? STORE_OK : st_sqlfail(s, r, "loading programmes");
}

store_rc store_load_plan(store *s, lnd_id cycle_id, lnd_plan **out)
{
    *out = NULL;
    bool own_tx = !db_in_transaction(s->db);
    if (own_tx) {
        /* a read snapshot (deferred, never writes): the SELECTs below see one state */
        int r = st_exec(s, "BEGIN");
        if (r != DB_OK) return st_sqlfail(s, r, "loading the plan");
    }
    lnd_plan *p = plan_new();
    st_strs ss;
    st_strs_pack(&ss, p->arena);
    store_rc rc = st_get_cycle(s, p->arena, cycle_id, &p->cycle);
    long long no = 0, maxid = 0;
    if (rc == STORE_OK) rc = one_int(s, "SELECT count(*) FROM objective WHERE cycle_id = ?", cycle_id, &no);
    if (rc == STORE_OK) rc = one_int(s, "SELECT max(id) FROM objective", 0, &maxid);
    if (rc == STORE_OK) {
        p->objs = arena_alloc(p->arena, ((size_t)no + 1) * sizeof *p->objs);
        rc = load_objectives(s, &ss, p, (size_t)no);
    }
    /* This cycle holds a third or more of all objectives: scan KRs in one pass. */
    if (rc == STORE_OK) rc = load_krs(s, &ss, p, no > 0 && no * 3 >= maxid);
    if (rc == STORE_OK) rc = load_programmes(s, &ss, p);
    if (rc == STORE_OK) rc = st_load_waivers(s, &ss, p);
    st_strs_done(&ss);
    if (own_tx) st_exec(s, rc == STORE_OK ? "COMMIT" : "ROLLBACK");
    if (rc != STORE_OK) {
        plan_free(p);
        return rc;
    }
    plan_index(p);
    *out = p;
    return STORE_OK;
}
