//! The snapshot: one arena of nodes that every input is turned into.
//!
//! Natively the CLI fills it from html5ever; in the browser the bindings fill it from the live
//! DOM. The classifier only ever sees this type, so both inputs get the same decisions.
//!
//! Pages control the shape of this tree (100,000-deep nesting is a real attack), so nothing here
//! recurses: every walk is a loop over the sibling/parent links.

use std::num::NonZeroU32;

use serde::Serialize;

/// Index of a node in a [`Document`] arena. Stable for the life of the snapshot; it is what
/// crosses the WASM boundary instead of element references or selectors.
///
/// Stored as index + 1 in a `NonZeroU32`, so that `Option<NodeId>` (five per node: the tree
/// links) takes 4 bytes instead of 8.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(NonZeroU32);

impl NodeId {
    /// The document node every snapshot starts with.
    pub const ROOT: NodeId = NodeId(NonZeroU32::MIN);

    /// The id of arena index `index` (`u32::MAX` is not an index: it would panic).
    pub const fn new(index: u32) -> NodeId {
        match NonZeroU32::new(index.wrapping_add(1)) {
            Some(n) => NodeId(n),
            None => panic!("node index out of range"),
        }
    }

    /// The arena index.
    pub fn index(self) -> usize {
        self.get() as usize
    }

    /// The arena index as the `u32` that crosses the WASM boundary.
    pub const fn get(self) -> u32 {
        self.0.get() - 1
    }
}

impl std::fmt::Debug for NodeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeId::new({})", self.get())
    }
}

impl Serialize for NodeId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.get())
    }
}

/// How an element is positioned, as far as the classifier cares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    #[default]
    Static,
    Relative,
    Absolute,
    Fixed,
    Sticky,
}

/// Style and geometry of one element, as the browser computed it (or as far as an inline `style`
/// attribute tells, natively). Only filled for the few candidates that need it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LiveStyle {
    pub position: Position,
    pub z_index: i32,
    /// Share of the viewport the element's box covers, 0..1 (0 when unknown).
    pub viewport_coverage: f32,
    /// `display: none`, `visibility: hidden` or a zero-size box.
    pub hidden: bool,
    /// `overflow` (either axis) is `hidden` or `clip`.
    pub overflow_hidden: bool,
    /// A `filter` or `backdrop-filter` with `blur(...)`.
    pub blurred: bool,
    /// `user-select: none`.
    pub no_select: bool,
    /// A `max-height`/`height` clip with hidden overflow (a "continue reading" fade).
    pub height_clipped: bool,
    /// A gradient `background-image` (the fade over clipped text).
    pub gradient: bool,
}

/// A tag or attribute name. The common names are static strings, so most elements and
/// attributes of a page allocate nothing for their names (a 100,000-element page has
/// 100,000 names and a few dozen distinct ones).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Name(std::borrow::Cow<'static, str>);

impl Name {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Tags common enough to be worth a static name (sorted, for the reader; see [`NameTable`]).
/// Packed, `|`-separated: a slice of `&str` costs 8 bytes of pointers per entry in the `.wasm`.
const COMMON_TAGS: &str = "\
    a|abbr|article|aside|audio|b|blockquote|body|br|button|canvas|circle|cite|code|dd|defs|\
    details|dialog|div|dl|dt|em|figcaption|figure|font|footer|form|g|h1|h2|h3|h4|h5|h6|head|\
    header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|option|p|path|\
    picture|pre|rect|s|script|section|select|small|source|span|strong|style|sub|summary|sup|\
    svg|table|tbody|td|template|textarea|th|thead|time|title|tr|u|ul|use|video";

/// Attribute names common enough to be worth a static name (sorted, packed; see
/// [`NameTable`]).
const COMMON_ATTRS: &str = "\
    action|alt|aria-hidden|aria-label|charset|class|content|d|data-src|datetime|dir|fill|for|\
    height|hidden|href|id|itemprop|itemscope|itemtype|lang|loading|method|name|placeholder|\
    property|rel|role|sizes|src|srcset|style|tabindex|target|title|type|value|viewbox|width|\
    xmlns";

/// `name` lower-cased as a [`Name`]: static when it is one of `common`, else owned.
fn intern(name: &str, common: &'static NameTable) -> Name {
    let lowered;
    let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        lowered = name.to_ascii_lowercase();
        lowered.as_str()
    } else {
        name
    };
    match common.find(name) {
        Some(i) => Name(std::borrow::Cow::Borrowed(common.list[i])),
        None => Name(std::borrow::Cow::Owned(name.to_string())),
    }
}

