//! Vietnamese collation (DOMAIN.md §3.5): CLDR `vi` through icu_collator.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::CollatorBorrowed;
use icu_collator::options::CollatorOptions;
use icu_locale_core::locale;

/// Vietnamese collation (CLDR `vi` via icu_collator 2.4, compiled data); `Send + Sync`, so share one.
///
/// ă, â, đ, ê, ô, ơ, ư are separate letters; tones are secondary (ma < mà < mả < mã <
/// má < mạ); case is tertiary. NFC and NFD spellings compare `Equal`, but old and new
/// tone placement ("Uỷ", "Ủy") do not: use `identity_key` to merge those.
#[derive(Debug)]
pub struct Collator {
    // Borrowed from the baked data, so construction is cheap and the value is Sync.
    inner: CollatorBorrowed<'static>,
}

impl Collator {
    /// The CLDR `vi` collator at default (tertiary) strength.
    pub fn vi() -> Collator {
        let inner =
            icu_collator::Collator::try_new(locale!("vi").into(), CollatorOptions::default())
                // The data is compiled into the binary; `vi` is always present.
                .expect("compiled collation data includes `vi`");
        Collator { inner }
    }

    /// Compares two strings in Vietnamese alphabetical order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.inner.compare(a, b)
    }
}

static VI: LazyLock<Collator> = LazyLock::new(Collator::vi);

/// The process-wide Vietnamese collator.
pub fn collator() -> &'static Collator {
    &VI
}

/// Stable sort by a string key in Vietnamese order (equal keys keep their input order).
pub fn sort_vi<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let c = collator();
    items.sort_by(|a, b| c.compare(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const _: () = {
        const fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Collator>();
    };

    /// Sorting a shuffled copy must give exactly `want`.
    fn check_order(want: &[&str]) {
        let mut items: Vec<&str> = want.iter().rev().copied().collect();
        items.rotate_left(want.len() / 3);
        sort_vi(&mut items, |s| s);
        assert_eq!(items, want);
        for pair in want.windows(2) {
            assert_eq!(
                collator().compare(pair[0], pair[1]),
                Ordering::Less,
                "{pair:?}"
            );
            assert_eq!(
                collator().compare(pair[1], pair[0]),
                Ordering::Greater,
                "{pair:?}"
            );
        }
    }

    #[test]
    fn letters_are_primary() {
        check_order(&[
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "o", "ô", "ơ", "u", "ư", "v", "y",
        ]);
        // Whole strings: all primary weights first, so "Ăn" > "Anh" although 'ă' > 'a'.
        check_order(&[
            "an",
            "Anh",
            "Ánh",
            "Ăn",
            "Âu Cơ",
            "Dân tộc",
            "Dương Minh",
            "Đà Nẵng",
            "Đài Phát thanh",
            "Đảng ủy",
            "Điện Biên",
            "Ong",
            "Ô Môn",
            "Ông",
            "Ơn",
            "Ung",
            "Uyên",
            "Ư",
            "Ưng",
            "Văn phòng",
            "Ý Yên",
        ]);
    }

    #[test]
    fn tones_are_secondary_in_cldr_order() {
        check_order(&["ma", "Ma", "mà", "mả", "mã", "má", "mạ"]);
        // A tone loses to any primary difference later in the string.
        check_order(&["má a", "ma b"]);
    }

    #[test]
    fn given_names() {
        check_order(&["An", "Anh", "Ánh", "Bình", "Dũng", "Đức", "Hà", "Hải"]);
    }

    #[test]
    fn tone_placement_is_not_equal() {
        // DOMAIN.md §3.2: the collator ranks old placement "Uỷ" before new "Ủy".
        check_order(&["Ung", "Uỷ ban", "Ủy ban", "Ưng"]);
    }

    #[test]
    fn nfc_and_nfd_are_equal() {
        for s in ["Đảng ủy", "Hội nghị", "Người", "Ủy ban"] {
            let d: String = s.nfd().collect();
            assert_ne!(s, d);
            assert_eq!(collator().compare(s, &d), Ordering::Equal, "{s}");
            assert_eq!(Collator::vi().compare(&d, s), Ordering::Equal, "{s}");
        }
    }

    #[test]
    fn sort_vi_is_stable_and_keyed() {
        let mut units = vec![("x", "Ông"), ("y", "Ăn"), ("z", "An"), ("w", "Ăn")];
        sort_vi(&mut units, |u| u.1);
        assert_eq!(units, [("z", "An"), ("y", "Ăn"), ("w", "Ăn"), ("x", "Ông")]);
    }

    #[test]
    fn shared_across_threads() {
        let handles: Vec<_> = (0..2)
            .map(|_| std::thread::spawn(|| collator().compare("d", "đ")))
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), Ordering::Less);
        }
    }
}
