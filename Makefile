# Jobspor. `make run` and `make test` are the README's two commands: each
# installs the Debian packages it needs (only those missing), then works.

# Fyne's cgo (GLFW/OpenGL) build.
BUILD_DEBS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Tests read PDFs back as text (pdftotext); vet compiles .ci/bench/firstframe (Xlib, XTest);
# the office tests start a throw-away PostgreSQL (initdb, pg_ctl).
TEST_DEBS  := poppler-utils libxtst-dev postgresql
# Looking at the window and pages (screenshots under Xvfb), typing into it (xdotool, XTest).
LOOK_DEBS  := xvfb xauth imagemagick poppler-utils xdotool libxtst-dev

BIN := ./jobspor
GO  := go

# Every build leaves out Fyne's colour emoji font: nothing Jobspor shows uses
# it, and once parsed it held ~20 MB of the window's resident memory.
export GOFLAGS := $(strip $(GOFLAGS) -tags=no_emoji)

.PHONY: office-sim office-campaign office-campaign-sum office-bench run test test-race test-days lint build bench bench-window bench-typing bench-typing-join bench-idle bench-handouts samples killtest deps-build deps-test deps-look screenshot clean \
        windows windows-smoke linux deps-windows deps-smoke deps-linux

## run: install what is missing, fill the demo database if empty, open the window
run: build
	$(BIN) demo --if-empty
	$(BIN) --demo

## test: install what is missing, then vet, build and run every test
test: deps-build deps-test
	$(GO) vet ./... ./.ci/bench/firstframe ./.ci/bench/emptywindow
	$(GO) build -o $(BIN) .
	$(GO) test -count=1 ./...
	cd reports/internal/gofpdf && $(GO) vet . && $(GO) test -count=1 .

## lint: staticcheck on Jobspor's own code (the gofpdf copy is a module of its own)
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
lint:
	$(GO) run $(STATICCHECK) ./...

## test-race: the window's and the store's tests under the race detector (it needs cgo: gcc);
## the window's goroutines, timers and background reads must touch nothing beside the test
test-race: deps-build deps-test
	CGO_ENABLED=1 $(GO) test -race -count=1 -timeout 40m ./ui ./model/store

## test-days: the whole suite again with the one clock set to three far-apart days
## (JOBSPOR_CLOCK moves the system clock): green on any date, not only today's
TEST_DAYS := 2026-11-23 2027-06-30T09:00 2031-01-01T00:30
test-days: deps-test
	@for d in $(TEST_DAYS); do echo "== the clock at $$d"; JOBSPOR_CLOCK=$$d $(GO) test -count=1 ./... || exit 1; done

build: deps-build
	$(GO) build -o $(BIN) .

## bench: the benchmarks quoted in the issues' notes (the handouts' among them; the window's in Fyne's test driver:
## BenchmarkBackToToday10k, BenchmarkBackToTodayAfterChange10k, BenchmarkCaseloadFirstOpen10k)
bench: deps-test
	$(GO) test -run '^$$' -bench . -benchmem ./...

