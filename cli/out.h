/* SPDX-License-Identifier: MIT */
/* cli/out.h — terminal output of the one-shot commands: progress bars (UTF-8 or ASCII),
 * status colours (only when colour is on), and padded, sanitised text cells. */
#ifndef LND_OUT_H
#define LND_OUT_H

#include <stdio.h>
#include "cli.h"

/* Progress bar of `width` cells for p in [0,1] (p < 0: empty, "no KRs"). */
void out_bar(const cli_ctx *ctx, double p, int width, char *buf, size_t n);
/* SGR sequences for a status / band, "" without colour. out_reset() ends them. */
const char *out_status_color(const cli_ctx *ctx, lnd_status st);
const char *out_band_color(const cli_ctx *ctx, lnd_band b);
const char *out_dim(const cli_ctx *ctx);
const char *out_bold(const cli_ctx *ctx);
const char *out_reset(const cli_ctx *ctx);
/* Print user text sanitised, cut to width columns (width < 0: whole), padded with spaces
 * to exactly width when pad. */
void out_text(FILE *f, const cli_ctx *ctx, const char *s, int width, bool pad);
/* "→" or "->" */
const char *out_arrow(const cli_ctx *ctx);
/* Line width: --width N, else the terminal's (ioctl, COLUMNS), else fallback; never less
 * than OUT_MIN_WIDTH (--width refuses less). */
#define OUT_MIN_WIDTH 40
int out_width(const cli_ctx *ctx, int fallback);
/* Width of a text cell whose line holds rest other columns: -1 (whole) when piped without
 * --width; want on a terminal without --width (want < 0: fit the terminal); else what the
 * width leaves (at least 8). */
int out_cell(const cli_ctx *ctx, int want, int rest);
/* Display width of user text as out_text prints it whole. */
int out_text_width(const cli_ctx *ctx, const char *s);
/* false when terminfo says $TERM has no colours (TERM=dumb): then no escapes at all. */
bool out_term_has_color(void);
/* tui/tui_termcap.c: the terminal's colour sequences from terminfo (green, yellow, red, bold,
 * dim, reset). -1 unknown terminal, 0 no colours, 1 caps filled. */
int tui_termcap_colors(const char *term, char caps[][130]);

#endif
