//! `kaohe serve [FOLDER]`: the workbench in a browser (see `src/serve/`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::i18n::Lang;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// 工作目录：其中的 .kh 办法和数据文件（默认当前目录） / the workspace folder (default: the current one)
    #[arg(default_value = ".")]
    pub folder: PathBuf,
    /// 端口（0 表示任选一个空闲端口） / the port (0: any free one)
    #[arg(long, default_value_t = 4810)]
    pub port: u16,
    /// 监听的地址；默认只在本机（127.0.0.1） / the address to listen on; loopback by default
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// 启动后打开浏览器 / open the default browser
    #[arg(long)]
    pub open: bool,
}

pub fn run(args: ServeArgs, lang: Lang) -> ExitCode {
    let options = crate::serve::Options {
        folder: args.folder.clone(),
        host: args.host,
        port: args.port,
        open: args.open,
    };
    match crate::serve::run(options, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}",
                match lang {
                    Lang::Zh => format!("kaohe serve：无法启动（{}）：{e}", args.folder.display()),
                    Lang::En =>
                        format!("kaohe serve: cannot start ({}): {e}", args.folder.display()),
                }
            );
            ExitCode::from(2)
        }
    }
}
