//! How long the workbench's check takes, round trip: what the page waits for
//! after the drafter stops typing. Starts `target/release/kaohe serve` on a
//! free port over `policies/`, then POSTs `/api/check` with the whole policy
//! RUNS times over one kept-alive connection (as a browser does) and prints
//! the median and the slowest.
//!
//! usage: cargo build --release && cargo run --release --example serve_bench -- [RUNS] [POLICY]

#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(50);
    let policy = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "policies/shaoxing-2019.kh".into());
    let text = std::fs::read_to_string(&policy).unwrap();
    let exe = std::env::current_exe().unwrap();
    let kaohe = exe
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.join("kaohe"))
        .unwrap();
    let mut server = Command::new(&kaohe)
        .args(["serve", "policies", "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("target/release/kaohe: run cargo build --release first");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let at = line.find("http://127.0.0.1:").unwrap() + "http://".len();
    let host: String = line[at..].chars().take_while(|c| *c != '/').collect();
    let body = serde_json::json!({ "text": text, "lang": "zh" }).to_string();
    let request = format!(
        "POST /api/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(&host).unwrap();
    stream.set_nodelay(true).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut times: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        stream.write_all(request.as_bytes()).unwrap();
        let mut length = 0;
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).unwrap();
            if h == "\r\n" {
                break;
            }
            if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
        }
        let mut answer = vec![0; length];
        reader.read_exact(&mut answer).unwrap();
        times.push(t.elapsed());
        size = length;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{policy}: POST /api/check ({} bytes in, {size} out) over {runs} runs: median {:.1} ms, slowest {:.1} ms",
        body.len(),
        ms(times[times.len() / 2]),
        ms(*times.last().unwrap()),
    );
}
