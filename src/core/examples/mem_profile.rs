//! Peak heap per analysis phase, natively (a counting allocator): where the memory of a big
//! page goes (the bench's 100,000-element page: `node -e` with bench/lib/generate.mjs, or any
//! saved page). `NO_SUMMARY=1` skips the summary.
//!
//! `cargo run --profile native -p decant-core --features html --example mem_profile -- FILE`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static CUR: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let c = CUR.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(c, Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CUR.fetch_sub(l.size(), Relaxed);
        System.dealloc(p, l)
    }
}
#[global_allocator]
static A: Counting = Counting;

fn mb(b: usize) -> f64 {
    b as f64 / 1e6
}
fn phase(name: &str) {
    println!(
        "{name:<28} now {:>8.2} MB  peak {:>8.2} MB",
        mb(CUR.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(CUR.load(Relaxed), Relaxed);
}

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(path).unwrap();
    phase("read");
    let doc = decant_core::html::parse_html_bytes(&bytes);
    drop(bytes);
    phase(&format!("parse ({} nodes)", doc.len()));
    let options = decant_core::engine::Options {
        summarize: std::env::var("NO_SUMMARY").is_err(),
        ..Default::default()
    };
    let mut engine = decant_core::engine::Engine::with_options(doc, options);
    phase("Engine::new (stats, find)");
    let a = engine.analyze();
    phase("analyze");
    let t = a.article.as_ref().map_or(0, |a| a.article_text.len());
    let h = a.article.as_ref().map_or(0, |a| a.article_html.len());
    println!(
        "article_text {:.2} MB, article_html {:.2} MB, blocks {}",
        mb(t),
        mb(h),
        a.blocks.len()
    );
    drop(a);
    phase("drop analysis");
}
