//! JSON text → [`Tape`], a flat, borrowed reading of the text that refuses
//! duplicate keys.
//!
//! Written by hand rather than with serde_json, for three reasons measured on
//! 100,000 villages (`cargo run --release --example bench`): a tree of maps
//! and owned strings read at about 20 MB/s and took about 13 times the file's
//! size in memory; serde_json and serde cost about 5 KB of the gzipped wasm;
//! and serde_json keeps the last of two equal keys, so the duplicate check
//! needed a seed around it anyway. The tape is one `Vec` of 12-byte nodes in
//! reading order: strings stay slices of the text (unescaped only when read),
//! numbers are parsed once into a side `Vec<f64>`, containers know where they
//! end, so a walk skips a whole subtree in one step.
//!
//! Syntax errors are serde_json's, word for word and at the same place (the
//! bad-input corpus, `tests/fixtures/bad/EXPECTED.tsv`, holds them): the same
//! message, the same choice between "the byte just read" and "the byte about
//! to be read", the same recursion limit of 128. A syntax error anywhere wins
//! over a duplicate key; the first duplicate key, in reading order, wins over
//! everything the walk finds.

use crate::hash::FxSet;
use std::borrow::Cow;

use super::text::needs_code_point;
use crate::error::quote;

/// What stopped a reading.
pub enum ReadError {
    /// serde_json's wording of the problem, and the byte offset it names
    /// (serde_json's column is the offset from the line's start).
    Syntax { detail: &'static str, at: usize },
    /// The path of the second occurrence, and the key.
    DuplicateKey { path: String, key: String },
    /// Over [`MAX_TEXT`] bytes (the file limit keeps files well under).
    TooLong,
}

/// serde_json's messages (its `ErrorCode`s' `Display`).
mod code {
    pub const EOF_LIST: &str = "EOF while parsing a list";
    pub const EOF_OBJECT: &str = "EOF while parsing an object";
    pub const EOF_STRING: &str = "EOF while parsing a string";
    pub const EOF_VALUE: &str = "EOF while parsing a value";
    pub const COLON: &str = "expected `:`";
    pub const LIST_COMMA: &str = "expected `,` or `]`";
    pub const OBJECT_COMMA: &str = "expected `,` or `}`";
    pub const IDENT: &str = "expected ident";
    pub const VALUE: &str = "expected value";
    pub const ESCAPE: &str = "invalid escape";
    pub const NUMBER: &str = "invalid number";
    pub const RANGE: &str = "number out of range";
    pub const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
    pub const KEY: &str = "key must be a string";
    pub const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub const HEX_END: &str = "unexpected end of hex escape";
    pub const TRAILING_COMMA: &str = "trailing comma";
    pub const TRAILING: &str = "trailing characters";
    pub const DEPTH: &str = "recursion limit exceeded";
}

/// serde_json's nesting limit: the 128th open bracket is refused.
const DEPTH: u32 = 128;

/// Above this many keys an object's duplicate check uses a hash set instead
/// of comparing each key with the ones before it.
const LINEAR_KEYS: usize = 16;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Kind {
    Null,
    True,
    False,
    /// `a`: the offset of its first byte; `b`: its index in `numbers`.
    Number,
    /// `a..b`: the bytes between the quotes; `Escaped` when a `\` is among them.
    Plain,
    Escaped,
    /// `a`: how many items (pairs for an object: key node, value node);
    /// `b`: the index of the node after the container's last node.
    Array,
    Object,
}

/// A node in 8 bytes: the kind in the top 3 bits of the first word, `a` in
/// the other 29 (so texts stay under 512 MiB: [`MAX_TEXT`]), `b` in the second.
#[derive(Clone, Copy, Debug)]
struct Node {
    tag: u32,
    b: u32,
}

/// The longest text a tape can address.
pub const MAX_TEXT: usize = (1 << 29) - 1;

const KINDS: [Kind; 8] = [
    Kind::Null,
    Kind::True,
    Kind::False,
    Kind::Number,
    Kind::Plain,
    Kind::Escaped,
    Kind::Array,
    Kind::Object,
];

impl Node {
    #[inline(always)]
    fn new(kind: Kind, a: usize, b: usize) -> Self {
        Node {
            tag: ((kind as u32) << 29) | (a as u32 & MAX_TEXT as u32),
            b: b as u32,
        }
    }

