//! Private nom grammars: markers and header lines. nom types never leave this module.
pub(crate) mod marker;
