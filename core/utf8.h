/* SPDX-License-Identifier: MIT */
/* core/utf8.h — strict UTF-8 validation (the door every text passes: arguments, environment,
 * config, forms, CSV, JSON) and the lossless Latin-1 repair of bytes that are not UTF-8. */
#ifndef LND_UTF8_H
#define LND_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s (NUL-terminated, NULL = "") is well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). Else false and *bad_off (when not NULL) is the byte offset of
 * the first byte that is not part of a well-formed character. */
bool utf8_valid(const char *s, size_t *bad_off);
/* Same over n bytes (NULs included: a NUL byte is refused as well). */
bool utf8_valid_n(const char *s, size_t n, size_t *bad_off);
/* Every byte that is not part of a well-formed UTF-8 character read as Latin-1 and written
 * as UTF-8 (0xE9 -> "é"); valid characters are kept. Returns a malloc'd string (NULL only
 * when out of memory). */
char *utf8_repair_latin1(const char *s);

#endif
