//! `GET /map`: the district as a GeoJSON FeatureCollection (RFC 7946), and where the map's
//! base tiles come from. Coordinates are `[longitude, latitude]`, as GeoJSON orders them.

use serde::{Deserialize, Serialize};

/// The base map under the places: set by whoever runs the server, sent with `GET /site`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapTiles {
    /// A Leaflet URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`.
    pub url_template: String,
    /// Plain text credit shown on the map (never HTML).
    pub attribution: String,
    /// Where the credit links to, if anywhere.
    pub attribution_url: Option<String>,
    pub max_zoom: u8,
}

impl MapTiles {
    /// OpenStreetMap's standard tiles, the default of a new installation.
    pub fn openstreetmap() -> Self {
        Self {
            url_template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© Những người đóng góp OpenStreetMap".into(),
            attribution_url: Some("https://www.openstreetmap.org/copyright".into()),
            max_zoom: 19,
        }
    }
}

/// The whole map: `{"type": "FeatureCollection", "features": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionType,
    pub features: Vec<Place>,
}

impl PlaceCollection {
    pub fn new(features: Vec<Place>) -> Self {
        Self {
            kind: FeatureCollectionType::FeatureCollection,
            features,
        }
    }
}

/// `[west, south, east, north]` around every place, or `None` when there are none.
pub fn extent(places: &[Place]) -> Option<[f64; 4]> {
    places
        .iter()
        .filter_map(|place| place.geometry.bounds())
        .reduce(|[w, s, e, n], [w2, s2, e2, n2]| [w.min(w2), s.min(s2), e.max(e2), n.max(n2)])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeatureCollectionType {
    FeatureCollection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FeatureType {
    Feature,
}

/// One place: a GeoJSON Feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    #[serde(rename = "type")]
    pub kind: FeatureType,
    /// Stable and URL-safe, e.g. `cua-khau-hoanh-mo`.
    pub id: String,
    pub geometry: Geometry,
    pub properties: PlaceProperties,
}

/// Read through `RawGeometry` rather than serde's internally tagged enums, whose buffering
/// machinery costs the web app about 30 KB of wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", try_from = "RawGeometry")]
pub enum Geometry {
    Point {
        /// `[longitude, latitude]`
        coordinates: [f64; 2],
    },
    Polygon {
        /// Rings of `[longitude, latitude]`, each closed (first = last); the first is the outline.
        coordinates: Vec<Vec<[f64; 2]>>,
    },
}

impl Geometry {
    /// Where a popup for this shape opens: the point itself, or the middle of the outline's
    /// bounding box.
    pub fn anchor(&self) -> [f64; 2] {
        match self {
            Geometry::Point { coordinates } => *coordinates,
            Geometry::Polygon { .. } => match self.bounds() {
                Some([west, south, east, north]) => [(west + east) / 2.0, (south + north) / 2.0],
                None => [0.0, 0.0],
            },
        }
    }

    /// `[west, south, east, north]`, or `None` for a shape without a single position.
    pub fn bounds(&self) -> Option<[f64; 4]> {
        let positions: Vec<[f64; 2]> = match self {
            Geometry::Point { coordinates } => vec![*coordinates],
            Geometry::Polygon { coordinates } => coordinates.first().cloned().unwrap_or_default(),
        };
        positions.iter().fold(None, |bounds, [lng, lat]| {
            Some(match bounds {
                None => [*lng, *lat, *lng, *lat],
                Some([w, s, e, n]) => [w.min(*lng), s.min(*lat), e.max(*lng), n.max(*lat)],
            })
        })
    }

    /// Why this geometry is not a usable GeoJSON shape, if it is not.
    pub fn problem(&self) -> Option<String> {
        let valid = |[lng, lat]: [f64; 2]| {
            lng.is_finite()
                && lat.is_finite()
                && (-180.0..=180.0).contains(&lng)
                && (-90.0..=90.0).contains(&lat)
        };
        match self {
            Geometry::Point { coordinates } => {
                (!valid(*coordinates)).then(|| format!("toạ độ không hợp lệ: {coordinates:?}"))
            }
            Geometry::Polygon { coordinates } => {
                if coordinates.is_empty() {
                    return Some("vùng không có đường bao".into());
                }
                for ring in coordinates {
                    if ring.len() < 4 || ring.first() != ring.last() {
                        return Some("mỗi đường bao cần ít nhất 4 điểm và khép kín".into());
                    }
                    if let Some(bad) = ring.iter().find(|position| !valid(**position)) {
                        return Some(format!("toạ độ không hợp lệ: {bad:?}"));
                    }
                }
                None
            }
        }
    }
}

/// A geometry as it arrives: its type, and coordinates nested to whatever depth.
#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: GeometryType,
    coordinates: Nested,
}

