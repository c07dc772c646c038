//! The search page in a real headless browser: chromium, driven through chromedriver over the
//! W3C WebDriver protocol (JSON over HTTP/1.1, spoken here with a plain `TcpStream`), against
//! `polidex serve` on a generated corpus. It types queries, filters by language, opens hits in
//! the parallel view, follows a citation and cited-by, pages, feeds the page hostile text, and
//! checks accessibility basics and a phone-sized viewport.
//!
//! Needs `chromium` and `chromedriver` (Debian: `apt-get install chromium chromium-driver`),
//! found on `PATH` or named by `$POLIDEX_CHROMIUM` and `$POLIDEX_CHROMEDRIVER`. Without them
//! the test is skipped with a printed reason, except under `CI=true`, where it fails.

mod fixtures;
mod util;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long a wait for the page, or for a process to announce itself, may take.
const WAIT: Duration = Duration::from_secs(30);
/// How long one WebDriver command may take (starting chromium is the slowest).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(90);
/// The key of an element reference in WebDriver JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// The WebDriver code of the Enter key.
const ENTER: &str = "\u{E007}";
/// Documents that all contain "tide": two pages of the page's 20 hits.
const TIDE_DOCUMENTS: usize = 25;
/// The hit count the search page shows per page.
const PAGE_SIZE: usize = 20;
/// A function body listing the language of each hit's snippet.
const HIT_LANGUAGES: &str =
    "return [...document.querySelectorAll('#hits li .snippet')].map((p) => p.lang);";
/// A citation of the fictional act, as a user would type it…
const CITATION: &str = "Article 2(1)(a) of Regulation (EU) 2099/1";
/// …and the unit it names, which the page must open.
const CITED_ID: &str = "32099R0001#art_2.par_1.pnt_a";
/// Text that runs script if the page ever inserts it as HTML; it sets `window.polidexPwned`.
/// The long unbroken reference checks that the page wraps what it cannot break.
const HOSTILE_TEXT: &str = concat!(
    "Kraken sighting <script>window.polidexPwned = 'script'</script> reported with ",
    "<img src=x onerror=\"window.polidexPwned = 'img'\"> and <b>bold</b> claims, see ",
    "eli/reg/2099/1/oj/kraken-sightings-annex-with-a-very-long-unbroken-reference-",
    "0123456789012345678901234567890123456789012345678901234567890123456789.\n",
);

#[test]
fn search_page_works_in_a_headless_browser() {
    let Some(tools) = browser_tools() else {
        return;
    };
    let corpus = browser_corpus();
    let index = tempfile::tempdir().expect("temp dir for the index");
    util::index_into(corpus.path(), index.path());
    let server = Server::start(index.path());
    let browser = Browser::start(&tools);

    browser.open(&server.base);
    page_is_accessible(&browser);
    search_highlights_the_matched_words(&browser);
    language_filter_keeps_only_that_language(&browser);
    opened_hit_shows_its_languages_side_by_side(&browser);
    citation_opens_the_cited_unit_and_its_citers(&browser);
    next_and_previous_page_through_the_hits(&browser);
    hostile_text_is_shown_as_text(&browser);
    the_query_survives_a_reload(&browser, &server.base);
    narrow_viewport_has_no_horizontal_overflow(&browser);
}

// ---- the steps -------------------------------------------------------------------------------

fn page_is_accessible(browser: &Browser) {
    let page = browser.wait(
        "the page to load",
        "return document.readyState === 'complete' && {
           unlabelled: [...document.querySelectorAll('input, select')]
             .filter((e) => !e.labels.length || !e.labels[0].textContent.trim()).map((e) => e.id),
           queryLabel: document.getElementById('q').labels[0].textContent.trim(),
           focused: document.activeElement.id,
           live: [...document.querySelectorAll('#results [aria-live], #results [role=status]')]
             .map((e) => e.id),
           landmark: document.querySelector('[role=search]') !== null,
         };",
    );
    assert_eq!(page["unlabelled"], json!([]), "every field has a label");
    assert!(
        page["queryLabel"].as_str().is_some_and(|l| !l.is_empty()),
        "the search input has a label: {page}"
    );
    assert_eq!(page["focused"], "q", "the search input has the focus");
    assert!(
        page["live"].as_array().is_some_and(|l| !l.is_empty()),
        "the results region announces changes (aria-live): {page}"
    );
    assert_eq!(page["landmark"], true, "the form is a search landmark");
}

