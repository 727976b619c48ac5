//! `heluo check`: each file's verdict as `FILE:LINE:COL: message` (or JSON).
//!
//! The message is the page's, word for word. Syntax and encoding errors carry
//! their own line and column; an error that names a JSON path
//! (`trend.series[0].points[3].value`) is placed at that value in the text,
//! or, for a field that is missing, at the object that should hold it; the
//! rest (an empty file, an image) at 1:1.

use std::io::Write;
use std::process::ExitCode;

use heluo::Error;

use crate::cli::CheckArgs;
use crate::load;
use crate::Failure;

/// One file's verdict.
struct Verdict {
    file: String,
    problem: Option<Problem>,
}

struct Problem {
    line: usize,
    column: usize,
    path: Option<String>,
    message: String,
    /// Exit code this problem gives: 1 for data, 2 for a file that cannot be read.
    code: u8,
}

pub fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let lang = args.lang.map_or(heluo::text::Lang::En, |l| l.lang());
    let verdicts: Vec<Verdict> = args
        .files
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            let problem = match load::read(path) {
                Err(failure) => Some(Problem {
                    line: 1,
                    column: 1,
                    path: None,
                    message: failure.message,
                    code: failure.code,
                }),
                Ok(bytes) => load::parse(&bytes, &path.to_string_lossy())
                    .err()
                    .map(|error| {
                        let (line, column) = locate(&bytes, &error);
                        Problem {
                            line,
                            column,
                            path: json_path(&error).map(str::to_string),
                            message: load::error_message(&error, lang),
                            code: 1,
                        }
                    }),
            };
            Verdict { file, problem }
        })
        .collect();
    // Written with writeln!, not println!: a closed pipe (`heluo check … | head`)
    // ends the output quietly instead of panicking.
    let mut out = std::io::stdout().lock();
    if args.json {
        let _ = writeln!(out, "{}", as_json(&verdicts));
    } else {
        for v in &verdicts {
            match &v.problem {
                // A file that cannot be read has no line to name.
                Some(p) if p.code == 2 => eprintln!("heluo: {}", p.message),
                Some(p) => {
                    let _ = writeln!(out, "{}:{}:{}: {}", v.file, p.line, p.column, p.message);
                }
                None => {}
            }
        }
    }
    let code = verdicts
        .iter()
        .filter_map(|v| v.problem.as_ref().map(|p| p.code))
        .max()
        .unwrap_or(0);
    Ok(ExitCode::from(code))
}

fn as_json(verdicts: &[Verdict]) -> String {
    use serde_json::{json, Value};
    let files: Vec<Value> = verdicts
        .iter()
        .map(|v| match &v.problem {
            None => json!({"file": v.file, "valid": true}),
            Some(p) => json!({
                "file": v.file,
                "valid": false,
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "message": p.message,
            }),
        })
        .collect();
    let valid = verdicts.iter().all(|v| v.problem.is_none());
    json!({"valid": valid, "files": files}).to_string()
}

/// The JSON path an error names, if it names one.
pub fn json_path(error: &Error) -> Option<&str> {
    match error {
        Error::TooBig { path, .. }
        | Error::Type { path, .. }
        | Error::Missing { path, .. }
        | Error::Empty { path, .. }
        | Error::Year { path, .. }
        | Error::DuplicateYear { path, .. }
        | Error::Percent { path, .. }
        | Error::DuplicateVillage { path, .. }
        | Error::DuplicateMetric { path, .. }
        | Error::UnknownMetric { path, .. }
        | Error::DuplicateKey { path, .. }
        | Error::Invisible { path, .. }
        | Error::LookAlike { path, .. }
        | Error::SameName { path, .. }
        | Error::NoGroupName { path, .. }
        | Error::PointShape { path, .. } => Some(path),
        _ => None,
    }
}

/// Line and column (from 1, columns in characters) where `error` is, in the
/// file of `bytes`.
pub fn locate(bytes: &[u8], error: &Error) -> (usize, usize) {
    match error {
        Error::Syntax { line, column, .. } | Error::NotUtf8 { line, column, .. } => {
            (*line, *column)
        }
        _ => match json_path(error) {
            Some(path) => {
                let text = load::text(bytes);
                // A duplicate key's path is the second one's.
                let nth = if matches!(error, Error::DuplicateKey { .. }) {
                    2
                } else {
                    1
                };
                let at = PathFinder::find(&text, path, nth);
                line_column(&text, at)
            }
            None => (1, 1),
        },
    }
}

