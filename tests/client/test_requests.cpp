// The requests the App sends, seen through a scripted Api (no server): the CSRF header on
// every state-changing request, the Idempotency-Key on ticket creation (kept for a retry
// after a network failure, new after an answer), the network error shown translated, and
// redraw requests only when something changed.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <deque>

#include "frame_driver.hpp"
#include "tessera/texts.hpp"

using tessera::Language;
using tessera::client::Api;
using tessera::client::HttpHeaders;
using tessera::client::HttpResponse;
using tessera::client::ResponseHandler;
using tessera::client::Screen;
using tessera::client::testing::FrameDriver;

namespace {

struct SentRequest {
  std::string method;
  std::string path;
  std::string body;
  HttpHeaders headers;
  std::string header(const std::string& name) const {
    for (const auto& [key, value] : headers)
      if (key == name) return value;
    return {};
  }
};

// Answers each request with the next scripted answer (404 when the script is empty), from poll().
class ScriptedApi final : public Api {
 public:
  explicit ScriptedApi(std::vector<SentRequest>& sent, std::deque<HttpResponse>& answers)
      : sent_(sent), answers_(answers) {}
  void send(const std::string& method, const std::string& path, const std::string& body, const HttpHeaders& headers,
            ResponseHandler done) override {
    sent_.push_back({method, path, body, headers});
    pending_.push_back(std::move(done));
  }
  void poll() override {
    auto batch = std::move(pending_);
    pending_.clear();
    for (auto& done : batch) {
      HttpResponse answer{404, R"({"error":{"code":"not_found"}})"};
      if (!answers_.empty()) {
        answer = answers_.front();
        answers_.pop_front();
      }
      done(answer);
    }
  }

 private:
  std::vector<SentRequest>& sent_;
  std::deque<HttpResponse>& answers_;
  std::vector<ResponseHandler> pending_;
};

const char* kMe =
    R"({"user":{"id":1,"account_id":1,"name":"Zoé","email":"zoe@example.org","role":"customer","language":"en"},)"
    R"("balances":{"trial_minutes_granted":15,"trial_minutes_left":15,"trial_expires_at":0,"overrun_minutes":0}})";

struct Fixture {
  std::vector<SentRequest> sent;
  std::deque<HttpResponse> answers{{200, kMe}, {200, kMe}, {200, R"({"tickets":[]})"}};
  FrameDriver driver{std::make_unique<ScriptedApi>(sent, answers)};
  Fixture() { driver.settle(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(requests, Fixture)

BOOST_AUTO_TEST_CASE(reads_carry_no_csrf_header_and_a_session_resumes) {
  BOOST_TEST(driver.state()["screen"] == "my_tickets");
  BOOST_REQUIRE(!sent.empty());
  BOOST_TEST(sent[0].method == "GET");
  BOOST_TEST(sent[0].path == "/api/v1/me");
  BOOST_TEST(sent[0].header("X-Tessera-Request").empty());
}

BOOST_AUTO_TEST_CASE(ticket_creation_carries_csrf_and_idempotency_headers) {
  BOOST_REQUIRE(driver.click("tickets.new"));
  BOOST_REQUIRE(driver.type("ticket.subject", "Printer"));
  answers.push_back({0, ""});  // the first attempt gets no answer at all
  BOOST_REQUIRE(driver.click("ticket.submit"));
  driver.settle();
  BOOST_TEST(driver.state()["error"]["code"] == "network");
  BOOST_TEST(driver.state()["error"]["text"] == std::string(tessera::tr("error.network", Language::en)));
  const auto first = sent.back();
  BOOST_TEST(first.method == "POST");
  BOOST_TEST(first.path == "/api/v1/tickets");
  BOOST_TEST(first.header("X-Tessera-Request") == "1");
  BOOST_TEST(first.header("Content-Type") == "application/json");
  const auto key = first.header("Idempotency-Key");
  BOOST_TEST(key.size() == 32u);
  BOOST_TEST(nlohmann::json::parse(first.body)["subject"] == "Printer");

  // Sending again after a network failure reuses the key: the server creates it once.
  answers.push_back({400, R"({"error":{"code":"required","field":"description"}})"});
  BOOST_REQUIRE(driver.click("ticket.submit"));
  driver.settle();
  BOOST_TEST(sent.back().header("Idempotency-Key") == key);
  BOOST_TEST(driver.state()["error"]["field"] == "description");
  // After an answer, the next submission is a new request with a new key.
  BOOST_REQUIRE(driver.click("ticket.submit"));
  driver.settle();
  BOOST_TEST(sent.back().header("Idempotency-Key") != key);
  BOOST_TEST(sent.back().header("Idempotency-Key").size() == 32u);
}

BOOST_AUTO_TEST_CASE(log_out_posts_with_the_csrf_header_and_drops_late_answers) {
  driver.app().show_my_tickets();  // GET /me and GET /tickets on their way...
  driver.app().logout();           // ...when the user logs out
  answers.assign({{200, kMe},
                  {200, R"({"tickets":[{"id":7,"subject":"late","status":"new"}]})"},
                  {204, ""}});
  driver.settle();
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "home");
  BOOST_TEST(driver.state()["user"].is_null());
  BOOST_TEST(driver.state()["tickets"].empty());  // the late answers were dropped
  const auto logout = std::find_if(sent.begin(), sent.end(), [](const SentRequest& r) {
    return r.path == "/api/v1/auth/logout";
  });
  BOOST_REQUIRE(logout != sent.end());
  BOOST_TEST(logout->method == "POST");
  BOOST_TEST(logout->header("X-Tessera-Request") == "1");
}

BOOST_AUTO_TEST_CASE(an_ended_session_leads_to_the_log_in_screen) {
  answers.push_back({401, R"({"error":{"code":"unauthenticated"}})"});
  answers.push_back({401, R"({"error":{"code":"unauthenticated"}})"});
  BOOST_REQUIRE(driver.click("tickets.refresh"));
  driver.settle();
  driver.step();
  BOOST_TEST(driver.state()["screen"] == "login");
  BOOST_TEST(driver.state()["user"].is_null());
  BOOST_TEST(driver.state()["error"]["code"] == "unauthenticated");
  BOOST_TEST(driver.state()["error"]["text"] == "Please log in.");
}

BOOST_AUTO_TEST_CASE(nothing_to_redraw_once_settled) {
  driver.step(3);
  driver.app().take_redraw_request();
  driver.step(3);
  BOOST_TEST(!driver.app().take_redraw_request());  // idle: the platform renders no frame
  BOOST_REQUIRE(driver.click("lang.fr"));
  BOOST_TEST(driver.app().take_redraw_request());
}

BOOST_AUTO_TEST_SUITE_END()
