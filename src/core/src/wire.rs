//! The compact snapshot encoding the browser walker (`src/js/walk.js`) produces: one string
//! holding every tag name, attribute and text in document order, the UTF-16 length of each
//! piece, and two numbers per node. Crossing the WASM boundary as three values instead of one
//! call per node, attribute and text is what makes the live-DOM snapshot cheap; the same
//! encoding is posted to the extension's service worker where a page's CSP forbids WASM.
//!
//! ```text
//! tree[2k]     parent id of node k (an id already in the document, or an earlier node)
//! tree[2k + 1] TEXT for a text node, else the element's attribute count n
//! strings      element: tag, then name, value × n; text node: its text
//! ```
//!
//! Node `k` gets id `first + k` where `first` is the document's length before decoding.
//! Decoding never panics: malformed input gives a [`WireError`], and the nodes decoded so far
//! are detached again, so the document's tree is as it was.

use crate::dom::{Attr, Document, NodeId};

/// `tree[2k + 1]` of a text node.
pub const TEXT: u32 = u32::MAX;

/// What was wrong with an encoded snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireError {
    /// `tree` has an odd length.
    OddTree,
    /// A node names a parent that does not exist yet (or is a text node).
    BadParent { node: usize },
    /// The lengths or the node records ask for more strings than were sent.
    MissingStrings,
    /// A length runs past the end of the text or splits a character.
    BadLength,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireError::OddTree => write!(f, "the node table has an odd length"),
            WireError::BadParent { node } => write!(f, "node {node} has an unknown parent"),
            WireError::MissingStrings => write!(f, "fewer strings than the nodes need"),
            WireError::BadLength => write!(f, "a string length does not fit the text"),
        }
    }
}

impl std::error::Error for WireError {}

/// Splits `text` into pieces of the given UTF-16 lengths.
struct Pieces<'a> {
    text: &'a str,
    lens: std::slice::Iter<'a, u32>,
}

impl<'a> Pieces<'a> {
    fn next(&mut self) -> Result<&'a str, WireError> {
        let units = *self.lens.next().ok_or(WireError::MissingStrings)? as usize;
        let bytes = self.text.as_bytes();
        // Mostly ASCII: then UTF-16 units and UTF-8 bytes agree.
        let end = if units <= bytes.len() && bytes[..units].is_ascii() {
            units
        } else {
            let mut seen = 0usize;
            let mut end = 0usize;
            for c in self.text.chars() {
                if seen >= units {
                    break;
                }
                seen += c.len_utf16();
                end += c.len_utf8();
            }
            if seen != units {
                return Err(WireError::BadLength);
            }
            end
        };
        let (piece, rest) = self.text.split_at(end);
        self.text = rest;
        Ok(piece)
    }
}

/// Decodes an encoded snapshot into `doc`, appending each node to its parent. Returns the ids
/// of the nodes whose parent was already in `doc` before the call (the roots of the batch).
pub fn decode_into(
    doc: &mut Document,
    text: &str,
    lens: &[u32],
    tree: &[u32],
) -> Result<Vec<NodeId>, WireError> {
    if tree.len() % 2 == 1 {
        return Err(WireError::OddTree);
    }
    let first = doc.len();
    doc.reserve(tree.len() / 2);
    let mut pieces = Pieces {
        text,
        lens: lens.iter(),
    };
    let mut roots = Vec::new();
    let result = decode_records(doc, &mut pieces, tree, first, lens.len(), &mut roots);
    if let Err(e) = result {
        for &r in &roots {
            doc.detach(r);
        }
        return Err(e);
    }
    Ok(roots)
}

