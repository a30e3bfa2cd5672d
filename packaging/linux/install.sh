#!/usr/bin/env bash
# Install (or remove) the csdesk Linux bundle for the current user; no root needed.
#
#   packaging/linux/install.sh [BUNDLE]     from the source tree; BUNDLE defaults to dist/csdesk
#   ./install.sh                            inside an unpacked csdesk-<version>-linux-x86_64.tar.gz
#   ./install.sh --uninstall
#
# Puts the program in ~/.local/opt/csdesk, a `csdesk` link in ~/.local/bin, the
# desktop entry, the icons (hicolor theme) and the AppStream metainfo under
# ~/.local/share, so csdesk appears in the desktop's application menu.
# Your data (~/.local/share/csdesk) is never touched, not even by --uninstall.
set -euo pipefail

APP_ID="io.github.csdesk.CsDesk"
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/csdesk"
BIN="$HOME/.local/bin"

refresh() {
  # Menus watch these folders; only an icon cache that already exists needs updating.
  if [ -f "$DATA/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$OPT"
  [ -L "$BIN/csdesk" ] && rm -f "$BIN/csdesk"
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
  find "$DATA/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  refresh
  echo "csdesk removed (your data in $DATA/csdesk is kept)"
  exit 0
fi

# build-linux.sh copies this script, the .desktop and the metainfo into the bundle's top folder.
if [ -x "$HERE/csdesk" ]; then DEFAULT="$HERE"; else DEFAULT="$HERE/../../dist/csdesk"; fi
BUNDLE="$(cd "${1:-$DEFAULT}" && pwd)"
[ -x "$BUNDLE/csdesk" ] || { echo "no csdesk program in $BUNDLE: build it with packaging/build-linux.sh" >&2; exit 1; }
[ "$BUNDLE" != "$OPT" ] || { echo "$BUNDLE is already the installed copy" >&2; exit 1; }
ICONS="$BUNDLE/_internal/csdesk/resources/icons"

mkdir -p "$(dirname "$OPT")" "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
rm -rf "$OPT.new"
cp -a "$BUNDLE" "$OPT.new"
rm -rf "$OPT"
mv "$OPT.new" "$OPT"
ln -sfn "$OPT/csdesk" "$BIN/csdesk"

# Exec with the full path: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=csdesk|Exec=$OPT/csdesk|" "$HERE/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/"
(cd "$ICONS/hicolor" && find . -name "$APP_ID.png" -exec cp --parents {} "$DATA/icons/hicolor/" \;)
cp "$ICONS/csdesk.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
refresh
echo "csdesk installed in $OPT; start it from the application menu or with $BIN/csdesk"
