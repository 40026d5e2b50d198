#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/screen/tui_theme.sh — a theme file is checked like the config before libconfig reads
# it: an @include (of a directory, which makes libconfig exit inside the dashboard) is refused
# with file:line, the dashboard keeps running on the built-in theme, and quits cleanly.
. "$LND_TOP/tests/lib.sh"
. "$LND_TOP/tests/screen/tmux.lib"
demo_db
mkdir -p "$XDG_CONFIG_HOME/lnd/themes" "$T/somedir" || die "theme directories"
printf 'colors = { header = "white on blue"; };\n@include "%s"\n' "$T/somedir" >"$XDG_CONFIG_HOME/lnd/themes/evil.theme"
printf 'theme = "evil";\n' >"$XDG_CONFIG_HOME/lnd/lnd.conf"

start t 200 30 XDG_CONFIG_HOME="$XDG_CONFIG_HOME"
expect_screen t "the dashboard starts despite the theme's @include" "Cascade"
expect_screen t "and says which line of which theme it refused" "evil.theme:2: @include is not supported"
keys t q
expect_screen t "quits cleanly (the terminal is restored by lnd, not killed in libconfig)" "lnd exited 0"
stop t
