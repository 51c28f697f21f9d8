// Decant's JavaScript API: a small layer over the WASM core (decant_wasm.js).
// Public names (init, analyzeDocument, analyzeHtml, cleanup, summarize, DecantError, LABELS,
// DEFAULT_LABELS) are a stable interface: extend, never rename.

import wasmInit, { Page, summarizeText } from "./decant_wasm.js";
import { frameDocument } from "./walk.js";

/** Every label the core can give, article included. */
export const LABELS = Object.freeze([
  "article",
  "paywall",
  "aggregator",
  "consent",
  "newsletter",
  "app-banner",
  "related",
  "ad",
  "nav",
]);

/** Labels `cleanup` hides unless told otherwise. */
export const DEFAULT_LABELS = Object.freeze([
  "paywall",
  "aggregator",
  "consent",
  "newsletter",
  "app-banner",
]);

/**
 * An error with a stable `code`: "bad-argument", "not-initialized", "init-failed", "detached",
 * "internal".
 */
export class DecantError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "DecantError";
    this.code = code;
  }
}

let ready = null;
let initialized = false;

/**
 * Loads the WASM core. Idempotent: later calls return the first call's promise.
 * @param {string|URL|Response|ArrayBuffer|WebAssembly.Module} [input] where the .wasm is;
 *   defaults to decant_wasm_bg.wasm next to this file.
 */
export function init(input) {
  if (!ready) {
    const arg = input === undefined ? undefined : { module_or_path: input };
    ready = wasmInit(arg).then(
      () => {
        initialized = true;
      },
      (e) => {
        ready = null;
        throw new DecantError("init-failed", `could not load the Decant core: ${e && e.message}`);
      },
    );
  }
  return ready;
}

function requireInit() {
  if (!initialized) {
    throw new DecantError("not-initialized", "call and await init() first");
  }
}

/** Runs a core call, turning a trap or a thrown core error into a DecantError. */
function guarded(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DecantError) throw e;
    if (e && typeof e.code === "string") throw new DecantError(e.code, e.message);
    // A trap leaves the instance unusable: reload it on the next init().
    ready = null;
    initialized = false;
    throw new DecantError("internal", `Decant core failed: ${e && e.message}`);
  }
}

function checkDocument(doc) {
  if (!doc || typeof doc !== "object" || doc.nodeType !== 9) {
    throw new DecantError("bad-argument", "expected a Document");
  }
  if (!doc.documentElement) {
    throw new DecantError("detached", "the document has no root element");
  }
}

/** The options the core reads: summary length and language hint. */
function coreOptions(options) {
  if (options === null || typeof options !== "object") {
    throw new DecantError("bad-argument", "options must be an object");
  }
  const out = {};
  if (options.length !== undefined) {
    if (!["short", "medium", "long", "auto"].includes(options.length)) {
      throw new DecantError("bad-argument", "length must be short, medium, long or auto");
    }
    out.length = options.length;
  }
  if (options.summary !== undefined) {
    if (typeof options.summary !== "boolean") {
      throw new DecantError("bad-argument", "summary must be true or false");
    }
    out.summary = options.summary;
  }
  if (options.labels !== undefined) {
    // LABELS, or lower-case names of the caller's own for blocks it passes to handle.apply()
    // (the extension's "custom" rules); "Paywall" or a string instead of a list is a mistake.
    const ok =
      Array.isArray(options.labels) &&
      options.labels.every((l) => typeof l === "string" && /^[a-z][a-z0-9-]*$/.test(l));
    if (!ok) {
      throw new DecantError(
        "bad-argument",
        `labels must be a list of lower-case names (${LABELS.join(", ")})`,
      );
    }
  }
  for (const key of ["debounceMs", "cpuShare"]) {
    const v = options[key];
    if (v !== undefined && !(typeof v === "number" && v >= 0 && Number.isFinite(v))) {
      throw new DecantError("bad-argument", `${key} must be a number of 0 or more`);
    }
  }
  if (options.lang !== undefined) {
    if (typeof options.lang !== "string")
      throw new DecantError("bad-argument", "lang must be a string");
    out.lang = options.lang;
  }
  return out;
}

/**
 * Summarises plain text (paragraphs separated by blank lines): `{tldr, points, lang,
 * word_count, reading_minutes, people, places, organisations}`.
 * @param {string} text
 */
