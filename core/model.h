/* SPDX-License-Identifier: MIT */
/* core/model.h — the L&D OKR model: plain types shared by every layer, plus the names of
 * every enum value (for the CLI, JSON and the database). No I/O, no curses, no SQL here.
 * Strings in these structs are owned by an lnd_arena (core/arena.h); never free() them. */
#ifndef LND_MODEL_H
#define LND_MODEL_H

#include <stdbool.h>
#include <stddef.h>

typedef long long lnd_id;

typedef enum { CYCLE_PLANNING, CYCLE_ACTIVE, CYCLE_REVIEW, CYCLE_CLOSED, CYCLE_STATE_N } lnd_cycle_state;
typedef enum { LEVEL_BUSINESS, LEVEL_LD, LEVEL_TEAM, LEVEL_N } lnd_level;
typedef enum { OTYPE_COMMITTED, OTYPE_ASPIRATIONAL, OTYPE_LEARNING, OTYPE_N } lnd_otype;
typedef enum { DIR_INCREASE, DIR_DECREASE, DIR_N } lnd_direction;
typedef enum { EV_ACTIVITY, EV_REACTION, EV_LEARNING, EV_BEHAVIOUR, EV_RESULTS, EV_N } lnd_evidence;
typedef enum { IND_LEADING, IND_LAGGING, IND_N } lnd_indicator;
/* Status of a KR or objective against pace. NONE: nothing measured yet. NOT_DUE: a milestone
 * before its due week is over. After the cycle's last day a KR is MET, MISSED or
 * NOT_MEASURED (no check-in); NOT_MEASURED is also a business objective with no results KR. */
typedef enum { STATUS_NONE, STATUS_ON_TRACK, STATUS_AT_RISK, STATUS_OFF_TRACK, STATUS_DONE,
               STATUS_NOT_DUE, STATUS_NOT_MEASURED, STATUS_MET, STATUS_MISSED, STATUS_N } lnd_status;
/* Colour band of a score (Google convention). */
typedef enum { BAND_RED, BAND_AMBER, BAND_GREEN } lnd_band;

typedef struct {
    lnd_id id;
    char *name;           /* "2027-Q1" */
    char *start;          /* YYYY-MM-DD, first day of week 1 */
    int weeks;            /* normally 13 */
    lnd_cycle_state state;
    long version;
} lnd_cycle;

typedef struct {
    lnd_id id;
    lnd_id cycle_id;
    lnd_id parent_id;     /* 0 = no parent */
    lnd_level level;
    lnd_otype type;
    char *title;
    char *problem;        /* the business issue that must shift */
    char *outcome;        /* what is different if it works */
    char *capability;     /* what people must know, do or believe differently */
    char *owner;
    char *business_owner;
    int cadence_days;     /* check-ins due every N days */
    lnd_id carried_from;  /* objective this was carried forward from, 0 = none */
    bool archived;
    long version;
    char *hypothesis;     /* learning objectives: what it tests ("" = none given) */
} lnd_objective;

typedef struct {
    lnd_id id;
    lnd_id objective_id;
    char *title;          /* metric name, e.g. "First-call resolution" */
    char *unit;           /* "%", "days", "" */
    bool has_baseline;    /* a KR without a baseline is a health finding */
    double baseline;
    char *baseline_at;    /* YYYY-MM-DD the baseline was measured, "" = not recorded */
    double target;
    lnd_direction direction;
    int due_week;         /* 0 = end of cycle */
    char *owner;
    char *coowner;        /* business co-owner, "" = none */
    double weight;        /* > 0, default 1 */
    lnd_evidence evidence;
    lnd_indicator indicator;
    lnd_id carried_from;
    bool archived;
    long version;
    /* derived from the latest check-in (by date) */
    bool has_current;
    double current;
    int confidence;       /* 0-10, -1 = none */
    char *last_at;        /* "YYYY-MM-DD HH:MM:SS" UTC, NULL = never */
    int checkins;         /* how many */
} lnd_kr;

