# SPDX-License-Identifier: MIT
# tests/cli/test_ld.sh — the L&D commands of issue 4 as a user meets them: programmes on the
# cycle's timeline, KPIs kept apart from OKRs, behaviour follow-ups due after a programme ends,
# the audit log, the end-of-cycle review and carry-forward, closing a cycle, the report in
# business terms, the JSON round trip, CSV export, and CSV check-in import with every kind of
# bad row (file:line: reason, exit 65, nothing written). Also every command's --help, and that
# user text never puts an ESC byte on the terminal.
. "$LND_TOP/tests/lib.sh"
DB="$T/demo.db"
ESC=$(printf '\033')
setup "demo database for the L&D suite" "$LND" --db "$DB" init --demo
L() { "$LND" --db "$DB" "$@"; }
sj() { "$LND" --db "${2:-$DB}" status --format json | jq -r "$1"; }
count() { "$LND" --db "${1:-$DB}" status --format json | jq '[.objectives[].key_results[].checkins]|add'; }

# --- help: every command answers --help on stdout with exit 0 and its usage ---
for c in programme kpi log due review report export import; do
  run "$LND" "$c" --help
  expect_eq "$c --help exits 0" "$RC" 0
  expect_in "$c --help shows its usage" "$OUT" "usage: lnd $c"
done
run "$LND" review --help
expect_in "review --help explains verdicts by type" "$OUT" "committed needs 1.0, aspirational succeeds at 0.7"
run "$LND" import --help
expect_in "import --help names the CSV columns" "$OUT" "kr (K id or metric name), date (YYYY-MM-DD), value"
run "$LND" --help
for c in programme kpi log due review report export import; do
  expect_in "lnd --help lists $c" "$OUT" "  $c "
done

# --- programmes ---
run L programme list
expect_eq "programme list exits 0" "$RC" 0
expect_in "programme list shows the week timeline header" "$OUT" "timeline (week 7 of 13)"
expect_in "programme list shows P1 serving O2 in weeks 2-4, today marked" "$OUT" "P1    Consultative selling workshop        O2     2-4     .▆▆▆..|......"
run L --ascii programme list
expect_in "programme timeline has an ASCII form" "$OUT" ".===..|......"
run L programme add --title "Data storytelling lab" --objective O6 --start-week 10 --end-week 12 --audience "Tier-1 leads"
expect_eq "programme add exits 0" "$RC" 0
expect_in "programme add says what it added" "$OUT" "P7 Data storytelling lab added (weeks 10-12)"
run L programme add --title "Lunch and learn" --start-week 2 --end-week 3
expect_eq "a programme serving no objective is allowed" "$RC" 0
run L programme list
expect_in "the programme serving nothing shows 'none'" "$OUT" "P8    Lunch and learn                      none   2-3     .▆▆...|......"
expect_in "the new programme is on the timeline" "$OUT" "P7    Data storytelling lab                O6     10-12   ......|..▆▆▆."
before=$(L programme list | wc -l)
run L programme add --title "Backwards" --objective O6 --start-week 5 --end-week 3
expect_eq "programme ending before it starts is bad data" "$RC" 65
expect_in "programme ending before it starts says so" "$ERR" "ends in week 3"
run L programme add --title "Too long" --objective O6 --start-week 5 --end-week 20
expect_eq "programme weeks outside the cycle are bad data" "$RC" 65
run L programme add --title "Ghost" --objective O99 --start-week 1 --end-week 2
expect_eq "programme serving an unknown objective is bad data" "$RC" 65
run L programme add --title "No weeks"
expect_eq "programme add without weeks is a usage error" "$RC" 64
expect_eq "refused programmes add nothing" "$(L programme list | wc -l)" "$before"
run L programme edit P7 --title "Data storytelling lab v2" --end-week 11
expect_eq "programme edit exits 0" "$RC" 0
expect_in "programme edit says updated" "$OUT" "P7 Data storytelling lab v2 updated"
run L programme list
expect_in "edited weeks show on the timeline" "$OUT" "P7    Data storytelling lab v2             O6     10-11   ......|..▆▆.."
run L programme edit P7 --version 1 --title "Stale edit"
expect_eq "programme edit with a stale version is a conflict" "$RC" 75
expect_not_in "a conflicting edit changes nothing" "$(L programme list)" "Stale edit"
run L programme edit P99 --title x
expect_eq "editing an unknown programme is bad data" "$RC" 65
run L programme archive P8
expect_eq "programme archive exits 0" "$RC" 0
expect_not_in "an archived programme leaves the list" "$(L programme list)" "Lunch and learn"
run L programme archive P8
expect_eq "archiving twice is refused" "$RC" 65
run L programme frobnicate
expect_eq "unknown programme action is a usage error" "$RC" 64

