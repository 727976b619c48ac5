//! Tooltips and controls as JSON text, for the DOM layer (`JSON.parse` on the
//! other side). Hand-written rather than serde-derived: these few shapes are
//! all the wasm boundary needs, and the generic serializer cost about 4 KB of wasm.

use super::{Control, LegendControl, Tooltip};

/// A JSON writer for the few shapes above.
struct Json(String);

impl Json {
    fn str(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                    self.0.push_str(&format!("\\u{:04x}", c as u32));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    /// A position in CSS px, to a hundredth (through integers: see
    /// [`crate::format::fixed`]).
    fn num(&mut self, v: f64) {
        // JSON has no NaN or infinity; a position that is not finite is 0.
        let v = if v.is_finite() { v } else { 0.0 };
        let text = crate::format::fixed(v, 2);
        let text = match text.split_once('.') {
            Some((int, frac)) if frac.trim_end_matches('0').is_empty() => int,
            _ => text.trim_end_matches('0'),
        };
        self.0.push_str(text);
    }

    fn key(&mut self, first: bool, key: &str) {
        if !first {
            self.0.push(',');
        }
        self.str(key);
        self.0.push(':');
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Json, &T)) {
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
    }
}

impl Tooltip {
    /// `{"heading", "rows": [{"label", "value", "color"}], "x", "y", "announcement"}`.
    pub fn to_json(&self) -> String {
        let mut j = Json(String::with_capacity(128));
        j.0.push('{');
        j.key(true, "heading");
        j.str(&self.heading);
        j.key(false, "rows");
        j.list(&self.rows, |j, r| {
            j.0.push('{');
            j.key(true, "label");
            j.str(&r.label);
            j.key(false, "value");
            j.str(&r.value);
            if let Some(c) = &r.color {
                j.key(false, "color");
                j.str(c);
            }
            j.0.push('}');
        });
        j.key(false, "x");
        j.num(self.x);
        j.key(false, "y");
        j.num(self.y);
        j.key(false, "announcement");
        j.str(&self.announcement);
        j.0.push('}');
        j.0
    }
}

fn legend_item(j: &mut Json, item: &LegendControl) {
    j.0.push('{');
    j.key(true, "label");
    j.str(&item.label);
    j.key(false, "color");
    j.str(&item.color);
    if let Some(symbol) = item.symbol {
        j.key(false, "symbol");
        j.str(symbol);
    }
    j.key(false, "pressed");
    j.0.push_str(if item.pressed { "true" } else { "false" });
    j.key(false, "index");
    j.0.push_str(&item.index.to_string());
    j.0.push('}');
}

/// The controls as a JSON array (see [`Control`]; `type` names the variant).
pub fn controls_json(controls: &[Control]) -> String {
    let mut j = Json(String::with_capacity(512));
    j.list(controls, |j, c| {
        j.0.push('{');
        match c {
            Control::Legend {
                id,
                label,
                items,
                action,
            } => {
                j.key(true, "type");
                j.str("legend");
                j.key(false, "id");
                j.str(id);
                j.key(false, "action");
                j.str(action);
                j.key(false, "label");
                j.str(label);
                j.key(false, "items");
                j.list(items, legend_item);
            }
            Control::Select {
                id,
                label,
                options,
                selected,
                action,
            } => {
                j.key(true, "type");
                j.str("select");
                j.key(false, "id");
                j.str(id);
                j.key(false, "label");
                j.str(label);
                j.key(false, "options");
                j.list(options, |j, o| j.str(o));
                j.key(false, "selected");
                j.0.push_str(&selected.to_string());
                j.key(false, "action");
                j.str(action);
            }
            Control::Button {
                id,
                label,
                pressed,
                hidden,
                action,
            } => {
                j.key(true, "type");
                j.str("button");
                j.key(false, "id");
                j.str(id);
                j.key(false, "label");
                j.str(label);
                j.key(false, "pressed");
                j.0.push_str(match pressed {
                    Some(true) => "true",
                    Some(false) => "false",
                    None => "null",
                });
                j.key(false, "hidden");
                j.0.push_str(if *hidden { "true" } else { "false" });
                j.key(false, "action");
                j.str(action);
            }
            Control::Search {
                label,
                placeholder,
                button,
                status,
            } => {
                j.key(true, "type");
                j.str("search");
                j.key(false, "label");
                j.str(label);
                j.key(false, "placeholder");
                j.str(placeholder);
                j.key(false, "button");
                j.str(button);
                j.key(false, "status");
                j.str(status);
            }
        }
        j.0.push('}');
    });
    j.0
}
