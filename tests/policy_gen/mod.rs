//! Random policy texts for property tests of `kaohe fmt`, made from the grammar
//! (grammar/kaohe.pest): every declaration and statement form, keywords in
//! either language (mixed within a file), full-width punctuation, untidy
//! spacing, line breaks wherever the grammar allows one, and comments at line
//! ends and on lines of their own. Texts are syntactically valid (no KH1xx);
//! names need not resolve.
//!
//! Names are drawn from U+4E00–U+9FA5 (all XID letters; proptest's `\p{Han}`
//! also yields radicals that are not), from ASCII, or quoted.

mod decls;

use kaohe::i18n::keywords::{KEYWORDS, Kw};
use kaohe::syntax::is_bare_name;

pub struct Writer {
    state: u64,
    pub text: String,
    /// Every comment written, as written (the formatter must keep each).
    pub comments: Vec<String>,
    /// The award being written has its quota (a second is KH104).
    quota_used: bool,
}

pub(super) type Part = fn(&mut Writer);

/// What a statement's meta already holds (each at most once, KH104).
pub struct Used {
    pub(super) cite: bool,
    pub(super) assume: bool,
}

impl Writer {
    pub fn new(seed: u64) -> Writer {
        Writer {
            state: seed | 1,
            text: String::new(),
            comments: Vec::new(),
            quota_used: false,
        }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    // ---------- layout ----------

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    fn indent(&mut self) {
        let i = self.pick(&["", "    ", "  ", "\t", "\u{3000}\u{3000}", "        "]);
        self.text.push_str(i);
    }

    fn space(&mut self) {
        let s = self.pick(&[" ", " ", " ", "  ", "\t", "\u{3000}"]);
        self.text.push_str(s);
    }

    /// A word-like token (keyword, name, number, string, citation): always
    /// apart from what precedes it.
    pub(super) fn word(&mut self, w: &str) {
        if self.at_line_start() {
            self.indent();
        } else if !self.text.ends_with([' ', '\t', '\u{3000}']) {
            self.space();
        }
        self.text.push_str(w);
    }

    pub(super) fn punct(&mut self, p: &str) {
        if self.at_line_start() {
            self.indent();
        } else if self.chance(50) {
            self.space();
        }
        self.text.push_str(p);
    }

    pub(super) fn comment(&mut self) {
        let id = self.comments.len();
        let mut c = format!("//c{id}");
        for _ in 0..self.below(4) {
            let piece = self.pick(&[
                " 注释",
                " //",
                " \"引号",
                " 【",
                " 」",
                " {",
                " a",
                " 办公室",
            ]);
            c.push_str(piece);
        }
        self.comments.push(c.clone());
        self.text.push_str(&c);
    }

    /// A line end, maybe with a comment, maybe followed by blank lines and
    /// lines holding only a comment.
    pub(super) fn newline(&mut self) {
        if self.chance(20) {
            self.space();
            self.comment();
        }
        self.text.push('\n');
        while self.chance(20) {
            if self.chance(50) {
                self.indent();
                self.comment();
            }
            self.text.push('\n');
        }
    }

    /// Where the grammar lets a line break stand for nothing (`nl`).
    pub(super) fn soft(&mut self) {
        if self.chance(25) {
            self.newline();
        }
    }

    /// A statement end: a newline or a semicolon.
    pub(super) fn eos(&mut self) {
        if self.chance(25) {
            let s = self.pick(&[";", "；"]);
            self.punct(s);
            if self.chance(30) {
                self.newline();
            }
        } else {
            self.newline();
        }
    }

    pub(super) fn comma(&mut self) {
        let c = self.pick(&[",", "，", "、"]);
        self.punct(c);
        self.soft();
    }

    pub(super) fn bar(&mut self) {
        let b = self.pick(&["|", "｜"]);
        self.punct(b);
        self.soft();
    }

    pub(super) fn arrow(&mut self) {
        let a = self.pick(&["=>", "＝＞", "⇒"]);
        self.punct(a);
        self.soft();
    }

    pub(super) fn colon(&mut self) {
        let c = self.pick(&[":", "："]);
        self.punct(c);
    }

    /// `{ item; item … }` with up to `max` items.
    pub(super) fn block(&mut self, max: usize, item: Part) {
        let open = self.pick(&["{", "｛"]);
        self.punct(open);
        self.soft();
        let n = self.below(max + 1);
        for i in 0..n {
            if i > 0 {
                self.eos();
            }
            item(self);
        }
        if n > 0 && self.chance(30) {
            self.eos();
        }
        self.soft();
        let close = self.pick(&["}", "｝"]);
        self.punct(close);
    }

    // ---------- tokens ----------

    /// A keyword in a random language (multi-word English keywords with
    /// random spaces between the words).
    pub(super) fn kw(&mut self, kw: Kw) {
        let Some((_, _, zh, en)) = KEYWORDS.iter().find(|e| e.0 == kw) else {
            return;
        };
        let use_en = !en.is_empty() && (zh.is_empty() || self.chance(50));
        let spelling = if use_en {
            let gap = self.pick(&[" ", "  ", "\t"]);
            en.replace(' ', gap)
        } else {
            zh.to_string()
        };
        self.word(&spelling);
    }

    pub(super) fn name(&mut self) {
        let n = self.name_text();
        self.word(&n);
    }

    fn name_text(&mut self) -> String {
        let bare = match self.below(12) {
            // A name that is a keyword (or a multi-word keyword's first word): written quoted.
            10 | 11 => {
                let (_, _, zh, en) = KEYWORDS[self.below(KEYWORDS.len())];
                let spelling = if zh.is_empty() || (!en.is_empty() && self.chance(50)) {
                    en
                } else {
                    zh
                };
                spelling.split(' ').next().unwrap_or("名").to_string()
            }
            0 => {
                let inner = self.quoted_content(&['」']);
                return format!("「{inner}」");
            }
            1 => {
                let inner = self.quoted_content(&['`']);
                return format!("`{inner}`");
            }
            2 | 3 => {
                let len = 2 + self.below(5);
                let mut s: String = (0..len)
                    .map(|_| char::from(b'a' + self.below(26) as u8))
                    .collect();
                if self.chance(20) {
                    s.push_str("_1");
                }
                s
            }
            _ => {
                let len = 1 + self.below(3);
                (0..len).map(|_| self.han()).collect()
            }
        };
        if is_bare_name(&bare) && !["within", "up"].contains(&bare.as_str()) {
            bare
        } else {
            format!("「{bare}」")
        }
    }

    fn han(&mut self) -> char {
        char::from_u32(0x4E00 + self.below(0x9FA5 - 0x4E00 + 1) as u32).unwrap_or('甲')
    }

    fn quoted_content(&mut self, forbidden: &[char]) -> String {
        let len = 1 + self.below(4);
        let pool = ['甲', '总', '分', ' ', '2', 'a', '」', '`', '/', '"', '号'];
        let s: String = (0..len)
            .map(|_| self.pick(&pool))
            .filter(|c| !forbidden.contains(c))
            .collect();
        if s.is_empty() { "名".to_string() } else { s }
    }

    fn string_text(&mut self) -> String {
        let len = self.below(6);
        let pool = [
            "说明",
            "办公室",
            "//",
            "【",
            "」",
            "'",
            "a b",
            "5分",
            "“",
            "\"",
        ];
        let cjk_quotes = self.chance(30);
        let mut s = String::new();
        for _ in 0..len {
            let piece = self.pick(&pool);
            if (cjk_quotes && piece == "“") || (!cjk_quotes && piece == "\"") {
                continue;
            }
            s.push_str(piece);
        }
        if cjk_quotes {
            format!("“{s}”")
        } else {
            format!("\"{}\"", s.replace('"', ""))
        }
    }

    pub(super) fn string(&mut self) {
        let s = self.string_text();
        self.word(&s);
    }

    pub(super) fn citation(&mut self) {
        match self.below(3) {
            0 => {
                let inner = self.pick(&["四(四)1", "三//一", "七（三）", "", "一\"二"]);
                self.word(&format!("【{inner}】"));
            }
            1 => {
                let s = self.string_text();
                self.word(&format!("§{s}"));
            }
            _ => {
                self.kw(Kw::Clause);
                self.string();
            }
        }
    }

    pub(super) fn num(&mut self) {
        let n = match self.below(6) {
            0 => format!("{}.{}", self.below(20), self.below(100)),
            1 => format!("0.{}0", self.below(10)),
            2 => format!("0{}", self.below(10)),
            3 => format!("-{}", self.below(5)),
            _ => self.below(120).to_string(),
        };
        self.word(&n);
    }

    pub(super) fn int(&mut self) {
        let n = match self.below(4) {
            0 => format!("0{}", self.below(10)),
            _ => self.below(3000).to_string(),
        };
        self.word(&n);
    }

    pub(super) fn percent(&mut self) {
        let n = match self.below(3) {
            0 => format!("{}.5", self.below(100)),
            _ => self.below(101).to_string(),
        };
        let sign = self.pick(&["%", "％"]);
        self.word(&format!("{n}{sign}"));
    }

    pub(super) fn day(&mut self) {
        let (m, d) = (1 + self.below(12), 1 + self.below(28));
        let t = if self.chance(50) {
            format!("{}-{m:02}-{d:02}", 2000 + self.below(40))
        } else {
            format!("{m:02}-{d:02}")
        };
        self.word(&t);
    }

    pub(super) fn cmp(&mut self) {
        let ops = [
            ">=", "＞＝", "≥", "<=", "＜＝", "≤", "!=", "≠", "==", "=", "＝", ">", "＞", "<", "＜",
        ];
        let op = self.pick(&ops);
        self.punct(op);
    }

    /// Citation (unless one was written already), notes and an assumption, in any order.
    pub(super) fn tail(&mut self, cite: bool) {
        let mut used = Used {
            cite: !cite,
            assume: false,
        };
        self.tail_into(&mut used);
    }

    /// A tail for a statement that has two places for one (`处置 N … 当 C …`):
    /// `used` says what the first place took.
    pub(super) fn tail_into(&mut self, used: &mut Used) {
        let mut parts = vec![0, 1, 2, 2];
        while !parts.is_empty() && self.chance(35) {
            let p = parts.remove(self.below(parts.len()));
            match p {
                0 if !used.cite => {
                    used.cite = true;
                    self.citation();
                }
                1 if !used.assume => {
                    used.assume = true;
                    self.kw(Kw::Assume);
                    self.string();
                }
                0 | 1 => {}
                _ => self.string(),
            }
        }
    }

    /// A citation right after a statement's head, sometimes; then the
    /// statement's tail may not have one.
    pub(super) fn early_citation(&mut self) -> bool {
        let early = self.chance(20);
        if early {
            self.citation();
        }
        !early
    }
}

/// A random policy text and the comments written in it.
pub fn policy(seed: u64) -> (String, Vec<String>) {
    let mut w = Writer::new(seed);
    w.policy();
    (w.text, w.comments)
}
