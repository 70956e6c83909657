#!/usr/bin/env bash
# Picture checks: render the plan as HTML and as Word, then look at them the
# way a reader will. The HTML is shot on screen and printed to PDF by headless
# Chromium; the .docx is converted to PDF by LibreOffice. Page 1 of each PDF
# and the screen shot are written as PNG to docs/ (or the folder given), for
# the README and for a person to look at. Text is also pulled out of each PDF
# and checked, so a blank or broken page fails the script.
#
#   bash scripts/picture-check.sh [OUT_DIR]      # default: docs
#   ANSWERS=examples/ethiopia-selective.toml bash scripts/picture-check.sh /tmp/pics
#
# Needs chromium, libreoffice-writer and poppler-utils (Debian packages); as
# root it installs them. Kept out of `cargo test`: it is slow and needs a
# browser and an office suite.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-docs}
answers=${ANSWERS:-examples/philippines-systemic.toml}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v libreoffice >/dev/null || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
# Fonts with the metrics of the ones the documents ask for (Arial, Calibri).
[ -e /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
[ -e /usr/share/fonts/truetype/crosextra ] || missing+=(fonts-crosextra-carlito)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 2
  fi
fi

cargo build --release --quiet
bin=$PWD/target/release/gcmplan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

echo "== rendering $answers"
"$bin" render "$answers" -o "$work/plan.html" 2>/dev/null
"$bin" render "$answers" -o "$work/plan.docx" 2>/dev/null

# Chromium as root needs --no-sandbox; the other flags keep it off the
# network and quiet. Each run gets a fresh profile.
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>/dev/null
}

echo "== HTML on screen"
# A tall window, drawn at 3/4 scale, shows the title, the contents and the
# coverage chart in one picture of a reasonable size.
chrome --window-size=1280,2350 --force-device-scale-factor=0.75 \
  --screenshot="$work/screen.png" "file://$work/plan.html"
cp "$work/screen.png" "$out/html-screen.png"

echo "== HTML in print"
chrome --no-pdf-header-footer --print-to-pdf="$work/print.pdf" "file://$work/plan.html"
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/print.pdf" "$out/html-print"

echo "== Word, through LibreOffice"
libreoffice -env:UserInstallation="file://$work/lo" --headless \
  --convert-to pdf --outdir "$work" "$work/plan.docx" >/dev/null 2>&1
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$work/plan.pdf" "$out/docx-page1"

# The checks a person would make first: the documents have their pages and
# their words.
fail=0
check() { # file, what, text
  if ! pdftotext "$1" - | tr -s ' \n' ' ' | grep -qF "$3"; then
    echo "FAIL: $2 lacks \"$3\"" >&2
    fail=1
  fi
}
title=$("$bin" render "$answers" --format json -o - 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["state"]["name"])')
for pdf in print.pdf plan.pdf; do
  pages=$(pdfinfo "$work/$pdf" | awk '/^Pages:/ {print $2}')
  echo "   $pdf: $pages pages"
  [ "$pages" -ge 10 ] || { echo "FAIL: $pdf has only $pages pages" >&2; fail=1; }
  check "$work/$pdf" "$pdf" "$title"
  check "$work/$pdf" "$pdf" "1. Executive summary"
  check "$work/$pdf" "$pdf" "Annex D. Points for the drafting team"
done
check "$work/print.pdf" "the printed HTML" "Objectives by priority and coverage"

for png in html-screen html-print docx-page1; do
  size=$(stat -c %s "$out/$png.png")
  echo "   $out/$png.png: $((size / 1024)) KB"
  [ "$size" -le 307200 ] || { echo "FAIL: $out/$png.png is over 300 KB" >&2; fail=1; }
done
[ "$fail" = 0 ] && echo "picture checks passed; now look at the pictures in $out/"
exit "$fail"
