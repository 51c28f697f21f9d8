//! A small, total JSON parser for the JSON that pages embed (JSON-LD, `parsely-page`, ...).
//!
//! Pages are hostile, so the parser is iterative (an explicit stack, never recursion), limits
//! nesting to [`MAX_DEPTH`] (which also bounds the recursion of `Value`'s drop), runs in time
//! linear in the input and never panics: anything it cannot make sense of gives `None`.
//!
//! It is tolerant the way real pages need: HTML comment (`<!-- -->`) and CDATA wrappers,
//! `/* */` and `//` comments between tokens, trailing commas, a trailing `;`, raw control
//! characters inside strings, and `\'` escapes. Lone surrogate escapes become U+FFFD.

/// Deepest array/object nesting accepted; deeper input is rejected.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Objects keep their members in source order (duplicates included).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The first member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The elements of an array, or the value itself as a one-element slice (JSON-LD writes
    /// single values and lists interchangeably).
    pub fn items(&self) -> &[Value] {
        match self {
            Value::Array(a) => a,
            other => std::slice::from_ref(other),
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Parses one JSON value from `input` (see the module docs for what is tolerated).
pub fn parse(input: &str) -> Option<Value> {
    let body = strip_wrappers(input);
    let mut p = Parser {
        s: body,
        b: body.as_bytes(),
        i: 0,
    };
    let v = p.value()?;
    p.skip_ws();
    while p.peek() == Some(b';') {
        p.i += 1;
        p.skip_ws();
    }
    if p.i == p.b.len() {
        Some(v)
    } else {
        None
    }
}

/// Removes the comment/CDATA wrappers pages put around script content.
fn strip_wrappers(mut s: &str) -> &str {
    const PREFIXES: [&str; 4] = ["<!--", "<![CDATA[", "//<![CDATA[", "/*<![CDATA[*/"];
    const SUFFIXES: [&str; 5] = ["-->", "//]]>", "/*]]>*/", "]]>", "//-->"];
    loop {
        let before = s.len();
        s = s.trim();
        for p in PREFIXES {
            if let Some(r) = s.strip_prefix(p) {
                s = r;
            }
        }
        for x in SUFFIXES {
            if let Some(r) = s.strip_suffix(x) {
                s = r;
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

enum Frame {
    Array(Vec<Value>),
    Object(Vec<(String, Value)>, String),
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace and `/* */` / `//` comments.
    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0c) => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1) {
                    Some(b'*') => {
                        let rest = &self.s[self.i + 2..];
                        match rest.find("*/") {
                            Some(e) => self.i += 2 + e + 2,
                            None => self.i = self.b.len(),
                        }
                    }
                    Some(b'/') => {
                        let rest = &self.s[self.i + 2..];
                        match rest.find('\n') {
                            Some(e) => self.i += 2 + e + 1,
                            None => self.i = self.b.len(),
                        }
                    }
                    _ => return,
                },
                _ => return,
            }
        }
    }

    /// Parses a whole value with an explicit stack.
    fn value(&mut self) -> Option<Value> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            // Parse the start of a value; containers push a frame and loop for their first item.
            self.skip_ws();
            let mut v = match self.peek()? {
                b'{' => {
                    if stack.len() >= MAX_DEPTH {
                        return None;
                    }
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        Value::Object(Vec::new())
                    } else {
                        let key = self.key()?;
                        stack.push(Frame::Object(Vec::new(), key));
                        continue;
                    }
                }
                b'[' => {
                    if stack.len() >= MAX_DEPTH {
                        return None;
                    }
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        Value::Array(Vec::new())
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        continue;
                    }
                }
                b'"' => Value::String(self.string()?),
                b't' => self.literal("true", Value::Bool(true))?,
                b'f' => self.literal("false", Value::Bool(false))?,
                b'n' => self.literal("null", Value::Null)?,
                b'-' | b'0'..=b'9' => self.number()?,
                _ => return None,
            };
            // Attach the finished value to its container, closing containers as they end.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Some(v);
                };
                let close = match top {
                    Frame::Array(items) => {
                        items.push(v);
                        b']'
                    }
                    Frame::Object(members, key) => {
                        members.push((std::mem::take(key), v));
                        b'}'
                    }
                };
                self.skip_ws();
                match self.peek()? {
                    b',' => {
                        self.i += 1;
                        self.skip_ws();
                        if self.peek() == Some(close) {
                            // Trailing comma.
                            self.i += 1;
                        } else {
                            if let Some(Frame::Object(_, key)) = stack.last_mut() {
                                *key = self.key()?;
                            }
                            break;
                        }
                    }
                    c if c == close => self.i += 1,
                    _ => return None,
                }
                v = match stack.pop()? {
                    Frame::Array(items) => Value::Array(items),
                    Frame::Object(members, _) => Value::Object(members),
                };
            }
        }
    }

    /// An object key and its colon.
    fn key(&mut self) -> Option<String> {
        self.skip_ws();
        if self.peek()? != b'"' {
            return None;
        }
        let k = self.string()?;
        self.skip_ws();
        if self.peek()? != b':' {
            return None;
        }
        self.i += 1;
        Some(k)
    }

    fn literal(&mut self, word: &str, v: Value) -> Option<Value> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Some(v)
        } else {
            None
        }
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E') {
                self.i += 1;
            } else {
                break;
            }
        }
        let n = parse_number(&self.s[start..self.i])?;
        n.is_finite().then_some(Value::Number(n))
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.s.get(self.i..self.i + 4)?;
        if !h.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.i += 4;
        u32::from_str_radix(h, 16).ok()
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let c = self.peek()?;
            match c {
                b'"' => {
                    out.push_str(&self.s[run..self.i]);
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.s[run..self.i]);
                    self.i += 1;
                    let e = self.peek()?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'\'' => out.push('\''),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let ch = if (0xD800..0xDC00).contains(&hi) {
                                // A high surrogate wants a low one right after it.
                                let save = self.i;
                                let lo = if self.b[self.i..].starts_with(b"\\u") {
                                    self.i += 2;
                                    self.hex4()
                                } else {
                                    None
                                };
                                match lo {
                                    Some(lo) if (0xDC00..0xE000).contains(&lo) => char::from_u32(
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                    ),
                                    _ => {
                                        self.i = save;
                                        None
                                    }
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(ch.unwrap_or('\u{FFFD}'));
                        }
                        _ => return None,
                    }
                    run = self.i;
                }
                _ => self.i += 1,
            }
        }
    }
}

