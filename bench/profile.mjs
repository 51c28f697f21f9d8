// A CPU profile of Decant's analysis on one page, in the same set-up as `make bench`.
//
//   node bench/profile.mjs rtp/wikipedia        # a corpus page (an id from RESULTS.md)
//   node bench/profile.mjs gen:10000            # a generated page of 10,000 elements
//   node bench/profile.mjs --named gen:10000    # WASM function names (see below)
//   node bench/profile.mjs --incremental rtp/wikipedia   # `page.analyzeAdded` of an injected
//                                                        # modal (as `make bench` times it)
//
// Runs `analyzeDocument(document)` RUNS times (default 20) under Chromium's sampling profiler,
// prints the functions with the most self time and writes bench/out/<name>.cpuprofile (open
// it in Chromium's DevTools, Performance panel). pkg/'s .wasm has no names (wasm-opt drops
// them); `--named` instead serves a copy made by wasm-bindgen from the unoptimised
// target/wasm32-unknown-unknown/release/decant_wasm.wasm (run `make build` first), so WASM
// frames carry Rust names. Times then differ a little from pkg/'s.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { corpusDir, listPages, loadHtml } from "./lib/corpus.mjs";
import { generatePage } from "./lib/generate.mjs";
import { BENCH, ROOT, HTML, baseFiles, startBench } from "./lib/serve.mjs";

const args = process.argv.slice(2);
const named = args.includes("--named");
const incremental = args.includes("--incremental");
const target = args.find((a) => !a.startsWith("--"));
const RUNS = Number(process.env.RUNS || 20);
if (!target) {
  console.error("usage: node bench/profile.mjs [--named] <corpus id | gen:N>");
  process.exit(2);
}

const out = join(BENCH, "out");
mkdirSync(out, { recursive: true });
let pkgDir = join(ROOT, "pkg");
if (named) {
  pkgDir = join(out, "pkg-named");
  const wasm = join(ROOT, "target", "wasm32-unknown-unknown", "release", "decant_wasm.wasm");
  if (!existsSync(wasm)) {
    console.error(`${wasm} is missing: run \`make build\` first`);
    process.exit(1);
  }
  const r = spawnSync(
    "wasm-bindgen",
    ["--target", "web", "--out-dir", pkgDir, "--out-name", "decant_wasm", wasm],
    { stdio: "inherit" },
  );
  if (r.status !== 0) process.exit(1);
  copyFileSync(join(ROOT, "pkg", "index.js"), join(pkgDir, "index.js"));
  copyFileSync(join(ROOT, "pkg", "walk.js"), join(pkgDir, "walk.js"));
  // As scripts/build-pkg.sh does: the glue imports the walker from the package root.
  const glue = join(pkgDir, "decant_wasm.js");
  writeFileSync(
    glue,
    readFileSync(glue, "utf8").replace(
      /(from ['"])\.\/snippets\/[^'"]*\/src\/js\/walk\.js(['"])/g,
      "$1./walk.js$2",
    ),
  );
}

const files = baseFiles(pkgDir);
let html;
if (target.startsWith("gen:")) {
  html = Buffer.from(generatePage(Number(target.slice(4))).html);
} else {
  const page = listPages(corpusDir(ROOT)).find((p) => p.id === target);
  if (!page) {
    console.error(`no corpus page ${target}`);
    process.exit(2);
  }
  html = loadHtml(page.path);
}
files.set("/page.html", { body: html, type: HTML });

const bench = await startBench(files, { timeoutMs: 300000 });
const loaded = await bench.inPage("/page.html", () => true);
if (loaded !== true) {
  console.error(loaded);
  process.exit(1);
}
const cdp = await bench.state.tab.context().newCDPSession(bench.state.tab);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
// One warm-up run outside the profile.
await bench.state.tab.evaluate(async () => {
  const { analyzeDocument } = await import("/pkg/index.js");
  analyzeDocument(document);
});
await cdp.send("Profiler.start");
const wall = incremental
  ? await bench.state.tab.evaluate(async (runs) => {
      // As the bench's incremental phase: a modal and its backdrop appended to the analysed
      // page, `analyzeAdded` timed (the style flush it triggers included), then removed.
      const { Page } = await import("/pkg/decant_wasm.js");
      const { makeModal } = await import("/bench/browser/harness.mjs");
      const page = new Page(document);
      page.analyze();
      let sum = 0;
      for (let i = 0; i < runs; i++) {
        const { modal, backdrop } = makeModal();
        document.body.append(backdrop, modal);
        const t0 = performance.now();
        page.analyzeAdded([modal, backdrop]);
        sum += performance.now() - t0;
        modal.remove();
        backdrop.remove();
      }
      page.free();
      return sum / runs;
    }, RUNS * 10)
  : await bench.state.tab.evaluate(async (runs) => {
      const { analyzeDocument } = await import("/pkg/index.js");
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) analyzeDocument(document);
      return (performance.now() - t0) / runs;
    }, RUNS);
const { profile } = await cdp.send("Profiler.stop");
await bench.close();

const name =
  target.replace(/[^\w.-]+/g, "_") + (incremental ? "-incremental" : "") + (named ? "-named" : "");
writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));

// Self time per function (samples × interval).
const self = new Map();
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  dt.set(profile.samples[i], (dt.get(profile.samples[i]) || 0) + (profile.timeDeltas[i] || 0));
}
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) || 0;
  const f = node.callFrame;
  if (["(idle)", "(program)", "(root)"].includes(f.functionName)) continue;
  const file = f.url ? f.url.replace(/^.*\//, "") : "";
  const key = `${f.functionName || "(anonymous)"} ${file}`.trim();
  self.set(key, (self.get(key) || 0) + us);
  total += us;
}
console.log(
  incremental
    ? `${target}: ${wall.toFixed(3)} ms per analyzeAdded (${RUNS * 10} runs, profiled)`
    : `${target}: ${wall.toFixed(2)} ms per analyzeDocument (${RUNS} runs, profiled)`,
);
console.log(`self time of the top functions (share of ${(total / 1000).toFixed(0)} ms sampled):`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(
    `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`,
  );
}

// Inclusive time of Decant's own functions (a function counted once per sample even when
// recursive), and the split by where the time is spent.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
const where = new Map();
for (const [id, us] of dt) {
  const leaf = byId.get(id).callFrame;
  if (["(idle)", "(program)", "(root)"].includes(leaf.functionName)) continue;
  const kind = leaf.url.endsWith(".wasm")
    ? "Rust in WASM"
    : leaf.url.endsWith("decant_wasm.js")
      ? "wasm-bindgen glue (JS)"
      : leaf.url.endsWith("index.js")
        ? "Decant JS API"
        : leaf.functionName === "(garbage collector)"
          ? "garbage collector"
          : "browser built-ins (DOM, style, layout, strings)";
  where.set(kind, (where.get(kind) || 0) + us);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const fn = byId.get(n).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, "");
    if (!/^(decant_|<decant_|analyzeDocument|analyzeAdded|withElements)/.test(fn) || seen.has(fn))
      continue;
    seen.add(fn);
    incl.set(fn, (incl.get(fn) || 0) + us);
  }
}
console.log("where the time is spent:");
for (const [k, us] of [...where].sort((a, b) => b[1] - a[1])) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
}
console.log("inclusive time of Decant functions:");
for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
}
console.log(`profile: bench/out/${name}.cpuprofile`);
