# briefgen — build, demo, tests.
#
#   make            build build/briefgen (runs from the build tree)
#   make demo       render the bundled sample into out/
#   make check      run every test (installs missing system packages first)
#   make check SANITIZE=1   the same, built with ASan + UBSan (into build-san)
#   make check VALGRIND=1   the same, every briefgen run under valgrind's memcheck
#                           (also: make check-valgrind)
#   make fuzz FUZZ_SECONDS=N   each libFuzzer target for N seconds (clang; build-fuzz)
#   make fuzz-replay        run each target once over its stored corpus
#   make lint               cppcheck and clang-tidy over src/ and fuzz/, shellcheck over
#                           every shell script, and make format-check
#   make format             clang-format (.clang-format) over the C sources, in place
#   make format-check       fail when a C source is not formatted as make format would
#   make install PREFIX=/usr/local DESTDIR=   (with the PDF engine: the Typst worker
#                           and its npm module into DATADIR; see install below)

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
# build-san unless a BUILD folder was given (make check SANITIZE=1 BUILD=build-x).
ifeq ($(origin BUILD),file)
BUILD   := build-san
endif
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
ifeq ($(VALGRIND),1)
ifeq ($(SANITIZE),1)
$(error VALGRIND=1 and SANITIZE=1 do not go together: valgrind cannot run an ASan build)
endif
endif

WARN    := -Wall -Wextra -Werror -Wpedantic -Wshadow -Wformat=2 -Wstrict-prototypes \
           -Wmissing-prototypes -Wno-format-nonliteral
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) \
             $(shell pkg-config --cflags $(PKGS)) \
             -DBG_VERSION='"$(VERSION)"' -DBG_DATADIR='"$(DATADIR)"'
# libgettextpo (Debian libgettextpo-dev: the PO files of l10n export/import) ships no
# pkg-config file; its header and library sit in the default search paths.
LIBS     = $(shell pkg-config --libs $(PKGS)) -lgettextpo -lpthread

