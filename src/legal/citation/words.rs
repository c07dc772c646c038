//! The words citations are made of, per language, as data: what names an article, a
//! paragraph, a point, a recital or an annex (in every inflected form a citation uses), what
//! names a regulation or a directive, and the small words that join them.
//!
//! Forms are lowercase, but for abbreviations with capitals inside (`ErwG`) and Irish
//! prefixed forms (`hAirteagal`), matched as written. A form ending in `*` is a stem: it
//! matches any word it starts (`cikk*`: `cikk`, `cikke`, `cikkének`), used where a language
//! inflects too much to list.
//! Small words ([`SMALL_WORDS`]) are written folded (no accents), as [`fold`] makes them.
//!
//! [`fold`]: crate::lang::fold::fold

use crate::lang::Lang::{self, *};

/// What a unit word names. Subdivisions (subparagraphs, sentences, indents) never appear
/// in unit ids: they are read and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// `art_6`
    Article,
    /// `rct_38`
    Recital,
    /// `anx_I`
    Annex,
    /// `par_1`
    Paragraph,
    /// `prt_A`: a part of an annex (`Part A of Annex I`), between the annex and its points.
    Part,
    /// `pnt_a`
    Point,
    /// Subparagraphs, sentences, indents.
    Subdivision,
}

/// Where a word stands with respect to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// `Article 6`, `Richtlinie 2002/58/EG`.
    Before,
    /// `6. cikk`, `6 artiklan`, `2016/679/EU rendelet`.
    After,
}

/// The inflected forms of one unit word in one language.
#[derive(Debug)]
pub struct UnitWords {
    /// Language.
    pub lang: Lang,
    /// What it names.
    pub level: Level,
    /// Before or after its number.
    pub side: Side,
    /// Lowercase forms; `*` ends a stem.
    pub forms: &'static [&'static str],
}

const fn unit(lang: Lang, level: Level, side: Side, forms: &'static [&'static str]) -> UnitWords {
    UnitWords {
        lang,
        level,
        side,
        forms,
    }
}

use Level::{Annex, Article, Paragraph, Part, Point, Recital, Subdivision};
use Side::{After, Before};

