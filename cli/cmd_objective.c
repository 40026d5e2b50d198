/* cli/cmd_objective.c — `lnd objective add|edit|archive` and `lnd kr add|edit|archive`:
 * enough to build and change a plan from a script. Edits are optimistic: the row's version
 * is read (or given with --version) and a change by someone else meanwhile is a conflict. */
#include <string.h>

#include "../core/dates.h"
#include "cli.h"
#include "out.h"

enum { F_TITLE = 1, F_LEVEL, F_PARENT, F_TYPE, F_PROBLEM, F_OUTCOME, F_CAPABILITY, F_OWNER,
       F_BOWNER, F_CADENCE, F_CYCLE, F_VERSION, F_OBJECTIVE, F_UNIT, F_BASELINE, F_TARGET,
       F_DIRECTION, F_DUE, F_COOWNER, F_WEIGHT, F_EVIDENCE, F_INDICATOR, F_WAIVE, F_REASON,
       F_UNWAIVE, F_BASEDATE, F_N };

typedef struct {
    const char *v[F_N];
} fields;

static int field_opt(void *st, int c, const char *arg)
{
    fields *f = st;
    if (c > 0 && c < F_N) f->v[c] = arg;
    return 0;
}

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
    {0},
};

static const char objective_help[] =
    "usage: lnd objective add --title TEXT [--level business|ld|team] [--parent O3]\n"
    "                         [--type committed|aspirational|learning] [--cycle NAME] [FIELDS]\n"
    "       lnd objective edit O7 [FIELDS] [--version N]\n"
    "       lnd objective archive O7 [--version N]\n\n"
    "fields:\n"
    "  --title TEXT            what the objective sets out to achieve\n"
    "  --level LEVEL           business (default without --parent), ld (default with one), team\n"
    "  --parent ID             the objective this one cascades from (O3); 'none' to clear\n"
    "  --type TYPE             committed (1.0 expected), aspirational (0.7 is success; default),\n"
    "                          learning (tests a hypothesis)\n"
    "  --problem TEXT          the business issue that must shift\n"
    "  --outcome TEXT          what is different if it works\n"
    "  --capability TEXT       what people must know, do or believe differently\n"
    "  --owner NAME            who drives it (default: you)\n"
    "  --business-owner NAME   the business leader who co-owns it\n"
    "  --cadence DAYS          how often check-ins are due (default: config cadence_days)\n"
    "  --cycle NAME            add to this cycle (default: the current one)\n"
    "  --version N             edit only if the row is still at version N (else a conflict)\n"
    "  --waive RULE --reason TEXT\n"
    "                          waive health rule H02, H03 or H05 for this objective, saying why\n"
    "                          (an awareness programme whose honest measure is activity);\n"
    "                          shown in `lnd check` and the report\n"
    "  --unwaive RULE          remove that waiver\n";

static const char kr_help[] =
    "usage: lnd kr add --objective O7 --title TEXT --target N --evidence LEVEL --indicator KIND\n"
    "                  [--baseline N] [FIELDS]\n"
    "       lnd kr edit K12 [FIELDS] [--version N]\n"
    "       lnd kr archive K12 [--version N]\n\n"
    "fields:\n"
    "  --title TEXT        the metric, e.g. \"First-call resolution\"\n"
    "  --unit UNIT         %, days, incidents ... (default none)\n"
    "  --baseline N        value before the programme runs ('none' if not yet measured)\n"
    "  --baseline-date D   the day the baseline was measured (YYYY-MM-DD; 'none' to clear)\n"
    "  --target N          value to reach; a milestone is baseline 0, target 1\n"
    "  --direction DIR     increase or decrease (default: from baseline and target)\n"
    "  --due-week W        week of the cycle it is due (default: the last)\n"
    "  --owner NAME        who reports it (default: you)\n"
    "  --coowner NAME      business co-owner of a shared outcome\n"
    "  --weight W          weight in the objective's progress (default 1)\n"
    "  --evidence LEVEL    activity, reaction, learning, behaviour or results (required on add:\n"
    "                      only a business metric is `results`)\n"
    "  --indicator KIND    leading or lagging (required on add)\n"
    "  --version N         edit only if the row is still at version N (else a conflict)\n";

#define SET_STR(dst, i) do { if (f->v[i]) (dst) = (char *)f->v[i]; } while (0)

/* Any field to change besides the waiver options and --version? */
static bool has_fields(const fields *f)
{
    for (int i = 1; i < F_N; i++)
        if (f->v[i] && i != F_WAIVE && i != F_REASON && i != F_UNWAIVE && i != F_VERSION) return true;
    return false;
}

