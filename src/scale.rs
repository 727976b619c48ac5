//! Linear scales: data value ↔ pixel position, and "nice" ticks.
//!
//! Render and hit-testing both go through these, so a pixel found under the
//! pointer maps back to exactly the value that was drawn there. Degenerate
//! domains (one point, all values equal) are widened, never divided by zero.

/// Maps a continuous domain onto a pixel range (which may be reversed, as a y axis is).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale over `domain`; an empty or inverted domain is widened around its centre.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (mut d0, mut d1) = domain;
        if !d0.is_finite() || !d1.is_finite() {
            (d0, d1) = (0.0, 1.0);
        }
        if d1 < d0 {
            std::mem::swap(&mut d0, &mut d1);
        }
        if d1 - d0 < f64::EPSILON * d0.abs().max(1.0) {
            // Tiny (even subnormal) values get a unit pad: a tenth of them could underflow to 0.
            let pad = if d0.abs() < 1e-9 { 1.0 } else { d0.abs() * 0.1 };
            (d0, d1) = (d0 - pad, d1 + pad);
        }
        LinearScale {
            domain: (d0, d1),
            range,
        }
    }

    /// Value → pixel.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Pixel → value; the inverse of [`map`](Self::map).
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }
}

/// ⌊log₁₀ x⌋ for a positive `x`, found among powers of ten (exact up to
/// 10²², correctly rounded below 1) rather than with `log10` and `powf`,
/// whose libm code costs the wasm 1.9 KB.
fn decade(x: f64) -> i32 {
    let mut e: i32 = 0;
    while e < 308 && 10f64.powi(e.saturating_add(1)) <= x {
        e = e.saturating_add(1);
    }
    while e > -330 && 10f64.powi(e) > x {
        e = e.saturating_sub(1);
    }
    e
}

/// A step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `count` pieces.
pub fn nice_step(span: f64, count: usize) -> f64 {
    let count = count.max(1) as f64;
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / count;
    let magnitude = 10f64.powi(decade(raw));
    let residual = raw / magnitude;
    // d3's thresholds: pick the step whose tick count is closest to `count`.
    let nice = if residual >= 50f64.sqrt() {
        10.0
    } else if residual >= 10f64.sqrt() {
        5.0
    } else if residual >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    let step = nice * magnitude;
    // A span of subnormals gives a step of 0 (or less than normal): no ticks from that.
    if step.is_normal() {
        step
    } else {
        1.0
    }
}

/// Extends `(lo, hi)` outward to multiples of a nice step and returns the ticks.
/// Always returns at least two ticks, and at most about `count + 2`.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, lo + 1.0)
    };
    let step = nice_step(hi - lo, count);
    let start = (lo / step).floor();
    let end = (hi / step).ceil();
    let n = ((end - start) as i64).clamp(1, 1000);
    // Round away float noise such as 0.30000000000000004 at the step's decimals.
    let unit = 10f64.powi(crate::format::decimals_for_step(step) as i32);
    let mut ticks: Vec<f64> = (0..=n)
        .map(|i| ((start + i as f64) * step * unit).round() / unit)
        .collect();
    // Where the step is below the values' precision (a step of 0.2 at 1e14)
    // that rounding can move an end inside the data: the ends always hold it.
    if let Some(first) = ticks.first_mut() {
        *first = first.min(lo);
    }
    if let Some(last) = ticks.last_mut() {
        *last = last.max(hi);
    }
    ticks
}

/// Year ticks: whole years with a step of 1, 2, 5, 10… chosen so labels
/// `label_px` wide do not collide over `width_px`.
pub fn year_ticks(first: i32, last: i32, width_px: f64, label_px: f64) -> Vec<i32> {
    if last <= first {
        return vec![first];
    }
    let fits = (width_px / label_px.max(1.0)).floor().max(1.0) as usize;
    // Multiples of `step` inside the span.
    let multiples = |step: i32| -> Vec<i32> {
        let start = first.div_euclid(step).saturating_mul(step);
        let start = if start < first {
            start.saturating_add(step)
        } else {
            start
        };
        (0..)
            .map(|i: i32| start.saturating_add(i.saturating_mul(step)))
            .take_while(|&y| y <= last)
            .collect()
    };
    // The finest step whose labels fit; 3 and 4 are there so that a short
    // span on a phone (2012–2019 in 210 px) gets three labels, not one.
    for step in [1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200] {
        let ticks = multiples(step);
        if ticks.len() <= fits && ticks.len() >= 2 {
            return ticks;
        }
        if ticks.len() < 2 {
            break;
        }
    }
    // Too narrow for two multiples: the ends, if they fit, else the first.
    if fits >= 2 {
        vec![first, last]
    } else {
        vec![first]
    }
}

/// Rows of one height stacked from `start` (the ranking's bars): row index ↔
/// pixel band. Layout places rows with it and hit-testing inverts it, so the
/// row under the pointer is found by division, never by search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandScale {
    /// The top of the first row, in CSS px.
    pub start: f64,
    /// The height of one row.
    pub step: f64,
    pub count: usize,
}

impl BandScale {
    /// The top of row `i`.
    pub fn top(&self, i: usize) -> f64 {
        self.start + i as f64 * self.step
    }

    /// The middle of row `i`.
    pub fn middle(&self, i: usize) -> f64 {
        self.top(i) + self.step / 2.0
    }

    /// The row at pixel `y`, if any.
    pub fn index_at(&self, y: f64) -> Option<usize> {
        if self.step.is_nan() || self.step <= 0.0 {
            return None;
        }
        let row = ((y - self.start) / self.step).floor();
        (row >= 0.0 && row < self.count as f64).then_some(row as usize)
    }
}
