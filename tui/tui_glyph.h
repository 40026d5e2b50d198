/* SPDX-License-Identifier: MIT */
/* tui/tui_glyph.h — the two glyph tables (UTF-8 and ASCII) for bars, tree lines, markers and
 * sparklines, and the pure functions that build a progress bar or a sparkline as text. Which
 * table is used is decided once (tui_opts.ascii: --ascii, config, or a non-UTF-8 locale). */
#ifndef LND_TUI_GLYPH_H
#define LND_TUI_GLYPH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool ascii;
    const char *full, *empty, *pace;      /* bar cells and the pace marker */
    const char *part[8];                  /* partial cells, part[k] = k/8 of a cell */
    const char *branch, *last, *vert, *space;   /* tree lines, each 2 columns wide */
    const char *open, *closed, *leaf;     /* expanded, collapsed, no children (1 column) */
    const char *spark[8];                 /* sparkline levels, lowest first */
    const char *arrow;                    /* baseline -> current -> target */
    const char *sep;                      /* vertical separator between panes */
    const char *hline;                    /* horizontal rule cell */
    const char *tl, *tr, *bl, *br;        /* box corners (forms and prompts) */
    const char *dot;                      /* middle dot between fields */
} tui_glyphs;

extern const tui_glyphs tui_glyphs_utf8;
extern const tui_glyphs tui_glyphs_ascii;

/* A progress bar exactly width columns wide into out: progress (0..1, < 0 = no data: all
 * empty) filled, with the pace marker (0..1, < 0 = none) drawn over the cell it falls in.
 * Returns bytes written (out always NUL-terminated). */
size_t tui_glyph_bar(const tui_glyphs *g, double progress, double pace, int width, char *out,
                     size_t n);
/* Sparkline of values (oldest first) scaled between lo and hi, one column per value, the last
 * width values if there are more. Returns bytes written. */
size_t tui_glyph_spark(const tui_glyphs *g, const double *v, size_t nv, double lo, double hi,
                       int width, char *out, size_t n);

#endif
