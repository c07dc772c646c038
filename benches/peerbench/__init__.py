# The modules behind benches/peers.py: one per system measured (polidex, SQLite FTS5,
# tantivy-cli, ripgrep), plus the corpus preparation, the measuring helpers, the HTTP load
# generator and the report.
