//! The trend's layout: a line per series over a true year axis, in CSS px,
//! plus the structures hit-testing reads (year columns, legend, annotations).

use crate::chart::{
    footer, footer_height, header, legend, legend_note, padding, Context, LegendEntry, LegendItem,
};
use crate::dataset::Trend;
use crate::format::{decimals_for_step, ValueFormat};
use crate::mark::{fit_text, text_width, Align, Baseline, Color, Mark, Rect};
use crate::scale::{nice_ticks, year_ticks, LinearScale};
use crate::text::{Lang, Msg};

/// What the reader has changed about the trend chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendView {
    /// Series hidden through the legend, by index.
    pub hidden: Vec<usize>,
    /// Zoomed year range, inclusive; `None` = every year.
    pub years: Option<(i32, i32)>,
    /// Series the reader highlighted (search, the highlight buttons, Enter
    /// on a line), in the order they were: drawn on top in the accent
    /// colour, named at their ends, the others greyed.
    pub highlighted: Vec<usize>,
}

impl TrendView {
    pub fn is_hidden(&self, series: usize) -> bool {
        self.hidden.contains(&series)
    }

    pub fn is_highlighted(&self, series: usize) -> bool {
        self.highlighted.contains(&series)
    }
}

/// A line's name written at its right end.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectLabel {
    pub series: usize,
    pub text: String,
    pub rect: Rect,
}

/// A drawn data point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointMark {
    pub series: usize,
    pub year: i32,
    pub value: f64,
    pub x: f64,
    pub y: f64,
}

/// A year with at least one drawn point, and its x position: the crosshair snaps to these.
#[derive(Debug, Clone, PartialEq)]
pub struct YearColumn {
    pub year: i32,
    pub x: f64,
    /// The points drawn at this year, in series order.
    pub points: Vec<PointMark>,
}

/// A drawn annotation marker.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationMark {
    pub year: i32,
    pub x: f64,
    /// The first annotation's label, whole.
    pub label: String,
    /// The labels of the other annotations drawn at the same pixel column
    /// (the same year, or years too close to tell apart): shown on hover.
    pub others: Vec<String>,
    /// The label's box (or, when there was no room for a label, a small box
    /// at the top of the rule), for hovering to read it whole.
    pub rect: Rect,
}

/// Everything needed to draw and hit-test the trend chart at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLayout {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub x: LinearScale,
    pub y: LinearScale,
    pub marks: Vec<Mark>,
    /// Sorted by x (and year).
    pub columns: Vec<YearColumn>,
    pub legend: Vec<LegendItem>,
    pub annotations: Vec<AnnotationMark>,
    /// Lines named at their ends (those that fit without overprinting).
    pub labels: Vec<DirectLabel>,
    /// The years shown, inclusive (the zoom, or every year).
    pub years: (i32, i32),
    /// The axis' format (万 and unit decided for the whole chart).
    pub format: ValueFormat,
    /// Per series: the chart's format with the decimals that series needs, so
    /// 8.5 stays `8.5%` beside a district's `3.12%`.
    pub series_formats: Vec<ValueFormat>,
    pub colors: Vec<Color>,
}

/// More series than this get no legend entries (a line explains the colours)
/// and no names at their ends, except the highlighted ones.
pub const MAX_LEGEND: usize = 12;
/// Text size of a line's name at its end.
pub const LABEL_SIZE: f64 = 11.5;
/// Height a line's name takes: two names closer than this overprint.
const LABEL_HEIGHT: f64 = 14.0;
/// The plot is never squeezed below this height (CSS px).
pub const MIN_PLOT_HEIGHT: f64 = 160.0;
/// The smallest y span: five ticks 0.000002 apart, the finest step six
/// decimals write apart.
const MIN_SPAN: f64 = 1e-5;

/// Height for a chart `width` wide: about 5:3, within phone and desktop bounds.
pub fn trend_height(width: f64) -> f64 {
    (width * 0.6).clamp(280.0, 440.0)
}

impl TrendLayout {
    /// The format of series `i`'s values.
    pub fn series_format(&self, i: usize) -> &ValueFormat {
        self.series_formats.get(i).unwrap_or(&self.format)
    }

