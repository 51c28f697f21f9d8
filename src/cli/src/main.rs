//! `decant`: run the Decant core on saved HTML files.
//!
//! ```text
//! decant mark [FILE|-]              the page with data-decant="<label>" on flagged blocks
//! decant analyze [--json] [FILE|-]  the cleanup report
//! ```
//! Exit status: 0 success (nothing to flag is a success), 1 unreadable input, 2 bad usage.

use std::io::{Read, Write};
use std::process::ExitCode;

use decant_core::dom::{Document, NodeData, NodeId};
use decant_core::{Analysis, Engine};

mod report;

const USAGE: &str = "\
usage: decant <command> [options] [FILE|-]

commands:
  mark [FILE|-]              print the page as HTML with data-decant=\"<label>\" on each
                             flagged block and on the article root
  analyze [--json] [FILE|-]  print the cleanup report: blocks and why, page fixes, article
  help                       print this message

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
    input: String,
}

fn parse_opts(args: &[String], allow_json: bool) -> Result<Opts, Failure> {
    let mut opts = Opts {
        json: false,
        input: "-".into(),
    };
    let mut positional = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" if allow_json => opts.json = true,
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
            let opts = parse_opts(rest, false)?;
            let doc = load(&opts.input)?;
            let mut engine = Engine::new(doc);
            let analysis = engine.analyze();
            let html = mark(engine.document(), &analysis);
            write_out(&html)
        }
        "analyze" => {
            let opts = parse_opts(rest, true)?;
            let doc = load(&opts.input)?;
            let analysis = Engine::new(doc).analyze();
            let text = if opts.json {
                serde_json::to_string_pretty(&analysis)
                    .map_err(|e| Failure::Input(e.to_string()))?
            } else {
                report::render(&analysis, &opts.input)
            };
            write_out(&text)
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

/// Reads and parses the input; strips `data-decant` attributes a previous run left.
fn load(path: &str) -> Result<Document, Failure> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("cannot read '{path}': {e}")))?
    };
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
