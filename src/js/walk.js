// The DOM walker behind every snapshot: it reads a live subtree into the compact encoding the
// Rust core decodes (src/core/src/wire.rs). One pass, no recursion, no call into WASM per node:
// the WASM bindings import it (`Page`), and the extension's strict-CSP path posts its output to
// the service worker. Same-origin iframes and open shadow roots are walked as part of the page
// (their nodes sit under the iframe or the host element); cross-origin frames are skipped.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
/** `tree[2k + 1]` of a text node (u32::MAX, as `wire::TEXT`). */
const TEXT = 0xffffffff;
/** UTF-16 units sent per text node (the core keeps at most a megabyte of each, see dom.rs). */
const MAX_TEXT = 1 << 20;
/** Elements whose children are never content (script only keeps JSON-LD, see below). */
const SKIP_CHILDREN = new Set(["style", "noscript", "template"]);

/** A growable Uint32Array. */
class U32 {
  constructor(capacity) {
    this.data = new Uint32Array(capacity);
    this.length = 0;
  }
  push(v) {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  view() {
    return this.data.subarray(0, this.length);
  }
}

/** The document inside a same-origin frame, or null (cross-origin, not loaded). */
export function frameDocument(el) {
  try {
    return el.contentDocument || null;
  } catch {
    return null;
  }
}

/**
 * The node `node` hangs under in a snapshot: its parent, except that a same-origin frame's
 * `<body>` hangs under the frame element (the walker puts it there).
 */
export function snapshotParent(node) {
  const doc = node.ownerDocument;
  if (doc && node === doc.body) {
    try {
      const frame = doc.defaultView?.frameElement;
      if (frame) return frame;
    } catch {
      return null;
    }
  }
  return node.parentNode;
}

/**
 * Records in `ids` (a Map) the id of each element and document in `nodes`, the id → node table
 * of a snapshot (`nodes[id]`): the incremental path builds its lookup this way on first use,
 * so a one-shot analysis never pays for it.
 */
export function indexNodes(nodes, ids) {
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id];
    if (node && (node.nodeType === ELEMENT_NODE || node.nodeType === DOCUMENT_NODE)) {
      ids.set(node, id);
    }
  }
}

/**
 * Encodes `root` and its subtree. A Document contributes its children (the document itself is
 * id `parent`); any other node is encoded itself, under `parent`. Ids start at `firstId`.
 * When `ids` (a Map) is given, each element is recorded in it (element → id): the incremental
 * path looks parents up there, and building it here costs a fraction of a later full pass.
 * @returns {{text: string, lens: Uint32Array, tree: Uint32Array, nodes: Node[]}} `nodes[k]` is
 *   the DOM node of id `firstId + k`.
 */
export function walk(root, parent, firstId, ids) {
  const strings = [];
  // A whole document is thousands of nodes; an added subtree (a modal) a handful.
  const capacity = root.nodeType === DOCUMENT_NODE ? 4096 : 32;
  const lens = new U32(capacity);
  const tree = new U32(2 * capacity);
  const nodes = [];
  // Flat stack of (node, parent id) pairs, pushed in reverse so children pop in order.
  const stack = [];
  const pushChildren = (node, id) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c, id);
  };
  if (root.nodeType === DOCUMENT_NODE) pushChildren(root, parent);
  else stack.push(root, parent);
  const str = (s) => {
    strings.push(s);
    lens.push(s.length);
  };
  while (stack.length) {
    const parentId = stack.pop();
    const node = stack.pop();
    const type = node.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      tree.push(parentId);
      tree.push(TEXT);
      const data = node.data;
      str(data.length > MAX_TEXT ? data.slice(0, MAX_TEXT) : data);
      nodes.push(node);
      continue;
    }
    if (type !== ELEMENT_NODE) continue;
    const id = firstId + nodes.length;
    const tag = node.localName;
    const attrs = node.attributes;
    const count = attrs.length;
    tree.push(parentId);
    tree.push(count);
    str(tag);
    let jsonLd = false;
    for (let i = 0; i < count; i++) {
      const a = attrs[i];
      const name = a.localName;
      const value = a.value;
      str(name);
      str(value);
      if (name === "type" && value.includes("ld+json")) jsonLd = true;
    }
    nodes.push(node);
    if (ids) ids.set(node, id);
    // Page scripts can be megabytes and are never content: keep only JSON-LD (metadata).
    if (tag === "script" ? !jsonLd : SKIP_CHILDREN.has(tag)) continue;
    pushChildren(node, id);
    // Pushed last, popped first: a shadow tree renders in place of the light children.
    const shadow = node.shadowRoot;
    if (shadow) pushChildren(shadow, id);
    if (tag === "iframe" || tag === "frame") {
      // The frame's <body> (not its <head>: the page's metadata is the top document's).
      const body = frameDocument(node)?.body;
      if (body) stack.push(body, id);
    }
  }
  return { text: strings.join(""), lens: lens.view(), tree: tree.view(), nodes };
}
