//! HTML string input (native builds only, feature `html`): html5ever's spec-compliant parser
//! writing straight into a [`Document`] arena.
//!
//! Parsing never fails: like a browser, html5ever recovers from any input, so a string always
//! yields a document (possibly one with an empty `<body>`).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use std::cell::Cell;
use std::collections::HashMap;

use html5ever::buffer_queue::BufferQueue;
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::TokenizerResult;
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

use crate::dom::{is_void, Attr, Document, NodeData, NodeId};

/// Nesting beyond this depth is flattened into the element at this depth (as browsers cap
/// their DOM depth): html5ever's scope checks scan the open-element stack, so unbounded
/// nesting costs quadratic time.
pub const MAX_NESTING: usize = 2_000;

/// Parses an HTML document from a string.
pub fn parse_html(html: &str) -> Document {
    let tree = TreeBuilder::new(Sink::new(), TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(DepthLimiter::new(tree), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // Scripts pause the tokenizer; we run none, so we simply carry on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let limiter = tokenizer.sink;
    limiter.inner.sink.finish()
}

/// Elements whose end tag is often left out (their depth is not counted: it would drift).
fn end_tag_optional(name: &LocalName) -> bool {
    matches!(
        &**name,
        "p" | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "rb"
            | "rt"
            | "rtc"
            | "rp"
            | "html"
            | "head"
            | "body"
    )
}

/// Sits between the tokenizer and the tree builder and drops start tags (with their end tags)
/// that would nest deeper than [`MAX_NESTING`]; their content goes to the deepest kept element.
struct DepthLimiter<S> {
    inner: S,
    depth: Cell<usize>,
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl<S> DepthLimiter<S> {
    fn new(inner: S) -> Self {
        DepthLimiter {
            inner,
            depth: Cell::new(0),
            dropped: RefCell::new(HashMap::new()),
        }
    }
}

impl<S: TokenSink> TokenSink for DepthLimiter<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(Tag {
            kind,
            name,
            self_closing,
            ..
        }) = &token
        {
            let counted = !end_tag_optional(name) && !is_void(name) && !self_closing;
            if counted {
                match kind {
                    TagKind::StartTag if self.depth.get() >= MAX_NESTING => {
                        *self.dropped.borrow_mut().entry(name.clone()).or_default() += 1;
                        return TokenSinkResult::Continue;
                    }
                    TagKind::StartTag => self.depth.set(self.depth.get() + 1),
                    TagKind::EndTag => {
                        if let Some(n) = self.dropped.borrow_mut().get_mut(name) {
                            if *n > 0 {
                                *n -= 1;
                                return TokenSinkResult::Continue;
                            }
                        }
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                }
            }
        }
        self.inner.process_token(token, line)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Bytes searched for a `<meta charset>` declaration, as browsers' prescan does.
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// Parses HTML from bytes, decoded as the page says: a byte-order mark wins; bytes that are
/// valid UTF-8 are UTF-8 (saved pages are often re-encoded without updating their
/// declaration); otherwise the `<meta charset>` or `<meta http-equiv="Content-Type">` of the
/// first kilobyte, else windows-1252, as browsers in Western locales read undeclared legacy
/// pages. Invalid sequences become U+FFFD.
pub fn parse_html_bytes(bytes: &[u8]) -> Document {
    match std::str::from_utf8(bytes) {
        Ok(text) if encoding_rs::Encoding::for_bom(bytes).is_none() => parse_html(text),
        _ => {
            let (text, _, _) = declared_encoding(bytes).decode(bytes);
            parse_html(&text)
        }
    }
}

/// The encoding to decode legacy (not UTF-8) `bytes` with: a byte-order mark, else the
/// declared charset, else windows-1252.
pub fn declared_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = tag[c + 7..].trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or(rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..label_end]) {
                    // A page in UTF-16 would have a BOM; a UTF-16 label is read as UTF-8
                    // (and invalid sequences replaced).
                    return if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    };
                }
            }
        }
        from = end.max(start + 1);
    }
    encoding_rs::WINDOWS_1252
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

struct Sink {
    doc: RefCell<Document>,
    /// Qualified name per node id (a placeholder for non-elements), for `elem_name`.
    names: RefCell<Vec<QualName>>,
    /// Template element id → its (detached) contents node.
    templates: RefCell<Vec<(NodeId, NodeId)>>,
}

fn placeholder_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

fn convert_attrs(attrs: Vec<Attribute>) -> Vec<Attr> {
    attrs
        .into_iter()
        .map(|a| Attr::new(&a.name.local, a.value.to_string()))
        .collect()
}

impl Sink {
    fn new() -> Self {
        Sink {
            doc: RefCell::new(Document::new()),
            names: RefCell::new(vec![placeholder_name()]),
            templates: RefCell::new(Vec::new()),
        }
    }

    fn record_name(&self, id: NodeId, name: QualName) {
        let mut names = self.names.borrow_mut();
        if names.len() <= id.index() {
            names.resize_with(id.index() + 1, placeholder_name);
        }
        names[id.index()] = name;
    }

    fn new_other(&self) -> NodeId {
        let id = self.doc.borrow_mut().create_other();
        self.record_name(id, placeholder_name());
        id
    }

