//! Article body text: what joins the article and what is left out of it.
#![cfg(feature = "html")]

use decant_core::html::parse_html;

const PROSE: &str =
    "A sentence of real article prose, long enough to count, with commas, and more. ";

/// `n` paragraphs of two prose sentences each.
fn prose_paragraphs(n: usize) -> String {
    format!("<p>{PROSE}{PROSE}</p>").repeat(n)
}

/// A page whose `<article>` holds a long run of prose followed by `tail`.
fn article_then(tail: &str) -> String {
    let body = prose_paragraphs(6);
    format!("<html><body><article>{body}{tail}</article></body></html>")
}

fn text(html: &str) -> String {
    decant_core::analyze(parse_html(html))
        .article
        .expect("an article")
        .article_text
}

#[test]
fn a_lead_in_a_sibling_block_before_the_body_joins_the_article() {
    let body = prose_paragraphs(6);
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><div>\
         <div class=intro><div><p>The lead paragraph sums the story up, in a sentence or two, for readers in a hurry.</p>\
         <p>It goes on with a second paragraph of the lead, a little longer, and then it stops.</p></div></div>\
         <div class=body>{body}</div></div></body></html>"
    );
    let t = text(&html);
    assert!(t.contains("The lead paragraph"), "{t}");
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
}

#[test]
fn standalone_dates_copyright_lines_trailing_headings_and_link_cards_are_left_out() {
    let body = prose_paragraphs(5);
    let html = format!(
        "<html><body><article><div>29.04.2020, 15:59 Uhr</div><time>12 March 2015</time>\
         {body}<a href=/x><div>Another story</div><div>Its teaser text</div></a>\
         <p>© 2020 Example Media. All rights reserved.</p>\
         <h3>More on this topic</h3></article></body></html>"
    );
    let t = text(&html);
    assert_eq!(t.matches("A sentence").count(), 10, "{t}");
    for gone in [
        "29.04.2020",
        "March 2015",
        "Another story",
        "More on this topic",
    ] {
        assert!(!t.contains(gone), "{gone} in {t}");
    }
}

#[test]
fn a_plain_link_on_its_own_line_and_table_figures_stay() {
    let body = prose_paragraphs(5);
    let html = format!(
        "<html><body><article>{body}<a href=/more>Learn more about the tools</a>\
         <table><tr><td>71.1 MB</td><td>13.4 MB</td></tr></table>{body}</article></body></html>"
    );
    let t = text(&html);
    assert!(t.contains("Learn more about the tools"), "{t}");
    assert!(t.contains("71.1 MB"), "{t}");
}

#[test]
fn a_widget_class_drops_a_block_without_paragraphs_only() {
    let html = article_then(
        "<div class=\"elementor-widget elementor-widget-text-editor\">\
         <p>A page builder's text block, which is article prose however its class reads.</p></div>\
         <div class=\"likes-widget-wrapper\"><h3>Like this:</h3><span>Like</span> Loading...</div>",
    );
    let t = text(&html);
    assert!(t.contains("A page builder's text block"), "{t}");
    assert!(!t.contains("Like this"), "{t}");
    assert!(!t.contains("Loading"), "{t}");
}

#[test]
fn a_closing_call_to_action_is_left_out_but_prose_before_it_stays() {
    let html = article_then(
        "<p>The council will vote on the plan next month, after a last round of hearings.</p>\
         <h4>Stay informed</h4>\
         <p>For the Daily Brief and more from the city hall, follow us on social media.</p>",
    );
    let t = text(&html);
    assert!(t.contains("The council will vote"), "{t}");
    assert!(!t.contains("Daily Brief"), "{t}");
    assert!(!t.contains("Stay informed"), "{t}");
}

#[test]
fn closing_rights_notices_are_left_out_but_a_copyright_sign_in_prose_stays() {
    let joke = "<p>This is not meant to be a manifesto™© of any kind, we just think it is worth \
                sharing what we have learned so far, and we hope that you will share yours, \
                because we are all in this together.</p>";
    let html = article_then(&format!(
        "{joke}\
         <p>This article is the copyrighted property of Example News. Written permission \
         must be obtained before reprinting it in print or online.</p>\
         <p>Alle Rechte vorbehalten.</p>"
    ));
    let t = text(&html);
    assert!(t.contains("manifesto"), "{t}");
    assert!(!t.contains("Example News"), "{t}");
    assert!(!t.contains("Rechte"), "{t}");
}

#[test]
fn closing_contact_lines_are_left_out_but_a_web_address_in_prose_stays() {
    let prose = "<p>The full report, with the tables for every district and the methods used, \
                 can be read at www.example.org for anyone who wants the details.</p>";
    let html = article_then(&format!(
        "{prose}\
         <p>Press contact: press@example.org</p><p>Tel. +49 (30) 123 456-78</p>"
    ));
    let t = text(&html);
    assert!(t.contains("The full report"), "{t}");
    assert!(!t.contains("press@example.org"), "{t}");
    assert!(!t.contains("123 456"), "{t}");
}

