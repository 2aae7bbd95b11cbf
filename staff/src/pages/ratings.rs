//! `/quan-tri/danh-gia?trang=N`: what readers answered to "Thông tin này có hữu ích không?",
//! page by page, the largest share of "no" first (approvers and admins): where to look first.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use portal_contract::rating::PageRatings;
use portal_contract::staff::StaffRole;

use crate::api;
use crate::app::BASE;
use crate::ui::{loaded, page_number, Pager, RequireRole};

const PER_PAGE: u32 = 20;

#[component]
pub fn RatingsPage() -> impl IntoView {
    let query = use_query_map();
    let page = Memo::new(move |_| page_number(&query.read()));
    let ratings = LocalResource::new(move || {
        let page = page.get();
        async move { api::ratings(page, PER_PAGE).await }
    });
    view! {
        <Title text="Đánh giá của người đọc" />
        <h1 class="page-title">"Đánh giá của người đọc"</h1>
        <RequireRole role=StaffRole::Approver>
            {loaded(ratings, |list| {
                let (current, count) = (list.page, list.page_count());
                if list.items.is_empty() {
                    return view! { <p class="empty">"Chưa có trang nào được đánh giá."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ratings-caption">
                        <table class="staff-table">
                            <caption id="ratings-caption">
                                {format!("{} trang được đánh giá, trang nhiều ý kiến “không hữu ích” nhất trước", list.total)}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Trang"</th>
                                    <th scope="col">"Hữu ích"</th>
                                    <th scope="col">"Không hữu ích"</th>
                                    <th scope="col">"Góp ý gần đây"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.items.into_iter().map(|rated: PageRatings| view! {
                                    <tr>
                                        <td><a href=rated.page.clone()>{rated.page.clone()}</a></td>
                                        <td>{rated.useful}</td>
                                        <td>{rated.not_useful}</td>
                                        <td>
                                            <ul class="rating-comments">
                                                {rated.comments.into_iter().map(|comment| view! { <li>{comment}</li> }).collect_view()}
                                            </ul>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager current count href=|n| format!("{BASE}/danh-gia?trang={n}") />
                }
                .into_any()
            })}
        </RequireRole>
    }
}
