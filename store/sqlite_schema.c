/* SPDX-License-Identifier: MIT */
/* store/sqlite_schema.c — the database schema and its migrations, versioned by
 * PRAGMA user_version. Each step runs in its own BEGIN IMMEDIATE transaction, in order; a
 * step never edits an earlier one (released databases exist at every version). Also the
 * test hooks that build a database at an old version. Nothing here touches user data except
 * the backfills a migration needs. */
#include "sqlite_int.h"

#include <stdio.h>
#include <string.h>

/* v1: cycles, objectives, key results, append-only check-ins. */
static const char schema_v1[] =
    "CREATE TABLE cycle ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
    " start TEXT NOT NULL,"
    " weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 53),"
    " state TEXT NOT NULL DEFAULT 'planning' CHECK (state IN ('planning','active','review','closed')),"
    " version INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE objective ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " cycle_id INTEGER NOT NULL REFERENCES cycle(id),"
    " parent_id INTEGER REFERENCES objective(id),"
    " level TEXT NOT NULL CHECK (level IN ('business','ld','team')),"
    " type TEXT NOT NULL CHECK (type IN ('committed','aspirational','learning')),"
    " title TEXT NOT NULL CHECK (title <> ''),"
    " problem TEXT NOT NULL DEFAULT '',"
    " outcome TEXT NOT NULL DEFAULT '',"
    " capability TEXT NOT NULL DEFAULT '',"
    " owner TEXT NOT NULL DEFAULT '',"
    " business_owner TEXT NOT NULL DEFAULT '',"
    " cadence_days INTEGER NOT NULL DEFAULT 7 CHECK (cadence_days >= 1),"
    " archived INTEGER NOT NULL DEFAULT 0,"
    " version INTEGER NOT NULL DEFAULT 1);"
    "CREATE INDEX objective_cycle ON objective(cycle_id);"
    "CREATE TABLE kr ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " objective_id INTEGER NOT NULL REFERENCES objective(id),"
    " title TEXT NOT NULL CHECK (title <> ''),"
    " unit TEXT NOT NULL DEFAULT '',"
    " baseline REAL,"                                   /* NULL: no baseline captured */
    " target REAL NOT NULL,"
    " direction TEXT NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase','decrease')),"
    " due_week INTEGER NOT NULL DEFAULT 0 CHECK (due_week >= 0),"
    " owner TEXT NOT NULL DEFAULT '',"
    " coowner TEXT NOT NULL DEFAULT '',"
    " weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),"
    " evidence TEXT NOT NULL CHECK (evidence IN ('activity','reaction','learning','behaviour','results')),"
    " indicator TEXT NOT NULL CHECK (indicator IN ('leading','lagging')),"
    " archived INTEGER NOT NULL DEFAULT 0,"
    " version INTEGER NOT NULL DEFAULT 1);"
    "CREATE INDEX kr_objective ON kr(objective_id);"
    "CREATE TABLE checkin ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kr_id INTEGER NOT NULL REFERENCES kr(id),"
    " at TEXT NOT NULL,"                                /* YYYY-MM-DD HH:MM:SS UTC */
    " value REAL NOT NULL,"
    " confidence INTEGER NOT NULL DEFAULT -1 CHECK (confidence BETWEEN -1 AND 10),"
    " note TEXT NOT NULL DEFAULT '',"
    " author TEXT NOT NULL DEFAULT '',"
    " observed INTEGER NOT NULL DEFAULT -1,"
    " applied INTEGER NOT NULL DEFAULT -1,"
    " CHECK ((observed = -1 AND applied = -1) OR (observed > 0 AND applied BETWEEN 0 AND observed)));"
    "CREATE INDEX checkin_kr_at ON checkin(kr_id, at, id);"
    "CREATE TRIGGER checkin_no_update BEFORE UPDATE ON checkin BEGIN"
    " SELECT RAISE(ABORT, 'check-ins are append-only: log a new check-in instead of changing one'); END;"
    "CREATE TRIGGER checkin_no_delete BEFORE DELETE ON checkin BEGIN"
    " SELECT RAISE(ABORT, 'check-ins are append-only: they cannot be deleted'); END;"
    "CREATE TRIGGER checkin_closed_cycle BEFORE INSERT ON checkin"
    " WHEN (SELECT c.state FROM kr JOIN objective o ON o.id = kr.objective_id"
    "       JOIN cycle c ON c.id = o.cycle_id WHERE kr.id = NEW.kr_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its check-ins are locked'); END;";

