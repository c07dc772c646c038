//! Hostile input files: broken encodings, parser bombs, hostile PDFs, odd trees and names.
//!
//! Every test writes its corpus into a temporary directory, good documents beside the
//! hostile ones, and runs the real binary on it. Each hostile file must end indexed or
//! reported on stderr as `path: reason`, the run must exit 0 with its summary, the good
//! files must be found by a search, nothing may panic or hang, and the run's peak memory
//! (its whole process tree) must stay within 1 GiB.

mod generate;

use std::collections::HashSet;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use generate::{Ending, Good, Hostile, IndexRun, Summary};

/// What a checked run left behind.
struct Checked {
    index: tempfile::TempDir,
    run: IndexRun,
    summary: Summary,
    indexed: HashSet<String>,
    exported: String,
    endings: Vec<(String, Ending)>,
}

/// Indexes `roots`, then checks the run completed within budget, every stderr line
/// reports one of `files` or `goods`, every file in `files` ended indexed or reported, the
/// good documents are findable, and each indexed hostile file is found by its word.
fn index_and_check(
    what: &str,
    roots: &[&Path],
    extra: &[&str],
    files: &[Hostile],
    goods: &[Good],
    also_reported: &[String],
) -> Checked {
    let index = tempfile::tempdir().expect("temp dir");
    let run = generate::index(roots, index.path(), extra);
    let summary = run.assert_completed();
    println!("{what}: {}", run.finished.stdout.trim());
    run.assert_memory_within_budget(what);
    let mut known: Vec<String> = files.iter().map(|f| f.rel.clone()).collect();
    known.extend(goods.iter().map(|g| g.rel.clone()));
    known.extend_from_slice(also_reported);
    generate::assert_stderr_is_reports(&run.finished.stderr, &known, &summary);
    let (indexed, exported) = generate::indexed_paths(index.path());
    let rels: Vec<String> = files.iter().map(|f| f.rel.clone()).collect();
    let endings = generate::assert_each_ended(&rels, &indexed, &run.finished.stderr);
    generate::assert_good_findable(index.path(), goods, &indexed);
    for file in files {
        let in_index = indexed.contains(&file.rel);
        if in_index && !file.word.ends_with("none") {
            assert!(
                generate::search_total(index.path(), &file.word) >= 1,
                "{} is indexed but its word {} finds nothing",
                file.rel,
                file.word
            );
        }
    }
    Checked {
        index,
        run,
        summary,
        indexed,
        exported,
        endings,
    }
}

fn write_all(root: &Path, files: &[Hostile]) {
    for file in files {
        generate::write(root, &file.rel, &file.bytes);
    }
}

fn ending<'a>(checked: &'a Checked, rel: &str) -> &'a Ending {
    checked
        .endings
        .iter()
        .find(|(r, _)| r == rel)
        .map(|(_, e)| e)
        .unwrap_or_else(|| panic!("no ending recorded for {rel}"))
}

#[test]
fn broken_and_mislabelled_encodings_end_indexed_or_reported() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let files = generate::hostile_encodings("enc");
    write_all(corpus.path(), &files);
    let goods = generate::write_good(corpus.path(), "good");
    let checked = index_and_check("encodings", &[corpus.path()], &[], &files, &goods, &[]);
    // A byte-order mark leaves no doubt about the encoding: these must be read, not refused.
    for rel in [
        "enc/utf16-le.txt",
        "enc/utf16-be.txt",
        "enc/invalid-utf8.txt",
    ] {
        assert_eq!(
            ending(&checked, rel),
            &Ending::Indexed,
            "{rel} should be decoded and indexed"
        );
    }
    for rel in ["enc/empty.txt", "enc/empty.html", "enc/empty.json"] {
        assert!(
            matches!(ending(&checked, rel), Ending::Reported(_)),
            "{rel}: an empty file is reported"
        );
    }
    assert!(
        !checked.exported.contains('\u{0}'),
        "NUL bytes reached the index"
    );
}