# --- KPIs ---
run L kpi list
expect_eq "kpi list exits 0" "$RC" 0
expect_in "kpi list marks an out-of-range KPI" "$OUT" "Learning platform uptime                 99.2 %        >= 99.5          OUT OF RANGE"
expect_in "kpi list shows a healthy KPI as ok" "$OUT" "Compliance training completion             97 %        >= 95            ok"
run L kpi add "Help-desk backlog" --unit tickets --max 50
expect_eq "kpi add exits 0" "$RC" 0
run L kpi add "Help-desk backlog" --unit tickets --max 60
expect_eq "a second KPI with the same name is refused" "$RC" 65
run L kpi add "Nothing" --unit x
expect_eq "kpi add without a range is a usage error" "$RC" 64
run L kpi add "Upside down" --min 10 --max 5
expect_eq "kpi add with min above max is bad data" "$RC" 65
run L kpi list
expect_in "a KPI without a value says so" "$OUT" "Help-desk backlog                           - tickets  <= 50            no value yet"
expect_not_in "refused KPIs are not listed" "$OUT" "Upside down"
run L kpi set "Help-desk backlog" 70
expect_eq "kpi set exits 0" "$RC" 0
expect_in "kpi set out of range says so" "$OUT" "Help-desk backlog = 70  (out of range)"
run L kpi set "Learning platform uptime" 99.9
expect_not_in "kpi set in range is not marked" "$OUT" "out of range"
run L kpi list
expect_in "a KPI set out of range is marked in the list" "$OUT" "Help-desk backlog                          70 tickets  <= 50            OUT OF RANGE"
expect_in "a KPI set back in range is ok" "$OUT" "Learning platform uptime                 99.9 %        >= 99.5          ok"
run L kpi set "Help-desk backlog" lots
expect_eq "kpi set with a non-number is bad data" "$RC" 65
run L kpi set "No such KPI" 1
expect_eq "kpi set on an unknown KPI is bad data" "$RC" 65
expect_not_in "KPIs are kept apart from OKRs (not in status)" "$(L status)" "Help-desk backlog"

# --- audit log ---
run L --user ana log --limit 5
expect_eq "log exits 0" "$RC" 0
expect_in "log shows who set a KPI and the change" "$OUT" "$ACCT (as tester)  value    kpi           2  value: 99.2 → 99.9"
expect_in "log shows a programme edit, field by field" "$(L log)" "edit     programme     7  title: 'Data storytelling lab' → 'Data storytelling lab v2'; end week: 12 → 11"
expect_eq "log --limit keeps the newest N" "$(L log --limit 3 | wc -l)" 3
LND_TODAY=2027-03-01 run L --user marco checkin K3 --observed 8 --applied 7 --note "Role-play debriefs"
run L log --since 2027-03-01
expect_eq "log --since shows only what changed since then" "$(printf '%s\n' "$OUT" | wc -l)" 1
expect_in "log --since shows marco's check-in" "$OUT" "2027-03-01 12:00 UTC  $ACCT (as marco)  checkin"
run L log --since 2030-01-01
expect_in "log --since with nothing newer says so" "$OUT" "no changes since 2030-01-01"
run L log --since 2027-02-30
expect_eq "log --since with a bad date is a usage error" "$RC" 64

