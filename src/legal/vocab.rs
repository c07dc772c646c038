//! The words of EU law in the 24 official languages: article, annex and division headings,
//! the place-and-date line, the opening of the recitals, the final binding formula, and dates
//! written with a month name.
//!
//! The segmenter (`units.rs`) asks these questions of every block of every act, and ingest
//! asks [`date_in_text`] of titles. The vocabulary is data: one table per question, a comment
//! naming the languages of each entry. Each function checks a cheap precondition (the first
//! character, the length) before its one regex, built once from its table. Headings and
//! formulas match case-insensitively, because acts write them in capitals as often as not;
//! recital openers and dates are compared after [`fold`], so that missing accents make no
//! difference either.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::fold::fold;
use crate::model::Date;

/// A heading recognised at the start of a block.
pub struct Heading<'a> {
    /// The number as an id part: `6`, `3a` (inserted article), `I`, or empty for `ANNEX`.
    pub number: String,
    /// Text after the heading (its title when on the same line), without separators; a
    /// suffix of the text.
    pub rest: &'a str,
}

// ----- vocabulary: headings ----------------------------------------------------------------

/// Words written before an article number: `Article 6`, `Άρθρο 6`. Greek capitals drop the
/// accent, so both spellings are listed.
const ARTICLE_WORDS: &[&str] = &[
    "Article",   // en, fr
    "Artikel",   // de, nl, da, sv
    "Artículo",  // es
    "Articolo",  // it
    "Artigo",    // pt
    "Articolul", // ro
    "Artykuł",   // pl
    "Článek",    // cs
    "Článok",    // sk
    "Člen",      // sl
    "Članak",    // hr
    "Artikkel",  // et
    "Άρθρο",     // el
    "Αρθρο",     // el, in capitals
    "Член",      // bg
    "Artikolu",  // mt
    "Airteagal", // ga
];

/// Words written after an article number: `6 artikla`, `6. cikk`, `6. pants`, `6 straipsnis`.
const ARTICLE_WORDS_AFTER: &[&str] = &[
    "artikla",    // fi
    "cikk",       // hu
    "pants",      // lv
    "straipsnis", // lt
];

/// French numbers its first article in words: `Article premier`, `Article 1er`; an act of
/// one article calls it `Article unique`, `Artículo único`, `Articolo unico`, `Articol unic`.
const FIRST_ARTICLE: &[&str] = &["premier", "1er", "unique", "único", "unico", "unic"];

/// The word before the article word of an act's sole article: `Sole Article`, `Enig artikel`,
/// `Einziger Artikel`, `Μόνο άρθρο`; its id is `art_1`.
const SOLE: &[&str] = &[
    "Sole",        // en
    "Single",      // en
    "Enig",        // nl
    "Einziger",    // de
    "Enda",        // sv
    "Eneste",      // da
    "Ainoa",       // fi
    "Ainus",       // et
    "Jedyny",      // pl
    "Jediný",      // cs, sk
    "Jedini",      // hr
    "Edini",       // sl
    "Единствен",   // bg
    "Μόνο",        // el
    "Μοναδικό",    // el
    "Vienīgais",   // lv
    "Vienintelis", // lt
    "Egyetlen",    // hu
];

/// Latin ordinals that mark inserted articles where English adds a letter: French, Italian,
/// Spanish and Dutch `Article 3 bis` is English `Article 3a`, `3 ter` is `3b`, and so on.
const INSERTED_ORDINALS: &[(&str, char)] = &[
    ("bis", 'a'),
    ("ter", 'b'),
    ("quater", 'c'),
    ("quinquies", 'd'),
    ("sexies", 'e'),
    ("septies", 'f'),
    ("octies", 'g'),
    ("nonies", 'h'),
    ("novies", 'h'),
    ("decies", 'i'),
    ("undecies", 'j'),
    ("duodecies", 'k'),
    ("terdecies", 'l'),
    ("quaterdecies", 'm'),
    ("quinquiesdecies", 'n'),
    ("quindecies", 'n'),
    ("sexiesdecies", 'o'),
    ("septiesdecies", 'p'),
    ("octiesdecies", 'q'),
    ("noniesdecies", 'r'),
    ("vicies", 's'),
];

/// The letters Greek and Bulgarian add to the number of an inserted article (`Άρθρο 3α`,
/// `Член 3а`), in order; the id is the Latin letter in the same place (`στ` is the sixth,
/// `f`), as for points.
const INSERTED_LETTERS: [&[&str]; 2] = [
    &["α", "β", "γ", "δ", "ε", "στ", "ζ", "η", "θ", "ι"],
    &["а", "б", "в", "г", "д", "е", "ж", "з", "и", "й", "к"],
];

/// Words written before an annex number (`ANNEX I`), or alone (`ANNEX`).
const ANNEX_WORDS: &[&str] = &[
    "Annex",        // en
    "Annexe",       // fr
    "Anhang",       // de
    "Bijlage",      // nl
    "Anexo",        // es, pt
    "Allegato",     // it
    "Anexa",        // ro
    "Załącznik",    // pl
    "Příloha",      // cs
    "Príloha",      // sk
    "Priloga",      // sl
    "Prilog",       // hr
    "Melléklet",    // hu (alone; numbered `I. MELLÉKLET`)
    "Liite",        // fi (`LIITE I`, or `I LIITE`)
    "Lisa",         // et
    "Pielikums",    // lv
    "Priedas",      // lt
    "Παράρτημα",    // el
    "Παραρτημα",    // el, in capitals
    "Приложение",   // bg
    "Anness",       // mt
    "Iarscríbhinn", // ga
    "Bilag",        // da
    "Bilaga",       // sv
    "Anexă",        // ro, without the article
];

/// Words written after an annex number: `I. MELLÉKLET`, `I LIITE`, `I PIELIKUMS`.
const ANNEX_WORDS_AFTER: &[&str] = &[
    "melléklet", // hu
    "liite",     // fi
    "lisa",      // et
    "pielikums", // lv
    "priedas",   // lt
];

/// Words written before a division number: parts, titles, chapters, sections, subsections.
// Laid out by hand, a language or a month together: rustfmt would give each word a line.
#[rustfmt::skip]
const DIVISION_WORDS: &[&str] = &[
    // en
    "Part", "Title", "Chapter", "Section", "Sub-section", "Subsection",
    // fr
    "Partie", "Titre", "Chapitre", "Sous-section",
    // de
    "Teil", "Titel", "Kapitel", "Abschnitt", "Unterabschnitt",
    // nl
    "Deel", "Hoofdstuk", "Afdeling", "Onderafdeling",
    // es, pt, it
    "Parte", "Título", "Capítulo", "Sección", "Subsección", "Titolo", "Capo", "Capitolo",
    "Sezione", "Sottosezione", "Secção", "Seção", "Subsecção", "Subseção",
    // ro (both spellings of ț)
    "Partea", "Titlul", "Capitolul", "Secțiunea", "Secţiunea", "Subsecțiunea", "Subsecţiunea",
    // pl
    "Część", "Tytuł", "Rozdział", "Sekcja", "Podsekcja",
    // cs, sk
    "Část", "Hlava", "Kapitola", "Oddíl", "Pododdíl", "Časť", "Oddiel", "Pododdiel",
    // sl, hr
    "Del", "Naslov", "Poglavje", "Oddelek", "Pododdelek", "Dio", "Glava", "Poglavlje",
    "Odjeljak", "Pododjeljak",
    // el, with the capitals that drop the accent
    "Μέρος", "Μερος", "Τίτλος", "Τιτλος", "Κεφάλαιο", "Κεφαλαιο", "Τμήμα", "Τμημα", "Υποτμήμα",
    "Υποτμημα",
    // bg
    "Част", "Дял", "Глава", "Раздел", "Подраздел",
    // mt
    "Parti", "Titolu", "Kapitolu", "Taqsima", "Subtaqsima",
    // ga
    "Cuid", "Teideal", "Caibidil", "Roinn", "Fo-roinn",
    // da (`Del`, `Kapitel` and `Afdeling` above)
    "Afsnit", "Underafdeling",
    // sv (`Del` and `Kapitel` above)
    "Avdelning", "Avsnitt", "Underavsnitt",
];

/// Words written after a division number: `I. FEJEZET`, `1 jakso`, `I NODAĻA`, `1. jagu`.
// Laid out by hand, a language or a month together: rustfmt would give each word a line.
#[rustfmt::skip]
const DIVISION_WORDS_AFTER: &[&str] = &[
    // hu
    "rész", "cím", "fejezet", "szakasz", "alszakasz",
    // fi
    "osa", "osasto", "luku", "jakso", "alajakso",
    // et (`osa` above)
    "jaotis", "peatükk", "jagu", "alajagu",
    // lv
    "daļa", "sadaļa", "nodaļa", "iedaļa", "apakšiedaļa",
    // lt
    "dalis", "antraštinė dalis", "skyrius", "skirsnis", "poskirsnis",
];

// ----- vocabulary: formulas ----------------------------------------------------------------

