# briefgen — build, demo, tests.
#
#   make            build build/briefgen (runs from the build tree)
#   make demo       render the bundled sample into out/
#   make check      run every test (installs missing system packages first)
#   make check SANITIZE=1   the same, built with ASan + UBSan
#   make install PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/briefgen
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=

CC      ?= cc
PKGS    := libxml-2.0 libxslt libexslt icu-uc icu-i18n libmicrohttpd
VERSION := 0.1.0

BUILD   ?= build
ifeq ($(SANITIZE),1)
BUILD   := build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

WARN    := -Wall -Wextra -Werror -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-format-nonliteral
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) \
             $(shell pkg-config --cflags $(PKGS)) \
             -DBG_VERSION='"$(VERSION)"' -DBG_DATADIR='"$(DATADIR)"'
LIBS     = $(shell pkg-config --libs $(PKGS)) -lpthread

SRCS    := $(wildcard src/*.c)
LIBSRCS := $(filter-out src/main.c,$(SRCS))
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIBOBJS := $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o)

.PHONY: all demo check deps install uninstall clean format lint bench
all: $(BUILD)/briefgen

$(BUILD)/briefgen: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(SANFLAGS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj:
	mkdir -p $@

# Unit tests link the library objects (everything but main.c).
$(BUILD)/test_l10n: tests/unit/test_l10n.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS)

$(BUILD)/bench-rerender: bench/rerender.c $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LIBS)

bench: all $(BUILD)/bench-rerender
	@BUILD=$(BUILD) bench/run

deps:
	@scripts/install-deps

demo:
	@scripts/install-deps --build-only
	@$(MAKE) -q --no-print-directory all 2>/dev/null || $(MAKE) --no-print-directory all
	$(BUILD)/briefgen build -o out samples/wartime-participation.xml
	@echo "demo: open out/wartime-participation.uk.html or out/wartime-participation.en.html"

TEST_BINS = $(if $(wildcard tests/unit/test_l10n.c),$(BUILD)/test_l10n)
check: deps
	@$(MAKE) -q --no-print-directory all $(TEST_BINS) 2>/dev/null || \
	  $(MAKE) --no-print-directory all $(TEST_BINS)
	@BUILD=$(BUILD) tests/run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/briefgen $(DESTDIR)$(BINDIR)/briefgen
	cp -R templates locales schema $(DESTDIR)$(DATADIR)/
	install -m 644 docs/briefgen.1 $(DESTDIR)$(MANDIR)/man1/briefgen.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/briefgen $(DESTDIR)$(MANDIR)/man1/briefgen.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr \
	  --std=c11 -Isrc src
	clang-tidy --quiet -checks='-*,clang-analyzer-*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier' \
	  src/*.c -- -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(shell pkg-config --cflags $(PKGS)) \
	  -DBG_VERSION='"$(VERSION)"' -DBG_DATADIR='"$(DATADIR)"'

clean:
	rm -rf build build-san out tests/artifacts