/// Unit words of every language.
#[rustfmt::skip] // one line per language and level: the table reads as a table
pub const UNIT_WORDS: &[UnitWords] = &[
    // English
    unit(En, Article, Before, &["article", "articles", "art.", "art", "arts.", "arts"]),
    unit(En, Paragraph, Before, &["paragraph", "paragraphs", "para.", "paras."]),
    unit(En, Point, Before, &["point", "points", "subpoint", "subpoints"]),
    unit(En, Recital, Before, &["recital", "recitals"]),
    unit(En, Annex, Before, &["annex", "annexes"]),
    unit(En, Part, Before, &["part", "parts"]),
    unit(En, Subdivision, Before, &["subparagraph", "subparagraphs", "sentence", "sentences", "indent", "indents"]),
    // German
    unit(De, Article, Before, &["artikel", "artikels", "art.", "art", "artt."]),
    unit(De, Paragraph, Before, &["absatz", "absätze", "absatzes", "abs."]),
    unit(De, Point, Before, &["buchstabe", "buchstaben", "buchst.", "lit.", "nummer", "nummern", "nr.", "ziffer", "ziff."]),
    unit(De, Recital, Before, &["ErwG.", "ErwG", "Erwgr.", "erwägungsgrund", "erwägungsgrunds", "erwägungsgrundes", "erwägungsgründe", "erwägungsgründen"]),
    unit(De, Annex, Before, &["anhang", "anhangs", "anhanges", "anhänge", "anlage"]),
    unit(De, Part, Before, &["teil", "teils", "teiles", "teile"]),
    unit(De, Subdivision, Before, &["unterabsatz", "unterabsatzes", "unterabs.", "uabs.", "UAbs.", "satz", "satzes", "S.", "spiegelstrich"]),
    // French
    unit(Fr, Article, Before, &["article", "articles", "art.", "art"]),
    unit(Fr, Paragraph, Before, &["paragraphe", "paragraphes", "par."]),
    unit(Fr, Point, Before, &["point", "points"]),
    unit(Fr, Recital, Before, &["considérant", "considérants"]),
    unit(Fr, Annex, Before, &["annexe", "annexes"]),
    unit(Fr, Part, Before, &["partie", "parties"]),
    unit(Fr, Subdivision, Before, &["alinéa", "alinéas", "phrase", "tiret"]),
    // Dutch
    unit(Nl, Article, Before, &["artikel", "artikelen", "art."]),
    unit(Nl, Paragraph, Before, &["lid", "leden"]),
    unit(Nl, Point, Before, &["punt", "punten", "onder", "sub"]),
    unit(Nl, Recital, Before, &["overweging", "overwegingen"]),
    unit(Nl, Annex, Before, &["bijlage", "bijlagen"]),
    unit(Nl, Part, Before, &["deel", "delen"]),
    unit(Nl, Subdivision, Before, &["alinea", "alinea's", "zin", "streepje"]),
    // Italian
    unit(It, Article, Before, &["articolo", "articoli", "art.", "artt."]),
    // `comma 1`, with a number, is how Italian lawyers name a paragraph; `primo comma`, with
    // an ordinal, is a subparagraph as in the Official Journal.
    unit(It, Paragraph, Before, &["paragrafo", "paragrafi", "par.", "comma", "commi"]),
    unit(It, Point, Before, &["lettera", "lettere", "punto", "punti", "lett."]),
    unit(It, Recital, Before, &["considerando"]),
    unit(It, Annex, Before, &["allegato", "allegati"]),
    unit(It, Part, Before, &["parte", "parti"]),
    unit(It, Subdivision, Before, &["comma", "commi", "periodo", "trattino"]),
    // Spanish
    unit(Es, Article, Before, &["artículo", "artículos", "art.", "arts."]),
    unit(Es, Paragraph, Before, &["apartado", "apartados"]),
    unit(Es, Point, Before, &["letra", "letras", "punto", "puntos"]),
    unit(Es, Recital, Before, &["considerando", "considerandos"]),
    unit(Es, Annex, Before, &["anexo", "anexos"]),
    unit(Es, Part, Before, &["parte", "partes"]),
    unit(Es, Subdivision, Before, &["párrafo", "párrafos", "frase", "guion"]),
    // Portuguese
    unit(Pt, Article, Before, &["artigo", "artigos", "art.", "art.º"]),
    unit(Pt, Paragraph, Before, &["n.º", "n.o", "n.os", "n.ºs", "número", "números"]),
    unit(Pt, Point, Before, &["alínea", "alíneas", "ponto", "pontos"]),
    unit(Pt, Recital, Before, &["considerando", "considerandos"]),
    unit(Pt, Annex, Before, &["anexo", "anexos"]),
    unit(Pt, Part, Before, &["parte", "partes"]),
    unit(Pt, Subdivision, Before, &["parágrafo", "parágrafos", "período", "travessão"]),
    // Romanian
    unit(Ro, Article, Before, &["articolul", "articolului", "articolele", "articolelor", "articol", "art."]),
    unit(Ro, Paragraph, Before, &["alineatul", "alineatului", "alineatele", "alineatelor", "alin."]),
    unit(Ro, Point, Before, &["litera", "literei", "literele", "literelor", "lit.", "punctul", "punctului", "punctele", "punctelor", "pct."]),
    unit(Ro, Recital, Before, &["considerentul", "considerentului", "considerentele", "considerentelor"]),
    unit(Ro, Annex, Before, &["anexa", "anexei", "anexele", "anexelor"]),
    unit(Ro, Part, Before, &["partea", "părții", "partii", "părțile", "părților"]),
    unit(Ro, Subdivision, Before, &["paragraful", "paragrafului", "teza", "liniuța"]),
    // Polish
    unit(Pl, Article, Before, &["artykuł", "artykułu", "artykule", "artykułem", "artykuły", "artykułów", "artykułach", "art."]),
    unit(Pl, Paragraph, Before, &["ustęp", "ustępu", "ustępie", "ustępy", "ustępów", "ust."]),
    unit(Pl, Point, Before, &["litera", "literze", "litery", "lit.", "punkt", "punktu", "punkcie", "punkty", "pkt", "pkt."]),
    unit(Pl, Recital, Before, &["motyw", "motywu", "motywie", "motywy", "motywów", "motywach"]),
    unit(Pl, Annex, Before, &["załącznik", "załącznika", "załączniku", "załączniki", "załącznikach"]),
    unit(Pl, Part, Before, &["część", "części", "częścią", "częściach"]),
    unit(Pl, Subdivision, Before, &["akapit", "akapitu", "akapicie", "zdanie", "zdaniu", "tiret"]),
    // Czech
    unit(Cs, Article, Before, &["článek", "článku", "článkem", "články", "článků", "článcích", "čl."]),
    unit(Cs, Paragraph, Before, &["odstavec", "odstavce", "odstavci", "odstavců", "odst."]),
    unit(Cs, Point, Before, &["písmeno", "písmene", "písmenu", "písmena", "písm.", "bod", "bodu", "bodě", "body", "bodech"]),
    unit(Cs, Recital, Before, &["bod odůvodnění", "bodě odůvodnění", "bodu odůvodnění", "body odůvodnění", "bodech odůvodnění"]),
    unit(Cs, Annex, Before, &["příloha", "přílohy", "příloze", "přílohu", "přílohách"]),
    unit(Cs, Part, Before, &["část", "části", "částí", "částech"]),
    unit(Cs, Subdivision, Before, &["pododstavec", "pododstavce", "pododstavci", "věta", "větě", "odrážka", "odrážce"]),
    // Slovak
    unit(Sk, Article, Before, &["článok", "článku", "článkom", "články", "článkov", "článkoch", "čl."]),
    unit(Sk, Paragraph, Before, &["odsek", "odseku", "odseky", "odsekoch", "ods."]),
    unit(Sk, Point, Before, &["písmeno", "písmena", "písmene", "písm.", "bod", "bodu", "bode", "body", "bodoch"]),
    unit(Sk, Recital, Before, &["odôvodnenie", "odôvodnenia", "odôvodnení"]),
    unit(Sk, Annex, Before, &["príloha", "prílohy", "prílohe", "prílohu", "prílohách"]),
    unit(Sk, Part, Before, &["časť", "časti", "častí", "častiach"]),
    unit(Sk, Subdivision, Before, &["pododsek", "pododseku", "veta", "vete", "zarážka", "zarážke"]),
    // Slovenian
    unit(Sl, Article, Before, &["člen", "člena", "členu", "členom", "členi", "členov", "členih", "čl."]),
    // national style, the number first: `6. člen`, `prvega odstavka 6. člena`
    unit(Sl, Article, After, &["člen", "člena", "členu", "členom"]),
    unit(Sl, Paragraph, Before, &["odstavek", "odstavka", "odstavku", "odstavki", "odstavkov"]),
    unit(Sl, Point, Before, &["točka", "točke", "točki", "točko", "točk"]),
    unit(Sl, Recital, Before, &["uvodna izjava", "uvodne izjave", "uvodni izjavi", "uvodnih izjavah"]),
    unit(Sl, Annex, Before, &["priloga", "priloge", "prilogi", "prilogo"]),
    unit(Sl, Part, Before, &["dela", "delu", "deli", "delih"]),
    unit(Sl, Subdivision, Before, &["pododstavek", "pododstavka", "pododstavku", "stavek", "alinea"]),
    // Croatian
    unit(Hr, Article, Before, &["članak", "članka", "članku", "člankom", "članci", "članaka", "člancima", "čl."]),
    unit(Hr, Paragraph, Before, &["stavak", "stavka", "stavku", "stavci", "stavaka", "stavcima", "stavkom", "st."]),
    unit(Hr, Point, Before, &["točka", "točke", "točki", "točku", "točkom", "točaka", "točkama", "podtočka", "podtočke", "podtočki", "podtočkom"]),
    unit(Hr, Recital, Before, &["uvodna izjava", "uvodne izjave", "uvodnoj izjavi", "uvodnih izjava"]),
    unit(Hr, Annex, Before, &["prilog", "priloga", "prilogu", "prilogom", "prilozi", "prilozima"]),
    unit(Hr, Part, Before, &["dio", "dijela", "dijelu", "dijelovi", "dijelova"]),
    unit(Hr, Subdivision, Before, &["podstavak", "podstavka", "podstavku", "podstavkom", "rečenica", "rečenici", "alineja"]),
    // Danish
    unit(Da, Article, Before, &["artikel", "artikler", "artiklerne", "art."]),
    unit(Da, Paragraph, Before, &["stk."]),
    unit(Da, Point, Before, &["litra", "nr.", "punkt"]),
    unit(Da, Recital, Before, &["betragtning", "betragtninger", "betragtningerne"]),
    unit(Da, Annex, Before, &["bilag"]),
    unit(Da, Part, Before, &["delen", "dele"]),
    unit(Da, Subdivision, Before, &["afsnit", "punktum", "led"]),
    // Swedish
    unit(Sv, Article, Before, &["artikel", "artiklar", "artiklarna", "art."]),
    unit(Sv, Paragraph, Before, &["punkt", "punkterna"]),
    unit(Sv, Point, Before, &["led", "leden"]),
    unit(Sv, Recital, Before, &["skäl", "skälen"]),
    unit(Sv, Annex, Before, &["bilaga", "bilagan", "bilagorna"]),
    unit(Sv, Part, Before, &["delen", "delar", "delarna"]),
    unit(Sv, Subdivision, Before, &["stycket", "stycke", "meningen", "strecksatsen"]),
    // Finnish: the number comes first (`6 artiklan 1 kohdan a alakohta`)
    unit(Fi, Article, After, &["artikla", "artiklan", "artiklassa", "artiklaa", "artiklat", "artiklojen", "artikloissa", "artikloja", "artiklasta", "artiklaan", "artiklalla", "artikloihin"]),
    unit(Fi, Paragraph, After, &["kohta", "kohdan", "kohdassa", "kohtaa", "kohdat", "kohtien", "kohdissa", "kohdasta", "kohtaan"]),
    unit(Fi, Point, After, &["alakohta", "alakohdan", "alakohdassa", "alakohtaa", "alakohdat", "alakohtien", "alakohdissa", "alakohdasta", "alakohtaan"]),
    unit(Fi, Recital, Before, &["johdanto-osan"]),
    unit(Fi, Recital, After, &["kappale", "kappaleessa", "kappaleen", "kappaleet", "kappaleissa"]),
    unit(Fi, Annex, Before, &["liite", "liitteen", "liitteessä", "liitettä", "liitteeseen", "liitteestä"]),
    unit(Fi, Part, After, &["osa", "osan", "osassa", "osaa", "osat", "osien", "osasta", "osaan"]),
    // Estonian
    unit(Et, Article, Before, &["artikkel", "artikli", "artiklis", "artiklit", "artiklid", "artiklite", "artiklites", "artiklile", "artiklist", "artiklisse", "artikliga", "artiklitega"]),
    unit(Et, Paragraph, Before, &["lõige", "lõike", "lõikes", "lõiget", "lõiked", "lõigete", "lõigetes", "lõikele", "lõikest", "lõikega", "lõigetega"]),
    unit(Et, Point, Before, &["punkt", "punkti", "punktis", "punktid", "punktide", "punktides", "punktiga", "punktidega", "alapunkt", "alapunkti", "alapunktis", "alapunktiga"]),
    unit(Et, Recital, Before, &["põhjendus", "põhjenduse", "põhjenduses", "põhjendused", "põhjenduste", "põhjendustes", "põhjendusega"]),
    unit(Et, Annex, After, &["lisa", "lisas", "lisades", "lisasse", "lisast"]),
    unit(Et, Part, After, &["osa", "osas", "osast", "osasse"]),
    unit(Et, Subdivision, Before, &["lõik", "lõigu", "lõigus", "lause", "taane"]),
    // Hungarian: the number comes first (`6. cikk (1) bekezdés a) pont`)
    unit(Hu, Article, After, &["cikk*"]),
    unit(Hu, Paragraph, After, &["bekezdés*"]),
    unit(Hu, Point, After, &[
        "pont", "pontot", "pontban", "pontba", "pontból", "ponthoz", "pontnál", "ponttól", "pontra", "ponton", "pontról",
        "ponttal", "pontnak", "pontként", "pontig", "pontok", "pontokat", "pontokban", "pontokba", "pontokból", "pontokhoz",
        "pontoknál", "pontoktól", "pontokra", "pontokon", "pontokról", "pontokkal", "pontoknak", "pontja", "pontját",
        "pontjában", "pontjába", "pontjából", "pontjához", "pontjánál", "pontjától", "pontjára", "pontján", "pontjáról",
        "pontjával", "pontjának", "pontjaként", "pontjáig", "pontjai", "pontjait", "pontjaiban", "pontjaiba", "pontjaiból",
        "pontjaihoz", "pontjainál", "pontjaitól", "pontjaira", "pontjain", "pontjairól", "pontjaival", "pontjainak", "alpont*",
    ]),
    unit(Hu, Recital, After, &["preambulumbekezdés*"]),
    unit(Hu, Annex, After, &["melléklet*"]),
    unit(Hu, Part, After, &["rész", "része", "részének", "részében", "részébe", "részéből", "részére", "részei", "részeiben", "részhez", "részben"]),
    unit(Hu, Subdivision, After, &["albekezdés*", "mondat*", "franciabekezdés*"]),
    // Lithuanian
    unit(Lt, Article, After, &["straipsnis", "straipsnio", "straipsnyje", "straipsnį", "straipsniai", "straipsnių", "straipsniuose", "straipsniais", "str."]),
    unit(Lt, Paragraph, After, &["dalis", "dalies", "dalyje", "dalį", "dalys", "dalių", "dalyse", "dalimis"]),
    unit(Lt, Point, After, &["punktas", "punkto", "punkte", "punktą", "punktai", "punktų", "punktuose", "papunktis", "papunkčio", "papunktyje"]),
    unit(Lt, Recital, After, &["konstatuojamoji dalis", "konstatuojamosios dalies", "konstatuojamojoje dalyje", "konstatuojamosiose dalyse", "konstatuojamosios dalys"]),
    unit(Lt, Annex, After, &["priedas", "priedo", "priede", "priedą", "priedai", "priedų"]),
    unit(Lt, Subdivision, After, &["pastraipa", "pastraipos", "pastraipoje", "sakinys", "sakinio", "įtrauka"]),
    // Latvian
    unit(Lv, Article, After, &["pants", "panta", "pantā", "pantu", "panti", "pantos", "pantiem", "pantam"]),
    unit(Lv, Paragraph, After, &["punkts", "punkta", "punktā", "punktu", "punkti", "punktos", "punktiem"]),
    unit(Lv, Point, After, &["apakšpunkts", "apakšpunkta", "apakšpunktā", "apakšpunktu", "apakšpunkti", "apakšpunktos", "apakšpunktiem"]),
    unit(Lv, Recital, After, &["apsvērums", "apsvēruma", "apsvērumā", "apsvērumu", "apsvērumi", "apsvērumos"]),
    unit(Lv, Annex, After, &["pielikums", "pielikuma", "pielikumā", "pielikumu", "pielikumi", "pielikumos"]),
    unit(Lv, Subdivision, After, &["daļa", "daļas", "daļā", "teikums", "teikuma", "ievilkums"]),
    // Greek
    unit(El, Article, Before, &["άρθρο", "άρθρου", "άρθρα", "άρθρων", "άρθρ."]),
    unit(El, Paragraph, Before, &["παράγραφος", "παραγράφου", "παράγραφο", "παράγραφοι", "παραγράφων", "παρ."]),
    unit(El, Point, Before, &["στοιχείο", "στοιχείου", "στοιχεία", "στοιχείων", "στοιχ.", "σημείο", "σημείου", "σημεία", "σημείων"]),
    unit(El, Recital, Before, &["αιτιολογική σκέψη", "αιτιολογικής σκέψης", "αιτιολογικές σκέψεις", "αιτιολογικών σκέψεων"]),
    unit(El, Annex, Before, &["παράρτημα", "παραρτήματος", "παραρτήματα", "παραρτημάτων"]),
    unit(El, Part, Before, &["μέρος", "μέρους", "μέρη", "μερών"]),
    unit(El, Subdivision, Before, &["εδάφιο", "εδαφίου", "εδάφια", "περίπτωση", "περίπτωσης"]),
    // Bulgarian
    unit(Bg, Article, Before, &["член", "члена", "членове", "членовете", "чл."]),
    unit(Bg, Paragraph, Before, &["параграф", "параграфа", "параграфи", "параграфите"]),
    unit(Bg, Point, Before, &["буква", "букви", "буквите", "точка", "точки", "т."]),
    unit(Bg, Recital, Before, &["съображение", "съображения", "съображенията"]),
    unit(Bg, Annex, Before, &["приложение", "приложения", "приложенията"]),
    unit(Bg, Part, Before, &["част", "частта", "части", "частите"]),
    unit(Bg, Subdivision, Before, &["алинея", "алинеи", "изречение", "тире"]),
    // Maltese (`l-Artikolu`, `tal-Artikolu`: the article is cut off by its hyphen)
    unit(Mt, Article, Before, &["artikolu", "artikoli"]),
    unit(Mt, Paragraph, Before, &["paragrafu", "paragrafi"]),
    unit(Mt, Point, Before, &["punt", "punti"]),
    unit(Mt, Recital, Before, &["premessa", "premessi"]),
    unit(Mt, Annex, Before, &["anness", "annessi"]),
    unit(Mt, Part, Before, &["parti"]),
    unit(Mt, Subdivision, Before, &["subparagrafu", "subparagrafi", "sentenza", "inċiż"]),
    // Irish
    unit(Ga, Article, Before, &["airteagal", "airteagail", "hairteagal", "hAirteagal", "hAirteagail", "nAirteagal"]),
    unit(Ga, Paragraph, Before, &["mír", "míre", "mhír", "míreanna"]),
    unit(Ga, Point, Before, &["pointe", "phointe", "bpointe", "pointí", "bpointí"]),
    unit(Ga, Recital, Before, &["aithris", "aithrisí"]),
    unit(Ga, Annex, Before, &["iarscríbhinn", "iarscríbhinní", "hIarscríbhinn", "nIarscríbhinn"]),
    unit(Ga, Part, Before, &["cuid", "chuid", "coda"]),
    unit(Ga, Subdivision, Before, &["fomhír", "fomhíre", "fhomhír", "fhomhíre", "abairt"]),
];

