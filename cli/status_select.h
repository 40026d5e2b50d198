/* SPDX-License-Identifier: MIT */
/* cli/status_select.h — which rows `lnd status` shows: subtrees (ID...), depth, level, type,
 * owner (--mine is --owner with your name) and status filters, decided once before any row
 * is written, so text and JSON show the same rows. Also the --summary listing. No I/O but
 * stdout for the summary; no SQL; no curses. */
#ifndef LND_STATUS_SELECT_H
#define LND_STATUS_SELECT_H

#include "../core/summary.h"
#include "cli.h"

typedef struct {
    char kind[64];           /* 'O' or 'K' per id given as operand */
    lnd_id id[64];
    size_t nids;
    int depth;               /* levels of objectives from each starting point, 0 = all */
    int level;               /* lnd_level, -1 = any */
    int type;                /* lnd_otype, -1 = any */
    const char *owner;       /* owner or co-owner, NULL = anyone */
    unsigned status_mask;    /* 1u << lnd_status; 0 = any */
    bool summary;
} status_filter;

/* Parse "off,risk" (off, risk, on, done, met, missed, none, not-due, not-measured, or the
 * names as shown: "off track") into a mask; one line and EX_USAGE_ on anything else. */
int status_parse_mask(const char *arg, unsigned *mask);
/* Parse an operand "O3" or "K12" into the filter; one line and EX_USAGE_ on anything else. */
int status_add_id(status_filter *f, const char *arg);
/* True when any filter narrows the listing. */
bool status_filtered(const status_filter *f);

/* The shown rows: obj[oi] / kr[ki] set to 1 for each objective / KR index of p to show.
 * Both arrays sized by the caller (p->nobjs, p->nkrs). 0, or the exit code after one line
 * (an id not in this cycle). */
int status_select(const cli_ctx *ctx, const lnd_plan *p, const status_filter *f, lnd_day today,
                  unsigned char *obj, unsigned char *kr);

/* --summary: one line (text) or one object (JSON) per shown business objective with its
 * result and delivery. Returns 0 or an exit code. */
int status_summary(const cli_ctx *ctx, const lnd_plan *p, lnd_day today, const unsigned char *obj,
                   bool json);

#endif