/// How the place-and-date line after the last article opens, up to the place name, which
/// must follow with a capital: `Done at Brussels`, `Έγινε στις Βρυξέλλες`, `Kelt Brüsszelben`.
/// A space stands for any white space.
const DONE_AT_OPENINGS: &[&str] = &[
    "Done at ",          // en
    "Fait à ",           // fr
    "Geschehen zu ",     // de
    "Geschehen in ",     // de
    "Gedaan te ",        // nl
    "Hecho en ",         // es
    "Fatto a ",          // it
    "Feito em ",         // pt
    "Feito no ",         // pt (`Feito no Luxemburgo`)
    "Adoptat la ",       // ro
    "Adoptată la ",      // ro
    "Întocmit la ",      // ro
    "Sporządzono w ",    // pl
    "Sastavljeno u ",    // hr
    "Kelt ",             // hu
    "Tehty ",            // fi
    "Priimta ",          // lt
    "Έγινε στις ",       // el (`στις Βρυξέλλες`)
    "Έγινε στο ",        // el (`στο Λουξεμβούργο`, `στο Στρασβούργο`)
    "Έγινε στη ",        // el
    "Έγινε στην ",       // el
    "Съставено в ",      // bg
    "Magħmul fi ",       // mt (`fi Brussell`)
    "Magħmul fil-",      // mt (`fil-Lussemburgu`)
    "Magħmul f'",        // mt
    "Arna dhéanamh sa ", // ga (`sa Bhruiséil`)
    "Arna dhéanamh i ",  // ga (`i Lucsamburg`)
    "Arna dhéanamh in ", // ga (`in Strasbourg`)
    "Udfærdiget i ",     // da
    "Utfärdad i ",       // sv
    "Utfärdat i ",       // sv
];

/// Where the place-and-date line has no verb, the place itself opens it; a date must follow
/// (after a comma, or after Czech `dne`): `V Bruselu dne 27. dubna 2016`, `Brüssel, 27. aprill
/// 2016`, `Briselē, 2016. gada 27. aprīlī`.
// Laid out by hand, a language or a month together: rustfmt would give each word a line.
#[rustfmt::skip]
const DONE_AT_PLACES: &[&str] = &[
    "V Bruselu", "V Lucemburku", "Ve Štrasburku",      // cs
    "V Bruseli", "V Luxemburgu", "V Štrasburgu",       // sk
    "V Bruslju", "V Luxembourgu", "V Strasbourgu",     // sl
    "Brüssel", "Luxembourg", "Strasbourg",             // et
    "Briselē", "Luksemburgā", "Strasbūrā",             // lv
];

/// The line that opens the recitals, without its colon. Polish, Finnish, Estonian and Swedish
/// start it with a conjunction after the citations (`a także`, `sekä`, `ning`, `och`), and
/// Finnish and Bulgarian verbs agree with one or two adopting institutions.
const WHEREAS: &[&str] = &[
    "Whereas",                               // en
    "considérant ce qui suit",               // fr
    "in Erwägung nachstehender Gründe",      // de
    "Overwegende hetgeen volgt",             // nl
    "Considerando lo siguiente",             // es
    "considerando quanto segue",             // it
    "Considerando o seguinte",               // pt
    "întrucât",                              // ro
    "a także mając na uwadze, co następuje", // pl
    "mając na uwadze, co następuje",         // pl
    "vzhledem k těmto důvodům",              // cs
    "keďže",                                 // sk
    "ob upoštevanju naslednjega",            // sl
    "budući da",                             // hr
    "mivel",                                 // hu
    "sekä katsovat seuraavaa",               // fi
    "sekä katsoo seuraavaa",                 // fi (one institution)
    "katsovat seuraavaa",                    // fi
    "katsoo seuraavaa",                      // fi
    "ning arvestades järgmist",              // et
    "arvestades järgmist",                   // et
    "tā kā",                                 // lv
    "kadangi",                               // lt
    "Εκτιμώντας τα ακόλουθα",                // el
    "като имат предвид, че",                 // bg
    "като има предвид, че",                  // bg (one institution)
    "Billi",                                 // mt
    "De bhrí",                               // ga
    "ud fra følgende betragtninger",         // da
    "och av följande skäl",                  // sv
    "av följande skäl",                      // sv
    "med beaktande av följande",             // sv
];

/// Fragments of the sentence after the last article that makes the act binding or names its
/// addressees: `This Regulation shall be binding in its entirety…`, `This Directive is
/// addressed to the Member States.`, `This Decision is addressed to…`. Written in lowercase,
/// with their accents.
const BINDING_FRAGMENTS: &[&str] = &[
    // en
    "regulation shall be binding in its entirety",
    "directive is addressed to",
    "decision is addressed to",
    // fr
    "est obligatoire dans tous ses éléments",
    "destinataires de la présente directive",
    "destinataire de la présente décision",
    "destinataires de la présente décision",
    // de
    "in allen ihren teilen verbindlich",
    "in allen seinen teilen verbindlich",
    "richtlinie ist an die mitgliedstaaten gerichtet",
    "dieser beschluss ist an ",
    "diese entscheidung ist an ",
    // nl
    "verbindend in al haar onderdelen",
    "verbindend in al zijn onderdelen",
    "richtlijn is gericht tot",
    "besluit is gericht tot",
    // es
    "obligatorio en todos sus elementos",
    "destinatarios de la presente directiva",
    "destinatario de la presente decisión",
    "destinatarios de la presente decisión",
    // it
    "obbligatorio in tutti i suoi elementi",
    "destinatari della presente direttiva",
    "destinatari della presente decisione",
    "destinataria della presente decisione",
    "destinatario della presente decisione",
    // pt (with the spelling before 2009: `directiva`)
    "obrigatório em todos os seus elementos",
    "destinatários da presente diretiva",
    "destinatários da presente directiva",
    "destinatários da presente decisão",
    "destinatário da presente decisão",
    "destinatária da presente decisão",
    // ro
    "obligatoriu în toate elementele sale",
    "directivă se adresează",
    "decizie se adresează",
    // pl
    "wiąże w całości",
    "dyrektywa skierowana jest do",
    "decyzja skierowana jest do",
    // cs
    "závazné v celém rozsahu",
    "směrnice je určena",
    "rozhodnutí je určeno",
    // sk
    "záväzné v celom rozsahu",
    "smernica je určená",
    "rozhodnutie je určené",
    // sl
    "v celoti zavezujoča",
    "direktiva je naslovljena na",
    "sklep je naslovljen na",
    // hr
    "obvezujuća je u cijelosti",
    "izravno se primjenjuje u svim državama članicama",
    "je direktiva upućena",
    "je odluka upućena",
    // hu
    "teljes egészében kötelező",
    "irányelvnek a tagállamok a címzettjei",
    "ennek a határozatnak",
    // fi
    "on kaikilta osiltaan velvoittava",
    "direktiivi on osoitettu",
    "päätös on osoitettu",
    // et
    "on tervikuna siduv",
    "direktiiv on adresseeritud",
    "otsus on adresseeritud",
    // lv
    "uzliek saistības kopumā",
    "direktīva ir adresēta",
    "lēmums ir adresēts",
    // lt
    "privalomas visas ir tiesiogiai taikomas",
    "ši direktyva skirta",
    "šis sprendimas skirtas",
    // el
    "δεσμευτικός ως προς όλα τα μέρη",
    "οδηγία απευθύνεται",
    "απόφαση απευθύνεται",
    // bg
    "задължителен в своята цялост",
    "адресати на настоящата директива",
    "адресат на настоящото решение",
    "адресати на настоящото решение",
    // mt
    "għandu jorbot fl-intier tiegħu",
    "direttiva hija indirizzata",
    "deċiżjoni hija indirizzata",
    // ga
    "ina cheangal ina iomláine",
    "dírítear an treoir seo",
    "dírítear an cinneadh seo",
    // da
    "bindende i alle enkeltheder",
    "direktiv er rettet til",
    "afgørelse er rettet til",
    // sv
    "till alla delar bindande",
    "direktiv riktar sig till",
    "beslut riktar sig till",
];

// ----- vocabulary: dates -------------------------------------------------------------------

