/* SPDX-License-Identifier: MIT */
/* store/sqlite_care.c — care of an SQLite database file: `lnd backup` (one consistent snapshot with
 * VACUUM INTO, written beside the target and renamed into place, so a reader never sees half a
 * backup) and `lnd doctor` (SQLite's integrity and foreign-key checks plus lnd's own
 * invariants: the latest-value cache on each KR, an audit row for every check-in and every
 * added row, valid UTF-8 in every text column). Reads only; the backup writes a new file. */
#include "sqlite_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

store_rc st_sqlite_backup(store *s, const char *dest)
{
    struct stat sb;
    if (stat(dest, &sb) == 0)
        return st_fail(s, STORE_READONLY, "%s already exists; give a new file name (a backup never "
                       "overwrites)", dest);
    size_t n = strlen(dest) + 16;
    char *tmp = malloc(n);
    if (!tmp) return st_fail(s, STORE_IO, "out of memory");
    snprintf(tmp, n, "%s.tmp%ld", dest, (long)getpid());
    unlink(tmp);
    /* VACUUM INTO reads in one transaction: a snapshot of every commit before it started,
     * while other connections go on writing (WAL). */
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(SQ(s), "VACUUM INTO ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        sqlite3_finalize(st);
    }
    store_rc r = STORE_OK;
    if (rc != SQLITE_OK) {
        r = (rc & 0xff) == SQLITE_CANTOPEN
                ? st_fail(s, STORE_READONLY, "cannot write %s; check the directory exists and is writable", dest)
                : st_sqlite_fail(s, rc, "writing the backup");
    } else if (link(tmp, dest) != 0) {       /* never replaces a file that appeared meanwhile */
        r = errno == EEXIST ? st_fail(s, STORE_READONLY, "%s already exists; give a new file name", dest)
                            : st_fail(s, STORE_IO, "cannot write %s: %s", dest, strerror(errno));
    }
    unlink(tmp);
    free(tmp);
    return r;
}

typedef struct {
    store_problem_fn fn;
    void *ud;
    size_t n;
} doc;

static void problem(doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(doc *d, const char *fmt, ...)
{
    char line[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    d->n++;
    d->fn(d->ud, line);
}

/* Each row of sql is a problem: "<pre><column 0><post>". */
static int each_row(store *s, doc *d, const char *sql, const char *pre, const char *post)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(SQ(s), sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        problem(d, "%s%s%s", pre, t ? t : "", post);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void text_problem(void *ud, const char *table, const char *col, long long rowid, size_t off)
{
    problem(ud, "UTF-8: %s row %lld: %s is not valid UTF-8 at byte %zu (written outside lnd?); restore a "
            "backup or correct it with sqlite3", table, rowid, col, off);
}

/* The checks of `lnd doctor`: each row a query returns is a problem, "<pre><column 0><post>". */
static const struct {
    const char *sql, *pre, *post;
} checks[] = {
    /* integrity_check's own rows are "ok" or the damage, one per line */
    {"SELECT i, 0 FROM (SELECT integrity_check AS i FROM pragma_integrity_check) WHERE i <> 'ok'",
     "integrity: ", " (restore the last backup)"},
    {"SELECT \"table\" || ' row ' || rowid || ' points to a missing ' || parent, 0 FROM pragma_foreign_key_check",
     "foreign key: ", ""},
    /* the latest-value cache on each KR (kept by the checkin_latest trigger) */
    {"SELECT 'K' || k.id, k.id FROM kr k LEFT JOIN checkin c ON c.id = ("
     " SELECT id FROM checkin WHERE kr_id = k.id ORDER BY at DESC, id DESC LIMIT 1) "
     "WHERE k.ncheckins <> (SELECT count(*) FROM checkin WHERE kr_id = k.id)"
     " OR k.last_checkin IS NOT c.id OR k.cur_value IS NOT c.value OR k.last_at IS NOT c.at"
     " OR (c.id IS NOT NULL AND k.cur_confidence IS NOT c.confidence) ORDER BY k.id",
     "latest value: ", "'s cached current value does not match its latest check-in; restore the last backup"},
    /* one audit row per change */
    {"SELECT 'check-in ' || c.id || ' (K' || c.kr_id || ')', c.id FROM checkin c WHERE NOT EXISTS ("
     " SELECT 1 FROM audit a WHERE a.entity = 'checkin' AND a.entity_id = c.id) ORDER BY c.id",
     "audit: ", " has no audit row (written outside lnd?)"},
    {"SELECT t.kind || ' ' || t.id, t.id FROM ("
     " SELECT 'objective' AS kind, id FROM objective UNION ALL SELECT 'kr', id FROM kr"
     " UNION ALL SELECT 'programme', id FROM programme UNION ALL SELECT 'cycle', id FROM cycle) t "
     "WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = t.kind AND a.entity_id = t.id)"
     " AND EXISTS (SELECT 1 FROM audit) ORDER BY t.kind, t.id",
     "audit: ", " has no audit row for its creation (written outside lnd?)"},
};

store_rc st_sqlite_doctor(store *s, store_problem_fn fn, void *ud)
{
    doc d = {fn, ud, 0};
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < sizeof checks / sizeof checks[0]; i++)
        rc = each_row(s, &d, checks[i].sql, checks[i].pre, checks[i].post);
    if (rc != SQLITE_OK) return st_sqlite_fail(s, rc, "checking the database");
    store_rc r = store_scan_text(s, text_problem, &d);
    if (r != STORE_OK) return r;
    return d.n ? STORE_INVALID : STORE_OK;
}
