/* SPDX-License-Identifier: MIT */
/* tests/unit/test_store_share.c — sharing a database with a Unix group whatever the umask:
 * store_share makes the directory setgid and group rwx and creates the database 0660 before
 * SQLite opens it, so the -wal/-shm SQLite creates get the same mode; unknown groups are
 * refused; a permission failure maps to exit 77. (tests/cli/test_shared_host.sh does the same
 * with real users.) */
#include "test_store_fixture.h"

#include <grp.h>

static void a_shared_database_is_group_read_write_under_umask_077(void **state)
{
    fx *f = *state;
    char dir[600], path[700], err[512];
    snprintf(dir, sizeof dir, "%s/team", f->dir);
    snprintf(path, sizeof path, "%s/okr.db", dir);
    mode_t old = umask(077);
    assert_int_equal(store_share(path, "group", err, sizeof err), STORE_OK);   /* the directory's group */
    struct stat sb;
    assert_int_equal(stat(dir, &sb), 0);
    assert_true(sb.st_mode & S_ISGID);
    assert_int_equal(sb.st_mode & 0070, 0070);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);
    store *s = fx_open(path, STORE_OPEN_CREATE);
    lnd_cycle c = {.name = "2027-Q1", .start = "2027-01-04", .weeks = 13};
    assert_int_equal(store_add_cycle(s, &c, "alice"), STORE_OK);
    char wal[720], shm[720];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    assert_int_equal(stat(wal, &sb), 0);                 /* open connection: the WAL is there */
    assert_int_equal(sb.st_mode & 0777, 0660);
    assert_int_equal(stat(shm, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);           /* SQLite kept the mode */
    store_close(s);
    umask(old);
}

static void an_existing_database_is_shared_again(void **state)
{
    fx *f = *state;
    char err[512];
    mode_t old = umask(077);
    store_close(fx_open(f->path, STORE_OPEN_CREATE));
    struct stat sb;
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    const struct group *g = getgrgid(getegid());
    assert_non_null(g);
    assert_int_equal(store_share(f->path, g->gr_name, err, sizeof err), STORE_OK);
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0660);
    umask(old);
}

static void an_unknown_group_is_refused(void **state)
{
    fx *f = *state;
    char err[512];
    assert_int_equal(store_share(f->path, "no-such-group-lnd", err, sizeof err), STORE_INVALID);
    assert_non_null(strstr(err, "no group named 'no-such-group-lnd'"));
    struct stat sb;
    assert_int_not_equal(stat(f->path, &sb), 0);         /* nothing created */
}

static void permission_denied_is_exit_77(void **state)
{
    (void)state;
    assert_int_equal(store_rc_exit(STORE_DENIED), 77);
    assert_int_equal(store_rc_exit(STORE_READONLY), 73);
    assert_string_equal(store_rc_name(STORE_DENIED), "permission denied");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(a_shared_database_is_group_read_write_under_umask_077),
        FX_TEST(an_existing_database_is_shared_again),
        FX_TEST(an_unknown_group_is_refused),
        cmocka_unit_test(permission_denied_is_exit_77),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