/* v2: programmes, KPIs with history, the audit log, carry-forward links, and each KR's
 * latest check-in kept on the KR by a trigger (never touching kr.version). */
static const char schema_v2[] =
    "ALTER TABLE objective ADD COLUMN carried_from INTEGER REFERENCES objective(id);"
    "ALTER TABLE kr ADD COLUMN carried_from INTEGER REFERENCES kr(id);"
    "ALTER TABLE kr ADD COLUMN cur_value REAL;"
    "ALTER TABLE kr ADD COLUMN cur_confidence INTEGER NOT NULL DEFAULT -1;"
    "ALTER TABLE kr ADD COLUMN last_at TEXT;"
    "ALTER TABLE kr ADD COLUMN last_checkin INTEGER;"
    "ALTER TABLE kr ADD COLUMN ncheckins INTEGER NOT NULL DEFAULT 0;"
    "UPDATE kr SET ncheckins = (SELECT count(*) FROM checkin c WHERE c.kr_id = kr.id),"
    " last_checkin = (SELECT c.id FROM checkin c WHERE c.kr_id = kr.id ORDER BY c.at DESC, c.id DESC LIMIT 1);"
    "UPDATE kr SET (cur_value, cur_confidence, last_at) ="
    " (SELECT c.value, c.confidence, c.at FROM checkin c WHERE c.id = kr.last_checkin)"
    " WHERE last_checkin IS NOT NULL;"
    "CREATE TRIGGER checkin_latest AFTER INSERT ON checkin BEGIN"
    " UPDATE kr SET ncheckins = ncheckins + 1 WHERE id = NEW.kr_id;"
    " UPDATE kr SET cur_value = NEW.value, cur_confidence = NEW.confidence, last_at = NEW.at,"
    "  last_checkin = NEW.id WHERE id = NEW.kr_id AND (last_at IS NULL OR NEW.at > last_at"
    "  OR (NEW.at = last_at AND NEW.id > last_checkin)); END;"
    "CREATE TABLE programme ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " cycle_id INTEGER NOT NULL REFERENCES cycle(id),"
    " objective_id INTEGER REFERENCES objective(id),"  /* NULL: serves no objective */
    " title TEXT NOT NULL CHECK (title <> ''),"
    " audience TEXT NOT NULL DEFAULT '',"
    " start_week INTEGER NOT NULL CHECK (start_week >= 1),"
    " end_week INTEGER NOT NULL,"
    " archived INTEGER NOT NULL DEFAULT 0,"
    " version INTEGER NOT NULL DEFAULT 1,"
    " CHECK (end_week >= start_week));"
    "CREATE INDEX programme_cycle ON programme(cycle_id);"
    "CREATE TABLE kpi ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL CHECK (name <> ''),"
    " unit TEXT NOT NULL DEFAULT '',"
    " min REAL, max REAL,"                              /* healthy range; NULL = unbounded */
    " value REAL, updated_at TEXT,"                     /* latest value, from kpi_value */
    " archived INTEGER NOT NULL DEFAULT 0,"
    " version INTEGER NOT NULL DEFAULT 1);"
    "CREATE TABLE kpi_value ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
    " at TEXT NOT NULL,"
    " value REAL NOT NULL,"
    " author TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX kpi_value_kpi ON kpi_value(kpi_id, at, id);"
    "CREATE TABLE audit ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " user TEXT NOT NULL,"
    " action TEXT NOT NULL,"                            /* add, edit, archive, state, checkin ... */
    " entity TEXT NOT NULL,"                            /* cycle, objective, kr, checkin ... */
    " entity_id INTEGER NOT NULL DEFAULT 0,"
    " detail TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX audit_at ON audit(at);"
    "CREATE INDEX audit_entity ON audit(entity, entity_id, id);"
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

/* v3: end-of-cycle reviews (one per objective, versioned). */
static const char schema_v3[] =
    "CREATE TABLE review ("
    " objective_id INTEGER PRIMARY KEY REFERENCES objective(id),"
    " score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 1),"
    " worked TEXT NOT NULL DEFAULT '',"
    " didnt TEXT NOT NULL DEFAULT '',"
    " carry TEXT NOT NULL DEFAULT '',"
    " carry_forward INTEGER NOT NULL DEFAULT 0,"
    " version INTEGER NOT NULL DEFAULT 1,"
    " updated_by TEXT NOT NULL DEFAULT '',"
    " updated_at TEXT NOT NULL DEFAULT '');";

