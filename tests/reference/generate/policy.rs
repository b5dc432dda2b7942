//! A random policy text whose names all resolve: the units, the score tree
//! and the event kinds are decided first, then rules that partition each
//! kind's attribute values (so no two base rules overlap, sometimes leaving
//! a gap), vetoes, findings, a ranking, outcomes, awards and grades over
//! them. Chinese keywords; declarations sometimes shuffled (order changes no
//! ruling, §7.8).

use super::Rng;
use crate::reference::exact::{Q, int, parse, show};

struct Kind {
    name: String,
    /// Value attributes: name and values.
    attrs: Vec<(String, Vec<String>)>,
    /// The `计分项` attribute, if any.
    item_attr: Option<String>,
    /// `Some(true)`: bonus rules, `Some(false)`: deduction rules.
    bonus: Option<bool>,
}

struct Item {
    name: String,
    max: Q,
}

struct Writer {
    r: Rng,
    year: i32,
    groups: Vec<(String, Vec<String>, bool)>,
    items: Vec<Item>,
    full: Q,
    kinds: Vec<Kind>,
    awards: Vec<String>,
    outcomes: Vec<String>,
    decls: Vec<String>,
}

const VALUES: [&str; 5] = ["甲", "乙", "丙", "丁", "戊"];

/// A policy text for seed `seed`'s generator.
pub fn policy(r: Rng) -> String {
    let mut w = Writer {
        r,
        year: 0,
        groups: Vec::new(),
        items: Vec::new(),
        full: int(0),
        kinds: Vec::new(),
        awards: Vec::new(),
        outcomes: Vec::new(),
        decls: Vec::new(),
    };
    w.year = w.r.pick(&[2019, 2020, 2023, 2024]);
    w.header();
    w.units();
    w.score();
    w.kinds();
    w.awards = (1..=w.r.below(3)).map(|i| format!("奖{i}")).collect();
    w.outcomes = (1..=w.r.below(4)).map(|i| format!("罚{i}")).collect();
    w.sections();
    w.vetoes();
    w.findings();
    w.ranking();
    w.outcome_decls();
    w.award_decls();
    w.grades();
    if w.r.chance(20) {
        let mut decls = std::mem::take(&mut w.decls);
        w.r.shuffle(&mut decls);
        w.decls = decls;
    }
    w.decls.join("\n")
}

impl Writer {
    fn header(&mut self) {
        let y = self.year;
        let mut s = format!("考核办法 \"随机\" {{\n    年度 {y}\n");
        match self.r.below(10) {
            0 => s += &format!("    期间 {y}-01-01 至 {y}-12-31\n"),
            1 | 2 => {
                let (m1, d1) = (self.r.between(1, 6), self.r.between(1, 28));
                let (m2, d2) = (self.r.between(m1 + 1, 12), self.r.between(1, 28));
                s += &format!("    期间 {m1:02}-{d1:02} 至 {m2:02}-{d2:02}\n");
            }
            3 => s += &format!("    期间 {}-12-01 至 {y}-11-30\n", y - 1),
            4 => s += &format!("    期间 {y}-06-30 至 {y}-06-30\n"),
            _ => {}
        }
        if self.r.chance(40) {
            s += &format!("    除外 已计年度 {}\n", y - 1);
            if self.r.chance(25) {
                s += &format!("    除外 已计年度 {}\n", y - 2);
            }
        }
        s += "}\n";
        self.decls.push(s);
    }

    fn units(&mut self) {
        let mut s = "考核对象 {\n".to_string();
        let mut next = 1;
        for g in 1..=self.r.between(1, 3) {
            let open = self.r.chance(35);
            let n = if open {
                self.r.below(3)
            } else {
                self.r.between(1, 4)
            };
            let members: Vec<String> = (next..next + n).map(|i| format!("处{i}")).collect();
            next += n;
            let name = format!("组{g}");
            s += &match (open, members.is_empty()) {
                (true, true) => format!("    分组 {name} 等\n"),
                (true, false) => format!("    分组 {name} {{ {}, 等 }}\n", members.join(", ")),
                _ => format!("    分组 {name} {{ {} }}\n", members.join(", ")),
            };
            self.groups.push((name, members, open));
        }
        s += "}\n";
        self.decls.push(s);
    }

