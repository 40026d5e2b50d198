/* SPDX-License-Identifier: MIT */
/* core/fields.h — one field table per entity (an X-macro), the single place a field of a key
 * result is described: its C member, SQL column, JSON key, CSV column, audit label and form
 * metadata. store/ generates its column lists, row reader, binders and restore from it; the
 * JSON and CSV export/import in cli/ generate their fields from it; fields_kr_diff (audit and
 * conflict diffs) and the form metadata array fields_kr[] live in core/fields.c. No I/O, no
 * SQL, no curses here: the table only names things. See docs/HACKING.md, "Adding a field". */
#ifndef LND_FIELDS_H
#define LND_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "cohort.h"
#include "model.h"

/* X(kind, member, column, json, role, aux, diff, form, fkind, req, width, hint, csv)
 *  kind   how it is stored and moved (one token):
 *         ID      lnd_id, required (bound as an integer)      aux: the id's letter, e.g. 'O'
 *         REF     lnd_id, 0 = none (NULL in SQL, null in JSON) aux: the id's letter ("none" for 0)
 *         TEXT    char *, required string in JSON             aux: intern in big loads (1/0)
 *         OPTTEXT char *, may be absent in JSON (older files) aux: intern (1/0)
 *         DEFTEXT char *, blank = the default aux when added or imported, unchanged on edit
 *                 (and then not in the diff); may be absent in JSON  aux: the default
 *         STAMP   char *, a "YYYY-MM-DD HH:MM:SS" UTC time, ISO 8601 in JSON  aux: unused (0)
 *         NUM     double, required number in JSON             aux: unused (0)
 *         POS     double > 0; 0 or absent = aux               aux: the default
 *         OPTNUM  double with a bool "has" member, NULL = none aux: the has member
 *         INT     int or long                                 aux: default when absent in JSON
 *         POSINT  int > 0; 0 or absent = aux                  aux: the default
 *         OPTINT  int, -1 = none (null in JSON, absent = -1)   aux: unused (0)
 *         ENUM    a model enum with model_<aux>_name/_parse    aux: the family, e.g. direction
 *         BOOL    bool                                        aux: unused (0)
 *  role   EDIT: written by add and edit, listed in audit and conflict diffs;
 *         KEEP: written by add and import only (carried_from, archived, version);
 *         HIDE: like KEEP but not in JSON or CSV either (the row's place: cycle_id)
 *  diff   the name in audit details and conflict screens ("due week")
 *  form   the label on a form, NULL = not on the form; fkind TEXT, NUMBER, DATE, ENUM,
 *         MULTILINE or NONE; req 1 = must not be empty; width in columns; hint or NULL
 *  csv    the column in `lnd export --format csv`, "" = not exported there */
#define FIELDS_KR(X)                                                                                         \
    X(ID, objective_id, "objective_id", "objective", EDIT, 'O', "objective", NULL, NONE, 1, 6, NULL, "")     \
    X(TEXT, title, "title", "title", EDIT, 0, "title", "Metric", TEXT, 1, 60, NULL, "kr")                    \
    X(TEXT, unit, "unit", "unit", EDIT, 1, "unit", "Unit", TEXT, 0, 12, "%, days, $M ... or empty", "unit")  \
    X(OPTNUM, baseline, "baseline", "baseline", EDIT, has_baseline, "baseline", "Baseline", NUMBER, 0, 12,  \
      "before the programme; empty = unknown", "baseline")                                                 \
    X(OPTTEXT, baseline_at, "baseline_at", "baseline_at", EDIT, 1, "baseline date", "Baseline date", DATE,  \
      0, 10, "YYYY-MM-DD the baseline was measured", "")                                                   \
    X(NUM, target, "target", "target", EDIT, 0, "target", "Target", NUMBER, 1, 12, NULL, "target")          \
    X(ENUM, direction, "direction", "direction", EDIT, direction, "direction", "Direction", ENUM, 1, 10,    \
      NULL, "direction")                                                                                    \
    X(INT, due_week, "due_week", "due_week", EDIT, 0, "due week", "Due week", NUMBER, 1, 4,                 \
      "0 = end of cycle", "")                                                                               \
    X(TEXT, owner, "owner", "owner", EDIT, 1, "owner", "Owner", TEXT, 1, 24, NULL, "")                      \
    X(TEXT, coowner, "coowner", "coowner", EDIT, 1, "co-owner", "Co-owner", TEXT, 0, 24,                    \
      "business co-owner", "")                                                                              \
    X(POS, weight, "weight", "weight", EDIT, 1, "weight", "Weight", NUMBER, 1, 8, NULL, "")                 \
    X(ENUM, evidence, "evidence", "evidence", EDIT, evidence, "evidence", "Evidence", ENUM, 1, 10, NULL,    \
      "evidence")                                                                                           \
    X(ENUM, indicator, "indicator", "indicator", EDIT, indicator, "indicator", "Indicator", ENUM, 1, 10,    \
      NULL, "indicator")                                                                                    \
    X(REF, carried_from, "carried_from", "carried_from", KEEP, 'K', "carried from", NULL, NONE, 0, 6, NULL, "") \
    X(BOOL, archived, "archived", "archived", KEEP, 0, "archived", NULL, NONE, 0, 1, NULL, "")              \
    X(INT, version, "version", "version", KEEP, 1, "version", NULL, NONE, 0, 6, NULL, "")

