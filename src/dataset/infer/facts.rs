//! Step 4 of [`super::infer`], the rows read as facts: names × years ×
//! value columns, summed (or sliced, or one value a period), with the cells
//! skipped and the notes on what was done.

use std::borrow::Cow;
use std::rc::Rc;

use super::super::no_group_label;
use super::super::table::Cell;
use super::cells::{self, reader_key, Decimal, Time};
use super::columns::{header, key_of, name_of, name_text, written, Ctx};
use super::mapping::{PerYear, Shape};
use super::plan::Plan;
use super::profile::{self, Profile};
use super::summary::{Note, Period, Reason, SkippedCell};
use crate::error::{quote, Error, Result};
use crate::hash::{FxMap, FxSet};

/// Values at or beyond this are refused, as in format v1.
pub(super) const MAX_VALUE: f64 = 1e15;

/// A group cell as the ranking's group: one `Rc` per group as a reader sees
/// it; none for a missing cell or one written as the chart's "no group".
fn group_of(cell: &Cell, names: &mut FxMap<String, Rc<str>>) -> Option<Rc<str>> {
    let written = name_of(cell)?;
    let key = reader_key(&written).into_owned();
    if key.eq_ignore_ascii_case(no_group_label(true))
        || key.eq_ignore_ascii_case(no_group_label(false))
    {
        return None;
    }
    Some(
        names
            .entry(key)
            .or_insert_with(|| Rc::from(written.as_str()))
            .clone(),
    )
}

/// One name (a series, a village) and what is known of it.
pub(super) struct Entity {
    pub(super) name: String,
    pub(super) group: Option<Rc<str>>,
    pub(super) code: Option<String>,
    pub(super) first_row: usize,
    pub(super) unit: Option<String>,
    /// The next entity whose key hashes as this one's does (`usize::MAX`: none).
    pub(super) next: usize,
}

/// One name × one year, per value column.
#[derive(Clone, Copy)]
pub(super) struct Acc {
    pub(super) sum: f64,
    pub(super) rows: u32,
    pub(super) values: u32,
    pub(super) row: usize,
    /// Distinct periods within the year (months, days) with a value.
    pub(super) periods: u32,
    /// The latest period with a value, and the sum of its rows.
    pub(super) last_period: u64,
    pub(super) last_sum: f64,
    /// The first value, and whether every value equals it.
    pub(super) first: f64,
    pub(super) same: bool,
}

const EMPTY_ACC: Acc = Acc {
    sum: 0.0,
    rows: 0,
    values: 0,
    row: 0,
    periods: 0,
    last_period: 0,
    last_sum: 0.0,
    first: 0.0,
    same: true,
};

impl Acc {
    /// The year's value: one value a period (the rows of a period summed),
    /// then the periods' mean, sum or last; without periods, the sum. In a
    /// table without time (`once`), a value repeated on every row of a
    /// name is taken once.
    pub(super) fn value(&self, per_year: PerYear, once: bool) -> f64 {
        if once && self.same {
            return self.first;
        }
        if self.periods <= 1 {
            return self.sum;
        }
        match per_year {
            PerYear::Sum => self.sum,
            PerYear::Last => self.last_sum,
            PerYear::Mean => self.sum / f64::from(self.periods),
        }
    }
}

/// What one period (within a year) of a row is, as a key ordered in time:
/// the month and day of its date, then its period columns' numbers.
fn period_of(ctx: &Ctx, plan: &Plan, time: Option<Time>, row: usize) -> u64 {
    let mut key = within_year(time).wrapping_shl(32);
    for &c in &plan.periods {
        let part = match ctx.cell(row, c) {
            Cell::Number(n) if n.fract() == 0.0 && (0.0..65_536.0).contains(n) => *n as u64,
            cell => key_of(cell).map_or(0, |k| {
                use std::hash::{Hash, Hasher};
                let mut h = crate::hash::Fx::default();
                k.hash(&mut h);
                h.finish() & 0xffff
            }),
        };
        key = key.wrapping_mul(65_536).wrapping_add(part);
    }
    key
}

