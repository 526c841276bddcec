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
