//! The command line: parsing (clap derive, then every word put in the run's
//! language by `help`), running a command, printing diagnostics and the
//! summary, and the exit code (0 success, 1 problems in the input, 2 wrong
//! usage). The help texts are in the message catalogue, not in doc comments.

pub mod cluster_year;
mod help;
mod lang;
mod progress;
mod scaffold;
mod scores;
pub mod sheets;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions};
use crate::diag::Diagnostic;
use crate::messages::{self, Lang, Msg, Noun, count};
use crate::t;

pub(crate) use scaffold::{article_file, write_new, yaml_quoted, yaml_str as yaml_scalar};
pub use scaffold::{init, new_article};

/// The command line (help texts: `help.rs` and the catalogue).
#[derive(Debug, Parser)]
#[command(name = "bangtin", version)]
pub struct Cli {
    /// The language of messages (before parsing, `lang::decide` already used it).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang vi|en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        deny_warnings: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        deny_warnings: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        site: PathBuf,
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        #[arg(long)]
        bind: Option<std::net::IpAddr>,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        drafts: bool,
    },
    Clean {
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    Init {
        dir: PathBuf,
    },
    /// `new "Tiêu đề"` (an article) or `new article|cluster-year|scores …`.
    #[command(arg_required_else_help = true)]
    New {
        #[command(subcommand)]
        what: Option<NewCommand>,
        title: Option<String>,
        #[arg(long, global = true, default_value = ".")]
        site: PathBuf,
    },
    /// `template scores <cluster> <year>`: a workbook to fill in.
    Template {
        #[command(subcommand)]
        what: TemplateCommand,
        #[arg(long, global = true, default_value = ".")]
        site: PathBuf,
    },
    /// `import scores FILE --cluster ID --year Y`: a filled workbook into YAML.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
        #[arg(long, global = true, default_value = ".")]
        site: PathBuf,
    },
}

/// What `bangtin import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    Scores {
        file: PathBuf,
        #[arg(long)]
        cluster: String,
        #[arg(long)]
        year: i16,
        #[arg(long)]
        phase: Option<String>,
        #[arg(long)]
        write: bool,
    },
}

/// What `bangtin template` makes.
#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    Scores {
        cluster: String,
        year: i16,
        #[arg(long)]
        phase: Option<String>,
        #[arg(short = 'o', long = "output")]
        out: Option<PathBuf>,
    },
}

/// What `bangtin new` makes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    Article {
        title: String,
    },
    ClusterYear {
        cluster: String,
        year: i16,
    },
    Scores {
        cluster: String,
        year: i16,
        #[arg(long)]
        phase: Option<String>,
    },
}

/// The binary's entry: decides the language, parses with the translated
/// command tree, runs.
pub fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    messages::set_lang(lang::decide(&argv, |k| std::env::var(k).ok()));
    let cmd = help::localize(Cli::command());
    let parsed = cmd
        .clone()
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => run(cli),
        Err(e) => help::report(&e, &cmd, &argv),
    }
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.lang {
        Some(LangArg::En) => messages::set_lang(Lang::En),
        Some(LangArg::Vi) => messages::set_lang(Lang::Vi),
        None => {}
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
        Command::New { what, title, site } => scaffold::new(&site, what, title.as_deref()),
        Command::Template {
            what:
                TemplateCommand::Scores {
                    cluster,
                    year,
                    phase,
                    out,
                },
            site,
        } => sheets::template_scores(&site, &cluster, year, phase.as_deref(), out)
            .map_err(|d| vec![d]),
        Command::Import {
            what:
                ImportCommand::Scores {
                    file,
                    cluster,
                    year,
                    phase,
                    write,
                },
            site,
        } => sheets::import_scores(&site, &file, &cluster, year, phase.as_deref(), write),
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
    let _ = crate::diag::write_all(&mut err, diags);
}

fn build_or_check(opts: &BuildOptions) -> Result<(), Vec<Diagnostic>> {
    let report = build::run(opts).inspect_err(|diags| {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.iter().filter(|d| d.is_warning()).count();
        print_diagnostics(diags);
        let msg = if opts.write {
            Msg::RunFailed
        } else {
            Msg::CheckFailed
        };
        eprintln!(
            "{}",
            t!(
                msg,
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
            if report.unchanged {
                Msg::BuildUnchanged
            } else {
                Msg::BuildDone
            },
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
    if let Some(url) = server.editor_url() {
        println!("{}", t!(Msg::ServeEditorAt, url = url));
    }
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

/// Removes the cache (photos, build records) of the site in `site_dir`.
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

/// Seconds with two decimals, the decimal comma in Vietnamese (`0,41`) and
/// the point in English (`0.41`).
pub(crate) fn seconds(d: std::time::Duration) -> String {
    let centis = d.as_millis().div_ceil(10);
    let sep = match messages::lang() {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{:02}", centis / 100, centis % 100)
}
