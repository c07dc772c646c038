//! Abuse of a real `polidex serve` over raw TCP: malformed and hostile parameters, path
//! traversal, huge and slow requests, a thousand concurrent connections, expensive queries.
//!
//! Each test starts its own server (killed on drop) on an index built once per test binary,
//! talks HTTP/1.1 by hand, and ends by checking the server is still up (`/healthz` is 200).
//! No response may carry a filesystem path of the index or a Rust backtrace.

mod fixtures;
mod generate;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The index every server of this binary serves: the small fixture corpus and a few hundred
/// documents of made-up words, so prefix queries have many terms to expand to.
fn shared_index() -> &'static Path {
    static INDEX: OnceLock<PathBuf> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("abuse");
        let _ = std::fs::remove_dir_all(&dir);
        let (corpus, index) = (dir.join("corpus"), dir.join("index"));
        for (rel, bytes) in fixtures::small_corpus() {
            generate::write(&corpus, rel, bytes);
        }
        let mut rng = generate::Rng::new(5);
        for n in 0..300 {
            let words: Vec<String> = (0..1500).map(|_| made_up_word(&mut rng)).collect();
            let text = format!("{}\n\n{}\n", generate::prose("abuseword"), words.join(" "));
            generate::write(&corpus, &format!("words/w{n:03}.txt"), text.as_bytes());
        }
        generate::index(&[&corpus], &index, &[]).assert_completed();
        index
    })
}

fn made_up_word(rng: &mut generate::Rng) -> String {
    let length = 3 + rng.below(8);
    (0..length)
        .map(|_| char::from(b'a' + rng.below(26) as u8))
        .collect()
}

/// A running `polidex serve`, killed on drop; its stderr is kept for inspection.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start() -> Server {
        Server::start_on(shared_index())
    }

    /// A server on the index in `index`.
    fn start_on(index: &Path) -> Server {
        let mut child = generate::polidex()
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("polidex serve starts");
        let stderr = child.stderr.take().expect("stderr is piped");
        let log = Arc::new(Mutex::new(String::new()));
        let (sender, receiver) = mpsc::channel();
        {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if let Some(addr) = line.strip_prefix("polidex: listening on http://") {
                        let _ = sender.send(addr.trim().to_string());
                    }
                    if let Ok(mut log) = log.lock() {
                        log.push_str(&line);
                        log.push('\n');
                    }
                }
            });
        }
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            log,
        };
        let addr = receiver
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("the server did not start: {}", server.log()));
        server.addr = addr.parse().expect("a socket address");
        server
    }

    fn log(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Sends raw bytes and reads the response (the request should ask `Connection: close`).
    fn raw(&self, request: &[u8]) -> Response {
        send(self.addr, request, Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("request {:?} failed: {e}", first_line(request)))
    }

    fn get(&self, target: &str) -> Response {
        let request =
            format!("GET {target} HTTP/1.1\r\nHost: polidex\r\nConnection: close\r\n\r\n");
        let response = self.raw(request.as_bytes());
        self.assert_clean(&response, target);
        response
    }

    /// No path of the index, no backtrace, no panic message in a response.
    fn assert_clean(&self, response: &Response, what: &str) {
        let text = String::from_utf8_lossy(&response.body);
        let index = shared_index().display().to_string();
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).display().to_string();
        for leak in [
            index.as_str(),
            tmp.as_str(),
            "panicked",
            "stack backtrace",
            "RUST_BACKTRACE",
            ".rs:",
            "/root/",
            "/home/",
        ] {
            assert!(
                !text.contains(leak),
                "{what}: the response contains {leak:?}: {}",
                text.chars().take(500).collect::<String>()
            );
        }
    }

    /// The server process is alive, `/healthz` answers 200, and it logged no panic.
    fn assert_healthy(&mut self) {
        assert!(
            matches!(self.child.try_wait(), Ok(None)),
            "the server died: {}",
            self.log()
        );
        let health = self.get("/healthz");
        assert_eq!(health.status, 200, "{health:?}");
        let log = self.log();
        assert!(!log.contains("panicked"), "the server panicked: {log}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
    elapsed: Duration,
}

impl Response {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

fn first_line(request: &[u8]) -> String {
    String::from_utf8_lossy(request)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

fn send(addr: SocketAddr, request: &[u8], timeout: Duration) -> std::io::Result<Response> {
    let start = Instant::now();
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    stream.write_all(request)?;
    read_response(&mut stream, start)
}

fn read_response(stream: &mut TcpStream, start: Instant) -> std::io::Result<Response> {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    parse_response(&bytes, start.elapsed()).ok_or_else(|| {
        std::io::Error::other(format!(
            "not an HTTP response: {:?}",
            String::from_utf8_lossy(&bytes)
        ))
    })
}

fn parse_response(bytes: &[u8], elapsed: Duration) -> Option<Response> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(bytes.get(..end)?).into_owned();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let raw_body = bytes.get(end + 4..)?;
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(raw_body)
    } else {
        raw_body.to_vec()
    };
    Some(Response {
        status,
        head,
        body,
        elapsed,
    })
}

fn dechunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(line_end) = bytes.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&bytes[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        let Some(chunk) = bytes.get(start..start + size) else {
            break;
        };
        body.extend_from_slice(chunk);
        bytes = bytes.get(start + size + 2..).unwrap_or(&[]);
    }
    body
}

