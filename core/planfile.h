/* SPDX-License-Identifier: MIT */
/* core/planfile.h — the rules of a plan drafted in a spreadsheet (`lnd import --plan`):
 * its columns, each row's values (objective or key result), parents by title or id, rows
 * already in the cycle, and the order to create the rest in. Pure: the caller reads the CSV
 * and the database and writes; this checks and resolves, with line numbers in every error. */
#ifndef LND_PLANFILE_H
#define LND_PLANFILE_H

#include <stdbool.h>
#include <stddef.h>
#include "fields.h"
#include "plan.h"

/* Columns a plan file may have (header names, case and spaces/hyphens ignored). */
typedef enum {
    PF_KIND, PF_TITLE, PF_PARENT, PF_LEVEL, PF_TYPE, PF_PROBLEM, PF_OUTCOME, PF_CAPABILITY,
    PF_OWNER, PF_BOWNER, PF_CADENCE, PF_UNIT, PF_BASELINE, PF_TARGET, PF_DIRECTION, PF_DUE,
    PF_COOWNER, PF_WEIGHT, PF_EVIDENCE, PF_INDICATOR, PF_HYPOTHESIS, PF_NCOLS
} pf_col;

typedef struct {
    int at[PF_NCOLS];   /* column index in the file, -1 = absent */
    /* the columns of table fields the list above does not name (a field added to FIELDS_KR or
     * FIELDS_OBJ since, named by its JSON key): index by table row, -1 = absent */
    int kr_at[FIELDS_KR_N], obj_at[FIELDS_OBJ_N];
    int nfields;        /* fields in the header */
} pf_header;

typedef struct {
    long line;
    bool is_kr;
    lnd_objective o;    /* objective rows; strings point into the caller's fields */
    lnd_kr k;           /* key result rows */
    const char *parent; /* as written ("" = none) */
    /* set by pf_resolve */
    lnd_id parent_id;   /* an objective already in the cycle, or 0 */
    long parent_row;    /* index of a new objective row of the file, or -1 */
    lnd_id present;     /* already in the cycle (same title, same parent objective): skipped */
} pf_row;

/* Called for each error: "line: message" is (line, msg). */
typedef void (*pf_err_fn)(void *ud, long line, const char *msg);

/* The header row. false (and err called) on an unknown or repeated column, or when kind or
 * title is missing. */
bool pf_parse_header(pf_header *h, char **fields, int n, long line, pf_err_fn err, void *ud);

/* The column names, in order, for help texts and errors ("kind, title, parent, ..."). */
const char *pf_col_name(pf_col c);

/* One data row into out (strings point into fields). defaults: owner, cadence. false on a
 * bad value (err called; every problem of the row is reported). A row of empty fields sets
 * *blank and is skipped. */
bool pf_parse_row(const pf_header *h, char **fields, int n, long line, const char *owner,
                  int cadence, pf_row *out, bool *blank, pf_err_fn err, void *ud);

/* Resolve parents (O id, or the title of an objective in the file or the cycle), mark rows
 * already present in plan p, check duplicates, cycles and due weeks. Fills order[] with the
 * row indexes in creation order (parents first). Returns the number of errors reported. */
size_t pf_resolve(pf_row *rows, size_t n, const lnd_plan *p, size_t *order, pf_err_fn err, void *ud);

#endif
