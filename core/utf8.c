/* SPDX-License-Identifier: MIT */
/* core/utf8.c — the one UTF-8 decoder/encoder, display width (utf8proc), strict validation and
 * Latin-1 repair (see utf8.h). Pure functions: no locale, no I/O. The decoder follows the
 * Unicode well-formed byte sequence table. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

size_t utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t l = char_len(p, n);
    if (!l) {
        /* ill-formed: consume the maximal subpart (the lead byte and the continuation bytes
         * that were still allowed), at least one byte */
        *cp = UTF8_REPLACEMENT;
        unsigned c = p[0];
        unsigned lo = 0x80, hi = 0xBF;
        size_t need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        size_t i = 1;
        for (; i <= need && i < n; i++) {
            if (p[i] < lo || p[i] > hi) break;
            lo = 0x80;
            hi = 0xBF;
        }
        return i;
    }
    uint32_t v = p[0];
    if (l > 1) v &= 0x7Fu >> l;
    for (size_t i = 1; i < l; i++) v = v << 6 | (p[i] & 0x3Fu);
    *cp = v;
    return l;
}

size_t utf8_put(uint32_t cp, char *b)
{
    if (cp < 0x80) { b[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | cp >> 6);
        b[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | cp >> 12);
        b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | cp >> 18);
    b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_cp_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 1;   /* the sanitiser replaces these */
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    if (w == 0) {
        /* utf8proc gives 0 to unassigned and private-use code points too: a terminal draws
         * a box for those, one column; only marks and format characters take none */
        utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)cp);
        if (k != UTF8PROC_CATEGORY_MN && k != UTF8PROC_CATEGORY_ME && k != UTF8PROC_CATEGORY_CF &&
            !(cp >= 0x1160 && cp <= 0x11FF))
            return 1;
    }
    return w > 2 ? 2 : w;
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
