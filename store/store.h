/* SPDX-License-Identifier: MIT */
/* store/store.h — the only door to the database. Verbs are named for what a user does; the
 * rest of the program never sees SQL (store/ is the only place that includes <sqlite3.h>).
 * A second backend must be possible behind this header, so nothing here is SQLite-shaped.
 *
 * Rules every implementation keeps: WAL, busy_timeout and foreign keys on every connection;
 * every write in one BEGIN IMMEDIATE transaction (or inside store_tx_begin/commit); editable
 * rows carry a version and an update against a stale version is STORE_CONFLICT, never a
 * silent overwrite; check-ins are append-only; every change is written to the audit log in
 * the same transaction. On any error nothing is written and store_errmsg() says what and how
 * to fix it in one line. */
#ifndef LND_STORE_H
#define LND_STORE_H

#include <stddef.h>
#include "../core/arena.h"
#include "../core/cycle_pick.h"
#include "../core/model.h"
#include "../core/plan.h"
#include "../core/report.h"

typedef struct store store;

typedef enum {
    STORE_OK = 0,
    STORE_NOTFOUND,   /* no such row (unknown id or name) */
    STORE_CONFLICT,   /* the row changed since it was read (version mismatch) */
    STORE_BUSY,       /* locked by another user after busy_timeout: try again */
    STORE_INVALID,    /* a value breaks a rule (message says which) */
    STORE_READONLY,   /* database file or directory not writable */
    STORE_NEWER,      /* database schema newer than this binary: refused */
    STORE_NODB,       /* no database at that path (and create not asked) */
    STORE_LOCKED,     /* the cycle is closed: its check-ins are locked */
    STORE_IO,         /* anything else: disk, corruption, out of memory */
    STORE_DENIED,     /* permission denied: cannot read the database (message names the fix) */
} store_rc;

enum { STORE_OPEN_CREATE = 1, STORE_OPEN_READONLY = 2 };

/* Schema version this binary writes. */
int store_schema_version(void);

/* Open (and with STORE_OPEN_CREATE create and migrate) the database at path. On failure
 * *out is NULL and err holds one line. Migrates older schemas in order, each in one
 * transaction. A newer schema is STORE_NEWER ("database schema 7 is newer than this lnd
 * (5); upgrade lnd"), and nothing is written. */
store_rc store_open(const char *path, int flags, store **out, char *err, size_t errsz);
void store_close(store *s);                   /* NULL is fine */
/* True when the location names a database server (postgresql://…, postgres://…, libpq's
 * connection URIs) rather than an SQLite file: no file to stat, share, back up or repair. */
bool store_is_server(const char *where);
/* The operating-system account of whoever runs this process (read by the caller with
 * getpwuid(getuid())): written beside the display name on every audit row and check-in. */
void store_set_account(store *s, const char *account);
/* True when the database was opened read-only (asked for, or the file is not writable). */
bool store_readonly(const store *s);
const char *store_errmsg(const store *s);     /* last error, one line */
const char *store_rc_name(store_rc rc);
/* sysexits code for a store_rc: 65 invalid/notfound/newer/locked (EX_DATAERR), 75 conflict
 * (EX_TEMPFAIL: reload and retry), 66 nodb, 69 busy, 73 readonly, 74 io, 77 denied. */
int store_rc_exit(store_rc rc);

/* Share the database at path with a Unix group whatever the umask (sqlite_share.c), before
 * store_open creates it: the directory setgid, group-owned and group rwx; the database (an
 * empty file if missing) and any -wal/-shm group-owned and g+rw. group "group" means the
 * directory's own group. Files of other owners are checked, not changed (STORE_DENIED naming
 * the fix). */
store_rc store_share(const char *path, const char *group, char *err, size_t errsz);

/* `lnd backup`: an exact, consistent copy at dest (which must not exist) while others go on
 * writing: every commit before it started is in it. STORE_READONLY when dest exists or
 * cannot be written. */
store_rc store_backup(store *s, const char *dest);
/* `lnd doctor`: fn gets one line per problem (integrity, foreign keys, the latest-value cache,
 * missing audit rows, text that is not UTF-8). STORE_OK when healthy, STORE_INVALID when a
 * problem was reported, another code when the checks could not run. */
typedef void (*store_problem_fn)(void *ud, const char *line);
store_rc store_doctor(store *s, store_problem_fn fn, void *ud);

/* How long the next statements wait for another writer's lock: ms, or -1 for the configured
 * busy timeout. The dashboard saves with a short wait so it can say at once that it waits. */
void store_busy_wait(store *s, int ms);
/* The configured busy timeout in ms ($LND_BUSY_TIMEOUT_MS, default 5000). */
int store_busy_timeout(void);

/* Changes when any connection commits: poll to notice other users' writes. */
store_rc store_data_version(store *s, long long *out);

