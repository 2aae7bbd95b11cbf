//! The widgets other sites embed: `/embed/{slug}` pages, the `/embed.js` loader that frames
//! them, and the message a widget sends its host page about its height.

/// One embeddable widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widget {
    LatestNews,
    LatestDocuments,
    Questions,
    FeaturedNews,
    Schedule,
    VisitStats,
    Links,
    Map,
}

/// The `type` of the only message a widget posts to its host page: `{type, height}`.
pub const HEIGHT_MESSAGE: &str = "portal-widget-height";

/// `tin-moi?so=N`, `van-ban-moi?so=N` and `hoi-dap?so=N`: how many articles, documents or
/// questions, by default and at most.
pub const LATEST_DEFAULT_COUNT: u32 = 5;
pub const LATEST_MAX_COUNT: u32 = 20;

impl Widget {
    pub const ALL: [Widget; 8] = [
        Widget::LatestNews,
        Widget::LatestDocuments,
        Widget::Questions,
        Widget::FeaturedNews,
        Widget::Schedule,
        Widget::VisitStats,
        Widget::Links,
        Widget::Map,
    ];

    /// Its name in `/embed/{slug}` and in `data-portal-widget`.
    pub fn slug(self) -> &'static str {
        match self {
            Widget::LatestNews => "tin-moi",
            Widget::LatestDocuments => "van-ban-moi",
            Widget::Questions => "hoi-dap",
            Widget::FeaturedNews => "tin-tieu-diem",
            Widget::Schedule => "lich-cong-tac",
            Widget::VisitStats => "thong-ke-truy-cap",
            Widget::Links => "lien-ket",
            Widget::Map => "ban-do",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Widget> {
        Widget::ALL.into_iter().find(|widget| widget.slug() == slug)
    }

    /// Its heading, and the title of the frame that shows it.
    pub fn title(self) -> &'static str {
        match self {
            Widget::LatestNews => "Tin mới",
            Widget::LatestDocuments => "Văn bản mới",
            Widget::Questions => "Hỏi đáp",
            Widget::FeaturedNews => "Tin tiêu điểm",
            Widget::Schedule => "Lịch công tác",
            Widget::VisitStats => "Thống kê truy cập",
            Widget::Links => "Website liên kết",
            Widget::Map => "Bản đồ huyện",
        }
    }

    /// The query parameters it takes (also `data-*` attributes for the loader).
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Widget::LatestNews => &["so", "chuyen-muc"],
            Widget::LatestDocuments | Widget::Questions => &["so"],
            _ => &[],
        }
    }
}

/// `?so=`: a count within 1..=LATEST_MAX_COUNT, the default when absent or not a number.
pub fn latest_count(value: Option<&str>) -> u32 {
    value
        .and_then(|value| value.trim().parse::<u32>().ok())
        .map_or(LATEST_DEFAULT_COUNT, |count| {
            count.clamp(1, LATEST_MAX_COUNT)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_name_each_widget_once() {
        for widget in Widget::ALL {
            assert_eq!(Widget::from_slug(widget.slug()), Some(widget));
        }
        assert_eq!(Widget::from_slug("khong-co"), None);
    }

    #[test]
    fn the_count_stays_within_bounds() {
        assert_eq!(latest_count(None), 5);
        assert_eq!(latest_count(Some("3")), 3);
        assert_eq!(latest_count(Some("0")), 1);
        assert_eq!(latest_count(Some("500")), 20);
        assert_eq!(latest_count(Some("năm")), 5);
    }
}
