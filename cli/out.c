/* SPDX-License-Identifier: MIT */
/* cli/out.c — terminal output helpers for the one-shot commands (see out.h). Every piece of
 * user text goes through san_text(); colour codes only when ctx->color. */
#include "out.h"

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

const char *out_status_color(const cli_ctx *ctx, lnd_status st)
{
    if (!ctx->color) return "";
    switch (st) {
    case STATUS_ON_TRACK: return "\033[32m";
    case STATUS_DONE: return "\033[1;32m";
    case STATUS_AT_RISK: return "\033[33m";
    case STATUS_OFF_TRACK: case STATUS_MISSED: return "\033[31m";
    case STATUS_MET: return "\033[1;32m";
    case STATUS_NOT_MEASURED: return "\033[33m";
    default: return "\033[2m";
    }
}

const char *out_band_color(const cli_ctx *ctx, lnd_band b)
{
    if (!ctx->color) return "";
    return b == BAND_GREEN ? "\033[32m" : b == BAND_AMBER ? "\033[33m" : "\033[31m";
}

const char *out_dim(const cli_ctx *ctx) { return ctx->color ? "\033[2m" : ""; }
const char *out_bold(const cli_ctx *ctx) { return ctx->color ? "\033[1m" : ""; }
const char *out_reset(const cli_ctx *ctx) { return ctx->color ? "\033[0m" : ""; }
const char *out_arrow(const cli_ctx *ctx) { return ctx->ascii ? "->" : "→"; }

void out_text(FILE *f, const cli_ctx *ctx, const char *s, int width, bool pad)
{
    char buf[4096];
    int w = san_text(s, width, ctx->ascii, buf, sizeof buf);
    fputs(buf, f);
    if (pad)
        for (; w < width; w++) fputc(' ', f);
}

int out_width(int fallback)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) > 0) return atoi(c);
    return fallback;
}
