//! Article metadata from every source a page offers, reconciled.
//!
//! One pass over the document collects the machine-readable sources (JSON-LD, Open Graph,
//! Twitter cards, `<meta name>` conventions, microdata, `<time>`, `<link>`) and a bounded list
//! of visible byline/date candidates; the fields are then chosen most reliable source first.
//! Visible candidates are only taken from the article's neighbourhood when the caller knows the
//! article root. Nothing recurses over page structure and all text work is bounded.

pub mod clean;
mod date;
pub(crate) mod jsonld;

use serde::Serialize;

use crate::dom::{Document, NodeData, NodeId};
use crate::json::{self, Value};
use clean::{clean_byline, collapse_ws, host, is_url, join_names, norm_key, resolve_url, tidy};
pub use date::parse_date_text;

/// A machine-readable date (meta content, JSON-LD, `datetime`) as ISO 8601, keeping the
/// precision given: "2021-10-15", "2021-10-15T08:30:00+02:00". Written-out dates and RFC 2822
/// give the date only.
pub fn normalize_date(raw: &str) -> Option<String> {
    date::normalize_iso(raw)
}

/// What a page says about its article. Every field is optional; strings are
/// whitespace-collapsed and entity-decoded, dates ISO 8601, URLs absolute when the page URL is
/// known.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The headline, without the site name pages append to `<title>`.
    pub title: Option<String>,
    /// Authors joined with ", ", without a leading "By"/"Von"/"Par"/... .
    pub byline: Option<String>,
    /// Publication date, ISO 8601 as precise as the page says.
    pub published: Option<String>,
    /// Last modification date, ISO 8601.
    pub modified: Option<String>,
    /// The site the page is on.
    pub site_name: Option<String>,
    /// On aggregator pages, the outlet whose story it is (when it differs from the site).
    pub source: Option<String>,
    /// Language tag of the page.
    pub lang: Option<String>,
    /// Text direction (`ltr`/`rtl`) when the page states it.
    pub dir: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// Description / standfirst.
    pub excerpt: Option<String>,
}

/// Longest JSON-LD script read, and most scripts read.
const MAX_JSONLD_BYTES: usize = 1 << 20;
const MAX_JSONLD_SCRIPTS: usize = 16;
/// Caps on collected candidates (the pass stays linear whatever the page).
const MAX_METAS: usize = 2_000;
const MAX_CANDIDATES: usize = 80;
/// Longest visible byline / date text considered.
const MAX_BYLINE_CHARS: usize = 100;
const MAX_DATE_CHARS: usize = 200;
/// Most nodes walked for one short text.
const MAX_SHORT_TEXT_NODES: usize = 400;

/// Everything one walk of the document collects.
#[derive(Default)]
struct Collected {
    /// (normalised key, content, from a `property` attribute) of `<meta>` elements, in
    /// document order.
    metas: Vec<(String, String, bool)>,
    html_lang: Option<String>,
    html_dir: Option<String>,
    body_dir: Option<String>,
    title_tag: Option<String>,
    canonical: Option<String>,
    original_source: Option<String>,
    image_src: Option<String>,
    jsonld: Vec<Value>,
    /// `<h1>`/`<h2>`/`<h3>` elements (blog themes put the post title in an `<h3>`).
    headings: Vec<NodeId>,
    /// `<time>` elements.
    times: Vec<NodeId>,
    /// Elements with an `itemprop` we read: (node, lower-case itemprop).
    itemprops: Vec<(NodeId, String)>,
    /// Elements whose class/id/rel say byline/author.
    bylines: Vec<NodeId>,
    /// Elements whose class/id say date/time/published.
    dates: Vec<NodeId>,
    /// Post meta lines ("Posted on ... by ..."), read for a byline only after a "by".
    meta_lines: Vec<NodeId>,
}

impl Collected {
    /// The first non-empty value of `key`; `property` metas (Open Graph, RDFa) before `name`
    /// ones when both give the key.
    fn meta(&self, key: &str) -> Option<&str> {
        let mut found = self
            .metas
            .iter()
            .filter(|(k, v, _)| k == key && !v.trim().is_empty());
        let first = found.next()?;
        if first.2 {
            return Some(&first.1);
        }
        Some(found.find(|m| m.2).unwrap_or(first).1.as_str())
    }

    fn first_meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.meta(k))
    }

    /// Every value of `key` (repeated author metas), from `property` metas when there are some.
    fn all_metas<'a>(&'a self, key: &'a str) -> Vec<&'a str> {
        let any_prop = self.metas.iter().any(|(k, _, p)| *p && k == key);
        self.metas
            .iter()
            .filter(|(k, _, p)| k == key && (*p || !any_prop))
            .map(|(_, v, _)| v.as_str())
            .collect()
    }
}

/// `<meta>` keys are compared lower-case, without spaces, with `.` read as `:`
/// (`DC.title` = `dc:title`).
fn meta_key(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '.' {
                ':'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn has_token(list: &str, token: &str) -> bool {
    list.split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}

fn lower_class_id(doc: &Document, id: NodeId) -> String {
    let mut s = String::new();
    for a in ["class", "id", "data-testid"] {
        if let Some(v) = doc.attr(id, a) {
            // Lower-cased in place: this runs for every element, so no copy per attribute.
            let start = s.len();
            s.push_str(v);
            s[start..].make_ascii_lowercase();
            s.push(' ');
        }
    }
    s
}

const BYLINE_HINTS: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "writtenby",
    "p-author",
    "autor",
    "verfasser",
    "auteur",
    "creator",
];
/// Parts of a class/id token that make an author-named element something other than the
/// byline: the author's note, bio, avatar, follow button or social links ("author-note",
/// "authorbio", "followauthor", "author-avatar").
const NOT_BYLINE_PARTS: &[&str] = &[
    "note", "bio", "about", "follow", "avatar", "img", "image", "photo", "pic", "desc", "social",
    "more", "share",
];

/// True when a lower-case class/id list names a byline ("authorization" does not): one of its
/// tokens carries a byline hint and no part saying it is the author's note, bio, avatar, ... .
///
/// Call it only when `ci` contains one of [`BYLINE_HINTS`] (see [`class_hints`]): most class
/// names hold none, and one scan for all hint lists rules them out.
fn byline_hint(ci: &str) -> bool {
    ci.split_ascii_whitespace().any(|tok| {
        BYLINE_HINTS.iter().any(|h| {
            tok.match_indices(h).any(|(i, _)| {
                let rest = &tok[i + h.len()..];
                !(rest.starts_with("iz") || rest.starts_with("it") || rest.starts_with("is"))
            })
        }) && !NOT_BYLINE_PARTS.iter().any(|p| tok.contains(p))
    })
}

const META_LINE_HINTS: &[&str] = &[
    "meta",
    "posted",
    "submitted",
    "post-info",
    "entry-info",
    "postinfo",
    "vcard",
    "credit",
];

const DATE_HINTS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "datum",
    "fecha",
    "byline",
    "dateline",
    "entry-meta",
    "post-meta",
    "article-meta",
    "meta-info",
    "postmeta",
    "meta",
    "info",
    "submitted",
];

