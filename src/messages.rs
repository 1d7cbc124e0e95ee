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

/// Sets the language of messages for this process (`cli::lang` decides it).
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// A number as a message says it: `0,5` in Vietnamese, `0.5` in English.
pub fn number(d: rust_decimal::Decimal) -> String {
    let n = d.normalize();
    match lang() {
        Lang::Vi => crate::text::format_decimal(&n, n.scale()),
        Lang::En => crate::text::decimal_plain(&n, n.scale()),
    }
}

/// The language currently used for messages.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// A message of a catalogue: its template in a language.
pub trait Template: Copy {
    /// The template of this message in `lang`.
    fn template(self, lang: Lang) -> &'static str;
}

macro_rules! catalogue {
    ($name:ident; $($id:ident => $vi:literal, $en:literal;)*) => {
        /// A message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($id),* }

        impl $name {
            /// Every message, for the catalogue's own tests.
            pub const ALL: &'static [$name] = &[$($name::$id),*];

            /// The template of this message in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$id, Lang::Vi) => $vi, ($name::$id, Lang::En) => $en,)*
                }
            }
        }

        impl $crate::messages::Template for $name {
            fn template(self, lang: Lang) -> &'static str {
                $name::template(self, lang)
            }
        }
    };
}

/// The words of spreadsheets: the results workbooks, the scores template
/// and `bangtin import scores` (a catalogue of its own to keep this file short).
mod sheets;
pub use sheets::SheetMsg;
/// The words of the local editor in `bangtin serve`.
mod editor;
pub use editor::EditorMsg;

