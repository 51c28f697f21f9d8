//! WebAssembly bindings of the Decant core: a thin layer that turns the live DOM into the
//! core's snapshot, measures the few nodes the core asks about, and hands back the analysis
//! with node ids (the JS side maps ids back to elements with [`Page::element`]).
//!
//! Errors are thrown as JS `Error`s carrying a stable `code` property.

use decant_core::dom::{Attr, Document, LiveStyle, NodeId, Position};
use decant_core::summary::{paragraphs_from_text, summarize, SummaryLength, SummaryOptions};
use decant_core::{wire, Engine, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the panic hook so a bug shows a Rust message in the console, not a bare trap.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Serialises to plain JS objects (`#[serde(flatten)]` would otherwise give a `Map`), with
/// `None` as `null` as the type declarations say.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&ser)
        .map_err(|e| error("internal", &e.to_string()))
}

/// Reads property `key` of a JS object.
fn prop(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Options from JS: `{length: "short"|"medium"|"long"|"auto", lang: "de"}`; other keys are
/// ignored, a wrong value is an error. (Read by hand: serde's deserializer would bring float
/// formatting into the `.wasm` for its error messages.)
fn parse_options(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(error("bad-argument", "options must be an object"));
    }
    let length = match prop(value, "length") {
        v if v.is_undefined() => SummaryLength::Auto,
        v => match v.as_string().as_deref() {
            Some("short") => SummaryLength::Short,
            Some("medium") => SummaryLength::Medium,
            Some("long") => SummaryLength::Long,
            Some("auto") => SummaryLength::Auto,
            _ => {
                return Err(error(
                    "bad-argument",
                    "length must be short, medium, long or auto",
                ))
            }
        },
    };
    let lang = prop(value, "lang").as_string();
    let summarize = prop(value, "summary").as_bool().unwrap_or(true);
    Ok(Options {
        summary: SummaryOptions { length, lang },
        summarize,
    })
}

/// Summarises plain text (paragraphs separated by blank lines): `{tldr, points, ...}`.
#[wasm_bindgen(js_name = summarizeText)]
pub fn summarize_text(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(&options)?;
    to_js(&summarize(
        &paragraphs_from_text(text),
        None,
        &options.summary,
    ))
}

/// A JS `Error` with a stable `code`.
fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}

/// The walker in `src/js/walk.js`: reads a live subtree into the compact encoding of
/// [`decant_core::wire`] in one JS pass (one crossing instead of one per node and attribute).
#[wasm_bindgen(module = "/src/js/walk.js")]
extern "C" {
    type Walk;
    #[wasm_bindgen(catch)]
    fn walk(
        root: &web_sys::Node,
        parent: u32,
        first_id: u32,
        ids: Option<&js_sys::Map>,
    ) -> Result<Walk, JsValue>;
    #[wasm_bindgen(js_name = indexNodes)]
    fn index_nodes(nodes: &js_sys::Array, ids: &js_sys::Map);
    #[wasm_bindgen(method, getter)]
    fn text(this: &Walk) -> String;
    #[wasm_bindgen(method, getter)]
    fn lens(this: &Walk) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    fn tree(this: &Walk) -> Vec<u32>;
    #[wasm_bindgen(method, getter)]
    fn nodes(this: &Walk) -> js_sys::Array;
    #[wasm_bindgen(js_name = snapshotParent)]
    fn snapshot_parent(node: &web_sys::Node) -> Option<web_sys::Node>;
}

/// Node types of the DOM standard.
const ELEMENT_NODE: u16 = 1;
const DOCUMENT_NODE: u16 = 9;

/// `value` as a DOM node, whatever realm it comes from: nodes of a same-origin frame are not
/// `instanceof Node` of this window, so `dyn_into` would refuse them.
fn as_node(value: &JsValue) -> Option<web_sys::Node> {
    if !value.is_object() {
        return None;
    }
    let node: &web_sys::Node = value.unchecked_ref();
    // A non-node object has no numeric `nodeType`: reads as 0 and is refused.
    (1..=11).contains(&node.node_type()).then(|| node.clone())
}

/// `node` as an element, if it is one (any realm).
fn as_element(node: &web_sys::Node) -> Option<&web_sys::Element> {
    (node.node_type() == ELEMENT_NODE).then(|| node.unchecked_ref())
}

