// The browser Api backend: the Emscripten fetch API (XMLHttpRequest underneath). Requests are
// same-origin, so the HttpOnly session cookie goes along without the app ever seeing it.
#pragma once
#include <functional>
#include <memory>

#include "net/api.hpp"

namespace tessera::client {

// `on_answer` runs after each answer was handed to its handler (the platform redraws then).
std::unique_ptr<Api> make_fetch_api(std::function<void()> on_answer);

}  // namespace tessera::client