    fn max(&mut self) -> Q {
        // Now and then a maximum so large that ranking keys no longer fit
        // one integer scale (kaohe then compares its decimals directly).
        if self.r.chance(2) {
            return parse(
                self.r
                    .pick(&["1000000000000000000000", "99999999999999.99"]),
            )
            .unwrap();
        }
        let text = self.r.pick(&[
            "1", "2", "2.5", "4", "5", "10", "15", "20", "25", "30", "0.5", "7.25", "12.5", "33.3",
        ]);
        parse(text).unwrap()
    }

    /// `按 S 折算` for a leaf of maximum `max`, sometimes; S always makes
    /// max ÷ S a terminating decimal (§7.13).
    fn scale(&mut self, max: &Q) -> String {
        if !self.r.chance(25) {
            return String::new();
        }
        let thirds = (max.clone() / int(3)).is_integer();
        let mut choices = vec![
            "100", "10", "5", "4", "8", "20", "50", "1000", "2.5", "0.5", "12.5", "40", "16",
        ];
        if thirds {
            choices.extend(["3", "12", "0.3"]);
        }
        format!(" 按 {} 折算", self.r.pick(&choices))
    }

    fn score(&mut self) {
        let mut body = String::new();
        let mut n = 1;
        for _ in 0..self.r.between(1, 4) {
            let name = format!("项{n}");
            n += 1;
            if self.r.chance(30) {
                let mut children = String::new();
                let mut sum = int(0);
                let at = self.items.len();
                self.items.push(Item {
                    name: name.clone(),
                    max: int(0),
                });
                for _ in 0..self.r.between(1, 3) {
                    let child = format!("项{n}");
                    n += 1;
                    let max = self.max();
                    let scale = self.scale(&max);
                    children += &format!("        {child} {}{scale}\n", show(&max));
                    sum += max.clone();
                    self.items.push(Item { name: child, max });
                }
                self.items[at].max = sum.clone();
                body += &format!("    {name} {} {{\n{children}    }}\n", show(&sum));
                self.full += sum;
            } else {
                let max = self.max();
                let scale = self.scale(&max);
                body += &format!("    {name} {}{scale}\n", show(&max));
                self.full += max.clone();
                self.items.push(Item { name, max });
            }
        }
        let full = if self.r.chance(70) {
            format!(" 满分 {}", show(&self.full))
        } else {
            String::new()
        };
        self.decls.push(format!("计分{full} {{\n{body}}}\n"));
    }

    fn kinds(&mut self) {
        for k in 1..=self.r.between(1, 4) {
            let mut attrs = Vec::new();
            for a in 1..=self.r.below(3) {
                let n = self.r.between(2, 4);
                attrs.push((
                    format!("属{a}"),
                    VALUES[..n]
                        .iter()
                        .map(|v| v.to_string())
                        .collect::<Vec<String>>(),
                ));
            }
            let item_attr = self.r.chance(30).then(|| "指向".to_string());
            let bonus = match self.r.below(10) {
                0..=4 => Some(true),
                5..=7 => Some(false),
                _ => None,
            };
            let mut s = format!("事项 类{k}");
            let mut parts: Vec<String> = attrs
                .iter()
                .map(|(a, vs)| format!("{a}: {}", vs.join(" | ")))
                .collect();
            if let Some(ia) = &item_attr {
                parts.push(format!("{ia}: 计分项"));
            }
            if !parts.is_empty() {
                s += &format!(" {{ {} }}", parts.join("; "));
            }
            self.decls.push(s + "\n");
            self.kinds.push(Kind {
                name: format!("类{k}"),
                attrs,
                item_attr,
                bonus,
            });
        }
    }

    /// One attribute test on kind `k`, as written in a rule or condition.
    fn test(&mut self, k: usize) -> Option<String> {
        let kind = &self.kinds[k];
        let mut options: Vec<(String, Vec<String>)> = kind.attrs.clone();
        if let Some(ia) = &kind.item_attr {
            let names = self.items.iter().map(|i| i.name.clone()).collect();
            options.push((ia.clone(), names));
        }
        if options.is_empty() {
            return None;
        }
        let (attr, values) = self.r.pick(&options);
        let mut subset: Vec<String> = values
            .iter()
            .filter(|_| self.r.chance(50))
            .cloned()
            .collect();
        if subset.is_empty() {
            subset.push(self.r.pick(&values));
        }
        Some(match self.r.below(3) {
            0 => format!("{attr} 是 {}", subset[0]),
            1 => format!("{attr} 属于 {}", subset.join(" | ")),
            _ => format!("{attr} 不属于 {}", subset.join(" | ")),
        })
    }

