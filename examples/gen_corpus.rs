//! Corpus generator for the benchmark (bench/run.sh, issue 17): writes a
//! complete bangtin site of N invented Vietnamese articles into DIR, with
//! `data/` in proportion (N/50 cluster-years of 10 members, with scores) and,
//! with `--photos K`, K small JPEG photos in page bundles.
//!
//! The output depends only on N, the seed and K: the same arguments give the
//! same bytes, so a corpus can be cached and two machines compared.
//!
//!     cargo run --release --example gen_corpus -- N DIR [--seed S] [--photos K]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use unicode_normalization::UnicodeNormalization;

const USAGE: &str = "usage: gen_corpus N DIR [--seed S] [--photos K]
  N          number of articles (at least 1)
  DIR        folder to write the site into (must not exist or be empty)
  --seed S   seed of the generator (default 1); same seed, same bytes
  --photos K number of small JPEG photos, spread over page bundles (default 0)";

/// First year of news and of cluster-years; the corpus spans ten years.
const FIRST_YEAR: i16 = 2016;
const YEARS: i16 = 10;
const MEMBERS: usize = 10;
/// One cluster per this many articles: 10 years × 10 members each gives
/// N/50 cluster-years, as in issue 17.
const ARTICLES_PER_CLUSTER: usize = 500;