#[derive(Deserialize)]
enum GeometryType {
    Point,
    Polygon,
}

/// A number or a list of `Nested`: GeoJSON coordinates of any depth.
enum Nested {
    Number(f64),
    List(Vec<Nested>),
}

impl<'de> Deserialize<'de> for Nested {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NestedVisitor;
        impl<'de> serde::de::Visitor<'de> for NestedVisitor {
            type Value = Nested;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or an array of coordinates")
            }
            fn visit_f64<E>(self, value: f64) -> Result<Nested, E> {
                Ok(Nested::Number(value))
            }
            fn visit_i64<E>(self, value: i64) -> Result<Nested, E> {
                Ok(Nested::Number(value as f64))
            }
            fn visit_u64<E>(self, value: u64) -> Result<Nested, E> {
                Ok(Nested::Number(value as f64))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Nested, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Nested::List(items))
            }
        }
        deserializer.deserialize_any(NestedVisitor)
    }
}

impl Nested {
    fn position(&self) -> Result<[f64; 2], String> {
        match self {
            Nested::List(items) => match items.as_slice() {
                [Nested::Number(lng), Nested::Number(lat)] => Ok([*lng, *lat]),
                _ => Err("a position is [longitude, latitude]".into()),
            },
            Nested::Number(_) => Err("a position is [longitude, latitude]".into()),
        }
    }

    fn list(&self) -> Result<&[Nested], String> {
        match self {
            Nested::List(items) => Ok(items),
            Nested::Number(_) => Err("expected an array of coordinates".into()),
        }
    }
}

impl TryFrom<RawGeometry> for Geometry {
    type Error = String;

    fn try_from(raw: RawGeometry) -> Result<Self, String> {
        Ok(match raw.kind {
            GeometryType::Point => Geometry::Point {
                coordinates: raw.coordinates.position()?,
            },
            GeometryType::Polygon => Geometry::Polygon {
                coordinates: raw
                    .coordinates
                    .list()?
                    .iter()
                    .map(|ring| ring.list()?.iter().map(Nested::position).collect())
                    .collect::<Result<_, _>>()?,
            },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceProperties {
    pub name: String,
    pub kind: PlaceKind,
    pub address: Option<String>,
    /// News about this place on the portal.
    pub link: Option<PlaceLink>,
    /// True when the position or outline was drawn by hand for the demo, not surveyed.
    pub approximate: bool,
}

/// What a place is; the map has one layer per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PlaceKind {
    #[serde(rename = "huyen")]
    District,
    #[serde(rename = "xa-thi-tran")]
    Commune,
    #[serde(rename = "tru-so")]
    Office,
    #[serde(rename = "cua-khau")]
    BorderGate,
    #[serde(rename = "truong-hoc")]
    School,
    #[serde(rename = "y-te")]
    Health,
    #[serde(rename = "cho")]
    Market,
    #[serde(rename = "du-lich")]
    Sight,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 8] = [
        PlaceKind::District,
        PlaceKind::Commune,
        PlaceKind::Office,
        PlaceKind::BorderGate,
        PlaceKind::School,
        PlaceKind::Health,
        PlaceKind::Market,
        PlaceKind::Sight,
    ];

    /// The layer's name, as a reader sees it.
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::District => "Ranh giới huyện",
            PlaceKind::Commune => "Xã, thị trấn",
            PlaceKind::Office => "Trụ sở UBND",
            PlaceKind::BorderGate => "Cửa khẩu",
            PlaceKind::School => "Trường học",
            PlaceKind::Health => "Y tế",
            PlaceKind::Market => "Chợ",
            PlaceKind::Sight => "Điểm du lịch",
        }
    }