/// Every written form of each month, January first: nominatives, and the genitive, partitive
/// or locative forms that dates use (Polish `kwietnia`, Finnish `huhtikuuta`, Latvian
/// `aprīlī`, Greek `Απριλίου`). Compared folded, so one spelling per form is enough. Croatian
/// `listopad` (October) is in [`CROATIAN_OCTOBER`]: Czech and Polish spell November so.
// Laid out by hand, a language or a month together: rustfmt would give each word a line.
#[rustfmt::skip]
const MONTH_FORMS: [&[&str]; 12] = [
    &[
        "january", "janvier", "januar", "jänner", "januari", "enero", "gennaio", "janeiro",
        "ianuarie", "tammikuuta", "tammikuu", "jaanuar", "janvāris", "janvārī", "janvāra",
        "sausio", "sausis", "styczeń", "stycznia", "leden", "ledna", "január", "januára",
        "januarja", "siječanj", "siječnja", "ιανουαρίου", "ιανουάριος", "януари", "jannar",
        "eanáir",
    ],
    &[
        "february", "février", "februar", "februari", "febrero", "febbraio", "fevereiro",
        "februarie", "helmikuuta", "helmikuu", "veebruar", "februāris", "februārī", "februāra",
        "vasario", "vasaris", "luty", "lutego", "únor", "února", "február", "februára",
        "februarja", "veljača", "veljače", "φεβρουαρίου", "φεβρουάριος", "февруари", "frar",
        "feabhra",
    ],
    &[
        "march", "mars", "märz", "maart", "marzo", "março", "martie", "marts", "maaliskuuta",
        "maaliskuu", "märts", "martā", "marta", "kovo", "kovas", "marzec", "marca", "březen",
        "března", "marec", "március", "ožujak", "ožujka", "μαρτίου", "μάρτιος", "март",
        "marzu", "márta",
    ],
    &[
        "april", "avril", "abril", "aprile", "aprilie", "huhtikuuta", "huhtikuu", "aprill",
        "aprīlis", "aprīlī", "aprīļa", "balandžio", "balandis", "kwiecień", "kwietnia", "duben",
        "dubna", "apríl", "apríla", "aprila", "április", "travanj", "travnja", "απριλίου",
        "απρίλιος", "април", "aibreán",
    ],
    &[
        "may", "mai", "mei", "mayo", "maggio", "maio", "maj", "toukokuuta", "toukokuu",
        "maijs", "maijā", "maija", "gegužės", "gegužė", "maja", "květen", "května", "máj",
        "mája", "május", "svibanj", "svibnja", "μαΐου", "μάιος", "май", "mejju", "bealtaine",
    ],
    &[
        "june", "juin", "juni", "junio", "giugno", "junho", "iunie", "kesäkuuta", "kesäkuu",
        "juuni", "jūnijs", "jūnijā", "jūnija", "birželio", "birželis", "czerwiec", "czerwca",
        "červen", "června", "jún", "júna", "junij", "junija", "június", "lipanj", "lipnja",
        "ιουνίου", "ιούνιος", "юни", "ġunju", "meitheamh",
    ],
    &[
        "july", "juillet", "juli", "julio", "luglio", "julho", "iulie", "heinäkuuta",
        "heinäkuu", "juuli", "jūlijs", "jūlijā", "jūlija", "liepos", "liepa", "lipiec", "lipca",
        "červenec", "července", "júl", "júla", "julij", "julija", "július", "srpanj", "srpnja",
        "ιουλίου", "ιούλιος", "юли", "lulju", "iúil",
    ],
    &[
        "august", "août", "augustus", "agosto", "augusti", "elokuuta", "elokuu", "augusts",
        "augustā", "augusta", "rugpjūčio", "rugpjūtis", "sierpień", "sierpnia", "srpen",
        "srpna", "avgust", "avgusta", "augusztus", "kolovoz", "kolovoza", "αυγούστου",
        "αύγουστος", "август", "awwissu", "lúnasa",
    ],
    &[
        "september", "septembre", "septiembre", "setiembre", "settembre", "setembro",
        "septembrie", "syyskuuta", "syyskuu", "septembris", "septembrī", "septembra",
        "rugsėjo", "rugsėjis", "wrzesień", "września", "září", "szeptember", "rujan", "rujna",
        "σεπτεμβρίου", "σεπτέμβριος", "септември", "settembru", "meán fómhair",
    ],
    &[
        "october", "octobre", "oktober", "octubre", "ottobre", "outubro", "octombrie",
        "lokakuuta", "lokakuu", "oktoober", "oktobris", "oktobrī", "oktobra", "spalio",
        "spalis", "październik", "października", "říjen", "října", "október", "októbra",
        "οκτωβρίου", "οκτώβριος", "октомври", "ottubru", "deireadh fómhair",
    ],
    &[
        "november", "novembre", "noviembre", "novembro", "noiembrie", "marraskuuta",
        "marraskuu", "novembris", "novembrī", "novembra", "lapkričio", "lapkritis", "listopad",
        "listopada", "listopadu", "studeni", "studenoga", "studenog", "νοεμβρίου", "νοέμβριος",
        "ноември", "novembru", "samhain",
    ],
    &[
        "december", "décembre", "dezember", "diciembre", "dicembre", "dezembro", "decembrie",
        "joulukuuta", "joulukuu", "detsember", "decembris", "decembrī", "decembra", "gruodžio",
        "gruodis", "grudzień", "grudnia", "prosinec", "prosince", "prosinac",
        "prosinca", "δεκεμβρίου", "δεκέμβριος", "декември", "diċembru", "nollaig",
    ],
];

/// Croatian October, spelled like Czech and Polish November: Croatian writes the day with a
/// dot (`27. listopada 2016.`), Polish never does (`27 listopada 2016 r.`).
const CROATIAN_OCTOBER: &[&str] = &["listopad", "listopada"];

/// What may follow the day: French `1er`, Greek `27ης`, Spanish and Portuguese `1º`.
const DAY_SUFFIXES: &[&str] = &["er", "ης", "η", "º", "°"];

/// Words between day and month: Spanish and Portuguese `de`, Maltese `ta'`, Finnish
/// `päivänä`.
const DAY_MONTH_LINKS: &[&str] = &["de", "ta'", "ta’", "päivänä"];

/// Longest line worth folding to compare with the recital openers, the longest of which (the
/// Greek) has 43 bytes.
const MAX_WHEREAS_BYTES: usize = 120;

/// Longest block worth searching for a binding formula: the Greek and Bulgarian regulation
/// formulas have 180 bytes; a decision's names its addressee, which may be long.
const MAX_FORMULA_BYTES: usize = 600;

// ----- compiled tables ---------------------------------------------------------------------

/// An alternation of `words` for a regex, longest first so that a short word does not end the
/// match inside a longer one (`osa` in `osasto`); a space matches any run of white space.
pub(super) fn alternation<S: AsRef<str>>(words: &[S]) -> String {
    let mut sorted: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let escaped: Vec<String> = sorted
        .iter()
        .map(|word| regex::escape(word).replace(' ', r"\s+"))
        .collect();
    escaped.join("|")
}

fn folded(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| fold(word).into_owned()).collect()
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("regex built from the constant tables")
}

/// `Article `, `ΆΡΘΡΟ `: an article word and the space after it.
static ARTICLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^(?i:{})\s+", alternation(ARTICLE_WORDS))));

/// `Sole Article`, `Enig artikel`: the sole article of an act.
static SOLE_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    let words = ARTICLE_WORDS.iter().chain(ARTICLE_WORDS_AFTER).copied();
    compile(&format!(
        r"^(?i:{})\s+(?i:{})",
        alternation(SOLE),
        alternation(&words.collect::<Vec<_>>())
    ))
});

/// `6`, `6a`, `6α`, `6.º-A`, `premier`: group `l` is the letter of an inserted article.
/// Portuguese `6.º` is also found as `6.o`, where a converter lost the ordinal sign.
static ARTICLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let first = alternation(FIRST_ARTICLE);
    compile(&format!(
        r"^(?:(?P<first>(?i:{first}))|(?P<n>\d{{1,4}})(?:\.?[ºo°])?(?:[-./]?(?P<l>στ|\p{{L}}))?)"
    ))
});

/// `6 artikla`, `6a. cikk`, `6.a pants`, `6 a artikla`.
static ARTICLE_NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(ARTICLE_WORDS_AFTER);
    compile(&format!(
        r"^(?P<n>\d{{1,4}})(?:\.?\s?(?P<l>[a-z]))?\.?\s+(?i:{words})"
    ))
});

/// `ANNEX`, `ANNEX IV`, `Annex 2`, `ANNEX A`, `ANNEX IIa`.
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(ANNEX_WORDS);
    compile(&format!(
        r"^(?i:{words})(?:\s+(?P<n>[IVXLC]+[a-z]?|\d{{1,3}}[a-z]?|[A-Z])(?-u:\b))?"
    ))
});

/// `I. MELLÉKLET`, `IV LIITE`, `2 PRIEDAS`.
static ANNEX_NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(ANNEX_WORDS_AFTER);
    compile(&format!(r"^(?P<n>[IVXLC]+|\d{{1,3}})\.?\s+(?i:{words})"))
});

/// `CHAPTER IV`, `Section 2`, `POGLAVLJE I.`, `Part A`, `Section 1.2`.
static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(DIVISION_WORDS);
    compile(&format!(
        r"^(?i:{words})\s+(?P<n>[IVXLC]+[a-z]?|\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?|[A-Z])(?-u:\b)\.?"
    ))
});

/// `I. FEJEZET`, `1 jakso`, `II NODAĻA`, `1. jagu`, `I ANTRAŠTINĖ DALIS`.
static DIVISION_NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(DIVISION_WORDS_AFTER);
    compile(&format!(
        r"^(?P<n>[IVXLC]+|\d{{1,3}}[a-z]?)\.?\s+(?i:{words})"
    ))
});