    /// Lays the trend out at `width` CSS px, in the numbered steps below.
    pub fn new(cx: &Context, trend: &Trend, view: &TrendView, width: f64) -> TrendLayout {
        let width = crate::chart::sane_width(width);
        let page = Page {
            cx,
            trend,
            view,
            width,
            pad: padding(width),
        };
        let pad = page.pad;
        let mut marks = Vec::new();
        let (format, series_formats) = value_formats(cx, trend);
        let colors = series_colors(cx, trend);

        // 1. Header: title, unit line, legend, and room for annotation labels.
        let (legend, top) = page.draw_header(&format, &colors, &mut marks);
        // The years the data spans: annotations outside them are listed under
        // the chart rather than stretching the axis (a 2090 label would make
        // 2013–2019 a sliver). Without data, the annotations give the years.
        let span = data_span(trend);
        let stack = annotation_rows(trend, span);
        let plot_top = top + 10.0 + annotation_band(stack);

        // 2. Footer and x-axis band.
        let credit_line: Vec<String> = cx.credit().into_iter().collect();
        // The plot keeps a readable height whatever the header takes.
        let below = pad + footer_height(credit_line.len()) + 26.0;
        let height = trend_height(width).max(plot_top + MIN_PLOT_HEIGHT + below);
        let plot_bottom = height - pad - footer_height(credit_line.len()) - 26.0;

        // 3. Scales. x: the zoomed range or every year (annotations included);
        //    y: zero to the largest visible value (rates are read from a zero baseline).
        let years = shown_years(span, view);
        let axis = ValueAxis::new(trend, view, years, height, &format);
        let plot = page.plot_rect(axis.label_width(), plot_top, plot_bottom);
        let scales = Scales {
            plot,
            x: year_scale(plot, years),
            y: axis.scale(plot),
            years,
        };

        // 4. Grid and axes.
        page.draw_value_grid(&axis, &scales, &mut marks);
        page.draw_year_axis(&scales, &mut marks);
        if axis.empty {
            page.draw_no_data_note(plot, &mut marks);
        }

        // 5. Annotations: a dashed rule per pixel column, labels stacked above
        //    the plot where they fit, the others listed under the chart.
        let (annotations, not_shown) = page.place_annotations(&scales, stack, &mut marks);

        // 6. Lines (split at gaps), point markers, and names at line ends.
        let columns = page.lay_out_lines(&colors, &scales, &mut marks);
        let labels = page.place_labels(&scales, &mut marks);

        // 7. Footer: the annotations not drawn, and the credit.
        let not_shown = listed_annotations(trend, &not_shown, span);
        let height = page.draw_footer(&not_shown, credit_line, height, &mut marks);
        let Scales { plot, x, y, years } = scales;
        TrendLayout {
            width,
            height,
            plot,
            x,
            y,
            marks,
            columns,
            legend,
            annotations,
            labels,
            years,
            format,
            series_formats,
            colors,
        }
    }
}

/// What every step of the layout reads: the chart's context, the data, the
/// reader's view, and the width (and outer padding) it is laid out at.
struct Page<'a> {
    cx: &'a Context,
    trend: &'a Trend,
    view: &'a TrendView,
    width: f64,
    pad: f64,
}

/// Where values land once the axes are measured: the plot's box, its two
/// scales, and the years shown (inclusive).
struct Scales {
    plot: Rect,
    x: LinearScale,
    y: LinearScale,
    years: (i32, i32),
}

/// The chart's format (万 and unit decided for every value), and per series
/// that format with the decimals the series needs.
fn value_formats(cx: &Context, trend: &Trend) -> (ValueFormat, Vec<ValueFormat>) {
    let format = ValueFormat::for_values_in(
        trend.unit.as_deref(),
        trend
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter_map(|p| p.value)),
        cx.lang == Lang::Zh,
    );
    let series_formats: Vec<ValueFormat> = trend
        .series
        .iter()
        .map(|s| {
            let own = ValueFormat::for_values_in(
                trend.unit.as_deref(),
                s.points
                    .iter()
                    .filter_map(|p| p.value.map(|v| v / format.divisor())),
                cx.lang == Lang::Zh,
            );
            format.with_decimals(own.decimals())
        })
        .collect();
    (format, series_formats)
}

/// Each series' colour. Beyond the palette, series are grey rather than
/// repeating a colour (区县0 and 区县8 must not look the same): the newsroom
/// pattern of "all counties in grey, a few highlighted", the first ones in colour.
fn series_colors(cx: &Context, trend: &Trend) -> Vec<Color> {
    let theme = &cx.theme;
    (0..trend.series.len())
        .map(|i| match theme.palette.get(i) {
            Some(&c) => c,
            None => theme.no_group,
        })
        .collect()
}

/// The height of the band of annotation labels above the plot, for `stack` rows.
fn annotation_band(stack: usize) -> f64 {
    if stack == 0 {
        0.0
    } else {
        18.0 + stack.saturating_sub(1) as f64 * ANNOTATION_LINE
    }
}

/// The years shown (inclusive): the view's zoom within `span`, or all of it.
fn shown_years(span: (i32, i32), view: &TrendView) -> (i32, i32) {
    let (mut first, mut last) = span;
    if let Some((a, b)) = view.years {
        first = a.max(first).min(last);
        last = b.min(last).max(first);
    }
    (first, last)
}

/// The x scale: `years` across the plot, inset so end points are not cut.
fn year_scale(plot: Rect, (first, last): (i32, i32)) -> LinearScale {
    let inset = (plot.w * 0.04).min(16.0);
    LinearScale::new(
        (first as f64, last as f64),
        (plot.x + inset, plot.right() - inset),
    )
}

