/* SPDX-License-Identifier: MIT */
/* cli/export.h — the JSON export document shared by `lnd export` and the import check. */
#ifndef LND_EXPORT_H
#define LND_EXPORT_H

#include <jansson.h>
#include "../store/store.h"

/* Everything (only NULL) or one cycle as a JSON document (caller json_decref()s). */
store_rc export_json(store *s, const lnd_cycle *only, json_t **out);
/* After STORE_INVALID from an export: the row and field that could not be written. */
const char *export_error(void);

#endif
