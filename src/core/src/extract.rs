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

/// A `form` with this many characters in paragraphs of prose is content, not controls.
const MIN_CONTENT_FORM_PARA_CHARS: u32 = 200;

/// Elements never part of the article's text (a `form` unless it wraps prose, see
/// [`is_boilerplate`]).
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "button"
            | "input"
            | "select"
            | "textarea"
            | "label"
            | "form"
            | "nav"
            | "footer"
            | "aside"
            | "figure"
            | "figcaption"
            | "h1"
            | "dialog"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "canvas"
    )
}

/// Class/id words of the boilerplate that sits inside article containers: share bars, bylines
/// and datelines, captions and credits, tag lists, "related"/"more" teasers, comment threads.
const BOILERPLATE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "related",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "caption",
    "credit",
    "credits",
    "byline",
    "author",
    "bio",
    "tags",
    "tag",
    "meta",
    "breadcrumb",
    "breadcrumbs",
    "toolbar",
    "sidebar",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "popular",
    "trending",
    "pagination",
    "pager",
    "print",
    "footer",
    "timestamp",
    "dateline",
];

/// Boilerplate words that count only as a whole part of a class or id, between separators
/// (`tags`, `post-tags`, `tag_list`), not as a camelCase fragment: `tagStyle` or `contentTag`
/// names a styling or a template, not a tag list.
const WHOLE_PART_WORDS: &[&str] = &["tag", "tags"];

/// Whether `word` (lower case) is a whole part of `raw` split at non-letters only.
fn has_whole_part(raw: &str, word: &str) -> bool {
    raw.split(|c: char| !c.is_ascii_alphabetic())
        .any(|part| part.eq_ignore_ascii_case(word))
}

/// Class/id words of blocks that are boilerplate only when they hold no paragraph: page
/// builders call every content block a "widget" (`elementor-widget-text-editor`), sidebars and
/// like buttons use the word too.
const WEAK_BOILERPLATE_WORDS: &[&str] = &["widget"];

/// Class names of text that is not shown (screen-reader-only labels, hidden blocks).
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
    "offscreen",
    "d-none",
    "is-hidden",
];

/// A boilerplate block inside the article root at most this share of the root's text.
const MAX_BOILERPLATE_SHARE: f32 = 0.3;
/// Link text share above which a block is navigation, not prose.
const MAX_LINK_DENSITY: f32 = 0.5;
/// An image or video wrapper with at most this much text (and no paragraph) is a caption.
const MAX_CAPTION_CHARS: u32 = 200;

/// A heading ending the article is dropped up to this length (longer is prose set large).
const MAX_ORPHAN_HEADING_CHARS: usize = 80;
/// A block ending the article is a call to action up to this length, with at least this share
/// of its text in prompt phrases.
const MAX_CLOSING_PROMPT_CHARS: u32 = 400;
const MIN_CLOSING_PROMPT_DENSITY: f32 = 0.1;
/// A line of contact details ending the article is at most this long.
const MAX_CONTACT_LINE_CHARS: u32 = 120;
/// A closing line about the page (comments, back links, "filed under") is at most this long.
const MAX_CLOSING_META_CHARS: u32 = 200;

/// The label of an ad slot standing alone in a block ("Advertisement", "Anzeige").
fn is_ad_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "ad" | "ads"
            | "advert"
            | "advertisement"
            | "advertising"
            | "sponsored"
            | "anzeige"
            | "werbung"
            | "publicité"
            | "publicidad"
            | "publicidade"
            | "pubblicità"
            | "advertentie"
            | "reklama"
    )
}

/// A short line with a copyright sign is a notice or a photo credit, up to this length.
const MAX_COPYRIGHT_LINE_CHARS: u32 = 150;

/// A date or time standing alone is at most this long ("29.04.2020, 15:59 Uhr").
const MAX_DATE_LINE_CHARS: usize = 40;
/// ...and has at most this many words of letters besides its numbers ("March", "Uhr", "Updated").
const MAX_DATE_LINE_WORDS: usize = 3;

