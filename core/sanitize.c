/* SPDX-License-Identifier: MIT */
/* core/sanitize.c — the one sanitiser for user text on its way to a terminal (see
 * sanitize.h). Strict UTF-8 decoding (each maximal ill-formed subpart -> one U+FFFD, as the
 * Unicode standard recommends, by core/utf8.c's decoder), controls, bidi and zero-width characters
 * made visible, and display width from utf8_cp_width (utf8proc), never from the process locale.
 * Must not: write past out_size, emit an ESC or any other control byte, split a character. */
#include "sanitize.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Decode the character at *p (not at the NUL) and step past it. The decoder reads byte by
 * byte and stops at the first that does not continue the sequence (the NUL included), so a
 * bound of 4 never reads past the terminator. */
static unsigned next_cp(const unsigned char **p)
{
    uint32_t cp;
    *p += utf8_next((const char *)*p, 4, &cp);
    return cp;
}

/* Characters that change how text reads without being seen: bidi controls (RLO, isolates,
 * marks) and zero-width spaces, joiners and the BOM. Shown as a visible "<U+XXXX>" so two
 * names that look alike but differ, or a reordered line, can be told apart. */
static bool is_invisible(unsigned cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
           cp == 0x061C || cp == 0xFEFF || cp == 0x180E;
}

/* What a decoded character becomes: -1 = removed, else the code point to print (*w = width). */
static long map_cp(unsigned cp, bool ascii, int *w)
{
    *w = 1;
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) return ' ';
    if (cp < 0x20) return ascii ? '?' : 0x2400 + cp;     /* control pictures: ␛ for ESC */
    if (cp == 0x7F) return ascii ? '?' : 0x2421;         /* ␡ */
    if (cp < 0x80) return cp;
    if (ascii) return '?';
    if (cp <= 0x9F) return UTF8_REPLACEMENT;                  /* C1 controls */
    *w = utf8_cp_width(cp);
    return cp;
}

/* The sanitised form of one character into b (>= 12 bytes): its byte length, *w its width. */
static size_t render(unsigned cp, bool ascii, char *b, int *w)
{
    if (is_invisible(cp)) {
        *w = snprintf(b, 12, "<U+%04X>", cp);
        return (size_t)*w;
    }
    long m = map_cp(cp, ascii, w);
    return m < 0 ? 0 : utf8_put((uint32_t)m, b);
}

/* Width and byte length of the whole sanitised text. */
static void measure(const char *in, bool ascii, long *width, size_t *bytes)
{
    const unsigned char *p = (const unsigned char *)in;
    char tmp[12];
    *width = 0;
    *bytes = 0;
    while (*p) {
        int w;
        size_t n = render(next_cp(&p), ascii, tmp, &w);
        if (!n) continue;
        *width += w;
        *bytes += n;
    }
}

int san_width(const char *in, bool ascii)
{
    long w;
    size_t b;
    measure(in ? in : "", ascii, &w, &b);
    return w > 0x7FFFFFFF ? 0x7FFFFFFF : (int)w;
}

int san_text(const char *in, int max_width, bool ascii, char *out, size_t out_size)
{
    if (!out || out_size == 0) return 0;
    if (!in) in = "";
    /* fast path: printable ASCII that fits is copied as it is (the common case) */
    size_t plain = 0;
    while (in[plain] >= 0x20 && in[plain] < 0x7f) plain++;
    if (in[plain] == '\0' && plain < out_size && (max_width < 0 || (long)plain <= max_width)) {
        memcpy(out, in, plain + 1);
        return (int)plain;
    }
    long total;
    size_t total_bytes;
    measure(in, ascii, &total, &total_bytes);
    bool cut = (max_width >= 0 && total > max_width) || total_bytes > out_size - 1;

    /* "…", or "..." in ASCII mode: never "~", which is the warning mark there (issue 14);
     * fewer dots when fewer columns or bytes are left */
    const char *ell = ascii ? "..." : "\xE2\x80\xA6";
    size_t ell_len = strlen(ell);
    int ell_w = ascii ? 3 : 1;
    long wlimit = max_width < 0 ? -1 : max_width;
    size_t blimit = out_size - 1;
    bool put_ell = false;
    if (cut) {
        if (ascii) {   /* as many dots as fit, up to three */
            while (ell_w > 0 && ((wlimit >= 0 && ell_w > wlimit) || (size_t)ell_w > blimit)) ell_w--;
            ell_len = (size_t)ell_w;
        }
        /* room for the ellipsis, if it fits at all */
        if (ell_w > 0 && (wlimit < 0 || wlimit >= ell_w) && blimit >= ell_len) {
            put_ell = true;
            if (wlimit > 0) wlimit -= ell_w;
            blimit -= ell_len;
        }
    }

    const unsigned char *p = (const unsigned char *)in;
    size_t len = 0;
    long width = 0;
    char tmp[12];
    while (*p) {
        int w;
        size_t n = render(next_cp(&p), ascii, tmp, &w);
        if (!n) continue;
        if ((wlimit >= 0 && width + w > wlimit) || len + n > blimit) break;
        memcpy(out + len, tmp, n);
        len += n;
        width += w;
    }
    if (put_ell) {
        memcpy(out + len, ell, ell_len);
        len += ell_len;
        width += ell_w;
    }
    out[len] = '\0';
    return (int)width;
}
