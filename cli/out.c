/* SPDX-License-Identifier: MIT */
/* cli/out.c — terminal output helpers for the one-shot commands (see out.h). Every piece of
 * user text goes through san_text(); colour codes only when ctx->color. */
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../core/sanitize.h"

void out_bar(const cli_ctx *ctx, double p, int width, char *buf, size_t n)
{
    static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    size_t used = 0;
    buf[0] = '\0';
    if (p < 0) p = 0;
    if (p > 1) p = 1;
    int cells8 = (int)(p * width * 8 + 0.5);
    for (int i = 0; i < width; i++) {
        const char *g;
        int fill = cells8 - i * 8;
        if (ctx->ascii) g = fill >= 4 ? "#" : ".";
        else if (fill >= 8) g = "█";
        else if (fill > 0) g = eighths[fill];
        else g = "░";
        size_t gl = strlen(g);
        if (used + gl + 1 > n) break;
        memcpy(buf + used, g, gl);
        used += gl;
    }
    buf[used] = '\0';
}

/* The sequences, from terminfo for $TERM (tui/tui_termcap.c); ANSI when terminfo does not
 * know the terminal (TERM unset or unknown, e.g. colour forced into a pipe). */
enum { C_GREEN, C_YELLOW, C_RED, C_BOLD, C_DIM, C_RESET, C_BOLDGREEN, C_N };
static char caps[C_N][130];
static int caps_state = -2;   /* not looked up yet */

static void caps_load(void)
{
    if (caps_state != -2) return;
    caps_state = tui_termcap_colors(getenv("TERM"), caps);
    if (caps_state < 0) {
        static const char *const ansi[] = {"\033[32m", "\033[33m", "\033[31m", "\033[1m", "\033[2m", "\033[0m"};
        for (int i = 0; i < C_BOLDGREEN; i++) snprintf(caps[i], sizeof caps[i], "%s", ansi[i]);
    }
    snprintf(caps[C_BOLDGREEN], sizeof caps[0], "%.64s%.64s", caps[C_BOLD], caps[C_GREEN]);
}

bool out_term_has_color(void)
{
    caps_load();
    return caps_state != 0;
}

static const char *cap(const cli_ctx *ctx, int i)
{
    if (!ctx->color) return "";
    caps_load();
    return caps[i];
}

const char *out_status_color(const cli_ctx *ctx, lnd_status st)
{
    switch (st) {
    case STATUS_ON_TRACK: return cap(ctx, C_GREEN);
    case STATUS_DONE: case STATUS_MET: return cap(ctx, C_BOLDGREEN);
    case STATUS_AT_RISK: case STATUS_NOT_MEASURED: return cap(ctx, C_YELLOW);
    case STATUS_OFF_TRACK: case STATUS_MISSED: return cap(ctx, C_RED);
    default: return cap(ctx, C_DIM);
    }
}

const char *out_band_color(const cli_ctx *ctx, lnd_band b)
{
    return cap(ctx, b == BAND_GREEN ? C_GREEN : b == BAND_AMBER ? C_YELLOW : C_RED);
}

const char *out_dim(const cli_ctx *ctx) { return cap(ctx, C_DIM); }
const char *out_bold(const cli_ctx *ctx) { return cap(ctx, C_BOLD); }
const char *out_reset(const cli_ctx *ctx) { return cap(ctx, C_RESET); }
const char *out_arrow(const cli_ctx *ctx) { return ctx->ascii ? "->" : "→"; }

void out_text(FILE *f, const cli_ctx *ctx, const char *s, int width, bool pad)
{
    char buf[4096];
    int w = san_text(s, width, ctx->ascii, buf, sizeof buf);
    fputs(buf, f);
    if (pad)
        for (; w < width; w++) fputc(' ', f);
}

int out_width(const cli_ctx *ctx, int fallback)
{
    if (ctx->width) return ctx->width;
    struct winsize ws;
    int w = fallback;
    const char *c = getenv("COLUMNS");
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) w = ws.ws_col;
    else if (c && atoi(c) > 0) w = atoi(c);
    return w < OUT_MIN_WIDTH ? OUT_MIN_WIDTH : w;
}

int out_cell(const cli_ctx *ctx, int want, int rest)
{
    if (!ctx->stdout_tty && !ctx->width) return -1;   /* piped: whole, `| grep` finds every word */
    if (!ctx->width && want >= 0) return want;        /* a terminal: the command's own column */
    int w = out_width(ctx, 80) - rest;
    return w < 8 ? 8 : w;
}

int out_text_width(const cli_ctx *ctx, const char *s)
{
    char buf[4096];
    return san_text(s, -1, ctx->ascii, buf, sizeof buf);
}
