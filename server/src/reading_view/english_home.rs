//! The English home page (`src/pages/english_home.rs`): the English news with its page links,
//! the district at a glance and the way to the introduction and contacts.

use portal_contract::i18n::{
    counterpart_page, english_home_href, EN_ABOUT_PATH, EN_CONTACT_PATH, EN_ORGANIZATION_PATH,
    EN_PREFIX,
};
use portal_contract::{ArticleSummary, Lang, Paged, Site, READING_VIEW_ID};

use super::header::{header, switch_target};
use super::parts::{article_card, list_or_sentence, pagination};
use crate::html::escape;

/// The English home page's page `news.page` of news under the portal's name and menu.
pub fn render_english_home(site: Option<&Site>, news: &Paged<ArticleSummary>) -> String {
    let t = Lang::En.texts();
    let articles = list_or_sentence("article-list", t.no_articles, &news.items, |article| {
        article_card(article, Lang::En, 3, true)
    });
    let glance = match site {
        Some(site) => {
            let facts: String = site
                .glance
                .iter()
                .map(|fact| {
                    format!(
                        "<div><dt>{}</dt><dd>{}</dd></div>",
                        escape(&fact.label),
                        escape(&fact.value)
                    )
                })
                .collect();
            format!(
                "<p class=\"article-summary\">{}</p><dl class=\"glance-facts\">{facts}</dl>",
                escape(&site.description)
            )
        }
        None => format!("<p class=\"empty\">{}</p>", t.en_home_no_glance),
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{title}</h1><div class=\"english-home\">\
         <section class=\"english-news\" aria-labelledby=\"news-heading\">\
         <h2 id=\"news-heading\" class=\"section-heading\">{news_heading}</h2>{articles}{pages}</section>\
         <section class=\"english-glance\" aria-labelledby=\"glance-heading\">\
         <h2 id=\"glance-heading\" class=\"section-heading\">{glance_heading}</h2>{glance}\
         <h2 class=\"section-heading\">{more}</h2><ul class=\"link-list\">\
         <li><a href=\"{EN_ABOUT_PATH}\">{about}</a></li>\
         <li><a href=\"{EN_ORGANIZATION_PATH}\">{organization}</a></li>\
         <li><a href=\"{EN_CONTACT_PATH}\">{contact}</a></li></ul>\
         <p class=\"hint\">{vietnamese} <a href=\"/\" lang=\"vi\" hreflang=\"vi\" rel=\"external\">{switch}</a></p>\
         </section></div></main></div>",
        header = header(
            site,
            Lang::En,
            &switch_target(Lang::En, counterpart_page(EN_PREFIX))
        ),
        title = t.en_home_title,
        news_heading = t.en_home_news,
        pages = pagination(t, news.page, news.page_count(), english_home_href),
        glance_heading = t.en_home_glance,
        more = t.en_home_more,
        about = t.menu_about,
        organization = t.menu_organization,
        contact = t.menu_contact,
        vietnamese = t.en_home_vietnamese,
        switch = t.switch_language,
    )
}
