#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_man.sh — the manual pages lnd(1) and lnd.conf(5) format without a warning
# under groff -ww and mandoc -Tlint, and say what a user looks for: every command of
# `lnd --help`, examples, the environment and the files.
. "$LND_TOP/tests/lib.sh"
M1="$LND_TOP/docs/lnd.1" M5="$LND_TOP/docs/lnd.conf.5"
for tool in groff mandoc; do
  command -v $tool >/dev/null 2>&1 || { notok "$tool is installed (.ci/deps)"; exit 0; }
done
for m in "$M1" "$M5"; do
  n=$(basename "$m")
  run groff -ww -man -z "$m"
  expect_eq "groff -ww -man: $n has no warning" "$ERR$OUT" ""
  # lnd.1: warnings and errors (its long source lines are a style note, left as they are
  # so other branches' edits merge); lnd.conf.5: not even a style note
  lvl=warning; [ "$n" = lnd.conf.5 ] && lvl=style
  run mandoc -Tlint -W $lvl "$m"
  expect_eq "mandoc -Tlint -W $lvl: $n is clean" "$ERR$OUT" ""
done
P=$(MANWIDTH=200 mandoc -Tutf8 "$M1" | sed "s/.\x08//g")
for sec in ENVIRONMENT FILES EXAMPLES "EXIT STATUS" "SEE ALSO"; do
  expect_in "lnd(1) has $sec" "$P" "$sec"
done
for v in XDG_CONFIG_HOME XDG_DATA_HOME LND_DB LND_CONFIG LND_TODAY LND_BUSY_TIMEOUT_MS NO_COLOR HOME USER TERM; do
  expect_in "lnd(1) ENVIRONMENT names $v" "$(printf '%s\n' "$P" | sed -n '/^ENVIRONMENT/,/^FILES/p')" "$v"
done
for c in $("$LND" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
  expect_in "lnd(1) documents the command $c" "$(printf '%s\n' "$P" | sed -n '/^COMMANDS/,/^NUMBERS/p')" "   $c"
done
P5=$(MANWIDTH=200 mandoc -Tutf8 "$M5" | sed "s/.\x08//g")
for k in $(sed -n 's/^#* *\([a-z_]*\) = .*/\1/p' "$LND_TOP/lnd.conf.example" | sort -u); do
  expect_in "lnd.conf(5) documents the key $k" "$P5" "$k"
done
expect_in "lnd(1) refers to lnd.conf(5)" "$P" "lnd.conf(5)"
