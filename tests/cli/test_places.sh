# SPDX-License-Identifier: MIT
# tests/cli/test_places.sh — where lnd reads from: a config @include is refused with file:line
# (78) before libconfig can act on it, any scheme:// but file: and postgresql: is refused (78)
# and creates nothing, a PostgreSQL server that is not there is one line (69), file: URIs
# work, an SQLite file that is not lnd's is refused as such (65), and an out-of-range busy
# timeout is a configuration error (78).
. "$LND_TOP/tests/lib.sh"
cd "$T" || exit 1

# --- @include ---
mkdir -p "$T/inc.d"
printf 'user = "ann"\n\n  @include "%s"\n' "$T/inc.d" >"$T/inc.conf"
run "$LND" --config "$T/inc.conf" --db "$T/x.db" init
expect_eq "@include of a directory exits 78" "$RC" 78
expect_eq "@include: one line with file:line" "$ERR" \
  "lnd: $T/inc.conf:3: @include is not supported; copy the settings into this file"
check "@include: nothing created" test ! -e "$T/x.db"
printf '@include "/etc/passwd"\n' >"$T/inc2.conf"
run "$LND" --config "$T/inc2.conf" --db "$T/x.db" init
expect_eq "@include of a file exits 78 too" "$RC" 78

# --- database locations ---
run "$LND" --db postgresql://lnd@127.0.0.1:1/lnd init
expect_eq "postgresql:// with no server there exits 69" "$RC" 69
expect_eq "postgresql://: one line naming host, port and reason" "$ERR" \
  "lnd: cannot connect to 127.0.0.1:1: Connection refused"
check "postgresql:// creates no directory" test ! -e "$T/postgresql:"
run "$LND" --db foo://x status
expect_eq "foo://x exits 78" "$RC" 78
expect_in "foo://x is named" "$ERR" "foo:// is not supported yet"
LND_DB=mysql://db/lnd run "$LND" status
expect_eq "a scheme in \$LND_DB is refused too" "$RC" 78
run "$LND" --db "file://$T/u%20ri.db" init
expect_eq "a file:/// URI is a database path" "$RC" 0
check "file:///…%20… decodes to the file" test -f "$T/u ri.db"
run "$LND" --db "file:rel.db?mode=rwc" init
expect_eq "a relative file: URI with a query works" "$RC" 0
check "file:rel.db creates rel.db" test -f "$T/rel.db"

# --- an SQLite file that is not lnd's ---
sqlite3 "$T/other.db" "CREATE TABLE invoices(id INTEGER, total REAL); INSERT INTO invoices VALUES (1, 9.5);"
sum=$(cksum <"$T/other.db")
run "$LND" --db "$T/other.db" status
expect_eq "another program's SQLite file exits 65" "$RC" 65
expect_in "and says it is not an lnd database" "$ERR" "is not an lnd database"
expect_eq "and is left alone" "$(cksum <"$T/other.db")" "$sum"

# --- busy timeout ---
"$LND" --db "$T/b.db" init >/dev/null
LND_BUSY_TIMEOUT_MS=9999999 run "$LND" --db "$T/b.db" status
expect_eq "an out-of-range busy timeout exits 78" "$RC" 78
expect_in "and names the variable and the range" "$ERR" "LND_BUSY_TIMEOUT_MS='9999999' must be a whole number of milliseconds from 0 to 600000"
LND_BUSY_TIMEOUT_MS=soon run "$LND" --db "$T/b.db" status
expect_eq "a non-number busy timeout exits 78" "$RC" 78
LND_BUSY_TIMEOUT_MS=100 run "$LND" --db "$T/b.db" cycle list
expect_eq "a valid busy timeout is accepted" "$RC" 0
