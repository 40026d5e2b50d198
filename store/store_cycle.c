/* SPDX-License-Identifier: MIT */
/* store/store_cycle.c — cycles: add (unique name, valid start, 1..53 weeks), list by start,
 * find the current one (store_default_cycle: the rule is core/cycle_pick.c), and
 * state changes (planning → active → review → closed) against the version the user saw. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "../core/dates.h"

#define CYCLE_COLS "id, name, start, weeks, state, version"

static void cycle_row(lnd_arena *a, db_stmt *st, lnd_cycle *c)
{
    c->id = db_column_int64(st, 0);
    c->name = st_col_str(a, st, 1);
    c->start = st_col_str(a, st, 2);
    c->weeks = db_column_int(st, 3);
    int stt = model_cycle_state_parse(db_column_text(st, 4));
    c->state = stt < 0 ? CYCLE_PLANNING : (lnd_cycle_state)stt;
    c->version = (long)db_column_int64(st, 5);
}

static void cycle_row_v(lnd_arena *a, db_stmt *st, void *row) { cycle_row(a, st, row); }

static store_rc valid_cycle(store *s, const lnd_cycle *c)
{
    lnd_day d;
    if (st_blank(c->name)) return st_fail(s, STORE_INVALID, "cycle name is empty; give one, e.g. 2027-Q1");
    if (!c->start || !date_parse(c->start, &d))
        return st_fail(s, STORE_INVALID, "cycle %s: start '%s' is not a date; use YYYY-MM-DD", c->name,
                       c->start ? c->start : "");
    if (c->weeks < 1 || c->weeks > 53)
        return st_fail(s, STORE_INVALID, "cycle %s: weeks %d is out of range; use 1 to 53 (a quarter is 13)",
                       c->name, c->weeks);
    if ((unsigned)c->state >= CYCLE_STATE_N)
        return st_fail(s, STORE_INVALID, "cycle %s: unknown state %d; use planning, active, review or closed",
                       c->name, (int)c->state);
    return STORE_OK;
}

store_rc store_add_cycle(store *s, lnd_cycle *c, const char *user)
{
    store_rc rc = valid_cycle(s, c);
    if (rc != STORE_OK) return rc;
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "SELECT 1 FROM cycle WHERE name = ?");
    if (!st) return st_wend(s, STORE_IO);
    st_bind_text(st, 1, c->name);
    int r = db_step(st);
    db_reset(st);
    if (r == DB_ROW)
        return st_wend(s, st_fail(s, STORE_INVALID, "a cycle named %s already exists; choose another name", c->name));
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "adding a cycle"));
    st = st_prep(s, "INSERT INTO cycle(name, start, weeks, state) VALUES (?, ?, ?, ?) RETURNING id");
    if (!st) return st_wend(s, STORE_IO);
    st_bind_text(st, 1, c->name);
    st_bind_text(st, 2, c->start);
    db_bind_int(st, 3, c->weeks);
    st_bind_text(st, 4, model_cycle_state_name(c->state));
    r = st_step_id(s, st);
    if (r != DB_DONE) return st_wend(s, st_sqlfail(s, r, "adding a cycle"));
    lnd_id id = s->last_id;
    char detail[512];
    snprintf(detail, sizeof detail, "cycle %.200s: starts %s, %d weeks, %s", c->name, c->start, c->weeks,
             model_cycle_state_name(c->state));
    rc = st_audit(s, user, "add", "cycle", id, detail);
    rc = st_wend(s, rc);
    if (rc == STORE_OK) {
        c->id = id;
        c->version = 1;
    }
    return rc;
}

static store_rc cycle_list(store *s, lnd_arena *a, db_stmt *st, lnd_cycle **out, size_t *n)
{
    return st_rows(s, a, st, sizeof **out, cycle_row_v, (void **)out, n, "reading cycles");
}

store_rc store_cycles(store *s, lnd_arena *a, lnd_cycle **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT " CYCLE_COLS " FROM cycle ORDER BY start, id");
    if (!st) return STORE_IO;
    return cycle_list(s, a, st, out, n);
}

store_rc st_get_cycle(store *s, lnd_arena *a, lnd_id id, lnd_cycle *out)
{
    db_stmt *st = st_prep(s, "SELECT " CYCLE_COLS " FROM cycle WHERE id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, id);
    int rc = db_step(st);
    if (rc == DB_ROW) cycle_row(a, st, out);
    db_reset(st);
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no cycle with id %lld", id);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading a cycle");
    return STORE_OK;
}

store_rc store_find_cycle(store *s, lnd_arena *a, const char *name, lnd_cycle *out)
{
    if (!name) return store_default_cycle(s, a, CYCLE_FOR_NOW, out);   /* the one rule: core/cycle_pick.c */
    db_stmt *st = st_prep(s, "SELECT " CYCLE_COLS " FROM cycle WHERE name = ?");
    if (!st) return STORE_IO;
    st_bind_text(st, 1, name);
    int rc = db_step(st);
    if (rc == DB_ROW) cycle_row(a, st, out);
    db_reset(st);
    if (rc == DB_DONE) {
        if (name) return st_fail(s, STORE_NOTFOUND, "no cycle named %s", name);
        return st_fail(s, STORE_NOTFOUND, "no cycles yet");
    }
    if (rc != DB_ROW) return st_sqlfail(s, rc, "reading cycles");
    return STORE_OK;
}

store_rc store_set_cycle_state(store *s, lnd_id id, lnd_cycle_state stt, long version, const char *user)
{
    if ((unsigned)stt >= CYCLE_STATE_N)
        return st_fail(s, STORE_INVALID, "unknown cycle state %d; use planning, active, review or closed", (int)stt);
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    lnd_arena *a = arena_new();
    lnd_cycle old;
    rc = st_get_cycle(s, a, id, &old);
    char label[256];
    snprintf(label, sizeof label, "cycle %.200s", rc == STORE_OK ? old.name : "?");
    if (rc == STORE_OK && old.version != version) rc = st_conflict(s, "cycle", "cycle", id, label, version);
    /* states only move forward: a closed cycle's check-ins stay locked */
    if (rc == STORE_OK && stt <= old.state)
        rc = st_fail(s, STORE_INVALID, "%s is already %s; states only move forward: planning, active, review, closed",
                     label, model_cycle_state_name(old.state));
    if (rc == STORE_OK) {
        db_stmt *st = st_prep(s, "UPDATE cycle SET state = ?, version = version + 1 WHERE id = ? AND version = ?");
        if (!st) rc = STORE_IO;
        else {
            st_bind_text(st, 1, model_cycle_state_name(stt));
            db_bind_int64(st, 2, id);
            db_bind_int64(st, 3, version);
            int r = st_step_done(s, st);
            if (r != DB_DONE) rc = st_sqlfail(s, r, "changing the cycle state");
            else if (db_changes(s->db) == 0) rc = st_conflict(s, "cycle", "cycle", id, label, version);
        }
    }
    if (rc == STORE_OK) {
        st_diff d = {0};
        st_diff_raw(&d, "state", model_cycle_state_name(old.state), model_cycle_state_name(stt));
        rc = st_audit(s, user, "state", "cycle", id, d.len ? d.buf : "state unchanged");
    }
    arena_free(a);
    return st_wend(s, rc);
}
