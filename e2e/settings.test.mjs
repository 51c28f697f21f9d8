// The settings: nothing lost (the old single object migrated, concurrent changes from two tabs
// all kept), unreadable settings reset with a notice shown once, failed saves reported,
// nothing reachable from a web page, and no network request in any of it.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import {
  serve,
  launchWithExtension,
  ROOT,
  setSettings,
  tellTab,
  hiddenSet,
  extensionUrl,
  openOptionsPage,
} from "./helpers.mjs";

const DEFAULT_LABELS = ["paywall", "aggregator", "consent", "newsletter", "app-banner"];
const ALL_LABELS = [...DEFAULT_LABELS, "related", "ad", "nav"];
const RESET_ALL = "Your Decant settings were unreadable and have been reset to the defaults.";
const RESET_SOME =
  "Some of your Decant settings were unreadable and have been reset to their defaults; the rest are kept.";
let server;
let browser;
let local; // the same server under another host name: a second site
const foreign = [];

before(async () => {
  server = await serve(ROOT);
  local = server.base.replace("127.0.0.1", "localhost");
  browser = await launchWithExtension();
  browser.context.on("request", (r) => {
    const u = r.url();
    const ours = [server.base, local, "chrome-extension://"].some((p) => u.startsWith(p));
    if (!ours) foreign.push(u);
  });
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

beforeEach(async () => {
  await browser.worker.evaluate(() =>
    Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]),
  );
});

const ext = (path) => extensionUrl(browser, path);

/** Everything in storage.sync (the extension's own view). */
const syncItems = () => browser.worker.evaluate(() => chrome.storage.sync.get(null));
const writeSync = (items) => browser.worker.evaluate((i) => chrome.storage.sync.set(i), items);

/** The label items of a settings object whose labels are `on`. */
const labelItems = (on) =>
  Object.fromEntries(ALL_LABELS.map((l) => [`label:${l}`, on.includes(l)]));

/** A page with the content script running (`cleaned`: wait until it has cleaned it). */
async function open(url, cleaned = true) {
  const page = await browser.context.newPage();
  await page.goto(url);
  if (cleaned) {
    await page.waitForSelector("html[data-decant-active]", { state: "attached", timeout: 10000 });
  } else {
    await page.waitForTimeout(1000);
  }
  return page;
}

const openOptions = () => openOptionsPage(browser);

/** Waits until the page's status line matches `re`. */
function waitForStatus(page, re) {
  return page.waitForFunction(
    ({ source, flags }) =>
      new RegExp(source, flags).test(document.getElementById("status").textContent),
    { source: re.source, flags: re.flags },
  );
}

async function openPopup(page) {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id;
  });
  const popup = await browser.context.newPage();
  await popup.goto(ext(`popup.html?tab=${id}`));
  await popup.waitForFunction(() => document.getElementById("site").textContent !== "");
  return popup;
}

/** The notice shown on an options page or popup, or null when it is hidden. */
const notice = (page) =>
  page.evaluate(() => {
    const n = document.getElementById("notice");
    return n.hidden ? null : n.textContent;
  });

test("the old single-object settings are moved to one item per choice, nothing lost", async () => {
  await setSettings(browser.worker, {
    version: 1,
    enabledByDefault: false,
    sites: { "example.org": false, "news.example": true },
    labels: ["nav", "paywall"],
    summaryLength: "short",
    autoOpenSidebar: true,
    theme: "dark",
    rules: ["example.org##.promo"],
  });
  const options = await openOptions();
  assert.deepEqual(await syncItems(), {
    enabledByDefault: false,
    autoOpenSidebar: true,
    summaryLength: "short",
    theme: "dark",
    rules: ["example.org##.promo"],
    ...labelItems(["paywall", "nav"]),
    "site:example.org": false,
    "site:news.example": true,
  });
  assert.equal(await options.isChecked("#enabled-default"), false);
  assert.equal(await options.inputValue("#theme"), "dark");
  assert.equal(await options.inputValue("#rules"), "example.org##.promo");
  assert.deepEqual(await options.locator("#sites li span").allTextContents(), [
    "example.org",
    "news.example",
  ]);
  assert.equal(await notice(options), null, "a clean migration is not a reset");
  // A change afterwards writes its own item only.
  await options.selectOption("#summary-length", "long");
  await options.waitForFunction(() => document.getElementById("status").textContent === "Saved");
  assert.equal((await syncItems()).summaryLength, "long");
  assert.equal((await syncItems())["site:news.example"], true);
  await options.close();
});