/* v4: health rules waived for one objective, with the reason (H02 for an awareness
 * programme whose honest measure is activity). */
static const char schema_v4[] =
    "CREATE TABLE waiver ("
    " objective_id INTEGER NOT NULL REFERENCES objective(id),"
    " rule TEXT NOT NULL CHECK (rule IN ('H02','H03','H05')),"
    " reason TEXT NOT NULL CHECK (reason <> ''),"
    " author TEXT NOT NULL DEFAULT '',"
    " at TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (objective_id, rule));";

/* v5: the operating-system account beside the display name on every change (audit rows and
 * check-ins); '' on rows written before, which show the display name alone. */
static const char schema_v5[] =
    "ALTER TABLE audit ADD COLUMN account TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE checkin ADD COLUMN account TEXT NOT NULL DEFAULT '';";

/* v6: what a learning objective tests (its hypothesis) and what its review found. */
static const char schema_v6[] =
    "ALTER TABLE objective ADD COLUMN hypothesis TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE review ADD COLUMN finding TEXT NOT NULL DEFAULT '';";

/* v7: after the quarter. A check-in may name a cohort (from the programme's cohort list; a
 * comparison cohort never sets the KR's current value) and may settle a follow-up (+30/+60/+90
 * days after the programme serving its KR: accepted in a closed cycle inside the KR's
 * measurement window). No check-in dated after the cycle's last day sets the current value: a
 * quarter's numbers are as of its end; later ones show in the series. A baseline records its
 * date. Current values are recomputed under the new rule. */
static const char schema_v7[] =
    "ALTER TABLE checkin ADD COLUMN cohort TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE checkin ADD COLUMN comparison INTEGER NOT NULL DEFAULT 0 CHECK (comparison IN (0,1));"
    "ALTER TABLE checkin ADD COLUMN followup INTEGER NOT NULL DEFAULT 0 CHECK (followup >= 0);"
    "ALTER TABLE kr ADD COLUMN baseline_at TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE programme ADD COLUMN cohorts TEXT NOT NULL DEFAULT 'trained,not yet trained';"
    "DROP TRIGGER checkin_closed_cycle;"
    "CREATE TRIGGER checkin_closed_cycle BEFORE INSERT ON checkin"
    " WHEN NEW.followup = 0 AND (SELECT c.state FROM kr JOIN objective o ON o.id = kr.objective_id"
    "       JOIN cycle c ON c.id = o.cycle_id WHERE kr.id = NEW.kr_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its check-ins are locked'); END;"
    "CREATE VIEW checkin_counts AS SELECT ck.*, (ck.comparison = 0 AND"
    " substr(ck.at, 1, 10) <= (SELECT date(c.start, '+' || (c.weeks * 7 - 1) || ' days') FROM kr"
    "  JOIN objective o ON o.id = kr.objective_id JOIN cycle c ON c.id = o.cycle_id WHERE kr.id = ck.kr_id))"
    " AS counts FROM checkin ck;"
    "DROP TRIGGER checkin_latest;"
    "CREATE TRIGGER checkin_latest AFTER INSERT ON checkin BEGIN"
    " UPDATE kr SET ncheckins = ncheckins + 1 WHERE id = NEW.kr_id;"
    " UPDATE kr SET cur_value = NEW.value, cur_confidence = NEW.confidence, last_at = NEW.at,"
    "  last_checkin = NEW.id WHERE id = NEW.kr_id"
    "  AND (SELECT counts FROM checkin_counts WHERE id = NEW.id)"
    "  AND (last_at IS NULL OR NEW.at > last_at OR (NEW.at = last_at AND NEW.id > last_checkin)); END;"
    "UPDATE kr SET last_checkin = (SELECT c.id FROM checkin_counts c WHERE c.kr_id = kr.id AND c.counts"
    " ORDER BY c.at DESC, c.id DESC LIMIT 1);"
    "UPDATE kr SET (cur_value, cur_confidence, last_at) ="
    " (SELECT c.value, c.confidence, c.at FROM checkin c WHERE c.id = kr.last_checkin);"
    "UPDATE kr SET cur_confidence = -1 WHERE last_checkin IS NULL;"
    /* a closed cycle's plan stays locked: its objectives, KRs and programmes */
    "CREATE TRIGGER objective_closed_add BEFORE INSERT ON objective"
    " WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER objective_closed_edit BEFORE UPDATE ON objective"
    " WHEN (SELECT state FROM cycle WHERE id = OLD.cycle_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER kr_closed_add BEFORE INSERT ON kr"
    " WHEN (SELECT c.state FROM objective o JOIN cycle c ON c.id = o.cycle_id WHERE o.id = NEW.objective_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER kr_closed_edit BEFORE UPDATE OF objective_id, title, unit, baseline, target, direction, due_week,"
    " owner, coowner, weight, evidence, indicator, archived, version, baseline_at ON kr"
    " WHEN (SELECT c.state FROM objective o JOIN cycle c ON c.id = o.cycle_id WHERE o.id = OLD.objective_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER programme_closed_add BEFORE INSERT ON programme"
    " WHEN (SELECT state FROM cycle WHERE id = NEW.cycle_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;"
    "CREATE TRIGGER programme_closed_edit BEFORE UPDATE ON programme"
    " WHEN (SELECT state FROM cycle WHERE id = OLD.cycle_id) = 'closed'"
    " BEGIN SELECT RAISE(ABORT, 'the cycle is closed: its plan is locked'); END;";