/// The value (y) axis before it is placed: its ticks and how they are written.
struct ValueAxis {
    ticks: Vec<f64>,
    /// The chart's format with the decimals the tick step needs.
    format: ValueFormat,
    /// Nothing to draw in the shown years (all values missing, or all hidden).
    empty: bool,
}

impl ValueAxis {
    /// Ticks from zero (or the lowest value, if below) to the largest value
    /// the view shows in `years`, fewer on a short chart.
    fn new(
        trend: &Trend,
        view: &TrendView,
        (first, last): (i32, i32),
        height: f64,
        format: &ValueFormat,
    ) -> ValueAxis {
        let in_range = |year: i32| year >= first && year <= last;
        let visible = trend
            .series
            .iter()
            .enumerate()
            .filter(|(i, _)| !view.is_hidden(*i))
            .flat_map(|(_, s)| s.points.iter())
            .filter(|p| in_range(p.year))
            .filter_map(|p| p.value);
        let (lo, hi) = visible.fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        let empty = !hi.is_finite();
        // A span too small to label (values of 1e-300, or ±1e-9, which read
        // as zero at six decimals) is widened to the smallest the axis can
        // write with distinct labels: the values sit on the zero line, as
        // their labels say, and the gridlines stay.
        let hi = if !hi.is_finite() || hi <= lo {
            lo + 1.0
        } else {
            hi.max(lo + MIN_SPAN)
        };
        let ticks = nice_ticks(lo, hi, if height < 320.0 { 4 } else { 5 });
        let step = match (ticks.first(), ticks.get(1)) {
            (Some(a), Some(b)) => b - a,
            _ => 1.0,
        };
        ValueAxis {
            ticks,
            format: format.with_decimals(decimals_for_step(step)),
            empty,
        }
    }

    /// A tick's label: with its unit for percentages, a bare number otherwise
    /// (the unit line says it).
    fn label(&self, v: f64) -> String {
        if self.format.unit_label().as_deref() == Some("%") {
            self.format.format(v)
        } else {
            self.format.number(v)
        }
    }

    /// The widest tick label, in CSS px.
    fn label_width(&self) -> f64 {
        self.ticks
            .iter()
            .map(|&t| text_width(&self.label(t), 11.5))
            .fold(0.0, f64::max)
    }

    /// The y scale: the ticks' range from the plot's bottom to its top.
    fn scale(&self, plot: Rect) -> LinearScale {
        let (t0, t1) = (
            self.ticks.first().copied().unwrap_or(0.0),
            self.ticks.last().copied().unwrap_or(1.0),
        );
        LinearScale::new((t0, t1), (plot.bottom(), plot.y))
    }
}

