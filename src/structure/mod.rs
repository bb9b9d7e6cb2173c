//! Structure: header, body tree and closing.
//!
//! The blocks of the layout fall into regions, in order:
//!
//! 1. text before the document proper (a crawled page's press summary), when a
//!    national-motto header appears further down;
//! 2. the header (issuing body, number, place and date, kind, abstract,
//!    recipients) — read line by line in [`header`];
//! 3. the preamble (`Căn cứ ...`, opening paragraphs), up to the first marker
//!    that opens the body;
//! 4. the body, nested into sections, items, sub-items and bullets by [`body`];
//! 5. the closing (`Nơi nhận:`, signature) — read by [`closing`]; an attached
//!    plan after the signature (`I. MỤC ĐÍCH ...`) resumes the body.

mod body;
mod closing;
mod header;

use crate::date::Date;
use crate::layout::{Block, Layout};
use crate::model::{Document, Footnote, Kind, SCHEMA};

pub(crate) use body::Region;

/// Build the document from its layout; `semantics` runs the semantic stage.
pub(crate) fn build(layout: &Layout<'_>, reference: Option<Date>, semantics: bool) -> Document {
    let doc_start = header::document_start(layout);
    let body_start = body::body_start(layout, doc_start);
    let mut meta = header::read(layout, doc_start, body_start);
    let closing_at = closing::closing_start(layout, body_start).unwrap_or(layout.blocks.len());
    meta.signer = closing::signer(layout, closing_at);
    meta.cc.extend(closing::cc(layout, closing_at));
    if meta.kind == Kind::Unknown && meta.recipients.is_empty() && header::is_news(layout) {
        header::read_news(layout, &mut meta);
    }
    let preamble_blocks = header::preamble_blocks(layout, doc_start, body_start);
    let preamble = join_blocks(layout.blocks.get(preamble_blocks.clone()).unwrap_or(&[]));
    let lead_in = preamble_blocks
        .clone()
        .last()
        .map(|i| &layout.blocks[i])
        .filter(|b| b.text.text.ends_with(':'));
    let ctx = crate::semantics::Context {
        reference: reference.or(meta.date),
    };
    let region = Region {
        blocks: body_start..layout.blocks.len(),
        lead_in,
        semantics,
    };
    let built = body::build(layout, region, &ctx);
    let mut citations = Vec::new();
    if semantics {
        for b in layout.blocks.get(preamble_blocks).unwrap_or(&[]) {
            let mut numbers = Vec::new();
            crate::keys::digit_runs(b.text.text.as_bytes(), &mut numbers);
            body::cite(&b.text, &ctx, &numbers, &mut citations);
        }
    }
    citations.extend(built.citations);
    citations.sort_by_key(|c| c.span.start);
    let closing = join_blocks(&built.closing);
    Document {
        schema: SCHEMA,
        source: None,
        meta,
        preamble,
        sections: built.sections,
        closing,
        footnotes: layout
            .footnotes
            .iter()
            .map(|(label, text)| Footnote {
                label: label.clone(),
                text: text.clone(),
            })
            .collect(),
        citations,
        warnings: built.warnings,
    }
}

fn join_blocks(blocks: &[Block]) -> Option<String> {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        if let Some(m) = &b.marker {
            out.push_str(&marker_text(m));
            out.push(' ');
        }
        out.push_str(&b.text.text);
    }
    (!out.is_empty()).then_some(out)
}

fn marker_text(m: &crate::grammar::marker::Marker) -> String {
    use crate::grammar::marker::MarkerKind as K;
    match &m.kind {
        K::Roman(_) | K::Number(_) => format!("{}.", m.label()),
        K::Article(_) => format!("Điều {}.", m.label()),
        K::Decimal(parts) => parts.iter().map(|p| format!("{p}.")).collect(),
        K::Letter(_) => format!("{})", m.label()),
        K::Dash => "-".to_string(),
        K::Plus => "+".to_string(),
    }
}
