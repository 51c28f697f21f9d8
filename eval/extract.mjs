// Article-text evaluation: Decant against Readability.js 0.6, side by side, in one run.
//
//   make eval-extract            (builds the extract_jsonl example, then runs this)
//   node eval/extract.mjs [--corpus DIR] [--only bench|traf|rtp] [--worst N] [--pages] [--no-rjs]
//                         [--dump FILE]
//
// --no-rjs skips the live Readability.js run (quick iterations on Decant only). --dump writes
// every page's Decant output and score as JSON lines, to compare two runs page by page.
//
// Sets (read-only, under ../shared/corpus): article-extraction-benchmark (4-gram shingle
// P/R/F1), trafilatura-eval (with/without snippets), readability-test-pages (shingle F1 against
// expected.html, metadata against expected-metadata.json). See eval/README.md.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

import { Readability } from "@mozilla/readability";
import { DOMParser } from "linkedom";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const CORPUS = resolve(ROOT, opt("--corpus", process.env.CORPUS ?? "../shared/corpus"));
const ONLY = opt("--only", "");
const RJS = !args.includes("--no-rjs");
const WORST = Number(opt("--worst", "10"));
const DUMP = opt("--dump", "");
const EXAMPLE = join(ROOT, "target/native/examples/extract_jsonl");
const BENCH = join(CORPUS, "article-extraction-benchmark");
const TRAF = join(CORPUS, "trafilatura-eval");
const RTP = join(CORPUS, "readability-test-pages");

// --- Shared helpers ------------------------------------------------------------------------

/** File bytes, gunzipped when the name ends in .gz. */
const readBytes = (path) => {
  const raw = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(raw) : raw;
};
/** UTF-8 with invalid sequences replaced: the same decoding the Rust side applies. */
const decode = (bytes) => new TextDecoder("utf-8", { fatal: false }).decode(bytes);
const collapse = (s) => (s ?? "").replace(/\s+/g, " ").trim();
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const f1 = (p, r) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? "  -  " : x.toFixed(3));

// --- The shingle metric (article-extraction-benchmark README) --------------------------------

/** Word tokens: Python's Unicode `\w+` (letters, numbers, underscore), case kept. */
const tokenize = (s) => (s ?? "").match(/[\p{L}\p{N}_]+/gu) ?? [];

/** Multiset of 4-token shingles (a text shorter than 4 tokens is one shingle). */
function shingles(tokens, n = 4) {
  const m = new Map();
  const count = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < count; i++) {
    const sh = tokens.slice(i, i + n).join(" ");
    if (sh) m.set(sh, (m.get(sh) ?? 0) + 1);
  }
  return m;
}

/** One page: normalised TP/FP/FN, exact token match, and what differs for the diagnosis. */
function scorePage(truth, pred) {
  const tt = tokenize(truth);
  const pt = tokenize(pred);
  const ts = shingles(tt);
  const ps = shingles(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of ts) {
    const p = ps.get(k) ?? 0;
    tp += Math.min(c, p);
    fn += Math.max(0, c - p);
  }
  for (const [k, c] of ps) fp += Math.max(0, c - (ts.get(k) ?? 0));
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  const exact = tt.length === pt.length && tt.every((t, i) => t === pt[i]);
  return { tp, fp, fn, exact, tt, pt, ts, ps };
}

/** Macro precision/recall over pages, F1 of the averages, exact-match accuracy. */
function aggregate(pages) {
  const p = mean(pages.filter((s) => s.tp + s.fp > 0).map((s) => s.tp / (s.tp + s.fp)));
  const r = mean(pages.filter((s) => s.tp + s.fn > 0).map((s) => s.tp / (s.tp + s.fn)));
  return { p, r, f: f1(p, r), acc: mean(pages.map((s) => (s.exact ? 1 : 0))) };
}

const pageP = (s) => (s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0);
const pageR = (s) => (s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 1);

