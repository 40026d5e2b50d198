/* SPDX-License-Identifier: MIT */
/* tui/tui_act.c — the actions table and what is generated from it (key lookup, help text,
 * action-bar key names). Pure: no curses, no drawing. */
#include "tui_act.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const tui_action_def tui_actions[ACT_N - 1] = {
#define TUI_ACT_DEF(id, wh, nm, grp, lbl, hlp, k1, k2, k3, k4) \
    {ACT_##id, wh, nm, grp, lbl, hlp, {k1, k2, k3, k4}},
    TUI_ACTIONS(TUI_ACT_DEF)
#undef TUI_ACT_DEF
};

const tui_editor_key tui_editor_keys[] = {
    {"Enter", "Save the form (Esc cancels and discards the draft)"},
    {"Typing on a prefilled field", "Replaces its text (it is selected on entry; arrows keep it)"},
    {"Tab/Down, S-Tab/Up", "Next / previous field (in a wrapped field: its next / previous line first)"},
    {"Left/Right on a choice", "Change a choice field (level, type, evidence...)"},
    {"^A/Home, ^E/End", "Start / end of the field"},
    {"^B/Left, ^F/Right", "One character back / forward"},
    {"^U, ^K", "Delete to the start / to the end of the field"},
    {"^W", "Delete the word before the cursor"},
    {"Bksp, ^D/Del", "Delete the character before / under the cursor"},
};
const size_t tui_n_editor_keys = sizeof tui_editor_keys / sizeof tui_editor_keys[0];

tui_action tui_act_for_key(int key)
{
    if (key == '\n') key = '\r';
    for (size_t i = 0; i < ACT_N - 1; i++)
        for (size_t k = 0; k < 4 && tui_actions[i].keys[k]; k++)
            if (tui_actions[i].keys[k] == key) return tui_actions[i].id;
    return ACT_NONE;
}

bool tui_act_applies(tui_action a, unsigned kind)
{
    const tui_action_def *d = tui_act_def(a);
    return d && (d->where & kind);
}

const tui_action_def *tui_act_def(tui_action a)
{
    return a > ACT_NONE && a < ACT_N ? &tui_actions[a - 1] : NULL;
}

void tui_act_keys(const tui_action_def *d, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < 4 && d->keys[k]; k++) {
        char name[16], prev[16] = "";
        tui_key_name(d->keys[k], name, sizeof name);
        if (k) tui_key_name(d->keys[k - 1], prev, sizeof prev);
        if (strcmp(name, prev) == 0) continue;   /* Return and keypad Enter */
        int w = snprintf(buf + used, n - used, "%s%s", k ? "/" : "", name);
        if (w < 0 || (size_t)w >= n - used) break;
        used += (size_t)w;
    }
}

void tui_act_key1(const tui_action_def *d, char *buf, size_t n)
{
    tui_key_name(d->keys[0], buf, n);
}

static bool add_line(char *buf, size_t n, size_t *used, const char **lines, size_t max,
                     size_t *nl, const char *a, const char *b)
{
    if (*nl >= max || *used >= n) return false;
    int w = b ? snprintf(buf + *used, n - *used, "  %-22s %s", a, b)
              : snprintf(buf + *used, n - *used, "%s", a);
    if (w < 0 || (size_t)w >= n - *used) return false;
    lines[(*nl)++] = buf + *used;
    *used += (size_t)w + 1;
    return true;
}

size_t tui_act_help_lines(unsigned kind, char *buf, size_t n, const char **lines, size_t max)
{
    size_t used = 0, nl = 0;
    const char *group = NULL;
    for (size_t i = 0; i < ACT_N - 1; i++) {
        const tui_action_def *d = &tui_actions[i];
        if (!(d->where & kind)) continue;
        if (!group || strcmp(group, d->group) != 0) {
            if (group) add_line(buf, n, &used, lines, max, &nl, "", NULL);
            group = d->group;
            add_line(buf, n, &used, lines, max, &nl, group, NULL);
        }
        char keys[64];
        tui_act_keys(d, keys, sizeof keys);
        add_line(buf, n, &used, lines, max, &nl, keys, d->help);
    }
    add_line(buf, n, &used, lines, max, &nl, "", NULL);
    add_line(buf, n, &used, lines, max, &nl, "Editors and forms", NULL);
    for (size_t i = 0; i < tui_n_editor_keys; i++)
        add_line(buf, n, &used, lines, max, &nl, tui_editor_keys[i].keys, tui_editor_keys[i].help);
    return nl;
}
