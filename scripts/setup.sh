#!/usr/bin/env bash
# Installs everything Tessera needs on a Debian 12 machine, idempotently:
# the Debian packages, the Dear ImGui sources (Debian source package, into a cache
# outside git) and the npm packages of the browser tests (from the committed lock file).
# Fast when everything is already there. Prints where the cache lives.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/env.sh"

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils dpkg-dev
  emscripten nodejs
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libboost-test-dev
  libsqlitecpp-dev libcli11-dev libsodium-dev libhpdf-dev libhowardhinnant-date-dev libtomlplusplus-dev tzdata
  fonts-dejavu-core chromium wrk lcov gzip poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from another source than Debian: any working node >= 18 is fine.
if command -v node >/dev/null && [[ " ${missing[*]} " == *" nodejs "* ]]; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v npm >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq npm >/dev/null; }

# [SECTION] Dear ImGui sources from the Debian source package (not committed).
# Dear ImGui 1.90.1 (the input-event queue) from the next Debian release, trixie: only its
# source package, through a private apt configuration - the system's apt sources and packages
# stay Debian 12's. Pinned to the version checked, and to its tarball's SHA-256.
imgui_version="1.90.1+ds-1"
imgui_orig_sha256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
if [[ ! -f "$TESSERA_IMGUI_DIR/imgui.cpp" ]]; then
  echo "setup: fetching the Dear ImGui sources (Debian source package imgui $imgui_version, trixie)"
  apt_dir="$TESSERA_CACHE/apt-trixie"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/src"
  mirror="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
            | awk '/^(URIs:|deb) +[a-z]+:\/\// && $2 !~ /security/ { print $2; exit }' || true)"
  [[ -n "$mirror" ]] || { echo "setup: no Debian mirror found in the apt sources" >&2; exit 1; }
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$apt_dir/sources.list"
  apt_opts=(-o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
            -o Dir::State::Lists="$apt_dir/lists" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update -qq
  (cd "$apt_dir/src" && apt-get "${apt_opts[@]}" source --download-only "imgui=$imgui_version" >/dev/null)
  tarball="$apt_dir/src/imgui_${imgui_version%-*}.orig.tar.xz"
  echo "$imgui_orig_sha256  $tarball" | sha256sum --check --quiet \
    || { echo "setup: $tarball does not have the SHA-256 checked" >&2; exit 1; }
  rm -rf "$TESSERA_IMGUI_DIR" && mkdir -p "$TESSERA_IMGUI_DIR"
  tar xf "$tarball" -C "$TESSERA_IMGUI_DIR" --strip-components=1
fi

# [SECTION] npm packages for the browser tests (lock file committed).
if [[ ! -d "$here/tests/e2e/node_modules/playwright-core" ]]; then
  echo "setup: installing the browser-test npm packages"
  (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ready (cache: $TESSERA_CACHE)"
