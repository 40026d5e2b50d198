# SPDX-License-Identifier: MIT
# tests/cli/test_scripts.sh — lnd in scripts and pipes (issue 16): status filters alone and
# combined on the demo and on a generated 10,000-KR organisation, full-width lines when piped,
# colour by option, environment, config and TERM, "-" as stdin/stdout, --version positions,
# `lnd help CMD`, `lnd config` sources, `lnd log` limits and `lnd kr show`.
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"
L() { "$LND" --db "$DB" "$@"; }
ids() { sed -n 's/^ *\([OK][0-9]*\) .*/\1/p' | tr '\n' ' '; }
setup "demo database" L init --demo

# --- filters on the demo ---
expect_eq "status O1: the subtree only" "$(L status O1 | ids)" "O1 O2 K1 K2 K3 K4 "
expect_eq "status K3: the KR under its objective" "$(L status K3 | ids)" "O2 K3 "
expect_eq "status O1 O5: two subtrees at once" "$(L status O1 O5 | ids)" "$(L status O1 | ids)$(L status O5 | ids)"
expect_in "status O1 O5: the second subtree's KRs are there" "$(L status O1 O5 | ids)" "O5 O6 K8 K9 K10 "
expect_eq "--depth 1: the top-level objectives" "$(L status --depth 1 --format json | jq -c '[.objectives[].id]')" \
  "$(L status --format json | jq -c '[.objectives[] | select(.parent == null) | .id]')"
expect_not_in "--depth 1 hides L&D objectives" "$(L status --depth 1 | ids)" "O2 "
expect_eq "--level ld: no business objective" "$(L status --level ld --format json | jq '[.objectives[] | select(.level != "ld")] | length')" 0
expect_eq "--type learning: only learning objectives" "$(L status --type learning --format json | jq -r '[.objectives[].type] | unique | join(",")')" learning
expect_eq "--owner dana: every KR shown is dana's or under an objective dana owns" \
  "$(L status --owner dana --format json | jq '[.objectives[] | select(.owner != "dana" and .business_owner != "dana") | .key_results[] | select(.owner != "dana" and .coowner != "dana")] | length')" 0
expect_in "--owner dana finds K3 (co-owned)" "$(L status --owner dana | ids)" "K3 "
expect_eq "--mine is --owner with your name" "$(L --user dana status --mine)" "$(L status --owner dana | sed 's/^\(2027-Q1.*pace [0-9]*%\)$/\1  mine: dana/')"
expect_eq "--status off: every KR shown is off track" \
  "$(L status --status off --format json | jq -r '[.objectives[].key_results[].status] | unique | join(",")')" "off track"
expect_in "--status off finds K4" "$(L status --status off | ids)" "K4 "
expect_eq "--status off,risk: both kinds" \
  "$(L status --status off,risk --format json | jq -r '[.objectives[].key_results[].status] | unique | join(",")')" "at risk,off track"
expect_eq "O1 --status off: combined, K4 only" "$(L status O1 --status off | ids)" "O1 O2 K4 "
expect_eq "--level ld --owner marco --status on: all three hold" \
  "$(L status --level ld --owner marco --status on --format json | jq -r '[.objectives[] | select(.level != "ld")] + [.objectives[].key_results[] | select(.status != "on track")] | length')" 0
run L status --owner nobody
expect_in "no match says so" "$OUT" "nothing matches these filters"
run L status --status sideways
expect_eq "a bad --status is a usage error" "$RC" 64
expect_in "and names the choices" "$ERR" "off, risk, on"
run L status O99
expect_eq "an id not in the cycle is bad data" "$RC" 65
run L status X3
expect_eq "an operand that is not an id is a usage error" "$RC" 64
run L status --summary
expect_eq "--summary: one line per top-level objective" "$(printf '%s\n' "$OUT" | wc -l)" \
  "$(L status --depth 1 --format json | jq '.objectives | length')"
expect_in "--summary gives the result" "$OUT" "result 8% (1 results KR, off track)"

# --- full width when piped, --width to choose ---
long="Make every first-line support agent confident with the new billing platform before the spring price change reaches customers"
setup "a long title" L objective add --title "$long" --parent O5
expect_in "piped: a long title is whole" "$(L status)" "$long"
expect_in "piped: grep finds K3 by a word near the end" "$(L status | grep -c 'consultative questioning (manager check-ins)')" 1
expect_not_in "--width 80 cuts it" "$(L --width 80 status)" "$long"
expect_eq "--width 80: no line is longer" "$(L --ascii status --width 80 | awk '{ if (length($0) > 80) n++ } END { print n+0 }')" 0

