//! The `heluo` command, run as a process: exit codes and messages for good
//! and bad files, SVG equal to the engine's for the same view, PNG size and
//! ink, cards, safe file names, and a clear message (never a panic) for every
//! failure.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;

use heluo::mark::Mark;
use heluo::{Action, ChartKind, Engine, Options};
use resvg::tiny_skia::Pixmap;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn heluo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heluo"))
        .args(args)
        .output()
        .expect("running heluo")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh folder under the target dir for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn sample(name: &str) -> String {
    root().join("www/data").join(name).display().to_string()
}

/// Asserts a failure: the exit code, a message containing `words`, no panic.
fn fails(o: &Output, code: i32, words: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert!(err.contains(words), "expected {words:?} in: {err}");
    assert!(
        !err.contains("panicked")
            && !err.contains("internal error")
            && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one clear line: {err}");
}

#[test]
fn help_and_version_are_clap_s() {
    let v = heluo(&["--version"]);
    assert!(v.status.success());
    assert_eq!(
        stdout(&v).trim(),
        format!("heluo {}", env!("CARGO_PKG_VERSION"))
    );
    let help = heluo(&["--help"]);
    for command in ["check", "render", "html", "cards"] {
        assert!(stdout(&help).contains(command), "{}", stdout(&help));
    }
    let render = heluo(&["render", "--help"]);
    for flag in [
        "--chart",
        "--metric",
        "--pin",
        "--highlight",
        "--width",
        "--scale",
        "--theme",
        "--lang",
        "--preset",
    ] {
        assert!(stdout(&render).contains(flag), "render --help lacks {flag}");
    }
    let wrong = heluo(&["render", "--nonsense"]);
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn check_passes_the_samples_and_good_fixtures_silently() {
    let mut files = vec![sample("luolong.json"), sample("national.json")];
    for entry in std::fs::read_dir(root().join("tests/fixtures/good")).expect("good fixtures") {
        files.push(entry.expect("entry").path().display().to_string());
    }
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = heluo(&args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");
}

/// Rows of EXPECTED.tsv: (file name, message).
fn corpus() -> Vec<(String, String)> {
    let tsv = std::fs::read_to_string(root().join("tests/fixtures/bad/EXPECTED.tsv"))
        .expect("EXPECTED.tsv");
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, message) = l.split_once('\t').expect("a tab");
            (name.to_string(), message.to_string())
        })
        .collect()
}

