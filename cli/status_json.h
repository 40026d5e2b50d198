/* SPDX-License-Identifier: MIT */
/* cli/status_json.h — `lnd status --format json` (status_json.c); cmd_status.c decides which
 * objectives and key results are shown (--mine and any other filter) through the callbacks. */
#ifndef LND_STATUS_JSON_H
#define LND_STATUS_JSON_H
#include <stdbool.h>

#include "../core/carry.h"
#include "../core/plan.h"
#include "cli.h"

typedef struct {
    const carry_origin *orig;   /* where carried objectives came from */
    size_t norig;
    bool (*obj_shown)(const cli_ctx *ctx, const lnd_plan *p, size_t oi);
    bool (*kr_shown)(const cli_ctx *ctx, const lnd_plan *p, size_t oi, const lnd_kr *kr);
} status_json_view;

/* Writes the document to stdout; 0, or the exit code after saying what failed. */
int status_json_print(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const status_json_view *v);
#endif
