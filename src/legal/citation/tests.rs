//! The development set: real phrasings in many languages with the ids they cite, the
//! negatives, relative citations, and property tests.

use super::*;

fn ids(text: &str, ctx: &Context) -> Vec<String> {
    find_citations(text, ctx)
        .into_iter()
        .map(|f| match f.unit {
            Some(unit) => format!("{}#{unit}", f.celex),
            None => f.celex,
        })
        .collect()
}

const GDPR: &str = "32016R0679";
const EPRIVACY: &str = "32002L0058";

fn cited(text: &str) -> Vec<String> {
    ids(text, &Context::default())
}

/// (text, expected ids) read without context: the act must come from the text.
const DEVELOPMENT_SET: &[(&str, &[&str])] = &[
    // English
    (
        "Article 6(1)(a) of Regulation (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("Article 6(1)(a) GDPR", &["32016R0679#art_6.par_1.pnt_a"]),
    ("Art 6(1)(a) GDPR", &["32016R0679#art_6.par_1.pnt_a"]),
    ("Art 17 DSGVO", &["32016R0679#art_17"]),
    ("32016R0679#art_6.par_1", &["32016R0679#art_6.par_1"]),
    (
        "artikel 6, eerste lid, onder f, AVG",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    (
        "Artikel 6 lid 1 sub f AVG",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    ("ErwG. 47 DSGVO", &["32016R0679#rct_47"]),
    ("ErwG 47 DSGVO", &["32016R0679#rct_47"]),
    (
        "Art. 6 Abs. 1 S. 1 lit. f DSGVO",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    ("art. 6 i 7 RODO", &["32016R0679#art_6", "32016R0679#art_7"]),
    ("Art. 6 I 1 lit. f DSGVO", &["32016R0679#art_6.par_1.pnt_f"]),
    ("Art. 6 I lit. f DSGVO", &["32016R0679#art_6.par_1.pnt_f"]),
    (
        "Art. 17 III lit. b DSGVO",
        &["32016R0679#art_17.par_3.pnt_b"],
    ),
    ("Art. 6 IV DSGVO", &["32016R0679#art_6.par_4"]),
    (
        "Art. 9 II Buchst. a DSGVO",
        &["32016R0679#art_9.par_2.pnt_a"],
    ),
    (
        "Regulation (EU) 2016/679, Article 6(1)(a)",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Reglamento (UE) 2016/679, artículo 17",
        &["32016R0679#art_17"],
    ),
    ("GDPR Article 17", &["32016R0679#art_17"]),
    (
        "Article 2 point (2)(a) of Regulation (EU) 2016/679",
        &["32016R0679#art_2.pnt_2.pnt_a"],
    ),
    (
        "Article 2, point (g)(iii), of Regulation (EU) 2016/679",
        &["32016R0679#art_2.pnt_g.pnt_iii"],
    ),
    (
        "άρθρο 3α του κανονισμού (ΕΕ) 2016/679",
        &["32016R0679#art_3a"],
    ),
    ("член 3а от Регламент (ЕС) 2016/679", &["32016R0679#art_3a"]),
    (
        "ČLÁNEK 5 A 6 NAŘÍZENÍ (EU) 2016/679",
        &["32016R0679#art_5", "32016R0679#art_6"],
    ),
    (
        "Art. 6 Abs. 1 UAbs. 1 lit. f DSGVO",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    ("see 32016R0679#anx_I.pnt_2.", &["32016R0679#anx_I.pnt_2"]),
    (
        "32018L1972#anx_I.prt_A.pnt_1",
        &["32018L1972#anx_I.prt_A.pnt_1"],
    ),
    (
        "l'article 6 et l'article 9 du règlement (UE) 2016/679",
        &["32016R0679#art_6", "32016R0679#art_9"],
    ),
    (
        "dell'articolo 6 e dell'articolo 9 del regolamento (UE) 2016/679",
        &["32016R0679#art_6", "32016R0679#art_9"],
    ),
    (
        "NAŘÍZENÍ EVROPSKÉHO PARLAMENTU A RADY (EU) 2016/679",
        &["32016R0679"],
    ),
    (
        "ROZPORZĄDZENIE PARLAMENTU EUROPEJSKIEGO I RADY (UE) 2016/679",
        &["32016R0679"],
    ),
    (
        "NARIADENIE EURÓPSKEHO PARLAMENTU A RADY (EÚ) 2016/679",
        &["32016R0679"],
    ),
    (
        "point (a) of Article 6(1) GDPR",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Article 2, point (f) of Directive 2002/58/EC",
        &["32002L0058#art_2.pnt_f"],
    ),
    (
        "the first subparagraph of Article 7(3) of the GDPR",
        &["32016R0679#art_7.par_3"],
    ),
    (
        "Article 6(1)(a)(i) GDPR",
        &["32016R0679#art_6.par_1.pnt_a.pnt_i"],
    ),
    (
        "point (i) of point (a) of Article 6(1) GDPR",
        &["32016R0679#art_6.par_1.pnt_a.pnt_i"],
    ),
    ("Article 5 of Directive 2002/58/EC", &["32002L0058#art_5"]),
    ("Article 4(11) GDPR", &["32016R0679#art_4.par_11"]),
    ("Article 4, point (11), GDPR", &["32016R0679#art_4.pnt_11"]),
    (
        "Articles 5 to 7 of the GDPR",
        &["32016R0679#art_5", "32016R0679#art_6", "32016R0679#art_7"],
    ),
    (
        "Article 5(1) and (3) GDPR",
        &["32016R0679#art_5.par_1", "32016R0679#art_5.par_3"],
    ),
    (
        "Articles 12, 13 and 14 GDPR",
        &[
            "32016R0679#art_12",
            "32016R0679#art_13",
            "32016R0679#art_14",
        ],
    ),
    (
        "points (a) to (c) of Article 6(1) GDPR",
        &[
            "32016R0679#art_6.par_1.pnt_a",
            "32016R0679#art_6.par_1.pnt_b",
            "32016R0679#art_6.par_1.pnt_c",
        ],
    ),
    (
        "Article 6(1)(a) and Article 9(2)(a) GDPR",
        &[
            "32016R0679#art_6.par_1.pnt_a",
            "32016R0679#art_9.par_2.pnt_a",
        ],
    ),
    ("recital 38 of the GDPR", &["32016R0679#rct_38"]),
    (
        "recitals 38 and 39 GDPR",
        &["32016R0679#rct_38", "32016R0679#rct_39"],
    ),
    (
        "point 2 of Annex I to Directive 2002/58/EC",
        &["32002L0058#anx_I.pnt_2"],
    ),
    (
        "Article 3a of Regulation (EU) 2021/1232",
        &["32021R1232#art_3a"],
    ),
    ("Article 8 of the Charter", &["12012P/TXT#art_8"]),
    ("Article 16 TFEU", &["12012E/TXT#art_16"]),
    (
        "Article 15(1) of the ePrivacy Directive",
        &["32002L0058#art_15.par_1"],
    ),
    ("Regulation (EU) 2016/679", &[GDPR]),
    ("Directive 2002/58/EC", &[EPRIVACY]),
    ("Regulation (EC) No 6/2002", &["32002R0006"]),
    ("Regulation (EU) No 182/2011", &["32011R0182"]),
    ("Council Framework Decision 2002/584/JHA", &["32002F0584"]),
    ("Joint Action 98/699/JHA", &["31998F0699"]),
    (
        "Commission Implementing Regulation (EU) 2019/947",
        &["32019R0947"],
    ),
    ("Directive 95/46/EC", &["31995L0046"]),
    ("Council Decision 2009/371/JHA", &["32009D0371"]),
    ("Decision No 1247/2002/EC", &["32002D1247"]),
    ("Regulation (EEC) No 1408/71", &["31971R1408"]),
    ("32016R0679", &[GDPR]),
    ("CELEX:32016R0679", &[GDPR]),
    ("02016R0679-20160504", &["02016R0679-20160504"]),
    ("http://data.europa.eu/eli/reg/2016/679/oj", &[GDPR]),
    ("see eli/dir/2002/58/oj", &[EPRIVACY]),
    ("OJ L 119, 4.5.2016, p. 1", &[GDPR]),
    ("(OJ L 201, 31.7.2002, p. 37)", &[EPRIVACY]),
    ("OJ L, 2024/1689, 12.7.2024", &["32024R1689"]),
    ("COM(2022) 209 final", &["52022PC0209"]),
    ("COM/2022/209", &["52022PC0209"]),
    ("JOIN(2020) 1", &["52020JC0001"]),
    ("SWD(2022) 209", &["52022SC0209"]),
    ("the GDPR", &[GDPR]),
    ("the interim Regulation", &["32021R1232"]),
    ("the CSA proposal", &["52022PC0209"]),
    ("chat control", &["52022PC0209"]),
    ("the EECC and the DSA", &["32018L1972", "32022R2065"]),
    // German
    (
        "Art. 6 Abs. 1 lit. a DSGVO",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Art. 6 Abs. 1 Buchst. a DSGVO",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("Artikel 6 DSGVO", &["32016R0679#art_6"]),
    ("Art. 4 Nr. 11 DSGVO", &["32016R0679#art_4.pnt_11"]),
    (
        "Artikel 12 bis 15 der Richtlinie 2002/58/EG",
        &[
            "32002L0058#art_12",
            "32002L0058#art_13",
            "32002L0058#art_14",
            "32002L0058#art_15",
        ],
    ),
    ("Erwägungsgrund 38 DSGVO", &["32016R0679#rct_38"]),
    (
        "Anhang II der Verordnung (EU) 2016/679",
        &["32016R0679#anx_II"],
    ),
    ("Rahmenbeschluss 2002/584/JI", &["32002F0584"]),
    ("ABl. L 119 vom 4.5.2016, S. 1", &[GDPR]),
    ("Verordnung (EG) Nr. 45/2001", &["32001R0045"]),
    ("die Chatkontrolle", &["52022PC0209"]),
    // French
    (
        "article 6, paragraphe 1, point a), du RGPD",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("considérant 38 du RGPD", &["32016R0679#rct_38"]),
    (
        "l'article 5 de la directive 2002/58/CE",
        &["32002L0058#art_5"],
    ),
    ("JO L 119 du 4.5.2016, p. 1", &[GDPR]),
    (
        "l'article 3 bis du règlement (UE) 2021/1232",
        &["32021R1232#art_3a"],
    ),
    // Dutch
    (
        "artikel 6, lid 1, onder a, AVG",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("overweging 38 van de AVG", &["32016R0679#rct_38"]),
    ("Richtlijn 2002/58/EG", &[EPRIVACY]),
    ("PB L 119 van 4.5.2016, blz. 1", &[GDPR]),
    ("de chatcontrole", &["52022PC0209"]),
    // Polish
    (
        "art. 6 ust. 1 lit. a RODO",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("motyw 38 RODO", &["32016R0679#rct_38"]),
    ("dyrektywa 2002/58/WE", &[EPRIVACY]),
    // Czech and Slovak
    (
        "čl. 6 odst. 1 písm. a) GDPR",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("bod odůvodnění 38 GDPR", &["32016R0679#rct_38"]),
    ("směrnice 2002/58/ES", &[EPRIVACY]),
    (
        "článku 6 ods. 1 písm. a) nariadenia (EÚ) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    // Finnish, Hungarian, Lithuanian, Latvian, Estonian: the act first
    (
        "asetuksen (EU) 2016/679 6 artiklan 1 kohdan a alakohta",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "az (EU) 2016/679 rendelet 6. cikk (1) bekezdés a) pont",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("a 2002/58/EK irányelv", &[EPRIVACY]),
    ("e rendelet és a 2002/58/EK irányelv", &[EPRIVACY]),
    (
        "Reglamento (ES) 2016/679 6 straipsnio 1 dalies a punktas",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Regulas (ES) 2016/679 6. panta 1. punkta a) apakšpunkts",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "määruse (EL) 2016/679 artikli 6 lõike 1 punkt a",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    // Greek and Bulgarian
    (
        "άρθρο 6 παράγραφος 1 στοιχείο α) του ΓΚΠΔ",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "άρθρο 6 παράγραφος 1 στοιχείο στ) του κανονισμού (ΕΕ) 2016/679",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    ("Οδηγία 2002/58/ΕΚ", &[EPRIVACY]),
    (
        "член 6, параграф 1, буква в) от Регламент (ЕС) 2016/679",
        &["32016R0679#art_6.par_1.pnt_c"],
    ),
    ("Директива 2002/58/ЕО", &[EPRIVACY]),
    // Romance
    (
        "articolo 6, paragrafo 1, lettera a), del regolamento (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artículo 6, apartado 1, letra a), del Reglamento (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artigo 6.º, n.º 1, alínea a), do Regulamento (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "articolul 6 alineatul (1) litera (a) din Regulamentul (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("direttiva 2002/58/CE", &[EPRIVACY]),
    // Others
    (
        "člen 6(1)(a) Uredbe (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "članak 6. stavak 1. točka (a) Uredbe (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artikel 6, stk. 1, litra a), i forordning (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artikel 6.1 a i förordning (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    ("Direktiv 2002/58/EF", &[EPRIVACY]),
    (
        "l-Artikolu 6(1)(a) tar-Regolament (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Airteagal 6(1)(a) de Rialachán (AE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    // QA4 #1: `litra a, i forordning`: the lone `i` is a preposition, not point (i)
    (
        "artikel 9, stk. 2, litra a, i forordning (EU) 2016/679",
        &["32016R0679#art_9.par_2.pnt_a"],
    ),
    (
        "artikel 6, stk. 1, litra f, i GDPR",
        &["32016R0679#art_6.par_1.pnt_f"],
    ),
    (
        "artikel 6, stk. 1, litra a, i databeskyttelsesforordningen",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "čl. 6 odst. 1 písm. a, v nařízení (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Article 6(1)(a) and (i) of Regulation (EU) 2016/679",
        &[
            "32016R0679#art_6.par_1.pnt_a",
            "32016R0679#art_6.par_1.pnt_i",
        ],
    ),
    // QA4 #2: inserted articles written `3.a` (Croatian, Latvian)
    ("članak 3.a Uredbe (EU) 2016/679", &["32016R0679#art_3a"]),
    ("članka 3.a Uredbe (EU) 2016/679", &["32016R0679#art_3a"]),
    ("Regulas (ES) 2016/679 3.a pants", &["32016R0679#art_3a"]),
    ("Regulas (ES) 2016/679 3.a pantā", &["32016R0679#art_3a"]),
    // QA4 #4: case forms (Estonian comitative, Irish h-prefix, Croatian instrumental)
    (
        "määruse (EL) 2016/679 artikli 5 lõike 1 punktiga b",
        &["32016R0679#art_5.par_1.pnt_b"],
    ),
    (
        "määruse (EL) 2016/679 artikli 5 lõikega 1",
        &["32016R0679#art_5.par_1"],
    ),
    (
        "i gcomhréir le hAirteagal 5(1)(b) de Rialachán (AE) 2016/679",
        &["32016R0679#art_5.par_1.pnt_b"],
    ),
    (
        "le hAirteagal 5 de Rialachán (AE) 2016/679",
        &["32016R0679#art_5"],
    ),
    (
        "u skladu s člankom 5. stavkom 1. točkom (b) Uredbe (EU) 2016/679",
        &["32016R0679#art_5.par_1.pnt_b"],
    ),
    // QA4 #5: popular names in the genitive
    (
        "člen 6 Splošne uredbe o varstvu podatkov",
        &["32016R0679#art_6"],
    ),
    (
        "članka 6. Opće uredbe o zaštiti podataka",
        &["32016R0679#art_6"],
    ),
    (
        "Bendrojo duomenų apsaugos reglamento 6 straipsnis",
        &["32016R0679#art_6"],
    ),
    (
        "pagal Bendrojo duomenų apsaugos reglamento 6 straipsnio 1 dalies a punktą",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Vispārīgās datu aizsardzības regulas 6. pants",
        &["32016R0679#art_6"],
    ),
    (
        "isikuandmete kaitse üldmääruse artikkel 6",
        &["32016R0679#art_6"],
    ),
    (
        "článok 6 všeobecného nariadenia o ochrane údajov",
        &["32016R0679#art_6"],
    ),
    (
        "databeskyttelsesforordningens artikel 6",
        &["32016R0679#art_6"],
    ),
    // QA4 #6: subparagraph words between paragraph and point
    (
        "článku 6 ods. 1 prvého pododseku písm. a) nariadenia (EÚ) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "točka (a) prvega pododstavka člena 6(1) Uredbe (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Reglamento (ES) 2016/679 6 straipsnio 1 dalies pirmos pastraipos a punktas",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Regulas (ES) 2016/679 6. panta 1. punkta pirmās daļas a) apakšpunkts",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "pointe (a) den chéad fhomhír d'Airteagal 6(1) de Rialachán (AE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "art. 6, comma 1, lett. a), GDPR",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "articolo 6, paragrafo 1, primo comma, lettera a), del regolamento (UE) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    // QA4 #7: ranges opened by a word (`da … a`, `od … do`) or closed by several (`tot en met`)
    (
        "articoli da 15 a 17 del regolamento (UE) 2016/679",
        &[
            "32016R0679#art_15",
            "32016R0679#art_16",
            "32016R0679#art_17",
        ],
    ),
    (
        "articoli dal 15 al 17 del regolamento (UE) 2016/679",
        &[
            "32016R0679#art_15",
            "32016R0679#art_16",
            "32016R0679#art_17",
        ],
    ),
    (
        "artikelen 15 tot en met 17 van Verordening (EU) 2016/679",
        &[
            "32016R0679#art_15",
            "32016R0679#art_16",
            "32016R0679#art_17",
        ],
    ),
    (
        "članci od 15. do 17. Uredbe (EU) 2016/679",
        &[
            "32016R0679#art_15",
            "32016R0679#art_16",
            "32016R0679#art_17",
        ],
    ),
    (
        "členi od 15 do 17 Uredbe (EU) 2016/679",
        &[
            "32016R0679#art_15",
            "32016R0679#art_16",
            "32016R0679#art_17",
        ],
    ),
    // QA4 #8: annexes `a ghabhann le` (Irish) and `k nariadeniu` (Slovak)
    (
        "Iarscríbhinn I a ghabhann le Rialachán (AE) 2016/679",
        &["32016R0679#anx_I"],
    ),
    (
        "pointe 1 d'Iarscríbhinn I a ghabhann le Treoir (AE) 2018/1972",
        &["32018L1972#anx_I.pnt_1"],
    ),
    (
        "Iarscríbhinn I, pointe 2, a ghabhann le Rialachán (AE) 2016/679",
        &["32016R0679#anx_I.pnt_2"],
    ),
    (
        "príloha I k nariadeniu (EÚ) 2016/679",
        &["32016R0679#anx_I"],
    ),
    (
        "bod 2 prílohy I k nariadeniu (EÚ) 2016/679",
        &["32016R0679#anx_I.pnt_2"],
    ),
    // QA4 #11: the Slovak OJ reference, the Slovenian national style
    ("Ú. v. EÚ L 119, 4.5.2016, s. 1", &["32016R0679"]),
    (
        "točka (a) prvega odstavka 6. člena Uredbe (EU) 2016/679",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
];

#[test]
fn development_set() {
    let mut failures = Vec::new();
    for (text, expected) in DEVELOPMENT_SET {
        let got = cited(text);
        if got != *expected {
            failures.push(format!("{text:?}: got {got:?}, expected {expected:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        DEVELOPMENT_SET.len(),
        failures.join("\n")
    );
}

#[test]
fn the_cheap_pretest_lets_every_citation_through() {
    for (text, _) in DEVELOPMENT_SET {
        if !cited(text).is_empty() {
            assert!(super::may_hold_citation(text), "{text}");
        }
    }
    for act in crate::legal::acts::all() {
        for name in &act.names {
            assert!(super::may_hold_citation(name.text), "{}", name.text);
            let upper = name.text.to_uppercase();
            assert!(super::may_hold_citation(&upper), "{upper}");
        }
    }
    assert!(!super::may_hold_citation("consent of a child"));
    // Names inside words are no names.
    assert!(!super::may_hold_citation("staatssteun"));
    assert!(!super::may_hold_citation("energy labelling"));
}

proptest::proptest! {
    /// Whatever the names, words and punctuation around them, a text holding a citation
    /// passes the pretest.
    #[test]
    fn the_pretest_passes_every_text_holding_a_citation(
        pieces in proptest::collection::vec(proptest::sample::select(pretest_pieces()), 0..8)
    ) {
        let text = pieces.concat();
        if !find_citations(&text, &Context::default()).is_empty() {
            proptest::prop_assert!(super::may_hold_citation(&text), "{}", text);
        }
    }
}

/// Act names (some written inside words), words and separators.
fn pretest_pieces() -> Vec<String> {
    let names = crate::legal::acts::all()
        .iter()
        .flat_map(|act| act.names.iter().map(|n| n.text.to_string()))
        .step_by(3);
    let others = [
        " ", " ", "-", "/", ".", "(", ")", "'", "\u{a0}", "x", "staats", "the ", "of the ",
        "Article ", "art. ", "é",
    ];
    names.chain(others.iter().map(|s| s.to_string())).collect()
}

#[test]
fn development_set_covers_ten_languages() {
    let langs: std::collections::HashSet<Lang> = DEVELOPMENT_SET
        .iter()
        .flat_map(|(text, _)| find_citations(text, &Context::default()))
        .filter_map(|f| f.lang)
        .collect();
    assert!(langs.len() >= 10, "{langs:?}");
}

#[test]
fn not_citations() {
    for text in [
        "page 6, line 1",
        "Section 230 of the Communications Decency Act",
        "COM port 3",
        "Article 19",
        "call +32 2 299 11 11",
        "on 4.5.2016 at 10:00",
        "2016/679",
        "version 2.3.1",
        "state of the art 5",
        "visit chatcontrol.eu",
        "#chatcontrol",
        "the Directive 2016",
        "the Charter",
    ] {
        assert_eq!(cited(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn relative_citations_resolve_against_the_context() {
    let own = Context {
        celex: Some(GDPR),
        unit: Some("art_6.par_3"),
    };
    assert_eq!(ids("Article 5", &own), ["32016R0679#art_5"]);
    assert_eq!(ids("paragraph 2", &own), ["32016R0679#art_6.par_2"]);
    assert_eq!(
        ids(
            "point (b)",
            &Context {
                celex: Some(GDPR),
                unit: Some("art_6.par_1.pnt_a")
            }
        ),
        ["32016R0679#art_6.par_1.pnt_b"]
    );
    assert_eq!(
        ids("point (c) of paragraph 1", &own),
        ["32016R0679#art_6.par_1.pnt_c"]
    );
    assert_eq!(
        ids("Article 5 of this Regulation", &own),
        ["32016R0679#art_5"]
    );
    assert_eq!(
        ids("Artikel 5 dieser Verordnung", &own),
        ["32016R0679#art_5"]
    );
    assert_eq!(
        ids("l'article 5 du présent règlement", &own),
        ["32016R0679#art_5"]
    );
    assert_eq!(
        ids("paragraph 2 of this Article", &own),
        ["32016R0679#art_6.par_2"]
    );
    assert_eq!(
        ids(
            "point 3",
            &Context {
                celex: Some(GDPR),
                unit: Some("anx_I.pnt_2")
            }
        ),
        ["32016R0679#anx_I.pnt_3"]
    );
    assert_eq!(
        ids("Article 5 of Directive 2002/58/EC", &own),
        ["32002L0058#art_5"]
    );
}

#[test]
fn relative_citations_without_context_are_skipped() {
    let none = Context::default();
    for text in [
        "Article 5",
        "paragraph 2",
        "Article 5 of this Regulation",
        "point (b)",
        "Article 5 of the proposal",
    ] {
        assert_eq!(ids(text, &none), Vec::<String>::new(), "{text}");
    }
    let act_only = Context {
        celex: Some(GDPR),
        unit: None,
    };
    assert_eq!(ids("paragraph 2", &act_only), Vec::<String>::new());
    assert_eq!(
        ids("Article 5 of the proposal", &act_only),
        Vec::<String>::new()
    );
}

#[test]
fn spans_cover_the_citation_as_written() {
    let text = "See Article 6(1)(a) GDPR and Articles 5 to 7 of Directive 2002/58/EC.";
    let found = find_citations(text, &Context::default());
    let spans: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
    assert_eq!(
        spans,
        [
            "Article 6(1)(a) GDPR",
            "Articles 5 to 7 of Directive 2002/58/EC",
            "Articles 5 to 7 of Directive 2002/58/EC",
            "Articles 5 to 7 of Directive 2002/58/EC"
        ]
    );
}

#[test]
fn languages_are_told_when_the_grammar_tells() {
    let lang = |text: &str| {
        find_citations(text, &Context::default())
            .first()
            .and_then(|f| f.lang)
    };
    assert_eq!(lang("Art. 6 Abs. 1 lit. a DSGVO"), Some(Lang::De));
    assert_eq!(lang("6. cikk (1) bekezdés a) pont e rendelet"), None);
    assert_eq!(
        lang("artículo 6, apartado 1, letra a), del RGPD"),
        Some(Lang::Es)
    );
}

#[test]
fn hostile_inputs_stay_linear_and_bounded() {
    let digits: String = "1(2)3((4))5/6.7,".repeat(70_000);
    let _ = find_citations(&digits, &Context::default());
    let repeated = "Article 5 and ".repeat(100_000);
    let found = find_citations(
        &repeated,
        &Context {
            celex: Some(GDPR),
            unit: None,
        },
    );
    assert!(found.len() <= 100_000 && !found.is_empty());
    let nested = format!("Article 6{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    let _ = find_citations(
        &nested,
        &Context {
            celex: Some(GDPR),
            unit: None,
        },
    );
    let range = "Articles 1 to 99999 GDPR";
    assert!(find_citations(range, &Context::default()).len() <= units_ref::MAX_UNITS);
    let lists = format!("points {} of Article 6 GDPR", "(a), ".repeat(10_000));
    assert!(find_citations(&lists, &Context::default()).len() <= units_ref::MAX_UNITS);
    // The QA4 forms: number-first Slovenian articles, range openings and tails, lone
    // prepositions after bare points, ordinal subdivisions.
    for piece in [
        "5. člena ",
        "členi od 1 do ",
        "artikelen 1 tot en met ",
        "litra a, i ",
        "6 straipsnio 1 dalies pirmos pastraipos ",
        "prvega odstavka ",
        "3.a pants ",
        "litra b, c ",
        "point b, c ",
    ] {
        let text = piece.repeat(100_000);
        let _ = find_citations(&text, &Context::default());
    }
}

#[test]
fn ranges_expand_within_their_cap() {
    assert_eq!(cited("Articles 1 to 150 GDPR").len(), 150);
    assert_eq!(
        cited("Articles 1 to 900 GDPR"),
        ["32016R0679#art_1", "32016R0679#art_900"]
    );
    assert_eq!(cited("points (i) to (iv) of Article 6(1) GDPR").len(), 4);
    assert_eq!(
        cited("Annexes I to III GDPR"),
        [
            "32016R0679#anx_I",
            "32016R0679#anx_II",
            "32016R0679#anx_III"
        ]
    );
}

/// Throughput on the English GDPR with its tags stripped; run with
/// `cargo test --release --lib legal::citation::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore = "reads the shared corpus and measures time"]
fn throughput() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/legislation/32016R0679/en.oj.xhtml"
    );
    let Ok(xhtml) = std::fs::read_to_string(path) else {
        return;
    };
    let text = strip_tags(&xhtml);
    let units = as_units(&text);
    let rounds = 20;
    let _warm_up = find_citations("Article 6 GDPR", &Context::default());
    let started = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..rounds {
        count += units
            .iter()
            .map(|unit| {
                find_citations(
                    unit,
                    &Context {
                        celex: Some(GDPR),
                        unit: Some("art_6"),
                    },
                )
                .len()
            })
            .sum::<usize>();
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{count} citations, {:.1} MB in {seconds:.2} s: {:.1} MB/s",
        megabytes,
        megabytes / seconds
    );
}

/// The text cut into pieces of about 400 bytes, the mean size of a GDPR unit (a recital, a
/// paragraph or a point), as ingest passes them.
fn as_units(text: &str) -> Vec<String> {
    let mut units = vec![String::new()];
    for piece in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let Some(last) = units.last_mut() else { break };
        last.push_str(piece);
        last.push(' ');
        if last.len() >= 400 {
            units.push(String::new());
        }
    }
    units
}

fn strip_tags(xhtml: &str) -> String {
    let mut out = String::with_capacity(xhtml.len());
    let mut in_tag = false;
    for c in xhtml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .split("  ")
        .collect::<Vec<_>>()
        .join("\n\n")
}

mod properties {
    //! Random unit ids, written as each language writes them, must read back.

    use proptest::prelude::*;

    use super::*;
    use crate::legal::labels;

    /// A point label: a letter by position (1 = a) or a roman numeral.
    #[derive(Debug, Clone)]
    enum Point {
        Letter(u32),
        Roman(u32),
    }

    impl Point {
        fn id(&self) -> String {
            match self {
                Point::Letter(n) => labels::latin_letters(*n),
                Point::Roman(n) => labels::roman(*n),
            }
        }

        /// As written in Greek or Bulgarian text (letters by position in that script).
        fn in_script(&self, script: &[&str]) -> String {
            match self {
                Point::Letter(n) => script
                    .get(*n as usize - 1)
                    .map_or_else(|| self.id(), |s| s.to_string()),
                Point::Roman(_) => self.id(),
            }
        }
    }

    #[derive(Debug, Clone)]
    struct ArticleRef {
        number: u32,
        suffix: Option<u32>,
        paragraph: Option<u32>,
        point: Option<Point>,
    }

    impl ArticleRef {
        fn id(&self) -> String {
            let mut id = format!(
                "art_{}{}",
                self.number,
                self.suffix.map(labels::latin_letters).unwrap_or_default()
            );
            if let Some(p) = self.paragraph {
                id.push_str(&format!(".par_{p}"));
            }
            if let Some(point) = &self.point {
                id.push_str(&format!(".pnt_{}", point.id()));
            }
            id
        }
    }

    fn point() -> impl Strategy<Value = Point> {
        prop_oneof![
            (1u32..=8).prop_map(Point::Letter),
            (2u32..=8).prop_map(Point::Roman)
        ]
    }

    fn article() -> impl Strategy<Value = ArticleRef> {
        (
            1u32..=99,
            prop::option::weighted(0.2, 1u32..=3),
            prop::option::of(1u32..=20),
            prop::option::of(point()),
        )
            .prop_map(|(number, suffix, paragraph, point)| ArticleRef {
                number,
                suffix,
                paragraph,
                point,
            })
    }

    const GREEK: [&str; 8] = ["α", "β", "γ", "δ", "ε", "στ", "ζ", "η"];
    const CYRILLIC: [&str; 8] = ["а", "б", "в", "г", "д", "е", "ж", "з"];

    /// Every language's way of writing an article reference with the GDPR's number.
    fn render_article(lang: Lang, a: &ArticleRef) -> String {
        let n = a.number;
        let glued = format!(
            "{n}{}",
            a.suffix.map(labels::latin_letters).unwrap_or_default()
        );
        let latin = a
            .suffix
            .map(|s| format!("{n} {}", words::INSERTED[s as usize - 1]))
            .unwrap_or_else(|| n.to_string());
        let par = |before: &str, after: &str| {
            a.paragraph
                .map(|p| format!("{before}{p}{after}"))
                .unwrap_or_default()
        };
        let pnt = |before: &str, after: &str| {
            a.point
                .as_ref()
                .map(|x| format!("{before}{}{after}", x.id()))
                .unwrap_or_default()
        };
        let compact = format!("{glued}{}{}", par("(", ")"), pnt("(", ")"));
        match lang {
            Lang::En => format!("Article {compact} of Regulation (EU) 2016/679"),
            Lang::De => format!(
                "Art. {glued}{}{} DSGVO",
                par(" Abs. ", ""),
                pnt(" lit. ", "")
            ),
            Lang::Fr => format!(
                "article {latin}{}{}, du règlement (UE) 2016/679",
                par(", paragraphe ", ""),
                pnt(", point ", ")")
            ),
            Lang::Nl => format!(
                "artikel {glued}{}{}, van Verordening (EU) 2016/679",
                par(", lid ", ""),
                pnt(", onder ", "")
            ),
            Lang::It => format!(
                "articolo {latin}{}{}, del regolamento (UE) 2016/679",
                par(", paragrafo ", ""),
                pnt(", lettera ", ")")
            ),
            Lang::Es => format!(
                "artículo {latin}{}{}, del Reglamento (UE) 2016/679",
                par(", apartado ", ""),
                pnt(", letra ", ")")
            ),
            Lang::Pt => {
                let number = format!(
                    "{n}.º{}",
                    a.suffix
                        .map(|s| format!("-{}", labels::latin_letters(s).to_uppercase()))
                        .unwrap_or_default()
                );
                format!(
                    "artigo {number}{}{}, do Regulamento (UE) 2016/679",
                    par(", n.º ", ""),
                    pnt(", alínea ", ")")
                )
            }
            Lang::Ro => format!(
                "articolul {latin}{}{} din Regulamentul (UE) 2016/679",
                par(" alineatul (", ")"),
                pnt(" litera (", ")")
            ),
            Lang::Pl => format!(
                "art. {glued}{}{} rozporządzenia (UE) 2016/679",
                par(" ust. ", ""),
                pnt(" lit. ", "")
            ),
            Lang::Cs => format!(
                "čl. {glued}{}{} nařízení (EU) 2016/679",
                par(" odst. ", ""),
                pnt(" písm. ", ")")
            ),
            Lang::Sk => format!(
                "článku {glued}{}{} nariadenia (EÚ) 2016/679",
                par(" ods. ", ""),
                pnt(" písm. ", ")")
            ),
            Lang::Sl => format!("člen {compact} Uredbe (EU) 2016/679"),
            Lang::Hr => format!(
                "članak {glued}.{}{} Uredbe (EU) 2016/679",
                par(" stavak ", "."),
                pnt(" točka (", ")")
            ),
            Lang::Da => format!(
                "artikel {glued}{}{}, i forordning (EU) 2016/679",
                par(", stk. ", ""),
                pnt(", litra ", ")")
            ),
            Lang::Sv => format!(
                "artikel {glued}{}{} i förordning (EU) 2016/679",
                par(".", ""),
                if a.paragraph.is_some() {
                    pnt(" ", "")
                } else {
                    pnt(" led ", "")
                }
            ),
            Lang::Fi => format!(
                "asetuksen (EU) 2016/679 {n} artiklan{}{}",
                par(" ", " kohdan"),
                pnt(" ", " alakohta")
            ),
            Lang::Hu => format!(
                "az (EU) 2016/679 rendelet {n}. cikk{}{}",
                par(" (", ") bekezdés"),
                pnt(" ", ") pont")
            ),
            Lang::Lt => format!(
                "Reglamento (ES) 2016/679 {glued} straipsnio{}{}",
                par(" ", " dalies"),
                pnt(" ", " punktas")
            ),
            Lang::Lv => format!(
                "Regulas (ES) 2016/679 {glued}. panta{}{}",
                par(" ", ". punkta"),
                pnt(" ", ") apakšpunkts")
            ),
            Lang::Et => format!(
                "määruse (EL) 2016/679 artikli {glued}{}{}",
                par(" lõike ", ""),
                pnt(" punkt ", "")
            ),
            Lang::El => {
                let point = a
                    .point
                    .as_ref()
                    .map(|x| format!(" στοιχείο {})", x.in_script(&GREEK)))
                    .unwrap_or_default();
                format!(
                    "άρθρο {glued}{}{point} του κανονισμού (ΕΕ) 2016/679",
                    par(" παράγραφος ", "")
                )
            }
            Lang::Bg => {
                let point = a
                    .point
                    .as_ref()
                    .map(|x| format!(", буква {})", x.in_script(&CYRILLIC)))
                    .unwrap_or_default();
                format!(
                    "член {glued}{}{point} от Регламент (ЕС) 2016/679",
                    par(", параграф ", "")
                )
            }
            Lang::Mt => format!("l-Artikolu {compact} tar-Regolament (UE) 2016/679"),
            Lang::Ga => format!("Airteagal {compact} de Rialachán (AE) 2016/679"),
            Lang::Und => format!(
                "point {} of Article {glued}{} GDPR",
                a.point
                    .as_ref()
                    .map_or("(a)".to_string(), |x| format!("({})", x.id())),
                par("(", ")")
            ),
        }
    }

    /// Languages whose article numbers the renderer writes without inserted letters.
    fn drops_suffix(lang: Lang) -> bool {
        matches!(lang, Lang::Fi | Lang::Hu)
    }

    fn recital(lang: Lang, n: u32) -> String {
        match lang {
            Lang::En => format!("recital {n} of Regulation (EU) 2016/679"),
            Lang::De => format!("Erwägungsgrund {n} der Verordnung (EU) 2016/679"),
            Lang::Fr => format!("considérant {n} du règlement (UE) 2016/679"),
            Lang::Nl => format!("overweging {n} van Verordening (EU) 2016/679"),
            Lang::It => format!("considerando {n} del regolamento (UE) 2016/679"),
            Lang::Es => format!("considerando {n} del Reglamento (UE) 2016/679"),
            Lang::Pt => format!("considerando {n} do Regulamento (UE) 2016/679"),
            Lang::Ro => format!("considerentul {n} din Regulamentul (UE) 2016/679"),
            Lang::Pl => format!("motyw {n} rozporządzenia (UE) 2016/679"),
            Lang::Cs => format!("bod odůvodnění {n} nařízení (EU) 2016/679"),
            Lang::Sk => format!("odôvodnenie {n} nariadenia (EÚ) 2016/679"),
            Lang::Sl => format!("uvodna izjava {n} Uredbe (EU) 2016/679"),
            Lang::Hr => format!("uvodna izjava {n} Uredbe (EU) 2016/679"),
            Lang::Da => format!("betragtning {n} i forordning (EU) 2016/679"),
            Lang::Sv => format!("skäl {n} i förordning (EU) 2016/679"),
            Lang::Fi => format!("asetuksen (EU) 2016/679 johdanto-osan {n} kappale"),
            Lang::Hu => format!("az (EU) 2016/679 rendelet ({n}) preambulumbekezdése"),
            Lang::Lt => format!("Reglamento (ES) 2016/679 {n} konstatuojamoji dalis"),
            Lang::Lv => format!("Regulas (ES) 2016/679 {n}. apsvērums"),
            Lang::Et => format!("määruse (EL) 2016/679 põhjendus {n}"),
            Lang::El => format!("αιτιολογική σκέψη {n} του κανονισμού (ΕΕ) 2016/679"),
            Lang::Bg => format!("съображение {n} от Регламент (ЕС) 2016/679"),
            Lang::Mt => format!("il-premessa {n} tar-Regolament (UE) 2016/679"),
            Lang::Ga => format!("aithris {n} de Rialachán (AE) 2016/679"),
            Lang::Und => format!("recital ({n}) GDPR"),
        }
    }

    fn annex(lang: Lang, roman: &str, point: Option<u32>) -> Option<String> {
        let p = point.unwrap_or_default();
        let text = match (lang, point) {
            (Lang::En, Some(_)) => {
                format!("point {p} of Annex {roman} to Regulation (EU) 2016/679")
            }
            (Lang::En, None) => format!("Annex {roman} to Regulation (EU) 2016/679"),
            (Lang::De, Some(_)) => {
                format!("Anhang {roman} Nummer {p} der Verordnung (EU) 2016/679")
            }
            (Lang::De, None) => format!("Anhang {roman} der Verordnung (EU) 2016/679"),
            (Lang::Fr, Some(_)) => {
                format!("point {p} de l'annexe {roman} du règlement (UE) 2016/679")
            }
            (Lang::Fr, None) => format!("annexe {roman} du règlement (UE) 2016/679"),
            (Lang::Nl, _) => format!(
                "bijlage {roman}{} bij Verordening (EU) 2016/679",
                point.map(|p| format!(", punt {p},")).unwrap_or_default()
            ),
            (Lang::Pl, _) => format!(
                "{}załącznika {roman} do rozporządzenia (UE) 2016/679",
                point.map(|p| format!("pkt {p} ")).unwrap_or_default()
            ),
            (Lang::Hu, _) => format!(
                "az (EU) 2016/679 rendelet {roman}. melléklet{}",
                point.map(|p| format!(" {p}. pont")).unwrap_or_default()
            ),
            (Lang::El, _) => format!(
                "{}παράρτημα {roman} του κανονισμού (ΕΕ) 2016/679",
                point
                    .map(|p| format!("σημείο {p} του "))
                    .unwrap_or_default()
            ),
            _ => return None,
        };
        Some(text)
    }

    fn language() -> impl Strategy<Value = Lang> {
        prop::sample::select(crate::lang::ALL.to_vec())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn articles_read_back_in_every_language(lang in language(), mut a in article()) {
            if drops_suffix(lang) {
                a.suffix = None;
            }
            let text = render_article(lang, &a);
            let expected = if lang == Lang::Und && a.point.is_none() { format!("{}.pnt_a", a.id()) } else { a.id() };
            prop_assert_eq!(cited(&text), vec![format!("{GDPR}#{expected}")], "{}", text);
        }

        #[test]
        fn recitals_read_back_in_every_language(lang in language(), n in 1u32..=180) {
            let text = recital(lang, n);
            prop_assert_eq!(cited(&text), vec![format!("{GDPR}#rct_{n}")], "{}", text);
        }

        #[test]
        fn annexes_read_back(lang in language(), numeral in 1u32..=12, point in prop::option::of(1u32..=30)) {
            let roman = labels::roman(numeral).to_uppercase();
            if let Some(text) = annex(lang, &roman, point) {
                let expected = match point {
                    Some(p) => format!("{GDPR}#anx_{roman}.pnt_{p}"),
                    None => format!("{GDPR}#anx_{roman}"),
                };
                prop_assert_eq!(cited(&text), vec![expected], "{}", text);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = find_citations(&text, &Context { celex: Some(GDPR), unit: Some("art_1.par_2.pnt_a") });
        }

        #[test]
        fn citation_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
            "Article", "Art.", "(", ")", "1", "a", "and", "to", "of", "GDPR", "2016/679", "Regulation", "(EU)", "OJ L", "119", ",", ".",
            "cikk", "6.", "artiklan", "bis", "α)", "COM(", "eli/reg/", "No", "this", "-", "point", "Annex", "IV", "recital",
        ]), 0..40)) {
            let text = parts.join(" ");
            for found in find_citations(&text, &Context { celex: Some(GDPR), unit: Some("art_1") }) {
                prop_assert!(found.start < found.end && found.end <= text.len());
            }
        }
    }
}

#[test]
fn connectors_join_labels_only_in_the_language_of_their_unit_word() {
    let own = Context {
        celex: Some(GDPR),
        unit: Some("art_27.par_1"),
    };
    // Hungarian `a` is `the`, not the French range `à`: the paragraph label before it
    // does not open a range of articles.
    assert_eq!(
        ids(
            "(1) A 3. cikk (2) bekezdésének hatálya alá tartozó esetben",
            &own
        ),
        ["32016R0679#art_3.par_2"]
    );
    assert_eq!(
        ids("(1) A 45. cikk (3) bekezdése szerinti", &own),
        ["32016R0679#art_45.par_3"]
    );
    assert_eq!(
        ids("az 5–7. cikk", &own),
        ["32016R0679#art_5", "32016R0679#art_6", "32016R0679#art_7"]
    );
}

#[test]
fn eli_uris_name_units_too() {
    assert_eq!(
        cited("see http://data.europa.eu/eli/reg/2016/679/art_6/par_1/pnt_a/oj"),
        ["32016R0679#art_6.par_1.pnt_a"]
    );
    assert_eq!(
        cited("http://data.europa.eu/eli/dir/2002/58/cpt_II/art_5/oj"),
        ["32002L0058#art_5"]
    );
    assert_eq!(
        cited("http://data.europa.eu/eli/reg/2016/679/oj"),
        ["32016R0679"]
    );
    assert_eq!(
        cited("http://data.europa.eu/eli/reg/2016/679/art_6/oj paragraph 2"),
        ["32016R0679#art_6"]
    );
}

#[test]
fn annex_parts_are_a_step_of_annex_ids() {
    const EECC: &str = "32018L1972";
    for (text, unit) in [
        (
            "Annex I, Part A, point 1, to Directive (EU) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "point 1 of Part A of Annex I to Directive (EU) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "Part A of Annex I to Directive (EU) 2018/1972",
            "anx_I.prt_A",
        ),
        (
            "Part II of Annex I to Directive (EU) 2018/1972",
            "anx_I.prt_II",
        ),
        (
            "Anhang I Teil A Nummer 1 der Richtlinie (EU) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "point 1 de la partie A de l'annexe I de la directive (UE) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "bijlage I, deel A, punt 1, bij Richtlijn (EU) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "punto 1 della parte A dell'allegato I della direttiva (UE) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "anexo I, parte A, punto 1, de la Directiva (UE) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "punctul 1 din partea A a anexei I la Directiva (UE) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "pkt 1 części A załącznika I do dyrektywy (UE) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "bod 1 části A přílohy I směrnice (EU) 2018/1972",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "σημείο 1 του μέρους Β του παραρτήματος I της οδηγίας (ΕΕ) 2018/1972",
            "anx_I.prt_B.pnt_1",
        ),
        (
            "точка 1 от част Б от приложение I към Директива (ЕС) 2018/1972",
            "anx_I.prt_B.pnt_1",
        ),
        (
            "az (EU) 2018/1972 irányelv I. melléklet A. részének 1. pontja",
            "anx_I.prt_A.pnt_1",
        ),
        (
            "direktiivin (EU) 2018/1972 liitteen I A osan 1 kohta",
            "anx_I.prt_A.pnt_1",
        ),
    ] {
        assert_eq!(cited(text), [format!("{EECC}#{unit}")], "{text}");
    }
    let in_part = Context {
        celex: Some(EECC),
        unit: Some("anx_I.prt_A.pnt_2"),
    };
    assert_eq!(
        ids("point 3", &in_part),
        [format!("{EECC}#anx_I.prt_A.pnt_3")]
    );
    assert_eq!(
        ids("point 1 of Part B", &in_part),
        [format!("{EECC}#anx_I.prt_B.pnt_1")]
    );
    // A part outside an annex is no unit id: the article stands alone.
    let in_article = Context {
        celex: Some(EECC),
        unit: Some("art_5"),
    };
    assert_eq!(ids("Part B", &in_article), Vec::<String>::new());
    assert_eq!(
        cited("bilaga I punkt 2 till direktiv (EU) 2018/1972"),
        [format!("{EECC}#anx_I.pnt_2")]
    );
}

#[test]
fn a_unit_pointing_back_belongs_to_the_act_named_before() {
    const TFEU: &str = "12012E/TXT";
    let gdpr = Context {
        celex: Some(GDPR),
        unit: Some("rct_1"),
    };
    for text in [
        "Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16 thereof,",
        "vu le TFUE, et notamment son article 16,",
        "visto el TFUE y, en particular, su artículo 16,",
        "uwzględniając TFUE, w szczególności jego art. 16,",
        "tekintettel az EUMSZ-re és különösen annak 16. cikkére,",
    ] {
        assert_eq!(
            ids(text, &gdpr),
            [TFEU, &format!("{TFEU}#art_16")],
            "{text}"
        );
        assert_eq!(cited(text), [TFEU, &format!("{TFEU}#art_16")], "{text}");
    }
    // Nothing named before: not resolvable, and never the act itself.
    assert_eq!(
        ids("and in particular Article 16 thereof", &gdpr),
        Vec::<String>::new()
    );
    // The act must be named in the same sentence; a possessive without one is the text's own.
    assert_eq!(
        ids(
            "Regulation (EU) 2016/679 applies. The programme is set out in its Article 83.",
            &gdpr
        ),
        [GDPR, &format!("{GDPR}#art_83")]
    );
    let dsa = Context {
        celex: Some("32022R2065"),
        unit: Some("art_19.par_1"),
    };
    assert_eq!(
        ids(
            "définies dans la directive 2011/93/UE. La présente section, à l’exception de son article 24, paragraphe 3, ne s’applique pas",
            &dsa
        ),
        ["32011L0093", "32022R2065#art_24.par_3"]
    );
    assert_eq!(
        ids(
            "as defined in Directive 2011/93/EU. Status is lost pursuant to Article 4(2) thereof",
            &dsa
        ),
        ["32011L0093"]
    );
    assert_eq!(
        cited("rights recognised by the Charter, in particular in Articles 7 and 8 thereof"),
        ["12012P/TXT#art_7", "12012P/TXT#art_8"]
    );
    // A parenthesised abbreviation after the full name (Hungarian puts the act first).
    assert_eq!(
        cited("az Európai Unió működéséről szóló szerződés (EUMSZ) 16. cikkének (1) bekezdése"),
        [format!("{TFEU}#art_16.par_1")]
    );
    // Own-act references are unchanged.
    assert_eq!(ids("Article 6", &gdpr), [format!("{GDPR}#art_6")]);
    assert_eq!(
        ids("Article 5 of Directive 2002/58/EC and Article 6", &gdpr),
        [format!("{EPRIVACY}#art_5"), format!("{GDPR}#art_6")]
    );
}

#[test]
fn the_preamble_citations_never_cite_the_act_they_open() {
    let citation = Context {
        celex: Some(GDPR),
        unit: Some("cit_1"),
    };
    for text in [
        "Gezien het Verdrag betreffende de werking van de Europese Unie, en met name artikel 16,",
        "gestützt auf den Vertrag über die Arbeitsweise der Europäischen Union, insbesondere auf Artikel 16,",
    ] {
        assert_eq!(ids(text, &citation), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        ids(
            "Having regard to Regulation (EU) 2016/679, and in particular Article 6 thereof",
            &citation
        ),
        [GDPR, &format!("{GDPR}#art_6")]
    );
}

#[test]
fn inflected_and_national_forms() {
    for (text, expected) in [
        (
            "articolul 6 alineatul (1) litera (f) din RGPD",
            "32016R0679#art_6.par_1.pnt_f",
        ),
        (
            "articolul 6 alineatul (1) litera (f) din GDPR",
            "32016R0679#art_6.par_1.pnt_f",
        ),
        (
            "az (EU) 2016/679 rendelet 5. cikke (1) bekezdésének b) pontjával",
            "32016R0679#art_5.par_1.pnt_b",
        ),
        (
            "az (EU) 2016/679 rendelet 5. cikke (1) bekezdésének b) pontjához",
            "32016R0679#art_5.par_1.pnt_b",
        ),
        ("asetuksen (EU) 2016/679 3 a artikla", "32016R0679#art_3a"),
        ("3 a artikla asetuksen (EU) 2016/679", "32016R0679#art_3a"),
        (
            "asetuksen (EU) 2016/679 3 a artiklan 1 kohta",
            "32016R0679#art_3a.par_1",
        ),
        (
            "artikel 3.1 a i förordning (EU) 2016/679",
            "32016R0679#art_3.par_1.pnt_a",
        ),
    ] {
        assert_eq!(cited(text), [expected], "{text}");
    }
    // Finnish lists keep their connectors: `5 ja 6 artikla` are two articles.
    assert_eq!(
        cited("asetuksen (EU) 2016/679 5 ja 6 artikla"),
        ["32016R0679#art_5", "32016R0679#art_6"]
    );
    // Swedish writes a point's letter bare after its paragraph's number.
    let in_article = Context {
        celex: Some(GDPR),
        unit: Some("art_3.par_2"),
    };
    assert_eq!(
        ids("punkt 1 a i förordning (EU) 2016/679", &in_article),
        ["32016R0679#art_3.par_1.pnt_a"]
    );
    assert_eq!(
        ids(
            "de skyldigheter som avses i punkt 1 a offentliggörs",
            &in_article
        ),
        ["32016R0679#art_3.par_1.pnt_a"]
    );
    // Slovenian EU style (unit word first) reads as before next to the national style.
    assert_eq!(
        cited("odstavek 1 člena 6 Uredbe (EU) 2016/679"),
        ["32016R0679#art_6.par_1"]
    );
    assert_eq!(
        cited("5. in 6. člen Uredbe (EU) 2016/679"),
        ["32016R0679#art_5", "32016R0679#art_6"]
    );
    // Irish eclipses `pointe` after `i` (`i bpointe (a) de mhír 1`).
    assert_eq!(
        ids("dá dtagraítear i bpointe (a) de mhír 1", &in_article),
        ["32016R0679#art_3.par_1.pnt_a"]
    );
    // Elsewhere a letter after a paragraph's number is no point (`paragraph 1 a Member State`).
    assert_eq!(
        ids("paragraph 1 a Member State may", &in_article),
        ["32016R0679#art_3.par_1"]
    );
    assert_eq!(
        ids("odstavec 1 a 2", &in_article),
        ["32016R0679#art_3.par_1", "32016R0679#art_3.par_2"]
    );
}