    #[inline(always)]
    fn kind(&self) -> Kind {
        KINDS
            .get((self.tag >> 29) as usize)
            .copied()
            .unwrap_or(Kind::Null)
    }

    #[inline(always)]
    fn a(&self) -> u32 {
        self.tag & MAX_TEXT as u32
    }
}

/// A JSON text, read.
pub struct Tape<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    numbers: Vec<f64>,
}

impl<'t> Tape<'t> {
    /// Reads `text`: one JSON value and nothing after it but whitespace. The
    /// caller keeps texts under 4 GB (the file limit is far below).
    pub fn read(text: &'t str) -> Result<Self, ReadError> {
        if text.len() > MAX_TEXT {
            return Err(ReadError::TooLong);
        }
        let mut reader = Reader {
            text,
            bytes: text.as_bytes(),
            i: 0,
            depth: DEPTH,
            nodes: Vec::with_capacity(most_nodes(text.as_bytes())),
            numbers: Vec::new(),
            keys: Vec::new(),
            duplicate: None,
        };
        reader.value(&Step::Root)?;
        if reader.whitespace().is_some() {
            return Err(reader.peek_error(code::TRAILING));
        }
        if let Some((path, key)) = reader.duplicate {
            return Err(ReadError::DuplicateKey { path, key });
        }
        Ok(Tape {
            text,
            nodes: reader.nodes,
            numbers: reader.numbers,
        })
    }

    /// The top-level value.
    pub fn root(&self) -> Json<'_> {
        self.at(0)
    }

    fn at(&self, i: usize) -> Json<'_> {
        let Some(node) = self.nodes.get(i) else {
            return Json::Null;
        };
        match node.kind() {
            Kind::Null => Json::Null,
            Kind::True => Json::Bool(true),
            Kind::False => Json::Bool(false),
            Kind::Number => Json::Number(Number {
                value: self.numbers.get(node.b as usize).copied().unwrap_or(0.0),
                start: node.a(),
            }),
            Kind::Plain | Kind::Escaped => Json::String(self.string(node)),
            Kind::Array => Json::Array(List {
                tape: self,
                first: i.saturating_add(1),
                len: node.a() as usize,
            }),
            Kind::Object => Json::Object(Map {
                tape: self,
                first: i.saturating_add(1),
                len: node.a() as usize,
            }),
        }
    }

    fn string(&self, node: &Node) -> Str<'_> {
        Str {
            raw: self
                .text
                .get(node.a() as usize..node.b as usize)
                .unwrap_or(""),
            escaped: node.kind() == Kind::Escaped,
        }
    }

    /// The node after the value at `i` and everything in it.
    fn next(&self, i: usize) -> usize {
        match self.nodes.get(i) {
            Some(n) if matches!(n.kind(), Kind::Array | Kind::Object) => n.b as usize,
            _ => i.saturating_add(1),
        }
    }

    /// A number as written in the text.
    pub fn number_text(&self, number: &Number) -> &'t str {
        let start = number.start as usize;
        let rest = self.text.get(start..).unwrap_or("");
        let len = rest
            .bytes()
            .position(|c| !matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            .unwrap_or(rest.len());
        rest.get(..len).unwrap_or("")
    }
}

