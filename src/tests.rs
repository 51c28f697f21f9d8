//! The bindings in a real browser (`make test` runs these in headless Chromium): the live-DOM
//! snapshot, computed style probing and the incremental path.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use super::Page;

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = r#"<article id="story"><h1>Town hall opens its doors</h1>
<p>The town hall reopened on Monday after a two-year renovation that cost, by the council's
own count, a little more than the original estimate, and took rather longer.</p>
<p>Visitors queued from early morning to see the restored ceiling, which had been hidden
behind panels since the nineteen-sixties, and the new lift, which everyone agreed was overdue.</p>
<p>The mayor said the building would host concerts, weddings and, from next month, the
weekly market when it rains, which in this town is most weeks of the year.</p>
<p>Some residents asked why the clock still runs four minutes slow; the council said that
was a tradition, and that nobody had ever missed a bus because of it.</p></article>"#;

/// Adds a container to the test page (replacing `body` would break the runner's output).
fn mount(html: &str) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    div.set_inner_html(html);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn blocks(analysis: &wasm_bindgen::JsValue) -> Vec<(String, u32)> {
    let blocks = js_sys::Reflect::get(analysis, &"blocks".into()).unwrap();
    js_sys::Array::from(&blocks)
        .iter()
        .map(|b| {
            let label = js_sys::Reflect::get(&b, &"label".into())
                .unwrap()
                .as_string()
                .unwrap();
            let node = js_sys::Reflect::get(&b, &"node".into())
                .unwrap()
                .as_f64()
                .unwrap() as u32;
            (label, node)
        })
        .collect()
}

#[wasm_bindgen_test]
fn finds_a_fixed_wall_over_the_live_page() {
    let root = mount(&format!(
        r#"{ARTICLE}<div id="wall" style="position:fixed;top:10%;left:10%;right:10%;z-index:99999">
        <h2>Subscribe to continue reading</h2><a class="btn" href="/s">Subscribe now</a></div>"#
    ));
    let doc = web_sys::window().unwrap().document().unwrap();
    let mut page = Page::new(&doc.into(), JsValue::UNDEFINED).unwrap();
    let analysis = page.analyze().unwrap();
    let found = blocks(&analysis);
    let wall = found
        .iter()
        .find(|(l, _)| l == "paywall")
        .expect("wall flagged");
    let el: web_sys::Element = page.element(wall.1).unwrap().dyn_into().unwrap();
    assert_eq!(el.id(), "wall");
    assert!(found.iter().any(|(l, n)| l == "article"
        && page
            .element(*n)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .id()
            == "story"));
    root.remove();
}

#[wasm_bindgen_test]
fn analyses_an_overlay_added_later() {
    let root = mount(ARTICLE);
    let doc = web_sys::window().unwrap().document().unwrap();
    let mut page = Page::new(&doc.clone().into(), JsValue::UNDEFINED).unwrap();
    let first = blocks(&page.analyze().unwrap());
    assert!(!first.iter().any(|(l, _)| l == "newsletter"));
    let late = doc.create_element("div").unwrap();
    late.set_inner_html(
        r#"<h3>Sign up for our newsletter</h3><p>The best stories, delivered to your inbox.</p>
        <form><input type="email" placeholder="Your email address"><button>Sign up</button></form>"#,
    );
    root.append_child(&late).unwrap();
    let added = js_sys::Array::of1(&late);
    let delta = page.analyze_added(added, None).unwrap();
    let found = blocks(&delta);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "newsletter");
    root.remove();
}

#[wasm_bindgen_test]
fn rejects_a_non_node_with_a_code() {
    let err = Page::new(&wasm_bindgen::JsValue::from(42), JsValue::UNDEFINED)
        .err()
        .unwrap();
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
    assert_eq!(code.as_string().as_deref(), Some("bad-argument"));
}

#[wasm_bindgen_test]
fn a_batch_naming_a_node_and_its_children_snapshots_each_once() {
    let root = mount(ARTICLE);
    let doc = web_sys::window().unwrap().document().unwrap();
    let mut page = Page::new(&doc.clone().into(), JsValue::UNDEFINED).unwrap();
    let late = doc.create_element("div").unwrap();
    late.set_inner_html("<h3>Subscribe to continue reading</h3><p>Sign up today.</p>");
    root.append_child(&late).unwrap();
    // A MutationObserver lists the element, then nodes added inside it before it fired.
    let h3 = late.first_element_child().unwrap();
    let text = h3.first_child().unwrap();
    let added = js_sys::Array::of3(&late, &h3, &text);
    page.analyze_added(added, None).unwrap();
    let fresh = Page::new(&doc.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        page.engine.document().len(),
        fresh.engine.document().len(),
        "the incremental snapshot holds what a fresh one does, nothing twice"
    );
    root.remove();
}