struct Args {
    n: usize,
    dir: PathBuf,
    seed: u64,
    photos: usize,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)).and_then(check_dir) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("gen_corpus: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match generate(&args) {
        Ok(()) => {
            println!(
                "wrote {} articles, {} photos to {}",
                args.n,
                args.photos,
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut n, mut dir, mut seed, mut photos) = (None, None, 1, 0);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => seed = number(it.next(), "--seed")?,
            "--photos" => photos = number(it.next(), "--photos")?,
            "-h" | "--help" => return Err("help".into()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ if n.is_none() => n = Some(number::<usize>(Some(a), "N")?),
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let n = n
        .filter(|&n| n > 0)
        .ok_or("N must be a number of articles ≥ 1")?;
    let dir = dir.ok_or("DIR is missing")?;
    Ok(Args {
        n,
        dir,
        seed,
        photos,
    })
}

/// A corpus is written into a new or empty folder only, so that no file of
/// another corpus stays mixed in.
fn check_dir(args: Args) -> Result<Args, String> {
    let occupied = fs::read_dir(&args.dir).is_ok_and(|mut d| d.next().is_some());
    match (occupied, args.dir.is_file()) {
        (_, true) => Err(format!("{} is a file, not a folder", args.dir.display())),
        (true, _) => Err(format!(
            "{} is not empty; give a new folder",
            args.dir.display()
        )),
        _ => Ok(args),
    }
}

fn number<T: std::str::FromStr>(v: Option<String>, what: &str) -> Result<T, String> {
    v.as_deref()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{what} needs a non-negative whole number"))
}

// ---------------------------------------------------------------------------
// A small deterministic PRNG (splitmix64): no dependency, same stream on
// every platform.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0); the modulo bias is far below what matters here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------
// Vocabulary. Every name is invented; "tỉnh Thanh Lâm" does not exist.

const PROVINCE: &str = "tỉnh Thanh Lâm";

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đào", "Đinh", "Lương", "Trịnh", "Mai", "Tạ",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Thu", "Thanh", "Hữu", "Đức", "Ngọc", "Quốc", "Hồng", "Xuân", "Kim",
];
const MALE_MIDDLE: &[&str] = &["Văn", "Hữu", "Đức", "Quốc", "Minh", "Xuân"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khải",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang",
    "Tuấn", "Vân", "Yến", "Khánh", "Duy", "Thắng",
];
const ROLES: &[&str] = &[
    "Chủ tịch Công đoàn cơ sở",
    "Phó Chủ tịch Công đoàn cơ sở",
    "Phó Chủ tịch Liên đoàn Lao động tỉnh",
    "Chủ tịch Công đoàn Viên chức tỉnh",
    "Trưởng ban Tuyên giáo Liên đoàn Lao động tỉnh",
    "Ủy viên Ban Thường vụ Công đoàn Viên chức tỉnh",
    "Trưởng ban Nữ công",
    "Giám đốc",
    "Hiệu trưởng",
    "Phó Giám đốc phụ trách chuyên môn",
];
/// Invented districts and communes of tỉnh Thanh Lâm.
const PLACES: &[&str] = &[
    "Lâm Phú",
    "Kim Thạch",
    "Tân Hòa",
    "Yên Khê",
    "Phú Sơn",
    "Bình Giang",
    "Thạch Bàn",
    "Đông Lĩnh",
    "Hòa Mỹ",
    "Vĩnh Lạc",
    "An Thái",
    "Sơn Hà",
    "Ngọc Lâm",
    "Bắc Thủy",
    "Tam Lộc",
    "Quế Lâm",
    "Hưng Đạo",
    "Phước Điền",
    "Cẩm Khê",
    "Mỹ Xuyên",
];
/// Kinds of grassroots bodies: full name, short name, id part.
const BODIES: &[(&str, &str, &str)] = &[
    ("Trường Trung học phổ thông", "Trường THPT", "thpt"),
    ("Trường Trung học cơ sở", "Trường THCS", "thcs"),
    ("Trường Tiểu học", "Trường TH", "th"),
    ("Trường Mầm non", "Trường MN", "mn"),
    ("Trung tâm Y tế", "TTYT", "ttyt"),
    ("Bệnh viện Đa khoa khu vực", "BVĐK KV", "bvdk"),
    ("Chi cục Thuế khu vực", "CCT KV", "cct"),
    ("Kho bạc Nhà nước", "KBNN", "kbnn"),
    ("Ban Quản lý dự án đầu tư xây dựng", "BQLDA", "bqlda"),
    ("Trung tâm Văn hóa – Thể thao", "TTVH-TT", "ttvh"),
    ("Hạt Kiểm lâm", "Hạt KL", "hkl"),
    ("Trạm Khuyến nông", "Trạm KN", "tkn"),
    ("Chi nhánh Văn phòng Đăng ký đất đai", "CN VPĐKĐĐ", "vpdk"),
    (
        "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên",
        "TT GDNN-GDTX",
        "gdnn",
    ),
    ("Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT", "pgd"),
    ("Trung tâm Dịch vụ nông nghiệp", "TT DVNN", "dvnn"),
    ("Bảo hiểm xã hội", "BHXH", "bhxh"),
    ("Đội Quản lý thị trường", "Đội QLTT", "qltt"),
    ("Trường Phổ thông dân tộc nội trú", "Trường PTDTNT", "dtnt"),
    ("Trung tâm Kiểm soát bệnh tật khu vực", "CDC KV", "cdc"),
];
/// The tags, most frequent first: picked with a Zipf-like law, so a few are large.
const TAGS: &[&str] = &[
    "thi đua",
    "công đoàn cơ sở",
    "khen thưởng",
    "giao ước thi đua",
    "đoàn viên",
    "hội thao",
    "chuyển đổi số",
    "văn nghệ",
    "nữ công",
    "Tháng Công nhân",
    "Mái ấm Công đoàn",
    "tổng kết",
    "sơ kết",
    "tập huấn",
    "hội nghị cán bộ",
    "cải cách hành chính",
    "an sinh xã hội",
    "Tết sum vầy",
    "bình đẳng giới",
    "an toàn vệ sinh lao động",
    "văn hóa công sở",
    "học tập và làm theo Bác",
    "giáo dục",
    "y tế",
    "nông nghiệp",
    "thể dục thể thao",
    "cầu lông",
    "bóng chuyền",
    "kéo co",
    "trao quà",
    "học bổng",
    "khuyến học",
    "nhà văn hóa",
    "môi trường",
    "trồng cây",
    "hiến máu",
    "tình nguyện",
    "người lao động",
    "viên chức",
    "đối thoại",
    "thỏa ước lao động",
    "tiền lương",
    "nhà ở",
    "thiếu nhi",
    "Trung thu",
    "Quốc tế Phụ nữ",
    "Phụ nữ Việt Nam 20/10",
    "kỷ niệm",
    "đại hội",
    "tuyên truyền",
    "pháp luật",
    "kỹ năng số",
    "sáng kiến",
    "mô hình hay",
    "điển hình tiên tiến",
    "người tốt việc tốt",
    "phòng chống thiên tai",
    "du lịch về nguồn",
    "an toàn giao thông",
    "thư viện",
];
/// Activities: how the text names them (lowercase, after "tổ chức"), and the
/// words of the file name.
const ACTIVITIES: &[(&str, &str)] = &[
    ("hội thao", "hoi-thao"),
    ("hội diễn văn nghệ", "hoi-dien"),
    ("tọa đàm", "toa-dam"),
    ("Hội nghị cán bộ, công chức, viên chức", "hoi-nghi-cbccvc"),
    ("lớp tập huấn nghiệp vụ công tác công đoàn", "tap-huan"),
    ("chương trình trao quà cho đoàn viên khó khăn", "trao-qua"),
    ("Ngày hội đoàn viên", "ngay-hoi"),
    ("giải cầu lông", "cau-long"),
    ("giải bóng chuyền hơi", "bong-chuyen"),
    ("hội thi tìm hiểu pháp luật", "hoi-thi-phap-luat"),
    ("chuyến du lịch về nguồn", "ve-nguon"),
    ("ngày hội hiến máu tình nguyện", "hien-mau"),
    ("hội thi nấu ăn", "nau-an"),
    ("buổi tuyên dương điển hình tiên tiến", "tuyen-duong"),
    ("chương trình trồng cây xanh", "trong-cay"),
    ("lớp bồi dưỡng kỹ năng số", "ky-nang-so"),
];
const OCCASIONS: &[&str] = &[
    "chào mừng ngày Quốc tế Phụ nữ 8/3",
    "nhân dịp Tết Nguyên đán",
    "hưởng ứng Tháng Công nhân",
    "chào mừng ngày thành lập Công đoàn Việt Nam 28/7",
    "nhân ngày Phụ nữ Việt Nam 20/10",
    "chào mừng ngày Nhà giáo Việt Nam 20/11",
    "nhân dịp Tết Trung thu",
    "hưởng ứng Tháng hành động về an toàn, vệ sinh lao động",
    "chào mừng Đại hội Công đoàn các cấp",
    "kỷ niệm ngày Thầy thuốc Việt Nam 27/2",
];
const SLOGANS: &[&str] = &[
    "Giỏi việc nước, đảm việc nhà",
    "Lao động giỏi, lao động sáng tạo",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Mái ấm Công đoàn",
    "Tết sum vầy – Xuân chia sẻ",
    "Đoàn viên khỏe, cơ quan mạnh",
    "Dân vận khéo",
    "Xanh – Sạch – Đẹp",
];
const HEADINGS: &[&str] = &[
    "Kết quả nổi bật",
    "Những con số ấn tượng",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Ý kiến tại hội nghị",
    "Chăm lo đời sống đoàn viên",
    "Phong trào thi đua lan tỏa",
    "Một số kinh nghiệm",
    "Khen thưởng",
    "Những khó khăn, hạn chế",
    "Phương hướng, nhiệm vụ",
    "Hoạt động của các đơn vị trong Cụm",
    "Chuyển đổi số trong công tác công đoàn",
    "Tiếng nói từ cơ sở",
    "Đẩy mạnh tuyên truyền",
];
const LIST_ITEMS: &[&str] = &[
    "100% công đoàn cơ sở xây dựng kế hoạch thi đua ngay từ đầu năm",
    "tổ chức thăm hỏi, tặng quà cho {M} đoàn viên có hoàn cảnh khó khăn",
    "phối hợp với chuyên môn tổ chức đối thoại định kỳ với người lao động",
    "duy trì sinh hoạt chuyên đề hằng quý tại {U}",
    "kết nạp mới {N} đoàn viên, nâng tổng số đoàn viên lên {M} người",
    "phát động phong trào *“{S}”* trong toàn thể đoàn viên",
    "{PCT}% đoàn viên tham gia học tập nghị quyết qua nền tảng số",
    "tổ chức thành công {A} với sự tham gia của {M} vận động viên",
    "bình chọn {N} sáng kiến được áp dụng hiệu quả trong chuyên môn",
    "hỗ trợ {N} đoàn viên xây dựng, sửa chữa nhà ở từ quỹ Mái ấm Công đoàn",
    "gửi báo cáo định kỳ đúng thời hạn, đầy đủ nội dung",
    "vận động đoàn viên ủng hộ đồng bào vùng lũ {M} triệu đồng",
    "trao {N} suất học bổng cho con đoàn viên học giỏi",
    "hoàn thành việc số hóa hồ sơ đoàn viên trên phần mềm quản lý",
];
/// Sentences of the body; each article draws them from its own shuffled deck,
/// so none repeats within an article.
const SENTENCES: &[&str] = &[
    "Tham dự có đồng chí **{P}**, {R}; đại diện lãnh đạo các đơn vị trong Cụm cùng đông đảo đoàn viên.",
    "Phát biểu tại buổi lễ, đồng chí {P} ghi nhận những nỗ lực của {U} trong năm {Y}.",
    "Theo báo cáo, trong năm qua các công đoàn cơ sở đã tổ chức {N} đợt thăm hỏi, tặng quà với tổng kinh phí hơn {M} triệu đồng.",
    "Phong trào *“{S}”* tiếp tục được triển khai sâu rộng, thu hút {PCT}% đoàn viên tham gia.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, tiêu biểu là mô hình của {U2}.",
    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế như việc gửi báo cáo còn chậm, hình thức tuyên truyền chưa phong phú.",
    "Đồng chí {P}, {R} đề nghị các đơn vị tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở.",
    "Chương trình diễn ra trong không khí sôi nổi, đoàn kết, với sự tham gia của hơn {M} đoàn viên đến từ {N} đơn vị.",
    "Kết quả, {U} giành giải Nhất toàn đoàn; giải Nhì thuộc về {U2}.",
    "Ban Tổ chức đã trao {N} giải cá nhân và {N} giải tập thể cho các đội có thành tích xuất sắc.",
    "Dịp này, {U2} được tặng Giấy khen vì có thành tích xuất sắc trong phong trào thi đua năm {Y}.",
    "Hội nghị đã biểu quyết thống nhất chọn {U} làm Cụm trưởng và {U2} làm Cụm phó năm {Y1}.",
    "Theo đồng chí {P}, điều quan trọng nhất là giữ được sự gắn bó giữa tổ chức công đoàn với đoàn viên.",
    "Các đại biểu cũng dành nhiều thời gian thảo luận về công tác chuyển đổi số, ứng dụng phần mềm trong quản lý đoàn viên.",
    "Tại {PL}, {U} đã phối hợp với chính quyền địa phương hỗ trợ {N} hộ gia đình khó khăn.",
    "Năm {Y}, {PCT}% cán bộ, công chức, viên chức của {U} hoàn thành tốt nhiệm vụ trở lên.",
    "Chia sẻ tại buổi gặp mặt, chị {QF} cho biết công đoàn luôn là chỗ dựa tinh thần cho người lao động.",
    "Ngay sau hội nghị, các đơn vị đã ký kết giao ước thi đua với {N} chỉ tiêu cụ thể.",
    "Đây là năm thứ {N} liên tiếp {U} duy trì tổ chức hoạt động này.",
    "Nguồn kinh phí được trích từ quỹ xã hội của công đoàn và sự đóng góp tự nguyện của đoàn viên.",
    "Đoàn công tác đã đến thăm, động viên đoàn viên đang công tác tại các xã vùng sâu của {PL}.",
    "Kết thúc chương trình, Ban Tổ chức trao giấy chứng nhận cho {M} học viên hoàn thành lớp học.",
    "Được biết, kế hoạch hoạt động năm {Y1} sẽ tập trung vào việc nâng cao chất lượng sinh hoạt công đoàn.",
    "Trong không khí phấn khởi, {U} cùng các đơn vị bạn giao lưu văn nghệ, thể thao.",
    "Ông {QM} nhấn mạnh yêu cầu bảo đảm an toàn, vệ sinh lao động tại nơi làm việc.",
    "Qua chấm điểm, {U} đạt {SC} điểm, xếp loại Xuất sắc, dẫn đầu Cụm.",
    "Những con số trên cho thấy sự vào cuộc tích cực của cả hệ thống chính trị tại {PL}.",
    "Với {N} đội thi và gần {M} cổ động viên, sân thi đấu luôn rộn ràng tiếng reo hò.",
    "Mỗi đơn vị được giao xây dựng ít nhất một công trình, phần việc chào mừng các ngày lễ lớn trong năm.",
    "Ban Chấp hành công đoàn cơ sở {U2} đã kịp thời nắm bắt tâm tư, nguyện vọng của đoàn viên để phản ánh với lãnh đạo đơn vị.",
    "Anh {QM}, đoàn viên {U2}, chia sẻ: “Được tham gia hoạt động chung, chúng tôi hiểu nhau hơn và gắn bó với cơ quan hơn”.",
    "Các đơn vị thống nhất sẽ luân phiên đăng cai hoạt động chung của Cụm theo thứ tự đã ký kết.",
    "Trong {N} năm gần đây, số đoàn viên được khen thưởng đột xuất tăng gấp đôi.",
    "Công tác tài chính công đoàn được thực hiện công khai, minh bạch, đúng quy định.",
    "Nhiều đơn vị chủ động ứng dụng mạng xã hội để tuyên truyền, giúp thông tin đến với đoàn viên nhanh hơn.",
    "Hội nghị cũng dành một phút tưởng niệm những đoàn viên đã hy sinh trong khi làm nhiệm vụ.",
    "Ngoài phần thi chính, các đội còn tham gia trò chơi dân gian như kéo co, nhảy bao bố, đẩy gậy.",
    "Bà {QF}, {R}, đánh giá cao sự chuẩn bị chu đáo của đơn vị đăng cai.",
    "Từ kết quả này, {U} đề xuất Liên đoàn Lao động tỉnh tặng Bằng khen cho {N} tập thể và {M} cá nhân.",
    "Các chỉ tiêu giao ước năm {Y} đều đạt và vượt, trong đó có {N} chỉ tiêu vượt trên 10%.",
    "Hội nghị thống nhất đề nghị các đơn vị gửi báo cáo sơ kết trước ngày {D2}.",
    "Đợt này có {N} đoàn viên được xét tặng danh hiệu Lao động tiên tiến.",
];
const TABLE_HEADS: &[&str] = &[
    "| STT | Đơn vị | Điểm | Xếp loại |\n|---:|:---|---:|:---|\n",
    "| Hạng | Đơn vị | Vàng | Bạc | Đồng |\n|---:|:---|---:|---:|---:|\n",
];
const EVENTS: &[&str] = &["ky_ket", "so_ket", "tong_ket", "hoat_dong", "khen_thuong"];

// ---------------------------------------------------------------------------
// The site model the files are written from.

struct Unit {
    id: String,
    full: String,
    short: String,
}

struct Cluster {
    id: String,
    name: String,
    organiser: &'static str,
    number: usize,
    /// Indices into the unit list, in official order.
    members: Vec<usize>,
}

struct Article {
    year: i16,
    date: jiff::civil::DateTime,
    /// File stem (single file) or folder name (bundle).
    stem: String,
    title: String,
    tags: Vec<usize>,
    cluster: Option<usize>,
    units: Vec<usize>,
    story: Story,
    photos: usize,
}

/// What an article reports: who, and which event or activity.
struct Story {
    subject: String,
    event: Option<&'static str>,
    activity: usize,
    occasion: usize,
}

impl Story {
    fn title(&self, year: i16) -> String {
        let subject = &self.subject;
        match self.event {
            Some("ky_ket") => format!("{subject} ký kết giao ước thi đua năm {year}"),
            Some("so_ket") => format!("{subject} sơ kết phong trào thi đua 6 tháng đầu năm {year}"),
            Some("tong_ket") => format!("{subject} tổng kết công tác thi đua năm {year}"),
            Some("khen_thuong") => {
                format!("Khen thưởng {subject} vì thành tích xuất sắc năm {year}")
            }
            _ => format!(
                "{subject} tổ chức {} {}",
                ACTIVITIES[self.activity].0, OCCASIONS[self.occasion]
            ),
        }
    }

    /// The first sentence of the body, which says what the title says.
    fn lead(&self) -> &'static str {
        match self.event {
            Some("ky_ket") => "Ngày {D}, {SUBJ} tổ chức Hội nghị ký kết giao ước thi đua năm {Y}.",
            Some("so_ket") => {
                "Ngày {D}, {SUBJ} tổ chức Hội nghị sơ kết phong trào thi đua 6 tháng đầu năm {Y}, đánh giá việc thực hiện các chỉ tiêu đã giao ước."
            }
            Some("tong_ket") => {
                "Ngày {D}, {SUBJ} tổ chức Hội nghị tổng kết công tác thi đua năm {Y} và triển khai phương hướng, nhiệm vụ năm {Y1}."
            }
            Some("khen_thuong") => {
                "Ngày {D}, {SUBJ} vinh dự đón nhận Bằng khen của Liên đoàn Lao động tỉnh vì thành tích xuất sắc trong phong trào thi đua năm {Y}."
            }
            _ => "Ngày {D}, tại {PL}, {SUBJ} tổ chức {ACT} {OCC}.",
        }
    }

    /// The first words of the file name: `ky-ket`, `hoi-thao`, …
    fn key(&self) -> &'static str {
        match self.event {
            Some("ky_ket") => "ky-ket",
            Some("so_ket") => "so-ket",
            Some("tong_ket") => "tong-ket",
            Some("khen_thuong") => "khen-thuong",
            _ => ACTIVITIES[self.activity].1,
        }
    }
}