#[test]
fn parser_bombs_and_external_entities_end_indexed_or_reported() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let files = generate::hostile_markup("markup");
    write_all(corpus.path(), &files);
    let goods = generate::write_good(corpus.path(), "good");
    let checked = index_and_check("markup", &[corpus.path()], &[], &files, &goods, &[]);

    // Nothing of /etc/passwd may reach the index, whatever the extractor did with `&x;`.
    assert!(
        !checked.exported.contains("root:x:0:0") && !checked.exported.contains("/bin/bash"),
        "the external entity was resolved: /etc/passwd is in the index"
    );
    assert_eq!(
        generate::search_total(checked.index.path(), "\"root x 0 0\""),
        0
    );
    let raw = generate::run(checked.index.path(), &["search", "root:x:0:0"]);
    assert!(
        matches!(raw.code(), Some(1 | 2)),
        "searching root:x:0:0 found something: {}",
        raw.describe()
    );
    // Entities expanded a billion times would be gigabytes of text.
    let laughs = checked.exported.matches("lollollol").count();
    assert!(
        checked.exported.len() < 64 << 20,
        "the export is {} bytes ({laughs} runs of lol)",
        checked.exported.len()
    );
    // Scripts and styles are not text.
    assert_eq!(
        generate::search_total(checked.index.path(), "markwordscript"),
        0,
        "script content was indexed"
    );
    assert_eq!(
        generate::search_total(checked.index.path(), "markwordstyle"),
        0
    );
    assert!(checked.summary.failed >= 1, "{:?}", checked.summary);
}

#[test]
fn hostile_pdfs_end_indexed_or_reported() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let good_pdf = generate::good_pdf("goodwordpdf");
    let (claimed, repeated) = generate::huge_page_count_pdfs("pdfwordhugecount");
    let mut garbage = b"%PDF-1.7\n".to_vec();
    garbage.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let truncated = generate::good_pdf("pdfwordtruncated");
    let truncated = truncated
        .get(..truncated.len() / 2)
        .unwrap_or_default()
        .to_vec();
    let pdf = |name: &str, bytes: Vec<u8>, word: &str| Hostile {
        rel: format!("pdf/{name}"),
        bytes,
        word: word.to_string(),
    };
    let files = vec![
        pdf("truncated.pdf", truncated, "pdfwordtruncated"),
        pdf(
            "flate-bomb-600mb.pdf",
            generate::flate_bomb_pdf("pdfwordbomb", 600 << 20),
            "pdfwordbomb",
        ),
        pdf(
            "cyclic-pages.pdf",
            generate::cyclic_pages_pdf("pdfwordcyclic"),
            "pdfwordcyclic",
        ),
        pdf(
            "broken-xref.pdf",
            generate::broken_xref_pdf("pdfwordxref"),
            "pdfwordxref",
        ),
        pdf(
            "object-stream-loop.pdf",
            generate::object_stream_loop_pdf("pdfwordobjstm"),
            "pdfwordobjstm",
        ),
        pdf(
            "xref-prev-loop.pdf",
            generate::xref_prev_loop_pdf("pdfwordprevloop"),
            "pdfwordprevloop",
        ),
        pdf("huge-page-count.pdf", claimed, "pdfwordhugecount"),
        pdf("million-kids.pdf", repeated, "pdfwordhugecount"),
        pdf(
            "encrypted.pdf",
            generate::encrypted_pdf("pdfwordsecret"),
            "pdfwordsecret",
        ),
        pdf("garbage.pdf", garbage, "pdfwordnone"),
        pdf("empty.pdf", Vec::new(), "pdfwordnone"),
        pdf(
            "header-only.pdf",
            b"%PDF-1.7\n%%EOF\n".to_vec(),
            "pdfwordnone",
        ),
    ];
    write_all(corpus.path(), &files);
    let mut goods = generate::write_good(corpus.path(), "good");
    generate::write(corpus.path(), "good/paper.pdf", &good_pdf);
    goods.push(Good {
        rel: "good/paper.pdf".into(),
        bytes: good_pdf,
        word: "goodwordpdf".into(),
    });
    let checked = index_and_check("pdfs", &[corpus.path()], &[], &files, &goods, &[]);
    match ending(&checked, "pdf/encrypted.pdf") {
        Ending::Reported(reason) => assert!(
            reason.contains("password") || reason.contains("encrypted"),
            "{reason}"
        ),
        other => panic!("the encrypted PDF ended as {other:?}"),
    }
    assert_eq!(
        generate::search_total(checked.index.path(), "pdfwordsecret"),
        0
    );
}

