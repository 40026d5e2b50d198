# SPDX-License-Identifier: MIT
# tests/cli/test_cli.sh — runs the built lnd against temporary databases and checks what a
# user sees: output, exit codes, one-line errors, and that bad input changes nothing.
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"

# --- help and version ---
run "$LND" --help
expect_eq "--help exits 0" "$RC" 0
expect_in "--help lists commands" "$OUT" "checkin"
run "$LND" checkin --help
expect_in "checkin --help shows behaviour usage" "$OUT" "--observed N --applied M"
run "$LND" --version
expect_in "--version names the schema" "$OUT" "database schema"
run "$LND" frobnicate
expect_eq "unknown command is a usage error" "$RC" 64
expect_in "unknown command says so" "$ERR" "unknown command 'frobnicate'"
run "$LND" status --bogus
expect_eq "unknown option is a usage error" "$RC" 64

# --- missing database ---
run "$LND" --db "$T/nope.db" status
expect_eq "missing database exits 66" "$RC" 66
expect_in "missing database says run lnd init" "$ERR" "lnd init"
check "missing database is not created by status" test ! -e "$T/nope.db"

# --- init and demo ---
run "$LND" --db "$DB" init --demo
expect_eq "init --demo succeeds" "$RC" 0
run "$LND" --db "$DB" init --demo
expect_eq "init --demo refuses a database with data" "$RC" 65
run "$LND" --db "$DB" status --format json
expect_eq "status json exits 0" "$RC" 0
check "status json parses" sh -c "printf '%s' \"\$1\" | jq -e . >/dev/null" _ "$OUT"
J=$OUT
expect_eq "demo cycle is week 7 of 13" "$(printf '%s' "$J" | jq -r '"\(.cycle.week) of \(.cycle.weeks)"')" "7 of 13"
expect_eq "demo cycle name from LND_TODAY" "$(printf '%s' "$J" | jq -r .cycle.name)" "2027-Q1"
expect_eq "demo has 9 objectives" "$(printf '%s' "$J" | jq '.objectives|length')" 9
expect_eq "demo has 15 KRs" "$(printf '%s' "$J" | jq '[.objectives[].key_results[]]|length')" 15
expect_eq "first-call resolution moved 64 -> 71" \
  "$(printf '%s' "$J" | jq -r '.objectives[].key_results[]|select(.title=="First-call resolution")|"\(.baseline) \(.current) \(.target)"')" "64 71 75"
expect_eq "some KRs on track, some at risk, some off track" \
  "$(printf '%s' "$J" | jq -r '[.objectives[].key_results[].status]|unique|map(select(.=="on track" or .=="at risk" or .=="off track"))|join(",")')" "at risk,off track,on track"
expect_eq "behaviour KR value is the share applying (5 of 8)" \
  "$(printf '%s' "$J" | jq -r '.objectives[].key_results[]|select(.title|startswith("Participants applying"))|.current')" "62.5"
expect_eq "L&D objective cascades under its business objective" \
  "$(printf '%s' "$J" | jq -r '.objectives[1]|"\(.parent) \(.level) \(.depth)"')" "O1 ld 1"

# --- status text ---
run "$LND" --db "$DB" status
expect_eq "status text exits 0" "$RC" 0
expect_in "status header shows week and pace (elapsed days: 44 of 91)" "$OUT" "week 7 of 13  pace 48%"
expect_in "status shows ids and titles" "$OUT" "O1   Grow enterprise revenue"
expect_in "status shows baseline -> current -> target" "$OUT" "64 → 71 → 75 %"
expect_in "status shows the business result and the delivery, labelled" "$OUT" "result 8% (1 results KR, off track); delivery 92% (on track)"
expect_not_in "piped status has no colour codes" "$OUT" "$(printf '\033[')"
run "$LND" --db "$DB" --ascii status
check "--ascii status has only ASCII" sh -c "! grep -q '[^ -~]' '$T/out'"
expect_in "--ascii status uses -> arrows" "$OUT" "64 -> 71 -> 75 %"
LC_ALL=C run "$LND" --db "$DB" status
check "non-UTF-8 locale falls back to ASCII" sh -c "! grep -q '[^ -~]' '$T/out'"
run "$LND" --db "$DB" --user marco status --mine --format json
expect_eq "--mine keeps only what marco owns" \
  "$(printf '%s' "$OUT" | jq -r '[.objectives[].key_results[].owner]|unique|join(",")')" "marco"