/// Bits of [`class_hints`]: the class/id names a byline, a meta line, a date.
const BYLINE_HINT: u8 = 1;
const META_LINE_HINT: u8 = 2;
const DATE_HINT: u8 = 4;

/// The byline, meta-line and date hint lists, searched for in one pass per element.
fn class_hints() -> &'static crate::text::NeedleLists {
    static LISTS: std::sync::OnceLock<crate::text::NeedleLists> = std::sync::OnceLock::new();
    LISTS
        .get_or_init(|| crate::text::NeedleLists::new(&[BYLINE_HINTS, META_LINE_HINTS, DATE_HINTS]))
}

fn is_hidden(doc: &Document, id: NodeId) -> bool {
    let Some(e) = doc.element(id) else {
        return false;
    };
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(st) = e.attr("style") {
        let st: String = st
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    e.style.as_ref().is_some_and(|s| s.hidden)
}

fn collect(doc: &Document) -> Collected {
    let mut c = Collected::default();
    let mut in_body = false;
    let body = doc.body();
    let mut walk = doc.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let Some(e) = doc.element(id) else { continue };
        if Some(id) == body {
            in_body = true;
        }
        match e.name.as_str() {
            "html" if c.html_lang.is_none() && c.html_dir.is_none() => {
                c.html_lang = e.attr("lang").or(e.attr("xml:lang")).and_then(tidy);
                c.html_dir = e.attr("dir").and_then(tidy);
            }
            "body" => c.body_dir = e.attr("dir").and_then(tidy),
            "meta" => {
                let Some(content) = e.attr("content") else {
                    continue;
                };
                if c.metas.len() >= MAX_METAS {
                    continue;
                }
                if let Some(p) = e.attr("property") {
                    for t in p.split_ascii_whitespace().take(8) {
                        c.metas.push((meta_key(t), content.to_string(), true));
                    }
                }
                if let Some(n) = e.attr("name") {
                    c.metas.push((meta_key(n), content.to_string(), false));
                }
                if let Some(n) = e.attr("itemprop") {
                    c.metas.push((
                        format!("itemprop:{}", meta_key(n)),
                        content.to_string(),
                        false,
                    ));
                }
                if let Some(n) = e.attr("http-equiv") {
                    c.metas.push((
                        format!("http-equiv:{}", meta_key(n)),
                        content.to_string(),
                        false,
                    ));
                }
                continue;
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("");
                let href = e.attr("href").filter(|h| !h.trim().is_empty());
                if let Some(href) = href {
                    if has_token(rel, "canonical") && c.canonical.is_none() {
                        c.canonical = Some(href.trim().to_string());
                    }
                    if has_token(rel, "original-source") && c.original_source.is_none() {
                        c.original_source = Some(href.trim().to_string());
                    }
                    if has_token(rel, "image_src") && c.image_src.is_none() {
                        c.image_src = Some(href.trim().to_string());
                    }
                }
                continue;
            }
            "title" if c.title_tag.is_none() => {
                let t: String = doc
                    .children(id)
                    .filter_map(|k| doc.node(k).text())
                    .collect();
                c.title_tag = tidy(&t);
                walk.skip_children();
                continue;
            }
            "script" => {
                let ty = e.attr("type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") && c.jsonld.len() < MAX_JSONLD_SCRIPTS {
                    let mut text = String::new();
                    for k in doc.children(id) {
                        if let Some(t) = doc.node(k).text() {
                            if text.len() + t.len() > MAX_JSONLD_BYTES {
                                break;
                            }
                            text.push_str(t);
                        }
                    }
                    if let Some(v) = json::parse(&text) {
                        c.jsonld.push(v);
                    }
                }
                walk.skip_children();
                continue;
            }
            "style" | "noscript" | "template" | "svg" | "math" | "iframe" => {
                walk.skip_children();
                continue;
            }
            "h1" | "h2" | "h3" if c.headings.len() < MAX_CANDIDATES => c.headings.push(id),
            "time" if c.times.len() < MAX_CANDIDATES => c.times.push(id),
            _ => {}
        }
        if !in_body {
            continue;
        }
        // Inline-hidden elements are not candidates themselves; their subtree is still read
        // (a stray unclosed hidden wrapper would otherwise hide the whole article).
        if is_hidden(doc, id) {
            continue;
        }
        if let Some(ip) = e.attr("itemprop") {
            if c.itemprops.len() < MAX_CANDIDATES * 4 {
                c.itemprops.push((id, ip.to_ascii_lowercase()));
            }
        }
        let ci = lower_class_id(doc, id);
        let hints = if ci.is_empty() {
            0
        } else {
            class_hints().find(&ci)
        };
        let rel_author =
            e.attr("rel").is_some_and(|r| has_token(r, "author")) || e.name == "address";
        if c.bylines.len() < MAX_CANDIDATES
            && (rel_author || (hints & BYLINE_HINT != 0 && byline_hint(&ci)))
        {
            c.bylines.push(id);
        }
        if c.meta_lines.len() < MAX_CANDIDATES && hints & META_LINE_HINT != 0 {
            c.meta_lines.push(id);
        }
        if c.dates.len() < MAX_CANDIDATES && hints & DATE_HINT != 0 {
            c.dates.push(id);
        }
    }
    c
}

/// The visible text of `id`, whitespace-collapsed, or `None` when it is longer than `max`
/// characters (the walk stops early, so a huge element costs little).
fn short_text(doc: &Document, id: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut walk = doc.descendants(id);
    let mut visited = 0;
    while let Some(n) = walk.next() {
        visited += 1;
        if visited > MAX_SHORT_TEXT_NODES {
            return None;
        }
        match &doc.node(n).data {
            NodeData::Text(t) => {
                out.push_str(t);
                out.push(' ');
                if out.len() > max * 4 + 64 {
                    return None;
                }
            }
            NodeData::Element(e)
                if n != id && (crate::dom::is_non_content(&e.name) || is_hidden(doc, n)) =>
            {
                walk.skip_children()
            }
            _ => {}
        }
    }
    let t = collapse_ws(&out);
    (t.chars().count() <= max).then_some(t)
}

