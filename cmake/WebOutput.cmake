# Publishes the web client into the folder the server serves, as a CDN would want it. Run by the
# target tessera_web at every build (client/CMakeLists.txt):
#   cmake -DWEB=web -DLINK=<app.js, app.wasm> -DFONT=<cut font> -DWWW=<output> -DBROTLI=... -DGZIP=... -P WebOutput.cmake
# - every file but the three below gets a name with its content's digest (app.<10 hex>.wasm…):
#   served as immutable, it is never asked for again, and a new build is new names;
# - index.html (configured with those names), sw.js (its VERSION and SHELL list written here)
#   and manifest.webmanifest keep their names: they are the addresses that never change;
# - each text or binary file that shrinks gets a .br (brotli -q 11) and a .gz (gzip -9 -n)
#   beside it, which the server sends as they are (server/http/static_files.cpp);
# - what an earlier build left in WWW and this one did not write is removed.
# A file is only rewritten when its content changes, and compressed only when it was rewritten.
cmake_minimum_required(VERSION 3.25)
foreach(var WEB LINK FONT WWW BROTLI GZIP)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "WebOutput.cmake: -D${var}= is missing")
  endif()
endforeach()

set(published "")  # every file of WWW this build writes, relative to WWW

function(write_if_changed path text)
  if(EXISTS "${path}")
    file(READ "${path}" previous)
    if(previous STREQUAL text)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${text}")
endfunction()

# publish_hashed(<source file> <name in WWW, e.g. fonts/DejaVuSans.ttf> <variable>): copies the
# file as <dir>/<stem>.<digest>.<ext> and sets <variable> to that name.
function(publish_hashed source name variable)
  if(NOT EXISTS "${source}")
    message(FATAL_ERROR "web output: ${source} is missing")
  endif()
  file(SHA256 "${source}" digest)
  string(SUBSTRING "${digest}" 0 10 digest)
  get_filename_component(dir "${name}" DIRECTORY)
  get_filename_component(stem "${name}" NAME_WLE)
  get_filename_component(ext "${name}" LAST_EXT)
  set(hashed "${stem}.${digest}${ext}")
  if(dir)
    set(hashed "${dir}/${hashed}")
  endif()
  file(MAKE_DIRECTORY "${WWW}/${dir}")
  file(COPY_FILE "${source}" "${WWW}/${hashed}" ONLY_IF_DIFFERENT)
  set(${variable} "${hashed}" PARENT_SCOPE)
  set(published ${published} "${hashed}" PARENT_SCOPE)
endfunction()

publish_hashed("${LINK}/app.js" app.js TESSERA_APP_JS)
publish_hashed("${LINK}/app.wasm" app.wasm TESSERA_APP_WASM)
publish_hashed("${WEB}/boot.js" boot.js TESSERA_BOOT_JS)
publish_hashed("${WEB}/ports.js" ports.js TESSERA_PORTS_JS)
publish_hashed("${FONT}" fonts/DejaVuSans.ttf TESSERA_WEB_FONT)

# The fixed names.
file(READ "${WEB}/index.html" index_text)
string(CONFIGURE "${index_text}" index_text @ONLY)
write_if_changed("${WWW}/index.html" "${index_text}")
file(READ "${WEB}/manifest.webmanifest" manifest_text)
write_if_changed("${WWW}/manifest.webmanifest" "${manifest_text}")
# The service worker's version: a digest of the page (which names every hashed file), the
# manifest and the worker itself, so any change to the shell is a new worker.
set(shell index.html manifest.webmanifest)
list(APPEND shell ${published})
set(listed "")
foreach(file ${shell})
  list(APPEND listed "'${file}'")
endforeach()
list(JOIN listed ", " listed)
file(READ "${WEB}/sw.js" worker_text)
string(SHA256 version "${index_text}\n${manifest_text}\n${worker_text}")
string(SUBSTRING "${version}" 0 16 version)
string(REPLACE "__TESSERA_VERSION__" "${version}" worker_text "${worker_text}")
string(REPLACE "__TESSERA_ASSETS__" "[${listed}]" worker_text "${worker_text}")
write_if_changed("${WWW}/sw.js" "${worker_text}")
list(APPEND published index.html manifest.webmanifest sw.js)

# The compressed copies: written again only when their file is newer; kept only when smaller.
set(kept ${published})
foreach(file ${published})
  set(path "${WWW}/${file}")
  file(SIZE "${path}" size)
  if("${path}" IS_NEWER_THAN "${path}.br")
    execute_process(COMMAND "${BROTLI}" -q 11 -f -o "${path}.br" "${path}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "web output: brotli failed on ${file}")
    endif()
  endif()
  if("${path}" IS_NEWER_THAN "${path}.gz")
    execute_process(COMMAND "${GZIP}" -9 -n -c "${path}" OUTPUT_FILE "${path}.gz" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "web output: gzip failed on ${file}")
    endif()
  endif()
  foreach(encoding br gz)
    file(SIZE "${path}.${encoding}" compressed)
    if(compressed LESS size)
      list(APPEND kept "${file}.${encoding}")
    endif()
  endforeach()
endforeach()

# What earlier builds left (older digests, a compressed copy that did not shrink).
file(GLOB_RECURSE present RELATIVE "${WWW}" "${WWW}/*")
foreach(file ${present})
  if(NOT file IN_LIST kept)
    file(REMOVE "${WWW}/${file}")
  endif()
endforeach()
