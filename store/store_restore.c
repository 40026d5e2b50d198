/* SPDX-License-Identifier: MIT */
/* store/store_restore.c — import of a JSON export: rows written back exactly as exported
 * (ids, versions, timestamps, authors), only inside store_tx_begin/commit on an empty
 * database, with no audit rows added (the exported audit log is restored as it was).
 * Foreign keys are checked at commit, so rows may arrive in any order (SQLite's
 * defer_foreign_keys, PostgreSQL's SET CONSTRAINTS ALL DEFERRED); on PostgreSQL each identity
 * sequence then continues after the largest id restored (store_tx_commit). A closed cycle is
 * restored as 'review' and closed at commit, so its check-ins can be restored first (the
 * closed-cycle trigger would refuse them). */
#include "store_int.h"

#include "../core/cohort.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_io.h"

store_rc store_is_empty(store *s, bool *empty)
{
    db_stmt *st = st_prep(s, "SELECT EXISTS (SELECT 1 FROM cycle) OR EXISTS (SELECT 1 FROM objective) "
                                  "OR EXISTS (SELECT 1 FROM kpi) OR EXISTS (SELECT 1 FROM audit)");
    if (!st) return STORE_IO;
    int rc = db_step(st);
    *empty = rc == DB_ROW && db_column_int(st, 0) == 0;
    db_reset(st);
    return rc == DB_ROW ? STORE_OK : st_sqlfail(s, rc, "checking the database is empty");
}

static store_rc restoring(store *s, const char *what)
{
    if (!s->in_tx) return st_fail(s, STORE_INVALID, "restoring %s needs an open transaction (store_tx_begin)", what);
    if (s->restoring) return STORE_OK;   /* said once per transaction */
    int rc = db_dialect(s->db) == DB_SQLITE ? st_sqlite_exec(s, "PRAGMA defer_foreign_keys = ON")
                                            : st_exec(s, "SET CONSTRAINTS ALL DEFERRED");
    if (rc != DB_OK) return st_sqlfail(s, rc, "restoring");
    s->restoring = true;
    return STORE_OK;
}

static store_rc run(store *s, db_stmt *st, const char *what)
{
    int rc = st_step_done(s, st);
    return rc == DB_DONE ? STORE_OK : st_sqlfail(s, rc, what);
}

store_rc store_restore_cycle(store *s, const lnd_cycle *c)
{
    store_rc rc = restoring(s, "a cycle");
    if (rc != STORE_OK) return rc;
    lnd_cycle v = *c;
    v.state = c->state == CYCLE_CLOSED ? CYCLE_REVIEW : c->state;
    if ((unsigned)c->state >= CYCLE_STATE_N) return st_fail(s, STORE_INVALID, "cycle %s: unknown state", c->name);
    db_stmt *st = st_prep(s, "INSERT INTO cycle(id, name, start, weeks, state, version) VALUES (?,?,?,?,?,?)");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, c->id);
    st_bind_text(st, 2, c->name);
    st_bind_text(st, 3, c->start);
    db_bind_int(st, 4, c->weeks);
    st_bind_text(st, 5, model_cycle_state_name(v.state));
    db_bind_int64(st, 6, c->version);
    if ((rc = run(s, st, "restoring a cycle")) != STORE_OK) return rc;
    if (c->state == CYCLE_CLOSED) {
        if (s->npending == s->cap_pending) {
            size_t ncap = s->cap_pending ? s->cap_pending * 2 : 8;
            lnd_id *np = realloc(s->pending_close, ncap * sizeof *np);
            if (!np) return st_fail(s, STORE_IO, "out of memory restoring cycles");
            s->pending_close = np;
            s->cap_pending = ncap;
        }
        s->pending_close[s->npending++] = c->id;
    }
    return STORE_OK;
}

store_rc store_restore_objective(store *s, const lnd_objective *o)
{
    store_rc rc = restoring(s, "an objective");
    if (rc != STORE_OK) return rc;
    if ((unsigned)o->level >= LEVEL_N || (unsigned)o->type >= OTYPE_N)
        return st_fail(s, STORE_INVALID, "objective O%lld: unknown level or type", o->id);
    return st_obj_insert(s, o, "restoring an objective");
}

store_rc store_restore_kr(store *s, const lnd_kr *k)
{
    store_rc rc = restoring(s, "a key result");
    if (rc != STORE_OK) return rc;
    if ((unsigned)k->direction >= DIR_N || (unsigned)k->evidence >= EV_N || (unsigned)k->indicator >= IND_N)
        return st_fail(s, STORE_INVALID, "key result K%lld: unknown direction, evidence or indicator", k->id);
    if (!isfinite(k->target) || (k->has_baseline && !isfinite(k->baseline)))
        return st_fail(s, STORE_INVALID, "key result K%lld: baseline and target must be finite numbers", k->id);
    return st_kr_insert(s, k, "restoring a key result");
}

store_rc store_restore_checkin(store *s, const lnd_checkin *c)
{
    store_rc rc = restoring(s, "a check-in");
    if (rc != STORE_OK) return rc;
    char at[32];
    if (st_blank(c->at) || !st_stamp(c->at, at))
        return st_fail(s, STORE_INVALID, "check-in %lld: time '%s' is not YYYY-MM-DDTHH:MM:SSZ", c->id,
                       c->at ? c->at : "");
    if ((rc = st_valid_checkin(s, c)) != STORE_OK) return rc;
    if (c->followup < 0) return st_fail(s, STORE_INVALID, "check-in %lld: followup must be 0 or a day count", c->id);
    lnd_checkin row = *c;
    row.at = at;
    return st_checkin_insert(s, &row, "restoring a check-in");
}

