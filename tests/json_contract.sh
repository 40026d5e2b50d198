#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/json_contract.sh DOC NAME < JSON — checks one command's JSON against its table in
# docs/json.md (the rows after "<!-- contract: NAME -->"): every field in the output is
# documented, every documented field is present in each object that should hold it, and each
# value has a documented type (string, number, integer, boolean, object, array, time = ISO
# 8601 UTC "YYYY-MM-DDTHH:MM:SSZ", date = "YYYY-MM-DD", id = "O3"/"K12"/"P2", "|null"), and
# each object's keys come in the table's order.
# Prints one line per problem and exits 1 when there are any. Needs jq.
# With a third argument --seen it prints instead the documented fields that hold a non-null
# value in this output, one per line (the suite checks each field is seen set somewhere).
doc=$1 name=$2 mode=$3
rows=$(awk -v n="<!-- contract: $name -->" '
  $0 == n { on = 1; next }
  on && /^<!-- contract:/ { exit }
  on && /^\| `/ {
    line = $0; gsub(/\\\|/, "@", line)        # "\|" inside a cell is an alternative
    split(line, c, "|"); f = c[2]; t = c[3]
    gsub(/[ `]/, "", f); gsub(/ /, "", t); gsub(/@/, "|", t)
    printf "%s{\"p\":\"%s\",\"t\":\"%s\"}", sep, f, t; sep = ","
  }' "$doc")
[ -n "$rows" ] || { echo "no contract table named $name in $doc"; exit 1; }
if [ "$mode" = --seen ]; then
  jq -r '[paths(. != null)] | map(map(if type == "number" then "[]" else "." + . end) | join(""))[]' | sort -u
  exit 0
fi
out=$(jq -r --argjson rows "[$rows]" '
  def okt($t):
    if $t == "integer" then type == "number" and . == floor
    elif $t == "time" then type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
    elif $t == "date" then type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    elif $t == "id" then type == "string" and test("^[OKP][0-9]+$")
    else type == $t end;
  def norm: map(if type == "number" then "[]" else "." + . end) | join("");
  ([{p: "", v: .}] + [paths as $p | {p: ($p | norm), v: getpath($p)}]) as $all
  | ($rows | map({key: .p, value: (.t | split("|"))}) | from_entries) as $spec
  | ($all[] | select(.p != "" and $spec[.p] == null) | "undocumented field \(.p)"),
    ($all[] | select($spec[.p] != null) | . as $x
       | select([$spec[$x.p][] as $t | $x.v | okt($t)] | any | not)
       | "\($x.p): \($x.v | tojson | .[0:60]) is not \($spec[$x.p] | join("|"))"),
    ($rows[] | (.p | capture("^(?<parent>.*)[.](?<key>[a-z_]+)$")?) as $m
       | $all[] | select(.p == $m.parent and (.v | type) == "object" and (.v | has($m.key) | not))
       | "missing field \($m.parent).\($m.key)"),
    ($all[] | select((.v | type) == "object") | . as $x
       | [$rows[] | (.p | capture("^(?<parent>.*)[.](?<key>[a-z_]+)$")?) | select(.parent == $x.p) | .key] as $doc
       | [$x.v | keys_unsorted[] | select(. as $k | $doc | index($k))] as $got
       | [$doc[] | select(. as $k | $x.v | has($k))] as $want
       | select($got != $want)
       | "key order of \(if $x.p == "" then "." else $x.p end): \($got | join(",")) is not as documented: \($want | join(","))")
  ' 2>&1) || { echo "not JSON, or jq failed: $out" | head -3; exit 1; }
[ -z "$out" ] && exit 0
printf '%s\n' "$out" | sort | uniq | head -20
exit 1