#[test]
fn the_article_html_leaves_out_what_the_text_leaves_out() {
    let html = article_then(
        "<p>Press contact: press@example.org</p>\
         <p>© 2024 Example News</p>",
    );
    let a = decant_core::analyze(parse_html(&html))
        .article
        .expect("an article");
    assert!(a.article_html.contains("A sentence"), "{}", a.article_html);
    for gone in ["press@example.org", "Example News"] {
        assert!(
            !a.article_text.contains(gone),
            "{gone} in {}",
            a.article_text
        );
        assert!(
            !a.article_html.contains(gone),
            "{gone} in {}",
            a.article_html
        );
    }
}

#[test]
fn a_tag_class_drops_a_block_only_as_a_whole_class_part() {
    let html = article_then(
        "<div class=\"tagStyle_text\"><p>A block styled by a template, whose class only starts with the word.</p></div>\
         <div class=\"post-tags\"><span>Politics</span> <span>Economy</span></div>"
    );
    let t = text(&html);
    assert!(t.contains("A block styled by a template"), "{t}");
    assert!(!t.contains("Politics"), "{t}");
}

#[test]
fn closing_lines_are_left_out_but_the_same_words_in_prose_stay() {
    let html = article_then(
        "<p>We asked for more information about the plan, and the city sent it a week later.</p>\
         <h3>Schon gelesen?</h3><p><strong>Weitere Informationen:</strong></p><p>Kontakt</p>",
    );
    let t = text(&html);
    assert!(t.contains("more information about the plan"), "{t}");
    for gone in ["Schon gelesen", "Weitere Informationen", "Kontakt"] {
        assert!(!t.contains(gone), "{gone} in {t}");
    }
}

#[test]
fn a_closing_line_goes_with_the_short_lines_after_it_but_not_with_prose() {
    let body = prose_paragraphs(6);
    let boxed = format!(
        "<html><body><article>{body}\
         <h4>Contact</h4><p>Jane Doe</p><p>Press office, Example Institute</p>\
         </article></body></html>"
    );
    let t = text(&boxed);
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    for gone in ["Contact", "Jane Doe", "Press office"] {
        assert!(!t.contains(gone), "{gone} in {t}");
    }
    let prose = format!(
        "<html><body><article>{body}\
         <h4>Contact</h4><p>{PROSE}</p></article></body></html>"
    );
    let t = text(&prose);
    assert_eq!(t.matches("A sentence").count(), 13, "{t}");
}

#[test]
fn the_standfirst_the_page_describes_itself_with_leads_the_article() {
    let lead =
        "Officials say the new bridge will open in spring, two years late and far over budget.";
    // A header with a picture and one paragraph is not taken as a block of article prose.
    let page = |description: &str| {
        let body = prose_paragraphs(6);
        format!(
            "<html><head><meta name=description content=\"{description}\"></head><body>\
             <article><header><h1>The bridge</h1><img src=/bridge.jpg alt=\"\"><p class=dek>{lead}</p></header>\
             <div class=body>{body}</div></article></body></html>"
        )
    };
    // The description names the standfirst, in full or cut short.
    for description in [
        lead,
        "Officials say the new bridge will open in spring, two years late and…",
    ] {
        let t = text(&page(description));
        assert!(t.starts_with(lead), "{t}");
        assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    }
    // A description the page does not show, or one too short to identify a block, adds nothing.
    for description in [
        "A story about a bridge and the people who wait for it to open.",
        "Bridge news",
    ] {
        let t = text(&page(description));
        assert!(!t.contains("Officials say"), "{t}");
    }
}

#[test]
fn a_closing_heading_over_a_list_of_teaser_posts_ends_the_article() {
    let card = |n: u32| {
        format!(
            "<article class=\"postbox post-{n}\"><h2><a href=/p{n}>Another post {n}</a></h2>\
             <p>Teaser {n}: {PROSE}{PROSE}</p></article>"
        )
    };
    let cards: String = (1..=4).map(card).collect();
    let t = text(&article_then(&format!("<h3>You may also like</h3>{cards}")));
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    assert!(!t.contains("Teaser") && !t.contains("also like"), "{t}");
    // Under a heading that is not a closing line, the same blocks are the article's sections.
    let t = text(&article_then(&format!(
        "<h3>What happened next</h3>{cards}"
    )));
    assert!(t.contains("Teaser 4"), "{t}");
}

