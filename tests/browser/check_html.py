#!/usr/bin/env python3
"""Opens a kaohe HTML report in headless Chromium and checks what a reader sees.

Usage: check_html.py REPORT.html RULINGS.json

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe:
commands on fd 3, replies on fd 4, each message JSON ended by a NUL byte), so
only Python's standard library is needed. Checks, on screen:
  - every unit of RULINGS.json is named in a visible element of the ranking
    table, of the chart and of the explanations;
  - the chart is an SVG with one bar per unit, its labels inside the drawing;
  - no console error, no uncaught exception, no request but the file itself;
and for print: A4, each unit's explanation starting on a new page, one PDF
page at least per unit.
Exits 0 when all hold, 1 otherwise (a line per failure on stderr).
"""

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

DEADLINE = 25.0


class Browser:
    def __init__(self, chromium, profile):
        cmd_r, self.cmd_w = os.pipe()
        self.out_r, out_w = os.pipe()
        # Above 4, so that dup2 onto 3 and 4 below always makes new, inheritable fds.
        cmd_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
        out_w = fcntl.fcntl(out_w, fcntl.F_DUPFD_CLOEXEC, 10)

        def wire():
            os.dup2(cmd_r, 3)
            os.dup2(out_w, 4)

        self.proc = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-pipe",
                "--user-data-dir=" + profile,
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire,
        )
        os.close(cmd_r)
        os.close(out_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.start = time.monotonic()

    def _read_message(self):
        while b"\0" not in self.buf:
            left = DEADLINE - (time.monotonic() - self.start)
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.out_r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.out_r, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        for e in self.events:
            if e.get("method") == method:
                return e
        while True:
            e = self._read_message()
            self.events.append(e)
            if e.get("method") == method:
                return e

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# Runs in the page: what a reader can see. Returns a JSON-able summary.
SEE = r"""
(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && parseFloat(s.opacity) > 0;
  };
  const names = NAMES;
  const shown = (root, name) => [...root.querySelectorAll('td, text')]
      .some((el) => el.textContent.trim() === name && visible(el));
  const table = document.querySelector('table.ranking');
  const svg = document.querySelector('svg.chart');
  const articles = [...document.querySelectorAll('article.unit')];
  const box = svg ? svg.viewBox.baseVal : null;
  const bars = svg ? [...svg.querySelectorAll('g.bar')] : [];
  return {
    inTable: names.filter((n) => !(table && shown(table, n))),
    inChart: names.filter((n) => !(svg && shown(svg, n))),
    // An explanation's heading is the name, then the group in a span.
    inArticles: names.filter((n) => !articles.some((a) => [...a.querySelectorAll('h3')]
      .some((h) => h.firstChild && h.firstChild.textContent.trim() === n && visible(h)))),
    svgVisible: !!svg && visible(svg),
    bars: bars.length,
    emptyBars: bars.filter((g) => !(g.querySelector('rect').getBBox().width > 0)).length,
    labelsOutside: bars.flatMap((g) => [...g.querySelectorAll('text')]).filter((t) => {
      const b = t.getBBox();
      return b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height;
    }).map((t) => t.textContent),
    articles: articles.length,
    title: document.title,
  };
})()
"""

# Explanations that do not start a printed page: each must break before
# itself, or follow right after a heading that does (the first one).
PRINT = r"""
[...document.querySelectorAll('article.unit')].filter((a) => {
  const prev = a.previousElementSibling;
  const led = prev && prev.tagName === 'H2' && getComputedStyle(prev).breakBefore === 'page';
  return !(getComputedStyle(a).breakBefore === 'page' || led);
}).length
"""


def console_failures(events, allowed_request, expected_error=lambda entry: False):
    """What the page logged that it should not have: console errors and
    uncaught exceptions (but the `expected_error` log entries a test provokes),
    and any request `allowed_request` does not allow."""
    failures = []
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            failures.append(f"console error: {p.get('args')}")
        elif m == "Runtime.exceptionThrown":
            failures.append(f"exception: {p.get('exceptionDetails')}")
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            if not expected_error(p["entry"]):
                failures.append(f"console error: {p['entry'].get('text')} {p['entry'].get('url', '')}")
        elif m == "Network.requestWillBeSent" and not allowed_request(p["request"]["url"]):
            failures.append(f"request: {p['request']['url']}")
    return failures


def evaluate(b, session, expr):
    r = b.send("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session)
    if "exceptionDetails" in r:
        raise RuntimeError(f"script failed: {r['exceptionDetails']}")
    return r["result"]["value"]


def check(chromium, report, rulings):
    names = [u["unit"] for u in json.load(open(rulings, encoding="utf-8"))["units"]]
    url = "file://" + os.path.abspath(report)
    failures = []
    profile = tempfile.mkdtemp(prefix="kaohe-chromium-")
    b = Browser(chromium, profile)
    try:
        targets = b.send("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        session = b.send("Target.attachToTarget", {"targetId": page, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(domain + ".enable", {}, session)
        b.events.clear()
        b.send("Page.navigate", {"url": url}, session)
        b.wait_for("Page.loadEventFired")
        seen = evaluate(b, session, SEE.replace("NAMES", json.dumps(names, ensure_ascii=False)))
        for where in ("inTable", "inChart", "inArticles"):
            if seen[where]:
                failures.append(f"not visible {where}: {seen[where]}")
        if not seen["svgVisible"]:
            failures.append("the chart is not visible")
        if seen["bars"] != len(names):
            failures.append(f"{seen['bars']} bars for {len(names)} units")
        if seen["emptyBars"]:
            failures.append(f"{seen['emptyBars']} bars have no width")
        if seen["labelsOutside"]:
            failures.append(f"chart labels cut off: {seen['labelsOutside']}")
        if seen["articles"] != len(names):
            failures.append(f"{seen['articles']} explanations for {len(names)} units")

        b.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
        if evaluate(b, session, PRINT):
            failures.append("an explanation does not start on a new printed page")
        pdf = base64.b64decode(
            b.send("Page.printToPDF", {"preferCSSPageSize": True}, session)["data"]
        )
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        if pages < len(names) + 1:
            failures.append(f"the printout has {pages} pages for {len(names)} units")
        # A4 is 595 x 842 points.
        if not re.search(rb"/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\s*\]", pdf):
            failures.append("the printout is not A4")

        failures += console_failures(b.events, lambda req: req == url)
        print(f"{seen['title']}: {len(names)} units, {seen['bars']} bars, {pages} printed pages")
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    return failures


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found", file=sys.stderr)
        return 2
    failures = check(chromium, sys.argv[1], sys.argv[2])
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
