#![allow(clippy::disallowed_methods)]
//! Random policies that build: every declaration of tests/policy_gen/ with
//! names that resolve, score items that add up, base rules of a kind that
//! never overlap (each kind's values partitioned), schedules in date order,
//! and so on. The tokens are written by `policy_gen::Writer`, so keywords
//! come in either language (mixed within a file), punctuation half- or
//! full-width, spacing untidy, with comments, citations, notes and
//! assumptions anywhere the grammar allows.
//!
//! Some numbers are recorded as edit sites: changing one is a real change of
//! meaning, which `kaohe diff` must report (in the part and the number of
//! changes recorded). A few texts still fail to build (an award every unit is
//! excluded from, say); the property tests skip those and count them.

use std::collections::HashSet;

use kaohe::i18n::keywords::Kw;
use kaohe::syntax::is_bare_name;

use crate::policy_gen::{Used, Writer};

/// A generated policy and the numbers whose change is a change of meaning.
pub struct Generated {
    pub text: String,
    pub edits: Vec<Edit>,
}

/// Replace `text[start..end]` (a number) by `to`: `kaohe diff` then reports
/// `changes` changes, all in `part` (the JSON name of the part).
#[derive(Debug, Clone)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub to: String,
    pub part: &'static str,
    pub changes: usize,
}

impl Edit {
    pub fn apply(&self, text: &str) -> String {
        format!("{}{}{}", &text[..self.start], self.to, &text[self.end..])
    }
}

/// A random policy that (almost always) builds without errors.
pub fn policy(seed: u64) -> Generated {
    let mut g = Gen {
        w: Writer::new(seed),
        used: HashSet::new(),
        year: 0,
        groups: Vec::new(),
        units: Vec::new(),
        items: Vec::new(),
        item_names: Vec::new(),
        kinds: Vec::new(),
        awards: Vec::new(),
        outcomes: Vec::new(),
        edits: Vec::new(),
    };
    g.plan();
    g.write();
    Generated {
        text: g.w.text,
        edits: g.edits,
    }
}

enum Attr {
    Values(String, Vec<String>),
    Items(String),
}

struct Kind {
    name: String,
    attrs: Vec<Attr>,
}

struct Group {
    name: String,
    members: Vec<String>,
    open: bool,
}

/// A score item: name, maximum, children.
struct Item {
    name: String,
    max: u32,
    children: Vec<Item>,
}

/// Which part an edited number belongs to, and how many changes it makes.
#[derive(Clone, Copy)]
struct Site {
    part: &'static str,
    changes: usize,
}

struct Gen {
    w: Writer,
    used: HashSet<String>,
    year: i32,
    groups: Vec<Group>,
    units: Vec<String>,
    items: Vec<Item>,
    /// Every item's name, parents too.
    item_names: Vec<String>,
    kinds: Vec<Kind>,
    awards: Vec<String>,
    outcomes: Vec<String>,
    edits: Vec<Edit>,
}

#[derive(Clone, Copy, PartialEq)]
enum Decl {
    Header,
    Units,
    Score,
    Kind(usize),
    Bonus,
    Deduct,
    Vetoes,
    Findings,
    Ranking,
    Award(usize),
    Outcome(usize),
    Grades,
    Schedule,
}