/// The kind of act an act word names; it gives the CELEX type letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActKind {
    /// `R`
    Regulation,
    /// `L`
    Directive,
    /// `D`
    Decision,
    /// `F`: JHA framework decisions and joint actions.
    FrameworkDecision,
}

impl ActKind {
    /// The CELEX type letter.
    pub fn letter(self) -> char {
        match self {
            ActKind::Regulation => 'R',
            ActKind::Directive => 'L',
            ActKind::Decision => 'D',
            ActKind::FrameworkDecision => 'F',
        }
    }
}

/// The inflected forms of one act word in one language.
#[derive(Debug)]
pub struct ActWords {
    /// Language.
    pub lang: Lang,
    /// What it names.
    pub kind: ActKind,
    /// Before or after the act's number.
    pub side: Side,
    /// Lowercase forms; `*` ends a stem.
    pub forms: &'static [&'static str],
}

const fn act(lang: Lang, kind: ActKind, side: Side, forms: &'static [&'static str]) -> ActWords {
    ActWords {
        lang,
        kind,
        side,
        forms,
    }
}

use ActKind::{Decision, Directive, FrameworkDecision, Regulation};

/// Act words of every language, with the implementing and delegated variants written as one
/// word (`Durchführungsverordnung`); two-word variants (`règlement d'exécution`) are read as
/// the act word followed by a qualifier.
#[rustfmt::skip] // one line per language and level: the table reads as a table
pub const ACT_WORDS: &[ActWords] = &[
    act(En, Regulation, Before, &["regulation", "regulations"]),
    act(En, Directive, Before, &["directive", "directives"]),
    act(En, Decision, Before, &["decision", "decisions"]),
    act(En, FrameworkDecision, Before, &["framework decision", "framework decisions", "joint action"]),
    act(De, Regulation, Before, &["verordnung", "verordnungen", "durchführungsverordnung", "VO"]),
    act(De, Directive, Before, &["richtlinie", "richtlinien", "durchführungsrichtlinie", "RL"]),
    act(De, Decision, Before, &["beschluss", "beschlusses", "beschlüsse", "entscheidung", "durchführungsbeschluss"]),
    act(De, FrameworkDecision, Before, &["rahmenbeschluss", "rahmenbeschlusses", "gemeinsame maßnahme", "gemeinsamen maßnahme"]),
    act(Fr, Regulation, Before, &["règlement", "règlements"]),
    act(Fr, Directive, Before, &["directive", "directives"]),
    act(Fr, Decision, Before, &["décision", "décisions"]),
    act(Fr, FrameworkDecision, Before, &["décision-cadre", "décisions-cadres", "action commune"]),
    act(Nl, Regulation, Before, &["verordening", "verordeningen", "uitvoeringsverordening", "gedelegeerde verordening"]),
    act(Nl, Directive, Before, &["richtlijn", "richtlijnen", "uitvoeringsrichtlijn"]),
    act(Nl, Decision, Before, &["besluit", "besluiten", "beschikking", "uitvoeringsbesluit"]),
    act(Nl, FrameworkDecision, Before, &["kaderbesluit", "gemeenschappelijk optreden"]),
    act(It, Regulation, Before, &["regolamento", "regolamenti"]),
    act(It, Directive, Before, &["direttiva", "direttive"]),
    act(It, Decision, Before, &["decisione", "decisioni"]),
    act(It, FrameworkDecision, Before, &["decisione quadro", "azione comune"]),
    act(Es, Regulation, Before, &["reglamento", "reglamentos"]),
    act(Es, Directive, Before, &["directiva", "directivas"]),
    act(Es, Decision, Before, &["decisión", "decisiones"]),
    act(Es, FrameworkDecision, Before, &["decisión marco", "acción común"]),
    act(Pt, Regulation, Before, &["regulamento", "regulamentos"]),
    act(Pt, Directive, Before, &["diretiva", "diretivas", "directiva"]),
    act(Pt, Decision, Before, &["decisão", "decisões"]),
    act(Pt, FrameworkDecision, Before, &["decisão-quadro", "ação comum", "acção comum"]),
    act(Ro, Regulation, Before, &["regulamentul", "regulamentului", "regulament", "regulamentele"]),
    act(Ro, Directive, Before, &["directiva", "directivei", "directive", "directivele"]),
    act(Ro, Decision, Before, &["decizia", "deciziei", "decizie", "deciziile"]),
    act(Ro, FrameworkDecision, Before, &["decizia-cadru", "deciziei-cadru", "acțiunea comună"]),
    act(Pl, Regulation, Before, &["rozporządzenie", "rozporządzenia", "rozporządzeniu", "rozporządzeniem", "rozporządzeń"]),
    act(Pl, Directive, Before, &["dyrektywa", "dyrektywy", "dyrektywie", "dyrektywę", "dyrektywą", "dyrektyw"]),
    act(Pl, Decision, Before, &["decyzja", "decyzji", "decyzję", "decyzją"]),
    act(Pl, FrameworkDecision, Before, &["decyzja ramowa", "decyzji ramowej", "decyzję ramową", "wspólne działanie"]),
    act(Cs, Regulation, Before, &["nařízení"]),
    act(Cs, Directive, Before, &["směrnice", "směrnici", "směrnicí", "směrnic"]),
    act(Cs, Decision, Before, &["rozhodnutí"]),
    act(Cs, FrameworkDecision, Before, &["rámcové rozhodnutí", "rámcového rozhodnutí", "společná akce"]),
    act(Sk, Regulation, Before, &["nariadenie", "nariadenia", "nariadení", "nariadeniu", "nariadením"]),
    act(Sk, Directive, Before, &["smernica", "smernice", "smernici", "smernicou"]),
    act(Sk, Decision, Before, &["rozhodnutie", "rozhodnutia", "rozhodnutí", "rozhodnutiu", "rozhodnutím"]),
    act(Sk, FrameworkDecision, Before, &["rámcové rozhodnutie", "rámcového rozhodnutia", "spoločná akcia"]),
    act(Sl, Regulation, Before, &["uredba", "uredbe", "uredbi", "uredbo"]),
    act(Sl, Directive, Before, &["direktiva", "direktive", "direktivi", "direktivo"]),
    act(Sl, Decision, Before, &["sklep", "sklepa", "sklepu", "odločba", "odločbe"]),
    act(Sl, FrameworkDecision, Before, &["okvirni sklep", "okvirnega sklepa", "skupni ukrep"]),
    act(Hr, Regulation, Before, &["uredba", "uredbe", "uredbi", "uredbom", "uredbu"]),
    act(Hr, Directive, Before, &["direktiva", "direktive", "direktivi", "direktivom", "direktivu"]),
    act(Hr, Decision, Before, &["odluka", "odluke", "odluci", "odlukom", "odluku"]),
    act(Hr, FrameworkDecision, Before, &["okvirna odluka", "okvirne odluke", "okvirnoj odluci", "zajednička akcija"]),
    act(Da, Regulation, Before, &["forordning", "forordningen", "forordninger", "gennemførelsesforordning"]),
    act(Da, Directive, Before, &["direktiv", "direktivet", "direktiver"]),
    act(Da, Decision, Before, &["afgørelse", "afgørelsen", "beslutning", "beslutningen"]),
    act(Da, FrameworkDecision, Before, &["rammeafgørelse", "rammeafgørelsen", "fælles aktion"]),
    act(Sv, Regulation, Before, &["förordning", "förordningen", "förordningar", "genomförandeförordning"]),
    act(Sv, Directive, Before, &["direktiv", "direktivet", "direktiven"]),
    act(Sv, Decision, Before, &["beslut", "beslutet"]),
    act(Sv, FrameworkDecision, Before, &["rambeslut", "rambeslutet", "gemensam åtgärd"]),
    act(Fi, Regulation, Before, &["asetus", "asetuksen", "asetuksella", "asetuksessa", "asetusta", "asetukseen", "asetuksesta", "asetusten", "täytäntöönpanoasetus", "täytäntöönpanoasetuksen"]),
    act(Fi, Directive, Before, &["direktiivi", "direktiivin", "direktiivillä", "direktiivissä", "direktiiviä", "direktiiviin", "direktiivistä", "direktiivien"]),
    act(Fi, Decision, Before, &["päätös", "päätöksen", "päätöksellä", "päätöksessä", "päätöstä"]),
    act(Fi, FrameworkDecision, Before, &["puitepäätös", "puitepäätöksen", "puitepäätöksessä", "yhteinen toiminta"]),
    act(Et, Regulation, Before, &["määrus", "määruse", "määrusega", "määruses", "määrust", "määrusesse", "rakendusmäärus", "rakendusmääruse"]),
    act(Et, Directive, Before, &["direktiiv", "direktiivi", "direktiiviga", "direktiivis", "direktiivist"]),
    act(Et, Decision, Before, &["otsus", "otsuse", "otsusega", "otsuses"]),
    act(Et, FrameworkDecision, Before, &["raamotsus", "raamotsuse", "raamotsusega", "ühismeede"]),
    act(Hu, Regulation, After, &["rendelet*"]),
    act(Hu, Directive, After, &["irányelv*"]),
    act(Hu, Decision, After, &["határozat*"]),
    act(Hu, FrameworkDecision, After, &["kerethatározat*", "együttes fellépés*"]),
    act(Lt, Regulation, Before, &["reglamentas", "reglamento", "reglamente", "reglamentu", "reglamentą"]),
    act(Lt, Directive, Before, &["direktyva", "direktyvos", "direktyvoje", "direktyvą"]),
    act(Lt, Decision, Before, &["sprendimas", "sprendimo", "sprendime", "sprendimą"]),
    act(Lt, FrameworkDecision, Before, &["pamatinis sprendimas", "pamatinio sprendimo", "bendrieji veiksmai"]),
    act(Lv, Regulation, Before, &["regula", "regulas", "regulā", "regulu"]),
    act(Lv, Directive, Before, &["direktīva", "direktīvas", "direktīvā", "direktīvu"]),
    act(Lv, Decision, Before, &["lēmums", "lēmuma", "lēmumā", "lēmumu"]),
    act(Lv, FrameworkDecision, Before, &["pamatlēmums", "pamatlēmuma", "pamatlēmumā", "vienotā rīcība"]),
    act(El, Regulation, Before, &["κανονισμός", "κανονισμού", "κανονισμό", "κανονισμοί", "κανονισμών"]),
    act(El, Directive, Before, &["οδηγία", "οδηγίας", "οδηγίες", "οδηγιών"]),
    act(El, Decision, Before, &["απόφαση", "απόφασης", "αποφάσεις", "αποφάσεων"]),
    act(El, FrameworkDecision, Before, &["απόφαση-πλαίσιο", "απόφασης-πλαίσιο", "απόφασης-πλαισίου", "κοινή δράση"]),
    act(Bg, Regulation, Before, &["регламент", "регламента", "регламентът", "регламенти"]),
    act(Bg, Directive, Before, &["директива", "директивата", "директиви"]),
    act(Bg, Decision, Before, &["решение", "решението", "решения"]),
    act(Bg, FrameworkDecision, Before, &["рамково решение", "рамковото решение", "съвместно действие"]),
    act(Mt, Regulation, Before, &["regolament", "regolamenti"]),
    act(Mt, Directive, Before, &["direttiva", "direttivi"]),
    act(Mt, Decision, Before, &["deċiżjoni", "deċiżjonijiet"]),
    act(Mt, FrameworkDecision, Before, &["deċiżjoni qafas", "azzjoni konġunta"]),
    act(Ga, Regulation, Before, &["rialachán", "rialacháin"]),
    act(Ga, Directive, Before, &["treoir", "treorach", "treoracha"]),
    act(Ga, Decision, Before, &["cinneadh", "cinnidh", "chinneadh"]),
    act(Ga, FrameworkDecision, Before, &["cinneadh réime", "cinneadh creata", "comhghníomhaíocht"]),
];

