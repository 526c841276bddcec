# Warnings and sanitizers for the project's own targets (not for third-party sources).
add_library(tessera_options INTERFACE)
target_compile_options(tessera_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
if(TESSERA_FUZZ)
  # shared/ instrumented for libFuzzer's coverage; the targets link the fuzzer (tests/fuzz).
  target_compile_options(tessera_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(tessera_options INTERFACE -fsanitize=address,undefined)
elseif(TESSERA_SANITIZE AND NOT EMSCRIPTEN)
  target_compile_options(tessera_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(tessera_options INTERFACE -fsanitize=address,undefined)
endif()

# The server and client test programs: the same warnings, AddressSanitizer, and no UBSan
# instrumentation of their own code. The code under test (shared/, server/, client/) keeps
# both sanitizers; UBSan checks in a test file's Boost.Test assertions double its compile time
# (46 s → 27 s for tests/server/test_orders.cpp) and check nothing of the product's.
add_library(tessera_test_options INTERFACE)
target_compile_options(tessera_test_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
if(TESSERA_SANITIZE AND NOT EMSCRIPTEN AND NOT TESSERA_FUZZ)
  target_compile_options(tessera_test_options INTERFACE -fsanitize=address -fno-omit-frame-pointer)
  target_link_options(tessera_test_options INTERFACE -fsanitize=address,undefined)
endif()
