/* SPDX-License-Identifier: MIT */
/* cli/cmd_objective.c — `lnd objective add|edit|archive|restore` and `lnd kr ...` alike:
 * enough to build and change a plan from a script. An edit reads the row, applies only the
 * fields named and writes it in one write transaction, so edits of different fields never
 * clash; --version N is a compare-and-swap on the row, --expect-FIELD OLD on one value. */
#include <stdio.h>
#include <string.h>

#include "../core/fields.h"
#include "cli.h"
#include "out.h"

/* The --FIELD options are the EDIT fields of core/fields.h (fields_obj[], fields_kr[]): option
 * code 1 + the field's row, values parsed by fields_set_from_text. */
enum { NF = 32,   /* at most this many rows in a field table */
       F_CYCLE = NF + 1, F_VERSION, F_WAIVE, F_REASON, F_UNWAIVE, F_N };

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

/* Where an option is not the JSON name with '_' -> '-': its name, a second spelling, and an
 * entity's own bounds for a whole number (checked before the kind's parser, with its message). */
typedef struct {
    char kind;
    const char *json, *opt, *alias;
    long lo, hi;
    const char *why;
} cli_field;

static const cli_field cli_fields[] = {
    {'K', "baseline_at", "baseline-date", NULL, 0, 0, NULL},
    {'K', "coowner", NULL, "co-owner", 0, 0, NULL},
    {'K', "due_week", NULL, NULL, 0, 53, "must be a week number of the cycle"},
    {'O', "cadence_days", "cadence", NULL, 1, 365, "must be a number of days from 1 to 365"},
};

static const fields_meta *table(char kind, size_t *n)
{
    *n = kind == 'O' ? FIELDS_OBJ_N : FIELDS_KR_N;
    return kind == 'O' ? fields_obj : fields_kr;
}

static const cli_field *cli_field_of(char kind, const char *json)
{
    for (size_t i = 0; i < sizeof cli_fields / sizeof cli_fields[0]; i++)
        if (cli_fields[i].kind == kind && strcmp(cli_fields[i].json, json) == 0) return &cli_fields[i];
    return NULL;
}

/* The option code of a field by its JSON name (0 = none). */
static int code_of(char kind, const char *json)
{
    size_t n;
    const fields_meta *t = table(kind, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(t[i].name, json) == 0) return (int)i + 1;
    return 0;
}

static char opt_names[2][NF][2][48];   /* [kind][row]: the option name, and "expect-" + alias */

/* The option name of row i (no leading --). */
static const char *opt_name(char kind, size_t i)
{
    return opt_names[kind == 'O'][i][0];
}

/* getopt's table for a kind, built once from the field table, then the other options. */
static const struct option *options(char kind)
{
    static struct option built[2][2 * NF + 8];
    static char expect[2][NF][48];
    int w = kind == 'O';
    if (built[w][0].name) return built[w];
    size_t n, k = 0;
    const fields_meta *t = table(kind, &n);
    for (size_t i = 0; i < n && i < NF; i++) {
        if (!t[i].edit) continue;
        const cli_field *c = cli_field_of(kind, t[i].name);
        char *nm = opt_names[w][i][0];
        snprintf(nm, 48, "%s", c && c->opt ? c->opt : t[i].name);
        for (char *p = nm; *p; p++)
            if (*p == '_') *p = '-';
        snprintf(expect[w][i], 48, "expect-%s", nm);
        built[w][k++] = (struct option){nm, required_argument, NULL, (int)i + 1};
        built[w][k++] = (struct option){expect[w][i], required_argument, NULL, EXP((int)i + 1)};
        if (c && c->alias) {
            snprintf(opt_names[w][i][1], 48, "expect-%s", c->alias);
            built[w][k++] = (struct option){c->alias, required_argument, NULL, (int)i + 1};
            built[w][k++] = (struct option){opt_names[w][i][1], required_argument, NULL, EXP((int)i + 1)};
        }
    }
    built[w][k++] = (struct option){"version", required_argument, NULL, F_VERSION};
    if (w) {
        built[w][k++] = (struct option){"cycle", required_argument, NULL, F_CYCLE};
        built[w][k++] = (struct option){"waive", required_argument, NULL, F_WAIVE};
        built[w][k++] = (struct option){"reason", required_argument, NULL, F_REASON};
        built[w][k++] = (struct option){"unwaive", required_argument, NULL, F_UNWAIVE};
    }
    return built[w];
}

