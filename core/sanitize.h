/* SPDX-License-Identifier: MIT */
/* core/sanitize.h — the one sanitiser for user data on its way to a terminal (TUI and CLI):
 * strict UTF-8 decode (bad bytes -> U+FFFD), C0/C1 controls and DEL -> a visible placeholder,
 * tab/newline -> space, bidi controls and zero-width characters -> a visible "<U+XXXX>",
 * cut by display width (utf8_cp_width, from utf8proc),
 * never by bytes. In ASCII mode every non-ASCII character becomes '?'. */
#ifndef LND_SANITIZE_H
#define LND_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

/* Write at most max_width display columns of in (NUL-terminated, NULL = "") into out (always
 * NUL-terminated; out_size >= 1). When the text is cut, it ends with an ellipsis: "…" (one
 * column), or "..." in ASCII mode (three columns, fewer dots when fewer fit; never "~", the
 * ASCII warning mark). max_width < 0 means no limit. Returns the display width written. */
int san_text(const char *in, int max_width, bool ascii, char *out, size_t out_size);

/* Display width of in after sanitising (no limit). */
int san_width(const char *in, bool ascii);

#endif
