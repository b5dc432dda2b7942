#!/usr/bin/env bash
# Browser check of the HTML report (issue 5, item 4): renders the shipped
# sample's report (Chinese and English) and a report with caps, grades and
# ties in headless Chromium, and checks that every unit and the chart are
# visible, nothing is logged as an error, nothing is fetched, and the
# printout is A4 with each unit's explanation on its own pages.
#
#   tests/browser/check_html.sh            # uses target/debug/kaohe (built if missing)
#   KAOHE=path/to/kaohe CHROMIUM=path/to/chromium tests/browser/check_html.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
kaohe="${KAOHE:-$root/target/debug/kaohe}"
if [ ! -x "$kaohe" ]; then
    cargo build --quiet
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

check() { # policy data lang
    local name
    name="$(basename "$2" .json).$3"
    "$kaohe" --lang "$3" eval "$1" "$2" --format html -o "$out/$name.html"
    "$kaohe" eval "$1" "$2" --format json -o "$out/$name.json"
    python3 "$root/tests/browser/check_html.py" "$out/$name.html" "$out/$name.json"
}

check policies/shaoxing-2019.kh policies/shaoxing-2019.sample.json zh
check policies/shaoxing-2019.kh policies/shaoxing-2019.sample.json en
check tests/corpus/ok/features-2b.kh tests/data/features-2b.json zh
echo "browser check passed"