impl Page<'_> {
    /// Draws the title, the unit line and the legend (or, with too many
    /// series for one, a line saying how to read them); returns the legend
    /// and the y below it all.
    fn draw_header(
        &self,
        format: &ValueFormat,
        colors: &[Color],
        marks: &mut Vec<Mark>,
    ) -> (Vec<LegendItem>, f64) {
        let (cx, trend, view) = (self.cx, self.trend, self.view);
        let (words, pad, width) = (cx.words, self.pad, self.width);
        let title = title(cx, trend);
        let unit_line = format
            .unit_label()
            .map(|u| words.fill(Msg::UnitLine, &[&u]));
        let top = header(cx, marks, &title, unit_line.as_deref(), pad, width);
        let collapsed = trend.series.len() > MAX_LEGEND;
        let entries: Vec<LegendEntry> = if trend.series.len() > 1 && !collapsed {
            trend
                .series
                .iter()
                .zip(colors)
                .enumerate()
                .map(|(i, (series, &color))| LegendEntry {
                    label: series.name.clone(),
                    color,
                    active: !view.is_hidden(i),
                    bold: false,
                    symbol: None,
                })
                .collect()
        } else {
            Vec::new()
        };
        let (legend, top) = legend(cx, marks, &entries, pad, width, top);
        if !collapsed {
            return (legend, top);
        }
        // Too many series for a legend: one line says how to read them.
        let n = trend.series.len().to_string();
        let line = words.fill(Msg::ManySeries, &[&n, &cx.theme.palette.len().to_string()]);
        (legend, legend_note(cx, marks, &line, pad, width, top))
    }

    /// The plot's box between `top` and `bottom`: right of the tick labels
    /// (`label_w` wide), left of the room kept for names at line ends.
    fn plot_rect(&self, label_w: f64, top: f64, bottom: f64) -> Rect {
        let (pad, width) = (self.pad, self.width);
        Rect {
            x: pad + label_w + 8.0,
            y: top,
            w: (width
                - pad
                - 14.0
                - label_gutter(self.trend, self.view, width)
                - (pad + label_w + 8.0))
                .max(1.0),
            h: (bottom - top).max(1.0),
        }
    }

    /// Draws the value gridlines and their labels. Ticks whose labels would
    /// read the same (values of 1e-300 all print as "0") are drawn once; with
    /// nothing drawn, none (no invented scale, only the no-data note).
    fn draw_value_grid(&self, axis: &ValueAxis, scales: &Scales, marks: &mut Vec<Mark>) {
        let (cx, theme, plot) = (self.cx, &self.cx.theme, scales.plot);
        let mut last_label = String::new();
        let shown_ticks = if axis.empty { &[][..] } else { &axis.ticks[..] };
        for &t in shown_ticks {
            let label = axis.label(t);
            if label == last_label {
                continue;
            }
            last_label.clone_from(&label);
            let py = scales.y.map(t).round();
            marks.push(Mark::Line {
                points: vec![(plot.x, py), (plot.right(), py)],
                color: if t == 0.0 { theme.axis } else { theme.grid },
                width: 1.0,
            });
            marks.push(Mark::Text(
                cx.text(label, plot.x - 6.0, py, 11.5)
                    .color(theme.muted)
                    .align(Align::Right, Baseline::Middle),
            ));
        }
    }

    /// Draws the year ticks and labels under the plot, as many as fit.
    fn draw_year_axis(&self, scales: &Scales, marks: &mut Vec<Mark>) {
        let (cx, theme) = (self.cx, &self.cx.theme);
        let (x, plot, (first, last)) = (&scales.x, scales.plot, scales.years);
        let years_shown = year_ticks(first, last, x.range.1 - x.range.0, 44.0);
        for &yr in &years_shown {
            let px = x.map(yr as f64).round();
            marks.push(Mark::Line {
                points: vec![(px, plot.bottom()), (px, plot.bottom() + 4.0)],
                color: theme.axis,
                width: 1.0,
            });
            marks.push(Mark::Text(
                cx.text(yr.to_string(), px, plot.bottom() + 7.0, 11.5)
                    .color(theme.muted)
                    .align(Align::Center, Baseline::Top),
            ));
        }
    }

    /// Says in the middle of an empty plot that there is nothing to draw.
    fn draw_no_data_note(&self, plot: Rect, marks: &mut Vec<Mark>) {
        let cx = self.cx;
        marks.push(Mark::Text(
            cx.text(
                cx.words.get(Msg::NoDataNote),
                plot.x + plot.w / 2.0,
                plot.y + plot.h / 2.0,
                13.0,
            )
            .color(cx.theme.muted)
            .align(Align::Center, Baseline::Middle),
        ));
    }

    /// Draws the footer under a chart `height` tall: the note of annotations
    /// not drawn (`not_shown`), then the credit. Returns the chart's height
    /// with the note's lines.
    fn draw_footer(
        &self,
        not_shown: &[usize],
        credit_line: Vec<String>,
        mut height: f64,
        marks: &mut Vec<Mark>,
    ) -> f64 {
        let (cx, pad, width) = (self.cx, self.pad, self.width);
        let note = not_shown_note(cx, self.trend, not_shown, width - 2.0 * pad);
        height += footer_height(note.len());
        let mut footer_lines = note;
        for line in credit_line {
            footer_lines.push(line);
        }
        footer(cx, marks, &footer_lines, pad, width, height);
        height
    }

    /// Draws every shown line (split at gaps) and its point markers, and
    /// gathers the drawn points by year for the crosshair. Drawn last-first,
    /// so the first series (the story's subject) is on top; highlighted lines
    /// after all others, in the accent colour, the others then in the grid's
    /// grey, thin and without markers.
    fn lay_out_lines(
        &self,
        colors: &[Color],
        scales: &Scales,
        marks: &mut Vec<Mark>,
    ) -> Vec<YearColumn> {
        let (trend, view, theme) = (self.trend, self.view, &self.cx.theme);
        let (first, last) = scales.years;
        let in_range = |year: i32| year >= first && year <= last;
        let mut columns: Vec<YearColumn> = Vec::new();
        let dimmed = !view.highlighted.is_empty();
        // Point markers only where a reader can tell them apart: a few lines,
        // years at least a marker's width apart. Beyond that they touch each
        // other and only cost drawing (60,000 dots at 3,000 lines); hover
        // still reads every point, and highlighted lines keep theirs.
        let visible = (0..trend.series.len())
            .filter(|&i| !view.is_hidden(i))
            .count();
        let markers = visible <= 12 && year_spacing(&scales.x, trend, in_range) >= 8.0;
        let mut drawn: Vec<Vec<PointMark>> = Vec::new();
        drawn.resize_with(trend.series.len(), Vec::new);
        for i in drawing_order(trend, view) {
            let Some(series) = trend.series.get(i) else {
                continue;
            };
            if view.is_hidden(i) {
                continue;
            }
            let on_top = view.is_highlighted(i);
            let (color, line_w) = match (on_top, dimmed) {
                (true, _) => (theme.highlight, 3.0),
                (false, true) => (theme.grid, 1.0),
                _ => (colors.get(i).copied().unwrap_or(theme.muted), 2.0),
            };
            let points = draw_line(series, i, scales, (color, line_w), marks);
            if on_top || (!dimmed && markers) {
                for p in &points {
                    marks.push(Mark::Circle {
                        cx: p.x,
                        cy: p.y,
                        r: 3.5,
                        fill: color,
                        stroke: theme.background,
                    });
                }
            }
            if let Some(slot) = drawn.get_mut(i) {
                *slot = points;
            }
        }
        // Each year's points in series order: filed series by series, the
        // first first, rather than in drawing order and sorted (inserting each
        // in place was quadratic at 3,000 lines; a sort of its own costs the
        // wasm 1 KB).
        for points in drawn {
            for p in points {
                add_to_column(&mut columns, p);
            }
        }
        columns
    }
}

