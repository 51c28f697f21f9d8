// The extension end to end: time from navigation start to cleaned (the content script's
// mark on <html>), and from a late overlay's insertion to its hiding. Measured, not asserted.
// Writes bench/RESULTS-extension.md. Usage: node bench/extension.mjs [runs per page]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { serve, launchWithExtension, ROOT } from "../e2e/helpers.mjs";

const RUNS = Number(process.argv[2] || 15);
const PAGES = [
  "/e2e/fixtures/modal.html",
  "/e2e/fixtures/consent.html",
  "/e2e/fixtures/spa.html",
  "/examples/aggregator.html",
  "/tests/devset/en-meter-bottom-sheet-free-articles.html",
  "/tests/devset/de-regionalzeitung-plus-paywall.html",
  "/tests/devset/en-clean-local-news.html",
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (x) => x.toFixed(1);

// Record, in the page, when Decant marks <html> and when it hides the late wall.
const PROBE = () => {
  // Runs before the document has a root element: watch the document node itself.
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (t === document.documentElement && t.hasAttribute("data-decant-active")) {
        window.__cleanedAt ??= performance.now();
      }
      if (t.id === "late-wall" && t.hasAttribute("data-decant-hidden")) {
        window.__wallHiddenAt ??= performance.now();
      }
    }
  }).observe(document, {
    attributes: true,
    subtree: true,
    attributeFilter: ["data-decant-active", "data-decant-hidden"],
  });
};

const server = await serve(ROOT, (_p, url) =>
  url.searchParams.has("csp") ? { "content-security-policy": "script-src 'self'" } : {},
);
const browser = await launchWithExtension();
await browser.context.addInitScript(PROBE);
const rows = [];
for (const csp of [false, true]) {
  for (const path of PAGES) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.base}${path}${csp ? "?csp=1" : ""}`);
      await page
        .waitForFunction(() => window.__cleanedAt, null, { timeout: 15000 })
        .catch((e) => {
          throw new Error(`${path} csp=${csp}: ${e.message}`);
        });
      times.push(await page.evaluate(() => window.__cleanedAt));
      await page.close();
    }
    rows.push({ path: path + (csp ? " (strict CSP: worker path)" : ""), times });
  }
}
const late = [];
for (let i = 0; i < RUNS; i++) {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/e2e/fixtures/late.html`);
  await page.waitForFunction(() => window.__wallHiddenAt, null, { timeout: 15000 });
  late.push(await page.evaluate(() => window.__wallHiddenAt - window.__wallInsertedAt));
  await page.close();
}
await browser.context.close();
await server.close();

const version = execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
const all = rows.flatMap((r) => (r.path.includes("CSP") ? [] : r.times));
const allCsp = rows.flatMap((r) => (r.path.includes("CSP") ? r.times : []));
let md = `# Extension end to end\n\n${new Date().toISOString()}, ${version}, headless, ${RUNS} loads per page, \`node bench/extension.mjs\`.\n\n`;
md +=
  "Time from navigation start to cleaned (the content script has loaded the core, analysed the page and applied the cleanup), ms:\n\n";
md += "| page | median | p95 | max |\n| --- | --- | --- | --- |\n";
for (const r of rows) {
  md += `| ${r.path} | ${fmt(quantile(r.times, 0.5))} | ${fmt(quantile(r.times, 0.95))} | ${fmt(Math.max(...r.times))} |\n`;
}
md += `| **all pages, in-page WASM** | ${fmt(quantile(all, 0.5))} | ${fmt(quantile(all, 0.95))} | ${fmt(Math.max(...all))} |\n`;
md += `| **all pages, strict CSP (worker)** | ${fmt(quantile(allCsp, 0.5))} | ${fmt(quantile(allCsp, 0.95))} | ${fmt(Math.max(...allCsp))} |\n\n`;
md += `A wall injected 1.5 s after load (e2e/fixtures/late.html), from insertion to hidden: median ${fmt(quantile(late, 0.5))} ms, p95 ${fmt(quantile(late, 0.95))} ms, max ${fmt(Math.max(...late))} ms (the observer debounces by 50 ms).\n`;
writeFileSync(join(ROOT, "bench", "RESULTS-extension.md"), md);
console.log(md);
