//! The workspace: the folder `kaohe serve` was given. Every path a request
//! names is relative to it and must stay inside it: no absolute path, no
//! `..`, no symbolic link leading out (checked on the real path). Files are
//! read whole and saved atomically (a temporary file beside the target,
//! then a rename), and only when the file on disk is still the one the page
//! opened (its version, a SHA-256 of its bytes).

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The workspace folder, as its real path.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

/// Why a path or a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Absolute, with `..`, empty, or leading outside through a link.
    Outside(String),
    NotFound(String),
    /// The file changed on disk since the page opened it.
    Changed {
        path: String,
        version: Option<String>,
    },
    Io(String),
}

/// Files the page may open.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Listing {
    pub policies: Vec<String>,
    /// `.json`, `.toml`, `.xlsx` files and folders holding `得分.csv`.
    pub data: Vec<String>,
}

/// Folders not looked into.
const SKIPPED: [&str; 3] = ["target", "node_modules", ".git"];
const DEPTH: usize = 4;

impl Workspace {
    pub fn new(folder: &Path) -> std::io::Result<Workspace> {
        Ok(Workspace {
            root: folder.canonicalize()?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of `rel`, if it stays inside. A file that does not exist
    /// yet is allowed when its folder is inside.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf, Refused> {
        let outside = || Refused::Outside(rel.to_string());
        let path = Path::new(rel);
        let plain = !rel.is_empty()
            && !rel.contains('\\')
            && path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(outside());
        }
        let joined = self.root.join(path);
        let real = match joined.canonicalize() {
            Ok(real) => real,
            Err(_) => {
                let parent = joined.parent().ok_or_else(outside)?;
                let name = joined.file_name().ok_or_else(outside)?;
                let parent = parent
                    .canonicalize()
                    .map_err(|_| Refused::NotFound(rel.to_string()))?;
                // A dangling link is no new file.
                if joined.symlink_metadata().is_ok() {
                    return Err(outside());
                }
                parent.join(name)
            }
        };
        if real.starts_with(&self.root) && real != self.root {
            Ok(real)
        } else {
            Err(outside())
        }
    }

    /// The policies and data files, by relative path, sorted.
    pub fn list(&self) -> Listing {
        let mut out = Listing::default();
        self.walk(&self.root, 0, &mut out);
        out.policies.sort();
        out.data.sort();
        out
    }

    fn walk(&self, dir: &Path, depth: usize, out: &mut Listing) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(real) = path.canonicalize() else {
                continue;
            };
            if name.starts_with('.') || !real.starts_with(&self.root) {
                continue;
            }
            let Some(rel) = self.relative(&path) else {
                continue;
            };
            if real.is_dir() {
                if SKIPPED.contains(&name.as_str()) || depth >= DEPTH {
                    continue;
                }
                if ["得分.csv", "scores.csv"]
                    .iter()
                    .any(|f| real.join(f).is_file())
                {
                    out.data.push(rel.clone());
                }
                self.walk(&path, depth + 1, out);
            } else {
                let lower = name.to_lowercase();
                if lower.ends_with(".kh") {
                    out.policies.push(rel);
                } else if [".json", ".toml", ".xlsx"]
                    .iter()
                    .any(|x| lower.ends_with(x))
                {
                    out.data.push(rel);
                }
            }
        }
    }

    fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// A file's text and version.
    pub fn read(&self, rel: &str) -> Result<(String, String), Refused> {
        let path = self.resolve(rel)?;
        let bytes = std::fs::read(&path).map_err(|_| Refused::NotFound(rel.to_string()))?;
        let version = crate::driver::sha256_bytes(&bytes);
        let text =
            String::from_utf8(bytes).map_err(|_| Refused::Io(format!("{rel}: not UTF-8")))?;
        Ok((text, version))
    }

    /// Writes `text` to `rel` if the file on disk is still at `version`
    /// (`None`: it must not exist yet). Returns the new version.
    pub fn save(&self, rel: &str, text: &str, version: Option<&str>) -> Result<String, Refused> {
        let path = self.resolve(rel)?;
        let current = std::fs::read(&path)
            .ok()
            .map(|b| crate::driver::sha256_bytes(&b));
        if current.as_deref() != version {
            return Err(Refused::Changed {
                path: rel.to_string(),
                version: current,
            });
        }
        let dir = path
            .parent()
            .ok_or_else(|| Refused::Outside(rel.to_string()))?;
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = dir.join(format!(".{name}.kaohe-{}-{n}.tmp", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create_new(&temp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&temp, &path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(Refused::Io(format!("{rel}: {e}")));
        }
        Ok(crate::driver::sha256_bytes(text.as_bytes()))
    }
}