#[test]
fn closing_source_and_picture_credits_are_left_out_but_other_labelled_lines_stay() {
    for credit in [
        "Quelle: dpa, Landesregierung",
        "Źródło: ISBnews",
        "Crédits photos : Agence",
    ] {
        let t = text(&article_then(&format!("<p>{credit}</p>")));
        assert_eq!(t.matches("A sentence").count(), 12, "{t}");
        assert!(!t.contains(credit), "{credit} in {t}");
    }
    // Another label, or a credit label opening a paragraph of prose, is the article's.
    let long = format!("Source: {PROSE}{PROSE}");
    for line in ["Update: the council meets again on Monday.", long.as_str()] {
        let t = text(&article_then(&format!("<p>{line}</p>")));
        assert!(t.ends_with(line.trim_end()), "{line} not at the end of {t}");
    }
}

#[test]
fn a_form_wrapping_the_article_is_content_but_a_form_beside_it_is_not() {
    let body = prose_paragraphs(6);
    let wrapped = format!(
        "<html><body><article><form method=post action=/cart>{body}\
         <input type=number name=qty><button>Add to cart</button></form></article></body></html>"
    );
    let t = text(&wrapped);
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    assert!(!t.contains("Add to cart"), "{t}");
    let beside = article_then(
        "<form action=/signup><p>Get our weekly letter: the best of the week, with commas, \
         and more, every Friday in your inbox.</p><input type=email><button>Sign up</button></form>",
    );
    let t = text(&beside);
    assert!(!t.contains("weekly letter"), "{t}");
}

#[test]
fn article_paragraphs_a_wall_will_cover_stay_but_the_wall_prompt_goes() {
    let marked = format!("<p class=regwalled>{PROSE}{PROSE}{PROSE}</p>").repeat(3);
    let wall = "<div class=regwall><p>Register to continue reading. Already a subscriber? \
                Log in.</p></div>";
    let html = article_then(&format!("{marked}{wall}"));
    let analysis = decant_core::analyze(parse_html(&html));
    let flagged: Vec<_> = analysis
        .blocks
        .iter()
        .filter(|b| b.label != decant_core::Label::Article)
        .map(|b| (b.label, b.preview.clone()))
        .collect();
    assert!(
        flagged
            .iter()
            .any(|(l, p)| *l == decant_core::Label::Paywall && p.starts_with("Register")),
        "{flagged:?}"
    );
    assert!(
        flagged.iter().all(|(_, p)| !p.starts_with("A sentence")),
        "{flagged:?}"
    );
    let t = analysis.article.expect("an article").article_text;
    assert_eq!(t.matches("A sentence").count(), 12 + 9, "{t}");
}

#[test]
fn closing_lines_about_the_page_are_left_out_but_prose_starting_alike_stays() {
    for meta in [
        "(Noch keine Bewertungen)",
        "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)",
        "This entry was posted in News and tagged bridges.",
        "Zurück zur Listenansicht",
    ] {
        let t = text(&article_then(&format!("<p>{meta}</p>")));
        assert_eq!(t.matches("A sentence").count(), 12, "{t}");
        assert!(!t.contains(meta), "{meta} in {t}");
    }
    // A sentence that begins like a back link is the story's.
    let t = text(&article_then("<p>Back to square one, then.</p>"));
    assert!(t.ends_with("Back to square one, then."), "{t}");
    let prose = format!("Back to the council: {PROSE}{PROSE}{PROSE}");
    let t = text(&article_then(&format!("<p>{prose}</p>")));
    assert!(t.contains("Back to the council"), "{t}");
}

#[test]
fn an_author_box_ending_the_article_goes_with_its_bio() {
    let bio =
        "Jane Doe has written about wine and food for twenty-five years. She lives in Bolzano, \
               where she also teaches.";
    let t = text(&article_then(&format!(
        "<h3>Über die Autorin</h3><p>{bio}</p>"
    )));
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    assert!(!t.contains("Jane Doe") && !t.contains("Autorin"), "{t}");
    // After another closing line, prose is not a box and stays.
    let t = text(&article_then(&format!("<h3>Contact</h3><p>{bio}</p>")));
    assert!(t.contains("Jane Doe"), "{t}");
}

#[test]
fn disclosures_opening_or_ending_the_article_are_left_out() {
    let open = "This post contains affiliate links: we may earn a commission when you buy.";
    let close = "Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.";
    let body = prose_paragraphs(6);
    let html =
        format!("<html><body><article><p>{open}</p>{body}<p>{close}</p></article></body></html>");
    let t = text(&html);
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    assert!(!t.contains("affiliate") && !t.contains("Meinung"), "{t}");
    // The same words inside a paragraph of the story stay.
    let story = format!(
        "{PROSE} Critics say the affiliate links on the site may earn a commission. {PROSE}"
    );
    let t = text(&article_then(&format!(
        "<p>{story}</p><p>{PROSE}{PROSE}</p>"
    )));
    assert!(t.contains("Critics say"), "{t}");
}