/* Group several writes into one transaction (bulk loads, demo data, imports). The verbs
 * below join an open transaction instead of starting their own. Rollback discards all. */
store_rc store_tx_begin(store *s);
store_rc store_tx_commit(store *s);
void store_tx_rollback(store *s);

/* ---- cycles ---- */
store_rc store_add_cycle(store *s, lnd_cycle *c, const char *user);      /* sets id, version */
store_rc store_cycles(store *s, lnd_arena *a, lnd_cycle **out, size_t *n); /* by start date */
/* name NULL: the current cycle — the active one whose dates contain today, else the newest
 * active, else the newest by start. */
store_rc store_find_cycle(store *s, lnd_arena *a, const char *name, lnd_cycle *out);
/* The cycle shown when none is named (store_cycle_pick.c; rule in core/cycle_pick.h):
 * CYCLE_FOR_NOW for status and the dashboard, CYCLE_FOR_REVIEW for review and report (the
 * cycle in review until it is closed). Today is date_today(). STORE_NOTFOUND: no cycles. */
store_rc store_default_cycle(store *s, lnd_arena *a, cycle_purpose why, lnd_cycle *out);
/* The cycle whose review is pending (state review), for the "review of 2026-Q4 pending" hint;
 * STORE_NOTFOUND when none is. */
store_rc store_review_pending(store *s, lnd_arena *a, lnd_cycle *out);
store_rc store_set_cycle_state(store *s, lnd_id id, lnd_cycle_state st, long version,
                               const char *user);

/* ---- the plan of one cycle ---- */
/* Objectives, KRs (with their latest check-in values) and programmes, archived included
 * (flagged). The plan owns its arena. */
store_rc store_load_plan(store *s, lnd_id cycle_id, lnd_plan **out);

/* ---- objectives ---- */
store_rc store_add_objective(store *s, lnd_objective *o, const char *user);  /* sets id, version */
store_rc store_get_objective(store *s, lnd_arena *a, lnd_id id, lnd_objective *out);
/* o->version is the version the user started from; on success o->version is the new one. */
store_rc store_update_objective(store *s, lnd_objective *o, const char *user);
store_rc store_archive_objective(store *s, lnd_id id, long version, const char *user);

/* ---- key results ---- */
store_rc store_add_kr(store *s, lnd_kr *k, const char *user);
store_rc store_get_kr(store *s, lnd_arena *a, lnd_id id, lnd_kr *out);
store_rc store_update_kr(store *s, lnd_kr *k, const char *user);
store_rc store_archive_kr(store *s, lnd_id id, long version, const char *user);

/* ---- check-ins (append-only) ---- */
/* c->at NULL or "" means now (date_now_stamp). Sets c->id. The rules live here, once:
 * observed/applied only on behaviour KRs (the value becomes the share applying); c->cohort
 * "" or a name the serving programme gives (sets c->comparison: comparison cohorts never set
 * the KR's current value); c->followup is set to the follow-up the check-in settles (30, 60,
 * 90 days after the serving programme ended; see core/window.h). STORE_LOCKED when the KR's
 * cycle is closed, unless it is a follow-up inside the KR's measurement window (the message
 * says when the window closed); STORE_NOTFOUND for an unknown or archived KR. */
store_rc store_add_checkin(store *s, lnd_checkin *c, const char *user);
/* The confidence of the KR's latest check-in that gave one (-1: none did). A check-in without
 * a confidence does not reset it, so a drop is always measured from the last one stated. */
store_rc store_last_confidence(store *s, lnd_id kr_id, int *out);
/* Follow-up offsets (increasing day counts, up to 3) and the measurement window in days
 * (0 = the last offset + 14) that store_add_checkin applies; defaults 30/60/90 and 0. */
void store_set_followups(store *s, const int *offsets, size_t n, int window_days);
/* Check-ins of a KR, newest first. */
store_rc store_checkins(store *s, lnd_arena *a, lnd_id kr_id, lnd_checkin **out, size_t *n);
/* Every KR's check-ins for `lnd report`, one query, one KR at a time (store_report.c):
 * cb(ud, k, h) for each p->krs[k] with check-ins, h newest first and valid only during the
 * call (note is not read: the report never prints it); false from cb stops. */
typedef bool (*store_history_cb)(void *ud, size_t k, const report_history *h);
store_rc store_report_each_history(store *s, const lnd_plan *p, store_history_cb cb, void *ud);

/* ---- programmes ---- */
store_rc store_add_programme(store *s, lnd_programme *p, const char *user);
store_rc store_get_programme(store *s, lnd_arena *a, lnd_id id, lnd_programme *out);
store_rc store_update_programme(store *s, lnd_programme *p, const char *user);
store_rc store_archive_programme(store *s, lnd_id id, long version, const char *user);
/* Start week of the earliest live programme serving the objective (linked to it or to an
 * ancestor); 0 when none does. */
