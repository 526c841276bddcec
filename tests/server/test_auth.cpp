// Accounts and sessions over HTTP (SPEC §1.1, §3): sign-up with the trial, one trial per
// email, log-in, log-out, session expiry, hashed secrets, CSRF header, rate limits.
#include <SQLiteCpp/Database.h>

#include "fixtures.hpp"

using namespace tessera;
using namespace tessera::testing;

BOOST_FIXTURE_TEST_SUITE(auth, ServerFixture)

BOOST_AUTO_TEST_CASE(signup_grants_15_minutes_and_opens_a_session) {
  ApiClient api = new_client();
  const auto response = api.post("/api/v1/auth/signup", signup_body("ana@example.com", "Ana", "fr"));
  BOOST_TEST_REQUIRE(response.status == 201);
  BOOST_TEST(response.body["user"]["email"] == "ana@example.com");
  BOOST_TEST(response.body["user"]["language"] == "fr");
  BOOST_TEST(response.body["user"]["role"] == "customer");
  BOOST_TEST(response.body["balances"]["trial_minutes_left"] == 15);
  BOOST_TEST(response.body["balances"]["trial_expires_at"] == TestServer::kStart + 30 * kSecondsPerDay);

  const std::string set_cookie = response.headers.find("Set-Cookie")->second;
  BOOST_TEST(set_cookie.find("HttpOnly") != std::string::npos);
  BOOST_TEST(set_cookie.find("SameSite=Strict") != std::string::npos);
  const auto me = api.get("/api/v1/me");
  BOOST_TEST(me.status == 200);
  BOOST_TEST(me.body["user"]["name"] == "Ana");
}

BOOST_AUTO_TEST_CASE(the_same_email_in_another_case_cannot_sign_up_again) {
  customer("ana@example.com");
  ApiClient again = new_client();
  const auto response = again.post("/api/v1/auth/signup", signup_body("  ANA@Example.com "));
  BOOST_TEST(response.status == 409);
  BOOST_TEST(response.error_code() == "email_taken");
  BOOST_TEST(again.cookie().empty());
}

BOOST_AUTO_TEST_CASE(signup_field_errors_are_json_400) {
  ApiClient api = new_client();
  auto body = signup_body("not-an-email");
  const auto bad_email = api.post("/api/v1/auth/signup", body);
  BOOST_TEST(bad_email.status == 400);
  BOOST_TEST(bad_email.error_code() == "invalid_email");
  BOOST_TEST(bad_email.body["error"]["field"] == "email");
  body = signup_body("ana@example.com");
  body["password"] = "short";
  const auto short_password = api.post("/api/v1/auth/signup", body);
  BOOST_TEST(short_password.status == 400);
  BOOST_TEST(short_password.error_code() == "password_too_short");
  BOOST_TEST(short_password.body["error"]["params"]["min"] == "10");
}

