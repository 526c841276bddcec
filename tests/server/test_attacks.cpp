// Attack tests (issue 14): hostile requests against a real server on loopback, each asserting
// the refusal AND that the server still answers afterwards. Deep JSON, malformed HTTP framing,
// oversized headers and bodies (chunked too, with no session), a body sent after an early
// refusal, overlapping ranges, a NUL in a file path, slow clients, one user taking every event
// stream, numbers outside their range, and internal notes leaking to the customer.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "fake_paypal.hpp"
#include "fixtures.hpp"
#include "raw_http.hpp"
#include "tessera/json_limits.hpp"

using namespace tessera;
using namespace tessera::testing;
using nlohmann::json;

namespace {

std::filesystem::path make_web_root() {
  static std::atomic<int> counter{0};
  const auto folder = std::filesystem::temp_directory_path() /
                      ("tessera-attack-web-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "app.js") << std::string(100'000, 'x');
  std::ofstream(folder / "index.html") << "<!doctype html><title>Tessera</title>";
  return folder;
}

std::string deep_array(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }
std::string deep_object(std::size_t levels) {
  std::string text;
  for (std::size_t i = 0; i < levels; ++i) text += "{\"a\":";
  text += "1";
  text += std::string(levels, '}');
  return text;
}

// A request with a body, as raw bytes (CSRF header and the session cookie if given).
std::string request(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& cookie = "", const std::string& extra_headers = "") {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tessera-Request: 1\r\nContent-Type: application/json\r\n" +
         (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string error_code_of(const std::string& answer) {
  const auto body = answer.find("\r\n\r\n");
  if (body == std::string::npos) return "";
  const auto parsed = json::parse(answer.substr(body + 4), nullptr, false);
  return parsed.is_object() && parsed.contains("error") ? parsed["error"].value("code", "") : "";
}

struct AttackFixture {
  std::filesystem::path web_root = make_web_root();
  TestServer server{[this](server::Config& config) {
    config.web_root = web_root.string();
    config.max_connections_per_address = 4;
    config.header_deadline_seconds = 2;
    config.body_deadline_seconds = 2;
  }};
  ~AttackFixture() {
    std::error_code ignored;
    std::filesystem::remove_all(web_root, ignored);
  }

  // The server still answers an ordinary request (from the tests' own address, 127.0.0.1).
  bool still_answers() {
    ApiClient api(server.port());
    return api.get("/api/v1/health").status == 200;
  }
  ApiClient customer(const std::string& email) {
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/signup", signup_body(email)).status == 201);
    return api;
  }
  ApiClient staff(const std::string& email, const std::string& role = "operator") {
    server.create_staff(email, "operator password", "Olga Operator", role);
    ApiClient api(server.port());
    BOOST_TEST_REQUIRE(api.post("/api/v1/auth/login", {{"email", email}, {"password", "operator password"}}).status == 200);
    return api;
  }
  // One request on a fresh connection; the answer.
  std::string send_alone(const std::string& bytes, const std::string& source = "127.0.0.1") {
    RawConnection connection(server.port(), source);
    BOOST_TEST_REQUIRE(connection.connected());
    connection.send(bytes);
    return connection.read_answer();
  }
};

}  // namespace

// [SECTION] 1. Deep JSON
BOOST_AUTO_TEST_SUITE(attack_deep_json)

BOOST_AUTO_TEST_CASE(the_parser_refuses_more_than_64_levels_before_building_anything) {
  BOOST_TEST((parse_json_limited(deep_array(kMaxJsonDepth)).refusal == JsonRefusal::none));
  BOOST_TEST((parse_json_limited(deep_array(kMaxJsonDepth + 1)).refusal == JsonRefusal::too_deep));
  BOOST_TEST((parse_json_limited(deep_object(kMaxJsonDepth + 1)).refusal == JsonRefusal::too_deep));
  BOOST_TEST((parse_json_limited(deep_array(1'000'000)).refusal == JsonRefusal::too_deep));  // no recursion at all
  BOOST_TEST((parse_json_limited("{\"a\":1}", 3).refusal == JsonRefusal::too_large));
  BOOST_TEST((parse_json_limited("{\"a\":").refusal == JsonRefusal::malformed));
}

BOOST_FIXTURE_TEST_CASE(deep_documents_to_public_customer_and_admin_endpoints_are_refused, AttackFixture) {
  ApiClient boss = staff("boss@tessera.test", "admin");
  const std::string within = deep_array(30'000);  // 60,000 bytes: within the 64 KiB body limit
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"POST", "/api/v1/auth/signup"}, {"POST", "/api/v1/contact"}, {"POST", "/api/v1/admin/operators"},
           {"PUT", "/api/v1/admin/catalog"}, {"PUT", "/api/v1/admin/settings/opening_hours"},
           {"POST", "/api/v1/paypal/webhook"}}) {
    const std::string answer = send_alone(request(method, path, within, boss.cookie()));
    BOOST_TEST_INFO(method << " " << path);
    BOOST_TEST(status_of(answer) == 400);
    BOOST_TEST(error_code_of(answer) == "json_too_deep");
  }
  BOOST_TEST(still_answers());
}

struct PayPalAttackFixture {
  FakePayPal paypal;
  TestServer server{[this](server::Config& config) { config.paypal = paypal.config(2); }};
};

BOOST_FIXTURE_TEST_CASE(a_deep_webhook_with_forged_paypal_headers_is_refused_and_the_server_lives, PayPalAttackFixture) {
  const std::string headers =
      "PAYPAL-AUTH-ALGO: SHA256withRSA\r\nPAYPAL-CERT-URL: https://example.com/cert\r\n"
      "PAYPAL-TRANSMISSION-ID: forged\r\nPAYPAL-TRANSMISSION-SIG: forged\r\nPAYPAL-TRANSMISSION-TIME: now\r\n";
  for (const std::string& body : {deep_array(30'000), deep_object(10'000)}) {
    RawConnection connection(server.port());
    connection.send(request("POST", "/api/v1/paypal/webhook", body, "", headers));
    const std::string answer = connection.read_answer();
    BOOST_TEST(status_of(answer) == 400);
    BOOST_TEST(error_code_of(answer) == "json_too_deep");
  }
  for (const auto& sent : paypal.requests())  // refused before any verification call
    BOOST_TEST(sent.path.find("verify-webhook-signature") == std::string::npos);
  ApiClient api(server.port());
  BOOST_TEST(api.get("/api/v1/health").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] 2. HTTP framing
BOOST_FIXTURE_TEST_SUITE(attack_http_framing, AttackFixture)

BOOST_AUTO_TEST_CASE(content_length_with_transfer_encoding_is_refused_and_the_connection_closed) {
  RawConnection connection(server.port());
  connection.send(
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\nContent-Length: 4\r\n"
      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string answer = connection.read_answer();
  BOOST_TEST(status_of(answer) == 400);
  BOOST_TEST(error_code_of(answer) == "bad_framing");
  BOOST_TEST(connection.closed_without_more(3000));  // the smuggled GET is never answered
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(two_content_lengths_are_refused) {
  for (const std::string& lengths : {std::string("Content-Length: 2\r\nContent-Length: 40\r\n"),
                                     std::string("Content-Length: 2, 40\r\n"), std::string("Content-Length: +2\r\n")}) {
    RawConnection connection(server.port());
    connection.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\n" + lengths + "\r\n{}");
    const std::string answer = connection.read_answer();
    BOOST_TEST_INFO(lengths);
    BOOST_TEST(status_of(answer) == 400);
    BOOST_TEST(connection.closed_without_more(3000));
  }
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(chunked_bodies_are_refused_before_they_are_read_with_or_without_a_session) {
  // 8 MiB of JSON to a JSON endpoint, and 64 MiB to the attachments endpoint with no session:
  // the answer comes after the headers, and the connection closes without reading the body.
  for (const std::string& path : {std::string("/api/v1/auth/signup"), std::string("/api/v1/tickets/1/attachments?filename=a.log")}) {
    RawConnection connection(server.port());
    connection.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\nTransfer-Encoding: chunked\r\n\r\n");
    const std::string chunk = "100000\r\n" + std::string(0x100000, 'a') + "\r\n";  // 1 MiB
    connection.send(chunk);
    const std::string answer = connection.read_answer();
    BOOST_TEST_INFO(path);
    BOOST_TEST(status_of(answer) == 411);
    BOOST_TEST(error_code_of(answer) == "length_required");
    bool refused_midway = false;  // the server stops reading: sending the rest fails or goes nowhere
    for (int i = 0; i < 63 && !refused_midway; ++i) refused_midway = !connection.send(chunk);
    BOOST_TEST(connection.drain(500).find("HTTP/1.1") == std::string::npos);  // nothing was read as a request
  }
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(declared_bodies_over_the_limits_are_refused_before_authentication) {
  const std::string head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\nContent-Length: 70000\r\n\r\n";
  BOOST_TEST(error_code_of(send_alone(head)) == "body_too_large");
  // An attachment over 5 MiB, with no session: 413 (not 401: the size is judged first).
  const std::string upload =
      "POST /api/v1/tickets/1/attachments?filename=a.log HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\n"
      "Content-Length: 67108864\r\n\r\n";
  const std::string answer = send_alone(upload);
  BOOST_TEST(status_of(answer) == 413);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(ten_thousand_headers_or_more_than_8_KiB_of_them_are_refused) {
  std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 10'000; ++i) many += "X-Filler-" + std::to_string(i) + ": 1\r\n";
  RawConnection flood(server.port());
  flood.send(many + "\r\n");
  const std::string refused = flood.read_answer();
  BOOST_TEST(status_of(refused) >= 400);
  BOOST_TEST(status_of(refused) < 500);
  BOOST_TEST(flood.closed_without_more(3000));

  std::string large = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 20; ++i) large += "X-Filler-" + std::to_string(i) + ": " + std::string(500, 'a') + "\r\n";
  const std::string answer = send_alone(large + "\r\n");
  BOOST_TEST(status_of(answer) == 431);
  BOOST_TEST(error_code_of(answer) == "headers_too_large");
  std::string fine = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 10; ++i) fine += "X-Filler-" + std::to_string(i) + ": " + std::string(500, 'a') + "\r\n";
  BOOST_TEST(status_of(send_alone(fine + "\r\n")) == 200);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(a_body_sent_after_an_early_refusal_is_never_read_as_a_second_request) {
  const std::string smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  // Refused for its size, then for a missing CSRF header: each time the body follows a moment later.
  for (const std::string& head :
       {std::string("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\nContent-Length: 70000\r\n\r\n"),
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n\r\n"}) {
    RawConnection connection(server.port());
    connection.send(head);
    const std::string answer = connection.read_answer();
    BOOST_TEST(status_of(answer) >= 400);
    BOOST_TEST(status_of(answer) < 500);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    connection.send(smuggled);
    BOOST_TEST(connection.closed_without_more(3000));
  }
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(overlapping_ranges_are_refused_and_one_range_is_served) {
  std::string ranges = "bytes=";
  for (int i = 0; i < 100; ++i) ranges += (i ? ",0-" : "0-") + std::to_string(99'000 + i);
  const std::string many = send_alone("GET /app.js HTTP/1.1\r\nHost: x\r\nRange: " + ranges + "\r\n\r\n");
  BOOST_TEST(status_of(many) == 416);
  BOOST_TEST(many.size() < 2000u);
  const std::string overlapping =
      send_alone("GET /app.js HTTP/1.1\r\nHost: x\r\nRange: bytes=0-50000,100-60000,200-70000,300-80000\r\n\r\n");
  BOOST_TEST(status_of(overlapping) == 416);
  const std::string one = send_alone("GET /app.js HTTP/1.1\r\nHost: x\r\nRange: bytes=0-99\r\n\r\n");
  BOOST_TEST(status_of(one) == 206);
  BOOST_TEST(one.substr(one.find("\r\n\r\n") + 4).size() == 100u);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(a_nul_in_a_file_path_serves_nothing) {
  const std::string answer = send_alone("GET /app.js%00.html HTTP/1.1\r\nHost: x\r\n\r\n");
  BOOST_TEST(status_of(answer) == 404);
  BOOST_TEST(answer.find("text/html") == std::string::npos);
  BOOST_TEST(answer.find("xxxxxxxx") == std::string::npos);  // app.js's bytes
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] 3. Slow clients
BOOST_FIXTURE_TEST_SUITE(attack_slow_clients, AttackFixture)

BOOST_AUTO_TEST_CASE(one_address_gets_at_most_its_share_of_connections) {
  std::vector<RawConnection> held;
  for (int i = 0; i < 4; ++i) {
    held.emplace_back(server.port(), "127.0.0.3");
    held.back().send("GET /api/v1/health HTTP/1.1\r\n");  // and never finishes
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  RawConnection extra(server.port(), "127.0.0.3");
  const std::string refused = extra.read_answer(3000);
  BOOST_TEST(status_of(refused) == 503);
  BOOST_TEST(error_code_of(refused) == "too_many_connections");
  BOOST_TEST(still_answers());  // other addresses are served meanwhile
}

BOOST_AUTO_TEST_CASE(a_client_trickling_its_headers_or_its_body_is_cut_off_at_the_deadline) {
  RawConnection headers(server.port(), "127.0.0.4");
  RawConnection body(server.port(), "127.0.0.4");
  headers.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
  body.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Tessera-Request: 1\r\nContent-Length: 100\r\n\r\n{");
  const auto start = std::chrono::steady_clock::now();
  bool headers_cut = false, body_cut = false;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(8) && !(headers_cut && body_cut)) {
    // Cut off: the server answers (400) or closes; it never answers a request still incomplete.
    headers_cut = headers_cut || !headers.send("X: 1\r\n") || headers.drain(250).size() > 0 || headers.closed();
    body_cut = body_cut || !body.send(" ") || body.drain(250).size() > 0 || body.closed();
  }
  const auto took = std::chrono::steady_clock::now() - start;
  BOOST_TEST(headers_cut);  // the header deadline is 2 s (a header line every 0.25 s would go on forever)
  BOOST_TEST(body_cut);     // the body deadline is 2 s
  BOOST_TEST(took < std::chrono::seconds(8));
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(a_hundred_trickling_connections_from_many_addresses_leave_ordinary_requests_answered) {
  std::vector<RawConnection> tricklers;
  for (int i = 0; i < 100; ++i) {
    tricklers.emplace_back(server.port(), "127.0.1." + std::to_string(1 + i / 4));
    tricklers.back().send("GET /api/v1/health HTTP/1.1\r\n");
  }
  int answered = 0;
  for (int round = 0; round < 10; ++round) {
    for (auto& trickler : tricklers) trickler.send("X");
    answered += still_answers();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(answered == 10);
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] 4. Event streams
BOOST_FIXTURE_TEST_SUITE(attack_event_streams, AttackFixture)

BOOST_AUTO_TEST_CASE(one_customer_cannot_take_every_stream) {
  ApiClient ana = customer("ana@example.com");
  ApiClient bob = customer("bob@example.com");
  const std::string open = "GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: ";
  std::vector<RawConnection> streams;
  // Ana's four browsers (from four addresses: the per-address cap is 4 in this fixture).
  for (int i = 0; i < 4; ++i) {
    streams.emplace_back(server.port(), "127.0.2." + std::to_string(i + 1));
    streams.back().send(open + ana.cookie() + "\r\n\r\n");
    BOOST_TEST(status_of(streams.back().read_head()) == 200);
  }
  RawConnection fifth(server.port(), "127.0.2.9");
  fifth.send(open + ana.cookie() + "\r\n\r\n");
  const std::string refused = fifth.read_answer();
  BOOST_TEST(status_of(refused) == 429);
  BOOST_TEST(error_code_of(refused) == "too_many_user_streams");
  RawConnection bobs(server.port(), "127.0.2.10");
  bobs.send(open + bob.cookie() + "\r\n\r\n");
  BOOST_TEST(status_of(bobs.read_head()) == 200);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] 5. Numbers
BOOST_FIXTURE_TEST_SUITE(attack_numbers, AttackFixture)

// The JSON number edge cases, as raw text (nlohmann would not write some of them).
const std::vector<std::string> kEdgeNumbers = {"9007199254740992", "9223372036854775808", "18446744073709551615",
                                               "-9223372036854775809", "-0", "1e400", "1.5", "1e3", "\"5\"", "true"};

BOOST_AUTO_TEST_CASE(read_integer_checks_type_and_range) {
  std::int64_t out = 7;
  BOOST_TEST((read_integer(json::parse("18446744073709551615"), INT64_MIN, INT64_MAX, out) == IntegerRefusal::out_of_range));
  BOOST_TEST((read_integer(json::parse("9223372036854775808"), INT64_MIN, INT64_MAX, out) == IntegerRefusal::out_of_range));
  BOOST_TEST((read_integer(json::parse("9223372036854775807"), INT64_MIN, INT64_MAX, out) == IntegerRefusal::none));
  BOOST_TEST(out == INT64_MAX);
  BOOST_TEST((read_integer(json::parse("9007199254740992"), 0, 1000, out) == IntegerRefusal::out_of_range));
  BOOST_TEST((read_integer(json::parse("-0"), 0, 10, out) == IntegerRefusal::none));
  BOOST_TEST(out == 0);
  BOOST_TEST((read_integer(json::parse("1.5"), 0, 10, out) == IntegerRefusal::not_an_integer));
  BOOST_TEST((read_integer(json::parse("1e3"), 0, 10'000, out) == IntegerRefusal::not_an_integer));
  BOOST_TEST((read_integer(json::parse("\"5\""), 0, 10, out) == IntegerRefusal::not_an_integer));
  BOOST_TEST((parse_json_limited("{\"minutes\":1e400}").refusal == JsonRefusal::malformed));  // no infinity
}

BOOST_AUTO_TEST_CASE(every_integer_field_refuses_the_edge_cases_with_a_4xx) {
  ApiClient boss = staff("boss@tessera.test", "admin");
  ApiClient olga = staff("olga@tessera.test");
  ApiClient ana = customer("ana@example.com");
  const auto ticket = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}});
  BOOST_TEST_REQUIRE(ticket.status == 201);
  const std::string path = "/api/v1/tickets/" + std::to_string(ticket.body["ticket"]["id"].get<Id>());
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(olga.post(path + "/time", {{"minutes", 3}, {"note", "first look"}}).status == 201);

  struct Field {
    std::string name;
    ApiClient* api;
    std::string method, path, body;  // "$N" is where the number goes
    std::string field;               // the field an error must name
    std::vector<std::string> accepted;  // values of kEdgeNumbers that are in range for this field
  };
  const std::vector<Field> fields = {
      {"time adjustment", &boss, "POST", path + "/adjustments", R"({"minutes":$N,"note":"fix"})", "minutes", {}},
      {"time entry", &olga, "POST", path + "/time", R"({"minutes":$N,"note":"work"})", "minutes", {}},
      {"order", &ana, "POST", "/api/v1/orders", R"({"kind":"subscription","method":"check","extra_users":$N})",
       "extra_users", {"-0"}},
      {"subscription users", &ana, "POST", "/api/v1/subscription/users", R"({"action":"add","count":$N})", "count", {}},
      {"evaluation", &ana, "POST", path + "/evaluation", R"({"rating":$N})", "rating", {}},
      {"trial setting", &boss, "PUT", "/api/v1/admin/settings/trial", R"({"minutes":$N,"validity_days":30})", "minutes", {}},
      {"slot start", &boss, "POST", "/api/v1/admin/onboarding/slots", R"({"starts_at":$N,"length_minutes":30})",
       "starts_at", {}},
      {"slot length", &boss, "POST", "/api/v1/admin/onboarding/slots",
       R"({"starts_at":1900000000,"length_minutes":$N})", "length_minutes", {}},
      {"booking", &ana, "POST", "/api/v1/onboarding/booking", R"({"slot_id":$N})", "slot_id", {"9007199254740992"}},
  };
  for (const auto& field : fields) {
    for (const auto& number : kEdgeNumbers) {
      if (std::find(field.accepted.begin(), field.accepted.end(), number) != field.accepted.end()) continue;
      std::string body = field.body;
      body.replace(body.find("$N"), 2, number);
      const std::string answer = send_alone(request(field.method, field.path, body, field.api->cookie()));
      BOOST_TEST_INFO(field.name << " " << field.field << " = " << number << ": " << answer.substr(0, 400));
      BOOST_TEST(status_of(answer) >= 400);
      BOOST_TEST(status_of(answer) < 500);
      const auto parsed = json::parse(answer.substr(answer.find("\r\n\r\n") + 4), nullptr, false);
      const bool about_the_number = number == "1e400" ? error_code_of(answer) == "invalid_json"
                                                      : parsed.is_object() && parsed["error"].value("field", "") == field.field;
      BOOST_TEST(about_the_number);
    }
  }
  // Nothing of it was stored: the ticket's worked time is still the 3 logged minutes.
  BOOST_TEST(olga.get(path).body["ticket"]["minutes_worked"] == 3);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_CASE(a_time_adjustment_of_two_to_the_64_minus_one_minutes_is_refused_not_stored_as_minus_one) {
  ApiClient boss = staff("boss@tessera.test", "admin");
  ApiClient olga = staff("olga@tessera.test");
  ApiClient ana = customer("ana@example.com");
  const auto ticket = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}});
  const std::string path = "/api/v1/tickets/" + std::to_string(ticket.body["ticket"]["id"].get<Id>());
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  BOOST_TEST_REQUIRE(olga.post(path + "/time", {{"minutes", 3}, {"note", "first look"}}).status == 201);
  const auto refused =
      boss.post_raw(path + "/adjustments", R"({"minutes":18446744073709551615,"note":"fix"})", {{"X-Tessera-Request", "1"}});
  BOOST_TEST(refused.status == 400);
  BOOST_TEST(refused.error_code() == "invalid_value");
  BOOST_TEST(refused.body["error"]["field"] == "minutes");
  BOOST_TEST(olga.get(path).body["ticket"]["minutes_worked"] == 3);  // not 2
  const auto fixed = boss.post(path + "/adjustments", {{"minutes", -1}, {"note", "one too many"}});
  BOOST_TEST(fixed.status == 201);  // an ordinary adjustment still works
  BOOST_TEST(olga.get(path).body["ticket"]["minutes_worked"] == 2);
}

BOOST_AUTO_TEST_SUITE_END()

// [SECTION] 6. Internal notes
BOOST_FIXTURE_TEST_SUITE(attack_internal_notes, AttackFixture)

BOOST_AUTO_TEST_CASE(an_internal_note_tells_the_customer_nothing) {
  ApiClient ana = customer("ana@example.com");
  ApiClient olga = staff("olga@tessera.test");
  const auto ticket = ana.post("/api/v1/tickets", ticket_body(), {{"Idempotency-Key", "k1"}});
  const Id id = ticket.body["ticket"]["id"].get<Id>();
  const std::string path = "/api/v1/tickets/" + std::to_string(id);
  BOOST_TEST_REQUIRE(olga.post(path + "/actions", {{"action", "take"}}).status == 200);
  const auto before = ana.get(path).body["ticket"];
  const auto listed_before = ana.get("/api/v1/tickets").body["tickets"][0]["updated_at"];

  RawConnection ana_stream(server.port(), "127.0.3.1");
  ana_stream.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + ana.cookie() + "\r\n\r\n");
  BOOST_TEST_REQUIRE(status_of(ana_stream.read_head()) == 200);
  RawConnection olga_stream(server.port(), "127.0.3.2");
  olga_stream.send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + olga.cookie() + "\r\n\r\n");
  BOOST_TEST_REQUIRE(status_of(olga_stream.read_head()) == 200);
  ana_stream.drain(200);
  olga_stream.drain(200);

  server.advance_seconds(120);
  BOOST_TEST_REQUIRE(olga.post(path + "/messages", {{"body", "Customer seems upset."}, {"internal", true}}).status == 201);
  BOOST_TEST(olga_stream.drain(1500).find("\"id\":" + std::to_string(id)) != std::string::npos);  // staff hear it
  BOOST_TEST(ana_stream.drain(500).find("event: ticket") == std::string::npos);                  // the customer does not
  const auto after = ana.get(path).body["ticket"];
  BOOST_TEST(after["updated_at"] == before["updated_at"]);
  BOOST_TEST(ana.get("/api/v1/tickets").body["tickets"][0]["updated_at"] == listed_before);

  // A message the customer may read still moves updated_at and reaches the customer's stream.
  BOOST_TEST_REQUIRE(olga.post(path + "/messages", {{"body", "Please restart the printer."}}).status == 201);
  BOOST_TEST(ana_stream.drain(1500).find("\"id\":" + std::to_string(id)) != std::string::npos);
  BOOST_TEST(ana.get(path).body["ticket"]["updated_at"] != before["updated_at"]);
  BOOST_TEST(still_answers());
}

BOOST_AUTO_TEST_SUITE_END()
