use calamine::{Reader, Xlsx};
use std::io::Cursor;
fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).unwrap()).unwrap();
    let t = std::time::Instant::now();
    let mut book = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
    println!("open {:?}", t.elapsed());
    let name = book.sheet_names()[0].clone();
    let t = std::time::Instant::now();
    let range = book.worksheet_range(&name).unwrap();
    println!("range {:?} {:?}", t.elapsed(), range.get_size());
    let t = std::time::Instant::now();
    let m = book.merge_cells_by_sheet_name(&name).unwrap();
    println!("merges {:?} {}", t.elapsed(), m.len());
}
