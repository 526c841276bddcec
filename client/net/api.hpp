// The client's window on the REST API: one small asynchronous interface. The browser build
// implements it with the Emscripten fetch API (api_fetch.cpp), native tests with cpp-httplib
// (api_httplib.cpp); CMake picks the file. Answers always arrive later, never inside send().
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tessera::client {

struct HttpResponse {
  int status = 0;  // 0: the request never got an answer (network failure, timeout)
  std::string body;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;
using ResponseHandler = std::function<void(HttpResponse)>;

class Api {
 public:
  virtual ~Api() = default;
  // Starts a request; `done` is called exactly once, later, with the answer.
  // `path` is absolute on the server ("/api/v1/me").
  virtual void send(const std::string& method, const std::string& path, const std::string& body,
                    const HttpHeaders& headers, ResponseHandler done) = 0;
  // Delivers answers that arrived since the last call (native backends); the browser
  // delivers them from its event loop and needs nothing here.
  virtual void poll() {}
};

}  // namespace tessera::client
