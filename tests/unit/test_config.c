/* SPDX-License-Identifier: MIT */
/* tests/unit/test_config.c — the configuration a user writes: defaults, the shipped example,
 * every key, the search order, the database path, and one clear "file:line: what is wrong"
 * (exit 78) for syntax errors, unknown keys, wrong types and out-of-range values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../core/config.h"
#include "../../cli/config_file.h"

#define EPSILON 1e-9

static char tmpdir[256];
static char err[4400];

static int setup(void **st)
{
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/lnd-test-config-XXXXXX");
    if (!mkdtemp(tmpdir)) return -1;
    unsetenv("LND_CONFIG");
    unsetenv("LND_DB");
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", tmpdir, 1);
    setenv("USER", "alice", 1);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes text into tmpdir/name (creating parent directories) and returns its path. */
static const char *put(const char *name, const char *text)
{
    static char path[4][512];
    static int slot;
    char *p = path[slot++ % 4];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    for (char *s = p + strlen(tmpdir) + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        mkdir(p, 0700);
        *s = '/';
    }
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

/* Loads text as a config over the defaults; returns the exit code, err holds the message. */
static int load_text(const char *text, lnd_config *c)
{
    cfg_defaults(c);
    return cli_config_load_file(put("t.conf", text), c, NULL, err, sizeof err);
}

/* Expects text to fail with 78 and err to be "<path>:<line>: <msg...>". */
static void expect_bad(const char *text, int line, const char *msg)
{
    lnd_config c;
    char want[1200];
    int rc = load_text(text, &c);
    snprintf(want, sizeof want, "%s/t.conf:%d: %s", tmpdir, line, msg);
    if (rc != 78 || strncmp(err, want, strlen(want)) != 0)
        fail_msg("config:\n%s\nrc %d, got  '%s'\nwant prefix '%s'", text, rc, err, want);
    assert_null(strchr(err, '\n'));
}

static void defaults_without_a_file(void **st)
{
    (void)st;
    lnd_config c;
    cfg_defaults(&c);
    assert_string_equal(c.user, "unknown");   /* core/ reads no environment */
    assert_int_equal(cli_config_load(put("empty.conf", ""), &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.user, "alice");     /* cli/ hands $USER in */
    cfg_defaults(&c);
    assert_string_equal(c.theme, "default");
    assert_string_equal(c.database, "");
    assert_string_equal(c.source, "");
    assert_int_equal(c.ascii, -1);
    assert_int_equal(c.color, -1);
    assert_int_equal(c.cadence_days, 7);
    assert_int_equal(c.max_objectives, 5);
    assert_int_equal(c.max_krs, 5);
    assert_int_equal(c.late_weeks, 2);
    assert_int_equal(c.quiet_grace_days, 0);
    assert_string_equal(c.disabled_rules, "");
    assert_int_equal(c.followup_days[0], 30);
    assert_int_equal(c.followup_days[1], 60);
    assert_int_equal(c.followup_days[2], 90);
    assert_float_equal(c.rules.at_risk_margin, 0.10, EPSILON);
    assert_float_equal(c.rules.band_green, 0.7, EPSILON);
    unsetenv("USER");
    assert_int_equal(cli_config_load(put("empty.conf", ""), &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.user, "unknown");
    setenv("USER", "", 1);
    assert_int_equal(cli_config_load(put("empty.conf", ""), &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.user, "unknown");
    setenv("USER", "alice", 1);
}

static void the_shipped_example_loads_and_matches_the_defaults(void **st)
{
    (void)st;
    const char *top = getenv("LND_TOP");
    char path[1024];
    snprintf(path, sizeof path, "%s/lnd.conf.example", top && *top ? top : ".");
    lnd_config d, c;
    cfg_defaults(&d);
    cfg_defaults(&c);
    int rc = cli_config_load_file(path, &c, NULL, err, sizeof err);
    if (rc) fail_msg("%s", err);
    assert_string_equal(c.source, path);
    memset(c.source, 0, sizeof c.source);
    assert_memory_equal(&c, &d, sizeof c);
}

static void every_key_can_be_set(void **st)
{
    (void)st;
    lnd_config c;
    int rc = load_text("database = \"/srv/lnd/team.db\";\n"
                       "user = \"bob\";\n"
                       "shared = \"okr\";\n"
                       "theme = \"high-contrast\";\n"
                       "ascii = true;\n"
                       "color = false;\n"
                       "cadence_days = 14;\n"
                       "progress = { at_risk_margin = 0.05; off_track_margin = 0.2;\n"
                       "             low_confidence = 5; very_low_confidence = 3; confidence_drop = 4; };\n"
                       "bands = { green = 0.8; amber = 0.5; };\n"
                       "health = { max_objectives = 3; max_krs = 4; late_weeks = 1;\n"
                       "           quiet_grace_days = 2; disabled = [ \"H07\", \"h11\" ];\n"
                       "           followup_days = [ 14, 45, 120 ]; };\n",
                       &c);
    if (rc) fail_msg("%s", err);
    assert_string_equal(c.database, "/srv/lnd/team.db");
    assert_string_equal(c.user, "bob");
    assert_string_equal(c.shared, "okr");
    assert_string_equal(c.theme, "high-contrast");
    assert_int_equal(c.ascii, 1);
    assert_int_equal(c.color, 0);
    assert_int_equal(c.cadence_days, 14);
    assert_float_equal(c.rules.at_risk_margin, 0.05, EPSILON);
    assert_float_equal(c.rules.off_track_margin, 0.2, EPSILON);
    assert_int_equal(c.rules.low_confidence, 5);
    assert_int_equal(c.rules.very_low_confidence, 3);
    assert_int_equal(c.rules.confidence_drop, 4);
    assert_float_equal(c.rules.band_green, 0.8, EPSILON);
    assert_float_equal(c.rules.band_amber, 0.5, EPSILON);
    assert_int_equal(c.max_objectives, 3);
    assert_int_equal(c.max_krs, 4);
    assert_int_equal(c.late_weeks, 1);
    assert_int_equal(c.quiet_grace_days, 2);
    assert_string_equal(c.disabled_rules, "H07,H11");
    assert_int_equal(c.followup_days[0], 14);
    assert_int_equal(c.followup_days[1], 45);
    assert_int_equal(c.followup_days[2], 120);
}

static void whole_numbers_work_where_decimals_are_expected(void **st)
{
    (void)st;
    lnd_config c;
    int rc = load_text("progress = { at_risk_margin = 0; off_track_margin = 1; };\n"
                       "bands = { green = 1; };\n", &c);
    if (rc) fail_msg("%s", err);
    assert_float_equal(c.rules.at_risk_margin, 0, EPSILON);
    assert_float_equal(c.rules.off_track_margin, 1, EPSILON);
    assert_float_equal(c.rules.band_green, 1, EPSILON);
    /* "auto" is the same as leaving ascii/color out; the file need not set everything */
    rc = load_text("ascii = \"auto\";\ncolor = \"auto\";\n", &c);
    if (rc) fail_msg("%s", err);
    assert_int_equal(c.ascii, -1);
    assert_int_equal(c.color, -1);
    assert_int_equal(load_text("", &c), 0);
    assert_int_equal(load_text("# only a comment\n", &c), 0);
}

static void unknown_keys_are_named_with_their_line(void **st)
{
    (void)st;
    expect_bad("theme = \"default\";\n\nthem = \"light\";\n", 3,
               "unknown key 'them' (see lnd.conf.example)");
    expect_bad("progress = {\n  at_risk_margin = 0.1;\n  at_risk = 0.2;\n};\n", 3,
               "unknown key 'progress.at_risk' (see lnd.conf.example)");
    expect_bad("bands = { red = 0.1; };\n", 1, "unknown key 'bands.red'");
    expect_bad("health = {\n max_kr = 3;\n};\n", 2, "unknown key 'health.max_kr'");
}

static void wrong_types_say_what_is_expected(void **st)
{
    (void)st;
    expect_bad("ascii = 1;\n", 1, "'ascii' must be true or false");
    expect_bad("\ncolor = \"yes\";\n", 2, "'color' must be true or false");
    expect_bad("cadence_days = \"7\";\n", 1, "'cadence_days' must be a whole number");
    expect_bad("cadence_days = 7.5;\n", 1, "'cadence_days' must be a whole number");
    expect_bad("user = 42;\n", 1, "'user' must be a string");
    expect_bad("user = \"\";\n", 1, "'user' must not be empty");
    expect_bad("theme = true;\n", 1, "'theme' must be a string");
    expect_bad("database = [ \"a\" ];\n", 1, "'database' must be a string");
    expect_bad("progress = 0.1;\n", 1, "'progress' must be a group");
    expect_bad("progress = { at_risk_margin = \"10%\"; };\n", 1,
               "'progress.at_risk_margin' must be a number");
    expect_bad("progress = { low_confidence = 4.5; };\n", 1,
               "'progress.low_confidence' must be a whole number");
    expect_bad("health = { disabled = \"H07\"; };\n", 1, "'health.disabled' must be a list");
    expect_bad("health = { disabled = [ 7 ]; };\n", 1, "'health.disabled' must be a list");
    expect_bad("health = { disabled = [ \"../x\" ]; };\n", 1,
               "'health.disabled': '../x' is not a rule id");
    expect_bad("health = { followup_days = [ 30, 60 ]; };\n", 1,
               "'health.followup_days' must be three increasing day counts");
    expect_bad("health = { followup_days = [ 60, 30, 90 ]; };\n", 1,
               "'health.followup_days' must be three increasing day counts");
    expect_bad("health = { followup_days = 30; };\n", 1,
               "'health.followup_days' must be three");
}

static void out_of_range_values_are_refused(void **st)
{
    (void)st;
    expect_bad("cadence_days = 0;\n", 1, "'cadence_days' must be between 1 and 365");
    expect_bad("cadence_days = 366;\n", 1, "'cadence_days' must be between 1 and 365");
    expect_bad("cadence_days = 99999999999;\n", 1, "'cadence_days' must be between 1 and 365");
    expect_bad("progress = { at_risk_margin = 1.5; };\n", 1,
               "'progress.at_risk_margin' must be between 0 and 1");
    expect_bad("progress = { off_track_margin = -0.1; };\n", 1,
               "'progress.off_track_margin' must be between 0 and 1");
    expect_bad("progress = { low_confidence = 11; };\n", 1,
               "'progress.low_confidence' must be between 0 and 10");
    expect_bad("progress = { very_low_confidence = -1; };\n", 1,
               "'progress.very_low_confidence' must be between 0 and 10");
    expect_bad("progress = {\n at_risk_margin = 0.3;\n};\n", 2,
               "'progress.off_track_margin' (0.25) must not be smaller than");
    expect_bad("progress = {\n low_confidence = 1;\n};\n", 2,
               "'progress.very_low_confidence' (2) must not be greater than");
    expect_bad("bands = { green = 1.2; };\n", 1, "'bands.green' must be between 0 and 1");
    expect_bad("bands = {\n green = 0.6;\n amber = 0.6;\n};\n", 3,
               "'bands' must satisfy 0 < amber < green <= 1");
    expect_bad("bands = {\n amber = 0;\n};\n", 2, "'bands' must satisfy 0 < amber < green <= 1");
    expect_bad("bands = {\n green = 0.3;\n};\n", 2, "'bands' must satisfy");
    expect_bad("health = { max_krs = 0; };\n", 1, "'health.max_krs' must be between 1 and");
    expect_bad("health = { late_weeks = -1; };\n", 1, "'health.late_weeks' must be between 0");
}

static void syntax_errors_give_file_and_line(void **st)
{
    (void)st;
    expect_bad("theme = \"default\";\nascii = ;\n", 2, "syntax error");
    expect_bad("theme = \"default\";\nascii == true;\n", 2, "syntax error");
    expect_bad("theme = \"unterminated;\n", 2, "syntax error");  /* at end of file */
    expect_bad("cadence_days = 7;\ncadence_days = 8;\n", 2,
               "syntax error: duplicate setting name");
    expect_bad("progress = {\n at_risk_margin = 0.1;\n", 3, "syntax error");
}

static void a_bad_file_changes_nothing(void **st)
{
    (void)st;
    lnd_config c, before;
    cfg_defaults(&c);
    c.cadence_days = 3;
    before = c;
    assert_int_equal(cli_config_load_file(put("t.conf", "cadence_days = 10;\nascii = 2;\n"), &c, NULL, err,
                                   sizeof err), 78);
    assert_memory_equal(&c, &before, sizeof c);
    /* ... and a good file changes only what it names */
    assert_int_equal(cli_config_load_file(put("t.conf", "ascii = true;\n"), &c, NULL, err, sizeof err), 0);
    assert_int_equal(c.cadence_days, 3);
    assert_int_equal(c.ascii, 1);
}

static void missing_or_unreadable_files_are_exit_66(void **st)
{
    (void)st;
    lnd_config c;
    char path[600], want[700];
    snprintf(path, sizeof path, "%s/nope.conf", tmpdir);
    assert_int_equal(cli_config_load(path, &c, NULL, err, sizeof err), 66);
    snprintf(want, sizeof want, "cannot read %s: No such file or directory", path);
    assert_string_equal(err, want);
    assert_int_equal(cli_config_load(tmpdir, &c, NULL, err, sizeof err), 66);   /* a directory */
    snprintf(want, sizeof want, "cannot read %s: Is a directory", tmpdir);
    assert_string_equal(err, want);
    setenv("LND_CONFIG", path, 1);                                   /* also from the env */
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 66);
    unsetenv("LND_CONFIG");
}

static void search_order(void **st)
{
    (void)st;
    lnd_config c;
    /* nothing anywhere: defaults (unless this machine has an /etc/lnd.conf) */
    if (access("/etc/lnd.conf", F_OK) != 0) {
        assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 0);
        assert_string_equal(c.source, "");
        assert_int_equal(c.cadence_days, 7);
    }
    const char *home = put(".config/lnd/lnd.conf", "cadence_days = 2;\n");
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.source, home);
    assert_int_equal(c.cadence_days, 2);

    char xdg[600];
    snprintf(xdg, sizeof xdg, "%s/xdg", tmpdir);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 0);   /* no xdg file yet: home */
    assert_int_equal(c.cadence_days, 2);
    const char *xf = put("xdg/lnd/lnd.conf", "cadence_days = 3;\n");
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.source, xf);
    assert_int_equal(c.cadence_days, 3);

    const char *ef = put("env.conf", "cadence_days = 4;\n");
    setenv("LND_CONFIG", ef, 1);
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 0);
    assert_int_equal(c.cadence_days, 4);

    const char *flag = put("flag.conf", "cadence_days = 5;\n");
    assert_int_equal(cli_config_load(flag, &c, NULL, err, sizeof err), 0);
    assert_int_equal(c.cadence_days, 5);
    assert_string_equal(c.source, flag);

    /* a broken file found by the search is reported, not skipped */
    unsetenv("LND_CONFIG");
    put("xdg/lnd/lnd.conf", "cadence = 3;\n");
    assert_int_equal(cli_config_load(NULL, &c, NULL, err, sizeof err), 78);
    assert_non_null(strstr(err, "xdg/lnd/lnd.conf:1: unknown key 'cadence'"));
    unsetenv("XDG_CONFIG_HOME");
}