## bench-window: cold start to the window's first drawn pixels under Xvfb, at 10,000 and 500
## demo citizens, each run beside an empty Fyne window (the floor); medians of RUNS runs, then
## resident memory 4 s after Ctrl+F and 20 citizens opened, and 26 s later (once Fyne has let go of the
## screens left and the window has handed that back). BENCH_DIR keeps the demo databases between runs.
RUNS      ?= 7
KILL_RUNS ?= 10
BENCH_DIR ?= /tmp/jobspor-bench
XVFB      := xvfb-run -a -s "-screen 0 1366x768x24 -br"
bench-window: build deps-look
	$(GO) build -o $(BENCH_DIR)/firstframe ./.ci/bench/firstframe
	$(GO) build -o $(BENCH_DIR)/emptywindow ./.ci/bench/emptywindow
	@for n in 10000 500; do \
		test -f $(BENCH_DIR)/demo$$n.db || $(BIN) demo --db $(BENCH_DIR)/demo$$n.db --citizens $$n >/dev/null || exit 1; \
		$(BIN) list --db $(BENCH_DIR)/demo$$n.db >/dev/null || exit 1; \
		echo "== $$n citizens"; \
		JOBSPOR_THEME=light $(XVFB) $(BENCH_DIR)/firstframe -runs $(RUNS) -- \
			floor=$(BENCH_DIR)/emptywindow ";;" jobspor=$(BIN) --db $(BENCH_DIR)/demo$$n.db | grep median || exit 1; \
	done
	@echo "== resident memory, 10000 citizens, Today, Ctrl+F, then 20 citizens opened and left"
	@JOBSPOR_THEME=light $(XVFB) $(BENCH_DIR)/firstframe -runs 5 -rss-after 4s -rss-later 26s -keys ctrl+f -open 20 -- \
		floor=$(BENCH_DIR)/emptywindow ";;" jobspor=$(BIN) --db $(BENCH_DIR)/demo10000.db | grep median

## bench-typing: key press to pixels in the caseload's search field (Ctrl+F) under Xvfb at 10,000
## demo citizens, each run beside a focused entry in an empty Fyne window (the floor): KEYS keys per
## run ("hansen", then BackSpace to empty, again), TYPE_RUNS runs; median and 90th percentile of all.
TYPE_RUNS ?= 3
KEYS      ?= 36
bench-typing: build deps-look
	$(GO) build -o $(BENCH_DIR)/firstframe ./.ci/bench/firstframe
	$(GO) build -o $(BENCH_DIR)/emptywindow ./.ci/bench/emptywindow
	@test -f $(BENCH_DIR)/demo10000.db || $(BIN) demo --db $(BENCH_DIR)/demo10000.db --citizens 10000 >/dev/null
	@$(BIN) list --db $(BENCH_DIR)/demo10000.db >/dev/null
	JOBSPOR_THEME=light FYNE_THEME=light $(XVFB) $(BENCH_DIR)/firstframe -runs $(TYPE_RUNS) -keys ctrl+f \
		-type $(KEYS) -text hansen -- floor=$(BENCH_DIR)/emptywindow -entry ";;" jobspor=$(BIN) --db $(BENCH_DIR)/demo10000.db

## bench-typing-join: the same typing while the window's first sync pulls and applies 1,000 citizens
## (about 22,000 case records and 8,200 notes, as a first join's pull): officesetup starts a throw-away PostgreSQL, makes an office
## whose lead hands her 1,000 demo citizens to AL, whose laptop joined empty; every run starts AL's window
## on a fresh copy of her laptop before that pull (so every run types while it is applied), beside the
## floor; then the pull's steps (the window's office log) beside each run's typing. The cluster is
## stopped when it ends. Then the same typing on AL's laptop once the pull is done (no pull pending).
JOIN_DIR ?= $(BENCH_DIR)/join
JOIN_BAND := -band-for jobspor=0,44,780,38 # the search field sits below the office's header
bench-typing-join: build deps-look
	$(GO) build -o $(BENCH_DIR)/firstframe ./.ci/bench/firstframe
	$(GO) build -o $(BENCH_DIR)/emptywindow ./.ci/bench/emptywindow
	$(GO) build -o $(BENCH_DIR)/officesetup ./.ci/bench/officesetup
	JOBSPOR_THEME=light FYNE_THEME=light $(XVFB) $(BENCH_DIR)/officesetup -bin $(BIN) -dir $(JOIN_DIR) -- \
		sh -c '$(BENCH_DIR)/firstframe -runs $(TYPE_RUNS) -keys ctrl+f -type $(KEYS) -text hansen -stamps $(JOIN_BAND) -- \
			floor=$(BENCH_DIR)/emptywindow -entry ";;" jobspor=@WINDOW@ && echo "== after the pull (no pull pending)" && \
			$(BENCH_DIR)/firstframe -runs $(TYPE_RUNS) -keys ctrl+f -type $(KEYS) -text hansen $(JOIN_BAND) -- \
			floor=$(BENCH_DIR)/emptywindow -entry ";;" jobspor=@AFTER@'