#define FIELDS_OBJ(X)                                                                                        \
    X(ID, cycle_id, "cycle_id", "cycle", HIDE, 'C', "cycle", NULL, NONE, 1, 6, NULL, "")                     \
    X(REF, parent_id, "parent_id", "parent", EDIT, 'O', "parent", "Parent", TEXT, 0, 6,                    \
      "O id, empty = top level; ^P picks one", "")                                                         \
    X(ENUM, level, "level", "level", EDIT, level, "level", "Level", ENUM, 1, 10, NULL, "")                   \
    X(ENUM, type, "type", "type", EDIT, otype, "type", "Type", ENUM, 1, 12, NULL, "")                        \
    X(TEXT, title, "title", "title", EDIT, 0, "title", "Title", TEXT, 1, 60, NULL, "")                       \
    X(TEXT, problem, "problem", "problem", EDIT, 1, "problem", "Problem", MULTILINE, 0, 60,                   \
      "the business issue that must shift", "")                                                             \
    X(TEXT, outcome, "outcome", "outcome", EDIT, 1, "outcome", "Outcome", MULTILINE, 0, 60,                  \
      "what is different if it works", "")                                                                  \
    X(TEXT, capability, "capability", "capability", EDIT, 1, "capability", "Capability", TEXT, 0, 60,        \
      "what people must know, do or believe differently", "")                                               \
    X(OPTTEXT, hypothesis, "hypothesis", "hypothesis", EDIT, 0, "hypothesis", "Hypothesis", TEXT, 0,         \
      60, "learning objectives: what it tests", "")                                                         \
    X(TEXT, owner, "owner", "owner", EDIT, 1, "owner", "Owner", TEXT, 1, 24, NULL, "")                       \
    X(TEXT, business_owner, "business_owner", "business_owner", EDIT, 1, "business owner", "Business owner", \
      TEXT, 0, 24, NULL, "")                                                                                \
    X(POSINT, cadence_days, "cadence_days", "cadence_days", EDIT, 7, "cadence days", "Check-in every",       \
      NUMBER, 1, 4, "days", "")                                                                             \
    X(REF, carried_from, "carried_from", "carried_from", KEEP, 'O', "carried from", NULL, NONE, 0, 6, NULL, "") \
    X(BOOL, archived, "archived", "archived", KEEP, 0, "archived", NULL, NONE, 0, 1, NULL, "")              \
    X(INT, version, "version", "version", KEEP, 1, "version", NULL, NONE, 0, 6, NULL, "")

/* Check-ins are append-only: every field KEEP (written by add and import, never edited). The
 * check-in form (tui/tui_checkin.c) shows the labelled ones a check-in of its KR takes: the
 * value, or observed and applied for a behaviour KR; confidence, note; the cohort when a
 * programme serves the KR. */
