#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_import_plan.sh — `lnd import --plan`: a plan drafted in a spreadsheet becomes
# objectives and key results (parents by title or id, in any row order); --dry-run lists and
# writes nothing; a re-run skips what is there; every kind of bad row is refused with
# file:line, exit 65 and nothing written.
. "$LND_TOP/tests/lib.sh"
DB="$T/p.db"
"$LND" --db "$DB" init --demo >/dev/null || notok "demo database"
rows() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM objective) || ' ' || (SELECT count(*) FROM kr) || ' ' || (SELECT count(*) FROM audit)"; }
BEFORE=$(rows)
added_objs() { sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action='add' AND entity='objective'"; }
OBJS0=$(added_objs)

# --- every kind of bad row: exit 65, file:line, nothing written ---
H='kind,title,parent,level,type,cadence,unit,baseline,target,evidence,indicator,due_week,weight,direction'
bad() {   # bad NAME LINE EXPECTED-MESSAGE CSV-ROWS...
  name=$1 line=$2 msg=$3; shift 3
  printf '%s\n' "$@" > "$T/bad.csv"
  run "$LND" --db "$DB" import --plan "$T/bad.csv"
  if [ "$RC" = 65 ] && [ "$(rows)" = "$BEFORE" ]; then
    expect_in "bad row ($name): $T/bad.csv:$line: ..." "$ERR" "$T/bad.csv:$line: $msg"
  else
    notok "bad row ($name): exit 65 and nothing written" "rc=$RC rows=$(rows) (before $BEFORE)" "$ERR"
  fi
}
O='objective,Grow renewals,,business,committed,,,,,,,,,'
bad "unknown column" 1 "unknown column 'colour'" "kind,title,colour" "$O"
bad "column twice" 1 "column 'title' appears twice" "kind,title,Title" "objective,a,b"
bad "no kind column" 1 "the header must name at least the columns kind and title" "title,parent" "x,"
bad "unknown kind" 3 "kind 'goal' must be objective or kr" "$H" "$O" "goal,Something,,,,,,,,,,,,"
bad "objective without title" 2 "an objective needs a title" "$H" "objective,,,,,,,,,,,,,"
bad "kr without parent" 3 "a key result needs its objective in the parent column" "$H" "$O" "kr,Renewal rate,,,,,%,80,90,results,lagging,,,"
bad "kr target not a number" 3 "target 'lots' must be a number" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,lots,results,lagging,,,"
bad "kr without target" 3 "target '' must be a number" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,,results,lagging,,,"
bad "kr baseline not a number" 3 "baseline 'n/a' must be a number" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,n/a,90,results,lagging,,,"
bad "kr without evidence" 3 "evidence is required" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,,lagging,,,"
bad "kr unknown evidence" 3 "evidence 'impact' must be activity" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,impact,lagging,,,"
bad "kr without indicator" 3 "indicator is required: leading or lagging" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,,,,"
bad "kr unknown indicator" 3 "indicator 'late' must be leading or lagging" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,late,,,"
bad "kr unknown direction" 3 "direction 'up' must be increase or decrease" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,,,up"
bad "kr weight zero" 3 "weight '0' must be a number above 0" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,,0,"
bad "kr due week not a number" 3 "due_week 'W6' must be a week number" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,W6,,"
bad "kr due after the cycle" 3 "due_week 20 is after the cycle's last week (13)" "$H" "$O" "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,20,,"
bad "objective unknown level" 2 "level 'board' must be business, ld or team" "$H" "objective,Grow renewals,,board,,,,,,,,,,"
bad "objective unknown type" 2 "type 'stretch' must be committed" "$H" "objective,Grow renewals,,,stretch,,,,,,,,,"
bad "objective cadence out of range" 2 "cadence '400' must be a number of days" "$H" "objective,Grow renewals,,,,400,,,,,,,,"
bad "objective with a KR column" 2 "an objective has no target (that column is for key results)" "$H" "objective,Grow renewals,,,,,,,90,,,,,"
bad "kr with an objective column" 3 "a key result has no level (that column is for objectives)" "$H" "$O" "kr,Renewal rate,Grow renewals,ld,,,%,80,90,results,lagging,,,"
bad "parent title unknown" 2 "parent 'Nowhere' is no objective in this file or in cycle 2027-Q1" "$H" "objective,Grow renewals,Nowhere,,,,,,,,,,,"
bad "parent id not in the cycle" 2 "parent O99 is not an objective of cycle 2027-Q1" "$H" "objective,Grow renewals,O99,,,,,,,,,,,"
bad "objective twice" 3 "objective 'Grow renewals' is already on line 2" "$H" "$O" "$O"
bad "kr twice under one objective" 4 "key result 'Renewal rate' is already on line 3" "$H" "$O" \
  "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,,," "kr,Renewal rate,Grow renewals,,,,%,80,90,results,lagging,,,"
bad "parent loop" 2 "objective 'A' is part of a parent loop" "$H" "objective,A,B,,,,,,,,,,," "objective,B,A,,,,,,,,,,,"
bad "own parent" 2 "objective 'A' cannot be its own parent" "$H" "objective,A,A,,,,,,,,,,,"
bad "fields missing" 2 "3 fields, but the header has 14" "$H" "objective,a,b"
bad "unterminated quote" 2 "unterminated quoted field" "$H" 'objective,"Grow renewals,,,,,,,,,,,,'
bad "header only" 1 "no objectives or key results below the header" "$H"
printf 'kind,title\nobjective,Caf\351 owners\n' > "$T/latin1.csv"
run "$LND" --db "$DB" import --plan "$T/latin1.csv"
expect_eq "invalid UTF-8 (Latin-1 file) is refused" "$RC" 65
expect_in "invalid UTF-8: file:line and the fix" "$ERR" "latin1.csv:2: column 2 is not valid UTF-8; save the sheet as CSV UTF-8"
: > "$T/empty.csv"
run "$LND" --db "$DB" import --plan "$T/empty.csv"
expect_in "an empty file is refused" "$RC $ERR" "65 lnd: $T/empty.csv:1: empty file"
run "$LND" --db "$DB" import --plan "$T/missing.csv"
expect_eq "a missing file exits 66" "$RC" 66
# several bad rows: each reported, still nothing written
printf '%s\n' "$H" "goal,x,,,,,,,,,,,," "kr,y,,,,,,,1,results,,,," > "$T/multi.csv"
run "$LND" --db "$DB" import --plan "$T/multi.csv"
expect_in "every bad row is reported (line 2)" "$ERR" "multi.csv:2: kind 'goal'"
expect_in "every bad row is reported (line 3, parent)" "$ERR" "multi.csv:3: a key result needs its objective"
expect_in "every bad row is reported (line 3, indicator)" "$ERR" "multi.csv:3: indicator is required"
expect_in "it ends saying nothing was imported" "$ERR" "nothing was imported"
expect_eq "after all the bad files nothing was written" "$(rows)" "$BEFORE"

# --- a good plan: parents by title (even further down) and by id; quoted commas ---
cat > "$T/plan.csv" <<'CSV'
Kind,Title,Parent,Level,Type,Problem,Business owner,Unit,Baseline,Target,Evidence,Indicator,Due week,Co-owner
kr,Lapsed accounts reactivated,Win back lapsed enterprise accounts,,,,,accounts,0,20,results,lagging,,sam
objective,"Equip AMs to run win-back calls, well",Win back lapsed enterprise accounts,,aspirational,,,,,,,,,
objective,Win back lapsed enterprise accounts,,business,committed,Churn up 12%,sam,,,,,,,
kr,Win-back call role-plays passed,"Equip AMs to run win-back calls, well",,,,,%,0,80,learning,leading,6,
kr,Manager-observed win-back calls,O2,,,,,%,20,75,behaviour,leading,8,

objective,Improve customer support: first-call resolution from 64% to 75%,,,,,,,,,,,,
CSV
run "$LND" --db "$DB" import --plan "$T/plan.csv" --dry-run
expect_eq "dry run exits 0" "$RC" 0
expect_in "dry run lists an objective it would add" "$OUT" "would add objective 'Win back lapsed enterprise accounts' (business) (line 4)"
expect_in "dry run lists a KR under a new objective" "$OUT" "would add key result 'Lapsed accounts reactivated' (results, lagging) under the objective of line 4 (line 2)"
expect_in "dry run names what is already there" "$OUT" "would skip objective 'Improve customer support"
expect_in "dry run sums up" "$OUT" "dry run: would import 2 objectives and 3 key results"
expect_eq "dry run writes nothing" "$(rows)" "$BEFORE"
run "$LND" --db "$DB" import --plan "$T/plan.csv"
expect_eq "plan import exits 0" "$RC" 0
expect_in "plan import sums up" "$OUT" "imported 2 objectives and 3 key results from $T/plan.csv into 2027-Q1 (1 already present)"
J=$("$LND" --db "$DB" status --format json)
o() { printf '%s' "$J" | jq -r ".objectives[] | select(.title==\"$1\") | $2"; }
k() { printf '%s' "$J" | jq -r ".objectives[].key_results[] | select(.title==\"$1\") | $2"; }
WB=$(o "Win back lapsed enterprise accounts" .id)
EQ=$(o "Equip AMs to run win-back calls, well" .id)
expect_eq "the business objective: level, type, problem" "$(o "Win back lapsed enterprise accounts" '"\(.level) \(.type) \(.problem)"')" "business committed Churn up 12%"
expect_eq "the L&D objective (a quoted comma in its title) hangs under it" "$(o "Equip AMs to run win-back calls, well" '"\(.parent) \(.level)"')" "$WB ld"
expect_eq "a KR given before its objective hangs under it" "$(k "Lapsed accounts reactivated" '"\(.baseline) \(.target) \(.unit) \(.evidence) \(.indicator) \(.coowner)"')" "0 20 accounts results lagging sam"
expect_eq "a KR under the new L&D objective, due week 6" "$(k "Win-back call role-plays passed" '"\(.due_week) \(.evidence)"')" "6 learning"
expect_in "a KR under an existing objective by id (O2)" "$(printf '%s' "$J" | jq -r '.objectives[] | select(.id=="O2") | .key_results[].title')" "Manager-observed win-back calls"
expect_eq "the new objectives are in the audit log" "$(( $(added_objs) - OBJS0 ))" 2
AFTER=$(rows)

# --- safe to re-run ---
run "$LND" --db "$DB" import --plan "$T/plan.csv"
expect_eq "re-run exits 0" "$RC" 0
expect_in "re-run adds nothing and says so" "$OUT" "imported 0 objectives and 0 key results from $T/plan.csv into 2027-Q1 (6 already present)"
expect_in "re-run names the skipped rows" "$OUT" "skipped key result 'Lapsed accounts reactivated': already present as"
expect_eq "re-run writes nothing" "$(rows)" "$AFTER"
# a re-run with one row more adds only that row, under the existing objective by title
printf 'kr,Win-back deals closed,%s,,,,,deals,0,5,results,lagging,,sam\n' "Win back lapsed enterprise accounts" >> "$T/plan.csv"
run "$LND" --db "$DB" import --plan "$T/plan.csv"
expect_in "a re-run with a new row adds just it" "$OUT" "imported 0 objectives and 1 key result"
expect_in "the new KR is under the existing objective" "$("$LND" --db "$DB" status --format json | jq -r ".objectives[] | select(.id==\"$WB\") | .key_results[].title")" "Win-back deals closed"

# --- another cycle, and one transaction ---
run "$LND" --db "$DB" import --plan "$T/plan.csv" --cycle 2027-Q2 --dry-run
expect_in "--cycle: KRs under O2 (another cycle's objective) are refused" "$ERR" "parent O2 is not an objective of cycle 2027-Q2"
run "$LND" --db "$DB" import --plan "$T/plan.csv" --cycle 2099-Q9
expect_eq "an unknown cycle is refused" "$RC" 65
mkdir -p "$XDG_CONFIG_HOME/lnd/hooks"
printf '#!/bin/sh\ncat > /dev/null\necho call >> "%s/calls"\n' "$T" > "$XDG_CONFIG_HOME/lnd/hooks/on-change"
chmod +x "$XDG_CONFIG_HOME/lnd/hooks/on-change"
printf '%s\n' "kind,title,parent,target,evidence,indicator" "objective,Q2 goal,,,," \
  "kr,Q2 a,Q2 goal,1,activity,leading" "kr,Q2 b,Q2 goal,2,activity,leading" > "$T/q2.csv"
run "$LND" --db "$DB" import --plan "$T/q2.csv" --cycle 2027-Q2
expect_in "--cycle imports into that cycle" "$OUT" "into 2027-Q2"
expect_eq "one transaction: the on-change hook runs once for the whole plan" "$(cat "$T/calls")" "call"

# --- the README's example sheet imports as shown ---
sed -n '/^    kind,title,parent,level,unit/,/^$/p' "$LND_TOP/README.md" | sed 's/^    //; /^$/d' > "$T/readme.csv"
run "$LND" --db "$T/readme.db" init --demo
run "$LND" --db "$T/readme.db" import --plan "$T/readme.csv"
expect_in "the README's example sheet imports" "$RC $OUT" "0 added O12"
expect_in "the README's example: 2 objectives and 2 KRs" "$OUT" "imported 2 objectives and 2 key results"