/// Where a time falls within its year, in order (0 for a year).
fn within_year(time: Option<Time>) -> u64 {
    match time {
        Some(Time::Month(_, m)) => u64::from(m).saturating_mul(32),
        Some(Time::Quarter(_, q)) => u64::from(q).saturating_mul(3 * 32),
        Some(Time::Date(_, m, d)) => u64::from(m).saturating_mul(32).saturating_add(u64::from(d)),
        _ => 0,
    }
}

/// What the rows say: names × years × value columns, summed.
pub(super) struct Facts {
    pub(super) entities: Vec<Entity>,
    /// The hash of a key (a name as a reader sees it, `\0`, its group's) →
    /// the first entity with a key of that hash, the others chained by
    /// [`Entity::next`]: each name is hashed once, and no key is kept.
    pub(super) by_hash: FxMap<u64, usize>,
    /// Per entity, its first slot's year and slot (`usize::MAX`: none yet);
    /// a slot holds one [`Acc`] per value column. Most entities of records
    /// have no other.
    pub(super) first_slots: Vec<(i32, usize)>,
    /// (entity, year) → slot, for the slots after an entity's first.
    pub(super) slots: FxMap<(usize, i32), usize>,
    /// Slot → (entity, year), in the order the slots were made.
    pub(super) slot_keys: Vec<(usize, i32)>,
    pub(super) accs: Vec<Acc>,
    pub(super) width: usize,
    pub(super) skipped: Vec<SkippedCell>,
    pub(super) read: usize,
    pub(super) missing: usize,
    pub(super) notes: Vec<Note>,
    /// Per column: values read, bad cells.
    pub(super) read_by_column: Vec<(usize, usize)>,
    /// (value slot, period) pairs seen, for counting periods within years.
    pub(super) periods_seen: FxSet<(usize, u64)>,
    /// Whether some date is not a month's first day (the periods are days).
    pub(super) days: bool,
    /// Whether the times are quarters (the periods are quarters).
    pub(super) quarters: bool,
    /// [`Facts::entity`]'s keys, built in place.
    pub(super) key: String,
    pub(super) other_key: String,
}

/// An entity's key: its name as a reader sees it, `\0`, its group's.
fn entity_key(out: &mut String, name: &str, group: Option<&str>) {
    out.clear();
    out.push_str(&reader_key(name));
    out.push('\u{0}');
    if let Some(g) = group {
        out.push_str(&reader_key(g));
    }
}

impl Facts {
    /// No facts yet: slots of `width` accumulators, `columns` columns counted.
    fn new(width: usize, columns: usize) -> Self {
        Facts {
            entities: Vec::new(),
            by_hash: FxMap::default(),
            first_slots: Vec::new(),
            slots: FxMap::default(),
            slot_keys: Vec::new(),
            accs: Vec::new(),
            width,
            skipped: Vec::new(),
            read: 0,
            missing: 0,
            notes: Vec::new(),
            read_by_column: vec![(0, 0); columns],
            periods_seen: FxSet::default(),
            days: false,
            quarters: false,
            key: String::new(),
            other_key: String::new(),
        }
    }

    /// Room for `names` entities and a slot each.
    fn reserve(&mut self, names: usize) {
        self.entities.reserve(names);
        self.by_hash.reserve(names);
        self.first_slots.reserve(names);
        self.slot_keys.reserve(names);
        self.accs.reserve(names.saturating_mul(self.width));
    }

    /// A row's value `v` (`None`: missing) added to accumulator `m` of
    /// `slot`, in `period` of the year (0: none).
    fn add(&mut self, slot: usize, m: usize, row: usize, v: Option<f64>, period: u64) {
        let index = slot.saturating_mul(self.width).saturating_add(m);
        let new_period = v.is_some()
            && (period == 0 && self.accs.get(index).is_some_and(|a| a.periods == 0)
                || period != 0 && self.periods_seen.insert((index, period)));
        let Some(acc) = self.acc_mut(slot, m) else {
            return;
        };
        if acc.rows == 0 {
            acc.row = row;
        }
        acc.rows = acc.rows.saturating_add(1);
        if let Some(v) = v {
            if acc.values == 0 {
                acc.first = v;
            } else if v != acc.first {
                acc.same = false;
            }
            acc.sum += v;
            acc.values = acc.values.saturating_add(1);
            if new_period {
                acc.periods = acc.periods.saturating_add(1);
            }
            if acc.values == 1 || period > acc.last_period {
                acc.last_period = period;
                acc.last_sum = v;
            } else if period == acc.last_period {
                acc.last_sum += v;
            }
        }
    }

