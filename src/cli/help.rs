//! clap in the language of the run: every command's about, every argument's
//! help and value name from the catalogue, headings through a help template,
//! our own `--help`/`--version` flags, defaults written into the help text
//! (clap's `[default: …]` and `[possible values: …]` are hidden), and usage
//! errors mapped from clap's error kind and context to catalogue messages.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::diag::Diagnostic;
use crate::messages::{Msg, SheetMsg};
use crate::t;

/// The about text of the command at `path` ("" for the root, "new article").
fn about_of(path: &str) -> Option<String> {
    let sheet = match path {
        "template" => Some(SheetMsg::CliAboutTemplate),
        "template scores" => Some(SheetMsg::CliAboutTemplateScores),
        "import" => Some(SheetMsg::CliAboutImport),
        "import scores" => Some(SheetMsg::CliAboutImportScores),
        _ => None,
    };
    if let Some(m) = sheet {
        return Some(t!(m));
    }
    Some(t!(match path {
        "" => Msg::CliAbout,
        "build" => Msg::CliAboutBuild,
        "check" => Msg::CliAboutCheck,
        "serve" => Msg::CliAboutServe,
        "clean" => Msg::CliAboutClean,
        "init" => Msg::CliAboutInit,
        "new" => Msg::CliAboutNew,
        "new article" => Msg::CliAboutNewArticle,
        "new cluster-year" => Msg::CliAboutNewClusterYear,
        "new scores" => Msg::CliAboutNewScores,
        _ => return None,
    }))
}

/// The help text of the argument `id` of the command at `path`.
fn help_of(path: &str, id: &str) -> Option<String> {
    let sheet = match id {
        "out" => Some(SheetMsg::CliArgTemplateOut),
        "file" => Some(SheetMsg::CliArgImportFile),
        "write" => Some(SheetMsg::CliArgImportWrite),
        _ => None,
    };
    if let Some(m) = sheet {
        return Some(t!(m));
    }
    let msg = match (path, id) {
        (_, "help") => Msg::CliArgHelp,
        (_, "version") => Msg::CliArgVersion,
        (_, "lang") => Msg::CliArgLang,
        (_, "site") => Msg::CliArgSite,
        (_, "output") => Msg::CliArgOutput,
        (_, "base_url") => Msg::CliArgBaseUrl,
        ("build", "drafts") => Msg::CliArgDraftsBuild,
        ("check", "drafts") => Msg::CliArgDraftsCheck,
        ("serve", "drafts") => Msg::CliArgDraftsServe,
        (_, "deny_warnings") => Msg::CliArgDenyWarnings,
        (_, "port") => return Some(t!(Msg::CliArgPort, port = crate::serve::DEFAULT_PORT)),
        (_, "bind") => Msg::CliArgBind,
        (_, "open") => Msg::CliArgOpen,
        ("init", "dir") => Msg::CliArgInitDir,
        (_, "title") => Msg::CliArgTitle,
        (_, "cluster") => Msg::CliArgCluster,
        (_, "year") => Msg::CliArgYear,
        (_, "phase") => Msg::CliArgPhase,
        _ => return None,
    };
    Some(t!(msg))
}

/// The value name shown for the argument `id` (`--site <THƯ_MỤC>`).
fn value_name_of(id: &str) -> Option<Msg> {
    Some(match id {
        "out" | "file" => Msg::CliValFile,
        "site" | "output" | "dir" => Msg::CliValDir,
        "base_url" => Msg::CliValUrl,
        "port" => Msg::CliValPort,
        "bind" => Msg::CliValAddr,
        "title" => Msg::CliValTitle,
        "cluster" => Msg::CliValCluster,
        "year" => Msg::CliValYear,
        "phase" => Msg::CliValPhase,
        "lang" => Msg::CliValLang,
        _ => return None,
    })
}

/// The whole command tree in the current language.
pub fn localize(cmd: Command) -> Command {
    let cmd = cmd
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    localize_at(cmd, "")
}

fn localize_at(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    );
    if let Some(about) = about_of(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let path_owned = path.to_string();
    cmd = cmd.mut_args(|a| {
        let id = a.get_id().as_str().to_string();
        let mut a = if a.get_action().takes_values() {
            a.hide_default_value(true).hide_possible_values(true)
        } else {
            a
        };
        if let Some(help) = help_of(&path_owned, &id) {
            a = a.help(help).long_help(None);
        }
        if let Some(name) = value_name_of(&id) {
            a = a.value_name(name.template(crate::messages::lang()));
        }
        a
    });
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize_at(s, &sub_path));
    }
    let usage = usage_of(&cmd, path);
    let template = template_of(&cmd);
    cmd.override_usage(usage).help_template(template)
}