BOOST_AUTO_TEST_CASE(login_with_a_wrong_password_or_unknown_email_is_401) {
  customer("ana@example.com");
  ApiClient api = new_client();
  const auto wrong = api.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "wrong password!"}});
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(wrong.error_code() == "invalid_credentials");
  const auto unknown = api.post("/api/v1/auth/login", {{"email", "bob@example.com"}, {"password", "whatever12"}});
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(unknown.error_code() == "invalid_credentials");
  const auto right =
      api.post("/api/v1/auth/login", {{"email", " Ana@Example.com"}, {"password", "correct horse battery"}});
  BOOST_TEST(right.status == 200);
  BOOST_TEST(api.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(logout_ends_the_session) {
  ApiClient api = customer("ana@example.com");
  const std::string cookie = api.cookie();
  const auto out = api.post("/api/v1/auth/logout", nlohmann::json::object());
  BOOST_TEST(out.status == 204);
  BOOST_TEST(api.cookie().empty());
  api.set_cookie(cookie);  // replaying the old cookie does not work any more
  const auto me = api.get("/api/v1/me");
  BOOST_TEST(me.status == 401);
  BOOST_TEST(me.error_code() == "unauthenticated");
}

BOOST_AUTO_TEST_CASE(logout_everywhere_ends_every_session_of_the_user_only) {
  ApiClient laptop = customer("ana@example.com");
  ApiClient phone(server.port());
  BOOST_TEST_REQUIRE(phone.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 200);
  ApiClient other = customer("ben@example.com");
  const std::string laptop_cookie = laptop.cookie();
  BOOST_TEST(laptop.post("/api/v1/auth/logout", {{"everywhere", true}}).status == 204);
  BOOST_TEST(laptop.cookie().empty());
  laptop.set_cookie(laptop_cookie);
  BOOST_TEST(laptop.get("/api/v1/me").status == 401);
  BOOST_TEST(phone.get("/api/v1/me").status == 401);  // the other device too
  BOOST_TEST(other.get("/api/v1/me").status == 200);  // another user keeps theirs
}

BOOST_AUTO_TEST_CASE(a_plain_logout_leaves_the_other_sessions) {
  ApiClient laptop = customer("ana@example.com");
  ApiClient phone(server.port());
  BOOST_TEST_REQUIRE(phone.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}}).status == 200);
  BOOST_TEST(laptop.post("/api/v1/auth/logout", {{"everywhere", false}}).status == 204);
  BOOST_TEST(phone.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(sessions_expire_after_7_idle_days) {
  ApiClient api = customer("ana@example.com");
  server.advance_seconds(6 * kSecondsPerDay);
  BOOST_TEST(api.get("/api/v1/me").status == 200);  // activity renews the idle timer
  server.advance_seconds(6 * kSecondsPerDay);
  BOOST_TEST(api.get("/api/v1/me").status == 200);
  server.advance_seconds(7 * kSecondsPerDay);
  BOOST_TEST(api.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(sessions_end_after_30_days_however_active) {
  ApiClient api = customer("ana@example.com");
  for (int day = 0; day < 29; ++day) {
    server.advance_seconds(kSecondsPerDay);
    BOOST_TEST_REQUIRE(api.get("/api/v1/me").status == 200);
  }
  server.advance_seconds(kSecondsPerDay);
  BOOST_TEST(api.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(passwords_and_session_tokens_are_stored_hashed) {
  ApiClient api = customer("ana@example.com");
  const std::string token = api.cookie().substr(api.cookie().find('=') + 1);
  BOOST_TEST(token.size() == 64u);  // 256 bits, hex
  SQLite::Database db(server.db_path(), SQLite::OPEN_READONLY);
  const std::string hash = db.execAndGet("SELECT password_hash FROM users WHERE email = 'ana@example.com'").getString();
  BOOST_TEST(hash.rfind("$argon2id$", 0) == 0u);
  BOOST_TEST(hash.find("correct horse") == std::string::npos);
  SQLite::Statement sessions(db, "SELECT token_hash FROM sessions");
  int count = 0;
  while (sessions.executeStep()) {
    ++count;
    BOOST_TEST(sessions.getColumn(0).getString() != token);
  }
  BOOST_TEST(count == 1);
}

BOOST_AUTO_TEST_CASE(state_changing_requests_need_the_csrf_header) {
  ApiClient api = new_client();
  const auto response = api.post_raw("/api/v1/auth/signup", signup_body("ana@example.com").dump(), {});
  BOOST_TEST(response.status == 403);
  BOOST_TEST(response.error_code() == "missing_csrf_header");
  BOOST_TEST(api.cookie().empty());
}

BOOST_AUTO_TEST_CASE(unauthenticated_calls_get_401) {
  ApiClient api = new_client();
  for (const char* path : {"/api/v1/me", "/api/v1/tickets", "/api/v1/tickets/1", "/api/v1/queue"}) {
    const auto response = api.get(path);
    BOOST_TEST(response.status == 401, path);
    BOOST_TEST(response.error_code() == "unauthenticated", path);
  }
  BOOST_TEST(api.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k"}}).status == 401);
  api.set_cookie("tessera_session=" + std::string(64, 'a'));
  BOOST_TEST(api.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(malformed_and_oversized_bodies_get_json_4xx) {
  ApiClient api = new_client();
  const auto broken = api.post_raw("/api/v1/auth/login", "{\"email\": ", {{"X-Tessera-Request", "1"}});
  BOOST_TEST(broken.status == 400);
  BOOST_TEST(broken.error_code() == "invalid_json");
  const auto array = api.post_raw("/api/v1/auth/login", "[1,2]", {{"X-Tessera-Request", "1"}});
  BOOST_TEST(array.status == 400);
  BOOST_TEST(array.error_code() == "invalid_json");
  const auto deep = api.post_raw("/api/v1/auth/login", std::string(30'000, '['), {{"X-Tessera-Request", "1"}});
  BOOST_TEST(deep.status == 400);
  const auto huge = api.post_raw("/api/v1/auth/login", std::string(100'000, 'x'), {{"X-Tessera-Request", "1"}});
  BOOST_TEST(huge.status == 413);
  BOOST_TEST(huge.error_code() == "body_too_large");
  const auto wrong_type = api.post("/api/v1/auth/login", {{"email", 42}, {"password", "x"}});
  BOOST_TEST(wrong_type.status == 400);
  BOOST_TEST(wrong_type.error_code() == "invalid_type");
  const auto unknown = api.get("/api/v1/no-such-thing");
  BOOST_TEST(unknown.status == 404);
  BOOST_TEST(unknown.error_code() == "not_found");
  BOOST_TEST(api.get("/api/v1/health").status == 200);  // still serving
}

BOOST_AUTO_TEST_CASE(every_answer_carries_security_headers) {
  ApiClient api = new_client();
  const auto response = api.get("/api/v1/health");
  BOOST_TEST(response.headers.find("X-Content-Type-Options")->second == "nosniff");
  BOOST_TEST(response.headers.find("X-Frame-Options")->second == "DENY");
  BOOST_TEST(response.headers.find("Cache-Control")->second == "no-store");
  const std::string csp = response.headers.find("Content-Security-Policy")->second;
  BOOST_TEST(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string::npos);
  BOOST_TEST(csp.find("'unsafe-eval'") == std::string::npos);  // no JavaScript eval allowed
  BOOST_TEST(csp.find("frame-ancestors 'none'") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(login_and_signup_are_rate_limited_per_address) {
  TestServer server([](server::Config& config) { config.auth_attempts_per_minute = 3; });
  ApiClient api(server.port());
  for (int attempt = 0; attempt < 3; ++attempt)
    BOOST_TEST(api.post("/api/v1/auth/login", {{"email", "a@b.cd"}, {"password", "wrong password"}}).status == 401);
  const auto limited = api.post("/api/v1/auth/signup", signup_body("ana@example.com"));
  BOOST_TEST(limited.status == 429);
  BOOST_TEST(limited.error_code() == "rate_limited");
  BOOST_TEST(limited.headers.find("Retry-After")->second == "60");
  server.advance_seconds(60);
  BOOST_TEST(api.post("/api/v1/auth/signup", signup_body("ana@example.com")).status == 201);
}

BOOST_AUTO_TEST_CASE(stored_accounts_survive_a_restart) {
  std::string db_copy;
  {
    TestServer first;
    ApiClient api(first.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body("ana@example.com")).status == 201);
    db_copy = (std::filesystem::temp_directory_path() / ("tessera-restart-" + std::to_string(first.port()) + ".db"))
                  .string();
    first.server().store().database().backup(db_copy.c_str(), SQLite::Database::Save);
  }
  TestServer second([&](server::Config& config) { config.db_path = db_copy; });
  ApiClient api(second.port());
  const auto login = api.post("/api/v1/auth/login", {{"email", "ana@example.com"}, {"password", "correct horse battery"}});
  BOOST_TEST(login.status == 200);
  BOOST_TEST(login.body["balances"]["trial_minutes_left"] == 15);
  std::filesystem::remove(db_copy);
}
