//! The page as plain HTML inside the app's page, shown from the moment the page arrives until
//! the app's wasm has downloaded (seconds on a slow mobile network), and without JavaScript.
//! Every reading page gets the portal's name and menu (`header.rs`). Most also get their
//! content, each page in its own file: an article, a category's list, the home page's main
//! column, the search page, the documents library and a document, the questions and a
//! question, the procedures and a procedure, the editorial pages and the organisation
//! (`about.rs`), the schedule, the linked websites and the English home page. The others (the
//! feedback form, the look-up) get the frame alone (`render_frame`). What several views draw
//! alike is in `parts.rs`. The app draws
//! itself behind the view and removes it when it starts, or, on a page whose view has content
//! (a `<main>`), once its own is drawn (`src/reading_view.rs`).
//!
//! The markup and class names are the app's (each file names the component it follows), so
//! the page looks the same before and after; a view carries only what needs no script, and
//! its forms work without it (a `GET` to the page). `tests/e2e/reading-view-drift.spec.ts`
//! compares the two.

use portal_contract::i18n::counterpart_page;
use portal_contract::{Lang, Site, READING_VIEW_ID};

mod about;
mod article;
mod category;
mod document;
mod document_list;
mod english_home;
mod header;
mod home;
mod links;
mod parts;
mod procedure;
mod procedure_list;
mod question;
mod question_list;
mod schedule;
mod search;

pub use about::{render_organization, render_page};
pub use article::render_article;
pub use category::render_category;
pub use document::render_document;
pub use document_list::{render_documents, DocumentsContent};
pub use english_home::render_english_home;
pub use home::{render_home, HomeContent};
pub use links::render_links;
pub use procedure::render_procedure;
pub use procedure_list::{render_procedures, ProceduresContent};
pub use question::render_question;
pub use question_list::{render_questions, QuestionsContent};
pub use schedule::render_schedule;
pub use search::{render_search, SearchContent};

use header::{header, switch_target};

/// The portal's name and menu alone, for the page at `path`: every reading page but those
/// with their own view. `site` is `None` before the site's settings are stored.
pub fn render_frame(site: Option<&Site>, path: &str) -> String {
    let lang = Lang::of_path(path);
    format!(
        "<div id=\"{READING_VIEW_ID}\">{}</div>",
        header(site, lang, &switch_target(lang, counterpart_page(path)))
    )
}

/// `page` with `view` at the start of its body.
pub fn insert(page: &str, view: &str) -> String {
    match page.find("<body>") {
        Some(at) => {
            let at = at + "<body>".len();
            format!("{}{view}{}", &page[..at], &page[at..])
        }
        None => format!("{page}{view}"),
    }
}