    fn entity(&mut self, name: &str, group: Option<Rc<str>>, row: usize) -> usize {
        // The keys in buffers kept between rows: nothing is allocated.
        let mut key = std::mem::take(&mut self.key);
        let mut other = std::mem::take(&mut self.other_key);
        entity_key(&mut key, name, group.as_deref());
        let hash = crate::hash::text_hash(&key);
        let mut found = None;
        let mut last = None;
        let mut at = self.by_hash.get(&hash).copied().unwrap_or(usize::MAX);
        while let Some(candidate) = self.entities.get(at) {
            entity_key(&mut other, &candidate.name, candidate.group.as_deref());
            if other == key {
                found = Some(at);
                break;
            }
            last = Some(at);
            at = candidate.next;
        }
        self.key = key;
        self.other_key = other;
        if let Some(e) = found {
            if let Some(first) = self.entities.get(e) {
                if first.name != name
                    && !self
                        .notes
                        .iter()
                        .any(|n| matches!(n, Note::Merged { name: m, .. } if *m == name))
                {
                    self.notes.push(Note::Merged {
                        name: name.to_string(),
                        other: first.name.clone(),
                    });
                }
            }
            return e;
        }
        let e = self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            group,
            code: None,
            first_row: row,
            unit: None,
            next: usize::MAX,
        });
        match last.and_then(|l| self.entities.get_mut(l)) {
            Some(previous) => previous.next = e,
            None => {
                self.by_hash.insert(hash, e);
            }
        }
        e
    }

    fn slot(&mut self, entity: usize, year: i32) -> usize {
        let next = self.slot_keys.len();
        if self.first_slots.len() <= entity {
            self.first_slots
                .resize(entity.saturating_add(1), (0, usize::MAX));
        }
        let slot = match self.first_slots.get_mut(entity) {
            Some(first) if first.1 == usize::MAX => {
                *first = (year, next);
                next
            }
            Some(&mut (y, slot)) if y == year => slot,
            _ => *self.slots.entry((entity, year)).or_insert(next),
        };
        if slot == next {
            self.slot_keys.push((entity, year));
            self.accs.extend(std::iter::repeat_n(EMPTY_ACC, self.width));
        }
        slot
    }

    /// The slot of an entity's year, if it has one.
    pub(super) fn find_slot(&self, entity: usize, year: i32) -> Option<usize> {
        match self.first_slots.get(entity) {
            Some(&(y, slot)) if y == year && slot != usize::MAX => Some(slot),
            _ => self.slots.get(&(entity, year)).copied(),
        }
    }

    pub(super) fn acc(&self, slot: usize, m: usize) -> Option<&Acc> {
        self.accs
            .get(slot.saturating_mul(self.width).saturating_add(m))
    }

    fn acc_mut(&mut self, slot: usize, m: usize) -> Option<&mut Acc> {
        self.accs
            .get_mut(slot.saturating_mul(self.width).saturating_add(m))
    }
}

/// `v`, read from `cell` with its own magnitude (`12.5万`), in `unit` when
/// that has one too (`万元`, `亿元`): 12.5万 in 万元 is 12.5, 3亿 is 30,000.
fn in_unit(v: f64, cell: &Cell, unit: Option<&str>) -> f64 {
    let Cell::Text(t) = cell else { return v };
    let t = t.trim_end();
    // Only a cell that ends above ASCII can have a magnitude (most do not).
    if t.as_bytes().last().is_none_or(|&b| b < 0x80) || cells::suffix_magnitude(t).is_none() {
        return v;
    }
    match unit.and_then(cells::unit_magnitude) {
        Some(of_unit) => v / of_unit,
        None => v,
    }
}

/// The values the Census Bureau's API writes for no estimate.
const CENSUS_ANNOTATIONS: [f64; 6] = [
    -999_999_999.0,
    -888_888_888.0,
    -666_666_666.0,
    -555_555_555.0,
    -333_333_333.0,
    -222_222_222.0,
];

