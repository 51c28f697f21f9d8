// pkg/ in Firefox (Debian's firefox-esr, headless): the page imports the built package, runs
// analyzeHtml and summarize on the demo page, and posts what it got back to the test server.
// Firefox's --screenshot mode loads the page and exits; a slow iframe holds the load event
// until the module has reported.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { ROOT } from "./helpers.mjs";

const FIREFOX = "/usr/bin/firefox-esr";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

const PAGE = `<!doctype html><meta charset="utf-8"><body>
<iframe src="/slow" hidden></iframe>
<script type="module">
import { init, analyzeHtml, summarize } from "/pkg/index.js";
let report;
try {
  await init();
  const html = await (await fetch("/examples/aggregator.html")).text();
  const a = analyzeHtml(html);
  const s = summarize(a.article.article_text, { length: "short" });
  report = { ua: navigator.userAgent, title: a.article.title, source: a.metadata.source,
    labels: a.blocks.map((b) => b.label), points: s.points.map((p) => p.text) };
} catch (e) {
  report = { error: String(e.code) + " " + e.message };
}
await fetch("/report", { method: "POST", body: JSON.stringify(report) });
</script>`;

test(
  "the package works in Firefox",
  { skip: !existsSync(FIREFOX) && "no firefox-esr" },
  async () => {
    let report = null;
    const server = createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      if (url.pathname === "/slow") return void setTimeout(() => res.end("ok"), 8000);
      if (url.pathname === "/check.html") return void res.end(PAGE);
      if (url.pathname === "/report") {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          report = JSON.parse(body);
          res.end("ok");
        });
        return;
      }
      const file = join(ROOT, url.pathname);
      if (!file.startsWith(ROOT) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(readFileSync(file));
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${server.address().port}/check.html`;
    const profile = mkdtempSync(join(tmpdir(), "decant-ff-"));
    const shot = join(profile, "shot.png");
    await new Promise((resolve) =>
      execFile(
        FIREFOX,
        ["--headless", "--no-remote", "--profile", profile, "--screenshot", shot, url],
        { timeout: 60000 },
        () => resolve(),
      ),
    );
    server.close();
    assert.ok(report, "the page reported back");
    assert.equal(report.error, undefined);
    assert.match(report.ua, /Firefox/);
    assert.match(report.title, /ferries/);
    assert.equal(report.source, "The Northgate Courier");
    for (const l of ["article", "paywall", "aggregator", "app-banner", "related"]) {
      assert.ok(report.labels.includes(l), l);
    }
    assert.equal(report.points.length, 3);
  },
);
