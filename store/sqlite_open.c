/* SPDX-License-Identifier: MIT */
/* store/sqlite_open.c — opening an SQLite file: missing file, parent directories, read-only
 * files, files that are not SQLite, schema versions (older: migrated; newer: refused before
 * anything is written), the per-connection pragmas (WAL kept, busy_timeout, foreign keys),
 * the page cache of bulk writes and PRAGMA data_version. store_open.c calls it. */
#include "sqlite_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    sqlite3_file_control(SQ(s), "main", SQLITE_FCNTL_PERSIST_WAL, &one);
    sqlite3_db_config(SQ(s), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    st_sqlite_exec(s, "PRAGMA journal_size_limit = 4194304");
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
        sqlite3_wal_checkpoint_v2(SQ(s), "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    free(wal);
}

static int pragma_int(store *s, const char *sql, int *out) { return sqlite_pragma_int(SQ(s), sql, out); }

int st_sqlite_exec(store *s, const char *sql)
{
    sqlite3 *h = SQ(s);
    return h ? sqlite_db_rc(s->db, sqlite3_exec(h, sql, NULL, NULL, NULL)) : DB_OK;
}

/* The same with SQLite's own code, for the opening steps here. */
static int sq_exec(store *s, const char *sql)
{
    return sqlite3_exec(SQ(s), sql, NULL, NULL, NULL);
}

/* Open path read-only as file:PATH?immutable=1 (path percent-encoded). */
static int open_immutable(store *s, const char *path, char *msg, size_t msgsz)
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
    int rc;
    sqlite_db_open_flags(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, st_busy_timeout_ms(),
                         &s->db, &rc, msg, msgsz);
    free(uri);
    return rc;
}

store_rc st_sqlite_open(store *s, const char *path, int flags)
{
    bool create = (flags & STORE_OPEN_CREATE) && !(flags & STORE_OPEN_READONLY);
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if ((!exists && errno == EACCES) || (exists && access(path, R_OK) != 0 && errno == EACCES)) {
        store_rc d = st_denied(s, path, false);   /* a directory on the way, or the file */
        if (d != STORE_OK) return d;
    }
    if (!exists) {
        if (!create)
            return st_fail(s, STORE_NODB, "no database at %s", path);
        char where[4096] = "";
        int e = st_make_parents(path, where, sizeof where);
        if (e == EACCES || e == EROFS || e == EPERM)
            return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", path);
        if (e)
            return st_fail(s, STORE_IO, "cannot create directory %s: %s", where, strerror(e));
    } else if (S_ISDIR(sb.st_mode)) {
        return st_fail(s, STORE_IO, "%s is a directory, not a database; give a file path", path);
    }
    /* A file we cannot write (or whose directory cannot take the -wal/-shm files) is
     * opened read-only: reading works, writes say why they cannot. */
    char *dir = dir_of(path);
    bool dir_ok = dir && access(dir, W_OK) == 0;
    free(dir);
    if (!exists && !dir_ok)
        return st_fail(s, STORE_READONLY, "cannot write %s: read-only; check permissions", path);
    bool writable = !exists || (dir_ok && access(path, W_OK) == 0);
    int oflags = writable ? SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) : SQLITE_OPEN_READONLY;
    int rc;
    char msg[512] = "out of memory";
    /* one thread per connection; extended result codes, the busy timeout */
    sqlite_db_open_flags(path, oflags | SQLITE_OPEN_NOMUTEX, st_busy_timeout_ms(), &s->db, &rc, msg, sizeof msg);
    if (rc != SQLITE_OK) {
        if (rc == SQLITE_NOMEM) return st_fail(s, STORE_IO, "out of memory opening %s", path);
        return st_fail(s, STORE_IO, "cannot open %s: %s", path, msg);
    }
    s->readonly = !writable || sqlite3_db_readonly(SQ(s), "main") == 1;

    /* Look before writing anything: version, and whether this is an lnd database at all. */
    int uv = 0, ntables = 0;
    rc = sqlite_schema_version(SQ(s), &uv);
    if (rc != SQLITE_OK && !writable && ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)) {
        /* A WAL database in a directory we cannot write, with no -shm file: nobody is
         * writing it, so read it as the immutable file it is. */
        db_close(s->db);
        s->db = NULL;
        rc = open_immutable(s, path, msg, sizeof msg);
        if (rc == SQLITE_OK) rc = sqlite_schema_version(SQ(s), &uv);
    }
    if (rc == SQLITE_OK) rc = pragma_int(s, "SELECT count(*) FROM sqlite_master", &ntables);
    if (rc != SQLITE_OK) {
        store_rc d = st_denied(s, path, false);   /* e.g. a -shm file only its owner may read */
        if (d != STORE_OK) return d;
        if (!s->db) return st_fail(s, STORE_IO, "cannot open %s: %s", path, msg);   /* the immutable open */
        store_rc r = st_sqlite_fail(s, rc, "opening the database");
        if (r == STORE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN)
            r = st_fail(s, STORE_IO, "cannot open %s: %s", path, sqlite3_errmsg(SQ(s)));
        return r;
    }
    store_rc r = st_schema_refuse(s, path, uv, ntables > 0, create);
    if (r != STORE_OK) return r;

    rc = sq_exec(s, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY");
    if (rc == SQLITE_OK && !s->readonly) {
        int is_wal = 0;
        rc = pragma_int(s, "SELECT journal_mode = 'wal' FROM pragma_journal_mode", &is_wal);
        if (rc == SQLITE_OK && !is_wal) rc = sq_exec(s, "PRAGMA journal_mode=WAL");
        if (rc == SQLITE_OK) wal_keep(s);
    }
    if (rc != SQLITE_OK) return st_sqlite_fail(s, rc, "opening the database");
    if ((r = st_schema_upgrade(s, path, uv)) != STORE_OK) return r;
    if (flags & STORE_OPEN_READONLY) {
        st_sqlite_exec(s, "PRAGMA query_only=ON");
        s->readonly = true;
    }
    return STORE_OK;
}

void st_sqlite_bulk(store *s, bool on, bool committed)
{
    st_sqlite_exec(s, on ? "PRAGMA cache_size = -65536"    /* bulk writes: 64 MB of cache, no spilling */
                         : "PRAGMA cache_size = -2000");
    if (committed) wal_settle(s);
}

store_rc st_sqlite_data_version(store *s, long long *out)
{
    return st_one_int(s, "PRAGMA data_version", "reading data_version", out);
}
