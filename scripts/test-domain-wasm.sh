#!/usr/bin/env bash
# Builds the domain test suite (tests/domain, the same sources as the native suite) to
# WebAssembly with Emscripten and runs it under Node, so the browser is proven to compute
# what the server computes. Exits non-zero if the build or any test fails.
# Usage: scripts/test-domain-wasm.sh [Boost.Test arguments, e.g. --run_test=ledger_units]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"   # NODE_PATH for Debian's emcc, TESSERA_IMGUI_DIR
BUILD="${TESSERA_WEB_DOMAIN_BUILD:-$ROOT/build/web-domain}"
JOBS="${JOBS:-2}"

for tool in emcmake node cmake; do
  command -v "$tool" >/dev/null || { echo "test-domain-wasm: '$tool' not found (run scripts/setup.sh)" >&2; exit 2; }
done
GENERATOR=()
command -v ninja >/dev/null && GENERATOR=(-G Ninja)

if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  emcmake cmake -S "$ROOT" -B "$BUILD" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD" --target tessera_domain_tests -j "$JOBS"

echo "== domain tests, WebAssembly under Node $(node --version)"
node "$BUILD/tests/domain/tessera_domain_tests.js" --report_level=short "$@"
