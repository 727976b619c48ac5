//! Bytes -> [`Workbook`]: which format, every sheet's cells, merged ranges,
//! the date system and the sheet to show first.

use std::io::{Cursor, Read};

use calamine::{
    Data, DataRef, Dimensions, Ods, Range, Reader, ReaderRef, SheetVisible, Xls, Xlsb, Xlsx,
};

use crate::transfer::{Failure, Merge, Sheet, Value, Visibility, Workbook};

/// Days from 1904-01-01 to 1899-12-30 (the 1900 system's day 0 as Excel counts it).
pub const DAYS_1904: f64 = 1462.0;

const ZIP: &[u8] = b"PK\x03\x04";
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Reads a workbook from its bytes.
pub fn read(bytes: &[u8]) -> Result<Workbook, Failure> {
    if bytes.starts_with(CFB) {
        // An .xls, or an .xlsx encrypted with a password (Office wraps those
        // in a compound file with an "EncryptedPackage" stream; calamine's
        // xlsx reader detects it).
        return match Xls::new(Cursor::new(bytes)) {
            Ok(mut book) => {
                let date_1904 = book.has_1904_epoch();
                let merges = |book: &mut Xls<_>, name: &str| {
                    book.merge_cells_by_sheet_name(name).unwrap_or_default()
                };
                collect(&mut book, date_1904, None, owned_grid, merges)
            }
            Err(calamine::XlsError::Password) => Err(Failure::Encrypted),
            Err(xls) => match Xlsx::new(Cursor::new(bytes)) {
                Err(calamine::XlsxError::Password) => Err(Failure::Encrypted),
                _ => Err(Failure::Corrupt(format!("xls: {xls}"))),
            },
        };
    }
    if !bytes.starts_with(ZIP) {
        return Err(Failure::Unsupported(
            "neither a zip (xlsx, ods) nor a compound file (xls)".into(),
        ));
    }
    if bytes
        .get(..200)
        .unwrap_or(bytes)
        .windows(ODS_MIME.len())
        .any(|w| w == ODS_MIME)
    {
        return match Ods::new(Cursor::new(bytes)) {
            Ok(mut book) => collect(&mut book, false, None, owned_grid, |_, _| Vec::new()),
            Err(calamine::OdsError::Password) => Err(Failure::Encrypted),
            Err(e) => Err(Failure::Corrupt(format!("ods: {e}"))),
        };
    }
    match Xlsx::new(Cursor::new(bytes)) {
        Ok(mut book) => {
            let date_1904 = book.has_1904_epoch();
            let active = active_tab(bytes);
            // calamine reads merges by parsing the sheet's XML a second time
            // (a third of the time of a 300,000-row sheet): done only when a
            // sheet has any, which a byte search of the inflated XML tells.
            let any = any_merges(bytes);
            let merges = move |book: &mut Xlsx<_>, name: &str| {
                if any {
                    book.merge_cells_by_sheet_name(name).unwrap_or_default()
                } else {
                    Vec::new()
                }
            };
            collect(&mut book, date_1904, active, xlsx_grid, merges)
        }
        Err(calamine::XlsxError::Password) => Err(Failure::Encrypted),
        Err(xlsx) => match Xlsb::new(Cursor::new(bytes)) {
            Ok(mut book) => {
                let date_1904 = book.has_1904_epoch();
                collect(&mut book, date_1904, None, owned_grid, |_, _| Vec::new())
            }
            // A zip that is neither: say what the xlsx reader found, which is
            // what most such files were meant to be.
            Err(_) => Err(Failure::Corrupt(format!("xlsx: {xlsx}"))),
        },
    }
}

/// A sheet's used range: its first (row, column), 0-based, its size, and its
/// cells row by row.
struct Grid {
    start: (u32, u32),
    height: usize,
    width: usize,
    cells: Vec<Value>,
}

impl Grid {
    fn of<T: calamine::CellType>(range: &Range<T>, value: impl Fn(&T) -> Value) -> Grid {
        let (height, width) = range.get_size();
        Grid {
            start: range.start().unwrap_or((0, 0)),
            height,
            width,
            cells: range.cells().map(|(_, _, data)| value(data)).collect(),
        }
    }
}

/// Every sheet through `grid` (the format's way to read one sheet's cells) and
/// `merges`, then the sheet to show first.
fn collect<R, RS>(
    book: &mut R,
    date_1904: bool,
    active: Option<usize>,
    grid: impl Fn(&mut R, &str, f64) -> Result<Grid, String>,
    merges: impl Fn(&mut R, &str) -> Vec<Dimensions>,
) -> Result<Workbook, Failure>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
{
    let metadata = book.sheets_metadata().to_vec();
    let shift = if date_1904 { DAYS_1904 } else { 0.0 };
    let mut sheets = Vec::with_capacity(metadata.len());
    for meta in &metadata {
        // Chart sheets and dialogs have no cells: kept, empty, so that the
        // sheet list matches the workbook's tabs.
        let cells = match grid(book, &meta.name, shift) {
            Ok(cells) => cells,
            Err(_) if meta.typ != calamine::SheetType::WorkSheet => {
                Grid::of(&Range::<Data>::empty(), |_| Value::Empty)
            }
            Err(e) => return Err(Failure::Corrupt(format!("sheet {:?}: {e}", meta.name))),
        };
        let visibility = match meta.visible {
            SheetVisible::Visible => Visibility::Visible,
            SheetVisible::Hidden => Visibility::Hidden,
            SheetVisible::VeryHidden => Visibility::VeryHidden,
        };
        let merged = merges(book, &meta.name);
        sheets.push(sheet(meta.name.clone(), visibility, cells, &merged));
    }
    let shows = |sheet: &Sheet| sheet.visibility == Visibility::Visible && sheet.height > 0;
    let active = active
        .filter(|&i| sheets.get(i).is_some_and(shows))
        .or_else(|| sheets.iter().position(shows))
        .unwrap_or(0);
    Ok(Workbook {
        sheets,
        active: u32::try_from(active).unwrap_or(0),
        date_1904,
    })
}

