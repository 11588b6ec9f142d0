# shellcheck shell=bash
# The Debian 12 packages Leadbook needs to build, test and run; sourced by
# .ci/run and tools/run-app.sh.
#
# Build: compiler, meson, the libraries of every dependency() in the meson
# files, and the programs meson looks for (glib-mkenums,
# glib-compile-resources, glib-compile-schemas, msgfmt/xgettext,
# gtk-update-icon-cache and update-desktop-database for gnome.post_install).
# Tests: the validators of data/meson.build, xvfb for the "gui" suite,
# dbus for a session bus, poppler-utils and jq for checking output, and
# what GTK needs to draw under Xvfb without its recommended packages
# (Mesa's software GL, the SVG pixbuf loader for icons, a font).

LEADBOOK_PACKAGES=(
  meson ninja-build pkg-config gcc libc6-dev
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev sqlite3 libjson-glib-dev
  gettext libglib2.0-bin libglib2.0-dev-bin
  desktop-file-utils appstream gtk-update-icon-cache flatpak-builder
  xvfb xauth dbus poppler-utils jq python3
  libgl1-mesa-dri librsvg2-common fonts-dejavu-core
)

# Prints the packages of LEADBOOK_PACKAGES that are not installed.
leadbook_missing_packages ()
{
  local pkg
  for pkg in "${LEADBOOK_PACKAGES[@]}"; do
    if ! dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

# Installs the missing packages (with sudo when not root); does nothing,
# not even "apt-get update", when all of them are there.
leadbook_install_packages ()
{
  local missing sudo=()
  missing=$(leadbook_missing_packages)
  if [ -z "$missing" ]; then
    echo "All needed packages are installed."
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  # shellcheck disable=SC2086 # one word per package
  echo "Installing:" $missing
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends $missing
}
