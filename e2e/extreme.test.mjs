// Extreme inputs through the WASM API in Chromium (the CLI's are in src/core/tests): each
// returns an analysis or a DecantError with a code, never a trap, and the instance still works
// afterwards. Each case runs in a fresh page so the linear memory reported is that case's peak.
// Times and memory are printed (`# ...` lines), not asserted: `make bench` is where speed lives.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchPlain, ROOT } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await serve(ROOT);
  browser = await launchPlain();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Input builders, run in the page. `html` cases go through analyzeHtml (the browser's parser,
 * no layout); `live` cases build the tree in the live document, inside a `display: none`
 * container so that Chromium's own layout is not what gets measured; `text` goes to summarize.
 */
const CASES = {
  "empty document": { kind: "html", build: () => "" },
  "whitespace only": { kind: "html", build: () => " \n\t ".repeat(1000) },
  "no <body>": { kind: "html", build: () => "<html><head><title>t</title></head></html>" },
  "every HTML entity form": {
    kind: "html",
    build: () => "&amp;&lt;&gt;&quot;&nbsp;&copy;&#x1F600;&#0;&#xD800;&bogus;&".repeat(5000),
  },
  "binary garbage": {
    kind: "html",
    build: () => {
      let s = "";
      let x = 12345;
      for (let i = 0; i < 1 << 20; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        s += String.fromCharCode(x >>> 24);
      }
      return s;
    },
  },
  "invalid UTF-16 (lone surrogates)": {
    kind: "html",
    build: () => "<p>\uD800 broken \uDC00 text \uDBFF</p>".repeat(10000),
  },
  "200,000 siblings": { kind: "html", build: () => "<p>x</p>".repeat(200_000) },
  "10,000 iframes": { kind: "html", build: () => "<iframe src=x></iframe>".repeat(10_000) },
  "20 MB text node": { kind: "html", build: () => `<p>${"word ".repeat(4_000_000)}</p>` },
  "100,000-deep nesting (live DOM)": {
    kind: "live",
    build: () => {
      let el = document.createElement("div");
      el.style.display = "none";
      document.body.appendChild(el);
      for (let i = 0; i < 100_000; i++) el = el.appendChild(document.createElement("div"));
      el.textContent = "Subscribe to continue reading.";
    },
  },
  "200,000 siblings (live DOM)": {
    kind: "live",
    build: () => {
      const box = document.createElement("div");
      box.style.display = "none";
      for (let i = 0; i < 200_000; i++) box.appendChild(document.createElement("p")).append("x");
      document.body.appendChild(box);
    },
  },
  "20 MB text (summarize)": {
    kind: "text",
    build: () => "Word and more words. ".repeat(1_000_000),
  },
};

for (const [name, { kind, build }] of Object.entries(CASES)) {
  test(`extreme input through the WASM API: ${name}`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.base}/e2e/fixtures/blank.html`);
    const r = await page.evaluate(
      async ({ kind, build }) => {
        const m = await import("/pkg/index.js");
        const glue = await import("/pkg/decant_wasm.js");
        await m.init();
        const wasm = await glue.default();
        const before = wasm.memory.buffer.byteLength;
        const input = (0, eval)(`(${build})`)();
        const t0 = performance.now();
        let outcome;
        try {
          let result;
          if (kind === "html") result = m.analyzeHtml(input);
          else if (kind === "live") result = m.analyzeDocument(document, { summary: false });
          else result = m.summarize(input);
          outcome = {
            ok: true,
            blocks: result.blocks ? result.blocks.length : null,
            points: result.points ? result.points.length : null,
          };
        } catch (e) {
          outcome = { ok: false, name: e.name, code: e.code, message: e.message };
        }
        const ms = performance.now() - t0;
        // The instance still answers afterwards.
        const after = m.summarize("One sentence here. Another sentence there.").points.length;
        return { ...outcome, ms, before, peak: wasm.memory.buffer.byteLength, after };
      },
      { kind, build: build.toString() },
    );
    const mb = (b) => (b / 1048576).toFixed(1);
    console.log(
      `# ${name}: ${r.ok ? "result" : `error ${r.code}`} in ${r.ms.toFixed(0)} ms, ` +
        `WASM memory ${mb(r.before)} → ${mb(r.peak)} MB`,
    );
    if (r.ok) {
      if (kind === "text") assert.ok(r.points >= 1, "a summary of the text");
      else assert.ok(Number.isInteger(r.blocks), "an analysis with blocks");
    } else {
      assert.equal(r.name, "DecantError", r.message);
      assert.notEqual(r.code, "internal", r.message);
    }
    assert.ok(r.after >= 1, "the core still works after the case");
    assert.deepEqual(errors, []);
    await page.close();
  });
}