/// An opening and a capitalised place, or a verbless place and a date.
static DONE_AT: LazyLock<Regex> = LazyLock::new(|| {
    let openings = alternation(DONE_AT_OPENINGS);
    let places = alternation(DONE_AT_PLACES);
    compile(&format!(
        r"^(?:(?:{openings})\p{{Lu}}|(?:{places}),?\s+(?:dne\s+)?\d)"
    ))
});

/// The recital openers as [`formula_key`] spells them.
static WHEREAS_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| WHEREAS.iter().map(|form| formula_key(form)).collect());

/// Any binding-formula fragment, case-insensitively. The raw text is searched, not its
/// folded form: folding every block of every act would cost more than all the other
/// questions together, and the Official Journal writes these formulas with their accents.
static BINDING: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!("(?i:{})", alternation(BINDING_FRAGMENTS))));

/// Folded month form → month number.
static MONTHS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let mut months = HashMap::new();
    for (index, forms) in (1u8..).zip(MONTH_FORMS) {
        for form in forms.iter() {
            months.insert(fold(form).into_owned(), index);
        }
    }
    months
});

/// A date with a month name in folded text, in one of four orders: day month year (most
/// languages), Hungarian `2016. április 27.`, Latvian `2016. gada 27. aprīlis`, Lithuanian
/// `2016 m. balandžio 27 d.`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(&MONTHS.keys().collect::<Vec<_>>());
    let suffixes = alternation(&folded(DAY_SUFFIXES));
    let links = alternation(&folded(DAY_MONTH_LINKS));
    let day_first = format!(
        r"(?P<d1>\d{{1,2}})(?P<dot>\.)?(?:{suffixes})?\s*(?:(?:{links})\s+)?(?P<m1>{months})\b,?\s*(?:de\s+)?(?P<y1>\d{{4}})(?-u:\b)"
    );
    let hungarian = format!(r"(?P<y2>\d{{4}})\.\s*(?P<m2>{months})\s+(?P<d2>\d{{1,2}})(?-u:\b)");
    let latvian = format!(r"(?P<y3>\d{{4}})\.\s*gada\s+(?P<d3>\d{{1,2}})\.\s*(?P<m3>{months})\b");
    let lithuanian =
        format!(r"(?P<y4>\d{{4}})\s*m\.\s*(?P<m4>{months})\s+(?P<d4>\d{{1,2}})\s*d(?-u:\b)");
    compile(&format!(
        r"(?:^|\D)(?:{day_first}|{hungarian}|{latvian}|{lithuanian})"
    ))
});

// ----- article headings --------------------------------------------------------------------

/// An article heading at the start of `text`: `Article 6`, `ARTICLE 6 Lawfulness of
/// processing`, `Artikel 3a`, `Article 3 bis`, `Artigo 3.º-A`, `Article premier`, `6 artikla`,
/// `6. cikk`. The number is the id part (`6`, `3a`, `1`); a block starting in lowercase
/// (`article 6 of Regulation…`), a plural, a range (`Artikel 5 bis 7`) or a citation
/// (`Article 6(1)`) is no heading.
pub fn article_heading(text: &str) -> Option<Heading<'_>> {
    let first = text.chars().next()?;
    if first.is_ascii_digit() {
        return article_heading_number_first(text);
    }
    if !first.is_uppercase() {
        return None;
    }
    if let Some(sole) = SOLE_ARTICLE.find(text) {
        let after = text.get(sole.end()..)?;
        return ends_word(after).then(|| Heading {
            number: "1".to_string(),
            rest: heading_rest(after),
        });
    }
    let word = ARTICLE_WORD.find(text)?;
    let (number, after) = article_number(text.get(word.end()..)?)?;
    Some(Heading {
        number,
        rest: heading_rest(after),
    })
}

/// `6 artikla`, `6a. cikk`: Finnish, Hungarian, Latvian and Lithuanian put the number first.
fn article_heading_number_first(text: &str) -> Option<Heading<'_>> {
    let caps = ARTICLE_NUMBER_FIRST.captures(text)?;
    let after = text.get(caps.get(0)?.end()..)?;
    if !ends_word(after) {
        return None;
    }
    let number: u32 = caps.name("n")?.as_str().parse().ok()?;
    let letter = caps.name("l").map(|l| l.as_str()).unwrap_or_default();
    Some(Heading {
        number: format!("{number}{letter}"),
        rest: heading_rest(after),
    })
}

/// The number after an article word, as an id, and the text after it.
fn article_number(text: &str) -> Option<(String, &str)> {
    let caps = ARTICLE_NUMBER.captures(text)?;
    let after = text.get(caps.get(0)?.end()..)?;
    if caps.name("first").is_some() {
        return ends_number(after).then(|| ("1".to_string(), after));
    }
    let number: u32 = caps.name("n")?.as_str().parse().ok()?;
    let (letter, after) = match caps.name("l") {
        Some(letter) => (Some(letter_id(letter.as_str())?), after),
        None => inserted_ordinal(after)?,
    };
    let id = letter.map_or_else(|| number.to_string(), |letter| format!("{number}{letter}"));
    ends_number(after).then_some((id, after))
}

/// The Latin id of an inserted article's letter in any script: `a`, `A`, Greek `α`, `στ`,
/// Bulgarian `а`; a Greek or Cyrillic letter counts by its place in [`INSERTED_LETTERS`].
fn letter_id(letter: &str) -> Option<char> {
    let lower = letter.to_lowercase();
    if lower.is_ascii() {
        return lower.chars().next();
    }
    INSERTED_LETTERS.iter().find_map(|letters| {
        let position = letters.iter().position(|l| *l == lower)?;
        let offset = u8::try_from(position).ok()?;
        Some(char::from(b'a' + offset))
    })
}

/// ` bis`, ` ter`… after the number: the letter it stands for (none when no ordinal
/// follows), and the text after it. `None` for a range: German `Artikel 5 bis 7`.
fn inserted_ordinal(after: &str) -> Option<(Option<char>, &str)> {
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() {
        return Some((None, after));
    }
    let word_end = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    let (word, tail) = trimmed.split_at(word_end);
    let Some(&(_, letter)) = INSERTED_ORDINALS
        .iter()
        .find(|(ordinal, _)| ordinal.eq_ignore_ascii_case(word))
    else {
        return Some((None, after));
    };
    if tail.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((Some(letter), tail))
}

/// What may follow a heading's number: nothing, white space, or a `.`, `:` or dash that ends
/// the text or precedes white space. A parenthesis, comma, digit or letter means a citation
/// (`Article 6(1)`, `Article 6.1`) or a word, not a heading.
fn ends_number(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('.' | ':' | '-' | '–' | '—') => chars.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// The title after a heading's number, without the `.`, `:` or dash that separates them. It
/// stays a suffix of the text, which the caller uses to cut the heading's label off.
fn heading_rest(after: &str) -> &str {
    let after = after.trim_start();
    after
        .strip_prefix(['.', ':', '-', '–', '—'])
        .unwrap_or(after)
        .trim_start()
}

// ----- annex and division headings ---------------------------------------------------------

/// An annex heading at the start of `text`: `ANNEX`, `ANNEX I`, `Annex II:`, `ANHANG IV`,
/// `I. MELLÉKLET`, `I LIITE`. The number is the numeral as written (`I`, `2`, `A`), empty
/// when there is none; a sentence such as `Annex I to Directive … is amended` is returned
/// too, with the sentence as `rest`, for the caller to judge. Lowercase `annex` is no heading.
pub fn annex_heading(text: &str) -> Option<Heading<'_>> {
    let first = text.chars().next()?;
    if !first.is_uppercase() && !first.is_ascii_digit() {
        return None;
    }
    heading_at(&ANNEX, text, ends_word).or_else(|| heading_at(&ANNEX_NUMBER_FIRST, text, ends_word))
}

/// Whether a heading word ends here: `ANNEXES` and `6 artiklan` are other words.
fn ends_word(after: &str) -> bool {
    !after.starts_with(char::is_alphanumeric)
}

/// A part, title, chapter, section or subsection heading at the start of `text`:
/// `CHAPTER I`, `CHAPTER I - General provisions`, `Section 2`, `KAPITEL III`, `I. FEJEZET`,
/// `1 jakso`, `I NODAĻA`. The number is as written. It must end the text or be followed by a
/// dash, a colon or a capitalised title, so `Section 230 of the Act …` is no heading.
pub fn division_heading(text: &str) -> Option<Heading<'_>> {
    let first = text.chars().next()?;
    if !first.is_uppercase() && !first.is_ascii_digit() {
        return None;
    }
    heading_at(&DIVISION, text, starts_title)
        .or_else(|| heading_at(&DIVISION_NUMBER_FIRST, text, starts_title))
}

