//! Vietnamese text: NFC, folding, slugs, collation, numbers and dates.
