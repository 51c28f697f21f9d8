//! Property tests over random trees and random bytes: the core never panics, its answers are
//! deterministic and self-consistent. A small seeded generator keeps the cases reproducible
//! (a failing case prints its seed).

use decant_core::dom::{Document, NodeId};
use decant_core::html::{parse_html, parse_html_bytes};
use decant_core::{Engine, Label};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const TAGS: &[&str] = &[
    "div", "p", "section", "article", "aside", "nav", "header", "footer", "span", "a", "ul", "li",
    "h2", "form", "input", "button", "script", "style", "main", "dialog", "table", "td", "img",
];
const CLASSES: &[&str] = &[
    "",
    "paywall",
    "tp-modal",
    "modal-backdrop",
    "newsletter",
    "related",
    "ad-slot",
    "content",
    "article-body",
    "onetrust-banner",
    "smartbanner",
    "fade",
    "share",
    "x1y2",
];
const TEXTS: &[&str] = &[
    "Subscribe to continue reading",
    "We use cookies",
    "Sign up for our newsletter",
    "Download the app",
    "Related stories",
    "The council met on Tuesday, and after a long debate, agreed to fund the bridge repairs.",
    "Mr. Smith said the U.S. plan was 3.5 times larger… Really?",
    "続きを読むには会員登録が必要です。",
    "Advertisement",
    "<&>\"'",
    "",
];

/// A random page: nested elements with classes, inline styles and text.
fn random_html(rng: &mut Rng) -> String {
    let mut out = String::from("<!doctype html><html><body>");
    let mut open: Vec<&str> = Vec::new();
    for _ in 0..rng.below(300) {
        match rng.below(4) {
            0 | 1 => {
                let tag = rng.pick(TAGS);
                let class = rng.pick(CLASSES);
                let style = match rng.below(6) {
                    0 => " style=\"position:fixed;inset:0;z-index:9999\"",
                    1 => " style=\"filter: blur(4px); max-height: 100px; overflow: hidden\"",
                    _ => "",
                };
                out.push_str(&format!("<{tag} class=\"{class}\"{style}>"));
                open.push(tag);
            }
            2 => {
                out.push_str(rng.pick(TEXTS));
                out.push(' ');
            }
            _ => {
                if let Some(t) = open.pop() {
                    out.push_str(&format!("</{t}>"));
                }
            }
        }
    }
    out
}

fn check(doc: Document, seed: u64) {
    let mut engine = Engine::new(doc);
    let a = engine.analyze();
    let b = Engine::new(engine.document().clone()).analyze();
    let labels = |x: &decant_core::Analysis| -> Vec<(NodeId, Label)> {
        x.blocks.iter().map(|b| (b.node, b.label)).collect()
    };
    assert_eq!(labels(&a), labels(&b), "seed {seed}: not deterministic");
    let doc = engine.document();
    if let Some(article) = &a.article {
        for block in a.blocks.iter().filter(|b| b.label != Label::Article) {
            assert!(
                !doc.contains(block.node, article.node),
                "seed {seed}: a clutter block contains the article"
            );
        }
        let all_text: String = doc.text_content(NodeId::ROOT).split_whitespace().collect();
        for word in article.article_text.split_whitespace().take(50) {
            assert!(
                all_text.contains(word),
                "seed {seed}: extracted text not in page"
            );
        }
        assert!(!article.article_html.contains("<script"), "seed {seed}");
        assert!(!article.article_html.contains("style="), "seed {seed}");
    }
    for block in &a.blocks {
        assert!((0.0..=1.0).contains(&block.confidence), "seed {seed}");
        assert!(
            !block.reasons.is_empty(),
            "seed {seed}: a block without reasons"
        );
    }
    if let Some(s) = &a.summary {
        let text = a
            .article
            .as_ref()
            .map(|x| x.article_text.clone())
            .unwrap_or_default();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for p in &s.points {
            // A repaired point may drop a leading connective; the rest is verbatim.
            let tail: String = p
                .text
                .split_whitespace()
                .skip(1)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&tail),
                "seed {seed}: summary point not in the article"
            );
        }
    }
}

