//! `kaohe lsp`: the language server, over stdio. A thin layer: every answer
//! comes from [`crate::ide`], every finding from the same build `kaohe check`
//! runs; this module only speaks LSP (full-text sync, JSON-RPC framing read
//! by [`wire`] so that bad input is answered, never fatal).
//!
//! Each request is handled in turn, under `catch_unwind`: should a query ever
//! panic, that request gets an internal error and the server goes on.
//! Changes queued behind one another are applied together before the file is
//! checked again, so typing fast costs one check, not one per keystroke.

mod convert;
mod handlers;
mod tokens;
pub mod wire;

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

use lsp_server::{Message, Notification, Request, Response};
use lsp_types as lsp;
use serde_json::Value;

use crate::i18n::Lang;
use crate::ide::Analysis;

/// Options a client may give at `initialize` (`initializationOptions`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Messages' language: `"zh"` (the default) or `"en"`.
    pub lang: Lang,
    /// A base URL for codes' explanations (`…/codes.md`); each diagnostic
    /// links to `BASE#khNNN` when it is given.
    pub codes_url: Option<String>,
}

/// An open document.
struct Document {
    uri: lsp::Uri,
    version: i32,
    analysis: Analysis,
}

struct Server<W: Write> {
    out: W,
    options: Options,
    docs: HashMap<String, Document>,
    initialized: bool,
    shutting_down: bool,
}

/// Serves the protocol on stdin/stdout until `exit` (or the input ends).
pub fn run_stdio() -> io::Result<()> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        read_all(&mut input, &tx);
    });
    let stdout = io::stdout();
    serve(rx, stdout.lock())
}

/// Reads frames into `tx` until the input ends or cannot be read.
pub fn read_all(input: &mut impl BufRead, tx: &mpsc::Sender<wire::Incoming>) {
    while let Ok(Some(incoming)) = wire::read(input) {
        if tx.send(incoming).is_err() {
            return;
        }
    }
}

