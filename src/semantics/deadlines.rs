//! Deadlines and schedules in a node's text.

use super::{Context, FoundDeadline};

/// Every deadline in `text`, in order of appearance.
pub(crate) fn find(_text: &str, _ctx: &Context) -> Vec<FoundDeadline> {
    Vec::new()
}