    /// The name used in URLs, CSS classes and the JSON (`cua-khau`).
    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::District => "huyen",
            PlaceKind::Commune => "xa-thi-tran",
            PlaceKind::Office => "tru-so",
            PlaceKind::BorderGate => "cua-khau",
            PlaceKind::School => "truong-hoc",
            PlaceKind::Health => "y-te",
            PlaceKind::Market => "cho",
            PlaceKind::Sight => "du-lich",
        }
    }
}

/// A place's news: a category or an article of the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceLink {
    pub target: LinkTarget,
    pub slug: String,
    /// The category's name or the article's title, for the link's text.
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum LinkTarget {
    Category,
    Article,
}

impl PlaceLink {
    /// The app's address for the link.
    pub fn path(&self) -> String {
        match self.target {
            LinkTarget::Category => format!("/chuyen-muc/{}", self.slug),
            LinkTarget::Article => format!("/tin-tuc/{}", self.slug),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_geojson() {
        let place = Place {
            kind: FeatureType::Feature,
            id: "cho".into(),
            geometry: Geometry::Point {
                coordinates: [107.39, 21.52],
            },
            properties: PlaceProperties {
                name: "Chợ".into(),
                kind: PlaceKind::Market,
                address: None,
                link: None,
                approximate: true,
            },
        };
        let json = serde_json::to_value(PlaceCollection::new(vec![place])).unwrap();
        assert_eq!(json["type"], "FeatureCollection");
        assert_eq!(json["features"][0]["type"], "Feature");
        assert_eq!(json["features"][0]["geometry"]["type"], "Point");
        assert_eq!(json["features"][0]["geometry"]["coordinates"][0], 107.39);
        assert_eq!(json["features"][0]["properties"]["kind"], "cho");
    }

    #[test]
    fn reads_geojson_geometries_whatever_the_key_order() {
        let point: Geometry =
            serde_json::from_str(r#"{"coordinates": [107, 21.5], "type": "Point"}"#).unwrap();
        assert_eq!(
            point,
            Geometry::Point {
                coordinates: [107.0, 21.5]
            }
        );
        let polygon: Geometry = serde_json::from_str(
            r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}"#,
        )
        .unwrap();
        assert_eq!(
            polygon,
            Geometry::Polygon {
                coordinates: vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]]
            }
        );
        for bad in [
            r#"{"type": "Point", "coordinates": [1, 2, 3]}"#,
            r#"{"type": "Point", "coordinates": [[1, 2]]}"#,
            r#"{"type": "Polygon", "coordinates": [[1, 2]]}"#,
            r#"{"type": "LineString", "coordinates": [[1, 2], [3, 4]]}"#,
            r#"{"type": "Point"}"#,
        ] {
            assert!(serde_json::from_str::<Geometry>(bad).is_err(), "{bad}");
        }
        let round_trip: Geometry =
            serde_json::from_value(serde_json::to_value(&polygon).unwrap()).unwrap();
        assert_eq!(round_trip, polygon);
    }

    #[test]
    fn kind_codes_match_the_json_names() {
        for kind in PlaceKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.code());
        }
    }

    #[test]
    fn polygon_anchor_is_the_middle_of_its_bounds() {
        let square = Geometry::Polygon {
            coordinates: vec![vec![
                [0.0, 0.0],
                [2.0, 0.0],
                [2.0, 4.0],
                [0.0, 4.0],
                [0.0, 0.0],
            ]],
        };
        assert_eq!(square.anchor(), [1.0, 2.0]);
        assert_eq!(square.bounds(), Some([0.0, 0.0, 2.0, 4.0]));
        assert_eq!(square.problem(), None);
        let open = Geometry::Polygon {
            coordinates: vec![vec![[0.0, 0.0], [2.0, 0.0], [2.0, 4.0], [0.0, 4.0]]],
        };
        assert!(open.problem().is_some());
        let wrong_order = Geometry::Point {
            coordinates: [21.5, 190.0],
        };
        assert!(wrong_order.problem().is_some());
    }
}