/// Walks `root` and decodes it into `doc` under `parent`: returns the batch's root ids and the
/// DOM nodes of the new ids, in id order; `ids` gets each new element's id.
fn snapshot_into(
    doc: &mut Document,
    root: &web_sys::Node,
    parent: NodeId,
    ids: Option<&js_sys::Map>,
) -> Result<(Vec<NodeId>, js_sys::Array), JsValue> {
    let walked = walk(root, parent.get(), doc.len() as u32, ids)?;
    let roots = wire::decode_into(doc, &walked.text(), &walked.lens(), &walked.tree())
        .map_err(|e| error("internal", &format!("bad snapshot: {e}")))?;
    Ok((roots, walked.nodes()))
}

/// One page under analysis: the snapshot, the engine and the id → DOM node table.
#[wasm_bindgen]
pub struct Page {
    engine: Engine,
    /// The document is rendered (has a window): computed style and geometry mean something.
    live: bool,
    /// DOM node of each id (`undefined` for id 0 when the root is not a document).
    nodes: js_sys::Array,
    /// Element → id, for the incremental path to look parents up: built from `nodes` on its
    /// first use (a one-shot analysis never needs it), then kept up to date by the walker.
    ids: Option<js_sys::Map>,
}

#[wasm_bindgen]
impl Page {
    /// Snapshots a live document (or any DOM node: the subtree below it). `options`:
    /// `{length, lang, summary}`.
    #[wasm_bindgen(constructor)]
    pub fn new(root: &JsValue, options: JsValue) -> Result<Page, JsValue> {
        let options = parse_options(&options)?;
        let root = as_node(root)
            .ok_or_else(|| error("bad-argument", "expected a Document or a DOM Node"))?;
        let mut doc = Document::new();
        let as_document = (root.node_type() == DOCUMENT_NODE)
            .then(|| root.clone().unchecked_into::<web_sys::Document>());
        let owner = as_document.clone().or_else(|| root.owner_document());
        // A document from DOMParser has no window and no layout: inline styles are all we know.
        let live = owner.is_some_and(|d| d.default_view().is_some());
        let first = match &as_document {
            Some(d) => {
                doc.url = d.url().ok();
                root.clone().into()
            }
            None => JsValue::UNDEFINED,
        };
        let (_, walked) = snapshot_into(&mut doc, &root, NodeId::ROOT, None)?;
        let nodes = js_sys::Array::of1(&first).concat(&walked);
        let mut page = Page {
            engine: Engine::with_options(doc, options),
            live,
            nodes,
            ids: None,
        };
        let probes = page.engine.style_probes();
        page.measure(&probes);
        Ok(page)
    }

    /// Full analysis: `{article, blocks, fixes}` with node ids.
    pub fn analyze(&mut self) -> Result<JsValue, JsValue> {
        let analysis = self.engine.analyze();
        to_js(&analysis)
    }

