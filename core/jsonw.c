/* SPDX-License-Identifier: MIT */
/* core/jsonw.c — streaming JSON writer (see jsonw.h). Byte-compatible with jansson's dump:
 * "{" then each member on its own line indented two spaces per level, "key": value, members
 * separated by ",", the closing bracket on its own line; empty containers "{}" and "[]";
 * strings escape '"', '\\' and controls (\b \f \n \r \t, else \u00XX upper-case), nothing
 * else. Memory only: no I/O. */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "utf8.h"

static const char SPACES[] = "                                                                ";

void jw_init(jw *w, lnd_buf *b)
{
    w->b = b;
    w->depth = 0;
    w->n[0] = 0;
    w->prec = 10;
}

/* Before a value or a key: the separator, the new line and the indent its container needs. */
static void sep(jw *w)
{
    if (w->depth == 0 || w->depth > JW_MAXDEPTH) return;
    if (w->n[w->depth - 1]++) buf_addn(w->b, ",\n", 2);
    else buf_addn(w->b, "\n", 1);
    size_t ind = 2 * (size_t)w->depth;
    buf_addn(w->b, SPACES, ind < sizeof SPACES - 1 ? ind : sizeof SPACES - 1);
}

static void key(jw *w, const char *k)
{
    sep(w);
    buf_addn(w->b, "\"", 1);
    buf_add(w->b, k);
    buf_addn(w->b, "\": ", 3);
}

static void open_(jw *w, char c)
{
    buf_addn(w->b, &c, 1);
    if (w->depth < JW_MAXDEPTH) w->n[w->depth] = 0;
    w->depth++;
}

static void close_(jw *w, char c)
{
    w->depth--;
    if (w->depth < JW_MAXDEPTH && w->n[w->depth]) {
        buf_addn(w->b, "\n", 1);
        size_t ind = 2 * (size_t)w->depth;
        buf_addn(w->b, SPACES, ind < sizeof SPACES - 1 ? ind : sizeof SPACES - 1);
    }
    buf_addn(w->b, &c, 1);
}

void jw_obj(jw *w) { sep(w); open_(w, '{'); }
void jw_arr(jw *w) { sep(w); open_(w, '['); }
void jw_end_obj(jw *w) { close_(w, '}'); }
void jw_end_arr(jw *w) { close_(w, ']'); }
void jw_kobj(jw *w, const char *k) { key(w, k); open_(w, '{'); }
void jw_karr(jw *w, const char *k) { key(w, k); open_(w, '['); }

static void str(lnd_buf *b, const char *s)
{
    buf_addn(b, "\"", 1);
    const char *run = s;
    for (const char *c = s; *c; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
        buf_addn(b, run, (size_t)(c - run));
        run = c + 1;
        char e[8];
        switch (ch) {
        case '"': buf_addn(b, "\\\"", 2); break;
        case '\\': buf_addn(b, "\\\\", 2); break;
        case '\b': buf_addn(b, "\\b", 2); break;
        case '\f': buf_addn(b, "\\f", 2); break;
        case '\n': buf_addn(b, "\\n", 2); break;
        case '\r': buf_addn(b, "\\r", 2); break;
        case '\t': buf_addn(b, "\\t", 2); break;
        default:
            snprintf(e, sizeof e, "\\u%04X", ch);
            buf_addn(b, e, 6);
        }
    }
    buf_addn(b, run, strlen(run));
    buf_addn(b, "\"", 1);
}

void jw_kstr(jw *w, const char *k, const char *v)
{
    if (!v) {
        jw_knull(w, k);
        return;
    }
    if (utf8_valid(v, NULL)) {
        key(w, k);
        str(w->b, v);
        return;
    }
    size_t n = strlen(v) * 3 + 1;
    char *buf = malloc(n);
    if (!buf) {
        jw_knull(w, k);
        return;
    }
    san_text(v, -1, false, buf, n);
    if (utf8_valid(buf, NULL)) {
        key(w, k);
        str(w->b, buf);
    } else {
        jw_knull(w, k);
    }
    free(buf);
}

void jw_kstr_valid(jw *w, const char *k, const char *v)
{
    if (!v) {
        jw_knull(w, k);
        return;
    }
    key(w, k);
    str(w->b, v);
}

/* v's decimal digits into s (>= 21 bytes), returns the length: what "%lld" prints, without
 * printf (a JSON export writes a million ids). */
static int itoa_ll(long long v, char *s)
{
    char t[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do t[n++] = (char)('0' + u % 10); while ((u /= 10));
    int len = 0;
    if (v < 0) s[len++] = '-';
    while (n) s[len++] = t[--n];
    s[len] = '\0';
    return len;
}

void jw_kreal(jw *w, const char *k, double v)
{
    if (!isfinite(v)) return;
    if (v == (double)(long long)v && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
        char s[32];   /* a whole number: "%.*g" (prec >= 15) prints its digits, then ".0" */
        int n = itoa_ll((long long)v, s);
        if (n < w->prec || w->prec >= 15) {
            memcpy(s + n, ".0", 3);
            key(w, k);
            buf_addn(w->b, s, (size_t)n + 2);
            return;
        }
    }
    char s[64];
    int n = snprintf(s, sizeof s, "%.*g", w->prec, v);
    if (n < 0 || (size_t)n >= sizeof s - 3) return;
    if (!strchr(s, '.') && !strchr(s, 'e')) {
        memcpy(s + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(s, 'e');
    if (e) {   /* "1e+20" -> "1e20", "1e-05" -> "1e-5" */
        char *start = e + 1, *end = e + 2;
        if (*start == '-') start++;
        while (*end == '0') end++;
        if (end != start) {
            memmove(start, end, strlen(end) + 1);
            n = (int)strlen(s);
        }
    }
    key(w, k);
    buf_addn(w->b, s, (size_t)n);
}

void jw_kreal_or_null(jw *w, const char *k, bool has, double v)
{
    if (has) jw_kreal(w, k, v);
    else jw_knull(w, k);
}

void jw_kint(jw *w, const char *k, long long v)
{
    char s[32];
    int n = itoa_ll(v, s);
    key(w, k);
    buf_addn(w->b, s, (size_t)n);
}

void jw_kbool(jw *w, const char *k, bool v)
{
    key(w, k);
    buf_add(w->b, v ? "true" : "false");
}

void jw_knull(jw *w, const char *k)
{
    key(w, k);
    buf_addn(w->b, "null", 4);
}

void jw_kid(jw *w, const char *k, char prefix, long long id)
{
    char s[32];
    int n = snprintf(s, sizeof s, "\"%c%lld\"", prefix, id);
    key(w, k);
    buf_addn(w->b, s, (size_t)n);
}
