//! A large made-up corpus for load and search benchmarks: articles (`portal-server seed
//! --synthetic N`) and documents (`add_documents`, which `scripts/bench.py` has built through
//! the `synthetic_documents` example). Deterministic: the same N always gives the same ones.

use chrono::{Duration, TimeZone};
use portal_contract::{portal_offset, slugify};

use crate::sanitize;
use crate::store::{self, articles::NewArticle};

const ACTIONS: &[&str] = &[
    "Tổng kết",
    "Triển khai",
    "Kiểm tra",
    "Hội nghị về",
    "Tập huấn",
    "Ra quân",
    "Sơ kết",
    "Đẩy mạnh",
    "Nâng cao hiệu quả",
    "Hướng dẫn",
    "Thông báo về",
    "Khánh thành",
];
const TOPICS: &[&str] = &[
    "công tác quốc phòng địa phương",
    "tuyển quân",
    "xây dựng nông thôn mới",
    "sản phẩm OCOP miến dong",
    "cải cách hành chính",
    "phòng chống dịch bệnh",
    "bảo vệ rừng",
    "giáo dục dân tộc nội trú",
    "an ninh biên giới",
    "du lịch cộng đồng",
    "đường giao thông nông thôn",
    "chuyển đổi số",
    "lễ hội Soóng cọ",
    "tiêm chủng mở rộng",
    "hòa giải ở cơ sở",
    "công trình thuỷ lợi",
];
const PLACES: &[&str] = &[
    "thị trấn Bình Liêu",
    "xã Đồng Tâm",
    "xã Đồng Văn",
    "xã Hoành Mô",
    "xã Húc Động",
    "xã Lục Hồn",
    "xã Tình Húc",
    "xã Vô Ngại",
];
const SENTENCES: &[&str] = &[
    "Các đại biểu đã thảo luận, đánh giá kết quả đạt được và chỉ ra những hạn chế cần khắc phục.",
    "Lực lượng dân quân tự vệ phối hợp với đồn biên phòng tuần tra trên tuyến biên giới.",
    "Người dân tích cực hiến đất, góp công làm đường bê tông liên thôn.",
    "Trạm y tế xã tổ chức khám sàng lọc cho người cao tuổi và trẻ em.",
    "Hợp tác xã mở rộng vùng trồng dong riềng, nâng cao thu nhập cho bà con.",
    "Bộ phận một cửa giải quyết hồ sơ đúng hạn, không để tồn đọng.",
    "Nhà trường duy trì sĩ số, nâng cao chất lượng dạy và học.",
    "Đoàn kiểm tra ghi nhận nhiều mô hình hay, cách làm sáng tạo.",
    "Công tác tuyên truyền được đẩy mạnh bằng tiếng Tày, tiếng Dao và tiếng Sán Chỉ.",
    "Ủy ban nhân dân huyện đề nghị các xã chủ động xây dựng kế hoạch năm tới.",
];

/// The command line of the benchmark examples (`synthetic_articles`, `synthetic_documents`):
/// `N (--db FILE | --database-url URL)`; how many to add (`default` when not given) and where.
pub fn bench_args(default: usize) -> (usize, crate::db::Location) {
    let mut args = std::env::args().skip(1);
    let mut count = default;
    let mut location = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => {
                location = args
                    .next()
                    .map(|path| crate::db::Location::Sqlite(path.into()))
            }
            "--database-url" => location = args.next().map(crate::db::Location::Postgres),
            number => count = number.parse().expect("N: how many to add"),
        }
    }
    (count, location.expect("--db FILE or --database-url URL"))
}

/// A small, fast, deterministic generator (SplitMix64); quality is no concern here.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// How many synthetic articles go in one transaction. A province's million in one grew
/// SQLite's write-ahead log to 10 GB (every page the search index rewrites, kept until the
/// commit); committed in batches, the log is folded back into the database at each commit
/// and stayed under 1.6 GB (the time to add them is the same: 29 minutes).
const ARTICLES_PER_TRANSACTION: usize = 10_000;