fn search_highlights_the_matched_words(browser: &Browser) {
    browser.search("consent");
    let announced = browser.wait(
        "hits for 'consent', announced",
        "const status = document.getElementById('status').textContent;
         return document.querySelectorAll('#hits li').length > 0 && /\\d+ hits?\\b/.test(status) && status;",
    );
    assert!(announced.is_string(), "{announced}");
    let marks = highlighted_words(browser);
    assert!(!marks.is_empty(), "hits have highlighted words");
    for mark in &marks {
        assert!(
            mark.to_lowercase().starts_with("consent"),
            "each <mark> is a whole matched word, got {mark:?} (all: {marks:?})"
        );
    }
    assert!(marks.iter().any(|m| m == "consent"), "{marks:?}");
}

fn language_filter_keeps_only_that_language(browser: &Browser) {
    let before = browser.run(HIT_LANGUAGES);
    assert!(
        before
            .as_array()
            .is_some_and(|langs| langs.iter().any(|l| l != "fr")),
        "unfiltered hits include other languages than fr: {before}"
    );
    browser.click_css("#lang option[value=fr]");
    let langs = browser.wait(
        "only French hits",
        &format!(
            "const langs = (() => {{ {HIT_LANGUAGES} }})();
             return langs.length > 0 && langs.every((l) => l === 'fr') && langs;"
        ),
    );
    assert!(langs.is_array(), "{langs}");
    for mark in highlighted_words(browser) {
        assert!(mark.to_lowercase().starts_with("consent"), "{mark:?}");
    }
}

fn opened_hit_shows_its_languages_side_by_side(browser: &Browser) {
    let id = browser.run("return document.querySelector('#hits li .id').textContent;");
    let id = id.as_str().expect("the first hit names its id").to_string();
    browser.click_css("#hits li .id");
    let detail = wait_for_detail(browser, &id);
    let columns = &detail["columns"];
    assert_eq!(
        columns[0]["lang"], "fr",
        "the language of the hit comes first: {detail}"
    );
    assert_eq!(
        columns[1]["lang"], "en",
        "the other language beside it: {detail}"
    );
    assert_eq!(
        columns[0]["units"], columns[1]["units"],
        "both columns show the same units"
    );
    assert_eq!(
        detail["focused"], "detail",
        "focus moves to the opened unit"
    );
    assert!(
        detail["citedBy"].as_str().is_some_and(|c| c.contains(&id)),
        "the detail offers the units citing it: {detail}"
    );
}

fn citation_opens_the_cited_unit_and_its_citers(browser: &Browser) {
    browser.click_css("#lang option[value='']");
    // The detail open from the last step may be this very unit: only the one the citation
    // opens will do, or the click below may meet it while it is being replaced.
    forget_detail(browser);
    browser.search(CITATION);
    let detail = wait_for_detail(browser, CITED_ID);
    assert_eq!(
        detail["columns"].as_array().map(Vec::len),
        Some(2),
        "{detail}"
    );
    assert_eq!(
        detail["columns"][0]["units"][0], "art_2.par_1.pnt_a",
        "{detail}"
    );
    browser.click_css("#detail .cited-by");
    let citing = browser.wait(
        "the units citing the clause",
        "const ids = [...document.querySelectorAll('#hits li .id')].map((b) => b.textContent);
         return /cite/.test(document.getElementById('status').textContent)
           && ids.some((id) => id.startsWith('statements/keepers-union')) && ids;",
    );
    assert!(citing.is_array(), "{citing}");
}

