/* SPDX-License-Identifier: MIT */
/* store/sqlite_repair.c — text that is not UTF-8: the v4 migration that re-encodes bytes an
 * older lnd stored raw (a Latin-1 terminal, a pasted note, $USER) as Latin-1 -> UTF-8 in every
 * text column of every table, check-ins and audit included, with one audit row per repaired
 * field; and the scan `lnd doctor` runs. Tables and columns come from the schema itself, so
 * columns added later are covered. Runs inside the migration's transaction; never commits. */
#include "sqlite_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/utf8.h"

typedef struct { long long rowid; char *col, *fixed; } fix;

/* "name" quoted as an SQL identifier (names come from sqlite_master, not from users). */
static void ident(char *out, size_t n, const char *name)
{
    size_t o = 0;
    if (n < 3) return;
    out[o++] = '"';
    for (; *name && o + 3 < n; name++) {
        if (*name == '"') out[o++] = '"';
        out[o++] = *name;
    }
    out[o++] = '"';
    out[o] = '\0';
}

typedef int (*text_fn)(void *ud, const char *table, const char *col, long long rowid,
                       const char *text, int len);

/* Call fn for every text value that is not valid UTF-8, in every user table. */
static int each_bad_text(sqlite3 *db, text_fn fn, void *ud)
{
    sqlite3_stmt *tabs;
    int rc = sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                    "LIKE 'sqlite_%' ORDER BY name", -1, &tabs, NULL);
    if (rc != SQLITE_OK) return rc;
    while (rc == SQLITE_OK && sqlite3_step(tabs) == SQLITE_ROW) {
        char table[128], tq[300], sql[1400];
        snprintf(table, sizeof table, "%s", (const char *)sqlite3_column_text(tabs, 0));
        ident(tq, sizeof tq, table);
        snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info(%s)", "?1");
        sqlite3_stmt *cols;
        if ((rc = sqlite3_prepare_v2(db, sql, -1, &cols, NULL)) != SQLITE_OK) break;
        sqlite3_bind_text(cols, 1, table, -1, SQLITE_TRANSIENT);
        while (rc == SQLITE_OK && sqlite3_step(cols) == SQLITE_ROW) {
            char col[128], cq[300];
            snprintf(col, sizeof col, "%s", (const char *)sqlite3_column_text(cols, 0));
            ident(cq, sizeof cq, col);
            snprintf(sql, sizeof sql, "SELECT rowid, %s FROM %s WHERE typeof(%s) = 'text'", cq, tq, cq);
            sqlite3_stmt *rows;
            if ((rc = sqlite3_prepare_v2(db, sql, -1, &rows, NULL)) != SQLITE_OK) break;
            int x;
            while ((x = sqlite3_step(rows)) == SQLITE_ROW) {
                const char *t = (const char *)sqlite3_column_blob(rows, 1);
                int len = sqlite3_column_bytes(rows, 1);
                if (t && !utf8_valid_n(t, (size_t)len, NULL) &&
                    (rc = fn(ud, table, col, sqlite3_column_int64(rows, 0), t, len)) != SQLITE_OK)
                    break;
            }
            if (rc == SQLITE_OK && x != SQLITE_DONE) rc = x;
            sqlite3_finalize(rows);
        }
        sqlite3_finalize(cols);
    }
    sqlite3_finalize(tabs);
    return rc;
}

typedef struct { fix *v; size_t n, cap; } fixes;

static int collect(void *ud, const char *table, const char *col, long long rowid, const char *text, int len)
{
    fixes *f = ud;
    char *raw = malloc((size_t)len + 1);
    if (!raw) return SQLITE_NOMEM;
    memcpy(raw, text, (size_t)len);
    raw[len] = '\0';               /* a NUL inside the text ends it: the rest was never shown */
    char *fixed = utf8_repair_latin1(raw);
    free(raw);
    size_t need = strlen(table) + strlen(col) + 2;
    char *name = malloc(need);
    if (f->n == f->cap) {
        fix *nv = realloc(f->v, (f->cap = f->cap ? 2 * f->cap : 16) * sizeof *nv);
        if (nv) f->v = nv;
        else f->cap = f->n;
    }
    if (!fixed || !name || f->n == f->cap) {
        free(fixed);
        free(name);
        return SQLITE_NOMEM;
    }
    snprintf(name, need, "%s.%s", table, col);
    f->v[f->n++] = (fix){rowid, name, fixed};
    return SQLITE_OK;
}

/* The audit entity for a table's rows (the names the rest of lnd uses). */
static const char *entity_of(const char *table)
{
    return strcmp(table, "kpi_value") == 0 ? "kpi" : table;
}

