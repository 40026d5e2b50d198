#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_completion.sh — shell completion as a user meets it: the bash script is
# loaded into a plain bash (no bash-completion package), its function is called with
# COMP_WORDS set and COMPREPLY checked; commands, options, enum values, live ids and cycle
# names; the zsh and fish scripts parse (zsh -n, fish -n) and fish completes for real.
# Every option a command parses must be in its --help (they share one table).
. "$LND_TOP/tests/lib.sh"
DB="$T/c.db"
"$LND" --db "$DB" init --demo >/dev/null || notok "demo database"
"$LND" completion bash > "$T/lnd.bash"
mkdir -p "$T/bin" && ln -s "$LND" "$T/bin/lnd"

# bcomp WORD... : COMPREPLY (one per line, sorted) for the command line "WORD...", the last
# word being the one under the cursor
bcomp() {
  bash --norc --noprofile -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _lnd
    printf "%s\n" "${COMPREPLY[@]}"' _ "$T/lnd.bash" "$LND" "$@" | sed '/^$/d' | sort | tr '\n' ' '
}

run bash --norc --noprofile -c '. "$1"; complete -p lnd' _ "$T/lnd.bash"
expect_eq "bash: complete -p lnd names the function" "$OUT" "complete -F _lnd lnd"
expect_eq "bash: commands by prefix" "$(bcomp ch)" "check checkin "
expect_in "bash: every command of --help is offered" "$(bcomp '')" "checkin completion config cycle digest doctor due export help import init kpi kr log objective programme report review status tui "
expect_eq "bash: verbs of a command (from its usage)" "$(bcomp kr '')" "add archive edit restore show "
expect_eq "bash: verbs of cycle" "$(bcomp cycle '')" "activate add close list review "
expect_eq "bash: global options before the command" "$(bcomp --d)" "--db "
expect_eq "bash: option value from the usage (--format)" "$(bcomp status --format '')" "json text "
expect_eq "bash: evidence levels" "$(bcomp kr add --objective O1 --evidence '')" \
  "activity behaviour learning reaction results "
expect_eq "bash: indicator by prefix" "$(bcomp kr add --indicator l)" "lagging leading "
expect_in "bash: kr add options include --evidence" "$(bcomp kr add --)" "--evidence "
expect_in "bash: kr add options include --indicator" "$(bcomp kr add --)" "--indicator "
expect_not_in "bash: an alias is not offered twice (--co-owner)" "$(bcomp kr add --)" "--co-owner"
expect_eq "bash: export's output is offered as it is documented (-o)" "$(bcomp export -)" \
  "--ascii --color --config --cycle --db --format --help --no-color --user --width -o "
K=$(bcomp --db "$DB" checkin '')
expect_eq "bash: checkin completes the 15 live KR ids" "$(printf '%s' "$K" | wc -w)" 15
expect_in "bash: KR ids look like K3" "$K" "K3 "
expect_eq "bash: KR ids by prefix" "$(bcomp --db "$DB" checkin K1)" "K1 K10 K11 K12 K13 K14 K15 "
expect_eq "bash: lower-case prefix works too" "$(bcomp --db "$DB" checkin k1)" "K1 K10 K11 K12 K13 K14 K15 "
expect_eq "bash: objective ids for edit" "$(bcomp --db "$DB" objective edit '')" "O1 O2 O3 O4 O5 O6 O7 O8 O9 "
expect_eq "bash: objective ids for --parent" "$(bcomp --db "$DB" objective add --parent O)" "O1 O2 O3 O4 O5 O6 O7 O8 O9 "
expect_eq "bash: programme ids" "$(bcomp --db "$DB" programme archive '')" "P1 P2 P3 P4 P5 "
expect_eq "bash: cycle names for activate" "$(bcomp --db "$DB" cycle activate '')" "2026-Q4 2027-Q1 2027-Q2 "
expect_eq "bash: cycle names for --cycle" "$(bcomp --db "$DB" status --cycle 2027-Q)" "2027-Q1 2027-Q2 "
expect_eq "bash: no cycle name for a new cycle (cycle add)" "$(bcomp --db "$DB" cycle add '')" ""
expect_in "bash: KPI names, quoted for the shell" "$(bcomp --db "$DB" kpi set L)" 'Learning\ platform\ uptime'
LND_DB="$DB" "$LND" kr archive K15 >/dev/null
LND_DB="$DB" "$LND" kr add --objective O9 --title "Coaching sessions held" --target 20 \
  --evidence activity --indicator leading >/dev/null
K=$(bcomp --db "$DB" kr edit K1)
expect_not_in "bash: an archived KR is not offered" "$K" "K15"
expect_in "bash: a KR added a moment ago is offered (live ids)" "$K" "K17"
expect_eq "bash: LND_DB is honoured" "$(LND_DB="$DB" bcomp objective archive O)" "O1 O2 O3 O4 O5 O6 O7 O8 O9 "
expect_eq "bash: no database, no ids, no error on the terminal" "$(bcomp --db "$T/none.db" checkin '' 2>&1)" ""
mkdir -p "$T/w" && : > "$T/w/plan.csv" && : > "$T/w/other.json"
expect_eq "bash: file names for import" "$(cd "$T/w" && bcomp import p)" "plan.csv "
expect_eq "bash: file names for --db" "$(cd "$T/w" && bcomp --db o)" "other.json "
expect_eq "bash: import's options include --plan and --dry-run" "$(bcomp import --p)" "--plan "
expect_eq "bash: a file after import --plan" "$(cd "$T/w" && bcomp import --plan p)" "plan.csv "
expect_eq "bash: completion's own shells" "$(bcomp completion '')" "bash fish zsh "

# Every option a command parses is documented in its --help (one table for both).
for c in $("$LND" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
  H=$("$LND" "$c" --help)
  miss=""
  for o in $("$LND" __complete -- "$c" --); do
    case " --db --config --user --no-color --color --width --cycle --ascii --help --version " in *" $o "*) continue;; esac
    case "$H" in *"$o"*) continue;; esac
    # --expect-title, --expect-owner ...: documented as the family --expect-FIELD
    case "$o" in --expect-*) case "$H" in *"--expect-FIELD"*) continue;; esac;; esac
    miss="$miss $o"
  done
  expect_eq "every option of '$c' is in 'lnd $c --help'" "$miss" ""
done

for sh in zsh fish; do
  if command -v $sh >/dev/null 2>&1; then
    "$LND" completion $sh > "$T/lnd.$sh"
    run $sh -n "$T/lnd.$sh"
    expect_eq "$sh -n accepts the $sh completion" "$RC$ERR" 0
  else
    notok "$sh is installed (.ci/deps) to check its completion"
  fi
done
if command -v fish >/dev/null 2>&1; then
  F=$(PATH="$T/bin:$PATH" LND_DB="$DB" fish --no-config -c "source $T/lnd.fish; complete -C 'lnd kr edit K1'" | cut -f1 | sort | tr '\n' ' ')
  expect_eq "fish: completes live KR ids" "$F" "K1 K10 K11 K12 K13 K14 K17 "
  F=$(PATH="$T/bin:$PATH" fish --no-config -c "source $T/lnd.fish; complete -C 'lnd kr add --indicator '" | sort | tr '\n' ' ')
  expect_eq "fish: completes enum values" "$F" "lagging leading "
fi