/// Most nodes looked at after the headline for a "By ..." line.
const MAX_AFTER_HEADLINE: usize = 120;

/// The node after `id` in document order, without entering `id`'s subtree.
fn following(doc: &Document, mut id: NodeId) -> Option<NodeId> {
    for _ in 0..MAX_ANCESTORS {
        let n = doc.node(id);
        if let Some(s) = n.next_sibling {
            return Some(s);
        }
        id = n.parent?;
    }
    None
}

/// How far up an element's ancestors we look (bounds work on very deep trees).
const MAX_ANCESTORS: usize = 48;

/// True when `id` sits in page chrome or comments: nav, a footer or aside that is not the
/// article's own, or a comment/related/sidebar block.
fn in_chrome(doc: &Document, id: NodeId) -> bool {
    let mut footer = false;
    for a in std::iter::once(id)
        .chain(doc.ancestors(id))
        .take(MAX_ANCESTORS)
    {
        let tag = doc.tag(a);
        if tag == "nav" {
            return true;
        }
        if matches!(tag, "body" | "html") {
            // Page-wide classes ("single-post sidebar-primary") describe the layout, not
            // where this element sits.
            break;
        }
        if matches!(tag, "article" | "main") {
            // An article's own footer carries its byline and date.
            footer = false;
            continue;
        }
        let ci = lower_class_id(doc, a);
        if matches!(tag, "footer" | "aside") || ci.contains("footer") {
            footer = true;
        }
        if [
            "comment",
            "related",
            "sidebar",
            "teaser",
            "recommend",
            "promo",
        ]
        .iter()
        .any(|h| ci.contains(h))
        {
            return true;
        }
    }
    footer
}

/// True when `id` is inside `root` or in the header region just before it (inside one of its
/// three nearest ancestors and before it in document order).
fn near_root(doc: &Document, root: NodeId, id: NodeId) -> bool {
    let chain: Vec<NodeId> = doc.ancestors(id).take(MAX_ANCESTORS).collect();
    if id == root || chain.contains(&root) {
        return true;
    }
    let ups: Vec<NodeId> = doc
        .ancestors(root)
        .take(3)
        .take_while(|&a| !matches!(doc.tag(a), "body" | "html"))
        .collect();
    id < root && ups.iter().any(|u| chain.contains(u))
}

/// The first line of an element's visible text: text up to the first `<br>` or block
/// boundary that follows some text (a byline's date usually sits on the next line).
fn first_line(doc: &Document, id: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut walk = doc.descendants(id);
    let mut visited = 0;
    while let Some(n) = walk.next() {
        visited += 1;
        if visited > MAX_SHORT_TEXT_NODES || out.len() > max * 4 + 64 {
            return None;
        }
        match &doc.node(n).data {
            NodeData::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            NodeData::Element(e) if n != id => {
                if crate::dom::is_non_content(&e.name) || is_hidden(doc, n) {
                    walk.skip_children();
                } else if matches!(
                    e.name.as_str(),
                    "br" | "div" | "p" | "li" | "time" | "abbr" | "ul" | "dd" | "dt"
                ) && out.chars().any(crate::text::is_alpha)
                    && clean_byline(&out).is_some()
                {
                    break;
                }
            }
            _ => {}
        }
    }
    let t = collapse_ws(&out);
    (t.chars().count() <= max).then_some(t)
}

/// The text of a byline element: its `itemprop=name` (or name-classed, or author-link) part
/// when it has one, else its first line.
fn byline_text(doc: &Document, id: NodeId) -> Option<String> {
    let part = doc.descendants(id).skip(1).take(200).find(|&n| {
        doc.attr(n, "itemprop")
            .is_some_and(|p| has_token(p, "name"))
    });
    let part = part.or_else(|| {
        doc.descendants(id).skip(1).take(200).find(|&n| {
            let ci = lower_class_id(doc, n);
            let link = doc.tag(n) == "a"
                && (doc.attr(n, "rel").is_some_and(|r| has_token(r, "author"))
                    || doc.attr(n, "href").is_some_and(|h| {
                        let h = h.to_ascii_lowercase();
                        [
                            "/author", "/autor", "/auteur", "/writer", "/people/", "/profile",
                        ]
                        .iter()
                        .any(|p| h.contains(p))
                    }));
            link || ci.split_ascii_whitespace().any(|t| {
                t == "fn" || t.ends_with("name") || t.ends_with("author-link") || t == "author"
            })
        })
    });
    if let Some(n) = part {
        if let Some(t) = doc
            .attr(n, "content")
            .and_then(tidy)
            .or_else(|| short_text(doc, n, MAX_BYLINE_CHARS))
            .filter(|t| clean_byline(t).is_some())
        {
            return Some(t);
        }
    }
    first_line(doc, id, MAX_BYLINE_CHARS)
}

/// A visible byline text is a name, not a date line or a label.
fn plausible_byline(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits * 4 < s.chars().count()
        && parse_date_text(s).is_none()
        && s.split_whitespace().count() <= 12
}

/// Machine date from an element: `content`, `datetime`, or its text.
fn element_date(doc: &Document, id: NodeId) -> Option<String> {
    if let Some(d) = doc
        .attr(id, "datetime")
        .or(doc.attr(id, "content"))
        .and_then(date::normalize_iso)
    {
        return Some(d);
    }
    short_text(doc, id, MAX_DATE_CHARS).and_then(|t| parse_date_text(&t))
}

