// `make bench`: browser, incremental, native, size/memory and scaling benchmarks of Decant,
// written to bench/RESULTS.md (raw numbers in bench/out/results.json, not committed).
//
// Environment knobs (defaults in brackets):
//   BENCH_REPS [5]       timed repetitions per page and tool (after one warm-up run each)
//   BENCH_WARMUP [2]     untimed runs per page and tool first (lets V8 tier up the WASM and JS)
//   BENCH_CORPUS_SECONDS [270] time limit of the browser corpus phase (pages in an interleaved
//                        order, so a cut leaves a spread sample of both sets)
//   BENCH_SAMPLE [1]     keep every k-th corpus page in the browser bench (1 = all)
//   BENCH_ONLY           a regular expression: only corpus pages whose id matches
//   BENCH_TOOLS [decant,readability,defuddle]
//   BENCH_NATIVE [1]     0 skips the native bench (no cargo build)
//   DECANT_CORPUS        the corpus folder [../shared/corpus next to the repo]
//   CHROMIUM             the browser binary [/usr/bin/chromium]
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync, constants as zc } from "node:zlib";
import { corpusDir, listPages, loadHtml, subsample, interleave } from "./lib/corpus.mjs";
import { generatePage } from "./lib/generate.mjs";
import {
  BENCH,
  ROOT,
  HTML,
  baseFiles,
  startBench,
  versions as toolVersions,
} from "./lib/serve.mjs";
import { median, p95, quantile, max, loglogExponent, ms, kb, mb } from "./lib/stats.mjs";

const REPS = Number(process.env.BENCH_REPS || 5);
const WARMUP = Number(process.env.BENCH_WARMUP || 2);
// The corpus phase stops taking new pages after this many seconds (RESULTS.md says so).
const CORPUS_SECONDS = Number(process.env.BENCH_CORPUS_SECONDS || 270);
const SAMPLE = Number(process.env.BENCH_SAMPLE || 1);
const TOOLS = (process.env.BENCH_TOOLS || "decant,readability,defuddle").split(",");
const NATIVE = process.env.BENCH_NATIVE !== "0";
const SCALES = [1000, 10000, 100000];
const started = Date.now();
const loadStart = loadavg()[0];
const phases = {};

function log(...a) {
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);
}

async function phase(name, fn) {
  const t = Date.now();
  log(`${name}…`);
  const r = await fn();
  phases[name] = (Date.now() - t) / 1000;
  return r;
}

// ---------------------------------------------------------------- served files (memory only)

for (const f of ["index.js", "decant_wasm.js", "decant_wasm_bg.wasm"]) {
  if (!existsSync(join(ROOT, "pkg", f))) {
    console.error(`pkg/${f} is missing: run \`make build\` first`);
    process.exit(1);
  }
}

const files = baseFiles();
const put = (path, body, type) => files.set(path, { body, type });
const versions = toolVersions();

const corpus = corpusDir(ROOT);
const allPages = interleave(listPages(corpus));
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const pages = subsample(
  allPages.filter((p) => !ONLY || ONLY.test(p.id)),
  SAMPLE,
);
for (const [i, p] of pages.entries()) {
  p.url = `/page/${i}.html`;
  p.html = loadHtml(p.path);
  put(p.url, p.html, HTML);
}
const generated = SCALES.map((n) => {
  const g = generatePage(n);
  const url = `/gen/${n}.html`;
  put(url, Buffer.from(g.html), HTML);
  return { n, url, bytes: Buffer.byteLength(g.html), elements: g.elements };
});

const bench = await startBench(files);
const inPage = bench.inPage;
const chromiumVersion = bench.browser.version();