    /// Zero to two attribute tests on kind `k`, joined as the grammar allows.
    fn tests(&mut self, k: usize) -> String {
        let mut out = String::new();
        for i in 0..self.r.below(3) {
            let Some(t) = self.test(k) else { break };
            if i > 0 {
                out += self.r.pick(&[" ", " 且 ", "，"]);
            }
            out += &t;
        }
        if out.is_empty() {
            out
        } else {
            format!(" {out}")
        }
    }

    /// A base amount, with a rule cap sometimes.
    fn amount(&mut self) -> String {
        let amount = match self.r.below(20) {
            0..=7 => self
                .r
                .pick(&[
                    "0",
                    "0.5",
                    "1",
                    "2",
                    "2.5",
                    "3",
                    "5",
                    "10",
                    "0.1",
                    "0.3333",
                    "1.25",
                    "0.0000000001",
                ])
                .to_string(),
            8..=14 => {
                let lo = parse(self.r.pick(&["0", "0.5", "1", "2", "0.25"])).unwrap();
                let width = parse(self.r.pick(&["0", "0.5", "1", "2.5", "5", "0.001"])).unwrap();
                format!("{} 至 {}", show(&lo), show(&(lo.clone() + width)))
            }
            _ => format!("至多 {}", self.r.pick(&["1", "2", "3", "5", "0.5", "1.5"])),
        };
        if self.r.chance(25) {
            format!(
                "{amount} 封顶 {}",
                self.r
                    .pick(&["0.5", "1", "2", "3", "4.5", "5", "10", "0.75"])
            )
        } else {
            amount
        }
    }