impl Article {
    /// The path under `content/news/`.
    fn rel(&self) -> String {
        if self.photos > 0 {
            format!("{}/{}/index.md", self.year, self.stem)
        } else {
            format!("{}/{}.md", self.year, self.stem)
        }
    }

    /// How a link from `from` reaches this article, by its source file.
    fn link_from(&self, from: &Article) -> String {
        let up = if from.photos > 0 { "../../" } else { "../" };
        if self.photos > 0 {
            format!("{up}{}/{}/", self.year, self.stem)
        } else {
            format!("{up}{}/{}.md", self.year, self.stem)
        }
    }
}

struct Site {
    units: Vec<Unit>,
    clusters: Vec<Cluster>,
    articles: Vec<Article>,
}

fn generate(args: &Args) -> io::Result<()> {
    fs::create_dir_all(&args.dir)?;
    let mut rng = Rng(args.seed ^ 0x6261_6E67_7469_6E00);
    let clusters = args.n.div_ceil(ARTICLES_PER_CLUSTER).max(1);
    let units = make_units(clusters * MEMBERS);
    let clusters = make_clusters(clusters);
    let articles = make_articles(&mut rng, args, &units, &clusters);
    let site = Site {
        units,
        clusters,
        articles,
    };
    let out = Out(args.dir.clone());
    write_settings(&out)?;
    write_data(&out, &mut rng, &site)?;
    write_pages(&out)?;
    write_articles(&out, &mut rng, &site)
}

