/* SPDX-License-Identifier: MIT */
/* cli/cmd_objective.c — `lnd objective add|edit|archive|restore` and `lnd kr ...` alike:
 * enough to build and change a plan from a script. An edit reads the row, applies only the
 * fields named and writes it in one write transaction, so edits of different fields never
 * clash; --version N is a compare-and-swap on the row, --expect-FIELD OLD on one value. */
#include <stdio.h>
#include <string.h>

#include "../core/dates.h"
#include "cli.h"
#include "out.h"

enum { F_TITLE = 1, F_LEVEL, F_PARENT, F_TYPE, F_PROBLEM, F_OUTCOME, F_CAPABILITY, F_OWNER,
       F_BOWNER, F_CADENCE, F_CYCLE, F_VERSION, F_OBJECTIVE, F_UNIT, F_BASELINE, F_TARGET,
       F_DIRECTION, F_DUE, F_COOWNER, F_WEIGHT, F_EVIDENCE, F_INDICATOR, F_WAIVE, F_REASON,
       F_UNWAIVE, F_HYPOTHESIS, F_BASEDATE, F_N };

#define EXP(f) (F_N + (f))   /* option code of --expect-FIELD */

typedef struct {
    const char *v[F_N];   /* --FIELD NEW */
    const char *e[F_N];   /* --expect-FIELD OLD */
} fields;

static int field_opt(void *st, int c, const char *arg)
{
    fields *f = st;
    if (c > 0 && c < F_N) f->v[c] = arg;
    else if (c > F_N && c < 2 * F_N) f->e[c - F_N] = arg;
    return 0;
}

/* The editable fields: option name and the name the audit log gives them. */
typedef struct {
    int f;
    const char *opt, *audit;
} editable;

static const editable objective_fields[] = {
    {F_TITLE, "title", "title"}, {F_LEVEL, "level", "level"}, {F_PARENT, "parent", "parent"},
    {F_TYPE, "type", "type"}, {F_PROBLEM, "problem", "problem"}, {F_OUTCOME, "outcome", "outcome"},
    {F_CAPABILITY, "capability", "capability"}, {F_OWNER, "owner", "owner"},
    {F_BOWNER, "business-owner", "business owner"}, {F_CADENCE, "cadence", "cadence days"}, {0, NULL, NULL},
};

static const editable kr_fields[] = {
    {F_OBJECTIVE, "objective", "objective"}, {F_TITLE, "title", "title"}, {F_UNIT, "unit", "unit"},
    {F_BASELINE, "baseline", "baseline"}, {F_TARGET, "target", "target"},
    {F_DIRECTION, "direction", "direction"}, {F_DUE, "due-week", "due week"}, {F_OWNER, "owner", "owner"},
    {F_COOWNER, "coowner", "co-owner"}, {F_WEIGHT, "weight", "weight"}, {F_EVIDENCE, "evidence", "evidence"},
    {F_INDICATOR, "indicator", "indicator"}, {0, NULL, NULL},
};

static const struct option objective_opts[] = {
    {"title", required_argument, NULL, F_TITLE},
    {"level", required_argument, NULL, F_LEVEL},
    {"parent", required_argument, NULL, F_PARENT},
    {"type", required_argument, NULL, F_TYPE},
    {"problem", required_argument, NULL, F_PROBLEM},
    {"outcome", required_argument, NULL, F_OUTCOME},
    {"capability", required_argument, NULL, F_CAPABILITY},
    {"owner", required_argument, NULL, F_OWNER},
    {"business-owner", required_argument, NULL, F_BOWNER},
    {"cadence", required_argument, NULL, F_CADENCE},
    {"cycle", required_argument, NULL, F_CYCLE},
    {"version", required_argument, NULL, F_VERSION},
    {"waive", required_argument, NULL, F_WAIVE},
    {"reason", required_argument, NULL, F_REASON},
    {"unwaive", required_argument, NULL, F_UNWAIVE},
    {"expect-title", required_argument, NULL, EXP(F_TITLE)},
    {"expect-level", required_argument, NULL, EXP(F_LEVEL)},
    {"expect-parent", required_argument, NULL, EXP(F_PARENT)},
    {"expect-type", required_argument, NULL, EXP(F_TYPE)},
    {"expect-problem", required_argument, NULL, EXP(F_PROBLEM)},
    {"expect-outcome", required_argument, NULL, EXP(F_OUTCOME)},
    {"expect-capability", required_argument, NULL, EXP(F_CAPABILITY)},
    {"expect-owner", required_argument, NULL, EXP(F_OWNER)},
    {"expect-business-owner", required_argument, NULL, EXP(F_BOWNER)},
    {"expect-cadence", required_argument, NULL, EXP(F_CADENCE)},
    {"hypothesis", required_argument, NULL, F_HYPOTHESIS},
    {0},
};