catalogue! {
    Msg;
    LabelError => "lỗi", "error";
    LabelWarning => "cảnh báo", "warning";
    LabelHint => "gợi ý", "hint";
    LabelNote => "ghi chú", "note";
    UnitsFileMissing => "chưa có tệp data/units.yaml: các Cụm và giải thưởng cần danh sách đơn vị",
        "there is no data/units.yaml: clusters and awards need the list of units";
    UnitsFileMissingHint => "tạo data/units.yaml theo mẫu trong docs/format.md mục 10.1 (hoặc xem trang mẫu do `bangtin init` tạo)",
        "create data/units.yaml after the sample in docs/format.md section 10.1 (or look at the site `bangtin init` makes)";
    ChecksSkipped => "chưa kiểm tra những chỗ dùng mã trong {file} (Cụm, điểm, bài viết), vì tệp này có lỗi ở trên; sửa xong rồi chạy lại",
        "the places that use ids from {file} (clusters, scores, articles) were not checked, because that file has errors above; fix them and run again";

    // Reading files
    FileRead => "không đọc được tệp: {detail}", "cannot read the file: {detail}";
    FileTooLarge => "tệp quá lớn ({size}): bangtin chỉ đọc tệp văn bản đến {limit}",
        "the file is too large ({size}): bangtin reads text files of up to {limit}";
    FileTooLargeHint => "tách nội dung thành nhiều bài hoặc tệp nhỏ hơn; tài liệu dài nên đính kèm dạng PDF trong thư mục của bài",
        "split it into several smaller articles or files; attach a long document as a PDF in the article's folder";
    NotUtf8 => "tệp không phải văn bản UTF-8", "the file is not UTF-8 text";
    NotUtf8Hint => "tệp có vẻ được lưu bằng bảng mã cũ (Windows-1258, TCVN3 hoặc VNI): mở bằng Notepad, chọn Lưu thành… → Mã hóa: UTF-8, rồi lưu lại",
        "the file seems saved in a legacy encoding (Windows-1258, TCVN3 or VNI): open it in Notepad, choose Save as… → Encoding: UTF-8, and save it again";
    LegacyEncoding => "văn bản có vẻ được gõ bằng bảng mã cũ {encoding}, không phải Unicode",
        "the text looks like the legacy encoding {encoding}, not Unicode";
    LegacyEncodingHint => "chuyển sang Unicode dựng sẵn (ví dụ: Unikey → Công cụ chuyển mã, nguồn {encoding}, đích Unicode) rồi dán lại",
        "convert it to Unicode (e.g. Unikey's converter, source {encoding}, target Unicode) and paste it again";
    TooManyTags => "bài có {count} thẻ, nhiều hơn giới hạn {max} thẻ", "the article has {count} tags, more than the limit of {max}";
    TooManyTagsHint => "giữ lại vài thẻ chính (thường dưới 10); thẻ dùng để tìm các bài cùng chủ đề",
        "keep a few main tags (usually fewer than 10); tags are for finding articles on one subject";
    TagTooLong => "thẻ dài {len} ký tự, quá giới hạn {max} ký tự", "the tag is {len} characters long, more than the limit of {max}";
    TagTooLongHint => "thẻ là vài từ, ví dụ \"Chuyển đổi số\"; đưa phần giải thích vào bài", "a tag is a few words, such as \"Chuyển đổi số\"; put explanations in the article";
    InvisibleChars => "có ký tự ẩn (khoảng trắng độ rộng 0) trong {what}; bangtin đã bỏ chúng",
        "{what} contains invisible zero-width characters; bangtin removed them";
    InvisibleCharsHint => "thường do sao chép từ Word hoặc trang web; gõ lại đoạn này cho sạch",
        "usually from copying out of Word or a web page; retype this part";
    SymlinkOutside => "liên kết tượng trưng trỏ ra ngoài thư mục trang: {target}",
        "symbolic link points outside the site folder: {target}";
    SymlinkOutsideHint => "sao chép tệp vào trong thư mục trang thay vì dùng liên kết",
        "copy the file into the site folder instead of linking to it";

    // YAML
    YamlSyntax => "YAML không đọc được ở đây: thụt lề, dấu `-`, dấu `:` hoặc dấu ngoặc chưa đúng",
        "YAML cannot be read here: the indentation, a `-`, a `:` or a bracket is wrong";
    YamlSyntaxHint => "so với dòng trên và với mẫu trong docs/format.md; đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép",
        "compare with the line above and with the samples in docs/format.md; put values containing `:` or `#` in double quotes";
    YamlEmptyFile => "tệp rỗng: không có nội dung nào ngoài ghi chú", "the file is empty: nothing but comments";
    YamlEmptyFileHint => "viết nội dung theo mẫu trong docs/format.md (mục 10 cho các tệp trong data/), hoặc xóa tệp nếu không dùng",
        "write its content after the samples in docs/format.md (section 10 for files in data/), or delete the file if it is not used";
    YamlTab => "có ký tự Tab trong phần thụt lề hoặc giá trị", "there is a Tab character in the indentation or a value";
    YamlTabHint => "thay phím Tab bằng dấu cách (mỗi cấp thụt vào 2 dấu cách)", "replace the Tab with spaces (2 spaces per level)";
    YamlCurlyQuotes => "dòng này có ngoặc kép kiểu Word “ ” hoặc ‘ ’, YAML không coi là dấu ngoặc",
        "this line has Word's curly quotes “ ” or ‘ ’, which YAML does not take as quotes";
    YamlCurlyQuotesHint => "đây là ngoặc kép kiểu Word, hãy gõ \" (ngoặc kép thẳng) ở hai đầu giá trị",
        "these are Word's quotes: type straight quotes \" around the value";
    YamlColonInValue => "dấu hai chấm `:` trong giá trị làm YAML tưởng là một khóa mới",
        "a colon `:` inside the value makes YAML read a new key";
    YamlColonInValueHint => "đặt cả giá trị trong ngoặc kép, ví dụ: title: \"Hội nghị: tổng kết năm\"",
        "put the whole value in double quotes, e.g. title: \"Meeting: the year in review\"";
    YamlNoSpaceAfterColon => "thiếu dấu cách sau dấu hai chấm: YAML đọc khóa và giá trị thành một chữ",
        "no space after the colon: YAML reads the key and the value as one word";
    YamlNoSpaceAfterColonHint => "viết `khóa: giá trị`, có một dấu cách sau dấu `:`", "write `key: value`, with a space after the `:`";
    YamlIndent => "thụt lề của dòng này không khớp với các dòng cùng cấp", "this line's indentation does not match the lines at its level";
    YamlIndentHint => "các khóa cùng cấp phải thẳng cột với nhau; đếm dấu cách ở đầu dòng (không dùng Tab)",
        "keys at the same level must start in the same column; count the spaces at the start of the line (no Tabs)";
    YamlUnclosedQuote => "dấu ngoặc kép mở mà không đóng", "a quote is opened and never closed";
    YamlUnclosedQuoteHint => "thêm \" ở cuối giá trị, trên cùng dòng; nếu trong giá trị có \", viết nó là \\\"",
        "add \" at the end of the value, on the same line; a \" inside the value is written \\\"";
    YamlUnclosedBracket => "dấu ngoặc `{` hoặc `[` mở mà không đóng đúng chỗ", "a `{` or `[` is not closed where it should be";
    YamlUnclosedBracketHint => "đóng bằng `}` hoặc `]` trên cùng dòng; nếu một giá trị có dấu `,` `#` hoặc `:`, đặt nó trong ngoặc kép",
        "close it with `}` or `]` on the same line; put a value containing `,` `#` or `:` in double quotes";
    YamlEndsEarly => "tệp kết thúc khi một phần còn dang dở", "the file ends in the middle of something";
    YamlEndsEarlyHint => "kiểm tra dấu ngoặc và ngoặc kép chưa đóng ở cuối tệp", "look for a bracket or quote left open near the end";
    YamlManyDocuments => "tệp có nhiều phần ngăn cách bởi dòng `---`", "the file has several parts separated by `---` lines";
    YamlManyDocumentsHint => "xóa dòng `---` thừa; mỗi tệp dữ liệu chỉ có một phần", "delete the extra `---` line; a data file has one part";
    YamlBadStart => "giá trị bắt đầu bằng một ký tự YAML dành riêng (`@`, `` ` ``, `%`)",
        "the value starts with a character YAML reserves (`@`, `` ` ``, `%`)";
    YamlBadStartHint => "đặt cả giá trị trong ngoặc kép", "put the whole value in double quotes";
    YamlDecimalCommaInFlow => "số `{value}` có dấu phẩy thập phân trong `{ … }`: YAML coi dấu phẩy là dấu ngăn cách hai mục",
        "the number `{value}` has a decimal comma inside `{ … }`, where YAML takes the comma as a separator";
    YamlDecimalCommaInFlowHint => "đặt số trong ngoặc kép: \"{value}\"", "put the number in double quotes: \"{value}\"";
    YamlCurlyValue => "giá trị nằm trong ngoặc kép kiểu Word “…”: dấu ngoặc đó sẽ hiện ra trên trang",
        "the value is wrapped in Word's curly quotes “…”: they will show on the page";
    YamlCurlyValueHint => "đây là ngoặc kép kiểu Word, hãy gõ \" (ngoặc kép thẳng) hoặc bỏ ngoặc",
        "these are Word's quotes: type straight quotes \" or leave them out";
    YamlHashCut => "YAML coi phần từ dấu `#` là ghi chú: giá trị chỉ còn `{kept}`",
        "YAML reads everything from the `#` as a comment: the value is only `{kept}`";
    YamlHashCutHint => "đặt cả giá trị trong ngoặc kép nếu dấu `#` là một phần của nó, ví dụ: title: \"Cụm #3 ký kết\"",
        "put the whole value in double quotes if the `#` belongs to it, e.g. title: \"Cluster #3 signs\"";
    WrongType => "ở đây cần {wanted}, nhưng lại là {got}", "expected {wanted} here, but found {got}";
    WrongTypeNumberHint => "viết một số, ví dụ `24` hoặc `\"24,5\"` (số có dấu phẩy đặt trong ngoặc kép)",
        "write a number, e.g. `24` or `\"24,5\"` (a number with a decimal comma in double quotes)";
    WrongTypeTextHint => "viết giá trị sau dấu `: `; nếu nó có dấu `:` `#` `[` `{`, đặt nó trong ngoặc kép",
        "write the value after `: `; if it contains `:` `#` `[` `{`, put it in double quotes";
    KindEmpty => "để trống", "nothing";
    KindText => "chữ", "text";
    KindNumber => "một số", "a number";
    KindBoolean => "true hoặc false", "true or false";
    KindList => "một danh sách", "a list";
    KindGroup => "một nhóm khóa", "a group of keys";
    KindOther => "một giá trị khác", "another kind of value";
    ExpectedBoolean => "ở đây cần `true` (có) hoặc `false` (không)", "expected `true` or `false` here";
    ExpectedBooleanHint => "viết đúng `true` hoặc `false`, chữ thường, không dấu", "write exactly `true` or `false`, in lower case";
    BundleFileMissing => "không có tệp `{target}` trong thư mục của bài viết",
        "there is no file `{target}` in the article's folder";
    BundleFileMissingHint => "chép tệp vào thư mục {folder} (cùng chỗ với index.md), hoặc sửa tên tệp cho đúng, kể cả dấu và chữ hoa",
        "copy the file into {folder} (next to index.md), or correct its name, accents and capitals included";
    LeftoverLink => "`{text}` sẽ hiện nguyên dạng chữ trên trang: Markdown không đọc được ảnh hoặc liên kết này",
        "`{text}` will show as plain text on the page: Markdown could not read this image or link";
    LeftoverLinkSpacesHint => "tên tệp `{dest}` có dấu cách: viết nó trong dấu < >, ví dụ `(<{dest}>)`, hoặc đổi tên tệp, thay dấu cách bằng dấu `-`",
        "the file name `{dest}` has spaces: write it inside < >, e.g. `(<{dest}>)`, or rename the file with `-` instead of spaces";
    LeftoverLinkHint => "kiểm tra dấu ngoặc: `[chữ](địa chỉ)` cho liên kết, `![chú thích](tệp.jpg)` cho ảnh, không có dấu cách giữa `]` và `(`",
        "check the brackets: `[text](address)` for a link, `![caption](file.jpg)` for an image, with no space between `]` and `(`";
    IndexIgnored => "tệp `_index.md` ở đây không được đọc: chỉ content/_index.md, content/news/_index.md và content/news/<năm>/_index.md là phần giới thiệu",
        "this `_index.md` is not read: only content/_index.md, content/news/_index.md and content/news/<year>/_index.md are introductions";
    IndexIgnoredHint => "nếu đây là một bài viết, đổi tên tệp (ví dụ `index.md` trong thư mục của bài, hoặc `ten-bai.md`); nếu không dùng, xóa tệp",
        "if it is an article, rename it (`index.md` in the article's folder, or `article-name.md`); otherwise delete it";
    DescriptionOnlyIntroHint => "`description` chỉ dùng trong phần giới thiệu danh sách (content/news/_index.md); bài viết dùng `summary`",
        "`description` is only for a list introduction (content/news/_index.md); articles use `summary`";
    WrongLength => "số mục ở đây không đúng", "the number of items here is wrong";
    UnknownKey => "khóa `{key}` không được hỗ trợ ở đây", "the key `{key}` is not supported here";
    DidYouMean => "có phải ý bạn là `{suggestion}`?", "did you mean `{suggestion}`?";
    ExpectedKeys => "các khóa dùng được: {keys}", "keys allowed here: {keys}";
    MissingKey => "thiếu khóa bắt buộc `{key}`", "the required key `{key}` is missing";
    MissingKeyHint => "thêm một dòng `{key}: …`", "add a line `{key}: …`";
    DuplicateKey => "khóa `{key}` xuất hiện hai lần", "the key `{key}` appears twice";
    DuplicateKeyHint => "giữ lại một dòng và xóa dòng kia", "keep one line and delete the other";
    InvalidValue => "giá trị ở đây không đúng kiểu", "the value here has the wrong form";
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
    PhotoMissingNoneHint => "thư mục bài chưa có tệp ảnh nào: ảnh phải nằm cạnh index.md của bài (một bài là một tệp .md riêng thì chưa có thư mục ảnh)", "the article's folder has no photo yet: photos go beside the article's index.md (an article that is a single .md file has no photo folder)";
    ArticleFolder => "thư mục bài", "the article's folder";
    PathLeavesFolder => "`{file}` trỏ ra ngoài {folder}", "`{file}` points outside {folder}";
    PathLeavesFolderHint => "viết tên tệp tính từ {folder}, như `{example}`; không dùng `..`, ổ đĩa (`C:\\`) hay dấu `\\`", "write the file's name from {folder}, as in `{example}`; no `..`, drive (`C:\\`) or `\\`";
    PhotoNotBundle => "ảnh và tệp kèm bài chỉ dùng được trong một thư mục bài (index.md)", "images and attachments only work inside an article folder (index.md)";

    // Templates and output
    TemplateError => "lỗi trong mẫu giao diện: {detail}", "error in a theme template: {detail}";
    TemplateErrorHint => "sửa mẫu (hoặc xóa bản sửa trong templates/ để dùng mẫu mặc định)",
        "fix the template (or delete the copy in templates/ to use the default one)";
    OutputNotOurs => "thư mục {dir} đã có nội dung không do bangtin tạo; bangtin không ghi đè", "{dir} holds files bangtin did not create; bangtin will not overwrite it";
    OutputNotOursHint => "chọn thư mục khác bằng --output, hoặc tự dọn thư mục này", "choose another folder with --output, or empty this one yourself";
    OutputIsFile => "{dir} là một tệp, không phải thư mục; bangtin không ghi đè lên nó", "{dir} is a file, not a folder; bangtin will not replace it";
    OutputIsLink => "{dir} là một liên kết (symlink); bangtin không thay liên kết bằng một thư mục", "{dir} is a symbolic link; bangtin will not replace it with a folder";
    OutputIsLinkHint => "ghi thẳng vào thư mục thật mà liên kết trỏ tới: --output <đường dẫn thật>", "build into the folder the link points to: --output <its real path>";
    OutputContainsSite => "thư mục output {dir} là thư mục của trang hoặc chứa nó; thay nó sẽ xóa mất nội dung", "the output folder {dir} is the site folder or contains it; replacing it would delete the site";
    OutputContainsSiteHint => "chọn một thư mục riêng cho trang đã tạo, ví dụ --output output", "choose a folder of its own for the built site, for example --output output";
    OutputIsHome => "thư mục output {dir} là thư mục nhà (home) của bạn; thay nó sẽ xóa mất mọi tệp trong đó", "the output folder {dir} is your home folder; replacing it would delete every file in it";
    OutputInsideSource => "thư mục output {dir} nằm trong {inside} của trang", "the output folder {dir} is inside the site's {inside}";
    WriteFailed => "không ghi được {path}: {detail}", "cannot write {path}: {detail}";

    // Data files (data/): units, schemes, clusters, scores, outcomes
    DataFileUnknown => "tệp này nằm trong data/ nhưng không thuộc loại nào bangtin đọc",
        "this file is in data/ but is not a kind of file bangtin reads";
    DataFileUnknownHint => "data/ chỉ gồm units.yaml, awards.yaml, schemes/<mã>.yaml, clusters/<năm>/<mã>.yaml, scores/<năm>/<mã>.yaml, outcomes/<năm>/<mã>.yaml",
        "data/ holds units.yaml, awards.yaml, schemes/<id>.yaml, clusters/<year>/<id>.yaml, scores/<year>/<id>.yaml, outcomes/<year>/<id>.yaml";
    DataNotWholeNumber => "`{value}` không phải là số nguyên", "`{value}` is not a whole number";
    DataNotWholeNumberHint => "viết một số nguyên không dấu, ví dụ 2024 hoặc 3", "write a whole number without separators, such as 2024 or 3";
    NumberAmbiguous => "không rõ `{value}` là số thập phân hay số có dấu phân cách hàng nghìn",
        "`{value}` could be a decimal or a number with a thousands separator";
    NumberAmbiguousHint => "viết rõ: số thập phân dùng dấu phẩy theo khai báo của tệp (\"1,25\"), số nghìn viết liền (1250)",
        "write it plainly: decimals with the separator the file declares (\"1,25\"), thousands without a separator (1250)";
    NumberWrongSeparator => "`{value}` dùng dấu thập phân khác với khai báo `decimal_separator` của tệp",
        "`{value}` uses a different decimal separator from the file's `decimal_separator`";
    NumberWrongSeparatorHint => "dùng đúng dấu đã khai báo, hoặc sửa `decimal_separator`", "use the declared separator, or change `decimal_separator`";
    NumberTooLarge => "số `{value}` quá lớn: bangtin chỉ nhận số từ -{limit} đến {limit}",
        "the number `{value}` is too large: bangtin accepts numbers from -{limit} to {limit}";
    IntTooLarge => "số `{value}` quá lớn ở đây", "the number `{value}` is too large here";
    NumberTooLargeHint => "kiểm tra lại số này: có thể đã gõ thừa chữ số hoặc dán nhầm",
        "check this number: a digit may have been typed too many, or something pasted by mistake";
    NumberInvalid => "`{value}` không phải là một số", "`{value}` is not a number";
    NumberInvalidHint => "viết số như 19,5 hoặc 52; số có dấu phẩy nên đặt trong ngoặc kép: \"19,5\"",
        "write a number such as 19,5 or 52; put numbers with a comma in quotes: \"19,5\"";
    DataIdInvalid => "mã `{id}` không hợp lệ", "the id `{id}` is not valid";
    DataIdInvalidHint => "mã chỉ gồm chữ không dấu, chữ số và các dấu - . _ (ví dụ tl-so-tu-phap)",
        "ids use unaccented letters, digits and - . _ only (for example tl-so-tu-phap)";
    IdTooLong => "mã dài {len} ký tự, quá giới hạn {max} ký tự", "the id is {len} characters long, more than the limit of {max}";
    IdTooLongHint => "dùng mã ngắn gọn, ví dụ tl-so-tu-phap", "use a short id, for example tl-so-tu-phap";
    DataIdDuplicate => "mã `{id}` đã dùng ở dòng {line}", "the id `{id}` is already used on line {line}";
    DataIdDuplicateHint => "mỗi mã chỉ dùng một lần; đổi mã hoặc gộp hai mục", "each id is used once; rename one or merge the two entries";
    DataWordUnknown => "không hiểu giá trị `{value}`", "`{value}` is not a value bangtin knows here";
    DataEmptyText => "tên để trống", "the name is empty";
    DataEmptyTextHint => "ghi tên đầy đủ của đơn vị", "write the unit's full name";
    UnknownId => "không có {what} nào mã `{id}`", "there is no {what} with the id `{id}`";
    UnknownIdHint => "kiểm tra lại mã trong thư mục data/", "check the id against the files in data/";
    WhatUnit => "đơn vị", "unit";
    WhatScheme => "biểu chấm điểm", "scoring scheme";
    WhatCriterion => "tiêu chí", "criterion";
    WhatAward => "hình thức khen thưởng", "award";
    WhatPhase => "đợt", "phase";
    WhatMember => "thành viên của Cụm", "member of the cluster";
    WhatBonus => "mục điểm thưởng", "bonus item";
    WhatPenalty => "mục điểm trừ", "penalty item";
    WhatDisqualifier => "điểm liệt", "disqualifier";
    WhatOverrideUnit => "đơn vị trong danh sách `units`", "unit of the `units` list";
    WhatCluster => "Cụm thi đua", "cluster";
    PeriodReversed => "ngày kết thúc đứng trước ngày bắt đầu", "the end date is before the start date";
    PeriodReversedHint => "kiểm tra lại `from` và `until`", "check `from` and `until`";
    IdFileMismatch => "mã `{id}` khác tên tệp `{file}`", "the id `{id}` differs from the file name `{file}`";
    IdFileMismatchHint => "mã phải trùng tên tệp (không kể .yaml); đổi một trong hai", "the id must equal the file name without .yaml; rename one of them";
    YearFolderMismatch => "năm {year} khác thư mục `{folder}` chứa tệp", "the year {year} differs from the folder `{folder}` holding the file";
    YearFolderMismatchHint => "đặt tệp vào thư mục của đúng năm, hoặc sửa `year`", "move the file into the folder of its year, or fix `year`";
    UnitNoNames => "đơn vị chưa có tên nào", "the unit has no name";
    UnitNoNamesHint => "thêm `names: [{ full: …, short: …, from: … }]`", "add `names: [{ full: …, short: …, from: … }]`";
    UnitNameNeedsFrom => "tên sau tên đầu tiên cần ngày bắt đầu `from`", "every name after the first needs a `from` date";
    UnitNameNeedsFromHint => "ghi ngày đơn vị bắt đầu mang tên này, ví dụ from: 2025-03-01", "give the date the unit took this name, for example from: 2025-03-01";
    UnitNamesOverlap => "thời gian dùng tên \"{name}\" chồng lên tên \"{other}\"", "the period of the name \"{name}\" overlaps the name \"{other}\"";
    UnitNamesOverlapHint => "tên mới bắt đầu sau ngày tên cũ kết thúc (`until`); sắp các tên theo thời gian",
        "a new name starts after the old one's `until`; list names in date order";
    UnitNameOutsideValid => "thời gian dùng tên \"{name}\" nằm ngoài thời gian hoạt động (`valid`) của đơn vị",
        "the period of the name \"{name}\" lies outside the unit's `valid` period";
    UnitNameOutsideValidHint => "sửa ngày của tên hoặc của `valid`", "fix the dates of the name or of `valid`";
    UnitDuplicateName => "\"{name}\" trùng với một tên của đơn vị `{other}` (dòng {line}) khi so không phân biệt hoa thường, kiểu bỏ dấu và khoảng trắng",
        "\"{name}\" is the same as a name of the unit `{other}` (line {line}) once case, tone placement and spaces are ignored";
    UnitDuplicateNameHint => "nếu là một đơn vị, giữ một mục và chuyển cách viết kia vào `aliases`; nếu là công đoàn của cơ quan, ghi `union_of`",
        "if it is one unit, keep one entry and move the other spelling into `aliases`; if one is the other's union, set `union_of`";
    SchemeDecimals => "`decimals` phải từ 0 đến 6", "`decimals` must be between 0 and 6";
    SchemeDecimalsHint => "thường là 2 (97,15)", "usually 2 (97,15)";
    SchemeTotalMismatch => "các tiêu chí lớn cộng lại được {sum} điểm, khác `total_max` {total}",
        "the top-level criteria add up to {sum}, not `total_max` {total}";
    SchemeChildrenMismatch => "các tiêu chí con của {id} cộng lại được {sum} điểm, khác `max` {max}",
        "the sub-criteria of {id} add up to {sum}, not its `max` {max}";
    SchemeSumHint => "sửa điểm tối đa để tổng khớp với biểu chấm điểm đã ban hành", "fix the maxima so that they add up as in the published scheme";
    SchemeNegative => "điểm tối đa không được âm", "a maximum cannot be negative";
    SchemeBonusNegative => "điểm thưởng `{value}` âm", "the bonus figure `{value}` is negative";
    SchemeBonusNegativeHint => "điểm thưởng và mức tối đa của nó là số không âm; điểm trừ ghi trong `penalties`",
        "bonus points and their caps are not negative; deductions go under `penalties`";
    SchemeRuleOnParent => "chỉ tiêu chí con (không có `children`) mới có `rule`", "only a criterion without `children` has a `rule`";
    SchemeRuleOnParentHint => "chuyển `rule` xuống các tiêu chí con", "move `rule` to the sub-criteria";
    SchemeNeedsTarget => "tiêu chí `proportional` cần `target` lớn hơn 0", "a `proportional` criterion needs a `target` above 0";
    SchemeNeedsTargetHint => "ví dụ target: 0.85 (85%)", "for example target: 0.85 (85%)";
    SchemeStepDivides => "bước chấm {step} không chia hết điểm tối đa {max}", "the step {step} does not divide the maximum {max}";
    SchemeStepDividesHint => "chọn bước như 0,25, 0,5 hoặc 1 sao cho điểm tối đa là bội của bước", "choose a step such as 0.25, 0.5 or 1 that divides the maximum";
    SchemeWeightsSum => "các trọng số cộng lại bằng {sum}, không bằng 1", "the weights add up to {sum}, not 1";
    SchemeWeightsPhases => "biểu chấm điểm {scheme} chia trọng số cho các đợt {weighed}, nhưng Cụm năm này có các đợt {phases}",
        "the scheme {scheme} weighs the phases {weighed}, but this cluster-year has the phases {phases}";
    SchemeWeightsPhasesHint => "mỗi đợt trong `phases` cần đúng một trọng số trong `year_from: { weighted: … }` của {file}; hoặc dùng một biểu chấm điểm khác cho Cụm này",
        "each phase in `phases` needs exactly one weight in `year_from: { weighted: … }` of {file}; or use another scheme for this cluster";
    SchemeWeightNegative => "trọng số của đợt {phase} âm", "the weight of phase {phase} is negative";
    SchemeWeightsSumHint => "ví dụ weighted: { dot1: 0.4, dot2: 0.6 }", "for example weighted: { dot1: 0.4, dot2: 0.6 }";
    SchemeBandsOrder => "các mức xếp loại phải đi từ cao xuống thấp", "classification bands must go from highest to lowest";
    SchemeBandsOrderHint => "sắp lại `classification` theo `min` giảm dần", "order `classification` by decreasing `min`";
    PhaseOutsidePeriod => "đợt {phase} kết thúc ngoài thời gian của Cụm hoặc trước đợt trước", "phase {phase} ends outside the period or before the previous phase";
    PhaseOutsidePeriodHint => "các đợt xếp theo thời gian, mỗi đợt có `until` trong `period`", "list phases in date order, each `until` inside `period`";
    MemberTwice => "đơn vị {unit} đã có trong danh sách ở dòng {line} (trực tiếp hoặc qua cơ quan/công đoàn của nó)",
        "the unit {unit} is already listed on line {line} (directly or through its agency or union)";
    MemberTwiceHint => "mỗi đơn vị chỉ ghi một lần trong một Cụm", "list each unit once per cluster";
    TwoLeaders => "Cụm có hai cụm trưởng (cụm trưởng thứ nhất ở dòng {line})", "the cluster has two leaders (the first on line {line})";
    TwoDeputies => "Cụm có hai cụm phó (cụm phó thứ nhất ở dòng {line})", "the cluster has two deputies (the first on line {line})";
    TwoLeadersHint => "giữ một `role` và để đơn vị kia là thành viên", "keep one `role` and make the other unit an ordinary member";
    NoLeader => "Cụm chưa có cụm trưởng", "the cluster has no leader";
    NoLeaderHint => "ghi `role: cum_truong` cho đơn vị làm cụm trưởng", "set `role: cum_truong` on the leading unit";
    MemberDateOutside => "ngày vào/ra Cụm nằm ngoài thời gian của Cụm năm này", "the join or leave date is outside this cluster-year's period";
    MemberDateOutsideHint => "ngày phải nằm trong `period` của Cụm", "the date must lie inside the cluster's `period`";
    MemberNotValid => "đơn vị {unit} không hoạt động trong thời gian là thành viên (đơn vị hoạt động {range})",
        "the unit {unit} does not exist while it is a member (it exists {range})";
    MemberNotValidHint => "ghi `from`/`until` cho thành viên, hoặc dùng đơn vị kế thừa", "set the member's `from`/`until`, or list its successor";
    DocumentMissing => "không có tệp static/{file}", "there is no file static/{file}";
    DocumentMissingHint => "đặt tệp vào thư mục static/ hoặc sửa `file`", "put the file under static/ or fix `file`";
    MemberTwoClusters => "đơn vị {unit} đã thuộc Cụm {other} của cùng đơn vị tổ chức năm {year}",
        "the unit {unit} is already in the cluster {other} of the same organiser in {year}";
    MemberTwoClustersHint => "một đơn vị chỉ ở một Cụm của mỗi đơn vị tổ chức trong một năm", "a unit is in one cluster of an organiser per year";
    NoClusterFile => "không có Cụm `{id}` năm {year} (tệp data/clusters/{year}/{id}.yaml)", "there is no cluster `{id}` in {year} (file data/clusters/{year}/{id}.yaml)";
    NoClusterFileHint => "tạo data/clusters/{folder}/{id}.yaml, hoặc đặt tên tệp theo mã Cụm", "create data/clusters/{folder}/{id}.yaml, or name this file after the cluster id";
    ScoresWithoutScheme => "Cụm {cluster} có điểm nhưng chưa khai báo biểu chấm điểm", "the cluster {cluster} has scores but no scheme";
    ScoresWithoutSchemeHint => "thêm `scheme: <mã>` vào {file}", "add `scheme: <id>` to {file}";
    ScoreNotMember => "{unit} không phải thành viên của Cụm {cluster} năm này", "{unit} is not a member of {cluster} this year";
    ScoreNotMemberHint => "thêm đơn vị vào `members` của Cụm, hoặc xóa điểm này", "add the unit to the cluster's `members`, or remove these scores";
    ScoreOutsideMembership => "{unit} không là thành viên trong thời gian của đợt {phase}", "{unit} is not a member during phase {phase}";
    ScoreOutsideMembershipHint => "kiểm tra ngày `from`/`until` của thành viên", "check the member's `from`/`until`";
    ScoreOwnSheet => "đơn vị không tự chấm mình trong phần `assessed`", "a unit cannot assess itself under `assessed`";
    ScoreOwnSheetHint => "điểm tự chấm ghi ở `self`", "self scores go under `self`";
    ScoreOnParent => "tiêu chí {id} có tiêu chí con: chỉ chấm các tiêu chí con", "criterion {id} has sub-criteria: only those are scored";
    ScoreOnParentHint => "điểm của tiêu chí lớn được tự cộng từ tiêu chí con", "a parent's score is the sum of its sub-criteria";
    ScoreMissing => "thiếu điểm các tiêu chí: {ids}", "scores missing for: {ids}";
    ScoreEntryMissing => "chưa có dòng điểm của {units} trong đợt `{phase}`: trang sẽ ghi là \"không nộp\"",
        "no entry for {units} in phase `{phase}`: the page will say \"did not submit\"";
    ScoreEntryMissingHint => "nhập điểm cho đơn vị; nếu đơn vị thật sự không nộp, ghi `status: not_submitted` dưới mã đơn vị để bỏ cảnh báo này",
        "type the unit's scores; if it really did not submit, write `status: not_submitted` under its id to silence this warning";
    ScorePhaseEmpty => "đợt `{phase}` chưa có điểm của đơn vị nào: cả {count} đơn vị sẽ được ghi là \"không nộp\"",
        "phase `{phase}` has no entries at all: all {count} units will be shown as \"did not submit\"";
    ScorePhaseEmptyHint => "nhập điểm dưới `phases:` → `{phase}:` (mẫu trong docs/format.md §10), hoặc ghi `status: not_submitted` cho từng đơn vị không nộp",
        "type the scores under `phases:` → `{phase}:` (a sample is in docs/format.md §10), or write `status: not_submitted` for each unit that did not submit";
    ScoreMissingHint => "chấm đủ các tiêu chí, hoặc ghi `status: partial` (đơn vị sẽ không được xếp hạng)",
        "score every criterion, or set `status: partial` (the unit is then not ranked)";
    ScoreActualNotProportional => "tiêu chí {id} không tính theo tỷ lệ nên không dùng `actual`", "criterion {id} is not proportional, so `actual` does not apply";
    ScoreActualNotProportionalHint => "ghi điểm trực tiếp, ví dụ \"9,5\"", "write the points directly, for example \"9,5\"";
    ScoreNegative => "giá trị `{value}` âm", "the value `{value}` is negative";
    ScoreOutOfRange => "điểm {value} của tiêu chí {id} nằm ngoài khoảng 0 – {max}", "the score {value} of criterion {id} is outside 0 – {max}";
    ScoreRangeHint => "điểm không vượt quá điểm tối đa {max}; điểm vượt không được tự cắt", "a score may not exceed the maximum {max}; it is never capped silently";
    ScoreFixed => "tiêu chí {id} chỉ chấm 0 hoặc {max}", "criterion {id} is scored 0 or {max} only";
    ScoreFixedHint => "ghi 0 hoặc {max}", "write 0 or {max}";
    ScoreOffStep => "điểm {value} không theo bước chấm {step}", "the score {value} is not a multiple of the step {step}";
    ScoreOffStepHint => "điểm phải là bội của {step}", "the score must be a multiple of {step}";
    ScoreAssessorNotMember => "đơn vị chấm {unit} không là thành viên của Cụm trong đợt này (chấm chéo chỉ do các thành viên chấm)",
        "the assessor {unit} is not a member of the cluster in this phase (cross-assessment is done by members)";
    ScoreAssessorNotMemberHint => "xóa phiếu này, hoặc sửa `assessed_by` của biểu chấm điểm", "remove this sheet, or change the scheme's `assessed_by`";
    ScoreTooFewAssessors => "cross_mean_trimmed bỏ điểm cao nhất và thấp nhất nên cần ít nhất 3 phiếu chấm, ở đây có {count}",
        "cross_mean_trimmed drops the highest and lowest mark, so it needs at least 3 sheets; there are {count}";
    ScoreTooFewAssessorsHint => "thêm phiếu chấm, hoặc ghi `status: partial` cho đơn vị", "add sheets, or set `status: partial` on the unit";
    VoteAbovePresent => "{votes} phiếu nhiều hơn số người dự {present}", "{votes} votes is more than the {present} present";
    VoteAbovePresentHint => "kiểm tra lại biên bản bình xét", "check the minutes of the vote";
    EngineRefused => "không tính được kết quả: {detail}", "cannot compute the results: {detail}";
    EngineRefusedHint => "sửa dữ liệu điểm theo thông báo trên", "fix the scores as the message says";
    ClusterYearWithoutCluster => "`cluster_year` cần đi cùng `cluster`", "`cluster_year` needs `cluster`";
    ClusterYearWithoutClusterHint => "thêm `cluster: <mã Cụm>`", "add `cluster: <cluster id>`";
    NoClusterYear => "Cụm `{id}` không có dữ liệu năm {year}", "the cluster `{id}` has no data for {year}";
    NoClusterYearHint => "các năm có dữ liệu: {years}; ghi `cluster_year` nếu bài viết về năm khác năm đăng",
        "years with data: {years}; set `cluster_year` when the article is about another year than its date";
    // The scoring engine: input the data checks should have refused already
    EngineSelfSheet => "phiếu tự chấm", "the self sheet";
    EngineAssessorSheet => "phiếu chấm của {unit}", "the sheet of {unit}";
    EngineDuplicateCriterion => "biểu chấm điểm có hai tiêu chí cùng mã {criterion}", "the scheme has two criteria with the id {criterion}";
    EngineBadTarget => "tiêu chí {criterion}: chỉ tiêu (target) phải lớn hơn 0", "criterion {criterion}: the target must be above 0";
    EngineUnknownTieBreakCriterion => "tie_break nêu tiêu chí {criterion} không có trong biểu chấm điểm", "tie_break names the criterion {criterion}, which the scheme does not have";
    EngineDuplicateMember => "{phase}: đơn vị {unit} có hai lần trong danh sách", "{phase}: the unit {unit} is listed twice";
    EngineNotAMember => "{phase}: {unit} không phải thành viên của Cụm trong đợt này", "{phase}: {unit} is not a member of the cluster in this phase";
    EngineUnknownCriterion => "{phase}, {unit}, {sheet}: không có tiêu chí {criterion}", "{phase}, {unit}, {sheet}: there is no criterion {criterion}";
    EngineNotALeaf => "{phase}, {unit}, {sheet}: tiêu chí {criterion} là tổng của các tiêu chí con, không chấm trực tiếp", "{phase}, {unit}, {sheet}: criterion {criterion} is the sum of its sub-criteria and is not scored directly";
    EngineMissingScore => "{phase}, {unit}, {sheet}: thiếu điểm tiêu chí {criterion} (đơn vị chưa chấm đủ cần ghi status: partial)", "{phase}, {unit}, {sheet}: no score for criterion {criterion} (a unit not fully scored needs status: partial)";
    EngineActualNotProportional => "{phase}, {unit}, {sheet}: tiêu chí {criterion} không tính theo tỷ lệ, không nhận actual", "{phase}, {unit}, {sheet}: criterion {criterion} is not proportional and takes no actual";
    EngineValueOutOfRange => "{phase}, {unit}, {sheet}: điểm {value} của tiêu chí {criterion} không hợp lệ", "{phase}, {unit}, {sheet}: the score {value} of criterion {criterion} is not valid";
    EngineOwnSheetAssessed => "{phase}: {unit} không được tự chấm mình trong phần assessed", "{phase}: {unit} may not assess itself under assessed";
    EngineDuplicateAssessor => "{phase}, {unit}: {assessor} chấm hai lần", "{phase}, {unit}: {assessor} assessed twice";
    EngineAssessorNotMember => "{phase}, {unit}: đơn vị chấm {assessor} không phải thành viên của Cụm trong đợt này", "{phase}, {unit}: the assessor {assessor} is not a member of the cluster in this phase";
    EngineTooFewAssessors => "{phase}, {unit}: cross_mean_trimmed cần ít nhất 3 đơn vị chấm, mới có {count}", "{phase}, {unit}: cross_mean_trimmed needs at least 3 assessors, there are {count}";
    EngineAssessedUnderSelfOnly => "{phase}, {unit}: biểu chấm điểm chỉ dùng điểm tự chấm (self_only) nhưng có phần assessed", "{phase}, {unit}: the scheme uses self scores only (self_only) but there are assessed sheets";
    EngineUnknownBonusItem => "{phase}, {unit}: không có mục điểm thưởng {item}", "{phase}, {unit}: there is no bonus item {item}";
    EngineUnknownPenaltyItem => "{phase}, {unit}: không có mục điểm trừ {item}", "{phase}, {unit}: there is no penalty item {item}";
    EngineUnknownDisqualifier => "{phase}, {unit}: không có điểm liệt {disqualifier}", "{phase}, {unit}: there is no disqualifier {disqualifier}";
    EngineOverflow => "{phase}, {unit}: số điểm quá lớn, không tính chính xác được", "{phase}, {unit}: the scores are too large to compute exactly";
    EngineNoPhases => "năm không có đợt chấm điểm nào", "the year has no phase";
    EngineDuplicatePhase => "hai đợt cùng mã {phase}", "two phases share the id {phase}";
    EngineNotAYearMember => "{phase}: {unit} không phải thành viên của Cụm trong năm", "{phase}: {unit} is not a member of the cluster this year";
    EngineMissingWeight => "year_from: thiếu trọng số của đợt {phase}", "year_from: no weight for phase {phase}";
    EngineUnknownWeightPhase => "year_from: trọng số cho đợt {phase} không có (hoặc ghi hai lần)", "year_from: a weight for phase {phase}, which the year does not have (or given twice)";
    EngineNegativeWeight => "year_from: trọng số của đợt {phase} âm", "year_from: the weight of phase {phase} is negative";
    EngineWeightsNotOne => "year_from: tổng các trọng số là {sum}, phải đúng bằng 1", "year_from: the weights add up to {sum}, not exactly 1";

    // CLI
    // {pages}, {images}, {warnings}, {errors}, {files}: a count with its noun (see `count`).
    BuildDone => "Đã tạo {pages}, {images}, {warnings} trong {seconds} giây → {output}",
        "Built {pages}, {images}, {warnings} in {seconds} s → {output}";
    BuildUnchanged => "Không có gì thay đổi từ lần tạo trước: {pages}, {images}, {warnings}; giữ nguyên {output} ({seconds} giây)",
        "Nothing changed since the last build: {pages}, {images}, {warnings}; {output} left as it was ({seconds} s)";
    CheckDone => "Không có lỗi: {pages}, {warnings}", "No errors: {pages}, {warnings}";
    RunFailed => "{errors}, {warnings}; thư mục output giữ nguyên như trước",
        "{errors}, {warnings}; the output folder was left as it was";
    WarningsDenied => "có {warnings} và --deny-warnings coi cảnh báo là lỗi", "{warnings}, and --deny-warnings treats warnings as errors";
    InitDone => "Đã tạo trang mới trong {dir}. Tiếp theo: cd {dir} && bangtin build",
        "Created a new site in {dir}. Next: cd {dir} && bangtin build";
    InitNotEmpty => "thư mục {dir} đã có nội dung", "{dir} is not empty";
    InitNotEmptyHint => "chọn một thư mục mới hoặc trống", "choose a new or empty folder";
    NewDone => "Đã tạo bài viết {path}", "Created the article {path}";
    NewExists => "bài viết {path} đã có", "the article {path} already exists";
    NewExistsHint => "đổi tiêu đề hoặc sửa bài đã có", "change the title or edit the existing article";

    // --- serve ---
    ServeListening => "Đang phục vụ trang tại {url} — lưu tệp là trình duyệt tự tải lại; Ctrl-C để dừng",
        "Serving the site at {url} — saved files reload the browser; Ctrl-C to stop";
    ServePortTaken => "cổng {port} đang bận, dùng cổng {used}", "port {port} is taken; using port {used}";
    ServeNoPort => "không mở được cổng nào từ {first} đến {last} trên {addr}: {detail}",
        "cannot listen on {addr}, ports {first} to {last}: {detail}";
    ServeNoPortHint => "chọn cổng khác bằng --port, hoặc đóng chương trình đang dùng cổng đó",
        "choose another port with --port, or close the program using it";
    ServeBindPublic => "cảnh báo: máy chủ nghe trên {addr}, mọi máy trong mạng đều xem được trang đang soạn",
        "warning: listening on {addr}; every machine on the network can see the site being written";
    ServeNoSite => "{dir} không phải thư mục trang (không có site.yaml)", "{dir} is not a site folder (no site.yaml)";
    ServeNoSiteHint => "chạy lệnh trong thư mục trang, hoặc chỉ ra bằng --site", "run it in the site folder, or name it with --site";
    ServeBuilt => "Đã xây dựng {pages} trong {ms} ms", "Built {pages} in {ms} ms";
    ServeRebuilt => "Đã cập nhật {files} ({rendered} dựng lại) trong {ms} ms",
        "Updated {files} ({rendered} rendered) in {ms} ms";
    ServeFailed => "Trang chưa dựng lại được: {errors}. Trình duyệt vẫn hiện bản tốt gần nhất; sửa rồi lưu lại",
        "The site could not be rebuilt: {errors}. The browser keeps the last good pages; fix and save again";
    ServeStopped => "Đã dừng máy chủ", "Server stopped";
    ServeOpenFailed => "không mở được trình duyệt ({detail}); hãy tự mở {url}", "cannot open a browser ({detail}); open {url} yourself";
    ServeWatchPolling => "không theo dõi thay đổi bằng hệ điều hành được ({detail}); chuyển sang kiểm tra định kỳ",
        "the system cannot watch for changes ({detail}); checking periodically instead";
    ServeWatchFailed => "không theo dõi được thư mục {dir}: {detail}", "cannot watch {dir}: {detail}";
    ServeOverlayTitle => "Trang chưa dựng lại được", "The site could not be rebuilt";
    ServeOverlayNote => "Bên dưới là bản tốt gần nhất. Sửa các lỗi sau rồi lưu lại, thông báo này sẽ tự tắt.",
        "Underneath are the last good pages. Fix these errors and save: this notice goes away by itself.";
    ServeOverlayClose => "Ẩn", "Hide";
    ServeNotFound => "Không có trang này", "No such page";
    ServeNoPageYet => "Trang chưa xây dựng được; lỗi hiện trong cửa sổ lệnh và ngay trên trang này",
        "The site has not built yet; the errors are in the terminal and on this page";
    ServeBadRequest => "Yêu cầu không hợp lệ", "Bad request";
    ServeMethod => "Chỉ hỗ trợ GET và HEAD", "Only GET and HEAD are supported";
    ServeMoved => "Trang đã chuyển tới {url}", "Moved to {url}";
    ServeBusy => "Máy chủ đang quá tải, hãy thử lại", "The server is busy; try again";
    // --- the local editor of serve (its page's words are in messages/editor.rs) ---
    ServeEditorAt => "Soạn tin trên trình duyệt: {url}", "Write in the browser: {url}";
    ServeEditorOff => "Trình soạn tin đã tắt vì máy chủ nghe trên {addr}, không chỉ trên máy này; chạy serve không có --bind để dùng",
        "The editor is off because the server listens on {addr}, not only on this computer; run serve without --bind to use it";
    EditorForeignHost => "Trình soạn tin chỉ mở được bằng địa chỉ 127.0.0.1 hoặc localhost của máy này",
        "The editor opens only through this computer's 127.0.0.1 or localhost address";
    EditorBadToken => "Chưa mở trình soạn tin: hãy mở đúng địa chỉ (có token=…) mà lệnh bangtin serve in ra",
        "The editor is not open: use the address (with token=…) that bangtin serve printed";
    EditorForeignOrigin => "Yêu cầu này không đến từ trang của trình soạn tin nên bị từ chối",
        "This request did not come from the editor's own page, so it was refused";
    EditorNoSuchAction => "Trình soạn tin không có chức năng này", "The editor has no such action";
    EditorNotScoresFile => "{path} không phải tệp điểm; tệp điểm nằm ở data/scores/<năm>/<mã cụm>.yaml",
        "{path} is not a scores file; scores files are data/scores/<year>/<cluster id>.yaml";
    EditorNoClusterYear => "Chưa có cụm {id} năm {year} trong data/clusters/ (hoặc tệp của nó có lỗi); hãy tạo hoặc sửa nó trước",
        "There is no cluster {id} for {year} in data/clusters/ (or its file has errors); make or fix it first";
    EditorScoresNotAGrid => "Tệp {path} chưa đọc được nên chưa nhập điểm theo bảng được; chạy bangtin check để biết chỗ cần sửa",
        "{path} cannot be read, so its scores cannot be entered in the grid; run bangtin check to see what to fix";
    EditorUnitNoName => "Hãy nhập tên đầy đủ của đơn vị", "Type the unit's full name";
    EditorUnitKind => "Loại đơn vị phải là một trong: {kinds}", "The kind must be one of: {kinds}";
    EditorUnitIdTaken => "Mã {id} đã có đơn vị khác dùng; mã không bao giờ dùng lại, hãy chọn mã khác",
        "The id {id} belongs to another unit; ids are never reused, choose another";
    EditorUnitNone => "Không có đơn vị {id} trong data/units.yaml", "There is no unit {id} in data/units.yaml";
    EditorUnitLayout => "Đơn vị {id} được viết theo cách biểu mẫu chưa sửa được; hãy sửa trực tiếp trong data/units.yaml",
        "The unit {id} is written in a way the form cannot change; edit data/units.yaml directly";
    EditorUnitRefused => "Thay đổi này làm data/units.yaml có lỗi nên chưa lưu; xem các lỗi bên dưới",
        "This change would put errors in data/units.yaml, so nothing was saved; see the errors below";
    EditorUnitsUnreadable => "Chưa đọc được data/units.yaml; hãy tạo tệp này hoặc sửa nó (bangtin check cho biết chỗ sai)",
        "data/units.yaml cannot be read; make it or fix it (bangtin check says where)";
    EditorBadYear => "Năm {value} không đọc được; ghi bốn chữ số, ví dụ 2026", "The year {value} cannot be read; write four digits, for example 2026";
    EditorNotClusterFile => "{path} không phải tệp cụm thi đua; tệp cụm nằm ở data/clusters/<năm>/<mã cụm>.yaml",
        "{path} is not a cluster-year file; they are data/clusters/<year>/<cluster id>.yaml";
    EditorClusterRefused => "Thay đổi này làm {path} có lỗi nên chưa lưu; xem các lỗi bên dưới",
        "This change would put errors in {path}, so nothing was saved; see the errors below";
    EditorMethod => "Phương thức này không được hỗ trợ ở đây", "This method is not supported here";
    EditorBadJson => "Dữ liệu gửi lên không đọc được; hãy tải lại trang", "The data sent could not be read; reload the page";
    EditorNoDocument => "Không có bài {path} trong content/", "There is no document {path} in content/";
    EditorImportRefused => "Chưa nhập được tệp này nên chưa lưu gì; xem các lỗi bên dưới",
        "This file could not be imported, so nothing was saved; see the problems below";
    EditorNotPdf => "{name} không phải tệp PDF; văn bản của cụm tải lên ở dạng PDF",
        "{name} is not a PDF file; a cluster's documents are uploaded as PDF";
    EditorNotPdfHint => "mở văn bản bằng Word hoặc trình xem, chọn Lưu thành PDF (hay In ra PDF), rồi tải tệp đó lên",
        "open the document in Word or a viewer, choose Save as PDF (or Print to PDF), then upload that file";
    BodiesUnreadable => "không đọc lại được nội dung bài đã tạm lưu trong .bangtin-cache/ nên chưa xuất bản gì",
        "the article text kept for a while in .bangtin-cache/ could not be read back, so nothing was published";
    BodiesUnreadableHint => "kiểm tra ổ đĩa còn chỗ và thư mục trang còn ghi được, rồi chạy lại bangtin build",
        "check that the disk has room and the site folder is writable, then run bangtin build again";
    EditorConflict => "{path} đã được sửa ở nơi khác sau khi bạn mở nó; chưa lưu gì",
        "{path} was changed elsewhere after you opened it; nothing was saved";
    EditorNotAForm => "Phần đầu bài (front matter) chưa đọc được nên không lưu theo biểu mẫu; hãy sửa dạng văn bản",
        "The front matter cannot be read, so the form cannot save it; edit the text instead";
    EditorBadDate => "Ngày {value} không đọc được; dùng dạng 2024-03-14", "The date {value} cannot be read; use the form 2024-03-14";
    EditorNoPhotosHere => "Trang này không có ảnh riêng; ảnh đặt trong bài hoặc trang", "This page cannot hold photos; put them in an article or a page";
    EditorFolderExists => "Đã có thư mục {path} cạnh bài nên không chuyển bài vào thư mục được; đổi tên thư mục đó", "There is already a folder {path} beside the article, so it cannot become a folder; rename that folder";
    EditorBadName => "Tên tệp không dùng được", "This file name cannot be used";
    EditorNoPhoto => "Bài không có ảnh {file}", "The article has no photo {file}";
    EditorTitleRequired => "Bài cần có tiêu đề", "The article needs a title";
    EditorDateUnreadable => "Ngày đăng {value} không đọc được; chọn ngày và giờ trong ô", "The date {value} cannot be read; pick a date and time in the box";
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
    BodyScriptLink => "liên kết `{scheme}:` bị bỏ: địa chỉ loại này chạy mã hoặc chứa cả một tài liệu", "a `{scheme}:` link was removed: such an address runs code or carries a whole document";
    BodyScriptLinkHint => "dẫn tới một trang (https://…) hoặc một tệp trong static/", "link to a page (https://…) or to a file under static/";
    BodyImageNoAlt => "ảnh `{file}` trong bài chưa có mô tả", "the image `{file}` in the text has no description";
    BodyImageNoAltHint => "viết mô tả trong ngoặc vuông: ![Mô tả ảnh]({file})", "write a description in the brackets: ![Description]({file})";
    CacheNotOurs => "thư mục {dir} không do bangtin tạo (thiếu CACHEDIR.TAG); bangtin không xóa", "{dir} was not made by bangtin (no CACHEDIR.TAG); bangtin will not delete it";
    ImagesProgress => "Đang xử lý ảnh: {done}/{total}", "Processing images: {done}/{total}";
    CleanDone => "Đã xóa bộ nhớ đệm {dir} ({files})", "Removed the cache {dir} ({files})";
    CleanNothing => "Không có bộ nhớ đệm để xóa ({dir})", "No cache to remove ({dir})";
    // --- gallery placement ---
    GalleryMarkerNoPhotos => "[[thư viện ảnh]] ở đây nhưng bài không có ảnh nào nên không có gì để hiện",
        "[[thư viện ảnh]] is here but the page has no photos, so there is nothing to show";
    GalleryMarkerNoPhotosHint => "đặt bài vào một thư mục (index.md) cùng các ảnh, hoặc xóa dòng này",
        "put the page in a folder (index.md) with its photos, or delete this line";
    GalleryMarkerTwice => "[[thư viện ảnh]] lần thứ hai: thư viện ảnh chỉ hiện một lần, ở chỗ đầu tiên",
        "[[thư viện ảnh]] a second time: the gallery is shown once, at the first place";
    GalleryMarkerTwiceHint => "xóa dòng này", "delete this line";
    GalleryMarkerNested => "[[thư viện ảnh]] nằm trong danh sách hoặc trích dẫn nên không được dùng",
        "[[thư viện ảnh]] is inside a list or a quote, so it is not used";
    GalleryMarkerNestedHint => "viết [[thư viện ảnh]] trên một dòng riêng, cách đoạn trên và dưới một dòng trống, không có `-` hay `>` ở đầu",
        "write [[thư viện ảnh]] on a line of its own, with a blank line above and below, without `-` or `>` in front";

    // --- hardening ---
    PageFolderNoSlug => "không tạo được phần địa chỉ từ thư mục `{folder}` của trang", "cannot make a part of the address from the page's folder `{folder}`";
    PageFolderNoSlugHint => "thư mục con của content/pages/ là một phần địa chỉ: đổi tên thư mục, dùng chữ không dấu, số và dấu gạch ngang",
        "a sub-folder of content/pages/ is part of the address: rename it with plain letters, digits and hyphens";
    ExpectedList => "ở đây cần một danh sách", "expected a list here";
    ExpectedListHint => "viết `[a, b]`, hoặc mỗi mục một dòng bắt đầu bằng `- `; một mục cũng phải là danh sách: `[a]`",
        "write `[a, b]`, or one item per line starting with `- `; a single item is a list too: `[a]`";
    ExpectedSingle => "ở đây cần một giá trị đơn (chữ hoặc số), không phải danh sách hay nhóm khóa",
        "expected a single value here (text or a number), not a list or a group of keys";
    ExpectedSingleHint => "bỏ dấu ngoặc `[ ]` hoặc `{ }`; nếu giá trị có dấu `[`, `{`, `:` hay `#`, đặt nó trong ngoặc kép",
        "remove the `[ ]` or `{ }`; if the value contains `[`, `{`, `:` or `#`, put it in double quotes";
    ExpectedMapping => "ở đây cần một nhóm khóa (`khóa: giá trị`)", "expected a group of keys (`key: value`) here";
    ExpectedMappingHint => "viết mỗi khóa một dòng, thụt vào dưới dòng này, ví dụ `  url: …`",
        "write one key per line, indented under this line, e.g. `  url: …`";
    ExpectedCount => "ở đây cần một số nguyên, từ 0 trở lên", "expected a whole number, 0 or more, here";
    ExpectedWhole => "ở đây cần một số nguyên", "expected a whole number here";
    ExpectedNumberHint => "viết chữ số liền nhau, không có dấu chấm, dấu phẩy hay chữ, ví dụ `2024`",
        "write digits only, without dots, commas or letters, e.g. `2024`";
    UnknownChoice => "`{value}` không phải giá trị được chấp nhận ở đây", "`{value}` is not one of the values accepted here";
    ExpectedChoices => "các giá trị dùng được: {choices}", "values accepted here: {choices}";
    CountErrorOne => "{n} lỗi", "{n} error";
    CountErrors => "{n} lỗi", "{n} errors";
    CountWarningOne => "{n} cảnh báo", "{n} warning";
    CountWarnings => "{n} cảnh báo", "{n} warnings";
    CountPageOne => "{n} trang", "{n} page";
    CountPages => "{n} trang", "{n} pages";
    CountImageOne => "{n} ảnh", "{n} image";
    CountImages => "{n} ảnh", "{n} images";
    CountFileOne => "{n} tệp", "{n} file";
    CountFiles => "{n} tệp", "{n} files";
    CountNoteOne => "{n} ghi chú", "{n} note";
    CountNotes => "{n} ghi chú", "{n} notes";
    SimilarErrorOne => "{n} lỗi tương tự", "{n} similar problem";
    SimilarErrors => "{n} lỗi tương tự", "{n} similar problems";
    SimilarWarningOne => "{n} cảnh báo tương tự", "{n} similar warning";
    SimilarWarnings => "{n} cảnh báo tương tự", "{n} similar warnings";
    SimilarNoteOne => "{n} ghi chú tương tự", "{n} similar note";
    SimilarNotes => "{n} ghi chú tương tự", "{n} similar notes";
    MoreInFile => "… và {similar} trong {file}", "… and {similar} in {file}";
    MoreNoFile => "… và {similar}", "… and {similar}";
    MoreNotShown => "… và {rest} nữa không in ra: mỗi lần bangtin in tối đa {max} thông báo, {per_file} cho mỗi tệp; sửa các lỗi trên rồi chạy lại để xem tiếp",
        "… and {rest} more not shown: bangtin prints at most {max} messages per run, {per_file} per file; fix the ones above and run again to see the rest";

    // Command line and scaffolds (issue 16)
    CheckFailed => "Kiểm tra thấy {errors}, {warnings}", "Check found {errors}, {warnings}";
    CliAbout => "bangtin: trang tin thi đua tĩnh từ Markdown và YAML.", "bangtin: static news sites for emulation clusters, from Markdown and YAML.";
    CliAboutBuild => "Xây dựng trang web vào thư mục output/.", "Build the site into the output/ folder.";
    CliAboutCheck => "Kiểm tra toàn bộ trang như khi xây dựng, không ghi gì.", "Check the whole site as a build does, writing nothing.";
    CliAboutServe => "Xem trang trong trình duyệt khi đang soạn: tự dựng lại và tải lại khi lưu tệp.",
        "Preview the site in the browser while you write: rebuilt and reloaded on every save.";
    CliAboutClean => "Xóa bộ nhớ đệm (.bangtin-cache/); lần tạo sau xử lý lại mọi ảnh và tạo lại mọi trang.",
        "Delete the cache (.bangtin-cache/); the next build processes every photo again and builds every page.";
    CliAboutInit => "Tạo một trang mới có sẵn ví dụ (tin, Cụm thi đua, điểm, kết quả) trong THƯ_MỤC.",
        "Create a new site with a working example (news, a cluster, scores, results) in DIR.";
    CliAboutNew => "Tạo bài viết mới (bangtin new \"Tiêu đề\") hoặc tệp dữ liệu mới (article, cluster-year, scores).",
        "Create a new article (bangtin new \"Title\") or a new data file (article, cluster-year, scores).";
    CliAboutNewArticle => "Tạo bài viết nháp mới, ghi ngày giờ hiện tại, địa chỉ theo tiêu đề.",
        "Create a new draft article dated now, its address made from the title.";
    CliAboutNewClusterYear => "Tạo tệp Cụm thi đua của một năm mới từ năm gần nhất trước đó.",
        "Create a cluster's file for a new year from its latest earlier year.";
    CliAboutNewScores => "Tạo tệp điểm để nhập cho một Cụm trong một năm: mọi thành viên, mọi tiêu chí.",
        "Create a scores file to fill in for a cluster-year: every member, every criterion.";
    CliArgSite => "Thư mục của trang (mặc định: thư mục hiện tại).", "The site folder (default: the current folder).";
    CliArgOutput => "Thư mục kết quả (mặc định: <site>/output).", "The output folder (default: <site>/output).";
    CliArgBaseUrl => "Địa chỉ công bố, thay cho base_url trong site.yaml.", "The address the site is published at, instead of base_url in site.yaml.";
    CliArgDraftsBuild => "Xuất cả các bài nháp (draft: true).", "Publish drafts too (draft: true).";
    CliArgDraftsCheck => "Kiểm tra cả các bài nháp.", "Check drafts too.";
    CliArgDraftsServe => "Hiện cả các bài nháp (draft: true).", "Show drafts too (draft: true).";
    CliArgDenyWarnings => "Coi cảnh báo là lỗi (dùng trong CI).", "Treat warnings as errors (for CI).";
    CliArgPort => "Cổng (mặc định: {port}; nếu bận thì dùng cổng trống kế tiếp).", "The port (default: {port}; when it is taken, the next free one).";
    CliArgBind => "Địa chỉ nghe (mặc định: 127.0.0.1, chỉ máy này xem được).", "The address to listen on (default: 127.0.0.1, this computer only).";
    CliArgOpen => "Mở trình duyệt khi máy chủ đã sẵn sàng.", "Open the browser once the server is ready.";
    CliArgInitDir => "Thư mục mới (hoặc trống) cho trang.", "A new (or empty) folder for the site.";
    CliArgTitle => "Tiêu đề bài viết, ví dụ \"Hội nghị ký kết giao ước thi đua năm 2025\".",
        "The article's title, e.g. \"Hội nghị ký kết giao ước thi đua năm 2025\".";
    CliArgCluster => "Mã Cụm thi đua, ví dụ cdvc-cum-3 (tên tệp trong data/clusters/<năm>/).",
        "The cluster id, e.g. cdvc-cum-3 (the file name in data/clusters/<year>/).";
    CliArgYear => "Năm, ví dụ 2026.", "The year, e.g. 2026.";
    CliArgPhase => "Mã đợt chấm điểm (mặc định: đợt cuối, hoặc ca-nam khi năm không chia đợt).",
        "The phase id (default: the last phase, or ca-nam when the year has no phases).";
    CliArgLang => "Ngôn ngữ của thông báo: vi hoặc en (mặc định: vi, hoặc theo BANGTIN_LANG rồi LANG).",
        "The language of messages: vi or en (default: vi, or from BANGTIN_LANG, then LANG).";
    CliArgHelp => "In hướng dẫn này.", "Print help.";
    CliArgVersion => "In số phiên bản.", "Print version.";
    CliValDir => "THƯ_MỤC", "DIR";
    CliValFile => "TỆP", "FILE";
    CliValUrl => "ĐỊA_CHỈ", "URL";
    CliValPort => "CỔNG", "PORT";
    CliValAddr => "IP", "ADDR";
    CliValTitle => "TIÊU_ĐỀ", "TITLE";
    CliValCluster => "MÃ_CỤM", "CLUSTER";
    CliValYear => "NĂM", "YEAR";
    CliValPhase => "MÃ_ĐỢT", "PHASE";
    CliValLang => "NGÔN_NGỮ", "LANG";
    CliUsage => "Cách dùng", "Usage";
    CliCommands => "Lệnh", "Commands";
    CliArguments => "Tham số", "Arguments";
    CliOptions => "Tùy chọn", "Options";
    CliUsageOptions => "[TÙY_CHỌN]", "[OPTIONS]";
    CliUsageCommand => "<LỆNH>", "<COMMAND>";
    CliUnknownCommand => "không có lệnh `{value}`", "unrecognized subcommand `{value}`";
    CliSimilarCommand => "có lệnh gần giống: `{suggestion}`", "a similar subcommand exists: `{suggestion}`";
    CliCommandList => "các lệnh: {commands}", "commands: {commands}";
    CliUnknownArg => "không nhận `{value}` ở đây", "unexpected argument `{value}` found";
    CliMissingArgs => "thiếu tham số bắt buộc: {args}", "the following required arguments were not provided: {args}";
    CliInvalidValue => "giá trị `{value}` không hợp lệ cho {arg}", "invalid value `{value}` for {arg}";
    CliMissingCommand => "cần nêu một lệnh", "a subcommand is required";
    CliConflict => "không dùng {arg} cùng với {other}", "{arg} cannot be used with {other}";
    CliBadUsage => "cách gọi lệnh không đúng", "wrong usage of the command";
    CliMoreInfo => "Xem thêm: {command} --help", "For more information, try '{command} --help'.";
    ScoreEmpty => "{unit} chưa được chấm: {count} tiêu chí còn để trống ({ids}); đơn vị hiện \"chưa chấm\" cho đến khi điền đủ",
        "{unit} is not scored yet: {count} criteria are still empty ({ids}); the unit shows as not scored until they are filled";
    ScoreEmptyHint => "điền điểm sau dấu hai chấm của mỗi tiêu chí, ví dụ `I.1: \"19,5\"`; đơn vị chưa chấm xong thì ghi `status: partial` để tắt cảnh báo này",
        "write a score after the colon of each criterion, e.g. `I.1: \"19,5\"`; for a unit not finished yet, `status: partial` silences this warning";
    ScaffoldExists => "{path} đã có; bangtin không ghi đè", "{path} already exists; bangtin does not overwrite it";
    ScaffoldExistsHint => "sửa tệp đã có, hoặc tự xóa nó trước nếu muốn tạo lại", "edit the existing file, or delete it yourself to make it again";
    NoEarlierYear => "Cụm `{id}` chưa có tệp của năm nào trước năm {year} để làm mẫu", "the cluster `{id}` has no file of a year before {year} to start from";
    NoEarlierYearHint => "viết tệp data/clusters/{year}/{id}.yaml bằng tay theo docs/format.md mục 10.4",
        "write data/clusters/{year}/{id}.yaml by hand, following docs/format.md section 10.4";
    NewClusterYearDone => "Đã tạo {path}. Kiểm tra lại các giả định sau rồi chạy bangtin check:",
        "Created {path}. Check these assumptions, then run bangtin check:";
    AssumedFrom => "lấy từ {file}", "copied from {file}";
    AssumedPeriod => "thời gian: {from} đến {until} (năm trước dời sang năm mới)", "period: {from} to {until} (last year's, moved to the new year)";
    AssumedScheme => "giữ biểu chấm điểm `{scheme}` của năm {old}; đổi `scheme:` nếu năm nay có biểu mới",
        "kept the scheme `{scheme}` of {old}; change `scheme:` if there is a new one this year";
    AssumedPhases => "giữ {count} đợt của năm trước, ngày dời sang năm {year}", "kept last year's {count} phases, dates moved to {year}";
    AssumedRotated => "cụm trưởng {leader}, cụm phó {deputy}: theo `next_year` của năm {old}",
        "leader {leader}, deputy {deputy}: from the `next_year` of {old}";
    AssumedRolesKept => "năm {old} không ghi `next_year`: giữ cụm trưởng {leader}, cụm phó {deputy}",
        "{old} recorded no `next_year`: kept the leader {leader} and the deputy {deputy}";
    NextYearNotMember => "`next_year` của năm {old} nêu {unit}, không còn là thành viên", "the `next_year` of {old} names {unit}, which is no longer a member";
    MemberLeftOutLeft => "bỏ {unit}: đã rời Cụm ngày {date}", "left out {unit}: it left the cluster on {date}";
    MemberLeftOutMerged => "bỏ {unit}: đã sáp nhập vào {other} ngày {date}", "left out {unit}: merged into {other} on {date}";
    MemberLeftOutEnded => "bỏ {unit}: ngừng hoạt động ngày {date}", "left out {unit}: it ended on {date}";
    MemberLeftOutInvalid => "bỏ {unit}: không hoạt động suốt năm mới", "left out {unit}: it does not exist throughout the new year";
    AssumedDocuments => "{count} văn bản của năm trước chỉ ghi thành chú thích (tệp của năm nay chưa có)",
        "last year's {count} documents are written as comments only (this year's files do not exist yet)";
    ClusterYearFileHead => "{name} năm {year}: tạo bằng `bangtin new cluster-year` từ tệp năm {old}.\nKiểm tra lại thời gian, biểu chấm điểm, thành viên, cụm trưởng và cụm phó; các dòng\nbắt đầu bằng # là gợi ý, bỏ dấu # và sửa khi dùng. Xem docs/format.md mục 10.4.",
        "{name} in {year}: made by `bangtin new cluster-year` from the file of {old}.\nCheck the period, scheme, members, leader and deputy; lines starting with # are\nsuggestions: remove the # and edit them to use them. See docs/format.md section 10.4.";
    ClusterYearFormedBy => "Quyết định thành lập (kiện toàn) Cụm năm nay:", "This year's decision forming the cluster:";
    ClusterYearTargets => "Chỉ tiêu giao ước của năm {old}: sửa cho năm nay rồi bỏ dấu #", "The targets of {old}: edit them for this year, then remove the #";
    ClusterYearDocuments => "Văn bản: đặt tệp của năm nay dưới static/, sửa đường dẫn rồi bỏ dấu #", "Documents: put this year's files under static/, fix the paths, then remove the #";
    ClusterYearSigning => "Hội nghị ký kết giao ước năm nay:", "This year's signing of the agreement:";
    ScaffoldYears => "các năm có dữ liệu: {years}; tạo năm mới bằng `bangtin new cluster-year {id} <năm>`",
        "years with data: {years}; make a new year with `bangtin new cluster-year {id} <year>`";
    ScaffoldNoScheme => "Cụm `{id}` năm {year} chưa khai báo biểu chấm điểm, nên chưa biết có những tiêu chí nào",
        "the cluster `{id}` has no scheme in {year}, so its criteria are unknown";
    NewScoresDone => "Đã tạo {path} (đợt {phase}). Điền điểm rồi chạy bangtin check", "Created {path} (phase {phase}). Fill in the scores, then run bangtin check";
    ScoresFileHead => "Điểm thi đua của {name} năm {year}, đợt {phase} ({scheme}).\nĐiền điểm sau dấu hai chấm của từng tiêu chí; số thập phân viết trong ngoặc kép: \"19,5\".\nĐơn vị còn tiêu chí để trống được ghi \"chưa chấm\", mỗi đơn vị một cảnh báo.\nĐiểm thưởng, điểm trừ: ghi [{ item: B1, count: 1 }]; các mục có trong chú thích. Xem docs/format.md mục 10.5.",
        "Scores of {name} in {year}, phase {phase} ({scheme}).\nWrite each criterion's score after its colon; decimals in quotes: \"19,5\".\nA unit with an empty criterion is shown as not scored, with one warning per unit.\nBonus and penalties: write [{ item: B1, count: 1 }]; the items are in the comments. See docs/format.md section 10.5.";
    ScoresNoteStep => "tối đa {max}, bước {step}", "at most {max}, step {step}";
    ScoresNoteFixed => "0 hoặc {max}", "0 or {max}";
    ScoresNoteProportional => "tối đa {max}, theo tỷ lệ: ghi { actual: \"0,82\" } so với chỉ tiêu {target}, hoặc số điểm",
        "at most {max}, proportional: write { actual: \"0,82\" } against the target {target}, or the points";
    ScoresNotePoints => "{points} điểm", "{points} points";
    ScoresNoteMax => "tối đa {max}", "at most {max}";
    ScoresNotePanel => "Điểm do đơn vị tổ chức (hội đồng) chấm; đổi mã nếu đơn vị chấm khác", "Scores given by the organiser's panel; change the id if someone else assesses";
    ScoresNotePanelOptional => "Điểm do đơn vị tổ chức chấm; không ai chấm thì xóa cả phần assessed (điểm tự chấm được dùng)",
        "Scores given by the organiser; if nobody assesses, delete the whole assessed part (self scores are used)";
    ScoresNoteCross => "Chấm chéo: mỗi thành viên khác chấm đơn vị này", "Cross-assessment: every other member scores this unit";
    ScaffoldNoSite => "không có {path}: đây không phải thư mục trang nên không tạo gì",
        "{path} does not exist: this is not a site folder, so nothing was created";
    NewTitleNoSlug => "không tạo được địa chỉ bài viết từ tiêu đề `{value}`", "cannot make the article's address from the title `{value}`";
    NewTitleNoSlugHint => "tiêu đề cần ít nhất một chữ cái hoặc chữ số, ví dụ \"Hội nghị ký kết giao ước thi đua năm 2025\"",
        "the title needs at least one letter or digit, e.g. \"Hội nghị ký kết giao ước thi đua năm 2025\"";
}

