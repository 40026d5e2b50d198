/* SPDX-License-Identifier: MIT */
/* store/store_checkin.c — check-ins: append-only (triggers refuse UPDATE and DELETE, and any
 * insert on a KR of a closed cycle that is not a follow-up). Adding one validates the values,
 * refuses unknown or archived KRs, applies the rules of store_followup.c (cohorts, follow-up
 * marks, windows, closed cycles) and writes an audit row; the KR's current value follows from
 * the trigger in the schema (latest counting check-in by date, then id). Also
 * the check-in readers used by the dashboard, export and re-import guards. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "store_io.h"
#include "../core/progress.h"

#define CHECKIN_COLS STF_COLS(FIELDS_CHECKIN)

static void checkin_row(lnd_arena *a, db_stmt *st, lnd_checkin *r)
{
    st_strs strs = {.a = a}, *ss = &strs;
    int c = 0;
    r->id = db_column_int64(st, c++);
    FIELDS_CHECKIN(STF_READ)
}

static void checkin_row_v(lnd_arena *a, db_stmt *st, void *row) { checkin_row(a, st, row); }

static store_rc checkin_list(store *s, lnd_arena *a, db_stmt *st, lnd_checkin **out, size_t *n)
{
    return st_rows(s, a, st, sizeof **out, checkin_row_v, (void **)out, n, "reading check-ins");
}

/* Can a check-in go on this KR? NOTFOUND for unknown/archived, INVALID for a behaviour
 * observation on a KR that does not measure behaviour. (Closed cycles: st_checkin_rules.) */
static store_rc checkin_target(store *s, const lnd_checkin *c, bool *has_cur, double *cur)
{
    lnd_id kr_id = c->kr_id;
    db_stmt *st = st_prep(s, "SELECT kr.archived, kr.cur_value, kr.evidence FROM kr WHERE kr.id = ?");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id);
    int rc = db_step(st);
    bool archived = false;
    char ev[32] = "";
    if (rc == DB_ROW) {
        archived = db_column_int(st, 0) != 0;
        *has_cur = db_column_type(st, 1) != DB_T_NULL;
        *cur = db_column_double(st, 1);
        snprintf(ev, sizeof ev, "%s", db_column_text(st, 2));
    }
    db_reset(st);
    if (rc == DB_DONE) return st_fail(s, STORE_NOTFOUND, "no key result K%lld", kr_id);
    if (rc != DB_ROW) return st_sqlfail(s, rc, "checking the key result");
    if (archived)
        return st_fail(s, STORE_NOTFOUND, "key result K%lld is archived; check in on a current key result", kr_id);
    if (c->observed >= 0 && strcmp(ev, "behaviour") != 0)
        return st_fail(s, STORE_INVALID, "K%lld measures %s, not behaviour", kr_id, ev);   /* advice: cli/advice.c */
    return STORE_OK;
}

ST_INSERT_ROW(st_checkin_insert, lnd_checkin, "checkin", FIELDS_CHECKIN)

store_rc store_add_checkin(store *s, lnd_checkin *c, const char *user)
{
    char at[32];
    if (!st_stamp(c->at, at))
        return st_fail(s, STORE_INVALID, "check-in time '%s' is not valid; use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS",
                       c->at);
    store_rc rc = st_valid_checkin(s, c);
    if (rc != STORE_OK) return rc;
    if (c->observed >= 0) progress_behaviour_value(c->observed, c->applied, &c->value);   /* the share applying */
    if ((rc = st_wbegin(s)) != STORE_OK) return rc;
    bool has_cur = false;
    double cur = 0;
    if ((rc = checkin_target(s, c, &has_cur, &cur)) != STORE_OK) return st_wend(s, rc);
    if ((rc = st_checkin_rules(s, c, at)) != STORE_OK) return st_wend(s, rc);
    lnd_checkin row = *c;
    row.id = 0;
    row.author = (char *)(st_blank(c->author) ? (st_blank(user) ? "unknown" : user) : c->author);
    row.account = s->account;
    row.at = (char *)at;
    if ((rc = st_checkin_insert(s, &row, "adding a check-in")) != STORE_OK) return st_wend(s, rc);
    lnd_id id = s->last_id;
    char detail[256], was[64] = "-", now[64];
    if (has_cur) model_fmt_num(cur, was, sizeof was);
    model_fmt_num(c->value, now, sizeof now);
    int n = snprintf(detail, sizeof detail, "K%lld: %s \xe2\x86\x92 %s at %s UTC", c->kr_id, was, now, at);
    if (c->confidence >= 0 && n > 0 && (size_t)n < sizeof detail)
        n += snprintf(detail + n, sizeof detail - (size_t)n, ", confidence %d", c->confidence);
    if (c->observed > 0 && n > 0 && (size_t)n < sizeof detail)
        n += snprintf(detail + n, sizeof detail - (size_t)n, ", %d of %d applying", c->applied, c->observed);
    if (!st_blank(c->cohort) && n > 0 && (size_t)n < sizeof detail)
        n += snprintf(detail + n, sizeof detail - (size_t)n, ", cohort %.64s", c->cohort);
    if (c->followup > 0 && n > 0 && (size_t)n < sizeof detail)
        snprintf(detail + n, sizeof detail - (size_t)n, ", follow-up +%d d", c->followup);
    rc = st_wend(s, st_audit(s, user, "checkin", "checkin", id, detail));
    if (rc == STORE_OK) c->id = id;
    return rc;
}

