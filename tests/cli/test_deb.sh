#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_deb.sh — `make deb` builds a Debian package from a copy of this tree
# (dpkg-buildpackage -us -uc -b) and lintian finds no error or warning in it; the package
# holds the binary, man pages, themes and completions under /usr. About 45 s on 2 idle
# cores (3 min under heavy load); skipped under `make check` (the sanitizer build tests the
# same sources) and when LND_SKIP_DEB is set.
. "$LND_TOP/tests/lib.sh"
if readelf -sW --dyn-syms "$LND" 2>/dev/null | grep -q __asan_init; then
  ok "# skip Debian package: sanitizer build"
  exit 0
fi
if [ -n "$LND_SKIP_DEB" ]; then   # quick local runs: LND_SKIP_DEB=1 make test
  ok "# skip Debian package: LND_SKIP_DEB is set"
  exit 0
fi
cd "$LND_TOP" || exit 1
for tool in dpkg-buildpackage dh lintian; do
  command -v $tool >/dev/null 2>&1 || { notok "$tool is installed (.ci/deps)"; exit 0; }
done
run make --no-print-directory BUILD="$T/b" deb
expect_eq "make deb succeeds" "$RC" 0
DEB=$(ls "$T"/b/deb/lnd_*_*.deb 2>/dev/null | head -1)
check "make deb leaves a .deb in BUILD/deb" test -f "$DEB"
[ -f "$DEB" ] || exit 0
FILES=$(dpkg-deb -c "$DEB" | awk '{print $6}')
for f in ./usr/bin/lnd ./usr/share/man/man1/lnd.1.gz ./usr/share/man/man5/lnd.conf.5.gz \
         ./usr/share/lnd/themes/default.theme ./usr/share/doc/lnd/copyright ./usr/share/doc/lnd/json.md.gz \
         ./usr/share/bash-completion/completions/lnd ./usr/share/zsh/vendor-completions/_lnd \
         ./usr/share/fish/vendor_completions.d/lnd.fish; do
  expect_in "the package installs $f" "$FILES" "$f"
done
expect_in "the package depends on the libraries it links" "$(dpkg-deb -f "$DEB" Depends)" "libsqlite3"
run lintian --fail-on error,warning "$T"/b/deb/lnd_*_*.changes
expect_eq "lintian: no error or warning" "$RC" 0
expect_eq "lintian says nothing at all (info and pedantic aside)" "$(printf '%s\n' "$OUT" | grep -E '^[EW]:')" ""