/// What [`count`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    Errors,
    Warnings,
    Pages,
    Images,
    Files,
    Notes,
    /// "15.996 lỗi tương tự": the rest of a file's errors, not printed.
    SimilarErrors,
    SimilarWarnings,
    SimilarNotes,
}

/// A number with its noun, singular for exactly one: "1 error", "2 errors"
/// (Vietnamese nouns do not change: "1 lỗi", "2 lỗi").
pub fn count(n: usize, noun: Noun) -> String {
    count_in(lang(), n, noun)
}

fn count_in(lang: Lang, n: usize, noun: Noun) -> String {
    let (one, many) = match noun {
        Noun::Errors => (Msg::CountErrorOne, Msg::CountErrors),
        Noun::Warnings => (Msg::CountWarningOne, Msg::CountWarnings),
        Noun::Pages => (Msg::CountPageOne, Msg::CountPages),
        Noun::Images => (Msg::CountImageOne, Msg::CountImages),
        Noun::Files => (Msg::CountFileOne, Msg::CountFiles),
        Noun::Notes => (Msg::CountNoteOne, Msg::CountNotes),
        Noun::SimilarErrors => (Msg::SimilarErrorOne, Msg::SimilarErrors),
        Noun::SimilarWarnings => (Msg::SimilarWarningOne, Msg::SimilarWarnings),
        Noun::SimilarNotes => (Msg::SimilarNoteOne, Msg::SimilarNotes),
    };
    let msg = if n == 1 { one } else { many };
    fill(msg.template(lang), &[("n", &integer_in(lang, n))])
}