static const struct option kr_opts[] = {
    {"objective", required_argument, NULL, F_OBJECTIVE},
    {"title", required_argument, NULL, F_TITLE},
    {"unit", required_argument, NULL, F_UNIT},
    {"baseline", required_argument, NULL, F_BASELINE},
    {"baseline-date", required_argument, NULL, F_BASEDATE},
    {"target", required_argument, NULL, F_TARGET},
    {"direction", required_argument, NULL, F_DIRECTION},
    {"due-week", required_argument, NULL, F_DUE},
    {"owner", required_argument, NULL, F_OWNER},
    {"coowner", required_argument, NULL, F_COOWNER},
    {"co-owner", required_argument, NULL, F_COOWNER},
    {"weight", required_argument, NULL, F_WEIGHT},
    {"evidence", required_argument, NULL, F_EVIDENCE},
    {"indicator", required_argument, NULL, F_INDICATOR},
    {"version", required_argument, NULL, F_VERSION},
    {"expect-objective", required_argument, NULL, EXP(F_OBJECTIVE)},
    {"expect-title", required_argument, NULL, EXP(F_TITLE)},
    {"expect-unit", required_argument, NULL, EXP(F_UNIT)},
    {"expect-baseline", required_argument, NULL, EXP(F_BASELINE)},
    {"expect-target", required_argument, NULL, EXP(F_TARGET)},
    {"expect-direction", required_argument, NULL, EXP(F_DIRECTION)},
    {"expect-due-week", required_argument, NULL, EXP(F_DUE)},
    {"expect-owner", required_argument, NULL, EXP(F_OWNER)},
    {"expect-coowner", required_argument, NULL, EXP(F_COOWNER)},
    {"expect-co-owner", required_argument, NULL, EXP(F_COOWNER)},
    {"expect-weight", required_argument, NULL, EXP(F_WEIGHT)},
    {"expect-evidence", required_argument, NULL, EXP(F_EVIDENCE)},
    {"expect-indicator", required_argument, NULL, EXP(F_INDICATOR)},
    {0},
};

#define SET_STR(dst, i) do { if (f->v[i]) (dst) = (char *)f->v[i]; } while (0)

static bool expecting;   /* applying an --expect-FIELD value: name that option in errors */

/* Any field to change besides the waiver options and --version? */
static bool has_fields(const fields *f)
{
    for (int i = 1; i < F_N; i++)
        if (f->v[i] && i != F_WAIVE && i != F_REASON && i != F_UNWAIVE && i != F_VERSION) return true;
    return false;
}

static int bad(const char *what, const char *val, const char *fix)
{
    return cli_fail(EX_DATAERR_, "%s%s '%s' %s", expecting ? "--expect-" : "", expecting ? what + 2 : what, val, fix);
}

