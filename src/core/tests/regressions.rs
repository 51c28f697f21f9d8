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
        // The incremental path, as the fuzz target drives it: re-attach the body's first child.
        let first = engine
            .document()
            .body()
            .and_then(|b| engine.document().children(b).next());
        if let Some(first) = first {
            engine.attach(&[first]);
            let delta = engine.analyze_added(&[first]);
            assert!(delta.blocks.len() <= engine.document().len(), "{path:?}");
        }
        n += 1;
    }
    assert!(n >= 3, "regression inputs found: {n}");
}

include!("../../../fuzz/fuzz_targets/wire_input.rs");

/// Every input in fuzz/regressions-wire (wire snapshots, as the `wire` fuzz target reads them)
/// decodes to a document or an error, and what decodes analyses.
#[test]
fn wire_regressions_decode_or_fail_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions-wire");
    let (mut n, mut decoded) = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions-wire exists") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let (text, lens, tree) = wire_input(&bytes);
        let mut doc = decant_core::Document::new();
        if decant_core::wire::decode_into(&mut doc, &text, &lens, &tree).is_ok() {
            let analysis = decant_core::Engine::new(doc).analyze();
            assert!(analysis.blocks.len() <= tree.len());
            decoded += 1;
        }
        n += 1;
    }
    assert!(n >= 4 && decoded >= 1, "inputs {n}, decoded {decoded}");
}
