//! The endpoints that need data or a second policy: the rulings (shown as
//! the HTML report, the same file `kaohe eval --format html` writes),
//! downloads of every report format and of the data template, and the
//! difference between two policies with the units whose results move.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::{Value, json};

use super::api::refused;
use super::json::{Refusal, blocking, data_findings, finding, lang_of, refusal};
use super::workspace::Workspace;
use crate::data::DataFile;
use crate::driver::{self, Failure};
use crate::i18n::Lang;
use crate::report::Format;
use crate::report::run::{Output, write_rulings};
use crate::source::SourceFile;

/// Data: a workspace path, or files uploaded (base64).
#[derive(Debug, Deserialize)]
pub struct DataSpec {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    files: Vec<Upload>,
}

#[derive(Debug, Deserialize)]
pub struct Upload {
    name: String,
    base64: String,
}

#[derive(Debug, Deserialize)]
pub struct RunRequest {
    text: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    data: Option<DataSpec>,
    /// For `/api/report`: `html`, `xlsx`, `csv`, `json`, `md`, `text`.
    #[serde(default)]
    format: Option<String>,
}

fn load(ws: &Workspace, spec: &DataSpec, lang: Lang) -> Result<DataFile, Refusal> {
    let unreadable = |name: String, diags: Vec<crate::diag::Diag>| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({
                "error": "data",
                "message": match lang {
                    Lang::Zh => format!("数据「{name}」无法读取"),
                    Lang::En => format!("the data `{name}` cannot be read"),
                },
                "diagnostics": data_findings(&diags, lang),
            })),
        )
    };
    if let Some(path) = &spec.path {
        let real = ws.resolve(path).map_err(|r| refused(&r, lang))?;
        return DataFile::load(&real)
            .map(|d| d.named(path))
            .map_err(|(_, d)| unreadable(path.clone(), d));
    }
    let mut files = Vec::new();
    for f in &spec.files {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(f.base64.as_bytes())
            .map_err(|_| refusal(StatusCode::BAD_REQUEST, "base64", "bad base64"))?;
        files.push((f.name.clone(), bytes));
    }
    let name = files.first().map(|(n, _)| n.clone()).unwrap_or_default();
    DataFile::from_upload(files).map_err(|(_, d)| unreadable(name, d))
}

/// A failed run as the page shows it: the policy's findings or the data's.
fn failed(f: Failure, policy: &SourceFile, lang: Lang) -> Refusal {
    let (kind, body) = match f {
        Failure::Policy(d) => {
            let lines = crate::ide::lines::Lines::new(&policy.text);
            let found: Vec<_> = d
                .iter()
                .map(|x| finding(&lines, x, lang, Vec::new()))
                .collect();
            ("policy", json!(found))
        }
        Failure::Data(d) => ("data", json!(data_findings(&d, lang))),
        Failure::Output(e) => ("io", json!([{ "message": e.to_string() }])),
    };
    let message = match (kind, lang) {
        ("policy", Lang::Zh) => "办法有错误，改正后才能评估",
        ("policy", Lang::En) => "the policy has errors; fix them to evaluate",
        ("data", Lang::Zh) => "数据有问题，未作任何裁定",
        ("data", Lang::En) => "the data has problems; no ruling was made",
        (_, Lang::Zh) => "输出失败",
        (_, Lang::En) => "the output failed",
    };
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(json!({ "error": kind, "message": message, "diagnostics": body })),
    )
}

fn render(r: RunRequest, ws: &Workspace, format: Format) -> Result<(Vec<u8>, Vec<Value>), Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let spec = r.data.ok_or_else(|| {
        refusal(
            StatusCode::BAD_REQUEST,
            "no-data",
            lang.pick("请先选择或拖入数据文件", "choose or drop a data file first"),
        )
    })?;
    let data = load(ws, &spec, lang)?;
    let policy = SourceFile::new(r.name.unwrap_or_else(|| "policy.kh".into()), r.text);
    let mut out = Vec::new();
    let output = Output {
        format,
        lang,
        only: None,
    };
    let warnings = write_rulings(&policy, &data, output, &mut out, &crate::progress::Quiet)
        .map_err(|f| failed(f, &policy, lang))?;
    let lines = crate::ide::lines::Lines::new(&policy.text);
    let warnings = warnings
        .iter()
        .map(|d| json!(finding(&lines, d, lang, Vec::new())))
        .collect();
    Ok((out, warnings))
}

/// The rulings as the HTML report, for the page to show.
pub async fn eval(
    State(s): State<super::State>,
    Json(r): Json<RunRequest>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let ws = s.config.workspace.clone();
    let (html, warnings) =
        blocking(s.config.budget, lang, move || render(r, &ws, Format::Html)).await??;
    Ok(Json(json!({
        "html": String::from_utf8_lossy(&html),
        "warnings": warnings,
    })))
}

