# Makefile — the one entry point for lnd: deps, all, run, test, check, bench, install, clean.
# `make run` and `make test` install missing Debian packages first (.ci/deps).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
BUILD   ?= build
PKGS     = ncursesw sqlite3 libconfig jansson
VERSION  = 0.1.0

# ncursesw.pc adds -D_XOPEN_SOURCE=600, which clashes with ours (700): drop it
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2
ifeq ($(CI),true)
WARN   += -Werror
endif
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DLND_VERSION='"$(VERSION)"' \
             -DLND_DATADIR='"$(PREFIX)/share/lnd"' $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
LIBS    = $(PKG_LIBS) -lcsv -lm

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

.PHONY: all deps run test unit check bench install uninstall clean demo FORCE
all: $(BUILD)/lnd

deps:
	@sh .ci/deps

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The install prefix is compiled into tui_theme.o (where themes live): rebuild it when PREFIX
# changes between `make` and `make install PREFIX=...`.
$(BUILD)/prefix.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
$(BUILD)/obj/tui/tui_theme.o: $(BUILD)/prefix.stamp
FORCE:

$(BUILD)/liblnd.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/lnd: $(BUILD)/obj/cli/main.o $(BUILD)/liblnd.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/liblnd.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/liblnd.a $(LIBS) $(CMOCKA_LIBS) $(LDFLAGS)

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/liblnd.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/liblnd.a $(LIBS) $(LDFLAGS)

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
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" unit-build
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run build-asan

bench: deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@sh tests/bench/run $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/lnd/themes $(DESTDIR)$(PREFIX)/share/doc/lnd
	install -m 755 $(BUILD)/lnd $(DESTDIR)$(PREFIX)/bin/lnd
	install -m 644 docs/lnd.1 $(DESTDIR)$(PREFIX)/share/man/man1/lnd.1
	install -m 644 themes/*.theme $(DESTDIR)$(PREFIX)/share/lnd/themes/
	install -m 644 lnd.conf.example $(DESTDIR)$(PREFIX)/share/doc/lnd/lnd.conf.example

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lnd $(DESTDIR)$(PREFIX)/share/man/man1/lnd.1
	rm -rf $(DESTDIR)$(PREFIX)/share/lnd $(DESTDIR)$(PREFIX)/share/doc/lnd

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
