/* SPDX-License-Identifier: MIT */
/* tests/unit/test_pg_fixture.h — what the PostgreSQL unit tests share: the throwaway cluster
 * tests/run starts (tests/pg.lib exports its conninfo as LND_TEST_PG; without it the binary
 * fails, it never skips), one fresh PostgreSQL schema (namespace) per test so tests never see
 * each other's rows, and assertions that print the driver's message. */
#ifndef LND_TEST_PG_FIXTURE_H
#define LND_TEST_PG_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../store/db.h"
#include "../../store/pg_schema.h"

#define assert_db(c, expr, want)                                                                \
    do {                                                                                         \
        db_rc r_ = (expr);                                                                       \
        if (r_ != (want)) fail_msg("%s: got %d, want %d: %s", #expr, (int)r_, (int)(want),       \
                                   (c) ? db_errmsg(c) : "");                                     \
    } while (0)

/* The cluster's conninfo; main() has checked it is set. */
static inline const char *pgfx_uri(void)
{
    return getenv("LND_TEST_PG");
}

/* The conninfo with search_path set to one schema (libpq's options, URI-encoded). */
static inline void pgfx_uri_in(const char *schema, char *out, size_t n)
{
    const char *u = pgfx_uri();
    snprintf(out, n, "%s%coptions=-csearch_path%%3D%s", u, strchr(u, '?') ? '&' : '?', schema);
}

/* A connection whose tables live in a fresh, empty schema of that name. */
static inline db_conn *pgfx_open_in(const char *schema, int lock_timeout_ms)
{
    char err[512], sql[256], uri[1024];
    db_conn *admin = NULL;
    db_open_opts o = {.busy_timeout_ms = 5000};
    if (pg_db_open(pgfx_uri(), &o, &admin, err, sizeof err) != DB_OK) fail_msg("connecting: %s", err);
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s", schema, schema);
    assert_db(admin, db_exec(admin, sql), DB_OK);
    db_close(admin);
    db_conn *c = NULL;
    o.busy_timeout_ms = lock_timeout_ms;
    pgfx_uri_in(schema, uri, sizeof uri);
    if (pg_db_open(uri, &o, &c, err, sizeof err) != DB_OK) fail_msg("connecting to %s: %s", uri, err);
    return c;
}

/* Another connection to the same schema. */
static inline db_conn *pgfx_also(const char *schema, int lock_timeout_ms)
{
    char err[512], uri[1024];
    db_conn *c = NULL;
    db_open_opts o = {.busy_timeout_ms = lock_timeout_ms};
    pgfx_uri_in(schema, uri, sizeof uri);
    if (pg_db_open(uri, &o, &c, err, sizeof err) != DB_OK) fail_msg("connecting to %s: %s", uri, err);
    return c;
}

/* One value of a literal query, as text (static buffer), "NULL" for SQL NULL. */
static inline const char *pgfx_one(db_conn *c, const char *sql)
{
    static char buf[512];
    db_stmt *st = NULL;
    assert_db(c, db_prepare(c, sql, &st), DB_OK);
    db_rc rc = db_step(st);
    if (rc != DB_ROW) fail_msg("%s: no row (%d): %s", sql, (int)rc, db_errmsg(c));
    const char *t = db_column_text(st, 0);
    snprintf(buf, sizeof buf, "%s", t ? t : "NULL");
    db_finalize(st);
    return buf;
}

/* main(): without the cluster the tests fail loudly (tests/run counts a non-zero exit). */
static inline int pgfx_require_cluster(const char *prog)
{
    if (pgfx_uri() && *pgfx_uri()) return 0;
    fprintf(stderr, "%s: LND_TEST_PG is not set: run through tests/run, which starts a throwaway "
                    "PostgreSQL cluster (tests/pg.lib), or source tests/pg.lib and call pg_start\n", prog);
    return 1;
}

#endif
