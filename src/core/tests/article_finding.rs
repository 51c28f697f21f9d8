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

const PROSE: &str =
    "A sentence of real article prose, long enough to count, with commas, and more. ";

/// A page-builder layout: the post's sections sit in separate widget columns, a few levels
/// apart, and only the biggest is the article root.
fn widget_page(after: &str) -> String {
    let big = format!("<p>{p}{p}{p}</p>", p = PROSE).repeat(4);
    // A box of short lines beside the rows keeps the rows' parent from being the article.
    let hours =
        "<ul class=box><li>Opening hours</li><li>Monday to Friday</li><li>Nine to five</li>\
               <li>Saturdays by appointment</li></ul>"
            .repeat(6);
    format!(
        "<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav><div class=page>\
         <div class=row><div class=col><div class=cell>\
         <p>The opening section sets the scene, in a paragraph of its own, well before the rest.</p>\
         <p>It has a second paragraph too, which explains what the post is about and who it is for.</p>\
         </div></div></div>\
         <div class=row><div class=col><div class=cell>{big}</div></div></div>\
         <div class=row><div class=col><div class=cell>\
         <h2>Ingredients and steps</h2><p>Mix the flour with the butter until it is crumbly, then add the egg and a pinch of salt.</p>\
         <p>Bake for twenty minutes at 180 degrees, until the top is golden brown and smells done.</p>\
         </div></div></div>{after}{hours}</div>\
         <div class=teasers><p><a href=/1>First other story, a teaser with a link</a></p></div>\
         </body></html>"
    )
}

#[test]
fn prose_in_cousin_blocks_of_the_root_joins_the_article() {
    let t = article_text(&widget_page("")).expect("an article");
    assert!(t.contains("The opening section"), "{t}");
    assert!(t.contains("Ingredients and steps"), "{t}");
    assert!(t.contains("Bake for twenty minutes"), "{t}");
    assert!(t.find("The opening").unwrap() < t.find("A sentence").unwrap());
    assert!(t.find("A sentence").unwrap() < t.find("Mix the flour").unwrap());
    assert!(!t.contains("First other story"), "{t}");
}

#[test]
fn notes_and_teaser_lists_after_the_article_stay_out() {
    let note = "<div class=row><div class=col><div class=cell>\
                <p>Originally published on the author's own site, in a slightly different form.</p>\
                </div></div></div>";
    let teasers = "<div class=row><div class=col><div class=cell>\
                   <p><a href=/x>Another story</a> with a line of teaser text after its title.</p>\
                   <p><a href=/y>A third story</a> with a line of teaser text after its title.</p>\
                   </div></div></div>";
    let t = article_text(&widget_page(&format!("{note}{teasers}"))).expect("an article");
    assert!(t.contains("Bake for twenty minutes"), "{t}");
    assert!(!t.contains("Originally published"), "{t}");
    assert!(!t.contains("Another story"), "{t}");
}

#[test]
fn a_declared_short_post_under_a_long_tag_list_is_an_article() {
    let tags: String = (0..60)
        .map(|i| format!("<a href=/tag/{i}>topic number {i}</a> "))
        .collect();
    let html = short_post(r#"<meta property="og:type" content="article">"#).replace(
        "</p></div>",
        &format!("</p><div class=tags>{tags}</div></div>"),
    );
    let t = article_text(&html).expect("an article");
    assert!(t.contains("We went to the lake"), "{t}");
    assert!(!t.contains("topic number"), "{t}");
}

#[test]
fn blocks_right_under_the_body_join_with_three_paragraphs_only() {
    let p = |s: &str| format!("<p>{s} It goes on for a while, with a comma, and ends here.</p>");
    let body = format!("<p>{PROSE}{PROSE}{PROSE}</p>").repeat(4);
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/a>About</a></nav>\
         <div class=main>{body}</div>\
         <div class=more>{}{}{}</div>\
         <div class=notice>{}{}</div></body></html>",
        p("The story continues in a second block of the page."),
        p("A further paragraph of the story follows it."),
        p("And the last paragraph of the story closes it."),
        p("Our office is closed over the holidays."),
        p("Orders placed now ship in the new year."),
    );
    let t = article_text(&html).expect("an article");
    assert!(t.contains("The story continues"), "{t}");
    assert!(t.contains("the last paragraph of the story"), "{t}");
    assert!(!t.contains("Our office"), "{t}");
}