/// Writes files under the site folder, always in NFC.
struct Out(PathBuf);

impl Out {
    fn write(&self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().expect("a file has a parent"))?;
        fs::write(path, text.nfc().collect::<String>())
    }

    fn write_bytes(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().expect("a file has a parent"))?;
        fs::write(path, bytes)
    }
}

/// A YAML double-quoted scalar: JSON's string syntax is valid YAML.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn make_units(count: usize) -> Vec<Unit> {
    (0..count)
        .map(|i| {
            // Place and kind both change from one unit to the next, so a
            // cluster mixes them; (i mod P, i + i/P mod B) is one-to-one.
            let place = PLACES[i % PLACES.len()];
            let (body, short, key) = BODIES[(i + i / PLACES.len()) % BODIES.len()];
            let round = i / (BODIES.len() * PLACES.len());
            let (suffix, id_suffix) = match round {
                0 => (String::new(), String::new()),
                r => (format!(" số {}", r + 1), format!("-{}", r + 1)),
            };
            Unit {
                id: format!("tl-cd-{key}-{}{id_suffix}", ascii_slug(place)),
                full: format!("Công đoàn cơ sở {body} {place}{suffix}"),
                short: format!("CĐCS {short} {place}{suffix}"),
            }
        })
        .collect()
}

/// Even clusters belong to CĐVC tỉnh (Cụm), odd ones to LĐLĐ tỉnh (Khối).
fn make_clusters(count: usize) -> Vec<Cluster> {
    (0..count)
        .map(|c| {
            let number = c / 2 + 1;
            let (id, name, organiser) = if c % 2 == 0 {
                (
                    format!("cdvc-cum-{number}"),
                    format!("Cụm thi đua số {number} Công đoàn Viên chức {PROVINCE}"),
                    "tl-cdvc-tinh",
                )
            } else {
                (
                    format!("ldld-khoi-{number}"),
                    format!("Khối thi đua số {number} Liên đoàn Lao động {PROVINCE}"),
                    "tl-ldld-tinh",
                )
            };
            Cluster {
                id,
                name,
                organiser,
                number,
                members: (c * MEMBERS..(c + 1) * MEMBERS).collect(),
            }
        })
        .collect()
}

/// Lowercase ASCII slug: marks dropped, đ → d, other runs → one hyphen.
fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.nfd() {
        let ch = match ch {
            'đ' | 'Đ' => 'd',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if !c.is_ascii() && unicode_normalization::char::is_combining_mark(c) => continue,
            _ => '-',
        };
        if ch != '-' || !out.is_empty() && !out.ends_with('-') {
            out.push(ch);
        }
    }
    out.trim_end_matches('-').to_string()
}

// ---------------------------------------------------------------------------
// Articles: dates, titles, tags, references; bodies are made when written.

fn make_articles(rng: &mut Rng, args: &Args, units: &[Unit], clusters: &[Cluster]) -> Vec<Article> {
    let mut dates: Vec<jiff::civil::DateTime> = (0..args.n).map(|_| random_date(rng)).collect();
    dates.sort();
    let bundles = bundle_photos(args.n, args.photos);
    let mut titles = HashSet::new();
    let zipf = Zipf::new(TAGS.len());
    dates
        .into_iter()
        .enumerate()
        .map(|(i, date)| {
            let cluster = rng.chance(35).then(|| rng.below(clusters.len()));
            let units_of = cluster.map_or_else(Vec::new, |c| pick_members(rng, &clusters[c]));
            let story = Story {
                subject: subject_of(rng, units, clusters, cluster, &units_of),
                event: cluster
                    .map(|_| rng.pick(EVENTS))
                    .or_else(|| rng.chance(30).then_some("hoat_dong")),
                activity: rng.below(ACTIVITIES.len()),
                occasion: rng.below(OCCASIONS.len()),
            };
            let title = unique_title(&mut titles, story.title(date.year()), date);
            let tag_count = rng.between(2, 4);
            Article {
                year: date.year(),
                date,
                stem: format!("{}-{}-{}-{}", story.key(), date.day(), date.month(), i + 1),
                title,
                tags: zipf.sample_distinct(rng, tag_count),
                cluster,
                units: units_of,
                story,
                photos: bundles[i],
            }
        })
        .collect()
}

/// A moment in the ten years, in office hours or the evening, +07:00.
fn random_date(rng: &mut Rng) -> jiff::civil::DateTime {
    let first = jiff::civil::date(FIRST_YEAR, 1, 1);
    let last = jiff::civil::date(FIRST_YEAR + YEARS - 1, 12, 31);
    let span = first.until(last).expect("a span of days").get_days() as usize;
    let day = first
        .checked_add(jiff::Span::new().days(rng.below(span + 1) as i64))
        .expect("a day in range");
    day.at(rng.between(7, 21) as i8, (rng.below(12) * 5) as i8, 0, 0)
}

/// How many photos each article's bundle gets: K photos over ⌈K/3⌉ bundles
/// spread evenly through the corpus, round robin.
fn bundle_photos(n: usize, photos: usize) -> Vec<usize> {
    let mut per = vec![0; n];
    let bundles = photos.div_ceil(3).min(n);
    for p in 0..photos {
        per[(p % bundles) * n / bundles] += 1;
    }
    per
}

fn pick_members(rng: &mut Rng, cluster: &Cluster) -> Vec<usize> {
    let mut picked = Vec::new();
    for _ in 0..rng.between(1, 3) {
        let u = rng.pick(&cluster.members);
        if !picked.contains(&u) {
            picked.push(u);
        }
    }
    picked
}

/// Who the title is about: a unit of the article, a cluster or a place.
fn subject_of(
    rng: &mut Rng,
    units: &[Unit],
    clusters: &[Cluster],
    cluster: Option<usize>,
    units_of: &[usize],
) -> String {
    match (cluster, units_of.first()) {
        (Some(c), _) if rng.chance(50) => short_cluster(&clusters[c].name),
        (_, Some(&u)) => units[u].full.clone(),
        _ if rng.chance(50) => units[rng.below(units.len())].full.clone(),
        _ => format!("Công đoàn huyện {}", rng.pick(PLACES)),
    }
}

