//! The message catalogue: every sentence bangtin says to a person (errors,
//! hints, summaries), Vietnamese first and English second. Logic never writes
//! user-facing text inline; it names a [`Msg`] and passes arguments.
//!
//! Templates use `{name}` placeholders; a test checks that both languages use
//! the same placeholders.

use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

/// The language of terminal output. The default theme's page text lives in
/// the theme's translation file, not here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the language of messages for this process (`BANGTIN_LANG=en`).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language currently used for messages.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

macro_rules! catalogue {
    ($($id:ident => $vi:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($id),* }

        impl Msg {
            /// Every message, for the catalogue's own tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];

            /// The template of this message in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$id, Lang::Vi) => $vi, (Msg::$id, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalogue! {
    LabelError => "lỗi", "error";
    LabelWarning => "cảnh báo", "warning";
    LabelHint => "gợi ý", "hint";

    // Reading files
    FileRead => "không đọc được tệp: {detail}", "cannot read the file: {detail}";
    NotUtf8 => "tệp không phải văn bản UTF-8", "the file is not UTF-8 text";
    NotUtf8Hint => "lưu lại tệp với bảng mã Unicode UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8)",
        "save the file again as Unicode UTF-8 (in Notepad: Save as… → Encoding: UTF-8)";
    LegacyEncoding => "văn bản có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode",
        "the text looks like the legacy encoding {encoding}, not Unicode";
    LegacyEncodingHint => "chuyển sang Unicode dựng sẵn (ví dụ: Unikey → Công cụ chuyển mã, nguồn {encoding}, đích Unicode) rồi dán lại",
        "convert it to Unicode (e.g. Unikey's converter, source {encoding}, target Unicode) and paste it again";
    InvisibleChars => "có ký tự ẩn (khoảng trắng độ rộng 0) trong {what}; bangtin đã bỏ chúng",
        "{what} contains invisible zero-width characters; bangtin removed them";
    InvisibleCharsHint => "thường do sao chép từ Word hoặc trang web; gõ lại đoạn này cho sạch",
        "usually from copying out of Word or a web page; retype this part";
    SymlinkOutside => "liên kết tượng trưng trỏ ra ngoài thư mục trang: {target}",
        "symbolic link points outside the site folder: {target}";
    SymlinkOutsideHint => "sao chép tệp vào trong thư mục trang thay vì dùng liên kết",
        "copy the file into the site folder instead of linking to it";

    // YAML
    YamlSyntax => "YAML không hợp lệ: {detail}", "invalid YAML: {detail}";
    YamlSyntaxHint => "kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép; đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép",
        "check colons, indentation and quotes; put values containing `:` or `#` in double quotes";
    UnknownKey => "khóa `{key}` không được hỗ trợ ở đây", "the key `{key}` is not supported here";
    DidYouMean => "có phải ý bạn là `{suggestion}`?", "did you mean `{suggestion}`?";
    ExpectedKeys => "các khóa dùng được: {keys}", "keys allowed here: {keys}";
    MissingKey => "thiếu khóa bắt buộc `{key}`", "the required key `{key}` is missing";
    MissingKeyHint => "thêm một dòng `{key}: …`", "add a line `{key}: …`";
    DuplicateKey => "khóa `{key}` xuất hiện hai lần", "the key `{key}` appears twice";
    DuplicateKeyHint => "giữ lại một dòng và xóa dòng kia", "keep one line and delete the other";
    InvalidValue => "giá trị không hợp lệ: {detail}", "invalid value: {detail}";
    InvalidValueHint => "xem mẫu trong docs/format.md", "see the examples in docs/format.md";

    // site.yaml
    SiteYamlMissing => "không tìm thấy tệp site.yaml trong thư mục {dir}", "no site.yaml in {dir}";
    SiteYamlMissingHint => "chạy lệnh trong thư mục của trang, dùng --site THƯ_MỤC, hoặc tạo trang mới bằng `bangtin init THƯ_MỤC`",
        "run the command in the site folder, pass --site DIR, or create a site with `bangtin init DIR`";
    BaseUrlInvalid => "base_url `{url}` không phải địa chỉ http(s) đầy đủ", "base_url `{url}` is not a full http(s) address";
    BaseUrlInvalidHint => "viết đủ, ví dụ https://thidua.example.vn/ hoặc https://example.vn/thi-dua/",
        "write it in full, e.g. https://thidua.example.vn/ or https://example.vn/thi-dua/";
    TimezoneInvalid => "múi giờ `{value}` không hợp lệ", "the timezone `{value}` is not valid";
    TimezoneInvalidHint => "viết độ lệch giờ trong ngoặc kép, ví dụ \"+07:00\"", "write an offset in quotes, e.g. \"+07:00\"";
    PaginateInvalid => "paginate phải là số nguyên từ 1 trở lên", "paginate must be a whole number of 1 or more";
    LanguageUnknown => "chưa có bản dịch giao diện cho ngôn ngữ `{value}`", "no interface translation for the language `{value}`";
    LanguageUnknownHint => "các ngôn ngữ có sẵn: {available}", "available languages: {available}";
    ThemeMissing => "không tìm thấy giao diện `{theme}` (thư mục themes/{theme}/)", "theme `{theme}` not found (folder themes/{theme}/)";
    ThemeMissingHint => "dùng `theme: default` hoặc chép giao diện vào themes/{theme}/", "use `theme: default` or put the theme in themes/{theme}/";
    MenuUrlInvalid => "địa chỉ menu `{url}` phải bắt đầu bằng `/` hoặc http(s)://", "menu address `{url}` must start with `/` or http(s)://";

    // Content
    FrontMatterMissing => "bài viết thiếu phần thông tin đầu (front matter)", "the article has no front matter";
    FrontMatterMissingHint => "bắt đầu tệp bằng một dòng `---`, các dòng `title: …` và `date: …`, rồi một dòng `---`",
        "start the file with a line `---`, then `title: …` and `date: …`, then a line `---`";
    FrontMatterUnclosed => "phần thông tin đầu chưa được đóng", "the front matter is not closed";
    FrontMatterUnclosedHint => "thêm một dòng chỉ có `---` sau dòng thông tin cuối cùng", "add a line with only `---` after the last field";
    DateInvalid => "ngày `{value}` không hợp lệ", "the date `{value}` is not valid";
    DateInvalidHint => "viết ngày theo dạng năm-tháng-ngày, ví dụ {example}", "write dates as year-month-day, e.g. {example}";
    EventUnknown => "loại sự kiện `{value}` không có", "unknown event kind `{value}`";
    SlugEmpty => "không tạo được địa chỉ (slug) từ `{value}`", "cannot make an address (slug) from `{value}`";
    SlugEmptyHint => "đặt `slug: …` gồm chữ không dấu, số và dấu gạch ngang", "set `slug: …` using plain letters, digits and hyphens";
    SlugInvalid => "slug `{value}` chỉ được gồm chữ thường không dấu, số và dấu gạch ngang", "slug `{value}` may only hold lowercase letters, digits and hyphens";
    SlugInvalidHint => "có thể dùng `{suggestion}`", "you could use `{suggestion}`";
    DuplicateUrl => "hai trang cùng một địa chỉ {url}", "two pages have the same address {url}";
    DuplicateUrlHint => "trang kia là {other}; đặt `slug` khác cho một trong hai", "the other page is {other}; give one of them another `slug`";
    ReservedUrl => "địa chỉ {url} trùng với một trang do bangtin tạo", "the address {url} is used by a page bangtin makes";
    ReservedUrlHint => "đổi tên tệp hoặc đặt `slug` khác", "rename the file or set another `slug`";
    BrokenLink => "liên kết `{target}` không trỏ tới bài viết hay trang nào", "the link `{target}` does not lead to any article or page";
    BrokenLinkHint => "đường dẫn tính từ thư mục của tệp này; có phải ý bạn là `{suggestion}`?",
        "paths are relative to this file's folder; did you mean `{suggestion}`?";
    BrokenLinkNoSuggestion => "đường dẫn tính từ thư mục của tệp này, ví dụ `../2023/tong-ket.md`",
        "paths are relative to this file's folder, e.g. `../2023/tong-ket.md`";
    LinkToDraft => "liên kết `{target}` trỏ tới một bản nháp", "the link `{target}` leads to a draft";
    LinkToDraftHint => "bỏ `draft: true` ở bài kia, hoặc xây dựng với --drafts", "remove `draft: true` there, or build with --drafts";
    AliasInvalid => "địa chỉ cũ `{alias}` phải là đường dẫn bắt đầu bằng `/`, không có `..`", "old address `{alias}` must be a path starting with `/`, without `..`";
    AliasInvalidHint => "ví dụ `/tin-tuc/Ky-ket-giao-uoc-2023-4821`", "for example `/tin-tuc/Ky-ket-giao-uoc-2023-4821`";
    ContentOutsideNews => "tệp Markdown nằm ngoài content/news/ và content/pages/ nên không được dùng", "Markdown file outside content/news/ and content/pages/ is not used";
    ContentOutsideNewsHint => "chuyển bài vào content/news/<năm>/ hoặc trang vào content/pages/", "move articles into content/news/<year>/ and pages into content/pages/";
    PhotoMissing => "không có tệp ảnh `{file}` trong thư mục bài", "the photo `{file}` is not in the article's folder";
    PhotoMissingHint => "kiểm tra tên tệp (cả đuôi .jpg/.JPG); các tệp có trong thư mục: {files}", "check the file name (and its .jpg/.JPG ending); files in the folder: {files}";
    PhotoNotBundle => "ảnh và tệp kèm bài chỉ dùng được trong một thư mục bài (index.md)", "images and attachments only work inside an article folder (index.md)";

    // Templates and output
    TemplateError => "lỗi trong mẫu giao diện: {detail}", "error in a theme template: {detail}";
    TemplateErrorHint => "sửa mẫu (hoặc xóa bản sửa trong templates/ để dùng mẫu mặc định)",
        "fix the template (or delete the copy in templates/ to use the default one)";
    OutputNotOurs => "thư mục {dir} đã có nội dung không do bangtin tạo; bangtin không ghi đè", "{dir} holds files bangtin did not create; bangtin will not overwrite it";
    OutputNotOursHint => "chọn thư mục khác bằng --output, hoặc tự dọn thư mục này", "choose another folder with --output, or empty this one yourself";
    OutputInsideSource => "thư mục output {dir} nằm trong {inside} của trang", "the output folder {dir} is inside the site's {inside}";
    WriteFailed => "không ghi được {path}: {detail}", "cannot write {path}: {detail}";

    // CLI
    BuildDone => "Đã tạo {pages} trang, {images} ảnh, {warnings} cảnh báo trong {seconds} giây → {output}",
        "Built {pages} pages, {images} images, {warnings} warnings in {seconds} s → {output}";
    CheckDone => "Không có lỗi: {pages} trang, {warnings} cảnh báo", "No errors: {pages} pages, {warnings} warnings";
    RunFailed => "{errors} lỗi, {warnings} cảnh báo; thư mục output giữ nguyên như trước",
        "{errors} errors, {warnings} warnings; the output folder was left as it was";
    WarningsDenied => "có {warnings} cảnh báo và --deny-warnings coi chúng là lỗi", "{warnings} warnings, and --deny-warnings treats them as errors";
    InitDone => "Đã tạo trang mới trong {dir}. Tiếp theo: cd {dir} && bangtin build",
        "Created a new site in {dir}. Next: cd {dir} && bangtin build";
    InitNotEmpty => "thư mục {dir} đã có nội dung", "{dir} is not empty";
    InitNotEmptyHint => "chọn một thư mục mới hoặc trống", "choose a new or empty folder";
    NewDone => "Đã tạo bài viết {path}", "Created the article {path}";
    NewExists => "bài viết {path} đã có", "the article {path} already exists";
    NewExistsHint => "đổi tiêu đề hoặc sửa bài đã có", "change the title or edit the existing article";

    // --- images (media) ---
    ImagesConfigHint => "mặc định là `images: { widths: [480, 960, 1600], quality: 80, formats: [webp, jpeg] }`",
        "the default is `images: { widths: [480, 960, 1600], quality: 80, formats: [webp, jpeg] }`";
    ImagesWidthsInvalid => "images.widths phải là danh sách các chiều rộng từ {min} đến {max} điểm ảnh",
        "images.widths must list widths from {min} to {max} pixels";
    ImagesQualityInvalid => "images.quality phải từ 1 đến 100 (đang là {value})", "images.quality must be from 1 to 100 (it is {value})";
    ImagesFormatUnknown => "định dạng ảnh `{value}` không được hỗ trợ; dùng webp và/hoặc jpeg",
        "the image format `{value}` is not supported; use webp and/or jpeg";
    ImageEmpty => "tệp ảnh rỗng (0 byte)", "the image file is empty (0 bytes)";
    ImageEmptyHint => "chép lại ảnh từ máy ảnh hoặc điện thoại; lần chép trước chưa xong",
        "copy the photo again from the camera or phone; the last copy did not finish";
    ImageHeic => "ảnh ở định dạng {format} (iPhone), trình duyệt và bangtin chưa đọc được",
        "the photo is in {format} format (iPhone), which browsers and bangtin cannot read";
    ImageHeicHint => "chuyển sang JPEG: trên iPhone chọn Cài đặt → Camera → Định dạng → Tương thích nhất; với ảnh đã có, mở bằng Ảnh (Windows) hoặc Xem trước (macOS) rồi Xuất/Lưu thành JPEG",
        "convert it to JPEG: on the iPhone choose Settings → Camera → Formats → Most Compatible; for existing photos open them in Photos (Windows) or Preview (macOS) and Export/Save as JPEG";
    ImageUndecodable => "không đọc được ảnh (tệp hỏng hoặc không phải ảnh): {detail}",
        "cannot read the image (damaged or not an image): {detail}";
    ImageUnknownContent => "nội dung tệp không thuộc định dạng ảnh nào đã biết", "the content is not in any known image format";
    ImageDamagedHint => "mở thử ảnh trên máy; nếu không xem được, chép lại từ bản gốc",
        "try opening the photo on your computer; if it does not show, copy it again from the original";
    ImageUnsupported => "ảnh {format} không được hỗ trợ trong thư viện ảnh", "{format} images are not supported in galleries";
    ImageUnsupportedHint => "lưu ảnh thành JPEG hoặc PNG", "save the image as JPEG or PNG";
    ImageExtensionLies => "tệp là ảnh {actual} nhưng tên tệp ghi đuôi {claimed}", "the file is a {actual} image but its name says {claimed}";
    ImageExtensionLiesHint => "đổi đuôi tên tệp cho đúng (.{ext})", "rename the file with the right ending (.{ext})";
    ImageTooLarge => "ảnh quá lớn ({detail}); giới hạn là {megapixels} triệu điểm ảnh",
        "the image is too large ({detail}); the limit is {megapixels} megapixels";
    ImageTooLargeHint => "thu nhỏ ảnh (ví dụ còn 4000 điểm ảnh chiều ngang) rồi thêm lại",
        "scale the image down (e.g. to 4000 pixels wide) and add it again";
    ImageTruncated => "ảnh bị cắt cụt (tệp chưa chép hết); phần cuối ảnh có thể bị xám",
        "the image is truncated (the file was not copied completely); its bottom may be grey";
    ImageTruncatedHint => "chép lại ảnh từ máy ảnh hoặc điện thoại", "copy the photo again from the camera or phone";
    PhotoNoAlt => "ảnh `{file}` chưa có chú thích (caption) hay mô tả (alt) cho người khiếm thị",
        "the photo `{file}` has no caption or alt text for blind readers";
    PhotoNoAltHint => "thêm vào `photos`: `- { file: {file}, caption: … }`", "add to `photos`: `- { file: {file}, caption: … }`";
    BodyImageNoAlt => "ảnh `{file}` trong bài chưa có mô tả", "the image `{file}` in the text has no description";
    BodyImageNoAltHint => "viết mô tả trong ngoặc vuông: ![Mô tả ảnh]({file})", "write a description in the brackets: ![Description]({file})";
    CacheNotOurs => "thư mục {dir} không do bangtin tạo (thiếu CACHEDIR.TAG); bangtin không xóa", "{dir} was not made by bangtin (no CACHEDIR.TAG); bangtin will not delete it";
    ImagesProgress => "Đang xử lý ảnh: {done}/{total}", "Processing images: {done}/{total}";
    CleanDone => "Đã xóa bộ nhớ đệm ảnh {dir} ({files} tệp)", "Removed the image cache {dir} ({files} files)";
    CleanNothing => "Không có bộ nhớ đệm ảnh để xóa ({dir})", "No image cache to remove ({dir})";
}

/// Fills a message template with named arguments.
pub fn tr(msg: Msg, args: &[(&str, &dyn Display)]) -> String {
    fill(msg.template(lang()), args)
}

fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `t!(Msg::X, key = value, …)`: the message in the current language.
#[macro_export]
macro_rules! t {
    ($msg:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::tr($msg, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for m in Msg::ALL {
            assert_eq!(
                placeholders(m.template(Lang::Vi)),
                placeholders(m.template(Lang::En)),
                "{m:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_every_named_argument() {
        let s = fill("{a} và {b}, {a}", &[("a", &1), ("b", &"hai")]);
        assert_eq!(s, "1 và hai, 1");
    }
}
