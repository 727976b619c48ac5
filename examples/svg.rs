//! Renders a dataset's charts to SVG files: `cargo run --example svg -- FILE.json OUTDIR [WIDTH]`.
use std::rc::Rc;

use heluo::{ChartKind, Engine, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let input = args.get(1).ok_or("usage: svg FILE.json OUTDIR [WIDTH]")?;
    let out = args.get(2).map(String::as_str).unwrap_or(".");
    let width: f64 = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(720.0);
    let dataset = Rc::new(heluo::parse(&std::fs::read(input)?)?);
    for kind in [ChartKind::Trend, ChartKind::Ranking] {
        // A dataset without this part has no such chart: skip it.
        if let Ok(chart) = Engine::new(dataset.clone(), &Options::new(kind).width(width)) {
            std::fs::write(format!("{out}/{}.svg", kind.name()), chart.svg()?)?;
        }
    }
    Ok(())
}
