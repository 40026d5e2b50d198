/* SPDX-License-Identifier: MIT */
/* cli/edit.c — what `lnd objective|kr|programme edit` share so scripts never clash by
 * accident: the edit runs in one write transaction (read, apply only the named fields,
 * write), and `--expect-FIELD OLD` is a compare-and-swap on one value, refused with exit 75
 * naming the field, its value now and who set it. No SQL here (store/ verbs only). */
#include <string.h>

#include "../core/dates.h"
#include "../core/sanitize.h"
#include "cli.h"

int cli_edit_begin(store *s)
{
    store_rc rc = store_tx_begin(s);
    return rc == STORE_OK ? 0 : cli_store_fail(s, rc);
}

store_rc cli_edit_end(store *s, bool ok)
{
    if (ok) return store_tx_commit(s);
    store_tx_rollback(s);
    return STORE_OK;
}

int cli_edit_expect(const cli_ctx *ctx, store *s, const cli_expect *e)
{
    if (strcmp(e->now, e->want) == 0) return 0;
    char now[160], want[160], who[300] = "someone";
    san_text(e->now, 60, ctx->ascii, now, sizeof now);
    san_text(e->want, 60, ctx->ascii, want, sizeof want);
    lnd_arena *a = arena_new();
    lnd_audit au;
    const char *at = "";
    if (store_last_field_change(s, a, e->entity, e->id, e->audit_field, &au) == STORE_OK) {
        char raw[300];
        san_text(model_who(au.user, au.account, raw, sizeof raw), 60, ctx->ascii, who, sizeof who);
        static char local[48];   /* shown in local time with its zone, like the log */
        date_stamp_local(au.at, true, local, sizeof local);
        at = local;
    }
    int rc = cli_fail(EX_TEMPFAIL_, "%s %s is '%s', not '%s' (--expect-%s): set by %s%s%s; nothing was saved; "
                      "reload and reapply", e->label, e->audit_field, now, want, e->opt, who, *at ? " at " : "", at);
    arena_free(a);
    return rc;
}
