//! Formex 4 XML (`ACT`, `CONS.ACT`, the `LEXP.COMBINED` wrapper) and any other XML.
//!
//! Read as a stream with quick-xml: DTDs are never read and entity references other than
//! the five predefined ones and character references are dropped, so entity bombs and
//! external entities (XXE) cannot expand. Bibliographic containers feed the metadata, never
//! the text; footnotes (`NOTE`, written inline where they are referenced) are lifted out
//! into note blocks; the structural elements give blocks their [`Role`].

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::clean::decode;
use super::sink::BlockSink;
use super::{ExtractError, Extracted, Metadata, Role};
use crate::lang::Lang;
use crate::limits;
use crate::model::Date;

/// Extracts a Formex (or other XML) file.
pub fn extract(bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let text = decode(bytes, None)?;
    let mut walker = Walker::default();
    walker.walk(&text)?;
    Ok(vec![walker.finish()])
}

/// Containers whose text is bibliographic data, not the act's text.
const METADATA: &[&str] = &[
    "BIB.INSTANCE",
    "BIB.INSTANCE.CONS",
    "BIB.DATA",
    "FAM.COMP",
    "GR.CORRIG",
    "GR.MOD.ACT",
    "INFO.CONSLEG",
    "INFO.PROD",
    "INCLUSIONS",
    "IMG.CNT",
    "MOD.ACT",
];

/// Elements that flow inside a block instead of delimiting one.
const INLINE: &[&str] = &[
    "HT",
    "DATE",
    "REF.DOC.OJ",
    "REF.DOC",
    "REF.DOC.ECR",
    "QUOT.START",
    "QUOT.END",
    "FT",
    "IE",
    "EXPONENT",
    "INDEX",
    "URL",
    "ADDR",
    "LINK",
    "NO.P",
    "NO.PARAG",
    "QUOT.S",
    "SUB",
    "SUP",
    "BR",
];

