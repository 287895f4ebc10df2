#!/usr/bin/env bash
# setup.sh - install sluice's build dependencies (Debian 12) and build it into build/.
#
#   scripts/setup.sh
#
# Runs apt-get only when a package is missing (as root, or through sudo), then
# configures build/ (Release) and builds it with all cores.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

packages=(cmake gcc libc6-dev make pkg-config flex bison check llvm-14-dev clang-14 libclang-rt-14-dev libpcre2-dev python3
          librdkafka-dev kcat libpq-dev postgresql libsqlite3-dev libmicrohttpd-dev curl
          unicode-data chromium libcurl4-openssl-dev libssl-dev zlib1g-dev tzdata mold)

installed() {
  dpkg -s "$1" 2> /dev/null | grep -q '^Status: install ok installed$'
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    echo "setup: need root (or sudo) to run: $*" >&2
    exit 1
  fi
}

if command -v dpkg > /dev/null && command -v apt-get > /dev/null; then
  missing=()
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "setup: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "setup: all packages present"
  fi
else
  echo "setup: no dpkg/apt-get here; assuming the dependencies are installed: ${packages[*]}" >&2
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
