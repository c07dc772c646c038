# The benchmark corpus: unpacking the archives into the work folder (never into the repo),
# taking an evenly spread subset for --quick, and turning `polidex export` into the plain
# text every peer reads: one JSON line per unit for FTS5 and tantivy-cli, one text file per
# document for polidex's own raw-text run, and one line per unit for ripgrep.

import json
import os
import subprocess
from dataclasses import dataclass

from .measure import BenchError, describe

DOCUMENT_SUFFIXES = (".xml", ".html", ".xhtml", ".json")


@dataclass
class PeerText:
    """Where the extracted text was written, and how much of it there is."""

    units_jsonl: str
    text_dir: str
    lines_dir: str
    units: int
    documents: int
    text_bytes: int


def unpack(archive_dir, dest):
    """Unpacks every `*.tar.zst` of `archive_dir` into `dest`."""
    archives = sorted(
        os.path.join(archive_dir, name) for name in os.listdir(archive_dir) if name.endswith(".tar.zst")
    )
    if not archives:
        raise BenchError(f"{archive_dir}: no .tar.zst archives")
    os.makedirs(dest, exist_ok=True)
    for archive in archives:
        _unpack_one(archive, dest)
    return archives


def _unpack_one(archive, dest):
    unzstd = ["zstd", "-d", "--long=27", "-c", archive]
    untar = ["tar", "-x", "-C", dest]
    with subprocess.Popen(unzstd, stdout=subprocess.PIPE) as source:
        tar = subprocess.run(untar, stdin=source.stdout, capture_output=True, check=False)
        source.stdout.close()
    if source.returncode != 0:
        raise BenchError(f"{describe(unzstd)}: exit status {source.returncode}")
    if tar.returncode != 0:
        raise BenchError(f"{describe(untar)}: {tar.stderr.decode(errors='replace').strip()}")


def _document_files(root):
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(DOCUMENT_SUFFIXES) and name != "meta.json":
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def subset(raw, dest, count):
    """Hard-links `count` documents of `raw`, evenly spread over the sorted list, into
    `dest` (with the `meta.json` beside each, as in the full corpus). Returns the count."""
    documents = _document_files(raw)
    if not documents:
        raise BenchError(f"{raw}: no documents found after unpacking")
    count = min(count, len(documents))
    chosen = [documents[i * len(documents) // count] for i in range(count)]
    for rel in chosen:
        _link(raw, dest, rel)
        meta = os.path.join(os.path.dirname(rel), "meta.json")
        if os.path.exists(os.path.join(raw, meta)) and not os.path.exists(os.path.join(dest, meta)):
            _link(raw, dest, meta)
    return len(chosen)


def _link(src_root, dest_root, rel):
    target = os.path.join(dest_root, rel)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    os.link(os.path.join(src_root, rel), target)


def raw_bytes(root):
    """Bytes of the document files under `root` (what the full pipeline reads)."""
    return sum(os.path.getsize(os.path.join(root, rel)) for rel in _document_files(root))


class _DocumentWriter:
    """Collects one document's units and writes them to its two text files when the next
    document starts (appending, should a document's units come in several runs)."""

    def __init__(self, text_dir, lines_dir):
        self.text_dir, self.lines_dir = text_dir, lines_dir
        self.numbers = {}
        self.current = None
        self.texts = []

    def add(self, path, text):
        if path != self.current:
            self.flush()
            self.numbers.setdefault(path, len(self.numbers))
            self.current = path
        self.texts.append(text)

    def flush(self):
        if not self.texts:
            return
        name = f"{self.numbers[self.current]:05d}.txt"
        with open(os.path.join(self.text_dir, name), "a", encoding="utf-8") as paragraphs:
            paragraphs.write("".join(text + "\n\n" for text in self.texts))
        with open(os.path.join(self.lines_dir, name), "a", encoding="utf-8") as lines:
            lines.write("".join(" ".join(text.split()) + "\n" for text in self.texts))
        self.texts = []


def write_peer_text(export_jsonl, work):
    """Turns `polidex export` output into the peers' inputs under `work`."""
    text_dir = os.path.join(work, "text")
    lines_dir = os.path.join(work, "lines")
    os.makedirs(text_dir)
    os.makedirs(lines_dir)
    units_jsonl = os.path.join(work, "units.jsonl")
    writer = _DocumentWriter(text_dir, lines_dir)
    units = text_bytes = 0
    with open(export_jsonl, encoding="utf-8") as rows, open(units_jsonl, "w", encoding="utf-8") as peers:
        for number, line in enumerate(rows, 1):
            unit = _unit(line, export_jsonl, number)
            if not unit["text"].strip():
                continue
            writer.add(unit["path"], unit["text"])
            peers.write(json.dumps({"id": unit["id"], "text": unit["text"]}, ensure_ascii=False) + "\n")
            units += 1
            text_bytes += len(unit["text"].encode("utf-8"))
    writer.flush()
    return PeerText(units_jsonl, text_dir, lines_dir, units, len(writer.numbers), text_bytes)


def _unit(line, path, number):
    try:
        unit = json.loads(line)
        return {key: unit[key] or "" for key in ("id", "path", "text")}
    except (ValueError, KeyError, TypeError) as error:
        raise BenchError(f"{path}: line {number}: not an exported unit: {error}") from error