#[test]
fn malformed_and_out_of_range_parameters_get_a_4xx_with_a_reason() {
    let mut server = Server::start();
    let bad = [
        "/api/search",
        "/api/search?q=",
        "/api/search?q=%20%20",
        "/api/search?q=keeper&limit=abc",
        "/api/search?q=keeper&limit=-1",
        "/api/search?q=keeper&limit=-99999999999999999999999",
        "/api/search?q=keeper&limit=1e3",
        "/api/search?q=keeper&offset=-5",
        "/api/search?q=keeper&offset=18446744073709551616",
        "/api/search?q=keeper&offset=100000001",
        "/api/search?q=keeper&from=2020-13-45",
        "/api/search?q=keeper&from=99999999999",
        "/api/search?q=keeper&to=-2020",
        "/api/search?q=keeper&lang=xx",
        "/api/search?q=keeper&kind=%00",
        "/api/search?q=keeper&group=everything",
        "/api/search?q=keeper&sort=random",
        "/api/search?q=keeper&facets=maybe",
        "/api/search?q=keeper&unknown=1",
        "/api/search?q=keeper%20AND%20(storm",
        "/api/search?q=%22unclosed",
        "/api/search?q=lang:xx",
        "/api/search?q=date:[2020%20TO",
        "/api/search?q=date:[9999999999%20TO%20*]",
        "/api/search?q=nofield:value",
        "/api/cite",
        "/api/cite?q=",
        "/api/define",
        "/api/define?term=keeper&lang=xx",
        "/api/cited-by/32099R0001?limit=-1",
        "/api/cited-by/32099R0001?kind=bogus",
        "/api/docs/32099R0001?lang=xx",
        "/api/docs/32099R0001?parallel=en,xx,,",
    ];
    for target in bad {
        let response = server.get(target);
        println!("{target} → {} in {:?}", response.status, response.elapsed);
        assert!(
            (400..500).contains(&response.status),
            "{target}: {} {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        );
        let error = &response.json()["error"];
        assert!(
            error["code"].is_string() && error["message"].is_string(),
            "{target}: no error body: {}",
            String::from_utf8_lossy(&response.body)
        );
    }
    // Asking for too much is capped, not refused; huge and odd values never crash.
    for target in [
        "/api/search?q=keeper&limit=99999999999999999999999",
        "/api/search?q=keeper&limit=1001",
        "/api/search?q=keeper&offset=100000000&limit=1000",
        "/api/search?q=keeper&limit=0",
    ] {
        let response = server.get(target);
        println!("{target} → {} in {:?}", response.status, response.elapsed);
        assert_eq!(response.status, 200, "{target}: {:?}", response);
        assert!(response.json()["limit"].as_u64().unwrap_or(u64::MAX) <= 1000);
    }
    // Undecodable bytes, odd escapes and repeated keys: a clear 400, or read leniently;
    // never a 5xx.
    for target in [
        "/api/search?q=keeper&lang=",
        "/api/search?q=keeper&q=twice",
        "/api/search?q=keeper&limit=1&limit=2",
        "/api/search?q=%",
        "/api/search?q=%ZZ",
        "/api/stats?x=1",
        "/api/search?q=%FF%FE",
        "/api/search?q=keeper%C3",
        "/api/search?q%FF=keeper",
        "/api/search?lang=%FF&q=keeper",
        "/api/cite?q=%ED%A0%80",
        "/api/define?term=%FF%FE",
        "/api/docs/%FF%FE",
        "/api/cited-by/%C0%AF",
    ] {
        let response = server.get(target);
        println!("{target} → {}", response.status);
        assert!(
            matches!(response.status, 200 | 400 | 404),
            "{target}: {} {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        );
    }
    server.assert_healthy();
}

#[test]
fn raw_protocol_abuse_is_answered_or_dropped() {
    let mut server = Server::start();
    let requests: [&[u8]; 10] = [
        b"GARBAGE\r\n\r\n",
        b"GET /healthz HTTP/9.9\r\nConnection: close\r\n\r\n",
        b"GET /api/search?q=keeper HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
        b"GET /api/search?q=keeper HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\nabcde",
        b"POST /api/batch HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\nzz\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        b"GET /api/search?q=keeper HTTP/1.1\r\nHost: a\r\nX-Bad: \x01\x02\r\nConnection: close\r\n\r\n",
        b"DELETE /api/search?q=keeper HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        b"GET http://evil.example/api/stats HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        b"\r\n\r\n\r\n",
    ];
    for request in requests {
        let outcome = send(server.addr, request, Duration::from_secs(30));
        match &outcome {
            Ok(response) => {
                server.assert_clean(response, &first_line(request));
                assert!(
                    response.status < 500,
                    "{:?}: {}",
                    first_line(request),
                    response.status
                );
            }
            Err(error) => println!("{:?}: connection ended: {error}", first_line(request)),
        }
        println!(
            "{:?} → {:?}",
            first_line(request),
            outcome.map(|r| r.status)
        );
    }
    let long_target = format!("/api/search?q={}", "a".repeat(200_000));
    let response = send(
        server.addr,
        format!("GET {long_target} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").as_bytes(),
        Duration::from_secs(30),
    );
    println!(
        "a 200 kB request line → {:?}",
        response.as_ref().map(|r| r.status)
    );
    if let Ok(response) = response {
        assert!((400..500).contains(&response.status), "{}", response.status);
    }
    let many_headers: String = (0..10_000).map(|i| format!("X-H{i}: v\r\n")).collect();
    let response = send(
        server.addr,
        format!("GET /healthz HTTP/1.1\r\nHost: a\r\n{many_headers}Connection: close\r\n\r\n")
            .as_bytes(),
        Duration::from_secs(30),
    );
    println!("10,000 headers → {:?}", response.as_ref().map(|r| r.status));
    if let Ok(response) = response {
        assert!(response.status < 500, "{}", response.status);
    }
    server.assert_healthy();
}

#[test]
fn traversal_ids_never_reach_the_filesystem() {
    let mut server = Server::start();
    for target in [
        "/api/docs/..%2F..%2Fetc%2Fpasswd",
        "/api/docs/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd?lang=en",
        "/api/docs/%2Fetc%2Fpasswd",
        "/api/docs/..%252F..%252Fetc%252Fpasswd",
        "/api/docs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/docs/..%5C..%5Cetc%5Cpasswd",
        "/api/docs/%00",
        "/api/docs/32099R0001%00..%2F..%2Fetc%2Fpasswd",
        "/api/docs/file%3A%2F%2F%2Fetc%2Fpasswd",
        "/api/docs/32099R0001?path=..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/cited-by/..%2F..%2Fetc%2Fpasswd",
        "/api/search?q=keeper&doc=..%2F..%2Fetc%2Fpasswd",
        "/api/define?term=keeper&doc=%2Fetc%2Fpasswd",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/docs/../../../etc/passwd",
        "/static/..%2F..%2Fetc%2Fpasswd",
        "/index.html/../meta.json",
        "/meta.json",
        "/api/docs/meta",
    ] {
        let response = server.get(target);
        println!("{target} → {}", response.status);
        let body = String::from_utf8_lossy(&response.body);
        assert!(
            !body.contains("root:x:0:0") && !body.contains("\"segments\""),
            "{target} leaked a file: {body}"
        );
        assert!(
            matches!(response.status, 200 | 400 | 404),
            "{target}: {} {body}",
            response.status
        );
        if response.status == 200 {
            assert!(
                target.contains("/api/search") || target.contains("/api/define"),
                "{target} found something: {body}"
            );
        }
    }
    server.assert_healthy();
}

/// Resident memory of a process in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Sends `head`, then streams up to `body_bytes` of `chunk` from another thread while this
/// one waits for the response; returns it (if any) and the bytes the writer got out.
fn send_streaming(
    addr: SocketAddr,
    head: &str,
    chunk: Vec<u8>,
    body_bytes: usize,
) -> (Option<Response>, usize) {
    let start = Instant::now();
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    stream.write_all(head.as_bytes()).expect("send the head");
    let mut writer = stream.try_clone().expect("clone");
    writer
        .set_write_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let sender = std::thread::spawn(move || {
        let mut sent = 0;
        while sent < body_bytes {
            match writer.write(&chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => sent += n,
            }
        }
        sent
    });
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 65536];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
        }
        if let Some(response) = parse_response(&bytes, start.elapsed()) {
            let length = response
                .head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_string())
                })
                .and_then(|v| v.parse::<usize>().ok());
            if length.is_some_and(|l| response.body.len() >= l) {
                break;
            }
        }
    }
    let response = parse_response(&bytes, start.elapsed());
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let sent = sender.join().unwrap_or(0);
    (response, sent)
}

