//! What the server reads to draw a page's reading view besides the page's own record: the
//! site's settings, and for each list page its address read as the app reads it and the API's
//! answers to the app's requests for it (through the same functions the API's handlers use,
//! so the view is the API's answer, kept answers included).

use std::sync::Arc;

use portal_contract::documents::{DocumentCriteria, DOCUMENT_FILTERS};
use portal_contract::limits::DEFAULT_PER_PAGE;
use portal_contract::paging;
use portal_contract::procedures::PROCEDURE_FILTERS;
use portal_contract::questions::QUESTION_FILTERS;
use portal_contract::search_page::{SearchCriteria, DOCUMENT_HITS};
use portal_contract::week::WEEK_PARAM;
use portal_contract::{
    parse_iso_week, week_start, ArticleSummary, Lang, LinkGroup, PageRequest, Paged, Site,
    WeekSchedule,
};

use crate::error::AppError;
use crate::reading_view;
use crate::state::AppState;
use crate::store;

/// The site's settings in `lang`, as `GET /site` answers them; `None` before they are stored.
pub async fn site_settings(state: &AppState, lang: Lang) -> Result<Option<Site>, AppError> {
    let tiles = state.map_tiles.as_ref().clone();
    state
        .db(move |conn| Ok(store::site::site_in(conn, tiles, lang)?))
        .await
}

/// Every linked website, by group.
pub async fn links_content(state: &AppState) -> Result<Vec<LinkGroup>, AppError> {
    state.db(|conn| Ok(store::links::link_groups(conn)?)).await
}

/// The English home page's page of news that its address asks for.
pub async fn english_home_content(
    state: &AppState,
    query: Option<&str>,
) -> Result<Paged<ArticleSummary>, AppError> {
    use crate::routes::articles::{article_list, ArticleListQuery};
    let params = address_params(query);
    let news = article_list(
        state,
        ArticleListQuery {
            page: Some(paging::requested_page(param(&params, paging::PAGE_PARAM))),
            per_page: Some(DEFAULT_PER_PAGE),
            lang: Some(Lang::En),
            ..Default::default()
        },
    )
    .await?;
    Ok(Arc::unwrap_or_clone(news))
}

/// The search page's criteria, read from its address as the app reads them, and the API's
/// answers to the app's requests for them.
pub async fn search_content(
    state: &AppState,
    lang: Lang,
    query: Option<&str>,
) -> Result<reading_view::SearchContent, AppError> {
    use crate::routes::articles::{article_list, ArticleListQuery};
    use crate::routes::documents::{document_list, DocumentListQuery};
    let params = address_params(query);
    let param = |name: &str| param(&params, name);
    let criteria = SearchCriteria::from_address(lang, param);
    let page = paging::requested_page(param(paging::PAGE_PARAM));
    let text = criteria.text.trim().to_string();
    let results = if criteria.is_empty() {
        None
    } else {
        Some(Arc::unwrap_or_clone(
            article_list(
                state,
                ArticleListQuery {
                    page: Some(page),
                    q: given(&text),
                    category: given(&criteria.category),
                    from: given(&criteria.from),
                    to: given(&criteria.to),
                    lang: Some(lang),
                    ..Default::default()
                },
            )
            .await?,
        ))
    };
    let documents = if text.is_empty() || lang != Lang::Vi {
        None
    } else {
        Some(Arc::unwrap_or_clone(
            document_list(
                state,
                DocumentListQuery {
                    per_page: Some(DOCUMENT_HITS),
                    q: Some(text),
                    ..Default::default()
                },
            )
            .await?,
        ))
    };
    Ok(reading_view::SearchContent {
        criteria,
        results,
        documents,
    })
}

