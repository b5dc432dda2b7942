//! A pest error → a KH101 finding that says, in the drafter's words, what
//! could stand at the error position and what stood there instead.

use pest::error::{Error, ErrorVariant, InputLocation};

use super::grammar::Rule;
use crate::diag::{Diag, Expected, Found, Message, SyntaxHint};
use crate::i18n::Lang;
use crate::i18n::keywords::{Kw, TOP_LEVEL, split_glued_keyword};
use crate::source::Span;

/// The finding for a parse error in `text` (a part starting at byte `offset`).
pub fn syntax_diag(error: &Error<Rule>, text: &str, offset: usize) -> Diag {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    let positives: &[Rule] = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => &[],
    };
    if std::env::var_os("KAOHE_DEBUG_PEST").is_some() {
        eprintln!("pest positives at {pos}: {positives:?}");
    }
    let mut expected: Vec<Expected> = positives.iter().flat_map(|r| describe(*r)).collect();
    if positives.contains(&Rule::policy_decl) {
        // The start of a declaration: say so once instead of listing every keyword.
        expected.retain(|e| !matches!(e, Expected::Keyword(k) if TOP_LEVEL.contains(k)));
        expected.retain(|e| *e != Expected::Name);
        expected.insert(0, Expected::Declaration);
    }
    let amount_words = [Kw::UpTo, Kw::Half, Kw::Times].map(Expected::Keyword);
    if expected.iter().any(|e| amount_words.contains(e)) {
        // After `=>`: one phrase for every form of points.
        expected.retain(|e| !amount_words.contains(e) && *e != Expected::Number);
        expected.push(Expected::Amount);
    }
    expected.sort();
    expected.dedup();
    if expected.contains(&Expected::StatementEnd) {
        // Trailing citations and notes fit almost anywhere; naming them hides the point.
        expected.retain(|e| {
            !matches!(
                e,
                Expected::Citation | Expected::Text | Expected::Keyword(Kw::Assume)
            )
        });
    }
    let (found, token_len) = found_at(text, pos);
    let glued = match &found {
        Found::Token(word) => glued_keyword(word, &expected),
        _ => None,
    };
    let start = offset + pos;
    let hint = hint(text, pos, &found, &expected);
    if glued.is_none()
        && let Some((word_start, word)) = word_before(text, pos)
        && let Some(hint) =
            glued_keyword(word, &[Expected::OutcomeCondition, Expected::Declaration])
    {
        // `当 末2名`: the glued word parsed as a name, and the parser stopped
        // after it. Point at the word and say where the space goes.
        let at = offset + word_start;
        let m = Message::Syntax {
            expected,
            found,
            glued: Some(hint),
            hint: None,
        };
        return Diag::new(m, Span::new(at, at + word.len()));
    }
    Diag::new(
        Message::Syntax {
            expected,
            found,
            glued,
            hint,
        },
        Span::new(start, start + token_len),
    )
}

/// What the drafter most likely tried, from the word found and its line.
fn hint(text: &str, pos: usize, found: &Found, expected: &[Expected]) -> Option<SyntaxHint> {
    let Found::Token(word) = found else {
        return None;
    };
    let line_start = text.get(..pos)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = text.get(line_start..pos)?.trim_start();
    let starts_with = |kw: Kw| {
        [Lang::Zh, Lang::En].iter().any(|l| {
            let k = kw.spelling(*l);
            !k.is_empty()
                && line
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with([' ', '\t', '\u{3000}']))
        })
    };
    let is = |kw: Kw| kw.spelling(Lang::Zh) == word || kw.spelling(Lang::En) == word;
    if is(Kw::Describe) && starts_with(Kw::Event) {
        return Some(SyntaxHint::KindNote);
    }
    let unit_words = [Kw::In, Kw::Group, Kw::Unit];
    if expected.contains(&Expected::Punct("=>")) && unit_words.iter().any(|k| is(*k)) {
        return Some(SyntaxHint::UnitTestInRule);
    }
    None
}

/// The name-like word that ends just before `pos` (spaces between allowed).
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = text.get(..pos)?.trim_end_matches([' ', '\t', '\u{3000}']);
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i)?;
    Some((start, before.get(start..)?))
}