/** The longest run of tokens of `tokens` whose shingle is absent from `other`, as a hint. */
function longestRun(tokens, other) {
  let best = [0, 0];
  let start = -1;
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i <= n; i++) {
    const miss = i < n && !other.has(tokens.slice(i, i + 4).join(" "));
    if (miss && start < 0) start = i;
    if (!miss && start >= 0) {
      if (i - start > best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  if (best[1] === best[0]) return null;
  const where = best[0] === 0 ? "start" : best[1] + 3 >= tokens.length ? "end" : `token ${best[0]}`;
  const words = tokens.slice(best[0], Math.min(best[1] + 3, best[0] + 8)).join(" ");
  return { len: best[1] - best[0] + 3, where, words };
}

/** What went wrong on one page, in a few words. */
function diagnose(out, s) {
  if (!out) return "no output";
  if (out.error) return `error: ${out.error}`;
  if (!out.is_article) return "not taken for an article (no text)";
  const parts = [];
  const r = pageR(s);
  const p = pageP(s);
  if (r < 0.95) {
    const run = longestRun(s.tt, s.ps);
    const share = Math.round((1 - r) * 100);
    const kind = r < 0.5 ? "root too narrow or wrong block" : "part of the body dropped";
    parts.push(`missed ${share}% of body: ${kind}`);
    if (run) parts.push(`longest gap ${run.len} words at ${run.where} "${run.words}…"`);
  }
  if (p < 0.95) {
    const run = longestRun(s.pt, s.ts);
    parts.push(`extra ${Math.round((1 - p) * 100)}% of output`);
    if (run) parts.push(`longest ${run.len} words at ${run.where} "${run.words}…"`);
  }
  return parts.join("; ") || "minor token differences";
}

// --- Systems -----------------------------------------------------------------------------------

/** Runs the Rust example on `jobs` ([id, path]); resolves to a Map id → output. */
function runDecant(jobs) {
  if (!existsSync(EXAMPLE)) {
    throw new Error(`${EXAMPLE} missing: run 'make eval-extract' (it builds the example)`);
  }
  return new Promise((ok, fail) => {
    const child = spawn(EXAMPLE, [], { stdio: ["pipe", "pipe", "inherit"] });
    const out = new Map();
    let buf = "";
    const started = Date.now();
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) {
          const v = JSON.parse(line);
          out.set(v.id, v);
        }
      }
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code !== 0) fail(new Error(`extract_jsonl exited with ${code}`));
      else ok({ out, ms: Date.now() - started });
    });
    child.stdin.end(jobs.map(([id, path]) => `${id}\t${path}\n`).join(""));
  });
}

/** Readability.js on one page: textContent and its metadata, or an empty result. */
function runReadability(html) {
  try {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const a = new Readability(doc).parse();
    if (!a) return { text: "", meta: {} };
    return { text: a.textContent ?? "", meta: a };
  } catch (e) {
    return { text: "", meta: {}, error: String(e?.message ?? e) };
  }
}

// --- The sets ------------------------------------------------------------------------------

function loadJson(path) {
  return JSON.parse(decode(readBytes(path)));
}

function benchPages() {
  const truth = loadJson(join(BENCH, "ground-truth.json"));
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      set: "bench",
      id,
      path: join(BENCH, "html", `${id}.html.gz`),
      truth: truth[id].articleBody,
    }));
}

function trafPages() {
  const data = loadJson(join(TRAF, "evaldata.json"));
  return Object.entries(data).map(([url, e]) => ({
    set: "traf",
    id: url,
    path: join(TRAF, "html", `${e.file}.gz`),
    with: e.with ?? [],
    without: e.without ?? [],
  }));
}

function rtpPages() {
  return readdirSync(RTP, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(RTP, name);
      const expected = new DOMParser().parseFromString(
        decode(readFileSync(join(dir, "expected.html"))),
        "text/html",
      );
      return {
        set: "rtp",
        id: name,
        path: join(dir, "source.html"),
        truth: expected.documentElement?.textContent ?? "",
        meta: loadJson(join(dir, "expected-metadata.json")),
      };
    });
}

/** The published predictions of another system on the benchmark, scored with our metric. */
function publishedRow(system, pages) {
  const path = join(BENCH, "output", `${system}.json.gz`);
  if (!existsSync(path)) return null;
  const raw = loadJson(path);
  const preds = raw.output ?? raw;
  return aggregate(pages.map((pg) => scorePage(pg.truth, preds[pg.id]?.articleBody ?? "")));
}

/** Micro P/R/F over with/without snippets. */
function snippetScore(pages, textOf) {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const pg of pages) {
    const text = collapse(textOf(pg));
    for (const w of pg.with) text && text.includes(collapse(w)) ? tp++ : fn++;
    for (const w of pg.without) text && text.includes(collapse(w)) ? fp++ : tn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return {
    p,
    r,
    f: (2 * tp) / Math.max(1, 2 * tp + fp + fn),
    acc: (tp + tn) / (tp + tn + fp + fn),
  };
}

/** One trafilatura page: the "with" snippets missing and the "without" snippets present. */
function snippetPage(pg, text) {
  const t = collapse(text);
  const missed = pg.with.filter((w) => !(t && t.includes(collapse(w))));
  const kept = pg.without.filter((w) => t && t.includes(collapse(w)));
  return { missed, kept, errors: missed.length + kept.length };
}

