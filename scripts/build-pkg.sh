#!/usr/bin/env bash
# Builds pkg/: the npm package (ES module glue, optimised .wasm, the JS API, types, README).
#
# wasm-pack would run the same three steps (cargo, wasm-bindgen, wasm-opt) but writes its own
# package.json and cannot add our JS API layer, so we run them directly. Settings that
# wasm-pack would read live in wasm-pack.toml's [decant.pkg] table, read by this script.
set -euo pipefail
cd "$(dirname "$0")/.."

conf() { awk -F' *= *' -v k="$1" '$1==k {gsub(/"/,"",$2); print $2}' wasm-pack.toml; }
WASM_OPT_FLAGS=$(conf wasm_opt_flags)
OUT=pkg

cargo build --quiet --target wasm32-unknown-unknown --release -p decant-wasm
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp"
wasm-bindgen --target web --out-dir "$OUT.tmp" --out-name decant_wasm \
  target/wasm32-unknown-unknown/release/decant_wasm.wasm
# shellcheck disable=SC2086
node_modules/.bin/wasm-opt $WASM_OPT_FLAGS "$OUT.tmp/decant_wasm_bg.wasm" -o "$OUT.tmp/decant_wasm_bg.wasm"
cp src/js/index.js src/js/index.d.ts src/js/package.json src/js/README.md src/js/walk.js "$OUT.tmp/"
# wasm-bindgen copies the walker the bindings import (src/js/walk.js) to a hashed snippets/
# path; point the glue's imports (`import ... from '...'`, either quote) at the one copy at the
# package root, which the extension also imports. The same path also names the module in the
# WASM imports object: that key must stay as it is.
sed -i -E "s#(from ['\"])\./snippets/[^'\"]*/src/js/walk\.js(['\"])#\1./walk.js\2#" "$OUT.tmp/decant_wasm.js"
if grep -qE "from ['\"]\./snippets/" "$OUT.tmp/decant_wasm.js"; then
  echo "build-pkg: a snippets/ import is left in the glue" >&2
  exit 1
fi
grep -q "from './walk.js'" "$OUT.tmp/decant_wasm.js" || { echo "build-pkg: walker import not found" >&2; exit 1; }
rm -rf "$OUT.tmp/snippets"
rm -f "$OUT.tmp/.gitignore"
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
raw=$(stat -c %s "$OUT/decant_wasm_bg.wasm")
gz=$(gzip -9 -c "$OUT/decant_wasm_bg.wasm" | wc -c)
echo "pkg/: decant_wasm_bg.wasm $raw bytes, $gz gzipped"
