//! Article extraction as JSON lines, for `eval/extract.mjs`.
//!
//! ```text
//! printf 'id\tpage.html.gz\n' | target/native/examples/extract_jsonl
//! ```
//!
//! Reads `id<TAB>path` lines on standard input (`.gz` paths are gunzipped), analyses each page
//! and prints one JSON object per line: `id`, `is_article`, `article_text`, `title`, `byline`,
//! `published`, `site_name`, `excerpt`, and for diagnostics `root` (the article root's CSS
//! path) and `error` (a page that could not be read, or a panic, which is a bug).

use std::io::{BufRead, BufWriter, Read, Write};

use decant_core::html::parse_html_bytes;
use decant_core::Engine;
use serde_json::{json, Value};

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

fn analyse(id: &str, html: &[u8]) -> Value {
    let analysis = Engine::new(parse_html_bytes(html)).analyze();
    let m = &analysis.metadata;
    let (is_article, text, root) = match &analysis.article {
        Some(a) => (true, a.article_text.as_str(), a.path.as_str()),
        None => (false, "", ""),
    };
    json!({
        "id": id,
        "is_article": is_article,
        "article_text": text,
        "title": m.title,
        "byline": m.byline,
        "published": m.published,
        "site_name": m.site_name,
        "excerpt": m.excerpt,
        "root": root,
    })
}

fn main() {
    // Panics are reported per page (as `error`), not printed by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Some((id, path)) = line.split_once('\t') else {
            continue;
        };
        let value = match read(path) {
            Ok(html) => std::panic::catch_unwind(|| analyse(id, &html))
                .unwrap_or_else(|_| json!({"id": id, "error": "panic"})),
            Err(e) => json!({"id": id, "error": e.to_string()}),
        };
        if writeln!(out, "{value}").is_err() {
            break;
        }
    }
    let _ = out.flush();
}
