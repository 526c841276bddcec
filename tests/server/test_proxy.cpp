// Behind a trusted reverse proxy the rate limits count the client's address from
// X-Forwarded-For; from anyone else the header is ignored (it could be forged).
#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {
const json kWrongLogin{{"email", "nobody@example.com"}, {"password", "wrong password"}};

int login_status(ApiClient& api, const std::string& forwarded_for) {
  return api.post("/api/v1/auth/login", kWrongLogin, {{"X-Forwarded-For", forwarded_for}}).status;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_trusted_proxy_s_forwarded_address_is_the_one_rate_limited) {
  TestServer server([](server::Config& config) {
    config.trusted_proxies = {"127.0.0.1"};
    config.auth_attempts_per_minute = 3;
  });
  ApiClient api(server.port());
  for (int attempt = 0; attempt < 3; ++attempt) BOOST_TEST(login_status(api, "198.51.100.7, 203.0.113.5") == 401);
  BOOST_TEST(login_status(api, "198.51.100.7, 203.0.113.5") == 429);
  // Another client behind the same proxy is not blocked; the left-most (client-written) entry is not trusted.
  BOOST_TEST(login_status(api, "203.0.113.6") == 401);
  BOOST_TEST(login_status(api, "203.0.113.5, 203.0.113.6") == 401);
}

BOOST_AUTO_TEST_CASE(an_untrusted_peer_cannot_escape_the_limit_with_the_header) {
  TestServer server([](server::Config& config) { config.auth_attempts_per_minute = 3; });  // no trusted proxy
  ApiClient api(server.port());
  for (int attempt = 0; attempt < 3; ++attempt)
    BOOST_TEST(login_status(api, "203.0.113." + std::to_string(attempt)) == 401);
  BOOST_TEST(login_status(api, "203.0.113.99") == 429);
}
