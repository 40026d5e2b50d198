/* SPDX-License-Identifier: MIT */
/* store/store_open.c — opening and closing the database: missing file, parent directories,
 * read-only files, files that are not SQLite, schema versions (older: migrated; newer:
 * refused before anything is written), the per-connection pragmas (WAL, busy_timeout,
 * foreign keys), caller-grouped transactions and PRAGMA data_version. */
#include "store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int st_busy_timeout_ms(void)
{
    const char *e = getenv("LND_BUSY_TIMEOUT_MS");
    if (e && *e) {
        char *end;
        long v = strtol(e, &end, 10);
        if (*end == '\0' && v >= 0 && v <= 600000) return (int)v;
    }
    return 5000;
}

int st_make_parents(const char *path, char *where, size_t wn)
{
    size_t n = strlen(path);
    char *dir = malloc(n + 1);
    if (!dir) return ENOMEM;
    memcpy(dir, path, n + 1);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    int err = 0;
    for (char *p = dir + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
                err = errno;
                snprintf(where, wn, "%s", dir);
                break;
            }
            *p = c;
            if (c == '\0') break;
        }
    }
    free(dir);
    return err;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* One command, one commit: the WAL's fsync and nothing else. SQLite's defaults would also
 * checkpoint on close (two more fsyncs) and delete the WAL, so the next command creates it
 * again (one more). Keep it (PERSIST_WAL) and leave checkpointing to the automatic checkpoint
 * every WAL_AUTO_PAGES pages, amortised over the commands; journal_size_limit caps what the
 * kept file may hold. A bulk load is one big transaction: store_tx_commit checkpoints it. */
enum { WAL_LIMIT_BYTES = 4 << 20 };

static void wal_keep(store *s)
{
    int one = 1;
    sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    st_exec(s, "PRAGMA journal_size_limit = 4194304");
}

/* After a bulk transaction: a WAL past the limit is checkpointed and truncated now, once,
 * so it never stays large (readers would walk it, the next writer would pay for it). */
