//! Step 5 of [`super::infer`], the facts as charts: the trend (a line a
//! name) and the ranking (a metric a value column, at its latest year),
//! aggregates (World, 全国) left out of the ranking.

use super::super::{Metric, Point, Ranking, Series, Trend, Village};
use super::cells::{self, reader_key};
use super::columns::{header, key_of, plain, Ctx};
use super::facts::{Acc, Entity, Facts, MAX_VALUE};
use super::mapping::Shape;
use super::plan::Plan;
use super::profile::Profile;
use super::summary::RankingFacts;
use crate::error::{quote, Error, Result};
use crate::hash::{FxMap, FxSet};

/// Names of aggregates left out of a ranking by default.
const AGGREGATE_NAMES: &[&str] = &[
    "world",
    "全国",
    "合计",
    "总计",
    "全省",
    "全市",
    "全县",
    "全区",
    "全镇",
    "小计",
    "总体",
    "全球",
    "世界",
    "high income",
    "low income",
    "middle income",
    "upper middle income",
    "lower middle income",
    "low & middle income",
    "low and middle income",
    "european union",
    "euro area",
    "oecd members",
    "sub-saharan africa",
    "east asia & pacific",
    "europe & central asia",
    "latin america & caribbean",
    "middle east & north africa",
    "south asia",
    "north america",
    "arab world",
    "ida total",
    "ibrd only",
    "ida only",
    "ida blend",
    "ida & ibrd total",
    "least developed countries: un classification",
    "fragile and conflict affected situations",
    "heavily indebted poor countries (hipc)",
    "small states",
    "other small states",
    "pacific island small states",
    "caribbean small states",
    "africa eastern and southern",
    "africa western and central",
    "central europe and the baltics",
    "early-demographic dividend",
    "late-demographic dividend",
    "pre-demographic dividend",
    "post-demographic dividend",
    // A country's total among its regions, as statistics offices name it.
    "total",
    "all",
    "whole country",
    "heile landet",
    "hele landet",
    "hela riket",
    "riket",
    "koko maa",
    "insgesamt",
    "ensemble",
    "eu27_2020",
    "ea20",
    "eu28",
    "grand total",
    "total nacional",
    "total national",
    "all india",
    "nationwide",
    "national total",
    "00 riket",
    // Taiwan's and Hong Kong's tables write the totals in traditional characters.
    "全國",
    "總計",
    "合計",
    "小計",
    "總體",
    // The IMF's groups (its DataMapper API): the world, advanced economies,
    // emerging market and developing economies.
    "weoworld",
    "advec",
    "oemdc",
    // Korea's (KOSIS) and Japan's (e-Stat) national totals.
    "전국",
    "합계",
    "全国計",
];

/// World Bank aggregate codes.
const AGGREGATE_CODES: &[&str] = &[
    "WLD",
    "HIC",
    "LIC",
    "MIC",
    "LMC",
    "UMC",
    "LMY",
    "EUU",
    "EMU",
    "OED",
    "SSF",
    "SSA",
    "EAS",
    "EAP",
    "ECS",
    "ECA",
    "LCN",
    "LAC",
    "MEA",
    "MNA",
    "SAS",
    "NAC",
    "ARB",
    "IDA",
    "IBD",
    "IDX",
    "IDB",
    "IBT",
    "LDC",
    "FCS",
    "HPC",
    "SST",
    "OSS",
    "PSS",
    "CSS",
    "AFE",
    "AFW",
    "CEB",
    "EAR",
    "LTE",
    "PRE",
    "PST",
    "TEA",
    "TEC",
    "TLA",
    "TMN",
    "TSA",
    "TSS",
    "INX",
    // OECD.Stat's and Eurostat's: the OECD, its Europe and Americas, the
    // euro area and the EU in their compositions, the G7 and G20.
    "OECD",
    "OECDE",
    "OECDAM",
    "OAVG",
    "EA",
    "EA19",
    "EA20",
    "EU",
    "EU27_2020",
    "EU28",
    "EU27_2007",
    "EU15",
    "G7",
    "G-7",
    "G20",
    "G-20",
];