# --- colour by option, environment, config and TERM ---
esc=$(printf '\033[')
expect_not_in "piped: no colour" "$(TERM=xterm L status)" "$esc"
expect_in "--color=always in a pipe" "$(TERM=xterm L --color=always status)" "$esc"
expect_in "--color (bare) is always" "$(TERM=xterm L status --color)" "$esc"
expect_in "CLICOLOR_FORCE=1 in a pipe" "$(TERM=xterm CLICOLOR_FORCE=1 L status)" "$esc"
expect_not_in "CLICOLOR_FORCE=0 is not forcing" "$(TERM=xterm CLICOLOR_FORCE=0 L status)" "$esc"
expect_not_in "NO_COLOR beats CLICOLOR_FORCE" "$(TERM=xterm NO_COLOR=1 CLICOLOR_FORCE=1 L status)" "$esc"
expect_in "--color=always beats NO_COLOR" "$(TERM=xterm NO_COLOR=1 L --color=always status)" "$esc"
expect_not_in "--color=never beats CLICOLOR_FORCE" "$(TERM=xterm CLICOLOR_FORCE=1 L --color=never status)" "$esc"
printf 'color = true;\n' >"$T/always.conf"
printf 'color = false;\n' >"$T/never.conf"
expect_in "config color = true is always" "$(TERM=xterm L --config "$T/always.conf" status)" "$esc"
expect_not_in "config color = false on a terminal" "$(TERM=xterm script -qec "$LND --db $DB --config $T/never.conf status" /dev/null)" "$esc"
expect_not_in "TERM=dumb gets no escapes even forced" "$(TERM=dumb L --color=always status)" "$(printf '\033')"
expect_not_in "TERM=dumb on a terminal: no escapes" "$(TERM=dumb script -qec "$LND --db $DB status" /dev/null)" "$(printf '\033')"
expect_in "xterm on a terminal: colour" "$(TERM=xterm script -qec "$LND --db $DB status" /dev/null)" "$esc"
run L --color=sometimes status
expect_eq "--color=sometimes is a usage error" "$RC" 64

# --- "-" both ways ---
(cd "$T" && L export -o - >"$T/exp.json")
check "export -o - writes stdout, creates no file named -" test ! -e "$T/-"
expect_eq "export -o - is the export" "$(jq -r .format "$T/exp.json")" lnd-export
run sh -c "'$LND' --db '$DB' export -o - | '$LND' --db '$T/copy.db' import -"
expect_eq "import - reads stdin" "$RC" 0
expect_eq "the copy has the same KRs" "$("$LND" --db "$T/copy.db" status --format json | jq '[.objectives[].key_results[]] | length')" \
  "$(L status --format json | jq '[.objectives[].key_results[]] | length')"
printf 'kr,date,value\nK8,2027-02-16,71\n' >"$T/ck.csv"
run sh -c "'$LND' --db '$DB' import --checkins - <'$T/ck.csv'"
expect_eq "import --checkins - reads stdin" "$RC" 0
expect_eq "the check-in from stdin is stored" "$(L kr show K8 --format json | jq '.checkins[-1].value')" 71

# --- --version positions, help CMD ---
run L --version
expect_in "--version after a global option" "$OUT" "database schema"
run "$LND" -V
expect_in "-V" "$OUT" "database schema"
run "$LND" --db "$T/none.db" --user x -V
expect_eq "-V needs no database" "$RC" 0
run L kr edit K1 --title "Workshop completion" --version 1
expect_eq "after a command --version N is the row version" "$RC" 0
run L kr edit K1 --title "Again" --version 1
expect_eq "and a stale one is a conflict" "$RC" 75
run L status --version
expect_eq "status --version is not the program version" "$RC" 64
expect_eq "lnd help status = lnd status --help" "$("$LND" help status)" "$("$LND" status --help)"
expect_eq "lnd help kpi = lnd kpi --help" "$("$LND" help kpi)" "$("$LND" kpi --help)"
run "$LND" help bogus
expect_eq "help of an unknown command is a usage error" "$RC" 64

# --- --cycle before the command ---
expect_eq "global --cycle picks the cycle" "$(L --cycle 2026-Q4 status --format json | jq -r .cycle.name)" 2026-Q4
expect_eq "global --cycle: review" "$(L --cycle 2026-Q4 review --format json | jq -r .cycle.name)" 2026-Q4
expect_eq "global --cycle: programme list" "$(L --cycle 2026-Q4 programme list --format json | jq -r '.programmes[0].id')" P6
expect_eq "global --cycle: export one cycle" "$(L --cycle 2026-Q4 export | jq -r '[.cycles[].name] | join(",")')" 2026-Q4
expect_eq "global --cycle: due" "$(L --cycle 2026-Q4 due --format json | jq -r '[.followups[].cycle.name] | unique | join(",")')" 2026-Q4
expect_eq "a command's own --cycle wins" "$(L --cycle 2026-Q4 status --cycle 2027-Q1 --format json | jq -r .cycle.name)" 2027-Q1

