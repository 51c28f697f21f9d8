//! The classifier: which element is the article, which blocks are clutter, which page fixes
//! the cleanup needs. Every decision carries its reasons.
//!
//! No single signal decides: a block needs lexicon or vendor evidence for a label, and the
//! evidence is weighed against how much the block looks like prose. Article prose is never
//! flagged: a block holding a real share of the article's paragraphs is left alone whatever
//! its class names say (magazines that wrap their own text in `class="paywall"`).

use crate::dom::{Document, LiveStyle, NodeId, Position};
use crate::features::{token_evidence, NodeStats, Stats, TokenEvidence, PARAGRAPH_MIN_CHARS};
use crate::lexicon::{ARTICLE_WORDS, NON_ARTICLE_WORDS, SCROLL_LOCK_CLASSES};
use crate::model::{Block, Fix, FixKind, Label, Reason, ReasonCode};
use crate::style::parse_inline;
use crate::text::{find_phrases, preview};

// --- Tuning constants (named so the reasons can be read back from the code) -----------------

/// A label needs at least this much weighted evidence to flag a block.
const FLAG_THRESHOLD: f32 = 3.0;
/// ...and must beat the runner-up label by this factor (mixed wrappers are not blocks).
const DOMINANCE: f32 = 1.6;
/// Text up to this length counts phrase evidence fully; longer text is discounted by how much
/// of it the phrases cover (an article paragraph quoting a prompt is not a prompt).
const SHORT_TEXT_CHARS: u32 = 160;
/// Longer text keeps at least this many characters' worth of phrase credit (consent dialogs
/// and sign-up boxes explain themselves at some length).
const LONG_TEXT_CREDIT_CHARS: f32 = 250.0;
/// Inside the article, a block longer than this with no structural or class evidence must be
/// mostly prompt phrases (an article paragraph quoting a prompt is not a prompt).
const ARTICLE_PROSE_CHARS: u32 = 200;
const MIN_PROMPT_DENSITY_IN_ARTICLE: f32 = 0.3;
/// A block inside the article with this share of its text in paragraphs, and links under
/// this density, is prose (see `judge`).
const PROSE_SHARE_OF_BLOCK: f32 = 0.8;
const MAX_PROSE_LINK_DENSITY: f32 = 0.3;
/// Shorter blocks inside the article need a lower, but real, share of prompt phrases.
const SHORT_PROSE_CHARS: u32 = 80;
const MIN_PROMPT_DENSITY_SHORT: f32 = 0.2;
/// Words whose whole-text appearance marks an ad slot's label.
const AD_MARKERS: &[&str] = &[
    "advertisement",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "広告",
    "sponsored",
];
/// Largest block flagged on phrase evidence alone; vendor tokens or a link-dense rail allow
/// more.
const MAX_PROMPT_CHARS: u32 = 1_800;
const MAX_VENDOR_BLOCK_CHARS: u32 = 4_000;
const MAX_RAIL_CHARS: u32 = 12_000;
/// A block holding this share of the article's paragraph text is article, not clutter.
const MAX_ARTICLE_SHARE: f32 = 0.2;
/// z-index above which a layer is "on top of the page".
const HIGH_Z_INDEX: i32 = 1000;
/// Readability-style threshold on Σ sqrt(len - 140) over prose paragraphs.
const READERABLE_SCORE: f32 = 20.0;
/// Runs of 140+ characters count towards it below this link density (news digests link each
/// item's first sentence; the same bound as the article search's).
const READERABLE_UNIT_LINK_DENSITY: f32 = 0.5;
/// Most nodes whose live style the browser is asked for.
pub const MAX_STYLE_PROBES: usize = 600;

/// A share as a whole percentage (integer formatting keeps float printing out of the WASM).
fn percent(share: f32) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Effective style: live (computed) when the browser gave it, else the inline attribute.
pub fn style_of(doc: &Document, id: NodeId) -> LiveStyle {
    let Some(el) = doc.element(id) else {
        return LiveStyle::default();
    };
    if let Some(s) = &el.style {
        return (**s).clone();
    }
    el.attr("style").map(parse_inline).unwrap_or_default()
}

/// A CSS path to `id`: `#id` anchors when the id is plain, `tag:nth-of-type(n)` steps otherwise.
pub fn css_path(doc: &Document, id: NodeId) -> String {
    let mut steps: Vec<String> = Vec::new();
    let mut cur = Some(id);
    while let Some(n) = cur {
        if doc.element(n).is_none() {
            break;
        }
        let tag = doc.tag(n);
        if let Some(i) = doc.attr(n, "id") {
            if !i.is_empty()
                && i.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && !i.starts_with(|c: char| c.is_ascii_digit())
            {
                steps.push(format!("{tag}#{i}"));
                break;
            }
        }
        let parent = doc.node(n).parent;
        let step = match parent {
            Some(p) if matches!(tag, "html" | "body" | "head") || doc.element(p).is_none() => {
                tag.to_string()
            }
            Some(p) => {
                let same: Vec<NodeId> = doc.children(p).filter(|&c| doc.tag(c) == tag).collect();
                if same.len() > 1 {
                    let idx = same.iter().position(|&c| c == n).unwrap_or(0) + 1;
                    format!("{tag}:nth-of-type({idx})")
                } else {
                    tag.to_string()
                }
            }
            None => tag.to_string(),
        };
        steps.push(step);
        cur = parent;
    }
    steps.reverse();
    steps.join(" > ")
}

// --- Article detection ---------------------------------------------------------------------

fn class_weight(doc: &Document, id: NodeId) -> f32 {
    let raw = crate::features::token_text(doc, id);
    let mut w = 0.0;
    let words: Vec<String> = crate::features::class_words(&raw).collect();
    if words
        .iter()
        .any(|x| NON_ARTICLE_WORDS.contains(&x.as_str()))
    {
        w -= 25.0;
    }
    if words.iter().any(|x| ARTICLE_WORDS.contains(&x.as_str())) {
        w += 25.0;
    }
    if doc.attr(id, "itemprop") == Some("articleBody") {
        w += 30.0;
    }
    w
}

