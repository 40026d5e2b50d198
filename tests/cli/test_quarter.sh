# SPDX-License-Identifier: MIT
# tests/cli/test_quarter.sh — the end of the quarter as leaders read it (issue 11): learning
# objectives need a hypothesis and are judged by their finding (H15 for older ones), the
# fields survive export/import byte for byte, carried objectives say where they came from,
# the report reads as a leader's account, a confidence drop needs a reason (CLI and import),
# and `lnd digest` in every format.
. "$LND_TOP/tests/lib.sh"
DB="$T/q.db"
setup "demo database" "$LND" --db "$DB" init --demo
L() { "$LND" --db "$DB" "$@"; }

# --- learning objectives say what they test ---
before=$(L export)
run L objective add --title "Try peer learning" --type learning --parent O3
expect_eq "a learning objective without --hypothesis is a usage error" "$RC" 64
expect_in "the refusal says what to add" "$ERR" "a learning objective needs --hypothesis"
expect_eq "a refused learning objective writes nothing" "$(L export)" "$before"
run L objective add --title "Try peer learning" --type learning --parent O3 --hypothesis "Peers teach faster than slides"
expect_eq "with a hypothesis it is added" "$RC" 0
expect_eq "the hypothesis is kept" "$(L status --format json | jq -r '.objectives[]|select(.title=="Try peer learning")|.hypothesis')" \
  "Peers teach faster than slides"
expect_eq "the demo's learning objective O9 has a hypothesis" \
  "$(L status --format json | jq -r '.objectives[]|select(.id=="O9")|.hypothesis|length > 20')" true
run L objective edit O4 --type learning
expect_eq "turning an objective into a learning one needs a hypothesis too" "$RC" 64
run L check
expect_not_in "H15 is quiet while every learning objective has a hypothesis" "$OUT" "H15"
# an older database: a learning objective from before hypotheses existed
sqlite3 "$DB" "UPDATE objective SET hypothesis = '' WHERE id = 9" || die "blank O9's hypothesis"
run L check
expect_in "H15 flags an older learning objective without a hypothesis" "$OUT" "H15"
expect_in "H15 names the objective" "$OUT" "O9 'Grow first-time managers"
run L objective edit O9 --hypothesis "Peer coaching circles make managers coach weekly"
run L check
expect_not_in "H15 clears once the hypothesis is given" "$OUT" "H15"

# --- review: the finding is the verdict, no suggested score ---
run L review
expect_in "a learning objective has no suggested score, only a finding to give" "$OUT" "learning     no finding yet"
run L review set O9 --finding "Circles work only when managers get protected time" --worked "peer circles"
expect_eq "review set --finding exits 0" "$RC" 0
expect_in "the verdict is the finding" "$OUT" "O9 reviewed: finding: Circles work only when managers get protected time"
run L review
expect_in "review lists the finding as the verdict" "$OUT" "learning     finding: Circles work only when managers get protected time"

# --- the fields survive export / import exactly ---
L export >"$T/a.json" || die "export"
expect_eq "export has the hypothesis" "$(jq -r '.cycles[]|select(.name=="2027-Q1")|.objectives[]|select(.id==9)|.hypothesis' "$T/a.json")" \
  "Peer coaching circles make managers coach weekly"
expect_eq "export has the finding" "$(jq -r '.cycles[]|select(.name=="2027-Q1")|.reviews[]|select(.objective==9)|.finding' "$T/a.json")" \
  "Circles work only when managers get protected time"
run "$LND" --db "$T/b.db" import "$T/a.json"
expect_eq "import of it exits 0" "$RC" 0
"$LND" --db "$T/b.db" export >"$T/b.json" || die "second export"
check "export -> import -> export is byte-identical with hypothesis and finding" cmp -s "$T/a.json" "$T/b.json"
jq 'del(.cycles[].objectives[].hypothesis, .cycles[].reviews[].finding)' "$T/a.json" >"$T/old.json"
run "$LND" --db "$T/c.db" import "$T/old.json"
expect_eq "an export from before schema 5 still imports" "$RC" 0

