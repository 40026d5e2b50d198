#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_install.sh — `make install` into a temporary DESTDIR puts exactly these
# files where a packager expects them (the built binary is copied, nothing is rebuilt),
# the installed lnd runs, and uninstall removes everything.
. "$LND_TOP/tests/lib.sh"
cd "$LND_TOP" || exit 1
B=$(basename "$(dirname "$LND")")
DEST="$T/dest"
run make --no-print-directory BUILD="$B" DESTDIR="$DEST" PREFIX=/usr install-files
expect_eq "make install-files into DESTDIR succeeds" "$RC" 0
GOT=$(cd "$DEST" && find . -type f | sort)
WANT=$(cat <<'LIST'
./usr/bin/lnd
./usr/share/bash-completion/completions/lnd
./usr/share/doc/lnd/README.md
./usr/share/doc/lnd/json.md
./usr/share/doc/lnd/lnd.conf.example
./usr/share/fish/vendor_completions.d/lnd.fish
./usr/share/lnd/themes/default.theme
./usr/share/lnd/themes/high-contrast.theme
./usr/share/lnd/themes/light.theme
./usr/share/lnd/themes/mono.theme
./usr/share/man/man1/lnd.1
./usr/share/man/man5/lnd.conf.5
./usr/share/zsh/vendor-completions/_lnd
LIST
)
expect_eq "install puts exactly these files under PREFIX" "$GOT" "$WANT"
check "installed lnd is executable (0755)" test "$(stat -c %a "$DEST/usr/bin/lnd")" = 755
check "man page is not executable (0644)" test "$(stat -c %a "$DEST/usr/share/man/man1/lnd.1")" = 644
run "$DEST/usr/bin/lnd" --version
expect_in "installed lnd runs" "$OUT" "lnd "
run make --no-print-directory BUILD="$B" DESTDIR="$T/d2" PREFIX=/opt/lnd BINDIR=/opt/bin \
    MANDIR=/opt/man DOCDIR=/opt/doc install-files
GOT=$(cd "$T/d2" && find . -type f | sed 's|/[^/]*$||' | sort -u | tr '\n' ' ')
expect_eq "BINDIR, MANDIR, DOCDIR and PREFIX are honoured" "$GOT" \
  "./opt/bin ./opt/doc ./opt/lnd/share/bash-completion/completions ./opt/lnd/share/fish/vendor_completions.d ./opt/lnd/share/lnd/themes ./opt/lnd/share/zsh/vendor-completions ./opt/man/man1 ./opt/man/man5 "
run make --no-print-directory BUILD="$B" DESTDIR="$DEST" PREFIX=/usr uninstall
expect_eq "uninstall removes every installed file" "$(cd "$DEST" && find . -type f)" ""
