#!/usr/bin/env bash
# Set up a fresh Debian machine (system packages, .venv, the package) and run the app or the tests.
#   bash packaging/dev.sh run [ARGS…]   the GUI (or, with ARGS, the command line)
#   bash packaging/dev.sh test          the linters (ruff, ruff format, mypy), then every test: CI
#   bash packaging/dev.sh test ARGS…    pytest ARGS only, no linters (one file while working)
#   bash packaging/dev.sh lint          the linters only
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-run}
shift || true

# Qt's runtime libraries, a CJK font, pdftotext (PDF tests), Xvfb (screenshots, a real window)
# and LibreOffice Calc (the print test converts every xlsx to PDF as a clerk's office would).
SYSTEM_PACKAGES="libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-util1 libxcb-image0 libxcb-keysyms1 \
libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 xvfb xauth fonts-wqy-microhei poppler-utils \
libreoffice-calc-nogui"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.enrollagent-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  echo "$want" > "$stamp"
fi

# Every linter runs, so one run shows every finding; any finding fails the run.
lint() {
  local failed=0
  .venv/bin/ruff check . || failed=1
  .venv/bin/ruff format --check . || failed=1
  .venv/bin/mypy || failed=1  # the files listed under [tool.mypy] in pyproject.toml
  [ "$failed" -eq 0 ] || echo "dev.sh: the linters found something (above); no tests were run" >&2
  return "$failed"
}

case "$what" in
  run)
    exec .venv/bin/enrollagent "$@" ;;
  lint)
    lint ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    if [ $# -eq 0 ]; then
      lint || exit 1
    fi
    exec .venv/bin/python -m pytest "$@" ;;
  *)
    echo "usage: bash packaging/dev.sh run|test|lint [ARGS…]" >&2; exit 2 ;;
esac
