//! The shapes the page reads: findings with UTF-16 offsets (JavaScript's
//! string positions), refusals, and the language a request asks for. Also
//! [`blocking`], which runs a check or an evaluation off the async threads
//! within the time budget.

use axum::Json;
use axum::http::StatusCode;
use serde::Serialize;
use serde_json::{Value, json};

use crate::diag::{Diag, label_text};
use crate::i18n::Lang;
use crate::ide::Analysis;
use crate::ide::lines::Lines;

/// An error the page shows: a status, a stable word, a message.
pub type Refusal = (StatusCode, Json<Value>);

pub fn refusal(status: StatusCode, code: &str, message: &str) -> Refusal {
    (status, Json(json!({ "error": code, "message": message })))
}

pub fn lang_of(v: Option<&str>) -> Lang {
    match v {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// A replacement, in UTF-16 offsets.
#[derive(Debug, Serialize)]
pub struct Edit {
    pub from: usize,
    pub to: usize,
    pub text: String,
}

/// A finding of a policy text, placed by UTF-16 offsets (and line and
/// column, 1-based, for people), with its one-click fixes.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub from: usize,
    pub to: usize,
    pub line: u32,
    pub column: u32,
    pub labels: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub witness: Option<Value>,
    pub fixes: Vec<Value>,
}

pub fn edit(lines: &Lines, e: &crate::ide::TextEdit) -> Edit {
    Edit {
        from: lines.utf16(e.span.start),
        to: lines.utf16(e.span.end),
        text: e.text.clone(),
    }
}

/// Every finding of an analysed text, with the quick fixes for each.
pub fn findings(a: &Analysis, lang: Lang) -> Vec<Finding> {
    let lines = &a.lines;
    a.built
        .diags
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let fixes = a
                .quick_fixes(d.span, lang)
                .into_iter()
                .filter(|f| f.fixes == Some(i))
                .map(|f| {
                    let edits: Vec<Edit> = f.edits.iter().map(|e| edit(lines, e)).collect();
                    json!({ "title": f.title, "edits": edits })
                })
                .collect();
            finding(lines, d, lang, fixes)
        })
        .collect()
}

pub fn finding(lines: &Lines, d: &Diag, lang: Lang, fixes: Vec<Value>) -> Finding {
    let p = lines.position(d.span.start);
    Finding {
        code: d.code().as_str(),
        severity: d.severity().as_str(),
        message: d.text(lang),
        help: d.help(lang),
        from: lines.utf16(d.span.start),
        to: lines.utf16(d.span.end),
        line: p.line + 1,
        column: p.column + 1,
        labels: d
            .labels
            .iter()
            .map(|l| {
                json!({
                    "from": lines.utf16(l.span.start),
                    "to": lines.utf16(l.span.end),
                    "message": label_text(&l.text, lang),
                })
            })
            .collect(),
        witness: d.witness.clone(),
        fixes,
    }
}

/// Findings about data (KH7xx): placed by their message (`得分!C3`, a data
/// path), no offsets into the policy.
pub fn data_findings(diags: &[Diag], lang: Lang) -> Vec<Value> {
    diags
        .iter()
        .map(|d| {
            json!({
                "code": d.code().as_str(),
                "severity": d.severity().as_str(),
                "message": d.text(lang),
                "help": d.help(lang),
            })
        })
        .collect()
}

/// Runs `f` on a blocking thread, refusing after `budget`.
pub async fn blocking<T: Send + 'static>(
    budget: std::time::Duration,
    lang: Lang,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Refusal> {
    match tokio::time::timeout(budget, tokio::task::spawn_blocking(f)).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(_)) => Err(refusal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            lang.pick(
                "kaohe 内部出错，此次请求未完成",
                "kaohe failed inside; the request was not done",
            ),
        )),
        Err(_) => Err(refusal(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            &match lang {
                Lang::Zh => format!("超过 {} 秒仍未完成，已放弃", budget.as_secs()),
                Lang::En => format!("not done within {} s; given up", budget.as_secs()),
            },
        )),
    }
}