fn next_and_previous_page_through_the_hits(browser: &Browser) {
    browser.search("tide");
    let first = browser.wait(
        "a first page of tide hits",
        &page_state_script(&format!("{TIDE_DOCUMENTS} hits")),
    );
    assert_eq!(
        first["ids"].as_array().map(Vec::len),
        Some(PAGE_SIZE),
        "{first}"
    );
    assert_eq!(
        (&first["previous"], &first["next"]),
        (&json!(false), &json!(true)),
        "only Next is enabled on the first page: {first}"
    );
    for mark in highlighted_words(browser) {
        assert_eq!(
            mark.to_lowercase(),
            "tide",
            "highlights count characters, not UTF-16 units"
        );
    }
    browser.click_css("#next");
    let second = browser.wait("the second page", &page_state_script("page 2 of 2"));
    assert_eq!(
        second["ids"].as_array().map(Vec::len),
        Some(TIDE_DOCUMENTS - PAGE_SIZE),
        "{second}"
    );
    assert!(
        second["ids"].as_array().is_some_and(|ids| ids
            .iter()
            .all(|id| !first["ids"].as_array().is_some_and(|f| f.contains(id)))),
        "the second page shows other hits: {first} {second}"
    );
    assert_eq!(
        (&second["previous"], &second["next"]),
        (&json!(true), &json!(false)),
        "only Previous is enabled on the last page: {second}"
    );
    assert_eq!(
        second["focused"], "prev",
        "focus leaves the disabled Next for Previous"
    );
    browser.click_css("#prev");
    let back = browser.wait("the first page again", &page_state_script("page 1 of 2"));
    assert_eq!(
        back["ids"], first["ids"],
        "Previous returns to the same hits"
    );
}

fn hostile_text_is_shown_as_text(browser: &Browser) {
    browser.search("kraken");
    let snippet = browser.wait(
        "the hostile document's hit",
        "const hit = document.querySelector('#hits li');
         return hit && hit.querySelector('.id').textContent === 'notes/hostile#p_1' && hit.textContent;",
    );
    assert!(
        snippet
            .as_str()
            .is_some_and(|s| s.contains("<script>") || s.contains("<img")),
        "the markup is shown as text: {snippet}"
    );
    assert_no_script_ran(browser, "in the hit list");
    browser.click_css("#hits li .id");
    let detail = browser.wait(
        "the hostile document opened",
        "const detail = document.getElementById('detail');
         return !detail.hidden && detail.querySelector('.parallel') && detail.textContent;",
    );
    assert!(
        detail
            .as_str()
            .is_some_and(|d| d.contains("<script>") && d.contains("onerror")),
        "the markup is shown as text: {detail}"
    );
    assert_no_script_ran(browser, "in the opened document");
}

fn the_query_survives_a_reload(browser: &Browser, base: &str) {
    let search = browser.run("return location.search;");
    assert!(
        search.as_str().is_some_and(|s| s.contains("q=kraken")),
        "the address holds the query: {search}"
    );
    browser.open(&format!("{base}/?q=consent&lang=en"));
    let restored = browser.wait(
        "the search restored from the address",
        "const q = document.getElementById('q').value;
         const lang = document.getElementById('lang').value;
         return document.querySelectorAll('#hits li').length > 0 && [q, lang];",
    );
    assert_eq!(restored, json!(["consent", "en"]));
}

fn narrow_viewport_has_no_horizontal_overflow(browser: &Browser) {
    browser.resize(375, 800);
    let width = browser.run("return window.innerWidth;");
    assert!(
        width.as_u64().is_some_and(|w| w <= 375),
        "the viewport is phone-sized: {width}"
    );
    assert_fits(browser, "hit list");
    browser.search("kraken");
    browser.wait(
        "the hostile document's hit",
        "return document.querySelector('#hits li .id')?.textContent === 'notes/hostile#p_1';",
    );
    browser.click_css("#hits li .id");
    wait_for_detail(browser, "notes/hostile#p_1");
    assert_fits(browser, "a document with a long unbroken reference");
    forget_detail(browser);
    browser.search(CITATION);
    wait_for_detail(browser, CITED_ID);
    assert_fits(browser, "the parallel view");
}

// ---- checks on the page ----------------------------------------------------------------------