#[test]
fn a_single_100_mb_line_is_indexed_within_budget() {
    let corpus = tempfile::tempdir().expect("temp dir");
    generate::write_long_line(
        &corpus.path().join("long-line.txt"),
        100 << 20,
        "linewordedge",
    );
    let files = vec![Hostile {
        rel: "long-line.txt".into(),
        bytes: Vec::new(),
        word: "linewordedge".into(),
    }];
    let goods = generate::write_good(corpus.path(), "good");
    let checked = index_and_check("100 MB line", &[corpus.path()], &[], &files, &goods, &[]);
    assert!(
        matches!(
            ending(&checked, "long-line.txt"),
            Ending::Indexed | Ending::IndexedAndReported(_)
        ),
        "the long line is text and should be indexed"
    );
    let longest_unit = checked
        .exported
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|u| u["text"].as_str().map(|t| t.chars().count()))
        .max()
        .unwrap_or(0);
    println!("longest unit: {longest_unit} characters");
    assert!(
        longest_unit <= polidex::limits::MAX_UNIT_CHARS,
        "a unit of {longest_unit} characters"
    );
}

/// A name as polidex prints it: control characters and undecodable bytes escaped.
fn printed(bytes: &[u8]) -> String {
    polidex::ingest::walk::display_path(Path::new(OsStr::from_bytes(bytes)))
}

fn write_bytes_name(root: &Path, folder: &str, name: &[u8], content: &[u8]) -> String {
    let dir = root.join(folder);
    std::fs::create_dir_all(&dir).expect("create folder");
    std::fs::write(dir.join(OsStr::from_bytes(name)), content).expect("write odd name");
    let mut rel = format!("{folder}/").into_bytes();
    rel.extend_from_slice(name);
    printed(&rel)
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn odd_trees_and_names_end_indexed_or_reported() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let root = corpus.path();
    let mut files: Vec<Hostile> = Vec::new();

    // 10,000 files in one folder.
    let many = 10_000;
    for n in 0..many {
        let rel = format!("many/f{n:05}.txt");
        let text = format!(
            "Note {n}: the keeper wrote {} in the logbook.",
            generate::corpus_word(n)
        );
        generate::write(root, &rel, text.as_bytes());
    }
    // A folder 50 levels deep.
    let deep: String = (1..=50).map(|l| format!("l{l:02}/")).collect();
    let deep_rel = format!("deep/{deep}bottom.txt");
    generate::write(root, &deep_rel, generate::prose("treeworddeep").as_bytes());
    files.push(Hostile {
        rel: deep_rel,
        bytes: Vec::new(),
        word: "treeworddeep".into(),
    });
    // Odd names.
    let odd_names: [(&[u8], &str); 6] = [
        (b"with space.txt", "treewordspace"),
        (b"new\nline.txt", "treewordnewline"),
        (b"bad\xff\xfename.txt", "treewordbytes"),
        (b"-rf.txt", "treeworddash"),
        (b"--index.txt", "treeworddoubledash"),
        (b"tab\tand\rcr.md", "treewordtab"),
    ];
    for (name, word) in odd_names {
        let rel = write_bytes_name(root, "odd", name, generate::prose(word).as_bytes());
        files.push(Hostile {
            rel,
            bytes: Vec::new(),
            word: word.into(),
        });
    }
    let empty_odd = write_bytes_name(root, "odd", b"empty\nfile.txt", b"");
    files.push(Hostile {
        rel: empty_odd.clone(),
        bytes: Vec::new(),
        word: "treewordnone".into(),
    });
    // A directory named like a file.
    generate::write(
        root,
        "odd/folder.txt/inside.md",
        generate::prose("treewordinside").as_bytes(),
    );
    files.push(Hostile {
        rel: "odd/folder.txt/inside.md".into(),
        bytes: Vec::new(),
        word: "treewordinside".into(),
    });
    // A sparse 64 GiB file: over the size cap, refused without being read whole.
    let sparse = root.join("odd/huge-sparse.txt");
    std::fs::File::create(&sparse)
        .and_then(|f| f.set_len(64 << 30))
        .expect("sparse file");
    files.push(Hostile {
        rel: "odd/huge-sparse.txt".into(),
        bytes: Vec::new(),
        word: "treewordnone".into(),
    });
    // Special files and links (not followed by default).
    mkfifo(&root.join("odd/pipe.txt"));
    let outside = tempfile::tempdir().expect("temp dir");
    generate::write(
        outside.path(),
        "secret.txt",
        generate::prose("treewordoutside").as_bytes(),
    );
    std::os::unix::fs::symlink(outside.path(), root.join("links-outside")).expect("symlink");
    std::os::unix::fs::symlink("..", root.join("odd/loop")).expect("symlink");
    std::os::unix::fs::symlink("self.txt", root.join("odd/self.txt")).expect("symlink");

    let goods = generate::write_good(root, "good");
    let checked = index_and_check("odd tree", &[root], &[], &files, &goods, &[]);
    assert!(
        matches!(ending(&checked, &empty_odd), Ending::Reported(_)),
        "the empty file with a newline in its name is reported on one line"
    );
    assert!(
        matches!(ending(&checked, "odd/huge-sparse.txt"), Ending::Reported(r) if r.contains("large")),
        "the 64 GiB file is refused as too large"
    );
    assert_eq!(
        generate::search_total(checked.index.path(), "treewordoutside"),
        0,
        "a symbolic link out of the tree was followed"
    );
    assert!(
        checked.summary.skipped >= 4,
        "the FIFO and the three links are skipped: {:?}",
        checked.summary
    );
    let in_many = checked
        .indexed
        .iter()
        .filter(|p| p.starts_with("many/"))
        .count();
    assert_eq!(in_many, many, "every file of the 10,000-file folder");
    for n in [0, 1, 4999, 7777, many - 1] {
        assert_eq!(
            generate::search_total(checked.index.path(), &generate::corpus_word(n)),
            1,
            "file {n} of the big folder"
        );
    }
}

