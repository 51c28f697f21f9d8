//! Wire snapshot (what the browser walker and the extension's messages carry) → decode →
//! analysis. Malformed input must be an error, never a panic; whatever decodes must analyse.
#![no_main]

use libfuzzer_sys::fuzz_target;

include!("wire_input.rs");

fuzz_target!(|data: &[u8]| {
    let (text, lens, tree) = wire_input(data);
    let mut doc = decant_core::Document::new();
    if decant_core::wire::decode_into(&mut doc, &text, &lens, &tree).is_ok() {
        let analysis = decant_core::Engine::new(doc).analyze();
        assert!(analysis.blocks.len() <= tree.len());
    }
});
