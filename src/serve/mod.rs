//! `kaohe serve`: the workbench, a local web page over the library for
//! drafters and the assessment office. A thin layer: every answer comes
//! from the functions the CLI and the language server use (`driver`, `ide`,
//! `report`, `diff`, `template`, `examples`, `format`), as JSON.
//!
//! A server, even on one's own machine, is guarded: it listens on loopback
//! unless told otherwise; a request whose `Host` or `Origin` is not the
//! server's own is refused (DNS rebinding, cross-site posts); every path is
//! confined to the workspace; bodies are limited; checks and evaluations run
//! off the async threads within a time budget; and nothing is written but a
//! Save, atomically, into the workspace.

mod api;
mod assets;
mod guard;
mod json;
mod run;
mod workspace;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use workspace::Workspace;

/// The largest request body (a workbook upload fits easily).
pub const MOST_BODY_BYTES: usize = 64 << 20;

/// How a server is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub workspace: Workspace,
    /// `host:port` spellings a request's `Host` may use.
    pub hosts: Vec<String>,
    /// Listening on every address (`--host 0.0.0.0`): other machines name it
    /// by addresses it cannot know, so any `Host` is taken, and an `Origin`
    /// must still be the request's own host.
    pub any_host: bool,
    /// The longest a check, an evaluation or a diff may take.
    pub budget: Duration,
}

impl Config {
    /// A server for `folder` at `addr`: the host names a browser may use
    /// for it (loopback names, or the address given).
    pub fn new(folder: &std::path::Path, addr: SocketAddr) -> std::io::Result<Config> {
        let port = addr.port();
        let mut hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        if !addr.ip().is_loopback() {
            hosts.push(match addr.ip() {
                IpAddr::V4(ip) => format!("{ip}:{port}"),
                IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            });
        }
        Ok(Config {
            workspace: Workspace::new(folder)?,
            hosts,
            any_host: addr.ip().is_unspecified(),
            budget: Duration::from_secs(30),
        })
    }
}

/// Shared by every request.
#[derive(Clone)]
pub struct State {
    pub config: Arc<Config>,
    /// Saves one at a time, so two tabs saving the same file cannot both
    /// pass the changed-on-disk check.
    saving: Arc<tokio::sync::Mutex<()>>,
}

/// The workbench's routes, guarded.
pub fn router(config: Config) -> Router {
    let state = State {
        config: Arc::new(config),
        saving: Arc::new(tokio::sync::Mutex::new(())),
    };
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/app.css", get(assets::style))
        .route("/api/files", get(api::files))
        .route("/api/file", get(api::file))
        .route("/api/code", get(api::code))
        .route("/api/check", post(api::check))
        .route("/api/at", post(api::at))
        .route("/api/fmt", post(api::fmt))
        .route("/api/test", post(api::test))
        .route("/api/save", post(api::save))
        .route("/api/eval", post(run::eval))
        .route("/api/report", post(run::report))
        .route("/api/template", post(run::template))
        .route("/api/diff", post(run::diff))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .layer(DefaultBodyLimit::max(MOST_BODY_BYTES))
        .with_state(state)
}

/// `kaohe serve`'s options.
#[derive(Debug, Clone)]
pub struct Options {
    pub folder: PathBuf,
    pub host: IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Serves until Ctrl-C. Prints the address; warns when not on loopback.
pub fn run(options: Options, lang: crate::i18n::Lang) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((options.host, options.port)).await?;
        let addr = listener.local_addr()?;
        let config = Config::new(&options.folder, addr)?;
        let shown = match addr.ip() {
            ip if ip.is_loopback() => format!("http://127.0.0.1:{}/", addr.port()),
            _ => format!("http://{addr}/"),
        };
        let folder = config.workspace.root().display().to_string();
        println!(
            "{}",
            lang.pick(
                format!("起草台：{shown}（工作目录 {folder}；按 Ctrl-C 停止）"),
                format!("workbench: {shown} (workspace {folder}; Ctrl-C stops it)"),
            )
        );
        if !addr.ip().is_loopback() {
            eprintln!(
                "{}",
                lang.pick(
                    format!("警告：在 {addr} 上监听，同一网络中的任何人都能读写工作目录中的办法和数据"),
                    format!("warning: listening on {addr}: anyone on that network can read and write the workspace"),
                )
            );
        }
        if options.open {
            open_browser(&shown);
        }
        axum::serve(listener, router(config))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

/// Opens the default browser at `url`, if one can be found; the address is
/// printed either way.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
