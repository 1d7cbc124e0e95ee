//! The language of a run, decided before clap parses so that `--help` and
//! usage errors are already in it: `--lang vi|en` (or `--lang=…`) on the
//! command line, else `BANGTIN_LANG`, else `LANG` (`en…` is English; `vi…`,
//! `C`, `POSIX`, anything else or unset is Vietnamese).

use std::ffi::OsString;

use crate::messages::Lang;

/// The language for `argv` (program name first) and an environment lookup.
pub fn decide(argv: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = from_args(argv) {
        return lang;
    }
    if let Some(lang) = env("BANGTIN_LANG").and_then(|v| parse(&v)) {
        return lang;
    }
    match env("LANG") {
        Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// `vi`, `en` or a locale name starting with one of them.
fn parse(value: &str) -> Option<Lang> {
    let v = value.trim().to_ascii_lowercase();
    if v.starts_with("en") {
        Some(Lang::En)
    } else if v.starts_with("vi") {
        Some(Lang::Vi)
    } else {
        None
    }
}

/// The last `--lang X` / `--lang=X` before a `--`; a value clap will refuse
/// (`--lang fr`) leaves the choice to the environment, so the refusal is
/// still in a language the person reads.
fn from_args(argv: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = argv.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(v) = value {
            match v.as_str() {
                "vi" => found = Some(Lang::Vi),
                "en" => found = Some(Lang::En),
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide_with(args: &[&str], env: &[(&str, &str)]) -> Lang {
        let argv: Vec<OsString> = std::iter::once("bangtin")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        decide(&argv, |k| {
            env.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_command_line_wins_then_bangtin_lang_then_lang() {
        assert_eq!(decide_with(&[], &[]), Lang::Vi);
        assert_eq!(decide_with(&["--lang", "en", "build"], &[]), Lang::En);
        assert_eq!(decide_with(&["build", "--lang=en"], &[]), Lang::En);
        assert_eq!(
            decide_with(&["--lang", "vi"], &[("BANGTIN_LANG", "en")]),
            Lang::Vi
        );
        assert_eq!(decide_with(&[], &[("BANGTIN_LANG", "en")]), Lang::En);
        assert_eq!(
            decide_with(&[], &[("BANGTIN_LANG", "vi"), ("LANG", "en_US.UTF-8")]),
            Lang::Vi
        );
        assert_eq!(decide_with(&[], &[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(decide_with(&[], &[("LANG", "vi_VN.UTF-8")]), Lang::Vi);
        assert_eq!(decide_with(&[], &[("LANG", "C")]), Lang::Vi);
        assert_eq!(decide_with(&[], &[("LANG", "POSIX")]), Lang::Vi);
        // A value clap refuses leaves the choice to the environment.
        assert_eq!(
            decide_with(&["--lang", "fr"], &[("LANG", "en_GB.UTF-8")]),
            Lang::En
        );
        // After `--` it is a value, not an option.
        assert_eq!(decide_with(&["new", "--", "--lang", "en"], &[]), Lang::Vi);
    }
}
