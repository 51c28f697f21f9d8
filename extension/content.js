// Content script (classic script): loads the WASM core and the settings as modules, cleans the
// page, follows single-page-app navigations, and answers the popup. It decides nothing
// itself: every hide and fix comes from the core's analysis, computed in the page or, where
// the page's CSP forbids compiling WASM here (Chromium), in the extension's service worker.
// It also hosts the summary sidebar (an extension page in an iframe inside a closed shadow
// root, talked to over a MessagePort) and applies the user's custom rules.
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
  let settings = null;
  let rulesObserver = null;
  let sidebar = null; // { host, iframe, port, sent, returnFocus }
  let highlighted = null;
  let bare = null; // the analysis when cleanup is off (the sidebar still needs the article)
  const t = (key, subs) => {
    try {
      return api.i18n.getMessage(key, subs) || key;
    } catch {
      return key;
    }
  };

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
    const { domNodes, ...wire } = snapshotMod.snapshot(document);
    const first = await api.runtime.sendMessage({ type: "snapshot", ...wire });
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
    settings = await settingsMod.load();
    // "custom" marks elements hidden by the user's own rules (see applyCustomRules).
    labels = [...settings.labels, "custom"];
    const c = await loadCore();
    if (mode === "page") {
      // The sidebar summarises on demand (summarize(text, {length})): skip it at page load.
      handle = c.cleanup(document, { labels, summary: false });
      handle.observe();
    } else {
      handle = c.applyAnalysis(document, await remoteAnalysis(), { labels });
      observeRemotely();
    }
    enabled = true;
    bare = null;
    document.documentElement.dataset.decantActive = mode;
    applyCustomRules();
    report();
    if (sidebar) sendState();
    else if (settings.autoOpenSidebar && handle.analysis && handle.analysis.article) openSidebar();
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
    closeSidebar(false);
    enabled = false;
    if (rulesObserver) rulesObserver.disconnect();
    rulesObserver = null;
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
        fixes: (handle ? handle.fixes : []).map((f) => f.kind),
        sidebar: Boolean(sidebar),
        highlight: highlighted ? highlighted.text : null,
      });
      return false;
    }
    if (msg.type === "open-sidebar") {
      openSidebar().then(
        () => reply({ open: true }),
        (e) => reply({ open: false, error: String(e && e.message) }),
      );
      return true;
    }
    if (msg.type === "close-sidebar") {
      closeSidebar(true);
      reply({ open: false });
      return false;
    }
    if (msg.type === "highlight" && typeof msg.text === "string") {
      reply({ found: highlightText(msg.text) });
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

  // ---- Custom rules: `host##selector` lines from the options page ----

  /** Hides what the rules for this host match, through the handle (so undo restores it). */
  function applyCustomRules() {
    const rules = settingsMod.rulesForHost(settings.rules, location.hostname);
    if (!rules.length || !handle) return;
    const run = () => {
      if (!handle) return;
      const blocks = [];
      for (const r of rules) {
        let found;
        try {
          found = document.querySelectorAll(r.selector);
        } catch {
          continue;
        }
        for (const el of found) {
          if (el.hasAttribute("data-decant-hidden") || el === sidebarHost()) continue;
          blocks.push({
            node: -1,
            label: "custom",
            confidence: 1,
            reasons: [],
            message: t("customRuleMessage", [r.text]),
            path: r.selector,
            preview: (el.textContent || "").trim().slice(0, 80),
            element: el,
          });
        }
      }
      if (blocks.length) {
        handle.apply({ blocks, fixes: [] });
        report();
        if (sidebar) sendState();
      }
    };
    run();
    let timer = null;
    rulesObserver = new MutationObserver((records) => {
      if (timer || !records.some((r) => r.addedNodes.length)) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, 200);
    });
    rulesObserver.observe(document.documentElement, { childList: true, subtree: true });
  }

  // ---- The summary sidebar ----

  const HOST_STYLE = [
    "all: initial !important",
    "display: block !important",
    "position: fixed !important",
    "inset: 0 0 0 auto !important",
    "width: min(400px, 100vw) !important",
    "height: 100vh !important",
    "max-height: none !important",
    "margin: 0 !important",
    "padding: 0 !important",
    "border: 0 !important",
    "z-index: 2147483647 !important",
    "box-shadow: 0 0 24px rgba(0, 0, 0, 0.25) !important",
    "visibility: visible !important",
    "opacity: 1 !important",
    "transform: none !important",
    "pointer-events: auto !important",
  ].join("; ");
  const FRAME_STYLE =
    "all: initial; display: block; width: 100%; height: 100%; border: 0; color-scheme: normal;";

  function sidebarHost() {
    return sidebar ? sidebar.host : null;
  }

  /** The analysis the sidebar shows: the cleanup's, or one made just for it. */
  async function currentAnalysis() {
    if (handle) return handle.analysis;
    if (!bare) {
      const c = await loadCore();
      bare = mode === "page" ? c.analyzeDocument(document) : await remoteAnalysis();
    }
    return bare;
  }

  let lastSummary = null;
  let analysisForSidebar = null;

  /**
   * The summary for `length`: the core's `summarize(text, {length})` on the article text when
   * it has one (page mode), else the analysis's own summary (the sidebar then shows 3/5/7).
   */
  function summaryFor(analysis, length) {
    const own = (analysis && analysis.summary) || null;
    const text = analysis && analysis.article && analysis.article.article_text;
    if (mode === "page" && core && typeof core.summarize === "function" && text) {
      try {
        const code = (own && own.lang) || (analysis.article && analysis.article.lang);
        const lang = typeof code === "string" ? { lang: code } : {};
        const s = core.summarize(text, { length, ...lang });
        if (s && typeof s === "object") return { summary: s, lengthSupported: true };
      } catch {
        // fall back to the analysis's own summary
      }
    }
    return { summary: own, lengthSupported: false };
  }

  function cleanSummary(s) {
    if (!s || typeof s !== "object") return null;
    const str = (v) => (typeof v === "string" ? v : "");
    const point = (p) => (p && typeof p === "object" ? { text: str(p.text) } : null);
    return {
      tldr: s.tldr && typeof s.tldr === "object" ? point(s.tldr) : null,
      points: (Array.isArray(s.points) ? s.points : []).map(point).filter((p) => p && p.text),
    };
  }

  async function sendState(announce) {
    if (!sidebar) return;
    const a = await currentAnalysis();
    analysisForSidebar = a;
    const art = (a && a.article) || null;
    const md = (a && a.metadata) || {};
    const pick = (k) => {
      const v = (art && art[k]) || md[k];
      return typeof v === "string" ? v : null;
    };
    const { summary, lengthSupported } = summaryFor(a, sidebar.length);
    lastSummary = summary;
    sidebar.sent = handle ? [...handle.hidden] : [];
    const state = {
      title: art ? pick("title") : null,
      byline: pick("byline"),
      published: pick("published"),
      site_name: pick("site_name"),
      source: pick("source"),
      url: pick("url"),
      host: location.hostname,
      pageUrl: location.href,
      reading_minutes: art ? Number(art.reading_minutes) || 0 : 0,
      summary: cleanSummary(summary),
      lengthSupported,
      hidden: sidebar.sent.map((b, id) => ({
        id,
        label: String(b.label),
        message: String(b.message || ""),
      })),
      fixes: handle ? handle.fixes.map((f) => f.kind) : [],
    };
    if (sidebar) sidebar.port.postMessage({ type: "state", state, announce });
  }

  function announcement() {
    const n = handle ? handle.hidden.length : 0;
    if (!n) return t("announceNothing");
    const parts = [t(n === 1 ? "announceHiddenOne" : "announceHiddenOther", [String(n)])];
    if (handle.fixes.some((f) => f.kind === "scroll-lock")) parts.push(t("announceScroll"));
    return parts.join(", ");
  }

  function onSidebarMessage(msg) {
    if (!msg || typeof msg.type !== "string" || !sidebar) return;
    if (msg.type === "ready") {
      sidebar.iframe.focus({ preventScroll: true });
      sendState(announcement()).catch((e) => console.warn("Decant:", e && e.message));
    } else if (msg.type === "length") {
      if (sidebar.length === msg.length) return;
      sidebar.length = msg.length;
      sendState().catch(() => {});
    } else if (msg.type === "close") {
      closeSidebar(true, true);
    } else if (msg.type === "show") {
      const block = sidebar.sent && sidebar.sent[msg.id];
      if (block && handle) {
        handle.show(block);
        report();
      }
      sendState().catch(() => {});
    } else if (msg.type === "highlight") {
      const pts = (lastSummary && Array.isArray(lastSummary.points) && lastSummary.points) || [];
      const p = pts[msg.index];
      const found = p ? highlightText(String(p.text || "")) : false;
      sidebar.port.postMessage({
        type: "announce",
        text: t(found ? "pointShown" : "pointNotFound"),
      });
    }
  }

  async function openSidebar() {
    if (sidebar) {
      sidebar.iframe.focus({ preventScroll: true });
      sidebar.port.postMessage({ type: "focus" });
      return;
    }
    await loadCore();
    // The summary length comes from the settings here, never from the frame: a page can frame
    // sidebar.html itself, so the sidebar tells whoever holds its port nothing stored.
    const { summaryLength } = await settingsMod.load();
    const host = document.createElement("decant-sidebar");
    host.setAttribute("style", HOST_STYLE);
    const root = host.attachShadow({ mode: "closed" });
    const iframe = document.createElement("iframe");
    const nonce = crypto.randomUUID();
    iframe.src = `${url("sidebar.html")}#${nonce}`;
    iframe.title = t("sidebarFrameTitle");
    iframe.setAttribute("allow", "clipboard-write");
    iframe.setAttribute("style", FRAME_STYLE);
    root.append(iframe);
    const channel = new MessageChannel();
    const active = document.activeElement;
    sidebar = {
      host,
      iframe,
      port: channel.port1,
      sent: [],
      length: summaryLength,
      returnFocus: active,
    };
    channel.port1.onmessage = (e) => onSidebarMessage(e.data);
    const origin = new URL(url("")).origin;
    iframe.addEventListener(
      "load",
      () =>
        iframe.contentWindow.postMessage({ type: "decant-init", nonce }, origin, [channel.port2]),
      { once: true },
    );
    document.documentElement.append(host);
  }

  /**
   * Removes the sidebar. From the sidebar itself (Escape, the close button) focus goes back to
   * the page first and the frame goes a moment later, so no key event is left half-way in a
   * frame that no longer exists.
   */
  let closingHost = null;

  function closeSidebar(restoreFocus, deferRemoval = false) {
    if (closingHost && !deferRemoval) {
      closingHost.remove();
      closingHost = null;
    }
    if (!sidebar) return;
    const { host, port, returnFocus } = sidebar;
    sidebar = null;
    clearHighlight();
    port.close();
    if (restoreFocus) {
      if (returnFocus && returnFocus.isConnected && returnFocus !== document.body) {
        returnFocus.focus({ preventScroll: true });
      } else {
        if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
        window.focus();
      }
    }
    if (deferRemoval) {
      host.style.setProperty("display", "none", "important");
      closingHost = host;
      setTimeout(() => {
        host.remove();
        if (closingHost === host) closingHost = null;
      }, 100);
    } else {
      host.remove();
    }
  }

  // ---- Scroll to a summary point's sentence and highlight it ----

  const HIGHLIGHT = "decant-point";
  const HIGHLIGHT_STYLE_ID = "decant-highlight-style";

  function clearHighlight() {
    if (!highlighted) return;
    if (highlighted.kind === "highlight") {
      try {
        CSS.highlights.delete(HIGHLIGHT);
      } catch {
        // nothing registered
      }
    } else if (highlighted.el) {
      if (highlighted.style === null) highlighted.el.removeAttribute("style");
      else highlighted.el.setAttribute("style", highlighted.style);
    }
    const style = document.getElementById(HIGHLIGHT_STYLE_ID);
    if (style) style.remove();
    highlighted = null;
  }

  const norm = (c) =>
    c === "\u2018" || c === "\u2019" ? "'" : c === "\u201c" || c === "\u201d" ? '"' : c;

  /** The article's visible text, whitespace collapsed, with each character's text node. */
  function flatText(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        const p = n.parentElement;
        if (!p || p.closest("script, style, noscript, template, [data-decant-hidden]")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const BLOCK = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dd, dt, pre, div";
    let text = "";
    const nodes = [];
    const offsets = [];
    let block = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const v = n.nodeValue;
      const b = n.parentElement.closest(BLOCK);
      if (b !== block && text && !text.endsWith("\n")) {
        // Separate blocks never share a sentence: a line break between them.
        if (text.endsWith(" ")) {
          text = text.slice(0, -1);
          nodes.pop();
          offsets.pop();
        }
        text += "\n";
        nodes.push(n);
        offsets.push(0);
      }
      block = b;
      for (let i = 0; i < v.length; i++) {
        let c = v[i];
        if (/\s/.test(c)) {
          if (!text || text.endsWith(" ") || text.endsWith("\n")) continue;
          c = " ";
        }
        text += norm(c);
        nodes.push(n);
        offsets.push(i);
      }
    }
    return { text, nodes, offsets };
  }

  /** Start and length of `needle` in `text`, or of the sentence around its longest run of words. */
  function locate(text, needle) {
    const exact = text.indexOf(needle);
    if (exact >= 0) return [exact, needle.length];
    const words = needle.split(" ");
    for (const n of [12, 8, 5]) {
      for (let s = 0; s + n <= words.length; s++) {
        const part = words.slice(s, s + n).join(" ");
        const at = text.indexOf(part);
        if (at < 0) continue;
        // Widen to the sentence: back to the previous end mark or line, on to the next.
        let start = at;
        while (
          start > 0 &&
          !/[.!?]["'\u201d\u2019)]*[ \n]$|\n$/.test(text.slice(Math.max(0, start - 4), start))
        ) {
          start--;
        }
        const m = /[.!?]["'\u201d\u2019)]*(?=[ \n]|$)|\n/.exec(text.slice(at + part.length));
        const end = m ? at + part.length + m.index + m[0].length : text.length;
        return [start, end - start];
      }
    }
    return null;
  }

  function findRange(root, sentence) {
    const { text, nodes, offsets } = flatText(root);
    const needle = [...sentence.replace(/\s+/g, " ").trim()].map(norm).join("");
    if (!needle) return null;
    const hit = locate(text, needle);
    if (!hit) return null;
    const [start, len] = hit;
    let last = start + len - 1;
    while (last > start && /[ \n]/.test(text[last])) last--;
    const range = document.createRange();
    range.setStart(nodes[start], offsets[start]);
    range.setEnd(nodes[last], Math.min(offsets[last] + 1, nodes[last].nodeValue.length));
    return range;
  }

  function highlightText(sentence) {
    const a = handle ? handle.analysis : bare || analysisForSidebar;
    const art = a && a.article && a.article.element;
    const root = art && art.isConnected ? art : document.body;
    const range = root && findRange(root, sentence);
    if (!range) return false;
    clearHighlight();
    const target =
      range.startContainer.nodeType === 1
        ? range.startContainer
        : range.startContainer.parentElement;
    let done = false;
    try {
      if (globalThis.CSS && CSS.highlights && typeof Highlight === "function") {
        CSS.highlights.set(HIGHLIGHT, new Highlight(range));
        const style = document.createElement("style");
        style.id = HIGHLIGHT_STYLE_ID;
        style.textContent = `::highlight(${HIGHLIGHT}){background-color:#fde047;color:#111}`;
        (document.head || document.documentElement).append(style);
        highlighted = { kind: "highlight", text: range.toString() };
        done = true;
      }
    } catch {
      done = false;
    }
    if (!done) {
      highlighted = {
        kind: "outline",
        text: range.toString(),
        el: target,
        style: target.getAttribute("style"),
      };
      target.style.setProperty("outline", "3px solid #f59e0b", "important");
      target.style.setProperty("outline-offset", "2px", "important");
      const el = target;
      setTimeout(() => {
        if (highlighted && highlighted.el === el) clearHighlight();
      }, 4000);
    }
    const reduce = matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    return true;
  }

  (async () => {
    settingsMod = await import(url("lib/settings.js"));
    settings = await settingsMod.load();
    if (settingsMod.enabledFor(settings, location.hostname)) await start();
  })().catch((e) => console.warn("Decant:", e && e.message));
})();