run "$LND" --db "$DB" status --cycle 2027-Q2
expect_in "an empty planning cycle says how to add objectives" "$OUT" "no objectives yet"
run "$LND" --db "$DB" status --cycle nope
expect_eq "unknown cycle is bad data" "$RC" 65

# --- check-ins ---
count() { "$LND" --db "$DB" status --format json | jq "[.objectives[].key_results[].checkins]|add"; }
before=$(count)
run "$LND" --db "$DB" checkin K8 73 --confidence 8 --note "Checklist rolled out to team B"
expect_eq "checkin exits 0" "$RC" 0
expect_in "checkin says what changed" "$OUT" "K8 First-call resolution: 71% → 73%, progress 64% → 82%, on track"
run "$LND" --db "$DB" checkin K3 --observed 8 --applied 6 --confidence 7
expect_eq "behaviour checkin exits 0" "$RC" 0
expect_in "behaviour checkin records 6 of 8 as 75%" "$OUT" "62.5% → 75% (6 of 8 applying)"
expect_eq "two check-ins were added" "$(count)" $((before + 2))
before=$(count)
run "$LND" --db "$DB" checkin K999 5
expect_eq "unknown KR exits 65" "$RC" 65
expect_in "unknown KR names it" "$ERR" "no key result K999"
run "$LND" --db "$DB" checkin K8 abc
expect_eq "non-numeric value exits 65" "$RC" 65
expect_in "non-numeric value says so" "$ERR" "value 'abc' is not a number"
run "$LND" --db "$DB" checkin K8 70 --confidence 11
expect_eq "confidence 11 exits 65" "$RC" 65
run "$LND" --db "$DB" checkin K8 nan
expect_eq "NaN is not a value" "$RC" 65
run "$LND" --db "$DB" checkin K3 --observed 8 --applied 9
expect_eq "applied > observed exits 65" "$RC" 65
run "$LND" --db "$DB" checkin K3 --observed 0 --applied 0
expect_eq "observed 0 exits 65" "$RC" 65
run "$LND" --db "$DB" checkin K3 --observed 8
expect_eq "observed without applied is a usage error" "$RC" 64
run "$LND" --db "$DB" checkin K8
expect_eq "missing value is a usage error" "$RC" 64
expect_eq "no check-in was added by bad input" "$(count)" "$before"
one_line() { [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]; }
check "errors are one line" one_line

# --- sanitising: nothing from the database reaches the terminal raw ---
run "$LND" --db "$DB" objective add --title "$(printf 'Evil \033[2J\033]0;pwned\007 title\342\200\256 rtl')" --parent O1
expect_eq "objective with control characters can be added" "$RC" 0
run "$LND" --db "$DB" status
check "no ESC or BEL from the database reaches the terminal" sh -c "! grep -q \"\$(printf '[\033\007]')\" '$T/out'"
check "bidi override removed" sh -c "! grep -q \"\$(printf '\342\200\256')\" '$T/out'"
expect_in "control characters shown as placeholders" "$OUT" "Evil ␛[2J"

# --- plan editing and conflicts ---
run "$LND" --db "$DB" kr add --objective O2 --title "Deals with a mutual action plan" --baseline 10 --target 60 --unit % --evidence behaviour --indicator leading
expect_eq "kr add exits 0" "$RC" 0
kid=$(printf '%s' "$OUT" | sed -n 's/^\(K[0-9]*\) .*/\1/p')
run "$LND" --db "$DB" kr edit "$kid" --target 70
expect_eq "kr edit exits 0" "$RC" 0
expect_in "kr edit reports the new version" "$OUT" "(version 2)"
run "$LND" --db "$DB" kr edit "$kid" --target 75 --version 1
expect_eq "edit against a stale version is a conflict (75)" "$RC" 75
expect_in "conflict names who changed it" "$ERR" "tester"
expect_eq "conflict changed nothing" \
  "$("$LND" --db "$DB" status --format json | jq -r ".objectives[].key_results[]|select(.id==\"$kid\")|.target")" 70
