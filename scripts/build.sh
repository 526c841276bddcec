#!/usr/bin/env bash
# Builds one or more presets (native, release, web, coverage) after making sure the
# dependencies are installed. Usage: scripts/build.sh [preset[:target] ...]
# (default: release:tessera web:tessera_web — the server and the browser client).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
source scripts/env.sh
bash scripts/setup.sh
presets=("$@")
((${#presets[@]})) || presets=(release:tessera web:tessera_web)
for item in "${presets[@]}"; do
  preset="${item%%:*}"
  target=""
  [[ "$item" == *:* ]] && target="${item#*:}"
  echo "build: $preset"
  # A new build folder, or one configured with other Dear ImGui sources (an older checkout's).
  cached_imgui="$(sed -n 's/^TESSERA_IMGUI_DIR:PATH=//p' "build/$preset/CMakeCache.txt" 2>/dev/null || true)"
  cached_httplib="$(sed -n 's/^TESSERA_HTTPLIB_DIR:PATH=//p' "build/$preset/CMakeCache.txt" 2>/dev/null || true)"
  if [[ ! -f "build/$preset/build.ninja" || "$cached_imgui" != "$TESSERA_IMGUI_DIR" || "$cached_httplib" != "$TESSERA_HTTPLIB_DIR" ]]; then
    mkdir -p build
    cmake --preset "$preset" -DTESSERA_IMGUI_DIR="$TESSERA_IMGUI_DIR" -DTESSERA_HTTPLIB_DIR="$TESSERA_HTTPLIB_DIR" > "build/configure-$preset.log" 2>&1 \
      || { cat "build/configure-$preset.log"; exit 1; }
  fi
  if [[ -n "$target" ]]; then cmake --build --preset "$preset" --target "$target"; else cmake --build --preset "$preset"; fi
done
