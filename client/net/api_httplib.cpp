// Native Api backend over cpp-httplib (tests only). send() queues the request; poll() runs
// the requests queued before it started and hands each answer to its handler, so the app's
// code path is the same asynchronous one as in the browser. The session cookie from
// Set-Cookie is kept and sent back, as a browser does.
#include "net/api_httplib.hpp"

#include <httplib.h>

#include <deque>

namespace tessera::client {

namespace {

struct PendingRequest {
  std::string method;
  std::string path;
  std::string body;
  HttpHeaders headers;
  ResponseHandler done;
};

class HttplibApi final : public Api {
 public:
  explicit HttplibApi(const std::string& base_url) : client_(base_url) {
    client_.set_connection_timeout(5);
    client_.set_read_timeout(15);
    client_.set_write_timeout(15);
  }

  void send(const std::string& method, const std::string& path, const std::string& body,
            const HttpHeaders& headers, ResponseHandler done) override {
    queue_.push_back(PendingRequest{method, path, body, headers, std::move(done)});
  }

  void poll() override {
    std::deque<PendingRequest> batch;
    batch.swap(queue_);
    for (auto& request : batch) {
      auto answer = run(request);
      request.done(std::move(answer));
    }
  }

 private:
  HttpResponse run(const PendingRequest& pending) {
    httplib::Request request;
    request.method = pending.method;
    request.path = pending.path;
    request.body = pending.body;
    for (const auto& [name, value] : pending.headers) request.headers.emplace(name, value);
    if (!cookie_.empty()) request.headers.emplace("Cookie", cookie_);
    const auto result = client_.send(request);
    if (!result) return HttpResponse{0, {}};
    remember_cookie(*result);
    return HttpResponse{result->status, result->body};
  }

  // Keeps "name=value" of the session cookie; an empty value or Max-Age=0 clears it.
  void remember_cookie(const httplib::Response& response) {
    const auto count = response.get_header_value_count("Set-Cookie");
    for (std::size_t i = 0; i < count; ++i) {
      const auto header = response.get_header_value("Set-Cookie", "", i);
      const auto pair = header.substr(0, header.find(';'));
      const auto equals = pair.find('=');
      if (equals == std::string::npos) continue;
      const bool cleared = equals + 1 == pair.size() || header.find("Max-Age=0") != std::string::npos;
      cookie_ = cleared ? std::string{} : pair;
    }
  }

  httplib::Client client_;
  std::string cookie_;
  std::deque<PendingRequest> queue_;
};

}  // namespace

std::unique_ptr<Api> make_httplib_api(const std::string& base_url) { return std::make_unique<HttplibApi>(base_url); }

}  // namespace tessera::client
