//! Per-node aggregates the classifier reads: text, links, paragraphs, forms, lexicon hits.
//!
//! Computed bottom-up in one pass over a pre-order list (reversed), so the cost is linear in
//! the number of nodes and nothing recurses. New subtrees (the incremental path) are added with
//! [`Stats::add_subtree`], which also updates their ancestors' totals.

use crate::dom::{is_non_content, Document, NodeData, NodeId};
use crate::lexicon::{CLASS_WORDS, VENDOR_TOKENS};
use crate::model::Label;
use crate::text::{collapsed_len, find_phrases, PhraseHit};

/// Number of clutter labels (the index space of [`NodeStats::hits`]).
pub const N_LABELS: usize = Label::CLUTTER.len();

/// Aggregates of one node's subtree.
#[derive(Clone, Debug, Default)]
pub struct NodeStats {
    /// Visible text characters (whitespace folded per text node).
    pub chars: u32,
    /// Characters of text directly in this element (not in child elements).
    pub own_chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// Commas in the text (Readability's prose signal).
    pub commas: u32,
    /// `<p>`-like elements with at least [`PARAGRAPH_MIN_CHARS`] characters, and their text.
    pub paragraphs: u32,
    pub para_chars: u32,
    pub links: u32,
    pub buttons: u32,
    pub email_inputs: u32,
    pub forms: u32,
    pub media: u32,
    /// Lexicon weight per clutter label (index = `Label::clutter_index`).
    pub hits: [u16; N_LABELS],
    /// Characters covered by lexicon phrases.
    pub hit_chars: u32,
    /// Depth below the document node.
    pub depth: u32,
    /// Inside a `script`/`style`/... subtree or a `hidden` element: not page content.
    pub excluded: bool,
    /// This node's own subtree is not page content (a non-content tag or `hidden`/
    /// `display: none`): computed once per node, read by each child.
    pub closes: bool,
}

impl NodeStats {
    /// Share of the text that sits in links, 0..1.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Share of the text covered by lexicon phrases, 0..1.
    pub fn hit_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            (self.hit_chars as f32 / self.chars as f32).min(1.0)
        }
    }

    /// Lexicon weight for `label`.
    pub fn hit(&self, label: Label) -> u16 {
        label.clutter_index().map_or(0, |i| self.hits[i])
    }

    fn add(&mut self, o: &NodeStats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.para_chars += o.para_chars;
        self.links += o.links;
        self.buttons += o.buttons;
        self.email_inputs += o.email_inputs;
        self.forms += o.forms;
        self.media += o.media;
        for i in 0..N_LABELS {
            self.hits[i] = self.hits[i].saturating_add(o.hits[i]);
        }
        self.hit_chars += o.hit_chars;
    }

    fn sub(&mut self, o: &NodeStats) {
        self.chars -= o.chars;
        self.link_chars -= o.link_chars;
        self.commas -= o.commas;
        self.paragraphs -= o.paragraphs;
        self.para_chars -= o.para_chars;
        self.links -= o.links;
        self.buttons -= o.buttons;
        self.email_inputs -= o.email_inputs;
        self.forms -= o.forms;
        self.media -= o.media;
        for i in 0..N_LABELS {
            self.hits[i] = self.hits[i].saturating_sub(o.hits[i]);
        }
        self.hit_chars -= o.hit_chars;
    }
}

/// A paragraph shorter than this is a caption, a label or a teaser, not prose.
pub const PARAGRAPH_MIN_CHARS: u32 = 60;

/// Class/id evidence of one element.
#[derive(Clone, Debug, Default)]
pub struct TokenEvidence {
    /// Vendor token found (label, token).
    pub vendor: Vec<(Label, String)>,
    /// Generic class words (label, word).
    pub words: Vec<(Label, String)>,
    /// Overlay words (modal, overlay, backdrop, ...).
    pub overlay: bool,
    /// Fade words.
    pub fade: bool,
    /// Backdrop words (backdrop, overlay, scrim, ...).
    pub backdrop: bool,
}

/// Splits class/id values into lower-case words on `-`, `_`, digits and camelCase.
pub fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    let low = value.to_ascii_lowercase();
    let mut words = Vec::new();
    for_each_class_word(value, &low, |w| words.push(w.to_string()));
    words.into_iter()
}