/// A value cell read: a number, missing, or skipped with a reason.
fn value(
    cell: &Cell,
    decimal: Decimal,
    percent: bool,
    parsed: Option<f64>,
) -> std::result::Result<Option<f64>, Reason> {
    let v = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        // The profile's number, parsed once.
        Cell::Text(_) if parsed.is_some_and(|v| !v.is_nan()) => parsed.unwrap_or(f64::NAN),
        Cell::Text(t) => {
            let folded = cells::fold(t);
            if cells::is_missing(&folded) {
                return Ok(None);
            }
            cells::number(&folded, decimal)
                .ok_or(Reason::NotANumber)?
                .value
        }
        Cell::Bool(_) | Cell::Date(_) => return Err(Reason::NotANumber),
    };
    // The US Census Bureau's API writes its annotations as values
    // (-666666666: too few sample observations; -999999999, -888888888…).
    if v <= -222_222_222.0 && CENSUS_ANNOTATIONS.contains(&v) {
        return Ok(None);
    }
    if !v.is_finite() || v.abs() >= MAX_VALUE {
        return Err(Reason::TooBig);
    }
    if percent && !(0.0..=100.0).contains(&v) {
        return Err(Reason::OutsidePercent);
    }
    Ok(Some(v))
}

/// Step 4: the rows read as facts, then the notes on what was done; an
/// error when no value cell holds a value.
pub(super) fn read(ctx: &Ctx, profiles: &[Profile], plan: &Plan) -> Result<Facts> {
    let value_columns = value_columns(plan);
    let width = match plan.shape {
        Shape::Long | Shape::Records => value_columns.len().max(1),
        Shape::Wide | Shape::Transposed => 1,
    };
    let mut facts = Facts::new(width, profiles.len());
    // An entity and a slot per record (a name is one per group there, and
    // the same village name in two towns two entities), at least one per
    // distinct name in a long table: reserved once rather than grown (at
    // 100,000 villages growing copied 47 MB).
    match plan.shape {
        Shape::Records => facts.reserve(ctx.table.rows()),
        Shape::Long => facts.reserve(
            plan.name
                .and_then(|(n, _)| profiles.get(n))
                .map_or(0, |p| p.distinct)
                .min(ctx.table.rows()),
        ),
        Shape::Wide | Shape::Transposed => {}
    }
    if plan.shape == Shape::Wide {
        wide_entities(&mut facts, profiles, plan);
    }
    let mut rows = Rows::new(ctx, profiles, plan, &value_columns);
    for row in 0..ctx.table.rows() {
        rows.read_row(&mut facts, row);
    }
    facts.quarters |= rows.quarter_columns;
    // Notes: the slice, the sums, the day/month order, shares.
    for (c, v, auto) in &plan.splits {
        if let Some(v) = v
            .as_ref()
            .filter(|_| *auto && plan.alternatives.contains(c))
        {
            facts.notes.push(Note::SliceThroughout {
                column: header(ctx, *c),
                value: v.clone(),
                rows_left: rows.left_by_slice,
            });
        } else if let Some(v) = v {
            facts.notes.push(Note::Slice {
                column: header(ctx, *c),
                value: v.clone(),
                auto: *auto,
                total: super::plan::is_total(v),
                rows_left: rows.left_by_slice,
            });
        }
    }
    note_sums(&mut facts, ctx, profiles, plan);
    note_day_month(&mut facts, ctx, profiles, plan);
    note_columns(&mut facts, ctx, profiles, plan, &value_columns);
    if facts.read == 0 {
        return Err(Error::AllMissing {
            columns: value_columns
                .iter()
                .map(|&c| quote(&header(ctx, c)))
                .collect(),
        });
    }
    Ok(facts)
}

/// The columns read as values: the trend's and the ranking's (long,
/// records), the series (wide), the years (transposed).
fn value_columns(plan: &Plan) -> Vec<usize> {
    match plan.shape {
        Shape::Long | Shape::Records => {
            let mut v = plan.values.clone();
            for m in &plan.metrics {
                if !v.contains(m) {
                    v.push(*m);
                }
            }
            v
        }
        Shape::Wide => plan.values.clone(),
        Shape::Transposed => plan.years.iter().map(|(c, _)| *c).collect(),
    }
}