#define FIELDS_CHECKIN(X)                                                                                    \
    X(ID, kr_id, "kr_id", "kr", KEEP, 'K', "key result", NULL, NONE, 1, 6, NULL, "")                         \
    X(STAMP, at, "at", "at", KEEP, 0, "at", NULL, NONE, 1, 20, NULL, "")                                     \
    X(NUM, value, "value", "value", KEEP, 0, "value", "Value", NUMBER, 1, 12, NULL, "")                      \
    X(OPTINT, confidence, "confidence", "confidence", KEEP, 0, "confidence", "Confidence", NUMBER, 0, 2,     \
      "0-10: how likely the target is hit", "")                                                             \
    X(TEXT, note, "note", "note", KEEP, 0, "note", "Note", TEXT, 0, 60, "why, when confidence drops", "")    \
    X(TEXT, author, "author", "author", KEEP, 1, "author", NULL, NONE, 1, 24, NULL, "")                      \
    X(OPTTEXT, account, "account", "account", KEEP, 1, "account", NULL, NONE, 0, 24, NULL, "")               \
    X(OPTINT, observed, "observed", "observed", KEEP, 0, "observed", "Observed", NUMBER, 1, 6,               \
      "participants observed", "")                                                                          \
    X(OPTINT, applied, "applied", "applied", KEEP, 0, "applied", "Applied", NUMBER, 1, 6,                    \
      "of those, applying the behaviour", "")                                                               \
    X(OPTTEXT, cohort, "cohort", "cohort", KEEP, 1, "cohort", "Cohort", TEXT, 0, 24, NULL, "")               \
    X(BOOL, comparison, "comparison", "comparison", KEEP, 0, "comparison", NULL, NONE, 0, 1, NULL, "")       \
    X(INT, followup, "followup", "followup", KEEP, 0, "follow-up", NULL, NONE, 0, 3, NULL, "")

#define FIELDS_PROG(X)                                                                                       \
    X(ID, cycle_id, "cycle_id", "cycle", HIDE, 'C', "cycle", NULL, NONE, 1, 6, NULL, "")                     \
    X(REF, objective_id, "objective_id", "objective", EDIT, 'O', "objective", "Serves", TEXT, 0, 6,         \
      "objective id, e.g. O2", "")                                                                          \
    X(TEXT, title, "title", "title", EDIT, 0, "title", "Title", TEXT, 1, 60, NULL, "")                       \
    X(TEXT, audience, "audience", "audience", EDIT, 1, "audience", "Audience", TEXT, 0, 40, NULL, "")        \
    X(INT, start_week, "start_week", "start_week", EDIT, 1, "start week", "Start week", NUMBER, 1, 4, NULL,  \
      "")                                                                                                   \
    X(INT, end_week, "end_week", "end_week", EDIT, 1, "end week", "End week", NUMBER, 1, 4,                  \
      "ending in the last weeks is too late", "")                                                           \
    X(DEFTEXT, cohorts, "cohorts", "cohorts", EDIT, COHORT_DEFAULT, "cohorts", NULL, NONE, 0, 40, NULL, "")  \
    X(BOOL, archived, "archived", "archived", KEEP, 0, "archived", NULL, NONE, 0, 1, NULL, "")              \
    X(INT, version, "version", "version", KEEP, 1, "version", NULL, NONE, 0, 6, NULL, "")

/* A cycle. Only the dashboard's new-cycle form uses this table so far (store/ and the export
 * still list a cycle's columns by hand). */
#define FIELDS_CYCLE(X)                                                                                      \
    X(TEXT, name, "name", "name", EDIT, 0, "name", "Name", TEXT, 1, 24, "e.g. 2027-Q1", "")                  \
    X(TEXT, start, "start", "start", EDIT, 0, "start", "Start", DATE, 1, 10,                                 \
      "YYYY-MM-DD, the Monday of week 1", "")                                                              \
    X(INT, weeks, "weeks", "weeks", EDIT, 13, "weeks", "Weeks", NUMBER, 1, 3, NULL, "")                      \
    X(ENUM, state, "state", "state", KEEP, cycle_state, "state", NULL, NONE, 1, 10, NULL, "")                \
    X(INT, version, "version", "version", KEEP, 1, "version", NULL, NONE, 0, 6, NULL, "")