/// A value of a [`Tape`].
#[derive(Clone, Copy)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Str<'a>),
    Array(List<'a>),
    Object(Map<'a>),
}

/// A number: its value, and where it was written (see [`Tape::number_text`]).
#[derive(Debug, Clone, Copy)]
pub struct Number {
    pub value: f64,
    start: u32,
}

/// A string as written between its quotes.
#[derive(Clone, Copy)]
pub struct Str<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> Str<'a> {
    /// The string's text, its escapes resolved (borrowed when it has none).
    pub fn text(&self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    fn is(&self, key: &str) -> bool {
        if self.escaped {
            unescape(self.raw) == key
        } else {
            self.raw == key
        }
    }
}

/// An array's items.
#[derive(Clone, Copy)]
pub struct List<'a> {
    tape: &'a Tape<'a>,
    first: usize,
    len: usize,
}

impl<'a> List<'a> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = Json<'a>> + 'a {
        let tape = self.tape;
        let mut i = self.first;
        (0..self.len).map(move |_| {
            let item = tape.at(i);
            i = tape.next(i);
            item
        })
    }

    pub fn get(&self, n: usize) -> Option<Json<'a>> {
        self.iter().nth(n)
    }
}

/// An object's pairs, in the order written.
#[derive(Clone, Copy)]
pub struct Map<'a> {
    tape: &'a Tape<'a>,
    first: usize,
    len: usize,
}

impl<'a> Map<'a> {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = (Str<'a>, Json<'a>)> + 'a {
        let tape = self.tape;
        let mut i = self.first;
        (0..self.len).map(move |_| {
            let key = tape.nodes.get(i).map(|n| tape.string(n)).unwrap_or(Str {
                raw: "",
                escaped: false,
            });
            let value_at = i.saturating_add(1);
            i = tape.next(value_at);
            (key, tape.at(value_at))
        })
    }

    /// The value of `key` (keys are unique: [`Tape::read`] refuses duplicates).
    /// Only the keys are read until one matches: a village's "name",
    /// "group" and "values" are looked up a hundred thousand times.
    pub fn get(&self, key: &str) -> Option<Json<'a>> {
        let tape = self.tape;
        let mut i = self.first;
        for _ in 0..self.len {
            let value_at = i.saturating_add(1);
            if tape.nodes.get(i).is_some_and(|n| tape.string(n).is(key)) {
                return Some(tape.at(value_at));
            }
            i = tape.next(value_at);
        }
        None
    }
}

/// Resolves the escapes of a string [`Tape::read`] has checked.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(slash) = rest.find('\\') {
        out.push_str(rest.get(..slash).unwrap_or(""));
        let after = rest.get(slash.saturating_add(1)..).unwrap_or("");
        let mut chars = after.chars();
        let escape = chars.next().unwrap_or('\\');
        rest = chars.as_str();
        match escape {
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let unit = |s: &str| s.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok());
                let high = unit(rest).unwrap_or(0xFFFD);
                rest = rest.get(4..).unwrap_or("");
                let code = if (0xD800..0xDC00).contains(&high) {
                    // Checked: a `\uDC00`–`\uDFFF` follows.
                    let low = rest.get(2..).and_then(unit).unwrap_or(0xDC00);
                    rest = rest.get(6..).unwrap_or("");
                    (high.saturating_sub(0xD800) << 10)
                        .saturating_add(low.saturating_sub(0xDC00))
                        .saturating_add(0x10000)
                } else {
                    high
                };
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            other => out.push(other),
        }
    }
    out.push_str(rest);
    out
}

/// Where a value sits, as a chain up to the root; turned into a path string
/// only when a duplicate is found.
enum Step<'a> {
    Root,
    Key(&'a str, &'a Step<'a>),
    Index(usize, &'a Step<'a>),
}

impl Step<'_> {
    fn path(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Key(key, parent) => join(&parent.path(), key),
            Step::Index(i, parent) => index(&parent.path(), *i),
        }
    }
}

/// `path.key`. A key a reader could misread (empty, with spaces or invisible
/// characters, or with `.`, `[`, `]`, `"`) is written quoted: `values[" income "]`.
/// A key longer than 40 characters is cut, so a path never repeats a huge key.
pub fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key
            .chars()
            .any(|c| c == ' ' || matches!(c, '.' | '[' | ']' | '"') || needs_code_point(c));
    if !plain {
        return format!("{path}[{}]", quote(key));
    }
    let key: String = if key.chars().nth(40).is_some() {
        key.chars().take(40).chain(['…']).collect()
    } else {
        key.to_string()
    };
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