/// What a small word does between the parts of a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Joins items of a list: `and`, `or`, `und`, `et`.
    List,
    /// Joins the ends of a range: `to`, `bis`, `à`.
    Range,
    /// Opens a range before its first end: `da` (`da 15 a 17`), `od` (`od 15. do 17.`).
    RangeOpening,
    /// Joins a unit to what contains it or to its act: `of`, `du`, `van`, `der`.
    Of,
    /// May stand between a unit and its act: `the`, `la`, `in`.
    Link,
    /// Points at the act or unit the text is in: `this`, `dieser`, `présent`.
    This,
    /// Stands before an act's number: `No`, `Nr.`, `n°`.
    NumberSign,
    /// Counts subdivisions: `first`, `zweiter`, `premier`.
    Ordinal,
    /// Points back at the act named before, right after a unit (`Article 114 thereof`) or
    /// as a possessive right before it (`son article 16`, `annak 16. cikkére`).
    Its,
    /// Stands before a page number in an OJ reference: `p.`, `S.`, `blz.`.
    Page,
}

/// Small words of one role in one language (`None`: shared by several languages).
pub struct SmallWords {
    /// Language, when the role depends on it (`a` joins a range in Spanish, a list in Czech).
    pub lang: Option<Lang>,
    /// What they do.
    pub role: Role,
    /// Folded forms.
    pub forms: &'static [&'static str],
}

