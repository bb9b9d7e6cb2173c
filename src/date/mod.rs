//! Vietnamese date expressions.
//!
//! This module holds the calendar [`Date`] used throughout the crate. The
//! grammar of date expressions (`ngày 17 tháng 7 năm 2025`, `quý III/2025`, ...)
//! lives here too.

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date in the proleptic Gregorian calendar.
///
/// ```
/// use chidao::date::Date;
/// let d = Date::new(2025, 7, 20).unwrap();
/// assert_eq!(d.to_string(), "2025-07-20");
/// assert!(Date::new(2025, 2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if `day` exists in `month` of `year`.
    ///
    /// ```
    /// assert!(chidao::date::Date::new(2024, 2, 29).is_some());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().year(), 2025);
    /// ```
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().month(), 1);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().day(), 2);
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The day before.
    ///
    /// ```
    /// use chidao::date::Date;
    /// assert_eq!(Date::new(2025, 3, 1).unwrap().pred(), Date::new(2025, 2, 28));
    /// assert_eq!(Date::new(1, 1, 1).unwrap().pred(), None);
    /// ```
    pub fn pred(self) -> Option<Date> {
        if self.day > 1 {
            return Some(Date {
                day: self.day - 1,
                ..self
            });
        }
        if self.month > 1 {
            let m = self.month - 1;
            return Some(Date {
                year: self.year,
                month: m,
                day: days_in_month(self.year, m),
            });
        }
        Date::new(self.year - 1, 12, 31)
    }

    /// The last day of `month` in `year`.
    ///
    /// ```
    /// use chidao::date::Date;
    /// assert_eq!(Date::last_of_month(2025, 2), Date::new(2025, 2, 28));
    /// ```
    pub fn last_of_month(year: i32, month: u8) -> Option<Date> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Date::new(year, month, days_in_month(year, month))
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
///
/// ```
/// assert!(chidao::date::is_leap_year(2024));
/// assert!(!chidao::date::is_leap_year(1900));
/// ```
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1 to 12) of `year`; 0 for a month out of range.
///
/// ```
/// assert_eq!(chidao::date::days_in_month(2025, 2), 28);
/// ```
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