run "$LND" --db "$DB" kr add --evidence results --indicator lagging --objective O999 --title x --target 1
expect_eq "kr on a missing objective is bad data" "$RC" 65
run "$LND" --db "$DB" objective edit O2 --type sometimes
expect_eq "bad objective type is bad data" "$RC" 65
run "$LND" --db "$DB" objective edit O2 --parent O2
expect_eq "an objective cannot be its own parent" "$RC" 65
run "$LND" --db "$DB" kr archive "$kid"
expect_eq "kr archive exits 0" "$RC" 0
run "$LND" --db "$DB" checkin "$kid" 20
expect_eq "archived KR takes no check-ins" "$RC" 65

# --- cycles ---
run "$LND" --db "$DB" cycle add 2027-Q3 --start 2027-07-05
expect_eq "cycle add exits 0" "$RC" 0
run "$LND" --db "$DB" cycle add 2027-Q3 --start 2027-07-05
expect_eq "duplicate cycle name is bad data" "$RC" 65
run "$LND" --db "$DB" cycle add 2027-Q4 --start 2027-13-01
expect_eq "bad start date is bad data" "$RC" 65
run "$LND" --db "$DB" cycle list
expect_in "cycle list shows the active cycle's week" "$OUT" "7 of 13"
run "$LND" --db "$DB" cycle close 2027-Q1
expect_eq "cycle close exits 0" "$RC" 0
run "$LND" --db "$DB" checkin K8 74
expect_eq "a closed cycle locks check-ins" "$RC" 65
expect_in "locked message names the cycle" "$ERR" "closed"

# --- configuration ---
printf 'theme = "default";\nascii = maybe;\n' > "$T/bad.conf"
run "$LND" --config "$T/bad.conf" --db "$DB" status
expect_eq "config syntax error exits 78" "$RC" 78
expect_in "config error names file and line" "$ERR" "bad.conf:2"
printf 'colour_scheme = "x";\n' > "$T/unknown.conf"
run "$LND" --config "$T/unknown.conf" --db "$DB" status
expect_eq "unknown config key exits 78" "$RC" 78
expect_in "unknown key is named" "$ERR" "colour_scheme"
printf 'database = "%s";\n' "$DB" > "$T/good.conf"
LND_CONFIG="$T/good.conf" run "$LND" status --format json
expect_eq "database from \$LND_CONFIG" "$RC" 0
run "$LND" --config "$T/missing.conf" status
expect_eq "missing --config file exits 66" "$RC" 66
run "$LND" --config "$LND_TOP/lnd.conf.example" --db "$DB" status
expect_eq "lnd.conf.example loads" "$RC" 0
LND_DB="$DB" run "$LND" status
expect_eq "database from \$LND_DB" "$RC" 0
run "$LND" init
expect_eq "default database under XDG_DATA_HOME" "$RC" 0
check "default database created with its directory" test -f "$XDG_DATA_HOME/lnd/lnd.db"
LND_TODAY=2027-02-30 run "$LND" --db "$DB" status
expect_eq "a bad LND_TODAY is a usage error" "$RC" 64

# --- newer schema, read-only, busy ---
setup "a copy of the demo" cp "$DB" "$T/newer.db"
setup "the copy claims schema 999" sqlite3 "$T/newer.db" 'PRAGMA user_version=999'
run "$LND" --db "$T/newer.db" status
expect_eq "newer schema is refused" "$RC" 65
expect_in "newer schema names both versions" "$ERR" "999"
expect_eq "newer database left untouched" "$(sqlite3 "$T/newer.db" 'PRAGMA user_version')" 999
setup "a directory for the read-only database" mkdir -p "$T/ro"
setup "a database to make read-only" "$LND" --db "$T/ro/y.db" init
setup "a cycle in it" "$LND" --db "$T/ro/y.db" cycle add R --start 2027-01-04
setup "read-only directory" chmod 555 "$T/ro"
setup "read-only file" chmod 444 "$T/ro/y.db"
AS=""   # root writes through file modes: drop to nobody to see what a normal user sees
if [ "$(id -u)" = 0 ]; then chmod 755 "$T"; AS="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
run $AS "$LND" --db "$T/ro/y.db" cycle add X --start 2027-01-04
expect_eq "read-only database exits 73" "$RC" 73
expect_in "read-only message says what to check" "$ERR" "read-only"
run $AS "$LND" --db "$T/ro/y.db" status --format json
expect_eq "a read-only database can still be read" "$RC" 0
chmod 755 "$T/ro"
setup "a database to lock" "$LND" --db "$T/busy.db" init
setup "an active cycle" "$LND" --db "$T/busy.db" cycle add B --start 2027-01-04 --state active
setup "an objective" "$LND" --db "$T/busy.db" objective add --title T
setup "a KR" "$LND" --db "$T/busy.db" kr add --evidence results --indicator lagging --objective O1 --title K --baseline 0 --target 10
hold_lock "$T/busy.db"
LND_BUSY_TIMEOUT_MS=300 run "$LND" --db "$T/busy.db" checkin K1 5
expect_eq "locked database exits 69 after busy_timeout" "$RC" 69
expect_in "busy message says try again" "$ERR" "busy, try again"
release_lock
expect_eq "nothing was written while busy" "$("$LND" --db "$T/busy.db" status --format json | jq '.objectives[0].key_results[0].checkins')" 0

