//! The engine's SVG rasterised by resvg, with the fonts installed on the
//! system (fontdb). Chinese needs a CJK font: when the text has Chinese and
//! no installed font draws it, the command says which package to install
//! rather than drawing empty boxes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use heluo::mark::Mark;
use resvg::tiny_skia;
use resvg::usvg;

use crate::Failure;

/// The Debian/Ubuntu package with the CJK fonts the charts' font stack names.
pub const CJK_PACKAGE: &str = "fonts-noto-cjk";

/// The system's fonts, loaded once, and which characters they draw.
pub struct Raster {
    options: usvg::Options<'static>,
    /// Whether some installed font has a glyph for the character.
    covered: Mutex<HashMap<char, bool>>,
    /// Characters with no font, reported once.
    warned: Mutex<bool>,
}

impl Raster {
    pub fn new() -> Raster {
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        // HELUO_FONTS names a folder whose fonts are used instead of the
        // system's: the same pictures on every machine (CI, a newsroom's).
        match std::env::var_os("HELUO_FONTS") {
            Some(dir) => db.load_fonts_dir(dir),
            None => db.load_system_fonts(),
        }
        // Each font file mapped once and shared, rather than read whole at
        // every text drawn (a CJK collection is 20 MB or more).
        let ids: Vec<_> = db.faces().map(|f| f.id).collect();
        for id in ids {
            // SAFETY: the system's font files are not modified while the
            // command runs; if one were, a glyph could come out wrong.
            let _ = unsafe { db.make_shared_face_data(id) };
        }
        // The charts name their fonts (system-ui, PingFang SC, Noto Sans CJK
        // SC, …, sans-serif); "sans-serif" (and usvg's last resort, serif)
        // become the first of these installed here.
        let family = [
            "Noto Sans CJK SC",
            "Noto Sans SC",
            "Source Han Sans SC",
            "WenQuanYi Micro Hei",
            "DejaVu Sans",
            "Liberation Sans",
        ]
        .into_iter()
        .find(|name| {
            db.faces()
                .any(|f| f.families.iter().any(|(n, _)| n == name))
        })
        .map(str::to_string)
        .or_else(|| {
            db.faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(n, _)| n.clone())
        });
        if let Some(family) = family {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family);
        }
        Raster {
            options,
            covered: Mutex::new(HashMap::new()),
            warned: Mutex::new(false),
        }
    }

    fn db(&self) -> &Arc<usvg::fontdb::Database> {
        &self.options.fontdb
    }

    fn has_glyph(&self, c: char) -> bool {
        if let Ok(cache) = self.covered.lock() {
            if let Some(&known) = cache.get(&c) {
                return known;
            }
        }
        let db = self.db();
        let found = db.faces().any(|face| {
            db.with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .ok()
                    .and_then(|f| f.glyph_index(c))
                    .is_some()
            })
            .unwrap_or(false)
        });
        if let Ok(mut cache) = self.covered.lock() {
            cache.insert(c, found);
        }
        found
    }

    /// Refuses to draw Chinese (or Japanese, Korean) text with no font for
    /// it; other characters no font has (an emoji) are named once on stderr.
    pub fn check_fonts(&self, marks: &[Mark]) -> Result<(), Failure> {
        let mut missing_cjk = Vec::new();
        let mut missing = Vec::new();
        for mark in marks {
            let Mark::Text(t) = mark else { continue };
            for c in t.text.chars() {
                if c.is_whitespace() || c.is_control() || self.has_glyph(c) {
                    continue;
                }
                let list = if is_cjk(c) {
                    &mut missing_cjk
                } else {
                    &mut missing
                };
                if !list.contains(&c) && list.len() < 8 {
                    list.push(c);
                }
            }
        }
        if !missing_cjk.is_empty() {
            let chars: String = missing_cjk.iter().collect();
            return Err(Failure::data(crate::say!(
                "no installed font draws the Chinese text of this chart (\"{chars}\"); \
install a CJK font, on Debian or Ubuntu: apt-get install {CJK_PACKAGE}",
                "系统中没有能显示图中中文（“{chars}”）的字体；请安装中文字体，Debian 或 Ubuntu 上：apt-get install {CJK_PACKAGE}"
            )));
        }
        if !missing.is_empty() {
            if let Ok(mut warned) = self.warned.lock() {
                if !*warned {
                    *warned = true;
                    let codes: Vec<String> = missing
                        .iter()
                        .map(|c| format!("U+{:04X}", u32::from(*c)))
                        .collect();
                    let codes = codes.join(", ");
                    eprintln!(
                        "heluo: {}",
                        crate::say!(
                            "warning: no installed font draws {codes}; those characters are left blank in the PNG",
                            "提示：系统中没有能显示 {codes} 的字体，PNG 中这些字符留空"
                        )
                    );
                }
            }
        }
        Ok(())
    }

    /// `svg` (the engine's, `width`×`height` CSS px) as PNG bytes at `scale`
    /// device pixels per CSS px.
    pub fn png(&self, svg: &str, scale: f64) -> Result<Vec<u8>, Failure> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| {
            Failure::data(crate::say!(
                "the chart's SVG could not be read for the PNG: {e}",
                "无法读取图表的 SVG 以生成 PNG：{e}"
            ))
        })?;
        let size = tree.size();
        let (w, h) = (
            (f64::from(size.width()) * scale).round(),
            (f64::from(size.height()) * scale).round(),
        );
        if w * h > 100_000_000.0 {
            return Err(Failure::usage(crate::say!(
                "a PNG of {w}×{h} pixels is too large; lower --width or --scale",
                "{w}×{h} 像素的 PNG 太大；请减小 --width 或 --scale"
            )));
        }
        let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32).ok_or_else(|| {
            Failure::usage(crate::say!(
                "cannot make a PNG of {w}×{h} pixels",
                "无法生成 {w}×{h} 像素的 PNG"
            ))
        })?;
        let transform = tiny_skia::Transform::from_scale(
            (w / f64::from(size.width())) as f32,
            (h / f64::from(size.height())) as f32,
        );
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| {
            Failure::data(crate::say!(
                "the PNG could not be encoded: {e}",
                "无法编码 PNG：{e}"
            ))
        })
    }
}

/// Han, kana, hangul, and CJK punctuation and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}
