//! A large made-up corpus for load and search benchmarks (`portal-server seed --synthetic N`).
//! Deterministic: the same N always gives the same articles.

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

/// Adds `count` synthetic articles, spread over the existing categories and the ten years
/// before 2026, in one transaction. Returns how many were added.
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
    conn.transaction(|tx| {
        let now = chrono::Utc::now().to_rfc3339();
        for i in 0..count {
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
            };
            store::articles::upsert_article(tx, &article, &now)?;
        }
        store::search::optimize(tx)?;
        Ok(count)
    })
}