SRCS    := $(wildcard src/*.c)
LIBSRCS := $(filter-out src/main.c,$(SRCS))
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
LIBOBJS := $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o)

.PHONY: all demo check check-valgrind deps install uninstall clean format format-check lint lint-c lint-sh bench \
        fuzz fuzz-build fuzz-replay
all: $(BUILD)/briefgen

$(BUILD)/briefgen: $(OBJS)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(SANFLAGS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj:
	mkdir -p $@

# Unit tests: each tests/unit/test_NAME.c is a program $(BUILD)/test_NAME, linked
# with the library objects (everything but main.c); tests/run runs every one.
$(BUILD)/test_%: tests/unit/test_%.c tests/unit/unit.h $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(LIBS)

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

TEST_BINS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(wildcard tests/unit/test_*.c))
# VALGRIND=1: tests/run puts this in front of every briefgen and unit test run.
# Its own exit code (99) tells a memcheck report from briefgen's exit 1, and each
# run's log is kept and checked by tests/run (the valgrind/reports test).
VALGRIND_CMD = valgrind --quiet --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
	--error-exitcode=99 --num-callers=30 --suppressions=$(CURDIR)/tests/valgrind.supp
check: deps
	@$(MAKE) -q --no-print-directory all $(TEST_BINS) 2>/dev/null || \
	  $(MAKE) --no-print-directory all $(TEST_BINS)
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) \
	  $(if $(filter 1,$(VALGRIND)),BRIEFGEN_WRAPPER="$(VALGRIND_CMD)") tests/run

check-valgrind:
	@$(MAKE) --no-print-directory check VALGRIND=1

# The PDF engine goes with the data: the worker script as DATADIR/typst-worker.js and
# the npm module it drives (the Typst compiler and its native package for this
# machine, from node_modules: scripts/install-deps --build-only puts them there) in
# DATADIR/node_modules, where src/typst.c looks.  BRIEFGEN_NO_NODE=1 installs
# without the module (PDFs then need BRIEFGEN_TYPST, an official Typst CLI).
TYPST_MODULES := node_modules/@myriaddreamin
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/briefgen $(DESTDIR)$(BINDIR)/briefgen
	cp -R templates locales schema $(DESTDIR)$(DATADIR)/
	install -m 644 src/typst-worker.js $(DESTDIR)$(DATADIR)/typst-worker.js
	@if [ "$${BRIEFGEN_NO_NODE:-0}" = 0 ]; then \
	  [ -f $(TYPST_MODULES)/typst-ts-node-compiler/package.json ] || { \
	    echo "make install: the Typst compiler is not in $(TYPST_MODULES): run scripts/install-deps --build-only first" \
	         "(or BRIEFGEN_NO_NODE=1 make install, to install without it)" >&2; exit 1; }; \
	  rm -rf $(DESTDIR)$(DATADIR)/$(TYPST_MODULES); \
	  install -d $(DESTDIR)$(DATADIR)/$(TYPST_MODULES); \
	  echo "cp -R $(TYPST_MODULES)/typst-ts-node-compiler* $(DESTDIR)$(DATADIR)/$(TYPST_MODULES)/"; \
	  cp -R $(TYPST_MODULES)/typst-ts-node-compiler* $(DESTDIR)$(DATADIR)/$(TYPST_MODULES)/; \
	fi
	install -m 644 docs/briefgen.1 $(DESTDIR)$(MANDIR)/man1/briefgen.1

# The data folder goes whole: templates, locales, schema, the worker and node_modules.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/briefgen $(DESTDIR)$(MANDIR)/man1/briefgen.1
	rm -rf $(DESTDIR)$(DATADIR)

# The C sources clang-format keeps in the style of .clang-format.
FORMAT_FILES = $(wildcard src/*.c src/*.h tests/unit/*.c tests/unit/*.h fuzz/*.c fuzz/*.h bench/*.c)
format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

# ---- fuzzing (clang's libFuzzer with ASan + UBSan) ----------------------------
# Targets in fuzz/fuzz_NAME.c, stored corpora in fuzz/corpus/NAME/ (seeds and every
# input that ever crashed).  A run adds what it learns to $(FUZZ_BUILD)/corpus/NAME/
# and writes a crashing input to $(FUZZ_BUILD)/crashes/; see fuzz/README.md.
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g $(FUZZ_SAN) \
                $(shell pkg-config --cflags $(PKGS)) -DBG_VERSION='"$(VERSION)"' -DBG_DATADIR='"$(DATADIR)"'
FUZZ_OBJS    := $(LIBSRCS:src/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# -rss_limit_mb: a run that needs more memory than this is a finding too.
FUZZ_OPTS    ?= -rss_limit_mb=2048 -timeout=20 -max_len=65536 -print_final_stats=1
# FUZZ_SEED=N: the same mutations each run (CI uses one, so a red CI run can be
# repeated); without it libFuzzer picks a new seed each time, as long runs should.
FUZZ_SEED    ?=

$(FUZZ_BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(FUZZ_BUILD)/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/obj:
	mkdir -p $@

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_OBJS) $(LIBS)

# Keep the objects: they are only prerequisites of the pattern rule above.
.SECONDARY: $(FUZZ_OBJS)

fuzz-build: $(FUZZ_BINS)

# Each target for FUZZ_SECONDS, one after the other (2 cores: never two at once).
fuzz: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_OPTS) $(if $(FUZZ_SEED),-seed=$(FUZZ_SEED)) -max_total_time=$(FUZZ_SECONDS) \
	    $$([ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict) \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t \
	    2>$(FUZZ_BUILD)/$$t.log || { tail -n 60 $(FUZZ_BUILD)/$$t.log; \
	      echo "fuzz: $$t found a problem: $$(ls -t $(FUZZ_BUILD)/crashes/$$t-* | head -n 1)"; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' $(FUZZ_BUILD)/$$t.log | sed "s/^/  $$t: /"; \
	done

# Every stored input once: what crashed before must not crash again.
fuzz-replay: $(FUZZ_BINS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  n=$$(ls fuzz/corpus/$$t | wc -l); \
	  $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_OPTS) -runs=0 fuzz/corpus/$$t 2>$(FUZZ_BUILD)/$$t.replay.log || \
	    { tail -n 60 $(FUZZ_BUILD)/$$t.replay.log; echo "fuzz-replay: $$t fails on its corpus"; exit 1; }; \
	  echo "fuzz-replay: $$t: $$n inputs, no crash"; \
	done

# ---- static analysis ----------------------------------------------------------
LINT_DEFS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(shell pkg-config --cflags-only-I $(PKGS)) \
	    -DBG_VERSION='"$(VERSION)"' -DBG_DATADIR='"$(DATADIR)"'
# clang-tidy: every clang-analyzer-* and bugprone-* check, any finding an error, but
#   insecureAPI.DeprecatedOrUnsafeBufferHandling  asks for C11 Annex K (snprintf_s…),
#                  which glibc does not have: it flags every snprintf and memcpy;
#   valist.Uninitialized  clang 14 reports every va_list received as a parameter
#                  (diag's v-functions) as uninitialized: a known false positive;
#   bugprone-sizeof-expression  flags `sizeof *p` where p points to pointers to
#                  structs (xmlNodePtr *), which is what we mean; clang-tidy 14 has
#                  no option to tell it so (WarnOnSizeOfPointerToAggregate is 15's).
# A finding judged false is suppressed on its line with NOLINT(check) and why.
TIDY_CHECKS = -*,clang-analyzer-*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier,$\
	-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,-clang-analyzer-valist.Uninitialized,$\
	-bugprone-sizeof-expression
# Every check, format-check last: when only the formatting is off, the others have
# passed by the time it fails.
lint: lint-c lint-sh format-check

lint-c:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr \
	  --std=c11 -Isrc --suppress=missingIncludeSystem src fuzz
	clang-tidy --quiet --warnings-as-errors='*' -checks='$(TIDY_CHECKS)' \
	  src/*.c fuzz/*.c -- $(LINT_DEFS) -Isrc

# shellcheck, warnings and errors (not its style hints), over every shell script:
# those scripts/shell-scripts finds by their first line, and the check and needs
# scripts of the test cases, which bash runs and which have no first line to say so.
CASE_SCRIPTS = $(wildcard tests/cases/*/check tests/cases/*/needs tests/bad/*/check tests/bad/*/needs)
lint-sh:
	shellcheck -S warning $$(scripts/shell-scripts)
	shellcheck -S warning --shell=bash $(CASE_SCRIPTS)

clean:
	rm -rf build build-san build-fuzz out tests/artifacts
