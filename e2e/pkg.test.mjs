// pkg/ as a user gets it: imported from a plain page with no bundler, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve, launchPlain, ROOT } from "./helpers.mjs";

let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(join(ROOT, "pkg", "index.js")), "run `make build` first");
  server = await serve(ROOT);
  browser = await launchPlain();
  page = await browser.newPage();
  await page.goto(`${server.base}/examples/aggregator.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("calls before init() fail with code not-initialized", async () => {
  const code = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    try {
      m.analyzeDocument(document);
    } catch (e) {
      return e.code;
    }
  });
  assert.equal(code, "not-initialized");
});

test("init() is idempotent and accepts a URL, a Response, bytes or a Module", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    const a = m.init();
    const b = m.init();
    await a;
    const bytes = await (await fetch("/pkg/decant_wasm_bg.wasm")).arrayBuffer();
    const module = await WebAssembly.compile(bytes);
    // Fresh module instances (query strings) to exercise each input kind.
    const kinds = {};
    for (const [name, input] of [
      ["url", "/pkg/decant_wasm_bg.wasm"],
      ["response", fetch("/pkg/decant_wasm_bg.wasm")],
      ["bytes", bytes],
      ["module", module],
    ]) {
      const fresh = await import(`/pkg/index.js?${name}`);
      await fresh.init(await input);
      kinds[name] = fresh.analyzeHtml("<p>x</p>").blocks.length >= 0;
    }
    return { same: a === b, kinds };
  });
  assert.equal(r.same, true);
  assert.deepEqual(r.kinds, { url: true, response: true, bytes: true, module: true });
});

test("analyzeDocument: the demo page's blocks with labels, reasons and elements", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const a = m.analyzeDocument(document);
    return {
      article: a.article && a.article.element.localName,
      title: a.article && a.article.title,
      labels: a.blocks.map((b) => b.label),
      allHaveElements: a.blocks.every((b) => b.element instanceof Element),
      allHaveReasons: a.blocks.every((b) => b.reasons.length > 0 && b.message.length > 0),
      confidences: a.blocks.every((b) => b.confidence > 0 && b.confidence <= 1),
    };
  });
  assert.ok(r.article);
  assert.match(r.title, /ferries/i);
  for (const l of ["article", "paywall", "aggregator", "related", "app-banner", "nav"]) {
    assert.ok(r.labels.includes(l), `has ${l}`);
  }
  assert.ok(r.allHaveElements && r.allHaveReasons && r.confidences);
});

test("analyzeHtml on a real page string; bad input gets bad-argument", async () => {
  const html = await (
    await fetch(`${server.base}/tests/devset/fr-quotidien-abonnez-vous.html`)
  ).text();
  const r = await page.evaluate(async (html) => {
    const m = await import("/pkg/index.js");
    await m.init();
    const a = m.analyzeHtml(html);
    const codes = [];
    for (const bad of [() => m.analyzeHtml(42), () => m.analyzeDocument({}), () => m.cleanup(1)]) {
      try {
        bad();
      } catch (e) {
        codes.push(e.code);
      }
    }
    const detached = document.implementation.createDocument(null, null);
    try {
      m.analyzeDocument(detached);
    } catch (e) {
      codes.push(e.code);
    }
    return { labels: a.blocks.map((b) => b.label), lang: a.metadata.lang, codes };
  }, html);
  assert.ok(r.labels.includes("paywall"));
  assert.ok(r.labels.includes("consent"));
  assert.equal(r.lang, "fr");
  assert.deepEqual(r.codes, ["bad-argument", "bad-argument", "bad-argument", "detached"]);
});

test("cleanup hides, show() brings one block back, undo restores the page exactly", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const before = document.documentElement.outerHTML;
    const h = m.cleanup(document);
    const hiddenCount = h.hidden.length;
    const labels = [...new Set(h.hidden.map((b) => b.label))].sort();
    const first = h.hidden[0];
    h.show(first);
    const shown = !first.element.hasAttribute("data-decant-hidden");
    h.undo();
    return { hiddenCount, labels, shown, same: document.documentElement.outerHTML === before };
  });
  assert.ok(r.hiddenCount >= 5);
  assert.deepEqual(r.labels, ["aggregator", "app-banner", "paywall"]);
  assert.ok(r.shown);
  assert.ok(r.same);
});

test("observe() catches an overlay added later; disconnect() stops", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const h = m.cleanup(document, { labels: ["consent"] });
    h.observe();
    const banner = document.createElement("div");
    banner.innerHTML =
      "<p>We use cookies to improve your experience.</p><button>Accept all</button><button>Reject all</button>";
    document.body.append(banner);
    await new Promise((r) => setTimeout(r, 300));
    const caught = banner.getAttribute("data-decant-hidden");
    h.disconnect();
    const later = document.createElement("div");
    later.innerHTML = banner.innerHTML;
    document.body.append(later);
    await new Promise((r) => setTimeout(r, 300));
    const after = later.hasAttribute("data-decant-hidden");
    h.undo();
    banner.remove();
    later.remove();
    return { caught, after };
  });
  assert.equal(r.caught, "consent");
  assert.equal(r.after, false);
});

test("summarize() gives points that are sentences of the text", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const text = [...document.querySelectorAll("article p")].map((p) => p.textContent).join("\n\n");
    const s = m.summarize(text, { length: "short" });
    const flat = text.replace(/\s+/g, " ");
    let code = null;
    try {
      m.summarize("x", { length: "huge" });
    } catch (e) {
      code = e.code;
    }
    return {
      points: s.points.length,
      verbatim: s.points.every((p) => flat.includes(p.text)),
      minutes: s.reading_minutes,
      code,
    };
  });
  assert.equal(r.points, 3);
  assert.ok(r.verbatim);
  assert.ok(r.minutes >= 1);
  assert.equal(r.code, "bad-argument");
});

test("npm pack lists only the files a user needs", async () => {
  const { execFileSync } = await import("node:child_process");
  const out = execFileSync("npm", ["pack", "--dry-run", "--json"], {
    cwd: join(ROOT, "pkg"),
    encoding: "utf8",
  });
  const files = JSON.parse(out)[0]
    .files.map((f) => f.path)
    .sort();
  assert.deepEqual(files, [
    "README.md",
    "decant_wasm.d.ts",
    "decant_wasm.js",
    "decant_wasm_bg.wasm",
    "decant_wasm_bg.wasm.d.ts",
    "index.d.ts",
    "index.js",
    "package.json",
    "walk.js",
  ]);
});

test("examples/web: the sample page is analysed and outlined in its preview", async () => {
  const demo = await browser.newPage();
  await demo.goto(`${server.base}/examples/web/index.html`);
  await demo.waitForFunction(() => document.getElementById("status").textContent === "Ready");
  await demo.click("#sample");
  await demo.waitForFunction(() => document.getElementById("html").value.length > 1000);
  await demo.click("#run");
  await demo.waitForFunction(() => document.getElementById("legend").children.length > 5);
  const legend = await demo.textContent("#legend");
  for (const l of ["paywall", "aggregator", "related", "app-banner"]) assert.ok(legend.includes(l));
  const frame = demo.frameLocator("#preview");
  await demo.waitForFunction(
    () => document.getElementById("preview").contentDocument.querySelectorAll("[title]").length > 3,
  );
  assert.match(
    await frame.locator("section[title^='paywall']").first().getAttribute("title"),
    /sign up to read/,
  );
  // A pasted page's resources on other hosts are not fetched by the preview: the page's CSP
  // (inherited by the srcdoc frame) blocks them before they reach the network.
  const requests = [];
  demo.on("request", (r) => requests.push(r.url()));
  const failures = [];
  demo.on("requestfailed", (r) => failures.push(r.failure()?.errorText));
  await demo.fill(
    "#html",
    '<html><body><img src="https://tracker.example/pixel.gif"><p>Paste test.</p></body></html>',
  );
  await demo.click("#run");
  await demo.waitForFunction(() =>
    document.getElementById("preview").contentDocument?.body?.textContent.includes("Paste test"),
  );
  await demo.waitForTimeout(300);
  assert.deepEqual(
    requests.filter((u) => !u.startsWith(server.base)),
    ["https://tracker.example/pixel.gif"],
  );
  assert.deepEqual(failures, ["csp"], "blocked by the CSP, not sent");
  await demo.close();
});

test("options.summary = false skips the summary; a non-boolean is bad-argument", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const on = m.analyzeDocument(document);
    const off = m.analyzeDocument(document, { summary: false });
    let code = null;
    try {
      m.analyzeDocument(document, { summary: "no" });
    } catch (e) {
      code = e.code;
    }
    return { on: on.summary && on.summary.points.length, off: off.summary, code };
  });
  assert.ok(r.on >= 3);
  assert.equal(r.off, null);
  assert.equal(r.code, "bad-argument");
});

test("labels and the observe() settings are checked: a wrong value is bad-argument", async () => {
  const r = await page.evaluate(async () => {
    const m = await import("/pkg/index.js");
    await m.init();
    const code = (options) => {
      try {
        m.cleanup(document, options).undo();
        return "ok";
      } catch (e) {
        return e.code;
      }
    };
    return [
      code({ labels: "paywall" }),
      code({ labels: ["Paywall"] }),
      code({ labels: ["paywall", "related"] }),
      code({ debounceMs: -1 }),
      code({ cpuShare: "half" }),
      code({ debounceMs: 20, cpuShare: 0.5 }),
    ];
  });
  assert.deepEqual(r, ["bad-argument", "bad-argument", "ok", "bad-argument", "bad-argument", "ok"]);
});
