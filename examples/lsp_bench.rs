//! How long `kaohe lsp` takes from an edit to its diagnostics: the time a
//! drafter waits after typing. It starts the release binary as an editor
//! does, opens each policy, then sends RUNS full-text changes (a comment
//! line added and taken away in turn, so every change is a new text the
//! server must check in full) and times each `didChange` → its
//! `publishDiagnostics`. Prints the median and the slowest.
//!
//! usage: cargo build --release && cargo run --release --example lsp_bench -- [RUNS] POLICY…
//! The 1,000-rule policy: cargo run --release --example analysis_bench -- --write /tmp/1000.kh 1000 20

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn frame(v: &Value) -> Vec<u8> {
    let body = v.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body.as_bytes());
    out
}

fn read(r: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let runs = match args.first().and_then(|a| a.parse().ok()) {
        Some(n) => {
            args.remove(0);
            n
        }
        None => 20,
    };
    let exe = std::env::current_exe().unwrap();
    let kaohe = exe
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.join("kaohe"))
        .filter(|p| p.exists())
        .expect("target/release/kaohe: run cargo build --release first");
    for path in args {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut child = Command::new(&kaohe)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let uri = "file:///bench.kh";
        stdin
            .write_all(&frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})))
            .unwrap();
        read(&mut out);
        let wait = |out: &mut BufReader<_>, version: i64| loop {
            let v = read(out);
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["version"] == version
            {
                return v["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            }
        };
        stdin
            .write_all(&frame(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "kaohe", "version": 1, "text": text}}})))
            .unwrap();
        let findings = wait(&mut out, 1);
        let mut times: Vec<Duration> = Vec::new();
        for run in 0..runs {
            let version = run as i64 + 2;
            let changed = if run % 2 == 0 {
                format!("{text}// 改动 {run}\n")
            } else {
                text.clone()
            };
            let message = frame(
                &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": changed}]}}),
            );
            let t = Instant::now();
            stdin.write_all(&message).unwrap();
            wait(&mut out, version);
            times.push(t.elapsed());
        }
        stdin
            .write_all(&frame(
                &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
            ))
            .unwrap();
        stdin
            .write_all(&frame(&json!({"jsonrpc": "2.0", "method": "exit"})))
            .unwrap();
        child.wait().unwrap();
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{path}: {} lines, {findings} findings; edit → diagnostics over {runs} edits: median {:.1} ms, slowest {:.1} ms",
            text.lines().count(),
            ms(times[times.len() / 2]),
            ms(*times.last().unwrap()),
        );
    }
}