/// A line that is only a date or a time (a dateline, a "posted at" stamp): digits in a date or
/// clock pattern and at most a few words. Language-neutral: month names are just words.
fn is_date_line(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_DATE_LINE_CHARS {
        return false;
    }
    let words = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .count();
    if words > MAX_DATE_LINE_WORDS {
        return false;
    }
    let b = t.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i < b.len() {
        if !digit(i) {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let next = b.get(i + run).copied();
        // A year (19xx, 20xx), a clock time (9:05) or a numeric date (29.04., 4/29).
        let year = run == 4 && matches!(&b[i..i + 2], b"19" | b"20");
        let clock = run <= 2 && next == Some(b':') && digit(i + run + 1) && digit(i + run + 2);
        // Day and month (or month and day) each of one or two digits, the separator repeated.
        let date = run <= 2 && matches!(next, Some(b'.' | b'/')) && {
            let j = i + run + 1;
            let run2 = b
                .get(j..)
                .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
            let number = |from: usize, len: usize| {
                b[from..from + len]
                    .iter()
                    .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'))
            };
            (1..=2).contains(&run2)
                && b.get(j + run2) == next.as_ref()
                && (1..=31).contains(&number(i, run))
                && (1..=31).contains(&number(j, run2))
        };
        if year || clock || date {
            return true;
        }
        i += run;
    }
    false
}

/// Whether an inline element stands on a line of its own: no text or inline content next to
/// it before the nearest block (a bare "Columnists" link or a `<time>` between paragraphs).
fn stands_alone(doc: &Document, stats: &Stats, n: NodeId) -> bool {
    let Some(parent) = doc.node(n).parent else {
        return false;
    };
    if doc
        .element(parent)
        .is_none_or(|e| crate::dom::is_inline(&e.name))
    {
        return false;
    }
    // Walks one way to the nearest block or line break: alone when no text comes first.
    let alone = |mut cur: Option<NodeId>, forward: bool| {
        while let Some(c) = cur {
            match &doc.node(c).data {
                NodeData::Text(t) if !t.trim().is_empty() => return false,
                NodeData::Element(e) if e.name == "br" => return true,
                NodeData::Element(e) if stats.get(c).chars > 0 => {
                    return !crate::dom::is_inline(&e.name);
                }
                _ => {}
            }
            let node = doc.node(c);
            cur = if forward {
                node.next_sibling
            } else {
                node.prev_sibling
            };
        }
        true
    };
    let node = doc.node(n);
    // Inside a block with no other block child the block itself is judged.
    let has_block_sibling = doc.children(parent).any(|c| {
        c != n
            && doc
                .element(c)
                .is_some_and(|e| !crate::dom::is_inline(&e.name) && stats.get(c).chars > 0)
    });
    has_block_sibling && alone(node.prev_sibling, false) && alone(node.next_sibling, true)
}

/// Whether an inline element holds block elements with text (`<a><div>title</div>..</a>`).
fn wraps_blocks(doc: &Document, stats: &Stats, n: NodeId) -> bool {
    doc.descendants(n).any(|d| {
        d != n
            && doc
                .element(d)
                .is_some_and(|e| !crate::dom::is_inline(&e.name) && stats.get(d).chars > 0)
    })
}

/// Tags of list items and table cells: icons beside short text there are data, not captions.
fn is_item(tag: &str) -> bool {
    matches!(tag, "li" | "tr" | "td" | "th" | "dd" | "dt")
}

/// Whether `n` (below `root`) is boilerplate the article text leaves out.
pub fn is_boilerplate(doc: &Document, stats: &Stats, n: NodeId, root: NodeId) -> bool {
    let Some(el) = doc.element(n) else {
        return false;
    };
    let tag = el.name.as_str();
    let s = stats.get(n);
    // A form holding most of the article's prose wraps the content (shop pages, ASP.NET
    // pages in one `<form>`); a form of controls, or a sign-up form beside the article, is
    // left out.
    let content_form = tag == "form"
        && s.para_chars >= MIN_CONTENT_FORM_PARA_CHARS
        && s.para_chars * 2 > stats.get(root).para_chars;
    if (is_skipped(tag) && !content_form) || crate::dom::is_non_content(tag) {
        return true;
    }
    if el.attr("aria-hidden") == Some("true") {
        return true;
    }
    let inline = crate::dom::is_inline(tag);
    // A link around blocks is a card (a teaser's title and blurb), judged like a block.
    let card = inline && s.chars > 0 && wraps_blocks(doc, stats, n);
    if tag == "br" || (inline && !card && !stands_alone(doc, stats, n)) {
        return false;
    }
    let rs = stats.get(root);
    // A container holding most of the root's paragraphs is the article, however linked.
    let holds_prose = s.para_chars * 2 > rs.para_chars && rs.para_chars > 0;
    // A plain link on its own line ("Learn more about ...") stays; link-dense blocks go.
    if s.chars > 0 && s.link_density() > MAX_LINK_DENSITY && !holds_prose && (card || !inline) {
        return true;
    }
    if s.media > 0 && s.paragraphs == 0 && s.chars <= MAX_CAPTION_CHARS && !is_item(tag) {
        return true;
    }
    if let Some(class) = el.attr("class") {
        if class
            .split_whitespace()
            .any(|c| HIDDEN_CLASSES.iter().any(|h| h.eq_ignore_ascii_case(c)))
        {
            return true;
        }
    }
    if s.chars > 0
        && s.chars <= MAX_COPYRIGHT_LINE_CHARS
        && doc.text_content(n).contains(['©', 'ⓒ'])
    {
        return true;
    }
    if s.chars > 0 && s.chars as usize <= MAX_DATE_LINE_CHARS {
        let text = doc.text_content(n);
        if is_ad_label(&text) || (!is_item(tag) && is_date_line(&text)) {
            return true;
        }
    }
    // Inline elements are judged by their class and id only (a link's `data-*` values are
    // often URLs, full of "share" and "social").
    let raw = if inline {
        let attr = |name: &str| el.attr(name).unwrap_or("");
        format!("{} {}", attr("class"), attr("id"))
    } else {
        crate::features::token_text(doc, n)
    };
    if !raw.trim().is_empty() && (s.chars as f32) <= MAX_BOILERPLATE_SHARE * rs.chars as f32 {
        return crate::features::class_words(&raw).any(|w| {
            (BOILERPLATE_WORDS.contains(&w.as_str())
                && (!WHOLE_PART_WORDS.contains(&w.as_str()) || has_whole_part(&raw, &w)))
                || (s.paragraphs == 0 && WEAK_BOILERPLATE_WORDS.contains(&w.as_str()))
        });
    }
    false
}

/// Walks `root` in document order with enter/leave events, skipping excluded, flagged and
/// boilerplate subtrees and the nodes in `dropped` (sorted). Iterative: the caller's closure
/// sees `(node, entering)`.
fn walk(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
    dropped: &[NodeId],
    mut f: impl FnMut(NodeId, bool),
) {
    if flagged.get(root.index()).copied().unwrap_or(false) {
        return;
    }
    let skip = |n: NodeId| {
        stats.get(n).excluded
            || flagged.get(n.index()).copied().unwrap_or(false)
            || dropped.binary_search(&n).is_ok()
            || is_boilerplate(doc, stats, n, root)
    };
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

/// The level of a section heading (`h2` is 2), or `None`.
fn heading_level(tag: &str) -> Option<usize> {
    match tag.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// One paragraph of the article: its text, the heading element it came from (`None` for
/// other text) and the innermost block element holding it.
struct Para {
    text: String,
    heading: Option<NodeId>,
    block: NodeId,
    /// For a loose line (text and inline elements straight in a block that holds more text,
    /// such as a "Loading..." line at the end of the root), the first and last of the block's
    /// children that make it: what is left out when the line is, since the block stays.
    line: Option<(NodeId, NodeId)>,
}

/// A line is loose in its block when the block holds more than twice its text and this much.
const LOOSE_LINE_SLACK: usize = 16;

/// The paragraphs of the article's parts ([`parts`]), in document order.
fn collect(doc: &Document, stats: &Stats, parts: &[NodeId], flagged: &[bool]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut heading: Option<NodeId> = None;
    // The block's children the current line is made of.
    let mut line: Option<(NodeId, NodeId)> = None;
    let flush = |cur: &mut String,
                 out: &mut Vec<Para>,
                 line: &mut Option<(NodeId, NodeId)>,
                 heading: Option<NodeId>,
                 block: NodeId| {
        let text = collapse_whitespace(cur);
        if !text.is_empty() {
            let chars = text.chars().count();
            let loose = stats.get(block).chars as usize > 2 * chars + LOOSE_LINE_SLACK;
            out.push(Para {
                text,
                heading,
                block,
                line: line.filter(|_| loose),
            });
        }
        cur.clear();
        *line = None;
    };
    for &part in parts {
        // The open block elements: the last one holds the text gathered so far.
        let mut open: Vec<NodeId> = Vec::new();
        walk(doc, stats, part, flagged, &[], |n, entering| {
            let block = open.last().copied().unwrap_or(part);
            match &doc.node(n).data {
                NodeData::Element(e) if is_block(&e.name) => {
                    flush(&mut cur, &mut out, &mut line, heading, block);
                    if entering {
                        open.push(n);
                    } else {
                        open.pop();
                    }
                    if heading_level(&e.name).is_some() {
                        heading = if entering { Some(n) } else { None };
                    }
                }
                data => {
                    if entering && doc.node(n).parent == Some(block) {
                        line = Some(line.map_or((n, n), |(first, _)| (first, n)));
                    }
                    if let (NodeData::Text(t), true) = (data, entering) {
                        cur.push_str(t);
                    }
                }
            }
        });
        flush(&mut cur, &mut out, &mut line, heading, part);
    }
    out
}

/// The article's parts in document order: its lead ([`lead_block`]), the root and the cousin
/// blocks of prose around it ([`crate::classify::article_cousins`]).
fn parts(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
    description: Option<&str>,
) -> Vec<NodeId> {
    let (mut out, after) = crate::classify::article_cousins(doc, stats, root, flagged);
    let first = out.first().copied().unwrap_or(root);
    if let Some(lead) = description.and_then(|d| lead_block(doc, stats, first, flagged, d)) {
        out.insert(0, lead);
    }
    out.push(root);
    out.extend(after);
    out
}

/// A lead (standfirst) is looked for this many levels up from the article's first part.
const LEAD_LEVELS: usize = 6;
/// The page's description must have this many characters to identify its lead: a short one
/// ("News", a site slogan) could match any label.
const LEAD_MIN_CHARS: usize = 60;
/// A standfirst is a few sentences: a longer description is not one (and a page-controlled
/// megabyte of it would make every block of similar size a candidate to compare).
const LEAD_MAX_CHARS: usize = 1000;
/// A candidate's text is read this many bytes past the description's length (whitespace the
/// comparison folds away).
const LEAD_PREFIX_SLACK_BYTES: usize = 256;

/// The article's lead: the block shortly before the article (at most [`LEAD_LEVELS`] up from
/// `first`, the article's first part) whose text is the page's own description, in full or
/// cut short ("…"). Publishers set their standfirst apart from the body (in the article's
/// header, beside the title), so the search for prose blocks misses it; the description names
/// it. Chrome (navigation, asides, forms, footers), flagged and hidden blocks are not searched.
fn lead_block(
    doc: &Document,
    stats: &Stats,
    first: NodeId,
    flagged: &[bool],
    description: &str,
) -> Option<NodeId> {
    let desc = collapse_whitespace(description);
    let desc = desc
        .trim_end_matches(['…', '.', ' '])
        .trim_end_matches("[…]")
        .trim_end();
    let desc_chars = desc.chars().count();
    if !(LEAD_MIN_CHARS..=LEAD_MAX_CHARS).contains(&desc_chars) {
        return None;
    }
    let body = doc.body()?;
    // `first` and the ancestors searched under: never a lead (they hold the article).
    let mut chain = vec![first];
    for _ in 0..LEAD_LEVELS {
        match doc.node(chain[chain.len() - 1]).parent {
            Some(p) if p != body && doc.element(p).is_some() => chain.push(p),
            _ => break,
        }
    }
    let scope = chain[chain.len() - 1];
    // Preorder up to `first`: every block before it.
    let mut stack = vec![scope];
    while let Some(n) = stack.pop() {
        if n == first {
            return None;
        }
        let Some(el) = doc.element(n) else {
            continue;
        };
        let s = stats.get(n);
        if s.excluded
            || flagged.get(n.index()).copied().unwrap_or(false)
            || (n != scope && is_lead_chrome(el.name.as_str(), el.attr("role")))
        {
            continue;
        }
        let chars = s.chars as usize;
        // The headline is the title, not a lead.
        if is_block(&el.name)
            && el.name.as_str() != "h1"
            && chars * 10 >= desc_chars * 9
            && chars <= desc_chars * 2
            && s.link_chars * 4 <= s.chars
            && !chain.contains(&n)
        {
            // Only the start is compared: hidden text the page puts in a block does not count
            // in its size, and a page can nest such blocks deep.
            let start = doc.text_content_prefix(n, desc.len() + LEAD_PREFIX_SLACK_BYTES);
            if collapse_whitespace(&start).starts_with(desc) {
                return Some(n);
            }
        }
        if chars >= desc_chars {
            let kids: Vec<NodeId> = doc.children(n).collect();
            stack.extend(kids.into_iter().rev());
        }
    }
    None
}

/// Regions a lead is never in (an article's own `header` is searched).
fn is_lead_chrome(tag: &str, role: Option<&str>) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "form")
        || matches!(
            role,
            Some("navigation" | "contentinfo" | "complementary" | "dialog" | "alertdialog")
        )
}

/// The size of a paragraph as the closing rules judge it, when it stands on its own: its
/// block's text, or its own for a loose line ([`Para::line`]); `None` for text straight in the
/// article's root, which cannot be left out alone.
fn own_chars(stats: &Stats, p: &Para, root: NodeId) -> Option<u32> {
    match p.line {
        Some(_) => Some(p.text.chars().count() as u32),
        None if p.block != root => Some(stats.get(p.block).chars),
        None => None,
    }
}

/// A closing call to action: a short block ending the article that is mostly prompt phrases
/// ("subscribe to our newsletter", "follow us on Telegram", "download our app"). Judged by its
/// block's phrase statistics, so a loose line is not one.
fn is_closing_prompt(stats: &Stats, p: &Para, root: NodeId) -> bool {
    let s = stats.get(p.block);
    p.block != root
        && p.line.is_none()
        && s.chars <= MAX_CLOSING_PROMPT_CHARS
        && s.hit_chars > 0
        && s.hit_density() >= MIN_CLOSING_PROMPT_DENSITY
}

/// Phrases of a rights notice, lower case, in the languages the lexicon covers (packed as
/// [`CLOSING_LINES`]).
const RIGHTS_PHRASES: &str = "\
    all rights reserved|copyrighted|alle rechte vorbehalten|urheberrechtlich geschützt|\
    tous droits réservés|droits de reproduction|todos los derechos reservados|\
    derechos reservados|tutti i diritti riservati|riproduzione riservata|\
    todos os direitos reservados|direitos reservados|alle rechten voorbehouden|\
    creative commons|cc-by|無断転載|無断複製";

/// A copyright or rights notice ending the article ("© 2022 Example News", "All rights
/// reserved", "Copyright: photo agency"). `low` is the line lower-cased, as in the predicates
/// below ([`is_page_line`]).
fn is_closing_notice(low: &str, chars: u32) -> bool {
    if chars > MAX_CLOSING_PROMPT_CHARS {
        return false;
    }
    // A copyright sign in a longer paragraph can be a joke in the prose ("manifesto™©").
    (low.contains(['©', 'ⓒ']) && low.chars().count() <= MAX_COPYRIGHT_LINE_CHARS as usize)
        || low.starts_with("copyright")
        || RIGHTS_PHRASES.split('|').any(|p| low.contains(p))
}

/// Labels of a source or picture credit, lower case, without their `:`: "Quelle: dpa",
/// "Titelbild: Agentur", "Crédits photos : Agence" (en, de, fr, es, it, pt, nl, pl). Packed as
/// [`CLOSING_LINES`].
const CREDIT_LABELS: &str = "\
    source|sources|photo|photos|photo credit|photo credits|image|images|picture|pictures|\
    image credit|image credits|cover photo|header image|\
    quelle|quellen|quellenangaben|bild|bilder|bildquelle|bildquellen|foto|fotos|titelbild|\
    beitragsbild|titelfoto|headerbild|\
    crédit|crédits|crédit photo|crédits photo|crédits photos|photo de couverture|\
    fuente|fuentes|imagen|imágenes|\
    fonte|fonti|immagine|immagini|imagem|imagens|\
    bron|bronnen|beeld|afbeelding|\
    źródło|źródła|zdjęcie|zdjęcia|fot";

/// A credit ending the article: a short line that starts with a credit label and a colon
/// ("Quelle: Landesregierung", "Foto: dpa").
fn is_closing_credit(low: &str, chars: u32) -> bool {
    if chars > MAX_CONTACT_LINE_CHARS {
        return false;
    }
    low.split_once(':').is_some_and(|(label, rest)| {
        !rest.trim().is_empty() && crate::summary::has_word(CREDIT_LABELS, label.trim())
    })
}

/// How the last lines of a post's page begin when they are about the page, not the story:
/// comment and rating widgets, log-in notes, back links, the "filed under" line of a blog post
/// (en, de, fr, es, it, pt, nl), lower case. Packed as [`CLOSING_LINES`].
const CLOSING_META_STARTS: &str = "\
    be the first to comment|you must be logged in|log in to comment|\
    this entry was posted|filed under|\
    sie müssen sich anmelden um|sie müssen angemeldet sein|du musst angemeldet sein|\
    abgelegt unter|soyez le premier à commenter|sé el primero en comentar";

/// How a short widget or link line about the page begins: comment and rating counts, back
/// links, the imprint. Sentences of news begin so too ("No comments were made by the White
/// House."), so only a line of a few words without a sentence end counts (lower case).
const SHORT_META_STARTS: &str = "\
    no comments|back to|\
    keine kommentare|noch keine kommentare|noch keine bewertungen|zurück zur|zurück zum|\
    impressum|\
    aucun commentaire|retour à|retour aux|\
    sin comentarios|volver a|\
    nessun commento|torna a|torna alla|\
    nenhum comentário|sem comentários|voltar para|\
    geen reacties|terug naar";

/// A short meta line has at most this many words.
const MAX_SHORT_META_WORDS: usize = 8;

/// Whether a line ends as a sentence does (".", "!", "?"), not with an ellipsis ("Loading...").
fn ends_like_a_sentence(line: &str) -> bool {
    let end = line.trim_end();
    !(end.ends_with("...") || end.ends_with('…')) && end.ends_with(['.', '!', '?'])
}

/// A short last line about the page rather than the story: one of [`CLOSING_META_STARTS`], or
/// a line of a few words without a sentence end starting as one of [`SHORT_META_STARTS`]
/// (whole words: "Impressumspflicht" is not the imprint).
fn is_closing_meta(low: &str, chars: u32) -> bool {
    if chars > MAX_CLOSING_META_CHARS {
        return false;
    }
    let low = low.trim_start_matches(['(', '[', ' ']);
    let starts = |list: &str| {
        list.split('|').any(|start| {
            low.strip_prefix(start)
                .is_some_and(|rest| !rest.starts_with(crate::text::is_alnum))
        })
    };
    starts(CLOSING_META_STARTS)
        || (starts(SHORT_META_STARTS)
            && low.split_whitespace().count() <= MAX_SHORT_META_WORDS
            && !ends_like_a_sentence(low))
}

/// Phrases of a disclosure or disclaimer about the page (affiliate links, advertising, whose
/// opinion it is), lower case, matched anywhere in a short paragraph (en, de, fr, es, it, pt,
/// nl). Packed as [`CLOSING_LINES`].
const DISCLOSURE_PHRASES: &str = "\
    this post contains|this article contains affiliate|contains affiliate links|\
    may contain affiliate links|enthält affiliate-links|enthält affiliate links|\
    sind sogenannte affiliate-links|\
    we may receive compensation|\
    we may earn a commission|advertisers do not influence|views and opinions expressed|\
    opinions expressed in this|views expressed in this|opinions expressed are those|\
    views expressed are those|\
    dieser beitrag enthält werbung|dieser artikel enthält werbung|\
    kann links zu anbietern enthalten|gekennzeichneten links sind|\
    gibt die meinung des autors wieder|gibt die meinung der autorin wieder|\
    contient des liens affiliés|contient des liens d'affiliation|\
    n'engagent que leurs auteurs|n'engage que son auteur|\
    contiene enlaces de afiliado|las opiniones expresadas en este|\
    contiene link di affiliazione|le opinioni espresse in questo|\
    contém links de afiliado|as opiniões expressas neste|\
    bevat affiliate links|bevat affiliatelinks";

/// A disclosure or disclaimer about the page opening or ending the article (see
/// [`DISCLOSURE_PHRASES`]).
fn is_disclosure(low: &str, chars: u32) -> bool {
    if chars > MAX_CLOSING_PROMPT_CHARS {
        return false;
    }
    DISCLOSURE_PHRASES.split('|').any(|p| low.contains(p))
}

/// A short line about the page rather than the story, of `chars` characters (see
/// [`own_chars`]): a rights notice, contact details, a credit, a meta line or a disclosure.
/// Lower-cased once for all of them, and not at all past the longest of their limits.
fn is_page_line(text: &str, chars: u32) -> bool {
    if chars > MAX_CLOSING_PROMPT_CHARS {
        return false;
    }
    let low = text.to_lowercase();
    is_closing_notice(&low, chars)
        || is_closing_contact(text, chars)
        || is_closing_credit(&low, chars)
        || is_closing_meta(&low, chars)
        || is_disclosure(&low, chars)
}

/// A short line of contact details ending the article: an e-mail address, a web address or a
/// phone number.
fn is_closing_contact(text: &str, chars: u32) -> bool {
    if chars > MAX_CONTACT_LINE_CHARS {
        return false;
    }
    let t = text.trim();
    let email = t.split_whitespace().any(|w| {
        w.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
    });
    let web = t.contains("www.") || t.contains("http://") || t.contains("https://");
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let phone = digits >= 7
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_alphabetic() || " +-/().:".contains(c));
    email || web || phone
}