/// `path[i]`.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The reading in progress. `i` is the next byte to read; errors name either
/// `i` (the byte just read, serde_json's `error`) or `i + 1` (the byte about
/// to be read, its `peek_error`).
struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    i: usize,
    /// How many more brackets may open.
    depth: u32,
    nodes: Vec<Node>,
    numbers: Vec<f64>,
    /// The keys of the objects being read, innermost last.
    keys: Vec<&'t str>,
    duplicate: Option<(String, String)>,
}

type Read<T = ()> = Result<T, ReadError>;

impl<'t> Reader<'t> {
    fn error(&self, detail: &'static str) -> ReadError {
        ReadError::Syntax { detail, at: self.i }
    }

    fn peek_error(&self, detail: &'static str) -> ReadError {
        ReadError::Syntax {
            detail,
            at: self.i.saturating_add(1).min(self.bytes.len()),
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    #[inline(always)]
    fn bump(&mut self) {
        self.i = self.i.saturating_add(1);
    }

    /// Skips whitespace; the next byte, not consumed. Most tokens follow
    /// another directly (minified JSON): that byte is looked at here, and
    /// only a real run of whitespace goes to [`Reader::spaces`].
    #[inline(always)]
    fn whitespace(&mut self) -> Option<u8> {
        match self.peek() {
            Some(b' ' | b'\n' | b'\t' | b'\r') => self.spaces(),
            other => other,
        }
    }

    fn spaces(&mut self) -> Option<u8> {
        while let Some(c) = self.peek() {
            if !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(c);
            }
            self.bump();
        }
        None
    }

    fn push(&mut self, kind: Kind, a: usize, b: usize) -> usize {
        let at = self.nodes.len();
        self.nodes.push(Node::new(kind, a, b));
        at
    }

    fn value(&mut self, at: &Step) -> Read {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(code::EOF_VALUE));
        };
        match peek {
            b'n' => self.ident(b"null", Kind::Null),
            b't' => self.ident(b"true", Kind::True),
            b'f' => self.ident(b"false", Kind::False),
            b'-' | b'0'..=b'9' => self.number(),
            b'"' => {
                self.bump();
                let (start, end, escaped) = self.string()?;
                let kind = if escaped { Kind::Escaped } else { Kind::Plain };
                self.push(kind, start, end);
                Ok(())
            }
            b'[' | b'{' => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    return Err(self.peek_error(code::DEPTH));
                }
                self.bump();
                if peek == b'[' {
                    self.array(at)?;
                } else {
                    self.object(at)?;
                }
                self.depth = self.depth.saturating_add(1);
                Ok(())
            }
            _ => Err(self.peek_error(code::VALUE)),
        }
    }

    fn ident(&mut self, word: &[u8], kind: Kind) -> Read {
        for &expected in word {
            let Some(c) = self.peek() else {
                return Err(self.error(code::EOF_VALUE));
            };
            self.bump();
            if c != expected {
                return Err(self.error(code::IDENT));
            }
        }
        self.push(kind, 0, 0);
        Ok(())
    }

    /// Skips digits, adding them to `value` (wrapping: `decimal` reads a
    /// number too long for it); how many there were.
    fn digits(&mut self, value: &mut u64) -> usize {
        let start = self.i;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            self.bump();
            *value = value
                .wrapping_mul(10)
                .wrapping_add(u64::from(d.wrapping_sub(b'0')));
        }
        self.i.saturating_sub(start)
    }

    /// A number, checked as serde_json checks it, then converted ([`decimal`]).
    fn number(&mut self) -> Read {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.bump();
        }
        let Some(first) = self.peek() else {
            return Err(self.error(code::EOF_VALUE));
        };
        self.bump();
        // The digits as one integer, and how many follow the point: most
        // numbers are read from these, in the one pass that checks them.
        let mut significand = u64::from(first.wrapping_sub(b'0'));
        let mut count: usize = 1;
        let mut decimals = 0;
        match first {
            b'0' => {
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.peek_error(code::NUMBER));
                }
            }
            b'1'..=b'9' => count = count.saturating_add(self.digits(&mut significand)),
            _ => return Err(self.error(code::NUMBER)),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            decimals = self.digits(&mut significand);
            if decimals == 0 {
                return Err(self.peek_error(match self.peek() {
                    Some(_) => code::NUMBER,
                    None => code::EOF_VALUE,
                }));
            }
            count = count.saturating_add(decimals);
        }
        // Up to 15 digits and 22 decimals, both factors exact: `decimal`'s
        // own arithmetic, without reading the digits again.
        let quick = (count <= 15 && !matches!(self.peek(), Some(b'e' | b'E')))
            .then(|| POW10.get(decimals))
            .flatten();
        if let Some(pow) = quick {
            let value = significand as f64 / pow;
            let nth = self.numbers.len();
            self.numbers.push(if negative { -value } else { value });
            self.push(Kind::Number, start, nth);
            return Ok(());
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            let Some(c) = self.peek() else {
                return Err(self.error(code::EOF_VALUE));
            };
            self.bump();
            if !c.is_ascii_digit() {
                return Err(self.error(code::NUMBER));
            }
            // serde_json stops at the digit that takes a positive exponent of
            // a non-zero number past i32::MAX, and says so there.
            let positive = self.bytes.get(self.i.saturating_sub(2)) != Some(&b'-');
            let nonzero = self
                .bytes
                .get(start..self.i)
                .unwrap_or_default()
                .iter()
                .take_while(|&&c| c != b'e' && c != b'E')
                .any(|&c| matches!(c, b'1'..=b'9'));
            let mut exponent = i64::from(c.wrapping_sub(b'0'));
            while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
                self.bump();
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i64::from(d.wrapping_sub(b'0')));
                if exponent > i64::from(i32::MAX) && positive && nonzero {
                    return Err(self.error(code::RANGE));
                }
            }
        }
        let written = self.bytes.get(start..self.i).unwrap_or_default();
        let value = match decimal(written) {
            Some(value) => value,
            None => return Err(self.error(code::RANGE)),
        };
        let nth = self.numbers.len();
        self.numbers.push(value);
        self.push(Kind::Number, start, nth);
        Ok(())
    }

    /// A string's body, the opening quote read: (start, end, has escapes).
    fn string(&mut self) -> Read<(usize, usize, bool)> {
        let start = self.i;
        let mut escaped = false;
        loop {
            // The run of bytes that need no look (most of a string, often
            // all of it), skipped in one scan rather than a call per byte.
            let rest = self.bytes.get(self.i..).unwrap_or_default();
            let plain = rest
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(rest.len());
            self.i = self.i.saturating_add(plain);
            let Some(c) = self.peek() else {
                return Err(self.error(code::EOF_STRING));
            };
            self.bump();
            match c {
                b'"' => return Ok((start, self.i.saturating_sub(1), escaped)),
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                0..=0x1F => return Err(self.error(code::CONTROL)),
                _ => {}
            }
        }
    }

    fn escape(&mut self) -> Read {
        let Some(c) = self.peek() else {
            return Err(self.error(code::EOF_STRING));
        };
        self.bump();
        match c {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                let high = self.hex()?;
                if (0xDC00..=0xDFFF).contains(&high) {
                    return Err(self.error(code::LONE_SURROGATE));
                }
                if !(0xD800..=0xDBFF).contains(&high) {
                    return Ok(());
                }
                for expected in [b'\\', b'u'] {
                    let Some(c) = self.peek() else {
                        return Err(self.error(code::EOF_STRING));
                    };
                    self.bump();
                    if c != expected {
                        return Err(self.error(code::HEX_END));
                    }
                }
                let low = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(code::LONE_SURROGATE));
                }
                Ok(())
            }
            _ => Err(self.error(code::ESCAPE)),
        }
    }

    /// Four hex digits after `\u`.
    fn hex(&mut self) -> Read<u32> {
        let Some(digits) = self.bytes.get(self.i..self.i.saturating_add(4)) else {
            self.i = self.bytes.len();
            return Err(self.error(code::EOF_STRING));
        };
        self.i = self.i.saturating_add(4);
        std::str::from_utf8(digits)
            .ok()
            .filter(|s| s.bytes().all(|c| c.is_ascii_hexdigit()))
            .and_then(|s| u32::from_str_radix(s, 16).ok())
            .ok_or_else(|| self.error(code::ESCAPE))
    }

    fn array(&mut self, at: &Step) -> Read {
        let node = self.push(Kind::Array, 0, 0);
        let mut count = 0usize;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(code::EOF_LIST));
            };
            if peek == b']' {
                break;
            }
            if count > 0 {
                if peek != b',' {
                    return Err(self.peek_error(code::LIST_COMMA));
                }
                self.bump();
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(code::TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(code::EOF_VALUE)),
                }
            }
            self.value(&Step::Index(count, at))?;
            count = count.saturating_add(1);
        }
        self.bump();
        self.close(node, count);
        Ok(())
    }

    fn object(&mut self, at: &Step) -> Read {
        let node = self.push(Kind::Object, 0, 0);
        let base = self.keys.len();
        // Built once an object has more than LINEAR_KEYS keys.
        let mut set: Option<FxSet<Cow<'t, str>>> = None;
        let mut count = 0usize;
        let result = loop {
            let Some(peek) = self.whitespace() else {
                break Err(self.peek_error(code::EOF_OBJECT));
            };
            if peek == b'}' {
                break Ok(());
            }
            if count == 0 {
                if peek != b'"' {
                    break Err(self.peek_error(code::KEY));
                }
            } else if peek == b',' {
                self.bump();
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => break Err(self.peek_error(code::TRAILING_COMMA)),
                    Some(_) => break Err(self.peek_error(code::KEY)),
                    None => break Err(self.peek_error(code::EOF_VALUE)),
                }
            } else {
                break Err(self.peek_error(code::OBJECT_COMMA));
            }
            self.bump();
            let (start, end, escaped) = match self.string() {
                Ok(key) => key,
                Err(e) => break Err(e),
            };
            let raw = self.text.get(start..end).unwrap_or_default();
            let kind = if escaped { Kind::Escaped } else { Kind::Plain };
            self.push(kind, start, end);
            match self.whitespace() {
                Some(b':') => self.bump(),
                Some(_) => break Err(self.peek_error(code::COLON)),
                None => break Err(self.peek_error(code::EOF_OBJECT)),
            }
            let key: Cow<'t, str> = if escaped {
                Cow::Owned(unescape(raw))
            } else {
                Cow::Borrowed(raw)
            };
            let earlier = self.keys.get(base..).unwrap_or_default();
            let repeated = match &mut set {
                Some(set) => !set.insert(key.clone()),
                None if earlier.len() < LINEAR_KEYS => earlier.iter().any(|k| {
                    // Keys with escapes are compared by their text.
                    if k.contains('\\') || escaped {
                        unescape(k) == key
                    } else {
                        key.as_ref() == *k
                    }
                }),
                None => {
                    let mut all: FxSet<Cow<'t, str>> = earlier
                        .iter()
                        .map(|k| {
                            if k.contains('\\') {
                                Cow::Owned(unescape(k))
                            } else {
                                Cow::Borrowed(*k)
                            }
                        })
                        .collect();
                    let repeated = !all.insert(key.clone());
                    set = Some(all);
                    repeated
                }
            };
            self.keys.push(raw);
            let step = Step::Key(&key, at);
            if repeated && self.duplicate.is_none() {
                self.duplicate = Some((step.path(), key.to_string()));
            }
            if let Err(e) = self.value(&step) {
                break Err(e);
            }
            count = count.saturating_add(1);
        };
        self.keys.truncate(base);
        result?;
        self.bump();
        self.close(node, count);
        Ok(())
    }

    /// Records a container's item count and where it ends.
    fn close(&mut self, node: usize, count: usize) {
        let end = self.nodes.len() as u32;
        if let Some(n) = self.nodes.get_mut(node) {
            *n = Node::new(n.kind(), count, end as usize);
        }
    }
}