#[derive(Default)]
struct Walker {
    sink: BlockSink,
    current: String,
    /// Names of the open elements (up to the depth cap).
    stack: Vec<String>,
    /// Open elements beyond the depth cap.
    overflow: usize,
    /// Depth of the open metadata container, if inside one.
    in_metadata: Option<usize>,
    /// Text of the open footnote, kept apart from the block it interrupts.
    note: Option<(usize, String)>,
    notes: Vec<String>,
    meta: Metadata,
    /// The element whose text is being read for metadata.
    reading: Option<MetaField>,
    meta_text: String,
    /// The first date inside the document title: the act's own date.
    title_date: Option<Date>,
    /// An inline element opened or closed: a space goes between two words it separates
    /// (Formex often writes `vom<DATE>15. Mai</DATE>über`).
    soft_space: bool,
    instance_date: Option<Date>,
    /// Inside a provision a consolidation marks deleted: the id of the instruction that
    /// closes it. Its text is no longer law and is left out.
    deleted_until: Option<String>,
    /// `TYPE` of each open `LIST`, innermost last.
    lists: Vec<String>,
    /// An `ITEM` of a dash list opened: its first block gets the dash the markup leaves to
    /// the renderer, so the segmenter sees an indent.
    dash_due: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MetaField {
    Celex,
    Lang,
}

impl Walker {
    fn walk(&mut self, text: &str) -> Result<(), ExtractError> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = false;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| malformed(&reader, &e.to_string()))?;
            match event {
                Event::Start(start) => self.open(&start),
                Event::Empty(start) => {
                    self.open(&start);
                    self.close(start.name().as_ref());
                }
                Event::End(end) => self.close(end.name().as_ref()),
                Event::Text(t) => self.text(&t.xml10_content()),
                Event::CData(c) => self.text(&c.xml10_content()),
                Event::GeneralRef(r) => self.text(&resolve_reference(&r)),
                Event::PI(instruction) => self.instruction(&instruction),
                Event::Eof => break,
                _ => {}
            }
        }
        self.flush();
        Ok(())
    }

    fn depth(&self) -> usize {
        self.stack.len() + self.overflow
    }

    fn open(&mut self, start: &BytesStart<'_>) {
        let name = start.name().as_ref().to_string();
        if self.stack.len() >= limits::MAX_MARKUP_DEPTH {
            self.overflow += 1;
            return;
        }
        if self.in_metadata.is_none() && METADATA.contains(&name.as_str()) {
            self.in_metadata = Some(self.depth() + 1);
        }
        self.read_attributes(&name, start);
        match name.as_str() {
            "QUOT.START" | "QUOT.END" => self.text(&quote_char(start)),
            "NOTE" if self.in_metadata.is_none() && self.note.is_none() => {
                self.note = Some((self.depth() + 1, String::new()))
            }
            "LIST" => self
                .lists
                .push(attribute(start, "TYPE").unwrap_or_default()),
            "ITEM" => {
                self.dash_due = self
                    .lists
                    .last()
                    .is_some_and(|kind| matches!(kind.as_str(), "DASH" | "NDASH" | "BULLET"));
            }
            "NO.CELEX" => self.start_reading(MetaField::Celex),
            "LG.DOC" => self.start_reading(MetaField::Lang),
            _ => {}
        }
        if INLINE.contains(&name.as_str()) {
            self.soft_space = !is_script_position(start);
        } else if self.note.is_none() {
            self.flush();
        }
        self.stack.push(name);
    }

    fn close(&mut self, name: &str) {
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let depth = self.depth();
        if INLINE.contains(&name) {
            self.soft_space = true;
        } else if self.note.is_none() {
            self.flush();
        } else if let Some((_, note)) = self.note.as_mut() {
            note.push(' ');
        }
        if self.note.as_ref().is_some_and(|(d, _)| *d == depth)
            && let Some((_, text)) = self.note.take()
        {
            self.notes.push(text);
            self.soft_space = true;
        }
        if self.reading.is_some() && matches!(name, "NO.CELEX" | "LG.DOC") {
            self.finish_reading();
        }
        if self.in_metadata == Some(depth) {
            self.in_metadata = None;
        }
        match name {
            "LIST" => {
                self.lists.pop();
            }
            "ITEM" => self.dash_due = false,
            _ => {}
        }
        self.stack.pop();
    }

    /// Consolidated Formex brackets each amendment with `<?CLG.MDFO ID=… IDREF=…
    /// ACTION=…?>` and `<?CLG.MDFC ID=…?>` instructions; a `DELETED` one is skipped up to
    /// its closing instruction, as the HTML consolidation shows only a line in its place.
    fn instruction(&mut self, content: &str) {
        if let Some(closing) = &self.deleted_until {
            let closes = content.starts_with("CLG.MDFC")
                && pi_attribute(content, "ID").as_deref() == Some(closing.as_str());
            if closes {
                self.deleted_until = None;
            }
            return;
        }
        let deletes = content.starts_with("CLG.MDFO")
            && pi_attribute(content, "ACTION").as_deref() == Some("DELETED");
        if deletes {
            self.flush();
            self.deleted_until = pi_attribute(content, "IDREF");
        }
    }

    fn text(&mut self, text: &str) {
        if self.deleted_until.is_some() {
            return;
        }
        if self.reading.is_some() {
            self.meta_text.push_str(text);
        }
        if self.in_metadata.is_some() {
            return;
        }
        let soft_space = std::mem::take(&mut self.soft_space);
        let target = match &mut self.note {
            Some((_, note)) => note,
            None => &mut self.current,
        };
        let joins_words =
            target.ends_with(char::is_alphanumeric) && text.starts_with(char::is_alphanumeric);
        if soft_space && joins_words {
            target.push(' ');
        }
        target.push_str(text);
    }

    fn start_reading(&mut self, field: MetaField) {
        self.reading = Some(field);
        self.meta_text.clear();
    }

    fn finish_reading(&mut self) {
        let value = self.meta_text.trim().to_string();
        match self.reading.take() {
            Some(MetaField::Celex) if self.meta.celex.is_none() && !self.inside("CORRIG") => {
                self.meta.celex = Some(value);
            }
            Some(MetaField::Lang) if self.meta.lang.is_none() => {
                self.meta.lang = Lang::from_metadata(&value)
            }
            _ => {}
        }
    }

    /// Dates, consolidation data and nothing else are read from attributes, and only from
    /// the first attributes of an element (an element with 10^6 attributes costs nothing).
    fn read_attributes(&mut self, name: &str, start: &BytesStart<'_>) {
        match name {
            "DATE" => {
                let Some(date) = attribute(start, "ISO").and_then(|v| iso_date(&v)) else {
                    return;
                };
                if self.inside("TITLE") && self.in_metadata.is_none() {
                    self.title_date = self.title_date.or(Some(date));
                } else if self.stack.last().is_some_and(|p| p == "BIB.INSTANCE") {
                    self.instance_date = self.instance_date.or(Some(date));
                }
            }
            "INFO.CONSLEG" => {
                self.meta.consolidated = attribute(start, "START.DATE").and_then(|v| iso_date(&v));
                if let Some(reference) = attribute(start, "CONSLEG.REF") {
                    self.meta.celex = Some(format!("3{reference}"));
                }
            }
            _ => {}
        }
    }

    fn inside(&self, name: &str) -> bool {
        self.stack.iter().any(|n| n == name)
    }

    /// The role the innermost structural element gives the current block.
    fn role(&self) -> Role {
        for (i, name) in self.stack.iter().enumerate().rev() {
            let parent = i
                .checked_sub(1)
                .and_then(|p| self.stack.get(p))
                .map(String::as_str);
            if let Some(role) = role_of(name, parent) {
                return role;
            }
        }
        Role::Body
    }

    fn flush(&mut self) {
        if self.current.trim().is_empty() {
            self.current.clear();
        } else {
            if std::mem::take(&mut self.dash_due)
                && !self.current.trim_start().starts_with(['—', '–', '-', '•'])
            {
                self.current.insert_str(0, "— ");
            }
            let role = self.role();
            self.sink.push(&self.current, role);
            self.current.clear();
        }
        for note in std::mem::take(&mut self.notes) {
            self.sink.push(&note, Role::Note);
        }
    }

    fn finish(mut self) -> Extracted {
        self.flush();
        let consolidated = self.meta.consolidated.is_some();
        self.meta.date = if consolidated {
            self.title_date
        } else {
            self.title_date.or(self.instance_date)
        };
        Extracted {
            meta: self.meta,
            blocks: self.sink.finish(),
            flattened: false,
            cut: None,
        }
    }
}

