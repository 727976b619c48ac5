//! Speed benchmark of the core: `cargo run --release --example bench`.
//! Prints how long parsing, layout, rendering and hit-testing take on large
//! generated datasets. Numbers, not pass/fail: see scripts/bench.sh.
use std::rc::Rc;
use std::time::Instant;

use heluo::render::record::RecordingBackend;
use heluo::{Chart, ChartKind};

fn trend_json(series: usize) -> String {
    let mut out = String::from(r#"{"title":"bench","trend":{"unit":"%","series":["#);
    for s in 0..series {
        if s > 0 {
            out.push(',');
        }
        out.push_str(&format!(r#"{{"name":"县{s}","points":["#));
        for (i, year) in (1900..=2100).enumerate() {
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
            i % 40,
            income / 100
        ));
    }
    out.push_str("]}}");
    out
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("{label:<58} {ms:>9.3} ms");
    out
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

    let t = Rc::new(time("parse + validate trend (20,100 points)", 10, || {
        heluo::parse(trend.as_bytes())
    })?);
    let r = Rc::new(time(
        "parse + validate ranking (100,000 villages)",
        3,
        || heluo::parse(ranking.as_bytes()),
    )?);

    let mut trend_chart = time("layout trend at 800 px", 20, || {
        Chart::new(t.clone(), ChartKind::Trend, 800.0)
    })
    .ok_or("no trend")?;
    let mut rank_chart = time(
        "layout ranking top 15 at 800 px (sorts 100,000)",
        10,
        || Chart::new(r.clone(), ChartKind::Ranking, 800.0),
    )
    .ok_or("no ranking")?;
    time("render trend to a recording backend", 20, || {
        let mut b = RecordingBackend::new(1600, 900);
        heluo::render::render(&mut b, trend_chart.marks(), 2.0, Some((800.0, 440.0)))
            .map(|_| b.calls.len())
    })?;
    time("render ranking top 15", 20, || {
        let mut b = RecordingBackend::new(1600, 900);
        heluo::render::render(&mut b, rank_chart.marks(), 2.0, None).map(|_| b.calls.len())
    })?;
    let hovers = 10_000;
    let (w, h) = trend_chart.size();
    let per = time(
        &format!("{hovers} trend hovers (pointer → tooltip + overlay)"),
        3,
        || {
            let mut n = 0;
            for i in 0..hovers {
                let x = (i as f64 * 7.3) % w;
                if trend_chart.pointer(x, h / 2.0).is_some() {
                    n += trend_chart.overlay().len();
                }
            }
            n
        },
    );
    let _ = per;
    let (w, h) = rank_chart.size();
    time(&format!("{hovers} ranking hovers"), 3, || {
        let mut n = 0;
        for i in 0..hovers {
            if rank_chart.pointer(w / 2.0, (i as f64 * 3.1) % h).is_some() {
                n += rank_chart.overlay().len();
            }
        }
        n
    });
    time("switch metric (re-sort 100,000) + layout", 5, || {
        let m = rank_chart.ranking_view().map_or(0, |v| v.metric);
        rank_chart.set_metric(1 - m);
        rank_chart.size()
    });
    rank_chart.set_show_all(true);
    time("layout ranking, all 100,000 villages", 3, || {
        rank_chart.resize(800.0)
    });
    Ok(())
}