fn tag_weight(tag: &str) -> f32 {
    match tag {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Elements that are never the article's container.
fn is_chrome_landmark(doc: &Document, id: NodeId) -> bool {
    matches!(doc.tag(id), "nav" | "footer" | "header" | "aside" | "form")
        || matches!(
            doc.attr(id, "role"),
            Some(
                "navigation"
                    | "banner"
                    | "contentinfo"
                    | "complementary"
                    | "dialog"
                    | "alertdialog"
                    | "menu"
                    | "menubar"
            )
        )
}

/// Class/id words of regions that are unlikely to hold the article (Readability's
/// `unlikelyCandidates`), unless a word of [`MAYBE_ARTICLE_WORDS`] is there too.
const UNLIKELY_WORDS: &[&str] = &[
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "disqus",
    "footer",
    "gdpr",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
];
const MAYBE_ARTICLE_WORDS: &[&str] = &["and", "article", "body", "column", "content", "main"];

/// A region the article search skips: chrome landmarks and unlikely class names, unless the
/// region holds most of the page's paragraph text.
fn is_unlikely(doc: &Document, stats: &Stats, id: NodeId, body_para_chars: u32) -> bool {
    // Hidden from assistive technology: a closed dialog or a template, whatever it holds.
    if doc.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    let holds_prose = {
        let s = stats.get(id);
        s.para_chars * 2 > body_para_chars && body_para_chars > 0
    };
    if is_chrome_landmark(doc, id) {
        // ASP.NET pages wrap the whole page in one <form>.
        return !holds_prose;
    }
    let raw = crate::features::token_text(doc, id);
    if raw.is_empty() || matches!(doc.tag(id), "a" | "body") {
        return false;
    }
    let mut unlikely = false;
    for w in crate::features::class_words(&raw) {
        if MAYBE_ARTICLE_WORDS.contains(&w.as_str()) {
            return false;
        }
        unlikely |= UNLIKELY_WORDS.contains(&w.as_str());
    }
    unlikely && !holds_prose
}

/// Content that does not end a paragraph (Readability's phrasing content).
fn is_phrasing(tag: &str) -> bool {
    crate::dom::is_inline(tag) || matches!(tag, "br" | "img" | "picture" | "label")
}

/// A run of phrasing content: what Readability scores as one paragraph.
struct TextUnit {
    /// The element the unit's score goes to first: the unit's own element's parent when the
    /// element holds nothing but phrasing content (a `<p>`, a `<div>` of text and `<br>`),
    /// else the element holding the run.
    container: NodeId,
    chars: u32,
    link_chars: u32,
    commas: u32,
}

impl TextUnit {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Calls `f` for every text unit below `root`, skipping excluded subtrees and elements
/// `prune` rejects. Linear in the subtree size and iterative.
fn text_units(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    prune: impl Fn(NodeId) -> bool,
    mut f: impl FnMut(TextUnit),
) {
    let mut order: Vec<NodeId> = Vec::new();
    let mut kept = vec![false; doc.len()];
    let mut walk = doc.descendants(root);
    while let Some(n) = walk.next() {
        let s = stats.get(n);
        let element = doc.element(n).is_some();
        if s.excluded || (element && (s.chars == 0 || (n != root && prune(n)))) {
            walk.skip_children();
            continue;
        }
        kept[n.index()] = true;
        if element {
            order.push(n);
        }
    }
    // Blocky: not phrasing, or phrasing around a block (a link wrapping a card).
    let mut blocky = vec![false; doc.len()];
    for &n in order.iter().rev() {
        if !is_phrasing(doc.tag(n)) {
            blocky[n.index()] = true;
        }
        if blocky[n.index()] && n != root {
            if let Some(p) = doc.node(n).parent {
                blocky[p.index()] = true;
            }
        }
    }
    for &b in &order {
        if !blocky[b.index()] {
            continue;
        }
        let mut runs: Vec<(u32, u32, u32)> = Vec::new();
        let mut cur = (0u32, 0u32, 0u32);
        let mut split = false;
        for c in doc.children(b) {
            let is_el = doc.element(c).is_some();
            if !kept[c.index()] {
                if is_el && !is_phrasing(doc.tag(c)) {
                    split = true;
                    runs.push(std::mem::take(&mut cur));
                }
                continue;
            }
            if is_el && blocky[c.index()] {
                split = true;
                runs.push(std::mem::take(&mut cur));
                continue;
            }
            let s = stats.get(c);
            cur.0 += s.chars;
            cur.1 += s.link_chars;
            cur.2 += s.commas;
        }
        runs.push(cur);
        let whole = !split && b != root;
        for (chars, link_chars, commas) in runs {
            if chars == 0 {
                continue;
            }
            let container = if whole {
                doc.node(b).parent.unwrap_or(b)
            } else {
                b
            };
            f(TextUnit {
                container,
                chars,
                link_chars,
                commas,
            });
        }
    }
}

/// Shortest text unit that scores.
const MIN_UNIT_CHARS: u32 = 25;
/// Ancestors a unit's score reaches (Readability: 5).
const SCORE_LEVELS: usize = 5;
/// Top candidates compared for a common ancestor, the share of the top score they need, and
/// how many must share it.
const TOP_CANDIDATES: usize = 5;
const ALTERNATIVE_SHARE: f32 = 0.75;
const MIN_ALTERNATIVES: usize = 3;

/// Picks the element that holds the article, Readability-style: runs of text score their
/// ancestors (a `<p>` its parent fully, its grandparent half, ...); the best container wins,
/// then grows to a shared ancestor of near-equal candidates, to a parent that scores higher,
/// and over siblings that are article too. Returns `None` when the page has no prose.
pub fn find_article(doc: &Document, stats: &Stats) -> Option<NodeId> {
    let body = doc.body()?;
    let body_para = stats.get(body).para_chars;
    let mut score: Vec<f32> = vec![0.0; doc.len()];
    let mut weight: Vec<f32> = vec![0.0; doc.len()];
    let mut seen: Vec<bool> = vec![false; doc.len()];
    let mut touched: Vec<NodeId> = Vec::new();
    text_units(
        doc,
        stats,
        body,
        |n| is_unlikely(doc, stats, n, body_para),
        |u| {
            if u.chars < MIN_UNIT_CHARS || u.link_density() > 0.5 {
                return;
            }
            let content = 2.0 + u.commas.min(30) as f32 + ((u.chars / 100) as f32).min(3.0);
            let mut anc = Some(u.container);
            for level in 0..SCORE_LEVELS {
                let Some(a) = anc else { break };
                if doc.element(a).is_none() {
                    break;
                }
                anc = doc.node(a).parent;
                if doc.tag(a) == "html" {
                    continue;
                }
                if !seen[a.index()] {
                    seen[a.index()] = true;
                    weight[a.index()] = tag_weight(doc.tag(a)) + class_weight(doc, a);
                    touched.push(a);
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                score[a.index()] += content / div;
            }
        },
    );
    for &c in &touched {
        // A promising class name cannot make up for missing text: a positive weight counts
        // up to the text's own score (a 90-character "content-item" is not the article).
        let (w, content) = (weight[c.index()], score[c.index()]);
        score[c.index()] =
            (w.min(content.max(10.0)) + content) * (1.0 - stats.get(c).link_density());
    }
    let final_score = |n: NodeId| score[n.index()];
    let scores: Vec<f32> = touched.iter().map(|&n| final_score(n)).collect();
    let touched: Vec<NodeId> = crate::text::order_by_score_desc(&scores)
        .into_iter()
        .map(|i| touched[i])
        .collect();
    let mut top = *touched.first()?;
    if top == body {
        return Some(body);
    }
    let top_score = final_score(top);
    // Several near-equal candidates under one ancestor: the ancestor is the article (pages that
    // split the text into sibling blocks).
    let alternatives: Vec<NodeId> = touched
        .iter()
        .skip(1)
        .take(TOP_CANDIDATES - 1)
        .copied()
        .filter(|&c| final_score(c) >= ALTERNATIVE_SHARE * top_score)
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut p = doc.node(top).parent;
        while let Some(a) = p {
            if a == body || doc.element(a).is_none() {
                break;
            }
            if alternatives.iter().filter(|&&c| doc.contains(a, c)).count() >= MIN_ALTERNATIVES {
                top = a;
                break;
            }
            p = doc.node(a).parent;
        }
    }
    // Climb while a parent scores higher (its own paragraphs plus ours).
    let mut last = final_score(top);
    let threshold = last / 3.0;
    let mut p = doc.node(top).parent;
    while let Some(a) = p {
        if a == body || doc.element(a).is_none() {
            break;
        }
        let s = final_score(a);
        if s > 0.0 {
            if s < threshold {
                break;
            }
            if s > last {
                top = a;
                break;
            }
            last = s;
        }
        p = doc.node(a).parent;
    }
    // A lone child is its parent's content.
    while let Some(p) = doc.node(top).parent {
        if p == body || doc.element(p).is_none() || is_chrome_landmark(doc, p) {
            break;
        }
        let elements = doc
            .children(p)
            .filter(|&c| doc.element(c).is_some() && stats.get(c).chars > 0)
            .count();
        if elements != 1 {
            break;
        }
        top = p;
    }
    // Siblings that are article too (Readability appends them): take the parent when they
    // are most of what the parent adds.
    while let Some(p) = doc.node(top).parent {
        if p == body || doc.element(p).is_none() || is_chrome_landmark(doc, p) {
            break;
        }
        let ts = final_score(top).max(0.0);
        let sibling_threshold = (ts * 0.2).max(10.0);
        let top_class = doc.attr(top, "class").unwrap_or("");
        let (mut merged, mut rest) = (0u32, 0u32);
        let mut before = true;
        for c in doc.children(p) {
            if c == top {
                before = false;
                continue;
            }
            if doc.element(c).is_none() {
                continue;
            }
            let s = stats.get(c);
            // What extraction leaves out anyway (captions, share bars, link lists) neither
            // joins the article nor keeps the parent from being it.
            if s.excluded || s.chars == 0 || crate::extract::is_boilerplate(doc, stats, c, p) {
                continue;
            }
            let bonus = if !top_class.is_empty() && doc.attr(c, "class") == Some(top_class) {
                ts * 0.2
            } else {
                0.0
            };
            let ld = s.link_density();
            // A `<div>` of phrasing content only is a paragraph too (`<div class=paragraph>`).
            let paragraph = matches!(doc.tag(c), "p" | "blockquote" | "pre")
                || (doc.tag(c) == "div"
                    && doc
                        .children(c)
                        .all(|k| doc.element(k).is_none_or(|e| is_phrasing(&e.name))));
            let prose = (paragraph
                && ((s.chars > 80 && ld < 0.25)
                    || (s.chars <= 80 && ld == 0.0 && ends_sentence(&doc.text_content(c)))))
                || (s.para_chars as f32 >= SIBLING_PROSE_SHARE * s.chars as f32
                    && (before || (s.paragraphs >= 2 && s.links * 2 <= s.paragraphs))
                    && ld < 0.25);
            let append = !is_unlikely(doc, stats, c, body_para)
                && (final_score(c) + bonus >= sibling_threshold || prose);
            if append {
                merged += s.chars;
            } else {
                rest += s.chars;
            }
        }
        let own = stats.get(top).chars;
        if merged > 0 && (rest as f32) <= 0.15 * (own + merged) as f32 {
            top = p;
        } else {
            break;
        }
    }
    Some(top)
}

/// Levels above the article root searched for cousin blocks of prose.
const COUSIN_LEVELS: usize = 6;
/// A cousin block joins the article with this much paragraph text, making up this share of
/// its text, at most this link density.
const COUSIN_MIN_PARA_CHARS: u32 = 80;
const COUSIN_PROSE_SHARE: f32 = 0.6;
const COUSIN_MAX_LINK_DENSITY: f32 = 0.3;
/// A heading right before a cousin (or the root's block) joins it up to this length.
const COUSIN_MAX_HEADING_CHARS: u32 = 200;

/// Blocks of prose outside the article root that belong to it: page builders put a post's
/// sections in separate widgets, and the root is the biggest of them. Climbs a few levels from
/// the root and keeps, at each, the sibling blocks that are paragraphs of prose (not chrome,
/// not unlikely by class, not boilerplate, not flagged; right under the body, three paragraphs
/// or more, since notices and banners sit there). An article's own `<header>` before the root
/// (not the page's: not under the body, no landmark role) counts too, for its lead paragraph;
/// its title and byline are left out by the extraction. Returns the blocks before the root
/// and after it, each in document order. Linear in the siblings visited.
pub fn article_cousins(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    flagged: &[bool],
) -> (Vec<NodeId>, Vec<NodeId>) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let Some(body) = doc.body() else {
        return (before, after);
    };
    let body_para = stats.get(body).para_chars;
    let mut cur = root;
    for _ in 0..COUSIN_LEVELS {
        let Some(p) = doc.node(cur).parent else {
            break;
        };
        if cur == body || doc.element(p).is_none() || is_chrome_landmark(doc, p) {
            break;
        }
        // Blocks right under the body need more (notices and banners sit there).
        let min_paragraphs = if p == body { 3 } else { 1 };
        let mut level_before = Vec::new();
        let mut seen_cur = false;
        // The level's children with text, and which join: a heading joins with the block
        // right after it (a section title over a cousin, or over the root's own block).
        let kids: Vec<NodeId> = doc
            .children(p)
            .filter(|&c| doc.element(c).is_some() && stats.get(c).chars > 0)
            .collect();
        let mut take = vec![false; kids.len()];
        for (i, &c) in kids.iter().enumerate() {
            if c == cur {
                seen_cur = true;
                continue;
            }
            let s = stats.get(c);
            // `kids` holds elements only.
            let prose = !s.excluded
                && s.paragraphs >= min_paragraphs
                && (s.paragraphs >= 2 || (s.media == 0 && s.hit_chars == 0))
                && s.hit_density() < 0.1
                && s.para_chars >= COUSIN_MIN_PARA_CHARS
                && s.para_chars as f32 >= COUSIN_PROSE_SHARE * s.chars as f32
                && s.link_density() <= COUSIN_MAX_LINK_DENSITY
                && !flagged.get(c.index()).copied().unwrap_or(false)
                && ((!seen_cur
                    && p != body
                    && doc.tag(c) == "header"
                    && doc.attr(c, "role").is_none())
                    || (!is_chrome_landmark(doc, c) && !is_unlikely(doc, stats, c, body_para)))
                && !crate::extract::is_boilerplate(doc, stats, c, p);
            // After the article, one-paragraph notes (comment rules, "originally published
            // at", bios) and teaser lists (a link per paragraph) are not article.
            take[i] = prose && (!seen_cur || (s.paragraphs >= 2 && s.links * 2 <= s.paragraphs));
        }
        for i in (0..kids.len()).rev() {
            let c = kids[i];
            let s = stats.get(c);
            if !take[i]
                && c != cur
                && matches!(doc.tag(c), "h2" | "h3" | "h4" | "h5" | "h6")
                && s.chars <= COUSIN_MAX_HEADING_CHARS
                && s.link_density() < 0.5
                && !flagged.get(c.index()).copied().unwrap_or(false)
            {
                take[i] = kids.get(i + 1).is_some_and(|&n| n == cur || take[i + 1]);
            }
        }
        let mut seen_cur = false;
        for (i, &c) in kids.iter().enumerate() {
            if c == cur {
                seen_cur = true;
            } else if take[i] {
                if seen_cur {
                    after.push(c);
                } else {
                    level_before.push(c);
                }
            }
        }
        level_before.append(&mut before);
        before = level_before;
        cur = p;
    }
    (before, after)
}

/// A sibling block of two or more paragraphs, at least this share of its text, with at most
/// one link per two paragraphs, is article prose whatever it scored (wrappers nested deeper
/// than the top candidate's dilute scores). One-paragraph blurbs (forum invitations, comment
/// rules) and teaser lists (a link per item) are not.
const SIBLING_PROSE_SHARE: f32 = 0.6;

/// A short article: this much text in runs of prose, making up most of the root's text (a
/// brief news item or blog post, not a listing of teasers).
const SHORT_ARTICLE_CHARS: u32 = 300;
const SHORT_PROSE_UNIT_CHARS: u32 = 40;

/// On a page that declares itself an article (see [`declares_article`]), a short post: this
/// much text in runs of prose, at least a quarter of the root's text outside links (a
/// two-paragraph blog post or news brief under a long byline, tag and share block), or beside
/// [`DECLARED_PARAGRAPH_CHARS`] of paragraphs (show notes over a long chapter list).
const DECLARED_SHORT_ARTICLE_CHARS: u32 = 100;
const DECLARED_PARAGRAPH_CHARS: u32 = 200;

/// Schema.org types of a single article, recipe or how-to (JSON-LD `@type` or microdata
/// `itemtype`); any type ending in "Article" counts too (`NewsArticle`, `TechArticle`).
const ARTICLE_SCHEMA_TYPES: &[&str] = &[
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "Recipe",
    "HowTo",
];

fn is_article_schema_type(name: &str) -> bool {
    let name = name.trim().rsplit(['/', ':']).next().unwrap_or("");
    (name.ends_with("Article") && name != "ListArticle") || ARTICLE_SCHEMA_TYPES.contains(&name)
}

/// Whether the page says it is one article: `og:type` "article", or a schema.org article,
/// blog post, recipe or how-to in JSON-LD or microdata. Listings and home pages say "website".
fn declares_article(doc: &Document) -> bool {
    doc.descendants(NodeId::ROOT).any(|n| {
        let Some(el) = doc.element(n) else {
            return false;
        };
        let og_article = el.name == "meta"
            && el.attr("property") == Some("og:type")
            && el
                .attr("content")
                .is_some_and(|c| c.trim().eq_ignore_ascii_case("article"));
        let jsonld_article = el.name == "script"
            && el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            && {
                // Read as the metadata reads JSON-LD: parsed, every object of it (graphs and
                // nested objects included).
                let text: String = doc.children(n).filter_map(|c| doc.node(c).text()).collect();
                crate::json::parse(&text).is_some_and(|v| {
                    crate::metadata::jsonld::objects(&v)
                        .iter()
                        .any(|(_, o)| crate::metadata::jsonld::types(o).any(is_article_schema_type))
                })
            };
        og_article
            || jsonld_article
            || el
                .attr("itemtype")
                .is_some_and(|t| t.split_whitespace().any(is_article_schema_type))
    })
}

/// Text ending like a sentence (Readability's short-paragraph test).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}

/// Readability's `isProbablyReaderable` on the chosen root: enough runs of real prose, counted
/// as Σ sqrt(len − 140) over text units of 140+ characters.
pub fn is_readerable(doc: &Document, stats: &Stats, root: NodeId) -> bool {
    let body_para = doc.body().map_or(0, |b| stats.get(b).para_chars);
    let mut total = 0.0f32;
    let mut prose_chars = 0u32;
    text_units(
        doc,
        stats,
        root,
        |n| is_unlikely(doc, stats, n, body_para),
        |u| {
            if u.chars >= 140 && u.link_density() < READERABLE_UNIT_LINK_DENSITY {
                total += ((u.chars - 140) as f32).sqrt();
            }
            if u.chars >= SHORT_PROSE_UNIT_CHARS && u.link_density() < 0.35 {
                prose_chars += u.chars;
            }
        },
    );
    // CJK prose packs more into fewer characters.
    let cjk = {
        let mut seen = 0;
        let mut cjk = 0;
        for n in doc.descendants(root) {
            if let Some(t) = doc.node(n).text() {
                for c in t.chars().filter(|c| !c.is_whitespace()) {
                    seen += 1;
                    cjk += usize::from(crate::text::is_cjk(c));
                }
                if seen >= 400 {
                    break;
                }
            }
        }
        cjk > 100
    };
    let rs = stats.get(root);
    total >= READERABLE_SCORE
        || (rs.paragraphs >= 3 && rs.para_chars >= 500)
        || (prose_chars >= SHORT_ARTICLE_CHARS && prose_chars * 2 >= rs.chars)
        || (cjk && rs.chars - rs.link_chars >= 300)
        || (prose_chars >= DECLARED_SHORT_ARTICLE_CHARS
            && (prose_chars * 4 >= rs.chars - rs.link_chars
                || rs.para_chars >= DECLARED_PARAGRAPH_CHARS)
            && declares_article(doc))
}

// --- Clutter detection ---------------------------------------------------------------------

/// The evidence for one element, all labels at once.
struct Evidence {
    scores: [f32; Label::CLUTTER.len()],
    reasons: Vec<(Label, Reason)>,
    generic: Vec<Reason>,
}

impl Evidence {
    fn new() -> Self {
        Evidence {
            scores: [0.0; Label::CLUTTER.len()],
            reasons: Vec::new(),
            generic: Vec::new(),
        }
    }

    fn add(&mut self, label: Label, w: f32, code: ReasonCode, detail: String) {
        if let Some(i) = label.clutter_index() {
            self.scores[i] += w;
            self.reasons.push((label, Reason { code, detail }));
        }
    }

    fn best(&self) -> (Label, f32, f32) {
        let order = crate::text::order_by_score_desc(&self.scores);
        (
            Label::CLUTTER[order[0]],
            self.scores[order[0]],
            self.scores[order[1]],
        )
    }
}

/// Context the detector needs about the page.
pub struct PageContext {
    pub article: Option<NodeId>,
    /// The page is wrapped by an aggregator (its phrases add up across the page): its
    /// subscription upsells are the platform's, not the publisher's paywall.
    pub aggregator_page: bool,
    pub article_para_chars: u32,
    pub body: Option<NodeId>,
}

fn describe_style(style: &LiveStyle, ev: &mut Evidence) -> f32 {
    let mut w = 0.0;
    if matches!(style.position, Position::Fixed | Position::Sticky) {
        let what = if style.position == Position::Fixed {
            "fixed"
        } else {
            "sticky"
        };
        ev.generic.push(Reason {
            code: ReasonCode::FixedPosition,
            detail: format!("{what} layer"),
        });
        w += 1.5;
    }
    if style.viewport_coverage >= 0.5 {
        ev.generic.push(Reason {
            code: ReasonCode::CoversViewport,
            detail: format!(
                "covers {}% of the viewport",
                percent(style.viewport_coverage)
            ),
        });
        w += 1.5;
    }
    if style.z_index >= HIGH_Z_INDEX {
        ev.generic.push(Reason {
            code: ReasonCode::HighZIndex,
            detail: format!("z-index {}", style.z_index),
        });
        w += 0.5;
    }
    w
}

/// Whether `id` has a heading (h1–h6) among its first few descendants.
fn has_heading(doc: &Document, id: NodeId) -> bool {
    doc.descendants(id)
        .take(12)
        .any(|n| matches!(doc.tag(n), "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// Weighs the evidence for element `id`.
fn weigh(doc: &Document, stats: &Stats, id: NodeId, ctx: &PageContext) -> Evidence {
    let s = stats.get(id);
    let mut ev = Evidence::new();
    let tokens = token_evidence(doc, id);

    // Lexicon: full weight on short text, discounted by phrase coverage on longer text.
    let discount = if s.chars <= SHORT_TEXT_CHARS {
        1.0
    } else {
        (s.hit_density() * 3.0)
            .max(LONG_TEXT_CREDIT_CHARS / s.chars as f32)
            .min(1.0)
    };
    for label in Label::CLUTTER {
        let w = s.hit(label) as f32;
        if w > 0.0 {
            let capped = w.min(9.0) * discount;
            ev.add(label, capped, ReasonCode::Phrase, String::new());
        }
    }
    add_token_evidence(&tokens, &mut ev);

    // Structure: counts only toward labels that already have evidence.
    let style = style_of(doc, id);
    let mut structure = describe_style(&style, &mut ev);
    let role = doc.attr(id, "role").unwrap_or("");
    if doc.tag(id) == "dialog"
        || matches!(role, "dialog" | "alertdialog")
        || doc.attr(id, "aria-modal") == Some("true")
    {
        ev.generic.push(Reason {
            code: ReasonCode::DialogRole,
            detail: "dialog".into(),
        });
        structure += 1.5;
    }
    if tokens.overlay {
        structure += 1.0;
    }
    if s.email_inputs > 0 {
        ev.add(
            Label::Newsletter,
            2.0,
            ReasonCode::EmailForm,
            "asks for an e-mail address".into(),
        );
    }
    if s.buttons > 0 && s.chars < 600 {
        structure += 0.5;
        ev.generic.push(Reason {
            code: ReasonCode::CallToAction,
            detail: format!("{} button(s)", s.buttons),
        });
    }
    let link_dense = s.links >= 2 && s.link_density() >= 0.5 && s.chars >= 20;
    if link_dense {
        let detail = format!(
            "{} links, {}% link text",
            s.links,
            percent(s.link_density())
        );
        let outside = ctx
            .article
            .is_none_or(|a| !doc.contains(id, a) && !doc.contains(a, id));
        let rail = [Label::Related, Label::Nav, Label::Ad]
            .into_iter()
            .filter(|l| l.clutter_index().is_some_and(|i| ev.scores[i] > 0.0))
            .max_by(|a, b| {
                let (i, j) = (
                    a.clutter_index().unwrap_or(0),
                    b.clutter_index().unwrap_or(0),
                );
                ev.scores[i].total_cmp(&ev.scores[j])
            });
        match rail {
            Some(label) => ev.add(label, 2.0, ReasonCode::LinkDense, detail),
            // A headed list of links next to the article is a rail of teasers.
            None if outside
                && has_heading(doc, id)
                && !matches!(doc.tag(id), "header" | "footer" | "nav") =>
            {
                ev.add(Label::Related, 3.0, ReasonCode::LinkDense, detail)
            }
            None => {}
        }
    }
    // A block whose whole text is "Advertisement" is an ad slot's label.
    if s.chars > 0 && s.chars <= 40 {
        let text = crate::text::lower(&doc.text_content(id));
        let mut words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .peekable();
        if words.peek().is_some() && words.all(|w| AD_MARKERS.contains(&w)) {
            ev.add(Label::Ad, 3.0, ReasonCode::Phrase, "ad slot label".into());
        }
    }
    if matches!(doc.tag(id), "amp-ad" | "amp-embed" | "amp-sticky-ad") {
        ev.add(
            Label::Ad,
            4.0,
            ReasonCode::VendorToken,
            format!("<{}>", doc.tag(id)),
        );
    }
    // Landmarks: site chrome.
    let tag = doc.tag(id);
    let landmark_role = matches!(role, "navigation" | "banner" | "contentinfo");
    // `<header>`/`<footer>` inside the article's own container are its headline and credits.
    let in_content = doc
        .ancestors(id)
        .any(|a| matches!(doc.tag(a), "article" | "main") || doc.attr(a, "role") == Some("main"))
        || ctx
            .article
            .and_then(|a| doc.node(a).parent)
            .filter(|&p| !matches!(doc.tag(p), "body" | "html"))
            .is_some_and(|p| doc.contains(p, id));
    let sectioning = match tag {
        "nav" => true,
        "footer" => !in_content,
        "header" => !in_content && s.links >= 3,
        _ => false,
    };
    if (sectioning || landmark_role) && ctx.article.is_none_or(|a| !doc.contains(id, a)) {
        ev.add(
            Label::Nav,
            4.0,
            ReasonCode::Landmark,
            format!("<{tag}> landmark"),
        );
    }
    // Prompts interrupting or following the article.
    if let Some(a) = ctx.article {
        if doc.contains(a, id) && id != a && s.chars < 400 {
            ev.generic.push(Reason {
                code: ReasonCode::InsideArticle,
                detail: "interrupts the article".into(),
            });
        }
    }
    if ctx.aggregator_page {
        let (p, a) = (
            Label::Paywall.clutter_index().unwrap_or(0),
            Label::Aggregator.clutter_index().unwrap_or(0),
        );
        if ev.scores[a] > 0.0 && ev.scores[a] * 2.0 >= ev.scores[p] {
            ev.scores[a] += ev.scores[p];
            ev.scores[p] = 0.0;
            for (l, _) in ev.reasons.iter_mut() {
                if *l == Label::Paywall {
                    *l = Label::Aggregator;
                }
            }
        }
    }
    if structure > 0.0 {
        let (label, best, _) = ev.best();
        if best > 0.0 && label != Label::Nav && label != Label::Related {
            if let Some(i) = label.clutter_index() {
                ev.scores[i] += structure;
            }
        }
    }
    ev
}

fn add_token_evidence(tokens: &TokenEvidence, ev: &mut Evidence) {
    for (label, token) in &tokens.vendor {
        ev.add(*label, 3.0, ReasonCode::VendorToken, format!("'{token}'"));
    }
    for (label, word) in &tokens.words {
        if tokens.vendor.iter().any(|(l, _)| l == label) {
            continue;
        }
        ev.add(*label, 1.5, ReasonCode::ClassToken, format!("'{word}'"));
    }
}

/// The phrases of `label` found in the text of `id`, for the human reason.
fn phrases_in(doc: &Document, id: NodeId, label: Label, max: usize) -> Vec<&'static str> {
    let mut hits = Vec::new();
    // `find_phrases` reads only the start of a text: copy no more of the block than that.
    let text = doc.text_content_prefix(id, crate::text::MAX_PHRASE_SCAN_BYTES);
    find_phrases(&text, &mut hits);
    let mut out: Vec<&'static str> = Vec::new();
    for h in hits {
        if h.label == label {
            let p = crate::lexicon::PHRASES[h.phrase].0;
            if !out.contains(&p) {
                out.push(p);
            }
        }
        if out.len() >= max {
            break;
        }
    }
    out
}

/// Share of the article's paragraph text inside `id`.
fn article_share(doc: &Document, stats: &Stats, id: NodeId, ctx: &PageContext) -> f32 {
    let Some(a) = ctx.article else {
        return 0.0;
    };
    if ctx.article_para_chars == 0 {
        return 0.0;
    }
    if doc.contains(id, a) {
        return 1.0;
    }
    if doc.contains(a, id) {
        return stats.get(id).para_chars as f32 / ctx.article_para_chars as f32;
    }
    0.0
}

/// Cheap test before [`weigh`]: an element with no lexicon hit, no class/id/role/data
/// attribute, no style, no form field, no landmark tag and no links has no evidence to weigh.
fn worth_weighing(doc: &Document, s: &NodeStats, id: NodeId) -> bool {
    let Some(el) = doc.element(id) else {
        return false;
    };
    s.hit_chars > 0
        || s.email_inputs > 0
        || s.links >= 2
        || (s.chars > 0 && s.chars <= 40)
        || el.style.is_some()
        || matches!(
            el.name.as_str(),
            "nav"
                | "footer"
                | "header"
                | "dialog"
                | "amp-ad"
                | "amp-embed"
                | "amp-sticky-ad"
                | "amp-consent"
                | "amp-user-notification"
        )
        || el.attrs.iter().any(|a| {
            matches!(
                a.name.as_str(),
                "class" | "id" | "role" | "aria-label" | "aria-modal" | "style"
            ) || a.name.starts_with("data-")
        })
}

/// Decides whether `id` is a clutter block; returns the block when it is.
fn judge(doc: &Document, stats: &Stats, id: NodeId, ctx: &PageContext) -> Option<Block> {
    let s = stats.get(id);
    if s.excluded || doc.element(id).is_none() {
        return None;
    }
    if Some(id) == ctx.body
        || matches!(doc.tag(id), "html" | "body" | "head")
        || doc.is_open_frame(id)
    {
        return None;
    }
    if !worth_weighing(doc, s, id) {
        return None;
    }
    let ev = weigh(doc, stats, id, ctx);
    let (label, best, second) = ev.best();
    if best < FLAG_THRESHOLD || best < second * DOMINANCE {
        return None;
    }
    let has_vendor = ev
        .reasons
        .iter()
        .any(|(l, r)| *l == label && r.code == ReasonCode::VendorToken);
    let link_dense = s.links >= 3 && s.link_density() >= 0.5;
    let max_chars = if matches!(label, Label::Related | Label::Nav | Label::Ad) && link_dense {
        MAX_RAIL_CHARS
    } else if has_vendor || label == Label::Nav {
        MAX_VENDOR_BLOCK_CHARS
    } else {
        MAX_PROMPT_CHARS
    };
    if s.chars > max_chars {
        return None;
    }
    // Never hide article prose.
    if article_share(doc, stats, id, ctx) > MAX_ARTICLE_SHARE {
        return None;
    }
    // Prose-like blocks need their phrases to dominate, whatever the class names say.
    if s.paragraphs >= 2 && s.para_chars >= 400 && s.hit_density() < 0.15 && !link_dense {
        return None;
    }
    // Inside the article, prose quoting a prompt is not a prompt.
    let in_article = ctx.article.is_some_and(|a| a != id && doc.contains(a, id));
    let structural = ev
        .reasons
        .iter()
        .any(|(l, r)| *l == label && r.code != ReasonCode::Phrase)
        || !ev
            .generic
            .iter()
            .all(|r| r.code == ReasonCode::InsideArticle);
    if in_article
        && !structural
        && ((s.chars > ARTICLE_PROSE_CHARS && s.hit_density() < MIN_PROMPT_DENSITY_IN_ARTICLE)
            || (s.chars > SHORT_PROSE_CHARS && s.hit_density() < MIN_PROMPT_DENSITY_SHORT))
    {
        return None;
    }
    // Inside the article, a paragraph of prose without one prompt phrase is the article's,
    // whatever wall class it carries: publishers mark the text a wall will cover
    // ("regwalled", "premium"), and that text is what the reader came for. (Ad, vendor and
    // consent classes keep their say.)
    if in_article
        && label == Label::Paywall
        && s.hit_chars == 0
        && s.paragraphs >= 1
        && s.para_chars >= ARTICLE_PROSE_CHARS
        && s.para_chars as f32 >= PROSE_SHARE_OF_BLOCK * s.chars as f32
        && s.link_density() < MAX_PROSE_LINK_DENSITY
    {
        return None;
    }
    // Phrase-only evidence for labels whose words are common in prose needs short text.
    let phrase_only = !ev
        .reasons
        .iter()
        .any(|(l, r)| *l == label && r.code != ReasonCode::Phrase);
    if phrase_only && ev.generic.is_empty() && s.chars > 600 && s.hit_density() < 0.2 {
        return None;
    }
    Some(make_block(doc, stats, id, label, best, second, ev))
}

fn make_block(
    doc: &Document,
    stats: &Stats,
    id: NodeId,
    label: Label,
    best: f32,
    second: f32,
    ev: Evidence,
) -> Block {
    let s = stats.get(id);
    let mut reasons: Vec<Reason> = Vec::new();
    for r in ev.generic {
        reasons.push(r);
    }
    let mut phrase_reason = false;
    for (l, r) in ev.reasons {
        if l != label {
            continue;
        }
        if r.code == ReasonCode::Phrase {
            if phrase_reason {
                continue;
            }
            phrase_reason = true;
            let found = phrases_in(doc, id, label, 3);
            if found.is_empty() {
                continue;
            }
            let quoted: Vec<String> = found.iter().map(|p| format!("'{p}'")).collect();
            reasons.push(Reason {
                code: ReasonCode::Phrase,
                detail: format!("text {}", quoted.join(", ")),
            });
        } else {
            reasons.push(r);
        }
    }
    if s.chars > 0 && s.chars < SHORT_TEXT_CHARS && label != Label::Nav {
        reasons.push(Reason {
            code: ReasonCode::ShortText,
            detail: format!("{} characters of text", s.chars),
        });
    }
    let margin = (best - second) / best.max(1e-3);
    let confidence = ((best / (best + 2.0)) * (0.6 + 0.4 * margin)).clamp(0.05, 0.99);
    finish_block(doc, id, label, confidence, reasons)
}

fn finish_block(
    doc: &Document,
    id: NodeId,
    label: Label,
    confidence: f32,
    reasons: Vec<Reason>,
) -> Block {
    let message = reasons
        .iter()
        .map(|r| r.detail.as_str())
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Block {
        node: id,
        label,
        confidence: (confidence * 100.0).round() / 100.0,
        reasons,
        message,
        path: css_path(doc, id),
        preview: block_preview(doc, id),
    }
}

/// Characters of a block's text shown in its `preview`.
const PREVIEW_CHARS: usize = 80;

/// The block's text, whitespace-folded, cut at [`PREVIEW_CHARS`]: read from the start of the
/// text when that start already runs past the cut (the same result without copying the whole
/// text of a big block), else from all of it.
fn block_preview(doc: &Document, id: NodeId) -> String {
    let min_bytes = 8 * PREVIEW_CHARS;
    let start = doc.text_content_prefix(id, min_bytes);
    // Shorter than asked: that is the whole text.
    if start.len() < min_bytes || crate::text::collapsed_len(&start) > PREVIEW_CHARS + 1 {
        return preview(&start, PREVIEW_CHARS);
    }
    preview(&doc.text_content(id), PREVIEW_CHARS)
}

/// Grows a block to the outermost wrapper that adds (almost) no text of its own.
fn grow_block(doc: &Document, stats: &Stats, id: NodeId, ctx: &PageContext) -> NodeId {
    let mut cur = id;
    let chars = stats.get(id).chars;
    while let Some(p) = doc.node(cur).parent {
        if Some(p) == ctx.body
            || doc.element(p).is_none()
            || matches!(doc.tag(p), "html" | "body" | "main" | "article")
            || ctx.article.is_some_and(|a| doc.contains(p, a))
        {
            break;
        }
        let ps = stats.get(p);
        if ps.chars > chars + 40 || ps.media > stats.get(cur).media + 1 {
            break;
        }
        cur = p;
    }
    cur
}

/// Finds the clutter blocks below `root` (the whole body on first analysis, an added subtree
/// on the incremental path). `flagged` marks nodes already inside a block.
pub fn find_blocks(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    ctx: &PageContext,
    flagged: &mut Vec<bool>,
) -> Vec<Block> {
    if flagged.len() < doc.len() {
        flagged.resize(doc.len(), false);
    }
    let mut blocks = Vec::new();
    let mut walk = doc.descendants(root);
    while let Some(n) = walk.next() {
        let s: &NodeStats = stats.get(n);
        if s.excluded || flagged[n.index()] {
            walk.skip_children();
            continue;
        }
        if doc.element(n).is_none() {
            continue;
        }
        if let Some(block) = judge(doc, stats, n, ctx) {
            let grown = grow_block(doc, stats, n, ctx);
            let block = if grown != n {
                let mut b = block;
                b.node = grown;
                b.path = css_path(doc, grown);
                b
            } else {
                block
            };
            for d in doc.descendants(block.node) {
                flagged[d.index()] = true;
            }
            blocks.push(block);
            walk.skip_children();
        }
    }
    blocks
}

/// Aggregator phrase weight across a page above which the page is an aggregator's wrapper.
pub const AGGREGATOR_PAGE_WEIGHT: u16 = 5;

/// Empty layers (backdrops, fades) that belong to prompts already found.
pub fn find_layers(
    doc: &Document,
    stats: &Stats,
    root: NodeId,
    ctx: &PageContext,
    blocks: &[Block],
    flagged: &mut [bool],
) -> Vec<Block> {
    let prompt_label = blocks
        .iter()
        .find(|b| {
            matches!(
                b.label,
                Label::Paywall
                    | Label::Consent
                    | Label::Newsletter
                    | Label::Aggregator
                    | Label::AppBanner
            )
        })
        .map(|b| b.label);
    let Some(prompt_label) = prompt_label else {
        return Vec::new();
    };
    let has_paywall = blocks.iter().any(|b| b.label == Label::Paywall);
    let mut out = Vec::new();
    let mut walk = doc.descendants(root);
    while let Some(n) = walk.next() {
        let s = stats.get(n);
        if s.excluded || flagged.get(n.index()).copied().unwrap_or(false) {
            walk.skip_children();
            continue;
        }
        if doc.element(n).is_none() || s.chars > 0 || s.media > 0 {
            continue;
        }
        if Some(n) == ctx.body || matches!(doc.tag(n), "html" | "body" | "head") {
            continue;
        }
        let tokens = token_evidence(doc, n);
        let style = style_of(doc, n);
        let covering = matches!(style.position, Position::Fixed | Position::Absolute)
            && style.viewport_coverage >= 0.9;
        let (label, code, detail) = if covering || (tokens.backdrop && !tokens.fade) {
            (
                prompt_label,
                ReasonCode::Backdrop,
                "empty layer over the page behind a prompt",
            )
        } else if (tokens.fade || style.gradient) && has_paywall {
            (
                Label::Paywall,
                ReasonCode::Fade,
                "fade over truncated article text",
            )
        } else {
            continue;
        };
        let mut reasons = Vec::new();
        let mut ev = Evidence::new();
        describe_style(&style, &mut ev);
        reasons.extend(ev.generic);
        reasons.push(Reason {
            code,
            detail: detail.into(),
        });
        for d in doc.descendants(n) {
            flagged[d.index()] = true;
        }
        out.push(finish_block(doc, n, label, 0.7, reasons));
        walk.skip_children();
    }
    out
}

// --- Page fixes ----------------------------------------------------------------------------

/// The fixes the cleanup needs: scroll locks to lift, blur / no-select / clips to undo on
/// delivered article content.
pub fn find_fixes(doc: &Document, stats: &Stats, ctx: &PageContext, blocks: &[Block]) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let blocking = blocks.iter().any(|b| {
        matches!(
            b.label,
            Label::Paywall
                | Label::Consent
                | Label::Newsletter
                | Label::Aggregator
                | Label::AppBanner
        )
    });
    for top in ["html", "body"] {
        let Some(id) = doc.find_top(top) else {
            continue;
        };
        let classes: Vec<String> = doc
            .attr(id, "class")
            .unwrap_or("")
            .split_whitespace()
            .filter(|c| {
                SCROLL_LOCK_CLASSES
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(c))
            })
            .map(str::to_string)
            .collect();
        let style = style_of(doc, id);
        let inline_lock = style.overflow_hidden || style.position == Position::Fixed;
        if blocking && (!classes.is_empty() || inline_lock) {
            let mut why = Vec::new();
            if !classes.is_empty() {
                why.push(format!("class '{}'", classes.join(" ")));
            }
            if style.overflow_hidden {
                why.push("overflow: hidden".to_string());
            }
            if style.position == Position::Fixed {
                why.push("position: fixed".to_string());
            }
            fixes.push(Fix {
                node: id,
                kind: FixKind::ScrollLock,
                path: top.to_string(),
                classes,
                detail: format!("<{top}> scrolling locked by {}", why.join(", ")),
            });
        }
    }
    let Some(article) = ctx.article else {
        return fixes;
    };
    // The article, its ancestors, and its elements that carry style.
    let mut targets: Vec<NodeId> = doc
        .ancestors(article)
        .filter(|&a| doc.element(a).is_some())
        .collect();
    targets.retain(|&a| !matches!(doc.tag(a), "html" | "body"));
    let mut walk = doc.descendants(article);
    while let Some(n) = walk.next() {
        if stats.get(n).excluded {
            walk.skip_children();
            continue;
        }
        if let Some(el) = doc.element(n) {
            if el.style.is_some() || el.attr("style").is_some() {
                targets.push(n);
            }
        }
    }
    for n in targets {
        let style = style_of(doc, n);
        let s = stats.get(n);
        if s.chars < PARAGRAPH_MIN_CHARS {
            continue;
        }
        let mut add = |kind: FixKind, detail: &str| {
            fixes.push(Fix {
                node: n,
                kind,
                path: css_path(doc, n),
                classes: Vec::new(),
                detail: detail.to_string(),
            })
        };
        if style.blurred {
            add(FixKind::Blur, "article text blurred");
        }
        if style.no_select {
            add(FixKind::NoSelect, "article text made unselectable");
        }
        if style.height_clipped {
            add(FixKind::HeightClip, "article text clipped in height");
        }
    }
    fixes
}

/// Nodes whose computed style and geometry the browser should measure before classifying:
/// `html`, `body`, the top layers of the page, the article's surroundings and every element
/// with clutter evidence. Bounded by [`MAX_STYLE_PROBES`].
pub fn style_candidates(doc: &Document, stats: &Stats, root: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for top in ["html", "body"] {
        if let Some(id) = doc.find_top(top) {
            if doc.contains(root, id) || root == NodeId::ROOT {
                out.push(id);
            }
        }
    }
    let body_depth = doc.body().map_or(2, |b| stats.get(b).depth);
    let mut walk = doc.descendants(root);
    while let Some(n) = walk.next() {
        if out.len() >= MAX_STYLE_PROBES {
            break;
        }
        let s = stats.get(n);
        if s.excluded || doc.element(n).is_none() {
            walk.skip_children();
            continue;
        }
        if matches!(doc.tag(n), "html" | "body" | "head") {
            continue;
        }
        let shallow = s.depth <= body_depth + 3 && s.chars < MAX_VENDOR_BLOCK_CHARS;
        let evidence = s.hit_chars > 0 && s.chars < MAX_PROMPT_CHARS;
        let empty_layer = s.chars == 0 && s.media == 0 && s.depth <= body_depth + 4;
        let tokens = || {
            let has_names = doc.attr(n, "class").is_some() || doc.attr(n, "id").is_some();
            has_names && {
                let t = token_evidence(doc, n);
                t.overlay || t.fade || !t.vendor.is_empty()
            }
        };
        if shallow || evidence || empty_layer || tokens() {
            out.push(n);
        }
    }
    out
}
