//! The command line: parsing (clap derive), running a command, printing
//! diagnostics and the summary, and the exit code (0 success, 1 problems in
//! the input, 2 wrong usage; clap exits with 2 by itself).

mod progress;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildOptions};
use crate::config;
use crate::diag::Diagnostic;
use crate::messages::{self, Lang, Msg, Noun, count};
use crate::t;
use crate::text::slugify;

/// bangtin: trang tin thi đua tĩnh từ Markdown và YAML.
#[derive(Debug, Parser)]
#[command(name = "bangtin", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Xây dựng trang web vào thư mục output/.
    Build {
        /// Thư mục của trang (mặc định: thư mục hiện tại).
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Thư mục kết quả (mặc định: <site>/output).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Địa chỉ công bố, thay cho base_url trong site.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Xuất cả các bài nháp (draft: true).
        #[arg(long)]
        drafts: bool,
        /// Coi cảnh báo là lỗi (dùng trong CI).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Kiểm tra toàn bộ trang như khi xây dựng, không ghi gì.
    Check {
        /// Thư mục của trang (mặc định: thư mục hiện tại).
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Kiểm tra cả các bài nháp.
        #[arg(long)]
        drafts: bool,
        /// Coi cảnh báo là lỗi.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Xem trang trong trình duyệt khi đang soạn: tự dựng lại và tải lại khi lưu tệp.
    Serve {
        /// Thư mục của trang (mặc định: thư mục hiện tại).
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Cổng (mặc định 1111; nếu bận thì dùng cổng trống kế tiếp).
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        /// Địa chỉ nghe (mặc định 127.0.0.1: chỉ máy này xem được).
        #[arg(long)]
        bind: Option<std::net::IpAddr>,
        /// Mở trình duyệt khi máy chủ đã sẵn sàng.
        #[arg(long)]
        open: bool,
        /// Hiện cả các bài nháp (draft: true).
        #[arg(long)]
        drafts: bool,
    },
    /// Xóa bộ nhớ đệm ảnh (.bangtin-cache/); lần xây dựng sau xử lý lại mọi ảnh.
    Clean {
        /// Thư mục của trang (mặc định: thư mục hiện tại).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    /// Tạo một trang mới có sẵn ví dụ trong THƯ_MỤC.
    Init {
        /// Thư mục mới (hoặc trống) cho trang.
        dir: PathBuf,
    },
    /// Tạo một bài viết mới, ghi ngày giờ hiện tại, địa chỉ theo tiêu đề.
    New {
        /// Tiêu đề bài viết, ví dụ "Hội nghị ký kết giao ước thi đua năm 2025".
        title: String,
        /// Thư mục của trang (mặc định: thư mục hiện tại).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    if std::env::var("BANGTIN_LANG").is_ok_and(|l| l.starts_with("en")) {
        messages::set_lang(Lang::En);
    }
    let result = match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            drafts,
            deny_warnings,
        } => {
            let opts = BuildOptions {
                site_dir: site,
                output_dir: output,
                base_url,
                drafts,
                deny_warnings,
                write: true,
                progress: Some(progress::hook()),
            };
            build_or_check(&opts)
        }
        Command::Check {
            site,
            drafts,
            deny_warnings,
        } => {
            let mut opts = BuildOptions::new(site);
            opts.drafts = drafts;
            opts.deny_warnings = deny_warnings;
            opts.write = false;
            opts.progress = Some(progress::hook());
            build_or_check(&opts)
        }
        Command::Serve {
            site,
            port,
            bind,
            open,
            drafts,
        } => {
            let opts = crate::serve::ServeOptions {
                site_dir: site,
                port,
                bind,
                drafts,
            };
            serve(&opts, open).map_err(|d| vec![d])
        }
        Command::Clean { site } => clean(&site).map_err(|d| vec![d]),
        Command::Init { dir } => init(&dir).map_err(|d| vec![d]),
        Command::New { title, site } => new_article(&site, &title).map_err(|d| vec![d]),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(diags) => {
            print_diagnostics(&diags);
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{}", d.render());
    }
}

fn build_or_check(opts: &BuildOptions) -> Result<(), Vec<Diagnostic>> {
    let report = build::run(opts).inspect_err(|diags| {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.iter().filter(|d| d.is_warning()).count();
        print_diagnostics(diags);
        eprintln!(
            "{}",
            t!(
                Msg::RunFailed,
                errors = count(errors, Noun::Errors),
                warnings = count(warnings, Noun::Warnings)
            )
        );
    });
    let report = match report {
        Ok(r) => r,
        Err(_) => return Err(Vec::new()),
    };
    print_diagnostics(&report.warnings);
    let line = if opts.write {
        t!(
            Msg::BuildDone,
            pages = count(report.pages, Noun::Pages),
            images = count(report.images, Noun::Images),
            warnings = count(report.warnings.len(), Noun::Warnings),
            seconds = seconds(report.elapsed),
            output = report.output.display()
        )
    } else {
        t!(
            Msg::CheckDone,
            pages = count(report.pages, Noun::Pages),
            warnings = count(report.warnings.len(), Noun::Warnings)
        )
    };
    println!("{line}");
    Ok(())
}

/// Serves the site until Ctrl-C.
fn serve(opts: &crate::serve::ServeOptions, open: bool) -> Result<(), Diagnostic> {
    let server = crate::serve::Server::start(opts)?;
    let (tx, rx) = std::sync::mpsc::channel();
    // Without a handler (some terminals refuse one) Ctrl-C still ends the
    // process, and serve has nothing on disk to clean up.
    let _ = ctrlc::set_handler(move || {
        let _ = tx.send(());
    });
    println!("{}", t!(Msg::ServeListening, url = server.url()));
    if open && let Err(e) = crate::serve::open_browser(server.url()) {
        eprintln!(
            "{}",
            t!(Msg::ServeOpenFailed, detail = e, url = server.url())
        );
    }
    let _ = rx.recv();
    server.stop();
    println!("{}", t!(Msg::ServeStopped));
    Ok(())
}

/// Removes the image cache of the site in `site_dir`.
fn clean(site_dir: &Path) -> Result<(), Diagnostic> {
    let dir = site_dir.join(crate::media::CACHE_DIR);
    match crate::media::clean(site_dir)? {
        Some(files) => println!(
            "{}",
            t!(
                Msg::CleanDone,
                dir = dir.display(),
                files = count(files, Noun::Files)
            )
        ),
        None => println!("{}", t!(Msg::CleanNothing, dir = dir.display())),
    }
    Ok(())
}

/// Creates a small working site in `dir`.
pub fn init(dir: &Path) -> Result<(), Diagnostic> {
    let not_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if not_empty {
        return Err(
            Diagnostic::error(t!(Msg::InitNotEmpty, dir = dir.display()))
                .hint(t!(Msg::InitNotEmptyHint)),
        );
    }
    let year = jiff::Zoned::now().year();
    let files: [(String, &str); 3] = [
        ("site.yaml".into(), include_str!("scaffold/site.yaml")),
        (
            "content/_index.md".into(),
            include_str!("scaffold/_index.md"),
        ),
        (
            "content/pages/gioi-thieu.md".into(),
            include_str!("scaffold/gioi-thieu.md"),
        ),
    ];
    for (rel, text) in &files {
        write_new(&dir.join(rel), text)?;
    }
    std::fs::create_dir_all(dir.join("static")).map_err(|e| io_error(&dir.join("static"), &e))?;
    let example = article_text("Bài viết đầu tiên", &format!("{year}-01-01"));
    write_new(
        &dir.join(format!("content/news/{year}/bai-viet-dau-tien/index.md")),
        &example,
    )?;
    println!("{}", t!(Msg::InitDone, dir = dir.display()));
    Ok(())
}

/// Creates `content/news/<year>/<slug>/index.md` dated now.
pub fn new_article(site_dir: &Path, title: &str) -> Result<(), Diagnostic> {
    let offset = config::load(site_dir)
        .map(|c| c.offset)
        .unwrap_or(jiff::tz::Offset::constant(7));
    let now = jiff::Timestamp::now().to_zoned(offset.to_time_zone());
    let title = crate::text::nfc(title.trim());
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(
            Diagnostic::error(t!(Msg::SlugEmpty, value = title)).hint(t!(Msg::SlugEmptyHint))
        );
    }
    let rel = format!("content/news/{}/{slug}/index.md", now.year());
    let path = site_dir.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error(t!(Msg::NewExists, path = rel)).hint(t!(Msg::NewExistsHint)));
    }
    let date = now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    write_new(&path, &article_text(&title, &date))?;
    println!("{}", t!(Msg::NewDone, path = rel));
    Ok(())
}

fn article_text(title: &str, date: &str) -> String {
    let quoted = title.replace('\\', "\\\\").replace('"', "\\\"");
    include_str!("scaffold/article.md")
        .replace("{title}", &quoted)
        .replace("{date}", date)
}

fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    std::fs::write(path, text).map_err(|e| io_error(path, &e))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
}

/// Seconds with two decimals and the decimal comma: `0,41`.
fn seconds(d: std::time::Duration) -> String {
    let centis = d.as_millis().div_ceil(10);
    format!("{},{:02}", centis / 100, centis % 100)
}