/// "Cụm thi đua số 3" without the organiser, as titles say it.
fn short_cluster(name: &str) -> String {
    name.split(" Công đoàn")
        .next()
        .and_then(|s| s.split(" Liên đoàn").next())
        .unwrap_or(name)
        .to_string()
}

/// Titles are unique: a repeated one gets the day, then a number.
fn unique_title(seen: &mut HashSet<String>, base: String, date: jiff::civil::DateTime) -> String {
    let mut title = base.clone();
    let mut k = 1;
    while !seen.insert(title.clone()) {
        k += 1;
        title = match k {
            2 => format!("{base} (ngày {}/{})", date.day(), date.month()),
            _ => format!("{base} (ngày {}/{}, tin {k})", date.day(), date.month()),
        };
    }
    title
}

/// Zipf-like weights over the tag ranks (s = 1): the first tag is in about
/// half of the articles, the last in a few percent.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Self {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }

    fn sample_distinct(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let mut picked = Vec::with_capacity(k);
        while picked.len() < k {
            let t = self.sample(rng);
            if !picked.contains(&t) {
                picked.push(t);
            }
        }
        picked
    }
}

// ---------------------------------------------------------------------------
// site.yaml, standalone pages and list introductions.

fn write_settings(out: &Out) -> io::Result<()> {
    out.write(
        "site.yaml",
        &format!(
            "title: Thi đua Công đoàn {PROVINCE}\n\
             description: Tin tức, giao ước và kết quả thi đua của các Cụm, Khối thi đua Công đoàn {PROVINCE}\n\
             base_url: https://thidua.thanhlam.example.vn/\n\
             language: vi\n\
             theme: default\n\
             timezone: \"+07:00\"\n\
             paginate: 10\n\
             organiser: tl-ldld-tinh\n"
        ),
    )
}

fn write_pages(out: &Out) -> io::Result<()> {
    out.write(
        "content/_index.md",
        &format!(
            "---\ntitle: Thi đua Công đoàn {PROVINCE}\n---\n\
             Chào mừng bạn đến với trang thông tin thi đua của các Cụm, Khối thi đua \
             Công đoàn {PROVINCE}: tin tức, giao ước, kết quả chấm điểm và khen thưởng qua các năm.\n"
        ),
    )?;
    out.write(
        "content/news/_index.md",
        "---\ntitle: Tin tức\ndescription: Hoạt động của các Cụm, Khối thi đua\n---\n\
         Tin bài do công đoàn cơ sở và các Cụm, Khối thi đua gửi về, mới nhất trước.\n",
    )?;
    out.write(
        "content/pages/gioi-thieu.md",
        &format!(
            "---\ntitle: Giới thiệu\n---\n\
             Trang thông tin thi đua của Liên đoàn Lao động {PROVINCE} đăng tin hoạt động và \
             công khai kết quả chấm điểm của các Cụm, Khối thi đua.\n\n\
             ## Các Cụm, Khối thi đua\n\n\
             Mỗi Cụm gồm mười công đoàn cơ sở; Cụm trưởng, Cụm phó luân phiên hằng năm.\n"
        ),
    )?;
    out.write(
        "content/pages/lien-he.md",
        "---\ntitle: Liên hệ\n---\n\
         Ban Tuyên giáo, Liên đoàn Lao động tỉnh. Thư điện tử: \
         <tuyengiao@thanhlam.example.vn>.\n",
    )
}

// ---------------------------------------------------------------------------
// data/: units, awards, schemes, cluster-years and their scores.

fn write_data(out: &Out, rng: &mut Rng, site: &Site) -> io::Result<()> {
    out.write("data/units.yaml", &units_yaml(site))?;
    out.write(
        "data/awards.yaml",
        "awards:\n  \
         - { id: co-thi-dua-ldld-tinh, name: Cờ thi đua của LĐLĐ tỉnh, issuer: tl-ldld-tinh }\n  \
         - { id: bang-khen-ldld-tinh, name: Bằng khen của LĐLĐ tỉnh, issuer: tl-ldld-tinh }\n",
    )?;
    for year in FIRST_YEAR..FIRST_YEAR + YEARS {
        out.write(&format!("data/schemes/tl-{year}.yaml"), &scheme_yaml(year))?;
        for c in &site.clusters {
            out.write(
                &format!("data/clusters/{year}/{}.yaml", c.id),
                &cluster_yaml(rng, site, c, year),
            )?;
            out.write(
                &format!("data/scores/{year}/{}.yaml", c.id),
                &scores_yaml(rng, site, c, year),
            )?;
        }
    }
    Ok(())
}

fn units_yaml(site: &Site) -> String {
    let mut s = format!(
        "# Invented units of the benchmark corpus ({PROVINCE} does not exist).\nunits:\n\
         \x20 - id: tl-ldld-tinh\n    kind: union_upper\n    names:\n      \
         - {{ full: Liên đoàn Lao động {PROVINCE}, short: LĐLĐ tỉnh, from: 1950-01-01 }}\n    \
         valid: {{ from: 1950-01-01 }}\n\
         \x20 - id: tl-cdvc-tinh\n    kind: union_upper\n    names:\n      \
         - {{ full: Công đoàn Viên chức {PROVINCE}, short: CĐVC tỉnh, from: 1993-01-01 }}\n    \
         parent: tl-ldld-tinh\n    valid: {{ from: 1993-01-01 }}\n"
    );
    for c in &site.clusters {
        for &m in &c.members {
            let u = &site.units[m];
            let _ = write!(
                s,
                "  - id: {}\n    kind: union_base\n    names:\n      \
                 - {{ full: {}, short: {}, from: 1995-01-01 }}\n    \
                 parent: {}\n    valid: {{ from: 1995-01-01 }}\n",
                u.id,
                q(&u.full),
                q(&u.short),
                c.organiser
            );
        }
    }
    s
}

