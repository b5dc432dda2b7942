//! The page, embedded in the binary: no CDN, no network (government
//! machines are often offline). Plain HTML, CSS and JavaScript, no build.

use axum::http::header;
use axum::response::IntoResponse;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// Headers every asset carries: no caching across versions of the binary,
/// and a policy that lets the page load nothing from elsewhere.
fn headers(mime: &'static str) -> [(header::HeaderName, &'static str); 3] {
    [
        (header::CONTENT_TYPE, mime),
        (header::CACHE_CONTROL, "no-store"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; frame-src 'self' data: blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'",
        ),
    ]
}

pub async fn index() -> impl IntoResponse {
    (headers("text/html; charset=utf-8"), INDEX)
}

pub async fn script() -> impl IntoResponse {
    (headers("text/javascript; charset=utf-8"), SCRIPT)
}

pub async fn style() -> impl IntoResponse {
    (headers("text/css; charset=utf-8"), STYLE)
}
