// Shared e2e plumbing: a static server on 127.0.0.1 and Chromium with the built extension.
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/**
 * Serves `dir` on 127.0.0.1. `headers(path, url)` may add response headers (e.g. a CSP).
 * Every request is recorded in `requests`.
 */
export async function serve(dir, headers = () => ({}), port = 0) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    const reqUrl = new URL(req.url, "http://x");
    const path = normalize(decodeURIComponent(reqUrl.pathname));
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] || "application/octet-stream",
      ...headers(path, reqUrl),
    });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium with dist/chrome loaded; returns { context, extensionId }. */
export async function launchWithExtension() {
  const ext = join(ROOT, "dist", "chrome");
  if (!existsSync(join(ext, "manifest.json"))) {
    throw new Error("dist/chrome is missing: run `make build` first");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "decant-e2e-"));
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent("serviceworker", { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}

/** Plain Chromium (no extension), for tests of pkg/ in a page. */
export async function launchPlain() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Sends a message to the content script of `page`'s tab from the extension's worker. */
export async function tellTab(worker, page, message) {
  await page.bringToFront();
  return worker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab.id, message);
  }, message);
}

/**
 * Writes the extension's settings from its worker, in the old single-object layout ("settings"
 * in storage.sync), which the extension reads as a replacement of all its settings.
 */
export async function setSettings(worker, settings) {
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
}

/**
 * The settings as stored in storage.sync, one item per choice (extension/lib/settings-layout.js)
 * gathered into one object; absent rules read as none. Call it after an extension page or
 * content script has loaded the settings, which migrates what setSettings() wrote.
 */
export async function storedSettings(worker) {
  const items = await worker.evaluate(() => chrome.storage.sync.get(null));
  const out = { sites: {}, labels: {}, rules: [] };
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith("site:")) out.sites[key.slice(5)] = value;
    else if (key.startsWith("label:")) out.labels[key.slice(6)] = value;
    else out[key] = value;
  }
  return out;
}

/** Selectors of the elements Decant hid, with their labels, sorted. */
export async function hiddenSet(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-decant-hidden]")]
      .map((e) => `${e.getAttribute("data-decant-hidden")} ${e.id || e.className || e.localName}`)
      .sort(),
  );
}

/** The URL of an extension page (`browser` from launchWithExtension). */
export function extensionUrl(browser, path) {
  return `chrome-extension://${browser.extensionId}/${path}`;
}

/** Opens the extension's options page in a new tab, once its settings are shown. */
export async function openOptionsPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, "options.html"));
  await page.waitForSelector("body[data-ready]");
  return page;
}
