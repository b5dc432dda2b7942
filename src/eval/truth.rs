//! Three-valued decisions (§7.31). A decision that reads one still open (a
//! tie across a quota's boundary, `待定`) is itself open unless the rest of
//! its condition settles it: `待定` is never read as "no".

/// Whether a decision holds for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Truth {
    #[default]
    No,
    Yes,
    /// Depends on a decision that is pending.
    Pending,
}

impl Truth {
    pub fn from_bool(b: bool) -> Truth {
        if b { Truth::Yes } else { Truth::No }
    }

    /// `且` of many: no if any is no, else pending if any is.
    pub fn all(items: impl IntoIterator<Item = Truth>) -> Truth {
        let mut out = Truth::Yes;
        for t in items {
            match t {
                Truth::No => return Truth::No,
                Truth::Pending => out = Truth::Pending,
                Truth::Yes => {}
            }
        }
        out
    }

    /// `或` of many: yes if any is yes, else pending if any is.
    pub fn any(items: impl IntoIterator<Item = Truth>) -> Truth {
        let mut out = Truth::No;
        for t in items {
            match t {
                Truth::Yes => return Truth::Yes,
                Truth::Pending => out = Truth::Pending,
                Truth::No => {}
            }
        }
        out
    }

    pub fn is_yes(self) -> bool {
        self == Truth::Yes
    }
}

/// `非`: pending stays pending.
impl std::ops::Not for Truth {
    type Output = Truth;

    fn not(self) -> Truth {
        match self {
            Truth::No => Truth::Yes,
            Truth::Yes => Truth::No,
            Truth::Pending => Truth::Pending,
        }
    }
}

#[cfg(test)]
mod kleene {
    use super::Truth::{self, No, Pending, Yes};

    #[test]
    fn a_settled_side_settles_and_or() {
        assert_eq!(Truth::all([Yes, Pending]), Pending);
        assert_eq!(Truth::all([No, Pending]), No);
        assert_eq!(Truth::any([Yes, Pending]), Yes);
        assert_eq!(Truth::any([No, Pending]), Pending);
        assert_eq!(!Pending, Pending);
        assert_eq!(!Yes, No);
        assert_eq!(Truth::all([]), Yes);
        assert_eq!(Truth::any([]), No);
    }
}