const fn small(lang: Option<Lang>, role: Role, forms: &'static [&'static str]) -> SmallWords {
    SmallWords { lang, role, forms }
}

/// Small words; where a form has several roles, languages listed first win when the
/// citation's language is unknown.
#[rustfmt::skip] // one line per language and role: the table reads as a table
pub const SMALL_WORDS: &[SmallWords] = &[
    small(Some(En), Role::List, &["and", "or", "and/or"]),
    small(Some(En), Role::Range, &["to"]),
    small(Some(De), Role::List, &["und", "oder", "sowie"]),
    small(Some(De), Role::Range, &["bis"]),
    small(Some(Fr), Role::List, &["et", "ou"]),
    small(Some(Fr), Role::Range, &["a"]),
    small(Some(Es), Role::Range, &["a", "al"]),
    small(Some(It), Role::Range, &["a", "al"]),
    small(Some(Pt), Role::Range, &["a"]),
    small(Some(Nl), Role::List, &["en", "of"]),
    small(Some(Nl), Role::Range, &["tot", "t/m"]),
    small(Some(It), Role::RangeOpening, &["da", "dal", "dall"]),
    small(Some(Hr), Role::RangeOpening, &["od"]),
    small(Some(Sl), Role::RangeOpening, &["od"]),
    small(Some(Cs), Role::RangeOpening, &["od"]),
    small(Some(Sk), Role::RangeOpening, &["od"]),
    small(Some(Pl), Role::RangeOpening, &["od"]),
    small(Some(It), Role::List, &["e", "ed", "o", "od"]),
    small(Some(Es), Role::List, &["y", "e", "o", "u"]),
    small(Some(Pt), Role::List, &["e", "ou"]),
    small(Some(Ro), Role::List, &["si", "sau"]),
    small(Some(Ro), Role::Range, &["la"]),
    small(Some(Pl), Role::List, &["i", "oraz", "lub", "albo"]),
    small(Some(Pl), Role::Range, &["do"]),
    small(Some(Cs), Role::List, &["a", "nebo", "i"]),
    small(Some(Cs), Role::Range, &["az", "do"]),
    small(Some(Sk), Role::List, &["a", "alebo"]),
    small(Some(Sk), Role::Range, &["az", "do"]),
    small(Some(Sl), Role::List, &["in", "ali"]),
    small(Some(Sl), Role::Range, &["do"]),
    small(Some(Hr), Role::List, &["i", "ili"]),
    small(Some(Hr), Role::Range, &["do"]),
    small(Some(Da), Role::List, &["og", "eller"]),
    small(Some(Da), Role::Range, &["til"]),
    small(Some(Sv), Role::List, &["och", "eller"]),
    small(Some(Sv), Role::Range, &["till"]),
    small(Some(Fi), Role::List, &["ja", "tai", "sekä"]),
    small(Some(Et), Role::List, &["ja", "või", "voi"]),
    small(Some(Et), Role::Range, &["kuni"]),
    small(Some(Hu), Role::List, &["es", "vagy", "illetve"]),
    small(Some(Lt), Role::List, &["ir", "arba"]),
    small(Some(Lt), Role::Range, &["iki"]),
    small(Some(Lv), Role::List, &["un", "vai"]),
    small(Some(Lv), Role::Range, &["lidz"]),
    small(Some(El), Role::List, &["και", "η"]),
    small(Some(El), Role::Range, &["εως"]),
    small(Some(Bg), Role::List, &["и", "или"]),
    small(Some(Bg), Role::Range, &["до"]),
    small(Some(Mt), Role::List, &["u", "jew"]),
    small(Some(Mt), Role::Range, &["sa"]),
    small(Some(Ga), Role::List, &["agus", "no"]),
    small(Some(Ga), Role::Range, &["go"]),
    small(None, Role::Of, &[
        "of", "to", "bij", "de", "du", "des", "d", "der", "von", "van", "uit", "del", "della", "dello", "dell", "dei",
        "degli", "delle", "di", "do", "da", "dos", "das", "din", "al", "ale", "lui", "w", "z", "ze", "v", "iz", "i", "til", "till",
        "af", "av", "ur", "ta", "tal", "tar", "tas", "tat", "tad", "taz", "tac", "tan", "ta'", "του", "της", "των", "от", "към",
        "на", "den", "an", "na"
    ]),
    small(None, Role::Link, &[
        "the", "in", "under", "l", "la", "le", "les", "die", "das", "dem", "den", "zur", "zum", "im", "het", "il", "lo", "el",
        "los", "las", "o", "a", "os", "as", "we", "ve", "zo", "u", "ir", "id", "is", "it", "τον", "την", "το", "ο", "η",
        "στο", "στην", "στον", "в", "за", "az", "sub", "pod", "po", "k", "ku", "ghabhann"
    ]),
    small(None, Role::This, &[
        "this", "these", "dieser", "diesem", "dieses", "diese", "present", "presente", "presents", "presentes", "deze", "dit",
        "niniejszy", "niniejszego", "niniejszej", "niniejszym", "niniejsza", "niniejsze", "tohoto", "teto", "tomto", "tuto",
        "tento", "tato", "tohto", "tejto", "tega", "te", "tej", "ove", "ovoj", "ova", "ovog", "ovom", "ovu", "prezentului",
        "prezentei", "prezenta", "prezentul", "denne", "dette", "naervaerende", "denna", "detta", "taman", "tama", "tassa",
        "e", "jelen", "ezen", "sio", "sios", "siame", "sioje", "sis", "saja", "sa", "kaesoleva", "kaesolev", "παροντος",
        "παρουσας", "παρον", "παρουσα", "παροντα", "αυτου", "αυτης", "настоящия", "настоящата", "настоящото", "настоящият",
        "този", "тази", "dan", "din", "seo"
    ]),
    small(Some(En), Role::Its, &["thereof", "its"]),
    small(Some(Fr), Role::Its, &["son", "sa", "ses"]),
    small(Some(Es), Role::Its, &["su", "sus"]),
    small(Some(Pt), Role::Its, &["seu", "sua", "seus", "suas"]),
    small(Some(It), Role::Its, &["suo", "sua", "suoi", "sue"]),
    small(Some(Nl), Role::Its, &["daarvan"]),
    small(Some(Pl), Role::Its, &["jego", "jej"]),
    small(Some(Cs), Role::Its, &["jeho", "jeji"]),
    small(Some(Sk), Role::Its, &["jeho", "jej"]),
    small(Some(Sl), Role::Its, &["njegov", "njegovega", "njen", "njenega"]),
    small(Some(Hr), Role::Its, &["njegov", "njegova", "njegovog", "njezin", "njezina", "njezinog"]),
    small(Some(Hu), Role::Its, &["annak"]),
    small(Some(Fi), Role::Its, &["sen"]),
    small(Some(Et), Role::Its, &["selle"]),
    small(Some(Lv), Role::Its, &["ta"]),
    small(Some(Lt), Role::Its, &["jos", "jo"]),
    small(Some(Mt), Role::Its, &["tieghu", "taghha"]),
    small(None, Role::NumberSign, &[
        "no", "nr", "n", "n°", "nº", "n.º", "n.o", "no°", "c", "br", "st", "num", "nru", "αριθ", "αριθμ", "№", "sz", "nro"
    ]),
    small(None, Role::Ordinal, &[
        "first", "second", "third", "fourth", "fifth", "sixth", "last", "erster", "ersten", "erste", "zweiter", "zweiten",
        "zweite", "dritter", "dritten", "dritte", "vierter", "vierten", "letzter", "letzten", "premier", "premiere",
        "deuxieme", "seconde", "troisieme", "quatrieme", "dernier", "eerste", "tweede", "derde", "vierde", "laatste", "primo",
        "secondo", "terzo", "quarto", "ultimo", "primer", "primero", "segundo", "tercer", "tercero", "cuarto", "primeiro",
        "terceiro", "primul", "doilea", "treilea", "pierwszy", "pierwszym", "drugi", "drugim", "trzeci", "trzecim", "ostatni",
        "prvni", "prvnim", "druhy", "druhem", "treti", "tretim", "posledni", "prvy", "prvom", "druhom", "tretom", "prveho",
        "druheho", "tretieho", "prvi", "prvem", "drugem", "tretji", "prvega", "drugega", "tretjega", "treci", "prvog",
        "drugog", "treceg", "forste", "andet", "tredje", "forsta", "andra", "ensimmainen", "ensimmaisen",
        "toinen", "toisen", "kolmas", "kolmannen", "esimene", "esimese", "teine", "teise", "elso", "masodik", "harmadik",
        "pirmoji", "pirmosios", "pirmos", "antroji", "antrosios", "antros", "pirma", "pirmaja", "pirmas", "otra", "otraja",
        "otras", "πρωτο", "πρωτου", "δευτερο",
        "δευτερου", "τριτο", "τριτου", "първа", "първата", "втора", "втората", "трета", "ewwel", "tieni", "chead", "dara"
    ]),
    small(None, Role::Page, &["p", "pp", "s", "blz", "pag", "str", "o", "σ", "стр", "lk", "l", "lpp", "psl", "old", "lch", "sivu"]),
];