    /// Adds nodes inserted into the page since the snapshot (their parents must be known) and
    /// analyses just them: `{blocks, fixes}`. Unknown or already known nodes are skipped.
    /// `refreshTop`: `html`/`body` attributes changed too (a page script re-locking scrolling),
    /// so re-read and re-measure them; off by default, as measuring them forces a style pass.
    #[wasm_bindgen(js_name = analyzeAdded)]
    pub fn analyze_added(
        &mut self,
        added: js_sys::Array,
        refresh_top: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let mut roots = Vec::new();
        let mut doc = std::mem::take(self.engine.document_mut());
        let mut result = Ok(());
        // Ids from here on are this batch's: a node under one of them was walked with it.
        let batch_start = doc.len() as u32;
        for v in added.iter() {
            let Some(node) = as_node(&v) else {
                continue;
            };
            if self.id_of(&node).is_some() {
                continue;
            }
            let Some(pid) = snapshot_parent(&node).and_then(|p| self.id_of(&p)) else {
                continue;
            };
            if pid >= batch_start {
                continue;
            }
            match snapshot_into(&mut doc, &node, NodeId::new(pid), Some(self.ids())) {
                Ok((new_roots, walked)) => {
                    for n in walked.iter() {
                        self.nodes.push(&n);
                    }
                    roots.extend(new_roots);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        *self.engine.document_mut() = doc;
        result?;
        let mut probes = self.engine.attach(&roots);
        if refresh_top.unwrap_or(false) {
            probes.extend(self.refresh_top_elements());
        }
        self.measure(&probes);
        let delta = self.engine.analyze_added(&roots);
        to_js(&delta)
    }

    /// The DOM node behind a node id.
    pub fn element(&self, id: u32) -> Option<web_sys::Node> {
        self.node(id as usize)
    }

    /// The id of an element (or the document) in this snapshot, if it is in it.
    #[wasm_bindgen(js_name = idOf)]
    pub fn id_of(&mut self, node: &web_sys::Node) -> Option<u32> {
        self.ids().get(node).as_f64().map(|f| f as u32)
    }
}

impl Page {
    /// The element → id map, built on first use from the id → node table.
    fn ids(&mut self) -> &js_sys::Map {
        self.ids.get_or_insert_with(|| {
            let ids = js_sys::Map::new();
            index_nodes(&self.nodes, &ids);
            ids
        })
    }

    fn node(&self, index: usize) -> Option<web_sys::Node> {
        if index >= self.nodes.length() as usize {
            return None;
        }
        as_node(&self.nodes.get(index as u32))
    }

    /// Re-reads the attributes of `html` and `body` into the snapshot; returns their ids.
    fn refresh_top_elements(&mut self) -> Vec<NodeId> {
        let mut ids = Vec::new();
        for name in ["html", "body"] {
            let Some(id) = self.engine.document().find_top(name) else {
                continue;
            };
            let Some(node) = self.node(id.index()) else {
                continue;
            };
            let Some(el) = as_element(&node) else {
                continue;
            };
            let attrs = read_attrs(el);
            if let decant_core::dom::NodeData::Element(e) = self.engine.document_mut().data_mut(id)
            {
                e.attrs = attrs;
                e.style = None;
            }
            ids.push(id);
        }
        ids
    }

    /// Fills computed style and geometry for the nodes the core asked about.
    fn measure(&mut self, ids: &[NodeId]) {
        if !self.live {
            return;
        }
        // The last element's document, window and viewport size: nearly every probe is in the
        // same document, so the window and its size are read once, not per probe.
        let mut view: Option<(web_sys::Document, web_sys::Window, f64, f64)> = None;
        for &id in ids {
            let Some(node) = self.node(id.index()) else {
                continue;
            };
            let Some(el) = as_element(&node) else {
                continue;
            };
            // The element's own window: a same-origin frame has its own viewport.
            let Some(doc) = el.owner_document() else {
                continue;
            };
            if view.as_ref().is_none_or(|(d, ..)| *d != doc) {
                let Some(window) = doc.default_view() else {
                    continue;
                };
                let size =
                    |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                let (vw, vh) = (size(window.inner_width()), size(window.inner_height()));
                view = Some((doc, window, vw, vh));
            }
            let Some((_, window, vw, vh)) = &view else {
                continue;
            };
            let (vw, vh) = (*vw, *vh);
            let Ok(Some(cs)) = window.get_computed_style(el) else {
                continue;
            };
            let style = live_style(&cs, el, vw, vh);
            self.engine.set_style(id, style);
        }
    }
}

fn position_of(value: &str) -> Position {
    match value {
        "fixed" => Position::Fixed,
        "sticky" => Position::Sticky,
        "absolute" => Position::Absolute,
        "relative" => Position::Relative,
        _ => Position::Static,
    }
}

fn read_attrs(el: &web_sys::Element) -> Vec<Attr> {
    let map = el.attributes();
    let n = map.length();
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        if let Some(a) = map.item(i) {
            out.push(Attr::new(&a.local_name(), a.value()));
        }
    }
    out
}

fn live_style(
    cs: &web_sys::CssStyleDeclaration,
    el: &web_sys::Element,
    vw: f64,
    vh: f64,
) -> LiveStyle {
    let get = |p: &str| cs.get_property_value(p).unwrap_or_default();
    let position = position_of(&get("position"));
    let rect = el.get_bounding_client_rect();
    let coverage = if vw > 0.0 && vh > 0.0 {
        let w = (rect.right().min(vw) - rect.left().max(0.0)).max(0.0);
        let h = (rect.bottom().min(vh) - rect.top().max(0.0)).max(0.0);
        ((w * h) / (vw * vh)) as f32
    } else {
        0.0
    };
    // Each property read is a call out of WASM and a string back in: read only what the
    // answer can still depend on.
    let clips = |v: String| v.contains("hidden") || v.contains("clip");
    let overflow_hidden = clips(get("overflow-x")) || clips(get("overflow-y"));
    let height_clipped = overflow_hidden && {
        let max_height = get("max-height");
        max_height != "none" && !max_height.is_empty()
    };
    // The prefixed name only where the standard one is unknown (older Safari).
    let user_select = match get("user-select") {
        v if v.is_empty() => get("-webkit-user-select"),
        v => v,
    };
    LiveStyle {
        position,
        z_index: get("z-index").parse().unwrap_or(0),
        viewport_coverage: coverage,
        hidden: (rect.width() == 0.0 && rect.height() == 0.0)
            || get("display") == "none"
            || get("visibility") == "hidden",
        overflow_hidden,
        blurred: get("filter").contains("blur(") || get("backdrop-filter").contains("blur("),
        no_select: user_select == "none",
        height_clipped,
        gradient: get("background-image").contains("gradient("),
    }
}

#[cfg(test)]
mod tests;

/// The same engine over a snapshot sent as data (used by the extension's service worker).
#[wasm_bindgen]
pub struct Snapshot {
    engine: Engine,
}

#[wasm_bindgen]
impl Snapshot {
    /// Builds the snapshot from `{url, text, lens, tree}`, the walker's encoding (see
    /// `src/js/walk.js`; `lens` and `tree` as arrays or `Uint32Array`s): ids start at 1, and
    /// parent 0 is the document.
    #[wasm_bindgen(constructor)]
    pub fn new(wire: JsValue) -> Result<Snapshot, JsValue> {
        let bad = |what: &str| error("bad-argument", &format!("bad snapshot: {what}"));
        let numbers = |key: &str| -> Result<Vec<u32>, JsValue> {
            let v = prop(&wire, key);
            if js_sys::Array::is_array(&v) || v.is_instance_of::<js_sys::Uint32Array>() {
                Ok(js_sys::Uint32Array::new(&v).to_vec())
            } else {
                Err(bad(&format!("no {key} array")))
            }
        };
        let text = prop(&wire, "text")
            .as_string()
            .ok_or_else(|| bad("no text"))?;
        let (lens, tree) = (numbers("lens")?, numbers("tree")?);
        let mut doc = Document::new();
        doc.url = prop(&wire, "url").as_string();
        wire::decode_into(&mut doc, &text, &lens, &tree).map_err(|e| bad(&e.to_string()))?;
        Ok(Snapshot {
            engine: Engine::new(doc),
        })
    }

    /// Node ids whose style the walker should measure.
    pub fn probes(&self) -> Vec<u32> {
        self.engine
            .style_probes()
            .into_iter()
            .map(|n| n.get())
            .collect()
    }

    /// Records measured styles: `[[id, style], ...]`, style fields as [`LiveStyle`]'s.
    #[wasm_bindgen(js_name = setStyles)]
    pub fn set_styles(&mut self, styles: JsValue) -> Result<(), JsValue> {
        if !js_sys::Array::is_array(&styles) {
            return Err(error("bad-argument", "bad styles: expected an array"));
        }
        let len = self.engine.document().len() as u32;
        for pair in js_sys::Array::from(&styles).iter() {
            let pair = js_sys::Array::from(&pair);
            let id = pair.get(0).as_f64().unwrap_or(0.0) as u32;
            let s = pair.get(1);
            if id == 0 || id >= len || !s.is_object() {
                continue;
            }
            let flag = |k: &str| prop(&s, k).as_bool().unwrap_or(false);
            let num = |k: &str| prop(&s, k).as_f64().unwrap_or(0.0);
            let style = LiveStyle {
                position: position_of(&prop(&s, "position").as_string().unwrap_or_default()),
                z_index: num("z_index") as i32,
                viewport_coverage: num("viewport_coverage") as f32,
                hidden: flag("hidden"),
                overflow_hidden: flag("overflow_hidden"),
                blurred: flag("blurred"),
                no_select: flag("no_select"),
                height_clipped: flag("height_clipped"),
                gradient: flag("gradient"),
            };
            self.engine.set_style(NodeId::new(id), style);
        }
        Ok(())
    }

    /// Full analysis, as [`Page::analyze`].
    pub fn analyze(&mut self) -> Result<JsValue, JsValue> {
        let analysis = self.engine.analyze();
        to_js(&analysis)
    }
}
