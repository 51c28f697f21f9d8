//! WebAssembly bindings of the Decant core: a thin layer that turns the live DOM into the
//! core's snapshot, measures the few nodes the core asks about, and hands back the analysis
//! with node ids (the JS side maps ids back to elements with [`Page::element`]).
//!
//! Errors are thrown as JS `Error`s carrying a stable `code` property.

use decant_core::dom::{Attr, Document, LiveStyle, NodeId, Position};
use decant_core::summary::{summarize, SummaryLength, SummaryOptions};
use decant_core::{Engine, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Node types of the DOM standard.
const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

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
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    to_js(&summarize(&paragraphs, None, &options.summary))
}

/// A JS `Error` with a stable `code`.
fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}

/// One page under analysis: the snapshot, the engine and the id → DOM node table.
#[wasm_bindgen]
pub struct Page {
    engine: Engine,
    /// The document is rendered (has a window): computed style and geometry mean something.
    live: bool,
    nodes: Vec<Option<web_sys::Node>>,
    ids: js_sys::Map,
}

#[wasm_bindgen]
impl Page {
    /// Snapshots a live document (or any DOM node: the subtree below it). `options`:
    /// `{length, lang}` for the summary.
    #[wasm_bindgen(constructor)]
    pub fn new(root: &JsValue, options: JsValue) -> Result<Page, JsValue> {
        let options = parse_options(&options)?;
        let root: web_sys::Node = root
            .clone()
            .dyn_into()
            .map_err(|_| error("bad-argument", "expected a Document or a DOM Node"))?;
        let mut page = Page {
            engine: Engine::new(Document::new()),
            live: true,
            nodes: vec![None],
            ids: js_sys::Map::new(),
        };
        let mut doc = Document::new();
        let owner = root
            .dyn_ref::<web_sys::Document>()
            .cloned()
            .or_else(|| root.owner_document());
        // A document from DOMParser has no window and no layout: inline styles are all we know.
        page.live = owner.is_some_and(|d| d.default_view().is_some());
        if let Some(d) = root.dyn_ref::<web_sys::Document>() {
            doc.url = d.url().ok();
            page.ids.set(&root, &JsValue::from(0));
            page.nodes[0] = Some(root.clone());
            let mut child = root.first_child();
            while let Some(c) = child {
                page.add_subtree(&mut doc, NodeId::ROOT, &c);
                child = c.next_sibling();
            }
        } else {
            page.add_subtree(&mut doc, NodeId::ROOT, &root);
        }
        page.engine = Engine::with_options(doc, options);
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
    #[wasm_bindgen(js_name = analyzeAdded)]
    pub fn analyze_added(&mut self, added: js_sys::Array) -> Result<JsValue, JsValue> {
        let mut roots = Vec::new();
        let mut doc = std::mem::take(self.engine.document_mut());
        for v in added.iter() {
            let Ok(node) = v.dyn_into::<web_sys::Node>() else {
                continue;
            };
            if self.ids.has(&node) {
                continue;
            }
            let Some(parent) = node.parent_node() else {
                continue;
            };
            let Some(pid) = self.id_of(&parent) else {
                continue;
            };
            if let Some(id) = self.add_subtree(&mut doc, NodeId(pid), &node) {
                roots.push(id);
            }
        }
        *self.engine.document_mut() = doc;
        let mut probes = self.engine.attach(&roots);
        // Page scripts re-lock scrolling with classes or inline styles on `html`/`body`.
        probes.extend(self.refresh_top_elements());
        self.measure(&probes);
        let delta = self.engine.analyze_added(&roots);
        to_js(&delta)
    }

    /// The DOM node behind a node id.
    pub fn element(&self, id: u32) -> Option<web_sys::Node> {
        self.nodes.get(id as usize).cloned().flatten()
    }

    /// The id of a DOM node in this snapshot, if it is in it.
    #[wasm_bindgen(js_name = idOf)]
    pub fn id_of(&self, node: &web_sys::Node) -> Option<u32> {
        self.ids.get(node).as_f64().map(|f| f as u32)
    }
}

impl Page {
    /// Re-reads the attributes of `html` and `body` into the snapshot; returns their ids.
    fn refresh_top_elements(&mut self) -> Vec<NodeId> {
        let mut ids = Vec::new();
        for name in ["html", "body"] {
            let Some(id) = self.engine.document().find_top(name) else {
                continue;
            };
            let Some(Some(node)) = self.nodes.get(id.index()) else {
                continue;
            };
            let Some(el) = node.dyn_ref::<web_sys::Element>() else {
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

    fn remember(&mut self, id: NodeId, node: &web_sys::Node) {
        let i = id.index();
        if self.nodes.len() <= i {
            self.nodes.resize(i + 1, None);
        }
        self.nodes[i] = Some(node.clone());
        self.ids.set(node, &JsValue::from(id.0));
    }

    /// Copies `node` and its subtree under `parent`, iteratively. Returns the new id.
    fn add_subtree(
        &mut self,
        doc: &mut Document,
        parent: NodeId,
        node: &web_sys::Node,
    ) -> Option<NodeId> {
        let mut first = None;
        // (dom node, snapshot parent)
        let mut stack: Vec<(web_sys::Node, NodeId)> = vec![(node.clone(), parent)];
        while let Some((n, p)) = stack.pop() {
            let id = match n.node_type() {
                ELEMENT_NODE => {
                    let el: &web_sys::Element = n.unchecked_ref();
                    let name = el.local_name();
                    let attrs = read_attrs(el);
                    let json_ld = name == "script"
                        && attrs
                            .iter()
                            .any(|a| a.name == "type" && a.value.contains("ld+json"));
                    let id = doc.create_element(&name, attrs);
                    doc.append(p, id);
                    self.remember(id, &n);
                    // Keep script text only where metadata lives (JSON-LD): page scripts can
                    // be megabytes and are never content.
                    let keep_children = match name.as_str() {
                        "script" => json_ld,
                        "style" | "noscript" | "template" => false,
                        _ => true,
                    };
                    if keep_children {
                        let mut kids = Vec::new();
                        let mut c = n.first_child();
                        while let Some(k) = c {
                            c = k.next_sibling();
                            kids.push(k);
                        }
                        for k in kids.into_iter().rev() {
                            stack.push((k, id));
                        }
                    }
                    id
                }
                TEXT_NODE | CDATA_SECTION_NODE => {
                    let text = n.node_value().unwrap_or_default();
                    let id = doc.create_text(&text);
                    doc.append(p, id);
                    // Text nodes are never block roots: no handle kept, no map entry.
                    id
                }
                _ => continue,
            };
            if first.is_none() {
                first = Some(id);
            }
        }
        first
    }

    /// Fills computed style and geometry for the nodes the core asked about.
    fn measure(&mut self, ids: &[NodeId]) {
        if !self.live {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let vw = window
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let vh = window
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        for &id in ids {
            let Some(Some(node)) = self.nodes.get(id.index()) else {
                continue;
            };
            let Some(el) = node.dyn_ref::<web_sys::Element>() else {
                continue;
            };
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
            out.push(Attr {
                name: a.local_name().to_ascii_lowercase(),
                value: a.value(),
            });
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
    let overflow = format!("{} {}", get("overflow-x"), get("overflow-y"));
    let overflow_hidden = overflow.contains("hidden") || overflow.contains("clip");
    let max_height = get("max-height");
    LiveStyle {
        position,
        z_index: get("z-index").parse().unwrap_or(0),
        viewport_coverage: coverage,
        hidden: get("display") == "none"
            || get("visibility") == "hidden"
            || (rect.width() == 0.0 && rect.height() == 0.0),
        overflow_hidden,
        blurred: get("filter").contains("blur(") || get("backdrop-filter").contains("blur("),
        no_select: get("user-select") == "none" || get("-webkit-user-select") == "none",
        height_clipped: overflow_hidden && max_height != "none" && !max_height.is_empty(),
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
    /// Builds the snapshot from `{url, nodes: [{parent, tag, attrs: [[name, value]], text}]}`:
    /// node `i` of the array gets id `i + 1`; `parent` 0 is the document.
    #[wasm_bindgen(constructor)]
    pub fn new(wire: JsValue) -> Result<Snapshot, JsValue> {
        let bad = |what: &str| error("bad-argument", &format!("bad snapshot: {what}"));
        let nodes = prop(&wire, "nodes");
        if !js_sys::Array::is_array(&nodes) {
            return Err(bad("no nodes array"));
        }
        let mut doc = Document::new();
        doc.url = prop(&wire, "url").as_string();
        for (i, n) in js_sys::Array::from(&nodes).iter().enumerate() {
            let parent = prop(&n, "parent")
                .as_f64()
                .ok_or_else(|| bad("node without parent"))?;
            let id = if let Some(tag) = prop(&n, "tag").as_string() {
                let mut attrs = Vec::new();
                let list = prop(&n, "attrs");
                if js_sys::Array::is_array(&list) {
                    for pair in js_sys::Array::from(&list).iter() {
                        let pair = js_sys::Array::from(&pair);
                        if let (Some(name), Some(value)) =
                            (pair.get(0).as_string(), pair.get(1).as_string())
                        {
                            attrs.push(Attr { name, value });
                        }
                    }
                }
                doc.create_element(&tag, attrs)
            } else if let Some(text) = prop(&n, "text").as_string() {
                doc.create_text(&text)
            } else {
                doc.create_other()
            };
            // Parents come before children; anything else is a malformed snapshot.
            if parent < 0.0 || parent as usize > i || id.0 != i as u32 + 1 {
                return Err(bad("nodes out of order"));
            }
            doc.append(NodeId(parent as u32), id);
        }
        Ok(Snapshot {
            engine: Engine::new(doc),
        })
    }

    /// Node ids whose style the walker should measure.
    pub fn probes(&self) -> Vec<u32> {
        self.engine
            .style_probes()
            .into_iter()
            .map(|n| n.0)
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
            self.engine.set_style(NodeId(id), style);
        }
        Ok(())
    }

    /// Full analysis, as [`Page::analyze`].
    pub fn analyze(&mut self) -> Result<JsValue, JsValue> {
        let analysis = self.engine.analyze();
        to_js(&analysis)
    }
}
