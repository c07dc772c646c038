//! The HTTP API through `app(state)`, without a socket: every route, every error status,
//! the JSON shapes, and the OpenAPI description covering every route.

mod fixtures;
mod util;

use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use polidex::api::{self, AppState};
use polidex::index::reader::IndexHandle;
use serde_json::Value;
use tower::ServiceExt;

/// The app over an index of the small corpus, built once.
fn app() -> Router {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let corpus = util::corpus_of(&fixtures::small_corpus());
        let index = tempfile::tempdir().expect("temp dir");
        util::index_into(corpus.path(), index.path());
        std::mem::forget(corpus);
        index
    });
    api::app(AppState::new(
        IndexHandle::open(index.path(), true).expect("index opens"),
    ))
}

async fn call(request: Request<Body>) -> (StatusCode, Vec<u8>) {
    let response = app().oneshot(request).await.expect("infallible");
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    (status, body.to_vec())
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (status, body) = call(Request::get(uri).body(Body::empty()).expect("request")).await;
    let json = serde_json::from_slice(&body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into_owned()));
    (status, json)
}

#[tokio::test]
async fn search_answers_like_the_cli() {
    let (status, body) = get("/api/search?q=consent%20keeper&lang=en&group=unit").await;
    assert_eq!(status, StatusCode::OK);
    insta::assert_json_snapshot!("api_search_consent_keeper", body, {".took_ms" => "[took]", ".fingerprint" => "[fingerprint]", ".hits[].score" => insta::rounded_redaction(2)});
}

#[tokio::test]
async fn repeated_filters_facets_and_paging() {
    let (status, body) =
        get("/api/search?q=keeper%20OR%20gardien&lang=en&lang=fr&facets=true&limit=1&offset=1")
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["limit"], 1);
    assert_eq!(body["offset"], 1);
    assert!(body["facets"]["lang"].is_object());
    let (_, capped) = get("/api/search?q=keeper&limit=99999999999999999999").await;
    assert_eq!(capped["limit"], 1000);
}

#[tokio::test]
async fn malformed_requests_get_400_with_a_reason() {
    let (status, body) = get("/api/search?q=keeper%20AND%20(storm").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_query");
    assert_eq!(body["error"]["position"], 11);
    let (status, body) = get("/api/search?q=x%20date:[2023%20TO%202020]").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_query");
    for uri in [
        "/api/search",
        "/api/search?q=x&limit=-1",
        "/api/search?q=x&offset=abc",
        "/api/search?q=x&lang=xx",
        "/api/search?q=x&from=2023&to=2020",
        "/api/search?q=x&sort=sideways",
        "/api/search?q=x&unknown=1",
        "/api/search?q=x&from=2020-13",
        "/api/cite",
        "/api/define",
        "/api/docs/32099R0001?lang=en&parallel=fr",
    ] {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["error"]["code"], "invalid_parameter", "{uri}");
    }
}

#[tokio::test]
async fn unknown_ids_and_routes_get_404() {
    for uri in [
        "/api/docs/..%2F..%2Fetc%2Fpasswd",
        "/api/docs/32099R0001%23art_99",
        "/nope",
        "/api/docs/",
    ] {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(body["error"]["code"], "not_found", "{uri}");
    }
    let (status, _) = call(
        Request::delete("/api/search?q=x")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn docs_cite_define_cited_by_stats_health() {
    let (status, shown) = get("/api/docs/32099R0001%23art_2?parallel=en,fr").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown["versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(shown["unit"], "art_2");
    let (status, cited) =
        get("/api/cite?q=Article%202(1)(a)%20of%20Regulation%20(EU)%202099%2F1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cited["citations"][0]["id"], "32099R0001#art_2.par_1.pnt_a");
    let (status, defined) = get("/api/define?term=keeper").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(defined["definitions"][0]["id"], "32099R0001#art_1.pnt_2");
    let (status, citing) = get("/api/cited-by/32099R0001%23art_2?limit=5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(citing["total"].as_u64().unwrap_or(0) >= 1);
    let (status, stats) = get("/api/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["documents"], 4);
    let (status, health) = get("/healthz").await;
    assert_eq!(
        (status, health),
        (StatusCode::OK, serde_json::json!({"status": "ok"}))
    );
}

#[tokio::test]
async fn ids_that_are_paths_may_keep_their_slashes() {
    for uri in [
        "/api/docs/statements/keepers-union",
        "/api/docs/statements%2Fkeepers-union",
    ] {
        let (status, shown) = get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(shown["doc_id"], "statements/keepers-union", "{uri}");
    }
    let (status, _) = get("/api/cited-by/statements/keepers-union%23p_1").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get("/api/docs/statements/no-such-statement").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for undecodable in ["/api/docs/%FF%FE", "/api/cited-by/%C0%AF"] {
        let (status, body) = get(undecodable).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{undecodable}");
        assert_eq!(body["error"]["code"], "invalid_parameter", "{undecodable}");
    }
}

#[tokio::test]
async fn batch_answers_in_order_and_caps_the_body() {
    let body = "keeper\nq2\tgardien\nbroken (\n";
    let (status, out) = call(
        Request::post("/api/batch")
            .body(Body::from(body))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let lines: Vec<Value> = String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["query_id"], "q2");
    assert!(lines[2]["error"].is_string());
    let huge = vec![b'a'; 11 * 1024 * 1024];
    let (status, out) = call(
        Request::post("/api/batch")
            .body(Body::from(huge))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(String::from_utf8_lossy(&out).contains("payload_too_large"));
    let (status, _) = call(
        Request::post("/api/batch")
            .body(Body::from(vec![0xff, 0xfe, b'a']))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let hits_per_line = |out: &[u8]| -> Vec<usize> {
        String::from_utf8_lossy(out)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("json"))
            .map(|line| line["hits"].as_array().map_or(0, Vec::len))
            .collect()
    };
    let post =
        |uri: &str, body: &'static str| Request::post(uri).body(Body::from(body)).expect("request");
    let (_, all) = call(post("/api/batch", "keeper\n")).await;
    assert!(hits_per_line(&all)[0] > 1, "the test needs several hits");
    let (status, out) = call(post(
        "/api/batch?limit=1",
        "keeper\n{\"q\": \"keeper\", \"limit\": 3}\n",
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
    let counts = hits_per_line(&out);
    assert_eq!(counts[0], 1, "the request's limit");
    assert!(counts[1] > 1, "a line's own limit wins");
    let (status, _) = call(post("/api/batch?colour=1", "keeper\n")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn openapi_describes_every_route() {
    let (status, spec) = get("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let paths = spec["paths"].as_object().expect("paths");
    for route in [
        "/api/search",
        "/api/batch",
        "/api/cite",
        "/api/docs/{id}",
        "/api/define",
        "/api/cited-by/{id}",
        "/api/stats",
        "/healthz",
        "/",
    ] {
        assert!(
            paths.contains_key(route),
            "{route} missing from openapi.json"
        );
    }
    assert!(spec["openapi"].as_str().unwrap_or("").starts_with("3."));
}

#[tokio::test]
async fn the_search_page_is_self_contained() {
    let (status, body) = call(Request::get("/").body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8_lossy(&body);
    assert!(page.contains("<html") && page.contains("/api/search"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no external assets"
    );
}