#[test]
fn huge_bodies_are_refused_without_being_buffered() {
    let mut server = Server::start();
    let pid = server.child.id();
    let before = rss_kib(pid);
    let announced = "POST /api/batch HTTP/1.1\r\nHost: polidex\r\nContent-Type: text/plain\r\nContent-Length: 1073741824\r\nConnection: close\r\n\r\n";
    let (response, sent) =
        send_streaming(server.addr, announced, b"keeper\n".repeat(9362), 8 << 20);
    let response = response.expect("an answer to a 1 GiB Content-Length");
    println!(
        "1 GiB announced: {} after {:?}, {sent} bytes sent, server RSS {before} → {} KiB",
        response.status,
        response.elapsed,
        rss_kib(pid)
    );
    assert_eq!(response.status, 413, "{response:?}");
    assert_eq!(response.json()["error"]["code"], "payload_too_large");
    assert!(
        response.elapsed < Duration::from_secs(30),
        "{:?}",
        response.elapsed
    );

    let chunked = "POST /api/batch HTTP/1.1\r\nHost: polidex\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    let mut chunk = format!("{:x}\r\n", 65536).into_bytes();
    chunk.extend(std::iter::repeat_n(b'a', 65536));
    chunk.extend_from_slice(b"\r\n");
    let (response, sent) = send_streaming(server.addr, chunked, chunk, 64 << 20);
    let response = response.expect("an answer to an endless chunked body");
    println!(
        "endless chunked body: {} after {:?}, {sent} bytes sent, server RSS {} KiB",
        response.status,
        response.elapsed,
        rss_kib(pid)
    );
    assert_eq!(response.status, 413, "{response:?}");
    assert!(
        rss_kib(pid) < before + 256 * 1024,
        "the server grew from {before} to {} KiB",
        rss_kib(pid)
    );

    let not_utf8 = server.raw(b"POST /api/batch HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\xff\xfe\x00a");
    assert_eq!(not_utf8.status, 422, "{not_utf8:?}");
    let lines = "keeper\n".repeat(polidex::limits::MAX_API_BATCH_QUERIES + 1);
    let request = format!(
        "POST /api/batch HTTP/1.1\r\nHost: a\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{lines}",
        lines.len()
    );
    let too_many = server.raw(request.as_bytes());
    assert_eq!(too_many.status, 422, "{too_many:?}");
    let long_line = format!("{}\n", "a ".repeat(100_000));
    let request = format!(
        "POST /api/batch HTTP/1.1\r\nHost: a\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{long_line}",
        long_line.len()
    );
    let response = server.raw(request.as_bytes());
    println!("a 200 kB batch line → {}", response.status);
    assert!(matches!(response.status, 200 | 400 | 422), "{response:?}");
    server.assert_clean(&response, "long batch line");
    server.assert_healthy();
}