fn decode_records(
    doc: &mut Document,
    pieces: &mut Pieces<'_>,
    tree: &[u32],
    first: usize,
    strings: usize,
    roots: &mut Vec<NodeId>,
) -> Result<(), WireError> {
    for (k, record) in tree.chunks_exact(2).enumerate() {
        let (parent, kind) = (record[0] as usize, record[1]);
        let id = first + k;
        if parent >= id || doc.node(NodeId::new(parent as u32)).text().is_some() {
            return Err(WireError::BadParent { node: k });
        }
        let node = if kind == TEXT {
            doc.create_text(pieces.next()?)
        } else {
            let tag = pieces.next()?;
            // Bounded by the strings actually sent, whatever `kind` claims.
            let mut attrs = Vec::with_capacity((kind as usize).min(strings));
            for _ in 0..kind {
                let name = pieces.next()?;
                let value = pieces.next()?.to_string();
                attrs.push(Attr::new(name, value));
            }
            doc.create_element(tag, attrs)
        };
        debug_assert_eq!(node.index(), id);
        doc.append(NodeId::new(parent as u32), node);
        if parent < first {
            roots.push(node);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_lens(parts: &[&str]) -> (String, Vec<u32>) {
        let text = parts.concat();
        let lens = parts
            .iter()
            .map(|p| p.encode_utf16().count() as u32)
            .collect();
        (text, lens)
    }

    #[test]
    fn decodes_elements_attributes_and_text_in_order() {
        let (text, lens) = utf16_lens(&["div", "CLASS", "wall", "Zahlen Sie für 🎉 mehr", "p"]);
        let tree = [0, 1, 1, TEXT, 1, 0];
        let mut doc = Document::new();
        let roots = decode_into(&mut doc, &text, &lens, &tree).unwrap();
        assert_eq!(roots, vec![NodeId::new(1)]);
        assert_eq!(doc.tag(NodeId::new(1)), "div");
        assert_eq!(doc.attr(NodeId::new(1), "class"), Some("wall"));
        assert_eq!(
            doc.node(NodeId::new(2)).text(),
            Some("Zahlen Sie für 🎉 mehr")
        );
        assert_eq!(doc.tag(NodeId::new(3)), "p");
        assert_eq!(
            doc.children(NodeId::new(1)).collect::<Vec<_>>(),
            [NodeId::new(2), NodeId::new(3)]
        );
    }

    #[test]
    fn a_later_batch_attaches_to_known_nodes() {
        let mut doc = Document::new();
        let (text, lens) = utf16_lens(&["body"]);
        decode_into(&mut doc, &text, &lens, &[0, 0]).unwrap();
        let (text, lens) = utf16_lens(&["div", "hi"]);
        let roots = decode_into(&mut doc, &text, &lens, &[1, 0, 2, TEXT]).unwrap();
        assert_eq!(roots, vec![NodeId::new(2)]);
        assert_eq!(doc.node(NodeId::new(3)).parent, Some(NodeId::new(2)));
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let mut doc = Document::new();
        assert_eq!(
            decode_into(&mut doc, "div", &[3], &[0]),
            Err(WireError::OddTree)
        );
        assert_eq!(
            decode_into(&mut doc, "div", &[3], &[5, 0]),
            Err(WireError::BadParent { node: 0 })
        );
        let mut doc = Document::new();
        assert_eq!(
            decode_into(&mut doc, "div", &[3], &[0, 4]),
            Err(WireError::MissingStrings)
        );
        let mut doc = Document::new();
        assert_eq!(
            decode_into(&mut doc, "div", &[9], &[0, 0]),
            Err(WireError::BadLength)
        );
        // A length that would split "é" (one UTF-16 unit, two bytes) is fine; one past the
        // end is not.
        let mut doc = Document::new();
        assert!(decode_into(&mut doc, "é", &[1], &[0, TEXT]).is_ok());
        // A text node cannot be a parent.
        let mut doc = Document::new();
        assert_eq!(
            decode_into(&mut doc, "ab", &[1, 1], &[0, TEXT, 1, TEXT]),
            Err(WireError::BadParent { node: 1 })
        );
        // A failed batch leaves the document's tree as it was.
        let mut doc = Document::new();
        let (text, lens) = utf16_lens(&["div", "p"]);
        assert!(decode_into(&mut doc, &text, &lens, &[0, 0, 1, 0, 0, 0]).is_err());
        assert_eq!(doc.children(NodeId::ROOT).count(), 0);
        // A huge attribute count with no strings behind it fails fast.
        let mut doc = Document::new();
        assert_eq!(
            decode_into(&mut doc, "div", &[3], &[0, u32::MAX - 1]),
            Err(WireError::MissingStrings)
        );
    }
}
