#!/usr/bin/env python3
"""A drafter's session in Helix, in a pseudo-terminal read by pyte.

Usage: helix_session.py HX KAOHE

Opens the 2019 policy with `不含 办公室` written `不含 中心办公室` in Helix
configured as docs/editors.md says (languages.toml), and prints the screen
after each step: the policy opened (the diagnostic shown), the code actions
at the misspelt name (space a), the quick fix applied, the hover on the name
(space k). Exits 1 when a step does not show what it should. Not in CI
(Helix is built from source: `cargo build --release --bin hx` in a checkout
of helix-editor/helix, with HELIX_RUNTIME pointing at its runtime/; pyte from
PyPI reads the screen). The transcript in docs/editors.md comes from it.
"""

import os
import pty
import select
import shutil
import sys
import tempfile
import time

import pyte

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COLS, ROWS = 150, 40


class Screen(pyte.Screen):
    """pyte's screen, taking the private status queries terminals get
    (crossterm asks for keyboard enhancement; no answer means none)."""

    def report_device_status(self, *args, **kwargs):
        kwargs.pop("private", None)
        if not kwargs.get("private"):
            return None
        return None


def main():
    hx, kaohe = sys.argv[1], sys.argv[2]
    home = tempfile.mkdtemp(prefix="kaohe-hx-")
    os.makedirs(os.path.join(home, ".config", "helix"))
    with open(os.path.join(home, ".config", "helix", "languages.toml"), "w") as f:
        f.write(f'''[language-server.kaohe]
command = "{kaohe}"
args = ["lsp"]

[[language]]
name = "kaohe"
scope = "source.kaohe"
file-types = ["kh"]
comment-token = "//"
language-servers = ["kaohe"]
indent = {{ tab-width = 4, unit = "    " }}
''')
    with open(os.path.join(ROOT, "policies", "shaoxing-2019.kh"), encoding="utf-8") as f:
        text = f.read().replace("不含 办公室", "不含 中心办公室", 1)
    policy = os.path.join(home, "shaoxing-2019.kh")
    with open(policy, "w", encoding="utf-8") as f:
        f.write(text)
    screen = Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(home)
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
                   TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
        os.execvpe(hx, [hx, "shaoxing-2019.kh"], env)
    import fcntl
    import struct
    import termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def pump(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    stream.feed(os.read(fd, 65536))
                except OSError:
                    return

    def shown():
        return "\n".join(line.rstrip() for line in screen.display)

    def until(what, seconds=20):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pump(0.2)
            if what in shown():
                return True
        return False

    def send(keys):
        os.write(fd, keys.encode("utf-8"))
        pump(0.5)

    failures = []
    steps = []
    pump(2)
    send(":67\r")
    send("f中")
    if not until("中心办公室"):
        failures.append("the policy did not open")
    until("未知", 20)
    steps.append(("opened, at line 67", shown()))
    if "未知" not in shown():
        failures.append("no KH201 diagnostic on screen")
    send(" a")
    if not until("改为 办公室", 10):
        failures.append("no quick fix in the code actions")
    steps.append(("space a: the code actions", shown()))
    send("\r")
    pump(3)
    line = [l for l in screen.display if "不含" in l and "中心办公室只参加" in l]
    steps.append(("the fix applied", shown()))
    if not line or "不含 中心办公室" in line[0]:
        failures.append("the fix was not applied")
    send(":67\r")
    send("f办")
    send(" k")
    if not until("分组 机关处室", 10):
        failures.append("no hover")
    steps.append(("space k: the hover", shown()))
    send("\x1b")
    send(":q!\r")
    pump(1)
    for title, screen_text in steps:
        print(f"===== {title} =====")
        print(screen_text)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
