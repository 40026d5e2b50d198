/* SPDX-License-Identifier: MIT */
/* core/jsonw.h — a streaming JSON writer into an lnd_buf: the bytes jansson's json_dumpf
 * writes with JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10), without building
 * a tree (jansson's allocation per value was two thirds of `status --format json`). Key
 * order is call order. Output only into the buffer: the caller writes it out. */
#ifndef LND_JSONW_H
#define LND_JSONW_H
#include <stdbool.h>

#include "buf.h"

enum { JW_MAXDEPTH = 16 };
typedef struct {
    lnd_buf *b;
    int depth;                     /* open containers */
    unsigned long n[JW_MAXDEPTH];  /* members written so far, per open container */
    int prec;                      /* significant digits of reals: 10 (jw_init) or 17 (export) */
} jw;

void jw_init(jw *w, lnd_buf *b);   /* a new document at depth 0 (one json_dumpf call) */
/* Values: at the top, as an array element, or (jw_k*) as an object member. */
void jw_obj(jw *w);
void jw_arr(jw *w);
void jw_end_obj(jw *w);
void jw_end_arr(jw *w);
void jw_kobj(jw *w, const char *key);
void jw_karr(jw *w, const char *key);
/* A string member: NULL -> null; text that is not valid UTF-8 written sanitised (bad bytes as
 * U+FFFD), as jansson would refuse it. */
void jw_kstr(jw *w, const char *key, const char *v);
/* "%.10g" (w->prec digits) with ".0" added to integers and exponent zeros dropped, as jansson; a value that is
 * not finite leaves the member out (jansson's json_real refuses it). */
/* The same for text the caller has checked is valid UTF-8 (not checked again). */
void jw_kstr_valid(jw *w, const char *key, const char *v);
void jw_kreal(jw *w, const char *key, double v);
void jw_kreal_or_null(jw *w, const char *key, bool has, double v);
void jw_kint(jw *w, const char *key, long long v);
void jw_kbool(jw *w, const char *key, bool v);
void jw_knull(jw *w, const char *key);
/* "O12": a prefixed id string. */
void jw_kid(jw *w, const char *key, char prefix, long long id);
#endif
