//! Renders a dataset's charts to SVG files: `cargo run --example svg -- FILE.json OUTDIR`.
use std::rc::Rc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let input = args.get(1).ok_or("usage: svg FILE.json OUTDIR")?;
    let out = args.get(2).map(String::as_str).unwrap_or(".");
    let width: f64 = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(720.0);
    let dataset = Rc::new(heluo::parse(&std::fs::read(input)?)?);
    for (kind, name) in [
        (heluo::ChartKind::Trend, "trend"),
        (heluo::ChartKind::Ranking, "ranking"),
    ] {
        if let Some(chart) = heluo::Chart::new(dataset.clone(), kind, width) {
            let (w, h) = chart.size();
            let svg = heluo::render::to_svg(chart.marks(), w, h)?;
            std::fs::write(format!("{out}/{name}.svg"), svg)?;
        }
    }
    Ok(())
}