/* Apply objective fields from f onto o. Returns 0 or an exit code. */
static int apply_objective(cli_ctx *ctx, const fields *f, lnd_objective *o)
{
    SET_STR(o->title, F_TITLE);
    SET_STR(o->problem, F_PROBLEM);
    SET_STR(o->outcome, F_OUTCOME);
    SET_STR(o->capability, F_CAPABILITY);
    SET_STR(o->owner, F_OWNER);
    SET_STR(o->business_owner, F_BOWNER);
    SET_STR(o->hypothesis, F_HYPOTHESIS);
    if (f->v[F_LEVEL]) {
        int l = model_level_parse(f->v[F_LEVEL]);
        if (l < 0) return bad("--level", f->v[F_LEVEL], "must be business, ld or team");
        o->level = (lnd_level)l;
    }
    if (f->v[F_TYPE]) {
        int t = model_otype_parse(f->v[F_TYPE]);
        if (t < 0) return bad("--type", f->v[F_TYPE], "must be committed, aspirational or learning");
        o->type = (lnd_otype)t;
    }
    if (f->v[F_PARENT]) {
        if (strcmp(f->v[F_PARENT], "none") == 0) o->parent_id = 0;
        else if (!cli_parse_id(f->v[F_PARENT], 'O', &o->parent_id))
            return bad("--parent", f->v[F_PARENT], "is not an objective id; use O and a number, e.g. O3");
    }
    if (f->v[F_CADENCE]) {
        long d;
        if (!cli_parse_int(f->v[F_CADENCE], 1, 365, &d))
            return bad("--cadence", f->v[F_CADENCE], "must be a number of days from 1 to 365");
        o->cadence_days = (int)d;
    }
    (void)ctx;
    return 0;
}

/* A learning objective says what it tests when it becomes one. */
static int need_hypothesis(const lnd_objective *o, const char *verb)
{
    if (o->type != OTYPE_LEARNING || (o->hypothesis && *o->hypothesis)) return 0;
    return cli_fail(EX_USAGE_, "objective %s: a learning objective needs --hypothesis \"what it tests\"", verb);
}

static int apply_kr(const fields *f, lnd_kr *k)
{
    SET_STR(k->title, F_TITLE);
    SET_STR(k->unit, F_UNIT);
    SET_STR(k->owner, F_OWNER);
    SET_STR(k->coowner, F_COOWNER);
    if (f->v[F_BASELINE]) {
        if (strcmp(f->v[F_BASELINE], "none") == 0) k->has_baseline = false;
        else if (!cli_parse_double(f->v[F_BASELINE], &k->baseline))
            return bad("--baseline", f->v[F_BASELINE], "is not a number (or 'none')");
        else k->has_baseline = true;
    }
    if (f->v[F_BASEDATE]) {
        lnd_day d;
        if (strcmp(f->v[F_BASEDATE], "none") == 0) k->baseline_at = "";
        else if (!date_parse(f->v[F_BASEDATE], &d))
            return bad("--baseline-date", f->v[F_BASEDATE], "is not a date; use YYYY-MM-DD");
        else k->baseline_at = (char *)f->v[F_BASEDATE];
    }
    if (f->v[F_TARGET] && !cli_parse_double(f->v[F_TARGET], &k->target))
        return bad("--target", f->v[F_TARGET], "is not a number");
    if (f->v[F_DIRECTION]) {
        int d = model_direction_parse(f->v[F_DIRECTION]);
        if (d < 0) return bad("--direction", f->v[F_DIRECTION], "must be increase or decrease");
        k->direction = (lnd_direction)d;
    } else if (f->v[F_BASELINE] || f->v[F_TARGET]) {
        k->direction = k->has_baseline && k->target < k->baseline ? DIR_DECREASE : DIR_INCREASE;
    }
    long l;
    if (f->v[F_DUE]) {
        if (!cli_parse_int(f->v[F_DUE], 0, 53, &l))
            return bad("--due-week", f->v[F_DUE], "must be a week number of the cycle");
        k->due_week = (int)l;
    }
    if (f->v[F_WEIGHT] && (!cli_parse_double(f->v[F_WEIGHT], &k->weight) || k->weight <= 0))
        return bad("--weight", f->v[F_WEIGHT], "must be a number above 0");
    if (f->v[F_EVIDENCE]) {
        int e = model_evidence_parse(f->v[F_EVIDENCE]);
        if (e < 0) return bad("--evidence", f->v[F_EVIDENCE], "must be activity, reaction, learning, behaviour or results");
        k->evidence = (lnd_evidence)e;
    }
    if (f->v[F_INDICATOR]) {
        int i = model_indicator_parse(f->v[F_INDICATOR]);
        if (i < 0) return bad("--indicator", f->v[F_INDICATOR], "must be leading or lagging");
        k->indicator = (lnd_indicator)i;
    }
    return 0;
}

/* A field's value as text, the same way for the row and for an --expect value applied to a
 * copy of it (so "75.0" matches 75 and "o3" matches O3). */