#[test]
fn symbolic_links_are_followed_inside_the_tree_only() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let root = corpus.path();
    let outside = tempfile::tempdir().expect("temp dir");
    generate::write(
        outside.path(),
        "secret.txt",
        generate::prose("linkwordoutside").as_bytes(),
    );
    generate::write(
        root,
        "docs/target.txt",
        generate::prose("linkwordtarget").as_bytes(),
    );
    generate::write(
        root,
        "docs/sub/nested.md",
        generate::prose("linkwordnested").as_bytes(),
    );
    let link = |target: &Path, at: &str| {
        std::os::unix::fs::symlink(target, root.join(at)).expect("symlink");
    };
    link(Path::new("target.txt"), "docs/alias.txt");
    link(Path::new("sub"), "docs/sub-alias");
    link(Path::new(".."), "docs/sub/up");
    link(Path::new("."), "docs/here");
    link(root, "docs/root-again");
    link(outside.path(), "docs/outside");
    link(&outside.path().join("secret.txt"), "docs/outside-file.txt");
    link(Path::new("../outside"), "docs/sub/via-link");
    link(Path::new("missing.txt"), "docs/broken.txt");
    link(Path::new("self.txt"), "docs/self.txt");
    let goods = generate::write_good(root, "good");

    // Not followed by default: skipped, nothing from outside.
    let plain = tempfile::tempdir().expect("temp dir");
    let run = generate::index(&[root], plain.path(), &[]);
    let summary = run.assert_completed();
    assert!(summary.skipped >= 9, "{summary:?}");
    assert_eq!(generate::search_total(plain.path(), "linkwordoutside"), 0);
    let (indexed, _) = generate::indexed_paths(plain.path());
    assert!(!indexed.contains("docs/alias.txt"), "{indexed:?}");

    // Followed when asked, inside the tree only, each directory once.
    let reported = [
        "docs/outside",
        "docs/outside-file.txt",
        "docs/sub/via-link",
        "docs/broken.txt",
        "docs/self.txt",
        "docs/sub-alias/via-link",
    ]
    .map(String::from);
    let files = vec![
        Hostile {
            rel: "docs/alias.txt".into(),
            bytes: Vec::new(),
            word: "linkwordtarget".into(),
        },
        Hostile {
            rel: "docs/target.txt".into(),
            bytes: Vec::new(),
            word: "linkwordtarget".into(),
        },
    ];
    let checked = index_and_check(
        "follow-symlinks",
        &[root],
        &["--follow-symlinks"],
        &files,
        &goods,
        &reported,
    );
    assert_eq!(
        generate::search_total(checked.index.path(), "linkwordoutside"),
        0,
        "a link out of the tree was followed"
    );
    assert!(
        generate::search_total(checked.index.path(), "linkwordnested") >= 1,
        "the nested file is indexed"
    );
    for outside_link in ["docs/outside", "docs/outside-file.txt"] {
        let ending = Ending::of(outside_link, &checked.indexed, &checked.run.finished.stderr);
        assert!(
            matches!(ending, Ending::Reported(_)),
            "{outside_link}: {ending:?}"
        );
    }
    let nested_copies = checked
        .indexed
        .iter()
        .filter(|p| p.ends_with("nested.md"))
        .count();
    println!(
        "nested.md indexed under {nested_copies} paths: {:?}",
        checked.indexed
    );
    assert!(
        nested_copies <= 2,
        "a directory reached through links is walked once (or twice: itself and one alias)"
    );
}

