#!/bin/sh
# The shared libraries Qt needs, for the offscreen platform (tests, screenshots) and for a real
# X11 display (the xcb platform plugin), plus a font. As root on Debian/Ubuntu we install what
# is missing; otherwise we print the exact command.
#
# Why each group: Qt's error on X11 ("xcb-cursor0 is needed") names one library even when
# another is missing; QT_DEBUG_PLUGINS=1 shows the real one. This list is what `ldd` reports
# for PySide6's libqxcb.so, libQt6XcbQpa and the GL integrations, so the xcb plugin loads on
# a machine that has none of them.
CORE="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core"
XCB="libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0"
PACKAGES="$CORE $XCB $EXTRA_PACKAGES"
[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in $PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)
    case "$status" in ii*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system libraries Qt needs:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing
else
    echo "Qt needs these system packages, which are missing:$missing"
    echo "Install them with: sudo apt-get install -y --no-install-recommends$missing"
    exit 1
fi
