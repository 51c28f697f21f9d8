//! Which pages are articles, and how far the article root reaches.
#![cfg(feature = "html")]

use decant_core::html::parse_html;

fn article_text(html: &str) -> Option<String> {
    decant_core::analyze(parse_html(html))
        .article
        .map(|a| a.article_text)
}

/// A two-paragraph post, too short for the length tests alone.
fn short_post(head: &str) -> String {
    format!(
        "<html><head><title>A short post</title>{head}</head><body>\
         <nav><a href=/>Home</a> <a href=/blog>Blog</a> <a href=/about>About</a></nav>\
         <div class=post><h1>A short post</h1>\
         <p>We went to the lake on Sunday, and the water was still far too cold for a swim.</p>\
         <p>Next week we will try again, with a thermos of tea and warmer clothes.</p></div>\
         <footer>Powered by a blog engine</footer></body></html>"
    )
}

#[test]
fn a_short_post_is_an_article_when_the_page_declares_one() {
    for head in [
        r#"<meta property="og:type" content="article">"#,
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"A short post"}</script>"#,
        r#"<script type="application/ld+json">{"@graph":[{"@type":["WebPage"]},{"@type": ["NewsArticle"]}]}</script>"#,
    ] {
        let t = article_text(&short_post(head)).expect("an article");
        assert!(t.contains("We went to the lake"), "{t}");
        assert!(t.contains("Next week"), "{t}");
    }
    let microdata = short_post("").replace(
        "<div class=post>",
        r#"<div class=post itemscope itemtype="https://schema.org/Recipe">"#,
    );
    assert!(article_text(&microdata).is_some());
}

#[test]
fn a_short_post_without_a_declaration_or_on_a_website_page_is_not_an_article() {
    assert!(article_text(&short_post("")).is_none());
    assert!(article_text(&short_post(
        r#"<meta property="og:type" content="website">"#
    ))
    .is_none());
    let listing = r#"<script type="application/ld+json">{"@type":"CollectionPage","hasPart":{"@type":"ItemList"}}</script>"#;
    assert!(article_text(&short_post(listing)).is_none());
}
