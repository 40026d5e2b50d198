/* SPDX-License-Identifier: MIT */
/* core/utf8.c — strict UTF-8 validation and Latin-1 repair (see utf8.h). Pure functions: no
 * locale, no I/O. The decoder follows the Unicode well-formed byte sequence table. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Length of the well-formed character at p (at most n bytes left), 0 when ill-formed. */
static size_t char_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80) return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (need >= n) return 0;
    for (size_t i = 1; i <= need; i++) {
        if (p[i] < lo || p[i] > hi) return 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

bool utf8_valid_n(const char *s, size_t n, size_t *bad_off)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t l = p[i] ? char_len(p + i, n - i) : 0;
        if (!l) {
            if (bad_off) *bad_off = i;
            return false;
        }
        i += l;
    }
    return true;
}

bool utf8_valid(const char *s, size_t *bad_off)
{
    return !s || utf8_valid_n(s, strlen(s), bad_off);
}

char *utf8_repair_latin1(const char *s)
{
    if (!s) s = "";
    size_t n = strlen(s);
    char *out = malloc(2 * n + 1);
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t l = char_len(p + i, n - i);
        if (l) {
            memcpy(out + o, p + i, l);
            o += l;
            i += l;
        } else {
            out[o++] = (char)(0xC0 | p[i] >> 6);
            out[o++] = (char)(0x80 | (p[i] & 0x3F));
            i++;
        }
    }
    out[o] = '\0';
    return out;
}
