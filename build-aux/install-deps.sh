#!/bin/sh
# Installs the Debian packages Accords needs to build, run and test.
# Does nothing when every package is already present.
set -eu

packages="
  appstream
  dbus
  dbus-x11
  desktop-file-utils
  flatpak-builder
  fonts-cantarell
  fonts-dejavu-core
  gcc
  gettext
  glib-networking
  iso-codes
  libadwaita-1-dev
  libcmark-gfm-dev
  libcmark-gfm-extensions-dev
  libglib2.0-bin
  libglib2.0-dev
  libgtk-4-dev
  libgtksourceview-5-dev
  libjson-glib-dev
  libsoup-3.0-dev
  libsqlite3-dev
  libxml2-dev
  libxml2-utils
  make
  meson
  ninja-build
  pkg-config
  poppler-utils
  python3
  sqlite3
  xauth
  xvfb
"

if [ "${1:-}" = "--list" ]; then
  echo $packages
  exit 0
fi

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $p"
done

[ -n "$missing" ] || exit 0

echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
