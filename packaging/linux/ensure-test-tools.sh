#!/bin/sh
# Debian packages some tests use, installed when missing:
#   ensure-test-tools.sh WHAT TESTS PACKAGE...
# WHAT names them ("export checkers"), TESTS the tests that skip without them. As root on
# Debian/Ubuntu we install what is missing; otherwise we print the command and carry on: those
# tests skip, saying what is missing. `make test` calls this for LibreOffice and poppler-utils
# (the export renders) and for desktop-file-utils and appstream (the packaging validators).
what=$1
tests=$2
shift 2
[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)
    case "$status" in ii*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the $what:$missing"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; then
        exit 0
    fi
    echo "Could not install$missing; the $tests will skip."
else
    echo "The $tests skip without:$missing"
    echo "Install them with: sudo apt-get install -y --no-install-recommends$missing"
fi
exit 0
