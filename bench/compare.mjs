// Two builds of pkg/ side by side on the same live DOM, in the same run: for a performance
// change, the A/B comparison that `make bench`'s run-to-run noise cannot give.
//
//   node bench/compare.mjs OLD_PKG_DIR [NEW_PKG_DIR=pkg] [--sample K]
//
// e.g. build the old commit's package in a worktree (`git worktree add /tmp/old <commit>`,
// then `scripts/build-pkg.sh` there) and pass `/tmp/old/pkg`. Per corpus page: one warm-up
// of each, then 5 rounds of `analyzeDocument(document)` alternating old/new (and
// Readability.js for scale), `gc()` and a layout flush before each; per-page medians.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { baseFiles, startBench, HTML, ROOT } from "./lib/serve.mjs";
import { corpusDir, listPages, loadHtml, subsample, interleave } from "./lib/corpus.mjs";
import { quantile } from "./lib/stats.mjs";

const args = process.argv.slice(2);
const sampleAt = args.indexOf("--sample");
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 4;
const dirs = args.filter((a, i) => !a.startsWith("--") && i !== sampleAt + 1);
if (dirs.length < 1) {
  console.error("usage: node bench/compare.mjs OLD_PKG_DIR [NEW_PKG_DIR] [--sample K]");
  process.exit(2);
}
const [oldDir, newDir = join(ROOT, "pkg")] = dirs.map((d) => resolve(d));

const files = baseFiles(newDir);
for (const [prefix, dir] of [
  ["/a/", oldDir],
  ["/b/", newDir],
]) {
  for (const f of ["index.js", "decant_wasm.js", "walk.js", "decant_wasm_bg.wasm"]) {
    const type = f.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    files.set(prefix + f, { body: readFileSync(join(dir, f)), type });
  }
}
const pages = subsample(interleave(listPages(corpusDir(ROOT))), sample);
pages.forEach((p, i) => files.set(`/p/${i}.html`, { body: loadHtml(p.path), type: HTML }));

const bench = await startBench(files);
const rows = [];
for (let i = 0; i < pages.length; i++) {
  const r = await bench.inPage(`/p/${i}.html`, async () => {
    const a = await import("/a/index.js");
    const b = await import("/b/index.js");
    const { default: Readability } = await import("/bench/vendor/readability.mjs");
    await a.init();
    await b.init();
    const tools = {
      old: () => a.analyzeDocument(document),
      new: () => b.analyzeDocument(document),
      readability: () => new Readability(document.cloneNode(true)).parse(),
    };
    const times = { old: [], new: [], readability: [] };
    for (const f of Object.values(tools)) f();
    for (let r = 0; r < 5; r++) {
      for (const [k, f] of r % 2 ? Object.entries(tools).reverse() : Object.entries(tools)) {
        globalThis.gc?.();
        void document.documentElement.getBoundingClientRect().height;
        const t0 = performance.now();
        f();
        times[k].push(performance.now() - t0);
      }
    }
    const med = (v) => [...v].sort((x, y) => x - y)[v.length >> 1];
    return { old: med(times.old), new: med(times.new), readability: med(times.readability) };
  });
  if (!r.failed) rows.push({ id: pages[i].id, ...r });
}
await bench.close();

const col = (k) => rows.map((r) => r[k]);
const med = (v) => quantile(v, 0.5);
console.log(`${rows.length} pages (every ${sample}th of the corpus), ms per analyzeDocument`);
for (const k of ["old", "new", "readability"]) {
  console.log(
    `${k.padEnd(12)} median ${med(col(k)).toFixed(2)}  p95 ${quantile(col(k), 0.95).toFixed(2)}`,
  );
}
const speedup = rows.map((r) => r.old / r.new);
console.log(
  `new vs old, per page: median ${med(speedup).toFixed(2)}x (p5 ${quantile(speedup, 0.05).toFixed(2)}, p95 ${quantile(speedup, 0.95).toFixed(2)})`,
);
for (const k of ["old", "new"]) {
  const ratio = rows.map((r) => r.readability / r[k]);
  console.log(`Readability.js / ${k}, per page: median ${med(ratio).toFixed(2)}x`);
}