/// An open-addressing index over a list of common names: a look-up hashes the name and
/// usually compares one candidate (this runs for every element and attribute of the page).
struct NameTable {
    /// Slot → index + 1 into the list (0 = empty); 256 slots, at most a third full.
    slots: [u8; 256],
    list: Vec<&'static str>,
}

impl NameTable {
    /// The table of [`COMMON_TAGS`], built on first use.
    fn tags() -> &'static NameTable {
        static TABLE: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| NameTable::new(COMMON_TAGS))
    }

    /// The table of [`COMMON_ATTRS`], built on first use.
    fn attrs() -> &'static NameTable {
        static TABLE: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(|| NameTable::new(COMMON_ATTRS))
    }

    fn new(packed: &'static str) -> NameTable {
        let list: Vec<&'static str> = packed.split('|').collect();
        let mut slots = [0u8; 256];
        for (i, name) in list.iter().enumerate() {
            let mut s = Self::hash(name);
            while slots[s] != 0 {
                s = (s + 1) & 255;
            }
            slots[s] = i as u8 + 1;
        }
        NameTable { slots, list }
    }

    fn hash(name: &str) -> usize {
        let h = crate::text::word_hash(name);
        ((h >> 8 ^ h) & 255) as usize
    }

    fn find(&self, name: &str) -> Option<usize> {
        let mut s = Self::hash(name);
        loop {
            match self.slots[s] {
                0 => return None,
                i if self.list[usize::from(i) - 1] == name => return Some(usize::from(i) - 1),
                _ => s = (s + 1) & 255,
            }
        }
    }
}

/// One attribute, name lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr {
    pub name: Name,
    pub value: String,
}

impl Attr {
    /// An attribute; `name` is lower-cased here.
    pub fn new(name: &str, value: String) -> Attr {
        Attr {
            name: intern(name, NameTable::attrs()),
            value,
        }
    }
}

/// An element: lower-case local name, attributes in source order, and live style if probed.
#[derive(Clone, Debug, Default)]
pub struct Element {
    pub name: Name,
    pub attrs: Vec<Attr>,
    /// Boxed: only the few probed elements have it, and inline it would add 16 bytes to
    /// every node of the arena.
    pub style: Option<Box<LiveStyle>>,
}

impl Element {
    /// The value of attribute `name` (lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_str())
    }
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(String),
    /// Comments, doctypes and processing instructions: kept so ids line up with the source
    /// tree, ignored by the analysis.
    Other,
}

