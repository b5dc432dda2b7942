#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! The workbench's HTTP API (`kaohe serve`), request by request through the
//! router (tower's `oneshot`): every endpoint, path-escape attempts, a wrong
//! Host or Origin, oversize bodies, a policy changed on disk, concurrent
//! saves. The page itself is driven in Chromium by `tests/serve_browser.rs`.

mod common;

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use common::{TempDir, root};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4810";

/// A workspace with the shipped policies and samples.
fn workspace(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    for entry in std::fs::read_dir(root().join("policies")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

fn app(dir: &Path) -> axum::Router {
    let config = kaohe::serve::Config::new(dir, HOST.parse().unwrap()).unwrap();
    kaohe::serve::router(config)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn send(app: &axum::Router, request: Request<Body>) -> Answer {
    let r = app.clone().oneshot(request).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let body = r.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &axum::Router, uri: &str) -> Answer {
    let request = Request::get(uri)
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

async fn post(app: &axum::Router, uri: &str, body: Value) -> Answer {
    let request = Request::post(uri)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(app, request).await
}

fn policy() -> String {
    std::fs::read_to_string(root().join("policies/shaoxing-2019.kh")).unwrap()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let dir = workspace("serve-assets");
    let app = app(dir.path());
    for (uri, kind) in [
        ("/", "text/html"),
        ("/app.js", "javascript"),
        ("/app.css", "text/css"),
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(
            a.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains(kind)
        );
        let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{csp}");
    }
    let page = String::from_utf8(get(&app, "/").await.body).unwrap();
    assert!(page.contains("起草台") && !page.contains("http://") && !page.contains("https://"));
}

#[tokio::test]
async fn files_are_listed_and_read_with_a_version() {
    let dir = workspace("serve-files");
    let app = app(dir.path());
    let files = get(&app, "/api/files").await.json();
    let policies: Vec<&str> = files["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(policies.contains(&"shaoxing-2019.kh") && policies.contains(&"hohhot-safety-2004.kh"));
    assert!(
        files["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "shaoxing-2019.sample.json")
    );
    let file = get(&app, "/api/file?path=shaoxing-2019.kh").await.json();
    assert_eq!(file["text"].as_str().unwrap(), policy());
    assert_eq!(
        file["version"].as_str().unwrap(),
        kaohe::driver::sha256(&policy())
    );
}

#[tokio::test]
async fn no_path_leaves_the_workspace() {
    let dir = workspace("serve-escape");
    std::fs::write(dir.path().join("../kaohe-outside-secret.kh"), "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc", dir.path().join("etc-link")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("../kaohe-outside-secret.kh"),
        dir.path().join("link.kh"),
    )
    .unwrap();
    let app = app(dir.path());
    for path in [
        "../kaohe-outside-secret.kh",
        "/etc/passwd",
        "etc-link/passwd",
        "link.kh",
        "./../x.kh",
        "a/../../x.kh",
        "C:\\Windows\\win.ini",
        "",
    ] {
        let a = get(&app, &format!("/api/file?path={}", encode(path))).await;
        assert!(
            a.status == StatusCode::FORBIDDEN || a.status == StatusCode::NOT_FOUND,
            "{path}: {}",
            a.status
        );
        let saved = post(&app, "/api/save", json!({"path": path, "text": "x"})).await;
        assert_ne!(saved.status, StatusCode::OK, "{path}");
        let data = post(
            &app,
            "/api/eval",
            json!({"text": policy(), "data": {"path": path}}),
        )
        .await;
        assert_ne!(data.status, StatusCode::OK, "{path}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("../kaohe-outside-secret.kh")).unwrap(),
        "secret"
    );
    let files = get(&app, "/api/files").await.json();
    assert!(
        !files.to_string().contains("link"),
        "links out are not listed: {files}"
    );
    std::fs::remove_file(dir.path().join("../kaohe-outside-secret.kh")).unwrap();
}

#[tokio::test]
async fn another_host_or_origin_is_refused() {
    let dir = workspace("serve-origin");
    let app = app(dir.path());
    let rebinding = Request::get("/api/files")
        .header(header::HOST, "evil.example:4810")
        .body(Body::empty())
        .unwrap();
    let a = send(&app, rebinding).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.json()["error"], "host");
    let no_host = Request::get("/api/files").body(Body::empty()).unwrap();
    assert_eq!(send(&app, no_host).await.status, StatusCode::FORBIDDEN);
    let cross_site = Request::post("/api/save")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"path": "shaoxing-2019.kh", "text": "x"}).to_string(),
        ))
        .unwrap();
    let a = send(&app, cross_site).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.json()["error"], "origin");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("shaoxing-2019.kh")).unwrap(),
        policy()
    );
    // localhost spellings are the server's own.
    let local = Request::get("/api/files")
        .header(header::HOST, "localhost:4810")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, local).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_body_past_the_limit_is_refused_with_a_message() {
    let dir = workspace("serve-large");
    let app = app(dir.path());
    let declared = Request::post("/api/check")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, (65u64 << 20).to_string())
        .body(Body::empty())
        .unwrap();
    let a = send(&app, declared).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json()["message"].as_str().unwrap().contains("64 MB"));
    // Undeclared (streamed) bodies are cut at the limit as they are read.
    let big = format!("{{\"text\": \"{}\"}}", "x".repeat((64 << 20) + 10));
    let streamed = Request::post("/api/check")
        .header(header::HOST, HOST)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::new(Unsized(Some(bytes::Bytes::from(big)))))
        .unwrap();
    assert_eq!(
        send(&app, streamed).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

/// A body that does not say its length.
struct Unsized(Option<bytes::Bytes>);

impl http_body::Body for Unsized {
    type Data = bytes::Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<bytes::Bytes>, std::io::Error>>> {
        std::task::Poll::Ready(self.0.take().map(|b| Ok(http_body::Frame::data(b))))
    }
}

#[tokio::test]
async fn check_gives_findings_with_fixes_placed_in_utf16() {
    let dir = workspace("serve-check");
    let app = app(dir.path());
    let clean = post(&app, "/api/check", json!({"text": policy()}))
        .await
        .json();
    assert_eq!(clean["errors"], 0);
    let codes: Vec<&str> = clean["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["KH304", "KH504", "KH504"]);
    assert!(clean["diagnostics"][0]["witness"].is_object());
    assert!(clean["tokens"].as_array().unwrap().len() > 500);
    // A name past an astral character: offsets count it as two units.
    let bad = policy()
        .replacen("不含 办公室", "不含 中心办公室", 1)
        .replacen("// 绍兴", "// 𝒳 绍兴", 1);
    let found = post(&app, "/api/check", json!({"text": bad, "lang": "en"}))
        .await
        .json();
    let d = &found["diagnostics"][0];
    assert_eq!(d["code"], "KH201");
    assert!(d["message"].as_str().unwrap().contains("unknown"), "{d}");
    let units: Vec<u16> = bad.encode_utf16().collect();
    let (from, to) = (
        d["from"].as_u64().unwrap() as usize,
        d["to"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&units[from..to]).unwrap(), "中心办公室");
    let edit = &d["fixes"][0]["edits"][0];
    assert_eq!(edit["text"], "办公室");
    let mut fixed = units[..edit["from"].as_u64().unwrap() as usize].to_vec();
    fixed.extend("办公室".encode_utf16());
    fixed.extend(&units[edit["to"].as_u64().unwrap() as usize..]);
    let fixed = String::from_utf16(&fixed).unwrap();
    assert_eq!(fixed, policy().replacen("// 绍兴", "// 𝒳 绍兴", 1));
}

#[tokio::test]
async fn format_examples_and_codes() {
    let dir = workspace("serve-fmt");
    let app = app(dir.path());
    let en = post(
        &app,
        "/api/fmt",
        json!({"text": policy(), "keywords": "en"}),
    )
    .await
    .json();
    assert!(en["text"].as_str().unwrap().contains("\nbonus"));
    let zh = post(
        &app,
        "/api/fmt",
        json!({"text": en["text"], "keywords": "zh"}),
    )
    .await
    .json();
    assert_eq!(zh["text"].as_str().unwrap(), policy());
    let broken = post(&app, "/api/fmt", json!({"text": "加分 {"})).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!broken.json()["diagnostics"].as_array().unwrap().is_empty());

    let examples = post(&app, "/api/test", json!({"text": policy()}))
        .await
        .json();
    let runs = examples["examples"].as_array().unwrap();
    assert!(
        runs.len() >= 5 && runs.iter().all(|r| r["passed"] == true),
        "{examples}"
    );
    let wrong = policy().replacen("预期 总分 105, 加分 10", "预期 总分 104, 加分 10", 1);
    let examples = post(&app, "/api/test", json!({"text": wrong})).await.json();
    let failed: Vec<&Value> = examples["examples"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["passed"] == false)
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0]["differences"][0]["message"]
            .as_str()
            .unwrap()
            .contains("105")
    );

    let code = get(&app, "/api/code?code=KH201&lang=en").await.json();
    assert!(code["text"].as_str().unwrap().starts_with("## KH201"));
    assert_eq!(
        get(&app, "/api/code?code=KH999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn saves_are_atomic_and_refuse_a_file_changed_on_disk() {
    let dir = workspace("serve-save");
    let app = app(dir.path());
    let path = dir.path().join("shaoxing-2019.kh");
    let opened = get(&app, "/api/file?path=shaoxing-2019.kh").await.json();
    let v1 = opened["version"].as_str().unwrap().to_string();
    let edited = policy().replacen("年度 2019\n", "年度 2019 // 改\n", 1);
    let saved = post(
        &app,
        "/api/save",
        json!({"path": "shaoxing-2019.kh", "text": edited, "version": v1}),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK);
    let v2 = saved.json()["version"].as_str().unwrap().to_string();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    // Saving again from the first version: the file changed since.
    let stale = post(
        &app,
        "/api/save",
        json!({"path": "shaoxing-2019.kh", "text": "lost?", "version": v1}),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let body = stale.json();
    assert_eq!(body["error"], "changed");
    assert_eq!(body["version"], v2.as_str());
    assert!(body["message"].as_str().unwrap().contains("保留"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    // Another program writes it: refused too.
    std::fs::write(&path, "// 别人改的\n").unwrap();
    let other = post(
        &app,
        "/api/save",
        json!({"path": "shaoxing-2019.kh", "text": "mine", "version": v2}),
    )
    .await;
    assert_eq!(other.status, StatusCode::CONFLICT);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "// 别人改的\n");
    // A new file (no version), and nothing but policies.
    let new = post(
        &app,
        "/api/save",
        json!({"path": "2021.kh", "text": "// 新\n"}),
    )
    .await;
    assert_eq!(new.status, StatusCode::OK);
    let data = post(
        &app,
        "/api/save",
        json!({"path": "shaoxing-2019.sample.json", "text": "{}"}),
    )
    .await;
    assert_eq!(data.status, StatusCode::FORBIDDEN);
    // No temporary file is left behind.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_concurrent_saves_from_one_version_exactly_one_wins() {
    let dir = workspace("serve-race");
    let app = app(dir.path());
    let v = get(&app, "/api/file?path=shaoxing-2019.kh").await.json()["version"]
        .as_str()
        .unwrap()
        .to_string();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (app, v) = (app.clone(), v.clone());
        tasks.push(tokio::spawn(async move {
            let text = format!("// tab {i}\n");
            post(
                &app,
                "/api/save",
                json!({"path": "shaoxing-2019.kh", "text": text, "version": v}),
            )
            .await
            .status
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        7
    );
    let on_disk = std::fs::read_to_string(dir.path().join("shaoxing-2019.kh")).unwrap();
    assert!(on_disk.starts_with("// tab "), "{on_disk}");
}

#[tokio::test]
async fn evaluation_reports_and_template() {
    let dir = workspace("serve-eval");
    let app = app(dir.path());
    let by_path = json!({"text": policy(), "data": {"path": "shaoxing-2019.sample.json"}});
    let html = post(&app, "/api/eval", by_path.clone()).await.json();
    let html = html["html"].as_str().unwrap();
    assert!(html.contains("<svg") && html.contains("综合业务处"));
    // The same data uploaded: the same report.
    let bytes = std::fs::read(root().join("policies/shaoxing-2019.sample.json")).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let uploaded =
        json!({"text": policy(), "data": {"files": [{"name": "数据.json", "base64": b64}]}});
    let again = post(&app, "/api/eval", uploaded).await.json();
    assert_eq!(again["html"].as_str().unwrap(), html);
    // Every download format, and the template.
    for (format, magic) in [
        ("xlsx", &b"PK"[..]),
        ("csv", &b"\xEF\xBB\xBF"[..]),
        ("json", &b"{"[..]),
        ("html", &b"<!"[..]),
    ] {
        let mut r = by_path.clone();
        r["format"] = json!(format);
        let a = post(&app, "/api/report", r).await;
        assert_eq!(a.status, StatusCode::OK, "{format}");
        assert!(a.body.starts_with(magic), "{format}");
        assert!(
            a.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains("attachment")
        );
    }
    let t = post(&app, "/api/template", json!({"text": policy()})).await;
    assert!(t.body.starts_with(b"PK"));
    // Bad data: the problems, no ruling.
    let bad = r#"{"units": [{"unit": "办公室", "scores": {"责任清单工作": 99}}]}"#;
    let b64 = base64::engine::general_purpose::STANDARD.encode(bad);
    let r = post(
        &app,
        "/api/eval",
        json!({"text": policy(), "data": {"files": [{"name": "坏.json", "base64": b64}]}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.json();
    assert_eq!(body["error"], "data");
    assert!(body.get("html").is_none());
    assert!(
        body["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"].as_str().unwrap().starts_with("KH7"))
    );
    // A policy with errors is said so.
    let r = post(
        &app,
        "/api/eval",
        json!({"text": "加分 {", "data": {"path": "shaoxing-2019.sample.json"}}),
    )
    .await;
    assert_eq!(r.json()["error"], "policy");
    // Uploaded CSV files (as a zip and loose) read like the folder.
    let folder = dir.path().join("csv");
    let o = common::kaohe(&[
        "template",
        "policies/shaoxing-2019.kh",
        "--data",
        "policies/shaoxing-2019.sample.json",
        "--format",
        "csv",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let files: Vec<Value> = ["得分.csv", "事项.csv", "评分单位.csv"]
        .iter()
        .map(|n| json!({"name": n, "base64": base64::engine::general_purpose::STANDARD.encode(std::fs::read(folder.join(n)).unwrap())}))
        .collect();
    let r = post(
        &app,
        "/api/eval",
        json!({"text": policy(), "data": {"files": files}}),
    )
    .await
    .json();
    assert!(r["html"].as_str().unwrap().contains("综合业务处"));
    let by_folder = post(
        &app,
        "/api/eval",
        json!({"text": policy(), "data": {"path": "csv"}}),
    )
    .await
    .json();
    assert!(by_folder["html"].as_str().unwrap().contains("综合业务处"));
}

#[tokio::test]
async fn versions_are_compared_with_the_units_that_move() {
    let dir = workspace("serve-diff");
    let app = app(dir.path());
    let r = post(
        &app,
        "/api/diff",
        json!({
            "old": {"path": "shaoxing-2019.kh"},
            "new": {"path": "shaoxing-2020.kh"},
            "data": {"path": "shaoxing-2019.sample.json"},
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["empty"], false);
    let text = body["text"].as_str().unwrap();
    assert!(
        text.contains("shaoxing-2019.kh") && text.contains("shaoxing-2020.kh"),
        "{text}"
    );
    assert!(body["diff"]["data"].is_object(), "{body}");
    // The editor's text against the file it came from: no difference.
    let same = post(
        &app,
        "/api/diff",
        json!({
            "old": {"path": "shaoxing-2019.kh"},
            "new": {"path": "shaoxing-2019.kh", "text": policy()},
        }),
    )
    .await
    .json();
    assert_eq!(same["empty"], true);
}

/// Listening on every address: other machines name the server by addresses
/// it cannot know, so any host is taken; a cross-site request is still
/// refused (its Origin is not the host it was sent to).
#[tokio::test]
async fn on_every_address_any_host_but_no_other_site() {
    let dir = workspace("serve-any");
    let config = kaohe::serve::Config::new(dir.path(), "0.0.0.0:4810".parse().unwrap()).unwrap();
    let app = kaohe::serve::router(config);
    let lan = Request::get("/api/files")
        .header(header::HOST, "192.168.1.5:4810")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, lan).await.status, StatusCode::OK);
    let save = |origin: &str| {
        Request::post("/api/fmt")
            .header(header::HOST, "192.168.1.5:4810")
            .header(header::ORIGIN, origin)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"text": policy()}).to_string()))
            .unwrap()
    };
    assert_eq!(
        send(&app, save("http://192.168.1.5:4810")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, save("http://evil.example")).await.status,
        StatusCode::FORBIDDEN
    );
}