/// Ordinals that name a paragraph before its word, folded, by number: Dutch `eerste lid`,
/// Slovenian national style `prvi odstavek`, `prvega odstavka`, `prvem odstavku`.
#[rustfmt::skip] // one line per number
pub const PARAGRAPH_ORDINALS: &[(Lang, &[&[&str]])] = &[
    (Nl, &[
        &["eerste"], &["tweede"], &["derde"], &["vierde"], &["vijfde"], &["zesde"], &["zevende"], &["achtste"],
        &["negende"], &["tiende"],
    ]),
    (Sl, &[
        &["prvi", "prvega", "prvem"],
        &["drugi", "drugega", "drugem"],
        &["tretji", "tretjega", "tretjem"],
        &["cetrti", "cetrtega", "cetrtem"],
        &["peti", "petega", "petem"],
        &["sesti", "sestega", "sestem"],
        &["sedmi", "sedmega", "sedmem"],
        &["osmi", "osmega", "osmem"],
        &["deveti", "devetega", "devetem"],
        &["deseti", "desetega", "desetem"],
    ]),
];

/// Words that may follow a range connector and close it with it, folded: Dutch `tot en
/// met` (up to and including).
pub const RANGE_TAILS: &[&[&str]] = &[&["en", "met"]];

/// Latin words that insert an article after another (`Article 3 bis` is `art_3a`), by
/// position.
pub const INSERTED: [&str; 10] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
    "undecies",
];