store_rc store_restore_programme(store *s, const lnd_programme *p)
{
    store_rc rc = restoring(s, "a programme");
    if (rc != STORE_OK) return rc;
    return st_prog_insert(s, p, "restoring a programme");
}

store_rc store_restore_kpi(store *s, const lnd_kpi *k)
{
    store_rc rc = restoring(s, "a KPI");
    if (rc != STORE_OK) return rc;
    if ((rc = st_valid_kpi(s, k)) != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "INSERT INTO kpi(id, name, unit, min, max, archived, version) "
                                  "VALUES (?,?,?,?,?,?,?)");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, k->id);
    st_bind_text(st, 2, k->name);
    st_bind_text(st, 3, k->unit);
    st_bind_opt_double(st, 4, k->has_min, k->min);
    st_bind_opt_double(st, 5, k->has_max, k->max);
    db_bind_int(st, 6, k->archived);
    db_bind_int64(st, 7, k->version);
    return run(s, st, "restoring a KPI");
}

store_rc store_restore_kpi_value(store *s, lnd_id kpi_id, const char *at, double value, const char *author)
{
    store_rc rc = restoring(s, "a KPI value");
    if (rc != STORE_OK) return rc;
    char stamp[32];
    if (st_blank(at) || !st_stamp(at, stamp))
        return st_fail(s, STORE_INVALID, "KPI %lld value: time '%s' is not YYYY-MM-DDTHH:MM:SSZ", kpi_id,
                       at ? at : "");
    if (!isfinite(value)) return st_fail(s, STORE_INVALID, "KPI %lld value must be a finite number", kpi_id);
    db_stmt *st = st_prep(s, "INSERT INTO kpi_value(kpi_id, at, value, author) VALUES (?,?,?,?)");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kpi_id);
    st_bind_text(st, 2, stamp);
    db_bind_double(st, 3, value);
    st_bind_text(st, 4, author);
    if ((rc = run(s, st, "restoring a KPI value")) != STORE_OK) return rc;
    st = st_prep(s, "UPDATE kpi SET value = ?1, updated_at = ?2 WHERE id = ?3 AND "
                    "(updated_at IS NULL OR updated_at <= ?2)");
    if (!st) return STORE_IO;
    db_bind_double(st, 1, value);
    st_bind_text(st, 2, stamp);
    db_bind_int64(st, 3, kpi_id);
    return run(s, st, "restoring a KPI value");
}

store_rc store_restore_review(store *s, lnd_id cycle_id, const lnd_review *r)
{
    store_rc rc = restoring(s, "a review");
    if (rc != STORE_OK) return rc;
    if (r->has_score && (!isfinite(r->score) || r->score < 0 || r->score > 1))
        return st_fail(s, STORE_INVALID, "review of O%lld: score must be from 0.0 to 1.0", r->objective_id);
    db_stmt *st = st_prep(s, "SELECT cycle_id FROM objective WHERE id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, r->objective_id);
    int x = db_step(st);
    lnd_id cyc = x == DB_ROW ? db_column_int64(st, 0) : 0;
    db_reset(st);
    if (x != DB_ROW && x != DB_DONE) return st_sqlfail(s, x, "restoring a review");
    if (cyc != cycle_id)
        return st_fail(s, STORE_INVALID, "review of O%lld: no such objective in this cycle", r->objective_id);
    st = st_prep(s, "INSERT INTO review(objective_id, score, worked, didnt, carry, carry_forward, version, "
                    "updated_by, updated_at, finding) VALUES (?1,?2,?3,?4,?5,?6,?9,?7,?8,?10)");
    if (!st) return STORE_IO;
    char upd[32];
    bool stamped = !st_blank(r->updated_at) && st_stamp(r->updated_at, upd);
    st_review_bind(st, r, r->updated_by, stamped ? upd : r->updated_at, r->version > 0 ? r->version : 1);
    return run(s, st, "restoring a review");
}

store_rc store_restore_waiver(store *s, const lnd_waiver *w)
{
    store_rc rc = restoring(s, "a waiver");
    if (rc == STORE_OK) rc = st_valid_waiver(s, w->rule, w->reason);
    if (rc != STORE_OK) return rc;
    char at[32] = "";
    if (!st_blank(w->at) && !st_stamp(w->at, at))
        return st_fail(s, STORE_INVALID, "waiver of O%lld: 'at' is not a timestamp", w->objective_id);
    db_stmt *st = st_prep(s, "INSERT INTO waiver(objective_id, rule, reason, author, at) VALUES (?,?,?,?,?)");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, w->objective_id);
    st_bind_text(st, 2, w->rule);
    st_bind_text(st, 3, w->reason);
    st_bind_text(st, 4, w->author);
    st_bind_text(st, 5, at);
    return run(s, st, "restoring a waiver");
}

store_rc store_restore_audit(store *s, const lnd_audit *a)
{
    store_rc rc = restoring(s, "an audit entry");
    if (rc != STORE_OK) return rc;
    db_stmt *st = st_prep(s, "INSERT INTO audit(id, at, author, action, entity, entity_id, detail, account) "
                                  "VALUES (?,?,?,?,?,?,?,?)");
    if (!st) return STORE_IO;
    if (a->id) db_bind_int64(st, 1, a->id);
    else db_bind_null(st, 1);
    char at[32];
    if (!st_blank(a->at) && st_stamp(a->at, at)) st_bind_text(st, 2, at);
    else st_bind_text(st, 2, a->at);
    st_bind_text(st, 3, a->user);
    st_bind_text(st, 4, a->action);
    st_bind_text(st, 5, a->entity);
    db_bind_int64(st, 6, a->entity_id);
    st_bind_text(st, 7, a->detail);
    st_bind_text(st, 8, a->account);
    return run(s, st, "restoring the audit log");
}