/* A step is SQL, or a function run inside the step's transaction. */
typedef struct {
    const char *sql;
    int (*run)(sqlite3 *db);
} schema_step;

/* v10: the audit log's `user` column is `author` (a reserved word in PostgreSQL, where
 * `SELECT user` is the role's name); exports still say "user". Idempotent: a file that already
 * has `author` is left as it is. */
static int rename_audit_user(sqlite3 *db)
{
    int has_user = 0;
    int rc = sqlite_pragma_int(db, "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'user'", &has_user);
    if (rc != SQLITE_OK || !has_user) return rc;
    return sqlite3_exec(db, "ALTER TABLE audit RENAME COLUMN user TO author", NULL, NULL, NULL);
}

#define OBJ_JSON(R)                                                                             \
    "json_object('parent_id'," R ".parent_id,'level'," R ".level,'type'," R ".type,'title'," R   \
    ".title,'problem'," R ".problem,'outcome'," R ".outcome,'capability'," R ".capability,"       \
    "'owner'," R ".owner,'business_owner'," R ".business_owner,'cadence_days'," R                 \
    ".cadence_days,'archived'," R ".archived,'hypothesis'," R ".hypothesis)"
#define KR_JSON(R)                                                                              \
    "json_object('objective_id'," R ".objective_id,'title'," R ".title,'unit'," R ".unit,"        \
    "'baseline'," R ".baseline,'target'," R ".target,'direction'," R ".direction,'due_week'," R   \
    ".due_week,'owner'," R ".owner,'coowner'," R ".coowner,'weight'," R ".weight,'evidence'," R   \
    ".evidence,'indicator'," R ".indicator,'archived'," R ".archived,'baseline_at'," R            \
    ".baseline_at)"
#define PROG_JSON(R)                                                                            \
    "json_object('objective_id'," R ".objective_id,'title'," R ".title,'audience'," R             \
    ".audience,'start_week'," R ".start_week,'end_week'," R ".end_week,'archived'," R             \
    ".archived,'cohorts'," R ".cohorts)"

/* v9: undo history (store_undo.c): the row before each version change, as JSON, and the
 * version each audited plan change left */
static const char st_schema_v9[] =
    "CREATE TABLE IF NOT EXISTS plan_before ("
    " entity TEXT NOT NULL CHECK (entity IN ('objective','kr','programme')),"
    " entity_id INTEGER NOT NULL,"
    " version INTEGER NOT NULL,"                 /* the version the change produced */
    " row TEXT NOT NULL,"                        /* the row before it, as JSON */
    " PRIMARY KEY (entity, entity_id, version));"
    "CREATE TABLE IF NOT EXISTS plan_change ("
    " audit_id INTEGER PRIMARY KEY REFERENCES audit(id),"
    " version INTEGER,"                          /* the row's version right after the change */
    " undone_by INTEGER REFERENCES audit(id));"
    "CREATE TRIGGER IF NOT EXISTS objective_before AFTER UPDATE OF version ON objective"
    " WHEN NEW.version <> OLD.version BEGIN INSERT OR REPLACE INTO plan_before"
    " VALUES ('objective', OLD.id, NEW.version, " OBJ_JSON("OLD") "); END;"
    "CREATE TRIGGER IF NOT EXISTS kr_before AFTER UPDATE OF version ON kr"
    " WHEN NEW.version <> OLD.version BEGIN INSERT OR REPLACE INTO plan_before"
    " VALUES ('kr', OLD.id, NEW.version, " KR_JSON("OLD") "); END;"
    "CREATE TRIGGER IF NOT EXISTS programme_before AFTER UPDATE OF version ON programme"
    " WHEN NEW.version <> OLD.version BEGIN INSERT OR REPLACE INTO plan_before"
    " VALUES ('programme', OLD.id, NEW.version, " PROG_JSON("OLD") "); END;"
    "CREATE TRIGGER IF NOT EXISTS audit_plan_change AFTER INSERT ON audit"
    " WHEN NEW.entity IN ('objective','kr','programme') BEGIN"
    " INSERT INTO plan_change(audit_id, version) VALUES (NEW.id, CASE NEW.entity"
    "  WHEN 'objective' THEN (SELECT version FROM objective WHERE id = NEW.entity_id)"
    "  WHEN 'kr' THEN (SELECT version FROM kr WHERE id = NEW.entity_id)"
    "  ELSE (SELECT version FROM programme WHERE id = NEW.entity_id) END); END;";

