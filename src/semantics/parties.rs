//! Parties: who must act (lead), who works with them (coordinate), whom they report to.

use super::FoundParty;

/// The parties a node's own text names, in order of appearance.
pub(crate) fn find(_text: &str) -> Vec<FoundParty> {
    Vec::new()
}
