# Dear ImGui 1.90.1 (the input-event queue) from the Debian source package of trixie,
# unpacked by scripts/setup.sh into a cache outside git (TESSERA_IMGUI_DIR). Compiled
# natively (headless frame tests, no backend) and for the browser with the OpenGL3/WebGL2
# renderer backend only: the platform side (DOM events, canvas, clipboard) is our own,
# client/platform/.
set(TESSERA_IMGUI_DIR "$ENV{TESSERA_IMGUI_DIR}" CACHE PATH "Dear ImGui sources (run scripts/setup.sh)")
set(TESSERA_IMGUI_VERSION "1.90.1")
if(NOT EXISTS "${TESSERA_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in '${TESSERA_IMGUI_DIR}': run scripts/setup.sh")
endif()
file(STRINGS "${TESSERA_IMGUI_DIR}/imgui.h" imgui_version_line REGEX "^#define IMGUI_VERSION +\"")
if(NOT imgui_version_line MATCHES "\"${TESSERA_IMGUI_VERSION}\"")
  message(FATAL_ERROR "'${TESSERA_IMGUI_DIR}' holds Dear ImGui ${imgui_version_line}, not ${TESSERA_IMGUI_VERSION}: "
                      "run scripts/setup.sh (and point TESSERA_IMGUI_DIR at the folder it prints)")
endif()
add_library(imgui STATIC
  ${TESSERA_IMGUI_DIR}/imgui.cpp ${TESSERA_IMGUI_DIR}/imgui_draw.cpp
  ${TESSERA_IMGUI_DIR}/imgui_tables.cpp ${TESSERA_IMGUI_DIR}/imgui_widgets.cpp
  ${TESSERA_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${TESSERA_IMGUI_DIR} ${TESSERA_IMGUI_DIR}/misc/cpp)
# No obsolete API (this also removes the pre-1.87 io.KeysDown[]/KeyMap[]), no demo window.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
if(EMSCRIPTEN)
  target_sources(imgui PRIVATE ${TESSERA_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${TESSERA_IMGUI_DIR}/backends)
endif()