/// At most how many nodes a text makes: a string has two quotes, any other
/// value but the last of a container is followed by a comma, and containers
/// are counted by their opening bracket. Reserving this up front (the count
/// runs at memory speed) spares the tape the copies, and the peak of twice
/// its size, of a growing `Vec`.
fn most_nodes(bytes: &[u8]) -> usize {
    // One pass, a count per byte value (texts stay under 512 MiB: u32).
    let mut counts = [0u32; 256];
    for &b in bytes {
        if let Some(c) = counts.get_mut(usize::from(b)) {
            *c = c.wrapping_add(1);
        }
    }
    let count = |c: u8| counts.get(usize::from(c)).map_or(0, |&n| n as usize);
    (count(b'"') / 2)
        .saturating_add(count(b','))
        .saturating_add(count(b'['))
        .saturating_add(count(b'{'))
        .saturating_add(1)
}

/// The exact powers of ten an f64 holds.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a number the reader has checked, `None` when it is beyond
/// f64. serde_json's (default) way: the first digits that fit a u64 times a
/// power of ten. Exact for the numbers datasets hold (up to 19 significant
/// digits and 22 decimals, where both factors are exact, the result is
/// correctly rounded); beyond, within an ulp or two. The standard library's
/// correctly rounded reader would cost 9 KB of the gzipped wasm for its
/// tables; the one place where the last ulp matters, the 10¹⁵ limit, reads
/// the number as written (`walk::below_limit`).
fn decimal(written: &[u8]) -> Option<f64> {
    let (negative, rest) = match written {
        [b'-', rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let (mut significand, mut exponent, mut fraction, mut full) = (0u64, 0i64, false, false);
    let mut bytes = rest.iter();
    for &c in bytes.by_ref() {
        match c {
            b'0'..=b'9' => {
                let next = significand
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(u64::from(c.wrapping_sub(b'0'))));
                match next {
                    Some(n) if !full => {
                        significand = n;
                        if fraction {
                            exponent = exponent.saturating_sub(1);
                        }
                    }
                    // Digits past a u64 are dropped: counted in the integer
                    // part, ignored in the fraction.
                    _ => {
                        full = true;
                        if !fraction {
                            exponent = exponent.saturating_add(1);
                        }
                    }
                }
            }
            b'.' => fraction = true,
            _ => break,
        }
    }
    // What follows `e`: an optional sign and digits.
    let mut sign = 1i64;
    let mut power = 0i64;
    for &c in bytes {
        match c {
            b'-' => sign = -1,
            b'0'..=b'9' => {
                power = power
                    .saturating_mul(10)
                    .saturating_add(i64::from(c.wrapping_sub(b'0')));
            }
            _ => {}
        }
    }
    let mut exponent = exponent.saturating_add(power.saturating_mul(sign));
    let mut value = significand as f64;
    let last = POW10.len().saturating_sub(1) as i64;
    let big = POW10.last().copied().unwrap_or(1.0);
    if value != 0.0 {
        while exponent > last {
            value *= big;
            exponent = exponent.saturating_sub(last);
            if value.is_infinite() {
                return None;
            }
        }
        while exponent < last.saturating_neg() && value != 0.0 {
            value /= big;
            exponent = exponent.saturating_add(last);
        }
        let pow = usize::try_from(exponent.unsigned_abs())
            .ok()
            .and_then(|e| POW10.get(e))
            .copied()
            .unwrap_or(1.0);
        if exponent >= 0 {
            value *= pow;
        } else {
            value /= pow;
        }
    }
    if value.is_infinite() {
        return None;
    }
    Some(if negative { -value } else { value })
}