/// Adds `count` synthetic articles, spread over the existing categories and the ten years
/// before 2026, `ARTICLES_PER_TRANSACTION` at a time. Returns how many were added.
pub fn add_articles(conn: &mut crate::db::Conn, count: usize) -> crate::db::Result<usize> {
    let categories: Vec<String> = store::categories::categories(conn)?
        .into_iter()
        .map(|c| c.slug)
        .collect();
    if categories.is_empty() {
        return Ok(0);
    }
    let start = portal_offset()
        .with_ymd_and_hms(2016, 1, 1, 7, 0, 0)
        .unwrap();
    let mut numbers = Numbers(count as u64);
    let now = chrono::Utc::now().to_rfc3339();
    for batch in (0..count).step_by(ARTICLES_PER_TRANSACTION) {
        conn.transaction(|tx| {
            for i in batch..count.min(batch + ARTICLES_PER_TRANSACTION) {
                let title = format!(
                    "{} {} tại {} (bài tổng hợp {i})",
                    numbers.pick(ACTIONS),
                    numbers.pick(TOPICS),
                    numbers.pick(PLACES)
                );
                let paragraphs: Vec<String> = (0..4)
                    .map(|_| {
                        (0..3)
                            .map(|_| numbers.pick(SENTENCES))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                let body_html = sanitize::article_html(
                    &paragraphs
                        .iter()
                        .map(|p| format!("<p>{p}</p>"))
                        .collect::<String>(),
                );
                let published =
                    start + Duration::minutes((numbers.next() % (10 * 365 * 24 * 60)) as i64);
                let article = NewArticle {
                    slug: slugify(&title),
                    summary: paragraphs[0].clone(),
                    body_text: sanitize::plain_text(&body_html),
                    body_html,
                    title,
                    published_at: published.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                    author: "Trung tâm Truyền thông (dữ liệu thử)".into(),
                    category_slug: categories[i % categories.len()].clone(),
                    image: None,
                    featured: false,
                    lang: portal_contract::Lang::Vi,
                    counterpart: None,
                };
                store::articles::upsert_article(tx, &article, &now)?;
            }
            Ok::<_, crate::db::Error>(())
        })?;
    }
    store::search::optimize(conn)?;
    Ok(count)
}

/// Who issues the synthetic documents: the name, and the code a number ends in.
const ISSUERS: &[(&str, &str)] = &[
    ("UBND huyện Bình Liêu", "UBND"),
    ("HĐND huyện Bình Liêu", "HĐND"),
    ("Văn phòng HĐND và UBND huyện Bình Liêu", "VP"),
    ("Phòng Nội vụ huyện Bình Liêu", "PNV"),
    ("Phòng Tài chính – Kế hoạch huyện Bình Liêu", "TCKH"),
    ("Phòng Giáo dục và Đào tạo huyện Bình Liêu", "GDĐT"),
    ("Phòng Tài nguyên và Môi trường huyện Bình Liêu", "TNMT"),
    ("UBND xã Đồng Văn", "UBND"),
    ("UBND xã Hoành Mô", "UBND"),
];
/// The types, weighted as a district issues them: decisions and plans far more than
/// resolutions. (Slugs of `portal_contract::documents::DOCUMENT_KINDS`.)
const KINDS: &[(&str, u64)] = &[
    ("quyet-dinh", 30),
    ("ke-hoach", 14),
    ("thong-bao", 12),
    ("cong-van", 12),
    ("bao-cao", 10),
    ("to-trinh", 5),
    ("huong-dan", 4),
    ("chi-thi", 3),
    ("nghi-quyet", 3),
    ("giay-moi", 4),
    ("chuong-trinh", 3),
];
const DOCUMENT_FIELDS: &[&str] = &[
    "Nội vụ",
    "Tài chính",
    "Giáo dục",
    "Đất đai",
    "Y tế",
    "Nông nghiệp",
    "Giao thông",
    "Văn hóa – Du lịch",
    "Quốc phòng – An ninh",
    "Xây dựng",
    "Cải cách hành chính",
    "Lao động – Thương binh và Xã hội",
];
const SIGNERS: &[&str] = &[
    "Chủ tịch UBND huyện",
    "Phó Chủ tịch UBND huyện",
    "Chánh Văn phòng HĐND và UBND huyện",
    "Trưởng phòng",
    "Chủ tịch HĐND huyện",
];
/// What an abstract says is done: `Về việc ban hành quy chế …`.
const DOCUMENT_ACTIONS: &[&str] = &[
    "ban hành quy chế",
    "phê duyệt kế hoạch",
    "kiện toàn ban chỉ đạo",
    "giao chỉ tiêu",
    "triển khai thực hiện",
    "tổ chức kiểm tra",
    "phân bổ kinh phí",
    "thành lập tổ công tác",
    "báo cáo kết quả",
    "đề nghị khen thưởng",
    "hướng dẫn thực hiện",
    "điều chỉnh dự toán",
];
/// Words few documents have: 1 in 400 ends its abstract with one, so that a search for one
/// finds a few dozen among 100,000.
const RARE: &[&str] = &[
    "tại thôn Khe Tiền",
    "về cây hồi giống",
    "cho đội văn nghệ Sán Chỉ",
    "ở bản Ngàn Vàng",
    "về mỏ nước Nà Ếch",
    "cho hợp tác xã chè Lục Ngù",
    "tại đèo Cao Xiêm",
    "về chợ phiên Hoành Mô",
];

impl Numbers {
    /// True one time in `n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    /// One of `items` as often as its weight says.
    fn weighted<'a>(&mut self, items: &[(&'a str, u64)]) -> &'a str {
        let total: u64 = items.iter().map(|(_, weight)| weight).sum();
        let mut at = self.next() % total;
        for (item, weight) in items {
            if at < *weight {
                return item;
            }
            at -= weight;
        }
        items[0].0
    }
}

