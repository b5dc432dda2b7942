//! What every request passes first: its `Host` must be one of the server's
//! own names (a page on another site that resolves its name to 127.0.0.1 —
//! DNS rebinding — is refused), an `Origin`, when sent, must be the
//! server's own (a cross-site form or fetch is refused), and a declared body
//! past [`super::MOST_BODY_BYTES`] is refused with a message a person can
//! read (the body limit refuses undeclared ones as it reads).

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::json::refusal;

pub async fn guard(State(state): State<super::State>, request: Request, next: Next) -> Response {
    match refused(&state, &request) {
        Some(r) => r,
        None => next.run(request).await,
    }
}

/// The refusal a request earns, if any.
fn refused(state: &super::State, request: &Request) -> Option<Response> {
    let hosts = &state.config.hosts;
    let header_text = |name| {
        request
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap_or("\u{FFFD}").to_string())
    };
    let host = header_text(header::HOST)
        .or_else(|| request.uri().authority().map(|a| a.as_str().to_string()));
    let known =
        |h: &String| state.config.any_host || hosts.iter().any(|x| x.eq_ignore_ascii_case(h));
    if !host.as_ref().is_some_and(known) {
        return Some(refusal(
            StatusCode::FORBIDDEN,
            "host",
            &format!(
                "请求的主机名「{}」不是本起草台的地址 / the request's host is not this workbench's",
                host.unwrap_or_default()
            ),
        )
        .into_response());
    }
    if let Some(origin) = header_text(header::ORIGIN) {
        // The page's own origin: the host it was loaded from.
        let own = host
            .as_ref()
            .is_some_and(|h| origin.eq_ignore_ascii_case(&format!("http://{h}")));
        if !own {
            return Some(
                refusal(
                    StatusCode::FORBIDDEN,
                    "origin",
                    &format!("来自其他网页（{origin}）的请求被拒绝 / a request from another site is refused"),
                )
                .into_response(),
            );
        }
    }
    let declared = header_text(header::CONTENT_LENGTH).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > super::MOST_BODY_BYTES) {
        return Some(
            refusal(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too-large",
                &format!(
                    "上传的内容超过 {} MB，请缩小后再试 / the upload is larger than {} MB",
                    super::MOST_BODY_BYTES >> 20,
                    super::MOST_BODY_BYTES >> 20
                ),
            )
            .into_response(),
        );
    }
    None
}
