#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli/test_build.sh — the binary is hardened (PIE, full RELRO, stack protector,
# _FORTIFY_SOURCE), checked with readelf; the Makefile honours CPPFLAGS, CFLAGS, LDFLAGS
# and PKG_CONFIG (checked on a dry run, nothing is built).
. "$LND_TOP/tests/lib.sh"

if ! command -v readelf >/dev/null 2>&1; then
  notok "readelf is installed (binutils, from .ci/deps)"
  exit 0
fi
H=$(readelf -hW "$LND"); D=$(readelf -dW "$LND"); L=$(readelf -lW "$LND")
S=$(readelf -sW --dyn-syms "$LND")
expect_in "lnd is a position-independent executable" "$H" "DYN (Position-Independent Executable"
expect_in "lnd binds now (full RELRO)" "$D" "BIND_NOW"
expect_in "lnd has a GNU_RELRO segment" "$L" "GNU_RELRO"
expect_not_in "lnd has no executable stack" "$(printf '%s\n' "$L" | grep GNU_STACK)" "RWE"
expect_in "lnd is built with the stack protector" "$S" "__stack_chk_fail"
case "$S" in
*__asan_init*) ok "# skip _FORTIFY_SOURCE check: sanitizer build (make check turns it off)" ;;
*) expect_in "lnd is built with _FORTIFY_SOURCE (checked libc calls)" "$S" "_chk@" ;;
esac

# libpq is loaded only when a postgresql:// database is opened (store/pg_lib.c): linked, its
# fifteen libraries tripled the CPU of `lnd status` on the demo (43 ms against 14 ms).
expect_not_in "lnd does not link libpq (it loads it for postgresql:// only)" "$(printf '%s\n' "$D" | grep NEEDED)" "libpq"

# The flags a packager passes reach the compile and link lines, after ours (so theirs win).
cd "$LND_TOP" || exit 1
cat > "$T/pc" <<'PC'
#!/bin/sh
echo "-DFROM_PKG_CONFIG_MARK"
PC
chmod +x "$T/pc"
N=$(make -n -B BUILD="$T/b" CC=cc CPPFLAGS=-DPKG_CPP_MARK CFLAGS="-O1 -DPKG_C_MARK" \
    LDFLAGS=-Wl,--as-needed PKG_CONFIG="$T/pc" "$T/b/lnd" 2>&1)
C=$(printf '%s\n' "$N" | grep -- '-c cli/main.c')
K=$(printf '%s\n' "$N" | grep -- "-o $T/b/lnd ")
expect_in "CPPFLAGS reach the compiler" "$C" "-DPKG_CPP_MARK"
expect_in "CFLAGS reach the compiler" "$C" "-DPKG_C_MARK"
expect_in "PKG_CONFIG is the pkg-config used" "$C" "-DFROM_PKG_CONFIG_MARK"
expect_in "hardening flags are on by default" "$C" "-D_FORTIFY_SOURCE=2 "
expect_in "stack protector by default" "$C" "-fstack-protector-strong"
expect_in "LDFLAGS reach the linker" "$K" "-Wl,--as-needed"
expect_in "PIE and full RELRO at link" "$K" "-pie -Wl,-z,relro,-z,now"
case "$C" in *"-O2 -g"*) notok "CFLAGS replace the default -O2 -g";; *) ok "CFLAGS replace the default -O2 -g";; esac
N=$(make -n -B BUILD="$T/b" CC=cc CPPFLAGS="-D_FORTIFY_SOURCE=3" "$T/b/lnd" 2>&1)
C=$(printf '%s\n' "$N" | grep -- '-c cli/main.c')
expect_not_in "a packager's _FORTIFY_SOURCE replaces ours" "$C" "-D_FORTIFY_SOURCE=2"
N=$(make -n -B BUILD="$T/b" CC=cc SYSCONFDIR=/opt/etc DATADIR=/opt/share "$T/b/lnd" 2>&1)
C=$(printf '%s\n' "$N" | grep -- '-c core/config.c')
expect_in "SYSCONFDIR is compiled in (system lnd.conf)" "$C" "/opt/etc"
