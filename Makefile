# Decant: one entry point. `make demo` and `make test` set up what a fresh machine lacks.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

CARGO_NATIVE := cargo build --quiet --profile native -p decant-cli
DECANT := target/native/decant
WASM_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: help setup build cli pkg ext demo test lint test-native test-wasm test-e2e lint-ext fuzz \
	eval eval-detect eval-extract eval-summary bench serve-example clean

help:
	@echo "make demo   build, then run the CLI on examples/aggregator.html"
	@echo "make test   every test (fmt, clippy, native, wasm in Chromium, e2e, web-ext lint, JS lint)"
	@echo "make setup  install what this machine lacks (idempotent)"
	@echo "make build  pkg/ (npm package), the CLI, dist/chrome and dist/firefox"
	@echo "make eval   evaluation on the dev set and ../shared/corpus"
	@echo "make bench  benchmarks, written to bench/RESULTS.md"

setup:
	@scripts/setup.sh

build: setup cli pkg ext

cli:
	$(CARGO_NATIVE)

pkg:
	scripts/build-pkg.sh

ext: pkg
	node scripts/build-ext.mjs

demo: setup cli
	@$(DECANT) analyze examples/aggregator.html

test: setup build lint test-native test-wasm test-e2e lint-ext
	@echo "make test: all passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --quiet --workspace --all-targets --features decant-core/html -- -D warnings
	cargo clippy --quiet -p decant-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
	eslint .
	prettier --check .

test-native:
	cargo test --workspace --features decant-core/html

test-wasm:
	$(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown -p decant-wasm

test-e2e:
	tsc -p e2e/ts-consumer/tsconfig.json
	node --test --test-concurrency=1 e2e/

lint-ext:
	web-ext lint --source-dir dist/firefox --self-hosted=false --output text

eval: eval-detect eval-extract eval-summary

CORPUS ?= ../shared/corpus

eval-detect:
	cargo run --quiet --profile native -p decant-core --features html --example eval_detect -- --corpus $(CORPUS)

serve-example: pkg
	node scripts/serve-example.mjs

clean:
	rm -rf target pkg dist

bench: build
	node bench/run.mjs
	node bench/extension.mjs

eval-extract:
	cargo build --quiet --profile native -p decant-core --features html --example extract_jsonl
	node eval/extract.mjs
	cargo run --quiet --profile native -p decant-core --features html --example metadata_eval -- --corpus $(CORPUS)

# Fuzzing (nightly + cargo-fuzz, installed on first use): FUZZ_SECONDS bounds the run. Crashes
# land in fuzz/artifacts/; copy each into fuzz/regressions/, which `make test` replays. The
# 30 s timeout is for sanitizer builds on a loaded machine: a 1,400-deep page that takes 0.05 s
# natively took 11 s there and was reported as a hang (kept as a regression input).
FUZZ_SECONDS ?= 300
fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/analyze && cp -n tests/devset/*.html examples/*.html fuzz/corpus/analyze/
	mkdir -p fuzz/corpus/wire
	cd fuzz && cargo +nightly fuzz run analyze corpus/analyze regressions -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30
	cd fuzz && cargo +nightly fuzz run wire corpus/wire regressions-wire -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30

# ROUGE with the standard rouge-score package (PyPI), LEAD-k computed in the same run.
eval-summary:
	python3 -c "import rouge_score" 2>/dev/null || python3 -m pip install -q -r eval/requirements.txt
	python3 eval/summary.py