#[test]
fn random_pages_analyse_consistently() {
    for seed in 1..=400u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let html = random_html(&mut rng);
        check(parse_html(&html), seed);
    }
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let len = rng.below(4096);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(4) {
                0 => b'<',
                1 => b'>',
                _ => (rng.next() & 0xff) as u8,
            })
            .collect();
        check(parse_html_bytes(&bytes), seed);
    }
}

#[test]
fn extreme_shapes_return_a_result() {
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace", " \n\t ".repeat(1000)),
        (
            "no body",
            "<html><head><title>t</title></head></html>".into(),
        ),
        ("200k siblings", "<p>x</p>".repeat(200_000)),
        ("100k deep", "<div>".repeat(100_000)),
        (
            "20 MB text node",
            format!("<p>{}</p>", "word ".repeat(4_000_000)),
        ),
        ("10k iframes", "<iframe src=x></iframe>".repeat(10_000)),
        (
            "closing heading over 20k cards",
            format!(
                "<article>{}<h3>Related</h3>{}</article>",
                "<p>Prose of the story, with commas, long enough to count as prose.</p>".repeat(20),
                "<div class=card><p>A teaser, with commas, and a sentence of prose.</p></div>"
                    .repeat(20_000)
            ),
        ),
        (
            "1 MB hidden under 1,000 nested blocks before the article",
            {
                let hidden = format!("<div hidden>{}</div>", "x".repeat(1_000_000));
                let nest = format!(
                    "{}{hidden}<span>{}</span>{}",
                    "<div>".repeat(1_000),
                    "word ".repeat(34),
                    "</div>".repeat(1_000)
                );
                let body = "<p>Prose of the story, with commas, long enough to count as prose.</p>"
                    .repeat(20);
                let d =
                    "a description the page never shows, long enough to look for a lead".repeat(2);
                format!("<meta name=description content=\"{d}\"><body>{nest}<article>{body}</article></body>")
            },
        ),
        ("1 MB description shown as 2k blocks", {
            let d = "word ".repeat(2_000);
            let blocks = format!("<div><p>{d}</p></div>").repeat(2_000);
            format!("<meta name=description content=\"{d}\"><body>{blocks}</body>")
        }),
        (
            "entities",
            "&amp;&lt;&gt;&quot;&nbsp;&copy;&#x1F600;&#0;&bogus;".repeat(1000),
        ),
    ];
    for (name, html) in cases {
        let a = Engine::new(parse_html(&html)).analyze();
        assert!(a.blocks.len() < 10_000, "{name}");
    }
}

/// The browser walker has no depth cap (a page can build any depth with `appendChild`): the
/// core itself must take a 100,000-deep tree without recursing.
#[test]
fn a_tree_deeper_than_any_parser_allows_is_analysed() {
    let mut doc = Document::new();
    let mut parent = doc.create_element("html", vec![]);
    doc.append(decant_core::NodeId::ROOT, parent);
    for i in 0..100_000 {
        let div = doc.create_element(if i % 2 == 0 { "div" } else { "section" }, vec![]);
        doc.append(parent, div);
        parent = div;
    }
    let text = doc.create_text("Subscribe to continue reading. You have reached your limit.");
    doc.append(parent, text);
    let a = Engine::new(doc).analyze();
    assert!(a.blocks.len() < 10, "{:?}", a.blocks.len());
}

/// The incremental path over a deep subtree (a page can insert one): bounded like the full one.
#[test]
fn a_deep_added_subtree_is_analysed_incrementally() {
    let mut doc = Document::new();
    let html = doc.create_element("html", vec![]);
    doc.append(decant_core::NodeId::ROOT, html);
    let body = doc.create_element("body", vec![]);
    doc.append(html, body);
    let mut engine = Engine::new(doc);
    engine.analyze();
    let doc = engine.document_mut();
    let top = doc.create_element("div", vec![]);
    doc.append(body, top);
    let mut parent = top;
    for _ in 0..DEEP_ADDED {
        let div = doc.create_element("div", vec![]);
        doc.append(parent, div);
        parent = div;
    }
    let text = doc.create_text("Subscribe to continue reading. You have reached your limit.");
    doc.append(parent, text);
    engine.attach(&[top]);
    let delta = engine.analyze_added(&[top]);
    assert!(delta.blocks.len() < 10);
}

/// Depth of the added subtree in the test above.
const DEEP_ADDED: usize = 20_000;
