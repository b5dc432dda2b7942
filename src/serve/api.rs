//! The policy's endpoints: the workspace's files, one file, check (findings
//! with fixes, tokens, outline), format, examples, save.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json::{Refusal, blocking, finding, findings, lang_of, refusal};
use super::workspace::Refused;
use crate::i18n::Lang;
use crate::ide::Analysis;
use crate::ide::tokens::Class;

/// A policy text sent by the page.
#[derive(Debug, Deserialize)]
pub struct Text {
    pub text: String,
    /// The file's name for findings (`2019.kh`).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
}

pub async fn files(State(s): State<super::State>) -> Json<Value> {
    let ws = s.config.workspace.clone();
    let listing = tokio::task::spawn_blocking(move || ws.list())
        .await
        .unwrap_or_default();
    Json(json!(listing))
}

#[derive(Debug, Deserialize)]
pub struct PathQuery {
    path: String,
    #[serde(default)]
    lang: Option<String>,
}

pub async fn file(
    State(s): State<super::State>,
    Query(q): Query<PathQuery>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(q.lang.as_deref());
    let ws = s.config.workspace.clone();
    let path = q.path.clone();
    let read = tokio::task::spawn_blocking(move || ws.read(&path))
        .await
        .map_err(|_| refused(&Refused::Io(String::new()), lang))?;
    let (text, version) = read.map_err(|r| refused(&r, lang))?;
    Ok(Json(
        json!({ "path": q.path, "text": text, "version": version }),
    ))
}

/// A refusal of the workspace, said.
pub fn refused(r: &Refused, lang: Lang) -> Refusal {
    match r {
        Refused::Outside(p) => refusal(
            StatusCode::FORBIDDEN,
            "outside",
            &match lang {
                Lang::Zh => {
                    format!("「{p}」不在工作目录中（不能用绝对路径、`..` 或指向外面的链接）")
                }
                Lang::En => format!(
                    "`{p}` is not inside the workspace (no absolute path, `..` or link out)"
                ),
            },
        ),
        Refused::NotFound(p) => refusal(
            StatusCode::NOT_FOUND,
            "not-found",
            &match lang {
                Lang::Zh => format!("工作目录中没有「{p}」"),
                Lang::En => format!("`{p}` is not in the workspace"),
            },
        ),
        Refused::Changed { path, version } => (
            StatusCode::CONFLICT,
            Json(json!({
                "error": "changed",
                "version": version,
                "message": match lang {
                    Lang::Zh => format!("「{path}」在打开之后已被修改（可能是别的程序或另一个标签页）；未保存，页面中的文字保留着。请另存，或重新打开后再改"),
                    Lang::En => format!("`{path}` changed on disk since it was opened (another program or tab); not saved, your text is kept in the page. Save it elsewhere, or reopen and edit again"),
                },
            })),
        ),
        Refused::Io(why) => refusal(StatusCode::INTERNAL_SERVER_ERROR, "io", why),
    }
}

fn class_name(c: Class) -> Option<String> {
    Some(match c {
        Class::Keyword(_) => "kw".into(),
        Class::Number => "num".into(),
        Class::String => "str".into(),
        Class::Citation => "cite".into(),
        Class::Comment => "comment".into(),
        Class::Operator => "op".into(),
        Class::Name(Some(sort)) => format!("name {}", format!("{sort:?}").to_lowercase()),
        Class::Name(None) => "name".into(),
        Class::Punct => return None,
    })
}