/// Lines that close an article without being part of it, lower case, without their closing
/// `:`/`?`/`!`: the titles of further-reading lists, contact and author boxes, share and
/// rating prompts, comment counts and sign-offs, in the languages the lexicon covers (en, de,
/// fr, es, it, pt, nl, ja, in that order). A line must read as one of these whole. A packed
/// `|`-separated list, as the summary's word lists: a slice of `&str` costs 8 bytes of
/// pointers per entry in the `.wasm` and compresses badly.
const CLOSING_LINES: &str = "\
    read more|read also|also read|see also|more on this topic|more on this story|related|\
    related articles|related posts|related stories|you may also like|you might also like|\
    further reading|more information|further information|for more information|contact|\
    about the author|share this article|share this|was this article helpful|\
    did you like this article|no comments|leave a comment|thanks for reading|\
    thank you for reading|\
    weitere informationen|mehr informationen|mehr zum thema|mehr zu diesem thema|mehr dazu|\
    mehr themen|schon gelesen|auch interessant|das könnte sie auch interessieren|\
    das könnte dich auch interessieren|das thema könnte sie auch interessieren|\
    das thema könnte dich auch interessieren|lesen sie auch|lies auch|zum weiterlesen|\
    weiterlesen|kontakt|über den autor|über die autorin|artikel teilen|\
    möchten sie den artikel teilen|war der artikel nützlich|war dieser artikel hilfreich|\
    keine kommentare|lust auf mehr|danke fürs lesen|von|zusatzinformationen|quellen|\
    quellenangaben|quellen ausblenden|originalpublikation|originalartikel|externer inhalt|\
    loading|lädt|wird geladen|\
    lire aussi|à lire aussi|voir aussi|plus d'informations|pour en savoir plus|en savoir plus|\
    sur le même sujet|articles similaires|articles liés|vous aimerez aussi|\
    à propos de l'auteur|partager cet article|aucun commentaire|merci de votre lecture|\
    lee también|lea también|te puede interesar|también te puede interesar|más información|\
    noticias relacionadas|artículos relacionados|sobre el autor|contacto|\
    comparte este artículo|sin comentarios|gracias por leer|ver también|\
    leggi anche|potrebbe interessarti|ti potrebbe interessare|per saperne di più|\
    maggiori informazioni|ulteriori informazioni|articoli correlati|sull'autore|contatti|\
    condividi questo articolo|nessun commento|grazie per la lettura|vedi anche|\
    leia também|veja também|leia mais|saiba mais|mais informações|você pode gostar|\
    você também pode gostar|artigos relacionados|notícias relacionadas|sobre o autor|contato|\
    compartilhe este artigo|partilhe este artigo|nenhum comentário|sem comentários|\
    obrigado por ler|\
    lees ook|meer informatie|meer over dit onderwerp|gerelateerde artikelen|gerelateerd|\
    bekijk ook|zie ook|over de auteur|deel dit artikel|geen reacties|bedankt voor het lezen|\
    関連記事|あわせて読みたい|合わせて読みたい|こちらもおすすめ|おすすめ記事|この記事をシェアする|この記事を書いた人|お問い合わせ";