/// Writes `bytes` one per second; returns how long until the server dropped the connection.
fn trickle(addr: SocketAddr, bytes: Vec<u8>) -> std::thread::JoinHandle<Option<Duration>> {
    std::thread::spawn(move || {
        let start = Instant::now();
        let mut stream = TcpStream::connect(addr).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_millis(900)))
            .ok()?;
        for byte in bytes {
            if stream.write_all(&[byte]).is_err() {
                return Some(start.elapsed());
            }
            let mut buffer = [0u8; 1024];
            match stream.read(&mut buffer) {
                Ok(_) => return Some(start.elapsed()),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return Some(start.elapsed()),
            }
        }
        None
    })
}

#[test]
fn slow_and_idle_clients_are_dropped_while_others_are_served() {
    let mut server = Server::start();
    let header = format!(
        "GET /healthz HTTP/1.1\r\nHost: polidex\r\nX-Padding: {}\r\n\r\n",
        "p".repeat(60)
    )
    .into_bytes();
    let slow = trickle(server.addr, header.clone());
    let crowd: Vec<_> = (0..50)
        .map(|_| trickle(server.addr, header.clone()))
        .collect();
    let idle = TcpStream::connect(server.addr).expect("connect");
    idle.set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let idle_watch = std::thread::spawn(move || {
        let start = Instant::now();
        let mut buffer = [0u8; 64];
        let mut idle = idle;
        let _ = idle.read(&mut buffer);
        start.elapsed()
    });
    let start = Instant::now();
    let mut served = 0;
    while !slow.is_finished() && start.elapsed() < Duration::from_secs(60) {
        let health = server.get("/healthz");
        assert_eq!(health.status, 200, "others are served meanwhile");
        served += 1;
        std::thread::sleep(Duration::from_millis(500));
    }
    let dropped_after = slow.join().expect("the trickle thread");
    let idle_after = idle_watch.join().expect("the idle thread");
    let crowd_dropped = crowd
        .into_iter()
        .filter_map(|c| c.join().ok().flatten())
        .filter(|d| *d < Duration::from_secs(40))
        .count();
    println!(
        "slow client dropped after {dropped_after:?} (header needs {} s); idle client after {idle_after:?}; \
         {crowd_dropped}/50 slow clients dropped; {served} requests served meanwhile",
        header.len()
    );
    let limit = Duration::from_secs(40);
    assert!(
        dropped_after.is_some_and(|d| d < limit),
        "a client sending its header one byte a second was not dropped: {dropped_after:?}"
    );
    assert_eq!(crowd_dropped, 50, "every slow client is dropped");
    assert!(
        idle_after < limit,
        "an idle connection stays open: {idle_after:?}"
    );
    server.assert_healthy();
}

