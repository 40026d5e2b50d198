# SPDX-License-Identifier: MIT
# tests/cli/test_shared_host.sh — a team on one jump host, with real Unix users, following
# the "Sharing one database" recipe of the README under umask 077: alice shares the database
# with the group (lnd init --shared), alice and bob both read and write, -wal/-shm get the
# group's mode, carol (outside the group) gets exit 77 and the fix, a member of the group
# without write permission gets a read-only dashboard and exit 73 on a write, a database made
# without --shared names its owner and the chmod that fixes it, and root is warned once.
# Needs root (useradd, runuser); skips with one line otherwise. Everything it creates (users,
# group, files, tmux server) is removed on exit, also on failure.
. "$LND_TOP/tests/lib.sh"
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
  echo "ok - shared jump host with real Unix users # skip needs root, useradd and runuser"
  exit 0
fi
n=$$
G=lndg$n A=lnda$n B=lndb$n C=lndc$n
W=$(mktemp -d /tmp/lndshare.XXXXXX)
holder=""
cleanup() {
  exec 3>&- 2>/dev/null
  [ -n "$holder" ] && wait "$holder" 2>/dev/null
  for u in $A $B $C; do
    runuser -u "$u" -- tmux -S "$W/h-$u/tmux" kill-server >/dev/null 2>&1
    userdel "$u" >/dev/null 2>&1
    groupdel "$u" >/dev/null 2>&1   # the user's private group, if useradd made one
  done
  groupdel "$G" >/dev/null 2>&1
  rm -rf "$W" "$T"
}
trap cleanup EXIT
trap 'cleanup; exit 1' HUP INT TERM PIPE

# the binary in a world-readable place
chmod 755 "$W"
cp "$LND" "$W/lnd" && chmod 755 "$W/lnd"
X="$W/lnd"
DIR="$W/okr" DB="$W/okr/team.db"

# as the administrator, once: the group, its members, a directory for the database
# (retried: another process may hold the lock on /etc/passwd for a moment)
retry() { i=0; until "$@" 2>"$T/admin.err"; do i=$((i + 1)); [ $i -ge 10 ] && return 1; sleep 0.5; done; }
retry groupadd "$G" || { notok "groupadd $G" "$(cat "$T/admin.err")"; exit 1; }
for u in $A $B $C; do
  retry useradd -M -d "$W/h-$u" -s /bin/sh "$u" || { notok "useradd $u" "$(cat "$T/admin.err")"; exit 1; }
  mkdir -p "$W/h-$u/.config/lnd" && chown -R "$u" "$W/h-$u" && chmod 700 "$W/h-$u"
done
retry usermod -aG "$G" "$A" && retry usermod -aG "$G" "$B" || { notok "usermod" "$(cat "$T/admin.err")"; exit 1; }
install -d -o "$A" -m 700 "$DIR"

# as USER with umask 077, a clean environment and the user's own config
as() {
  u=$1; shift
  runuser -u "$u" -- env -i PATH="$PATH" HOME="$W/h-$u" USER="$u" LC_ALL=C.UTF-8 LND_TODAY=2027-02-17 \
    TERM=xterm-256color sh -c 'umask 077; exec "$@"' sh "$@"
}
run_as() { u=$1; shift; as "$u" "$@" >"$T/out" 2>"$T/err"; RC=$?; OUT=$(cat "$T/out"); ERR=$(cat "$T/err"); }
mode() { stat -c '%a %G' "$1"; }

# alice shares the database with the group
run_as "$A" "$X" --db "$DB" init --shared "$G"
expect_eq "alice: lnd init --shared GROUP under umask 077" "$RC" 0
expect_in "init says it is shared" "$OUT" "shared with group $G"
expect_eq "the directory is setgid, group rwx, of the group" "$(mode "$DIR")" "2770 $G"
expect_eq "the database is group read-write, of the group" "$(mode "$DB")" "660 $G"
expect_eq "the database belongs to alice, not root" "$(stat -c %U "$DB")" "$A"
for u in $A $B; do
  printf 'database = "%s"\nshared = "%s"\n' "$DB" "$G" > "$W/h-$u/.config/lnd/lnd.conf"
  chown "$u" "$W/h-$u/.config/lnd/lnd.conf"
done

# both read and write
run_as "$A" sh -c "'$X' cycle add 2027-Q1 --start 2027-01-04 && '$X' cycle activate 2027-Q1 &&
  '$X' objective add --title 'Resolve support calls first time' &&
  '$X' kr add --objective O1 --title 'First-call resolution' --baseline 64 --target 75 --unit % --evidence results --indicator lagging"
expect_eq "alice builds the plan through the config's database" "$RC" 0
run_as "$B" "$X" checkin K1 70 --note "bob's week"
expect_eq "bob (umask 077) writes a check-in" "$RC" 0
run_as "$A" "$X" status --format json
expect_eq "alice reads bob's check-in" "$(printf '%s' "$OUT" | jq -r '.objectives[0].key_results[0].current')" 70
run_as "$A" "$X" checkin K1 71
expect_eq "alice writes after bob" "$RC" 0
run_as "$B" "$X" kr edit K1 --title "First-contact resolution"
expect_eq "bob edits alice's key result" "$RC" 0
run_as "$B" "$X" log --limit 3
expect_in "the log names bob's own account" "$OUT" "$B "
expect_in "the log names alice's check-in" "$OUT" "$A "
run_as "$B" "$X" --user "the CFO" checkin K1 72
run_as "$A" "$X" log --limit 1
expect_in "a borrowed name shows the real account" "$OUT" "$B (as the CFO)"