/// Line and column of byte `at`: lines end with LF, CR LF or a lone CR (as
/// the core counts them), columns count characters from 1.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column, mut after_cr) = (1usize, 1usize, false);
    for (i, c) in text.char_indices() {
        if i >= at {
            break;
        }
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' => (line, column) = (line + 1, 1),
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    (line, column)
}

/// Finds where a JSON path's value starts in a text the core has read (so the
/// text is valid JSON): the value itself, or the deepest value on the way to
/// it when it is missing. Only the branches on the way are entered; the rest
/// is skipped bracket by bracket.
struct PathFinder<'t> {
    bytes: &'t [u8],
    i: usize,
    target: &'t str,
    /// How many times the exact path must be seen (a duplicate key: twice).
    nth: usize,
    seen: usize,
    /// (length of the deepest matching path, its offset).
    best: (usize, usize),
    done: bool,
}

impl<'t> PathFinder<'t> {
    fn find(text: &'t str, target: &'t str, nth: usize) -> usize {
        let mut finder = PathFinder {
            bytes: text.as_bytes(),
            i: 0,
            target,
            nth,
            seen: 0,
            best: (0, 0),
            done: false,
        };
        finder.space();
        finder.value("");
        finder.best.1
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.i).copied().unwrap_or(0)
    }

    /// The value at `self.i`, whose path is `path`.
    fn value(&mut self, path: &str) {
        if self.done {
            return;
        }
        let at = self.i;
        if path == self.target {
            self.seen += 1;
            self.best = (path.len(), at);
            if self.seen >= self.nth {
                self.done = true;
                return;
            }
            self.skip();
            return;
        }
        let on_the_way = path.is_empty()
            || (self.target.starts_with(path)
                && matches!(self.target.as_bytes().get(path.len()), Some(b'.' | b'[')));
        if !on_the_way {
            self.skip();
            return;
        }
        if path.len() >= self.best.0 {
            self.best = (path.len(), at);
        }
        match self.peek() {
            b'{' => {
                self.i += 1;
                loop {
                    self.space();
                    if self.peek() == b'}' || self.done || self.i >= self.bytes.len() {
                        break;
                    }
                    let key_at = self.i;
                    let key = self.string();
                    let child = join(path, &key);
                    self.space();
                    self.i += 1; // ':'
                    self.space();
                    // A duplicate key is pointed at by its key, not its value.
                    self.value(&child);
                    if self.nth > 1 && self.done && child == self.target {
                        self.best.1 = key_at;
                    }
                    self.space();
                    if self.peek() == b',' {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            b'[' => {
                self.i += 1;
                let mut n = 0usize;
                loop {
                    self.space();
                    if self.peek() == b']' || self.done || self.i >= self.bytes.len() {
                        break;
                    }
                    self.value(&format!("{path}[{n}]"));
                    n += 1;
                    self.space();
                    if self.peek() == b',' {
                        self.i += 1;
                    }
                }
                self.i += 1;
            }
            _ => self.skip(),
        }
    }

    /// A string at `self.i` (its quotes included), unescaped.
    fn string(&mut self) -> String {
        let start = self.i;
        self.skip();
        let raw = std::str::from_utf8(self.bytes.get(start..self.i).unwrap_or_default())
            .unwrap_or_default();
        serde_json::from_str::<String>(raw).unwrap_or_default()
    }

    /// Steps over one value.
    fn skip(&mut self) {
        let mut depth = 0usize;
        loop {
            let Some(&c) = self.bytes.get(self.i) else {
                return;
            };
            self.i += 1;
            match c {
                b'"' => {
                    while let Some(&s) = self.bytes.get(self.i) {
                        self.i += 1;
                        match s {
                            b'\\' => self.i += 1,
                            b'"' => break,
                            _ => {}
                        }
                    }
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' => {}
                _ => {
                    // A scalar ends before a delimiter.
                    while let Some(&s) = self.bytes.get(self.i) {
                        if matches!(s, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                            break;
                        }
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return;
            }
        }
    }
}

/// `path.key` written as the core writes it (`src/dataset/json.rs` `join`):
/// a key a reader could misread is quoted (`values[" income "]`), a long one cut.
fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key.chars().any(|c| {
            c == ' '
                || matches!(c, '.' | '[' | ']' | '"')
                || heluo::dataset::text::needs_code_point(c)
        });
    if !plain {
        return format!("{path}[{}]", heluo::error::quote(key));
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