# --- a confidence drop of 3 or more needs a reason ---
ncheckins() { L status --format json | jq '[.objectives[].key_results[]|select(.id=="K8")|.checkins]|add'; }
setup "a confident check-in on K8" L checkin K8 70 --confidence 9
n0=$(ncheckins)
run L checkin K8 69 --confidence 5
expect_eq "a drop from 9 to 5 without a note is a usage error" "$RC" 64
expect_in "the refusal names the drop and the fix" "$ERR" "confidence on K8 drops from 9 to 5; say why with --note"
expect_eq "nothing is written when refused" "$(ncheckins)" "$n0"
run L checkin K8 69 --confidence 7
expect_eq "a drop of 2 needs no note" "$RC" 0
run L checkin K8 69 --confidence 4 --note "Two senior agents left"
expect_eq "a drop of 3 with a note is logged" "$RC" 0
printf 'progress = { confidence_drop = 5; };\n' >"$T/drop.conf"
run L --config "$T/drop.conf" checkin K8 69 --confidence 0
expect_eq "the size of the drop comes from the config (progress.confidence_drop)" "$RC" 0
setup "back up to 8" L checkin K8 70 --confidence 8 --note "recovered"
n1=$(ncheckins)
printf 'kr,date,value,confidence,note\nK8,2027-02-16,70,8,fine\nK8,2027-02-17,68,2,\n' >"$T/drop.csv"
run L import --checkins "$T/drop.csv"
expect_eq "import applies the same rule: bad data" "$RC" 65
expect_in "import names file:line of the drop" "$ERR" "drop.csv:3: confidence on K8 drops from 8 to 2 without a note"
expect_eq "a refused import writes nothing" "$(ncheckins)" "$n1"
printf 'kr,date,value,confidence,note\nK8,2027-02-17,68,2,"Budget frozen, no clinics"\n' >"$T/drop2.csv"
run L import --checkins "$T/drop2.csv"
expect_eq "with a note the drop imports" "$RC" 0

# --- the report, as a leader reads it ---
run L report
expect_in "a running cycle's report has a YAML title block" "$OUT" 'title: "2027-Q1: learning in business terms"'
expect_in "while it runs the subtitle says the week" "$OUT" "week 7 of 13"
expect_in "while it runs the summary shows live status" "$OUT" "| Objective | Type | Result | Delivery | Status |"
expect_in "a KR's progress reads as a share of the way, not a value" "$OUT" \
  "First-call resolution moved from 64% to 68% (target 75%) — 36% of the way to target, off track"
expect_in "each KR shows its confidence trend" "$OUT" "confidence 7 → 9 → 7 → 4 → 0 → 8 → 2"
expect_in "the plan's evidence mix" "$OUT" "*Evidence mix of the plan:* KRs: 20% activity, 20% learning, 20% behaviour, 40% results."
expect_in "each objective's evidence mix" "$OUT" "*Evidence mix:* KRs: 25% activity, 25% learning, 25% behaviour, 25% results."
expect_in "KPIs have their own section" "$OUT" "## KPIs"
expect_in "a KPI below its range is out of range" "$OUT" "| Learning platform uptime | 99.2% | at least 99.5% | **out of range** |"
setup "a new uptime reading" L kpi set "Learning platform uptime" 99.7
run L report
expect_in "a KPI's trend comes from its history" "$OUT" "| Learning platform uptime | 99.7% | at least 99.5% | in range | up from 99.2% |"
expect_in "check-in discipline per owner" "$OUT" "| Owner | KRs | On time | Late | Quiet |"
expect_in "an owner's KRs are counted on time, late or quiet" "$OUT" "| priya | 8 | 6 | 1 | 1 |"
expect_in "findings are an appendix" "$OUT" "## Appendix: health findings"
expect_in "a finding is a plain sentence with the full title" "$OUT" \
  "- Key result K15 “Attrition of direct reports (annualised)” has no baseline, so its change cannot be shown."