#[test]
fn the_lead_in_the_article_header_joins_but_the_page_header_does_not() {
    let body = format!("<p>{PROSE}{PROSE}{PROSE}</p>").repeat(5);
    // Short lines beside the body keep the `<article>` from being the root.
    let hours =
        "<ul class=box><li>Opening hours</li><li>Monday to Friday</li><li>Nine to five</li>\
                 <li>Saturdays by appointment</li></ul>"
            .repeat(6);
    let html = format!(
        "<html><body><header><p>The site's tagline, a whole sentence about what the site is for.</p>\
         <a href=/>Home</a></header><main><div class=cols><article><header><h1>The headline</h1>\
         <p>The lead sums the story up in a sentence or two, for readers who are in a hurry.</p>\
         </header><div class=body>{body}</div>{hours}</article></div></main></body></html>"
    );
    let t = article_text(&html).expect("an article");
    assert!(t.contains("The lead sums the story up"), "{t}");
    assert!(t.find("The lead").unwrap() < t.find("A sentence").unwrap());
    assert!(!t.contains("The headline"), "{t}");
    assert!(!t.contains("tagline"), "{t}");
}

#[test]
fn a_heading_right_before_a_cousin_block_joins_with_it() {
    let serving = "<h3>Serving suggestions</h3><div class=row><div class=col><div class=cell>\
                   <p>Serve the cake warm, with a spoon of cream and a few berries on the side.</p>\
                   <p>It keeps for three days in a tin, and it freezes well for a month or so.</p>\
                   </div></div></div><h3>More from our kitchen</h3>";
    let t = article_text(&widget_page(serving)).expect("an article");
    assert!(
        t.contains("Serving suggestions\n\nServe the cake warm"),
        "{t}"
    );
    assert!(!t.contains("More from our kitchen"), "{t}");
}

#[test]
fn a_declared_post_of_two_paragraphs_beside_many_short_lines_is_an_article() {
    let chapters: String = (0..60)
        .map(|i| format!("<li>{i:02}:00 chapter {i}</li>"))
        .collect();
    let post = "<p>In this episode we talk with two guests about the camp, what they learned \
                there and what they would change next time.</p>\
                <p>They also tell us which sessions they liked best, and why the evening \
                programme was the part everyone remembered.</p>";
    let page = |head: &str| {
        format!(
            "<html><head>{head}</head><body><nav><a href=/>Home</a> <a href=/e>Episodes</a></nav>\
             <div class=post><h1>Episode 39</h1>{post}<ul>{chapters}</ul></div></body></html>"
        )
    };
    let t =
        article_text(&page(r#"<meta property="og:type" content="article">"#)).expect("an article");
    assert!(t.contains("In this episode"), "{t}");
    assert!(article_text(&page("")).is_none());
}

#[test]
fn text_hidden_from_assistive_technology_is_never_the_article() {
    let story = format!("<p>{PROSE}{PROSE}</p>").repeat(4);
    let popup = "<p>The training programme in the closed pop-up runs for many weeks, with a \
                 long description, commas, and more words than the story itself has.</p>"
        .repeat(8);
    let html = format!(
        "<html><body><nav><a href=/>Home</a></nav><article>{story}</article>\
         <div class=layer aria-hidden=true><div class=box>{popup}</div></div>\
         </body></html>"
    );
    let t = article_text(&html).expect("an article");
    assert!(t.contains("A sentence of real article prose"), "{t}");
    assert!(!t.contains("training programme"), "{t}");
}

#[test]
fn a_cousin_block_of_prose_with_a_quarter_of_its_text_in_links_joins() {
    let linked = "<div class=row><div class=col><div class=cell>\
                  <p>The firmware update reached <a href=/a>the first phones in Europe, in Asia \
                  and in both Americas as well</a> on Monday, a week after the announcement.</p>\
                  <p>Owners who still wait can check the support page for the schedule of the \
                  other regions.</p></div></div></div>";
    let t = article_text(&widget_page(linked)).expect("an article");
    assert!(t.contains("The firmware update reached"), "{t}");
    assert!(t.contains("the schedule of the other regions"), "{t}");
}