/// The text of every `<mark>` in the hits, after checking that each covers whole words.
fn highlighted_words(browser: &Browser) -> Vec<String> {
    let marks = browser.run(
        "return [...document.querySelectorAll('#hits mark')].map((m) => {
           const before = m.previousSibling ? m.previousSibling.textContent.slice(-1) : '';
           const after = m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : '';
           return [before, m.textContent, after];
         });",
    );
    let marks: Vec<[String; 3]> = serde_json::from_value(marks).expect("marks as text triples");
    let is_word_char = |s: &str| s.chars().any(char::is_alphanumeric);
    for [before, mark, after] in &marks {
        assert!(
            !is_word_char(before) && !is_word_char(after),
            "<mark> is cut mid-word: {before:?}[{mark}]{after:?}"
        );
    }
    marks.into_iter().map(|[_, mark, _]| mark).collect()
}

/// The hit ids, the pager's state, once the page line reads `page_text`.
fn page_state_script(page_text: &str) -> String {
    format!(
        "const status = document.getElementById('status').textContent;
         const page = document.getElementById('page').textContent;
         return (status.includes({page_text:?}) || page.includes({page_text:?})) && {{
           ids: [...document.querySelectorAll('#hits li .id')].map((b) => b.textContent),
           previous: !document.getElementById('prev').disabled,
           next: !document.getElementById('next').disabled,
           focused: document.activeElement.id,
         }};"
    )
}

/// Marks the detail shown now, so that [`wait_for_detail`] waits for the next one.
fn forget_detail(browser: &Browser) {
    browser
        .run("document.querySelectorAll('#detail h2').forEach((h) => { h.dataset.seen = '1'; });");
}

/// Waits until the detail shows `id` (in a rendering not marked by [`forget_detail`]);
/// returns its columns (language, unit ids), the focused element and the cited-by control's
/// text.
fn wait_for_detail(browser: &Browser, id: &str) -> Value {
    let script = format!(
        "const detail = document.getElementById('detail');
         const heading = detail.querySelector('h2');
         const columns = [...detail.querySelectorAll('.parallel > article')].map((a) => ({{
           lang: a.lang,
           units: [...a.querySelectorAll('.unit b')].map((b) => b.textContent),
         }}));
         return !detail.hidden && heading && !heading.dataset.seen
           && heading.textContent === {id:?} && columns.length > 0
           && {{ columns, focused: document.activeElement.id,
                 citedBy: detail.querySelector('.cited-by')?.textContent }};"
    );
    browser.wait(&format!("the detail of {id}"), &script)
}

/// No element the hostile text describes exists, and its script never ran.
fn assert_no_script_ran(browser: &Browser, place: &str) {
    // An <img> inserted as HTML fires `onerror` once its request fails: give it the time.
    std::thread::sleep(Duration::from_millis(300));
    let state = browser.run(
        "return { images: document.images.length, scripts: document.scripts.length,
                  bold: document.querySelectorAll('#hits b, .unit b:not(:first-child)').length,
                  pwned: typeof window.polidexPwned };",
    );
    assert_eq!(
        state,
        json!({"images": 0, "scripts": 1, "bold": 0, "pwned": "undefined"}),
        "hostile text {place} was inserted as HTML"
    );
}

/// The page is no wider than the viewport.
fn assert_fits(browser: &Browser, what: &str) {
    let widths = browser.run(
        "return [document.documentElement.scrollWidth, window.innerWidth,
                 [...document.querySelectorAll('body *')]
                   .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
                   .slice(0, 5).map((e) => e.tagName + '#' + e.id + '.' + e.className)];",
    );
    assert!(
        widths[0].as_u64() <= widths[1].as_u64(),
        "{what} overflows a narrow viewport: [scrollWidth, innerWidth, widest] = {widths}"
    );
}

// ---- the corpus, the index and the server ----------------------------------------------------