#[test]
fn unreadable_and_vanishing_files_are_reported_and_fifos_skipped() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let root = corpus.path();
    // Enough files before it that the last one is read seconds after the walk.
    for n in 0..3000 {
        let text = format!("Entry {n} of the register: {}", generate::corpus_word(n));
        generate::write(root, &format!("a/f{n:05}.txt"), text.as_bytes());
    }
    let vanishing = generate::write(
        root,
        "zz/vanishing.txt",
        generate::prose("gonewordvanish").as_bytes(),
    );
    mkfifo(&root.join("b-pipe.txt"));
    let fifo_root = root.join("b-pipe.txt");
    let goods = generate::write_good(root, "good");
    let index = tempfile::tempdir().expect("temp dir");

    // The index directory gets its meta.json once the walk is over and the writer opens:
    // the vanishing file is then listed but not read yet (it is read last).
    let remover = {
        let (meta, vanishing) = (index.path().join("meta.json"), vanishing.clone());
        std::thread::spawn(move || {
            let start = std::time::Instant::now();
            while !meta.exists() && start.elapsed() < generate::HANG_BUDGET {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            std::fs::remove_file(&vanishing).is_ok()
        })
    };
    // `/proc/self/mem` is a regular file whose first page cannot be read (EIO), even by root.
    let mem = Path::new("/proc/self/mem");
    let run = generate::index(
        &[root, mem, fifo_root.as_path()],
        index.path(),
        &["--jobs", "1"],
    );
    let removed = remover.join().unwrap_or(false);
    let summary = run.assert_completed();
    println!("unreadable: {}", run.finished.stdout.trim());
    println!("stderr:\n{}", run.finished.stderr);
    run.assert_memory_within_budget("unreadable");
    let stderr = &run.finished.stderr;
    let mem_line = stderr.lines().find(|l| l.starts_with("mem: "));
    assert!(mem_line.is_some(), "/proc/self/mem is reported: {stderr}");
    let fifo_line = stderr.lines().find(|l| l.contains("b-pipe.txt: "));
    assert!(
        fifo_line.is_some(),
        "a FIFO given as a root is reported: {stderr}"
    );
    let (indexed, _) = generate::indexed_paths(index.path());
    let vanished = Ending::of("zz/vanishing.txt", &indexed, stderr);
    println!("removed after the walk: {removed}; ended {vanished:?}");
    if removed {
        assert!(
            matches!(vanished, Ending::Reported(_) | Ending::Indexed),
            "zz/vanishing.txt: {vanished:?}"
        );
    }
    generate::assert_good_findable(index.path(), &goods, &indexed);
    let lines: Vec<&str> = stderr.lines().collect();
    for line in &lines {
        let known = line.starts_with("mem: ")
            || line.starts_with("zz/vanishing.txt: ")
            || (line.starts_with('/') && line.contains("b-pipe.txt: "));
        assert!(
            known,
            "stderr line is not a report of a known file: {line:?}"
        );
    }
    assert_eq!(lines.len() as u64, summary.failed, "{stderr}");
    assert!(summary.skipped >= 1, "the FIFO inside the tree is skipped");
}
