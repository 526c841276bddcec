// ApiClient (see http_client.hpp).
#include "http_client.hpp"

namespace tessera::testing {

std::string ApiResponse::error_code() const {
  if (body.is_object() && body.contains("error") && body["error"].contains("code"))
    return body["error"]["code"].get<std::string>();
  return "";
}

ApiClient::ApiClient(int port) : client_("127.0.0.1", port) {
  client_.set_connection_timeout(5, 0);
  client_.set_read_timeout(10, 0);
}

httplib::Headers ApiClient::with_cookie(httplib::Headers headers) const {
  if (!cookie_.empty()) headers.emplace("Cookie", cookie_);
  return headers;
}

ApiResponse ApiClient::finish(const httplib::Result& result) {
  ApiResponse response;
  if (!result) return response;
  response.status = result->status;
  response.raw = result->body;
  response.headers = result->headers;
  response.body = nlohmann::json::parse(result->body, nullptr, false);
  const auto set_cookie = result->get_header_value("Set-Cookie");
  if (!set_cookie.empty()) {
    const std::string pair = set_cookie.substr(0, set_cookie.find(';'));
    cookie_ = pair.size() > std::string("tessera_session=").size() ? pair : std::string();
  }
  return response;
}

ApiResponse ApiClient::get(const std::string& path) { return finish(client_.Get(path.c_str(), with_cookie({}))); }

ApiResponse ApiClient::post(const std::string& path, const nlohmann::json& body, httplib::Headers extra) {
  extra.emplace("X-Tessera-Request", "1");
  return finish(client_.Post(path.c_str(), with_cookie(extra), body.dump(), "application/json"));
}

ApiResponse ApiClient::post_raw(const std::string& path, const std::string& body, httplib::Headers headers) {
  return finish(client_.Post(path.c_str(), with_cookie(headers), body, "application/json"));
}

ApiResponse ApiClient::put(const std::string& path, const nlohmann::json& body) {
  return finish(client_.Put(path.c_str(), with_cookie({{"X-Tessera-Request", "1"}}), body.dump(), "application/json"));
}

ApiResponse ApiClient::del(const std::string& path) {
  return finish(client_.Delete(path.c_str(), with_cookie({{"X-Tessera-Request", "1"}})));
}

ApiResponse ApiClient::post_bytes(const std::string& path, const std::string& bytes, const std::string& content_type) {
  return finish(client_.Post(path.c_str(), with_cookie({{"X-Tessera-Request", "1"}}), bytes, content_type.c_str()));
}

}  // namespace tessera::testing
