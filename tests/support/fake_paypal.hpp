// Test support: a fake PayPal REST server on a loopback port the OS picks, speaking the JSON
// of OAuth2 tokens, Orders v2 (create, show, capture) and verify-webhook-signature. The test
// plays the payer (approve), sets failures (declined capture, slow answers, 500, refused
// webhooks), signs webhook events the fake will verify, and reads every request it received.
#pragma once
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/paypal_client.hpp"

namespace tessera::testing {

class FakePayPal {
 public:
  static constexpr const char* kClientId = "fake-client-id";
  static constexpr const char* kClientSecret = "fake-client-secret";
  static constexpr const char* kWebhookId = "FAKEWEBHOOK0001";
  static constexpr const char* kAuthAlgo = "SHA256withRSA";

  struct RecordedRequest {
    std::string method;
    std::string path;
    std::string request_id;  // the PayPal-Request-Id header, "" if absent
  };

  struct Order {
    std::string id;
    std::string status;  // CREATED | PAYER_ACTION_REQUIRED -> APPROVED -> COMPLETED
    std::string reference_id;
    std::string description;
    Cents amount = 0;
    std::string currency;
    std::string return_url;
    std::string cancel_url;
    std::string capture_id;  // once captured
  };

  FakePayPal();
  ~FakePayPal();
  FakePayPal(const FakePayPal&) = delete;
  FakePayPal& operator=(const FakePayPal&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // A client configuration pointing here, with the fake's credentials and webhook id.
  server::PayPalConfig config(int timeout_seconds = 10) const;

  // [SECTION] The payer and the orders
  // Approves the order as the payer would on PayPal's page; false if it does not await approval.
  // (GET <approve_url> does the same, then redirects to the order's return_url.)
  bool approve(const std::string& order_id);
  std::optional<Order> order(const std::string& order_id) const;

  // [SECTION] Failures
  void decline_next_capture();                              // 422 UNPROCESSABLE_ENTITY, INSTRUMENT_DECLINED
  void set_response_delay(std::chrono::milliseconds delay);  // every answer, after the work is done
  void fail_next_requests(int count);                        // 500 INTERNAL_SERVER_ERROR, nothing done
  void set_token_lifetime(std::int64_t seconds);             // expires_in of the next tokens
  void revoke_tokens();                                      // the tokens issued so far answer 401
  void refuse_all_webhooks(bool refuse);                     // FAILURE even for events signed here

  // [SECTION] Webhooks
  // An event (with a fresh event id) and the transmission headers this fake verifies as SUCCESS;
  // any change to the body or to a header makes the verification FAILURE.
  std::pair<httplib::Headers, std::string> make_webhook_event(const std::string& event_type,
                                                              const nlohmann::json& resource);
  // The resource of a PAYMENT.CAPTURE.COMPLETED event for a captured order (empty if none).
  nlohmann::json capture_resource(const std::string& order_id) const;

  // [SECTION] What was received
  std::vector<RecordedRequest> requests() const;
  int count_requests(const std::string& method, const std::string& path) const;
  int tokens_issued() const;
  int captures_performed() const;

 private:
  bool replayed(const httplib::Request& request, const std::string& key, httplib::Response& response);
  struct StoredAnswer {
    int status = 0;
    std::string body;
  };
  using Work = std::function<void(const httplib::Request&, httplib::Response&)>;
  httplib::Server::Handler answer(Work work);
  bool authorized(const httplib::Request& request, httplib::Response& response) const;
  void create_order(const httplib::Request& request, httplib::Response& response);
  void capture(const httplib::Request& request, httplib::Response& response);
  void verify_signature(const httplib::Request& request, httplib::Response& response);
  nlohmann::json order_json(const Order& order) const;
  std::string approve_url(const std::string& order_id) const;
  std::string cert_url() const;
  std::string signature(const std::string& transmission_id, const std::string& transmission_time,
                        const std::string& webhook_id, const nlohmann::json& event) const;

  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::atomic<bool> stopping_{false};
  std::string signing_secret_;

  mutable std::mutex mutex_;  // guards everything below
  std::map<std::string, Order> orders_;
  std::map<std::string, StoredAnswer> idempotent_answers_;  // path + request id -> first answer
  std::vector<std::string> tokens_;
  std::vector<RecordedRequest> requests_;
  std::int64_t token_lifetime_ = 32'400;
  int tokens_issued_ = 0;
  int captures_performed_ = 0;
  int failures_left_ = 0;
  bool decline_next_capture_ = false;
  bool refuse_webhooks_ = false;
  std::chrono::milliseconds delay_{0};
};

}  // namespace tessera::testing
