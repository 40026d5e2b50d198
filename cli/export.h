/* SPDX-License-Identifier: MIT */
/* cli/export.h — the JSON export document shared by `lnd export` and the import check. */
#ifndef LND_EXPORT_H
#define LND_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "../store/store.h"

/* Everything (only NULL) or one cycle as a JSON document written to f as the rows are read
 * (memory does not grow with the data); *write_failed when a write to f failed. On an error
 * f holds part of a document: the caller discards it. */
store_rc export_json(store *s, const lnd_cycle *only, FILE *f, bool *write_failed);
/* The row being written (printf-style: "check-in 12 (K3)"), named if a field fails. */
void export_row(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Clears the record of a bad field (export_json does; the CSV writer calls it first). */
void export_begin(void);
/* Records the first field that is not valid UTF-8 (export never drops one silently). */
void export_bad(const char *field, const char *s);
/* After STORE_INVALID from an export: the row and field that could not be written. */
const char *export_error(void);

#endif