static const char *objective_field(const lnd_objective *o, int f, char *b, size_t n)
{
    switch (f) {
    case F_TITLE: return o->title;
    case F_PROBLEM: return o->problem;
    case F_OUTCOME: return o->outcome;
    case F_CAPABILITY: return o->capability;
    case F_OWNER: return o->owner;
    case F_BOWNER: return o->business_owner;
    case F_LEVEL: return model_level_name(o->level);
    case F_TYPE: return model_otype_name(o->type);
    case F_PARENT:
        if (o->parent_id) snprintf(b, n, "O%lld", o->parent_id);
        else snprintf(b, n, "none");
        return b;
    default: snprintf(b, n, "%d", o->cadence_days); return b;   /* F_CADENCE */
    }
}

static const char *kr_field(const lnd_kr *k, int f, char *b, size_t n)
{
    switch (f) {
    case F_TITLE: return k->title;
    case F_UNIT: return k->unit;
    case F_OWNER: return k->owner;
    case F_COOWNER: return k->coowner;
    case F_DIRECTION: return model_direction_name(k->direction);
    case F_EVIDENCE: return model_evidence_name(k->evidence);
    case F_INDICATOR: return model_indicator_name(k->indicator);
    case F_OBJECTIVE: snprintf(b, n, "O%lld", k->objective_id); return b;
    case F_DUE: snprintf(b, n, "%d", k->due_week); return b;
    case F_BASELINE:
        if (k->has_baseline) model_fmt_num(k->baseline, b, n);
        else snprintf(b, n, "none");
        return b;
    case F_TARGET: model_fmt_num(k->target, b, n); return b;
    default: model_fmt_num(k->weight, b, n); return b;   /* F_WEIGHT */
    }
}

static int apply_objective(cli_ctx *ctx, const fields *f, lnd_objective *o);
static int apply_kr(const fields *f, lnd_kr *k);

/* Every --expect-FIELD against the row as it is now (inside the edit's transaction). */
static int check_expects(cli_ctx *ctx, store *s, const fields *f, char kind, const void *row)
{
    const editable *ed = kind == 'O' ? objective_fields : kr_fields;
    for (; ed->f; ed++) {
        if (!f->e[ed->f]) continue;
        fields one = {0};
        one.v[ed->f] = f->e[ed->f];
        char b1[64], b2[64], label[32];
        const char *now, *want;
        int rc;
        lnd_id id;
        if (kind == 'O') {
            lnd_objective w = *(const lnd_objective *)row;
            expecting = true;
            rc = apply_objective(ctx, &one, &w);
            expecting = false;
            if (rc) return rc;
            now = objective_field(row, ed->f, b1, sizeof b1);
            want = objective_field(&w, ed->f, b2, sizeof b2);
            id = w.id;
        } else {
            lnd_kr w = *(const lnd_kr *)row;
            expecting = true;
            rc = apply_kr(&one, &w);
            expecting = false;
            if (rc) return rc;
            now = kr_field(row, ed->f, b1, sizeof b1);
            want = kr_field(&w, ed->f, b2, sizeof b2);
            id = w.id;
        }
        snprintf(label, sizeof label, "%c%lld", kind, id);
        cli_expect x = {.entity = kind == 'O' ? "objective" : "kr", .id = id, .label = label, .opt = ed->opt,
                        .audit_field = ed->audit, .now = now ? now : "", .want = want ? want : ""};
        if ((rc = cli_edit_expect(ctx, s, &x))) return rc;
    }
    return 0;
}

static int want_version(const fields *f, long *v)
{
    if (!f->v[F_VERSION]) return 0;
    if (!cli_parse_int(f->v[F_VERSION], 1, 0x7fffffffL, v))
        return cli_fail(EX_USAGE_, "--version '%s' must be a version number (\"version\" in `lnd status --format json`)",
                        f->v[F_VERSION]);   /* a malformed option value: usage, like every option */
    return 0;
}

