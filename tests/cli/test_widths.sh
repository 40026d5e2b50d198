# SPDX-License-Identifier: MIT
# tests/cli/test_widths.sh — ids of 5+ characters and narrow --width in `lnd review` and
# `lnd log` (issues 14 and 16): the review's id column is as wide as the widest id, so O12345
# is whole and its title lines up with O1's; with --width N no review or log line is wider
# than N (the title or detail column is cut first, then the verdict sentence).
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"
L() { "$LND" --db "$DB" "$@"; }
# widest LINES in display columns (GNU wc -L in a UTF-8 locale: "…" is one column)
cols() { wc -L | tr -d ' '; }
setup "demo database" L init --demo
sqlite3 "$DB" "UPDATE sqlite_sequence SET seq = 12344 WHERE name = 'objective'" || die "objective id sequence" "sqlite3 failed"
setup "O12345" L objective add --title "Wide id objective" --level business
# the column a row's title starts in (1-based, in characters)
title_col() { L review $2 | grep -E "^ *$1 " | head -1 | awk -v t="$3" '{ print index($0, t) }'; }

# --- review: the id column fits the widest id ---
expect_in "review shows O12345 whole" "$(L review | grep -F 'Wide id objective')" "O12345 "
expect_eq "O12345's title starts in the same column as O1's" "$(title_col O12345 '' 'Wide id objective')" \
  "$(title_col O1 '' 'Grow enterprise')"
expect_eq "and O2's (one level down) two columns later" "$(title_col O2 '' 'Equip the')" \
  "$(( $(title_col O1 '' 'Grow enterprise') + 2 ))"
expect_eq "--width 100: O12345's title still lines up with O1's" "$(title_col O12345 '--width 100' 'Wide id')" \
  "$(title_col O1 '--width 100' 'Grow ent')"

# --- review --width N: no line is wider, the verdict sentence is cut too ---
for w in 60 50 45; do
  check "review --width $w: no line is wider than $w" test "$(L review --width $w | cols)" -le "$w"
done
expect_in "review --width 60 still shows each score and type" "$(L review --width 60 | grep -E '^O1 ')" "0.08 aspirational"

# --- log --width N: the detail is cut first, then the line; never wider than N ---
for w in 100 70 61 50 40; do
  check "log --width $w: no line is wider than $w" test "$(L log --all --width $w 2>/dev/null | cols)" -le "$w"
done
expect_in "log --width 70: the fixed columns of the newest change are whole (O12345 added)" \
  "$(L log --limit 1 --width 70 2>/dev/null)" "objective 12345"
expect_not_in "log --width 70: its detail is cut" "$(L log --limit 1 --width 70 2>/dev/null)" "Wide id objective"
expect_in "log piped: the whole detail" "$(L log --limit 1 2>/dev/null)" "Wide id objective"