## bench-idle: the window's CPU while idle on Today under Xvfb, at 10,000 and 150 demo citizens, each
## run beside an empty Fyne window (the floor): /proc/PID/stat read IDLE_AFTER after the first pixels
## (the start's reading, the quick check and the memory's hand-back done) and IDLE later; medians of IDLE_RUNS.
IDLE_RUNS  ?= 3
IDLE       ?= 60s
IDLE_AFTER ?= 15s
bench-idle: build deps-look
	$(GO) build -o $(BENCH_DIR)/firstframe ./.ci/bench/firstframe
	$(GO) build -o $(BENCH_DIR)/emptywindow ./.ci/bench/emptywindow
	@for n in 10000 150; do \
		test -f $(BENCH_DIR)/demo$$n.db || $(BIN) demo --db $(BENCH_DIR)/demo$$n.db --citizens $$n >/dev/null || exit 1; \
		$(BIN) list --db $(BENCH_DIR)/demo$$n.db >/dev/null || exit 1; \
		echo "== idle on Today, $$n citizens"; \
		JOBSPOR_THEME=light $(XVFB) $(BENCH_DIR)/firstframe -runs $(IDLE_RUNS) -idle $(IDLE) -idle-after $(IDLE_AFTER) -- \
			floor=$(BENCH_DIR)/emptywindow ";;" jobspor=$(BIN) --db $(BENCH_DIR)/demo$$n.db | grep median || exit 1; \
	done

## bench-handouts: the handout benchmarks alone, five runs each (compressed, as printed):
## one checklist in memory, checklists to separate files, one-PDF batches of 100 and 1,000 with the heap's peak
bench-handouts: deps-test
	$(GO) test -run '^$$' -bench 'BenefitMeetingDocument|BenefitMeetingFiles|OnePDF' -benchmem -count 5 ./reports/

## office-sim: the office simulation, RUNS runs (3-15 laptops each against one PostgreSQL, offline
## periods, moves, cover, concurrent edits, kills); the invariants are checked after every run.
## CI runs 100; `make office-sim RUNS=10000` is the long campaign. Then KILL_RUNS runs whose laptops are
## separate processes SIGKILLed at random while they work, and the mutations must be caught.
office-sim: deps-test
	JOBSPOR_CI=1 JOBSPOR_SIM_RUNS=$(RUNS) $(GO) test -count=1 -timeout 0 -v -run '^TestSimulation$$' ./model/store/office/
	JOBSPOR_CI=1 JOBSPOR_SIM_KILL_RUNS=$(KILL_RUNS) $(GO) test -count=1 -timeout 0 -v -run '^TestSimulationWithRealKills$$' ./model/store/office/
	JOBSPOR_CI=1 JOBSPOR_SIM_MUTATIONS=1 $(GO) test -count=1 -timeout 30m -v -run '^TestSimulationCatchesMutations$$' ./model/store/office/

## office-campaign: the long campaign in pieces: simulation seeds FROM..TO (FROM: after the last seed the
## log holds, else 1), one line per CHUNK finished runs appended to CAMPAIGN_LOG (outside the repository),
## and a line for each seed with a violation, saying how to run it alone (JOBSPOR_SIM_SEED=N). Stop it
## when the session ends; `make office-campaign` again later goes on. Be kind: `nice -n 19 make …`.
CAMPAIGN_LOG ?= /tmp/jobspor-campaign.log
TO ?= 10000
CHUNK ?= 50
FROM ?= $(shell cat $(CAMPAIGN_LOG) 2>/dev/null | awk -F'\t' '$$1 == "chunk" { for (i = 2; i <= NF; i++) if ($$i ~ /^seeds=/) { split(substr($$i, 7), s, "-"); if (s[2] + 0 > m) m = s[2] + 0 } } END { print m + 1 }')
office-campaign: deps-test
	JOBSPOR_CI=1 JOBSPOR_SIM_FROM=$(FROM) JOBSPOR_SIM_TO=$(TO) JOBSPOR_SIM_CHUNK=$(CHUNK) JOBSPOR_SIM_LOG=$(CAMPAIGN_LOG) \
	JOBSPOR_SIM_COMMIT=$$(git rev-parse --short HEAD)$$(git diff --quiet HEAD -- . || echo +dirty) \
	$(GO) test -count=1 -timeout 0 -v -run '^TestSimulation$$' ./model/store/office/

