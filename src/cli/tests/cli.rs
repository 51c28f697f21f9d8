//! The `decant` binary as users script it: exit codes, errors, and output that is safe to print.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn decant(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_decant"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("decant runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

const ARTICLE: &str = "<html><head><title>\u{1b}]0;pwned\u{7}Harbour news\u{1b}[31m</title></head>
<body><article><h1>Harbour ferry timetable changes</h1>
<p>The harbour ferry will run every forty minutes instead of every twenty from November, the
operator said on Monday, citing fewer passengers after the summer season and fuel costs.</p>
<p>Commuters who cross each morning said the change would add half an hour to their day, and a
petition asking for the old timetable at peak hours has gathered four hundred names.</p>
<p>The operator said it would review the timetable in February and that the first and last
crossings of the day would not change, so shift workers are not stranded late at night.</p>
</article></body></html>";

#[test]
fn page_text_reaches_the_terminal_without_escape_sequences() {
    let out = decant(&["analyze", "-"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("Harbour news"), "{report}");
    assert!(
        !report.contains('\u{1b}') && !report.contains('\u{7}'),
        "{report:?}"
    );
    // JSON keeps the exact text, escaped by the JSON encoder.
    let json = decant(&["analyze", "--json", "-"], ARTICLE.as_bytes());
    let json = String::from_utf8(json.stdout).unwrap();
    assert!(json.contains("\\u001b]0;pwned"), "{json}");
}

#[test]
fn binary_input_is_a_clear_error() {
    let out = decant(&["analyze", "-"], b"\x7fELF\x02\x01\x01\0\0\0garbage");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("looks like binary data"), "{err}");
    let out = decant(&["summarize", "--text", "-"], b"text\0more");
    assert_eq!(out.status.code(), Some(1));
    // UTF-16 has NUL bytes but starts with a byte-order mark: it is text, decoded as such.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "<title>Harbour</title><p>x</p>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let out = decant(&["analyze", "--json", "-"], &utf16);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("\"Harbour\""));
}

#[test]
fn a_page_in_a_legacy_encoding_is_read_in_it() {
    let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 na\xefve</title></head>\
                 <body><p>x</p></body></html>";
    let out = decant(&["analyze", "--json", "-"], page);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Caf\u{e9} na\u{ef}ve"));
}

#[test]
fn summarize_text_takes_windows_line_ends_and_refuses_empty_input() {
    let text = "The council approved the new bridge on Monday after a long debate.\r\n\r\n\
                Work will start in spring and take two years, officials said.\r\n";
    let out = decant(&["summarize", "--text", "-"], text.as_bytes());
    assert!(out.status.success());
    let lines = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        lines.lines().count(),
        2,
        "two paragraphs, two points: {lines}"
    );
    let out = decant(&["summarize", "--text", "-"], b" \r\n \n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("no text to summarise"));
}

#[test]
fn bad_usage_exits_2_and_a_missing_file_exits_1() {
    assert_eq!(decant(&[], b"").status.code(), Some(2));
    assert_eq!(decant(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(
        decant(&["analyze", "--length", "bogus", "-"], b"")
            .status
            .code(),
        Some(2)
    );
    let out = decant(&["analyze", "/nonexistent/page.html"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot read"));
}
