/* SPDX-License-Identifier: MIT */
/* store/store_hook.h — what a committed transaction changed, for the user's hooks (cli/hooks.c):
 * a callback after each successful commit of a write transaction that wrote audit rows, with
 * the range of audit ids it wrote, and a reader for those rows (check-ins with their values).
 * Nothing here runs programs; that is cli/'s job. */
#ifndef LND_STORE_HOOK_H
#define LND_STORE_HOOK_H

#include "store.h"

/* Called after COMMIT succeeded (never after a rollback), once per transaction, with the
 * first and last audit id it wrote. NULL fn removes it. */
typedef void (*store_commit_fn)(void *ud, store *s, lnd_id first, lnd_id last);
void store_on_commit(store *s, store_commit_fn fn, void *ud);

/* One change: its audit row and, for a check-in, the check-in itself. */
typedef struct {
    lnd_audit audit;
    bool is_checkin;
    lnd_checkin checkin;
} store_change;

/* The changes with audit ids first..last, oldest first, at most limit of them (0 = all);
 * *total is how many there are in the range. */
store_rc store_changes(store *s, lnd_arena *a, lnd_id first, lnd_id last, size_t limit,
                       store_change **out, size_t *n, size_t *total);

#endif
