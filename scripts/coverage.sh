#!/usr/bin/env bash
# Line coverage of the domain core (shared/) by the domain test suite: builds with gcov
# instrumentation (TESSERA_COVERAGE) into build/coverage, runs the tests, and prints lcov's
# summary for shared/ only. An HTML report goes to build/coverage/html.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/env.sh"
BUILD="${TESSERA_COVERAGE_BUILD:-$ROOT/build/coverage}"
JOBS="${JOBS:-2}"
command -v lcov >/dev/null || { echo "coverage: lcov not found (run scripts/setup.sh)" >&2; exit 2; }
GENERATOR=()
command -v ninja >/dev/null && GENERATOR=(-G Ninja)

cmake -S "$ROOT" -B "$BUILD" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Debug -DTESSERA_COVERAGE=ON >/dev/null
cmake --build "$BUILD" --target tessera_domain_tests -j "$JOBS"
find "$BUILD" -name '*.gcda' -delete
"$BUILD/tests/domain/tessera_domain_tests" --report_level=short

# (Debian's lcov 1.16 under Perl 5.36 prints "Subroutine ... redefined" noise: filtered.)
quiet() { "$@" 2> >(grep -v 'redefined at' >&2); }
quiet lcov --quiet --capture --directory "$BUILD/shared" --base-directory "$ROOT" --output-file "$BUILD/all.info" \
     --rc lcov_branch_coverage=0
quiet lcov --quiet --extract "$BUILD/all.info" "$ROOT/shared/*" --output-file "$BUILD/shared.info"
quiet genhtml --quiet --output-directory "$BUILD/html" "$BUILD/shared.info" >/dev/null || true
echo "== line coverage of shared/ (report: $BUILD/html/index.html)"
lcov --list "$BUILD/shared.info"
lcov --summary "$BUILD/shared.info"
