/* SPDX-License-Identifier: MIT */
/* tui/tui_glyph.c — parallel UTF-8 and ASCII glyph tables and the text of progress bars and
 * sparklines. Pure: builds strings, never draws. */
#include "tui_glyph.h"

#include <math.h>
#include <string.h>

const tui_glyphs tui_glyphs_utf8 = {
    .ascii = false, .full = "\u2588", .empty = "\u2591", .pace = "\u2502",
    .part = {"\u2591", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"},
    .branch = "\u251c\u2500", .last = "\u2514\u2500", .vert = "\u2502 ", .space = "  ",
    .open = "\u25be", .closed = "\u25b8", .leaf = " ",
    .spark = {"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"},
    .arrow = "\u2192", .sep = "\u2502", .hline = "\u2500", .dot = "\u00b7",
    .tl = "\u250c", .tr = "\u2510", .bl = "\u2514", .br = "\u2518",
};

const tui_glyphs tui_glyphs_ascii = {
    .ascii = true, .full = "#", .empty = "-", .pace = "|",
    .part = {"-", "-", "-", "-", "#", "#", "#", "#"},
    .branch = "|-", .last = "`-", .vert = "| ", .space = "  ",
    .open = "-", .closed = "+", .leaf = " ",
    .spark = {"_", ".", ",", "-", "~", "=", "*", "#"},
    .arrow = ">", .sep = "|", .hline = "-", .dot = ".",
    .tl = "+", .tr = "+", .bl = "+", .br = "+",
};

static size_t put(char *out, size_t n, size_t used, const char *s)
{
    size_t k = strlen(s);
    if (used + k + 1 > n) return used;
    memcpy(out + used, s, k + 1);
    return used + k;
}

size_t tui_glyph_bar(const tui_glyphs *g, double progress, double pace, int width, char *out,
                     size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    if (width < 1 || n == 0) return 0;
    double p = progress < 0 || isnan(progress) ? 0 : progress > 1 ? 1 : progress;
    int eighths = (int)lround(p * width * 8);
    int pace_cell = -1;
    if (pace >= 0 && !isnan(pace)) {
        pace_cell = (int)floor((pace > 1 ? 1 : pace) * width);
        if (pace_cell >= width) pace_cell = width - 1;
    }
    for (int i = 0; i < width; i++) {
        int fill = eighths - i * 8;
        const char *cell = fill >= 8 ? g->full : fill <= 0 ? g->empty : g->part[fill];
        if (i == pace_cell && fill < 8) cell = g->pace;
        used = put(out, n, used, cell);
    }
    return used;
}

size_t tui_glyph_spark(const tui_glyphs *g, const double *v, size_t nv, double lo, double hi,
                       int width, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    if (width < 1 || n == 0) return 0;
    size_t from = nv > (size_t)width ? nv - (size_t)width : 0;
    for (size_t i = from; i < nv; i++) {
        int lvl = 0;
        if (hi > lo) lvl = (int)floor((v[i] - lo) / (hi - lo) * 7.999);
        else if (hi == lo) lvl = 3;
        if (lvl < 0) lvl = 0;
        if (lvl > 7) lvl = 7;
        used = put(out, n, used, g->spark[lvl]);
    }
    return used;
}
