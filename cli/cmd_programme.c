/* SPDX-License-Identifier: MIT */
/* cli/cmd_programme.c — `lnd programme`: learning programmes on the cycle's calendar (add,
 * edit with --expect-FIELD, archive, list as text or JSON). No SQL here; curses never. */
#include <string.h>

#include "../core/dates.h"
#include "../core/summary.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

enum { P_TITLE = 1, P_OBJ, P_START, P_END, P_AUD, P_CYCLE, P_VERSION, P_COHORTS, P_XTITLE, P_XOBJ,
       P_XSTART, P_XEND, P_XAUD, P_FORMAT, P_N };
#define P_X (P_XTITLE - P_TITLE)   /* --expect-FIELD code = FIELD code + P_X */

static const char programme_help[] =
    "usage: lnd programme add --title TEXT --objective O7 --start-week W --end-week W\n"
    "                         [--audience TEXT] [--cohorts NAMES] [--cycle NAME]\n"
    "       lnd programme edit P3 [--title ...] [--objective O7|none] [--start-week W]\n"
    "                         [--end-week W] [--audience TEXT] [--cohorts NAMES] [--version N]\n"
    "                         [--expect-FIELD OLD]   (title, objective, start-week, end-week,\n"
    "                         audience: edit only if FIELD still holds OLD, else exit 75)\n"
    "       lnd programme archive P3\n"
    "       lnd programme restore P3 [--version N]   (bring an archived programme back)\n"
    "       lnd programme list [--cycle NAME] [--format text|json]\n\n"
    "A programme is a learning initiative on the L&D calendar (workshop, pathway, coaching).\n"
    "It names the objective it serves and its weeks, so late delivery shows up, and its end\n"
    "schedules follow-ups on the behaviour and results KRs it serves (see `lnd due`).\n"
    "--cohorts names the groups check-ins may compare, the trained one first\n"
    "(default \"trained,not yet trained\"; e.g. \"pilot,control\").\n";

static int programme_list(cli_ctx *ctx, store *s, const cli_optv *o)
{
    lnd_plan *p;
    bool json = false;
    int rc = o->v[P_FORMAT] ? cj_format("programme list", o->v[P_FORMAT], &json) : 0;
    if (!rc) rc = cli_load_plan(ctx, s, o->v[P_CYCLE], &p);
    if (rc) return rc;
    if (json) {
        rc = cj_programmes(p);
        plan_free(p);
        return rc;
    }
    int week = summary_week_on(p, date_today());
    char when[64];
    summary_when_text(p, date_today(), when, sizeof when);
    printf("%-5s %-36s %-6s %-7s timeline (%s)\n", "ID", "PROGRAMME", "SERVES", "WEEKS", when);
    for (size_t i = 0; i < p->nprogs; i++) {
        const lnd_programme *pr = &p->progs[i];
        if (pr->archived) continue;
        char id[16], serves[16], weeks[16];
        snprintf(id, sizeof id, "P%lld", pr->id);
        if (pr->objective_id) snprintf(serves, sizeof serves, "O%lld", pr->objective_id);
        else snprintf(serves, sizeof serves, "none");
        snprintf(weeks, sizeof weeks, "%d-%d", pr->start_week, pr->end_week);
        printf("%-5s ", id);
        out_text(stdout, ctx, pr->title, 36, true);
        printf(" %-6s %-7s ", serves, weeks);
        for (int w = 1; w <= p->cycle.weeks; w++) {
            bool on = w >= pr->start_week && w <= pr->end_week;
            if (w == week) fputs(on ? (ctx->ascii ? "#" : "█") : "|", stdout);
            else fputs(on ? (ctx->ascii ? "=" : "▆") : ".", stdout);
        }
        putchar('\n');
    }
    if (p->nprogs == 0) printf("no programmes yet: lnd programme add --title ... --objective O7 --start-week 2 --end-week 4\n");
    plan_free(p);
    return 0;
}

static int parse_week(const char *s, const char *what, int *out)
{
    long v;
    if (!cli_parse_int(s, 1, 53, &v))
        return cli_fail(EX_DATAERR_, "%s '%s' must be a week number from 1 to 53", what, s);
    *out = (int)v;
    return 0;
}