/** What went wrong on one trafilatura page, in a few words. */
function diagnoseSnippets(out, sp) {
  if (!out) return "no output";
  if (out.error) return `error: ${out.error}`;
  if (!out.is_article) return `not taken for an article: ${sp.missed.length} snippets missed`;
  const cut = (s) => {
    const c = collapse(s);
    return c.length > 50 ? `${c.slice(0, 50)}…` : c;
  };
  const parts = [];
  if (sp.missed.length) parts.push(`missing ${sp.missed.map((s) => `"${cut(s)}"`).join(", ")}`);
  if (sp.kept.length) parts.push(`unwanted ${sp.kept.map((s) => `"${cut(s)}"`).join(", ")}`);
  return parts.join("; ");
}

// --- Metadata ------------------------------------------------------------------------------

const META_FIELDS = [
  ["title", "title", "title"],
  ["byline", "byline", "byline"],
  ["excerpt", "excerpt", "excerpt"],
  ["siteName", "site_name", "siteName"],
  ["publishedTime", "published", "publishedTime"],
];

function sameMeta(field, got, want) {
  const g = collapse(got ?? "");
  const w = collapse(want ?? "");
  if (g === w) return true;
  if (field === "publishedTime" && g && w) {
    const [a, b] = [Date.parse(g), Date.parse(w)];
    return !Number.isNaN(a) && a === b;
  }
  return false;
}

/** Share of pages right per field (publishedTime only where one is expected, as upstream). */
function metaScore(pages, metaOf) {
  const res = {};
  for (const [field, decantKey, rjsKey] of META_FIELDS) {
    let n = 0;
    let ok = 0;
    for (const pg of pages) {
      if (!(field in pg.meta)) continue;
      if (field === "publishedTime" && pg.meta[field] === null) continue;
      n++;
      if (sameMeta(field, metaOf(pg, decantKey, rjsKey), pg.meta[field])) ok++;
    }
    res[field] = n ? ok / n : null;
  }
  return res;
}

// --- Main ----------------------------------------------------------------------------------