#[test]
fn check_gives_every_bad_file_the_page_s_message_at_a_line_and_column() {
    let rows = corpus();
    assert!(rows.len() > 100, "{} rows", rows.len());
    let bad = root().join("tests/fixtures/bad");
    let paths: Vec<String> = rows
        .iter()
        .map(|(n, _)| bad.join(n).display().to_string())
        .collect();
    let args: Vec<&str> = std::iter::once("check")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let o = heluo(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    for ((name, message), path) in rows.iter().zip(&paths) {
        // The page decodes text that is not UTF-8 as GB18030 before it gives
        // up (tests/e2e/reliability-bad-corpus.test.mjs): gbk.json loads there, and here.
        // And whatever people have is read: an array of [year, value] rows
        // is a table, charted, as on the page.
        if ["gbk.json", "top_array_of_points.json"].contains(&name.as_str()) {
            assert!(!out.contains(path.as_str()), "{name} loads: {out}");
            continue;
        }
        let prefix = format!("{path}:");
        let line = lines
            .iter()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no line for {name} in:\n{out}"));
        let rest = line.strip_prefix(&prefix).expect("prefix");
        let mut parts = rest.splitn(3, ':');
        let l: usize = parts
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a line number");
        let c: usize = parts.next().and_then(|p| p.parse().ok()).expect("a column");
        assert_eq!(
            parts.next().map(str::trim_start),
            Some(message.as_str()),
            "{name}"
        );
        // A syntax error's position is its own; a path's is a value's first character.
        if let Some(at) = message.strip_prefix("JSON syntax error at line ") {
            assert!(
                at.starts_with(&format!("{l}, column {c}:")),
                "{name}: {line}"
            );
        } else if message.contains(": ")
            && message.split(':').next().is_some_and(|p| !p.contains(' '))
        {
            let text = std::fs::read_to_string(bad.join(name)).unwrap_or_default();
            let text = text.trim_start_matches('\u{feff}');
            let at: String = text
                .lines()
                .nth(l - 1)
                .unwrap_or("")
                .chars()
                .skip(c - 1)
                .take(1)
                .collect();
            assert!(
                at.starts_with(['{', '[', '"', '-', 't', 'f', 'n'])
                    || at.starts_with(|ch: char| ch.is_ascii_digit()),
                "{name}: {l}:{c} is at {at:?}"
            );
        }
    }
    assert_eq!(lines.len(), rows.len() - 2, "one line per bad file:\n{out}");
}

#[test]
fn check_places_a_path_error_on_its_line_and_column() {
    let dir = scratch("check-lines");
    let file = dir.join("data.json");
    std::fs::write(
        &file,
        "{\n  \"trend\": {\n    \"unit\": \"%\",\n    \"series\": [{\"name\": \"洛龙区\",\n      \"points\": [[2013, 3.12], [2014, 120]]}]\n  },\n  \"ranking\": {\"metrics\": [{\"key\": \"a\", \"label\": \"A\"}], \"villages\": [{\"name\": \"x\", \"values\": {\"a\": 1}}]}\n}\n",
    )
    .expect("write");
    let o = heluo(&["check", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let expected = format!(
        "{}:5:39: trend.series[0].points[1][1]: 120 is not a percentage between 0 and 100 (the unit is \"%\"); write 3.12 for 3.12%\n",
        file.display()
    );
    assert_eq!(stdout(&o), expected);
    // A duplicate key is placed at its second occurrence, by its key.
    std::fs::write(&file, "{\"ranking\": {\"metrics\": [{\"key\": \"a\", \"label\": \"A\"}],\n \"villages\": [{\"name\": \"x\", \"values\": {\"a\": 1,\n   \"a\": 2}}]}}").expect("write");
    let o = heluo(&["check", "--json", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["valid"], false);
    let f = &v["files"][0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(4)),
        "{f}"
    );
    assert_eq!(f["path"], "ranking.villages[0].values.a");
    assert_eq!(f["message"], "ranking.villages[0].values.a: the key \"a\" is written twice in the same object; keep one of the two");
}

#[test]
fn check_json_and_usage_errors() {
    let good = sample("luolong.json");
    let o = heluo(&["check", "--json", &good, "--lang", "zh-CN"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["valid"], true);
    assert_eq!(v["files"][0]["file"], good.as_str());
    // A missing file and a folder: usage errors (2), the others still checked.
    let o = heluo(&["check", &good, "/no/such/file.json"]);
    fails(
        &o,
        2,
        "cannot read /no/such/file.json: no such file or folder",
    );
    let folder = root().join("tests/fixtures").display().to_string();
    let o = heluo(&["check", &folder]);
    fails(&o, 2, "is a folder, not a dataset file");
    let o = heluo(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    let o = heluo(&["check", &good, "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The engine's SVG for the sample's ranking at 800 px with 王屯村 pinned, as the page makes it.
fn engine_svg(kind: ChartKind, width: f64, pin: Option<&str>) -> (String, Engine) {
    let bytes = std::fs::read(root().join("www/data/luolong.json")).expect("sample");
    let dataset = Rc::new(heluo::parse(&bytes).expect("valid"));
    let mut engine =
        Engine::new(dataset.clone(), &Options::new(kind).width(width)).expect("engine");
    if let Some(name) = pin {
        let i = dataset
            .ranking
            .as_ref()
            .expect("ranking")
            .villages
            .iter()
            .position(|v| v.name == name)
            .expect("village");
        engine.apply(Action::TogglePin(i)).expect("pin");
    }
    (engine.svg().expect("svg"), engine)
}

#[test]
fn render_svg_is_the_engine_s_svg_for_the_same_view() {
    let dir = scratch("render-svg");
    let out = dir.join("ranking.svg");
    let o = heluo(&[
        "render",
        &sample("luolong.json"),
        "--chart",
        "ranking",
        "--pin",
        "王屯村",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (expected, _) = engine_svg(ChartKind::Ranking, 800.0, Some("王屯村"));
    assert_eq!(std::fs::read_to_string(&out).expect("svg"), expected);
    let out = dir.join("trend.svg");
    let o = heluo(&[
        "render",
        &sample("luolong.json"),
        "--chart",
        "trend",
        "--width",
        "640",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out).expect("svg"),
        engine_svg(ChartKind::Trend, 640.0, None).0
    );
}

/// The dark pixels (any channel below 110) of `rect` in CSS px at `scale`, as a fraction.
fn ink(p: &Pixmap, (x, y, w, h): (f64, f64, f64, f64), scale: f64) -> f64 {
    let (x0, y0) = ((x * scale) as u32, (y * scale) as u32);
    let (x1, y1) = (((x + w) * scale) as u32, ((y + h) * scale) as u32);
    let mut dark = 0u32;
    let mut all = 0u32;
    for py in y0..y1.min(p.height()) {
        for px in x0..x1.min(p.width()) {
            let c = p.pixel(px, py).expect("pixel");
            all += 1;
            if c.red() < 110 && c.green() < 110 && c.blue() < 110 {
                dark += 1;
            }
        }
    }
    f64::from(dark) / f64::from(all.max(1))
}

#[test]
fn render_png_has_the_size_asked_and_its_chinese_title_has_ink() {
    let dir = scratch("render-png");
    let out = dir.join("ranking.png");
    let o = heluo(&[
        "render",
        &sample("luolong.json"),
        "--chart",
        "ranking",
        "--width",
        "600",
        "--scale",
        "2",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let png = Pixmap::decode_png(&std::fs::read(&out).expect("png")).expect("a PNG");
    let (_, engine) = engine_svg(ChartKind::Ranking, 600.0, None);
    // The picture as exported: the chart and the dataset's words under it.
    let (_, w, h) = engine.export();
    assert_eq!(
        (png.width(), png.height()),
        ((w * 2.0).round() as u32, (h * 2.0).round() as u32)
    );
    // Not blank: many distinct colours.
    let colours: HashSet<[u8; 4]> = png
        .pixels()
        .iter()
        .map(|c| [c.red(), c.green(), c.blue(), c.alpha()])
        .collect();
    assert!(colours.len() > 20, "{} colours", colours.len());
    // The title (bold, Chinese) has ink where its glyphs are, and none just right of it.
    let title = engine
        .marks()
        .iter()
        .find_map(|m| match m {
            Mark::Text(t) if t.bold => Some(t.clone()),
            _ => None,
        })
        .expect("a title");
    assert!(
        title.text.chars().all(|c| c as u32 >= 0x4E00),
        "a Chinese title: {}",
        title.text
    );
    // plotters writes the size in the SVG (17 px as font-size 13.71): the glyphs' em.
    let svg = engine.svg().expect("svg");
    let bold = svg.find("font-weight=\"bold\"").expect("a bold text");
    let head = svg.get(..bold).unwrap_or_default();
    let size_at = head.rfind("font-size=\"").expect("font-size") + "font-size=\"".len();
    let em: f64 = svg[size_at..]
        .split('"')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a size");
    let tw = em * title.text.chars().count() as f64;
    let glyphs = ink(&png, (title.x, title.y, tw, em), 2.0);
    let beyond = ink(&png, (title.x + tw + 20.0, title.y, 200.0, em), 2.0);
    assert!(glyphs > 0.08, "the title's glyphs have {glyphs:.3} ink");
    assert!(beyond < 0.005, "beside the title: {beyond:.3}");
    // Each glyph has ink: the title's em boxes, one by one.
    for (i, c) in title.text.chars().enumerate() {
        let box_ink = ink(&png, (title.x + i as f64 * em, title.y, em, em), 2.0);
        assert!(box_ink > 0.05, "glyph {c} has {box_ink:.3} ink");
    }
    // WeChat: 1080 px wide.
    let out = dir.join("wechat.png");
    let o = heluo(&[
        "render",
        &sample("luolong.json"),
        "--chart",
        "trend",
        "--preset",
        "wechat",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        Pixmap::decode_png(&std::fs::read(&out).expect("png"))
            .expect("png")
            .width(),
        1080
    );
}

#[test]
fn without_a_cjk_font_the_png_is_refused_with_the_package_to_install() {
    let dir = scratch("no-cjk");
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).expect("fonts");
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    std::fs::copy(dejavu, fonts.join("DejaVuSans.ttf")).expect("DejaVu Sans (fonts-dejavu-core)");
    let out = dir.join("x.png");
    let o = Command::new(env!("CARGO_BIN_EXE_heluo"))
        .args([
            "render",
            &sample("luolong.json"),
            "--chart",
            "ranking",
            "-o",
            &out.display().to_string(),
        ])
        .env("HELUO_FONTS", &fonts)
        .output()
        .expect("run");
    fails(&o, 1, "apt-get install fonts-noto-cjk");
    assert!(!out.exists(), "no PNG of empty boxes");
    // English words only need the Latin font.
    let json = dir.join("en.json");
    std::fs::write(&json, r#"{"locale": "en", "ranking": {"title": "Income", "metrics": [{"key": "a", "label": "A"}], "villages": [{"name": "North", "values": {"a": 3}}, {"name": "South", "values": {"a": 2}}]}}"#).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_heluo"))
        .args([
            "render",
            &json.display().to_string(),
            "--chart",
            "ranking",
            "-o",
            &out.display().to_string(),
        ])
        .env("HELUO_FONTS", &fonts)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn every_failure_is_one_clear_line_and_a_nonzero_exit() {
    let dir = scratch("failures");
    let s = sample("luolong.json");
    let out = dir.join("x.svg").display().to_string();
    fails(
        &heluo(&[
            "render", &s, "--chart", "ranking", "--metric", "nope", "-o", &out,
        ]),
        1,
        "--metric nope: not in the dataset; use one of \"income\", \"dividend\"",
    );
    fails(
        &heluo(&[
            "render", &s, "--chart", "ranking", "--pin", "王屯", "-o", &out,
        ]),
        2,
        "no village is called \"王屯\" in the data; did you mean \"王屯村\"",
    );
    fails(
        &heluo(&[
            "render", &s, "--chart", "ranking", "--width", "0", "-o", &out,
        ]),
        2,
        "--width 0: the width must be between 120 and 10000 CSS px",
    );
    fails(
        &heluo(&[
            "render",
            &s,
            "--chart",
            "ranking",
            "-o",
            &dir.join("x.gif").display().to_string(),
        ]),
        2,
        "heluo writes .svg and .png files",
    );
    fails(
        &heluo(&[
            "render",
            &root().join("www").display().to_string(),
            "--chart",
            "ranking",
            "-o",
            &out,
        ]),
        2,
        "is a folder, not a dataset file",
    );
    fails(
        &heluo(&["render", "/no/such.json", "--chart", "ranking", "-o", &out]),
        2,
        "no such file or folder",
    );
    fails(
        &heluo(&[
            "render",
            &sample("national.json"),
            "--chart",
            "ranking",
            "-o",
            &out,
        ]),
        1,
        "the dataset has no \"ranking\" part",
    );
    fails(
        &heluo(&[
            "render",
            &s,
            "--chart",
            "trend",
            "--pin",
            "王屯村",
            "-o",
            &out,
        ]),
        2,
        "--pin pins villages on a ranking",
    );
    fails(
        &heluo(&[
            "render",
            &s,
            "--chart",
            "ranking",
            "-o",
            "/no/such/folder/x.svg",
        ]),
        1,
        "cannot write /no/such/folder/x.svg",
    );
    let bad = root()
        .join("tests/fixtures/bad/percent_over_100.json")
        .display()
        .to_string();
    fails(
        &heluo(&["render", &bad, "--chart", "trend", "-o", &out]),
        1,
        "percent_over_100.json:1:70: trend.series[0].points[0][1]: 312 is not a percentage",
    );
    // An output folder that cannot be written: a file stands where the folder would be.
    let file = dir.join("a-file");
    std::fs::write(&file, "").expect("write");
    fails(
        &heluo(&[
            "cards",
            &s,
            "--metric",
            "income",
            "-o",
            &file.join("cards").display().to_string(),
        ]),
        1,
        "cannot create the folder",
    );
    fails(
        &heluo(&[
            "cards",
            &s,
            "--metric",
            "income",
            "-o",
            &file.display().to_string(),
        ]),
        2,
        "this is a file; cards are written into a folder",
    );
    fails(
        &heluo(&[
            "cards",
            &s,
            "--metric",
            "nope",
            "-o",
            &dir.display().to_string(),
        ]),
        2,
        "--metric nope: no metric has this key",
    );
    fails(
        &heluo(&["html", &s, "-o", &dir.join("x.txt").display().to_string()]),
        2,
        "writes an .html file",
    );
    // In Chinese when asked.
    fails(
        &heluo(&[
            "render", &s, "--chart", "ranking", "--lang", "zh-CN", "--pin", "王屯", "-o", &out,
        ]),
        2,
        "数据中没有名为“王屯”的村；是不是 \"王屯村\"",
    );
    fails(
        &heluo(&["check", "--lang", "zh-CN", "/no/such.json"]),
        2,
        "无法读取 /no/such.json：没有这个文件或文件夹",
    );
}

/// A ranking dataset of `names`, with values in order.
fn villages(names: &[String]) -> String {
    let villages: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(
            |(i, n)| serde_json::json!({"name": n, "values": {"income": 1000 * (names.len() - i)}}),
        )
        .collect();
    serde_json::json!({"title": "村集体经济", "locale": "zh-CN", "ranking": {"metrics": [{"key": "income", "label": "村集体经济收入", "unit": "元"}], "villages": villages}}).to_string()
}

#[test]
fn cards_writes_one_distinct_file_per_village() {
    let dir = scratch("cards-85");
    let names: Vec<String> = (1..=85).map(|i| format!("第{i}村")).collect();
    let data = dir.join("villages85.json");
    std::fs::write(&data, villages(&names)).expect("write");
    let out = dir.join("cards");
    let o = heluo(&[
        "cards",
        &data.display().to_string(),
        "--metric",
        "income",
        "--format",
        "svg",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .expect("cards")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 85);
    // Each card pins its own village: its rank called out ("· 第 N 名").
    let card = std::fs::read_to_string(out.join("第40村.svg")).expect("第40村.svg");
    assert!(
        card.contains("第40村") && card.contains("第 40 名"),
        "the card pins 第40村"
    );
    let svgs: HashSet<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("read"))
        .collect();
    assert_eq!(svgs.len(), 85, "85 different pictures");
    // PNG cards of the sample: 7 villages, 7 PNGs.
    let out = dir.join("png");
    let o = heluo(&[
        "cards",
        &sample("luolong.json"),
        "--metric",
        "income",
        "--width",
        "400",
        "--scale",
        "1",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pngs = std::fs::read_dir(&out).expect("cards").count();
    assert_eq!(pngs, 7);
    assert!(
        Pixmap::decode_png(&std::fs::read(out.join("王屯村.png")).expect("王屯村.png")).is_ok()
    );
}

#[test]
fn hostile_village_names_give_safe_distinct_file_names() {
    let dir = scratch("cards-hostile");
    let long = "长".repeat(300);
    let names: Vec<String> = [
        "../x",
        "..",
        "a/b",
        "a\\b",
        "CON",
        "con",
        "nul.txt",
        "COM1",
        "LPT9",
        &long,
        &format!("{long}乙"),
        "🎉村",
        "\u{202E}gnp.exe",
        "甲\u{200B}乙村",
        "甲村",
        "a:b*c?d",
        " . ",
        "x.",
        "A-b",
        "a b",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let data = dir.join("hostile.json");
    std::fs::write(&data, villages(&names)).expect("write");
    let out = dir.join("cards");
    let o = heluo(&[
        "cards",
        &data.display().to_string(),
        "--metric",
        "income",
        "--format",
        "svg",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Nothing was written outside the folder.
    let parent: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(parent.len(), 2, "{parent:?}");
    let files: Vec<String> = std::fs::read_dir(&out)
        .expect("cards")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), names.len(), "{files:?}");
    let lower: HashSet<String> = files.iter().map(|f| f.to_lowercase()).collect();
    assert_eq!(lower.len(), files.len(), "distinct without case: {files:?}");
    for f in &files {
        assert!(f.ends_with(".svg"), "{f}");
        assert!(f.len() <= 120, "{f} is {} bytes", f.len());
        assert!(
            !f.starts_with('.') && !f.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']),
            "{f}"
        );
        assert!(
            !f.chars().any(|c| c.is_control()
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || c == '\u{200B}'),
            "{f:?}"
        );
        let stem = f.split('.').next().unwrap_or("").to_ascii_uppercase();
        assert!(
            !["CON", "PRN", "AUX", "NUL", "COM1", "LPT9"].contains(&stem.as_str()),
            "{f}"
        );
    }
    assert!(files.contains(&"🎉村.svg".to_string()), "{files:?}");
}

#[test]
fn html_is_one_self_contained_page_whose_script_the_csp_allows_by_hash() {
    use base64::Engine as _;
    use sha2::Digest;
    let dir = scratch("html");
    let out = dir.join("chart.html");
    let o = heluo(&[
        "html",
        &sample("luolong.json"),
        "--chart",
        "ranking",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).expect("html");
    assert!(
        !html.contains("<script src="),
        "nothing loaded from elsewhere"
    );
    // The first: the script's own text may hold "\n<script>" (the standalone page it writes).
    let open = html.find("\n<script>").expect("the inline script") + "\n<script>".len();
    let close = html.rfind("</script>\n</body>").expect("its end");
    let script = &html[open..close];
    assert!(!script.to_ascii_lowercase().contains("</script"));
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    assert!(
        html.contains(&format!("script-src 'sha256-{hash}' 'wasm-unsafe-eval'")),
        "the CSP names the script's hash"
    );
    assert_eq!(html.matches("<heluo-chart ").count(), 1);
    assert!(html.contains(
        "<heluo-chart chart=\"ranking\" metric=\"income\" theme=\"auto\" lang=\"zh-CN\">"
    ));
    // The <noscript> image is the engine's SVG at 800 px.
    let b64 = html
        .split("data:image/svg+xml;base64,")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("an image");
    let svg = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("base64"),
    )
    .expect("utf-8");
    assert_eq!(svg, engine_svg(ChartKind::Ranking, 800.0, None).0);
}

/// Workbooks are read as the page reads them (the same reader, natively):
/// the sheet with the table, whatever sheet comes first; a password-protected
/// one gets its own message.
#[test]
fn check_reads_workbooks() {
    let dir = root().join("tests/fixtures/workbooks");
    let good = dir.join("note-then-data.xlsx").display().to_string();
    let o = heluo(&["check", &good]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let locked = dir.join("encrypted.xlsx").display().to_string();
    let o = heluo(&["check", "--lang", "zh-CN", &locked]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("密码"), "{}", stdout(&o));
}
