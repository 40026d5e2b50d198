/* SPDX-License-Identifier: MIT */
/* store/store_unarchive.c — bring an archived objective, key result or programme back (`lnd
 * objective|kr|programme restore ID`), against the version the user saw, audited. A row comes
 * back only under something live: an objective whose parent is archived, or a KR or programme
 * whose objective is archived, is refused with the id to restore first. Must not touch
 * anything but the one row and its audit row (store_restore.c is the import, not this). */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *table, *entity;
    char prefix;
    const char *get;     /* archived, version, the id it hangs from, that one's archived */
    const char *set;
    const char *up;      /* what it hangs from, for the message */
} unarchive_kind;

static const unarchive_kind kinds[] = {
    {"objective", "objective", 'O',
     "SELECT o.archived, o.version, o.parent_id, p.archived FROM objective o "
     "LEFT JOIN objective p ON p.id = o.parent_id WHERE o.id = ?",
     "UPDATE objective SET archived = 0, version = version + 1 WHERE id = ? AND version = ? AND archived = 1",
     "parent"},
    {"kr", "kr", 'K',
     "SELECT k.archived, k.version, k.objective_id, o.archived FROM kr k "
     "LEFT JOIN objective o ON o.id = k.objective_id WHERE k.id = ?",
     "UPDATE kr SET archived = 0, version = version + 1 WHERE id = ? AND version = ? AND archived = 1",
     "objective"},
    {"programme", "programme", 'P',
     "SELECT g.archived, g.version, g.objective_id, o.archived FROM programme g "
     "LEFT JOIN objective o ON o.id = g.objective_id WHERE g.id = ?",
     "UPDATE programme SET archived = 0, version = version + 1 WHERE id = ? AND version = ? AND archived = 1",
     "objective"},
};

static store_rc unarchive(store *s, const unarchive_kind *k, lnd_id id, long version, const char *user)
{
    char label[32];
    snprintf(label, sizeof label, "%c%lld", k->prefix, id);
    store_rc rc = st_wbegin(s);
    if (rc != STORE_OK) return rc;
    db_stmt *st = st_prep(s, k->get);
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, id);
    int r = db_step(st);
    bool archived = false, up_archived = false;
    long now = 0;
    lnd_id up = 0;
    if (r == DB_ROW) {
        archived = db_column_int(st, 0) != 0;
        now = (long)db_column_int64(st, 1);
        up = db_column_int64(st, 2);
        up_archived = db_column_int(st, 3) != 0;
    }
    db_reset(st);
    if (r == DB_DONE) rc = st_fail(s, STORE_NOTFOUND, "no %s %s", k->entity, label);
    else if (r != DB_ROW) rc = st_sqlfail(s, r, "reading the row to restore");
    else if (now != version) rc = st_conflict(s, k->table, k->entity, id, label, version);
    else if (!archived) rc = st_fail(s, STORE_INVALID, "%s is not archived; nothing to restore", label);
    else if (up && up_archived)
        rc = st_fail(s, STORE_INVALID, "%s's %s O%lld is archived; restore O%lld first",
                     label, k->up, up, up);
    if (rc != STORE_OK) return st_wend(s, rc);
    st = st_prep(s, k->set);
    if (!st) return st_wend(s, STORE_IO);
    db_bind_int64(st, 1, id);
    db_bind_int64(st, 2, version);
    r = st_step_done(s, st);
    if (r != DB_DONE) rc = st_sqlfail(s, r, "restoring");
    else if (db_changes(s->db) == 0) rc = st_conflict(s, k->table, k->entity, id, label, version);
    if (rc == STORE_OK) {
        char detail[64];
        snprintf(detail, sizeof detail, "%s restored (un-archived)", label);
        rc = st_audit(s, user, "unarchive", k->entity, id, detail);
    }
    return st_wend(s, rc);
}

store_rc store_unarchive_objective(store *s, lnd_id id, long version, const char *user)
{
    return unarchive(s, &kinds[0], id, version, user);
}

store_rc store_unarchive_kr(store *s, lnd_id id, long version, const char *user)
{
    return unarchive(s, &kinds[1], id, version, user);
}

store_rc store_unarchive_programme(store *s, lnd_id id, long version, const char *user)
{
    return unarchive(s, &kinds[2], id, version, user);
}
