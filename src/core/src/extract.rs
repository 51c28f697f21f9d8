//! The article itself: paragraphs of text and a clean, safe HTML fragment, from the article
//! root minus every flagged block.

use crate::dom::{Document, NodeData, NodeId};
use crate::features::Stats;
use crate::text::collapse_whitespace;

/// Elements that end a paragraph of text.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "form"
            | "address"
            | "details"
            | "summary"
    )
}

/// Elements never part of the article's text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "button" | "input" | "select" | "textarea" | "label" | "form" | "nav" | "footer"
    )
}

/// Walks `root` in document order with enter/leave events, skipping excluded and flagged
/// subtrees. Iterative: the caller's closure sees `(node, entering)`.
fn walk(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
    mut f: impl FnMut(NodeId, bool),
) {
    let skip = |n: NodeId| {
        let s = stats.get(n);
        s.excluded
            || flagged.get(n.index()).copied().unwrap_or(false)
            || (n != root && is_skipped(doc.tag(n)))
            || (n != root && crate::dom::is_non_content(doc.tag(n)))
    };
    if skip(root) && flagged.get(root.index()).copied().unwrap_or(false) {
        return;
    }
    let mut stack: Vec<(NodeId, bool)> = vec![(root, false)];
    while let Some((n, visited)) = stack.pop() {
        if visited {
            f(n, false);
            continue;
        }
        if n != root && skip(n) {
            continue;
        }
        f(n, true);
        stack.push((n, true));
        let kids: Vec<NodeId> = doc.children(n).collect();
        for &c in kids.iter().rev() {
            stack.push((c, false));
        }
    }
}

/// The article's text as paragraphs (whitespace folded, empty ones dropped).
pub fn paragraphs(doc: &Document, stats: &Stats, root: NodeId, flagged: &[bool]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let p = collapse_whitespace(cur);
        if !p.is_empty() {
            out.push(p);
        }
        cur.clear();
    };
    walk(doc, stats, root, flagged, |n, entering| {
        match &doc.node(n).data {
            NodeData::Text(t) if entering => cur.push_str(t),
            NodeData::Element(e) if is_block(&e.name) => flush(&mut cur, &mut out),
            _ => {}
        }
    });
    flush(&mut cur, &mut out);
    out
}

/// Tags kept in `article_html`; everything else is unwrapped to its content.
fn kept_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "code"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "s"
            | "sub"
            | "sup"
            | "a"
            | "img"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "br"
            | "hr"
            | "q"
            | "cite"
            | "time"
            | "abbr"
            | "mark"
            | "small"
    )
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "br" | "hr")
}

/// A URL safe to keep in `href`/`src`: http(s), protocol-relative, relative or a fragment.
fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    let scheme_end = u.find(':');
    let slash = u.find(['/', '?', '#']);
    match scheme_end {
        Some(c) if slash.is_none_or(|s| c < s) => u.starts_with("http:") || u.starts_with("https:"),
        _ => true,
    }
}

fn escape(s: &str, out: &mut String, attr: bool) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A clean fragment of the article: allow-listed tags, `href`/`src`/`alt`/`title` attributes
/// with safe URLs only, no scripts, handlers or inline styles.
pub fn clean_html(doc: &Document, stats: &Stats, root: NodeId, flagged: &[bool]) -> String {
    let mut out = String::new();
    walk(doc, stats, root, flagged, |n, entering| {
        match &doc.node(n).data {
            NodeData::Text(t) if entering => escape(t, &mut out, false),
            NodeData::Element(e) if kept_tag(&e.name) => {
                if entering {
                    out.push('<');
                    out.push_str(&e.name);
                    for a in &e.attrs {
                        let keep = match a.name.as_str() {
                            "href" if e.name == "a" => safe_url(&a.value),
                            "src" if e.name == "img" => safe_url(&a.value),
                            "alt" | "title" => true,
                            "datetime" if e.name == "time" => true,
                            _ => false,
                        };
                        if keep {
                            out.push(' ');
                            out.push_str(&a.name);
                            out.push_str("=\"");
                            escape(&a.value, &mut out, true);
                            out.push('"');
                        }
                    }
                    out.push('>');
                } else if !is_void(&e.name) {
                    out.push_str("</");
                    out.push_str(&e.name);
                    out.push('>');
                }
            }
            _ => {}
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_safety() {
        assert!(safe_url("https://a.b/c"));
        assert!(safe_url("/path:with-colon"));
        assert!(safe_url("#frag"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url(" JavaScript:alert(1)"));
        assert!(!safe_url("data:text/html,x"));
    }
}