# --- behaviour follow-ups (P1 ends week 4 = 2027-01-31; K3 is its behaviour KR) ---
F="$T/fu.db"
setup "demo database for the follow-ups" "$LND" --db "$F" init --demo
LND_TODAY=2027-02-22 run "$LND" --db "$F" due
expect_eq "due exits 0" "$RC" 0
expect_in "+30 days after the programme is upcoming a week before" "$OUT" "upcoming 2027-03-02  K3"
expect_in "+60 days is scheduled" "$OUT" "upcoming 2027-04-01  K3"
expect_in "+90 days is scheduled" "$OUT" "upcoming 2027-05-01  K3"
expect_in "due names the programme behind the follow-up" "$OUT" "+30d after Consultative selling workshop"
expect_not_in "a programme serving nothing schedules no follow-ups" "$OUT" "Coaching circles"
expect_in "results KRs get follow-ups too" "$OUT" "upcoming 2027-03-02  K4 "
expect_not_in "activity and learning KRs get none" "$OUT" "K1 "
LND_TODAY=2027-02-24 run "$LND" --db "$F" due
expect_in "+30 is due in the week before its date" "$OUT" "due      2027-03-02  K3"
LND_TODAY=2027-03-03 run "$LND" --db "$F" due
expect_in "+30 is overdue the day after" "$OUT" "overdue  2027-03-02  K3"
LND_TODAY=2027-03-03 run "$LND" --db "$F" --user marco due --mine
expect_in "--mine shows what marco owns" "$OUT" "K3"
expect_not_in "--mine hides what others own" "$OUT" "K9 "
LND_TODAY=2027-03-03 run "$LND" --db "$F" --user dana due --mine
expect_in "--mine includes what the user co-owns" "$OUT" "overdue  2027-03-02  K3"
LND_TODAY=2027-03-03 run "$LND" --db "$F" --user nobody due --mine
expect_in "--mine with nothing owned says nothing is due" "$OUT" "nothing due"
setup "marco logs the +30 follow-up" env LND_TODAY=2027-03-03 "$LND" --db "$F" --user marco checkin K3 --observed 8 --applied 6
LND_TODAY=2027-03-03 run "$LND" --db "$F" due
expect_not_in "logging the check-in clears the +30 follow-up" "$OUT" "2027-03-02  K3"
expect_in "the +60 follow-up stays open" "$OUT" "upcoming 2027-04-01  K3"
LND_TODAY=2027-04-02 run "$LND" --db "$F" due
expect_in "+60 is overdue after its date" "$OUT" "overdue  2027-04-01  K3"
setup "archive P1" "$LND" --db "$F" programme archive P1
LND_TODAY=2027-04-02 run "$LND" --db "$F" due
expect_not_in "an archived programme schedules nothing" "$OUT" "Consultative selling workshop"
setup "activate 2027-Q2" "$LND" --db "$F" cycle activate 2027-Q2
LND_TODAY=2027-04-28 run "$LND" --db "$F" due
expect_in "follow-ups past the cycle's end still show once the next cycle is active" "$OUT" "overdue  2027-04-27  K13"
setup "close 2027-Q1" "$LND" --db "$F" cycle close 2027-Q1
LND_TODAY=2027-04-28 run "$LND" --db "$F" due
expect_in "a closed cycle's follow-ups stay listed while the window is open" "$OUT" "overdue  2027-04-27  K5"
expect_in "and say when the window closes" "$OUT" "(2027-Q1, closed; window until 2027-07-10)"
LND_TODAY=2027-07-11 run "$LND" --db "$F" due --cycle 2027-Q1
expect_in "after the window closes nothing is listed" "$OUT" "nothing due"
LND_TODAY=2027-04-28 run "$LND" --db "$F" due --format json
expect_in "due --format json lists the follow-up" "$OUT" '"kr": "K5"'
expect_in "with its window" "$OUT" '"window_closes": "2027-07-10"'
LND_TODAY=2027-04-28 run "$LND" --db "$F" --user nobody due --mine --format json
expect_in "due --mine --format json with nothing owned is an empty list" "$OUT" '"followups": []'
F="$T/fu2.db"
setup "second demo database for the follow-ups" "$LND" --db "$F" init --demo
printf 'health = { followup_days = [ 14, 28, 42 ]; };\n' >"$T/fu.conf"
LND_TODAY=2027-03-01 run "$LND" --db "$F" --config "$T/fu.conf" due
expect_in "follow-up offsets come from the config" "$OUT" "+14d after Troubleshooting clinics"