fn role_of(name: &str, parent: Option<&str>) -> Option<Role> {
    let role = match (name, parent) {
        ("VISA", _) => Role::Citation,
        ("CONSID", _) => Role::Recital,
        ("PREAMBLE.FINAL", _) => Role::Enacting,
        ("TI.ART", _) => Role::ArticleHeading,
        ("STI.ART", _) => Role::ArticleTitle,
        ("FINAL" | "SIGNATURE", _) => Role::Final,
        ("NOTE" | "GR.NOTES", _) => Role::Note,
        ("TITLE", Some("ACT" | "CONS.DOC" | "CONS.ACT")) => Role::Title,
        ("TITLE", Some("ANNEX" | "CONS.ANNEX")) => Role::AnnexHeading,
        ("TITLE" | "TI.BLK" | "STI.BLK", _) => Role::Heading,
        _ => return None,
    };
    Some(role)
}

/// The value of `key="…"` in the content of a processing instruction.
fn pi_attribute(content: &str, key: &str) -> Option<String> {
    let start = content.find(&format!(" {key}=\""))? + key.len() + 3;
    let rest = content.get(start..)?;
    let end = rest.find('"')?;
    rest.get(..end).map(str::to_string)
}

/// Superscripts and subscripts belong to the word they touch (`m<HT TYPE="SUP">2</HT>`).
fn is_script_position(start: &BytesStart<'_>) -> bool {
    matches!(attribute(start, "TYPE").as_deref(), Some("SUP" | "SUB"))
}

/// The value of attribute `key`, looking at no more than the cap of attributes.
fn attribute(start: &BytesStart<'_>, key: &str) -> Option<String> {
    start
        .attributes()
        .take(limits::MAX_XML_ATTRIBUTES)
        .filter_map(Result::ok)
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// `QUOT.START CODE="2018"` is the character U+2018.
fn quote_char(start: &BytesStart<'_>) -> String {
    attribute(start, "CODE")
        .and_then(|code| u32::from_str_radix(&code, 16).ok())
        .and_then(char::from_u32)
        .map(String::from)
        .unwrap_or_else(|| "\"".to_string())
}

/// Character references and the predefined entities; anything else is dropped, never expanded.
fn resolve_reference(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name: &str = &reference.xml10_content();
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => " ",
        _ => "",
    }
    .to_string()
}

