#!/usr/bin/env bash
# Converts the hand-written rules.osm into rules.osm.pbf with osmium (Debian
# osmium-tool 1.15), so the same tag rules are tested through both readers.
set -euo pipefail
cd "$(dirname "$0")"
osmium cat --overwrite rules.osm -o rules.osm.pbf
