/* SPDX-License-Identifier: MIT */
/* cli/json_out.h — the JSON the commands print for scripts (the contract is docs/json.md):
 * values built the same way everywhere (ids "K3", ISO 8601 UTC timestamps, null for unknown)
 * and one writer. Also the JSON listings of cycle, programme, kpi, review and log, so each
 * command only chooses --format. No SQL, no curses. */
#ifndef LND_JSON_OUT_H
#define LND_JSON_OUT_H

#include <jansson.h>
#include "../core/dates.h"
#include "../core/plan.h"
#include "cli.h"

/* User text as stored (invalid UTF-8 sanitised to U+FFFD); NULL -> null. */
json_t *cj_str(const char *s);
/* A number, or null when !has. */
json_t *cj_num(bool has, double v);
/* "K3", "O7", "P2". */
json_t *cj_id(char prefix, lnd_id id);
/* A stored UTC stamp "YYYY-MM-DD HH:MM:SS" as ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"; NULL/"" -> null. */
json_t *cj_time(const char *stamp);
/* Print root (indented, keys in insertion order) and a newline; decrefs root. 0 or 74. */
int cj_print(json_t *root);
/* --format text|json for command cmd: sets *json; one line and EX_USAGE_ otherwise. */
int cj_format(const char *cmd, const char *arg, bool *json);

/* The cycle a document reports on, one shape in every command's JSON (docs/json.md):
 * {name, state, start, end, week, weeks, pace} as of today. */
json_t *cj_cycle(const lnd_plan *p, lnd_day today);

/* The listings. */
int cj_cycles(const lnd_cycle *cs, size_t n, lnd_day today);
int cj_programmes(const lnd_plan *p);
int cj_kpis(const lnd_kpi *ks, size_t n);
int cj_audit(const lnd_audit *au, size_t n, bool more);
/* The review of objective oid among rv[0..nr), NULL when it has none (cmd_review.c). */
const lnd_review *cli_review_of(const lnd_review *rv, size_t nr, lnd_id oid);
int cj_reviews(const cli_ctx *ctx, const lnd_plan *p, const lnd_review *rv, size_t nr, lnd_day today);
/* The rest of a table (fields_rest of placed, e.g. fields_kr_placed) into object j, ids as "O3", null for none. */
#include "../core/fields.h"
void cj_rest(json_t *j, const fields_meta *t, size_t n, const char *const *placed, const void *row);
/* `lnd kr show K3 --format json`: the KR with its check-in history, oldest first. */
int cj_kr_show(const cli_ctx *ctx, const lnd_plan *p, const lnd_kr *kr, const lnd_checkin *ck, size_t nck,
               lnd_day today);

/* `lnd report --format json` (cli/json_report.c). */
#include "../core/report.h"
int cj_report(const report_input *in);

#endif