static void wal_settle(store *s)
{
    size_t n = strlen(s->path) + 5;
    char *wal = malloc(n);
    struct stat sb;
    if (!wal) return;
    snprintf(wal, n, "%s-wal", s->path);
    if (stat(wal, &sb) == 0 && sb.st_size > WAL_LIMIT_BYTES)
        sqlite3_wal_checkpoint_v2(s->db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    free(wal);
}

static int pragma_int(store *s, const char *sql, int *out) { return st_pragma_int(s->db, sql, out); }

/* Open path read-only as file:PATH?immutable=1 (path percent-encoded). */
static int open_immutable(store *s, const char *path)
{
    size_t n = strlen(path);
    char *uri = malloc(n * 3 + 32);
    if (!uri) return SQLITE_NOMEM;
    char *w = uri, *end = uri + n * 3 + 32;
    w += snprintf(w, (size_t)(end - w), "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            *w++ = (char)*p;
        else
            w += snprintf(w, (size_t)(end - w), "%%%02X", *p);
    }
    snprintf(w, (size_t)(end - w), "?immutable=1");
    int rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    free(uri);
    if (s->db) {
        sqlite3_extended_result_codes(s->db, 1);
        sqlite3_busy_timeout(s->db, st_busy_timeout_ms());
    }
    return rc;
}

static store_rc open_fail(store *s, store_rc rc, store **out, char *err, size_t errsz)
{
    snprintf(err, errsz, "%s", s->err);
    store_close(s);
    *out = NULL;
    return rc;
}

store_rc store_open(const char *path, int flags, store **out, char *err, size_t errsz)
{
    *out = NULL;
    if (errsz) err[0] = '\0';
    if (!path || !*path) {
        snprintf(err, errsz, "no database path given; use --db PATH");
        return STORE_INVALID;
    }
    store *s = calloc(1, sizeof *s);
    if (s) window_rules_default(&s->followups);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        snprintf(err, errsz, "out of memory opening %s", path);
        return STORE_IO;
    }
    bool create = (flags & STORE_OPEN_CREATE) && !(flags & STORE_OPEN_READONLY);
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if ((!exists && errno == EACCES) || (exists && access(path, R_OK) != 0 && errno == EACCES)) {
        store_rc d = st_denied(s, path, false);   /* a directory on the way, or the file */
        if (d != STORE_OK) return open_fail(s, d, out, err, errsz);
    }
    if (!exists) {
        if (!create)
            return open_fail(s, st_fail(s, STORE_NODB, "no database at %s", path), out, err, errsz);
        char where[4096] = "";
        int e = st_make_parents(path, where, sizeof where);
        if (e == EACCES || e == EROFS || e == EPERM)
            return open_fail(s, st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", path),
                             out, err, errsz);
        if (e)
            return open_fail(s, st_fail(s, STORE_IO, "cannot create directory %s: %s", where, strerror(e)), out,
                             err, errsz);
    } else if (S_ISDIR(sb.st_mode)) {
        return open_fail(s, st_fail(s, STORE_IO, "%s is a directory, not a database; give a file path", path), out,
                         err, errsz);
    }
    /* A file we cannot write (or whose directory cannot take the -wal/-shm files) is
     * opened read-only: reading works, writes say why they cannot. */
    char *dir = dir_of(path);
    bool dir_ok = dir && access(dir, W_OK) == 0;
    free(dir);
    if (!exists && !dir_ok)
        return open_fail(s, st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", path), out,
                         err, errsz);
    bool writable = !exists || (dir_ok && access(path, W_OK) == 0);
    int oflags = writable ? SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) : SQLITE_OPEN_READONLY;
    int rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);   /* one thread per connection */
    if (rc != SQLITE_OK) {
        if (!s->db) return open_fail(s, st_fail(s, STORE_IO, "out of memory opening %s", path), out, err, errsz);
        return open_fail(s, st_fail(s, STORE_IO, "cannot open %s: %s", path, sqlite3_errmsg(s->db)), out, err,
                         errsz);
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, st_busy_timeout_ms());
    s->readonly = !writable || sqlite3_db_readonly(s->db, "main") == 1;

    /* Look before writing anything: version, and whether this is an lnd database at all. */
    int uv = 0, ntables = 0;
    rc = pragma_int(s, "PRAGMA user_version", &uv);
    if (rc != SQLITE_OK && !writable && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)) {
        /* A WAL database in a directory we cannot write, with no -shm file: nobody is
         * writing it, so read it as the immutable file it is. */
        sqlite3_close(s->db);
        s->db = NULL;
        rc = open_immutable(s, path);
        if (rc == SQLITE_OK) rc = pragma_int(s, "PRAGMA user_version", &uv);
    }
    if (rc == SQLITE_OK) rc = pragma_int(s, "SELECT count(*) FROM sqlite_master", &ntables);
    if (rc != SQLITE_OK) {
        store_rc d = st_denied(s, path, false);   /* e.g. a -shm file only its owner may read */
        if (d != STORE_OK) return open_fail(s, d, out, err, errsz);
        store_rc r = st_sqlfail(s, rc, "opening the database");
        if (r == STORE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
            r = st_fail(s, STORE_IO, "cannot open %s: %s", path, sqlite3_errmsg(s->db));
        return open_fail(s, r, out, err, errsz);
    }
    if (uv > STORE_SCHEMA_VERSION)
        return open_fail(s, st_fail(s, STORE_NEWER, "database schema %d is newer than this lnd (%d); upgrade lnd",
                                    uv, STORE_SCHEMA_VERSION), out, err, errsz);
    if (uv == 0 && ntables > 0)
        return open_fail(s, st_fail(s, STORE_INVALID, "%s is not an lnd database (it holds other tables)", path), out,
                         err, errsz);
    if (uv == 0 && !create)
        return open_fail(s, st_fail(s, STORE_NODB, "no database at %s", path), out, err, errsz);

    rc = st_exec(s, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY");
    if (rc == SQLITE_OK && !s->readonly) {
        int is_wal = 0;
        rc = pragma_int(s, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", &is_wal);
        if (rc == SQLITE_OK && !is_wal) rc = st_exec(s, "PRAGMA journal_mode=WAL");
        if (rc == SQLITE_OK) wal_keep(s);
    }
    if (rc != SQLITE_OK) return open_fail(s, st_sqlfail(s, rc, "opening the database"), out, err, errsz);
    if (uv < STORE_SCHEMA_VERSION) {
        if (s->readonly)
            return open_fail(s, st_fail(s, STORE_READONLY,
                                        "cannot write %s: read-only; check permissions (schema %d must be "
                                        "upgraded to %d)", path, uv, STORE_SCHEMA_VERSION), out, err, errsz);
        store_rc r = st_migrate(s, uv);
        if (r != STORE_OK) return open_fail(s, r, out, err, errsz);
    }
    if (flags & STORE_OPEN_READONLY) {
        st_exec(s, "PRAGMA query_only=ON");
        s->readonly = true;
    }
    *out = s;
    return STORE_OK;
}

void store_close(store *s)
{
    if (!s) return;
    for (int i = 0; i < STORE_STMT_CACHE; i++)
        if (s->cache[i].st) sqlite3_finalize(s->cache[i].st);
    if (s->db) {
        if (!sqlite3_get_autocommit(s->db)) st_exec(s, "ROLLBACK");
        sqlite3_close(s->db);
    }
    free(s->pending_close);
    free(s->path);
    free(s);
}

void store_set_account(store *s, const char *account)
{
    if (s) snprintf(s->account, sizeof s->account, "%s", account ? account : "");
}

bool store_readonly(const store *s)
{
    return s && s->readonly;
}

const char *store_errmsg(const store *s)
{
    return s ? s->err : "out of memory";
}

const char *store_rc_name(store_rc rc)
{
    static const char *const names[] = {"ok", "not found", "conflict", "busy", "invalid",
                                        "read-only", "newer schema", "no database", "locked", "i/o error",
                                        "permission denied"};
    return (unsigned)rc < sizeof names / sizeof names[0] ? names[rc] : "?";
}

int store_rc_exit(store_rc rc)
{
    switch (rc) {
    case STORE_OK: return 0;
    case STORE_NOTFOUND:
    case STORE_INVALID:
    case STORE_NEWER:
    case STORE_LOCKED: return 65;   /* EX_DATAERR */
    case STORE_CONFLICT: return 75; /* EX_TEMPFAIL: reload and try again */
    case STORE_BUSY: return 69;     /* EX_UNAVAILABLE */
    case STORE_READONLY: return 73; /* EX_CANTCREAT */
    case STORE_NODB: return 66;     /* EX_NOINPUT */
    case STORE_IO: return 74;       /* EX_IOERR */
    case STORE_DENIED: return 77;   /* EX_NOPERM */
    }
    return 74;
}

store_rc store_data_version(store *s, long long *out)
{
    sqlite3_stmt *st = st_prep(s, "PRAGMA data_version");
    if (!st) return STORE_IO;
    int rc = sqlite3_step(st);
    long long v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) return st_sqlfail(s, rc, "reading data_version");
    *out = v + s->own_commits;   /* data_version ignores our own commits; count them too */
    return STORE_OK;
}

/* ---- caller-grouped transactions ---- */

store_rc store_tx_begin(store *s)
{
    if (s->in_tx) return st_fail(s, STORE_INVALID, "a transaction is already open; commit it first");
    store_rc rc = st_wbegin(s);
    if (rc == STORE_OK) {
        st_exec(s, "PRAGMA cache_size = -65536");   /* bulk writes: 64 MB of cache, no spilling */
        s->in_tx = true;
        s->sp_depth = 0;
        s->npending = 0;
    }
    return rc;
}

store_rc store_tx_commit(store *s)
{
    if (!s->in_tx) return st_fail(s, STORE_INVALID, "no transaction is open");
    store_rc rc = STORE_OK;
    for (size_t i = 0; i < s->npending && rc == STORE_OK; i++) {   /* see store_restore.c */
        sqlite3_stmt *st = st_prep(s, "UPDATE cycle SET state = 'closed' WHERE id = ?");
        if (!st) rc = STORE_IO;
        else {
            sqlite3_bind_int64(st, 1, s->pending_close[i]);
            int r = st_step_done(s, st);
            if (r != SQLITE_DONE) rc = st_sqlfail(s, r, "closing a restored cycle");
        }
    }
    s->npending = 0;
    s->in_tx = false;
    s->sp_depth = 0;
    rc = st_wend(s, rc);
    st_exec(s, "PRAGMA cache_size = -2000");
    if (rc == STORE_OK) wal_settle(s);
    return rc;
}

void store_tx_rollback(store *s)
{
    if (!s) return;
    s->in_tx = false;
    s->sp_depth = 0;
    s->npending = 0;
    st_hook_reset(s);
    if (s->db && !sqlite3_get_autocommit(s->db)) st_exec(s, "ROLLBACK");
    if (s->db) st_exec(s, "PRAGMA cache_size = -2000");
}
