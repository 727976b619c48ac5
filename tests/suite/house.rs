//! The house has no circles: no two files under `src/` import each other,
//! directly or through others.
//!
//! Every path a file names (`use crate::…`, `use super::…`, an inline
//! `crate::a::b::f()`, a child module's `child::Item`) is resolved to the file
//! that defines the item, following re-exports (`pub use`) to where the item
//! really lives. Each such reference is an edge from the file to that file,
//! but for one kind: a module re-exporting its own descendants (`pub use
//! parse::parse;` in `dataset/mod.rs`, `lib.rs`'s `pub use`) is their public
//! face, not a dependency, and is followed instead. Declaring a child module
//! (`mod trend;`) is no import either. The graph must be acyclic.
//!
//! There is no known exception: the language tables (`text/en.rs`,
//! `text/zh.rs`) read `Msg` from its own file (`text/msg.rs`), not from
//! `text/mod.rs`, whose `Words` picks a table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path: `["chart", "trend"]`; the crate root is empty.
type ModPath = Vec<String>;

struct File {
    path: String,
    module: ModPath,
    /// Code with comments and string contents blanked.
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `code` with comments removed and the contents of string and char
/// literals blanked, so neither can be mistaken for a path.
fn strip(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !ident_char(prev(&chars, i))
        {
            // A raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F}') or a lifetime ('a).
            let close = chars[i + 1..]
                .iter()
                .take(12)
                .position(|&d| d == '\'')
                .map(|p| i + 1 + p);
            match close {
                Some(end) if chars[i + 1] == '\\' || end == i + 2 => {
                    out.push_str("' '");
                    i = end + 1;
                }
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev(chars: &[char], i: usize) -> char {
    if i == 0 {
        ' '
    } else {
        chars[i - 1]
    }
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths of a use tree (`crate::a::{b, c::{d, e as f}}`), each with the
/// name it is known by in the file.
fn expand(tree: &str) -> Vec<(Vec<String>, String)> {
    fn go(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, String)>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').expect("a closing brace")];
            let mut path = prefix.to_vec();
            path.extend(head);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&path, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            go(&path, &inner[start..], out);
            return;
        }
        let (path, alias) = match tree.split_once(" as ") {
            Some((p, a)) => (p, Some(a.trim().to_string())),
            None => (tree, None),
        };
        let mut full = prefix.to_vec();
        full.extend(path.split("::").map(|s| s.trim().to_string()));
        if full.last().is_some_and(|s| s == "self") {
            full.pop();
        }
        let name = alias.unwrap_or_else(|| full.last().cloned().unwrap_or_default());
        out.push((full, name));
    }
    let mut out = Vec::new();
    go(&[], tree, &mut out);
    out
}

/// `use` statements: (is `pub`, tree text).
fn uses(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(at) = code[i..].find("use ") {
        let start = i + at;
        i = start + 4;
        if start > 0 && ident_char(bytes[start - 1] as char) {
            continue;
        }
        let before = code[..start].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')') && before.contains("pub(");
        let Some(end) = code[i..].find(';') else {
            break;
        };
        out.push((public, code[i..i + end].to_string()));
        i += end;
    }
    out
}

/// Inline paths that start at `crate`, `super`, `self` or one of `children`.
fn inline_paths(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !ident_char(chars[i]) || (i > 0 && (ident_char(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        // Read `ident(::ident)*`.
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < chars.len() && ident_char(chars[j]) {
                j += 1;
            }
            segs.push(chars[s..j].iter().collect::<String>());
            if chars.get(j) == Some(&':')
                && chars.get(j + 1) == Some(&':')
                && chars.get(j + 2).is_some_and(|&c| ident_char(c))
            {
                j += 2;
            } else {
                break;
            }
        }
        let first = segs[0].as_str();
        if segs.len() > 1
            && (matches!(first, "crate" | "super" | "self") || children.contains(first))
        {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}

struct House {
    files: Vec<File>,
    by_module: BTreeMap<ModPath, usize>,
    /// Per file: name → the path it re-exports.
    reexports: Vec<BTreeMap<String, Vec<String>>>,
}

impl House {
    fn load(root: &Path) -> House {
        let mut paths = Vec::new();
        rust_files(&root.join("src"), &mut paths);
        let mut files = Vec::new();
        for p in paths {
            let rel = p
                .strip_prefix(root.join("src"))
                .expect("under src")
                .to_path_buf();
            let mut module: ModPath = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            let text = std::fs::read_to_string(&p).expect("a source file");
            files.push(File {
                path: format!("src/{}", rel.display()),
                module,
                code: strip(&text),
            });
        }
        let by_module = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.module.clone(), i))
            .collect();
        let reexports = files
            .iter()
            .map(|f| {
                uses(&f.code)
                    .into_iter()
                    .filter(|(public, _)| *public)
                    .flat_map(|(_, tree)| expand(&tree))
                    .map(|(path, name)| (name, path))
                    .collect()
            })
            .collect();
        House {
            files,
            by_module,
            reexports,
        }
    }

    /// The file that defines what `path` names, seen from `from`'s module.
    fn resolve(&self, from: usize, path: &[String], depth: usize) -> Option<usize> {
        if depth > 16 {
            return None;
        }
        let module = &self.files[from].module;
        let mut base: ModPath = module.clone();
        let mut rest = path;
        match path.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &path[1..];
            }
            Some("self") => rest = &path[1..],
            Some("super") => {
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            Some("std" | "core" | "alloc") => return None,
            _ => {
                // A child module, or an external crate.
                let mut child = base.clone();
                child.push(path[0].clone());
                if !self.by_module.contains_key(&child) {
                    return None;
                }
            }
        }
        for (k, seg) in rest.iter().enumerate() {
            let mut child = base.clone();
            child.push(seg.clone());
            if self.by_module.contains_key(&child) {
                base = child;
                continue;
            }
            // `seg` is an item of `base`, or re-exported by it.
            let file = *self.by_module.get(&base)?;
            if let Some(target) = self.reexports[file].get(seg) {
                let mut target = target.clone();
                target.extend(rest[k + 1..].iter().cloned());
                if target != path {
                    return self.resolve(file, &target, depth + 1).or(Some(file));
                }
            }
            return Some(file);
        }
        self.by_module.get(&base).copied()
    }

    fn index(&self, path: &str) -> usize {
        self.files.iter().position(|f| f.path == path).expect(path)
    }

    fn edges(&self) -> BTreeMap<usize, BTreeSet<usize>> {
        let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for (i, f) in self.files.iter().enumerate() {
            let children: BTreeSet<String> = self
                .by_module
                .keys()
                .filter(|m| m.len() == f.module.len() + 1 && m.starts_with(&f.module))
                .filter_map(|m| m.last().cloned())
                .collect();
            let mut targets = Vec::new();
            for (public, tree) in uses(&f.code) {
                for (path, _) in expand(&tree) {
                    let Some(t) = self.resolve(i, &path, 0) else {
                        continue;
                    };
                    // A module's public face over its own descendants.
                    let descendant = self.files[t].module.len() > f.module.len()
                        && self.files[t].module.starts_with(&f.module);
                    if public && descendant {
                        continue;
                    }
                    targets.push(t);
                }
            }
            // Inline paths outside `use` statements (the `use` trees were
            // read above; reading them again finds nothing new).
            for path in inline_paths(&f.code, &children) {
                if let Some(t) = self.resolve(i, &path, 0) {
                    let descendant = self.files[t].module.len() > f.module.len()
                        && self.files[t].module.starts_with(&f.module);
                    let in_reexport = self.reexports[i]
                        .values()
                        .any(|p| p.as_slice() == path.as_slice());
                    if descendant && in_reexport {
                        continue;
                    }
                    targets.push(t);
                }
            }
            edges
                .entry(i)
                .or_default()
                .extend(targets.into_iter().filter(|&t| t != i));
        }
        edges
    }

    /// A cycle of files, if there is one.
    fn cycle(&self) -> Option<Vec<String>> {
        let edges = self.edges();
        // 0: unvisited, 1: on the stack, 2: done.
        let mut state = vec![0u8; self.files.len()];
        let mut stack = Vec::new();
        fn visit(
            n: usize,
            edges: &BTreeMap<usize, BTreeSet<usize>>,
            state: &mut [u8],
            stack: &mut Vec<usize>,
        ) -> Option<Vec<usize>> {
            state[n] = 1;
            stack.push(n);
            for &m in edges.get(&n).into_iter().flatten() {
                if state[m] == 1 {
                    let from = stack.iter().position(|&s| s == m).expect("on the stack");
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(m);
                    return Some(cycle);
                }
                if state[m] == 0 {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
            }
            stack.pop();
            state[n] = 2;
            None
        }
        (0..self.files.len()).find_map(|n| {
            if state[n] != 0 {
                return None;
            }
            visit(n, &edges, &mut state, &mut stack)
                .map(|c| c.into_iter().map(|i| self.files[i].path.clone()).collect())
        })
    }

    fn edge(&self, from: &str, to: &str) -> bool {
        self.edges()[&self.index(from)].contains(&self.index(to))
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_two_files_under_src_import_each_other() {
    let house = House::load(&root());
    assert!(house.files.len() > 20, "the sources were found");
    if let Some(cycle) = house.cycle() {
        panic!("files that import each other: {}", cycle.join(" → "));
    }
    // The language tables read the names of the sentences from their leaf.
    for table in ["src/text/en.rs", "src/text/zh.rs"] {
        assert!(house.edge(table, "src/text/msg.rs"));
        assert!(!house.edge(table, "src/text/mod.rs"));
    }
}

#[test]
fn the_import_graph_sees_what_it_must() {
    let house = House::load(&root());
    // A use tree, an inline path, a child module's path, and a path followed
    // through a re-export to where the item lives.
    assert!(house.edge("src/engine.rs", "src/chart/trend/mod.rs"));
    assert!(house.edge("src/chart/trend/mod.rs", "src/action.rs"));
    assert!(house.edge("src/chart/ranking/mod.rs", "src/chart/ranking/layout.rs"));
    assert!(house.edge("src/chart/trend/describe.rs", "src/chart/trend/layout.rs"));
    // And it finds a circle when there is one.
    let mut circular = House::load(&root());
    let action = circular
        .files
        .iter_mut()
        .find(|f| f.path == "src/action.rs")
        .expect("the vocabulary");
    action.code.push_str("\nuse crate::engine::Engine;\n");
    let cycle = circular.cycle().expect("a circle");
    assert_eq!(cycle.first(), cycle.last());
    assert!(cycle.contains(&"src/action.rs".to_string()), "{cycle:?}");
}

#[test]
fn use_trees_expand_to_paths() {
    assert_eq!(
        expand("crate::chart::{trend::{self, X as Y}, Context}"),
        vec![
            (
                vec!["crate".into(), "chart".into(), "trend".into()],
                "trend".to_string()
            ),
            (
                vec!["crate".into(), "chart".into(), "trend".into(), "X".into()],
                "Y".to_string()
            ),
            (
                vec!["crate".into(), "chart".into(), "Context".into()],
                "Context".to_string()
            ),
        ]
    );
    assert_eq!(
        strip("let s = \"crate::x\"; // crate::y\nf()"),
        "let s = \"\"; \nf()"
    );
}