test("concurrent changes from two tabs are all kept", async () => {
  const [a, b] = [await openOptions(), await openOptions()];
  // Each tab fires its changes at once, while the other does the same.
  const burst = (page, hosts, change) =>
    page.evaluate(
      async ({ hosts, change }) => {
        const { update } = await import("./lib/settings.js");
        await Promise.all([
          ...hosts.map((h) =>
            update((s) => {
              s.sites[h] = false;
            }),
          ),
          update((s) => Object.assign(s, change)),
        ]);
      },
      { hosts, change },
    );
  const hostsA = ["a1.example", "a2.example", "a3.example", "a4.example", "a5.example"];
  const hostsB = ["b1.example", "b2.example", "b3.example", "b4.example", "b5.example"];
  await Promise.all([
    burst(a, hostsA, { theme: "dark" }),
    burst(b, hostsB, { summaryLength: "short" }),
  ]);
  const items = await syncItems();
  for (const h of [...hostsA, ...hostsB]) assert.equal(items[`site:${h}`], false, h);
  assert.equal(items.theme, "dark");
  assert.equal(items.summaryLength, "short");

  // Through the UI: two popups, two sites, toggled at the same moment.
  const [p1, p2] = [
    await open(`${server.base}/e2e/fixtures/modal.html`),
    await open(`${local}/e2e/fixtures/modal.html`),
  ];
  const [u1, u2] = [await openPopup(p1), await openPopup(p2)];
  await Promise.all([u1.click("#site-toggle"), u2.click("#site-toggle")]);
  for (const u of [u1, u2]) {
    await u.waitForFunction(() =>
      /^Cleanup off/.test(document.getElementById("status").textContent),
    );
  }
  const after = await syncItems();
  assert.equal(after["site:127.0.0.1"], false);
  assert.equal(after["site:localhost"], false);
  assert.equal(Object.keys(after).filter((k) => k.startsWith("site:")).length, 12);
  await Promise.all([a, b, p1, p2, u1, u2].map((p) => p.close()));
});

test("unreadable settings are reset to the defaults with a notice, shown once", async () => {
  await writeSync({ settings: "}{ not an object" });
  const options = await openOptions();
  assert.equal(await notice(options), RESET_ALL);
  assert.equal(await options.isChecked("#enabled-default"), true);
  const items = await syncItems();
  assert.equal("settings" in items, false, "the unreadable object is gone");
  assert.equal(items.theme, "system");
  await options.reload();
  await options.waitForSelector("body[data-ready]");
  assert.equal(await notice(options), null, "shown once");
  await options.close();

  // The popup shows it too (whichever page opens first). An unreadable old object next to
  // readable items is dropped and the items are kept.
  await writeSync({ settings: [1, 2, 3], "site:127.0.0.1": false });
  const page = await open(`${server.base}/e2e/fixtures/modal.html`, false);
  const popup = await openPopup(page);
  assert.equal(await notice(popup), RESET_SOME);
  assert.equal(await popup.isChecked("#site-toggle"), false, "the site item is kept");
  assert.equal("settings" in (await syncItems()), false);
  await writeSync({ settings: 42 });
  await popup.reload();
  await popup.waitForFunction(() => document.getElementById("site").textContent !== "");
  assert.equal(await notice(popup), RESET_SOME);
  await Promise.all([popup.close(), page.close()]);
});

test("only the unreadable items are reset; the rest are kept", async () => {
  await writeSync({
    enabledByDefault: false,
    autoOpenSidebar: true,
    summaryLength: "long",
    theme: "purple",
    rules: ["good.example##.promo", "not a rule"],
    "label:ad": true,
    "label:nav": 1,
    "site:good.example": false,
    "site:bad.example": "yes",
    "elsewhere:kept": 7,
  });
  const page = await open(`${server.base}/e2e/fixtures/modal.html`, false);
  const popup = await openPopup(page);
  assert.equal(await notice(popup), RESET_SOME);
  assert.equal(await popup.isChecked("#default-toggle"), false, "kept");
  assert.deepEqual(await syncItems(), {
    enabledByDefault: false,
    autoOpenSidebar: true,
    summaryLength: "long",
    theme: "system",
    rules: ["good.example##.promo"],
    "label:ad": true,
    "label:nav": false,
    "site:good.example": false,
    "elsewhere:kept": 7,
  });
  await popup.reload();
  await popup.waitForFunction(() => document.getElementById("site").textContent !== "");
  assert.equal(await notice(popup), null, "shown once");
  await Promise.all([popup.close(), page.close()]);
});