/// The check the editor runs as the drafter types: findings with fixes,
/// the tokens to colour, the outline's top entries.
pub async fn check(
    State(s): State<super::State>,
    Json(t): Json<Text>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(t.lang.as_deref());
    blocking(s.config.budget, lang, move || {
        let a = Analysis::new(t.name.as_deref().unwrap_or("policy.kh"), &t.text);
        let tokens: Vec<Value> = a
            .tokens()
            .into_iter()
            .filter_map(|tok| {
                let class = class_name(tok.class)?;
                Some(json!([
                    a.lines.utf16(tok.span.start),
                    a.lines.utf16(tok.span.end),
                    class
                ]))
            })
            .collect();
        let outline: Vec<Value> = a
            .outline()
            .into_iter()
            .map(|o| json!({ "name": o.name, "from": a.lines.utf16(o.span.start) }))
            .collect();
        Json(json!({
            "diagnostics": findings(&a, lang),
            "tokens": tokens,
            "outline": outline,
            "errors": a.built.diags.iter().filter(|d| d.is_error()).count(),
        }))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct FmtRequest {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    /// The keywords' language: `zh`, `en`, or the file's own.
    #[serde(default)]
    keywords: Option<String>,
}

pub async fn fmt(
    State(s): State<super::State>,
    Json(r): Json<FmtRequest>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    let to = r.keywords.as_deref().map(|k| lang_of(Some(k)));
    blocking(s.config.budget, lang, move || {
        let file = crate::source::SourceFile::new("policy.kh", r.text);
        match crate::format::format(&file, to) {
            Ok(text) => Ok(Json(json!({ "text": text }))),
            Err(diags) => {
                let lines = crate::ide::lines::Lines::new(&file.text);
                let found: Vec<_> = diags.iter().map(|d| finding(&lines, d, lang, Vec::new())).collect();
                Err((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(json!({
                        "error": "syntax",
                        "message": lang.pick("办法有语法错误，改正后才能排版", "the policy has syntax errors; fix them to format it"),
                        "diagnostics": found,
                    })),
                ))
            }
        }
    })
    .await?
}

/// The policy's `示例`s, each passed or failed with what differed.
pub async fn test(
    State(s): State<super::State>,
    Json(t): Json<Text>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(t.lang.as_deref());
    blocking(s.config.budget, lang, move || {
        let a = Analysis::new(t.name.as_deref().unwrap_or("policy.kh"), &t.text);
        let Some(program) = &a.built.program else {
            return Json(json!({
                "error": "policy",
                "message": lang.pick("办法有错误，改正后才能运行示例", "the policy has errors; fix them to run the examples"),
                "examples": [],
            }));
        };
        let runs: Vec<Value> = crate::examples::run_examples(&a.built.policy, program)
            .into_iter()
            .map(|run| {
                let p = a.lines.position(run.span.start);
                json!({
                    "title": run.title,
                    "passed": run.passed(),
                    "checked": run.checked,
                    "line": p.line + 1,
                    "from": a.lines.utf16(run.span.start),
                    "differences": run.diags.iter().map(|d| finding(&a.lines, d, lang, Vec::new())).collect::<Vec<_>>(),
                })
            })
            .collect();
        Json(json!({ "examples": runs }))
    })
    .await
}

#[derive(Debug, Deserialize)]
pub struct SaveRequest {
    path: String,
    text: String,
    /// The version the page opened; absent for a new file.
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// Saves atomically, refusing when the file changed since it was opened.
pub async fn save(
    State(s): State<super::State>,
    Json(r): Json<SaveRequest>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    if !r.path.to_lowercase().ends_with(".kh") {
        return Err(refusal(
            StatusCode::FORBIDDEN,
            "not-a-policy",
            lang.pick(
                "只能保存 .kh 考核办法文件",
                "only .kh policy files are saved",
            ),
        ));
    }
    let _one_at_a_time = s.saving.lock().await;
    let ws = s.config.workspace.clone();
    let saved =
        tokio::task::spawn_blocking(move || ws.save(&r.path, &r.text, r.version.as_deref()))
            .await
            .map_err(|_| refused(&Refused::Io(String::new()), lang))?;
    let version = saved.map_err(|e| refused(&e, lang))?;
    Ok(Json(json!({ "version": version })))
}

#[derive(Debug, Deserialize)]
pub struct CodeQuery {
    code: String,
    #[serde(default)]
    lang: Option<String>,
}

/// A code's explanation, as `kaohe codes KHxxx` prints it (Markdown).
pub async fn code(Query(q): Query<CodeQuery>) -> Result<Json<Value>, Refusal> {
    use crate::diag::catalogue;
    let lang = lang_of(q.lang.as_deref());
    let doc = lang.pick(catalogue::ZH, catalogue::EN);
    crate::diag::Code::parse(&q.code)
        .and_then(|c| catalogue::section(doc, c))
        .map(|text| Json(json!({ "code": q.code, "text": text })))
        .ok_or_else(|| {
            refusal(
                StatusCode::NOT_FOUND,
                "no-code",
                &format!("{}{}", lang.pick("没有代码 ", "no code "), q.code),
            )
        })
}

#[derive(Debug, Deserialize)]
pub struct AtRequest {
    text: String,
    /// A UTF-16 offset into `text` (JavaScript's caret position).
    at: usize,
    #[serde(default)]
    lang: Option<String>,
}

/// What is at the caret: the hover text the language server gives there,
/// and where the name is declared (a UTF-16 offset).
pub async fn at(
    State(s): State<super::State>,
    Json(r): Json<AtRequest>,
) -> Result<Json<Value>, Refusal> {
    let lang = lang_of(r.lang.as_deref());
    blocking(s.config.budget, lang, move || {
        let a = Analysis::new("policy.kh", &r.text);
        let offset = a.lines.from_utf16(r.at);
        let hover = a.hover(offset, lang).map(|h| h.markdown);
        let definition = a.definition(offset).map(|d| a.lines.utf16(d.start));
        Json(json!({ "hover": hover, "definition": definition }))
    })
    .await
}