/// A whole number with thousands separators: "15.996" in Vietnamese, "15,996" in English.
pub fn integer(n: usize) -> String {
    integer_in(lang(), n)
}

fn integer_in(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Fills a message template with named arguments.
pub fn tr(msg: impl Template, args: &[(&str, &dyn Display)]) -> String {
    fill(msg.template(lang()), args)
}

/// Characters of one argument a message quotes; a longer value (an id or a
/// link of thousands of characters) is cut, so a message stays readable and
/// small whatever the input.
pub const MAX_ARGUMENT: usize = 500;

fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &shorten(value.to_string()));
    }
    out
}

/// `text` cut to [`MAX_ARGUMENT`] characters and `…`, when longer.
fn shorten(text: String) -> String {
    if text.len() <= MAX_ARGUMENT {
        return text;
    }
    match text.char_indices().nth(MAX_ARGUMENT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
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
        for m in SheetMsg::ALL {
            assert_eq!(
                placeholders(m.template(Lang::Vi)),
                placeholders(m.template(Lang::En)),
                "{m:?}"
            );
        }
        for m in EditorMsg::ALL {
            assert_eq!(
                placeholders(m.template(Lang::Vi)),
                placeholders(m.template(Lang::En)),
                "{m:?}"
            );
        }
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        assert_eq!(count_in(Lang::En, 1, Noun::Errors), "1 error");
        assert_eq!(count_in(Lang::En, 0, Noun::Warnings), "0 warnings");
        assert_eq!(count_in(Lang::En, 2, Noun::Pages), "2 pages");
        assert_eq!(count_in(Lang::Vi, 1, Noun::Images), "1 ảnh");
        assert_eq!(count_in(Lang::Vi, 3, Noun::Files), "3 tệp");
    }

    #[test]
    fn counts_group_thousands_in_each_language() {
        assert_eq!(
            count_in(Lang::Vi, 15_996, Noun::SimilarErrors),
            "15.996 lỗi tương tự"
        );
        assert_eq!(
            count_in(Lang::En, 15_996, Noun::SimilarErrors),
            "15,996 similar problems"
        );
        assert_eq!(
            count_in(Lang::En, 1_000_000, Noun::Errors),
            "1,000,000 errors"
        );
        assert_eq!(count_in(Lang::Vi, 999, Noun::Pages), "999 trang");
    }

    #[test]
    fn a_very_long_argument_is_cut() {
        let long = "a".repeat(80_000);
        let s = fill("mã `{id}`", &[("id", &long)]);
        assert_eq!(
            s.chars().count(),
            "mã ``".chars().count() + MAX_ARGUMENT + 1
        );
        assert!(s.ends_with("…`"), "{s}");
        let short = "ă".repeat(MAX_ARGUMENT);
        assert_eq!(fill("{x}", &[("x", &short)]), short);
    }

    #[test]
    fn fill_replaces_every_named_argument() {
        let s = fill("{a} và {b}, {a}", &[("a", &1), ("b", &"hai")]);
        assert_eq!(s, "1 và hai, 1");
    }
}
