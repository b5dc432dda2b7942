//! The words kaohe speaks, at the bottom of the crate: the spelling language
//! ([`Lang`]), the one keyword table ([`keywords`]), and the words of rulings
//! and diffs ([`words`]). Every sentence a user reads is written once, its
//! Chinese and English side by side (see [`zh_en!`](crate::zh_en)), so the
//! two cannot drift apart; nothing here depends on any other module.

pub mod keywords;
pub mod words;

pub use keywords::Kw;

/// Spelling language of keywords and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The Chinese or the English of one pair of words.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        self.pick(Lang::En, Lang::Zh)
    }
}

/// One text in both languages, side by side; only the one asked for is made:
/// `zh_en!(lang, format!("「{name}」未定义"), format!("`{name}` is not defined"))`.
#[macro_export]
macro_rules! zh_en {
    ($lang:expr, $zh:expr, $en:expr $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => $zh,
            $crate::i18n::Lang::En => $en,
        }
    };
}
