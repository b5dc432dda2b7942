//! The chart of totals: inline SVG, one horizontal bar per unit in ranking
//! order, labelled with the unit's name and total; vetoed units hatched and
//! marked in words (the mark must survive black-and-white printing).
//!
//! Coordinates are computed in decimals and rounded to 0.1 px, so the same
//! totals always give the same bytes.

use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

use super::esc;
use crate::i18n::words::Words;
use crate::report::dec;
use crate::report::summary::Summary;

const WIDTH: i64 = 760;
const ROW: i64 = 26;
const BAR: i64 = 18;
const TOP: i64 = 6;
/// Pixels per display column of a label at 13 px (a CJK character is two columns).
const PER_COLUMN: i64 = 7;
/// Room right of the longest bar for its value and the veto mark.
const VALUE_ROOM: i64 = 130;

pub fn section(w: &Words, units: &[Summary]) -> String {
    format!(
        "<section id=\"chart\">\n<h2>{}</h2>\n{}</section>\n",
        esc(w.chart),
        svg(w, units)
    )
}

/// `a * b / c` in decimals, rounded to 0.1; 0 if it cannot be computed.
fn scale(a: Decimal, b: Decimal, c: Decimal) -> Decimal {
    a.checked_mul(b)
        .and_then(|x| x.checked_div(c))
        .map(|x| x.round_dp(1))
        .unwrap_or_default()
}

fn px(d: Decimal) -> String {
    dec(d)
}

pub fn svg(w: &Words, units: &[Summary]) -> String {
    let label_cols = units
        .iter()
        .map(|u| UnicodeWidthStr::width(u.name.as_str()))
        .max()
        .unwrap_or(0);
    let label = i64::try_from(label_cols)
        .unwrap_or(0)
        .saturating_mul(PER_COLUMN)
        .clamp(60, 320)
        + 12;
    let area = Decimal::from(WIDTH - label - VALUE_ROOM);
    let zero = Decimal::ZERO;
    let lo = units.iter().map(|u| u.total).fold(zero, Decimal::min);
    let hi = units.iter().map(|u| u.total).fold(zero, Decimal::max);
    let span = match hi.checked_sub(lo) {
        Some(s) if !s.is_zero() => s,
        _ => Decimal::ONE,
    };
    // Pixels: geometry, not rulings, so rounding is fine; nothing can overflow.
    let x = |v: Decimal| {
        Decimal::from(label).saturating_add(scale(v.checked_sub(lo).unwrap_or(zero), area, span))
    };
    let x0 = x(zero);
    let n = i64::try_from(units.len()).unwrap_or(0);
    let height = TOP * 2 + n.saturating_mul(ROW);
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{}\">\n\
         <defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"2\"/></pattern></defs>\n",
        esc(w.chart)
    );
    for (i, u) in (0i64..).zip(units) {
        let y = TOP + i * ROW;
        let xv = x(u.total);
        let (left, right) = if xv < x0 { (xv, x0) } else { (x0, xv) };
        let width = right.saturating_sub(left);
        let class = if u.vetoed { "bar vetoed" } else { "bar" };
        let mut value = dec(u.total);
        if u.vetoed {
            value.push_str(&format!("{}{}{}", w.open, w.vetoed, w.close));
        }
        s.push_str(&format!(
            "<g class=\"{class}\"><title>{name} {value}</title>\
             <text class=\"name\" x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>\
             <rect x=\"{bx}\" y=\"{y}\" width=\"{bw}\" height=\"{BAR}\"/>\
             <text class=\"value\" x=\"{vx}\" y=\"{ty}\">{value}</text></g>\n",
            name = esc(&u.name),
            value = esc(&value),
            lx = label - 8,
            ty = y + BAR - 4,
            bx = px(left),
            bw = px(width),
            vx = px(right.saturating_add(Decimal::from(6))),
        ));
    }
    s.push_str(&format!(
        "<line class=\"axis\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\"/>\n</svg>\n",
        x = px(x0)
    ));
    s
}
