//! Light stemmer for Bulgarian.
//!
//! Follows the light stemmer of J. Savoy, "Searching strategies for the Bulgarian language",
//! *Information Retrieval* 10(6), 2007 (building on P. Nakov's `BulStem`), in the form Lucene's
//! `BulgarianStemmer` implements it:
//!
//! 1. words shorter than four letters are left alone; a word ending in `-ища` loses it and stops;
//! 2. one definite article is removed (`-ият`, `-ът`, `-то`, `-те`, `-та`, `-ия`, `-ят`);
//! 3. one plural ending is removed or rewritten (`-овци` → `-о`, `-ове`, `-еве` → `-й`, `-ища`,
//!    `-та`, `-ци` → `-к`, `-зи` → `-г`, `-и`);
//! 4. a final `-я`, then one final `-а`, `-о` or `-е` is removed;
//! 5. a final `-ен` loses its vowel and a `-ъ?` before the last letter is dropped (vowel
//!    alternations such as `личен`/`лични`, `механизъм`/`механизми`).
//!
//! Every step is guarded by a minimum word length, counted in letters (not bytes).
//!
//! Four refinements for the vocabulary of legal texts, not in the paper:
//!
//! * `-та` is taken for an article or a plural only after `а`, `я` or `т` (`защитата`,
//!   `правата`, `информацията`, `сигурността`). After any other letter it is the stem's `т`
//!   followed by the ending `-а`: masculine nouns with the short article (`субекта`,
//!   `регламента`, `комитета`, `кредита`) and feminine nouns in `-та` (`защита`), which now
//!   conflate with `субект`, `комитети`, `защити`. The price: neuter plurals in `-ета`
//!   (`морета`) and the few feminine nouns in another consonant (`песента`) keep their ending.
//! * A stem still ending in `-и` or `-ий` after step 4 loses it (four letters stay), so that
//!   neuter nouns in `-ие` and feminine nouns in `-ия` conflate with their definite and plural
//!   forms (`условие`, `условия`, `условията`; `информация`, `информацията`), which the
//!   original leaves apart.
//! * The rewrite `-си` → `-х` (for `кожух`/`кожуси`) is left out: `-си` is a plain plural `-и`,
//!   as in the far more frequent `процеси`, `интереси`, `кодекси`, `адреси`.
//! * The rewrite `-е?и` → `-я?` (for `промяна`/`промени`) is left out: in legal texts the
//!   pattern is almost always a plain stem `е` (`системи`, `предмети`, `представители`,
//!   `установени`), which the rewrite turned into `систям`, `представитял`, `установян`.

/// Letters after which `-та` is an article or a plural ending (see the module documentation).
const BEFORE_TA: &[char] = &['а', 'я', 'т'];

/// The stem of one lowercased Bulgarian word.
///
/// Never panics; words of fewer than four letters (and words with no Bulgarian ending, such
/// as numbers or Latin-script words) come back unchanged.
#[must_use]
pub fn stem(word: &str) -> String {
    let mut stem = String::from(word);
    let len = letter_count(&stem);
    if len < 4 {
        return stem;
    }
    if len > 5 && strip(&mut stem, "ища") {
        return stem;
    }
    remove_article(&mut stem);
    remove_plural(&mut stem);
    remove_final_vowel(&mut stem);
    remove_stem_final_i(&mut stem);
    drop_vowel_of_final_en(&mut stem);
    drop_yer_before_last_letter(&mut stem);
    stem
}

/// Step 2: the definite article.
fn remove_article(word: &mut String) {
    let len = letter_count(word);
    if len > 6 && strip(word, "ият") {
        return;
    }
    if len > 5 && (strip_any(word, &["ът", "то", "те", "ия"]) || strip_ta(word)) {
        return;
    }
    if len > 4 {
        strip(word, "ят");
    }
}

/// Step 3: plural endings, some rewritten to undo the consonant or vowel alternation they cause.
fn remove_plural(word: &mut String) {
    let len = letter_count(word);
    if len > 6
        && (replace_suffix(word, "овци", "о")
            || strip(word, "ове")
            || replace_suffix(word, "еве", "й"))
    {
        return;
    }
    if len > 5
        && (strip(word, "ища")
            || strip_ta(word)
            || replace_suffix(word, "ци", "к")
            || replace_suffix(word, "зи", "г"))
    {
        return;
    }
    if len > 4 {
        strip(word, "и");
    }
}