/// Longest `data-*` attribute value read for class-like words (see [`token_text`]).
const MAX_DATA_VALUE_BYTES: usize = 256;

/// The class, id and role-ish attribute values of an element, lower-cased, space-joined.
pub fn token_text(doc: &Document, id: NodeId) -> String {
    let Some(el) = doc.element(id) else {
        return String::new();
    };
    let mut s = String::new();
    for a in &el.attrs {
        let data = a.name.starts_with("data-");
        let take = matches!(a.name.as_str(), "class" | "id" | "role" | "aria-label")
            || (data && a.name != "data-decant" && a.name != "data-truth");
        if take {
            // A long `data-*` value is a URL, a JSON blob or an inline image: only its start
            // can name anything, and splitting a 100 KB data: URI on every pass cost more than
            // the rest of the page (lazy-loading images).
            let mut value = a.value.as_str();
            if data && value.len() > MAX_DATA_VALUE_BYTES {
                let mut cut = MAX_DATA_VALUE_BYTES;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                value = &value[..cut];
            }
            s.push_str(value);
            s.push(' ');
            if a.name.starts_with("data-") && a.name.len() > 5 {
                // Attribute names carry vendor hints too (`data-tp-modal`, `data-ad-slot`).
                s.push_str(&a.name[5..]);
                s.push(' ');
            }
        }
    }
    s
}

/// Calls `f` with each word of `raw` as [`class_words`] splits it, lower-cased, without
/// allocating: `low` is `raw` ASCII-lower-cased (same byte offsets), and words are its slices.
fn for_each_class_word(raw: &str, low: &str, mut f: impl FnMut(&str)) {
    let bytes = raw.as_bytes();
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii_alphabetic() {
            if let Some(s) = start.take() {
                f(&low[s..i]);
            }
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower {
            if let Some(s) = start.take() {
                f(&low[s..i]);
            }
        }
        start.get_or_insert(i);
        prev_lower = b.is_ascii_lowercase();
    }
    if let Some(s) = start {
        f(&low[s..]);
    }
}

/// The label a class word stands for ([`CLASS_WORDS`], binary-searched in a sorted copy).
fn class_word_label(word: &str) -> Option<Label> {
    static SORTED: std::sync::OnceLock<Vec<(&'static str, Label)>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut v = CLASS_WORDS.to_vec();
        // Stable (for a word listed twice the first entry wins, as a linear search would); the
        // shared insertion sort avoids another generic sort in the `.wasm`.
        crate::summary::insertion_sort(&mut v, |a, b| a.0 < b.0);
        v.dedup_by_key(|&mut (w, _)| w);
        v
    });
    sorted
        .binary_search_by_key(&word, |&(w, _)| w)
        .ok()
        .map(|i| sorted[i].1)
}

/// Reads the class/id evidence of an element.
pub fn token_evidence(doc: &Document, id: NodeId) -> TokenEvidence {
    let raw = token_text(doc, id);
    let mut ev = TokenEvidence::default();
    if raw.is_empty() && !matches!(doc.tag(id), "amp-consent" | "amp-user-notification") {
        return ev;
    }
    let low = raw.to_ascii_lowercase();
    let mut starts: Vec<usize> = Vec::new();
    for token in low.split_whitespace() {
        // Vendor names also appear inside compound tokens (`article-paywall-box`): check the
        // token's start and each position after a separator, found once per token.
        starts.clear();
        starts.push(0);
        starts.extend(
            token
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'-' || b == b'_')
                .map(|(i, _)| i + 1),
        );
        let bytes = token.as_bytes();
        for (prefix, label) in VENDOR_TOKENS {
            let p = prefix.as_bytes();
            // First byte before the full comparison: most tokens share no first byte with most
            // prefixes, and a `memcmp` call per pair was a visible share of the profile.
            let at = |&s: &usize| bytes.get(s) == Some(&p[0]) && bytes[s..].starts_with(p);
            let hit = if prefix.len() >= 6 {
                starts.iter().any(at)
            } else {
                at(&0)
            };
            if hit {
                if !ev.vendor.iter().any(|(l, _)| l == label) {
                    ev.vendor.push((*label, token.to_string()));
                }
                break;
            }
        }
    }
    for_each_class_word(&raw, &low, |word| {
        if let Some(label) = class_word_label(word) {
            if !ev.words.iter().any(|(l, _)| *l == label) {
                ev.words.push((label, word.to_string()));
            }
        }
        ev.overlay |= crate::lexicon::OVERLAY_WORDS.contains(&word);
        ev.backdrop |= crate::lexicon::BACKDROP_WORDS.contains(&word);
        ev.fade |= crate::lexicon::FADE_WORDS.contains(&word);
    });
    match doc.tag(id) {
        "amp-consent" => ev.vendor.push((Label::Consent, "amp-consent".into())),
        "amp-user-notification" => ev
            .words
            .push((Label::Consent, "amp-user-notification".into())),
        _ => {}
    }
    ev
}