expect_not_in "the report quotes no CLI command" "$OUT" "lnd "
expect_not_in "the report cuts no title" "$OUT" "…"
expect_not_in "the report names no rule ids" "$OUT" "H04"
setup "review 2027-Q1" L cycle review 2027-Q1
run L report
R=$OUT
expect_not_in "in review: no week count" "$R" "week 7 of 13"
expect_in "in review: the subtitle names the dates" "$R" 'subtitle: "Cycle in review, 2027-01-04 to 2027-04-04"'
expect_in "in review: the summary has verdicts" "$R" "| Objective | Type | Result | Delivery | Verdict |"
expect_not_in "in review: no live status next to the verdict" "$R" "on track"
expect_in "in review a KR line has no live status" "$R" "— 36% of the way to target; results, lagging"
expect_in "a learning objective states its hypothesis" "$R" "- Hypothesis: Peer coaching circles make managers coach weekly"
expect_in "its verdict is the finding" "$R" "**Verdict (what was learned):** Circles work only when managers get protected time."
expect_in "what was learned is gathered for the reader" "$R" "## What was learned"
printf '%s\n' "$R" >"$T/r.md"
if command -v pandoc >/dev/null 2>&1; then
  pandoc -s "$T/r.md" -o "$T/r.html" 2>"$T/pandoc.err"
  expect_eq "pandoc -s converts the report" "$?" 0
  expect_eq "pandoc -s does not warn (the title block is there)" "$(cat "$T/pandoc.err")" ""
  expect_in "pandoc reads the title" "$(cat "$T/r.html")" "<title>2027-Q1: learning in business terms</title>"
else
  expect_eq "the report starts with a YAML title block (pandoc not installed)" "$(head -1 "$T/r.md")" "---"
fi
run L report --format text
expect_in "the text report turns the title block into lines" "$OUT" "2027-Q1: learning in business terms
Cycle in review, 2027-01-04 to 2027-04-04"
expect_not_in "the text report has no YAML" "$OUT" "title:"
# carried objectives in the next cycle's report
setup "mark O6 to carry" L review set O6 --score 0.5 --carry "De-escalation for night shifts" --carry-forward
setup "carry O6 with its parent" L review carry --to 2027-Q2 --with-parents
run L report --cycle 2027-Q2
expect_in "the next cycle's report says where a carried objective came from" "$OUT" \
  "carried from O6 (2027-Q1, scored 0.5): De-escalation for night shifts"

# --- lnd digest: due, off track, confidence dropped; every format; no state ---
DD="$T/digest.db"
setup "a second demo database" "$LND" --db "$DD" init --demo
D() { "$LND" --db "$DD" "$@"; }
setup "K9 drops with a reason" D checkin K9 10 --confidence 1 --note "Checklist dropped after the tool change"
log_before=$(D log | wc -l)
run D digest
expect_eq "digest exits 0" "$RC" 0
expect_in "digest names its window: the last 7 days by default" "$OUT" "Digest of 2027-Q1, 2027-02-10 to 2027-02-17"
expect_in "digest lists check-ins due by cadence" "$OUT" "K8 First-call resolution: check-in due 2027-02-19"
expect_in "digest marks overdue ones" "$OUT" "K15 Attrition of direct reports (annualised): check-in overdue since"
expect_in "digest lists what went off track since" "$OUT" "Went off track (1)
  K9 Agents using the diagnostic checklist on observed calls: off track, was on track"
expect_in "digest lists which confidence dropped, with the reason" "$OUT" \
  "K9 Agents using the diagnostic checklist on observed calls: 8 -> 1 on 2027-02-17 by tester: Checklist dropped after the tool change"