/// The order lines are drawn in: the others last series first, then the
/// highlighted ones in the order they were highlighted, the latest on top.
fn drawing_order(trend: &Trend, view: &TrendView) -> Vec<usize> {
    // One list, not a chained iterator: the loop body is compiled once.
    let mut order = Vec::with_capacity(trend.series.len());
    for i in (0..trend.series.len()).rev() {
        if !view.is_highlighted(i) {
            order.push(i);
        }
    }
    for &i in view.highlighted.iter().rev() {
        order.push(i);
    }
    order
}

/// Draws series `i`'s line in the shown years, one polyline per run without
/// gaps, in `(color, width)`; returns its drawn points.
fn draw_line(
    series: &crate::dataset::Series,
    i: usize,
    scales: &Scales,
    (color, line_w): (Color, f64),
    marks: &mut Vec<Mark>,
) -> Vec<PointMark> {
    let (first, last) = scales.years;
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut points = Vec::new();
    for p in series
        .points
        .iter()
        .filter(|p| p.year >= first && p.year <= last)
    {
        match p.value {
            Some(v) => {
                let point = PointMark {
                    series: i,
                    year: p.year,
                    value: v,
                    x: scales.x.map(p.year as f64),
                    y: scales.y.map(v),
                };
                run.push((point.x, point.y));
                points.push(point);
            }
            None if run.len() > 1 => marks.push(Mark::Line {
                points: std::mem::take(&mut run),
                color,
                width: line_w,
            }),
            None => run.clear(),
        }
    }
    if run.len() > 1 {
        marks.push(Mark::Line {
            points: run,
            color,
            width: line_w,
        });
    }
    points
}

/// Files a drawn point under its year's column (kept sorted by year),
/// opening the column at the year's first point.
fn add_to_column(columns: &mut Vec<YearColumn>, p: PointMark) {
    match columns.binary_search_by_key(&p.year, |c| c.year) {
        Ok(at) => {
            if let Some(c) = columns.get_mut(at) {
                c.points.push(p);
            }
        }
        Err(at) => columns.insert(
            at,
            YearColumn {
                year: p.year,
                x: p.x,
                points: vec![p],
            },
        ),
    }
}

/// The annotations the note under the chart lists, in year order: those
/// drawn without room for their words (`not_shown`) and those outside the
/// data's `span`.
fn listed_annotations(trend: &Trend, not_shown: &[usize], span: (i32, i32)) -> Vec<usize> {
    let mut listed = vec![false; trend.annotations.len()];
    for &i in not_shown {
        if let Some(l) = listed.get_mut(i) {
            *l = true;
        }
    }
    annotation_order(trend, (i32::MIN, i32::MAX))
        .into_iter()
        .filter(|&(i, year)| {
            listed.get(i) == Some(&true) || year < span.0 as f64 || year > span.1 as f64
        })
        .map(|(i, _)| i)
        .collect()
}

/// Most annotation labels stacked over one rule; more share the last row ("… 等 N 条").
pub const MAX_STACK: usize = 3;
/// From one stacked annotation label's baseline to the next.
const ANNOTATION_LINE: f64 = 13.0;
/// The longest annotation label, in CSS px.
const ANNOTATION_WIDTH: f64 = 140.0;
/// The most lines the note of annotations without room takes.
const NOTE_LINES: usize = 3;

/// How many rows of annotation labels the chart keeps above the plot: the
/// most annotations in one year, up to [`MAX_STACK`] (whatever the zoom, so
/// zooming never moves the plot).
fn annotation_rows(trend: &Trend, span: (i32, i32)) -> usize {
    let mut most = 0usize;
    let mut run = 0usize;
    let mut last = f64::NAN;
    for (_, year) in annotation_order(trend, span) {
        run = if year == last {
            run.saturating_add(1)
        } else {
            1
        };
        last = year;
        most = most.max(run);
    }
    most.min(MAX_STACK)
}

