//! Layout: from raw lines to logical paragraphs.

/// The laid-out document.
#[derive(Debug, Default)]
pub(crate) struct Layout {}

/// Lay out `text` (NFC).
pub(crate) fn lay_out(_text: &str) -> Layout {
    Layout::default()
}