/// Step 4: a final `-я`, then one final `-а`, `-о` or `-е` (gender and vocative endings).
fn remove_final_vowel(word: &mut String) {
    if letter_count(word) > 3 {
        strip(word, "я");
        strip_any(word, &["а", "о", "е"]);
    }
}

/// Refinement: a stem ending in `-ий` or `-и` after step 4 loses it (at least four letters stay).
fn remove_stem_final_i(word: &mut String) {
    let len = letter_count(word);
    if len > 5 && strip(word, "ий") {
        return;
    }
    if len > 4 {
        strip(word, "и");
    }
}

/// Step 5a: a final `-ен` becomes `-н` (`песен` → `песн`, like `песни` → `песн`).
fn drop_vowel_of_final_en(word: &mut String) {
    if letter_count(word) > 4 {
        replace_suffix(word, "ен", "н");
    }
}

/// Step 5b: `-ъ?` at the end becomes `-?` (`център` → `центр`, like `центрове` → `центр`).
fn drop_yer_before_last_letter(word: &mut String) {
    if letter_count(word) <= 5 {
        return;
    }
    let mut tail = word.char_indices().rev();
    if let (Some((_, last)), Some((yer_at, 'ъ'))) = (tail.next(), tail.next()) {
        word.truncate(yer_at);
        word.push(last);
    }
}

/// Removes `-та` when it is an article or a plural ending, see the module documentation.
fn strip_ta(word: &mut String) -> bool {
    let Some(rest) = word.strip_suffix("та") else {
        return false;
    };
    let is_ending = rest
        .chars()
        .next_back()
        .is_none_or(|c| BEFORE_TA.contains(&c) || !is_cyrillic_letter(c));
    if !is_ending {
        return false;
    }
    let keep = rest.len();
    word.truncate(keep);
    true
}

/// Whether `c` is a lowercase letter of the Bulgarian alphabet (а..я, plus ѝ).
fn is_cyrillic_letter(c: char) -> bool {
    ('а'..='я').contains(&c) || c == 'ѝ'
}

/// Removes the first of `suffixes` that ends `word`; whether one did.
fn strip_any(word: &mut String, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|suffix| strip(word, suffix))
}

/// Removes `suffix` from the end of `word` if it ends it; whether it did.
fn strip(word: &mut String, suffix: &str) -> bool {
    replace_suffix(word, suffix, "")
}

/// Replaces `suffix` at the end of `word` by `replacement` if it ends it; whether it did.
fn replace_suffix(word: &mut String, suffix: &str, replacement: &str) -> bool {
    let Some(keep) = word.strip_suffix(suffix).map(str::len) else {
        return false;
    };
    word.truncate(keep);
    word.push_str(replacement);
    true
}

