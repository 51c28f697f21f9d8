//! The readable cleanup report of `decant analyze`.

use std::fmt::Write;

use decant_core::{Analysis, Label};

/// `s` with every control character but the newline replaced by U+FFFD: page text must not
/// reach a terminal as escape sequences (a `<title>` holding `ESC]0;…` would retitle it).
pub fn terminal_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Renders the analysis for a person reading a terminal.
pub fn render(a: &Analysis, input: &str) -> String {
    let mut out = String::new();
    let name = if input == "-" {
        "standard input"
    } else {
        input
    };
    let _ = writeln!(out, "Decant report for {name}");
    let _ = writeln!(out);
    match &a.article {
        Some(art) => {
            let m = &art.metadata;
            let _ = writeln!(out, "Article");
            let field = |out: &mut String, name: &str, v: &Option<String>| {
                if let Some(v) = v {
                    let _ = writeln!(out, "  {name:<11}{v}");
                }
            };
            field(&mut out, "title:", &m.title);
            field(&mut out, "byline:", &m.byline);
            field(&mut out, "published:", &m.published);
            field(&mut out, "site:", &m.site_name);
            field(&mut out, "source:", &m.source);
            field(&mut out, "language:", &m.lang);
            field(&mut out, "url:", &m.url);
            let _ = writeln!(out, "  root:      {}", art.path);
            let _ = writeln!(
                out,
                "  length:    {} words, {} min read",
                art.word_count, art.reading_minutes
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Not an article: no block of the page reads as an article's prose."
            );
        }
    }
    if let Some(s) = &a.summary {
        let _ = writeln!(out);
        let _ = writeln!(out, "Summary");
        if let Some(t) = &s.tldr {
            let _ = writeln!(out, "  tl;dr: {}", t.text);
        }
        for p in &s.points {
            let _ = writeln!(out, "  - {}", p.text);
        }
        for (label, names) in [
            ("people", &s.people),
            ("places", &s.places),
            ("organisations", &s.organisations),
        ] {
            if !names.is_empty() {
                let _ = writeln!(out, "  {label}: {}", names.join(", "));
            }
        }
    }
    let clutter: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.label != Label::Article)
        .collect();
    let _ = writeln!(out);
    if clutter.is_empty() {
        let _ = writeln!(out, "Nothing to hide: no clutter found.");
    } else {
        let hidden = clutter
            .iter()
            .filter(|b| b.label.hidden_by_default())
            .count();
        let _ = writeln!(
            out,
            "Flagged blocks ({}; {hidden} hidden by default, the others only when their label is chosen)",
            clutter.len()
        );
        for b in clutter {
            let kept = if b.label.hidden_by_default() {
                ""
            } else {
                "  (kept by default)"
            };
            let _ = writeln!(
                out,
                "  {:<11} {:.2}  {}{kept}",
                b.label.as_str(),
                b.confidence,
                b.path
            );
            if !b.preview.is_empty() {
                let _ = writeln!(out, "              \"{}\"", b.preview);
            }
            let _ = writeln!(out, "              why: {}", b.message);
        }
    }
    if !a.fixes.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Page fixes ({})", a.fixes.len());
        for f in &a.fixes {
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(out, "  {:<11} {}  {}", kind, f.path, f.detail);
        }
    }
    terminal_safe(out.trim_end())
}
