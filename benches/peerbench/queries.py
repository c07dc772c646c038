# The query sets in benches/queries/ and what each system is asked for one query.
#
# Every query is plain words, and every system is asked for the units holding all of them:
# polidex gets the words as typed (AND by default, stemmed per language); FTS5 gets each
# word as a quoted string (implicit AND; unicode61 folds case and accents, no stemming);
# tantivy-cli gets `+"word"` for each (its parser is OR by default, `+` makes each word
# required; its `en_stem` tokenizer stems English); ripgrep gets every word as the start of
# a word on the same line, case-insensitively (one unit per line; no stemming, no folding).

import os

QUERY_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "queries")
LANGS = ("en", "fr", "nl")


def read(name):
    """The queries of `benches/queries/<name>.txt`, one per non-empty line."""
    path = os.path.join(QUERY_DIR, f"{name}.txt")
    with open(path, encoding="utf-8") as lines:
        queries = [line.strip() for line in lines if line.strip()]
    if not queries:
        raise ValueError(f"{path}: no queries")
    return queries


def warm_set():
    """The en, fr and nl query sets together, in that order."""
    return [query for lang in LANGS for query in read(lang)]


def words(query):
    return [word.replace('"', "") for word in query.split() if word.replace('"', "")]


def fts5_match(query):
    """The FTS5 MATCH expression: every word quoted, implicitly AND-ed."""
    return " ".join(f'"{word}"' for word in words(query))


def tantivy_query(query):
    """tantivy's query-parser syntax with every word required."""
    return " ".join(f'+"{word}"' for word in words(query))


def write(path, queries):
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(queries) + "\n")
    return path
