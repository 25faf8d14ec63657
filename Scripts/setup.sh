#!/usr/bin/env bash
# Installs the C libraries ShowNotes builds against (Debian packages), only when missing.
set -euo pipefail
missing=()
for package in libxml2-dev libstemmer-dev zlib1g-dev pkg-config; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
