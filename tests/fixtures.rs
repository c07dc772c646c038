//! Small documents the tests write themselves: a fictional act in two languages (OJ-style
//! XHTML and Formex), a statement citing it, a blog post, a crawl record.

#![allow(dead_code)] // each test binary uses its own subset of these fixtures

/// A fictional regulation in English, OJ XHTML with ELI markup.
pub const ACT_EN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>L_2099001EN.01000101.xml</title></head><body>
<table><tr><td><p class="oj-hd-date">5.1.2099</p></td><td><p class="oj-hd-lg">EN</p></td></tr></table>
<div class="eli-main-title"><p class="oj-doc-ti">REGULATION (EU) 2099/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</p>
<p class="oj-doc-ti">of 3 January 2099</p><p class="oj-doc-ti">on the safekeeping of lighthouse logbooks</p></div>
<div id="pbl_1"><p class="oj-normal">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>
<div id="cit_1"><p class="oj-normal">Having regard to the Treaty on the Functioning of the European Union,</p></div>
<div id="cit_2"><p class="oj-normal">Having regard to the proposal from the European Commission,</p></div>
<p class="oj-normal">Whereas:</p>
<div id="rct_1"><table><tr><td><p class="oj-normal">(1)</p></td><td><p class="oj-normal">Lighthouse keepers record the weather in logbooks that deserve protection.</p></td></tr></table></div>
<div id="rct_2"><table><tr><td><p class="oj-normal">(2)</p></td><td><p class="oj-normal">The consent of a keeper should be required before a logbook is copied.</p></td></tr></table></div>
<p class="oj-normal">HAVE ADOPTED THIS REGULATION:</p></div>
<div id="enc_1"><p class="oj-ti-section-1">CHAPTER I</p><p class="oj-ti-section-2">General provisions</p>
<div id="art_1"><p class="oj-ti-art">Article 1</p><p class="oj-sti-art">Definitions</p>
<p class="oj-normal">For the purposes of this Regulation:</p>
<table><tr><td><p class="oj-normal">(1)</p></td><td><p class="oj-normal">‘logbook’ means a bound record of weather observations kept by a keeper (‘keeper’s record’);</p></td></tr></table>
<table><tr><td><p class="oj-normal">(2)</p></td><td><p class="oj-normal">‘keeper’ means a person who tends a lighthouse.</p></td></tr></table></div>
<div id="art_2"><p class="oj-ti-art">Article 2</p><p class="oj-sti-art">Lawfulness of copying</p>
<div id="002.001"><p class="oj-normal">1.   Copying a logbook shall be lawful only if:</p>
<table><tr><td><p class="oj-normal">(a)</p></td><td><p class="oj-normal">the keeper has given consent to the copying;</p></td></tr></table>
<table><tr><td><p class="oj-normal">(b)</p></td><td><p class="oj-normal">copying is necessary to protect ships at sea.</p></td></tr></table></div>
<div id="002.002"><p class="oj-normal">2.   Point (a) of paragraph 1 shall not apply to children under 16.</p></div></div>
<div id="art_3"><p class="oj-ti-art">Article 3</p><p class="oj-sti-art">Entry into force</p>
<p class="oj-normal">This Regulation shall enter into force on the twentieth day following that of its publication.</p></div></div>
<div class="oj-final"><p class="oj-normal">This Regulation shall be binding in its entirety and directly applicable in all Member States.</p>
<p class="oj-normal">Done at Brussels, 3 January 2099.</p></div>
<p class="oj-note">(1) OJ C 1, 1.1.2099, p. 1.</p>
</body></html>"#;