#[test]
fn a_thousand_concurrent_connections_are_all_answered() {
    let mut server = Server::start();
    let clients = 1000;
    let barrier = Arc::new(std::sync::Barrier::new(clients));
    let addr = server.addr;
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::Builder::new()
                .stack_size(128 * 1024)
                .spawn(move || -> Result<u16, String> {
                    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(60))
                        .map_err(|e| format!("connect: {e}"));
                    barrier.wait();
                    let stream = stream.as_mut().map_err(|e| e.clone())?;
                    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
                    let request = format!(
                        "GET /api/search?q=keeper%20OR%20abuseword&limit=5&offset={} HTTP/1.1\r\nHost: polidex\r\nConnection: close\r\n\r\n",
                        i % 3
                    );
                    stream.write_all(request.as_bytes()).map_err(|e| format!("write: {e}"))?;
                    read_response(stream, Instant::now())
                        .map(|r| r.status)
                        .map_err(|e| format!("read: {e}"))
                })
                .expect("a client thread")
        })
        .collect();
    let outcomes: Vec<Result<u16, String>> = threads
        .into_iter()
        .map(|t| t.join().unwrap_or_else(|_| Err("client panicked".into())))
        .collect();
    let ok = outcomes.iter().filter(|o| matches!(o, Ok(200))).count();
    let errors: Vec<&Result<u16, String>> =
        outcomes.iter().filter(|o| !matches!(o, Ok(200))).collect();
    println!(
        "{clients} concurrent connections: {ok} answered 200 in {:?}; failures: {:?}",
        start.elapsed(),
        errors.iter().take(5).collect::<Vec<_>>()
    );
    assert_eq!(
        ok,
        clients,
        "{} failures, e.g. {:?}",
        errors.len(),
        errors.first()
    );
    server.assert_healthy();
}

