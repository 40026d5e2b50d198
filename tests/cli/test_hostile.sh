# SPDX-License-Identifier: MIT
# tests/cli/test_hostile.sh — nothing raw reaches a terminal or a spreadsheet: user text in
# error messages passes the sanitiser, CSV cells that a spreadsheet would run as formulas are
# neutralised (numbers stay numbers), CSV to a terminal is sanitised, and zero-width or bidi
# characters in names show as visible placeholders.
. "$LND_TOP/tests/lib.sh"
DB="$T/h.db"
L() { "$LND" --db "$DB" "$@"; }
small_plan "$DB"
EVIL=$(printf 'K\033]0;PWNED\007')
raw_free() {   # NAME TEXT: no ESC, BEL, CSI or other C0 byte but newline
  if printf '%s' "$2" | tr -d '\n' | LC_ALL=C grep -q "$(printf '[\001-\037\177]')"; then
    notok "$1" "raw control bytes in: $(printf '%s' "$2" | od -c | head -3)"
  else ok "$1"; fi
}

# --- error messages: every path that quotes an argument ---
run L checkin "$EVIL" 5;                 raw_free "checkin with a hostile id" "$ERR"
expect_in "the hostile id is shown with visible placeholders" "$ERR" "K␛]0;PWNED␇"
run L kr edit "$EVIL" --target 5;        raw_free "kr edit with a hostile id" "$ERR"
run L objective add --title x --parent "$EVIL"; raw_free "objective --parent hostile" "$ERR"
run L cycle activate "$EVIL";            raw_free "cycle activate with a hostile name" "$ERR"
run L export --cycle "$EVIL";            raw_free "export --cycle with a hostile name" "$ERR"
run L export --format "$EVIL";           raw_free "export --format hostile" "$ERR"
run L import "$T/$EVIL.json";            raw_free "import of a hostile file name" "$ERR"
run L "$EVIL";                           raw_free "a hostile command name" "$ERR"
run L checkin K1 "$EVIL";                raw_free "a hostile value" "$ERR"
run env LND_TODAY="$EVIL" "$LND" --db "$DB" status; raw_free "a hostile LND_TODAY" "$ERR"
expect_eq "a hostile LND_TODAY is still a usage error" "$RC" 64

# --- CSV cells a spreadsheet would run ---
L checkin K1 61 --note '=HYPERLINK("http://evil.example","click")' >/dev/null
L checkin K1 62 --note '+1+cmd|calc' >/dev/null
L checkin K1 63 --note '@SUM(A1:A9)' >/dev/null
L checkin K1 64 --note "$(printf '\t=1+1')" >/dev/null
L checkin K1 65 --note '-5' >/dev/null
L checkin K1 66 --note '-- ok' >/dev/null
L checkin K1 -- -67 >/dev/null
run L export --format csv
expect_in "=HYPERLINK( is exported as text" "$OUT" "'=HYPERLINK("
expect_not_in "no live =HYPERLINK( cell" "$OUT" ',"=HYPERLINK('
expect_in "+ formula neutralised" "$OUT" "'+1+cmd|calc"
expect_in "@ formula neutralised" "$OUT" "'@SUM(A1:A9)"
expect_in "a leading tab neutralised" "$OUT" "$(printf "'\t=1+1")"
expect_in "a text cell that is a number stays a number" "$OUT" ",\"-5\""
expect_in "'-- ok' is neutralised too" "$OUT" "'-- ok"
expect_in "a negative value stays a number" "$OUT" ",-67,"

# --- CSV to a terminal is sanitised; to a file it is exact ---
L checkin K1 70 --note "$(printf 'a\033[2Jb')" >/dev/null
run L export --format csv -o "$T/x.csv"
check "to a file the note is kept exactly" grep -q "$(printf 'a\033\\[2Jb')" "$T/x.csv"
script -qec "$LND --db $DB export --format csv" /dev/null >"$T/tty.out" 2>&1
check "to a terminal the escape is shown as a placeholder" grep -q "a␛\[2Jb" "$T/tty.out"
raw_free "to a terminal no raw control bytes reach it" "$(tr -d '\r' <"$T/tty.out")"

# --- zero-width and bidi characters are visible in names ---
L --user "$(printf 'an\342\200\213n')" checkin K1 71 >/dev/null
run L log
expect_in "a zero-width space in an author is visible" "$OUT" "an<U+200B>n"
L objective add --title "$(printf 'Grow \342\200\256eunever')" >/dev/null
run L status
expect_in "a bidi override in a title is visible" "$OUT" "Grow <U+202E>eunever"
