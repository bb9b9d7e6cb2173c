//! Legal references (`Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ`).

use super::{Context, FoundCitation};

/// Every legal reference in `text`, in order of appearance.
pub(crate) fn find(_text: &str, _ctx: &Context) -> Vec<FoundCitation> {
    Vec::new()
}
