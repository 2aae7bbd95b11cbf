//! The district's places on the map.

use portal_contract::{
    FeatureType, Geometry, LinkTarget, Place, PlaceKind, PlaceLink, PlaceProperties,
};
use serde::Deserialize;

use crate::db::{bad_column, Conn, Result};

/// A checked place, ready to store; its link's title is looked up when it is read.
#[derive(Debug, Clone)]
pub struct NewPlace {
    pub id: String,
    pub kind: PlaceKind,
    pub name: String,
    pub address: Option<String>,
    pub link: Option<NewPlaceLink>,
    pub geometry: Geometry,
    pub approximate: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPlaceLink {
    pub target: LinkTarget,
    pub slug: String,
}

pub fn has_places(conn: &mut Conn) -> Result<bool> {
    conn.query_one("SELECT EXISTS (SELECT 1 FROM map_places)", &[], |row| {
        row.get(0)
    })
}

pub fn save_place(conn: &mut Conn, place: &NewPlace, position: usize) -> Result<()> {
    let kind = serde_json::to_value(place.kind).expect("a kind serializes");
    let geometry = serde_json::to_string(&place.geometry).expect("a geometry serializes");
    let (link_target, link_slug) = match &place.link {
        Some(link) => (
            Some(link_target_code(link.target)),
            Some(link.slug.as_str()),
        ),
        None => (None, None),
    };
    conn.execute(
        "INSERT INTO map_places
             (id, position, kind, name, address, link_target, link_slug, geometry, approximate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
             name = excluded.name, address = excluded.address,
             link_target = excluded.link_target, link_slug = excluded.link_slug,
             geometry = excluded.geometry, approximate = excluded.approximate",
        &[
            &place.id,
            &position,
            &kind.as_str(),
            &place.name,
            &place.address,
            &link_target,
            &link_slug,
            &geometry,
            &place.approximate,
        ],
    )?;
    Ok(())
}

fn link_target_code(target: LinkTarget) -> &'static str {
    match target {
        LinkTarget::Category => "category",
        LinkTarget::Article => "article",
    }
}

/// Every place in list order. A link whose article or category is gone is left out rather
/// than sent broken.
pub fn places(conn: &mut Conn) -> Result<Vec<Place>> {
    conn.query(
        "SELECT p.id, p.kind, p.name, p.address, p.link_target, p.link_slug, p.geometry,
                p.approximate,
                CASE p.link_target
                    WHEN 'category' THEN (SELECT name FROM categories WHERE slug = p.link_slug)
                    WHEN 'article' THEN (SELECT title FROM articles WHERE slug = p.link_slug)
                END
         FROM map_places p ORDER BY p.position, p.id",
        &[],
        |row| {
            let kind: String = row.get(1)?;
            let kind: PlaceKind = serde_json::from_value(serde_json::Value::String(kind))
                .map_err(|err| bad_column(1, err))?;
            let geometry: String = row.get(6)?;
            let geometry: Geometry =
                serde_json::from_str(&geometry).map_err(|err| bad_column(6, err))?;
            let target: Option<String> = row.get(4)?;
            let slug: Option<String> = row.get(5)?;
            let title: Option<String> = row.get(8)?;
            let link = match (target.as_deref(), slug, title) {
                (Some("category"), Some(slug), Some(title)) => Some(PlaceLink {
                    target: LinkTarget::Category,
                    slug,
                    title,
                }),
                (Some("article"), Some(slug), Some(title)) => Some(PlaceLink {
                    target: LinkTarget::Article,
                    slug,
                    title,
                }),
                _ => None,
            };
            Ok(Place {
                kind: FeatureType::Feature,
                id: row.get(0)?,
                geometry,
                properties: PlaceProperties {
                    name: row.get(2)?,
                    kind,
                    address: row.get(3)?,
                    link,
                    approximate: row.get(7)?,
                },
            })
        },
    )
}
