# Writes the service worker into the web output: web/sw.js with its version (a digest of the
# app shell's files, so every build that changes one is a new worker) and the list of files
# it keeps for offline use. Run by the build after the client is linked:
#   cmake -DSOURCE=web/sw.js -DWWW=<output folder> -DFILES="index.html;app.js;..." -P ServiceWorker.cmake
set(digests "")
set(listed "")
foreach(file ${FILES})
  if(NOT EXISTS "${WWW}/${file}")
    message(FATAL_ERROR "service worker: ${WWW}/${file} is missing")
  endif()
  file(SHA256 "${WWW}/${file}" digest)
  string(APPEND digests "${file}:${digest}\n")
  list(APPEND listed "'${file}'")
endforeach()
string(SHA256 version "${digests}")
string(SUBSTRING "${version}" 0 16 version)
list(JOIN listed ", " listed)
file(READ "${SOURCE}" text)
string(REPLACE "__TESSERA_VERSION__" "${version}" text "${text}")
string(REPLACE "__TESSERA_ASSETS__" "[${listed}]" text "${text}")
set(output "${WWW}/sw.js")
if(EXISTS "${output}")
  file(READ "${output}" previous)
  if(previous STREQUAL text)
    return()  # unchanged: the browser sees the same worker
  endif()
endif()
file(WRITE "${output}" "${text}")
