/* SPDX-License-Identifier: MIT */
/* core/sanitize.c — the one sanitiser for user text on its way to a terminal (see
 * sanitize.h). Strict UTF-8 decoding (each maximal ill-formed subpart -> one U+FFFD, as the
 * Unicode standard recommends), controls, bidi and zero-width characters made visible, and display
 * width from a small built-in table so the result never depends on the process locale.
 * Must not: write past out_size, emit an ESC or any other control byte, split a character. */
#include "sanitize.h"

#include <stdio.h>
#include <string.h>

typedef struct { unsigned lo, hi; } cp_range;

/* Zero-width: combining marks, format characters that do not advance the cursor. */
static const cp_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A},
    {0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x0816, 0x082D}, {0x0859, 0x085B},
    {0x08D3, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948},
    {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0981, 0x0981},
    {0x09BC, 0x09BC}, {0x09C1, 0x09C4}, {0x09CD, 0x09CD}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC},
    {0x0EC8, 0x0ECD}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200D}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},
    {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

/* Two columns: East Asian wide and fullwidth, and the common emoji blocks. */
static const cp_range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x2E80, 0x3029},
    {0x302E, 0x303E}, {0x3041, 0x3098}, {0x309B, 0xA4CF}, {0xA960, 0xA97F},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static bool in_table(unsigned cp, const cp_range *t, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < t[mid].lo) hi = mid;
        else if (cp > t[mid].hi) lo = mid + 1;
        else return true;
    }
    return false;
}

static int cp_width(unsigned cp)
{
    if (cp < 0x300) return 1;
    if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width)) return 0;
    if (in_table(cp, wide, sizeof wide / sizeof *wide)) return 2;
    return 1;
}

#define REPLACEMENT 0xFFFDu

/* Decode one character at *p (not at the NUL). Ill-formed input yields U+FFFD and consumes
 * the maximal subpart: the longest prefix of a well-formed sequence, at least one byte. */
static unsigned utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned c = s[0];
    if (c < 0x80) {
        *p = s + 1;
        return c;
    }
    int need;
    unsigned lo = 0x80, hi = 0xBF, cp;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;          /* overlong */
        if (c == 0xED) hi = 0x9F;          /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;          /* overlong */
        if (c == 0xF4) hi = 0x8F;          /* > U+10FFFF */
    } else {
        *p = s + 1;                        /* stray continuation, C0/C1 overlong, F5..FF */
        return REPLACEMENT;
    }
    size_t i = 1;
    for (; i <= (size_t)need; i++) {
        unsigned b = s[i];
        if (b < lo || b > hi) {            /* includes the NUL terminator */
            *p = s + i;
            return REPLACEMENT;
        }
        lo = 0x80;
        hi = 0xBF;
        cp = cp << 6 | (b & 0x3F);
    }
    *p = s + i;
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
    if (cp <= 0x9F) return REPLACEMENT;                  /* C1 controls */
    *w = cp_width(cp);
    return cp;
}

static size_t utf8_put(unsigned cp, char *b)
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

/* The sanitised form of one character into b (>= 12 bytes): its byte length, *w its width. */
static size_t render(unsigned cp, bool ascii, char *b, int *w)
{
    if (is_invisible(cp)) {
        *w = snprintf(b, 12, "<U+%04X>", cp);
        return (size_t)*w;
    }
    long m = map_cp(cp, ascii, w);
    return m < 0 ? 0 : utf8_put((unsigned)m, b);
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
        size_t n = render(utf8_next(&p), ascii, tmp, &w);
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

    const char *ell = ascii ? "~" : "\xE2\x80\xA6";      /* "…" */
    size_t ell_len = strlen(ell);
    long wlimit = max_width < 0 ? -1 : max_width;
    size_t blimit = out_size - 1;
    bool put_ell = false;
    if (cut) {
        /* room for the ellipsis, if it fits at all */
        if ((wlimit < 0 || wlimit >= 1) && blimit >= ell_len) {
            put_ell = true;
            if (wlimit > 0) wlimit--;
            blimit -= ell_len;
        }
    }

    const unsigned char *p = (const unsigned char *)in;
    size_t len = 0;
    long width = 0;
    char tmp[12];
    while (*p) {
        int w;
        size_t n = render(utf8_next(&p), ascii, tmp, &w);
        if (!n) continue;
        if ((wlimit >= 0 && width + w > wlimit) || len + n > blimit) break;
        memcpy(out + len, tmp, n);
        len += n;
        width += w;
    }
    if (put_ell) {
        memcpy(out + len, ell, ell_len);
        len += ell_len;
        width += 1;
    }
    out[len] = '\0';
    return (int)width;
}