/* Enum families the tables use: their value count. */
#define FIELDS_N_direction DIR_N
#define FIELDS_N_evidence EV_N
#define FIELDS_N_indicator IND_N
#define FIELDS_N_level LEVEL_N
#define FIELDS_N_otype OTYPE_N
#define FIELDS_N_cycle_state CYCLE_STATE_N

/* Role selectors for generated code: FIELDS_IF_EDIT_<role>(x) keeps x for EDIT fields only. */
#define FIELDS_IF_EDIT_EDIT(x) x
#define FIELDS_IF_EDIT_KEEP(x)
#define FIELDS_IF_EDIT_HIDE(x)
/* FIELDS_IF_SHOWN_<role>(x) keeps x for fields in JSON and CSV (not HIDE). */
#define FIELDS_IF_SHOWN_EDIT(x) x
#define FIELDS_IF_SHOWN_KEEP(x) x
#define FIELDS_IF_SHOWN_HIDE(x)

/* FIELDS_IF_DEF_<kind>(yes, no): yes for DEFTEXT (its SQL keeps a default), no for the rest. */
#define FIELDS_IF_DEF_ID(yes, no) no
#define FIELDS_IF_DEF_REF(yes, no) no
#define FIELDS_IF_DEF_TEXT(yes, no) no
#define FIELDS_IF_DEF_OPTTEXT(yes, no) no
#define FIELDS_IF_DEF_DEFTEXT(yes, no) yes
#define FIELDS_IF_DEF_NUM(yes, no) no
#define FIELDS_IF_DEF_STAMP(yes, no) no
#define FIELDS_IF_DEF_OPTINT(yes, no) no
#define FIELDS_IF_DEF_POS(yes, no) no
#define FIELDS_IF_DEF_OPTNUM(yes, no) no
#define FIELDS_IF_DEF_INT(yes, no) no
#define FIELDS_IF_DEF_POSINT(yes, no) no
#define FIELDS_IF_DEF_ENUM(yes, no) no
#define FIELDS_IF_DEF_BOOL(yes, no) no

#define FIELDS_COUNT_(...) +1
enum { FIELDS_KR_N = 0 FIELDS_KR(FIELDS_COUNT_), FIELDS_OBJ_N = 0 FIELDS_OBJ(FIELDS_COUNT_),
       FIELDS_PROG_N = 0 FIELDS_PROG(FIELDS_COUNT_), FIELDS_CHECKIN_N = 0 FIELDS_CHECKIN(FIELDS_COUNT_),
       FIELDS_CYCLE_N = 0 FIELDS_CYCLE(FIELDS_COUNT_) };

/* ---- form metadata: one entry per table row, in table order ---- */
typedef enum { FORM_NONE, FORM_TEXT, FORM_NUMBER, FORM_DATE, FORM_ENUM, FORM_MULTILINE } fields_form_kind;
typedef enum { FIELD_ID, FIELD_REF, FIELD_TEXT, FIELD_OPTTEXT, FIELD_DEFTEXT, FIELD_NUM, FIELD_POS, FIELD_OPTNUM,
               FIELD_INT, FIELD_POSINT, FIELD_ENUM, FIELD_BOOL, FIELD_STAMP, FIELD_OPTINT } fields_kind;
typedef struct {
    const char *name;          /* JSON key */
    const char *column;        /* SQL column */
    const char *diff;          /* name in audit details and conflict screens */
    const char *label;         /* form label, NULL = not on the form */
    const char *hint;          /* form hint, NULL = none */
    fields_kind kind;
    fields_form_kind form;
    bool required;
    bool edit;                 /* role EDIT */
    int width;
    size_t offset;             /* offsetof the member in its struct */
    size_t size;               /* sizeof the member */
    size_t has_offset;         /* OPTNUM: offsetof its bool "has" member; else 0 */
    char letter;               /* ID, REF: the id's letter ('O', 'K'); else 0 */
    const char *(*choice)(int v);   /* ENUM: the name of value v ("?" past the end); else NULL */
    int nchoices;              /* ENUM: how many values */
    int (*parse)(const char *s);    /* ENUM: model_<family>_parse (-1 = unknown); else NULL */
} fields_meta;

