//! KH601: the counting window (`期间`) and the years excluded by `除外 已计年度`.

use crate::ast::HeaderStmt;
use crate::calendar::Date;
use crate::diag::{Diag, Message};
use crate::resolve::Symbols;

pub fn check(syms: &Symbols<'_>) -> Vec<Diag> {
    let mut diags = Vec::new();
    let Some(header) = &syms.header else {
        return diags;
    };
    let Some(year) = header.year else {
        return diags;
    };
    for stmt in &header.decl.stmts {
        match &stmt.node {
            HeaderStmt::Window { .. } => {
                if let Some((from, to)) = header.window {
                    diags.extend(window(from, to, year).map(|m| Diag::new(m, stmt.span)));
                }
            }
            HeaderStmt::SkipCreditedIn(n) => {
                let skip = i32::try_from(n.value).unwrap_or(i32::MAX);
                if skip >= year {
                    diags.push(Diag::new(Message::SkipYearNotBefore { skip, year }, n.span));
                }
            }
            _ => {}
        }
    }
    diags
}

fn window(from: Date, to: Date, year: i32) -> Option<Message> {
    let (first, last) = (Date::first_of_year(year), Date::last_of_year(year));
    let (f, t) = (from.to_string(), to.to_string());
    if from > to {
        Some(Message::WindowInverted { from: f, to: t })
    } else if to < first || from > last {
        Some(Message::WindowOutsideYear {
            from: f,
            to: t,
            year,
        })
    } else if from < first || to > last {
        Some(Message::WindowPartlyOutside {
            from: f,
            to: t,
            year,
        })
    } else {
        None
    }
}
