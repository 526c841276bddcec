# Dear ImGui 1.86 from the Debian source package, unpacked by scripts/setup.sh into a cache
# outside git (TESSERA_IMGUI_DIR). Compiled natively (headless frame tests, no backend) and
# for the browser (with the GLFW and OpenGL3/WebGL2 backends).
set(TESSERA_IMGUI_DIR "$ENV{TESSERA_IMGUI_DIR}" CACHE PATH "Dear ImGui sources (run scripts/setup.sh)")
if(NOT EXISTS "${TESSERA_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in '${TESSERA_IMGUI_DIR}': run scripts/setup.sh")
endif()
add_library(imgui STATIC
  ${TESSERA_IMGUI_DIR}/imgui.cpp ${TESSERA_IMGUI_DIR}/imgui_draw.cpp
  ${TESSERA_IMGUI_DIR}/imgui_tables.cpp ${TESSERA_IMGUI_DIR}/imgui_widgets.cpp
  ${TESSERA_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${TESSERA_IMGUI_DIR} ${TESSERA_IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
if(EMSCRIPTEN)
  target_sources(imgui PRIVATE ${TESSERA_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
                               ${TESSERA_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${TESSERA_IMGUI_DIR}/backends)
endif()
