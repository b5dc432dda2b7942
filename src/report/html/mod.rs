//! Rulings as one self-contained HTML file: the stylesheet and the chart are
//! inline and nothing is fetched (no fonts, scripts or images from anywhere),
//! so the file can be mailed, archived and opened offline. Sections: title and
//! provenance, ranking table, chart of totals, award/outcome/grade lists,
//! assumptions, then each unit explained, one printed A4 page onwards each.

mod chart;
mod unit;

use std::io::Write;

use super::doc::{self, Cell};
use super::lists::{self, NamedList};
use super::summary::Summary;
use super::view::UnitView;
use super::{Context, WriteError};
use crate::i18n::Lang;
use crate::i18n::words::{Words, words};

const STYLE: &str = include_str!("style.css");

/// Text escaped for HTML content and for quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// ` <span class="clause">【四(一)】</span>`, or nothing.
fn clause(c: Option<&str>) -> String {
    match c {
        Some(c) => format!(
            " <span class=\"clause\">{}</span>",
            esc(&doc::bracket(Some(c)))
        ),
        None => String::new(),
    }
}

/// Two passes over the units: the table, chart and lists need every unit's
/// item scores before the first explanation, and only the small summaries are
/// kept; each explanation is made again when it is written.
pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let w = words(ctx.lang);
    let summaries = doc::summaries(ctx)?;
    let mut s = head(ctx, w);
    if ctx.only.is_none() {
        s.push_str(&ranking(ctx, w, &summaries));
        s.push_str(&chart::section(w, &summaries));
        s.push_str(&decision_lists(ctx, w, &summaries));
        s.push_str(&assumptions(ctx, w));
        s.push_str(&format!(
            "<h2 id=\"explanations\">{}</h2>\n",
            esc(w.explanations)
        ));
    }
    out.write_all(s.as_bytes())?;
    for (number, (u, summary)) in ctx.units().zip(&summaries).enumerate() {
        let ruling = ctx.ruling(u)?;
        let view = UnitView::of(ctx, &ruling);
        out.write_all(unit::article(ctx, w, number, summary, &view).as_bytes())?;
    }
    out.write_all(b"</main>\n</body>\n</html>\n")?;
    Ok(())
}

fn head(ctx: &Context<'_, '_>, w: &Words) -> String {
    let lang = match ctx.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let title = doc::title(ctx, w);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"kaohe\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n<main>\n<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n\
         <dl class=\"hashes\">\n<dt>{}</dt><dd><code>{}</code></dd>\n<dt>{}</dt><dd><code>{}</code></dd>\n</dl>\n\
         </header>\n",
        esc(&title),
        esc(&ctx.p.title),
        esc(&doc::meta_line(ctx, w)),
        esc(w.policy_hash),
        esc(&ctx.run.policy_sha256),
        esc(w.data_hash),
        esc(&ctx.run.data_sha256),
    )
}

/// A table row of cells; `th` for the header.
fn row(cells: &[Cell], tag: &str) -> String {
    let mut s = String::from("<tr>");
    for c in cells {
        let class = if c.num { " class=\"num\"" } else { "" };
        s.push_str(&format!("<{tag}{class}>{}</{tag}>", esc(&c.text)));
    }
    s.push_str("</tr>\n");
    s
}

fn ranking(ctx: &Context<'_, '_>, w: &Words, summaries: &[Summary]) -> String {
    let mut s = format!(
        "<section id=\"ranking\">\n<h2>{}</h2>\n<table class=\"ranking\">\n<thead>\n{}</thead>\n<tbody>\n",
        esc(w.ranking),
        row(&doc::ranking_header(ctx, w), "th")
    );
    for summary in summaries {
        let cells = doc::ranking_row(ctx, w, summary);
        let line = row(&cells, "td");
        if summary.vetoed {
            s.push_str(&line.replacen("<tr>", "<tr class=\"vetoed\">", 1));
        } else {
            s.push_str(&line);
        }
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
    s
}

fn named_lists(w: &Words, heading: &str, lists: &[NamedList]) -> String {
    if lists.is_empty() {
        return String::new();
    }
    let mut s = format!("<h3>{}</h3>\n<ul class=\"lists\">\n", esc(heading));
    for l in lists {
        let units = if l.units.is_empty() {
            w.none.to_string()
        } else {
            l.units.join(w.list_sep)
        };
        s.push_str(&format!(
            "<li><b>{}</b>{}{}{}",
            esc(&l.title),
            clause(l.clause.as_deref()),
            esc(w.colon),
            esc(&units)
        ));
        if !l.pending.is_empty() {
            s.push_str(&format!(
                "<br><span class=\"pending\">{}{}{}</span>",
                esc(w.pending),
                esc(w.colon),
                esc(&l.pending.join(w.list_sep))
            ));
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");
    s
}

fn decision_lists(ctx: &Context<'_, '_>, w: &Words, summaries: &[Summary]) -> String {
    let mut s = format!("<section id=\"lists\">\n<h2>{}</h2>\n", esc(w.decisions));
    s.push_str(&named_lists(
        w,
        w.award_lists,
        &lists::awards(ctx, w, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.outcome_lists,
        &lists::outcomes(ctx, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.grade_lists,
        &lists::grades(ctx, w, summaries),
    ));
    s.push_str(&named_lists(
        w,
        w.payout_lists,
        &super::payouts::lists(ctx, w),
    ));
    s.push_str("</section>\n");
    s
}

fn assumptions(ctx: &Context<'_, '_>, w: &Words) -> String {
    let all = doc::assumptions(ctx);
    if all.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "<section id=\"assumptions\">\n<h2>{}</h2>\n<ul>\n",
        esc(w.assumptions)
    );
    for a in &all {
        s.push_str(&format!(
            "<li>{}<code>{}</code><br>{}</li>\n",
            clause(a.clause.as_deref()).trim_start(),
            esc(&a.statement),
            esc(&a.text)
        ));
    }
    s.push_str("</ul>\n</section>\n");
    s
}
