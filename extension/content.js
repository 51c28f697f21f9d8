// Content script (classic script): loads the WASM core and the settings as modules, cleans the
// page, follows single-page-app navigations, and answers the popup. It decides nothing
// itself: every hide and fix comes from the core's analysis, computed in the page or, where
// the page's CSP forbids compiling WASM here (Chromium), in the extension's service worker.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const url = (p) => api.runtime.getURL(p);
  let handle = null;
  let enabled = false;
  let mode = "page"; // "page": WASM in the content script; "worker": the CSP fallback
  let core = null;
  let snapshotMod = null;
  let settingsMod = null;
  let labels = null;
  let remoteObserver = null;
  let lastUrl = location.href;

  async function loadCore() {
    if (!core) {
      core = await import(url("core/index.js"));
      try {
        await core.init(url("core/decant_wasm_bg.wasm"));
      } catch (e) {
        // CompileError under `script-src` without 'wasm-unsafe-eval': use the worker.
        mode = "worker";
        snapshotMod = await import(url("lib/snapshot.js"));
        console.info("Decant: page CSP blocks WASM here; analysing in the extension", e.code);
      }
    }
    return core;
  }

  /** The analysis from the service worker, with element references. */
  async function remoteAnalysis() {
    const { url: pageUrl, nodes, domNodes } = snapshotMod.snapshot(document);
    const first = await api.runtime.sendMessage({ type: "snapshot", url: pageUrl, nodes });
    if (!first || first.error) throw new Error(first ? first.error : "no answer");
    const styles = [];
    for (const id of first.probes) {
      const s = domNodes[id] ? snapshotMod.measure(domNodes[id]) : null;
      if (s) styles.push([id, s]);
    }
    const second = await api.runtime.sendMessage({ type: "styles", token: first.token, styles });
    if (!second || second.error) throw new Error(second ? second.error : "no answer");
    const analysis = second.analysis;
    for (const b of analysis.blocks) b.element = domNodes[b.node] || null;
    for (const f of analysis.fixes) f.element = domNodes[f.node] || null;
    if (analysis.article) analysis.article.element = domNodes[analysis.article.node] || null;
    return analysis;
  }

  async function start() {
    if (handle) return;
    const settings = await settingsMod.load();
    labels = settings.labels;
    const c = await loadCore();
    if (mode === "page") {
      handle = c.cleanup(document, { labels });
      handle.observe();
    } else {
      handle = c.applyAnalysis(document, await remoteAnalysis(), { labels });
      observeRemotely();
    }
    enabled = true;
    document.documentElement.dataset.decantActive = mode;
    report();
  }

  /** The worker path re-analyses the whole page, at most every 300 ms, when nodes arrive. */
  function observeRemotely() {
    let timer = null;
    remoteObserver = new MutationObserver((records) => {
      if (!records.some((r) => r.addedNodes.length)) return;
      if (timer) return;
      timer = setTimeout(async () => {
        timer = null;
        if (!handle) return;
        try {
          handle.apply(await remoteAnalysis());
          report();
        } catch (e) {
          console.warn("Decant:", e && e.message);
        }
      }, 300);
    });
    remoteObserver.observe(document.documentElement, { childList: true, subtree: true });
  }

  function stop() {
    enabled = false;
    if (remoteObserver) remoteObserver.disconnect();
    remoteObserver = null;
    if (handle) handle.undo();
    handle = null;
    delete document.documentElement.dataset.decantActive;
    report();
  }

  function counts() {
    const out = {};
    for (const b of handle ? handle.hidden : []) out[b.label] = (out[b.label] || 0) + 1;
    return out;
  }

  function report() {
    const n = handle ? handle.hidden.length : 0;
    api.runtime.sendMessage({ type: "hidden-count", count: n }).catch(() => {});
  }

  // Single-page apps change the URL without a load: start over on the new article.
  function checkNavigation() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    if (!enabled) return;
    stop();
    setTimeout(() => start().catch((e) => console.warn("Decant:", e && e.message)), 250);
  }
  setInterval(checkNavigation, 500);
  addEventListener("popstate", checkNavigation);

  api.runtime.onMessage.addListener((msg, sender, reply) => {
    if (!msg || typeof msg.type !== "string" || sender.id !== api.runtime.id) return false;
    if (msg.type === "get-state") {
      reply({
        host: location.hostname,
        enabled,
        mode,
        counts: counts(),
        hidden: (handle ? handle.hidden : []).map((b) => ({
          label: b.label,
          message: b.message,
          preview: b.preview,
        })),
      });
      return false;
    }
    if (msg.type === "set-enabled" || msg.type === "toggle") {
      const on = msg.type === "toggle" ? !enabled : Boolean(msg.enabled);
      (on ? start() : Promise.resolve(stop())).then(
        () => reply({ enabled }),
        (e) => reply({ enabled, error: String(e && e.message) }),
      );
      return true;
    }
    return false;
  });

  (async () => {
    settingsMod = await import(url("lib/settings.js"));
    const settings = await settingsMod.load();
    if (settingsMod.enabledFor(settings, location.hostname)) await start();
  })().catch((e) => console.warn("Decant:", e && e.message));
})();
