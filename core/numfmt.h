/* SPDX-License-Identifier: MIT */
/* core/numfmt.h — one way to show a number (issue 14). Two kinds of number, one rule each:
 *   - a ratio lnd computes (progress, pace, result, delivery, a mix of evidence) is shown as a
 *     whole percent rounded half up: 0.875 -> "88%", 0.41666 -> "42%", 0.005 -> "1%"
 *     (printf's "%.0f" rounds half to even: 0.865 -> "86%"; never use it for this);
 *   - a value people measure (a KR's baseline, current value and target, in its unit; a
 *     behaviour check-in's share applying, which is stored exactly) is shown as stored, to
 *     two decimals at most (model_fmt_num): 7 of 8 applying is 87.5, shown "87.5%" on the KR
 *     line, in the check-in form and in the report alike.
 * Also counts with the right plural ("1 warning", "2 warnings"). Pure: no I/O. */
#ifndef LND_NUMFMT_H
#define LND_NUMFMT_H

#include <stddef.h>

#include <stdbool.h>

/* A number typed in (an option, a form field, a spreadsheet cell), read one way everywhere:
 * the C form ("75", "-3.5", "1e3"), the whole text, finite, no hex. false when it is not one. */
bool num_parse(const char *s, double *out);
/* A whole number in lo..hi typed in (base 10, the whole text). false when it is not one. */
bool num_parse_long(const char *s, long lo, long hi, long *out);

/* A ratio (1.0 = 100%) as a whole percent, half up, with the sign: "88%", "-3%". */
void num_pct(double ratio, char *buf, size_t n);
/* The same rule without the % sign, for columns and JSON-free text: 88. */
long num_pct_round(double ratio);
/* "7 of 8 applying: 87.5%": the share exactly as the check-in will store it; the text of
 * "applied must be a whole number from 0 to observed" and -1 when applied/observed are not
 * a valid pair (0 otherwise). */
int num_share_text(int applied, int observed, char *buf, size_t n);
/* "warning" or "warnings" for count. */
const char *num_plural(long count, const char *one, const char *many);
/* "1 warning", "0 warnings", "2 warnings". */
void num_count(long count, const char *one, const char *many, char *buf, size_t n);

#endif