export function summarize(text, options = {}) {
  requireInit();
  if (typeof text !== "string") throw new DecantError("bad-argument", "expected a string");
  const opts = coreOptions(options);
  return guarded(() => summarizeText(text, opts));
}

/** Adds `element` references next to node ids. */
function withElements(page, result) {
  for (const b of result.blocks) b.element = page.element(b.node);
  for (const f of result.fixes) f.element = page.element(f.node);
  if (result.article) result.article.element = page.element(result.article.node);
  return result;
}

/**
 * Analyses a document: the article, the clutter blocks (labels, confidences, reasons,
 * elements) and the page fixes.
 * @param {Document} [doc=document]
 */
export function analyzeDocument(doc = globalThis.document, options = {}) {
  requireInit();
  checkDocument(doc);
  return guarded(() => {
    const page = new Page(doc, coreOptions(options));
    try {
      return withElements(page, page.analyze());
    } finally {
      page.free();
    }
  });
}

/**
 * Analyses an HTML string, parsed by the browser's DOMParser (no layout, so only inline
 * styles are known).
 * @param {string} html
 */
export function analyzeHtml(html, options = {}) {
  requireInit();
  if (typeof html !== "string") {
    throw new DecantError("bad-argument", "expected an HTML string");
  }
  if (typeof DOMParser === "undefined") {
    throw new DecantError(
      "bad-argument",
      "analyzeHtml needs a DOMParser (a browser or a DOM shim)",
    );
  }
  const doc = new DOMParser().parseFromString(html, "text/html");
  return analyzeDocument(doc, options);
}

const STYLE_ID = "decant-style";
const HIDDEN_ATTR = "data-decant-hidden";
const FIX_ATTR = "data-decant-fix";
const CSS = `[${HIDDEN_ATTR}]{display:none!important}
html[${FIX_ATTR}~="scroll"],body[${FIX_ATTR}~="scroll"]{overflow:auto!important;overflow-y:auto!important;height:auto!important}
html[${FIX_ATTR}~="unfix"],body[${FIX_ATTR}~="unfix"]{position:static!important}
[${FIX_ATTR}~="unblur"]{filter:none!important;-webkit-filter:none!important;backdrop-filter:none!important}
[${FIX_ATTR}~="select"]{user-select:text!important;-webkit-user-select:text!important}
[${FIX_ATTR}~="unclip"]{max-height:none!important;height:auto!important;overflow:visible!important}`;

/** Frames whose later loads `observe()` follows (a page with thousands is not followed). */
const MAX_WATCHED_FRAMES = 64;

const FIX_TOKENS = {
  "scroll-lock": ["scroll"],
  blur: ["unblur"],
  "no-select": ["select"],
  "height-clip": ["unclip"],
};
const INLINE_OVERRIDES = {
  scroll: [
    ["overflow", "auto"],
    ["overflow-y", "auto"],
  ],
  unfix: [["position", "static"]],
  unblur: [["filter", "none"]],
  select: [["user-select", "text"]],
  unclip: [
    ["max-height", "none"],
    ["overflow", "visible"],
  ],
};

/**
 * Hides the clutter of a document, reversibly, and lifts the page fixes.
 * @returns a handle: `hidden` (the hidden blocks), `fixes`, `analysis`, `undo()`,
 *   `show(block)`, `observe()` / `disconnect()` for nodes added later.
 */
export function cleanup(doc = globalThis.document, options = {}) {
  requireInit();
  checkDocument(doc);
  const page = guarded(() => new Page(doc, coreOptions(options)));
  const analysis = withElements(
    page,
    guarded(() => page.analyze()),
  );
  return makeHandle(doc, options, page, analysis);
}

/**
 * Applies an analysis computed elsewhere (its blocks and fixes must carry `element`s of
 * `doc`), with the same reversible cleanup as `cleanup`. The extension uses it where the
 * page's CSP forbids compiling WASM in the page and the analysis runs in its service worker.
 * The handle has no `observe()`; pass later analyses to `handle.apply(analysis)`.
 */
export function applyAnalysis(doc, analysis, options = {}) {
  checkDocument(doc);
  if (!analysis || !Array.isArray(analysis.blocks) || !Array.isArray(analysis.fixes)) {
    throw new DecantError("bad-argument", "expected an analysis with blocks and fixes");
  }
  coreOptions(options); // validates labels and the observe() settings
  return makeHandle(doc, options, null, analysis);
}

