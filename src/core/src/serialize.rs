//! Serialises a snapshot back to HTML (for `decant mark`), iteratively.

use crate::dom::{is_void, Document, NodeData, NodeId};

fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext"
    )
}

fn escape(s: &str, attr: bool, out: &mut String) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attr => out.push_str("&quot;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The document as HTML, with `extra(node)` attributes appended to each element's own.
pub fn to_html(doc: &Document, extra: impl Fn(NodeId) -> Vec<(String, String)>) -> String {
    let mut out = String::from("<!DOCTYPE html>");
    let mut stack: Vec<(NodeId, bool)> = doc
        .children(NodeId::ROOT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(|c| (c, false))
        .collect();
    while let Some((n, closing)) = stack.pop() {
        match &doc.node(n).data {
            NodeData::Element(e) if closing => {
                out.push_str("</");
                out.push_str(&e.name);
                out.push('>');
            }
            NodeData::Element(e) => {
                out.push('<');
                out.push_str(&e.name);
                let added = extra(n);
                for a in &e.attrs {
                    if added.iter().any(|(k, _)| *k == *a.name) {
                        continue;
                    }
                    out.push(' ');
                    out.push_str(&a.name);
                    out.push_str("=\"");
                    escape(&a.value, true, &mut out);
                    out.push('"');
                }
                for (k, v) in &added {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape(v, true, &mut out);
                    out.push('"');
                }
                out.push('>');
                if is_void(&e.name) {
                    continue;
                }
                stack.push((n, true));
                let kids: Vec<NodeId> = doc.children(n).collect();
                for c in kids.into_iter().rev() {
                    stack.push((c, false));
                }
            }
            NodeData::Text(t) => {
                let raw = doc
                    .node(n)
                    .parent
                    .is_some_and(|p| is_raw_text(doc.tag(p)) || doc.tag(p) == "noscript");
                if raw {
                    out.push_str(t);
                } else {
                    escape(t, false, &mut out);
                }
            }
            NodeData::Document | NodeData::Other => {}
        }
    }
    out
}
