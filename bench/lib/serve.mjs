// The bench's page server and browser: every file is served from memory on 127.0.0.1, and
// Chromium may load only those files (all other requests are aborted, so no network is used).
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../../e2e/helpers.mjs";

export const BENCH = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = join(BENCH, "..");
const JS = "text/javascript";
export const HTML = "text/html; charset=utf-8";

const HEADERS = {
  // No page script runs (only ours, same origin); WASM may compile.
  "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'",
  // Cross-origin isolation: performance.now() at 5 µs resolution instead of 100 µs.
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/** The files every bench page needs: pkg/ (or `pkgDir`), the harness, Readability, Defuddle. */
export function baseFiles(pkgDir = join(ROOT, "pkg")) {
  const files = new Map();
  const put = (path, body, type) => files.set(path, { body, type });
  put("/pkg/index.js", readFileSync(join(pkgDir, "index.js")), JS);
  put("/pkg/decant_wasm.js", readFileSync(join(pkgDir, "decant_wasm.js")), JS);
  put("/pkg/walk.js", readFileSync(join(pkgDir, "walk.js")), JS);
  put(
    "/pkg/decant_wasm_bg.wasm",
    readFileSync(join(pkgDir, "decant_wasm_bg.wasm")),
    "application/wasm",
  );
  put("/bench/browser/harness.mjs", readFileSync(join(BENCH, "browser", "harness.mjs")), JS);
  // The two classic (UMD) scripts, wrapped as ES modules so loading them adds nothing to the DOM.
  const nm = join(ROOT, "node_modules");
  const readability = readFileSync(join(nm, "@mozilla", "readability", "Readability.js"), "utf8");
  put("/bench/vendor/readability.mjs", `${readability}\nexport default Readability;\n`, JS);
  const defuddle = readFileSync(join(nm, "defuddle", "dist", "index.js"), "utf8");
  put("/bench/vendor/defuddle.mjs", `${defuddle}\nexport default self.Defuddle;\n`, JS);
  return files;
}

export function versions() {
  const nm = join(ROOT, "node_modules");
  const v = (...p) => JSON.parse(readFileSync(join(nm, ...p, "package.json"))).version;
  return { readability: v("@mozilla", "readability"), defuddle: v("defuddle") };
}

function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`timeout: ${what}`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

/**
 * Serves `files` (path → {body, type}) and starts Chromium. Returns `{ base, browser, inPage,
 * blocked, tab, close }`; `inPage(url, fn, arg)` loads a page then runs `fn(harness, arg)` in it.
 */
export async function startBench(files, { timeoutMs = 60000 } = {}) {
  const server = createServer((req, res) => {
    const f = files.get(new URL(req.url, "http://x").pathname);
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": f.type, ...HEADERS });
    res.end(f.body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  // The e2e tests' flags, plus `gc()` so runs start without another run's garbage.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const state = { blocked: 0, tab: null };
  await context.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.origin === base && files.has(u.pathname)) return route.continue();
    state.blocked++;
    return route.abort();
  });
  state.tab = await context.newPage();

  async function inPage(url, fn, arg) {
    try {
      await state.tab.goto(base + url, { waitUntil: "load", timeout: 30000 });
      const src =
        `async (arg) => { const h = await import("/bench/browser/harness.mjs");` +
        ` await h.setup(); return (${fn})(h, arg); }`;
      return await withTimeout(
        state.tab.evaluate(`(${src})(${JSON.stringify(arg)})`),
        timeoutMs,
        url,
      );
    } catch (e) {
      await state.tab.close().catch(() => {});
      state.tab = await context.newPage();
      return { failed: String(e.message || e).split("\n")[0] };
    }
  }

  return {
    base,
    browser,
    inPage,
    state,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