/// How the Official Journal is abbreviated or named in each language. Abbreviations are
/// matched in their exact case (`DO` is Spanish for OJ, `do` a preposition elsewhere).
#[rustfmt::skip] // names, many to a line
pub const OJ_NAMES: &[&str] = &[
    "OJ", "O.J.", "ABl.", "ABl", "JO", "PB", "Pb.", "GU", "DO", "Dz.U.", "Dz. U.", "Dz.Urz.", "Úř. věst.", "Ú. v. EÚ", "Ú. v. ES", "Ú. v.", "UL",
    "SL", "EUT", "EUVL", "ELT", "HL", "OL", "OV", "ΕΕ", "ОВ", "ĠU", "IO", "Official Journal", "Amtsblatt",
    "Journal officiel", "Publicatieblad", "Gazzetta ufficiale", "Diario Oficial", "Jornal Oficial", "Jurnalul Oficial",
    "Dziennik Urzędowy", "Úřední věstník", "Úradný vestník", "Uradni list", "Službeni list", "EU-Tidende",
    "Europeiska unionens officiella tidning", "Euroopan unionin virallinen lehti", "Euroopa Liidu Teataja",
    "Hivatalos Lap", "Oficialusis leidinys", "Oficiālais Vēstnesis", "Επίσημη Εφημερίδα", "Официален вестник",
    "Il-Ġurnal Uffiċjali", "Iris Oifigiúil",
];

/// Commission document series and the CELEX letters they take (`COM(2022) 209` →
/// `52022PC0209`).
pub const COMMISSION_SERIES: [(&str, &str); 4] =
    [("COM", "PC"), ("JOIN", "JC"), ("SWD", "SC"), ("SEC", "SC")];