static void the_program_never_writes_the_config(void **st)
{
    (void)st;
    lnd_config c;
    const char *text = "# my settings\ntheme = \"mono\"; # trailing comment\n";
    const char *p = put("keep.conf", text);
    chmod(p, 0400);
    assert_int_equal(cli_config_load(p, &c, NULL, err, sizeof err), 0);
    assert_string_equal(c.theme, "mono");
    char buf[256] = "";
    FILE *f = fopen(p, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    assert_string_equal(buf, text);
}

static void database_path_order(void **st)
{
    (void)st;
    lnd_config c;
    char out[4200], want[4200];
    cfg_defaults(&c);
    snprintf(want, sizeof want, "%s/.local/share/lnd/lnd.db", tmpdir);
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, want);
    struct stat sb;
    snprintf(want, sizeof want, "%s/.local", tmpdir);
    assert_int_not_equal(stat(want, &sb), 0);            /* no directories created here */

    setenv("XDG_DATA_HOME", "relative/dir", 1);          /* relative XDG paths are ignored */
    snprintf(want, sizeof want, "%s/.local/share/lnd/lnd.db", tmpdir);
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, want);
    setenv("XDG_DATA_HOME", "/data", 1);
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, "/data/lnd/lnd.db");

    snprintf(c.database, sizeof c.database, "~/okrs/team.db");
    snprintf(want, sizeof want, "%s/okrs/team.db", tmpdir);
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, want);
    snprintf(c.database, sizeof c.database, "/srv/team.db");
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, "/srv/team.db");

    setenv("LND_DB", "/env/lnd.db", 1);
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), 0);
    assert_string_equal(out, "/env/lnd.db");
    assert_int_equal(cli_db_path("/flag.db", &c, out, sizeof out), 0);
    assert_string_equal(out, "/flag.db");
    unsetenv("LND_DB");
    unsetenv("XDG_DATA_HOME");

    /* no home known */
    cfg_defaults(&c);
    unsetenv("HOME");
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), -1);
    snprintf(c.database, sizeof c.database, "~/x.db");
    assert_int_equal(cli_db_path(NULL, &c, out, sizeof out), -1);
    assert_int_equal(cli_db_path("/flag.db", &c, out, sizeof out), 0);
    setenv("HOME", tmpdir, 1);
    /* a path that does not fit is refused, never cut */
    assert_int_equal(cli_db_path("/a/very/long/path.db", &c, out, 8), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(defaults_without_a_file, setup, teardown),
        cmocka_unit_test_setup_teardown(the_shipped_example_loads_and_matches_the_defaults,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(every_key_can_be_set, setup, teardown),
        cmocka_unit_test_setup_teardown(whole_numbers_work_where_decimals_are_expected, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(unknown_keys_are_named_with_their_line, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_types_say_what_is_expected, setup, teardown),
        cmocka_unit_test_setup_teardown(out_of_range_values_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(syntax_errors_give_file_and_line, setup, teardown),
        cmocka_unit_test_setup_teardown(a_bad_file_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_or_unreadable_files_are_exit_66, setup, teardown),
        cmocka_unit_test_setup_teardown(search_order, setup, teardown),
        cmocka_unit_test_setup_teardown(the_program_never_writes_the_config, setup, teardown),
        cmocka_unit_test_setup_teardown(database_path_order, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
