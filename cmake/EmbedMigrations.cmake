# cmake -DOUTPUT=file.cpp -DSOURCES="a.sql;b.sql" -P EmbedMigrations.cmake
# Writes the migrations (in the order given, numbered by their names) into a C++ source file
# defining tessera::server::schema_migrations() (server/store/migrations.hpp).
set(body "// Generated from server/store/migrations/*.sql by cmake/EmbedMigrations.cmake: do not edit.\n")
string(APPEND body "#include \"store/migrations.hpp\"\n\n#include <array>\n\nnamespace tessera::server {\nnamespace {\n")
string(APPEND body "constexpr std::array<std::string_view, ${COUNT}> kMigrations{\n")
foreach(source IN LISTS SOURCES)
  file(READ "${source}" sql)
  string(FIND "${sql}" ")tessera_sql\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${source} contains the raw string's delimiter")
  endif()
  get_filename_component(name "${source}" NAME)
  string(APPEND body "    // ${name}\n    R\"tessera_sql(${sql})tessera_sql\",\n")
endforeach()
string(APPEND body "};\n}  // namespace\n\nstd::span<const std::string_view> schema_migrations() { return kMigrations; }\n\n}  // namespace tessera::server\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
