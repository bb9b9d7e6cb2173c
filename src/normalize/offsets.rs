//! Maps from offsets in normalized text back to offsets in the input.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::Prepared;

/// A monotone map from offsets in a transformed text to offsets in its source.
///
/// It stores anchor pairs `(out, src)` at the start of every transformed run;
/// offsets between anchors are shifted by the nearest anchor before them,
/// clamped to the next anchor's source offset.
///
/// ```
/// let map = chidao::normalize::OffsetMap::identity();
/// assert_eq!(map.to_source(17), 17);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
    /// A map applied after this one (composition with [`OffsetMap::then`]).
    inner: Option<Box<OffsetMap>>,
}

impl OffsetMap {
    /// The map of an unchanged text.
    ///
    /// ```
    /// assert!(chidao::normalize::OffsetMap::identity().is_identity());
    /// ```
    pub const fn identity() -> OffsetMap {
        OffsetMap {
            anchors: Vec::new(),
            inner: None,
        }
    }

    /// Whether every offset maps to itself.
    ///
    /// ```
    /// assert!(chidao::normalize::OffsetMap::identity().is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty() && self.inner.is_none()
    }

    /// Record that output offset `out` corresponds to source offset `src`.
    /// Anchors must be pushed in increasing order of both offsets.
    ///
    /// ```
    /// let mut map = chidao::normalize::OffsetMap::identity();
    /// map.push(0, 0);
    /// map.push(2, 3);
    /// assert_eq!(map.to_source(2), 3);
    /// ```
    pub fn push(&mut self, out: usize, src: usize) {
        if let Some(&(o, s)) = self.anchors.last() {
            if o == out {
                self.anchors.pop();
            } else if out - o == src.saturating_sub(s) {
                // Same shift as the previous anchor: nothing new to record.
                return;
            }
        }
        self.anchors.push((out, src));
    }

    /// The source offset of output offset `out`.
    ///
    /// ```
    /// let mut map = chidao::normalize::OffsetMap::identity();
    /// map.push(0, 0);
    /// map.push(4, 6);
    /// assert_eq!(map.to_source(5), 7);
    /// ```
    pub fn to_source(&self, out: usize) -> usize {
        let here = self.own_to_source(out);
        match &self.inner {
            Some(inner) => inner.to_source(here),
            None => here,
        }
    }

    fn own_to_source(&self, out: usize) -> usize {
        if self.anchors.is_empty() {
            return out;
        }
        let i = self.anchors.partition_point(|&(o, _)| o <= out);
        if i == 0 {
            return out;
        }
        let (o, s) = self.anchors[i - 1];
        let mapped = s + (out - o);
        match self.anchors.get(i) {
            Some(&(_, next_src)) => mapped.min(next_src),
            None => mapped,
        }
    }

    /// Compose: `self` maps C -> B and `inner` maps B -> A; the result maps C -> A.
    ///
    /// ```
    /// use chidao::normalize::OffsetMap;
    /// let id = OffsetMap::identity();
    /// assert!(id.then(&OffsetMap::identity()).is_identity());
    /// ```
    pub fn then(&self, inner: &OffsetMap) -> OffsetMap {
        if inner.is_identity() {
            return self.clone();
        }
        if self.is_identity() {
            return inner.clone();
        }
        // Offsets between anchors must go through both maps, so keep the inner map whole.
        let mut out = self.clone();
        let mut last = &mut out;
        while last.inner.is_some() {
            last = last.inner.as_mut().expect("checked");
        }
        last.inner = Some(Box::new(inner.clone()));
        out
    }
}

/// NFC of `input`, character cluster by cluster, with the offset map.
pub(crate) fn nfc_with_map(input: &str) -> Prepared<'_> {
    let mut text = String::with_capacity(input.len());
    let mut map = OffsetMap::identity();
    // Normalize each run that starts at a starter (combining class 0) on its own,
    // so every run's output can be anchored to its input offset.
    let mut start = 0;
    let mut i = 0;
    while i < input.len() {
        let c = input[i..].chars().next().unwrap_or('\0');
        let next = i + c.len_utf8();
        let is_starter = unicode_normalization::char::canonical_combining_class(c) == 0;
        if is_starter && i > start {
            map.push(text.len(), start);
            text.extend(input[start..i].nfc());
            start = i;
        }
        i = next;
    }
    if start < input.len() {
        map.push(text.len(), start);
        text.extend(input[start..].nfc());
    }
    map.push(text.len(), input.len());
    Prepared {
        text: Cow::Owned(text),
        map,
    }
}
