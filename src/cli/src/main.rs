//! `decant`: run the Decant core on saved HTML files.
//!
//! ```text
//! decant mark [FILE|-]              the page with data-decant="<label>" on flagged blocks
//! decant analyze [--json] [--length L] [FILE|-]  the cleanup report
//! decant summarize [--length L] [--text] [--json] [FILE|-]  key points, one per line
//! ```
//! Exit status: 0 success (nothing to flag is a success), 1 input that cannot be used
//! (unreadable, binary, or for `summarize` a page that is not an article or no text), 2 bad
//! usage.

use std::io::{Read, Write};
use std::process::ExitCode;

use decant_core::dom::{Document, NodeData, NodeId};
use decant_core::summary::{paragraphs_from_text, summarize, SummaryLength, SummaryOptions};
use decant_core::{Analysis, Engine, Options};

mod report;

const USAGE: &str = "\
usage: decant <command> [options] [FILE|-]

commands:
  mark [FILE|-]              print the page as HTML with data-decant=\"<label>\" on each
                             flagged block and on the article root
  analyze [--json] [--length L] [FILE|-]
                             print the cleanup report: blocks and why, page fixes, the
                             article's metadata and summary
  summarize [--length L] [--text] [--json] [FILE|-]
                             print the article's key points, one per line (--json: the
                             summary object; --text: the input is plain text, not HTML)
  help                       print this message

L is short (3 points), medium (5), long (7) or auto (by the article's length, the default).
FILE defaults to standard input ('-').";

/// A failure with its exit status.
enum Failure {
    Usage(String),
    Input(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("decant: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("decant: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Parsed options common to the commands.
struct Opts {
    json: bool,
    text: bool,
    length: SummaryLength,
    input: String,
}

/// Which flags a command takes.
struct Allowed {
    json: bool,
    length: bool,
    text: bool,
}

fn parse_opts(args: &[String], allowed: Allowed) -> Result<Opts, Failure> {
    let mut opts = Opts {
        json: false,
        text: false,
        length: SummaryLength::Auto,
        input: "-".into(),
    };
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" if allowed.json => opts.json = true,
            "--text" if allowed.text => opts.text = true,
            "--length" if allowed.length => {
                opts.length = match it.next().map(String::as_str) {
                    Some("short") => SummaryLength::Short,
                    Some("medium") => SummaryLength::Medium,
                    Some("long") => SummaryLength::Long,
                    Some("auto") => SummaryLength::Auto,
                    Some(other) => {
                        return Err(Failure::Usage(format!(
                            "--length takes short, medium, long or auto, not '{other}'"
                        )))
                    }
                    None => return Err(Failure::Usage("--length needs a value".into())),
                }
            }
            "-" => positional.push(a.clone()),
            s if s.starts_with('-') => return Err(Failure::Usage(format!("unknown option '{s}'"))),
            _ => positional.push(a.clone()),
        }
    }
    if positional.len() > 1 {
        return Err(Failure::Usage("expected at most one FILE".into()));
    }
    if let Some(p) = positional.pop() {
        opts.input = p;
    }
    Ok(opts)
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some(cmd) = args.first() else {
        return Err(Failure::Usage("missing command".into()));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        "mark" => {
            let opts = parse_opts(
                rest,
                Allowed {
                    json: false,
                    length: false,
                    text: false,
                },
            )?;
            let doc = load(&opts.input)?;
            let mut engine = Engine::new(doc);
            let analysis = engine.analyze();
            let html = mark(engine.document(), &analysis);
            write_out(&html)
        }
        "analyze" => {
            let opts = parse_opts(
                rest,
                Allowed {
                    json: true,
                    length: true,
                    text: false,
                },
            )?;
            let doc = load(&opts.input)?;
            let analysis = Engine::with_options(doc, engine_options(&opts)).analyze();
            let text = if opts.json {
                serde_json::to_string_pretty(&analysis)
                    .map_err(|e| Failure::Input(e.to_string()))?
            } else {
                report::render(&analysis, &opts.input)
            };
            write_out(&text)
        }
        "summarize" => {
            let opts = parse_opts(
                rest,
                Allowed {
                    json: true,
                    length: true,
                    text: true,
                },
            )?;
            let summary = if opts.text {
                let text = String::from_utf8_lossy(&read_input(&opts.input)?).into_owned();
                let paragraphs = paragraphs_from_text(&text);
                if paragraphs.is_empty() {
                    return Err(Failure::Input("no text to summarise".into()));
                }
                summarize(&paragraphs, None, &engine_options(&opts).summary)
            } else {
                let doc = load(&opts.input)?;
                match Engine::with_options(doc, engine_options(&opts))
                    .analyze()
                    .summary
                {
                    Some(s) => s,
                    None => {
                        return Err(Failure::Input(
                            "not an article: nothing to summarise".into(),
                        ))
                    }
                }
            };
            if opts.json {
                write_out(
                    &serde_json::to_string_pretty(&summary)
                        .map_err(|e| Failure::Input(e.to_string()))?,
                )
            } else {
                let lines: Vec<&str> = summary.points.iter().map(|p| p.text.as_str()).collect();
                write_out(&report::terminal_safe(&lines.join("\n")))
            }
        }
        other => Err(Failure::Usage(format!("unknown command '{other}'"))),
    }
}

fn write_out(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`decant mark x | head`) is not an error worth a message.
    let _ = out
        .write_all(s.as_bytes())
        .and_then(|_| out.write_all(b"\n"));
    Ok(())
}

fn engine_options(opts: &Opts) -> Options {
    Options {
        summary: SummaryOptions {
            length: opts.length,
            lang: None,
        },
        ..Options::default()
    }
}

/// The bytes of FILE, or of standard input for "-".
fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        Ok(b)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read '{path}': {e}")))
    }
    .and_then(|bytes| {
        // HTML and plain text have no NUL bytes, an executable or an image does (UTF-16 text
        // does too, but starts with its byte-order mark).
        let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
        if !utf16 && bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
            let name = if path == "-" { "standard input" } else { path };
            Err(Failure::Input(format!(
                "'{name}' looks like binary data, not HTML or text"
            )))
        } else {
            Ok(bytes)
        }
    })
}

/// Bytes looked at for NULs to tell binary input from HTML or text.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Reads and parses the input; strips `data-decant` attributes a previous run left.
fn load(path: &str) -> Result<Document, Failure> {
    let bytes = read_input(path)?;
    let mut doc = decant_core::html::parse_html_bytes(&bytes);
    let ids: Vec<NodeId> = doc.descendants(NodeId::ROOT).collect();
    for id in ids {
        if let NodeData::Element(e) = doc.data_mut(id) {
            e.attrs.retain(|a| a.name != "data-decant");
        }
    }
    Ok(doc)
}

fn mark(doc: &Document, analysis: &Analysis) -> String {
    decant_core::serialize::to_html(doc, |id| {
        analysis
            .blocks
            .iter()
            .find(|b| b.node == id)
            .map(|b| vec![("data-decant".to_string(), b.label.as_str().to_string())])
            .unwrap_or_default()
    })
}
