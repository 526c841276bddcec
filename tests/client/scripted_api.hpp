// An Api that records each request and answers it, at the next poll, with the next answer of
// a script the test writes (404 when the script is empty) — for the request layer's tests,
// with no server. Answers can be held back (hold = true) to test what is in flight, or only
// the answers to one path (hold_path), the others being answered in order. A test that
// rather answers by path sets `respond` (the script is then not read), or by method, path and
// body, `respond_to`.
#pragma once
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "net/api.hpp"

namespace tessera::client::testing {

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

class ScriptedApi final : public Api {
 public:
  ScriptedApi(std::vector<SentRequest>& sent, std::deque<HttpResponse>& answers) : sent_(sent), answers_(answers) {}
  void send(const std::string& method, const std::string& path, const std::string& body, const HttpHeaders& headers,
            ResponseHandler done) override {
    sent_.push_back({method, path, body, headers});
    pending_.push_back({path, std::move(done), sent_.back()});
  }
  void poll() override {
    if (hold) return;
    std::vector<Pending> batch;
    std::vector<Pending> kept;
    for (auto& request : pending_) (!hold_path.empty() && request.path == hold_path ? kept : batch).push_back(std::move(request));
    pending_ = std::move(kept);
    for (auto& [path, done, request] : batch) {
      HttpResponse answer{404, R"({"error":{"code":"not_found"}})"};
      if (respond_to) {
        answer = respond_to(request);
      } else if (respond) {
        answer = respond(path);
      } else if (!answers_.empty()) {
        answer = answers_.front();
        answers_.pop_front();
      }
      done(answer);
    }
  }
  bool hold = false;
  std::string hold_path;  // when set, only the requests to this path wait
  std::function<HttpResponse(const std::string& path)> respond;
  std::function<HttpResponse(const SentRequest& request)> respond_to;
  std::size_t pending() const { return pending_.size(); }

 private:
  struct Pending {
    std::string path;
    ResponseHandler done;
    SentRequest request;
  };
  std::vector<SentRequest>& sent_;
  std::deque<HttpResponse>& answers_;
  std::vector<Pending> pending_;
};

}  // namespace tessera::client::testing