let cutByTime = 0;
const perPage = await phase("browser corpus", async () => {
  const out = [];
  const t0 = Date.now();
  for (const [i, p] of pages.entries()) {
    if (Date.now() - t0 > CORPUS_SECONDS * 1000) {
      cutByTime = pages.length - i;
      log(`time limit: ${cutByTime} pages left out`);
      break;
    }
    const r = await inPage(
      p.url,
      (h, a) => ({
        setupIsolated: globalThis.crossOriginIsolated,
        tools: h.runTools(a),
        split: h.runSplit({ reps: a.splitReps }),
        incremental: h.runIncremental({ reps: a.reps }),
      }),
      { tools: TOOLS, reps: REPS, warmup: WARMUP, splitReps: Math.min(REPS, 3) },
    );
    out.push({ id: p.id, set: p.set, bytes: p.html.length, ...r });
    if (i % 25 === 0) log(`page ${i + 1}/${pages.length}`);
  }
  return out;
});

const memory = await phase("memory", async () => {
  const largest = pages.reduce((a, b) => (b.html.length > a.html.length ? b : a), pages[0]);
  const rows = [];
  const probe = async (label, url, bytes) => {
    const r = await inPage(url, async (h) => {
      const before = h.memoryBytes();
      return { before, ...h.analyzeOnceForMemory() };
    });
    rows.push({ label, bytes, ...r });
  };
  if (largest) await probe(`largest corpus page (${largest.id})`, largest.url, largest.html.length);
  const g = generated[generated.length - 1];
  await probe(`generated ${g.n.toLocaleString("en")}-element page`, g.url, g.bytes);
  return rows;
});

const scaling = await phase("scaling", async () => {
  const rows = [];
  for (const g of generated) {
    const r = await inPage(
      g.url,
      (h, a) => ({ tools: h.runTools(a), split: h.runSplit({ reps: a.reps }) }),
      { tools: ["decant"], reps: REPS, warmup: WARMUP },
    );
    rows.push({ ...g, ...r });
  }
  return rows;
});

const blocked = bench.state.blocked;
await bench.close();

// ---------------------------------------------------------------- native