test("an oversized old object keeps what fits, with a notice", async () => {
  const sites = {};
  for (let i = 0; i < 600; i++) sites[`n${i}`] = i % 2 === 0;
  await setSettings(browser.worker, { sites, theme: "dark" });
  const options = await openOptions();
  assert.equal(await notice(options), RESET_SOME);
  const items = await syncItems();
  const kept = Object.keys(items).filter((k) => k.startsWith("site:"));
  assert.equal(kept.length, 480);
  for (const key of kept) assert.equal(items[key], Number(key.slice(6)) % 2 === 0, key);
  assert.equal(items.theme, "dark");
  assert.equal("settings" in items, false);
  await options.close();
});

test("a failed save is reported and the controls show what is stored", async () => {
  // Fill storage.sync (QUOTA_BYTES, 102400) with another key's data up to a few bytes.
  await browser.worker.evaluate(async () => {
    const quota = chrome.storage.sync.QUOTA_BYTES;
    const filler = {};
    for (let i = 0; i < 12; i++) filler[`filler:${i}`] = "x".repeat(8000);
    await chrome.storage.sync.set(filler);
    const used = await chrome.storage.sync.getBytesInUse(null);
    const key = "filler:last";
    await chrome.storage.sync.set({ [key]: "x".repeat(quota - used - key.length - 2 - 8) });
  });
  const options = await openOptions();
  await options.click("#auto-open");
  await waitForStatus(
    options,
    /^Could not save: the browser's limit for synced settings was reached \(.*quota/i,
  );
  assert.equal(await options.isChecked("#auto-open"), false, "back to what is stored");
  assert.equal("autoOpenSidebar" in (await syncItems()), false);

  const page = await open(`${server.base}/e2e/fixtures/modal.html`);
  const popup = await openPopup(page);
  await popup.click("#site-toggle");
  await waitForStatus(
    popup,
    /^Could not save: the browser's limit for synced settings was reached \(.*quota/i,
  );
  assert.equal(await popup.isChecked("#site-toggle"), true, "back to what is stored");
  assert.equal("site:127.0.0.1" in (await syncItems()), false);

  // Limits Decant foresees are reported before writing: rules past an item's quota, and
  // more sites than it keeps.
  await browser.worker.evaluate(() => chrome.storage.sync.clear());
  await options.reload();
  await options.waitForSelector("body[data-ready]");
  const rules = Array.from(
    { length: 190 },
    (_, i) => `site${i}.example##.a-rather-long-class-name-${i}`,
  );
  await options.fill("#rules", rules.join("\n"));
  await options.click("#save-rules");
  await waitForStatus(options, /^Could not save: the custom rules take \d+ bytes/);
  assert.equal("rules" in (await syncItems()), false);
  const many = {};
  for (let i = 0; i < 480; i++) many[`site:s${i}.ex`] = true;
  await writeSync(many);
  await popup.reload();
  await popup.waitForFunction(() => document.getElementById("site").textContent !== "");
  await popup.click("#site-toggle");
  await popup.waitForFunction(
    () =>
      document.getElementById("status").textContent ===
      "Could not save: Decant remembers at most 480 sites; remove some in the options",
  );
  assert.equal("site:127.0.0.1" in (await syncItems()), false);
  await Promise.all([options.close(), popup.close(), page.close()]);
});

