//! The progress bar of `eval` on a terminal (indicatif, on stderr): shown
//! only when stderr is a terminal, so pipes, files and CI logs stay clean.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::Lang;
use crate::progress::{Progress, Quiet};

pub struct Bar {
    bar: ProgressBar,
    lang: Lang,
}

/// A bar when stderr is a terminal, else nothing.
pub fn for_terminal(lang: Lang) -> Box<dyn Progress> {
    if !std::io::stderr().is_terminal() {
        return Box::new(Quiet);
    }
    let bar = ProgressBar::with_draw_target(Some(1), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg:8} [{bar:40}] {percent:>3}%  {elapsed}")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Box::new(Bar { bar, lang })
}

impl Bar {
    fn show(&self, zh: &'static str, en: &'static str, done: usize, total: usize) {
        let msg = if self.lang == Lang::Zh { zh } else { en };
        if self.bar.message() != msg {
            self.bar.set_message(msg);
            self.bar.reset_elapsed();
        }
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
    }
}

impl Progress for Bar {
    fn reading(&self, done: usize, total: usize) {
        self.show("读取数据", "reading", done, total);
    }

    fn writing(&self, done: usize, total: usize) {
        self.show("输出结果", "writing", done, total);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
