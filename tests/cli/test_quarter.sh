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
expect_eq "export has the hypothesis" "$(jq -r '.cycles[0].objectives[]|select(.id==9)|.hypothesis' "$T/a.json")" \
  "Peer coaching circles make managers coach weekly"
expect_eq "export has the finding" "$(jq -r '.cycles[0].reviews[]|select(.objective==9)|.finding' "$T/a.json")" \
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
