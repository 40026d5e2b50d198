/* SPDX-License-Identifier: MIT */
/* store/store_io.h — verbs for reviews, carry-forward, KPI history, export/import and
 * check-in de-duplication. Same rules as store.h: bound parameters, BEGIN IMMEDIATE, audit
 * rows in the same transaction, versions on editable rows. */
#ifndef LND_STORE_IO_H
#define LND_STORE_IO_H

#include "store.h"
#include "../core/carry.h"

/* ---- review (one row per objective; editable, versioned) ---- */
store_rc store_reviews(store *s, lnd_arena *a, lnd_id cycle_id, lnd_review **out, size_t *n);
/* r->version 0 = create; else the version the user started from (conflict if stale). */
store_rc store_set_review(store *s, lnd_review *r, const char *user);

/* Carry forward the objectives of `from` whose review says carry_forward into cycle `to`,
 * as core/carry.c chooses (opts NULL = defaults): new objectives (carried_from set, under a
 * carried parent or the one named) with their non-archived KRs not yet done (all with
 * opts->done_krs), each KR's last value as the new baseline. Objectives already carried
 * into `to` are not copied again. *out (in arena a): each objective chosen, old id -> new
 * id, created or found. STORE_INVALID when an objective would lose its parent. One
 * transaction. */
typedef struct {
    lnd_id from, to;
    bool created;         /* false: it was carried before */
    bool marked;          /* its review asked for it (false: carried as a parent) */
} store_carried;
store_rc store_carry_forward(store *s, lnd_id from, lnd_id to, const carry_opts *opts, const char *user,
                             lnd_arena *a, store_carried **out, size_t *n);
/* Where the carried objectives of a cycle came from (their source's cycle, score, carry). */
store_rc store_carry_origins(store *s, lnd_arena *a, lnd_id cycle_id, carry_origin **out, size_t *n);

/* ---- KPI history ---- */
store_rc store_kpi_history(store *s, lnd_arena *a, lnd_id kpi_id, lnd_checkin **out, size_t *n);

/* ---- check-ins from business systems ---- */
/* Does kr already have a check-in at this timestamp with this value? (re-import guard) */
store_rc store_checkin_exists(store *s, lnd_id kr_id, const char *at, double value, const char *cohort,
                              bool *exists);

/* ---- export / import ---- */
/* All check-ins of a cycle (every KR, archived included), oldest first. */
store_rc store_cycle_checkins(store *s, lnd_arena *a, lnd_id cycle_id, lnd_checkin **out, size_t *n);
/* The same rows streamed one at a time to cb (false stops; the row's text is valid only during
 * the call), in memory that does not grow: kr_id 0 = every KR of the cycle, oldest first;
 * else only that KR's, oldest first. */
typedef bool (*store_checkin_cb)(void *ud, const lnd_checkin *c);
store_rc store_each_checkin(store *s, lnd_id cycle_id, lnd_id kr_id, store_checkin_cb cb, void *ud);
/* A cycle's rows one at a time in the plan's order (store_each.c), for exports whose memory
 * must not grow with the plan; each row valid only during the call; false from cb stops.
 * Each KR comes with its objective's title. */
typedef bool (*store_objective_cb)(void *ud, const lnd_objective *o);
typedef bool (*store_kr_cb)(void *ud, const lnd_kr *k, const char *objective_title);
typedef bool (*store_programme_cb)(void *ud, const lnd_programme *p);
typedef bool (*store_waiver_cb)(void *ud, const lnd_waiver *w);
store_rc store_each_objective(store *s, lnd_id cycle_id, store_objective_cb cb, void *ud);
store_rc store_each_kr(store *s, lnd_id cycle_id, store_kr_cb cb, void *ud);
store_rc store_each_programme(store *s, lnd_id cycle_id, store_programme_cb cb, void *ud);
store_rc store_each_waiver(store *s, lnd_id cycle_id, store_waiver_cb cb, void *ud);
/* True when the database holds no cycles, objectives, KPIs or audit rows. */
store_rc store_is_empty(store *s, bool *empty);
/* Restore rows exactly as exported (ids, versions, timestamps, authors). Only inside
 * store_tx_begin/commit on an empty database; no audit rows are added. */
store_rc store_restore_cycle(store *s, const lnd_cycle *c);
store_rc store_restore_objective(store *s, const lnd_objective *o);
store_rc store_restore_kr(store *s, const lnd_kr *k);
store_rc store_restore_checkin(store *s, const lnd_checkin *c);
store_rc store_restore_programme(store *s, const lnd_programme *p);
store_rc store_restore_kpi(store *s, const lnd_kpi *k);
store_rc store_restore_kpi_value(store *s, lnd_id kpi_id, const char *at, double value, const char *author);
store_rc store_restore_review(store *s, lnd_id cycle_id, const lnd_review *r);
store_rc store_restore_audit(store *s, const lnd_audit *a);

#endif
