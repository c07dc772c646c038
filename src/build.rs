//! Build script: link settings of the `polidex` executable.

fn main() {
    // A one-shot `polidex search` is a few milliseconds of work. As a position-independent
    // executable, the dynamic loader first relocates some 50,000 pointers and copies the
    // pages they sit in (about 1.5 ms, 15 % of the run); linked at a fixed address, it does
    // not. Only the executable is concerned: tests, benches and the library are unchanged.
    let target = std::env::var("TARGET").unwrap_or_default();
    if target == "x86_64-unknown-linux-gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=src/build.rs");
}