store_rc store_checkins(store *s, lnd_arena *a, lnd_id kr_id, lnd_checkin **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT " CHECKIN_COLS " FROM checkin WHERE kr_id = ? ORDER BY at DESC, id DESC");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id);
    store_rc rc = checkin_list(s, a, st, out, n);
    if (rc == STORE_OK && *n == 0) {
        lnd_kr k;
        rc = store_get_kr(s, a, kr_id, &k);
    }
    return rc;
}

store_rc store_cycle_checkins(store *s, lnd_arena *a, lnd_id cycle_id, lnd_checkin **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_stmt *st = st_prep(s, "SELECT " CHECKIN_COLS " FROM checkin WHERE kr_id IN (SELECT kr.id FROM kr "
                                  "JOIN objective o ON o.id = kr.objective_id WHERE o.cycle_id = ?) ORDER BY at, id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, cycle_id);
    return checkin_list(s, a, st, out, n);
}

typedef struct { store_checkin_cb cb; void *ud; } checkin_each;
static bool checkin_each_v(void *ud, const void *row)
{
    const checkin_each *e = ud;
    return e->cb(e->ud, row);
}

store_rc store_each_checkin(store *s, lnd_id cycle_id, lnd_id kr_id, store_checkin_cb cb, void *ud)
{
    db_stmt *st = kr_id ? st_prep(s, "SELECT " CHECKIN_COLS " FROM checkin WHERE kr_id = ? ORDER BY at, id")
                             : st_prep(s, "SELECT " CHECKIN_COLS " FROM checkin WHERE kr_id IN (SELECT kr.id FROM kr "
                                          "JOIN objective o ON o.id = kr.objective_id WHERE o.cycle_id = ?) "
                                          "ORDER BY at, id");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id ? kr_id : cycle_id);
    checkin_each e = {cb, ud};
    /* a whole cycle's rows are sorted by time: let that sort spill to a temporary file, not
     * memory (temp_store=MEMORY made export's memory grow with the check-ins) */
    if (!kr_id) st_sqlite_exec(s, "PRAGMA temp_store=FILE");
    store_rc rc = st_each(s, st, checkin_row_v, checkin_each_v, &e, "reading check-ins");
    if (!kr_id) st_sqlite_exec(s, "PRAGMA temp_store=MEMORY");
    return rc;
}

store_rc store_checkin_exists(store *s, lnd_id kr_id, const char *at, double value, const char *cohort,
                              bool *exists)
{
    char stamp[32];
    *exists = false;
    if (!st_stamp(at, stamp))
        return st_fail(s, STORE_INVALID, "check-in time '%s' is not valid; use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS", at);
    db_stmt *st = st_prep(s, "SELECT 1 FROM checkin WHERE kr_id = ? AND at = ? AND value = ? AND trim(cohort) = trim(?) LIMIT 1");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id);
    st_bind_text(st, 2, stamp);
    db_bind_double(st, 3, value);
    st_bind_text(st, 4, cohort);
    int rc = db_step(st);
    db_reset(st);
    if (rc != DB_ROW && rc != DB_DONE) return st_sqlfail(s, rc, "looking for a check-in");
    *exists = rc == DB_ROW;
    return STORE_OK;
}

store_rc store_last_confidence(store *s, lnd_id kr_id, int *out)
{
    *out = -1;
    db_stmt *st = st_prep(s, "SELECT confidence FROM checkin WHERE kr_id = ? AND confidence >= 0 "
                                  "ORDER BY at DESC, id DESC LIMIT 1");
    if (!st) return STORE_IO;
    db_bind_int64(st, 1, kr_id);
    int rc = db_step(st);
    if (rc == DB_ROW) *out = db_column_int(st, 0);
    db_reset(st);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : st_sqlfail(s, rc, "reading the last confidence");
}