impl Gen {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.w.below(xs.len())]
    }

    /// A name not used yet: Chinese mostly, sometimes ASCII.
    fn fresh(&mut self) -> String {
        loop {
            let n = if self.w.chance(85) {
                let len = 2 + self.w.below(2);
                (0..len)
                    .map(|_| char::from_u32(0x4E00 + self.w.below(0x9FA5 - 0x4E00 + 1) as u32))
                    .map(|c| c.unwrap_or('甲'))
                    .collect::<String>()
            } else {
                let len = 3 + self.w.below(4);
                (0..len)
                    .map(|_| char::from(b'a' + self.w.below(26) as u8))
                    .collect()
            };
            if !self.used.contains(&n) {
                self.used.insert(n.clone());
                return n;
            }
        }
    }

    // ---------- the plan: what the policy declares ----------

    fn plan(&mut self) {
        self.year = 2000 + self.w.below(40) as i32;
        for _ in 0..1 + self.w.below(3) {
            let name = self.fresh();
            let open = self.w.chance(25);
            let n = if open && self.w.chance(40) {
                0
            } else {
                1 + self.w.below(4)
            };
            let members: Vec<String> = (0..n).map(|_| self.fresh()).collect();
            self.units.extend(members.iter().cloned());
            self.groups.push(Group {
                name,
                members,
                open,
            });
        }
        if self.units.is_empty() {
            let u = self.fresh();
            self.units.push(u.clone());
            if let Some(g) = self.groups.first_mut() {
                g.members.push(u);
            }
        }
        for _ in 0..1 + self.w.below(4) {
            let item = self.item(true);
            self.items.push(item);
        }
        for _ in 0..self.w.below(5) {
            let name = self.fresh();
            let mut attrs = Vec::new();
            for _ in 0..self.w.below(3) {
                let attr = self.fresh();
                if self.w.chance(20) && !attrs.iter().any(|a| matches!(a, Attr::Items(_))) {
                    attrs.push(Attr::Items(attr));
                } else {
                    let values = (0..2 + self.w.below(3)).map(|_| self.fresh()).collect();
                    attrs.push(Attr::Values(attr, values));
                }
            }
            self.kinds.push(Kind { name, attrs });
        }
        for _ in 0..self.w.below(3) {
            let a = self.fresh();
            self.awards.push(a);
        }
        for _ in 0..self.w.below(3) {
            let o = self.fresh();
            self.outcomes.push(o);
        }
    }

    fn item(&mut self, top: bool) -> Item {
        let name = self.fresh();
        self.item_names.push(name.clone());
        if top && self.w.chance(30) {
            let children: Vec<Item> = (0..1 + self.w.below(3)).map(|_| self.item(false)).collect();
            let max = children.iter().map(|c| c.max).sum();
            return Item {
                name,
                max,
                children,
            };
        }
        Item {
            name,
            max: 1 + self.w.below(40) as u32,
            children: Vec::new(),
        }
    }

    // ---------- tokens ----------

    /// A name, bare or quoted (`「…」`, `` `…` ``), as the grammar allows.
    fn name(&mut self, n: &str) {
        let bare = is_bare_name(n) && !["within", "up"].contains(&n);
        let written = match self.w.below(10) {
            _ if !bare => format!("「{n}」"),
            0 => format!("「{n}」"),
            1 => format!("`{n}`"),
            _ => n.to_string(),
        };
        self.w.word(&written);
    }

    /// A whole number, sometimes with a leading zero.
    fn int(&mut self, n: u32) -> (usize, usize) {
        let t = if self.w.chance(15) {
            format!("0{n}")
        } else {
            n.to_string()
        };
        self.w.word(&t);
        (self.w.text.len() - t.len(), self.w.text.len())
    }

    /// A number `n` (or `n.5` when `half`), in one of its spellings.
    fn num(&mut self, n: u32, half: bool) -> (usize, usize) {
        let t = match (half, self.w.below(4)) {
            (true, 0) => format!("{n}.50"),
            (true, _) => format!("{n}.5"),
            (false, 0) => format!("{n}.0"),
            (false, 1) => format!("{n}.00"),
            _ => n.to_string(),
        };
        self.w.word(&t);
        (self.w.text.len() - t.len(), self.w.text.len())
    }

    /// A number that is an edit site: `n` becomes `n + 1`.
    fn site_num(&mut self, n: u32, half: bool, site: Option<Site>) {
        let (start, end) = self.num(n, half);
        if let Some(s) = site {
            let to = if half {
                format!("{}.5", n + 1)
            } else {
                (n + 1).to_string()
            };
            self.edit(start, end, to, s);
        }
    }

    fn site_int(&mut self, n: u32, site: Option<Site>) {
        let (start, end) = self.int(n);
        if let Some(s) = site {
            self.edit(start, end, (n + 1).to_string(), s);
        }
    }

    fn edit(&mut self, start: usize, end: usize, to: String, s: Site) {
        self.edits.push(Edit {
            start,
            end,
            to,
            part: s.part,
            changes: s.changes,
        });
    }

    fn open(&mut self) {
        let o = self.pick(&["{", "｛"]);
        self.w.punct(o);
        self.w.soft();
    }

    fn close(&mut self) {
        self.w.soft();
        let c = self.pick(&["}", "｝"]);
        self.w.punct(c);
    }

    /// A date of the policy year, as `YYYY-MM-DD` or `MM-DD`.
    fn day(&mut self, (m, d): (u32, u32)) {
        let t = if self.w.chance(50) {
            format!("{}-{m:02}-{d:02}", self.year)
        } else {
            format!("{m:02}-{d:02}")
        };
        self.w.word(&t);
    }

    fn random_day(&mut self) -> (u32, u32) {
        (1 + self.w.below(12) as u32, 1 + self.w.below(28) as u32)
    }

    // ---------- the text ----------

    fn write(&mut self) {
        if self.w.chance(30) {
            self.w.comment();
            self.w.text.push('\n');
        }
        let mut decls = vec![Decl::Header, Decl::Units, Decl::Score];
        decls.extend((0..self.kinds.len()).map(Decl::Kind));
        decls.extend((0..self.awards.len()).map(Decl::Award));
        decls.extend((0..self.outcomes.len()).map(Decl::Outcome));
        for (d, p) in [
            (Decl::Vetoes, 50),
            (Decl::Findings, 50),
            (Decl::Ranking, 60),
            (Decl::Grades, 50),
            (Decl::Schedule, 40),
        ] {
            if self.w.chance(p) {
                decls.push(d);
            }
        }
        if !self.kinds.is_empty() {
            decls.push(Decl::Bonus);
            if self.w.chance(60) {
                decls.push(Decl::Deduct);
            }
        }
        // Declarations in any order: a name may be used before it is declared.
        for i in (1..decls.len()).rev() {
            decls.swap(i, self.w.below(i + 1));
        }
        let rules = self.rules();
        for (i, d) in decls.into_iter().enumerate() {
            if i > 0 {
                self.w.eos();
            }
            match d {
                Decl::Header => self.header(),
                Decl::Units => self.units(),
                Decl::Score => self.score(),
                Decl::Kind(k) => self.kind(k),
                Decl::Bonus => self.section(&rules, true),
                Decl::Deduct => self.section(&rules, false),
                Decl::Vetoes => self.vetoes(),
                Decl::Findings => self.findings(),
                Decl::Ranking => self.ranking(),
                Decl::Award(a) => self.award(a),
                Decl::Outcome(o) => self.outcome(o),
                Decl::Grades => self.grades(),
                Decl::Schedule => self.schedule(),
            }
        }
        if self.w.chance(50) {
            self.w.newline();
        }
    }

    /// Statements of a block, `;` or a line apart.
    fn stmts(&mut self, n: usize, mut one: impl FnMut(&mut Gen, usize)) {
        self.open();
        for i in 0..n {
            if i > 0 {
                self.w.eos();
            }
            one(self, i);
        }
        if n > 0 && self.w.chance(30) {
            self.w.eos();
        }
        self.close();
    }

    fn header(&mut self) {
        self.w.kw(Kw::Policy);
        self.w.string();
        self.w.tail(true);
        let mut stmts = vec![0];
        for s in 1..5 {
            if self.w.chance(50) {
                stmts.push(s);
            }
        }
        for i in (1..stmts.len()).rev() {
            stmts.swap(i, self.w.below(i + 1));
        }
        self.stmts(stmts.len(), |g, i| match stmts[i] {
            0 => {
                g.w.kw(Kw::Year);
                let y = g.year as u32;
                g.int(y);
                g.w.tail(true);
            }
            1 => {
                g.w.kw(Kw::Issuer);
                g.w.string();
                g.w.tail(true);
            }
            2 => {
                g.w.kw(Kw::Basis);
                g.w.string();
                for _ in 0..g.w.below(3) {
                    g.w.comma();
                    g.w.string();
                }
                g.w.tail(true);
            }
            3 => {
                g.w.kw(Kw::Window);
                let cite = g.w.early_citation();
                let (a, b) = (g.random_day(), g.random_day());
                g.day(a.min(b));
                g.w.kw(Kw::To);
                g.day(a.max(b));
                g.w.tail(cite);
            }
            _ => {
                g.w.kw(Kw::Except);
                g.w.kw(Kw::CreditedIn);
                let y = g.year as u32 - 1 - g.w.below(3) as u32;
                g.int(y);
                g.w.tail(true);
            }
        });
    }

    fn units(&mut self) {
        self.w.kw(Kw::Units);
        self.w.tail(true);
        let n = self.groups.len();
        self.stmts(n, |g, i| g.group(i));
    }

    fn group(&mut self, i: usize) {
        let (name, members, open) = {
            let gr = &self.groups[i];
            (gr.name.clone(), gr.members.clone(), gr.open)
        };
        self.w.kw(Kw::Group);
        self.name(&name);
        if self.w.chance(40) {
            self.w.string();
        }
        let mut used = Used {
            cite: false,
            assume: false,
        };
        self.w.tail_into(&mut used);
        if members.is_empty() {
            self.w.kw(Kw::Etc);
            self.w.tail_into(&mut used);
            return;
        }
        self.open();
        for (m, unit) in members.iter().enumerate() {
            if m > 0 {
                if self.w.chance(25) {
                    self.w.eos();
                } else {
                    self.w.comma();
                }
            }
            self.name(unit);
            if self.w.chance(30) {
                self.w.string();
            }
            self.w.tail(true);
        }
        if open {
            self.w.comma();
            self.w.kw(Kw::Etc);
        }
        self.close();
    }

    fn score(&mut self) {
        self.w.kw(Kw::Score);
        if self.w.chance(60) {
            self.w.kw(Kw::Full);
            let full = self.items.iter().map(|i| i.max).sum();
            self.num(full, false);
        }
        self.w.tail(true);
        let items = std::mem::take(&mut self.items);
        self.stmts(items.len(), |g, i| g.write_item(&items[i]));
        self.items = items;
    }

    fn write_item(&mut self, item: &Item) {
        self.name(&item.name);
        self.num(item.max, false);
        let mut options = vec![1, 2, 3, 4, 5, 5];
        if item.children.is_empty() {
            options.push(0);
        }
        while !options.is_empty() && self.w.chance(40) {
            let o = options.remove(self.w.below(options.len()));
            match o {
                0 => {
                    let s = self.pick(&["10", "100", "20", "50", "5"]).to_string();
                    if self.w.chance(50) {
                        self.w.kw(Kw::By);
                        self.w.word(&s);
                        self.w.kw(Kw::Scaled);
                    } else {
                        self.w.kw(Kw::Scaled);
                        self.w.word(&s);
                    }
                }
                1 => {
                    self.w.kw(Kw::Describe);
                    self.w.string();
                }
                2 => {
                    self.w.kw(Kw::ScoredBy);
                    let s = self.fresh();
                    self.name(&s);
                }
                3 => self.w.citation(),
                4 => {
                    self.w.kw(Kw::Assume);
                    self.w.string();
                }
                _ => self.w.string(),
            }
        }
        if !item.children.is_empty() {
            self.stmts(item.children.len(), |g, i| g.write_item(&item.children[i]));
        }
    }

    fn kind(&mut self, k: usize) {
        self.w.kw(Kw::Event);
        let name = self.kinds[k].name.clone();
        self.name(&name);
        self.w.tail(true);
        let n = self.kinds[k].attrs.len();
        if n == 0 && self.w.chance(70) {
            return;
        }
        self.stmts(n, |g, i| {
            let (name, values) = match &g.kinds[k].attrs[i] {
                Attr::Values(a, vs) => (a.clone(), Some(vs.clone())),
                Attr::Items(a) => (a.clone(), None),
            };
            g.name(&name);
            g.w.colon();
            match values {
                None => g.w.kw(Kw::ItemAttr),
                Some(vs) => g.values(&vs),
            }
            g.w.tail(true);
        });
    }

    /// `V | W | …`.
    fn values(&mut self, vs: &[String]) {
        for (i, v) in vs.iter().enumerate() {
            if i > 0 {
                self.w.bar();
            }
            self.name(v);
        }
    }

    /// The values of attribute `a` of kind `k` (item names for `计分项`).
    fn domain(&self, k: usize, a: usize) -> (String, Vec<String>) {
        match &self.kinds[k].attrs[a] {
            Attr::Values(n, vs) => (n.clone(), vs.clone()),
            Attr::Items(n) => (n.clone(), self.item_names.clone()),
        }
    }

    /// A random subset of `vs` in random order (`nonempty`: at least one).
    fn subset(&mut self, vs: &[String], nonempty: bool) -> Vec<String> {
        let mut s: Vec<String> = vs.iter().filter(|_| self.w.chance(50)).cloned().collect();
        if s.is_empty() && nonempty && !vs.is_empty() {
            s.push(vs[self.w.below(vs.len())].clone());
        }
        for i in (1..s.len()).rev() {
            s.swap(i, self.w.below(i + 1));
        }
        s
    }

    /// A test of attribute `attr` passing exactly `pass` out of `all`.
    fn test(&mut self, attr: &str, pass: &[String], all: &[String]) -> Vec<Token> {
        let rest: Vec<String> = all.iter().filter(|v| !pass.contains(v)).cloned().collect();
        let mut out = vec![Token::Name(attr.to_string())];
        if pass.len() == 1 && self.w.chance(50) {
            out.push(Token::Kw(Kw::Is));
            out.push(Token::Name(pass[0].clone()));
        } else if !rest.is_empty() && self.w.chance(35) {
            out.push(Token::Kw(Kw::NotIn));
            out.push(Token::Values(rest));
        } else {
            out.push(Token::Kw(Kw::In));
            let mut p = pass.to_vec();
            for i in (1..p.len()).rev() {
                p.swap(i, self.w.below(i + 1));
            }
            out.push(Token::Values(p));
        }
        out
    }

    /// Random tests of kind `k`: some attributes, each passing some values.
    fn some_tests(&mut self, k: usize) -> Vec<Vec<Token>> {
        let mut tests = Vec::new();
        for a in 0..self.kinds[k].attrs.len() {
            if self.w.chance(40) {
                let (name, all) = self.domain(k, a);
                let pass = self.subset(&all, true);
                tests.push(self.test(&name, &pass, &all));
            }
        }
        tests
    }

    fn write_tests(&mut self, tests: &[Vec<Token>]) {
        for (i, t) in tests.iter().enumerate() {
            if i > 0 {
                match self.w.below(3) {
                    0 => self.w.kw(Kw::And),
                    1 => self.w.comma(),
                    _ => {}
                }
            }
            for tok in t {
                match tok {
                    Token::Name(n) => self.name(n),
                    Token::Kw(k) => self.w.kw(*k),
                    Token::Values(vs) => self.values(vs),
                }
            }
        }
    }

    /// Every kind's rules: its values of one attribute partitioned among base
    /// rules (or one rule without tests), and maybe a modifier.
    fn rules(&mut self) -> Vec<Rule> {
        let mut rules = Vec::new();
        for k in 0..self.kinds.len() {
            let n = self.kinds[k].attrs.len();
            let parts: Vec<Vec<Token>> = if n > 0 && self.w.chance(70) {
                let a = self.w.below(n);
                let (name, all) = self.domain(k, a);
                // Blocks of a partition of the attribute's values.
                let mut blocks: Vec<Vec<String>> = Vec::new();
                for v in &all {
                    match blocks.len() {
                        0 => blocks.push(vec![v.clone()]),
                        b if b < 3 && self.w.chance(40) => blocks.push(vec![v.clone()]),
                        b => {
                            let at = self.w.below(b);
                            blocks[at].push(v.clone());
                        }
                    }
                }
                blocks
                    .iter()
                    .map(|block| self.test(&name, block, &all))
                    .collect()
            } else if self.w.chance(85) {
                vec![Vec::new()]
            } else {
                Vec::new()
            };
            for t in parts {
                let amount = match self.w.below(4) {
                    0 | 1 => Amount::Fixed(1 + self.w.below(20) as u32, self.w.chance(20)),
                    2 => {
                        let lo = self.w.below(5) as u32;
                        Amount::Range(lo, lo + 1 + self.w.below(5) as u32)
                    }
                    _ => Amount::UpTo(1 + self.w.below(10) as u32),
                };
                let cap = self.w.chance(25).then(|| 5 + self.w.below(30) as u32);
                rules.push(Rule {
                    kind: k,
                    bonus: self.w.chance(60),
                    tests: if t.is_empty() { Vec::new() } else { vec![t] },
                    amount,
                    cap,
                });
            }
            if n > 0 && self.w.chance(25) {
                let tests = self.some_tests(k);
                let amount = if self.w.chance(50) {
                    Amount::Half
                } else {
                    Amount::Times(1 + self.w.below(3) as u32)
                };
                rules.push(Rule {
                    kind: k,
                    bonus: self.w.chance(60),
                    tests,
                    amount,
                    cap: None,
                });
            }
        }
        for i in (1..rules.len()).rev() {
            rules.swap(i, self.w.below(i + 1));
        }
        rules
    }

    fn section(&mut self, rules: &[Rule], bonus: bool) {
        self.w.kw(if bonus { Kw::Bonus } else { Kw::Deduct });
        self.w.tail(true);
        let mine: Vec<&Rule> = rules.iter().filter(|r| r.bonus == bonus).collect();
        let cap = self.w.chance(40).then(|| 10 + self.w.below(40) as u32);
        let cap_at = self.w.below(mine.len() + 1);
        let n = mine.len() + usize::from(cap.is_some());
        self.stmts(n, |g, i| {
            if let (Some(c), true) = (cap, i == cap_at) {
                g.w.kw(Kw::Cap);
                g.site_num(
                    c,
                    false,
                    Some(Site {
                        part: "sections",
                        changes: 1,
                    }),
                );
                g.w.tail(true);
                return;
            }
            let r = mine[if cap.is_some() && i > cap_at {
                i - 1
            } else {
                i
            }];
            g.rule(r);
        });
    }

    fn rule(&mut self, r: &Rule) {
        let kind = self.kinds[r.kind].name.clone();
        self.name(&kind);
        let cite = self.w.early_citation();
        self.write_tests(&r.tests);
        self.w.arrow();
        let points = Some(Site {
            part: "rules",
            changes: 1,
        });
        match r.amount {
            Amount::Fixed(n, half) => self.site_num(n, half, points),
            Amount::Range(lo, hi) => {
                self.num(lo, false);
                self.w.kw(Kw::To);
                self.site_num(hi, false, points);
            }
            Amount::UpTo(hi) => {
                self.w.kw(Kw::UpTo);
                self.site_num(hi, false, points);
            }
            Amount::Half => self.w.kw(Kw::Half),
            Amount::Times(f) => {
                self.w.kw(Kw::Times);
                self.site_num(f, false, points);
            }
        }
        if let Some(c) = r.cap {
            self.w.kw(Kw::Cap);
            self.site_num(
                c,
                false,
                Some(Site {
                    part: "rules",
                    changes: 1,
                }),
            );
        }
        self.w.tail(cite);
    }

    fn vetoes(&mut self) {
        for i in 0..1 + self.w.below(2) {
            if i > 0 {
                self.w.eos();
            }
            self.w.kw(Kw::Veto);
            let cite = self.w.early_citation();
            if self.kinds.is_empty() || self.w.chance(50) {
                self.w.kw(Kw::When);
                // A changed condition is another veto: one removed, one added.
                self.cond(
                    1,
                    Ctx {
                        veto: true,
                        site: Site {
                            part: "vetoes",
                            changes: 2,
                        },
                    },
                );
            } else {
                let k = self.w.below(self.kinds.len());
                let name = self.kinds[k].name.clone();
                self.name(&name);
                let tests = self.some_tests(k);
                self.write_tests(&tests);
            }
            self.w.tail(cite);
        }
    }

    fn findings(&mut self) {
        let mut written = 0;
        for k in 0..self.kinds.len() {
            let items = self.kinds[k]
                .attrs
                .iter()
                .filter(|a| matches!(a, Attr::Items(_)))
                .count();
            let mut actions = Vec::new();
            if items == 1 && self.w.chance(70) {
                actions.push(None);
            }
            for a in 0..self.awards.len() {
                if self.w.chance(40) {
                    actions.push(Some(a));
                }
            }
            if actions.is_empty() || self.w.chance(40) {
                continue;
            }
            if written > 0 {
                self.w.eos();
            }
            written += 1;
            if self.w.chance(50) {
                self.w.kw(Kw::On);
            }
            let name = self.kinds[k].name.clone();
            self.name(&name);
            let cite = self.w.early_citation();
            let tests = self.some_tests(k);
            self.write_tests(&tests);
            self.w.arrow();
            for (i, a) in actions.into_iter().enumerate() {
                if i > 0 {
                    self.w.comma();
                }
                match a {
                    None => self.w.kw(Kw::ZeroItem),
                    Some(a) => {
                        self.w.kw(Kw::Revoke);
                        let name = self.awards[a].clone();
                        self.name(&name);
                    }
                }
            }
            self.w.tail(cite);
        }
        if written == 0 {
            // Nothing to find: a veto instead, so the declarations stay `eos` apart.
            self.vetoes();
        }
    }

    fn rank_key(&mut self) {
        if self.w.chance(50) {
            self.w.kw(Kw::Total);
        } else {
            let i = self.item_names[self.w.below(self.item_names.len())].clone();
            self.name(&i);
        }
        if self.w.chance(60) {
            let order = if self.w.chance(50) { Kw::Desc } else { Kw::Asc };
            self.w.kw(order);
        }
    }

    fn ranking(&mut self) {
        self.w.kw(Kw::Rank);
        let cite = self.w.early_citation();
        self.w.kw(Kw::By);
        self.rank_key();
        let mut within = false;
        for _ in 0..self.w.below(3) {
            if !within && self.w.chance(50) {
                within = true;
                self.w.kw(Kw::WithinGroup);
            } else {
                self.w.kw(Kw::Then);
                self.w.kw(Kw::By);
                self.rank_key();
            }
        }
        self.w.tail(cite);
    }

    fn award(&mut self, a: usize) {
        self.w.kw(Kw::Award);
        let name = self.awards[a].clone();
        self.name(&name);
        if self.w.chance(40) {
            self.w.string();
        }
        self.w.tail(true);
        let mut clauses = Vec::new();
        if self.w.chance(50) {
            clauses.push(0);
        }
        for c in 1..7 {
            if self.w.chance(30) {
                clauses.push(c);
            }
        }
        if clauses.is_empty() && self.w.chance(50) {
            return;
        }
        for i in (1..clauses.len()).rev() {
            clauses.swap(i, self.w.below(i + 1));
        }
        let awards = Site {
            part: "awards",
            changes: 1,
        };
        self.stmts(clauses.len(), |g, i| {
            match clauses[i] {
                0 => {
                    g.w.kw(Kw::Quota);
                    if g.w.chance(40) {
                        let p = 10 + g.w.below(80) as u32;
                        let (start, end) = g.num(p, false);
                        let sign = g.pick(&["%", "％"]);
                        g.w.text.push_str(sign);
                        g.edit(start, end, (p + 1).to_string(), awards);
                    } else {
                        let n = 1 + g.w.below(3) as u32;
                        g.site_int(n, Some(awards));
                    }
                }
                1 if g.units.len() > 2 => {
                    g.w.kw(Kw::Exclude);
                    let u = g.units[g.w.below(g.units.len())].clone();
                    g.name(&u);
                }
                2 if g.groups.len() > 1 => {
                    g.w.kw(Kw::Exclude);
                    let gr = g.groups[g.w.below(g.groups.len())].name.clone();
                    g.name(&gr);
                }
                3 => {
                    g.w.kw(Kw::Exclude);
                    g.w.kw(Kw::Vetoed);
                }
                4 if g.units.len() > 2 => {
                    g.w.kw(Kw::Exclude);
                    g.w.kw(Kw::Bottom);
                    g.site_int(1, Some(awards));
                    if g.w.chance(50) {
                        g.w.kw(Kw::Ming);
                    }
                }
                5 if !g.kinds.is_empty() => {
                    g.w.kw(Kw::Exclude);
                    let k = g.kinds[g.w.below(g.kinds.len())].name.clone();
                    g.name(&k);
                }
                6 if !g.outcomes.is_empty() => {
                    let kw = if g.w.chance(50) {
                        Kw::Exclude
                    } else {
                        Kw::Allow
                    };
                    g.w.kw(kw);
                    let o = g.outcomes[g.w.below(g.outcomes.len())].clone();
                    g.name(&o);
                }
                _ => {
                    g.w.kw(Kw::Exclude);
                    g.w.kw(Kw::Vetoed);
                }
            }
            g.w.tail(true);
        });
    }

    fn outcome(&mut self, o: usize) {
        self.w.kw(Kw::Outcome);
        let name = self.outcomes[o].clone();
        self.name(&name);
        let mut used = Used {
            cite: false,
            assume: false,
        };
        self.w.tail_into(&mut used);
        self.w.kw(Kw::When);
        self.cond(
            2,
            Ctx {
                veto: false,
                site: Site {
                    part: "outcomes",
                    changes: 1,
                },
            },
        );
        self.w.tail_into(&mut used);
    }

    fn grades(&mut self) {
        self.w.kw(Kw::Grades);
        self.w.tail(true);
        let n = 1 + self.w.below(3);
        let otherwise = self.w.chance(50);
        let names: Vec<String> = (0..n).map(|_| self.fresh()).collect();
        let grades = Site {
            part: "grades",
            changes: 1,
        };
        self.stmts(n, |g, i| {
            g.name(&names[i]);
            let cite = g.w.early_citation();
            if otherwise && i + 1 == n {
                g.w.kw(Kw::Otherwise);
            } else {
                g.w.kw(Kw::When);
                g.cond(
                    1,
                    Ctx {
                        veto: false,
                        site: grades,
                    },
                );
            }
            if g.w.chance(30) {
                g.w.kw(Kw::Quota);
                let q = 1 + g.w.below(3) as u32;
                g.site_int(q, Some(grades));
            }
            g.w.tail(cite);
        });
    }

    fn schedule(&mut self) {
        self.w.kw(Kw::Schedule);
        self.w.tail(true);
        let n = 1 + self.w.below(4);
        let names: Vec<String> = (0..n).map(|_| self.fresh()).collect();
        // Due dates in order, so no step is due before one it comes after.
        let mut days: Vec<(u32, u32)> = (0..n).map(|_| self.random_day()).collect();
        days.sort();
        self.stmts(n, |g, i| {
            g.name(&names[i]);
            let mut due = false;
            let mut cite = true;
            let mut assumed = false;
            for _ in 0..g.w.below(4) {
                match g.w.below(5) {
                    0 if !due => {
                        due = true;
                        g.w.kw(Kw::Due);
                        g.day(days[i]);
                    }
                    1 if i > 0 => {
                        let at = g.w.chance(50);
                        if at {
                            g.w.kw(Kw::At);
                        } else {
                            g.w.kw(Kw::After);
                        }
                        let before: Vec<String> = names[..i].to_vec();
                        let after = g.subset(&before, true);
                        for (j, a) in after.iter().enumerate() {
                            if j > 0 {
                                g.w.comma();
                            }
                            g.name(a);
                        }
                        if at {
                            g.w.kw(Kw::After);
                        }
                    }
                    2 if cite => {
                        cite = false;
                        g.w.citation();
                    }
                    3 if !assumed => {
                        assumed = true;
                        g.w.kw(Kw::Assume);
                        g.w.string();
                    }
                    _ => g.w.string(),
                }
            }
        });
    }

    // ---------- conditions ----------

    fn cond(&mut self, depth: usize, ctx: Ctx) {
        self.cond_and(depth, ctx);
        for _ in 0..self.w.below(2) {
            self.w.kw(Kw::Or);
            self.cond_and(depth, ctx);
        }
    }

    fn cond_and(&mut self, depth: usize, ctx: Ctx) {
        self.cond_unary(depth, ctx);
        for _ in 0..self.w.below(2) {
            self.w.kw(Kw::And);
            self.cond_unary(depth, ctx);
        }
    }

    fn cond_unary(&mut self, depth: usize, ctx: Ctx) {
        if self.w.chance(12) {
            self.w.kw(Kw::Not);
            self.cond_unary(depth, ctx);
            return;
        }
        match self.w.below(9) {
            0 if depth > 0 => {
                let open = self.pick(&["(", "（"]);
                self.w.punct(open);
                self.cond(depth - 1, ctx);
                let close = self.pick(&[")", "）"]);
                self.w.punct(close);
            }
            1 if !ctx.veto => {
                self.w.kw(Kw::Bottom);
                let n = 1 + self.w.below(2) as u32;
                self.int(n);
                if self.w.chance(50) {
                    self.w.kw(Kw::Ming);
                }
            }
            2 if !ctx.veto => self.w.kw(Kw::Vetoed),
            3 => {
                self.w.kw(Kw::Has);
                if self.kinds.is_empty() || self.w.chance(40) {
                    let kw = if self.w.chance(50) {
                        Kw::Bonus
                    } else {
                        Kw::Deduct
                    };
                    self.w.kw(kw);
                } else {
                    let k = self.w.below(self.kinds.len());
                    let name = self.kinds[k].name.clone();
                    self.name(&name);
                    let tests = self.some_tests(k);
                    self.write_tests(&tests);
                }
            }
            4 if !self.kinds.is_empty() => {
                self.w.kw(Kw::Count);
                let open = self.pick(&["(", "（"]);
                self.w.punct(open);
                let k = self.w.below(self.kinds.len());
                let name = self.kinds[k].name.clone();
                self.name(&name);
                let tests = self.some_tests(k);
                self.write_tests(&tests);
                let close = self.pick(&[")", "）"]);
                self.w.punct(close);
                self.w.cmp();
                let n = self.w.below(4) as u32;
                self.int(n);
            }
            5 => {
                self.w.kw(Kw::In);
                let gr = self.groups[self.w.below(self.groups.len())].name.clone();
                self.name(&gr);
            }
            _ => {
                match self.w.below(5) {
                    0 if !ctx.veto => self.w.kw(Kw::Rank),
                    1 => self.w.kw(Kw::Bonus),
                    2 => self.w.kw(Kw::Deduct),
                    3 => {
                        let i = self.item_names[self.w.below(self.item_names.len())].clone();
                        self.name(&i);
                    }
                    _ => self.w.kw(Kw::Total),
                }
                self.w.cmp();
                let v = self.w.below(120) as u32;
                let half = self.w.chance(20);
                self.site_num(v, half, Some(ctx.site));
            }
        }
    }
}

/// Where a condition stands: a veto's cannot read the rank; its edited
/// numbers belong to `site`.
#[derive(Clone, Copy)]
struct Ctx {
    veto: bool,
    site: Site,
}

enum Token {
    Name(String),
    Kw(Kw),
    Values(Vec<String>),
}

enum Amount {
    Fixed(u32, bool),
    Range(u32, u32),
    UpTo(u32),
    Half,
    Times(u32),
}

struct Rule {
    kind: usize,
    bonus: bool,
    tests: Vec<Vec<Token>>,
    amount: Amount,
    cap: Option<u32>,
}