/// Length of `word` in letters (chars), which is what every length guard counts.
fn letter_count(word: &str) -> usize {
    word.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that every form in `forms` stems to `expected`.
    fn assert_group(expected: &str, forms: &[&str]) {
        for form in forms {
            assert_eq!(stem(form), expected, "stem({form})");
        }
    }

    #[test]
    fn data_conflates() {
        // данни (data): plural and plural definite.
        assert_group("данн", &["данни", "данните"]);
    }

    #[test]
    fn personal_adjective_conflates() {
        // личен (personal): masculine, feminine, neuter, plural, definite forms.
        assert_group(
            "личн",
            &[
                "личен",
                "лична",
                "лично",
                "лични",
                "личния",
                "личният",
                "личната",
                "личните",
            ],
        );
    }

    #[test]
    fn processing_conflates() {
        // обработване (processing) and its definite and plural forms.
        assert_group(
            "обработван",
            &[
                "обработване",
                "обработването",
                "обработвания",
                "обработванията",
            ],
        );
    }

    #[test]
    fn controller_conflates() {
        // администратор (controller).
        assert_group(
            "администратор",
            &[
                "администратор",
                "администратора",
                "администраторът",
                "администратори",
                "администраторите",
            ],
        );
    }

    #[test]
    fn masculine_nouns_in_t_keep_their_t() {
        // субект (data subject), регламент (regulation): short article -а after -т.
        assert_group(
            "субект",
            &["субект", "субекта", "субектът", "субекти", "субектите"],
        );
        assert_group(
            "регламент",
            &[
                "регламент",
                "регламента",
                "регламентът",
                "регламенти",
                "регламентите",
            ],
        );
    }

    #[test]
    fn consent_conflates() {
        // съгласие (consent): neuter noun in -ие.
        assert_group(
            "съглас",
            &["съгласие", "съгласието", "съгласия", "съгласията"],
        );
    }

    #[test]
    fn nouns_in_ie_and_iya_conflate() {
        // нарушение (breach), условие (condition), информация (information).
        assert_group(
            "нарушн",
            &["нарушение", "нарушението", "нарушения", "нарушенията"],
        );
        assert_group("услов", &["условие", "условието", "условия", "условията"]);
        assert_group("информац", &["информация", "информацията", "информации"]);
        assert_group(
            "категор",
            &["категория", "категорията", "категории", "категориите"],
        );
    }

    #[test]
    fn child_conflates() {
        // дете (child).
        assert_group("дет", &["дете", "детето"]);
    }

    #[test]
    fn authority_conflates() {
        // орган (authority), надзорен (supervisory).
        assert_group(
            "орган",
            &["орган", "органа", "органът", "органи", "органите"],
        );
        assert_group(
            "надзорн",
            &[
                "надзорен",
                "надзорния",
                "надзорният",
                "надзорна",
                "надзорни",
                "надзорните",
            ],
        );
    }

    #[test]
    fn article_and_right_conflate() {
        // член (article), право (right), with the plural in -ове.
        assert_group("член", &["член", "члена", "членът", "членове", "членовете"]);
        assert_group("прав", &["право", "правото", "права", "правата"]);
    }

    #[test]
    fn feminine_nouns_in_ost_conflate() {
        // сигурност (security), отговорност (responsibility): article -та after -т.
        assert_group("сигурност", &["сигурност", "сигурността", "сигурности"]);
        assert_group("отговорност", &["отговорност", "отговорността"]);
    }

    #[test]
    fn provider_conflates() {
        // доставчик (provider): plural -ци rewritten to -к.
        assert_group(
            "доставчик",
            &[
                "доставчик",
                "доставчика",
                "доставчикът",
                "доставчици",
                "доставчиците",
            ],
        );
    }

    #[test]
    fn rewrites_of_the_algorithm() {
        assert_group("подлог", &["подлог", "подлога", "подлози", "подлозите"]);
        assert_group(
            "механизм",
            &["механизъм", "механизма", "механизмът", "механизми"],
        );
        assert_group("центр", &["център", "центъра", "центърът", "центрове"]);
        assert_group("път", &["път", "пътя", "пътят", "пътища", "пътищата"]);
        assert_group("строй", &["строй", "строеве", "строевете"]);
    }

    #[test]
    fn stem_final_t_before_a_is_kept() {
        // комитет (board), защита (protection), система (system), кредит (credit).
        assert_group(
            "комитет",
            &["комитет", "комитета", "комитетът", "комитети", "комитетите"],
        );
        assert_group("защит", &["защита", "защитата", "защити", "защитите"]);
        assert_group("систем", &["система", "системата", "системи", "системите"]);
        assert_group("кредит", &["кредит", "кредита", "кредитът", "кредити"]);
    }

    #[test]
    fn plain_e_before_i_is_kept() {
        // представител (representative), установен (established), процес (process).
        assert_group(
            "представител",
            &[
                "представител",
                "представителя",
                "представители",
                "представителите",
            ],
        );
        assert_group(
            "установн",
            &["установен", "установена", "установени", "установените"],
        );
        assert_group(
            "процес",
            &["процес", "процеса", "процесът", "процеси", "процесите"],
        );
        assert_group("кодекс", &["кодекс", "кодекса", "кодекси", "кодексите"]);
    }

    #[test]
    fn distinct_words_stay_apart() {
        let pairs = [
            ("право", "правило"),     // right / rule
            ("данни", "дейност"),     // data / activity
            ("орган", "организация"), // authority / organisation
            ("субект", "субсидия"),   // subject / subsidy
            ("член", "членство"),     // article / membership
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_words_are_unchanged() {
        for word in ["", "а", "на", "ако", "мъж"] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn robust_on_odd_input() {
        assert_eq!(stem("2016"), "2016");
        assert_eq!(stem("679"), "679");
        assert_eq!(stem("gdpr"), "gdpr");
        assert_eq!(stem("2016та"), "2016");
        let _ = stem("ъъъъъъ");
        let _ = stem("еъи");
        let _ = stem("x\u{301}ъи");
        let long = "данни".repeat(2_000);
        assert_eq!(stem(&long).chars().count(), 9_999);
        let long_mixed = "ab€ци".repeat(2_500);
        let _ = stem(&long_mixed);
    }
}