/// The grid of a sheet of any format, through calamine's `Range<Data>`.
fn owned_grid<R, RS>(book: &mut R, name: &str, shift: f64) -> Result<Grid, String>
where
    R: Reader<RS>,
    R::Error: std::fmt::Display,
    RS: std::io::Read + std::io::Seek,
{
    let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
    Ok(Grid::of(&range, |data| value(data, shift)))
}

/// The grid of an xlsx sheet, its shared strings borrowed rather than first
/// copied into a `Range<Data>` (one allocation less per text cell).
fn xlsx_grid<RS>(book: &mut Xlsx<RS>, name: &str, shift: f64) -> Result<Grid, String>
where
    RS: std::io::Read + std::io::Seek,
{
    let range = book.worksheet_range_ref(name).map_err(|e| e.to_string())?;
    Ok(Grid::of(&range, |data| match data {
        DataRef::SharedString("") => Value::Empty,
        DataRef::SharedString(s) => Value::Text((*s).to_owned()),
        DataRef::Empty => Value::Empty,
        DataRef::Int(n) => Value::Number(*n as f64),
        DataRef::Float(n) => Value::Number(*n),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => value(&Data::DateTime(*dt), shift),
        DataRef::Error(e) => Value::Error(e.to_string()),
        DataRef::String(s) if s.is_empty() => Value::Empty,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::DateTimeIso(s) => {
            iso_serial(s).map_or_else(|| Value::Text(s.clone()), Value::Date)
        }
        DataRef::DurationIso(s) => Value::Text(s.clone()),
    }))
}

fn sheet(name: String, visibility: Visibility, grid: Grid, merges: &[Dimensions]) -> Sheet {
    Sheet {
        name,
        visibility,
        first_row: grid.start.0,
        first_col: grid.start.1,
        height: u32::try_from(grid.height).unwrap_or(0),
        width: u32::try_from(grid.width).unwrap_or(0),
        cells: grid.cells,
        merges: merges
            .iter()
            .map(|d| Merge {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            })
            .collect(),
    }
}

fn value(data: &Data, shift_1904: f64) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(n) => Value::Number(*n),
        // Numbers stored as text stay text: inference decides what they are.
        Data::String(s) if s.is_empty() => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Bool(b) => Value::Bool(*b),
        // A duration ("[h]:mm") is an amount, not a point in time.
        Data::DateTime(dt) if dt.is_duration() => Value::Number(dt.as_f64()),
        Data::DateTime(dt) => Value::Date(dt.as_f64() + shift_1904),
        Data::DateTimeIso(iso) => {
            iso_serial(iso).map_or_else(|| Value::Text(iso.clone()), Value::Date)
        }
        Data::DurationIso(iso) => Value::Text(iso.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

/// "2013-06-30" or "2013-06-30T12:00:00" (as OpenDocument writes dates) as
/// days since 1899-12-30; a bare time ("PT12H" is a duration, not this) is not read.
pub fn iso_serial(iso: &str) -> Option<f64> {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut fraction = 0.0;
    if !time.is_empty() {
        let mut hms = time.trim_end_matches('Z').splitn(3, ':');
        let h: f64 = hms.next()?.parse().ok()?;
        let m: f64 = hms.next().unwrap_or("0").parse().ok()?;
        let s: f64 = hms.next().unwrap_or("0").parse().ok()?;
        fraction = (h * 3600.0 + m * 60.0 + s) / 86_400.0;
    }
    // 1899-12-30 is day 0; days_from_civil(1899, 12, 30) = -25569.
    Some((days_from_civil(year, month, day) + 25_569) as f64 + fraction)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The sheet an xlsx opens on (`<workbookView activeTab="2">`), which calamine
/// does not expose.
fn active_tab(bytes: &[u8]) -> Option<usize> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut file = zip.by_name("xl/workbook.xml").ok()?;
    let mut xml = String::new();
    file.read_to_string(&mut xml).ok()?;
    let view = &xml[xml.find("<workbookView")?..];
    let view = &view[..view.find('>')?];
    let rest = &view[view.find("activeTab=\"")? + "activeTab=\"".len()..];
    rest[..rest.find('"')?].parse().ok()
}

/// Whether any worksheet of an xlsx has a `<mergeCell>`: each sheet's XML is
/// inflated in pieces and searched, without parsing it.
fn any_merges(bytes: &[u8]) -> bool {
    const NEEDLE: &[u8] = b"<mergeCell ";
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // calamine reports the problem; merges are then moot.
        return false;
    };
    let finder = memchr::memmem::Finder::new(NEEDLE);
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let Ok(mut file) = zip.by_index(i) else {
            continue;
        };
        if !file
            .name()
            .is_ok_and(|name| name.starts_with("xl/worksheets/"))
        {
            continue;
        }
        // Keep the last bytes of each piece so a needle across two is found.
        let mut kept = 0;
        while let Some(space) = buf.get_mut(kept..) {
            let read = match file.read(space) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let filled = kept.saturating_add(read);
            let piece = buf.get(..filled).unwrap_or_default();
            if finder.find(piece).is_some() {
                return true;
            }
            kept = NEEDLE.len().min(filled);
            buf.copy_within(filled.saturating_sub(kept)..filled, 0);
        }
    }
    false
}
