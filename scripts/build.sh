#!/usr/bin/env bash
# Builds one or more presets (native, release, web, coverage) after making sure the
# dependencies are installed. Usage: scripts/build.sh [preset ...]  (default: release web)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
bash scripts/setup.sh
presets=("$@")
((${#presets[@]})) || presets=(release web)
for preset in "${presets[@]}"; do
  echo "build: $preset"
  if [[ ! -f "build/$preset/build.ninja" ]]; then
    mkdir -p build
    cmake --preset "$preset" -DTESSERA_IMGUI_DIR="$TESSERA_IMGUI_DIR" > "build/configure-$preset.log" 2>&1 \
      || { cat "build/configure-$preset.log"; exit 1; }
  fi
  cmake --build --preset "$preset"
done