/// The heading `re` finds at the start of `text`, if the text after it is `acceptable`.
fn heading_at<'a>(re: &Regex, text: &'a str, acceptable: fn(&str) -> bool) -> Option<Heading<'a>> {
    let caps = re.captures(text)?;
    let after = text.get(caps.get(0)?.end()..)?;
    if !acceptable(after) {
        return None;
    }
    let number = caps
        .name("n")
        .map(|n| n.as_str().to_string())
        .unwrap_or_default();
    Some(Heading {
        number,
        rest: heading_rest(after),
    })
}

/// Whether the text after a division number ends the heading or starts its title.
fn starts_title(after: &str) -> bool {
    let title = after.trim_start();
    match title.chars().next() {
        None | Some('-' | '–' | '—' | ':') => true,
        Some(c) => c.is_uppercase() && title.len() < after.len(),
    }
}

// ----- formulas ----------------------------------------------------------------------------

/// The place-and-date line after the last article: `Done at Brussels, 27 April 2016.`,
/// `Fait à Strasbourg, le …`, `V Bruselu dne …`, `Done at Brussels, 11.5.2022.`, in any of
/// the 24 languages.
pub fn is_done_at(text: &str) -> bool {
    text.starts_with(char::is_uppercase) && DONE_AT.is_match(text)
}

/// Whether nearly all the letters of `text` (a few words at least) are capitals: a title,
/// institution or formula line of an act's head.
pub fn in_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 8 && capitals * 10 >= letters * 8
}

/// The line that opens the recitals: `Whereas:`, `considérant ce qui suit:`, `mivel:`…,
/// whatever the case, spacing and colon.
pub fn is_whereas(text: &str) -> bool {
    if text.len() > MAX_WHEREAS_BYTES {
        return false;
    }
    let key = formula_key(text);
    WHEREAS_KEYS.contains(&key)
}

/// Folded, with single spaces and without the final colon: how recital openers compare.
fn formula_key(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    words.join(" ").trim_end_matches([':', ' ']).to_string()
}

/// The sentence after the last article that makes the act binding or names its addressees:
/// `This Regulation shall be binding in its entirety…`, `This Directive is addressed to the
/// Member States.`, in any of the 24 languages.
pub fn is_binding_formula(text: &str) -> bool {
    text.len() <= MAX_FORMULA_BYTES && BINDING.is_match(text)
}

// ----- dates -------------------------------------------------------------------------------

/// The first valid date written with a month name in `text`, in any of the 24 languages:
/// `27 April 2016`, `1er mai 2016`, `27. dubna 2016`, `(2016. április 27.)`, `της 27ης
/// Απριλίου 2016`, `2016 m. balandžio 27 d.`. Impossible days (`31 June`) are skipped.
pub fn date_in_text(text: &str) -> Option<Date> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let folded = fold(text);
    DATE.captures_iter(&folded).find_map(|caps| date_of(&caps))
}

fn date_of(caps: &regex::Captures<'_>) -> Option<Date> {
    let first_of = |names: [&str; 4]| {
        names
            .iter()
            .find_map(|name| caps.name(name))
            .map(|m| m.as_str())
    };
    let day = first_of(["d1", "d2", "d3", "d4"])?.parse().ok()?;
    let year = first_of(["y1", "y2", "y3", "y4"])?.parse().ok()?;
    let month = month_number(
        first_of(["m1", "m2", "m3", "m4"])?,
        caps.name("dot").is_some(),
    )?;
    Date::new(year, month, day)
}

