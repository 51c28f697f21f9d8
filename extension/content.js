// Content script (classic script): loads the WASM core and the settings as modules, cleans the
// page, and answers the popup. It decides nothing itself: every hide and fix comes from the core.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const url = (p) => api.runtime.getURL(p);
  let handle = null;
  let enabled = false;
  let core = null;
  let settingsMod = null;

  async function loadCore() {
    if (!core) {
      core = await import(url("core/index.js"));
      await core.init(url("core/decant_wasm_bg.wasm"));
    }
    return core;
  }

  async function start() {
    if (handle) return;
    const settings = await settingsMod.load();
    const c = await loadCore();
    handle = c.cleanup(document, { labels: settings.labels });
    handle.observe();
    enabled = true;
    document.documentElement.dataset.decantActive = "";
    report();
  }

  function stop() {
    enabled = false;
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

  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (!msg || typeof msg.type !== "string") return false;
    if (msg.type === "get-state") {
      reply({
        host: location.hostname,
        enabled,
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