/// The same act in French, as Formex.
pub const ACT_FR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ACT><BIB.INSTANCE><DATE ISO="20990103">20990103</DATE><LG.DOC>FR</LG.DOC></BIB.INSTANCE>
<TITLE><TI><P>RÈGLEMENT (UE) 2099/1 DU PARLEMENT EUROPÉEN ET DU CONSEIL</P><P>du <DATE ISO="20990103">3 janvier 2099</DATE></P><P>relatif à la conservation des journaux de phare</P></TI></TITLE>
<PREAMBLE><PREAMBLE.INIT>LE PARLEMENT EUROPÉEN ET LE CONSEIL DE L’UNION EUROPÉENNE,</PREAMBLE.INIT>
<GR.VISA><VISA>vu le traité sur le fonctionnement de l’Union européenne,</VISA><VISA>vu la proposition de la Commission européenne,</VISA></GR.VISA>
<GR.CONSID><GR.CONSID.INIT>considérant ce qui suit:</GR.CONSID.INIT>
<CONSID><NP><NO.P>(1)</NO.P><TXT>Les gardiens de phare consignent la météo dans des journaux qui méritent une protection.</TXT></NP></CONSID>
<CONSID><NP><NO.P>(2)</NO.P><TXT>Le consentement d’un gardien devrait être requis avant toute copie d’un journal.</TXT></NP></CONSID></GR.CONSID>
<PREAMBLE.FINAL>ONT ADOPTÉ LE PRÉSENT RÈGLEMENT:</PREAMBLE.FINAL></PREAMBLE>
<ENACTING.TERMS><DIVISION><TITLE><TI><P>CHAPITRE I</P></TI><STI><P>Dispositions générales</P></STI></TITLE>
<ARTICLE IDENTIFIER="001"><TI.ART>Article premier</TI.ART><STI.ART>Définitions</STI.ART><ALINEA><P>Aux fins du présent règlement, on entend par:</P>
<LIST><ITEM><NP><NO.P>1)</NO.P><TXT><QUOT.START CODE="00AB"/>journal<QUOT.END CODE="00BB"/>, un registre relié d’observations météorologiques tenu par un gardien;</TXT></NP></ITEM>
<ITEM><NP><NO.P>2)</NO.P><TXT><QUOT.START CODE="00AB"/>gardien<QUOT.END CODE="00BB"/>, une personne qui s’occupe d’un phare.</TXT></NP></ITEM></LIST></ALINEA></ARTICLE>
<ARTICLE IDENTIFIER="002"><TI.ART>Article 2</TI.ART><STI.ART>Licéité de la copie</STI.ART>
<PARAG IDENTIFIER="002.001"><NO.PARAG>1.</NO.PARAG><ALINEA><P>La copie d’un journal n’est licite que si:</P><LIST><ITEM><NP><NO.P>a)</NO.P><TXT>le gardien a consenti à la copie;</TXT></NP></ITEM><ITEM><NP><NO.P>b)</NO.P><TXT>la copie est nécessaire pour protéger les navires en mer.</TXT></NP></ITEM></LIST></ALINEA></PARAG>
<PARAG IDENTIFIER="002.002"><NO.PARAG>2.</NO.PARAG><ALINEA>Le paragraphe 1, point a), ne s’applique pas aux enfants de moins de 16 ans.</ALINEA></PARAG></ARTICLE>
<ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><STI.ART>Entrée en vigueur</STI.ART><ALINEA>Le présent règlement entre en vigueur le vingtième jour suivant celui de sa publication.</ALINEA></ARTICLE></DIVISION></ENACTING.TERMS>
<FINAL><P>Le présent règlement est obligatoire dans tous ses éléments et directement applicable dans tout État membre.</P></FINAL></ACT>"#;

/// A statement citing the act.
pub const STATEMENT: &str = "---\ntitle: \"Keepers welcome the logbook rules\"\ndate: 2099-02-01\nlang: en\nauthor: Lighthouse Keepers Union\n---\n\n# Our position\n\nThe union welcomes Article 2(1)(a) of Regulation (EU) 2099/1, which makes the consent of a keeper necessary.\n\nWe still worry about storms and about the children of keepers.\n";

/// A blog post in Dutch.
pub const BLOG_NL: &str = "---\ntitle: \"Vuurtorens en logboeken\"\ndate: 2099-03-15\ncategory: blog\n---\n\nDe vuurtorenwachters schrijven elke dag het weer in hun logboeken. Toestemming van de wachter is nodig voordat iemand een logboek kopieert.\n";

/// The files of the small corpus, by path.
pub fn small_corpus() -> Vec<(&'static str, &'static [u8])> {
    vec![
        ("legislation/32099R0001/en.oj.xhtml", ACT_EN.as_bytes()),
        ("legislation/32099R0001/fr.fmx.xml", ACT_FR.as_bytes()),
        ("statements/keepers-union.md", STATEMENT.as_bytes()),
        ("blog/nl_vuurtorens.md", BLOG_NL.as_bytes()),
        (
            "notes/weather.txt",
            b"Plain notes about the weather at sea.\n\nA second paragraph about storms.",
        ),
    ]
}