function makeHandle(doc, options, page, analysis) {
  const labels = new Set(options.labels || DEFAULT_LABELS);
  /** element → original `style` attribute (null when absent), for exact undo. */
  const savedStyle = new Map();
  /** element → original data-decant-fix attribute. */
  const savedFix = new Map();
  const hidden = [];
  const fixes = [];
  const shownByUser = new Set();
  let styleEl = null;
  /** Shadow root or same-origin frame document → our stylesheet in it (the page's does not
   * reach inside). */
  const innerStyles = new Map();
  let observer = null;
  let topObserver = null;
  const watchedFrames = new Set();
  let unwatchFrames = () => {};
  let undone = false;

  function ensureStyle() {
    if (styleEl && styleEl.isConnected) return;
    styleEl = doc.createElement("style");
    styleEl.id = STYLE_ID;
    styleEl.textContent = CSS;
    (doc.head || doc.documentElement).appendChild(styleEl);
  }

  /** Puts the stylesheet where `el` is styled from: the document, a shadow root or a frame. */
  function ensureStyleFor(el) {
    const root = el.getRootNode();
    if (root === doc || (root.nodeType !== 9 && root.nodeType !== 11)) {
      ensureStyle();
      return;
    }
    const have = innerStyles.get(root);
    if (have && have.isConnected) return;
    const owner = root.nodeType === 9 ? root : root.ownerDocument;
    const style = owner.createElement("style");
    style.textContent = CSS;
    if (root.nodeType === 9) (root.head || root.documentElement).appendChild(style);
    else root.appendChild(style);
    innerStyles.set(root, style);
  }

  function hide(block) {
    const el = block.element;
    if (!el || el.nodeType !== 1 || !labels.has(block.label) || shownByUser.has(el)) return;
    if (el.hasAttribute(HIDDEN_ATTR)) return;
    if (el === doc.documentElement || el === doc.body) return;
    if (el.ownerDocument !== doc && el === el.ownerDocument.body) return;
    ensureStyleFor(el);
    el.setAttribute(HIDDEN_ATTR, block.label);
    hidden.push(block);
  }

  function applyFix(fix, again = false) {
    const el = fix.element;
    if (!el || el.nodeType !== 1) return;
    const tokens = [...(FIX_TOKENS[fix.kind] || [])];
    if (fix.kind === "scroll-lock" && /position: fixed/.test(fix.detail)) tokens.push("unfix");
    if (!tokens.length) return;
    ensureStyleFor(el);
    if (!savedFix.has(el)) savedFix.set(el, el.getAttribute(FIX_ATTR));
    const have = new Set((el.getAttribute(FIX_ATTR) || "").split(/\s+/).filter(Boolean));
    tokens.forEach((t) => have.add(t));
    el.setAttribute(FIX_ATTR, [...have].join(" "));
    // Inline `!important` beats any stylesheet: override inline, remembering the original.
    const inline = el.getAttribute("style") || "";
    if (again || /!important/i.test(inline) || tokens.some((t) => inlineBlocks(el, t))) {
      if (!savedStyle.has(el)) savedStyle.set(el, el.getAttribute("style"));
      for (const t of tokens) {
        for (const [prop, value] of INLINE_OVERRIDES[t] || []) {
          el.style.setProperty(prop, value, "important");
        }
      }
    }
    if (!again) fixes.push(fix);
  }

  function inlineBlocks(el, token) {
    return (INLINE_OVERRIDES[token] || []).some(([prop]) => el.style.getPropertyValue(prop));
  }

  /** Re-applies fixes a page script undid (a re-added lock class or inline style). */
  function reassertFixes() {
    const View = doc.defaultView;
    for (const f of fixes) {
      const el = f.element;
      if (!el || !el.isConnected) continue;
      const tokens = FIX_TOKENS[f.kind] || [];
      const have = (el.getAttribute(FIX_ATTR) || "").split(/\s+/);
      const locked =
        f.kind === "scroll-lock" && View && View.getComputedStyle(el).overflowY === "hidden";
      if (locked || tokens.some((t) => !have.includes(t))) applyFix(f, true);
    }
  }

  function apply(result) {
    for (const b of result.blocks) if (b.label !== "article") hide(b);
    for (const f of result.fixes) applyFix(f);
  }

  apply(analysis);

  const handle = {
    analysis,
    hidden,
    fixes,
    /** Applies a further analysis (new blocks and fixes) to the page. */
    apply(result) {
      if (!undone) apply(result);
    },
    /** Shows one hidden block again (and keeps it shown). */
    show(block) {
      const el = block && block.element;
      if (!el) return;
      shownByUser.add(el);
      el.removeAttribute(HIDDEN_ATTR);
      const i = hidden.indexOf(block);
      if (i >= 0) hidden.splice(i, 1);
    },
    /**
     * Analyses nodes added from now on and hides what they bring; keeps the fixes in place
     * when page scripts re-lock scrolling. Batches are debounced and the work is capped at
     * `options.cpuShare` (default 10%) of wall time, so a page that mutates constantly cannot
     * make the analysis eat the CPU.
     */
    observe() {
      if (!page) throw new DecantError("bad-argument", "observe() needs a handle from cleanup()");
      if (observer || undone) return;
      const View = doc.defaultView || globalThis;
      const debounceMs = options.debounceMs ?? 50;
      const cpuShare = options.cpuShare ?? 0.1;
      let pending = [];
      let topChanged = false;
      let timer = null;
      let spent = 0;
      let windowStart = performance.now();
      const flush = () => {
        timer = null;
        if (undone) return;
        const now = performance.now();
        if (now - windowStart > 1000) {
          windowStart = now;
          spent = 0;
        }
        if (spent > cpuShare * 1000) {
          timer = View.setTimeout(flush, 1000 - (now - windowStart) + debounceMs);
          return;
        }
        const added = pending.filter((n) => n.isConnected);
        pending = [];
        const t0 = performance.now();
        if (added.length || topChanged) {
          // html/body are re-read (and re-measured) only when their attributes changed.
          const refreshTop = topChanged;
          topChanged = false;
          apply(
            withElements(
              page,
              guarded(() => page.analyzeAdded(added, refreshTop)),
            ),
          );
          reassertFixes();
        }
        if (hidden.length) ensureStyle();
        spent += performance.now() - t0;
      };
      const schedule = () => {
        if (!timer) timer = View.setTimeout(flush, debounceMs);
      };
      // A same-origin frame that loads (or reloads) after the snapshot: analyse its body.
      const onFrameLoad = (event) => {
        const body = frameDocument(event.target)?.body; // null when cross-origin
        if (body) {
          pending.push(body);
          schedule();
        }
      };
      const watchFrames = (node) => {
        if (node.nodeType !== 1) return;
        const frames = node.localName === "iframe" ? [node] : node.getElementsByTagName("iframe");
        for (const f of frames) {
          if (watchedFrames.size >= MAX_WATCHED_FRAMES) return;
          if (watchedFrames.has(f)) continue;
          watchedFrames.add(f);
          f.addEventListener("load", onFrameLoad);
        }
      };
      unwatchFrames = () => {
        for (const f of watchedFrames) f.removeEventListener("load", onFrameLoad);
        watchedFrames.clear();
      };
      watchFrames(doc.documentElement);
      observer = new View.MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n === styleEl) continue;
            pending.push(n);
            watchFrames(n);
          }
          for (const n of r.removedNodes) if (n === styleEl) topChanged = true;
        }
        if (pending.length || topChanged) schedule();
      });
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      // A second observer for html/body attributes: observing the same node twice with one
      // observer would replace the subtree options.
      topObserver = new View.MutationObserver(() => {
        topChanged = true;
        schedule();
      });
      for (const el of [doc.documentElement, doc.body]) {
        if (el) topObserver.observe(el, { attributes: true, attributeFilter: ["class", "style"] });
      }
    },
    disconnect() {
      unwatchFrames();
      if (observer) observer.disconnect();
      if (topObserver) topObserver.disconnect();
      observer = null;
      topObserver = null;
    },
    /** Restores exactly what was there. */
    undo() {
      if (undone) return;
      undone = true;
      handle.disconnect();
      for (const b of hidden) b.element.removeAttribute(HIDDEN_ATTR);
      hidden.length = 0;
      for (const [el, value] of savedFix) {
        if (value === null) el.removeAttribute(FIX_ATTR);
        else el.setAttribute(FIX_ATTR, value);
      }
      for (const [el, value] of savedStyle) {
        if (value === null) el.removeAttribute("style");
        else el.setAttribute("style", value);
      }
      if (styleEl) styleEl.remove();
      styleEl = null;
      for (const style of innerStyles.values()) style.remove();
      innerStyles.clear();
      if (page) page.free();
    },
  };
  return handle;
}
