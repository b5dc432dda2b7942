//! JSON-RPC framing over a byte stream (`Content-Length: N\r\n\r\n{…}`),
//! read by kaohe itself rather than by `lsp_server::Message::read`: that one
//! ends the connection on the first malformed message, and a language server
//! must answer bad input with an error and keep serving. A frame whose body is
//! not JSON gets a parse error (-32700); JSON that is no request, response or
//! notification gets an invalid-request error (-32600); a broken header is
//! skipped up to the next `Content-Length`.

use std::io::{self, BufRead, Read, Write};

use lsp_server::{Message, Notification, Request, RequestId, Response, ResponseError};
use serde_json::Value;

/// What one frame held.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A frame that is no message: the error to answer with, and the id when
    /// one could be read.
    Bad {
        id: Option<RequestId>,
        code: i32,
        message: String,
    },
}

pub const PARSE_ERROR: i32 = -32700;
pub const INVALID_REQUEST: i32 = -32600;

/// The largest message read (a policy is text: 64 MiB is far beyond any).
const MOST_BYTES: usize = 64 << 20;

/// The next frame, `None` at the end of the stream.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let mut length: Option<usize> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let length = length.unwrap_or(0);
    if length > MOST_BYTES {
        io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        return Ok(Some(Incoming::Bad {
            id: None,
            code: INVALID_REQUEST,
            message: format!("a message of {length} bytes is more than {MOST_BYTES}"),
        }));
    }
    let mut body = vec![0u8; length];
    input.read_exact(&mut body)?;
    Ok(Some(parse(&body)))
}

/// A frame's body as a message, or the error it earns.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Bad {
                id: None,
                code: PARSE_ERROR,
                message: format!("not JSON: {e}"),
            };
        }
    };
    let id = value.get("id").and_then(request_id);
    let method = value
        .get("method")
        .and_then(Value::as_str)
        .map(str::to_string);
    let params = value.get("params").cloned().unwrap_or(Value::Null);
    let message = match (method, id.clone()) {
        (Some(method), Some(id)) => Message::Request(Request { id, method, params }),
        (Some(method), None) if value.get("id").is_none() => {
            Message::Notification(Notification { method, params })
        }
        (None, Some(id)) if value.get("result").is_some() || value.get("error").is_some() => {
            let result = match value.get("error") {
                Some(e) => Err(ResponseError {
                    code: e.get("code").and_then(Value::as_i64).unwrap_or(0) as i32,
                    message: e
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    data: None,
                }),
                None => Ok(value.get("result").cloned().unwrap_or(Value::Null)),
            };
            Message::Response(Response {
                id,
                response_result: result,
            })
        }
        _ => {
            return Incoming::Bad {
                id,
                code: INVALID_REQUEST,
                message: "not a JSON-RPC request, response or notification".into(),
            };
        }
    };
    Incoming::Message(message)
}

/// A request id as JSON-RPC gives it: an integer or a string. Read by hand,
/// not through serde's untagged enum, which does not see integers under
/// serde_json's `arbitrary_precision` (which kaohe needs for exact data).
fn request_id(v: &Value) -> Option<RequestId> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .and_then(|i| i32::try_from(i).ok())
            .map(RequestId::from),
        Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

/// Writes one message, framed.
pub fn write(out: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(out)
}

/// Writes an error response whose id could not be read (`"id": null`).
pub fn write_error_without_id(out: &mut impl Write, code: i32, message: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    })
    .to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}