/// The years the chart's x axis spans (inclusive): the data's first and last
/// years. Annotations outside them are listed under the chart and said in
/// the description, not drawn. A trend without years spans its annotations'.
#[inline(never)]
pub fn data_span(trend: &Trend) -> (i32, i32) {
    let years = trend.years();
    let (mut first, mut last) = match (years.first(), years.last()) {
        (Some(&a), Some(&b)) => return (a, b),
        _ => (i32::MAX, i32::MIN),
    };
    for a in &trend.annotations {
        first = first.min(a.year);
        last = last.max(a.year);
    }
    if first > last {
        (2000, 2001)
    } else {
        (first, last)
    }
}

/// The annotations with years in `years` (inclusive), as (index, year) by year.
fn annotation_order(trend: &Trend, years: (i32, i32)) -> Vec<(usize, f64)> {
    let mut order: Vec<(usize, f64)> = trend
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| a.year >= years.0 && a.year <= years.1)
        .map(|(i, a)| (i, a.year as f64))
        .collect();
    crate::dataset::sort_keyed(&mut order, false);
    order
}

/// The stacks of annotation labels being placed, left to right.
struct LabelStacks {
    /// The most rows a stack takes (1 to [`MAX_STACK`]).
    rows: usize,
    /// Per row (0 is nearest the plot): where the next label may start.
    free_from: [f64; MAX_STACK],
    /// The annotations (indices) whose words are not drawn, for the note.
    not_shown: Vec<usize>,
}

/// The shown annotations grouped by pixel column: (the column, the
/// annotations there, in order).
fn annotation_columns(trend: &Trend, scales: &Scales) -> Vec<(f64, Vec<usize>)> {
    let mut groups: Vec<(f64, Vec<usize>)> = Vec::new();
    for &(i, year) in &annotation_order(trend, scales.years) {
        let px = scales.x.map(year).round();
        match groups.last_mut() {
            Some(g) if g.0 == px => g.1.push(i),
            _ => groups.push((px, vec![i])),
        }
    }
    groups
}

/// Draws an annotation's dashed rule down the plot at `px`.
fn draw_dashed_rule(cx: &Context, px: f64, plot: Rect, marks: &mut Vec<Mark>) {
    let mut dy = plot.y;
    while dy < plot.bottom() {
        let end = (dy + 4.0).min(plot.bottom());
        marks.push(Mark::Line {
            points: vec![(px, dy), (px, end)],
            color: cx.theme.axis,
            width: 1.0,
        });
        dy += 7.0;
    }
}

impl Page<'_> {
    /// Groups the shown annotations by pixel column and draws each group's
    /// dashed rule and, where they fit without overprinting, its labels
    /// stacked in up to `rows` rows (beyond, the last row says "… 等 3 条").
    /// A picture cannot be hovered, so those without room are listed in a
    /// note under the chart; any number of annotations draws at most one rule
    /// per pixel column. Returns the marks for hovering, and the annotations
    /// (indices) whose words are not drawn, for the note.
    fn place_annotations(
        &self,
        scales: &Scales,
        rows: usize,
        marks: &mut Vec<Mark>,
    ) -> (Vec<AnnotationMark>, Vec<usize>) {
        let (trend, plot) = (self.trend, scales.plot);
        let groups = annotation_columns(trend, scales);
        let mut stacks = LabelStacks {
            rows: rows.clamp(1, MAX_STACK),
            free_from: [f64::NEG_INFINITY; MAX_STACK],
            not_shown: Vec::new(),
        };
        let mut placed = Vec::with_capacity(groups.len());
        for (k, (px, members)) in groups.iter().enumerate() {
            let Some(first) = members.first().and_then(|&i| trend.annotations.get(i)) else {
                continue;
            };
            draw_dashed_rule(self.cx, *px, plot, marks);
            // Room up to the next rule (a label may not run over it) and the edge.
            let next = groups
                .get(k.saturating_add(1))
                .map_or(self.width - self.pad, |g| g.0 - 4.0);
            let rect = self.stack_labels(&mut stacks, (*px, next), members, plot, marks);
            placed.push(AnnotationMark {
                year: first.year,
                x: *px,
                label: first.label.clone(),
                others: members
                    .iter()
                    .skip(1)
                    .filter_map(|&i| trend.annotations.get(i))
                    .map(|o| o.label.clone())
                    .collect(),
                // No room for words: a small box at the rule's top answers hover.
                rect: rect.unwrap_or(Rect {
                    x: px - 4.0,
                    y: plot.y - 12.0,
                    w: 8.0,
                    h: 14.0,
                }),
            });
        }
        (placed, stacks.not_shown)
    }

    /// Draws the labels of one rule's annotations (`members`), stacked above
    /// the rule at `px` and running no further than `next`: whole labels
    /// while rows last, the last row standing for the rest ("… 等 N 条").
    /// Returns the box around the labels drawn, if any.
    fn stack_labels(
        &self,
        stacks: &mut LabelStacks,
        (px, next): (f64, f64),
        members: &[usize],
        plot: Rect,
        marks: &mut Vec<Mark>,
    ) -> Option<Rect> {
        let (cx, trend, width, pad) = (self.cx, self.trend, self.width, self.pad);
        let shown = members.len().min(stacks.rows);
        let rest = members.len().saturating_sub(shown);
        let mut rect: Option<Rect> = None;
        for (j, &i) in members.iter().enumerate().take(shown) {
            let Some(a) = trend.annotations.get(i) else {
                continue;
            };
            let last_row = j.saturating_add(1) == shown;
            let text = if last_row && rest > 0 {
                cx.words
                    .fill(Msg::AnnotationMore, &[&a.label, &rest.to_string()])
            } else {
                a.label.clone()
            };
            // The first label on top, the last right above the plot.
            let row = shown.saturating_sub(j).saturating_sub(1);
            let Some(free) = stacks.free_from.get_mut(row) else {
                continue;
            };
            let lx = px.max(*free);
            let room = (next - lx).min(ANNOTATION_WIDTH);
            let label = fit_text(&text, 11.0, room.max(0.0));
            let lw = text_width(&label, 11.0);
            let fits = room >= 40.0 && lx - px < 24.0 && lx + lw <= width - pad;
            // Cut or left out: the note says it whole; "… 等 N 条": the N.
            let whole = fits && label == text;
            let from = if whole { j.saturating_add(1) } else { j };
            let to = if last_row {
                members.len()
            } else {
                j.saturating_add(1)
            };
            for m in from..to {
                if let Some(&i) = members.get(m) {
                    stacks.not_shown.push(i);
                }
            }
            if !fits {
                continue;
            }
            let baseline = plot.y - 4.0 - row as f64 * ANNOTATION_LINE;
            marks.push(Mark::Text(
                cx.text(label, lx, baseline, 11.0)
                    .color(cx.theme.muted)
                    .align(Align::Left, Baseline::Bottom),
            ));
            *free = lx + lw + 6.0;
            let (x0, y0) = (lx, baseline - 14.0);
            rect = Some(match rect {
                None => Rect {
                    x: x0,
                    y: y0,
                    w: lw,
                    h: 16.0,
                },
                Some(r) => Rect {
                    x: r.x.min(x0),
                    y: r.y.min(y0),
                    w: r.right().max(x0 + lw) - r.x.min(x0),
                    h: r.bottom().max(y0 + 16.0) - r.y.min(y0),
                },
            });
        }
        rect
    }
}