static bool expecting;   /* applying an --expect-FIELD value: name that option in errors */

/* Any field to change besides the waiver options and --version? */
static bool has_fields(const fields *f)
{
    for (int i = 1; i <= NF; i++)
        if (f->v[i]) return true;
    return false;
}

static int bad(const char *what, const char *val, const char *fix)
{
    return cli_fail(EX_DATAERR_, "%s%s '%s' %s", expecting ? "--expect-" : "", expecting ? what + 2 : what, val, fix);
}

/* Apply the fields named in f onto row (an lnd_objective or lnd_kr), in table order.
 * Returns 0 or an exit code. */
static int apply_fields(const fields *f, char kind, void *row)
{
    size_t n;
    const fields_meta *t = table(kind, &n);
    for (size_t i = 0; i < n && i < NF; i++) {
        const char *v = f->v[i + 1];
        if (!v || !t[i].edit) continue;
        char opt[64], why[160];
        long l;
        snprintf(opt, sizeof opt, "--%s", opt_name(kind, i));
        const cli_field *c = cli_field_of(kind, t[i].name);
        if (c && c->why && !cli_parse_int(v, c->lo, c->hi, &l)) return bad(opt, v, c->why);
        if (!fields_set_from_text(&t[i], row, v, why, sizeof why)) return bad(opt, v, why);
    }
    return 0;
}

static int apply_objective(cli_ctx *ctx, const fields *f, lnd_objective *o)
{
    (void)ctx;
    return apply_fields(f, 'O', o);
}

/* A learning objective says what it tests when it becomes one. */
static int need_hypothesis(const lnd_objective *o, const char *verb)
{
    if (o->type != OTYPE_LEARNING || (o->hypothesis && *o->hypothesis)) return 0;
    return cli_fail(EX_USAGE_, "objective %s: a learning objective needs --hypothesis \"what it tests\"", verb);
}

static int apply_kr(const fields *f, lnd_kr *k)
{
    int rc = apply_fields(f, 'K', k);
    if (!rc && !f->v[code_of('K', "direction")] && (f->v[code_of('K', "baseline")] || f->v[code_of('K', "target")]))
        k->direction = k->has_baseline && k->target < k->baseline ? DIR_DECREASE : DIR_INCREASE;
    return rc;
}

/* Every --expect-FIELD against the row as it is now (inside the edit's transaction): the value
 * applied to a copy and both read back as text the same way (so "75.0" matches 75, "o3" O3). */
