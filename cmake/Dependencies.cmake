# Third-party libraries, all from Debian packages (scripts/setup.sh installs them).
# Header-only libraries are also offered to Emscripten through a folder of links, so the
# browser build never sees the rest of /usr/include.
if(EMSCRIPTEN)
  set(TESSERA_WEB_INCLUDE "${CMAKE_BINARY_DIR}/web-include")
  file(MAKE_DIRECTORY "${TESSERA_WEB_INCLUDE}")
  foreach(dir nlohmann boost)
    if(NOT EXISTS "${TESSERA_WEB_INCLUDE}/${dir}")
      file(CREATE_LINK "/usr/include/${dir}" "${TESSERA_WEB_INCLUDE}/${dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(tessera_json INTERFACE)
  target_include_directories(tessera_json SYSTEM INTERFACE "${TESSERA_WEB_INCLUDE}")
  add_library(tessera_boost_headers INTERFACE)
  target_include_directories(tessera_boost_headers SYSTEM INTERFACE "${TESSERA_WEB_INCLUDE}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(tessera_json INTERFACE)
  target_link_libraries(tessera_json INTERFACE nlohmann_json::nlohmann_json)
  find_package(Threads REQUIRED)
  find_package(SQLite3 REQUIRED)
  find_package(SQLiteCpp REQUIRED)
  find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  # cpp-httplib 0.18.7, header-only, from Debian trixie's source package with its security
  # patches (scripts/setup.sh fetches it). Its limits are compile-time settings, so every target
  # that includes httplib.h links tessera_httplib: one definition for the server, the native
  # client and the tests.
  set(TESSERA_HTTPLIB_DIR "$ENV{HOME}/.cache/tessera/cpp-httplib-0.18.7-1+deb13u1" CACHE PATH
      "cpp-httplib 0.18.7 (scripts/setup.sh)")
  if(NOT EXISTS "${TESSERA_HTTPLIB_DIR}/httplib.h")
    message(FATAL_ERROR "cpp-httplib 0.18.7 not found in ${TESSERA_HTTPLIB_DIR}: run scripts/setup.sh")
  endif()
  add_library(tessera_httplib INTERFACE)
  target_include_directories(tessera_httplib SYSTEM INTERFACE "${TESSERA_HTTPLIB_DIR}")
  target_compile_definitions(tessera_httplib INTERFACE
    CPPHTTPLIB_USE_POLL                        # no FD_SETSIZE ceiling (select) with many connections
    CPPHTTPLIB_LISTEN_BACKLOG=1024             # the kernel caps it at net.core.somaxconn
    CPPHTTPLIB_HEADER_MAX_LENGTH=8192          # one header line; all of them: 8 KiB (http_guard.cpp)
    CPPHTTPLIB_HEADER_MAX_COUNT=100
    CPPHTTPLIB_REQUEST_URI_MAX_LENGTH=8192
    CPPHTTPLIB_RANGE_MAX_COUNT=4               # one range, or a few non-overlapping ones
    CPPHTTPLIB_KEEPALIVE_TIMEOUT_CHECK_INTERVAL_USECOND=50000)  # idle connections wake 20 times a second
  find_package(date CONFIG REQUIRED)  # date::date-tz, reading the system's /usr/share/zoneinfo
  find_package(tomlplusplus REQUIRED)
  find_package(CLI11 REQUIRED)
  # libcurl (libcurl4-openssl-dev) sends the server's mail over SMTP (adapters/smtp_sender.cpp).
  find_package(CURL 7.68 REQUIRED)
  find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
  find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
endif()
