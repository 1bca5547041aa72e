#!/bin/sh
# Add Tailorfit to your applications menu, for you only (no root). Run it from the unpacked
# bundle, which stays where it is; move the folder and run it again.
#
#   ./install.sh               menu entry, icons and software-centre metadata for this folder
#   ./install.sh --uninstall   remove them again (then delete the folder yourself)
#
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/, icons/hicolor/, metainfo/.
set -eu

ID=io.github.tailorfit.Tailorfit
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$ID.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$ID.png"
    done
    refresh
    echo "Tailorfit is no longer in your applications menu. Delete $HERE to remove it fully."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi
if [ ! -x "$HERE/tailorfit" ]; then
    echo "install.sh: run it from the unpacked Tailorfit folder (no $HERE/tailorfit here)." >&2
    exit 1
fi
case "$HERE" in
    *'
'*) echo "install.sh: the folder's path contains a line break; move it first." >&2; exit 1 ;;
esac

# Exec= quotes the path (spaces allowed). Inside a quoted argument of a desktop file, a
# backslash is written as four, and $ " ` as two backslashes and the character; % as %%.
quoted=$(printf '%s' "$HERE/tailorfit" \
    | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
{
    grep -v -e '^Exec=' -e '^TryExec=' "$HERE/share/applications/$ID.desktop"
    printf 'Exec="%s"\n' "$quoted"
} > "$DATA/applications/$ID.desktop.tmp"
mv "$DATA/applications/$ID.desktop.tmp" "$DATA/applications/$ID.desktop"
cp "$HERE/share/metainfo/$ID.metainfo.xml" "$DATA/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$ID.svg" "$DATA/icons/hicolor/scalable/apps/"
for size in $SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$HERE/share/icons/hicolor/${size}x${size}/apps/$ID.png" \
        "$DATA/icons/hicolor/${size}x${size}/apps/"
done
refresh
echo "Tailorfit is in your applications menu (it runs $HERE/tailorfit)."
echo "To remove it: $HERE/install.sh --uninstall"
