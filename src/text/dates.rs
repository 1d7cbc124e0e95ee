//! Vietnamese date display (DOMAIN.md §3.7): dd/mm/yyyy, 24-hour time.

use jiff::civil::{Date, DateTime};

/// dd/mm/yyyy: 2024-03-14 → "14/03/2024".
pub fn format_date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// "14/03/2024 15:30".
pub fn format_datetime(dt: DateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, datetime};

    #[test]
    fn dates() {
        let cases = [
            (date(2024, 3, 14), "14/03/2024"),
            (date(2024, 12, 1), "01/12/2024"),
            (date(2025, 2, 28), "28/02/2025"),
            (date(999, 1, 9), "09/01/0999"),
        ];
        for (d, want) in cases {
            assert_eq!(format_date(d), want);
        }
    }

    #[test]
    fn datetimes() {
        let cases = [
            (datetime(2024, 3, 14, 15, 30, 0, 0), "14/03/2024 15:30"),
            (datetime(2021, 2, 23, 21, 30, 59, 999), "23/02/2021 21:30"),
            (datetime(2024, 1, 5, 0, 0, 0, 0), "05/01/2024 00:00"),
        ];
        for (dt, want) in cases {
            assert_eq!(format_datetime(dt), want);
        }
    }
}