/// Wide: one entity per value column, in order.
fn wide_entities(facts: &mut Facts, profiles: &[Profile], plan: &Plan) {
    for &c in &plan.values {
        let Some(p) = profiles.get(c) else { continue };
        // The label, or the whole header where two labels meet.
        let taken = facts
            .entities
            .iter()
            .any(|e| e.group.is_none() && reader_key(&e.name) == reader_key(&p.label));
        let name = if taken {
            p.header.clone()
        } else {
            p.label.clone()
        };
        let e = facts.entity(&name, None, 0);
        if let Some(entity) = facts.entities.get_mut(e) {
            entity.unit = plan.units.get(c).cloned().flatten();
        }
    }
}

/// The reading of the rows: what each row is read by, and what is kept
/// from one row to the next.
struct Rows<'a> {
    ctx: &'a Ctx<'a>,
    profiles: &'a [Profile],
    plan: &'a Plan,
    value_columns: &'a [usize],
    /// Each split column and the slice kept of it, as a reader sees it.
    split_keys: Vec<(usize, Option<String>)>,
    /// Whether periods within a year are counted: only where a time has
    /// months or days, or a period column splits the rows.
    sub_yearly: bool,
    /// Transposed: each year column's period within its year (`2024年6月`
    /// as columns, NBS's monthly export), 0 for a year: months and
    /// quarters are combined by the per-year rule, not summed.
    column_periods: Vec<u64>,
    /// Transposed: the year columns are quarters (said so, not months).
    quarter_columns: bool,
    /// The time column holds whole years and quarters or months too (an
    /// ONS series): the years are read, the rest skipped and listed.
    years_among_periods: bool,
    /// Rows of another slice, left out.
    left_by_slice: usize,
    /// Groups by their cell as written (borrowed): most rows repeat one.
    group_cache: FxMap<&'a str, Option<Rc<str>>>,
    group_names: FxMap<String, Rc<str>>,
    /// The group of the last row that wrote one.
    last_group: Option<Rc<str>>,
}

impl<'a> Rows<'a> {
    fn new(
        ctx: &'a Ctx<'a>,
        profiles: &'a [Profile],
        plan: &'a Plan,
        value_columns: &'a [usize],
    ) -> Self {
        let split_keys: Vec<(usize, Option<String>)> = plan
            .splits
            .iter()
            .map(|(c, v, _)| (*c, v.as_deref().map(|v| reader_key(v).into_owned())))
            .collect();
        // Periods within a year are counted only where a time has months or
        // days, or a period column splits the rows.
        let sub_yearly = !plan.periods.is_empty()
            || plan
                .time
                .and_then(|(t, _)| profiles.get(t))
                .is_some_and(|p| !p.plain_years);
        let column_times: Vec<Option<Time>> = plan
            .years
            .iter()
            .map(|(c, _)| {
                cells::time(&cells::fold(
                    profiles.get(*c).map_or("", |p| p.header.as_str()),
                ))
            })
            .collect();
        let quarter_columns = column_times
            .iter()
            .any(|t| matches!(t, Some(Time::Quarter(..))));
        let column_periods = column_times
            .into_iter()
            .map(|t| within_year(t).wrapping_shl(32))
            .collect();
        // Only a time column of more than plain years can mix them.
        let years_among_periods = plan.time.is_some_and(|(t, _)| {
            if profiles.get(t).is_none_or(|p| p.plain_years) {
                return false;
            }
            let (mut years, mut periods) = (false, false);
            for row in 0..ctx.table.rows() {
                match cells::cell_time(ctx.cell(row, t)) {
                    Some(Time::Year(_)) => years = true,
                    Some(_) => periods = true,
                    None => {}
                }
                if years && periods {
                    return true;
                }
            }
            false
        });
        Rows {
            ctx,
            profiles,
            plan,
            value_columns,
            split_keys,
            sub_yearly,
            column_periods,
            quarter_columns,
            years_among_periods,
            left_by_slice: 0,
            group_cache: FxMap::default(),
            last_group: None,
            group_names: FxMap::default(),
        }
    }

