# SPDX-License-Identifier: MIT
# Makefile — the one entry point for lnd: deps, all, run, test, check, bench, install, clean.
# `make run` and `make test` install missing Debian packages first (.ci/deps).

# Install layout (GNU names; all overridable: make install PREFIX=/usr DESTDIR=/tmp/pkg).
# SYSCONFDIR is where lnd looks for the system-wide lnd.conf (compiled in).
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
DOCDIR     ?= $(DATADIR)/doc/lnd
SYSCONFDIR ?= /etc
CC         ?= cc
PKG_CONFIG ?= pkg-config
BUILD      ?= build
# libpq: PostgreSQL (postgresql://… in --db); one binary serves both backends. Built against
# its header only: store/pg_lib.c loads libpq.so.5 when a postgresql:// database is opened, so
# an SQLite command does not pay for libpq's fifteen libraries at every start.
PKGS     = ncursesw sqlite3 libconfig jansson libutf8proc
VERSION  = 0.1.0

# ncursesw.pc adds -D_XOPEN_SOURCE=600, which clashes with ours (700): drop it
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) libpq 2>/dev/null))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2
ifeq ($(CI),true)
WARN   += -Werror
endif
# Hardened by default (tests/cli/test_build.sh checks the binary with readelf). CPPFLAGS,
# CFLAGS and LDFLAGS from the environment (dpkg-buildflags) come after and win; a
# _FORTIFY_SOURCE given there replaces ours. `make check` sets HARDEN_CPPFLAGS= (ASan).
HARDEN_CPPFLAGS ?= $(if $(findstring _FORTIFY_SOURCE,$(CPPFLAGS)),,-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2)
HARDEN_CFLAGS   ?= -fstack-protector-strong -fPIE
HARDEN_LDFLAGS  ?= -pie -Wl,-z,relro,-z,now
CFLAGS ?= -O2 -g
ALL_CPPFLAGS = -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DLND_VERSION='"$(VERSION)"' \
               -DLND_DATADIR='"$(DATADIR)/lnd"' -DLND_SYSCONFDIR='"$(SYSCONFDIR)"' \
               $(HARDEN_CPPFLAGS) $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(ALL_CPPFLAGS) $(WARN) $(HARDEN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(HARDEN_LDFLAGS) $(LDFLAGS)
LIBS    = $(PKG_LIBS) -lcsv -lm -ldl

CORE_SRC  = $(wildcard core/*.c)
STORE_SRC = $(wildcard store/*.c)
TUI_SRC   = $(wildcard tui/*.c)
CLI_SRC   = $(wildcard cli/*.c)
LIB_SRC   = $(CORE_SRC) $(STORE_SRC) $(TUI_SRC) $(filter-out cli/main.c,$(CLI_SRC))
LIB_OBJ   = $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC = $(wildcard tests/bench/*.c)
BENCH_BIN = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps run test unit check bench install install-files uninstall deb deb-check clean demo FORCE
all: $(BUILD)/lnd

deps:
	@sh .ci/deps $(if $(filter test check bench,$(MAKECMDGOALS)),test)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Objects depend on the compiler, the flags and the install directories compiled in
# (themes in DATADIR, SYSCONFDIR/lnd.conf): change any of them and everything is rebuilt
# (warnings, i.e. CI=true, are left out: they do not change the code).
BUILD_ID = $(CC) $(ALL_CPPFLAGS) $(HARDEN_CFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(ALL_LDFLAGS)
$(BUILD)/flags.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(BUILD_ID)' | cmp -s - $@ || echo '$(BUILD_ID)' > $@
$(LIB_OBJ) $(BUILD)/obj/cli/main.o: $(BUILD)/flags.stamp
FORCE:

$(BUILD)/liblnd.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/lnd: $(BUILD)/obj/cli/main.o $(BUILD)/liblnd.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/liblnd.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/liblnd.a $(LIBS) $(CMOCKA_LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/liblnd.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/liblnd.a $(LIBS)

# Demo database: created on first use, kept between runs.
DEMO_DB ?= $(BUILD)/demo.db
$(DEMO_DB): | $(BUILD)/lnd
	$(BUILD)/lnd --db $@ init --demo

run: deps
	@$(MAKE) --no-print-directory all $(DEMO_DB)
	$(BUILD)/lnd --db $(DEMO_DB)

test: deps
	@$(MAKE) --no-print-directory unit-build
	@sh tests/run $(BUILD)

unit-build: $(BUILD)/lnd $(UNIT_BIN) $(BENCH_BIN)

# Sanitizer build of everything, then the whole suite against it.
check: deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" HARDEN_CPPFLAGS= \
	  LDFLAGS="-fsanitize=address,undefined" unit-build
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run build-asan

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@sh tests/bench/run $(BUILD)

install: all
	@$(MAKE) --no-print-directory install-files

# Copy what `all` built (no rebuild): tests/cli/test_install.sh lists the result.
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(DATADIR)/lnd/themes $(DESTDIR)$(DOCDIR)
	install -m 755 $(BUILD)/lnd $(DESTDIR)$(BINDIR)/lnd
	install -m 644 docs/lnd.1 $(DESTDIR)$(MANDIR)/man1/lnd.1
	install -m 644 docs/lnd.conf.5 $(DESTDIR)$(MANDIR)/man5/lnd.conf.5
	install -m 644 themes/*.theme $(DESTDIR)$(DATADIR)/lnd/themes/
	install -m 644 lnd.conf.example README.md docs/json.md $(DESTDIR)$(DOCDIR)/
	install -d $(DESTDIR)$(DATADIR)/bash-completion/completions \
	  $(DESTDIR)$(DATADIR)/zsh/vendor-completions $(DESTDIR)$(DATADIR)/fish/vendor_completions.d
	$(BUILD)/lnd completion bash > $(DESTDIR)$(DATADIR)/bash-completion/completions/lnd
	$(BUILD)/lnd completion zsh > $(DESTDIR)$(DATADIR)/zsh/vendor-completions/_lnd
	$(BUILD)/lnd completion fish > $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/lnd.fish
	chmod 644 $(DESTDIR)$(DATADIR)/bash-completion/completions/lnd \
	  $(DESTDIR)$(DATADIR)/zsh/vendor-completions/_lnd $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/lnd.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lnd $(DESTDIR)$(MANDIR)/man1/lnd.1 $(DESTDIR)$(MANDIR)/man5/lnd.conf.5
	rm -rf $(DESTDIR)$(DATADIR)/lnd $(DESTDIR)$(DOCDIR)
	rm -f $(DESTDIR)$(DATADIR)/bash-completion/completions/lnd \
	  $(DESTDIR)$(DATADIR)/zsh/vendor-completions/_lnd $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/lnd.fish

# Debian package: dpkg-buildpackage in a copy of the source under $(BUILD)/deb (so its
# `make clean` cannot touch your build), the .deb lands in $(BUILD)/deb; deb-check lintians it.
DEB_DIR = $(BUILD)/deb
deb:
	@sh .ci/deps deb
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/lnd-$(VERSION)
	tar --exclude=./.git --exclude='./build' --exclude='./build-*' --exclude='./$(BUILD)' -cf - . | \
	  tar -xf - -C $(DEB_DIR)/lnd-$(VERSION)
	cd $(DEB_DIR)/lnd-$(VERSION) && dpkg-buildpackage -us -uc -b >../build.log 2>&1 || \
	  { tail -30 ../build.log; echo "lnd: dpkg-buildpackage failed; see $(DEB_DIR)/build.log" >&2; exit 1; }
	@ls $(DEB_DIR)/*.deb

deb-check: deb
	lintian --fail-on error,warning --display-info $(DEB_DIR)/lnd_$(VERSION)_*.changes

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD)/obj $(BUILD)/tests $(BUILD)/bench -name '*.d' -type f 2>/dev/null)
