/* SPDX-License-Identifier: MIT */
/* cli/cmd_care.c — `lnd backup FILE` (an exact, consistent copy while others write) and
 * `lnd doctor` (is this database healthy: exit 0, or 1 with one line per problem). The work
 * is in store/store_care.c; this file parses arguments and prints. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char backup_help[] =
    "usage: lnd backup FILE|-\n\n"
    "Write an exact, consistent copy of the database to FILE (which must not exist) while\n"
    "others go on writing: it holds every check-in saved before the backup started. Restore\n"
    "by opening it: lnd --db FILE status. Copying the .db file of a database in use is not\n"
    "a backup (the latest changes may be in its -wal file).\n"
    "With -, the copy goes to stdout (lnd backup - | gzip > lnd.db.gz): it is made in a\n"
    "temporary file under $TMPDIR first, then streamed; refused when stdout is a terminal.\n"
    "On PostgreSQL use pg_dump or the server's own backups (exit 64 here).\n";

/* lnd backup -: SQLite's VACUUM INTO writes a file, so the copy is made in a private
 * temporary directory, copied to stdout and removed. */
static int backup_stdout(store *s)
{
    if (isatty(STDOUT_FILENO))
        return cli_fail(EX_USAGE_, "backup -: stdout is a terminal; redirect it (lnd backup - > FILE)");
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/lnd-backup-XXXXXX", tmp && *tmp == '/' ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return cli_fail(EX_CANTCREAT_, "backup -: cannot make a temporary directory: %s; set TMPDIR", strerror(errno));
    snprintf(path, sizeof path, "%s/lnd.db", dir);
    int rc = 0;
    store_rc src = store_backup(s, path);
    if (src != STORE_OK) {
        rc = cli_store_fail(s, src);
    } else {
        FILE *in = fopen(path, "rb");
        char buf[65536];
        size_t got;
        if (!in) rc = cli_fail(EX_IOERR_, "backup -: cannot read the temporary copy: %s", strerror(errno));
        while (!rc && (got = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, got, stdout) != got) rc = cli_fail(EX_IOERR_, "backup -: cannot write to stdout");
        if (!rc && in && ferror(in)) rc = cli_fail(EX_IOERR_, "backup -: cannot read the temporary copy");
        if (in) fclose(in);
        if (!rc && fflush(stdout) != 0) rc = cli_fail(EX_IOERR_, "backup -: cannot write to stdout");
    }
    remove(path);
    rmdir(dir);
    return rc;
}

int cmd_backup(cli_ctx *ctx, int argc, char **argv)
{
    int rc = cli_command_opts(ctx, argc, argv, "", NULL, NULL, NULL, backup_help);
    if (rc) return rc;
    if (optind + 1 != argc) return cli_fail(EX_USAGE_, "backup: give one FILE to write; see `lnd backup --help`");
    const char *dest = argv[optind];
    if ((rc = cli_setup(ctx))) return rc;
    if (store_is_server(ctx->db))
        return cli_fail(EX_USAGE_, "backup copies an SQLite file; on PostgreSQL use pg_dump (or the server's "
                        "own backups), or `lnd export -o FILE.json` for lnd's data");
    store *s;
    if ((rc = cli_open(ctx, 0, &s))) return rc;    /* not query_only: VACUUM INTO needs it */
    if (strcmp(dest, "-") == 0) {
        rc = backup_stdout(s);
        store_close(s);
        return rc;
    }
    store_rc src = store_backup(s, dest);
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else printf("backup written: %s\n", cli_safe(dest));
    store_close(s);
    return rc;
}

static const char doctor_help[] =
    "usage: lnd doctor\n\n"
    "Check the database: SQLite's integrity and foreign-key checks, and lnd's own rules\n"
    "(each KR's current value matches its latest check-in, every check-in and every added\n"
    "row has its audit entry, all text is valid UTF-8). Exit 0 when healthy; 1 with one\n"
    "line per problem. On PostgreSQL use amcheck (pg_amcheck) instead (exit 64 here).\n";

static void print_problem(void *ud, const char *line)
{
    (void)ud;
    printf("%s\n", cli_safe(line));
}

int cmd_doctor(cli_ctx *ctx, int argc, char **argv)
{
    int rc = cli_command_opts(ctx, argc, argv, "", NULL, NULL, NULL, doctor_help);
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "doctor: unexpected '%s'", argv[optind]);
    if ((rc = cli_setup(ctx))) return rc;
    if (store_is_server(ctx->db))
        return cli_fail(EX_USAGE_, "doctor checks an SQLite file; on PostgreSQL check the server with amcheck "
                        "(pg_amcheck) and its own monitoring");
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    store_rc src = store_doctor(s, print_problem, NULL);
    if (src == STORE_OK) printf("healthy: integrity, foreign keys, latest values, audit log, UTF-8 text\n");
    else if (src == STORE_INVALID) rc = 1;
    else rc = cli_store_fail(s, src);
    store_close(s);
    return rc;
}
