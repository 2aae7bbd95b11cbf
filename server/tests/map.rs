//! `GET /map`: places seeded from a GeoJSON file, checked whole, served as GeoJSON; the base
//! map's tiles come from the server's configuration.

mod common;

use axum::http::{header, StatusCode};
use common::{write_json, TestPortal};
use portal_contract::{MapTiles, PlaceCollection, PlaceKind};
use portal_server::seed::seed_map_if_empty;
use portal_server::state::AppState;
use serde_json::{json, Value};

fn point(id: &str, kind: &str, lng: f64, lat: f64, link: Option<Value>) -> Value {
    let mut properties = json!({"name": format!("Nơi {id}"), "kind": kind, "address": "Xã Đồng Văn", "approximate": true});
    if let Some(link) = link {
        properties["link"] = link;
    }
    json!({"type": "Feature", "id": id, "geometry": {"type": "Point", "coordinates": [lng, lat]}, "properties": properties})
}

fn outline() -> Value {
    json!({"type": "Feature", "id": "huyen", "geometry": {"type": "Polygon", "coordinates": [[[107.3, 21.5], [107.5, 21.5], [107.5, 21.6], [107.3, 21.5]]]},
           "properties": {"name": "Huyện", "kind": "huyen", "approximate": true}})
}

/// Writes `features` as the content folder's map and seeds it into `portal`.
fn seed(portal: &TestPortal, features: Vec<Value>) -> Result<usize, String> {
    let content = portal.dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    write_json(
        &content.join("map.geojson"),
        &json!({"type": "FeatureCollection", "features": features}),
    );
    portal.with_conn(|conn| seed_map_if_empty(conn, &content).map_err(|e| e.to_string()))
}

#[tokio::test]
async fn serves_the_seeded_places_as_geojson() {
    let portal = TestPortal::with_articles(3);
    let (_, list) = portal.get_json("/api/v1/articles?per_page=1").await;
    let article = list["items"][0]["slug"].as_str().unwrap().to_owned();
    let features = vec![
        outline(),
        point(
            "cua-khau",
            "cua-khau",
            107.49,
            21.62,
            Some(json!({"target": "article", "slug": article})),
        ),
        point(
            "cho",
            "cho",
            107.39,
            21.52,
            Some(json!({"target": "category", "slug": "thong-bao"})),
        ),
        point("truong", "truong-hoc", 107.40, 21.53, None),
    ];
    assert_eq!(seed(&portal, features), Ok(4));
    assert_eq!(
        seed(&portal, vec![point("khac", "cho", 107.0, 21.0, None)]),
        Ok(0),
        "seeding again adds nothing"
    );

    let (status, headers, body) = portal.get("/api/v1/map").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let raw: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(raw["type"], "FeatureCollection");
    assert_eq!(
        raw["features"][1]["geometry"],
        json!({"type": "Point", "coordinates": [107.49, 21.62]})
    );
    let map: PlaceCollection = serde_json::from_value(raw).unwrap();
    let ids: Vec<&str> = map.features.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        ["huyen", "cua-khau", "cho", "truong"],
        "in the file's order"
    );
    assert_eq!(map.features[0].properties.kind, PlaceKind::District);
    assert!(map.features.iter().all(|f| f.properties.approximate));
    let gate_link = map.features[1].properties.link.as_ref().unwrap();
    assert_eq!(gate_link.path(), format!("/tin-tuc/{article}"));
    assert!(
        gate_link.title.starts_with("Bài viết thử số"),
        "{}",
        gate_link.title
    );
    let market_link = map.features[2].properties.link.as_ref().unwrap();
    assert_eq!(
        (market_link.path().as_str(), market_link.title.as_str()),
        ("/chuyen-muc/thong-bao", "Thông báo")
    );
    assert_eq!(map.features[3].properties.link, None);

    // An article taken down leaves its place without a link instead of a broken one.
    portal.with_conn(|conn| {
        conn.execute("DELETE FROM articles WHERE slug = ?1", &[&article])
            .unwrap()
    });
    let (_, body) = portal.get_json("/api/v1/map").await;
    assert_eq!(body["features"][1]["properties"]["link"], Value::Null);
}

#[tokio::test]
async fn a_bad_place_stops_the_seeding_and_says_which() {
    let cases = [
        (point("Chợ Lớn", "cho", 107.4, 21.5, None), "id must be"),
        (point("x", "cho", 21.5, 190.0, None), "toạ độ không hợp lệ"),
        (point("x", "nha-hang", 107.4, 21.5, None), "unknown variant"),
        (
            point(
                "x",
                "cho",
                107.4,
                21.5,
                Some(json!({"target": "article", "slug": "khong-co"})),
            ),
            "does not exist",
        ),
        (
            json!({"type": "Feature", "id": "x", "geometry": {"type": "Polygon", "coordinates": [[[1.0, 1.0], [2.0, 2.0], [1.0, 1.0]]]},
                "properties": {"name": "x", "kind": "huyen", "approximate": true}}),
            "khép kín",
        ),
    ];
    for (bad, expected) in cases {
        let portal = TestPortal::with_articles(1);
        let err = seed(&portal, vec![point("tot", "cho", 107.4, 21.5, None), bad]).unwrap_err();
        assert!(err.contains(expected), "{err}");
        let (_, body) = portal.get_json("/api/v1/map").await;
        assert_eq!(
            body["features"],
            json!([]),
            "nothing of a bad file is stored"
        );
    }
    let portal = TestPortal::with_articles(1);
    let err = seed(
        &portal,
        vec![
            point("a", "cho", 107.4, 21.5, None),
            point("a", "cho", 107.5, 21.5, None),
        ],
    )
    .unwrap_err();
    assert!(err.contains("used twice"), "{err}");
}

#[tokio::test]
async fn the_site_names_the_configured_tiles_and_the_policy_allows_them() {
    let tiles = MapTiles {
        url_template: "https://{s}.tiles.example.vn/{z}/{x}/{y}.png".into(),
        attribution: "Bản đồ nền: Sở TN&MT".into(),
        attribution_url: None,
        max_zoom: 17,
    };
    let portal = TestPortal::with_state(1, |state: AppState| state.with_map_tiles(tiles.clone()));
    let (status, site) = portal.get_json("/api/v1/site").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(site["map_tiles"], serde_json::to_value(&tiles).unwrap());
    let (_, headers, _) = portal.get("/ban-do").await;
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        policy.contains("img-src 'self' data: https://*.tiles.example.vn;"),
        "{policy}"
    );

    let default = TestPortal::with_articles(1);
    let (_, site) = default.get_json("/api/v1/site").await;
    assert_eq!(
        site["map_tiles"]["url_template"],
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    );
}