/// At most this many disclosures open an article.
const MAX_LEADING_DISCLOSURES: usize = 2;

/// A line of a closing box (contacts, further information) is at most this long.
const MAX_CLOSING_BOX_LINE_CHARS: u32 = 160;

/// At most this many short lines after a closing line go with it.
const MAX_CLOSING_BOX_LINES: usize = 6;

/// The titles of author boxes among [`CLOSING_LINES`]: what follows them is a bio, however
/// long its sentences.
const AUTHOR_BOX_TITLES: &str = "about the author|über den autor|über die autorin|\
    à propos de l'auteur|sobre el autor|sull'autore|sobre o autor|over de auteur|この記事を書いた人";
/// An author box holds at most this many paragraphs of this many characters in all.
const MAX_AUTHOR_BOX_PARAGRAPHS: usize = 2;
const MAX_AUTHOR_BOX_CHARS: usize = 800;

/// A line as the closing-line lists hold it: trimmed, lower case, without closing punctuation.
fn closing_key(text: &str) -> String {
    text.trim()
        .trim_end_matches([':', '?', '!', '.', '：', '？', '！', ' '])
        .to_lowercase()
}

/// Whether `text` (of `chars` characters, see [`own_chars`]) is a whole closing line
/// ([`CLOSING_LINES`]).
fn is_closing_line(text: &str, chars: u32) -> bool {
    if chars as usize > MAX_ORPHAN_HEADING_CHARS {
        return false;
    }
    crate::summary::has_word(CLOSING_LINES, &closing_key(text))
}

