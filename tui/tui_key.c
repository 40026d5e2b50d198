/* SPDX-License-Identifier: MIT */
/* tui/tui_key.c — names of keys for the help screen and the action bar (pure, no curses). */
#include "tui_key.h"

#include <stdio.h>

void tui_key_name(int key, char *buf, size_t n)
{
    static const char *const fn[] = {"Up", "Down", "Left", "Right", "Home", "End", "PgUp",
                                     "PgDn", "S-Tab", "Bksp", "Del", "Enter", "Resize", "F1"};
    if (key > TK_BASE && key < TK_OTHER) snprintf(buf, n, "%s", fn[key - TK_BASE - 1]);
    else if (key == '\t') snprintf(buf, n, "Tab");
    else if (key == '\r' || key == '\n') snprintf(buf, n, "Enter");
    else if (key == TK_ESC) snprintf(buf, n, "Esc");
    else if (key == ' ') snprintf(buf, n, "Space");
    else if (key > 0 && key < 0x20) snprintf(buf, n, "^%c", key + '@');
    else if (key > 0x20 && key < 0x7f) snprintf(buf, n, "%c", key);
    else snprintf(buf, n, "?");
}
