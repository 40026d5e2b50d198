/* SPDX-License-Identifier: MIT */
/* cli/waiver.c — `lnd objective edit O3 --waive H02 --reason TEXT` and `--unwaive H02`: a
 * health rule about how an objective is measured (H02, H03, H05) waived for that objective,
 * with the reason someone gave. The store keeps it (store_set_waiver); core/health.c shows
 * the finding as info with the reason. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "out.h"

/* "h02" -> "H02"; false unless it is one of the rules that can be waived. */
static bool rule_of(const char *r, char out[8])
{
    size_t i = 0;
    for (; r && r[i] && i < 7; i++) out[i] = (char)(r[i] >= 'a' && r[i] <= 'z' ? r[i] - 32 : r[i]);
    out[i] = '\0';
    return r && !r[i] && (!strcmp(out, "H02") || !strcmp(out, "H03") || !strcmp(out, "H05"));
}

int cli_waiver_apply(cli_ctx *ctx, store *s, lnd_id id, const char *waive, const char *unwaive,
                     const char *reason)
{
    char rule[8];
    if (waive && unwaive) return cli_fail(EX_USAGE_, "objective edit: --waive and --unwaive together; use one");
    if (!rule_of(waive ? waive : unwaive, rule))
        return cli_fail(EX_USAGE_, "objective edit: only H02, H03 and H05 can be waived (rules about how an "
                                   "objective is measured)");
    if (waive && (!reason || !*reason))
        return cli_fail(EX_USAGE_, "objective edit: --waive %s needs --reason \"why this objective is measured "
                                   "this way\"", rule);
    store_rc src = waive ? store_set_waiver(s, id, rule, reason, ctx->user) : store_clear_waiver(s, id, rule, ctx->user);
    return src == STORE_OK ? 0 : cli_store_fail(s, src);
}

void cli_waiver_say(cli_ctx *ctx, lnd_id id, const char *waive, const char *unwaive, const char *reason)
{
    char rule[8];
    rule_of(waive ? waive : unwaive, rule);
    if (waive) {
        printf("O%lld: %s waived (", id, rule);
        out_text(stdout, ctx, reason, 200, false);
        puts(")");
    } else {
        printf("O%lld: waiver of %s removed\n", id, rule);
    }
}
