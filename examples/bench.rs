//! Speed benchmark of the core: `cargo run --release --example bench`.
//! Prints how long parsing, layout, rendering and hit-testing take on large
//! generated datasets. Numbers, not pass/fail: see scripts/bench.sh.
use std::alloc::{GlobalAlloc, Layout, System};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use heluo::{Action, ChartKind, Dataset, Engine, Options};

#[path = "../tests/support/record.rs"]
mod record;

use record::RecordingBackend;

/// The system allocator, counting the bytes in use and their peak, so the
/// benchmark can say how much memory a parse takes compared with its file.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak and retained heap of one parse of `json`, as multiples of its size.
fn memory(label: &str, json: &str) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let dataset = heluo::parse(json.as_bytes());
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let kept = IN_USE.load(Ordering::Relaxed).saturating_sub(before);
    let size = json.len() as f64;
    println!(
        "{label:<66} peak {:.1}× the file, dataset {:.1}×",
        peak as f64 / size,
        kept as f64 / size
    );
    drop(dataset);
}

fn trend_json(series: usize) -> String {
    trend_json_years(series, 1900..=2100)
}

/// `series` lines over `years`.
fn trend_json_years(series: usize, years: std::ops::RangeInclusive<usize>) -> String {
    let mut out = String::from(r#"{"title":"bench","trend":{"unit":"%","series":["#);
    for s in 0..series {
        if s > 0 {
            out.push(',');
        }
        out.push_str(&format!(r#"{{"name":"县{s}","points":["#));
        for (i, year) in years.clone().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let v = ((year * 7 + s * 13) % 1000) as f64 / 10.0;
            out.push_str(&format!("[{year},{v}]"));
        }
        out.push_str("]}");
    }
    out.push_str("]}}");
    out
}

fn ranking_json(villages: usize) -> String {
    ranking_in_groups(villages, 40)
}

/// `villages` in `groups` groups (a national ranking by town has thousands).
fn ranking_in_groups(villages: usize, groups: usize) -> String {
    let mut out = String::from(
        r#"{"ranking":{"metrics":[{"key":"income","unit":"元"},{"key":"dividend","unit":"元"}],"villages":["#,
    );
    for i in 0..villages {
        if i > 0 {
            out.push(',');
        }
        let income = (i * 7919) % 1_000_003;
        out.push_str(&format!(
            r#"{{"name":"村{i}","group":"镇{}","values":{{"income":{income},"dividend":{}}}}}"#,
            i % groups,
            income / 100
        ));
    }
    out.push_str("]}}");
    out
}

/// [`time`] for a parse, with the throughput in MB/s.
fn throughput(label: &str, json: &str, runs: u32) -> heluo::Result<Dataset> {
    let start = Instant::now();
    let out = time(label, runs, || heluo::parse(json.as_bytes()));
    let seconds = start.elapsed().as_secs_f64() / f64::from(runs + 1);
    println!(
        "{:<66} {:>9.1} MB/s",
        "  throughput",
        json.len() as f64 / 1e6 / seconds
    );
    out
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("{label:<66} {ms:>9.3} ms");
    out
}

fn chart(data: &Rc<Dataset>, kind: ChartKind) -> Result<Engine, heluo::Refusal> {
    Engine::new(data.clone(), &Options::new(kind).width(800.0))
}

/// A ranking of `villages` with "show all" on, then a metric switch (a re-rank
/// of every row), then one frame of the transition that follows.
fn transition_frame(villages: usize) -> Result<(), Box<dyn std::error::Error>> {
    let data = Rc::new(heluo::parse(ranking_json(villages).as_bytes())?);
    let mut chart = chart(&data, ChartKind::Ranking)?;
    chart.apply(Action::ToggleShowAll)?;
    let n = group(villages);
    time(&format!("switch metric, show all, {n} villages"), 3, || {
        let m = chart.ranking().map_or(0, |r| r.view().metric);
        chart.apply(Action::Metric(1 - m)).map(|c| c.transition)
    })?;
    let frames = time(
        &format!("re-rank transition frame (t = 0.5), show all, {n} villages"),
        10,
        || chart.transition_marks(0.5).map_or(0, |marks| marks.len()),
    );
    if frames == 0 {
        return Err("no transition after a metric switch".into());
    }
    // What a frame costs at least while it returns a fresh copy of every mark.
    time(
        &format!("  of which: a copy of the {frames} base marks"),
        10,
        || chart.marks().to_vec().len(),
    );
    Ok(())
}

/// `50000` → `50,000`.
fn group(n: usize) -> String {
    heluo::format::group_thousands(n as f64, 0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let trend = trend_json(100);
    let ranking = ranking_json(100_000);
    println!(
        "bench: {} series × 201 years ({} KB JSON); {} villages ({} KB JSON)",
        100,
        trend.len() / 1024,
        100_000,
        ranking.len() / 1024
    );

    let t = Rc::new(throughput(
        "parse + validate trend (20,100 points)",
        &trend,
        10,
    )?);
    let r = Rc::new(throughput(
        "parse + validate ranking (100,000 villages)",
        &ranking,
        5,
    )?);

    memory(
        "memory of parse + validate ranking (100,000 villages)",
        &ranking,
    );
    // `-- towns`: 100,000 villages in 7,693 towns, parse and first layout.
    if std::env::args().any(|a| a == "towns") {
        let towns = ranking_in_groups(100_000, 7_693);
        let data = Rc::new(throughput(
            "parse 100,000 villages in 7,693 towns",
            &towns,
            3,
        )?);
        time("layout ranking of 7,693 towns at 800 px", 3, || {
            chart(&data, ChartKind::Ranking)
        })?;
        return Ok(());
    }
    // `-- wide`: 3,000 series × 20 years, the many-lines trend, laid out and rendered.
    if std::env::args().any(|a| a == "wide") {
        let wide = Rc::new(throughput(
            "parse 3,000 series × 20 years",
            &trend_json_years(3_000, 2000..=2019),
            3,
        )?);
        let c = time("layout trend of 3,000 series at 800 px", 5, || {
            chart(&wide, ChartKind::Trend)
        })?;
        let (w, h) = c.size();
        let background = c.theme().background;
        time("render it to a recording backend", 5, || {
            let mut b = RecordingBackend::new(1600, 900);
            heluo::render::render(&mut b, c.marks(), 2.0, Some((w, h, background)))
                .map(|_| b.calls.len())
        })?;
        println!("marks: {}", c.marks().len());
        return Ok(());
    }
    // `-- parse`: the parse only (for a profiler).
    if std::env::args().any(|a| a == "parse") {
        return Ok(());
    }

    let mut trend_chart = time("layout trend at 800 px", 20, || chart(&t, ChartKind::Trend))?;
    let mut rank_chart = time(
        "layout ranking top 15 at 800 px (sorts 100,000)",
        10,
        || chart(&r, ChartKind::Ranking),
    )?;
    let (w, h) = trend_chart.size();
    let background = trend_chart.theme().background;
    time("render trend to a recording backend", 20, || {
        let mut b = RecordingBackend::new(1600, 900);
        heluo::render::render(&mut b, trend_chart.marks(), 2.0, Some((w, h, background)))
            .map(|_| b.calls.len())
    })?;
    time("render ranking top 15", 20, || {
        let mut b = RecordingBackend::new(1600, 900);
        heluo::render::render(&mut b, rank_chart.marks(), 2.0, None).map(|_| b.calls.len())
    })?;
    let hovers = 10_000;
    time(
        &format!("{hovers} trend hovers (pointer → tooltip + overlay)"),
        3,
        || {
            let mut n = 0;
            for i in 0..hovers {
                let x = (i as f64 * 7.3) % w;
                let changed = trend_chart.apply(Action::Pointer(x, h / 2.0));
                if changed.is_ok_and(|c| c.tooltip) {
                    n += trend_chart.overlay().len();
                    n += trend_chart.tooltip().map_or(0, |t| t.rows.len());
                }
            }
            n
        },
    );
    let (w, h) = rank_chart.size();
    time(&format!("{hovers} ranking hovers"), 3, || {
        let mut n = 0;
        for i in 0..hovers {
            let changed = rank_chart.apply(Action::Pointer(w / 2.0, (i as f64 * 3.1) % h));
            if changed.is_ok_and(|c| c.tooltip) {
                n += rank_chart.overlay().len();
                n += rank_chart.tooltip().map_or(0, |t| t.rows.len());
            }
        }
        n
    });
    time("switch metric (re-sort 100,000) + layout", 5, || {
        let m = rank_chart.ranking().map_or(0, |r| r.view().metric);
        rank_chart.apply(Action::Metric(1 - m)).map(|c| c.marks)
    })?;
    rank_chart.apply(Action::ToggleShowAll)?;
    time("layout ranking, all 100,000 villages", 3, || {
        rank_chart.apply(Action::Resize(800.0)).map(|c| c.size)
    })?;
    for villages in [5_000, 50_000] {
        transition_frame(villages)?;
    }
    Ok(())
}