/* `objective edit O3 --waive H02 --reason "..."` / `--unwaive H02`. */
static int edit_waiver(cli_ctx *ctx, store *s, const fields *f, lnd_id id)
{
    char rule[8] = "";
    const char *r = f->v[F_WAIVE] ? f->v[F_WAIVE] : f->v[F_UNWAIVE];
    if (f->v[F_WAIVE] && f->v[F_UNWAIVE])
        return cli_fail(EX_USAGE_, "objective edit: --waive and --unwaive together; use one");
    for (size_t i = 0; r[i] && i < sizeof rule - 1; i++) rule[i] = (char)(r[i] >= 'a' && r[i] <= 'z' ? r[i] - 32 : r[i]);
    if (strcmp(rule, "H02") && strcmp(rule, "H03") && strcmp(rule, "H05"))
        return cli_fail(EX_USAGE_, "objective edit: only H02, H03 and H05 can be waived, not '%s'", r);
    if (f->v[F_WAIVE] && (!f->v[F_REASON] || !*f->v[F_REASON]))
        return cli_fail(EX_USAGE_, "objective edit: --waive %s needs --reason \"why this objective is measured "
                                   "this way\"", rule);
    store_rc src = f->v[F_WAIVE] ? store_set_waiver(s, id, rule, f->v[F_REASON], ctx->user)
                                 : store_clear_waiver(s, id, rule, ctx->user);
    if (src != STORE_OK) return cli_store_fail(s, src);
    if (f->v[F_WAIVE]) {
        printf("O%lld: %s waived (", id, rule);
        out_text(stdout, ctx, f->v[F_REASON], 200, false);
        puts(")");
    }
    else printf("O%lld: waiver of %s removed\n", id, rule);
    return 0;
}

static int bad(const char *what, const char *val, const char *fix)
{
    return cli_fail(EX_DATAERR_, "%s '%s' %s", what, val, fix);
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

static int want_version(const fields *f, long *v)
{
    if (!f->v[F_VERSION]) return 0;
    if (!cli_parse_int(f->v[F_VERSION], 1, 0x7fffffffL, v))
        return bad("--version", f->v[F_VERSION], "must be a version number (\"version\" in `lnd status --format json`)");
    return 0;
}

/* Shared driver: parse "VERB [ID]" and fields, then do it. kind 'O' or 'K'. */
static int plan_cmd(cli_ctx *ctx, int argc, char **argv, char kind)
{
    fields f = {0};
    bool help;
    int rc = cli_getopt(ctx, argc, argv, "", kind == 'O' ? objective_opts : kr_opts,
                        field_opt, &f, &help);
    const char *usage = kind == 'O' ? objective_help : kr_help;
    const char *noun = kind == 'O' ? "objective" : "kr";
    if (rc) return rc;
    if (help || optind >= argc) {
        fputs(usage, help ? stdout : stderr);
        return help ? 0 : EX_USAGE_;
    }
    const char *verb = argv[optind];
    bool add = strcmp(verb, "add") == 0, edit = strcmp(verb, "edit") == 0,
         archive = strcmp(verb, "archive") == 0;
    if (!add && !edit && !archive)
        return cli_fail(EX_USAGE_, "%s: unknown action '%s'; use add, edit or archive", noun, verb);
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
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, 0, &s))) return rc;
    lnd_arena *a = arena_new();
    store_rc src = STORE_OK;
    char idbuf[32];
    if (kind == 'O') {
        lnd_objective o = {.type = OTYPE_ASPIRATIONAL, .cadence_days = ctx->cfg.cadence_days,
                           .owner = (char *)ctx->user, .business_owner = "", .problem = "",
                           .outcome = "", .capability = "", .title = ""};
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
            if (src == STORE_OK) src = store_add_objective(s, &o, ctx->user);
            id = o.id;
        } else {
            src = store_get_objective(s, a, id, &o);
            if (src == STORE_OK && version) o.version = version;
            if (src == STORE_OK && edit && (f.v[F_WAIVE] || f.v[F_UNWAIVE])) {
                if ((rc = edit_waiver(ctx, s, &f, id))) goto out;
                if (!has_fields(&f)) {
                    rc = 0;
                    goto out;
                }
            }
            if (src == STORE_OK && edit) {
                if ((rc = apply_objective(ctx, &f, &o))) goto out;
                src = store_update_objective(s, &o, ctx->user);
            } else if (src == STORE_OK) {
                src = store_archive_objective(s, id, o.version, ctx->user);
            }
        }
        snprintf(idbuf, sizeof idbuf, "O%lld", id);
        if (src == STORE_OK) {
            printf("%s ", idbuf);
            out_text(stdout, ctx, o.title, 60, false);
            if (archive) printf(" archived\n");
            else printf(" %s (version %ld)\n", add ? "added" : "updated", o.version);
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
            src = store_get_kr(s, a, id, &k);
            if (src == STORE_OK && version) k.version = version;
            if (src == STORE_OK && edit) {
                if ((rc = apply_kr(&f, &k))) goto out;
                src = store_update_kr(s, &k, ctx->user);
            } else if (src == STORE_OK) {
                src = store_archive_kr(s, id, k.version, ctx->user);
            }
        }
        if (src == STORE_OK) {
            printf("K%lld ", id);
            out_text(stdout, ctx, k.title, 60, false);
            if (archive) printf(" archived\n");
            else printf(" %s (version %ld)\n", add ? "added" : "updated", k.version);
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
int cmd_kr(cli_ctx *ctx, int argc, char **argv) { return plan_cmd(ctx, argc, argv, 'K'); }
