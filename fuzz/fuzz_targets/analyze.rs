//! HTML bytes → snapshot → analysis (blocks, fixes, metadata, extraction) → summary.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = decant_core::html::parse_html_bytes(data);
    let mut engine = decant_core::Engine::new(doc);
    let analysis = engine.analyze();
    // The incremental path on the same document: re-attach the body's first child's subtree.
    if let Some(body) = engine.document().body() {
        let kids: Vec<_> = engine.document().children(body).collect();
        if let Some(&first) = kids.first() {
            engine.attach(&[first]);
            let _ = engine.analyze_added(&[first]);
        }
    }
    let _ = decant_core::serialize::to_html(engine.document(), |_| Vec::new());
    if let Some(article) = analysis.article {
        let paragraphs: Vec<String> = article
            .article_text
            .split("\n\n")
            .map(str::to_string)
            .collect();
        let _ = decant_core::summary::summarize(&paragraphs, None, &Default::default());
    }
});