# --- lnd config: where each value came from ---
printf 'user = "carol";\n\nprogress: { lag_weeks = 6; };\ncolor = false;\n' >"$T/c.conf"
run L --config "$T/c.conf" config
expect_in "config: a file value names file:line" "$OUT" "user = carol"
expect_in "config: user from the file's line 1" "$(printf '%s\n' "$OUT" | grep '^user ')" "$T/c.conf:1"
expect_in "config: a nested key's line" "$(printf '%s\n' "$OUT" | grep '^progress.lag_weeks ')" "$T/c.conf:3"
expect_in "config: a default says default" "$(printf '%s\n' "$OUT" | grep '^cadence_days ')" "# default"
expect_in "config: the option --db" "$(printf '%s\n' "$OUT" | grep '^database ')" "option --db"
expect_in "config: environment LND_DB" "$(LND_DB="$DB" "$LND" config | grep '^database ')" "environment LND_DB"
expect_in "config: environment USER" "$("$LND" --db "$DB" config | grep '^user ')" "environment USER"
expect_in "config: option --user" "$("$LND" --db "$DB" --user z config | grep '^user ')" "option --user"
expect_in "config: colour from the file" "$(printf '%s\n' "$OUT" | grep '^color ')" "$T/c.conf:4"
expect_in "config: colour from NO_COLOR" "$(NO_COLOR=1 L config | grep '^color ')" "environment NO_COLOR"
expect_in "config: which file" "$(printf '%s\n' "$OUT" | grep '^config ')" "option --config"

# --- lnd log: newest 50 by default ---
expect_eq "log shows the newest 50" "$(L log 2>/dev/null | wc -l)" 50
run L log
expect_in "and says more are left" "$ERR" "--all"
expect_eq "log --all shows every change" "$(L log --all | wc -l)" "$(L log --format json --all | jq '.changes | length')"
check "log --all has more than 50" test "$(L log --all | wc -l)" -gt 50
expect_eq "log --limit 3" "$(L log --limit 3 2>/dev/null | wc -l)" 3
expect_eq "log --limit 3 --format json says more" "$(L log --limit 3 --format json | jq .more)" true
run L log --all --limit 3
expect_eq "--all with --limit is a usage error" "$RC" 64

# --- kr show ---
run L kr show K3
expect_in "kr show: the title" "$OUT" "Participants applying consultative questioning"
expect_in "kr show: a behaviour check-in" "$OUT" "5 of 8 observed applying"
expect_eq "kr show: check-ins oldest first" "$(L kr show K3 --format json | jq -r '[.checkins[].at] | . == sort')" true
expect_eq "kr show: as many check-ins as status counts" "$(L kr show K3 --format json | jq '.checkins | length')" \
  "$(L status --format json | jq '.objectives[].key_results[] | select(.id == "K3") | .checkins')"
run L kr show K999
expect_eq "kr show of an unknown KR is bad data" "$RC" 65
expect_in "and says where ids are" "$ERR" "see \`lnd status\` for ids"

# --- a generated 10,000-KR organisation ---
GEN="$(dirname "$LND")/bench/gen"
[ -x "$GEN" ] || die "the generator $GEN" "build it with make unit-build"
BIG="$T/big.db"
setup "10,000 KRs" "$GEN" "$BIG" 500 20000
B() { LND_TODAY=1970-01-01 "$LND" --db "$BIG" "$@"; }   # gen's cycle runs around the epoch
expect_eq "big: all 10,000 KRs listed" "$(B status --format json | jq '[.objectives[].key_results[]] | length')" 10000
expect_eq "big: --summary is one line per top-level objective" "$(B status --summary | wc -l)" 500
expect_eq "big: O1's subtree is 1 + 4 objectives and 20 KRs" "$(B status O1 | ids | wc -w)" 25
expect_eq "big: --depth 1 shows 500 objectives" "$(B status --depth 1 --format json | jq '.objectives | length')" 500
expect_eq "big: --level ld --depth 2 shows 2000" "$(B status --level ld --depth 2 --format json | jq '.objectives | length')" 2000
off=$(B status --status off --format json | jq '[.objectives[].key_results[]] | length')
all_off=$(B status --format json | jq '[.objectives[].key_results[] | select(.status == "off track")] | length')
expect_eq "big: --status off finds every off-track KR" "$off" "$all_off"
check "big: and there are some" test "$off" -gt 0
expect_eq "big: O1 --status off --depth 2 is within O1" \
  "$(B status O1 --status off,risk,on --depth 2 --format json | jq -r '[.objectives[].id] | map(select(. != "O1")) | length <= 4')" true
w=$(B status | wc -L)   # display columns (GNU wc -L in the UTF-8 locale), not bytes
check "big: piped lines are not cut to 80 columns" test "$w" -gt 80
setup "a long KR title in the big organisation" B kr add --objective O2 --title "$long (big)" \
  --evidence results --indicator lagging --baseline 0 --target 1
expect_in "big: piped, a long KR title is whole" "$(B status | grep -F '(big)')" "$long (big)"
expect_in "big: and found by its subtree" "$(B status O2 | grep -F '(big)')" "$long (big)"
