// The built extension cleans a page with its WASM core: the wall and its backdrop are hidden,
// the article stays, the page scrolls again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve, launchWithExtension, ROOT } from "./helpers.mjs";

let server;
let browser;

before(async () => {
  server = await serve(join(ROOT, "e2e", "fixtures"));
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.context.close();
  await server?.close();
});

test("extension hides the wall and backdrop, keeps the article, restores scrolling", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/modal.html`);
  await page.waitForSelector("#wall[data-decant-hidden]", { state: "attached", timeout: 10000 });
  assert.equal(await page.getAttribute("#wall", "data-decant-hidden"), "paywall");
  assert.equal(await page.isVisible("#wall"), false);
  assert.equal(await page.isVisible(".tp-backdrop"), false);
  for (const id of ["p1", "p2", "p3", "p4"]) {
    assert.equal(await page.isVisible(`#${id}`), true, `${id} stays visible`);
  }
  const overflow = await page.evaluate(() => getComputedStyle(document.body).overflowY);
  assert.equal(overflow, "auto");
  await page.close();
});