expect_eq "digest stays short enough for a mail" "$(printf '%s\n' "$OUT" | wc -l | awk '$1 <= 30 {print "short"}')" short
run D digest --since 2027-02-17
expect_not_in "a window starting today has nothing gone off track" "$OUT" "Went off track"
run D digest --mine --user lee
expect_not_in "--mine leaves out others' KRs" "$OUT" "K3 "
expect_in "--mine keeps one's own" "$OUT" "K9 Agents using"
run D digest --mine --user nobody
expect_in "--mine with nothing owned says so" "$OUT" "Nothing due, nothing went off track, no confidence dropped."
run D digest --format md
expect_in "md digest has a heading" "$OUT" "# Digest of 2027-Q1, 2027-02-10 to 2027-02-17"
expect_in "md digest has sections with bullets" "$OUT" "## Went off track (1)

- K9 Agents using the diagnostic checklist on observed calls: off track, was on track"
run D digest --format json
expect_eq "json digest parses back: the KR gone off track" "$(printf '%s' "$OUT" | jq -r '.off_track[0].kr')" K9
expect_eq "json digest: its statuses" "$(printf '%s' "$OUT" | jq -r '.off_track[0]|"\(.was) -> \(.now)"')" "on track -> off track"
expect_eq "json digest: the drop and its note" "$(printf '%s' "$OUT" | jq -r '.confidence_drops[0]|"\(.from)->\(.to) \(.note)"')" \
  "8->1 Checklist dropped after the tool change"
expect_eq "json digest: due items with dates" "$(printf '%s' "$OUT" | jq -r '[.due[]|select(.kr=="K8")][0].date')" 2027-02-19
expect_eq "json digest: the window" "$(printf '%s' "$OUT" | jq -r '"\(.since) \(.today)"')" "2027-02-10 2027-02-17"
expect_eq "digest keeps no state (nothing written)" "$(D log | wc -l)" "$log_before"
run D digest --since yesterday
expect_eq "a bad --since is a usage error" "$RC" 64
run D digest --format pdf
expect_eq "an unknown format is a usage error" "$RC" 64

# --- found by the independent review of issue 11 ---
F="$T/fix.db"
setup "a fresh demo for the review findings" "$LND" --db "$F" init --demo
X() { "$LND" --db "$F" "$@"; }
# a check-in without a confidence does not reset the drop rule
setup "K5 at confidence 7, then a value with no confidence" X checkin K5 39
run X checkin K5 38 --confidence 1
expect_eq "a drop from the last stated confidence (7 -> 1) still needs a note" "$RC" 64
expect_in "and names it" "$ERR" "drops from 7 to 1"
printf 'kr,date,value,confidence,note\nK5,2027-02-16,37,,\nK5,2027-02-17,36,1,\n' >"$T/drop.csv"
run X import --checkins "$T/drop.csv"
expect_eq "the same in an import (file:line, 65)" "$RC" 65
expect_in "naming the line" "$ERR" "drop.csv:3: confidence on K5 drops from 7 to 1"
# a learning objective in a plan file needs its hypothesis
printf 'kind,title,level,type\nobjective,Try shadowing,business,learning\n' >"$T/learn.csv"
run X import --plan "$T/learn.csv"
expect_eq "plan import: a learning objective without a hypothesis is refused" "$RC" 65
expect_in "with file:line" "$ERR" "learn.csv:2: a learning objective needs a hypothesis"
printf 'kind,title,level,type,hypothesis\nobjective,Try shadowing,business,learning,Shadowing beats slides\n' >"$T/learn.csv"
run X import --plan "$T/learn.csv"
expect_eq "with the hypothesis column it is imported" "$RC" 0
expect_eq "and the hypothesis is stored" "$(X status --format json | jq -r '.objectives[]|select(.title=="Try shadowing")|.hypothesis')" "Shadowing beats slides"
setup "into review" X cycle review 2027-Q1
run X review set O9 --score 0.9
expect_eq "a learning objective takes a finding, not a score (64)" "$RC" 64
expect_eq "no score was stored" "$(X export | jq '[.cycles[].reviews[]|select(.objective==9)]|length')" 0
setup "an earlier cycle" X cycle add 2026-Q3 --start 2026-07-06
run X review carry --to 2026-Q3 --with-parents
expect_eq "carrying forward into an earlier cycle is refused (65)" "$RC" 65
expect_in "saying why" "$ERR" "not after 2027-Q1"