/// The parameters of a page's address, decoded as the app's router decodes them.
fn address_params(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// The first value of parameter `name`.
fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The procedures' list as its address filters it, read as the app reads it, and the API's
/// answer to the app's request for it.
pub async fn procedures_content(
    state: &AppState,
    query: Option<&str>,
) -> Result<reading_view::ProceduresContent, AppError> {
    use crate::routes::procedures::{procedure_list, ProcedureListQuery};
    let params = address_params(query);
    let [field, level, text] =
        PROCEDURE_FILTERS.map(|name| param(&params, name).unwrap_or_default().to_string());
    let page = paging::requested_page(param(&params, paging::PAGE_PARAM));
    let list = procedure_list(
        state,
        ProcedureListQuery {
            page: Some(page),
            per_page: Some(DEFAULT_PER_PAGE),
            field: given(&field),
            level: given(&level),
            q: given(text.trim()),
        },
    )
    .await;
    // As the app: the API refuses a field or level it does not know.
    let list = unless_refused(list)?;
    let fields = state
        .db(|conn| Ok(store::procedures::fields(conn)?))
        .await?;
    Ok(reading_view::ProceduresContent {
        field,
        level,
        text,
        list,
        fields,
    })
}

/// The documents library as its address filters it, and the API's answers to the app's
/// requests for it; `None` when the API refuses the address (a type it does not know…).
pub async fn documents_content(
    state: &AppState,
    query: Option<&str>,
) -> Result<Option<reading_view::DocumentsContent>, AppError> {
    use crate::routes::documents::{document_list, DocumentListQuery};
    let params = address_params(query);
    let criteria = DocumentCriteria::from_values(
        DOCUMENT_FILTERS.map(|name| param(&params, name).unwrap_or_default().to_string()),
    );
    let page = paging::requested_page(param(&params, paging::PAGE_PARAM));
    let [q, kind, issuer, field, year, status] = criteria.values().map(given);
    let list = document_list(
        state,
        DocumentListQuery {
            page: Some(page),
            per_page: Some(DEFAULT_PER_PAGE),
            kind,
            issuer,
            field,
            year,
            status,
            q,
        },
    )
    .await;
    let Some(list) = unless_refused(list)?.map(Arc::unwrap_or_clone) else {
        return Ok(None);
    };
    let today = crate::clock::today();
    let facets = state
        .db(move |conn| Ok(store::documents::facets(conn, today)?))
        .await?;
    Ok(Some(reading_view::DocumentsContent {
        criteria,
        list,
        facets,
    }))
}

/// The questions' list as its address filters it, and the API's answer to the app's request
/// for it; `None` when the API refuses the address (a field it does not know).
pub async fn questions_content(
    state: &AppState,
    query: Option<&str>,
) -> Result<Option<reading_view::QuestionsContent>, AppError> {
    use crate::routes::questions::{question_list, QuestionListQuery};
    let params = address_params(query);
    let [field, text] =
        QUESTION_FILTERS.map(|name| param(&params, name).unwrap_or_default().to_string());
    let page = paging::requested_page(param(&params, paging::PAGE_PARAM));
    let list = question_list(
        state,
        QuestionListQuery {
            page: Some(page),
            per_page: Some(DEFAULT_PER_PAGE),
            field: given(&field),
            q: given(text.trim()),
        },
    )
    .await;
    let Some(list) = unless_refused(list)? else {
        return Ok(None);
    };
    let fields = state.db(|conn| Ok(store::questions::fields(conn)?)).await?;
    Ok(Some(reading_view::QuestionsContent {
        field,
        text,
        list,
        fields,
    }))
}

/// A value of an address as an API query's: `None` when empty.
fn given(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

/// The API's answer to a list page's address, or `None` when the API refuses the address (an
/// unknown filter, a malformed value: a 400), which the app then says in its own words.
fn unless_refused<T>(answer: Result<T, AppError>) -> Result<Option<T>, AppError> {
    match answer {
        Ok(answer) => Ok(Some(answer)),
        Err(AppError::BadRequest(_)) => Ok(None),
        Err(err) => Err(err),
    }
}

/// The week the schedule page's address asks for (this week without one), as the API answers
/// it; `None` for a week that does not exist, which the page says.
pub async fn schedule_content(
    state: &AppState,
    query: Option<&str>,
) -> Result<Option<WeekSchedule>, AppError> {
    let params = address_params(query);
    let monday = match param(&params, WEEK_PARAM) {
        None => week_start(crate::clock::today()),
        Some(week) => match parse_iso_week(week.trim()) {
            Some(monday) => monday,
            None => return Ok(None),
        },
    };
    state
        .db(move |conn| Ok(Some(store::schedule::week(conn, monday)?)))
        .await
}

/// What the home page's blocks show (`contract::home`): the API's answers to the app's
/// requests for them (the lists of articles as the answer cache keeps them).
pub async fn home_content(state: &AppState) -> Result<reading_view::HomeContent, AppError> {
    use crate::routes::articles::{article_list, ArticleListQuery};
    use crate::routes::documents::{document_list, DocumentListQuery};
    use portal_contract::home::{
        home_block_categories, FEATURED_COUNT, LATEST_DOCUMENTS, LATEST_QUESTIONS, PER_CATEGORY,
    };
    let articles =
        |query| async move { Ok::<_, AppError>(article_list(state, query).await?.items.clone()) };
    let menu = site_settings(state, Lang::Vi)
        .await?
        .map(|site| site.menu)
        .unwrap_or_default();
    let mut blocks = Vec::new();
    for category in home_block_categories(&menu) {
        let newest = articles(ArticleListQuery {
            category: Some(category.slug.clone()),
            per_page: Some(PER_CATEGORY),
            ..Default::default()
        })
        .await?;
        blocks.push((category.clone(), newest));
    }
    let featured = articles(ArticleListQuery {
        featured: Some(true),
        per_page: Some(FEATURED_COUNT),
        ..Default::default()
    })
    .await?;
    let documents = document_list(
        state,
        DocumentListQuery {
            per_page: Some(LATEST_DOCUMENTS),
            ..Default::default()
        },
    )
    .await?
    .items
    .clone();
    let questions = state
        .db(|conn| {
            let first = PageRequest::new(None, Some(LATEST_QUESTIONS))?;
            Ok(store::questions::list(conn, None, None, first)?.items)
        })
        .await?;
    Ok(reading_view::HomeContent {
        featured,
        documents,
        questions,
        blocks,
    })
}
