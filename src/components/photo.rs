//! A photo staff uploaded (or an image given by address): every stored width in `srcset`, so
//! a phone downloads the smallest that fills its screen, and its width and height, so the
//! page does not shift when it arrives.

use leptos::prelude::*;
use portal_contract::Image;

#[component]
pub fn Photo(
    image: Image,
    class: &'static str,
    /// `LEAD_IMAGE_SIZES` or `THUMBNAIL_SIZES`.
    sizes: &'static str,
    /// Below the fold: fetched only as the reader scrolls near it.
    #[prop(default = true)]
    lazy: bool,
) -> impl IntoView {
    let sizes = image.srcset.is_some().then_some(sizes);
    view! {
        <img
            class=class
            src=image.url
            srcset=image.srcset
            sizes=sizes
            width=image.width
            height=image.height
            alt=image.alt
            loading=if lazy { "lazy" } else { "eager" }
        />
    }
}
