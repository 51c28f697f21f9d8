// The page as data, for analysis outside the page (the service worker) where the page's CSP
// forbids compiling WASM in the content script. It mirrors the WASM bindings' own walker
// (src/lib.rs, Page::add_subtree and live_style) so both paths give the core the same input.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** `{url, nodes}` plus `domNodes` (id → DOM node; id 0 is the document). */
export function snapshot(doc) {
  const nodes = [];
  const domNodes = [doc];
  const stack = [];
  for (let c = doc.lastChild; c; c = c.previousSibling) stack.push([c, 0]);
  while (stack.length) {
    const [n, parent] = stack.pop();
    let record;
    if (n.nodeType === ELEMENT_NODE) {
      const attrs = [];
      for (const a of n.attributes) attrs.push([a.localName.toLowerCase(), a.value]);
      record = { parent, tag: n.localName.toLowerCase(), attrs };
    } else if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      record = { parent, text: n.nodeValue || "" };
    } else {
      continue;
    }
    nodes.push(record);
    const id = nodes.length;
    domNodes[id] = n;
    if (record.tag) {
      const keep =
        record.tag === "script"
          ? (n.getAttribute("type") || "").includes("ld+json")
          : !["style", "noscript", "template"].includes(record.tag);
      if (keep) for (let c = n.lastChild; c; c = c.previousSibling) stack.push([c, id]);
    }
  }
  return { url: doc.URL, nodes, domNodes };
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