    /// The base rules of kind `k`: its value combinations split into
    /// disjoint blocks, one rule each (sometimes a block is left out: a gap).
    fn base_rules(&mut self, k: usize) -> Vec<String> {
        let name = self.kinds[k].name.clone();
        let attrs = self.kinds[k].attrs.clone();
        if attrs.is_empty() || self.r.chance(25) {
            return vec![format!("{name} => {}", self.amount())];
        }
        let (a, values) = &attrs[self.r.below(attrs.len())];
        let blocks = self.partition(values);
        let gap = blocks.len() > 1 && self.r.chance(15);
        let mut rules = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            if gap && b == 0 {
                continue;
            }
            let test = self.block_test(a, values, block);
            let nested: Vec<&(String, Vec<String>)> =
                attrs.iter().filter(|(x, _)| x != a).collect();
            if b == blocks.len() - 1 && !nested.is_empty() && self.r.chance(30) {
                let (a2, values2) = nested[0].clone();
                for block2 in self.partition(&values2) {
                    let test2 = self.block_test(&a2, &values2, &block2);
                    let join = self.r.pick(&[" ", " 且 ", "，"]);
                    rules.push(format!("{name} {test}{join}{test2} => {}", self.amount()));
                }
            } else {
                rules.push(format!("{name} {test} => {}", self.amount()));
            }
        }
        rules
    }

    fn partition(&mut self, values: &[String]) -> Vec<Vec<String>> {
        let mut shuffled = values.to_vec();
        self.r.shuffle(&mut shuffled);
        let n = self.r.between(1, shuffled.len().min(3));
        let mut blocks = vec![Vec::new(); n];
        for (i, v) in shuffled.into_iter().enumerate() {
            let b = if i < n { i } else { self.r.below(n) };
            blocks[b].push(v);
        }
        blocks
    }

    fn block_test(&mut self, a: &str, domain: &[String], block: &[String]) -> String {
        let rest: Vec<String> = domain
            .iter()
            .filter(|v| !block.contains(v))
            .cloned()
            .collect();
        match (block.len(), self.r.below(2)) {
            (_, 0) if !rest.is_empty() => format!("{a} 不属于 {}", rest.join(" | ")),
            (1, _) => format!("{a} 是 {}", block[0]),
            _ => format!("{a} 属于 {}", block.join(" | ")),
        }
    }

    fn modifier(&mut self, k: usize) -> String {
        let tests = self.tests(k);
        let factor = if self.r.chance(40) {
            "减半".to_string()
        } else {
            format!(
                "乘 {}",
                self.r.pick(&[
                    "0.5",
                    "0.8",
                    "1.5",
                    "2",
                    "0.3333",
                    "0.1",
                    "1.25",
                    "0.0000001",
                    "3"
                ])
            )
        };
        format!("{}{tests} => {factor}", self.kinds[k].name)
    }

    fn sections(&mut self) {
        for bonus in [true, false] {
            let kinds: Vec<usize> = (0..self.kinds.len())
                .filter(|k| self.kinds[*k].bonus == Some(bonus))
                .collect();
            if kinds.is_empty() {
                continue;
            }
            let sections = if self.r.chance(10) { 2 } else { 1 };
            let mut lines: Vec<Vec<String>> = vec![Vec::new(); sections];
            for k in kinds {
                let s = self.r.below(sections);
                let mut rules = self.base_rules(k);
                if self.r.chance(30) {
                    for _ in 0..self.r.between(1, 2) {
                        rules.push(self.modifier(k));
                    }
                }
                lines[s].extend(rules);
            }
            for mut rules in lines {
                self.r.shuffle(&mut rules);
                if self.r.chance(30) {
                    let cap = self.r.pick(&["1", "2", "3", "5", "8", "10", "0.5", "2.75"]);
                    let at = self.r.below(rules.len() + 1);
                    rules.insert(at, format!("封顶 {cap}"));
                }
                let head = if bonus { "加分" } else { "扣分" };
                let body: String = rules.iter().map(|l| format!("    {l}\n")).collect();
                self.decls.push(format!("{head} {{\n{body}}}\n"));
            }
        }
    }

    fn vetoes(&mut self) {
        if self.r.chance(30) {
            let k = self.r.below(self.kinds.len());
            let tests = self.tests(k);
            self.decls
                .push(format!("一票否决 {}{tests}\n", self.kinds[k].name));
        }
        if self.r.chance(15) {
            let c = self.cond(2, true);
            self.decls.push(format!("一票否决 当 {c}\n"));
        }
    }

    fn findings(&mut self) {
        for k in 0..self.kinds.len() {
            let revoke = (!self.awards.is_empty() && self.r.chance(40)).then(|| {
                let a = self.r.pick(&self.awards);
                format!("取消 {a}")
            });
            let zero = self.kinds[k].item_attr.is_some() && self.r.chance(60);
            let actions: Vec<String> = zero
                .then(|| "该项清零".to_string())
                .into_iter()
                .chain(revoke)
                .collect();
            if actions.is_empty() || !(zero || self.r.chance(30)) {
                continue;
            }
            let tests = self.tests(k);
            self.decls.push(format!(
                "{}{tests} => {}\n",
                self.kinds[k].name,
                actions.join(", ")
            ));
        }
    }

    fn key(&mut self) -> String {
        let target = if self.r.chance(40) {
            "总分".to_string()
        } else {
            self.items[self.r.below(self.items.len())].name.clone()
        };
        let order = self.r.pick(&["", " 降序", " 降序", " 升序"]);
        format!("{target}{order}")
    }

    fn ranking(&mut self) {
        if !self.r.chance(60) {
            return;
        }
        let first = if self.r.chance(80) {
            format!("总分{}", self.r.pick(&["", " 降序", " 降序", " 升序"]))
        } else {
            self.key()
        };
        let mut s = format!("排名 按 {first}");
        if self.r.chance(40) {
            s += " 分组内";
        }
        for _ in 0..self.r.below(3) {
            s += &format!(" 然后 按 {}", self.key());
        }
        self.decls.push(s + "\n");
    }

    /// A number near the totals units can reach, to compare with.
    fn threshold(&mut self, of: &Q) -> String {
        let f = parse(
            self.r
                .pick(&["0", "0.25", "0.5", "0.6", "0.8", "0.9", "1", "1.1"]),
        )
        .unwrap();
        let t = (of.clone() * f * int(100)).floor() / int(100);
        show(&t)
    }

    /// A condition of the §7.19 language; `veto`: none of 排名, `末 N 名` (KH206).
    fn cond(&mut self, depth: usize, veto: bool) -> String {
        match self.r.below(10) {
            0 if depth > 0 => format!(
                "{} 或 {}",
                self.cond_and(depth - 1, veto),
                self.cond_and(depth - 1, veto)
            ),
            1 if depth > 0 => format!("({})", self.cond(depth - 1, veto)),
            _ => self.cond_and(depth, veto),
        }
    }

    fn cond_and(&mut self, depth: usize, veto: bool) -> String {
        if depth > 0 && self.r.chance(25) {
            format!(
                "{} 且 {}",
                self.unary(depth - 1, veto),
                self.unary(depth - 1, veto)
            )
        } else {
            self.unary(depth, veto)
        }
    }

    fn unary(&mut self, depth: usize, veto: bool) -> String {
        if self.r.chance(12) {
            return format!("非 {}", self.unary(depth, veto));
        }
        if depth > 0 && self.r.chance(15) {
            return format!("({})", self.cond(depth - 1, veto));
        }
        let op = self.r.pick(&[">=", ">", "<", "<=", "=", "!="]);
        let full = self.full.clone();
        match self.r.below(12) {
            0 | 1 => format!("总分 {op} {}", self.threshold(&full)),
            2 if !veto => format!(
                "排名 {op} {}",
                self.r.pick(&["1", "2", "3", "4", "2.5", "0"])
            ),
            3 if !veto => format!("末 {} 名", self.r.between(1, 3)),
            4 => "否决".to_string(),
            5 => self.r.pick(&["有 加分", "有 扣分"]).to_string(),
            6 => {
                let k = self.r.below(self.kinds.len());
                let tests = self.tests(k);
                format!("(有 {}{tests})", self.kinds[k].name)
            }
            7 => {
                let k = self.r.below(self.kinds.len());
                let tests = self.tests(k);
                format!(
                    "数量({}{tests}) {op} {}",
                    self.kinds[k].name,
                    self.r.pick(&["0", "1", "2", "1.5"])
                )
            }
            8 => format!("属于 {}", self.r.pick(&self.groups).0),
            9 => {
                let x = self.r.pick(&["0", "0.5", "1", "2", "3", "-1"]);
                format!("{} {op} {x}", self.r.pick(&["加分", "扣分"]))
            }
            _ => {
                let i = self.r.below(self.items.len());
                let max = self.items[i].max.clone();
                let t = self.threshold(&max);
                format!("{} {op} {t}", self.items[i].name)
            }
        }
    }

    fn outcome_decls(&mut self) {
        for o in self.outcomes.clone() {
            let c = self.cond(2, false);
            self.decls.push(format!("处置 {o} 当 {c}\n"));
        }
    }

    fn quota(&mut self) -> String {
        if self.r.chance(50) {
            format!("名额 {}", self.r.between(1, 4))
        } else {
            format!(
                "名额 {}%",
                self.r
                    .pick(&["10", "25", "30", "33.3", "50", "66.7", "100"])
            )
        }
    }

    fn award_decls(&mut self) {
        for a in self.awards.clone() {
            let mut clauses = Vec::new();
            if self.r.chance(60) {
                clauses.push(self.quota());
            }
            for _ in 0..self.r.below(4) {
                let units: Vec<String> = self.groups.iter().flat_map(|g| g.1.clone()).collect();
                let exclusion = match self.r.below(6) {
                    0 if !units.is_empty() => self.r.pick(&units),
                    1 if self.groups.len() > 1 => self.r.pick(&self.groups).0,
                    2 => self.kinds[self.r.below(self.kinds.len())].name.clone(),
                    3 if !self.outcomes.is_empty() => self.r.pick(&self.outcomes),
                    4 => format!("末 {} 名", self.r.between(1, 2)),
                    _ => "否决".to_string(),
                };
                clauses.push(format!("不含 {exclusion}"));
            }
            let body: String = clauses.iter().map(|c| format!("    {c}\n")).collect();
            self.decls.push(format!("评优 {a} {{\n{body}}}\n"));
        }
    }

    fn grades(&mut self) {
        if !self.r.chance(40) {
            return;
        }
        let n = self.r.between(2, 4);
        let otherwise = self.r.chance(60);
        let mut tiers = Vec::new();
        let full = self.full.clone();
        let mut cuts: Vec<Q> = (0..n)
            .map(|_| parse(&self.threshold(&full)).unwrap())
            .collect();
        cuts.sort_by(|a, b| b.cmp(a));
        for (t, cut) in cuts.iter().enumerate() {
            let last = t + 1 == n;
            let when = if last && otherwise {
                "其余".to_string()
            } else if self.r.chance(70) {
                format!("当 总分 >= {}", show(cut))
            } else {
                format!("当 {}", self.cond(1, false))
            };
            let quota = if self.r.chance(35) {
                format!(" {}", self.quota())
            } else {
                String::new()
            };
            tiers.push(format!("    档{} {when}{quota}\n", t + 1));
        }
        self.decls.push(format!("等次 {{\n{}}}\n", tiers.concat()));
    }
}