/// A JSON number, approximately (pages' numbers are never used for more than presence):
/// hand-rolled so the WASM build carries no exact float parser.
fn parse_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = b.first() == Some(&b'-');
    if neg {
        i += 1;
    }
    let (mut mantissa, mut exp10, mut digits) = (0f64, 0i32, 0);
    while i < b.len() && b[i].is_ascii_digit() {
        mantissa = mantissa * 10.0 + f64::from(b[i] - b'0');
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            mantissa = mantissa * 10.0 + f64::from(b[i] - b'0');
            exp10 -= 1;
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        let eneg = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let mut e = 0i32;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            e = e.saturating_mul(10).saturating_add(i32::from(b[i] - b'0'));
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 = exp10.saturating_add(if eneg { -e } else { e });
    }
    if i != b.len() {
        return None;
    }
    let v = mantissa * 10f64.powi(exp10.clamp(-400, 400));
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.to_string())
    }

    #[test]
    fn parses_the_basics() {
        let v =
            parse(r#"{"a": [1, -2.5e1, true, false, null], "b": {"c": "d"}, "e": {}, "f": []}"#)
                .unwrap();
        assert_eq!(
            v.get("a").unwrap().items(),
            &[
                Value::Number(1.0),
                Value::Number(-25.0),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]
        );
        assert_eq!(v.get("b").unwrap().get("c"), Some(&s("d")));
        assert_eq!(v.get("e"), Some(&Value::Object(vec![])));
        assert_eq!(v.get("f"), Some(&Value::Array(vec![])));
        assert_eq!(parse("\"x\"").unwrap(), s("x"));
        assert_eq!(parse(" 3 ").unwrap(), Value::Number(3.0));
    }

    #[test]
    fn escapes_and_unicode() {
        assert_eq!(parse(r#""a\"b\\c\/d\n\u00e9""#).unwrap(), s("a\"b\\c/d\né"));
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), s("😀"));
        assert_eq!(parse(r#""日本語 ünï""#).unwrap(), s("日本語 ünï"));
        // Lone surrogates become U+FFFD, and what follows is kept.
        assert_eq!(parse(r#""\ud83dx""#).unwrap(), s("\u{FFFD}x"));
        assert_eq!(parse(r#""\ude00""#).unwrap(), s("\u{FFFD}"));
        assert_eq!(parse(r#""\ud83d\u0041""#).unwrap(), s("\u{FFFD}A"));
        // Invalid escapes are bad JSON.
        assert_eq!(parse(r#""\x41""#), None);
        assert_eq!(parse(r#""\u12""#), None);
        assert_eq!(parse(r#""\u12g4""#), None);
        assert_eq!(parse("\"\\"), None);
    }

    #[test]
    fn tolerates_what_pages_do() {
        let v = parse("<!--\n{\"a\": [1, 2,], \"b\": 3,}\n-->").unwrap();
        assert_eq!(v.get("b"), Some(&Value::Number(3.0)));
        assert_eq!(v.get("a").unwrap().items().len(), 2);
        let v = parse("//<![CDATA[\n{\"a\": \"x\"}\n//]]>").unwrap();
        assert_eq!(v.get("a"), Some(&s("x")));
        let v = parse("/* c */ {\"a\" /* d */: 1 // e\n};").unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number(1.0)));
        assert_eq!(
            parse("{\"a\": \"line\nbreak\"}").unwrap().get("a"),
            Some(&s("line\nbreak"))
        );
    }

    #[test]
    fn rejects_bad_json() {
        for bad in [
            "", "{", "[", "[1", "{\"a\"}", "{\"a\":}", "{a: 1}", "[1 2]", "tru", "nul", "-", "1e",
            "[,]", "{,}", "\"abc", "[1]]", "{} {}", "'a'", "[1,,2]", "1e999",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hostile_inputs_are_bounded() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), None);
        let deep_ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep_ok).is_some());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&too_deep), None);
        let deep_obj = "{\"a\":".repeat(100_000);
        assert_eq!(parse(&deep_obj), None);
        let huge = format!("\"{}\"", "é".repeat(1_000_000));
        assert_eq!(
            parse(&huge).unwrap().as_str().map(|x| x.chars().count()),
            Some(1_000_000)
        );
        let many = format!("[{}1]", "1,".repeat(200_000));
        assert_eq!(parse(&many).unwrap().items().len(), 200_001);
        assert_eq!(parse(&"\\".repeat(10_001)), None);
        assert_eq!(parse("\"\\u"), None);
        assert_eq!(parse("\"\\ud800\\u"), None);
    }
}