const native = NATIVE
  ? await phase("native", async () => {
      const build = spawnSync(
        "cargo",
        ["build", "--quiet", "--profile", "native", "-p", "decant-bench-native"],
        { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] },
      );
      if (build.status !== 0) return { failed: "cargo build failed" };
      const bin = join(ROOT, "target", "native", "decant-bench-native");
      const run = spawnSync(bin, ["--reps", String(REPS), ...allPages.map((p) => p.path)], {
        cwd: ROOT,
        maxBuffer: 64 << 20,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (run.status !== 0) return { failed: `bench binary exited with ${run.status}` };
      return JSON.parse(run.stdout);
    })
  : { failed: "skipped (BENCH_NATIVE=0)" };

// The summariser alone, natively, on the CNN/DailyMail articles (src/core/examples/summary_bench.rs
// prints `summary_ms_mean=… summary_ms_p95=… articles=…`).
const summaryTime = NATIVE
  ? await phase("summary", async () => {
      const run = spawnSync(
        "cargo",
        [
          "run",
          "--quiet",
          "--profile",
          "native",
          "-p",
          "decant-core",
          "--example",
          "summary_bench",
          "--",
          "--corpus",
          corpusDir(ROOT),
        ],
        { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      const m = /summary_ms_mean=([\d.]+) summary_ms_p95=([\d.]+) articles=(\d+)/.exec(run.stdout);
      if (run.status !== 0 || !m) return { failed: `summary_bench exited with ${run.status}` };
      return { mean: Number(m[1]), p95: Number(m[2]), articles: Number(m[3]) };
    })
  : { failed: "skipped (BENCH_NATIVE=0)" };

// ---------------------------------------------------------------- sizes

const size = (p) => {
  const b = readFileSync(join(ROOT, p));
  return { path: p, raw: b.length, gzip: gzipSync(b, { level: zc.Z_BEST_COMPRESSION }).length };
};
const sizes = ["pkg/decant_wasm_bg.wasm", "pkg/decant_wasm.js", "pkg/index.js"].map(size);

// ---------------------------------------------------------------- report

const ok = perPage.filter((p) => !p.failed);
const toolStats = {};
for (const t of TOOLS) {
  const meds = ok.filter((p) => p.tools.times[t]?.length).map((p) => median(p.tools.times[t]));
  const errs = ok.filter((p) => p.tools.errors[t]).length;
  toolStats[t] = { n: meds.length, median: median(meds), p95: p95(meds), max: max(meds), errs };
}
const ratioOf = (other) =>
  ok
    .filter((p) => p.tools.times[other]?.length && p.tools.times.decant?.length)
    .map((p) => median(p.tools.times[other]) / median(p.tools.times.decant));
const ratios = Object.fromEntries(TOOLS.filter((t) => t !== "decant").map((t) => [t, ratioOf(t)]));
const splitSnap = ok.map((p) => median(p.split.snapshot));
const splitAna = ok.map((p) => median(p.split.analyze));
const splitFree = ok.map((p) => median(p.split.free));
const splitWalk = ok.map((p) => median(p.split.walkOnly));
const splitVisit = ok.map((p) => median(p.split.visitOnly));
const splitCleanup = ok.map((p) => median(p.split.cleanup));
const cleanupRatio = ok.map(
  (p) => median(p.tools.times.readability || []) / median(p.split.cleanup),
);
const incCold = ok.map((p) => median(p.incremental.cold));
const incFlushed = ok.map((p) => median(p.incremental.flushed));
const incLayout = ok.map((p) => median(p.incremental.layout));
const incFlagged = ok.filter((p) => p.incremental.labels.length).length;
const incPaywall = ok.filter((p) => p.incremental.labels.includes("paywall")).length;
const decantMed = (p) => median(p.tools.times.decant || []);
const slowest = [...ok].sort((a, b) => decantMed(b) - decantMed(a)).slice(0, 5);

const scaleRows = scaling.filter((s) => !s.failed);
const exponent = loglogExponent(
  scaleRows.map((s) => s.tools.elements),
  scaleRows.map((s) => median(s.tools.times.decant)),
);

const cpuModel =
  (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] ||
  cpus()[0]?.model ||
  "unknown";
const nproc = spawnSync("nproc", { encoding: "utf8" }).stdout.trim();

const pass = (b) => (b ? "**met**" : "**missed**");
const lines = [];
const L = (s = "") => lines.push(s);

L("# Decant benchmark results");
L();
L("Generated by `make bench` (`node bench/run.mjs`); see bench/README.md for what each number");
L("means. Every number below was measured in this run; nothing is carried over.");
L();
L(`- Date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`);
L(
  `- Machine: ${nproc} CPUs (\`nproc\`), ${cpuModel}; shared with other work, so expect noise (1-minute load average ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end)`,
);
L(
  `- Browser: headless Chromium ${chromiumVersion}, viewport 1280×800, cross-origin isolated: ${ok[0]?.setupIsolated ?? "n/a"}`,
);
L(
  `- Node ${process.version}; Readability.js ${versions.readability}; Defuddle ${versions.defuddle}`,
);
L(
  `- Browser pages: ${perPage.length} of ${allPages.length} corpus pages` +
    (perPage.length < allPages.length ? " (a subsample:" : " (all of them") +
    (SAMPLE > 1 ? ` every ${SAMPLE}th page` : "") +
    (ONLY ? ` ids matching ${ONLY}` : "") +
    (cutByTime
      ? ` the first ${perPage.length} in an order interleaving both sets, the ${CORPUS_SECONDS} s time limit left ${cutByTime} out`
      : "") +
    `) from readability-test-pages (${perPage.filter((p) => p.set === "readability-test-pages").length}) and article-extraction-benchmark (${perPage.filter((p) => p.set !== "readability-test-pages").length}); ${perPage.length - ok.length} failed to load or timed out. The native bench uses all ${allPages.length}.`,
);
L(
  `- Repetitions: ${WARMUP} warm-up + ${REPS} timed runs per page and tool, rotating the order, \`gc()\` and a layout flush before each timed run; per-page median`,
);
L(`- Requests blocked (subresources, all aborted): ${blocked}; page scripts disabled by CSP`);
L(
  `- Wall time: ${Object.entries(phases)
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(", ")}, total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
L();

L("## Budgets");
L();
L("| budget | target | measured | |");
L("| --- | --- | --- | --- |");
const rr = ratios.readability || [];
if (rr.length) {
  L(
    `| Decant vs Readability.js, median page | ≥ 5× faster | ${median(rr).toFixed(1)}× | ${pass(median(rr) >= 5)} |`,
  );
}
L(
  `| Decant full analysis, p95 over pages | < 16 ms | ${ms(toolStats.decant?.p95)} ms | ${pass(toolStats.decant?.p95 < 16)} |`,
);
L(
  `| incremental \`analyzeAdded\`, median | < 1 ms | ${ms(median(incCold))} ms | ${pass(median(incCold) < 1)} |`,
);
const wasmSize = sizes[0];
L(`| .wasm, gzip -9 | ≤ 150 KB | ${kb(wasmSize.gzip)} | ${pass(wasmSize.gzip <= 150 * 1024)} |`);
const mem100k = memory.find((m) => m.label.startsWith("generated"));
if (mem100k && !mem100k.failed) {
  L(
    `| peak WASM memory, 100k-element page | < 16 MB | ${mb(mem100k.memoryBytes)} | ${pass(mem100k.memoryBytes < 16 * 1024 * 1024)} |`,
  );
}
if (!summaryTime.failed) {
  L(
    `| summary, native, mean over ${summaryTime.articles} CNN/DM articles | < 1 ms | ${ms(summaryTime.mean)} ms | ${pass(summaryTime.mean < 1)} |`,
  );
}
let nativeRatio = NaN;
let nat = null;
if (!native.failed) {
  const rows = native.files.filter((f) => f.smoothie_ms !== null);
  const bytes = rows.reduce((s, f) => s + f.bytes, 0);
  const d = rows.reduce((s, f) => s + f.decant_ms, 0);
  const s = rows.reduce((s2, f) => s2 + f.smoothie_ms, 0);
  const parse = rows.reduce((s2, f) => s2 + f.parse_ms, 0);
  const dAll = native.files.reduce((s2, f) => s2 + f.decant_ms, 0);
  const bAll = native.files.reduce((s2, f) => s2 + f.bytes, 0);
  nat = {
    files: native.files.length,
    common: rows.length,
    bytes,
    decantMBs: bytes / 1e6 / (d / 1e3),
    smoothieMBs: bytes / 1e6 / (s / 1e3),
    parseMBs: bytes / 1e6 / (parse / 1e3),
    parseShare: parse / d,
    decantAllMBs: bAll / 1e6 / (dAll / 1e3),
    perFileRatio: rows.map((f) => f.smoothie_ms / f.decant_ms),
    errors: native.files.filter((f) => f.smoothie_error).map((f) => f.smoothie_error),
  };
  nativeRatio = nat.decantMBs / nat.smoothieMBs;
  L(
    `| native throughput vs dom_smoothie | ≥ 2× | ${nativeRatio.toFixed(2)}× | ${pass(nativeRatio >= 2)} |`,
  );
}
L();

L("## In the browser: full analysis per page (ms)");
L();
L("Statistics over pages of each page's median time.");
L();
L("| tool | pages | median | p95 | max | errors |");
L("| --- | --- | --- | --- | --- | --- |");
const NAMES = {
  decant: "Decant `analyzeDocument(document)`",
  readability: "Readability.js `new Readability(document.cloneNode(true)).parse()`",
  defuddle: "Defuddle `new Defuddle(document).parse()`",
};
for (const t of TOOLS) {
  const s = toolStats[t];
  L(`| ${NAMES[t] || t} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.errs} |`);
}
L();
L("Per-page speed-up of Decant (other tool's time ÷ Decant's time on the same page):");
L();
L("| vs | pages | median | p5 (worst pages) | p95 |");
L("| --- | --- | --- | --- | --- |");
for (const [t, r] of Object.entries(ratios)) {
  L(
    `| ${t} | ${r.length} | ${median(r).toFixed(1)}× | ${quantile(r, 0.05).toFixed(1)}× | ${p95(r).toFixed(1)}× |`,
  );
}
L();
L("Where Decant's time goes (low-level `Page`, same pages, per-page medians):");
L();
L("| part | median | p95 | max |");
L("| --- | --- | --- | --- |");
L(
  `| snapshot: \`new Page(document)\` (DOM walk, attributes, computed style of probed nodes) | ${ms(median(splitSnap))} | ${ms(p95(splitSnap))} | ${ms(max(splitSnap))} |`,
);
L(
  `| \`page.analyze()\` (engine + result to JS) | ${ms(median(splitAna))} | ${ms(p95(splitAna))} | ${ms(max(splitAna))} |`,
);
L(`| \`page.free()\` | ${ms(median(splitFree))} | ${ms(p95(splitFree))} | ${ms(max(splitFree))} |`);
L(
  `| of the snapshot: the JS walker alone, \`walk(document)\` (DOM reads, strings, no WASM) | ${ms(median(splitWalk))} | ${ms(p95(splitWalk))} | ${ms(max(splitWalk))} |`,
);
L(
  `| floor: visiting every node once, reading its tag or text length (no copy) | ${ms(median(splitVisit))} | ${ms(p95(splitVisit))} | ${ms(max(splitVisit))} |`,
);
L(
  `| the extension's page-load path: \`new Page(document, {summary: false})\` + \`analyze()\` (no summary until the sidebar opens) | ${ms(median(splitCleanup))} | ${ms(p95(splitCleanup))} | ${ms(max(splitCleanup))} |`,
);
L();
L(
  `Per page, Readability.js's time ÷ that page-load path's: median ${median(cleanupRatio.filter(Number.isFinite)).toFixed(1)}×.`,
);
L();
L("Slowest pages for Decant:");
L();
L("| page | HTML | elements | Decant | snapshot | analyze | Readability.js |");
L("| --- | --- | --- | --- | --- | --- | --- |");
for (const p of slowest) {
  L(
    `| ${p.id} | ${kb(p.bytes)} | ${p.tools.elements} | ${ms(decantMed(p))} | ${ms(median(p.split.snapshot))} | ${ms(median(p.split.analyze))} | ${ms(median(p.tools.times.readability || []))} |`,
  );
}
L();

L("## Incremental path: `page.analyzeAdded([modal, backdrop])` (ms)");
L();
L("On each analysed page a fixed-position modal (heading “Subscribe to continue reading”, text,");
L("button) and a full-viewport backdrop are appended to `<body>`; the call is timed, then both");
L("are removed. “As inserted” includes the style/layout flush the call triggers (as in a");
L("MutationObserver callback); “after layout” forces layout first, leaving Decant's own work.");
L();
L("| variant | pages | median | p95 | max |");
L("| --- | --- | --- | --- | --- |");
L(
  `| as inserted | ${incCold.length} | ${ms(median(incCold))} | ${ms(p95(incCold))} | ${ms(max(incCold))} |`,
);
L(
  `| after layout | ${incFlushed.length} | ${ms(median(incFlushed))} | ${ms(p95(incFlushed))} | ${ms(max(incFlushed))} |`,
);
L(
  `| the layout flush alone (the browser's style and layout of the new nodes, before “after layout”) | ${incLayout.length} | ${ms(median(incLayout))} | ${ms(p95(incLayout))} | ${ms(max(incLayout))} |`,
);
L();
L(
  `The injected modal was flagged on ${incFlagged} of ${ok.length} pages (as paywall on ${incPaywall}).`,
);
L();

L("## Native: CLI core throughput (MB/s of HTML, parse included)");
L();
if (nat) {
  L(
    `${nat.files} files, ${(nat.bytes / 1e6).toFixed(1)} MB of HTML on the ${nat.common} files both tools accept; 1 warm-up + ${native.reps} runs each, alternating, per-file median; throughput = bytes ÷ sum of per-file medians. Profile \`native\` (opt-level 3).`,
  );
  L();
  L("| tool | MB/s | per-file speed-up of Decant, median (p5–p95) |");
  L("| --- | --- | --- |");
  L(
    `| Decant: \`parse_html_bytes\` + \`Engine::new(doc).analyze()\` | ${nat.decantMBs.toFixed(1)} | ${median(nat.perFileRatio).toFixed(2)}× (${quantile(nat.perFileRatio, 0.05).toFixed(2)}–${p95(nat.perFileRatio).toFixed(2)}×) |`,
  );
  L(
    `| dom_smoothie 0.19 \`Readability::new(html, None, None)?.parse()\` | ${nat.smoothieMBs.toFixed(1)} | |`,
  );
  L(`| ratio Decant ÷ dom_smoothie | ${nativeRatio.toFixed(2)}× | |`);
  L();
  L(
    `The parse alone (\`parse_html_bytes\`: decode + html5ever into the snapshot, timed in the same loop) runs at ${nat.parseMBs.toFixed(1)} MB/s and is ${(100 * nat.parseShare).toFixed(0)}% of Decant's time: it is the ceiling on Decant's throughput with this parser, ${(nat.parseMBs / nat.smoothieMBs).toFixed(2)}× dom_smoothie's (which parses with html5ever too).`,
  );
  L();
  if (nat.errors.length)
    L(
      `dom_smoothie failed on ${nat.errors.length} files (left out of both columns): ${[...new Set(nat.errors)].slice(0, 3).join("; ")}.`,
    );
  L();
} else {
  L(`Not measured: ${native.failed}.`);
  L();
}

L("## Native: summary time per article");
L();
if (!summaryTime.failed) {
  L(
    `\`cargo run --profile native -p decant-core --example summary_bench\`: the CNN/DailyMail articles of frank-cnndm-xsum, paragraphs as \`decant summarize --text\` cuts them, default options; one warm-up pass, then the median of 5 runs per article.`,
  );
  L();
  L("| articles | mean | p95 |");
  L("| --- | --- | --- |");
  L(`| ${summaryTime.articles} | ${ms(summaryTime.mean)} ms | ${ms(summaryTime.p95)} ms |`);
} else {
  L(`Not measured: ${summaryTime.failed}.`);
}
L();

L("## Size and memory");
L();
L("| file | raw | gzip -9 |");
L("| --- | --- | --- |");
for (const s of sizes) L(`| \`${s.path}\` | ${kb(s.raw)} | ${kb(s.gzip)} |`);
L();
L(
  "WASM linear memory (`memory.buffer.byteLength`; it never shrinks, so after the analysis it is the peak), fresh instance per page:",
);
L();
L("| page | HTML | elements | after init | after one analysis | that analysis (first run, cold) |");
L("| --- | --- | --- | --- | --- | --- |");
for (const m of memory) {
  if (m.failed) L(`| ${m.label} | | | failed: ${m.failed} | | |`);
  else
    L(
      `| ${m.label} | ${kb(m.bytes)} | ${m.elements} | ${mb(m.before)} | ${mb(m.memoryBytes)} | ${ms(m.ms)} ms |`,
    );
}
L();

L("## Scaling (generated pages, in the browser)");
L();
L("| elements | HTML | Decant median | p95 of reps | snapshot | analyze | free |");
L("| --- | --- | --- | --- | --- | --- | --- |");
for (const s of scaling) {
  if (s.failed) {
    L(`| ${s.n} | | failed: ${s.failed} | | | | |`);
    continue;
  }
  const t = s.tools.times.decant;
  L(
    `| ${s.tools.elements.toLocaleString("en")} | ${kb(s.bytes)} | ${ms(median(t))} ms | ${ms(p95(t))} ms | ${ms(median(s.split.snapshot))} ms | ${ms(median(s.split.analyze))} ms | ${ms(median(s.split.free))} ms |`,
  );
}
L();
L(
  `Fitted exponent (least squares, log time vs log elements): **${exponent.toFixed(2)}** (1.0 = linear).`,
);
L();

mkdirSync(join(BENCH, "out"), { recursive: true });
writeFileSync(
  join(BENCH, "out", "results.json"),
  JSON.stringify({ perPage, memory, scaling, native, summaryTime, sizes, phases }, null, 1),
);
writeFileSync(join(BENCH, "RESULTS.md"), lines.join("\n"));
log(`wrote bench/RESULTS.md (${statSync(join(BENCH, "RESULTS.md")).size} bytes)`);
console.log(lines.join("\n"));
