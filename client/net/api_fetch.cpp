// Browser Api backend over emscripten_fetch: the body and headers are kept alive in a
// context object until the answer arrives; success and failure go through one handler,
// status 0 meaning that no answer came (offline, timeout).
#include "net/api_fetch.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <string>
#include <vector>

namespace tessera::client {

namespace {

struct FetchContext {
  ResponseHandler done;
  std::function<void()> on_answer;
  std::string body;
  std::vector<std::string> header_storage;
  std::vector<const char*> header_pointers;  // name, value, ..., nullptr
};

void finished(emscripten_fetch_t* fetch) {
  auto* context = static_cast<FetchContext*>(fetch->userData);
  HttpResponse answer;
  answer.status = fetch->status;
  if (fetch->data != nullptr && fetch->numBytes > 0)
    answer.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
  emscripten_fetch_close(fetch);
  context->done(std::move(answer));
  if (context->on_answer) context->on_answer();
  delete context;
}

class FetchApi final : public Api {
 public:
  explicit FetchApi(std::function<void()> on_answer) : on_answer_(std::move(on_answer)) {}

  void send(const std::string& method, const std::string& path, const std::string& body,
            const HttpHeaders& headers, ResponseHandler done) override {
    auto* context = new FetchContext{std::move(done), on_answer_, body, {}, {}};
    for (const auto& [name, value] : headers) {
      context->header_storage.push_back(name);
      context->header_storage.push_back(value);
    }
    for (const auto& text : context->header_storage) context->header_pointers.push_back(text.c_str());
    context->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.timeoutMSecs = 15000;
    attr.requestHeaders = context->header_pointers.data();
    if (!context->body.empty()) {
      attr.requestData = context->body.data();
      attr.requestDataSize = context->body.size();
    }
    attr.userData = context;
    attr.onsuccess = finished;
    attr.onerror = finished;
    emscripten_fetch(&attr, path.c_str());
  }

 private:
  std::function<void()> on_answer_;
};

}  // namespace

std::unique_ptr<Api> make_fetch_api(std::function<void()> on_answer) {
  return std::make_unique<FetchApi>(std::move(on_answer));
}

}  // namespace tessera::client
