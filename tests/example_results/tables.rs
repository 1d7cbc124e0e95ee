//! Expected results of every scored cluster-year of the example site, one function
//! per table, each row with the hand computation that gives its figures. The
//! arithmetic follows FORMAT.md §7 and §11; decimals are written with a dot.

use super::{Row, ranked, unranked};

// No phases: the implicit phase `ca-nam` is the year. Scheme cdvc-cum-3-2023,
// cross_mean_trimmed: each unit is scored by the 6 other members; per criterion the
// highest and the lowest mark are dropped and the 4 others averaged. I.2 is proportional
// (actual / 0.9 × 15 per sheet, at most 15). No bonus, no penalty in 2023.
// Ranks: 96.20 > 93.88 > 91.50 > 90.83 > 89.00 > 87.50 > 84.00.
// Awards: Cờ (quota 1, rank ≤ 1, ≥ 95) → VP UBND; Bằng khen (quota 2, ≥ 90) → Tư pháp,
// Thanh tra; Nội vụ has 90.83 ≥ 90 but the quota is full.
#[rustfmt::skip]
pub fn cum_3_2023_year() -> Vec<Row> {
    vec![
        // tl-cd-vp-ubnd: I.1 = drop 24 and 25, (24.5 + 24.5 + 24.5 + 24.5)/4 = 24.5; I.2 =
        // 0.85/0.9 × 15 = 14.1667…, 0.852/0.9 × 15 = 14.2, 0.86/0.9 × 15 = 14.3333…; drop 14.1667…
        // and 14.3333…, (14.2 + 14.2 + 14.2 + 14.2)/4 = 14.2; II.1 = 10 (all sheets); II.2 = drop
        // 19 and 20, (19.5 + 19.5 + 19.5 + 19.5)/4 = 19.5; II.3 = drop 27 and 29, (28 + 28 + 28 +
        // 28)/4 = 28; self = 25 + 14.2 + 10 + 20 + 29 = 98.2; total = 96.2 → 96.20
        ranked("tl-cd-vp-ubnd", "96.20", 1, Some("98.20"), Some("96.20"), "0.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-so-tu-phap: I.1 = drop 23 and 24.5, (23.5 + 24 + 24 + 24)/4 = 23.875; I.2 =
        // 0.84/0.9 × 15 = 14 (all sheets); II.1 = 10 (all sheets); II.2 = drop 18.5 and 19.5, (19
        // + 19 + 19 + 19)/4 = 19; II.3 = drop 26 and 28, (27 + 27 + 27 + 27)/4 = 27; self = 24.5 +
        // 14 + 10 + 19.5 + 28 = 96; total = 93.875 → 93.88
        ranked("tl-cd-so-tu-phap", "93.88", 2, Some("96.00"), Some("93.88"), "0.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-thanh-tra: I.1 = 23.5 (all sheets); I.2 = 0.81/0.9 × 15 = 13.5 (all sheets); II.1
        // = 10 (all sheets); II.2 = drop 18 and 19, (18.5 + 18.5 + 18.5 + 18.5)/4 = 18.5; II.3 =
        // drop 25 and 27, (26 + 26 + 26 + 26)/4 = 26; self = 24 + 13.5 + 10 + 19 + 27 = 93.5;
        // total = 91.5 → 91.50
        ranked("tl-cd-thanh-tra", "91.50", 3, Some("93.50"), Some("91.50"), "0.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-noi-vu: I.1 = drop 22.5 and 23.5, (23 + 23 + 23 + 23)/4 = 23; I.2 = 0.79/0.9 ×
        // 15 = 13.1667…, 0.8/0.9 × 15 = 13.3333…; drop 13.1667… and 13.3333…, (13.3333… + 13.3333…
        // + 13.3333… + 13.3333…)/4 = 13.3333…; II.1 = 10 (all sheets); II.2 = 18.5 (all sheets);
        // II.3 = drop 25 and 26, (26 + 26 + 26 + 26)/4 = 26; self = 23.5 + 13.3333… + 10 + 19 + 27
        // = 92.8333…; total = 90.8333… → 90.83
        ranked("tl-cd-so-noi-vu", "90.83", 4, Some("92.83"), Some("90.83"), "0.00", "0.00", "Tốt", &[]),
        // tl-cd-ban-dan-toc: I.1 = 22 (all sheets); I.2 = 0.78/0.9 × 15 = 13 (all sheets); II.1 =
        // 10 (all sheets); II.2 = drop 17.5 and 18.5, (18 + 18 + 18 + 18)/4 = 18; II.3 = 26 (all
        // sheets); self = 22.5 + 13 + 10 + 18.5 + 27 = 91; total = 89 → 89.00
        ranked("tl-cd-ban-dan-toc", "89.00", 5, Some("91.00"), Some("89.00"), "0.00", "0.00", "Tốt", &[]),
        // tl-cd-so-khdt: I.1 = 22.5 (all sheets); I.2 = 0.75/0.9 × 15 = 12.5 (all sheets); II.1 =
        // drop 0 and 10, (10 + 10 + 10 + 10)/4 = 10; II.2 = 17.5 (all sheets); II.3 = 25 (all
        // sheets); self = 23 + 12.5 + 10 + 18 + 26 = 89.5; total = 87.5 → 87.50
        ranked("tl-cd-so-khdt", "87.50", 6, Some("89.50"), Some("87.50"), "0.00", "0.00", "Tốt", &[]),
        // tl-cd-vp-dieu-phoi-ntm: I.1 = 21 (all sheets); I.2 = 0.72/0.9 × 15 = 12 (all sheets);
        // II.1 = 10 (all sheets); II.2 = 17 (all sheets); II.3 = drop 23 and 25, (24 + 24 + 24 +
        // 24)/4 = 24; self = 21.5 + 12 + 10 + 17.5 + 25 = 86; total = 84 → 84.00
        ranked("tl-cd-vp-dieu-phoi-ntm", "84.00", 7, Some("86.00"), Some("84.00"), "0.00", "0.00", "Khá", &[]),
    ]
}

// Scheme cdvc-cum-2-2023, self_only: the criteria are the self scores, `assessed` is null.
// Ranks: 96.50 > 95.00 > 92.50 > 91.50 > 88.50 > 88.00 > 87.00. In Đợt 1 nobody is disqualified:
// Cờ (quota 1, ≥ 95, no rank condition) → TN&MT; Bằng khen (quota 1, ≥ 90) → Xây dựng;
// Giấy khen (quota 2, ≥ 85) → Công Thương, Tài chính.
#[rustfmt::skip]
pub fn cum_2_2023_dot1() -> Vec<Row> {
    vec![
        // tl-cd-so-tnmt: I.1 = 24.5; I.2 = 14.5; II.1 = 10; II.2 = 19.5; II.3 = 28; self = 24.5 +
        // 14.5 + 10 + 19.5 + 28 = 96.5; total = 96.5 → 96.50
        ranked("tl-cd-so-tnmt", "96.50", 1, Some("96.50"), None, "0.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-so-xay-dung: I.1 = 24; I.2 = 14; II.1 = 10; II.2 = 19; II.3 = 28; self = 24 + 14 +
        // 10 + 19 + 28 = 95; total = 95 → 95.00
        ranked("tl-cd-so-xay-dung", "95.00", 2, Some("95.00"), None, "0.00", "0.00", "Xuất sắc", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-cong-thuong: I.1 = 23.5; I.2 = 13.5; II.1 = 10; II.2 = 18.5; II.3 = 27; self =
        // 23.5 + 13.5 + 10 + 18.5 + 27 = 92.5; total = 92.5 → 92.50
        ranked("tl-cd-so-cong-thuong", "92.50", 3, Some("92.50"), None, "0.00", "0.00", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-tai-chinh: I.1 = 23; I.2 = 13; II.1 = 10; II.2 = 18.5; II.3 = 27; self = 23 +
        // 13 + 10 + 18.5 + 27 = 91.5; total = 91.5 → 91.50
        ranked("tl-cd-so-tai-chinh", "91.50", 4, Some("91.50"), None, "0.00", "0.00", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-khcn: I.1 = 22.5; I.2 = 13; II.1 = 10; II.2 = 18; II.3 = 25; self = 22.5 + 13 +
        // 10 + 18 + 25 = 88.5; total = 88.5 → 88.50
        ranked("tl-cd-so-khcn", "88.50", 5, Some("88.50"), None, "0.00", "0.00", "Tốt", &[]),
        // tl-cd-so-gtvt: I.1 = 22.5; I.2 = 12.5; II.1 = 10; II.2 = 18; II.3 = 26; self = 22.5 +
        // 12.5 + 10 + 18 + 26 = 89; criteria = 89 + bonus 0 − penalty 1 = 88 → 88.00
        ranked("tl-cd-so-gtvt", "88.00", 6, Some("89.00"), None, "0.00", "1.00", "Tốt", &[]),
        // tl-cd-so-nong-nghiep: I.1 = 22; I.2 = 12; II.1 = 10; II.2 = 18; II.3 = 26; self = 22 +
        // 12 + 10 + 18 + 26 = 88; criteria = 88 + bonus 0 − penalty 1 = 87 → 87.00
        ranked("tl-cd-so-nong-nghiep", "87.00", 7, Some("88.00"), None, "0.00", "1.00", "Tốt", &[]),
    ]
}

// Ranks: 98.50 > 95.50 > 94.00 > 92.00 > 90.00 = 90.00; GTVT and NN&PTNT tie on 90.00 and the
// first
// key, criterion:I, decides: GTVT 22.5 + 13 = 35.5 > NN 22.5 + 12.5 = 35 → 5, 6.
// TN&MT (D1) is ranked 1 and never eligible; the flag has no rank condition, so it goes
// to Xây dựng (95.50). KH&CN is partial (II.3 missing): unranked, numbers null.
#[rustfmt::skip]
pub fn cum_2_2023_dot2() -> Vec<Row> {
    vec![
        // tl-cd-so-tnmt: I.1 = 25; I.2 = 14.5; II.1 = 10; II.2 = 20; II.3 = 29; self = 25 + 14.5 +
        // 10 + 20 + 29 = 98.5; total = 98.5 → 98.50
        ranked("tl-cd-so-tnmt", "98.50", 1, Some("98.50"), None, "0.00", "0.00", "Xuất sắc", &[]).disqualified(&["D1"]),
        // tl-cd-so-xay-dung: I.1 = 24.5; I.2 = 14; II.1 = 10; II.2 = 19; II.3 = 28; self = 24.5 +
        // 14 + 10 + 19 + 28 = 95.5; total = 95.5 → 95.50
        ranked("tl-cd-so-xay-dung", "95.50", 2, Some("95.50"), None, "0.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-so-cong-thuong: I.1 = 23.5; I.2 = 13.5; II.1 = 10; II.2 = 19; II.3 = 28; self =
        // 23.5 + 13.5 + 10 + 19 + 28 = 94; total = 94 → 94.00
        ranked("tl-cd-so-cong-thuong", "94.00", 3, Some("94.00"), None, "0.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-tai-chinh: I.1 = 23.5; I.2 = 13; II.1 = 10; II.2 = 18.5; II.3 = 27; self = 23.5
        // + 13 + 10 + 18.5 + 27 = 92; total = 92 → 92.00
        ranked("tl-cd-so-tai-chinh", "92.00", 4, Some("92.00"), None, "0.00", "0.00", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-gtvt: I.1 = 22.5; I.2 = 13; II.1 = 10; II.2 = 18.5; II.3 = 26; self = 22.5 + 13
        // + 10 + 18.5 + 26 = 90; total = 90 → 90.00
        ranked("tl-cd-so-gtvt", "90.00", 5, Some("90.00"), None, "0.00", "0.00", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-nong-nghiep: I.1 = 22.5; I.2 = 12.5; II.1 = 10; II.2 = 18; II.3 = 27; self =
        // 22.5 + 12.5 + 10 + 18 + 27 = 90; total = 90 → 90.00
        ranked("tl-cd-so-nong-nghiep", "90.00", 6, Some("90.00"), None, "0.00", "0.00", "Tốt", &[]),
        unranked("tl-cd-so-khcn", "partial", Some("chưa chấm tiêu chí II.3: hồ sơ tham gia hoạt động chung gửi sau ngày bình xét")),
    ]
}

// year_from weighted: every figure = 0.4 × Đợt 1 + 0.6 × Đợt 2 (exact), then the total is rounded.
// KH&CN is partial in Đợt 2, so partial for the year. TN&MT carries D1 into the year: rank 1,
// not eligible. Cờ → Xây dựng 95.30; Bằng khen → Công Thương 93.40; Giấy khen (quota 2) →
// Tài chính 91.80, GTVT 89.20; NN&PTNT 88.80 ≥ 85 but the quota is full.
#[rustfmt::skip]
pub fn cum_2_2023_year() -> Vec<Row> {
    vec![
        // tl-cd-so-tnmt: total = 0.4 × 96.5 + 0.6 × 98.5 = 97.7 → 97.70
        ranked("tl-cd-so-tnmt", "97.70", 1, Some("97.70"), None, "0.00", "0.00", "Xuất sắc", &[]).disqualified(&["D1"]),
        // tl-cd-so-xay-dung: total = 0.4 × 95 + 0.6 × 95.5 = 95.3 → 95.30
        ranked("tl-cd-so-xay-dung", "95.30", 2, Some("95.30"), None, "0.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-so-cong-thuong: total = 0.4 × 92.5 + 0.6 × 94 = 93.4 → 93.40
        ranked("tl-cd-so-cong-thuong", "93.40", 3, Some("93.40"), None, "0.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-tai-chinh: total = 0.4 × 91.5 + 0.6 × 92 = 91.8 → 91.80
        ranked("tl-cd-so-tai-chinh", "91.80", 4, Some("91.80"), None, "0.00", "0.00", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-gtvt: total = 0.4 × 88 + 0.6 × 90 = 89.2 → 89.20; self = 0.4 × 89 + 0.6 × 90 =
        // 89.6; penalty = 0.4 × 1 + 0.6 × 0 = 0.4
        ranked("tl-cd-so-gtvt", "89.20", 5, Some("89.60"), None, "0.00", "0.40", "Tốt", &["giay-khen-cdvc-tinh"]),
        // tl-cd-so-nong-nghiep: total = 0.4 × 87 + 0.6 × 90 = 88.8 → 88.80; self = 0.4 × 88 + 0.6
        // × 90 = 89.2; penalty = 0.4 × 1 + 0.6 × 0 = 0.4
        ranked("tl-cd-so-nong-nghiep", "88.80", 6, Some("89.20"), None, "0.00", "0.40", "Tốt", &[]),
        unranked("tl-cd-so-khcn", "partial", Some("chưa chấm tiêu chí II.3: hồ sơ tham gia hoạt động chung gửi sau ngày bình xét")),
    ]
}

// Scheme cdvc-2024 (FORMAT §6), panel: the mean of the two assessors' sheets; II.2 is
// proportional (actual / 0.85 × 10 per sheet, at most 10). Cục Thống kê joined 01/4/2024 and
// has `status: not_submitted` in Đợt 1. Ranks: 95.15 > 92.41 > 92.25 > 90.00 > 81.74 > 80.32 >
// 77.15.
// Cờ (rank ≤ 1, ≥ 95) → Tư pháp; Bằng khen (quota 2, ≥ 90) → VP UBND, Thanh tra.
#[rustfmt::skip]
pub fn cum_3_2024_dot1() -> Vec<Row> {
    vec![
        // tl-cd-so-tu-phap: I.1 = 19 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.82/0.85 × 10 = 9.6471… (all sheets); II.3 = (50 + 51)/2 = 50.5; self = 19 + 9 +
        // 5 + 9.6471… + 51 = 93.6471…; criteria = 93.1471… + bonus 2 (B1 1 × 2 = 2) − penalty 0 =
        // 95.1471… → 95.15
        ranked("tl-cd-so-tu-phap", "95.15", 1, Some("93.65"), Some("93.15"), "2.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-vp-ubnd: I.1 = 18 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all sheets); II.2
        // = 0.8/0.85 × 10 = 9.4118… (all sheets); II.3 = 50 (all sheets); self = 18.5 + 9 + 5 +
        // 9.4118… + 50 = 91.9118…; criteria = 91.4118… + bonus 1 (B2 1 × 1 = 1) − penalty 0 =
        // 92.4118… → 92.41
        ranked("tl-cd-vp-ubnd", "92.41", 2, Some("91.91"), Some("91.41"), "1.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-thanh-tra: I.1 = 18.5 (all sheets); I.2 = (9 + 8.5)/2 = 8.75; II.1 = 5 (all
        // sheets); II.2 = 0.85/0.85 × 10 = 10 (all sheets); II.3 = 48 (all sheets); self = 18.5 +
        // 9 + 5 + 10 + 49 = 91.5; criteria = 90.25 + bonus 2 (B1 1 × 2 = 2) − penalty 0 = 92.25 →
        // 92.25
        ranked("tl-cd-thanh-tra", "92.25", 3, Some("91.50"), Some("90.25"), "2.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-noi-vu: I.1 = 18 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.85/0.85 × 10 = 10 (all sheets); II.3 = 48 (all sheets); self = 18.5 + 9 + 5 +
        // 10 + 48 = 90.5; total = 90 → 90.00
        ranked("tl-cd-so-noi-vu", "90.00", 4, Some("90.50"), Some("90.00"), "0.00", "0.00", "Tốt", &[]),
        // tl-cd-ban-dan-toc: I.1 = 17 (all sheets); I.2 = 8 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.7/0.85 × 10 = 8.2353… (all sheets); II.3 = 44 (all sheets); self = 17 + 8 + 5 +
        // 8.2353… + 45 = 83.2353…; criteria = 82.2353… + bonus 0 − penalty 0.5 = 81.7353… → 81.74
        ranked("tl-cd-ban-dan-toc", "81.74", 5, Some("83.24"), Some("82.24"), "0.00", "0.50", "Khá", &[]),
        // tl-cd-so-khdt: I.1 = 17.5 (all sheets); I.2 = 8.5 (all sheets); II.1 = 0 (all sheets);
        // II.2 = 0.75/0.85 × 10 = 8.8235… (all sheets); II.3 = 46 (all sheets); self = 17.5 + 8.5
        // + 0 + 8.8235… + 46 = 80.8235…; criteria = 80.8235… + bonus 0 − penalty 0.5 = 80.3235… →
        // 80.32
        ranked("tl-cd-so-khdt", "80.32", 6, Some("80.82"), Some("80.82"), "0.00", "0.50", "Khá", &[]),
        // tl-cd-vp-dieu-phoi-ntm: I.1 = 16 (all sheets); I.2 = 7.5 (all sheets); II.1 = 5 (all
        // sheets); II.2 = 0.65/0.85 × 10 = 7.6471… (all sheets); II.3 = 41 (all sheets); self = 16
        // + 7.5 + 5 + 7.6471… + 42 = 78.1471…; total = 77.1471… → 77.15
        ranked("tl-cd-vp-dieu-phoi-ntm", "77.15", 7, Some("78.15"), Some("77.15"), "0.00", "0.00", "Khá", &[]),
        unranked("tl-cd-cuc-thong-ke", "not_submitted", Some("gia nhập Cụm từ 01/4/2024, chưa chấm điểm đợt 1")),
    ]
}

// year_from last_phase: the year table is this table. Ranks: 96.65 > 96.54 > 93.50 = 93.50 > 87.91
// > 82.82 > 81.74. Thanh tra and Nội vụ tie on every key: criterion:I 19 + 9 = 28 both,
// bonus_total 2 both, fewer_penalties 0 both, vote 0 both (the ballots are for Tư pháp and
// VP UBND) → shared rank 3, member order, next rank 5; the vote override is shown on the
// page only. Cờ → Tư pháp; Bằng khen (quota 2): VP UBND, then the rank-3 group at the
// quota's edge is taken whole → Thanh tra and Nội vụ. VP Điều phối NTM left 30/9/2024.
#[rustfmt::skip]
pub fn cum_3_2024_dot2() -> Vec<Row> {
    vec![
        // tl-cd-so-tu-phap: I.1 = (19 + 19.5)/2 = 19.25; I.2 = (9 + 9.5)/2 = 9.25; II.1 = 5 (all
        // sheets); II.2 = 0.82/0.85 × 10 = 9.6471… (all sheets); II.3 = (51 + 52)/2 = 51.5; self =
        // 19.5 + 9.5 + 5 + 9.6471… + 52 = 95.6471…; criteria = 94.6471… + bonus 2 (B1 1 × 2 = 2) −
        // penalty 0 = 96.6471… → 96.65
        ranked("tl-cd-so-tu-phap", "96.65", 1, Some("95.65"), Some("94.65"), "2.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cd-vp-ubnd: I.1 = (19 + 18.5)/2 = 18.75; I.2 = 9 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.78/0.85 × 10 = 9.1765…, 0.8/0.85 × 10 = 9.4118…; (9.4118… + 9.1765…)/2 =
        // 9.2941…; II.3 = (49 + 50)/2 = 49.5; self = 19 + 9.5 + 5 + 9.4118… + 50 = 92.9118…;
        // criteria = 91.5441… + bonus 5 (B1 3 × 2 = 6 → item cap 4; B2 2 × 1 = 2 → sum 6, bonus
        // cap 5) − penalty 0 = 96.5441… → 96.54
        ranked("tl-cd-vp-ubnd", "96.54", 2, Some("92.91"), Some("91.54"), "5.00", "0.00", "Xuất sắc", &["bang-khen-ldld-tinh"]),
        // tl-cd-thanh-tra: I.1 = 19 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.85/0.85 × 10 = 10 (all sheets); II.3 = (48 + 49)/2 = 48.5; self = 19.5 + 9 + 5
        // + 10 + 50 = 93.5; criteria = 91.5 + bonus 2 (B1 1 × 2 = 2) − penalty 0 = 93.5 → 93.50
        ranked("tl-cd-thanh-tra", "93.50", 3, Some("93.50"), Some("91.50"), "2.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-so-noi-vu: I.1 = 19 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all sheets);
        // II.2 = min(0.88/0.85, 1) × 10 = 10, min(0.9/0.85, 1) × 10 = 10; 10 (all sheets); II.3 =
        // (49 + 48)/2 = 48.5; self = 19 + 9 + 5 + 10 + 49 = 92; criteria = 91.5 + bonus 2 (B2 2 ×
        // 1 = 2) − penalty 0 = 93.5 → 93.50
        ranked("tl-cd-so-noi-vu", "93.50", 3, Some("92.00"), Some("91.50"), "2.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cd-cuc-thong-ke: I.1 = 18.5 (all sheets); I.2 = 9 (all sheets); II.1 = 5 (all
        // sheets); II.2 = 0.8/0.85 × 10 = 9.4118… (all sheets); II.3 = 46 (all sheets); self =
        // 18.5 + 9 + 5 + 9.4118… + 46 = 87.9118…; total = 87.9118… → 87.91
        ranked("tl-cd-cuc-thong-ke", "87.91", 5, Some("87.91"), Some("87.91"), "0.00", "0.00", "Tốt", &[]),
        // tl-cd-so-khdt: I.1 = 18 (all sheets); I.2 = 8.5 (all sheets); II.1 = 0 (all sheets);
        // II.2 = 0.75/0.85 × 10 = 8.8235… (all sheets); II.3 = 47 (all sheets); self = 18 + 8.5 +
        // 0 + 8.8235… + 47 = 82.3235…; criteria = 82.3235… + bonus 1 (B2 1 × 1 = 1) − penalty 0.5
        // = 82.8235… → 82.82
        ranked("tl-cd-so-khdt", "82.82", 6, Some("82.32"), Some("82.32"), "1.00", "0.50", "Khá", &[]),
        // tl-cd-ban-dan-toc: I.1 = 17.5 (all sheets); I.2 = 8 (all sheets); II.1 = 5 (all sheets);
        // II.2 = 0.7/0.85 × 10 = 8.2353… (all sheets); II.3 = 45 (all sheets); self = 18 + 8.5 + 5
        // + 8.4706… + 46 = 85.9706…; criteria = 83.7353… + bonus 0 − penalty 2 = 81.7353… → 81.74
        ranked("tl-cd-ban-dan-toc", "81.74", 7, Some("85.97"), Some("83.74"), "0.00", "2.00", "Khá", &[]),
        unranked("tl-cd-vp-dieu-phoi-ntm", "withdrawn", Some("rời Cụm từ 30/9/2024")),
    ]
}

// 1000-point scheme ldld-khoi-1-2024, one decimal place; one assessor (LĐLĐ tỉnh). I.1 and
// II.2 are proportional with target 1 (actual × 150, at most 150).
// Ranks compare the rounded totals: 980.0 > 931.0 > 890.0 > 861.3 = 861.3; GTVT – XD (exact
// 861.25) and NN&PTNT (exact 861.30) tie after rounding and criterion:II decides:
// GTVT 225 + 150 = 375 > NN 215 + 142.5 = 357.5 → GTVT 4, NN 5 although its exact total is lower.
// Cờ (rank ≤ 1, ≥ 900) → CĐVC tỉnh; Bằng khen (quota 2, ≥ 850) → Y tế, Giáo dục.
// CĐ các KCN is partial (II.2 missing).
#[rustfmt::skip]
pub fn khoi_1_2024_year() -> Vec<Row> {
    vec![
        // tl-cdvc-tinh: I.1 = min(1.08/1, 1) × 150 = 150; I.2 = 130; II.1 = 230; II.2 =
        // min(1.02/1, 1) × 150 = 150; III.1 = 180; III.2 = 100; self = 150 + 135 + 235 + 150 + 185
        // + 100 = 955; criteria = 940 + bonus 40 (B1 1 × 20 = 20; B2 2 × 10 = 20) − penalty 0 =
        // 980 → 980.0
        ranked("tl-cdvc-tinh", "980.0", 1, Some("955.0"), Some("940.0"), "40.0", "0.0", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-cdn-y-te: I.1 = 0.96/1 × 150 = 144; I.2 = 120; II.1 = 225; II.2 = 0.98/1 × 150 = 147;
        // III.1 = 175; III.2 = 100; self = 144 + 125 + 230 + 147 + 180 + 100 = 926; criteria = 911
        // + bonus 20 (B1 1 × 20 = 20) − penalty 0 = 931 → 931.0
        ranked("tl-cdn-y-te", "931.0", 2, Some("926.0"), Some("911.0"), "20.0", "0.0", "Xuất sắc", &["bang-khen-ldld-tinh"]),
        // tl-cdn-giao-duc: I.1 = 0.93/1 × 150 = 139.5; I.2 = 115; II.1 = 220; II.2 = 0.97/1 × 150
        // = 145.5; III.1 = 170; III.2 = 100; self = 139.5 + 120 + 225 + 145.5 + 175 + 100 = 905;
        // criteria = 890 + bonus 10 (B2 1 × 10 = 10) − penalty 10 = 890 → 890.0
        ranked("tl-cdn-giao-duc", "890.0", 3, Some("905.0"), Some("890.0"), "10.0", "10.0", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-cdn-gtvt-xd: I.1 = 0.875/1 × 150 = 131.25; I.2 = 95; II.1 = 225; II.2 = 1/1 × 150 =
        // 150; III.1 = 160; III.2 = 100; self = 131.25 + 100 + 230 + 150 + 165 + 100 = 876.25;
        // total = 861.25 → 861.3
        ranked("tl-cdn-gtvt-xd", "861.3", 4, Some("876.3"), Some("861.3"), "0.0", "0.0", "Tốt", &[]),
        // tl-cdn-nn-ptnt: I.1 = 0.792/1 × 150 = 118.8; I.2 = 110; II.1 = 215; II.2 = 0.95/1 × 150
        // = 142.5; III.1 = 165; III.2 = 100; self = 118.8 + 110 + 220 + 142.5 + 165 + 100 = 856.3;
        // criteria = 851.3 + bonus 10 (B2 1 × 10 = 10) − penalty 0 = 861.3 → 861.3
        ranked("tl-cdn-nn-ptnt", "861.3", 5, Some("856.3"), Some("851.3"), "10.0", "0.0", "Tốt", &[]),
        unranked("tl-cd-kcn", "partial", Some("chưa gửi số liệu thu kinh phí công đoàn (tiêu chí II.2)")),
    ]
}

// Scheme ldld-khoi-2-2024, one assessor (LĐLĐ tỉnh); I.2 proportional (actual / 0.6 × 20, at
// most 20). Ranks: 97.30 > 95.00 > 93.00 > 88.33 > 84.67 > 82.00 = 82.00; Phú Sơn and Yên Khê tie,
// criterion:I is equal (25 + 16 = 41 = 26 + 15), bonus_total decides (1 > 0) → Phú Sơn 6, Yên Khê
// 7.
// Cờ → TP Thanh Lâm; Bằng khen (quota 2, ≥ 90) → Bình Giang, Kim Thạch.
#[rustfmt::skip]
pub fn khoi_2_2024_year() -> Vec<Row> {
    vec![
        // tl-ldld-tp-thanh-lam: I.1 = 29; I.2 = 0.579/0.6 × 20 = 19.3; II.1 = 27; II.2 = 19; self
        // = 29.5 + 19.3 + 27.5 + 19 = 95.3; criteria = 94.3 + bonus 3 (B1 3 × 1.5 = 4.5 → item cap
        // 3; B2 1 × 1 = 1 → sum 4, bonus cap 3) − penalty 0 = 97.3 → 97.30
        ranked("tl-ldld-tp-thanh-lam", "97.30", 1, Some("95.30"), Some("94.30"), "3.00", "0.00", "Xuất sắc", &["co-thi-dua-ldld-tinh"]),
        // tl-ldld-binh-giang: I.1 = 28; I.2 = min(0.62/0.6, 1) × 20 = 20; II.1 = 27.5; II.2 = 18;
        // self = 28.5 + 20 + 28 + 18 = 94.5; criteria = 93.5 + bonus 1.5 (B1 1 × 1.5 = 1.5) −
        // penalty 0 = 95 → 95.00
        ranked("tl-ldld-binh-giang", "95.00", 2, Some("94.50"), Some("93.50"), "1.50", "0.00", "Xuất sắc", &["bang-khen-ldld-tinh"]),
        // tl-ldld-kim-thach: I.1 = 28; I.2 = 0.6/0.6 × 20 = 20; II.1 = 26; II.2 = 18; self = 28.5
        // + 20 + 26.5 + 18 = 93; criteria = 92 + bonus 1 (B2 1 × 1 = 1) − penalty 0 = 93 → 93.00
        ranked("tl-ldld-kim-thach", "93.00", 3, Some("93.00"), Some("92.00"), "1.00", "0.00", "Tốt", &["bang-khen-ldld-tinh"]),
        // tl-ldld-lam-phu: I.1 = 27; I.2 = 0.55/0.6 × 20 = 18.3333…; II.1 = 26; II.2 = 17; self =
        // 27.5 + 18.3333… + 26 + 17 = 88.8333…; total = 88.3333… → 88.33
        ranked("tl-ldld-lam-phu", "88.33", 4, Some("88.83"), Some("88.33"), "0.00", "0.00", "Tốt", &[]),
        // tl-ldld-tan-hoa: I.1 = 26.5; I.2 = 0.5/0.6 × 20 = 16.6667…; II.1 = 25.5; II.2 = 17; self
        // = 27 + 16.6667… + 26 + 17 = 86.6667…; criteria = 85.6667… + bonus 0 − penalty 1 =
        // 84.6667… → 84.67
        ranked("tl-ldld-tan-hoa", "84.67", 5, Some("86.67"), Some("85.67"), "0.00", "1.00", "Khá", &[]),
        // tl-ldld-phu-son: I.1 = 25; I.2 = 0.48/0.6 × 20 = 16; II.1 = 24; II.2 = 16; self = 25.5 +
        // 16 + 24.5 + 16 = 82; criteria = 81 + bonus 1 (B2 1 × 1 = 1) − penalty 0 = 82 → 82.00
        ranked("tl-ldld-phu-son", "82.00", 6, Some("82.00"), Some("81.00"), "1.00", "0.00", "Khá", &[]),
        // tl-ldld-yen-khe: I.1 = 26; I.2 = 0.45/0.6 × 20 = 15; II.1 = 25; II.2 = 16; self = 26.5 +
        // 15 + 25 + 16 = 82.5; total = 82 → 82.00
        ranked("tl-ldld-yen-khe", "82.00", 7, Some("82.50"), Some("82.00"), "0.00", "0.00", "Khá", &[]),
    ]
}
