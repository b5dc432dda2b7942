#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

//! `kaohe lsp` in a real editor: Neovim, headless, with the set-up of
//! docs/editors.md (`tests/editors/nvim_init.lua`), opens a policy with a
//! misspelt unit, sees KH201, applies the quick fix through its own client
//! (which sends the change back), sees the error go, and hovers the name
//! (`tests/editors/nvim_session.lua`). Skipped, with a note, without `nvim`,
//! unless `CI` is set (`.ci/run` installs Debian's Neovim).

mod common;

use std::process::Command;

use common::{TempDir, root};

#[test]
fn neovim_shows_the_finding_applies_the_fix_and_hovers() {
    let have = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if !have {
        assert!(
            !in_ci,
            "CI is set but nvim is missing (.ci/run installs neovim)"
        );
        eprintln!("skipped: no nvim here (apt-get install -y neovim to run it)");
        return;
    }
    let dir = TempDir::new("neovim");
    let policy = std::fs::read_to_string(root().join("policies/shaoxing-2019.kh"))
        .unwrap()
        .replacen("不含 办公室", "不含 中心办公室", 1);
    let file = dir.write("2019.kh", &policy);
    let out = dir.path().join("seen.txt");
    let editors = root().join("tests/editors");
    let o = Command::new("timeout")
        .arg("120")
        .arg("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(editors.join("nvim_init.lua"))
        .arg(&file)
        .arg("-c")
        .arg(format!(
            "luafile {}",
            editors.join("nvim_session.lua").display()
        ))
        .env("KAOHE", env!("CARGO_BIN_EXE_kaohe"))
        .env("KAOHE_NVIM_OUT", &out)
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .current_dir(dir.path())
        .output()
        .unwrap();
    let seen = std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!(
            "nvim wrote nothing: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    assert!(seen.contains("diagnostic 67 KH201"), "{seen}");
    assert!(seen.contains("是否指「办公室」"), "{seen}");
    assert!(seen.contains("action 改为 办公室"), "{seen}");
    assert!(seen.contains("line     不含 办公室 \""), "{seen}");
    assert!(seen.contains("errors 0"), "{seen}");
    assert!(
        seen.contains("hover **单位** `办公室` — 分组 机关处室"),
        "{seen}"
    );
}