extern const fields_meta fields_kr[FIELDS_KR_N];
extern const fields_meta fields_obj[FIELDS_OBJ_N];
extern const fields_meta fields_prog[FIELDS_PROG_N];
extern const fields_meta fields_checkin[FIELDS_CHECKIN_N];
extern const fields_meta fields_cycle[FIELDS_CYCLE_N];

/* ---- one field as text, by kind (core/fields_text.c): the one parser of typed-in values, used
 * by the CLI's --FIELD options and the dashboard's forms ---- */
/* int, long and bool members (INT, POSINT, ENUM, BOOL) read and written by their size */
long fields_get_int(const void *row, const fields_meta *m);
void fields_set_int(void *row, const fields_meta *m, long v);
/* Parse text into the row's member by kind: text as is (kept by pointer: text must outlive
 * row; a DATE form field must be YYYY-MM-DD, "none" = blank), ids with or without their
 * letter, REF and OPTNUM take "none", numbers in the C locale, enums by name. false and a
 * reason ("is not a number") in err when the text does not fit; the row is then unchanged. */
bool fields_set_from_text(const fields_meta *m, void *row, const char *text, char *err, size_t errlen);
/* The member as text, the way fields_set_from_text reads it back ("none", "O3", "75"). */
const char *fields_text(const fields_meta *m, const void *row, char *buf, size_t n);

/* ---- the rest of a table (core/fields_rest.c): what a hand-laid-out rendering leaves to it ---- */
/* The fields the hand-laid-out renderings place by hand (NULL-terminated JSON keys): `lnd kr
 * show` (text and JSON), `lnd status --format json`, the plan sheet's columns, and the --help
 * of `lnd kr` / `lnd objective`. They show the rest from the table, so a field added after these
 * (never add to these lists) reaches each of them. A rendering may leave a listed field out on
 * purpose (status JSON has no baseline date: `lnd export` has it). */
extern const char *const fields_kr_placed[];
extern const char *const fields_obj_placed[];
/* Is name among names (a NULL-terminated list of JSON keys)? */
bool fields_named(const char *const *names, const char *name);
/* The EDIT fields of t[0..n) not in named, in table order: up to max in out; returns how
 * many there are. A rendering that places the fields it knows by hand shows these after
 * them, so a new table line reaches it without an edit there. */
size_t fields_rest(const fields_meta *t, size_t n, const char *const *named, const fields_meta **out, size_t max);
/* The first name in named that is no field of t (a typo or a renamed field), or NULL. */
const char *fields_unnamed(const fields_meta *t, size_t n, const char *const *named);

/* One field's value, typed for a JSON writer: FV_ID is an id with its letter ("O3"). */
typedef enum { FV_NULL, FV_STR, FV_INT, FV_REAL, FV_BOOL, FV_ID } fields_vtype;
typedef struct {
    fields_vtype type;
    const char *s;   /* FV_STR */
    long long i;     /* FV_INT, FV_BOOL, FV_ID */
    double d;        /* FV_REAL */
    char letter;     /* FV_ID */
} fields_value;
fields_value fields_value_of(const fields_meta *m, const void *row);

/* ---- diffs: which EDIT fields differ between two rows, old → new ---- */
typedef struct {
    const char *field;         /* the diff name, e.g. "due week" */
    bool text;                 /* free text (audit details quote it) */
    char old[256], new_[256];  /* as a user reads them; text cut at 255 bytes */
} fields_change;

/* Changes from a to b in table order, at most max written; returns how many differ. */
size_t fields_kr_diff(const lnd_kr *a, const lnd_kr *b, fields_change *out, size_t max);
size_t fields_obj_diff(const lnd_objective *a, const lnd_objective *b, fields_change *out, size_t max);
size_t fields_prog_diff(const lnd_programme *a, const lnd_programme *b, fields_change *out, size_t max);

#endif