/// `page` without its `<noscript>` note that the page needs JavaScript: an article's page
/// with its reading view does not.
pub fn without_script_note(page: &str) -> String {
    match (page.find("<noscript>"), page.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &page[..start], &page[end + "</noscript>".len()..])
        }
        _ => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};
    use portal_contract::about::{OrgUnit, Organization, SitePage, UnitKind, ABOUT_PAGE_PATH};
    use portal_contract::documents::{Document, DocumentFile, DocumentRelation};
    use portal_contract::procedures::{Procedure, Requirement};
    use portal_contract::Article;
    use portal_contract::{CategoryRef, Contacts, MapTiles};

    fn site(name: &str, menu: &[(&str, &str)]) -> Site {
        Site {
            name: name.into(),
            short_name: name.into(),
            description: String::new(),
            logo_url: None,
            contacts: Contacts {
                agency: String::new(),
                address: String::new(),
                phone: String::new(),
                email: String::new(),
                responsible: String::new(),
            },
            menu: menu
                .iter()
                .map(|(slug, name)| CategoryRef {
                    slug: slug.to_string(),
                    name: name.to_string(),
                })
                .collect(),
            map_tiles: MapTiles::openstreetmap(),
            glance: Vec::new(),
        }
    }

    fn article() -> Article {
        Article {
            slug: "tin-nong".into(),
            title: "Tin \"nóng\" <b>".into(),
            summary: "Tóm tắt & thêm".into(),
            body_html: "<p>Đoạn <em>một</em>.</p>".into(),
            published_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            updated_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            author: "Ban <biên tập>".into(),
            lang: Lang::Vi,
            counterpart: None,
            category: CategoryRef {
                slug: "thong-bao".into(),
                name: "Thông báo".into(),
            },
            image: None,
            featured: false,
            related: vec![],
        }
    }

    #[test]
    fn the_view_escapes_text_and_keeps_the_stored_body() {
        let site = site("Cổng <huyện>", &[("tin-trong-huyen", "Tin trong huyện")]);
        let view = render_article(Some(&site), &article());
        assert!(view.starts_with("<div id=\"server-page\">"), "{view}");
        assert!(view.contains("<span>Cổng &lt;huyện&gt;</span>"), "{view}");
        assert!(
            view.contains("<h1 class=\"article-title\">Tin &quot;nóng&quot; &lt;b&gt;</h1>"),
            "{view}"
        );
        assert!(
            view.contains("<time datetime=\"2024-11-01T08:30:00+07:00\">01/11/2024 08:30</time>"),
            "{view}"
        );
        assert!(view.contains("Tóm tắt &amp; thêm"), "{view}");
        assert!(view.contains("Ban &lt;biên tập&gt;"), "{view}");
        assert!(
            view.contains("<div class=\"article-body\"><p>Đoạn <em>một</em>.</p></div>"),
            "{view}"
        );
        assert!(
            view.contains("href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            view.contains("<li><a href=\"/chuyen-muc/tin-trong-huyen\">Tin trong huyện</a></li>"),
            "{view}"
        );
    }

    fn document() -> Document {
        use portal_contract::documents::{
            DocumentKind, DocumentRef, DocumentStatus, DocumentStatusInfo, DocumentTag,
            RelationKind,
        };
        Document {
            slug: "56-qd".into(),
            number: "56/QĐ-UBND".into(),
            kind: DocumentKind::by_slug("quyet-dinh").unwrap().to_ref(),
            issuer: DocumentTag {
                slug: "ubnd-huyen".into(),
                name: "UBND huyện".into(),
            },
            field: DocumentTag {
                slug: "noi-vu".into(),
                name: "Nội vụ".into(),
            },
            signer: "Chủ tịch <UBND>".into(),
            issued_on: NaiveDate::from_ymd_opt(2021, 8, 20).unwrap(),
            effective_on: None,
            expires_on: None,
            summary: "Về việc quy chế & làm việc".into(),
            status: DocumentStatusInfo::new(
                DocumentStatus::BiThayThe,
                Some(DocumentRef {
                    slug: "125-qd".into(),
                    number: "125/QĐ-UBND".into(),
                    summary: "Quy chế mới".into(),
                }),
            ),
            body_html: None,
            files: vec![DocumentFile {
                id: 3,
                name: "Quyết định 56.pdf".into(),
                size: 1_258_291,
                content_type: "application/pdf".into(),
                format: "PDF".into(),
                url: "/files/3/Quy%E1%BA%BFt".into(),
            }],
            relations: vec![DocumentRelation {
                kind: RelationKind::ReplacedBy,
                label: RelationKind::ReplacedBy.label().into(),
                slug: "125-qd".into(),
                number: "125/QĐ-UBND".into(),
                summary: "Quy chế mới".into(),
            }],
        }
    }

    #[test]
    fn a_documents_view_has_its_facts_status_files_and_relations() {
        let view = render_document(None, &document());
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<h1 class=\"article-title\">Quyết định 56/QĐ-UBND</h1>"),
            "{view}"
        );
        assert!(view.contains("<p class=\"article-summary\">Về việc quy chế &amp; làm việc</p>"));
        assert!(view.contains("<div><dt>Người ký</dt><dd>Chủ tịch &lt;UBND&gt;</dd></div>"));
        // Without its own date it takes effect when issued; without an end, none is shown.
        assert!(view.contains(
            "<div><dt>Ngày hiệu lực</dt><dd><time datetime=\"2021-08-20\">20/08/2021</time></dd></div>"
        ));
        assert!(view.contains("<div><dt>Ngày hết hiệu lực</dt><dd>Không xác định</dd></div>"));
        assert!(view.contains(
            "<dd><span class=\"document-status status-bi-thay-the\">Bị thay thế</span> bởi <a href=\"/van-ban/125-qd\">125/QĐ-UBND</a></dd>"
        ), "{view}");
        assert!(view.contains(
            "<a class=\"button button-small\" href=\"/files/3/Quy%E1%BA%BFt\" download=\"\">Tải về (PDF, 1,2 MB)<span class=\"visually-hidden\">: Quyết định 56.pdf</span></a>"
        ), "{view}");
        assert!(view.contains("<span class=\"document-relation-kind\">Bị thay thế bởi:</span>"));
        assert!(
            !view.contains("article-body"),
            "no body, no body element: {view}"
        );
    }

    #[test]
    fn the_view_starts_the_body_and_the_script_note_can_go() {
        let page = "<html><body>\n<noscript>Cần JavaScript.</noscript>\n</body></html>";
        assert_eq!(
            insert(page, "<div>bài</div>"),
            "<html><body><div>bài</div>\n<noscript>Cần JavaScript.</noscript>\n</body></html>"
        );
        assert_eq!(without_script_note(page), "<html><body>\n\n</body></html>");
        assert_eq!(without_script_note("<body></body>"), "<body></body>");
    }

    #[test]
    fn the_frame_alone_has_the_name_and_menu_and_no_article() {
        let view = render_frame(Some(&site("Cổng", &[("thong-bao", "Thông báo")])), "/");
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<a href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            !view.contains("<article") && !view.contains("<main"),
            "{view}"
        );
        // Before the site's settings are stored: the default name, the home link alone.
        let view = render_frame(None, "/");
        assert!(
            view.contains(&format!(
                "<span>{}</span>",
                portal_contract::DEFAULT_SITE_NAME
            )),
            "{view}"
        );
        assert!(
            view.contains(
                "<ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/van-ban\">Văn bản</a></li>\
                 <li><a href=\"/hoi-dap\">Hỏi đáp</a></li><li><a href=\"/thu-tuc\">Thủ tục</a></li>\
                 <li><a href=\"/gioi-thieu\">Giới thiệu</a></li></ul>"
            ),
            "{view}"
        );
    }

    fn procedure() -> Procedure {
        use portal_contract::documents::DocumentFile;
        use portal_contract::procedures::{
            LegalBasis, OnlineService, ProcedureField, ProcedureForm, ProcedureLevel, Way, WayKind,
        };
        Procedure {
            slug: "dang-ky-khai-sinh".into(),
            code: "1.001193".into(),
            name: "Đăng ký <khai> sinh".into(),
            field: ProcedureField {
                slug: "ho-tich".into(),
                name: "Hộ tịch".into(),
            },
            level: ProcedureLevel::CapXa,
            agency: "UBND xã".into(),
            steps: vec!["Bước 1: Nộp hồ sơ.".into(), "Bước 2: Nhận kết quả.".into()],
            ways: vec![Way {
                kind: WayKind::InPerson,
                note: "Tại Bộ phận một cửa & xã.".into(),
            }],
            requirements: vec![
                Requirement {
                    name: "Tờ khai".into(),
                    copies: "01 bản chính".into(),
                    form: Some(ProcedureForm {
                        document: "14-hd".into(),
                        file: DocumentFile {
                            id: 7,
                            name: "Mẫu tờ khai.pdf".into(),
                            size: 12_288,
                            content_type: "application/pdf".into(),
                            format: "PDF".into(),
                            url: "/files/7/M%E1%BA%ABu".into(),
                        },
                    }),
                },
                Requirement {
                    name: "Giấy chứng sinh".into(),
                    copies: "01 bản chính".into(),
                    form: None,
                },
            ],
            processing_time: "Trong ngày".into(),
            fees: "Miễn phí".into(),
            result: "Giấy khai sinh".into(),
            legal_bases: vec![
                LegalBasis {
                    title: "Luật Hộ tịch".into(),
                    document: None,
                },
                LegalBasis {
                    title: "Hướng dẫn 14".into(),
                    document: Some("14-hd".into()),
                },
            ],
            online: OnlineService::Full,
            service_url: Some("https://dichvucong.gov.vn/p?ma=1&b=2".into()),
            illustrative: true,
        }
    }

    #[test]
    fn a_procedures_view_is_a_checklist_with_its_forms_and_links() {
        let view = render_procedure(None, &procedure());
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(view.contains("<h1 class=\"article-title\">Đăng ký &lt;khai&gt; sinh</h1>"));
        assert!(view.contains("mang tính minh họa, chưa đối chiếu với Cơ sở dữ liệu quốc gia"));
        assert!(view.contains(
            "<div><dt>Lĩnh vực</dt><dd><a href=\"/thu-tuc?linh-vuc=ho-tich\">Hộ tịch</a></dd></div>"
        ));
        assert!(view.contains(
            "<div><dt>Cấp thực hiện</dt><dd><a href=\"/thu-tuc?muc-do=cap-xa\">Cấp xã</a></dd></div>"
        ));
        assert!(view.contains(
            "<li><input type=\"checkbox\" id=\"procedure-requirement-1\"><div>\
             <label for=\"procedure-requirement-1\">Tờ khai <span class=\"procedure-copies\">(01 bản chính)</span></label>\
             <p class=\"procedure-form\"><a class=\"button button-small\" href=\"/files/7/M%E1%BA%ABu\" download=\"\">\
             Tải mẫu (PDF, 12 KB)<span class=\"visually-hidden\">: Mẫu tờ khai.pdf</span></a> \
             <a href=\"/van-ban/14-hd\">Văn bản ban hành mẫu</a></p></div></li>"
        ), "{view}");
        assert!(view.contains("<label for=\"procedure-requirement-2\">Giấy chứng sinh"));
        assert!(view.contains("<ol class=\"procedure-steps\"><li>Bước 1: Nộp hồ sơ.</li>"));
        assert!(view.contains(
            "<li><span class=\"procedure-way-kind\">Trực tiếp:</span> Tại Bộ phận một cửa &amp; xã.</li>"
        ));
        assert!(view
            .contains("<li>Luật Hộ tịch</li><li><a href=\"/van-ban/14-hd\">Hướng dẫn 14</a></li>"));
        assert!(
            view.contains("<a class=\"button\" href=\"https://dichvucong.gov.vn/p?ma=1&amp;b=2\">")
        );

        // Not illustrative, no legal basis, and an address that is not https: none of them.
        let mut other = procedure();
        other.illustrative = false;
        other.legal_bases.clear();
        other.service_url = Some("javascript:alert(1)".into());
        let view = render_procedure(None, &other);
        assert!(!view.contains("procedure-note"), "{view}");
        assert!(!view.contains("Căn cứ pháp lý"), "{view}");
        assert!(!view.contains("javascript:"), "{view}");
    }

    #[test]
    fn an_editorial_pages_view_keeps_its_stored_body() {
        let page = SitePage {
            slug: "gioi-thieu".into(),
            title: "Giới thiệu <huyện>".into(),
            summary: "Tóm tắt & thêm".into(),
            body_html: "<h2>Tổng quan</h2><p>Đoạn.</p>".into(),
        };
        let view = render_page(None, &page, ABOUT_PAGE_PATH);
        assert!(view.contains("<h1 class=\"article-title\">Giới thiệu &lt;huyện&gt;</h1>"));
        assert!(view.contains("<p class=\"article-summary\">Tóm tắt &amp; thêm</p>"));
        assert!(view.contains("<div class=\"article-body\"><h2>Tổng quan</h2><p>Đoạn.</p></div>"));
        assert!(view.contains("<a href=\"/co-cau-to-chuc\">"));
    }

    #[test]
    fn the_organizations_view_nests_units_grouped_by_kind_with_phone_links() {
        use portal_contract::about::Leader;
        let unit = |slug: &str, name: &str, kind: UnitKind, children: Vec<OrgUnit>| OrgUnit {
            slug: slug.into(),
            name: name.into(),
            kind,
            functions: format!("Chức năng của {name}"),
            address: "Khu Bình Công".into(),
            phone: "0203 3878 125".into(),
            email: format!("{slug}@example.gov.vn"),
            place: (kind == UnitKind::Committee).then(|| "ubnd-huyen".to_string()),
            leaders: vec![Leader {
                name: "Nguyễn Văn A".into(),
                position: "Chủ tịch".into(),
            }],
            children,
        };
        let organization = Organization {
            units: vec![unit(
                "ubnd",
                "UBND huyện",
                UnitKind::Committee,
                vec![
                    unit("noi-vu", "Phòng Nội vụ", UnitKind::Office, vec![]),
                    unit("xa-a", "Xã A", UnitKind::Commune, vec![]),
                    unit("tu-phap", "Phòng Tư pháp", UnitKind::Office, vec![]),
                ],
            )],
        };
        let view = render_organization(None, &organization, Lang::Vi);
        assert!(view.contains(
            "<ul class=\"org-units\"><li class=\"org-unit\"><h2 class=\"org-unit-name\">UBND huyện</h2>"
        ), "{view}");
        assert!(view.contains(
            "<div><dt>Điện thoại</dt><dd><a href=\"tel:02033878125\">0203 3878 125</a></dd></div>"
        ));
        assert!(view.contains("<a href=\"mailto:ubnd@example.gov.vn\">ubnd@example.gov.vn</a>"));
        assert!(view
            .contains("Khu Bình Công · <a href=\"/ban-do\" rel=\"external\">Xem trên bản đồ</a>"));
        assert!(view.contains(
            "<li><span class=\"org-leader-position\">Chủ tịch:</span> Nguyễn Văn A</li>"
        ));
        // The offices together under one heading, before the communes, as they first come.
        assert!(
            view.contains(
                "<h3 class=\"org-group-heading\">Cơ quan chuyên môn</h3><ul class=\"org-units\">\
             <li class=\"org-unit\"><h4 class=\"org-unit-name\">Phòng Nội vụ</h4>"
            ),
            "{view}"
        );
        let offices = view.find("Cơ quan chuyên môn").unwrap();
        let justice = view.find("Phòng Tư pháp</h4>").unwrap();
        let communes = view
            .find("<h3 class=\"org-group-heading\">Xã, thị trấn</h3>")
            .unwrap();
        assert!(offices < justice && justice < communes, "{view}");
        // Only units with a place link to the map.
        assert_eq!(view.matches("Xem trên bản đồ").count(), 1, "{view}");
    }
}