/// The month a folded form names; `dotted_day` tells Croatian `27. listopada` (October) from
/// Polish `27 listopada` (November).
fn month_number(form: &str, dotted_day: bool) -> Option<u8> {
    if dotted_day && CROATIAN_OCTOBER.contains(&form) {
        return Some(10);
    }
    let single_spaced = form.split_whitespace().collect::<Vec<_>>().join(" ");
    MONTHS.get(&single_spaced).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Option<(String, &str)> {
        article_heading(text).map(|h| (h.number, h.rest))
    }

    fn annex(text: &str) -> Option<(String, &str)> {
        annex_heading(text).map(|h| (h.number, h.rest))
    }

    fn division(text: &str) -> Option<(String, &str)> {
        division_heading(text).map(|h| (h.number, h.rest))
    }

    fn date(year: u16, month: u8, day: u8) -> Option<Date> {
        Date::new(year, month, day)
    }

    /// The article headings of the GDPR in its 24 languages, as its table of contents spells
    /// them (NBSP included), and in capitals.
    const ARTICLE_6: &[&str] = &[
        "Член 6",
        "Článek 6",
        "Artikel 6",
        "Άρθρο 6",
        "ΑΡΘΡΟ 6",
        "Article 6",
        "ARTICLE 6",
        "Artículo 6",
        "ARTÍCULO 6",
        "Artikkel 6",
        "6 artikla",
        "6 ARTIKLA",
        "Airteagal 6",
        "Članak 6.",
        "ČLANAK 6.",
        "6. cikk",
        "6. CIKK",
        "Articolo 6",
        "6 straipsnis",
        "6\u{a0}straipsnis",
        "6. pants",
        "Artikolu 6",
        "Artykuł 6",
        "ARTYKUŁ 6",
        "Artigo 6.º",
        "Artigo 6.o",
        "Artigo 6",
        "Articolul 6",
        "Článok 6",
        "Člen 6",
        "ČLEN 6",
        "Artikel\u{a0}6",
        "ЧЛЕН 6",
    ];

    #[test]
    fn article_headings_in_every_language() {
        for text in ARTICLE_6 {
            assert_eq!(article(text), Some(("6".to_string(), "")), "{text}");
        }
    }

    #[test]
    fn a_sole_article_is_article_1() {
        for text in [
            "Sole Article",
            "SOLE ARTICLE",
            "Enig artikel",
            "Einziger Artikel",
            "Article unique",
            "Artículo único",
            "Articolo unico",
            "Μόνο άρθρο",
            "Egyetlen cikk",
        ] {
            assert_eq!(article(text), Some(("1".to_string(), "")), "{text}");
        }
        assert_eq!(
            article("Enig artikel De sluiting wordt goedgekeurd."),
            Some(("1".to_string(), "De sluiting wordt goedgekeurd."))
        );
        assert_eq!(article("Sole Articles"), None);
        assert_eq!(article("Single market"), None);
    }

    #[test]
    fn inserted_articles_get_a_letter() {
        let cases = [
            ("Article 3a", "3a"),
            ("ARTICLE 3A", "3a"),
            ("Artikel 12b", "12b"),
            ("Article 3 bis", "3a"),
            ("Article 3 BIS", "3a"),
            ("Article 3 ter", "3b"),
            ("Articolo 3 quater", "3c"),
            ("Artículo 3 quinquies", "3d"),
            ("Artikel 3 sexies", "3e"),
            ("Article 3 decies", "3i"),
            ("Artigo 3.º-A", "3a"),
            ("Artigo 3.o-B", "3b"),
            ("Άρθρο 3α", "3a"),
            ("Άρθρο 3β", "3b"),
            ("Άρθρο 3στ", "3f"),
            ("Член 3а", "3a"),
            ("Член 3б", "3b"),
            ("Članak 3.a", "3a"),
            ("3a. cikk", "3a"),
            ("3 a artikla", "3a"),
            ("3.a pants", "3a"),
            ("3a straipsnis", "3a"),
        ];
        for (text, number) in cases {
            assert_eq!(
                article(text).map(|(n, _)| n),
                Some(number.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn french_first_article() {
        assert_eq!(article("Article premier"), Some(("1".to_string(), "")));
        assert_eq!(article("ARTICLE PREMIER"), Some(("1".to_string(), "")));
        assert_eq!(article("Article 1er"), Some(("1".to_string(), "")));
        assert_eq!(
            article("Article premier Objet"),
            Some(("1".to_string(), "Objet"))
        );
        assert_eq!(article("Article premiers"), None);
    }

    #[test]
    fn article_titles_on_the_heading_line() {
        let cases = [
            (
                "Article 6 Lawfulness of processing",
                "6",
                "Lawfulness of processing",
            ),
            (
                "Article 6 - Lawfulness of processing",
                "6",
                "Lawfulness of processing",
            ),
            ("Artikel 6: Rechtmäßigkeit", "6", "Rechtmäßigkeit"),
            ("Článek 6.", "6", ""),
            ("Article 3 bis Champ", "3a", "Champ"),
            (
                "6. cikk Az adatkezelés jogszerűsége",
                "6",
                "Az adatkezelés jogszerűsége",
            ),
            (
                "6 artikla – Käsittelyn lainmukaisuus",
                "6",
                "Käsittelyn lainmukaisuus",
            ),
            ("Artikel 5 und 6", "5", "und 6"),
        ];
        for (text, number, rest) in cases {
            assert_eq!(article(text), Some((number.to_string(), rest)), "{text}");
        }
    }

    #[test]
    fn running_text_citations_and_plurals_are_no_article_headings() {
        let cases = [
            "article 6 of Regulation (EU) 2016/679",
            "artikel 6",
            "Articles 5 to 7",
            "Artikel 5 bis 7",
            "Article 6(1)",
            "Article 6(1)(a) applies",
            "Article 6.1",
            "Article 6, point (a)",
            "Article 6/2",
            "Article six",
            "Article",
            "Articled 6",
            "Article 12345",
            "Article 6abc",
            "6 artiklan mukaisesti",
            "6. cikkben",
            "6. panta",
            "6 straipsnio",
            "6 articles",
            "",
            " ",
        ];
        for text in cases {
            assert!(article(text).is_none(), "{text}");
        }
    }

    #[test]
    fn annex_headings_in_every_language() {
        let cases = [
            ("ANNEX", ""),
            ("Annex", ""),
            ("ANNEX I", "I"),
            ("Annex II", "II"),
            ("ANNEX I:", "I"),
            ("ANNEXE III", "III"),
            ("Annexe", ""),
            ("ANHANG IV", "IV"),
            ("BIJLAGE V", "V"),
            ("ANEXO VI", "VI"),
            ("ALLEGATO", ""),
            ("ALLEGATO VII", "VII"),
            ("ANEXA VIII", "VIII"),
            ("ZAŁĄCZNIK IX", "IX"),
            ("PŘÍLOHA X", "X"),
            ("PRÍLOHA XI", "XI"),
            ("PRILOGA XII", "XII"),
            ("PRILOG I.", "I"),
            ("I. MELLÉKLET", "I"),
            ("MELLÉKLET", ""),
            ("LIITE I", "I"),
            ("I LIITE", "I"),
            ("LISA", ""),
            ("II LISA", "II"),
            ("I PIELIKUMS", "I"),
            ("I PRIEDAS", "I"),
            ("ΠΑΡΑΡΤΗΜΑ I", "I"),
            ("Παράρτημα II", "II"),
            ("ПРИЛОЖЕНИЕ I", "I"),
            ("ANNESS I", "I"),
            ("IARSCRÍBHINN I", "I"),
            ("BILAG I", "I"),
            ("BILAGA I", "I"),
            ("ANNEX 2", "2"),
            ("ANNEX A", "A"),
            ("ANNEX IIa", "IIa"),
            ("ANNEX\u{a0}III", "III"),
        ];
        for (text, number) in cases {
            assert_eq!(annex(text), Some((number.to_string(), "")), "{text}");
        }
    }

    #[test]
    fn annex_rest_is_left_for_the_caller_to_judge() {
        assert_eq!(
            annex("ANNEX I: List of things"),
            Some(("I".to_string(), "List of things"))
        );
        assert_eq!(
            annex("ANNEX I - Correlation table"),
            Some(("I".to_string(), "Correlation table"))
        );
        assert_eq!(
            annex("Annex I to Directive 2002/58/EC is amended as follows"),
            Some((
                "I".to_string(),
                "to Directive 2002/58/EC is amended as follows"
            ))
        );
        assert_eq!(
            annex("ANNEX INFORMATION"),
            Some((String::new(), "INFORMATION"))
        );
    }

    #[test]
    fn lowercase_plural_and_longer_words_are_no_annex_headings() {
        for text in [
            "annex I",
            "ANNEXES",
            "Annexes I and II",
            "Annexed to this Regulation",
            "I. mellékletben",
            "IV LIITTEESSÄ",
            "Bilagor",
            "",
        ] {
            assert!(annex(text).is_none(), "{text}");
        }
    }

    /// Chapter and section headings of the GDPR's tables of contents, and parts, titles and
    /// subsections of other acts.
    #[test]
    fn division_headings_in_every_language() {
        let cases = [
            ("CHAPTER I - General provisions", "I", "General provisions"),
            (
                "Section 1 - Transparency and modalities",
                "1",
                "Transparency and modalities",
            ),
            (
                "SECTION 4: Date, time and signature",
                "4",
                "Date, time and signature",
            ),
            ("CHAPTER II Principles", "II", "Principles"),
            ("CHAPTER IIa", "IIa", ""),
            ("TITLE II", "II", ""),
            ("Part A", "A", ""),
            ("SUB-SECTION 2", "2", ""),
            ("Section 1.2", "1.2", ""),
            (
                "CHAPITRE I - Dispositions générales",
                "I",
                "Dispositions générales",
            ),
            ("TITRE III", "III", ""),
            ("Sous-section 2", "2", ""),
            (
                "KAPITEL I - Allgemeine Bestimmungen",
                "I",
                "Allgemeine Bestimmungen",
            ),
            ("Abschnitt 1", "1", ""),
            ("TEIL 1", "1", ""),
            ("HOOFDSTUK I", "I", ""),
            ("Afdeling 1", "1", ""),
            (
                "CAPÍTULO I - Disposiciones generales",
                "I",
                "Disposiciones generales",
            ),
            ("Sección 1", "1", ""),
            ("CAPO I", "I", ""),
            ("Sezione 1", "1", ""),
            ("Secção 1", "1", ""),
            ("CAPITOLUL I", "I", ""),
            ("Secțiunea 1", "1", ""),
            ("Secţiunea 1", "1", ""),
            ("ROZDZIAŁ I", "I", ""),
            ("Sekcja 1", "1", ""),
            ("KAPITOLA I", "I", ""),
            ("Oddíl 1", "1", ""),
            ("Oddiel 1", "1", ""),
            ("POGLAVJE I", "I", ""),
            ("Oddelek 1", "1", ""),
            ("POGLAVLJE I.", "I", ""),
            ("Odjeljak 2. - Konzistentnost", "2", "Konzistentnost"),
            ("I. FEJEZET", "I", ""),
            ("1. szakasz - Együttműködés", "1", "Együttműködés"),
            ("I LUKU", "I", ""),
            ("1 Jakso", "1", ""),
            ("II OSASTO", "II", ""),
            ("I PEATÜKK", "I", ""),
            ("1. jagu", "1", ""),
            ("I NODAĻA - Vispārīgi noteikumi", "I", "Vispārīgi noteikumi"),
            ("1. iedaļa", "1", ""),
            ("I SKYRIUS", "I", ""),
            ("1 skirsnis", "1", ""),
            ("I ANTRAŠTINĖ DALIS", "I", ""),
            ("ΚΕΦΑΛΑΙΟ I", "I", ""),
            ("Τμήμα 1", "1", ""),
            ("ГЛАВА I", "I", ""),
            ("Раздел 1", "1", ""),
            ("KAPITOLU I", "I", ""),
            ("Taqsima 1", "1", ""),
            ("CAIBIDIL I", "I", ""),
            ("Roinn 1", "1", ""),
            ("KAPITEL I", "I", ""),
            ("Avsnitt 1", "1", ""),
        ];
        for (text, number, rest) in cases {
            assert_eq!(division(text), Some((number.to_string(), rest)), "{text}");
        }
    }

    #[test]
    fn running_text_is_no_division_heading() {
        let cases = [
            "Section 230 of the Communications Decency Act",
            "chapter I",
            "Chapter I of Regulation (EU) 2016/679 shall apply",
            "Section 1(2)",
            "Sections 1 and 2",
            "Title of the proposal",
            "Part of the data",
            "CHAPTER",
            "1 jakson mukaisesti",
            "I. fejezetben",
            "Delegated acts",
            "",
        ];
        for text in cases {
            assert!(division(text).is_none(), "{text}");
        }
    }

    /// The place-and-date line of the GDPR in its 24 languages (Estonian and Latvian open
    /// with the place).
    const DONE_AT_BRUSSELS: &[&str] = &[
        "Съставено в Брюксел на 27 април 2016 година.",
        "V Bruselu dne 27. dubna 2016.",
        "Udfærdiget i Bruxelles, den 27. april 2016.",
        "Geschehen zu Brüssel am 27. April 2016.",
        "Έγινε στις Βρυξέλλες, 27 Απριλίου 2016.",
        "Done at Brussels, 27 April 2016.",
        "Hecho en Bruselas, el 27 de abril de 2016.",
        "Brüssel, 27. aprill 2016",
        "Tehty Brysselissä 27 päivänä huhtikuuta 2016.",
        "Fait à Bruxelles, le 27 avril 2016.",
        "Arna dhéanamh sa Bhruiséil, an 27 Aibreán 2016.",
        "Sastavljeno u Bruxellesu 27. travnja 2016.",
        "Kelt Brüsszelben, 2016. április 27-én.",
        "Fatto a Bruxelles, il 27 aprile 2016",
        "Priimta Briuselyje 2016 m. balandžio 27 d.",
        "Briselē, 2016. gada 27. aprīlī",
        "Magħmul fi Brussell, is-27 ta' April 2016.",
        "Gedaan te Brussel, 27 april 2016.",
        "Sporządzono w Brukseli dnia 27 kwietnia 2016 r.",
        "Feito em Bruxelas, em 27 de abril de 2016.",
        "Adoptat la Bruxelles, 27 aprilie 2016.",
        "V Bruseli 27. apríla 2016",
        "V Bruslju, 27. aprila 2016",
        "Utfärdad i Bryssel den 27 april 2016.",
    ];

    /// The same line in Luxembourg (8 June 2000) and Strasbourg (11 December 2018).
    const DONE_AT_ELSEWHERE: &[(&str, &str)] = &[
        (
            "Съставено в Люксембург на 8 юни 2000 година.",
            "Съставено в Страсбург на 11 декември 2018 година.",
        ),
        (
            "V Lucemburku dne 8. června 2000.",
            "Ve Štrasburku dne 11. prosince 2018.",
        ),
        (
            "Udfærdiget i Luxembourg, den 8. juni 2000.",
            "Udfærdiget i Strasbourg, den 11. december 2018.",
        ),
        (
            "Geschehen zu Luxemburg am 8. Juni 2000.",
            "Geschehen zu Straßburg am 11. Dezember 2018.",
        ),
        (
            "Έγινε στο Λουξεμβούργο, 8 Ιουνίου 2000.",
            "Έγινε στο Στρασβούργο, 11 Δεκεμβρίου 2018.",
        ),
        (
            "Done at Luxembourg, 8 June 2000.",
            "Done at Strasbourg, 11 December 2018.",
        ),
        (
            "Hecho en Luxemburgo, el 8 de junio de 2000.",
            "Hecho en Estrasburgo, el 11 de diciembre de 2018.",
        ),
        (
            "Luxembourg, 8. juuni 2000",
            "Strasbourg, 11. detsember 2018",
        ),
        (
            "Tehty Luxemburgissa 8 päivänä kesäkuuta 2000.",
            "Tehty Strasbourgissa 11 päivänä joulukuuta 2018.",
        ),
        (
            "Fait à Luxembourg, le 8 juin 2000.",
            "Fait à Strasbourg, le 11 décembre 2018.",
        ),
        (
            "Arna dhéanamh i Lucsamburg, an 8 Meitheamh 2000.",
            "Arna dhéanamh in Strasbourg, an 11 Nollaig 2018.",
        ),
        (
            "Sastavljeno u Luxembourgu 8. lipnja 2000.",
            "Sastavljeno u Strasbourgu 11. prosinca 2018.",
        ),
        (
            "Kelt Luxembourgban, 2000. június 8-án.",
            "Kelt Strasbourgban, 2018. december 11-én.",
        ),
        (
            "Fatto a Lussemburgo, addì 8 giugno 2000.",
            "Fatto a Strasburgo, l'11 dicembre 2018.",
        ),
        (
            "Priimta Liuksemburge 2000 m. birželio 8 d.",
            "Priimta Strasbūre 2018 m. gruodžio 11 d.",
        ),
        (
            "Luksemburgā, 2000. gada 8. jūnijā",
            "Strasbūrā, 2018. gada 11. decembrī",
        ),
        (
            "Magħmul fil-Lussemburgu, it-8 ta' Ġunju 2000.",
            "Magħmul fi Strasburgu, il-11 ta' Diċembru 2018.",
        ),
        (
            "Gedaan te Luxemburg, 8 juni 2000.",
            "Gedaan te Straatsburg, 11 december 2018.",
        ),
        (
            "Sporządzono w Luksemburgu dnia 8 czerwca 2000 r.",
            "Sporządzono w Strasburgu dnia 11 grudnia 2018 r.",
        ),
        (
            "Feito no Luxemburgo, em 8 de junho de 2000.",
            "Feito em Estrasburgo, em 11 de dezembro de 2018.",
        ),
        (
            "Adoptat la Luxemburg, 8 iunie 2000.",
            "Adoptată la Strasbourg, 11 decembrie 2018.",
        ),
        (
            "V Luxemburgu 8. júna 2000",
            "V Štrasburgu 11. decembra 2018",
        ),
        (
            "V Luxembourgu, 8. junija 2000",
            "V Strasbourgu, 11. decembra 2018",
        ),
        (
            "Utfärdad i Luxemburg den 8 juni 2000.",
            "Utfärdad i Strasbourg den 11 december 2018.",
        ),
    ];

    #[test]
    fn done_at_lines_in_every_language() {
        for text in DONE_AT_BRUSSELS {
            assert!(is_done_at(text), "{text}");
        }
        for (luxembourg, strasbourg) in DONE_AT_ELSEWHERE {
            assert!(is_done_at(luxembourg), "{luxembourg}");
            assert!(is_done_at(strasbourg), "{strasbourg}");
        }
    }

    #[test]
    fn done_at_lines_of_the_commission_and_split_lines() {
        for text in [
            "Done at Brussels, 11.5.2022.",
            "V Bruselu dne 11.5.2022.",
            "Brüssel, 11.5.2022",
            "Kelt Brüsszelben, 2022.5.11.",
            "Done at Brussels,",
            "Geschehen zu Brüssel am",
        ] {
            assert!(is_done_at(text), "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_are_no_done_at_lines() {
        let cases = [
            "Done at the request of the Member State concerned.",
            "done at Brussels, 27 April 2016.",
            "Fait à l'initiative de la Commission.",
            "V Bruselu se konalo zasedání Rady.",
            "Brüssel on Belgia pealinn.",
            "Briselē, Beļģijā, ar svinīgu apbalvošanas ceremoniju ir beidzies konkurss.",
            "Luxembourg is a Member State.",
            "Kelt",
            "The report shall be done at regular intervals.",
            "",
        ];
        for text in cases {
            assert!(!is_done_at(text), "{text}");
        }
    }

    #[test]
    fn done_at_lines_carry_their_date() {
        for text in DONE_AT_BRUSSELS {
            assert_eq!(date_in_text(text), date(2016, 4, 27), "{text}");
        }
        for (luxembourg, strasbourg) in DONE_AT_ELSEWHERE {
            assert_eq!(date_in_text(luxembourg), date(2000, 6, 8), "{luxembourg}");
            assert_eq!(date_in_text(strasbourg), date(2018, 12, 11), "{strasbourg}");
        }
    }

    #[test]
    fn whereas_lines_in_every_language() {
        let cases = [
            "като имат предвид, че:",
            "като има предвид, че:",
            "vzhledem k těmto důvodům:",
            "ud fra følgende betragtninger:",
            "in Erwägung nachstehender Gründe:",
            "Εκτιμώντας τα ακόλουθα:",
            "Whereas:",
            "Considerando lo siguiente:",
            "ning arvestades järgmist:",
            "sekä katsovat seuraavaa:",
            "considérant ce qui suit:",
            "De bhrí:",
            "budući da:",
            "mivel:",
            "considerando quanto segue:",
            "kadangi:",
            "tā kā:",
            "Billi:",
            "Overwegende hetgeen volgt:",
            "a także mając na uwadze, co następuje:",
            "Considerando o seguinte:",
            "întrucât:",
            "keďže:",
            "ob upoštevanju naslednjega:",
            "och av följande skäl:",
            "av följande skäl:",
            "med beaktande av följande:",
        ];
        for text in cases {
            assert!(is_whereas(text), "{text}");
        }
    }

    #[test]
    fn whereas_tolerates_case_spacing_and_colon() {
        for text in [
            "whereas:",
            "WHEREAS:",
            "Whereas :",
            "  Whereas:  ",
            "Whereas",
            "considérant ce qui suit :",
            "CONSIDÉRANT CE QUI SUIT:",
            "considerant  ce qui suit:",
            "intrucat:",
        ] {
            assert!(is_whereas(text), "{text}");
        }
        for text in [
            "Whereas the Commission has adopted",
            "whereas: (1) The protection of natural persons",
            "mivel a",
            "Billi l-Kummissjoni",
            "",
            ":",
        ] {
            assert!(!is_whereas(text), "{text}");
        }
    }

    /// The regulation's formula in the 24 languages (the GDPR's), then directives' and
    /// decisions'.
    #[test]
    fn binding_formulas_in_every_language() {
        let cases = [
            "Настоящият регламент е задължителен в своята цялост и се прилага пряко във всички държави членки.",
            "Toto nařízení je závazné v celém rozsahu a přímo použitelné ve všech členských státech.",
            "Denne forordning er bindende i alle enkeltheder og gælder umiddelbart i hver medlemsstat.",
            "Diese Verordnung ist in allen ihren Teilen verbindlich und gilt unmittelbar in jedem Mitgliedstaat.",
            "Ο παρών κανονισμός είναι δεσμευτικός ως προς όλα τα μέρη του και ισχύει άμεσα σε κάθε κράτος μέλος.",
            "This Regulation shall be binding in its entirety and directly applicable in all Member States.",
            "El presente Reglamento será obligatorio en todos sus elementos y directamente aplicable en cada Estado miembro.",
            "Käesolev määrus on tervikuna siduv ja vahetult kohaldatav kõikides liikmesriikides.",
            "Tämä asetus on kaikilta osiltaan velvoittava, ja sitä sovelletaan sellaisenaan kaikissa jäsenvaltioissa.",
            "Le présent règlement est obligatoire dans tous ses éléments et directement applicable dans tout État membre.",
            "Beidh an Rialachán seo ina cheangal ina iomláine agus beidh sé infheidhme go díreach i ngach Ballstát.",
            "Ova Uredba obvezujuća je u cijelosti i izravno se primjenjuje u svim državama članicama.",
            "Ez a rendelet teljes egészében kötelező és közvetlenül alkalmazandó valamennyi tagállamban.",
            "Il presente regolamento è obbligatorio in tutti i suoi elementi e direttamente applicabile in ciascuno degli Stati membri.",
            "Šis reglamentas privalomas visas ir tiesiogiai taikomas visose valstybėse narėse.",
            "Šī regula uzliek saistības kopumā un ir tieši piemērojama visās dalībvalstīs.",
            "Dan ir-Regolament għandu jorbot fl-intier tiegħu u japplika direttament fl-Istati Membri kollha.",
            "Deze verordening is verbindend in al haar onderdelen en is rechtstreeks toepasselijk in elke lidstaat.",
            "Niniejsze rozporządzenie wiąże w całości i jest bezpośrednio stosowane we wszystkich państwach członkowskich.",
            "O presente regulamento é obrigatório em todos os seus elementos e diretamente aplicável em todos os Estados-Membros.",
            "Prezentul regulament este obligatoriu în toate elementele sale și se aplică direct în toate statele membre.",
            "Toto nariadenie je záväzné v celom rozsahu a priamo uplatniteľné vo všetkých členských štátoch.",
            "Ta uredba je v celoti zavezujoča in se neposredno uporablja v vseh državah članicah.",
            "Denna förordning är till alla delar bindande och direkt tillämplig i alla medlemsstater.",
            "This Directive is addressed to the Member States.",
            "Les États membres sont destinataires de la présente directive.",
            "Diese Richtlinie ist an die Mitgliedstaaten gerichtet.",
            "Deze richtlijn is gericht tot de lidstaten.",
            "Los destinatarios de la presente Directiva son los Estados miembros.",
            "Gli Stati membri sono destinatari della presente direttiva.",
            "Os destinatários da presente diretiva são os Estados-Membros.",
            "Prezenta directivă se adresează statelor membre.",
            "Niniejsza dyrektywa skierowana jest do państw członkowskich.",
            "Tato směrnice je určena členským státům.",
            "Táto smernica je určená členským štátom.",
            "Ta direktiva je naslovljena na države članice.",
            "Ova je Direktiva upućena državama članicama.",
            "Ennek az irányelvnek a tagállamok a címzettjei.",
            "Tämä direktiivi on osoitettu jäsenvaltioille.",
            "Käesolev direktiiv on adresseeritud liikmesriikidele.",
            "Šī direktīva ir adresēta dalībvalstīm.",
            "Ši direktyva skirta valstybėms narėms.",
            "Η παρούσα οδηγία απευθύνεται στα κράτη μέλη.",
            "Адресати на настоящата директива са държавите членки.",
            "Din id-Direttiva hija indirizzata lill-Istati Membri.",
            "Dírítear an Treoir seo chuig na Ballstáit.",
            "Dette direktiv er rettet til medlemsstaterne.",
            "Detta direktiv riktar sig till medlemsstaterna.",
            "This Decision is addressed to the Kingdom of Belgium.",
            "Dieser Beschluss ist an das Königreich Belgien gerichtet.",
            "Le Royaume de Belgique est destinataire de la présente décision.",
            "Dit besluit is gericht tot het Koninkrijk België.",
            "THIS REGULATION SHALL BE BINDING IN ITS ENTIRETY AND DIRECTLY APPLICABLE IN ALL MEMBER STATES.",
            "Prezentul regulament este obligatoriu în toate elementele sale şi se aplică direct în toate statele membre.",
            "Ova Uredba u cijelosti je obvezujuća i izravno se primjenjuje u svim državama članicama.",
        ];
        for text in cases {
            assert!(is_binding_formula(text), "{text}");
        }
    }

    #[test]
    fn other_sentences_are_no_binding_formula() {
        let long = format!(
            "{} This Regulation shall be binding in its entirety.",
            "Recital text. ".repeat(60)
        );
        let cases = [
            "A decision shall be binding in its entirety upon those to whom it is addressed.",
            "This Regulation shall enter into force on the twentieth day following that of its publication.",
            "Member States shall bring into force the laws necessary to comply with this Directive.",
            "Les destinataires du service devraient pouvoir choisir.",
            long.as_str(),
            "",
        ];
        for text in cases {
            assert!(!is_binding_formula(text), "{text}");
        }
    }

    #[test]
    fn dates_with_month_names_in_every_language() {
        let cases = [
            "27 April 2016",
            "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 on the protection",
            "du 27 avril 2016",
            "vom 27. April 2016",
            "van 27 april 2016",
            "del 27 aprile 2016",
            "de 27 de abril de 2016",
            "z dnia 27 kwietnia 2016 r.",
            "ze dne 27. dubna 2016",
            "z 27. apríla 2016",
            "z dne 27. aprila 2016",
            "od 27. travnja 2016.",
            "(2016. április 27.)",
            "27 päivänä huhtikuuta 2016",
            "27. aprill 2016",
            "(2016. gada 27. aprīlis)",
            "2016 m. balandžio 27 d.",
            "της 27ης Απριλίου 2016",
            "от 27 април 2016 година",
            "tas-27 ta' April 2016",
            "tas-27 ta’ April 2016",
            "an 27 Aibreán 2016",
            "af 27. april 2016",
            "av den 27 april 2016",
            "din 27 aprilie 2016",
            "27 APRIL 2016",
            "27\u{a0}April\u{a0}2016",
        ];
        for text in cases {
            assert_eq!(date_in_text(text), date(2016, 4, 27), "{text}");
        }
    }

    #[test]
    fn dates_of_other_months_and_spellings() {
        let cases = [
            ("1er mai 2016", date(2016, 5, 1)),
            ("1 de mayo de 2016", date(2016, 5, 1)),
            ("1º de maio de 2016", date(2016, 5, 1)),
            ("της 1ης Μαΐου 2004", date(2004, 5, 1)),
            ("15 février 2019", date(2019, 2, 15)),
            ("15 fevrier 2019", date(2019, 2, 15)),
            ("3 Jänner 2020", date(2020, 1, 3)),
            ("an 15 Meán Fómhair 2016", date(2016, 9, 15)),
            ("27. listopada 2016.", date(2016, 10, 27)),
            ("27 listopada 2016 r.", date(2016, 11, 27)),
            ("27. listopadu 2016", date(2016, 11, 27)),
            ("2016. gada 27. aprīļa regula", date(2016, 4, 27)),
            ("14 lipca 2021 r.", date(2021, 7, 14)),
            ("14. srpna 2021", date(2021, 8, 14)),
            ("14. srpnja 2021.", date(2021, 7, 14)),
            ("2 Ġunju 2021", date(2021, 6, 2)),
            ("(1995. október 24.)", date(1995, 10, 24)),
            ("29 February 2020", date(2020, 2, 29)),
        ];
        for (text, expected) in cases {
            assert_eq!(date_in_text(text), expected, "{text}");
        }
    }

    #[test]
    fn impossible_and_numeric_dates_are_no_dates() {
        let cases = [
            "31 June 2016",
            "30 February 2020",
            "29 February 2019",
            "0 May 2016",
            "127 April 2016",
            "27 April 20161",
            "11.5.2022",
            "Regulation (EU) 2016/679",
            "April 2016",
            "27 April",
            "",
        ];
        for text in cases {
            assert_eq!(date_in_text(text), None, "{text}");
        }
        assert_eq!(
            date_in_text("31 June 2016, corrected on 1 July 2016"),
            date(2016, 7, 1)
        );
    }

    #[test]
    fn every_month_form_names_one_month() {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (month, forms) in MONTH_FORMS.iter().enumerate() {
            for form in forms.iter() {
                let previous = seen.insert(fold(form).into_owned(), month);
                assert!(previous.is_none_or(|p| p == month), "{form}");
            }
        }
        assert!(
            CROATIAN_OCTOBER
                .iter()
                .all(|form| MONTHS.get(*form) == Some(&11))
        );
    }

    #[test]
    fn rest_is_a_suffix_of_the_text() {
        for text in [
            "Article 6 Lawfulness",
            "ANNEX I: List",
            "CHAPTER I - General",
            "6. cikk Cím",
            "I. FEJEZET - Általános",
        ] {
            let headings = [
                article_heading(text),
                annex_heading(text),
                division_heading(text),
            ];
            for heading in headings.into_iter().flatten() {
                assert!(text.ends_with(heading.rest), "{text}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn no_input_panics(text in "(Article|ANNEX|CHAPTER|Artigo|Άρθρο|Член|[0-9]{1,5}|[IVX]{1,3}|\\.|º|-|\\(|bis|\\s|\\PC){0,12}") {
            let headings = [article_heading(&text), annex_heading(&text), division_heading(&text)];
            for heading in headings.into_iter().flatten() {
                proptest::prop_assert!(text.ends_with(heading.rest));
            }
            let _ = (is_done_at(&text), is_whereas(&text), is_binding_formula(&text), date_in_text(&text));
        }
    }
}