static int programme_apply(const cli_optv *o, lnd_programme *p)
{
    int rc = 0;
    if (o->v[P_TITLE]) p->title = (char *)o->v[P_TITLE];
    if (o->v[P_AUD]) p->audience = (char *)o->v[P_AUD];
    if (o->v[P_COHORTS]) p->cohorts = (char *)o->v[P_COHORTS];
    if (o->v[P_OBJ]) {
        if (strcmp(o->v[P_OBJ], "none") == 0) p->objective_id = 0;
        else if (!cli_parse_id(o->v[P_OBJ], 'O', &p->objective_id))
            return cli_fail(EX_DATAERR_, "--objective '%s' is not an objective id like O7", o->v[P_OBJ]);
    }
    if (o->v[P_START] && (rc = parse_week(o->v[P_START], "--start-week", &p->start_week))) return rc;
    if (o->v[P_END] && (rc = parse_week(o->v[P_END], "--end-week", &p->end_week))) return rc;
    return 0;
}

/* `lnd programme restore P3 [--version N]` (issue 14): self-contained, so it can move with
 * the programme commands. 0 or the exit code after one line. */
static int programme_restore(cli_ctx *ctx, int argc, char **argv, const cli_optv *o)
{
    lnd_id id;
    if (optind + 1 >= argc || !cli_parse_id(argv[optind + 1], 'P', &id))
        return cli_fail(EX_USAGE_, "programme restore: which programme? give its id, e.g. P3");
    if (optind + 2 < argc) return cli_fail(EX_USAGE_, "programme restore: unexpected '%s'", argv[optind + 2]);
    for (int f = 1; f < P_N; f++)
        if (f != P_VERSION && o->v[f]) return cli_fail(EX_USAGE_, "programme restore: only --version goes with restore");
    long v = 0;
    if (o->v[P_VERSION] && !cli_parse_int(o->v[P_VERSION], 1, 0x7fffffffL, &v))
        return cli_fail(EX_USAGE_, "--version '%s' must be a number", o->v[P_VERSION]);
    int rc = cli_setup(ctx);
    if (rc) return rc;
    store *s;
    if ((rc = cli_open(ctx, 0, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_programme pr;
    store_rc src = store_get_programme(s, a, id, &pr);
    if (src == STORE_OK) src = store_unarchive_programme(s, id, v ? v : pr.version, ctx->user);
    if (src == STORE_NOTFOUND) rc = cli_fail(EX_DATAERR_, "no programme P%lld; see `lnd programme list`", id);
    else if (src != STORE_OK) rc = cli_store_fail(s, src);
    else {
        printf("P%lld ", id);
        out_text(stdout, ctx, pr.title, 60, false);
        printf(" restored (version %ld)\n", (v ? v : pr.version) + 1);
    }
    arena_free(a);
    store_close(s);
    return rc;
}

int cmd_programme(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"title", required_argument, NULL, P_TITLE}, {"objective", required_argument, NULL, P_OBJ},
        {"start-week", required_argument, NULL, P_START}, {"end-week", required_argument, NULL, P_END},
        {"audience", required_argument, NULL, P_AUD}, {"cycle", required_argument, NULL, P_CYCLE},
        {"cohorts", required_argument, NULL, P_COHORTS},
        {"version", required_argument, NULL, P_VERSION},
        {"expect-title", required_argument, NULL, P_XTITLE}, {"expect-objective", required_argument, NULL, P_XOBJ},
        {"expect-start-week", required_argument, NULL, P_XSTART}, {"expect-end-week", required_argument, NULL, P_XEND},
        {"expect-audience", required_argument, NULL, P_XAUD},
        {"format", required_argument, NULL, P_FORMAT}, {0},
    };
    cli_optv o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cli_optv_set, &o, programme_help);
    if (rc || (rc = cli_need_verb(argc, programme_help))) return rc;
    const char *verb = argv[optind];
    bool list = !strcmp(verb, "list"), add = !strcmp(verb, "add"), edit = !strcmp(verb, "edit"),
         archive = !strcmp(verb, "archive");
    if (!strcmp(verb, "restore")) return programme_restore(ctx, argc, argv, &o);
    if (!list && !add && !edit && !archive)
        return cli_fail(EX_USAGE_, "programme: unknown action '%s'; use add, edit, archive, restore or list", verb);
    lnd_id id = 0;
    if ((edit || archive) && (optind + 1 >= argc || !cli_parse_id(argv[optind + 1], 'P', &id)))
        return cli_fail(EX_USAGE_, "programme %s: which programme? give its id, e.g. P3", verb);
    if (add && (!o.v[P_TITLE] || !o.v[P_START] || !o.v[P_END]))
        return cli_fail(EX_USAGE_, "programme add: --title, --start-week and --end-week are required");
    for (int f = P_XTITLE; !edit && !archive && f <= P_XAUD; f++)
        if (o.v[f]) return cli_fail(EX_USAGE_, "programme %s: --expect-... only goes with edit or archive", verb);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, list ? STORE_OPEN_READONLY : 0, &s))) return rc;
    if (list) {
        rc = programme_list(ctx, s, &o);
        store_close(s);
        return rc;
    }
    lnd_plan *p = NULL;
    lnd_programme pr = {.title = "", .audience = ""};
    store_rc src = STORE_OK;
    if (add) {
        if ((rc = cli_load_plan(ctx, s, o.v[P_CYCLE], &p))) goto out;
        pr.cycle_id = p->cycle.id;
        if ((rc = programme_apply(&o, &pr))) goto out;
        src = store_add_programme(s, &pr, ctx->user);
    } else {
        /* read, check and write in one transaction so edits of different fields never clash */
        if ((rc = cli_edit_begin(s))) goto out;
        lnd_arena *a = arena_new();
        src = store_get_programme(s, a, id, &pr);
        if (src == STORE_NOTFOUND) rc = cli_fail(EX_DATAERR_, "no programme P%lld; see `lnd programme list`", id);
        for (int f = P_TITLE; src == STORE_OK && !rc && f <= P_AUD; f++) {
            if (!o.v[f + P_X]) continue;
            cli_optv one = {0};
            one.v[f] = o.v[f + P_X];
            lnd_programme w = pr;
            if ((rc = programme_apply(&one, &w))) break;
            static const char *const opt[] = {"", "title", "objective", "start-week", "end-week", "audience"};
            static const char *const aud[] = {"", "title", "objective", "start week", "end week", "audience"};
            char now[32], want[32], label[32];
            const char *n1 = f == P_TITLE ? pr.title : f == P_AUD ? pr.audience : now;
            const char *n2 = f == P_TITLE ? w.title : f == P_AUD ? w.audience : want;
            if (f == P_OBJ) {
                snprintf(now, sizeof now, pr.objective_id ? "O%lld" : "none", pr.objective_id);
                snprintf(want, sizeof want, w.objective_id ? "O%lld" : "none", w.objective_id);
            } else {
                snprintf(now, sizeof now, "%d", f == P_START ? pr.start_week : pr.end_week);
                snprintf(want, sizeof want, "%d", f == P_START ? w.start_week : w.end_week);
            }
            snprintf(label, sizeof label, "P%lld", id);
            cli_expect x = {.entity = "programme", .id = id, .label = label, .opt = opt[f], .audit_field = aud[f],
                            .now = n1, .want = n2};
            rc = cli_edit_expect(ctx, s, &x);
        }
        if (rc) {
            cli_edit_end(s, false);
            arena_free(a);
            goto out;
        }
        long v;
        if (o.v[P_VERSION]) {
            if (!cli_parse_int(o.v[P_VERSION], 1, 0x7fffffffL, &v)) {
                cli_edit_end(s, false);
                arena_free(a);
                rc = cli_fail(EX_USAGE_, "--version '%s' must be a number", o.v[P_VERSION]);
                goto out;
            }
            pr.version = v;
        }
        if (src == STORE_OK && edit) {
            if ((rc = programme_apply(&o, &pr))) {
                cli_edit_end(s, false);
                arena_free(a);
                goto out;
            }
            src = store_update_programme(s, &pr, ctx->user);
        } else if (src == STORE_OK && pr.archived) {
            cli_edit_end(s, false);
            arena_free(a);
            rc = cli_fail(EX_DATAERR_, "programme P%lld is already archived", id);
            goto out;
        } else if (src == STORE_OK) {
            src = store_archive_programme(s, id, pr.version, ctx->user);
        }
        store_rc end = cli_edit_end(s, src == STORE_OK);
        if (src == STORE_OK) src = end;
        if (src == STORE_OK) {
            printf("P%lld ", pr.id);
            out_text(stdout, ctx, pr.title, 60, false);
            printf(" %s\n", edit ? "updated" : "archived");
        }
        arena_free(a);
    }
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    else if (add) {
        printf("P%lld ", pr.id);
        out_text(stdout, ctx, pr.title, 60, false);
        printf(" added (weeks %d-%d)\n", pr.start_week, pr.end_week);
    }
out:
    plan_free(p);
    store_close(s);
    return rc;
}
