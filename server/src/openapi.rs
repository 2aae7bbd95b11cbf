//! The OpenAPI document of API v1, served at `/api/v1/openapi.json` and checked against the
//! running server by schemathesis in `make test`.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes::{articles, categories, feedback, links, map, schedule, site, stats};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cổng thông tin điện tử huyện Bình Liêu: API v1",
        version = "1",
        description = "News, schedule, statistics, links, the district map and feedback of the district portal. \
                       Times are RFC 3339 in +07:00. Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    paths(
        site::get_site,
        categories::list_categories,
        articles::list_articles,
        articles::get_article,
        schedule::get_schedule,
        stats::get_stats,
        stats::post_visit,
        links::list_links,
        map::get_map,
        feedback::post_feedback,
        feedback::list_feedback,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_pretty_json()
            .expect("the document serializes")
    })
}

pub async fn document() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json()).into_response()
}
