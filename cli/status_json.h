/* SPDX-License-Identifier: MIT */
/* cli/status_json.h — `lnd status --format json` (status_json.c); cmd_status.c decides which
 * objectives and key results are shown (status_select.c: --mine and every other filter). */
#ifndef LND_STATUS_JSON_H
#define LND_STATUS_JSON_H
#include <stdbool.h>

#include "../core/carry.h"
#include "../core/plan.h"
#include "cli.h"

typedef struct {
    const carry_origin *orig;   /* where carried objectives came from */
    size_t norig;
    const unsigned char *obj;   /* obj[i] != 0: objective i is shown (p->nobjs entries) */
    const unsigned char *kr;    /* kr[k] != 0: key result k is shown (p->nkrs entries) */
} status_json_view;

/* Writes the document to stdout; 0, or the exit code after saying what failed. */
int status_json_print(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const status_json_view *v);
#endif
