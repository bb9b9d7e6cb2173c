//! Structure: header, body tree and closing.

use crate::date::Date;
use crate::layout::Layout;
use crate::model::{Document, Meta, SCHEMA};

/// Build the document from its layout.
pub(crate) fn build(_layout: &Layout, _reference: Option<Date>) -> Document {
    Document {
        schema: SCHEMA,
        source: None,
        meta: Meta::default(),
        preamble: None,
        sections: Vec::new(),
        closing: None,
        footnotes: Vec::new(),
        citations: Vec::new(),
        warnings: Vec::new(),
    }
}