/// Words (3+ letters, lower case) of a name, for overlap tests.
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !crate::text::is_alnum(c))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// True when two organisation names plausibly name the same outlet.
fn same_outlet(a: &str, b: &str) -> bool {
    let (ka, kb) = (norm_key(a), norm_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka.contains(&kb) || kb.contains(&ka) {
        return true;
    }
    let wb = name_words(b);
    name_words(a).iter().any(|w| wb.contains(w))
}

/// "Via AP news wire", "Source: Reuters", "Quelle: dpa": the outlet a line credits.
fn credited_source(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    for p in [
        "via ",
        "source: ",
        "source : ",
        "quelle: ",
        "fuente: ",
        "fonte: ",
        "bron: ",
        "from ",
    ] {
        if lower.starts_with(p) {
            let rest = line[p.len()..].trim().trim_end_matches('.');
            if !rest.is_empty()
                && rest.chars().count() <= 60
                && rest.split_whitespace().count() <= 6
            {
                return Some(rest.to_string());
            }
        }
    }
    None
}

/// The byline a page shows, among the candidates for which `inside` holds (not in chrome):
/// microdata author, byline-classed elements, post meta lines, a "By ..." line after the
/// headline.
fn visible_byline(doc: &Document, c: &Collected, near: &dyn Fn(NodeId) -> bool) -> Option<String> {
    c.itemprops
        .iter()
        .filter(|(n, p)| {
            (has_token(p, "author") || has_token(p, "creator")) && near(*n) && !in_chrome(doc, *n)
        })
        .find_map(|&(n, _)| {
            doc.attr(n, "content")
                .and_then(tidy)
                .or_else(|| byline_text(doc, n))
                .filter(|t| !is_url(t))
                .and_then(|t| clean_byline(&t))
        })
        .or_else(|| {
            c.bylines
                .iter()
                .filter(|&&n| near(n) && !in_chrome(doc, n))
                .filter_map(|&n| byline_text(doc, n))
                .filter_map(|t| clean_byline(&t))
                .find(|t| plausible_byline(t))
        })
        .or_else(|| {
            c.meta_lines
                .iter()
                .filter(|&&n| near(n) && !in_chrome(doc, n))
                .filter_map(|&n| short_text(doc, n, 200))
                .filter_map(|t| clean::after_by(&t))
                .filter_map(|t| clean_byline(&t))
                .find(|t| plausible_byline(t))
        })
        .or_else(|| {
            // A "By ..." / "Posted by ..." line shortly after the headline.
            let h1 = c
                .headings
                .iter()
                .copied()
                .find(|&h| doc.tag(h) == "h1" && near(h) && !in_chrome(doc, h))?;
            let mut cur = following(doc, h1);
            for _ in 0..MAX_AFTER_HEADLINE {
                let n = cur?;
                cur = doc.node(n).first_child.or_else(|| following(doc, n));
                if !matches!(
                    doc.tag(n),
                    "p" | "span" | "div" | "small" | "address" | "li" | "em" | "strong" | "b" | "i"
                ) {
                    continue;
                }
                let Some(t) = short_text(doc, n, 150) else {
                    continue;
                };
                let lower = t.to_lowercase();
                let starts = [
                    "by ",
                    "von ",
                    "par ",
                    "por ",
                    "door ",
                    "posted by ",
                    "written by ",
                ]
                .iter()
                .any(|p| lower.starts_with(p));
                if let Some(name) = starts
                    .then(|| clean::after_by(&t))
                    .flatten()
                    .and_then(|n| clean_byline(&n))
                    .filter(|n| plausible_byline(n))
                {
                    return Some(name);
                }
            }
            None
        })
}

/// True for a user handle rather than a name: "@name", or one word with a digit, `_` or `.`,
/// or all lower-case ASCII ("jdoe", "user8812", "jane.doe").
fn is_handle(name: &str) -> bool {
    let one_word = !name.contains(' ');
    let login = name
        .chars()
        .any(|ch| ch.is_ascii_digit() || ch == '_' || ch == '.')
        || name.chars().all(|ch| ch.is_ascii_lowercase());
    name.starts_with('@') || (one_word && login)
}

/// The first date in an element whose `itemprop` has `prop`, among those `near` accepts.
fn item_date(
    doc: &Document,
    c: &Collected,
    prop: &str,
    near: &dyn Fn(NodeId) -> bool,
) -> Option<String> {
    c.itemprops
        .iter()
        .filter(|(n, p)| has_token(p, prop) && near(*n))
        .find_map(|&(n, _)| element_date(doc, n))
}

/// The publication date a page shows, among the candidates `near` accepts (not in chrome):
/// microdata `datePublished`, `<time>` (`pubdate`, publish-classed, any not "updated"), then
/// date-classed elements' text.
fn visible_date(doc: &Document, c: &Collected, near: &dyn Fn(NodeId) -> bool) -> Option<String> {
    item_date(doc, c, "datepublished", near)
        .or_else(|| {
            let times: Vec<NodeId> = c
                .times
                .iter()
                .copied()
                .filter(|&t| near(t) && !in_chrome(doc, t))
                .collect();
            let class_has = |t: NodeId, w: &[&str]| {
                let ci = lower_class_id(doc, t);
                crate::text::contains_any(&ci, w)
            };
            times
                .iter()
                .find(|&&t| doc.attr(t, "pubdate").is_some())
                .or_else(|| {
                    times
                        .iter()
                        .find(|&&t| class_has(t, &["publish", "entry-date"]))
                })
                .or_else(|| {
                    times
                        .iter()
                        .find(|&&t| !class_has(t, &["updated", "modified", "changed"]))
                })
                .and_then(|&t| element_date(doc, t))
        })
        .or_else(|| {
            c.dates
                .iter()
                .filter(|&&n| near(n) && !in_chrome(doc, n))
                .find_map(|&n| short_text(doc, n, MAX_DATE_CHARS).and_then(|t| parse_date_text(&t)))
        })
}

/// Shortest paragraph taken for an excerpt while a longer one follows (a one-word "Links" or
/// a short credit is no standfirst).
const MIN_EXCERPT_CHARS: usize = 25;
/// Longest paragraph read whole for an excerpt (a longer one is read as plain text content).
const MAX_EXCERPT_CHARS: usize = 2_000;
/// Most nodes walked looking for the first paragraph.
const MAX_EXCERPT_NODES: usize = 20_000;
/// A paragraph this short that reads as a date is a date line, not the standfirst.
const MAX_DATE_LINE_CHARS: usize = 80;

/// The first visible paragraph under `scope` that is not the byline or a date line, preferring
/// one of [`MIN_EXCERPT_CHARS`] or more; `skip_chrome` leaves out nav, footers, comments, ...
fn first_paragraph(
    doc: &Document,
    scope: NodeId,
    byline: Option<&str>,
    skip_chrome: bool,
) -> Option<String> {
    let mut short: Option<String> = None;
    let mut walk = doc.descendants(scope);
    let mut seen = 0;
    while let Some(n) = walk.next() {
        seen += 1;
        if seen > MAX_EXCERPT_NODES {
            break;
        }
        let Some(e) = doc.element(n) else { continue };
        if n != scope && (crate::dom::is_non_content(&e.name) || is_hidden(doc, n)) {
            walk.skip_children();
            continue;
        }
        if e.name != "p" {
            // A text block written without <p> (a <div> or <font> holding its text
            // directly), as Readability turns such blocks into paragraphs.
            let direct = doc.children(n).any(|k| {
                doc.node(k)
                    .text()
                    .is_some_and(|t| t.trim().chars().count() >= MIN_EXCERPT_CHARS)
            });
            if !direct || short.is_some() {
                continue;
            }
            if let Some(t) = inline_text(doc, n, MAX_EXCERPT_CHARS) {
                short = Some(t);
            }
            continue;
        }
        walk.skip_children();
        if skip_chrome && in_chrome(doc, n) {
            continue;
        }
        let Some(t) = inline_text(doc, n, MAX_EXCERPT_CHARS) else {
            continue;
        };
        let len = t.chars().count();
        let credit = byline.is_some_and(|b| t.contains(b));
        let date_line = len <= MAX_DATE_LINE_CHARS && parse_date_text(&t).is_some();
        if t.is_empty() || credit || date_line {
            continue;
        }
        if len >= MIN_EXCERPT_CHARS {
            return Some(t);
        }
        short.get_or_insert(t);
    }
    short
}

/// The visible text of `id` as a reader sees it: text nodes joined as written (no space added
/// between inline elements), a space for `<br>` and block boundaries, hidden and non-content
/// elements skipped, whitespace collapsed. `None` when empty or longer than `max` characters.
fn inline_text(doc: &Document, id: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut walk = doc.descendants(id);
    while let Some(n) = walk.next() {
        match &doc.node(n).data {
            NodeData::Text(t) => {
                out.push_str(t);
                if out.len() > max * 4 + 64 {
                    return None;
                }
            }
            NodeData::Element(e) if n != id => {
                if crate::dom::is_non_content(&e.name) || is_hidden(doc, n) {
                    walk.skip_children();
                } else if matches!(
                    e.name.as_str(),
                    "br" | "p"
                        | "div"
                        | "li"
                        | "ul"
                        | "ol"
                        | "table"
                        | "tr"
                        | "td"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "blockquote"
                        | "section"
                ) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    let t = collapse_ws(&out);
    (!t.is_empty() && t.chars().count() <= max).then_some(t)
}

/// A site name with a tagline ("Site.cz - Know what is happening") cut to the part the
/// JSON-LD website or publisher name confirms; unchanged otherwise.
fn without_tagline(site: &str, ld_names: &[Option<&str>]) -> String {
    for sep in [" - ", " | ", " – ", " — ", " : ", ": "] {
        let Some((head, tail)) = site.split_once(sep) else {
            continue;
        };
        for part in [head, tail] {
            let k = norm_key(part);
            if !k.is_empty() && ld_names.iter().flatten().any(|n| norm_key(n) == k) {
                return part.trim().to_string();
            }
        }
    }
    site.to_string()
}

/// Class/id parts of a heading (or its parent) that hold the site's name, not a headline.
const SITE_HEADING_HINTS: &[&str] = &[
    "logo",
    "brand",
    "site-title",
    "sitetitle",
    "site-name",
    "sitename",
    "blog-title",
    "blogname",
    "masthead",
];

/// True when heading `id` is the site's logo or name (its own or its parent's class/id say
/// so): it must not confirm a part of `<title>` as the headline.
fn site_heading(doc: &Document, id: NodeId) -> bool {
    std::iter::once(id)
        .chain(doc.ancestors(id).take(1))
        .any(|a| {
            let ci = lower_class_id(doc, a);
            crate::text::contains_any(&ci, SITE_HEADING_HINTS)
        })
}

/// A title candidate is useless when it only names the site.
fn generic_title(t: &str, sites: &[String]) -> bool {
    let k = norm_key(t);
    k.is_empty() || sites.iter().any(|s| norm_key(s) == k)
}

/// Extracts the page's metadata. `article_root`, when known, focuses the visible byline/date
/// search on the article and the header region just before it.
pub fn extract_metadata(doc: &Document, article_root: Option<NodeId>) -> Metadata {
    let c = collect(doc);
    let ld = jsonld::extract(&c.jsonld);
    let parsely: Option<Value> = c.meta("parsely-page").and_then(json::parse);
    let parsely_str = |k: &str| {
        parsely
            .as_ref()
            .and_then(|p| p.get(k))
            .and_then(|v| v.items().first())
            .and_then(Value::as_str)
            .and_then(tidy)
    };
    let near = |id: NodeId| match article_root {
        Some(r) => near_root(doc, r, id),
        None => true,
    };

    // Site name and source.
    let site_name = c
        .first_meta(&[
            "og:site_name",
            "og:sitename",
            "application-name",
            "apple-mobile-web-app-title",
        ])
        .and_then(tidy)
        .map(|s| without_tagline(&s, &[ld.website.as_deref(), ld.publisher.as_deref()]))
        .or_else(|| ld.website.clone())
        .or_else(|| ld.publisher.clone());
    let mut m = Metadata {
        site_name,
        ..Metadata::default()
    };
    let page_url = c
        .canonical
        .as_deref()
        .map(|u| resolve_url(doc.url.as_deref(), u))
        .filter(|u| u.contains("://"))
        .or_else(|| c.meta("og:url").map(|u| resolve_url(doc.url.as_deref(), u)))
        .or_else(|| doc.url.clone());
    m.url = page_url.clone();
    let site_ref = m.site_name.clone().unwrap_or_default();
    // The host the page is served from, not the canonical URL's: aggregators point their
    // canonical link at the original outlet, which is exactly the source to name.
    let host_label = doc
        .url
        .as_deref()
        .and_then(host)
        .map(|h| h.split('.').rev().nth(1).unwrap_or(h).to_string())
        .unwrap_or_default();
    let differs = |s: &String| !same_outlet(s, &site_ref) && !same_outlet(s, &host_label);
    m.source = ld
        .source
        .clone()
        .filter(differs)
        .or_else(|| {
            ld.publisher
                .clone()
                .filter(|p| !site_ref.is_empty() && differs(p))
        })
        .or_else(|| {
            c.first_meta(&[
                "syndication-source",
                "original-source",
                "dc:source",
                "dcterms:source",
            ])
            .and_then(tidy)
            .filter(differs)
        })
        .or_else(|| {
            c.original_source
                .as_deref()
                .map(|u| resolve_url(doc.url.as_deref(), u))
        });
    if m.source.is_none() {
        if let Some(root) = article_root {
            m.source = doc
                .descendants(root)
                .take(5_000)
                .filter(|&n| matches!(doc.tag(n), "p" | "span" | "em" | "i" | "div" | "small"))
                .filter_map(|n| short_text(doc, n, 80))
                .find_map(|t| credited_source(&t))
                .filter(differs);
        }
    }

    // Title.
    let mut sites: Vec<String> = Vec::new();
    for s in [
        m.site_name.clone(),
        ld.website.clone(),
        ld.publisher.clone(),
    ]
    .into_iter()
    .flatten()
    {
        sites.push(s);
    }
    if !host_label.is_empty() {
        sites.push(host_label.clone());
    }
    if let Some(h) = page_url.as_deref().and_then(host) {
        sites.push(h.to_string());
    }
    let microdata_headline = c
        .itemprops
        .iter()
        .filter(|(n, p)| has_token(p, "headline") && near(*n))
        .find_map(|&(n, _)| {
            doc.attr(n, "content")
                .and_then(tidy)
                .or_else(|| short_text(doc, n, 400))
        });
    // JSON-LD `name` and `headline` can disagree (one may be a subtitle or a description):
    // keep the one the `<title>` confirms, `name` when neither or both are.
    let ld_title = match (ld.headline.clone(), ld.name.clone()) {
        (Some(h), Some(n)) if h != n => {
            let t = c.title_tag.as_deref().unwrap_or("");
            let hm = clean::text_similarity(&h, t) > 0.75;
            let nm = clean::text_similarity(&n, t) > 0.75;
            Some(if hm && !nm { h } else { n })
        }
        (h, n) => h.or(n),
    }
    .filter(|_| ld.is_article);
    let meta_titles = [
        ld_title,
        c.first_meta(&[
            "dc:title",
            "dcterms:title",
            "dcterm:title",
            "og:title",
            "twitter:title",
            "parsely-title",
            "sailthru:title",
            "citation_title",
            "itemprop:headline",
            "title",
            "headline",
        ])
        .and_then(tidy),
        parsely_str("title"),
        microdata_headline,
    ];
    let headings: Vec<String> = c
        .headings
        .iter()
        .filter(|&&h| !site_heading(doc, h))
        .filter_map(|&h| short_text(doc, h, 400))
        .filter(|t| !t.is_empty())
        .collect();
    let h1s: Vec<String> = c
        .headings
        .iter()
        .filter(|&&h| doc.tag(h) == "h1")
        .filter_map(|&h| short_text(doc, h, 400))
        .filter(|t| !t.is_empty())
        .collect();
    let confirmed = |t: &str| clean::heading_confirmed(t, &headings);
    m.title = meta_titles
        .into_iter()
        .flatten()
        // A title meta that is the site's own name or tagline ("Site - Latest News", as
        // application-name says too) describes the site, not the article.
        .filter(|t| !generic_title(t, &sites))
        .map(|t| confirmed(&t).unwrap_or_else(|| clean::strip_site_name(&t, &sites)))
        .find(|t| !generic_title(t, &sites[..sites.len().min(3)]))
        .or_else(|| {
            let t = c.title_tag.as_deref()?;
            if let Some(h) = confirmed(t).filter(|h| !generic_title(h, &sites)) {
                return Some(h);
            }
            let stripped = clean::strip_site_name(t, &sites);
            Some(if stripped != t {
                stripped
            } else {
                clean::heuristic_title(t, &headings, &h1s)
            })
        })
        .or_else(|| h1s.first().cloned());

    // Byline.
    let meta_author = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            let names: Vec<String> = c
                .all_metas(k)
                .into_iter()
                .filter(|v| !is_url(v))
                .filter_map(clean_byline)
                .collect();
            join_names(&names)
        })
    };
    let structured = join_names(
        &ld.authors
            .iter()
            .filter_map(|a| clean_byline(a))
            .collect::<Vec<_>>(),
    )
    .or_else(|| {
        meta_author(&[
            "dc:creator",
            "dcterms:creator",
            "dcterm:creator",
            "author",
            "parsely-author",
            "sailthru:author",
            "article:author",
            "article:author_name",
            "author_name",
            "og:article:author",
            "byl",
            "citation_author",
            "itemprop:author",
            "authors",
        ])
    })
    .or_else(|| parsely_str("author").and_then(|a| clean_byline(&a)));
    // A structured author that is a user handle ("@jdoe", "user8812") or the outlet itself
    // (publishers fill author fields with their own name) gives way to a name the page shows.
    let handle = structured
        .as_deref()
        .is_some_and(|a| is_handle(a) || same_outlet(a, &site_ref) || same_outlet(a, &host_label));
    let visible = |inside: &dyn Fn(NodeId) -> bool| visible_byline(doc, &c, inside);
    let before_root = |id: NodeId| article_root.is_some_and(|r| id < r);
    let wrapper = article_root.and_then(|r| doc.node(r).parent);
    let in_wrapper = |id: NodeId| wrapper.is_some_and(|w| doc.contains(w, id));
    m.byline = structured
        .clone()
        .filter(|_| !handle)
        .or_else(|| visible(&near))
        // Nothing around the article: the page's header further up (a byline is shown above
        // the article, related stories' bylines mostly after or beside it).
        .or_else(|| visible(&before_root))
        // Or the article's own footer: after it, inside its parent.
        .or_else(|| visible(&in_wrapper))
        .or(structured);

    // Dates.
    let item_date = |prop: &str| item_date(doc, &c, prop, &near);
    m.published = ld
        .published
        .as_deref()
        .and_then(date::normalize_iso)
        .or_else(|| {
            c.first_meta(&[
                "article:published_time",
                "article:published",
                "og:published_time",
                "og:article:published_time",
                "parsely-pub-date",
                "sailthru:date",
                "itemprop:datepublished",
                "datepublished",
                "dc:date",
                "dcterms:date",
                "dcterms:created",
                "dcterms:issued",
                "dc:date:issued",
                "dc:date:created",
                "citation_publication_date",
                "citation_date",
                "publish-date",
                "publish_date",
                "publishdate",
                "pubdate",
                "date",
                "article:published_date",
                "cxenseparse:recs:publishtime",
            ])
            .and_then(date::normalize_iso)
        })
        .or_else(|| parsely_str("pub_date").and_then(|d| date::normalize_iso(&d)))
        .or_else(|| visible_date(doc, &c, &near))
        .or_else(|| visible_date(doc, &c, &before_root))
        .or_else(|| visible_date(doc, &c, &in_wrapper))
        .or_else(|| page_url.as_deref().and_then(date::date_from_url))
        .or_else(|| doc.url.as_deref().and_then(date::date_from_url));
    m.modified = ld
        .modified
        .as_deref()
        .and_then(date::normalize_iso)
        .or_else(|| {
            c.first_meta(&[
                "article:modified_time",
                "og:updated_time",
                "article:modified",
                "itemprop:datemodified",
                "datemodified",
                "dcterms:modified",
                "dc:date:modified",
                "last-modified",
                "http-equiv:last-modified",
            ])
            .and_then(date::normalize_iso)
        })
        .or_else(|| item_date("datemodified"));

    // Language and direction.
    m.lang = c
        .html_lang
        .clone()
        .or_else(|| {
            c.first_meta(&[
                "http-equiv:content-language",
                "content-language",
                "language",
                "dc:language",
                "dcterms:language",
            ])
            .and_then(tidy)
        })
        .or_else(|| {
            c.meta("og:locale")
                .and_then(tidy)
                .map(|l| l.replace('_', "-"))
        })
        .or_else(|| ld.lang.clone());
    m.dir = article_root
        .and_then(|r| {
            std::iter::once(r)
                .chain(doc.ancestors(r))
                .take(MAX_ANCESTORS)
                .find_map(|a| doc.attr(a, "dir").and_then(tidy))
        })
        .or_else(|| c.body_dir.clone())
        .or_else(|| c.html_dir.clone());

    // Image and excerpt.
    m.image = c
        .first_meta(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .map(str::to_string)
        .or_else(|| ld.image.clone())
        .or_else(|| c.meta("itemprop:image").map(str::to_string))
        .or_else(|| c.image_src.clone())
        .map(|u| resolve_url(doc.url.as_deref(), &u));
    m.excerpt = ld
        .description
        .clone()
        .or_else(|| {
            c.first_meta(&[
                "dc:description",
                "dcterms:description",
                "dcterm:description",
                "og:description",
                "description",
                "twitter:description",
                "itemprop:description",
            ])
            .and_then(tidy)
        })
        .or_else(|| match article_root {
            Some(root) => first_paragraph(doc, root, m.byline.as_deref(), false),
            // Not taken for an article: the page's first paragraph outside its chrome.
            None => first_paragraph(doc, doc.body()?, m.byline.as_deref(), true),
        });
    m.title = m.title.map(|t| collapse_ws(&clean::unescape_entities(&t)));
    m
}

#[cfg(all(test, feature = "html"))]
mod tests {
    use super::*;
    use crate::html::parse_html;

    fn meta(html: &str) -> Metadata {
        let mut doc = parse_html(html);
        doc.url = Some("http://fakehost/test/page.html".into());
        extract_metadata(&doc, None)
    }

    #[test]
    fn open_graph_and_meta_names() {
        let m = meta(
            r#"<html lang="en" dir="ltr"><head><title>Rocket lands safely | Space Daily</title>
            <meta property="og:site_name" content="Space Daily">
            <meta property="og:title" content="Rocket lands safely | Space Daily">
            <meta name="description" content="A &amp;amp; B">
            <meta property="og:image" content="/img/lead.jpg">
            <meta name="author" content="https://facebook.com/someone">
            <meta name="parsely-author" content="By Ada Lovelace">
            <meta property="article:published_time" content="2021-10-15T08:30:00+0200">
            <link rel="canonical" href="/story/1">
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Rocket lands safely"));
        assert_eq!(m.site_name.as_deref(), Some("Space Daily"));
        assert_eq!(m.byline.as_deref(), Some("Ada Lovelace"));
        assert_eq!(m.published.as_deref(), Some("2021-10-15T08:30:00+02:00"));
        assert_eq!(m.excerpt.as_deref(), Some("A & B"));
        assert_eq!(m.image.as_deref(), Some("http://fakehost/img/lead.jpg"));
        assert_eq!(m.url.as_deref(), Some("http://fakehost/story/1"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.dir.as_deref(), Some("ltr"));
        assert_eq!(m.source, None);
    }

    #[test]
    fn json_ld_wins_and_names_the_source() {
        let m = meta(
            r#"<html><head><title>Aggregator - Quake hits coast</title>
            <meta property="og:site_name" content="Aggregator">
            <script type="application/ld+json"><!--
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Quake hits coast",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
             "datePublished":"2021-10-15","publisher":{"@type":"Organization","name":"Associated Press"}}
            --></script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Quake hits coast"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(m.published.as_deref(), Some("2021-10-15"));
        assert_eq!(m.site_name.as_deref(), Some("Aggregator"));
        assert_eq!(m.source.as_deref(), Some("Associated Press"));
    }

    #[test]
    fn visible_byline_and_date() {
        let html = r#"<html><head><title>Ein sehr langer Titel über etwas - Die Zeitung</title></head><body>
            <nav><span class="author">Menu Person</span></nav>
            <div class="wrap"><header><h1>Ein sehr langer Titel über etwas</h1>
            <p class="byline">Von <a rel="author">Max Muster</a></p><span class="date">Freitag, 15. Oktober 2021</span></header>
            <article id="a"><p>Text.</p></article></div>
            <div class="comments"><span class="comment-author">Troll</span></div></body></html>"#;
        let mut doc = parse_html(html);
        let root = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.attr(n, "id") == Some("a"))
            .unwrap();
        doc.url = None;
        let m = extract_metadata(&doc, Some(root));
        assert_eq!(m.title.as_deref(), Some("Ein sehr langer Titel über etwas"));
        assert_eq!(m.byline.as_deref(), Some("Max Muster"));
        assert_eq!(m.published.as_deref(), Some("2021-10-15"));
        assert_eq!(m.excerpt.as_deref(), Some("Text."));
        let m = extract_metadata(&doc, None);
        assert_eq!(m.byline.as_deref(), Some("Max Muster"));
    }

    #[test]
    fn microdata_and_time() {
        let m = meta(
            r#"<html><head><title>Short</title></head><body><article>
            <h1 itemprop="headline">A headline from microdata</h1>
            <span itemprop="author" itemscope><span itemprop="name">Grace Hopper</span></span>
            <time datetime="2020-02-03T10:00:00Z" pubdate>Feb 3</time></article></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A headline from microdata"));
        assert_eq!(m.byline.as_deref(), Some("Grace Hopper"));
        assert_eq!(m.published.as_deref(), Some("2020-02-03T10:00:00Z"));
    }

    #[test]
    fn page_wide_body_classes_do_not_hide_bylines() {
        // WordPress puts layout words such as "sidebar-primary" on <body>.
        let m = meta(
            r#"<html><head><title>Le titre de l'article</title></head>
            <body class="single-post sidebar-primary"><article><h1>Le titre de l'article</h1>
            <div class="article__author">Par
               Jeanne Martin</div><p>Texte.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jeanne Martin"));
    }

    #[test]
    fn author_notes_and_follow_buttons_are_not_bylines() {
        let m = meta(
            r#"<html><body><div class="followauthor"><div>Noticias del día</div></div>
            <div class="author-note"><span>Una nota de la autora</span></div>
            <article><h1>Un titular</h1><div class="author-name">Por Lucía Pérez</div>
            <p>Texto.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Lucía Pérez"));
        let m = meta(
            r#"<html><body><article><h1>Un titolo</h1>
            <div class="author-bio">Scrive di cucina da vent'anni.</div><p>Testo.</p>
            </article></body></html>"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn a_title_meta_naming_the_site_is_skipped() {
        let m = meta(
            r#"<html><head><title>Brug stort open voor verkeer</title>
            <meta name="application-name" content="Het Dagblad - Laatste nieuws">
            <meta property="og:title" content="Het Dagblad - Laatste nieuws"></head>
            <body><h1>Brug stort open voor verkeer</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Brug stort open voor verkeer"));
    }

    #[test]
    fn headings_confirm_the_headline_inside_the_title_tag() {
        // Kicker, headline and section in <title>; the <h1> repeats the middle.
        let m = meta(
            r#"<html><head><title>Neu - Japanisches Mini-SUV auf dem Vormarsch - Vorstellung</title>
            </head><body><h1 class="section_title">Japanisches Mini-SUV auf dem Vormarsch</h1>
            </body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Japanisches Mini-SUV auf dem Vormarsch")
        );
        // A blog theme's post title in an <h3>, behind "Site » Archive »".
        let m = meta(
            r#"<html><head><title>Il mio blog &raquo; Archivio &raquo; Ricette d'autunno facili</title>
            </head><body><h3><a href="/p/1">Ricette d'autunno facili</a></h3></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Ricette d'autunno facili"));
        // The site's logo heading does not pass for the headline.
        let m = meta(
            r#"<html><head><title>東京の桜が満開に :: ブログ村 ::</title></head>
            <body><h1 class="header__logo">ブログ村</h1><p>本文</p></body></html>"#,
        );
        assert_ne!(m.title.as_deref(), Some("ブログ村"));
    }

    /// Metadata with the element `id="a"` as the article root.
    fn meta_with_root(html: &str) -> Metadata {
        let doc = parse_html(html);
        let root = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.attr(n, "id") == Some("a"))
            .expect("root");
        extract_metadata(&doc, Some(root))
    }

    #[test]
    fn header_bylines_and_dates_far_above_the_article() {
        // The byline and date sit in a page header several levels away from the article.
        let m = meta_with_root(
            r#"<html><body><div class="page"><div class="top"><div class="hero"><div>
            <h1>Un titular bastante largo</h1><div class="author">Por María López</div>
            <span class="fecha">15 de octubre de 2021</span></div></div></div>
            <div class="cols"><div class="main"><div class="inner"><div class="wrap">
            <div class="body" id="a"><p>Texto.</p></div></div></div></div></div>
            <div class="more"><span class="author">Otra Persona</span></div></div></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("María López"));
        assert_eq!(m.published.as_deref(), Some("2021-10-15"));
    }

    #[test]
    fn the_articles_own_footer_after_it() {
        let m = meta_with_root(
            r#"<html><body><article><section id="a"><p>Tekst van het stuk.</p></section>
            <aside><p><span itemprop="author" itemscope><span itemprop="name">Jan de Vries</span></span>
            <time datetime="2013-09-29">29 september 2013</time></p></aside></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jan de Vries"));
        assert_eq!(m.published.as_deref(), Some("2013-09-29"));
    }

    #[test]
    fn a_handle_gives_way_to_the_name_shown() {
        let page = |ld_author: &str| {
            meta(&format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
                "headline":"Ein Titel","author":"{ld_author}"}}</script></head><body><article>
                <h1>Ein Titel</h1><span class="author-name">Erika Mustermann</span><p>Text.</p>
                </article></body></html>"#
            ))
        };
        assert_eq!(page("user8812").byline.as_deref(), Some("Erika Mustermann"));
        assert_eq!(page("Erika M.").byline.as_deref(), Some("Erika M."));
        assert_eq!(page("jane.doe").byline.as_deref(), Some("Erika Mustermann"));
        // The outlet named as author gives way too.
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="Gazeta Diária">
            <meta name="author" content="Gazeta Diária"></head><body><article><h1>Título</h1>
            <p class="byline">Por Ana Souza</p><p>Texto.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Ana Souza"));
        // With no name on the page the handle is still better than nothing.
        let m = meta(
            r#"<html><head><meta name="author" content="@jdupont"></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("@jdupont"));
    }

    #[test]
    fn excerpt_is_the_first_real_paragraph() {
        // Byline and date lines are skipped, inline markup adds no spaces, hidden text is
        // left out.
        let m = meta_with_root(
            r#"<html><body><article id="a"><p class="byline">Door Jan de Vries</p><p>3 maart 2021</p>
            <p>De <a href="/x">gemeente</a>, zo blijkt<span style="display:none"> VERBORGEN</span>,
            bouwt een nieuwe brug over de rivier.</p><p>Tweede alinea.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jan de Vries"));
        assert_eq!(
            m.excerpt.as_deref(),
            Some("De gemeente, zo blijkt, bouwt een nieuwe brug over de rivier.")
        );
        // No article found: the page's first paragraph outside its chrome, or a text block
        // written without <p>.
        let m = meta(
            r#"<html><body><nav><p>Accueil, Monde, Sport, Culture et plus encore</p></nav>
            <div>Le texte de la page, écrit directement dans un bloc sans paragraphe.</div>
            </body></html>"#,
        );
        assert_eq!(
            m.excerpt.as_deref(),
            Some("Le texte de la page, écrit directement dans un bloc sans paragraphe.")
        );
    }

    #[test]
    fn site_name_without_its_tagline() {
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="Zeitung.de - Nachrichten aus aller Welt">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Titel",
            "publisher":{"@type":"Organization","name":"Zeitung.de"}}</script></head>
            <body><p>x</p></body></html>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Zeitung.de"));
        let m = meta(
            r#"<html><head><meta property="og:site_name" content="Il Giornale - Notizie"></head>
            <body><p>x</p></body></html>"#,
        );
        assert_eq!(m.site_name.as_deref(), Some("Il Giornale - Notizie"));
    }

    #[test]
    fn hostile_pages_do_not_break_it() {
        let deep = format!("<html><head><script type=\"application/ld+json\">{}</script></head><body>{}x</body></html>", "[".repeat(100_000), "<div class=author>".repeat(3_000));
        let m = meta(&deep);
        assert_eq!(m.byline, None);
        let m = meta("<title>日本語のタイトル｜サイト</title><p class=date>2021年10月15日</p>");
        assert_eq!(m.published.as_deref(), Some("2021-10-15"));
    }
}
