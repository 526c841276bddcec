// The limits of what a request may carry, one constant each, used by the server's checks, the
// ledger's rules and the client's forms alike (characters are counted as UTF-8 bytes).
#pragma once
#include <cstddef>
#include <cstdint>

#include "tessera/units.hpp"

namespace tessera {

struct Limits {
  static constexpr std::size_t name_max = 100;
  static constexpr std::size_t password_min = 10;
  static constexpr std::size_t password_max = 128;
  static constexpr std::size_t subject_max = 200;
  static constexpr std::size_t description_max = 10'000;
  static constexpr std::size_t message_max = 10'000;
  static constexpr std::size_t note_max = 1'000;
  static constexpr std::size_t idempotency_key_max = 100;
  static constexpr Minutes time_entry_min = 1;
  static constexpr Minutes time_entry_max = 480;
  static constexpr std::int64_t extra_users_max = 1000;
};

}  // namespace tessera