/// Serves what `rx` brings, writing to `out`, until `exit`.
pub fn serve(rx: mpsc::Receiver<wire::Incoming>, out: impl Write) -> io::Result<()> {
    let mut server = Server {
        out,
        options: Options::default(),
        docs: HashMap::new(),
        initialized: false,
        shutting_down: false,
    };
    let mut queued: Option<wire::Incoming> = None;
    loop {
        let next = match queued.take() {
            Some(m) => m,
            None => match rx.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match next {
            wire::Incoming::Bad { id, code, message } => match id {
                Some(id) => server.send(Response::new_err(id, code, message).into())?,
                None => wire::write_error_without_id(&mut server.out, code, &message)?,
            },
            wire::Incoming::Message(Message::Request(r)) => server.request(r)?,
            wire::Incoming::Message(Message::Response(_)) => {}
            wire::Incoming::Message(Message::Notification(n)) => {
                if n.method == "exit" {
                    return Ok(());
                }
                // Changes waiting behind this one are applied before checking.
                let mut changed = server.notification(n);
                loop {
                    match rx.try_recv() {
                        Ok(wire::Incoming::Message(Message::Notification(n)))
                            if n.method == "textDocument/didChange" =>
                        {
                            changed.extend(server.notification(n));
                        }
                        Ok(other) => {
                            queued = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                changed.sort();
                changed.dedup();
                for uri in changed {
                    server.publish(&uri)?;
                }
            }
        }
    }
}

impl<W: Write> Server<W> {
    fn send(&mut self, m: Message) -> io::Result<()> {
        wire::write(&mut self.out, &m)
    }

    fn request(&mut self, r: Request) -> io::Result<()> {
        let id = r.id.clone();
        if self.shutting_down && r.method != "shutdown" {
            let e = Response::new_err(id, INVALID_REQUEST, "the server is shutting down".into());
            return self.send(e.into());
        }
        if !self.initialized && r.method != "initialize" {
            let e = Response::new_err(id, NOT_INITIALIZED, "not initialized".into());
            return self.send(e.into());
        }
        let answer = match r.method.as_str() {
            "initialize" => {
                self.options = options(&r.params);
                self.initialized = true;
                Ok(serde_json::to_value(handlers::initialize_result()).unwrap_or(Value::Null))
            }
            "shutdown" => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            method => {
                let docs = &self.docs;
                let options = &self.options;
                let params = r.params;
                let method = method.to_string();
                // A query that panicked answers with an error; the server lives on.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handlers::handle(&method, params, docs_view(docs), options)
                }))
                .unwrap_or_else(|_| Err((INTERNAL_ERROR, format!("{method} failed inside kaohe"))))
            }
        };
        let response = match answer {
            Ok(v) => Response {
                id,
                response_result: Ok(v),
            },
            Err((code, message)) => Response::new_err(id, code, message),
        };
        self.send(response.into())
    }

    /// Applies a notification; returns the documents whose findings changed.
    fn notification(&mut self, n: Notification) -> Vec<String> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let d = p.text_document;
                let key = d.uri.as_str().to_string();
                let analysis = Analysis::new(&file_name(&d.uri), &d.text);
                self.docs.insert(
                    key.clone(),
                    Document {
                        uri: d.uri,
                        version: d.version,
                        analysis,
                    },
                );
                vec![key]
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                else {
                    return Vec::new();
                };
                let key = p.text_document.uri.as_str().to_string();
                // Full sync: the last change holds the whole text.
                let Some(text) = p.content_changes.into_iter().last().map(|c| c.text) else {
                    return Vec::new();
                };
                let analysis = Analysis::new(&file_name(&p.text_document.uri), &text);
                self.docs.insert(
                    key.clone(),
                    Document {
                        uri: p.text_document.uri,
                        version: p.text_document.version,
                        analysis,
                    },
                );
                vec![key]
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    self.docs.remove(&key);
                    // Clear what was shown for it.
                    let params =
                        lsp::PublishDiagnosticsParams::new(p.text_document.uri, Vec::new(), None);
                    let _ = self.send(
                        Notification::new("textDocument/publishDiagnostics".into(), params).into(),
                    );
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn publish(&mut self, key: &str) -> io::Result<()> {
        let Some(doc) = self.docs.get(key) else {
            return Ok(());
        };
        let a = &doc.analysis;
        let diagnostics = a
            .built
            .diags
            .iter()
            .map(|d| {
                convert::diagnostic(
                    a,
                    d,
                    &doc.uri,
                    self.options.lang,
                    self.options.codes_url.as_deref(),
                )
            })
            .collect();
        let params =
            lsp::PublishDiagnosticsParams::new(doc.uri.clone(), diagnostics, Some(doc.version));
        self.send(Notification::new("textDocument/publishDiagnostics".into(), params).into())
    }
}

/// The open documents as the handlers see them.
pub(crate) type Docs<'a> = HashMap<&'a str, (&'a lsp::Uri, &'a Analysis)>;

fn docs_view(docs: &HashMap<String, Document>) -> Docs<'_> {
    docs.iter()
        .map(|(k, d)| (k.as_str(), (&d.uri, &d.analysis)))
        .collect()
}

fn options(params: &Value) -> Options {
    let o = params.get("initializationOptions");
    let lang = match o.and_then(|o| o.get("lang")).and_then(Value::as_str) {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let codes_url = o
        .and_then(|o| o.get("codesUrl"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| shipped_codes(lang));
    Options { lang, codes_url }
}

/// The codes' explanations next to the binary, as a `file:` URL: a source
/// checkout's `docs/codes.md` (the binary in `target/*/`), or an install's
/// `share/doc/kaohe/codes.md`. Without one, diagnostics carry no link.
fn shipped_codes(lang: Lang) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?;
    let name = lang.pick("codes.md", "codes.en.md");
    [bin.join("../../docs"), bin.join("../share/doc/kaohe")]
        .iter()
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .and_then(|p| p.canonicalize().ok())
        .map(|p| {
            format!(
                "file://{}",
                encode(&p.display().to_string().replace('\\', "/"))
            )
        })
}

/// Percent-encodes what a URI may not hold as is.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The file's name for findings: the last part of its URI's path.
fn file_name(uri: &lsp::Uri) -> String {
    let path = uri.path().as_str();
    path.rsplit('/').next().unwrap_or(path).to_string()
}

pub(crate) const INVALID_REQUEST: i32 = -32600;
pub(crate) const INVALID_PARAMS: i32 = -32602;
pub(crate) const INTERNAL_ERROR: i32 = -32603;
pub(crate) const NOT_INITIALIZED: i32 = -32002;
pub(crate) const REQUEST_FAILED: i32 = -32803;

/// A request's result, or its error code and message.
pub(crate) type Answer = Result<Value, (i32, String)>;