    /// One row: left out when of another slice, skipped (and listed) without
    /// a time or a name, else its values added to its entity's year.
    fn read_row(&mut self, facts: &mut Facts, row: usize) {
        if self.other_slice(row) {
            self.left_by_slice = self.left_by_slice.saturating_add(1);
            return;
        }
        let time = match self.time(row) {
            Ok(time) => time,
            Err(skipped) => return facts.skipped.push(skipped),
        };
        let year = time.map_or(0, Time::year);
        let period = if self.sub_yearly {
            period_of(self.ctx, self.plan, time, row)
        } else {
            0
        };
        facts.quarters |= matches!(time, Some(Time::Quarter(..)));
        if let Some(Time::Date(_, _, d)) = time {
            facts.days |= d != 1;
        }
        let entity = match self.entity(facts, row) {
            Ok(entity) => entity,
            Err(skipped) => return facts.skipped.push(skipped),
        };
        self.values(facts, row, entity, year, period);
    }

    /// Whether a split column of the row holds another value than its slice.
    fn other_slice(&self, row: usize) -> bool {
        self.split_keys.iter().any(|(c, want)| {
            want.as_ref().is_some_and(|want| {
                let have = key_of(self.ctx.cell(row, *c));
                have.as_deref() != Some(want.as_str())
            })
        })
    }

    /// The row's time (`None` in a table without one), its day and month in
    /// the order the table writes them; a row without a time or with
    /// another text there is skipped.
    fn time(&self, row: usize) -> std::result::Result<Option<Time>, SkippedCell> {
        let Some((t, _)) = self.plan.time else {
            return Ok(None);
        };
        let cell = self.ctx.cell(row, t);
        let skip = |reason| SkippedCell {
            at: self.ctx.spot(Some(row), Some(t)),
            text: written(cell),
            reason,
        };
        // Every time a cell reads as lies in the model's years (TIME_YEARS).
        let time = match cells::cell_time(cell) {
            Some(time) if self.years_among_periods && !matches!(time, Time::Year(_)) => {
                return Err(skip(Reason::OtherFrequency))
            }
            Some(time) => time,
            None if key_of(cell).is_none() => return Err(skip(Reason::NoTime)),
            None => return Err(skip(Reason::NotATime)),
        };
        Ok(Some(match time {
            Time::DayMonth(y, a, b) if self.plan.day_first => Time::Date(y, b, a),
            Time::DayMonth(y, a, b) => Time::Date(y, a, b),
            t => t,
        }))
    }

    /// The row's entity: its name in its group (`None` in a wide table, or
    /// without a name column); a row without a name is skipped.
    fn entity(
        &mut self,
        facts: &mut Facts,
        row: usize,
    ) -> std::result::Result<Option<usize>, SkippedCell> {
        let (ctx, plan) = (self.ctx, self.plan);
        let n = match (plan.shape, plan.name) {
            (Shape::Wide, _) | (_, None) => return Ok(None),
            (_, Some((n, _))) => n,
        };
        let Some(name) = name_text(ctx.cell(row, n)) else {
            return Err(SkippedCell {
                at: ctx.spot(Some(row), Some(n)),
                text: String::new(),
                reason: Reason::NoName,
            });
        };
        let group = plan.group.and_then(|(g, _)| self.group(row, g));
        let (name, unit) = if plan.shape == Shape::Transposed {
            let (label, unit) = profile::header_unit(&name);
            (
                if unit.is_some() {
                    Cow::Owned(label)
                } else {
                    name
                },
                unit,
            )
        } else {
            (name, None)
        };
        let e = facts.entity(&name, group, row);
        if let Some(entity) = facts.entities.get_mut(e) {
            if entity.first_row == row {
                entity.unit = unit;
                entity.code = plan.code.and_then(|c| name_of(ctx.cell(row, c)));
            }
        }
        Ok(Some(e))
    }