/// The article ends in a list of cards under a closing heading ("You may also like" over
/// teaser posts): at most this many paragraphs from the end.
const MAX_CARD_LIST_PARAGRAPHS: usize = 60;
/// A card's paragraphs are at most this many levels below the list (page-controlled trees can
/// be thousands of levels deep: the search stays bounded).
const MAX_CARD_DEPTH: usize = 12;

/// The article's last paragraphs are a list of cards under a closing heading: two or more
/// sibling elements of one tag and first class (teaser posts, related-story items) after a
/// heading that reads as a closing line ([`CLOSING_LINES`]), to the end of the article and
/// however much prose they hold. The heading names them as not the article (it may have been
/// flagged itself, and then has no paragraph). Returns the index of the first paragraph of the
/// list (the heading's, when it has one) and the heading.
fn closing_card_list(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    paragraphs: &[Para],
) -> Option<(usize, NodeId)> {
    let first = paragraphs
        .len()
        .saturating_sub(MAX_CARD_LIST_PARAGRAPHS)
        .max(1);
    for i in (first..paragraphs.len()).rev() {
        let Some(heading) = list_heading(doc, stats, root, paragraphs[i].block) else {
            continue;
        };
        // The cards: the elements with text after the heading, of one tag and first class (a
        // card's other classes often name its own post).
        let mut cards = Vec::new();
        let mut next = doc.node(heading).next_sibling;
        while let Some(n) = next {
            if doc.element(n).is_some() && stats.get(n).chars > 0 {
                cards.push(n);
            }
            next = doc.node(n).next_sibling;
        }
        let kind = |n: NodeId| (doc.tag(n), first_class(doc, n));
        // Paragraphs under a closing heading are the box's prose, not cards: a card is another
        // element, with a class or a link.
        let card_like = |n: NodeId| {
            doc.tag(n) != "p" && (first_class(doc, n).is_some() || stats.get(n).links > 0)
        };
        if cards.len() < 2
            || cards
                .iter()
                .any(|&n| kind(n) != kind(cards[0]) || !card_like(n))
        {
            continue;
        }
        cards.sort_unstable();
        // In the list: the heading, or under one of the cards (the paragraph's ancestor that is
        // a child of the heading's parent).
        let parent = doc.node(heading).parent;
        let in_list = |q: &Para| {
            let mut a = q.block;
            for _ in 0..MAX_CARD_DEPTH {
                if doc.node(a).parent == parent {
                    return a == heading || cards.binary_search(&a).is_ok();
                }
                match doc.node(a).parent {
                    Some(p) => a = p,
                    None => return false,
                }
            }
            false
        };
        if paragraphs[i..].iter().all(in_list) && !in_list(&paragraphs[i - 1]) {
            return Some((i, heading));
        }
    }
    None
}