# -wal and -shm made under umask 077 get the group's mode: alice keeps a connection open,
# bob writes (the files stay while alice's connection lives)
mkfifo "$W/hold" && chmod 666 "$W/hold"
as "$A" sh -c "sqlite3 '$DB' < '$W/hold' > /dev/null" &
holder=$!
exec 3>"$W/hold"
echo "SELECT count(*) FROM cycle;" >&3
i=0; while [ ! -e "$DB-shm" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
run_as "$B" "$X" checkin K1 73
expect_eq "bob writes while alice holds the database open" "$RC" 0
expect_eq "the -wal file is group read-write, of the group" "$(mode "$DB-wal")" "660 $G"
expect_eq "the -shm file is group read-write, of the group" "$(mode "$DB-shm")" "660 $G"
run_as "$A" "$X" checkin K1 74
expect_eq "alice writes into the WAL bob's write left" "$RC" 0
exec 3>&-
wait "$holder"
holder=""

# carol is not in the group
run_as "$C" "$X" --db "$DB" status
expect_eq "carol (not in the group): exit 77" "$RC" 77
expect_in "the message names the directory she cannot enter" "$ERR" "permission denied: $DIR"
expect_in "its owner, group and mode" "$ERR" "owner $A, group $G, mode 2770"
expect_in "and the fix" "$ERR" "ask an administrator to run: usermod -aG $G $C"
expect_eq "one line" "$(printf '%s\n' "$ERR" | wc -l)" 1

# a member without write permission: a read-only dashboard, exit 73 on a write
as "$A" chmod g-w "$DB"
run_as "$B" "$X" status
expect_eq "bob reads a database he may not write" "$RC" 0
run_as "$B" "$X" checkin K1 75
expect_eq "bob's write to a read-only database: exit 73" "$RC" 73
expect_in "it names the owner and the fix" "$ERR" "ask $A to run: chmod g+rw $DB"
as "$B" tmux -S "$W/h-$B/tmux" -f /dev/null new-session -d -x 80 -y 24 "'$X'; sleep 600"
i=0; scr=""
while [ $i -lt 200 ]; do
  scr=$(as "$B" tmux -S "$W/h-$B/tmux" capture-pane -p 2>/dev/null)
  case "$scr" in *Cascade*) break;; esac
  sleep 0.05; i=$((i + 1))
done
expect_in "bob's dashboard says read-only in the header from the start" "$(printf '%s\n' "$scr" | head -1)" "read-only"
as "$B" tmux -S "$W/h-$B/tmux" kill-server >/dev/null 2>&1
as "$A" chmod g+w "$DB"
run_as "$B" "$X" checkin K1 75
expect_eq "once alice gives it back, bob writes again" "$RC" 0
# the directory, not the file, can be what stops a write (SQLite creates its journal there)
as "$A" chmod g-w "$DIR"
as "$A" rm -f "$DB-wal" "$DB-shm"
run_as "$B" "$X" checkin K1 76
expect_eq "bob's write with the directory closed to the group: exit 73" "$RC" 73
expect_in "the message names the directory" "$ERR" "$DIR (directory; owner $A, group $G"
expect_in "and the fix for it" "$ERR" "ask $A to run: chmod g+rwxs $DIR"
as "$A" chmod g+w "$DIR"

# a database made without --shared (and no config) under umask 077: the owner and the fix
run_as "$A" "$X" --config /dev/null --db "$DIR/private.db" init
expect_eq "alice makes a second database without --shared" "$(mode "$DIR/private.db")" "600 $G"
run_as "$B" "$X" --db "$DIR/private.db" status
expect_eq "bob cannot read it: exit 77, not 74" "$RC" 77
expect_in "the message names the file, owner and mode" "$ERR" "$DIR/private.db (owner $A, group $G, mode 0600)"
expect_in "and the fix" "$ERR" "ask $A to run: chmod g+rw $DIR/private.db"
run_as "$A" "$X" --db "$DIR/private.db" init --shared "$G"
expect_eq "init --shared on an existing database shares it" "$(mode "$DIR/private.db")" "660 $G"
run_as "$B" "$X" --db "$DIR/private.db" status
expect_eq "then bob can open it" "$RC" 66
expect_in "(it has no cycle yet)" "$ERR" "no cycle"
run_as "$C" "$X" --db "$W/h-$C/x.db" init --shared "$G"
expect_eq "carol cannot share with a group she is not in: exit 77" "$RC" 77
expect_in "and is told so" "$ERR" "you ($C) are not in group $G"

# root is warned once, where others would be locked out
run "$X" --db "$DIR/root.db" init
expect_in "root creating a database in a shared directory is warned" "$ERR" "warning: running as root"
expect_eq "once" "$(printf '%s\n' "$ERR" | grep -c 'running as root')" 1
run "$X" --db "$T/mine.db" init
expect_eq "root in a directory of its own: no warning" "$ERR" ""