## office-campaign-sum: the campaign log added up (runs, operations, notes, conflicts, violations by kind)
office-campaign-sum:
	@awk -f .ci/campaign-sum.awk $(CAMPAIGN_LOG)

## office-bench: the office benchmarks (first join, a push of 200 ops, pulls, 15 laptops at once)
office-bench: deps-test
	JOBSPOR_CI=1 $(GO) test -count=1 -run '^$$' -bench . -benchtime 3x -timeout 60m ./model/store/office/

## killtest: SIGKILLs during backups (alone, two at once, beside a writer), imports, restores, first starts and batches of prints, then the next start checks everything; 1,000 checks beside a writer
killtest:
	JOBSPOR_KILLTEST=1 CGO_ENABLED=0 $(GO) test -count=1 -timeout 30m -run '^(TestKillDuring(BackupAndImport|SystemCalls|Prints)|TestChecksBesideAWritingLoopRaiseNoFalseAlarm)$$' -v ./model/store/ ./reports/

## samples: every handout for one demo citizen, as PDF and PNG pages, in $(SAMPLES)
SAMPLES ?= samples
samples: build deps-look
	rm -rf $(SAMPLES) && mkdir -p $(SAMPLES)
	$(BIN) demo --db $(SAMPLES)/demo.db --citizens 200 --seed 11 >/dev/null
	id=$$($(BIN) list --db $(SAMPLES)/demo.db | head -1 | cut -f1); \
	for k in folder plan jobs ydelse; do \
		$(BIN) handout $$k --db $(SAMPLES)/demo.db --citizen $$id --out $(SAMPLES)/$$k.pdf || exit 1; \
	done
	$(BIN) handout joblist --db $(SAMPLES)/demo.db --out $(SAMPLES)/joblist.pdf
	for f in $(SAMPLES)/*.pdf; do pdftoppm -r 60 -png $$f $${f%.pdf}; done
	@echo "Samples in $(SAMPLES)/: open the PNG pages to look at them."

## fuzz-short: each import fuzzer for FUZZTIME (CI; `make fuzz-short FUZZTIME=60s` for longer).
## Minimizing each new input is capped: it grows with the square of the input's length.
FUZZTIME ?= 10s
FUZZERS  := FuzzReadCSV FuzzParseDisco FuzzParseCatalogue FuzzParseProspects FuzzParseJobs
.PHONY: fuzz-short
fuzz-short:
	@for f in $(FUZZERS); do \
		echo "$$f:"; \
		$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./model || exit 1; \
	done

## windows: cross-build jobspor.exe and the MSI installer into out/ (prints sizes and SHA-256)
## windows-smoke: windows, then install the MSI silently under Wine and run the CLI (SMOKE_CP1252=1 adds the Windows-1252 import)
## linux: out/jobspor-VERSION-linux-amd64.tar.xz with the binary, icon and .desktop file
include .ci/package.mk

deps-build:
	@./.ci/debs.sh $(BUILD_DEBS)
deps-test:
	@./.ci/debs.sh $(TEST_DEBS)
deps-look:
	@./.ci/debs.sh $(LOOK_DEBS)

clean:
	rm -f $(BIN) rsrc_windows_amd64.syso
	rm -rf out/windows out/linux out/smoke out/jobspor-*