fn download(bytes: Vec<u8>, mime: &'static str, file: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response()
}

/// A report file to download.
pub async fn report(
    State(s): State<super::State>,
    Json(r): Json<RunRequest>,
) -> Result<Response, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let (format, mime, file) = match r.format.as_deref().unwrap_or("html") {
        "html" => (
            Format::Html,
            "text/html; charset=utf-8",
            "kaohe-report.html",
        ),
        "xlsx" => (
            Format::Xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "kaohe-report.xlsx",
        ),
        "csv" => (Format::Csv, "text/csv; charset=utf-8", "kaohe-report.csv"),
        "json" => (Format::Json, "application/json", "kaohe-report.json"),
        "md" => (
            Format::Md,
            "text/markdown; charset=utf-8",
            "kaohe-report.md",
        ),
        "text" => (
            Format::Text,
            "text/plain; charset=utf-8",
            "kaohe-report.txt",
        ),
        other => {
            return Err(refusal(
                StatusCode::BAD_REQUEST,
                "format",
                &format!("{}{other}", lang.pick("没有这种格式：", "no such format: ")),
            ));
        }
    };
    let ws = s.config.workspace.clone();
    let (bytes, _) = blocking(s.config.budget, lang, move || render(r, &ws, format)).await??;
    Ok(download(bytes, mime, file))
}

/// The data template (`kaohe template`) of the policy, as a workbook.
pub async fn template(
    State(s): State<super::State>,
    Json(r): Json<RunRequest>,
) -> Result<Response, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let bytes = blocking(s.config.budget, lang, move || {
        let policy = SourceFile::new(r.name.unwrap_or_else(|| "policy.kh".into()), r.text);
        let built = driver::build(&policy);
        let program = built.program().map_err(|f| failed(f, &policy, lang))?;
        let sheets = crate::template::workbook(program, lang, None)
            .map_err(|d| failed(Failure::Data(vec![d]), &policy, lang))?;
        crate::template::xlsx::write(&sheets)
            .map_err(|e| refusal(StatusCode::INTERNAL_SERVER_ERROR, "io", &e.to_string()))
    })
    .await??;
    Ok(download(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "kaohe-template.xlsx",
    ))
}

/// A policy for a diff: a workspace path, or the text in the editor.
#[derive(Debug, Deserialize)]
pub struct PolicySpec {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct DiffRequest {
    old: PolicySpec,
    new: PolicySpec,
    #[serde(default)]
    data: Option<DataSpec>,
    #[serde(default)]
    lang: Option<String>,
}

fn policy_of(ws: &Workspace, spec: &PolicySpec, lang: Lang) -> Result<SourceFile, Refusal> {
    match (&spec.path, &spec.text) {
        (_, Some(text)) => Ok(SourceFile::new(
            spec.path.clone().unwrap_or_else(|| "policy.kh".into()),
            text.clone(),
        )),
        (Some(path), None) => {
            let (text, _) = ws.read(path).map_err(|r| refused(&r, lang))?;
            Ok(SourceFile::new(path.clone(), text))
        }
        (None, None) => Err(refusal(
            StatusCode::BAD_REQUEST,
            "no-policy",
            lang.pick("请选择两份办法", "choose two policies"),
        )),
    }
}

/// What changed between two policies (by meaning, with clauses), and with
/// data the units whose results move.
pub async fn diff(
    State(s): State<super::State>,
    Json(r): Json<DiffRequest>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let ws = s.config.workspace.clone();
    blocking(s.config.budget, lang, move || {
        let old = policy_of(&ws, &r.old, lang)?;
        let new = policy_of(&ws, &r.new, lang)?;
        let data = r.data.as_ref().map(|d| load(&ws, d, lang)).transpose()?;
        let (ob, nb) = (driver::build(&old), driver::build(&new));
        let po = ob.program().map_err(|f| failed(f, &old, lang))?;
        let pn = nb.program().map_err(|f| failed(f, &new, lang))?;
        let o = crate::diff::Side {
            p: po,
            ast: &ob.policy,
            file: &old,
        };
        let n = crate::diff::Side {
            p: pn,
            ast: &nb.policy,
            file: &new,
        };
        let made =
            crate::diff::diff(o, n, data.as_ref(), lang).map_err(|f| failed(f, &new, lang))?;
        Ok(Json(json!({
            "text": crate::diff::render::text(&made, lang),
            "empty": made.is_empty(),
            "diff": made,
        })))
    })
    .await?
}