/// The closing heading over `block`'s card: `block` itself, or the element right before
/// `block` or one of its ancestors (up to [`MAX_CARD_DEPTH`] levels, below `root`), when that
/// is a heading reading as a closing line.
fn list_heading(doc: &Document, stats: &Stats, root: NodeId, block: NodeId) -> Option<NodeId> {
    let mut a = block;
    for _ in 0..MAX_CARD_DEPTH {
        if a == root {
            return None;
        }
        let mut h = Some(a);
        if heading_level(doc.tag(a)).is_none() {
            // The element before `a`, skipping text and comments.
            h = doc.node(a).prev_sibling;
            while let Some(p) = h.filter(|&p| doc.element(p).is_none()) {
                h = doc.node(p).prev_sibling;
            }
        }
        if let Some(h) = h.filter(|&h| {
            heading_level(doc.tag(h)).is_some()
                && is_closing_line(
                    &collapse_whitespace(&doc.text_content_prefix(h, 4 * MAX_ORPHAN_HEADING_CHARS)),
                    stats.get(h).chars,
                )
        }) {
            return Some(h);
        }
        a = doc.node(a).parent?;
    }
    None
}

/// The first word of an element's `class`.
fn first_class(doc: &Document, n: NodeId) -> Option<&str> {
    doc.attr(n, "class")?.split_ascii_whitespace().next()
}