# --- review: scores, verdicts by type ---
run L review
expect_eq "review exits 0" "$RC" 0
expect_in "review shows the cycle and week" "$OUT" "review of 2027-Q1 (active): week 7 of 13"
expect_in "while the cycle runs: a score so far, no verdict" "$OUT" "0.64 committed    so far (the verdict waits for the review)"
# the report while the cycle runs: projections, clearly called that, never verdicts
run L report
expect_in "an active cycle's report projects, labelled as such" "$OUT" "**Score so far (a projection, not a verdict):**"
expect_not_in "an active cycle's report gives no verdict" "$OUT" "**Verdict:**"
expect_in "the business objective reads its revenue result, not the L&D average" "$OUT" "| O1 Grow enterprise revenue 25% through deeper relationship management and consultative selling | aspirational | 8% | 100% | off track |"
expect_in "a business objective's projection comes from its result" "$OUT" "0.08 at today's business result"
setup "the quarter ends: 2027-Q1 into review" L cycle review 2027-Q1
run L review
expect_in "in review: the suggested score (the result), judged by type" "$OUT" "0.47 aspirational partial   (suggested)"
before=$(L review)
run L review set O5 --score 1.2
expect_eq "a score above 1.0 is bad data" "$RC" 65
run L review set O5 --score -0.1
expect_eq "a negative score is bad data" "$RC" 65
run L review set O5 --score high
expect_eq "a non-numeric score is bad data" "$RC" 65
expect_eq "refused scores change nothing" "$(L review)" "$before"
run L review set O99 --score 0.5
expect_eq "reviewing an unknown objective is bad data" "$RC" 65
run L review set O5 --score 1.0 --worked "Checklist adoption" --didnt "Clinics started late"
expect_in "committed at 1.0 is met" "$OUT" "O5 reviewed: 1.00, met"
run L review set O5 --score 0.9
expect_in "committed below 1.0 is a miss" "$OUT" "O5 reviewed: 0.90, missed"
run L review set O4 --score 0.7
expect_in "aspirational at 0.7 is a success" "$OUT" "O4 reviewed: 0.70, success"
run L review set O4 --score 0.69
expect_in "aspirational below 0.7 is partial, not shown as 0.7" "$OUT" "O4 reviewed: 0.69, partial"
run L review set O9 --worked "Circles need protected manager time" --finding "Circles work only when managers get protected time"
expect_in "a learning objective's verdict is its finding" "$OUT" "O9 reviewed: finding: Circles work only when managers get protected time"
run L review set O2 --score 0.8 --carry "Consultative selling for new AMs" --carry-forward
expect_in "carry-forward is recorded" "$OUT" "carries forward"
run L review
expect_in "review lists the scored verdict" "$OUT" "0.90 committed    missed"
expect_in "review shows 0.69 as 0.69, not rounded up to 0.7" "$OUT" "0.69 aspirational partial"
expect_in "review lists the retrospective" "$OUT" "did not  Clinics started late"
expect_in "review shows what carries forward" "$OUT" "-> carries forward to the next cycle"

# --- report ---
run L report
expect_eq "report exits 0" "$RC" 0
R=$OUT
expect_in "report puts a KR in business terms" "$R" "First-call resolution moved from 64% to 71% (target 75%)"
expect_in "report is Markdown with a YAML title block" "$R" 'title: "2027-Q1: learning in business terms"'
expect_in "report in review has a summary table with verdicts, no live status" "$R" "| Objective | Type | Result | Delivery | Verdict |"
expect_in "report has the chain of evidence" "$R" "**Chain of evidence**"
expect_in "chain starts with the programmes delivered" "$R" "1. Programmes delivered: Troubleshooting clinics (weeks 3–9"
expect_in "chain goes through behaviour" "$R" "3. Behaviour: Agents using the diagnostic checklist on observed calls moved from 10% to 70% (target 80%)"
expect_in "report shows a reviewed verdict" "$R" "**Verdict:** 0.9, missed."
expect_in "summary: a reviewed verdict stands alone" "$(printf '%s\n' "$R" | grep '^| O5 ')" "| missed |"
expect_in "summary: an unreviewed one says it is only suggested" "$(printf '%s\n' "$R" | grep '^| O3 ')" "(suggested, not yet reviewed) |"
expect_in "report shows a suggested verdict as such" "$R" "not yet reviewed)"
expect_in "report shows the retrospective" "$R" "- What did not: Clinics started late"
expect_in "report has the health findings in an appendix" "$R" "## Appendix: health findings"
expect_in "report lists what carries forward" "$R" "- O2 Equip the enterprise sales team to win and deepen high-value client relationships: Consultative selling for new AMs"
expect_in "report says when a decrease KR moved down" "$R" "Privacy incidents in the 90 days after training moved from 12 incidents to 10 incidents (target 4 incidents)"
expect_in "report says when a KR has no measurement" "$R" "Attrition of direct reports (annualised): no measurement yet (target 8%)"
run L report --format text
expect_eq "report --format text exits 0" "$RC" 0
expect_in "text report keeps the business sentence" "$OUT" "First-call resolution moved from 64% to 71% (target 75%)"
expect_not_in "text report has no Markdown emphasis" "$OUT" "**"
expect_not_in "text report has no heading marks" "$OUT" "## "
run L report --format pdf
expect_eq "report with an unknown format is a usage error" "$RC" 64
run L report --cycle nope
expect_eq "report of an unknown cycle is bad data" "$RC" 65