# --- colour only on a terminal (script(1) gives the command a pty) ---
setup "a second objective" "$LND" --db "$T/busy.db" objective add --title "Colour"
tty_out=$(script -qec "$LND --db $T/busy.db status" /dev/null 2>/dev/null)
expect_in "status on a terminal is in colour" "$tty_out" "$(printf '\033[')"
tty_out=$(NO_COLOR=1 script -qec "$LND --db $T/busy.db status" /dev/null 2>/dev/null)
expect_not_in "NO_COLOR turns colour off on a terminal" "$tty_out" "$(printf '\033[3')"
tty_out=$(script -qec "$LND --db $T/busy.db --no-color status" /dev/null 2>/dev/null)
expect_not_in "--no-color turns colour off on a terminal" "$tty_out" "$(printf '\033[3')"

# --- review findings: each would have caught a real bug ---
D2="$T/rev.db"
setup "demo database for the review findings" "$LND" --db "$D2" init --demo
run "$LND" --db "$D2" checkin K4 -2 --confidence 3
expect_eq "a negative value is a value, not an option" "$RC" 0
expect_in "negative value recorded" "$OUT" "2% → -2%"
run "$LND" --db "$D2" checkin K15 30
expect_in "attrition (decrease, no baseline) going up is not progress" "$OUT" "progress 0% → 0%"
run "$LND" --db "$D2" checkin K15 6
expect_in "attrition at or below target is met" "$OUT" "done"
run "$LND" --db "$D2" checkin K5 --observed 8 --applied 6
expect_eq "a behaviour check-in on a results KR is refused" "$RC" 65
expect_in "and says what to log instead" "$ERR" "K5 measures results, not behaviour"
run "$LND" --db "$D2" checkin K8 0x10
expect_eq "hex is not a value" "$RC" 65
run "$LND" --db "$D2" kr add --evidence results --indicator lagging --objective O2 --title C --baseline 10 --target 20 --direction decrease
expect_eq "a direction contradicting baseline and target is refused" "$RC" 65
run "$LND" --bogus
expect_eq "unknown global option exits 64" "$RC" 64
expect_eq "and names only the option" "$ERR" "lnd: option '--bogus' is unknown; see \`lnd --help\`"
run "$LND" --db "$D2" cycle close 2027-Q1
run "$LND" --db "$D2" cycle activate 2027-Q1
expect_eq "a closed cycle cannot be reopened" "$RC" 65
expect_in "states only move forward" "$ERR" "only move forward"
run "$LND" --db "$D2" checkin K8 80
expect_eq "so its check-ins stay locked" "$RC" 65
run "$LND" --db "$D2" status --cycle 2027-Q1 --format json
expect_eq "status json carries row versions for --version" "$(printf '%s' "$OUT" | jq '.objectives[0].version')" 1
LND_TODAY=2027-06-01 run "$LND" --db "$D2" status --cycle 2027-Q1
expect_in "after the last week the header says ended N days ago" "$OUT" "ended 58 days ago"
expect_not_in "never week 14 of 13" "$OUT" "week 14"
expect_not_in "rows read met/missed, not at risk" "$OUT" "at risk"
expect_in "a KR short of target reads missed" "$OUT" "missed"
