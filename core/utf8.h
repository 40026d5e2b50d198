/* SPDX-License-Identifier: MIT */
/* core/utf8.h — the program's one UTF-8 decoder, encoder and display-width function (width
 * from utf8proc, so it never depends on the process locale), strict validation (the door every
 * text passes: arguments, environment, config, forms, CSV, JSON) and the lossless Latin-1
 * repair of bytes that are not UTF-8. */
#ifndef LND_UTF8_H
#define LND_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one character at s (n >= 1 bytes left, not at a NUL terminator the caller stops at).
 * Returns its byte length and sets *cp. Ill-formed input yields U+FFFD and consumes the
 * maximal subpart (the longest prefix of a well-formed sequence, at least one byte), as the
 * Unicode standard recommends. */
size_t utf8_next(const char *s, size_t n, uint32_t *cp);
/* Encode cp (<= U+10FFFF) into b (>= 4 bytes); returns the byte length. */
size_t utf8_put(uint32_t cp, char *b);
/* Columns a terminal gives cp: 0 (combining, zero-width), 1, or 2 (East Asian wide and
 * emoji such as U+2705, U+1F7E2, U+2B50). From utf8proc's tables. */
int utf8_cp_width(uint32_t cp);

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
