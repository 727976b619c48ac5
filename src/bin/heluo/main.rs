//! `heluo`: the command line over the same core the page runs.
//!
//! ```text
//!   heluo check FILE…        FILE:LINE:COL: the page's message      (check.rs)
//!   heluo render FILE …      the page's "下载 SVG", or it rasterised  (render.rs, raster.rs)
//!   heluo html FILE …        the page's standalone download          (html.rs)
//!   heluo cards FILE …       one image per village, pinned            (cards.rs, names.rs)
//! ```
//!
//! Every failure is a [`Failure`]: a message and an exit code, printed once in
//! `main`, never a panic. Native only: on wasm32 this binary is an empty stub,
//! so that `cargo test --target wasm32-unknown-unknown` (which builds every
//! binary of the crate) never compiles clap or resvg.

#[cfg(not(target_arch = "wasm32"))]
mod cards;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod load;
#[cfg(not(target_arch = "wasm32"))]
mod names;
#[cfg(not(target_arch = "wasm32"))]
mod raster;
#[cfg(not(target_arch = "wasm32"))]
mod render;

/// The language of the command's own messages: `--lang` when given, else English.
#[cfg(not(target_arch = "wasm32"))]
static MESSAGES: std::sync::OnceLock<heluo::text::Lang> = std::sync::OnceLock::new();

/// The command's own words in the language of its messages: `en` or `zh`,
/// written as `say!("… {x} …", "… {x} …")` (named arguments from the scope).
#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! say {
    ($en:literal, $zh:literal) => {
        if $crate::chinese() {
            format!($zh)
        } else {
            format!($en)
        }
    };
}

/// Whether the command speaks Chinese (`--lang zh-CN`).
#[cfg(not(target_arch = "wasm32"))]
pub fn chinese() -> bool {
    MESSAGES.get() == Some(&heluo::text::Lang::Zh)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    // A panic would be a bug; say so in one line rather than with a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let what = info.payload_as_str().unwrap_or("a panic");
        eprintln!("heluo: internal error: {what} (please report this, with the command and file)");
    }));
    let args = cli::Cli::parse();
    let lang = match &args.command {
        cli::Command::Check(a) => a.lang,
        cli::Command::Render(a) => a.look.lang,
        cli::Command::Html(a) => a.lang,
        cli::Command::Cards(a) => a.look.lang,
    };
    let _ = MESSAGES.set(lang.map_or(heluo::text::Lang::En, |l| l.lang()));
    let result = match args.command {
        cli::Command::Check(a) => check::run(&a),
        cli::Command::Render(a) => render::run(&a),
        cli::Command::Html(a) => html::run(&a),
        cli::Command::Cards(a) => cards::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("heluo: {}", failure.message);
            std::process::ExitCode::from(failure.code)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// Why a command failed: what to tell the user, and the exit code (1: the
/// data or the output; 2: how the command was called).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

#[cfg(not(target_arch = "wasm32"))]
impl Failure {
    /// A problem with the data, a file or the output: exit 1.
    pub fn data(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// A problem with how the command was called: exit 2.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}