# --- carry forward and closing ---
run L review carry
expect_eq "carry without --to is a usage error" "$RC" 64
run L review carry --to 2027-Q1
expect_eq "carry into the same cycle is refused" "$RC" 65
run L review carry --to 2027-Q9
expect_eq "carry into an unknown cycle is bad data" "$RC" 65
before_carry=$(L export --cycle 2027-Q2)
run L review carry --to 2027-Q2
expect_eq "carrying an L&D objective without its business parent is refused" "$RC" 64
expect_in "the refusal names the parent and both ways out" "$ERR" "O2 would arrive without its parent O1, which is not carried; add --with-parents"
expect_eq "a refused carry writes nothing" "$(L export --cycle 2027-Q2)" "$before_carry"
run L review carry --to 2027-Q2 --parent O1
expect_eq "a parent from the old cycle is refused" "$RC" 65
expect_in "it says the parent must be in the next cycle" "$ERR" "in another cycle"
run L review carry --to 2027-Q2 --with-parents
expect_eq "review carry --with-parents exits 0" "$RC" 0
expect_in "carry says how many objectives it created" "$OUT" "carried 2 objectives forward into 2027-Q2"
expect_in "carry prints the parent's new id" "$OUT" "O1 -> O12 (as a parent)"
expect_in "carry prints the new id" "$OUT" "O2 -> O13"
Q2=$(L status --cycle 2027-Q2 --format json)
expect_eq "the carried objective keeps its business parent" \
  "$(printf '%s' "$Q2" | jq -r '.objectives[]|select(.id=="O13")|.parent')" "O12"
expect_eq "done KRs stay behind; the open ones come along" \
  "$(printf '%s' "$Q2" | jq -r '[.objectives[].key_results[]|"\(.title|.[0:20])=\(.baseline)"]|join(",")')" \
  "Enterprise revenue g=2"
expect_eq "carried KRs start with no check-ins" "$(printf '%s' "$Q2" | jq '[.objectives[].key_results[].checkins]|add')" 0
run L status --cycle 2027-Q2
expect_in "status shows where a carried objective came from" "$OUT" "carried from O2 (2027-Q1, scored 0.8): Consultative selling for new AMs"
X=$(L export --cycle 2027-Q2)
expect_eq "the carried objectives link back to where they came from" "$(printf '%s' "$X" | jq -c '[.cycles[0].objectives[].carried_from]')" "[1,2]"
expect_eq "carried KRs link back to theirs" "$(printf '%s' "$X" | jq -c '[.cycles[0].key_results[].carried_from]')" "[4]"
run L review carry --to 2027-Q2
expect_in "carrying again creates no duplicates" "$OUT" "carried 0 objectives"
expect_in "carrying again says where they went" "$OUT" "O2 -> O13 (carried before)"
expect_eq "the next cycle still has two objectives" "$(L status --cycle 2027-Q2 --format json | jq '.objectives|length')" 2
q1count() { L status --cycle 2027-Q1 --format json | jq '[.objectives[].key_results[].checkins]|add'; }
before=$(q1count)
run L cycle close 2027-Q1
expect_eq "closing the cycle exits 0" "$RC" 0
run L checkin K8 74
expect_eq "closing a cycle locks its check-ins" "$RC" 65
expect_in "the locked check-in says why" "$ERR" "closed"
printf 'kr,date,value\nK8,2027-03-01,74\n' >"$T/closed.csv"
run L import --checkins "$T/closed.csv"
expect_eq "CSV import into a closed cycle is refused" "$RC" 65
expect_eq "a closed cycle gains no check-ins" "$(q1count)" "$before"
run L report --cycle 2027-Q1
expect_in "the closed cycle's report says so" "$OUT" 'subtitle: "Cycle closed, 2027-01-04 to 2027-04-04"'