/// The note under the chart listing the annotations drawn without their
/// words ("未标出的注释：2015年：精准扶贫；…"), wrapped to `width` in at
/// most [`NOTE_LINES`] lines; past them, "… 等 N 条" says how many more.
fn not_shown_note(cx: &Context, trend: &Trend, not_shown: &[usize], width: f64) -> Vec<String> {
    let words = cx.words;
    let mut lines: Vec<String> = Vec::new();
    if not_shown.is_empty() {
        return lines;
    }
    let mut line = words.fill(Msg::AnnotationsNotShown, &[""]);
    for (n, a) in not_shown
        .iter()
        .filter_map(|&i| trend.annotations.get(i))
        .enumerate()
    {
        let item = words.fill(Msg::AnnotationItem, &[&words.year(a.year), &a.label]);
        if n > 0 && text_width(&line, 11.5) + text_width(&item, 11.5) > width {
            lines.push(line);
            if lines.len() >= NOTE_LINES {
                let left = not_shown.len().saturating_sub(n).to_string();
                if let Some(last) = lines.last_mut() {
                    let cut = fit_text(last, 11.5, width - text_width(" 等 0000 条", 11.5));
                    *last = words.fill(Msg::AnnotationMore, &[&cut, &left]);
                }
                return lines;
            }
            line = String::new();
        } else if n > 0 {
            line.push_str(words.get(Msg::AnnotationSeparator));
        }
        line.push_str(&item);
    }
    lines.push(line);
    lines
}

/// Whether series `i` is named at its end: every shown line of a chart with
/// a legend (2 to [`MAX_LEGEND`] series: the names complement the legend,
/// which stays as the colour key and the show/hide control), and on a chart
/// with more only the highlighted ones.
pub fn is_labelled(trend: &Trend, view: &TrendView, i: usize) -> bool {
    let n = trend.series.len();
    !view.is_hidden(i) && ((n > 1 && n <= MAX_LEGEND) || view.is_highlighted(i))
}

/// Room kept right of the plot for names at line ends: none on phones (names
/// go where the line ends early enough, and a hovered one inside the plot),
/// else the longest name to draw, at most a fifth of the width. With more
/// series than a legend lists, a fixed width, so highlighting one does not
/// move every line.
fn label_gutter(trend: &Trend, view: &TrendView, width: f64) -> f64 {
    let n = trend.series.len();
    if width < 480.0 || n < 2 {
        return 0.0;
    }
    let most = width * 0.2;
    if n > MAX_LEGEND {
        return most.min(140.0);
    }
    let longest = trend
        .series
        .iter()
        .enumerate()
        .filter(|&(i, _)| is_labelled(trend, view, i))
        .map(|(_, s)| text_width(&s.name, LABEL_SIZE))
        .fold(0.0, f64::max);
    if longest > 0.0 {
        (longest + 4.0).min(most)
    } else {
        0.0
    }
}