/* v8: text an older lnd stored as raw bytes re-encoded as UTF-8 (sqlite_repair.c); the last
 * step, so it reaches every text column the steps before it created. */
static const schema_step steps[STORE_SCHEMA_VERSION] = {
    {schema_v1, NULL}, {schema_v2, NULL}, {schema_v3, NULL}, {schema_v4, NULL}, {schema_v5, NULL},
    {schema_v6, NULL}, {schema_v7, NULL}, {NULL, st_repair_text},
    {st_schema_v9, NULL},   /* v9: undo history (store_undo.c) */
    {NULL, rename_audit_user},
};

int sqlite_schema_version(sqlite3 *db, int *out)
{
    return sqlite_pragma_int(db, "PRAGMA user_version", out);
}

int store_schema_version(void)
{
    return STORE_SCHEMA_VERSION;
}

/* Bring db from its version up to `to`, one transaction per step. Returns an SQLite code;
 * *failed_step says which step failed. */
static int migrate_db(sqlite3 *db, int to, int *failed_step)
{
    for (;;) {
        int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) return rc;
        int v = 0;
        rc = sqlite_schema_version(db, &v);            /* re-read: another process may have migrated */
        if (rc == SQLITE_OK && v >= to) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return SQLITE_OK;
        }
        *failed_step = v + 1;
        if (rc == SQLITE_OK)
            rc = steps[v].run ? steps[v].run(db) : sqlite3_exec(db, steps[v].sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
            rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        }
        if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
}

store_rc st_migrate(store *s, int from)
{
    int step = from + 1;
    int rc = migrate_db(SQ(s), STORE_SCHEMA_VERSION, &step);
    if (rc == SQLITE_OK) return STORE_OK;
    char what[96];
    snprintf(what, sizeof what, "upgrading the database to schema %d", step);
    return st_sqlite_fail(s, rc, what);
}

/* ---- test hooks ---- */

store_rc store_create_at_version(const char *path, int version, char *err, size_t errsz)
{
    if (version < 1 || version > STORE_SCHEMA_VERSION) {
        snprintf(err, errsz, "no schema version %d", version);
        return STORE_INVALID;
    }
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    int step = 0;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = migrate_db(db, version, &step);
    if (rc != SQLITE_OK) snprintf(err, errsz, "%s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return rc == SQLITE_OK ? STORE_OK : STORE_IO;
}

store_rc store_set_user_version(const char *path, int version)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? STORE_OK : STORE_IO;
}

store_rc store_exec_raw(store *s, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(SQ(s), sql, NULL, NULL, &msg);
    if (rc == SQLITE_OK) return STORE_OK;
    store_rc r = st_fail(s, STORE_INVALID, "%s", msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    if ((rc & 0xff) == SQLITE_BUSY) r = STORE_BUSY;
    return r;
}

store_rc store_raw_path(const char *path, const char *sql, char *err, size_t errsz)
{
    sqlite3 *db = NULL;
    char *msg = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) snprintf(err, errsz, "%s", msg ? msg : db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK ? STORE_OK : STORE_IO;
}

store_rc store_user_version(const char *path, int *version)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK) rc = sqlite_schema_version(db, version);
    sqlite3_close(db);
    return rc == SQLITE_OK ? STORE_OK : STORE_IO;
}
