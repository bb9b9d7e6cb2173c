//! The error returned for input the parser refuses.

use std::fmt;

/// Why a document was refused.
///
/// `parse` refuses very little: text it cannot understand still gives a
/// document with warnings. An `Error` means the input itself was not
/// acceptable (too large, or undecodable in strict mode).
///
/// ```
/// let err = chidao::Parser::new().max_bytes(4).parse("quá dài").unwrap_err();
/// assert_eq!(err.kind(), &chidao::ErrorKind::TooLarge { size: 9, limit: 4 });
/// assert!(err.to_string().contains("9 bytes"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What was wrong with the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes (raise it with `Parser::max_bytes`)")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Invalid UTF-8 in strict mode.
    #[error("invalid UTF-8 at byte offset {offset} (decode leniently, or name the encoding)")]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes could not be decoded in the requested encoding.
    #[error("cannot decode the input as {encoding}: {reason}")]
    Undecodable {
        /// The encoding that was tried.
        encoding: String,
        /// What went wrong.
        reason: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What was wrong.
    ///
    /// ```
    /// let err = chidao::Parser::new().max_bytes(0).parse("x").unwrap_err();
    /// assert!(matches!(err.kind(), chidao::ErrorKind::TooLarge { .. }));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// A stable machine-readable code for error records (`too_large`, `invalid_utf8`, ...).
    ///
    /// ```
    /// let err = chidao::Parser::new().max_bytes(0).parse("x").unwrap_err();
    /// assert_eq!(err.code(), "too_large");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::InvalidUtf8 { .. } => "invalid_utf8",
            ErrorKind::Undecodable { .. } => "undecodable",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)
    }
}

impl std::error::Error for Error {}