/// The last drawn point of series `i` in `years`, in CSS px.
pub fn line_end(
    trend: &Trend,
    i: usize,
    x: &LinearScale,
    y: &LinearScale,
    years: (i32, i32),
) -> Option<(f64, f64)> {
    let series = trend.series.get(i)?;
    let (year, value) = series
        .points
        .iter()
        .rev()
        .filter(|p| p.year >= years.0 && p.year <= years.1)
        .find_map(|p| p.value.map(|v| (p.year, v)))?;
    Some((x.map(year as f64), y.map(value)))
}

/// A name's box beside its line's end at (`px`, `py`), moved up or down at
/// most one name's height to miss the `placed` ones; `None` where it cannot
/// be placed without overprinting or running past `right` or the plot.
pub fn label_box(
    name_w: f64,
    px: f64,
    py: f64,
    plot: Rect,
    right: f64,
    placed: &[Rect],
) -> Option<Rect> {
    let x0 = px + 6.0;
    let w = name_w.min(right - x0);
    // A name cut shorter than this says nothing.
    if w < name_w.min(24.0) {
        return None;
    }
    let half = LABEL_HEIGHT / 2.0;
    let clear = |r: &Rect| {
        !placed
            .iter()
            .any(|p| r.x < p.right() && p.x < r.right() && r.y < p.bottom() && p.y < r.bottom())
    };
    [
        0.0,
        -4.0,
        4.0,
        -8.0,
        8.0,
        -12.0,
        12.0,
        -LABEL_HEIGHT,
        LABEL_HEIGHT,
    ]
    .iter()
    .map(|dy| Rect {
        x: x0,
        // max/min, not clamp: clamp's panic message would bring float
        // formatting into the wasm.
        y: (py + dy).min(plot.bottom() - half).max(plot.y + half) - half,
        w,
        h: LABEL_HEIGHT,
    })
    .find(clear)
}

impl Page<'_> {
    /// Names the labelled lines at their ends, highlighted ones first, then in
    /// series order; a name that would overprint one already placed is dropped
    /// (the legend, the tooltip and the table still name it).
    #[inline(never)]
    fn place_labels(&self, scales: &Scales, marks: &mut Vec<Mark>) -> Vec<DirectLabel> {
        let (cx, trend, view) = (self.cx, self.trend, self.view);
        let (x, y, plot, right) = (&scales.x, &scales.y, scales.plot, self.width - self.pad);
        let n = trend.series.len();
        let mut placed: Vec<DirectLabel> = Vec::new();
        let mut order = view.highlighted.clone();
        for i in 0..n.min(MAX_LEGEND) {
            if !view.is_highlighted(i) {
                order.push(i);
            }
        }
        let mut rects: Vec<Rect> = Vec::new();
        for i in order {
            if !is_labelled(trend, view, i) {
                continue;
            }
            let (Some(series), Some((px, py))) =
                (trend.series.get(i), line_end(trend, i, x, y, scales.years))
            else {
                continue;
            };
            let name_w = text_width(&series.name, LABEL_SIZE);
            let Some(rect) = label_box(name_w, px, py, plot, right, &rects) else {
                continue;
            };
            let text = fit_text(&series.name, LABEL_SIZE, rect.w);
            let mark = cx
                .text(
                    text.clone(),
                    rect.x,
                    rect.y + LABEL_HEIGHT / 2.0,
                    LABEL_SIZE,
                )
                .align(Align::Left, Baseline::Middle);
            marks.push(Mark::Text(if view.is_highlighted(i) {
                mark.bold()
            } else {
                mark
            }));
            rects.push(rect);
            placed.push(DirectLabel {
                series: i,
                text,
                rect,
            });
        }
        placed
    }
}

/// The smallest distance in px between two drawn years (infinite with one year).
fn year_spacing(x: &LinearScale, trend: &Trend, in_range: impl Fn(i32) -> bool) -> f64 {
    let years: Vec<i32> = trend.years().into_iter().filter(|&y| in_range(y)).collect();
    years
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((x.map(f64::from(*b)) - x.map(f64::from(*a))).abs()),
            _ => None,
        })
        .fold(f64::INFINITY, f64::min)
}

/// The chart's title: the option's, the trend's, the dataset's, or "Trend".
pub fn title(cx: &Context, trend: &Trend) -> String {
    cx.title
        .clone()
        .or_else(|| trend.title.clone())
        .or_else(|| cx.dataset.title.clone())
        .unwrap_or_else(|| cx.words.get(Msg::TrendFallbackTitle).into())
}