store_rc store_serving_week(store *s, lnd_id objective_id, int *week);

/* ---- waivers: a health rule (H02, H03, H05) waived for one objective, with a reason ---- */
/* Adds or replaces; NOTFOUND for an unknown objective, INVALID for another rule or a blank
 * reason. Audited. */
store_rc store_set_waiver(store *s, lnd_id objective_id, const char *rule, const char *reason,
                          const char *user);
/* NOTFOUND when the objective has no such waiver. Audited. */
store_rc store_clear_waiver(store *s, lnd_id objective_id, const char *rule, const char *user);
/* For import: written back exactly (inside store_tx_begin). */
store_rc store_restore_waiver(store *s, const lnd_waiver *w);

/* ---- KPIs (steady state, apart from OKRs) ---- */
store_rc store_add_kpi(store *s, lnd_kpi *k, const char *user);
store_rc store_set_kpi_value(store *s, lnd_id id, double value, const char *user);
store_rc store_kpis(store *s, lnd_arena *a, lnd_kpi **out, size_t *n);

/* ---- restore (un-archive) and undo (store_unarchive.c, store_undo.c) ---- */
/* Bring an archived row back, against the version the user saw (stale: STORE_CONFLICT naming
 * who changed it). STORE_INVALID when it is not archived, or when what it hangs from (the
 * parent objective, the KR's or programme's objective) is archived: restore that first.
 * Audited (action "unarchive"). */
store_rc store_unarchive_objective(store *s, lnd_id id, long version, const char *user);
store_rc store_unarchive_kr(store *s, lnd_id id, long version, const char *user);
store_rc store_unarchive_programme(store *s, lnd_id id, long version, const char *user);

/* Your (this account's) last change to an objective, KR or programme that undo would revert. */
typedef struct {
    lnd_id audit_id;        /* the audit row of the change */
    const char *action;     /* add, edit, archive, unarchive */
    const char *entity;     /* objective, kr, programme */
    lnd_id entity_id;
    char label[32];         /* "O3", "K12", "P2" */
    const char *at;         /* when (UTC stamp) */
    const char *detail;     /* the audit detail of the change */
    const char *user;       /* the display name it was made under (--user) */
    const char *title;      /* the row's title now */
    long version;           /* the row's version (after store_undo: the new one) */
    char result[640];       /* store_undo_result's words */
} store_undo_info;
/* What undo would do, without doing it. STORE_NOTFOUND: nothing of yours to undo;
 * STORE_CONFLICT: someone changed that row since (message names who and when). */
store_rc store_undo_peek(store *s, lnd_arena *a, store_undo_info *out);
/* Revert it: an edit, archive or restore puts the row back exactly as it was; an add archives
 * the row. expect: the audit_id a peek returned (0: whatever is last now); if your last change
 * is another by now, STORE_CONFLICT. Audited (action "undo"); check-ins are never undone. */
store_rc store_undo(store *s, lnd_arena *a, lnd_id expect, const char *user, store_undo_info *out);
/* What undoing it does, in words: "archived" (an add), "restored", "archived again", or what
 * each edited field goes back to ("title back to 'Old'; owner back to 'sam'"). Not sanitised. */
const char *store_undo_result(const store_undo_info *u);

/* ---- audit ---- */
/* since NULL = all; newest first; limit 0 = no limit. */
store_rc store_audit(store *s, lnd_arena *a, const char *since, size_t limit,
                     lnd_audit **out, size_t *n);
/* Every audit row, newest first, streamed to cb (false stops; text valid only during the call). */
typedef bool (*store_audit_cb)(void *ud, const lnd_audit *row);
store_rc store_each_audit(store *s, store_audit_cb cb, void *ud);
/* The newest audit row's id (0 = none yet). */
store_rc store_audit_last(store *s, lnd_id *out);
/* What changed after audit row `after` (store_changed.c): the objectives whose KRs took a
 * check-in, each once, or `other` when any row was another kind of change (then only a full
 * reload is sure to be right); `last` is the newest row now, to pass next time. */
typedef struct {
    lnd_id last;
    lnd_id *objs;       /* in a */
    size_t nobjs;
    bool other;
    size_t rows;        /* audit rows read */
} store_changed;
store_rc store_changed_after(store *s, lnd_arena *a, lnd_id after, store_changed *out);
/* The latest audit entry for an entity: who changed it last (for conflict messages). */
store_rc store_last_change(store *s, lnd_arena *a, const char *entity, lnd_id id,
                           lnd_audit *out);
/* The latest edit of one field of an entity (field as the audit detail names it: "title",
 * "due week"), else the entity's first audit row (its creation). */
store_rc store_last_field_change(store *s, lnd_arena *a, const char *entity, lnd_id id, const char *field,
                                 lnd_audit *out);

#endif
