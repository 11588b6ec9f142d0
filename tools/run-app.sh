#!/bin/bash
# Installs what is missing, builds Leadbook in build/ and starts it from
# the build tree.  Arguments go to the program:
#
#   tools/run-app.sh            your own database (~/.local/share/leadbook/leadbook.db)
#   tools/run-app.sh --demo     a separate database filled with demo data
#
# LEADBOOK_BUILDDIR names another build folder (default: build).
set -euo pipefail

start_dir=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/.."
top=$PWD
builddir=${LEADBOOK_BUILDDIR:-build}

# shellcheck source=tools/packages.sh
source tools/packages.sh
leadbook_install_packages

if [ ! -d "$builddir/meson-private" ]; then
  meson setup "$builddir"
fi
ninja -C "$builddir"

# Run uninstalled: the schema compiled in the build's data/, the icons from data/.
export GSETTINGS_SCHEMA_DIR="$top/$builddir/data"
export XDG_DATA_DIRS="$top/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

# From the caller's folder, so relative paths in the arguments work.
cd "$start_dir"
exec "$top/$builddir/src/gui/leadbook" "$@"
