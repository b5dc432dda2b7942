//! Did-you-mean (§7.8): the nearest admissible name by character edit distance,
//! suggested when the distance is at most ⌈len/2⌉ of the typed name or when one
//! name contains the other (`中心办公室` → `办公室`).

/// Character-level Levenshtein distance.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev_diag = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = usize::from(ca != *cb);
            let best = (prev_diag + cost).min(above + 1).min(left + 1);
            prev_diag = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The best suggestion for `typed` among `candidates` (in declaration order;
/// ties go to the earlier one).
pub fn suggest<'a, I>(typed: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = typed.chars().count().div_ceil(2);
    candidates
        .into_iter()
        .filter(|c| *c != typed)
        .filter_map(|c| {
            let dist = distance(typed, c);
            let contains = !c.is_empty() && (typed.contains(c) || c.contains(typed));
            (dist <= limit || contains).then_some((dist, c))
        })
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_characters() {
        assert_eq!(distance("办公室", "办公室"), 0);
        assert_eq!(distance("中心办公室", "办公室"), 2);
        assert_eq!(distance("综合业务", "综合业务处"), 1);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn suggests_contained_name_and_near_name() {
        let names = ["综合业务处", "办公室", "公务用车处"];
        assert_eq!(suggest("中心办公室", names), Some("办公室".into()));
        assert_eq!(suggest("公务用车", names), Some("公务用车处".into()));
        assert_eq!(suggest("计划财务处", names), Some("综合业务处".into()));
        assert_eq!(suggest("严重违纪", ["表彰", "弄虚作假"]), None);
    }
}