typedef struct {
    lnd_id id;
    lnd_id kr_id;
    char *at;             /* "YYYY-MM-DD HH:MM:SS" UTC */
    double value;
    int confidence;       /* 0-10, -1 = not given */
    char *note;
    char *author;         /* display name (--user, config user, $USER): a label */
    char *account;        /* operating-system account that wrote it, "" = before schema 4 */
    int observed;         /* behaviour check-in: participants observed, -1 = not one */
    int applied;          /* of those, how many applied the behaviour, -1 = not one */
    char *cohort;         /* "" = none; else a name the serving programme gives its cohorts */
    bool comparison;      /* in a comparison cohort (not yet trained): never the KR's current value */
    int followup;         /* the follow-up it settles: 30, 60, 90 days after the programme; 0 = none */
} lnd_checkin;

typedef struct {
    lnd_id id;
    lnd_id cycle_id;
    lnd_id objective_id;  /* 0 = serves no objective (a health finding) */
    char *title;
    char *audience;
    int start_week;
    int end_week;
    char *cohorts;        /* cohort names, comma-separated: the trained (pilot) one first */
    bool archived;
    long version;
} lnd_programme;

typedef struct {
    lnd_id id;
    char *name;
    char *unit;
    bool has_min, has_max;  /* healthy range: value >= min and/or <= max */
    double min, max;
    bool has_value;
    double value;
    char *updated_at;
    bool archived;
    long version;
} lnd_kpi;

/* End-of-cycle review of one objective: an honest score judged by its type, and a
 * retrospective. carry_forward: create it (and its KRs) in the next cycle. */
typedef struct {
    lnd_id objective_id;
    bool has_score;
    double score;         /* 0.0 - 1.0 */
    char *worked;         /* what worked */
    char *didnt;          /* what did not */
    char *carry;          /* which capability need carries forward, and why */
    char *finding;        /* learning objectives: what was found (their verdict) */
    bool carry_forward;
    long version;
    char *updated_by;
    char *updated_at;
} lnd_review;

/* A health rule waived for one objective, with the reason someone gave (an awareness
 * programme whose honest measure is activity may waive H02). */
typedef struct {
    lnd_id objective_id;
    char *rule;           /* "H02" */
    char *reason;
    char *author;
    char *at;
} lnd_waiver;

/* One line of the audit log: who changed what, when. */
typedef struct {
    lnd_id id;
    char *at;
    char *user;           /* display name (a label) */
    char *account;        /* operating-system account, "" = before schema 4 */
    char *action;         /* "add", "edit", "archive", "checkin", "state" ... */
    char *entity;         /* "cycle", "objective", "kr", "checkin", "programme", "kpi" */
    lnd_id entity_id;
    char *detail;         /* human-readable summary */
} lnd_audit;

/* Names used on the command line, in JSON and in the database. *_parse return -1 if unknown. */
const char *model_cycle_state_name(lnd_cycle_state s);
int model_cycle_state_parse(const char *s);
const char *model_level_name(lnd_level l);
int model_level_parse(const char *s);
const char *model_otype_name(lnd_otype t);
int model_otype_parse(const char *s);
const char *model_direction_name(lnd_direction d);
int model_direction_parse(const char *s);
const char *model_evidence_name(lnd_evidence e);
int model_evidence_parse(const char *s);
const char *model_indicator_name(lnd_indicator i);
int model_indicator_parse(const char *s);
const char *model_status_name(lnd_status s);   /* "on track", "at risk", ... */
const char *model_band_name(lnd_band b);

/* Who made a change, as shown to people: the display name, or "bob (as alice)" when the
 * operating-system account (bob) differs from it. Writes into buf and returns it. */
const char *model_who(const char *label, const char *account, char *buf, size_t n);

/* A number as a user reads it: integers without decimals, else up to two decimals. */
void model_fmt_num(double v, char *buf, size_t n);

#endif
