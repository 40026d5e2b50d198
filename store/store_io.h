/* store/store_io.h — verbs for reviews, carry-forward, KPI history, export/import and
 * check-in de-duplication. Same rules as store.h: bound parameters, BEGIN IMMEDIATE, audit
 * rows in the same transaction, versions on editable rows. */
#ifndef LND_STORE_IO_H
#define LND_STORE_IO_H

#include "store.h"

/* ---- review (one row per objective; editable, versioned) ---- */
store_rc store_reviews(store *s, lnd_arena *a, lnd_id cycle_id, lnd_review **out, size_t *n);
/* r->version 0 = create; else the version the user started from (conflict if stale). */
store_rc store_set_review(store *s, lnd_review *r, const char *user);

/* Carry forward the objectives of `from` whose review says carry_forward into cycle `to`:
 * new objectives (carried_from set, parents mapped when the parent is carried too) with
 * their non-archived KRs, each KR's last value as the new baseline. Objectives already
 * carried into `to` are skipped. *created = objectives created. One transaction. */
store_rc store_carry_forward(store *s, lnd_id from, lnd_id to, const char *user, int *created);

/* ---- KPI history ---- */
store_rc store_kpi_history(store *s, lnd_arena *a, lnd_id kpi_id, lnd_checkin **out, size_t *n);

/* ---- check-ins from business systems ---- */
/* Does kr already have a check-in at this timestamp with this value? (re-import guard) */
store_rc store_checkin_exists(store *s, lnd_id kr_id, const char *at, double value, const char *cohort,
                              bool *exists);

/* ---- export / import ---- */
/* All check-ins of a cycle (every KR, archived included), oldest first. */
store_rc store_cycle_checkins(store *s, lnd_arena *a, lnd_id cycle_id, lnd_checkin **out, size_t *n);
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