/// Elements of the article's text that are about the page, not the story, and are left out:
/// at its end, a list of teaser cards under a closing heading ([`closing_card_list`]), a closing
/// box (its title and short lines, or an author's bio), headings whose bodies were left out,
/// calls to action, rights notices, credits, contact and comment lines, back links and
/// disclosures; inside it, closing-line titles; at its start, disclosures. An article that
/// would be left empty is left whole.
fn lines_about_the_page(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    paragraphs: &[Para],
) -> Vec<NodeId> {
    // Walking backwards up to the last text that is neither. Headings that read like
    // sentences are prose set large (pull quotes); an article of these only is left alone.
    let mut out = Vec::new();
    let mut dropped = 0;
    // Everything dropped leaves the article as it was: counted against all its paragraphs.
    let total = paragraphs.len();
    let paragraphs = match closing_card_list(doc, stats, root, paragraphs) {
        Some((i, heading)) => {
            // The list's paragraphs (the text leaves out by paragraph), the heading and every
            // sibling after it (the HTML leaves out by subtree).
            for q in &paragraphs[i..] {
                leave_out(doc, q, &mut out);
                out.push(q.block);
            }
            out.push(heading);
            let mut next = doc.node(heading).next_sibling;
            while let Some(n) = next {
                out.push(n);
                next = doc.node(n).next_sibling;
            }
            dropped = paragraphs.len() - i;
            &paragraphs[..i]
        }
        None => paragraphs,
    };
    let own = |p: &Para| own_chars(stats, p, root);
    let closing_line = |p: &Para| own(p).is_some_and(|c| is_closing_line(&p.text, c));
    // A closing line followed by short lines only (a contact or further-reading box) goes
    // with them.
    let short = |q: &Para| {
        own(q).is_some_and(|c| c <= MAX_CLOSING_BOX_LINE_CHARS)
            && q.text.chars().count() <= MAX_CLOSING_BOX_LINE_CHARS as usize
            && !q.text.ends_with(['.', '!', '。', '！'])
    };
    // An author box: its title, then the author's bio, a paragraph or two of prose.
    let bio = |i: usize| {
        let rest = &paragraphs[i + 1..];
        !rest.is_empty()
            && rest.len() <= MAX_AUTHOR_BOX_PARAGRAPHS
            && rest.iter().all(|q| own(q).is_some())
            && rest.iter().map(|q| q.text.chars().count()).sum::<usize>() <= MAX_AUTHOR_BOX_CHARS
            && crate::summary::has_word(AUTHOR_BOX_TITLES, &closing_key(&paragraphs[i].text))
    };
    let mut end = paragraphs.len();
    let first = paragraphs.len().saturating_sub(MAX_CLOSING_BOX_LINES + 1);
    for (i, p) in paragraphs.iter().enumerate().skip(first).rev() {
        if closing_line(p) && i > 0 && (bio(i) || paragraphs[i + 1..].iter().all(short)) {
            for q in &paragraphs[i..] {
                leave_out(doc, q, &mut out);
            }
            dropped += paragraphs.len() - i;
            end = i;
            break;
        }
        // Past a long line only an author box's title can still come.
        if !short(p) && i + MAX_AUTHOR_BOX_PARAGRAPHS < paragraphs.len() {
            break;
        }
    }
    for p in paragraphs[..end].iter().rev() {
        if closing_line(p) {
            leave_out(doc, p, &mut out);
            dropped += 1;
            continue;
        }
        match (p.heading, own(p)) {
            (Some(h), _)
                if p.text.chars().count() <= MAX_ORPHAN_HEADING_CHARS
                    && !p.text.ends_with(['.', '!', '?', '。', '！', '？']) =>
            {
                out.push(h)
            }
            (Some(_), _) => return Vec::new(),
            (None, Some(c)) if is_closing_prompt(stats, p, root) || is_page_line(&p.text, c) => {
                leave_out(doc, p, &mut out)
            }
            (None, _) => break,
        }
        dropped += 1;
    }
    // Inside the article, a closing line is the title of a box (further information,
    // contacts, sources): the title goes; what follows it may be the story's, and stays.
    for p in paragraphs[..end].iter().filter(|p| closing_line(p)) {
        leave_out(doc, p, &mut out);
    }
    // A disclosure may open the article too (before its first paragraph of story).
    for p in paragraphs.iter().take(MAX_LEADING_DISCLOSURES) {
        if !own(p).is_some_and(|c| is_disclosure(&p.text.to_lowercase(), c)) {
            break;
        }
        leave_out(doc, p, &mut out);
        dropped += 1;
    }
    if dropped >= total {
        return Vec::new();
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What leaving a paragraph out drops: its heading or block, or for a loose line the block's
/// children that make it.
fn leave_out(doc: &Document, p: &Para, out: &mut Vec<NodeId>) {
    match p.line {
        Some((first, last)) => {
            let mut n = Some(first);
            while let Some(c) = n {
                out.push(c);
                n = if c == last {
                    None
                } else {
                    doc.node(c).next_sibling
                };
            }
        }
        None => out.push(p.heading.unwrap_or(p.block)),
    }
}

/// What the article's text and its HTML are both made from: its parts (`parts`) and the
/// nodes left out as lines about the page (`lines_about_the_page`). Found once for both.
pub struct Layout {
    parts: Vec<NodeId>,
    /// Sorted.
    drops: Vec<NodeId>,
}

/// The article's text as paragraphs (whitespace folded, empty ones dropped, lines about the
/// page rather than the story left out), and the layout [`layout_html`] renders as the
/// article's HTML.
pub fn paragraphs_and_layout(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
    description: Option<&str>,
) -> (Vec<String>, Layout) {
    let parts = parts(doc, stats, root, flagged, description);
    let paras = collect(doc, stats, &parts, flagged);
    let drops = lines_about_the_page(doc, stats, root, &paras);
    let gone = |n: NodeId| drops.binary_search(&n).is_ok();
    let text = paras
        .into_iter()
        .filter(|p| {
            !p.heading.is_some_and(gone)
                && !gone(p.block)
                && !p.line.is_some_and(|(first, _)| gone(first))
        })
        .map(|p| p.text)
        .collect();
    (text, Layout { parts, drops })
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

/// A clean fragment of the article laid out by [`paragraphs_and_layout`]: allow-listed tags,
/// `href`/`src`/`alt`/`title` attributes with safe URLs only, no scripts, handlers or inline
/// styles.
pub fn layout_html(doc: &Document, stats: &Stats, flagged: &[bool], layout: &Layout) -> String {
    let mut out = String::new();
    for &part in &layout.parts {
        // A cousin part dropped whole (a closing notice) goes, as in the text.
        if layout.drops.binary_search(&part).is_err() {
            html_part(doc, stats, part, flagged, &layout.drops, &mut out);
        }
    }
    out
}

/// One part of [`layout_html`], appended to `out`.
fn html_part(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
    orphans: &[NodeId],
    out: &mut String,
) {
    walk(
        doc,
        stats,
        root,
        flagged,
        orphans,
        |n, entering| match &doc.node(n).data {
            NodeData::Text(t) if entering => escape(t, out, false),
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
                            escape(&a.value, out, true);
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
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines_are_whole_lower_case_entries() {
        let lines: Vec<&str> = CLOSING_LINES.split('|').collect();
        assert!(lines.len() > 100);
        for l in lines {
            assert!(
                !l.is_empty() && l == l.trim() && l == l.to_lowercase(),
                "{l:?}"
            );
            assert!(crate::summary::has_word(CLOSING_LINES, l), "{l:?}");
        }
        assert!(!crate::summary::has_word(CLOSING_LINES, "read"));
        // The other packed lists: whole lower-case entries, no line break caught in one.
        for list in [
            CREDIT_LABELS,
            CLOSING_META_STARTS,
            SHORT_META_STARTS,
            DISCLOSURE_PHRASES,
            AUTHOR_BOX_TITLES,
        ] {
            for l in list.split('|') {
                assert!(
                    !l.is_empty() && l == l.trim() && l == l.to_lowercase() && !l.contains('\n'),
                    "{l:?}"
                );
            }
        }
        for title in AUTHOR_BOX_TITLES.split('|') {
            assert!(crate::summary::has_word(CLOSING_LINES, title), "{title:?}");
        }
    }

    #[test]
    fn url_safety() {
        assert!(safe_url("https://a.b/c"));
        assert!(safe_url("/path:with-colon"));
        assert!(safe_url("#frag"));
        assert!(!safe_url("javascript:alert(1)"));
        assert!(!safe_url(" JavaScript:alert(1)"));
        assert!(!safe_url("data:text/html,x"));
    }

    #[cfg(feature = "html")]
    #[test]
    fn article_text_leaves_out_boilerplate_inside_the_root() {
        let prose =
            "A sentence of real article prose, long enough to count, with commas, and more. ";
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><div class=story>\
             <div class=share-bar><a href=#>Share</a> <a href=#>Tweet</a></div>\
             <h1>The headline</h1><p>{p}{p}</p><figure><img src=a.jpg>\
             <figcaption>A caption credit</figcaption></figure><div>{p}<br>{p}{p}</div>\
             <div>Advertisement</div><h2>A subheading</h2><p>{p}{p}{p}</p>\
             <ul class=related><li><a href=/x>Related story one</a></li></ul></div></body></html>",
            p = prose
        );
        let a = crate::analyze(crate::html::parse_html(&html))
            .article
            .expect("an article");
        let text = a.article_text;
        assert!(text.contains("A subheading"), "{text}");
        assert_eq!(text.matches("A sentence").count(), 8, "{text}");
        for gone in [
            "Share",
            "caption",
            "Advertisement",
            "Related",
            "Home",
            "The headline",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(text.contains("\n\n"));
    }

    #[cfg(feature = "html")]
    #[test]
    fn deep_pages_extract_without_recursion() {
        let mut html = String::from("<html><body>");
        for _ in 0..20_000 {
            html.push_str("<div>");
        }
        html.push_str(&"Deep prose, with commas, goes on and on. ".repeat(30));
        let a = crate::analyze(crate::html::parse_html(&html));
        assert!(a
            .article
            .is_some_and(|a| a.article_text.contains("Deep prose")));
    }
}
