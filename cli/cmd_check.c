/* SPDX-License-Identifier: MIT */
/* cli/cmd_check.c — `lnd check`: the alignment health of a cycle's plan (the pitfalls of
 * shared/DOMAIN.md as rules H01..H11), as text or JSON; exits 1 when an error-level finding
 * remains, so a plan can be checked in scripts and CI. Also formats findings for the report. */
#include <jansson.h>
#include <string.h>

#include "../core/dates.h"
#include "../core/health.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

static size_t findings_of(const cli_ctx *ctx, const lnd_plan *p, lnd_arena *a, lnd_finding **f)
{
    health_opts ho;
    health_opts_from_config(&ctx->cfg, &ho);
    return health_check(p, &ho, date_today(), a, f);
}

size_t cli_health_lines(const cli_ctx *ctx, const lnd_plan *p, lnd_arena *a, const char ***out)
{
    lnd_finding *f;
    size_t n = findings_of(ctx, p, a, &f);
    const char **lines = arena_alloc(a, (n + 1) * sizeof *lines);
    char fix[200];
    for (size_t i = 0; i < n; i++)
        lines[i] = arena_printf(a, "[%s] %s %s (fix: %s)", health_sev_name(f[i].sev), f[i].id,
                                f[i].msg, cli_fix_text(&f[i], fix, sizeof fix));
    *out = lines;
    return n;
}

typedef struct {
    const char *cycle;
    bool json, rules;
} check_opts;

static int check_opt(void *st, int c, const char *arg)
{
    check_opts *o = st;
    if (c == 'c') o->cycle = arg;
    else if (c == 'r') o->rules = true;
    else if (c == 'f') {
        if (!strcmp(arg, "json")) o->json = true;
        else if (!strcmp(arg, "text")) o->json = false;
        else return cli_fail(EX_USAGE_, "check: --format must be text or json, not '%s'", arg);
    }
    return 0;
}

static const char check_help[] =
    "usage: lnd check [--cycle NAME] [--format text|json] [--rules]\n\n"
    "Check the plan for the alignment pitfalls: L&D objectives with no business parent,\n"
    "vanity-only KRs, no leading or lagging indicator, KRs without a baseline, no business\n"
    "co-owner, missing problem or outcome, too many objectives or KRs, programmes serving\n"
    "nothing or ending too late, KRs gone quiet, capability gaps with no L&D objective, and\n"
    "KPI-like objectives. Exit 1 when an error-level finding remains, else 0.\n"
    "Thresholds and disabled rules: the `health` group of the config (lnd.conf.example).\n\n"
    "  --rules   list the rules with their ids, severities and fixes\n";

static int print_rules(void)
{
    size_t n;
    const health_rule *r = health_rules(&n);
    for (size_t i = 0; i < n; i++)
        printf("%s  %-7s  %s\n      fix: %s\n", r[i].id, health_sev_name(r[i].sev), r[i].title, cli_rule_fix(&r[i]));
    return 0;
}

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"cycle", required_argument, NULL, 'c'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"rules", no_argument, NULL, 'r'}, {0}};
    check_opts co = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, check_opt, &co,
                              check_help);
    if (rc) return rc;
    if (optind < argc) return cli_fail(EX_USAGE_, "check: unexpected '%s'", argv[optind]);
    if (co.rules) return print_rules();
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, STORE_OPEN_READONLY, &s))) return rc;
    lnd_arena *a = arena_new();
    lnd_plan *p = NULL;
    if ((rc = cli_load_plan(ctx, s, co.cycle, &p))) goto out;
    store_close(s);   /* the rest needs only the plan: its page cache is memory the findings reuse */
    s = NULL;
    lnd_finding *f;
    size_t n = findings_of(ctx, p, a, &f);
    size_t ne = health_count(f, n, HEALTH_ERROR), nw = health_count(f, n, HEALTH_WARNING);
    if (co.json) {
        json_t *root = json_object(), *arr = json_array();
        json_object_set_new(root, "cycle", cj_cycle(p, date_today()));
        for (size_t i = 0; i < n; i++) {
            json_t *j = json_object();
            char b[32];
            json_object_set_new(j, "rule", json_string(f[i].id));
            json_object_set_new(j, "severity", json_string(health_sev_name(f[i].sev)));
            snprintf(b, sizeof b, "O%lld", f[i].obj_id);
            json_object_set_new(j, "objective", f[i].obj_id ? json_string(b) : json_null());
            snprintf(b, sizeof b, "K%lld", f[i].kr_id);
            json_object_set_new(j, "key_result", f[i].kr_id ? json_string(b) : json_null());
            snprintf(b, sizeof b, "P%lld", f[i].prog_id);
            json_object_set_new(j, "programme", f[i].prog_id ? json_string(b) : json_null());
            json_t *m = json_string(f[i].msg);
            json_object_set_new(j, "message", m ? m : json_string("(message is not valid UTF-8)"));
            char fix[200];
            json_object_set_new(j, "fix", json_string(cli_fix_text(&f[i], fix, sizeof fix)));
            json_array_append_new(arr, j);
        }
        json_object_set_new(root, "findings", arr);
        json_object_set_new(root, "errors", json_integer((json_int_t)ne));
        json_object_set_new(root, "warnings", json_integer((json_int_t)nw));
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(root);
    } else {
        for (size_t i = 0; i < n; i++) {
            lnd_status look = f[i].sev == HEALTH_ERROR ? STATUS_OFF_TRACK
                            : f[i].sev == HEALTH_WARNING ? STATUS_AT_RISK : STATUS_NONE;
            printf("%s%-7s%s %s  ", out_status_color(ctx, look), health_sev_name(f[i].sev), out_reset(ctx), f[i].id);
            out_text(stdout, ctx, f[i].msg, -1, false);
            printf("\n                fix: ");
            char fix[200];
            out_text(stdout, ctx, cli_fix_text(&f[i], fix, sizeof fix), -1, false);
            putchar('\n');
        }
        printf("%zu error%s, %zu warning%s, %zu info in ", ne, ne == 1 ? "" : "s", nw, nw == 1 ? "" : "s",
               n - ne - nw);
        out_text(stdout, ctx, p->cycle.name, 30, false);
        putchar('\n');
    }
    rc = ne ? 1 : 0;
out:
    plan_free(p);
    arena_free(a);
    store_close(s);
    return rc;
}