#[test]
fn a_closing_line_inside_the_article_goes_but_what_follows_it_stays() {
    let body = prose_paragraphs(3);
    let html = format!(
        "<html><body><article>{body}<h3>Weitere Informationen</h3>\
         <p>Die Studie erscheint im Verlag Beispiel, Stuttgart 2021</p>\
         <h3>What the council said</h3>{body}</article></body></html>"
    );
    let t = text(&html);
    assert_eq!(t.matches("A sentence").count(), 12, "{t}");
    assert!(t.contains("What the council said"), "{t}");
    assert!(!t.contains("Weitere Informationen"), "{t}");
    assert!(t.contains("Verlag Beispiel"), "{t}");
}

#[test]
fn licence_lines_loading_placeholders_and_imprint_links_end_nothing_of_the_story() {
    for tail in [
        "<p>Titelbild: Agentur</p><p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.</p>",
        "<p>Loading...</p>",
        "<p>IMPRESSUM | DATENSCHUTZ | KONTAKT</p>",
    ] {
        let t = text(&article_then(tail));
        assert_eq!(t.matches("A sentence").count(), 12, "{t}");
        assert!(t.ends_with("more."), "{tail}: {t}");
    }
}

#[test]
fn a_loose_closing_line_in_the_root_goes_from_text_and_html_and_the_root_stays() {
    let html = article_then("(Noch keine Bewertungen) <span>Loading...</span>");
    let a = decant_core::analyze(parse_html(&html))
        .article
        .expect("an article");
    assert_eq!(
        a.article_text.matches("A sentence").count(),
        12,
        "{}",
        a.article_text
    );
    assert!(
        !a.article_text.contains("Bewertungen"),
        "{}",
        a.article_text
    );
    assert!(
        !a.article_html.contains("Bewertungen"),
        "{}",
        a.article_html
    );
    assert_eq!(
        a.article_html.matches("A sentence").count(),
        12,
        "{}",
        a.article_html
    );
    // Loose prose at the end of the root is the story's.
    let t = text(&article_then(
        "And that, the council said, was the end of it.",
    ));
    assert!(t.ends_with("the end of it."), "{t}");
}

#[test]
fn the_lead_is_never_the_article_itself_nor_its_headline() {
    let p1 = "The council voted on Tuesday to close the old bridge to cars, after engineers found \
              cracks in two of its piers, with commas, and more words, and a long sentence of prose \
              that goes on, and on, for a while longer still, until it ends here at last, truly.";
    let p2 = "Cyclists and walkers may still use it, the council said, while repairs go on.";
    // The description is the article's own first paragraph: the wrapper around the article
    // starts with it too, and must not be taken for a lead (the article would come twice).
    let html = format!(
        "<html><head><meta name=description content=\"{p1}\"></head><body><main>\
         <div class=wrap><article><p>{p1}</p><p>{p2}</p></article></div>\
         <aside><a href=/a>Other</a></aside></main></body></html>"
    );
    let t = text(&html);
    assert_eq!(t.matches("The council voted").count(), 1, "{t}");
    // A description that is the headline leaves the headline out.
    let title = "The old bridge closes to cars after engineers find cracks in two of its piers";
    let html = article_then("").replace("<article>", &format!("<article><h1>{title}</h1>"));
    let html = html.replace(
        "<html>",
        &format!("<html><head><meta name=description content=\"{title}\"></head>"),
    );
    let t = text(&html);
    assert!(!t.contains("old bridge"), "{t}");
}

#[test]
fn news_sentences_that_look_like_page_lines_stay() {
    for last in [
        "No comments were made by the White House on Tuesday.",
        "Nessun commento da Palazzo Chigi, che ha preferito tacere.",
        "The drug, licensed under a deal with Pfizer, will be made in India.",
        "Zelensky publicó el mensaje en su canal de Telegram el martes.",
        "Back to square one!",
        "Impressumspflicht gilt auch für Blogs.",
    ] {
        let t = text(&article_then(&format!("<p>{last}</p>")));
        assert!(t.ends_with(last), "{last} left out of {t}");
    }
    let first = "Real estate agents earn a commission of five to six percent of the price.";
    let body = prose_paragraphs(6);
    let t = text(&format!(
        "<html><body><article><p>{first}</p>{body}</article></body></html>"
    ));
    assert!(t.starts_with(first), "{t}");
    // Paragraphs under a closing heading are the box's prose, not a list of cards.
    let t = text(&article_then(&format!(
        "<h2>More information</h2><p>{PROSE}{PROSE}</p><p>The second, {PROSE}{PROSE}</p>"
    )));
    assert!(t.contains("The second,"), "{t}");
}