/// What stands at `pos`: a whole word, a number, or one character.
fn found_at(text: &str, pos: usize) -> (Found, usize) {
    let rest = text.get(pos..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Found::EndOfFile, 0);
    };
    if first == '\n' || first == '\r' {
        return (Found::LineEnd, 0);
    }
    let word_len: usize = if first.is_alphanumeric() || first == '_' {
        rest.char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
            .map_or(rest.len(), |(i, _)| i)
    } else {
        first.len_utf8()
    };
    let word = rest.get(..word_len).unwrap_or("");
    (Found::Token(word.to_string()), word_len)
}

/// `不含办公室` where `不含` could stand → (`不含`, `办公室`), §7.4.
fn glued_keyword(word: &str, expected: &[Expected]) -> Option<(String, String)> {
    use crate::i18n::Lang;
    let (kw, rest) = split_glued_keyword(word)?;
    let allowed = expected
        .iter()
        .flat_map(starters)
        .any(|k| k.spelling(Lang::Zh) == kw || k.spelling(Lang::En) == kw);
    allowed.then(|| (kw.to_string(), rest))
}

/// Keywords that can begin what `e` describes.
fn starters(e: &Expected) -> Vec<Kw> {
    use Kw::*;
    match e {
        Expected::Keyword(k) => vec![*k],
        Expected::Declaration => TOP_LEVEL.to_vec(),
        Expected::OutcomeCondition => {
            vec![
                Not, Bottom, Vetoed, Has, Count, In, Total, Rank, Bonus, Deduct,
            ]
        }
        Expected::Amount => vec![UpTo, Half, Times],
        Expected::RuleLine => vec![Cap],
        Expected::Member => vec![Etc],
        Expected::Expectation => vec![Total, Bonus, Deduct, Rank, Not, Vetoed, Grades],
        Expected::Field => vec![Date, Points, Doc, Title, CreditedIn, Id],
        _ => Vec::new(),
    }
}

