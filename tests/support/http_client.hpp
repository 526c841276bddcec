// Test support: an HTTP client for the API tests, as a browser would call: it keeps the
// session cookie, sends the CSRF header on state-changing requests, and parses JSON.
#pragma once
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace tessera::testing {

struct ApiResponse {
  int status = 0;  // 0: no answer at all
  nlohmann::json body;
  std::string raw;
  httplib::Headers headers;
  std::string error_code() const;  // body.error.code, or ""
};

class ApiClient {
 public:
  explicit ApiClient(int port);
  ApiResponse get(const std::string& path);
  ApiResponse post(const std::string& path, const nlohmann::json& body, httplib::Headers extra = {});
  ApiResponse post_raw(const std::string& path, const std::string& body, httplib::Headers headers);
  ApiResponse put(const std::string& path, const nlohmann::json& body);
  ApiResponse del(const std::string& path);
  // Raw bytes (an attachment), with the CSRF header and the given content type.
  ApiResponse post_bytes(const std::string& path, const std::string& bytes, const std::string& content_type);
  // Keep the connection open between requests (e.g. connect first, then fire at once).
  void set_keep_alive(bool on) { client_.set_keep_alive(on); }
  void forget_cookie() { cookie_.clear(); }
  const std::string& cookie() const { return cookie_; }
  void set_cookie(std::string cookie) { cookie_ = std::move(cookie); }

 private:
  ApiResponse finish(const httplib::Result& result);
  httplib::Headers with_cookie(httplib::Headers headers) const;

  httplib::Client client_;
  std::string cookie_;  // "tessera_session=..."
};

}  // namespace tessera::testing