fn encode(query: &str) -> String {
    query
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn expensive_queries_are_refused_or_answered_in_bounded_time() {
    let mut server = Server::start();
    let letters: Vec<String> = ('a'..='z').map(|c| format!("{c}*")).collect();
    let words = |n: usize| (0..n).map(|i| format!("w{i}")).collect::<Vec<_>>();
    let queries: Vec<(String, &str)> = vec![
        (letters[..16].join(" OR "), ""),
        (letters.join(" OR "), ""),
        (
            letters[..16].join(" "),
            "&group=unit&facets=true&limit=1000",
        ),
        ("\"a b\"~100000".into(), ""),
        ("\"keeper consent\"~4294967296".into(), ""),
        (format!("\"{}\"~100", words(250).join(" ")), ""),
        (words(256).join(" OR "), ""),
        (words(300).join(" OR "), ""),
        (format!("{}keeper{}", "(".repeat(40), ")".repeat(40)), ""),
        (
            format!("{}keeper{}", "(".repeat(5000), ")".repeat(5000)),
            "",
        ),
        ("k".repeat(4097), ""),
        ("*".into(), ""),
        ("**".into(), ""),
        ("a*b*c*".into(), ""),
        ("\"a* b*\"".into(), ""),
        ("NOT keeper".into(), "&facets=true"),
        ("-keeper".into(), "&limit=1000&offset=99000"),
        ("date:[0000 TO 9999]".into(), "&sort=newest&limit=1000"),
        ("date:[* TO *]".into(), "&facets=true"),
        (format!("{} OR a*", "NOT x ".repeat(200)), ""),
        (
            "a* AND b* AND c* AND d*".into(),
            "&sort=oldest&facets=true&group=unit&limit=1000",
        ),
    ];
    for (query, extra) in &queries {
        let target = format!("/api/search?q={}{extra}", encode(query));
        let response = server.get(&target);
        let shown: String = query.chars().take(60).collect();
        println!(
            "{shown:?}{} → {} in {:?} {}",
            if query.len() > 60 { "…" } else { "" },
            response.status,
            response.elapsed,
            response.json()["error"]["message"].as_str().unwrap_or("")
        );
        assert!(
            matches!(response.status, 200 | 400 | 503),
            "{shown}: {} {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        );
        assert!(
            response.elapsed < Duration::from_secs(60),
            "{shown}: {:?}",
            response.elapsed
        );
    }
    // A batch of the most expensive allowed query, as many times as a batch may hold.
    let line = format!("{}\n", letters[..16].join(" OR "));
    let body = line.repeat(polidex::limits::MAX_API_BATCH_QUERIES);
    let request = format!(
        "POST /api/batch HTTP/1.1\r\nHost: a\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let response = server.raw(request.as_bytes());
    println!(
        "10,000 expensive queries in one batch → {} in {:?}",
        response.status, response.elapsed
    );
    assert!(matches!(response.status, 200 | 503), "{}", response.status);
    assert!(
        response.elapsed < Duration::from_secs(60),
        "{:?}",
        response.elapsed
    );
    let after = server.get("/api/search?q=keeper");
    println!(
        "a search right after → {} in {:?}",
        after.status, after.elapsed
    );
    assert_eq!(after.status, 200);
    server.assert_healthy();
}

/// Sends `rounds` rounds of `per_round` requests from `clients` threads; returns, per round,
/// the number of non-200 answers and the server's RSS after it.
fn load_rounds(
    server: &Server,
    targets: &[&str],
    clients: usize,
    per_round: usize,
    rounds: usize,
) -> Vec<(usize, u64)> {
    let pid = server.child.id();
    (0..rounds)
        .map(|_| {
            let failures: usize = std::thread::scope(|scope| {
                let handles: Vec<_> = (0..clients)
                    .map(|client| {
                        scope.spawn(move || {
                            (0..per_round / clients)
                                .filter(|n| {
                                    let target = targets[(client + n) % targets.len()];
                                    let request = format!(
                                        "GET {target} HTTP/1.1\r\nHost: polidex\r\nConnection: close\r\n\r\n"
                                    );
                                    !send(server.addr, request.as_bytes(), Duration::from_secs(60))
                                        .is_ok_and(|r| r.status == 200)
                                })
                                .count()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or(usize::MAX)).sum()
            });
            (failures, rss_kib(pid))
        })
        .collect()
}

#[test]
fn sustained_load_has_no_errors_and_no_memory_growth() {
    let mut server = Server::start();
    let targets = [
        "/api/search?q=keeper&facets=true",
        "/api/search?q=keeper%20OR%20gardien&group=unit&limit=50",
        "/api/search?q=stor*&sort=newest",
        "/api/search?q=%22the%20keeper%22~3&lang=en",
        "/api/search?q=zzznothingatall",
        "/api/cite?q=Article%206(1)(a)%20GDPR",
        "/api/stats",
        "/healthz",
    ];
    let (clients, warm_up_requests, per_round, round_count) = (32, 2_000, 3_000, 3);
    let started = Instant::now();
    let warm_up = load_rounds(&server, &targets, clients, warm_up_requests, 1);
    let rounds = load_rounds(&server, &targets, clients, per_round, round_count);
    let elapsed = started.elapsed();
    let requests = warm_up_requests + per_round * round_count;
    println!(
        "load: {requests} requests from {clients} clients in {elapsed:?} ({:.0} req/s); warm-up {warm_up:?}, rounds (failures, RSS KiB) {rounds:?}",
        requests as f64 / elapsed.as_secs_f64()
    );
    assert!(
        warm_up
            .iter()
            .chain(&rounds)
            .all(|(failures, _)| *failures == 0),
        "every request is answered 200: {warm_up:?} {rounds:?}"
    );
    let baseline = warm_up[0].1;
    let last = rounds.last().map_or(0, |r| r.1);
    assert!(
        last <= baseline + 64 * 1024,
        "the server grew from {baseline} KiB after the warm-up to {last} KiB"
    );
    server.assert_healthy();
}

#[test]
fn the_server_sees_new_commits_without_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    generate::write(
        &corpus,
        "first.txt",
        b"The first note of the harbour master.\n",
    );
    generate::index(&[corpus.as_path()], &index, &[]).assert_completed();
    let mut server = Server::start_on(&index);
    let total =
        |server: &Server| server.get("/api/search?q=lighthouseward").json()["total"].as_u64();
    assert_eq!(total(&server), Some(0));

    generate::write(
        &corpus,
        "second.txt",
        b"A lighthouseward voyage, noted while the server runs.\n",
    );
    generate::index(&[corpus.as_path()], &index, &[]).assert_completed();
    let start = Instant::now();
    while total(&server) != Some(1) && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
    }
    println!("the new commit was searchable after {:?}", start.elapsed());
    assert_eq!(
        total(&server),
        Some(1),
        "the new document is found without a restart"
    );
    server.assert_healthy();
}
