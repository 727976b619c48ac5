#!/usr/bin/env bash
# Builds what is missing, then serves the app with its sample data and prints the URL.
#   scripts/run.sh [PORT]     (default 8000; the page also works opened straight from disk)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"
if [ ! -f pkg/heluo.js ] || [ ! -f www/samples.js ]; then
  scripts/setup.sh build
  scripts/build.sh
fi
echo
echo "Heluo is at  http://127.0.0.1:$port/www/"
echo "or open      file://$(pwd)/www/index.html"
echo "(Ctrl-C stops the server. Nothing is sent anywhere: the data stays in the browser.)"
exec python3 -m http.server "$port" --bind 127.0.0.1
