//! A validated [`Dataset`] as bytes and back: how a dataset parsed in a web
//! worker crosses to the page. Parsing a 50 MB file holds a thread for
//! seconds; rebuilding the dataset from its snapshot takes a fraction of
//! that, so the page parses large files in a worker and stays responsive.
//!
//! The format is private to one build of Heluo (the worker runs the same
//! script as the page): little-endian, a string as its byte length (u32) and
//! UTF-8, an option as a tag byte (0 none, 1 some) and the value, a list as
//! its length (u32) and its items, a number as the eight bytes of an f64.
//! [`from_bytes`] checks every length against what is left and returns `None`
//! on anything it did not write, never panics.

use super::{Annotation, Dataset, Metric, Point, Ranking, Series, Trend, Village};

/// The first bytes of a snapshot: its format's name and version.
const MAGIC: &[u8; 8] = b"heluo\x00\x00\x01";

/// The dataset as bytes.
pub fn to_bytes(d: &Dataset) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(1024));
    w.0.extend_from_slice(MAGIC);
    w.opt_str(&d.title);
    w.opt_str(&d.subtitle);
    w.opt_str(&d.source);
    w.opt_str(&d.note);
    w.str(&d.locale);
    w.tag(d.trend.is_some());
    if let Some(t) = &d.trend {
        w.opt_str(&t.title);
        w.opt_str(&t.unit);
        w.len(t.series.len());
        for s in &t.series {
            w.str(&s.name);
            w.len(s.points.len());
            for p in &s.points {
                w.0.extend_from_slice(&p.year.to_le_bytes());
                w.opt_num(p.value);
            }
        }
        w.len(t.annotations.len());
        for a in &t.annotations {
            w.0.extend_from_slice(&a.year.to_le_bytes());
            w.str(&a.label);
        }
    }
    w.tag(d.ranking.is_some());
    if let Some(r) = &d.ranking {
        w.opt_str(&r.title);
        w.tag(r.item.is_some());
        if let Some((one, many)) = &r.item {
            w.str(one);
            w.str(many);
        }
        w.len(r.metrics.len());
        for m in &r.metrics {
            w.str(&m.key);
            w.str(&m.label);
            w.opt_str(&m.unit);
        }
        w.len(r.default_metric);
        w.len(r.villages.len());
        for v in &r.villages {
            w.str(&v.name);
            w.tag(v.group.is_some());
            if let Some(g) = &v.group {
                w.str(g);
            }
            // Every village has one value per metric (the walk makes it so).
            for x in &v.values {
                w.opt_num(*x);
            }
        }
    }
    w.0
}

/// The dataset [`to_bytes`] wrote, or `None` for any other bytes.
pub fn from_bytes(bytes: &[u8]) -> Option<Dataset> {
    let mut r = Reader(bytes.strip_prefix(MAGIC)?);
    let title = r.opt_str()?;
    let subtitle = r.opt_str()?;
    let source = r.opt_str()?;
    let note = r.opt_str()?;
    let locale = r.str()?;
    let trend = match r.tag()? {
        false => None,
        true => {
            let title = r.opt_str()?;
            let unit = r.opt_str()?;
            let series = r.list(|r| {
                let name = r.str()?;
                let points = r.list(|r| {
                    Some(Point {
                        year: r.i32()?,
                        value: r.opt_num()?,
                    })
                })?;
                Some(Series { name, points })
            })?;
            let annotations = r.list(|r| {
                Some(Annotation {
                    year: r.i32()?,
                    label: r.str()?,
                })
            })?;
            Some(Trend {
                title,
                unit,
                series,
                annotations,
            })
        }
    };
    let ranking = match r.tag()? {
        false => None,
        true => {
            let title = r.opt_str()?;
            let item = match r.tag()? {
                false => None,
                true => Some((r.str()?, r.str()?)),
            };
            let metrics = r.list(|r| {
                Some(Metric {
                    key: r.str()?,
                    label: r.str()?,
                    unit: r.opt_str()?,
                })
            })?;
            let default_metric = r.len()?;
            let count = metrics.len();
            // Villages of one group share its text, as after a parse.
            let mut last: Option<std::rc::Rc<str>> = None;
            let villages = r.list(|r| {
                let name = r.str()?;
                let group = match r.opt_str()? {
                    None => None,
                    Some(g) => match &last {
                        Some(l) if **l == *g => last.clone(),
                        _ => {
                            last = Some(std::rc::Rc::from(g));
                            last.clone()
                        }
                    },
                };
                Some(Village {
                    name,
                    group,
                    values: (0..count).map(|_| r.opt_num()).collect::<Option<_>>()?,
                })
            })?;
            Some(Ranking {
                title,
                item,
                metrics,
                default_metric,
                villages,
            })
        }
    };
    r.0.is_empty().then_some(Dataset {
        title,
        subtitle,
        source,
        note,
        locale,
        trend,
        ranking,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn tag(&mut self, some: bool) {
        self.0.push(u8::from(some));
    }

    fn len(&mut self, n: usize) {
        self.0
            .extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: &Option<String>) {
        self.tag(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn opt_num(&mut self, x: Option<f64>) {
        self.tag(x.is_some());
        if let Some(x) = x {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn tag(&mut self) -> Option<bool> {
        match self.take::<1>()? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.take()?)).ok()
    }

    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.take()?))
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let (text, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        std::str::from_utf8(text).ok().map(str::to_string)
    }

    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.tag()? {
            false => Some(None),
            true => self.str().map(Some),
        }
    }

    fn opt_num(&mut self) -> Option<Option<f64>> {
        match self.tag()? {
            false => Some(None),
            true => Some(Some(f64::from_le_bytes(self.take()?))),
        }
    }

    /// A list: its length, then `item` that many times. The length is checked
    /// against the bytes left (every item takes at least one), so a corrupt
    /// length cannot reserve gigabytes.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        if n > self.0.len() {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }
}