/// The small corpus of the other tests, a hostile document and enough tide notes for two pages.
fn browser_corpus() -> tempfile::TempDir {
    let tides: Vec<(String, String)> = (1..=TIDE_DOCUMENTS)
        .map(|n| {
            (
                format!("notes/tide-{n:02}.txt"),
                format!(
                    "🌊 Tide table number {n}: the fishermen check the tide before they sail \
                     out of the harbour every morning."
                ),
            )
        })
        .collect();
    let mut files: Vec<(&str, &[u8])> = fixtures::small_corpus();
    files.push(("notes/hostile.txt", HOSTILE_TEXT.as_bytes()));
    files.extend(
        tides
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_bytes())),
    );
    util::corpus_of(&files)
}

/// `polidex serve` on a free port of 127.0.0.1.
struct Server {
    base: String,
    _process: Process,
}

impl Server {
    fn start(index: &Path) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_polidex"));
        command
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .env_remove("POLIDEX_INDEX")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut process = Process::spawn(&mut command, "polidex serve");
        let stderr = process.child.stderr.take().expect("stderr is piped");
        let addr = announced(stderr, "polidex: listening on ", "polidex serve");
        Server {
            base: addr,
            _process: process,
        }
    }
}

// ---- the browser -----------------------------------------------------------------------------

/// Where chromium and chromedriver are.
struct BrowserTools {
    chromium: PathBuf,
    chromedriver: PathBuf,
}

/// Chromium and chromedriver from `$POLIDEX_CHROMIUM`/`$POLIDEX_CHROMEDRIVER` or `PATH`.
/// Missing, skips the test with a printed reason, except under `CI=true`, where it fails.
fn browser_tools() -> Option<BrowserTools> {
    let chromium = program("POLIDEX_CHROMIUM", "chromium");
    let chromedriver = program("POLIDEX_CHROMEDRIVER", "chromedriver");
    if let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) {
        return Some(BrowserTools {
            chromium,
            chromedriver,
        });
    }
    let reason = "chromium or chromedriver not found (apt-get install chromium chromium-driver, \
                  or set POLIDEX_CHROMIUM and POLIDEX_CHROMEDRIVER)";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

