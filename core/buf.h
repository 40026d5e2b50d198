/* SPDX-License-Identifier: MIT */
/* core/buf.h — a growable text buffer for building reports and messages in core/ without
 * doing I/O; the caller writes buf.s where it wants. Out of memory aborts. */
#ifndef LND_BUF_H
#define LND_BUF_H

#include <stddef.h>

typedef struct {
    char *s;      /* always NUL-terminated once anything was added ("" before) */
    size_t len, cap;
} lnd_buf;

void buf_add(lnd_buf *b, const char *s);
void buf_addn(lnd_buf *b, const char *s, size_t n);   /* n bytes of s, no NUL needed */
void buf_printf(lnd_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(lnd_buf *b);
const char *buf_str(const lnd_buf *b);   /* "" when empty */

#endif
