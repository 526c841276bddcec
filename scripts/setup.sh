#!/usr/bin/env bash
# Installs everything Tessera needs on a Debian 12 machine, idempotently:
# the Debian packages, the Dear ImGui and cpp-httplib sources (Debian source packages, into a
# cache outside git) and the npm packages of the browser tests (from the committed lock file).
# Fast when everything is already there. Prints where the cache lives.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/env.sh"

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates xz-utils dpkg-dev
  emscripten nodejs
  nlohmann-json3-dev libsqlite3-dev sqlite3 libboost-test-dev
  libsqlitecpp-dev libcli11-dev libsodium-dev libhpdf-dev libhowardhinnant-date-dev libtomlplusplus-dev tzdata
  libcurl4-openssl-dev
  fonts-dejavu-core fonttools brotli chromium wrk lcov gzip poppler-utils patch clang
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

# [SECTION] Source packages of the next Debian release, trixie (not committed).
# Only source packages, through a private apt configuration - the system's apt sources and
# packages stay Debian 12's. Each pinned to the version checked and to its tarballs' SHA-256.
apt_dir="$TESSERA_CACHE/apt-trixie"
apt_opts=(-o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o Dir::State::Lists="$apt_dir/lists" -o APT::Sandbox::User=root)
trixie_source() {  # trixie_source PACKAGE=VERSION: its files in $apt_dir/src
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/src"
  if [[ ! -f "$apt_dir/sources.list" ]] || ! ls "$apt_dir/lists/"*Sources* >/dev/null 2>&1; then
    local mirror
    mirror="$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
              | awk '/^(URIs:|deb) +[a-z]+:\/\// && $2 !~ /security/ { print $2; exit }' || true)"
    [[ -n "$mirror" ]] || { echo "setup: no Debian mirror found in the apt sources" >&2; exit 1; }
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$apt_dir/sources.list"
    apt-get "${apt_opts[@]}" update -qq
  fi
  (cd "$apt_dir/src" && apt-get "${apt_opts[@]}" source --download-only "$1" >/dev/null) || {
    apt-get "${apt_opts[@]}" update -qq
    (cd "$apt_dir/src" && apt-get "${apt_opts[@]}" source --download-only "$1" >/dev/null)
  }
}

# Dear ImGui 1.90.1 (the input-event queue).
imgui_version="1.90.1+ds-1"
imgui_orig_sha256="ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"
if [[ ! -f "$TESSERA_IMGUI_DIR/imgui.cpp" ]]; then
  echo "setup: fetching the Dear ImGui sources (Debian source package imgui $imgui_version, trixie)"
  trixie_source "imgui=$imgui_version"
  tarball="$apt_dir/src/imgui_${imgui_version%-*}.orig.tar.xz"
  echo "$imgui_orig_sha256  $tarball" | sha256sum --check --quiet \
    || { echo "setup: $tarball does not have the SHA-256 checked" >&2; exit 1; }
  rm -rf "$TESSERA_IMGUI_DIR" && mkdir -p "$TESSERA_IMGUI_DIR"
  tar xf "$tarball" -C "$TESSERA_IMGUI_DIR" --strip-components=1
fi

# cpp-httplib 0.18.7 with Debian's security patches (CVE-2025-46728: chunked bodies past the
# payload limit; CVE-2025-52887: unlimited header count; CVE-2025-53629: unbounded allocation),
# header-only: its compile-time limits are set by cmake/Dependencies.cmake for every target.
httplib_version="0.18.7-1+deb13u1"
httplib_orig_sha256="c88f6495da71e778c82c22995b547a92ceb41cc4016f9028df67106a24b9210d"
httplib_debian_sha256="00ea33189a7421a434b6d9ccb431ef4debce086534d249e8efa89050e7593198"
if [[ ! -f "$TESSERA_HTTPLIB_DIR/httplib.h" ]]; then
  echo "setup: fetching cpp-httplib (Debian source package cpp-httplib $httplib_version, trixie)"
  trixie_source "cpp-httplib=$httplib_version"
  orig="$apt_dir/src/cpp-httplib_${httplib_version%-*}.orig.tar.xz"
  debian="$apt_dir/src/cpp-httplib_${httplib_version}.debian.tar.xz"
  printf '%s  %s\n%s  %s\n' "$httplib_orig_sha256" "$orig" "$httplib_debian_sha256" "$debian" | sha256sum --check --quiet \
    || { echo "setup: the cpp-httplib tarballs do not have the SHA-256 checked" >&2; exit 1; }
  unpack="$(mktemp -d)"
  mkdir -p "$unpack/src" && tar xf "$orig" -C "$unpack/src" --strip-components=1 && tar xf "$debian" -C "$unpack/src"
  while read -r patch_name; do
    [[ -z "$patch_name" || "$patch_name" == \#* ]] && continue
    patch -s -p1 -d "$unpack/src" < "$unpack/src/debian/patches/$patch_name"
  done < "$unpack/src/debian/patches/series"
  rm -rf "$TESSERA_HTTPLIB_DIR" && mkdir -p "$TESSERA_HTTPLIB_DIR"
  cp "$unpack/src/httplib.h" "$unpack/src/LICENSE" "$TESSERA_HTTPLIB_DIR/"
  rm -rf "$unpack"
fi

# [SECTION] npm packages for the browser tests (lock file committed).
if [[ ! -d "$here/tests/e2e/node_modules/playwright-core" ]]; then
  echo "setup: installing the browser-test npm packages"
  (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: ready (cache: $TESSERA_CACHE)"