int st_repair_text(sqlite3 *db)
{
    fixes f = {0};
    int rc = each_bad_text(db, collect, &f);
    /* the append-only triggers would refuse the repair: dropped and re-created in this
     * transaction, so no other connection ever sees the tables without them */
    char **trig_sql = NULL;
    size_t ntrig = 0;
    sqlite3_stmt *st = NULL;
    if (rc == SQLITE_OK && f.n)
        rc = sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                                    "sql LIKE '%RAISE(ABORT%' ORDER BY name", -1, &st, NULL);
    while (rc == SQLITE_OK && st && sqlite3_step(st) == SQLITE_ROW) {
        char **nv = realloc(trig_sql, (ntrig + 1) * sizeof *nv);
        if (!nv) { rc = SQLITE_NOMEM; break; }
        trig_sql = nv;
        trig_sql[ntrig++] = strdup((const char *)sqlite3_column_text(st, 1));
        char q[300], sql[400];
        ident(q, sizeof q, (const char *)sqlite3_column_text(st, 0));
        snprintf(sql, sizeof sql, "DROP TRIGGER %s", q);
        sqlite3_stmt *d;
        if ((rc = sqlite3_prepare_v2(db, sql, -1, &d, NULL)) == SQLITE_OK) {
            sqlite3_step(d);
            rc = sqlite3_finalize(d);
        }
        sqlite3_reset(st);      /* the trigger list changed: start again */
    }
    sqlite3_finalize(st);
    char now[32];
    date_now_stamp(now, sizeof now);
    for (size_t i = 0; rc == SQLITE_OK && i < f.n; i++) {
        char *dot = strchr(f.v[i].col, '.');
        *dot = '\0';
        char tq[300], cq[300], sql[800];
        ident(tq, sizeof tq, f.v[i].col);
        ident(cq, sizeof cq, dot + 1);
        snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?1 WHERE rowid = ?2", tq, cq);
        sqlite3_stmt *u;
        if ((rc = sqlite3_prepare_v2(db, sql, -1, &u, NULL)) != SQLITE_OK) break;
        sqlite3_bind_text(u, 1, f.v[i].fixed, -1, SQLITE_STATIC);
        sqlite3_bind_int64(u, 2, f.v[i].rowid);
        rc = sqlite3_step(u) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(u);
        if (rc != SQLITE_OK) break;
        char detail[600];
        snprintf(detail, sizeof detail, "%s: bytes that were not UTF-8 re-encoded as Latin-1 (now \"%.400s\")",
                 dot + 1, f.v[i].fixed);
        /* step 8 of the migrations: the audit column is still `user` (renamed `author` by
         * step 10) unless the file already has the later shape */
        int renamed = 0;
        sqlite_pragma_int(db, "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'author'", &renamed);
        if ((rc = sqlite3_prepare_v2(db, renamed ? "INSERT INTO audit(at, author, action, entity, entity_id, detail) "
                                                   "VALUES (?1, 'lnd', 'repair', ?2, ?3, ?4)"
                                                 : "INSERT INTO audit(at, user, action, entity, entity_id, detail) "
                                                   "VALUES (?1, 'lnd', 'repair', ?2, ?3, ?4)", -1, &u, NULL)) != SQLITE_OK)
            break;
        sqlite3_bind_text(u, 1, now, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 2, entity_of(f.v[i].col), -1, SQLITE_STATIC);
        sqlite3_bind_int64(u, 3, f.v[i].rowid);
        sqlite3_bind_text(u, 4, detail, -1, SQLITE_STATIC);
        rc = sqlite3_step(u) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        sqlite3_finalize(u);
    }
    for (size_t i = 0; i < ntrig; i++) {
        if (rc == SQLITE_OK) rc = trig_sql[i] ? sqlite3_exec(db, trig_sql[i], NULL, NULL, NULL) : SQLITE_NOMEM;
        free(trig_sql[i]);
    }
    free(trig_sql);
    for (size_t i = 0; i < f.n; i++) {
        free(f.v[i].col);
        free(f.v[i].fixed);
    }
    free(f.v);
    return rc;
}

typedef struct { store_text_problem fn; void *ud; } scan;

static int report(void *ud, const char *table, const char *col, long long rowid, const char *text, int len)
{
    scan *s = ud;
    size_t off = 0;
    utf8_valid_n(text, (size_t)len, &off);
    s->fn(s->ud, table, col, rowid, off);
    return SQLITE_OK;
}

store_rc store_scan_text(store *s, store_text_problem fn, void *ud)
{
    scan sc = {fn, ud};
    int rc = each_bad_text(SQ(s), report, &sc);
    return rc == SQLITE_OK ? STORE_OK : st_sqlite_fail(s, rc, "checking the text is UTF-8");
}