fn iso_date(value: &str) -> Option<Date> {
    let digits = value.get(..8)?;
    Date::new(
        digits.get(..4)?.parse().ok()?,
        digits.get(4..6)?.parse().ok()?,
        digits.get(6..8)?.parse().ok()?,
    )
}

fn malformed(reader: &Reader<&[u8]>, reason: &str) -> ExtractError {
    ExtractError::Malformed {
        format: "xml",
        reason: format!("byte {}: {reason}", reader.buffer_position()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> Extracted {
        extract(xml.as_bytes()).unwrap().remove(0)
    }

    fn texts(out: &Extracted) -> Vec<(&str, Role)> {
        out.blocks
            .iter()
            .map(|b| (b.text.as_str(), b.role))
            .collect()
    }

    #[test]
    fn act_structure_and_metadata() {
        let out = run(
            r#"<ACT><BIB.INSTANCE><DATE ISO="20160427">x</DATE><LG.DOC>EN</LG.DOC></BIB.INSTANCE>
            <TITLE><TI><P>Regulation (EU) 2016/679</P><P>of <DATE ISO="20160427">27 April 2016</DATE></P></TI></TITLE>
            <PREAMBLE><PREAMBLE.INIT>THE PARLIAMENT,</PREAMBLE.INIT><GR.VISA><VISA>Having regard to the Treaty<NOTE NOTE.ID="E1"><P>OJ C 1.</P></NOTE>,</VISA></GR.VISA>
            <GR.CONSID><CONSID><NP><NO.P>(1)</NO.P><TXT>The protection.</TXT></NP></CONSID></GR.CONSID><PREAMBLE.FINAL>HAVE ADOPTED THIS REGULATION:</PREAMBLE.FINAL></PREAMBLE>
            <ENACTING.TERMS><ARTICLE IDENTIFIER="004"><TI.ART>Article 4</TI.ART><STI.ART>Definitions</STI.ART>
            <ALINEA><P>For the purposes:</P><LIST><ITEM><NP><NO.P>(1)</NO.P><TXT><QUOT.START CODE="2018"/>personal data<QUOT.END CODE="2019"/> means</TXT></NP></ITEM></LIST></ALINEA></ARTICLE></ENACTING.TERMS></ACT>"#,
        );
        assert_eq!(out.meta.lang, Some(Lang::En));
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2016-04-27")
        );
        assert_eq!(
            texts(&out),
            [
                ("Regulation (EU) 2016/679", Role::Title),
                ("of 27 April 2016", Role::Title),
                ("THE PARLIAMENT,", Role::Body),
                ("Having regard to the Treaty,", Role::Citation),
                ("OJ C 1.", Role::Note),
                ("(1) The protection.", Role::Recital),
                ("HAVE ADOPTED THIS REGULATION:", Role::Enacting),
                ("Article 4", Role::ArticleHeading),
                ("Definitions", Role::ArticleTitle),
                ("For the purposes:", Role::Body),
                ("(1) ‘personal data’ means", Role::Body),
            ]
        );
    }

    #[test]
    fn inline_elements_separate_words() {
        let out = run(
            r#"<ACT><TITLE><TI><P><HT TYPE="UC">Richtlinie</HT>2014/65/EU<HT TYPE="UC">des Rates</HT></P><P>vom<DATE ISO="20140515">15. Mai 2014</DATE>über m<HT TYPE="SUP">2</HT>, (<REF.DOC.OJ>ABl. L 173</REF.DOC.OJ>)</P></TI></TITLE></ACT>"#,
        );
        assert_eq!(
            texts(&out),
            [
                ("Richtlinie 2014/65/EU des Rates", Role::Title),
                ("vom 15. Mai 2014 über m2, (ABl. L 173)", Role::Title)
            ]
        );
    }

    #[test]
    fn items_of_a_dash_list_are_indents_of_their_point() {
        let out = run(
            r#"<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 3</TI.ART><ALINEA><P>Aux fins du présent règlement:</P><LIST TYPE="alpha"><ITEM><NP><NO.P>a)</NO.P><TXT>«lien»: selon des critères tels que:</TXT><P><LIST TYPE="DASH"><ITEM><P>un nombre de loutres; ou</P></ITEM><ITEM><NP><NO.P>—</NO.P><TXT>le ciblage des blaireaux;</TXT></NP></ITEM></LIST></P></NP></ITEM><ITEM><NP><NO.P>b)</NO.P><TXT>«service»: un service;</TXT></NP></ITEM></LIST></ALINEA></ARTICLE></ENACTING.TERMS></ACT>"#,
        );
        let texts: Vec<&str> = out.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts[3..],
            [
                "— un nombre de loutres; ou",
                "— le ciblage des blaireaux;",
                "b) «service»: un service;"
            ]
        );
        let units = crate::legal::units::segment(&out.blocks, true);
        let point_a = units
            .iter()
            .find(|u| u.id.as_deref() == Some("art_3.pnt_a"))
            .unwrap();
        assert!(point_a.text.ends_with("— le ciblage des blaireaux;"));
        let article = units
            .iter()
            .find(|u| u.id.as_deref() == Some("art_3"))
            .unwrap();
        assert_eq!(article.text, "Aux fins du présent règlement:");
    }

    #[test]
    fn consolidated_act_gives_base_celex_and_version_date() {
        let out = run(
            r#"<CONS.ACT><INFO.CONSLEG CONSLEG.REF="2016R0679" START.DATE="20160504"/><CONS.DOC><BIB.DATA><NO.CELEX>32016R0679</NO.CELEX></BIB.DATA><ENACTING.TERMS><P>Text</P></ENACTING.TERMS></CONS.DOC></CONS.ACT>"#,
        );
        assert_eq!(out.meta.celex.as_deref(), Some("32016R0679"));
        assert_eq!(
            out.meta.consolidated.map(|d| d.to_string()).as_deref(),
            Some("2016-05-04")
        );
        assert_eq!(texts(&out), [("Text", Role::Body)]);
    }

    #[test]
    fn entity_bombs_and_external_entities_are_not_expanded() {
        let xml = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><P>a&lol2;b&xxe;c &amp; d</P>"#;
        let out = run(xml);
        assert_eq!(texts(&out), [("abc & d", Role::Body)]);
    }

    #[test]
    fn deep_nesting_is_flattened_beyond_the_cap() {
        let depth = 100_000;
        let xml = format!("{}deep{}", "<P>".repeat(depth), "</P>".repeat(depth));
        let out = run(&xml);
        assert_eq!(texts(&out), [("deep", Role::Body)]);
    }

    #[test]
    fn provisions_deleted_by_a_consolidation_are_left_out() {
        let xml = r#"<CONS.ACT><ENACTING.TERMS>
            <ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>In force.</ALINEA></ARTICLE>
            <?CLG.MDFO ID="O1" IDREF="C1" ACTION="DELETED" LEVEL="STRUCTURE"?>
            <ARTICLE><TI.ART>Article 2</TI.ART><ALINEA>Repealed text.</ALINEA></ARTICLE>
            <?CLG.MDFC ID="C1" IDREF="O1"?>
            <?CLG.MDFO ID="O2" IDREF="C2" ACTION="REPLACED"?>
            <ARTICLE><TI.ART>Article 3</TI.ART><ALINEA>Replaced text.</ALINEA></ARTICLE>
            <?CLG.MDFC ID="C2" IDREF="O2"?>
            </ENACTING.TERMS></CONS.ACT>"#;
        let out = run(xml);
        let all: Vec<&str> = texts(&out).into_iter().map(|(t, _)| t).collect();
        assert!(all.contains(&"In force."));
        assert!(all.contains(&"Replaced text."));
        assert!(
            !all.iter()
                .any(|t| t.contains("Repealed") || *t == "Article 2")
        );
    }

    #[test]
    fn malformed_xml_is_an_error_with_a_position() {
        let err = extract(b"<ACT><P>text</ACT").unwrap_err().to_string();
        assert!(err.starts_with("malformed xml: byte"), "{err}");
    }
}