fn is_button(doc: &Document, id: NodeId, tag: &str) -> bool {
    match tag {
        "button" => true,
        "input" => matches!(doc.attr(id, "type"), Some("submit" | "button")),
        "a" => {
            doc.attr(id, "role") == Some("button")
                || doc
                    .attr(id, "class")
                    .is_some_and(|c| c.contains("btn") || c.contains("button") || c.contains("cta"))
        }
        _ => false,
    }
}

fn is_email_input(doc: &Document, id: NodeId) -> bool {
    if doc.attr(id, "type") == Some("email") {
        return true;
    }
    ["name", "placeholder", "id", "autocomplete"]
        .iter()
        .any(|a| {
            doc.attr(id, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("email") || v.contains("e-mail")
            })
        })
}

fn is_hidden_attr(doc: &Document, id: NodeId) -> bool {
    let Some(el) = doc.element(id) else {
        return false;
    };
    el.attr("hidden").is_some()
        || el.attr("style").is_some_and(|s| {
            crate::style::declarations(s).any(|(n, v)| {
                (n == "display" && v == "none") || (n == "visibility" && v == "hidden")
            })
        })
}

/// Aggregates for every node of a document.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    nodes: Vec<NodeStats>,
    scratch: Vec<PhraseHit>,
}

impl Stats {
    /// Computes aggregates for the whole document.
    pub fn compute(doc: &Document) -> Stats {
        let mut s = Stats {
            nodes: vec![NodeStats::default(); doc.len()],
            scratch: Vec::new(),
        };
        s.fill_subtree(doc, NodeId::ROOT, 0, false);
        s
    }

    /// The aggregates of `id`.
    pub fn get(&self, id: NodeId) -> &NodeStats {
        &self.nodes[id.index()]
    }

    /// Adds a subtree that was attached to the document after [`Stats::compute`]: computes its
    /// aggregates and adds them to every ancestor.
    pub fn add_subtree(&mut self, doc: &Document, root: NodeId) {
        if self.nodes.len() < doc.len() {
            self.nodes.resize(doc.len(), NodeStats::default());
        }
        let parent = doc.node(root).parent;
        let (depth, excluded) = parent.map_or((0, false), |p| {
            let ps = &self.nodes[p.index()];
            (ps.depth + 1, ps.excluded || ps.closes)
        });
        // A node can be reported twice (added, then its parent added): count it once.
        let old = std::mem::take(&mut self.nodes[root.index()]);
        self.fill_subtree(doc, root, depth, excluded);
        let new = self.nodes[root.index()].clone();
        for a in doc.ancestors(root) {
            let s = &mut self.nodes[a.index()];
            s.sub(&old);
            s.add(&new);
        }
    }