/// Adds `count` synthetic documents (văn bản), issued over the ten years before 2026, in one
/// transaction, and answers how many. Each is numbered as a district numbers them (`125/QĐ-UBND`,
/// the count restarting each year for each issuer and type; decisions of the district also as
/// `05/2024/QĐ-UBND`), has an abstract from the word lists, a body one time in three, and the
/// same small PDF attached (one stored file): searching them costs what real ones would.
pub fn add_documents(conn: &mut crate::db::Conn, count: usize) -> crate::db::Result<usize> {
    use std::collections::HashMap;

    use portal_contract::documents::DocumentKind;

    use crate::store::documents::{self as documents, NewDocument, NewFile};

    const PDF: &[u8] = b"%PDF-1.4\n% synthetic document\n1 0 obj << >> endobj\n%%EOF\n";
    let start = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date");
    let mut numbers = Numbers(count as u64 ^ 0x5EED_D0C5);
    conn.transaction(|tx| {
        let now = crate::clock::now_text();
        let sha256 = crate::import_documents::save_file(tx, PDF, &now)?;
        // The last number given, by year, issuer and type.
        let mut last: HashMap<(i32, &str, &str), u32> = HashMap::new();
        for i in 0..count {
            // Spread evenly over the ten years, in the order they were issued, as numbers go.
            let issued_on = start + Duration::days((i * 3652 / count) as i64);
            let year = chrono::Datelike::year(&issued_on);
            let kind = DocumentKind::by_slug(numbers.weighted(KINDS)).expect("a known type");
            let (issuer, issuer_code) = ISSUERS[(numbers.next() % ISSUERS.len() as u64) as usize];
            let counter = last.entry((year, issuer, kind.slug)).or_default();
            *counter += 1;
            let number = match kind.slug {
                // A công văn's number has no type: `215/UBND-VP`.
                "cong-van" => format!("{counter}/{issuer_code}-VP"),
                "quyet-dinh" if issuer_code == "UBND" && numbers.one_in(10) => {
                    format!("{counter:02}/{year}/QĐ-{issuer_code}")
                }
                _ => format!("{counter}/{}-{issuer_code}", kind.code),
            };
            let mut summary = format!(
                "Về việc {} {} tại {}",
                numbers.pick(DOCUMENT_ACTIONS),
                numbers.pick(TOPICS),
                numbers.pick(PLACES)
            );
            if numbers.one_in(400) {
                summary.push(' ');
                summary.push_str(numbers.pick(RARE));
            }
            let body_html = numbers.one_in(3).then(|| {
                let paragraphs: String = (0..2)
                    .map(|_| {
                        let sentences: Vec<&str> =
                            (0..3).map(|_| numbers.pick(SENTENCES)).collect();
                        format!("<p>{}</p>", sentences.join(" "))
                    })
                    .collect();
                sanitize::article_html(&paragraphs)
            });
            let effective_on = numbers.one_in(4).then(|| issued_on + Duration::days(10));
            let expires_on = numbers
                .one_in(8)
                .then(|| effective_on.unwrap_or(issued_on) + Duration::days(365 * 2));
            let document = NewDocument {
                slug: format!("{}-{i}", crate::documents::default_slug(&number, &summary)),
                body_text: body_html
                    .as_deref()
                    .map(sanitize::plain_text)
                    .unwrap_or_default(),
                body_html,
                number,
                kind,
                issuer: issuer.to_string(),
                signer: numbers.pick(SIGNERS).to_string(),
                issued_on,
                effective_on,
                expires_on,
                field: numbers.pick(DOCUMENT_FIELDS).to_string(),
                summary,
                files: vec![NewFile {
                    name: format!("{}.pdf", kind.name),
                    content_type: crate::documents::FileKind::Pdf.content_type(),
                    sha256: sha256.clone(),
                }],
            };
            documents::upsert_document(tx, &document, &now)?;
        }
        crate::store::document_search::optimize(tx)?;
        Ok(count)
    })
}