static int check_expects(cli_ctx *ctx, store *s, const fields *f, char kind, const void *row)
{
    size_t n;
    const fields_meta *t = table(kind, &n);
    for (size_t i = 0; i < n && i < NF; i++) {
        if (!f->e[i + 1] || !t[i].edit) continue;
        fields one = {0};
        one.v[i + 1] = f->e[i + 1];
        char b1[64], b2[64], label[32];
        union {
            lnd_objective o;
            lnd_kr k;
        } w;
        memcpy(&w, row, kind == 'O' ? sizeof w.o : sizeof w.k);
        expecting = true;
        int rc = kind == 'O' ? apply_objective(ctx, &one, &w.o) : apply_fields(&one, 'K', &w.k);
        expecting = false;
        if (rc) return rc;
        const char *now = fields_text(&t[i], row, b1, sizeof b1), *want = fields_text(&t[i], &w, b2, sizeof b2);
        lnd_id id = kind == 'O' ? w.o.id : w.k.id;
        snprintf(label, sizeof label, "%c%lld", kind, id);
        cli_expect x = {.entity = kind == 'O' ? "objective" : "kr", .id = id, .label = label,
                        .opt = opt_name(kind, i), .audit_field = t[i].diff, .now = now ? now : "",
                        .want = want ? want : ""};
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

/* The --help text: cli/help_plan.c's, with a line for each table field it does not describe
 * (fields_rest of fields_*_placed: a field added since) before its "--version N" line, in the
 * same column, so a new field's option is documented from its table line (label or hint). */
static const char *usage_of(char kind)
{
    static char built[2][8192];
    int w = kind == 'O';
    const char *help = w ? cli_objective_help : cli_kr_help;
    if (built[w][0]) return built[w];
    size_t n;
    const fields_meta *t = table(kind, &n), *rest[NF];
    size_t nrest = fields_rest(t, n, w ? fields_obj_placed : fields_kr_placed, rest, NF);
    const char *at = strstr(help, "\n  --version N");
    if (!nrest || !at) return help;
    at++;
    int col = (int)(strspn(at + 13, " ") + 13);   /* where the descriptions start */
    size_t k = (size_t)snprintf(built[w], sizeof built[w], "%.*s", (int)(at - help), help);
    for (size_t i = 0; i < nrest && i < NF && k < sizeof built[w]; i++) {
        const fields_meta *m = rest[i];
        const char *meta = m->form == FORM_DATE ? "D"
                           : m->kind == FIELD_ID || m->kind == FIELD_REF ? "ID"
                           : m->kind == FIELD_TEXT || m->kind == FIELD_OPTTEXT || m->kind == FIELD_DEFTEXT ? "TEXT"
                           : m->kind == FIELD_ENUM ? "NAME"
                           : m->kind == FIELD_BOOL ? "yes|no" : "N";
        char opt[64];
        snprintf(opt, sizeof opt, "  --%s %s", opt_name(kind, (size_t)(m - t)), meta);
        k += (size_t)snprintf(built[w] + k, sizeof built[w] - k, "%-*s %s\n", col - 1, opt,
                              m->hint ? m->hint : m->label ? m->label : m->diff);
    }
    if (k < sizeof built[w]) snprintf(built[w] + k, sizeof built[w] - k, "%s", at);
    return built[w];
}

/* Shared driver: parse "VERB [ID]" and fields, then do it. kind 'O' or 'K'. */
static int plan_cmd(cli_ctx *ctx, int argc, char **argv, char kind)
{
    fields f = {0};
    const char *noun = kind == 'O' ? "objective" : "kr";
    const struct option *opts = options(kind);   /* names the options usage_of lists */
    const char *usage = usage_of(kind);
    int rc = cli_command_opts(ctx, argc, argv, "", opts, field_opt, &f, usage);
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
    for (int i = 1; restore && i < F_N; i++)   /* --cycle names the cycle, not a field: edit and archive take it too */
        if (i != F_VERSION && i != F_CYCLE && (f.v[i] || f.e[i]))
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
            o.level = f.v[code_of('O', "parent")] ? LEVEL_LD : LEVEL_BUSINESS;
            if (!f.v[code_of(kind, "title")]) {
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
            if (!f.v[code_of('K', "objective")] || !cli_parse_id(f.v[code_of('K', "objective")], 'O', &k.objective_id)) {
                rc = cli_fail(EX_USAGE_, "kr add: --objective O7 is required");
                goto out;
            }
            if (!f.v[code_of(kind, "title")] || !f.v[code_of('K', "target")]) {
                rc = cli_fail(EX_USAGE_, "kr add: --title and --target are required");
                goto out;
            }
            if (!f.v[code_of('K', "evidence")] || !f.v[code_of('K', "indicator")]) {
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
