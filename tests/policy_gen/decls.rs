//! The declarations and statements of the generated policies, one function
//! per grammar rule, each avoiding what lowering reports (KH104: a second
//! citation, assumption, quota or cap; KH103: a fraction where a whole number
//! belongs).

use kaohe::i18n::keywords::Kw;

use super::{Part, Used, Writer};

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
        let decls: [Part; 14] = [
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
            Writer::payouts,
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
        // A weight (`80%`) or points.
        if self.chance(15) {
            self.percent();
        } else {
            self.num();
        }
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
        if self.chance(15) {
            self.kw(Kw::Status);
        }
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
        let mut dedup_used = false;
        for i in 0..n {
            if i > 0 {
                self.eos();
            }
            if i == cap_at {
                self.kw(Kw::Cap);
                self.num();
                self.tail(true);
            } else if self.chance(10) {
                self.unit_scope();
                self.tail(true);
            } else if !dedup_used && self.chance(10) {
                // `同一 编号|ATTR 只计 最高`, at most once (KH104)
                dedup_used = true;
                self.kw(Kw::Same);
                if self.chance(50) {
                    self.kw(Kw::Id);
                } else {
                    self.name();
                }
                self.kw(Kw::Keep);
                self.kw(Kw::Highest);
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
        let amount = self.below(5);
        match amount {
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
        let mut options = vec![0, 1, 2, 3, 3, 4];
        if !cite {
            options.retain(|&o| o != 1);
        }
        // A modifier takes no cap (KH305).
        if amount >= 3 {
            options.retain(|&o| o != 0);
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
                4 => self.unit_scope(),
                _ => self.string(),
            }
        }
    }

    /// `仅 A | B` or `不含 A`.
    /// `兑现 { 优秀 => 奖金 10000 元, 其中 主要负责人 20% 仅 县 }`.
    fn payouts(&mut self) {
        self.kw(Kw::Payouts);
        self.tail(true);
        self.block(3, Writer::payout);
    }

    fn payout(&mut self) {
        self.name();
        let cite = self.early_citation();
        self.arrow();
        self.name();
        self.num();
        if self.chance(60) {
            self.name();
        }
        for _ in 0..self.below(3) {
            self.comma();
            self.kw(Kw::OfWhich);
            self.name();
            self.percent();
        }
        if self.chance(30) {
            self.unit_scope();
        }
        self.tail(cite);
    }

    fn unit_scope(&mut self) {
        let kw = self.pick(&[Kw::Only, Kw::Exclude]);
        self.kw(kw);
        self.value_list();
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
                // Places for one group (`名额 县 6`), or for the whole list.
                if self.chance(25) {
                    self.name();
                }
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
        match self.below(10) {
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
            6 => {
                self.kw(Kw::Grades);
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
            7 => {
                self.kw(Kw::Awarded);
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