    /// The group of the row (column `g`), looked up by its text as written.
    /// Row `row`'s group; a blank cell is the group above it, as a
    /// spreadsheet's merged cells (a town written once beside its villages)
    /// export.
    fn group(&mut self, row: usize, g: usize) -> Option<Rc<str>> {
        let group = match self.ctx.cell(row, g) {
            Cell::Empty => return self.last_group.clone(),
            Cell::Text(raw) => match self.group_cache.get(raw.as_str()) {
                Some(group) => group.clone(),
                None => {
                    let group = group_of(self.ctx.cell(row, g), &mut self.group_names);
                    self.group_cache.insert(raw.as_str(), group.clone());
                    group
                }
            },
            other => group_of(other, &mut self.group_names),
        };
        self.last_group.clone_from(&group);
        group
    }

    /// The row's values added to their slots (one slot a row, except in
    /// wide and transposed tables).
    fn values(&self, facts: &mut Facts, row: usize, entity: Option<usize>, year: i32, period: u64) {
        let mut last_slot: Option<((usize, i32), usize)> = None;
        for (k, &c) in self.value_columns.iter().enumerate() {
            let (e, y, m) = match self.plan.shape {
                Shape::Wide => (k, year, 0),
                Shape::Transposed => (
                    entity.unwrap_or(0),
                    self.plan.years.get(k).map_or(0, |(_, y)| *y),
                    0,
                ),
                _ => (entity.unwrap_or(0), year, k),
            };
            let v = self.read_value(facts, row, c, e);
            let slot = match last_slot {
                Some((key, slot)) if key == (e, y) => slot,
                _ => {
                    let slot = facts.slot(e, y);
                    last_slot = Some(((e, y), slot));
                    slot
                }
            };
            let period = match self.plan.shape {
                Shape::Transposed => self.column_periods.get(k).copied().unwrap_or(0),
                _ => period,
            };
            facts.add(slot, m, row, v, period);
        }
    }

    /// Cell (`row`, `c`) of entity `e` read: a number, missing, or skipped
    /// and listed; counted as read, missing or bad.
    fn read_value(&self, facts: &mut Facts, row: usize, c: usize, e: usize) -> Option<f64> {
        let cell = self.ctx.cell(row, c);
        let unit = if self.plan.shape == Shape::Transposed {
            facts.entities.get(e).and_then(|x| x.unit.as_deref())
        } else {
            self.plan.units.get(c).and_then(|u| u.as_deref())
        };
        let pct = unit == Some("%");
        let decimal = self.profiles.get(c).map_or(Decimal::Point, |p| p.decimal);
        let parsed = self
            .profiles
            .get(c)
            .and_then(|p| p.parsed.get(row))
            .copied();
        let v = match value(cell, decimal, pct, parsed) {
            // `12.5万` in a column in 万元 is 12.5 of its unit, not 125,000.
            Ok(Some(v)) => Some(in_unit(v, cell, unit)),
            Ok(v) => v,
            Err(reason) => {
                facts.skipped.push(SkippedCell {
                    at: self.ctx.spot(Some(row), Some(c)),
                    text: written(cell),
                    reason,
                });
                if let Some(r) = facts.read_by_column.get_mut(c) {
                    r.1 = r.1.saturating_add(1);
                }
                None
            }
        };
        match v {
            Some(_) => {
                facts.read = facts.read.saturating_add(1);
                if let Some(r) = facts.read_by_column.get_mut(c) {
                    r.0 = r.0.saturating_add(1);
                }
            }
            None => facts.missing = facts.missing.saturating_add(1),
        }
        v
    }
}