/// One node of the arena, with its tree links.
#[derive(Clone, Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        }
    }

    /// The element data, if this node is an element.
    pub fn element(&self) -> Option<&Element> {
        match &self.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The lower-case tag name, or "" for non-elements.
    pub fn tag(&self) -> &str {
        self.element().map_or("", |e| e.name.as_str())
    }

    /// The text of a text node.
    pub fn text(&self) -> Option<&str> {
        match &self.data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Text kept per text node. A megabyte is far more than any paragraph; past it, a hostile or
/// broken page's 20 MB text node would be copied a dozen times through the analysis.
pub const MAX_TEXT_NODE_BYTES: usize = 1 << 20;

/// Appends `text` to `to`, keeping `to` within [`MAX_TEXT_NODE_BYTES`] (cut at a character).
pub fn push_text_capped(to: &mut String, text: &str) {
    let room = MAX_TEXT_NODE_BYTES.saturating_sub(to.len());
    if text.len() <= room {
        to.push_str(text);
    } else {
        let mut cut = room;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        to.push_str(&text[..cut]);
    }
}

/// The snapshot of one document. Node 0 is the document node.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<Node>,
    /// The page's URL when the input knows it (the browser does; a file may not).
    pub url: Option<String>,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    /// An empty document (just the document node).
    pub fn new() -> Self {
        Document {
            nodes: vec![Node::new(NodeData::Document)],
            url: None,
        }
    }

    /// Number of nodes in the arena, detached ones included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Makes room for `additional` more nodes (a caller that knows the count avoids regrowth).
    pub fn reserve(&mut self, additional: usize) {
        self.nodes.reserve(additional);
    }

    /// True when the document has no node but the document node.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The node with this id.
    ///
    /// Ids come from this document; an id from elsewhere panics like a slice index would.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// Mutable access to a node's data (tree links stay private to keep them consistent).
    pub fn data_mut(&mut self, id: NodeId) -> &mut NodeData {
        &mut self.nodes[id.index()].data
    }

    /// The element data of `id`, if it is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        self.node(id).element()
    }

    /// The lower-case tag of `id`, "" for non-elements.
    pub fn tag(&self, id: NodeId) -> &str {
        self.node(id).tag()
    }

    /// Attribute `name` of element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    /// Records live style for element `id` (ignored for non-elements).
    pub fn set_style(&mut self, id: NodeId, style: LiveStyle) {
        if let NodeData::Element(e) = &mut self.nodes[id.index()].data {
            e.style = Some(Box::new(style));
        }
    }

    fn push(&mut self, data: NodeData) -> NodeId {
        let id = NodeId::new(self.nodes.len() as u32);
        self.nodes.push(Node::new(data));
        id
    }

    /// Creates a detached element.
    pub fn create_element(&mut self, name: &str, attrs: Vec<Attr>) -> NodeId {
        self.push(NodeData::Element(Element {
            name: intern(name, NameTable::tags()),
            attrs,
            style: None,
        }))
    }

    /// Creates a detached text node (its text capped at [`MAX_TEXT_NODE_BYTES`]).
    pub fn create_text(&mut self, text: &str) -> NodeId {
        let mut t = String::new();
        push_text_capped(&mut t, text);
        self.push(NodeData::Text(t))
    }

    /// Creates a detached comment/doctype placeholder.
    pub fn create_other(&mut self) -> NodeId {
        self.push(NodeData::Other)
    }

    /// Removes `id` from its parent (no-op when detached).
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id.index()];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = next,
            None => self.nodes[parent.index()].first_child = next,
        }
        match next {
            Some(n) => self.nodes[n.index()].prev_sibling = prev,
            None => self.nodes[parent.index()].last_child = prev,
        }
        let n = &mut self.nodes[id.index()];
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    /// Appends `child` as the last child of `parent`, detaching it first.
    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.detach(child);
        let last = self.nodes[parent.index()].last_child;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => self.nodes[l.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        self.nodes[parent.index()].last_child = Some(child);
    }

    /// Inserts `child` just before `sibling`, detaching it first.
    pub fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling.index()].parent else {
            return;
        };
        let prev = self.nodes[sibling.index()].prev_sibling;
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        self.nodes[sibling.index()].prev_sibling = Some(child);
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
    }

    /// Appends text to `parent`, merging with a trailing text node as a parser would.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if let Some(last) = self.nodes[parent.index()].last_child {
            if let NodeData::Text(t) = &mut self.nodes[last.index()].data {
                push_text_capped(t, text);
                return;
            }
        }
        let t = self.create_text(text);
        self.append(parent, t);
    }

    /// Moves all children of `from` to the end of `to`.
    pub fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        while let Some(c) = self.nodes[from.index()].first_child {
            self.append(to, c);
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.node(id).first_child,
        }
    }

    /// `id` and all its descendants in document (pre-)order, without recursion.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root: id,
            next: Some(id),
            last: None,
        }
    }

    /// The ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.node(id).parent, move |p| self.node(*p).parent)
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// The first element child of the document whose tag is `name`, searching the top levels
    /// (`html`, then its children) the way browsers expose `document.body`.
    pub fn find_top(&self, name: &str) -> Option<NodeId> {
        let html = self
            .children(NodeId::ROOT)
            .find(|&c| self.tag(c) == "html")?;
        if name == "html" {
            return Some(html);
        }
        self.children(html).find(|&c| self.tag(c) == name)
    }

    /// A frame whose document the browser walker included (a same-origin frame: its `<body>`
    /// is the frame element's child in the snapshot). Its content counts as page content, and
    /// like `<body>` it is never a block itself; a parsed `<iframe>`'s fallback text is not
    /// content.
    pub fn is_open_frame(&self, id: NodeId) -> bool {
        matches!(self.tag(id), "iframe" | "frame")
            && self.children(id).any(|c| self.tag(c) == "body")
    }

    /// The `<body>` element, if any.
    pub fn body(&self) -> Option<NodeId> {
        self.find_top("body")
    }

    /// All text below `id` (script, style and template content excluded), concatenated, with
    /// a space where a non-inline element starts so words of adjacent blocks stay apart.
    pub fn text_content(&self, id: NodeId) -> String {
        self.text_content_prefix(id, usize::MAX)
    }

    /// The start of [`Document::text_content`]: at least `min_bytes` of it (all of it when it
    /// is shorter). A caller that reads only the start of a big block (a preview, a phrase
    /// scan) stops the walk there instead of copying the block's whole text.
    pub fn text_content_prefix(&self, id: NodeId, min_bytes: usize) -> String {
        let mut out = String::new();
        let mut walk = self.descendants(id);
        while let Some(n) = walk.next() {
            if out.len() >= min_bytes {
                break;
            }
            match &self.node(n).data {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element(e) if is_non_content(&e.name) && n != id => walk.skip_children(),
                NodeData::Element(e)
                    if !is_inline(&e.name)
                        && !out.is_empty()
                        && !out.ends_with(char::is_whitespace) =>
                {
                    out.push(' ');
                }
                _ => {}
            }
        }
        out
    }
}