/// The drafter's words for a grammar rule that could start at the error.
fn describe(rule: Rule) -> Vec<Expected> {
    use Expected as E;
    let kw_rule = format!("{rule:?}");
    if let Some(kw) = Kw::from_rule_name(&kw_rule) {
        return vec![E::Keyword(kw)];
    }
    let one = match rule {
        Rule::policy_decl => E::Keyword(Kw::Policy),
        Rule::units_decl => E::Keyword(Kw::Units),
        Rule::score_decl => E::Keyword(Kw::Score),
        Rule::kind_decl | Rule::ex_event => E::Keyword(Kw::Event),
        Rule::bonus_decl | Rule::expect_bonus => E::Keyword(Kw::Bonus),
        Rule::deduct_decl | Rule::expect_deduct => E::Keyword(Kw::Deduct),
        Rule::veto_decl => E::Keyword(Kw::Veto),
        Rule::rank_decl => E::Keyword(Kw::Rank),
        Rule::award_decl => E::Keyword(Kw::Award),
        Rule::outcome_decl => E::Keyword(Kw::Outcome),
        Rule::grades_decl => E::Keyword(Kw::Grades),
        Rule::schedule_decl => E::Keyword(Kw::Schedule),
        Rule::example_decl => E::Keyword(Kw::Example),
        Rule::issuer_stmt => E::Keyword(Kw::Issuer),
        Rule::year_stmt => E::Keyword(Kw::Year),
        Rule::basis_stmt => E::Keyword(Kw::Basis),
        Rule::window_stmt => E::Keyword(Kw::Window),
        Rule::skip_stmt => E::Keyword(Kw::Except),
        Rule::group_decl => E::Keyword(Kw::Group),
        Rule::unit_decl | Rule::open_marker => E::Member,
        Rule::item => E::ItemLine,
        Rule::section_cap | Rule::section_scope | Rule::section_dedup | Rule::adjust_rule => {
            E::RuleLine
        }
        Rule::unit_scope => E::Keyword(Kw::Only),
        Rule::status_mark => E::Keyword(Kw::Status),
        Rule::exclude_stmt => E::Keyword(Kw::Exclude),
        Rule::allow_stmt => E::Keyword(Kw::Allow),
        Rule::quota_stmt | Rule::tier_quota => E::Keyword(Kw::Quota),
        Rule::ex_unit => E::Keyword(Kw::Unit),
        Rule::ex_scores => E::Keyword(Kw::Scores),
        Rule::ex_expect => E::Keyword(Kw::Expect),
        Rule::field | Rule::field_key => E::Field,
        Rule::expect_total
        | Rule::expect_rank
        | Rule::expect_vetoed
        | Rule::expect_grade
        | Rule::expect_flag => E::Expectation,
        Rule::name
        | Rule::ident
        | Rule::quoted_name
        | Rule::finding_decl
        | Rule::attr_decl
        | Rule::tier
        | Rule::step
        | Rule::value_list
        | Rule::name_list
        | Rule::score_entry
        | Rule::rank_key => E::Name,
        Rule::number | Rule::fixed_amount => E::Number,
        Rule::date | Rule::month_day => E::Date,
        Rule::percent => E::Percent,
        Rule::string | Rule::note | Rule::label => E::Text,
        Rule::citation | Rule::cite_bracket | Rule::cite_section | Rule::cite_clause => E::Citation,
        Rule::assume => E::Keyword(Kw::Assume),
        Rule::describe => E::Keyword(Kw::Describe),
        Rule::scorer => E::Keyword(Kw::ScoredBy),
        Rule::scale => E::Scale,
        Rule::rule_cap => E::Keyword(Kw::Cap),
        Rule::line_break | Rule::semicolon | Rule::EOI => E::StatementEnd,
        Rule::comma => E::Punct(","),
        Rule::bar => E::Punct("|"),
        Rule::arrow => E::Punct("=>"),
        Rule::colon => E::Punct(":"),
        Rule::lbrace
        | Rule::member_block
        | Rule::item_block
        | Rule::attr_block
        | Rule::rule_block
        | Rule::award_block
        | Rule::tier_block
        | Rule::step_block
        | Rule::example_block
        | Rule::event_fields => E::Punct("{"),
        Rule::rbrace => E::Punct("}"),
        Rule::lparen => E::Punct("("),
        Rule::rparen => E::Punct(")"),
        Rule::cmp_op => E::Comparison,
        Rule::condition | Rule::conditions => E::Condition,
        Rule::is_test => E::Keyword(Kw::Is),
        Rule::in_test | Rule::member_atom => E::Keyword(Kw::In),
        Rule::not_in_test => E::Keyword(Kw::NotIn),
        Rule::range_amount | Rule::up_to_amount | Rule::half_amount | Rule::times_amount => {
            E::Amount
        }
        Rule::zero_item => E::Keyword(Kw::ZeroItem),
        Rule::revoke => E::Keyword(Kw::Revoke),
        Rule::order => return vec![E::Keyword(Kw::Desc), E::Keyword(Kw::Asc)],
        Rule::within_group => E::Keyword(Kw::WithinGroup),
        Rule::then_key => E::Keyword(Kw::Then),
        Rule::otherwise => E::Keyword(Kw::Otherwise),
        Rule::due => E::Keyword(Kw::Due),
        Rule::after => return vec![E::Keyword(Kw::At), E::Keyword(Kw::After)],
        Rule::item_domain => E::Keyword(Kw::ItemAttr),
        Rule::bottom_n => E::Keyword(Kw::Bottom),
        Rule::vetoed_atom => E::Keyword(Kw::Vetoed),
        Rule::has_atom => E::Keyword(Kw::Has),
        Rule::count_atom => E::Keyword(Kw::Count),
        Rule::cond_expr
        | Rule::cond_and
        | Rule::cond_unary
        | Rule::paren_cond
        | Rule::comparison
        | Rule::operand => E::OutcomeCondition,
        _ => return Vec::new(),
    };
    vec![one]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_before_an_error_and_its_glued_keyword() {
        let t = "处置 关注 当 末2名\n";
        assert_eq!(word_before(t, 25), Some((18, "末2名")));
        let hint = glued_keyword("末2名", &[Expected::OutcomeCondition]);
        assert_eq!(hint, Some(("末".to_string(), "2 名".to_string())));
        assert_eq!(glued_keyword("末2名", &[Expected::Condition]), None);
    }
}
