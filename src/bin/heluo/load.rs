//! A dataset file from disk, read as the page reads it, and its errors placed
//! at a line and column.

use std::path::Path;

use heluo::text::Lang;
use heluo::{Dataset, Error};

use crate::Failure;

/// The bytes of `path`, or a message saying why they cannot be read
/// (missing, a folder, no permission).
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    if path.is_dir() {
        return Err(Failure::usage(crate::say!(
            "{shown} is a folder, not a dataset file",
            "{shown} 是文件夹，不是数据文件"
        )));
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > heluo::error::MAX_FILE_BYTES => {
            let message = error_message(&Error::TooLarge { bytes: meta.len() }, Lang::En);
            return Err(Failure::data(format!("{shown}:1:1: {message}")));
        }
        _ => {}
    }
    std::fs::read(path).map_err(|e| {
        let reason = io_reason(&e);
        Failure::usage(crate::say!(
            "cannot read {shown}: {reason}",
            "无法读取 {shown}：{reason}"
        ))
    })
}

/// An io error in words, without Rust's "(os error 2)".
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => crate::say!("no such file or folder", "没有这个文件或文件夹"),
        PermissionDenied => crate::say!("permission denied", "没有权限"),
        IsADirectory => crate::say!("it is a folder", "这是一个文件夹"),
        ReadOnlyFilesystem => crate::say!("the file system is read-only", "文件系统是只读的"),
        StorageFull => crate::say!("the disk is full", "磁盘已满"),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(at) => text.get(..at).unwrap_or(&text).to_string(),
                None => text,
            }
        }
    }
}

/// The message of a core error in `lang`, word for word what the page shows.
pub fn error_message(error: &Error, lang: Lang) -> String {
    error.message(lang)
}

/// Reads as the page does: format v1, or a table (CSV, TSV, JSON records or
/// columns, a bureau export) inferred into charts; bytes that are not UTF-8
/// (and not cut inside a character) are decoded as GB18030, what Excel and
/// WPS write in China.
pub fn parse(bytes: &[u8], name: &str) -> Result<Dataset, Error> {
    heluo::dataset::import::load_file(bytes, name, &Default::default())
        .map(heluo::dataset::import::Loaded::into_dataset)
}

/// `bytes` as GB18030, or `None` where they are not (a fatal decoder, as the
/// page's `TextDecoder("gb18030", {fatal: true})`).
fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// The text of a file that parsed as far as a JSON path, decoded the way
/// `heluo::parse` decodes it (UTF-8 with or without a byte order mark, UTF-16,
/// or GB18030).
pub fn text(bytes: &[u8]) -> String {
    let utf16 = |body: &[u8], little: bool| {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|p| match p {
                [a, b] if little => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(body, true);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(body, false);
    }
    match bytes {
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => return utf16(bytes, true),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => return utf16(bytes, false),
        _ => {}
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(_) => gb18030(body).unwrap_or_default(),
    }
}

/// Loads a dataset for drawing: read, parse, and on failure the message as
/// `FILE:LINE:COL: message`, exactly as `check` prints it.
pub fn dataset(path: &Path, lang: Lang) -> Result<(Vec<u8>, Dataset), Failure> {
    let bytes = read(path)?;
    match parse(&bytes, &path.to_string_lossy()) {
        Ok(dataset) => Ok((bytes, dataset)),
        Err(error) => {
            let (line, column) = crate::check::locate(&bytes, &error);
            Err(Failure::data(format!(
                "{}:{line}:{column}: {}",
                path.display(),
                error_message(&error, lang)
            )))
        }
    }
}