async function main() {
  const sets = [];
  if (!ONLY || ONLY === "bench") sets.push(...benchPages());
  if (!ONLY || ONLY === "traf") sets.push(...trafPages());
  if (!ONLY || ONLY === "rtp") sets.push(...rtpPages());
  const decantRun = runDecant(sets.map((pg, i) => [String(i), pg.path]));
  // Readability.js in the same run, yielding to the event loop so the child's output drains.
  let rjsMs = 0;
  for (const pg of sets) {
    const html = RJS ? decode(readBytes(pg.path)) : "";
    const t0 = Date.now();
    pg.rjs = RJS ? runReadability(html) : { text: "", meta: {} };
    rjsMs += Date.now() - t0;
    await new Promise((r) => setImmediate(r));
  }
  const { out, ms: decantMs } = await decantRun;
  sets.forEach((pg, i) => (pg.decant = out.get(String(i))));
  const decantText = (pg) => pg.decant?.article_text ?? "";
  const rjsText = (pg) => pg.rjs.text;

  const rows = [];
  const row = (set, system, s, note = "") => {
    if (RJS || !system.startsWith("Readability.js 0.6 live")) rows.push([set, system, s, note]);
  };
  const worst = [];
  const bench = sets.filter((pg) => pg.set === "bench");
  if (bench.length) {
    const dec = bench.map((pg) => scorePage(pg.truth, decantText(pg)));
    bench.forEach((pg, i) => worst.push({ pg, s: dec[i] }));
    row("benchmark (181)", "Decant", aggregate(dec));
    row(
      "",
      "Readability.js 0.6 live",
      aggregate(bench.map((pg) => scorePage(pg.truth, rjsText(pg)))),
    );
    const pub = [
      ["readability_js", "Readability.js file", "published F1 0.947"],
      ["rs_trafilatura", "rs_trafilatura file", "published F1 0.970"],
      ["trafilatura", "trafilatura file", "published F1 0.958"],
    ];
    for (const [sys, label, note] of pub) {
      const s = publishedRow(sys, bench);
      if (s) row("", label, s, note);
    }
  }
  const traf = sets.filter((pg) => pg.set === "traf");
  if (traf.length) {
    row(
      "trafilatura-eval (990)",
      "Decant",
      snippetScore(traf, decantText),
      "micro, acc=(TP+TN)/all",
    );
    row("", "Readability.js 0.6 live", snippetScore(traf, rjsText));
    row("", "trafilatura 2.2.0", { p: 0.906, r: 0.943, f: 0.924, acc: 0.923 }, "published");
    traf.forEach((pg) => (pg.snip = snippetPage(pg, decantText(pg))));
  }
  const rtp = sets.filter((pg) => pg.set === "rtp");
  if (rtp.length) {
    const dec = rtp.map((pg) => scorePage(pg.truth, decantText(pg)));
    rtp.forEach((pg, i) => worst.push({ pg, s: dec[i] }));
    row("readability-test (130)", "Decant", aggregate(dec), "vs expected.html text");
    row(
      "",
      "Readability.js 0.6 live",
      aggregate(rtp.map((pg) => scorePage(pg.truth, rjsText(pg)))),
    );
    const metaOf = [
      ["Decant", (pg, dk) => pg.decant?.[dk]],
      ["Readability.js 0.6 live", (pg, _dk, rk) => pg.rjs.meta?.[rk]],
    ];
    for (const [label, get] of metaOf) {
      const ms = metaScore(rtp, get);
      const note = META_FIELDS.map(([field]) => `${field} ${fmt(ms[field])}`).join("  ");
      row("", `${label} metadata`, null, note);
    }
    const agree = (got) => mean(rtp.map((pg) => (got(pg) === pg.meta.readerable ? 1 : 0)));
    row(
      "",
      "Decant is_article",
      null,
      `agrees with expected readerable on ${fmt(agree((pg) => !!pg.decant?.is_article))} of pages`,
    );
  }

  const w = [24, 26];
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? String(c).padEnd(w[i]) : String(c).padStart(6))).join(" ");
  console.log(line(["set", "system", "P", "R", "F1", "acc"]) + "  note");
  console.log("-".repeat(100));
  for (const [set, system, s, note] of rows) {
    const nums = s ? [fmt(s.p), fmt(s.r), fmt(s.f), fmt(s.acc)] : ["", "", "", ""];
    console.log(line([set, system, ...nums]) + (note ? `  ${note}` : ""));
  }
  const errors = sets.filter((pg) => !pg.decant || pg.decant.error);
  const notArticle = sets.filter((pg) => pg.decant && !pg.decant.error && !pg.decant.is_article);
  const rjsErrors = sets.filter((pg) => pg.rjs.error);
  console.log(
    `\nDecant: ${sets.length} pages in ${(decantMs / 1000).toFixed(1)} s (one process, wall), ` +
      `${errors.length} errors/panics, ${notArticle.length} not taken for articles. ` +
      `Readability.js: ${(rjsMs / 1000).toFixed(1)} s (parse + extract), ${rjsErrors.length} threw.`,
  );
  for (const pg of errors) console.log(`  ERROR ${pg.set} ${pg.id}: ${pg.decant?.error}`);

  const f = (s) => f1(pageP(s), pageR(s));
  worst.sort((a, b) => f(a.s) - f(b.s));
  console.log(`\n${WORST} worst Decant pages (benchmark + readability-test-pages, by page F1):`);
  for (const { pg, s } of worst.slice(0, WORST)) {
    const name = pg.set === "bench" ? `bench ${pg.id.slice(0, 10)}` : `rtp ${pg.id}`;
    console.log(
      `  ${name.padEnd(34)} F1 ${fmt(f(s))} P ${fmt(pageP(s))} R ${fmt(pageR(s))}  ` +
        diagnose(pg.decant, s),
    );
  }
  if (traf.length) {
    const byErrors = [...traf].sort((a, b) => b.snip.errors - a.snip.errors);
    const totals = { missed: 0, kept: 0, notArticle: 0 };
    for (const pg of traf) {
      totals.missed += pg.snip.missed.length;
      totals.kept += pg.snip.kept.length;
      if (pg.decant && !pg.decant.is_article) totals.notArticle += pg.snip.missed.length;
    }
    console.log(
      `\n${WORST} worst Decant pages (trafilatura-eval, by snippets wrong): ` +
        `${totals.missed} "with" missed (${totals.notArticle} on pages not taken for articles), ` +
        `${totals.kept} "without" kept`,
    );
    for (const pg of byErrors.slice(0, WORST)) {
      const name = pg.path.split("/").pop().replace(/\.gz$/, "").slice(0, 32);
      console.log(
        `  ${name.padEnd(34)} -${pg.snip.missed.length}/${pg.with.length} ` +
          `+${pg.snip.kept.length}/${pg.without.length}  ${diagnoseSnippets(pg.decant, pg.snip)}`,
      );
    }
  }
  if (DUMP) {
    const lines = sets.map((pg) => {
      const s = pg.set === "traf" ? pg.snip : scorePage(pg.truth, decantText(pg));
      const score =
        pg.set === "traf"
          ? { missed: s.missed, kept: s.kept }
          : { f1: f1(pageP(s), pageR(s)), p: pageP(s), r: pageR(s) };
      return JSON.stringify({ set: pg.set, id: pg.id, path: pg.path, ...score, decant: pg.decant });
    });
    writeFileSync(DUMP, lines.join("\n") + "\n");
  }
  if (args.includes("--pages")) {
    console.log("\nAll pages (set id F1 P R root):");
    for (const { pg, s } of worst) {
      console.log(
        `  ${pg.set} ${pg.id} ${fmt(f(s))} ${fmt(pageP(s))} ${fmt(pageR(s))} ${pg.decant?.root ?? ""}`,
      );
    }
  }
}

await main();
