//! One unit's explanation as an `<article>`: what the text report says about
//! the unit, laid out as tables. Printing starts each article on a new page.

use super::{clause, esc};
use crate::i18n::words::Words;
use crate::report::Context;
use crate::report::dec;
use crate::report::doc;
use crate::report::summary::{Summary, grade_name};
use crate::report::view::{Cited, UnitView};

/// The parts of a cited explanation, each followed by its clause.
fn cited(parts: &[Cited], sep: &str) -> String {
    parts
        .iter()
        .map(|c| format!("{}{}", esc(&c.text), clause(c.clause.as_deref())))
        .collect::<Vec<_>>()
        .join(&esc(sep))
}

pub fn article(
    ctx: &Context<'_, '_>,
    w: &Words,
    number: usize,
    s: &Summary,
    v: &UnitView,
) -> String {
    let vetoed = if s.vetoed { " vetoed" } else { "" };
    let mut out = format!(
        "<article class=\"unit{vetoed}\" id=\"unit-{}\">\n<h3>{}<span class=\"group\">{}</span></h3>\n<p class=\"total\">{}</p>\n",
        number + 1,
        esc(&s.name),
        esc(&format!("{}{}{}", w.open, s.group, w.close)),
        esc(&doc::total_line(w, s))
    );
    if !ctx.p.tiers.is_empty() {
        let grade = grade_name(ctx, w, s.grade).unwrap_or_else(|| w.no_grade.to_string());
        out.push_str(&format!(
            "<p class=\"grade\">{} {}</p>\n",
            esc(w.grade),
            esc(&grade)
        ));
    }
    out.push_str(&items(w, v));
    out.push_str(&events(w, v));
    out.push_str(&caps(w, v));
    if !v.vetoes.is_empty() {
        out.push_str(&format!("<h4>{}</h4>\n<ul>\n", esc(w.veto)));
        for x in &v.vetoes {
            out.push_str(&format!(
                "<li>{}</li>\n",
                cited(std::slice::from_ref(x), "")
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&awards(w, v));
    out.push_str(&outcomes(w, v));
    out.push_str(&payouts(w, v));
    out.push_str("</article>\n");
    out
}

fn items(w: &Words, v: &UnitView) -> String {
    let mut s = format!(
        "<h4>{}</h4>\n<table class=\"items\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(w.items),
        esc(w.item_row),
        esc(w.score_of_max),
        esc(w.clause),
        esc(w.why)
    );
    for i in &v.items {
        let mut note = i.note.as_deref().map(esc).unwrap_or_default();
        if let Some(c) = &i.cleared {
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(&format!(
                "<span class=\"cleared\">{}</span>",
                cited(std::slice::from_ref(c), "")
            ));
        }
        out_row(
            &mut s,
            &format!("depth-{}", i.depth.min(3)),
            &[
                esc(&i.name),
                format!("{} / {}", dec(i.contribution), dec(i.max)),
                clause(i.clause.as_deref()).trim_start().to_string(),
                note,
            ],
        );
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// Appends `<tr class=…>` with cells already escaped; the second cell is a number.
fn out_row(s: &mut String, class: &str, cells: &[String]) {
    s.push_str(&format!("<tr class=\"{class}\">"));
    for (i, c) in cells.iter().enumerate() {
        if i == 1 {
            s.push_str(&format!("<td class=\"num\">{c}</td>"));
        } else {
            s.push_str(&format!("<td>{c}</td>"));
        }
    }
    s.push_str("</tr>\n");
}

fn events(w: &Words, v: &UnitView) -> String {
    let mut s = format!("<h4>{}</h4>\n", esc(w.events));
    if v.events.is_empty() {
        s.push_str(&format!("<p class=\"none\">{}</p>\n", esc(w.no_events)));
        return s;
    }
    s.push_str(&format!(
        "<table class=\"events\">\n<thead><tr><th class=\"num\">#</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(w.what),
        esc(w.counted),
        esc(w.why)
    ));
    for e in &v.events {
        let mut what = esc(&e.what);
        if let Some(rule) = &e.rule {
            what.push_str(&format!(
                "<div class=\"rule\">{}{}{}</div>",
                esc(w.rule),
                esc(w.colon),
                esc(rule)
            ));
        }
        let (class, counted) = if e.counted {
            ("counted", w.counted)
        } else {
            ("skipped", w.not_counted)
        };
        s.push_str(&format!(
            "<tr class=\"{class}\"><td class=\"num\">{}</td><td>{what}</td><td>{}</td><td>{}</td></tr>\n",
            e.number,
            esc(counted),
            cited(&e.effects, w.semicolon)
        ));
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

fn caps(w: &Words, v: &UnitView) -> String {
    if v.caps.is_empty() {
        return String::new();
    }
    let mut s = format!("<h4>{}</h4>\n<ul>\n", esc(w.caps));
    for c in &v.caps {
        s.push_str(&format!(
            "<li>{}{}{} {} → {}</li>\n",
            cited(std::slice::from_ref(&c.what), ""),
            esc(w.colon),
            esc(w.capped),
            dec(c.from),
            dec(c.to)
        ));
    }
    s.push_str("</ul>\n");
    s
}

fn awards(w: &Words, v: &UnitView) -> String {
    if v.awards.is_empty() {
        return String::new();
    }
    let mut s = format!("<h4>{}</h4>\n<ul>\n", esc(w.awards));
    for a in &v.awards {
        let class = match (a.pending, a.eligible) {
            (true, _) => "pending",
            (false, true) => "eligible",
            (false, false) => "not-eligible",
        };
        s.push_str(&format!(
            "<li class=\"{class}\"><b>{}</b>{}{}",
            esc(&a.name),
            esc(w.colon),
            esc(&a.status)
        ));
        if !a.reasons.is_empty() {
            s.push_str(&format!(
                "{}{}",
                esc(w.dash),
                cited(&a.reasons, w.semicolon)
            ));
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");
    s
}

fn outcomes(w: &Words, v: &UnitView) -> String {
    if v.outcomes.is_empty() {
        return String::new();
    }
    let mut s = format!("<h4>{}</h4>\n<ul>\n", esc(w.outcomes));
    for o in &v.outcomes {
        let class = match (o.pending, o.flagged) {
            (true, _) => "pending",
            (false, true) => "flagged",
            (false, false) => "clear",
        };
        s.push_str(&format!(
            "<li class=\"{class}\"><b>{}</b>{}{}",
            esc(&o.name),
            esc(w.colon),
            esc(o.answer)
        ));
        if o.flagged {
            s.push_str(&format!("{}<code>{}</code>", esc(w.dash), esc(&o.rule)));
            s.push_str(&clause(o.clause.as_deref()));
            if let Some(a) = &o.assumption {
                s.push_str(&esc(&format!(
                    "{}{}{}{a}{}",
                    w.open, w.assume, w.colon, w.close
                )));
            }
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");
    s
}

/// `兑现`: each line due, then what the unit is paid by amount.
fn payouts(w: &Words, v: &UnitView) -> String {
    if v.payouts.is_empty() {
        return String::new();
    }
    let mut s = format!("<h4>{}</h4>\n<ul>\n", esc(w.payouts));
    for l in &v.payouts {
        s.push_str(&format!(
            "<li>{}</li>\n",
            cited(std::slice::from_ref(l), "")
        ));
    }
    if !v.payout_sums.is_empty() {
        s.push_str(&format!(
            "<li><b>{}</b>{}{}</li>\n",
            esc(w.total_word),
            esc(w.colon),
            esc(&v.payout_sums.join(w.list_sep))
        ));
    }
    s.push_str("</ul>\n");
    s
}
