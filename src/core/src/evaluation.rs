//! Scoring against labelled pages (native only, feature `html`): shared by the `eval_detect`
//! example and the dev-set tests. Ground truth is a `data-truth="<label>"` attribute on each
//! block root; it is removed before the classifier sees the page.

use std::collections::HashSet;

use crate::dom::{is_non_content, Document, NodeData, NodeId};
use crate::{Engine, Label};

/// A labelled page after analysis.
pub struct Scored {
    /// The analysed snapshot (truth attributes removed).
    pub doc: Document,
    /// Ground-truth block roots.
    pub truth: Vec<(NodeId, Label)>,
    /// Flagged clutter blocks (not the article).
    pub flagged: Vec<(NodeId, Label)>,
}

/// Parses a labelled page, strips its `data-truth` attributes and analyses it.
pub fn score_page(html: &[u8]) -> Scored {
    let mut doc = crate::html::parse_html_bytes(html);
    let mut truth = Vec::new();
    let ids: Vec<NodeId> = doc.descendants(NodeId::ROOT).collect();
    for id in ids {
        if let NodeData::Element(e) = doc.data_mut(id) {
            if let Some(pos) = e.attrs.iter().position(|a| a.name == "data-truth") {
                let v = e.attrs.remove(pos).value;
                if let Some(l) = Label::parse(v.trim()) {
                    truth.push((id, l));
                }
            }
        }
    }
    let mut engine = Engine::new(doc);
    let analysis = engine.analyze();
    let flagged = analysis
        .blocks
        .iter()
        .filter(|b| b.label != Label::Article)
        .map(|b| (b.node, b.label))
        .collect();
    Scored {
        doc: engine.document().clone(),
        truth,
        flagged,
    }
}

fn visible_chars(doc: &Document, id: NodeId) -> usize {
    doc.text_content(id)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

impl Scored {
    /// Whether blocks `by` cover at least half of `id`'s text (or, for an empty element,
    /// contain it or sit inside it).
    pub fn covered(&self, id: NodeId, by: &[NodeId]) -> bool {
        let doc = &self.doc;
        let total = visible_chars(doc, id);
        if total == 0 {
            return by
                .iter()
                .any(|&b| doc.contains(b, id) || doc.contains(id, b));
        }
        let got: usize = by
            .iter()
            .map(|&b| {
                if doc.contains(b, id) {
                    total
                } else if doc.contains(id, b) {
                    visible_chars(doc, b)
                } else {
                    0
                }
            })
            .sum();
        got * 2 >= total
    }

    /// Truth and flagged roots of one label.
    pub fn roots(&self, label: Label) -> (Vec<NodeId>, Vec<NodeId>) {
        let pick = |v: &[(NodeId, Label)]| {
            v.iter()
                .filter(|(_, l)| *l == label)
                .map(|(n, _)| *n)
                .collect()
        };
        (pick(&self.truth), pick(&self.flagged))
    }

    /// Share of the article's words (outside truth clutter nested in it) that a flag hides.
    pub fn article_loss(&self) -> f64 {
        let Some(&(art, _)) = self.truth.iter().find(|(_, l)| *l == Label::Article) else {
            return 0.0;
        };
        let clutter: HashSet<NodeId> = self
            .truth
            .iter()
            .filter(|(_, l)| *l != Label::Article)
            .map(|(n, _)| *n)
            .collect();
        let mut with_flags = clutter.clone();
        with_flags.extend(self.flagged.iter().map(|(n, _)| *n));
        let before = words_outside(&self.doc, art, &clutter);
        let after = words_outside(&self.doc, art, &with_flags);
        if before == 0 {
            0.0
        } else {
            before.saturating_sub(after) as f64 / before as f64
        }
    }
}

/// Words of `root`'s text outside the subtrees in `hidden`.
pub fn words_outside(doc: &Document, root: NodeId, hidden: &HashSet<NodeId>) -> usize {
    let mut n = 0;
    let mut walk = doc.descendants(root);
    while let Some(id) = walk.next() {
        if hidden.contains(&id) {
            walk.skip_children();
            continue;
        }
        match &doc.node(id).data {
            NodeData::Text(t) => n += t.split_whitespace().count(),
            NodeData::Element(e) if is_non_content(&e.name) => walk.skip_children(),
            _ => {}
        }
    }
    n
}

/// Text visible and text hidden when the subtrees in `hidden` are hidden.
pub fn split_text(doc: &Document, root: NodeId, hidden: &HashSet<NodeId>) -> (String, String) {
    let mut visible = String::new();
    let mut hid = String::new();
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    while let Some((n, in_hidden)) = stack.pop() {
        let h = in_hidden || hidden.contains(&n);
        match &doc.node(n).data {
            NodeData::Text(t) => {
                let out = if h { &mut hid } else { &mut visible };
                out.push_str(t);
                out.push(' ');
            }
            NodeData::Element(e) if is_non_content(&e.name) => {}
            _ => {
                let kids: Vec<NodeId> = doc.children(n).collect();
                for c in kids.into_iter().rev() {
                    stack.push((c, h));
                }
            }
        }
    }
    (visible, hid)
}
