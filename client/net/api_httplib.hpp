// The native Api backend (cpp-httplib), used by the headless client tests against a real
// server on loopback. It keeps the session cookie itself, like a browser would.
#pragma once
#include <memory>
#include <string>

#include "net/api.hpp"

namespace tessera::client {

// `base_url` like "http://127.0.0.1:8080". Requests run when poll() is called, and their
// answers are delivered from poll() too, so the app sees them asynchronously.
std::unique_ptr<Api> make_httplib_api(const std::string& base_url);

}  // namespace tessera::client
