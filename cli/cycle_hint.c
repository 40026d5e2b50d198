/* SPDX-License-Identifier: MIT */
/* cli/cycle_hint.c — the "review of 2026-Q4 pending" line under `lnd status` while a cycle
 * other than the one shown is in review (issue 14). Reads the store, prints one dim line;
 * the rule of which cycle is pending is core/cycle_pick.c. */
#include <string.h>

#include "cli.h"
#include "out.h"

void cli_review_hint(const cli_ctx *ctx, store *s, const lnd_cycle *shown)
{
    lnd_arena *a = arena_new();
    lnd_cycle r;
    if (store_review_pending(s, a, &r) == STORE_OK && r.id != shown->id) {
        printf("%sreview of ", out_dim(ctx));
        out_text(stdout, ctx, r.name, 40, false);
        printf(" pending: `lnd review` scores it%s\n", out_reset(ctx));
    }
    arena_free(a);
}