/// The scheme of FORMAT.md §6, one per year (the years differ only in name).
fn scheme_yaml(year: i16) -> String {
    format!(
        "id: tl-{year}
title: Biểu chấm điểm thi đua các Cụm, Khối thi đua năm {year}
total_max: 100
decimals: 2
criteria:
  - id: I
    title: Thực hiện nhiệm vụ chính trị, chuyên môn
    max: 30
    children:
      - {{ id: I.1, title: \"Hoàn thành chỉ tiêu, kế hoạch năm\", max: 20, rule: scale, step: 0.5 }}
      - {{ id: I.2, title: \"Cải cách hành chính, chuyển đổi số\", max: 10, rule: scale, step: 0.5 }}
  - id: II
    title: Tổ chức phong trào thi đua
    max: 70
    children:
      - {{ id: II.1, title: Đăng ký thi đua đúng hạn, max: 5, rule: fixed }}
      - {{ id: II.2, title: Tỷ lệ đoàn viên xuất sắc, max: 10, rule: proportional, target: 0.85 }}
      - {{ id: II.3, title: \"Tham gia hoạt động chung của Cụm\", max: 55, rule: scale, step: 1 }}
bonus:
  cap: 5
  items:
    - {{ id: B1, title: Được tặng Cờ thi đua hoặc Bằng khen cấp tỉnh trở lên, points: 2, cap: 4 }}
    - {{ id: B2, title: Có mô hình mới được Cụm công nhận, points: 1 }}
penalties:
  items:
    - {{ id: P1, title: Gửi báo cáo chậm, points: -0.5 }}
    - {{ id: P2, title: Vắng hoạt động chung không có lý do, points: -2 }}
disqualifiers:
  - {{ id: D1, title: Tập thể bị kỷ luật hoặc mất đoàn kết nội bộ }}
aggregation:
  assessed_by: panel
  final_from: assessed
  year_from: last_phase
ranking:
  tie_break: [criterion:I, bonus_total, fewer_penalties]
classification:
  - {{ label: Xuất sắc, min: 95 }}
  - {{ label: Tốt, min: 85 }}
  - {{ label: Khá, min: 70 }}
  - {{ label: Trung bình, min: 0 }}
award_rules:
  - {{ award: co-thi-dua-ldld-tinh, quota: 1, rank_at_most: 1, min_total: 95 }}
  - {{ award: bang-khen-ldld-tinh, quota: 2, min_total: 90 }}
"
    )
}

/// The leader and deputy rotate with the year, as clusters do.
fn leaders(c: &Cluster, year: i16) -> (usize, usize) {
    let l = (year as usize + c.number) % MEMBERS;
    (l, (l + 1) % MEMBERS)
}

const TARGETS: &[&str] = &[
    "100% đơn vị hoàn thành tốt nhiệm vụ trở lên",
    "90% CBCCVC hoàn thành tốt nhiệm vụ, trong đó 20% hoàn thành xuất sắc",
    "100% công đoàn cơ sở xếp loại hoàn thành tốt nhiệm vụ trở lên",
    "85% đoàn viên được đánh giá, xếp loại hoàn thành xuất sắc nhiệm vụ công đoàn",
    "Tham gia đầy đủ hội thao, hội diễn văn nghệ và các hoạt động chung của Cụm",
];

fn cluster_yaml(rng: &mut Rng, site: &Site, c: &Cluster, year: i16) -> String {
    let (lead, deputy) = leaders(c, year);
    let mut s = format!(
        "id: {}\nyear: {year}\nname: {}\norganiser: {}\nnumber: {}\n\
         period: {{ from: {year}-01-01, until: {year}-12-31 }}\n\
         formed_by: {{ number: \"{:02}/QĐ-{}\", date: {year}-01-{:02} }}\n\
         scheme: tl-{year}\nphases:\n  \
         - {{ id: dot1, name: Đợt 1, until: {year}-06-30 }}\n  \
         - {{ id: dot2, name: Đợt 2, until: {year}-12-31 }}\nmembers:\n",
        c.id,
        q(&c.name),
        c.organiser,
        c.number,
        rng.between(1, 40),
        if c.organiser == "tl-cdvc-tinh" {
            "CĐVC"
        } else {
            "LĐLĐ"
        },
        rng.between(5, 25),
    );
    for (k, &m) in c.members.iter().enumerate() {
        let role = match k {
            _ if k == lead => ", role: cum_truong",
            _ if k == deputy => ", role: cum_pho",
            _ => "",
        };
        let _ = writeln!(s, "  - {{ unit: {}{role} }}", site.units[m].id);
    }
    s.push_str("targets:\n");
    for t in TARGETS.iter().take(rng.between(3, TARGETS.len())) {
        let _ = writeln!(s, "  - {t}");
    }
    let _ = writeln!(
        s,
        "signing: {{ date: {year}-03-{:02}, host: {} }}",
        rng.between(1, 28),
        site.units[c.members[lead]].id
    );
    s
}

/// One scoring criterion: id, max and step in hundredths, rule.
struct Criterion {
    id: &'static str,
    max: u32,
    step: u32,
    rule: Rule,
}

#[derive(Clone, Copy, PartialEq)]
enum Rule {
    Scale,
    Fixed,
    Proportional,
}

const CRITERIA: &[Criterion] = &[
    Criterion {
        id: "I.1",
        max: 2000,
        step: 50,
        rule: Rule::Scale,
    },
    Criterion {
        id: "I.2",
        max: 1000,
        step: 50,
        rule: Rule::Scale,
    },
    Criterion {
        id: "II.1",
        max: 500,
        step: 500,
        rule: Rule::Fixed,
    },
    Criterion {
        id: "II.2",
        max: 100,
        step: 1,
        rule: Rule::Proportional,
    },
    Criterion {
        id: "II.3",
        max: 5500,
        step: 100,
        rule: Rule::Scale,
    },
];

fn scores_yaml(rng: &mut Rng, site: &Site, c: &Cluster, year: i16) -> String {
    let mut s = format!(
        "cluster: {}\nyear: {year}\ndecimal_separator: \",\"\nphases:\n",
        c.id
    );
    // A unit's standing for the year, in percent of the maximum.
    let quality: Vec<u32> = (0..MEMBERS).map(|_| rng.between(74, 99) as u32).collect();
    for phase in ["dot1", "dot2"] {
        let _ = writeln!(s, "  {phase}:");
        for (k, &q) in quality.iter().enumerate() {
            unit_scores(&mut s, rng, site, c, year, k, q);
        }
    }
    s
}

fn unit_scores(
    s: &mut String,
    rng: &mut Rng,
    site: &Site,
    c: &Cluster,
    year: i16,
    k: usize,
    quality: u32,
) {
    let (lead, deputy) = leaders(c, year);
    let own = sheet(rng, quality);
    let _ = writeln!(
        s,
        "    {}:\n      self: {}\n      assessed:",
        site.units[c.members[k]].id,
        sheet_yaml(&own)
    );
    let third = (lead + 2) % MEMBERS;
    for a in [lead, deputy, third]
        .into_iter()
        .filter(|&a| a != k)
        .take(2)
    {
        let theirs = assessed(rng, &own);
        let _ = writeln!(
            s,
            "        {}: {}",
            site.units[c.members[a]].id,
            sheet_yaml(&theirs)
        );
    }
    if rng.chance(20) {
        let _ = writeln!(
            s,
            "      bonus: [{{ item: B1, count: 1, evidence: \"Bằng khen của UBND tỉnh, QĐ số {}/QĐ-UBND ngày {}/{}/{year}\" }}]",
            rng.between(100, 2999),
            rng.between(1, 28),
            rng.between(1, 12)
        );
    }
    if rng.chance(10) {
        let _ = writeln!(s, "      penalties: [{{ item: P1, count: 1 }}]");
    }
}

/// A self-assessment near `quality` percent of each maximum, on the steps.
fn sheet(rng: &mut Rng, quality: u32) -> Vec<u32> {
    CRITERIA
        .iter()
        .map(|cr| match cr.rule {
            Rule::Fixed => {
                if rng.chance(92) {
                    cr.max
                } else {
                    0
                }
            }
            Rule::Proportional => (quality - 10 + rng.below(6) as u32).min(cr.max),
            Rule::Scale => {
                let wobble = rng.below(3) as u32 * cr.step;
                let v = (cr.max * quality / 100 + wobble).min(cr.max);
                v / cr.step * cr.step
            }
        })
        .collect()
}

/// An assessor's sheet: the self-assessment or one step below it.
fn assessed(rng: &mut Rng, own: &[u32]) -> Vec<u32> {
    CRITERIA
        .iter()
        .zip(own)
        .map(|(cr, &v)| match cr.rule {
            Rule::Fixed => v,
            _ if rng.chance(40) => v.saturating_sub(cr.step),
            _ => v,
        })
        .collect()
}

fn sheet_yaml(values: &[u32]) -> String {
    let parts: Vec<String> = CRITERIA
        .iter()
        .zip(values)
        .map(|(cr, &v)| match cr.rule {
            Rule::Proportional => format!("{}: {{ actual: {} }}", cr.id, decimal(v)),
            _ => format!("{}: {}", cr.id, decimal(v)),
        })
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// Hundredths as the scores file writes them: `19`, `"19,5"`, `"0,82"`.
fn decimal(h: u32) -> String {
    match (h / 100, h % 100) {
        (i, 0) => i.to_string(),
        (i, f) if f % 10 == 0 => format!("\"{i},{}\"", f / 10),
        (i, f) => format!("\"{i},{f:02}\""),
    }
}

// ---------------------------------------------------------------------------
// Articles: front matter, body, photos.

fn write_articles(out: &Out, rng: &mut Rng, site: &Site) -> io::Result<()> {
    for (i, a) in site.articles.iter().enumerate() {
        let mut ctx = Ctx::new(rng, site, a);
        let mut text = front_matter(rng, site, a, i, &ctx);
        text.push_str(&body(rng, site, i, &mut ctx));
        out.write(&format!("content/news/{}", a.rel()), &text)?;
        for p in 1..=a.photos {
            let jpeg = jpeg_photo(rng);
            out.write_bytes(
                &format!("content/news/{}/{}/{}", a.year, a.stem, photo_name(p)),
                &jpeg,
            )?;
        }
    }
    Ok(())
}

fn photo_name(p: usize) -> String {
    format!("anh-{p:02}.jpg")
}

/// The names one article talks about, drawn once so the text hangs together,
/// and its deck of sentences.
struct Ctx {
    subject: String,
    unit: String,
    unit2: String,
    cluster: String,
    person: String,
    activity: &'static str,
    occasion: &'static str,
    place: &'static str,
    day: String,
    year: i16,
    deck: Vec<usize>,
}

impl Ctx {
    fn new(rng: &mut Rng, site: &Site, a: &Article) -> Self {
        let any_unit = |rng: &mut Rng| site.units[rng.below(site.units.len())].full.clone();
        let unit = a
            .units
            .first()
            .map_or_else(|| any_unit(rng), |&u| site.units[u].full.clone());
        let unit2 = a
            .units
            .get(1)
            .map_or_else(|| any_unit(rng), |&u| site.units[u].full.clone());
        let cluster = a.cluster.unwrap_or_else(|| rng.below(site.clusters.len()));
        let mut deck: Vec<usize> = (0..SENTENCES.len()).collect();
        for k in (1..deck.len()).rev() {
            deck.swap(k, rng.below(k + 1));
        }
        Ctx {
            subject: a.story.subject.clone(),
            unit,
            unit2,
            cluster: site.clusters[cluster].name.clone(),
            person: person(rng),
            activity: ACTIVITIES[a.story.activity].0,
            occasion: OCCASIONS[a.story.occasion],
            place: rng.pick(PLACES),
            day: format!("{}/{}", a.date.day(), a.date.month()),
            year: a.year,
            deck,
        }
    }

    /// The next sentence template of the deck; it starts over when used up.
    fn next_sentence(&mut self) -> &'static str {
        let k = self.deck.remove(0);
        self.deck.push(k);
        SENTENCES[k]
    }
}

fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

fn front_matter(rng: &mut Rng, site: &Site, a: &Article, i: usize, ctx: &Ctx) -> String {
    let d = a.date;
    let mut s = format!(
        "---\ntitle: {}\ndate: {}-{:02}-{:02}T{:02}:{:02}:00+07:00\n",
        q(&a.title),
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute()
    );
    if rng.chance(40) {
        let _ = writeln!(s, "summary: {}", q(&sentence(rng, ctx, a.story.lead())));
    }
    let tags: Vec<String> = a.tags.iter().map(|&t| q(TAGS[t])).collect();
    let _ = writeln!(s, "tags: [{}]", tags.join(", "));
    if let Some(c) = a.cluster {
        let ids: Vec<&str> = a.units.iter().map(|&u| site.units[u].id.as_str()).collect();
        let _ = writeln!(
            s,
            "cluster: {}\nunits: [{}]",
            site.clusters[c].id,
            ids.join(", ")
        );
    }
    if let Some(e) = a.story.event {
        let _ = writeln!(s, "event: {e}");
    }
    if rng.chance(70) {
        let _ = writeln!(s, "byline: {}", q(&format!("Tin, ảnh: {}", person(rng))));
    }
    let old = format!("/tin-tuc/{}-{}", title_case_slug(&a.stem), 4000 + i);
    if rng.chance(5) {
        let _ = writeln!(s, "aliases: [{old}]");
    }
    if rng.chance(10) {
        let _ = writeln!(
            s,
            "source: {{ url: \"https://congdoan.thanhlam.example.vn{old}\", views: {}, as_of: 2026-01-05 }}",
            rng.between(40, 5000)
        );
    }
    photos_yaml(&mut s, rng, a, ctx);
    s.push_str("---\n");
    s
}

/// `Hoi-thao-…`: the old site's address style, for aliases and sources.
fn title_case_slug(stem: &str) -> String {
    let mut c = stem.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}

fn photos_yaml(s: &mut String, rng: &mut Rng, a: &Article, ctx: &Ctx) {
    if a.photos == 0 {
        return;
    }
    let _ = writeln!(s, "cover: {}\nphotos:", photo_name(1));
    for p in 1..=a.photos {
        let caption = upper_first(&fill(rng, ctx, caption_template(p)));
        let _ = writeln!(
            s,
            "  - {{ file: {}, caption: {} }}",
            photo_name(p),
            q(&caption)
        );
    }
}

fn caption_template(p: usize) -> &'static str {
    const CAPTIONS: &[&str] = &[
        "toàn cảnh buổi lễ tại hội trường {U}",
        "đồng chí {P} phát biểu tại hội nghị",
        "đại diện các đơn vị nhận giấy khen",
        "các vận động viên thi đấu tại {PL}",
        "đoàn viên {U} chụp ảnh lưu niệm",
    ];
    CAPTIONS[(p - 1) % CAPTIONS.len()]
}

/// About 3 KB of Markdown: a lead, sections with headings, lists, a table on
/// some, links to earlier articles by their source file, a photo in bundles.
fn body(rng: &mut Rng, site: &Site, i: usize, ctx: &mut Ctx) -> String {
    let a = &site.articles[i];
    let mut b = paragraph(rng, ctx, 3, Some(a.story.lead()));
    if a.photos > 0 {
        let _ = write!(
            b,
            "![{}]({})\n\n",
            upper_first(&fill(rng, ctx, caption_template(1))),
            photo_name(1)
        );
    }
    let mut headings: Vec<&str> = Vec::new();
    let mut table = !rng.chance(25);
    let mut linked = i == 0 || !rng.chance(60);
    while b.len() < 2300 {
        let h = rng.pick(HEADINGS);
        if headings.contains(&h) {
            continue;
        }
        headings.push(h);
        let _ = write!(b, "## {h}\n\n");
        let sentences = rng.between(2, 4);
        b.push_str(&paragraph(rng, ctx, sentences, None));
        if !linked {
            linked = true;
            b.push_str(&link_paragraph(rng, site, i));
        }
        match rng.below(3) {
            0 => b.push_str(&bullet_list(rng, ctx)),
            1 if !table => {
                table = true;
                b.push_str(&results_table(rng, site));
            }
            _ => b.push_str(&paragraph(rng, ctx, 2, None)),
        }
    }
    b.push_str(&paragraph(rng, ctx, 2, None));
    b
}

fn paragraph(rng: &mut Rng, ctx: &mut Ctx, sentences: usize, first: Option<&str>) -> String {
    let mut p = String::new();
    for k in 0..sentences {
        let tpl = match (k, first) {
            (0, Some(t)) => t,
            _ => ctx.next_sentence(),
        };
        if k > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(rng, ctx, tpl));
    }
    p.push_str("\n\n");
    p
}

fn sentence(rng: &mut Rng, ctx: &Ctx, tpl: &str) -> String {
    upper_first(&fill(rng, ctx, tpl))
}

/// Replaces `{U}`, `{P}`, … in a template with the article's names and
/// fresh numbers.
fn fill(rng: &mut Rng, ctx: &Ctx, tpl: &str) -> String {
    let mut out = String::with_capacity(tpl.len() + 80);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("a closed placeholder");
        out.push_str(&slot(rng, ctx, &rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn slot(rng: &mut Rng, ctx: &Ctx, key: &str) -> String {
    match key {
        "U" => ctx.unit.clone(),
        "U2" => ctx.unit2.clone(),
        "C" => ctx.cluster.clone(),
        "P" => ctx.person.clone(),
        "R" => rng.pick(ROLES).to_string(),
        "D" => ctx.day.clone(),
        "Y" => ctx.year.to_string(),
        "Y1" => (ctx.year + 1).to_string(),
        "N" => rng.between(2, 15).to_string(),
        "M" => rng.between(20, 900).to_string(),
        "PCT" => rng.between(70, 100).to_string(),
        "PL" => format!("huyện {}", ctx.place),
        "A" => rng.pick(ACTIVITIES).0.to_string(),
        "SUBJ" => ctx.subject.clone(),
        "ACT" => ctx.activity.to_string(),
        "OCC" => ctx.occasion.to_string(),
        "QF" => format!("{} Thị {}", rng.pick(FAMILY), rng.pick(GIVEN)),
        "QM" => format!(
            "{} {} {}",
            rng.pick(FAMILY),
            rng.pick(MALE_MIDDLE),
            rng.pick(GIVEN)
        ),
        "D2" => format!("{}/{}", rng.between(1, 28), rng.between(1, 12)),
        "O" => rng.pick(OCCASIONS).to_string(),
        "S" => rng.pick(SLOGANS).to_string(),
        "SC" => format!("{},{:02}", rng.between(92, 99), rng.below(100)),
        other => panic!("unknown placeholder {{{other}}}"),
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn bullet_list(rng: &mut Rng, ctx: &Ctx) -> String {
    let mut s = String::from("Một số kết quả chính:\n\n");
    let count = rng.between(3, 5);
    let mut used = Vec::new();
    while used.len() < count {
        let k = rng.below(LIST_ITEMS.len());
        if used.contains(&k) {
            continue;
        }
        used.push(k);
        let sep = if used.len() == count { '.' } else { ';' };
        let _ = writeln!(s, "- {}{sep}", upper_first(&fill(rng, ctx, LIST_ITEMS[k])));
    }
    s.push('\n');
    s
}

fn results_table(rng: &mut Rng, site: &Site) -> String {
    let medals = rng.chance(50);
    let mut s = String::from(TABLE_HEADS[usize::from(medals)]);
    let mut score = rng.between(9_600, 9_900);
    for rank in 1..=rng.between(3, 5) {
        let u = &site.units[rng.below(site.units.len())].short;
        if medals {
            let _ = writeln!(
                s,
                "| {rank} | {u} | {} | {} | {} |",
                6 - rank,
                rng.below(4),
                rng.below(4)
            );
        } else {
            let label = if score >= 9_500 {
                "Xuất sắc"
            } else {
                "Tốt"
            };
            let _ = writeln!(
                s,
                "| {rank} | {u} | {},{:02} | {label} |",
                score / 100,
                score % 100
            );
        }
        score -= rng.between(10, 120);
    }
    s.push('\n');
    s
}

/// A paragraph that links one or two earlier articles by their source file.
fn link_paragraph(rng: &mut Rng, site: &Site, i: usize) -> String {
    let here = &site.articles[i];
    let first = &site.articles[rng.below(i)];
    let mut s = format!(
        "Như đã đưa tin trong bài [{}]({}), phong trào đã được các đơn vị hưởng ứng tích cực.",
        first.title,
        first.link_from(here)
    );
    if rng.chance(40) {
        let second = &site.articles[rng.below(i)];
        let _ = write!(
            s,
            " Xem thêm: [{}]({}).",
            second.title,
            second.link_from(here)
        );
    }
    s.push_str("\n\n");
    s
}

/// A 64×48 JPEG: a two-colour gradient with a block, like a tiny photo.
fn jpeg_photo(rng: &mut Rng) -> Vec<u8> {
    let (w, h) = (64u32, 48u32);
    let c1 = [
        rng.below(256) as u8,
        rng.below(256) as u8,
        rng.below(256) as u8,
    ];
    let c2 = [
        rng.below(256) as u8,
        rng.below(256) as u8,
        rng.below(256) as u8,
    ];
    let (bx, by) = (rng.below(40) as u32, rng.below(30) as u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        if (bx..bx + 20).contains(&x) && (by..by + 14).contains(&y) {
            return image::Rgb([240, 230, 200]);
        }
        let t = (x + y) as f32 / (w + h) as f32;
        image::Rgb(std::array::from_fn(|k| {
            (c1[k] as f32 * (1.0 - t) + c2[k] as f32 * t) as u8
        }))
    });
    let mut buf = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, 80)
        .encode_image(&img)
        .expect("encoding to memory does not fail");
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Args, String> {
        parse_args(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn arguments_are_checked() {
        let a = args(&["10", "d", "--seed", "7", "--photos", "3"]).unwrap();
        assert_eq!((a.n, a.seed, a.photos), (10, 7, 3));
        assert!(args(&["0", "d"]).is_err());
        assert!(args(&["10"]).is_err());
        assert!(args(&["x", "d"]).is_err());
        assert!(args(&["10", "d", "--seed"]).is_err());
        assert!(args(&["10", "d", "--colour"]).is_err());
    }

    #[test]
    fn decimals_are_written_as_the_scores_file_reads_them() {
        assert_eq!(decimal(1900), "19");
        assert_eq!(decimal(1950), "\"19,5\"");
        assert_eq!(decimal(82), "\"0,82\"");
    }

    #[test]
    fn slugs_drop_marks() {
        assert_eq!(ascii_slug("Đông Lĩnh"), "dong-linh");
        assert_eq!(ascii_slug("  Hòa Mỹ (2) "), "hoa-my-2");
    }

    #[test]
    fn every_photo_lands_in_a_bundle() {
        for (n, k) in [(10, 0), (10, 7), (3, 40), (1000, 30)] {
            assert_eq!(bundle_photos(n, k).iter().sum::<usize>(), k);
        }
    }

    #[test]
    fn unit_names_and_ids_are_unique() {
        let units = make_units(2 * BODIES.len() * PLACES.len() + 5);
        let ids: HashSet<_> = units.iter().map(|u| &u.id).collect();
        let names: HashSet<_> = units.iter().map(|u| &u.full).collect();
        assert_eq!((ids.len(), names.len()), (units.len(), units.len()));
    }
}
