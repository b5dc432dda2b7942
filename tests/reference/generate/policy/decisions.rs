//! The decisions of a generated policy: the ranking, conditions of the
//! §7.19 language, outcomes, awards with exclusions and quotas, grades; in
//! a random order of the decisions, outcomes and tiers reading awards and
//! grades before them, awards excluding outcomes, tiers and awards before
//! them (never a cycle, KH209); a `兑现` block.

use super::{Dec, Writer};
use crate::reference::exact::{Q, int, parse, show};

impl Writer {
    pub(super) fn key(&mut self) -> String {
        let target = if self.r.chance(40) {
            "总分".to_string()
        } else {
            self.items[self.r.below(self.items.len())].name.clone()
        };
        let order = self.r.pick(&["", " 降序", " 降序", " 升序"]);
        format!("{target}{order}")
    }

    pub(super) fn ranking(&mut self) {
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
    pub(super) fn threshold(&mut self, of: &Q) -> String {
        let f = parse(
            self.r
                .pick(&["0", "0.25", "0.5", "0.6", "0.8", "0.9", "1", "1.1"]),
        )
        .unwrap();
        let t = (of.clone() * f * int(100)).floor() / int(100);
        show(&t)
    }

    /// A condition of the §7.19 language; `veto`: none of 排名, `末 N 名` (KH206).
    pub(super) fn cond(&mut self, depth: usize, veto: bool) -> String {
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

    pub(super) fn cond_and(&mut self, depth: usize, veto: bool) -> String {
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

    pub(super) fn unary(&mut self, depth: usize, veto: bool) -> String {
        if self.r.chance(12) {
            return format!("非 {}", self.unary(depth, veto));
        }
        if depth > 0 && self.r.chance(15) {
            return format!("({})", self.cond(depth - 1, veto));
        }
        if !veto
            && self.r.chance(30)
            && let Some(atom) = self.decision_atom()
        {
            return atom;
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

    /// The decisions `d` may read: those before it in the order.
    fn before(&self, d: &Dec) -> Vec<Dec> {
        let at = self.order.iter().position(|x| x == d).unwrap();
        self.order[..at].to_vec()
    }

    /// `获得 A` or a test of the grade, on a decision the condition being
    /// written may read; `None` when it may read none.
    fn decision_atom(&mut self) -> Option<String> {
        let d = self.reading.clone()?;
        let readable: Vec<Dec> = self
            .before(&d)
            .into_iter()
            .filter(|x| !matches!(x, Dec::Outcome(_)))
            .collect();
        if readable.is_empty() {
            return None;
        }
        Some(match self.r.pick(&readable) {
            Dec::Award(a) => format!("获得 {a}"),
            _ => {
                let mut tiers = self.tiers.clone();
                self.r.shuffle(&mut tiers);
                tiers.truncate(self.r.between(1, tiers.len().min(2)));
                match self.r.below(3) {
                    0 => format!("等次 是 {}", tiers[0]),
                    1 => format!("等次 属于 {}", tiers.join(" | ")),
                    _ => format!("等次 不属于 {}", tiers.join(" | ")),
                }
            }
        })
    }

    pub(super) fn outcome_decls(&mut self) {
        for o in self.outcomes.clone() {
            self.reading = Some(Dec::Outcome(o.clone()));
            let c = self.cond(2, false);
            self.reading = None;
            self.decls.push(format!("处置 {o} 当 {c}\n"));
        }
    }

    pub(super) fn quota(&mut self) -> String {
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

    pub(super) fn award_decls(&mut self) {
        for a in self.awards.clone() {
            let mut clauses = Vec::new();
            if self.r.chance(20) && !self.groups.is_empty() {
                // Places per group: one line for every group (KH306).
                for g in self.groups.clone() {
                    let q = self.quota();
                    clauses.push(q.replacen("名额 ", &format!("名额 {} ", g.0), 1));
                }
            } else if self.r.chance(60) {
                clauses.push(self.quota());
            }
            // Decisions decided before this award, which it may exclude.
            let mut decided: Vec<String> = Vec::new();
            for d in self.before(&Dec::Award(a.clone())) {
                match d {
                    Dec::Outcome(o) | Dec::Award(o) => decided.push(o),
                    Dec::Grades => decided.extend(self.tiers.clone()),
                }
            }
            for _ in 0..self.r.below(4) {
                let units: Vec<String> = self.groups.iter().flat_map(|g| g.1.clone()).collect();
                let exclusion = match self.r.below(7) {
                    0 if !units.is_empty() => self.r.pick(&units),
                    1 if self.groups.len() > 1 => self.r.pick(&self.groups).0,
                    2 => self.kinds[self.r.below(self.kinds.len())].name.clone(),
                    3 | 6 if !decided.is_empty() => self.r.pick(&decided),
                    4 => format!("末 {} 名", self.r.between(1, 2)),
                    _ => "否决".to_string(),
                };
                clauses.push(format!("不含 {exclusion}"));
            }
            let body: String = clauses.iter().map(|c| format!("    {c}\n")).collect();
            self.decls.push(format!("评优 {a} {{\n{body}}}\n"));
        }
    }

    pub(super) fn grades(&mut self) {
        if self.tiers.is_empty() {
            return;
        }
        let n = self.tiers.len();
        let otherwise = self.r.chance(60);
        let mut tiers = Vec::new();
        let full = self.full.clone();
        let mut cuts: Vec<Q> = (0..n)
            .map(|_| parse(&self.threshold(&full)).unwrap())
            .collect();
        cuts.sort_by(|a, b| b.cmp(a));
        self.reading = Some(Dec::Grades);
        for (t, cut) in cuts.iter().enumerate() {
            let last = t + 1 == n;
            let when = if last && otherwise {
                "其余".to_string()
            } else if self.r.chance(60) {
                format!("当 总分 >= {}", show(cut))
            } else {
                format!("当 {}", self.cond(1, false))
            };
            let quota = if self.r.chance(45) {
                format!(" {}", self.quota())
            } else {
                String::new()
            };
            tiers.push(format!("    {} {when}{quota}\n", self.tiers[t]));
        }
        self.reading = None;
        self.decls.push(format!("等次 {{\n{}}}\n", tiers.concat()));
    }

    /// `兑现`: lines for outcomes, tiers and awards, now and then with a
    /// share and a unit scope.
    pub(super) fn payouts(&mut self) {
        let targets: Vec<String> = self
            .outcomes
            .iter()
            .chain(&self.tiers)
            .chain(&self.awards)
            .cloned()
            .collect();
        if targets.is_empty() || !self.r.chance(50) {
            return;
        }
        let mut lines = String::new();
        for _ in 0..self.r.between(1, 4) {
            let target = self.r.pick(&targets);
            let (amount, measure) = self.r.pick(&[
                ("奖金", " 元"),
                ("奖金", " 元"),
                ("奖金", ""),
                ("扣发绩效", " 元"),
                ("积分", " 分"),
            ]);
            let value = self.r.pick(&[
                "1000",
                "2000",
                "500",
                "0",
                "1500.5",
                "0.01",
                "999999999.99",
                "10000",
            ]);
            let mut line = format!("    {target} => {amount} {value}{measure}");
            if self.r.chance(25) {
                line += &format!(
                    ", 其中 主要负责人 {}%",
                    self.r.pick(&["20", "50", "33.33", "100"])
                );
            }
            if self.r.chance(30) {
                let units: Vec<String> = self.groups.iter().flat_map(|g| g.1.clone()).collect();
                let mut names: Vec<String> = self.groups.iter().map(|g| g.0.clone()).collect();
                names.extend(units);
                let name = self.r.pick(&names);
                line += &format!(" {} {name}", self.r.pick(&["仅", "不含"]));
            }
            lines += &line;
            lines += "\n";
        }
        self.decls.push(format!("兑现 {{\n{lines}}}\n"));
    }
}
