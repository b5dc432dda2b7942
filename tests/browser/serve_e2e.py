#!/usr/bin/env python3
"""The workbench (`kaohe serve`) driven in headless Chromium as a drafter uses it.

Usage: serve_e2e.py KAOHE ARTIFACTS

Copies the shipped policies and sample data into a fresh workspace (with the
2019 sample also as a workbook, made by `kaohe template --data`), starts
`KAOHE serve WORKSPACE --port 0`, and in a 1366x768 window:
  1. opens the 2019 policy: clean;
  2. writes `不含 中心办公室`: KH201 with the 办公室 suggestion appears;
  3. clicks the fix: the policy is clean again;
  4. runs the examples: all pass;
  5. evaluates the sample as a workbook: the ranking has 综合业务处 first, the
     先进 list is shown;
  6. downloads the XLSX report and reads it back;
  7. compares 2019 with 2020 on the sample data;
  8. switches to English: the page and the findings are in English;
and on the way reads the hover under the editor, reloads the page (unsaved
edits come back), saves, and is refused a save of a file changed on disk;
and saves a screenshot of each step in ARTIFACTS. No console error, no
exception, no request outside the server. Exits 0 when all hold.
Talks to Chromium over the DevTools pipe (tests/browser/check_html.py).
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_html  # noqa: E402

check_html.DEADLINE = 180.0
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def workspace(kaohe):
    ws = tempfile.mkdtemp(prefix="kaohe-ws-")
    for name in os.listdir(os.path.join(ROOT, "policies")):
        shutil.copy(os.path.join(ROOT, "policies", name), ws)
    subprocess.run(
        [kaohe, "template", os.path.join(ws, "shaoxing-2019.kh"), "--data",
         os.path.join(ws, "shaoxing-2019.sample.json"), "-o", os.path.join(ws, "2019年度考核数据.xlsx")],
        check=True, capture_output=True,
    )
    return ws


def start(kaohe, ws):
    proc = subprocess.Popen([kaohe, "serve", ws, "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    url = line[line.index("http://"):].split("/", 3)
    return proc, "/".join(url[:3]) + "/"


class Page:
    def __init__(self, b, session, shots):
        self.b, self.s, self.shots, self.n = b, session, shots, 0

    def js(self, expr):
        r = self.b.send("Runtime.evaluate",
                        {"expression": expr, "returnByValue": True, "awaitPromise": True}, self.s)
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {expr[:80]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def until(self, expr, what, seconds=60):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            v = self.js(expr)
            if v:
                return v
            time.sleep(0.1)
        raise AssertionError(f"timed out: {what}")

    def shot(self, name):
        self.n += 1
        # KAOHE_SHOTS=jpeg: smaller pictures, for docs/serve.md.
        kind = "jpeg" if os.environ.get("KAOHE_SHOTS") == "jpeg" else "png"
        params = {"format": kind, "quality": 80} if kind == "jpeg" else {"format": kind}
        data = self.b.send("Page.captureScreenshot", params, self.s)["data"]
        path = os.path.join(self.shots, f"{self.n:02d}-{name}.{'jpg' if kind == 'jpeg' else 'png'}")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def run(chromium, kaohe, shots):
    ws = workspace(kaohe)
    server, url = start(kaohe, ws)
    downloads = tempfile.mkdtemp(prefix="kaohe-dl-")
    profile = tempfile.mkdtemp(prefix="kaohe-chromium-")
    b = check_html.Browser(chromium, profile)
    failures = []
    try:
        targets = b.send("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        s = b.send("Target.attachToTarget", {"targetId": page, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(domain + ".enable", {}, s)
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False}, s)
        b.send("Browser.setDownloadBehavior",
               {"behavior": "allow", "downloadPath": downloads, "eventsEnabled": True})
        b.events.clear()
        b.send("Page.navigate", {"url": url}, s)
        b.wait_for("Page.loadEventFired")
        p = Page(b, s, shots)

        # 1. The workspace, the 2019 policy.
        p.until("document.querySelector('#file').options.length > 0", "the file list")
        p.js("""(async () => { const f = document.querySelector('#file');
                 f.value = 'shaoxing-2019.kh'; f.dispatchEvent(new Event('change')); })()""")
        p.until("document.querySelector('#text').value.includes('绍兴市机关事务服务中心')", "the policy")
        p.until("document.querySelector('#count').textContent !== ''", "the first check")
        errors = p.js("[...document.querySelectorAll('#findings li.error')].length")
        if errors:
            failures.append(f"the shipped policy shows {errors} errors")
        p.shot("open")

        # 2. A misspelt unit: KH201 with its suggestion.
        p.js("""(() => { const t = document.querySelector('#text');
                 t.value = t.value.replace('不含 办公室', '不含 中心办公室');
                 t.dispatchEvent(new Event('input')); })()""")
        p.until("[...document.querySelectorAll('#findings li')].some(li => li.dataset.code === 'KH201')",
                "KH201 appears")
        fix = p.js("""(() => { const li = [...document.querySelectorAll('#findings li')]
                       .find(li => li.dataset.code === 'KH201');
                       return li.querySelector('button.fix').textContent; })()""")
        if "办公室" not in fix:
            failures.append(f"the fix does not suggest 办公室: {fix}")
        underlined = p.js("document.querySelectorAll('#highlight .d-error').length")
        if not underlined:
            failures.append("the misspelt name is not underlined")
        p.shot("kh201")

        # 3. One click fixes it.
        p.js("""[...document.querySelectorAll('#findings li')].find(li => li.dataset.code === 'KH201')
                .querySelector('button.fix').click()""")
        p.until("""document.querySelector('#text').value.includes('不含 办公室')
                   && ![...document.querySelectorAll('#findings li')].some(li => li.severity === 'error'
                   || li.classList.contains('error'))""", "the policy clean again")
        p.shot("fixed")

        # What is under the caret: the hover of the language server.
        p.js("""(() => { const t = document.querySelector('#text');
                 const at = t.value.indexOf('不含 办公室') + 4; t.focus(); t.setSelectionRange(at, at);
                 t.dispatchEvent(new Event('click')); })()""")
        p.until("(document.querySelector('#here .hover') || {}).textContent", "the hover under the editor")
        shown = p.js("document.querySelector('#here .hover').textContent")
        if "单位" not in shown or "办公室" not in shown:
            failures.append(f"the hover at 办公室: {shown}")

        # Unsaved edits survive a reload.
        p.js("""(() => { const t = document.querySelector('#text');
                 t.value = t.value + '// 未保存的一行\\n'; t.dispatchEvent(new Event('input')); })()""")
        b.events.clear()
        b.send("Page.reload", {}, s)
        b.wait_for("Page.loadEventFired")
        p.until("document.querySelector('#text').value.includes('// 未保存的一行')", "the draft restored")
        if "恢复" not in p.js("document.querySelector('#status').textContent"):
            failures.append("the restored draft is not said")
        # Saved; then changed on disk by someone else: the save is refused, the text kept.
        p.js("document.querySelector('#save').click()")
        p.until("document.querySelector('#status').textContent === '已保存'", "saved")
        with open(os.path.join(ws, "shaoxing-2019.kh"), encoding="utf-8") as f:
            on_disk = f.read()
        if "// 未保存的一行" not in on_disk:
            failures.append("the save did not reach the file")
        with open(os.path.join(ws, "shaoxing-2019.kh"), "a", encoding="utf-8") as f:
            f.write("// 另一个程序写的\n")
        p.js("""(() => { const t = document.querySelector('#text');
                 t.value = t.value.replace('// 未保存的一行\\n', ''); t.dispatchEvent(new Event('input'));
                 document.querySelector('#save').click(); })()""")
        p.until("document.querySelector('#status').classList.contains('bad')", "the refused save")
        refused = p.js("document.querySelector('#status').textContent")
        if "已被修改" not in refused or "// 未保存的一行" in p.js("document.querySelector('#text').value"):
            failures.append(f"the refused save: {refused}")
        p.shot("save-refused")

        # 4. The examples.
        p.js("document.querySelector('#run-examples').click()")
        summary = p.until("(document.querySelector('#examples h2') || {}).textContent", "the examples")
        if "0 个失败" not in summary or p.js("document.querySelectorAll('#examples li.fail').length"):
            failures.append(f"examples: {summary}")
        p.shot("examples")

        # 5. The sample as a workbook.
        p.js("document.querySelector('[data-tab=data]').click()")
        p.js("""(() => { const d = document.querySelector('#datafile');
                 d.value = '2019年度考核数据.xlsx'; d.dispatchEvent(new Event('change'));
                 document.querySelector('#evaluate').click(); })()""")
        first = p.until("""(() => { const doc = document.querySelector('#report').contentDocument;
                 const row = doc && doc.querySelector('table.ranking tbody tr');
                 return row && row.textContent; })()""", "the ranking")
        if "综合业务处" not in first:
            failures.append(f"the first of the ranking: {first}")
        lists = p.js("document.querySelector('#report').contentDocument.body.textContent")
        if "先进" not in lists:
            failures.append("no 先进 list in the results")
        p.shot("results")

        # The same data dropped onto the page (read in the browser, sent as an upload).
        p.js("""(async () => {
                 const r = await fetch('/api/file?path=shaoxing-2019.sample.json');
                 const f = new File([(await r.json()).text], '拖入的数据.json');
                 document.querySelector('#report').srcdoc = '';
                 await dropped([f]); })()""")
        again = p.until("""(() => { const doc = document.querySelector('#report').contentDocument;
                 const row = doc && doc.querySelector('table.ranking tbody tr');
                 return row && row.textContent; })()""", "the ranking of the dropped data")
        if "综合业务处" not in again or "拖入的数据.json" not in p.js("document.querySelector('#dropped').textContent"):
            failures.append(f"the dropped data: {again}")

        # 6. The XLSX report, downloaded and read back.
        p.js("document.querySelector('[data-download=xlsx]').click()")
        end = time.monotonic() + 60
        found = []
        while time.monotonic() < end:
            found = [f for f in os.listdir(downloads) if f.endswith(".xlsx")]
            if found:
                break
            time.sleep(0.2)
        if not found:
            failures.append("the XLSX report was not downloaded")
        else:
            time.sleep(0.5)
            with zipfile.ZipFile(os.path.join(downloads, found[0])) as z:
                strings = z.read("xl/sharedStrings.xml").decode("utf-8")
            if "综合业务处" not in strings:
                failures.append("the downloaded workbook does not name 综合业务处")
        p.shot("downloaded")

        # Last year against this year, with the data: the units that move.
        p.js("document.querySelector('[data-tab=diff]').click()")
        p.js("""(() => { const set = (id, v) => { const e = document.querySelector(id); e.value = v; };
                 set('#old', 'shaoxing-2019.kh'); set('#new', 'shaoxing-2020.kh');
                 set('#diffdata', 'shaoxing-2019.sample.json');
                 document.querySelector('#compare').click(); })()""")
        out = p.until("document.querySelector('#diffout').textContent", "the comparison")
        if "shaoxing-2020.kh" not in out:
            failures.append(f"the comparison: {out[:200]}")
        p.shot("compare")

        # 7. English.
        p.js("document.querySelector('#lang').click()")
        p.js("document.querySelector('[data-tab=policy]').click()")
        p.until("document.querySelector('#save').textContent === 'Save'", "English labels")
        p.until("""(() => { const m = document.querySelector('#findings li .message');
                   return m && /[a-z]{4}/.test(m.textContent); })()""", "English findings")
        p.shot("english")

        def own(req):
            return req.startswith(url) or req.startswith(("data:", "blob:")) or req == "about:srcdoc"

        def refused_save(entry):
            # The one refusal asked for: Chromium logs every 4xx response.
            return (entry.get("source") == "network" and "409" in entry.get("text", "")
                    and entry.get("url", "").endswith("/api/save"))

        failures += check_html.console_failures(b.events, own, refused_save)
    except Exception as e:  # a step that timed out or failed: say which
        failures.append(f"{type(e).__name__}: {e}")
        try:
            Page(b, s, shots).shot("failed")
        except Exception:
            pass
    finally:
        b.close()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(downloads, ignore_errors=True)
        shutil.rmtree(ws, ignore_errors=True)
    return failures


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found", file=sys.stderr)
        return 2
    kaohe, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    failures = run(chromium, kaohe, shots)
    for f in failures:
        print("FAIL: " + f, file=sys.stderr)
    if not failures:
        print(f"serve e2e passed; screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
