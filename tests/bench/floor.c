/* SPDX-License-Identifier: MIT */
/* tests/bench/floor.c — the bench's floor: the least a program can do to show what `lnd
 * status` shows. One prepared statement reads exactly the rows status prints (the active
 * cycle's objectives in tree order, each with its key results and their current values) and
 * prints them through stdio. No health, pace or rollup: a measure, not a feature.
 * With --insert KR it is instead the floor of `lnd checkin`: the same one-row insert through
 * the C API (BEGIN IMMEDIATE, INSERT, COMMIT), SQLite's defaults, no audit row.
 * usage: floor DB [--insert KR-ID] */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

static const char SQL[] =
    "SELECT o.id, o.parent_id, o.level, o.title, o.owner, k.id, k.title, k.unit, k.baseline,"
    "       k.target, k.cur_value, k.cur_confidence"
    "  FROM cycle c JOIN objective o ON o.cycle_id = c.id AND o.archived = 0"
    "  LEFT JOIN kr k ON k.objective_id = o.id AND k.archived = 0"
    " WHERE c.state = 'active'"
    " ORDER BY o.id, k.id";

static int insert_one(const char *path, long long kr)
{
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) sqlite3_busy_timeout(db, 5000);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO checkin (kr_id, at, value, confidence, author)"
                                    " VALUES (?, datetime('now'), ?, ?, ?)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, kr);
        sqlite3_bind_double(st, 2, 55);
        sqlite3_bind_int(st, 3, 7);
        sqlite3_bind_text(st, 4, "bench", -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : 74;
}

int main(int argc, char **argv)
{
    bool insert = argc == 4 && strcmp(argv[2], "--insert") == 0;
    if (argc != 2 && !insert) {
        fprintf(stderr, "usage: floor DB [--insert KR-ID]\n");
        return 64;
    }
    sqlite3 *db;
    sqlite3_stmt *st;
    if (insert) return insert_one(argv[1], atoll(argv[3]));
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, SQL, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
        return 74;
    }
    long long last = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long oid = sqlite3_column_int64(st, 0);
        if (oid != last) {
            printf("O%-6lld %-60s %s %s\n", oid, (const char *)sqlite3_column_text(st, 3),
                   (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 4));
            last = oid;
        }
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            printf("    K%-6lld %-34s %g -> %g -> %g %s  %d\n", sqlite3_column_int64(st, 5),
                   (const char *)sqlite3_column_text(st, 6), sqlite3_column_double(st, 8),
                   sqlite3_column_double(st, 10), sqlite3_column_double(st, 9),
                   (const char *)sqlite3_column_text(st, 7), sqlite3_column_int(st, 11));
    }
    int bad = rc != SQLITE_DONE;
    if (bad) fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return bad ? 74 : 0;
}
