// The page as data, for analysis outside the page (the service worker) where the page's CSP
// forbids compiling WASM in the content script. The walker is the WASM bindings' own
// (core/walk.js), so both paths give the core the same input; `measure` mirrors the bindings'
// `live_style` (src/lib.rs).
import { walk } from "../core/walk.js";

const ELEMENT_NODE = 1;

/**
 * `{url, text, lens, tree}` (plain arrays: extension messages carry JSON, not typed arrays)
 * plus `domNodes` (id → DOM node; id 0 is the document).
 */
export function snapshot(doc) {
  const w = walk(doc, 0, 1);
  return {
    url: doc.URL,
    text: w.text,
    lens: Array.from(w.lens),
    tree: Array.from(w.tree),
    domNodes: [doc, ...w.nodes],
  };
}

/** Computed style and geometry, the fields of the core's LiveStyle. */
export function measure(el) {
  const view = el.ownerDocument.defaultView;
  if (!view || el.nodeType !== ELEMENT_NODE) return null;
  const cs = view.getComputedStyle(el);
  const get = (p) => cs.getPropertyValue(p);
  const rect = el.getBoundingClientRect();
  const vw = view.innerWidth;
  const vh = view.innerHeight;
  let coverage = 0;
  if (vw > 0 && vh > 0) {
    const w = Math.max(Math.min(rect.right, vw) - Math.max(rect.left, 0), 0);
    const h = Math.max(Math.min(rect.bottom, vh) - Math.max(rect.top, 0), 0);
    coverage = (w * h) / (vw * vh);
  }
  const overflow = `${get("overflow-x")} ${get("overflow-y")}`;
  const overflowHidden = overflow.includes("hidden") || overflow.includes("clip");
  const maxHeight = get("max-height");
  const position = get("position");
  return {
    position: ["fixed", "sticky", "absolute", "relative"].includes(position) ? position : "static",
    z_index: parseInt(get("z-index"), 10) || 0,
    viewport_coverage: Math.fround(coverage),
    hidden:
      get("display") === "none" ||
      get("visibility") === "hidden" ||
      (rect.width === 0 && rect.height === 0),
    overflow_hidden: overflowHidden,
    blurred: get("filter").includes("blur(") || get("backdrop-filter").includes("blur("),
    no_select: get("user-select") === "none" || get("-webkit-user-select") === "none",
    height_clipped: overflowHidden && maxHeight !== "none" && maxHeight !== "",
    gradient: get("background-image").includes("gradient("),
  };
}
