//! A random policy text whose names all resolve: the units, the score tree
//! and the event kinds are decided first, then rules that partition each
//! kind's attribute values (so no two base rules overlap, sometimes leaving
//! a gap), vetoes, findings, a ranking, outcomes, awards and grades over
//! them. Chinese keywords; declarations sometimes shuffled (order changes no
//! ruling, §7.8).

mod decisions;
mod rules;

use super::Rng;
use crate::reference::exact::{Q, int, is_decimal, parse, show};

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
    /// Grade tiers' names; empty: no `等次`.
    tiers: Vec<String>,
    /// Outcomes, awards and grades in an order each may read only those
    /// before it (so the policy has no cycle, KH209).
    order: Vec<Dec>,
    /// What the condition being written may read: set while writing an
    /// outcome's or a tier's condition.
    reading: Option<Dec>,
    decls: Vec<String>,
}

/// A decision of the policy, by name.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Dec {
    Outcome(String),
    Award(String),
    Grades,
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
        tiers: Vec::new(),
        order: Vec::new(),
        reading: None,
        decls: Vec::new(),
    };
    w.year = w.r.pick(&[2019, 2020, 2023, 2024]);
    w.header();
    w.units();
    w.score();
    w.kinds();
    w.awards = (1..=w.r.below(3)).map(|i| format!("奖{i}")).collect();
    w.outcomes = (1..=w.r.below(4)).map(|i| format!("罚{i}")).collect();
    if w.r.chance(50) {
        w.tiers = (1..=w.r.between(2, 4)).map(|i| format!("档{i}")).collect();
    }
    w.order = w
        .outcomes
        .iter()
        .map(|o| Dec::Outcome(o.clone()))
        .chain(w.awards.iter().map(|a| Dec::Award(a.clone())))
        .chain((!w.tiers.is_empty()).then_some(Dec::Grades))
        .collect();
    let mut order = std::mem::take(&mut w.order);
    w.r.shuffle(&mut order);
    w.order = order;
    w.sections();
    w.vetoes();
    w.findings();
    w.ranking();
    w.outcome_decls();
    w.award_decls();
    w.grades();
    w.payouts();
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
                let mut lines: Vec<(String, Q, String)> = Vec::new();
                for _ in 0..self.r.between(1, 3) {
                    let child = format!("项{n}");
                    n += 1;
                    let max = self.max();
                    let scale = self.scale(&max);
                    sum += max.clone();
                    self.items.push(Item {
                        name: child.clone(),
                        max: max.clone(),
                    });
                    lines.push((child, max, scale));
                }
                // Sometimes as weights (`40%` of the parent), when each share
                // is a terminating decimal.
                let shares: Vec<Q> = lines
                    .iter()
                    .map(|(_, max, _)| max.clone() * int(100) / sum.clone())
                    .collect();
                let weighted = sum > int(0) && shares.iter().all(is_decimal) && self.r.chance(30);
                for ((child, max, scale), share) in lines.iter().zip(&shares) {
                    let amount = if weighted {
                        format!("{}%", show(share))
                    } else {
                        show(max)
                    };
                    children += &format!("        {child} {amount}{scale}\n");
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
            if self.r.chance(12) {
                s += " 年度状态";
            }
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
}