# --- export / import: the JSON round trip ---
run L export -o "$T/a.json"
expect_eq "export json to a file exits 0" "$RC" 0
expect_eq "export json parses" "$(jq -r '"\(.format) \(.cycles|length)"' "$T/a.json")" "lnd-export 3"
run "$LND" --db "$T/copy.db" import "$T/a.json"
expect_eq "import into an empty database exits 0" "$RC" 0
expect_in "import says what it restored" "$OUT" "imported 3 cycles and 4 KPIs"
"$LND" --db "$T/copy.db" export >"$T/b.json" || die "export of the restored copy"
check "export -> import -> export is byte-identical" cmp -s "$T/a.json" "$T/b.json"
expect_eq "the restored database reports the same" "$("$LND" --db "$T/copy.db" report --cycle 2027-Q1)" "$(L report --cycle 2027-Q1)"
expect_eq "the restored log is the same" "$("$LND" --db "$T/copy.db" log)" "$(L log)"
before=$(count "$T/fu2.db"); logn=$("$LND" --db "$T/fu2.db" log | wc -l)
run "$LND" --db "$T/fu2.db" import "$T/a.json"
expect_eq "import into a non-empty database is refused" "$RC" 65
expect_in "the refusal says to use a new database" "$ERR" "not empty"
expect_eq "the refused import wrote no check-ins" "$(count "$T/fu2.db")" "$before"
expect_eq "the refused import wrote no log entries" "$("$LND" --db "$T/fu2.db" log | wc -l)" "$logn"
jq '.cycles[1].key_results[2].direction = "sideways"' "$T/a.json" >"$T/bad.json" || die "an export with a bad direction"
run "$LND" --db "$T/bad.db" import "$T/bad.json"
expect_eq "an export with a bad value is bad data" "$RC" 65
expect_in "the bad value is named" "$ERR" "key result 3: \"direction\" has an unknown value"
run "$LND" --db "$T/bad.db" import "$T/a.json"
expect_eq "a failed import leaves the database empty (a good import then works)" "$RC" 0
printf '{"format": "lnd-export", "cycles": [' >"$T/trunc.json"
run "$LND" --db "$T/t.db" import "$T/trunc.json"
expect_eq "truncated JSON is bad data" "$RC" 65
expect_in "truncated JSON says file:line" "$ERR" "trunc.json:1:"
printf '{"hello": 1}\n' >"$T/other.json"
run "$LND" --db "$T/t.db" import "$T/other.json"
expect_eq "a JSON file that is not an export is bad data" "$RC" 65
run "$LND" --db "$T/t.db" import "$T/missing.json"
expect_eq "a missing import file is no input" "$RC" 66

# --- export csv ---
run L export --format csv -o "$T/all.csv"
expect_eq "export csv exits 0" "$RC" 0
expect_eq "export csv header" "$(head -1 "$T/all.csv")" \
  "cycle,objective_id,objective,kr_id,kr,unit,baseline,target,direction,evidence,indicator,at,value,confidence,observed,applied,author,note,cohort,followup"
# sqlite3's .import is an RFC 4180 parser (quotes, commas and newlines inside fields)
csvq() { sqlite3 :memory: ".mode csv" ".import '$1' t" "$2"; }
ncheck=$(L export | jq '[.cycles[].checkins[]]|length')
expect_eq "csv has one row per check-in, plus KRs never checked in" \
  "$(csvq "$T/all.csv" "select count(*) from t where at <> ''")" "$ncheck"
expect_eq "csv keeps the business numbers" \
  "$(csvq "$T/all.csv" "select baseline||'>'||value||'>'||target from t where kr = 'First-call resolution' order by at desc limit 1")" "64>71>75"
expect_eq "csv keeps cohorts and follow-up marks" \
  "$(csvq "$T/all.csv" "select cohort||'/'||followup from t where kr_id = 'K16' and cohort = 'trained' order by at desc limit 1")" "trained/60"
expect_eq "csv numbers are short (3.6, not 3.6000000000000001)" \
  "$(csvq "$T/all.csv" "select distinct baseline from t where kr_id = 'K14'")" "3.6"