/// `bangtin build [TÙY_CHỌN]`, `bangtin init [TÙY_CHỌN] <THƯ_MỤC>`; a
/// command with both a positional and subcommands (`new`) gets two lines.
fn usage_of(cmd: &Command, path: &str) -> String {
    let name = if path.is_empty() {
        "bangtin".to_string()
    } else {
        format!("bangtin {path}")
    };
    let options = t!(Msg::CliUsageOptions);
    let mut positionals = String::new();
    for a in cmd.get_positionals() {
        let value = a
            .get_value_names()
            .and_then(|v| v.first())
            .map(|s| s.to_string())
            .unwrap_or_else(|| a.get_id().to_string());
        if a.is_required_set() {
            positionals.push_str(&format!(" <{value}>"));
        } else {
            positionals.push_str(&format!(" [{value}]"));
        }
    }
    let mut lines = Vec::new();
    if !positionals.is_empty() || !cmd.has_subcommands() {
        lines.push(format!("{name} {options}{positionals}"));
    }
    if cmd.has_subcommands() {
        lines.push(format!("{name} {options} {}", t!(Msg::CliUsageCommand)));
    }
    // Later lines line up under the first, after "Cách dùng: ".
    let indent = " ".repeat(t!(Msg::CliUsage).chars().count() + 2);
    lines.join(&format!("\n{indent}"))
}

fn template_of(cmd: &Command) -> String {
    let mut s = format!("{{about-with-newline}}\n{}: {{usage}}\n", t!(Msg::CliUsage));
    if cmd.has_subcommands() {
        s.push_str(&format!("\n{}:\n{{subcommands}}\n", t!(Msg::CliCommands)));
    }
    if cmd.get_positionals().next().is_some() {
        s.push_str(&format!("\n{}:\n{{positionals}}\n", t!(Msg::CliArguments)));
    }
    s.push_str(&format!("\n{}:\n{{options}}\n", t!(Msg::CliOptions)));
    s
}

/// Prints what clap refused (or the help and version it was asked for) and
/// returns the exit code: 0 for help and version, 2 for wrong usage.
pub fn report(err: &clap::Error, cmd: &Command, argv: &[OsString]) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let (failed, path) = command_at(cmd, argv);
    let d = diagnostic(err, failed);
    let usage = failed
        .clone()
        .render_usage()
        .to_string()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
    let name = if path.is_empty() {
        "bangtin".to_string()
    } else {
        format!("bangtin {path}")
    };
    eprint!("{}", d.render());
    eprintln!();
    eprintln!("{}: {usage}", t!(Msg::CliUsage));
    eprintln!("{}", t!(Msg::CliMoreInfo, command = name));
    ExitCode::from(2)
}

/// The deepest (sub)command named in `argv`, with its path ("new scores").
fn command_at<'a>(root: &'a Command, argv: &[OsString]) -> (&'a Command, String) {
    let mut cmd = root;
    let mut path: Vec<String> = Vec::new();
    for arg in argv.iter().skip(1) {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        if let Some(sub) = cmd.find_subcommand(arg.as_ref()) {
            cmd = sub;
            path.push(arg.into_owned());
        }
    }
    (cmd, path.join(" "))
}

fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn first(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::Strings(v) => v.first().cloned(),
        _ => text(err, kind),
    }
}

fn diagnostic(err: &clap::Error, cmd: &Command) -> Diagnostic {
    let arg = text(err, ContextKind::InvalidArg).unwrap_or_default();
    match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let value = text(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            let d = Diagnostic::error(t!(Msg::CliUnknownCommand, value = value));
            match first(err, ContextKind::SuggestedSubcommand) {
                Some(s) => d.hint(t!(Msg::CliSimilarCommand, suggestion = s)),
                None => d.hint(t!(Msg::CliCommandList, commands = commands(cmd))),
            }
        }
        ErrorKind::UnknownArgument => {
            let d = Diagnostic::error(t!(Msg::CliUnknownArg, value = arg));
            if let Some(s) = first(err, ContextKind::SuggestedArg) {
                d.hint(t!(Msg::DidYouMean, suggestion = s))
            } else if let Some(s) = first(err, ContextKind::SuggestedSubcommand) {
                d.hint(t!(Msg::CliSimilarCommand, suggestion = s))
            } else {
                d
            }
        }
        ErrorKind::MissingRequiredArgument => {
            Diagnostic::error(t!(Msg::CliMissingArgs, args = arg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(err, ContextKind::InvalidValue).unwrap_or_default();
            let d = Diagnostic::error(t!(Msg::CliInvalidValue, value = value, arg = arg));
            match text(err, ContextKind::ValidValue) {
                Some(valid) => d.hint(t!(Msg::ExpectedChoices, choices = valid)),
                None => d,
            }
        }
        ErrorKind::MissingSubcommand => Diagnostic::error(t!(Msg::CliMissingCommand))
            .hint(t!(Msg::CliCommandList, commands = commands(cmd))),
        ErrorKind::ArgumentConflict => {
            let other = text(err, ContextKind::PriorArg).unwrap_or_default();
            Diagnostic::error(t!(Msg::CliConflict, arg = arg, other = other))
        }
        _ => Diagnostic::error(t!(Msg::CliBadUsage)),
    }
}

fn commands(cmd: &Command) -> String {
    cmd.get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument has catalogue text, so no English doc
    /// comment of the derive can leak into the help.
    #[test]
    fn every_command_and_argument_has_catalogue_text() {
        fn walk(cmd: &Command, path: &str) {
            assert!(about_of(path).is_some(), "no about for `{path}`");
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                assert!(help_of(path, id).is_some(), "no help for `{path}` {id}");
            }
            for s in cmd.get_subcommands() {
                let sub = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(s, &sub);
            }
        }
        walk(&super::super::Cli::command(), "");
    }
}
