/* SPDX-License-Identifier: MIT */
/* store/store_review.c — end-of-cycle reviews (one versioned row per objective: score,
 * what worked, what did not, what carries forward, a learning objective's finding). One
 * transaction each; audit rows for every change. Carrying forward: store_carry.c. */
#include "store_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "store_io.h"

static void review_row(lnd_arena *a, db_stmt *st, lnd_review *r)
{
    r->objective_id = db_column_int64(st, 0);
    r->has_score = db_column_type(st, 1) != DB_T_NULL;
    r->score = r->has_score ? db_column_double(st, 1) : 0;
    r->worked = st_col_str(a, st, 2);
    r->didnt = st_col_str(a, st, 3);
    r->carry = st_col_str(a, st, 4);
    r->carry_forward = db_column_int(st, 5) != 0;
    r->version = (long)db_column_int64(st, 6);
    r->updated_by = st_col_str(a, st, 7);
    r->updated_at = st_col_str(a, st, 8);
    r->finding = st_col_str(a, st, 9);
}

static void review_row_v(lnd_arena *a, db_stmt *st, void *row) { review_row(a, st, row); }

store_rc store_reviews(store *s, lnd_arena *a, lnd_id cycle_id, lnd_review **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT r.objective_id, r.score, r.worked, r.didnt, r.carry, r.carry_forward, "
                                  "r.version, r.updated_by, r.updated_at, r.finding FROM review r "
                                  "JOIN objective o ON o.id = r.objective_id WHERE o.cycle_id = ? "
                                  "ORDER BY r.objective_id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    return st_rows(s, a, st, sizeof **out, review_row_v, (void **)out, n, "reading reviews");
}

static store_rc review_conflict(store *s, lnd_id oid, long now, long had)
{
    lnd_arena *a = arena_new();
    lnd_audit last;
    char who[300];
    if (store_last_change(s, a, "review", oid, &last) == STORE_OK)
        st_fail(s, STORE_CONFLICT, "the review of O%lld was changed by %s at %s (version %ld, you had %ld); "
                "reload and reapply", oid, model_who(last.user, last.account, who, sizeof who), st_local(last.at), now, had);
    else
        st_fail(s, STORE_CONFLICT, "the review of O%lld was changed by someone else (version %ld, you had %ld); "
                "reload and reapply", oid, now, had);
    arena_free(a);
    return STORE_CONFLICT;
}

void st_review_bind(db_stmt *st, const lnd_review *r, const char *by, const char *at, long version)
{
    db_bind_int64(st, 1, r->objective_id);
    st_bind_opt_double(st, 2, r->has_score, r->score);
    st_bind_text(st, 3, r->worked);
    st_bind_text(st, 4, r->didnt);
    st_bind_text(st, 5, r->carry);
    db_bind_int(st, 6, r->carry_forward);
    st_bind_text(st, 7, by);
    st_bind_text(st, 8, at);
    db_bind_int64(st, 9, version);
    st_bind_text(st, 10, r->finding);
}

store_rc store_set_review(store *s, lnd_review *r, const char *user)
{
    if (r->has_score && (!isfinite(r->score) || r->score < 0 || r->score > 1))
        return st_fail(s, STORE_INVALID, "review score must be from 0.0 to 1.0");
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    lnd_arena *a = arena_new();
    lnd_objective o;
    rc = store_get_objective(s, a, r->objective_id, &o);
    db_stmt *st = NULL;
    long cur = 0;
    if (rc == STORE_OK && !(st = st_prep(s, "SELECT version FROM review WHERE objective_id = ?"))) rc = STORE_IO;
    if (rc == STORE_OK) {
        db_bind_int64(st, 1, r->objective_id);
        int x = db_step(st);
        if (x == DB_ROW) cur = (long)db_column_int64(st, 0);
        db_reset(st);
        if (x != DB_ROW && x != DB_DONE) rc = st_sqlfail(s, x, "reading a review");
        else if (cur != r->version) rc = review_conflict(s, r->objective_id, cur, r->version);
    }
    char now[32];
    date_now_stamp(now, sizeof now);
    if (rc == STORE_OK) {
        st = st_prep(s, "INSERT INTO review(objective_id, score, worked, didnt, carry, carry_forward, version, "
                        "updated_by, updated_at, finding) VALUES (?1,?2,?3,?4,?5,?6,1,?7,?8,?10) "
                        "ON CONFLICT(objective_id) DO UPDATE SET score=?2, worked=?3, didnt=?4, carry=?5, "
                        "carry_forward=?6, version = review.version + 1, updated_by=?7, updated_at=?8, finding=?10 "
                        "WHERE review.version = ?9");
        if (!st) rc = STORE_IO;
        else {
            st_review_bind(st, r, st_blank(user) ? "unknown" : user, now, r->version);
            int x = st_step_done(s, st);
            if (x != DB_DONE) rc = st_sqlfail(s, x, "saving the review");
            else if (db_changes(s->db) == 0) rc = review_conflict(s, r->objective_id, cur, r->version);
        }
    }
    if (rc == STORE_OK) {
        char detail[256], sc[32] = "no score";
        if (r->has_score) snprintf(sc, sizeof sc, "score %.2f", r->score);
        snprintf(detail, sizeof detail, "O%lld reviewed: %s%s", r->objective_id, sc,
                 r->carry_forward ? ", carries forward" : "");
        rc = st_audit(s, user, r->version ? "edit" : "add", "review", r->objective_id, detail);
    }
    arena_free(a);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) r->version = cur + 1;
    return rc;
}
