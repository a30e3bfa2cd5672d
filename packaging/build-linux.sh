#!/usr/bin/env bash
# Build the Linux one-folder bundle of csdesk with PyInstaller, then pack it.
#
#   packaging/build-linux.sh            # uses .venv (created if missing)
#   VENV=/path/to/venv packaging/build-linux.sh
#
# Installs csdesk with its `packaging` extra (PyInstaller) into the venv, then
# writes only under build/ (PyInstaller's work files) and dist/:
#   dist/csdesk/csdesk                                  the program (+ install.sh for users)
#   dist/csdesk-<version>-linux-x86_64.tar.gz           the same folder, packed
# Then run packaging/smoke.sh to check the result.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${VENV:-.venv}"
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$PY" -m pip install -q '.[packaging]'

VERSION="$("$PY" -c 'import csdesk; print(csdesk.__version__)')"
ARCH="$(uname -m)"
NAME="csdesk-$VERSION-linux-$ARCH"

start=$(date +%s)
rm -rf dist/csdesk "dist/$NAME.tar.gz"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/csdesk.spec
# Desktop integration travels with the bundle: unpack, then ./install.sh (see packaging/README.md).
cp packaging/linux/install.sh packaging/linux/io.github.csdesk.CsDesk.desktop \
  packaging/linux/io.github.csdesk.CsDesk.metainfo.xml dist/csdesk/
# A top-level folder named like the archive, so unpacking never spills files.
tar -C dist --transform "flags=r;s,^csdesk,$NAME," -czf "dist/$NAME.tar.gz" csdesk
end=$(date +%s)

echo "built dist/csdesk ($(du -sh dist/csdesk | cut -f1)) and dist/$NAME.tar.gz ($(du -h "dist/$NAME.tar.gz" | cut -f1)) in $((end - start)) s"
