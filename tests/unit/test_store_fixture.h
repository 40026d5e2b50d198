/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_fixture.h — shared set-up for the store tests: a fresh temporary
 * directory per test (real database files, never :memory:), a fixed "today" and a short
 * busy timeout, and a small sample plan. Included by test_store*.c only. */
#ifndef LND_TEST_STORE_FIXTURE_H
#define LND_TEST_STORE_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../store/store.h"
#include "../../store/store_test.h"
#include "../../store/store_io.h"

int cli_clock_init(void);   /* cli/clock.c: reads LND_TODAY / LND_NOW */

typedef struct {
    char dir[256];
    char path[512];     /* dir/lnd.db */
} fx;

static inline void rm_rf(const char *p)
{
    struct stat sb;
    if (lstat(p, &sb) != 0) return;
    if (S_ISDIR(sb.st_mode)) {
        chmod(p, 0700);
        DIR *d = opendir(p);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
            size_t n = strlen(p) + strlen(e->d_name) + 2;
            char *sub = malloc(n);
            if (!sub) break;
            memcpy(sub, p, strlen(p));
            sub[strlen(p)] = '/';
            memcpy(sub + strlen(p) + 1, e->d_name, strlen(e->d_name) + 1);
            rm_rf(sub);
            free(sub);
        }
        if (d) closedir(d);
        rmdir(p);
    } else {
        unlink(p);
    }
}

/* The backend the store tests run on: an SQLite file per test (the default), or with
 * LND_TEST_BACKEND=postgresql a fresh schema per test on the cluster in $LND_TEST_PG
 * (tests/pg.lib), f->path then being its URI. tests/run runs the backend-neutral store
 * tests both ways. */
static inline bool fx_on_pg(void)
{
    const char *b = getenv("LND_TEST_BACKEND");
    return b && !strcmp(b, "postgresql");
}

static inline int fx_pg_schema(const char *schema, bool create)
{
    const char *uri = getenv("LND_TEST_PG");
    if (!uri || !*uri) {
        fprintf(stderr, "LND_TEST_BACKEND=postgresql needs LND_TEST_PG (tests/pg.lib starts a cluster)\n");
        return -1;
    }
    char sql[256], psql[1400];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE;%s%s", schema, create ? " CREATE SCHEMA " : "",
             create ? schema : "");
    const char *bin = getenv("PG_BIN");   /* psql is not on PATH on Debian's server package */
    snprintf(psql, sizeof psql, "%s%spsql -X -q -v ON_ERROR_STOP=1 '%s' -c '%s' >/dev/null 2>&1",
             bin && *bin ? bin : "", bin && *bin ? "/" : "", uri, sql);
    return system(psql) == 0 ? 0 : -1;
}

static inline int fx_setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/lndstore.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/lnd.db", f->dir);
    if (fx_on_pg()) {
        static int seq;
        char schema[64];
        snprintf(schema, sizeof schema, "lndfx_%ld_%d", (long)getpid(), ++seq);
        if (fx_pg_schema(schema, true) != 0) return -1;
        const char *u = getenv("LND_TEST_PG");
        snprintf(f->path, sizeof f->path, "%s%coptions=-csearch_path%%3D%s", u, strchr(u, '?') ? '&' : '?', schema);
    }
    setenv("LND_TODAY", "2027-02-17", 1); cli_clock_init();
    setenv("LND_BUSY_TIMEOUT_MS", "200", 1);
    *state = f;
    return 0;
}

static inline int fx_teardown(void **state)
{
    fx *f = *state;
    const char *sp = fx_on_pg() ? strstr(f->path, "search_path%3D") : NULL;
    if (sp) fx_pg_schema(sp + strlen("search_path%3D"), false);
    rm_rf(f->dir);
    free(f);
    return 0;
}

static inline store *fx_open(const char *path, int flags)
{
    char err[512];
    store *s = NULL;
    store_rc rc = store_open(path, flags, &s, err, sizeof err);
    if (rc != STORE_OK) fail_msg("store_open %s: %s", path, err);
    return s;
}

/* A cycle 2027-Q1 (active, 13 weeks from 2027-01-04) with a business objective O<biz>, an
 * L&D objective beneath it and one KR "First-call resolution" 64 -> 75 on the L&D one. */
typedef struct {
    lnd_cycle cy;
    lnd_objective biz, ld;
    lnd_kr kr;
} sample;

static inline void fx_sample(store *s, sample *x)
{
    memset(x, 0, sizeof *x);
    x->cy = (lnd_cycle){.name = "2027-Q1", .start = "2027-01-04", .weeks = 13, .state = CYCLE_ACTIVE};
    assert_int_equal(store_add_cycle(s, &x->cy, "alice"), STORE_OK);
    x->biz = (lnd_objective){.cycle_id = x->cy.id, .level = LEVEL_BUSINESS, .type = OTYPE_ASPIRATIONAL,
                             .title = "Resolve support calls first time", .problem = "Repeat calls",
                             .outcome = "Fewer repeat calls", .owner = "head of support", .cadence_days = 7};
    assert_int_equal(store_add_objective(s, &x->biz, "alice"), STORE_OK);
    x->ld = (lnd_objective){.cycle_id = x->cy.id, .parent_id = x->biz.id, .level = LEVEL_LD,
                            .type = OTYPE_COMMITTED, .title = "Equip agents to diagnose on the first call",
                            .capability = "diagnostic questioning", .owner = "ld", .cadence_days = 7};
    assert_int_equal(store_add_objective(s, &x->ld, "alice"), STORE_OK);
    x->kr = (lnd_kr){.objective_id = x->ld.id, .title = "First-call resolution", .unit = "%",
                     .has_baseline = true, .baseline = 64, .target = 75, .weight = 1,
                     .evidence = EV_RESULTS, .indicator = IND_LAGGING, .due_week = 13, .owner = "ld",
                     .coowner = "support lead"};
    assert_int_equal(store_add_kr(s, &x->kr, "alice"), STORE_OK);
}

static inline store_rc fx_checkin(store *s, lnd_id kr, const char *at, double v, int conf)
{
    lnd_checkin c = {.kr_id = kr, .at = (char *)at, .value = v, .confidence = conf, .note = "",
                     .author = "", .observed = -1, .applied = -1};
    return store_add_checkin(s, &c, "bob");
}

static inline size_t fx_count_checkins(store *s, lnd_id kr)
{
    lnd_arena *a = arena_new();
    lnd_checkin *c;
    size_t n = 0;
    assert_int_equal(store_checkins(s, a, kr, &c, &n), STORE_OK);
    arena_free(a);
    return n;
}

static inline bool file_bytes(const char *path, char **buf, size_t *n)
{
    *buf = NULL;
    *n = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) return false;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    *buf = malloc((size_t)len + 1);
    *n = fread(*buf, 1, (size_t)len, fp);
    fclose(fp);
    return true;
}

/* A verb refused as invalid with a message containing needle. */
static inline void expect_invalid(store *s, store_rc rc, const char *needle)
{
    if (rc != STORE_INVALID || !strstr(store_errmsg(s), needle))
        fail_msg("want STORE_INVALID with '%s', got %s: %s", needle, store_rc_name(rc), store_errmsg(s));
}

#define FX_TEST(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
/* main() running the given FX_TEST(...) entries. */
#define FX_MAIN(...)                                                   \
    int main(void)                                                     \
    {                                                                  \
        const struct CMUnitTest tests[] = {__VA_ARGS__};               \
        return cmocka_run_group_tests(tests, NULL, NULL);              \
    }

#endif
