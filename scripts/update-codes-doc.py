#!/usr/bin/env python3
"""Rewrites the output blocks of docs/codes.md and docs/codes.en.md with what
the binary prints now, the way tests/codes_doc.rs runs each command (the
section's first block of each file kind written to a scratch folder). Review
the diff before committing: the test exists so that output changes are seen.

usage: cargo build && python3 scripts/update-codes-doc.py
"""
import os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "kaohe")
KINDS = {".kh": "kaohe", ".json": "json", ".toml": "toml", ".csv": "csv"}


def update(doc):
    path = os.path.join(ROOT, doc)
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"(?m)^(?=## KH\d{3})", text)
    out = []
    for part in parts:
        blocks = re.findall(r"```(\w+)\n(.*?)```", part, re.S)
        first = {}
        for lang, body in blocks:
            first.setdefault(lang, body)

        def run(m):
            command, _, _ = m.group(1).partition("\n")
            if not command.startswith("$ kaohe "):
                return m.group(0)
            args = command[len("$ kaohe "):].split()
            with tempfile.TemporaryDirectory() as d:
                for a in args:
                    for ext, lang in KINDS.items():
                        if a.endswith(ext) and lang in first:
                            open(os.path.join(d, a), "w", encoding="utf-8").write(first[lang])
                r = subprocess.run([BIN] + args, cwd=d, capture_output=True,
                                   env=dict(os.environ, NO_COLOR="1"))
            output = (r.stdout + r.stderr).decode("utf-8")
            lines = [l.rstrip() for l in output.split("\n")]
            while lines and not lines[-1]:
                lines.pop()
            return "```text\n" + command + "\n" + "\n".join(lines) + "\n```"

        out.append(re.sub(r"```text\n(.*?)```", run, part, flags=re.S))
    new = "".join(out)
    if new != text:
        open(path, "w", encoding="utf-8").write(new)
        print(f"updated {doc}")


if __name__ == "__main__":
    for doc in sys.argv[1:] or ["docs/codes.md", "docs/codes.en.md"]:
        update(doc)
