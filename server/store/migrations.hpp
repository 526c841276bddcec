// The schema's migrations, in order: store/migrations/NNN_name.sql, embedded in the binary at
// build time (cmake/EmbedMigrations.cmake writes them into a generated source file). Each is
// applied once, in its own transaction, and recorded in schema_migrations. Never edit a
// published migration: add a new file with the next number.
#pragma once
#include <span>
#include <string_view>

namespace tessera::server {

std::span<const std::string_view> schema_migrations();

}  // namespace tessera::server