    fn fill_subtree(&mut self, doc: &Document, root: NodeId, depth: u32, excluded: bool) {
        let order: Vec<NodeId> = doc.descendants(root).collect();
        // Depth and exclusion flow top-down.
        for &n in &order {
            let (d, ex) = if n == root {
                (depth, excluded)
            } else {
                let p = doc.node(n).parent.expect("descendant has a parent");
                let ps = &self.nodes[p.index()];
                (ps.depth + 1, ps.excluded || ps.closes)
            };
            self.nodes[n.index()] = NodeStats {
                depth: d,
                excluded: ex,
                closes: (is_non_content(doc.tag(n)) && !doc.is_open_frame(n))
                    || is_hidden_attr(doc, n),
                ..NodeStats::default()
            };
        }
        // Totals flow bottom-up.
        for &n in order.iter().rev() {
            let excluded_here = {
                let s = &self.nodes[n.index()];
                s.excluded
            };
            if !excluded_here {
                self.fill_own(doc, n);
            }
            if n != root {
                if let Some(p) = doc.node(n).parent {
                    let child = std::mem::take(&mut self.nodes[n.index()]);
                    if !child.excluded && !child.closes {
                        self.nodes[p.index()].add(&child);
                        if matches!(doc.node(n).data, NodeData::Text(_)) {
                            self.nodes[p.index()].own_chars += child.chars;
                        }
                    }
                    self.nodes[n.index()] = child;
                }
            }
        }
    }

    /// Adds what node `n` itself contributes (its children are already summed into it).
    fn fill_own(&mut self, doc: &Document, n: NodeId) {
        match &doc.node(n).data {
            NodeData::Text(t) => {
                let chars = collapsed_len(t) as u32;
                if chars == 0 {
                    return;
                }
                self.scratch.clear();
                find_phrases(t, &mut self.scratch);
                let s = &mut self.nodes[n.index()];
                s.chars = chars;
                s.commas = t.matches([',', '،', '、', '，']).count() as u32;
                for h in &self.scratch {
                    if let Some(i) = h.label.clutter_index() {
                        s.hits[i] = s.hits[i].saturating_add(h.weight as u16);
                    }
                    s.hit_chars += h.chars as u32;
                }
            }
            NodeData::Element(e) => {
                let tag = e.name.as_str();
                let button = is_button(doc, n, tag);
                let email = tag == "input" && is_email_input(doc, n);
                let s = &mut self.nodes[n.index()];
                match tag {
                    "a" => {
                        s.links += 1;
                        s.link_chars = s.chars;
                    }
                    "p" | "pre" | "blockquote"
                        if s.chars >= PARAGRAPH_MIN_CHARS && s.link_density() < 0.5 =>
                    {
                        s.paragraphs += 1;
                        s.para_chars = s.chars;
                    }
                    "form" => s.forms += 1,
                    "img" | "picture" | "video" | "iframe" => s.media += 1,
                    _ => {}
                }
                if button {
                    s.buttons += 1;
                }
                if email {
                    s.email_inputs += 1;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_data_values_are_read_only_at_their_start() {
        let mut doc = Document::new();
        let blob = format!("newsletter {}", "QUJD".repeat(50_000));
        let el = doc.create_element(
            "div",
            vec![
                crate::dom::Attr::new(
                    "data-src",
                    format!("data:image/png;base64,{}", "QUJD".repeat(50_000)),
                ),
                crate::dom::Attr::new("data-block-json", blob),
            ],
        );
        let text = token_text(&doc, el);
        assert!(
            text.len() < 2 * (MAX_DATA_VALUE_BYTES + 64),
            "{} bytes",
            text.len()
        );
        assert!(
            text.contains("newsletter"),
            "the start of a long value still counts"
        );
        assert!(text.contains("block-json"), "and the attribute's name");
    }

    #[test]
    fn class_words_without_allocation_match_class_words() {
        for raw in [
            "tp-modal articleBody related_stories2x",
            "XMLHttp aB-cD  ",
            "",
            "ÉtéModal x",
        ] {
            let low = raw.to_ascii_lowercase();
            let mut seen = Vec::new();
            for_each_class_word(raw, &low, |w| seen.push(w.to_string()));
            assert_eq!(seen, class_words(raw).collect::<Vec<_>>(), "{raw}");
        }
        assert_eq!(class_word_label("subscribe"), Some(Label::Paywall));
        assert_eq!(class_word_label("nonsense"), None);
    }

    #[test]
    fn splits_class_words() {
        let w: Vec<_> = class_words("tp-modal articleBody related_stories2x").collect();
        assert_eq!(
            w,
            ["tp", "modal", "article", "body", "related", "stories", "x"]
        );
    }
}
