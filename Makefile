# Incident Copilot. `make run` and `make test` set up everything they need.
SHELL := /bin/bash
GO ?= go
ADDR ?= :8080
BIN := bin/copilot
SAMPLE := evals/testdata/corpus
DB_URL = $$(scripts/db.sh url)
TEST_DB_URL = $$(scripts/db.sh url copilot_test)

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: all build setup db db-stop db-url migrate ingest-sample run test test-go test-floors vet lint fuzz bench clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/copilot

setup:
	@scripts/setup.sh

db: setup
	@scripts/db.sh start

db-stop:
	@scripts/db.sh stop

db-url:
	@scripts/db.sh url

migrate: db build
	@DATABASE_URL=$(DB_URL) $(BIN) migrate

ingest-sample: migrate
	@DATABASE_URL=$(DB_URL) $(BIN) ingest $(SAMPLE)/documents $(SAMPLE)/slack
	@DATABASE_URL=$(DB_URL) $(BIN) ingest runbooks ../shared/fixtures/runbooks-prometheus-operator/content/runbooks 2>/dev/null || echo "(runbook library fixtures not found; skipped)"

# URL is where ADDR can be reached from this machine: ":8080" and "0.0.0.0:8080" are
# localhost:8080, "127.0.0.1:18443" stays as it is.
URL = http://$(if $(filter :%,$(ADDR)),localhost$(ADDR),$(patsubst 0.0.0.0:%,localhost:%,$(patsubst [::]:%,localhost:%,$(ADDR))))

run: ingest-sample
	@echo
	@echo "Incident Copilot on $(URL) with the sample corpus loaded. Try:"
	@echo "  export DATABASE_URL=\$$(make -s db-url)"
	@echo "  $(BIN) stats --json"
	@echo "  $(BIN) search 'too many clients already' --limit 3"
	@echo "  $(BIN) similar INC-2041"
	@echo "  $(BIN) list --limit 5"
	@echo "  curl -s $(URL)/healthz"
	@echo
	@DATABASE_URL=$(DB_URL) $(BIN) serve --addr $(ADDR)

# The tests and the floors eval run side by side: both mostly wait for the database,
# so together they take little longer than the tests alone. Either failing fails.
test: db
	@scripts/db.sh test-db copilot_test
	@$(MAKE) --no-print-directory -j2 test-go test-floors

# -p 4: four test binaries (or builds) at once rather than one per core; most test
# time is spent waiting for PostgreSQL, test servers and timers, not on the CPU.
test-go:
	DATABASE_URL=$(TEST_DB_URL) COPILOT_REQUIRE_DB=1 $(GO) test -p 4 -count=1 -timeout 15m ./...

# The floors, not the targets: a change that lowers quality fails; see evals/README.md.
# Its output is shown when it fails, not interleaved with the tests'.
test-floors:
	@echo "floors: copilot eval --gate evals/floors.yaml (beside the tests)"
	@log=$$(mktemp); if DATABASE_URL=$(TEST_DB_URL) $(GO) run ./cmd/copilot eval --gate evals/floors.yaml --record=false > /dev/null 2> $$log; \
	then rm -f $$log; echo "floors: pass"; else cat $$log >&2; rm -f $$log; echo "floors: FAIL" >&2; exit 1; fi

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

lint: vet
	$(GO) run $(STATICCHECK) ./...

fuzz:
	@scripts/fuzz.sh 20s

bench: db
	@scripts/db.sh ensure-db copilot_bench
	DATABASE_URL=$$(scripts/db.sh url copilot_bench) $(GO) test -run '^$$' -bench BenchmarkIngest -count 5 ./retrieval/postgres/

clean:
	rm -rf bin