run L export --format csv --cycle 2027-Q2
expect_eq "csv of one cycle has only its rows" "$(printf '%s\n' "$OUT" | sed 1d | cut -d, -f1 | sort -u)" '"2027-Q2"'
run L export --format xml
expect_eq "export with an unknown format is a usage error" "$RC" 64
run L export --cycle nope
expect_eq "export of an unknown cycle is bad data" "$RC" 65

# --- import --checkins ---
C="$T/ci.db"
setup "demo database for the CSV import" "$LND" --db "$C" init --demo
setup "a second KR named First-call resolution" "$LND" --db "$C" kr add --evidence results --indicator lagging --objective O4 --title "First-call resolution" --unit % --baseline 50 --target 60
imp() { "$LND" --db "$C" import --checkins "$@"; }
printf 'kr,date,value,confidence,note\r\nK8,2027-02-15,72,7,"Checklist, team B"\r\nK9,2027-02-16,75,,"Two teams:\r\n""A"" and ""B"""\r\nK10,2027-02-16 09:30:00,71,8,\r\n' >"$T/good.csv"
before=$(count "$C")
run imp "$T/good.csv"
expect_eq "a good CSV imports" "$RC" 0
expect_in "import says how many it added" "$OUT" "imported 3 check-ins"
expect_eq "three check-ins were added" "$(count "$C")" $((before + 3))
X=$("$LND" --db "$C" export)
expect_eq "a quoted comma stays in the note" \
  "$(printf '%s' "$X" | jq -r '.cycles[1].checkins[]|select(.kr==8 and .at=="2027-02-15T12:00:00Z")|.note')" "Checklist, team B"
expect_eq "a quoted newline and doubled quotes stay in the note" \
  "$(printf '%s' "$X" | jq -c '.cycles[1].checkins[]|select(.kr==9 and .value==75)|.note')" '"Two teams:\r\n\"A\" and \"B\""'
expect_eq "confidence and time are kept" \
  "$(printf '%s' "$X" | jq -r '.cycles[1].checkins[]|select(.kr==10 and .value==71)|"\(.at) \(.confidence)"')" "2027-02-16T09:30:00Z 8"
expect_eq "an empty confidence is no confidence" \
  "$(printf '%s' "$X" | jq -r '.cycles[1].checkins[]|select(.kr==9 and .value==75)|.confidence')" "null"
expect_eq "the latest CSV value becomes the KR's current value" "$(sj '.objectives[].key_results[]|select(.id=="K10")|.current' "$C")" 71
run imp "$T/good.csv"
expect_eq "re-importing the same file succeeds" "$RC" 0
expect_in "re-importing says they were already present" "$OUT" "imported 0 check-ins from $T/good.csv (3 already present)"
expect_eq "re-importing adds no duplicates" "$(count "$C")" $((before + 3))
printf '\357\273\277kr,date,value\nTroubleshooting assessment average score,2027-02-17,72\n' >"$T/bom.csv"
run imp "$T/bom.csv"
expect_eq "a spreadsheet's UTF-8 BOM and a metric name are accepted" "$RC" 0