/// One year's value of a slot, or an error for sums a chart cannot hold.
#[allow(clippy::too_many_arguments)]
fn settled(
    ctx: &Ctx,
    plan: &Plan,
    facts: &Facts,
    acc: &Acc,
    entity: usize,
    year: i32,
    percent: bool,
    column: Option<usize>,
) -> Result<Option<f64>> {
    if acc.values == 0 {
        return Ok(None);
    }
    let name = || {
        facts
            .entities
            .get(entity)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let v = acc.value(plan.per_year, plan.shape == Shape::Records);
    if percent && acc.values > 1 && !(0.0..=100.0).contains(&v) {
        return Err(Error::SummedPercent {
            at: Box::new(ctx.spot(Some(acc.row), column.or(plan.name.map(|(n, _)| n)))),
            name: name(),
            year,
            rows: acc.values as usize,
            total: plain(v),
        });
    }
    if v.abs() >= MAX_VALUE {
        return Err(Error::TooBig {
            path: ctx.spot(Some(acc.row), column).to_string(),
            value: plain(v),
        });
    }
    Ok(Some(v))
}

/// Per entity, its slots sorted by year.
fn slots_by_entity(facts: &Facts) -> Vec<Vec<(usize, f64)>> {
    let mut by: Vec<Vec<(usize, f64)>> = vec![Vec::new(); facts.entities.len()];
    for (slot, &(e, y)) in facts.slot_keys.iter().enumerate() {
        if let Some(list) = by.get_mut(e) {
            list.push((slot, f64::from(y)));
        }
    }
    for list in &mut by {
        super::super::sort_keyed(list, false);
    }
    by
}

/// Step 5, the trend: a line a name (a value column in a wide table), each
/// year's value settled; two lines of one name told apart by their groups.
pub(super) fn build_trend(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &Facts,
) -> Result<Trend> {
    let value_column = match plan.shape {
        Shape::Long => plan.values.first().copied(),
        _ => None,
    };
    let unit: Option<String> = match plan.shape {
        Shape::Long => value_column.and_then(|c| plan.units.get(c).cloned().flatten()),
        _ => common(facts.entities.iter().map(|e| e.unit.clone())),
    };
    let by = slots_by_entity(facts);
    let mut series: Vec<Series> = Vec::with_capacity(facts.entities.len());
    let mut names: FxMap<String, usize> = FxMap::default();
    for (e, (entity, slots)) in facts.entities.iter().zip(&by).enumerate() {
        let percent = match plan.shape {
            Shape::Long => unit.as_deref() == Some("%"),
            _ => entity.unit.as_deref() == Some("%"),
        };
        let points = points(ctx, plan, facts, e, slots, percent, value_column)?;
        if points.is_empty() {
            continue;
        }
        // Two villages of one name in two groups: the group tells the lines apart.
        let mut name = entity.name.clone();
        if names.contains_key(reader_key(&name).as_ref()) {
            if let Some(g) = &entity.group {
                name = format!("{name} ({g})");
            }
        }
        let key = reader_key(&name).into_owned();
        if names.contains_key(&key) {
            continue;
        }
        names.insert(key, e);
        series.push(Series { name, points });
    }
    if series
        .iter()
        .all(|s| s.points.iter().all(|p| p.value.is_none()))
    {
        return Err(Error::AllMissing {
            columns: value_column
                .map(|c| vec![quote(&header(ctx, c))])
                .unwrap_or_default(),
        });
    }
    // The indicator kept of several (a DataBank export's first series): its
    // name is what the lines measure.
    let indicator = indicator_slice(profiles, plan);
    let title = match plan.shape {
        _ if indicator.is_some() => indicator.as_ref().map(|(label, _)| label.clone()),
        Shape::Long => value_column.and_then(|c| profiles.get(c)).map(|p| {
            // `OBS_VALUE`, `value`, `数值` say nothing: what a measure column says once for all, if one does.
            match p.label.trim().to_lowercase().as_str() {
                "value" | "values" | "obs_value" | "observation value" | "数值" | "值" => {
                    super::columns::measure_of(ctx, profiles).unwrap_or_else(|| p.label.clone())
                }
                _ => p.label.clone(),
            }
        }),
        _ => None,
    };
    let unit = unit
        .or_else(|| indicator.and_then(|(_, unit)| unit))
        .or_else(|| unit_column(ctx, profiles, plan));
    // One line: its name (an indicator's label) is the trend's title.
    let title = title.or_else(|| match series.as_slice() {
        [one] => Some(one.name.clone()),
        _ => None,
    });
    Ok(Trend {
        title,
        unit,
        series,
        annotations: Vec::new(),
    })
}

/// The slice kept of an indicator column, as a label and a unit
/// (`GDP (current US$)` → `GDP`, `current US$`).
pub(super) fn indicator_slice(
    profiles: &[Profile],
    plan: &Plan,
) -> Option<(String, Option<String>)> {
    plan.splits.iter().find_map(|(c, slice, _)| {
        let p = profiles.get(*c)?;
        if !super::plan::is_indicator_header(&p.label) {
            return None;
        }
        slice.as_deref().map(super::profile::header_unit)
    })
}

/// The unit a column of units says for the rows kept (FAO's, OECD's and
/// Eurostat's long tables carry one: `Unit`, `Unit of measure`, `单位`), when
/// they all say the same; a slice (one indicator of several) keeps its rows.
fn unit_column(ctx: &Ctx, profiles: &[Profile], plan: &Plan) -> Option<String> {
    if plan.values.len() != 1 {
        return None;
    }
    let name = plan.name.map(|(n, _)| n);
    // SDMX has the unit's code (UNIT_MEASURE) and its words (Unit of
    // measure): the words first.
    let mut candidates: Vec<(usize, &Profile)> = profiles.iter().enumerate().collect();
    candidates.sort_by_key(|(i, p)| (p.kind != super::profile::Kind::Label, *i));
    let c = candidates.into_iter().find_map(|(i, p)| {
        (Some(i) != name
            && matches!(
                p.label.trim().to_lowercase().as_str(),
                "unit"
                    | "units"
                    | "unit of measure"
                    | "unit_measure"
                    | "unit measure"
                    | "单位"
                    | "计量单位"
            ))
        .then_some(i)
    })?;
    let slices: Vec<(usize, String)> = plan
        .splits
        .iter()
        .filter_map(|(s, v, _)| v.as_deref().map(|v| (*s, reader_key(v).into_owned())))
        .collect();
    let mut unit: Option<String> = None;
    for row in 0..ctx.table.rows() {
        let kept = slices
            .iter()
            .all(|(s, want)| key_of(ctx.cell(row, *s)).as_deref() == Some(want.as_str()));
        if !kept {
            continue;
        }
        let Some(u) = key_of(ctx.cell(row, c)) else {
            continue;
        };
        match &unit {
            None => unit = Some(u.into_owned()),
            Some(seen) if *seen == u => {}
            Some(_) => return None,
        }
    }
    unit
}

/// The points of entity `e`, one a slot of its (sorted by year): each
/// year's value settled.
fn points(
    ctx: &Ctx,
    plan: &Plan,
    facts: &Facts,
    e: usize,
    slots: &[(usize, f64)],
    percent: bool,
    value_column: Option<usize>,
) -> Result<Vec<Point>> {
    let mut points = Vec::with_capacity(slots.len());
    for &(slot, _) in slots {
        let Some(&(_, year)) = facts.slot_keys.get(slot) else {
            continue;
        };
        let Some(acc) = facts.acc(slot, 0) else {
            continue;
        };
        if acc.rows == 0 {
            continue;
        }
        points.push(Point {
            year,
            value: settled(ctx, plan, facts, acc, e, year, percent, value_column)?,
        });
    }
    Ok(points)
}

/// The one value all give, if they agree.
fn common(mut all: impl Iterator<Item = Option<String>>) -> Option<String> {
    let first = all.next()??;
    all.all(|u| u.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// What a ranking's names are, by the name column's header: (English one,
/// English many, Chinese), for the headers that name what is ranked.
const ITEMS: &[(&[&str], &str, &str, &str)] = &[
    (
        &[
            "country",
            "countries",
            "country name",
            "country_name",
            "entity",
            "nation",
            "国家",
            "国家/地区",
        ],
        "country",
        "countries",
        "国家",
    ),
    (
        &["state", "states", "state name", "州"],
        "state",
        "states",
        "州",
    ),
    (
        &["county", "counties", "县", "区县", "县区", "县（区）"],
        "county",
        "counties",
        "县",
    ),
    (&["city", "cities", "城市", "市"], "city", "cities", "城市"),
    (
        &["province", "provinces", "省", "省份"],
        "province",
        "provinces",
        "省",
    ),
    (
        &["region", "regions", "地区", "区域"],
        "region",
        "regions",
        "地区",
    ),
    (
        &["district", "districts", "区"],
        "district",
        "districts",
        "区",
    ),
    (
        &[
            "town",
            "towns",
            "township",
            "镇",
            "乡镇",
            "乡",
            "街道",
            "镇/街道",
        ],
        "town",
        "towns",
        "乡镇",
    ),
    (
        &["company", "companies", "firm", "公司", "企业"],
        "company",
        "companies",
        "企业",
    ),
    (&["school", "schools", "学校"], "school", "schools", "学校"),
    (
        &["airport", "airports", "机场"],
        "airport",
        "airports",
        "机场",
    ),
    (
        &["person", "people", "人", "姓名"],
        "person",
        "people",
        "人",
    ),
    (
        &["job", "jobs", "occupation", "职业"],
        "job",
        "jobs",
        "职业",
    ),
    (&["species", "物种"], "species", "species", "物种"),
    (&["team", "teams", "球队"], "team", "teams", "球队"),
    (&["player", "players", "球员"], "player", "players", "球员"),
    (
        &["product", "products", "产品"],
        "product",
        "products",
        "产品",
    ),
    (
        &["industry", "industries", "行业"],
        "industry",
        "industries",
        "行业",
    ),
    (
        &["movie", "movies", "film", "电影"],
        "movie",
        "movies",
        "电影",
    ),
    (&["car", "cars", "model", "车型"], "model", "models", "车型"),
];

/// What a ranking ranks, from the name column's header: countries, states,
/// 县; villages (`None`) only for a header that says villages; a neutral
/// word ("items", 对象) for a header that names nothing ranked.
fn item_of(label: &str, zh: bool) -> Option<(String, String)> {
    let lower = label.trim().to_lowercase();
    if matches!(
        lower.as_str(),
        "village" | "villages" | "village name" | "村" | "村名" | "村庄" | "行政村" | "村委会"
    ) {
        return None;
    }
    // `state_name`, `Country Name`: what is named is the state, the country.
    let lower = ["_name", " name"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .map_or(lower.clone(), str::to_string);
    if let Some((_, one, many, chinese)) = ITEMS.iter().find(|(k, ..)| k.contains(&lower.as_str()))
    {
        return Some(if zh {
            ((*chinese).into(), (*chinese).into())
        } else {
            ((*one).into(), (*many).into())
        });
    }
    // A short Chinese noun names what is ranked (社区, 单位).
    let n = label.chars().count();
    if zh && (1..=3).contains(&n) && label.chars().all(cells::is_cjk) && !label.ends_with("名称")
    {
        return Some((label.to_string(), label.to_string()));
    }
    Some(if zh {
        ("对象".into(), "对象".into())
    } else {
        ("item".into(), "items".into())
    })
}

/// Whether a code names a total or a group rather than one place: a code
/// of zeros (the FIPS `00000` of the United States, `00` of a country's
/// regions), and under a FIPS header the BEA's regions (`91000`–`98000`:
/// New England, Mideast, …, Far West).
fn aggregate_code(code: &str, fips: bool) -> bool {
    if code.len() >= 2 && code.bytes().all(|b| b == b'0') {
        return true;
    }
    fips && code.len() == 5
        && code.ends_with("000")
        && code
            .parse::<u32>()
            .is_ok_and(|n| (91_000..=98_000).contains(&n))
}

fn is_aggregate(entity: &Entity, coded: bool, fips: bool) -> bool {
    let name = reader_key(&entity.name);
    // Length first: most names are no aggregate's.
    if AGGREGATE_NAMES
        .iter()
        .any(|a| a.len() == name.len() && a.eq_ignore_ascii_case(&name))
    {
        return true;
    }
    // A town's subtotal row among its villages (`城关镇小计`, `Subtotal`).
    if ["小计", "合计", "总计", "小計", "合計", "總計"]
        .iter()
        .any(|s| name.ends_with(s))
        || name
            .get(..8)
            .is_some_and(|head| head.eq_ignore_ascii_case("subtotal"))
    {
        return true;
    }
    match &entity.code {
        // Our World in Data's codes for its aggregates (`OWID_WRL`); Kosovo,
        // which has no ISO code, is OWID_KOS and a country.
        Some(code) => {
            (code.starts_with("OWID_") && code != "OWID_KOS")
                || AGGREGATE_CODES.contains(&code.as_str())
                || aggregate_code(code, fips)
        }
        None => coded,
    }
}

/// A ranking metric and where its values come from: label, key, unit,
/// value index, year, column.
type MetricSource = (String, String, Option<String>, usize, i32, Option<usize>);

/// Step 5, the ranking: a metric a value column (at its latest year with a
/// value, or the mapping's), a village a name, aggregates left out (and
/// returned, by name, for the mapping).
pub(super) fn build_ranking(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &mut Facts,
    zh: bool,
) -> Result<(Ranking, RankingFacts, Vec<String>)> {
    let (metrics, shown_year) = match plan.shape {
        Shape::Transposed => year_metric(ctx, profiles, plan, facts),
        _ => column_metrics(ctx, profiles, plan, facts),
    };
    let out_metrics = distinct_labels(ctx, &metrics)?;
    let aggregate_keys = aggregate_keys(profiles, plan, facts);
    let (mut villages, mut owners, mut left_out) =
        ranked_villages(ctx, plan, facts, &metrics, &aggregate_keys)?;
    if plan.aggregates.is_none() {
        // Regions among their states first (each the sum of the rows beside
        // it), then the country above what is left; and names of another
        // level than most (CBS's `(PV)` provinces beside `(LD)` parts).
        let names: Vec<&str> = owners
            .iter()
            .map(|&e| facts.entities.get(e).map_or("", |x| x.name.as_str()))
            .collect();
        let mut out = run_totals(&villages);
        out.extend(other_levels(&names));
        out.sort_unstable();
        out.dedup();
        let mut gone = Vec::new();
        for at in out.into_iter().rev() {
            villages.remove(at);
            gone.push(owners.remove(at));
        }
        for at in sum_totals(&villages).into_iter().rev() {
            villages.remove(at);
            gone.push(owners.remove(at));
        }
        gone.sort_unstable();
        for e in gone.into_iter().rev() {
            if let Some(entity) = facts.entities.get(e) {
                left_out.insert(0, entity.name.clone());
            }
        }
    }
    // The names, moved: nothing reads an entity's name after the ranking.
    for (village, &e) in villages.iter_mut().zip(&owners) {
        if let Some(entity) = facts.entities.get_mut(e) {
            village.name = std::mem::take(&mut entity.name);
        }
    }
    // One level, marked on every name (`Groningen (PV)`): the mark says
    // nothing a ranking of provinces needs.
    let tags: Vec<Option<&str>> = villages.iter().map(|v| level_tag(&v.name)).collect();
    if let Some(Some(tag)) = tags.first().copied() {
        if tags.iter().all(|t| *t == Some(tag)) {
            let cut = tag.len().saturating_add(3);
            for v in &mut villages {
                let keep = v.name.len().saturating_sub(cut);
                v.name.truncate(keep);
            }
        }
    }
    if villages.is_empty() {
        return Err(Error::ChartNeeds {
            chart: "ranking",
            needs: "names that are not aggregates (the mapping's \"aggregates\" says which are)",
        });
    }
    // Metrics headed by their year (a yearbook's merged header: `2022年
    // 总量`, `2023年 总量`): the latest year's first is shown first.
    let years: Vec<Option<i32>> = metrics
        .iter()
        .map(
            |(label, ..)| match label.split(' ').next().and_then(cells::time) {
                Some(cells::Time::Year(y)) if label.contains(' ') => Some(y),
                _ => None,
            },
        )
        .collect();
    let latest = years.iter().flatten().max().copied();
    let default_metric = match latest {
        Some(y) if years.iter().flatten().count() >= 2 => {
            years.iter().position(|&x| x == Some(y)).unwrap_or(0)
        }
        _ => 0,
    };
    let name_label = plan
        .name
        .and_then(|(n, _)| profiles.get(n))
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let item = item_of(&name_label, zh);
    let item_zh = item_of(&name_label, true).map(|(_, many)| many);
    let year = shown_year.flatten();
    let words = if zh {
        crate::text::Lang::Zh
    } else {
        crate::text::Lang::En
    }
    .words();
    let ranking = Ranking {
        title: year.map(|y| words.year(y)),
        item: item.clone(),
        metrics: out_metrics,
        default_metric,
        villages,
    };
    let facts_out = RankingFacts {
        items: ranking.villages.len(),
        item,
        item_zh,
        metrics: ranking.metrics.len(),
        group: plan
            .group
            .and_then(|(g, _)| profiles.get(g))
            .map(|p| p.label.clone()),
        year,
    };
    Ok((ranking, facts_out, left_out))
}

/// A transposed table's one metric: the latest year's column, or the
/// mapping's year; and the year shown.
fn year_metric(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &Facts,
) -> (Vec<MetricSource>, Option<Option<i32>>) {
    let mut metrics: Vec<MetricSource> = Vec::new();
    let mut shown_year = None;
    let unit = common(facts.entities.iter().map(|e| e.unit.clone()));
    let pick = plan
        .ranking_year
        .and_then(|want| plan.years.iter().find(|(_, y)| *y == want))
        .or_else(|| plan.years.iter().max_by_key(|(_, y)| *y));
    if let Some(&(c, y)) = pick {
        let label = profiles
            .get(c)
            .map_or_else(|| header(ctx, c), |p| p.label.clone());
        metrics.push((label, header(ctx, c), unit, 0, y, Some(c)));
        shown_year = Some(Some(y));
    }
    (metrics, shown_year)
}

/// A metric a metric column, each at its latest year with a value (or the
/// mapping's; none in records); and the year shown when all share one.
fn column_metrics(
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    facts: &Facts,
) -> (Vec<MetricSource>, Option<Option<i32>>) {
    let mut metrics: Vec<MetricSource> = Vec::new();
    let mut shown_year = None;
    let index_of = |c: usize| {
        let mut v = plan.values.clone();
        for m in &plan.metrics {
            if !v.contains(m) {
                v.push(*m);
            }
        }
        v.iter().position(|&x| x == c).unwrap_or(0)
    };
    for &c in &plan.metrics {
        let m = index_of(c);
        let year = match (plan.shape, plan.ranking_year) {
            (Shape::Records, _) => 0,
            (_, Some(y)) => y,
            _ => facts
                .slot_keys
                .iter()
                .enumerate()
                .filter(|(s, _)| facts.acc(*s, m).is_some_and(|a| a.values > 0))
                .map(|(_, &(_, y))| y)
                .max()
                .unwrap_or(0),
        };
        if plan.shape != Shape::Records {
            shown_year = match shown_year {
                None => Some(Some(year)),
                Some(Some(y)) if y == year => Some(Some(y)),
                _ => Some(None),
            };
        }
        let p = profiles.get(c);
        let label = p.map(|p| p.label.clone()).unwrap_or_default();
        let unit = plan.units.get(c).cloned().flatten();
        // One value column of an indicator kept of several: the indicator
        // is what it measures (`value` says nothing).
        let (label, unit) = match indicator_slice(profiles, plan) {
            Some((indicator, its_unit)) if plan.metrics.len() == 1 => {
                (indicator, unit.or(its_unit))
            }
            _ => (label, unit),
        };
        let unit = match unit {
            None if plan.metrics.len() == 1 => unit_column(ctx, profiles, plan),
            unit => unit,
        };
        metrics.push((label, header(ctx, c), unit, m, year, Some(c)));
    }
    (metrics, shown_year)
}

/// The ranking's metrics, with labels a reader can tell apart: the whole
/// header where two labels meet; two headers alike are an error.
fn distinct_labels(ctx: &Ctx, metrics: &[MetricSource]) -> Result<Vec<Metric>> {
    let mut labels: FxMap<String, usize> = FxMap::default();
    let mut out_metrics = Vec::with_capacity(metrics.len());
    for (i, (label, key, unit, _, _, c)) in metrics.iter().enumerate() {
        let mut label = label.clone();
        if labels.contains_key(reader_key(&label).as_ref()) {
            label = key.clone();
        }
        if let Some(&first) = labels.get(reader_key(&label).as_ref()) {
            return Err(Error::SameColumn {
                at: Box::new(ctx.spot(None, *c)),
                name: label,
                first: Box::new(ctx.spot(None, metrics.get(first).and_then(|m| m.5))),
            });
        }
        labels.insert(reader_key(&label).into_owned(), i);
        out_metrics.push(Metric {
            key: key.clone(),
            label,
            unit: unit.clone(),
        });
    }
    Ok(out_metrics)
}

/// Aggregates by name as a reader sees it: what the mapping lists, or what
/// is detected (a name detected once is left out wherever it is).
fn aggregate_keys(profiles: &[Profile], plan: &Plan, facts: &Facts) -> FxSet<String> {
    let fips = plan
        .code
        .and_then(|c| profiles.get(c))
        .is_some_and(|p| p.label.to_lowercase().contains("fips"));
    let coded = plan.code.is_some()
        && facts
            .entities
            .iter()
            .filter(|e| e.code.is_some())
            .count()
            .saturating_mul(2)
            > facts.entities.len();
    // Under a FIPS header, a state's two digits above the five of its
    // counties (`36` New York State over `36001` Albany County).
    let counties: FxSet<&str> = if fips {
        facts
            .entities
            .iter()
            .filter_map(|e| e.code.as_deref())
            .filter(|c| c.len() == 5)
            .filter_map(|c| c.get(..2))
            .collect()
    } else {
        FxSet::default()
    };
    let state_over_counties = |e: &Entity| {
        e.code
            .as_deref()
            .is_some_and(|c| c.len() == 2 && counties.contains(c))
    };
    match &plan.aggregates {
        Some(a) => a.iter().map(|n| reader_key(n).into_owned()).collect(),
        None => facts
            .entities
            .iter()
            .filter(|e| is_aggregate(e, coded, fips) || state_over_counties(e))
            .map(|e| reader_key(&e.name).into_owned())
            .collect(),
    }
}

/// A village for each entity that is not an aggregate, with its values
/// (names still unset), the entity each came from, and the aggregates'
/// names left out (each once).
fn ranked_villages(
    ctx: &Ctx,
    plan: &Plan,
    facts: &Facts,
    metrics: &[MetricSource],
    aggregate_keys: &FxSet<String>,
) -> Result<(Vec<Village>, Vec<usize>, Vec<String>)> {
    let mut left_out = Vec::new();
    let mut left_seen: FxSet<String> = FxSet::default();
    let mut villages = Vec::with_capacity(facts.entities.len());
    let mut owners = Vec::with_capacity(facts.entities.len());
    for (e, entity) in facts.entities.iter().enumerate() {
        if !aggregate_keys.is_empty() {
            let key = reader_key(&entity.name);
            if aggregate_keys.contains(key.as_ref()) {
                if left_seen.insert(key.into_owned()) {
                    left_out.push(entity.name.clone());
                }
                continue;
            }
        }
        villages.push(Village {
            name: String::new(),
            group: entity.group.clone(),
            values: metric_values(ctx, plan, facts, metrics, e)?,
        });
        owners.push(e);
    }
    Ok((villages, owners, left_out))
}

/// The places (in order) of the rows that total the others, by the first
/// metric: a country's total among its regions under a name no list knows
/// (`United States` above its states, `Nederland` above its provinces). A
/// value that is, within 0.1%, the sum of all the others, among at least
/// five non-negative values. Not two levels (a country over its regions
/// over their states: a third of the sum): a business's segments matched
/// that by chance.
fn sum_totals(villages: &[Village]) -> Vec<usize> {
    let values: Vec<Option<f64>> = villages
        .iter()
        .map(|v| v.values.first().copied().flatten())
        .collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    if known.len() < 5 || known.iter().any(|v| *v < 0.0) {
        return Vec::new();
    }
    let sum: f64 = known.iter().sum();
    if sum <= 0.0 {
        return Vec::new();
    }
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_some_and(|v| v > 0.0 && (v * 2.0 - sum).abs() <= sum * 0.001))
        .map(|(i, _)| i)
        .collect()
}

/// The places (in order) of the rows that are the sum of a run of rows
/// just after or just before them: a region among its states (IBGE's
/// `Sudeste` above Minas Gerais and São Paulo, a subtotal under its
/// members). A value, up to its members' rounding, the sum of two rows or more beside it,
/// found for two rows at least (one such row is chance; two are a table of
/// levels; in a list of more than 1,000, runs that hold half of the others);
/// then also a row
/// equal to the one row beside it (a region of one state with a value).
fn run_totals(villages: &[Village]) -> Vec<usize> {
    let values: Vec<Option<f64>> = villages
        .iter()
        .map(|v| v.values.first().copied().flatten())
        .collect();
    // A total equals its members' sum up to their rounding: half a unit of
    // the column's last decimal a member (exactly, for counts). Near enough
    // (0.1%) was met by chance: a few dozen villages in 200,000 each the sum
    // of two beside it.
    let unit = (0..=6)
        .map(|d: i32| 10f64.powi(d.saturating_neg()))
        .find(|unit| {
            values
                .iter()
                .flatten()
                .all(|v| ((v / unit).round() - v / unit).abs() < 1e-6)
        })
        .unwrap_or(1e-6);
    let run_sum = |i: usize, v: f64, step: &mut dyn Iterator<Item = usize>| -> Option<usize> {
        let mut sum = 0.0;
        let mut count = 0usize;
        for j in step {
            let x = values.get(j).copied().flatten()?;
            if x < 0.0 || j == i {
                return None;
            }
            sum += x;
            count = count.saturating_add(1);
            let slack = (count as f64 * unit * 0.5).max(v * 1e-9);
            if (sum - v).abs() <= slack {
                return Some(count);
            }
            if sum > v + slack {
                return None;
            }
        }
        None
    };
    // Each run as the total's place and its members' span.
    let mut runs: Vec<(usize, usize, std::ops::Range<usize>)> = Vec::new();
    let last = values.len().saturating_sub(1);
    for (i, v) in values.iter().enumerate() {
        let Some(v) = v.filter(|v| *v > 0.0) else {
            continue;
        };
        let after = run_sum(i, v, &mut (i.saturating_add(1)..values.len())).map(|k| {
            (
                k,
                i.saturating_add(1)..i.saturating_add(1).saturating_add(k),
            )
        });
        let before = run_sum(i, v, &mut (0..i).rev()).map(|k| (k, i.saturating_sub(k)..i));
        // The sum of all the others is the grand total's rule ([`sum_totals`]).
        if let Some((k, span)) = after
            .into_iter()
            .chain(before)
            .filter(|(k, _)| *k < last)
            .min_by_key(|(k, _)| *k)
        {
            runs.push((i, k, span));
        }
    }
    // Levels nest: a total inside another's run (proportional numbers made
    // up: 330 = 220 + 66 + 44 under 1100) is chance, not a region.
    let spans: Vec<std::ops::Range<usize>> = runs.iter().map(|(_, _, s)| s.clone()).collect();
    runs.retain(|(i, _, _)| !spans.iter().any(|s| s.contains(i)));
    if runs.iter().filter(|(_, k, _)| *k >= 2).count() < 2 {
        return Vec::new();
    }
    // A long list (past a country's thousand counties) is a table of levels
    // only if its regions hold half of the other rows at least: among half a
    // million villages a few may equal the sum of their neighbours by
    // chance, scattered.
    if values.len() <= 1000 {
        return runs.into_iter().map(|(i, _, _)| i).collect();
    }
    let mut covered = vec![false; values.len()];
    for (_, _, span) in &runs {
        for slot in covered.get_mut(span.clone()).unwrap_or_default() {
            *slot = true;
        }
    }
    let held = covered.iter().filter(|&&c| c).count();
    if held.saturating_mul(2) < values.len().saturating_sub(runs.len()) {
        return Vec::new();
    }
    runs.into_iter().map(|(i, _, _)| i).collect()
}

/// The level StatLine (the CBS, Statistics Netherlands) marks on a region's
/// name: `Groningen (PV)` a province, `Noord-Nederland (LD)` a part of the
/// country, `Groot-Amsterdam (CR)` a COROP region, `(CP)` a COROP-plus area.
fn level_tag(name: &str) -> Option<&str> {
    let inner = name.trim_end().strip_suffix(')')?;
    let (head, tag) = inner.rsplit_once(" (")?;
    (!head.trim().is_empty() && matches!(tag, "PV" | "LD" | "CR" | "CP" | "GM")).then_some(tag)
}

/// The places (in order) of names of another level than most, where names
/// carry StatLine's level marks: provinces are not ranked among their
/// municipalities, nor the country (no mark) among its provinces.
fn other_levels(names: &[&str]) -> Vec<usize> {
    let tags: Vec<Option<&str>> = names.iter().map(|n| level_tag(n)).collect();
    if tags.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut counts: Vec<(Option<&str>, usize)> = Vec::new();
    for t in &tags {
        match counts.iter_mut().find(|(c, _)| c == t) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => counts.push((*t, 1)),
        }
    }
    // The most names; of as many, the first seen.
    let mut best: Option<(Option<&str>, usize)> = None;
    for &(t, n) in &counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((t, n));
        }
    }
    let Some((level, _)) = best else {
        return Vec::new();
    };
    tags.iter()
        .enumerate()
        .filter(|(_, t)| **t != level)
        .map(|(i, _)| i)
        .collect()
}

/// Entity `e`'s value of each metric, at the metric's year.
fn metric_values(
    ctx: &Ctx,
    plan: &Plan,
    facts: &Facts,
    metrics: &[MetricSource],
    e: usize,
) -> Result<Vec<Option<f64>>> {
    let mut values = Vec::with_capacity(metrics.len());
    // Metrics of one year share a slot: looked up once.
    let mut last_slot: Option<(i32, Option<usize>)> = None;
    for (_, _, unit, m, year, c) in metrics {
        let slot = match last_slot {
            Some((y, slot)) if y == *year => slot,
            _ => {
                let slot = facts.find_slot(e, *year);
                last_slot = Some((*year, slot));
                slot
            }
        };
        let v = match slot.and_then(|s| facts.acc(s, *m)) {
            Some(acc) => settled(
                ctx,
                plan,
                facts,
                acc,
                e,
                *year,
                unit.as_deref() == Some("%"),
                *c,
            )?,
            None => None,
        };
        values.push(v);
    }
    Ok(values)
}
