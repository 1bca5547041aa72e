#!/bin/sh
# What the export tests use to check exported Word files by eye and by machine: LibreOffice
# without a GUI (soffice converts each exported .docx to PDF) and poppler-utils (pdftoppm
# renders pages, pdfinfo counts them). As root on Debian/Ubuntu we install what is missing;
# otherwise we print the command and carry on: those tests skip, saying what is missing.
PACKAGES="libreoffice-writer-nogui poppler-utils"
[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in $PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)
    case "$status" in ii*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the export checkers:$missing"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; then
        exit 0
    fi
    echo "Could not install$missing; the LibreOffice export tests will skip."
else
    echo "The LibreOffice export tests skip without:$missing"
    echo "Install them with: sudo apt-get install -y --no-install-recommends$missing"
fi
exit 0