/// Notes on rows summed: several rows for a name and year, periods within
/// a year, and (in a table without time) values repeated on a name's rows.
fn note_sums(facts: &mut Facts, ctx: &Ctx, profiles: &[Profile], plan: &Plan) {
    let mut groups = 0usize;
    let mut most = 0u32;
    let mut most_periods = 0u32;
    for acc in &facts.accs {
        let periods = acc.periods.max(1);
        most_periods = most_periods.max(acc.periods);
        let rows = if acc.periods > 1 {
            acc.values
        } else {
            acc.rows
        };
        if rows > periods {
            groups = groups.saturating_add(1);
            most = most.max(rows.div_ceil(periods));
        }
    }
    if most_periods > 1 {
        let period = if plan.periods.iter().any(|&c| {
            profiles.get(c).is_some_and(|p| {
                matches!(
                    p.label.trim().to_lowercase().as_str(),
                    "quarter" | "qtr" | "季度" | "季"
                )
            })
        }) || facts.quarters
        {
            Period::Quarter
        } else if facts.days {
            Period::Day
        } else {
            Period::Month
        };
        // Years some series has fewer periods of than the most (a year
        // begun or ended partway): each with its fewest, in order.
        let mut short: Vec<(i32, usize)> = Vec::new();
        for (k, acc) in facts.accs.iter().enumerate() {
            if acc.periods == 0 || acc.periods >= most_periods {
                continue;
            }
            let slot = k.checked_div(facts.width.max(1)).unwrap_or(0);
            let Some(&(_, year)) = facts.slot_keys.get(slot) else {
                continue;
            };
            let n = acc.periods as usize;
            match short.iter_mut().find(|(y, _)| *y == year) {
                Some(found) => found.1 = found.1.min(n),
                None => short.push((year, n)),
            }
        }
        short.sort_unstable();
        facts.notes.push(Note::PerYear {
            how: plan.per_year,
            most: most_periods as usize,
            period,
            short,
        });
    }
    let once = plan.shape == Shape::Records;
    if once && groups > 0 {
        let same = facts.accs.iter().filter(|a| a.values > 1 && a.same).count();
        facts.notes.push(Note::NoTimeRepeats {
            groups,
            most: most as usize,
            same,
        });
        groups = 0;
    }
    if groups > 0 {
        let over = plan
            .splits
            .iter()
            .filter(|(_, v, _)| v.is_none())
            .map(|(c, _, _)| header(ctx, *c))
            .collect();
        facts.notes.push(Note::Summed {
            groups,
            most: most as usize,
            over,
        });
    }
}

/// Notes on the time column's day/month order: settled by a cell either
/// way, in conflict, or unsettled.
fn note_day_month(facts: &mut Facts, ctx: &Ctx, profiles: &[Profile], plan: &Plan) {
    let Some((t, _)) = plan.time else { return };
    let Some(p) = profiles.get(t) else { return };
    match (&p.day_first_at, &p.month_first_at) {
        (Some((r, text)), None) => facts.notes.push(Note::DayFirst {
            at: ctx.spot(Some(*r), Some(t)),
            text: text.clone(),
        }),
        (None, Some((r, text))) => facts.notes.push(Note::MonthFirst {
            at: ctx.spot(Some(*r), Some(t)),
            text: text.clone(),
        }),
        (Some((d, _)), Some((m, _))) => facts.notes.push(Note::DayMonthConflict {
            day: ctx.spot(Some(*d), Some(t)),
            month: ctx.spot(Some(*m), Some(t)),
        }),
        (None, None) => {}
    }
    let ambiguous = (0..ctx.table.rows())
        .any(|r| matches!(cells::cell_time(ctx.cell(r, t)), Some(Time::DayMonth(..))));
    if ambiguous && p.day_first_at.is_none() && p.month_first_at.is_none() {
        facts.notes.push(Note::DayMonthUnsettled);
    }
}

/// Notes on each value column: a decimal comma, a unit read from the
/// values, values of 0–1 (shares, or a `%` column of them).
fn note_columns(
    facts: &mut Facts,
    ctx: &Ctx,
    profiles: &[Profile],
    plan: &Plan,
    value_columns: &[usize],
) {
    for &c in value_columns {
        let Some(p) = profiles.get(c) else { continue };
        let unit = plan.units.get(c).cloned().flatten();
        let h = header(ctx, c);
        if p.decimal == Decimal::Comma {
            facts.notes.push(Note::DecimalComma { column: h.clone() });
        }
        if p.header_unit.is_none() && unit.is_some() && p.percent_cells > 0 {
            facts.notes.push(Note::UnitFromValues {
                column: h.clone(),
                unit: unit.clone().unwrap_or_default(),
            });
        }
        // A transposed table's units are in its rows' labels, not its year
        // columns: a column of 0–1 values there says nothing about shares.
        if p.unit_interval && p.numbers > 0 && plan.shape != Shape::Transposed {
            if unit.as_deref() == Some("%") {
                facts.notes.push(Note::SmallPercent { column: h });
            } else if unit.is_none() {
                facts.notes.push(Note::Shares { column: h });
            }
        }
    }
}
