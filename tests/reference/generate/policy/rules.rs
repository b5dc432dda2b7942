//! The adjustment sections of a generated policy: for each kind, base
//! rules over disjoint blocks of one attribute's values (nested on a second
//! attribute sometimes), modifiers, rule and section caps; then vetoes and
//! findings.

use super::Writer;
use crate::reference::exact::{parse, show};

impl Writer {
    /// One attribute test on kind `k`, as written in a rule or condition.
    pub(super) fn test(&mut self, k: usize) -> Option<String> {
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
    pub(super) fn tests(&mut self, k: usize) -> String {
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
    pub(super) fn amount(&mut self) -> String {
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
    pub(super) fn base_rules(&mut self, k: usize) -> Vec<String> {
        let name = self.kinds[k].name.clone();
        let attrs = self.kinds[k].attrs.clone();
        if attrs.is_empty() || self.r.chance(25) {
            let (amount, scope) = (self.amount(), self.scope());
            return vec![format!("{name} => {amount}{scope}")];
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
                    let (amount, scope) = (self.amount(), self.scope());
                    rules.push(format!("{name} {test}{join}{test2} => {amount}{scope}"));
                }
            } else {
                let (amount, scope) = (self.amount(), self.scope());
                rules.push(format!("{name} {test} => {amount}{scope}"));
            }
        }
        rules
    }

    pub(super) fn partition(&mut self, values: &[String]) -> Vec<Vec<String>> {
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

    pub(super) fn block_test(&mut self, a: &str, domain: &[String], block: &[String]) -> String {
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

    pub(super) fn modifier(&mut self, k: usize) -> String {
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
        let scope = self.scope();
        format!("{}{tests} => {factor}{scope}", self.kinds[k].name)
    }

    /// Sometimes `同一 编号 只计 最高`, or by an attribute of one of the
    /// section's kinds.
    fn keep_highest(&mut self, kinds: &[usize]) -> Option<String> {
        if !self.r.chance(25) {
            return None;
        }
        let attrs: Vec<String> = kinds
            .iter()
            .flat_map(|k| self.kinds[*k].attrs.iter().map(|a| a.0.clone()))
            .collect();
        Some(if attrs.is_empty() || self.r.chance(60) {
            "同一 编号 只计 最高".to_string()
        } else {
            format!("同一 {} 只计 最高", self.r.pick(&attrs))
        })
    }

    /// Sometimes the units a rule applies to: `仅 G`, `不含 U`, `仅 G | U`.
    pub(super) fn scope(&mut self) -> String {
        if self.groups.is_empty() || !self.r.chance(12) {
            return String::new();
        }
        let groups: Vec<String> = self.groups.iter().map(|g| g.0.clone()).collect();
        let units: Vec<String> = self.groups.iter().flat_map(|g| g.1.clone()).collect();
        match self.r.below(3) {
            0 => format!(" 仅 {}", self.r.pick(&groups)),
            1 if !units.is_empty() => format!(" 不含 {}", self.r.pick(&units)),
            _ if !units.is_empty() => {
                format!(" 仅 {} | {}", self.r.pick(&groups), self.r.pick(&units))
            }
            _ => format!(" 不含 {}", self.r.pick(&groups)),
        }
    }

    pub(super) fn sections(&mut self) {
        for bonus in [true, false] {
            let kinds: Vec<usize> = (0..self.kinds.len())
                .filter(|k| self.kinds[*k].bonus == Some(bonus))
                .collect();
            if kinds.is_empty() {
                continue;
            }
            let sections = if self.r.chance(10) { 2 } else { 1 };
            let mut lines: Vec<Vec<String>> = vec![Vec::new(); sections];
            let mut section_kinds: Vec<Vec<usize>> = vec![Vec::new(); sections];
            for k in kinds {
                let s = self.r.below(sections);
                section_kinds[s].push(k);
                let mut rules = self.base_rules(k);
                if self.r.chance(30) {
                    for _ in 0..self.r.between(1, 2) {
                        rules.push(self.modifier(k));
                    }
                }
                lines[s].extend(rules);
            }
            for (mut rules, kinds) in lines.into_iter().zip(section_kinds) {
                self.r.shuffle(&mut rules);
                if let Some(line) = self.keep_highest(&kinds) {
                    let at = self.r.below(rules.len() + 1);
                    rules.insert(at, line);
                }
                if self.r.chance(30) {
                    let cap = self.r.pick(&["1", "2", "3", "5", "8", "10", "0.5", "2.75"]);
                    let at = self.r.below(rules.len() + 1);
                    rules.insert(at, format!("封顶 {cap}"));
                }
                let scope = self.scope();
                if !scope.is_empty() && self.r.chance(50) {
                    let at = self.r.below(rules.len() + 1);
                    rules.insert(at, scope.trim_start().to_string());
                }
                let head = if bonus { "加分" } else { "扣分" };
                let body: String = rules.iter().map(|l| format!("    {l}\n")).collect();
                self.decls.push(format!("{head} {{\n{body}}}\n"));
            }
        }
    }

    pub(super) fn vetoes(&mut self) {
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

    pub(super) fn findings(&mut self) {
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
}