/** Runs in the page's own world: everything a hostile page can try. */
async function attack({ id }) {
  const out = {};
  const c = globalThis.chrome;
  out.storage = typeof (c && c.storage);
  out.browser = typeof globalThis.browser;
  out.sendMessage = typeof (c && c.runtime && c.runtime.sendMessage);
  try {
    await c.runtime.sendMessage(id, { type: "set-enabled", enabled: false });
    out.sent = "sent";
  } catch (e) {
    out.sent = e.name;
  }
  // The settings module is web-accessible (the content script imports it): in the page it
  // has no storage to read or write.
  const mod = await import(`chrome-extension://${id}/lib/settings.js`);
  out.loaded = await mod.load();
  try {
    await mod.update((s) => {
      s.sites["127.0.0.1"] = false;
      s.theme = "light";
    });
    out.updated = "written";
  } catch (e) {
    out.updated = e.name;
  }
  // Messages dressed as the popup's, the background's and the sidebar's, to the page and to
  // every frame (the sidebar's frame is one of them).
  const spoofs = [
    { type: "set-enabled", enabled: false },
    { type: "toggle" },
    { type: "close-sidebar" },
    { type: "show", id: 0 },
    { type: "close" },
    { type: "hidden-count", count: 0 },
  ];
  const replies = [];
  for (let i = 0; i < frames.length + 1; i++) {
    const target = i === 0 ? window : frames[i - 1];
    for (const msg of spoofs) target.postMessage(msg, "*");
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => replies.push(e.data);
    target.postMessage({ type: "decant-init", nonce: "guess" }, "*", [ch.port2]);
    ch.port1.postMessage({ type: "state", state: { title: "Forged" } });
  }
  await new Promise((r) => setTimeout(r, 1000));
  out.replies = replies.length;
  return out;
}

test("a hostile page cannot read or write the settings or message the extension", async () => {
  await writeSync({ theme: "dark", summaryLength: "long", "site:example.org": false });
  const stored = await syncItems();
  const page = await open(`${server.base}/examples/aggregator.html`);
  await page.waitForSelector("[data-decant-hidden]", { state: "attached" });
  const hidden = await hiddenSet(page);
  await tellTab(browser.worker, page, { type: "open-sidebar" });
  const frameUrl = ext("sidebar.html");
  await page.waitForFunction(() => document.querySelector("decant-sidebar"));
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(frameUrl));
    if (!frame) await page.waitForTimeout(50);
  }
  await frame.waitForSelector("#content[aria-busy=false]");
  const title = await frame.textContent("#title");

  const got = await page.evaluate(attack, { id: browser.extensionId });
  assert.equal(got.storage, "undefined", "no chrome.storage in the page");
  assert.equal(got.browser, "undefined");
  assert.equal(got.sendMessage, "undefined", "no runtime messaging (no externally_connectable)");
  assert.equal(got.sent, "TypeError");
  assert.deepEqual(
    { theme: got.loaded.theme, length: got.loaded.summaryLength, sites: got.loaded.sites },
    { theme: "system", length: "medium", sites: {} },
    "the page reads the defaults, not the user's settings",
  );
  assert.equal(got.updated, "TypeError");
  assert.equal(got.replies, 0, "no frame answered a forged handshake");

  assert.deepEqual(await syncItems(), stored, "the settings are unchanged");
  assert.deepEqual(await hiddenSet(page), hidden, "cleanup is still on");
  assert.equal(await frame.textContent("#title"), title, "the sidebar still shows the article");
  assert.ok(await page.$("decant-sidebar"), "the sidebar is still open");
  // The options page is not web-accessible: a page cannot frame it.
  await page.evaluate((src) => {
    const f = document.createElement("iframe");
    f.src = src;
    document.body.append(f);
  }, ext("options.html"));
  await page.waitForTimeout(500);
  const framed = page.frames().find((f) => f.url().startsWith(ext("options.html")));
  assert.equal(framed, undefined, "options.html did not load in the page");
  await page.close();
});

test("a page that frames the sidebar learns no setting", async () => {
  await writeSync({ summaryLength: "long" });
  const page = await open(`${server.base}/e2e/fixtures/modal.html`);
  const heard = await page.evaluate(async (src) => {
    const f = document.createElement("iframe");
    f.src = `${src}#n`;
    document.body.append(f);
    await new Promise((r) => f.addEventListener("load", r, { once: true }));
    const ch = new MessageChannel();
    const msgs = [];
    ch.port1.onmessage = (e) => msgs.push(e.data);
    f.contentWindow.postMessage({ type: "decant-init", nonce: "n" }, "*", [ch.port2]);
    await new Promise((r) => setTimeout(r, 1000));
    return JSON.stringify(msgs);
  }, ext("sidebar.html"));
  assert.doesNotMatch(heard, /long/);
  await page.close();
});

test("no network request left the browser in the settings scenarios", () => {
  assert.deepEqual(foreign, []);
});
