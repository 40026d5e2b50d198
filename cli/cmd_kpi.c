/* SPDX-License-Identifier: MIT */
/* cli/cmd_kpi.c — `lnd kpi`: steady-state KPIs with a healthy range, kept apart from OKRs
 * (add, set, list as text or JSON). No SQL here; curses never. */
#include <string.h>

#include "../core/dates.h"
#include "../core/summary.h"
#include "cli.h"
#include "json_out.h"
#include "out.h"

enum { K_UNIT = 1, K_MIN, K_MAX, K_FORMAT, K_N };

static const char kpi_help[] =
    "usage: lnd kpi add NAME [--unit U] [--min N] [--max N]\n"
    "       lnd kpi set NAME VALUE\n"
    "       lnd kpi list [--format text|json]\n\n"
    "KPIs are steady-state health indicators (compliance completion, platform uptime,\n"
    "satisfaction) with a healthy range. KPIs say *is it working*; OKRs say *is it improving*:\n"
    "they are kept apart. Out-of-range KPIs are marked.\n";

static bool kpi_ok(const lnd_kpi *k)
{
    return !k->has_value || ((!k->has_min || k->value >= k->min) && (!k->has_max || k->value <= k->max));
}

int cmd_kpi(cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {
        {"unit", required_argument, NULL, K_UNIT}, {"min", required_argument, NULL, K_MIN},
        {"max", required_argument, NULL, K_MAX}, {"format", required_argument, NULL, K_FORMAT}, {0},
    };
    cli_optv o = {0};
    int rc = cli_command_opts(ctx, argc, argv, "", opts, cli_optv_set, &o, kpi_help);
    if (rc || (rc = cli_need_verb(argc, kpi_help))) return rc;
    const char *verb = argv[optind];
    bool list = !strcmp(verb, "list"), add = !strcmp(verb, "add"), set = !strcmp(verb, "set");
    if (!list && !add && !set) return cli_fail(EX_USAGE_, "kpi: unknown action '%s'; use add, set or list", verb);
    int need = list ? 1 : add ? 2 : 3;
    if (argc - optind != need)
        return cli_fail(EX_USAGE_, "kpi %s: usage: %s", verb, add ? "lnd kpi add NAME [--unit U] [--min N] [--max N]" : set ? "lnd kpi set NAME VALUE" : "lnd kpi list");
    bool json = false;
    if (o.v[K_FORMAT] && (rc = cj_format("kpi list", o.v[K_FORMAT], &json))) return rc;
    lnd_kpi k = {.unit = ""};
    double value = 0;
    if (add) {
        k.name = argv[optind + 1];
        if (o.v[K_UNIT]) k.unit = (char *)o.v[K_UNIT];
        if (o.v[K_MIN] && !(k.has_min = cli_parse_double(o.v[K_MIN], &k.min)))
            return cli_fail(EX_DATAERR_, "kpi add: --min '%s' is not a number", o.v[K_MIN]);
        if (o.v[K_MAX] && !(k.has_max = cli_parse_double(o.v[K_MAX], &k.max)))
            return cli_fail(EX_DATAERR_, "kpi add: --max '%s' is not a number", o.v[K_MAX]);
        if (!k.has_min && !k.has_max)
            return cli_fail(EX_USAGE_, "kpi add: give a healthy range with --min and/or --max");
    }
    if (set && !cli_parse_double(argv[optind + 2], &value))
        return cli_fail(EX_DATAERR_, "kpi set: value '%s' is not a number", argv[optind + 2]);
    if ((rc = cli_setup(ctx))) return rc;
    store *s;
    if ((rc = cli_open(ctx, list ? STORE_OPEN_READONLY : 0, &s))) return rc;
    lnd_arena *a = arena_new();
    store_rc src = STORE_OK;
    if (add) {
        lnd_kpi *ks;
        size_t n;
        src = store_kpis(s, a, &ks, &n);
        for (size_t i = 0; src == STORE_OK && i < n; i++)
            if (!ks[i].archived && strcmp(ks[i].name, k.name) == 0) {
                rc = cli_fail(EX_DATAERR_, "a KPI named '%s' already exists; set its value with `lnd kpi set`", k.name);
                break;
            }
        if (src == STORE_OK && !rc) src = store_add_kpi(s, &k, ctx->user);
        if (src == STORE_OK && !rc) {
            printf("KPI ");
            out_text(stdout, ctx, k.name, 60, false);
            printf(" added\n");
        }
    } else {
        lnd_kpi *ks;
        size_t n;
        src = store_kpis(s, a, &ks, &n);
        if (src == STORE_OK && set) {
            lnd_kpi *hit = NULL;
            for (size_t i = 0; i < n; i++)
                if (strcmp(ks[i].name, argv[optind + 1]) == 0) hit = &ks[i];
            if (!hit) {
                rc = cli_fail(EX_DATAERR_, "no KPI named '%s'; see `lnd kpi list`", argv[optind + 1]);
            } else if ((src = store_set_kpi_value(s, hit->id, value, ctx->user)) == STORE_OK) {
                hit->value = value;
                hit->has_value = true;
                printf("KPI ");
                out_text(stdout, ctx, hit->name, 40, false);
                printf(" = %g%s\n", value, kpi_ok(hit) ? "" : "  (out of range)");
            }
        } else if (src == STORE_OK && json) {
            rc = cj_kpis(ks, n);
        } else if (src == STORE_OK) {
            printf("%-34s %10s %-8s %-16s %s\n", "KPI", "VALUE", "UNIT", "HEALTHY RANGE", "STATE");
            for (size_t i = 0; i < n; i++) {
                if (ks[i].archived) continue;
                char v[32] = "-", lo[32] = "", hi[32] = "", range[80];
                if (ks[i].has_value) model_fmt_num(ks[i].value, v, sizeof v);
                if (ks[i].has_min) model_fmt_num(ks[i].min, lo, sizeof lo);
                if (ks[i].has_max) model_fmt_num(ks[i].max, hi, sizeof hi);
                snprintf(range, sizeof range, "%s%s%s", ks[i].has_min ? ">= " : "", lo,
                         ks[i].has_max ? (ks[i].has_min ? ", <= " : "<= ") : "");
                strncat(range, hi, sizeof range - strlen(range) - 1);
                out_text(stdout, ctx, ks[i].name, 34, true);
                printf(" %10s ", v);
                out_text(stdout, ctx, ks[i].unit, 8, true);
                bool good = kpi_ok(&ks[i]);
                printf(" %-16s %s%s%s\n", range,
                       out_status_color(ctx, !ks[i].has_value ? STATUS_NONE : good ? STATUS_ON_TRACK : STATUS_OFF_TRACK),
                       !ks[i].has_value ? "no value yet" : good ? "ok" : "OUT OF RANGE", out_reset(ctx));
            }
            if (n == 0) printf("no KPIs yet: lnd kpi add \"Platform uptime\" --unit %% --min 99.5\n");
        }
    }
    if (src != STORE_OK) rc = cli_store_fail(s, src);
    arena_free(a);
    store_close(s);
    return rc;
}