    /// The text node right before where `child` goes, for merging adjacent text.
    fn insert(&self, parent: NodeId, before: Option<NodeId>, child: NodeOrText<NodeId>) {
        let mut doc = self.doc.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => match before {
                Some(sibling) => doc.insert_before(sibling, node),
                None => doc.append(parent, node),
            },
            NodeOrText::AppendText(text) => {
                let prev = match before {
                    Some(sibling) => doc.node(sibling).prev_sibling,
                    None => doc.node(parent).last_child,
                };
                if let Some(prev) = prev {
                    if let NodeData::Text(t) = doc.data_mut(prev) {
                        crate::dom::push_text_capped(t, &text);
                        return;
                    }
                }
                let t = doc.create_text(&text);
                match before {
                    Some(sibling) => doc.insert_before(sibling, t),
                    None => doc.append(parent, t),
                }
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.doc.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.names.borrow(), |n| &n[target.index()])
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self
            .doc
            .borrow_mut()
            .create_element(&name.local, convert_attrs(attrs));
        self.record_name(id, name);
        if flags.template {
            let contents = self.new_other();
            self.templates.borrow_mut().push((id, contents));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_other()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_other()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.doc.borrow().node(*element).parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.new_other();
        self.doc.borrow_mut().append(NodeId::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let found = self
            .templates
            .borrow()
            .iter()
            .find(|(t, _)| t == target)
            .map(|(_, c)| *c);
        // html5ever only asks for templates it created through `create_element`; a detached
        // placeholder keeps us total if that ever changes.
        found.unwrap_or_else(|| self.new_other())
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let parent = self.doc.borrow().node(*sibling).parent;
        if let Some(parent) = parent {
            self.insert(parent, Some(*sibling), child);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut doc = self.doc.borrow_mut();
        if let NodeData::Element(e) = doc.data_mut(*target) {
            for a in convert_attrs(attrs) {
                if e.attr(&a.name).is_none() {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.doc.borrow_mut().reparent_children(*node, *new_parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_decoded_in_their_declared_encoding() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 na\xefve</title></head></html>";
        let doc = parse_html_bytes(latin1);
        let title = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n) == "title")
            .unwrap();
        assert_eq!(doc.text_content(title), "Café naïve");
        let http_equiv =
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>\x93x\x94";
        assert_eq!(declared_encoding(http_equiv), encoding_rs::WINDOWS_1252);
        let sjis = b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>";
        let doc = parse_html_bytes(sjis);
        let p = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n) == "p")
            .unwrap();
        assert_eq!(doc.text_content(p), "日本");
        assert_eq!(declared_encoding(b"\xef\xbb\xbf<p>x"), encoding_rs::UTF_8);
        assert_eq!(
            declared_encoding(b"<p>undeclared</p>"),
            encoding_rs::WINDOWS_1252
        );
        assert_eq!(
            declared_encoding(b"<meta charset=utf-16>"),
            encoding_rs::UTF_8
        );
        assert_eq!(
            declared_encoding(b"<meta charset=bogus>"),
            encoding_rs::WINDOWS_1252
        );
        // Valid UTF-8 stays UTF-8 whatever the page declares (a re-saved page).
        let resaved = "<meta charset=gb2312><p>日本 café</p>".as_bytes();
        let doc = parse_html_bytes(resaved);
        let p = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n) == "p")
            .unwrap();
        assert_eq!(doc.text_content(p), "日本 café");
    }

    #[test]
    fn parses_and_recovers() {
        let d = parse_html("<title>T</title><p class=A>One<p>Two<template><p>hidden</template>");
        let body = d.body().expect("body is implied");
        assert_eq!(d.text_content(body), "One Two");
        let p = d.children(body).next().unwrap();
        assert_eq!(d.attr(p, "class"), Some("A"));
    }

    #[test]
    fn empty_and_garbage_inputs_yield_a_document() {
        for input in ["", "   ", "\u{0}\u{1}\u{2}", "<<<>>>", "</body></html>"] {
            let d = parse_html(input);
            assert!(d.body().is_some(), "{input:?}");
        }
        // Invalid UTF-8 that declares UTF-8: replaced, not re-read as windows-1252.
        let d = parse_html_bytes(b"<meta charset=utf-8><p>\xff x \xc3");
        assert!(d.text_content(d.body().unwrap()).contains('\u{fffd}'));
        // FF FE is the UTF-16LE byte-order mark: the page is UTF-16, as a browser reads it.
        let d = parse_html_bytes(&[0xff, 0xfe, b'<', 0, b'p', 0, b'>', 0, b'x', 0]);
        assert_eq!(d.text_content(d.body().unwrap()), "x");
    }

    #[test]
    fn deep_nesting_is_flattened_past_the_limit() {
        let html = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000) + "<p>after";
        let d = parse_html(&html);
        assert_eq!(d.text_content(d.body().unwrap()), "x after");
        let depth = d
            .descendants(NodeId::ROOT)
            .map(|n| d.ancestors(n).count())
            .max();
        assert!(depth.unwrap() <= MAX_NESTING + 4, "{depth:?}");
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let html = "<div>".to_string() + &"<p>para ".repeat(5_000) + "</div><div>end</div>";
        let d = parse_html(&html);
        let body = d.body().unwrap();
        assert_eq!(d.children(body).count(), 2);
    }
}
