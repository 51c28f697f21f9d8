//! The labelled dev set as a test: the figures `make eval-detect` prints must hold.

use std::path::{Path, PathBuf};

use decant_core::evaluation::{score_page, Scored};
use decant_core::html::parse_html;
use decant_core::{Engine, Label, NodeId};

const PROMPT_LABELS: [Label; 5] = [
    Label::Paywall,
    Label::Aggregator,
    Label::Consent,
    Label::Newsletter,
    Label::AppBanner,
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pages() -> Vec<(String, Scored)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/devset"))
        .expect("tests/devset exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "dev set has {} pages", files.len());
    files
        .into_iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            (name, score_page(&std::fs::read(&f).unwrap()))
        })
        .collect()
}

#[test]
fn dev_set_meets_the_detection_bar() {
    let pages = pages();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (name, s) in &pages {
        assert_eq!(s.article_loss(), 0.0, "{name}: article text hidden");
        let clean = name.contains("clean") || name.contains("trap");
        for label in Label::CLUTTER {
            let (truth, flagged) = s.roots(label);
            if clean && label != Label::Nav {
                let wrong: Vec<_> = flagged.iter().filter(|&&n| !s.covered(n, &truth)).collect();
                assert!(
                    wrong.is_empty(),
                    "{name}: {} flagged on a clean page",
                    label.as_str()
                );
            }
            if PROMPT_LABELS.contains(&label) {
                tp += truth.iter().filter(|&&t| s.covered(t, &flagged)).count();
                fn_ += truth.iter().filter(|&&t| !s.covered(t, &flagged)).count();
                fp += flagged.iter().filter(|&&f| !s.covered(f, &truth)).count();
            }
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}

#[test]
fn demo_page_flags_every_block_with_its_label_and_keeps_the_story() {
    let html = std::fs::read(repo().join("examples/aggregator.html")).unwrap();
    let s = score_page(&html);
    assert_eq!(s.article_loss(), 0.0);
    for label in Label::CLUTTER {
        let (truth, flagged) = s.roots(label);
        for t in truth {
            assert!(
                s.covered(t, &flagged),
                "{} block not flagged",
                label.as_str()
            );
        }
    }
}

#[test]
fn incremental_analysis_finds_a_late_overlay_only() {
    let html =
        std::fs::read_to_string(repo().join("tests/devset/en-clean-local-news.html")).unwrap();
    let mut engine = Engine::new(parse_html(&html));
    let first = engine.analyze();
    assert!(first
        .blocks
        .iter()
        .all(|b| !PROMPT_LABELS.contains(&b.label)));
    // A script adds a wall seconds later.
    let doc = engine.document_mut();
    let body = doc.body().unwrap();
    let wall = doc.create_element("div", vec![]);
    doc.append(body, wall);
    let h = doc.create_element("h2", vec![]);
    doc.append(wall, h);
    doc.append_text(h, "You have reached your limit of free articles");
    let a = doc.create_element("a", vec![]);
    doc.append(wall, a);
    doc.append_text(a, "Subscribe now");
    engine.attach(&[wall]);
    let delta = engine.analyze_added(&[wall]);
    assert_eq!(delta.blocks.len(), 1, "{:?}", delta.blocks);
    assert_eq!(delta.blocks[0].label, Label::Paywall);
    assert_eq!(delta.blocks[0].node, wall);
    assert_ne!(wall, NodeId::ROOT);
}
