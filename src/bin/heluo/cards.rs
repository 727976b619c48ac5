//! `heluo cards`: one image per village of a ranking, that village pinned as
//! a click on its bar pins it on the page (highlighted, its rank called out,
//! shown below the top N when it ranks further down).
//!
//! The engine is single-threaded (`Rc`), so each of rayon's workers parses
//! the file once and draws a contiguous share of the villages with its own
//! engine, pinning and unpinning one village after another.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use heluo::text::Lang;
use heluo::{Action, ChartKind};
use rayon::prelude::*;

use crate::cli::{CardsArgs, FormatArg};
use crate::load::{self, io_reason};
use crate::names;
use crate::raster::Raster;
use crate::render::{self, Size, View};
use crate::Failure;

pub fn run(args: &CardsArgs) -> Result<ExitCode, Failure> {
    let size = Size::from_look(&args.look)?;
    let lang = args.look.lang.map(|l| l.lang());
    if args.top == Some(0) {
        return Err(Failure::usage(crate::say!(
            "--top 0: show at least one row",
            "--top 0：至少显示一行"
        )));
    }
    let (bytes, dataset) = load::dataset(&args.file, lang.unwrap_or(Lang::En))?;
    let Some(ranking) = dataset.ranking.as_ref() else {
        let file = args.file.display();
        return Err(Failure::data(crate::say!(
            "{file} has no \"ranking\", so there are no villages to make cards of",
            "{file} 中没有“ranking”，没有可以做卡片的村"
        )));
    };
    let Some(metric) = ranking.metrics.iter().position(|m| m.key == args.metric) else {
        let keys: Vec<String> = ranking
            .metrics
            .iter()
            .map(|m| format!("\"{}\"", m.key))
            .collect();
        let (metric, keys) = (&args.metric, keys.join(", "));
        return Err(Failure::usage(crate::say!(
            "--metric {metric}: no metric has this key; the dataset's keys are {keys}",
            "--metric {metric}：没有这个键的指标；数据中的键有 {keys}"
        )));
    };
    let view = View {
        kind: ChartKind::Ranking,
        metric: Some(args.metric.clone()),
        top: args.top,
        pins: Vec::new(),
        highlights: Vec::new(),
        width: size.width,
        theme: render::theme(args.look.theme),
        lang,
        title: args.look.title.clone(),
    };
    prepare_folder(&args.output)?;
    let ext = match args.format {
        FormatArg::Png => "png",
        FormatArg::Svg => "svg",
    };
    let files = names::file_names(ranking.villages.iter().map(|v| v.name.as_str()), ext);
    // A village with no value for the metric is not on the chart: no card.
    let jobs: Vec<(usize, PathBuf)> = files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| {
            ranking
                .villages
                .get(*i)
                .and_then(|v| v.values.get(metric).copied().flatten())
                .is_some()
        })
        .map(|(i, name)| (i, args.output.join(name)))
        .collect();
    let left_out = ranking.villages.len() - jobs.len();
    let raster = (args.format == FormatArg::Png).then(Raster::new);
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(jobs.len() as u64).with_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} cards, {eta} left")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    let failed = AtomicBool::new(false);
    let threads = rayon::current_num_threads().max(1);
    let share = jobs.len().div_ceil(threads * 4).max(1);
    let started = std::time::Instant::now();
    jobs.par_chunks(share)
        .try_for_each(|chunk| -> Result<(), Failure> {
            let dataset = Rc::new(
                load::parse(&bytes, &args.file.to_string_lossy())
                    .map_err(|e| Failure::data(e.to_string()))?,
            );
            let mut engine = render::engine(dataset, &view)?;
            for (village, path) in chunk {
                if failed.load(Ordering::Relaxed) {
                    return Ok(());
                }
                render::apply(&mut engine, Action::TogglePin(*village))?;
                let result = card(&engine, raster.as_ref(), size.scale)
                    .and_then(|bytes| render::write(path, &bytes));
                render::apply(&mut engine, Action::TogglePin(*village))?;
                if let Err(e) = result {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                progress.inc(1);
            }
            Ok(())
        })?;
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let (count, dir, metric) = (jobs.len(), args.output.display(), &args.metric);
    let rest = if left_out > 0 {
        crate::say!(
            "; {left_out} villages have no value for \"{metric}\" and get no card",
            "；{left_out} 个村没有“{metric}”的数值，没有卡片"
        )
    } else {
        String::new()
    };
    eprintln!(
        "heluo: {}",
        crate::say!(
            "{count} cards written to {dir} in {seconds:.1} s{rest}",
            "已在 {seconds:.1} 秒内将 {count} 张卡片写入 {dir}{rest}"
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The bytes of one card as the engine shows it now.
fn card(engine: &heluo::Engine, raster: Option<&Raster>, scale: f64) -> Result<Vec<u8>, Failure> {
    let svg = engine
        .svg()
        .map_err(|e| Failure::data(load::error_message(&e, engine.lang())))?;
    match raster {
        None => Ok(svg.into_bytes()),
        Some(raster) => {
            raster.check_fonts(&engine.export().0)?;
            raster.png(&svg, scale)
        }
    }
}

/// Creates the folder if needed and checks that files can be written in it.
fn prepare_folder(dir: &Path) -> Result<(), Failure> {
    if dir.exists() && !dir.is_dir() {
        let dir = dir.display();
        return Err(Failure::usage(crate::say!(
            "-o {dir}: this is a file; cards are written into a folder",
            "-o {dir}：这是一个文件；卡片要写入文件夹"
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        let (dir, reason) = (dir.display(), io_reason(&e));
        Failure::data(crate::say!(
            "cannot create the folder {dir}: {reason}",
            "无法创建文件夹 {dir}：{reason}"
        ))
    })?;
    let probe = dir.join(".heluo-write-check");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| {
            let (dir, reason) = (dir.display(), io_reason(&e));
            Failure::data(crate::say!(
                "cannot write into the folder {dir}: {reason}",
                "无法写入文件夹 {dir}：{reason}"
            ))
        })
}