# bad NAME CONTENT LINE REASON: the import stops with FILE:LINE: REASON, exit 65, nothing written
bad() {
  printf "$2" >"$T/bad.csv"
  b=$(count "$C")
  run imp "$T/bad.csv"
  expect_eq "$1: exit 65" "$RC" 65
  expect_in "$1: file:line: reason" "$ERR" "$T/bad.csv:$3: $4"
  expect_eq "$1: nothing written" "$(count "$C")" "$b"
}
OKROW='K8,2027-02-10,70.5\n'
bad "unknown KR id" "kr,date,value\n$OKROW""K999,2027-02-10,70\n" 3 "no key result K999"
bad "unknown metric name" "kr,date,value\n$OKROW""Net promoter score,2027-02-10,70\n" 3 "no key result with metric name 'Net promoter score'"
bad "ambiguous metric name" "kr,date,value\n$OKROW""First-call resolution,2027-02-10,70\n" 3 "metric name 'First-call resolution' matches several key results"
bad "impossible date" "kr,date,value\n$OKROW""K8,2027-02-30,70\n" 3 "date '2027-02-30' is not YYYY-MM-DD"
bad "date in another format" "kr,date,value\n$OKROW""K8,17/02/2027,70\n" 3 "date '17/02/2027'"
bad "impossible time" "kr,date,value\n$OKROW""K8,2027-02-10 25:61:00,70\n" 3 "date '2027-02-10 25:61:00'"
bad "non-numeric value" "kr,date,value\n$OKROW""K8,2027-02-10,7o\n" 3 "value '7o' is not a number"
bad "empty value" "kr,date,value\n$OKROW""K8,2027-02-10,\n" 3 "value '' is not a number"
bad "confidence out of range" "kr,date,value,confidence\nK8,2027-02-10,70,5\nK8,2027-02-11,70,11\n" 3 "confidence '11' must be a whole number from 0 to 10"
bad "fractional confidence" "kr,date,value,confidence\nK8,2027-02-11,70,7.5\n" 2 "confidence '7.5'"
bad "too few columns" "kr,date,value\n$OKROW""K8,2027-02-10\n" 3 "2 columns, but the header has 3"
bad "too many columns" "kr,date,value\n$OKROW""K8,2027-02-10,70,extra\n" 3 "4 columns, but the header has 3"
bad "error after a quoted newline" "kr,date,value,note\nK8,2027-02-10,70,\"line one\nline two\nline three\"\nK999,2027-02-11,70,x\n" 5 "no key result K999"
bad "a bad row that spans lines" "note,kr,date,value\n\"first\nsecond\",K999,2027-02-11,70\n" 2 "no key result K999"
bad "unterminated quote" "kr,date,value,note\nK8,2027-02-10,70,\"ok\nstill ok\"\n\nK8,2027-02-11,70,\"never\nclosed\n" 5 "unterminated quoted field"
bad "stray quote" "kr,date,value\n$OKROW""K8,2027-\"02-11,70\n" 3 "a quote inside an unquoted field"
bad "missing header column" "kr,value\nK8,70\n" 1 "the header must name the columns kr, date and value"
bad "unknown header column" "kr,date,value,colour\nK8,2027-02-10,70,red\n" 1 "unknown column 'colour'"
bad "repeated header column" "kr,date,value,value\nK8,2027-02-10,70,71\n" 1 "column 'value' appears twice"
bad "empty file" "" 1 "empty file"
bad "bad row after good rows" "kr,date,value\n$OKROW$OKROW$OKROW""K8,yesterday,70\n" 5 "date 'yesterday'"
bad "empty kr" "kr,date,value\n,2027-02-10,70\n" 2 "empty kr column"
run imp "$T/nope.csv"
expect_eq "a missing CSV is no input" "$RC" 66
printf 'kr,date,value\n"K8\033[2J",2027-02-10,70\n' >"$T/esc.csv"
run imp "$T/esc.csv"
expect_not_in "an error quoting the file has no ESC byte" "$ERR" "$ESC"

# --- sanitising: user text never puts ESC on the terminal ---
S="$T/esc.db"
setup "demo database for the ESC checks" "$LND" --db "$S" init --demo
setup "an objective title with ESC" "$LND" --db "$S" objective edit O6 --title "Tier-1 $(printf '\033[2J\033]0;pwned\007')capability"
setup "a programme title with ESC" "$LND" --db "$S" programme add --title "Clinic $(printf '\033[31m')red" --objective O6 --start-week 2 --end-week 3
setup "the ESC cycle into review" "$LND" --db "$S" cycle review 2027-Q1
setup "a review text with ESC" "$LND" --db "$S" review set O6 --score 0.5 --worked "ok $(printf '\033[1m')bold"
setup "a check-in note with ESC" "$LND" --db "$S" checkin K8 72 --note "note $(printf '\033[5m')blink"
run "$LND" --db "$S" kpi add "Uptime $(printf '\033[7m')" --min 99
expect_not_in "kpi add prints no ESC" "$OUT" "$ESC"
check "the ESC titles were stored" sh -c "'$LND' --db '$S' export | grep -q 'pwned'"
for c in "report" "report --format text" "log" "programme list" "kpi list" "review" "due"; do
  LND_TODAY=2027-03-10 run "$LND" --db "$S" $c
  expect_not_in "$c prints no ESC from user text" "$OUT" "$ESC"
done
LND_TODAY=2027-03-10 run "$LND" --db "$S" report
expect_in "report shows a control character visibly" "$OUT" "Tier-1 "
