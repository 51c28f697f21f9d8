// In-page bench harness, imported as an ES module from the bench server (same origin as the
// page). Everything here runs on the live DOM of the page under test.
import { init, analyzeDocument } from "/pkg/index.js";
import wasmInit, { Page } from "/pkg/decant_wasm.js";
import { walk } from "/pkg/walk.js";
import Readability from "/bench/vendor/readability.mjs";
import Defuddle from "/bench/vendor/defuddle.mjs";

let wasm = null;

/** Loads the WASM core; returns the linear memory size right after start-up. */
export async function setup() {
  await init();
  // The glue's init is idempotent: once loaded it resolves to the instance's exports.
  wasm = await wasmInit();
  return { memoryBytes: wasm.memory.buffer.byteLength, isolated: globalThis.crossOriginIsolated };
}

export function memoryBytes() {
  return wasm.memory.buffer.byteLength;
}

const TOOLS = {
  decant: () => {
    const r = analyzeDocument(document);
    return r.blocks.length;
  },
  // As Firefox's reader mode does: Readability mutates the document it gets, so it gets a clone.
  readability: () => {
    const r = new Readability(document.cloneNode(true)).parse();
    return r ? r.length : 0;
  },
  // Defuddle clones internally; it runs on the live document as its web clipper does.
  defuddle: () => {
    const r = new Defuddle(document).parse();
    return r ? r.wordCount : 0;
  },
};

/**
 * Collects garbage and forces pending style and layout work, so that no run pays for a
 * previous run's garbage or DOM changes (the browser is started with --expose-gc).
 */
function settle() {
  if (typeof globalThis.gc === "function") globalThis.gc();
  void document.documentElement.getBoundingClientRect().height;
}

function timeOnce(fn) {
  settle();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Warm-up, then `reps` timed runs of every tool, rotating the order each repetition.
 * Returns per-tool arrays of times (ms) and the first error of a tool, if any.
 */
export function runTools({ tools, reps, warmup }) {
  const times = Object.fromEntries(tools.map((t) => [t, []]));
  const errors = {};
  const live = tools.filter((t) => {
    try {
      for (let i = 0; i < warmup; i++) TOOLS[t]();
      return true;
    } catch (e) {
      errors[t] = String((e && e.message) || e).slice(0, 200);
      return false;
    }
  });
  for (let r = 0; r < reps; r++) {
    const order = live.map((_, i) => live[(i + r) % live.length]);
    for (const t of order) {
      try {
        times[t].push(timeOnce(TOOLS[t]));
      } catch (e) {
        errors[t] = String((e && e.message) || e).slice(0, 200);
      }
    }
  }
  return { times, errors, elements: document.getElementsByTagName("*").length };
}

/**
 * Decant's time split with the low-level API: snapshot (`new Page`: DOM walk, attribute copy,
 * computed style and geometry of the probed nodes), analysis (`page.analyze()`: the engine and
 * the serialisation of the result to JS) and `page.free()` (dropping the snapshot and its node
 * references).
 */
export function runSplit({ reps }) {
  const snapshot = [];
  const analyze = [];
  const free = [];
  const walkOnly = [];
  const visitOnly = [];
  const cleanup = [];
  for (let r = 0; r < reps; r++) {
    // What the extension runs on every page load: the same analysis without the summary
    // (computed only when the sidebar opens).
    settle();
    const c0 = performance.now();
    const lean = new Page(document, { summary: false });
    lean.analyze();
    lean.free();
    cleanup.push(performance.now() - c0);
    settle();
    const w0 = performance.now();
    walk(document, 0, 1, new Map());
    walkOnly.push(performance.now() - w0);
    settle();
    const v0 = performance.now();
    visitEveryNode(document);
    visitOnly.push(performance.now() - v0);
    settle();
    const t0 = performance.now();
    const page = new Page(document);
    const t1 = performance.now();
    page.analyze();
    const t2 = performance.now();
    page.free();
    const t3 = performance.now();
    snapshot.push(t1 - t0);
    analyze.push(t2 - t1);
    free.push(t3 - t2);
  }
  return { snapshot, analyze, free, walkOnly, visitOnly, cleanup };
}

/**
 * The least any tool that looks at every node must do: visit each node once and read its type,
 * its tag or the length of its text. A floor for the snapshot, not something Decant could ship.
 */
function visitEveryNode(root) {
  let sum = 0;
  let n = root.firstChild;
  while (n) {
    sum += n.nodeType === 1 ? n.localName.length + n.attributes.length : (n.data || "").length;
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && !n.nextSibling) n = n.parentNode === root ? null : n.parentNode;
      n = n && n.nextSibling;
    }
  }
  return sum;
}

export function makeModal() {
  const backdrop = document.createElement("div");
  backdrop.className = "modal-backdrop";
  backdrop.setAttribute(
    "style",
    "position:fixed;top:0;left:0;right:0;bottom:0;background:rgba(0,0,0,.6);z-index:9998",
  );
  const modal = document.createElement("div");
  modal.className = "subscribe-modal";
  modal.setAttribute("role", "dialog");
  modal.setAttribute(
    "style",
    "position:fixed;top:20%;left:25%;width:50%;padding:24px;background:#fff;z-index:9999",
  );
  const h = document.createElement("h2");
  h.textContent = "Subscribe to continue reading";
  const p = document.createElement("p");
  p.textContent = "You have reached your free article limit. Subscribe for unlimited access.";
  const b = document.createElement("button");
  b.textContent = "Subscribe now";
  modal.append(h, p, b);
  return { modal, backdrop };
}

/**
 * The incremental path: on an analysed page, inject a modal and its backdrop and time
 * `page.analyzeAdded([modal, backdrop])`, then remove them; a fresh pair each repetition.
 * `flushed` times the same call after forcing style and layout first, to separate the
 * browser's own work from Decant's.
 */
export function runIncremental({ reps }) {
  const cold = [];
  const flushed = [];
  const layout = [];
  const labels = new Set();
  const page = new Page(document);
  page.analyze();
  for (let r = 0; r < 2 * reps; r++) {
    settle();
    const { modal, backdrop } = makeModal();
    document.body.append(backdrop, modal);
    const flush = r % 2 === 1;
    if (flush) {
      // The browser's own style and layout of the new nodes, which any reader of their
      // geometry pays (and the next frame would otherwise).
      const l0 = performance.now();
      void modal.getBoundingClientRect().width;
      layout.push(performance.now() - l0);
    }
    const t0 = performance.now();
    const delta = page.analyzeAdded([modal, backdrop]);
    const dt = performance.now() - t0;
    (flush ? flushed : cold).push(dt);
    for (const b of delta.blocks) labels.add(b.label);
    modal.remove();
    backdrop.remove();
  }
  page.free();
  return { cold, flushed, layout, labels: [...labels] };
}

/** One full analysis, then the linear memory size (it only grows: this is the peak). */
export function analyzeOnceForMemory() {
  const t0 = performance.now();
  const r = analyzeDocument(document);
  return {
    ms: performance.now() - t0,
    blocks: r.blocks.length,
    memoryBytes: memoryBytes(),
    elements: document.getElementsByTagName("*").length,
  };
}
