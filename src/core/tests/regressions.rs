//! Every input in fuzz/regressions (crashes found by fuzzing or by hand) analyses cleanly.

#[test]
fn fuzz_regressions_analyse() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions exists") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let mut engine = decant_core::Engine::new(decant_core::html::parse_html_bytes(&bytes));
        let analysis = engine.analyze();
        assert!(analysis.blocks.len() <= engine.document().len(), "{path:?}");
        n += 1;
    }
    assert!(n >= 3, "regression inputs found: {n}");
}