/// The program named by `$variable`, else `name` found on `PATH`.
fn program(variable: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A headless chromium session through its own chromedriver; both end when it drops.
struct Browser {
    port: u16,
    session: String,
    // Dropped after the session is closed: the driver, then the profile chromium wrote to.
    _driver: Process,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(tools: &BrowserTools) -> Browser {
        let profile = tempfile::tempdir().expect("temp dir for the chromium profile");
        let mut command = Command::new(&tools.chromedriver);
        command
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut driver = Process::spawn(&mut command, "chromedriver");
        let stdout = driver.child.stdout.take().expect("stdout is piped");
        let port = announced(
            stdout,
            "ChromeDriver was started successfully on port ",
            "chromedriver",
        );
        let port: u16 = port
            .trim_end_matches('.')
            .parse()
            .unwrap_or_else(|_| panic!("chromedriver: bad port {port:?}"));
        let session = new_session(port, &tools.chromium, profile.path())
            .unwrap_or_else(|e| panic!("chromedriver cannot start chromium: {e}"));
        Browser {
            port,
            session,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Sends a command of this session; fails the test with WebDriver's reason.
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        webdriver(self.port, method, &path, body.as_ref())
            .unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"))
    }

    fn open(&self, url: &str) {
        self.command("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body) in the page and returns its value.
    fn run(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Runs `script` until it returns something truthy, and returns that; fails after `WAIT`.
    fn wait(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = self.run(script);
            if is_truthy(&value) {
                return value;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {WAIT:?} waiting for {what}; last answer {value}; page: {}",
                    self.page_summary()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// What the page shows, for failure messages.
    fn page_summary(&self) -> Value {
        self.run(
            "return { url: location.href,
                      status: document.getElementById('status').textContent,
                      hits: document.querySelectorAll('#hits li').length,
                      detail: document.getElementById('detail').textContent.slice(0, 300) };",
        )
    }

    fn element(&self, css: &str) -> String {
        let found = self.command(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        found[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string()
    }

    fn click_css(&self, css: &str) {
        let element = self.element(css);
        self.command(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        );
    }

    /// Types `query` into the search field, as a user would, and presses Enter.
    fn search(&self, query: &str) {
        let field = self.element("#q");
        self.command("POST", &format!("/element/{field}/clear"), Some(json!({})));
        let keys = format!("{query}{ENTER}");
        self.command(
            "POST",
            &format!("/element/{field}/value"),
            Some(json!({ "text": keys })),
        );
    }

    fn resize(&self, width: u32, height: u32) {
        self.command(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Closing the session quits chromium; the driver's process group is killed after.
        let path = format!("/session/{}", self.session);
        let _ = webdriver(self.port, "DELETE", &path, None);
    }
}

/// Starts a session of headless chromium with a fresh profile and no background traffic.
fn new_session(port: u16, chromium: &Path, profile: &Path) -> Result<String, String> {
    let args = [
        "--headless".to_string(),
        "--no-sandbox".to_string(),
        "--disable-gpu".to_string(),
        "--disable-quic".to_string(),
        "--no-first-run".to_string(),
        "--disable-background-networking".to_string(),
        "--disable-component-update".to_string(),
        "--disable-sync".to_string(),
        "--window-size=1280,900".to_string(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let capabilities = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": chromium, "args": args },
    }}});
    let session = webdriver(port, "POST", "/session", Some(&capabilities))?;
    session["sessionId"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no session id in {session}"))
}

/// JavaScript's truthiness of a JSON value.
fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

// ---- WebDriver over HTTP/1.1 -----------------------------------------------------------------

/// One WebDriver command to the driver on `port`: returns the answer's `value`, or the
/// WebDriver error and message.
fn webdriver(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let payload = body.map(Value::to_string).unwrap_or_default();
    let (status, answer) =
        http(port, method, path, &payload).map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    let answer: Value = serde_json::from_slice(&answer).map_err(|e| {
        format!(
            "HTTP {status}, not JSON ({e}): {}",
            String::from_utf8_lossy(&answer)
        )
    })?;
    let value = answer.get("value").cloned().unwrap_or(Value::Null);
    if status != 200 {
        return Err(format!(
            "HTTP {status}: {}: {}",
            value["error"], value["message"]
        ));
    }
    Ok(value)
}

/// Sends one request and reads the status and body of the answer.
fn http(port: u16, method: &str, path: &str, payload: &str) -> std::io::Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(COMMAND_TIMEOUT))?;
    let content_type = if payload.is_empty() {
        ""
    } else {
        "Content-Type: application/json; charset=utf-8\r\n"
    };
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{content_type}\
         Content-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )?;
    read_response(BufReader::new(stream))
}

/// Reads the status line, the headers (only `Content-Length` matters) and the body.
fn read_response(mut reader: impl BufRead) -> std::io::Result<(u16, Vec<u8>)> {
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {status_line:?}")))?;
    let mut length = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = Vec::new();
    match length {
        Some(length) => {
            body.resize(length, 0);
            reader.read_exact(&mut body)?;
        }
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok((status, body))
}

// ---- child processes -------------------------------------------------------------------------

/// A child in a process group of its own; the whole group is killed when it drops, so
/// chromium goes with chromedriver even when the session could not be closed.
struct Process {
    child: Child,
}

impl Process {
    fn spawn(command: &mut Command, name: &str) -> Process {
        let child = command
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Process { child }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads `pipe` until a line starts with `prefix` and returns the rest of that line. A thread
/// keeps draining the pipe afterwards, so the child never blocks on a full one.
fn announced(pipe: impl Read + Send + 'static, prefix: &str, name: &str) -> String {
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let deadline = Instant::now() + WAIT;
    let mut printed = Vec::new();
    loop {
        match lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => match line.strip_prefix(prefix) {
                Some(rest) => return rest.trim().to_string(),
                None => printed.push(line),
            },
            Err(RecvTimeoutError::Timeout) => {
                panic!("{name}: no {prefix:?} line within {WAIT:?}; it printed {printed:?}")
            }
            Err(RecvTimeoutError::Disconnected) => {
                panic!("{name}: exited before printing {prefix:?}; it printed {printed:?}")
            }
        }
    }
}
