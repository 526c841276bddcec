# Shared environment of the scripts: where the caches and build folders live.
# Sourced, not run. Caches live outside git so that runs on one machine reuse them.
export TESSERA_CACHE="${TESSERA_CACHE:-$HOME/.cache/tessera}"
export TESSERA_IMGUI_DIR="${TESSERA_IMGUI_DIR:-$TESSERA_CACHE/imgui-1.90.1+ds}"  # scripts/setup.sh fetches it
export TESSERA_HTTPLIB_DIR="${TESSERA_HTTPLIB_DIR:-$TESSERA_CACHE/cpp-httplib-0.18.7-1+deb13u1}"  # and cpp-httplib
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # Debian's emcc needs Debian's node modules
# A compiler cache, when the machine has one (CI starts clean; a developer's rebuilds and
# several git worktrees then share compiled objects). Read by CMake when a build folder is made.
if command -v ccache >/dev/null && [[ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
fi
