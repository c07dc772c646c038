//! The HTTP API: `app(state)` builds the router (tests drive it without a socket), `serve`
//! runs it on a socket with the limits a public server needs.
//!
//! Searches run on the blocking pool with a time budget; the body size, the page size and
//! the time a client may take to send its headers are capped; SIGINT and SIGTERM shut the
//! server down gracefully. The server follows new commits of the index.

pub mod error;
pub mod params;
pub mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::index::reader::{IndexHandle, Snapshot};
use crate::limits;
use error::ApiError;

/// What every handler shares: the open index, and the permits of the searches running.
#[derive(Clone)]
pub struct AppState {
    index: Arc<IndexHandle>,
    /// One permit per core: searches beyond that wait in line (first come, first served)
    /// instead of sharing the cores, so a slow query never slows every other one down.
    searching: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// State over an open index.
    pub fn new(index: IndexHandle) -> AppState {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        AppState {
            index: Arc::new(index),
            searching: Arc::new(tokio::sync::Semaphore::new(cores)),
        }
    }

    /// Runs `work` on the blocking pool with a fresh snapshot, within the request budget.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> Result<T, ApiError> + Send + 'static,
    {
        let index = Arc::clone(&self.index);
        let searching = Arc::clone(&self.searching);
        let task = async move {
            let permit = searching.acquire_owned().await;
            tokio::task::spawn_blocking(move || {
                // Held until the work ends, even when the client has stopped waiting.
                let _permit = permit.map_err(|_| ApiError::Unavailable)?;
                let snapshot = index.snapshot().map_err(|e| {
                    tracing::error!("index: {e}");
                    ApiError::Unavailable
                })?;
                work(&snapshot)
            })
            .await
        };
        match tokio::time::timeout(limits::REQUEST_TIMEOUT, task).await {
            Err(_) => Err(ApiError::Timeout),
            Ok(Err(join_error)) => {
                tracing::error!("request task failed: {join_error}");
                Err(ApiError::Internal)
            }
            Ok(Ok(result)) => result,
        }
    }
}

/// The OpenAPI description's header; the paths come from the handlers. The two routes whose
/// id may be a path (`statements/edps/opinion`) are routed by hand, so that its slashes may
/// come unescaped, and described here.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "polidex",
        description = "Search engine for EU policy documents"
    ),
    paths(routes::doc, routes::cited_by)
)]
struct ApiDoc;

/// The router and the OpenAPI description built from the same handler list.
fn routes_and_spec() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(routes::search))
        .routes(routes!(routes::batch))
        .routes(routes!(routes::cite))
        .routes(routes!(routes::define))
        .routes(routes!(routes::stats))
        .routes(routes!(routes::healthz))
        .routes(routes!(routes::page))
        .route("/api/docs/{*id}", get(routes::doc))
        .route("/api/cited-by/{*id}", get(routes::cited_by))
        .split_for_parts()
}

/// The OpenAPI description of every route.
pub fn openapi() -> utoipa::openapi::OpenApi {
    routes_and_spec().1
}

/// The application: every route, the limits, request logging.
pub fn app(state: AppState) -> Router {
    let (router, spec) = routes_and_spec();
    let spec = Arc::new(spec);
    router
        .route(
            "/openapi.json",
            get(move || async move { axum::Json(spec.as_ref().clone()) }),
        )
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(limits::MAX_BODY_BYTES))
        .layer(middleware::from_fn(refuse_announced_oversized_bodies))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits::REQUEST_TIMEOUT + Duration::from_secs(5),
        ))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            limits::MAX_CONCURRENT_REQUESTS,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Answers 413 at once when a request announces a body over the limit, instead of reading
/// up to the limit first (the body limit itself still guards bodies of unannounced length).
async fn refuse_announced_oversized_bodies(request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    match announced {
        Some(length) if length > limits::MAX_BODY_BYTES as u64 => {
            ApiError::PayloadTooLarge.into_response()
        }
        _ => next.run(request).await,
    }
}

/// Serves `state` on `addr` until SIGINT or SIGTERM; `on_bound` learns the real address
/// (for port 0).
pub async fn serve(
    state: AppState,
    addr: SocketAddr,
    on_bound: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    raise_open_files_limit();
    let listener = tokio::net::TcpListener::bind(addr).await?;
    on_bound(listener.local_addr()?);
    let router = app(state);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => serve_connection(&router, &graceful, stream),
                // Out of file descriptors or a reset connection: wait a little, keep serving.
                Err(error) => {
                    tracing::warn!("accept: {error}");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            },
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}

fn serve_connection(router: &Router, graceful: &GracefulShutdown, stream: tokio::net::TcpStream) {
    let service = TowerToHyperService::new(router.clone());
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits::HEADER_READ_TIMEOUT)
        .serve_connection(TokioIo::new(stream), service);
    let connection = graceful.watch(connection);
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::debug!("connection: {error}");
        }
    });
}

/// Many concurrent clients need many sockets: lift the soft limit to the hard one.
fn raise_open_files_limit() {
    if let Ok((_, hard)) = rlimit::Resource::NOFILE.get() {
        let _ = rlimit::Resource::NOFILE.set(hard, hard);
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
