#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks. Idempotent: when everything is there it
# only checks, in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

# Rust: the wasm32 target, rustfmt and clippy.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# The nightly toolchain for `make fuzz` (cargo-fuzz needs it); minimal profile, about 30 s on
# a fresh machine. cargo-fuzz itself (minutes to build) is installed by `make fuzz` on first use.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (for make fuzz)"
  rustup toolchain install nightly --profile minimal
fi

# wasm-bindgen-cli pinned to the wasm-bindgen version in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 6 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$want" --locked ||
    cargo install wasm-bindgen-cli --version "$want"
fi

# Debian packages: Chromium and its driver; never Debian's binaryen (its wasm-opt 108 emits
# modules that fail to load).
apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
# Firefox ESR runs the package's Firefox test (e2e/firefox.test.mjs).
command -v firefox-esr >/dev/null || apt_missing+=(firefox-esr)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
if dpkg -s binaryen >/dev/null 2>&1; then
  say "removing Debian's binaryen"
  apt-get remove -y -qq binaryen >/dev/null
fi

# npm packages from the committed lock file (wasm-opt, playwright-core, web-ext, linters).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi
say "ok"