/* Shared driver: parse "VERB [ID]" and fields, then do it. kind 'O' or 'K'. */
static int plan_cmd(cli_ctx *ctx, int argc, char **argv, char kind)
{
    fields f = {0};
    const char *usage = kind == 'O' ? cli_objective_help : cli_kr_help;
    const char *noun = kind == 'O' ? "objective" : "kr";
    int rc = cli_command_opts(ctx, argc, argv, "", kind == 'O' ? objective_opts : kr_opts, field_opt, &f, usage);
    f.v[F_CYCLE] = cli_cycle(ctx, f.v[F_CYCLE]);   /* lnd --cycle NAME objective add */
    if (rc || (rc = cli_need_verb(argc, usage))) return rc;
    const char *verb = argv[optind];
    bool add = strcmp(verb, "add") == 0, edit = strcmp(verb, "edit") == 0,
         archive = strcmp(verb, "archive") == 0, restore = strcmp(verb, "restore") == 0;
    if (!add && !edit && !archive && !restore)
        return cli_fail(EX_USAGE_, "%s: unknown action '%s'; use add, edit, archive or restore", noun, verb);
    lnd_id id = 0;
    int nops = add ? 1 : 2;
    if (!add) {
        if (optind + 1 >= argc) return cli_fail(EX_USAGE_, "%s %s: which one? e.g. %c7", noun, verb, kind);
        if (!cli_parse_id(argv[optind + 1], kind, &id))
            return cli_fail(EX_USAGE_, "%s %s: '%s' is not an id like %c7", noun, verb, argv[optind + 1], kind);
    }
    if (optind + nops < argc)
        return cli_fail(EX_USAGE_, "%s %s: unexpected '%s'; quote text with spaces", noun, verb, argv[optind + nops]);
    long version = 0;
    if ((rc = want_version(&f, &version))) return rc;
    for (int i = 0; add && i < F_N; i++)
        if (f.e[i]) return cli_fail(EX_USAGE_, "%s add: --expect-... only goes with edit or archive", noun);
    for (int i = 1; restore && i < F_N; i++)
        if (i != F_VERSION && (f.v[i] || f.e[i]))
            return cli_fail(EX_USAGE_, "%s restore: only --version goes with restore", noun);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, 0, &s))) return rc;
    lnd_arena *a = arena_new();
    store_rc src = STORE_OK;
    char idbuf[32];
    if (kind == 'O') {
        lnd_objective o = {.type = OTYPE_ASPIRATIONAL, .cadence_days = ctx->cfg.cadence_days,
                           .owner = (char *)ctx->user, .business_owner = "", .problem = "",
                           .outcome = "", .capability = "", .title = "", .hypothesis = ""};
        if (add) {
            lnd_cycle cy;
            src = store_find_cycle(s, a, f.v[F_CYCLE], &cy);
            if (src == STORE_NOTFOUND) {
                rc = f.v[F_CYCLE] ? cli_fail(EX_DATAERR_, "no cycle named '%s'; see `lnd cycle list`", f.v[F_CYCLE])
                                  : cli_fail(EX_DATAERR_, "no cycle yet; add one: lnd cycle add 2027-Q1 --start 2027-01-04");
                goto out;
            }
            o.cycle_id = cy.id;
            o.level = f.v[F_PARENT] ? LEVEL_LD : LEVEL_BUSINESS;
            if (!f.v[F_TITLE]) {
                rc = cli_fail(EX_USAGE_, "objective add: --title is required");
                goto out;
            }
            if ((rc = apply_objective(ctx, &f, &o))) goto out;
            if ((rc = need_hypothesis(&o, "add"))) goto out;
            if (src == STORE_OK) src = store_add_objective(s, &o, ctx->user);
            id = o.id;
        } else {
            if ((rc = cli_edit_begin(s))) goto out;
            src = store_get_objective(s, a, id, &o);
            if (src == STORE_OK && version) o.version = version;   /* compare-and-swap on the row */
            if (src == STORE_OK) rc = check_expects(ctx, s, &f, 'O', &o);
            bool waiving = edit && (f.v[F_WAIVE] || f.v[F_UNWAIVE]);
            if (src == STORE_OK && !rc && waiving)
                rc = cli_waiver_apply(ctx, s, id, f.v[F_WAIVE], f.v[F_UNWAIVE], f.v[F_REASON]);
            if (src == STORE_OK && !rc && edit && (!waiving || has_fields(&f))) {
                lnd_otype was = o.type;
                if (!(rc = apply_objective(ctx, &f, &o)) && !(was != OTYPE_LEARNING && (rc = need_hypothesis(&o, "edit"))))
                    src = store_update_objective(s, &o, ctx->user);
            } else if (src == STORE_OK && !rc && restore) {
                if ((src = store_unarchive_objective(s, id, o.version, ctx->user)) == STORE_OK) o.version++;
            } else if (src == STORE_OK && !rc && !edit) {
                src = store_archive_objective(s, id, o.version, ctx->user);
            }
            store_rc end = cli_edit_end(s, src == STORE_OK && !rc);
            if (rc) goto out;
            if (src == STORE_OK) src = end;
            if (src == STORE_OK && waiving) {
                cli_waiver_say(ctx, id, f.v[F_WAIVE], f.v[F_UNWAIVE], f.v[F_REASON]);
                if (!has_fields(&f)) goto out;
            }
        }
        snprintf(idbuf, sizeof idbuf, "O%lld", id);
        if (src == STORE_OK) {
            printf("%s ", idbuf);
            out_text(stdout, ctx, o.title, 60, false);
            if (archive) printf(" archived\n");
            else printf(" %s (version %ld)\n", add ? "added" : restore ? "restored" : "updated", o.version);
        }
    } else {
        lnd_kr k = {.weight = 1, .owner = (char *)ctx->user, .coowner = "", .unit = "",
                    .title = "", .confidence = -1};
        if (add) {
            if (!f.v[F_OBJECTIVE] || !cli_parse_id(f.v[F_OBJECTIVE], 'O', &k.objective_id)) {
                rc = cli_fail(EX_USAGE_, "kr add: --objective O7 is required");
                goto out;
            }
            if (!f.v[F_TITLE] || !f.v[F_TARGET]) {
                rc = cli_fail(EX_USAGE_, "kr add: --title and --target are required");
                goto out;
            }
            if (!f.v[F_EVIDENCE] || !f.v[F_INDICATOR]) {
                rc = cli_fail(EX_USAGE_, "kr add: say what it measures: --evidence activity|reaction|learning|"
                                         "behaviour|results and --indicator leading|lagging are required");
                goto out;
            }
            if ((rc = apply_kr(&f, &k))) goto out;
            src = store_add_kr(s, &k, ctx->user);
            id = k.id;
        } else {
            if ((rc = cli_edit_begin(s))) goto out;
            src = store_get_kr(s, a, id, &k);
            if (src == STORE_OK && version) k.version = version;   /* compare-and-swap on the row */
            if (src == STORE_OK) rc = check_expects(ctx, s, &f, 'K', &k);
            if (src == STORE_OK && !rc && edit) {
                if (!(rc = apply_kr(&f, &k))) src = store_update_kr(s, &k, ctx->user);
            } else if (src == STORE_OK && !rc && restore) {
                if ((src = store_unarchive_kr(s, id, k.version, ctx->user)) == STORE_OK) k.version++;
            } else if (src == STORE_OK && !rc) {
                src = store_archive_kr(s, id, k.version, ctx->user);
            }
            store_rc end = cli_edit_end(s, src == STORE_OK && !rc);
            if (rc) goto out;
            if (src == STORE_OK) src = end;
        }
        if (src == STORE_OK) {
            printf("K%lld ", id);
            out_text(stdout, ctx, k.title, 60, false);
            if (archive) printf(" archived\n");
            else printf(" %s (version %ld)\n", add ? "added" : restore ? "restored" : "updated", k.version);
        }
    }
    if (src == STORE_NOTFOUND && !add)
        rc = cli_fail(EX_DATAERR_, "no %s %c%lld; see `lnd status` for ids", kind == 'O' ? "objective" : "key result", kind, id);
    else if (src != STORE_OK)
        rc = cli_store_fail(s, src);
out:
    arena_free(a);
    store_close(s);
    return rc;
}

int cmd_objective(cli_ctx *ctx, int argc, char **argv) { return plan_cmd(ctx, argc, argv, 'O'); }
int cmd_kr(cli_ctx *ctx, int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "show") == 0) return cli_kr_show(ctx, argc, argv);   /* cmd_kr_show.c */
    return plan_cmd(ctx, argc, argv, 'K');
}
