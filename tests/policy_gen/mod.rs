//! Random policy texts for property tests of `kaohe fmt`, made from the grammar
//! (grammar/kaohe.pest): every declaration and statement form, keywords in
//! either language (mixed within a file), full-width punctuation, untidy
//! spacing, line breaks wherever the grammar allows one, and comments at line
//! ends and on lines of their own. Texts are syntactically valid (no KH1xx);
//! names need not resolve.
//!
//! Names are drawn from U+4E00–U+9FA5 (all XID letters; proptest's `\p{Han}`
//! also yields radicals that are not), from ASCII, or quoted.

use kaohe::syntax::is_bare_name;
use kaohe::syntax::keywords::{KEYWORDS, Kw};

pub struct Writer {
    state: u64,
    pub text: String,
    /// Every comment written, as written (the formatter must keep each).
    pub comments: Vec<String>,
    /// The award being written has its quota (a second is KH104).
    quota_used: bool,
}

type Part = fn(&mut Writer);

/// What a statement's meta already holds (each at most once, KH104).
pub struct Used {
    cite: bool,
    assume: bool,
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

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: usize) -> bool {
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
    fn word(&mut self, w: &str) {
        if self.at_line_start() {
            self.indent();
        } else if !self.text.ends_with([' ', '\t', '\u{3000}']) {
            self.space();
        }
        self.text.push_str(w);
    }

    fn punct(&mut self, p: &str) {
        if self.at_line_start() {
            self.indent();
        } else if self.chance(50) {
            self.space();
        }
        self.text.push_str(p);
    }

    fn comment(&mut self) {
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
    fn newline(&mut self) {
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
    fn soft(&mut self) {
        if self.chance(25) {
            self.newline();
        }
    }

    /// A statement end: a newline or a semicolon.
    fn eos(&mut self) {
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

    fn comma(&mut self) {
        let c = self.pick(&[",", "，", "、"]);
        self.punct(c);
        self.soft();
    }

    fn bar(&mut self) {
        let b = self.pick(&["|", "｜"]);
        self.punct(b);
        self.soft();
    }

    fn arrow(&mut self) {
        let a = self.pick(&["=>", "＝＞", "⇒"]);
        self.punct(a);
        self.soft();
    }

    fn colon(&mut self) {
        let c = self.pick(&[":", "："]);
        self.punct(c);
    }

    /// `{ item; item … }` with up to `max` items.
    fn block(&mut self, max: usize, item: Part) {
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
    fn kw(&mut self, kw: Kw) {
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

    fn name(&mut self) {
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

    fn string(&mut self) {
        let s = self.string_text();
        self.word(&s);
    }

    fn citation(&mut self) {
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

    fn num(&mut self) {
        let n = match self.below(6) {
            0 => format!("{}.{}", self.below(20), self.below(100)),
            1 => format!("0.{}0", self.below(10)),
            2 => format!("0{}", self.below(10)),
            3 => format!("-{}", self.below(5)),
            _ => self.below(120).to_string(),
        };
        self.word(&n);
    }

    fn int(&mut self) {
        let n = match self.below(4) {
            0 => format!("0{}", self.below(10)),
            _ => self.below(3000).to_string(),
        };
        self.word(&n);
    }

    fn percent(&mut self) {
        let n = match self.below(3) {
            0 => format!("{}.5", self.below(100)),
            _ => self.below(101).to_string(),
        };
        let sign = self.pick(&["%", "％"]);
        self.word(&format!("{n}{sign}"));
    }

    fn day(&mut self) {
        let (m, d) = (1 + self.below(12), 1 + self.below(28));
        let t = if self.chance(50) {
            format!("{}-{m:02}-{d:02}", 2000 + self.below(40))
        } else {
            format!("{m:02}-{d:02}")
        };
        self.word(&t);
    }

    fn cmp(&mut self) {
        let ops = [
            ">=", "＞＝", "≥", "<=", "＜＝", "≤", "!=", "≠", "==", "=", "＝", ">", "＞", "<", "＜",
        ];
        let op = self.pick(&ops);
        self.punct(op);
    }

    /// Citation (unless one was written already), notes and an assumption, in any order.
    fn tail(&mut self, cite: bool) {
        let mut used = Used {
            cite: !cite,
            assume: false,
        };
        self.tail_into(&mut used);
    }

    /// A tail for a statement that has two places for one (`处置 N … 当 C …`):
    /// `used` says what the first place took.
    fn tail_into(&mut self, used: &mut Used) {
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
    fn early_citation(&mut self) -> bool {
        let early = self.chance(20);
        if early {
            self.citation();
        }
        !early
    }
}

// ---------- declarations ----------

impl Writer {
    pub fn policy(&mut self) {
        if self.chance(30) {
            self.comment();
            self.text.push('\n');
        }
        let n = 1 + self.below(10);
        for i in 0..n {
            if i > 0 {
                self.eos();
            }
            self.decl();
        }
        if self.chance(50) {
            self.newline();
        }
    }

    fn decl(&mut self) {
        let decls: [Part; 13] = [
            Writer::header,
            Writer::units,
            Writer::score,
            Writer::kind,
            Writer::section,
            Writer::veto,
            Writer::finding,
            Writer::ranking,
            Writer::award,
            Writer::outcome,
            Writer::grades,
            Writer::schedule,
            Writer::example,
        ];
        let d = self.pick(&decls);
        d(self);
    }

    fn header(&mut self) {
        self.kw(Kw::Policy);
        self.string();
        self.tail(true);
        self.block(4, Writer::header_stmt);
    }

    fn header_stmt(&mut self) {
        match self.below(5) {
            0 => {
                self.kw(Kw::Issuer);
                self.string();
                self.tail(true);
            }
            1 => {
                self.kw(Kw::Year);
                self.int();
                self.tail(true);
            }
            2 => {
                self.kw(Kw::Basis);
                self.string();
                for _ in 0..self.below(3) {
                    self.comma();
                    self.string();
                }
                self.tail(true);
            }
            3 => {
                self.kw(Kw::Window);
                let cite = self.early_citation();
                self.day();
                self.kw(Kw::To);
                self.day();
                self.tail(cite);
            }
            _ => {
                self.kw(Kw::Except);
                self.kw(Kw::CreditedIn);
                self.int();
                self.tail(true);
            }
        }
    }

    fn units(&mut self) {
        self.kw(Kw::Units);
        self.tail(true);
        self.block(3, Writer::group);
    }

    fn group(&mut self) {
        self.kw(Kw::Group);
        self.name();
        if self.chance(40) {
            self.string();
        }
        let mut used = Used {
            cite: false,
            assume: false,
        };
        self.tail_into(&mut used);
        if self.chance(25) {
            self.kw(Kw::Etc);
            self.tail_into(&mut used);
            return;
        }
        let open = self.pick(&["{", "｛"]);
        self.punct(open);
        self.soft();
        let lines = self.below(4);
        let etc = self.chance(30);
        for l in 0..lines {
            if l > 0 {
                self.eos();
            }
            let members = 1 + self.below(3);
            for m in 0..members {
                if m > 0 {
                    self.comma();
                }
                self.unit();
            }
            if l + 1 == lines && etc {
                self.comma();
                self.kw(Kw::Etc);
            } else if self.chance(30) {
                self.comma();
            }
        }
        self.soft();
        let close = self.pick(&["}", "｝"]);
        self.punct(close);
    }

    fn unit(&mut self) {
        self.name();
        if self.chance(30) {
            self.string();
        }
        self.tail(true);
    }

    fn score(&mut self) {
        self.kw(Kw::Score);
        if self.chance(60) {
            self.kw(Kw::Full);
            self.num();
        }
        self.tail(true);
        self.block(4, Writer::item);
    }

    fn item(&mut self) {
        self.item_at(0);
    }

    fn child_item(&mut self) {
        self.item_at(1);
    }

    fn item_at(&mut self, depth: usize) {
        self.name();
        self.num();
        let mut options = vec![0, 1, 2, 3, 4, 5, 5];
        while !options.is_empty() && self.chance(40) {
            let o = options.remove(self.below(options.len()));
            match o {
                0 => {
                    if self.chance(50) {
                        self.kw(Kw::By);
                        self.num();
                        self.kw(Kw::Scaled);
                    } else {
                        self.kw(Kw::Scaled);
                        self.num();
                    }
                }
                1 => {
                    self.kw(Kw::Describe);
                    self.string();
                }
                2 => {
                    self.kw(Kw::ScoredBy);
                    self.name();
                }
                3 => self.citation(),
                4 => {
                    self.kw(Kw::Assume);
                    self.string();
                }
                _ => self.string(),
            }
        }
        if depth == 0 && self.chance(30) {
            self.block(3, Writer::child_item);
        }
    }

    fn kind(&mut self) {
        self.kw(Kw::Event);
        self.name();
        self.tail(true);
        if self.chance(60) {
            self.block(3, Writer::attr);
        }
    }

    fn attr(&mut self) {
        self.name();
        self.colon();
        if self.chance(20) {
            self.kw(Kw::ItemAttr);
        } else {
            self.value_list();
        }
        self.tail(true);
    }

    fn value_list(&mut self) {
        self.name();
        for _ in 0..self.below(3) {
            self.bar();
            self.name();
        }
    }

    fn section(&mut self) {
        let kw = self.pick(&[Kw::Bonus, Kw::Deduct]);
        self.kw(kw);
        self.tail(true);
        let cap_first = self.chance(30);
        let open = self.pick(&["{", "｛"]);
        self.punct(open);
        self.soft();
        let n = self.below(4);
        let cap_at = if cap_first { self.below(n + 1) } else { n + 1 };
        for i in 0..n {
            if i > 0 {
                self.eos();
            }
            if i == cap_at {
                self.kw(Kw::Cap);
                self.num();
                self.tail(true);
            } else {
                self.rule();
            }
        }
        self.soft();
        let close = self.pick(&["}", "｝"]);
        self.punct(close);
    }

    fn rule(&mut self) {
        self.name();
        let cite = self.early_citation();
        self.conditions();
        self.arrow();
        match self.below(5) {
            0 => self.num(),
            1 => {
                self.num();
                self.kw(Kw::To);
                self.num();
            }
            2 => {
                self.kw(Kw::UpTo);
                self.num();
            }
            3 => self.kw(Kw::Half),
            _ => {
                self.kw(Kw::Times);
                self.num();
            }
        }
        let mut options = vec![0, 1, 2, 3, 3];
        if !cite {
            options.retain(|&o| o != 1);
        }
        while !options.is_empty() && self.chance(35) {
            let o = options.remove(self.below(options.len()));
            match o {
                0 => {
                    self.kw(Kw::Cap);
                    self.num();
                }
                1 => self.citation(),
                2 => {
                    self.kw(Kw::Assume);
                    self.string();
                }
                _ => self.string(),
            }
        }
    }

    fn conditions(&mut self) {
        for i in 0..self.below(3) {
            if i > 0 {
                match self.below(3) {
                    0 => self.kw(Kw::And),
                    1 => self.comma(),
                    _ => {}
                }
            }
            self.name();
            match self.below(3) {
                0 => {
                    self.kw(Kw::Is);
                    self.name();
                }
                1 => {
                    self.kw(Kw::In);
                    self.value_list();
                }
                _ => {
                    self.kw(Kw::NotIn);
                    self.value_list();
                }
            }
        }
    }

    fn veto(&mut self) {
        self.kw(Kw::Veto);
        let cite = self.early_citation();
        if self.chance(40) {
            self.kw(Kw::When);
            self.cond(2);
        } else {
            self.name();
            self.conditions();
        }
        self.tail(cite);
    }

    fn finding(&mut self) {
        if self.chance(50) {
            self.kw(Kw::On);
        }
        self.name();
        let cite = self.early_citation();
        self.conditions();
        self.arrow();
        for i in 0..1 + self.below(2) {
            if i > 0 {
                self.comma();
            }
            if self.chance(50) {
                self.kw(Kw::ZeroItem);
            } else {
                self.kw(Kw::Revoke);
                self.name();
            }
        }
        self.tail(cite);
    }

    fn ranking(&mut self) {
        self.kw(Kw::Rank);
        let mut cite = self.early_citation();
        self.kw(Kw::By);
        self.rank_key();
        let mut within = false;
        let mut assumed = false;
        for _ in 0..self.below(4) {
            match self.below(5) {
                0 if !within => {
                    within = true;
                    self.kw(Kw::WithinGroup);
                }
                1 => {
                    self.kw(Kw::Then);
                    self.kw(Kw::By);
                    self.rank_key();
                }
                2 if cite => {
                    cite = false;
                    self.citation();
                }
                3 if !assumed => {
                    assumed = true;
                    self.kw(Kw::Assume);
                    self.string();
                }
                _ => self.string(),
            }
        }
    }

    fn rank_key(&mut self) {
        if self.chance(50) {
            self.kw(Kw::Total);
        } else {
            self.name();
        }
        if self.chance(60) {
            let order = self.pick(&[Kw::Desc, Kw::Asc]);
            self.kw(order);
        }
    }

    fn award(&mut self) {
        self.kw(Kw::Award);
        self.name();
        if self.chance(40) {
            self.string();
        }
        self.tail(true);
        self.quota_used = false;
        if self.chance(70) {
            self.block(4, Writer::award_clause);
        }
    }

    fn award_clause(&mut self) {
        match self.below(3) {
            0 if !self.quota_used => {
                self.quota_used = true;
                self.kw(Kw::Quota);
                if self.chance(50) {
                    self.percent();
                } else {
                    self.int();
                }
            }
            1 => {
                self.kw(Kw::Allow);
                self.name();
            }
            _ => {
                self.kw(Kw::Exclude);
                match self.below(3) {
                    0 => self.kw(Kw::Vetoed),
                    1 => self.bottom(),
                    _ => self.name(),
                }
            }
        }
        self.tail(true);
    }

    fn bottom(&mut self) {
        self.kw(Kw::Bottom);
        self.int();
        if self.chance(50) {
            self.word("名");
        }
    }

    fn outcome(&mut self) {
        self.kw(Kw::Outcome);
        self.name();
        let mut used = Used {
            cite: false,
            assume: false,
        };
        self.tail_into(&mut used);
        self.kw(Kw::When);
        self.cond(2);
        self.tail_into(&mut used);
    }

    fn cond(&mut self, depth: usize) {
        self.cond_and(depth);
        for _ in 0..self.below(2) {
            self.kw(Kw::Or);
            self.cond_and(depth);
        }
    }

    fn cond_and(&mut self, depth: usize) {
        self.cond_unary(depth);
        for _ in 0..self.below(2) {
            self.kw(Kw::And);
            self.cond_unary(depth);
        }
    }

    fn cond_unary(&mut self, depth: usize) {
        if self.chance(15) {
            self.kw(Kw::Not);
            self.cond_unary(depth);
            return;
        }
        match self.below(8) {
            0 if depth > 0 => {
                let open = self.pick(&["(", "（"]);
                self.punct(open);
                self.soft();
                self.cond(depth - 1);
                self.soft();
                let close = self.pick(&[")", "）"]);
                self.punct(close);
            }
            1 => self.bottom(),
            2 => self.kw(Kw::Vetoed),
            3 => {
                self.kw(Kw::Has);
                match self.below(3) {
                    0 => self.kw(Kw::Bonus),
                    1 => self.kw(Kw::Deduct),
                    _ => {
                        self.name();
                        self.conditions();
                    }
                }
            }
            4 => {
                self.kw(Kw::Count);
                let open = self.pick(&["(", "（"]);
                self.punct(open);
                self.name();
                self.conditions();
                let close = self.pick(&[")", "）"]);
                self.punct(close);
                self.cmp();
                self.num();
            }
            5 => {
                self.kw(Kw::In);
                self.name();
            }
            _ => {
                match self.below(5) {
                    0 => self.kw(Kw::Total),
                    1 => self.kw(Kw::Rank),
                    2 => self.kw(Kw::Bonus),
                    3 => self.kw(Kw::Deduct),
                    _ => self.name(),
                }
                self.cmp();
                self.num();
            }
        }
    }

    fn grades(&mut self) {
        self.kw(Kw::Grades);
        self.tail(true);
        self.block(4, Writer::tier);
    }

    fn tier(&mut self) {
        self.name();
        let cite = self.early_citation();
        if self.chance(70) {
            self.kw(Kw::When);
            self.cond(1);
        } else {
            self.kw(Kw::Otherwise);
        }
        if self.chance(40) {
            self.kw(Kw::Quota);
            if self.chance(50) {
                self.percent();
            } else {
                self.int();
            }
        }
        self.tail(cite);
    }

    fn schedule(&mut self) {
        self.kw(Kw::Schedule);
        self.tail(true);
        self.block(4, Writer::step);
    }

    fn step(&mut self) {
        self.name();
        let mut due = false;
        let mut cite = true;
        let mut assumed = false;
        for _ in 0..self.below(4) {
            match self.below(5) {
                0 if !due => {
                    due = true;
                    self.kw(Kw::Due);
                    self.day();
                }
                1 => {
                    let at = self.chance(50);
                    if at {
                        self.word("在");
                    } else {
                        self.kw(Kw::After);
                    }
                    self.name();
                    for _ in 0..self.below(2) {
                        self.comma();
                        self.name();
                    }
                    if at {
                        self.kw(Kw::After);
                    }
                }
                2 if cite => {
                    cite = false;
                    self.citation();
                }
                3 if !assumed => {
                    assumed = true;
                    self.kw(Kw::Assume);
                    self.string();
                }
                _ => self.string(),
            }
        }
    }

    fn example(&mut self) {
        self.kw(Kw::Example);
        self.string();
        self.tail(true);
        self.block(5, Writer::example_stmt);
    }

    fn example_stmt(&mut self) {
        match self.below(4) {
            0 => {
                self.kw(Kw::Unit);
                self.name();
                if self.chance(30) {
                    self.kw(Kw::Group);
                    self.name();
                }
            }
            1 => {
                self.kw(Kw::Scores);
                for i in 0..1 + self.below(4) {
                    if i > 0 {
                        self.comma();
                    }
                    self.name();
                    self.num();
                }
            }
            2 => {
                self.kw(Kw::Event);
                self.name();
                if self.chance(70) {
                    self.event_fields();
                }
            }
            _ => {
                self.kw(Kw::Expect);
                for i in 0..1 + self.below(3) {
                    if i > 0 {
                        self.comma();
                    }
                    self.expectation();
                }
            }
        }
        self.tail(true);
    }

    fn event_fields(&mut self) {
        let open = self.pick(&["{", "｛"]);
        self.punct(open);
        self.soft();
        let n = self.below(4);
        for i in 0..n {
            if i > 0 {
                if self.chance(60) {
                    self.comma();
                } else {
                    self.eos();
                }
            }
            self.field();
        }
        if n > 0 && self.chance(30) {
            self.comma();
        }
        self.soft();
        let close = self.pick(&["}", "｝"]);
        self.punct(close);
    }

    fn field(&mut self) {
        let key = self.below(7);
        match key {
            0 => self.kw(Kw::Date),
            1 => self.kw(Kw::Points),
            2 => self.kw(Kw::Doc),
            3 => self.kw(Kw::Title),
            4 => self.kw(Kw::CreditedIn),
            5 => self.kw(Kw::Id),
            _ => self.name(),
        }
        if self.chance(30) {
            self.colon();
        }
        match key {
            0 => self.day(),
            1 => self.num(),
            4 => self.int(),
            _ => match self.below(4) {
                0 => self.day(),
                1 => self.num(),
                2 => self.string(),
                _ => self.name(),
            },
        }
    }

    fn expectation(&mut self) {
        match self.below(7) {
            0 => {
                self.kw(Kw::Total);
                self.num();
            }
            1 => {
                self.kw(Kw::Bonus);
                self.num();
            }
            2 => {
                self.kw(Kw::Deduct);
                self.num();
            }
            3 => {
                self.kw(Kw::Rank);
                self.int();
            }
            4 => {
                if self.chance(50) {
                    self.kw(Kw::Not);
                }
                self.kw(Kw::Vetoed);
            }
            5 => {
                self.kw(Kw::Grades);
                self.name();
            }
            _ => {
                if self.chance(50) {
                    self.kw(Kw::Not);
                }
                self.name();
            }
        }
    }
}

/// A random policy text and the comments written in it.
pub fn policy(seed: u64) -> (String, Vec<String>) {
    let mut w = Writer::new(seed);
    w.policy();
    (w.text, w.comments)
}
