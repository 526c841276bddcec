// Private to texts.cpp and the table files: one function per table of texts.
#pragma once
#include <span>

#include "tessera/texts.hpp"

namespace tessera::texts {
std::span<const TextEntry> ui_texts();     // screens, labels, enum names
std::span<const TextEntry> error_texts();  // "error.<code>" for every error code
}  // namespace tessera::texts
