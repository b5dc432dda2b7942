//! The decisions of a generated policy: the ranking, conditions of the
//! §7.19 language, outcomes, awards with exclusions and quotas, grades.

use super::Writer;
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

    pub(super) fn outcome_decls(&mut self) {
        for o in self.outcomes.clone() {
            let c = self.cond(2, false);
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

    pub(super) fn grades(&mut self) {
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