/// Void elements: no children, no end tag.
pub fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Phrasing elements that do not separate words.
pub fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "s"
            | "small"
            | "sup"
            | "sub"
            | "abbr"
            | "mark"
            | "code"
            | "time"
            | "q"
            | "cite"
            | "font"
            | "bdi"
            | "bdo"
            | "kbd"
            | "var"
            | "dfn"
            | "data"
            | "wbr"
    )
}

/// Elements whose text is never page content.
pub fn is_non_content(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "head" | "title" | "iframe"
    )
}

/// Iterator over the children of a node.
pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.node(cur).next_sibling;
        Some(cur)
    }
}

/// Pre-order iterator over a subtree; [`Descendants::skip_children`] prunes the node just
/// returned.
pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
    last: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into the node most recently returned by `next`.
    pub fn skip_children(&mut self) {
        if let Some(last) = self.last {
            self.next = self.after(last);
        }
    }

    /// The node that follows `id`'s subtree in pre-order, staying inside `root`.
    fn after(&self, mut id: NodeId) -> Option<NodeId> {
        loop {
            if id == self.root {
                return None;
            }
            let node = self.doc.node(id);
            if let Some(s) = node.next_sibling {
                return Some(s);
            }
            id = node.parent?;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.last = Some(cur);
        self.next = match self.doc.node(cur).first_child {
            Some(c) => Some(c),
            None => self.after(cur),
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_content_prefix_is_a_prefix_of_at_least_the_asked_length() {
        let mut doc = Document::new();
        let div = doc.create_element("div", vec![]);
        doc.append(NodeId::ROOT, div);
        for k in 0..50 {
            let p = doc.create_element("p", vec![]);
            doc.append(div, p);
            let t = doc.create_text(&format!("paragraph {k} with some words"));
            doc.append(p, t);
        }
        let full = doc.text_content(div);
        for min in [0, 1, 10, 100, 500, full.len(), full.len() + 1, usize::MAX] {
            let start = doc.text_content_prefix(div, min);
            assert!(full.starts_with(&start), "{min}");
            assert!(start.len() >= min.min(full.len()), "{min}");
        }
    }

    #[test]
    fn common_names_are_sorted_lower_case_and_interned() {
        for (packed, table) in [
            (COMMON_TAGS, NameTable::tags()),
            (COMMON_ATTRS, NameTable::attrs()),
        ] {
            let list: Vec<&str> = packed.split('|').collect();
            assert!(list
                .iter()
                .all(|n| !n.is_empty() && !n.contains(char::is_whitespace)));
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
            assert!(list.iter().all(|n| *n == n.to_ascii_lowercase()));
            assert!(list.len() < 85, "the name table stays at most a third full");
            for (i, n) in list.iter().enumerate() {
                assert_eq!(table.find(n), Some(i));
            }
            assert_eq!(table.find("not-a-common-name"), None);
        }
        let mut doc = Document::new();
        let div = doc.create_element("DIV", vec![Attr::new("CLASS", "x".into())]);
        let custom = doc.create_element("my-widget", vec![Attr::new("data-x", "1".into())]);
        assert_eq!(doc.tag(div), "div");
        assert_eq!(doc.attr(div, "class"), Some("x"));
        assert_eq!(doc.tag(custom), "my-widget");
        assert_eq!(doc.attr(custom, "data-x"), Some("1"));
        assert!(matches!(
            doc.element(div).map(|e| &e.name.0),
            Some(std::borrow::Cow::Borrowed(_))
        ));
    }

    #[test]
    fn text_nodes_are_capped_at_a_character_boundary() {
        let mut d = Document::new();
        let big = "é".repeat(MAX_TEXT_NODE_BYTES); // two bytes each
        let t = d.create_text(&big);
        let kept = d.node(t).text().unwrap();
        assert_eq!(kept.len(), MAX_TEXT_NODE_BYTES);
        let mut s = "x".to_string();
        push_text_capped(&mut s, &big);
        assert!(s.len() <= MAX_TEXT_NODE_BYTES && s.ends_with('é'));
    }

    fn sample() -> (Document, NodeId, NodeId, NodeId) {
        let mut d = Document::new();
        let html = d.create_element("HTML", vec![]);
        d.append(NodeId::ROOT, html);
        let body = d.create_element("body", vec![]);
        d.append(html, body);
        let p = d.create_element("p", vec![]);
        d.append(body, p);
        d.append_text(p, "Hello ");
        d.append_text(p, "world");
        let s = d.create_element("script", vec![]);
        d.append(body, s);
        d.append_text(s, "var x;");
        (d, html, body, p)
    }

    #[test]
    fn builds_and_walks_without_recursion() {
        let (d, html, body, p) = sample();
        assert_eq!(d.tag(html), "html");
        assert_eq!(d.body(), Some(body));
        assert_eq!(d.text_content(body), "Hello world");
        let order: Vec<_> = d.descendants(NodeId::ROOT).collect();
        assert_eq!(order.len(), 7);
        assert!(d.contains(body, p));
        assert!(!d.contains(p, body));
    }

    #[test]
    fn skip_children_prunes_only_that_subtree() {
        let (d, _, body, p) = sample();
        let mut walk = d.descendants(body);
        let mut seen = vec![];
        while let Some(n) = walk.next() {
            seen.push(n);
            if n == p {
                walk.skip_children();
            }
        }
        // body, p, script, script's text: p's text skipped.
        assert_eq!(seen.len(), 4);
    }

    #[test]
    fn deep_nesting_is_fine() {
        let mut d = Document::new();
        let mut cur = NodeId::ROOT;
        for _ in 0..200_000 {
            let e = d.create_element("div", vec![]);
            d.append(cur, e);
            cur = e;
        }
        d.append_text(cur, "deep");
        assert_eq!(d.text_content(NodeId::ROOT), "deep");
        assert_eq!(d.ancestors(cur).count(), 200_000);
    }

    #[test]
    fn insert_before_and_detach_keep_links_consistent() {
        let (mut d, _, body, p) = sample();
        let h = d.create_element("h1", vec![]);
        d.insert_before(p, h);
        assert_eq!(d.children(body).next(), Some(h));
        d.detach(p);
        let kids: Vec<_> = d.children(body).collect();
        assert_eq!(kids.len(), 2);
        assert_eq!(
            d.node(h).next_sibling,
            d.node(p).next_sibling.or(Some(kids[1]))
        );
    }
}
